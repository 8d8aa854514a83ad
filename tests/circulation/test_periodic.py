"""The periodic state of a circulation driven by the ventricles of a recorded beat.

Reference: the closed loop's own 0-D ventricles (``p = E(t) (V - V0)``) stepped as the 3-D
coupling steps its cavities (the chamber of the step's end, linearised through the step's
start volumes).  They are linear in the volume, so the linearisation of any one of their
beats is exact everywhere: one recorded beat from the package's (far from periodic) start
must give the periodic state that running the model itself beat after beat reaches.
"""

import numpy as np
import pytest

pytest.importorskip("circulation")

from cardiotwin.circulation import ClosedLoopCirculation, ClosedLoopParameters
from cardiotwin.circulation.periodic import (
    LinearisedBeat,
    periodic_state,
    run_linearised_beat,
)
from cardiotwin.exceptions import ConfigError

DT = 2.0
CYCLE = 700.0
VENTRICLES = ("lv", "rv")


def _params():
    return ClosedLoopParameters(cycle_length_ms=CYCLE).scaled(0.25)


def _chambers(circ, t_ms):
    """The 0-D ventricles at ``t_ms`` as the coupling hands them over: pressures at the
    current volumes and elastance rows."""
    e = {v: circ.elastance_mmHg_per_mL(v, t_ms) for v in VENTRICLES}
    v0 = {"lv": circ.parameters.lv.V0_mL, "rv": circ.parameters.rv.V0_mL}
    p = {v: e[v] * (circ.ventricle_volume(v) - v0[v]) for v in VENTRICLES}
    return p, {v: {w: (e[v] if w == v else 0.0) for w in VENTRICLES} for v in VENTRICLES}, e


def _reference_beat(circ):
    """One beat of the reference, recorded like ``Electromechanics.traces``."""
    rows = {"time_ms": []}
    for v in VENTRICLES:
        rows[f"{v}_volume_mL"], rows[f"{v}_pressure_mmHg"] = [], []
        for w in VENTRICLES:
            rows[f"elastance_{v}_{w}_mmHg_per_mL"] = []

    def record():
        p, _, e = _chambers(circ, circ.t_ms)
        rows["time_ms"].append(circ.t_ms)
        for v in VENTRICLES:
            rows[f"{v}_volume_mL"].append(circ.ventricle_volume(v))
            rows[f"{v}_pressure_mmHg"].append(p[v])
            for w in VENTRICLES:
                rows[f"elastance_{v}_{w}_mmHg_per_mL"].append(e[v] if w == v else 0.0)

    record()
    for _ in range(round(CYCLE / DT)):
        t_end = circ.t_ms + DT
        start = {v: circ.ventricle_volume(v) for v in VENTRICLES}
        # the chamber of the step's end through the start volumes
        e = {v: circ.elastance_mmHg_per_mL(v, t_end) for v in VENTRICLES}
        v0 = {"lv": circ.parameters.lv.V0_mL, "rv": circ.parameters.rv.V0_mL}
        circ.step(DT, pressures_mmHg={v: e[v] * (start[v] - v0[v]) for v in VENTRICLES},
                  elastances_mmHg_per_mL=e, substeps=10)
        record()
    return rows


def test_the_linearised_beat_reproduces_the_recorded_beat():
    circ = ClosedLoopCirculation(_params())
    start = circ.snapshot()
    rows = _reference_beat(circ)
    end = circ.state.copy()
    beat = LinearisedBeat.from_traces(rows, VENTRICLES, 0.0, CYCLE)
    assert beat.steps == round(CYCLE / DT) and beat.dt_ms == pytest.approx(DT)
    circ.restore(start)
    run_linearised_beat(circ, beat)
    np.testing.assert_allclose(circ.state, end, rtol=1e-10, atol=1e-10)


def test_one_recorded_beat_gives_the_periodic_state_of_the_model():
    circ = ClosedLoopCirculation(_params())
    blood = circ.total_volume_mL()
    rows = _reference_beat(circ)  # beat 1, from the package's default state
    beat = LinearisedBeat.from_traces(rows, VENTRICLES, 0.0, CYCLE)
    after_one = circ.state.copy()
    found = periodic_state(circ, beat, rtol=1e-7, max_beats=400)
    np.testing.assert_array_equal(circ.state, after_one)  # left as it was
    assert found.converged and found.beats > 10
    # the reference itself, beat after beat
    ref = circ
    prev = ref.state.copy()
    beats = 0
    while beats < 400:
        beats += 1
        _reference_beat(ref)
        change = np.max(np.abs(ref.state - prev) / np.maximum(np.abs(prev), 1.0))
        prev = ref.state.copy()
        if change < 1e-7:
            break
    assert change < 1e-7 and beats > 10, "the reference did not need many beats"
    got = np.array([found.state[name] for name in ref.state_names])
    np.testing.assert_allclose(got, ref.state, rtol=1e-5, atol=1e-5)
    # the loop is far from where it started, and conserves blood
    assert np.max(np.abs(got - after_one) / np.maximum(np.abs(after_one), 1.0)) > 0.05
    probe = ClosedLoopCirculation(_params())
    probe.restore((0.0, got))
    assert probe.total_volume_mL() == pytest.approx(blood, rel=1e-12)


def test_a_beat_without_elastances_or_outside_the_traces_is_refused():
    circ = ClosedLoopCirculation(_params())
    rows = _reference_beat(circ)
    with pytest.raises(ConfigError, match="do not cover"):
        LinearisedBeat.from_traces(rows, VENTRICLES, 100.0, 100.0 + 2 * CYCLE)
    rows.pop("elastance_lv_rv_mmHg_per_mL")
    with pytest.raises(ConfigError, match="linearised cavities"):
        LinearisedBeat.from_traces(rows, VENTRICLES, 0.0, CYCLE)
