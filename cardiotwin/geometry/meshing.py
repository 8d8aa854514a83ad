"""Label image -> smooth myocardial surface -> conforming tetrahedral mesh with tags.

Pipeline of :func:`mesh_from_labels`:

1. masks of the roles (:class:`~cardiotwin.geometry.labels.LabelMap`); a synthetic RV free
   wall grown from the RV blood pool when the image has no RV myocardium label;
2. the LV long axis (principal axis of LV blood + myocardium, apex where the myocardium
   overhangs the cavity) and the base plane: the highest level along the axis up to which
   the LV cavity is still walled by myocardium; the myocardium above it is cut away;
3. a smooth implicit surface ``min(G_sigma * mask - 1/2, plane)`` of the mask opened and
   closed at a quarter of the edge length (a Gaussian-smoothed
   indicator: no staircase; the plane gives a flat base) extracted by marching cubes;
4. MMGS remeshes that surface isotropically at the target edge length (within a
   Hausdorff distance of it), gmsh fills it with Delaunay tetrahedra without touching the
   surface, and MMG3D remeshes the volume at the target size, which removes slivers;
5. boundary facets are tagged by what lies just outside them (LV blood, RV blood,
   surroundings, base plane) and cells by the myocardial role of the nearest voxel.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from cardiotwin.exceptions import ConfigError, MeshError
from cardiotwin.geometry.image import LabelImage
from cardiotwin.geometry.labels import CELL_TAG_IDS, FACET_TAG_IDS, PHANTOM_LABELS, LabelMap

logger = logging.getLogger(__name__)

#: peak memory of the whole pipeline (gmsh, dolfinx, LDRB) = BASE_BYTES + BYTES_PER_CELL x
#: tetrahedra, with a margin over the MM-WHS ventricles (peak resident 1.08 GB for 347k
#: tetrahedra at 1.5 mm, 2.59 GB for 3.30 M at 0.7 mm, 6.17 GB for 9.02 M at 0.5 mm:
#: about 0.9 GB + 580 B per tetrahedron)
BASE_BYTES = 1.0e9
BYTES_PER_CELL = 800.0
#: time allowed to surface remeshing + tetrahedralisation per attempt (plus 2 ms per
#: expected tetrahedron), s; a safety net, no step is known to hang
GMSH_TIMEOUT_S = 120.0
#: volume of a regular tetrahedron of unit edge
_REGULAR_TET_VOLUME = 1.0 / (6.0 * np.sqrt(2.0))


@dataclass(frozen=True)
class TetMesh:
    """A tagged tetrahedral mesh of the myocardium (arrays in input order).

    Attributes
    ----------
    points
        Vertex coordinates, shape (n, 3), mm (world, RAS).
    cells
        Tetrahedra as vertex indices, shape (m, 4).
    cell_values
        Cell tag of each tetrahedron (ids of :data:`CELL_TAG_IDS`).
    facets, facet_values
        Boundary triangles (vertex indices, shape (k, 3)) and their tags
        (ids of :data:`FACET_TAG_IDS`).
    long_axis
        Unit vector from apex to base.
    apex_mm
        The mesh vertex farthest towards the apex, mm.
    base_level_mm
        Position of the base plane along ``long_axis`` (``x . long_axis``), mm.
    label_volume_mm3
        Volume of the myocardial voxels that were meshed (after the base cut), mm³.
    info
        Timings and figures of the steps (for the report).
    """

    points: np.ndarray
    cells: np.ndarray
    cell_values: np.ndarray
    facets: np.ndarray
    facet_values: np.ndarray
    long_axis: np.ndarray
    apex_mm: np.ndarray
    base_level_mm: float
    label_volume_mm3: float
    cell_tag_ids: dict[str, int] = field(default_factory=dict)
    facet_tag_ids: dict[str, int] = field(default_factory=dict)
    info: dict = field(default_factory=dict)


def _available_memory_bytes() -> float:
    try:
        return float(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return 8e9


def _shift(a: np.ndarray, axis: int, step: int) -> np.ndarray:
    """``a`` shifted by one voxel along ``axis`` (zero fill)."""
    out = np.zeros_like(a)
    src = [slice(None)] * 3
    dst = [slice(None)] * 3
    if step > 0:
        src[axis], dst[axis] = slice(0, -1), slice(1, None)
    else:
        src[axis], dst[axis] = slice(1, None), slice(0, -1)
    out[tuple(dst)] = a[tuple(src)]
    return out


def _check_labels(image: LabelImage, labels: LabelMap,
                  whole: LabelImage | None = None) -> dict[str, np.ndarray]:
    """Masks of the mapped roles in ``image``; a MeshError naming the labels present in
    ``whole`` (default ``image``) if one is missing."""
    masks = {}
    for role, value in labels.as_dict().items():
        mask = image.data == value
        if not mask.any():
            present = np.unique((whole or image).data)
            shown = ", ".join(str(int(v)) for v in present[:20])
            raise MeshError(
                f"{image.source or 'label image'}: label {value} ({role}) does not occur in "
                f"the image (labels present: {shown}); give the right codes with "
                "--labels ROLE=VALUE,... or drop the role")
        masks[role] = mask
    return masks


def _long_axis(image: LabelImage, lv: np.ndarray, lv_blood: np.ndarray) -> np.ndarray:
    """Apex-to-base unit vector: principal axis of the LV cavity (elongated even when the
    whole LV is not), pointing away from the end where the myocardium caps the cavity."""
    ijk = np.argwhere(lv_blood)
    step = max(1, len(ijk) // 200000)
    xb = image.index_to_world(ijk[::step])
    c = xb.mean(axis=0)
    w, v = np.linalg.eigh(np.cov((xb - c).T))
    axis = v[:, np.argmax(w)]
    ijk = np.argwhere(lv)
    t_myo = image.index_to_world(ijk[:: max(1, len(ijk) // 200000)]) @ axis
    t_blood = xb @ axis
    lo_gap = np.percentile(t_blood, 0.5) - np.percentile(t_myo, 0.5)
    hi_gap = np.percentile(t_myo, 99.5) - np.percentile(t_blood, 99.5)
    # the apex is the end where myocardium overhangs the cavity the most
    return axis if lo_gap >= hi_gap else -axis


def _base_level(t: np.ndarray, lv_blood: np.ndarray, myo: np.ndarray, width: float) -> float:
    """Highest level along the axis up to which the LV cavity is walled by myocardium."""
    open_faces = np.zeros(lv_blood.shape, dtype=np.int8)
    myo_faces = np.zeros(lv_blood.shape, dtype=np.int8)
    for axis in range(3):
        for step in (-1, 1):
            nb_blood = _shift(lv_blood, axis, step)
            nb_myo = _shift(myo, axis, step)
            open_faces += ~nb_blood
            myo_faces += nb_myo
    sel = lv_blood & (open_faces > 0)
    tb = t[sel]
    if tb.size == 0:
        return float(t[myo].max())
    bins = np.floor((tb - tb.min()) / width).astype(int)
    n_open = np.bincount(bins, weights=open_faces[sel])
    n_myo = np.bincount(bins, weights=myo_faces[sel])
    frac = np.divide(n_myo, n_open, out=np.ones_like(n_myo), where=n_open > 0)
    bad = np.nonzero(frac < 0.5)[0]
    bad = bad[bad > 0]
    if bad.size == 0:
        return float(t[myo].max()) + width
    return float(tb.min() + bad[0] * width)


def _components(faces: np.ndarray, n_vertices: int) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    i = np.concatenate([faces[:, 0], faces[:, 1], faces[:, 2]])
    j = np.concatenate([faces[:, 1], faces[:, 2], faces[:, 0]])
    g = coo_matrix((np.ones(i.size), (i, j)), shape=(n_vertices, n_vertices))
    return connected_components(g, directed=False)[1]


def _child(conn, fn, args) -> None:
    try:
        conn.send(fn(*args))
    except Exception as exc:
        conn.send(exc)
    finally:
        conn.close()


def _with_timeout(fn, args: tuple, timeout_s: float):
    """Run ``fn(*args)`` in a forked child process; TimeoutError if it runs too long.

    gmsh's surface classification can loop forever on some triangulations; a child
    process can be stopped where a thread inside gmsh cannot.
    """
    import multiprocessing

    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: run in-process without a guard
        return fn(*args)
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout_s):
            raise TimeoutError(f"{fn.__name__} ran longer than {timeout_s:.0f} s")
        result = parent.recv()
    except EOFError as exc:
        raise MeshError(f"{fn.__name__} died (exit code {proc.exitcode}); out of "
                        "memory?") from exc
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
    if isinstance(result, Exception):
        raise result
    return result


def _tet_volumes(points: np.ndarray, cells: np.ndarray) -> np.ndarray:
    p = points[cells]
    return np.einsum("ij,ij->i", np.cross(p[:, 1] - p[:, 0], p[:, 2] - p[:, 0]),
                     p[:, 3] - p[:, 0]) / 6.0


def boundary_facets(cells: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Boundary triangles of a tetrahedral mesh, oriented with outward normals."""
    local = np.array([[1, 2, 3], [0, 3, 2], [0, 1, 3], [0, 2, 1]])
    faces = cells[:, local].reshape(-1, 3)
    opposite = cells[:, [0, 1, 2, 3]].reshape(-1)
    key = np.sort(faces, axis=1)
    _, inv, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    once = counts[inv.ravel()] == 1
    f = faces[once]
    d = points[opposite[once]]
    a, b, c = points[f[:, 0]], points[f[:, 1]], points[f[:, 2]]
    n = np.cross(b - a, c - a)
    flip = np.einsum("ij,ij->i", n, d - a) > 0
    f[flip] = f[flip][:, [0, 2, 1]]
    return f


