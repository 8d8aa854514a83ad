"""Lumped circulation models: analytic Windkessel solutions, the closed loop's volume
conservation, valves and isovolumic phases, size scaling, parameter checks."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cardiotwin.circulation import (
    ClosedLoopCirculation,
    ClosedLoopParameters,
    WindkesselCirculation,
    WindkesselParameters,
    pv_metrics,
)
from cardiotwin.exceptions import ConfigError, SolverError

pytest.importorskip("circulation", reason="the lumped models need the 'circulation' package")

WK = WindkesselParameters()


def _windkessel_run(p_lv_mmHg: float, dt_ms: float, t_end_ms: float = 200.0):
    model = WindkesselCirculation(WK, volume_mL=120.0)
    return model.run(t_end_ms, dt_ms, pressure=lambda t, v: {"lv": p_lv_mmHg})


def test_windkessel_diastole_decays_with_RpC_and_fills_through_the_mitral_valve():
    """p_LV = 0 < p_c: the aortic valve is closed, so C dp_c/dt = -p_c / R_p; the mitral
    valve passes (preload - 0) / R_mitral at a constant rate."""
    tau_ms = 1000.0 * WK.R_p_mmHg_s_per_mL * WK.C_mL_per_mmHg
    errors = []
    for dt in (1.0, 0.5):
        h = _windkessel_run(0.0, dt)
        exact = WK.arterial_pressure_mmHg * np.exp(-h["time_ms"] / tau_ms)
        errors.append(np.abs(h["p_c"] - exact).max())
        fill_rate = WK.preload_mmHg / WK.R_mitral_mmHg_s_per_mL / 1000.0  # mL/ms
        np.testing.assert_allclose(h["V_LV"], 120.0 + fill_rate * h["time_ms"], rtol=1e-12)
        assert np.all(h["Q_out"] == 0.0)
    assert errors[0] < 0.05  # mmHg
    assert 1.8 < errors[0] / errors[1] < 2.2  # first order (forward Euler)


def test_windkessel_ejection_against_the_analytic_solution():
    """Constant p_LV = P above p_c: Q = (P - p_c)/R1 with R1 = R_aortic + R_c, so p_c
    relaxes to P R_p/(R1 + R_p) with tau = C R1 R_p/(R1 + R_p); the volume falls by the
    integral of Q; the mitral valve is closed (P > preload)."""
    P = 120.0
    R1 = WK.R_aortic_mmHg_s_per_mL + WK.R_c_mmHg_s_per_mL
    Rp, C, p0 = WK.R_p_mmHg_s_per_mL, WK.C_mL_per_mmHg, WK.arterial_pressure_mmHg
    p_inf = P * Rp / (R1 + Rp)
    tau_s = C * R1 * Rp / (R1 + Rp)
    errors = []
    for dt in (0.5, 0.25):
        h = _windkessel_run(P, dt, t_end_ms=150.0)
        t = h["time_ms"] / 1000.0
        p_exact = p_inf + (p0 - p_inf) * np.exp(-t / tau_s)
        ejected = ((P - p_inf) * t - (p0 - p_inf) * tau_s * (1 - np.exp(-t / tau_s))) / R1
        errors.append((np.abs(h["p_c"] - p_exact).max(),
                       np.abs(h["V_LV"] - (120.0 - ejected)).max()))
        assert np.all(h["Q_in"] == 0.0)
    assert errors[0][0] < 0.3 and errors[0][1] < 0.3  # mmHg, mL
    for k in range(2):
        assert 1.8 < errors[0][k] / errors[1][k] < 2.2


def _closed_loop_beats(params: ClosedLoopParameters, beats: int, dt_ms: float = 0.5):
    model = ClosedLoopCirculation(params)
    v0 = model.total_volume_mL()
    h = model.run(beats * params.cycle_length_ms, dt_ms)
    return model, v0, h


@pytest.fixture(scope="module")
def standalone():
    return _closed_loop_beats(ClosedLoopParameters(), beats=4)


def test_closed_loop_conserves_blood_volume(standalone):
    model, v0, _ = standalone
    assert abs(model.total_volume_mL() - v0) < 1e-9 * v0


def test_closed_loop_conserves_volume_with_prescribed_ventricle_pressures():
    model = ClosedLoopCirculation()
    v0 = model.total_volume_mL()
    rng = np.random.default_rng(1)
    for _ in range(400):
        model.step(1.0, pressures_mmHg={"lv": float(rng.uniform(0, 140)),
                                        "rv": float(rng.uniform(0, 30))})
    assert abs(model.total_volume_mL() - v0) < 1e-9 * v0


def test_valves_open_and_close_and_isovolumic_phases_hold_volume(standalone):
    model, _, h = standalone
    last = h["time_ms"] >= 3 * model.parameters.cycle_length_ms
    g = {k: v[last] for k, v in h.items()}
    q_max = g["Q_AV"].max()
    assert q_max > 0
    closed_av = g["p_LV"] < g["p_AR_SYS"] - 1.0
    closed_mv = g["p_LA"] < g["p_LV"] - 1.0
    assert closed_av.any() and closed_mv.any() and (~closed_av).any() and (~closed_mv).any()
    # a closed valve passes nothing (reverse leak below 0.1 % of the peak flow)
    assert np.abs(g["Q_AV"][closed_av]).max() < 1e-3 * q_max
    assert np.abs(g["Q_MV"][closed_mv]).max() < 1e-3 * g["Q_MV"].max()
    # both closed: isovolumic phases, the LV volume does not move
    iso = closed_av & closed_mv
    assert iso.sum() > 20
    dv = np.abs(np.diff(g["V_LV"]))[iso[:-1] & iso[1:]]
    sv = g["V_LV"].max() - g["V_LV"].min()
    assert dv.max() < 1e-5 * sv
    # the pressure does move in them (contraction and relaxation)
    assert np.ptp(g["p_LV"][iso]) > 50.0


def test_zero_d_ventricle_follows_the_blanco_elastance(standalone):
    """The 0-D LV pressure E(t)(V - V0) with E(t) of Blanco & Feijóo (2010) in ms."""
    model, _, h = standalone
    c = model.parameters.lv
    t = np.mod(h["time_ms"], model.parameters.cycle_length_ms)
    f = np.where(t < c.TC_ms, 0.5 * (1 - np.cos(np.pi * t / c.TC_ms)),
                 np.where(t < c.TC_ms + c.TR_ms,
                          0.5 * (1 + np.cos(np.pi * (t - c.TC_ms) / c.TR_ms)), 0.0))
    expected = (c.EA_mmHg_per_mL * f + c.EB_mmHg_per_mL) * (h["V_LV"] - c.V0_mL)
    np.testing.assert_allclose(h["p_LV"][1:], expected[1:], rtol=1e-10, atol=1e-10)


def test_closed_loop_reaches_a_periodic_beat(standalone):
    model, _, h = standalone
    T = model.parameters.cycle_length_ms
    beats = [pv_metrics(h["time_ms"][m], h["V_LV"][m], h["p_LV"][m])
             for m in ((h["time_ms"] >= k * T) & (h["time_ms"] <= (k + 1) * T)
                       for k in (2, 3))]
    for key in ("edv_ml", "esv_ml", "peak_pressure_mmhg"):
        assert abs(beats[1][key] - beats[0][key]) < 0.01 * abs(beats[1][key])


def test_size_scaling_keeps_pressures_and_scales_volumes():
    k = 0.25
    _, _, a = _closed_loop_beats(ClosedLoopParameters(), beats=1, dt_ms=1.0)
    _, _, b = _closed_loop_beats(ClosedLoopParameters().scaled(k), beats=1, dt_ms=1.0)
    for name in ("p_AR_SYS", "p_LV", "p_RV", "p_LA", "p_VEN_PUL"):
        np.testing.assert_allclose(b[name], a[name], rtol=1e-9, atol=1e-9)
    for name in ("V_LV", "V_RV", "V_LA", "Q_AV"):
        np.testing.assert_allclose(b[name], k * a[name], rtol=1e-9, atol=1e-9)


def test_windkessel_needs_a_prescribed_pressure_and_checks_inputs():
    model = WindkesselCirculation()
    with pytest.raises(ConfigError, match="prescribe its pressure"):
        model.step(1.0)
    with pytest.raises(ConfigError, match="expected exactly"):
        model.step(1.0, pressures_mmHg={"rv": 10.0})
    with pytest.raises(SolverError, match="non-finite"):
        model.step(1.0, pressures_mmHg={"lv": math.nan})
    with pytest.raises(ConfigError, match="dt_ms"):
        model.step(0.0, pressures_mmHg={"lv": 1.0})
    with pytest.raises(ConfigError, match="no ventricle 'rv'"):
        model.ventricle_volume("rv")


def test_a_negative_volume_stops_the_run_with_the_time():
    model = WindkesselCirculation(volume_mL=1.0)
    with pytest.raises(SolverError, match=r"t = 1\.000 ms"):
        model.step(1.0, pressures_mmHg={"lv": 400.0})


@pytest.mark.parametrize("field,value", [("R_c_mmHg_s_per_mL", -1.0),
                                         ("C_mL_per_mmHg", 0.0),
                                         ("preload_mmHg", math.inf)])
def test_windkessel_parameters_name_the_bad_field(field, value):
    with pytest.raises(ConfigError, match=field):
        WindkesselParameters(**{field: value})


def test_closed_loop_parameters_checks():
    with pytest.raises(ConfigError, match="atrial_lead_ms"):
        ClosedLoopParameters(atrial_lead_ms=900.0)
    with pytest.raises(ConfigError, match="unknown state 'V_XX'"):
        ClosedLoopParameters(initial=(("V_XX", 1.0),))
    with pytest.raises(ConfigError, match="volume scale"):
        ClosedLoopParameters().scaled(0.0)


def test_linearised_chamber_equals_substeps_with_the_pressure_updated():
    """``step(pressures, elastances, substeps=n)`` sees ``p0 + E (V - V_start)`` at every
    substep: the same as n steps with that pressure recomputed between them."""
    p0, E, n = 100.0, 3.0, 10
    a = WindkesselCirculation(volume_mL=120.0)
    a.step(2.0, pressures_mmHg={"lv": p0}, elastances_mmHg_per_mL={"lv": E}, substeps=n)
    b = WindkesselCirculation(volume_mL=120.0)
    for _ in range(n):
        b.step(2.0 / n, pressures_mmHg={"lv": p0 + E * (b.ventricle_volume("lv") - 120.0)})
    np.testing.assert_allclose(a.state, b.state, rtol=1e-13)
    assert a.ventricle_volume("lv") < 120.0  # it ejected


def test_snapshot_and_restore_repeat_a_step_exactly():
    model = ClosedLoopCirculation()
    model.step(1.0)
    snap = model.snapshot()
    model.step(1.0, pressures_mmHg={"lv": 50.0, "rv": 10.0})
    first = model.state.copy()
    model.restore(snap)
    assert model.t_ms == 1.0
    model.step(1.0, pressures_mmHg={"lv": 50.0, "rv": 10.0})
    np.testing.assert_array_equal(model.state, first)


def test_elastances_must_cover_every_ventricle():
    model = ClosedLoopCirculation()
    with pytest.raises(ConfigError, match="elastances_mmHg_per_mL"):
        model.step(1.0, pressures_mmHg={"lv": 1.0, "rv": 1.0},
                   elastances_mmHg_per_mL={"lv": 1.0})


def test_a_stiff_linearised_chamber_gets_enough_substeps():
    """A contracting cavity can be 1000 times stiffer than the valve's time scale allows
    for one forward Euler step (h E / R_min = 2 ms x 5000 mmHg/mL x 2 / 0.0075 mmHg s/mL):
    the step takes the substeps stability needs, and agrees with many fixed substeps."""
    p = {"lv": 130.0, "rv": 30.0}
    E = {"lv": 5000.0, "rv": 2000.0}
    a = ClosedLoopCirculation()
    a.step(2.0, pressures_mmHg=p, elastances_mmHg_per_mL=E, substeps=1)
    b = ClosedLoopCirculation()
    b.step(2.0, pressures_mmHg=p, elastances_mmHg_per_mL=E, substeps=20000)
    assert np.all(np.isfinite(a.state))
    np.testing.assert_allclose(a.state, b.state, rtol=2e-3, atol=1e-6)
    # the cavity ejected towards the aortic pressure and stopped there: it did not overshoot
    assert a.ventricle_volume("lv") < ClosedLoopCirculation().ventricle_volume("lv")


def test_step_mean_valve_flows_are_the_volumes_moved():
    """Ejecting through the open aortic valve from a stiff linearised chamber (many
    substeps): the step-mean valve flows times the step are the ventricle's volume
    change, exactly; the flow evaluated at the end of the step is far from it."""
    p = {"lv": 130.0, "rv": 30.0}
    E = {"lv": 500.0, "rv": 200.0}
    model = ClosedLoopCirculation()
    assert model.step_variables() is None
    v0 = model.ventricle_volume("lv")
    model.step(2.0, pressures_mmHg=p, elastances_mmHg_per_mL=E)
    q = model.step_variables()
    dv = model.ventricle_volume("lv") - v0
    assert dv < -0.05  # it ejected
    assert (q["Q_MV"] - q["Q_AV"]) * 2.0e-3 == pytest.approx(dv, rel=1e-12)
    q_end = model.variables()
    assert abs((q_end["Q_MV"] - q_end["Q_AV"]) * 2.0e-3 - dv) > 0.1 * abs(dv)


def test_cross_elastances_couple_the_ventricles_within_a_step():
    """With rows ``{w: E_vw}`` each ventricle sees ``p_v + sum_w E_vw (V_w - V_w,start)``
    at every substep: the same as n steps with both pressures recomputed between them;
    a diagonal-only matrix differs (the septal coupling matters), and a number per
    ventricle is the diagonal."""
    p0 = {"lv": 120.0, "rv": 25.0}
    E = {"lv": {"lv": 4.0, "rv": 1.5}, "rv": {"lv": 1.0, "rv": 2.0}}
    n = 10
    a = ClosedLoopCirculation()
    start = {v: a.ventricle_volume(v) for v in ("lv", "rv")}
    a.step(2.0, pressures_mmHg=p0, elastances_mmHg_per_mL=E, substeps=n)
    b = ClosedLoopCirculation()
    for _ in range(n):
        dv = {w: b.ventricle_volume(w) - start[w] for w in ("lv", "rv")}
        b.step(2.0 / n, pressures_mmHg={v: p0[v] + sum(E[v][w] * dv[w] for w in dv)
                                        for v in p0})
    np.testing.assert_allclose(a.state, b.state, rtol=1e-13)
    diag = ClosedLoopCirculation()
    diag.step(2.0, pressures_mmHg=p0, elastances_mmHg_per_mL={"lv": 4.0, "rv": 2.0},
              substeps=n)
    rows = ClosedLoopCirculation()
    rows.step(2.0, pressures_mmHg=p0,
              elastances_mmHg_per_mL={"lv": {"lv": 4.0}, "rv": {"rv": 2.0}}, substeps=n)
    np.testing.assert_array_equal(diag.state, rows.state)
    assert np.abs(diag.state - a.state).max() > 1e-6
    with pytest.raises(ConfigError, match="diagonal >= 0"):
        ClosedLoopCirculation().step(1.0, pressures_mmHg=p0, elastances_mmHg_per_mL={
            "lv": {"lv": -1.0}, "rv": 2.0})
    with pytest.raises(ConfigError, match="elastances_mmHg_per_mL"):
        ClosedLoopCirculation().step(1.0, pressures_mmHg=p0, elastances_mmHg_per_mL={
            "lv": {"la": 1.0}, "rv": 2.0})


def test_periodic_state_repeats_and_keeps_the_blood_volume():
    """The primed state: one more 0-D beat from it returns to it within the tolerance
    (the default state does not: its first beat moves it by far more); the blood volume
    is the default state's; a bad beat count is refused."""
    from dataclasses import replace

    from cardiotwin.circulation.periodic import periodic_closed_loop_state

    p = ClosedLoopParameters(cycle_length_ms=700.0).scaled(0.3)
    state, beats, change = periodic_closed_loop_state(p, rtol=1e-3)
    assert 1 < beats < 50 and change < 1e-3
    default = ClosedLoopCirculation(p)
    primed = ClosedLoopCirculation(replace(p, initial=tuple(state.items())))
    assert primed.total_volume_mL() == pytest.approx(default.total_volume_mL(), rel=1e-9)

    def beat_change(model):
        before = model.state.copy()
        model.run(700.0, 0.5)
        return np.max(np.abs(model.state - before) / np.maximum(np.abs(before), 1.0))

    assert beat_change(primed) < 1e-3 < 10 * 1e-3 < beat_change(default)
    with pytest.raises(ConfigError, match="max_beats"):
        periodic_closed_loop_state(p, max_beats=0)
