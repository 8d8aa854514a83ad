"""Monodomain solver behaviour: propagation, MPI equivalence, checkpoint/resume, errors.

These use the compiled Aliev–Panfilov kernel on small slabs (seconds).
"""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.ep.conductivity import Conductivity
from cardiotwin.ep.monodomain import IonicRegion, Monodomain, MonodomainConfig
from cardiotwin.ep.stimulus import Stimulus
from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.geometry.fibres import Fibres
from cardiotwin.geometry.regions import Box, Sphere
from cardiotwin.ionic.protocol import Protocol

ap = pytest.importorskip("cardiotwin._kernels.ionic.aliev_panfilov")


class AlievPanfilov:
    """Adapter of the compiled kernel to the model interface used by the solver."""

    name = "aliev-panfilov"
    kernel = ap
    param_names = ap.PARAM_NAMES
    state_names = ap.STATE_NAMES

    def initial_states(self, n):
        return np.ascontiguousarray(np.repeat(np.array(ap.INITIAL_STATES)[:, None], n, 1))

    def default_params(self, n):
        return np.ascontiguousarray(np.repeat(np.array(ap.PARAM_DEFAULTS)[:, None], n, 1))


def cable(comm, dolfinx, length=8.0, h=0.2):
    import dolfinx.mesh

    n = round(length / h)
    return dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([length, 0.4, 0.4])],
                                   [n, 2, 2], dolfinx.mesh.CellType.hexahedron)


def make_sim(comm, dolfinx, length=8.0, **cfg):
    mesh = cable(comm, dolfinx, length=length)
    stim = Stimulus(Box((0, 0, 0), (0.4, 0.4, 0.4)), (Protocol(duration_ms=1.0, amplitude=80.0),))
    return Monodomain(mesh, [IonicRegion(AlievPanfilov())],
                      Conductivity(0.2, 0.02), MonodomainConfig(activation_threshold=-40.0,
                                                                dt_ms=0.02, **cfg),
                      fibres=Fibres(f0=(1.0, 0.0, 0.0)), stimuli=[stim])


def test_planar_wave_speed_matches_travelling_wave_theory(comm, dolfinx):
    # Aliev–Panfilov fast variable is a bistable (Nagumo) equation during the upstroke:
    # c = sqrt(k/2) (1 - 2a) sqrt(D / T) with D = sigma/(chi Cm), T = 12.9 ms (w ~ 0 ahead).
    # Far enough from the stimulus the front is a steady travelling wave.
    sim = make_sim(comm, dolfinx, length=12.0)
    sim.run(90.0)
    t4, t10 = (sim.value_at((x, 0.2, 0.2), sim.tracker.first_activation) for x in (4.0, 10.0))
    speed = 6.0 / (t10 - t4)
    d = 0.2 / 1.4
    theory = np.sqrt(8.0 / 2.0) * (1 - 2 * 0.15) * np.sqrt(d / 12.9)
    assert speed == pytest.approx(theory, rel=0.02)


@pytest.mark.mpi
def test_same_activation_in_serial_and_parallel(comm, dolfinx):
    from mpi4py import MPI

    sim = make_sim(comm, dolfinx)
    sim.run(40.0)
    pts = [(x, 0.2, 0.2) for x in (0.0, 1.0, 2.0, 3.0, 4.0)]
    par = [sim.value_at(p, sim.tracker.first_activation) for p in pts]
    if comm.size > 1:
        serial = None
        if comm.rank == 0:
            s = make_sim(MPI.COMM_SELF, dolfinx)
            s.run(40.0)
            serial = [s.value_at(p, s.tracker.first_activation) for p in pts]
        serial = comm.bcast(serial, root=0)
        np.testing.assert_allclose(par, serial, atol=0.02)  # one time step
    assert np.all(np.diff(par) > 0)


@pytest.mark.mpi
def test_nodal_arrays_interpolate_between_vertices(comm, dolfinx):
    sim = make_sim(comm, dolfinx)
    xyz = sim.owned_vertex_coordinates()
    field = xyz[:, 0] + 4.0 * xyz[:, 2]
    # (1.13, 0.3, 0.15) is no vertex of the 0.2 mm grid: the P1 field is exact there
    assert sim.interpolate_at((1.13, 0.3, 0.15), field) == pytest.approx(1.73, abs=1e-12)
    # the nearest-vertex lookup snaps to the vertex (1.2, 0.2, 0.2) instead (y tie: smaller)
    assert sim.value_at((1.13, 0.3, 0.15), field) == pytest.approx(2.0, abs=1e-12)


