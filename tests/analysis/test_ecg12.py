"""Cleaning and delineating 12-lead records."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.analysis.ecg12 import Delineation, clean_leads, delineate, heart_rate_rr_ms
from cardiotwin.exceptions import ConfigError

pytest.importorskip("neurokit2")


def _beat(t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """12 leads: a QRS (Gaussian derivative 100..180 ms) and a T wave ending near 460 ms."""
    out = []
    for _ in range(12):
        a, b = rng.uniform(0.5, 1.5) * rng.choice([-1, 1]), rng.uniform(0.1, 0.3)
        qrs = a * -(t - 140.0) / 15.0 * np.exp(-0.5 * ((t - 140.0) / 15.0) ** 2)
        tw = b * np.exp(-0.5 * ((t - 380.0) / 35.0) ** 2)
        out.append(qrs + tw)
    return np.array(out)


def test_baseline_wander_and_noise_are_removed():
    t = np.arange(0.0, 600.0, 1.0)
    rng = np.random.default_rng(4)
    clean = _beat(t, rng)
    wander = 0.3 * (t / 600.0) - 0.1 + 0.02 * rng.normal(size=(12, t.size))
    out = clean_leads(t, clean + wander)
    err = np.sqrt(np.mean((out - clean) ** 2))
    assert err < 0.1 * np.sqrt(np.mean(wander**2)) + 0.01, err


def test_delineation_of_a_synthetic_beat():
    t = np.arange(0.0, 600.0, 1.0)
    y = _beat(t, np.random.default_rng(5))
    d = delineate(t, y, rr_ms=1000.0)
    assert isinstance(d, Delineation)
    # the QRS (derivative of a Gaussian, sigma 15 ms) rises out of the noise-free baseline
    # ~2.5-3 sigma before its centre and ends as far after it
    assert 90.0 < d.qrs_onset_ms < 110.0 and 170.0 < d.qrs_end_ms < 190.0
    assert 430.0 < d.t_end_ms < 500.0
    assert d.qtc_bazett_ms == pytest.approx(d.qt_ms)
    with pytest.raises(ConfigError, match="no QRS"):
        delineate(t, np.zeros((12, t.size)))


def test_rr_interval_of_a_simulated_rhythm():
    nk = pytest.importorskip("neurokit2")
    sig = nk.ecg_simulate(duration=10, sampling_rate=500, heart_rate=75, random_state=1)
    t = np.arange(sig.size) * 2.0
    assert heart_rate_rr_ms(t, sig) == pytest.approx(800.0, rel=0.03)


def test_median_beat_of_a_rhythm_strip():
    nk = pytest.importorskip("neurokit2")
    from cardiotwin.analysis.ecg12 import median_beat

    sig = nk.ecg_simulate(duration=10, sampling_rate=500, heart_rate=60, random_state=2)
    t = np.arange(sig.size) * 2.0
    leads = np.stack([sig, 0.5 * sig])
    tb, beat, rr = median_beat(t, leads, reference=0)
    assert rr == pytest.approx(1000.0, rel=0.03)
    assert tb[-1] == pytest.approx(0.998 * rr, rel=0.02)
    # the R peak sits at 40 % of the window and the second lead is half the first
    assert abs(int(np.argmax(beat[0])) * 2.0 - 0.4 * rr) < 10.0
    np.testing.assert_allclose(beat[1], 0.5 * beat[0], atol=1e-9)
