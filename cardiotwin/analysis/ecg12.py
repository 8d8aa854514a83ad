"""Cleaning and delineating measured 12-lead ECGs.

Functions take the sample times ``t_ms`` (ms, constant interval) and the leads as a
(n_leads, n_samples) array in mV (e.g. :meth:`cardiotwin.io.ecg.ECG12.matrix`).

- **Noise**: a zero-phase Butterworth low-pass (``neurokit2.signal_filter``, 40 Hz
  default; 0.5 Hz-40 Hz is the usual diagnostic band, Kligfield et al. 2007).
- **Baseline wander**: a record holding one beat is shorter than a wander period, so a
  high-pass filter cannot separate them; the isoelectric baseline is instead the straight
  line through the median level of the first and the last ``anchor_ms`` of the record (the
  PR and TP segments of a beat centred in it: Meyer & Keiser 1977 use a spline through
  such points of every beat).  Records of several beats are high-pass filtered at
  ``highpass_hz`` instead (``neurokit2.signal_filter``) and R peaks found with
  ``neurokit2.ecg_peaks`` on lead II for the heart rate.
- **Delineation** of a beat: QRS onset and end where the spatial velocity
  ``sqrt(sum_leads (dE/dt)^2)`` first rises above and last falls below
  ``max(qrs_fraction * its maximum, 5 x its median over the first isoelectric segment)``
  (the spatial-velocity method, e.g. Xue & Reddy 1998); T end by the tangent method
  (:func:`cardiotwin.analysis.ecg.ecg_intervals`) on the spatial RMS of the leads.
- **QTc**: Bazett ``QT / sqrt(RR)`` and Fridericia ``QT / RR^(1/3)`` (RR in s).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from cardiotwin.analysis.ecg import ECGIntervals, ecg_intervals
from cardiotwin.exceptions import ConfigError, DependencyError


def _nk():
    try:
        import neurokit2
    except ImportError as exc:
        raise DependencyError("ECG filtering needs the 'neurokit2' package (pip install "
                              "neurokit2, or the cardiotwin 'twin' extra)") from exc
    return neurokit2


def _dt(t_ms: npt.NDArray[np.float64]) -> float:
    t = np.asarray(t_ms, float)
    if t.ndim != 1 or t.size < 5 or np.any(np.diff(t) <= 0):
        raise ConfigError("ECG: t_ms must be a strictly increasing 1-D array (>= 5 samples)")
    return float((t[-1] - t[0]) / (t.size - 1))


def clean_leads(t_ms: npt.ArrayLike, leads: npt.ArrayLike, *, lowpass_hz: float | None = 40.0,
                anchor_ms: float = 20.0, highpass_hz: float = 0.5,
                single_beat: bool = True) -> npt.NDArray[np.float64]:
    """Remove baseline wander and high-frequency noise (see the module notes).

    Parameters
    ----------
    t_ms, leads
        Sample times (ms) and (n_leads, n) potentials (mV).
    lowpass_hz
        Low-pass cut-off (Hz); None keeps the high frequencies.
    anchor_ms
        Length of the isoelectric segments at both ends of a single-beat record (ms).
    highpass_hz
        High-pass cut-off (Hz) for records of several beats.
    single_beat
        The record holds one beat (a simulated or signal-averaged beat).
    """
    nk = _nk()
    t = np.asarray(t_ms, float)
    y = np.atleast_2d(np.asarray(leads, float))
    dt = _dt(t)
    fs = 1000.0 / dt
    if y.shape[1] != t.size:
        raise ConfigError(f"ECG: leads have {y.shape[1]} samples, t_ms {t.size}")
    if lowpass_hz is not None and not 0 < lowpass_hz < fs / 2:
        raise ConfigError(f"lowpass_hz = {lowpass_hz}: expected 0 < f < fs/2 = {fs / 2:g} Hz")
    na = max(2, round(anchor_ms / dt))
    if single_beat and 2 * na >= t.size:
        raise ConfigError(f"ECG of {t[-1] - t[0]:.0f} ms is too short for two {anchor_ms} ms "
                          "isoelectric segments")
    out = np.empty_like(y)
    for i, v in enumerate(y):
        if single_beat:
            y0, y1 = float(np.median(v[:na])), float(np.median(v[-na:]))
            t0, t1 = float(np.mean(t[:na])), float(np.mean(t[-na:]))
            v = v - (y0 + (y1 - y0) * (t - t0) / (t1 - t0))
        else:
            v = nk.signal_filter(v, sampling_rate=fs, lowcut=highpass_hz, method="butterworth",
                                 order=2)
        if lowpass_hz is not None:
            v = nk.signal_filter(v, sampling_rate=fs, highcut=lowpass_hz,
                                 method="butterworth", order=4)
        out[i] = np.asarray(v, float)
    return out


def global_lead(leads: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Spatial RMS over the leads (mV) of a baseline-corrected (n_leads, n) record."""
    return np.sqrt(np.mean(np.asarray(leads, float) ** 2, axis=0))


