# cython: language_level=3
# cardiotwin ionic kernel 'aliev-panfilov': GENERATED CODE, do not edit by hand.
#
# Generated from: aliev_panfilov_1996.mmt (sha256 43bef871ff79e8d4)
# Aliev RR, Panfilov AV (1996). Chaos Solitons Fractals 7:293-301. Written from the paper (V = 100 u - 80 mV, t = 12.9 t_AU ms).
# Generator: cardiotwin.ionic.codegen version 1.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Rush-Larsen states (right-hand side linear in the state, found symbolically, and
# not coupled both ways to another non-V state):
# Forward Euler states:
#   membrane.V
#   recovery.w
# Lookup-table entries (depend on V only; step_lut): 1

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport rush_larsen_ab
from pacing cimport blocktrain_fraction

MODEL_NAME = 'aliev-panfilov'
STATE_NAMES = ('membrane.V', 'recovery.w')
STATE_UNITS = ('mV', '1')
INITIAL_STATES = (-80.0, 0.0)
PARAM_NAMES = ('k', 'a', 'eps0', 'mu1', 'mu2')
PARAM_UNITS = ('1', '1', '1', '1', '1')
PARAM_DEFAULTS = (8.0, 0.15, 0.002, 0.2, 0.3)
PARAM_KINDS = ('value', 'value', 'value', 'value', 'value')
PARAM_TARGETS = ('parameters.k', 'parameters.a', 'parameters.eps0', 'parameters.mu1', 'parameters.mu2')
RUSH_LARSEN_STATES = ()
FORWARD_EULER_STATES = ('membrane.V', 'recovery.w')
BACKWARD_EULER_STATES = ()
CURRENT_NAMES = ('I_ion',)
CURRENT_UNITS = ('uA/uF',)
CURRENT_SOURCES = ('-dV/dt at i_stim=0',)
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-52.0, 1.0)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('membrane__u',)
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
cdef Py_ssize_t N_STATES_C = 2
cdef Py_ssize_t N_LUT_C = 1
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)

cdef inline void _cell_step(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, double t, double dt) noexcept nogil:
    cdef double membrane__V = s[0 * n + c]
    cdef double recovery__w = s[1 * n + c]
    cdef double parameters__k = p[0 * n + c]
    cdef double parameters__a = p[1 * n + c]
    cdef double parameters__eps0 = p[2 * n + c]
    cdef double parameters__mu1 = p[3 * n + c]
    cdef double parameters__mu2 = p[4 * n + c]
    cdef double membrane__u = (membrane__V - (-80.0)) / 100.0
    cdef double dot__membrane__V = 100.0 * (-parameters__k * membrane__u * (membrane__u - parameters__a) * (membrane__u - 1.0) - membrane__u * recovery__w) / 12.9 - (-i_stim / (-1.0))
    cdef double recovery__eps = parameters__eps0 + parameters__mu1 * recovery__w / (membrane__u + parameters__mu2)
    cdef double dot__recovery__w = recovery__eps * (-recovery__w - parameters__k * membrane__u * (membrane__u - parameters__a - 1.0)) / 12.9
    s[0 * n + c] = membrane__V + dt * dot__membrane__V
    s[1 * n + c] = recovery__w + dt * dot__recovery__w


