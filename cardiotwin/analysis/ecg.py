"""ECG interval analysis: QRS onset, QRS end, T-wave peak, T-wave end and the QT interval.

Works on any sampled single-lead signal (a pseudo-ECG from
:class:`cardiotwin.ep.ecg.PseudoECG`, or a measured lead); NumPy only.

Method
------
- The slope ``E'(t)`` is the central difference of the signal; ``S = max |E'|`` over the
  record (in a ventricular ECG the steepest deflection is in the QRS complex).
- **QRS onset**: the first time ``|E'|`` exceeds ``slope_fraction * S`` (5 %), linearly
  interpolated.
- **Baseline** (isoelectric level): the signal's first sample; records start with the
  tissue at rest, before the stimulus (as :class:`~cardiotwin.ep.ecg.PseudoECG` does).
- **QRS end**: after the steepest point, the first time from which ``|E'|`` stays below
  ``slope_fraction * S`` for ``quiet_ms`` (10 ms).
- **T peak**: the sample with the largest ``|E - baseline|`` (either polarity) after the
  ST point, the first sample after QRS end where ``|E - baseline|`` has fallen below 10 %
  of the QRS complex's largest deflection, and at least ``st_min_ms`` (50 ms) after QRS end
  (this skips the QRS tail).
- **T end, tangent method** (Lepeschkin & Surawicz 1952; Postema et al. 2008, J
  Electrocardiol 41:741): the tangent to the T wave at its steepest point between the T
  peak and the end of the record, extended to the baseline; T end is where it crosses.
- **QT** = T end - QRS onset.

All times in ms, potentials in the signal's unit (mV for the pseudo-ECG).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError


@dataclass(frozen=True)
class ECGIntervals:
    """Fiducial points (ms) and amplitudes of one beat of one lead."""

    qrs_onset_ms: float
    qrs_end_ms: float
    t_peak_ms: float
    t_end_ms: float
    baseline: float
    t_amplitude: float

    @property
    def qt_ms(self) -> float:
        """QT interval (ms): T end - QRS onset."""
        return self.t_end_ms - self.qrs_onset_ms

    @property
    def qrs_ms(self) -> float:
        """QRS duration (ms)."""
        return self.qrs_end_ms - self.qrs_onset_ms

    def as_dict(self) -> dict[str, float]:
        """Plain dict (JSON), with ``qt_ms`` and ``qrs_ms``."""
        return {**self.__dict__, "qt_ms": self.qt_ms, "qrs_ms": self.qrs_ms}


def _check(t_ms: npt.ArrayLike, ecg: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    t = np.asarray(t_ms, dtype=float)
    e = np.asarray(ecg, dtype=float)
    if t.ndim != 1 or t.shape != e.shape or t.size < 5:
        raise ConfigError(f"ECG: t_ms and ecg must be 1-D arrays of equal length >= 5, got "
                          f"{t.shape} and {e.shape}")
    if np.any(np.diff(t) <= 0):
        raise ConfigError("ECG: t_ms must be strictly increasing")
    if not np.all(np.isfinite(e)):
        raise ConfigError("ECG: the signal contains NaN or inf")
    return t, e


def ecg_intervals(t_ms: npt.ArrayLike, ecg: npt.ArrayLike, *, slope_fraction: float = 0.05,
                  quiet_ms: float = 10.0, qrs_end_ms: float | None = None,
                  st_min_ms: float = 50.0) -> ECGIntervals:
    """QRS onset/end, T peak/end and QT of one beat (see the module notes for the method).

    Parameters
    ----------
    t_ms
        Sample times (ms), strictly increasing.
    ecg
        One lead (mV or any unit).
    slope_fraction
        Fraction of the maximum slope that marks QRS onset and end (0 < f < 1).
    quiet_ms
        How long the slope must stay below that level to end the QRS (ms).
    qrs_end_ms
        Known end of ventricular activation (ms), e.g. the latest activation time of a
        simulation; replaces the slope criterion for the QRS end (slowly conducting
        tissue strips have QRS slopes far below the stimulus artefact's).
    st_min_ms
        Shortest ST segment (ms): the T wave is searched from QRS end + ``st_min_ms``.

    Raises
    ------
    ConfigError
        Bad input, a flat signal, or no T wave after the QRS complex.
    """
    if not 0 < slope_fraction < 1:
        raise ConfigError(f"slope_fraction = {slope_fraction}: expected 0 < f < 1")
    t, e = _check(t_ms, ecg)
    d = np.gradient(e, t)
    a = np.abs(d)
    smax = float(a.max())
    if smax <= 0:
        raise ConfigError("ECG: the signal is flat; no QRS complex")
    thr = slope_fraction * smax
    i_on = int(np.argmax(a > thr))
    if i_on == 0:
        t_on = float(t[0])
    else:
        f = (thr - a[i_on - 1]) / (a[i_on] - a[i_on - 1])
        t_on = float(t[i_on - 1] + f * (t[i_on] - t[i_on - 1]))
    baseline = float(e[0])
    i_max = int(np.argmax(a))
    above = a > thr
    i_end = None
    if qrs_end_ms is not None:
        if not t[0] <= qrs_end_ms < t[-1]:
            raise ConfigError(f"qrs_end_ms = {qrs_end_ms} lies outside the record")
        i_end = int(np.searchsorted(t, qrs_end_ms))
    for i in range(i_max if i_end is None else t.size, t.size):
        if above[i]:
            continue
        j = int(np.searchsorted(t, t[i] + quiet_ms))
        if j >= t.size:
            break
        if not np.any(above[i:j]):
            i_end = i
            break
    if i_end is None:
        raise ConfigError("ECG: no quiet interval after the QRS complex; the record is too "
                          "short or too noisy for a T wave")
    qrs_amp = float(np.max(np.abs(e[: i_end + 1] - baseline)))
    settled = np.nonzero((np.abs(e[i_end:] - baseline) <= 0.1 * qrs_amp)
                         & (t[i_end:] >= t[i_end] + st_min_ms))[0]
    if settled.size == 0:
        raise ConfigError("ECG: the signal does not return towards the baseline after QRS")
    i_st = i_end + int(settled[0])
    w = e[i_st:] - baseline
    i_tp = i_st + int(np.argmax(np.abs(w)))
    amp = float(e[i_tp] - baseline)
    if i_tp >= t.size - 2 or amp == 0:
        raise ConfigError("ECG: the T wave does not end within the record; simulate longer")
    sign = np.sign(amp)
    down = -sign * d[i_tp:]  # positive on the descending limb towards baseline
    k = i_tp + int(np.argmax(down))
    if not down.max() > 0:
        raise ConfigError("ECG: the T wave does not return towards the baseline")
    t_end = float(t[k] + (baseline - e[k]) / d[k])
    if k >= t.size - 2 or t_end > t[-1]:
        raise ConfigError(f"ECG: the T wave ends at {t_end:.1f} ms, after the record "
                          f"({t[-1]:.1f} ms); simulate longer")
    return ECGIntervals(qrs_onset_ms=t_on, qrs_end_ms=float(t[i_end]), t_peak_ms=float(t[i_tp]),
                        t_end_ms=t_end, baseline=baseline, t_amplitude=amp)


def qt_interval(t_ms: npt.ArrayLike, ecg: npt.ArrayLike, **kwargs: float) -> float:
    """QT interval (ms) of one beat; see :func:`ecg_intervals`."""
    return ecg_intervals(t_ms, ecg, **kwargs).qt_ms


def qrs_duration_ms(t_ms: npt.ArrayLike, ecg: npt.ArrayLike, *, slope_fraction: float = 0.05,
                    ) -> float:
    """QRS duration (ms) of a depolarisation-only record: from the first to the last sample
    whose slope exceeds ``slope_fraction`` of the maximum slope.

    For full beats with a T wave use :func:`cardiotwin.analysis.ecg.ecg_intervals`.
    """
    t = np.asarray(t_ms, float)
    e = np.asarray(ecg, float)
    if t.shape != e.shape or t.size < 3:
        raise ConfigError("qrs_duration_ms: t_ms and ecg must be equal-length arrays (>= 3)")
    a = np.abs(np.gradient(e, t))
    if a.max() <= 0:
        return 0.0
    on = np.nonzero(a > slope_fraction * a.max())[0]
    return float(t[on[-1]] - t[on[0]])
