"""Niederer et al. (2011) slab benchmark: activation times P1..P9 and cost, with the peers.

Runs ``cardiotwin niederer --json`` for every requested (dx, dt) pair under
``mpiexec -n NP`` and, with ``--peer``, the same slab with fenicsx-beat
(``benchmarks/peer_beat_niederer.py``, same ranks) and/or TorchCor
(``benchmarks/peer_torchcor_niederer.py``, run by TorchCor's own interpreter on the
openCARP export of cardiotwin's slab mesh, NP PyTorch threads) one after the other, then
prints one JSON object (a summary table goes to stderr)::

    .venv/bin/python benchmarks/niederer.py                       # dx/dt pairs 0.5/0.05, 0.2/0.01
    .venv/bin/python benchmarks/niederer.py --cases 0.5:0.05 --peer --np 1   # fenicsx-beat
    .venv/bin/python benchmarks/niederer.py --cases 0.5:0.05 --peer beat,torchcor --np 1
    .venv/bin/python benchmarks/niederer.py --sweep               # full dx x dt grid (long)

TorchCor needs PyTorch, so it runs in its own environment (``--torchcor-python``, default
``/tmp/tcvenv/bin/python``); when that interpreter is absent the record says so and the
run goes on without it.

Published reference (Niederer et al. 2011, Fig. 4-5): with dx = 0.1 mm, dt = 0.005 ms the
finite-element codes converge to about 38 ms at P8 and the finite-difference codes to about
44 ms; at dx = 0.5 mm the codes spread widely and all are slower.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent


PEERS = {"beat": "fenicsx-beat", "fenicsx-beat": "fenicsx-beat", "torchcor": "torchcor"}
DEFAULT_TORCHCOR_PYTHON = "/tmp/tcvenv/bin/python"


def _run_json(cmd: list[str], timeout: float) -> dict:
    print("running:", " ".join(cmd), file=sys.stderr)
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": [f"no result within --timeout {timeout:g} s"], "cmd": " ".join(cmd)}
    if res.returncode != 0:
        return {"error": res.stderr.strip().splitlines()[-1:] or ["failed"], "cmd": " ".join(cmd)}
    return json.loads(res.stdout)


def _peers(spec: str | None) -> list[str]:
    """Peer names from ``--peer`` (none, alone meaning fenicsx-beat, or a comma list)."""
    if not spec:
        return []
    names = []
    for item in spec.split(","):
        key = item.strip().lower()
        if key not in PEERS:
            raise SystemExit(f"--peer {spec!r}: unknown peer {item!r}; expected a comma "
                             f"list of {', '.join(sorted(PEERS))}")
        if PEERS[key] not in names:
            names.append(PEERS[key])
    return names


def _torchcor(dx: float, dt: float, args: argparse.Namespace) -> dict:
    """Export cardiotwin's slab as openCARP files, then run TorchCor on it."""
    python = Path(args.torchcor_python)
    if not (python.is_file() and os.access(python, os.X_OK)):
        return {"skipped": f"TorchCor's interpreter {python} is absent (TorchCor needs "
                           "PyTorch in its own environment; give it with --torchcor-python)"}
    script = str(HERE / "peer_torchcor_niederer.py")
    with tempfile.TemporaryDirectory(prefix="niederer_opencarp_") as tmp:
        mesh = _run_json([sys.executable, script, "--write-mesh", tmp, "--dx", str(dx)],
                         args.timeout)
        if "error" in mesh:
            return {"error": ["writing the openCARP slab failed", *mesh["error"]],
                    "cmd": mesh["cmd"]}
        return _run_json([str(python), script, "--mesh-dir", tmp, "--dx", str(dx),
                          "--dt", str(dt), "--threads", str(args.np),
                          *args.torchcor_args.split()], args.timeout)


