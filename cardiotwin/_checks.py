"""Validation helpers for the ``__post_init__`` of parameter dataclasses.

Each returns the checked value (converted) or raises :class:`ConfigError` with a message
that names the field, the value and what is allowed.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError


def number(what: str, value: Any) -> float:
    """A finite float."""
    if isinstance(value, bool):
        raise ConfigError(f"{what} = {value!r}: expected a number")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{what} = {value!r}: expected a number") from None
    if not math.isfinite(v):
        raise ConfigError(f"{what} = {value!r}: expected a finite number")
    return v


def positive(what: str, value: Any, *, allow_zero: bool = False) -> float:
    """A finite float > 0 (or >= 0 with ``allow_zero``)."""
    v = number(what, value)
    if v < 0 or (v == 0 and not allow_zero):
        raise ConfigError(f"{what} = {value!r}: expected a finite number "
                          f"{'>= 0' if allow_zero else '> 0'}")
    return v


def integer(what: str, value: Any, *, minimum: int = 0) -> int:
    """An integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer) \
            or int(value) != value or value < minimum:
        raise ConfigError(f"{what} = {value!r}: expected an integer >= {minimum}")
    return int(value)


def vec3(what: str, value: Any, *, unit: str = "mm") -> tuple[float, float, float]:
    """Three finite floats (a point or a direction)."""
    try:
        a = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        a = np.zeros(0)
    if a.shape != (3,) or not np.all(np.isfinite(a)):
        raise ConfigError(f"{what} = {value!r}: expected 3 finite numbers ({unit})")
    return (float(a[0]), float(a[1]), float(a[2]))


def choice(what: str, value: Any, allowed: tuple[str, ...]) -> str:
    """One of ``allowed``."""
    if value not in allowed:
        raise ConfigError(f"{what} = {value!r}: expected one of {', '.join(map(repr, allowed))}")
    return str(value)
