"""Pressure-volume loop metrics of one beat.

Notes
-----
For one cardiac cycle sampled at times ``t`` (ms) with cavity volume ``V`` (mL) and
pressure ``p`` (mmHg):

- ``edv_ml`` = max V; ``esv_ml`` = min V; ``sv_ml`` = EDV - ESV;
  ``ef_percent`` = 100 SV / EDV;
- ``edp_mmhg``: the pressure at end diastole, the first sample whose volume is within
  ``edv_tolerance`` (relative to the stroke volume) of EDV (the start of isovolumic
  contraction, before the pressure rises at constant volume);
- ``peak_pressure_mmhg`` = max p;
- ``dpdt_max_mmhg_per_s``: the largest forward difference ``Δp / Δt`` (mmHg/s).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError

METRIC_NAMES = ("edv_ml", "esv_ml", "sv_ml", "ef_percent", "peak_pressure_mmhg",
                "dpdt_max_mmhg_per_s", "edp_mmhg")


def pv_metrics(time_ms: Any, volume_mL: Any, pressure_mmHg: Any, *,
               edv_tolerance: float = 1e-3) -> dict[str, float]:
    """EDV, ESV, SV, EF, peak pressure, dP/dt max and EDP of one beat (module notes).

    Raises
    ------
    ConfigError
        If the arrays differ in length, have fewer than 3 samples, are not finite or the
        times do not increase.
    """
    t = np.asarray(time_ms, dtype=float)
    v = np.asarray(volume_mL, dtype=float)
    p = np.asarray(pressure_mmHg, dtype=float)
    if not (t.ndim == v.ndim == p.ndim == 1 and len(t) == len(v) == len(p)):
        raise ConfigError(f"pv_metrics: time, volume and pressure must be 1-D and of one "
                          f"length, got shapes {t.shape}, {v.shape}, {p.shape}")
    if len(t) < 3:
        raise ConfigError(f"pv_metrics: {len(t)} samples, expected at least 3")
    for name, a in (("time_ms", t), ("volume_mL", v), ("pressure_mmHg", p)):
        if not np.all(np.isfinite(a)):
            raise ConfigError(f"pv_metrics: {name} has non-finite values")
    dt = np.diff(t)
    if np.any(dt <= 0):
        raise ConfigError("pv_metrics: time_ms must increase")
    edv, esv = float(v.max()), float(v.min())
    sv = edv - esv
    ed = int(np.argmax(v >= edv - edv_tolerance * max(sv, 1e-12)))
    return {
        "edv_ml": edv,
        "esv_ml": esv,
        "sv_ml": sv,
        "ef_percent": 100.0 * sv / edv if edv > 0 else float("nan"),
        "peak_pressure_mmhg": float(p.max()),
        "dpdt_max_mmhg_per_s": float((np.diff(p) / dt).max() * 1000.0),
        "edp_mmhg": float(p[ed]),
    }
