"""Passive filling against the Klotz et al. (2006) normalised EDPVR.

The LV of a geometry (the mesh is the unloaded state, ``V0`` its cavity volume) is
inflated to 30 mmHg with a Holzapfel-Ogden law whose stiffnesses are all multiplied by a
scale ``s``; the curve is normalised with the model's own ``V0`` and ``V30``
(:func:`cardiotwin.mechanics.edpvr.compare_with_klotz`).  ``s`` is fitted to one point
of Klotz's curve: the normalised volume at the end-diastolic pressure (``--edp``,
8 mmHg) must be ``(EDP / 27.78)^(1/2.76)``; the rest of the curve is then compared with
``P = 27.78 V_n^2.76``.  Klotz's curve itself gives 27.78 mmHg, not 30, at
``V_n = 1``.  Also reported: the filling ``EDV / V0`` at the fitted point against
Klotz's ``1 / (0.6 - 0.006 EDP)`` (1.81 at 8 mmHg), which says whether the mesh is a
plausible unloaded state.

``--unloaded``: the beat's heart instead (``cardiotwin.studies.beat.beat_heart``: both
ventricles, base held, the pericardial spring; P1 on the beat's mesh), read as imaged at
the end-diastolic pressures (LV ``--edp``, RV half of it) and unloaded first
(``cardiotwin.mechanics.unload``), as ``cardiotwin demo beat`` does; ``V0`` is then the
unloaded LV, and the curve is the unloaded heart filled to 30 mmHg (RV at half the LV
pressure).  The imaged volume is fixed, so a stiffer law gives a fuller ``V0``.

Prints one JSON object (rank 0); ``--out`` writes ``edpvr_klotz.png`` and ``.json``.

Example::

    .venv/bin/python benchmarks/edpvr_klotz.py --edge-length 4 --out /tmp/klotz
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import replace
from pathlib import Path

import dolfinx_solver  # noqa: F401  (MPI library order; must precede mpi4py/dolfinx)
from mpi4py import MPI

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

REPO = Path(__file__).resolve().parents[1]
MATERIALS = ("transversely-isotropic", "orthotropic")
DEFAULT_LABELS = str(REPO / "meshes" / "phantom_biv_labels.nii.gz")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", default=DEFAULT_LABELS,
                        help="label image meshed at --edge-length (default: the phantom)")
    parser.add_argument("--edge-length", type=float, default=4.0, help="mm")
    parser.add_argument("--material", default=MATERIALS[0], choices=MATERIALS,
                        help="Holzapfel-Ogden 2009 fit (Table 1)")
    parser.add_argument("--edp", type=float, default=8.0, help="fitted point, mmHg")
    parser.add_argument("--scale0", type=float, default=1.0, help="first scale tried")
    parser.add_argument("--steps", type=int, default=15, help="load steps to 30 mmHg")
    parser.add_argument("--incompressibility", default="incompressible",
                        choices=("incompressible", "nearly-incompressible"))
    parser.add_argument("--unloaded", action="store_true",
                        help="the beat's heart, unloaded from the mesh imaged at the EDP")
    parser.add_argument("--pericardium", type=float, default=None,
                        help="with --unloaded: the epicardial spring, kPa/mm (default: the "
                             "beat's)")
    parser.add_argument("--fit-exponent", action="store_true",
                        help="with --unloaded: fit the stiffness scale and the exponent factor "
                             "together, to Klotz's unloaded volume V0 = EDV (0.6 - 0.006 EDP) "
                             "and to V_n at the EDP")
    parser.add_argument("--max-evaluations", type=int, default=12,
                        help="inflations the fit may use")
    parser.add_argument("--workdir", default="/tmp/cardiotwin-klotz")
    parser.add_argument("--out", default=None, help="folder for the PNG and JSON")
    args = parser.parse_args(argv)
    if args.fit_exponent and not args.unloaded:
        parser.error("--fit-exponent needs --unloaded (the imaged volume fixes Klotz's V0)")
    comm = MPI.COMM_WORLD
    logging.basicConfig(level=logging.INFO if comm.rank == 0 else logging.ERROR,
                        stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")

    import numpy as np

    from cardiotwin.geometry.pipeline import mesh_labels
    from cardiotwin.mechanics import HolzapfelOgden
    from cardiotwin.mechanics.edpvr import (
        compare_with_klotz,
        fit_scale,
        klotz_edv_mL,
        klotz_normalised_volume,
        klotz_pressure_mmHg,
        volume_at_pressure_mL,
    )
    from cardiotwin.mechanics.kinematics import OrthonormalFrame
    from cardiotwin.studies.inflation import InflationSetup, run_inflation

    t0 = time.perf_counter()
    geo = mesh_labels(args.labels, Path(args.workdir) / f"mesh_{args.edge_length:g}mm",
                      edge_length_mm=args.edge_length, comm=comm)
    # fibres_in_compression: smooth at I4 = 1, which Newton needs from the undeformed state
    base = (HolzapfelOgden.transversely_isotropic(fibres_in_compression=True)
            if args.material == MATERIALS[0] else HolzapfelOgden(fibres_in_compression=True))
    setup0 = InflationSetup(pressure_mmHg=30.0, steps=args.steps,
                            incompressibility=args.incompressibility, material=base)
    fibres = OrthonormalFrame.of(geo.fibres)
    runs: dict[tuple[float, float], tuple[list[float], list[float]]] = {}
    imaged: dict[tuple[float, float], float] = {}

    def inflate_unloaded(scale: float, expo: float = 1.0) -> tuple[list[float], list[float]]:
        """The beat's heart at ``scale`` (and exponent factor ``expo``): unloaded from the
        mesh at the EDP, then filled."""
        from cardiotwin.mechanics import LoadPath, solve_load_path, unload
        from cardiotwin.mechanics.unloading import UnloadingConfig
        from cardiotwin.studies.beat import QUICK, beat_heart
        from cardiotwin.units import mmHg_to_kPa

        cfg = replace(QUICK, labels=None if args.labels == DEFAULT_LABELS else args.labels,
                      edge_length_mm=args.edge_length,
                      material=base.scaled(scale, exponent_factor=expo),
                      edp_lv_mmHg=args.edp, edp_rv_mmHg=args.edp / 2)
        if args.pericardium is not None:
            cfg = replace(cfg, epicardial_spring_kPa_per_mm=args.pericardium)
        heart = beat_heart(comm, cfg, args.workdir)
        mech = heart.mechanics
        rest = mech.state()  # zero displacement and pressures: the rest of any reference
        res = unload(mech, UnloadingConfig(heart.edp_kPa))
        imaged[scale, expo] = res.imaged_volumes_mm3["lv"] / 1000.0
        mech.restore(rest)
        vols, ps = [mech.reference_volume("lv") / 1000.0], [0.0]
        for p in np.linspace(30.0 / args.steps, 30.0, args.steps):
            solve_load_path(mech, LoadPath(pressures_kPa={"lv": mmHg_to_kPa(p),
                                                          "rv": mmHg_to_kPa(p / 2)},
                                           steps=2))
            vols.append(mech.volume("lv") / 1000.0)
            ps.append(float(p))
        mech.close()
        return vols, ps

    def inflate(scale: float, expo: float = 1.0) -> tuple[list[float], list[float]]:
        """(volumes mL, pressures mmHg) of the inflation at ``scale`` (each run once)."""
        key = (scale, expo)
        if key not in runs:
            if args.unloaded:
                runs[key] = inflate_unloaded(scale, expo)
                return runs[key]
            setup = replace(setup0, material=base.scaled(scale, exponent_factor=expo))
            pv = run_inflation(geo.mesh, geo.facet_tags, geo.facet_tag_ids, fibres,
                               setup)["pv"]
            runs[key] = ([r["volume_divergence_mL"] for r in pv],
                         [r["pressure_mmHg"] for r in pv])
        return runs[key]

    def volume_at_edp(scale: float) -> float:
        return volume_at_pressure_mL(*inflate(scale), args.edp)

    def v0_of(scale: float) -> float:
        # the mesh is the unloaded state, or the unloaded reference of the imaged mesh
        return inflate(scale)[0][0]

    def vn_at_edp(scale: float) -> float:
        v0 = v0_of(scale)
        v30 = compare_with_klotz(*inflate(scale), v0).v30_mL
        return (volume_at_edp(scale) - v0) / (v30 - v0)

    if args.fit_exponent:
        emit(fit_two(args, inflate, imaged, base), rank=comm.rank)
        return 0
    fit = fit_scale(vn_at_edp, klotz_normalised_volume(args.edp), scale0=args.scale0,
                    max_evaluations=args.max_evaluations)
    v0 = v0_of(fit.scale)
    cmp = compare_with_klotz(*inflate(fit.scale), v0)
    unscaled = compare_with_klotz(*inflate(1.0), v0_of(1.0))
    result = {
        "benchmark": "edpvr_klotz",
        "labels": args.labels, "edge_length_mm": args.edge_length,
        "material": args.material, "incompressibility": args.incompressibility,
        "unloaded": args.unloaded, "v0_mL": v0, "edp_mmHg": args.edp,
        "imaged_lv_mL": imaged.get((fit.scale, 1.0)),
        "fitted_scale": fit.scale, "fit_evaluations": [list(e) for e in fit.evaluations],
        "vn_at_edp": fit.value, "klotz_vn_at_edp": fit.target,
        "edv_over_v0": volume_at_edp(fit.scale) / v0,
        "klotz_edv_over_v0": klotz_edv_mL(v0, args.edp) / v0,
        "fitted": cmp.as_dict(),
        "scale_1": {"v_at_edp_mL": volume_at_edp(1.0), "vn_at_edp": vn_at_edp(1.0),
                    "rmse_mmHg": unscaled.rmse_mmHg,
                    "max_abs_mmHg": unscaled.max_abs_mmHg},
        "ranks": comm.size,
        "wall_s": round(time.perf_counter() - t0, 1),
    }
    if args.out and comm.rank == 0:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        vn = np.linspace(0, max(1.05, float(cmp.v_normalised.max())), 100)
        fig, ax = plt.subplots(figsize=(5, 4))
        ax.plot(vn, klotz_pressure_mmHg(vn), "k-", label="Klotz 2006: 27.78 $V_n^{2.76}$")
        ax.plot(cmp.v_normalised, cmp.pressures_mmHg, "o-",
                label=f"model, scale {fit.scale:.3g}")
        ax.plot(unscaled.v_normalised, unscaled.pressures_mmHg, "s--", alpha=0.6,
                label="model, scale 1")
        ax.set_xlabel("normalised volume $V_n = (V - V_0)/(V_{30} - V_0)$")
        ax.set_ylabel("LV pressure (mmHg)")
        ax.legend()
        ax.set_title(f"Passive LV filling, RMSE {cmp.rmse_mmHg:.2f} mmHg")
        fig.tight_layout()
        fig.savefig(out / "edpvr_klotz.png", dpi=120)
        (out / "edpvr_klotz.json").write_text(json.dumps(result, indent=2))
        result["outputs"] = [str(out / "edpvr_klotz.png"), str(out / "edpvr_klotz.json")]
    emit(result, rank=comm.rank)
    return 0


def fit_two(args, inflate, imaged, base) -> dict:
    """Stiffness scale ``s`` and exponent factor ``e`` with the unloaded LV at Klotz's
    ``V0 / EDV = 0.6 - 0.006 EDP`` and ``V_n(EDP)`` on Klotz's curve: Newton on
    ``(log s, log e)`` with a forward-difference Jacobian (3 inflations an iteration)."""
    import numpy as np

    from cardiotwin.mechanics.edpvr import (
        compare_with_klotz,
        klotz_normalised_volume,
        volume_at_pressure_mL,
    )

    target = np.log([0.6 - 0.006 * args.edp, klotz_normalised_volume(args.edp)])
    history = []

    def residual(x: np.ndarray) -> np.ndarray:
        s, e = (float(v) for v in np.exp(x))
        vols, ps = inflate(s, e)
        v0 = vols[0]
        v30 = compare_with_klotz(vols, ps, v0).v30_mL
        vn = (volume_at_pressure_mL(vols, ps, args.edp) - v0) / (v30 - v0)
        ratio = v0 / imaged[s, e]
        history.append({"scale": s, "exponent_factor": e, "v0_over_edv": ratio, "vn_at_edp": vn})
        logging.getLogger("edpvr_klotz").info("fit: scale %.4g, exponent factor %.4g -> "
                                              "V0/EDV %.4f, V_n %.4f", s, e, ratio, vn)
        return np.log([ratio, vn]) - target

    def try_residual(x: np.ndarray) -> np.ndarray | None:
        from cardiotwin.exceptions import SolverError

        try:
            return residual(x)
        except SolverError as err:  # e.g. unloading a law too soft to converge
            s, e = (float(v) for v in np.exp(x))
            history.append({"scale": s, "exponent_factor": e, "failed": str(err)[:200]})
            return None

    x = np.log([args.scale0, 1.0])
    r = residual(x)
    for _ in range(8):
        if np.max(np.abs(r)) < 5e-3:
            break
        jac = np.empty((2, 2))
        for j in range(2):
            dx = np.zeros(2)
            dx[j] = 0.05
            jac[:, j] = (residual(x + dx) - r) / 0.05
        step = np.clip(np.linalg.solve(jac, -r), -1.0, 1.0)
        for _ in range(4):  # halve a step whose heart cannot be unloaded
            trial = try_residual(x + step)
            if trial is not None:
                x, r = x + step, trial
                break
            step = step / 2
        else:
            break
    s, e = (float(v) for v in np.exp(x))
    vols, ps = inflate(s, e)
    cmp = compare_with_klotz(vols, ps, vols[0])
    return {"benchmark": "edpvr_klotz", "fit": "scale and exponent", "unloaded": True,
            "edge_length_mm": args.edge_length, "edp_mmHg": args.edp,
            "scale": s, "exponent_factor": e, "material": {
                k: v for k, v in base.scaled(s, exponent_factor=e).__dict__.items()},
            "converged": bool(np.max(np.abs(r)) < 5e-3),
            "v0_over_edv": history[-1]["v0_over_edv"], "vn_at_edp": history[-1]["vn_at_edp"],
            "klotz_v0_over_edv": float(np.exp(target[0])),
            "klotz_vn_at_edp": float(np.exp(target[1])),
            "fitted": cmp.as_dict(), "evaluations": history}


if __name__ == "__main__":
    raise SystemExit(main())
