"""ActivationTracker on analytic, piecewise-linear action potentials."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.ep.activation import ActivationTracker


def _trace(t: np.ndarray, foot: float) -> np.ndarray:
    """Rest -85 mV; a slow electrotonic foot to ``foot`` mV over 10..12 ms; upstroke to
    +30 mV at 12..12.5 ms; plateau; linear repolarisation from +30 at 100 ms to -85 at
    300 ms; rest again."""
    return np.interp(t, [0.0, 10.0, 12.0, 12.5, 100.0, 300.0, 400.0],
                     [-85.0, -85.0, foot, 30.0, 30.0, -85.0, -85.0])


def test_apd90_uses_diastolic_potential_not_the_foot():
    dt = 0.01
    t = np.arange(0.0, 400.0 + dt / 2, dt)
    feet = np.array([-85.0, -70.0, -50.0])  # no foot, and two tissue-like feet
    v = np.stack([_trace(t, f) for f in feet], axis=1)
    tr = ActivationTracker(threshold=-20.0, n=len(feet))
    for k in range(1, len(t)):
        tr.update(v[k - 1], v[k], t[k - 1], t[k])
    # analytic: activation where the upstroke crosses -20 mV, repolarisation where the
    # ramp reaches 30 - 0.9 * 115 = -73.5 mV
    t_act = 12.0 + 0.5 * (-20.0 - feet) / (30.0 - feet)
    t_rep = 100.0 + 200.0 * (30.0 + 73.5) / 115.0
    np.testing.assert_allclose(tr.first_activation, t_act, atol=1e-9)
    np.testing.assert_allclose(tr.v_rest, -85.0)
    np.testing.assert_allclose(tr.repolarisation, t_rep, atol=1e-9)
    np.testing.assert_allclose(tr.apd90, t_rep - t_act, atol=1e-9)


def test_second_beat_and_state_round_trip():
    dt = 0.05
    t = np.arange(0.0, 800.0 + dt / 2, dt)
    v1 = _trace(t, -60.0) + _trace(t - 400.0, -60.0) + 85.0  # two beats 400 ms apart
    tr = ActivationTracker(threshold=-20.0, n=1)
    half = len(t) // 2 + 100
    for k in range(1, half):
        tr.update(v1[k - 1:k], v1[k:k + 1], t[k - 1], t[k])
    saved = {k: np.copy(a) for k, a in tr.state().items()}
    tr2 = ActivationTracker(threshold=-20.0, n=1)
    tr2.restore(saved)
    for k in range(half, len(t)):
        tr2.update(v1[k - 1:k], v1[k:k + 1], t[k - 1], t[k])
    assert tr2.n_activations[0] == 2
    t_act2 = 400.0 + 12.0 + 0.5 * 40.0 / 90.0
    np.testing.assert_allclose(tr2.last_activation, t_act2, atol=1e-9)
    np.testing.assert_allclose(tr2.apd90, 100.0 + 200.0 * 103.5 / 115.0 - 12.0
                               - 0.5 * 40.0 / 90.0, atol=1e-9)


@pytest.mark.mpi
def test_nearest_vertex_ties_do_not_depend_on_the_partition(comm):
    from cardiotwin.ep.monodomain import nearest_owned_vertex

    # a 0.2 mm grid dealt out round robin over the ranks; the point is equidistant from
    # four vertices, and the one with the smallest coordinates must win on any partition
    g = np.stack(np.meshgrid(*(np.arange(0.0, 1.01, 0.2),) * 3, indexing="ij"), -1)
    allx = g.reshape(-1, 3)
    mine = allx[comm.rank::comm.size]
    owner, i = nearest_owned_vertex(comm, mine, (0.5, 0.3, 0.6))
    chosen = comm.bcast(mine[i] if comm.rank == owner else None, root=owner)
    np.testing.assert_allclose(chosen, [0.4, 0.2, 0.6])
    assert (i >= 0) == (comm.rank == owner)
