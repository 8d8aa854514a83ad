"""The one pacing loop (``simulate.pace_cells``): its views agree, failures say so."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.ionic import get_model
from cardiotwin.ionic.protocol import Protocol
from cardiotwin.ionic.simulate import PacingProtocol, pace, pace_cells
from cardiotwin.studies.drug_trial import TrialProtocol, pace_population


def test_single_cell_and_population_views_are_one_loop():
    """pace() (every step, one cell) and pace_population() (sampled, qNet currents) step
    the same cells at the same times: the same V, bit for bit."""
    m = get_model("tp06-epi")
    r = pace(m, PacingProtocol(bcl_ms=500.0, beats=2, dt_ms=0.02, use_lut=True))
    beat = pace_population(m, m.default_params(3), TrialProtocol(
        bcl_ms=500.0, beats=2, dt_ms=0.02, sample_every=5, use_lut=True))
    assert np.array_equal(beat.v_mV[:, 0], r.v[::5])
    assert np.array_equal(beat.v_mV[:, 2], r.v[::5])
    assert beat.apd90_ms[0] == pytest.approx(r.biomarkers.apd90_ms, abs=0.1)


def test_protocol_for_model_is_the_models_stimulus():
    m = get_model("ord-endo")
    p = Protocol.for_model(m, period_ms=1000.0, number=3)
    assert (p.amplitude, p.duration_ms, p.start_ms, p.number) == (80.0, 0.5, 0.0, 3)
    assert Protocol.for_model(m, period_ms=1000.0, number=1, amplitude_hh=0.0).amplitude == 0
    with pytest.raises(ConfigError, match="hyperpolarising"):
        Protocol.for_model(m, period_ms=1000.0, number=1, amplitude_hh=5.0)


def test_pulse_count_is_respected():
    """Only ``number`` pulses: a train of one pulse leaves the second cycle at rest."""
    m = get_model("aliev-panfilov")
    one = Protocol.for_model(m, period_ms=400.0, number=1)
    beat = pace_cells(m, one, cycle_ms=400.0, cycles=2, dt_ms=0.02, record_cycles=2)
    v = beat.v[:, 0]
    half = len(v) // 2
    assert v[:half].max() > 0.0 and v[half + 50:].max() < -70.0


def test_unstable_cell_is_named_with_time_and_hint():
    m = get_model("aliev-panfilov")
    p = m.default_params(4)
    p[m.param_index("k"), 2] = 1e7  # cell 2 explodes on the first pulse
    with pytest.raises(SolverError, match=r"cell 2 .* at t = [0-9.]+ ms .*dt = 0.02 ms"):
        pace_cells(m, Protocol.for_model(m, period_ms=500.0, number=2), cycle_ms=500.0,
                   cycles=2, dt_ms=0.02, params=p)


def test_automatic_substeps_rescue_a_blow_up_and_equal_the_smaller_step():
    """Mitchell-Schaeffer leaves the physical range at dt = 2 ms; by default the cycle is
    taken again with two substeps, which is the run at dt = 1 ms sampled every 2 steps."""
    m = get_model("mitchell-schaeffer")
    train = Protocol.for_model(m, period_ms=500.0, number=2)
    with pytest.raises(SolverError, match="dt = 2 ms"):
        pace_cells(m, train, cycle_ms=500.0, cycles=2, dt_ms=2.0, substeps=1)
    auto = pace_cells(m, train, cycle_ms=500.0, cycles=2, dt_ms=2.0)
    fine = pace_cells(m, train, cycle_ms=500.0, cycles=2, dt_ms=1.0)
    assert auto.substeps == 2 and fine.substeps == 1
    assert np.array_equal(auto.states0, fine.states0[::2])
    assert np.array_equal(auto.t_ms, fine.t_ms[::2])
    with pytest.raises(ConfigError, match="substeps"):
        pace_cells(m, train, cycle_ms=500.0, cycles=2, dt_ms=2.0, substeps=0)


def test_unstable_population_is_an_error_not_nan():
    m = get_model("tp06-epi")
    with pytest.raises(SolverError, match="too large"):
        pace_population(m, m.default_params(2), TrialProtocol(
            bcl_ms=1000.0, beats=1, dt_ms=0.1, sample_every=10, use_lut=False,
            stim_amplitude=-5e4, stim_duration_ms=1.0))
