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
