"""Re-entry after programmed stimulation: detection, cycle length and exit sites.

:class:`ReentryDetector` is an observer of a running monodomain simulation that records the
fraction of active tissue and every activation after the last stimulus;
:func:`detect_reentry`, :func:`cycle_length_from_events` and
:func:`earliest_activation_per_cycle` analyse such records (they work on any sampled
signal, e.g. for tests).  An arrhythmia counts as *sustained re-entry* when electrical
activity persists for a given time after the last stimulus.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)


def dominant_period_ms(t_ms: npt.ArrayLike, signal: npt.ArrayLike, *,
                       min_period_ms: float = 20.0) -> float:
    """Period (ms) of the strongest autocorrelation peak of ``signal``; NaN if none.

    ``t_ms`` must be uniformly sampled.
    """
    t = np.asarray(t_ms, float)
    x = np.asarray(signal, float)
    if t.size < 8:
        return float("nan")
    dt = float(np.median(np.diff(t)))
    x = x - x.mean()
    if not np.any(x):
        return float("nan")
    n = x.size
    f = np.fft.rfft(x, 2 * n)
    ac = np.fft.irfft(f * np.conj(f))[:n]
    ac /= ac[0]
    lag0 = max(int(np.ceil(min_period_ms / dt)), 1)
    # first local maximum after the autocorrelation has gone below zero
    neg = np.nonzero(ac[lag0:] < 0)[0]
    if neg.size == 0:
        return float("nan")
    start = lag0 + int(neg[0])
    if start >= n - 2:
        return float("nan")
    k = start + int(np.argmax(ac[start: n // 2 + 1])) if start < n // 2 else -1
    if k < 0 or ac[k] <= 0.2:
        return float("nan")
    # parabolic refinement
    if 0 < k < n - 1:
        a, b, c = ac[k - 1], ac[k], ac[k + 1]
        den = a - 2 * b + c
        k = k + (0.5 * (a - c) / den if den != 0 else 0.0)
    return float(k * dt)


@dataclass(frozen=True)
class ReentryResult:
    """Outcome of one induction attempt.

    Attributes
    ----------
    reentry
        Activity persisted at least ``persist_ms`` after the last stimulus.
    last_activity_ms
        Last time any tissue was active (ms).
    cycle_length_ms
        Re-entry cycle length (ms; median interval between successive activations of a
        vertex after the last stimulus); NaN without re-entry.
    earliest_sites
        Per cycle: (time ms, x, y, z mm) of its earliest activation.
    """

    reentry: bool
    last_activity_ms: float
    cycle_length_ms: float
    earliest_sites: tuple[tuple[float, float, float, float], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"reentry": self.reentry, "last_activity_ms": self.last_activity_ms,
                "cycle_length_ms": self.cycle_length_ms,
                "earliest_sites": [list(s) for s in self.earliest_sites]}


def detect_reentry(t_ms: npt.ArrayLike, active: npt.ArrayLike, *, last_stimulus_ms: float,
                   persist_ms: float, level: float = 0.0) -> tuple[bool, float]:
    """Whether activity persists ``persist_ms`` after ``last_stimulus_ms``.

    Parameters
    ----------
    t_ms, active
        Samples of a measure of activity (e.g. the fraction of tissue above the
        activation threshold) at times ``t_ms`` (ms).
    last_stimulus_ms
        End of the last stimulus (ms).
    persist_ms
        Required duration of activity after it (ms).
    level
        Activity counts when ``active > level``.

    Returns
    -------
    (reentry, last_activity_ms)
    """
    t = np.asarray(t_ms, float)
    a = np.asarray(active, float)
    if t.shape != a.shape or t.ndim != 1:
        raise ConfigError(f"detect_reentry: t_ms {t.shape} and active {a.shape} must be 1-D "
                          "arrays of equal length")
    if persist_ms <= 0:
        raise ConfigError(f"persist_ms = {persist_ms}: expected > 0")
    on = np.nonzero(a > level)[0]
    last = float(t[on[-1]]) if on.size else float("nan")
    if t.size == 0 or (t[-1] < last_stimulus_ms + persist_ms and a[-1] > level):
        # a record that ends quiescent is conclusive (no re-entry); one that ends active is not
        logger.warning("record ends at %.1f ms, still active, before last stimulus + "
                       "persist_ms = %.1f ms: the verdict 'no re-entry' is not conclusive",
                       t[-1] if t.size else float("nan"), last_stimulus_ms + persist_ms)
    return bool(on.size and last >= last_stimulus_ms + persist_ms), last


def cycle_length_from_events(vertex_ids: npt.ArrayLike, times_ms: npt.ArrayLike) -> float:
    """Median interval (ms) between successive activations of the same vertex; NaN if none."""
    v = np.asarray(vertex_ids)
    t = np.asarray(times_ms, float)
    if v.size < 2:
        return float("nan")
    order = np.lexsort((t, v))
    v, t = v[order], t[order]
    same = v[1:] == v[:-1]
    d = np.diff(t)[same]
    return float(np.median(d)) if d.size else float("nan")


def earliest_activation_per_cycle(times_ms: npt.ArrayLike, coords_mm: npt.ArrayLike,
                                  cycle_length_ms: float, *, bins: int = 40,
                                  ) -> list[tuple[float, float, float, float]]:
    """Earliest activation (t, x, y, z) in each complete cycle.

    Cycles are windows of one cycle length that start where the number of activations per
    unit time rises again after its longest low stretch (slow conduction through the
    isthmus activates little tissue; the cycle starts when the wave leaves it at the exit
    site, as in entrainment/activation mapping).
    """
    t = np.asarray(times_ms, float)
    x = np.asarray(coords_mm, float).reshape(-1, 3)
    if t.size == 0 or not np.isfinite(cycle_length_ms) or cycle_length_ms <= 0:
        return []
    cl = cycle_length_ms
    hist, _ = np.histogram(np.mod(t, cl), bins=bins, range=(0.0, cl))
    smooth = (np.roll(hist, 1) + hist + np.roll(hist, -1)) / 3.0
    low = np.concatenate([smooth, smooth]) <= 0.5 * smooth.mean()
    best_len, best_end, run = 0, 0, 0
    for i, flag in enumerate(low):
        run = run + 1 if flag else 0
        if run > best_len:
            best_len, best_end = run, i
    # the cycle starts where activity rises again after the quietest stretch (the exit)
    phase0 = ((best_end + 1) * (cl / bins)) % cl if best_len else 0.0
    k = np.floor((t - phase0) / cl).astype(int)
    out = []
    for c in np.unique(k):
        sel = np.nonzero(k == c)[0]
        w0 = phase0 + c * cl
        if w0 < t.min() - 1e-9 or w0 + cl > t.max() + 1e-9:
            continue  # incomplete window
        j = sel[np.argmin(t[sel])]
        out.append((float(t[j]), float(x[j, 0]), float(x[j, 1]), float(x[j, 2])))
    return out


@dataclass
class ReentryDetector:
    """Observer recording activity after the last stimulus of a running simulation.

    Attach with ``sim.add_observer(detector)``.  Collective at every sampled step (one
    allreduce); :meth:`result` is collective.

    Parameters
    ----------
    last_stimulus_ms
        End of the last stimulus (ms).
    persist_ms
        Activity must last this long after it for sustained re-entry (ms).
    threshold
        Potential above which a vertex is active (model units; default: the
        simulation's activation threshold).
    every_n_steps
        Sampling stride of the activity signal.
    """

    last_stimulus_ms: float
    persist_ms: float = 300.0
    threshold: float | None = None
    every_n_steps: int = 10
    times: list[float] = field(default_factory=list)
    active_fraction: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.persist_ms <= 0:
            raise ConfigError(f"persist_ms = {self.persist_ms}: expected > 0")
        self._n_act: np.ndarray | None = None
        self._ev_vertex: list[np.ndarray] = []
        self._ev_time: list[np.ndarray] = []
        self._sim: Any = None

    def __call__(self, sim: Any) -> None:
        self._sim = sim
        n_act = sim.tracker.n_activations
        if self._n_act is None:
            self._n_act = n_act.copy()
        if sim.t > self.last_stimulus_ms:
            new = np.nonzero(n_act > self._n_act)[0]
            if new.size:
                self._ev_vertex.append(new)
                self._ev_time.append(sim.tracker.last_activation[new].copy())
        self._n_act[:] = n_act
        if sim.step_count % self.every_n_steps == 0:
            thr = sim.config.activation_threshold if self.threshold is None else self.threshold
            v = sim.v.x.array[: sim.n_owned]
            counts = sim.comm.allreduce(np.array([float(np.sum(v > thr)), float(v.size)]))
            self.times.append(sim.t)
            self.active_fraction.append(counts[0] / max(counts[1], 1.0))

    @property
    def active_now(self) -> bool:
        """Whether the last sample had active tissue."""
        return bool(self.active_fraction and self.active_fraction[-1] > 0)

    def result(self) -> ReentryResult:
        """Re-entry verdict, cycle length and earliest site per cycle.  Collective."""
        if self._sim is None:
            raise ConfigError("ReentryDetector.result(): the detector saw no time step; "
                              "attach it with sim.add_observer(detector) and run")
        sim = self._sim
        reentry, last = detect_reentry(self.times, self.active_fraction,
                                       last_stimulus_ms=self.last_stimulus_ms,
                                       persist_ms=self.persist_ms)
        vid = np.concatenate(self._ev_vertex) if self._ev_vertex else np.zeros(0, int)
        tt = np.concatenate(self._ev_time) if self._ev_time else np.zeros(0)
        # global vertex ids for the per-vertex intervals
        imap = sim.V.dofmap.index_map
        gid = imap.local_to_global(vid.astype(np.int32)) if vid.size else np.zeros(0, np.int64)
        xyz = sim.owned_vertex_coordinates()[vid] if vid.size else np.zeros((0, 3))
        gid = np.concatenate(sim.comm.allgather(np.asarray(gid, np.int64)))
        tt = np.concatenate(sim.comm.allgather(tt))
        xyz = np.concatenate(sim.comm.allgather(xyz))
        cl = float("nan")
        sites: list[tuple[float, float, float, float]] = []
        if reentry:
            # skip the extrastimulus' own wave: only activations from half a persistence on
            late = tt >= self.last_stimulus_ms + 0.25 * self.persist_ms
            cl = cycle_length_from_events(gid[late], tt[late])
            sites = earliest_activation_per_cycle(tt[late], xyz[late], cl)
        return ReentryResult(reentry=reentry, last_activity_ms=last, cycle_length_ms=cl,
                             earliest_sites=tuple(sites))
