"""The beating phantom: one command from the biventricular phantom to PV loops.

Set-up (:func:`run_beat`):

1. the phantom's label image is meshed at ``edge_length_mm`` (a coarse mesh for the
   mechanics; the electrophysiology runs on the same mesh here);
2. mechanics: Holzapfel–Ogden's transversely isotropic fit with every stiffness times
   :data:`KLOTZ_MATERIAL_SCALE` (fitted to the Klotz et al. 2006 normalised EDPVR on this
   phantom, ``benchmarks/edpvr_klotz.py``; ``fibres_in_compression=True``: the strain
   energy is then smooth at ``I4 = 1``, which Newton needs at every step of a beat),
   nearly incompressible with P1 or P2 displacements, LDRB fibres orthonormalised
   pointwise, base fixed, a spring along the epicardial normal (the pericardium), LV and
   RV cavities; the mesh is taken as the unloaded state and filled with a pressure ramp
   to the end-diastolic pressures;
3. the closed-loop circulation of Regazzoni et al. (2022) scaled to the phantom's size
   (``k`` = LV end-diastolic volume / 120 mL, the adult value);
4. electrophysiology: monodomain with the chosen ionic model, both endocardia stimulated
   at t = 0 of every beat (a fast conduction system), optional I_CaL block;
5. Land 2017 tension at every mechanics quadrature point from the ionic calcium, with
   ``T_ref`` = :data:`PHANTOM_TREF_KPA` (calibrated on this phantom: the published
   120 kPa gives an LV that barely opens its aortic valve, see the README);
6. :class:`~cardiotwin.coupling.electromechanics.Electromechanics` steps it all; the
   last beat's LV and RV metrics (:func:`~cardiotwin.circulation.pv_metrics`) are
   reported with the PV-loop PNG and the traces.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError
from cardiotwin.mechanics.holzapfel_ogden import HolzapfelOgden
from cardiotwin.units import mmHg_to_kPa

logger = logging.getLogger(__name__)

#: adult LV end-diastolic volume (mL) the default circulation is sized for
ADULT_LV_EDV_ML = 120.0

#: scale on Holzapfel-Ogden's transversely isotropic fit that puts the phantom LV's
#: normalised EDPVR on Klotz et al. (2006) at 8 mmHg (``benchmarks/edpvr_klotz.py
#: --edge-length 6``: 0.650; RMSE 0.94 mmHg over 0-30 mmHg)
KLOTZ_MATERIAL_SCALE = 0.65

#: Land T_ref (kPa) of the phantom: with the published 120 kPa and the mesh as the
#: unloaded state the LV reaches 90 mmHg and ejects 12 %; 300 kPa brings its peak
#: pressure into 100-140 mmHg (README, "The beating heart")
PHANTOM_TREF_KPA = 300.0


@dataclass(frozen=True)
class BeatConfig:
    """A beating-phantom run.

    Parameters
    ----------
    edge_length_mm
        Mesh edge length of the phantom (mm).
    displacement_degree
        1 or 2 (Lagrange) for the mechanics.
    bulk_modulus_kPa
        Volumetric penalty of the nearly incompressible myocardium (kPa).
    beats, cycle_length_ms
        Number of beats and their period (ms).
    dt_ms, ep_dt_ms
        Step of mechanics/tension/circulation and of the electrophysiology (ms).
    ionic_model
        Registry name of a model with intracellular calcium.
    ical_block
        Fraction of I_CaL blocked (0 = control), e.g. a calcium-channel blocker.
    Tref_kPa
        Land reference tension (kPa).
    material
        The passive myocardium.
    epicardial_spring_kPa_per_mm
        Stiffness of the spring along the epicardial normal (kPa/mm; 0: none).
    edp_lv_mmHg, edp_rv_mmHg
        End-diastolic pressures the unloaded mesh is filled to (mmHg).
    sigma_f_S_per_m, sigma_s_S_per_m
        Conductivities along and across fibres (S/m).
    """

    edge_length_mm: float = 6.0
    displacement_degree: int = 1
    bulk_modulus_kPa: float = 200.0
    beats: int = 1
    cycle_length_ms: float = 800.0
    dt_ms: float = 1.0
    ep_dt_ms: float = 0.05
    ionic_model: str = "tp06-endo"
    ical_block: float = 0.0
    Tref_kPa: float = PHANTOM_TREF_KPA
    edp_lv_mmHg: float = 8.0
    edp_rv_mmHg: float = 4.0
    sigma_f_S_per_m: float = 0.3
    sigma_s_S_per_m: float = 0.1
    fill_steps: int = 8
    land_overrides: dict[str, float] = field(default_factory=dict)
    material: HolzapfelOgden = field(default_factory=lambda: HolzapfelOgden.transversely_isotropic(
        fibres_in_compression=True).scaled(KLOTZ_MATERIAL_SCALE))
    epicardial_spring_kPa_per_mm: float = 0.05

    def __post_init__(self) -> None:
        def pos(name: str, hi: float = float("inf")) -> None:
            v = getattr(self, name)
            if not (isinstance(v, int | float) and np.isfinite(v) and 0 < v <= hi):
                raise ConfigError(f"BeatConfig.{name} = {v!r}: expected a number in (0, {hi}]")

        for name in ("edge_length_mm", "bulk_modulus_kPa", "cycle_length_ms", "dt_ms",
                     "ep_dt_ms", "Tref_kPa", "edp_lv_mmHg", "edp_rv_mmHg",
                     "sigma_f_S_per_m", "sigma_s_S_per_m"):
            pos(name)
        if self.displacement_degree not in (1, 2):
            raise ConfigError(f"BeatConfig.displacement_degree = {self.displacement_degree!r}"
                              ": expected 1 or 2")
        if not (isinstance(self.beats, int) and 1 <= self.beats <= 50):
            raise ConfigError(f"BeatConfig.beats = {self.beats!r}: expected 1..50")
        if not (isinstance(self.ical_block, int | float) and 0 <= self.ical_block <= 1):
            raise ConfigError(f"BeatConfig.ical_block = {self.ical_block!r}: expected a "
                              "fraction in [0, 1]")
        k = self.epicardial_spring_kPa_per_mm
        if not (isinstance(k, int | float) and np.isfinite(k) and k >= 0):
            raise ConfigError(f"BeatConfig.epicardial_spring_kPa_per_mm = {k!r}: expected a "
                              "number >= 0 (kPa/mm)")
        if not isinstance(self.material, HolzapfelOgden):
            raise ConfigError(f"BeatConfig.material = {self.material!r}: expected a "
                              "HolzapfelOgden law")
        if not (isinstance(self.fill_steps, int) and self.fill_steps >= 1):
            raise ConfigError(f"BeatConfig.fill_steps = {self.fill_steps!r}: expected >= 1")


#: the ``--quick`` demo: coarse steps, one beat
QUICK = BeatConfig(dt_ms=2.0, ep_dt_ms=0.1, cycle_length_ms=700.0)

#: I_CaL conductance parameter of the shipped models
ICAL_PARAMETER = {"tp06": "gCaL", "ord": "PCa"}


def _ical_parameter(model: str) -> str:
    for prefix, name in ICAL_PARAMETER.items():
        if model.startswith(prefix):
            return name
    raise ConfigError(f"no I_CaL parameter known for ionic model {model!r}; use one of the "
                      f"{', '.join(ICAL_PARAMETER)} families")


def build_beat(comm: Any, cfg: BeatConfig, workdir: str | Path) -> Any:
    """Mesh, mechanics filled to end diastole, circulation, EP and the coupled model."""
    from cardiotwin.circulation import ClosedLoopCirculation, ClosedLoopParameters
    from cardiotwin.coupling.electromechanics import CouplingConfig, Electromechanics
    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import IonicRegion, Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.pipeline import mesh_labels
    from cardiotwin.geometry.regions import Tagged
    from cardiotwin.ionic.parameters import ParameterChanges
    from cardiotwin.ionic.protocol import Protocol
    from cardiotwin.mechanics import (
        ActiveStress,
        Cavity,
        FixedBoundary,
        LoadPath,
        MechanicsConfig,
        MechanicsProblem,
        SolverConfig,
        SpringBoundary,
        solve_load_path,
    )
    from cardiotwin.mechanics.kinematics import OrthonormalFrame
    from cardiotwin.mechanics.land import LandParameters, LandTensionLaw

    labels = Path(__file__).resolve().parents[2] / "meshes" / "phantom_biv_labels.nii.gz"
    if not labels.is_file():
        raise ConfigError(f"the phantom label image {labels} is not in this installation")
    geo = mesh_labels(labels, Path(workdir) / f"phantom_{cfg.edge_length_mm:g}mm",
                      edge_length_mm=cfg.edge_length_mm, comm=comm)
    ids = geo.facet_tag_ids
    land = LandParameters(Tref_kPa=cfg.Tref_kPa, **cfg.land_overrides)
    mcfg = MechanicsConfig(incompressibility="nearly-incompressible",
                           bulk_modulus_kPa=cfg.bulk_modulus_kPa,
                           displacement_degree=cfg.displacement_degree, pressure_degree=1,
                           quadrature_degree=2 * cfg.displacement_degree,
                           options_prefix="beat_",
                           # full Newton steps diverge on the soft, contracting phantom
                           # wall; backtracking on the residual norm converges
                           solver=SolverConfig(line_search="bt"))
    cavities = [Cavity("lv", ids["lv-endocardium"], ids["base"]),
                Cavity("rv", ids["rv-endocardium"], ids["base"])]
    boundaries: list[Any] = [FixedBoundary(ids["base"])]
    if cfg.epicardial_spring_kPa_per_mm > 0:
        # the pericardium: a spring along the epicardial normal
        boundaries.append(SpringBoundary(ids["epicardium"], cfg.epicardial_spring_kPa_per_mm,
                                         direction="normal"))
    mech = MechanicsProblem(
        geo.mesh, cfg.material, facet_tags=geo.facet_tags,
        boundaries=boundaries, cavities=cavities,
        fibres=OrthonormalFrame.of(geo.fibres),
        active=ActiveStress(space="quadrature", tension_law=LandTensionLaw(land.beta0)),
        config=mcfg)
    solve_load_path(mech, LoadPath(pressures_kPa={"lv": mmHg_to_kPa(cfg.edp_lv_mmHg),
                                                  "rv": mmHg_to_kPa(cfg.edp_rv_mmHg)},
                                   steps=cfg.fill_steps))
    edv_ml = mech.volume("lv") / 1000.0
    circ_params = ClosedLoopParameters(cycle_length_ms=cfg.cycle_length_ms).scaled(
        edv_ml / ADULT_LV_EDV_ML)
    circulation = ClosedLoopCirculation(circ_params)

    changes = ParameterChanges()
    if cfg.ical_block > 0:
        changes = ParameterChanges(scale={_ical_parameter(cfg.ionic_model):
                                          1.0 - cfg.ical_block})
    stim = Stimulus(Tagged(("lv-endocardium", "rv-endocardium"), entity="facet"),
                    Protocol(start_ms=0.0, duration_ms=2.0, amplitude=60.0,
                             period_ms=cfg.cycle_length_ms, number=cfg.beats),
                    name="endocardium")
    ep = Monodomain(geo, [IonicRegion(cfg.ionic_model, None, changes)],
                    Conductivity(cfg.sigma_f_S_per_m, cfg.sigma_s_S_per_m),
                    MonodomainConfig(dt_ms=cfg.ep_dt_ms, activation_threshold=-40.0),
                    stimuli=[stim])
    em = Electromechanics(ep, mech, circulation, land=land,
                          config=CouplingConfig(dt_ms=cfg.dt_ms))
    return em


def run_beat(comm: Any, cfg: BeatConfig, outdir: str | Path, *,
             progress: Any = None, pictures: bool = True) -> dict[str, Any]:
    """Run ``cfg.beats`` beats and report the last one (collective; module notes).

    Returns
    -------
    dict
        ``lv``, ``rv``: ``edv_ml``, ``esv_ml``, ``sv_ml``, ``ef_percent``,
        ``peak_pressure_mmhg``, ``dpdt_max_mmhg_per_s``, ``edp_mmhg``; ``outputs``
        (``pv_loop_png``, ``traces_csv``, ``summary_json``), ``timings_s`` (ep, tension,
        circulation, mechanics), ``newton_iterations_mean``, ``blood_volume_drift_mL``,
        ``config``, ``ranks``, ``wall_s``.  Same dict on every rank.
    """
    from mpi4py import MPI

    from cardiotwin.circulation import pv_metrics

    out = Path(outdir)
    if comm.rank == 0:
        out.mkdir(parents=True, exist_ok=True)
    comm.Barrier()
    t0 = time.perf_counter()
    em = build_beat(comm, cfg, out)
    t_setup = time.perf_counter() - t0
    v_blood0 = em.circulation.total_volume_mL()
    em.run(cfg.beats * cfg.cycle_length_ms, progress=progress)
    tr = em.traces()
    last = tr["time_ms"] >= (cfg.beats - 1) * cfg.cycle_length_ms - 1e-9
    summary: dict[str, Any] = {}
    for v in ("lv", "rv"):
        summary[v] = pv_metrics(tr["time_ms"][last], tr[f"{v}_volume_mL"][last],
                                tr[f"{v}_pressure_mmHg"][last])
    files = {"pv_loop_png": str(out / "pv_loop.png"), "traces_csv": str(out / "traces.csv"),
             "summary_json": str(out / "summary.json")}
    summary.update({
        "outputs": files,
        "peak_Ta_kPa": float(tr["Ta_max_kPa"].max()),
        "peak_cai_uM": float(tr["cai_max_uM"].max()),
        "blood_volume_drift_mL": em.circulation.total_volume_mL() - v_blood0,
        "newton_iterations_mean": float(np.mean(em.newton_iterations)),
        "timings_s": {k: round(comm.allreduce(v, op=MPI.MAX), 2)
                      for k, v in em.timings.items()},
        "setup_s": round(t_setup, 2),
        "mechanics_dofs": em.mechanics.dofs(),
        "ranks": comm.size,
        "config": asdict(cfg),
        "wall_s": round(comm.allreduce(time.perf_counter() - t0, op=MPI.MAX), 2),
    })
    if comm.rank == 0:
        keys = list(tr)
        np.savetxt(files["traces_csv"], np.column_stack([tr[k] for k in keys]),
                   delimiter=",", header=",".join(keys), comments="")
        if pictures:
            from cardiotwin.viz.deformed import plot_pressure_volume

            curves = {v.upper(): (tr[f"{v}_volume_mL"][last], tr[f"{v}_pressure_mmHg"][last])
                      for v in ("lv", "rv")}
            plot_pressure_volume(curves, files["pv_loop_png"],
                                 title=f"PV loops, beat {cfg.beats}")
        else:
            files.pop("pv_loop_png")
        Path(files["summary_json"]).write_text(json.dumps(summary, indent=2, default=float))
    em.mechanics.close()
    return comm.bcast(summary, root=0)