def _surface_loops(points: np.ndarray, faces: np.ndarray) -> list[np.ndarray]:
    """Closed pieces of a surface, the outermost (largest extent) first."""
    comp = _components(faces, len(points))
    pieces = [faces[comp[faces[:, 0]] == c] for c in np.unique(comp[faces[:, 0]])]
    extent = [np.ptp(points[np.unique(f)], axis=0).max() for f in pieces]
    return [pieces[i] for i in np.argsort(extent)[::-1]]


def _gmsh_fill(points: np.ndarray, faces: np.ndarray, h: float) -> np.ndarray:
    """Delaunay tetrahedra inside a closed triangulated surface, which is kept as it is
    (a volume bounded by discrete surfaces: no reparametrisation, no surface remeshing)."""
    from cardiotwin._deps import require

    gmsh = require("gmsh", extra="imaging", purpose="tetrahedral meshing")
    gmsh.initialize(interruptible=False)
    try:
        gmsh.option.setNumber("General.Terminal", 0)
        gmsh.option.setNumber("General.NumThreads", 1)
        gmsh.model.add("myocardium")
        tags = []
        for k, piece in enumerate(_surface_loops(points, faces), start=1):
            gmsh.model.addDiscreteEntity(2, k)
            used = np.unique(piece)
            gmsh.model.mesh.addNodes(2, k, used + 1, points[used].ravel())
            gmsh.model.mesh.addElementsByType(k, 2, [], (piece + 1).ravel())
            tags.append(gmsh.model.geo.addSurfaceLoop([k]))
        gmsh.model.geo.addVolume(tags)
        gmsh.model.geo.synchronize()
        gmsh.option.setNumber("Mesh.MeshSizeMax", h)
        gmsh.option.setNumber("Mesh.Algorithm3D", 1)
        gmsh.option.setNumber("Mesh.Optimize", 0)
        gmsh.model.mesh.generate(3)
        node_tags, coords, _ = gmsh.model.mesh.getNodes()
        _, elem_nodes = gmsh.model.mesh.getElementsByType(4)
    except Exception as exc:
        raise MeshError(f"gmsh could not fill the myocardial surface with tetrahedra "
                        f"({exc})") from exc
    finally:
        gmsh.finalize()
    coords = coords.reshape(-1, 3)
    lookup = np.zeros(int(node_tags.max()) + 1, dtype=np.int64)
    lookup[node_tags.astype(np.int64)] = np.arange(len(node_tags))
    cells = lookup[elem_nodes.astype(np.int64).reshape(-1, 4)]
    if len(cells) == 0:
        raise MeshError("gmsh made no tetrahedra inside the myocardial surface")
    return coords, cells


