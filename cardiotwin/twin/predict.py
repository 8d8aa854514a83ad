"""Running the full monodomain model on a twin: scenarios and drug predictions.

The twin's best-fitting parameters (roots, velocities, fast endocardial layer) drive a
:func:`~cardiotwin.twin.fullmodel.full_model`; its repolarisation comes from the fitted
mean APD through the I_K scale that gives that APD in a single epicardial cell
(:func:`~cardiotwin.twin.fullmodel.ik_scale_for_apd`).  A scenario adds pacing sites
(extra roots at given points and times), non-conducting lesions (balls) and a drug
(:meth:`cardiotwin.scenarios.drugs.Drug.apply_to`).  The QT interval is read from the
12-lead pseudo-ECG (:func:`cardiotwin.analysis.ecg12.delineate`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.analysis.ecg12 import delineate
from cardiotwin.ep.monodomain import transmural_layers
from cardiotwin.ep.velocity import VelocityCurve
from cardiotwin.exceptions import ConfigError
from cardiotwin.io.ecg import ECG12, write_ecg_csv
from cardiotwin.twin.fullmodel import ik_changes, ik_scale_for_apd, mean_edge_mm
from cardiotwin.twin.parameters import TwinParameters
from cardiotwin.twin.synthetic import simulate_patient

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Scenario:
    """What to change on a twin before running the full model.

    Parameters
    ----------
    pacing
        Extra activation sites: ``(x_mm, y_mm, z_mm, t_ms)``, snapped to the nearest
        endocardial vertex (time after the first root).
    lesions
        Non-conducting balls ``(x_mm, y_mm, z_mm, radius_mm)``.
    drug, cmax_multiple
        A compound of the drug library (``cardiotwin drug --list``) at a multiple of its
        free Cmax.
    t_end_ms
        Simulated time (ms).
    """

    pacing: tuple[tuple[float, float, float, float], ...] = ()
    lesions: tuple[tuple[float, float, float, float], ...] = ()
    drug: str | None = None
    cmax_multiple: float | None = None
    t_end_ms: float = 500.0
    sinus: bool = True

    def __post_init__(self) -> None:
        for name, rows in (("pacing", self.pacing), ("lesions", self.lesions)):
            for r in rows:
                if len(r) != 4 or not np.all(np.isfinite(np.asarray(r, float))):
                    raise ConfigError(f"Scenario.{name}: {r!r} is not 4 finite numbers")
        for r in self.lesions:
            if r[3] <= 0:
                raise ConfigError(f"Scenario.lesions: radius {r[3]} mm must be > 0")
        if (self.drug is None) != (self.cmax_multiple is None):
            raise ConfigError("Scenario: give a drug and its cmax_multiple together")
        if self.cmax_multiple is not None and not self.cmax_multiple >= 0:
            raise ConfigError(f"Scenario.cmax_multiple = {self.cmax_multiple}: expected >= 0")
        if not 50 <= self.t_end_ms <= 5000:
            raise ConfigError(f"Scenario.t_end_ms = {self.t_end_ms}: expected 50..5000 ms")
        if not self.sinus and not self.pacing:
            raise ConfigError("Scenario: without the sinus roots give at least one pacing site")


@dataclass
class ScenarioResult:
    """ECG, intervals and activation summary of one full-model run of a twin."""

    ecg: ECG12
    intervals: dict
    total_activation_ms: float
    mean_apd90_ms: float
    wall_s: float
    record: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"intervals": self.intervals, "total_activation_ms": self.total_activation_ms,
                "mean_apd90_ms": self.mean_apd90_ms, "wall_s": self.wall_s,
                **{k: v for k, v in self.record.items()
                   if k in ("conductivity_S_per_m", "ik_scale", "roots", "dt_ms",
                            "never_activated")}}


def run_scenario(geometry: Any, model: Any, params: TwinParameters, scenario: Scenario, *,
                 ik_scale: float, curve: VelocityCurve | None = None,
                 out: str | Path | None = None, dt_ms: float = 0.05) -> ScenarioResult:
    """Run the full model of ``params`` with ``scenario`` (collective)."""
    from cardiotwin.scenarios.library import get_drug

    curve = curve or VelocityCurve.measure("tp06-epi", h_mm=mean_edge_mm(model), dt_ms=dt_ms,
                                           sigmas=(0.15, 0.3, 1.0, 3.0, 10.0))
    roots = list(params.roots) if scenario.sinus else []
    for x, y, z, t in scenario.pacing:
        v = model.nearest_endocardial_vertex((x, y, z))
        roots.append(model.root_at_vertex(v, float(t)))
    p = TwinParameters(tuple(roots), params.velocities, params.repolarisation)
    ionic = transmural_layers("tp06", parameters=ik_changes(ik_scale))
    if scenario.drug is not None:
        ionic = get_drug(scenario.drug).apply_to(ionic, cmax_multiple=scenario.cmax_multiple,
                                                 allow_missing=True)
    t0 = time.perf_counter()
    lesion_scaling = _lesion_scaling(geometry, scenario.lesions) if scenario.lesions else None
    ecg, truth = simulate_patient(geometry, model, p, curve, ik_scale=ik_scale,
                                  t_end_ms=scenario.t_end_ms, ionic=ionic,
                                  conductivity_scaling=lesion_scaling,
                                  require_activation=False)
    wall = time.perf_counter() - t0
    comm = geometry.mesh.comm
    act = truth["activation_ms_local"] - truth["t_offset_ms"]
    from mpi4py import MPI

    tat = comm.allreduce(float(np.nanmax(act)) if act.size else -np.inf, op=MPI.MAX)
    try:
        d = delineate(ecg.t_ms, ecg.matrix()).as_dict()
    except ConfigError as exc:
        d = {"error": str(exc)}
    if out is not None and comm.rank == 0:
        o = Path(out)
        o.mkdir(parents=True, exist_ok=True)
        write_ecg_csv(o / "ecg12.csv", ecg)
    truth.pop("sim", None)
    rec = {k: v for k, v in truth.items() if not isinstance(v, np.ndarray)}
    return ScenarioResult(ecg, d, tat, truth["mean_apd90_ms"], wall, rec)


def _lesion_scaling(geometry: Any, lesions: Sequence[tuple[float, float, float, float]]
                    ) -> Any:
    """DG0 conductivity scaling: 0 in the cells whose midpoint lies in a lesion ball."""
    import dolfinx

    from cardiotwin.geometry.regions import RegionResolver, Sphere, Union

    res = RegionResolver.for_domain(geometry)
    balls = [Sphere(tuple(r[:3]), float(r[3])) for r in lesions]
    region = balls[0] if len(balls) == 1 else Union(tuple(balls))
    mask = res.cells(region)
    V0 = dolfinx.fem.functionspace(geometry.mesh, ("DG", 0))
    s = dolfinx.fem.Function(V0, name="lesions")
    s.x.array[:] = 1.0
    s.x.array[: mask.size][mask] = 0.0
    s.x.scatter_forward()
    return s


def predict_drug(twin: Any, drug: str, cmax_multiple: float, *, t_end_ms: float = 550.0,
                 parameters: TwinParameters | None = None, ik_scale: float | None = None,
                 out: str | Path | None = None) -> dict:
    """The QT change a drug causes in a twin: full model without and with the drug.

    ``parameters``/``ik_scale`` override the twin's (e.g. the true parameters of a
    synthetic patient, for comparison).  Collective.
    """
    geo = twin.geometry()
    model = twin.model(geo)
    params = parameters or twin.parameters()
    scale = ik_scale if ik_scale is not None else ik_scale_for_apd(
        float(twin.record["parameters"]["apd_ms"]))
    curve = VelocityCurve.measure("tp06-epi", h_mm=mean_edge_mm(model), dt_ms=0.05,
                                  sigmas=(0.15, 0.3, 1.0, 3.0, 10.0))
    base = run_scenario(geo, model, params, Scenario(t_end_ms=t_end_ms), ik_scale=scale,
                        curve=curve, out=None if out is None else Path(out) / "control")
    dosed = run_scenario(geo, model, params, Scenario(drug=drug, cmax_multiple=cmax_multiple,
                                                      t_end_ms=t_end_ms),
                         ik_scale=scale, curve=curve,
                         out=None if out is None else Path(out) / "drug")
    qt0, qt1 = base.intervals.get("qt_ms"), dosed.intervals.get("qt_ms")
    return {"drug": drug, "cmax_multiple": cmax_multiple, "ik_scale": scale,
            "qt_control_ms": qt0, "qt_drug_ms": qt1,
            "delta_qt_ms": None if qt0 is None or qt1 is None else qt1 - qt0,
            "control": base.as_dict(), "dosed": dosed.as_dict()}
