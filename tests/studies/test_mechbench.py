"""The Land et al. 2015 benchmark set-up: validation, the problem-3 fibre field, the
curved ellipsoid."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.studies.mechbench import BenchSetup, land_fibres


@pytest.mark.parametrize("kw, field", [({"problem": 4}, "problem"),
                                       ({"problem": 2, "refine": -1}, "refine"),
                                       ({"problem": 2, "geometry_order": 3}, "geometry_order"),
                                       ({"problem": 3, "steps": 0}, "steps")])
def test_bad_setup_names_the_field(kw, field):
    with pytest.raises(ConfigError, match=f"BenchSetup.{field}"):
        BenchSetup(**kw)


def test_problem3_fibres_helix_from_plus_to_minus_90_degrees():
    """Across the wall at y = 0, z = -5 mm: the fibre is the meridional tangent e_u
    (α = +90°) on the endocardium, -e_u (α = -90°) on the epicardium, circumferential
    (α = 0, along ±y) at mid-wall; the frame is orthonormal."""
    z = -5.0
    pts, e_u = [], []
    for t in (0.0, 0.5, 1.0):
        rs, rl = 7.0 + 3 * t, 17.0 + 3 * t
        u = -np.arccos(z / rl)
        pts.append([rs * abs(np.sin(u)), 0.0, z])
        tangent = np.array([-rs * np.cos(u), 0.0, -rl * np.sin(u)])  # ∂x/∂u at v = -π
        e_u.append(tangent / np.linalg.norm(tangent))
    f, s, n = land_fibres(np.array(pts).T)
    for a, b in ((f, s), (f, n), (s, n)):
        np.testing.assert_allclose(np.sum(a * b, axis=0), 0.0, atol=1e-12)
    for a in (f, s, n):
        np.testing.assert_allclose(np.linalg.norm(a, axis=0), 1.0, atol=1e-12)
    np.testing.assert_allclose(f[:, 0], e_u[0], atol=1e-12)
    np.testing.assert_allclose(f[:, 2], -e_u[2], atol=1e-12)
    assert abs(f[1, 1]) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.mpi
def test_curved_ellipsoid_is_closer_to_the_analytic_cavity(comm):
    """Quadratic tetrahedra follow the ellipsoids: the undeformed cavity volume at
    h = 2.5 mm is far closer to π·49·(22 - 5038/867) = 2492.13 mm³ than the flat mesh's."""
    from cardiotwin.mechanics import Cavity, FixedBoundary, Guccione, MechanicsProblem
    from cardiotwin.studies.mechbench import ELLIPSOID_TAGS, ellipsoid_mesh

    exact = np.pi * 49.0 * (22.0 - 5038.0 / 867.0)
    err = {}
    for order in (1, 2):
        mesh, ft = ellipsoid_mesh(comm, 2.5, order=order)
        prob = MechanicsProblem(mesh, Guccione(C_kPa=10.0, b_f=1.0, b_t=1.0, b_fs=1.0),
                                facet_tags=ft,
                                boundaries=[FixedBoundary(ELLIPSOID_TAGS["base"])],
                                cavities=[Cavity("lv", ELLIPSOID_TAGS["endocardium"],
                                                 ELLIPSOID_TAGS["base"])])
        err[order] = abs(prob.reference_volume("lv") - exact) / exact
        prob.close()
    assert err[2] < 0.1 * err[1]
