"""Pressure-volume loop metrics of one beat.

Notes
-----
For one cardiac cycle sampled at times ``t`` (ms) with cavity volume ``V`` (mL) and
pressure ``p`` (mmHg):

- end diastole: the largest volume before the pressure peak (its first sample within
  ``edv_tolerance`` of it, relative to the volume range: the start of isovolumic
  contraction, before the pressure rises at constant volume); ``edv_ml`` is that
  volume and ``edp_mmhg`` the pressure there;
- end systole: the smallest volume from end diastole until the pressure has fallen back
  to the end-diastolic pressure (end of isovolumic relaxation); ``esv_ml``;
- ``sv_ml`` = EDV - ESV; ``ef_percent`` = 100 SV / EDV.  (Neither ``max V`` nor
  ``min V`` over the window: a beat that is not yet periodic may end fuller than it
  started, or start emptier than it ejects to.)
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
    span = max(float(np.ptp(v)), 1e-12)
    peak = int(np.argmax(p))
    edv = float(v[: peak + 1].max())
    ed = int(np.argmax(v[: peak + 1] >= edv - edv_tolerance * span))
    relaxed = np.nonzero(p[peak:] <= p[ed])[0]
    end = peak + int(relaxed[0]) if relaxed.size else len(p) - 1
    esv = float(v[ed:end + 1].min())
    sv = edv - esv
    return {
        "edv_ml": edv,
        "esv_ml": esv,
        "sv_ml": sv,
        "ef_percent": 100.0 * sv / edv if edv > 0 else float("nan"),
        "peak_pressure_mmhg": float(p.max()),
        "dpdt_max_mmhg_per_s": float((np.diff(p) / dt).max() * 1000.0),
        "edp_mmhg": float(p[ed]),
    }
