"""Pacing devices: schedules, demand pacing (VVI) sensing and escape pacing in tissue."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.devices import Biventricular, Pacemaker, PacingLead


def test_biventricular_schedule_and_pulse_windows():
    leads = (PacingLead("RV", (0, 0, 0), pulse_ms=1.0), PacingLead("LV", (5, 0, 0), pulse_ms=1.0))
    pm = Pacemaker(leads, Biventricular(period_ms=500, vv_delay_ms=-30, start_ms=10, number=2))
    assert pm.paced[0] == [40.0, 540.0] and pm.paced[1] == [10.0, 510.0]
    assert pm.pulse_on(1, 10.5) and not pm.pulse_on(1, 11.0) and not pm.pulse_on(0, 10.5)
    with pytest.raises(ConfigError):
        Pacemaker(leads[:1], Biventricular())


def _strip_with_vvi(comm, *, escape_ms, intrinsic_ms):
    """20 mm strip, VVI lead at x = 18 mm, optional intrinsic beat started at x = 0."""
    import dolfinx.mesh

    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import IonicRegion, Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.regions import Box
    from cardiotwin.ionic.phenomenological import MitchellSchaefferMV
    from cardiotwin.ionic.protocol import Protocol
    from cardiotwin.scenarios.devices import Demand

    mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([20.0, 2.0, 0.5])], [40, 4, 1],
                                   dolfinx.mesh.CellType.hexahedron)
    pm = Pacemaker((PacingLead("RV", (18.0, 1.0, 0.0), radius_mm=0.6, amplitude=100.0,
                               unit="uA/uF", pulse_ms=2.0),),
                   Demand(lower_rate_interval_ms=escape_ms, sense_threshold_mV=-40.0,
                          refractory_ms=10.0, start_ms=0.0))
    stimuli = list(pm.stimuli(mesh))
    if intrinsic_ms is not None:
        stimuli.append(Stimulus(Box((-1, -1, -1), (1.0, 3, 2)),
                                Protocol(start_ms=intrinsic_ms, duration_ms=2.0,
                                         amplitude=100.0), name="intrinsic"))
    sim = Monodomain(mesh, [IonicRegion(MitchellSchaefferMV())],
                     Conductivity.isotropic(0.75),
                     MonodomainConfig(dt_ms=0.05, activation_threshold=-40.0), stimuli=stimuli)
    pm.attach(sim)
    return pm, sim


@pytest.mark.mpi
def test_vvi_inhibits_when_intrinsic_activation_arrives_before_the_escape_interval(comm,
                                                                                     dolfinx):
    pm, sim = _strip_with_vvi(comm, escape_ms=120.0, intrinsic_ms=1.0)
    sim.run(100.0)
    # the intrinsic wave reaches the lead (18 mm away) long before 120 ms: sensed, no pulse
    t_lead = sim.value_at((18.0, 1.0, 0.0), sim.tracker.first_activation)
    assert 5.0 < t_lead < 100.0
    assert len(pm.sensed) == 1 and pm.sensed[0] == pytest.approx(t_lead, abs=0.1)
    sim.run(round(t_lead) + 115.0)
    # the escape interval restarts at the sensed event: no pulse at 120 ms, none before
    # t_lead + 120 ms
    assert pm.paced[0] == []
    sim.run(t_lead + 125.0)
    assert len(pm.paced[0]) == 1
    assert pm.paced[0][0] == pytest.approx(t_lead + 120.0, abs=0.1)


@pytest.mark.mpi
def test_vvi_paces_without_intrinsic_activation_and_captures(comm, dolfinx):
    pm, sim = _strip_with_vvi(comm, escape_ms=30.0, intrinsic_ms=None)
    sim.run(28.0)
    assert pm.paced[0] == [] and np.all(np.isnan(sim.tracker.first_activation))
    sim.run(80.0)
    # the escape interval elapsed at 30 ms: one pulse, which captures and propagates
    assert pm.paced[0][0] == pytest.approx(30.0, abs=0.06) and pm.sensed == []
    t_far = sim.value_at((2.0, 1.0, 0.0), sim.tracker.first_activation)
    assert 30.0 < t_far < 80.0
    # late intrinsic wave arrives at the lead after the escape interval: the device paced
    pm2, sim2 = _strip_with_vvi(comm, escape_ms=20.0, intrinsic_ms=15.0)
    sim2.run(25.0)
    assert len(pm2.paced[0]) == 1 and pm2.paced[0][0] == pytest.approx(20.0, abs=0.06)


def test_rapid_pacing_trains():
    from cardiotwin.exceptions import ConfigError
    from cardiotwin.geometry.regions import Sphere
    from cardiotwin.scenarios.induction import RapidPacing

    site = Sphere((0.0, 0.0, 0.0), 2.0)
    burst = RapidPacing(site, (150.0,), beats=4, start_ms=10.0)
    assert burst.pulse_times_ms().tolist() == [10.0, 160.0, 310.0, 460.0]
    assert burst.end_ms == 462.0
    dec = RapidPacing(site, (250.0, 200.0), beats=2, start_ms=0.0)
    assert dec.pulse_times_ms().tolist() == [0.0, 250.0, 500.0, 700.0]
    stim = dec.stimulus()
    # the stimulus is on exactly during the pulses
    for t, on in ((0.5, True), (2.5, False), (250.5, True), (450.0, False), (700.5, True),
                  (702.5, False)):
        assert (stim.amplitude_at(t, 140.0, 0.01) != 0.0) == on, t
    with pytest.raises(ConfigError, match="cycle_lengths_ms"):
        RapidPacing(site, (1.0,))
    with pytest.raises(ConfigError, match="beats"):
        RapidPacing(site, (150.0,), beats=0)
