"""Tissue conductivities: values, bidomain-equivalent monodomain, and the UFL tensor.

Conductivities are in S/m, numerically equal to mS/mm (see :mod:`cardiotwin.units`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.fibres import Fibres


@dataclass(frozen=True)
class Conductivity:
    """Orthotropic conductivity along fibre, sheet and sheet-normal directions (S/m).

    ``sigma_n`` defaults to ``sigma_s`` (transverse isotropy).
    """

    sigma_f: float
    sigma_s: float
    sigma_n: float | None = None

    def __post_init__(self) -> None:
        if self.sigma_n is None:
            object.__setattr__(self, "sigma_n", self.sigma_s)
        for name in ("sigma_f", "sigma_s", "sigma_n"):
            v = getattr(self, name)
            if not np.isfinite(v) or v < 0:
                raise ConfigError(f"Conductivity.{name} = {v!r} S/m is invalid: expected a "
                                  "finite value >= 0")

    @classmethod
    def isotropic(cls, sigma: float) -> Conductivity:
        """The same value in every direction (S/m)."""
        return cls(sigma, sigma, sigma)

    @property
    def is_isotropic(self) -> bool:
        return self.sigma_f == self.sigma_s == self.sigma_n

    @property
    def values(self) -> tuple[float, float, float]:
        return (self.sigma_f, self.sigma_s, float(self.sigma_n))  # type: ignore[arg-type]

    def scaled(self, factor: float) -> Conductivity:
        return Conductivity(*(factor * v for v in self.values))


def bidomain_equivalent(intra: Conductivity, extra: Conductivity) -> Conductivity:
    """Monodomain conductivity equivalent to a bidomain pair: ``σi σe / (σi + σe)`` per axis.

    Notes
    -----
    The harmonic-mean form is exact for planar waves along each principal axis
    (e.g. Niederer et al. 2011, Phil Trans R Soc A 369:4331; Potse et al. 2006).
    """
    vals = []
    for gi, ge in zip(intra.values, extra.values, strict=True):
        vals.append(0.0 if gi + ge == 0 else gi * ge / (gi + ge))
    return Conductivity(*vals)


#: Niederer et al. 2011 benchmark values (S/m): intra/extra, fibre and cross-fibre.
NIEDERER_INTRA = Conductivity(0.17, 0.019, 0.019)
NIEDERER_EXTRA = Conductivity(0.62, 0.24, 0.24)


def conductivity_tensor(mesh: Any, conductivity: Conductivity, *, fibres: Fibres | None = None,
                        cell_tags: Any = None,
                        region_conductivity: Mapping[int, Conductivity] | None = None,
                        scaling: Any = None) -> Any:
    """UFL conductivity tensor (S/m) on ``mesh``.

    Parameters
    ----------
    mesh
        dolfinx mesh.
    conductivity
        Default values everywhere.
    fibres
        Directions; required unless every conductivity is isotropic.  Constant tuples
        (e.g. ``(1, 0, 0)``) are fine for slabs.
    cell_tags, region_conductivity
        Per-region values: cells whose tag is a key get that :class:`Conductivity`.
    scaling
        Optional scalar dolfinx Function (DG0 or P1) multiplying the tensor (scar, lesions:
        0 = non-conducting, border zones: fractions).

    Returns
    -------
    ufl.core.expr.Expr
        A gdim x gdim tensor expression.
    """
    import ufl

    from cardiotwin._deps import require_dolfinx

    dolfinx = require_dolfinx()
    gdim = mesh.geometry.dim
    regions = dict(region_conductivity or {})
    if regions and cell_tags is None:
        raise ConfigError("region_conductivity was given without the cell_tags it refers to")
    all_iso = conductivity.is_isotropic and all(c.is_isotropic for c in regions.values())

    def _field(index: int) -> Any:
        if not regions:
            return dolfinx.fem.Constant(mesh, dolfinx.default_scalar_type(
                conductivity.values[index]))
        V0 = dolfinx.fem.functionspace(mesh, ("DG", 0))
        fn = dolfinx.fem.Function(V0, name=f"sigma_{'fsn'[index]}")
        fn.x.array[:] = conductivity.values[index]
        for tag, cond in regions.items():
            cells = cell_tags.find(tag)
            fn.x.array[cells] = cond.values[index]
        fn.x.scatter_forward()
        return fn

    if all_iso:
        sigma = _field(0) * ufl.Identity(gdim)
    else:
        if fibres is None:
            raise ConfigError("anisotropic conductivity needs fibre directions (fibres=...)")

        def _vec(v: Any) -> Any:
            if v is None:
                return None
            if isinstance(v, tuple | list | np.ndarray):
                arr = np.asarray(v, dtype=float)[:gdim]
                return ufl.as_vector([float(c) for c in arr / np.linalg.norm(arr)])
            return v

        f0, s0, n0 = _vec(fibres.f0), _vec(fibres.s0), _vec(fibres.n0)
        sf, ss, sn = _field(0), _field(1), _field(2)
        if s0 is None:
            trans = [conductivity, *regions.values()]
            if any(c.sigma_s != c.sigma_n for c in trans):
                raise ConfigError("sigma_s != sigma_n needs sheet directions (fibres.s0)")
            sigma = ss * ufl.Identity(gdim) + (sf - ss) * ufl.outer(f0, f0)
        else:
            if n0 is None:
                n0 = ufl.cross(f0, s0)
            sigma = sf * ufl.outer(f0, f0) + ss * ufl.outer(s0, s0) + sn * ufl.outer(n0, n0)
    if scaling is not None:
        sigma = scaling * sigma
    return sigma


def scale_tagged_conductivity(geo: Any, cell_tag: str, factor: float,
                              scaling: Any | None = None) -> Any:
    """Multiply a cell-wise (DG0) conductivity scaling by ``factor`` on the cells tagged
    ``cell_tag`` (e.g. ``"lv-myocardium"`` for a diseased LV: conduction velocity goes
    roughly as the square root of the factor).

    Parameters
    ----------
    geo
        A geometry with ``mesh``, ``cell_tags`` and ``cell_tag_ids``.
    cell_tag
        Name of the cell tag.
    factor
        Conductivity multiplier, > 0.
    scaling
        The DG0 scaling to multiply; a new one (1 everywhere) when ``None``.

    Returns
    -------
    dolfinx.fem.Function
        The scaling (``scaling`` itself when given).
    """
    if not (np.isfinite(factor) and factor > 0.0):
        raise ConfigError(f"conductivity factor of {cell_tag!r} = {factor!r}: expected a "
                          "finite number > 0")
    if cell_tag not in geo.cell_tag_ids:
        raise ConfigError(f"no cell tag {cell_tag!r} to scale the conductivity of; the "
                          f"geometry has {sorted(geo.cell_tag_ids)}")
    if scaling is None:
        from dolfinx import fem

        scaling = fem.Function(fem.functionspace(geo.mesh, ("DG", 0)),
                               name="conductivity_scaling")
        scaling.x.array[:] = 1.0
    scaling.x.array[geo.cell_tags.find(geo.cell_tag_ids[cell_tag])] *= factor
    scaling.x.scatter_forward()
    return scaling
