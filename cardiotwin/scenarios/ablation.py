"""Ablation lesions, scar and border zone as data, and their application to a simulation.

A lesion is a description of where tissue is destroyed: a sphere (one radiofrequency
application), a box, a linear lesion along a polyline (a line of applications), a region from
mesh cell tags or from a label image (segmented scar), or a point set exported by an
electro-anatomical mapping system (ablation tags: xyz + radius).  A :class:`LesionSet`
groups lesions with an optional :class:`BorderZone`; :func:`apply_lesions` turns it into
what :class:`cardiotwin.ep.monodomain.Monodomain` takes:

- a DG0 ``conductivity_scaling`` (lesion cells ``core_conductivity_factor``, ~0;
  border-zone cells ``BorderZone.conductivity_factor``; healthy cells 1), and
- ionic regions: vertices surrounded only by lesion cells run :class:`NonExcitable`
  (membrane held at the resting potential: ionic current off), border-zone vertices run the
  base model with remodelled parameters, the rest the base model.

Notes
-----
Lesion membership is decided per cell at the cell midpoint, so the lesion volume converges
to the geometric one at first order in the element size.  Vertices on the lesion boundary
(touching at least one healthy cell) stay excitable: they belong to healthy tissue, and the
lesion cells around them carry (almost) no current, so the lesion is an insulating obstacle
(Connolly et al. 2015; Arevalo et al. 2016, Nat Commun 7:11437, model scar the same way).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require_dolfinx
from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)

#: Vertex class codes stored in :attr:`LesionApplication.vertex_class`.
HEALTHY, BORDER_ZONE, CORE = 0, 1, 2


def _vec3(name: str, value: Any) -> tuple[float, float, float]:
    arr = np.asarray(value, dtype=float)
    if arr.shape != (3,) or not np.all(np.isfinite(arr)):
        raise ConfigError(f"{name} = {value!r} is invalid: expected a finite 3-vector (mm)")
    return (float(arr[0]), float(arr[1]), float(arr[2]))


def _positive(name: str, value: float) -> None:
    if not (np.isfinite(value) and value > 0):
        raise ConfigError(f"{name} = {value!r} is invalid: expected a finite number > 0")


# --------------------------------------------------------------------------- lesion shapes
@dataclass(frozen=True)
class SphereLesion:
    """A ball of ``radius_mm`` around ``centre_mm`` (one ablation application)."""

    centre_mm: tuple[float, float, float]
    radius_mm: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "centre_mm", _vec3("SphereLesion.centre_mm", self.centre_mm))
        _positive("SphereLesion.radius_mm", self.radius_mm)

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) inside the lesion."""
        d = np.asarray(x)[:, :3] - np.asarray(self.centre_mm)
        return np.einsum("ij,ij->i", d, d) <= self.radius_mm**2


@dataclass(frozen=True)
class BoxLesion:
    """Axis-aligned box ``lower_mm <= x <= upper_mm`` (e.g. a block of scar in a slab)."""

    lower_mm: tuple[float, float, float]
    upper_mm: tuple[float, float, float]

    def __post_init__(self) -> None:
        lo = _vec3("BoxLesion.lower_mm", self.lower_mm)
        hi = _vec3("BoxLesion.upper_mm", self.upper_mm)
        if any(b <= a for a, b in zip(lo, hi, strict=True)):
            raise ConfigError(f"BoxLesion bounds {lo} .. {hi}: expected upper > lower (mm)")
        object.__setattr__(self, "lower_mm", lo)
        object.__setattr__(self, "upper_mm", hi)

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) inside the box."""
        x = np.asarray(x)[:, :3]
        return np.all((x >= np.asarray(self.lower_mm)) & (x <= np.asarray(self.upper_mm)),
                      axis=1)


@dataclass(frozen=True)
class LinearLesion:
    """A line of ablation along a polyline drawn on the tissue surface.

    Parameters
    ----------
    path_mm
        Polyline vertices (mm), at least two.
    width_mm
        Lesion width across the line (mm).
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
        pts = tuple(_vec3(f"LinearLesion.path_mm[{i}]", p) for i, p in enumerate(self.path_mm))
        if len(pts) < 2:
            raise ConfigError(f"LinearLesion.path_mm has {len(pts)} point(s): expected >= 2")
        object.__setattr__(self, "path_mm", pts)
        _positive("LinearLesion.width_mm", self.width_mm)
        if self.depth_mm is not None:
            _positive("LinearLesion.depth_mm", self.depth_mm)
        n = np.asarray(_vec3("LinearLesion.normal", self.normal))
        if np.linalg.norm(n) == 0:
            raise ConfigError("LinearLesion.normal is the zero vector: expected a direction")
        object.__setattr__(self, "normal", tuple(float(c) for c in n / np.linalg.norm(n)))

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
        """True for the points ``x[n, 3]`` (mm) inside the lesion."""
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
                ok &= (depth >= -1e-9) & (depth <= self.depth_mm)
            inside |= ok
        return inside


