"""Atrial conduction: velocity along and across fibres, and a sinus beat on the phantom atria.

Two atria: the AF study's substrate (the fast atrial model fitted to chronic-AF CRN, at
the study's low conductivities) and a healthy atrium (``--healthy``, default 0.5, 0.125
S/m) whose cells are the Courtemanche-Ramirez-Nattel (1998) model as published
(``--healthy-model``; ``fast`` for the fast cAF model at healthy conductivities).

1. Conduction velocity: a planar wave along a 40 mm strip of triangles with the
   conductivity along fibres, then across (a uniform planar medium: the anisotropic
   velocity along a principal direction is the isotropic one with that conductivity),
   at element sizes from the phantom's 2 mm down to 0.25 mm (the mesh dependence of the
   velocity on a coarse surface mesh). CV is the distance between x = 10 and 30 mm over
   the difference of their activation times.
2. A sinus beat on the shipped phantom atria (or ``--geometry DIR``): stimulus at the
   sinus-node region of the RA (the geometry's ``sinus_node_mm``), conduction through
   Bachmann's bundle and the other inter-atrial links; total atrial activation time (last
   minus first activation of the vertices that activate), the activated fraction and the
   activation time at each landmark (vein, valve and appendage openings, the ends of the
   inter-atrial links); ``--png`` draws the map.

Prints one JSON object.

Usage::

    .venv/bin/python benchmarks/atrial_conduction.py --png sinus_activation.png
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mpi4py import MPI

import numpy as np
from common import emit


def _membrane(name: str):
    """``fast``: the fast atrial model fitted to chronic-AF CRN; otherwise a cell model name."""
    from cardiotwin.ionic import get_model
    from cardiotwin.ionic.phenomenological import atrial_fast_model

    return atrial_fast_model("caf") if name == "fast" else get_model(name)


def strip_cv(sigma: float, h_mm: float, dt_ms: float, model: str = "fast") -> float:
    """CV (m/s) of a planar wave on a 40 x 4 mm strip of triangles of size h."""
    import dolfinx

    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.regions import Box
    from cardiotwin.ionic.protocol import Protocol

    comm = MPI.COMM_WORLD
    nx, ny = round(40.0 / h_mm), max(round(4.0 / h_mm), 2)
    mesh = dolfinx.mesh.create_rectangle(comm, [np.zeros(2), np.array([40.0, 4.0])], [nx, ny],
                                         dolfinx.mesh.CellType.triangle)
    stim = Stimulus(Box((-1.0, -1.0, -1.0), (1.01, 5.0, 1.0)),
                    (Protocol(start_ms=1.0, duration_ms=2.0, amplitude=60.0),))
    sim = Monodomain(mesh, _membrane(model), Conductivity.isotropic(sigma),
                     MonodomainConfig(dt_ms=dt_ms, activation_threshold=-40.0),
                     stimuli=[stim])
    sim.run(40.0 / (0.3 * np.sqrt(sigma / 0.5)) + 40.0)  # 40 mm at a low estimate of CV
    t10 = sim.value_at((10.0, 2.0, 0.0), sim.tracker.first_activation)
    t30 = sim.value_at((30.0, 2.0, 0.0), sim.tracker.first_activation)
    return 20.0 / (t30 - t10)  # mm/ms == m/s


def landmark_times(report: dict, points: np.ndarray, act: np.ndarray) -> dict:
    """Activation time (ms) at the geometry's landmarks: the median over the vertices
    within the opening's radius + 2 mm of its centre (veins, valves, appendage), the
    nearest vertex to each inter-atrial link and to the ends of Bachmann's bundle."""
    out = {}
    for name, lm in sorted(report.get("landmarks", {}).items()):
        d = np.linalg.norm(points - np.asarray(lm["centre_mm"]), axis=1)
        near = (d < float(lm.get("radius_mm", 0.0)) + 2.0) & np.isfinite(act)
        if near.any():
            out[name] = round(float(np.median(act[near])), 1)
    ends = {f"link {k}": v for k, v in report.get("bridges", {}).items()}
    for side in ("ra", "la"):
        path = report.get(f"bachmann_bundle_{side}_path_mm")
        if path:
            ends[f"bachmann {side} start"], ends[f"bachmann {side} end"] = path[0], path[-1]
    for name, x in ends.items():
        i = int(np.argmin(np.linalg.norm(points - np.asarray(x), axis=1)))
        out[name] = round(float(act[i]), 1)
    return dict(sorted(out.items(), key=lambda kv: kv[1]))


