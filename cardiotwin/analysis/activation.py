"""Summaries of activation and repolarisation maps over a distributed mesh.

Every function takes the arrays of the vertices this rank owns (as kept by
:class:`cardiotwin.ep.activation.ActivationTracker`, ``NaN`` = never happened) and the
communicator, and returns the same number on every rank (collective).

Definitions
-----------
*Total activation time* is the latest minus the earliest first activation over the
activated tissue (ms): the simulated counterpart of the QRS duration (Durrer et al. 1970),
the end point of pacing-site comparisons (Auricchio et al. 1999).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._mpi import allreduce_max, allreduce_min


@dataclass(frozen=True)
class ActivationSummary:
    """Earliest and latest first activation (ms, NaN when nothing activated) and counts."""

    earliest_ms: float
    latest_ms: float
    activated: int
    vertices: int

    @property
    def total_ms(self) -> float:
        """Total activation time: latest minus earliest activation (ms)."""
        return self.latest_ms - self.earliest_ms

    @property
    def activated_fraction(self) -> float:
        """Fraction of the vertices that activated."""
        return self.activated / self.vertices if self.vertices else 0.0


def _select(values: npt.ArrayLike, mask: npt.ArrayLike | None) -> np.ndarray:
    v = np.asarray(values, float)
    return v if mask is None else v[np.asarray(mask, bool)]


def activation_summary(comm: Any, first_activation_ms: npt.ArrayLike, *,
                       mask: npt.ArrayLike | None = None) -> ActivationSummary:
    """Summary of a first-activation map (owned vertices; ``mask`` restricts it)."""
    a = _select(first_activation_ms, mask)
    done = a[np.isfinite(a)]
    lo = allreduce_min(comm, float(done.min()) if done.size else np.inf)
    hi = allreduce_max(comm, float(done.max()) if done.size else -np.inf)
    counts = comm.allreduce(np.array([done.size, a.size], dtype=np.int64))
    nan = float("nan")
    return ActivationSummary(earliest_ms=lo if np.isfinite(lo) else nan,
                             latest_ms=hi if np.isfinite(hi) else nan,
                             activated=int(counts[0]), vertices=int(counts[1]))


def activation_percentile_ms(comm: Any, first_activation_ms: npt.ArrayLike, q: float, *,
                             mask: npt.ArrayLike | None = None) -> float:
    """Time (ms, from the earliest activation) by which ``q`` % of the activated owned
    vertices had activated (collective; the same on every partition); NaN if none.

    Unlike the total activation time (the latest vertex), it does not follow a few
    vertices that activate late, such as those at the edge of a non-conducting scar,
    whose only neighbours across it are blocked (README, the beating heart)."""
    if not (isinstance(q, int | float) and 0 <= q <= 100):
        raise ValueError(f"q = {q!r}: expected a percentage in [0, 100]")
    a = _select(first_activation_ms, mask)
    parts = comm.gather(a[np.isfinite(a)], root=0)
    value = float("nan")
    if comm.rank == 0:
        done = np.concatenate(parts)
        if done.size:
            value = float(np.percentile(done, q) - done.min())
    return float(comm.bcast(value, root=0))


def total_activation_time_ms(comm: Any, first_activation_ms: npt.ArrayLike, *,
                             mask: npt.ArrayLike | None = None) -> float:
    """Latest minus earliest first activation over the activated tissue (ms); NaN if none."""
    return activation_summary(comm, first_activation_ms, mask=mask).total_ms


def finite_mean(comm: Any, values: npt.ArrayLike) -> float:
    """Mean of the finite values over all ranks (e.g. mean APD90, ms); NaN if none."""
    v = np.asarray(values, float)
    v = v[np.isfinite(v)]
    s = comm.allreduce(np.array([v.sum(), v.size], dtype=float))
    return float(s[0] / s[1]) if s[1] else float("nan")


def finite_max(comm: Any, values: npt.ArrayLike) -> float:
    """Largest finite value over all ranks (e.g. the last repolarisation, ms); NaN if none."""
    v = np.asarray(values, float)
    v = v[np.isfinite(v)]
    hi = allreduce_max(comm, float(v.max()) if v.size else -np.inf)
    return hi if np.isfinite(hi) else float("nan")
