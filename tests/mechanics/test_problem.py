"""The mechanics problem: Land 2015 problem 1 (beam), uniaxial extension against the
analytic stretch, volume-constrained mode, Newton failure, serial vs parallel."""

from __future__ import annotations

import json

import numpy as np
import pytest
from scipy.optimize import brentq

from cardiotwin.exceptions import ConfigError, SolverError


def _beam(comm, level, **kw):
    from cardiotwin.studies.mechbench import BenchSetup, build_problem

    return build_problem(comm, BenchSetup(problem=1, refine=level, **kw))


@pytest.mark.mpi
@pytest.mark.parametrize("traction_kPa", [3.0, 8.0])
def test_uniaxial_extension_matches_analytic(unit_cube_problem, traction_kPa):
    """Incompressible neo-Hookean cube pulled by a follower traction T (a negative
    pressure): the Cauchy stress is T, so mu (lam² - 1/lam) = T."""
    from cardiotwin.mechanics import LoadPath, NeoHookean, solve_load_path

    mu = 5.0
    prob = unit_cube_problem(NeoHookean(mu_kPa=mu))
    solve_load_path(prob, LoadPath(pressures_kPa={"face": -traction_kPa}, steps=2))
    lam = brentq(lambda s: mu * (s**2 - 1.0 / s) - traction_kPa, 1.0, 5.0)
    corner = prob.point_position([1.0, 1.0, 1.0])
    np.testing.assert_allclose(corner, [lam, lam**-0.5, lam**-0.5], rtol=1e-8)
    # exact incompressibility: the deformed cube keeps its volume
    assert np.prod(corner) == pytest.approx(1.0, rel=1e-8)
    prob.close()


@pytest.mark.mpi
def test_nearly_incompressible_uniaxial_approaches_incompressible(unit_cube_problem):
    from cardiotwin.mechanics import LoadPath, MechanicsConfig, NeoHookean, solve_load_path

    mu, T = 5.0, 3.0
    lam = brentq(lambda s: mu * (s**2 - 1.0 / s) - T, 1.0, 5.0)
    out = []
    for kappa in (1e3, 1e4):
        prob = unit_cube_problem(NeoHookean(mu_kPa=mu), config=MechanicsConfig(
            incompressibility="nearly-incompressible", bulk_modulus_kPa=kappa))
        solve_load_path(prob, LoadPath(pressures_kPa={"face": -T}, steps=2))
        out.append(prob.point_position([1.0, 1.0, 1.0])[0])
        prob.close()
    err = [abs(x - lam) for x in out]
    assert err[1] < err[0] < 2e-2 * lam
    assert err[0] / err[1] > 5  # O(mu/kappa)


@pytest.mark.mpi
def test_land_problem1_coarse(comm):
    """Problem 1 on the coarsest grid (10x1x1 boxes, P2/P1): within 3 % of 4.17 mm."""
    from cardiotwin.mechanics import LoadPath, solve_load_path
    from cardiotwin.studies.mechbench import BEAM_POINT

    prob, targets = _beam(comm, 0)
    res = solve_load_path(prob, LoadPath(steps=4, **targets))
    z = prob.point_position(BEAM_POINT)[2]
    assert z == pytest.approx(4.17, rel=0.03)
    assert len(res.newton_iterations) >= 4
    prob.close()


@pytest.mark.slow
@pytest.mark.mpi
def test_land_problem1_fine(comm):
    """Problem 1 at 40x4x4 boxes: within 0.5 % of 4.17 mm."""
    from cardiotwin.mechanics import LoadPath, solve_load_path
    from cardiotwin.studies.mechbench import BEAM_POINT

    prob, targets = _beam(comm, 2)
    solve_load_path(prob, LoadPath(steps=4, **targets))
    assert prob.point_position(BEAM_POINT)[2] == pytest.approx(4.17, rel=0.005)
    prob.close()


@pytest.mark.mpi
def test_serial_and_parallel_agree(comm):
    """The same beam solved on all ranks and on each rank alone: same position (under
    mpiexec -n 2 this compares a 2-rank with a 1-rank solve)."""
    from mpi4py import MPI

    from cardiotwin.mechanics import LoadPath, solve_load_path
    from cardiotwin.studies.mechbench import BEAM_POINT

    z = {}
    for name, c in (("world", comm), ("self", MPI.COMM_SELF)):
        prob, targets = _beam(c, 0)
        solve_load_path(prob, LoadPath(steps=4, **targets))
        z[name] = prob.point_position(BEAM_POINT)
        prob.close()
    np.testing.assert_allclose(z["world"], z["self"], rtol=1e-9, atol=1e-10)


