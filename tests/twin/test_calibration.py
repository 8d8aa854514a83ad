"""SMC-ABC calibration: the sampler on a toy problem, recovery on a small analytic LV shell."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from cardiotwin.ep.eikonal import APTemplate, Velocities
from cardiotwin.exceptions import ConfigError
from cardiotwin.io.ecg import from_matrix
from cardiotwin.twin.calibration import (
    SMCSettings,
    Target,
    calibrate,
    run_smc,
    scaled_misfit,
    summarise,
)
from cardiotwin.twin.forward import TwinModel
from cardiotwin.twin.parameters import Prior, Repolarisation, Root
from cardiotwin.twin.synthetic import Noise

sys.path.insert(0, str(Path(__file__).parent))
from shell import shell_electrodes, shell_mesh


def test_smc_concentrates_on_the_truth_and_resumes(tmp_path):
    x0 = np.array([0.3, -0.7])

    def dist(x):
        return float(np.linalg.norm(x - x0)), 0.0

    s = SMCSettings(particles=40, max_generations=12, seed=3)
    res = run_smc(dist, [-1, -1], [1, 1], [False, False], s)
    assert res.eps_history[-1] < 0.1 * res.eps_history[0]
    assert np.all(np.abs(np.median(res.particles, axis=0) - x0) < 0.05)
    # resumable: a second run from the checkpoint of a 3-generation run
    part = run_smc(dist, [-1, -1], [1, 1], [False, False],
                   SMCSettings(particles=40, max_generations=3, seed=3), checkpoint=tmp_path)
    full = run_smc(dist, [-1, -1], [1, 1], [False, False], s, checkpoint=tmp_path)
    assert len(part.eps_history) == 3
    np.testing.assert_allclose(full.particles, res.particles)


def test_periodic_coordinates_wrap():
    """An angle near +-pi: the sampler reaches the truth across the seam."""
    def dist(x):
        d = (x[0] - np.pi * 0.97 + np.pi) % (2 * np.pi) - np.pi
        return abs(float(d)), 0.0

    res = run_smc(dist, [-np.pi], [np.pi], [True], SMCSettings(particles=30,
                                                              max_generations=8, seed=1))
    assert np.all(np.abs(np.abs(res.particles[:, 0]) - np.pi * 0.97) < 0.15)


def test_scaled_misfit_fits_the_gain():
    y = np.arange(10.0)
    d, g = scaled_misfit(y, 0.5 * y)
    assert d == pytest.approx(0.0, abs=1e-12) and g == pytest.approx(2.0)
    d, g = scaled_misfit(y, -y)
    assert g == 0.0 and d == pytest.approx(1.0)


@pytest.fixture(scope="module")
def shell_model():
    mesh, axes = shell_mesh()
    return TwinModel(mesh, axes, electrodes=shell_electrodes(),
                     template=APTemplate.analytic(apd_ms=260.0))


def _target(model, roots, vel, rep, *, seed=0, dt=1.0):
    t = np.arange(0.0, 520.0, dt)
    ecg = model.ecg(roots, vel, rep, t - 40.0)
    return Noise(sigma_mV=0.01, wander_mV=0.05, seed=seed).apply(from_matrix(t, ecg.matrix()))


def test_recovery_on_a_shell(shell_model):
    """A one-root patient made with the fast model (noise and wander added) is recovered:
    root within a few mm, the fibre velocity and the APD inside their 95 % intervals."""
    m = shell_model
    truth = (Root("lv", 0.55, 1.2, 0.0),)
    vel = Velocities(0.6, 0.35, 0.3, 1.2)
    rep = Repolarisation(250.0, 0.0, 0.0)
    tgt = Target.prepare(_target(m, truth, vel, rep))
    # sheet and normal velocities barely show in a 12-lead ECG: narrow priors keep the
    # test short; the root, fibre and endocardial velocities and the APD are free
    prior = Prior(n_roots=1, apd_ms=(180.0, 350.0), sheet=(0.3, 0.4), normal=(0.25, 0.35),
                  endo=(0.8, 2.5))
    post = calibrate(m, tgt, prior=prior, settings=SMCSettings(particles=40,
                                                               max_generations=6, seed=2))
    s = summarise(m, post, tgt)
    v_true = m.mesh.points[m.root_vertex(truth[0])]
    r = s["roots"][0]
    dist = np.linalg.norm(np.array([r["x_mm"], r["y_mm"], r["z_mm"]]) - v_true)
    assert dist < 8.0, dist
    lo, hi = s["cv_m_per_s"]["fibre_95"]
    assert lo <= 0.6 <= hi
    assert s["apd_ms_95"][0] <= 250.0 <= s["apd_ms_95"][1]
    assert s["apd_ms_95"][1] - s["apd_ms_95"][0] < 60.0
    # the precordial leads stand well above the noise (the limb leads of this small shell
    # are a few times the noise level)
    assert np.mean([s["ecg_correlation"][f"V{k}"] for k in range(1, 7)]) > 0.9


def test_target_rejects_bad_records(shell_model):
    m = shell_model
    good = _target(m, (Root("lv", 0.5, 0.0, 0.0),), Velocities(), Repolarisation(250.0))
    short = from_matrix(good.t_ms[:200], good.matrix()[:, :200])
    with pytest.raises(ConfigError, match="one whole beat"):
        Target.prepare(short)
    coarse = from_matrix(good.t_ms[::10], good.matrix()[:, ::10])
    with pytest.raises(ConfigError, match="sampled every 10 ms"):
        Target.prepare(coarse)


@pytest.mark.mpi
def test_smc_gives_the_same_answer_on_any_number_of_ranks(comm):
    """Evaluations shared over the ranks: the particles equal a one-process run's."""
    x0 = np.array([0.2, 0.4, -0.3])

    def dist(x):
        return float(np.linalg.norm(x - x0)), float(x[0])

    s = SMCSettings(particles=24, max_generations=4, seed=7)
    par = run_smc(dist, [-1] * 3, [1] * 3, [False] * 3, s, comm=comm)
    ser = run_smc(dist, [-1] * 3, [1] * 3, [False] * 3, s, comm=None)
    np.testing.assert_array_equal(par.particles, ser.particles)
    np.testing.assert_array_equal(par.extra, ser.extra)
    assert par.evaluations == ser.evaluations


@pytest.mark.mpi
def test_recovery_under_mpi(shell_model, comm):
    """The shell fit under MPI equals the serial one (same seed)."""
    m = shell_model
    tgt = Target.prepare(_target(m, (Root("lv", 0.5, 0.5, 0.0),), Velocities(0.6, 0.35, 0.3, 1.2),
                                 Repolarisation(250.0)))
    prior = Prior(n_roots=1, sheet=(0.3, 0.4), normal=(0.25, 0.35), endo=(0.8, 2.5))
    s = SMCSettings(particles=12, max_generations=2, seed=5)
    a = calibrate(m, tgt, prior=prior, settings=s, comm=comm)
    b = calibrate(m, tgt, prior=prior, settings=s, comm=None)
    np.testing.assert_allclose(a.activation, b.activation)
    np.testing.assert_allclose(a.repolarisation, b.repolarisation)


def test_ik_scaling_sets_the_single_cell_apd():
    from cardiotwin.twin.fullmodel import ik_changes, single_cell_apd

    a_low, a_one, a_high = (single_cell_apd(k) for k in (0.5, 1.0, 2.0))
    assert a_low > a_one + 10.0 > a_high + 20.0  # more I_K, shorter APD
    with pytest.raises(ConfigError, match="I_K scale"):
        ik_changes(0.0)
