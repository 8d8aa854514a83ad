"""
A twin from a 12-lead ECG: fit, read the posterior, update
===========================================================

A "patient" ECG is made on the phantom by the fast model (two roots, known velocities and
APD; noise and baseline wander added) and written as the interchange CSV; ``fit_twin``
then sees only the anatomy folder and that file.  Tiny sampler settings keep the example
quick; real fits use the defaults (200 particles).  Runs serially or under
``mpiexec -n 2`` (the evaluations are shared over the ranks)::

    python examples/twin_fit.py --particles 32 --generations 6 --out my_twin
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description="fit a twin to a synthetic 12-lead ECG")
    ap.add_argument("--particles", type=int, default=16)
    ap.add_argument("--generations", type=int, default=3)
    ap.add_argument("--out", default=None, help="twin folder (default: a temporary one)")
    args = ap.parse_args(argv)

    from mpi4py import MPI

    import numpy as np

    import cardiotwin as ct
    from cardiotwin.io.ecg import from_matrix, write_ecg_csv
    from cardiotwin.twin.calibration import SMCSettings
    from cardiotwin.twin.forward import TwinModel
    from cardiotwin.twin.parameters import Prior, Repolarisation, Root
    from cardiotwin.twin.synthetic import Noise

    comm = MPI.COMM_WORLD
    work = Path(comm.bcast(tempfile.mkdtemp() if comm.rank == 0 else None))
    out = Path(args.out) if args.out else work / "twin"
    # the patient (the truth is not given to the fit)
    model = TwinModel.from_geometry(ct.load_phantom())
    t = np.arange(0.0, 480.0, 1.0)
    truth = (Root("lv", 0.5, 2.5, 0.0), Root("rv", 0.5, 0.3, 5.0))
    ecg = model.ecg(truth, ct.Velocities(0.6, 0.4, 0.3, 1.5), Repolarisation(290.0), t - 30.0)
    if comm.rank == 0:
        write_ecg_csv(work / "ecg.csv", Noise(seed=1).apply(from_matrix(t, ecg.matrix())))
    comm.Barrier()
    from cardiotwin.geometry.io import PHANTOM_FOLDER

    twin = ct.fit_twin(PHANTOM_FOLDER, work / "ecg.csv", out,
                       prior=Prior(n_roots=2),
                       settings=SMCSettings(particles=args.particles,
                                            max_generations=args.generations), report=False)
    s = twin.summary()
    result = {"twin": str(out), "cv_m_per_s": {k: round(s["cv_m_per_s"][k], 3)
                                               for k in ("fibre", "sheet", "normal", "endo")},
              "apd_ms": round(s["apd_ms"], 1), "roots": len(s["roots"]),
              "ecg_correlation_median": round(float(np.median(
                  list(s["ecg_correlation"].values()))), 3)}
    if comm.rank == 0:
        print(json.dumps(result, indent=1))
        if args.out is None:
            shutil.rmtree(work, ignore_errors=True)
    return result


if __name__ == "__main__":
    main()
