"""Electromechanics: calcium transfer between meshes, and the first milliseconds of a
coupled beat of the coarse phantom (volume conservation, the volume constraint, an
isovolumic contraction)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("dolfinx_solver", reason="needs DOLFINx")
pytest.importorskip("circulation", reason="needs the 'circulation' package")

from mpi4py import MPI

from cardiotwin.exceptions import ConfigError


def _fake_ep(mesh, field):
    """A monodomain stand-in: one TP06 block holding ``field(x)`` (µM) as its calcium."""
    from dolfinx import fem

    from cardiotwin.ionic.registry import get_model
    from cardiotwin.ionic.simulate import cai_index_and_scale

    model = get_model("tp06-endo")
    V = fem.functionspace(mesh, ("Lagrange", 1))
    n = V.dofmap.index_map.size_local
    row, scale = cai_index_and_scale(model)
    states = np.zeros((len(model.state_names), n))
    states[row] = field(V.tabulate_dof_coordinates()[:n].T) / scale
    block = SimpleNamespace(model=model, dofs=np.arange(n, dtype=np.int32), states=states)
    return SimpleNamespace(V=V, mesh=mesh, blocks=[block], t=0.0)


@pytest.mark.parametrize("same_mesh", [True, False])
def test_calcium_reaches_the_quadrature_points_exactly_for_a_linear_field(same_mesh):
    """P1 interpolation (and non-matching P1 -> P1) reproduces a linear field exactly."""
    import basix.ufl
    import ufl
    from dolfinx import fem, mesh

    from cardiotwin.coupling.electromechanics import CalciumTransfer

    def field(x):
        return 0.1 + 0.3 * x[0] + 0.2 * x[1] - 0.1 * x[2]

    m_mech = mesh.create_unit_cube(MPI.COMM_WORLD, 3, 3, 3)
    m_ep = m_mech if same_mesh else mesh.create_unit_cube(MPI.COMM_WORLD, 5, 4, 6)
    ep = _fake_ep(m_ep, field)
    Q = fem.functionspace(m_mech, basix.ufl.quadrature_element(
        m_mech.basix_cell(), value_shape=(), degree=2))
    target = fem.Function(Q)
    transfer = CalciumTransfer(ep, target)
    assert transfer.same_mesh is same_mesh
    got = transfer()
    x = ufl.SpatialCoordinate(m_mech)
    exact = fem.Function(Q)
    exact.interpolate(fem.Expression(0.1 + 0.3 * x[0] + 0.2 * x[1] - 0.1 * x[2],
                                     Q.element.interpolation_points))
    assert got.size > 0
    np.testing.assert_allclose(got, exact.x.array, atol=1e-10)


def test_calcium_of_an_unloaded_mechanics_mesh_is_taken_where_the_ep_mesh_depicts_it():
    """After unloading, the mechanics reference is smaller than the imaged heart the EP
    mesh depicts: each point takes the calcium of its imaged position (the node
    coordinates handed over), not of its reference position, and the mesh keeps its
    reference coordinates."""
    import basix.ufl
    from dolfinx import fem, mesh

    from cardiotwin.coupling.electromechanics import CalciumTransfer

    def field(x):
        return 0.1 + 0.3 * x[0] + 0.2 * x[1] - 0.1 * x[2]

    m_mech = mesh.create_unit_cube(MPI.COMM_WORLD, 3, 3, 3)
    imaged = m_mech.geometry.x.copy()
    m_mech.geometry.x[:] = 0.5 + 0.8 * (imaged - 0.5)  # the unloaded reference: shrunk
    reference = m_mech.geometry.x.copy()
    m_ep = mesh.create_unit_cube(MPI.COMM_WORLD, 5, 4, 6)
    Q = fem.functionspace(m_mech, basix.ufl.quadrature_element(
        m_mech.basix_cell(), value_shape=(), degree=2))
    got = CalciumTransfer(_fake_ep(m_ep, field), fem.Function(Q), imaged)()
    np.testing.assert_array_equal(m_mech.geometry.x, reference)
    # the quadrature points' imaged positions: the reference ones, grown back
    x_ref = _quadrature_points(Q)
    np.testing.assert_allclose(got, field((0.5 + (x_ref - 0.5) / 0.8).T), atol=1e-10)
    # without the imaged coordinates, the reference positions are used
    got_ref = CalciumTransfer(_fake_ep(m_ep, field), fem.Function(Q))()
    np.testing.assert_allclose(got_ref, field(x_ref.T), atol=1e-10)


def _quadrature_points(Q):
    """Physical coordinates (mm) of the local entries of a quadrature space, (n, 3)."""
    import ufl
    from dolfinx import fem

    out = []
    for i in range(3):
        f = fem.Function(Q)
        f.interpolate(fem.Expression(ufl.SpatialCoordinate(Q.mesh)[i],
                                     Q.element.interpolation_points))
        out.append(f.x.array.copy())
    return np.column_stack(out)


def test_mechanics_vertices_just_outside_the_ep_mesh_get_calcium():
    """Two meshes of one myocardium differ at the surface: mechanics vertices up to one
    mechanics cell outside the EP mesh take the nearest EP cell's (extrapolated) value,
    exact for a linear field, never 0; a mechanics mesh far outside is refused."""
    import basix.ufl
    import ufl
    from dolfinx import fem, mesh

    from cardiotwin.coupling.electromechanics import CalciumTransfer

    def field(x):
        return 0.5 + 0.3 * x[0] + 0.2 * x[1] - 0.1 * x[2]

    m_mech = mesh.create_unit_cube(MPI.COMM_WORLD, 3, 3, 3)
    m_ep = mesh.create_box(MPI.COMM_WORLD, [np.full(3, 0.05), np.full(3, 0.95)], [5, 4, 6])
    Q = fem.functionspace(m_mech, basix.ufl.quadrature_element(
        m_mech.basix_cell(), value_shape=(), degree=2))
    got = CalciumTransfer(_fake_ep(m_ep, field), fem.Function(Q))()
    x = ufl.SpatialCoordinate(m_mech)
    exact = fem.Function(Q)
    exact.interpolate(fem.Expression(0.5 + 0.3 * x[0] + 0.2 * x[1] - 0.1 * x[2],
                                     Q.element.interpolation_points))
    np.testing.assert_allclose(got, exact.x.array, atol=1e-10)

    far = mesh.create_box(MPI.COMM_WORLD, [np.full(3, 5.0), np.full(3, 6.0)], [2, 2, 2])
    with pytest.raises(ConfigError, match="mechanics vertices lie more than"):
        CalciumTransfer(_fake_ep(far, field), fem.Function(Q))


def test_calcium_transfer_needs_a_model_with_calcium():
    from dolfinx import fem, mesh

    from cardiotwin.coupling.electromechanics import CalciumTransfer
    from cardiotwin.ionic.registry import get_model

    m = mesh.create_unit_cube(MPI.COMM_WORLD, 2, 2, 2)
    ep = _fake_ep(m, lambda x: 0 * x[0])
    ep.blocks[0].model = get_model("aliev-panfilov")
    with pytest.raises(ConfigError, match="no intracellular calcium"):
        CalciumTransfer(ep, fem.Function(fem.functionspace(m, ("DG", 0))))


def test_calcium_of_a_non_excitable_region_is_zero():
    """A scar core (NonExcitable block) hands 0 µM to the tension points; the myocytes
    around it hand their own calcium."""
    from dolfinx import fem, mesh

    from cardiotwin.coupling.electromechanics import CalciumTransfer
    from cardiotwin.ionic.nonexcitable import NonExcitable

    m = mesh.create_unit_cube(MPI.COMM_WORLD, 4, 4, 4)
    ep = _fake_ep(m, lambda x: 0.2 + x[0])
    x = ep.V.tabulate_dof_coordinates()[:ep.blocks[0].dofs.size]
    scar = x[:, 0] < 0.4
    myo = ep.blocks[0]
    ep.blocks = [SimpleNamespace(model=myo.model, dofs=myo.dofs[~scar],
                                 states=myo.states[:, ~scar]),
                 SimpleNamespace(model=NonExcitable(), dofs=myo.dofs[scar],
                                 states=np.full((1, scar.sum()), -85.0))]
    target = fem.Function(fem.functionspace(m, ("Lagrange", 1)))  # points = vertices
    got = CalciumTransfer(ep, target)()
    n = myo.dofs.size
    xt = target.function_space.tabulate_dof_coordinates()[:n]
    np.testing.assert_allclose(got[:n], np.where(xt[:, 0] < 0.4, 0.0, 0.2 + xt[:, 0]),
                               atol=1e-12)


@pytest.fixture(scope="module")
def first_ms(tmp_path_factory):
    """The quick beat of the phantom, run for its first 60 ms (collective)."""
    from cardiotwin.studies.beat import QUICK, build_beat

    work = MPI.COMM_WORLD.bcast(str(tmp_path_factory.mktemp("beat")), root=0)
    em = build_beat(MPI.COMM_WORLD, QUICK, work)
    blood0 = em.circulation.total_volume_mL()
    em.run(60.0)
    yield em, blood0
    em.mechanics.close()


def test_coupled_loop_conserves_blood_and_holds_the_cavity_volumes(first_ms):
    em, blood0 = first_ms
    assert abs(em.circulation.total_volume_mL() - blood0) < 1e-9 * blood0
    for v in ("lv", "rv"):
        v_mech = em.mechanics.volume(v) / 1000.0
        v_circ = em.circulation.ventricle_volume(v)
        assert abs(v_mech - v_circ) < 1e-8 * v_circ


def test_isovolumic_contraction_holds_volume_while_pressure_rises(first_ms):
    em, _ = first_ms
    tr = em.traces()
    q_mv, q_av = tr["circulation_Q_MV"], tr["circulation_Q_AV"]
    # both LV valves closed: the flows are leaks through the closed resistance.  Samples
    # are the ends of 2 ms steps in which the pressure rises by up to ~6 mmHg: within 15
    # mmHg of the aortic pressure the valve may open inside the step that follows
    closed = (tr["lv_pressure_mmHg"] > tr["circulation_p_LA"] + 1.0) & \
             (tr["lv_pressure_mmHg"] < tr["circulation_p_AR_SYS"] - 15.0)
    assert closed.sum() >= 5, "the run never reached isovolumic contraction"
    assert np.abs(q_mv[closed]).max() < 1e-3 and np.abs(q_av[closed]).max() < 1e-3
    v = tr["lv_volume_mL"][closed]
    assert np.ptp(v) < 1e-4 * v.mean()
    p = tr["lv_pressure_mmHg"][closed]
    assert p[-1] - p[0] > 5.0
    # the tension built up from the calcium of the stimulated beat
    assert tr["cai_max_uM"].max() > 0.3 and tr["Ta_max_kPa"][-1] > 1.0
    assert np.all(np.diff(tr["lv_pressure_mmHg"][closed]) > -1.0)


def test_a_restored_checkpoint_continues_the_run_as_the_original(first_ms, tmp_path_factory):
    """(Last in the module: it advances the shared run.)  Save at 60 ms, run on 3 steps,
    restore and run them again: every recorded quantity and the mechanics unknowns are
    the same; a folder without a checkpoint or one of another mesh is refused."""
    from pathlib import Path

    em, _ = first_ms
    work = Path(MPI.COMM_WORLD.bcast(str(tmp_path_factory.mktemp("ck")), root=0))
    em.save_checkpoint(work / "ck", extra={"beat": 0})
    n0, t0 = len(em.history["time_ms"]), em.t_ms
    em.run(t0 + 3 * em.config.dt_ms)
    ref = {k: np.asarray(v[n0:]) for k, v in em.history.items()}
    w_ref = em.mechanics.w.x.array.copy()
    assert em.restore_checkpoint(work / "ck") == {"beat": 0}
    assert em.t_ms == t0 and len(em.history["time_ms"]) == n0
    em.run(t0 + 3 * em.config.dt_ms)
    for k, v in ref.items():
        np.testing.assert_allclose(np.asarray(em.history[k][n0:]), v, rtol=1e-9, atol=1e-9,
                                   err_msg=k)
    np.testing.assert_allclose(em.mechanics.w.x.array, w_ref, rtol=1e-9, atol=1e-12)

    with pytest.raises(ConfigError, match="not an electromechanics checkpoint"):
        em.restore_checkpoint(work / "nothing")
    if MPI.COMM_WORLD.rank == 0:  # the same checkpoint for a mesh moved by 0.5 mm
        data = dict(np.load(work / "ck" / "mechanics.npz"))
        data["w_x"] = data["w_x"] + 0.5
        np.savez(work / "ck" / "mechanics.npz", **data)
    MPI.COMM_WORLD.Barrier()
    with pytest.raises(ConfigError, match="saved for another mesh"):
        em.restore_checkpoint(work / "ck")


def test_fast_forward_moves_the_heart_with_the_circulation(first_ms):
    """(After the checkpoint test: it changes the shared run.)  The last 60 ms taken as a
    beat: the circulation jumps to that linearised loop's periodic state, blood is
    conserved, the cavities hold the new volumes, the last sample is the new state and
    the run steps on from it."""
    em, blood0 = first_ms
    n, t = len(em.history["time_ms"]), em.t_ms
    report = em.fast_forward(60.0, max_beats=30, rtol=1e-3)
    assert em.t_ms == t and len(em.history["time_ms"]) == n
    assert abs(em.circulation.total_volume_mL() - blood0) < 1e-9 * blood0
    moved = 0.0
    for v in ("lv", "rv"):
        after = report["volumes_after_mL"][v]
        assert em.circulation.ventricle_volume(v) == after == em.history[f"{v}_volume_mL"][-1]
        assert abs(em.mechanics.volume(v) / 1000.0 - after) < 1e-8 * after
        assert em.history[f"{v}_pressure_mmHg"][-1] == pytest.approx(
            report["pressures_after_mmHg"][v], abs=1e-12)
        moved = max(moved, abs(after - report["volumes_before_mL"][v]))
    assert moved > 1e-3, "the loop's periodic state is where the run already was"
    assert em.fast_forwards[-1] is report
    em.run(t + em.config.dt_ms)
    assert abs(em.circulation.total_volume_mL() - blood0) < 1e-9 * blood0
    with pytest.raises(ConfigError, match="do not cover"):
        em.fast_forward(10 * t)
