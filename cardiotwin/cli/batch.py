"""``cardiotwin batch SWEEP.toml -o DIR``: a cohort of run variants over MPI ranks."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from cardiotwin._mpi import rank_from_env
from cardiotwin.cli._common import emit


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin batch``."""
    parser.add_argument("sweep", help="sweep file (TOML): base configuration and variants")
    parser.add_argument("-o", "--output", required=True, help="batch folder")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace an existing batch folder (also one of another sweep)")
    parser.add_argument("--ranks-per-member", type=int, default=None,
                        help="MPI ranks per member (overrides the sweep file)")
    parser.add_argument("--quiet", dest="batch_quiet", action="store_true",
                        help="no progress output, only errors and the final line")
    parser.add_argument("--json", action="store_true",
                        help="print the batch summary as JSON")
    parser.add_argument("--member", default=None, metavar="I",
                        help="run only this member (index or id): one task of a job array")
    parser.add_argument("--collect", action="store_true",
                        help="only write results.csv from the members' records")
    parser.add_argument("--slurm-array", action="store_true",
                        help="write OUTPUT/batch.sbatch (a job array, one member per task) and "
                             "OUTPUT/collect.sbatch instead of running")
    parser.add_argument("--time", default="04:00:00", help="SLURM time limit per member")
    parser.add_argument("--max-parallel", type=int, default=None,
                        help="SLURM array throttle: members running at once")


def run(args: argparse.Namespace) -> int:
    """Run (or continue) the batch; exit status 1 if a member failed."""
    from cardiotwin.studies.batch import (
        collect_results,
        load_sweep,
        member_index,
        run_batch,
        slurm_array_script,
    )

    sweep = load_sweep(args.sweep)  # validated on every rank before any collective
    if args.slurm_array:
        path = None
        if rank_from_env() == 0:
            path = slurm_array_script(sweep, args.output, ranks_per_member=args.ranks_per_member,
                                      time_limit=args.time, max_parallel=args.max_parallel)
        emit(args, {"array_script": str(path), "members": len(sweep.members)},
             [f"cardiotwin batch: wrote {path} ({len(sweep.members)} array tasks); submit with",
              f"  jid=$(sbatch --parsable {path}) && sbatch --dependency=afterany:$jid "
              f"{Path(str(path)).with_name('collect.sbatch')}"])
        return 0
    if args.collect:
        if rank_from_env() == 0:
            path, rows = collect_results(sweep, args.output)
            done = sum(r["status"] == "done" for r in rows)
            emit(args, {"results": str(path), "done": done, "members": len(rows)},
                 [f"cardiotwin batch: {done}/{len(rows)} members done; results in {path}"])
        return 0
    only = member_index(sweep, args.member) if args.member is not None else None
    quiet = args.quiet or args.batch_quiet or args.json
    rank = rank_from_env()
    if quiet or rank != 0:  # members' warnings stay in their run.log
        for h in logging.getLogger("cardiotwin").handlers:
            h.setLevel(logging.ERROR)
    result = run_batch(sweep, args.output, overwrite=args.overwrite,
                       ranks_per_member=args.ranks_per_member, progress=not quiet, only=only)
    emit(args, {k: v for k, v in result.items() if k != "rows"},
         [f"cardiotwin batch: {result['members']} members ({len(result['ran'])} run, "
          f"{len(result['skipped'])} skipped, {len(result['failed'])} failed) on "
          f"{result['groups']} group(s) in {result['wall_s']} s; results in "
          f"{result['results']}"])
    if result["failed"]:
        if rank == 0:
            print(f"cardiotwin batch: members {', '.join(result['failed'])} failed (see their "
                  "failed.json); rerun the same command to retry them", file=sys.stderr)
        return 1
    return 0