@dataclass(frozen=True)
class PointSetLesion:
    """Ablation points as exported by an electro-anatomical mapping system.

    Every point (mm) ablates a ball of ``radius_mm``.
    """

    points_mm: tuple[tuple[float, float, float], ...]
    radius_mm: float

    def __post_init__(self) -> None:
        pts = np.asarray(self.points_mm, dtype=float)
        if pts.ndim != 2 or pts.shape[1] != 3 or pts.shape[0] == 0 or not np.all(np.isfinite(pts)):
            raise ConfigError(f"PointSetLesion.points_mm has shape {pts.shape}: expected a "
                              "non-empty (n, 3) list of finite coordinates (mm)")
        object.__setattr__(self, "points_mm", tuple(map(tuple, pts.tolist())))
        _positive("PointSetLesion.radius_mm", self.radius_mm)

    @classmethod
    def from_csv(cls, path: str | Path, radius_mm: float) -> PointSetLesion:
        """Read ``x, y, z`` columns (mm; a header line and extra columns are allowed)."""
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"ablation point file {p} not found")
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
        """True for the points ``x[n, 3]`` (mm) within ``radius_mm`` of an ablation point."""
        from scipy.spatial import cKDTree

        if len(x) == 0:
            return np.zeros(0, dtype=bool)
        d, _ = cKDTree(np.asarray(self.points_mm)).query(np.asarray(x)[:, :3], k=1)
        return d <= self.radius_mm


@dataclass(frozen=True)
class TaggedLesion:
    """The cells carrying one of ``tags`` in the mesh's cell tags (e.g. segmented scar)."""

    tags: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.tags:
            raise ConfigError("TaggedLesion.tags is empty: give at least one cell tag id")


@dataclass(frozen=True)
class LabelImageLesion:
    """The cells whose midpoint falls in a voxel carrying one of ``labels``.

    ``image`` is a :class:`cardiotwin.geometry.image.LabelImage` or a path to a label
    image readable by :func:`cardiotwin.geometry.image.read_label_image`.  Points outside
    the image are not in the lesion.
    """

    image: Any
    labels: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.labels:
            raise ConfigError("LabelImageLesion.labels is empty: give at least one label value")

    def contains(self, x: npt.NDArray[np.floating]) -> npt.NDArray[np.bool_]:
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


Lesion = SphereLesion | BoxLesion | LinearLesion | PointSetLesion | TaggedLesion | LabelImageLesion


