"""The full monodomain model of a twin: same roots, velocities and fast endocardial layer.

Used to check the fast model, to make synthetic patients and for a twin's predictions.

- **Conductivities**: each velocity (fibre, sheet, normal, endocardial layer) becomes the
  conductivity that gives it on a strip of the mesh's edge length
  (:class:`~cardiotwin.ep.velocity.VelocityCurve`).
- **Fast endocardial layer**: the tetrahedra with a face on the ``lv-endocardium`` or
  ``rv-endocardium`` surface (the same as the eikonal model's) conduct isotropically.
- **Roots**: a stimulus (2 ms, 60 µA/µF) in a ball of ``stimulus_radius_mm`` around each
  root vertex, at the root's time plus ``t_offset_ms``.
- **Repolarisation**: endocardial, M and epicardial TP06 cells across the wall
  (:func:`~cardiotwin.ep.monodomain.transmural_layers`) with I_Kr and I_Ks scaled by one
  factor; :func:`ik_scale_for_apd` finds the factor that gives an APD90 (single cell,
  epicardial model, 1 Hz).
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

from cardiotwin.ep.conductivity import Conductivity, conductivity_tensor
from cardiotwin.ep.eikonal import ENDO_TAGS
from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig, transmural_layers
from cardiotwin.ep.stimulus import Stimulus
from cardiotwin.ep.velocity import VelocityCurve
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import Sphere
from cardiotwin.ionic.parameters import ParameterChanges
from cardiotwin.ionic.protocol import Protocol
from cardiotwin.twin.forward import TwinModel
from cardiotwin.twin.parameters import TwinParameters

logger = logging.getLogger(__name__)

IK_PARAMETERS = ("gKr", "gKs")


def ik_changes(scale: float) -> ParameterChanges:
    """I_Kr and I_Ks conductances multiplied by ``scale``."""
    if not (np.isfinite(scale) and 0.05 <= scale <= 20):
        raise ConfigError(f"I_K scale {scale!r}: expected 0.05..20")
    return ParameterChanges(scale=dict.fromkeys(IK_PARAMETERS, float(scale)))


def single_cell_apd(scale: float, *, model: str = "tp06-epi", bcl_ms: float = 1000.0) -> float:
    """APD90 (ms) of one cell with I_Kr and I_Ks scaled (3 beats at ``bcl_ms``)."""
    from cardiotwin.ionic import get_model
    from cardiotwin.ionic.simulate import PacingProtocol, pace

    m = get_model(model)
    params = m.default_params(1)
    ik_changes(scale).apply(m, params)
    res = pace(m, PacingProtocol(bcl_ms=bcl_ms, beats=3, dt_ms=0.02), params=params)
    return float(res.biomarkers.apd90_ms)


def ik_scale_for_apd(apd_ms: float, *, model: str = "tp06-epi") -> float:
    """The I_K scale whose single-cell APD90 is ``apd_ms`` (bisection in log scale)."""
    lo, hi = np.log(0.1), np.log(10.0)
    a_lo, a_hi = single_cell_apd(np.exp(lo), model=model), single_cell_apd(np.exp(hi),
                                                                           model=model)
    if not a_hi <= apd_ms <= a_lo:
        raise ConfigError(f"APD {apd_ms:.0f} ms is outside what I_K scaling gives "
                          f"({a_hi:.0f}..{a_lo:.0f} ms)")
    for _ in range(14):
        mid = 0.5 * (lo + hi)
        if single_cell_apd(np.exp(mid), model=model) > apd_ms:
            lo = mid
        else:
            hi = mid
    return float(np.exp(0.5 * (lo + hi)))


def mean_edge_mm(model: TwinModel) -> float:
    """Mean edge length (mm) of the twin's mesh."""
    X, t = model.mesh.points, model.mesh.tets
    e = [np.linalg.norm(X[t[:, a]] - X[t[:, b]], axis=1)
         for a, b in ((0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3))]
    return float(np.mean(e))


def endo_layer_indicator(geometry: Any) -> Any:
    """DG0 Function: 1 on the cells with a facet on the endocardial surfaces, else 0."""
    import dolfinx

    mesh = geometry.mesh
    tdim = mesh.topology.dim
    mesh.topology.create_connectivity(tdim - 1, tdim)
    f2c = mesh.topology.connectivity(tdim - 1, tdim)
    V0 = dolfinx.fem.functionspace(mesh, ("DG", 0))
    chi = dolfinx.fem.Function(V0, name="endo_layer")
    for tag in ENDO_TAGS:
        tid = geometry.facet_tag_ids.get(tag)
        if tid is None:
            continue
        for f in geometry.facet_tags.find(tid):
            chi.x.array[f2c.links(f)] = 1.0
    chi.x.scatter_forward()
    return chi


def full_conductivity(geometry: Any, curve: VelocityCurve, params: TwinParameters
                      ) -> tuple[Any, dict[str, float]]:
    """UFL conductivity tensor (S/m) of a twin's velocities, and the values used."""
    import ufl

    v = params.velocities
    sf, ss, sn, se = (float(s) for s in curve.conductivity([v.fibre, v.sheet, v.normal,
                                                             v.endo]))
    aniso = conductivity_tensor(geometry.mesh, Conductivity(sf, ss, sn),
                                fibres=geometry.fibres)
    values = {"sigma_f": sf, "sigma_s": ss, "sigma_n": sn, "sigma_endo": se}
    if v.endo <= v.fibre:
        return aniso, values
    chi = endo_layer_indicator(geometry)
    return (1.0 - chi) * aniso + chi * se * ufl.Identity(3), values


def full_model(geometry: Any, model: TwinModel, params: TwinParameters, curve: VelocityCurve,
               *, ik_scale: float = 1.0, ionic: Any = None, t_offset_ms: float = 30.0,
               stimulus_radius_mm: float | None = None, dt_ms: float | None = None,
               conductivity_scaling: Any = None) -> tuple[Monodomain, dict]:
    """A :class:`~cardiotwin.ep.monodomain.Monodomain` of the twin (module docstring).

    Returns the simulation and a record of the conductivities, stimuli and I_K scale.
    ``ionic`` overrides the ionic regions (e.g. with a drug applied); by default the TP06
    layers with :func:`ik_changes`.  ``conductivity_scaling`` (a DG0/P1 Function) multiplies
    the tensor (0 in lesions).
    """
    sigma, values = full_conductivity(geometry, curve, params)
    if conductivity_scaling is not None:
        sigma = conductivity_scaling * sigma
    h = mean_edge_mm(model)
    r = stimulus_radius_mm or 1.2 * h
    stimuli = []
    sites = []
    for k, root in enumerate(params.roots):
        vtx = model.root_vertex(root)
        c = tuple(float(x) for x in model.mesh.points[vtx])
        stimuli.append(Stimulus(Sphere(c, r), Protocol(start_ms=root.t_ms + t_offset_ms,
                                                       duration_ms=2.0, amplitude=60.0),
                                name=f"root{k}"))
        sites.append({"x_mm": c[0], "y_mm": c[1], "z_mm": c[2], "t_ms": root.t_ms})
    regions = ionic if ionic is not None else transmural_layers(
        "tp06", parameters=ik_changes(ik_scale))
    cfg = MonodomainConfig(dt_ms=dt_ms or curve.dt_ms, activation_threshold=-20.0)
    sim = Monodomain(geometry, regions, sigma, cfg, stimuli=stimuli)
    return sim, {"conductivity_S_per_m": values, "roots": sites, "ik_scale": ik_scale,
                 "stimulus_radius_mm": r, "t_offset_ms": t_offset_ms, "dt_ms": cfg.dt_ms}
