"""Independent reference traces: Myokit + CVODES on the same model file, paced the same way.

Used by the verification tests and ``benchmarks/cellml_zoo.py``.  The model file is read
again with Myokit's importer, *unconverted* (time in its own unit, V in its own unit);
only the stimulus is replaced, by Myokit's ``pace`` input times the amplitude cardiotwin
uses (the model's own pulse, in the stimulus variable's unit, applied depolarising), and
paced with :func:`myokit.pacing.blocktrain` from t = 0 (the model's own timing is not used,
as in cardiotwin).  A model without a stimulus runs free.  The logged trace is converted to
ms and mV at the end.  Needs Myokit and a CVODES library (``libsundials-dev``).
"""

from __future__ import annotations

import logging
import time as _time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin._deps import require
from cardiotwin.exceptions import DependencyError, SolverError


@dataclass(frozen=True)
class ReferenceTrace:
    """The recorded cycles of a Myokit/CVODES run: ``t_ms`` from 0 at their start,
    ``v`` in mV (or dimensionless), the stimulus applied (µA/µF with the Hodgkin–Huxley
    sign, ms; 0 for a model running free) and the run's wall time (s, compilation
    included)."""

    t_ms: np.ndarray = field(repr=False)
    v: np.ndarray = field(repr=False)
    stimulus: tuple[float, float]
    free_running: bool
    wall_s: float
    tolerance: float = 1e-8


def myokit_reference(path: str | Path, *, bcl_ms: float = 1000.0, beats: int = 20,
                     dt_ms: float = 0.01, record_cycles: int = 1, vm: str | None = None,
                     stimulus: str | None = None, constants: dict[str, float] | None = None,
                     tolerance: float = 1e-8, max_step_ms: float = 1.0,
                     scale: dict[str, float] | None = None) -> ReferenceTrace:
    """Pace a model file with Myokit/CVODES as cardiotwin paces it; record the last cycles.

    Parameters
    ----------
    path
        CellML or ``.mmt`` file.
    bcl_ms, beats
        Cycle length (ms) and number of cycles; the last ``record_cycles`` are logged.
    dt_ms
        Log interval (ms).
    vm, stimulus, constants
        As for :func:`cardiotwin.ionic.importer.prepare_model` (``constants`` are set in
        the Myokit model too, e.g. ORd's ``environment.celltype``).
    tolerance
        CVODES absolute and relative tolerance.
    scale
        Scalings by cardiotwin's parameter names (``{"gK1": 2.0}``): the model variable
        each one multiplies in the kernel is multiplied by the same factor here.
    max_step_ms
        CVODES maximum step (ms).

    Raises
    ------
    DependencyError
        Myokit or its CVODES simulation is not available.
    SolverError
        CVODES failed (the message is Myokit's first line).
    """
    myokit = require("myokit", extra="cellml", purpose="Myokit reference simulations")
    from cardiotwin.ionic.importer import prepare_model, read_myokit_model

    t0 = _time.perf_counter()
    prep = prepare_model(path, vm=vm, stimulus=stimulus, constants=constants)
    model = read_myokit_model(Path(path))
    for qname, value in sorted((constants or {}).items()):
        var = model.get(qname)
        var.set_rhs(myokit.Number(float(value), var.unit()))
    targets = {p.name: p.qname for p in prep.parameters if p.kind == "scale"}
    for name, factor in sorted((scale or {}).items()):
        if name not in targets:
            raise SolverError(f"{Path(path).name}: no scalable parameter {name!r} (it has "
                              f"{', '.join(sorted(targets))})")
        var = model.get(targets[name])
        var.set_rhs(myokit.Multiply(myokit.Number(float(factor)), var.rhs()))
    time = model.time()
    tf = _factor(myokit, time.unit(), myokit.units.ms)
    v = model.get(prep.vm)
    vf = 1.0 if prep.voltage_unit == "1" else _factor(myokit, v.unit(), myokit.units.mV)
    free = prep.pacemaker or prep.default_stimulus[0] == 0
    protocol = None
    if model.has_variable(prep.stimulus):
        s = model.get(prep.stimulus)
        if free:
            s.set_rhs(myokit.Number(0.0, s.unit()))
        else:
            amplitude = -prep.default_stimulus[0] / prep.stim_factor
            pace = model.binding("pace")
            if pace is None:
                pace = s.parent().add_variable_allow_renaming("pace")
                pace.set_rhs(myokit.Number(0.0))
                pace.set_binding("pace")
            s.set_rhs(myokit.Multiply(myokit.Name(pace), myokit.Number(amplitude, s.unit())))
            protocol = myokit.pacing.blocktrain(period=bcl_ms / tf,
                                                duration=prep.default_stimulus[1] / tf,
                                                offset=0.0)
    # building the simulation compiles C with setuptools, which configures the root
    # logger with handlers on the temporarily captured stderr (closed afterwards: every
    # later log record would print a "Logging error" traceback); keep the root as it was
    root_handlers = list(logging.root.handlers)
    try:
        sim = myokit.Simulation(model, protocol)
    except Exception as exc:
        raise DependencyError(f"Myokit CVODES simulation unavailable ({exc}); it needs "
                              "libsundials-dev") from exc
    finally:
        for h in [h for h in logging.root.handlers if h not in root_handlers]:
            logging.root.removeHandler(h)
    sim.set_tolerance(tolerance, tolerance)
    sim.set_max_step_size(max_step_ms / tf)
    try:
        sim.pre((beats - record_cycles) * bcl_ms / tf)
        d = sim.run(record_cycles * bcl_ms / tf, log=[time.qname(), v.qname()],
                    log_interval=dt_ms / tf)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SolverError(f"Myokit/CVODES failed on {Path(path).name}: {first}") from None
    t = (np.asarray(d[time.qname()]) - np.asarray(d[time.qname()])[0]) * tf
    stim = (0.0, 0.0) if free else (float(prep.default_stimulus[0]),
                                    float(prep.default_stimulus[1]))
    return ReferenceTrace(t_ms=t, v=np.asarray(d[v.qname()]) * vf, stimulus=stim,
                          free_running=free, wall_s=_time.perf_counter() - t0,
                          tolerance=tolerance)


