"""Holzapfel & Ogden (2009) orthotropic exponential strain energy."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from cardiotwin.exceptions import ConfigError
from cardiotwin.mechanics.material import check_parameters


@dataclass(frozen=True)
class HolzapfelOgden:
    """The orthotropic law of Holzapfel & Ogden (2009), the default myocardium.

    Parameters
    ----------
    a_kPa, b
        Isotropic (matrix) stiffness (kPa) and exponent.
    a_f_kPa, b_f
        Fibre family.
    a_s_kPa, b_s
        Sheet family.
    a_fs_kPa, b_fs
        Fibre–sheet coupling.
    fibres_in_compression
        When false (default) the fibre and sheet terms act only in extension
        (``I4 > 1``), as proposed by Holzapfel & Ogden: collagen fibres buckle.

    Notes
    -----
    .. math::

        W = \\frac{a}{2b}\\left(e^{b(I_1-3)}-1\\right)
          + \\sum_{i=f,s}\\frac{a_i}{2b_i}\\left(e^{b_i (I_{4i}-1)_+^2}-1\\right)
          + \\frac{a_{fs}}{2b_{fs}}\\left(e^{b_{fs} I_{8fs}^2}-1\\right)

    ``I1`` is the isochoric invariant in the nearly incompressible formulation (see
    :class:`~cardiotwin.mechanics.kinematics.Kinematics`).  Defaults: Table 1 of the
    paper (the orthotropic fit to shear tests on porcine myocardium);
    :meth:`transversely_isotropic` is the paper's transversely isotropic fit to the same
    data (no sheet terms, a stiffer matrix and softer fibres), the usual choice for whole
    ventricles with active stress along the fibres.

    G. A. Holzapfel, R. W. Ogden, "Constitutive modelling of passive myocardium: a
    structurally based framework for material characterization", Phil. Trans. R. Soc. A
    367:3445-3475, 2009.
    """

    a_kPa: float = 0.059
    b: float = 8.023
    a_f_kPa: float = 18.472
    b_f: float = 16.026
    a_s_kPa: float = 2.481
    b_s: float = 11.120
    a_fs_kPa: float = 0.216
    b_fs: float = 11.436
    fibres_in_compression: bool = False

    def __post_init__(self) -> None:
        check_parameters(self, positive=("b", "b_f", "b_s", "b_fs"),
                         nonnegative=("a_kPa", "a_f_kPa", "a_s_kPa", "a_fs_kPa"))

    @classmethod
    def transversely_isotropic(cls, *, fibres_in_compression: bool = False
                               ) -> HolzapfelOgden:
        """The transversely isotropic fit of Holzapfel & Ogden (2009, Table 1):
        ``a = 2.280 kPa, b = 9.726, a_f = 1.685 kPa, b_f = 15.779``, no sheet or
        fibre-sheet terms."""
        return cls(a_kPa=2.280, b=9.726, a_f_kPa=1.685, b_f=15.779, a_s_kPa=0.0, b_s=1.0,
                   a_fs_kPa=0.0, b_fs=1.0, fibres_in_compression=fibres_in_compression)

    def scaled(self, factor: float, *, exponent_factor: float = 1.0) -> HolzapfelOgden:
        """The same law with every stiffness ``a`` multiplied by ``factor`` (> 0) and
        every exponent ``b`` by ``exponent_factor`` (> 0).

        ``factor`` is the material scale fitted to a patient's end-diastolic
        pressure-volume point; ``exponent_factor`` changes only how fast the law stiffens
        (the small-strain stiffness ``a/2`` of each term does not depend on ``b``), the
        second parameter of a fit to a whole EDPVR (e.g. Klotz's shape and its unloaded
        volume, :mod:`cardiotwin.mechanics.edpvr`)."""
        for name, f in (("factor", factor), ("exponent_factor", exponent_factor)):
            if not (isinstance(f, int | float) and 0 < f < float("inf")):
                raise ConfigError(f"HolzapfelOgden.scaled: {name} = {f!r}, expected a "
                                  "finite number > 0")
        e = exponent_factor
        return replace(self, a_kPa=self.a_kPa * factor, a_f_kPa=self.a_f_kPa * factor,
                       a_s_kPa=self.a_s_kPa * factor, a_fs_kPa=self.a_fs_kPa * factor,
                       b=self.b * e, b_f=self.b_f * e, b_s=self.b_s * e, b_fs=self.b_fs * e)

    @property
    def needs_fibres(self) -> bool:
        return True

    def strain_energy(self, kin: Any) -> Any:
        import ufl

        def stretch_term(a: float, b: float, i4: Any) -> Any:
            e = i4 - 1.0
            if not self.fibres_in_compression:
                e = ufl.conditional(ufl.gt(e, 0.0), e, 0.0)
            return a / (2.0 * b) * (ufl.exp(b * e**2) - 1.0)

        w = self.a_kPa / (2.0 * self.b) * (ufl.exp(self.b * (kin.I1 - 3.0)) - 1.0)
        w += stretch_term(self.a_f_kPa, self.b_f, kin.I4("f0"))
        w += stretch_term(self.a_s_kPa, self.b_s, kin.I4("s0"))
        w += self.a_fs_kPa / (2.0 * self.b_fs) * (ufl.exp(self.b_fs * kin.I8("f0", "s0") ** 2)
                                                  - 1.0)
        return w
