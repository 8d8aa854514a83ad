"""Regions of the heart: where a stimulus, an ionic model, a lesion or a device acts.

One family of frozen descriptions serves everything that needs a "where":

- shapes tested on points (mm): :class:`Box`, :class:`Sphere`, :class:`PointSet` (e.g.
  ablation tags exported by a mapping system), :class:`Line` (an ablation line along a
  polyline), :class:`LabelImageRegion` (voxels of a label image, e.g. segmented scar),
  :class:`RandomPatches` (patches of a random field, e.g. collagen in fibrosis);
- parts of a mesh: :class:`Tagged` (cells or facets carrying a tag, by id or by name, e.g.
  ``Tagged("lv-endocardium", entity="facet")``), :class:`CoordinateRange` (a band of a
  named coordinate of the geometry, e.g. ``CoordinateRange("transmural", 0.0, 0.3)``),
  :class:`CoordinatePath` (a band of given width along a line drawn in two coordinates,
  e.g. an ablation line in atrial coordinates) and :class:`FieldRange` (a band of any
  nodal field);
- combinations: :class:`Intersection`, :class:`Union`.

A :class:`RegionResolver` turns a region into a mask over a mesh's vertices (where ionic
models and stimuli live: the P1 dofs) or cells (lesions, conductivities: decided at the
cell midpoint, or by the cell's tag).  Tag names and coordinate names are resolved against
the geometry the resolver was built from, so the same region works on any anatomy whose
folder names its tags and coordinates the same way.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._checks import positive, vec3
from cardiotwin.exceptions import ConfigError

_TOL = 1e-9


# --------------------------------------------------------------------------- shapes
@dataclass(frozen=True)
class Box:
    """Axis-aligned box ``lower_mm <= x <= upper_mm`` (mm), bounds inclusive."""

    lower_mm: tuple[float, float, float]
    upper_mm: tuple[float, float, float]

    def __post_init__(self) -> None:
        lo, hi = vec3("Box.lower_mm", self.lower_mm), vec3("Box.upper_mm", self.upper_mm)
        if any(b < a for a, b in zip(lo, hi, strict=True)):
            raise ConfigError(f"Box bounds {lo} .. {hi} are invalid: expected upper >= lower "
                              "in every direction (mm)")
        object.__setattr__(self, "lower_mm", lo)
        object.__setattr__(self, "upper_mm", hi)

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) inside the box."""
        x = np.asarray(x, float)[:, :3]
        lo, hi = np.asarray(self.lower_mm), np.asarray(self.upper_mm)
        return np.all((x >= lo - _TOL) & (x <= hi + _TOL), axis=1)


@dataclass(frozen=True)
class Sphere:
    """Ball of ``radius_mm`` around ``centre_mm`` (e.g. one ablation application)."""

    centre_mm: tuple[float, float, float]
    radius_mm: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "centre_mm", vec3("Sphere.centre_mm", self.centre_mm))
        object.__setattr__(self, "radius_mm", positive("Sphere.radius_mm", self.radius_mm))

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) inside the ball."""
        d = np.asarray(x, float)[:, :3] - np.asarray(self.centre_mm)
        return np.einsum("ij,ij->i", d, d) <= self.radius_mm**2 * (1 + 1e-12)


@dataclass(frozen=True)
class PointSet:
    """Balls of ``radius_mm`` around given points (mm).

    Ablation points exported by an electro-anatomical mapping system (``from_csv``), or,
    with the default tiny radius, an explicit set of mesh vertices.
    """

    points_mm: tuple[tuple[float, float, float], ...]
    radius_mm: float = 1e-6

    def __post_init__(self) -> None:
        pts = np.asarray(self.points_mm, dtype=float)
        if pts.ndim != 2 or pts.shape[1] != 3 or pts.shape[0] == 0 or not np.all(np.isfinite(pts)):
            raise ConfigError(f"PointSet.points_mm has shape {pts.shape}: expected a non-empty "
                              "(n, 3) list of finite coordinates (mm)")
        object.__setattr__(self, "points_mm", tuple(map(tuple, pts.tolist())))
        object.__setattr__(self, "radius_mm", positive("PointSet.radius_mm", self.radius_mm))

    @classmethod
    def from_csv(cls, path: str | Path, radius_mm: float) -> PointSet:
        """Read ``x, y, z`` columns (mm; a header line and extra columns are allowed)."""
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"point file {p} not found")
        rows = []
        for line in p.read_text().splitlines():
            parts = [s for s in line.replace(";", ",").replace("\t", ",").split(",") if s.strip()]
            try:
                rows.append([float(v) for v in parts[:3]])
            except ValueError:
                continue  # header or comment
        if not rows:
            raise ConfigError(f"{p}: no 'x, y, z' rows found")
        return cls(tuple(map(tuple, rows)), radius_mm)

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) within ``radius_mm`` of a point of the set."""
        from scipy.spatial import cKDTree

        x = np.asarray(x, float)
        if len(x) == 0:
            return np.zeros(0, dtype=bool)
        d, _ = cKDTree(np.asarray(self.points_mm)).query(x[:, :3], k=1)
        return d <= self.radius_mm


