"""The heart's own axes: long axis, septal direction, and the standard views they define.

Pictures and electrode placements must not depend on how a patient's image happened to be
oriented, cropped or scanned.  :func:`heart_frame` measures, on the mesh itself:

- the **long axis** (apex -> base): the least-squares gradient of the apicobasal
  coordinate over the vertices;
- the **septal direction** (LV -> RV): from the LV endocardial centroid to the RV
  endocardial centroid, made perpendicular to the long axis;
- their cross product ``long x septal``, which in a normal (not mirrored) anatomy points to
  the patient's left, anterior and superior.

:meth:`HeartFrame.view` turns a view name into a camera direction and up vector: the
anterior view (RV in front, base up), LAO (left anterior oblique, both ventricles side by
side, the septum edge-on), the lateral view (the LV free wall, from the side opposite the
RV), the base (short-axis view from the base towards the apex) and the posterior view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.exceptions import MeshError

VIEWS = ("anterior", "lao", "lateral", "base", "posterior")


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


@dataclass(frozen=True)
class HeartFrame:
    """Centre (mm) and unit axes of a heart (see the module docstring)."""

    centre_mm: tuple[float, float, float]
    long_axis: tuple[float, float, float]
    septal_axis: tuple[float, float, float]

    @property
    def third_axis(self) -> np.ndarray:
        """``long x septal``: left-anterior-superior in a normal anatomy."""
        return np.cross(self.long_axis, self.septal_axis)

    def view(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Camera direction (from the heart's centre towards the camera) and up vector."""
        long, sep = np.asarray(self.long_axis), np.asarray(self.septal_axis)
        third = self.third_axis
        if name == "anterior":
            return _unit(sep + third), long
        if name == "posterior":
            return -_unit(sep + third), long
        if name == "lao":
            return third, long
        if name == "lateral":
            return -sep, long
        if name == "base":
            return long, sep
        raise MeshError(f"view {name!r}: expected one of {', '.join(VIEWS)}")


def heart_frame(geometry: Any) -> HeartFrame:
    """Measure the :class:`HeartFrame` of a geometry (collective; same on every rank).

    Needs the apicobasal coordinate and an ``lv-endocardium`` facet tag; without an
    ``rv-endocardium`` tag the septal direction is the widest direction of the cross-section.
    """
    from cardiotwin.geometry.regions import RegionResolver, Tagged

    res = RegionResolver.for_domain(geometry)
    comm = res.mesh.comm
    n = res.V.dofmap.index_map.size_local
    x = res.x[:n, :3]
    ab_f = res.coordinates.get("apicobasal")
    if ab_f is None:
        raise MeshError("the heart frame needs the geometry's apicobasal coordinate")
    ab = np.asarray(ab_f.x.array[:n])
    sums = comm.allreduce(np.concatenate([x.sum(axis=0), [ab.sum(), n]]))
    centre, ab_mean = sums[:3] / sums[4], sums[3] / sums[4]
    # the direction in which the apicobasal coordinate grows: least-squares gradient of
    # ab ~ c + g . x (exact for a coordinate linear along the axis, whatever the shape)
    xc = x - centre
    xtx = comm.allreduce(xc.T @ xc)
    xty = comm.allreduce(xc.T @ (ab - ab_mean))
    long = _unit(np.linalg.solve(xtx, xty))

    def centroid(tag: str) -> np.ndarray | None:
        if tag not in geometry.facet_tag_ids:
            return None
        m = res.vertices(Tagged(tag, "facet"))[:n]
        s = comm.allreduce(np.concatenate([x[m].sum(axis=0), [m.sum()]]))
        return s[:3] / s[3] if s[3] else None

    lv, rv = centroid("lv-endocardium"), centroid("rv-endocardium")
    sep = None
    if lv is not None and rv is not None:
        sep = rv - lv
        sep = sep - (sep @ long) * long
    if sep is None or np.linalg.norm(sep) < 1e-9:
        # widest direction of the cross-section (principal axis perpendicular to the long axis)
        d = (x - centre) - np.outer((x - centre) @ long, long)
        c = comm.allreduce(d.T @ d)
        sep = np.linalg.eigh(c)[1][:, -1]
    sep = _unit(sep)
    return HeartFrame(tuple(map(float, centre)), tuple(map(float, long)),
                      tuple(map(float, sep)))
