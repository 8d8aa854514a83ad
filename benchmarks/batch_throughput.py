"""Batch throughput: the members of a sweep run one by one (one ``cardiotwin run`` process
each, as by hand) against ``cardiotwin batch`` (optionally under ``mpiexec -n N``).

Usage::

    .venv/bin/python benchmarks/batch_throughput.py [--sweep examples/sweep_gkr_population.toml]
        [--np 2] [--workdir /tmp/batch-bench] > batch.json

It writes each member's run configuration as TOML, runs them serially with
``cardiotwin run``, then ``cardiotwin batch`` on 1 rank and under ``mpiexec -n NP``, and
prints the wall times and whether the members' headline numbers agree.
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

REPO = Path(__file__).resolve().parents[1]
BIN = REPO / ".venv" / "bin"


def _toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"cannot write {v!r} as TOML")


def to_toml(data: dict) -> str:
    """A run configuration dict as TOML (tables and arrays of tables one level deep)."""
    lines = []
    for section, body in data.items():
        if isinstance(body, list) and body and all(isinstance(b, dict) for b in body):
            for item in body:
                lines.append(f"[[{section}]]")
                lines += [f"{json.dumps(k)} = {_toml_value(v)}" for k, v in item.items()]
        else:
            lines.append(f"[{section}]")
            lines += [f"{json.dumps(k)} = {_toml_value(v)}" for k, v in body.items()]
    return "\n".join(lines) + "\n"


def member_configs(sweep_path: Path, folder: Path) -> list[Path]:
    """Write one run configuration per member of the sweep; their paths."""
    from cardiotwin.studies.batch import load_sweep, set_key

    sweep = load_sweep(sweep_path)
    data = tomllib.loads(sweep_path.read_text())
    base_path = (sweep_path.parent / data["base"]).resolve()
    base = tomllib.loads(base_path.read_text())
    for key in ("mesh", "labels"):
        if key in base.get("geometry", {}):
            base["geometry"][key] = str((base_path.parent / base["geometry"][key]).resolve())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for m in sweep.members:
        raw = copy.deepcopy(base)
        for k, v in m.params:
            set_key(raw, k, list(v) if isinstance(v, tuple) else v)
        p = folder / f"{m.id}.toml"
        p.write_text(to_toml(raw))
        paths.append(p)
    return paths


def _timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sweep", default=str(REPO / "examples" / "sweep_gkr_population.toml"))
    ap.add_argument("--np", type=int, default=2, help="MPI ranks of the parallel batch")
    ap.add_argument("--workdir", default="batch-bench")
    args = ap.parse_args()
    sweep, work = Path(args.sweep).resolve(), Path(args.workdir).resolve()
    configs = member_configs(sweep, work / "configs")
    print(f"{len(configs)} members; one by one ...", file=sys.stderr)
    t_one = _timed(["bash", "-c", " && ".join(
        f"{BIN / 'cardiotwin'} -q run {c} -o {work / 'one_by_one' / c.stem} --overwrite"
        for c in configs)])
    print(f"  {t_one:.1f} s; batch on 1 rank ...", file=sys.stderr)
    t_b1 = _timed([str(BIN / "cardiotwin"), "batch", str(sweep), "-o", str(work / "batch1"),
                   "--overwrite", "--quiet"])
    print(f"  {t_b1:.1f} s; batch on {args.np} ranks ...", file=sys.stderr)
    t_bn = _timed([str(BIN / "mpiexec"), "-n", str(args.np), str(BIN / "cardiotwin"), "batch",
                   str(sweep), "-o", str(work / f"batch{args.np}"), "--overwrite", "--quiet"])
    # the same members give the same numbers whichever way they ran
    worst = 0.0
    for c in configs:
        a = json.loads((work / "one_by_one" / c.stem / "summary.json").read_text())
        b = json.loads((work / f"batch{args.np}" / "members" / c.stem / "summary.json")
                       .read_text())
        for k in ("total_activation_ms", "apd90_mean_ms"):
            if a[k] is not None and b[k] is not None:
                worst = max(worst, abs(a[k] - b[k]))
    emit({
        "benchmark": "batch_throughput",
        "sweep": str(sweep),
        "members": len(configs),
        "wall_s": {"one_by_one_processes": round(t_one, 1), "batch_1_rank": round(t_b1, 1),
                   f"batch_{args.np}_ranks": round(t_bn, 1)},
        "speedup_vs_one_by_one": round(t_one / t_bn, 2),
        "speedup_vs_batch_1_rank": round(t_b1 / t_bn, 2),
        "max_abs_diff_headline_ms": worst,
    })


if __name__ == "__main__":
    main()
