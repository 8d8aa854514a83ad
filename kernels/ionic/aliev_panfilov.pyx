# cython: language_level=3
# cardiotwin ionic kernel 'aliev-panfilov': GENERATED CODE, do not edit by hand.
#
# Generated from: aliev_panfilov_1996.mmt (sha256 43bef871ff79e8d4)
# Aliev RR, Panfilov AV (1996). Chaos Solitons Fractals 7:293-301. Written from the paper (V = 100 u - 80 mV, t = 12.9 t_AU ms).
# Generator: cardiotwin.ionic.codegen version 3.
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
EXPONENTIAL_EULER_STATES = ()
CURRENT_NAMES = ('I_ion',)
CURRENT_UNITS = ('uA/uF',)
CURRENT_SOURCES = ('-dV/dt at i_stim=0',)
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-52.0, 1.0)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('membrane__u', 'lutx__0')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
# Cell types sharing this kernel (index = position): registry name, value of the
# cell-type parameter row, initial states and default stimulus of each
VARIANT_PARAM = None
VARIANT_NAMES = ()
VARIANT_VALUES = ()
VARIANT_INITIAL_STATES = ()
VARIANT_DEFAULT_STIMULUS = ()
VARIANT_PARAM_TARGETS = ()
cdef Py_ssize_t N_STATES_C = 2
cdef Py_ssize_t N_LUT_C = 2
cdef Py_ssize_t N_PARAMS_C = 5
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)
N_VARIANTS = max(len(VARIANT_NAMES), 1)

# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and
# vectorised by the C compiler (SIMD exp/log from the C library where it has them).
cdef enum:
    CHUNK = 32
    NS = 2
    NP = 5
    NL = 2
    LANES = 8
    NV = 1
    VROW = -1

# The cell loop over one chunk, in C, written once with the cell type as an argument
# and compiled once per cell type (the argument constant), for several instruction
# sets where the compiler supports target_clones (see kernels/common/ionic_chunk.h).
cdef extern from *:
    """
    #include "ionic_chunk.h"
    static inline __attribute__((always_inline)) void ct_chunk_body(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const int variant)
    {
        double out[64];
        (void)t;
        (void)p;
        (void)variant;
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

    static inline __attribute__((always_inline)) void ct_chunk_lut_body(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv, const int variant)
    {
        double out[64];
        const double xmax_lut = n_rows - 1.000001;
        (void)t;
        (void)p;
        (void)variant;
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

    static void CT_KERNEL ct_chunk_v0(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt)
    { ct_chunk_body(nj, s, p, ld, ist, t, dt, 0); }
    static void CT_KERNEL ct_chunk_lut_v0(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv)
    { ct_chunk_lut_body(nj, s, p, ld, ist, t, dt, lut, n_rows, vmin, inv_dv, 0); }

    static void ct_chunk(int variant, int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt)
    {
        switch (variant) {
        default: ct_chunk_v0(nj, s, p, ld, ist, t, dt);
        }
    }

    static void ct_chunk_lut(int variant, int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv)
    {
        lut += (Py_ssize_t)variant * n_rows * 2;
        switch (variant) {
        default: ct_chunk_lut_v0(nj, s, p, ld, ist, t, dt, lut, n_rows, vmin, inv_dv);
        }
    }

    static const double CT_VARIANT_VALUES[1] = {0.0};
    static int ct_variant_of(double value)
    {
        for (int k = 0; k < 1; ++k)
            if (value == CT_VARIANT_VALUES[k])
                return k;
        return -1;
    }

    """
    void ct_chunk(int variant, int nj, double* s, const double* p, Py_ssize_t ld, const double* ist, double t, double dt) nogil
    void ct_chunk_lut(int variant, int nj, double* s, const double* p, Py_ssize_t ld, const double* ist, double t, double dt, const double* lut, int n_rows, double vmin, double inv_dv) nogil
    int ct_variant_of(double value) nogil