def _tetrahedralise(verts: np.ndarray, faces: np.ndarray, h: float, hausdorff_mm: float
                    ) -> tuple[np.ndarray, np.ndarray, dict]:
    """Surface of marching cubes -> isotropic surface at size ``h`` -> quality tetrahedra.

    1. MMGS remeshes the fine surface to edges of about ``h`` (finer where the surface
       curves, so that it stays within ``hausdorff_mm`` of the input), with no ridge
       detection: the marching-cubes surface has no true creases except the base rim;
    2. gmsh fills that surface with Delaunay tetrahedra without touching it;
    3. MMG3D remeshes the volume at size ``h`` (same Hausdorff bound on its boundary),
       which removes slivers, also those with all four vertices on the boundary.
    """
    from cardiotwin._deps import require

    mmgpy = require("mmgpy", extra="imaging", purpose="surface and volume remeshing")
    opts = {"hsiz": h, "hausd": hausdorff_mm, "hgrad": 1.3, "angle": 0, "verbose": -1}
    times = {}
    t0 = time.perf_counter()
    surf = mmgpy.MmgMeshS(np.ascontiguousarray(verts, dtype=np.float64),
                          np.ascontiguousarray(faces, dtype=np.int32))
    surf.remesh(**opts)
    points = np.asarray(surf.get_vertices(), dtype=np.float64)
    tris = np.asarray(surf.get_triangles(), dtype=np.int64)
    t1 = time.perf_counter()
    times["t_surface_remesh_s"] = t1 - t0
    times["surface_triangles_remeshed"] = len(tris)
    p0, c0 = _gmsh_fill(points, tris, h)
    t2 = time.perf_counter()
    times["t_delaunay_s"] = t2 - t1
    vol = _tet_volumes(p0, c0)
    c0[vol < 0] = c0[vol < 0][:, [0, 1, 3, 2]]
    tets = mmgpy.MmgMesh3D(p0, c0.astype(np.int32))
    tets.remesh(**opts)
    points = np.asarray(tets.get_vertices(), dtype=np.float64)
    cells = np.asarray(tets.get_tetrahedra(), dtype=np.int64)
    times["t_volume_remesh_s"] = time.perf_counter() - t2
    used, cells = np.unique(cells, return_inverse=True)
    cells = cells.reshape(-1, 4)
    points = points[used]
    vol = _tet_volumes(points, cells)
    cells[vol < 0] = cells[vol < 0][:, [0, 1, 3, 2]]
    return points, cells, times


