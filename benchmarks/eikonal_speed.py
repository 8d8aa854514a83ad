"""Wall time of one eikonal evaluation (and of the reaction-eikonal 12-lead sum) on one core.

Usage::

    .venv/bin/python benchmarks/eikonal_speed.py [--geometry MESHDIR] [--refine 0,1]
        [--repeat 5] > eikonal_speed.json

The anatomy (default the phantom) is optionally refined by midpoint subdivision (every
tetrahedron into eight, fibres inherited) to reach larger vertex counts; each size is
timed with two LV roots and one RV root and the default velocities (wall and CPU time: on a
shared machine the CPU time is the cost of the evaluation itself; the 1-minute load
average is printed).  The ECG sum is timed over 500 samples (1 ms) for the 12 leads.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit


def refine(mesh):
    """Midpoint subdivision: 1 tetrahedron -> 8 (Bey's red refinement, fixed diagonal)."""
    from cardiotwin.ep.eikonal import EikonalMesh

    t = mesh.tets.astype(np.int64)
    pairs = np.array([(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
    e = np.sort(t[:, pairs], axis=2).reshape(-1, 2)
    uniq, inv = np.unique(e, axis=0, return_inverse=True)
    n = mesh.n_vertices
    mid = n + inv.reshape(-1, 6)
    X = np.vstack([mesh.points, 0.5 * (mesh.points[uniq[:, 0]] + mesh.points[uniq[:, 1]])])
    v0, v1, v2, v3 = t.T
    m01, m02, m03, m12, m13, m23 = mid.T
    children = [(v0, m01, m02, m03), (m01, v1, m12, m13), (m02, m12, v2, m23),
                (m03, m13, m23, v3), (m01, m02, m03, m13), (m01, m02, m12, m13),
                (m02, m03, m13, m23), (m02, m12, m13, m23)]
    tets = np.concatenate([np.stack(c, axis=1) for c in children])
    rep = lambda a: np.tile(a, (8, 1)) if a.ndim == 2 else np.tile(a, 8)  # noqa: E731
    coords = {k: np.concatenate([v, 0.5 * (v[uniq[:, 0]] + v[uniq[:, 1]])])
              for k, v in mesh.coordinates.items()}
    endo = {}
    for key, idx in mesh.endo_vertices.items():
        on = np.zeros(len(X), bool)
        on[idx] = True
        both = on[uniq[:, 0]] & on[uniq[:, 1]]
        endo[key] = np.concatenate([idx, n + np.nonzero(both)[0]])
    return EikonalMesh(X, tets.astype(np.int32), rep(mesh.fibre), rep(mesh.sheet),
                       rep(mesh.endo_layer), coordinates=coords, endo_vertices=endo)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geometry", default=None)
    ap.add_argument("--refine", default="0", help="refinement levels to time, e.g. 0,1")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import cardiotwin as ct
    from cardiotwin.ep.eikonal import APTemplate, ReactionEikonal, Velocities
    from cardiotwin.twin.forward import TwinModel
    from cardiotwin.twin.parameters import Root

    geo = ct.load_geometry(args.geometry) if args.geometry else ct.load_phantom()
    model = TwinModel.from_geometry(geo)
    roots = [Root("lv", 0.45, 2.6, 0.0), Root("lv", 0.55, -1.2, 4.0), Root("rv", 0.5, 0.4, 6.0)]
    verts = [model.root_vertex(r) for r in roots]
    pts = [model.mesh.points[v] for v in verts]
    rows = []
    mesh = model.mesh
    levels = sorted(int(x) for x in args.refine.split(","))
    level = 0
    for want in levels:
        while level < want:
            mesh = refine(mesh)
            level += 1
        rv = [(mesh.nearest_vertex(p), r.t_ms) for p, r in zip(pts, roots, strict=True)]
        v = Velocities()
        times, cpu = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            act = mesh.activation_times(v, rv)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        from cardiotwin.ep.eikonal import lead_field_weights
        from cardiotwin.ep.electrodes import lead_matrix

        W = lead_matrix() @ lead_field_weights(mesh, model.electrodes)
        re = ReactionEikonal(mesh, W, APTemplate.from_model("tp06-epi"))
        t = np.arange(0.0, 500.0, 1.0)
        t0 = time.perf_counter()
        re.electrodes(act, 280.0, t)
        ecg_s = time.perf_counter() - t0
        rows.append({"refinement": level, "vertices": mesh.n_vertices,
                     "tetrahedra": len(mesh.tets), "eikonal_wall_s_min": min(times),
                     "eikonal_wall_s_median": float(np.median(times)),
                     "eikonal_cpu_s_min": min(cpu),
                     "total_activation_ms": float(act.max()),
                     "ecg12_500_samples_wall_s": ecg_s})
    emit({"benchmark": "eikonal_speed", "geometry": args.geometry or "phantom",
          "threads": 1, "load_average_1min": os.getloadavg()[0], "sizes": rows})


if __name__ == "__main__":
    main()
