"""Parameters of the lumped circulation models (validated, frozen).

Units at this boundary: volumes in mL, pressures in mmHg, resistances in mmHg·s/mL,
compliances in mL/mmHg, inertances in mmHg·s²/mL, times in ms (converted to the seconds
of the ``circulation`` package when a model is built).

Size scaling: a circulation sized for an adult heart drives a small heart (a phantom, a
child) to the same pressures if every volume-like quantity is multiplied by ``k`` (the
ratio of the heart sizes): volumes and compliances by ``k``, resistances, inertances and
elastances by ``1/k``.  Then pressures are unchanged and flows scale by ``k`` - exactly,
as every equation of the models is linear in (volume, flow) at fixed pressure.
:meth:`WindkesselParameters.scaled` and :meth:`ClosedLoopParameters.scaled` do that.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import Any

from cardiotwin.exceptions import ConfigError


def _positive(owner: str, obj: Any, names: tuple[str, ...], *, allow_zero: bool = False) -> None:
    for name in names:
        v = getattr(obj, name)
        ok = (not isinstance(v, bool) and isinstance(v, int | float) and math.isfinite(v)
              and (v >= 0 if allow_zero else v > 0))
        if not ok:
            raise ConfigError(f"{owner}.{name} = {v!r}: expected a finite number "
                              f"{'>= 0' if allow_zero else '> 0'}")


def _check_scale(k: float) -> float:
    if isinstance(k, bool) or not isinstance(k, int | float) or not (math.isfinite(k) and k > 0):
        raise ConfigError(f"volume scale = {k!r}: expected a finite number > 0")
    return float(k)


@dataclass(frozen=True)
class WindkesselParameters:
    """A single ventricle filled from a constant pressure and ejecting into a 3-element
    Windkessel (characteristic resistance, compliance, peripheral resistance).

    Parameters
    ----------
    R_c_mmHg_s_per_mL
        Characteristic (proximal aortic) resistance.
    R_p_mmHg_s_per_mL
        Peripheral resistance (to a venous pressure of 0 mmHg).
    C_mL_per_mmHg
        Arterial compliance.
    preload_mmHg
        Filling (atrial) pressure.
    R_mitral_mmHg_s_per_mL, R_aortic_mmHg_s_per_mL
        Resistances of the open inflow and outflow valves (closed valves pass nothing).
    arterial_pressure_mmHg
        Initial pressure of the compliance.

    Notes
    -----
    ``Q_in = max(0, (p_preload - p_v) / R_mitral)``; ``Q_out = (p_v - p_c) / (R_aortic +
    R_c)`` while ``p_v > p_c``, else 0; ``dV/dt = Q_in - Q_out``;
    ``C dp_c/dt = Q_out - p_c / R_p`` (``ThreeElementWindkessel`` of the ``circulation``
    package).  Defaults: that package's.
    """

    R_c_mmHg_s_per_mL: float = 0.05
    R_p_mmHg_s_per_mL: float = 1.05
    C_mL_per_mmHg: float = 1.3
    preload_mmHg: float = 8.0
    R_mitral_mmHg_s_per_mL: float = 0.01
    R_aortic_mmHg_s_per_mL: float = 0.01
    arterial_pressure_mmHg: float = 80.0

    def __post_init__(self) -> None:
        _positive("WindkesselParameters", self, tuple(f.name for f in fields(self)
                                                      if f.name != "preload_mmHg"))
        _positive("WindkesselParameters", self, ("preload_mmHg",), allow_zero=True)

    def scaled(self, k: float) -> WindkesselParameters:
        """The same circulation for a heart ``k`` times the volume (module notes)."""
        k = _check_scale(k)
        return replace(self, R_c_mmHg_s_per_mL=self.R_c_mmHg_s_per_mL / k,
                       R_p_mmHg_s_per_mL=self.R_p_mmHg_s_per_mL / k,
                       C_mL_per_mmHg=self.C_mL_per_mmHg * k,
                       R_mitral_mmHg_s_per_mL=self.R_mitral_mmHg_s_per_mL / k,
                       R_aortic_mmHg_s_per_mL=self.R_aortic_mmHg_s_per_mL / k)


@dataclass(frozen=True)
class Chamber:
    """A chamber with a time-varying elastance ``E(t) = E_A f(t) + E_B`` (Blanco &
    Feijóo 2010): contraction over ``TC_ms``, relaxation over ``TR_ms``;
    ``p = E(t) (V - V0)``."""

    EA_mmHg_per_mL: float
    EB_mmHg_per_mL: float
    TC_ms: float
    TR_ms: float
    V0_mL: float

    def __post_init__(self) -> None:
        _positive("Chamber", self, ("EB_mmHg_per_mL", "TC_ms", "TR_ms"))
        _positive("Chamber", self, ("EA_mmHg_per_mL", "V0_mL"), allow_zero=True)

    def scaled(self, k: float) -> Chamber:
        return replace(self, EA_mmHg_per_mL=self.EA_mmHg_per_mL / k,
                       EB_mmHg_per_mL=self.EB_mmHg_per_mL / k, V0_mL=self.V0_mL * k)


@dataclass(frozen=True)
class Compartment:
    """Arterial and venous resistance, compliance and inertance of one circuit."""

    R_AR_mmHg_s_per_mL: float
    C_AR_mL_per_mmHg: float
    R_VEN_mmHg_s_per_mL: float
    C_VEN_mL_per_mmHg: float
    L_AR_mmHg_s2_per_mL: float
    L_VEN_mmHg_s2_per_mL: float

    def __post_init__(self) -> None:
        _positive("Compartment", self, tuple(f.name for f in fields(self)))

    def scaled(self, k: float) -> Compartment:
        return Compartment(self.R_AR_mmHg_s_per_mL / k, self.C_AR_mL_per_mmHg * k,
                           self.R_VEN_mmHg_s_per_mL / k, self.C_VEN_mL_per_mmHg * k,
                           self.L_AR_mmHg_s2_per_mL / k, self.L_VEN_mmHg_s2_per_mL / k)


#: the state of the closed loop (names of the ``circulation`` package)
CLOSED_LOOP_STATES = ("V_LA", "V_LV", "V_RA", "V_RV", "p_AR_SYS", "p_VEN_SYS", "p_AR_PUL",
                      "p_VEN_PUL", "Q_AR_SYS", "Q_VEN_SYS", "Q_AR_PUL", "Q_VEN_PUL")


@dataclass(frozen=True)
class ClosedLoopParameters:
    """The closed-loop circulation of Regazzoni et al. (2022): four chambers, four valves,
    systemic and pulmonary circuits (``Regazzoni2020`` of the ``circulation`` package).

    Parameters
    ----------
    cycle_length_ms
        Heart period (the atria contract once per period).
    atrial_lead_ms
        Onset of atrial contraction before the ventricular activation at the start of each
        period (the PR interval's mechanical counterpart).
    la, ra
        Atrial elastances.
    lv, rv
        Ventricular elastances: used only when the ventricles are the 0-D chambers (a
        circulation run on its own), not with 3-D mechanics.
    systemic, pulmonary
        The two circuits.
    valve_R_min_mmHg_s_per_mL, valve_R_max_mmHg_s_per_mL
        Resistance of an open and a closed valve (smoothly switched on the pressure
        difference).
    initial
        Initial values of some of :data:`CLOSED_LOOP_STATES` (mL, mmHg, mL/s), the
        others from the package's defaults (times the volume scale).

    Notes
    -----
    Defaults: the ``circulation`` package's (Regazzoni et al. 2022, Table 1 values for a
    healthy adult at 75 beats/min) except the atrial timing, set relative to the
    ventricular activation.

    F. Regazzoni, M. Salvador, P. C. Africa, M. Fedele, L. Dedè, A. Quarteroni, "A cardiac
    electromechanical model coupled with a lumped-parameter model for closed-loop blood
    circulation", J Comput Phys 457:111083, 2022.
    """

    cycle_length_ms: float = 800.0
    atrial_lead_ms: float = 170.0
    la: Chamber = field(default_factory=lambda: Chamber(0.07, 0.18, 170.0, 170.0, 4.0))
    ra: Chamber = field(default_factory=lambda: Chamber(0.06, 0.07, 170.0, 170.0, 4.0))
    lv: Chamber = field(default_factory=lambda: Chamber(4.482, 0.170, 250.0, 400.0, 42.0))
    rv: Chamber = field(default_factory=lambda: Chamber(0.200, 0.029, 250.0, 400.0, 16.0))
    systemic: Compartment = field(default_factory=lambda: Compartment(
        0.733, 1.372, 0.32, 11.363, 0.005, 0.0005))
    pulmonary: Compartment = field(default_factory=lambda: Compartment(
        0.046, 20.0, 0.0015, 16.0, 0.0005, 0.0005))
    valve_R_min_mmHg_s_per_mL: float = 0.0075
    valve_R_max_mmHg_s_per_mL: float = 75006.2
    initial: tuple[tuple[str, float], ...] = ()
    volume_scale: float = 1.0

    def __post_init__(self) -> None:
        w = "ClosedLoopParameters"
        _positive(w, self, ("cycle_length_ms", "valve_R_min_mmHg_s_per_mL",
                            "valve_R_max_mmHg_s_per_mL", "volume_scale"))
        _positive(w, self, ("atrial_lead_ms",), allow_zero=True)
        if self.atrial_lead_ms >= self.cycle_length_ms:
            raise ConfigError(f"{w}.atrial_lead_ms = {self.atrial_lead_ms}: expected less than "
                              f"the cycle length ({self.cycle_length_ms} ms)")
        if self.valve_R_max_mmHg_s_per_mL <= self.valve_R_min_mmHg_s_per_mL:
            raise ConfigError(f"{w}: valve_R_max_mmHg_s_per_mL must exceed "
                              "valve_R_min_mmHg_s_per_mL")
        for name, kind in (("la", Chamber), ("ra", Chamber), ("lv", Chamber), ("rv", Chamber),
                           ("systemic", Compartment), ("pulmonary", Compartment)):
            if not isinstance(getattr(self, name), kind):
                raise ConfigError(f"{w}.{name} is a {type(getattr(self, name)).__name__}: "
                                  f"expected a {kind.__name__}")
        init = dict(self.initial)
        for k, v in init.items():
            if k not in CLOSED_LOOP_STATES:
                raise ConfigError(f"{w}.initial: unknown state {k!r}; expected one of "
                                  f"{', '.join(CLOSED_LOOP_STATES)}")
            if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
                raise ConfigError(f"{w}.initial[{k!r}] = {v!r}: expected a finite number")
        object.__setattr__(self, "initial", tuple(sorted((k, float(v))
                                                         for k, v in init.items())))

    def scaled(self, k: float) -> ClosedLoopParameters:
        """The same circulation for a heart ``k`` times the volume (module notes); initial
        volumes and flows given in ``initial`` are scaled too."""
        k = _check_scale(k)
        init = tuple((n, v * k if n.startswith(("V_", "Q_")) else v) for n, v in self.initial)
        return replace(self, la=self.la.scaled(k), ra=self.ra.scaled(k), lv=self.lv.scaled(k),
                       rv=self.rv.scaled(k), systemic=self.systemic.scaled(k),
                       pulmonary=self.pulmonary.scaled(k),
                       valve_R_min_mmHg_s_per_mL=self.valve_R_min_mmHg_s_per_mL / k,
                       valve_R_max_mmHg_s_per_mL=self.valve_R_max_mmHg_s_per_mL / k,
                       initial=init, volume_scale=self.volume_scale * k)

    def with_initial(self, **values: float) -> ClosedLoopParameters:
        """A copy with these initial values (mL, mmHg, mL/s) of :data:`CLOSED_LOOP_STATES`."""
        return replace(self, initial=tuple({**dict(self.initial), **values}.items()))
