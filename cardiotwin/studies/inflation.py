"""Passive inflation of a ventricle: the end-diastolic pressure–volume relation.

The cavity of one ventricle (the LV by default) is loaded by a follower pressure ramped
from 0 to ``pressure_mmHg``; the other cavities stay at zero pressure; the base is
fixed.  At every load step the cavity volume is computed two independent ways:

- ``divergence``: the surface integral over the reference endocardium with Nanson's
  formula (:func:`cardiotwin.mechanics.cavity.volume_form`, the one the solver uses);
- ``displaced_mesh``: the polyhedron of the displaced mesh's endocardial triangles,
  closed at the base (:func:`cardiotwin.mechanics.cavity.displaced_mesh_volume`),

and their relative difference is reported.  Material: Holzapfel–Ogden (2009) with the
geometry's rule-based fibres, exactly incompressible (P2/P1).
"""

from __future__ import annotations

import logging
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError, MeshError
from cardiotwin.mechanics.holzapfel_ogden import HolzapfelOgden
from cardiotwin.units import mm3_to_mL, mmHg_to_kPa

logger = logging.getLogger(__name__)

#: facet tag names of a cardiotwin geometry folder
ENDO_TAGS = {"lv": "lv-endocardium", "rv": "rv-endocardium"}
BASE_TAG = "base"


@dataclass(frozen=True)
class InflationSetup:
    """A passive inflation.

    Parameters
    ----------
    pressure_mmHg
        Final cavity pressure (mmHg), e.g. 8 mmHg end-diastolic.
    cavity
        ``"lv"`` or ``"rv"``.
    steps
        Load steps (cut automatically on failure).
    max_cuts
        Step halvings allowed per load step.
    material
        The myocardium (default Holzapfel–Ogden 2009).
    incompressibility
        ``"incompressible"`` or ``"nearly-incompressible"``.
    stabilisation_kPa
        Volumetric stabilisation of the mixed formulation (kPa, see
        :class:`cardiotwin.mechanics.MechanicsConfig`).
    linear_solver
        ``"mumps"``, ``"superlu_dist"`` or ``"iterative"``.
    quadrature_degree
        Quadrature degree.
    """

    pressure_mmHg: float = 8.0
    cavity: str = "lv"
    steps: int = 8
    max_cuts: int = 6
    material: Any = field(default_factory=HolzapfelOgden)
    incompressibility: str = "incompressible"
    stabilisation_kPa: float = 0.0
    linear_solver: str = "mumps"
    quadrature_degree: int = 4

    def __post_init__(self) -> None:
        p = self.pressure_mmHg
        if not (isinstance(p, int | float) and np.isfinite(p) and p > 0):
            raise ConfigError(f"InflationSetup.pressure_mmHg = {p!r}: expected a finite "
                              "pressure > 0 (mmHg)")
        if self.cavity not in ENDO_TAGS:
            raise ConfigError(f"InflationSetup.cavity = {self.cavity!r}: expected one of "
                              f"{', '.join(ENDO_TAGS)}")
        if not (isinstance(self.steps, int) and self.steps >= 1):
            raise ConfigError(f"InflationSetup.steps = {self.steps!r}: expected an integer >= 1")


def build_inflation_problem(mesh: Any, facet_tags: Any, facet_tag_ids: dict[str, int],
                            fibres: Any, setup: InflationSetup) -> Any:
    """The :class:`MechanicsProblem` of an inflation (every cavity of the geometry is
    a pressure-loaded :class:`Cavity`, the base is fixed)."""
    from cardiotwin.mechanics import (
        Cavity,
        FixedBoundary,
        MechanicsConfig,
        MechanicsProblem,
        SolverConfig,
    )

    missing = [n for n in (ENDO_TAGS[setup.cavity], BASE_TAG) if n not in facet_tag_ids]
    if missing:
        raise MeshError(f"the geometry has no facet tag(s) {missing}; it has "
                        f"{sorted(facet_tag_ids)}")
    base = facet_tag_ids[BASE_TAG]
    cavities = [Cavity(name, facet_tag_ids[tag], base) for name, tag in ENDO_TAGS.items()
                if tag in facet_tag_ids
                and mesh.comm.allreduce(len(facet_tags.find(facet_tag_ids[tag]))) > 0]
    config = MechanicsConfig(incompressibility=setup.incompressibility,
                             stabilisation_kPa=setup.stabilisation_kPa,
                             quadrature_degree=setup.quadrature_degree,
                             solver=SolverConfig(linear_solver=setup.linear_solver))
    return MechanicsProblem(mesh, setup.material, facet_tags=facet_tags,
                            boundaries=[FixedBoundary(base)], cavities=cavities,
                            fibres=fibres, config=config)


