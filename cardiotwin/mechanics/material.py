"""What a hyperelastic material is to the mechanics solver, and the shared parameter check.

A material is a small frozen dataclass (validated in ``__post_init__``) with a
``strain_energy(kin)`` method returning the strain-energy density ``W`` (kPa) as a UFL
expression of a :class:`~cardiotwin.mechanics.kinematics.Kinematics`.  The
incompressibility treatment (``- p (J - 1)`` or a volumetric penalty) is added by the
problem, not by the material.
"""

from __future__ import annotations

import math
from typing import Any, Protocol, runtime_checkable

from cardiotwin.exceptions import ConfigError


@runtime_checkable
class Material(Protocol):
    """A hyperelastic strain-energy density function."""

    def strain_energy(self, kin: Any) -> Any:
        """``W`` (kPa) as a UFL expression of the kinematics ``kin``."""
        ...

    @property
    def needs_fibres(self) -> bool:
        """True if ``W`` depends on the fibre/sheet/normal directions."""
        ...


def check_parameters(obj: Any, *, positive: tuple[str, ...] = (),
                     nonnegative: tuple[str, ...] = ()) -> None:
    """Raise :class:`ConfigError` naming the field if a parameter is out of range."""
    cls = type(obj).__name__
    for name in positive:
        v = getattr(obj, name)
        if not (isinstance(v, int | float) and math.isfinite(v) and v > 0):
            raise ConfigError(f"{cls}.{name} = {v!r}: expected a finite number > 0")
    for name in nonnegative:
        v = getattr(obj, name)
        if not (isinstance(v, int | float) and math.isfinite(v) and v >= 0):
            raise ConfigError(f"{cls}.{name} = {v!r}: expected a finite number >= 0")
