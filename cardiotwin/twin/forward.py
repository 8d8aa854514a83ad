"""The twin's fast forward model: parameters -> activation map -> 12-lead ECG.

An anatomy (:class:`~cardiotwin.geometry.io.Geometry`) becomes an
:class:`~cardiotwin.ep.eikonal.EikonalMesh`, the heart's own axes
(:func:`~cardiotwin.geometry.frame.heart_frame`), the ventricular coordinates of its
endocardial vertices (:mod:`cardiotwin.twin.parameters`) and the 12-lead lead-field
weights; then each evaluation is one eikonal solve and one reaction-eikonal sum.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.ep.conductivity import Conductivity
from cardiotwin.ep.eikonal import (
    APTemplate,
    EikonalMesh,
    ReactionEikonal,
    Velocities,
    lead_field_weights,
)
from cardiotwin.ep.electrodes import check_electrodes, lead_matrix, standard_electrodes
from cardiotwin.exceptions import MeshError
from cardiotwin.io.ecg import ECG12, from_matrix
from cardiotwin.twin.parameters import ANGLE_WEIGHT, VENTRICLES, Repolarisation, Root

#: the geometry must carry these for a twin
REQUIRED_FACET_TAGS = ("lv-endocardium",)
REQUIRED_COORDINATES = ("transmural", "apicobasal")


def check_anatomy(geometry: Any, *, where: str = "anatomy") -> None:
    """Raise :class:`MeshError` if a geometry lacks what a twin needs (before any fit)."""
    missing = [t for t in REQUIRED_FACET_TAGS if t not in geometry.facet_tag_ids]
    if missing:
        raise MeshError(f"{where}: no facet tag {', '.join(missing)} (has "
                        f"{sorted(geometry.facet_tag_ids) or 'none'}); a twin needs the "
                        "endocardial surfaces tagged: build the folder with `cardiotwin mesh` "
                        "from a label image with lv-myocardium, lv-blood (and rv-blood)")
    fib = geometry.fibres
    for c in REQUIRED_COORDINATES:
        if getattr(fib, c, None) is None:
            raise MeshError(f"{where}: the geometry has no {c} coordinate")


@dataclass(frozen=True)
class HeartAxes:
    """Centre (mm) and unit axes used for the rotational coordinate."""

    centre: tuple[float, float, float]
    long: tuple[float, float, float]
    septal: tuple[float, float, float]

    @property
    def third(self) -> npt.NDArray[np.float64]:
        return np.cross(self.long, self.septal)

    def angle(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Rotational angle (rad) of points around the long axis (0 = septal direction)."""
        d = np.asarray(x, float) - np.asarray(self.centre)
        return np.arctan2(d @ self.third, d @ np.asarray(self.septal))


