"""Synthetic patients: made with the full monodomain model, recovered by `twin fit`.

Usage::

    .venv/bin/mpiexec -n 2 .venv/bin/python benchmarks/twin_synthetic.py
        [--geometry MESHDIR] [--patients 1,2,3] [--particles 64] [--generations 12]
        [--update] [--predict dofetilide:10] [--workdir DIR] > twin_synthetic.json

Each patient's root sites (ventricular coordinates, so the same patients exist on every
anatomy), velocities and I_K scale (hence APD) drive the monodomain model
(:func:`cardiotwin.twin.synthetic.simulate_patient`); its 12-lead pseudo-ECG gets white
noise (0.02 mV) and baseline wander (0.1 mV, 0.3 Hz) and is written as the interchange
CSV.  The truth is kept out of the fit: ``fit_twin`` sees the anatomy folder and the CSV
only.  Printed per patient: the distance (mm) from each true root to the nearest fitted
root and whether the truth lies in that root's 95 % box, the velocities' errors (%) and
95 % coverage, the APD error (ms; truth = the monodomain's mean APD90) and coverage, the
fitted-vs-target ECG correlation per lead and the fit's wall time.  ``--update`` refits
patient 1 to a second record (new noise) warm-started and prints the posterior widths
before and after; ``--predict`` runs the drug on the twin and on the true parameters.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

PATIENTS = {
    1: {"roots": [("lv", 0.45, 2.6, 0.0), ("rv", 0.5, 0.4, 6.0)],
        "cv": (0.6, 0.4, 0.3, 1.5), "ik_scale": 1.0},
    2: {"roots": [("lv", 0.6, -1.0, 0.0), ("lv", 0.35, 2.0, 8.0)],
        "cv": (0.5, 0.35, 0.25, 1.8), "ik_scale": 1.4},
    3: {"roots": [("lv", 0.5, 1.5, 0.0), ("rv", 0.4, 0.0, 3.0), ("lv", 0.7, -2.5, 10.0)],
        "cv": (0.7, 0.45, 0.35, 1.2), "ik_scale": 0.75},
}


def widths(summary: dict) -> dict:
    cv = summary["cv_m_per_s"]
    out = {f"cv_{k}_95_width": cv[f"{k}_95"][1] - cv[f"{k}_95"][0]
           for k in ("fibre", "sheet", "normal", "endo")}
    out["apd_95_width_ms"] = summary["apd_ms_95"][1] - summary["apd_ms_95"][0]
    out["root_radius_mm_90"] = [r["radius_mm_90"] for r in summary["roots"]]
    return out


def compare(summary: dict, truth: dict, sites: list[dict]) -> dict:
    roots = []
    fitted = np.array([[r["x_mm"], r["y_mm"], r["z_mm"]] for r in summary["roots"]])
    for s in sites:
        p = np.array([s["x_mm"], s["y_mm"], s["z_mm"]])
        d = np.linalg.norm(fitted - p, axis=1)
        k = int(np.argmin(d))
        r = summary["roots"][k]
        inside = all(r[f"{a}_mm_95"][0] <= p[i] <= r[f"{a}_mm_95"][1]
                     for i, a in enumerate("xyz"))
        roots.append({"true_t_ms": s["t_ms"], "distance_mm": float(d[k]),
                      "fitted_t_ms": r["t_ms"], "t_95": r["t_ms_95"],
                      "in_95_box": inside, "probability": r["probability"]})
    cv = {}
    for name, v in truth["velocities_m_per_s"].items():
        c = summary["cv_m_per_s"]
        cv[name] = {"true": v, "fitted": c[name], "error_pct": 100 * (c[name] - v) / v,
                    "in_95": c[f"{name}_95"][0] <= v <= c[f"{name}_95"][1],
                    "interval": c[f"{name}_95"]}
    apd_t = truth["mean_apd90_ms"]
    apd = {"true_mean_apd90_ms": apd_t, "fitted_ms": summary["apd_ms"],
           "error_ms": summary["apd_ms"] - apd_t,
           "in_95": summary["apd_ms_95"][0] <= apd_t <= summary["apd_ms_95"][1],
           "interval": summary["apd_ms_95"]}
    return {"roots": roots, "root_count": {"true": len(sites), **summary["root_count"]},
            "cv": cv, "apd": apd, "ecg_correlation": summary["ecg_correlation"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geometry", default=None, help="geometry folder (default: phantom)")
    ap.add_argument("--patients", default="1,2,3")
    ap.add_argument("--particles", type=int, default=64)
    ap.add_argument("--generations", type=int, default=12)
    ap.add_argument("--roots", type=int, default=3, help="candidate roots of the prior")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--predict", default=None, help="DRUG:CMAX_MULTIPLE, e.g. dofetilide:10")
    ap.add_argument("--workdir", default="benchmarks/out/twin_synthetic")
    args = ap.parse_args()

    from mpi4py import MPI

    import cardiotwin as ct
    from cardiotwin.ep.eikonal import Velocities
    from cardiotwin.ep.velocity import VelocityCurve
    from cardiotwin.geometry.io import PHANTOM_FOLDER
    from cardiotwin.io.ecg import write_ecg_csv
    from cardiotwin.twin.calibration import SMCSettings
    from cardiotwin.twin.forward import TwinModel
    from cardiotwin.twin.fullmodel import mean_edge_mm
    from cardiotwin.twin.parameters import Prior, Repolarisation, Root, TwinParameters
    from cardiotwin.twin.synthetic import Noise, simulate_patient
    from cardiotwin.twin.twin import fit_twin, load_twin, update_twin

    comm = MPI.COMM_WORLD
    anatomy = Path(args.geometry) if args.geometry else PHANTOM_FOLDER
    work = Path(args.workdir) / anatomy.name
    if comm.rank == 0:
        work.mkdir(parents=True, exist_ok=True)
    comm.Barrier()
    geo = ct.load_geometry(anatomy)
    model = TwinModel.from_geometry(geo)
    curve = VelocityCurve.measure("tp06-epi", h_mm=mean_edge_mm(model), dt_ms=0.05,
                                  sigmas=(0.15, 0.3, 1.0, 3.0, 10.0))
    settings = SMCSettings(particles=args.particles, max_generations=args.generations, seed=0)
    results = []
    for pid in (int(p) for p in args.patients.split(",")):
        spec = PATIENTS[pid]
        params = TwinParameters(tuple(Root(*r) for r in spec["roots"]),
                                Velocities(*spec["cv"]), Repolarisation(300.0))
        t0 = time.perf_counter()
        ecg, truth = simulate_patient(geo, model, params, curve, ik_scale=spec["ik_scale"],
                                      t_end_ms=520.0)
        mono_s = time.perf_counter() - t0
        truth.pop("sim")
        files = []
        for seed in (1, 2):
            f = work / f"patient{pid}_ecg{seed}.csv"
            if comm.rank == 0:
                write_ecg_csv(f, Noise(seed=100 * pid + seed).apply(ecg))
            files.append(f)
        comm.Barrier()
        twin_dir = work / f"patient{pid}_twin"
        if comm.rank == 0 and twin_dir.exists():
            shutil.rmtree(twin_dir)
        comm.Barrier()
        t0 = time.perf_counter()
        twin = fit_twin(anatomy, files[0], twin_dir, prior=Prior(n_roots=args.roots),
                        settings=settings, comm=comm, pseudonym=f"synthetic-{pid}")
        fit_s = time.perf_counter() - t0
        summary = load_twin(twin_dir).record["parameters"]
        res = {"patient": pid, "truth": {"roots": truth["roots"],
                                         "velocities_m_per_s": truth["velocities_m_per_s"],
                                         "ik_scale": spec["ik_scale"],
                                         "mean_apd90_ms": truth["mean_apd90_ms"],
                                         "conductivity_S_per_m":
                                             truth["conductivity_S_per_m"]},
               "recovered": compare(summary, truth, truth["roots"]),
               "fit_wall_s": fit_s, "monodomain_wall_s": mono_s,
               "evaluations": twin.record["history"][-1]["record"]["activation"]["evaluations"]
               + twin.record["history"][-1]["record"]["repolarisation"]["evaluations"],
               "twin": str(twin_dir)}
        if args.update and pid == int(args.patients.split(",")[0]):
            t0 = time.perf_counter()
            up = update_twin(twin_dir, files[1], comm=comm)
            res["update"] = {"before": widths(summary),
                             "after": widths(up.record["parameters"]),
                             "recovered_after": compare(up.record["parameters"], truth,
                                                        truth["roots"]),
                             "wall_s": time.perf_counter() - t0}
        if args.predict and pid == int(args.patients.split(",")[0]):
            from cardiotwin.twin.predict import predict_drug

            drug, mult = args.predict.split(":")
            t0 = time.perf_counter()
            pred = predict_drug(load_twin(twin_dir), drug, float(mult))
            true = predict_drug(load_twin(twin_dir), drug, float(mult), parameters=params,
                                ik_scale=spec["ik_scale"])
            res["predict"] = {"drug": drug, "cmax_multiple": float(mult),
                              "twin": {k: pred[k] for k in ("qt_control_ms", "qt_drug_ms",
                                                             "delta_qt_ms", "ik_scale")},
                              "truth": {k: true[k] for k in ("qt_control_ms", "qt_drug_ms",
                                                              "delta_qt_ms", "ik_scale")},
                              "wall_s": time.perf_counter() - t0}
        results.append(res)
        if comm.rank == 0:  # partial results survive a later failure
            import json

            (work / "partial.json").write_text(json.dumps(results, indent=1, default=str))
    emit({"benchmark": "twin_synthetic", "geometry": str(anatomy),
          "vertices": model.mesh.n_vertices, "ranks": comm.size,
          "settings": settings.__dict__, "noise": Noise().__dict__, "patients": results},
         rank=comm.rank)


if __name__ == "__main__":
    main()