@pytest.mark.mpi
def test_resume_from_checkpoint_gives_same_activation(comm, dolfinx, tmp_path_factory):
    d = comm.bcast(str(tmp_path_factory.mktemp("ckpt")) if comm.rank == 0 else None)
    ref = make_sim(comm, dolfinx)
    ref.run(40.0)
    first = make_sim(comm, dolfinx)
    first.run(15.0)
    first.save_checkpoint(d)
    resumed = make_sim(comm, dolfinx)
    resumed.restore_checkpoint(d)
    assert resumed.t == pytest.approx(15.0)
    resumed.run(40.0)
    np.testing.assert_array_equal(resumed.tracker.first_activation, ref.tracker.first_activation)
    np.testing.assert_array_equal(resumed.v.x.array[: resumed.n_owned],
                                  ref.v.x.array[: ref.n_owned])


@pytest.mark.mpi
def test_a_checkpoint_restores_on_another_number_of_ranks(comm, dolfinx, tmp_path_factory):
    """Saved on every rank of the run, restored by each rank alone (on one rank the
    mesh is numbered differently): the resumed run is a run of its own from the start."""
    from mpi4py import MPI

    d = comm.bcast(str(tmp_path_factory.mktemp("ckpt")) if comm.rank == 0 else None)
    first = make_sim(comm, dolfinx)
    first.run(15.0)
    first.save_checkpoint(d)
    ref = make_sim(MPI.COMM_SELF, dolfinx)
    ref.run(40.0)
    resumed = make_sim(MPI.COMM_SELF, dolfinx)
    resumed.restore_checkpoint(d)
    resumed.run(40.0)
    act = resumed.tracker.first_activation
    assert np.isfinite(act).sum() > 0.3 * act.size  # the front is well on its way
    # the same within the linear solver's tolerance (partitions differ in round-off)
    np.testing.assert_allclose(act, ref.tracker.first_activation, atol=1e-4)
    np.testing.assert_allclose(resumed.v.x.array, ref.v.x.array, atol=1e-3)


def test_strang_and_backward_euler_agree_with_default(comm, dolfinx):
    sims = [make_sim(comm, dolfinx), make_sim(comm, dolfinx, splitting="strang"),
            make_sim(comm, dolfinx, theta=1.0, lumped_mass=False)]
    acts = []
    for s in sims:
        s.run(60.0)
        acts.append(s.value_at((6.0, 0.2, 0.2), s.tracker.first_activation))
    assert np.ptp(acts) < 0.05 * acts[0]


def test_apd_map_is_recorded(comm, dolfinx):
    sim = make_sim(comm, dolfinx)
    sim.run(400.0)
    apd = sim.value_at((4.0, 0.2, 0.2), sim.tracker.apd90)
    assert 150.0 < apd < 400.0  # the Aliev–Panfilov AP lasts a few hundred ms


def test_bad_inputs_fail_early(comm, dolfinx):
    with pytest.raises(ConfigError, match="dt_ms"):
        MonodomainConfig(dt_ms=-0.01)
    with pytest.raises(ConfigError, match="pc_type = 'hypre'"):
        MonodomainConfig(petsc_options={"pc_type": "hypre"})
    mesh = cable(comm, dolfinx)
    far = Stimulus(Sphere((100.0, 0, 0), 1.0))
    with pytest.raises(ConfigError, match="contains no mesh vertex"):
        Monodomain(mesh, [IonicRegion(AlievPanfilov())], Conductivity.isotropic(0.1),
                   stimuli=[far])
    sim = Monodomain(mesh, [IonicRegion(AlievPanfilov())], Conductivity.isotropic(0.1))
    with pytest.raises(ConfigError, match="has a parameter 'gKr'"):
        sim.set_parameter("gKr", 0.5)


def test_outputs_are_written(comm, dolfinx, tmp_path_factory):
    from cardiotwin.ep.ecg import PseudoECG
    from cardiotwin.io.results import Probes, SeriesWriter, write_maps

    d = comm.bcast(tmp_path_factory.mktemp("out") if comm.rank == 0 else None)
    sim = make_sim(comm, dolfinx)
    series = SeriesWriter(sim, d / "v.xdmf", every_n_steps=100)
    probes = Probes(sim, {"mid": (4.0, 0.2, 0.2)}, every_n_steps=5)
    ecg = PseudoECG(sim, {"A": (12.0, 0.2, 0.2), "B": (-4.0, 0.2, 0.2)}, leads={"I": ("A", "B")})
    sim.run(50.0)
    series.close()
    write_maps(sim, d / "maps.xdmf")
    res = probes.gather()
    t_act = sim.value_at((4.0, 0.2, 0.2), sim.tracker.first_activation)
    if comm.rank == 0:
        assert (d / "v.xdmf").is_file() and (d / "maps.xdmf").is_file()
        # the probe trace rises through the activation threshold when the map says
        v = res["mid"]
        assert v[0] < -70.0 and v.max() > 0.0
        t_up = res["t_ms"][np.argmax(v > -40.0)]
        assert t_act <= t_up <= t_act + 5 * 0.02 + 1e-9
    lead = ecg.signals()["I"]
    assert len(ecg.times) == len(lead)
    # tissue at rest has no gradient: no signal before the stimulus; a front travelling
    # towards electrode A gives a positive deflection in lead A - B (ECG convention)
    assert abs(lead[0]) < 1e-9
    assert np.max(np.abs(lead)) > 1e-3 and lead[np.argmax(np.abs(lead))] > 0


