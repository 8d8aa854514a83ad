"""VT ablation scenario: scar with a conducting isthmus, induction, ablation, re-induction.

A thin sheet of myocardium (one element thick, 64 x 30 mm) carries a scar band split by a
narrow channel of surviving, slowly conducting border-zone tissue: the isthmus of
scar-related VT (de Bakker et al. 1988, Circulation 77:589; Arevalo et al. 2016, Nat
Commun 7:11437).  Programmed stimulation from a site below the isthmus entrance (S1 drive
train, then S2 at decreasing coupling intervals) induces re-entry:

1. the S2 wave finds the isthmus entrance still refractory (the border zone's action
   potential is longer) and blocks there, but conducts in the healthy tissue around the
   scar (unidirectional block);
2. it reaches the far (distal) end of the isthmus after the detour, by which time the
   isthmus has recovered, enters it, conducts slowly back through it and exits at the
   entrance, where the tissue has recovered too;
3. the wave leaves the exit in both directions around the scar: a figure-of-eight circuit
   of cycle length ~ (detour length / healthy CV) + (isthmus length / isthmus CV).

A transmural linear lesion across the isthmus is then applied and the same protocol
repeated: the circuit is cut and no coupling interval induces re-entry.

Notes
-----
The window of coupling intervals that induces re-entry follows from the timing above
(a wave arriving at time ``t`` at a site activated at ``a`` excites it only if
``t - a`` exceeds the local refractory period ``ERP``): block at the entrance needs
``c < ERP_bz``; entry at the distal end needs ``c + T_detour > T_isthmus + ERP_bz``; a
sustained circuit needs a cycle length ``T_detour + T_isthmus`` longer than ``ERP_bz``.
So the wavelength (CV x ERP) must fit the circuit: with healthy CV ~0.6 mm/ms the
refractory periods must be ~100-200 ms for a circuit of ~60 mm.

The membrane is the Mitchell–Schaeffer (2003) model written in mV
(:class:`MitchellSchaefferMV`, ``V = -80 + 100 v``), a fast two-variable model with a
controllable action-potential duration (``APD ~ tau_close ln(tau_out / (4 tau_in))`` plus
the repolarisation tail).  Parameters: ``tau_in`` 0.5 ms (upstroke ~5 ms, ~4 elements of
0.5 mm across the front at the healthy CV), ``tau_out`` 10 ms, ``tau_open`` 60 ms
(recovery of excitability several times slower than the repolarisation tail, so a cell
cannot re-excite itself at the end of its action potential), ``v_gate`` 0.13 (published
value), ``tau_close`` 30 ms healthy (APD90 ~ 85 ms) and x3 in the border zone (APD90
~ 200 ms).  Action potentials are shorter than human ventricular ones so that the
circuit fits in a few centimetres: the scenario is a scaled demonstration of the
mechanism, not a patient model.  Conductivity 0.75 S/m (isotropic; healthy CV ~0.6 mm/ms
on this grid), x0.3 in the border zone.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin._deps import require_dolfinx
from cardiotwin._mpi import allreduce_max
from cardiotwin.analysis.reentry import ReentryDetector, ReentryResult
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import Box, Line
from cardiotwin.ionic.parameters import ParameterChanges
from cardiotwin.ionic.phenomenological import MitchellSchaefferMV
from cardiotwin.scenarios.induction import ProgrammedStimulation, Relay, SwitchableStimulus
from cardiotwin.scenarios.lesions import BorderZone, LesionSet

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IsthmusSheet:
    """Sheet geometry, scar with an isthmus, tissue and protocol of the VT scenario.

    Lengths in mm, times in ms, conductivities in S/m, stimulus strength in µA/µF.  The
    scar spans ``scar_x_mm`` x ``scar_y_mm``; the isthmus is the channel of width
    ``isthmus_width_mm`` through it at ``x = isthmus_x_mm``, running along y; all of it is
    border zone, and so is a rim of ``rim_width_mm`` around the scar.  The pacing site lies
    below the isthmus entrance.
    """

    size_mm: tuple[float, float] = (64.0, 30.0)
    thickness_mm: float = 0.5
    h_mm: float = 0.5
    scar_x_mm: tuple[float, float] = (6.0, 58.0)
    scar_y_mm: tuple[float, float] = (10.0, 20.0)
    isthmus_x_mm: float = 32.0
    isthmus_width_mm: float = 3.0
    rim_width_mm: float = 1.0
    border_conductivity_factor: float = 0.3
    sigma_S_per_m: float = 0.75
    model: Any = None
    border_scalings: Mapping[str, float] = field(default_factory=lambda: {"tau_close": 3.0})
    site_mm: tuple[float, float] = (32.0, 4.0)
    site_radius_mm: float = 1.5
    amplitude_uA_per_uF: float = 200.0
    s1_period_ms: float = 300.0
    n_s1: int = 2
    s2_couplings_ms: tuple[float, ...] = (200.0, 180.0, 160.0, 140.0)
    s3_coupling_ms: float | None = None
    persist_ms: float = 550.0
    dt_ms: float = 0.1
    lesion_width_mm: float = 2.0

    def __post_init__(self) -> None:
        lx, ly = self.size_mm
        for name in ("thickness_mm", "h_mm", "isthmus_width_mm", "sigma_S_per_m", "dt_ms",
                     "lesion_width_mm", "persist_ms", "site_radius_mm", "amplitude_uA_per_uF"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"IsthmusSheet.{name} = {v!r}: expected > 0")
        if not 0 < self.border_conductivity_factor <= 1:
            raise ConfigError(f"IsthmusSheet.border_conductivity_factor = "
                              f"{self.border_conductivity_factor!r}: expected 0 < f <= 1")
        if not (np.isfinite(self.rim_width_mm) and self.rim_width_mm >= 0):
            raise ConfigError(f"IsthmusSheet.rim_width_mm = {self.rim_width_mm!r}: "
                              "expected >= 0")
        x0, x1 = self.scar_x_mm
        y0, y1 = self.scar_y_mm
        if not (0 < x0 < self.isthmus_x_mm - self.isthmus_width_mm / 2
                and self.isthmus_x_mm + self.isthmus_width_mm / 2 < x1 < lx and 0 < y0 < y1 < ly):
            raise ConfigError(f"IsthmusSheet: scar {self.scar_x_mm} x {self.scar_y_mm} with "
                              f"isthmus at x = {self.isthmus_x_mm} must lie inside the sheet "
                              f"{self.size_mm} with healthy tissue all around")
        sx, sy = self.site_mm
        if not (0 <= sx <= lx and 0 <= sy < y0):
            raise ConfigError(f"IsthmusSheet.site_mm = {self.site_mm}: expected a point of "
                              f"the sheet below the scar (y < {y0} mm)")

    @property
    def isthmus(self) -> Box:
        """The channel through the scar (a box; border zone, not lesion)."""
        xi0 = self.isthmus_x_mm - self.isthmus_width_mm / 2
        xi1 = self.isthmus_x_mm + self.isthmus_width_mm / 2
        return Box((xi0, self.scar_y_mm[0], -1.0),
                         (xi1, self.scar_y_mm[1], self.thickness_mm + 1.0))

    def scar(self) -> LesionSet:
        """The scar (two blocks beside the isthmus) with its border zone."""
        x0, x1 = self.scar_x_mm
        y0, y1 = self.scar_y_mm
        isth = self.isthmus
        z1 = self.thickness_mm + 1.0
        blocks = [Box((x0, y0, -1.0), (isth.lower_mm[0], y1, z1)),
                  Box((isth.upper_mm[0], y0, -1.0), (x1, y1, z1))]
        bz = BorderZone(width_mm=self.rim_width_mm, regions=(isth,),
                        conductivity_factor=self.border_conductivity_factor,
                        ionic=ParameterChanges(scale=dict(self.border_scalings)))
        return LesionSet(tuple(blocks), bz)

    def ablation_line(self) -> Line:
        """A transmural linear lesion across the isthmus, joining the two scar blocks."""
        ym = 0.5 * sum(self.scar_y_mm)
        half = self.isthmus_width_mm / 2 + 1.0
        return Line(((self.isthmus_x_mm - half, ym, 0.0),
                             (self.isthmus_x_mm + half, ym, 0.0)), width_mm=self.lesion_width_mm)

    def protocol(self) -> ProgrammedStimulation:
        """S1 train + S2 (+ S3) from the pacing site below the isthmus entrance."""
        r = self.site_radius_mm
        x, y = self.site_mm
        site = Box((x - r, y - r, -1.0), (x + r, y + r, self.thickness_mm + 1.0))
        return ProgrammedStimulation(site, s1_period_ms=self.s1_period_ms, n_s1=self.n_s1,
                                     s2_couplings_ms=self.s2_couplings_ms,
                                     s3_coupling_ms=self.s3_coupling_ms, pulse_ms=2.0,
                                     amplitude=self.amplitude_uA_per_uF)

    def tissue_model(self) -> Any:
        """The membrane model (default :class:`MitchellSchaefferMV` with its defaults)."""
        return self.model if self.model is not None else MitchellSchaefferMV()


def sheet_mesh(comm: Any, sheet: IsthmusSheet) -> Any:
    """Hexahedral sheet ``size_mm`` x ``thickness_mm`` with elements of ``h_mm``."""
    require_dolfinx()
    import dolfinx.mesh

    lx, ly = sheet.size_mm
    nx, ny = max(round(lx / sheet.h_mm), 1), max(round(ly / sheet.h_mm), 1)
    nz = max(round(sheet.thickness_mm / sheet.h_mm), 1)
    return dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([lx, ly, sheet.thickness_mm])],
                                   [nx, ny, nz], dolfinx.mesh.CellType.hexahedron)


@dataclass(frozen=True)
class InductionOutcome:
    """Result of a programmed-stimulation run on one tissue configuration."""

    reentry: bool
    s2_coupling_ms: float | None
    result: ReentryResult | None
    tried_ms: tuple[float, ...]
    sim_ms: float
    cycle_map: dict[str, Any] | None = None


def induce(comm: Any, sheet: IsthmusSheet, lesions: LesionSet, *,
           workdir: str | Path | None = None,
           observers: Sequence[Callable[[Any], None]] = ()) -> InductionOutcome:
    """Run the protocol of ``sheet`` on the sheet with ``lesions``.  Collective.

    S2 coupling intervals are tried from the longest to the shortest; the drive train is
    simulated once and restored from a checkpoint for every S2.  An attempt stops when the
    tissue is quiescent after the last stimulus (not induced) or when activity has lasted
    ``persist_ms`` (re-entry).  Stops at the first induced re-entry.  ``observers`` are
    called after every time step (e.g. to record snapshots).
    """
    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig
    from cardiotwin.scenarios.lesions import apply_lesions

    mesh = sheet_mesh(comm, sheet)
    app = apply_lesions(mesh, lesions, sheet.tissue_model())
    prot = sheet.protocol()
    stim = SwitchableStimulus(prot.stimulus(prot.s2_couplings_ms[0]))
    sim = Monodomain(mesh, app.ionic, Conductivity.isotropic(sheet.sigma_S_per_m),
                     MonodomainConfig(dt_ms=sheet.dt_ms, activation_threshold=-40.0),
                     conductivity_scaling=app.conductivity_scaling, stimuli=[stim])
    for obs in observers:
        sim.add_observer(obs)
    t_ck = prot.last_s1_ms + min(prot.s2_couplings_ms) - 1.0
    sim.run(t_ck)
    sim_ms = t_ck
    own_tmp = workdir is None
    if own_tmp:
        tmp = comm.bcast(tempfile.mkdtemp(prefix="cardiotwin_vt_") if comm.rank == 0 else None)
    else:
        tmp = str(workdir)
    ck = sim.save_checkpoint(Path(tmp) / "after_s1")
    relay = Relay()
    sim.add_observer(relay)
    tried = []
    outcome = None
    try:
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
                outcome = InductionOutcome(True, ci, res, tuple(tried), sim_ms,
                                           _cycle_map(sim, res.cycle_length_ms))
                break
    finally:
        comm.Barrier()
        if own_tmp and comm.rank == 0:
            shutil.rmtree(tmp, ignore_errors=True)
    return outcome or InductionOutcome(False, None, None, tuple(tried), sim_ms)


def _cycle_map(sim: Any, cycle_length_ms: float) -> dict[str, Any]:
    """Activation times (ms) of the last complete re-entry cycle, gathered on every rank.

    Vertices of the sheet's lower face only; not activated in the last cycle: NaN.
    """
    from mpi4py import MPI

    x = sim.owned_vertex_coordinates()
    la = sim.tracker.last_activation
    z0 = sim.comm.allreduce(float(x[:, 2].min()) if x.size else np.inf, op=MPI.MIN)
    low = np.abs(x[:, 2] - z0) < 1e-9
    t_end = sim.t
    win = cycle_length_ms if np.isfinite(cycle_length_ms) else 0.0
    vals = np.where(la >= t_end - win, la, np.nan)
    xs = np.concatenate(sim.comm.allgather(x[low, :2]))
    vs = np.concatenate(sim.comm.allgather(vals[low]))
    return {"xy_mm": xs, "activation_ms": vs, "t_end_ms": t_end}


def vt_ablation(comm: Any, sheet: IsthmusSheet | None = None, *,
                outdir: str | Path | None = None) -> dict[str, Any]:
    """Induce VT with the scar, ablate the isthmus, try again.  Collective.

    Parameters
    ----------
    comm
        MPI communicator.
    sheet
        Scenario settings (default :class:`IsthmusSheet`).
    outdir
        If given, rank 0 writes ``reentry_activation.png`` there: the activation map of
        the last complete re-entry cycle (when re-entry was induced).

    Returns
    -------
    dict
        ``reentry_before``, ``cycle_length_ms``, ``s2_coupling_ms``, ``earliest_sites``
        (per cycle: time ms, x, y, z mm), ``reentry_after``, ``s2_tried_after_ms``,
        ``lesion_volume_mm3`` (ablation lesion outside the scar), ``wall_s`` and the
        PNG path (``activation_png``) if written.  Same dict on every rank.
    """
    from cardiotwin.scenarios.lesions import cell_volume_mm3, lesion_cells

    sheet = sheet or IsthmusSheet()
    t0 = time.perf_counter()
    scar = sheet.scar()
    before = induce(comm, sheet, scar)
    line = sheet.ablation_line()
    after = induce(comm, sheet, scar.plus(line))
    mesh = sheet_mesh(comm, sheet)
    lesion_vol = cell_volume_mm3(mesh, lesion_cells(mesh, (line,))
                                 & ~lesion_cells(mesh, scar.lesions))
    wall = allreduce_max(comm, time.perf_counter() - t0)
    res = before.result
    out: dict[str, Any] = {
        "reentry_before": before.reentry,
        "cycle_length_ms": res.cycle_length_ms if res else None,
        "s2_coupling_ms": before.s2_coupling_ms,
        "s2_tried_before_ms": list(before.tried_ms),
        "persist_ms": sheet.persist_ms,
        "earliest_sites": res.as_dict()["earliest_sites"] if res else [],
        "reentry_after": after.reentry,
        "s2_tried_after_ms": list(after.tried_ms),
        "lesion_volume_mm3": lesion_vol,
        "simulated_ms": before.sim_ms + after.sim_ms,
        "ranks": comm.size,
        "wall_s": wall,
    }
    if outdir is not None and before.cycle_map is not None:
        png = Path(outdir) / "reentry_activation.png"
        if comm.rank == 0:
            from cardiotwin.viz.planar import plot_sheet_map

            Path(outdir).mkdir(parents=True, exist_ok=True)
            cm = before.cycle_map
            act = cm["activation_ms"] - np.nanmin(cm["activation_ms"])
            boxes = [((b.lower_mm[0], b.lower_mm[1]), (b.upper_mm[0], b.upper_mm[1]))
                     for b in scar.lesions]
            plot_sheet_map(cm["xy_mm"], act, png, unit="activation time in the cycle (ms)",
                           title=f"re-entry through the isthmus: last cycle before "
                                 f"{cm['t_end_ms']:.0f} ms (CL {res.cycle_length_ms:.0f} ms, "
                                 f"S2 {before.s2_coupling_ms:g} ms)",
                           boxes=boxes, markers=[s[1:3] for s in out["earliest_sites"]],
                           marker_label="earliest activation per cycle")
        out["activation_png"] = str(png)
    return out