@pytest.mark.mpi
def test_volume_constrained_recovers_pressure(comm):
    """Impose the volume a pressure-driven solve produced: the multiplier is that
    pressure and the displacement is the same.  Covers the bordered SNES in parallel."""
    from cardiotwin.mechanics import (
        Cavity,
        FixedBoundary,
        Guccione,
        LoadPath,
        MechanicsConfig,
        MechanicsProblem,
        solve_load_path,
    )
    from cardiotwin.studies.mechbench import ELLIPSOID_TAGS, ellipsoid_mesh

    mesh, ft = ellipsoid_mesh(comm, 2.5)

    def make():
        return MechanicsProblem(mesh, Guccione(C_kPa=10.0, b_f=1.0, b_t=1.0, b_fs=1.0),
                                facet_tags=ft, boundaries=[FixedBoundary(3)],
                                cavities=[Cavity("lv", ELLIPSOID_TAGS["endocardium"], 3)],
                                config=MechanicsConfig(stabilisation_kPa=100.0))

    p_target = 1.5
    a = make()
    solve_load_path(a, LoadPath(pressures_kPa={"lv": p_target}, steps=2))
    v = a.volume("lv")
    u_a = a.displacement().x.array.copy()
    a.close()

    b = make()
    res = solve_load_path(b, LoadPath(volumes_mm3={"lv": v}, steps=2))
    assert b.mode("lv") == "volume"
    assert b.volume("lv") == pytest.approx(v, rel=1e-9)
    assert b.pressure("lv") == pytest.approx(p_target, rel=1e-6)
    np.testing.assert_allclose(b.displacement().x.array, u_a, atol=1e-6)
    assert all(r.iterations <= 8 for r in res.records)
    # back to pressure control from the constrained state
    b.set_pressure("lv", p_target)
    assert b.solve().iterations <= 2
    b.close()


@pytest.mark.mpi
def test_newton_failure_is_loud_and_writes_nothing_converged(comm, tmp_path_factory):
    """An absurd pressure on the beam: LoadStepError naming the step, PETSc's reason and
    the residual history; the output folder says converged: false."""
    from cardiotwin.mechanics import LoadPath, LoadStepError, MechanicsWriter, solve_load_path

    out = tmp_path_factory.mktemp("fail") if comm.rank == 0 else None
    out = comm.bcast(str(out) if out else None, root=0)
    prob, _ = _beam(comm, 0)
    writer = MechanicsWriter(prob, out, vtx=False)
    path = LoadPath(pressures_kPa={"load": 50.0}, steps=1, max_cuts=2)
    with pytest.raises(LoadStepError) as info:
        try:
            solve_load_path(prob, path, on_step=writer.write)
        except LoadStepError as exc:
            writer.fail(exc)
            raise
    msg = str(info.value)
    assert "load step 1/1" in msg
    assert "residual norms [" in msg
    assert "DIVERGED" in msg
    assert "Try:" in msg
    assert isinstance(info.value, SolverError)
    assert info.value.result.records == [] or all(
        r.fraction < 1.0 for r in info.value.result.records)
    # the problem is back at its last converged state (here: unloaded)
    assert prob.pressure("load") == pytest.approx(0.0)
    assert np.all(prob.w.x.array == 0.0)
    if comm.rank == 0:
        with open(f"{out}/summary.json") as fh:
            summary = json.load(fh)
        assert summary["converged"] is False
        assert "load step 1/1" in summary["error"]
    prob.close()


