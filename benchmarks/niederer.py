"""Niederer et al. (2011) slab benchmark: activation times P1..P9 and cost, with the peer.

Runs ``cardiotwin niederer --json`` for every requested (dx, dt) pair under
``mpiexec -n NP`` and, with ``--peer``, the same slab with fenicsx-beat
(``benchmarks/peer_beat_niederer.py``) side by side, then prints one JSON object::

    .venv/bin/python benchmarks/niederer.py                       # dx/dt pairs 0.5/0.05, 0.2/0.01
    .venv/bin/python benchmarks/niederer.py --cases 0.5:0.05 --peer --np 1
    .venv/bin/python benchmarks/niederer.py --sweep               # full dx x dt grid (long)

Published reference (Niederer et al. 2011, Fig. 4-5): with dx = 0.1 mm, dt = 0.005 ms the
finite-element codes converge to about 38 ms at P8 and the finite-difference codes to about
44 ms; at dx = 0.5 mm the codes spread widely and all are slower.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent


def _run_json(cmd: list[str], timeout: float) -> dict:
    print("running:", " ".join(cmd), file=sys.stderr)
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if res.returncode != 0:
        return {"error": res.stderr.strip().splitlines()[-1:] or ["failed"], "cmd": " ".join(cmd)}
    return json.loads(res.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default="0.5:0.05,0.2:0.01",
                    help="comma-separated dx:dt pairs (mm:ms)")
    ap.add_argument("--sweep", action="store_true",
                    help="all of dx in {0.5,0.2,0.1} x dt in {0.05,0.01,0.005}")
    ap.add_argument("--np", type=int, default=2, help="MPI ranks (default 2)")
    ap.add_argument("--peer", action="store_true", help="also run fenicsx-beat")
    ap.add_argument("--extra", default="", help="extra arguments for `cardiotwin niederer`")
    ap.add_argument("--timeout", type=float, default=3600.0)
    args = ap.parse_args()

    if args.sweep:
        cases = [(dx, dt) for dx in (0.5, 0.2, 0.1) for dt in (0.05, 0.01, 0.005)]
    else:
        cases = [tuple(float(v) for v in c.split(":")) for c in args.cases.split(",")]
    mpiexec = [str(VENV_BIN / "mpiexec"), "-n", str(args.np)]
    results = []
    for dx, dt in cases:
        ours = _run_json([*mpiexec, str(VENV_BIN / "cardiotwin"), "-q", "niederer",
                          "--dx", str(dx), "--dt", str(dt), "--json", *args.extra.split()],
                         args.timeout)
        entry = {"dx_mm": dx, "dt_ms": dt, "cardiotwin": ours}
        if args.peer:
            peer = _run_json([*mpiexec, sys.executable, str(HERE / "peer_beat_niederer.py"),
                              "--dx", str(dx), "--dt", str(dt)], args.timeout)
            entry["fenicsx-beat"] = peer
            if "wall_per_step_ms" in peer and "wall_per_step_ms" in ours:
                entry["speedup_wall_per_step"] = round(
                    peer["wall_per_step_ms"] / ours["wall_per_step_ms"], 2)
        results.append(entry)
    emit({"benchmark": "niederer2011", "ranks": args.np, "cases": results,
          "reference": {"P8_ms_fe_converged": 38.0, "P8_ms_fd_converged": 44.0,
                        "source": "Niederer et al. 2011, Phil Trans R Soc A 369:4331"}})


if __name__ == "__main__":
    main()
