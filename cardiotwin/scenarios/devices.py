"""Pacing devices: leads, pacing modes (VOO/AOO, VVI, CRT), capture and thresholds.

A :class:`PacingLead` is a cathode (and, bipolar, an anode) snapped to the mesh: an
electrode is the set of mesh vertices within ``radius_mm`` of the mesh vertex nearest the
given position.  The pulse amplitude is given in mA (total current, spread over the
electrode's tissue volume), µA/mm³ or µA/µF, with a pulse width in ms.  The anode of a
bipolar lead receives the same total current with the opposite (hyperpolarising) sign.

A :class:`Pacemaker` combines leads with a mode - :class:`FixedRate` (asynchronous,
VOO/AOO), :class:`Demand` (VVI: senses local activation at its lead and inhibits) or
:class:`Biventricular` (CRT: RV and LV leads with a VV delay) - and provides the
duck-typed stimuli that :class:`cardiotwin.ep.monodomain.Monodomain` takes, plus an
observer for sensing::

    pm = Pacemaker((rv_lead,), FixedRate(period_ms=600))
    sim = Monodomain(mesh, model, sigma, cfg, stimuli=pm.stimuli(mesh))
    pm.attach(sim)
    sim.run(300.0)

Capture thresholds and strength–duration fits are in
:mod:`cardiotwin.analysis.strength_duration` (the tissue trial in
:mod:`cardiotwin.studies.strength_duration`); total activation time, the end point used to
compare pacing configurations, in :mod:`cardiotwin.analysis.activation`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)

_UNITS = ("mA", "uA/mm3", "uA/uF")


def _finite_pos(name: str, value: float, *, zero: bool = False) -> None:
    ok = value >= 0 if zero else value > 0
    if not (np.isfinite(value) and ok):
        raise ConfigError(f"{name} = {value!r}: expected a finite number "
                          f"{'>= 0' if zero else '> 0'}")


@dataclass(frozen=True)
class PacingLead:
    """A pacing lead: electrode position(s) and pulse settings.

    Parameters
    ----------
    name
        Label (``"RV"``, ``"LV"``...).
    cathode_mm
        Tip position (mm); snapped to the nearest mesh vertex.
    anode_mm
        Ring position (mm) for a bipolar lead; ``None`` = unipolar (can as the return).
    radius_mm
        Electrode radius (mm): vertices within it of the snapped point are stimulated.
    amplitude
        Pulse amplitude in ``unit`` (positive).
    unit
        ``"mA"`` (total current), ``"uA/mm3"`` or ``"uA/uF"``.
    pulse_ms
        Pulse width (ms).
    """

    name: str
    cathode_mm: tuple[float, float, float]
    anode_mm: tuple[float, float, float] | None = None
    radius_mm: float = 1.0
    amplitude: float = 1.0
    unit: str = "mA"
    pulse_ms: float = 0.5

    def __post_init__(self) -> None:
        for nm in ("cathode_mm", "anode_mm"):
            v = getattr(self, nm)
            if v is None:
                continue
            a = np.asarray(v, float)
            if a.shape != (3,) or not np.all(np.isfinite(a)):
                raise ConfigError(f"PacingLead {self.name!r}: {nm} = {v!r} is not a 3-vector "
                                  "(mm)")
            object.__setattr__(self, nm, tuple(float(c) for c in a))
        _finite_pos(f"PacingLead {self.name!r} radius_mm", self.radius_mm)
        _finite_pos(f"PacingLead {self.name!r} amplitude", self.amplitude, zero=True)
        _finite_pos(f"PacingLead {self.name!r} pulse_ms", self.pulse_ms)
        if self.unit not in _UNITS:
            raise ConfigError(f"PacingLead {self.name!r}: unit = {self.unit!r}; expected one "
                              f"of {_UNITS}")

    def with_pulse(self, amplitude: float, pulse_ms: float) -> PacingLead:
        """A copy with another amplitude (same unit) and pulse width."""
        return PacingLead(self.name, self.cathode_mm, self.anode_mm, self.radius_mm, amplitude,
                          self.unit, pulse_ms)


# --------------------------------------------------------------------------- modes
@dataclass(frozen=True)
class FixedRate:
    """Asynchronous pacing (VOO/AOO): a pulse every ``period_ms`` from ``start_ms``."""

    period_ms: float = 1000.0
    start_ms: float = 0.0
    number: int | None = None

    def __post_init__(self) -> None:
        _finite_pos("FixedRate.period_ms", self.period_ms)
        _finite_pos("FixedRate.start_ms", self.start_ms, zero=True)
        if self.number is not None and (int(self.number) != self.number or self.number < 1):
            raise ConfigError(f"FixedRate.number = {self.number!r}: expected an integer >= 1")


@dataclass(frozen=True)
class Demand:
    """Demand pacing (VVI): pace only if no activation is sensed for an escape interval.

    Parameters
    ----------
    lower_rate_interval_ms
        Escape interval (ms) after the last sensed or paced event.
    sense_threshold_mV
        The potential at the cathode crossing this value upwards is a sensed event.
    refractory_ms
        Device refractory period after each event (ms): no sensing.
    start_ms
        Time (ms) from which the escape interval runs.
    """

    lower_rate_interval_ms: float = 1000.0
    sense_threshold_mV: float = -40.0
    refractory_ms: float = 250.0
    start_ms: float = 0.0

    def __post_init__(self) -> None:
        _finite_pos("Demand.lower_rate_interval_ms", self.lower_rate_interval_ms)
        _finite_pos("Demand.refractory_ms", self.refractory_ms, zero=True)
        _finite_pos("Demand.start_ms", self.start_ms, zero=True)
        if self.refractory_ms >= self.lower_rate_interval_ms:
            raise ConfigError("Demand.refractory_ms must be shorter than the escape interval")


@dataclass(frozen=True)
class Biventricular:
    """CRT: RV lead (index 0) and LV lead (index 1) every ``period_ms``.

    ``vv_delay_ms`` = LV pace time - RV pace time: > 0 RV first, < 0 LV first.
    """

    period_ms: float = 1000.0
    vv_delay_ms: float = 0.0
    start_ms: float = 0.0
    number: int | None = None

    def __post_init__(self) -> None:
        _finite_pos("Biventricular.period_ms", self.period_ms)
        _finite_pos("Biventricular.start_ms", self.start_ms, zero=True)
        if not np.isfinite(self.vv_delay_ms) or abs(self.vv_delay_ms) >= self.period_ms:
            raise ConfigError(f"Biventricular.vv_delay_ms = {self.vv_delay_ms!r}: expected a "
                              "finite value shorter than the period")


Mode = FixedRate | Demand | Biventricular


class _ElectrodeStimulus:
    """Duck-typed stimulus driven by a :class:`Pacemaker` (region, name, amplitude_at)."""

    def __init__(self, pm: Pacemaker, lead: int, region: Any, sign: float, name: str) -> None:
        self._pm, self._lead, self.region, self._sign, self.name = pm, lead, region, sign, name

    @property
    def end_ms(self) -> float:
        return float("inf")

    def amplitude_at(self, t_ms: float, chi_per_mm: float, cm_uF_per_mm2: float) -> float:
        if not self._pm.pulse_on(self._lead, t_ms):
            return 0.0
        return self._sign * self._pm.amplitude_uA_per_uF(self._lead, self._sign > 0,
                                                         chi_per_mm, cm_uF_per_mm2)


@dataclass
class Pacemaker:
    """Leads + a pacing mode; stateful (pulse schedule, sensed events).

    Attributes
    ----------
    paced
        Per lead, the pulse start times (ms).
    sensed
        Sensed event times (ms, demand mode).
    """

    leads: tuple[PacingLead, ...]
    mode: Any = field(default_factory=FixedRate)
    paced: list[list[float]] = field(default_factory=list)
    sensed: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.leads = tuple(self.leads)
        if not self.leads:
            raise ConfigError("Pacemaker needs at least one lead")
        if not isinstance(self.mode, FixedRate | Demand | Biventricular):
            raise ConfigError(f"Pacemaker.mode is a {type(self.mode).__name__}: expected "
                              "FixedRate, Demand or Biventricular")
        if isinstance(self.mode, Biventricular) and len(self.leads) != 2:
            raise ConfigError("Biventricular pacing needs exactly two leads (RV, LV)")
        self.paced = [[] for _ in self.leads]
        self.electrode_sites: list[tuple[Any, Any]] = []
        self._volumes: list[tuple[float, float]] = []
        self._last_event = None
        self._sense_v: float | None = None
        if not isinstance(self.mode, Demand):
            self._schedule_fixed()

    # ---------------------------------------------------------------- schedule
    def _schedule_fixed(self) -> None:
        m = self.mode
        n = m.number if m.number is not None else 10_000
        base = m.start_ms + m.period_ms * np.arange(n)
        for i in range(len(self.leads)):
            delay = 0.0
            if isinstance(m, Biventricular):
                d = m.vv_delay_ms
                delay = (max(d, 0.0) if i == 1 else max(-d, 0.0))
            self.paced[i] = list(base + delay)

    def pulse_on(self, lead: int, t_ms: float) -> bool:
        """True if lead ``lead`` delivers a pulse at ``t_ms``."""
        w = self.leads[lead].pulse_ms
        starts = self.paced[lead]
        k = int(np.searchsorted(starts, t_ms + 1e-9, side="right")) - 1
        return k >= 0 and t_ms < starts[k] + w - 1e-9

    # ---------------------------------------------------------------- mesh set-up
    def stimuli(self, mesh: Any) -> list[_ElectrodeStimulus]:
        """Stimuli for ``Monodomain(stimuli=...)``; snaps electrodes to ``mesh``.  Collective."""
        from cardiotwin.geometry.regions import Sphere

        out = []
        self.electrode_sites = []
        for i, lead in enumerate(self.leads):
            cat = snap_to_mesh(mesh, lead.cathode_mm)
            an = snap_to_mesh(mesh, lead.anode_mm) if lead.anode_mm is not None else None
            if an is not None and np.linalg.norm(np.subtract(cat, an)) < 2 * lead.radius_mm:
                raise ConfigError(f"lead {lead.name!r}: cathode and anode electrodes overlap "
                                  f"(snapped {cat} and {an}, radius {lead.radius_mm} mm)")
            self.electrode_sites.append((cat, an))
            out.append(_ElectrodeStimulus(self, i, Sphere(cat, lead.radius_mm), +1.0,
                                          f"{lead.name}-cathode"))
            if an is not None:
                out.append(_ElectrodeStimulus(self, i, Sphere(an, lead.radius_mm), -1.0,
                                              f"{lead.name}-anode"))
        return out

    def attach(self, sim: Any) -> None:
        """Measure electrode volumes and register the sensing observer.  Collective."""
        if not self.electrode_sites:
            raise ConfigError("Pacemaker.attach(sim): call stimuli(mesh) first and pass them "
                              "to the simulation")
        w = vertex_volumes_mm3(sim)
        x = sim.owned_vertex_coordinates()
        self._volumes = []
        for lead, (cat, an) in zip(self.leads, self.electrode_sites, strict=True):
            vols = []
            for p in (cat, an):
                if p is None:
                    vols.append(np.nan)
                    continue
                d2 = np.sum((x - np.asarray(p)) ** 2, axis=1)
                vols.append(float(sim.comm.allreduce(float(w[d2 <= lead.radius_mm**2
                                                            * (1 + 1e-12)].sum()))))
            self._volumes.append((vols[0], vols[1]))
        if isinstance(self.mode, Demand):
            self._last_event = self.mode.start_ms
            sim.add_observer(self._sense)

    def electrode_volume_mm3(self, lead: int) -> float:
        """Tissue volume (mm³) under the cathode of ``lead`` (after :meth:`attach`)."""
        return self._volumes[lead][0]

    def amplitude_uA_per_uF(self, lead: int, cathode: bool, chi_per_mm: float,
                            cm_uF_per_mm2: float) -> float:
        """Pulse current density (µA/µF, positive) at the cathode or anode of ``lead``."""
        ld = self.leads[lead]
        if ld.unit == "uA/uF":
            return ld.amplitude
        if ld.unit == "uA/mm3":
            return ld.amplitude / (chi_per_mm * cm_uF_per_mm2)
        if not self._volumes:
            raise ConfigError("a lead amplitude in mA needs Pacemaker.attach(sim) (electrode "
                              "volumes) before the simulation runs")
        vol = self._volumes[lead][0 if cathode else 1]
        return 1000.0 * ld.amplitude / vol / (chi_per_mm * cm_uF_per_mm2)

    def _sense(self, sim: Any) -> None:
        m = self.mode
        v = sim.value_at(self.electrode_sites[0][0])  # collective: every rank runs the observer
        prev = self._sense_v if self._sense_v is not None else v
        self._sense_v = v
        t = sim.t
        if t - self._last_event >= m.refractory_ms and prev < m.sense_threshold_mV <= v:
            self.sensed.append(t)
            self._last_event = t
            return
        if t - self._last_event >= m.lower_rate_interval_ms - 1e-9:
            self.paced[0].append(t)
            self._last_event = t


def snap_to_mesh(domain: Any, point_mm: Sequence[float], *,
                 region: Any = None) -> tuple[float, float, float]:
    """Coordinates (mm) of the mesh vertex nearest ``point_mm`` (same on every rank).

    ``domain`` is a geometry or a dolfinx mesh; ``region`` restricts the candidates to the
    vertices it selects (e.g. ``Tagged("rv-endocardium", entity="facet")`` for an
    endocardial lead).  Ties go to the vertex with the smallest coordinates, whatever the
    partition (:func:`cardiotwin._mpi.nearest_point`).  Collective.
    """
    from cardiotwin._mpi import nearest_point
    from cardiotwin.geometry.regions import RegionResolver, is_geometry

    mesh = domain.mesh if is_geometry(domain) else domain
    if region is None:
        x = mesh.geometry.x
    else:
        res = RegionResolver.for_domain(domain)
        x = res.x[res.vertices(region)]
    q = nearest_point(mesh.comm, x, point_mm)
    if q is None:
        raise ConfigError(f"no mesh vertex in {region!r}: cannot place an electrode there")
    return q


def vertex_volumes_mm3(sim: Any) -> npt.NDArray[np.float64]:
    """Lumped volume (mm³) of each owned vertex of a simulation (row sums of the mass)."""
    import dolfinx.fem.petsc
    import ufl

    w = ufl.TestFunction(sim.V)
    vec = dolfinx.fem.petsc.assemble_vector(dolfinx.fem.form(w * ufl.dx))
    from petsc4py import PETSc

    vec.ghostUpdate(addv=PETSc.InsertMode.ADD, mode=PETSc.ScatterMode.REVERSE)
    out = vec.getArray(readonly=True)[: sim.n_owned].copy()
    vec.destroy()
    return out
