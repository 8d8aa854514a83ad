"""Ventricular cavities: the endocardial surface, closed at the base, and its volume.

Two independent computations of the deformed cavity volume:

- :func:`volume_form` (used by the solver, also in the volume constraint): the
  divergence theorem on the deformed endocardium, pulled back with Nanson's formula,

  .. math::

      V = -\\frac{1}{3}\\int_{\\Gamma_{endo}} (X + u - x_0)\\cdot J F^{-T} N \\, dA

  where ``N`` is the reference outward normal of the *wall* (so ``-N`` points out of the
  cavity) and ``x_0`` is a point of the plane that closes the cavity at the base: the
  closing cap then contributes nothing, whatever the position of the base (the base
  plane need not pass through the origin).  For a fixed or sliding base the cap stays in
  its reference plane and ``x_0`` (the centroid of the reference base ring) is exact; if
  the ring leaves its plane, the cavity is closed by the cone from ``x_0`` to the ring.
  A cavity without a base (a closed endocardium) is exact for any ``x_0``.
- :func:`displaced_mesh_volume`: the volume of the polyhedron bounded by the endocardial
  triangles of the *displaced mesh* (vertices moved by ``u``) and the fan that closes the
  ring at its deformed centroid; pure geometry, no quadrature and no Nanson transform.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError, MeshError
from cardiotwin.mechanics.boundary import tagged_facets

logger = logging.getLogger(__name__)

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Cavity:
    """A ventricular cavity bounded by the endocardial facets ``endo_tag``.

    Parameters
    ----------
    name
        Name used for its pressure and volume (e.g. ``"lv"``, ``"rv"``).
    endo_tag
        Facet tag of its endocardium.
    base_tag
        Facet tag of the base, whose ring with the endocardium defines the closing plane
        (``None`` for a cavity whose endocardium is closed).
    """

    name: str
    endo_tag: int
    base_tag: int | None = None

    def __post_init__(self) -> None:
        if not (isinstance(self.name, str) and _NAME.match(self.name)):
            raise ConfigError(f"Cavity.name = {self.name!r}: expected a name like 'lv' "
                              "(letters, digits, '-' or '_')")
        for field in ("endo_tag", "base_tag"):
            v = getattr(self, field)
            if field == "base_tag" and v is None:
                continue
            if not (isinstance(v, int) and v >= 0):
                raise ConfigError(f"Cavity.{field} = {v!r}: expected a facet tag id (int >= 0)")


@dataclass(frozen=True)
class BaseRing:
    """Where a cavity is closed: a point of the closing plane (mm), its unit normal, the
    largest distance of a ring vertex from that plane (mm), the number of ring vertices
    and the ring radius (largest distance of a ring vertex from the point, mm)."""

    point_mm: tuple[float, float, float]
    normal: tuple[float, float, float]
    max_offplane_mm: float
    vertices: int
    radius_mm: float = 0.0

    def warn_if_not_planar(self, name: str) -> None:
        """Log a warning when the ring is more than 2 % of its radius off its plane."""
        if self.max_offplane_mm > 0.02 * self.radius_mm:
            logger.warning("cavity %s: the base ring is not planar (%.3g mm off its plane, "
                           "ring radius %.3g mm); its volume is closed by the cone from the "
                           "ring centroid", name, self.max_offplane_mm, self.radius_mm)


def _facet_vertices(mesh: Any, facets: np.ndarray) -> np.ndarray:
    """Global vertex indices of the given local facets, (n, 3)."""
    fdim = mesh.topology.dim - 1
    mesh.topology.create_connectivity(fdim, 0)
    f2v = mesh.topology.connectivity(fdim, 0)
    local = np.array([f2v.links(f) for f in facets], dtype=np.int32).reshape(-1, 3)
    imap = mesh.topology.index_map(0)
    return imap.local_to_global(local.ravel()).reshape(-1, 3)


def _vertex_coordinates(mesh: Any) -> np.ndarray:
    """Coordinates of the local topological vertices (owned and ghost), (n, 3)."""
    from dolfinx.mesh import entities_to_geometry

    mesh.topology.create_connectivity(0, mesh.topology.dim)
    imap = mesh.topology.index_map(0)
    n = imap.size_local + imap.num_ghosts
    nodes = entities_to_geometry(mesh, 0, np.arange(n, dtype=np.int32), False)
    return mesh.geometry.x[nodes.ravel()]


def base_ring(mesh: Any, facet_tags: Any, cavity: Cavity) -> BaseRing:
    """The ring where the endocardium meets the base, and its best-fit plane (collective).

    For a cavity without ``base_tag`` the point is the centroid of the endocardial
    vertices (any point closes a closed surface exactly).

    Raises
    ------
    MeshError
        If the endocardium and base share no vertex.
    """
    comm = mesh.comm
    endo = tagged_facets(facet_tags, cavity.endo_tag, comm, what=f"Cavity {cavity.name!r}")
    x_local = _vertex_coordinates(mesh)
    imap = mesh.topology.index_map(0)
    endo_v = _facet_local_vertices(mesh, endo)
    if cavity.base_tag is None:
        ring_v = endo_v
    else:
        base = tagged_facets(facet_tags, cavity.base_tag, comm,
                             what=f"Cavity {cavity.name!r} base")
        ring_v = np.intersect1d(endo_v, _facet_local_vertices(mesh, base))
    glob = imap.local_to_global(ring_v.astype(np.int32))
    parts = comm.allgather((glob, x_local[ring_v]))
    ids = np.concatenate([p[0] for p in parts])
    xs = np.concatenate([p[1] for p in parts]).reshape(-1, 3)
    if len(ids) == 0:
        raise MeshError(f"Cavity {cavity.name!r}: the endocardium (tag {cavity.endo_tag}) and "
                        f"the base (tag {cavity.base_tag}) share no vertex; is base_tag right?")
    _, first = np.unique(ids, return_index=True)
    pts = xs[np.sort(first)]
    centre = pts.mean(axis=0)
    if cavity.base_tag is None or len(pts) < 3:
        return BaseRing(tuple(centre), (0.0, 0.0, 1.0), 0.0, len(pts))
    _, _, vt = np.linalg.svd(pts - centre)
    normal = vt[2] / np.linalg.norm(vt[2])
    off = float(np.abs((pts - centre) @ normal).max())
    radius = float(np.linalg.norm(pts - centre, axis=1).max())
    return BaseRing(tuple(float(c) for c in centre), tuple(float(c) for c in normal), off,
                    len(pts), radius)


@dataclass(frozen=True)
class Closure:
    """How a cavity with a base is closed: its openings (the loops of the endocardium's
    rim, e.g. the base ring, or the valve rings of a real anatomy), each held by the base
    and closed by the flat fan from its centroid.

    ``lid_volume_mm3`` is what those fans add to the volume closed by the cone from the
    ring point ``x_0`` (:func:`volume_form`): 0 for one planar opening through ``x_0``,
    and a constant as long as the openings are held (their rims do not move).
    """

    openings: int
    centres_mm: tuple[tuple[float, float, float], ...]
    lid_volume_mm3: float


def _rim_loops(start: np.ndarray, end: np.ndarray) -> list[np.ndarray]:
    """Indices of the rim edges ``start[i] -> end[i]`` grouped into connected loops."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    ids, inv = np.unique(np.concatenate([start, end]), return_inverse=True)
    a, b = inv[:len(start)], inv[len(start):]
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(ids), len(ids)))
    _, label = connected_components(graph, directed=False)
    return [np.flatnonzero(label[a] == k) for k in range(label.max() + 1)]


