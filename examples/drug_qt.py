"""
Drug QT: dofetilide prolongs the QT interval of a transmural wedge
==================================================================

A strip of ventricular wall (O'Hara–Rudy endocardial, M and epicardial cells, 30/35/35 %)
is paced at its endocardial face and its pseudo-ECG recorded between electrodes beyond
both faces, as in experimental wedge preparations; the QT interval is measured by the
tangent method.  Dofetilide (the CiPA compound, free concentrations from its Cmax) is
applied at each multiple of Cmax.  Runs serially or under ``mpiexec -n 2``::

    python examples/drug_qt.py --multiples 0,1,3
"""

from __future__ import annotations

import argparse
import json


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description="dofetilide and the wedge QT interval")
    ap.add_argument("--multiples", default="0,3", help="doses, multiples of the free Cmax")
    ap.add_argument("--length", type=float, default=6.0, help="wedge length, mm")
    ap.add_argument("--t-end", type=float, default=700.0, help="simulated time, ms")
    args = ap.parse_args(argv)

    from mpi4py import MPI

    import cardiotwin as ct
    from cardiotwin.studies.wedge_qt import WedgeSetup, run_wedge_qt

    comm = MPI.COMM_WORLD
    drug = ct.get_drug("dofetilide")
    setup = WedgeSetup(length_mm=args.length, width_mm=0.5, t_end_ms=args.t_end)
    qt = {}
    for m in (float(x) for x in args.multiples.split(",")):
        conc = drug.dose_uM(cmax_multiple=m)
        res = run_wedge_qt(comm, setup, drug if m > 0 else None, conc)
        qt[m] = round(res.qt_ms, 1)
    out = {"drug": drug.name, "qt_ms": qt,
           "qt_change_ms": {m: round(q - qt[min(qt)], 1) for m, q in qt.items()}}
    if comm.rank == 0:
        print(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main()
