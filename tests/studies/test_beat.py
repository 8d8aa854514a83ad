"""The beating phantom's substrates: paced activation from leads on a finer EP mesh, and
a scar that neither conducts, nor takes up calcium, nor contracts."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

pytest.importorskip("dolfinx_solver", reason="needs DOLFINx")
pytest.importorskip("circulation", reason="needs the 'circulation' package")

from mpi4py import MPI


@pytest.mark.mpi
def test_crt_with_scar_first_milliseconds(tmp_path_factory):
    from cardiotwin.geometry.regions import RegionResolver, Sphere, Tagged
    from cardiotwin.scenarios.devices import snap_to_mesh
    from cardiotwin.studies.beat import LV_LEAD_MM, QUICK, RV_LEAD_MM, _build

    comm = MPI.COMM_WORLD
    work = comm.bcast(str(tmp_path_factory.mktemp("beat-crt")), root=0)
    cfg = dataclasses.replace(QUICK, activation="crt", ep_edge_length_mm=2.5,
                              scar_radius_mm=10.0)
    em, sub = _build(comm, cfg, work)
    try:
        assert sub["ep_vertices"] > 3 * sub["mechanics_vertices"]
        # the scar is the LV wall inside the ball: less than the ball, a few % of the LV
        assert 0.0 < sub["scar_volume_mL"] < 4.0 / 3.0 * np.pi * 10.0**3 / 1000.0
        assert 2.0 < sub["scar_percent_of_lv"] < 15.0
        em.run(12.0)
        act = em.ep.tracker.first_activation
        res = RegionResolver.for_domain(em.ep.geometry)
        n = act.size
        leads = [snap_to_mesh(em.ep.geometry, p, region=Tagged(tag, "facet"))
                 for p, tag in ((LV_LEAD_MM, "epicardium"), (RV_LEAD_MM, "rv-endocardium"))]
        # both leads captured; the base, far from both, is still at rest
        for lead in leads:
            near = res.vertices(Sphere(lead, 3.0))[:n]
            hit = comm.allreduce(int(np.sum(np.isfinite(act[near]))))
            assert hit > 0
        x = em.ep.V.tabulate_dof_coordinates()[:n]
        base = x[:, 2] > -3.0
        assert comm.allreduce(int(np.sum(np.isfinite(act[base])))) == 0
        # no calcium at the EP vertices of the scar core, calcium rising in the myocardium
        cai_ep = em.calcium.cai_ep.x.array[:n]
        core = np.linalg.norm(x - np.asarray(cfg.scar_centre_mm), axis=1) < 7.0
        assert comm.allreduce(int(core.sum())) > 0
        assert comm.allreduce(float(np.abs(cai_ep[core]).max()) if core.any() else 0.0,
                              op=MPI.MAX) == 0.0
        assert comm.allreduce(float(cai_ep.max()), op=MPI.MAX) > 0.3
        # the mechanics cells of the scar neither contract nor keep the myocardium's
        # stiffness, the others are untouched
        c = em.mechanics.contractility.x.array
        k = em.mechanics.stiffness_scale.x.array
        assert set(np.unique(c)) <= {0.0, 1.0} and np.array_equal(k == 10.0, c == 0.0)
        assert comm.allreduce(int(np.sum(c == 0.0))) > 0
    finally:
        em.mechanics.close()


EXAMPLE = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples"


def test_beat_configuration_file(tmp_path):
    """Every section lands on its BeatConfig field; the circulation changes reach the
    closed loop; unknown keys and bad values are named by their key in the file."""
    from cardiotwin.exceptions import ConfigError
    from cardiotwin.studies.beat import (
        QUICK,
        BeatConfig,
        beat_config_from_toml,
        closed_loop_parameters,
    )

    cfg = beat_config_from_toml(EXAMPLE / "beat_scar_lbbb.toml", QUICK)
    assert (cfg.activation, cfg.scar_radius_mm, cfg.beats, cfg.cycle_length_ms) == (
        "lbbb", 12.0, 2, 800.0)
    assert cfg.dt_ms == QUICK.dt_ms and cfg.ep_dt_ms == QUICK.ep_dt_ms  # from the base
    circ = closed_loop_parameters(cfg)
    assert circ.systemic.R_AR_mmHg_s_per_mL == 0.8 and circ.cycle_length_ms == 800.0
    assert circ.pulmonary == closed_loop_parameters(BeatConfig()).pulmonary

    f = tmp_path / "beat.toml"
    f.write_text('[mechanics]\nmaterial_scale = 2.0\nexponent_factor = 0.5\n'
                 'unload = false\n[electrophysiology]\nedge_length_mm = 0\n')
    soft = beat_config_from_toml(f)
    assert soft.material == BeatConfig().material.scaled(2.0, exponent_factor=0.5)
    assert soft.ep_edge_length_mm is None
    assert soft.unload is False and BeatConfig().unload is True
    for text, match in (
            ("[mechanics]\nTref = 1\n", "unknown key 'mechanics.Tref'"),
            ("[mechanics]\nTref_kPa = -5\n", r"mechanics\.Tref_kPa = -5"),
            ("[mechanics]\nunload = 1\n", r"mechanics\.unload = 1: expected true or false"),
            ("[scar]\nradius_mm = -1\n", r"scar\.radius_mm = -1"),
            ("[circulation]\nsystemic = {R = 1}\n", r"circulation\.systemic"),
            ("[circulation]\nlv = {EA_mmHg_per_mL = 1}\n", "unknown key 'circulation.lv'"),
            ("[pericardium]\nk = 1\n", "unknown key 'pericardium'")):
        f.write_text(text)
        with pytest.raises(ConfigError, match=match):
            beat_config_from_toml(f)


def test_resume_refuses_a_checkpoint_of_another_configuration(tmp_path):
    """Checked from the checkpoint's metadata before the heart is built."""
    import json
    from dataclasses import replace

    from mpi4py import MPI

    from cardiotwin.exceptions import ConfigError
    from cardiotwin.studies.beat import QUICK, _resume_key, run_beat

    ck = tmp_path / "checkpoint"
    ck.mkdir()
    key = _resume_key(replace(QUICK, scar_radius_mm=10.0, beats=1))
    (ck / "meta.json").write_text(json.dumps({"extra": {"config": key}}))
    with pytest.raises(ConfigError, match=r"scar_radius_mm differ; only beats, "
                                          r"series_every_ms may change"):
        run_beat(MPI.COMM_SELF, replace(QUICK, beats=3), tmp_path, resume=True)
    assert _resume_key(replace(QUICK, beats=3, series_every_ms=0)) == _resume_key(QUICK)


