"""The Mitchell–Schaeffer two-current membrane in mV: a fast model for wide tissue sweeps.

Mitchell & Schaeffer (2003, Bull Math Biol 65:767) write a dimensionless potential
``v`` (0 rest, 1 peak) and one gate ``h``::

    dv/dt = h v^2 (1 - v) / tau_in - v / tau_out + J_stim
    dh/dt = (1 - h) / tau_open   if v < v_gate
            -h / tau_close       otherwise

:class:`MitchellSchaefferMV` runs it in millivolts, ``V = v_rest + v_amplitude v``, with
per-cell parameters ``tau_in, tau_out, tau_open, tau_close, v_gate`` (ms, ms, ms, ms, 1)
and a stimulus in µA/µF (Hodgkin–Huxley sign), so that it drops into any place a
compiled model goes (tissue, lesions, single-cell pacing).  Its restitution has a closed
form: with ``h_min = 4 tau_in / tau_out`` and ``h(DI) = 1 - (1 - h_min) exp(-DI /
tau_open)``, ``APD(DI) ~ tau_close ln(h(DI) / h_min)``; so ``tau_close`` sets the APD,
``tau_open`` the recovery (restitution slope, refractoriness) and ``tau_in`` the upstroke
(conduction velocity).  Corrado & Niederer (2016) fitted it to atrial restitution in the
same spirit.

Integration: forward Euler for ``v`` and the exact exponential update of ``h`` (piecewise
linear in ``h``), in NumPy over the cells (two states: cheap next to the diffusion solve).

:data:`ATRIAL_FITS` holds parameter sets fitted to the Courtemanche–Ramirez–Nattel (1998)
atrial model's S1–S2 APD90 restitution (``benchmarks/atrial_fast_model.py`` refits them
and draws the fit).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError


class _MSKernel:
    """Mitchell–Schaeffer step in mV (forward Euler for v, exact for the gate h)."""

    def __init__(self, v_rest: float, v_amplitude: float) -> None:
        self.v_rest = float(v_rest)
        self.v_amplitude = float(v_amplitude)

    def step(self, states: np.ndarray, params: np.ndarray, i_stim: np.ndarray, t: float,
             dt: float, workers: int = 1) -> None:
        tau_in, tau_out, tau_open, tau_close, v_gate = params
        a = self.v_amplitude
        v = (states[0] - self.v_rest) / a
        h = states[1]
        j = h * v * v * (1.0 - v) / tau_in - v / tau_out
        closed = v >= v_gate
        h_inf = np.where(closed, 0.0, 1.0)
        tau = np.where(closed, tau_close, tau_open)
        states[1] = h_inf + (h - h_inf) * np.exp(-dt / tau)
        states[0] += dt * (a * j - i_stim)


class MitchellSchaefferMV:
    """Mitchell & Schaeffer (2003) membrane in mV with per-cell parameters.

    Parameters
    ----------
    tau_in, tau_out, tau_open, tau_close
        Time constants (ms), all > 0.
    v_gate
        Gate threshold (dimensionless, 0 < v_gate < 1).
    v_rest_mV, v_amplitude_mV
        Resting potential and action-potential amplitude (mV): ``V = v_rest + a v``.
    name
        Registry-like name used in messages and checkpoints.

    Has the interface of a registry model (``kernel``, ``param_names``,
    ``initial_states``, ``default_params``...).
    """

    state_names = ("membrane.V", "gate.h")
    param_names = ("tau_in", "tau_out", "tau_open", "tau_close", "v_gate")
    param_kinds = ("value",) * 5
    param_units = ("ms", "ms", "ms", "ms", "1")
    voltage_unit = "mV"
    lut_entries = ()

    def __init__(self, tau_in: float = 0.5, tau_out: float = 10.0, tau_open: float = 60.0,
                 tau_close: float = 30.0, v_gate: float = 0.13, *, v_rest_mV: float = -80.0,
                 v_amplitude_mV: float = 100.0, name: str = "mitchell-schaeffer-mv") -> None:
        self.defaults = (tau_in, tau_out, tau_open, tau_close, v_gate)
        for nm, v in zip(self.param_names, self.defaults, strict=True):
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"MitchellSchaefferMV.{nm} = {v!r}: expected > 0")
        if not v_gate < 1:
            raise ConfigError(f"MitchellSchaefferMV.v_gate = {v_gate!r}: expected < 1")
        if not (np.isfinite(v_rest_mV) and np.isfinite(v_amplitude_mV) and v_amplitude_mV > 0):
            raise ConfigError(f"MitchellSchaefferMV: v_rest_mV = {v_rest_mV!r}, "
                              f"v_amplitude_mV = {v_amplitude_mV!r}: expected finite values "
                              "and a positive amplitude")
        self.v_rest_mV = float(v_rest_mV)
        self.v_amplitude_mV = float(v_amplitude_mV)
        self.name = name
        self.kernel = _MSKernel(v_rest_mV, v_amplitude_mV)
        self.default_stimulus = (-2.0 * v_amplitude_mV / 10.0, 1.0)

    def __repr__(self) -> str:
        vals = ", ".join(f"{n}={v:g}" for n, v in zip(self.param_names, self.defaults,
                                                       strict=True))
        return f"MitchellSchaefferMV({vals}, v_rest_mV={self.v_rest_mV:g})"

    @property
    def n_states(self) -> int:
        return 2

    @property
    def n_params(self) -> int:
        return 5

    def initial_states(self, n: int) -> np.ndarray:
        return np.vstack([np.full(n, self.v_rest_mV), np.ones(n)])

    def default_params(self, n: int) -> np.ndarray:
        return np.repeat(np.asarray(self.defaults, float)[:, None], n, axis=1)

    def parameters(self) -> dict[str, float]:
        """The default parameters by name."""
        return dict(zip(self.param_names, map(float, self.defaults), strict=True))

    def validate(self, states: np.ndarray, params: np.ndarray, i_stim=None) -> None:
        if states.shape[0] != 2 or params.shape != (5, states.shape[1]):
            raise ConfigError(f"{self.name}: states {states.shape} / params {params.shape} "
                              "have the wrong shape")


#: Parameter sets fitted to the Courtemanche–Ramirez–Nattel model's S1-S2 APD90
#: restitution (S1 500 ms x 10): tissue name -> (parameters, v_rest mV, amplitude mV).
#: ``control`` is the model as published; ``caf`` with the chronic-AF remodelling of
#: :data:`cardiotwin.scenarios.remodelling.CHRONIC_AF`; ``caf-fibrotic`` with the
#: fibrotic remodelling on top.  Refit: ``benchmarks/atrial_fast_model.py``.
ATRIAL_FITS: Mapping[str, tuple[Mapping[str, float], float, float]] = {
    "caf": ({"tau_in": 0.3, "tau_out": 6.363, "tau_open": 44.59, "tau_close": 59.44,
             "v_gate": 0.11675}, -83.78, 109.22),
}


def atrial_fast_model(tissue: str = "caf") -> MitchellSchaefferMV:
    """The fast atrial model fitted to one CRN tissue of :data:`ATRIAL_FITS`."""
    if tissue not in ATRIAL_FITS:
        raise ConfigError(f"fast atrial model {tissue!r}: expected one of "
                          f"{', '.join(ATRIAL_FITS)}")
    params, v_rest, amp = ATRIAL_FITS[tissue]
    return MitchellSchaefferMV(**params, v_rest_mV=v_rest, v_amplitude_mV=amp,
                               name=f"ms-atrial-{tissue}")


def analytic_apd_ms(di_ms: np.ndarray, tau_in: float, tau_out: float, tau_open: float,
                    tau_close: float) -> np.ndarray:
    """Mitchell & Schaeffer's closed-form restitution ``tau_close ln(h(DI) / h_min)``."""
    h_min = 4.0 * tau_in / tau_out
    h = 1.0 - (1.0 - h_min) * np.exp(-np.asarray(di_ms, float) / tau_open)
    return tau_close * np.log(np.maximum(h, 1e-12) / h_min)