def _nearest_landmark(report: dict, x: np.ndarray) -> str:
    """The landmark nearest ``x`` and its distance, e.g. ``"lipv (12.3 mm)"``."""
    best = min(((float(np.linalg.norm(x - np.asarray(lm["centre_mm"]))), name)
                for name, lm in report.get("landmarks", {}).items()), default=None)
    return "" if best is None else f"{best[1]} ({best[0]:.1f} mm)"


def load_atria(geometry: str | None):
    from cardiotwin.geometry.io import load_geometry, load_phantom_atria

    comm = MPI.COMM_WORLD
    return load_geometry(geometry, comm) if geometry else load_phantom_atria(comm)


def sinus_beat(sigma_f: float, sigma_s: float, bundle_factor: float, png: str | None,
               geometry: str | None = None, model: str = "fast",
               link_factor: float = 1.0) -> dict:
    """A sinus beat; ``link_factor`` scales the inter-atrial links' conductances."""
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.io import geometry_arrays
    from cardiotwin.geometry.regions import Sphere
    from cardiotwin.ionic.protocol import Protocol
    from cardiotwin.studies.af_ablation import AFConfig, _Runner

    comm = MPI.COMM_WORLD
    geo = load_atria(geometry)
    cfg = AFConfig(sigma_f=sigma_f, sigma_s=sigma_s, bundle_factor=bundle_factor,
                   sites=("la-roof",), lge="")
    runner = _Runner.__new__(_Runner)
    runner.cfg, runner.geometry = cfg, geo
    base, tags = runner.conductivities()
    sn = geo.report["ra"]["sinus_node_mm"]
    stim = Stimulus(Sphere(tuple(sn), 3.0), (Protocol(start_ms=1.0, duration_ms=2.0,
                                                      amplitude=60.0),))
    sim = Monodomain(geo, _membrane(model), base,
                     MonodomainConfig(dt_ms=0.1 if model == "fast" else 0.05,
                                      activation_threshold=-40.0),
                     region_conductivity=tags, stimuli=[stim],
                     links=[replace(lk, conductance_S_per_m=lk.conductance_S_per_m * link_factor)
                            for lk in (geo.links or ())])
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
    out = {"model": model, "sinus_node_mm": sn, "total_activation_time_ms": last - first,
           "activated_fraction": n[0] / n[1], "vertices": int(n[1]),
           "wall_s_per_simulated_s": wall / 0.25, "ranks": comm.size}
    if comm.rank == 0:
        full = np.full(int(n[1]), np.nan)
        for i, a in parts:
            full[i] = a
        out["landmarks_ms"] = landmark_times(geo.report, arrays.points, full - first)
        done = np.isfinite(full)
        out["activation_percentiles_ms"] = {
            f"p{q}": round(float(np.percentile(full[done] - first, q)), 1) for q in (50, 95, 99)}
        late = int(np.nanargmax(full))
        out["latest_vertex_mm"] = [round(float(c), 1) for c in arrays.points[late]]
        out["latest_vertex_near"] = _nearest_landmark(geo.report, arrays.points[late])
    if png and comm.rank == 0:
        from cardiotwin.geometry.atria import atrial_view
        from cardiotwin.viz.maps import grid_from_mesh, render_map

        grid = grid_from_mesh(arrays.points, arrays.cells, "Triangle", {"activation": full})
        where = Path(geometry).name if geometry else "phantom atria"
        render_map(grid, "activation", png, title=f"sinus beat, {where}",
                   unit="ms", cmap="turbo", view=atrial_view(geo.table, "anterior"))
        out["png"] = png
    return out


