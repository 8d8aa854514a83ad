# cython: language_level=3
# cardiotwin ionic kernel 'mitchell-schaeffer': GENERATED CODE, do not edit by hand.
#
# Generated from: mitchell_schaeffer_2003.cellml (sha256 38772f044f95fcf7)
# Mitchell CC, Schaeffer DG (2003). Bull Math Biol 65:767-793. V is dimensionless (0..1); the stimulus is a flux in 1/ms.
# Conversions:
#   Stimulus J_stim.J_stim = -i_stim / (1) (its coefficient in dV/dt), so that the external i_stim is in uA/uF.
# Generator: cardiotwin.ionic.codegen version 5.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Rush-Larsen states (right-hand side linear in the state, found symbolically, and
# not coupled both ways to another non-V state):
#   J_in_h_gate.h
# Forward Euler states:
#   membrane.Vm
# Lookup-table entries (depend on V only; step_lut): 4
#   J_in_h_gate.h: x_new = E(V) x + Q(V), both tabulated
#   lutx__0 = (((membrane__Vm) * (membrane__Vm)) * (1.0 - membrane__Vm))

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport powi, rush_larsen_ab
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
EXPONENTIAL_EULER_STATES = ()
STIFF_GROUP_STATES = ()
CURRENT_NAMES = ('I_ion',)
CURRENT_UNITS = ('1/ms',)
CURRENT_SOURCES = ('-dV/dt at i_stim=0',)
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-0.2, 1.0)
VOLTAGE_UNIT = '1'
LUT_ENTRIES = ('J_out__J_out', 'lutx__0', 'rlE__J_in_h_gate__h', 'rlQ__J_in_h_gate__h')
LUT_DEFAULT_RANGE = (-0.5, 1.5, 0.0005)
# Cell types sharing this kernel (index = position): registry name, value of the
# cell-type parameter row, initial states and default stimulus of each
VARIANT_PARAM = None
VARIANT_NAMES = ()
VARIANT_VALUES = ()
VARIANT_INITIAL_STATES = ()
VARIANT_DEFAULT_STIMULUS = ()
VARIANT_PARAM_TARGETS = ()
cdef Py_ssize_t N_STATES_C = 2
cdef Py_ssize_t N_LUT_C = 4
cdef Py_ssize_t N_PARAMS_C = 0
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)
N_VARIANTS = max(len(VARIANT_NAMES), 1)

# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and
# vectorised by the C compiler (SIMD exp/log from the C library where it has them).
cdef enum:
    CHUNK = 32
    NS = 2
    NP = 1
    NL = 4
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
                const double membrane__Vm = s[0 * ld + j];
                const double J_in_h_gate__h = s[1 * ld + j];
                const double J_in__J_in = (3.3333333333333335 * J_in_h_gate__h * ((membrane__Vm) * (membrane__Vm)) * (1.0 - membrane__Vm));
                const double J_out__J_out = -((0.16666666666666666 * membrane__Vm));
                const double dot__membrane__Vm = J_in__J_in + J_out__J_out + (-i_stim);
                const double dot__J_in_h_gate__h = ((membrane__Vm < 0.13) ? (0.008333333333333333 * (1.0 - J_in_h_gate__h)) : (0.006666666666666667 * (-J_in_h_gate__h)));
                out[0 + j] = membrane__Vm + dt * dot__membrane__Vm;
                const double rlb__J_in_h_gate__h = ((0.13 > membrane__Vm) ? (-0.008333333333333333) : (-0.006666666666666667));
                out[32 + j] = ct_rush_larsen_ab(J_in_h_gate__h, dot__J_in_h_gate__h - rlb__J_in_h_gate__h * J_in_h_gate__h, rlb__J_in_h_gate__h, dt);
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
                const double membrane__Vm = s[0 * ld + j];
                const double J_in_h_gate__h = s[1 * ld + j];
                const double x_lut0 = (membrane__Vm - vmin) * inv_dv;
                const double x_lut1 = x_lut0 > 0.0 ? x_lut0 : 0.0;
                const double x_lut = x_lut1 < xmax_lut ? x_lut1 : xmax_lut;
                const int i_lut = (int)x_lut;
                const double w_lut = x_lut - i_lut;
                const int o_lut = 4 * i_lut;
                const double J_out__J_out = lut[o_lut + 0] + w_lut * (lut[o_lut + 4] - lut[o_lut + 0]);
                const double lutx__0 = lut[o_lut + 1] + w_lut * (lut[o_lut + 5] - lut[o_lut + 1]);
                const double rlE__J_in_h_gate__h = lut[o_lut + 2] + w_lut * (lut[o_lut + 6] - lut[o_lut + 2]);
                const double rlQ__J_in_h_gate__h = lut[o_lut + 3] + w_lut * (lut[o_lut + 7] - lut[o_lut + 3]);
                const double J_in__J_in = (3.3333333333333335 * J_in_h_gate__h * lutx__0);
                const double dot__membrane__Vm = J_in__J_in + J_out__J_out + (-i_stim);
                out[0 + j] = membrane__Vm + dt * dot__membrane__Vm;
                out[32 + j] = rlE__J_in_h_gate__h * J_in_h_gate__h + rlQ__J_in_h_gate__h;
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
        lut += (Py_ssize_t)variant * n_rows * 4;
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
    cdef double membrane__Vm = V
    cdef double J_out__J_out = -((0.16666666666666666 * membrane__Vm))
    cdef double rlb__J_in_h_gate__h = ((-0.008333333333333333) if (0.13 > membrane__Vm) else (-0.006666666666666667))
    cdef double rla__J_in_h_gate__h = (0.008333333333333333 if (membrane__Vm < 0.13) else -0.0)
    row[0] = J_out__J_out
    row[1] = (((membrane__Vm) * (membrane__Vm)) * (1.0 - membrane__Vm))
    row[2] = exp(rlb__J_in_h_gate__h * dt)
    row[3] = rla__J_in_h_gate__h * (expm1(rlb__J_in_h_gate__h * dt) / rlb__J_in_h_gate__h if fabs(rlb__J_in_h_gate__h) > 1e-12 else dt)


cdef void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m, int variant) noexcept nogil:
    cdef double i_stim = 0.0
    cdef double membrane__Vm = s[0 * n + c]
    cdef double J_in_h_gate__h = s[1 * n + c]
    cdef double J_in__J_in = (3.3333333333333335 * J_in_h_gate__h * ((membrane__Vm) * (membrane__Vm)) * (1.0 - membrane__Vm))
    cdef double J_out__J_out = -((0.16666666666666666 * membrane__Vm))
    cdef double dot__membrane__Vm = J_in__J_in + J_out__J_out + (-i_stim)
    o[0 * m + c] = -dot__membrane__Vm


include "ionic_api.pxi"
