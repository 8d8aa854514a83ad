"""Fast model (eikonal + reaction-eikonal) against the full monodomain model, same parameters.

Usage::

    .venv/bin/python benchmarks/eikonal_vs_monodomain.py [--geometry MESHDIR] [--dt 0.05]
        [--t-end 480] > eikonal_vs_monodomain.json

The same anatomy, root sites, velocities and fast endocardial layer drive both models
(:mod:`cardiotwin.twin.fullmodel` turns velocities into conductivities measured on a strip
of the mesh's edge length).  It prints the activation-time RMSE and maximum error (ms)
over the vertices (the monodomain's activation minus the stimulus offset), the per-lead
correlation of the 12-lead ECGs (reaction-eikonal with the tissue's APD90 map against the
monodomain pseudo-ECG, same electrodes and lead field) and the eikonal's wall time per
evaluation on one core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geometry", default=None, help="geometry folder (default: the phantom)")
    ap.add_argument("--dt", type=float, default=0.05, help="monodomain time step (ms)")
    ap.add_argument("--t-end", type=float, default=480.0, help="simulated time (ms)")
    args = ap.parse_args()

    from mpi4py import MPI

    import cardiotwin as ct
    from cardiotwin.ep.eikonal import Velocities
    from cardiotwin.ep.velocity import VelocityCurve
    from cardiotwin.twin.calibration import lead_correlations
    from cardiotwin.twin.forward import TwinModel
    from cardiotwin.twin.fullmodel import mean_edge_mm
    from cardiotwin.twin.parameters import Repolarisation, Root, TwinParameters
    from cardiotwin.twin.synthetic import simulate_patient

    comm = MPI.COMM_WORLD
    geo = ct.load_geometry(args.geometry) if args.geometry else ct.load_phantom()
    model = TwinModel.from_geometry(geo)
    h = mean_edge_mm(model)
    curve = VelocityCurve.measure("tp06-epi", h_mm=h, dt_ms=args.dt,
                                  sigmas=(0.15, 0.3, 1.0, 3.0, 10.0))
    params = TwinParameters((Root("lv", 0.45, 2.6, 0.0), Root("lv", 0.55, -1.2, 4.0),
                             Root("rv", 0.5, 0.4, 6.0)),
                            Velocities(0.6, 0.4, 0.3, 1.5), Repolarisation(300.0))
    t0 = time.perf_counter()
    ecg_mono, truth = simulate_patient(geo, model, params, curve, t_end_ms=args.t_end)
    mono_s = time.perf_counter() - t0
    # eikonal on every rank (the same answer); timings of repeated evaluations
    times, cpu = [], []
    for _ in range(5):
        t1, c1 = time.perf_counter(), time.process_time()
        act, _ = model.activation(params.roots, params.velocities)
        times.append(time.perf_counter() - t1)
        cpu.append(time.process_time() - c1)
    offset = truth["t_offset_ms"]
    x_own = truth["owned_coordinates"]
    idx = np.array([model.mesh.nearest_vertex(p) for p in x_own]) if len(x_own) else \
        np.zeros(0, int)
    err = truth["activation_ms_local"] - offset - act[idx]
    s = comm.allreduce(np.array([np.sum(err**2), err.size]))
    emax = comm.allreduce(float(np.max(np.abs(err))) if err.size else 0.0, op=MPI.MAX)
    bias = comm.allreduce(float(np.sum(err))) / s[1]
    # APD map of the monodomain for the reaction-eikonal, gathered to every rank
    apd_local = truth["repolarisation_ms_local"] - truth["activation_ms_local"]
    apd = np.full(model.mesh.n_vertices, np.nan)
    for ii, aa in comm.allgather((idx, apd_local)):
        apd[ii] = aa
    apd = np.where(np.isfinite(apd), apd, np.nanmean(apd))
    t = ecg_mono.t_ms
    t2 = time.perf_counter()
    leads = model.leads(act, apd, t - offset)
    ecg_s = time.perf_counter() - t2
    from cardiotwin.io.ecg import from_matrix

    corr = lead_correlations(ecg_mono, from_matrix(t, leads))
    # the same on the QRS complex (first activation to last + 10 ms) and on the ST-T segment
    t_last = float(comm.allreduce(np.max(truth["activation_ms_local"]), op=MPI.MAX))
    q = (t >= offset - 5.0) & (t <= t_last + 10.0)
    corr_qrs = lead_correlations(from_matrix(t[q], ecg_mono.matrix()[:, q]),
                                 from_matrix(t[q], leads[:, q]))
    st = t > t_last + 10.0
    corr_st = lead_correlations(from_matrix(t[st], ecg_mono.matrix()[:, st]),
                                from_matrix(t[st], leads[:, st]))
    gain = float(np.sum(ecg_mono.matrix() * leads) / np.sum(leads * leads))
    emit({
        "benchmark": "eikonal_vs_monodomain",
        "geometry": args.geometry or "phantom",
        "vertices": model.mesh.n_vertices, "tetrahedra": len(model.mesh.tets),
        "mean_edge_mm": h, "monodomain_dt_ms": args.dt, "ranks": comm.size,
        "parameters": params.as_dict(),
        "conductivity_S_per_m": truth["conductivity_S_per_m"],
        "velocity_curve": curve.as_dict(),
        "activation_rmse_ms": float(np.sqrt(s[0] / s[1])),
        "activation_max_error_ms": emax,
        "activation_mean_error_ms": bias,
        "activation_rmse_after_mean_offset_ms": float(np.sqrt(max(0.0, s[0] / s[1]
                                                                  - bias**2))),
        "total_activation_ms": {"monodomain": float(comm.allreduce(
            np.max(truth["activation_ms_local"] - offset), op=MPI.MAX)),
            "eikonal": float(act.max())},
        "ecg_correlation": corr,
        "ecg_correlation_qrs": corr_qrs,
        "ecg_correlation_st_t": corr_st,
        "ecg_gain_monodomain_over_eikonal": gain,
        "eikonal_wall_s": {"min": min(times), "median": float(np.median(times))},
        "eikonal_cpu_s_min": min(cpu),
        "reaction_eikonal_ecg_wall_s": ecg_s, "ecg_samples": int(t.size),
        "monodomain_wall_s": mono_s,
        "mean_apd90_ms": truth["mean_apd90_ms"],
    }, rank=comm.rank)


if __name__ == "__main__":
    main()