def healthy_conductivities(velocities: tuple[float, float, float], model: str, h_mm: float
                           ) -> dict:
    """Conductivities (S/m) of the healthy atrium tuned to velocities along fibres, across
    and along the fast bundles (m/s) on the geometry's element size, with its cells and
    time step (:func:`cardiotwin.ep.velocity.tune_conductivity`, triangles)."""
    from cardiotwin.ep.velocity import tune_conductivity

    dt = 0.1 if model == "fast" else 0.05
    membrane = _membrane(model)
    out = {"target_m_per_s": list(velocities), "h_mm": h_mm, "dt_ms": dt}
    for name, v in zip(("sigma_f", "sigma_s", "sigma_bundle"), velocities, strict=True):
        sigma, got = tune_conductivity(membrane, v, h_mm=h_mm, dt_ms=dt, cells="triangle")
        out[name + "_S_per_m"], out[name + "_cv_m_per_s"] = sigma, got
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2,1,0.5,0.25", help="element sizes, mm")
    ap.add_argument("--png", default=None, help="activation maps of the sinus beat "
                    "(NAME_af_substrate.png, NAME_healthy.png)")
    ap.add_argument("--healthy-cv", type=lambda t: tuple(float(v) for v in t.split(",")),
                    default=(0.9, 0.45, 1.6),
                    help="velocities of the healthy atrium along fibres, across and along "
                         "the fast bundles (Bachmann's bundle, crista terminalis; also the "
                         "inter-atrial links' strands), m/s; the conductivities are tuned "
                         "to them on the sinus-beat geometry's element size")
    ap.add_argument("--healthy", type=lambda t: tuple(float(v) for v in t.split(",")),
                    default=None, help="healthy sigma_f,sigma_s (S/m) instead of tuning; "
                    "the bundles get the AF study's factor, the links their built value")
    ap.add_argument("--healthy-model", default="courtemanche",
                    help="cells of the healthy atrium: a cell model name (CRN 1998, "
                         "courtemanche) or fast (the fast chronic-AF model)")
    ap.add_argument("--geometry", default=None,
                    help="atrial geometry folder (`cardiotwin mesh LABELS --labels "
                         "la-blood=A,ra-blood=B -o DIR`) for the sinus beat instead of the "
                         "phantom's")
    ap.add_argument("--sinus-only", action="store_true",
                    help="only the sinus beats (no strip velocities)")
    args = ap.parse_args()
    from cardiotwin.geometry.atria import AtrialOptions
    from cardiotwin.studies.af_ablation import AFConfig

    cfg = AFConfig()
    out: dict = {}
    h_geo = float(load_atria(args.geometry).report["edge_length_mm"])
    tuned = None
    if args.healthy is None:
        tuned = healthy_conductivities(args.healthy_cv, args.healthy_model, h_geo)
        healthy = (tuned["sigma_f_S_per_m"], tuned["sigma_s_S_per_m"])
        bundle = tuned["sigma_bundle_S_per_m"] / tuned["sigma_f_S_per_m"]
        # the inter-atrial links are strands of the fast bundles' conductivity
        links = tuned["sigma_bundle_S_per_m"] / AtrialOptions().bridge_conductivity
    else:
        healthy, bundle, links = args.healthy, cfg.bundle_factor, 1.0
    # the AF study's substrate (fast cAF cells), and a healthy atrium (CRN as published)
    for name, sf, ss, model, bf, lf in (
            ("af_substrate", cfg.sigma_f, cfg.sigma_s, "fast", cfg.bundle_factor, 1.0),
            ("healthy", healthy[0], healthy[1], args.healthy_model, bundle, links)):
        cv = []
        for h in (() if args.sinus_only else (float(v) for v in args.sizes.split(","))):
            # the fast model's smooth upstroke takes 0.1 ms; CRN's sodium current needs
            # a finer step
            dt = 0.1 if h >= 0.5 and model == "fast" else (0.05 if h >= 0.5 else 0.02)
            cv.append({"h_mm": h, "dt_ms": dt,
                       "cv_along_m_per_s": strip_cv(sf, h, dt, model),
                       "cv_across_m_per_s": strip_cv(ss, h, dt, model),
                       "cv_bundle_m_per_s": strip_cv(bf * sf, h, dt, model)})
        out[name] = {"model": model, "sigma_f_S_per_m": sf, "sigma_s_S_per_m": ss,
                     "bundle_factor": bf, "link_factor": lf,
                     "conduction_velocity": cv,
                     "sinus_beat": sinus_beat(sf, ss, bf,
                                              args.png.replace(".png", f"_{name}.png")
                                              if args.png else None, args.geometry, model,
                                              lf)}
        if name == "healthy" and tuned is not None:
            out[name]["tuned"] = tuned
    if MPI.COMM_WORLD.rank == 0:
        emit(out)


if __name__ == "__main__":
    main()