def _factor(myokit: Any, unit: Any, target: Any) -> float:
    if unit is None or unit == myokit.units.dimensionless:
        return 1.0
    return float(myokit.Unit.conversion_factor(unit, target))


@dataclass(frozen=True)
class Comparison:
    """cardiotwin against Myokit/CVODES on one model file (:func:`compare_with_myokit`).

    ``ours``/``myokit``: biomarkers of the last beat (or of the last complete spontaneous
    cycle for a model running free, with ``cycle_length_ms``), as plain dicts;
    ``rmse``: root-mean-square difference of V over that cycle (mV; both sampled every
    ``dt_ms`` from its start); ``apd90_err_pct``: 100 (ours - Myokit) / Myokit;
    ``substeps``: substeps per ``dt_ms`` our run needed (see
    :func:`cardiotwin.ionic.simulate.pace_cells`).
    """

    model: str
    free_running: bool
    ours: dict
    myokit: dict
    rmse: float | None
    apd90_err_pct: float | None
    ms_per_beat: float
    myokit_tolerance: float
    substeps: int = 1

    def matches(self, rel: float = 0.01) -> bool:
        """APD90 within ``rel`` (relative) of Myokit's."""
        return self.apd90_err_pct is not None and abs(self.apd90_err_pct) <= 100.0 * rel


def analyse(t: np.ndarray, v: np.ndarray, free_running: bool) -> tuple[dict, float]:
    """(biomarkers as a dict, start of the analysed cycle in ms) of a recorded trace: the
    last beat of a paced trace (starting at the trace's start), or the last complete cycle
    of a free-running one (empty dict if it does not beat)."""
    from cardiotwin.ionic.biomarkers import beat_biomarkers, spontaneous_biomarkers

    if free_running:
        sb = spontaneous_biomarkers(t, v)
        if sb is None:
            return {}, 0.0
        return {**sb.beat.as_dict(), "cycle_length_ms": sb.cycle_length_ms}, sb.t0_ms
    return beat_biomarkers(t, v).as_dict(), 0.0


