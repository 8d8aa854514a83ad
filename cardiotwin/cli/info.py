"""``cardiotwin info [--json]``: versions, MPI, PETSc's solvers, compiled kernels."""

from __future__ import annotations

import argparse

from cardiotwin.cli._common import emit


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin info``."""
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    """Collect and print the installation facts (rank 0)."""
    from cardiotwin.info import collect, format_text

    info = collect()
    emit(args, info, [format_text(info)])
    return 0
