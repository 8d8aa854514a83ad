"""Atrial conduction: velocity along and across fibres, and a sinus beat on the phantom atria.

1. Conduction velocity of the fast atrial model (chronic-AF fit) with the AF study's
   conductivities and with a healthy atrium's (``--healthy``, default 0.5, 0.125 S/m): a
   planar wave along a 40 mm strip of triangles with the conductivity along fibres, then
   across (a uniform planar medium: the anisotropic velocity along a principal direction
   is the isotropic one with that conductivity), at element sizes from the phantom's
   2 mm down to 0.25 mm (the mesh dependence of the velocity on a coarse surface mesh).
   CV is the distance between x = 10 and 30 mm over the difference of their activation
   times.
2. A sinus beat on the shipped phantom atria (or ``--geometry DIR``): stimulus at the
   sinus-node region of the RA (the geometry's ``sinus_node_mm``), conduction through
   Bachmann's bundle and the other inter-atrial links; total atrial activation time (last
   minus first activation of the vertices that activate) and the activated fraction;
   ``--png`` draws the map.

Prints one JSON object.

Usage::

    .venv/bin/python benchmarks/atrial_conduction.py --png sinus_activation.png
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mpi4py import MPI

import numpy as np
from common import emit


def strip_cv(sigma: float, h_mm: float, dt_ms: float, tissue: str = "caf") -> float:
    """CV (m/s) of a planar wave on a 40 x 4 mm strip of triangles of size h."""
    import dolfinx

    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.regions import Box
    from cardiotwin.ionic.phenomenological import atrial_fast_model
    from cardiotwin.ionic.protocol import Protocol

    comm = MPI.COMM_WORLD
    nx, ny = round(40.0 / h_mm), max(round(4.0 / h_mm), 2)
    mesh = dolfinx.mesh.create_rectangle(comm, [np.zeros(2), np.array([40.0, 4.0])], [nx, ny],
                                         dolfinx.mesh.CellType.triangle)
    stim = Stimulus(Box((-1.0, -1.0, -1.0), (1.01, 5.0, 1.0)),
                    (Protocol(start_ms=1.0, duration_ms=2.0, amplitude=60.0),))
    sim = Monodomain(mesh, atrial_fast_model(tissue), Conductivity.isotropic(sigma),
                     MonodomainConfig(dt_ms=dt_ms, activation_threshold=-40.0),
                     stimuli=[stim])
    sim.run(40.0 / (0.3 * np.sqrt(sigma / 0.5)) + 40.0)  # 40 mm at a low estimate of CV
    t10 = sim.value_at((10.0, 2.0, 0.0), sim.tracker.first_activation)
    t30 = sim.value_at((30.0, 2.0, 0.0), sim.tracker.first_activation)
    return 20.0 / (t30 - t10)  # mm/ms == m/s


def sinus_beat(sigma_f: float, sigma_s: float, bundle_factor: float, png: str | None,
               geometry: str | None = None) -> dict:
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.io import geometry_arrays, load_phantom_atria
    from cardiotwin.geometry.regions import Sphere
    from cardiotwin.ionic.phenomenological import atrial_fast_model
    from cardiotwin.ionic.protocol import Protocol
    from cardiotwin.studies.af_ablation import AFConfig, _Runner

    comm = MPI.COMM_WORLD
    if geometry:
        from cardiotwin.geometry.io import load_geometry

        geo = load_geometry(geometry, comm)
    else:
        geo = load_phantom_atria(comm)
    cfg = AFConfig(sigma_f=sigma_f, sigma_s=sigma_s, bundle_factor=bundle_factor,
                   sites=("la-roof",), lge="")
    runner = _Runner.__new__(_Runner)
    runner.cfg, runner.geometry = cfg, geo
    base, tags = runner.conductivities()
    sn = geo.report["ra"]["sinus_node_mm"]
    stim = Stimulus(Sphere(tuple(sn), 3.0), (Protocol(start_ms=1.0, duration_ms=2.0,
                                                      amplitude=60.0),))
    sim = Monodomain(geo, atrial_fast_model("caf"), base,
                     MonodomainConfig(dt_ms=0.1, activation_threshold=-40.0),
                     region_conductivity=tags, stimuli=[stim])
    t0 = time.perf_counter()
    sim.run(250.0)
    wall = time.perf_counter() - t0
    act = sim.tracker.first_activation[: sim.n_owned]
    ok = np.isfinite(act)
    first = comm.allreduce(float(act[ok].min()) if ok.any() else np.inf, op=MPI.MIN)
    last = comm.allreduce(float(act[ok].max()) if ok.any() else -np.inf, op=MPI.MAX)
    n = comm.allreduce(np.array([ok.sum(), ok.size], float))
    arrays = geometry_arrays(geo)
    ids = sim.input_indices()
    parts = comm.gather((ids, act), root=0)
    out = {"sinus_node_mm": sn, "total_activation_time_ms": last - first,
           "activated_fraction": n[0] / n[1], "vertices": int(n[1]),
           "wall_s_per_simulated_s": wall / 0.25, "ranks": comm.size}
    if png and comm.rank == 0:
        from cardiotwin.geometry.atria import atrial_view
        from cardiotwin.viz.maps import grid_from_mesh, render_map

        full = np.full(int(n[1]), np.nan)
        for i, a in parts:
            full[i] = a
        grid = grid_from_mesh(arrays.points, arrays.cells, "Triangle", {"activation": full})
        where = Path(geometry).name if geometry else "phantom atria"
        render_map(grid, "activation", png, title=f"sinus beat, {where}",
                   unit="ms", cmap="turbo", view=atrial_view(geo.table, "anterior"))
        out["png"] = png
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2,1,0.5,0.25", help="element sizes, mm")
    ap.add_argument("--png", default=None, help="activation maps of the sinus beat "
                    "(NAME_af_substrate.png, NAME_healthy.png)")
    ap.add_argument("--healthy", type=lambda t: tuple(float(v) for v in t.split(",")),
                    default=(0.5, 0.125), help="healthy sigma_f,sigma_s (S/m)")
    ap.add_argument("--geometry", default=None,
                    help="atrial geometry folder (`cardiotwin mesh LABELS --labels "
                         "la-blood=A,ra-blood=B -o DIR`) for the sinus beat instead of the "
                         "phantom's")
    ap.add_argument("--sinus-only", action="store_true",
                    help="only the sinus beats (no strip velocities)")
    args = ap.parse_args()
    from cardiotwin.studies.af_ablation import AFConfig

    cfg = AFConfig()
    out: dict = {"model": "ms-atrial-caf", "bundle_factor": cfg.bundle_factor}
    # the AF study's substrate, and a healthy atrium's conductivities for comparison
    for name, sf, ss in (("af_substrate", cfg.sigma_f, cfg.sigma_s),
                         ("healthy", args.healthy[0], args.healthy[1])):
        cv = []
        for h in (() if args.sinus_only else (float(v) for v in args.sizes.split(","))):
            dt = 0.1 if h >= 0.5 else 0.05
            cv.append({"h_mm": h, "dt_ms": dt,
                       "cv_along_m_per_s": strip_cv(sf, h, dt),
                       "cv_across_m_per_s": strip_cv(ss, h, dt),
                       "cv_bundle_m_per_s": strip_cv(cfg.bundle_factor * sf, h, dt)})
        out[name] = {"sigma_f_S_per_m": sf, "sigma_s_S_per_m": ss,
                     "conduction_velocity": cv,
                     "sinus_beat": sinus_beat(sf, ss, cfg.bundle_factor,
                                              args.png.replace(".png", f"_{name}.png")
                                              if args.png else None, args.geometry)}
    if MPI.COMM_WORLD.rank == 0:
        emit(out)


if __name__ == "__main__":
    main()
