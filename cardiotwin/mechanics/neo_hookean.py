"""Neo-Hookean strain energy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cardiotwin.mechanics.material import check_parameters


@dataclass(frozen=True)
class NeoHookean:
    """Isotropic neo-Hookean solid, ``W = mu/2 (I1 - 3)``.

    Parameters
    ----------
    mu_kPa
        Shear modulus (kPa).

    Notes
    -----
    ``I1`` is ``tr C`` in the exactly incompressible formulation and the isochoric
    ``J^(-2/3) tr C`` in the nearly incompressible one.  Incompressible uniaxial
    response: ``sigma_11 = mu (lambda^2 - 1/lambda)``.
    """

    mu_kPa: float = 10.0

    def __post_init__(self) -> None:
        check_parameters(self, positive=("mu_kPa",))

    @property
    def needs_fibres(self) -> bool:
        return False

    def strain_energy(self, kin: Any) -> Any:
        return 0.5 * self.mu_kPa * (kin.I1 - 3.0)