def test_bad_configuration_is_rejected_early():
    from cardiotwin.mechanics import (
        ActiveStress,
        Cavity,
        LoadPath,
        MechanicsConfig,
        SpringBoundary,
    )

    with pytest.raises(ConfigError, match="incompressibility"):
        MechanicsConfig(incompressibility="rubber")
    with pytest.raises(ConfigError, match="inf-sup"):
        MechanicsConfig(displacement_degree=1, pressure_degree=1)
    with pytest.raises(ConfigError, match="stiffness_kPa_per_mm"):
        SpringBoundary(3, -1.0)
    with pytest.raises(ConfigError, match="transverse_fraction"):
        ActiveStress(transverse_fraction=1.5)
    with pytest.raises(ConfigError, match="both"):
        LoadPath(pressures_kPa={"lv": 1.0}, volumes_mm3={"lv": 10.0})
    with pytest.raises(ConfigError, match="name"):
        Cavity("left ventricle", 1)



@pytest.mark.mpi
def test_stiffness_scale_and_contractility_multiply_the_stresses(unit_cube_problem):
    """Incompressible neo-Hookean cube, free on x = 1: a stiffness scale s acts as the
    shear modulus s mu under a traction, mu s (lam² - 1/lam) = T; a contractility c under
    a uniform fibre tension Ta (fibres along x) shortens it to mu (lam² - 1/lam) =
    -c Ta lam² (sigma_xx = 0, sigma_yy = mu/lam - p = 0)."""
    from cardiotwin.mechanics import ActiveStress, LoadPath, NeoHookean, solve_load_path

    mu, T, s = 5.0, 4.0, 2.0
    prob = unit_cube_problem(NeoHookean(mu_kPa=mu), cell_constants={"stiffness_scale": s})
    solve_load_path(prob, LoadPath(pressures_kPa={"face": -T}, steps=2))
    lam = brentq(lambda x: s * mu * (x**2 - 1.0 / x) - T, 1.0, 5.0)
    assert prob.point_position([1.0, 1.0, 1.0])[0] == pytest.approx(lam, rel=1e-8)
    prob.close()

    ta, c = 6.0, 0.5
    shortening = []
    for constants in ({}, {"contractility": c}):
        prob = unit_cube_problem(NeoHookean(mu_kPa=mu), fibres="constant",
                                 active=ActiveStress(), cell_constants=constants)
        solve_load_path(prob, LoadPath(active_tension_kPa=ta, steps=4))
        shortening.append(prob.point_position([1.0, 1.0, 1.0])[0])
        prob.close()
    for got, cta in zip(shortening, (ta, c * ta), strict=True):
        lam = brentq(lambda x, cta=cta: mu * (x**2 - 1.0 / x) + cta * x**2, 0.3, 1.0)
        assert got == pytest.approx(lam, rel=1e-8)
    assert shortening[0] < shortening[1] < 1.0


def test_cell_factors_are_checked(unit_cube_problem):
    from dolfinx import fem

    from cardiotwin.mechanics import NeoHookean

    nh = NeoHookean(mu_kPa=5.0)
    with pytest.raises(ConfigError, match="stiffness_scale: values must be finite and > 0"):
        unit_cube_problem(nh, cell_constants={"stiffness_scale": 0.0})
    with pytest.raises(ConfigError, match="contractility: values must be finite and >= 0"):
        unit_cube_problem(nh, fibres="constant", cell_constants={"contractility": -1.0})
    with pytest.raises(ConfigError, match="contractility given without active stress"):
        unit_cube_problem(nh, fibres="constant", cell_constants={"contractility": 1.0})
    with pytest.raises(ConfigError, match="mechanics mesh"):
        unit_cube_problem(nh, stiffness_scale=np.ones(3))
    prob = unit_cube_problem(nh)
    with pytest.raises(ConfigError, match="mechanics mesh"):  # another mesh's field
        unit_cube_problem(nh, stiffness_scale=fem.Function(
            fem.functionspace(prob.mesh, ("DG", 0))))
    prob.close()


def test_a_cavity_without_base_must_be_closed(unit_cube_problem):
    """Without a base tag the volume integral closes the surface itself, which is only
    right for a closed surface: constraining the volume of the open face x = 1 is
    refused by name."""
    from cardiotwin.exceptions import MeshError
    from cardiotwin.mechanics import Cavity, NeoHookean

    prob = unit_cube_problem(NeoHookean(mu_kPa=5.0), cavity=Cavity("face", 4, None))
    prob.set_pressure("face", -1.0)  # a traction needs no closed surface
    with pytest.raises(MeshError, match="cavity 'face' has no base and its endocardium "
                                        r"\(tag 4\) is not a closed surface"):
        prob.set_volume("face", 1.0)
    prob.close()
