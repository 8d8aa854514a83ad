"""``cardiotwin plot RESULTS/ [-o DIR]``: render a results folder to pictures."""

from __future__ import annotations

import argparse
from pathlib import Path

from cardiotwin._mpi import rank_from_env
from cardiotwin.cli._common import emit
from cardiotwin.exceptions import ConfigError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin plot``."""
    parser.add_argument("results", help="results folder (cardiotwin run/demo/batch)")
    parser.add_argument("-o", "--output", default=None,
                        help="where to write the pictures (default RESULTS/plots)")
    parser.add_argument("--snapshots", type=int, default=6, help="V snapshots in the panel")
    parser.add_argument("--no-gif", action="store_true", help="skip the V animation")
    parser.add_argument("--fps", type=int, default=10, help="GIF frames per second")
    parser.add_argument("--no-fibres", action="store_true", help="skip the fibre pictures")
    parser.add_argument("--json", action="store_true", help="print the written files as JSON")


def run(args: argparse.Namespace) -> int:
    """Render on rank 0."""
    from cardiotwin.studies.batch import HEADLINE
    from cardiotwin.viz.results import plot_results

    if args.snapshots < 1 or args.fps < 1:
        raise ConfigError(f"--snapshots {args.snapshots} / --fps {args.fps}: expected >= 1")
    if rank_from_env() != 0:
        return 0
    out = Path(args.output) if args.output else Path(args.results) / "plots"
    files = plot_results(args.results, out, snapshots=args.snapshots, gif=not args.no_gif,
                         fps=args.fps, fibres=not args.no_fibres,
                         batch_columns=HEADLINE[:4])
    emit(args, files, [f"cardiotwin plot: {len(files)} pictures in {out.resolve()}",
                       *(f"  {name}: {path}" for name, path in files.items())])
    return 0
