"""S1–S2 restitution of a single cell: APD90 against the diastolic interval, refractoriness.

The standard protocol (e.g. Courtemanche et al. 1998, Fig. 9): ``n_s1`` stimuli every
``s1_ms`` from the model's initial state, then one premature stimulus S2 at each coupling
interval (from the last S1).  For each S2: its action potential's APD90 (the definitions of
:mod:`cardiotwin.ionic.biomarkers`, from the S2 upstroke), the diastolic interval
``DI = S2 - (upstroke of the last S1 + its APD90)``, and whether it captured (within
20 ms a peak within 30 % of the S1 peak, at least 30 % of the amplitude above the
potential the S2 found, and an upstroke at least 30 % as fast as the S1's).  The effective
refractory period is the shortest coupling interval that captured.

The S1 train runs once (the compiled ``advance`` of a kernel, or the model's ``step`` for
pure-Python models); every S2 interval is one column of the same array, stepped together
with its own stimulus timing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.ionic.biomarkers import apd
from cardiotwin.ionic.parameters import ParameterChanges


@dataclass(frozen=True)
class S1S2Protocol:
    """The S1–S2 protocol (ms; amplitude µA/µF with the Hodgkin–Huxley sign, None: the
    model's own stimulus)."""

    s1_ms: float = 500.0
    n_s1: int = 10
    s2_ms: tuple[float, ...] = (500.0, 450.0, 400.0, 350.0, 320.0, 300.0, 290.0, 280.0,
                                270.0, 260.0, 250.0, 240.0, 230.0, 220.0, 210.0, 200.0,
                                190.0, 180.0, 170.0, 160.0, 155.0, 150.0, 145.0, 140.0,
                                135.0, 130.0, 125.0, 120.0, 110.0, 100.0)
    dt_ms: float = 0.01
    stim_amplitude: float | None = None
    stim_duration_ms: float | None = None
    record_ms: float = 700.0

    def __post_init__(self) -> None:
        for name in ("s1_ms", "dt_ms", "record_ms"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"S1S2Protocol.{name} = {v!r}: expected > 0 ms")
        if int(self.n_s1) != self.n_s1 or self.n_s1 < 2:
            raise ConfigError(f"S1S2Protocol.n_s1 = {self.n_s1!r}: expected an integer >= 2")
        s2 = tuple(float(v) for v in self.s2_ms)
        if not s2 or any(not v > 0 for v in s2):
            raise ConfigError(f"S1S2Protocol.s2_ms = {self.s2_ms!r}: expected positive "
                              "coupling intervals")
        object.__setattr__(self, "s2_ms", s2)


@dataclass(frozen=True)
class Restitution:
    """S1–S2 result: per S2 interval (ms) the diastolic interval, APD90 (ms; NaN if not
    captured) and capture; the S1 beat's APD90, V_rest and peak (mV); the ERP (ms)."""

    model: str
    s2_ms: np.ndarray
    di_ms: np.ndarray
    apd90_ms: np.ndarray
    captured: np.ndarray
    apd90_s1_ms: float
    vrest_mV: float
    vpeak_mV: float
    erp_ms: float
    traces: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {"model": self.model, "s2_ms": self.s2_ms.tolist(), "di_ms": self.di_ms.tolist(),
                "apd90_ms": self.apd90_ms.tolist(), "captured": self.captured.tolist(),
                "apd90_s1_ms": self.apd90_s1_ms, "vrest_mV": self.vrest_mV,
                "vpeak_mV": self.vpeak_mV, "erp_ms": self.erp_ms}


def _pulse_mean(t: float, dt: float, start: float, duration: float) -> float:
    """Fraction of the step ``[t, t + dt)`` covered by the pulse ``[start, start + dur)``."""
    return max(0.0, min(t + dt, start + duration) - max(t, start)) / dt


def s1s2_restitution(model: Any, protocol: S1S2Protocol | None = None, *,
                     changes: ParameterChanges | None = None,
                     keep_traces: bool = False) -> Restitution:
    """Run the S1–S2 protocol on ``model`` (a compiled model or a phenomenological one).

    Parameters
    ----------
    model
        Anything with ``kernel.step``, ``initial_states``, ``default_params`` and
        ``default_stimulus`` (registry models, :class:`~cardiotwin.ionic.phenomenological.
        MitchellSchaefferMV`).
    protocol
        The protocol (default :class:`S1S2Protocol`).
    changes
        Parameter changes of the cell (e.g. a remodelling set).
    keep_traces
        Keep ``t_ms`` and ``v`` (mV, one column per S2) of the recorded window.

    Raises
    ------
    SolverError
        The membrane potential became non-finite (time step too large).
    """
    p = protocol or S1S2Protocol()
    amp = model.default_stimulus[0] if p.stim_amplitude is None else float(p.stim_amplitude)
    dur = model.default_stimulus[1] if p.stim_duration_ms is None else float(p.stim_duration_ms)
    if not amp < 0:
        raise ConfigError(f"stimulus amplitude {amp} uA/uF: expected < 0 (Hodgkin-Huxley sign)")
    params1 = np.ascontiguousarray(model.default_params(1), dtype=np.float64)
    if changes is not None:
        changes.apply(model, params1)
    states1 = np.ascontiguousarray(model.initial_states(1), dtype=np.float64)
    dt = p.dt_ms
    n_pre = round(((p.n_s1 - 1) * p.s1_ms) / dt)
    kernel = model.kernel
    # S1 train up to the last S1
    if hasattr(kernel, "advance"):
        _, bad = kernel.advance(states1, params1, 0.0, dt, n_pre, amp, dur, p.s1_ms, 0.0,
                                float(p.n_s1 - 1), v_low=-1e3, v_high=1e3)
        if bad >= 0:
            raise SolverError(f"{model.name}: V left [-1000, 1000] mV during the S1 train")
    else:
        i_stim = np.zeros(1)
        for i in range(n_pre):
            t = i * dt
            k = min(int(t // p.s1_ms), p.n_s1 - 2)
            frac = max(_pulse_mean(t, dt, k * p.s1_ms, dur),
                       _pulse_mean(t, dt, (k + 1) * p.s1_ms, dur))
            i_stim[0] = amp * frac
            kernel.step(states1, params1, i_stim, t, dt, 1)
    t_last = (p.n_s1 - 1) * p.s1_ms
    # recorded window from the last S1, one column per S2
    n = len(p.s2_ms)
    states = np.ascontiguousarray(np.repeat(states1, n, axis=1))
    params = np.ascontiguousarray(np.repeat(params1, n, axis=1))
    n_rec = round((max(p.s2_ms) + p.record_ms) / dt)
    v = np.empty((n_rec + 1, n))
    v[0] = states[0]
    i_stim = np.zeros(n)
    s2 = np.asarray(p.s2_ms)
    for i in range(n_rec):
        t = i * dt
        cover = np.clip(np.minimum(t + dt, s2 + dur) - np.maximum(t, s2), 0.0, None) / dt
        i_stim[:] = amp * (_pulse_mean(t, dt, 0.0, dur) + cover)
        kernel.step(states, params, i_stim, t_last + t, dt, 1)
        v[i + 1] = states[0]
    if not np.all(np.isfinite(v)):
        raise SolverError(f"{model.name}: the membrane potential became non-finite; use a "
                          f"smaller dt than {dt} ms")
    t = np.arange(n_rec + 1) * dt
    # the S1 beat: the column with the longest coupling interval, up to its S2
    c1 = int(np.argmax(s2))
    end1 = int(np.searchsorted(t, s2[c1]))
    v1 = v[:end1, c1]
    vrest, vpeak = float(v1[0]), float(v1.max())
    a1 = apd(t[:end1], v1, 90.0)
    slope1 = np.diff(v1) / dt
    up1 = float(t[np.argmax(slope1)])
    apd90 = np.full(n, np.nan)
    captured = np.zeros(n, dtype=bool)
    window = max(round(20.0 / dt), 2)
    amplitude = vpeak - vrest
    for c in range(n):
        i0 = int(np.searchsorted(t, s2[c]))
        seg_t, seg_v = t[i0:], v[i0:, c]
        # capture: a full upstroke (peak within 30 % of the S1 peak) that rises at least
        # 30 % of the amplitude above the potential the S2 found
        peak = seg_v[:window].max() if seg_v.size > 2 else -np.inf
        if peak < vrest + 0.7 * amplitude or peak < seg_v[0] + 0.3 * amplitude:
            continue
        if np.diff(seg_v[:window]).max() / dt < 0.3 * slope1.max():
            continue  # a stimulus pushing a refractory membrane, not an upstroke
        try:
            val = apd(seg_t, seg_v, 90.0)
        except Exception:
            val = float("nan")
        if np.isfinite(val) and val > 0:
            apd90[c], captured[c] = val, True
    di = s2 - (up1 + a1)
    erp = float(s2[captured].min()) if captured.any() else float("nan")
    # a longer interval that failed to capture below a shorter one is not a clean ERP
    order = np.argsort(s2)
    for a, b in itertools.pairwise(order):
        if captured[a] and not captured[b]:
            erp = float("nan")
    traces = {"t_ms": t, "v": v} if keep_traces else {}
    return Restitution(model=getattr(model, "name", "model"), s2_ms=s2, di_ms=di,
                       apd90_ms=apd90, captured=captured, apd90_s1_ms=float(a1),
                       vrest_mV=vrest, vpeak_mV=vpeak, erp_ms=erp, traces=traces)