def test_per_beat_metrics_follow_a_run_towards_its_periodic_state():
    """Three synthetic beats whose loops shrink: each beat's metrics are its own (the
    sample at a beat's end belongs to the next beat)."""
    from cardiotwin.studies.beat import per_beat_metrics

    cycle, dt = 700.0, 2.0
    t = np.arange(0.0, 3 * cycle + dt / 2, dt)
    phase = (t % cycle) / cycle
    beat = np.minimum(t // cycle, 2)
    edv = np.array([30.0, 28.0, 27.0])[beat.astype(int)]
    ejecting = (phase > 0.1) & (phase < 0.4)
    v = edv - np.where(ejecting, 15.0 * np.sin(np.pi * (phase - 0.1) / 0.3) ** 2, 0.0)
    v = np.where(phase >= 0.25, np.minimum(v, edv - 15.0 + 15.0 * (phase - 0.25) / 0.75), v)
    p = 8.0 + 110.0 * np.sin(np.pi * np.clip((phase - 0.05) / 0.4, 0, 1)) ** 2
    tr = {"time_ms": t, "lv_volume_mL": v, "lv_pressure_mmHg": p, "rv_volume_mL": v,
          "rv_pressure_mmHg": p / 4.0}
    rows = per_beat_metrics(tr, cycle, 3)
    assert [r["beat"] for r in rows] == [1, 2, 3]
    for r, e in zip(rows, (30.0, 28.0, 27.0), strict=True):
        assert r["lv"]["edv_ml"] == pytest.approx(e, rel=1e-3)
        assert r["lv"]["esv_ml"] == pytest.approx(e - 15.0, abs=0.3)
        assert r["rv"]["peak_pressure_mmhg"] == pytest.approx(118.0 / 4.0, rel=1e-3)


def test_fast_forward_is_a_circulation_key_of_the_beat_file(tmp_path):
    from cardiotwin.exceptions import ConfigError
    from cardiotwin.studies.beat import QUICK, beat_config_from_dict

    assert QUICK.fast_forward is True
    cfg = beat_config_from_dict({"circulation": {"fast_forward": False, "beats": 3}},
                                tmp_path, QUICK)
    assert cfg.fast_forward is False and cfg.beats == 3
    with pytest.raises(ConfigError, match=r"circulation\.fast_forward = 'no'"):
        beat_config_from_dict({"circulation": {"fast_forward": "no"}}, tmp_path, QUICK)
