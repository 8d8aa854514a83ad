"""The pointwise orthonormal fibre frame."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("dolfinx_solver", reason="needs DOLFINx")

from mpi4py import MPI


def test_orthonormal_frame_of_interpolated_fibres():
    """P1 fibres turning by 90 deg across the cube and sheets tilting out of plane twice as
    fast: between the vertices the interpolated f0, s0 are neither unit nor orthogonal;
    the frame made of them is."""
    import basix.ufl
    import ufl
    from dolfinx import fem, mesh

    from cardiotwin.mechanics.kinematics import OrthonormalFrame

    m = mesh.create_unit_cube(MPI.COMM_WORLD, 2, 2, 2)
    V = fem.functionspace(m, ("Lagrange", 1, (3,)))
    f0, s0 = fem.Function(V), fem.Function(V)

    def angle(x):
        return 0.5 * np.pi * x[0]

    f0.interpolate(lambda x: np.vstack([np.cos(angle(x)), np.sin(angle(x)), 0 * x[0]]))
    s0.interpolate(lambda x: np.vstack([-np.sin(angle(x)) * np.cos(2 * angle(x)),
                                        np.cos(angle(x)) * np.cos(2 * angle(x)),
                                        np.sin(2 * angle(x))]))
    frame = OrthonormalFrame.of(type("F", (), {"f0": f0, "s0": s0})())
    Q = fem.functionspace(m, basix.ufl.quadrature_element(m.basix_cell(), value_shape=(),
                                                          degree=2))

    def at_points(expr):
        fn = fem.Function(Q)
        fn.interpolate(fem.Expression(expr, Q.element.interpolation_points))
        return fn.x.array

    raw = at_points(ufl.dot(f0, s0) / ufl.sqrt(ufl.dot(f0, f0) * ufl.dot(s0, s0)))
    assert np.abs(raw).max() > 0.05  # the interpolants are not orthogonal
    for a, b, want in ((frame.f0, frame.f0, 1.0), (frame.s0, frame.s0, 1.0),
                       (frame.n0, frame.n0, 1.0), (frame.f0, frame.s0, 0.0),
                       (frame.f0, frame.n0, 0.0), (frame.s0, frame.n0, 0.0)):
        np.testing.assert_allclose(at_points(ufl.dot(a, b)), want, atol=1e-12)
    # the fibre keeps its direction
    cos = at_points(ufl.dot(frame.f0, f0) / ufl.sqrt(ufl.dot(f0, f0)))
    np.testing.assert_allclose(cos, 1.0, atol=1e-12)
