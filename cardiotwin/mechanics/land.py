"""Calcium-driven active tension: the Land et al. (2017) human myofilament model.

Notes
-----
Six states per material point: the fraction of troponin C with calcium bound
(``CaTRPN``), of tropomyosin blocking (``TmB``), of weakly and strongly bound crossbridges
(``XW``, ``XS``; unbound ``XU = 1 - TmB - XW - XS``) and the mean crossbridge distortions
(``Zeta_w``, ``Zeta_s``)::

    dCaTRPN/dt = k_trpn ((Ca_i / Ca50)^n_trpn (1 - CaTRPN) - CaTRPN)
    Ca50       = Ca50_ref + beta_1 (min(lambda, 1.2) - 1)
    dTmB/dt    = k_b min(CaTRPN^(-n_tm/2), 100) XU - k_u CaTRPN^(n_tm/2) TmB
    dXW/dt     = k_uw XU - k_wu XW - k_ws XW - gamma_w |Zeta_w| XW
    dXS/dt     = k_ws XW - k_su XS - gamma_su(Zeta_s) XS
    dZeta_i/dt = A dlambda/dt - c_i Zeta_i                       (i = s, w)
    T_a        = h(lambda) T_ref / r_s (XS (Zeta_s + 1) + XW Zeta_w)
    h(lambda)  = max(0, 1 + beta_0 (l + min(l, 0.87) - 1.87)),  l = min(lambda, 1.2)

with ``k_wu = k_uw (1/r_w - 1) - k_ws``, ``k_su = k_ws r_w (1/r_s - 1)``,
``k_b = k_u Trpn50^n_tm / (1 - r_s - (1 - r_s) r_w)``, ``A = A_tot r_s / ((1 - r_s) r_w +
r_s)``, ``c_w = phi k_uw (1 - r_s)(1 - r_w) / ((1 - r_s) r_w)``, ``c_s = phi k_ws
(1 - r_s) r_w / r_s``, ``gamma_su = gamma_s max(Zeta_s, 0, -Zeta_s - 1)``.  ``lambda``
is the fibre stretch ``|F f0|`` and ``Ca_i`` the intracellular calcium (µM).

The defaults are those of the ToR-ORd–Land coupling as published with the Simula
cardiac codes (``ToRORd_dynCl_endo_Land.ode``: ``k_u = 0.04 /ms``, ``n_tm = 2.4``,
``T_ref = 120 kPa``); the model's own calcium buffering feedback (``J_TRPN`` on the
cell's calcium) is not part of this one-way coupling.

Each equation is linear in its own state with the others frozen, so the compiled kernel
(``cardiotwin._kernels.tension.land``) advances every state with the exact exponential
update over the step: stable at the mechanics time step and first order.

In the coupled problem the stretch and stretch-rate dependence is taken *implicitly*
(inside the mechanics Newton iteration): over a step ``dt`` from the stretch
``lambda_n`` the distortions are exactly
``Zeta(lambda) = Zeta_n e^(-c dt) + A (lambda - lambda_n) (1 - e^(-c dt)) / (c dt)``,
so the tension is ``T_a(lambda) = h(lambda) (alpha + beta (lambda - lambda_n))`` with
per-point ``alpha``, ``beta`` (kPa) from :meth:`LandTension.linearised_tension`; a
:class:`LandTensionLaw` writes that in UFL for :class:`~cardiotwin.mechanics.ActiveStress`.

S. Land, S.-J. Park-Holohan, N. P. Smith, C. G. dos Remedios, J. C. Kentish,
S. A. Niederer, "A model of cardiac contraction based on novel measurements of tension
development in human cardiomyocytes", J Mol Cell Cardiol 106:68-83, 2017.
F. Margara et al., "In-silico human electro-mechanical ventricular modelling and
simulation for drug-induced pro-arrhythmia and inotropic risk assessment", Prog Biophys
Mol Biol 159:58-74, 2021.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError, KernelError

#: state rows of :class:`LandTension`
STATE_NAMES = ("XS", "XW", "CaTRPN", "TmB", "Zeta_s", "Zeta_w")


def _kernel() -> Any:
    import importlib

    try:
        return importlib.import_module("cardiotwin._kernels.tension.land")
    except ImportError as exc:
        raise KernelError(f"the Land tension kernel is not built ({exc}); build the kernels "
                          "with `make kernels`") from exc


@dataclass(frozen=True)
class LandParameters:
    """Parameters of the Land 2017 model (defaults: ToR-ORd–Land coupling).

    Parameters
    ----------
    Tref_kPa
        Reference tension (kPa) at full activation and ``lambda = 1`` (0 = no contraction,
        e.g. scar).
    rs, rw
        Steady-state duty ratios of strongly and weakly bound crossbridges, in (0, 1).
    gammas, gammaw
        Distortion-dependent unbinding of strong and weak crossbridges.
    phi
        Scale of the distortion decay rates.
    Tot_A
        Total distortion scale ``A_tot``.
    beta0, beta1
        Length dependence of the tension and of the calcium sensitivity (µM).
    cat50_ref_uM
        Calcium for half-maximal troponin binding at ``lambda = 1`` (µM).
    ktrpn_per_ms, ntrpn, trpn50
        Troponin C binding rate (1/ms), Hill coefficient and half-activation.
    kuw_per_ms, kws_per_ms, ku_per_ms, ntm
        Crossbridge and tropomyosin rates (1/ms) and the tropomyosin Hill coefficient.
    """

    Tref_kPa: float = 120.0
    rs: float = 0.25
    rw: float = 0.5
    gammas: float = 0.0085
    gammaw: float = 0.615
    phi: float = 2.23
    Tot_A: float = 25.0
    beta0: float = 2.3
    beta1: float = -2.4
    cat50_ref_uM: float = 0.805
    ktrpn_per_ms: float = 0.1
    ntrpn: float = 2.0
    trpn50: float = 0.35
    kuw_per_ms: float = 0.182
    kws_per_ms: float = 0.012
    ku_per_ms: float = 0.04
    ntm: float = 2.4

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
                raise ConfigError(f"LandParameters.{f.name} = {v!r}: expected a finite number")
        for name in ("rs", "rw"):
            v = getattr(self, name)
            if not 0.0 < v < 1.0:
                raise ConfigError(f"LandParameters.{name} = {v!r}: expected a duty ratio in "
                                  "(0, 1)")
        for name in ("phi", "Tot_A", "cat50_ref_uM", "ktrpn_per_ms", "ntrpn", "trpn50",
                     "kuw_per_ms", "kws_per_ms", "ku_per_ms", "ntm"):
            v = getattr(self, name)
            if not v > 0.0:
                raise ConfigError(f"LandParameters.{name} = {v!r}: expected a number > 0")
        for name in ("Tref_kPa", "gammas", "gammaw"):
            v = getattr(self, name)
            if v < 0.0:
                raise ConfigError(f"LandParameters.{name} = {v!r}: expected a number >= 0")
        if self.kuw_per_ms * (1.0 / self.rw - 1.0) - self.kws_per_ms < 0.0:
            raise ConfigError(f"LandParameters: kuw_per_ms (1/rw - 1) - kws_per_ms = "
                              f"{self.kuw_per_ms * (1.0 / self.rw - 1.0) - self.kws_per_ms:g} "
                              "< 0: the weak-to-unbound rate would be negative")
        if self.cat50_ref_uM + self.beta1 * 0.2 <= 0.0:
            raise ConfigError(f"LandParameters: cat50_ref_uM + 0.2 beta1 = "
                              f"{self.cat50_ref_uM + 0.2 * self.beta1:g} µM <= 0 at the "
                              "largest stretch (1.2)")

    def row(self) -> tuple[float, ...]:
        """Values in the kernel's parameter order (``PARAM_NAMES``)."""
        return tuple(float(getattr(self, f.name)) for f in fields(self))

    @staticmethod
    def field_for(kernel_name: str) -> str:
        """The dataclass field of a kernel parameter row name (e.g. ``Tref`` ->
        ``Tref_kPa``)."""
        names = [f.name for f in fields(LandParameters)]
        rows = list(_kernel().PARAM_NAMES)
        return names[rows.index(kernel_name)]


