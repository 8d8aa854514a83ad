"""Helpers shared by the subcommands: number lists, rank-0 output, strict JSON."""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from cardiotwin._mpi import rank_from_env


def floats(text: str) -> tuple[float, ...]:
    """``"-40,0,40"`` -> ``(-40.0, 0.0, 40.0)`` (an argparse ``type``)."""
    try:
        return tuple(float(x) for x in text.split(",") if x.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated numbers like 1,2.5,10, "
                                         f"got {text!r}") from None


def _finite(obj: Any) -> Any:
    """A copy with every non-finite float replaced by None (JSON has no NaN/Infinity)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    if hasattr(obj, "item") and hasattr(obj, "dtype"):  # numpy scalars
        return _finite(obj.item())
    if hasattr(obj, "tolist"):  # numpy arrays
        return _finite(obj.tolist())
    return obj


def dumps(obj: Any) -> str:
    """Strict JSON (``allow_nan=False``): a missing value is ``null``, never ``NaN``."""
    return json.dumps(_finite(obj), indent=2, default=str, allow_nan=False)


def emit(args: argparse.Namespace, payload: Any, lines: list[str] | None = None) -> None:
    """On MPI rank 0: print ``payload`` as JSON with ``--json``, else the text ``lines``."""
    if rank_from_env() != 0:
        return
    if getattr(args, "json", False):
        sys.stdout.write(dumps(payload) + "\n")
    else:
        for line in lines or []:
            sys.stdout.write(line + "\n")
    sys.stdout.flush()
