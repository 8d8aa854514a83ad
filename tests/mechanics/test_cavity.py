"""Cavity volume of the Land et al. ellipsoid: analytic reference, two independent
computations, and their agreement after inflation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cardiotwin.mechanics.cavity import Cavity


def analytic_cavity_volume_mm3(r_s: float, r_l: float, z_base: float) -> float:
    """Volume of {(x²+y²)/r_s² + z²/r_l² <= 1, z <= z_base}: π r_s² ∫(1 - z²/r_l²) dz."""
    z0, z1 = -r_l, z_base
    return math.pi * r_s**2 * ((z1 - z0) - (z1**3 - z0**3) / (3.0 * r_l**2))


def _problem(comm, h_mm, **kw):
    from cardiotwin.mechanics import FixedBoundary, Guccione, MechanicsProblem
    from cardiotwin.studies.mechbench import ELLIPSOID_TAGS, ellipsoid_mesh

    mesh, ft = ellipsoid_mesh(comm, h_mm)
    cav = Cavity("lv", ELLIPSOID_TAGS["endocardium"], ELLIPSOID_TAGS["base"])
    return MechanicsProblem(mesh, Guccione(C_kPa=10.0, b_f=1.0, b_t=1.0, b_fs=1.0),
                            facet_tags=ft, boundaries=[FixedBoundary(ELLIPSOID_TAGS["base"])],
                            cavities=[cav], **kw)


@pytest.mark.mpi
def test_undeformed_ellipsoid_volume_converges_to_analytic(comm):
    """The polyhedral mesh inscribes the ellipsoid: its cavity volume is below the exact
    2492.13 mm³ (π·49·(22 - 5038/867), by hand) by O(h²); both computations give that
    polyhedral volume."""
    exact = analytic_cavity_volume_mm3(7.0, 17.0, 5.0)
    assert exact == pytest.approx(2492.13, abs=0.01)
    errors = []
    for h in (2.5, 1.25):
        prob = _problem(comm, h)
        v_form = prob.reference_volume("lv")
        v_mesh = prob.displaced_mesh_volume("lv")  # zero displacement
        assert v_form == pytest.approx(v_mesh, rel=1e-10)
        assert prob.volume("lv") == pytest.approx(v_form, rel=1e-12)
        ring = prob.rings["lv"]
        assert ring.point_mm[2] == pytest.approx(5.0, abs=1e-9)  # base ring centroid
        assert ring.max_offplane_mm < 1e-9
        errors.append((exact - v_form) / exact)
        prob.close()
    assert 0 < errors[1] < errors[0]
    assert errors[0] / errors[1] > 2.5  # about 4 for O(h²)
    assert errors[1] < 0.01


@pytest.mark.mpi
def test_volume_is_independent_of_origin(comm):
    """The cap term vanishes because x0 lies in the base plane: shifting the mesh along
    z (the base no longer through z = 5) leaves both volumes unchanged."""
    prob = _problem(comm, 2.5)
    v = prob.reference_volume("lv")
    prob.close()
    from cardiotwin.mechanics import FixedBoundary, Guccione, MechanicsProblem
    from cardiotwin.studies.mechbench import ELLIPSOID_TAGS, ellipsoid_mesh

    mesh, ft = ellipsoid_mesh(comm, 2.5)
    mesh.geometry.x[:, 2] += 40.0
    mesh.geometry.x[:, 0] -= 13.0
    shifted = MechanicsProblem(mesh, Guccione(C_kPa=10.0, b_f=1.0, b_t=1.0, b_fs=1.0),
                               facet_tags=ft, boundaries=[FixedBoundary(3)],
                               cavities=[Cavity("lv", ELLIPSOID_TAGS["endocardium"],
                                                ELLIPSOID_TAGS["base"])])
    assert shifted.reference_volume("lv") == pytest.approx(v, rel=1e-10)
    assert shifted.displaced_mesh_volume("lv") == pytest.approx(v, rel=1e-10)
    shifted.close()


@pytest.mark.mpi
def test_inflated_volume_two_ways_agree(comm):
    """After inflating the coarse ellipsoid to 2 kPa, the Nanson surface integral of the
    vertex (P1) interpolant of the displacement equals the displaced polyhedron's volume
    to rounding; the P2 field bulges between the vertices, adding O(h²) (under 3 % at
    h = 2.5 mm); the cavity has grown."""
    import ufl
    from dolfinx import fem

    from cardiotwin.mechanics import LoadPath, MechanicsConfig, solve_load_path
    from cardiotwin.mechanics.cavity import volume_form
    from cardiotwin.studies.mechbench import ELLIPSOID_TAGS

    prob = _problem(comm, 2.5, config=MechanicsConfig(stabilisation_kPa=100.0))
    v0 = prob.reference_volume("lv")
    solve_load_path(prob, LoadPath(pressures_kPa={"lv": 2.0}, steps=2))
    v_form = prob.volume("lv")
    v_mesh = prob.displaced_mesh_volume("lv")
    assert v_form > 1.5 * v0
    V1 = fem.functionspace(prob.mesh, ("Lagrange", 1, (3,)))
    u1 = fem.Function(V1)
    u1.interpolate(prob.displacement())
    x0 = fem.Constant(prob.mesh, np.asarray(prob.rings["lv"].point_mm, dtype=float))
    ds = ufl.Measure("ds", domain=prob.mesh, subdomain_data=prob.facet_tags)
    v_p1 = comm.allreduce(fem.assemble_scalar(fem.form(
        volume_form(u1, x0, ds(ELLIPSOID_TAGS["endocardium"])))))
    assert v_p1 == pytest.approx(v_mesh, rel=1e-9)
    assert v_mesh < v_form < 1.03 * v_mesh
    prob.close()


@pytest.mark.skip_in_parallel
def test_displaced_volume_matches_vtk(dolfinx, comm):
    """The displaced-mesh volume equals VTK's volume of the same closed surface."""
    pyvista = pytest.importorskip("pyvista")
    from dolfinx import fem

    prob = _problem(comm, 2.5)
    u = prob.displacement()
    # a smooth, non-trivial displacement: radial bulge that keeps the base ring fixed
    V = u.function_space
    w = fem.Function(V)
    w.interpolate(lambda x: np.vstack([0.1 * x[0] * (5.0 - x[2]) / 10.0,
                                       0.05 * x[1] * (5.0 - x[2]) / 10.0,
                                       0.02 * (5.0 - x[2]) ** 2 / 10.0]))
    from cardiotwin.mechanics.cavity import _oriented_endo_triangles, displaced_mesh_volume

    v_ours = displaced_mesh_volume(prob.mesh, prob.facet_tags, prob.cavities["lv"], w)
    V1 = fem.functionspace(prob.mesh, ("Lagrange", 1, (3,)))
    w1 = fem.Function(V1)
    w1.interpolate(w)
    ids, corners = _oriented_endo_triangles(prob.mesh, prob.facet_tags.find(1), V1, w1)
    pts = corners.reshape(-1, 3)
    faces = np.hstack([np.full((len(ids), 1), 3), np.arange(len(pts)).reshape(-1, 3)])
    surf = pyvista.PolyData(pts, faces.ravel()).clean()
    # VTK's hole filler does not orient the new triangles with the surface: re-orient
    closed = surf.fill_holes(100.0).compute_normals(auto_orient_normals=True,
                                                    consistent_normals=True)
    assert closed.n_open_edges == 0
    assert v_ours == pytest.approx(closed.volume, rel=1e-6)
    prob.close()


