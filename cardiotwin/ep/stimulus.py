"""Stimuli: a region (where) and pacing protocols (when and how strong).

Regions are those of :mod:`cardiotwin.geometry.regions` (they select mesh vertices: the
ionic states live at the P1 dofs); protocols are :class:`cardiotwin.ionic.protocol.Protocol`
pulse trains.  Amplitudes are positive numbers meaning *depolarising*; the solver passes
them to the kernels with the Hodgkin–Huxley sign (``dV/dt = -(I_ion + I_stim)``, see
:mod:`cardiotwin.units`).  A stimulus is plain frozen data so that scenarios (pacing
leads, programmed stimulation) can build and transform it; anything with ``region``,
``name``, ``end_ms`` and ``amplitude_at(t, chi, Cm)`` can stand in for one (a pacemaker's
electrodes do).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import check_region
from cardiotwin.ionic.protocol import Protocol


@dataclass(frozen=True)
class Stimulus:
    """A region and one or more protocols applied to it.

    Parameters
    ----------
    region
        Where (a region of :mod:`cardiotwin.geometry.regions`).
    protocols
        When and how strong: one :class:`~cardiotwin.ionic.protocol.Protocol` or several
        (e.g. an S1 train and an S2, :func:`~cardiotwin.ionic.protocol.s1s2`).
    name
        A label for messages and outputs.
    """

    region: Any
    protocols: tuple[Protocol, ...] = field(default_factory=lambda: (Protocol(),))
    name: str = "stimulus"

    def __post_init__(self) -> None:
        check_region(f"Stimulus {self.name!r} region", self.region)
        if isinstance(self.protocols, Protocol):
            object.__setattr__(self, "protocols", (self.protocols,))
        object.__setattr__(self, "protocols", tuple(self.protocols))
        if not self.protocols:
            raise ConfigError(f"Stimulus {self.name!r} has no protocol")
        for p in self.protocols:
            if not isinstance(p, Protocol):
                raise ConfigError(f"Stimulus {self.name!r}: {p!r} is not a Protocol")

    def amplitude_at(self, t_ms: float, chi_per_mm: float, cm_uF_per_mm2: float) -> float:
        """Depolarising current (µA/µF, positive) at ``t_ms``; 0 between pulses."""
        return sum(p.amplitude_uA_per_uF(chi_per_mm, cm_uF_per_mm2)
                   for p in self.protocols if p.is_on(t_ms))

    @property
    def end_ms(self) -> float:
        """End of the last pulse (ms)."""
        return max(p.end_ms for p in self.protocols)