def _ball(radius_mm: float, spacing: np.ndarray) -> np.ndarray:
    """Voxels of a ball of ``radius_mm`` on a grid of ``spacing`` (a structuring element)."""
    n = np.floor(radius_mm / spacing + 1e-9).astype(int)
    grid = np.meshgrid(*(np.arange(-k, k + 1) * s for k, s in zip(n, spacing, strict=True)),
                       indexing="ij")
    return sum(x * x for x in grid) <= radius_mm ** 2 * (1.0 + 1e-9)


def _open_close(myo: np.ndarray, spacing: np.ndarray, radius_mm: float,
                cavities: Sequence[np.ndarray] = ()) -> np.ndarray:
    """Morphological opening then closing with a ball of ``radius_mm``: removes sheets
    thinner than ``2 radius_mm`` and fills clefts narrower than that, which a surface at
    the target size cannot resolve.

    Wall that separates a cavity (each of ``cavities``, the ventricular blood pools) from
    anything else, another cavity included, is kept however thin: opening it would cut a
    hole through the wall and the cavity would no longer be closed by the base (its
    volume and pressure load would be wrong). Only voxels within ``2 radius_mm`` of both
    sides are kept this way, so thin strands inside a cavity and thin flaps on the
    outside still go.
    """
    from scipy import ndimage

    ball = _ball(radius_mm, spacing)
    opened = ndimage.binary_opening(myo, ball)
    reach = 2.0 * radius_mm
    lost = myo & ~opened
    for cavity in cavities:
        if lost.any() and cavity.any():
            near_cavity = ndimage.distance_transform_edt(~cavity, sampling=spacing) <= reach
            near_other = ndimage.distance_transform_edt(myo | cavity, sampling=spacing) <= reach
            opened |= lost & near_cavity & near_other
    return ndimage.binary_closing(opened, ball)


