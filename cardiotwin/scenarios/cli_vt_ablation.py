"""``cardiotwin demo vt-ablation``: scar-related VT induced, isthmus ablated, re-tested.

Examples::

    cardiotwin demo vt-ablation --json
    mpiexec -n 2 cardiotwin demo vt-ablation --json
"""

from __future__ import annotations

import argparse
import json
import sys


def _floats(text: str) -> tuple[float, ...]:
    try:
        return tuple(float(x) for x in text.split(",") if x.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers like 240,220, got {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin demo vt-ablation`` (no heavy imports)."""
    parser.add_argument("--s2", type=_floats, default=None,
                        help="S2 coupling intervals to try, ms, decreasing (default: the "
                             "scenario's 200,180,160,140)")
    parser.add_argument("--s3", type=float, default=None,
                        help="add an S3 extrastimulus at this coupling interval after S2, ms")
    parser.add_argument("--h", type=float, default=None, help="element size, mm (0.5)")
    parser.add_argument("--dt", type=float, default=None, help="time step, ms (0.1)")
    parser.add_argument("--persist", type=float, default=None,
                        help="activity after the last stimulus that counts as sustained "
                             "re-entry, ms (550, ~2.5 cycle lengths)")
    parser.add_argument("-o", "--output", default="cardiotwin-vt-ablation",
                        help="folder for the activation map PNG (default "
                             "./cardiotwin-vt-ablation)")
    parser.add_argument("--json", action="store_true", help="print JSON (rank 0)")


def run(args: argparse.Namespace) -> int:
    """Run the scenario; print a summary (or JSON) on rank 0."""
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from dataclasses import replace

    from mpi4py import MPI

    from cardiotwin.scenarios.vt_ablation import IsthmusSheet, vt_ablation

    changes: dict = {}
    for key, attr in (("s2_couplings_ms", "s2"), ("s3_coupling_ms", "s3"), ("h_mm", "h"),
                      ("dt_ms", "dt"), ("persist_ms", "persist")):
        if getattr(args, attr) is not None:
            changes[key] = getattr(args, attr)
    sheet = replace(IsthmusSheet(), **changes)
    comm = MPI.COMM_WORLD
    out = vt_ablation(comm, sheet, outdir=args.output)
    if comm.rank == 0:
        if args.json:
            json.dump(out, sys.stdout, indent=1)
            sys.stdout.write("\n")
        else:
            cl = out["cycle_length_ms"]
            before = "induced" if out["reentry_before"] else "not induced"
            print(f"before ablation: re-entry {before}"
                  + (f" (S2 {out['s2_coupling_ms']:g} ms, cycle length {cl:.1f} ms)"
                     if out["reentry_before"] else ""))
            print(f"after ablation ({out['lesion_volume_mm3']:.1f} mm^3 lesion): re-entry "
                  f"{'induced' if out['reentry_after'] else 'not inducible'} (S2 tried: "
                  f"{', '.join(f'{c:g}' for c in out['s2_tried_after_ms'])} ms)")
            if "activation_png" in out:
                print(f"activation map of the re-entry: {out['activation_png']}")
            print(f"wall time {out['wall_s']:.1f} s on {out['ranks']} rank(s)")
    return 0
