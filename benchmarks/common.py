"""Helpers shared by the benchmark scripts: environment record and JSON output."""

from __future__ import annotations

import json
import resource
import sys
from typing import Any


def environment() -> dict[str, Any]:
    """Machine and versions, from :func:`cardiotwin.info.collect`."""
    from cardiotwin.info import collect

    info = collect()
    keep = ("cardiotwin", "python", "numpy", "cpu", "cores", "dolfinx", "petsc", "mpi", "openmp")
    return {k: info.get(k) for k in keep}


def peak_rss_mb() -> float:
    """Peak resident set size of this process, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def emit(result: dict[str, Any], *, rank: int = 0) -> None:
    """Print ``result`` (with the environment added) as one JSON object, on rank 0 only."""
    if rank != 0:
        return
    result = dict(result)
    result.setdefault("environment", environment())
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    sys.stdout.flush()
