"""Values keyed by their points come back on another partition of the same mesh."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("dolfinx_solver", reason="needs DOLFINx")

from mpi4py import MPI

from cardiotwin.exceptions import ConfigError
from cardiotwin.io.pointdata import gather_by_point, point_coordinates, scatter_by_point

pytestmark = pytest.mark.mpi


def _spaces(comm, n=3):
    import basix.ufl
    from dolfinx import fem, mesh

    m = mesh.create_unit_cube(comm, n, n, n)
    V = fem.functionspace(m, ("Lagrange", 2, (3,)))
    Q = fem.functionspace(m, basix.ufl.quadrature_element(m.basix_cell(), value_shape=(),
                                                          scheme="default", degree=2))
    return V, Q


def _f(x):
    return np.column_stack([1 + x[:, 0], x[:, 1] * x[:, 2], np.sin(3 * x[:, 0]) + x[:, 2]])


@pytest.mark.parametrize("space", [0, 1], ids=["P2 vector", "quadrature"])
def test_values_saved_on_this_partition_come_back_on_one_rank(space):
    comm = MPI.COMM_WORLD
    V = _spaces(comm)[space]
    x = point_coordinates(V)
    assert np.all(np.isfinite(x))
    pts, vals = gather_by_point(comm, V, _f(x))
    pts, vals = comm.bcast((pts, vals), root=0)
    n_global = V.dofmap.index_map.size_global
    assert pts.shape == (n_global, 3) and vals.shape == (n_global, 3)
    # the same mesh on one rank (every rank builds its own), and a coarser one
    Vs = _spaces(MPI.COMM_SELF)[space]
    got = scatter_by_point(Vs, pts, vals)
    xs = point_coordinates(Vs)
    np.testing.assert_allclose(got, _f(xs), rtol=0, atol=1e-14)
    assert got.shape[0] == Vs.dofmap.index_map.size_local  # every point of the serial mesh
    with pytest.raises(ConfigError, match="another mesh"):
        scatter_by_point(_spaces(MPI.COMM_SELF, n=2)[space], pts, vals)
