"""Cell-level drug trials: verification against Myokit/CVODES on the ORd-CiPA CellML
(APD90 and qNet under dofetilide's dynamic hERG block), the Myokit figures documented
in ../shared/reference/README.md (slow), EAD detection and population sampling."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic import get_model
from cardiotwin.ionic.simulate import PacingProtocol, pace
from cardiotwin.scenarios.drugs import Drug
from cardiotwin.scenarios.library import get_drug
from cardiotwin.studies.drug_trial import (
    QNET_CURRENTS,
    TrialProtocol,
    detect_ead,
    dose_response,
    pace_population,
    sample_population,
)


def _dofetilide_herg_only() -> Drug:
    dof = get_drug("dofetilide")
    return Drug("dofetilide-hERG", {}, cmax_uM=dof.cmax_uM, herg_binding=dof.herg_binding)


def _myokit_ord_cipa(reference, d_nM: float, beats: int, bcl_ms: float):
    """APD90 (ms) and qNet (µC/µF) of the last beat, Myokit CVODES (tolerances 1e-8)."""
    pytest.importorskip("myokit")
    import myokit
    import myokit.lib.guess

    from cardiotwin.ionic.biomarkers import apd

    m = myokit.formats.importer("cellml").model(
        str(reference / "cellml" / "ohara_rudy_cipa_v1_2017.cellml"))
    myokit.lib.guess.remove_embedded_protocol(m)
    hb = _dofetilide_herg_only().herg_binding
    for name, value in {"Kmax": hb.kmax, "Ku": hb.ku_per_ms, "n": hb.n,
                        "halfmax": hb.halfmax_nM_n, "Vhalf": hb.vhalf_mV, "Kt": 3.5e-5,
                        "D": d_nM}.items():
        m.get("IKr." + name).set_rhs(value)
    s = myokit.Simulation(m, myokit.pacing.blocktrain(period=bcl_ms, duration=0.5, offset=0))
    s.set_tolerance(1e-8, 1e-8)
    s.set_max_step_size(1)
    s.pre(bcl_ms * (beats - 1))
    cur = ["INaL.INaL", "ICaL.ICaL", "Ito.Ito", "IKr.IKr", "IKs.IKs", "IK1.IK1"]
    d = s.run(bcl_ms, log=[m.time().qname(), "membrane.v", *cur], log_interval=0.01)
    t = np.asarray(d.time()) - bcl_ms * (beats - 1)
    q = sum(np.asarray(d[c]) for c in cur)
    return apd(t, np.asarray(d["membrane.v"])), float(np.trapezoid(q, t)) / 1000.0


def test_dofetilide_dynamic_herg_vs_myokit(shared_reference):
    """3 beats at 1 Hz, control and 10x Cmax (hERG only): APD90 and qNet vs CVODES."""
    beats, bcl = 3, 1000.0
    res = dose_response(get_model("ord-cipa"), _dofetilide_herg_only(), cmax_multiples=[10],
                        protocol=TrialProtocol(bcl_ms=bcl, beats=beats, dt_ms=0.005,
                                               sample_every=2))
    for ours, d_nM in ((res.control, 0.0), (res.doses[0], 20.0)):
        apd90, qnet = _myokit_ord_cipa(shared_reference, d_nM, beats, bcl)
        assert ours.apd90_ms == pytest.approx(apd90, abs=1.5)
        assert ours.qnet_uC_per_uF == pytest.approx(qnet, rel=0.03, abs=5e-4)
    assert res.doses[0].apd90_ms > res.control.apd90_ms + 5.0


@pytest.mark.slow
def test_dofetilide_300_beats_vs_documented_myokit(shared_reference):
    """The cross-check documented with the reference data: 300 beats at 1 Hz, hERG only:
    APD90 263.4 ms (control), 290.3 ms (1x Cmax), 448.0 ms (10x)."""
    res = dose_response(get_model("ord-cipa"), _dofetilide_herg_only(), cmax_multiples=[1, 10],
                        protocol=TrialProtocol(bcl_ms=1000.0, beats=300, dt_ms=0.005,
                                               sample_every=2, workers=2))
    assert res.control.apd90_ms == pytest.approx(263.4, abs=3.0)
    assert res.doses[0].apd90_ms == pytest.approx(290.3, abs=4.0)
    assert res.doses[1].apd90_ms == pytest.approx(448.0, abs=8.0)


def test_qnet_matches_dense_integration_of_pace_trace():
    """qNet from the sampled population beat equals the trapezoid integral of the
    currents evaluated on every step of :func:`cardiotwin.ionic.simulate.pace`."""
    m = get_model("ord-endo")
    r = pace(m, PacingProtocol(bcl_ms=1000.0, beats=2, dt_ms=0.01, use_lut=True))
    states = np.ascontiguousarray(r.states.T)
    cur = m.currents(states, m.default_params(states.shape[1]))
    rows = [m.current_names.index(c) for c in QNET_CURRENTS]
    q_ref = np.trapezoid(cur[rows].sum(axis=0), r.t_ms) / 1000.0
    beat = pace_population(m, m.default_params(1),
                           TrialProtocol(bcl_ms=1000.0, beats=2, dt_ms=0.01, sample_every=5))
    assert beat.qnet_uC_per_uF[0] == pytest.approx(q_ref, rel=0.01)
    assert beat.apd90_ms[0] == pytest.approx(r.biomarkers.apd90_ms, abs=0.1)


def test_ead_detector_on_synthetic_traces():
    t = np.linspace(0.0, 1000.0, 20001)
    base = np.where(t < 2, -85.0, -85.0 + 125.0 * np.exp(-np.maximum(t - 2, 0) / 300.0))
    normal = np.where(t < 400, base, -85.0 + (base[8000] + 85.0) * np.exp(-(t - 400) / 20.0))
    assert not detect_ead(t, normal)
    bump = normal + 8.0 * np.exp(-((t - 300.0) / 15.0) ** 2)  # a 8 mV depolarisation in phase 3
    assert detect_ead(t, bump)
    notch = normal + 6.0 * np.exp(-((t - 40.0) / 8.0) ** 2)  # within the guard after the peak
    assert not detect_ead(t, notch)
    late = normal + 3.0 * np.exp(-((t - 700.0) / 20.0) ** 2)  # after repolarisation: a DAD
    assert not detect_ead(t, late)
    with pytest.raises(ConfigError):
        detect_ead(t, normal[:-1])


def test_population_sampling_and_one_call():
    m = get_model("ord-endo")
    p = sample_population(m, 50, sigma=0.2, seed=1)
    g = np.log(p[m.param_index("gKr")])
    assert abs(g.mean()) < 0.1 and 0.13 < g.std() < 0.27
    np.testing.assert_array_equal(p, sample_population(m, 50, sigma=0.2, seed=1))
    beat = pace_population(m, p[:, :4].copy(), TrialProtocol(bcl_ms=1000.0, beats=1,
                                                              dt_ms=0.02, sample_every=5))
    assert beat.n_cells == 4 and np.all(np.isfinite(beat.apd90_ms))
    assert np.ptp(beat.apd90_ms) > 1.0  # the cells differ


def test_protocol_validation():
    with pytest.raises(ConfigError, match="dt_ms"):
        TrialProtocol(dt_ms=0.3)
    with pytest.raises(ConfigError, match="sample_every"):
        TrialProtocol(bcl_ms=1000.0, dt_ms=0.01, sample_every=3)
    with pytest.raises(ConfigError, match="exactly one"):
        dose_response(get_model("ord-endo"), get_drug("verapamil"))


def test_prepacing_continues_the_drug_free_cell():
    """``prepace_beats = 2`` then 1 beat equals 3 beats from the initial state for the
    drug-free column, and a blocked column starts from that drug-free state."""
    m = get_model("ord-endo")
    fast = {"bcl_ms": 1000.0, "dt_ms": 0.02, "sample_every": 25}
    ref = pace_population(m, m.default_params(1), TrialProtocol(beats=3, **fast))
    p = m.default_params(2)
    p[m.param_index("gKr"), 1] = 0.5
    pre = pace_population(m, p, TrialProtocol(beats=1, prepace_beats=2, **fast))
    assert pre.qnet_uC_per_uF[0] == pytest.approx(ref.qnet_uC_per_uF[0], rel=1e-9)
    assert pre.apd90_ms[0] == pytest.approx(ref.apd90_ms[0], abs=1e-9)
    np.testing.assert_array_equal(pre.v_mV[0], np.repeat(ref.v_mV[0], 2))  # same start
    assert pre.apd90_ms[1] > pre.apd90_ms[0] + 10.0
    with pytest.raises(ConfigError, match="prepace_beats"):
        TrialProtocol(prepace_beats=-1)