cdef inline void _cell_step_lut(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, double t, double dt, const double* lut, Py_ssize_t n_rows, double vmin, double inv_dv) noexcept nogil:
    cdef double membrane__V = s[0 * n + c]
    cdef double recovery__w = s[1 * n + c]
    cdef double parameters__k = p[0 * n + c]
    cdef double parameters__a = p[1 * n + c]
    cdef double parameters__eps0 = p[2 * n + c]
    cdef double parameters__mu1 = p[3 * n + c]
    cdef double parameters__mu2 = p[4 * n + c]
    cdef double x_lut = (membrane__V - vmin) * inv_dv
    cdef Py_ssize_t i_lut
    cdef double w_lut
    cdef const double* r0
    cdef const double* r1
    cdef double membrane__u
    cdef double dot__membrane__V
    cdef double recovery__eps
    cdef double dot__recovery__w
    if x_lut < 0.0:
        x_lut = 0.0
    elif x_lut > n_rows - 1.000001:
        x_lut = n_rows - 1.000001
    i_lut = <Py_ssize_t>x_lut
    w_lut = x_lut - i_lut
    r0 = lut + i_lut * 1
    r1 = r0 + 1
    membrane__u = r0[0] + w_lut * (r1[0] - r0[0])
    dot__membrane__V = 100.0 * (-parameters__k * membrane__u * (membrane__u - parameters__a) * (membrane__u - 1.0) - membrane__u * recovery__w) / 12.9 - (-i_stim / (-1.0))
    recovery__eps = parameters__eps0 + parameters__mu1 * recovery__w / (membrane__u + parameters__mu2)
    dot__recovery__w = recovery__eps * (-recovery__w - parameters__k * membrane__u * (membrane__u - parameters__a - 1.0)) / 12.9
    s[0 * n + c] = membrane__V + dt * dot__membrane__V
    s[1 * n + c] = recovery__w + dt * dot__recovery__w


cdef inline void _lut_row(double V, double dt, double* row) noexcept nogil:
    cdef double membrane__V = V
    cdef double membrane__u = (membrane__V - (-80.0)) / 100.0
    row[0] = membrane__u


cdef inline void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m) noexcept nogil:
    cdef double i_stim = 0.0
    cdef double membrane__V = s[0 * n + c]
    cdef double recovery__w = s[1 * n + c]
    cdef double parameters__k = p[0 * n + c]
    cdef double parameters__a = p[1 * n + c]
    cdef double parameters__eps0 = p[2 * n + c]
    cdef double parameters__mu1 = p[3 * n + c]
    cdef double parameters__mu2 = p[4 * n + c]
    cdef double membrane__u = (membrane__V - (-80.0)) / 100.0
    cdef double dot__membrane__V = 100.0 * (-parameters__k * membrane__u * (membrane__u - parameters__a) * (membrane__u - 1.0) - membrane__u * recovery__w) / 12.9 - (-i_stim / (-1.0))
    o[0 * m + c] = -dot__membrane__V


def step(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
         double t, double dt, int workers=1):
    """Advance every cell by one step ``dt`` (ms) from time ``t`` (ms), in place.

    ``states[N_STATES, n_cells]``, ``params[N_PARAMS, n_cells]``, ``i_stim[n_cells]``
    (µA/µF, negative depolarises).  Shapes are not checked here (see
    ``cardiotwin.ionic.CellModel.step``).
    """
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    if n == 0:
        return
    if workers > 1:
        for c in prange(n, nogil=True, num_threads=workers, schedule="static"):
            _cell_step(s, p, n, c, st[c], t, dt)
    else:
        with nogil:
            for c in range(n):
                _cell_step(s, p, n, c, st[c], t, dt)


def make_lut(double vmin, double dv, double dt, double[:, ::1] out):
    """Fill ``out[n_rows, N_LUT]`` with the V-only expressions at ``vmin + i*dv``.

    The Rush-Larsen factors ``(exp(b dt) - 1)/b`` in the table depend on ``dt`` (ms).
    """
    cdef Py_ssize_t i
    if out.shape[1] != N_LUT:
        raise ValueError(f"lookup table needs {N_LUT} columns, got {out.shape[1]}")
    with nogil:
        for i in range(out.shape[0]):
            _lut_row(vmin + i * dv, dt, &out[i, 0] if N_LUT_C > 0 else NULL)