@dataclass(frozen=True)
class Line:
    """A band along a polyline drawn on the tissue surface (e.g. an ablation line).

    Parameters
    ----------
    path_mm
        Polyline vertices (mm), at least two.
    width_mm
        Width across the line (mm).
    depth_mm
        Depth into the tissue (mm) measured from the polyline against ``normal``;
        ``None`` = transmural (through the whole wall).
    normal
        Outward surface normal at the line (the tissue lies on the ``-normal`` side).
        Widths are measured in the plane perpendicular to it.
    """

    path_mm: tuple[tuple[float, float, float], ...]
    width_mm: float
    depth_mm: float | None = None
    normal: tuple[float, float, float] = (0.0, 0.0, 1.0)

    def __post_init__(self) -> None:
        pts = tuple(vec3(f"Line.path_mm[{i}]", p) for i, p in enumerate(self.path_mm))
        if len(pts) < 2:
            raise ConfigError(f"Line.path_mm has {len(pts)} point(s): expected >= 2")
        object.__setattr__(self, "path_mm", pts)
        object.__setattr__(self, "width_mm", positive("Line.width_mm", self.width_mm))
        if self.depth_mm is not None:
            object.__setattr__(self, "depth_mm", positive("Line.depth_mm", self.depth_mm))
        n = np.asarray(vec3("Line.normal", self.normal, unit="direction"))
        if np.linalg.norm(n) == 0:
            raise ConfigError("Line.normal is the zero vector: expected a direction")
        object.__setattr__(self, "normal", tuple(float(c) for c in n / np.linalg.norm(n)))

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) inside the band."""
        x = np.asarray(x, dtype=float)[:, :3]
        n = np.asarray(self.normal)
        inside = np.zeros(x.shape[0], dtype=bool)
        pts = np.asarray(self.path_mm)
        for a, b in itertools.pairwise(pts):
            # work in the plane perpendicular to the normal
            ab = (b - a) - np.dot(b - a, n) * n
            ax = x - a
            ax_t = ax - np.outer(ax @ n, n)
            denom = float(ab @ ab)
            s = np.clip(ax_t @ ab / denom, 0.0, 1.0) if denom > 0 else np.zeros(len(x))
            dist = np.linalg.norm(ax_t - np.outer(s, ab), axis=1)
            ok = dist <= 0.5 * self.width_mm
            if self.depth_mm is not None:
                p = a + np.outer(s, b - a)
                depth = (p - x) @ n
                ok &= (depth >= -_TOL) & (depth <= self.depth_mm)
            inside |= ok
        return inside


@dataclass(frozen=True)
class LabelImageRegion:
    """The points that fall in a voxel carrying one of ``labels`` of a label image.

    ``image`` is a :class:`cardiotwin.geometry.image.LabelImage` or a path readable by
    :func:`cardiotwin.geometry.image.read_label_image`.  Points outside the image are not
    in the region.
    """

    image: Any
    labels: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.labels:
            raise ConfigError("LabelImageRegion.labels is empty: give at least one label value")

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) in a voxel with one of the labels."""
        from cardiotwin.geometry.image import read_label_image

        img = self.image if hasattr(self.image, "world_to_index") else read_label_image(
            self.image)
        ijk = np.rint(img.world_to_index(np.asarray(x)[:, :3])).astype(np.int64)
        shape = np.asarray(img.data.shape)
        ok = np.all((ijk >= 0) & (ijk < shape), axis=1)
        out = np.zeros(len(x), dtype=bool)
        vals = img.data[ijk[ok, 0], ijk[ok, 1], ijk[ok, 2]]
        out[ok] = np.isin(vals, np.asarray(self.labels))
        return out


