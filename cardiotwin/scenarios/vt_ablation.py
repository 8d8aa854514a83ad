"""VT ablation scenario: scar with a conducting isthmus, induction, ablation, re-induction.

A thin sheet of myocardium (one element thick) carries a scar island split by a narrow
channel of surviving, slowly conducting border-zone tissue (the isthmus of scar-related
VT; de Bakker et al. 1988; Arevalo et al. 2016).  Programmed stimulation from a site below
the isthmus entrance (S1 drive train, then S2 at decreasing coupling intervals) induces
re-entry: a premature beat blocks at the isthmus entrance (the border zone's refractory
period is longer), travels around the scar, enters the isthmus from its far end, conducts
slowly through it and re-excites the tissue it left, a figure-of-eight circuit.  A
transmural linear lesion across the isthmus is then applied and the same protocol
repeated.

The tissue model is a Mitchell–Schaeffer (2003) membrane written in mV
(:class:`MitchellSchaefferMV`, V = -80 + 100 v) with slower time constants than the
published ones (``tau_in`` 2 ms, ``tau_out`` 40 ms) so that the upstroke is resolved on a
0.5 mm grid; its action-potential duration is set by ``tau_close`` (APD ~ ``tau_close``
ln(tau_out / (4 tau_in)): 80 ms -> ~130 ms healthy, 140 ms -> ~225 ms border zone), so the
circuit fits in a few centimetres.  The border zone also has a quarter of the conductivity.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin._deps import require_dolfinx
from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.ablation import BorderZone, BoxLesion, LesionSet, LinearLesion
from cardiotwin.scenarios.induction import ProgrammedStimulation, ReentryDetector, ReentryResult

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IsthmusSheet:
    """Sheet geometry, scar with an isthmus, tissue and protocol of the VT scenario.

    Lengths in mm, times in ms, conductivities in S/m.  The scar spans
    ``scar_x_mm`` x ``scar_y_mm``; the isthmus is the channel of width
    ``isthmus_width_mm`` through it at ``x = isthmus_x_mm``, running along y.
    """

    size_mm: tuple[float, float] = (50.0, 36.0)
    thickness_mm: float = 0.5
    h_mm: float = 0.5
    scar_x_mm: tuple[float, float] = (5.0, 45.0)
    scar_y_mm: tuple[float, float] = (12.0, 24.0)
    isthmus_x_mm: float = 25.0
    isthmus_width_mm: float = 3.0
    border_zone_width_mm: float = 1.0
    border_conductivity_factor: float = 0.1
    sigma_S_per_m: float = 0.25
    model: Any = None
    base_scalings: Mapping[str, float] = field(default_factory=dict)
    border_scalings: Mapping[str, float] = field(default_factory=lambda: {"tau_close": 1.75})
    site_mm: tuple[float, float] = (25.0, 6.0)
    site_radius_mm: float = 1.5
    s1_period_ms: float = 300.0
    n_s1: int = 2
    s2_couplings_ms: tuple[float, ...] = (260.0, 250.0, 240.0, 230.0, 220.0)
    persist_ms: float = 400.0
    dt_ms: float = 0.05
    lesion_width_mm: float = 2.0

    def __post_init__(self) -> None:
        lx, ly = self.size_mm
        for name in ("thickness_mm", "h_mm", "isthmus_width_mm", "sigma_S_per_m", "dt_ms",
                     "lesion_width_mm", "persist_ms"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"IsthmusSheet.{name} = {v!r}: expected > 0")
        x0, x1 = self.scar_x_mm
        y0, y1 = self.scar_y_mm
        if not (0 < x0 < self.isthmus_x_mm - self.isthmus_width_mm / 2
                and self.isthmus_x_mm + self.isthmus_width_mm / 2 < x1 < lx and 0 < y0 < y1 < ly):
            raise ConfigError(f"IsthmusSheet: scar {self.scar_x_mm} x {self.scar_y_mm} with "
                              f"isthmus at x = {self.isthmus_x_mm} must lie inside the sheet "
                              f"{self.size_mm} with healthy tissue all around")

    def scar(self) -> LesionSet:
        """The scar (two blocks beside the isthmus) with its border zone."""
        x0, x1 = self.scar_x_mm
        y0, y1 = self.scar_y_mm
        xi0 = self.isthmus_x_mm - self.isthmus_width_mm / 2
        xi1 = self.isthmus_x_mm + self.isthmus_width_mm / 2
        z1 = self.thickness_mm + 1.0
        blocks = [BoxLesion((x0, y0, -1.0), (xi0, y1, z1)),
                  BoxLesion((xi1, y0, -1.0), (x1, y1, z1))]
        bz = BorderZone(width_mm=self.border_zone_width_mm,
                        conductivity_factor=self.border_conductivity_factor,
                        ionic_scalings=dict(self.border_scalings))
        return LesionSet(tuple(blocks), bz)

    def ablation_line(self) -> LinearLesion:
        """A transmural linear lesion across the isthmus, joining the two scar blocks."""
        ym = 0.5 * sum(self.scar_y_mm)
        half = self.isthmus_width_mm / 2 + 1.0
        return LinearLesion(((self.isthmus_x_mm - half, ym, 0.0),
                             (self.isthmus_x_mm + half, ym, 0.0)), width_mm=self.lesion_width_mm)

    def protocol(self) -> ProgrammedStimulation:
        from cardiotwin.ep.stimulus import Box

        r = self.site_radius_mm
        x, y = self.site_mm
        site = Box((x - r, y - r, -1.0), (x + r, y + r, self.thickness_mm + 1.0))
        return ProgrammedStimulation(site, s1_period_ms=self.s1_period_ms, n_s1=self.n_s1,
                                     s2_couplings_ms=self.s2_couplings_ms, pulse_ms=2.0,
                                     amplitude=100.0)


class _MSKernel:
    """Mitchell–Schaeffer step in mV (forward Euler for v, exact for the gate h)."""

    @staticmethod
    def step(states: np.ndarray, params: np.ndarray, i_stim: np.ndarray, t: float, dt: float,
             workers: int = 1) -> None:
        tau_in, tau_out, tau_open, tau_close, v_gate = params
        v = (states[0] + 80.0) / 100.0
        h = states[1]
        j = h * v * v * (1.0 - v) / tau_in - v / tau_out
        closed = v >= v_gate
        h_inf = np.where(closed, 0.0, 1.0)
        tau = np.where(closed, tau_close, tau_open)
        states[1] = h_inf + (h - h_inf) * np.exp(-dt / tau)
        states[0] += dt * (100.0 * j - i_stim)


class MitchellSchaefferMV:
    """Mitchell & Schaeffer (2003, Bull Math Biol 65:767) membrane in mV, per-cell parameters.

    ``V = -80 + 100 v`` mV; parameters (ms, and the dimensionless gate threshold)
    ``tau_in, tau_out, tau_open, tau_close, v_gate``.  Stimulus current in µA/µF with the
    Hodgkin–Huxley sign.  Has the interface of a registry model.
    """

    name = "mitchell-schaeffer-mv"
    kernel = _MSKernel
    state_names = ("membrane.V", "gate.h")
    param_names = ("tau_in", "tau_out", "tau_open", "tau_close", "v_gate")
    lut_entries = ()

    def __init__(self, tau_in: float = 1.0, tau_out: float = 10.0, tau_open: float = 60.0,
                 tau_close: float = 120.0, v_gate: float = 0.13) -> None:
        self.defaults = (tau_in, tau_out, tau_open, tau_close, v_gate)
        for nm, v in zip(self.param_names, self.defaults, strict=True):
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"MitchellSchaefferMV.{nm} = {v!r}: expected > 0")

    def initial_states(self, n: int) -> np.ndarray:
        return np.vstack([np.full(n, -80.0), np.ones(n)])

    def default_params(self, n: int) -> np.ndarray:
        return np.repeat(np.asarray(self.defaults, float)[:, None], n, axis=1)


def sheet_mesh(comm: Any, sheet: IsthmusSheet) -> Any:
    """Hexahedral sheet ``size_mm`` x ``thickness_mm`` with elements of ``h_mm``."""
    require_dolfinx()
    import dolfinx.mesh

    lx, ly = sheet.size_mm
    nx, ny = max(round(lx / sheet.h_mm), 1), max(round(ly / sheet.h_mm), 1)
    nz = max(round(sheet.thickness_mm / sheet.h_mm), 1)
    return dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([lx, ly, sheet.thickness_mm])],
                                   [nx, ny, nz], dolfinx.mesh.CellType.hexahedron)


class _SwitchableStimulus:
    """A stimulus whose protocol can be replaced between runs (same region)."""

    def __init__(self, stim: Any) -> None:
        self.current = stim
        self.region = stim.region
        self.name = "programmed"

    @property
    def end_ms(self) -> float:
        return self.current.end_ms

    def amplitude_at(self, t_ms: float, chi_per_mm: float, cm_uF_per_mm2: float) -> float:
        return self.current.amplitude_at(t_ms, chi_per_mm, cm_uF_per_mm2)


class _Relay:
    """Observer forwarding to the detector of the current attempt."""

    target: Any = None

    def __call__(self, sim: Any) -> None:
        if self.target is not None:
            self.target(sim)


@dataclass(frozen=True)
class InductionOutcome:
    """Result of a programmed-stimulation run on one tissue configuration."""

    reentry: bool
    s2_coupling_ms: float | None
    result: ReentryResult | None
    tried_ms: tuple[float, ...]
    sim_ms: float


def induce(comm: Any, sheet: IsthmusSheet, lesions: LesionSet, *,
           workdir: str | Path | None = None) -> InductionOutcome:
    """Run the protocol of ``sheet`` on the sheet with ``lesions``.  Collective.

    S2 coupling intervals are tried from the longest to the shortest; the drive train is
    simulated once and restored from a checkpoint for every S2.  An attempt stops when the
    tissue is quiescent after the last stimulus (not induced) or when activity has lasted
    ``persist_ms`` (re-entry).  Stops at the first induced re-entry.
    """
    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig
    from cardiotwin.scenarios.ablation import apply_lesions

    mesh = sheet_mesh(comm, sheet)
    model = sheet.model if sheet.model is not None else MitchellSchaefferMV()
    app = apply_lesions(mesh, lesions, model, base_scalings=sheet.base_scalings)
    prot = sheet.protocol()
    stim = _SwitchableStimulus(prot.stimulus(prot.s2_couplings_ms[0]))
    sim = Monodomain(mesh, app.ionic, Conductivity.isotropic(sheet.sigma_S_per_m),
                     MonodomainConfig(dt_ms=sheet.dt_ms, activation_threshold=-40.0),
                     conductivity_scaling=app.conductivity_scaling, stimuli=[stim])
    t_ck = prot.last_s1_ms + min(prot.s2_couplings_ms) - 1.0
    sim.run(t_ck)
    sim_ms = t_ck
    if workdir is None:
        tmp = comm.bcast(tempfile.mkdtemp(prefix="cardiotwin_vt_") if comm.rank == 0 else None)
    else:
        tmp = str(workdir)
    ck = sim.save_checkpoint(Path(tmp) / "after_s1")
    relay = _Relay()
    sim.add_observer(relay)
    tried = []
    for ci in prot.s2_couplings_ms:
        tried.append(ci)
        sim.restore_checkpoint(ck)
        stim.current = prot.stimulus(ci)
        t_last = prot.last_stimulus_end_ms(ci)
        det = ReentryDetector(t_last, persist_ms=sheet.persist_ms)
        relay.target = det
        t_stop = t_last + sheet.persist_ms + 1.0
        while sim.t < t_stop:
            sim.run(min(sim.t + 10.0, t_stop))
            if sim.t > t_last + 5.0 and det.times and not det.active_now:
                break
        sim_ms += sim.t - t_ck
        res = det.result()
        logger.info("S2 %.0f ms: %s (last activity %.1f ms, CL %.1f ms)", ci,
                    "re-entry" if res.reentry else "no re-entry", res.last_activity_ms,
                    res.cycle_length_ms)
        if res.reentry:
            return InductionOutcome(True, ci, res, tuple(tried), sim_ms)
    return InductionOutcome(False, None, None, tuple(tried), sim_ms)


def vt_ablation(comm: Any, sheet: IsthmusSheet | None = None) -> dict[str, Any]:
    """Induce VT with the scar, ablate the isthmus, try again.  Collective.

    Returns
    -------
    dict
        ``reentry_before``, ``cycle_length_ms``, ``s2_coupling_ms``, ``earliest_sites``,
        ``reentry_after``, ``lesion_volume_mm3`` (ablation lesion only), ``wall_s``.
    """
    from cardiotwin.scenarios.ablation import cell_volume_mm3, lesion_cells

    sheet = sheet or IsthmusSheet()
    t0 = time.perf_counter()
    scar = sheet.scar()
    before = induce(comm, sheet, scar)
    line = sheet.ablation_line()
    after = induce(comm, sheet, scar.plus(line))
    mesh = sheet_mesh(comm, sheet)
    lesion_vol = cell_volume_mm3(mesh, lesion_cells(mesh, (line,))
                                 & ~lesion_cells(mesh, scar.lesions))
    wall = comm.allreduce(time.perf_counter() - t0, op=_max())
    return {
        "reentry_before": before.reentry,
        "cycle_length_ms": (before.result.cycle_length_ms if before.result else None),
        "s2_coupling_ms": before.s2_coupling_ms,
        "earliest_sites": (before.result.as_dict()["earliest_sites"] if before.result
                           else []),
        "reentry_after": after.reentry,
        "s2_tried_after_ms": list(after.tried_ms),
        "lesion_volume_mm3": lesion_vol,
        "simulated_ms": before.sim_ms + after.sim_ms,
        "ranks": comm.size,
        "wall_s": wall,
    }


def _max() -> Any:
    from mpi4py import MPI

    return MPI.MAX