def compare_with_myokit(model: Any, path: str | Path, *, beats: int = 20, dt_ms: float = 0.01,
                        bcl_ms: float = 1000.0, use_lut: bool = False,
                        reference: ReferenceTrace | None = None,
                        reference_dt_ms: float | None = None,
                        tolerances: tuple[float, ...] = (1e-8, 1e-6),
                        scale: dict[str, float] | None = None) -> Comparison:
    """Pace ``model`` (compiled from ``path``) and Myokit/CVODES on ``path`` the same way.

    Both are paced from t = 0 every ``bcl_ms`` with the model's own stimulus for ``beats``
    cycles (a model without a stimulus runs free and its last 3 cycles are recorded).
    ``scale`` (parameter name -> factor, e.g. a remodelling set) applies to both.
    ``reference`` (the :func:`myokit_reference` of the same protocol, logged every
    ``reference_dt_ms``, default ``dt_ms``, which must divide ``dt_ms``) is computed if
    not given, at the first of ``tolerances`` CVODES accepts (a discontinuous right-hand
    side can defeat 1e-8).  The RMSE compares the reference at cardiotwin's samples.

    Raises
    ------
    SolverError
        cardiotwin's run left the physical range, or CVODES failed at every tolerance.
    """
    import time

    from cardiotwin.ionic.simulate import PacingProtocol, pace_cells

    stim = PacingProtocol(bcl_ms=bcl_ms, beats=beats, dt_ms=dt_ms).stimulus(model)
    free = stim.amplitude == 0
    record = min(beats, 3) if free else 1
    t0 = time.perf_counter()
    params = None
    if scale:
        from cardiotwin.ionic.parameters import ParameterChanges

        params = model.default_params(1)
        ParameterChanges(scale=scale).apply(model, params)
    beat = pace_cells(model, stim, cycle_ms=bcl_ms, cycles=beats, dt_ms=dt_ms,
                      use_lut=use_lut, record_cycles=record, params=params)
    ms_per_beat = 1000.0 * (time.perf_counter() - t0) / beats
    ref_dt = dt_ms if reference_dt_ms is None else float(reference_dt_ms)
    every = round(dt_ms / ref_dt)
    if every < 1 or abs(every * ref_dt - dt_ms) > 1e-9 * dt_ms:
        raise ValueError(f"reference_dt_ms={ref_dt} must divide dt_ms={dt_ms}")
    if reference is None:
        for k, tol in enumerate(tolerances):
            try:
                reference = myokit_reference(path, bcl_ms=bcl_ms, beats=beats, dt_ms=ref_dt,
                                             record_cycles=record, tolerance=tol, scale=scale)
                break
            except SolverError:
                if k == len(tolerances) - 1:
                    raise
    v = beat.states0[:, 0]
    ours, t_ours = analyse(beat.t_ms, v, free)
    theirs, t_ref = analyse(reference.t_ms, reference.v, free)
    a = v[round(t_ours / dt_ms):]
    b = reference.v[round(t_ref / ref_dt)::every]
    n = min(len(a), len(b), round(bcl_ms / dt_ms) + 1)
    rmse = float(np.sqrt(np.mean((a[:n] - b[:n]) ** 2))) if n > 10 else None
    err = None
    if ours.get("apd90_ms") and theirs.get("apd90_ms") and np.isfinite(ours["apd90_ms"]) \
            and np.isfinite(theirs["apd90_ms"]):
        err = 100.0 * (ours["apd90_ms"] - theirs["apd90_ms"]) / theirs["apd90_ms"]
    return Comparison(model=model.name, free_running=free, ours=ours, myokit=theirs,
                      rmse=rmse if rmse is None or np.isfinite(rmse) else None,
                      apd90_err_pct=err, ms_per_beat=ms_per_beat,
                      myokit_tolerance=reference.tolerance, substeps=beat.substeps)
