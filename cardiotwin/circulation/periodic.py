"""The periodic state of a circulation driven by ventricles of a recorded beat.

A closed loop coupled to 3-D ventricles settles slowly: blood moves between the systemic
and pulmonary circuits a little every beat until both ventricles eject the same volume
(on the phantom the mismatch shrinks by about a fifth per beat, so tens of 3-D beats).
Each 3-D beat, though, tells how its ventricles behave near its own trajectory: their
volumes ``V(t)``, pressures ``p(t)`` and the elastance matrix ``E(t) = dp_i/dV_j`` the
coupling measured at each step (:mod:`cardiotwin.coupling.electromechanics`).  Those
define *linearised ventricles*, whose pressures at any volumes are

    ``p_i(t, V) = p_i(t) + sum_j E_ij(t) (V_j - V_j(t))``,

exact on the recorded trajectory.  The circulation with them as its ventricles is a 0-D
model, cheap to run for as many beats as it takes to become periodic
(:func:`periodic_state`); the 3-D heart then resumes from that state
(:meth:`Electromechanics.fast_forward
<cardiotwin.coupling.electromechanics.Electromechanics.fast_forward>`), and the next 3-D
beat corrects what the linearisation missed.  When the 3-D beat is periodic, its
linearisation is periodic from the same state, so the fast-forward leaves it unchanged.

Time convention: each step ``t_k -> t_{k+1}`` of the recorded beat is replayed as the
coupling integrated it, with the chambers ``p(t_{k+1}, V)`` (the tension of the step's
end) linearised through the step's start volumes (the circulation's
``elastances_mmHg_per_mL``), so that the recorded beat, started from its own state, is
reproduced to the coupling's tolerance.

Units: volumes mL, pressures mmHg, elastances mmHg/mL, time ms.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.circulation.lumped import ClosedLoopCirculation, LumpedCirculation
from cardiotwin.circulation.parameters import ClosedLoopParameters
from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinearisedBeat:
    """Ventricles linearised about one recorded beat (module notes).

    Parameters
    ----------
    ventricles
        Their names (``"lv"``, ``"rv"``), the order of the arrays' last axes.
    time_ms
        Sample times, ``n + 1`` of them a constant step apart, from the beat's start to
        its end (ms).
    volumes_mL, pressures_mmHg
        ``(n + 1, m)``: each ventricle's volume (mL) and pressure (mmHg) at the samples.
    elastances_mmHg_per_mL
        ``(n + 1, m, m)``: ``dp_i/dV_j`` (mmHg/mL) the step ending at each sample used.
    """

    ventricles: tuple[str, ...]
    time_ms: np.ndarray
    volumes_mL: np.ndarray
    pressures_mmHg: np.ndarray
    elastances_mmHg_per_mL: np.ndarray

    def __post_init__(self) -> None:
        m = len(self.ventricles)
        t = np.asarray(self.time_ms, dtype=float)
        v = np.asarray(self.volumes_mL, dtype=float)
        p = np.asarray(self.pressures_mmHg, dtype=float)
        e = np.asarray(self.elastances_mmHg_per_mL, dtype=float)
        n = t.size
        if m < 1 or n < 3:
            raise ConfigError(f"LinearisedBeat: {m} ventricles and {n} samples; expected at "
                              "least 1 and 3")
        if v.shape != (n, m) or p.shape != (n, m) or e.shape != (n, m, m):
            raise ConfigError(f"LinearisedBeat: shapes {v.shape}, {p.shape}, {e.shape} of the "
                              f"volumes, pressures, elastances; expected ({n}, {m}), ({n}, "
                              f"{m}), ({n}, {m}, {m})")
        for name, a in (("time_ms", t), ("volumes_mL", v), ("pressures_mmHg", p),
                        ("elastances_mmHg_per_mL", e)):
            if not np.all(np.isfinite(a)):
                raise ConfigError(f"LinearisedBeat.{name} has non-finite values")
            object.__setattr__(self, name, a)
        steps = np.diff(t)
        if steps.min() <= 0 or np.ptp(steps) > 1e-6 * steps.mean():
            raise ConfigError("LinearisedBeat.time_ms: expected samples a constant step apart")
        if np.any(np.diagonal(e, axis1=1, axis2=2) < 0):
            raise ConfigError("LinearisedBeat.elastances_mmHg_per_mL: a negative diagonal "
                              "(a cavity whose pressure falls as it fills)")

    @property
    def dt_ms(self) -> float:
        """The step between samples (ms)."""
        return float(self.time_ms[1] - self.time_ms[0])

    @property
    def steps(self) -> int:
        """Steps in the beat."""
        return self.time_ms.size - 1

    @classmethod
    def from_traces(cls, traces: Mapping[str, Any], ventricles: tuple[str, ...],
                    start_ms: float, end_ms: float) -> LinearisedBeat:
        """The beat between ``start_ms`` and ``end_ms`` of an electromechanics run's
        traces (:meth:`Electromechanics.traces
        <cardiotwin.coupling.electromechanics.Electromechanics.traces>`: ``time_ms``,
        ``<v>_volume_mL``, ``<v>_pressure_mmHg``, ``elastance_<v>_<w>_mmHg_per_mL``).

        Raises
        ------
        ConfigError
            If the traces lack the elastances (a run without linearised cavities) or do
            not cover the interval.
        """
        t = np.asarray(traces["time_ms"], dtype=float)
        tol = 1e-6 * max(1.0, abs(end_ms))
        keep = (t >= start_ms - tol) & (t <= end_ms + tol)
        if not keep.any() or abs(t[keep][0] - start_ms) > tol or abs(t[keep][-1] - end_ms) > tol:
            raise ConfigError(f"the traces do not cover {start_ms:g}-{end_ms:g} ms (they hold "
                              f"{t[0]:g}-{t[-1]:g} ms)")
        idx = np.nonzero(keep)[0]
        names = [f"elastance_{v}_{w}_mmHg_per_mL" for v in ventricles for w in ventricles]
        missing = [n for n in names if n not in traces]
        if missing:
            raise ConfigError(f"the traces have no {missing[0]}: the beat must be run with "
                              "linearised cavities (CouplingConfig.linearised_cavities)")
        m = len(ventricles)
        e = np.stack([np.asarray(traces[n], dtype=float)[idx] for n in names], axis=1)
        return cls(tuple(ventricles), t[idx],
                   np.stack([np.asarray(traces[f"{v}_volume_mL"], float)[idx]
                             for v in ventricles], axis=1),
                   np.stack([np.asarray(traces[f"{v}_pressure_mmHg"], float)[idx]
                             for v in ventricles], axis=1),
                   e.reshape(idx.size, m, m))

    def chambers(self, k: int, volumes_mL: Mapping[str, float]
                 ) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
        """The linearised chambers of step ``k`` (from sample ``k`` to ``k + 1``) at the
        step's start ``volumes_mL``: the pressures (mmHg) and the elastance rows
        (mmHg/mL) to hand to :meth:`LumpedCirculation.step
        <cardiotwin.circulation.lumped.LumpedCirculation.step>`."""
        names = self.ventricles
        e = self.elastances_mmHg_per_mL[k + 1]
        dv = np.array([volumes_mL[v] for v in names]) - self.volumes_mL[k + 1]
        p = self.pressures_mmHg[k + 1] + e @ dv
        rows = {v: dict(zip(names, e[i].tolist(), strict=True)) for i, v in enumerate(names)}
        return dict(zip(names, p.tolist(), strict=True)), rows


@dataclass(frozen=True)
class PeriodicState:
    """What :func:`periodic_state` found.

    Attributes
    ----------
    state
        The circulation's state at the start of a beat (name -> mL, mmHg or mL/s).
    beats
        Beats of the linearised loop that were run.
    change
        The last beat-to-beat change (relative; module notes of :func:`periodic_state`).
    converged
        ``change < rtol``.
    """

    state: dict[str, float]
    beats: int
    change: float
    converged: bool


def run_linearised_beat(circulation: LumpedCirculation, beat: LinearisedBeat, *,
                        substeps: int = 10) -> None:
    """Advance ``circulation`` by one beat with ``beat``'s linearised ventricles."""
    for k in range(beat.steps):
        vols = {v: circulation.ventricle_volume(v) for v in beat.ventricles}
        p, rows = beat.chambers(k, vols)
        circulation.step(beat.dt_ms, pressures_mmHg=p, elastances_mmHg_per_mL=rows,
                         substeps=substeps)


