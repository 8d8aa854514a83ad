"""Evaluate a finite-element field at a point of the mesh, on any number of ranks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError


def evaluate_at(function: Any, point_mm: Sequence[float]) -> np.ndarray:
    """Value of a dolfinx ``Function`` at a point (mm), interpolated in its element.

    The point is evaluated by the lowest rank that owns a cell containing it, so the
    answer does not depend on the partition.  Collective; the same array (one entry per
    component) on every rank.

    Parameters
    ----------
    function
        A ``dolfinx.fem.Function`` whose ghost values are up to date.
    point_mm
        The point, mm, in the mesh's coordinates.

    Raises
    ------
    ConfigError
        If the point is outside the mesh.
    """
    import dolfinx.geometry

    mesh = function.function_space.mesh
    comm = mesh.comm
    X = np.zeros((1, 3))
    p = np.asarray(point_mm, dtype=float).ravel()
    X[0, : p.size] = p
    tdim = mesh.topology.dim
    tree = dolfinx.geometry.bb_tree(mesh, tdim)
    candidates = dolfinx.geometry.compute_collisions_points(tree, X)
    cells = dolfinx.geometry.compute_colliding_cells(mesh, candidates, X)
    n_owned = mesh.topology.index_map(tdim).size_local
    links = [int(c) for c in cells.links(0) if c < n_owned]
    found = comm.allgather(bool(links))
    if not any(found):
        raise ConfigError(f"point {tuple(X[0])} mm is not inside the mesh")
    owner = found.index(True)
    value = None
    if comm.rank == owner:
        value = np.asarray(function.eval(X, np.array([links[0]], dtype=np.int32)), float)
    return np.asarray(comm.bcast(value, root=owner), dtype=float).ravel()
