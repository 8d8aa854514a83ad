"""Unloading: the reference of an inflated ellipsoid is found again from its inflated
shape (a manufactured inverse problem whose exact discrete answer is known)."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.mechanics.cavity import Cavity

PRESSURE_KPA = 1.5  # ~11 mmHg


def _problem(comm):
    from cardiotwin.mechanics import FixedBoundary, Guccione, MechanicsConfig, MechanicsProblem
    from cardiotwin.studies.mechbench import ELLIPSOID_TAGS, ellipsoid_mesh

    mesh, ft = ellipsoid_mesh(comm, 2.5)
    cav = Cavity("lv", ELLIPSOID_TAGS["endocardium"], ELLIPSOID_TAGS["base"])
    return MechanicsProblem(mesh, Guccione(C_kPa=10.0, b_f=1.0, b_t=1.0, b_fs=1.0),
                            facet_tags=ft, boundaries=[FixedBoundary(ELLIPSOID_TAGS["base"])],
                            cavities=[cav], config=MechanicsConfig(stabilisation_kPa=100.0))


def _inflated(comm):
    """The problem, its reference nodes, and the nodes inflated to PRESSURE_KPA (the
    'imaged' heart); the problem is put back at rest on the inflated nodes."""
    from cardiotwin.mechanics import LoadPath, solve_load_path
    from cardiotwin.mechanics.unloading import _NodalDisplacement

    prob = _problem(comm)
    rest = prob.state()
    X_true = prob.mesh.geometry.x.copy()
    v_true = prob.reference_volume("lv")
    solve_load_path(prob, LoadPath(pressures_kPa={"lv": PRESSURE_KPA}, steps=3))
    v_loaded = prob.volume("lv")
    u = _NodalDisplacement(prob)()
    prob.restore(rest)
    prob.set_pressure("lv", 0.0)
    prob.mesh.geometry.x[:] = X_true + u
    return prob, X_true, v_true, v_loaded, u


@pytest.mark.mpi
def test_unloading_finds_the_reference_of_an_inflated_ellipsoid(comm):
    """Inflate the ellipsoid, take the inflated shape as the image, unload: the
    reference nodes and the cavity volume come back (the inflation moved nodes by
    millimetres and grew the cavity by more than half); the found reference filled is the
    inflated heart; Aitken's relaxation needs fewer forward solves than the plain iteration."""
    from mpi4py import MPI

    from cardiotwin.mechanics.unloading import UnloadingConfig, unload

    prob, X_true, v_true, v_loaded, u = _inflated(comm)
    n_owned = prob.mesh.geometry.index_map().size_local
    u_max = comm.allreduce(float(np.linalg.norm(u[:n_owned], axis=1).max()), op=MPI.MAX)
    assert u_max > 2.0
    v_img = prob.reference_volume("lv")
    assert v_img > 1.5 * v_true

    res = unload(prob, UnloadingConfig({"lv": PRESSURE_KPA}, tolerance_mm=1e-5))
    err = comm.allreduce(float(np.abs(prob.mesh.geometry.x - X_true).max()), op=MPI.MAX)
    assert err < 1e-4
    assert res.unloaded_volumes_mm3["lv"] == pytest.approx(v_true, rel=1e-6)
    assert res.imaged_volumes_mm3["lv"] == pytest.approx(v_img, rel=1e-12)
    # the P2 displacement bulges between the vertices: the filled cavity is the inflated
    # one, a little larger than the polyhedron through the inflated vertices
    assert res.loaded_volumes_mm3["lv"] == pytest.approx(v_loaded, rel=1e-6)
    assert v_img < v_loaded < 1.03 * v_img
    assert prob.pressure("lv") == pytest.approx(PRESSURE_KPA)
    assert res.max_shift_mm == pytest.approx(u_max, rel=1e-3)
    assert res.mismatch_mm[-1] < 1e-5 < res.mismatch_mm[0]
    np.testing.assert_array_equal(res.imaged_coordinates_mm, X_true + u)
    prob.close()

    plain, *_ = _inflated(comm)
    res_plain = unload(plain, UnloadingConfig({"lv": PRESSURE_KPA}, tolerance_mm=1e-5,
                                              relaxation="none"))
    err = comm.allreduce(float(np.abs(plain.mesh.geometry.x - X_true).max()), op=MPI.MAX)
    assert err < 1e-4
    assert res.iterations < res_plain.iterations
    plain.close()


def test_unloading_that_does_not_converge_puts_the_image_back(comm):
    """Too few iterations: SolverError naming the mismatches; the mesh is the image again
    and the problem at rest."""
    from cardiotwin.mechanics.unloading import UnloadingConfig, unload

    prob, *_ = _inflated(comm)
    x_img = prob.mesh.geometry.x.copy()
    with pytest.raises(SolverError, match="did not converge in 2 iterations"):
        unload(prob, UnloadingConfig({"lv": PRESSURE_KPA}, max_iterations=2))
    np.testing.assert_array_equal(prob.mesh.geometry.x, x_img)
    assert not np.any(prob.w.x.array)
    assert prob.pressure("lv") == 0.0
    with pytest.raises(ConfigError, match=r"cavities \['lv'\] have no pressure"):
        unload(prob, UnloadingConfig({"rv": 1.0}))
    prob.close()


def test_unloading_config_is_validated():
    from cardiotwin.mechanics.unloading import UnloadingConfig

    with pytest.raises(ConfigError, match="pressures_kPa is empty"):
        UnloadingConfig({})
    with pytest.raises(ConfigError, match=r"pressures_kPa\['lv'\] = -1"):
        UnloadingConfig({"lv": -1.0})
    with pytest.raises(ConfigError, match="tolerance_mm"):
        UnloadingConfig({"lv": 1.0}, tolerance_mm=0.0)
    with pytest.raises(ConfigError, match="relaxation"):
        UnloadingConfig({"lv": 1.0}, relaxation="anderson")


def test_geometry_as_swaps_and_restores(comm):
    from dolfinx import mesh as dmesh

    from cardiotwin.mechanics.unloading import geometry_as

    m = dmesh.create_unit_cube(comm, 2, 2, 2, dmesh.CellType.tetrahedron)
    x0 = m.geometry.x.copy()
    with geometry_as(m, x0 * 2.0):
        np.testing.assert_array_equal(m.geometry.x, 2.0 * x0)
    np.testing.assert_array_equal(m.geometry.x, x0)
    with pytest.raises(ConfigError, match="coordinates of shape"):
        with geometry_as(m, x0[:-1]):
            pass
