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


def myokit_reference(path: str | Path, *, bcl_ms: float = 1000.0, beats: int = 20,
                     dt_ms: float = 0.01, record_cycles: int = 1, vm: str | None = None,
                     stimulus: str | None = None, constants: dict[str, float] | None = None,
                     tolerance: float = 1e-8, max_step_ms: float = 1.0) -> ReferenceTrace:
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
    try:
        sim = myokit.Simulation(model, protocol)
    except Exception as exc:
        raise DependencyError(f"Myokit CVODES simulation unavailable ({exc}); it needs "
                              "libsundials-dev") from exc
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
                          free_running=free, wall_s=_time.perf_counter() - t0)


def _factor(myokit: Any, unit: Any, target: Any) -> float:
    if unit is None or unit == myokit.units.dimensionless:
        return 1.0
    return float(myokit.Unit.conversion_factor(unit, target))
