# cython: language_level=3
# cardiotwin ionic kernel 'aliev-panfilov': GENERATED CODE, do not edit by hand.
#
# Generated from: aliev_panfilov_1996.mmt (sha256 43bef871ff79e8d4)
# Aliev RR, Panfilov AV (1996). Chaos Solitons Fractals 7:293-301. Written from the paper (V = 100 u - 80 mV, t = 12.9 t_AU ms).
# Generator: cardiotwin.ionic.codegen version 2.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Rush-Larsen states (right-hand side linear in the state, found symbolically, and
# not coupled both ways to another non-V state):
# Forward Euler states:
#   membrane.V
#   recovery.w
# Lookup-table entries (depend on V only; step_lut): 2
#   lutx__0 = (membrane__u * (membrane__u - 1.0))

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport powi, rush_larsen_ab
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
LUT_ENTRIES = ('membrane__u', 'lutx__0')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
cdef Py_ssize_t N_STATES_C = 2
cdef Py_ssize_t N_LUT_C = 2
cdef Py_ssize_t N_PARAMS_C = 5
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)

# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and
# vectorised by the C compiler (SIMD exp/log from the C library where it has them).
cdef enum:
    CHUNK = 32
    NS = 2
    NP = 5
    NL = 2
    LANES = 8

# The cell loop over one chunk, in C (compiled for several instruction sets where
# the compiler supports target_clones, see kernels/common/ionic_chunk.h).
cdef extern from *:
    """
    #include "ionic_chunk.h"
    static void CT_KERNEL ct_chunk(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt)
    {
        double out[64];
        (void)t;
        (void)p;
        for (int jb = 0; jb < nj; jb += 8) {
            for (int j = jb; j < jb + 8; ++j) {
                const double i_stim = ist[j];
                const double membrane__V = s[0 * ld + j];
                const double recovery__w = s[1 * ld + j];
                const double parameters__k = p[0 * ld + j];
                const double parameters__a = p[1 * ld + j];
                const double parameters__eps0 = p[2 * ld + j];
                const double parameters__mu1 = p[3 * ld + j];
                const double parameters__mu2 = p[4 * ld + j];
                const double membrane__u = (0.01 * (membrane__V - (-80.0)));
                const double dot__membrane__V = (7.751937984496124 * (((-parameters__k) * membrane__u * (membrane__u - parameters__a) * (membrane__u - 1.0)) - (membrane__u * recovery__w))) - i_stim;
                const double recovery__eps = parameters__eps0 + (parameters__mu1 * recovery__w / (membrane__u + parameters__mu2));
                const double dot__recovery__w = (0.07751937984496124 * recovery__eps * (-recovery__w - (parameters__k * membrane__u * (membrane__u - parameters__a - 1.0))));
                out[0 + j] = membrane__V + dt * dot__membrane__V;
                out[32 + j] = recovery__w + dt * dot__recovery__w;
                (void)i_stim;
            }
        }
        for (int k = 0; k < 2; ++k)
            for (int j = 0; j < nj; ++j)
                s[k * ld + j] = out[k * 32 + j];
    }

    static void CT_KERNEL ct_chunk_lut(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv)
    {
        double out[64];
        const double xmax_lut = n_rows - 1.000001;
        (void)t;
        (void)p;
        for (int jb = 0; jb < nj; jb += 8) {
            for (int j = jb; j < jb + 8; ++j) {
                const double i_stim = ist[j];
                const double membrane__V = s[0 * ld + j];
                const double recovery__w = s[1 * ld + j];
                const double parameters__k = p[0 * ld + j];
                const double parameters__a = p[1 * ld + j];
                const double parameters__eps0 = p[2 * ld + j];
                const double parameters__mu1 = p[3 * ld + j];
                const double parameters__mu2 = p[4 * ld + j];
                const double x_lut0 = (membrane__V - vmin) * inv_dv;
                const double x_lut1 = x_lut0 > 0.0 ? x_lut0 : 0.0;
                const double x_lut = x_lut1 < xmax_lut ? x_lut1 : xmax_lut;
                const int i_lut = (int)x_lut;
                const double w_lut = x_lut - i_lut;
                const int o_lut = 2 * i_lut;
                const double membrane__u = lut[o_lut + 0] + w_lut * (lut[o_lut + 2] - lut[o_lut + 0]);
                const double lutx__0 = lut[o_lut + 1] + w_lut * (lut[o_lut + 3] - lut[o_lut + 1]);
                const double dot__membrane__V = (7.751937984496124 * (((-parameters__k) * (membrane__u - parameters__a) * lutx__0) - (membrane__u * recovery__w))) - i_stim;
                const double recovery__eps = parameters__eps0 + (parameters__mu1 * recovery__w / (membrane__u + parameters__mu2));
                const double dot__recovery__w = (0.07751937984496124 * recovery__eps * (-recovery__w - (parameters__k * membrane__u * (membrane__u - parameters__a - 1.0))));
                out[0 + j] = membrane__V + dt * dot__membrane__V;
                out[32 + j] = recovery__w + dt * dot__recovery__w;
                (void)i_stim;
            }
        }
        for (int k = 0; k < 2; ++k)
            for (int j = 0; j < nj; ++j)
                s[k * ld + j] = out[k * 32 + j];
    }

    """
    void ct_chunk(int nj, double* s, const double* p, Py_ssize_t ld, const double* ist, double t, double dt) nogil
    void ct_chunk_lut(int nj, double* s, const double* p, Py_ssize_t ld, const double* ist, double t, double dt, const double* lut, int n_rows, double vmin, double inv_dv) nogil


