# cython: language_level=3
# cardiotwin ionic kernel 'aliev-panfilov': GENERATED CODE, do not edit by hand.
#
# Generated from: aliev_panfilov_1996.mmt (sha256 43bef871ff79e8d4)
# Aliev RR, Panfilov AV (1996). Chaos Solitons Fractals 7:293-301. Written from the paper (V = 100 u - 80 mV, t = 12.9 t_AU ms).
# Generator: cardiotwin.ionic.codegen version 5.
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
STIFF_GROUP_STATES = ()
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


include "ionic_api.pxi"
