"""``cardiotwin niederer``: run the Niederer et al. 2011 slab benchmark."""

from __future__ import annotations

import argparse

from cardiotwin.cli._common import dumps


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dx", type=float, default=0.5, help="element size, mm (default 0.5)")
    parser.add_argument("--dt", type=float, default=0.05, help="time step, ms (default 0.05)")
    parser.add_argument("--cell", choices=("hexahedron", "tetrahedron"), default="tetrahedron",
                        help="element type (default tetrahedron)")
    parser.add_argument("--lumped-mass", action="store_true",
                        help="lumped instead of consistent mass (much slower conduction on "
                             "coarse grids)")
    parser.add_argument("--theta", type=float, default=0.5,
                        help="0.5 Crank-Nicolson (default) .. 1 backward Euler")
    parser.add_argument("--splitting", choices=("godunov", "strang"), default="godunov")
    parser.add_argument("--model", default="tp06-epi", help="ionic model (default tp06-epi)")
    parser.add_argument("--workers", type=int, default=1, help="kernel threads per rank")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    from cardiotwin.io.progress import ProgressBar
    from cardiotwin.studies.niederer import NiedererSetup, run_niederer

    setup = NiedererSetup(dx_mm=args.dx, dt_ms=args.dt, cell=args.cell,
                          lumped_mass=args.lumped_mass, theta=args.theta,
                          splitting=args.splitting, model=args.model, workers=args.workers)
    comm = MPI.COMM_WORLD
    bar = ProgressBar(comm, enabled=not args.json and not args.quiet, label="niederer")
    result = run_niederer(comm, setup, progress=bar)
    bar.close()
    if comm.rank == 0:
        if args.json:
            print(dumps(result))
        else:
            print(f"Niederer 2011 benchmark: dx = {setup.dx_mm} mm, dt = {setup.dt_ms} ms, "
                  f"{result['dofs']} dofs, {result['ranks']} rank(s)")
            for k, v in result["activation_ms"].items():
                print(f"  {k}: {v} ms")
            print(f"  wall {result['wall_s']} s ({result['wall_per_step_ms']} ms/step)")
    return 0
