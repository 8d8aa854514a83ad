"""Land 2017 active tension: the compiled kernel against the authors' model.

The reference traces (``tests/data/land_twitch_reference.csv.gz``) are twitches of the
ToR-ORd + Land cell model from the authors' ``ToRORd_dynCl_endo_Land.ode`` (fenicsx-beat),
solved by SciPy BDF at rtol 1e-8 (``benchmarks/land_twitch.py --write-reference``).  Their
calcium drives our kernel; the tensions must agree.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError, KernelError
from cardiotwin.mechanics.land import LandParameters, LandTension

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "land_twitch_reference.csv.gz"
CASES = {"iso": (1.0, 0.0), "stretched": (1.1, 0.0), "shortening": (1.0, -1e-3)}


@pytest.fixture(scope="module")
def reference():
    data = np.loadtxt(REFERENCE, delimiter=",")
    out = {"t": data[:, 0]}
    for k, name in enumerate(CASES):
        out[name] = (data[:, 1 + 2 * k], data[:, 2 + 2 * k])
    return out


def _drive(t_ref, cai_ref, stretch, rate, dt):
    model = LandTension(1)
    n = round(t_ref[-1] / dt)
    ts, tas = [0.0], [model.tension(stretch)[0]]
    for k in range(n):
        model.step(np.interp((k + 0.5) * dt, t_ref, cai_ref), dt, stretch=stretch,
                   stretch_rate_per_ms=rate)
        ts.append((k + 1) * dt)
        tas.append(model.tension(stretch)[0])
    return np.interp(t_ref, ts, tas)


def _rmse(a, b):
    return float(np.sqrt(np.mean((a - b) ** 2)))


@pytest.mark.parametrize("case", list(CASES))
def test_twitch_matches_reference(reference, case):
    """dt = 0.05 ms (the EP step): peak T_a within 0.2 %, time to peak within 0.5 ms,
    RMSE below 0.2 % of the peak."""
    stretch, rate = CASES[case]
    t = reference["t"]
    cai, ta_ref = reference[case]
    ta = _drive(t, cai, stretch, rate, 0.05)
    peak_ref = ta_ref.max()
    assert peak_ref > 10.0  # a real twitch (kPa)
    assert ta.max() == pytest.approx(peak_ref, rel=2e-3)
    assert abs(t[np.argmax(ta)] - t[np.argmax(ta_ref)]) <= 0.5
    assert _rmse(ta, ta_ref) < 2e-3 * peak_ref


def test_length_dependence_direction(reference):
    """The reference itself: stretch raises and delays the twitch, shortening lowers it
    (Frank-Starling and force-velocity), and our kernel reproduces the ordering."""
    t = reference["t"]
    peaks = {name: reference[name][1].max() for name in CASES}
    assert peaks["stretched"] > 1.5 * peaks["iso"] > 1.5 * peaks["shortening"]
    ours = {name: _drive(t, reference[name][0], *CASES[name], 0.1).max() for name in CASES}
    assert ours["stretched"] > 1.5 * ours["iso"] > 1.5 * ours["shortening"]


def test_first_order_convergence(reference):
    """The exponential (Rush-Larsen) update is first order: 10x the step, ~10x the error."""
    t = reference["t"]
    cai, ta_ref = reference["iso"]
    errors = [_rmse(_drive(t, cai, 1.0, 0.0, dt), ta_ref) for dt in (0.1, 1.0)]
    assert 6.0 < errors[1] / errors[0] < 14.0


def test_calcium_samples_with_substeps(reference):
    """The coupled mode: calcium sampled every 1 ms, ten substeps between samples."""
    t = reference["t"]
    cai, ta_ref = reference["iso"]
    model = LandTension(1)
    ts, tas = [0.0], [0.0]
    c0 = cai[0]
    for k in range(round(t[-1])):
        c1 = np.interp(k + 1.0, t, cai)
        model.advance_calcium(c0, c1, 1.0, substeps=10)
        model.update_zeta(1.0, 1.0, 1.0)
        ts.append(k + 1.0)
        tas.append(model.tension(1.0)[0])
        c0 = c1
    assert _rmse(np.interp(t, ts, tas), ta_ref) < 5e-3 * ta_ref.max()


def test_linearised_tension_is_the_exact_distortion_update():
    """T_a(lambda) = h(lambda) (alpha + beta (lambda - lambda_n)) equals the kernel's
    tension after its exact distortion update from lambda_n to lambda."""
    rng = np.random.default_rng(3)
    n = 50
    m = LandTension(n)
    m.states[0] = rng.uniform(0.0, 0.2, n)   # XS
    m.states[1] = rng.uniform(0.0, 0.2, n)   # XW
    m.states[4] = rng.uniform(-0.2, 0.2, n)  # Zeta_s
    m.states[5] = rng.uniform(-0.2, 0.2, n)  # Zeta_w
    lam_n = rng.uniform(0.9, 1.15, n)
    lam = lam_n + rng.uniform(-0.03, 0.03, n)
    dt = 1.0
    alpha, beta = m.linearised_tension(dt)
    l12 = np.minimum(lam, 1.2)
    h = np.maximum(0.0, 1.0 + 2.3 * (l12 + np.minimum(l12, 0.87) - 1.87))
    predicted = h * (alpha + beta * (lam - lam_n))
    m.update_zeta(lam_n, lam, dt)
    np.testing.assert_allclose(m.tension(lam), predicted, rtol=1e-12, atol=1e-12)


def test_zero_reference_tension_gives_no_tension():
    m = LandTension(2)
    m.set_parameter("Tref_kPa", np.array([0.0, 120.0]))
    for _ in range(200):
        m.step(1.0, 1.0)
    ta = m.tension(1.0)
    assert ta[0] == 0.0 and ta[1] > 10.0


def test_bad_input_is_named():
    with pytest.raises(ConfigError, match="rs"):
        LandParameters(rs=1.5)
    with pytest.raises(ConfigError, match="Tref_kPa"):
        LandParameters(Tref_kPa=-1.0)
    m = LandTension(3)
    with pytest.raises(KernelError, match="cai_uM"):
        m.step(np.ones(4), 0.1)
    with pytest.raises(ConfigError, match="dt_ms"):
        m.step(1.0, 0.0)
    with pytest.raises(ConfigError, match="no parameter"):
        m.set_parameter("Tref_MPa", 1.0)