cdef void _lut_row(double V, double dt, double* row) noexcept nogil:
    cdef double membrane__V = V
    cdef double membrane__u = (0.01 * (membrane__V - (-80.0)))
    row[0] = membrane__u
    row[1] = (membrane__u * (membrane__u - 1.0))


cdef void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m) noexcept nogil:
    cdef double i_stim = 0.0
    cdef double membrane__V = s[0 * n + c]
    cdef double recovery__w = s[1 * n + c]
    cdef double parameters__k = p[0 * n + c]
    cdef double parameters__a = p[1 * n + c]
    cdef double parameters__eps0 = p[2 * n + c]
    cdef double parameters__mu1 = p[3 * n + c]
    cdef double parameters__mu2 = p[4 * n + c]
    cdef double membrane__u = (0.01 * (membrane__V - (-80.0)))
    cdef double dot__membrane__V = (7.751937984496124 * (((-parameters__k) * membrane__u * (membrane__u - parameters__a) * (membrane__u - 1.0)) - (membrane__u * recovery__w))) - i_stim
    o[0 * m + c] = -dot__membrane__V


cdef void _chunk_at(double* s, const double* p, Py_ssize_t n, Py_ssize_t c0,
                   const double* ist, Py_ssize_t ist_stride, double t, double dt,
                   const double* lut, int n_rows, double vmin, double inv_dv) noexcept nogil:
    """Advance cells ``c0 .. min(c0 + CHUNK, n) - 1``.  A short last chunk is padded (with
    copies of its last cell, up to a multiple of LANES) into local arrays, so that every
    cell takes the same code path whatever the number of cells or threads (bitwise
    identical results)."""
    cdef double ib[CHUNK]
    cdef double sb[NS * CHUNK]
    cdef double pb[NP * CHUNK]
    cdef Py_ssize_t m = n - c0
    cdef Py_ssize_t j, k, jj
    cdef int nj = CHUNK if m >= CHUNK else <int>(((m + LANES - 1) // LANES) * LANES)
    for j in range(nj):
        jj = j if j < m else m - 1
        ib[j] = ist[(c0 + jj) * ist_stride]
    if m >= CHUNK:
        if lut == NULL:
            ct_chunk(CHUNK, s + c0, p + c0 if p != NULL else NULL, n, ib, t, dt)
        else:
            ct_chunk_lut(CHUNK, s + c0, p + c0 if p != NULL else NULL, n, ib, t, dt, lut,
                         n_rows, vmin, inv_dv)
        return
    for k in range(NS):
        for j in range(nj):
            jj = j if j < m else m - 1
            sb[k * CHUNK + j] = s[k * n + c0 + jj]
    if p != NULL:
        for k in range(N_PARAMS_C):
            for j in range(nj):
                jj = j if j < m else m - 1
                pb[k * CHUNK + j] = p[k * n + c0 + jj]
    if lut == NULL:
        ct_chunk(nj, sb, pb, CHUNK, ib, t, dt)
    else:
        ct_chunk_lut(nj, sb, pb, CHUNK, ib, t, dt, lut, n_rows, vmin, inv_dv)
    for k in range(NS):
        for j in range(m):
            s[k * n + c0 + j] = sb[k * CHUNK + j]


cdef void _run(double* s, const double* p, Py_ssize_t n, const double* ist,
               Py_ssize_t ist_stride, double t, double dt, const double* lut, int n_rows,
               double vmin, double inv_dv, int workers) noexcept nogil:
    """One step for all cells, chunk by chunk (``prange`` over chunks if workers > 1)."""
    cdef Py_ssize_t n_chunks = (n + CHUNK - 1) // CHUNK
    cdef Py_ssize_t ch
    if workers > 1:
        for ch in prange(n_chunks, num_threads=workers, schedule="static"):
            _chunk_at(s, p, n, ch * CHUNK, ist, ist_stride, t, dt, lut, n_rows, vmin,
                      inv_dv)
    else:
        for ch in range(n_chunks):
            _chunk_at(s, p, n, ch * CHUNK, ist, ist_stride, t, dt, lut, n_rows, vmin,
                      inv_dv)


def step(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
         double t, double dt, int workers=1):
    """Advance every cell by one step ``dt`` (ms) from time ``t`` (ms), in place.

    ``states[N_STATES, n_cells]``, ``params[N_PARAMS, n_cells]``, ``i_stim[n_cells]``
    (µA/µF, negative depolarises).  Shapes are not checked here (see
    ``cardiotwin.ionic.CellModel.step``).
    """
    cdef Py_ssize_t n = states.shape[1]
    if n == 0:
        return
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    with nogil:
        _run(s, p, n, st, 1, t, dt, NULL, 0, 0.0, 1.0, workers)


def make_lut(double vmin, double dv, double dt, double[:, ::1] out):
    """Fill ``out[n_rows, N_LUT]`` with the V-only expressions at ``vmin + i*dv``.

    Each row is the mean of the values at ``V - h`` and ``V + h`` with ``h = dv / 1000``:
    this removes the 0/0 of removable singularities such as ``(V - a)/(exp(k (V - a)) - 1)``
    when ``a`` falls on a table point, and changes smooth entries by O(h**2).  The
    Rush-Larsen factors in the table depend on ``dt`` (ms).
    """
    cdef Py_ssize_t i, k
    cdef double lo[NL]
    cdef double hi[NL]
    cdef double h = 1e-3 * dv
    if out.shape[1] != N_LUT:
        raise ValueError(f"lookup table needs {N_LUT} columns, got {out.shape[1]}")
    if N_LUT_C == 0:
        return
    with nogil:
        for i in range(out.shape[0]):
            _lut_row(vmin + i * dv - h, dt, lo)
            _lut_row(vmin + i * dv + h, dt, hi)
            for k in range(N_LUT_C):
                out[i, k] = 0.5 * (lo[k] + hi[k])


def step_lut(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
             double t, double dt, const double[:, ::1] lut, double vmin, double dv,
             int workers=1):
    """Like ``step`` but reading the V-only expressions from ``lut`` (from ``make_lut`` with
    the same ``dt``), linearly interpolated; V outside the table is clamped to its ends."""
    cdef Py_ssize_t n = states.shape[1]
    if n == 0:
        return
    if lut.shape[0] < 2 or lut.shape[0] * (N_LUT + 1) > 2**31 - 1 or lut.shape[1] != N_LUT:
        raise ValueError(f"lookup table needs {N_LUT} columns and 2 .. (2**31 - 1) / "
                         f"{N_LUT + 1} rows")
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    cdef const double* tab = &lut[0, 0]
    cdef int rows = <int>lut.shape[0]
    with nogil:
        _run(s, p, n, st, 1, t, dt, tab, rows, vmin, 1.0 / dv, workers)


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
    cdef Py_ssize_t i, k, row = 0
    cdef double* s
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* tab = NULL
    cdef int rows = 0
    cdef double t, ist
    if n == 0:
        return
    s = &states[0, 0]
    if record_every > 0 and trace.shape[0] < n_steps // record_every:
        raise ValueError(f"trace needs {n_steps // record_every} rows")
    if record_every > 0 and trace.shape[1] != N_STATES:
        raise ValueError(f"trace needs {N_STATES} columns")
    if lut is not None:
        if lut.shape[0] < 2 or lut.shape[0] * (N_LUT + 1) > 2**31 - 1 or lut.shape[1] != N_LUT:
            raise ValueError(f"lookup table needs {N_LUT} columns and 2 .. (2**31 - 1) / "
                             f"{N_LUT + 1} rows")
        tab = &lut[0, 0]
        rows = <int>lut.shape[0]
    with nogil:
        for i in range(n_steps):
            t = t0 + i * dt
            ist = amplitude * blocktrain_fraction(t, dt, duration, period, offset)
            _run(s, p, n, &ist, 0, t, dt, tab, rows, vmin, 1.0 / dv, workers)
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

