"""Tissue QT on the phantom ventricle: control vs a drug, through the run configuration.

Runs ``examples/run_phantom_drug.toml`` (ORd endo/M/epi layers on the shipped 2.5 mm
phantom, one sinus-like beat) twice, without and with its ``[drug]`` table, and measures
QRS onset, T end and QT on the X, Y and Z pseudo-ECG leads with
:func:`cardiotwin.analysis.ecg.ecg_intervals` (QRS end = latest activation time;
tangent-method T end).  Writes a PNG of the three leads, control and drug overlaid.

    .venv/bin/python benchmarks/drug_phantom_qt.py [--out /tmp/phantom_qt] \\
        [--png phantom_ecg.png] > out.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mpi4py import MPI

from cardiotwin.analysis.ecg import ecg_intervals
from cardiotwin.exceptions import CardiotwinError
from cardiotwin.studies.runconfig import DrugConfig, load_config
from cardiotwin.studies.runner import run_simulation, with_overrides

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=str(ROOT / "examples" / "run_phantom_drug.toml"))
    ap.add_argument("--out", default="phantom_qt")
    ap.add_argument("--png", default="phantom_ecg.png")
    a = ap.parse_args()
    comm = MPI.COMM_WORLD
    cfg = load_config(a.config)
    if not cfg.drug.name:
        raise SystemExit(f"{a.config} has no [drug] table")
    d = cfg.drug
    drug_label = f"{d.name} {d.cmax_multiple:g}x Cmax" if d.cmax_multiple is not None \
        else f"{d.name} {d.conc_uM:g} uM"
    runs = {"control": with_overrides(cfg, drug=DrugConfig()), drug_label: cfg}
    results = {}
    for label, c in runs.items():
        print(f"running {label} ...", file=sys.stderr)
        s = run_simulation(c, Path(a.out) / ("control" if label == "control" else "drug"),
                           comm=comm, overwrite=True, progress=False, label=label)
        ecg = s["_ecg"]
        leads = {}
        for lead in ("X", "Y", "Z"):
            try:
                iv = ecg_intervals(ecg["t_ms"], ecg[lead], qrs_end_ms=s["total_activation_ms"])
                leads[lead] = iv
            except CardiotwinError as exc:
                print(f"{label} lead {lead}: {exc}", file=sys.stderr)
                leads[lead] = None
        results[label] = {"summary": s, "ecg": ecg, "intervals": leads}

    if comm.rank == 0:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, axes = plt.subplots(3, 1, figsize=(7.5, 7), sharex=True)
        for ax, lead in zip(axes, ("X", "Y", "Z"), strict=True):
            for label, r in results.items():
                iv = r["intervals"][lead]
                qt = f", QT {iv.qt_ms:.0f} ms" if iv else ""
                (line,) = ax.plot(r["ecg"]["t_ms"], r["ecg"][lead], lw=1.2,
                                  label=f"{label}{qt}")
                if iv:
                    ax.axvline(iv.t_end_ms, color=line.get_color(), ls="--", lw=0.8)
                    ax.axvline(iv.qrs_onset_ms, color="k", ls=":", lw=0.8)
            ax.set_ylabel(f"lead {lead} (mV)")
            ax.legend(loc="upper right", fontsize=8)
        axes[-1].set_xlabel("time (ms)")
        fig.suptitle("Phantom ventricle pseudo-ECG (dashed: T end, tangent method; "
                     "dotted: QRS onset)", fontsize=9)
        fig.tight_layout()
        fig.savefig(a.png, dpi=120)
        plt.close(fig)

    def row(r: dict) -> dict:
        s = r["summary"]
        return {"qt_ms": {k: (None if v is None else round(v.qt_ms, 1))
                          for k, v in r["intervals"].items()},
                "intervals": {k: (None if v is None else v.as_dict())
                              for k, v in r["intervals"].items()},
                "total_activation_ms": s["total_activation_ms"],
                "apd90_mean_ms": s["apd90_mean_ms"], "wall_s": s["wall_s"]}

    out = {k: row(v) for k, v in results.items()}
    ctrl = out["control"]["qt_ms"]
    drug = out[drug_label]["qt_ms"]
    emit({"benchmark": "drug_phantom_qt", "config": a.config, "drug": drug_label,
          "mesh": results["control"]["summary"]["mesh"],
          "dt_ms": cfg.time.dt_ms, "t_end_ms": cfg.time.t_end_ms, "results": out,
          "delta_qt_ms": {k: (None if ctrl[k] is None or drug[k] is None
                              else round(drug[k] - ctrl[k], 1)) for k in ctrl},
          "png": a.png, "ranks": comm.size}, rank=comm.rank)


if __name__ == "__main__":
    main()
