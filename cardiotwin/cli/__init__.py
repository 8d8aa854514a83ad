"""The ``cardiotwin`` command line.

One module per subcommand (``cardiotwin/cli/<name>.py``), each defining
``add_arguments(parser)`` and ``run(args) -> int``; this module only lists them (so
``cardiotwin --help`` stays fast: no dolfinx or PyVista is imported until a subcommand
needs it), configures logging - the only place in cardiotwin that does - on MPI rank 0,
and turns :class:`CardiotwinError` into a one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from cardiotwin._mpi import rank_from_env
from cardiotwin.exceptions import CardiotwinError

#: subcommand -> one-line help; the code is in cardiotwin.cli.<subcommand>
SUBCOMMANDS: dict[str, str] = {
    "info": "versions, MPI, PETSc solvers and compiled kernels",
    "demo": "run the shipped default end to end (and the CRT / VT-ablation demos)",
    "models": "list or import ionic cell models",
    "cell": "single-cell pacing with biomarkers",
    "mesh": "label image -> tetrahedral mesh, tags and fibres",
    "niederer": "Niederer et al. 2011 slab benchmark",
    "mechbench": "Land et al. 2015 cardiac mechanics benchmark (problems 1-3)",
    "drug": "drug block: dose-response, qNet, torsade risk",
    "run": "run a simulation described by a TOML configuration",
    "batch": "run a cohort of simulation variants over MPI ranks",
    "plot": "render a results folder to PNG pictures",
}

logger = logging.getLogger("cardiotwin")


def setup_logging(verbosity: int, *, logfile: str | None = None) -> None:
    """Configure the ``cardiotwin`` logger: rank 0 logs to stderr, other ranks only errors.

    Also silences VTK's own warnings (e.g. "bad X server connection" when rendering off
    screen): pictures are made without a display on purpose.
    """
    rank = rank_from_env()
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    if verbosity < 0:
        level = logging.ERROR
    if rank != 0:
        level = logging.ERROR
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("cardiotwin")
    root.handlers[:] = [handler]
    root.setLevel(level)
    if logfile and rank == 0:
        fh = logging.FileHandler(logfile)
        fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        fh.setLevel(logging.INFO)
        root.addHandler(fh)
        root.setLevel(min(level, logging.INFO))


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (imports each subcommand's light argument module)."""
    parser = argparse.ArgumentParser(
        prog="cardiotwin",
        description="Patient-specific cardiac digital twins and in-silico trials.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=1,
                        help="more log output (-vv for debug)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in SUBCOMMANDS.items():
        mod = importlib.import_module(f"cardiotwin.cli.{name}")
        p = sub.add_parser(name, help=help_text, description=help_text)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cardiotwin`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 1
    setup_logging(-1 if args.quiet else args.verbose)
    try:
        return int(args._run(args) or 0)
    except CardiotwinError as exc:
        if rank_from_env() == 0:
            print(f"cardiotwin {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
