"""A field evaluated at a point inside its element, on any partition."""

from __future__ import annotations

import pytest

from cardiotwin.exceptions import ConfigError


@pytest.mark.mpi
def test_linear_field_is_exact_between_vertices(comm, dolfinx):
    import dolfinx.mesh

    from cardiotwin.geometry.probe import evaluate_at

    mesh = dolfinx.mesh.create_box(comm, [[0, 0, 0], [2.0, 1.0, 1.0]], [4, 2, 2],
                                   dolfinx.mesh.CellType.tetrahedron)
    V = dolfinx.fem.functionspace(mesh, ("Lagrange", 1))
    f = dolfinx.fem.Function(V)
    f.interpolate(lambda x: 3.0 * x[0] - 2.0 * x[1] + 0.5 * x[2] + 1.0)
    # (0.37, 0.61, 0.13) is no vertex of the 0.5 mm grid: P1 reproduces a linear field
    value = evaluate_at(f, (0.37, 0.61, 0.13))
    assert value.shape == (1,)
    assert value[0] == pytest.approx(3 * 0.37 - 2 * 0.61 + 0.5 * 0.13 + 1.0, abs=1e-12)
    # a quadratic is not reproduced: the interpolant lies above x^2 between vertices
    g = dolfinx.fem.Function(V)
    g.interpolate(lambda x: x[0] ** 2)
    assert evaluate_at(g, (0.25, 0.5, 0.5))[0] > 0.25**2 + 1e-3
    with pytest.raises(ConfigError, match="not inside the mesh"):
        evaluate_at(f, (5.0, 0.5, 0.5))
