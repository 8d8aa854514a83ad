"""``cardiotwin demo``: the scenario subcommands parse and dispatch without heavy imports."""

from __future__ import annotations

import numpy as np
import pytest


def test_demo_subcommands_dispatch():
    from cardiotwin.cli import build_parser

    args = build_parser().parse_args(["demo", "crt", "--json", "--vv=-20,0",
                                      "--sites", "anterior"])
    assert args.scenario == "crt" and args.json and args.vv == (-20.0, 0.0)
    assert args._scenario_run.__name__ == "_run_crt"
    args = build_parser().parse_args(["demo", "vt-ablation", "--json", "--s2", "200,180"])
    assert args.scenario == "vt-ablation" and args.s2 == (200.0, 180.0)
    assert build_parser().parse_args(["demo", "--quick"]).scenario is None


def test_af_ablation_subcommand_parses():
    from cardiotwin.cli import build_parser

    args = build_parser().parse_args(["demo", "af-ablation", "--quick", "--json", "--sites",
                                      "lspv,laa", "--strategies", "pvi", "--s2", "150,140",
                                      "--gap", "4"])
    assert args.scenario == "af-ablation" and args.quick and args.s2 == (150.0, 140.0)
    assert args._scenario_run.__name__ == "_run_af_ablation"


def test_af_ablation_demo_runs_and_prints_the_interface(tmp_path, capsys, dolfinx):
    """``baseline`` and ``strategies`` in the JSON, as scripts read them."""
    import json

    from cardiotwin.cli import main

    rc = main(["demo", "af-ablation", "--quick", "--json", "--sites", "lspv",
               "--strategies", "pvi", "--s2", "140", "--persist", "300",
               "-o", str(tmp_path)])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("inducible", "dominant_frequency_hz", "phase_singularities", "outcome"):
        assert key in out["baseline"]
    assert [s["name"] for s in out["strategies"]] == ["pvi"]
    row = out["strategies"][0]
    assert row["inducible"] is False and row["outcome"] == "terminated"
    assert row["sites"][0]["activated_fraction"] < 0.1  # exit block from the isolated vein
    assert out["table"]["sites"] == ["lspv"]


def test_demo_beat_parses_and_rejects_bad_input_before_computing(tmp_path, capsys):
    from cardiotwin.cli import build_parser, main

    args = build_parser().parse_args(["demo", "beat", "--quick", "--json", "--beats", "2",
                                      "--ical-block", "0.5"])
    assert args.scenario == "beat" and args.quick and args.json
    assert args.beats == 2 and args.ical_block == 0.5
    assert args._scenario_run.__name__ == "_run_beat"
    from cardiotwin.cli.demo import _beat_config

    assert _beat_config(args).unload is True  # the mesh is the imaged heart by default
    assert _beat_config(build_parser().parse_args(["demo", "beat", "--no-unload"])).unload is False
    out = tmp_path / "beat"
    assert main(["demo", "beat", "--ical-block", "1.5", "-o", str(out)]) == 2
    assert "ical_block = 1.5" in capsys.readouterr().err
    assert not out.exists()
    assert main(["demo", "beat", "--material-scale", "0", "-o", str(out)]) == 2
    assert "scaled: factor = 0" in capsys.readouterr().err
    assert not out.exists()
    args = build_parser().parse_args(["demo", "beat", "--activation", "crt", "--scar-radius",
                                      "12", "--ep-edge-length", "2.5"])
    assert (args.activation, args.scar_radius, args.ep_edge_length) == ("crt", 12.0, 2.5)
    assert main(["demo", "beat", "--scar-radius", "-3", "-o", str(out)]) == 2
    assert "scar_radius_mm = -3.0" in capsys.readouterr().err
    assert main(["demo", "beat", "--lv-conductivity-factor", "2", "-o", str(out)]) == 2
    assert "lv_conductivity_factor = 2.0" in capsys.readouterr().err
    assert not out.exists()


def test_demo_beat_takes_a_label_image_with_its_map():
    """--labels-image and --label-map are applied together (each alone is refused by the
    configuration's check, so they cannot be applied one after the other)."""
    from pathlib import Path

    from cardiotwin.cli import build_parser
    from cardiotwin.cli.demo import _beat_config
    from cardiotwin.exceptions import ConfigError

    image = str(Path(__file__).resolve().parents[2] / "meshes" / "phantom_biv_labels.nii.gz")
    args = build_parser().parse_args(["demo", "beat", "--quick", "--labels-image", image,
                                      "--label-map", "lv-myocardium=1,lv-blood=3,rv-blood=4",
                                      "--edge-length", "5"])
    cfg = _beat_config(args)
    assert cfg.labels == image and cfg.label_map.startswith("lv-myocardium=1")
    assert cfg.edge_length_mm == 5.0
    with pytest.raises(ConfigError, match="needs label_map"):
        _beat_config(build_parser().parse_args(["demo", "beat", "--labels-image", image]))


