"""MPI helpers: searches whose ties do not depend on the partition; rank-0 work whose
errors reach every rank."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin._mpi import global_argmin, nearest_point, on_root
from cardiotwin.exceptions import ConfigError


@pytest.mark.mpi
def test_ties_go_to_the_smallest_coordinates_on_any_partition(comm):
    # four points at the same distance from the origin, dealt to the ranks in two ways
    pts = np.array([[1.0, 0, 0], [0, 1.0, 0], [-1.0, 0, 0], [0, -1.0, 0]])
    for order in (np.arange(4), np.arange(4)[::-1]):
        mine = pts[order][comm.rank::comm.size]
        q = nearest_point(comm, mine, (0.0, 0.0, 0.0))
        assert q == (-1.0, 0.0, 0.0)
        owner, i = global_argmin(comm, np.sum(mine**2, axis=1), mine)
        hit = comm.bcast(tuple(mine[i]) if comm.rank == owner else None, root=owner)
        assert hit == (-1.0, 0.0, 0.0)
    assert nearest_point(comm, np.zeros((0, 3)), (0, 0, 0)) is None


@pytest.mark.mpi
def test_root_errors_reach_every_rank(comm):
    def fail():
        raise ConfigError("bad input on rank 0")

    with pytest.raises(ConfigError, match="bad input on rank 0"):
        on_root(comm, fail, what="test")
    assert on_root(comm, lambda: {"a": 1}, what="test") == {"a": 1}
