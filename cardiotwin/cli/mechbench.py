"""``cardiotwin mechbench``: the Land et al. 2015 cardiac mechanics benchmark."""

from __future__ import annotations

import argparse

from cardiotwin.cli._common import dumps
from cardiotwin.exceptions import ConfigError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--problem", type=int, choices=(1, 2, 3), required=True,
                        help="1 beam, 2 passive ellipsoid, 3 active ellipsoid")
    parser.add_argument("--refine", type=int, default=None,
                        help="resolution level (default: the recommended one, 2); problem 1: "
                             "10*2^N x 2^N x 2^N boxes, problems 2-3: element size "
                             "2.5/2^(N/2) mm")
    parser.add_argument("--steps", type=int, default=None,
                        help="load steps (default 4, 10, 20 for problems 1, 2, 3)")
    parser.add_argument("--linear-solver", choices=("mumps", "superlu_dist", "iterative"),
                        default="mumps", help="linear solver (default mumps)")
    parser.add_argument("--quadrature-degree", type=int, default=4,
                        help="quadrature degree (default 4)")
    parser.add_argument("--petsc-option", action="append", default=[], metavar="KEY=VALUE",
                        help="extra PETSc option under the prefix mech_ (repeatable), e.g. "
                             "snes_monitor= or snes_linesearch_type=bt")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _petsc_options(items: list[str]) -> tuple[tuple[str, str], ...]:
    out = []
    for item in items:
        key, sep, value = item.partition("=")
        key = key.lstrip("-")
        if not key or not sep:
            raise ConfigError(f"--petsc-option {item!r}: expected KEY=VALUE (VALUE may be empty)")
        out.append((key, value))
    return tuple(out)


def run(args: argparse.Namespace) -> int:
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    from cardiotwin.studies.mechbench import BenchSetup, run_benchmark

    setup = BenchSetup(problem=args.problem, refine=args.refine, steps=args.steps,
                       quadrature_degree=args.quadrature_degree,
                       linear_solver=args.linear_solver,
                       petsc_options=_petsc_options(args.petsc_option))
    comm = MPI.COMM_WORLD
    # progress: every converged load step is logged (INFO) by the load stepper
    result = run_benchmark(comm, setup)
    if comm.rank == 0:
        if args.json:
            print(dumps(result))
        else:
            ref = result["reference"]
            print(f"Land et al. 2015 problem {args.problem}: refine {result['refine']}, "
                  f"{result['dofs']} dofs, {result['ranks']} rank(s)")
            for key, value in ref.items():
                print(f"  {key}: {result[key]:.4f} mm (reported {value} mm)")
            print(f"  Newton iterations per load step: {result['newton_iterations']}")
            print(f"  wall {result['wall_s']} s")
    return 0