@dataclass(frozen=True)
class Delineation:
    """Fiducial points of one beat (ms) and its QT corrections."""

    qrs_onset_ms: float
    qrs_end_ms: float
    t_end_ms: float
    rr_ms: float | None

    @property
    def qrs_ms(self) -> float:
        return self.qrs_end_ms - self.qrs_onset_ms

    @property
    def qt_ms(self) -> float:
        return self.t_end_ms - self.qrs_onset_ms

    @property
    def qtc_bazett_ms(self) -> float | None:
        return None if self.rr_ms is None else self.qt_ms / np.sqrt(self.rr_ms / 1000.0)

    @property
    def qtc_fridericia_ms(self) -> float | None:
        return None if self.rr_ms is None else self.qt_ms / np.cbrt(self.rr_ms / 1000.0)

    def as_dict(self) -> dict[str, float | None]:
        return {"qrs_onset_ms": self.qrs_onset_ms, "qrs_end_ms": self.qrs_end_ms,
                "t_end_ms": self.t_end_ms, "qrs_ms": self.qrs_ms, "qt_ms": self.qt_ms,
                "rr_ms": self.rr_ms, "qtc_bazett_ms": self.qtc_bazett_ms,
                "qtc_fridericia_ms": self.qtc_fridericia_ms}


def spatial_velocity(t_ms: npt.ArrayLike, leads: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """``sqrt(sum over leads of (dE/dt)^2)`` (mV/ms)."""
    d = np.gradient(np.asarray(leads, float), np.asarray(t_ms, float), axis=1)
    return np.sqrt(np.sum(d * d, axis=0))


def delineate(t_ms: npt.ArrayLike, leads: npt.ArrayLike, *, rr_ms: float | None = None,
              qrs_fraction: float = 0.1,
              anchor_ms: float = 20.0, max_qrs_ms: float = 200.0) -> Delineation:
    """QRS onset/end and T end of a single-beat, cleaned record (module notes).

    ``rr_ms`` (the beat's cycle length) gives the QTc values.

    Raises
    ------
    ConfigError
        No QRS complex stands out of the noise, or no T wave ends within the record.
    """
    if rr_ms is not None and not rr_ms > 0:
        raise ConfigError(f"rr_ms = {rr_ms}: expected a positive cycle length (ms)")
    if not 0 < qrs_fraction < 1:
        raise ConfigError(f"qrs_fraction = {qrs_fraction}: expected 0 < f < 1")
    t = np.asarray(t_ms, float)
    y = np.atleast_2d(np.asarray(leads, float))
    _dt(t)
    sv = spatial_velocity(t, y)
    edge = t - t[0] < 0.5 * anchor_ms  # filter start-up
    sv_in = np.where(edge | (t[-1] - t < 0.5 * anchor_ms), 0.0, sv)
    quiet = sv[(~edge) & (t - t[0] < anchor_ms)]
    noise = float(np.median(quiet)) if quiet.size else 0.0
    thr = max(qrs_fraction * float(sv_in.max()), 5.0 * noise)
    above = np.nonzero(sv_in > thr)[0]
    if above.size == 0 or sv_in.max() <= 0:
        raise ConfigError("ECG: no QRS complex stands out of the noise")
    i_on = int(above[0])
    win = above[t[above] <= t[i_on] + max_qrs_ms]
    i_end = int(win[-1])
    g = global_lead(y)
    iv: ECGIntervals = ecg_intervals(t, g - g[i_on], qrs_end_ms=float(t[i_end]))
    return Delineation(float(t[i_on]), float(t[i_end]), iv.t_end_ms, rr_ms)


def heart_rate_rr_ms(t_ms: npt.ArrayLike, lead: npt.ArrayLike) -> float:
    """Mean RR interval (ms) of a record of several beats (R peaks of one lead, e.g. II,
    found by ``neurokit2.ecg_peaks``)."""
    nk = _nk()
    dt = _dt(np.asarray(t_ms, float))
    sig = nk.ecg_clean(np.asarray(lead, float), sampling_rate=1000.0 / dt)
    _, info = nk.ecg_peaks(sig, sampling_rate=1000.0 / dt)
    peaks = np.asarray(info["ECG_R_Peaks"])
    if peaks.size < 2:
        raise ConfigError("ECG: fewer than two R peaks; give the RR interval of a "
                          "single-beat record explicitly")
    return float(np.mean(np.diff(peaks)) * dt)


def median_beat(t_ms: npt.ArrayLike, leads: npt.ArrayLike, *, reference: int = 1,
                ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], float]:
    """The median beat of a record of several beats (signal averaging).

    R peaks are found on lead ``reference`` (default index 1: lead II) by
    ``neurokit2.ecg_peaks`` after high-pass filtering; every beat from 40 % of the mean
    RR interval before its R peak to 60 % after it is cut out, and the median over the
    beats taken sample by sample (robust to an ectopic beat).

    Returns
    -------
    t_ms, beat, rr_ms
        Times of the beat (ms, from 0), the (n_leads, n) median beat (mV), the mean RR (ms).
    """
    nk = _nk()
    t = np.asarray(t_ms, float)
    y = np.atleast_2d(np.asarray(leads, float))
    dt = _dt(t)
    fs = 1000.0 / dt
    hp = np.array([nk.signal_filter(v, sampling_rate=fs, lowcut=0.5, method="butterworth",
                                    order=2) for v in y])
    sig = nk.ecg_clean(hp[reference], sampling_rate=fs)
    _, info = nk.ecg_peaks(sig, sampling_rate=fs)
    peaks = np.asarray(info["ECG_R_Peaks"], int)
    if peaks.size < 3:
        raise ConfigError(f"ECG: {peaks.size} R peaks found; a median beat needs >= 3 beats")
    rr = float(np.mean(np.diff(peaks)))
    pre, post = int(0.4 * rr), int(0.6 * rr)
    keep = peaks[(peaks - pre >= 0) & (peaks + post <= y.shape[1])]
    if keep.size < 2:
        raise ConfigError("ECG: fewer than two whole beats in the record")
    beats = np.stack([hp[:, p - pre: p + post] for p in keep])
    return np.arange(pre + post) * dt, np.median(beats, axis=0), rr * dt