def _distance_to(mask: np.ndarray, sub: LabelImage, x: np.ndarray) -> tuple[np.ndarray,
                                                                              np.ndarray]:
    """Distance (mm) from points ``x`` to the nearest voxel centre of ``mask`` and that
    voxel's index (0 and the voxel itself for points inside ``mask``)."""
    from scipy import ndimage
    from scipy.spatial import cKDTree

    surface = np.argwhere(mask & ~ndimage.binary_erosion(mask))
    dist = np.full(len(x), np.inf)
    nearest = np.zeros((len(x), 3), dtype=int)
    if len(surface) == 0:
        return dist, nearest
    dist, k = cKDTree(sub.index_to_world(surface)).query(x)
    nearest = surface[k]
    idx = np.rint(sub.world_to_index(x)).astype(int)
    inside = np.all((idx >= 0) & (idx < np.asarray(mask.shape)), axis=1)
    inside[inside] = mask[tuple(idx[inside].T)]
    dist[inside] = 0.0
    nearest[inside] = idx[inside]
    return dist, nearest


def _surface(field_: np.ndarray, sub: LabelImage, step: int) -> tuple[np.ndarray, np.ndarray]:
    """Marching-cubes surface of ``field_ = 0`` in world coordinates; pieces with less
    than 1 % of the triangles (specks of the smoothed field) are dropped."""
    from skimage import measure

    verts, faces, _, _ = measure.marching_cubes(field_, 0.0, step_size=step,
                                                allow_degenerate=False)
    verts = sub.index_to_world(verts)
    comp = _components(faces, len(verts))
    counts = np.bincount(comp[faces[:, 0]], minlength=comp.max() + 1)
    big = np.nonzero(counts >= 0.01 * counts.sum())[0]
    faces = faces[np.isin(comp[faces[:, 0]], big)]
    used, faces = np.unique(faces, return_inverse=True)
    return verts[used], faces.reshape(-1, 3)


def _close_endocardial_rims(facets: np.ndarray, values: np.ndarray,
                            valve: np.ndarray) -> np.ndarray:
    """Retag as base the epicardial facets that share an edge with an endocardial facet
    and may hold it (``valve``: near the base cut, or facing a chamber or vessel that is
    not modelled). They are the rounded top of a wall thinner than the mesh resolves, or
    the edge of the wall around a valve that opens below the base (a real anatomy's
    tricuspid or aortic valve). Every endocardium then ends on the base, which holds its
    rim, and not on free epicardium (a cavity whose rim moves freely has no volume that
    its pressure load works on). A rim elsewhere (a hole through the wall) stays free and
    the mechanics refuses the cavity."""
    edges = np.sort(np.concatenate([facets[:, [0, 1]], facets[:, [1, 2]],
                                    facets[:, [2, 0]]]), axis=1)
    owner = np.tile(np.arange(len(facets)), 3)
    _, inv, count = np.unique(edges, axis=0, return_inverse=True, return_counts=True)
    inv = inv.ravel()
    order = np.argsort(inv, kind="stable")
    pairs = owner[order][count[inv[order]] == 2].reshape(-1, 2)
    endo = np.isin(values, [FACET_TAG_IDS["lv-endocardium"], FACET_TAG_IDS["rv-endocardium"]])
    candidate = (values == FACET_TAG_IDS["epicardium"]) & valve
    a, b = pairs[:, 0], pairs[:, 1]
    hit = np.concatenate([b[endo[a] & candidate[b]], a[endo[b] & candidate[a]]])
    out = values.copy()
    out[hit] = FACET_TAG_IDS["base"]
    return out


