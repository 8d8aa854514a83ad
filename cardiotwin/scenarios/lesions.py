"""Ablation lesions, scar and border zone as data, and their application to a simulation.

A lesion is a region of :mod:`cardiotwin.geometry.regions` where tissue is destroyed: a
:class:`~cardiotwin.geometry.regions.Sphere` (one radiofrequency application), a
:class:`~cardiotwin.geometry.regions.Box`, a :class:`~cardiotwin.geometry.regions.Line`
(a line of applications), the cells of a tag
(:class:`~cardiotwin.geometry.regions.Tagged`, e.g. segmented scar), the voxels of a label
image (:class:`~cardiotwin.geometry.regions.LabelImageRegion`), or the points exported by
an electro-anatomical mapping system (:class:`~cardiotwin.geometry.regions.PointSet`).  A
:class:`LesionSet` groups lesions with an optional :class:`BorderZone`;
:func:`apply_lesions` turns it into what :class:`cardiotwin.ep.monodomain.Monodomain` takes:

- a DG0 ``conductivity_scaling`` (lesion cells ``core_conductivity_factor``, ~0;
  border-zone cells ``BorderZone.conductivity_factor``; healthy cells 1), and
- ionic regions: vertices surrounded only by lesion cells run
  :class:`~cardiotwin.ionic.nonexcitable.NonExcitable` (membrane held at the resting
  potential: ionic current off), border-zone vertices run the base model with remodelled
  parameters, the rest the base model.

Notes
-----
Lesion membership is decided per cell at the cell midpoint, so the lesion volume converges
to the geometric one at first order in the element size.  Vertices on the lesion boundary
(touching at least one healthy cell) stay excitable: they belong to healthy tissue, and the
lesion cells around them carry (almost) no current, so the lesion is an insulating obstacle
(Connolly et al. 2015; Arevalo et al. 2016, Nat Commun 7:11437, model scar the same way).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require_dolfinx
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import FieldRange, RegionResolver, check_region
from cardiotwin.ionic.nonexcitable import NonExcitable
from cardiotwin.ionic.parameters import ParameterChanges

logger = logging.getLogger(__name__)

#: Vertex class codes stored in :attr:`LesionApplication.vertex_class`.
HEALTHY, BORDER_ZONE, CORE = 0, 1, 2


@dataclass(frozen=True)
class BorderZone:
    """Remodelled, slowly conducting tissue next to scar or lesions.

    Parameters
    ----------
    width_mm
        Cells whose midpoint lies within this distance (mm) of a lesion cell's midpoint
        are border zone (0: only the cells of ``regions``).
    regions
        Regions whose cells are border zone in any case: a segmented border zone
        (``Tagged("border-zone")``) or a surviving channel through scar (the isthmus).
    conductivity_factor
        Multiplier of the conductivity in the border zone (0 < f <= 1).
    ionic
        How the base model's parameters change there, e.g. ``ParameterChanges(scale=
        {"gNa": 0.38, "gCaL": 0.31, "gKr": 0.7, "gKs": 0.2})`` (TP06 border zone, Arevalo
        et al. 2016); applied after the base tissue's own changes.
    """

    width_mm: float = 0.0
    regions: tuple[Any, ...] = ()
    conductivity_factor: float = 0.5
    ionic: ParameterChanges = field(default_factory=ParameterChanges)

    def __post_init__(self) -> None:
        if not (np.isfinite(self.width_mm) and self.width_mm >= 0):
            raise ConfigError(f"BorderZone.width_mm = {self.width_mm!r}: expected >= 0 mm")
        if not 0 < self.conductivity_factor <= 1:
            raise ConfigError(f"BorderZone.conductivity_factor = {self.conductivity_factor!r}: "
                              "expected 0 < f <= 1")
        if not isinstance(self.ionic, ParameterChanges):
            raise ConfigError(f"BorderZone.ionic is a {type(self.ionic).__name__}: expected "
                              "ParameterChanges(scale=..., set=...)")
        object.__setattr__(self, "regions", tuple(self.regions))
        for i, reg in enumerate(self.regions):
            check_region(f"BorderZone.regions[{i}]", reg)
        if self.width_mm == 0 and not self.regions:
            raise ConfigError("BorderZone needs width_mm > 0 or regions")


@dataclass(frozen=True)
class LesionSet:
    """Lesions (non-excitable, non-conducting) and an optional border zone.

    Parameters
    ----------
    lesions
        The lesion regions; their union is the lesion core.
    border_zone
        Optional remodelled tissue around the core (or from its own regions).
    core_conductivity_factor
        Conductivity multiplier in lesion cells (0 <= f < 1; ~0: insulating).
    ionic_off
        Hold vertices enclosed by lesion cells at the resting potential
        (:class:`~cardiotwin.ionic.nonexcitable.NonExcitable`); with ``False`` they keep
        the base model and are only isolated electrically.
    """

    lesions: tuple[Any, ...]
    border_zone: BorderZone | None = None
    core_conductivity_factor: float = 0.0
    ionic_off: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "lesions", tuple(self.lesions))
        for i, les in enumerate(self.lesions):
            check_region(f"LesionSet.lesions[{i}]", les)
        if self.border_zone is not None and not isinstance(self.border_zone, BorderZone):
            raise ConfigError(f"LesionSet.border_zone is a {type(self.border_zone).__name__}: "
                              "expected a BorderZone")
        if not 0 <= self.core_conductivity_factor < 1:
            raise ConfigError(f"LesionSet.core_conductivity_factor = "
                              f"{self.core_conductivity_factor!r}: expected 0 <= f < 1")

    def plus(self, *lesions: Any) -> LesionSet:
        """A copy with more lesions (e.g. scar + an ablation line)."""
        return LesionSet((*self.lesions, *lesions), self.border_zone,
                         self.core_conductivity_factor, self.ionic_off)


# --------------------------------------------------------------------------- application
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


def lesion_cells(domain: Any, lesions: Sequence[Any], *, cell_tags: Any = None,
                 ) -> npt.NDArray[np.bool_]:
    """Mask over this rank's cells (owned, then ghosts) that any of ``lesions`` selects."""
    res = RegionResolver.for_domain(domain, cell_tags=cell_tags)
    mask = np.zeros(res.cell_midpoints().shape[0], dtype=bool)
    for les in lesions:
        mask |= res.cells(les)
    return mask


