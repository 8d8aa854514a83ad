"""Finite-strain kinematics in UFL: deformation gradient, strain tensors, invariants.

Every quantity is a UFL expression of the displacement ``u`` (mm) on the reference
configuration; the materials (:mod:`~cardiotwin.mechanics.guccione`,
:mod:`~cardiotwin.mechanics.holzapfel_ogden`, :mod:`~cardiotwin.mechanics.neo_hookean`)
read what they need from a :class:`Kinematics`.

Notes
-----
``F = I + Grad u``, ``J = det F``, ``C = F^T F``, ``E = (C - I)/2`` (Green–Lagrange).
The isochoric part is ``C_bar = J^(-2/3) C``.  The material directions are made an
orthonormal frame pointwise (Gram–Schmidt in the order ``f0, s0, n0``): a P1 interpolant
of orthonormal vertex frames is neither unit nor orthogonal between the vertices, and a
coupling invariant ``I8fs = f0·C s0`` that is not zero in the reference state puts a
spurious stress there (Holzapfel–Ogden: ``a_fs exp(b_fs I8²)``, thousands of kPa where
the rule-based fibres turn fast).  So ``I4f = f0·C f0`` is the squared fibre stretch,
``E_ff = f0·E f0`` the fibre strain, and the reference state is stress-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def unit(vector: Any) -> Any:
    """``vector / |vector|`` in UFL (a zero vector is left at zero)."""
    import ufl

    norm = ufl.sqrt(ufl.dot(vector, vector))
    return ufl.conditional(ufl.gt(norm, 1e-12), vector / norm, vector)


@dataclass(frozen=True)
class OrthonormalFrame:
    """Fibre, sheet and normal directions made orthonormal pointwise (UFL).

    A P1 interpolant of an orthonormal frame is neither unit nor orthogonal between the
    vertices; on a coarse mesh, where the helix angle turns by tens of degrees from one
    vertex to the next across the wall, ``f0 . s0`` reaches 0.5 and more at quadrature
    points, and the exponential shear term of Holzapfel-Ogden (``I8fs``) then puts a
    large stress in the undeformed body.  Gram-Schmidt at every point:
    ``f = f0/|f0|``, ``s = unit(s0 - (s0.f) f)``, ``n = f x s``.

    Use: ``MechanicsProblem(..., fibres=OrthonormalFrame.of(geometry.fibres))``.
    """

    f0: Any
    s0: Any
    n0: Any

    @classmethod
    def of(cls, fibres: Any) -> OrthonormalFrame:
        """The orthonormalised frame of anything with ``f0`` and ``s0`` attributes."""
        import ufl

        f = unit(fibres.f0)
        s = unit(fibres.s0 - ufl.dot(fibres.s0, f) * f)
        return cls(f, s, ufl.cross(f, s))


@dataclass(frozen=True)
class Kinematics:
    """The strain measures of a deformation, as UFL expressions.

    Parameters
    ----------
    F
        Deformation gradient (a 3x3 UFL expression; see :meth:`from_displacement`).
        Wrap it in ``ufl.variable`` to differentiate an energy with respect to it.
    f0, s0, n0
        Fibre, sheet and sheet-normal directions (UFL vectors, orthonormalised here), or
        ``None`` for an isotropic material.
    isochoric_isotropic
        When true the isotropic invariant :attr:`I1` is the isochoric ``J^(-2/3) tr C``
        (nearly incompressible formulation: the volumetric response then comes from the
        penalty alone and the stress vanishes in the reference state); when false it is
        ``tr C`` (exactly incompressible: ``J = 1`` is imposed by the pressure field).
    """

    F: Any
    f0: Any = None
    s0: Any = None
    n0: Any = None
    isochoric_isotropic: bool = False

    @classmethod
    def from_displacement(cls, u: Any, *, f0: Any = None, s0: Any = None, n0: Any = None,
                          isochoric_isotropic: bool = False) -> Kinematics:
        """Kinematics of the displacement ``u`` (mm): ``F = I + Grad u``."""
        import ufl

        F = ufl.Identity(u.ufl_shape[0]) + ufl.grad(u)
        return cls(F, f0, s0, n0, isochoric_isotropic)

    @property
    def dim(self) -> int:
        return self.F.ufl_shape[0]

    @property
    def J(self) -> Any:
        import ufl

        return ufl.det(self.F)

    @property
    def C(self) -> Any:
        """Right Cauchy–Green tensor ``F^T F``."""
        F = self.F
        return F.T * F

    @property
    def E(self) -> Any:
        """Green–Lagrange strain ``(C - I) / 2``."""
        import ufl

        return 0.5 * (self.C - ufl.Identity(self.dim))

    @property
    def I1(self) -> Any:
        """First invariant used by isotropic terms (isochoric when compressible)."""
        import ufl

        i1 = ufl.tr(self.C)
        if self.isochoric_isotropic:
            return self.J ** (-2.0 / 3.0) * i1
        return i1

    def direction(self, name: str) -> Any:
        """The material direction ``"f0"``, ``"s0"`` or ``"n0"`` of the orthonormal frame
        (Gram–Schmidt in that order; see the module notes)."""
        import ufl

        order = ("f0", "s0", "n0")
        vec = getattr(self, name)
        if vec is None:
            from cardiotwin.exceptions import ConfigError

            raise ConfigError(f"this material needs the {name} direction field; pass fibres "
                              "(f0, s0, n0) to the mechanics problem")
        for prev in order[: order.index(name)]:
            if getattr(self, prev) is not None:
                e = self.direction(prev)
                vec = vec - ufl.dot(vec, e) * e
        return unit(vec)

    def I4(self, name: str = "f0") -> Any:
        """Squared stretch along a material direction, ``a0 · C a0``."""
        import ufl

        a = self.direction(name)
        return ufl.inner(self.C * a, a)

    def I8(self, a_name: str = "f0", b_name: str = "s0") -> Any:
        """Coupling invariant ``a0 · C b0``."""
        import ufl

        a, b = self.direction(a_name), self.direction(b_name)
        return ufl.inner(self.C * a, b)

    def fibre_strain(self) -> Any:
        """Green–Lagrange fibre strain ``E_ff = f0 · E f0``."""
        import ufl

        f = self.direction("f0")
        return ufl.inner(self.E * f, f)
