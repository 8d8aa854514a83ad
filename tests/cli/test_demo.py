"""``cardiotwin demo``: the scenario subcommands parse and dispatch without heavy imports."""

from __future__ import annotations


def test_demo_subcommands_dispatch():
    from cardiotwin.cli import build_parser

    args = build_parser().parse_args(["demo", "crt", "--json", "--vv=-20,0",
                                      "--sites", "anterior"])
    assert args.scenario == "crt" and args.json and args.vv == (-20.0, 0.0)
    assert args._scenario_run.__name__ == "_run_crt"
    args = build_parser().parse_args(["demo", "vt-ablation", "--json", "--s2", "200,180"])
    assert args.scenario == "vt-ablation" and args.s2 == (200.0, 180.0)
    assert build_parser().parse_args(["demo", "--quick"]).scenario is None


def test_demo_beat_parses_and_rejects_bad_input_before_computing(tmp_path, capsys):
    from cardiotwin.cli import build_parser, main

    args = build_parser().parse_args(["demo", "beat", "--quick", "--json", "--beats", "2",
                                      "--ical-block", "0.5"])
    assert args.scenario == "beat" and args.quick and args.json
    assert args.beats == 2 and args.ical_block == 0.5
    assert args._scenario_run.__name__ == "_run_beat"
    out = tmp_path / "beat"
    assert main(["demo", "beat", "--ical-block", "1.5", "-o", str(out)]) == 2
    assert "ical_block = 1.5" in capsys.readouterr().err
    assert not out.exists()