@dataclass(frozen=True)
class RandomPatches:
    """Patches covering a ``fraction`` of space: where a smooth random field exceeds its
    ``1 - fraction`` quantile (e.g. non-conducting collagen inside fibrotic tissue).

    The field is a sum of ``modes`` cosines of random direction and phase with
    wavelength ``correlation_mm`` (a Gaussian random field with that correlation
    length), fixed by ``seed``: a deterministic function of position, so the patches do
    not depend on the mesh partition.  Combine with a region through
    :class:`Intersection`.
    """

    fraction: float
    correlation_mm: float = 3.0
    seed: int = 0
    modes: int = 64

    def __post_init__(self) -> None:
        if not 0 < float(self.fraction) < 1:
            raise ConfigError(f"RandomPatches.fraction = {self.fraction!r}: expected 0 < f < 1")
        object.__setattr__(self, "correlation_mm", positive("RandomPatches.correlation_mm",
                                                            self.correlation_mm))
        if int(self.modes) != self.modes or self.modes < 8:
            raise ConfigError(f"RandomPatches.modes = {self.modes!r}: expected an integer "
                              ">= 8")

    def field(self, x: npt.NDArray[np.floating]) -> np.ndarray:
        """The standardised random field (mean 0, variance 1) at points ``x[n, 3]``."""
        rng = np.random.default_rng(int(self.seed))
        k = rng.normal(size=(int(self.modes), 3))
        k *= (2 * np.pi / self.correlation_mm) / np.linalg.norm(k, axis=1, keepdims=True)
        phi = rng.uniform(0, 2 * np.pi, int(self.modes))
        x = np.asarray(x, float)[:, :3]
        return np.sqrt(2.0 / self.modes) * np.cos(x @ k.T + phi).sum(axis=1)

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) inside a patch."""
        from scipy.stats import norm

        return self.field(x) > norm.ppf(1.0 - float(self.fraction))


# --------------------------------------------------------------------------- mesh parts
@dataclass(frozen=True)
class Tagged:
    """The cells (or facets) carrying one of ``tags``: tag ids, or names of the geometry.

    ``Tagged("scar")`` (cells), ``Tagged(("lv-endocardium", "rv-endocardium"),
    entity="facet")``, ``Tagged((3,))``.  As vertices: every vertex of those entities.
    """

    tags: tuple[int | str, ...]
    entity: str = "cell"

    def __post_init__(self) -> None:
        tags = (self.tags,) if isinstance(self.tags, int | str) else tuple(self.tags)
        if not tags:
            raise ConfigError("Tagged.tags is empty: give at least one tag id or name")
        for t in tags:
            if isinstance(t, bool) or not isinstance(t, int | str | np.integer):
                raise ConfigError(f"Tagged.tags: {t!r} is neither a tag id nor a tag name")
        object.__setattr__(self, "tags", tuple(int(t) if isinstance(t, np.integer) else t
                                               for t in tags))
        if self.entity not in ("cell", "facet"):
            raise ConfigError(f"Tagged.entity = {self.entity!r}: expected 'cell' or 'facet'")


@dataclass(frozen=True)
class CoordinateRange:
    """Where a named coordinate of the geometry lies in ``[lower, upper)``.

    Coordinates of a geometry folder: ``"transmural"`` (0 endocardium .. 1 epicardium) and
    ``"apicobasal"`` (0 apex .. 1 base).  E.g. an endocardial layer ``CoordinateRange(
    "transmural", 0.0, 0.3)``.
    """

    coordinate: str
    lower: float
    upper: float

    def __post_init__(self) -> None:
        if not isinstance(self.coordinate, str) or not self.coordinate:
            raise ConfigError(f"CoordinateRange.coordinate = {self.coordinate!r}: expected a "
                              "coordinate name such as 'transmural'")
        if not float(self.upper) > float(self.lower):
            raise ConfigError(f"CoordinateRange {self.coordinate} [{self.lower}, {self.upper}) "
                              "is empty")


@dataclass(frozen=True)
class FieldRange:
    """Where a scalar nodal field lies in ``[lower, upper)``.

    ``field`` is a dolfinx P1 Function on the mesh (or a callable returning the value at
    each given coordinate, ``f(x[n, 3]) -> values[n]``).
    """

    field: object
    lower: float
    upper: float

    def __post_init__(self) -> None:
        if not float(self.upper) > float(self.lower):
            raise ConfigError(f"FieldRange bounds [{self.lower}, {self.upper}) are empty")


@dataclass(frozen=True)
class CoordinatePath:
    """A band of ``width_mm`` along a polyline drawn in two named coordinates of the
    geometry, e.g. an ablation line in atrial coordinates:
    ``CoordinatePath(("la-alpha", "la-beta"), ((0.3, 0.5), (0.7, 0.5)), width_mm=5)``.

    The polyline is mapped onto the surface through the coordinates (each point to the
    inverse-distance mean of the three vertices nearest in coordinate space, among the
    vertices where both coordinates are defined) and the band is what lies within
    ``width_mm / 2`` (mm, in space) of the mapped line: widths stay real lengths whatever
    the anatomy.  ``closed`` joins the last point to the first (an encircling lesion);
    ``gaps_mm`` are stretches of the line, as (start, end) distances (mm) along the mapped
    line, where the tissue is spared (a line with a gap: a real failure mode of ablation).
    Resolving it needs the geometry's vertex table (a geometry loaded from a folder).
    """

    coordinates: tuple[str, str]
    path: tuple[tuple[float, float], ...]
    width_mm: float
    closed: bool = False
    gaps_mm: tuple[tuple[float, float], ...] = ()

    def __post_init__(self) -> None:
        coords = tuple(self.coordinates)
        if len(coords) != 2 or not all(isinstance(c, str) and c for c in coords):
            raise ConfigError(f"CoordinatePath.coordinates = {self.coordinates!r}: expected "
                              "two coordinate names, e.g. ('la-alpha', 'la-beta')")
        object.__setattr__(self, "coordinates", coords)
        pts = np.asarray(self.path, float)
        if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) < 2 or not np.all(np.isfinite(pts)):
            raise ConfigError(f"CoordinatePath.path has shape {pts.shape}: expected >= 2 "
                              "finite (u, v) points")
        object.__setattr__(self, "path", tuple(map(tuple, pts.tolist())))
        object.__setattr__(self, "width_mm", positive("CoordinatePath.width_mm",
                                                       self.width_mm))
        gaps = tuple(tuple(float(v) for v in g) for g in self.gaps_mm)
        for g in gaps:
            if len(g) != 2 or not (0 <= g[0] < g[1]):
                raise ConfigError(f"CoordinatePath.gaps_mm: {g!r} is not a (start, end) "
                                  "stretch with 0 <= start < end (mm)")
        object.__setattr__(self, "gaps_mm", gaps)

    def world_path(self, table: Mapping[str, np.ndarray]) -> np.ndarray:
        """The mapped polyline (mm), densified, before gaps are cut."""
        from cardiotwin.geometry.uac import coordinates_to_world

        for c in self.coordinates:
            if c not in table:
                known = ", ".join(k for k in sorted(table) if k != "x") or "none"
                raise ConfigError(f"coordinate {c!r} is not defined on this geometry; it has: "
                                  f"{known}")
        uv = np.column_stack([table[c] for c in self.coordinates])
        ok = np.all(np.isfinite(uv), axis=1)
        if not ok.any():
            raise ConfigError(f"coordinates {self.coordinates} are defined at no vertex")
        pts = np.asarray(self.path)
        if self.closed:
            pts = np.vstack([pts, pts[:1]])
        seg = np.linalg.norm(np.diff(pts, axis=0), axis=1)
        n = np.maximum(np.ceil(seg / 0.004).astype(int), 1)
        dense = np.vstack([pts[:1]] + [a + np.outer(np.arange(1, k + 1) / k, b - a)
                                        for a, b, k in zip(pts[:-1], pts[1:], n, strict=True)])
        return coordinates_to_world(dense, uv[ok], np.asarray(table["x"])[ok])

    def band_points(self, table: Mapping[str, np.ndarray]) -> np.ndarray:
        """Points (mm) every <= width/4 along the mapped line, gaps removed."""
        w = self.world_path(table)
        step = 0.25 * self.width_mm
        out = [w[:1]]
        for a, b in itertools.pairwise(w):
            k = max(int(np.ceil(np.linalg.norm(b - a) / step)), 1)
            out.append(a + np.outer(np.arange(1, k + 1) / k, b - a))
        dense = np.vstack(out)
        s = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(dense, axis=0), axis=1))])
        keep = np.ones(len(dense), dtype=bool)
        half = 0.5 * self.width_mm
        for g0, g1 in self.gaps_mm:
            keep &= ~((s > g0 - half) & (s < g1 + half))
        return dense[keep]

    def contains_with(self, x: npt.NDArray[np.floating], table: Mapping[str, np.ndarray]
                      ) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) inside the band."""
        from scipy.spatial import cKDTree

        pts = self.band_points(table)
        x = np.asarray(x, float)[:, :3]
        if len(pts) == 0 or len(x) == 0:
            return np.zeros(len(x), dtype=bool)
        d, _ = cKDTree(pts).query(x)
        return d <= 0.5 * self.width_mm