def _lid_volume(start: np.ndarray, x_start: np.ndarray, end: np.ndarray,
                x_end: np.ndarray, x0: np.ndarray) -> tuple[float, list[np.ndarray]]:
    """Volume (mm³) the flat fans over the rim loops add to the cone from ``x0``, and
    the loops' centroids. Rim edges ``start -> end`` run as in the endocardial triangles
    oriented out of the wall; a fan triangle runs the other way."""
    total, centres = 0.0, []
    for loop in _rim_loops(start, end):
        _, first = np.unique(start[loop], return_index=True)
        c = x_start[loop][first].mean(axis=0)
        centres.append(c)
        p, q = x_start[loop] - x0, x_end[loop] - x0
        total -= float(np.einsum("ij,ij->i", q, np.cross(p, c - x0)).sum()) / 6.0
    return total, centres


def _oriented_rim(mesh: Any, endo: np.ndarray, u: Any | None) -> tuple[np.ndarray, ...]:
    """The endocardium's oriented triangles (owned) and its rim, gathered on every rank:
    (triangle corner coordinates (n, 3, 3), rim edge start ids, start coordinates, end
    ids, end coordinates); coordinates displaced by ``u`` when given."""
    from dolfinx import fem

    comm = mesh.comm
    V1 = fem.functionspace(mesh, ("Lagrange", 1, (3,)))
    u1 = fem.Function(V1)
    if u is not None:
        u1.interpolate(u)
        u1.x.scatter_forward()
    ids, corners = _oriented_endo_triangles(mesh, endo, V1, u1)
    edges = np.concatenate([ids[:, [0, 1]], ids[:, [1, 2]], ids[:, [2, 0]]])
    x_a = np.concatenate([corners[:, 0], corners[:, 1], corners[:, 2]])
    x_b = np.concatenate([corners[:, 1], corners[:, 2], corners[:, 0]])
    gathered = comm.allgather((edges, x_a, x_b))
    all_edges = np.concatenate([g[0] for g in gathered]).reshape(-1, 2)
    all_a = np.concatenate([g[1] for g in gathered]).reshape(-1, 3)
    all_b = np.concatenate([g[2] for g in gathered]).reshape(-1, 3)
    if len(all_edges) == 0:
        return corners, *(np.zeros((0, *s)) for s in ((), (3,), (), (3,)))
    _, inv, counts = np.unique(np.sort(all_edges, axis=1), axis=0, return_inverse=True,
                               return_counts=True)
    rim = counts[inv.ravel()] == 1
    return corners, all_edges[rim, 0], all_a[rim], all_edges[rim, 1], all_b[rim]


