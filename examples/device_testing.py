"""
Device testing: capture thresholds and the strength–duration curve
==================================================================

A unipolar pacing electrode (0.5 mm radius, current in mA) on a small slab of TP06
epicardial tissue; for each pulse width the capture threshold is found by bisection on the
amplitude, Weiss and Lapicque laws are fitted (rheobase, chronaxie) and the curve is saved
as a PNG.  Runs in about a minute on one core; also under ``mpiexec -n 2``::

    python examples/device_testing.py --out sd.png
    python examples/device_testing.py --widths 0.1,0.25,0.5,1,2,4 --size 4 --out sd.png
"""

from __future__ import annotations

import argparse
import json

import numpy as np


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description="capture thresholds over pulse widths")
    ap.add_argument("--widths", default="0.25,0.5,1,2", help="pulse widths, ms")
    ap.add_argument("--size", type=float, default=3.0, help="slab edge, mm")
    ap.add_argument("--h", type=float, default=0.25, help="element size, mm")
    ap.add_argument("--model", default="tp06-epi")
    ap.add_argument("--out", default="strength_duration.png", help="PNG path ('' = none)")
    args = ap.parse_args(argv)

    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    import dolfinx.mesh

    from cardiotwin.analysis.strength_duration import fit_strength_duration, strength_duration
    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.scenarios.devices import PacingLead
    from cardiotwin.studies.strength_duration import tissue_capture_trial

    comm = MPI.COMM_WORLD
    n = max(round(args.size / args.h), 2)
    mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([args.size, args.size, 0.5])],
                                   [n, n, 2], dolfinx.mesh.CellType.hexahedron)
    lead = PacingLead("tip", (args.size / 2, args.size / 2, 0.25), radius_mm=0.5, unit="mA")
    trial = tissue_capture_trial(mesh, lead, model=args.model,
                                 conductivity=Conductivity.isotropic(0.2), dt_ms=0.02,
                                 window_ms=10.0, capture_distance_mm=0.4 * args.size)
    widths = np.array([float(w) for w in args.widths.split(",")])
    thr = strength_duration(trial, widths, low=0.0, high=1.0, rel_tol=0.03)
    weiss = fit_strength_duration(widths, thr, law="weiss")
    lap = fit_strength_duration(widths, thr, law="lapicque") if widths.size > 2 else None
    out = {"pulse_ms": widths.tolist(), "threshold_mA": thr.tolist(),
           "weiss": {"rheobase_mA": weiss.rheobase, "chronaxie_ms": weiss.chronaxie_ms,
                     "rms_rel_error": weiss.rms_relative_error}}
    if lap is not None:
        out["lapicque"] = {"rheobase_mA": lap.rheobase, "chronaxie_ms": lap.chronaxie_ms,
                           "rms_rel_error": lap.rms_relative_error}
    if comm.rank == 0:
        if args.out:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt

            d = np.geomspace(widths.min() * 0.8, widths.max() * 1.2, 100)
            fig, ax = plt.subplots(figsize=(5, 3.5))
            ax.plot(widths, thr, "ko", label="capture threshold")
            ax.plot(d, weiss.threshold(d), "-",
                    label=f"Weiss: rheobase {weiss.rheobase:.3g} mA, "
                          f"chronaxie {weiss.chronaxie_ms:.2f} ms")
            if lap is not None:
                ax.plot(d, lap.threshold(d), "--",
                        label=f"Lapicque: chronaxie {lap.chronaxie_ms:.2f} ms")
            ax.set_xscale("log")
            ax.set_xlabel("pulse width (ms)")
            ax.set_ylabel("threshold (mA)")
            ax.set_title(f"strength-duration, {args.model} tissue")
            ax.legend(fontsize=7)
            fig.tight_layout()
            fig.savefig(args.out, dpi=120)
            plt.close(fig)
            out["png"] = args.out
        print(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main()
