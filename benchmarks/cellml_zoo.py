"""The CellML zoo: every model of the Chaste collection imported, compiled, paced and
compared with Myokit/CVODES on the same file.

For each ``.cellml`` file of ``shared/reference/cellml-zoo`` (79 models): cardiotwin
generates and compiles its kernel (cached by content hash in ``$CARDIOTWIN_CACHE_DIR``, so
a second run only loads it), paces one cell at 1 Hz for ``--beats`` beats at ``--dt`` with
the model's own stimulus amplitude and duration (from t = 0 every cycle), and Myokit +
CVODES (tolerances 1e-8, maximum step 1 ms) paces the same file the same way
(:func:`cardiotwin.ionic.verification.myokit_reference`; results cached too).  The last
beat of both is analysed with the same definitions (:mod:`cardiotwin.ionic.biomarkers`);
a model without a stimulus runs free and its last complete spontaneous cycle is analysed
(:func:`~cardiotwin.ionic.biomarkers.spontaneous_biomarkers`).

Columns: imported (and why not), states, integration (Rush-Larsen / exponential Euler for
stiff states / backward-Euler linear groups / non-linear stiff groups, linearly implicit with
exponential Rosenbrock-Euler near its singularity / forward Euler), APD90 ours vs Myokit, V_rest,
V_peak, trace RMSE (last beat; a free-running cycle aligned on its start), ms per beat (the
plain kernel, one cell), import (read + generate) and compile time.  ``match``: APD90
within 1 %.  Each model runs in its own process (``--timeout`` s).

    python benchmarks/cellml_zoo.py [--models NAME ...] [--beats 20] [--dt 0.01]
        [--timeout 1200] [--no-myokit] [--markdown benchmarks/out/cellml_zoo.md] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
APD_TOLERANCE = 0.01


def zoo_dir() -> Path:
    from cardiotwin.ionic.shipped import default_reference

    return default_reference() / "cellml-zoo"


def _reference(path: Path, beats: int, dt: float, free: bool):  # dt: the log interval
    """Myokit/CVODES trace (:func:`~cardiotwin.ionic.verification.myokit_reference`),
    cached by file content, protocol and Myokit version; at tolerance 1e-8, or 1e-6 where
    CVODES fails at 1e-8 (discontinuous right-hand sides)."""
    import myokit

    from cardiotwin.exceptions import SolverError
    from cardiotwin.ionic.jit import cache_dir
    from cardiotwin.ionic.verification import ReferenceTrace, myokit_reference

    record = min(beats, 3) if free else 1
    h = hashlib.sha256(path.read_bytes())
    h.update(f"{beats}/{dt}/{record}/{myokit.__version__}/2".encode())
    cache = cache_dir() / "zoo_reference" / f"{path.stem}-{h.hexdigest()[:16]}.npz"
    if cache.is_file():
        d = np.load(cache)
        return ReferenceTrace(d["t"], d["v"], (0.0, 0.0), bool(d["free"]), float(d["wall"]),
                              float(d["tol"]))
    for tol in (1e-8, 1e-6):
        try:
            ref = myokit_reference(path, bcl_ms=1000.0, beats=beats, dt_ms=dt,
                                   record_cycles=record, tolerance=tol)
            break
        except SolverError:
            if tol == 1e-6:
                raise
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, t=ref.t_ms, v=ref.v, free=ref.free_running, wall=ref.wall_s,
             tol=ref.tolerance)
    return ref


def run_one(path: Path, beats: int, dt: float, myokit: bool,
            reference_dt: float | None = None) -> dict:
    """Import, compile, pace and compare one model file (in this process)."""
    from cardiotwin.exceptions import CardiotwinError, SolverError
    from cardiotwin.ionic import resolve_model
    from cardiotwin.ionic.jit import build_times, builds_in_this_process
    from cardiotwin.ionic.simulate import PacingProtocol, pace_cells
    from cardiotwin.ionic.verification import analyse, compare_with_myokit

    row: dict = {"model": path.stem}
    t0 = time.perf_counter()
    try:
        model = resolve_model(path)
    except CardiotwinError as exc:
        row.update(imported=False, reason=str(exc).splitlines()[0])
        return row
    row["load_s"] = time.perf_counter() - t0
    row["compiled_now"] = bool(builds_in_this_process())
    bt = build_times(model) or {}
    row.update(imported=True, states=model.n_states, import_s=bt.get("generate_s"),
               compile_s=bt.get("compile_s"),
               integration={"rush_larsen": len(model.rush_larsen_states),
                            "exponential_euler": len(model.exponential_euler_states),
                            "backward_euler": len(model.backward_euler_states),
                            "stiff_group": len(model.stiff_group_states),
                            "forward_euler": len(model.forward_euler_states)},
               stimulus_uA_per_uF=model.default_stimulus[0],
               stimulus_ms=model.default_stimulus[1])
    free = model.default_stimulus[0] == 0
    row["free_running"] = free
    ref = None
    if myokit:
        try:
            ref = _reference(path, beats, reference_dt or dt, free)
            row["myokit_s"] = ref.wall_s
            row["myokit_tolerance"] = ref.tolerance
        except Exception as exc:  # any reference failure is reported in the table
            row["myokit_error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    try:
        if ref is None:
            protocol = PacingProtocol(bcl_ms=1000.0, beats=beats, dt_ms=dt)
            t1 = time.perf_counter()
            beat = pace_cells(model, protocol.stimulus(model), cycle_ms=1000.0, cycles=beats,
                              dt_ms=dt, record_cycles=min(beats, 3) if free else 1)
            row["ms_per_beat"] = 1000.0 * (time.perf_counter() - t1) / beats
            row["substeps"] = beat.substeps
            row["ours"] = analyse(beat.t_ms, beat.states0[:, 0], free)[0]
        else:
            cmp = compare_with_myokit(model, path, beats=beats, dt_ms=dt, reference=ref,
                                      reference_dt_ms=reference_dt)
            row.update(ms_per_beat=cmp.ms_per_beat, ours=cmp.ours, myokit=cmp.myokit,
                       rmse_mV=cmp.rmse, apd90_err_pct=cmp.apd90_err_pct,
                       substeps=cmp.substeps)
            if cmp.apd90_err_pct is not None:
                row["match"] = cmp.matches(APD_TOLERANCE)
    except SolverError as exc:
        row.update(ran=False, reason=str(exc).splitlines()[0])
        return row
    row["ran"] = True
    return row


def _fmt(x: object, spec: str = ".2f") -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return format(x, spec) if np.isfinite(x) else "nan"
    return str(x)


def markdown(rows: list[dict], beats: int, dt: float) -> str:
    """The zoo table."""
    lines = [f"Zoo: {len(rows)} models, 1 Hz, {beats} beats, dt = {dt} ms (cardiotwin plain "
             "kernel) vs Myokit/CVODES (tol 1e-8), last beat.", "",
             "| model | imported | states | RL/ExpE/BE/SG/FE | APD90 ours | APD90 Myokit | err % | "
             "Vrest ours / Myokit | Vpeak ours / Myokit | RMSE mV | ms/beat | import s | "
             "compile s | match | note |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        o, m = r.get("ours", {}), r.get("myokit", {})
        integ = r.get("integration") or {}
        note = r.get("reason") or r.get("myokit_error") or ""
        if r.get("myokit_tolerance", 1e-8) != 1e-8:
            note = f"Myokit at tolerance {r['myokit_tolerance']:g} (fails at 1e-8). {note}"
        if r.get("substeps", 1) > 1:
            note = (f"{r['substeps']} substeps per step (dt {dt / r['substeps']:g} ms) after "
                    f"a blow-up at dt {dt:g} ms. {note}").strip()
        if r.get("free_running"):
            cl_o = _fmt(o.get("cycle_length_ms"), ".1f")
            cl_m = _fmt(m.get("cycle_length_ms"), ".1f")
            note = f"free-running: cycle {cl_o} / {cl_m} ms. {note}".strip()
        lines.append("| " + " | ".join([
            r["model"], "yes" if r.get("imported") else "no", _fmt(r.get("states")),
            "/".join(str(integ.get(k, "-")) for k in ("rush_larsen", "exponential_euler",
                                                       "backward_euler",
                                                       "stiff_group",
                                                       "forward_euler")),
            _fmt(o.get("apd90_ms")), _fmt(m.get("apd90_ms")), _fmt(r.get("apd90_err_pct")),
            f"{_fmt(o.get('vrest_mV'))} / {_fmt(m.get('vrest_mV'))}",
            f"{_fmt(o.get('vpeak_mV'))} / {_fmt(m.get('vpeak_mV'))}",
            _fmt(r.get("rmse_mV"), ".3f"), _fmt(r.get("ms_per_beat"), ".1f"),
            _fmt(r.get("import_s"), ".1f"), _fmt(r.get("compile_s"), ".1f"),
            {True: "yes", False: "NO"}.get(r.get("match"), "-"),
            note.replace("|", "/")]) + " |")
    return "\n".join(lines) + "\n"


def summary(rows: list[dict]) -> dict:
    return {"models": len(rows),
            "imported": sum(bool(r.get("imported")) for r in rows),
            "ran": sum(bool(r.get("ran")) for r in rows),
            "ran_with_substeps": sum(bool(r.get("ran")) and r.get("substeps", 1) > 1
                                     for r in rows),
            "myokit_ran": sum("myokit" in r for r in rows),
            "compared": sum("match" in r for r in rows),
            "apd90_within_1pct": sum(bool(r.get("match")) for r in rows)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=None,
                    help="file stems (or parts of them) to run (default: all)")
    ap.add_argument("--beats", type=int, default=20)
    ap.add_argument("--dt", type=float, default=0.01)
    ap.add_argument("--reference-dt", type=float, default=None,
                    help="Myokit log interval, ms (default: --dt; must divide it)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="per model, s")
    ap.add_argument("--no-myokit", action="store_true")
    ap.add_argument("--markdown", type=Path, default=HERE / "out" / "cellml_zoo.md")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        row = run_one(args.one, args.beats, args.dt, not args.no_myokit, args.reference_dt)
        sys.stdout.write("ZOO-ROW " + json.dumps(row) + "\n")
        return 0
    folder = zoo_dir()
    files = sorted(folder.glob("*.cellml"))
    if not files:
        sys.stderr.write(f"no CellML files in {folder}\n")
        return 1
    if args.models:
        files = [f for f in files if any(m in f.stem for m in args.models)]
    rows = []
    for k, f in enumerate(files):
        cmd = [sys.executable, __file__, "--one", str(f), "--beats", str(args.beats),
               "--dt", str(args.dt)] + (["--no-myokit"] if args.no_myokit else []) + (
            ["--reference-dt", str(args.reference_dt)] if args.reference_dt else [])
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout,
                                  check=False, env=os.environ)
            found = [ln for ln in proc.stdout.splitlines() if ln.startswith("ZOO-ROW ")]
            if found:
                row = json.loads(found[-1][len("ZOO-ROW "):])
            else:
                tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
                row = {"model": f.stem, "imported": False,
                       "reason": f"process failed (status {proc.returncode}): {tail[0]}"}
        except subprocess.TimeoutExpired:
            row = {"model": f.stem, "imported": None, "reason": f"timeout {args.timeout:g} s"}
        row["wall_s"] = time.perf_counter() - t0
        rows.append(row)
        o, m = row.get("ours", {}), row.get("myokit", {})
        sys.stderr.write(
            f"[{k + 1}/{len(files)}] {f.stem}: APD90 {_fmt(o.get('apd90_ms'))} vs "
            f"{_fmt(m.get('apd90_ms'))} ms, match {row.get('match')} "
            f"{row.get('reason') or row.get('myokit_error') or ''} ({row['wall_s']:.0f} s)\n")
        sys.stderr.flush()
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    args.markdown.write_text(markdown(rows, args.beats, args.dt), encoding="utf-8")
    out = {"summary": summary(rows), "beats": args.beats, "dt_ms": args.dt}
    if args.json:
        out["rows"] = rows
    sys.stdout.write(json.dumps(out, indent=1, default=float) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