def cavity_closure(mesh: Any, facet_tags: Any, cavity: Cavity, ring: BaseRing) -> Closure:
    """The openings of ``cavity`` and the volume their lids add (collective).

    Every vertex of the endocardium's rim must lie on a base facet: the cavity volume is
    then closed by lids that the base holds in place, and the pressure load on the
    endocardium is the derivative of that volume (a conservative load).

    Raises
    ------
    MeshError
        If part of the rim is free (not on the base): a hole through the wall (a wall
        thinner than the mesh resolves, a gap in a segmentation) or an opening the
        meshing did not attach to the base.
    """
    if cavity.base_tag is None:
        return Closure(0, (), 0.0)
    comm = mesh.comm
    endo = tagged_facets(facet_tags, cavity.endo_tag, comm, what=f"Cavity {cavity.name!r}")
    base = tagged_facets(facet_tags, cavity.base_tag, comm, what=f"Cavity {cavity.name!r} base")
    _, start, x_start, end, x_end = _oriented_rim(mesh, endo, None)
    if len(start) == 0:
        return Closure(0, (), 0.0)
    base_x = np.concatenate(comm.allgather(_vertex_coordinates(mesh)[
        _facet_local_vertices(mesh, base)])).reshape(-1, 3)
    scale = max(float(np.ptp(x_start, axis=0).max()), 1.0)
    key = {tuple(k) for k in np.round(base_x / scale, 9)}
    held = np.array([tuple(k) in key for k in np.round(x_start / scale, 9)])
    if not held.all():
        free = x_start[~held]
        raise MeshError(
            f"Cavity {cavity.name!r}: its endocardium (tag {cavity.endo_tag}) is open where "
            f"the base (tag {cavity.base_tag}) does not hold it: {int((~held).sum())} rim "
            f"edges are free, e.g. at {np.round(free[0], 1).tolist()} mm. The wall has a "
            "hole there (a wall thinner than the mesh resolves, or a gap in the "
            "segmentation), so the cavity volume and its pressure load are not defined")
    x0 = np.asarray(ring.point_mm, dtype=float)
    lid, centres = _lid_volume(start, x_start, end, x_end, x0)
    return Closure(len(centres), tuple(tuple(float(v) for v in c) for c in centres), lid)


def _facet_local_vertices(mesh: Any, facets: np.ndarray) -> np.ndarray:
    """Local vertex indices of the given local facets (unique)."""
    mesh.topology.create_connectivity(mesh.topology.dim - 1, 0)
    f2v = mesh.topology.connectivity(mesh.topology.dim - 1, 0)
    if len(facets) == 0:
        return np.zeros(0, dtype=np.int32)
    return np.unique(np.concatenate([f2v.links(f) for f in facets]))


