"""Pacing thresholds: capture threshold search, strength–duration curves and their laws.

:func:`capture_threshold` (bisection on amplitude), :func:`strength_duration` and
:func:`fit_strength_duration` (Lapicque and Weiss laws: rheobase, chronaxie) work on any
``captures(amplitude, pulse_ms) -> bool`` trial, e.g. the tissue trial of
:func:`cardiotwin.studies.strength_duration.tissue_capture_trial`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)


def capture_threshold(captures: Callable[[float], bool], low: float, high: float, *,
                      rel_tol: float = 0.02, max_iter: int = 30) -> float:
    """Lowest amplitude that captures, by bisection between ``low`` and ``high``.

    Parameters
    ----------
    captures
        ``captures(amplitude) -> bool``; assumed monotone in the amplitude.
    low, high
        Bracket: ``captures(low)`` must be False and ``captures(high)`` True (a bracket
        that does not hold raises, naming which end failed).
    rel_tol
        Stop when ``high - low <= rel_tol * high``.

    Returns
    -------
    float
        The upper end of the final bracket (an amplitude known to capture).
    """
    if not 0 <= low < high:
        raise ConfigError(f"capture_threshold: bracket [{low}, {high}] is invalid")
    if not captures(high):
        raise ConfigError(f"capture_threshold: the upper bracket amplitude {high} does not "
                          "capture; raise it")
    if low > 0 and captures(low):
        raise ConfigError(f"capture_threshold: the lower bracket amplitude {low} already "
                          "captures; lower it")
    for _ in range(max_iter):
        if high - low <= rel_tol * high:
            break
        mid = 0.5 * (low + high)
        if captures(mid):
            high = mid
        else:
            low = mid
    return high


def strength_duration(captures: Callable[[float, float], bool], pulse_ms: Sequence[float], *,
                      low: float, high: float, rel_tol: float = 0.02) -> npt.NDArray[np.float64]:
    """Capture threshold for every pulse width (ms) in ``pulse_ms``.

    ``captures(amplitude, pulse_ms) -> bool``.  Each threshold is searched between
    ``low`` and the previous (longer pulse: lower threshold) bracket's upper end as
    needed; widths are processed from the longest down.
    """
    widths = np.asarray(pulse_ms, float)
    out = np.full(widths.size, np.nan)
    hi = high
    for k in np.argsort(widths)[::-1]:
        d = float(widths[k])
        lo = low
        thr = capture_threshold(lambda a, d=d: captures(a, d), lo, hi, rel_tol=rel_tol)
        out[k] = thr
        logger.info("threshold at %.3g ms: %.4g", d, thr)
        hi = max(hi, 4 * thr)
    return out


@dataclass(frozen=True)
class StrengthDurationFit:
    """Rheobase (amplitude unit) and chronaxie (ms) of a strength-duration curve.

    ``law`` is ``"weiss"`` (charge linear in pulse width: ``Q = I_rh (d + c)``) or
    ``"lapicque"`` (``I = I_rh / (1 - exp(-d / tau))``, chronaxie ``tau ln 2``).
    """

    law: str
    rheobase: float
    chronaxie_ms: float
    rms_relative_error: float

    def threshold(self, pulse_ms: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Fitted threshold at pulse widths (ms)."""
        d = np.asarray(pulse_ms, float)
        if self.law == "weiss":
            return self.rheobase * (1.0 + self.chronaxie_ms / d)
        tau = self.chronaxie_ms / np.log(2.0)
        return self.rheobase / (1.0 - np.exp(-d / tau))


def fit_strength_duration(pulse_ms: npt.ArrayLike, thresholds: npt.ArrayLike, *,
                          law: str = "weiss") -> StrengthDurationFit:
    """Fit the Weiss (1901) or Lapicque (1907) law to measured thresholds.

    Notes
    -----
    Weiss: the threshold charge ``Q = I d`` is linear in ``d``: ``Q = I_rh d + I_rh c``,
    a least-squares line (slope = rheobase, intercept / slope = chronaxie ``c``).
    Lapicque: ``I = I_rh / (1 - exp(-d/tau))``, nonlinear least squares; chronaxie
    ``c = tau ln 2`` (Geddes 2004, PACE 27:776).
    """
    d = np.asarray(pulse_ms, float)
    i = np.asarray(thresholds, float)
    if d.shape != i.shape or d.size < 2 or np.any(d <= 0) or np.any(~np.isfinite(i)):
        raise ConfigError("fit_strength_duration: need >= 2 positive pulse widths with finite "
                          "thresholds of the same length")
    if law == "weiss":
        slope, intercept = np.polyfit(d, i * d, 1)
        rh, c = float(slope), float(intercept / slope)
    elif law == "lapicque":
        from scipy.optimize import curve_fit

        def f(dd: npt.NDArray, rh: float, tau: float) -> npt.NDArray:
            return rh / (1.0 - np.exp(-dd / tau))

        p0 = (float(i.min()), float(np.median(d)))
        (rh, tau), _ = curve_fit(f, d, i, p0=p0, bounds=([0, 1e-6], [np.inf, np.inf]))
        rh, c = float(rh), float(tau * np.log(2.0))
    else:
        raise ConfigError(f"law = {law!r}: expected 'weiss' or 'lapicque'")
    fit = StrengthDurationFit(law, rh, c, 0.0)
    err = float(np.sqrt(np.mean((fit.threshold(d) / i - 1.0) ** 2)))
    return StrengthDurationFit(law, rh, c, err)
