"""The ``cardiotwin`` command line.

Each subcommand lives next to the code it drives, in a module that defines
``add_arguments(parser)`` and ``run(args) -> int``; this module only lists them (so
``cardiotwin --help`` stays fast: no dolfinx or PyVista is imported until a subcommand
needs it), sets up logging on MPI rank 0 and turns :class:`CardiotwinError` into a
one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from cardiotwin.exceptions import CardiotwinError

#: subcommand -> (module implementing it, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "info": ("cardiotwin.info_cli", "versions, MPI, PETSc solvers and compiled kernels"),
    "demo": ("cardiotwin.demo", "run the shipped default end to end"),
    "models": ("cardiotwin.ionic.cli_models", "list or import ionic cell models"),
    "cell": ("cardiotwin.ionic.cli_cell", "single-cell pacing with biomarkers"),
    "mesh": ("cardiotwin.geometry.cli", "label image -> tetrahedral mesh, tags and fibres"),
    "niederer": ("cardiotwin.ep.cli_niederer", "Niederer et al. 2011 slab benchmark"),
    "mechbench": ("cardiotwin.studies.cli_mechbench",
                  "Land et al. 2015 cardiac mechanics benchmark (problems 1-3)"),
    "drug": ("cardiotwin.scenarios.cli_drug", "drug block: dose-response, qNet, torsade risk"),
    "run": ("cardiotwin.run_cli", "run a simulation described by a TOML configuration"),
    "batch": ("cardiotwin.batch", "run a cohort of simulation variants over MPI ranks"),
    "plot": ("cardiotwin.viz.cli", "render a results folder to PNG pictures"),
}

logger = logging.getLogger("cardiotwin")


def mpi_rank_from_env() -> int:
    """This process's MPI rank as told by the launcher (0 when not under mpiexec)."""
    for var in ("PMI_RANK", "OMPI_COMM_WORLD_RANK", "PMIX_RANK", "MV2_COMM_WORLD_RANK"):
        if var in os.environ:
            try:
                return int(os.environ[var])
            except ValueError:
                pass
    return 0


def setup_logging(verbosity: int, *, logfile: str | None = None) -> None:
    """Configure the ``cardiotwin`` logger: rank 0 logs to stderr, other ranks only errors."""
    rank = mpi_rank_from_env()
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
    for name, (module, help_text) in SUBCOMMANDS.items():
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue  # subcommand not part of this installation
            raise
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
        if mpi_rank_from_env() == 0:
            print(f"cardiotwin {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
