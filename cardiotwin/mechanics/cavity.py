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
    fdim = mesh.topology.dim - 1
    mesh.topology.create_connectivity(fdim, 0)
    f2v = mesh.topology.connectivity(fdim, 0)

    def verts(facets: np.ndarray) -> np.ndarray:
        if len(facets) == 0:
            return np.zeros(0, dtype=np.int32)
        return np.unique(np.concatenate([f2v.links(f) for f in facets]))

    endo_v = verts(endo)
    if cavity.base_tag is None:
        ring_v = endo_v
    else:
        base = tagged_facets(facet_tags, cavity.base_tag, comm,
                             what=f"Cavity {cavity.name!r} base")
        ring_v = np.intersect1d(endo_v, verts(base))
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


#: Largest distance (fraction of the ring radius) of an endocardial rim vertex from the
#: base ring's plane: a rim further away is a hole in the wall, not the base.
RIM_TOLERANCE = 0.25


def check_closed_by_base(mesh: Any, facet_tags: Any, cavity: Cavity, ring: BaseRing) -> float:
    """Check that the endocardium of ``cavity`` is open only at its base (collective).

    The rim of the endocardial surface (edges with one endocardial facet) must lie in the
    base ring's plane: the cavity volume is closed by the cone from the ring centroid, and
    the pressure load is the derivative of that volume only where the rim is held by the
    base. A rim far below the base is a hole through the wall (e.g. a wall too thin for
    the mesh size, or a blood pool that opens into a chamber that is not modelled).

    Returns
    -------
    float
        The largest distance of a rim vertex from the ring plane, mm.

    Raises
    ------
    MeshError
        If a rim vertex lies more than ``RIM_TOLERANCE`` x the ring radius from the plane.
    """
    if cavity.base_tag is None:
        return 0.0
    comm = mesh.comm
    endo = tagged_facets(facet_tags, cavity.endo_tag, comm, what=f"Cavity {cavity.name!r}")
    tri = _facet_vertices(mesh, endo) if len(endo) else np.zeros((0, 3), dtype=np.int64)
    imap = mesh.topology.index_map(0)
    mesh.topology.create_connectivity(mesh.topology.dim - 1, 0)
    f2v = mesh.topology.connectivity(mesh.topology.dim - 1, 0)
    local_v = (np.unique(np.concatenate([f2v.links(f) for f in endo])) if len(endo)
               else np.zeros(0, dtype=np.int32))
    xv = _vertex_coordinates(mesh)[local_v]
    gv = imap.local_to_global(local_v.astype(np.int32))
    parts = comm.allgather((tri, gv, xv))
    tri = np.unique(np.sort(np.concatenate([p[0] for p in parts]).reshape(-1, 3), axis=1),
                    axis=0)
    ids = np.concatenate([p[1] for p in parts])
    xs = np.concatenate([p[2] for p in parts]).reshape(-1, 3)
    edges = np.sort(np.concatenate([tri[:, [0, 1]], tri[:, [1, 2]], tri[:, [2, 0]]]), axis=1)
    e, count = np.unique(edges, axis=0, return_counts=True)
    rim = np.unique(e[count == 1])
    if rim.size == 0:
        return 0.0
    order = np.argsort(ids)
    pos = order[np.searchsorted(ids, rim, sorter=order)]
    centre, normal = np.asarray(ring.point_mm), np.asarray(ring.normal)
    off = np.abs((xs[pos] - centre) @ normal)
    radius = float(np.linalg.norm(xs[pos] - centre, axis=1).max())
    worst = float(off.max())
    if worst > RIM_TOLERANCE * radius:
        far = int(np.count_nonzero(off > RIM_TOLERANCE * radius))
        raise MeshError(
            f"Cavity {cavity.name!r}: its endocardium (tag {cavity.endo_tag}) is open away "
            f"from the base (tag {cavity.base_tag}): {far} rim vertices lie up to "
            f"{worst:.3g} mm from the base plane (tolerance {RIM_TOLERANCE * radius:.3g} mm), "
            f"e.g. at {np.round(xs[pos][np.argmax(off)], 1).tolist()} mm; the wall has a hole "
            "there (a wall thinner than the mesh resolves, or a blood pool opening into a "
            "chamber that is not modelled), so its volume and pressure load are not defined")
    return worst


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

    The endocardial triangles are moved by ``u`` at their vertices; the opening at the
    base is closed by a fan of triangles to the centroid ``c`` of the deformed ring, so
    with ``c`` as apex the volume is ``-1/6 Σ (a-c)·((b-c)×(d-c))`` over the endocardial
    triangles ``(a, b, d)`` oriented out of the wall (the fan triangles contain ``c`` and
    add nothing).  Same value on every rank.
    """
    from mpi4py import MPI

    from dolfinx import fem

    comm = mesh.comm
    endo = tagged_facets(facet_tags, cavity.endo_tag, comm, what=f"Cavity {cavity.name!r}")
    V1 = fem.functionspace(mesh, ("Lagrange", 1, (3,)))
    u1 = fem.Function(V1)
    u1.interpolate(u)
    u1.x.scatter_forward()
    ids, corners = _oriented_endo_triangles(mesh, endo, V1, u1)
    # the ring: edges used by exactly one endocardial triangle
    edges = np.concatenate([ids[:, [0, 1]], ids[:, [1, 2]], ids[:, [2, 0]]])
    pos = np.concatenate([corners[:, 0], corners[:, 1], corners[:, 2]])
    gathered = comm.allgather((np.sort(edges, axis=1), edges[:, 0], pos))
    all_edges = np.concatenate([g[0] for g in gathered]).reshape(-1, 2)
    all_start = np.concatenate([g[1] for g in gathered])
    all_pos = np.concatenate([g[2] for g in gathered]).reshape(-1, 3)
    if len(all_edges) == 0:
        raise MeshError(f"Cavity {cavity.name!r}: no endocardial triangles")
    _, inv, counts = np.unique(all_edges, axis=0, return_inverse=True, return_counts=True)
    ring = counts[inv.ravel()] == 1
    if ring.any():
        _, first = np.unique(all_start[ring], return_index=True)
        centre = all_pos[ring][first].mean(axis=0)
    else:  # closed endocardium
        centre = all_pos.mean(axis=0)
    a, b, d = (corners[:, k] - centre for k in range(3))
    local = -float(np.einsum("ij,ij->i", a, np.cross(b, d)).sum()) / 6.0
    return comm.allreduce(local, op=MPI.SUM)