class TwinModel:
    """Fast forward model of one anatomy (see the module docstring).

    Parameters
    ----------
    mesh
        The anatomy as an :class:`EikonalMesh` (with ``lv``/``rv`` endocardial vertices and
        the ``transmural``/``apicobasal`` coordinates).
    axes
        The heart's centre and axes.
    electrodes
        Electrode positions (mm); default: the generic torso
        (:func:`~cardiotwin.ep.electrodes.standard_electrodes`).
    template
        Template action potential (default: a single TP06 epicardial cell at 1 Hz).
    conductivity
        Tissue conductivity (S/m) of the lead field.
    """

    def __init__(self, mesh: EikonalMesh, axes: HeartAxes, *,
                 electrodes: Mapping[str, Sequence[float]] | None = None,
                 template: APTemplate | None = None,
                 conductivity: Conductivity | None = None) -> None:
        self.mesh = mesh
        self.axes = axes
        if electrodes is None:
            electrodes = standard_electrodes(axes_as_frame(axes))
        self.electrodes = check_electrodes(electrodes)
        self.template = template or APTemplate.from_model("tp06-epi")
        self.conductivity = conductivity or Conductivity(0.6, 0.25)
        W = lead_field_weights(mesh, self.electrodes, sigma_f=self.conductivity.sigma_f,
                               sigma_s=self.conductivity.sigma_s,
                               sigma_n=self.conductivity.values[2])
        self.reaction = ReactionEikonal(mesh, lead_matrix() @ W, self.template)
        for key in ("transmural", "apicobasal"):
            if key not in mesh.coordinates:
                raise MeshError(f"the twin's mesh has no {key} coordinate")
        self.apicobasal = mesh.coordinates["apicobasal"]
        self.transmural = mesh.coordinates["transmural"]
        self.angle = axes.angle(mesh.points)
        if "lv" not in mesh.endo_vertices:
            raise MeshError("the twin's mesh has no lv-endocardium vertices")
        self._candidates = {v: np.asarray(mesh.endo_vertices[v], np.int64)
                            for v in VENTRICLES if v in mesh.endo_vertices}

    @classmethod
    def from_geometry(cls, geometry: Any, **kwargs: Any) -> TwinModel:
        """Build from a distributed geometry (collective; every rank holds the whole model)."""
        from cardiotwin.geometry.frame import heart_frame

        check_anatomy(geometry)
        frame = heart_frame(geometry)
        mesh = EikonalMesh.from_geometry(geometry)
        return cls(mesh, HeartAxes(frame.centre_mm, frame.long_axis, frame.septal_axis),
                   **kwargs)

    # ------------------------------------------------------------------ coordinates
    def root_vertex(self, root: Root) -> int:
        """The endocardial vertex of a root (module docstring of
        :mod:`cardiotwin.twin.parameters`); an RV root on an anatomy without an RV goes to
        the LV."""
        cand = self._candidates.get(root.ventricle, self._candidates["lv"])
        dab = self.apicobasal[cand] - root.apicobasal
        dphi = (self.angle[cand] - root.angle_rad + math.pi) % (2 * math.pi) - math.pi
        return int(cand[int(np.argmin(dab**2 + (ANGLE_WEIGHT * dphi) ** 2))])

    def root_at_vertex(self, vertex: int, t_ms: float = 0.0) -> Root:
        """The :class:`Root` of an endocardial vertex (inverse of :meth:`root_vertex`)."""
        for v, cand in self._candidates.items():
            if vertex in set(cand.tolist()):
                return Root(v, float(self.apicobasal[vertex]), float(self.angle[vertex]), t_ms)
        raise MeshError(f"vertex {vertex} is not on an endocardial surface")

    def nearest_endocardial_vertex(self, point_mm: Sequence[float]) -> int:
        cand = np.concatenate(list(self._candidates.values()))
        return self.mesh.nearest_vertex(point_mm, cand)

    # ------------------------------------------------------------------ evaluation
    def activation(self, roots: Sequence[Root], velocities: Velocities
                   ) -> tuple[npt.NDArray[np.float64], list[int]]:
        """Activation times (ms) and the roots' vertices."""
        verts = [self.root_vertex(r) for r in roots]
        return self.mesh.activation_times(velocities,
                                          [(v, r.t_ms) for v, r in zip(verts, roots,
                                                                         strict=True)]), verts

    def apd(self, repolarisation: Repolarisation) -> npt.NDArray[np.float64]:
        """APD field (ms) at the vertices."""
        return repolarisation.field(self.apicobasal, self.transmural)

    def leads(self, activation_ms: npt.NDArray[np.float64], apd_ms: npt.ArrayLike,
              t_ms: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """(12, len(t_ms)) lead potentials (mV, order of :data:`~cardiotwin.io.ecg.LEADS`)."""
        return self.reaction.electrodes(activation_ms, apd_ms, t_ms)

    def ecg(self, roots: Sequence[Root], velocities: Velocities,
            repolarisation: Repolarisation, t_ms: npt.NDArray[np.float64]) -> ECG12:
        """The 12-lead ECG of a parameter set, sampled at ``t_ms`` (time 0 = first root)."""
        act, _ = self.activation(roots, velocities)
        return from_matrix(t_ms, self.leads(act, self.apd(repolarisation), t_ms),
                           source="reaction-eikonal")


def axes_as_frame(axes: HeartAxes) -> Any:
    """The :class:`~cardiotwin.geometry.frame.HeartFrame` of some :class:`HeartAxes`."""
    from cardiotwin.geometry.frame import HeartFrame

    return HeartFrame(tuple(axes.centre), tuple(axes.long), tuple(axes.septal))


def effective_roots(activation_ms: npt.NDArray[np.float64], vertices: Sequence[int],
                    roots: Sequence[Root], *, tol_ms: float = 1e-6) -> list[int]:
    """Indices of the roots that start activation themselves (not overrun by another)."""
    return [k for k, (v, r) in enumerate(zip(vertices, roots, strict=True))
            if activation_ms[v] >= r.t_ms - tol_ms]