def run_until_periodic(circulation: LumpedCirculation, one_beat: Callable[[], None], *,
                       max_beats: int, rtol: float) -> PeriodicState:
    """Call ``one_beat()`` (advancing ``circulation`` by one beat) until the state at the
    start of a beat differs from the one before by less than ``rtol`` (relative to each
    state's size, at least 1 mL, 1 mmHg or 1 mL/s) or ``max_beats`` have run; the
    circulation is left where the last beat ended.

    Raises
    ------
    SolverError
        If the loop leaves the physical range (a negative volume, non-finite state).
    """
    if not (isinstance(max_beats, int) and not isinstance(max_beats, bool)
            and max_beats >= 1):
        raise ConfigError(f"max_beats = {max_beats!r}: expected an int >= 1")
    if not (isinstance(rtol, float) and 0 < rtol < 1):
        raise ConfigError(f"rtol = {rtol!r}: expected a number in (0, 1)")
    prev = circulation.state.copy()
    change = math.inf
    beats = 0
    while beats < max_beats:
        beats += 1
        one_beat()
        change = float(np.max(np.abs(circulation.state - prev)
                              / np.maximum(np.abs(prev), 1.0)))
        prev = circulation.state.copy()
        if change < rtol:
            break
    state = {n: circulation.value(n) for n in circulation.state_names}
    return PeriodicState(state, beats, change, change < rtol)


