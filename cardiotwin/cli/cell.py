"""``cardiotwin cell MODEL``: single-cell pacing with biomarkers (like openCARP's bench).

MODEL is a registry name or a CellML/Myokit file (generated and compiled on first use,
then cached).  The model's own stimulus (amplitude and duration from its file) is applied
every ``--bcl`` ms from t = 0; a model without a stimulus (a pacemaker) runs free and its
last complete spontaneous cycle is analysed.  A run that cannot give the biomarkers (the
potential leaves the physical range, no action potential) exits with status 2 and a
one-line reason, printing no JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

#: final cycles recorded for a model running free (its own cycle length may exceed --bcl)
FREE_RUNNING_CYCLES = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin cell``."""
    parser.add_argument("model", help="registry name (see `cardiotwin models`) or a path "
                                      "to a .cellml/.mmt file")
    parser.add_argument("--bcl", type=float, default=1000.0, help="cycle length, ms")
    parser.add_argument("--beats", type=int, default=1, help="number of beats (last recorded)")
    parser.add_argument("--dt", type=float, default=0.01, help="time step, ms")
    parser.add_argument("--stim-amplitude", type=float, default=None,
                        help="µA/µF, negative depolarises (default: the model's)")
    parser.add_argument("--stim-duration", type=float, default=None,
                        help="ms (default: the model's)")
    parser.add_argument("--scale", action="append", default=[], metavar="NAME=FACTOR",
                        help="multiply a parameter row, e.g. gKr=0.5 halves I_Kr (repeatable)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="assign a parameter row in its unit, e.g. D=30 or celltype=1 "
                             "(repeatable; applied before --scale)")
    parser.add_argument("--lut", action="store_true", help="use lookup tables")
    parser.add_argument("--substeps", type=int, default=None, metavar="N",
                        help="substeps per time step (default: 1, and a cycle that leaves the "
                             "physical range is taken again with 2, 4, ... up to 16)")
    parser.add_argument("--vm", help="membrane potential variable of a model file")
    parser.add_argument("--stimulus", help="stimulus variable of a model file")
    parser.add_argument("--trace", help="write the recorded beat (t, V, states) to this CSV")
    parser.add_argument("--json", action="store_true", help="print the biomarkers as JSON")


def _parse(option: str, items: list[str]) -> dict[str, float]:
    from cardiotwin.exceptions import ConfigError

    out: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            if not sep or not name.strip():
                raise ValueError
            out[name.strip()] = float(value)
        except ValueError:
            raise ConfigError(f"{option} {item!r}: expected NAME=NUMBER, e.g. gKr=0.5") from None
    return out


def _finite_or_none(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def run(args: argparse.Namespace) -> int:
    """Pace the model and print/write the recorded beat's biomarkers."""
    import numpy as np

    from cardiotwin.exceptions import ModelError
    from cardiotwin.ionic import resolve_model
    from cardiotwin.ionic.biomarkers import spontaneous_biomarkers
    from cardiotwin.ionic.parameters import ParameterChanges
    from cardiotwin.ionic.simulate import PacingProtocol, cai_index_and_scale, pace, pace_cells

    changes = ParameterChanges(scale=_parse("--scale", args.scale),
                               set=_parse("--set", args.set))
    model = resolve_model(args.model, vm=args.vm, stimulus=args.stimulus)
    changes.check(model)
    protocol = PacingProtocol(bcl_ms=args.bcl, beats=args.beats, dt_ms=args.dt,
                              stim_amplitude=args.stim_amplitude,
                              stim_duration_ms=args.stim_duration, use_lut=args.lut)
    params = model.default_params(1)
    changes.apply(model, params)
    stim = protocol.stimulus(model)
    out: dict[str, Any] = {"model": model.name}
    if stim.amplitude == 0:
        # no stimulus: the model beats by itself (or rests); analyse its last cycle
        n_rec = min(protocol.beats, FREE_RUNNING_CYCLES)
        beat = pace_cells(model, stim, cycle_ms=protocol.bcl_ms, cycles=protocol.beats,
                          dt_ms=protocol.dt_ms, params=params, use_lut=protocol.use_lut,
                          record_cycles=n_rec, substeps=args.substeps)
        t, states, substeps = beat.t_ms, beat.states0, beat.substeps
        sb = spontaneous_biomarkers(t, states[:, 0])
        if sb is None:
            raise ModelError(
                f"{model.name}: no stimulus and no spontaneous beating in the last {n_rec} "
                f"cycle(s) of {protocol.bcl_ms:g} ms (V between {states[:, 0].min():.4g} and "
                f"{states[:, 0].max():.4g} {model.voltage_unit}); give a stimulus with "
                "--stim-amplitude/--stim-duration")
        bm = sb.beat.as_dict()
        ci = cai_index_and_scale(model)
        if ci is not None:
            seg = t >= sb.t0_ms
            cai = states[seg, ci[0]] * ci[1]
            bm["cai_peak_uM"], bm["cai_diastolic_uM"] = float(cai.max()), float(cai[0])
        out.update(bm)
        out["cycle_length_ms"] = sb.cycle_length_ms
        out["pacing"] = "free-running (the model has no stimulus of its own)"
    else:
        result = pace(model, protocol, params=params, substeps=args.substeps)
        t, states, substeps = result.t_ms, result.states, result.substeps
        bm = result.biomarkers.as_dict()
        if not math.isfinite(bm["apd90_ms"]):
            v = states[:, 0]
            raise ModelError(
                f"{model.name}: no complete action potential in the last beat (V from "
                f"{v.min():.4g} to {v.max():.4g} {model.voltage_unit}, rest {v[0]:.4g}): the "
                f"stimulus {-stim.amplitude:g} uA/uF x {stim.duration_ms:g} ms does not "
                "excite the cell, or it does not repolarise within the cycle; try "
                "--stim-amplitude, --stim-duration or a longer --bcl")
        out.update(bm)
        out["pacing"] = "periodic"
    out.update({
        "beats": protocol.beats, "dt_ms": protocol.dt_ms, "bcl_ms": protocol.bcl_ms,
        "substeps": substeps,
        "stim_amplitude_uA_per_uF": -stim.amplitude if stim.amplitude else 0.0,
        "stim_duration_ms": stim.duration_ms, "voltage_unit": model.voltage_unit,
        "lut": protocol.use_lut,
        "parameters": changes.values(model) if changes else {},
    })
    if model.voltage_unit != "mV":
        out["note"] = "membrane potential is dimensionless; *_mV fields are in that unit"
    out = {k: _finite_or_none(v) for k, v in out.items()}
    if args.trace:
        header = "t_ms," + ",".join(model.state_names)
        np.savetxt(args.trace, np.column_stack([t, states]), delimiter=",", header=header,
                   comments="")
    if args.json:
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
    else:
        for k, v in out.items():
            sys.stdout.write(f"{k:28s} {v}\n")
    return 0
