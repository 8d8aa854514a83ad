"""Synthetic patients: a 12-lead ECG made by the full monodomain model from known parameters.

The truth (root sites and times, velocities, APD) is recorded and kept out of the fit; the
ECG gets measurement noise and baseline wander like a clinical record.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.ep.ecg import PseudoECG
from cardiotwin.ep.velocity import VelocityCurve
from cardiotwin.exceptions import ConfigError
from cardiotwin.io.ecg import ECG12, LEADS
from cardiotwin.twin.forward import TwinModel
from cardiotwin.twin.fullmodel import full_model
from cardiotwin.twin.parameters import TwinParameters

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Noise:
    """Measurement noise: white noise (mV, standard deviation) and baseline wander (a
    sinusoid per lead of amplitude ``wander_mV``, frequency ``wander_hz``, random phase)."""

    sigma_mV: float = 0.02
    wander_mV: float = 0.1
    wander_hz: float = 0.3
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("sigma_mV", "wander_mV", "wander_hz"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v >= 0):
                raise ConfigError(f"Noise.{name} = {v!r}: expected >= 0")

    def apply(self, ecg: ECG12) -> ECG12:
        rng = np.random.default_rng(self.seed)
        t_s = ecg.t_ms / 1000.0
        out = {}
        for k in LEADS:
            phase = rng.uniform(0, 2 * np.pi)
            out[k] = (ecg.leads[k] + self.sigma_mV * rng.normal(size=t_s.size)
                      + self.wander_mV * np.sin(2 * np.pi * self.wander_hz * t_s + phase))
        return ECG12(ecg.t_ms, out, ecg.source + " + noise")


def simulate_patient(geometry: Any, model: TwinModel, params: TwinParameters,
                     curve: VelocityCurve, *, ik_scale: float = 1.0, t_end_ms: float = 480.0,
                     sample_ms: float = 1.0, ionic: Any = None, progress: Any = None,
                     conductivity_scaling: Any = None, require_activation: bool = True
                     ) -> tuple[ECG12, dict]:
    """Run the full model of ``params`` (collective) and return its 12-lead ECG and the
    truth: root sites (mm), times, velocities, conductivities, the tissue's mean APD90 and
    the activation times (ms) per vertex of this rank.

    The record starts 30 ms before the first root (an isoelectric segment).  Vertices that
    never activate are an error unless ``require_activation=False`` (lesions).
    """
    sim, rec = full_model(geometry, model, params, curve, ik_scale=ik_scale, ionic=ionic,
                          conductivity_scaling=conductivity_scaling)
    every = max(1, round(sample_ms / sim.config.dt_ms))
    ecg = PseudoECG(sim, model.electrodes, every_n_steps=every)
    sim.run(t_end_ms, progress=progress)
    comm = sim.comm
    tr = sim.tracker
    apd = tr.apd90[np.isfinite(tr.apd90)]
    s = comm.allreduce(np.array([apd.sum(), apd.size, np.isnan(tr.first_activation).sum()]))
    if s[2] > 0 and require_activation:
        raise ConfigError(f"{int(s[2])} vertices never activated in the full model")
    rec["never_activated"] = int(s[2])
    rec["mean_apd90_ms"] = float(s[0] / s[1]) if s[1] else float("nan")
    rec["repolarised_fraction"] = float(s[1] / sim.V.dofmap.index_map.size_global)
    rec["velocities_m_per_s"] = params.velocities.as_dict()
    rec["activation_ms_local"] = tr.first_activation.copy()
    rec["repolarisation_ms_local"] = tr.repolarisation.copy()
    rec["owned_coordinates"] = sim.owned_vertex_coordinates().copy()
    rec["sim"] = sim
    return ecg.twelve_lead(), rec
