"""Drug trial over a virtual population: N cells with sampled conductances, control and
drug, paced in one kernel call (2 N columns); prints APD90/qNet statistics and wall time.

    .venv/bin/python benchmarks/drug_population.py [--cells 1000] [--beats 5] > out.json
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from cardiotwin.ionic import get_model
from cardiotwin.scenarios.drugs import apply_drug
from cardiotwin.scenarios.library import get_drug
from cardiotwin.studies.drug_trial import TrialProtocol, pace_population, sample_population

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default="ord-endo")
    ap.add_argument("--drug", default="dofetilide")
    ap.add_argument("--cmax-multiple", type=float, default=10.0)
    ap.add_argument("--cells", type=int, default=1000)
    ap.add_argument("--beats", type=int, default=5)
    ap.add_argument("--bcl", type=float, default=1000.0)
    ap.add_argument("--dt", type=float, default=0.02)
    ap.add_argument("--sigma", type=float, default=0.2)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    model = get_model(a.model)
    drug = get_drug(a.drug)
    pop = sample_population(model, a.cells, sigma=a.sigma, seed=0)
    dosed = pop.copy()
    conc = float(drug.free_concentrations_uM([a.cmax_multiple])[0])
    apply_drug(model, dosed, drug, conc, allow_missing=True)
    params = np.ascontiguousarray(np.concatenate([pop, dosed], axis=1))
    proto = TrialProtocol(bcl_ms=a.bcl, beats=a.beats, dt_ms=a.dt, sample_every=5,
                          workers=a.workers)
    print(f"pacing {2 * a.cells} cells x {a.beats} beats ...", file=sys.stderr)
    t0 = time.perf_counter()
    beat = pace_population(model, params, proto)
    wall = time.perf_counter() - t0
    n = a.cells
    apd_c, apd_d = beat.apd90_ms[:n], beat.apd90_ms[n:]
    ok = np.isfinite(apd_c) & np.isfinite(apd_d)
    d_apd = apd_d[ok] - apd_c[ok]

    def stats(x: np.ndarray) -> dict[str, float]:
        return {"mean": float(np.mean(x)), "sd": float(np.std(x)),
                "p5": float(np.percentile(x, 5)), "p95": float(np.percentile(x, 95))}

    emit({"benchmark": "drug_population", "model": a.model, "drug": a.drug,
          "conc_uM": conc, "cmax_multiple": a.cmax_multiple, "cells": n,
          "columns_in_kernel_call": 2 * n, "beats": a.beats, "bcl_ms": a.bcl, "dt_ms": a.dt,
          "sigma_log_scaling": a.sigma, "workers": a.workers,
          "apd90_control_ms": stats(apd_c[np.isfinite(apd_c)]),
          "apd90_drug_ms": stats(apd_d[np.isfinite(apd_d)]),
          "delta_apd90_ms": stats(d_apd),
          "ead_cells_drug": int(beat.ead[n:].sum()),
          "non_repolarising_cells_drug": int((~beat.repolarised[n:]).sum()),
          "qnet_control_uC_per_uF": stats(beat.qnet_uC_per_uF[:n]),
          "qnet_drug_uC_per_uF": stats(beat.qnet_uC_per_uF[n:]),
          "wall_s": wall, "cell_steps_per_s": 2 * n * a.beats * proto.steps_per_beat / wall})


if __name__ == "__main__":
    main()