cdef void _lut_row(double V, double dt, double* row, int variant) noexcept nogil:
    cdef double membrane__V = V
    cdef double membrane__u = (0.01 * (membrane__V - (-80.0)))
    row[0] = membrane__u
    row[1] = (membrane__u * (membrane__u - 1.0))


cdef void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m, int variant) noexcept nogil:
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


cdef int _chunk_at(double* s, const double* p, Py_ssize_t n, Py_ssize_t c0,
                  const double* ist, Py_ssize_t ist_stride, double t, double dt,
                  const double* lut, int n_rows, double vmin, double inv_dv) noexcept nogil:
    """Advance cells ``c0 .. min(c0 + CHUNK, n) - 1``; 1 if a cell-type value is unknown.

    A short last chunk is padded (with copies of its last cell, up to a multiple of LANES)
    into local arrays, so that every cell takes the same code path whatever the number of
    cells or threads (bitwise identical results).  A chunk holding several cell types is
    advanced once per type present, each cell keeping its own type's result."""
    cdef double ib[CHUNK]
    cdef double sb[NS * CHUNK]
    cdef double tb[NS * CHUNK]
    cdef double pb[NP * CHUNK]
    cdef int vk[CHUNK]
    cdef Py_ssize_t m = n - c0
    cdef Py_ssize_t mm = m if m < CHUNK else CHUNK
    cdef Py_ssize_t j, k, jj
    cdef int nj = CHUNK if m >= CHUNK else <int>(((m + LANES - 1) // LANES) * LANES)
    cdef int variant = 0
    cdef int mixed = 0
    cdef int kv, present
    vk[0] = 0
    if NV > 1:
        for j in range(mm):
            kv = ct_variant_of(p[VROW * n + c0 + j])
            if kv < 0:
                return 1
            vk[j] = kv
            if kv != vk[0]:
                mixed = 1
        variant = vk[0]
    for j in range(nj):
        jj = j if j < m else m - 1
        ib[j] = ist[(c0 + jj) * ist_stride]
    if m >= CHUNK and not mixed:
        if lut == NULL:
            ct_chunk(variant, CHUNK, s + c0, p + c0 if p != NULL else NULL, n, ib, t, dt)
        else:
            ct_chunk_lut(variant, CHUNK, s + c0, p + c0 if p != NULL else NULL, n, ib, t, dt,
                         lut, n_rows, vmin, inv_dv)
        return 0
    for k in range(NS):
        for j in range(nj):
            jj = j if j < m else m - 1
            sb[k * CHUNK + j] = s[k * n + c0 + jj]
    if p != NULL:
        for k in range(N_PARAMS_C):
            for j in range(nj):
                jj = j if j < m else m - 1
                pb[k * CHUNK + j] = p[k * n + c0 + jj]
    if not mixed:
        if lut == NULL:
            ct_chunk(variant, nj, sb, pb, CHUNK, ib, t, dt)
        else:
            ct_chunk_lut(variant, nj, sb, pb, CHUNK, ib, t, dt, lut, n_rows, vmin, inv_dv)
        for k in range(NS):
            for j in range(mm):
                s[k * n + c0 + j] = sb[k * CHUNK + j]
        return 0
    for kv in range(NV):
        present = 0
        for j in range(mm):
            if vk[j] == kv:
                present = 1
        if not present:
            continue
        for k in range(NS * CHUNK):
            tb[k] = sb[k]
        if lut == NULL:
            ct_chunk(kv, nj, tb, pb, CHUNK, ib, t, dt)
        else:
            ct_chunk_lut(kv, nj, tb, pb, CHUNK, ib, t, dt, lut, n_rows, vmin, inv_dv)
        for j in range(mm):
            if vk[j] == kv:
                for k in range(NS):
                    s[k * n + c0 + j] = tb[k * CHUNK + j]
    return 0


cdef int _run(double* s, const double* p, Py_ssize_t n, const double* ist,
              Py_ssize_t ist_stride, double t, double dt, const double* lut, int n_rows,
              double vmin, double inv_dv, int workers) noexcept nogil:
    """One step for all cells, chunk by chunk (``prange`` over chunks if workers > 1);
    returns the number of chunks with an unknown cell-type value (left unchanged)."""
    cdef Py_ssize_t n_chunks = (n + CHUNK - 1) // CHUNK
    cdef Py_ssize_t ch
    cdef int bad = 0
    if workers > 1:
        for ch in prange(n_chunks, num_threads=workers, schedule="static"):
            bad += _chunk_at(s, p, n, ch * CHUNK, ist, ist_stride, t, dt, lut, n_rows, vmin,
                             inv_dv)
    else:
        for ch in range(n_chunks):
            bad += _chunk_at(s, p, n, ch * CHUNK, ist, ist_stride, t, dt, lut, n_rows, vmin,
                             inv_dv)
    return bad


def _bad_variant():
    return ValueError(f"params row {VARIANT_PARAM!r} must hold one of the cell types "
                      f"{VARIANT_VALUES} ({', '.join(VARIANT_NAMES)})")


def step(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
         double t, double dt, int workers=1):
    """Advance every cell by one step ``dt`` (ms) from time ``t`` (ms), in place.

    ``states[N_STATES, n_cells]``, ``params[N_PARAMS, n_cells]``, ``i_stim[n_cells]``
    (µA/µF, negative depolarises).  Shapes are not checked here (see
    ``cardiotwin.ionic.CellModel.step``).
    """
    cdef Py_ssize_t n = states.shape[1]
    cdef int bad
    if n == 0:
        return
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    with nogil:
        bad = _run(s, p, n, st, 1, t, dt, NULL, 0, 0.0, 1.0, workers)
    if bad:
        raise _bad_variant()


def make_lut(double vmin, double dv, double dt, double[:, ::1] out):
    """Fill ``out[N_VARIANTS * n_rows, N_LUT]`` with the V-only expressions at
    ``vmin + i*dv``, one block of ``n_rows`` rows per cell type.

    Each row is the mean of the values at ``V - h`` and ``V + h`` with ``h = dv / 1000``:
    this removes the 0/0 of removable singularities such as ``(V - a)/(exp(k (V - a)) - 1)``
    when ``a`` falls on a table point, and changes smooth entries by O(h**2).  The
    Rush-Larsen factors in the table depend on ``dt`` (ms).
    """
    cdef Py_ssize_t i, k, rows
    cdef int kv
    cdef double lo[NL]
    cdef double hi[NL]
    cdef double h = 1e-3 * dv
    if out.shape[1] != N_LUT or out.shape[0] % NV:
        raise ValueError(f"lookup table needs {N_LUT} columns and {NV} blocks of rows")
    if N_LUT_C == 0:
        return
    rows = out.shape[0] // NV
    with nogil:
        for kv in range(NV):
            for i in range(rows):
                _lut_row(vmin + i * dv - h, dt, lo, kv)
                _lut_row(vmin + i * dv + h, dt, hi, kv)
                for k in range(N_LUT_C):
                    out[kv * rows + i, k] = 0.5 * (lo[k] + hi[k])


cdef int _lut_rows(const double[:, ::1] lut) except -1:
    if (lut.shape[0] % NV or lut.shape[0] // NV < 2 or lut.shape[0] * (N_LUT + 1) > 2**31 - 1
            or lut.shape[1] != N_LUT):
        raise ValueError(f"lookup table needs {N_LUT} columns and {NV} blocks of 2 .. "
                         f"(2**31 - 1) / {N_LUT + 1} / {NV} rows")
    return <int>(lut.shape[0] // NV)


def step_lut(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
             double t, double dt, const double[:, ::1] lut, double vmin, double dv,
             int workers=1):
    """Like ``step`` but reading the V-only expressions from ``lut`` (from ``make_lut`` with
    the same ``dt``), linearly interpolated; V outside the table is clamped to its ends."""
    cdef Py_ssize_t n = states.shape[1]
    cdef int bad
    if n == 0:
        return
    cdef int rows = _lut_rows(lut)
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    cdef const double* tab = &lut[0, 0]
    with nogil:
        bad = _run(s, p, n, st, 1, t, dt, tab, rows, vmin, 1.0 / dv, workers)
    if bad:
        raise _bad_variant()


def advance(double[:, ::1] states, const double[:, ::1] params, double t0, double dt,
            Py_ssize_t n_steps, double amplitude, double duration, double period,
            double offset, double n_pulses=1e300, Py_ssize_t i0=0,
            double[:, ::1] trace=None, Py_ssize_t record_every=0, int workers=1,
            const double[:, ::1] lut=None, double vmin=0.0, double dv=1.0,
            double v_low=-1e300, double v_high=1e300):
    """Take ``n_steps`` steps, step ``i`` at time ``t0 + (i0 + i) * dt`` (ms), with the same
    pulse train for every cell: ``n_pulses`` pulses of ``amplitude`` (µA/µF, negative
    depolarises) for ``duration`` ms every ``period`` ms from ``offset`` ms (one pulse if
    ``period <= 0``).  Each step gets the pulse's average over the step, so the stimulus
    charge does not depend on ``dt``.

    If ``record_every > 0``, the states of cell 0 after every ``record_every``-th step are
    written to ``trace[k, :]``.  With ``lut`` (from ``make_lut`` at this ``dt``) the
    lookup-table path is used.  After every step the membrane potential of every cell is
    checked against ``[v_low, v_high]``: the run stops at the first cell outside (or
    non-finite).

    Returns
    -------
    (steps, cell)
        Steps taken, and the first cell out of range after the last of them (-1 if none).
    """
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t k, c, row = 0, bad_cell = -1, done = 0
    cdef double* s
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* tab = NULL
    cdef int rows = 0
    cdef int bad = 0
    cdef double t, ist, vc
    cdef int check = v_low > -1e300 or v_high < 1e300
    if n == 0:
        return n_steps, -1
    s = &states[0, 0]
    if record_every > 0 and (trace is None or trace.shape[0] < n_steps // record_every
                             or trace.shape[1] != N_STATES):
        raise ValueError(f"trace needs {n_steps // record_every} rows and {N_STATES} columns")
    if lut is not None:
        rows = _lut_rows(lut)
        tab = &lut[0, 0]
    with nogil:
        while done < n_steps:
            t = t0 + (i0 + done) * dt
            ist = amplitude * blocktrain_fraction(t, dt, duration, period, offset, n_pulses)
            bad = _run(s, p, n, &ist, 0, t, dt, tab, rows, vmin, 1.0 / dv, workers)
            if bad:
                break
            done += 1
            if record_every > 0 and done % record_every == 0:
                for k in range(N_STATES_C):
                    trace[row, k] = s[k * n]
                row += 1
            if check:
                for c in range(n):
                    vc = s[c]
                    if not (vc >= v_low and vc <= v_high):
                        bad_cell = c
                        break
                if bad_cell >= 0:
                    break
    if bad:
        raise _bad_variant()
    return done, bad_cell


def currents(const double[:, ::1] states, const double[:, ::1] params, double t,
             double[:, ::1] out):
    """Evaluate ``CURRENT_NAMES`` for every cell into ``out[len(CURRENT_NAMES), n_cells]``
    (currents in µA/µF as in the model, concentrations in the model's unit, see
    ``CURRENT_UNITS``; the stimulus is taken as zero)."""
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c
    cdef int kv = 0
    cdef int bad = 0
    cdef const double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef double* o = &out[0, 0]
    if n == 0:
        return
    if out.shape[0] != len(CURRENT_NAMES) or out.shape[1] != n:
        raise ValueError("out must have shape (len(CURRENT_NAMES), n_cells)")
    with nogil:
        for c in range(n):
            if NV > 1:
                kv = ct_variant_of(p[VROW * n + c])
                if kv < 0:
                    bad = 1
                    break
            _cell_currents(s, p, n, c, t, o, n, kv)
    if bad:
        raise _bad_variant()

