"""Values at the degrees of freedom of a DOLFINx space, keyed by where they sit.

A checkpoint written as each rank's own arrays can only be read back on the same
partition.  Keyed by the coordinates of their points (a Lagrange node, a quadrature
point), the values are the same whatever the partition: :func:`gather_by_point` collects
every owned point once on rank 0, and :func:`scatter_by_point` gives each rank, of any
partition of the same mesh, the values at its own points (ghosts included), matched to
the nearest saved point within a tolerance.  Mixed spaces are handled one sub-space at a
time (``V.sub(i).collapse()``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError


def point_coordinates(V: Any) -> np.ndarray:
    """Coordinates (mesh units) of the points of ``V``'s dofs (one row per block, ghosts
    included): the element's interpolation points mapped into every local cell
    (Lagrange nodes, quadrature points, cell midpoints of DG0)."""
    import ufl
    from dolfinx import fem

    mesh = V.mesh
    tdim = mesh.topology.dim
    cmap = mesh.topology.index_map(tdim)
    ncells = cmap.size_local + cmap.num_ghosts
    gdim = mesh.geometry.dim
    expr = fem.Expression(ufl.SpatialCoordinate(mesh), V.element.interpolation_points)
    vals = np.asarray(expr.eval(mesh, np.arange(ncells, dtype=np.int32))).reshape(
        ncells, -1, gdim)
    dofs = np.asarray(V.dofmap.list)
    if dofs.shape[:2] != vals.shape[:2]:
        raise ConfigError(f"point_coordinates: {dofs.shape[1]} dofs per cell but "
                          f"{vals.shape[1]} interpolation points; not a point-evaluation "
                          "element")
    imap = V.dofmap.index_map
    out = np.full((imap.size_local + imap.num_ghosts, gdim), np.nan)
    out[dofs.ravel()] = vals.reshape(-1, gdim)
    return out


def gather_by_point(comm: Any, V: Any, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The owned points of ``V`` and their ``values`` (rows: one per block, ghosts
    included, any number of columns) of every rank, on rank 0 (elsewhere empty arrays)
    (collective)."""
    v = np.asarray(values)
    x = point_coordinates(V)
    if v.shape[0] != x.shape[0]:
        raise ConfigError(f"gather_by_point: {v.shape[0]} rows of values for {x.shape[0]} "
                          "points of the space")
    n = V.dofmap.index_map.size_local
    xs = comm.gather(x[:n], root=0)
    vs = comm.gather(v[:n], root=0)
    if comm.rank != 0:
        return np.zeros((0, x.shape[1])), np.zeros((0, *v.shape[1:]), dtype=v.dtype)
    return np.concatenate(xs), np.concatenate(vs)


def match_points(V: Any, points: np.ndarray, *, rtol: float = 1e-5,
                 what: str = "values") -> np.ndarray:
    """For every point of ``V`` on this rank (ghosts included), the row of the nearest
    of ``points`` (every owned point of a possibly other partition of the same mesh):
    :func:`match_coordinates` of :func:`point_coordinates`."""
    return match_coordinates(point_coordinates(V), points, rtol=rtol, what=what)


def match_coordinates(x: np.ndarray, points: np.ndarray, *, rtol: float = 1e-5,
                      what: str = "values") -> np.ndarray:
    """For every row of ``x`` (this rank's points), the row of the nearest of ``points``
    (the saved ones, of any partition of the same mesh).

    Raises
    ------
    ConfigError
        If a point of ``x`` has no saved point within ``rtol`` times the saved points'
        extent (another mesh), or two points of ``x`` take the same saved one.
    """
    from scipy.spatial import cKDTree

    pts = np.asarray(points, dtype=float)
    if pts.ndim != 2 or pts.shape[0] == 0:
        raise ConfigError(f"{what}: no saved points")
    extent = float(np.linalg.norm(np.ptp(pts, axis=0))) or 1.0
    dist, idx = cKDTree(pts).query(x)
    far = dist > rtol * extent
    if far.any():
        i = int(np.argmax(dist))
        raise ConfigError(f"{what}: the point {np.round(x[i], 4).tolist()} has no saved "
                          f"point within {rtol * extent:.3g} (nearest {dist[i]:.3g} away): "
                          "saved for another mesh")
    if np.unique(idx).size != idx.size:
        raise ConfigError(f"{what}: two points of this mesh take the same saved point "
                          "(points closer than the tolerance)")
    return idx


def scatter_by_point(V: Any, points: np.ndarray, values: np.ndarray, *,
                     rtol: float = 1e-5, what: str = "values") -> np.ndarray:
    """The rows of ``values`` at this rank's points of ``V`` (ghosts included), each
    taken from the nearest of ``points`` (:func:`match_points`; saved by
    :func:`gather_by_point`, on any partition of the same mesh).

    Raises
    ------
    ConfigError
        As :func:`match_points`.
    """
    return np.asarray(values)[match_points(V, points, rtol=rtol, what=what)]