# --------------------------------------------------------------------------- combinations
@dataclass(frozen=True)
class Intersection:
    """What every one of ``regions`` selects (e.g. endocardium AND apical two thirds)."""

    regions: tuple

    def __post_init__(self) -> None:
        object.__setattr__(self, "regions", tuple(self.regions))
        if len(self.regions) < 2:
            raise ConfigError("Intersection needs at least two regions")
        for i, sub in enumerate(self.regions):
            check_region(f"Intersection.regions[{i}]", sub)


@dataclass(frozen=True)
class Union:
    """What any of ``regions`` selects."""

    regions: tuple

    def __post_init__(self) -> None:
        object.__setattr__(self, "regions", tuple(self.regions))
        if not self.regions:
            raise ConfigError("Union needs at least one region")
        for i, sub in enumerate(self.regions):
            check_region(f"Union.regions[{i}]", sub)


#: Shapes tested on point coordinates.
SHAPES = (Box, Sphere, PointSet, Line, LabelImageRegion, RandomPatches)
Region = (Box | Sphere | PointSet | Line | LabelImageRegion | RandomPatches | Tagged
          | CoordinateRange
          | CoordinatePath | FieldRange | Intersection | Union)
REGION_TYPES = (*SHAPES, Tagged, CoordinateRange, CoordinatePath, FieldRange, Intersection,
                Union)


