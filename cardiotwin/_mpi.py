"""MPI helpers every layer uses: the launcher's rank, reductions, partition-independent searches.

Nothing here imports dolfinx; mpi4py is imported when a reduction needs an operator.  All
functions taking ``comm`` are collective over it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

_RANK_VARIABLES = ("PMI_RANK", "OMPI_COMM_WORLD_RANK", "PMIX_RANK", "MV2_COMM_WORLD_RANK")


def _env_int(names: Sequence[str], default: int) -> int:
    for var in names:
        if var in os.environ:
            try:
                return int(os.environ[var])
            except ValueError:
                pass
    return default


def rank_from_env() -> int:
    """This process's MPI rank as told by the launcher (0 when not under ``mpiexec``).

    Cheap (no MPI initialisation): used to keep output to rank 0 before mpi4py is loaded.
    """
    return _env_int(_RANK_VARIABLES, 0)


def world() -> Any:
    """``MPI.COMM_WORLD``."""
    from mpi4py import MPI

    return MPI.COMM_WORLD


def allreduce_max(comm: Any, value: float) -> float:
    """Largest ``value`` over the ranks (``-inf`` values are ignored by nature)."""
    from mpi4py import MPI

    return comm.allreduce(float(value), op=MPI.MAX)


def allreduce_min(comm: Any, value: float) -> float:
    """Smallest ``value`` over the ranks."""
    from mpi4py import MPI

    return comm.allreduce(float(value), op=MPI.MIN)


def bounding_box(comm: Any, x: npt.NDArray[np.float64]) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper corners of the points ``x[n, d]`` of every rank (same on all)."""
    from mpi4py import MPI

    x = np.asarray(x, float)
    d = x.shape[1] if x.ndim == 2 else 3
    lo = x.min(axis=0) if x.size else np.full(d, np.inf)
    hi = x.max(axis=0) if x.size else np.full(d, -np.inf)
    comm.Allreduce(MPI.IN_PLACE, lo, op=MPI.MIN)
    comm.Allreduce(MPI.IN_PLACE, hi, op=MPI.MAX)
    return lo, hi


def global_argmin(comm: Any, values: npt.ArrayLike, coords: npt.NDArray[np.float64],
                  *, rtol: float = 1e-9) -> tuple[int, int]:
    """The rank holding the smallest of ``values`` over all ranks, and its local index.

    ``values[i]`` belongs to the point ``coords[i]`` (owned points only, so that every
    point is counted once).  Values within ``rtol`` (relative) of the minimum are ties, and
    ties go to the point with the lexicographically smallest coordinates: the answer does
    not depend on how the points are partitioned.  The index is -1 on the other ranks and
    ``(-1, -1)`` is returned when no rank has a point.
    """
    vals = np.asarray(values, float)
    x = np.asarray(coords, float)
    key: tuple = (np.inf,)
    i = -1
    if vals.size:
        vmin = float(vals.min())
        tol = rtol * (1.0 + abs(vmin))
        near = np.nonzero(vals <= vmin + tol)[0]
        i = int(near[np.lexsort(x[near].T[::-1])[0]])
        # values equal to 9 decimals compare by coordinates across ranks too
        key = (round(float(vals[i]), 9), *map(float, x[i]))
    keys = comm.allgather(key)
    if all(k[0] == np.inf for k in keys):
        return -1, -1
    owner = min(range(len(keys)), key=lambda r: keys[r])
    return owner, (i if owner == comm.rank else -1)


def nearest_owned_vertex(comm: Any, owned_x: npt.NDArray[np.float64],
                         point_mm: Sequence[float]) -> tuple[int, int]:
    """The rank owning the vertex nearest ``point_mm`` and its index in ``owned_x``.

    Ties (a point midway between vertices) go to the vertex with the lexicographically
    smallest coordinates, so the choice does not depend on the partition.  The index is -1
    on ranks other than the owner.
    """
    x = np.asarray(owned_x, float)
    p = np.asarray(point_mm, float)
    d2 = np.sum((x - p) ** 2, axis=1) if x.size else np.zeros(0)
    return global_argmin(comm, d2, x)


def nearest_owned_vertices(comm: Any, owned_x: npt.NDArray[np.float64],
                           points_mm: npt.ArrayLike, *, candidates: int = 4
                           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each of ``points_mm[n, 3]``: the rank owning the nearest vertex, its index in
    ``owned_x`` (-1 on other ranks) and the distance (mm).

    The vectorised form of :func:`nearest_owned_vertex`: one k-d tree query per rank and
    one allgather; ties go to the lexicographically smallest coordinates, whatever the
    partition.  Collective.
    """
    from scipy.spatial import cKDTree

    x = np.asarray(owned_x, float).reshape(-1, 3)
    p = np.asarray(points_mm, float).reshape(-1, 3)
    n = len(p)
    best = np.full((n, 4), np.inf)  # distance, x, y, z of this rank's candidate
    local = np.full(n, -1, dtype=np.int64)
    if len(x) and n:
        k = min(candidates, len(x))
        d, idx = cKDTree(x).query(p, k=k)
        d, idx = d.reshape(n, k), idx.reshape(n, k)
        for i in range(n):
            near = idx[i][d[i] <= d[i, 0] * (1 + 1e-9) + 1e-12]
            j = int(near[np.lexsort(x[near].T[::-1])[0]])
            local[i] = j
            best[i] = (round(float(np.linalg.norm(x[j] - p[i])), 9), *x[j])
    allbest = np.stack(comm.allgather(best))  # (ranks, n, 4)
    owner = np.empty(n, dtype=np.int64)
    for i in range(n):
        keys = [tuple(allbest[r, i]) for r in range(allbest.shape[0])]
        owner[i] = min(range(len(keys)), key=lambda r: keys[r])
    idx_out = np.where(owner == comm.rank, local, -1)
    dist = allbest[owner, np.arange(n), 0]
    return owner, idx_out, dist


def nearest_point(comm: Any, candidates_mm: npt.NDArray[np.float64],
                  point_mm: Sequence[float]) -> tuple[float, float, float] | None:
    """Coordinates (mm) of the candidate point nearest ``point_mm``, the same on every rank.

    ``candidates_mm[n, 3]`` are this rank's candidates (duplicates across ranks are
    harmless: equal points are equal answers).  ``None`` if no rank has a candidate.
    """
    x = np.asarray(candidates_mm, float).reshape(-1, 3)
    owner, i = nearest_owned_vertex(comm, x, point_mm)
    if owner < 0:
        return None
    q = tuple(float(c) for c in x[i]) if owner == comm.rank else None
    return comm.bcast(q, root=owner)


def on_root[T](comm: Any, fn: Callable[[], T], *, what: str) -> T:
    """Run ``fn`` on rank 0 only and broadcast its result, or its error, to every rank.

    The error is re-raised on every rank (the same exception type where it can be rebuilt
    from its message), so all ranks fail together instead of waiting in a collective.
    """
    result: Any = None
    error: BaseException | None = None
    if comm is None or comm.rank == 0:
        try:
            result = fn()
        except Exception as exc:
            if comm is None:
                raise
            error = exc
    if comm is None:
        return result
    err = comm.bcast(None if error is None else (type(error), str(error)), root=0)
    if err is not None:
        if comm.rank == 0 and error is not None:
            raise error
        kind, message = err
        try:
            exc = kind(message)
        except Exception:
            exc = RuntimeError(f"{what} failed on rank 0: {message}")
        raise exc
    return comm.bcast(result, root=0)