def periodic_state(circulation: LumpedCirculation, beat: LinearisedBeat, *,
                   max_beats: int = 100, rtol: float = 1e-4, substeps: int = 10
                   ) -> PeriodicState:
    """The periodic state of ``circulation`` with ``beat``'s linearised ventricles
    (module notes), from its current state, which is left as it was
    (:func:`run_until_periodic`).  The circulation's time runs on with the beats, so
    its atria contract as they would have.

    Raises
    ------
    SolverError
        If the loop leaves the physical range (a negative volume, non-finite state).
    """
    missing = [v for v in circulation.ventricles if v not in beat.ventricles]
    if missing:
        raise ConfigError(f"the linearised beat has no ventricle {missing[0]!r}")
    snap = circulation.snapshot()
    try:
        found = run_until_periodic(
            circulation, lambda: run_linearised_beat(circulation, beat, substeps=substeps),
            max_beats=max_beats, rtol=rtol)
    finally:
        circulation.restore(snap)
    logger.info("linearised beat: beat-to-beat change %.2g after %d beats", found.change,
                found.beats)
    return found


def periodic_closed_loop_state(parameters: ClosedLoopParameters, *, max_beats: int = 50,
                               dt_ms: float = 0.5, rtol: float = 1e-3,
                               ) -> tuple[dict[str, float], int, float]:
    """The closed loop's periodic state at the start of a beat, from its own 0-D
    ventricles (:func:`run_until_periodic` from the package's default state).

    A 3-D beat started from it begins with physiological atrial and arterial pressures
    and volumes for this circulation, instead of the package's default state (e.g. a left
    atrium at 20 mmHg that overfills a small ventricle in the first milliseconds).

    Returns
    -------
    state, beats, change
        The state (name -> mL, mmHg or mL/s), the number of beats run and the last
        beat-to-beat change.
    """
    circ = ClosedLoopCirculation(parameters)
    cycle = parameters.cycle_length_ms
    found = run_until_periodic(circ, lambda: circ.run(circ.t_ms + cycle, dt_ms),
                               max_beats=max_beats, rtol=rtol)
    logger.info("0-D closed loop: beat-to-beat change %.2g after %d beats", found.change,
                found.beats)
    return found.state, found.beats, found.change