def volume_form(u: Any, x0: Any, ds_endo: Any) -> Any:
    """UFL form of the deformed cavity volume (mm³), see the module notes.

    Parameters
    ----------
    u
        Displacement (mm).
    x0
        A point of the closing plane (UFL vector, e.g. a :class:`dolfinx.fem.Constant`).
    ds_endo
        The surface measure restricted to the endocardium (``ds(endo_tag)``).
    """
    import ufl

    mesh = ufl.domain.extract_unique_domain(u)
    X = ufl.SpatialCoordinate(mesh)
    N = ufl.FacetNormal(mesh)
    F = ufl.Identity(3) + ufl.grad(u)
    n_da = ufl.det(F) * ufl.inv(F).T * N
    return -(1.0 / 3.0) * ufl.inner(X + u - x0, n_da) * ds_endo


def reference_volume_form(mesh: Any, x0: Any, ds_endo: Any) -> Any:
    """UFL form of the undeformed cavity volume (mm³)."""
    import ufl

    X = ufl.SpatialCoordinate(mesh)
    N = ufl.FacetNormal(mesh)
    return -(1.0 / 3.0) * ufl.inner(X - x0, N) * ds_endo


def _oriented_endo_triangles(mesh: Any, facets: np.ndarray, V1: Any, u1: Any):
    """Owned endocardial triangles as (global P1 dof ids (n, 3), deformed corner
    coordinates (n, 3, 3)), ordered so the normal points out of the wall."""
    tdim = mesh.topology.dim
    fdim = tdim - 1
    mesh.topology.create_connectivity(fdim, tdim)
    mesh.topology.create_connectivity(tdim, fdim)
    f2c = mesh.topology.connectivity(fdim, tdim)
    c2f = mesh.topology.connectivity(tdim, fdim)
    n_owned = mesh.topology.index_map(fdim).size_local
    facets = facets[facets < n_owned]
    gdofmap = mesh.geometry.dofmaps[0] if hasattr(mesh.geometry, "dofmaps") \
        else mesh.geometry.dofmap
    vdofs = V1.dofmap.list
    uarr = u1.x.array.reshape(-1, 3)
    imap = V1.dofmap.index_map
    ids = np.empty((len(facets), 3), dtype=np.int64)
    corners = np.empty((len(facets), 3, 3))
    for i, f in enumerate(facets):
        c = f2c.links(f)[0]
        local = int(np.flatnonzero(c2f.links(c) == f)[0])  # facet i is opposite vertex i
        keep = [j for j in range(4) if j != local]
        X = mesh.geometry.x[gdofmap[c]]
        tri = X[keep]
        n = np.cross(tri[1] - tri[0], tri[2] - tri[0])
        if np.dot(n, tri[0] - X[local]) < 0:
            keep = [keep[0], keep[2], keep[1]]
        d = vdofs[c][keep]
        ids[i] = imap.local_to_global(d.astype(np.int32))
        corners[i] = X[keep] + uarr[d]
    return ids, corners


def displaced_mesh_volume(mesh: Any, facet_tags: Any, cavity: Cavity, u: Any) -> float:
    """Cavity volume (mm³) of the displaced mesh's polyhedral endocardium (collective).

    The endocardial triangles are moved by ``u`` at their vertices; each opening (a loop
    of the rim) is closed by a fan of triangles to its deformed centroid. With ``c`` the
    centroid of the whole rim as apex, the volume is ``-1/6 Σ (a-c)·((b-c)×(d-c))`` over
    the endocardial triangles ``(a, b, d)`` oriented out of the wall plus the same sum
    over the fan triangles (nothing for a single opening: its fan contains ``c``).  Same
    value on every rank.
    """
    from mpi4py import MPI

    comm = mesh.comm
    endo = tagged_facets(facet_tags, cavity.endo_tag, comm, what=f"Cavity {cavity.name!r}")
    corners, start, x_start, end, x_end = _oriented_rim(mesh, endo, u)
    if comm.allreduce(len(corners)) == 0:
        raise MeshError(f"Cavity {cavity.name!r}: no endocardial triangles")
    if len(start):
        _, first = np.unique(start, return_index=True)
        centre = x_start[first].mean(axis=0)
        lid, _ = _lid_volume(start, x_start, end, x_end, centre)
    else:  # closed endocardium
        n = comm.allreduce(len(corners))
        centre = comm.allreduce(corners.reshape(-1, 3).sum(axis=0), op=MPI.SUM) / (3 * n)
        lid = 0.0
    a, b, d = (corners[:, k] - centre for k in range(3))
    local = -float(np.einsum("ij,ij->i", a, np.cross(b, d)).sum()) / 6.0
    return comm.allreduce(local, op=MPI.SUM) + lid