def test_region_scalings_multiply_value_parameters(comm, dolfinx):
    """Aliev–Panfilov's k is a value (8), not a factor: a scale of 2 makes it 16 (the old
    rule wrote 2 into the row)."""
    from cardiotwin.ionic import get_model
    from cardiotwin.ionic.parameters import ParameterChanges

    mesh = cable(comm, dolfinx)
    model = get_model("aliev-panfilov")
    sim = Monodomain(mesh, [IonicRegion(model, None, ParameterChanges(scale={"k": 2.0},
                                                                      set={"a": 0.1}))],
                     Conductivity.isotropic(0.1))
    (b,) = sim.blocks
    k, a = model.param_names.index("k"), model.param_names.index("a")
    assert np.all(b.params[k] == 16.0) and np.all(b.params[a] == 0.1)


def test_prepace_starts_every_cell_from_its_own_paced_single_cell(comm, dolfinx):
    """Two regions of TP06 (one with I_CaL halved) start from the states a single cell
    with their parameters reaches after 3 paced beats; V follows the states."""
    from cardiotwin.ionic import get_model
    from cardiotwin.ionic.parameters import ParameterChanges
    from cardiotwin.ionic.simulate import pace_cells

    mesh = cable(comm, dolfinx)
    model = get_model("tp06-endo")
    half = ParameterChanges(scale={"gCaL": 0.5})
    sim = Monodomain(mesh, [IonicRegion(model, Box((0, 0, 0), (4.0, 0.4, 0.4)), half),
                            IonicRegion(model, None)],
                     Conductivity.isotropic(0.1), MonodomainConfig(dt_ms=0.05))
    sim.prepace(3, 500.0)
    stim = Protocol(start_ms=0.0, duration_ms=2.0, amplitude=60.0, period_ms=500.0, number=3)
    for b, changes in zip(sim.blocks, (half, ParameterChanges()), strict=True):
        p = model.default_params(1)
        changes.apply(model, p)
        ref = model.initial_states(1)
        pace_cells(model, stim, cycle_ms=500.0, cycles=3, dt_ms=0.05, params=p, states=ref)
        if b.dofs.size:
            np.testing.assert_allclose(b.states, np.repeat(ref, b.dofs.size, axis=1),
                                       rtol=1e-12)
            np.testing.assert_array_equal(sim.v.x.array[b.dofs], b.states[0])
        # the paced state differs from the model's initial one (SR calcium reloaded)
        assert np.abs(ref - model.initial_states(1)).max() > 1e-3
    sim.run(0.1)
    with pytest.raises(ConfigError, match="prepace before running"):
        sim.prepace(3, 500.0)


def test_too_large_time_step_stops_the_run(comm, dolfinx):
    """TP06 at dt = 1 ms: the upstroke is not resolved; the run stops and says why and
    where instead of reporting short action potentials."""
    from cardiotwin.geometry.io import load_phantom

    geo = load_phantom(comm)
    stim = Stimulus(Sphere((-12.0, 0.0, -30.0), 4.0), Protocol(amplitude=60.0))
    sim = Monodomain(geo, "tp06-epi", Conductivity(0.6, 0.25), MonodomainConfig(dt_ms=1.0),
                     stimuli=[stim])
    with pytest.raises(SolverError, match=r"at t = \d.* ms, vertex \(.*\) mm, model "
                                          r"'tp06-epi': the time step dt = 1 ms is probably "
                                          "too large"):
        sim.run(40.0)
    # the same beat at a resolving step runs
    ok = Monodomain(geo, "tp06-epi", Conductivity(0.6, 0.25), MonodomainConfig(dt_ms=0.1),
                    stimuli=[stim])
    ok.run(20.0)


def test_non_finite_state_stops_the_run(comm, dolfinx):
    sim = make_sim(comm, dolfinx)
    sim.run(1.0)
    if comm.rank == 0 and sim.n_owned:
        sim.v.x.array[0] = np.nan
    with pytest.raises(SolverError, match="became non-finite"):
        sim.run(2.0)
