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
stiff states / backward-Euler groups / forward Euler), APD90 ours vs Myokit, V_rest,
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


def _biomarkers(t: np.ndarray, v: np.ndarray, free: bool) -> tuple[dict, float]:
    """(biomarkers, start of the analysed cycle in ms) of a recorded trace."""
    from cardiotwin.ionic.biomarkers import beat_biomarkers, spontaneous_biomarkers

    if free:
        sb = spontaneous_biomarkers(t, v)
        if sb is None:
            return {}, 0.0
        return {**sb.beat.as_dict(), "cycle_length_ms": sb.cycle_length_ms}, sb.t0_ms
    return beat_biomarkers(t, v).as_dict(), 0.0


def _reference(path: Path, beats: int, dt: float, record: int) -> dict:
    """Myokit/CVODES trace, cached by file content, protocol and Myokit version."""
    import myokit

    from cardiotwin.exceptions import SolverError
    from cardiotwin.ionic.jit import cache_dir
    from cardiotwin.ionic.verification import myokit_reference

    h = hashlib.sha256(path.read_bytes())
    h.update(f"{beats}/{dt}/{record}/{myokit.__version__}/1".encode())
    cache = cache_dir() / "zoo_reference" / f"{path.stem}-{h.hexdigest()[:16]}.npz"
    if cache.is_file():
        d = np.load(cache)
        return {"t": d["t"], "v": d["v"], "free": bool(d["free"]), "wall_s": float(d["wall"]),
                "tolerance": float(d["tol"]), "cached": True}
    # CVODES at 1e-8; if it fails (discontinuous right-hand sides), once more at 1e-6
    for tol in (1e-8, 1e-6):
        try:
            ref = myokit_reference(path, bcl_ms=1000.0, beats=beats, dt_ms=dt,
                                   record_cycles=record, tolerance=tol)
            break
        except SolverError:
            if tol == 1e-6:
                raise
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, t=ref.t_ms, v=ref.v, free=ref.free_running, wall=ref.wall_s, tol=tol)
    return {"t": ref.t_ms, "v": ref.v, "free": ref.free_running, "wall_s": ref.wall_s,
            "tolerance": tol, "cached": False}


def run_one(path: Path, beats: int, dt: float, myokit: bool) -> dict:
    """Import, compile, pace and compare one model file (in this process)."""
    from cardiotwin.exceptions import CardiotwinError
    from cardiotwin.ionic import resolve_model
    from cardiotwin.ionic.jit import build_times, builds_in_this_process
    from cardiotwin.ionic.simulate import PacingProtocol, pace_cells

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
                            "forward_euler": len(model.forward_euler_states)},
               stimulus_uA_per_uF=model.default_stimulus[0],
               stimulus_ms=model.default_stimulus[1])
    protocol = PacingProtocol(bcl_ms=1000.0, beats=beats, dt_ms=dt)
    stim = protocol.stimulus(model)
    free = stim.amplitude == 0
    record = min(beats, 3) if free else 1
    row["free_running"] = free
    t1 = time.perf_counter()
    try:
        beat = pace_cells(model, stim, cycle_ms=1000.0, cycles=beats, dt_ms=dt,
                          record_cycles=record)
    except CardiotwinError as exc:
        row.update(ran=False, reason=str(exc).splitlines()[0])
        return row
    row["ms_per_beat"] = 1000.0 * (time.perf_counter() - t1) / beats
    row["ran"] = True
    t, v = beat.t_ms, beat.states0[:, 0]
    ours, t0_ours = _biomarkers(t, v, free)
    row["ours"] = ours
    if not myokit:
        return row
    try:
        ref = _reference(path, beats, dt, record)
    except Exception as exc:  # any reference failure is reported in the table, not fatal
        row["myokit_error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return row
    row["myokit_s"] = ref["wall_s"]
    row["myokit_tolerance"] = ref["tolerance"]
    theirs, t0_ref = _biomarkers(ref["t"], ref["v"], free)
    row["myokit"] = theirs
    # trace RMSE over the analysed cycle (both logged every dt from the cycle start)
    a = v[round(t0_ours / dt):]
    b = ref["v"][round(t0_ref / dt):]
    n = min(len(a), len(b), round(1000.0 / dt) + 1)
    if n > 10 and np.all(np.isfinite(b[:n])):
        row["rmse_mV"] = float(np.sqrt(np.mean((a[:n] - b[:n]) ** 2)))
    if ours.get("apd90_ms") and theirs.get("apd90_ms") and np.isfinite(ours["apd90_ms"]) \
            and np.isfinite(theirs["apd90_ms"]):
        err = (ours["apd90_ms"] - theirs["apd90_ms"]) / theirs["apd90_ms"]
        row["apd90_err_pct"] = 100.0 * err
        row["match"] = bool(abs(err) <= APD_TOLERANCE)
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
             "| model | imported | states | RL/ExpE/BE/FE | APD90 ours | APD90 Myokit | err % | "
             "Vrest ours / Myokit | Vpeak ours / Myokit | RMSE mV | ms/beat | import s | "
             "compile s | match | note |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        o, m = r.get("ours", {}), r.get("myokit", {})
        integ = r.get("integration") or {}
        note = r.get("reason") or r.get("myokit_error") or ""
        if r.get("myokit_tolerance", 1e-8) != 1e-8:
            note = f"Myokit at tolerance {r['myokit_tolerance']:g} (fails at 1e-8). {note}"
        if r.get("free_running"):
            cl_o = _fmt(o.get("cycle_length_ms"), ".1f")
            cl_m = _fmt(m.get("cycle_length_ms"), ".1f")
            note = f"free-running: cycle {cl_o} / {cl_m} ms. {note}".strip()
        lines.append("| " + " | ".join([
            r["model"], "yes" if r.get("imported") else "no", _fmt(r.get("states")),
            "/".join(str(integ.get(k, "-")) for k in ("rush_larsen", "exponential_euler",
                                                       "backward_euler", "forward_euler")),
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
            "myokit_ran": sum("myokit" in r for r in rows),
            "compared": sum("match" in r for r in rows),
            "apd90_within_1pct": sum(bool(r.get("match")) for r in rows)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=None,
                    help="file stems (or parts of them) to run (default: all)")
    ap.add_argument("--beats", type=int, default=20)
    ap.add_argument("--dt", type=float, default=0.01)
    ap.add_argument("--timeout", type=float, default=1800.0, help="per model, s")
    ap.add_argument("--no-myokit", action="store_true")
    ap.add_argument("--markdown", type=Path, default=HERE / "out" / "cellml_zoo.md")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        row = run_one(args.one, args.beats, args.dt, not args.no_myokit)
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
               "--dt", str(args.dt)] + (["--no-myokit"] if args.no_myokit else [])
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
