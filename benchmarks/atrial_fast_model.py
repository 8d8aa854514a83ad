"""Atrial cell models: CRN against Myokit/CVODES, and the fast model fitted to CRN.

1. The Courtemanche–Ramirez–Nattel (1998) kernel (``courtemanche``), control and with the
   chronic-AF remodelling (:data:`cardiotwin.scenarios.remodelling.CHRONIC_AF`), paced at
   1 Hz for 20 beats, against Myokit/CVODES on the same CellML file with the same
   changes: APD90, V_rest, trace RMSE.
2. S1-S2 restitution (S1 500 ms x 10, S2 500 .. 100 ms) of CRN control, cAF and
   cAF + fibrotic remodelling, and the Mitchell–Schaeffer parameters fitted to each
   (:func:`cardiotwin.ionic.phenomenological.fit_restitution`), with the fit's error.

Prints one JSON object; ``--png`` draws APD90 against DI of both models.  Needs the
reference CellML (``../shared/reference/cellml``) and, for part 1, Myokit with CVODES.

Usage::

    .venv/bin/python benchmarks/atrial_fast_model.py --png fast_model_fit.png > fit.json
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from common import emit


def main() -> None:
    from cardiotwin.ionic import get_model
    from cardiotwin.ionic.phenomenological import fit_restitution
    from cardiotwin.ionic.restitution import S1S2Protocol, s1s2_restitution
    from cardiotwin.ionic.shipped import default_reference
    from cardiotwin.ionic.verification import compare_with_myokit
    from cardiotwin.scenarios.remodelling import CRN_TISSUES

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--png", default=None, help="figure of the restitution fits")
    ap.add_argument("--tissues", default="control,caf,caf-fibrotic")
    ap.add_argument("--no-myokit", action="store_true", help="skip part 1")
    ap.add_argument("--evaluations", type=int, default=120, help="Nelder-Mead budget per fit")
    args = ap.parse_args()
    crn = get_model("courtemanche")
    path = default_reference() / "cellml" / "courtemanche_ramirez_nattel_1998.cellml"
    out: dict = {"model": "courtemanche", "cellml": str(path)}
    if not args.no_myokit:
        out["myokit"] = {}
        for name in ("control", "caf"):
            t0 = time.perf_counter()
            cmp = compare_with_myokit(crn, path, beats=20, dt_ms=0.01, bcl_ms=1000.0,
                                      scale=dict(CRN_TISSUES[name].scale))
            out["myokit"][name] = {
                "apd90_ms": [cmp.ours["apd90_ms"], cmp.myokit["apd90_ms"]],
                "vrest_mV": [cmp.ours["vrest_mV"], cmp.myokit["vrest_mV"]],
                "vpeak_mV": [cmp.ours["vpeak_mV"], cmp.myokit["vpeak_mV"]],
                "rmse_mV": cmp.rmse, "apd90_err_pct": cmp.apd90_err_pct,
                "note": "[cardiotwin, Myokit/CVODES]", "wall_s": time.perf_counter() - t0}
    proto = S1S2Protocol()
    out["restitution"] = {}
    curves = {}
    for name in args.tissues.split(","):
        t0 = time.perf_counter()
        target = s1s2_restitution(crn, proto, changes=CRN_TISSUES[name])
        t1 = time.perf_counter()
        _, rep = fit_restitution(target, tissue_name=name,
                                 max_evaluations=args.evaluations)
        curves[name] = (target, rep["fit"])
        out["restitution"][name] = {"crn": target.as_dict(), "crn_wall_s": t1 - t0,
                                    "fit_wall_s": time.perf_counter() - t1, **rep}
    if args.png:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(1, len(curves), figsize=(5 * len(curves), 4), squeeze=False)
        for a, (name, (tgt, fit)) in zip(ax[0], curves.items(), strict=True):
            ok = np.isfinite(tgt.apd90_ms)
            a.plot(tgt.di_ms[ok], tgt.apd90_ms[ok], "o-", label=f"CRN (ERP {tgt.erp_ms:g} ms)")
            fd, fa = np.asarray(fit["di_ms"]), np.asarray(fit["apd90_ms"], float)
            okf = np.isfinite(fa)
            a.plot(fd[okf], fa[okf], "s--", label=f"fast model (ERP {fit['erp_ms']:g} ms)")
            a.set_xlabel("diastolic interval (ms)")
            a.set_ylabel("APD90 (ms)")
            a.set_title(f"S1-S2 restitution, {name}")
            a.legend()
        fig.tight_layout()
        fig.savefig(args.png, dpi=120)
        out["png"] = args.png
    emit(out)


if __name__ == "__main__":
    main()
