"""Active stress: a tension ``T_a`` along the fibres, optionally with a transverse part.

Notes
-----
The active second Piola–Kirchhoff stress is

.. math::

    S_a = T_a\\left[f_0 \\otimes f_0 + \\eta\\,(I - f_0 \\otimes f_0)\\right]

with ``f0`` the (normalised) reference fibre direction and ``eta`` the transverse
fraction (0 for pure fibre tension, as in Problem 3 of Land et al. 2015; Sundnes et al.
2014 discuss ``eta`` around 0.2-0.4).  Its virtual work is
``∫ F S_a : Grad v dX`` (``= ∫ T_a (F f0)·(Grad v f0) dX`` for ``eta = 0``).

``T_a`` (kPa) is a :class:`dolfinx.fem.Function` on a cell-wise constant (DG0) space or a
quadrature space, so a calcium-driven tension model can set it per cell or per
quadrature point; uniform values are just constant arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cardiotwin.exceptions import ConfigError

TENSION_SPACES = ("cell", "quadrature")


@dataclass(frozen=True)
class ActiveStress:
    """Active stress along the fibres.

    Parameters
    ----------
    transverse_fraction
        ``eta`` in [0, 1): the fraction of ``T_a`` acting across the fibres.
    space
        Where ``T_a`` lives: ``"cell"`` (one value per cell, DG0) or ``"quadrature"`` (one
        value per quadrature point of the problem's quadrature degree).
    tension_law
        Optional callable ``law(kin, Ta) -> T`` turning the tension field into the tension
        that acts (a UFL expression, e.g. with the stretch dependence of
        :class:`cardiotwin.mechanics.land.LandTensionLaw`); ``None``: ``Ta`` itself.
    """

    transverse_fraction: float = 0.0
    space: str = "cell"
    tension_law: Any = None

    def __post_init__(self) -> None:
        eta = self.transverse_fraction
        if not (isinstance(eta, int | float) and 0.0 <= eta < 1.0):
            raise ConfigError(f"ActiveStress.transverse_fraction = {eta!r}: expected a number "
                              "in [0, 1)")
        if self.space not in TENSION_SPACES:
            raise ConfigError(f"ActiveStress.space = {self.space!r}: expected one of "
                              f"{', '.join(TENSION_SPACES)}")
        if self.tension_law is not None and not callable(self.tension_law):
            raise ConfigError(f"ActiveStress.tension_law = {self.tension_law!r}: expected a "
                              "callable law(kin, Ta) or None")

    def tension_space(self, mesh: Any, quadrature_degree: int) -> Any:
        """The function space of ``T_a`` on ``mesh``."""
        from dolfinx import fem

        if self.space == "cell":
            return fem.functionspace(mesh, ("DG", 0))
        import basix.ufl

        element = basix.ufl.quadrature_element(mesh.basix_cell(), value_shape=(),
                                               degree=quadrature_degree)
        return fem.functionspace(mesh, element)

    def stress(self, kin: Any, Ta: Any) -> Any:
        """``S_a`` (kPa) as a UFL tensor."""
        import ufl

        if self.tension_law is not None:
            Ta = self.tension_law(kin, Ta)
        f = kin.direction("f0")
        ff = ufl.outer(f, f)
        if self.transverse_fraction == 0.0:
            return Ta * ff
        eta = self.transverse_fraction
        return Ta * (ff + eta * (ufl.Identity(kin.dim) - ff))
