"""Guccione et al. (1991) transversely isotropic exponential strain energy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cardiotwin.mechanics.material import check_parameters


@dataclass(frozen=True)
class Guccione:
    """Guccione's law, the material of the Land et al. (2015) benchmark.

    Parameters
    ----------
    C_kPa
        Stiffness scale ``C`` (kPa).
    b_f, b_t, b_fs
        Exponents for fibre, transverse and fibre–shear strains (dimensionless).  When
        all three are equal the law is isotropic (``Q = b tr(E^2)``) and needs no fibres.

    Notes
    -----
    .. math::

        W = \\frac{C}{2}\\left(e^{Q} - 1\\right),\\quad
        Q = b_f E_{ff}^2 + b_t\\left(E_{ss}^2 + E_{nn}^2 + 2E_{sn}^2\\right)
            + 2 b_{fs}\\left(E_{fs}^2 + E_{fn}^2\\right)

    with ``E`` the Green–Lagrange strain in the (f, s, n) frame.  ``E`` is the full strain
    in both incompressibility modes, as in the benchmark.

    J. M. Guccione, A. D. McCulloch, L. K. Waldman, "Passive material properties of intact
    ventricular myocardium determined from a cylindrical model", J. Biomech. Eng.
    113:42-55, 1991.  S. Land et al., Proc. R. Soc. A 471:20150641, 2015.
    """

    C_kPa: float = 2.0
    b_f: float = 8.0
    b_t: float = 2.0
    b_fs: float = 4.0

    def __post_init__(self) -> None:
        check_parameters(self, positive=("C_kPa",), nonnegative=("b_f", "b_t", "b_fs"))

    @property
    def isotropic(self) -> bool:
        return self.b_f == self.b_t == self.b_fs

    @property
    def needs_fibres(self) -> bool:
        return not self.isotropic

    def exponent(self, kin: Any) -> Any:
        """``Q`` as a UFL expression."""
        import ufl

        E = kin.E
        if self.isotropic:
            return self.b_f * ufl.inner(E, E)
        f, s, n = kin.direction("f0"), kin.direction("s0"), kin.direction("n0")

        def e(a: Any, b: Any) -> Any:
            return ufl.inner(E * a, b)

        return (self.b_f * e(f, f) ** 2
                + self.b_t * (e(s, s) ** 2 + e(n, n) ** 2 + 2.0 * e(s, n) ** 2)
                + 2.0 * self.b_fs * (e(f, s) ** 2 + e(f, n) ** 2))

    def strain_energy(self, kin: Any) -> Any:
        import ufl

        return 0.5 * self.C_kPa * (ufl.exp(self.exponent(kin)) - 1.0)
