"""Pacing capture in tissue: the monodomain trial behind strength–duration curves.

:func:`tissue_capture_trial` returns a ``captures(amplitude, pulse_ms) -> bool`` that runs
the monodomain model from rest with one pulse of a lead; the threshold search and the
Weiss/Lapicque fits are in :mod:`cardiotwin.analysis.strength_duration`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.devices import FixedRate, Pacemaker, PacingLead


def tissue_capture_trial(mesh: Any, lead: PacingLead, *, model: Any = "tp06-epi",
                         conductivity: Any = None, fibres: Any = None,
                         dt_ms: float = 0.02, window_ms: float = 20.0,
                         capture_distance_mm: float | None = None,
                         activation_threshold_mV: float = -20.0,
                         ) -> Callable[[float, float], bool]:
    """``captures(amplitude, pulse_ms) -> bool`` running the monodomain model on ``mesh``.

    Each call starts from rest, delivers one pulse of ``lead`` (amplitude in the lead's
    unit) at t = 1 ms and reports capture if tissue farther than
    ``capture_distance_mm`` (default: 3 electrode radii) from the cathode activates
    within ``window_ms``.  Collective.
    """
    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig

    sigma = conductivity or Conductivity.isotropic(0.2)
    dist = capture_distance_mm if capture_distance_mm is not None else 3.0 * lead.radius_mm

    def captures(amplitude: float, pulse_ms: float) -> bool:
        pm = Pacemaker((lead.with_pulse(amplitude, pulse_ms),),
                       FixedRate(period_ms=1e6, start_ms=1.0, number=1))
        cfg = MonodomainConfig(dt_ms=dt_ms, activation_threshold=activation_threshold_mV)
        sim = Monodomain(mesh, model, sigma, cfg,
                         fibres=fibres, stimuli=pm.stimuli(mesh))
        pm.attach(sim)
        x = sim.owned_vertex_coordinates()
        far = np.linalg.norm(x - np.asarray(pm.electrode_sites[0][0]), axis=1) >= dist
        if sim.comm.allreduce(int(far.sum())) == 0:
            raise ConfigError(f"no tissue farther than {dist} mm from the electrode: enlarge "
                              "the mesh or lower capture_distance_mm")
        ok = False
        while sim.t < window_ms + 1.0 and not ok:
            sim.run(min(sim.t + 2.0, window_ms + 1.0))
            hit = int(np.any(np.isfinite(sim.tracker.first_activation[far])))
            ok = sim.comm.allreduce(hit) > 0
        return ok

    return captures
