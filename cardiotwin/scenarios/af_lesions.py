"""Ablation strategies for atrial fibrillation as data: lesion regions placed on the anatomy.

Each strategy is a named tuple of lesion regions (transmural, non-conducting, of a real
width in mm).  The lines are built on the atrial surface from the anatomy's landmarks
(the vein, valve and caval openings of the geometry's boundary tags) with geodesic
distances over the surface mesh, then stored as
:class:`~cardiotwin.geometry.regions.PointSet` bands of radius ``width / 2`` around
points spaced at most ``width / 4`` along the line, so a strategy is plain data (points
in mm) that does not depend on the mesh partition:

- ``pvi``: antral circumferential ablation around each pair of ipsilateral pulmonary
  veins (Ouyang et al. 2004, Circulation 110:2090): the level set ``d = sleeve +
  antral_margin_mm`` of the geodesic distance ``d`` from the two veins' cut ends, that is
  ``antral_margin_mm`` outside the ostia.  Clinical wide antral lines lie 5-10 mm outside the
  ostia; where the two rings do not meet they are joined over the carina by the
  shortest path between the veins, so that each side is one connected line.  The default
  3 mm fits the shipped phantom, whose posterior wall is only about
  15 mm wide between the ostia (wider margins join the left and right lines and isolate
  the whole posterior wall);
- ``pvi+roof``: with a roof line, the geodesic between the most superior points of the two
  encirclements;
- ``pvi+mitral``: with a mitral isthmus line, the geodesic from the left encirclement to
  the nearest point of the mitral annulus;
- ``pvi+box``: posterior wall isolation, the roof line and an inferior line between the
  lowest points of the encirclements;
- ``cti``: cavotricuspid isthmus line, the geodesic from the inferior vena cava to the
  nearest point of the tricuspid annulus (the isthmus is the shortest route between them).

"Superior" is the anatomical axis of :func:`cardiotwin.geometry.atria.atrial_view` (the
patient's superior direction made perpendicular to the LA-RA axis).  A ``gap_mm`` (on
:func:`standard_strategies`) leaves that much tissue unablated in the middle of every open
line: an incomplete line, a real failure mode.  The personalised, OPTIMA-like strategy is
built during the study from the drivers it finds (:mod:`cardiotwin.studies.af_ablation`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin._checks import positive
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import PointSet, check_region


@dataclass(frozen=True)
class AblationStrategy:
    """A named set of lesion regions (added to the substrate's lesion set)."""

    name: str
    lesions: tuple[Any, ...]
    description: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise ConfigError(f"AblationStrategy.name = {self.name!r}: expected a name")
        object.__setattr__(self, "lesions", tuple(self.lesions))
        for i, les in enumerate(self.lesions):
            check_region(f"AblationStrategy {self.name!r} lesions[{i}]", les)

    def plus(self, name: str, *lesions: Any, description: str = "") -> AblationStrategy:
        """A strategy with more lesions."""
        return AblationStrategy(name, (*self.lesions, *lesions), description)


class SurfaceGraph:
    """Geodesic distances and shortest paths over the edges of a triangle surface (mm)."""

    def __init__(self, points: np.ndarray, triangles: np.ndarray) -> None:
        from scipy.sparse import coo_matrix

        self.points = np.asarray(points, float)
        t = np.asarray(triangles, dtype=np.int64)
        e = np.unique(np.sort(np.concatenate([t[:, [0, 1]], t[:, [1, 2]], t[:, [2, 0]]]),
                              axis=1), axis=0)
        self.edges = e
        w = np.linalg.norm(self.points[e[:, 0]] - self.points[e[:, 1]], axis=1)
        n = len(self.points)
        self.graph = coo_matrix((np.r_[w, w], (np.r_[e[:, 0], e[:, 1]], np.r_[e[:, 1], e[:, 0]])),
                                shape=(n, n)).tocsr()

    def distance(self, sources: Any) -> tuple[np.ndarray, np.ndarray]:
        """Distance (mm) to the nearest of ``sources`` and each vertex's predecessor."""
        from scipy.sparse.csgraph import dijkstra

        src = np.unique(np.asarray(sources, dtype=np.int64))
        if src.size == 0:
            raise ConfigError("SurfaceGraph.distance: no source vertex")
        d, pred, _ = dijkstra(self.graph, directed=False, indices=src, min_only=True,
                              return_predecessors=True)
        return d, pred

    def path_to(self, pred: np.ndarray, start: int) -> np.ndarray:
        """Vertices from ``start`` back to the sources of ``pred``."""
        path = [int(start)]
        while pred[path[-1]] >= 0:
            path.append(int(pred[path[-1]]))
        return np.asarray(path)

    def level_set(self, d: np.ndarray, level: float) -> np.ndarray:
        """Points (mm) where ``d`` crosses ``level`` along the edges (linear)."""
        a, b = self.edges[:, 0], self.edges[:, 1]
        da, db = d[a] - level, d[b] - level
        cross = np.isfinite(da) & np.isfinite(db) & (da * db < 0)
        t = (da[cross] / (da[cross] - db[cross]))[:, None]
        return self.points[a[cross]] + t * (self.points[b[cross]] - self.points[a[cross]])


def _densify(pts: np.ndarray, step: float) -> np.ndarray:
    """A polyline with points at most ``step`` apart."""
    out = [pts[:1]]
    for a, b in itertools.pairwise(pts):
        k = max(int(np.ceil(np.linalg.norm(b - a) / step)), 1)
        out.append(a + np.outer(np.arange(1, k + 1) / k, b - a))
    return np.vstack(out)


def line_band(points: np.ndarray, width_mm: float, gap_mm: float | None = None) -> PointSet:
    """A lesion band of ``width_mm`` along a polyline (mm), optionally with a middle gap.

    The gap spares ``gap_mm`` of tissue centred on the line's middle: the points within
    ``gap_mm / 2 + width_mm / 2`` of arc length from the middle are dropped, so the two
    bands end ``gap_mm`` apart.
    """
    dense = _densify(np.asarray(points, float), 0.25 * width_mm)
    if gap_mm:
        s = np.r_[0.0, np.cumsum(np.linalg.norm(np.diff(dense, axis=0), axis=1))]
        mid = 0.5 * s[-1]
        half = 0.5 * (gap_mm + width_mm)
        keep = np.abs(s - mid) >= half
        if not keep.any() or half >= mid:
            raise ConfigError(f"gap_mm = {gap_mm}: with the width {width_mm} mm it leaves "
                              f"nothing of a line of {s[-1]:.1f} mm")
        cut = np.column_stack([np.interp([mid - half, mid + half], s, dense[:, k])
                               for k in range(3)])
        dense = np.vstack([dense[keep & (s < mid)], cut, dense[keep & (s > mid)]])
    return PointSet(tuple(map(tuple, dense)), radius_mm=0.5 * width_mm)


def _rim(arrays: Any, name: str) -> np.ndarray:
    """Vertices of the boundary edges tagged ``name``."""
    tid = arrays.facet_tag_ids[name]
    return np.unique(np.asarray(arrays.facets)[np.asarray(arrays.facet_values) == tid])


def _encirclement(g: SurfaceGraph, arrays: Any, veins: tuple[str, str], level_mm: float
                  ) -> np.ndarray:
    """Line points around two ipsilateral veins: the level set at ``level_mm`` from their
    cut ends and, where the two rings do not meet, the stretch of the shortest path
    between the veins (over the carina) that lies outside both rings."""
    r0, r1 = _rim(arrays, veins[0]), _rim(arrays, veins[1])
    d0, pred0 = g.distance(r0)
    d1, _ = g.distance(r1)
    ring = g.level_set(np.minimum(d0, d1), level_mm)
    bridge = g.path_to(pred0, int(r1[np.argmin(d0[r1])]))
    outside = bridge[(d0[bridge] >= level_mm) & (d1[bridge] >= level_mm)]
    return np.vstack([ring, g.points[outside]])


def standard_strategies(geometry: Any, *, width_mm: float = 5.0,
                        antral_margin_mm: float = 3.0, gap_mm: float | None = None,
                        arrays: Any = None) -> dict[str, AblationStrategy]:
    """The standard lesion sets on an atrial geometry (see the module notes).

    Parameters
    ----------
    geometry
        An atrial geometry loaded from its folder (vertex table, landmarks, boundary tags
        of the vein, valve and caval openings).
    width_mm
        Lesion width (mm; radiofrequency lines are about 5 mm wide).
    antral_margin_mm
        Distance of the encircling lines outside the vein ostia (mm).
    gap_mm
        Spared tissue in the middle of every open line (mm), or None for complete lines.
    arrays
        The geometry's :func:`~cardiotwin.geometry.io.geometry_arrays` if already
        gathered (on every rank); otherwise they are gathered here (collective).

    Returns
    -------
    dict
        Strategy name -> :class:`AblationStrategy`; strategies whose openings are missing
        (e.g. ``cti`` without the right atrium) are left out.
    """
    positive("width_mm", width_mm)
    positive("antral_margin_mm", antral_margin_mm)
    if gap_mm is not None:
        positive("gap_mm", gap_mm)
    table = getattr(geometry, "table", None) or {}
    report = getattr(geometry, "report", None) or {}
    if "x" not in table or "landmarks" not in report:
        raise ConfigError("standard_strategies needs an atrial geometry loaded from its "
                          "folder (vertex table and landmarks)")
    if arrays is None:
        from cardiotwin.geometry.io import geometry_arrays

        comm = geometry.mesh.comm
        arrays = comm.bcast(geometry_arrays(geometry), root=0)
    from cardiotwin.geometry.atria import atrial_view

    tags = set(arrays.facet_tag_ids)
    g = SurfaceGraph(arrays.points, arrays.cells)
    up = atrial_view(table, "superior")[0]
    sleeve = float(report.get("vein_sleeve_mm", 8.0))
    out: dict[str, AblationStrategy] = {}
    if {"lspv", "lipv", "rspv", "ripv"} <= tags:
        level = sleeve + antral_margin_mm
        left = _encirclement(g, arrays, ("lspv", "lipv"), level)
        right = _encirclement(g, arrays, ("rspv", "ripv"), level)
        if len(left) == 0 or len(right) == 0:
            raise ConfigError(f"antral_margin_mm = {antral_margin_mm}: no encircling line "
                              "fits on this atrium")
        band = 0.5 * width_mm
        waca = (PointSet(tuple(map(tuple, left)), band), PointSet(tuple(map(tuple, right)),
                                                                  band))
        pvi = AblationStrategy("pvi", waca, "wide antral circumferential ablation of both "
                               "pulmonary vein pairs")
        out["pvi"] = pvi

        def nearest(p: np.ndarray) -> int:
            return int(np.argmin(np.linalg.norm(g.points - p, axis=1)))

        def joining(a: np.ndarray, b: np.ndarray) -> PointSet:
            ia, ib = nearest(a), nearest(b)
            _, pred = g.distance([ib])
            path = g.points[g.path_to(pred, ia)]
            return line_band(np.vstack([a, path, b]), width_mm, gap_mm)

        roof = joining(left[np.argmax(left @ up)], right[np.argmax(right @ up)])
        inferior = joining(left[np.argmin(left @ up)], right[np.argmin(right @ up)])
        out["pvi+roof"] = pvi.plus("pvi+roof", roof, description="PVI and a roof line")
        out["pvi+box"] = pvi.plus("pvi+box", roof, inferior,
                                  description="PVI and posterior wall isolation (box)")
        if "mitral-valve" in tags:
            dm, pred = g.distance(_rim(arrays, "mitral-valve"))
            ring = np.array([nearest(p) for p in left])
            start = int(ring[np.argmin(dm[ring])])
            path = g.points[g.path_to(pred, start)]
            mitral = line_band(np.vstack([left[np.argmin(np.linalg.norm(left - g.points[start],
                                                                          axis=1))], path]),
                               width_mm, gap_mm)
            out["pvi+mitral"] = pvi.plus("pvi+mitral", mitral,
                                         description="PVI and a mitral isthmus line")
    if {"ivc", "tricuspid-valve"} <= tags:
        dt, pred = g.distance(_rim(arrays, "tricuspid-valve"))
        ivc = _rim(arrays, "ivc")
        start = int(ivc[np.argmin(dt[ivc])])
        out["cti"] = AblationStrategy("cti", (line_band(g.points[g.path_to(pred, start)],
                                                        width_mm, gap_mm),),
                                      "cavotricuspid isthmus line")
    return out
