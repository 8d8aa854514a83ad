"""``cardiotwin cell MODEL``: single-cell pacing with biomarkers (like openCARP's bench)."""

from __future__ import annotations

import argparse
import json
import sys


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
    parser.add_argument("--scale", action="append", default=[], metavar="NAME=VALUE",
                        help="set a parameter, e.g. gKr=0.5 (scalings default to 1)")
    parser.add_argument("--lut", action="store_true", help="use lookup tables")
    parser.add_argument("--vm", help="membrane potential variable of a model file")
    parser.add_argument("--stimulus", help="stimulus variable of a model file")
    parser.add_argument("--trace", help="write the last beat (t, V, states) to this CSV")
    parser.add_argument("--json", action="store_true", help="print the biomarkers as JSON")


def _parse_scales(items: list[str]) -> dict[str, float]:
    from cardiotwin.exceptions import ConfigError

    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError
            out[name.strip()] = float(value)
        except ValueError:
            raise ConfigError(f"--scale {item!r}: expected NAME=VALUE, e.g. gKr=0.5") from None
    return out


def run(args: argparse.Namespace) -> int:
    """Pace the model and print/write the last beat's biomarkers."""
    from pathlib import Path

    import numpy as np

    from cardiotwin.ionic import get_model, load_model
    from cardiotwin.ionic.registry import SHIPPED_MODULES
    from cardiotwin.ionic.simulate import PacingProtocol, pace, set_params

    if args.model in SHIPPED_MODULES or not Path(args.model).suffix:
        model = get_model(args.model)
    else:
        model = load_model(args.model, vm=args.vm, stimulus=args.stimulus)
    protocol = PacingProtocol(bcl_ms=args.bcl, beats=args.beats, dt_ms=args.dt,
                              stim_amplitude=args.stim_amplitude,
                              stim_duration_ms=args.stim_duration, use_lut=args.lut)
    params = model.default_params(1)
    set_params(model, params, _parse_scales(args.scale))
    result = pace(model, protocol, params=params)
    out = {"model": model.name, **result.biomarkers.as_dict(), "beats": protocol.beats,
           "dt_ms": protocol.dt_ms, "bcl_ms": protocol.bcl_ms,
           "stim_amplitude_uA_per_uF": result.stimulus[0], "stim_duration_ms": result.stimulus[1],
           "voltage_unit": model.voltage_unit, "lut": protocol.use_lut}
    if model.voltage_unit != "mV":
        out["note"] = "membrane potential is dimensionless; *_mV fields are in that unit"
    if args.trace:
        header = "t_ms," + ",".join(model.state_names)
        np.savetxt(args.trace, np.column_stack([result.t_ms, result.states]), delimiter=",",
                   header=header, comments="")
    if args.json:
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
    else:
        for k, v in out.items():
            sys.stdout.write(f"{k:28s} {v}\n")
    return 0
