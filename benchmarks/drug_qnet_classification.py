"""CiPA torsade risk of the 12 training compounds from qNet paced towards steady state.

All compounds x doses (1, 2, 3, 4 x free Cmax, the doses of the torsade metric score)
plus a drug-free control are columns of one ``ord-cipa`` population (dynamic hERG
binding, pore block of the other channels), paced at BCL 2000 ms in chunks of
``--check-every`` beats by the same kernel call; after each chunk the last beat is
analysed (qNet, APD90, EAD) and the states are checkpointed, so a run can be continued
(``--budget-s`` stops it cleanly; rerun the same command to resume).  Every column starts
from the state of a drug-free cell paced ``--prepace-beats`` beats (the drug is applied
to a cell at its drug-free steady state), so the transient left is the drug's own.

Pacing stops at ``--max-beats`` or once every column's qNet changed by less than
``--rtol`` (relative) or ``--atol`` (µC/µF) over the last chunk.  The JSON holds the qNet
history, the TMS ordering at the last beat, thresholds derived from all 12 compounds
(resubstitution count) and the leave-one-out misclassification count, at every recorded
beat count.

    .venv/bin/python benchmarks/drug_qnet_classification.py \\
        --checkpoint qnet_ckpt.npz [--max-beats 1000] [--budget-s 600] > qnet.json
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from cardiotwin.analysis.risk import TMS_MULTIPLES, derive_thresholds, leave_one_out
from cardiotwin.ionic import get_model
from cardiotwin.scenarios.library import cipa_training_drugs
from cardiotwin.studies.cipa import classification_params, classify_beat
from cardiotwin.studies.drug_trial import TrialProtocol, pace_population

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit


def _classification(names: list[str], known: dict[str, str], q: np.ndarray, n_mult: int
                    ) -> dict:
    """TMS per compound from the qNet row ``q`` (control first), thresholds, counts."""
    per = q[1:].reshape(len(names), n_mult)
    tms = {n: float(np.mean(r)) if np.all(np.isfinite(r)) else float("nan")
           for n, r in zip(names, per, strict=True)}
    th, resub = derive_thresholds(tms, known)
    loo_pred, loo_err = leave_one_out(tms, known)
    order = sorted(names, key=lambda n: tms[n] if np.isfinite(tms[n]) else -np.inf)
    return {"tms_uC_per_uF": {n: tms[n] for n in order},
            "thresholds_uC_per_uF": {"high_below": th.high_below, "low_above": th.low_above},
            "resubstitution_misclassified": resub,
            "resubstitution_predicted": {n: th.classify(tms[n]) for n in order},
            "loo_misclassified": loo_err,
            "loo_predicted": {n: loo_pred[n] for n in order},
            "known": {n: known[n] for n in order}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="ord-cipa")
    ap.add_argument("--bcl", type=float, default=2000.0)
    ap.add_argument("--dt", type=float, default=0.02)
    ap.add_argument("--sample-every", type=int, default=5)
    ap.add_argument("--check-every", type=int, default=50)
    ap.add_argument("--min-beats", type=int, default=200)
    ap.add_argument("--max-beats", type=int, default=1000)
    ap.add_argument("--rtol", type=float, default=0.01)
    ap.add_argument("--atol", type=float, default=1e-4, help="µC/µF")
    ap.add_argument("--prepace-beats", type=int, default=1000,
                    help="beats of drug-free pacing whose final state starts every column")
    ap.add_argument("--checkpoint", default="qnet_ckpt.npz")
    ap.add_argument("--budget-s", type=float, default=float("inf"),
                    help="stop after the chunk that passes this wall time (resumable)")
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args()

    model = get_model(a.model)
    lib = cipa_training_drugs()
    names = list(lib)
    drugs = [lib[n] for n in names]
    known = {n: d.risk for n, d in lib.items() if d.risk is not None}
    mult = np.asarray(TMS_MULTIPLES, dtype=float)
    params, concs = classification_params(model, drugs, mult)
    n = params.shape[1]
    proto = TrialProtocol(bcl_ms=a.bcl, beats=a.check_every, dt_ms=a.dt,
                          sample_every=a.sample_every, workers=a.workers)
    ckpt = Path(a.checkpoint)
    if ckpt.is_file():
        z = np.load(ckpt)
        states = np.ascontiguousarray(z["states"])
        beats = [int(b) for b in z["beats"]]
        hist = {k: [row for row in z[k]] for k in ("qnet", "apd90", "ead", "repolarised")}
        wall_total = float(z["wall_s"])
        if states.shape != (model.n_states, n) or not np.array_equal(z["params"], params):
            raise SystemExit(f"{ckpt} belongs to another setup; remove it to start afresh")
        print(f"resuming at beat {beats[-1] if beats else 0}", file=sys.stderr)
    else:
        beats, hist, wall_total = [], {"qnet": [], "apd90": [], "ead": [], "repolarised": []}, 0.0
        states = model.initial_states(n)
        if a.prepace_beats:
            print(f"pre-pacing the drug-free cell {a.prepace_beats} beats", file=sys.stderr)
            one = model.initial_states(1)
            t0 = time.perf_counter()
            pace_population(model, model.default_params(1),
                            TrialProtocol(bcl_ms=a.bcl, beats=a.prepace_beats, dt_ms=a.dt,
                                          sample_every=a.sample_every), states=one)
            wall_total += time.perf_counter() - t0
            states = np.ascontiguousarray(np.repeat(one, n, axis=1))

    def converged() -> tuple[bool, float]:
        if len(beats) < 2:
            return False, float("inf")
        q1, q0 = hist["qnet"][-1], hist["qnet"][-2]
        dq = np.abs(q1 - q0)
        ok = (dq <= a.rtol * np.abs(q1)) | (dq <= a.atol)
        rel = float(np.nanmax(dq / np.maximum(np.abs(q1), 1e-12)))
        return bool(np.all(ok)), rel

    t_run = time.perf_counter()
    beat = None
    while True:
        done = beats[-1] if beats else 0
        ok, _ = converged()
        if done >= a.max_beats or (ok and done >= a.min_beats):
            break
        if time.perf_counter() - t_run > a.budget_s:
            break
        t0 = time.perf_counter()
        beat = pace_population(model, params, proto, states=states)
        wall_total += time.perf_counter() - t0
        beats.append(done + a.check_every)
        hist["qnet"].append(beat.qnet_uC_per_uF)
        hist["apd90"].append(beat.apd90_ms)
        hist["ead"].append(beat.ead)
        hist["repolarised"].append(beat.repolarised)
        np.savez(ckpt, states=states, params=params, beats=np.array(beats),
                 wall_s=wall_total, **{k: np.array(v) for k, v in hist.items()})
        ok, rel = converged()
        print(f"beat {beats[-1]}: max |dqNet|/|qNet| over the chunk {rel:.4f}, "
              f"converged {ok}, {wall_total:.0f} s", file=sys.stderr)

    q = np.array(hist["qnet"])
    ok, rel = converged()
    table = None
    if beat is not None:  # the library's classification table of the last analysed beat
        table = classify_beat(beat, drugs, concs, mult).table()
        print(table, file=sys.stderr)
    per_beats = {str(b): _classification(names, known, q[i], mult.size)
                 for i, b in enumerate(beats)}
    last = per_beats[str(beats[-1])]
    col = {n: 1 + i * mult.size for i, n in enumerate(names)}
    doses = {n: {"cmax_multiples": mult.tolist(),
                 "conc_uM": concs[i].tolist(),
                 "qnet_uC_per_uF": q[-1, col[n]:col[n] + mult.size].tolist(),
                 "apd90_ms": hist["apd90"][-1][col[n]:col[n] + mult.size].tolist(),
                 "ead": hist["ead"][-1][col[n]:col[n] + mult.size].tolist()}
             for i, n in enumerate(names)}
    dq = np.abs(q[-1] - q[-2]) if len(beats) > 1 else np.full(n, np.nan)
    extrapolated = None
    if len(beats) >= 3:  # Aitken's delta-squared on the last three chunks, per column
        d1, d2 = q[-2] - q[-3], q[-1] - q[-2]
        ratio = np.where(np.abs(d1) > 0, d2 / np.where(d1 == 0, 1.0, d1), 0.0)
        geometric = (ratio > 0) & (ratio < 0.9)
        q_inf = np.where(geometric, q[-1] + d2 * ratio / (1.0 - np.where(geometric, ratio, 0)),
                         np.nan)
        extrapolated = {"method": "Aitken delta-squared over the last three chunks; columns "
                        "whose change is not geometric (ratio outside (0, 0.9)) are NaN",
                        "chunk_ratio": {"min": float(np.min(ratio)),
                                        "median": float(np.median(ratio)),
                                        "max": float(np.max(ratio))},
                        "control_qnet_uC_per_uF": float(q_inf[0])}
        if np.all(np.isfinite(q_inf)):
            extrapolated["classification"] = _classification(names, known, q_inf, mult.size)
    emit({"benchmark": "drug_qnet_classification", "model": a.model, "bcl_ms": a.bcl,
          "dt_ms": a.dt, "columns_in_kernel_call": n, "prepace_beats": a.prepace_beats,
          "tms_multiples": mult.tolist(),
          "beats": beats[-1] if beats else 0, "complete": bool(
              beats and (beats[-1] >= a.max_beats or (ok and beats[-1] >= a.min_beats))),
          "converged": ok, "criterion": {"check_every": a.check_every, "rtol": a.rtol,
                                         "atol_uC_per_uF": a.atol},
          "max_rel_change_last_chunk": rel if np.isfinite(rel) else None,
          "max_abs_change_last_chunk_uC_per_uF": float(np.nanmax(dq)) if len(beats) > 1
          else None,
          "control": {"qnet_uC_per_uF": float(q[-1, 0]),
                      "apd90_ms": float(hist["apd90"][-1][0])},
          "qnet_history_beats": beats,
          "qnet_history_uC_per_uF": {"control": q[:, 0].tolist(),
                                     **{n: q[:, col[n]:col[n] + mult.size].tolist()
                                        for n in names}},
          "classification": last,
          "misclassified_vs_beats": {b: {"resubstitution": v["resubstitution_misclassified"],
                                         "loo": v["loo_misclassified"]}
                                     for b, v in per_beats.items()},
          "extrapolated_steady_state": extrapolated,
          "doses": doses, "table": table, "wall_s": wall_total, "workers": a.workers})


if __name__ == "__main__":
    main()