@dataclass
class LesionApplication:
    """What :func:`apply_lesions` produced; pass its parts to ``Monodomain``.

    Attributes
    ----------
    conductivity_scaling
        DG0 Function: ``Monodomain(..., conductivity_scaling=...)``.
    ionic
        List of ``IonicRegion``: ``Monodomain(domain, ionic, ...)``.
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


def apply_lesions(domain: Any, lesion_set: LesionSet, base_model: Any, *,
                  cell_tags: Any = None,
                  base: ParameterChanges | None = None) -> LesionApplication:
    """Turn a :class:`LesionSet` into a conductivity scaling and ionic regions.  Collective.

    Parameters
    ----------
    domain
        A :class:`cardiotwin.geometry.Geometry` (tags by name) or a dolfinx mesh (mm).
    lesion_set
        The lesions and border zone.
    base_model
        Ionic model of the healthy tissue (registry name, file or model object).
    cell_tags
        The mesh's cell tags, for :class:`~cardiotwin.geometry.regions.Tagged` regions
        on a bare mesh.
    base
        Parameter changes of the base model in all excitable tissue; the border zone's
        changes apply on top of them.

    Returns
    -------
    LesionApplication
    """
    dolfinx = require_dolfinx()
    import dolfinx.fem  # noqa: F811
    import dolfinx.la

    from cardiotwin.ep.monodomain import IonicRegion
    from cardiotwin.ionic import resolve_model

    res = RegionResolver.for_domain(domain, cell_tags=cell_tags)
    mesh = res.mesh
    model = resolve_model(base_model, comm=mesh.comm)
    base = base or ParameterChanges()
    base.check(model)
    tdim = mesh.topology.dim
    n_owned_cells = mesh.topology.index_map(tdim).size_local
    core = np.zeros(res.cell_midpoints().shape[0], dtype=bool)
    for les in lesion_set.lesions:
        core |= res.cells(les)
    bz = np.zeros_like(core)
    bzs = lesion_set.border_zone
    if bzs is not None:
        for reg in bzs.regions:
            bz |= res.cells(reg)
        if bzs.width_mm > 0:
            bz |= _near_cells(mesh.comm, res.cell_midpoints(), core, n_owned_cells,
                              bzs.width_mm)
        bz &= ~core
        bzs.ionic.check(model)

    # conductivity scaling (DG0)
    Q = dolfinx.fem.functionspace(mesh, ("DG", 0))
    scaling = dolfinx.fem.Function(Q, name="conductivity_scaling")
    scaling.x.array[:] = 1.0
    if bzs is not None:
        scaling.x.array[bz] = bzs.conductivity_factor
    scaling.x.array[core] = lesion_set.core_conductivity_factor
    scaling.x.scatter_forward()

    # vertex classes: core = every adjacent cell is core; bz = touches a bz cell
    V = res.V
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

    regions = []
    if lesion_set.ionic_off:
        v_rest = float(model.initial_states(1)[0, 0])
        regions.append(IonicRegion(NonExcitable(v_rest), FieldRange(vclass, CORE - 0.5,
                                                                     CORE + 0.5)))
    if bzs is not None:
        regions.append(IonicRegion(model, FieldRange(vclass, BORDER_ZONE - 0.5,
                                                     BORDER_ZONE + 0.5),
                                   base.then(bzs.ionic)))
    regions.append(IonicRegion(model, None, base))
    core_vol = cell_volume_mm3(mesh, core)
    bz_vol = cell_volume_mm3(mesh, bz)
    logger.info("lesions: core %.1f mm^3, border zone %.1f mm^3", core_vol, bz_vol)
    return LesionApplication(conductivity_scaling=scaling, ionic=regions, vertex_class=vclass,
                             core_cells=core, border_cells=bz, core_volume_mm3=core_vol,
                             border_volume_mm3=bz_vol)
