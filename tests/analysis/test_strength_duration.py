"""Strength–duration laws and threshold search on synthetic data; capture in TP06 tissue."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.analysis.ecg import qrs_duration_ms
from cardiotwin.analysis.strength_duration import (
    capture_threshold,
    fit_strength_duration,
    strength_duration,
)
from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.devices import PacingLead


def test_strength_duration_fits_recover_known_laws():
    d = np.array([0.1, 0.2, 0.5, 1.0, 2.0, 5.0])
    weiss = 2.0 * (1 + 0.7 / d)
    fit = fit_strength_duration(d, weiss, law="weiss")
    assert fit.rheobase == pytest.approx(2.0) and fit.chronaxie_ms == pytest.approx(0.7)
    tau = 1.5
    lap = 3.0 / (1 - np.exp(-d / tau))
    fit = fit_strength_duration(d, lap, law="lapicque")
    assert fit.rheobase == pytest.approx(3.0, rel=1e-4)
    assert fit.chronaxie_ms == pytest.approx(tau * np.log(2), rel=1e-4)


def test_bisection_finds_a_step():
    thr = capture_threshold(lambda a: a >= 1.2345, 0.0, 10.0, rel_tol=1e-4)
    assert thr == pytest.approx(1.2345, rel=2e-4) and thr >= 1.2345
    with pytest.raises(ConfigError, match="upper"):
        capture_threshold(lambda a: False, 0.0, 1.0)


def test_qrs_duration_of_a_synthetic_complex():
    t = np.linspace(0, 100, 1001)
    e = np.exp(-(((t - 50) / 5.0) ** 2))
    q = qrs_duration_ms(t, e)
    assert 15 < q < 30


def _tp06_trial(comm):
    import dolfinx.mesh

    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.studies.strength_duration import tissue_capture_trial

    mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([3.0, 3.0, 0.5])], [12, 12, 2],
                                   dolfinx.mesh.CellType.hexahedron)
    lead = PacingLead("tip", (1.5, 1.5, 0.25), radius_mm=0.5, unit="mA")
    return tissue_capture_trial(mesh, lead, model="tp06-epi",
                                conductivity=Conductivity.isotropic(0.2), dt_ms=0.02,
                                window_ms=10.0, capture_distance_mm=1.25)


@pytest.mark.mpi
def test_tp06_capture_threshold_falls_with_pulse_width(comm, dolfinx):
    """Two pulse widths, coarse bisection: the longer pulse captures at a lower current."""
    trial = _tp06_trial(comm)
    assert not trial(1e-4, 1.0)
    assert trial(1.0, 1.0)
    thr = strength_duration(trial, [0.5, 2.0], low=0.0, high=1.0, rel_tol=0.1)
    assert thr[0] > 1.2 * thr[1], thr


@pytest.mark.slow
@pytest.mark.mpi
def test_tp06_strength_duration_and_capture(comm, dolfinx):
    """Tissue thresholds fall with pulse width; Weiss fit; chronaxie 0.1-5 ms (Geddes 2004)."""
    trial = _tp06_trial(comm)
    widths = np.array([0.25, 0.5, 1.0, 2.0])
    thr = strength_duration(trial, widths, low=0.0, high=1.0, rel_tol=0.04)
    assert np.all(np.diff(thr) < 0), thr
    fit = fit_strength_duration(widths, thr, law="weiss")
    assert 0.05 < fit.chronaxie_ms < 5.0, fit
    assert fit.rms_relative_error < 0.1, fit
