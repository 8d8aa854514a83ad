"""Activation-map summaries: the percentile time is the same on every partition."""

from mpi4py import MPI

import numpy as np
import pytest

from cardiotwin.analysis.activation import activation_percentile_ms, activation_summary

pytestmark = pytest.mark.mpi


def _map():
    """1000 vertices activating at 5 + 0.02 i ms, one late outlier (200 ms) and 10 that
    never activate, dealt out over the ranks unevenly."""
    t = 5.0 + 0.02 * np.arange(1000)
    t[500] = 200.0
    t = np.concatenate([t, np.full(10, np.inf)])
    comm = MPI.COMM_WORLD
    cuts = np.linspace(0, t.size, comm.size + 1).astype(int)
    cuts[1:-1] = (cuts[1:-1] * 0.7).astype(int)
    return comm, t[cuts[comm.rank]:cuts[comm.rank + 1]], t


def test_percentile_ignores_the_outlier_that_sets_the_total_time():
    comm, mine, full = _map()
    done = full[np.isfinite(full)]
    p95 = activation_percentile_ms(comm, mine, 95.0)
    assert p95 == pytest.approx(np.percentile(done, 95) - 5.0, abs=1e-12)
    assert 18.0 < p95 < 19.1  # 95 % of 0..19.98 ms
    assert activation_summary(comm, mine).total_ms == pytest.approx(195.0)
    assert activation_percentile_ms(comm, mine, 100.0) == pytest.approx(195.0)
    assert np.isnan(activation_percentile_ms(comm, np.full(3, np.inf), 50.0))
    with pytest.raises(ValueError, match="percentage"):
        activation_percentile_ms(comm, mine, 120.0)