def test_beat_config_defaults_and_checks():
    from cardiotwin.exceptions import ConfigError
    from cardiotwin.mechanics import HolzapfelOgden
    from cardiotwin.studies.beat import (
        KLOTZ_MATERIAL_SCALE,
        PHANTOM_TREF_KPA,
        BeatConfig,
    )

    cfg = BeatConfig()
    assert cfg.Tref_kPa == PHANTOM_TREF_KPA
    ti = HolzapfelOgden.transversely_isotropic(fibres_in_compression=True)
    assert cfg.material == ti.scaled(KLOTZ_MATERIAL_SCALE)
    with pytest.raises(ConfigError, match=r"BeatConfig\.material"):
        BeatConfig(material="holzapfel")
    with pytest.raises(ConfigError, match="epicardial_spring_kPa_per_mm"):
        BeatConfig(epicardial_spring_kPa_per_mm=-1.0)
    assert (cfg.activation, cfg.scar_radius_mm, cfg.ep_edge_length_mm) == ("endocardial",
                                                                           0.0, 2.5)
    with pytest.raises(ConfigError, match="activation = 'his-bundle'"):
        BeatConfig(activation="his-bundle")
    with pytest.raises(ConfigError, match="ep_edge_length_mm"):
        BeatConfig(ep_edge_length_mm=0.0)
    with pytest.raises(ConfigError, match="scar_centre_mm"):
        BeatConfig(scar_centre_mm=(1.0, 2.0))
    with pytest.raises(ConfigError, match="scar_stiffness_factor"):
        BeatConfig(scar_stiffness_factor=float("nan"))
    with pytest.raises(ConfigError, match=r"unknown drug 'aspirin'.*dofetilide"):
        BeatConfig(drug="aspirin")
    with pytest.raises(ConfigError, match="drug_cmax_multiple"):
        BeatConfig(drug="dofetilide", drug_cmax_multiple=0.0)


def test_beat_qt_and_apd_from_the_tracker():
    """QT = latest repolarisation - earliest activation of the last beat; the mean APD90
    over the vertices that repolarised."""
    from types import SimpleNamespace

    from mpi4py import MPI

    from cardiotwin.studies.beat import _repolarisation

    nan = float("nan")
    tracker = SimpleNamespace(last_activation=np.array([702.0, 710.0, 730.0, nan]),
                              repolarisation=np.array([990.0, 1010.0, 1050.0, nan]),
                              apd90=np.array([288.0, 300.0, 320.0, nan]))
    out = _repolarisation(MPI.COMM_SELF, tracker)
    assert out["qt_ms"] == pytest.approx(1050.0 - 702.0)
    assert out["apd90_mean_ms"] == pytest.approx((288.0 + 300.0 + 320.0) / 3)
    empty = SimpleNamespace(last_activation=np.full(3, nan), repolarisation=np.full(3, nan),
                            apd90=np.full(3, nan))
    assert all(np.isnan(v) for v in _repolarisation(MPI.COMM_SELF, empty).values())


def test_circulation_priming_option_and_check():
    from cardiotwin.cli import build_parser
    from cardiotwin.cli.demo import _beat_config
    from cardiotwin.exceptions import ConfigError
    from cardiotwin.studies.beat import BeatConfig

    assert BeatConfig().circulation_prime_beats == 50
    args = build_parser().parse_args(["demo", "beat", "--prime-circulation", "0"])
    assert _beat_config(args).circulation_prime_beats == 0
    for bad in (-1, 2.5, True):
        with pytest.raises(ConfigError, match="circulation_prime_beats"):
            BeatConfig(circulation_prime_beats=bad)


def test_demo_beat_prints_the_beats_one_by_one(tmp_path, capsys, monkeypatch):
    """The text summary of a several-beat run (the run itself replaced by its result)."""
    import cardiotwin.studies.beat as beat
    from cardiotwin.cli import main

    m = {"edv_ml": 25.0, "esv_ml": 12.0, "sv_ml": 13.0, "ef_percent": 52.0,
         "peak_pressure_mmhg": 120.0, "dpdt_max_mmhg_per_s": 4000.0, "edp_mmhg": 15.0}
    out = {"lv": m, "rv": m, "per_beat": [{"beat": 1, "lv": m, "rv": {**m, "edv_ml": 14.8}},
                                          {"beat": 2, "lv": m, "rv": m}],
           "substrate": {"activation": "endocardial", "scar_volume_mL": 0.0},
           "total_activation_ms": 23.4, "activation_95_ms": 19.9, "qt_ms": 312.0,
           "apd90_mean_ms": 292.0, "outputs": {"pv_loop_png": "pv_loop.png"}}
    seen = {}

    def fake(comm, cfg, outdir, **kw):
        seen["cfg"] = cfg
        return out

    monkeypatch.setattr(beat, "run_beat", fake)
    assert main(["demo", "beat", "--quick", "--beats", "2", "--no-fast-forward",
                 "-o", str(tmp_path)]) == 0
    text = capsys.readouterr().out
    assert "beat by beat, LV / RV EDV (mL) and EF (%): 1: 25.00 / 14.80, 52.0 / 52.0; " \
           "2: 25.00 / 25.00" in text
    assert "total 23.4 ms (95 % by 19.9 ms)" in text
    assert seen["cfg"].beats == 2 and seen["cfg"].fast_forward is False