@dataclass(frozen=True)
class BorderZone:
    """Remodelled, slowly conducting tissue next to scar or lesions.

    Parameters
    ----------
    width_mm
        Cells whose midpoint lies within this distance (mm) of a lesion cell's midpoint
        are border zone (0: only tagged cells).
    tags
        Cell tags that are border zone in any case (segmented border zone).
    regions
        Lesion-like shapes (:class:`BoxLesion`, :class:`SphereLesion`...) whose cells are
        border zone in any case (e.g. a surviving channel through scar: the isthmus).
    conductivity_factor
        Multiplier of the conductivity in the border zone (0 < f <= 1).
    ionic_scalings
        Multipliers of the base model's default parameters, e.g. ``{"gNa": 0.38,
        "gCaL": 0.31, "gKr": 0.7, "gKs": 0.2}`` (TP06 border zone, Arevalo et al. 2016).
    """

    width_mm: float = 0.0
    tags: tuple[int, ...] = ()
    regions: tuple[Any, ...] = ()
    conductivity_factor: float = 0.5
    ionic_scalings: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not (np.isfinite(self.width_mm) and self.width_mm >= 0):
            raise ConfigError(f"BorderZone.width_mm = {self.width_mm!r}: expected >= 0 mm")
        if not 0 < self.conductivity_factor <= 1:
            raise ConfigError(f"BorderZone.conductivity_factor = {self.conductivity_factor!r}: "
                              "expected 0 < f <= 1")
        for k, v in self.ionic_scalings.items():
            if not (np.isfinite(v) and v >= 0):
                raise ConfigError(f"BorderZone.ionic_scalings[{k!r}] = {v!r}: expected >= 0")
        if not isinstance(self.regions, tuple):
            object.__setattr__(self, "regions", tuple(self.regions))
        for i, reg in enumerate(self.regions):
            if not hasattr(reg, "contains"):
                raise ConfigError(f"BorderZone.regions[{i}] is a {type(reg).__name__}: expected "
                                  "a shape (SphereLesion, BoxLesion, LinearLesion, "
                                  "PointSetLesion, LabelImageLesion); use tags for cell tags")
        if self.width_mm == 0 and not self.tags and not self.regions:
            raise ConfigError("BorderZone needs width_mm > 0, border-zone cell tags or regions")


@dataclass(frozen=True)
class LesionSet:
    """Lesions (non-excitable, non-conducting) and an optional border zone.

    Parameters
    ----------
    lesions
        The lesion shapes; their union is the lesion core.
    border_zone
        Optional remodelled tissue around the core (or from tags).
    core_conductivity_factor
        Conductivity multiplier in lesion cells (0 <= f < 1; ~0: insulating).
    ionic_off
        Hold vertices enclosed by lesion cells at the resting potential
        (:class:`NonExcitable`); with ``False`` they keep the base model and are only
        isolated electrically.
    """

    lesions: tuple[Any, ...]
    border_zone: BorderZone | None = None
    core_conductivity_factor: float = 0.0
    ionic_off: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.lesions, tuple):
            object.__setattr__(self, "lesions", tuple(self.lesions))
        for i, les in enumerate(self.lesions):
            if not isinstance(les, SphereLesion | BoxLesion | LinearLesion | PointSetLesion
                              | TaggedLesion | LabelImageLesion):
                raise ConfigError(f"LesionSet.lesions[{i}] is a {type(les).__name__}: expected "
                                  "a SphereLesion, BoxLesion, LinearLesion, PointSetLesion, "
                                  "TaggedLesion or LabelImageLesion")
        if not 0 <= self.core_conductivity_factor < 1:
            raise ConfigError(f"LesionSet.core_conductivity_factor = "
                              f"{self.core_conductivity_factor!r}: expected 0 <= f < 1")

    def plus(self, *lesions: Any) -> LesionSet:
        """A copy with more lesions (e.g. scar + an ablation line)."""
        return LesionSet((*self.lesions, *lesions), self.border_zone,
                         self.core_conductivity_factor, self.ionic_off)


# --------------------------------------------------------------------------- non-excitable
class _ClampKernel:
    """Kernel that holds the membrane potential at ``params[0]`` (no ionic dynamics)."""

    @staticmethod
    def step(states: np.ndarray, params: np.ndarray, i_stim: np.ndarray, t: float, dt: float,
             workers: int = 1) -> None:
        states[0, :] = params[0, :]


class NonExcitable:
    """Ablated/scar membrane: no ionic current, potential held at ``v_rest_mV``.

    Has the interface of a registry model (``name``, ``kernel``, ``param_names``,
    ``state_names``, ``initial_states``, ``default_params``) so it can be an
    :class:`cardiotwin.ep.monodomain.IonicRegion` model.  It is used only where every
    cell around a vertex is non-conducting, so holding the potential exchanges no current
    with the tissue.
    """

    name = "non-excitable"
    kernel = _ClampKernel
    param_names = ("v_rest",)
    state_names = ("membrane.V",)
    lut_entries = ()

    def __init__(self, v_rest_mV: float = -85.0) -> None:
        self.v_rest_mV = float(v_rest_mV)

    def initial_states(self, n: int) -> np.ndarray:
        return np.full((1, n), self.v_rest_mV)

    def default_params(self, n: int) -> np.ndarray:
        return np.full((1, n), self.v_rest_mV)


