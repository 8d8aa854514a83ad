# cython: boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
# cython: language_level=3
"""Land et al. (2017) human myofilament model: the compiled point loops.

The definitions, units and parameter meanings are in :mod:`cardiotwin.mechanics.land`;
this module only integrates them.  Layout: ``states[N_STATES, n]`` (rows in
:data:`STATE_NAMES` order), ``params[N_PARAMS, n]`` (rows in :data:`PARAM_NAMES` order),
inputs as 1-D arrays of length ``n``.  Calcium in µM, stretch dimensionless, stretch rate
in 1/ms, time in ms, tension in kPa.

Every state equation is linear in its own state once the others are frozen
(``dy/dt = a + b y``), so each is advanced by the exact exponential update over the step
(Rush & Larsen 1978, ``rush_larsen_ab``): unconditionally stable, first order in time.
"""

from cython.parallel cimport prange
from libc.math cimport exp, fabs, fmax, fmin, pow
from numerics cimport rush_larsen_ab

STATE_NAMES = ("XS", "XW", "CaTRPN", "TmB", "Zeta_s", "Zeta_w")
STATE_UNITS = ("1", "1", "1", "1", "1", "1")
#: the resting state (no calcium bound, all tropomyosin blocking, no distortion)
INITIAL_STATES = (0.0, 0.0, 1e-8, 1.0, 0.0, 0.0)
PARAM_NAMES = ("Tref", "rs", "rw", "gammas", "gammaw", "phi", "Tot_A", "Beta0", "Beta1",
               "cat50_ref", "ktrpn", "ntrpn", "Trpn50", "kuw", "kws", "ku", "ntm")
PARAM_UNITS = ("kPa", "1", "1", "1", "1", "1", "1", "1", "1", "uM", "1/ms", "1", "1",
               "1/ms", "1/ms", "1/ms", "1")

cdef enum:
    XS = 0
    XW = 1
    CATRPN = 2
    TMB = 3
    ZS = 4
    ZW = 5
    N_STATES_C = 6

cdef enum:
    P_TREF = 0
    P_RS = 1
    P_RW = 2
    P_GAMMAS = 3
    P_GAMMAW = 4
    P_PHI = 5
    P_TOTA = 6
    P_BETA0 = 7
    P_BETA1 = 8
    P_CAT50 = 9
    P_KTRPN = 10
    P_NTRPN = 11
    P_TRPN50 = 12
    P_KUW = 13
    P_KWS = 14
    P_KU = 15
    P_NTM = 16
    N_PARAMS_C = 17

N_STATES = N_STATES_C
N_PARAMS = N_PARAMS_C


cdef inline double clamp_stretch(double lmbda) noexcept nogil:
    """``min(lambda, 1.2)``: the model's stretch dependence saturates at 1.2."""
    return fmin(lmbda, 1.2)


cdef inline double h_lambda(double lmbda, double beta0) noexcept nogil:
    """Length dependence of the tension, ``max(0, 1 + beta0 (l12 + min(l12, 0.87) - 1.87))``."""
    cdef double l12 = clamp_stretch(lmbda)
    return fmax(0.0, 1.0 + beta0 * (l12 + fmin(l12, 0.87) - 1.87))


cdef inline double zeta_rates(const double[:, ::1] p, Py_ssize_t i, double* a_w, double* c_w,
                              double* a_s) noexcept nogil:
    """The distortion coefficients ``A_w = A_s`` and decay rates ``c_w``, ``c_s`` (1/ms)."""
    cdef double rs = p[P_RS, i], rw = p[P_RW, i], phi = p[P_PHI, i]
    a_w[0] = p[P_TOTA, i] * rs / ((1.0 - rs) * rw + rs)
    a_s[0] = a_w[0]
    c_w[0] = phi * p[P_KUW, i] * ((1.0 - rs) * (1.0 - rw)) / ((1.0 - rs) * rw)
    return phi * p[P_KWS, i] * ((1.0 - rs) * rw) / rs


cdef inline void calcium_step(double[:, ::1] s, const double[:, ::1] p, Py_ssize_t i,
                              double cai, double lmbda, double dt) noexcept nogil:
    """Advance XS, XW, CaTRPN and TmB over ``dt`` at calcium ``cai`` (µM), stretch
    ``lmbda``, with the distortions Zeta frozen."""
    cdef double rs = p[P_RS, i], rw = p[P_RW, i]
    cdef double kuw = p[P_KUW, i], kws = p[P_KWS, i], ku = p[P_KU, i], ntm = p[P_NTM, i]
    cdef double kwu = kuw * (1.0 / rw - 1.0) - kws
    cdef double ksu = kws * rw * (1.0 / rs - 1.0)
    cdef double kb = ku * pow(p[P_TRPN50, i], ntm) / (1.0 - rs - (1.0 - rs) * rw)
    cdef double zs = s[ZS, i], zw = s[ZW, i]
    cdef double gsu, gwu, cat50, r, ctrpn, f_b, g_u
    cdef double xs = s[XS, i], xw = s[XW, i], tmb = s[TMB, i]
    # strain-dependent unbinding of the strongly and weakly bound crossbridges
    if zs > 0.0:
        gsu = p[P_GAMMAS, i] * zs
    elif zs < -1.0:
        gsu = p[P_GAMMAS, i] * (-zs - 1.0)
    else:
        gsu = 0.0
    gwu = p[P_GAMMAW, i] * fabs(zw)
    # troponin C calcium binding, length-dependent sensitivity
    cat50 = p[P_CAT50, i] + p[P_BETA1, i] * (clamp_stretch(lmbda) - 1.0)
    r = pow(fmax(cai, 0.0) / cat50, p[P_NTRPN, i])
    s[CATRPN, i] = rush_larsen_ab(s[CATRPN, i], p[P_KTRPN, i] * r,
                                  -p[P_KTRPN, i] * (r + 1.0), dt)
    ctrpn = fmax(s[CATRPN, i], 0.0)
    # tropomyosin: blocked <-> unblocked, XU = 1 - TmB - XS - XW
    f_b = kb * fmin(pow(ctrpn, -0.5 * ntm), 100.0)
    g_u = ku * pow(ctrpn, 0.5 * ntm)
    s[TMB, i] = rush_larsen_ab(tmb, f_b * (1.0 - xs - xw), -(f_b + g_u), dt)
    # crossbridges: unbound -> weak -> strong
    s[XW, i] = rush_larsen_ab(xw, kuw * (1.0 - tmb - xs), -(kuw + kwu + kws + gwu), dt)
    s[XS, i] = rush_larsen_ab(xs, kws * xw, -(ksu + gsu), dt)


