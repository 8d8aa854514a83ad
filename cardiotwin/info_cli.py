"""``cardiotwin info [--json]``."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from cardiotwin.cli import mpi_rank_from_env
    from cardiotwin.info import collect, format_text

    info = collect()
    if mpi_rank_from_env() == 0:
        print(json.dumps(info, indent=2) if args.json else format_text(info))
    return 0