# --------------------------------------------------------------------------- application
def _resolve_model(model: Any) -> Any:
    if not isinstance(model, str):
        return model
    if "/" in model or model.endswith((".cellml", ".mmt")):
        from cardiotwin.ionic import load_model

        return load_model(model)
    from cardiotwin.ionic import get_model

    return get_model(model)


def _cell_midpoints(mesh: Any) -> npt.NDArray[np.float64]:
    dolfinx = require_dolfinx()
    import dolfinx.mesh  # noqa: F811

    tdim = mesh.topology.dim
    imap = mesh.topology.index_map(tdim)
    n = imap.size_local + imap.num_ghosts
    return dolfinx.mesh.compute_midpoints(mesh, tdim, np.arange(n, dtype=np.int32))


def lesion_cells(mesh: Any, lesions: Sequence[Any], *, cell_tags: Any = None,
                 ) -> npt.NDArray[np.bool_]:
    """Mask over this rank's cells (owned, then ghosts) whose midpoint is in any lesion."""
    x = _cell_midpoints(mesh)
    mask = np.zeros(x.shape[0], dtype=bool)
    for les in lesions:
        if isinstance(les, TaggedLesion):
            if cell_tags is None:
                raise ConfigError(f"TaggedLesion{les.tags} needs the mesh's cell_tags")
            for t in les.tags:
                mask[cell_tags.find(t)] = True
        else:
            mask |= les.contains(x)
    return mask


def _near_cells(comm: Any, x: npt.NDArray, core: npt.NDArray[np.bool_], n_owned: int,
                width_mm: float) -> npt.NDArray[np.bool_]:
    """Cells within ``width_mm`` of any (owned) core cell midpoint on any rank."""
    from scipy.spatial import cKDTree

    pts = np.concatenate(comm.allgather(x[:n_owned][core[:n_owned]]))
    if pts.shape[0] == 0 or x.shape[0] == 0:
        return np.zeros(x.shape[0], dtype=bool)
    d, _ = cKDTree(pts).query(x, k=1, distance_upper_bound=width_mm * (1 + 1e-9))
    return np.isfinite(d)


def cell_volume_mm3(mesh: Any, cell_mask: npt.NDArray[np.bool_]) -> float:
    """Total volume (mm³) of the cells in ``cell_mask`` (collective)."""
    dolfinx = require_dolfinx()
    import dolfinx.fem  # noqa: F811
    import ufl

    Q = dolfinx.fem.functionspace(mesh, ("DG", 0))
    ind = dolfinx.fem.Function(Q)
    ind.x.array[:] = cell_mask.astype(float)
    local = dolfinx.fem.assemble_scalar(dolfinx.fem.form(ind * ufl.dx))
    return float(mesh.comm.allreduce(local))


@dataclass
class LesionApplication:
    """What :func:`apply_lesions` produced; pass its parts to ``Monodomain``.

    Attributes
    ----------
    conductivity_scaling
        DG0 Function: ``Monodomain(..., conductivity_scaling=...)``.
    ionic
        List of ``IonicRegion``: ``Monodomain(mesh, ionic, ...)``.
    vertex_class
        P1 Function: 0 healthy, 1 border zone, 2 lesion core (non-excitable).
    core_cells, border_cells
        Masks over this rank's cells.
    core_volume_mm3, border_volume_mm3
        Volumes (mm³, global).
    """

    conductivity_scaling: Any
    ionic: list
    vertex_class: Any
    core_cells: npt.NDArray[np.bool_]
    border_cells: npt.NDArray[np.bool_]
    core_volume_mm3: float
    border_volume_mm3: float