def fit_restitution(target: Any, *, tissue_name: str = "fit", tau_in: float = 0.3,
                    v_gate: float = 0.13, dt_ms: float = 0.05, max_evaluations: int = 120
                    ) -> tuple[MitchellSchaefferMV, dict[str, Any]]:
    """Fit ``tau_out, tau_open, tau_close, v_gate`` to a target S1-S2 restitution.

    ``target`` is a :class:`~cardiotwin.ionic.restitution.Restitution` of the detailed
    model; the Mitchell–Schaeffer model gets its resting potential and amplitude, and
    ``tau_in`` (upstroke) is kept fixed.  ``v_gate`` (the potential below which the gate
    recovers) sets the refractory period beyond APD90.  Nelder-Mead (SciPy) on simulated
    S1-S2 runs minimises ``(dAPD90_S1 / 5 ms)^2 + (dERP / 5 ms)^2 + mean (dAPD90_S2 /
    20 ms)^2`` over the S2 intervals both models capture, from ``h_min = 0.2`` and the S1
    APD90 of the closed form (:func:`analytic_apd_ms`).  The model cannot follow both a
    flat APD restitution and a refractory period well beyond APD90 (its APD falls with
    ``ln h`` at short intervals): the weights favour the S1 APD and the ERP, which set
    the wavelength.

    Returns
    -------
    (model, report)
        The fitted model and ``{"parameters", "rms_apd90_ms", "erp_ms": (target, fit),
        "apd90_s1_ms": (target, fit), "evaluations", "fit"}``.
    """
    from scipy.optimize import minimize

    from cardiotwin.ionic.restitution import S1S2Protocol, s1s2_restitution

    proto = S1S2Protocol(s1_ms=500.0, n_s1=6, s2_ms=tuple(target.s2_ms), dt_ms=dt_ms,
                         stim_duration_ms=1.0)
    v_rest, amp = target.vrest_mV, target.vpeak_mV - target.vrest_mV
    ok = np.isfinite(target.apd90_ms)
    evals = [0]

    def make(x: np.ndarray) -> MitchellSchaefferMV:
        tau_out, tau_open, tau_close, gate = np.exp(x)
        return MitchellSchaefferMV(tau_in, tau_out, tau_open, tau_close, min(gate, 0.5),
                                   v_rest_mV=v_rest, v_amplitude_mV=amp,
                                   name=f"ms-atrial-{tissue_name}")

    def cost(x: np.ndarray) -> float:
        evals[0] += 1
        r = s1s2_restitution(make(x), proto)
        if not np.isfinite(r.apd90_s1_ms):
            return 1e3
        both = np.isfinite(r.apd90_ms) & ok
        erp = r.erp_ms if np.isfinite(r.erp_ms) else float(np.max(target.s2_ms))
        curve = (np.mean(((r.apd90_ms[both] - target.apd90_ms[both]) / 20.0) ** 2)
                 if both.any() else 10.0)
        return float(((r.apd90_s1_ms - target.apd90_s1_ms) / 5.0) ** 2
                     + ((erp - target.erp_ms) / 5.0) ** 2 + curve)

    # a physical start: h_min = 0.2 and the S1 APD90 from the closed form at full recovery
    x0 = np.log([20.0 * tau_in, 100.0, target.apd90_s1_ms / np.log(5.0), v_gate])
    sol = minimize(cost, x0, method="Nelder-Mead",
                   options={"maxfev": max_evaluations, "xatol": 0.01, "fatol": 0.01})
    model = make(sol.x)
    fit = s1s2_restitution(model, proto)
    both = np.isfinite(fit.apd90_ms) & ok
    rms = float(np.sqrt(np.mean((fit.apd90_ms[both] - target.apd90_ms[both]) ** 2))) \
        if both.any() else float("nan")
    report = {"parameters": model.parameters(), "v_rest_mV": v_rest, "v_amplitude_mV": amp,
              "rms_apd90_ms": rms, "erp_ms": (target.erp_ms, fit.erp_ms),
              "apd90_s1_ms": (target.apd90_s1_ms, fit.apd90_s1_ms),
              "start": dict(zip(("tau_out", "tau_open", "tau_close", "v_gate"),
                                np.exp(x0).tolist(), strict=True)),
              "evaluations": evals[0], "fit": fit.as_dict()}
    return model, report
