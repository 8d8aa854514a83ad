"""Cost of the monodomain step from a coarse to a clinical-resolution heart, and a cost model.

The real MM-WHS anatomy (../shared/reference/anatomy) is meshed at each edge length
(``cardiotwin mesh``, cached in the work folder); the demo's tissue set-up (TP06 endo/M/epi
layers, 0.35/0.12 S/m, both endocardia stimulated, dt 0.05 ms, lookup tables) then runs a
short time on 1 and on NP ranks.  Per case: vertices, ms per step and its split (ODE,
right-hand side, linear solve, maps), CG iterations, peak memory (summed over ranks, and
per vertex).  A linear model ``t_step = c0 + c1 * vertices / ranks`` fitted to the runs
gives the cost of one beat (1000 ms at 0.05 ms) of larger hearts (see ``--help``)::

    .venv/bin/python benchmarks/scale_study.py --edges 1.5,1.0 --np 2 > scale.json
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
    args = ap.parse_args()
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
    ok = [c for c in cases if "ms_per_step" in c]
    model = None
    x = np.array([c["vertices"] / c["ranks"] for c in ok], float)
    if len(np.unique(np.round(x, -2))) >= 2:
        y = np.array([c["ms_per_step"] for c in ok], float)
        c1, c0 = np.polyfit(x, y, 1)
        serial = [c for c in ok if c["ranks"] == 1]
        m1 = (np.polyfit([c["vertices"] for c in serial],
                         [c["peak_rss_mb_all_ranks"] * 2**20 for c in serial], 1)[0]
              if len({c["vertices"] for c in serial}) >= 2 else float("nan"))
        steps_per_beat = round(1000.0 / 0.05)

        def beat_s(vertices: float, ranks: int) -> float:
            return steps_per_beat * (c0 + c1 * vertices / ranks) / 1e3

        model = {
            "t_step_ms": f"{c0:.3f} + {c1 * 1e3:.4f} * (vertices / ranks) / 1000",
            "fitted_on": len(ok),
            "memory_bytes_per_vertex": None if not np.isfinite(m1) else round(float(m1)),
            "one_beat_s": {"1e6 vertices, 128 ranks (one node)": round(beat_s(1e6, 128), 1),
                           "1e6 vertices, 1000 ranks": round(beat_s(1e6, 1000), 1),
                           "1e7 vertices, 128 ranks (one node)": round(beat_s(1e7, 128), 1),
                           "1e7 vertices, 1000 ranks": round(beat_s(1e7, 1000), 1)},
            "assumptions": "linear in vertices per rank as measured here; CG with block "
                           "Jacobi/ICC keeps its iteration count as the mesh grows at fixed "
                           "dt (the operator is mass-dominated) and PETSc's CG scales weakly "
                           "down to ~10^4 unknowns per rank; a node's memory bandwidth shared "
                           "as on this machine; the per-step constant c0 does not grow with "
                           "the rank count (a CG iteration's reductions do, by ~log(ranks) "
                           "latencies)",
        }
    emit({"benchmark": "scale_study", "anatomy": str(LABELS), "dt_ms": 0.05, "cases": cases,
          "cost_model": model})


if __name__ == "__main__":
    main()
