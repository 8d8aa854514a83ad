"""Cost of the monodomain step from a coarse to a clinical-resolution heart, and a cost model.

The real MM-WHS anatomy (../shared/reference/anatomy) is meshed at each edge length
(``cardiotwin mesh``, cached in the work folder); the demo's tissue set-up (TP06 endo/M/epi
layers, 0.35/0.12 S/m, both endocardia stimulated, dt 0.05 ms, lookup tables) then runs a
short time on 1 and on NP ranks.  Per case: vertices, ms per step and its split (ODE,
right-hand side, linear solve, maps), CG iterations, peak memory (summed over ranks, and
per vertex).  A cost model (:func:`cost_model`: the ionic step scales with cores, the
solve with memory bandwidth) gives the cost of one beat (1000 ms at 0.05 ms) of larger
hearts on HPC nodes (see ``--help``)::

    .venv/bin/python benchmarks/scale_study.py --edges 1.5,1.0,0.7,0.5 --np 2 > scale.json
    .venv/bin/python benchmarks/scale_study.py --refit scale.json   # the model only
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

REPO = Path(__file__).resolve().parents[1]
BIN = REPO / ".venv" / "bin"
LABELS = REPO.parent / "shared" / "reference" / "anatomy" / "mmwhs_ct_labels" / "mmwhs.nii.gz"
ROLES = "lv-myocardium=1,lv-blood=3,rv-blood=5"

WORKER = r'''
import json, sys, time, resource
from mpi4py import MPI
import cardiotwin as ct
from cardiotwin.io.monitor import Monitor
mesh_dir, steps = sys.argv[1], int(sys.argv[2])
comm = MPI.COMM_WORLD
t0 = time.perf_counter()
geo = ct.load_geometry(mesh_dir, comm)
endo = ct.Tagged(("lv-endocardium", "rv-endocardium"), "facet")
stim = ct.Stimulus(ct.Intersection((endo, ct.CoordinateRange("apicobasal", 0.0, 0.67))),
                   ct.Protocol(amplitude=60.0))
m = Monitor()
sim = ct.Monodomain(geo, ct.transmural_layers("tp06"), ct.Conductivity(0.35, 0.12),
                    ct.MonodomainConfig(dt_ms=0.05), stimuli=[stim], monitor=m)
setup = comm.allreduce(time.perf_counter() - t0, op=MPI.MAX)
sim.run(20 * 0.05)                      # warm-up (first solves, tables)
m2 = Monitor(); sim.monitor = m2
comm.Barrier(); t1 = time.perf_counter()
sim.run(sim.t + steps * 0.05)
wall = comm.allreduce(time.perf_counter() - t1, op=MPI.MAX)
s = m2.summary(comm)
rss = comm.allreduce(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)
if comm.rank == 0:
    print(json.dumps({"vertices": sim.V.dofmap.index_map.size_global, "ranks": comm.size,
                      "setup_s": round(setup, 2), "ms_per_step": round(1e3 * wall / steps, 3),
                      "phase_ms_per_step": s["phase_ms_per_step"],
                      "cg_iterations": round(s["ksp_iterations_mean"], 2),
                      "peak_rss_mb_all_ranks": round(rss, 1)}))
'''


def mesh(edge: float, work: Path) -> Path:
    out = work / f"mmwhs_{edge:g}mm"
    if not (out / "geometry.json").is_file():
        t0 = time.perf_counter()
        subprocess.run([str(BIN / "cardiotwin"), "-q", "mesh", str(LABELS), "-o", str(out),
                        "--labels", ROLES, "--edge-length", str(edge), "--no-vtu"], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"meshed {edge} mm in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return out


def run_case(mesh_dir: Path, ranks: int, steps: int) -> dict:
    cmd = [str(BIN / "python"), "-c", WORKER, str(mesh_dir), str(steps)]
    if ranks > 1:
        cmd = [str(BIN / "mpiexec"), "-n", str(ranks), *cmd]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False,
                         env={**os.environ, "OMP_NUM_THREADS": "1"})
    if res.returncode != 0:
        return {"error": res.stderr.strip().splitlines()[-1:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edges", default="1.5,1.0,0.7", help="edge lengths, mm")
    ap.add_argument("--np", type=int, default=2, help="ranks of the parallel runs")
    ap.add_argument("--steps", type=int, default=100, help="timed steps per case")
    ap.add_argument("--workdir", default="scale-study")
    ap.add_argument("--node-bandwidth-gbs", type=float, default=400.0,
                    help="memory bandwidth of one HPC node for the cost model (GB/s; a "
                         "two-socket server with DDR5 measures 400-700 in STREAM)")
    ap.add_argument("--allreduce-us", type=float, default=10.0,
                    help="latency of one allreduce at 1000 ranks (us)")
    ap.add_argument("--refit", type=Path, help="recompute the cost model from the cases of "
                                               "an earlier output (no runs)")
    args = ap.parse_args()
    if args.refit:
        old = json.loads(args.refit.read_text())
        old["cost_model"] = cost_model(old["cases"], args.node_bandwidth_gbs, args.allreduce_us)
        emit(old)
        return
    if not LABELS.is_file():
        raise SystemExit(f"the MM-WHS label image {LABELS} is not here")
    work = Path(args.workdir).resolve()
    work.mkdir(parents=True, exist_ok=True)
    cases = []
    for edge in (float(e) for e in args.edges.split(",")):
        folder = mesh(edge, work)
        for ranks in sorted({1, args.np}):
            r = run_case(folder, ranks, args.steps)
            r["edge_mm"] = edge
            cases.append(r)
            print(json.dumps(r), file=sys.stderr)
    emit({"benchmark": "scale_study", "anatomy": str(LABELS), "dt_ms": 0.05, "cases": cases,
          "cost_model": cost_model(cases, args.node_bandwidth_gbs, args.allreduce_us)})


def copy_bandwidth_gbs(processes: int = 1, n: int = 20_000_000) -> float:
    """Copy bandwidth (GB/s, read + write) of ``processes`` concurrent ``np.copyto``."""
    code = ("import numpy as np, time; a = np.ones({n}); b = np.empty_like(a); best = 1e9\n"
            "for _ in range(5):\n t = time.perf_counter(); np.copyto(b, a); "
            "best = min(best, time.perf_counter() - t)\nprint(16 * {n} / best / 1e9)")
    procs = [subprocess.Popen([sys.executable, "-c", code.format(n=n)], stdout=subprocess.PIPE,
                              text=True) for _ in range(processes)]
    return sum(float(p.communicate()[0]) for p in procs)


def cost_model(cases: list[dict], node_gbs: float, allreduce_us: float) -> dict | None:
    """Cost of a step of larger hearts from the one-rank runs.

    The ionic step is arithmetic: it scales with cores.  The linear solve, the right-hand
    side and the maps stream the matrix and vectors through memory: they scale with memory
    bandwidth, which an HPC node shares among its cores (here one core copies at about
    25 GB/s; a 128-core node with 400 GB/s gives each core about 3).  Per vertex and
    step, from the one-rank runs: ``a`` (ns of ionic step on one core) and ``m`` (ns of
    memory-bound work at this machine's one-core copy bandwidth ``b1``).  On ``nodes``
    nodes of ``cores`` cores and ``node_gbs`` GB/s each:
    ``t = a V / (nodes cores) + m V b1 / (nodes node_gbs) + iterations x 2 allreduces x
    latency`` (the latency ``allreduce_us`` at 1000 ranks, growing with log2 of the ranks).
    """
    serial = [c for c in cases if c.get("ranks") == 1 and "ms_per_step" in c]
    if not serial:
        return None
    b1 = copy_bandwidth_gbs(1)
    b2 = copy_bandwidth_gbs(2)
    big = max(serial, key=lambda c: c["vertices"])
    ph = big["phase_ms_per_step"]
    a_ns = 1e6 * ph["ode"] / big["vertices"]
    m_ns = 1e6 * (big["ms_per_step"] - ph["ode"]) / big["vertices"]
    iters = float(np.mean([c["cg_iterations"] for c in serial]))
    mem = [(c["vertices"], c["peak_rss_mb_all_ranks"] * 2**20) for c in serial]
    per_vertex = (np.polyfit(*zip(*mem, strict=True), 1)[0] if len({v for v, _ in mem}) >= 2
                  else float("nan"))
    steps_per_beat = round(1000.0 / 0.05)

    def beat_s(vertices: float, nodes: int, cores: int = 128) -> float:
        ranks = nodes * cores
        lat_ms = iters * 2 * allreduce_us * np.log2(max(ranks, 2)) / np.log2(1000) / 1e3
        t_ms = (a_ns * vertices / ranks + m_ns * vertices * b1 / (nodes * node_gbs)) / 1e6
        return steps_per_beat * (t_ms + lat_ms) / 1e3

    return {
        "per_vertex_step_ns": {"ionic_one_core": round(a_ns, 1),
                               "memory_bound_at_one_core_bandwidth": round(m_ns, 1),
                               "from": f"{big['vertices']} vertices, one rank"},
        "copy_bandwidth_gbs": {"one_process": round(b1, 1), "two_processes": round(b2, 1)},
        "node": {"cores": 128, "memory_bandwidth_gbs": node_gbs,
                 "allreduce_latency_us_at_1000_ranks": allreduce_us},
        "cg_iterations": round(iters, 2),
        "memory_bytes_per_vertex": None if not np.isfinite(per_vertex) else round(per_vertex),
        "one_beat_s": {"1e6 vertices, one node (128 cores)": round(beat_s(1e6, 1), 1),
                       "1e6 vertices, 8 nodes (1024 cores)": round(beat_s(1e6, 8), 1),
                       "1e7 vertices, one node (128 cores)": round(beat_s(1e7, 1), 1),
                       "1e7 vertices, 8 nodes (1024 cores)": round(beat_s(1e7, 8), 1)},
        "assumptions": "one beat = 1000 ms at dt 0.05 ms; Jacobi-preconditioned CG keeps its "
                       "iteration count (measured: 8.8-9.4 from 68k to 1.6M vertices, the same "
                       "on 1 and 2 ranks) because the operator is mass-dominated; the solve, "
                       "right-hand side and maps are memory-bound and get the node's "
                       "bandwidth shared by its cores; the ionic step is compute-bound; "
                       "halo exchanges are hidden behind the local work (PETSc's CG weak-scales "
                       "to ~1e4 unknowns per rank); two allreduces per CG iteration",
    }




if __name__ == "__main__":
    main()