def run_inflation(mesh: Any, facet_tags: Any, facet_tag_ids: dict[str, int], fibres: Any,
                  setup: InflationSetup, *, outdir: str | Path | None = None,
                  pictures: bool = True) -> dict[str, Any]:
    """Inflate ``setup.cavity`` to ``setup.pressure_mmHg`` (collective).

    Parameters
    ----------
    mesh, facet_tags, facet_tag_ids, fibres
        The geometry (e.g. the fields of :func:`cardiotwin.geometry.io.load_geometry`).
    setup
        What to run.
    outdir
        If given: the field series, ``pv.csv`` and ``summary.json`` (see
        :class:`cardiotwin.mechanics.MechanicsWriter`) and, with ``pictures``, a PNG of the
        deformed mesh and of the pressure–volume curve.

    Returns
    -------
    dict
        ``pv``: per converged step the pressure (mmHg) and both volumes (mL);
        ``volume_agreement_max_rel``: the largest relative difference of the two
        volumes; ``dofs``, ``ranks``, ``newton_iterations``, ``wall_s``, ``peak_rss_mb``.

    Raises
    ------
    cardiotwin.mechanics.LoadStepError
        If the inflation fails; ``summary.json`` (when written) then says
        ``"converged": false`` and nothing after the last converged step is written.
    """
    from mpi4py import MPI

    from cardiotwin.mechanics import LoadPath, LoadStepError, MechanicsWriter, solve_load_path

    t0 = time.perf_counter()
    prob = build_inflation_problem(mesh, facet_tags, facet_tag_ids, fibres, setup)
    name = setup.cavity
    if name not in prob.cavities:
        raise MeshError(f"the geometry has no {ENDO_TAGS[name]} facets")
    comm = mesh.comm
    pv: list[dict[str, float]] = []

    def record_volumes(problem: Any, rec: Any) -> None:
        v_div = problem.volume(name)
        v_mesh = problem.displaced_mesh_volume(name)
        pv.append({"pressure_mmHg": rec.pressures_kPa[name] / mmHg_to_kPa(1.0),
                   "volume_divergence_mL": mm3_to_mL(v_div),
                   "volume_displaced_mesh_mL": mm3_to_mL(v_mesh),
                   "rel_difference": abs(v_div - v_mesh) / abs(v_mesh)})

    v0_div = prob.reference_volume(name)
    v0_mesh = prob.displaced_mesh_volume(name)
    pv.append({"pressure_mmHg": 0.0, "volume_divergence_mL": mm3_to_mL(v0_div),
               "volume_displaced_mesh_mL": mm3_to_mL(v0_mesh),
               "rel_difference": abs(v0_div - v0_mesh) / abs(v0_mesh)})
    writer = MechanicsWriter(prob, outdir) if outdir is not None else None

    def on_step(problem: Any, rec: Any) -> None:
        record_volumes(problem, rec)
        if writer is not None:
            writer.write(problem, rec)

    path = LoadPath(pressures_kPa={name: mmHg_to_kPa(setup.pressure_mmHg)},
                    steps=setup.steps, max_cuts=setup.max_cuts)
    summary_head = {"cavity": name, "target_pressure_mmHg": setup.pressure_mmHg,
                    "dofs": prob.dofs(), "ranks": comm.size}
    try:
        result = solve_load_path(prob, path, on_step=on_step)
    except LoadStepError as exc:
        if writer is not None:
            writer.fail(exc, {**summary_head, "pv": pv})
        prob.close()
        raise
    out = {
        **summary_head,
        "material": type(setup.material).__name__,
        "incompressibility": setup.incompressibility,
        "cells": mesh.topology.index_map(mesh.topology.dim).size_global,
        "pv": pv,
        "volume_agreement_max_rel": max(r["rel_difference"] for r in pv),
        "newton_iterations": result.newton_iterations,
        "failed_attempts": len(result.failures),
        "base_ring_offplane_mm": prob.rings[name].max_offplane_mm,
        "wall_s": round(comm.allreduce(time.perf_counter() - t0, op=MPI.MAX), 3),
        "peak_rss_mb": round(comm.allreduce(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, op=MPI.SUM), 1),
    }
    if writer is not None:
        writer.finish(out)
        if pictures:
            out["pictures"] = _pictures(prob, Path(outdir), pv, name)
    prob.close()
    return out


def _pictures(prob: Any, outdir: Path, pv: list[dict[str, float]], name: str) -> list[str]:
    """Deformed mesh and pressure-volume curve (PNG); collective, rank 0 writes."""
    from dolfinx import fem

    from cardiotwin.viz.deformed import plot_pressure_volume, render_deformed
    from cardiotwin.viz.maps import gather_grid

    V1 = fem.functionspace(prob.mesh, ("Lagrange", 1, (3,)))
    u1 = fem.Function(V1)
    u1.interpolate(prob.displacement())
    grid = gather_grid(V1, {"u": u1.x.array.reshape(-1, 3)})
    files = []
    if prob.comm.rank == 0:
        files.append(str(render_deformed(grid, outdir / "deformed.png",
                                         title=f"{name.upper()} at "
                                               f"{pv[-1]['pressure_mmHg']:.1f} mmHg")))
        curves = {
            "divergence theorem": ([r["volume_divergence_mL"] for r in pv],
                                   [r["pressure_mmHg"] for r in pv]),
            "displaced mesh": ([r["volume_displaced_mesh_mL"] for r in pv],
                               [r["pressure_mmHg"] for r in pv]),
        }
        files.append(str(plot_pressure_volume(curves, outdir / "pv.png",
                                              title=f"{name.upper()} passive inflation")))
    return prob.comm.bcast(files, root=0)