def _summary(entry: dict, peers: list[str]) -> None:
    """Print one case's activation times and cost per code to stderr."""
    names = [f"P{i}" for i in range(1, 10)]
    print(f"dx = {entry['dx_mm']} mm, dt = {entry['dt_ms']} ms", file=sys.stderr)
    print(f"  {'code':<13}" + "".join(f"{n:>8}" for n in names) + f"{'ms/step':>10}"
          f"{'x ours':>8}", file=sys.stderr)
    for code in ["cardiotwin", *peers]:
        rec = entry.get(code, {})
        act = rec.get("activation_ms")
        if not act:
            why = rec.get("skipped") or rec.get("error") or "no result"
            print(f"  {code:<13} {why}", file=sys.stderr)
            continue
        cells = "".join(f"{act[n]:8.2f}" if act.get(n) is not None else f"{'-':>8}"
                        for n in names)
        ratio = entry.get("ratio_wall_per_step_to_cardiotwin", {}).get(code)
        print(f"  {code:<13}{cells}{rec.get('wall_per_step_ms', float('nan')):10.2f}"
              f"{'' if ratio is None else f'{ratio:8.2f}'}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default="0.5:0.05,0.2:0.01",
                    help="comma-separated dx:dt pairs (mm:ms)")
    ap.add_argument("--sweep", action="store_true",
                    help="all of dx in {0.5,0.2,0.1} x dt in {0.05,0.01,0.005}")
    ap.add_argument("--np", type=int, default=2,
                    help="MPI ranks of cardiotwin and fenicsx-beat, PyTorch threads of "
                         "TorchCor (default 2)")
    ap.add_argument("--peer", nargs="?", const="beat", default=None,
                    help="also run peers: 'beat' (fenicsx-beat; the default of a bare "
                         "--peer), 'torchcor', or both: 'beat,torchcor'")
    ap.add_argument("--torchcor-python", default=DEFAULT_TORCHCOR_PYTHON,
                    help="Python interpreter with torchcor installed "
                         f"(default {DEFAULT_TORCHCOR_PYTHON})")
    ap.add_argument("--torchcor-args", default="",
                    help="extra arguments for peer_torchcor_niederer.py, e.g. --mass-lumping")
    ap.add_argument("--extra", default="", help="extra arguments for `cardiotwin niederer`")
    ap.add_argument("--timeout", type=float, default=3600.0)
    args = ap.parse_args()
    peers = _peers(args.peer)

    if args.sweep:
        cases = [(dx, dt) for dx in (0.5, 0.2, 0.1) for dt in (0.05, 0.01, 0.005)]
    else:
        cases = [tuple(float(v) for v in c.split(":")) for c in args.cases.split(",")]
    mpiexec = [str(VENV_BIN / "mpiexec"), "-n", str(args.np)]
    results = []
    for dx, dt in cases:
        load = [round(v, 2) for v in os.getloadavg()]
        ours = _run_json([*mpiexec, str(VENV_BIN / "cardiotwin"), "-q", "niederer",
                          "--dx", str(dx), "--dt", str(dt), "--json", *args.extra.split()],
                         args.timeout)
        entry = {"dx_mm": dx, "dt_ms": dt, "cardiotwin": ours}
        ratios = {}
        for peer in peers:
            if peer == "fenicsx-beat":
                rec = _run_json([*mpiexec, sys.executable, str(HERE / "peer_beat_niederer.py"),
                                 "--dx", str(dx), "--dt", str(dt)], args.timeout)
            else:
                rec = _torchcor(dx, dt, args)
            entry[peer] = rec
            if "wall_per_step_ms" in rec and "wall_per_step_ms" in ours:
                ratios[peer] = round(rec["wall_per_step_ms"] / ours["wall_per_step_ms"], 2)
        if "fenicsx-beat" in ratios:
            entry["speedup_wall_per_step"] = ratios["fenicsx-beat"]
        if ratios:
            entry["ratio_wall_per_step_to_cardiotwin"] = ratios
        entry["load_average"] = {"before": load,
                                 "after": [round(v, 2) for v in os.getloadavg()]}
        _summary(entry, peers)
        results.append(entry)
    emit({"benchmark": "niederer2011", "ranks": args.np, "peers": peers, "cases": results,
          "notes": ["wall_per_step_ms: cardiotwin's whole time loop per step; the peers' "
                    "solver step alone (their loop_per_step_ms includes probing)",
                    "ratio_wall_per_step_to_cardiotwin: peer ms/step over cardiotwin's"],
          "reference": {"P8_ms_fe_converged": 38.0, "P8_ms_fd_converged": 44.0,
                        "source": "Niederer et al. 2011, Phil Trans R Soc A 369:4331"}})


if __name__ == "__main__":
    main()