def mesh_from_labels(image: LabelImage, labels: LabelMap = PHANTOM_LABELS,
                     edge_length_mm: float = 1.0, *, rv_wall_mm: float = 3.0,
                     smoothing_mm: float | None = None,
                     min_island_fraction: float = 0.01) -> TetMesh:
    """Mesh the myocardium of a label image with tetrahedra and tag it.

    Parameters
    ----------
    image
        The label image (world coordinates in mm).
    labels
        Meaning of the label values; labels not mapped are treated as surroundings.
    edge_length_mm
        Target edge length of the tetrahedra, mm.
    rv_wall_mm
        Thickness of the RV free wall grown from the RV blood pool when ``labels`` maps
        ``rv-blood`` but no ``rv-myocardium``, mm. It grows only into unlabelled voxels.
        Wall of the same thickness closes any gap where the LV blood pool touches
        unlabelled voxels below the base (a segmented LV myocardium with a hole). Both
        are grown at least ``2/3`` of the edge length thick: a thinner grown wall pinches
        in the mesh.
    smoothing_mm
        Standard deviation of the Gaussian that smooths the myocardial indicator before
        the surface is extracted, mm (default: the largest voxel size).
    min_island_fraction
        Pieces of myocardium smaller than this fraction of the total are dropped (with a
        warning); two or more larger pieces are an error.

    Returns
    -------
    TetMesh

    Raises
    ------
    MeshError
        For a missing label, an empty or disconnected myocardium, or a mesh that would
        not fit in memory; raised before the heavy steps.
    ConfigError
        For a non-positive edge length, wall thickness or smoothing.

    Notes
    -----
    Before the surface is extracted, the myocardial mask is opened and closed with a
    ball of radius ``max(voxel size, h / 4)`` (``h`` the edge length): slivers of wall
    thinner than that diameter (e.g. where a grown RV wall squeezes between two other
    chambers) and narrower clefts would otherwise give a surface whose two sides a
    mesh of size ``h`` cannot keep apart. Wall between a ventricular cavity and anything
    else is the exception: it is kept however thin, so that no cavity is opened below
    the base. The volume is still compared with the labels as they were
    (``label_volume_mm3``).
    """
    t_start = time.perf_counter()
    h = float(edge_length_mm)
    if not np.isfinite(h) or h <= 0.0:
        raise ConfigError(f"edge_length_mm={edge_length_mm}: must be a finite length > 0 mm")
    if not rv_wall_mm > 0.0:
        raise ConfigError(f"rv_wall_mm={rv_wall_mm}: must be > 0 mm")
    # a grown wall thinner than about 2/3 of the edge length pinches in the mesh (its two
    # surfaces touch, leaving holes in the cavity); grow it thicker at coarse sizes
    grown_wall_mm = max(float(rv_wall_mm), 2.0 * h / 3.0)
    if smoothing_mm is not None and not smoothing_mm > 0.0:
        raise ConfigError(f"smoothing_mm={smoothing_mm}: must be > 0 mm")
    from scipy import ndimage

    where = image.source or "label image"
    spacing = np.asarray(image.spacing_mm)
    sigma_mm = float(smoothing_mm or spacing.max())
    values = labels.as_dict()
    anything = np.zeros(image.data.shape, dtype=bool)
    for value in values.values():
        anything |= image.data == value
    if not anything.any():
        _check_labels(image, labels)  # raises, naming the missing label

    # crop to the mapped structures plus a margin for the RV wall and the smoothing
    margin = np.ceil((grown_wall_mm + 4.0 * sigma_mm) / spacing).astype(int) + 2
    lo, hi = np.zeros(3, dtype=int), np.zeros(3, dtype=int)
    for a in range(3):
        idx = np.nonzero(anything.any(axis=tuple(b for b in range(3) if b != a)))[0]
        lo[a], hi[a] = idx[0] - margin[a], idx[-1] + margin[a] + 1
    pad_lo = np.maximum(-lo, 0)
    pad_hi = np.maximum(hi - np.asarray(image.data.shape), 0)
    sl = tuple(slice(max(a, 0), b) for a, b in zip(lo, hi, strict=True))

    def crop(a: np.ndarray) -> np.ndarray:
        return np.pad(a[sl], list(zip(pad_lo, pad_hi, strict=True)))

    data = crop(image.data)
    sub = LabelImage(data, image.spacing_mm,
                     tuple(image.index_to_world(np.asarray(lo, dtype=float))),
                     image.direction, image.source)
    masks = _check_labels(sub, labels, image)

    role = np.zeros(data.shape, dtype=np.int8)
    for name in ("lv-myocardium", "rv-myocardium", "scar", "border-zone"):
        if name in masks:
            role[masks[name]] = CELL_TAG_IDS[name]
    myo = role > 0
    if not myo.any():
        raise MeshError(f"{where}: the myocardium is empty")
    lv_blood = masks["lv-blood"]
    rv_blood = masks.get("rv-blood")
    synthetic_rv = rv_blood is not None and "rv-myocardium" not in masks
    if synthetic_rv:
        d_rv = ndimage.distance_transform_edt(~rv_blood, sampling=spacing)
        wall = (d_rv <= grown_wall_mm) & (data == 0)
        role[wall] = CELL_TAG_IDS["rv-myocardium"]
        myo = role > 0
        logger.info("grew a %.1f mm RV free wall from the RV blood pool: %.1f mL", grown_wall_mm,
                    wall.sum() * image.voxel_volume_mm3 / 1e3)
    axis = _long_axis(sub, myo | lv_blood if "lv-myocardium" not in masks else
                      masks["lv-myocardium"] | lv_blood, lv_blood)
    ijk_axes = np.meshgrid(*(np.arange(n, dtype=np.float32) for n in data.shape),
                           indexing="ij", sparse=True)
    a_img = (sub.direction.T @ axis) * spacing  # d t / d index
    t = (np.float32(sub.origin_mm @ axis) + ijk_axes[0] * np.float32(a_img[0])
         + ijk_axes[1] * np.float32(a_img[1]) + ijk_axes[2] * np.float32(a_img[2]))
    raw_volume = myo.sum() * image.voxel_volume_mm3
    base = _base_level(t, lv_blood, myo, float(spacing.max()))
    role[myo & (t > base)] = 0
    myo = role > 0
    below = t <= base
    gap_fill = 0.0
    if "lv-myocardium" in masks:
        # where the LV blood pool touches unlabelled voxels below the base the segmented
        # wall has a gap (e.g. a thin apex); close it with wall grown from the blood
        # pool, else the LV cavity would be open there
        d_lv = ndimage.distance_transform_edt(~lv_blood, sampling=spacing)
        gap = (d_lv <= grown_wall_mm) & (role == 0) & (data == 0) & below
        touching = lv_blood & below & ndimage.binary_dilation((data == 0) & below)
        gap &= ndimage.binary_dilation(touching, _ball(grown_wall_mm, spacing))
        if gap.any():
            role[gap] = CELL_TAG_IDS["lv-myocardium"]
            myo = role > 0
            gap_fill = float(gap.sum() * image.voxel_volume_mm3)
            logger.warning("%s: the LV blood pool touches unlabelled voxels (a gap in the "
                           "segmented myocardium); closed it with %.2f mL of %.1f mm wall",
                           where, gap_fill / 1e3, grown_wall_mm)

    # connectivity (face-connected pieces)
    comp_img, n_comp = ndimage.label(myo)
    if n_comp == 0:
        raise MeshError(f"{where}: no myocardium is left below the base plane")
    sizes = np.bincount(comp_img.ravel())[1:]
    keep = sizes >= min_island_fraction * sizes.sum()
    if keep.sum() > 1:
        vols = ", ".join(f"{s * image.voxel_volume_mm3 / 1e3:.1f}" for s in
                         sorted(sizes[keep], reverse=True))
        raise MeshError(f"{where}: the myocardium is disconnected into {keep.sum()} pieces "
                        f"({vols} mL); a simulation mesh needs one connected wall")
    if (~keep).any():
        logger.warning("%s: dropped %d small myocardial islands (%.2f mL)", where,
                       int((~keep).sum()), sizes[~keep].sum() * image.voxel_volume_mm3 / 1e3)
        role[~np.isin(comp_img, np.nonzero(keep)[0] + 1)] = 0
        myo = role > 0
    del comp_img
    label_volume = float(myo.sum() * image.voxel_volume_mm3)

    est_cells = label_volume / (_REGULAR_TET_VOLUME * h ** 3) * 1.2
    need = BASE_BYTES + est_cells * BYTES_PER_CELL
    have = _available_memory_bytes()
    if need > 0.8 * have:
        raise MeshError(
            f"edge length {h} mm would give about {est_cells:.3g} tetrahedra for "
            f"{label_volume / 1e3:.1f} mL of myocardium, needing ~{need / 2**30:.1f} GiB; "
            f"only {have / 2**30:.1f} GiB is free: use a larger edge length")
    t_masks = time.perf_counter()

    # smooth implicit surface of the cleaned mask, cut flat at the base; marching cubes
    feature_mm = max(float(spacing.max()), 0.25 * h)
    shape = _open_close(myo, spacing, feature_mm,
                        [m & below for m in (lv_blood, rv_blood) if m is not None])
    field_ = ndimage.gaussian_filter(shape.astype(np.float32), sigma=sigma_mm / spacing) - 0.5
    del shape
    slope = 0.4 / sigma_mm
    field_ = np.minimum(field_, (np.float32(base) - t) * np.float32(slope))
    step = max(1, int(np.floor(0.5 * h / spacing.max())))
    verts, faces = _surface(field_, sub, step)
    del field_
    logger.info("surface: %d triangles", len(faces))
    t_surface = time.perf_counter()

    # remesh the surface at h, fill it, remesh the volume; in a child process with a time
    # limit (a safety net: no step is known to hang), tighter surface bound on failure
    timeout_s = GMSH_TIMEOUT_S + 2e-3 * est_cells
    hausdorff = 0.2 * h
    errors = []
    for _attempt in range(3):
        try:
            points, cells, times = _with_timeout(_tetrahedralise, (verts, faces, h, hausdorff),
                                                 timeout_s)
            break
        except (TimeoutError, MeshError) as exc:
            errors.append(f"Hausdorff bound {hausdorff:.2g} mm: {exc}")
            logger.warning("tetrahedral meshing failed with a surface Hausdorff bound of "
                           "%.2g mm (%s); retrying with a tighter bound", hausdorff, exc)
            hausdorff *= 0.5
    else:
        raise MeshError(f"{where}: could not mesh the myocardium at edge length {h} mm: "
                        + "; ".join(errors) + ". Try another edge length or more smoothing")
    t_tets = time.perf_counter()

    # facet tags from what lies just outside each boundary triangle
    facets = boundary_facets(cells, points)
    a, b, c = points[facets[:, 0]], points[facets[:, 1]], points[facets[:, 2]]
    centre = (a + b + c) / 3.0
    normal = np.cross(b - a, c - a)
    normal /= np.linalg.norm(normal, axis=1)[:, None]
    delta = float(spacing.max())
    probe = centre + delta * normal
    d_lv, _ = _distance_to(lv_blood, sub, probe)
    d_rv = (_distance_to(rv_blood, sub, probe)[0] if rv_blood is not None
            else np.full(len(facets), np.inf))
    thr = 1.5 * delta
    values = np.full(len(facets), FACET_TAG_IDS["epicardium"], dtype=np.int32)
    values[(d_rv <= thr) & (d_rv < d_lv)] = FACET_TAG_IDS["rv-endocardium"]
    values[(d_lv <= thr) & (d_lv <= d_rv)] = FACET_TAG_IDS["lv-endocardium"]
    # the base: the flat cut (within the remeshing's Hausdorff bound), then
    values[(np.abs(centre @ axis - base) < 0.2 * h + 1e-3) & (normal @ axis > 0.8)] = \
        FACET_TAG_IDS["base"]
    mapped = np.isin(data, list(labels.as_dict().values()))
    other = (data != 0) & ~mapped  # chambers and vessels that are not modelled
    d_other = (_distance_to(other, sub, probe)[0] if other.any()
               else np.full(len(facets), np.inf))
    values = _close_endocardial_rims(facets, values, (centre @ axis - base > -h) | (d_other <= h))

    # cell tags: myocardial role of the nearest myocardial voxel
    _, near = _distance_to(myo, sub, points[cells].mean(axis=1))
    cell_values = role[tuple(near.T)].astype(np.int32)
    tmin = np.argmin(points @ axis)

    present_facets = {k: v for k, v in FACET_TAG_IDS.items() if np.any(values == v)}
    present_cells = {k: v for k, v in CELL_TAG_IDS.items() if np.any(cell_values == v)}
    info = {
        "t_masks_s": t_masks - t_start, "t_surface_s": t_surface - t_masks,
        "t_tetrahedra_s": t_tets - t_surface, "t_tags_s": time.perf_counter() - t_tets,
        **times, "surface_triangles": len(faces), "smoothing_mm": sigma_mm,
        "min_feature_mm": feature_mm, "surface_hausdorff_mm": hausdorff,
        "synthetic_rv_wall": bool(synthetic_rv), "grown_wall_mm": grown_wall_mm,
        "lv_wall_gap_filled_mm3": gap_fill,
        "label_volume_before_base_cut_mm3": float(raw_volume),
    }
    logger.info("meshed %d tetrahedra, %d vertices in %.1f s", len(cells), len(points),
                time.perf_counter() - t_start)
    return TetMesh(points=points, cells=cells.astype(np.int64), cell_values=cell_values,
                   facets=facets.astype(np.int64), facet_values=values,
                   long_axis=axis, apex_mm=points[tmin], base_level_mm=base,
                   label_volume_mm3=label_volume, cell_tag_ids=present_cells,
                   facet_tag_ids=present_facets, info=info)
