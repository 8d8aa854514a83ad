"""Action-potential and calcium-transient biomarkers of one beat, on any sampled trace.

Definitions (the same as the Myokit reference in ``shared/reference/README.md``):

- ``vrest``: V at the start of the beat (just before the stimulus);
- ``vpeak``: the maximum of V;
- ``dvdt_max``: the maximum of the forward difference ``(V[i+1] - V[i]) / (t[i+1] - t[i])``;
- ``APDx``: from the time of maximum dV/dt to the first repolarising crossing of
  ``vpeak - x/100 * (vpeak - vrest)`` after the peak, linearly interpolated.

For a cell beating by itself (a pacemaker model running free) :func:`spontaneous_biomarkers`
analyses its last complete cycle the same way, from the maximum diastolic potential before
the upstroke (``vrest``) to the one before the next upstroke.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from cardiotwin.exceptions import ConfigError


def _check(t: ArrayLike, v: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    t = np.asarray(t, dtype=float)
    v = np.asarray(v, dtype=float)
    if t.ndim != 1 or t.shape != v.shape or t.size < 3:
        raise ConfigError(f"trace: t and v must be 1-D arrays of equal length >= 3, got "
                          f"shapes {t.shape} and {v.shape}")
    if np.any(np.diff(t) <= 0):
        raise ConfigError("trace: t must be strictly increasing")
    return t, v


def upstroke_time(t: ArrayLike, v: ArrayLike) -> float:
    """Time (ms) of maximum dV/dt (midpoint of the steepest sampling interval)."""
    t, v = _check(t, v)
    slope = np.diff(v) / np.diff(t)
    i = int(np.argmax(slope))
    return float(0.5 * (t[i] + t[i + 1]))


def dvdt_max(t: ArrayLike, v: ArrayLike) -> float:
    """Maximum upstroke velocity (V unit per ms, e.g. mV/ms)."""
    t, v = _check(t, v)
    return float(np.max(np.diff(v) / np.diff(t)))


def apd(t: ArrayLike, v: ArrayLike, percent: float = 90.0) -> float:
    """Action-potential duration at ``percent`` % repolarisation (ms).

    Parameters
    ----------
    t, v
        One beat: times (ms) and membrane potential (mV or dimensionless), starting just
        before the stimulus.
    percent
        Repolarisation level in percent (0 < percent < 100).

    Returns
    -------
    float
        APD in ms, or NaN when the trace does not repolarise below the threshold (or has
        no upstroke).
    """
    if not 0.0 < percent < 100.0:
        raise ConfigError(f"apd: percent must be in (0, 100), got {percent}")
    t, v = _check(t, v)
    vrest = v[0]
    ipk = int(np.argmax(v))
    vpeak = v[ipk]
    if vpeak <= vrest:
        return float("nan")
    thr = vpeak - percent / 100.0 * (vpeak - vrest)
    t_up = upstroke_time(t, v)
    below = np.nonzero(v[ipk:] < thr)[0]
    if below.size == 0:
        return float("nan")
    j = ipk + int(below[0])
    t_cross = t[j - 1] + (thr - v[j - 1]) * (t[j] - t[j - 1]) / (v[j] - v[j - 1])
    return float(t_cross - t_up)


@dataclass(frozen=True)
class BeatBiomarkers:
    """Biomarkers of one beat (V in mV, or dimensionless for dimensionless models)."""

    apd90_ms: float
    apd50_ms: float
    vrest_mV: float
    vpeak_mV: float
    dvdt_max_mV_per_ms: float
    cai_peak_uM: float | None = None
    cai_diastolic_uM: float | None = None

    def as_dict(self) -> dict[str, float | None]:
        """Plain-dict form (JSON output)."""
        return dict(self.__dict__)


def beat_biomarkers(t: ArrayLike, v: ArrayLike, cai_uM: ArrayLike | None = None
                    ) -> BeatBiomarkers:
    """All biomarkers of one beat; ``cai_uM`` (µM) adds the calcium-transient markers."""
    t, v = _check(t, v)
    cai_peak = cai_dia = None
    if cai_uM is not None:
        c = np.asarray(cai_uM, dtype=float)
        if c.shape != t.shape:
            raise ConfigError(f"cai_uM must have the shape of t {t.shape}, got {c.shape}")
        cai_peak = float(np.max(c))
        cai_dia = float(c[0])
    return BeatBiomarkers(
        apd90_ms=apd(t, v, 90.0), apd50_ms=apd(t, v, 50.0), vrest_mV=float(v[0]),
        vpeak_mV=float(np.max(v)), dvdt_max_mV_per_ms=dvdt_max(t, v),
        cai_peak_uM=cai_peak, cai_diastolic_uM=cai_dia,
    )


@dataclass(frozen=True)
class SpontaneousBiomarkers:
    """The last complete cycle of a cell beating by itself.

    ``beat`` holds its :class:`BeatBiomarkers` (``vrest_mV`` is the maximum diastolic
    potential before the upstroke); ``cycle_length_ms`` the time between the last two
    upstrokes; ``t0_ms`` the start of the analysed cycle in the trace.
    """

    beat: BeatBiomarkers
    cycle_length_ms: float
    t0_ms: float


def spontaneous_biomarkers(t: ArrayLike, v: ArrayLike) -> SpontaneousBiomarkers | None:
    """Biomarkers of the last complete cycle of a spontaneously beating trace.

    Upstrokes are the upward crossings of the mid level ``(min V + max V) / 2``; the
    analysed cycle runs from the minimum of V before the second-to-last upstroke to the
    minimum before the last one.  None when the trace has fewer than two upstrokes (the
    cell does not beat, or beats too slowly for the trace).
    """
    t, v = _check(t, v)
    mid = 0.5 * (float(np.min(v)) + float(np.max(v)))
    if not np.max(v) > np.min(v):
        return None
    ups = np.nonzero((v[:-1] < mid) & (v[1:] >= mid))[0] + 1
    if ups.size < 2:
        return None
    a = int(ups[-3]) if ups.size >= 3 else 0
    i0 = a + int(np.argmin(v[a:ups[-2]]))
    i1 = int(ups[-2]) + int(np.argmin(v[ups[-2]:ups[-1]]))
    if i1 - i0 < 3:
        return None
    seg_t, seg_v = t[i0:i1 + 1], v[i0:i1 + 1]
    return SpontaneousBiomarkers(beat=beat_biomarkers(seg_t - seg_t[0], seg_v),
                                 cycle_length_ms=float(t[ups[-1]] - t[ups[-2]]),
                                 t0_ms=float(t[i0]))