def check_region(what: str, region: Any) -> None:
    """Raise a :class:`ConfigError` naming ``what`` unless ``region`` is a region."""
    if not isinstance(region, REGION_TYPES):
        raise ConfigError(f"{what} is a {type(region).__name__}: expected a region "
                          f"({', '.join(t.__name__ for t in REGION_TYPES)})")
    if isinstance(region, Intersection | Union):
        for i, sub in enumerate(region.regions):
            check_region(f"{what}.regions[{i}]", sub)


# --------------------------------------------------------------------------- resolution
class RegionResolver:
    """Evaluates regions on one mesh: masks over its local vertices (P1 dofs) or cells.

    Parameters
    ----------
    V
        The scalar P1 function space whose dofs are the "vertices" (owned, then ghosts).
    cell_tags, facet_tags
        dolfinx meshtags, needed by :class:`Tagged` regions.
    tag_ids
        Tag name -> id, for cells and facets (``{"cell": {...}, "facet": {...}}``), needed
        by :class:`Tagged` regions that use names.
    coordinates
        Coordinate name -> P1 Function on ``V`` (``transmural``, ``apicobasal``...), for
        :class:`CoordinateRange`.
    table
        The geometry's vertex table (``x`` and every coordinate, all vertices, the same on
        every rank), for :class:`CoordinatePath`.
    """

    def __init__(self, V: Any, *, cell_tags: Any = None, facet_tags: Any = None,
                 tag_ids: Mapping[str, Mapping[str, int]] | None = None,
                 coordinates: Mapping[str, Any] | None = None,
                 table: Mapping[str, np.ndarray] | None = None) -> None:
        self.V = V
        self.mesh = V.mesh
        self.cell_tags, self.facet_tags = cell_tags, facet_tags
        self.tag_ids = {k: dict(v) for k, v in (tag_ids or {}).items()}
        self.coordinates = dict(coordinates or {})
        self.table = dict(table or {})
        self.x = V.tabulate_dof_coordinates()
        self._midpoints: np.ndarray | None = None

    @classmethod
    def for_domain(cls, domain: Any, *, cell_tags: Any = None,
                   facet_tags: Any = None) -> RegionResolver:
        """A resolver on the P1 space of a geometry (tags, names, coordinates) or a mesh."""
        import dolfinx.fem

        geometry = domain if is_geometry(domain) else None
        mesh = geometry.mesh if geometry is not None else domain
        V = dolfinx.fem.functionspace(mesh, ("Lagrange", 1))
        if geometry is not None:
            return cls.for_geometry(V, geometry)
        return cls(V, cell_tags=cell_tags, facet_tags=facet_tags)

    @classmethod
    def for_geometry(cls, V: Any, geometry: Any) -> RegionResolver:
        """A resolver with the tags, tag names and coordinates of a geometry."""
        return cls(V, cell_tags=geometry.cell_tags, facet_tags=geometry.facet_tags,
                   tag_ids={"cell": geometry.cell_tag_ids, "facet": geometry.facet_tag_ids},
                   coordinates=geometry_coordinates(geometry),
                   table=getattr(geometry, "table", None))

    # ----------------------------------------------------------------- helpers
    def tag_values(self, region: Tagged) -> tuple[int, ...]:
        """The tag ids of a :class:`Tagged` region (names looked up)."""
        names = self.tag_ids.get(region.entity, {})
        out = []
        for t in region.tags:
            if isinstance(t, str):
                if t not in names:
                    known = ", ".join(sorted(names)) or "none (the mesh has no tag names)"
                    raise ConfigError(f"{region.entity} tag {t!r} is not in this geometry; "
                                      f"it has: {known}")
                out.append(int(names[t]))
            else:
                out.append(int(t))
        return tuple(out)

    def _table(self) -> Mapping[str, np.ndarray]:
        if not self.table:
            raise ConfigError("a CoordinatePath needs the geometry's vertex table: use a "
                              "geometry loaded from a folder (load_geometry)")
        return self.table

    def _tags(self, entity: str) -> Any:
        tags = self.cell_tags if entity == "cell" else self.facet_tags
        if tags is None:
            raise ConfigError(f"a Tagged region on {entity}s needs the mesh's {entity} tags")
        return tags

    def _field_values(self, region: CoordinateRange | FieldRange) -> np.ndarray:
        n = self.x.shape[0]
        if isinstance(region, CoordinateRange):
            if region.coordinate not in self.coordinates:
                known = ", ".join(sorted(self.coordinates)) or "none"
                raise ConfigError(f"coordinate {region.coordinate!r} is not defined on this "
                                  f"geometry; it has: {known}")
            fld = self.coordinates[region.coordinate]
        else:
            fld = region.field
        if hasattr(fld, "x"):
            return np.asarray(fld.x.array[:n])
        return np.asarray(fld(self.x), float)

    def cell_midpoints(self) -> np.ndarray:
        """Midpoints (mm) of this rank's cells, owned then ghosts."""
        if self._midpoints is None:
            import dolfinx.mesh

            tdim = self.mesh.topology.dim
            imap = self.mesh.topology.index_map(tdim)
            n = imap.size_local + imap.num_ghosts
            self._midpoints = dolfinx.mesh.compute_midpoints(self.mesh, tdim,
                                                             np.arange(n, dtype=np.int32))
        return self._midpoints

    def _cell_dofs(self) -> np.ndarray:
        return self.V.dofmap.list

    # ----------------------------------------------------------------- masks
    def vertices(self, region: Any) -> npt.NDArray[np.bool_]:
        """Mask over the local dofs (owned, then ghosts) that ``region`` selects."""
        check_region("region", region)
        if isinstance(region, SHAPES):
            return region.contains(self.x)
        if isinstance(region, CoordinatePath):
            return region.contains_with(self.x, self._table())
        if isinstance(region, Tagged):
            import dolfinx.fem

            tags = self._tags(region.entity)
            values = self.tag_values(region)
            entities = np.concatenate([tags.find(t) for t in values]).astype(np.int32)
            if region.entity == "facet":
                tdim = self.mesh.topology.dim
                self.mesh.topology.create_connectivity(tdim - 1, tdim)
            dofs = dolfinx.fem.locate_dofs_topological(self.V, tags.dim, entities)
            mask = np.zeros(self.x.shape[0], dtype=bool)
            mask[dofs] = True
            return mask
        if isinstance(region, CoordinateRange | FieldRange):
            vals = self._field_values(region)
            return (vals >= region.lower) & (vals < region.upper)
        if isinstance(region, Intersection):
            mask = np.ones(self.x.shape[0], dtype=bool)
            for sub in region.regions:
                mask &= self.vertices(sub)
            return mask
        mask = np.zeros(self.x.shape[0], dtype=bool)
        for sub in region.regions:  # Union
            mask |= self.vertices(sub)
        return mask

    def cells(self, region: Any) -> npt.NDArray[np.bool_]:
        """Mask over the local cells (owned, then ghosts) that ``region`` selects.

        Shapes and ranges are tested at the cell midpoint (a field range with the mean of
        the cell's vertex values); :class:`Tagged` cells by their tag.
        """
        check_region("region", region)
        if isinstance(region, SHAPES):
            return region.contains(self.cell_midpoints())
        if isinstance(region, CoordinatePath):
            return region.contains_with(self.cell_midpoints(), self._table())
        n_cells = self.cell_midpoints().shape[0]
        if isinstance(region, Tagged):
            if region.entity != "cell":
                raise ConfigError("a Tagged region on facets selects vertices, not cells: use "
                                  "it for stimuli, or tag the cells")
            tags = self._tags("cell")
            mask = np.zeros(n_cells, dtype=bool)
            for t in self.tag_values(region):
                mask[tags.find(t)] = True
            return mask
        if isinstance(region, CoordinateRange | FieldRange):
            vals = self._field_values(region)[self._cell_dofs()[:n_cells]].mean(axis=1)
            return (vals >= region.lower) & (vals < region.upper)
        if isinstance(region, Intersection):
            mask = np.ones(n_cells, dtype=bool)
            for sub in region.regions:
                mask &= self.cells(sub)
            return mask
        mask = np.zeros(n_cells, dtype=bool)
        for sub in region.regions:  # Union
            mask |= self.cells(sub)
        return mask


def geometry_coordinates(geometry: Any, fibres: Any = None) -> dict[str, Any]:
    """Named coordinate fields of a geometry: the fibres' ventricular coordinates
    (``transmural``, ``apicobasal``) and the geometry's own (e.g. atrial coordinates)."""
    fib = fibres if fibres is not None else getattr(geometry, "fibres", None)
    coords = {}
    for name in ("transmural", "apicobasal"):
        fn = getattr(fib, name, None) if fib is not None else None
        if fn is not None:
            coords[name] = fn
    coords.update(getattr(geometry, "coordinates", None) or {})
    return coords


def is_geometry(domain: Any) -> bool:
    """Whether ``domain`` is a geometry (mesh, tags, fibres) rather than a bare mesh."""
    return hasattr(domain, "mesh") and hasattr(domain, "fibres")


def union_of(regions: Sequence[Any]) -> Any:
    """One region selecting what any of ``regions`` selects."""
    regions = tuple(regions)
    return regions[0] if len(regions) == 1 else Union(regions)