def apply_lesions(mesh: Any, lesion_set: LesionSet, base_model: Any, *, cell_tags: Any = None,
                  base_scalings: Mapping[str, float] | None = None) -> LesionApplication:
    """Turn a :class:`LesionSet` into a conductivity scaling and ionic regions.  Collective.

    Parameters
    ----------
    mesh
        dolfinx mesh (mm).
    lesion_set
        The lesions and border zone.
    base_model
        Ionic model of the healthy tissue (registry name or model object).
    cell_tags
        Needed by :class:`TaggedLesion` and ``BorderZone.tags``.
    base_scalings
        Multipliers of the base model's default parameters in all excitable tissue; the
        border-zone multipliers apply on top of them.

    Returns
    -------
    LesionApplication
    """
    dolfinx = require_dolfinx()
    import dolfinx.fem  # noqa: F811
    import dolfinx.la

    from cardiotwin.ep.monodomain import IonicRegion
    from cardiotwin.ep.stimulus import FieldRange

    model = _resolve_model(base_model)
    tdim = mesh.topology.dim
    n_owned_cells = mesh.topology.index_map(tdim).size_local
    core = lesion_cells(mesh, lesion_set.lesions, cell_tags=cell_tags)
    bz = np.zeros_like(core)
    bzs = lesion_set.border_zone
    if bzs is not None:
        if bzs.tags:
            if cell_tags is None:
                raise ConfigError(f"BorderZone.tags {bzs.tags} need the mesh's cell_tags")
            for t in bzs.tags:
                bz[cell_tags.find(t)] = True
        if bzs.regions:
            bz |= lesion_cells(mesh, bzs.regions)
        if bzs.width_mm > 0:
            bz |= _near_cells(mesh.comm, _cell_midpoints(mesh), core, n_owned_cells,
                              bzs.width_mm)
        bz &= ~core
        unknown = [k for k in bzs.ionic_scalings if k not in model.param_names]
        if unknown:
            raise ConfigError(f"BorderZone.ionic_scalings names {unknown}, which model "
                              f"{model.name!r} lacks; it has: {', '.join(model.param_names)}")

    # conductivity scaling (DG0)
    Q = dolfinx.fem.functionspace(mesh, ("DG", 0))
    scaling = dolfinx.fem.Function(Q, name="conductivity_scaling")
    scaling.x.array[:] = 1.0
    if bzs is not None:
        scaling.x.array[bz] = bzs.conductivity_factor
    scaling.x.array[core] = lesion_set.core_conductivity_factor
    scaling.x.scatter_forward()

    # vertex classes: core = every adjacent cell is core; bz = touches a bz cell
    V = dolfinx.fem.functionspace(mesh, ("Lagrange", 1))
    dm = V.dofmap.list[:n_owned_cells]

    def _touch(cell_mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
        f = dolfinx.fem.Function(V)
        np.add.at(f.x.array, dm[cell_mask[:n_owned_cells]].ravel(), 1.0)
        f.x.scatter_reverse(dolfinx.la.InsertMode.add)
        f.x.scatter_forward()
        return f.x.array > 0

    touches_healthy = _touch(~core)
    vclass = dolfinx.fem.Function(V, name="lesion_class")
    vclass.x.array[:] = HEALTHY
    if bzs is not None:
        vclass.x.array[_touch(bz)] = BORDER_ZONE
    vclass.x.array[~touches_healthy] = CORE
    vclass.x.scatter_forward()

    names = list(model.param_names)
    base = dict(base_scalings or {})
    for k in base:
        if k not in names:
            raise ConfigError(f"base_scalings names {k!r}, which model {model.name!r} lacks; "
                              f"it has: {', '.join(names)}")
    defaults = model.default_params(1)
    base_abs = {k: float(defaults[names.index(k), 0]) * float(v) for k, v in base.items()}
    regions = []
    if lesion_set.ionic_off:
        v_rest = float(model.initial_states(1)[0, 0])
        regions.append(IonicRegion(NonExcitable(v_rest), FieldRange(vclass, CORE - 0.5,
                                                                     CORE + 0.5)))
    if bzs is not None:
        sc = dict(base_abs)
        for k, v in bzs.ionic_scalings.items():
            sc[k] = float(defaults[names.index(k), 0]) * base.get(k, 1.0) * float(v)
        regions.append(IonicRegion(model, FieldRange(vclass, BORDER_ZONE - 0.5,
                                                     BORDER_ZONE + 0.5), sc))
    regions.append(IonicRegion(model, None, base_abs))
    core_vol = cell_volume_mm3(mesh, core)
    bz_vol = cell_volume_mm3(mesh, bz)
    logger.info("lesions: core %.1f mm^3, border zone %.1f mm^3", core_vol, bz_vol)
    return LesionApplication(conductivity_scaling=scaling, ionic=regions, vertex_class=vclass,
                             core_cells=core, border_cells=bz, core_volume_mm3=core_vol,
                             border_volume_mm3=bz_vol)
