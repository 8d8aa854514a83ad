"""PV-loop metrics on a synthetic beat with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.circulation import pv_metrics
from cardiotwin.exceptions import ConfigError


def test_metrics_of_a_synthetic_loop():
    t = np.linspace(0.0, 800.0, 8001)  # ms
    # volume 120 mL at rest, ejecting 70 mL as a cosine bump between 100 and 400 ms
    s = np.clip((t - 100.0) / 300.0, 0.0, 1.0)
    v = 120.0 - 35.0 * (1.0 - np.cos(2 * np.pi * s))
    # pressure: 8 mmHg + a sine bump of 112 mmHg over 50-450 ms
    r = np.clip((t - 50.0) / 400.0, 0.0, 1.0)
    p = 8.0 + 112.0 * np.sin(np.pi * r) ** 2
    m = pv_metrics(t, v, p)
    assert m["edv_ml"] == pytest.approx(120.0)
    assert m["esv_ml"] == pytest.approx(50.0)
    assert m["sv_ml"] == pytest.approx(70.0)
    assert m["ef_percent"] == pytest.approx(100.0 * 70.0 / 120.0)
    assert m["peak_pressure_mmhg"] == pytest.approx(120.0)
    assert m["edp_mmhg"] == pytest.approx(8.0)
    # d/dt 112 sin^2(pi r) = 112 pi/400 ms sin(2 pi r): max 112 pi / 0.4 s
    assert m["dpdt_max_mmhg_per_s"] == pytest.approx(112.0 * np.pi / 0.4, rel=1e-3)


def test_end_systole_is_after_end_diastole():
    """A first beat that starts less filled (30 mL), fills to 40 mL, ejects to 34 mL:
    ESV is the end-systolic 34 mL, not the starting volume."""
    t = np.linspace(0.0, 600.0, 601)
    v = np.interp(t, [0, 50, 100, 300, 600], [30.0, 40.0, 40.0, 34.0, 34.0])
    p = np.interp(t, [0, 50, 100, 150, 300, 400, 600], [5, 10, 10, 90, 90, 5, 5])
    m = pv_metrics(t, v, p)
    assert m["edv_ml"] == pytest.approx(40.0) and m["esv_ml"] == pytest.approx(34.0)
    assert m["ef_percent"] == pytest.approx(15.0)
    assert m["edp_mmhg"] == pytest.approx(10.0)


def test_metrics_reject_bad_input():
    with pytest.raises(ConfigError, match="one length"):
        pv_metrics([0, 1, 2], [1, 2], [1, 2, 3])
    with pytest.raises(ConfigError, match="non-finite"):
        pv_metrics([0, 1, 2], [1, np.nan, 2], [1, 2, 3])
    with pytest.raises(ConfigError, match="increase"):
        pv_metrics([0, 2, 1], [1, 2, 3], [1, 2, 3])
