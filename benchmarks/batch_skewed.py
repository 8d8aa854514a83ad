"""A skewed cohort: members of very different cost, scheduled over groups of ranks.

The sweep varies the simulated time of a phantom run (long and short members interleaved
in the order of the sweep).  ``cardiotwin batch`` under ``mpiexec -n NP`` (one rank per
member) runs it; the member wall times recorded in each ``done.json`` then give what the
previous scheduler (members dealt round robin, group g taking members g, g+G, ...) would
have needed, next to the dynamic claiming measured here and the lower bound
max(total / G, longest member)::

    .venv/bin/python benchmarks/batch_skewed.py --np 2 > skewed.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

REPO = Path(__file__).resolve().parents[1]
BIN = REPO / ".venv" / "bin"

BASE = """
[geometry]
mesh = "{mesh}"

[[stimulus]]
facets = ["lv-endocardium"]
duration_ms = 2.0
amplitude = 60.0

[time]
t_end_ms = 10.0
dt_ms = 0.05

[output]
series_every_ms = 100.0
checkpoint_every_ms = 1000.0
ecg = "none"
pictures = false
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--np", type=int, default=2, help="MPI ranks (groups of one rank)")
    ap.add_argument("--t-end", default="120,15,15,15,120,15,15,15",
                    help="simulated time of each member, ms (its cost)")
    ap.add_argument("--workdir", default="batch-skewed")
    args = ap.parse_args()
    work = Path(args.workdir).resolve()
    work.mkdir(parents=True, exist_ok=True)
    (work / "base.toml").write_text(BASE.format(mesh=REPO / "meshes" / "phantom_biv"))
    t_end = [float(x) for x in args.t_end.split(",")]
    (work / "sweep.toml").write_text(
        'base = "base.toml"\n[grid]\n"time.t_end_ms" = [' + ", ".join(map(str, t_end)) + "]\n")
    t0 = time.perf_counter()
    subprocess.run([str(BIN / "mpiexec"), "-n", str(args.np), str(BIN / "cardiotwin"), "batch",
                    str(work / "sweep.toml"), "-o", str(work / "out"), "--overwrite",
                    "--quiet"], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    recs = [json.loads(p.read_text()) for p in sorted((work / "out").glob("members/*/done.json"))]
    cost = [r["member_wall_s"] for r in recs]
    groups = args.np
    per_group_dynamic: dict[int, float] = {}
    for r in recs:
        per_group_dynamic[r["group"]] = per_group_dynamic.get(r["group"], 0.0) + r["member_wall_s"]
    round_robin = max(sum(cost[g::groups]) for g in range(groups))
    emit({
        "benchmark": "batch_skewed",
        "ranks": args.np,
        "members": len(recs),
        "member_t_end_ms": t_end,
        "member_wall_s": cost,
        "makespan_s": {
            "dynamic_measured_members": round(max(per_group_dynamic.values()), 2),
            "round_robin_from_the_same_member_times": round(round_robin, 2),
            "lower_bound": round(max(sum(cost) / groups, max(cost)), 2),
        },
        "batch_wall_s": round(wall, 2),
        "members_per_group": {str(g): sum(r["group"] == g for r in recs) for g in range(groups)},
    })


if __name__ == "__main__":
    main()
