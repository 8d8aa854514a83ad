"""Tissue QT: a 10 mm transmural ORd wedge (endo/M/epi), control vs dofetilide, pseudo-ECG
QT (tangent-method T end) and the ECG plot.

    .venv/bin/python benchmarks/drug_wedge_qt.py [--multiple 3] [--png wedge_ecg.png] > out.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mpi4py import MPI

from cardiotwin.scenarios.library import get_drug
from cardiotwin.studies.wedge_qt import WedgeSetup, plot_ecgs, run_wedge_qt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--drug", default="dofetilide")
    ap.add_argument("--multiple", type=float, default=3.0)
    ap.add_argument("--t-end", type=float, default=800.0)
    ap.add_argument("--png", default="wedge_ecg.png")
    a = ap.parse_args()
    comm = MPI.COMM_WORLD
    setup = WedgeSetup(t_end_ms=a.t_end)
    drug = get_drug(a.drug)
    conc = float(drug.free_concentrations_uM([a.multiple])[0])
    res = {"control": run_wedge_qt(comm, setup),
           f"{a.drug} {a.multiple:g}x Cmax": run_wedge_qt(comm, setup, drug, conc,
                                                         allow_missing=True)}
    if comm.rank == 0:
        plot_ecgs(res, a.png)
    emit({"benchmark": "drug_wedge_qt", "setup": dict(setup.__dict__), "conc_uM": conc,
          "results": {k: {**v.intervals.as_dict(), "wall_s": v.wall_s} for k, v in res.items()},
          "png": a.png, "ranks": comm.size}, rank=comm.rank)


if __name__ == "__main__":
    main()