cdef inline void zeta_step(double[:, ::1] s, const double[:, ::1] p, Py_ssize_t i,
                           double rate, double dt) noexcept nogil:
    """Exact update of the distortions for a constant stretch rate ``rate`` (1/ms)."""
    cdef double a_w, c_w, a_s, c_s
    c_s = zeta_rates(p, i, &a_w, &c_w, &a_s)
    s[ZS, i] = rush_larsen_ab(s[ZS, i], a_s * rate, -c_s, dt)
    s[ZW, i] = rush_larsen_ab(s[ZW, i], a_w * rate, -c_w, dt)


def _check(const double[:, ::1] states, const double[:, ::1] params, Py_ssize_t n):
    if states.shape[0] != N_STATES_C or states.shape[1] != n:
        raise ValueError(f"states must have shape ({N_STATES_C}, {n}), got "
                         f"({states.shape[0]}, {states.shape[1]})")
    if params.shape[0] != N_PARAMS_C or params.shape[1] != n:
        raise ValueError(f"params must have shape ({N_PARAMS_C}, {n}), got "
                         f"({params.shape[0]}, {params.shape[1]})")


def step(double[:, ::1] states, const double[:, ::1] params, const double[::1] cai_uM,
         const double[::1] stretch, const double[::1] stretch_rate, double dt, int workers=1):
    """Advance every point one step ``dt`` (ms) at constant calcium (µM), stretch and
    stretch rate (1/ms): the calcium-driven states, then the distortions."""
    cdef Py_ssize_t i, n = cai_uM.shape[0]
    _check(states, params, n)
    if stretch.shape[0] != n or stretch_rate.shape[0] != n:
        raise ValueError("step: cai_uM, stretch and stretch_rate must have one entry a point")
    for i in prange(n, nogil=True, num_threads=workers, schedule="static"):
        calcium_step(states, params, i, cai_uM[i], stretch[i], dt)
        zeta_step(states, params, i, stretch_rate[i], dt)


def advance_calcium(double[:, ::1] states, const double[:, ::1] params,
                    const double[::1] cai_start_uM, const double[::1] cai_end_uM,
                    const double[::1] stretch, double dt, int substeps=1, int workers=1):
    """Advance the calcium-driven states (XS, XW, CaTRPN, TmB) over ``dt`` (ms) in
    ``substeps`` equal steps, calcium linear in time from ``cai_start_uM`` to
    ``cai_end_uM`` (taken at each substep's midpoint); the distortions stay as they are."""
    cdef Py_ssize_t i, n = cai_start_uM.shape[0]
    cdef int k
    cdef double h, w
    _check(states, params, n)
    if cai_end_uM.shape[0] != n or stretch.shape[0] != n:
        raise ValueError("advance_calcium: the inputs must have one entry a point")
    if substeps < 1:
        raise ValueError(f"substeps = {substeps}: expected >= 1")
    h = dt / substeps
    for i in prange(n, nogil=True, num_threads=workers, schedule="static"):
        for k in range(substeps):
            w = (k + 0.5) / substeps
            calcium_step(states, params, i, (1.0 - w) * cai_start_uM[i] + w * cai_end_uM[i],
                         stretch[i], h)


def update_zeta(double[:, ::1] states, const double[:, ::1] params,
                const double[::1] stretch_old, const double[::1] stretch_new, double dt,
                int workers=1):
    """Exact update of the distortions over ``dt`` (ms) for the stretch going linearly from
    ``stretch_old`` to ``stretch_new``."""
    cdef Py_ssize_t i, n = stretch_old.shape[0]
    _check(states, params, n)
    if stretch_new.shape[0] != n:
        raise ValueError("update_zeta: stretch_old and stretch_new must have the same length")
    for i in prange(n, nogil=True, num_threads=workers, schedule="static"):
        zeta_step(states, params, i, (stretch_new[i] - stretch_old[i]) / dt, dt)


def tension(const double[:, ::1] states, const double[:, ::1] params,
            const double[::1] stretch, double[::1] out, int workers=1):
    """Active tension ``T_a`` (kPa) at every point into ``out``:
    ``h(lambda) Tref / rs (XS (Zeta_s + 1) + XW Zeta_w)``."""
    cdef Py_ssize_t i, n = stretch.shape[0]
    _check(states, params, n)
    if out.shape[0] != n:
        raise ValueError("tension: out must have one entry a point")
    for i in prange(n, nogil=True, num_threads=workers, schedule="static"):
        out[i] = (h_lambda(stretch[i], params[P_BETA0, i]) * params[P_TREF, i]
                  / params[P_RS, i]
                  * (states[XS, i] * (states[ZS, i] + 1.0) + states[XW, i] * states[ZW, i]))
