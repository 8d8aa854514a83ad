"""Verification of the diffusion part of the monodomain solver against an analytic solution.

With a passive membrane (I_ion = 0) the monodomain equation is the heat equation
``dV/dt = D ΔV``, ``D = sigma / (chi Cm)``.  On the unit cube with no-flux boundaries
``V = exp(-3 pi² D t) cos(pi x) cos(pi y) cos(pi z)`` is exact.  We check the spatial
order (P1: L2 error ~ h²) with consistent and lumped mass, and the temporal order of
Crank–Nicolson (2) and backward Euler (1).
"""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.ep.conductivity import Conductivity
from cardiotwin.ep.monodomain import IonicRegion, Monodomain, MonodomainConfig

SIGMA = 0.14  # S/m -> D = 0.14 / (140 * 0.01) = 0.1 mm²/ms
D = SIGMA / 1.4


class PassiveKernel:
    """dV/dt = -I_stim: no ionic current (a kernel with the cardiotwin step signature)."""

    @staticmethod
    def step(states, params, i_stim, t, dt, workers=1):
        states[0, :] -= dt * np.asarray(i_stim)


class Passive:
    name = "passive"
    kernel = PassiveKernel
    param_names = ()
    state_names = ("V",)

    def initial_states(self, n):
        return np.zeros((1, n))

    def default_params(self, n):
        return np.zeros((0, n))


def exact(x, t):
    return (np.exp(-3 * np.pi**2 * D * t) * np.cos(np.pi * x[:, 0]) * np.cos(np.pi * x[:, 1])
            * np.cos(np.pi * x[:, 2]))


def l2_error(n, dt, t_end, *, lumped, theta, comm, dolfinx):
    import dolfinx.mesh
    import ufl

    mesh = dolfinx.mesh.create_unit_cube(comm, n, n, n, dolfinx.mesh.CellType.hexahedron)
    sim = Monodomain(mesh, [IonicRegion(Passive())], Conductivity.isotropic(SIGMA),
                     MonodomainConfig(dt_ms=dt, theta=theta, lumped_mass=lumped))
    x = sim.dof_coords
    sim.v.x.array[:] = exact(x, 0.0)
    sim.run(t_end)
    V2 = dolfinx.fem.functionspace(mesh, ("Lagrange", 3))
    ue = dolfinx.fem.Function(V2)
    ue.interpolate(lambda X: exact(X.T, sim.t))
    sim.v.x.scatter_forward()
    err = dolfinx.fem.form((sim.v - ue) ** 2 * ufl.dx)
    return np.sqrt(comm.allreduce(dolfinx.fem.assemble_scalar(err)))


@pytest.mark.mpi
@pytest.mark.parametrize("lumped", [False, True])
def test_spatial_convergence_is_second_order(lumped, comm, dolfinx):
    errors = [l2_error(n, 0.01, 1.0, lumped=lumped, theta=0.5, comm=comm, dolfinx=dolfinx)
              for n in (4, 8, 16)]
    rates = np.log2(np.array(errors[:-1]) / np.array(errors[1:]))
    assert np.all(rates > 1.8), (errors, rates)


@pytest.mark.parametrize(("theta", "order"), [(0.5, 2.0), (1.0, 1.0)])
def test_temporal_convergence(theta, order, comm, dolfinx):
    # fixed mesh; compare against a much finer time step on the same mesh
    kw = dict(lumped=False, theta=theta, comm=comm, dolfinx=dolfinx)
    import dolfinx.mesh

    def solution(dt):
        mesh = dolfinx.mesh.create_unit_cube(comm, 6, 6, 6, dolfinx.mesh.CellType.hexahedron)
        sim = Monodomain(mesh, [IonicRegion(Passive())], Conductivity.isotropic(SIGMA),
                         MonodomainConfig(dt_ms=dt, theta=kw["theta"], lumped_mass=False))
        sim.v.x.array[:] = exact(sim.dof_coords, 0.0)
        sim.run(2.0)
        return sim.v.x.array[: sim.n_owned].copy()

    ref = solution(0.003125)
    errs = [np.sqrt(comm.allreduce(float(np.sum((solution(dt) - ref) ** 2))))
            for dt in (0.1, 0.05, 0.025)]
    rates = np.log2(np.array(errs[:-1]) / np.array(errs[1:]))
    assert np.all(np.abs(rates - order) < 0.25), (errs, rates)