@pytest.mark.mpi
def test_cavity_open_below_the_base_is_refused(comm):
    """A hole in the wall (endocardial facets near the apex retagged as epicardium) leaves
    an endocardial rim that the base does not hold: the problem refuses the cavity, naming
    it; the intact ellipsoid has one opening, its base ring, and no lid volume."""
    from dolfinx import mesh as dmesh

    from cardiotwin.exceptions import MeshError
    from cardiotwin.mechanics import FixedBoundary, Guccione, MechanicsProblem
    from cardiotwin.mechanics.cavity import base_ring, cavity_closure
    from cardiotwin.studies.mechbench import ELLIPSOID_TAGS, ellipsoid_mesh

    mesh, ft = ellipsoid_mesh(comm, 2.5)
    cav = Cavity("lv", ELLIPSOID_TAGS["endocardium"], ELLIPSOID_TAGS["base"])
    closure = cavity_closure(mesh, ft, cav, base_ring(mesh, ft, cav))
    assert closure.openings == 1 and abs(closure.lid_volume_mm3) < 1e-9

    # open a hole of radius ~3 mm in the endocardium 8 mm above the apex (z = -9 mm)
    fdim = mesh.topology.dim - 1
    mid = dmesh.compute_midpoints(mesh, fdim, ft.indices)
    values = ft.values.copy()
    hole = ((values == ELLIPSOID_TAGS["endocardium"]) & (np.abs(mid[:, 2] + 9.0) < 3.0)
            & (mid[:, 0] > 0.0))
    assert comm.allreduce(int(hole.sum())) > 0
    values[hole] = ELLIPSOID_TAGS["epicardium"]
    ft_hole = dmesh.meshtags(mesh, fdim, ft.indices, values)
    with pytest.raises(MeshError, match=r"Cavity 'lv'.*open where the base .* does not hold"):
        MechanicsProblem(mesh, Guccione(C_kPa=10.0, b_f=1.0, b_t=1.0, b_fs=1.0),
                         facet_tags=ft_hole, boundaries=[FixedBoundary(ELLIPSOID_TAGS["base"])],
                         cavities=[cav])


