"""Land et al. (2015) cardiac mechanics benchmark: resolution sweep, with the peer.

Runs problems 1-3 (:mod:`cardiotwin.studies.mechbench`) at each requested resolution
and prints one JSON object: per run the reported positions, dofs, Newton iterations per
load step, wall time and where it went (PETSc events: residual and Jacobian assembly,
factorisation, triangular solves), ranks and peak memory; per problem the change
between successive resolutions and the distance to the reported converged values.

The peer, fenicsx-pulse (PyPI), is run on the same problems when it can be imported;
otherwise the JSON says why (``"peer"``).  With the DOLFINx wheel ``dolfinx-solver-real``
it cannot: fenicsx-pulse 0.12.0 imports ``scifem`` at module level
(``pulse/problem.py``), and scifem 0.27.0 is a source distribution whose build needs the
DOLFINx C++ CMake package (``DOLFINXConfig.cmake``) and headers, which the wheel does
not ship (``pip wheel scifem`` stops at CMake's ``find_package(DOLFINX)``); scifem's
``__init__`` imports its compiled ``_scifem`` module unconditionally.

Examples
--------
::

    .venv/bin/python benchmarks/land2015.py --problems 1 2 3 --refine 0 1 2 > land.json
    .venv/bin/mpiexec -n 2 .venv/bin/python benchmarks/land2015.py --problems 2 --refine 2
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from pathlib import Path
from typing import Any

import dolfinx_solver  # noqa: F401  (MPI library order; must precede mpi4py/dolfinx)
from mpi4py import MPI

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

PEER_REASON = (
    "fenicsx-pulse 0.12.0 needs scifem (imported at module level by pulse/problem.py); "
    "scifem 0.27.0 is an sdist whose CMake build needs DOLFINx's C++ package "
    "(DOLFINXConfig.cmake, headers), which the dolfinx-solver-real wheel does not ship: "
    "'pip wheel scifem' fails at CMakeLists.txt:35 find_package(DOLFINX); scifem's "
    "__init__ imports its compiled _scifem module unconditionally, so no part of it "
    "imports without the build.")


def peer_status() -> dict[str, Any]:
    """Whether fenicsx-pulse imports here, and the reason when it does not."""
    try:
        importlib.import_module("pulse")
    except ImportError as exc:
        return {"package": "fenicsx-pulse", "ran": False, "import_error": str(exc),
                "reason": PEER_REASON}
    return {"package": "fenicsx-pulse", "ran": False, "import_error": None,
            "reason": "fenicsx-pulse imports in this environment but this script has no "
                      "runner for it; run its demo/benchmark/problem*.py on the same mesh"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--problems", type=int, nargs="+", default=[1, 2, 3],
                        choices=(1, 2, 3))
    parser.add_argument("--refine", type=int, nargs="+", default=[0, 1, 2],
                        help="resolution levels (see cardiotwin.studies.mechbench)")
    parser.add_argument("--linear-solver", default="mumps",
                        choices=("mumps", "superlu_dist", "iterative"))
    parser.add_argument("--geometry-order", type=int, choices=(1, 2), default=2,
                        help="ellipsoid: 2 curved (quadratic, default), 1 flat tetrahedra")
    parser.add_argument("--stabilisation", type=float, default=None,
                        help="kPa; default: the problem's (see mechbench)")
    parser.add_argument("--peer", action="store_true", help="also run fenicsx-pulse")
    args = parser.parse_args(argv)
    comm = MPI.COMM_WORLD
    logging.basicConfig(level=logging.INFO if comm.rank == 0 else logging.ERROR,
                        stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")

    from cardiotwin.exceptions import CardiotwinError
    from cardiotwin.studies.mechbench import REFERENCE, BenchSetup, run_benchmark

    t0 = time.perf_counter()
    runs: list[dict[str, Any]] = []
    for problem in args.problems:
        for level in args.refine:
            setup = BenchSetup(problem=problem, refine=level,
                               linear_solver=args.linear_solver,
                               geometry_order=args.geometry_order,
                               stabilisation_kPa=args.stabilisation)
            if comm.rank == 0:
                print(f"problem {problem}, refine {level} ...", file=sys.stderr, flush=True)
            try:
                runs.append(run_benchmark(comm, setup))
            except CardiotwinError as exc:
                runs.append({"problem": problem, "refine": level, "error": str(exc)})
    convergence = {}
    for problem in args.problems:
        done = [r for r in runs if r["problem"] == problem and "error" not in r]
        rows = []
        for prev, cur in zip([None, *done[:-1]], done, strict=True):
            row = {"refine": cur["refine"], "dofs": cur["dofs"]}
            for key, ref in REFERENCE[problem].items():
                row[key] = cur[key]
                row[f"{key}_minus_reported"] = round(cur[key] - ref, 4)
                if prev is not None:
                    row[f"{key}_change"] = round(cur[key] - prev[key], 4)
            rows.append(row)
        convergence[str(problem)] = rows
    result = {"benchmark": "land2015", "ranks": comm.size, "runs": runs,
              "convergence": convergence, "reported": REFERENCE,
              "wall_s": round(time.perf_counter() - t0, 2)}
    result["peer"] = peer_status() if args.peer else {"requested": False}
    emit(result, rank=comm.rank)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
