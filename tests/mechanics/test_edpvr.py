"""Klotz EDPVR helpers: the paper's formulas, the normalised comparison and the scale fit."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.mechanics.edpvr import (
    compare_with_klotz,
    fit_scale,
    klotz_curve_mL,
    klotz_edv_mL,
    klotz_normalised_volume,
    klotz_pressure_mmHg,
    klotz_unloaded_volume_mL,
    volume_at_pressure_mL,
)


def test_klotz_formulas_match_the_paper():
    # P = 27.78 Vn^2.76; Vn = 1 gives A_n, Vn = 0.5 gives 27.78 / 2^2.76
    assert klotz_pressure_mmHg(1.0) == pytest.approx(27.78)
    assert klotz_pressure_mmHg(0.5) == pytest.approx(27.78 * 0.5**2.76)
    assert klotz_normalised_volume(klotz_pressure_mmHg(0.37)) == pytest.approx(0.37)
    # V0 = EDV (0.6 - 0.006 EDP): 120 mL at 10 mmHg -> 64.8 mL
    assert klotz_unloaded_volume_mL(120.0, 10.0) == pytest.approx(64.8)
    assert klotz_edv_mL(64.8, 10.0) == pytest.approx(120.0)
    # the predicted curve passes through V0 at 0 mmHg and through the measured point
    v = klotz_curve_mL(120.0, 10.0, [0.0, 10.0])
    assert v == pytest.approx([64.8, 120.0])


def test_compare_with_klotz_measures_the_difference():
    # a curve P = 30 Vn^2.76 with V30 at 30 mmHg differs from Klotz by 2.22 Vn^2.76
    vn = np.linspace(0.0, 1.2, 13)
    v0, v30 = 40.0, 100.0
    volumes = v0 + (v30 - v0) * vn
    pressures = 30.0 * vn**2.76
    c = compare_with_klotz(volumes, pressures)
    assert c.v0_mL == pytest.approx(v0)
    assert c.v30_mL == pytest.approx(v30)
    assert c.v_normalised == pytest.approx(vn)
    diff = 2.22 * vn**2.76
    assert c.max_abs_mmHg == pytest.approx(diff.max())
    assert c.rmse_mmHg == pytest.approx(math.sqrt(np.mean(diff**2)))


def test_volume_at_pressure_interpolates_and_refuses_outside():
    p = np.array([0.0, 8.0, 30.0])
    v = klotz_curve_mL(120.0, 8.0, p)
    assert volume_at_pressure_mL(v, p, 8.0) == pytest.approx(120.0)
    with pytest.raises(ConfigError, match="outside"):
        volume_at_pressure_mL(v, p, 40.0)
    with pytest.raises(ConfigError, match="do not grow"):
        volume_at_pressure_mL([1.0, 0.5], [0.0, 8.0], 4.0)


def test_fit_scale_finds_a_power_law_root():
    # V(s) - V0 = 30 s^-0.7: the scale giving 25 mL of filling is (30/25)^(1/0.7)
    calls = []

    def model(s):
        calls.append(s)
        return 50.0 + 30.0 * s**-0.7

    fit = fit_scale(lambda s: model(s) - 50.0, 25.0)
    assert fit.scale == pytest.approx((30.0 / 25.0) ** (1.0 / 0.7), rel=3e-3)
    assert fit.value == pytest.approx(25.0, rel=2e-3)
    assert len(fit.evaluations) == len(calls) <= 6


def test_fit_scale_gives_up_loudly():
    with pytest.raises(SolverError, match="no material scale"):
        fit_scale(lambda s: 10.0, 25.0, max_evaluations=4)  # insensitive model
    with pytest.raises(SolverError, match="expected a finite value"):
        fit_scale(lambda s: -1.0, 25.0)
    with pytest.raises(ConfigError, match="target"):
        fit_scale(lambda s: 1.0, 0.0)
