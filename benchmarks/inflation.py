"""Passive inflation of a ventricle of a geometry folder: pressure-volume curve and the
cavity volume computed two independent ways (:mod:`cardiotwin.studies.inflation`).

Prints one JSON object (rank 0): per converged load step the pressure (mmHg), both cavity
volumes (mL) and their relative difference, Newton iterations, dofs, wall time, peak
memory; ``--out`` also writes the XDMF/VTX series, ``pv.csv``, ``summary.json`` and PNGs
of the deformed mesh and the PV curve.

Examples
--------
::

    .venv/bin/python benchmarks/inflation.py --geometry meshes/phantom_biv --out /tmp/infl
    .venv/bin/python benchmarks/inflation.py --ellipsoid 1.25 --steps 4
    .venv/bin/cardiotwin mesh ../shared/reference/anatomy/mmwhs_ct_labels/mmwhs.nii.gz \\
        -o /tmp/mmwhs --labels lv-myocardium=1,lv-blood=3,rv-blood=5 --edge-length 4
    .venv/bin/python benchmarks/inflation.py --geometry /tmp/mmwhs --out /tmp/mmwhs-infl
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import dolfinx_solver  # noqa: F401  (MPI library order; must precede mpi4py/dolfinx)
from mpi4py import MPI

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--geometry", default=str(REPO / "meshes" / "phantom_biv"),
                        help="geometry folder (cardiotwin mesh output)")
    parser.add_argument("--ellipsoid", type=float, default=None, metavar="H_MM",
                        help="instead of --geometry: the Land et al. 2015 ellipsoid (flat "
                             "tetrahedra of size H_MM) with its problem-3 fibres")
    parser.add_argument("--cavity", default="lv", choices=("lv", "rv"))
    parser.add_argument("--pressure-mmHg", type=float, default=8.0)
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--incompressibility", default="incompressible",
                        choices=("incompressible", "nearly-incompressible"))
    parser.add_argument("--stabilisation", type=float, default=0.0, help="kPa")
    parser.add_argument("--linear-solver", default="mumps",
                        choices=("mumps", "superlu_dist", "iterative"))
    parser.add_argument("--out", default=None, help="output folder (fields, pv.csv, PNGs)")
    args = parser.parse_args(argv)
    comm = MPI.COMM_WORLD
    logging.basicConfig(level=logging.INFO if comm.rank == 0 else logging.ERROR,
                        stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")

    from cardiotwin.geometry.io import load_geometry
    from cardiotwin.studies.inflation import InflationSetup, run_inflation

    t0 = time.perf_counter()
    if args.ellipsoid is not None:
        from cardiotwin.studies.mechbench import (
            ELLIPSOID_TAGS,
            ellipsoid_mesh,
            land_fibre_fields,
        )

        mesh, facet_tags = ellipsoid_mesh(comm, args.ellipsoid)
        tag_ids = {"lv-endocardium": ELLIPSOID_TAGS["endocardium"],
                   "epicardium": ELLIPSOID_TAGS["epicardium"], "base": ELLIPSOID_TAGS["base"]}
        fibres = land_fibre_fields(mesh, 4)
        source = f"Land 2015 ellipsoid, h = {args.ellipsoid} mm"
    else:
        geo = load_geometry(args.geometry, comm)
        mesh, facet_tags, tag_ids, fibres = (geo.mesh, geo.facet_tags, geo.facet_tag_ids,
                                             geo.fibres)
        source = str(args.geometry)
    setup = InflationSetup(pressure_mmHg=args.pressure_mmHg, cavity=args.cavity,
                           steps=args.steps, incompressibility=args.incompressibility,
                           stabilisation_kPa=args.stabilisation,
                           linear_solver=args.linear_solver)
    result = run_inflation(mesh, facet_tags, tag_ids, fibres, setup, outdir=args.out)
    result["geometry"] = source
    result["total_wall_s"] = round(time.perf_counter() - t0, 2)
    emit(result, rank=comm.rank)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
