"""Cleaning and delineating measured 12-lead ECGs.

- **Noise**: a zero-phase Butterworth low-pass (``neurokit2.signal_filter``, 40 Hz
  default; 0.5 Hz-40 Hz is the usual diagnostic band, Kligfield et al. 2007).
- **Baseline wander**: a record holding one beat is shorter than a wander period, so a
  high-pass filter cannot separate them; the isoelectric baseline is instead the straight
  line through the median level of the first and the last ``anchor_ms`` of the record (the
  PR and TP segments of a beat centred in it: Meyer & Keiser 1977 use a spline through
  such points of every beat).  Records of several beats are high-pass filtered at
  ``highpass_hz`` instead (``neurokit2.signal_filter``) and R peaks found with
  ``neurokit2.ecg_peaks`` on lead II for the heart rate.
- **Delineation** of a beat is done on the spatial RMS of the 12 leads (the global
  lead of Xue & Reddy 1998): QRS onset and end, T end (tangent method) by
  :func:`cardiotwin.analysis.ecg.ecg_intervals`.
- **QTc**: Bazett ``QT / sqrt(RR)`` and Fridericia ``QT / RR^(1/3)`` (RR in s).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from cardiotwin.analysis.ecg import ECGIntervals, ecg_intervals
from cardiotwin.exceptions import ConfigError, DependencyError
from cardiotwin.io.ecg import ECG12, LEADS


def _nk():
    try:
        import neurokit2
    except ImportError as exc:
        raise DependencyError("ECG filtering needs the 'neurokit2' package (pip install "
                              "neurokit2, or the cardiotwin 'twin' extra)") from exc
    return neurokit2


def clean_ecg(ecg: ECG12, *, lowpass_hz: float | None = 40.0, anchor_ms: float = 20.0,
              highpass_hz: float = 0.5, single_beat: bool = True) -> ECG12:
    """Remove baseline wander and high-frequency noise (see the module notes).

    Parameters
    ----------
    ecg
        The record.
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
    fs = ecg.fs_hz
    if lowpass_hz is not None and not 0 < lowpass_hz < fs / 2:
        raise ConfigError(f"lowpass_hz = {lowpass_hz}: expected 0 < f < fs/2 = {fs / 2:g} Hz")
    t = ecg.t_ms
    out = {}
    na = max(2, round(anchor_ms / ecg.dt_ms))
    if single_beat and 2 * na >= t.size:
        raise ConfigError(f"{ecg.source}: record of {ecg.duration_ms:.0f} ms is too short for "
                          f"two {anchor_ms} ms isoelectric segments")
    for name in LEADS:
        v = ecg.leads[name]
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
        out[name] = np.asarray(v, float)
    return ECG12(t, out, ecg.source)


def global_lead(ecg: ECG12) -> npt.NDArray[np.float64]:
    """Spatial RMS over the 12 leads (mV) of a baseline-corrected record."""
    return np.sqrt(np.mean(ecg.matrix() ** 2, axis=0))


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


def delineate(ecg: ECG12, *, rr_ms: float | None = None,
              qrs_end_ms: float | None = None) -> Delineation:
    """QRS onset/end and T end of a single-beat, baseline-corrected record.

    The fiducials come from the global (RMS) lead; ``rr_ms`` (the beat's cycle length)
    gives the QTc values.  ``qrs_end_ms`` may fix the QRS end (e.g. a simulation's last
    activation time).
    """
    g = global_lead(ecg)
    iv: ECGIntervals = ecg_intervals(ecg.t_ms, g, qrs_end_ms=qrs_end_ms)
    if rr_ms is not None and not rr_ms > 0:
        raise ConfigError(f"rr_ms = {rr_ms}: expected a positive cycle length (ms)")
    return Delineation(iv.qrs_onset_ms, iv.qrs_end_ms, iv.t_end_ms, rr_ms)


def heart_rate_rr_ms(ecg: ECG12) -> float:
    """Mean RR interval (ms) of a record of several beats (R peaks of lead II, neurokit2)."""
    nk = _nk()
    sig = nk.ecg_clean(ecg.leads["II"], sampling_rate=ecg.fs_hz)
    _, info = nk.ecg_peaks(sig, sampling_rate=ecg.fs_hz)
    peaks = np.asarray(info["ECG_R_Peaks"])
    if peaks.size < 2:
        raise ConfigError(f"{ecg.source}: fewer than two R peaks; give the RR interval "
                          "of a single-beat record explicitly")
    return float(np.mean(np.diff(peaks)) * ecg.dt_ms)
