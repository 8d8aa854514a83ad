"""Biomarkers on analytic traces."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic.biomarkers import apd, beat_biomarkers, dvdt_max


def _trapezoid():
    # rest -80 mV, linear upstroke 0..1 ms to +20 mV, plateau to 200 ms, linear fall to 300
    t = np.linspace(0, 500, 50001)
    v = np.interp(t, [0, 1, 200, 300, 500], [-80, 20, 20, -80, -80])
    return t, v


def test_apd_trapezoid():
    t, v = _trapezoid()
    # the upstroke slope is constant on (0, 1): max dV/dt lies somewhere in that ms
    assert 289.0 <= apd(t, v, 90) <= 290.0
    assert 249.0 <= apd(t, v, 50) <= 250.0
    assert apd(t, v, 90) - apd(t, v, 50) == pytest.approx(40.0, abs=1e-6)
    assert dvdt_max(t, v) == pytest.approx(100.0)
    b = beat_biomarkers(t, v, cai_uM=np.full_like(t, 0.1))
    assert b.vrest_mV == -80 and b.vpeak_mV == 20 and b.cai_peak_uM == pytest.approx(0.1)


def test_no_repolarisation_is_nan():
    t = np.linspace(0, 10, 100)
    assert np.isnan(apd(t, np.linspace(-80, 20, 100)))


def test_bad_input():
    with pytest.raises(ConfigError, match="percent"):
        apd([0, 1, 2], [0, 1, 0], 120)
    with pytest.raises(ConfigError, match="increasing"):
        apd([0, 0, 2], [0, 1, 0])