def distortion_rates(p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``A`` (= A_s = A_w), ``c_s`` and ``c_w`` (1/ms) from parameter rows ``p``."""
    rs, rw, phi, tot_a, kuw, kws = p[1], p[2], p[5], p[6], p[13], p[14]
    a = tot_a * rs / ((1.0 - rs) * rw + rs)
    c_s = phi * kws * ((1.0 - rs) * rw) / rs
    c_w = phi * kuw * ((1.0 - rs) * (1.0 - rw)) / ((1.0 - rs) * rw)
    return a, c_s, c_w


def _zeta_gain(c: np.ndarray, dt_ms: float) -> tuple[np.ndarray, np.ndarray]:
    """``e^(-c dt)`` and ``(1 - e^(-c dt)) / (c dt)`` (-> 1 as ``c dt -> 0``)."""
    x = c * dt_ms
    decay = np.exp(-x)
    gain = np.where(x > 1e-12, -np.expm1(-x) / np.where(x > 1e-12, x, 1.0), 1.0)
    return decay, gain


class LandTension:
    """The Land 2017 model at ``n`` material points (states and per-point parameters).

    Parameters
    ----------
    n
        Number of points.
    parameters
        Defaults of every point (per-point changes: :meth:`set_parameter`).
    workers
        Threads of the compiled loops (1 under MPI with one rank a core).

    Attributes
    ----------
    states
        ``[6, n]`` float64, rows :data:`STATE_NAMES` (state-major).
    params
        ``[17, n]`` float64, rows ``PARAM_NAMES`` of the kernel.
    """

    def __init__(self, n: int, parameters: LandParameters | None = None, *,
                 workers: int = 1) -> None:
        if not (isinstance(n, int | np.integer) and n >= 0):
            raise ConfigError(f"LandTension: n = {n!r}: expected a number of points >= 0")
        if not (isinstance(workers, int) and workers >= 1):
            raise ConfigError(f"LandTension: workers = {workers!r}: expected an integer >= 1")
        self.kernel = _kernel()
        self.parameters = parameters or LandParameters()
        if not isinstance(self.parameters, LandParameters):
            raise ConfigError(f"LandTension: parameters is a {type(self.parameters).__name__}: "
                              "expected LandParameters")
        self.n = int(n)
        self.workers = workers
        init = np.asarray(self.kernel.INITIAL_STATES, dtype=np.float64)
        self.states = np.ascontiguousarray(np.repeat(init[:, None], self.n, axis=1))
        row = np.asarray(self.parameters.row(), dtype=np.float64)
        self.params = np.ascontiguousarray(np.repeat(row[:, None], self.n, axis=1))
        self.param_names: tuple[str, ...] = tuple(self.kernel.PARAM_NAMES)

    # ---------------------------------------------------------------- inputs
    def _points(self, name: str, values: Any) -> np.ndarray:
        arr = np.asarray(values, dtype=np.float64)
        if arr.ndim == 0:
            return np.full(self.n, float(arr))
        if arr.shape != (self.n,):
            raise KernelError(f"LandTension: {name} has shape {arr.shape}, expected "
                              f"({self.n},) (one value a point)")
        return np.ascontiguousarray(arr)

    def set_parameter(self, name: str, values: Any) -> None:
        """Set parameter row ``name`` (kernel name, e.g. ``"Tref"``, or the
        :class:`LandParameters` field, e.g. ``"Tref_kPa"``) to per-point ``values``."""
        names = [f.name for f in fields(LandParameters)]
        if name in names:
            idx = names.index(name)
        elif name in self.param_names:
            idx = self.param_names.index(name)
        else:
            raise ConfigError(f"Land model has no parameter {name!r}; it has "
                              f"{', '.join(names)}")
        vals = self._points(name, values)
        if not np.all(np.isfinite(vals)):
            raise ConfigError(f"Land parameter {name}: non-finite values")
        self.params[idx, :] = vals

    def state(self, name: str) -> np.ndarray:
        """A view of state row ``name`` (:data:`STATE_NAMES`)."""
        if name not in STATE_NAMES:
            raise ConfigError(f"Land model has no state {name!r}; it has "
                              f"{', '.join(STATE_NAMES)}")
        return self.states[STATE_NAMES.index(name)]

    # ---------------------------------------------------------------- time stepping
    def step(self, cai_uM: Any, dt_ms: float, *, stretch: Any = 1.0,
             stretch_rate_per_ms: Any = 0.0) -> None:
        """Advance every point by ``dt_ms`` at constant calcium (µM), stretch and stretch
        rate (1/ms); isometric by default."""
        _check_dt(dt_ms)
        self.kernel.step(self.states, self.params, self._points("cai_uM", cai_uM),
                         self._points("stretch", stretch),
                         self._points("stretch_rate_per_ms", stretch_rate_per_ms),
                         float(dt_ms), self.workers)

    def advance_calcium(self, cai_start_uM: Any, cai_end_uM: Any, dt_ms: float, *,
                        stretch: Any = 1.0, substeps: int = 1) -> None:
        """Advance the calcium-driven states (``XS, XW, CaTRPN, TmB``) over ``dt_ms`` in
        ``substeps`` steps, calcium (µM) linear in time between the two samples; the
        distortions are left to :meth:`update_zeta`."""
        _check_dt(dt_ms)
        if not (isinstance(substeps, int) and substeps >= 1):
            raise ConfigError(f"substeps = {substeps!r}: expected an integer >= 1")
        self.kernel.advance_calcium(self.states, self.params,
                                    self._points("cai_start_uM", cai_start_uM),
                                    self._points("cai_end_uM", cai_end_uM),
                                    self._points("stretch", stretch), float(dt_ms),
                                    substeps, self.workers)

    def update_zeta(self, stretch_old: Any, stretch_new: Any, dt_ms: float) -> None:
        """Exact update of the distortions for the stretch moving linearly from
        ``stretch_old`` to ``stretch_new`` over ``dt_ms``."""
        _check_dt(dt_ms)
        self.kernel.update_zeta(self.states, self.params,
                                self._points("stretch_old", stretch_old),
                                self._points("stretch_new", stretch_new), float(dt_ms),
                                self.workers)

    # ---------------------------------------------------------------- outputs
    def tension(self, stretch: Any = 1.0, out: np.ndarray | None = None) -> np.ndarray:
        """Active tension ``T_a`` (kPa) at every point."""
        out = np.empty(self.n) if out is None else out
        if not (isinstance(out, np.ndarray) and out.dtype == np.float64
                and out.shape == (self.n,) and out.flags.c_contiguous):
            raise KernelError(f"LandTension.tension: out must be a contiguous float64 array "
                              f"of shape ({self.n},)")
        self.kernel.tension(self.states, self.params, self._points("stretch", stretch), out,
                            self.workers)
        return out

    def linearised_tension(self, dt_ms: float) -> tuple[np.ndarray, np.ndarray]:
        """``(alpha, beta)`` (kPa) with ``T_a(lambda) = h(lambda) (alpha + beta (lambda -
        lambda_n))`` at the end of the next step ``dt_ms`` from the stretch ``lambda_n``
        of the current distortions: their exact update for a constant stretch rate, with
        the current crossbridge states (module notes)."""
        _check_dt(dt_ms)
        s, p = self.states, self.params
        a, c_s, c_w = distortion_rates(p)
        dec_s, gain_s = _zeta_gain(c_s, dt_ms)
        dec_w, gain_w = _zeta_gain(c_w, dt_ms)
        scale = p[0] / p[1]
        xs, xw, zs, zw = s[0], s[1], s[4], s[5]
        alpha = scale * (xs * (zs * dec_s + 1.0) + xw * zw * dec_w)
        beta = scale * a * (xs * gain_s + xw * gain_w)
        return alpha, beta


def _check_dt(dt_ms: float) -> None:
    if not (isinstance(dt_ms, int | float) and math.isfinite(dt_ms) and dt_ms > 0):
        raise ConfigError(f"dt_ms = {dt_ms!r}: expected a time step > 0 (ms)")


def length_dependence_ufl(stretch: Any, beta0: float) -> Any:
    """``h(lambda)`` of the module notes as a UFL expression."""
    import ufl

    l12 = ufl.min_value(stretch, 1.2)
    return ufl.max_value(0.0, 1.0 + beta0 * (l12 + ufl.min_value(l12, 0.87) - 1.87))


class LandTensionLaw:
    """The stretch and stretch-rate dependence of ``T_a`` inside the mechanics Newton step.

    Passed as ``ActiveStress(tension_law=...)``; the problem's tension field holds
    ``alpha`` (kPa) and this law adds per-cell ``beta`` (kPa) and ``lambda_n``:
    ``T_a = h(lambda) (alpha + beta (lambda - lambda_n))`` with ``lambda = |F f0|``
    (:meth:`LandTension.linearised_tension`).

    Parameters
    ----------
    beta0
        The length-dependence parameter ``beta_0`` (uniform).
    """

    def __init__(self, beta0: float = LandParameters.beta0) -> None:
        if not (isinstance(beta0, int | float) and math.isfinite(beta0)):
            raise ConfigError(f"LandTensionLaw.beta0 = {beta0!r}: expected a finite number")
        self.beta0 = float(beta0)
        self.beta: Any = None
        self.stretch_old: Any = None

    def __call__(self, kin: Any, alpha: Any) -> Any:
        import ufl
        from dolfinx import fem

        V = alpha.function_space
        self.beta = fem.Function(V, name="Ta_stretch_gain")
        self.stretch_old = fem.Function(V, name="stretch_old")
        self.stretch_old.x.array[:] = 1.0
        stretch = ufl.sqrt(kin.I4("f0"))
        return length_dependence_ufl(stretch, self.beta0) * (
            alpha + self.beta * (stretch - self.stretch_old))

    def set(self, beta_kPa: np.ndarray, stretch_old: np.ndarray) -> None:
        """Set ``beta`` (kPa) and ``lambda_n`` over the local entries of the tension space."""
        if self.beta is None:
            raise ConfigError("LandTensionLaw.set: the law is not part of a problem yet")
        self.beta.x.array[:] = beta_kPa
        self.stretch_old.x.array[:] = stretch_old
        self.beta.x.scatter_forward()
        self.stretch_old.x.scatter_forward()
