"""ECG interval analysis on synthetic signals with analytic fiducial points."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import brentq

from cardiotwin.analysis.ecg import ecg_intervals, qt_interval
from cardiotwin.exceptions import ConfigError


def _signal(t, *, c=30.0, w=4.0, b=2.0, mu=300.0, sigma=40.0, a=0.3, offset=0.1):
    qrs = b * np.exp(-((t - c) ** 2) / (2 * w**2))
    tw = a * np.exp(-((t - mu) ** 2) / (2 * sigma**2))
    return offset + qrs + tw


@pytest.mark.parametrize("a", [0.3, -0.3])
def test_tangent_t_end_and_qrs_onset_analytic(a):
    """Gaussian T wave: steepest descent at mu + sigma, tangent hits baseline at mu + 2 sigma.
    Gaussian QRS: onset where |E'| = 5 % of its maximum B/w e^-1/2 (solved by brentq)."""
    t = np.arange(0.0, 600.0, 0.05)
    e = _signal(t, a=a)
    iv = ecg_intervals(t, e)
    c, w, b = 30.0, 4.0, 2.0

    def slope(x):
        return b * (x - c) / w**2 * np.exp(-((x - c) ** 2) / (2 * w**2))

    smax = b / w * np.exp(-0.5)
    onset = brentq(lambda x: slope(x) + 0.05 * smax, c - 8 * w, c - w)  # rising limb
    assert iv.qrs_onset_ms == pytest.approx(onset, abs=0.1)
    assert iv.t_peak_ms == pytest.approx(300.0, abs=0.1)
    # the T wave's own tail shifts the baseline slightly at onset: tolerance 1 ms
    assert iv.t_end_ms == pytest.approx(380.0, abs=1.0)
    assert iv.qt_ms == pytest.approx(380.0 - onset, abs=1.0)
    assert iv.t_amplitude == pytest.approx(a, rel=0.02)


def test_qt_prolongs_with_later_t_wave():
    t = np.arange(0.0, 800.0, 0.1)
    assert qt_interval(t, _signal(t, mu=400.0)) - qt_interval(t, _signal(t)) == \
        pytest.approx(100.0, abs=1.0)


def test_errors():
    t = np.arange(0.0, 100.0, 0.1)
    with pytest.raises(ConfigError, match="flat"):
        ecg_intervals(t, np.zeros_like(t))
    with pytest.raises(ConfigError, match="equal length"):
        ecg_intervals(t, t[:-1])
    with pytest.raises(ConfigError):
        ecg_intervals(t, _signal(t, mu=99.0))  # T wave cut off by the record
