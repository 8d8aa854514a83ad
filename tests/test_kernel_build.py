"""The build produced working compiled kernels (checked against an independent solve)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import solve_ivp

ap = pytest.importorskip("cardiotwin._kernels.ionic.aliev_panfilov")


def _paper_rhs(t, y, i_stim_uA_per_uF):
    """Aliev & Panfilov 1996 in dimensional form (V = 100u - 80 mV, t = 12.9 t_AU ms)."""
    k, a, eps0, mu1, mu2 = 8.0, 0.15, 0.002, 0.2, 0.3
    u = (y[0] + 80.0) / 100.0
    w = y[1]
    eps = eps0 + mu1 * w / (u + mu2)
    dudt = (-k * u * (u - a) * (u - 1.0) - u * w) / 12.9
    dwdt = eps * (-w - k * u * (u - a - 1.0)) / 12.9
    return [100.0 * dudt - i_stim_uA_per_uF(t), dwdt]


def _run_kernel(n_cells: int, dt: float, t_end: float, workers: int = 1):
    states = np.ascontiguousarray(
        np.repeat(np.asarray(ap.INITIAL_STATES, float)[:, None], n_cells, axis=1))
    params = np.ascontiguousarray(
        np.repeat(np.asarray(ap.PARAM_DEFAULTS, float)[:, None], n_cells, axis=1))
    stim = np.zeros(n_cells)
    n = round(t_end / dt)
    trace = np.empty(n + 1)
    trace[0] = states[0, 0]
    for i in range(n):
        t = i * dt
        stim[:] = -52.0 if t < 1.0 else 0.0
        ap.step(states, params, stim, t, dt, workers)
        trace[i + 1] = states[0, 0]
    return states, trace


def test_aliev_panfilov_matches_scipy_reference():
    dt, t_end = 0.005, 400.0
    _, trace = _run_kernel(1, dt, t_end)
    t = np.arange(trace.size) * dt
    ref = solve_ivp(_paper_rhs, (0.0, t_end), [-80.0, 0.0], args=(lambda s: -52.0 if s < 1 else 0,),
                    method="LSODA", rtol=1e-9, atol=1e-9, t_eval=t, max_step=0.5)
    assert ref.success
    assert trace.max() > 10.0  # an action potential fired
    # upstroke timing differs by a step at most; compare the repolarisation time at -60 mV
    def t_repol(v):
        above = np.nonzero(v > -60.0)[0]
        return t[above[-1]]
    assert abs(t_repol(trace) - t_repol(ref.y[0])) < 1.0  # ms, forward Euler at dt=0.005
    assert np.sqrt(np.mean((trace - ref.y[0]) ** 2)) < 2.0  # mV


def test_threads_and_cell_count_do_not_change_the_answer():
    one, _ = _run_kernel(1, 0.02, 50.0, workers=1)
    many, _ = _run_kernel(1001, 0.02, 50.0, workers=2)
    np.testing.assert_array_equal(many, np.repeat(one, 1001, axis=1))