def step_lut(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
             double t, double dt, const double[:, ::1] lut, double vmin, double dv,
             int workers=1):
    """Like ``step`` but reading the V-only expressions from ``lut`` (from ``make_lut`` with
    the same ``dt``), linearly interpolated; V outside the table is clamped to its ends."""
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    cdef const double* tab = &lut[0, 0]
    cdef Py_ssize_t rows = lut.shape[0]
    cdef double inv_dv = 1.0 / dv
    if n == 0:
        return
    if workers > 1:
        for c in prange(n, nogil=True, num_threads=workers, schedule="static"):
            _cell_step_lut(s, p, n, c, st[c], t, dt, tab, rows, vmin, inv_dv)
    else:
        with nogil:
            for c in range(n):
                _cell_step_lut(s, p, n, c, st[c], t, dt, tab, rows, vmin, inv_dv)


def advance(double[:, ::1] states, const double[:, ::1] params, double t0, double dt,
            Py_ssize_t n_steps, double amplitude, double duration, double period,
            double offset, double[:, ::1] trace, Py_ssize_t record_every=0, int workers=1,
            const double[:, ::1] lut=None, double vmin=0.0, double dv=1.0):
    """Take ``n_steps`` steps from ``t0`` (ms) with the same block-train stimulus for every
    cell: pulses of ``amplitude`` (µA/µF, negative depolarises) for ``duration`` ms every
    ``period`` ms from ``offset`` ms (one pulse if ``period <= 0``).  Each step gets the
    pulse's average over the step, so the stimulus charge does not depend on ``dt``.

    If ``record_every > 0``, the states of cell 0 after every ``record_every``-th step are
    written to ``trace[k, :]`` (``trace`` needs ``n_steps // record_every`` rows).  With
    ``lut`` (from ``make_lut`` at this ``dt``) the lookup-table path is used.
    """
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c, i, k, row = 0
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* tab = NULL
    cdef Py_ssize_t rows = 0
    cdef double inv_dv = 1.0 / dv
    cdef double t, ist
    cdef bint use_lut = lut is not None
    if n == 0:
        return
    if record_every > 0 and trace.shape[0] < n_steps // record_every:
        raise ValueError(f"trace needs {n_steps // record_every} rows")
    if record_every > 0 and trace.shape[1] != N_STATES:
        raise ValueError(f"trace needs {N_STATES} columns")
    if use_lut:
        if lut.shape[1] != N_LUT:
            raise ValueError(f"lookup table needs {N_LUT} columns")
        tab = &lut[0, 0]
        rows = lut.shape[0]
    with nogil:
        for i in range(n_steps):
            t = t0 + i * dt
            ist = amplitude * blocktrain_fraction(t, dt, duration, period, offset)
            if use_lut:
                if workers > 1:
                    for c in prange(n, num_threads=workers, schedule="static"):
                        _cell_step_lut(s, p, n, c, ist, t, dt, tab, rows, vmin, inv_dv)
                else:
                    for c in range(n):
                        _cell_step_lut(s, p, n, c, ist, t, dt, tab, rows, vmin, inv_dv)
            else:
                if workers > 1:
                    for c in prange(n, num_threads=workers, schedule="static"):
                        _cell_step(s, p, n, c, ist, t, dt)
                else:
                    for c in range(n):
                        _cell_step(s, p, n, c, ist, t, dt)
            if record_every > 0 and (i + 1) % record_every == 0:
                for k in range(N_STATES_C):
                    trace[row, k] = s[k * n]
                row += 1


def currents(const double[:, ::1] states, const double[:, ::1] params, double t,
             double[:, ::1] out):
    """Evaluate ``CURRENT_NAMES`` for every cell into ``out[len(CURRENT_NAMES), n_cells]``
    (currents in µA/µF as in the model, concentrations in the model's unit, see
    ``CURRENT_UNITS``; the stimulus is taken as zero)."""
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c
    cdef const double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef double* o = &out[0, 0]
    if n == 0:
        return
    if out.shape[0] != len(CURRENT_NAMES) or out.shape[1] != n:
        raise ValueError("out must have shape (len(CURRENT_NAMES), n_cells)")
    with nogil:
        for c in range(n):
            _cell_currents(s, p, n, c, t, o, n)