TUBE = {"r_in": 7.0, "r_out": 10.0, "length": 20.0, "tags": {"endo": 1, "epi": 2, "ends": 3}}


def _tube_mesh(comm, h_mm: float):
    """A thick-walled tube along z, open at both ends (two openings held by the ends)."""
    import dolfinx.io.gmsh
    import gmsh

    t = TUBE
    gmsh.initialize(interruptible=False)
    try:
        gmsh.option.setNumber("General.Terminal", 0)
        if comm.rank == 0:
            occ = gmsh.model.occ
            outer = occ.addCylinder(0, 0, 0, 0, 0, t["length"], t["r_out"])
            inner = occ.addCylinder(0, 0, 0, 0, 0, t["length"], t["r_in"])
            wall, _ = occ.cut([(3, outer)], [(3, inner)])
            occ.synchronize()
            groups = {k: [] for k in t["tags"]}
            for _, surf in gmsh.model.getBoundary(wall, oriented=False):
                _, _, _, x1, _, _ = gmsh.model.getBoundingBox(2, surf)
                if gmsh.model.getType(2, surf) == "Plane":
                    groups["ends"].append(surf)
                elif x1 < 0.5 * (t["r_in"] + t["r_out"]):
                    groups["endo"].append(surf)
                else:
                    groups["epi"].append(surf)
            for name, surfs in groups.items():
                gmsh.model.addPhysicalGroup(2, surfs, t["tags"][name])
            gmsh.model.addPhysicalGroup(3, [wall[0][1]], 1)
            gmsh.option.setNumber("Mesh.CharacteristicLengthMax", h_mm)
            gmsh.model.mesh.generate(3)
        data = dolfinx.io.gmsh.model_to_mesh(gmsh.model, comm, 0, gdim=3)
    finally:
        gmsh.finalize()
    return data.mesh, data.facet_tags


@pytest.mark.mpi
def test_cavity_with_two_openings(comm):
    """A tube open at both ends, ends fixed: two openings closed by flat lids. The cone
    from the rim centroid alone gives 2/3 of the volume (the lateral surface term,
    r·2πrL/3); the lids add the other third, so the cavity volume converges to πr²L;
    after inflation the Nanson volume equals the displaced polyhedron's (both with the
    lids) and the rims have not moved."""
    pytest.importorskip("gmsh")
    from cardiotwin.mechanics import (
        FixedBoundary,
        LoadPath,
        MechanicsConfig,
        MechanicsProblem,
        NeoHookean,
        solve_load_path,
    )

    t = TUBE
    exact = math.pi * t["r_in"] ** 2 * t["length"]
    errors = []
    for h in (2.0, 1.0):
        mesh, ft = _tube_mesh(comm, h)
        prob = MechanicsProblem(mesh, NeoHookean(mu_kPa=10.0), facet_tags=ft,
                                boundaries=[FixedBoundary(t["tags"]["ends"])],
                                cavities=[Cavity("tube", t["tags"]["endo"], t["tags"]["ends"])],
                                config=MechanicsConfig(incompressibility="nearly-incompressible",
                                                       displacement_degree=1))
        closure = prob.closures["tube"]
        assert closure.openings == 2
        centres = sorted(c[2] for c in closure.centres_mm)
        assert centres == pytest.approx([0.0, t["length"]], abs=1e-9)
        v = prob.reference_volume("tube")
        # exactly 1/3 for a prism; the triangulated lateral surface is not quite one
        assert closure.lid_volume_mm3 == pytest.approx(v / 3.0, rel=0.01)
        assert prob.displaced_mesh_volume("tube") == pytest.approx(v, rel=1e-10)
        errors.append((exact - v) / exact)
        if h == 1.0:
            solve_load_path(prob, LoadPath(pressures_kPa={"tube": 1.0}, steps=2))
            v1 = prob.volume("tube")
            assert v1 > 1.1 * v
            assert v1 == pytest.approx(prob.displaced_mesh_volume("tube"), rel=1e-9)
        prob.close()
    assert 0 < errors[1] < errors[0] < 0.05
    assert errors[0] / errors[1] > 2.5  # O(h²): inscribed polygons
