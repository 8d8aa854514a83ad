"""``cardiotwin run CONFIG.toml -o RESULTS/ [--resume] [--overwrite] [--json]``."""

from __future__ import annotations

import argparse

from cardiotwin.cli._common import emit


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin run``."""
    parser.add_argument("config", help="run configuration (TOML)")
    parser.add_argument("-o", "--output", required=True, help="results folder")
    parser.add_argument("--resume", action="store_true",
                        help="continue the run in OUTPUT from its last checkpoint")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace an existing, non-empty results folder")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace) -> int:
    """Validate the configuration on every rank, then run it."""
    from cardiotwin.exceptions import ConfigError
    from cardiotwin.studies.runconfig import load_config
    from cardiotwin.studies.runner import run_simulation

    if args.resume and args.overwrite:
        raise ConfigError("--resume and --overwrite exclude each other")
    cfg = load_config(args.config)  # validated on every rank before any collective
    summary = run_simulation(cfg, args.output, resume=args.resume, overwrite=args.overwrite,
                             progress=not (args.json or args.quiet))
    summary = {k: v for k, v in summary.items() if not k.startswith("_")}
    emit(args, summary, [f"cardiotwin run: results in {summary['results']}",
                         f"  total activation {summary['total_activation_ms']} ms, mean APD90 "
                         f"{summary['apd90_mean_ms']} ms, QT {summary['qt_ms']} ms, "
                         f"wall {summary['total_wall_s']} s"])
    return 0
