"""Programmed stimulation protocol and re-entry detection on synthetic signals."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.analysis.reentry import (
    cycle_length_from_events,
    detect_reentry,
    dominant_period_ms,
    earliest_activation_per_cycle,
)
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import Sphere
from cardiotwin.scenarios.induction import ProgrammedStimulation


def test_protocol_timing():
    p = ProgrammedStimulation(Sphere((0, 0, 0), 1.0), s1_period_ms=400, n_s1=3,
                              s2_couplings_ms=(300, 250), s3_coupling_ms=200, start_ms=10)
    assert p.last_s1_ms == 810
    st = p.stimulus(250)
    starts = sorted(s for pr in st.protocols for s in pr.pulse_starts_ms())
    assert starts == [10, 410, 810, 1060, 1260]
    assert p.last_stimulus_end_ms(250) == 1262


@pytest.mark.parametrize("couplings", [(200, 250), (), (1.0,)])
def test_protocol_rejects_bad_couplings(couplings):
    with pytest.raises(ConfigError):
        ProgrammedStimulation(Sphere((0, 0, 0), 1.0), s2_couplings_ms=couplings)


def test_detect_reentry_synthetic():
    t = np.arange(0, 2000, 1.0)
    cl = 230.0
    sustained = 0.3 + 0.2 * np.sin(2 * np.pi * t / cl)
    decaying = np.where(t < 700, 0.3, 0.0)
    ok, last = detect_reentry(t, sustained, last_stimulus_ms=500, persist_ms=1000)
    assert ok and last == t[-1]
    ok, last = detect_reentry(t, decaying, last_stimulus_ms=500, persist_ms=1000)
    assert not ok and last == 699
    assert dominant_period_ms(t, sustained) == pytest.approx(cl, rel=0.01)


def test_cycle_length_and_earliest_site_of_a_synthetic_circuit():
    """A wave circulating on a ring: 30 vertices at 5 ms spacing, then a slow isthmus of 6
    vertices at 20 ms spacing leading back to vertex 0 (the exit).  CL = 150 + 120 ms."""
    n = 36
    ang = np.linspace(0, 2 * np.pi, n, endpoint=False)
    xyz = np.c_[np.cos(ang), np.sin(ang), np.zeros(n)]
    offs = np.concatenate([5.0 * np.arange(30), 150.0 + 20.0 * np.arange(6)])
    cl = 270.0
    vid = np.tile(np.arange(n), 4)
    tt = np.concatenate([100.0 + c * cl + offs for c in range(4)])
    assert cycle_length_from_events(vid, tt) == pytest.approx(cl)
    sites = earliest_activation_per_cycle(tt, xyz[vid], cl)
    assert len(sites) >= 2  # complete windows only
    for t0, x, y, _ in sites:
        assert np.hypot(x - 1.0, y) < 1e-9  # the exit vertex (angle 0)
        assert (t0 - 100.0) % cl == pytest.approx(0.0, abs=1e-9)
