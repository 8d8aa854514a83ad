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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", default=str(REPO / "meshes" / "phantom_biv_labels.nii.gz"),
                        help="label image meshed at --edge-length (default: the phantom)")
    parser.add_argument("--edge-length", type=float, default=4.0, help="mm")
    parser.add_argument("--material", default=MATERIALS[0], choices=MATERIALS,
                        help="Holzapfel-Ogden 2009 fit (Table 1)")
    parser.add_argument("--edp", type=float, default=8.0, help="fitted point, mmHg")
    parser.add_argument("--steps", type=int, default=15, help="load steps to 30 mmHg")
    parser.add_argument("--incompressibility", default="incompressible",
                        choices=("incompressible", "nearly-incompressible"))
    parser.add_argument("--workdir", default="/tmp/cardiotwin-klotz")
    parser.add_argument("--out", default=None, help="folder for the PNG and JSON")
    args = parser.parse_args(argv)
    comm = MPI.COMM_WORLD
    logging.basicConfig(level=logging.INFO if comm.rank == 0 else logging.ERROR,
                        stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")

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
    runs: dict[float, tuple[list[float], list[float]]] = {}

    def inflate(scale: float) -> tuple[list[float], list[float]]:
        """(volumes mL, pressures mmHg) of the inflation at ``scale`` (each run once)."""
        if scale not in runs:
            setup = replace(setup0, material=base.scaled(scale))
            pv = run_inflation(geo.mesh, geo.facet_tags, geo.facet_tag_ids, fibres,
                               setup)["pv"]
            runs[scale] = ([r["volume_divergence_mL"] for r in pv],
                           [r["pressure_mmHg"] for r in pv])
        return runs[scale]

    def volume_at_edp(scale: float) -> float:
        return volume_at_pressure_mL(*inflate(scale), args.edp)

    def vn_at_edp(scale: float) -> float:
        v30 = compare_with_klotz(*inflate(scale), v0).v30_mL
        return (volume_at_edp(scale) - v0) / (v30 - v0)

    v0 = inflate(1.0)[0][0]  # the mesh: the unloaded state at 0 mmHg
    fit = fit_scale(vn_at_edp, klotz_normalised_volume(args.edp), scale0=1.0)
    cmp = compare_with_klotz(*inflate(fit.scale), v0)
    unscaled = compare_with_klotz(*inflate(1.0), v0)
    result = {
        "benchmark": "edpvr_klotz",
        "labels": args.labels, "edge_length_mm": args.edge_length,
        "material": args.material, "incompressibility": args.incompressibility,
        "v0_mL": v0, "edp_mmHg": args.edp,
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
        import numpy as np

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


if __name__ == "__main__":
    raise SystemExit(main())
