# cython: language_level=3
# cardiotwin ionic kernel 'mitchell-schaeffer': GENERATED CODE, do not edit by hand.
#
# Generated from: mitchell_schaeffer_2003.cellml (sha256 38772f044f95fcf7)
# Mitchell CC, Schaeffer DG (2003). Bull Math Biol 65:767-793. V is dimensionless (0..1); the stimulus is a flux in 1/ms.
# Generator: cardiotwin.ionic.codegen version 1.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Rush-Larsen states (right-hand side linear in the state, found symbolically, and
# not coupled both ways to another non-V state):
#   J_in_h_gate.h
# Forward Euler states:
#   membrane.Vm
# Lookup-table entries (depend on V only; step_lut): 2

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport rush_larsen_ab
from pacing cimport blocktrain_fraction

MODEL_NAME = 'mitchell-schaeffer'
STATE_NAMES = ('membrane.Vm', 'J_in_h_gate.h')
STATE_UNITS = ('1', '1')
INITIAL_STATES = (8.20413566106744e-06, 0.8789655121804799)
PARAM_NAMES = ()
PARAM_UNITS = ()
PARAM_DEFAULTS = ()
PARAM_KINDS = ()
PARAM_TARGETS = ()
RUSH_LARSEN_STATES = ('J_in_h_gate.h',)
FORWARD_EULER_STATES = ('membrane.Vm',)
BACKWARD_EULER_STATES = ()
CURRENT_NAMES = ('I_ion',)
CURRENT_UNITS = ('1/ms',)
CURRENT_SOURCES = ('-dV/dt at i_stim=0',)
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-0.2, 1.0)
VOLTAGE_UNIT = '1'
LUT_ENTRIES = ('J_out__J_out', 'rlfactor__J_in_h_gate__h')
LUT_DEFAULT_RANGE = (-0.5, 1.5, 0.0005)
cdef Py_ssize_t N_STATES_C = 2
cdef Py_ssize_t N_LUT_C = 2
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)

cdef inline void _cell_step(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, double t, double dt) noexcept nogil:
    cdef double membrane__Vm = s[0 * n + c]
    cdef double J_in_h_gate__h = s[1 * n + c]
    cdef double J_in__J_in = J_in_h_gate__h * (((membrane__Vm) * (membrane__Vm)) * (1.0 - membrane__Vm)) / 0.3
    cdef double J_out__J_out = -(membrane__Vm / 6.0)
    cdef double dot__membrane__Vm = J_in__J_in + J_out__J_out + (-i_stim / 1.0)
    cdef double dot__J_in_h_gate__h = ((1.0 - J_in_h_gate__h) / 120.0 if (membrane__Vm < 0.13) else -J_in_h_gate__h / 150.0)
    cdef double rlb__J_in_h_gate__h = (-(1.0 / (120.0)) if (0.13 > membrane__Vm) else -(1.0 / (150.0)))
    s[0 * n + c] = membrane__Vm + dt * dot__membrane__Vm
    s[1 * n + c] = rush_larsen_ab(J_in_h_gate__h, dot__J_in_h_gate__h - rlb__J_in_h_gate__h * J_in_h_gate__h, rlb__J_in_h_gate__h, dt)


cdef inline void _cell_step_lut(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, double t, double dt, const double* lut, Py_ssize_t n_rows, double vmin, double inv_dv) noexcept nogil:
    cdef double membrane__Vm = s[0 * n + c]
    cdef double J_in_h_gate__h = s[1 * n + c]
    cdef double x_lut = (membrane__Vm - vmin) * inv_dv
    cdef Py_ssize_t i_lut
    cdef double w_lut
    cdef const double* r0
    cdef const double* r1
    cdef double J_out__J_out
    cdef double rlfactor__J_in_h_gate__h
    cdef double J_in__J_in
    cdef double dot__membrane__Vm
    cdef double dot__J_in_h_gate__h
    if x_lut < 0.0:
        x_lut = 0.0
    elif x_lut > n_rows - 1.000001:
        x_lut = n_rows - 1.000001
    i_lut = <Py_ssize_t>x_lut
    w_lut = x_lut - i_lut
    r0 = lut + i_lut * 2
    r1 = r0 + 2
    J_out__J_out = r0[0] + w_lut * (r1[0] - r0[0])
    rlfactor__J_in_h_gate__h = r0[1] + w_lut * (r1[1] - r0[1])
    J_in__J_in = J_in_h_gate__h * (((membrane__Vm) * (membrane__Vm)) * (1.0 - membrane__Vm)) / 0.3
    dot__membrane__Vm = J_in__J_in + J_out__J_out + (-i_stim / 1.0)
    dot__J_in_h_gate__h = ((1.0 - J_in_h_gate__h) / 120.0 if (membrane__Vm < 0.13) else -J_in_h_gate__h / 150.0)
    s[0 * n + c] = membrane__Vm + dt * dot__membrane__Vm
    s[1 * n + c] = J_in_h_gate__h + dot__J_in_h_gate__h * rlfactor__J_in_h_gate__h


cdef inline void _lut_row(double V, double dt, double* row) noexcept nogil:
    cdef double membrane__Vm = V
    cdef double J_out__J_out = -(membrane__Vm / 6.0)
    cdef double rlb__J_in_h_gate__h = (-(1.0 / (120.0)) if (0.13 > membrane__Vm) else -(1.0 / (150.0)))
    row[0] = J_out__J_out
    row[1] = expm1(rlb__J_in_h_gate__h * dt) / rlb__J_in_h_gate__h if fabs(rlb__J_in_h_gate__h) > 1e-12 else dt


cdef inline void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m) noexcept nogil:
    cdef double i_stim = 0.0
    cdef double membrane__Vm = s[0 * n + c]
    cdef double J_in_h_gate__h = s[1 * n + c]
    cdef double J_in__J_in = J_in_h_gate__h * (((membrane__Vm) * (membrane__Vm)) * (1.0 - membrane__Vm)) / 0.3
    cdef double J_out__J_out = -(membrane__Vm / 6.0)
    cdef double dot__membrane__Vm = J_in__J_in + J_out__J_out + (-i_stim / 1.0)
    o[0 * m + c] = -dot__membrane__Vm


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

