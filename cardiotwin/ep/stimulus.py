"""Stimulus regions and pacing protocols.

A :class:`Stimulus` is a region (where) and a :class:`Protocol` (when and how strong).
Regions select mesh vertices (the ionic states live at the P1 dofs); protocols give the
current at a time.  Amplitudes are positive numbers meaning *depolarising*; the solver
passes them to the kernels with the Hodgkin–Huxley sign (``dV/dt = -(I_ion + I_stim)``,
see :mod:`cardiotwin.units`).  Both are plain frozen data so that scenarios (pacing leads,
programmed stimulation) can build and transform them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic.protocol import Protocol


def _positive(name: str, value: float, *, allow_zero: bool = False) -> None:
    ok = value >= 0 if allow_zero else value > 0
    if not np.isfinite(value) or not ok:
        rel = ">= 0" if allow_zero else "> 0"
        raise ConfigError(f"{name} = {value!r} is invalid: expected a finite number {rel}")


# --------------------------------------------------------------------------- regions
@dataclass(frozen=True)
class Box:
    """Axis-aligned box ``lower <= x <= upper`` (mm), bounds inclusive."""

    lower_mm: tuple[float, float, float]
    upper_mm: tuple[float, float, float]

    def __post_init__(self) -> None:
        lo, hi = np.asarray(self.lower_mm, float), np.asarray(self.upper_mm, float)
        if lo.shape != (3,) or hi.shape != (3,) or np.any(hi < lo):
            raise ConfigError(f"Box bounds {self.lower_mm} .. {self.upper_mm} are invalid: "
                              "expected two 3-vectors with upper >= lower (mm)")

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        tol = 1e-9
        lo, hi = np.asarray(self.lower_mm), np.asarray(self.upper_mm)
        return np.all((x >= lo - tol) & (x <= hi + tol), axis=1)


@dataclass(frozen=True)
class Sphere:
    """Ball of ``radius_mm`` around ``centre_mm``."""

    centre_mm: tuple[float, float, float]
    radius_mm: float

    def __post_init__(self) -> None:
        if np.asarray(self.centre_mm).shape != (3,):
            raise ConfigError(f"Sphere centre {self.centre_mm} is not a 3-vector (mm)")
        _positive("Sphere.radius_mm", self.radius_mm)

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        d = x - np.asarray(self.centre_mm)
        return np.einsum("ij,ij->i", d, d) <= self.radius_mm**2 * (1 + 1e-12)


@dataclass(frozen=True)
class VertexSet:
    """Explicit vertex coordinates (mm); selects the mesh vertices within ``tol_mm`` of them."""

    points_mm: tuple[tuple[float, float, float], ...]
    tol_mm: float = 1e-6

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        from scipy.spatial import cKDTree

        tree = cKDTree(np.asarray(self.points_mm, float).reshape(-1, 3))
        d, _ = tree.query(x, k=1)
        return d <= self.tol_mm


@dataclass(frozen=True)
class TaggedRegion:
    """All vertices of the cells (or facets) carrying one of ``tags`` in a meshtags object.

    The solver resolves it against the meshtags passed as ``cell_tags``/``facet_tags``.
    """

    tags: tuple[int, ...]
    entity: str = "cell"  # "cell" or "facet"

    def __post_init__(self) -> None:
        if self.entity not in ("cell", "facet"):
            raise ConfigError(f"TaggedRegion.entity = {self.entity!r}: expected 'cell' or 'facet'")
        if not self.tags:
            raise ConfigError("TaggedRegion.tags is empty: give at least one tag id")




@dataclass(frozen=True)
class Stimulus:
    """A region and one or more protocols applied to it."""

    region: Region
    protocols: tuple[Protocol, ...] = field(default_factory=lambda: (Protocol(),))
    name: str = "stimulus"

    def __post_init__(self) -> None:
        if isinstance(self.protocols, Protocol):
            object.__setattr__(self, "protocols", (self.protocols,))
        if not self.protocols:
            raise ConfigError(f"Stimulus {self.name!r} has no protocol")

    def amplitude_at(self, t_ms: float, chi_per_mm: float, cm_uF_per_mm2: float) -> float:
        """Depolarising current (µA/µF, positive) at ``t_ms``; 0 between pulses."""
        return sum(p.amplitude_uA_per_uF(chi_per_mm, cm_uF_per_mm2)
                   for p in self.protocols if p.is_on(t_ms))

    @property
    def end_ms(self) -> float:
        return max(p.end_ms for p in self.protocols)


@dataclass(frozen=True)
class FieldRange:
    """Vertices where a scalar P1 field lies in ``[lower, upper)`` (e.g. a transmural band).

    ``field`` is a dolfinx Function on the solver's P1 space (or a callable returning the
    value at each given coordinate, ``f(x[n, 3]) -> values[n]``).
    """

    field: object
    lower: float
    upper: float

    def __post_init__(self) -> None:
        if not self.upper > self.lower:
            raise ConfigError(f"FieldRange bounds [{self.lower}, {self.upper}) are empty")


@dataclass(frozen=True)
class Intersection:
    """Vertices selected by every one of ``regions`` (e.g. endocardium AND apical half)."""

    regions: tuple

    def __post_init__(self) -> None:
        if len(self.regions) < 2:
            raise ConfigError("Intersection needs at least two regions")


Region = Box | Sphere | VertexSet | TaggedRegion | FieldRange | Intersection
