"""Field outputs of a mechanics run against the analytic uniaxial state."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import brentq


@pytest.mark.mpi
def test_written_stress_and_strain_match_uniaxial_analytic(comm, unit_cube_problem,
                                                          tmp_path_factory):
    """Incompressible neo-Hookean cube pulled along x by a follower traction T: the
    state is homogeneous, the Cauchy stress is diag(T, 0, 0) (the hydrostatic pressure
    cancels the lateral stress), E = diag(λ² - 1, 1/λ - 1, 1/λ - 1)/2 with
    μ (λ² - 1/λ) = T, and along fibres f0 = e_x: E_ff = E_xx, σ_ff = T."""
    from cardiotwin.mechanics import LoadPath, MechanicsWriter, NeoHookean, solve_load_path

    mu, traction = 5.0, 4.0
    prob = unit_cube_problem(NeoHookean(mu_kPa=mu), fibres="constant")
    out = str(tmp_path_factory.mktemp("uniaxial")) if comm.rank == 0 else None
    out = Path(comm.bcast(out, root=0))
    writer = MechanicsWriter(prob, out, vtx=False)
    solve_load_path(prob, LoadPath(pressures_kPa={"face": -traction}, steps=2),
                    on_step=writer.write)
    writer.finish({})
    lam = brentq(lambda s: mu * (s**2 - 1.0 / s) - traction, 1.0, 5.0)
    fields = {fn.name: fn.x.array for fn, _ in writer._averages}
    assert set(fields) == {"E", "sigma", "E_ff", "sigma_ff"}
    sigma = fields["sigma"].reshape(-1, 3, 3)
    E = fields["E"].reshape(-1, 3, 3)
    np.testing.assert_allclose(sigma, np.broadcast_to(np.diag([traction, 0.0, 0.0]),
                                                      sigma.shape), atol=1e-7 * traction)
    E_exact = 0.5 * np.diag([lam**2 - 1.0, 1.0 / lam - 1.0, 1.0 / lam - 1.0])
    np.testing.assert_allclose(E, np.broadcast_to(E_exact, E.shape), atol=1e-8)
    np.testing.assert_allclose(fields["E_ff"], E_exact[0, 0], atol=1e-8)
    np.testing.assert_allclose(fields["sigma_ff"], traction, rtol=1e-7)
    if comm.rank == 0:
        text = (out / "mechanics.xdmf").read_text()
        for name in ("\"u\"", "\"E\"", "\"sigma\"", "\"E_ff\"", "\"sigma_ff\""):
            assert name in text
    prob.close()
