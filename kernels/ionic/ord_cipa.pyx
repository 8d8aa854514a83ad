# cython: language_level=3
# cardiotwin ionic kernel 'ord-cipa': GENERATED CODE, do not edit by hand.
#
# Generated from: ohara_rudy_cipa_v1_2017.cellml (sha256 c1918ade65d6f6b0)
# Li Z et al. (2017) Circ Arrhythm Electrophysiol 10:e004628; Dutta S et al. (2017) Front Physiol 8:616. CiPA v1.0, dynamic hERG binding.
# Generator: cardiotwin.ionic.codegen version 3.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Rush-Larsen states (right-hand side linear in the state, found symbolically, and
# not coupled both ways to another non-V state):
#   INa.m
#   INa.hf
#   INa.hs
#   INa.j
#   INa.hsp
#   INa.jp
#   INaL.mL
#   INaL.hL
#   INaL.hLp
#   Ito.a
#   Ito.iF
#   Ito.iS
#   Ito.ap
#   Ito.iFp
#   Ito.iSp
#   ICaL.d
#   ICaL.ff
#   ICaL.fs
#   ICaL.fcaf
#   ICaL.fcas
#   ICaL.jca
#   ICaL.ffp
#   ICaL.fcafp
#   ICaL.nca
#   IKs.xs1
#   IKs.xs2
#   IK1.xk1
#   ryr.Jrelnp
#   ryr.Jrelp
# Backward Euler (linear system of 9 states coupled both ways, 31 non-zero couplings):
#   IKr.IC1
#   IKr.IC2
#   IKr.C1
#   IKr.C2
#   IKr.O
#   IKr.IO
#   IKr.IObound
#   IKr.Obound
#   IKr.Cbound
# Forward Euler states:
#   membrane.v
#   CaMK.CaMKt
#   intracellular_ions.nai
#   intracellular_ions.nass
#   intracellular_ions.ki
#   intracellular_ions.kss
#   intracellular_ions.cass
#   intracellular_ions.cansr
#   intracellular_ions.cajsr
#   intracellular_ions.cai
# Lookup-table entries (depend on V only; step_lut): 136
#   INa.m: x_new = E(V) x + Q(V), both tabulated
#   INa.hf: x_new = E(V) x + Q(V), both tabulated
#   INa.hs: x_new = E(V) x + Q(V), both tabulated
#   INa.j: x_new = E(V) x + Q(V), both tabulated
#   INa.hsp: x_new = E(V) x + Q(V), both tabulated
#   INa.jp: x_new = E(V) x + Q(V), both tabulated
#   INaL.mL: x_new = E(V) x + Q(V), both tabulated
#   INaL.hL: x_new = E(V) x + Q(V), both tabulated
#   INaL.hLp: x_new = E(V) x + Q(V), both tabulated
#   Ito.a: x_new = E(V) x + Q(V), both tabulated
#   Ito.iF: x_new = E(V) x + Q(V), both tabulated
#   Ito.iS: x_new = E(V) x + Q(V), both tabulated
#   Ito.ap: x_new = E(V) x + Q(V), both tabulated
#   Ito.iFp: x_new = E(V) x + Q(V), both tabulated
#   Ito.iSp: x_new = E(V) x + Q(V), both tabulated
#   ICaL.d: x_new = E(V) x + Q(V), both tabulated
#   ICaL.ff: x_new = E(V) x + Q(V), both tabulated
#   ICaL.fs: x_new = E(V) x + Q(V), both tabulated
#   ICaL.fcaf: x_new = E(V) x + Q(V), both tabulated
#   ICaL.fcas: x_new = E(V) x + Q(V), both tabulated
#   ICaL.jca: x_new = E(V) x + Q(V), both tabulated
#   ICaL.ffp: x_new = E(V) x + Q(V), both tabulated
#   ICaL.fcafp: x_new = E(V) x + Q(V), both tabulated
#   IKs.xs1: x_new = E(V) x + Q(V), both tabulated
#   IKs.xs2: x_new = E(V) x + Q(V), both tabulated
#   IK1.xk1: x_new = E(V) x + Q(V), both tabulated
#   lutx__0 = exp(membrane__vfrt)
#   lutx__1 = 1.0 - (0.5 * ICaL__U_3)
#   lutx__2 = (ICaL__U_3 / (exp(ICaL__U_3) - 1.0))
#   lutx__3 = exp((2.0 * membrane__vfrt))
#   lutx__4 = 1.0 - (0.5 * ICaL__U_1)
#   lutx__5 = (ICaL__U_1 / (exp(ICaL__U_1) - 1.0))
#   lutx__6 = 1.0 - (0.5 * ICaL__U_2)
#   lutx__7 = (ICaL__U_2 / (exp(ICaL__U_2) - 1.0))
#   lutx__8 = 1.0 - (0.5 * ICab__U)
#   lutx__9 = (ICab__U / (exp(ICab__U) - 1.0))
#   lutx__10 = 1.0 + INaCa_i__hna
#   lutx__11 = (1.0 / INaCa_i__hca)
#   lutx__12 = 5000.0 + INaCa_i__k3_i
#   lutx__13 = 9501.466275659823 + INaCa_i__k8_i
#   lutx__14 = (INaCa_i__k8_i * (5000.0 + INaCa_i__k3_i))
#   lutx__15 = (5000.0 * INaCa_i__k3_i * (9501.466275659823 + INaCa_i__k8_i))
#   lutx__16 = 5000.0 + INaCa_i__k3_ss
#   lutx__17 = 9501.466275659823 + INaCa_i__k8_ss
#   lutx__18 = (INaCa_i__k8_ss * (5000.0 + INaCa_i__k3_ss))
#   lutx__19 = (5000.0 * INaCa_i__k3_ss * (9501.466275659823 + INaCa_i__k8_ss))
#   lutx__20 = (1.0 / INaK__Knai)
#   lutx__21 = (439120.7923915602 * INaK__a3)
#   lutx__22 = (5827.679899026527 * INaK__b2)
#   lutx__23 = (5827.679899026527 * INaK__a3)
#   lutx__24 = 1.0 - (0.5 * INab__U)
#   lutx__25 = (INab__U / (exp(INab__U) - 1.0))
#   lutx__26 = exp((1.535e-08 * membrane__v))
#   lutx__27 = exp(((-0.1688) * membrane__v))
#   lutx__28 = exp((0.008595 * membrane__v))
#   lutx__29 = exp((0.1725 * membrane__v))
#   lutx__30 = exp((0.008516 * membrane__v))
#   lutx__31 = exp(((-0.04641) * membrane__v))
#   lutx__32 = exp((3.613e-08 * membrane__v))
#   lutx__33 = exp(((-0.0006575) * membrane__v))
#   lutx__34 = exp((4.631e-05 * membrane__v))
#   lutx__35 = exp(((-0.004226) * membrane__v))
#   lutx__36 = exp((7.771e-09 * membrane__v))
#   lutx__37 = exp(((-0.02877) * membrane__v))
#   lutx__38 = exp((0.004668 * membrane__v))
#   lutx__39 = exp(((-0.02215) * membrane__v))
#   lutx__40 = (exp((0.004668 * membrane__v)) / exp(((-0.02215) * membrane__v)))
#   lutx__41 = -((0.011898686196840175 * exp((1.535e-08 * membrane__v)))) + -((0.22985844625060714 * exp((0.1725 * membrane__v))))
#   lutx__42 = (6.145301160162181e-05 * exp(((-0.1688) * membrane__v)))
#   lutx__43 = (6.929290278345709 * exp((0.008595 * membrane__v)))
#   lutx__44 = (0.011898686196840175 * exp((1.535e-08 * membrane__v)))
#   lutx__45 = -((6.145301160162181e-05 * exp(((-0.1688) * membrane__v)))) + (-((0.01848566926536764 * exp((0.008516 * membrane__v)))) + -((4.976378102836878 * exp(((-0.0006575) * membrane__v)))))
#   lutx__46 = (4.358076760548901 * exp((3.613e-08 * membrane__v)))
#   lutx__47 = (0.00017688628605067472 * exp(((-0.04641) * membrane__v)))
#   lutx__48 = (0.22985844625060714 * exp((0.1725 * membrane__v)))
#   lutx__49 = -((0.38574341789776984 * exp((4.631e-05 * membrane__v)))) + -((6.929290278345709 * exp((0.008595 * membrane__v))))
#   lutx__50 = (5.7880316693427994e-05 * exp(((-0.004226) * membrane__v)))
#   lutx__51 = (4.976378102836878 * exp(((-0.0006575) * membrane__v)))
#   lutx__52 = (0.38574341789776984 * exp((4.631e-05 * membrane__v)))
#   lutx__53 = -((5.7880316693427994e-05 * exp(((-0.004226) * membrane__v)))) + (-((0.06369479424066005 * exp((7.771e-09 * membrane__v)))) + -((4.358076760548901 * exp((3.613e-08 * membrane__v)))))
#   lutx__54 = (0.0026912698717094915 * exp(((-0.02877) * membrane__v)))
#   lutx__55 = (0.06369479424066005 * exp((7.771e-09 * membrane__v)))
#   lutx__56 = -((0.0026912698717094915 * exp(((-0.02877) * membrane__v))))
#   lutx__57 = -((0.6656220254071089 * exp((0.004668 * membrane__v))))
#   lutx__58 = (0.17212014014424634 * exp(((-0.02215) * membrane__v)))
#   lutx__59 = (0.01848566926536764 * exp((0.008516 * membrane__v)))
#   lutx__60 = (0.6656220254071089 * exp((0.004668 * membrane__v)))
#   lutx__61 = -((0.00017688628605067472 * exp(((-0.04641) * membrane__v))))
#   lutx__62 = -((0.17212014014424634 * exp(((-0.02215) * membrane__v))))
#   lutx__63 = (exp((0.004668 * membrane__v)) * exp(-(((-0.02215) * membrane__v))))

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport powi, rush_larsen_ab
from pacing cimport blocktrain_fraction

MODEL_NAME = 'ord-cipa'
STATE_NAMES = ('membrane.v', 'CaMK.CaMKt', 'intracellular_ions.nai', 'intracellular_ions.nass', 'intracellular_ions.ki', 'intracellular_ions.kss', 'intracellular_ions.cass', 'intracellular_ions.cansr', 'intracellular_ions.cajsr', 'intracellular_ions.cai', 'INa.m', 'INa.hf', 'INa.hs', 'INa.j', 'INa.hsp', 'INa.jp', 'INaL.mL', 'INaL.hL', 'INaL.hLp', 'Ito.a', 'Ito.iF', 'Ito.iS', 'Ito.ap', 'Ito.iFp', 'Ito.iSp', 'ICaL.d', 'ICaL.ff', 'ICaL.fs', 'ICaL.fcaf', 'ICaL.fcas', 'ICaL.jca', 'ICaL.ffp', 'ICaL.fcafp', 'ICaL.nca', 'IKr.IC1', 'IKr.IC2', 'IKr.C1', 'IKr.C2', 'IKr.O', 'IKr.IO', 'IKr.IObound', 'IKr.Obound', 'IKr.Cbound', 'IKs.xs1', 'IKs.xs2', 'IK1.xk1', 'ryr.Jrelnp', 'ryr.Jrelp')
STATE_UNITS = ('mV', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1')
INITIAL_STATES = (-88.00190465, 0.0125840447, 7.268004498, 7.268089977, 144.6555918, 144.6555651, 8.49e-05, 1.619574538, 1.571234014, 8.6e-05, 0.007344121102, 0.6981071913, 0.6980895801, 0.6979908432, 0.4549485525, 0.6979245865, 0.0001882617273, 0.5008548855, 0.2693065357, 0.001001097687, 0.9995541745, 0.5865061736, 0.0005100862934, 0.9995541823, 0.6393399482, 2.34e-09, 0.9999999909, 0.9102412777, 0.9999999909, 0.9998046777, 0.9999738312, 0.9999999909, 0.9999999909, 0.002749414044, 0.999637, 6.83208e-05, 1.80145e-08, 8.26619e-05, 0.00015551, 5.67623e-05, 0.0, 0.0, 0.0, 0.2707758025, 0.0001928503426, 0.9967597594, 2.5e-07, 3.12e-07)
PARAM_NAMES = ('gNa', 'gNaL', 'PCa', 'gto', 'gKr', 'gKs', 'gK1', 'gNaCa', 'gNaK', 'D', 'Kmax', 'Ku', 'n', 'halfmax', 'Vhalf', 'Kt')
PARAM_UNITS = ('1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', 'mS/uF', '1', '1', 'mV', 'mS/uF')
PARAM_DEFAULTS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0)
PARAM_KINDS = ('scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'value', 'value', 'value', 'value', 'value', 'value', 'value')
PARAM_TARGETS = ('INa.GNa', 'INaL.GNaL', 'ICaL.PCa', 'Ito.Gto', 'IKr.GKr_calc', 'IKs.GKs_calc', 'IK1.GK1_calc', 'INaCa_i.Gncx_b', 'INaK.Pnak_b', 'IKr.D', 'IKr.Kmax', 'IKr.Ku', 'IKr.n', 'IKr.halfmax', 'IKr.Vhalf', 'IKr.Kt')
RUSH_LARSEN_STATES = ('INa.m', 'INa.hf', 'INa.hs', 'INa.j', 'INa.hsp', 'INa.jp', 'INaL.mL', 'INaL.hL', 'INaL.hLp', 'Ito.a', 'Ito.iF', 'Ito.iS', 'Ito.ap', 'Ito.iFp', 'Ito.iSp', 'ICaL.d', 'ICaL.ff', 'ICaL.fs', 'ICaL.fcaf', 'ICaL.fcas', 'ICaL.jca', 'ICaL.ffp', 'ICaL.fcafp', 'ICaL.nca', 'IKs.xs1', 'IKs.xs2', 'IK1.xk1', 'ryr.Jrelnp', 'ryr.Jrelp')
FORWARD_EULER_STATES = ('membrane.v', 'CaMK.CaMKt', 'intracellular_ions.nai', 'intracellular_ions.nass', 'intracellular_ions.ki', 'intracellular_ions.kss', 'intracellular_ions.cass', 'intracellular_ions.cansr', 'intracellular_ions.cajsr', 'intracellular_ions.cai')
BACKWARD_EULER_STATES = ('IKr.IC1', 'IKr.IC2', 'IKr.C1', 'IKr.C2', 'IKr.O', 'IKr.IO', 'IKr.IObound', 'IKr.Obound', 'IKr.Cbound')
EXPONENTIAL_EULER_STATES = ()
CURRENT_NAMES = ('INa', 'INaL', 'ICaL', 'Ito', 'IKr', 'IKs', 'IK1', 'INaCa', 'INaK', 'Cai', 'I_ion')
CURRENT_UNITS = ('A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'mM', 'uA/uF')
CURRENT_SOURCES = ('INa.INa', 'INaL.INaL', 'ICaL.ICaL', 'Ito.Ito', 'IKr.IKr', 'IKs.IKs', 'IK1.IK1', 'INaCa_i.INaCa_i', 'INaK.INaK', 'intracellular_ions.cai', '-dV/dt at i_stim=0')
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-80.0, 0.5)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('ICaL__Afcaf', 'ICaL__Afcas', 'ICaL__U_1', 'ICaL__U_2', 'ICaL__U_3', 'ICab__U', 'IK1__rk1', 'IKb__xkb', 'INaCa_i__hna', 'INaCa_i__k3pp_i', 'INaCa_i__k3_i', 'INaCa_i__k3pp_ss', 'INaCa_i__k3_ss', 'INaCa_i__k8_i', 'INaCa_i__k8_ss', 'INaK__a3', 'INaK__b2', 'INab__U', 'Ito__AiF', 'Ito__AiS', 'lutx__0', 'lutx__1', 'lutx__2', 'lutx__3', 'lutx__4', 'lutx__5', 'lutx__6', 'lutx__7', 'lutx__8', 'lutx__9', 'lutx__10', 'lutx__11', 'lutx__12', 'lutx__13', 'lutx__14', 'lutx__15', 'lutx__16', 'lutx__17', 'lutx__18', 'lutx__19', 'lutx__20', 'lutx__21', 'lutx__22', 'lutx__23', 'lutx__24', 'lutx__25', 'lutx__26', 'lutx__27', 'lutx__28', 'lutx__29', 'lutx__30', 'lutx__31', 'lutx__32', 'lutx__33', 'lutx__34', 'lutx__35', 'lutx__36', 'lutx__37', 'lutx__38', 'lutx__39', 'lutx__40', 'lutx__41', 'lutx__42', 'lutx__43', 'lutx__44', 'lutx__45', 'lutx__46', 'lutx__47', 'lutx__48', 'lutx__49', 'lutx__50', 'lutx__51', 'lutx__52', 'lutx__53', 'lutx__54', 'lutx__55', 'lutx__56', 'lutx__57', 'lutx__58', 'lutx__59', 'lutx__60', 'lutx__61', 'lutx__62', 'lutx__63', 'rlE__INa__m', 'rlQ__INa__m', 'rlE__INa__hf', 'rlQ__INa__hf', 'rlE__INa__hs', 'rlQ__INa__hs', 'rlE__INa__j', 'rlQ__INa__j', 'rlE__INa__hsp', 'rlQ__INa__hsp', 'rlE__INa__jp', 'rlQ__INa__jp', 'rlE__INaL__mL', 'rlQ__INaL__mL', 'rlE__INaL__hL', 'rlQ__INaL__hL', 'rlE__INaL__hLp', 'rlQ__INaL__hLp', 'rlE__Ito__a', 'rlQ__Ito__a', 'rlE__Ito__iF', 'rlQ__Ito__iF', 'rlE__Ito__iS', 'rlQ__Ito__iS', 'rlE__Ito__ap', 'rlQ__Ito__ap', 'rlE__Ito__iFp', 'rlQ__Ito__iFp', 'rlE__Ito__iSp', 'rlQ__Ito__iSp', 'rlE__ICaL__d', 'rlQ__ICaL__d', 'rlE__ICaL__ff', 'rlQ__ICaL__ff', 'rlE__ICaL__fs', 'rlQ__ICaL__fs', 'rlE__ICaL__fcaf', 'rlQ__ICaL__fcaf', 'rlE__ICaL__fcas', 'rlQ__ICaL__fcas', 'rlE__ICaL__jca', 'rlQ__ICaL__jca', 'rlE__ICaL__ffp', 'rlQ__ICaL__ffp', 'rlE__ICaL__fcafp', 'rlQ__ICaL__fcafp', 'rlE__IKs__xs1', 'rlQ__IKs__xs1', 'rlE__IKs__xs2', 'rlQ__IKs__xs2', 'rlE__IK1__xk1', 'rlQ__IK1__xk1')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
# Cell types sharing this kernel (index = position): registry name, value of the
# cell-type parameter row, initial states and default stimulus of each
VARIANT_PARAM = None
VARIANT_NAMES = ()
VARIANT_VALUES = ()
VARIANT_INITIAL_STATES = ()
VARIANT_DEFAULT_STIMULUS = ()
VARIANT_PARAM_TARGETS = ()
cdef Py_ssize_t N_STATES_C = 48
cdef Py_ssize_t N_LUT_C = 136
cdef Py_ssize_t N_PARAMS_C = 16
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)
N_VARIANTS = max(len(VARIANT_NAMES), 1)

# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and
# vectorised by the C compiler (SIMD exp/log from the C library where it has them).
cdef enum:
    CHUNK = 32
    NS = 48
    NP = 16
    NL = 136
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
        double out[1536];
        (void)t;
        (void)p;
        (void)variant;
        for (int jb = 0; jb < nj; jb += 8) {
            for (int j = jb; j < jb + 8; ++j) {
                const double i_stim = ist[j];
                const double membrane__v = s[0 * ld + j];
                const double CaMK__CaMKt = s[1 * ld + j];
                const double intracellular_ions__nai = s[2 * ld + j];
                const double intracellular_ions__nass = s[3 * ld + j];
                const double intracellular_ions__ki = s[4 * ld + j];
                const double intracellular_ions__kss = s[5 * ld + j];
                const double intracellular_ions__cass = s[6 * ld + j];
                const double intracellular_ions__cansr = s[7 * ld + j];
                const double intracellular_ions__cajsr = s[8 * ld + j];
                const double intracellular_ions__cai = s[9 * ld + j];
                const double INa__m = s[10 * ld + j];
                const double INa__hf = s[11 * ld + j];
                const double INa__hs = s[12 * ld + j];
                const double INa__j = s[13 * ld + j];
                const double INa__hsp = s[14 * ld + j];
                const double INa__jp = s[15 * ld + j];
                const double INaL__mL = s[16 * ld + j];
                const double INaL__hL = s[17 * ld + j];
                const double INaL__hLp = s[18 * ld + j];
                const double Ito__a = s[19 * ld + j];
                const double Ito__iF = s[20 * ld + j];
                const double Ito__iS = s[21 * ld + j];
                const double Ito__ap = s[22 * ld + j];
                const double Ito__iFp = s[23 * ld + j];
                const double Ito__iSp = s[24 * ld + j];
                const double ICaL__d = s[25 * ld + j];
                const double ICaL__ff = s[26 * ld + j];
                const double ICaL__fs = s[27 * ld + j];
                const double ICaL__fcaf = s[28 * ld + j];
                const double ICaL__fcas = s[29 * ld + j];
                const double ICaL__jca = s[30 * ld + j];
                const double ICaL__ffp = s[31 * ld + j];
                const double ICaL__fcafp = s[32 * ld + j];
                const double ICaL__nca = s[33 * ld + j];
                const double IKr__IC1 = s[34 * ld + j];
                const double IKr__IC2 = s[35 * ld + j];
                const double IKr__C1 = s[36 * ld + j];
                const double IKr__C2 = s[37 * ld + j];
                const double IKr__O = s[38 * ld + j];
                const double IKr__IO = s[39 * ld + j];
                const double IKr__IObound = s[40 * ld + j];
                const double IKr__Obound = s[41 * ld + j];
                const double IKr__Cbound = s[42 * ld + j];
                const double IKs__xs1 = s[43 * ld + j];
                const double IKs__xs2 = s[44 * ld + j];
                const double IK1__xk1 = s[45 * ld + j];
                const double ryr__Jrelnp = s[46 * ld + j];
                const double ryr__Jrelp = s[47 * ld + j];
                const double cardiotwin_parameters__gNa = p[0 * ld + j];
                const double cardiotwin_parameters__gNaL = p[1 * ld + j];
                const double cardiotwin_parameters__PCa = p[2 * ld + j];
                const double cardiotwin_parameters__gto = p[3 * ld + j];
                const double cardiotwin_parameters__gKr = p[4 * ld + j];
                const double cardiotwin_parameters__gKs = p[5 * ld + j];
                const double cardiotwin_parameters__gK1 = p[6 * ld + j];
                const double cardiotwin_parameters__gNaCa = p[7 * ld + j];
                const double cardiotwin_parameters__gNaK = p[8 * ld + j];
                const double IKr__D = p[9 * ld + j];
                const double IKr__Kmax = p[10 * ld + j];
                const double IKr__Ku = p[11 * ld + j];
                const double IKr__n = p[12 * ld + j];
                const double IKr__halfmax = p[13 * ld + j];
                const double IKr__Vhalf = p[14 * ld + j];
                const double IKr__Kt = p[15 * ld + j];
                const double ICaL__PCa = (0.0001007 * cardiotwin_parameters__PCa);
                const double ICaL__PCaK = (0.0003574 * ICaL__PCa);
                const double ICaL__PCap = (1.1 * ICaL__PCa);
                const double ICaL__PCaKp = (0.0003574 * ICaL__PCap);
                const double membrane__vfrt = (0.037435883507802616 * membrane__v);
                const double ICaL__A_3 = (72363.75 * ((intracellular_ions__kss * exp(membrane__vfrt)) - 5.4));
                const double ICaL__U_3 = (0.037435883507802616 * (membrane__v - 0.0));
                const double ICaL__PhiCaK = ((((-1e-07) <= ICaL__U_3) & (ICaL__U_3 <= 1e-07)) ? (ICaL__A_3 * (1.0 - (0.5 * ICaL__U_3))) : (ICaL__A_3 * ICaL__U_3 / (exp(ICaL__U_3) - 1.0)));
                const double ICaL__f = (0.6 * ICaL__ff) + (0.4 * ICaL__fs);
                const double CaMK__CaMKb = (0.05 * (1.0 - CaMK__CaMKt) / (1.0 + (0.0015 / intracellular_ions__cass)));
                const double CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt;
                const double ICaL__fICaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double ICaL__Afcaf = 0.3 + (0.6 / (1.0 + exp((0.1 * (membrane__v - 10.0)))));
                const double ICaL__Afcas = 1.0 - ICaL__Afcaf;
                const double ICaL__fca = (ICaL__Afcaf * ICaL__fcaf) + (ICaL__Afcas * ICaL__fcas);
                const double ICaL__fcap = (ICaL__Afcaf * ICaL__fcafp) + (ICaL__Afcas * ICaL__fcas);
                const double ICaL__fp = (0.6 * ICaL__ffp) + (0.4 * ICaL__fs);
                const double ICaL__ICaK = ((1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICaL__A_1 = (192970.0 * ((intracellular_ions__cass * exp((2.0 * membrane__vfrt))) - 0.6138));
                const double ICaL__U_1 = (0.07487176701560523 * (membrane__v - 0.0));
                const double ICaL__PhiCaL = ((((-1e-07) <= ICaL__U_1) & (ICaL__U_1 <= 1e-07)) ? (ICaL__A_1 * (1.0 - (0.5 * ICaL__U_1))) : (ICaL__A_1 * ICaL__U_1 / (exp(ICaL__U_1) - 1.0)));
                const double ICaL__ICaL = ((1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICaL__PCaNa = (0.00125 * ICaL__PCa);
                const double ICaL__PCaNap = (0.00125 * ICaL__PCap);
                const double ICaL__A_2 = (72363.75 * ((intracellular_ions__nass * exp(membrane__vfrt)) - 140.0));
                const double ICaL__U_2 = (0.037435883507802616 * (membrane__v - 0.0));
                const double ICaL__PhiCaNa = ((((-1e-07) <= ICaL__U_2) & (ICaL__U_2 <= 1e-07)) ? (ICaL__A_2 * (1.0 - (0.5 * ICaL__U_2))) : (ICaL__A_2 * ICaL__U_2 / (exp(ICaL__U_2) - 1.0)));
                const double ICaL__ICaNa = ((1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICab__A = (0.0048242499999999995 * ((intracellular_ions__cai * exp((2.0 * membrane__vfrt))) - 0.6138));
                const double ICab__U = (0.07487176701560523 * (membrane__v - 0.0));
                const double ICab__ICab = ((((-1e-07) <= ICab__U) & (ICab__U <= 1e-07)) ? (ICab__A * (1.0 - (0.5 * ICab__U))) : (ICab__A * ICab__U / (exp(ICab__U) - 1.0)));
                const double IK1__GK1_calc = (0.7528577686385545 * cardiotwin_parameters__gK1);
                const double IK1__rk1 = (1.0 / (1.0 + exp((0.10534077741493732 * (membrane__v + 105.8 - 14.040000000000001)))));
                const double reversal_potentials__EK = (26.712338705498265 * log((5.4 / intracellular_ions__ki)));
                const double IK1__IK1 = (IK1__GK1_calc * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK));
                const double IKb__xkb = (1.0 / (1.0 + exp((0.05452562704471101 * (-(membrane__v - 14.48))))));
                const double IKb__IKb = (0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK));
                const double IKr__GKr_calc = (0.04658545454545456 * cardiotwin_parameters__gKr);
                const double IKr__IKr = (IKr__GKr_calc * IKr__O * (membrane__v - reversal_potentials__EK));
                const double IKs__KsCa = 1.0 + (0.6 / (1.0 + pow(((3.8e-05 / intracellular_ions__cai)), 1.4)));
                const double IKs__GKs_calc = (0.006358000000000001 * cardiotwin_parameters__gKs * IKs__KsCa);
                const double reversal_potentials__EKs = (26.712338705498265 * log((7.966200000000001 / (intracellular_ions__ki + (0.01833 * intracellular_ions__nai)))));
                const double IKs__IKs = (IKs__GKs_calc * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs));
                const double INa__GNa = (75.0 * cardiotwin_parameters__gNa);
                const double INa__fINap = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double INa__h = (0.99 * INa__hf) + (0.010000000000000009 * INa__hs);
                const double INa__hp = (0.99 * INa__hf) + (0.010000000000000009 * INa__hsp);
                const double reversal_potentials__ENa = (26.712338705498265 * log((140.0 / intracellular_ions__nai)));
                const double INa__INa = (INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * (((1.0 - INa__fINap) * INa__h * INa__j) + (INa__fINap * INa__hp * INa__jp)));
                const double INaCa_i__Gncx_b = (0.0008 * cardiotwin_parameters__gNaCa);
                const double INaCa_i__Gncx = ((0.0 == 1.0) ? (1.1 * INaCa_i__Gncx_b) : ((0.0 == 2.0) ? (1.4 * INaCa_i__Gncx_b) : INaCa_i__Gncx_b));
                const double INaCa_i__hna = exp((0.019556505544476084 * membrane__v));
                const double INaCa_i__h7_i = 1.0 + (1.5887426236949613 * (1.0 + (1.0 / INaCa_i__hna)));
                const double INaCa_i__h9_i = (1.0 / INaCa_i__h7_i);
                const double INaCa_i__k3p_i = (60000.0 * INaCa_i__h9_i);
                const double INaCa_i__h8_i = (1.5887426236949613 / (INaCa_i__hna * INaCa_i__h7_i));
                const double INaCa_i__k3pp_i = (5000.0 * INaCa_i__h8_i);
                const double INaCa_i__k3_i = INaCa_i__k3p_i + INaCa_i__k3pp_i;
                const double INaCa_i__h1_i = 1.0 + (0.011348161597821153 * intracellular_ions__nai * (1.0 + INaCa_i__hna));
                const double INaCa_i__h3_i = (1.0 / INaCa_i__h1_i);
                const double INaCa_i__hca = exp((0.006251792545803037 * membrane__v));
                const double INaCa_i__k4p_i = (60000.0 * INaCa_i__h3_i / INaCa_i__hca);
                const double INaCa_i__h2_i = (0.011348161597821153 * intracellular_ions__nai * INaCa_i__hna / INaCa_i__h1_i);
                const double INaCa_i__k4pp_i = (5000.0 * INaCa_i__h2_i);
                const double INaCa_i__k4_i = INaCa_i__k4p_i + INaCa_i__k4pp_i;
                const double INaCa_i__h4_i = 1.0 + (0.06666666666666667 * intracellular_ions__nai * (1.0 + (0.2 * intracellular_ions__nai)));
                const double INaCa_i__h6_i = (1.0 / INaCa_i__h4_i);
                const double INaCa_i__k6_i = (1500000.0 * INaCa_i__h6_i * intracellular_ions__cai);
                const double INaCa_i__h5_i = (0.013333333333333332 * intracellular_ions__nai * intracellular_ions__nai / INaCa_i__h4_i);
                const double INaCa_i__k7_i = (60000.0 * INaCa_i__h5_i * INaCa_i__h2_i);
                const double INaCa_i__x1_i = (5000.0 * INaCa_i__k4_i * (INaCa_i__k7_i + INaCa_i__k6_i)) + (5000.0 * INaCa_i__k7_i * (5000.0 + INaCa_i__k3_i));
                const double INaCa_i__k8_i = (55178.88563049854 * INaCa_i__h8_i);
                const double INaCa_i__x2_i = (9501.466275659823 * INaCa_i__k7_i * (INaCa_i__k4_i + 5000.0)) + (INaCa_i__k4_i * INaCa_i__k6_i * (9501.466275659823 + INaCa_i__k8_i));
                const double INaCa_i__x3_i = (9501.466275659823 * INaCa_i__k3_i * (INaCa_i__k7_i + INaCa_i__k6_i)) + (INaCa_i__k8_i * INaCa_i__k6_i * (5000.0 + INaCa_i__k3_i));
                const double INaCa_i__x4_i = (5000.0 * INaCa_i__k8_i * (INaCa_i__k4_i + 5000.0)) + (5000.0 * INaCa_i__k3_i * (9501.466275659823 + INaCa_i__k8_i));
                const double INaCa_i__E1_i = (INaCa_i__x1_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__E2_i = (INaCa_i__x2_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__JncxCa_i = (5000.0 * INaCa_i__E2_i) - (9501.466275659823 * INaCa_i__E1_i);
                const double INaCa_i__E3_i = (INaCa_i__x3_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__E4_i = (INaCa_i__x4_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__JncxNa_i = (3.0 * ((INaCa_i__E4_i * INaCa_i__k7_i) - (INaCa_i__E1_i * INaCa_i__k8_i))) + (INaCa_i__E3_i * INaCa_i__k4pp_i) - (INaCa_i__E2_i * INaCa_i__k3pp_i);
                const double INaCa_i__allo_i = (1.0 / (1.0 + (((0.00015 / intracellular_ions__cai)) * ((0.00015 / intracellular_ions__cai)))));
                const double INaCa_i__INaCa_i = (0.8 * INaCa_i__Gncx * INaCa_i__allo_i * ((INaCa_i__JncxNa_i) + (2.0 * INaCa_i__JncxCa_i)));
                const double INaCa_i__h7_ss = 1.0 + (1.5887426236949613 * (1.0 + (1.0 / INaCa_i__hna)));
                const double INaCa_i__h9_ss = (1.0 / INaCa_i__h7_ss);
                const double INaCa_i__k3p_ss = (60000.0 * INaCa_i__h9_ss);
                const double INaCa_i__h8_ss = (1.5887426236949613 / (INaCa_i__hna * INaCa_i__h7_ss));
                const double INaCa_i__k3pp_ss = (5000.0 * INaCa_i__h8_ss);
                const double INaCa_i__k3_ss = INaCa_i__k3p_ss + INaCa_i__k3pp_ss;
                const double INaCa_i__h1_ss = 1.0 + (0.011348161597821153 * intracellular_ions__nass * (1.0 + INaCa_i__hna));
                const double INaCa_i__h3_ss = (1.0 / INaCa_i__h1_ss);
                const double INaCa_i__k4p_ss = (60000.0 * INaCa_i__h3_ss / INaCa_i__hca);
                const double INaCa_i__h2_ss = (0.011348161597821153 * intracellular_ions__nass * INaCa_i__hna / INaCa_i__h1_ss);
                const double INaCa_i__k4pp_ss = (5000.0 * INaCa_i__h2_ss);
                const double INaCa_i__k4_ss = INaCa_i__k4p_ss + INaCa_i__k4pp_ss;
                const double INaCa_i__h4_ss = 1.0 + (0.06666666666666667 * intracellular_ions__nass * (1.0 + (0.2 * intracellular_ions__nass)));
                const double INaCa_i__h6_ss = (1.0 / INaCa_i__h4_ss);
                const double INaCa_i__k6_ss = (1500000.0 * INaCa_i__h6_ss * intracellular_ions__cass);
                const double INaCa_i__h5_ss = (0.013333333333333332 * intracellular_ions__nass * intracellular_ions__nass / INaCa_i__h4_ss);
                const double INaCa_i__k7_ss = (60000.0 * INaCa_i__h5_ss * INaCa_i__h2_ss);
                const double INaCa_i__x1_ss = (5000.0 * INaCa_i__k4_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss)) + (5000.0 * INaCa_i__k7_ss * (5000.0 + INaCa_i__k3_ss));
                const double INaCa_i__k8_ss = (55178.88563049854 * INaCa_i__h8_ss);
                const double INaCa_i__x2_ss = (9501.466275659823 * INaCa_i__k7_ss * (INaCa_i__k4_ss + 5000.0)) + (INaCa_i__k4_ss * INaCa_i__k6_ss * (9501.466275659823 + INaCa_i__k8_ss));
                const double INaCa_i__x3_ss = (9501.466275659823 * INaCa_i__k3_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss)) + (INaCa_i__k8_ss * INaCa_i__k6_ss * (5000.0 + INaCa_i__k3_ss));
                const double INaCa_i__x4_ss = (5000.0 * INaCa_i__k8_ss * (INaCa_i__k4_ss + 5000.0)) + (5000.0 * INaCa_i__k3_ss * (9501.466275659823 + INaCa_i__k8_ss));
                const double INaCa_i__E1_ss = (INaCa_i__x1_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__E2_ss = (INaCa_i__x2_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__JncxCa_ss = (5000.0 * INaCa_i__E2_ss) - (9501.466275659823 * INaCa_i__E1_ss);
                const double INaCa_i__E3_ss = (INaCa_i__x3_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__E4_ss = (INaCa_i__x4_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__JncxNa_ss = (3.0 * ((INaCa_i__E4_ss * INaCa_i__k7_ss) - (INaCa_i__E1_ss * INaCa_i__k8_ss))) + (INaCa_i__E3_ss * INaCa_i__k4pp_ss) - (INaCa_i__E2_ss * INaCa_i__k3pp_ss);
                const double INaCa_i__allo_ss = (1.0 / (1.0 + (((0.00015 / intracellular_ions__cass)) * ((0.00015 / intracellular_ions__cass)))));
                const double INaCa_i__INaCa_ss = (0.2 * INaCa_i__Gncx * INaCa_i__allo_ss * ((INaCa_i__JncxNa_ss) + (2.0 * INaCa_i__JncxCa_ss)));
                const double INaK__Knai = (9.073 * exp(((-0.0019341873145698018) * membrane__v)));
                const double INaK__a1 = (949.5 * (((intracellular_ions__nai / INaK__Knai)) * ((intracellular_ions__nai / INaK__Knai)) * ((intracellular_ions__nai / INaK__Knai))) / (((1.0 + (intracellular_ions__nai / INaK__Knai)) * (1.0 + (intracellular_ions__nai / INaK__Knai)) * (1.0 + (intracellular_ions__nai / INaK__Knai))) + ((1.0 + (2.0 * intracellular_ions__ki)) * (1.0 + (2.0 * intracellular_ions__ki))) - 1.0));
                const double INaK__Knao = (27.78 * exp((0.014412815150504008 * membrane__v)));
                const double INaK__b2 = (39.4 * (((140.0 / INaK__Knao)) * ((140.0 / INaK__Knao)) * ((140.0 / INaK__Knao))) / (((1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao))) + 258.41774197621277 - 1.0));
                const double INaK__P = (4.2 / (1.5889281507656066 + (0.004464285714285714 * intracellular_ions__nai) + (0.003424657534246575 * intracellular_ions__ki)));
                const double INaK__b3 = (1.3739938537444736e-10 * INaK__P);
                const double INaK__b4 = (40.0 * (((2.0 * intracellular_ions__ki)) * ((2.0 * intracellular_ions__ki))) / (((1.0 + (intracellular_ions__nai / INaK__Knai)) * (1.0 + (intracellular_ions__nai / INaK__Knai)) * (1.0 + (intracellular_ions__nai / INaK__Knai))) + ((1.0 + (2.0 * intracellular_ions__ki)) * (1.0 + (2.0 * intracellular_ions__ki))) - 1.0));
                const double INaK__x1 = (439120.7923915602 * INaK__a1) + (INaK__b2 * INaK__b4 * INaK__b3) + (687.2 * INaK__b4 * INaK__b3) + (687.2 * INaK__b3 * INaK__a1);
                const double INaK__a3 = (431580.0106057928 / (((1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao))) + 258.41774197621277 - 1.0));
                const double INaK__x2 = (9.120000000000001 * INaK__b2 * INaK__b4) + (687.2 * INaK__a1 * INaK__a3) + (9.120000000000001 * INaK__a3 * INaK__b4) + (687.2 * INaK__a3 * INaK__b4);
                const double INaK__x3 = (439120.7923915602 * INaK__a3) + (9.120000000000001 * INaK__b3 * INaK__b2) + (5827.679899026527 * INaK__b2) + (5827.679899026527 * INaK__a3);
                const double INaK__x4 = (INaK__b4 * INaK__b3 * INaK__b2) + (638.9999889283472 * INaK__a3 * INaK__a1) + (638.9999889283472 * INaK__b2 * INaK__a1) + (INaK__b3 * INaK__b2 * INaK__a1);
                const double INaK__E3 = (INaK__x3 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__E4 = (INaK__x4 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__JnakK = (2.0 * ((9.120000000000001 * INaK__E4) - (INaK__E3 * INaK__a1)));
                const double INaK__E1 = (INaK__x1 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__E2 = (INaK__x2 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__JnakNa = (3.0 * ((INaK__E1 * INaK__a3) - (INaK__E2 * INaK__b3)));
                const double INaK__Pnak_b = (30.0 * cardiotwin_parameters__gNaK);
                const double INaK__Pnak = ((0.0 == 1.0) ? (0.9 * INaK__Pnak_b) : ((0.0 == 2.0) ? (0.7 * INaK__Pnak_b) : INaK__Pnak_b));
                const double INaK__INaK = (INaK__Pnak * ((INaK__JnakNa) + (INaK__JnakK)));
                const double INaL__GNaL = (0.019957499999999975 * cardiotwin_parameters__gNaL);
                const double INaL__fINaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double INaL__INaL = (INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * (((1.0 - INaL__fINaLp) * INaL__hL) + (INaL__fINaLp * INaL__hLp)));
                const double INab__A = (3.6181875e-05 * ((intracellular_ions__nai * exp(membrane__vfrt)) - 140.0));
                const double INab__U = (0.037435883507802616 * (membrane__v - 0.0));
                const double INab__INab = ((((-1e-07) <= INab__U) & (INab__U <= 1e-07)) ? (INab__A * (1.0 - (0.5 * INab__U))) : (INab__A * INab__U / (exp(INab__U) - 1.0)));
                const double IpCa__IpCa = (0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai));
                const double Ito__Gto = (0.02 * cardiotwin_parameters__gto);
                const double Ito__fItop = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double Ito__AiF = (1.0 / (1.0 + exp((0.006613756613756614 * (membrane__v - 213.6)))));
                const double Ito__AiS = 1.0 - Ito__AiF;
                const double Ito__i = (Ito__AiF * Ito__iF) + (Ito__AiS * Ito__iS);
                const double Ito__ip = (Ito__AiF * Ito__iFp) + (Ito__AiS * Ito__iSp);
                const double Ito__Ito = (Ito__Gto * (membrane__v - reversal_potentials__EK) * (((1.0 - Ito__fItop) * Ito__a * Ito__i) + (Ito__fItop * Ito__ap * Ito__ip)));
                const double dot__membrane__v = -(INa__INa + INaL__INaL + Ito__Ito + ICaL__ICaL + ICaL__ICaNa + ICaL__ICaK + IKr__IKr + IKs__IKs + IK1__IK1 + INaCa_i__INaCa_i + INaCa_i__INaCa_ss + INaK__INaK + INab__INab + IKb__IKb + IpCa__IpCa + ICab__ICab + i_stim);
                const double dot__CaMK__CaMKt = (0.05 * CaMK__CaMKb * (CaMK__CaMKb + CaMK__CaMKt)) - (0.00068 * CaMK__CaMKt);
                const double diff__JdiffNa = (0.5 * (intracellular_ions__nass - intracellular_ions__nai));
                const double dot__intracellular_ions__nai = (6.152074288236873e-05 * (-(INa__INa + INaL__INaL + (3.0 * INaCa_i__INaCa_i) + (3.0 * INaK__INaK) + INab__INab))) + (0.02941176470588235 * diff__JdiffNa);
                const double dot__intracellular_ions__nass = (0.002091705258000537 * (-(ICaL__ICaNa + (3.0 * INaCa_i__INaCa_ss)))) - diff__JdiffNa;
                const double diff__JdiffK = (0.5 * (intracellular_ions__kss - intracellular_ions__ki));
                const double dot__intracellular_ions__ki = (6.152074288236873e-05 * (-(Ito__Ito + IKr__IKr + IKs__IKs + IK1__IK1 + IKb__IKb + i_stim - (2.0 * INaK__INaK)))) + (0.02941176470588235 * diff__JdiffK);
                const double dot__intracellular_ions__kss = (0.002091705258000537 * (-ICaL__ICaK)) - diff__JdiffK;
                const double diff__Jdiff = (5.0 * (intracellular_ions__cass - intracellular_ions__cai));
                const double intracellular_ions__Bcass = (1.0 / (1.0 + (4.089e-05 / ((0.00087 + intracellular_ions__cass) * (0.00087 + intracellular_ions__cass))) + (0.0097788 / ((0.0087 + intracellular_ions__cass) * (0.0087 + intracellular_ions__cass)))));
                const double ryr__fJrelp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double ryr__Jrel = ((((1.0 - ryr__fJrelp) * ryr__Jrelnp) + (ryr__fJrelp * ryr__Jrelp)));
                const double dot__intracellular_ions__cass = (intracellular_ions__Bcass * ((0.0010458526290002684 * (-(ICaL__ICaL - (2.0 * INaCa_i__INaCa_ss)))) + (0.23999999999999996 * ryr__Jrel) - diff__Jdiff));
                const double SERCA__Jleak = (0.0002625 * intracellular_ions__cansr);
                const double SERCA__Jupnp = (0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092));
                const double SERCA__Jupp = (0.01203125 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017));
                const double SERCA__fJupp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double SERCA__Jup = ((((1.0 - SERCA__fJupp) * SERCA__Jupnp) + (SERCA__fJupp * SERCA__Jupp) - SERCA__Jleak));
                const double trans_flux__Jtr = (0.01 * (intracellular_ions__cansr - intracellular_ions__cajsr));
                const double dot__intracellular_ions__cansr = SERCA__Jup - (0.08695652173913042 * trans_flux__Jtr);
                const double intracellular_ions__Bcajsr = (1.0 / (1.0 + (8.0 / ((0.8 + intracellular_ions__cajsr) * (0.8 + intracellular_ions__cajsr)))));
                const double dot__intracellular_ions__cajsr = (intracellular_ions__Bcajsr * (trans_flux__Jtr - ryr__Jrel));
                const double intracellular_ions__Bcai = (1.0 / (1.0 + (0.00011900000000000002 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai))) + (3.5000000000000004e-05 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))));
                const double dot__intracellular_ions__cai = (intracellular_ions__Bcai * ((3.0760371441184366e-05 * (-(IpCa__IpCa + ICab__ICab - (2.0 * INaCa_i__INaCa_i)))) - (0.08117647058823528 * SERCA__Jup) + (0.02941176470588235 * diff__Jdiff)));
                const double INa__mss = (1.0 / (1.0 + exp((0.10130685847431871 * (-(membrane__v + 39.57))))));
                const double INa__tm = (1.0 / ((6.765 * exp((0.02876042565429968 * (membrane__v + 11.64)))) + (8.552 * exp((0.16792611251049538 * (-(membrane__v + 77.42)))))));
                const double dot__INa__m = ((INa__mss - INa__m) / INa__tm);
                const double INa__hss = (1.0 / (1.0 + exp((0.1643115346697338 * (membrane__v + 82.9 - 0.0)))));
                const double INa__thf = (1.0 / ((1.432e-05 * exp((0.15910898965791567 * (-(membrane__v + 1.196 - 0.0))))) + (6.149 * exp((0.0493339911198816 * (membrane__v + 0.5096 - 0.0))))));
                const double dot__INa__hf = ((INa__hss - INa__hf) / INa__thf);
                const double INa__ths = (1.0 / ((0.009794 * exp((0.035650623885918005 * (-(membrane__v + 17.95 - 0.0))))) + (0.3343 * exp((0.017649135192375574 * (membrane__v + 5.73 - 0.0))))));
                const double dot__INa__hs = ((INa__hss - INa__hs) / INa__ths);
                const double INa__jss = INa__hss;
                const double INa__tj = 2.038 + (1.0 / ((0.02136 * exp((0.12075836251660427 * (-(membrane__v + 100.6 - 0.0))))) + (0.3052 * exp((0.02600780234070221 * (membrane__v + 0.9941 - 0.0))))));
                const double dot__INa__j = ((INa__jss - INa__j) / INa__tj);
                const double INa__hssp = (1.0 / (1.0 + exp((0.1643115346697338 * (membrane__v + 89.1 - 0.0)))));
                const double INa__thsp = (3.0 * INa__ths);
                const double dot__INa__hsp = ((INa__hssp - INa__hsp) / INa__thsp);
                const double INa__tjp = (1.46 * INa__tj);
                const double dot__INa__jp = ((INa__jss - INa__jp) / INa__tjp);
                const double INaL__mLss = (1.0 / (1.0 + exp((0.18996960486322187 * (-(membrane__v + 42.85))))));
                const double INaL__tmL = INa__tm;
                const double dot__INaL__mL = ((INaL__mLss - INaL__mL) / INaL__tmL);
                const double INaL__hLss = (1.0 / (1.0 + exp((0.13354700854700854 * (membrane__v + 87.61)))));
                const double dot__INaL__hL = (0.005 * (INaL__hLss - INaL__hL));
                const double INaL__hLssp = (1.0 / (1.0 + exp((0.13354700854700854 * (membrane__v + 93.81)))));
                const double dot__INaL__hLp = (0.0016666666666666668 * (INaL__hLssp - INaL__hLp));
                const double Ito__ass = (1.0 / (1.0 + exp((0.06747638326585695 * (-(membrane__v - 14.34))))));
                const double Ito__ta = (1.0515 / ((0.8271982794275787 / (1.0 + exp((0.03403513787634354 * (-(membrane__v - 18.4099)))))) + (3.5 / (1.0 + exp((0.03403513787634354 * (membrane__v + 100.0)))))));
                const double dot__Ito__a = ((Ito__ass - Ito__a) / Ito__ta);
                const double Ito__iss = (1.0 / (1.0 + exp((0.17510068289266328 * (membrane__v + 43.94)))));
                const double Ito__delta_epi = ((0.0 == 1.0) ? 1.0 - (0.95 / (1.0 + exp((0.2 * (membrane__v + 70.0))))) : 1.0);
                const double Ito__tiF_b = 4.562 + (1.0 / ((0.3933 * exp((0.01 * (-(membrane__v + 100.0))))) + (0.08004 * exp((0.06027727546714889 * (membrane__v + 50.0))))));
                const double Ito__tiF = (Ito__tiF_b * Ito__delta_epi);
                const double dot__Ito__iF = ((Ito__iss - Ito__iF) / Ito__tiF);
                const double Ito__tiS_b = 23.62 + (1.0 / ((0.001416 * exp((0.01693480101608806 * (-(membrane__v + 96.52))))) + (1.78e-08 * exp((0.12377769525931426 * (membrane__v + 114.1))))));
                const double Ito__tiS = (Ito__tiS_b * Ito__delta_epi);
                const double dot__Ito__iS = ((Ito__iss - Ito__iS) / Ito__tiS);
                const double Ito__assp = (1.0 / (1.0 + exp((0.06747638326585695 * (-(membrane__v - 24.34))))));
                const double dot__Ito__ap = ((Ito__assp - Ito__ap) / Ito__ta);
                const double Ito__dti_develop = 1.354 + (0.0001 / (exp((0.06293266205160478 * (membrane__v - 167.4))) + exp((4.642525533890436 * (-(membrane__v - 12.23))))));
                const double Ito__dti_recover = 1.0 - (0.5 / (1.0 + exp((0.05 * (membrane__v + 70.0)))));
                const double Ito__tiFp = (Ito__dti_develop * Ito__dti_recover * Ito__tiF);
                const double dot__Ito__iFp = ((Ito__iss - Ito__iFp) / Ito__tiFp);
                const double Ito__tiSp = (Ito__dti_develop * Ito__dti_recover * Ito__tiS);
                const double dot__Ito__iSp = ((Ito__iss - Ito__iSp) / Ito__tiSp);
                const double ICaL__dss = (1.0 / (1.0 + exp((0.23640661938534277 * (-(membrane__v + 3.94))))));
                const double ICaL__td = 0.6 + (1.0 / (exp(((-0.05) * (membrane__v + 6.0))) + exp((0.09 * (membrane__v + 14.0)))));
                const double dot__ICaL__d = ((ICaL__dss - ICaL__d) / ICaL__td);
                const double ICaL__fss = (1.0 / (1.0 + exp((0.27056277056277056 * (membrane__v + 19.58)))));
                const double ICaL__tff = 7.0 + (1.0 / ((0.0045 * exp((0.1 * (-(membrane__v + 20.0))))) + (0.0045 * exp((0.1 * (membrane__v + 20.0))))));
                const double dot__ICaL__ff = ((ICaL__fss - ICaL__ff) / ICaL__tff);
                const double ICaL__tfs = 1000.0 + (1.0 / ((3.5e-05 * exp((0.25 * (-(membrane__v + 5.0))))) + (3.5e-05 * exp((0.16666666666666666 * (membrane__v + 5.0))))));
                const double dot__ICaL__fs = ((ICaL__fss - ICaL__fs) / ICaL__tfs);
                const double ICaL__fcass = ICaL__fss;
                const double ICaL__tfcaf = 7.0 + (1.0 / ((0.04 * exp((0.14285714285714285 * (-(membrane__v - 4.0))))) + (0.04 * exp((0.14285714285714285 * (membrane__v - 4.0))))));
                const double dot__ICaL__fcaf = ((ICaL__fcass - ICaL__fcaf) / ICaL__tfcaf);
                const double ICaL__tfcas = 100.0 + (1.0 / ((0.00012 * exp((0.3333333333333333 * (-membrane__v)))) + (0.00012 * exp((0.14285714285714285 * membrane__v)))));
                const double dot__ICaL__fcas = ((ICaL__fcass - ICaL__fcas) / ICaL__tfcas);
                const double dot__ICaL__jca = (0.013333333333333334 * (ICaL__fcass - ICaL__jca));
                const double ICaL__tffp = (2.5 * ICaL__tff);
                const double dot__ICaL__ffp = ((ICaL__fss - ICaL__ffp) / ICaL__tffp);
                const double ICaL__tfcafp = (2.5 * ICaL__tfcaf);
                const double dot__ICaL__fcafp = ((ICaL__fcass - ICaL__fcafp) / ICaL__tfcafp);
                const double ICaL__km2n = (ICaL__jca);
                const double ICaL__anca = (1.0 / ((1000.0 / ICaL__km2n) + __builtin_powi((1.0 + (0.002 / intracellular_ions__cass)), 4)));
                const double dot__ICaL__nca = (1000.0 * ICaL__anca) - (ICaL__nca * ICaL__km2n);
                const double dot__IKr__IC1 = -((0.01189868619684017 * exp((1.535e-08 * membrane__v)) * IKr__IC1) - (6.145301160162181e-05 * exp(((-0.1688) * membrane__v)) * IKr__IC2)) + (6.9292902783457055 * exp((0.008595 * membrane__v)) * IKr__C1) - (0.22985844625060706 * exp((0.1725 * membrane__v)) * IKr__IC1);
                const double dot__IKr__IC2 = (0.01189868619684017 * exp((1.535e-08 * membrane__v)) * IKr__IC1) - (6.145301160162181e-05 * exp(((-0.1688) * membrane__v)) * IKr__IC2) - ((0.01848566926536764 * exp((0.008516 * membrane__v)) * IKr__IC2) - (0.00017688628605067472 * exp(((-0.04641) * membrane__v)) * IKr__IO)) + (4.358076760548901 * exp((3.613e-08 * membrane__v)) * IKr__C2) - (4.976378102836875 * exp(((-0.0006575) * membrane__v)) * IKr__IC2);
                const double dot__IKr__C1 = -((0.3857434178977697 * exp((4.631e-05 * membrane__v)) * IKr__C1) - (5.7880316693427994e-05 * exp(((-0.004226) * membrane__v)) * IKr__C2)) - ((6.9292902783457055 * exp((0.008595 * membrane__v)) * IKr__C1) - (0.22985844625060706 * exp((0.1725 * membrane__v)) * IKr__IC1));
                const double dot__IKr__C2 = (0.3857434178977697 * exp((4.631e-05 * membrane__v)) * IKr__C1) - (5.7880316693427994e-05 * exp(((-0.004226) * membrane__v)) * IKr__C2) - ((0.06369479424066002 * exp((7.771e-09 * membrane__v)) * IKr__C2) - (0.0026912698717094915 * exp(((-0.02877) * membrane__v)) * IKr__O)) - ((4.358076760548901 * exp((3.613e-08 * membrane__v)) * IKr__C2) - (4.976378102836875 * exp(((-0.0006575) * membrane__v)) * IKr__IC2));
                const double dot__IKr__O = (0.06369479424066002 * exp((7.771e-09 * membrane__v)) * IKr__C2) - (0.0026912698717094915 * exp(((-0.02877) * membrane__v)) * IKr__O) - ((0.6656220254071087 * exp((0.004668 * membrane__v)) * IKr__O) - (0.17212014014424634 * exp(((-0.02215) * membrane__v)) * IKr__IO)) - ((IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * IKr__O / (pow((IKr__D), IKr__n) + IKr__halfmax)) - (IKr__Ku * IKr__Obound));
                const double dot__IKr__IO = (0.01848566926536764 * exp((0.008516 * membrane__v)) * IKr__IC2) - (0.00017688628605067472 * exp(((-0.04641) * membrane__v)) * IKr__IO) + (0.6656220254071087 * exp((0.004668 * membrane__v)) * IKr__O) - (0.17212014014424634 * exp(((-0.02215) * membrane__v)) * IKr__IO) - ((IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * IKr__IO / (pow((IKr__D), IKr__n) + IKr__halfmax)) - (3.8671943030564586 * IKr__Ku * exp((0.004668 * membrane__v)) * IKr__IObound / exp(((-0.02215) * membrane__v))));
                const double dot__IKr__IObound = (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * IKr__IO / (pow((IKr__D), IKr__n) + IKr__halfmax)) - (3.8671943030564586 * IKr__Ku * exp((0.004668 * membrane__v)) * IKr__IObound / exp(((-0.02215) * membrane__v))) + (IKr__Kt * IKr__Cbound / (1.0 + exp((0.14729709824716453 * (-(membrane__v - IKr__Vhalf)))))) - (IKr__Kt * IKr__IObound);
                const double dot__IKr__Obound = (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * IKr__O / (pow((IKr__D), IKr__n) + IKr__halfmax)) - (IKr__Ku * IKr__Obound) + (IKr__Kt * IKr__Cbound / (1.0 + exp((0.14729709824716453 * (-(membrane__v - IKr__Vhalf)))))) - (IKr__Kt * IKr__Obound);
                const double dot__IKr__Cbound = -((IKr__Kt * IKr__Cbound / (1.0 + exp((0.14729709824716453 * (-(membrane__v - IKr__Vhalf)))))) - (IKr__Kt * IKr__Obound)) - ((IKr__Kt * IKr__Cbound / (1.0 + exp((0.14729709824716453 * (-(membrane__v - IKr__Vhalf)))))) - (IKr__Kt * IKr__IObound));
                const double IKs__txs1 = 817.3 + (1.0 / ((0.0002326 * exp((0.056179775280898875 * (membrane__v + 48.28)))) + (0.001292 * exp((0.004347826086956522 * (-(membrane__v + 210.0)))))));
                const double IKs__xs1ss = (1.0 / (1.0 + exp((0.11195700850873264 * (-(membrane__v + 11.6))))));
                const double dot__IKs__xs1 = ((IKs__xs1ss - IKs__xs1) / IKs__txs1);
                const double IKs__txs2 = (1.0 / ((0.01 * exp((0.05 * (membrane__v - 50.0)))) + (0.0193 * exp((0.03225806451612903 * (-(membrane__v + 66.54)))))));
                const double IKs__xs2ss = IKs__xs1ss;
                const double dot__IKs__xs2 = ((IKs__xs2ss - IKs__xs2) / IKs__txs2);
                const double IK1__txk1 = (122.2 / (exp((0.049115913555992145 * (-(membrane__v + 127.2)))) + exp((0.014423770373575654 * (membrane__v + 236.8)))));
                const double IK1__xk1ss = (1.0 / (1.0 + exp((0.08139888874237089 * (-(membrane__v + 13.79052 + 144.59))))));
                const double dot__IK1__xk1 = ((IK1__xk1ss - IK1__xk1) / IK1__txk1);
                const double ryr__Jrel_inf_temp = (2.375 * (-ICaL__ICaL) / (1.0 + (__builtin_powi(((1.5 / intracellular_ions__cajsr)), 8))));
                const double ryr__Jrel_inf = ((0.0 == 2.0) ? (1.7 * ryr__Jrel_inf_temp) : ryr__Jrel_inf_temp);
                const double ryr__tau_rel_temp = (4.75 / (1.0 + (0.0123 / intracellular_ions__cajsr)));
                const double ryr__tau_rel = ((ryr__tau_rel_temp < 0.001) ? 0.001 : ryr__tau_rel_temp);
                const double dot__ryr__Jrelnp = ((ryr__Jrel_inf - ryr__Jrelnp) / ryr__tau_rel);
                const double ryr__Jrel_temp = (2.96875 * (-ICaL__ICaL) / (1.0 + __builtin_powi(((1.5 / intracellular_ions__cajsr)), 8)));
                const double ryr__Jrel_infp = ((0.0 == 2.0) ? (1.7 * ryr__Jrel_temp) : ryr__Jrel_temp);
                const double ryr__tau_relp_temp = (5.9375 / (1.0 + (0.0123 / intracellular_ions__cajsr)));
                const double ryr__tau_relp = ((ryr__tau_relp_temp < 0.001) ? 0.001 : ryr__tau_relp_temp);
                const double dot__ryr__Jrelp = ((ryr__Jrel_infp - ryr__Jrelp) / ryr__tau_relp);
                out[0 + j] = membrane__v + dt * dot__membrane__v;
                out[32 + j] = CaMK__CaMKt + dt * dot__CaMK__CaMKt;
                out[64 + j] = intracellular_ions__nai + dt * dot__intracellular_ions__nai;
                out[96 + j] = intracellular_ions__nass + dt * dot__intracellular_ions__nass;
                out[128 + j] = intracellular_ions__ki + dt * dot__intracellular_ions__ki;
                out[160 + j] = intracellular_ions__kss + dt * dot__intracellular_ions__kss;
                out[192 + j] = intracellular_ions__cass + dt * dot__intracellular_ions__cass;
                out[224 + j] = intracellular_ions__cansr + dt * dot__intracellular_ions__cansr;
                out[256 + j] = intracellular_ions__cajsr + dt * dot__intracellular_ions__cajsr;
                out[288 + j] = intracellular_ions__cai + dt * dot__intracellular_ions__cai;
                const double rlb__INa__m = -(1.0 / (INa__tm));
                out[320 + j] = ct_rush_larsen_ab(INa__m, dot__INa__m - rlb__INa__m * INa__m, rlb__INa__m, dt);
                const double rlb__INa__hf = -(1.0 / (INa__thf));
                out[352 + j] = ct_rush_larsen_ab(INa__hf, dot__INa__hf - rlb__INa__hf * INa__hf, rlb__INa__hf, dt);
                const double rlb__INa__hs = -(1.0 / (INa__ths));
                out[384 + j] = ct_rush_larsen_ab(INa__hs, dot__INa__hs - rlb__INa__hs * INa__hs, rlb__INa__hs, dt);
                const double rlb__INa__j = -(1.0 / (INa__tj));
                out[416 + j] = ct_rush_larsen_ab(INa__j, dot__INa__j - rlb__INa__j * INa__j, rlb__INa__j, dt);
                const double rlb__INa__hsp = -(1.0 / (INa__thsp));
                out[448 + j] = ct_rush_larsen_ab(INa__hsp, dot__INa__hsp - rlb__INa__hsp * INa__hsp, rlb__INa__hsp, dt);
                const double rlb__INa__jp = -(1.0 / (INa__tjp));
                out[480 + j] = ct_rush_larsen_ab(INa__jp, dot__INa__jp - rlb__INa__jp * INa__jp, rlb__INa__jp, dt);
                const double rlb__INaL__mL = -(1.0 / (INaL__tmL));
                out[512 + j] = ct_rush_larsen_ab(INaL__mL, dot__INaL__mL - rlb__INaL__mL * INaL__mL, rlb__INaL__mL, dt);
                const double rlb__INaL__hL = (-0.005);
                out[544 + j] = ct_rush_larsen_ab(INaL__hL, dot__INaL__hL - rlb__INaL__hL * INaL__hL, rlb__INaL__hL, dt);
                const double rlb__INaL__hLp = (-0.0016666666666666668);
                out[576 + j] = ct_rush_larsen_ab(INaL__hLp, dot__INaL__hLp - rlb__INaL__hLp * INaL__hLp, rlb__INaL__hLp, dt);
                const double rlb__Ito__a = -(1.0 / (Ito__ta));
                out[608 + j] = ct_rush_larsen_ab(Ito__a, dot__Ito__a - rlb__Ito__a * Ito__a, rlb__Ito__a, dt);
                const double rlb__Ito__iF = -(1.0 / (Ito__tiF));
                out[640 + j] = ct_rush_larsen_ab(Ito__iF, dot__Ito__iF - rlb__Ito__iF * Ito__iF, rlb__Ito__iF, dt);
                const double rlb__Ito__iS = -(1.0 / (Ito__tiS));
                out[672 + j] = ct_rush_larsen_ab(Ito__iS, dot__Ito__iS - rlb__Ito__iS * Ito__iS, rlb__Ito__iS, dt);
                const double rlb__Ito__ap = -(1.0 / (Ito__ta));
                out[704 + j] = ct_rush_larsen_ab(Ito__ap, dot__Ito__ap - rlb__Ito__ap * Ito__ap, rlb__Ito__ap, dt);
                const double rlb__Ito__iFp = -(1.0 / (Ito__tiFp));
                out[736 + j] = ct_rush_larsen_ab(Ito__iFp, dot__Ito__iFp - rlb__Ito__iFp * Ito__iFp, rlb__Ito__iFp, dt);
                const double rlb__Ito__iSp = -(1.0 / (Ito__tiSp));
                out[768 + j] = ct_rush_larsen_ab(Ito__iSp, dot__Ito__iSp - rlb__Ito__iSp * Ito__iSp, rlb__Ito__iSp, dt);
                const double rlb__ICaL__d = -(1.0 / (ICaL__td));
                out[800 + j] = ct_rush_larsen_ab(ICaL__d, dot__ICaL__d - rlb__ICaL__d * ICaL__d, rlb__ICaL__d, dt);
                const double rlb__ICaL__ff = -(1.0 / (ICaL__tff));
                out[832 + j] = ct_rush_larsen_ab(ICaL__ff, dot__ICaL__ff - rlb__ICaL__ff * ICaL__ff, rlb__ICaL__ff, dt);
                const double rlb__ICaL__fs = -(1.0 / (ICaL__tfs));
                out[864 + j] = ct_rush_larsen_ab(ICaL__fs, dot__ICaL__fs - rlb__ICaL__fs * ICaL__fs, rlb__ICaL__fs, dt);
                const double rlb__ICaL__fcaf = -(1.0 / (ICaL__tfcaf));
                out[896 + j] = ct_rush_larsen_ab(ICaL__fcaf, dot__ICaL__fcaf - rlb__ICaL__fcaf * ICaL__fcaf, rlb__ICaL__fcaf, dt);
                const double rlb__ICaL__fcas = -(1.0 / (ICaL__tfcas));
                out[928 + j] = ct_rush_larsen_ab(ICaL__fcas, dot__ICaL__fcas - rlb__ICaL__fcas * ICaL__fcas, rlb__ICaL__fcas, dt);
                const double rlb__ICaL__jca = (-0.013333333333333334);
                out[960 + j] = ct_rush_larsen_ab(ICaL__jca, dot__ICaL__jca - rlb__ICaL__jca * ICaL__jca, rlb__ICaL__jca, dt);
                const double rlb__ICaL__ffp = -(1.0 / (ICaL__tffp));
                out[992 + j] = ct_rush_larsen_ab(ICaL__ffp, dot__ICaL__ffp - rlb__ICaL__ffp * ICaL__ffp, rlb__ICaL__ffp, dt);
                const double rlb__ICaL__fcafp = -(1.0 / (ICaL__tfcafp));
                out[1024 + j] = ct_rush_larsen_ab(ICaL__fcafp, dot__ICaL__fcafp - rlb__ICaL__fcafp * ICaL__fcafp, rlb__ICaL__fcafp, dt);
                const double rlb__ICaL__nca = -ICaL__km2n;
                out[1056 + j] = ct_rush_larsen_ab(ICaL__nca, dot__ICaL__nca - rlb__ICaL__nca * ICaL__nca, rlb__ICaL__nca, dt);
                const double rlb__IKs__xs1 = -(1.0 / (IKs__txs1));
                out[1376 + j] = ct_rush_larsen_ab(IKs__xs1, dot__IKs__xs1 - rlb__IKs__xs1 * IKs__xs1, rlb__IKs__xs1, dt);
                const double rlb__IKs__xs2 = -(1.0 / (IKs__txs2));
                out[1408 + j] = ct_rush_larsen_ab(IKs__xs2, dot__IKs__xs2 - rlb__IKs__xs2 * IKs__xs2, rlb__IKs__xs2, dt);
                const double rlb__IK1__xk1 = -(1.0 / (IK1__txk1));
                out[1440 + j] = ct_rush_larsen_ab(IK1__xk1, dot__IK1__xk1 - rlb__IK1__xk1 * IK1__xk1, rlb__IK1__xk1, dt);
                const double rlb__ryr__Jrelnp = -(1.0 / (ryr__tau_rel));
                out[1472 + j] = ct_rush_larsen_ab(ryr__Jrelnp, dot__ryr__Jrelnp - rlb__ryr__Jrelnp * ryr__Jrelnp, rlb__ryr__Jrelnp, dt);
                const double rlb__ryr__Jrelp = -(1.0 / (ryr__tau_relp));
                out[1504 + j] = ct_rush_larsen_ab(ryr__Jrelp, dot__ryr__Jrelp - rlb__ryr__Jrelp * ryr__Jrelp, rlb__ryr__Jrelp, dt);
                const double be0_m0_0 = -((0.011898686196840175 * exp((1.535e-08 * membrane__v)))) + -((0.22985844625060714 * exp((0.1725 * membrane__v))));
                const double be0_m0_1 = (6.145301160162181e-05 * exp(((-0.1688) * membrane__v)));
                const double be0_m0_2 = (6.929290278345709 * exp((0.008595 * membrane__v)));
                const double be0_m1_0 = (0.011898686196840175 * exp((1.535e-08 * membrane__v)));
                const double be0_m1_1 = -((6.145301160162181e-05 * exp(((-0.1688) * membrane__v)))) + (-((0.01848566926536764 * exp((0.008516 * membrane__v)))) + -((4.976378102836878 * exp(((-0.0006575) * membrane__v)))));
                const double be0_m1_3 = (4.358076760548901 * exp((3.613e-08 * membrane__v)));
                const double be0_m1_5 = (0.00017688628605067472 * exp(((-0.04641) * membrane__v)));
                const double be0_m2_0 = (0.22985844625060714 * exp((0.1725 * membrane__v)));
                const double be0_m2_2 = -((0.38574341789776984 * exp((4.631e-05 * membrane__v)))) + -((6.929290278345709 * exp((0.008595 * membrane__v))));
                const double be0_m2_3 = (5.7880316693427994e-05 * exp(((-0.004226) * membrane__v)));
                const double be0_m3_1 = (4.976378102836878 * exp(((-0.0006575) * membrane__v)));
                const double be0_m3_2 = (0.38574341789776984 * exp((4.631e-05 * membrane__v)));
                const double be0_m3_3 = -((5.7880316693427994e-05 * exp(((-0.004226) * membrane__v)))) + (-((0.06369479424066005 * exp((7.771e-09 * membrane__v)))) + -((4.358076760548901 * exp((3.613e-08 * membrane__v)))));
                const double be0_m3_4 = (0.0026912698717094915 * exp(((-0.02877) * membrane__v)));
                const double be0_m4_3 = (0.06369479424066005 * exp((7.771e-09 * membrane__v)));
                const double be0_m4_4 = -((0.0026912698717094915 * exp(((-0.02877) * membrane__v)))) + (-((0.6656220254071089 * exp((0.004668 * membrane__v)))) + -((IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n))))));
                const double be0_m4_5 = (0.17212014014424634 * exp(((-0.02215) * membrane__v)));
                const double be0_m4_7 = IKr__Ku;
                const double be0_m5_1 = (0.01848566926536764 * exp((0.008516 * membrane__v)));
                const double be0_m5_4 = (0.6656220254071089 * exp((0.004668 * membrane__v)));
                const double be0_m5_5 = -((0.00017688628605067472 * exp(((-0.04641) * membrane__v)))) + (-((0.17212014014424634 * exp(((-0.02215) * membrane__v)))) + -((IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n))))));
                const double be0_m5_6 = (3.86719430305646 * IKr__Ku * exp((0.004668 * membrane__v)) * exp(-(((-0.02215) * membrane__v))));
                const double be0_m6_5 = (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n))));
                const double be0_m6_6 = -IKr__Kt + -((3.86719430305646 * IKr__Ku * exp((0.004668 * membrane__v)) * exp(-(((-0.02215) * membrane__v)))));
                const double be0_m6_8 = (IKr__Kt * (1.0 / (1.0 + exp((0.14729709824716453 * IKr__Vhalf) + ((-0.14729709824716453) * membrane__v)))));
                const double be0_m7_4 = (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n))));
                const double be0_m7_7 = -IKr__Kt + -IKr__Ku;
                const double be0_m7_8 = (IKr__Kt * (1.0 / (1.0 + exp((0.14729709824716453 * IKr__Vhalf) + ((-0.14729709824716453) * membrane__v)))));
                const double be0_m8_6 = IKr__Kt;
                const double be0_m8_7 = IKr__Kt;
                const double be0_m8_8 = ((-2.0) * IKr__Kt * (1.0 / (1.0 + exp((0.14729709824716453 * IKr__Vhalf) + ((-0.14729709824716453) * membrane__v)))));
                const double be0_a0_0 = 1.0 - dt * be0_m0_0;
                const double be0_a0_1 = - dt * be0_m0_1;
                const double be0_a0_2 = - dt * be0_m0_2;
                const double be0_a1_0 = - dt * be0_m1_0;
                const double be0_a1_1 = 1.0 - dt * be0_m1_1;
                const double be0_a1_3 = - dt * be0_m1_3;
                const double be0_a1_5 = - dt * be0_m1_5;
                const double be0_a2_0 = - dt * be0_m2_0;
                const double be0_a2_2 = 1.0 - dt * be0_m2_2;
                const double be0_a2_3 = - dt * be0_m2_3;
                const double be0_a3_1 = - dt * be0_m3_1;
                const double be0_a3_2 = - dt * be0_m3_2;
                const double be0_a3_3 = 1.0 - dt * be0_m3_3;
                const double be0_a3_4 = - dt * be0_m3_4;
                const double be0_a4_3 = - dt * be0_m4_3;
                const double be0_a4_4 = 1.0 - dt * be0_m4_4;
                const double be0_a4_5 = - dt * be0_m4_5;
                const double be0_a4_7 = - dt * be0_m4_7;
                const double be0_a5_1 = - dt * be0_m5_1;
                const double be0_a5_4 = - dt * be0_m5_4;
                const double be0_a5_5 = 1.0 - dt * be0_m5_5;
                const double be0_a5_6 = - dt * be0_m5_6;
                const double be0_a6_5 = - dt * be0_m6_5;
                const double be0_a6_6 = 1.0 - dt * be0_m6_6;
                const double be0_a6_8 = - dt * be0_m6_8;
                const double be0_a7_4 = - dt * be0_m7_4;
                const double be0_a7_7 = 1.0 - dt * be0_m7_7;
                const double be0_a7_8 = - dt * be0_m7_8;
                const double be0_a8_6 = - dt * be0_m8_6;
                const double be0_a8_7 = - dt * be0_m8_7;
                const double be0_a8_8 = 1.0 - dt * be0_m8_8;
                const double be0_r0 = IKr__IC1 + dt * (dot__IKr__IC1 - be0_m0_0 * IKr__IC1 - be0_m0_1 * IKr__IC2 - be0_m0_2 * IKr__C1);
                const double be0_r1 = IKr__IC2 + dt * (dot__IKr__IC2 - be0_m1_0 * IKr__IC1 - be0_m1_1 * IKr__IC2 - be0_m1_3 * IKr__C2 - be0_m1_5 * IKr__IO);
                const double be0_r2 = IKr__C1 + dt * (dot__IKr__C1 - be0_m2_0 * IKr__IC1 - be0_m2_2 * IKr__C1 - be0_m2_3 * IKr__C2);
                const double be0_r3 = IKr__C2 + dt * (dot__IKr__C2 - be0_m3_1 * IKr__IC2 - be0_m3_2 * IKr__C1 - be0_m3_3 * IKr__C2 - be0_m3_4 * IKr__O);
                const double be0_r4 = IKr__O + dt * (dot__IKr__O - be0_m4_3 * IKr__C2 - be0_m4_4 * IKr__O - be0_m4_5 * IKr__IO - be0_m4_7 * IKr__Obound);
                const double be0_r5 = IKr__IO + dt * (dot__IKr__IO - be0_m5_1 * IKr__IC2 - be0_m5_4 * IKr__O - be0_m5_5 * IKr__IO - be0_m5_6 * IKr__IObound);
                const double be0_r6 = IKr__IObound + dt * (dot__IKr__IObound - be0_m6_5 * IKr__IO - be0_m6_6 * IKr__IObound - be0_m6_8 * IKr__Cbound);
                const double be0_r7 = IKr__Obound + dt * (dot__IKr__Obound - be0_m7_4 * IKr__O - be0_m7_7 * IKr__Obound - be0_m7_8 * IKr__Cbound);
                const double be0_r8 = IKr__Cbound + dt * (dot__IKr__Cbound - be0_m8_6 * IKr__IObound - be0_m8_7 * IKr__Obound - be0_m8_8 * IKr__Cbound);
                const double be0_inv0 = 1.0 / be0_a0_0;
                const double be0_f1_0 = be0_a1_0 * be0_inv0;
                const double be0_a1_1_0 = be0_a1_1 - be0_f1_0 * be0_a0_1;
                const double be0_a1_2_0 = - be0_f1_0 * be0_a0_2;
                const double be0_r1_0 = be0_r1 - be0_f1_0 * be0_r0;
                const double be0_f2_0 = be0_a2_0 * be0_inv0;
                const double be0_a2_1_0 = - be0_f2_0 * be0_a0_1;
                const double be0_a2_2_0 = be0_a2_2 - be0_f2_0 * be0_a0_2;
                const double be0_r2_0 = be0_r2 - be0_f2_0 * be0_r0;
                const double be0_inv1 = 1.0 / be0_a1_1_0;
                const double be0_f2_1 = be0_a2_1_0 * be0_inv1;
                const double be0_a2_2_1 = be0_a2_2_0 - be0_f2_1 * be0_a1_2_0;
                const double be0_a2_3_1 = be0_a2_3 - be0_f2_1 * be0_a1_3;
                const double be0_a2_5_1 = - be0_f2_1 * be0_a1_5;
                const double be0_r2_1 = be0_r2_0 - be0_f2_1 * be0_r1_0;
                const double be0_f3_1 = be0_a3_1 * be0_inv1;
                const double be0_a3_2_1 = be0_a3_2 - be0_f3_1 * be0_a1_2_0;
                const double be0_a3_3_1 = be0_a3_3 - be0_f3_1 * be0_a1_3;
                const double be0_a3_5_1 = - be0_f3_1 * be0_a1_5;
                const double be0_r3_1 = be0_r3 - be0_f3_1 * be0_r1_0;
                const double be0_f5_1 = be0_a5_1 * be0_inv1;
                const double be0_a5_2_1 = - be0_f5_1 * be0_a1_2_0;
                const double be0_a5_3_1 = - be0_f5_1 * be0_a1_3;
                const double be0_a5_5_1 = be0_a5_5 - be0_f5_1 * be0_a1_5;
                const double be0_r5_1 = be0_r5 - be0_f5_1 * be0_r1_0;
                const double be0_inv2 = 1.0 / be0_a2_2_1;
                const double be0_f3_2 = be0_a3_2_1 * be0_inv2;
                const double be0_a3_3_2 = be0_a3_3_1 - be0_f3_2 * be0_a2_3_1;
                const double be0_a3_5_2 = be0_a3_5_1 - be0_f3_2 * be0_a2_5_1;
                const double be0_r3_2 = be0_r3_1 - be0_f3_2 * be0_r2_1;
                const double be0_f5_2 = be0_a5_2_1 * be0_inv2;
                const double be0_a5_3_2 = be0_a5_3_1 - be0_f5_2 * be0_a2_3_1;
                const double be0_a5_5_2 = be0_a5_5_1 - be0_f5_2 * be0_a2_5_1;
                const double be0_r5_2 = be0_r5_1 - be0_f5_2 * be0_r2_1;
                const double be0_inv3 = 1.0 / be0_a3_3_2;
                const double be0_f4_3 = be0_a4_3 * be0_inv3;
                const double be0_a4_4_3 = be0_a4_4 - be0_f4_3 * be0_a3_4;
                const double be0_a4_5_3 = be0_a4_5 - be0_f4_3 * be0_a3_5_2;
                const double be0_r4_3 = be0_r4 - be0_f4_3 * be0_r3_2;
                const double be0_f5_3 = be0_a5_3_2 * be0_inv3;
                const double be0_a5_4_3 = be0_a5_4 - be0_f5_3 * be0_a3_4;
                const double be0_a5_5_3 = be0_a5_5_2 - be0_f5_3 * be0_a3_5_2;
                const double be0_r5_3 = be0_r5_2 - be0_f5_3 * be0_r3_2;
                const double be0_inv4 = 1.0 / be0_a4_4_3;
                const double be0_f5_4 = be0_a5_4_3 * be0_inv4;
                const double be0_a5_5_4 = be0_a5_5_3 - be0_f5_4 * be0_a4_5_3;
                const double be0_a5_7_4 = - be0_f5_4 * be0_a4_7;
                const double be0_r5_4 = be0_r5_3 - be0_f5_4 * be0_r4_3;
                const double be0_f7_4 = be0_a7_4 * be0_inv4;
                const double be0_a7_5_4 = - be0_f7_4 * be0_a4_5_3;
                const double be0_a7_7_4 = be0_a7_7 - be0_f7_4 * be0_a4_7;
                const double be0_r7_4 = be0_r7 - be0_f7_4 * be0_r4_3;
                const double be0_inv5 = 1.0 / be0_a5_5_4;
                const double be0_f6_5 = be0_a6_5 * be0_inv5;
                const double be0_a6_6_5 = be0_a6_6 - be0_f6_5 * be0_a5_6;
                const double be0_a6_7_5 = - be0_f6_5 * be0_a5_7_4;
                const double be0_r6_5 = be0_r6 - be0_f6_5 * be0_r5_4;
                const double be0_f7_5 = be0_a7_5_4 * be0_inv5;
                const double be0_a7_6_5 = - be0_f7_5 * be0_a5_6;
                const double be0_a7_7_5 = be0_a7_7_4 - be0_f7_5 * be0_a5_7_4;
                const double be0_r7_5 = be0_r7_4 - be0_f7_5 * be0_r5_4;
                const double be0_inv6 = 1.0 / be0_a6_6_5;
                const double be0_f7_6 = be0_a7_6_5 * be0_inv6;
                const double be0_a7_7_6 = be0_a7_7_5 - be0_f7_6 * be0_a6_7_5;
                const double be0_a7_8_6 = be0_a7_8 - be0_f7_6 * be0_a6_8;
                const double be0_r7_6 = be0_r7_5 - be0_f7_6 * be0_r6_5;
                const double be0_f8_6 = be0_a8_6 * be0_inv6;
                const double be0_a8_7_6 = be0_a8_7 - be0_f8_6 * be0_a6_7_5;
                const double be0_a8_8_6 = be0_a8_8 - be0_f8_6 * be0_a6_8;
                const double be0_r8_6 = be0_r8 - be0_f8_6 * be0_r6_5;
                const double be0_inv7 = 1.0 / be0_a7_7_6;
                const double be0_f8_7 = be0_a8_7_6 * be0_inv7;
                const double be0_a8_8_7 = be0_a8_8_6 - be0_f8_7 * be0_a7_8_6;
                const double be0_r8_7 = be0_r8_6 - be0_f8_7 * be0_r7_6;
                const double be0_inv8 = 1.0 / be0_a8_8_7;
                const double be0_x8 = (be0_r8_7) * be0_inv8;
                const double be0_x7 = (be0_r7_6 - be0_a7_8_6 * be0_x8) * be0_inv7;
                const double be0_x6 = (be0_r6_5 - be0_a6_7_5 * be0_x7 - be0_a6_8 * be0_x8) * be0_inv6;
                const double be0_x5 = (be0_r5_4 - be0_a5_6 * be0_x6 - be0_a5_7_4 * be0_x7) * be0_inv5;
                const double be0_x4 = (be0_r4_3 - be0_a4_5_3 * be0_x5 - be0_a4_7 * be0_x7) * be0_inv4;
                const double be0_x3 = (be0_r3_2 - be0_a3_4 * be0_x4 - be0_a3_5_2 * be0_x5) * be0_inv3;
                const double be0_x2 = (be0_r2_1 - be0_a2_3_1 * be0_x3 - be0_a2_5_1 * be0_x5) * be0_inv2;
                const double be0_x1 = (be0_r1_0 - be0_a1_2_0 * be0_x2 - be0_a1_3 * be0_x3 - be0_a1_5 * be0_x5) * be0_inv1;
                const double be0_x0 = (be0_r0 - be0_a0_1 * be0_x1 - be0_a0_2 * be0_x2) * be0_inv0;
                out[1088 + j] = be0_x0;
                out[1120 + j] = be0_x1;
                out[1152 + j] = be0_x2;
                out[1184 + j] = be0_x3;
                out[1216 + j] = be0_x4;
                out[1248 + j] = be0_x5;
                out[1280 + j] = be0_x6;
                out[1312 + j] = be0_x7;
                out[1344 + j] = be0_x8;
                (void)i_stim;
            }
        }
        for (int k = 0; k < 48; ++k)
            for (int j = 0; j < nj; ++j)
                s[k * ld + j] = out[k * 32 + j];
    }

    static inline __attribute__((always_inline)) void ct_chunk_lut_body(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv, const int variant)
    {
        double out[1536];
        const double xmax_lut = n_rows - 1.000001;
        (void)t;
        (void)p;
        (void)variant;
        for (int jb = 0; jb < nj; jb += 8) {
            for (int j = jb; j < jb + 8; ++j) {
                const double i_stim = ist[j];
                const double membrane__v = s[0 * ld + j];
                const double CaMK__CaMKt = s[1 * ld + j];
                const double intracellular_ions__nai = s[2 * ld + j];
                const double intracellular_ions__nass = s[3 * ld + j];
                const double intracellular_ions__ki = s[4 * ld + j];
                const double intracellular_ions__kss = s[5 * ld + j];
                const double intracellular_ions__cass = s[6 * ld + j];
                const double intracellular_ions__cansr = s[7 * ld + j];
                const double intracellular_ions__cajsr = s[8 * ld + j];
                const double intracellular_ions__cai = s[9 * ld + j];
                const double INa__m = s[10 * ld + j];
                const double INa__hf = s[11 * ld + j];
                const double INa__hs = s[12 * ld + j];
                const double INa__j = s[13 * ld + j];
                const double INa__hsp = s[14 * ld + j];
                const double INa__jp = s[15 * ld + j];
                const double INaL__mL = s[16 * ld + j];
                const double INaL__hL = s[17 * ld + j];
                const double INaL__hLp = s[18 * ld + j];
                const double Ito__a = s[19 * ld + j];
                const double Ito__iF = s[20 * ld + j];
                const double Ito__iS = s[21 * ld + j];
                const double Ito__ap = s[22 * ld + j];
                const double Ito__iFp = s[23 * ld + j];
                const double Ito__iSp = s[24 * ld + j];
                const double ICaL__d = s[25 * ld + j];
                const double ICaL__ff = s[26 * ld + j];
                const double ICaL__fs = s[27 * ld + j];
                const double ICaL__fcaf = s[28 * ld + j];
                const double ICaL__fcas = s[29 * ld + j];
                const double ICaL__jca = s[30 * ld + j];
                const double ICaL__ffp = s[31 * ld + j];
                const double ICaL__fcafp = s[32 * ld + j];
                const double ICaL__nca = s[33 * ld + j];
                const double IKr__IC1 = s[34 * ld + j];
                const double IKr__IC2 = s[35 * ld + j];
                const double IKr__C1 = s[36 * ld + j];
                const double IKr__C2 = s[37 * ld + j];
                const double IKr__O = s[38 * ld + j];
                const double IKr__IO = s[39 * ld + j];
                const double IKr__IObound = s[40 * ld + j];
                const double IKr__Obound = s[41 * ld + j];
                const double IKr__Cbound = s[42 * ld + j];
                const double IKs__xs1 = s[43 * ld + j];
                const double IKs__xs2 = s[44 * ld + j];
                const double IK1__xk1 = s[45 * ld + j];
                const double ryr__Jrelnp = s[46 * ld + j];
                const double ryr__Jrelp = s[47 * ld + j];
                const double cardiotwin_parameters__gNa = p[0 * ld + j];
                const double cardiotwin_parameters__gNaL = p[1 * ld + j];
                const double cardiotwin_parameters__PCa = p[2 * ld + j];
                const double cardiotwin_parameters__gto = p[3 * ld + j];
                const double cardiotwin_parameters__gKr = p[4 * ld + j];
                const double cardiotwin_parameters__gKs = p[5 * ld + j];
                const double cardiotwin_parameters__gK1 = p[6 * ld + j];
                const double cardiotwin_parameters__gNaCa = p[7 * ld + j];
                const double cardiotwin_parameters__gNaK = p[8 * ld + j];
                const double IKr__D = p[9 * ld + j];
                const double IKr__Kmax = p[10 * ld + j];
                const double IKr__Ku = p[11 * ld + j];
                const double IKr__n = p[12 * ld + j];
                const double IKr__halfmax = p[13 * ld + j];
                const double IKr__Vhalf = p[14 * ld + j];
                const double IKr__Kt = p[15 * ld + j];
                const double x_lut0 = (membrane__v - vmin) * inv_dv;
                const double x_lut1 = x_lut0 > 0.0 ? x_lut0 : 0.0;
                const double x_lut = x_lut1 < xmax_lut ? x_lut1 : xmax_lut;
                const int i_lut = (int)x_lut;
                const double w_lut = x_lut - i_lut;
                const int o_lut = 136 * i_lut;
                const double ICaL__Afcaf = lut[o_lut + 0] + w_lut * (lut[o_lut + 136] - lut[o_lut + 0]);
                const double ICaL__Afcas = lut[o_lut + 1] + w_lut * (lut[o_lut + 137] - lut[o_lut + 1]);
                const double ICaL__U_1 = lut[o_lut + 2] + w_lut * (lut[o_lut + 138] - lut[o_lut + 2]);
                const double ICaL__U_2 = lut[o_lut + 3] + w_lut * (lut[o_lut + 139] - lut[o_lut + 3]);
                const double ICaL__U_3 = lut[o_lut + 4] + w_lut * (lut[o_lut + 140] - lut[o_lut + 4]);
                const double ICab__U = lut[o_lut + 5] + w_lut * (lut[o_lut + 141] - lut[o_lut + 5]);
                const double IK1__rk1 = lut[o_lut + 6] + w_lut * (lut[o_lut + 142] - lut[o_lut + 6]);
                const double IKb__xkb = lut[o_lut + 7] + w_lut * (lut[o_lut + 143] - lut[o_lut + 7]);
                const double INaCa_i__hna = lut[o_lut + 8] + w_lut * (lut[o_lut + 144] - lut[o_lut + 8]);
                const double INaCa_i__k3pp_i = lut[o_lut + 9] + w_lut * (lut[o_lut + 145] - lut[o_lut + 9]);
                const double INaCa_i__k3_i = lut[o_lut + 10] + w_lut * (lut[o_lut + 146] - lut[o_lut + 10]);
                const double INaCa_i__k3pp_ss = lut[o_lut + 11] + w_lut * (lut[o_lut + 147] - lut[o_lut + 11]);
                const double INaCa_i__k3_ss = lut[o_lut + 12] + w_lut * (lut[o_lut + 148] - lut[o_lut + 12]);
                const double INaCa_i__k8_i = lut[o_lut + 13] + w_lut * (lut[o_lut + 149] - lut[o_lut + 13]);
                const double INaCa_i__k8_ss = lut[o_lut + 14] + w_lut * (lut[o_lut + 150] - lut[o_lut + 14]);
                const double INaK__a3 = lut[o_lut + 15] + w_lut * (lut[o_lut + 151] - lut[o_lut + 15]);
                const double INaK__b2 = lut[o_lut + 16] + w_lut * (lut[o_lut + 152] - lut[o_lut + 16]);
                const double INab__U = lut[o_lut + 17] + w_lut * (lut[o_lut + 153] - lut[o_lut + 17]);
                const double Ito__AiF = lut[o_lut + 18] + w_lut * (lut[o_lut + 154] - lut[o_lut + 18]);
                const double Ito__AiS = lut[o_lut + 19] + w_lut * (lut[o_lut + 155] - lut[o_lut + 19]);
                const double lutx__0 = lut[o_lut + 20] + w_lut * (lut[o_lut + 156] - lut[o_lut + 20]);
                const double lutx__1 = lut[o_lut + 21] + w_lut * (lut[o_lut + 157] - lut[o_lut + 21]);
                const double lutx__2 = lut[o_lut + 22] + w_lut * (lut[o_lut + 158] - lut[o_lut + 22]);
                const double lutx__3 = lut[o_lut + 23] + w_lut * (lut[o_lut + 159] - lut[o_lut + 23]);
                const double lutx__4 = lut[o_lut + 24] + w_lut * (lut[o_lut + 160] - lut[o_lut + 24]);
                const double lutx__5 = lut[o_lut + 25] + w_lut * (lut[o_lut + 161] - lut[o_lut + 25]);
                const double lutx__6 = lut[o_lut + 26] + w_lut * (lut[o_lut + 162] - lut[o_lut + 26]);
                const double lutx__7 = lut[o_lut + 27] + w_lut * (lut[o_lut + 163] - lut[o_lut + 27]);
                const double lutx__8 = lut[o_lut + 28] + w_lut * (lut[o_lut + 164] - lut[o_lut + 28]);
                const double lutx__9 = lut[o_lut + 29] + w_lut * (lut[o_lut + 165] - lut[o_lut + 29]);
                const double lutx__10 = lut[o_lut + 30] + w_lut * (lut[o_lut + 166] - lut[o_lut + 30]);
                const double lutx__11 = lut[o_lut + 31] + w_lut * (lut[o_lut + 167] - lut[o_lut + 31]);
                const double lutx__12 = lut[o_lut + 32] + w_lut * (lut[o_lut + 168] - lut[o_lut + 32]);
                const double lutx__13 = lut[o_lut + 33] + w_lut * (lut[o_lut + 169] - lut[o_lut + 33]);
                const double lutx__14 = lut[o_lut + 34] + w_lut * (lut[o_lut + 170] - lut[o_lut + 34]);
                const double lutx__15 = lut[o_lut + 35] + w_lut * (lut[o_lut + 171] - lut[o_lut + 35]);
                const double lutx__16 = lut[o_lut + 36] + w_lut * (lut[o_lut + 172] - lut[o_lut + 36]);
                const double lutx__17 = lut[o_lut + 37] + w_lut * (lut[o_lut + 173] - lut[o_lut + 37]);
                const double lutx__18 = lut[o_lut + 38] + w_lut * (lut[o_lut + 174] - lut[o_lut + 38]);
                const double lutx__19 = lut[o_lut + 39] + w_lut * (lut[o_lut + 175] - lut[o_lut + 39]);
                const double lutx__20 = lut[o_lut + 40] + w_lut * (lut[o_lut + 176] - lut[o_lut + 40]);
                const double lutx__21 = lut[o_lut + 41] + w_lut * (lut[o_lut + 177] - lut[o_lut + 41]);
                const double lutx__22 = lut[o_lut + 42] + w_lut * (lut[o_lut + 178] - lut[o_lut + 42]);
                const double lutx__23 = lut[o_lut + 43] + w_lut * (lut[o_lut + 179] - lut[o_lut + 43]);
                const double lutx__24 = lut[o_lut + 44] + w_lut * (lut[o_lut + 180] - lut[o_lut + 44]);
                const double lutx__25 = lut[o_lut + 45] + w_lut * (lut[o_lut + 181] - lut[o_lut + 45]);
                const double lutx__26 = lut[o_lut + 46] + w_lut * (lut[o_lut + 182] - lut[o_lut + 46]);
                const double lutx__27 = lut[o_lut + 47] + w_lut * (lut[o_lut + 183] - lut[o_lut + 47]);
                const double lutx__28 = lut[o_lut + 48] + w_lut * (lut[o_lut + 184] - lut[o_lut + 48]);
                const double lutx__29 = lut[o_lut + 49] + w_lut * (lut[o_lut + 185] - lut[o_lut + 49]);
                const double lutx__30 = lut[o_lut + 50] + w_lut * (lut[o_lut + 186] - lut[o_lut + 50]);
                const double lutx__31 = lut[o_lut + 51] + w_lut * (lut[o_lut + 187] - lut[o_lut + 51]);
                const double lutx__32 = lut[o_lut + 52] + w_lut * (lut[o_lut + 188] - lut[o_lut + 52]);
                const double lutx__33 = lut[o_lut + 53] + w_lut * (lut[o_lut + 189] - lut[o_lut + 53]);
                const double lutx__34 = lut[o_lut + 54] + w_lut * (lut[o_lut + 190] - lut[o_lut + 54]);
                const double lutx__35 = lut[o_lut + 55] + w_lut * (lut[o_lut + 191] - lut[o_lut + 55]);
                const double lutx__36 = lut[o_lut + 56] + w_lut * (lut[o_lut + 192] - lut[o_lut + 56]);
                const double lutx__37 = lut[o_lut + 57] + w_lut * (lut[o_lut + 193] - lut[o_lut + 57]);
                const double lutx__38 = lut[o_lut + 58] + w_lut * (lut[o_lut + 194] - lut[o_lut + 58]);
                const double lutx__39 = lut[o_lut + 59] + w_lut * (lut[o_lut + 195] - lut[o_lut + 59]);
                const double lutx__40 = lut[o_lut + 60] + w_lut * (lut[o_lut + 196] - lut[o_lut + 60]);
                const double lutx__41 = lut[o_lut + 61] + w_lut * (lut[o_lut + 197] - lut[o_lut + 61]);
                const double lutx__42 = lut[o_lut + 62] + w_lut * (lut[o_lut + 198] - lut[o_lut + 62]);
                const double lutx__43 = lut[o_lut + 63] + w_lut * (lut[o_lut + 199] - lut[o_lut + 63]);
                const double lutx__44 = lut[o_lut + 64] + w_lut * (lut[o_lut + 200] - lut[o_lut + 64]);
                const double lutx__45 = lut[o_lut + 65] + w_lut * (lut[o_lut + 201] - lut[o_lut + 65]);
                const double lutx__46 = lut[o_lut + 66] + w_lut * (lut[o_lut + 202] - lut[o_lut + 66]);
                const double lutx__47 = lut[o_lut + 67] + w_lut * (lut[o_lut + 203] - lut[o_lut + 67]);
                const double lutx__48 = lut[o_lut + 68] + w_lut * (lut[o_lut + 204] - lut[o_lut + 68]);
                const double lutx__49 = lut[o_lut + 69] + w_lut * (lut[o_lut + 205] - lut[o_lut + 69]);
                const double lutx__50 = lut[o_lut + 70] + w_lut * (lut[o_lut + 206] - lut[o_lut + 70]);
                const double lutx__51 = lut[o_lut + 71] + w_lut * (lut[o_lut + 207] - lut[o_lut + 71]);
                const double lutx__52 = lut[o_lut + 72] + w_lut * (lut[o_lut + 208] - lut[o_lut + 72]);
                const double lutx__53 = lut[o_lut + 73] + w_lut * (lut[o_lut + 209] - lut[o_lut + 73]);
                const double lutx__54 = lut[o_lut + 74] + w_lut * (lut[o_lut + 210] - lut[o_lut + 74]);
                const double lutx__55 = lut[o_lut + 75] + w_lut * (lut[o_lut + 211] - lut[o_lut + 75]);
                const double lutx__56 = lut[o_lut + 76] + w_lut * (lut[o_lut + 212] - lut[o_lut + 76]);
                const double lutx__57 = lut[o_lut + 77] + w_lut * (lut[o_lut + 213] - lut[o_lut + 77]);
                const double lutx__58 = lut[o_lut + 78] + w_lut * (lut[o_lut + 214] - lut[o_lut + 78]);
                const double lutx__59 = lut[o_lut + 79] + w_lut * (lut[o_lut + 215] - lut[o_lut + 79]);
                const double lutx__60 = lut[o_lut + 80] + w_lut * (lut[o_lut + 216] - lut[o_lut + 80]);
                const double lutx__61 = lut[o_lut + 81] + w_lut * (lut[o_lut + 217] - lut[o_lut + 81]);
                const double lutx__62 = lut[o_lut + 82] + w_lut * (lut[o_lut + 218] - lut[o_lut + 82]);
                const double lutx__63 = lut[o_lut + 83] + w_lut * (lut[o_lut + 219] - lut[o_lut + 83]);
                const double rlE__INa__m = lut[o_lut + 84] + w_lut * (lut[o_lut + 220] - lut[o_lut + 84]);
                const double rlQ__INa__m = lut[o_lut + 85] + w_lut * (lut[o_lut + 221] - lut[o_lut + 85]);
                const double rlE__INa__hf = lut[o_lut + 86] + w_lut * (lut[o_lut + 222] - lut[o_lut + 86]);
                const double rlQ__INa__hf = lut[o_lut + 87] + w_lut * (lut[o_lut + 223] - lut[o_lut + 87]);
                const double rlE__INa__hs = lut[o_lut + 88] + w_lut * (lut[o_lut + 224] - lut[o_lut + 88]);
                const double rlQ__INa__hs = lut[o_lut + 89] + w_lut * (lut[o_lut + 225] - lut[o_lut + 89]);
                const double rlE__INa__j = lut[o_lut + 90] + w_lut * (lut[o_lut + 226] - lut[o_lut + 90]);
                const double rlQ__INa__j = lut[o_lut + 91] + w_lut * (lut[o_lut + 227] - lut[o_lut + 91]);
                const double rlE__INa__hsp = lut[o_lut + 92] + w_lut * (lut[o_lut + 228] - lut[o_lut + 92]);
                const double rlQ__INa__hsp = lut[o_lut + 93] + w_lut * (lut[o_lut + 229] - lut[o_lut + 93]);
                const double rlE__INa__jp = lut[o_lut + 94] + w_lut * (lut[o_lut + 230] - lut[o_lut + 94]);
                const double rlQ__INa__jp = lut[o_lut + 95] + w_lut * (lut[o_lut + 231] - lut[o_lut + 95]);
                const double rlE__INaL__mL = lut[o_lut + 96] + w_lut * (lut[o_lut + 232] - lut[o_lut + 96]);
                const double rlQ__INaL__mL = lut[o_lut + 97] + w_lut * (lut[o_lut + 233] - lut[o_lut + 97]);
                const double rlE__INaL__hL = lut[o_lut + 98] + w_lut * (lut[o_lut + 234] - lut[o_lut + 98]);
                const double rlQ__INaL__hL = lut[o_lut + 99] + w_lut * (lut[o_lut + 235] - lut[o_lut + 99]);
                const double rlE__INaL__hLp = lut[o_lut + 100] + w_lut * (lut[o_lut + 236] - lut[o_lut + 100]);
                const double rlQ__INaL__hLp = lut[o_lut + 101] + w_lut * (lut[o_lut + 237] - lut[o_lut + 101]);
                const double rlE__Ito__a = lut[o_lut + 102] + w_lut * (lut[o_lut + 238] - lut[o_lut + 102]);
                const double rlQ__Ito__a = lut[o_lut + 103] + w_lut * (lut[o_lut + 239] - lut[o_lut + 103]);
                const double rlE__Ito__iF = lut[o_lut + 104] + w_lut * (lut[o_lut + 240] - lut[o_lut + 104]);
                const double rlQ__Ito__iF = lut[o_lut + 105] + w_lut * (lut[o_lut + 241] - lut[o_lut + 105]);
                const double rlE__Ito__iS = lut[o_lut + 106] + w_lut * (lut[o_lut + 242] - lut[o_lut + 106]);
                const double rlQ__Ito__iS = lut[o_lut + 107] + w_lut * (lut[o_lut + 243] - lut[o_lut + 107]);
                const double rlE__Ito__ap = lut[o_lut + 108] + w_lut * (lut[o_lut + 244] - lut[o_lut + 108]);
                const double rlQ__Ito__ap = lut[o_lut + 109] + w_lut * (lut[o_lut + 245] - lut[o_lut + 109]);
                const double rlE__Ito__iFp = lut[o_lut + 110] + w_lut * (lut[o_lut + 246] - lut[o_lut + 110]);
                const double rlQ__Ito__iFp = lut[o_lut + 111] + w_lut * (lut[o_lut + 247] - lut[o_lut + 111]);
                const double rlE__Ito__iSp = lut[o_lut + 112] + w_lut * (lut[o_lut + 248] - lut[o_lut + 112]);
                const double rlQ__Ito__iSp = lut[o_lut + 113] + w_lut * (lut[o_lut + 249] - lut[o_lut + 113]);
                const double rlE__ICaL__d = lut[o_lut + 114] + w_lut * (lut[o_lut + 250] - lut[o_lut + 114]);
                const double rlQ__ICaL__d = lut[o_lut + 115] + w_lut * (lut[o_lut + 251] - lut[o_lut + 115]);
                const double rlE__ICaL__ff = lut[o_lut + 116] + w_lut * (lut[o_lut + 252] - lut[o_lut + 116]);
                const double rlQ__ICaL__ff = lut[o_lut + 117] + w_lut * (lut[o_lut + 253] - lut[o_lut + 117]);
                const double rlE__ICaL__fs = lut[o_lut + 118] + w_lut * (lut[o_lut + 254] - lut[o_lut + 118]);
                const double rlQ__ICaL__fs = lut[o_lut + 119] + w_lut * (lut[o_lut + 255] - lut[o_lut + 119]);
                const double rlE__ICaL__fcaf = lut[o_lut + 120] + w_lut * (lut[o_lut + 256] - lut[o_lut + 120]);
                const double rlQ__ICaL__fcaf = lut[o_lut + 121] + w_lut * (lut[o_lut + 257] - lut[o_lut + 121]);
                const double rlE__ICaL__fcas = lut[o_lut + 122] + w_lut * (lut[o_lut + 258] - lut[o_lut + 122]);
                const double rlQ__ICaL__fcas = lut[o_lut + 123] + w_lut * (lut[o_lut + 259] - lut[o_lut + 123]);
                const double rlE__ICaL__jca = lut[o_lut + 124] + w_lut * (lut[o_lut + 260] - lut[o_lut + 124]);
                const double rlQ__ICaL__jca = lut[o_lut + 125] + w_lut * (lut[o_lut + 261] - lut[o_lut + 125]);
                const double rlE__ICaL__ffp = lut[o_lut + 126] + w_lut * (lut[o_lut + 262] - lut[o_lut + 126]);
                const double rlQ__ICaL__ffp = lut[o_lut + 127] + w_lut * (lut[o_lut + 263] - lut[o_lut + 127]);
                const double rlE__ICaL__fcafp = lut[o_lut + 128] + w_lut * (lut[o_lut + 264] - lut[o_lut + 128]);
                const double rlQ__ICaL__fcafp = lut[o_lut + 129] + w_lut * (lut[o_lut + 265] - lut[o_lut + 129]);
                const double rlE__IKs__xs1 = lut[o_lut + 130] + w_lut * (lut[o_lut + 266] - lut[o_lut + 130]);
                const double rlQ__IKs__xs1 = lut[o_lut + 131] + w_lut * (lut[o_lut + 267] - lut[o_lut + 131]);
                const double rlE__IKs__xs2 = lut[o_lut + 132] + w_lut * (lut[o_lut + 268] - lut[o_lut + 132]);
                const double rlQ__IKs__xs2 = lut[o_lut + 133] + w_lut * (lut[o_lut + 269] - lut[o_lut + 133]);
                const double rlE__IK1__xk1 = lut[o_lut + 134] + w_lut * (lut[o_lut + 270] - lut[o_lut + 134]);
                const double rlQ__IK1__xk1 = lut[o_lut + 135] + w_lut * (lut[o_lut + 271] - lut[o_lut + 135]);
                const double ICaL__PCa = (0.0001007 * cardiotwin_parameters__PCa);
                const double ICaL__PCaK = (0.0003574 * ICaL__PCa);
                const double ICaL__PCap = (1.1 * ICaL__PCa);
                const double ICaL__PCaKp = (0.0003574 * ICaL__PCap);
                const double ICaL__A_3 = (72363.75 * ((intracellular_ions__kss * lutx__0) - 5.4));
                const double ICaL__PhiCaK = ((((-1e-07) <= ICaL__U_3) & (ICaL__U_3 <= 1e-07)) ? (ICaL__A_3 * lutx__1) : (ICaL__A_3 * lutx__2));
                const double ICaL__f = (0.6 * ICaL__ff) + (0.4 * ICaL__fs);
                const double CaMK__CaMKb = (0.05 * (1.0 - CaMK__CaMKt) / (1.0 + (0.0015 / intracellular_ions__cass)));
                const double CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt;
                const double ICaL__fICaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double ICaL__fca = (ICaL__Afcaf * ICaL__fcaf) + (ICaL__Afcas * ICaL__fcas);
                const double ICaL__fcap = (ICaL__Afcaf * ICaL__fcafp) + (ICaL__Afcas * ICaL__fcas);
                const double ICaL__fp = (0.6 * ICaL__ffp) + (0.4 * ICaL__fs);
                const double ICaL__ICaK = ((1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICaL__A_1 = (192970.0 * ((intracellular_ions__cass * lutx__3) - 0.6138));
                const double ICaL__PhiCaL = ((((-1e-07) <= ICaL__U_1) & (ICaL__U_1 <= 1e-07)) ? (ICaL__A_1 * lutx__4) : (ICaL__A_1 * lutx__5));
                const double ICaL__ICaL = ((1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICaL__PCaNa = (0.00125 * ICaL__PCa);
                const double ICaL__PCaNap = (0.00125 * ICaL__PCap);
                const double ICaL__A_2 = (72363.75 * ((intracellular_ions__nass * lutx__0) - 140.0));
                const double ICaL__PhiCaNa = ((((-1e-07) <= ICaL__U_2) & (ICaL__U_2 <= 1e-07)) ? (ICaL__A_2 * lutx__6) : (ICaL__A_2 * lutx__7));
                const double ICaL__ICaNa = ((1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICab__A = (0.0048242499999999995 * ((intracellular_ions__cai * lutx__3) - 0.6138));
                const double ICab__ICab = ((((-1e-07) <= ICab__U) & (ICab__U <= 1e-07)) ? (ICab__A * lutx__8) : (ICab__A * lutx__9));
                const double IK1__GK1_calc = (0.7528577686385545 * cardiotwin_parameters__gK1);
                const double reversal_potentials__EK = (26.712338705498265 * log((5.4 / intracellular_ions__ki)));
                const double IK1__IK1 = (IK1__GK1_calc * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK));
                const double IKb__IKb = (0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK));
                const double IKr__GKr_calc = (0.04658545454545456 * cardiotwin_parameters__gKr);
                const double IKr__IKr = (IKr__GKr_calc * IKr__O * (membrane__v - reversal_potentials__EK));
                const double IKs__KsCa = 1.0 + (0.6 / (1.0 + pow(((3.8e-05 / intracellular_ions__cai)), 1.4)));
                const double IKs__GKs_calc = (0.006358000000000001 * cardiotwin_parameters__gKs * IKs__KsCa);
                const double reversal_potentials__EKs = (26.712338705498265 * log((7.966200000000001 / (intracellular_ions__ki + (0.01833 * intracellular_ions__nai)))));
                const double IKs__IKs = (IKs__GKs_calc * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs));
                const double INa__GNa = (75.0 * cardiotwin_parameters__gNa);
                const double INa__fINap = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double INa__h = (0.99 * INa__hf) + (0.010000000000000009 * INa__hs);
                const double INa__hp = (0.99 * INa__hf) + (0.010000000000000009 * INa__hsp);
                const double reversal_potentials__ENa = (26.712338705498265 * log((140.0 / intracellular_ions__nai)));
                const double INa__INa = (INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * (((1.0 - INa__fINap) * INa__h * INa__j) + (INa__fINap * INa__hp * INa__jp)));
                const double INaCa_i__Gncx_b = (0.0008 * cardiotwin_parameters__gNaCa);
                const double INaCa_i__Gncx = ((0.0 == 1.0) ? (1.1 * INaCa_i__Gncx_b) : ((0.0 == 2.0) ? (1.4 * INaCa_i__Gncx_b) : INaCa_i__Gncx_b));
                const double INaCa_i__h1_i = 1.0 + (0.011348161597821153 * intracellular_ions__nai * lutx__10);
                const double INaCa_i__h3_i = (1.0 / INaCa_i__h1_i);
                const double INaCa_i__k4p_i = (60000.0 * INaCa_i__h3_i * lutx__11);
                const double INaCa_i__h2_i = (0.011348161597821153 * intracellular_ions__nai * INaCa_i__hna / INaCa_i__h1_i);
                const double INaCa_i__k4pp_i = (5000.0 * INaCa_i__h2_i);
                const double INaCa_i__k4_i = INaCa_i__k4p_i + INaCa_i__k4pp_i;
                const double INaCa_i__h4_i = 1.0 + (0.06666666666666667 * intracellular_ions__nai * (1.0 + (0.2 * intracellular_ions__nai)));
                const double INaCa_i__h6_i = (1.0 / INaCa_i__h4_i);
                const double INaCa_i__k6_i = (1500000.0 * INaCa_i__h6_i * intracellular_ions__cai);
                const double INaCa_i__h5_i = (0.013333333333333332 * intracellular_ions__nai * intracellular_ions__nai / INaCa_i__h4_i);
                const double INaCa_i__k7_i = (60000.0 * INaCa_i__h5_i * INaCa_i__h2_i);
                const double INaCa_i__x1_i = (5000.0 * INaCa_i__k4_i * (INaCa_i__k7_i + INaCa_i__k6_i)) + (5000.0 * INaCa_i__k7_i * lutx__12);
                const double INaCa_i__x2_i = (9501.466275659823 * INaCa_i__k7_i * (INaCa_i__k4_i + 5000.0)) + (INaCa_i__k4_i * INaCa_i__k6_i * lutx__13);
                const double INaCa_i__x3_i = (9501.466275659823 * INaCa_i__k3_i * (INaCa_i__k7_i + INaCa_i__k6_i)) + (INaCa_i__k6_i * lutx__14);
                const double INaCa_i__x4_i = (5000.0 * INaCa_i__k8_i * (INaCa_i__k4_i + 5000.0)) + lutx__15;
                const double INaCa_i__E1_i = (INaCa_i__x1_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__E2_i = (INaCa_i__x2_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__JncxCa_i = (5000.0 * INaCa_i__E2_i) - (9501.466275659823 * INaCa_i__E1_i);
                const double INaCa_i__E3_i = (INaCa_i__x3_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__E4_i = (INaCa_i__x4_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__JncxNa_i = (3.0 * ((INaCa_i__E4_i * INaCa_i__k7_i) - (INaCa_i__E1_i * INaCa_i__k8_i))) + (INaCa_i__E3_i * INaCa_i__k4pp_i) - (INaCa_i__E2_i * INaCa_i__k3pp_i);
                const double INaCa_i__allo_i = (1.0 / (1.0 + (((0.00015 / intracellular_ions__cai)) * ((0.00015 / intracellular_ions__cai)))));
                const double INaCa_i__INaCa_i = (0.8 * INaCa_i__Gncx * INaCa_i__allo_i * ((INaCa_i__JncxNa_i) + (2.0 * INaCa_i__JncxCa_i)));
                const double INaCa_i__h1_ss = 1.0 + (0.011348161597821153 * intracellular_ions__nass * lutx__10);
                const double INaCa_i__h3_ss = (1.0 / INaCa_i__h1_ss);
                const double INaCa_i__k4p_ss = (60000.0 * INaCa_i__h3_ss * lutx__11);
                const double INaCa_i__h2_ss = (0.011348161597821153 * intracellular_ions__nass * INaCa_i__hna / INaCa_i__h1_ss);
                const double INaCa_i__k4pp_ss = (5000.0 * INaCa_i__h2_ss);
                const double INaCa_i__k4_ss = INaCa_i__k4p_ss + INaCa_i__k4pp_ss;
                const double INaCa_i__h4_ss = 1.0 + (0.06666666666666667 * intracellular_ions__nass * (1.0 + (0.2 * intracellular_ions__nass)));
                const double INaCa_i__h6_ss = (1.0 / INaCa_i__h4_ss);
                const double INaCa_i__k6_ss = (1500000.0 * INaCa_i__h6_ss * intracellular_ions__cass);
                const double INaCa_i__h5_ss = (0.013333333333333332 * intracellular_ions__nass * intracellular_ions__nass / INaCa_i__h4_ss);
                const double INaCa_i__k7_ss = (60000.0 * INaCa_i__h5_ss * INaCa_i__h2_ss);
                const double INaCa_i__x1_ss = (5000.0 * INaCa_i__k4_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss)) + (5000.0 * INaCa_i__k7_ss * lutx__16);
                const double INaCa_i__x2_ss = (9501.466275659823 * INaCa_i__k7_ss * (INaCa_i__k4_ss + 5000.0)) + (INaCa_i__k4_ss * INaCa_i__k6_ss * lutx__17);
                const double INaCa_i__x3_ss = (9501.466275659823 * INaCa_i__k3_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss)) + (INaCa_i__k6_ss * lutx__18);
                const double INaCa_i__x4_ss = (5000.0 * INaCa_i__k8_ss * (INaCa_i__k4_ss + 5000.0)) + lutx__19;
                const double INaCa_i__E1_ss = (INaCa_i__x1_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__E2_ss = (INaCa_i__x2_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__JncxCa_ss = (5000.0 * INaCa_i__E2_ss) - (9501.466275659823 * INaCa_i__E1_ss);
                const double INaCa_i__E3_ss = (INaCa_i__x3_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__E4_ss = (INaCa_i__x4_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__JncxNa_ss = (3.0 * ((INaCa_i__E4_ss * INaCa_i__k7_ss) - (INaCa_i__E1_ss * INaCa_i__k8_ss))) + (INaCa_i__E3_ss * INaCa_i__k4pp_ss) - (INaCa_i__E2_ss * INaCa_i__k3pp_ss);
                const double INaCa_i__allo_ss = (1.0 / (1.0 + (((0.00015 / intracellular_ions__cass)) * ((0.00015 / intracellular_ions__cass)))));
                const double INaCa_i__INaCa_ss = (0.2 * INaCa_i__Gncx * INaCa_i__allo_ss * ((INaCa_i__JncxNa_ss) + (2.0 * INaCa_i__JncxCa_ss)));
                const double INaK__a1 = (949.5 * (((intracellular_ions__nai * lutx__20)) * ((intracellular_ions__nai * lutx__20)) * ((intracellular_ions__nai * lutx__20))) / (((1.0 + (intracellular_ions__nai * lutx__20)) * (1.0 + (intracellular_ions__nai * lutx__20)) * (1.0 + (intracellular_ions__nai * lutx__20))) + ((1.0 + (2.0 * intracellular_ions__ki)) * (1.0 + (2.0 * intracellular_ions__ki))) - 1.0));
                const double INaK__P = (4.2 / (1.5889281507656066 + (0.004464285714285714 * intracellular_ions__nai) + (0.003424657534246575 * intracellular_ions__ki)));
                const double INaK__b3 = (1.3739938537444736e-10 * INaK__P);
                const double INaK__b4 = (40.0 * (((2.0 * intracellular_ions__ki)) * ((2.0 * intracellular_ions__ki))) / (((1.0 + (intracellular_ions__nai * lutx__20)) * (1.0 + (intracellular_ions__nai * lutx__20)) * (1.0 + (intracellular_ions__nai * lutx__20))) + ((1.0 + (2.0 * intracellular_ions__ki)) * (1.0 + (2.0 * intracellular_ions__ki))) - 1.0));
                const double INaK__x1 = (439120.7923915602 * INaK__a1) + (INaK__b2 * INaK__b4 * INaK__b3) + (687.2 * INaK__b4 * INaK__b3) + (687.2 * INaK__b3 * INaK__a1);
                const double INaK__x2 = (9.120000000000001 * INaK__b2 * INaK__b4) + (687.2 * INaK__a1 * INaK__a3) + (9.120000000000001 * INaK__a3 * INaK__b4) + (687.2 * INaK__a3 * INaK__b4);
                const double INaK__x3 = lutx__21 + (9.120000000000001 * INaK__b3 * INaK__b2) + lutx__22 + lutx__23;
                const double INaK__x4 = (INaK__b4 * INaK__b3 * INaK__b2) + (638.9999889283472 * INaK__a3 * INaK__a1) + (638.9999889283472 * INaK__b2 * INaK__a1) + (INaK__b3 * INaK__b2 * INaK__a1);
                const double INaK__E3 = (INaK__x3 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__E4 = (INaK__x4 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__JnakK = (2.0 * ((9.120000000000001 * INaK__E4) - (INaK__E3 * INaK__a1)));
                const double INaK__E1 = (INaK__x1 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__E2 = (INaK__x2 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__JnakNa = (3.0 * ((INaK__E1 * INaK__a3) - (INaK__E2 * INaK__b3)));
                const double INaK__Pnak_b = (30.0 * cardiotwin_parameters__gNaK);
                const double INaK__Pnak = ((0.0 == 1.0) ? (0.9 * INaK__Pnak_b) : ((0.0 == 2.0) ? (0.7 * INaK__Pnak_b) : INaK__Pnak_b));
                const double INaK__INaK = (INaK__Pnak * ((INaK__JnakNa) + (INaK__JnakK)));
                const double INaL__GNaL = (0.019957499999999975 * cardiotwin_parameters__gNaL);
                const double INaL__fINaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double INaL__INaL = (INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * (((1.0 - INaL__fINaLp) * INaL__hL) + (INaL__fINaLp * INaL__hLp)));
                const double INab__A = (3.6181875e-05 * ((intracellular_ions__nai * lutx__0) - 140.0));
                const double INab__INab = ((((-1e-07) <= INab__U) & (INab__U <= 1e-07)) ? (INab__A * lutx__24) : (INab__A * lutx__25));
                const double IpCa__IpCa = (0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai));
                const double Ito__Gto = (0.02 * cardiotwin_parameters__gto);
                const double Ito__fItop = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double Ito__i = (Ito__AiF * Ito__iF) + (Ito__AiS * Ito__iS);
                const double Ito__ip = (Ito__AiF * Ito__iFp) + (Ito__AiS * Ito__iSp);
                const double Ito__Ito = (Ito__Gto * (membrane__v - reversal_potentials__EK) * (((1.0 - Ito__fItop) * Ito__a * Ito__i) + (Ito__fItop * Ito__ap * Ito__ip)));
                const double dot__membrane__v = -(INa__INa + INaL__INaL + Ito__Ito + ICaL__ICaL + ICaL__ICaNa + ICaL__ICaK + IKr__IKr + IKs__IKs + IK1__IK1 + INaCa_i__INaCa_i + INaCa_i__INaCa_ss + INaK__INaK + INab__INab + IKb__IKb + IpCa__IpCa + ICab__ICab + i_stim);
                const double dot__CaMK__CaMKt = (0.05 * CaMK__CaMKb * (CaMK__CaMKb + CaMK__CaMKt)) - (0.00068 * CaMK__CaMKt);
                const double diff__JdiffNa = (0.5 * (intracellular_ions__nass - intracellular_ions__nai));
                const double dot__intracellular_ions__nai = (6.152074288236873e-05 * (-(INa__INa + INaL__INaL + (3.0 * INaCa_i__INaCa_i) + (3.0 * INaK__INaK) + INab__INab))) + (0.02941176470588235 * diff__JdiffNa);
                const double dot__intracellular_ions__nass = (0.002091705258000537 * (-(ICaL__ICaNa + (3.0 * INaCa_i__INaCa_ss)))) - diff__JdiffNa;
                const double diff__JdiffK = (0.5 * (intracellular_ions__kss - intracellular_ions__ki));
                const double dot__intracellular_ions__ki = (6.152074288236873e-05 * (-(Ito__Ito + IKr__IKr + IKs__IKs + IK1__IK1 + IKb__IKb + i_stim - (2.0 * INaK__INaK)))) + (0.02941176470588235 * diff__JdiffK);
                const double dot__intracellular_ions__kss = (0.002091705258000537 * (-ICaL__ICaK)) - diff__JdiffK;
                const double diff__Jdiff = (5.0 * (intracellular_ions__cass - intracellular_ions__cai));
                const double intracellular_ions__Bcass = (1.0 / (1.0 + (4.089e-05 / ((0.00087 + intracellular_ions__cass) * (0.00087 + intracellular_ions__cass))) + (0.0097788 / ((0.0087 + intracellular_ions__cass) * (0.0087 + intracellular_ions__cass)))));
                const double ryr__fJrelp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double ryr__Jrel = ((((1.0 - ryr__fJrelp) * ryr__Jrelnp) + (ryr__fJrelp * ryr__Jrelp)));
                const double dot__intracellular_ions__cass = (intracellular_ions__Bcass * ((0.0010458526290002684 * (-(ICaL__ICaL - (2.0 * INaCa_i__INaCa_ss)))) + (0.23999999999999996 * ryr__Jrel) - diff__Jdiff));
                const double SERCA__Jleak = (0.0002625 * intracellular_ions__cansr);
                const double SERCA__Jupnp = (0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092));
                const double SERCA__Jupp = (0.01203125 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017));
                const double SERCA__fJupp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double SERCA__Jup = ((((1.0 - SERCA__fJupp) * SERCA__Jupnp) + (SERCA__fJupp * SERCA__Jupp) - SERCA__Jleak));
                const double trans_flux__Jtr = (0.01 * (intracellular_ions__cansr - intracellular_ions__cajsr));
                const double dot__intracellular_ions__cansr = SERCA__Jup - (0.08695652173913042 * trans_flux__Jtr);
                const double intracellular_ions__Bcajsr = (1.0 / (1.0 + (8.0 / ((0.8 + intracellular_ions__cajsr) * (0.8 + intracellular_ions__cajsr)))));
                const double dot__intracellular_ions__cajsr = (intracellular_ions__Bcajsr * (trans_flux__Jtr - ryr__Jrel));
                const double intracellular_ions__Bcai = (1.0 / (1.0 + (0.00011900000000000002 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai))) + (3.5000000000000004e-05 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))));
                const double dot__intracellular_ions__cai = (intracellular_ions__Bcai * ((3.0760371441184366e-05 * (-(IpCa__IpCa + ICab__ICab - (2.0 * INaCa_i__INaCa_i)))) - (0.08117647058823528 * SERCA__Jup) + (0.02941176470588235 * diff__Jdiff)));
                const double ICaL__km2n = (ICaL__jca);
                const double ICaL__anca = (1.0 / ((1000.0 / ICaL__km2n) + __builtin_powi((1.0 + (0.002 / intracellular_ions__cass)), 4)));
                const double dot__ICaL__nca = (1000.0 * ICaL__anca) - (ICaL__nca * ICaL__km2n);
                const double dot__IKr__IC1 = -((0.01189868619684017 * IKr__IC1 * lutx__26) - (6.145301160162181e-05 * IKr__IC2 * lutx__27)) + (6.9292902783457055 * IKr__C1 * lutx__28) - (0.22985844625060706 * IKr__IC1 * lutx__29);
                const double dot__IKr__IC2 = (0.01189868619684017 * IKr__IC1 * lutx__26) - (6.145301160162181e-05 * IKr__IC2 * lutx__27) - ((0.01848566926536764 * IKr__IC2 * lutx__30) - (0.00017688628605067472 * IKr__IO * lutx__31)) + (4.358076760548901 * IKr__C2 * lutx__32) - (4.976378102836875 * IKr__IC2 * lutx__33);
                const double dot__IKr__C1 = -((0.3857434178977697 * IKr__C1 * lutx__34) - (5.7880316693427994e-05 * IKr__C2 * lutx__35)) - ((6.9292902783457055 * IKr__C1 * lutx__28) - (0.22985844625060706 * IKr__IC1 * lutx__29));
                const double dot__IKr__C2 = (0.3857434178977697 * IKr__C1 * lutx__34) - (5.7880316693427994e-05 * IKr__C2 * lutx__35) - ((0.06369479424066002 * IKr__C2 * lutx__36) - (0.0026912698717094915 * IKr__O * lutx__37)) - ((4.358076760548901 * IKr__C2 * lutx__32) - (4.976378102836875 * IKr__IC2 * lutx__33));
                const double dot__IKr__O = (0.06369479424066002 * IKr__C2 * lutx__36) - (0.0026912698717094915 * IKr__O * lutx__37) - ((0.6656220254071087 * IKr__O * lutx__38) - (0.17212014014424634 * IKr__IO * lutx__39)) - ((IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * IKr__O / (pow((IKr__D), IKr__n) + IKr__halfmax)) - (IKr__Ku * IKr__Obound));
                const double dot__IKr__IO = (0.01848566926536764 * IKr__IC2 * lutx__30) - (0.00017688628605067472 * IKr__IO * lutx__31) + (0.6656220254071087 * IKr__O * lutx__38) - (0.17212014014424634 * IKr__IO * lutx__39) - ((IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * IKr__IO / (pow((IKr__D), IKr__n) + IKr__halfmax)) - (3.8671943030564586 * IKr__Ku * IKr__IObound * lutx__40));
                const double dot__IKr__IObound = (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * IKr__IO / (pow((IKr__D), IKr__n) + IKr__halfmax)) - (3.8671943030564586 * IKr__Ku * IKr__IObound * lutx__40) + (IKr__Kt * IKr__Cbound / (1.0 + exp((0.14729709824716453 * (-(membrane__v - IKr__Vhalf)))))) - (IKr__Kt * IKr__IObound);
                const double dot__IKr__Obound = (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * IKr__O / (pow((IKr__D), IKr__n) + IKr__halfmax)) - (IKr__Ku * IKr__Obound) + (IKr__Kt * IKr__Cbound / (1.0 + exp((0.14729709824716453 * (-(membrane__v - IKr__Vhalf)))))) - (IKr__Kt * IKr__Obound);
                const double dot__IKr__Cbound = -((IKr__Kt * IKr__Cbound / (1.0 + exp((0.14729709824716453 * (-(membrane__v - IKr__Vhalf)))))) - (IKr__Kt * IKr__Obound)) - ((IKr__Kt * IKr__Cbound / (1.0 + exp((0.14729709824716453 * (-(membrane__v - IKr__Vhalf)))))) - (IKr__Kt * IKr__IObound));
                const double ryr__Jrel_inf_temp = (2.375 * (-ICaL__ICaL) / (1.0 + (__builtin_powi(((1.5 / intracellular_ions__cajsr)), 8))));
                const double ryr__Jrel_inf = ((0.0 == 2.0) ? (1.7 * ryr__Jrel_inf_temp) : ryr__Jrel_inf_temp);
                const double ryr__tau_rel_temp = (4.75 / (1.0 + (0.0123 / intracellular_ions__cajsr)));
                const double ryr__tau_rel = ((ryr__tau_rel_temp < 0.001) ? 0.001 : ryr__tau_rel_temp);
                const double dot__ryr__Jrelnp = ((ryr__Jrel_inf - ryr__Jrelnp) / ryr__tau_rel);
                const double ryr__Jrel_temp = (2.96875 * (-ICaL__ICaL) / (1.0 + __builtin_powi(((1.5 / intracellular_ions__cajsr)), 8)));
                const double ryr__Jrel_infp = ((0.0 == 2.0) ? (1.7 * ryr__Jrel_temp) : ryr__Jrel_temp);
                const double ryr__tau_relp_temp = (5.9375 / (1.0 + (0.0123 / intracellular_ions__cajsr)));
                const double ryr__tau_relp = ((ryr__tau_relp_temp < 0.001) ? 0.001 : ryr__tau_relp_temp);
                const double dot__ryr__Jrelp = ((ryr__Jrel_infp - ryr__Jrelp) / ryr__tau_relp);
                out[0 + j] = membrane__v + dt * dot__membrane__v;
                out[32 + j] = CaMK__CaMKt + dt * dot__CaMK__CaMKt;
                out[64 + j] = intracellular_ions__nai + dt * dot__intracellular_ions__nai;
                out[96 + j] = intracellular_ions__nass + dt * dot__intracellular_ions__nass;
                out[128 + j] = intracellular_ions__ki + dt * dot__intracellular_ions__ki;
                out[160 + j] = intracellular_ions__kss + dt * dot__intracellular_ions__kss;
                out[192 + j] = intracellular_ions__cass + dt * dot__intracellular_ions__cass;
                out[224 + j] = intracellular_ions__cansr + dt * dot__intracellular_ions__cansr;
                out[256 + j] = intracellular_ions__cajsr + dt * dot__intracellular_ions__cajsr;
                out[288 + j] = intracellular_ions__cai + dt * dot__intracellular_ions__cai;
                out[320 + j] = rlE__INa__m * INa__m + rlQ__INa__m;
                out[352 + j] = rlE__INa__hf * INa__hf + rlQ__INa__hf;
                out[384 + j] = rlE__INa__hs * INa__hs + rlQ__INa__hs;
                out[416 + j] = rlE__INa__j * INa__j + rlQ__INa__j;
                out[448 + j] = rlE__INa__hsp * INa__hsp + rlQ__INa__hsp;
                out[480 + j] = rlE__INa__jp * INa__jp + rlQ__INa__jp;
                out[512 + j] = rlE__INaL__mL * INaL__mL + rlQ__INaL__mL;
                out[544 + j] = rlE__INaL__hL * INaL__hL + rlQ__INaL__hL;
                out[576 + j] = rlE__INaL__hLp * INaL__hLp + rlQ__INaL__hLp;
                out[608 + j] = rlE__Ito__a * Ito__a + rlQ__Ito__a;
                out[640 + j] = rlE__Ito__iF * Ito__iF + rlQ__Ito__iF;
                out[672 + j] = rlE__Ito__iS * Ito__iS + rlQ__Ito__iS;
                out[704 + j] = rlE__Ito__ap * Ito__ap + rlQ__Ito__ap;
                out[736 + j] = rlE__Ito__iFp * Ito__iFp + rlQ__Ito__iFp;
                out[768 + j] = rlE__Ito__iSp * Ito__iSp + rlQ__Ito__iSp;
                out[800 + j] = rlE__ICaL__d * ICaL__d + rlQ__ICaL__d;
                out[832 + j] = rlE__ICaL__ff * ICaL__ff + rlQ__ICaL__ff;
                out[864 + j] = rlE__ICaL__fs * ICaL__fs + rlQ__ICaL__fs;
                out[896 + j] = rlE__ICaL__fcaf * ICaL__fcaf + rlQ__ICaL__fcaf;
                out[928 + j] = rlE__ICaL__fcas * ICaL__fcas + rlQ__ICaL__fcas;
                out[960 + j] = rlE__ICaL__jca * ICaL__jca + rlQ__ICaL__jca;
                out[992 + j] = rlE__ICaL__ffp * ICaL__ffp + rlQ__ICaL__ffp;
                out[1024 + j] = rlE__ICaL__fcafp * ICaL__fcafp + rlQ__ICaL__fcafp;
                const double rlb__ICaL__nca = -ICaL__km2n;
                out[1056 + j] = ct_rush_larsen_ab(ICaL__nca, dot__ICaL__nca - rlb__ICaL__nca * ICaL__nca, rlb__ICaL__nca, dt);
                out[1376 + j] = rlE__IKs__xs1 * IKs__xs1 + rlQ__IKs__xs1;
                out[1408 + j] = rlE__IKs__xs2 * IKs__xs2 + rlQ__IKs__xs2;
                out[1440 + j] = rlE__IK1__xk1 * IK1__xk1 + rlQ__IK1__xk1;
                const double rlb__ryr__Jrelnp = -(1.0 / (ryr__tau_rel));
                out[1472 + j] = ct_rush_larsen_ab(ryr__Jrelnp, dot__ryr__Jrelnp - rlb__ryr__Jrelnp * ryr__Jrelnp, rlb__ryr__Jrelnp, dt);
                const double rlb__ryr__Jrelp = -(1.0 / (ryr__tau_relp));
                out[1504 + j] = ct_rush_larsen_ab(ryr__Jrelp, dot__ryr__Jrelp - rlb__ryr__Jrelp * ryr__Jrelp, rlb__ryr__Jrelp, dt);
                const double be0_m0_0 = lutx__41;
                const double be0_m0_1 = lutx__42;
                const double be0_m0_2 = lutx__43;
                const double be0_m1_0 = lutx__44;
                const double be0_m1_1 = lutx__45;
                const double be0_m1_3 = lutx__46;
                const double be0_m1_5 = lutx__47;
                const double be0_m2_0 = lutx__48;
                const double be0_m2_2 = lutx__49;
                const double be0_m2_3 = lutx__50;
                const double be0_m3_1 = lutx__51;
                const double be0_m3_2 = lutx__52;
                const double be0_m3_3 = lutx__53;
                const double be0_m3_4 = lutx__54;
                const double be0_m4_3 = lutx__55;
                const double be0_m4_4 = lutx__56 + (lutx__57 + -((IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n))))));
                const double be0_m4_5 = lutx__58;
                const double be0_m4_7 = IKr__Ku;
                const double be0_m5_1 = lutx__59;
                const double be0_m5_4 = lutx__60;
                const double be0_m5_5 = lutx__61 + (lutx__62 + -((IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n))))));
                const double be0_m5_6 = (3.86719430305646 * IKr__Ku * lutx__63);
                const double be0_m6_5 = (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n))));
                const double be0_m6_6 = -IKr__Kt + -((3.86719430305646 * IKr__Ku * lutx__63));
                const double be0_m6_8 = (IKr__Kt * (1.0 / (1.0 + exp((0.14729709824716453 * IKr__Vhalf) + ((-0.14729709824716453) * membrane__v)))));
                const double be0_m7_4 = (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n))));
                const double be0_m7_7 = -IKr__Kt + -IKr__Ku;
                const double be0_m7_8 = (IKr__Kt * (1.0 / (1.0 + exp((0.14729709824716453 * IKr__Vhalf) + ((-0.14729709824716453) * membrane__v)))));
                const double be0_m8_6 = IKr__Kt;
                const double be0_m8_7 = IKr__Kt;
                const double be0_m8_8 = ((-2.0) * IKr__Kt * (1.0 / (1.0 + exp((0.14729709824716453 * IKr__Vhalf) + ((-0.14729709824716453) * membrane__v)))));
                const double be0_a0_0 = 1.0 - dt * be0_m0_0;
                const double be0_a0_1 = - dt * be0_m0_1;
                const double be0_a0_2 = - dt * be0_m0_2;
                const double be0_a1_0 = - dt * be0_m1_0;
                const double be0_a1_1 = 1.0 - dt * be0_m1_1;
                const double be0_a1_3 = - dt * be0_m1_3;
                const double be0_a1_5 = - dt * be0_m1_5;
                const double be0_a2_0 = - dt * be0_m2_0;
                const double be0_a2_2 = 1.0 - dt * be0_m2_2;
                const double be0_a2_3 = - dt * be0_m2_3;
                const double be0_a3_1 = - dt * be0_m3_1;
                const double be0_a3_2 = - dt * be0_m3_2;
                const double be0_a3_3 = 1.0 - dt * be0_m3_3;
                const double be0_a3_4 = - dt * be0_m3_4;
                const double be0_a4_3 = - dt * be0_m4_3;
                const double be0_a4_4 = 1.0 - dt * be0_m4_4;
                const double be0_a4_5 = - dt * be0_m4_5;
                const double be0_a4_7 = - dt * be0_m4_7;
                const double be0_a5_1 = - dt * be0_m5_1;
                const double be0_a5_4 = - dt * be0_m5_4;
                const double be0_a5_5 = 1.0 - dt * be0_m5_5;
                const double be0_a5_6 = - dt * be0_m5_6;
                const double be0_a6_5 = - dt * be0_m6_5;
                const double be0_a6_6 = 1.0 - dt * be0_m6_6;
                const double be0_a6_8 = - dt * be0_m6_8;
                const double be0_a7_4 = - dt * be0_m7_4;
                const double be0_a7_7 = 1.0 - dt * be0_m7_7;
                const double be0_a7_8 = - dt * be0_m7_8;
                const double be0_a8_6 = - dt * be0_m8_6;
                const double be0_a8_7 = - dt * be0_m8_7;
                const double be0_a8_8 = 1.0 - dt * be0_m8_8;
                const double be0_r0 = IKr__IC1 + dt * (dot__IKr__IC1 - be0_m0_0 * IKr__IC1 - be0_m0_1 * IKr__IC2 - be0_m0_2 * IKr__C1);
                const double be0_r1 = IKr__IC2 + dt * (dot__IKr__IC2 - be0_m1_0 * IKr__IC1 - be0_m1_1 * IKr__IC2 - be0_m1_3 * IKr__C2 - be0_m1_5 * IKr__IO);
                const double be0_r2 = IKr__C1 + dt * (dot__IKr__C1 - be0_m2_0 * IKr__IC1 - be0_m2_2 * IKr__C1 - be0_m2_3 * IKr__C2);
                const double be0_r3 = IKr__C2 + dt * (dot__IKr__C2 - be0_m3_1 * IKr__IC2 - be0_m3_2 * IKr__C1 - be0_m3_3 * IKr__C2 - be0_m3_4 * IKr__O);
                const double be0_r4 = IKr__O + dt * (dot__IKr__O - be0_m4_3 * IKr__C2 - be0_m4_4 * IKr__O - be0_m4_5 * IKr__IO - be0_m4_7 * IKr__Obound);
                const double be0_r5 = IKr__IO + dt * (dot__IKr__IO - be0_m5_1 * IKr__IC2 - be0_m5_4 * IKr__O - be0_m5_5 * IKr__IO - be0_m5_6 * IKr__IObound);
                const double be0_r6 = IKr__IObound + dt * (dot__IKr__IObound - be0_m6_5 * IKr__IO - be0_m6_6 * IKr__IObound - be0_m6_8 * IKr__Cbound);
                const double be0_r7 = IKr__Obound + dt * (dot__IKr__Obound - be0_m7_4 * IKr__O - be0_m7_7 * IKr__Obound - be0_m7_8 * IKr__Cbound);
                const double be0_r8 = IKr__Cbound + dt * (dot__IKr__Cbound - be0_m8_6 * IKr__IObound - be0_m8_7 * IKr__Obound - be0_m8_8 * IKr__Cbound);
                const double be0_inv0 = 1.0 / be0_a0_0;
                const double be0_f1_0 = be0_a1_0 * be0_inv0;
                const double be0_a1_1_0 = be0_a1_1 - be0_f1_0 * be0_a0_1;
                const double be0_a1_2_0 = - be0_f1_0 * be0_a0_2;
                const double be0_r1_0 = be0_r1 - be0_f1_0 * be0_r0;
                const double be0_f2_0 = be0_a2_0 * be0_inv0;
                const double be0_a2_1_0 = - be0_f2_0 * be0_a0_1;
                const double be0_a2_2_0 = be0_a2_2 - be0_f2_0 * be0_a0_2;
                const double be0_r2_0 = be0_r2 - be0_f2_0 * be0_r0;
                const double be0_inv1 = 1.0 / be0_a1_1_0;
                const double be0_f2_1 = be0_a2_1_0 * be0_inv1;
                const double be0_a2_2_1 = be0_a2_2_0 - be0_f2_1 * be0_a1_2_0;
                const double be0_a2_3_1 = be0_a2_3 - be0_f2_1 * be0_a1_3;
                const double be0_a2_5_1 = - be0_f2_1 * be0_a1_5;
                const double be0_r2_1 = be0_r2_0 - be0_f2_1 * be0_r1_0;
                const double be0_f3_1 = be0_a3_1 * be0_inv1;
                const double be0_a3_2_1 = be0_a3_2 - be0_f3_1 * be0_a1_2_0;
                const double be0_a3_3_1 = be0_a3_3 - be0_f3_1 * be0_a1_3;
                const double be0_a3_5_1 = - be0_f3_1 * be0_a1_5;
                const double be0_r3_1 = be0_r3 - be0_f3_1 * be0_r1_0;
                const double be0_f5_1 = be0_a5_1 * be0_inv1;
                const double be0_a5_2_1 = - be0_f5_1 * be0_a1_2_0;
                const double be0_a5_3_1 = - be0_f5_1 * be0_a1_3;
                const double be0_a5_5_1 = be0_a5_5 - be0_f5_1 * be0_a1_5;
                const double be0_r5_1 = be0_r5 - be0_f5_1 * be0_r1_0;
                const double be0_inv2 = 1.0 / be0_a2_2_1;
                const double be0_f3_2 = be0_a3_2_1 * be0_inv2;
                const double be0_a3_3_2 = be0_a3_3_1 - be0_f3_2 * be0_a2_3_1;
                const double be0_a3_5_2 = be0_a3_5_1 - be0_f3_2 * be0_a2_5_1;
                const double be0_r3_2 = be0_r3_1 - be0_f3_2 * be0_r2_1;
                const double be0_f5_2 = be0_a5_2_1 * be0_inv2;
                const double be0_a5_3_2 = be0_a5_3_1 - be0_f5_2 * be0_a2_3_1;
                const double be0_a5_5_2 = be0_a5_5_1 - be0_f5_2 * be0_a2_5_1;
                const double be0_r5_2 = be0_r5_1 - be0_f5_2 * be0_r2_1;
                const double be0_inv3 = 1.0 / be0_a3_3_2;
                const double be0_f4_3 = be0_a4_3 * be0_inv3;
                const double be0_a4_4_3 = be0_a4_4 - be0_f4_3 * be0_a3_4;
                const double be0_a4_5_3 = be0_a4_5 - be0_f4_3 * be0_a3_5_2;
                const double be0_r4_3 = be0_r4 - be0_f4_3 * be0_r3_2;
                const double be0_f5_3 = be0_a5_3_2 * be0_inv3;
                const double be0_a5_4_3 = be0_a5_4 - be0_f5_3 * be0_a3_4;
                const double be0_a5_5_3 = be0_a5_5_2 - be0_f5_3 * be0_a3_5_2;
                const double be0_r5_3 = be0_r5_2 - be0_f5_3 * be0_r3_2;
                const double be0_inv4 = 1.0 / be0_a4_4_3;
                const double be0_f5_4 = be0_a5_4_3 * be0_inv4;
                const double be0_a5_5_4 = be0_a5_5_3 - be0_f5_4 * be0_a4_5_3;
                const double be0_a5_7_4 = - be0_f5_4 * be0_a4_7;
                const double be0_r5_4 = be0_r5_3 - be0_f5_4 * be0_r4_3;
                const double be0_f7_4 = be0_a7_4 * be0_inv4;
                const double be0_a7_5_4 = - be0_f7_4 * be0_a4_5_3;
                const double be0_a7_7_4 = be0_a7_7 - be0_f7_4 * be0_a4_7;
                const double be0_r7_4 = be0_r7 - be0_f7_4 * be0_r4_3;
                const double be0_inv5 = 1.0 / be0_a5_5_4;
                const double be0_f6_5 = be0_a6_5 * be0_inv5;
                const double be0_a6_6_5 = be0_a6_6 - be0_f6_5 * be0_a5_6;
                const double be0_a6_7_5 = - be0_f6_5 * be0_a5_7_4;
                const double be0_r6_5 = be0_r6 - be0_f6_5 * be0_r5_4;
                const double be0_f7_5 = be0_a7_5_4 * be0_inv5;
                const double be0_a7_6_5 = - be0_f7_5 * be0_a5_6;
                const double be0_a7_7_5 = be0_a7_7_4 - be0_f7_5 * be0_a5_7_4;
                const double be0_r7_5 = be0_r7_4 - be0_f7_5 * be0_r5_4;
                const double be0_inv6 = 1.0 / be0_a6_6_5;
                const double be0_f7_6 = be0_a7_6_5 * be0_inv6;
                const double be0_a7_7_6 = be0_a7_7_5 - be0_f7_6 * be0_a6_7_5;
                const double be0_a7_8_6 = be0_a7_8 - be0_f7_6 * be0_a6_8;
                const double be0_r7_6 = be0_r7_5 - be0_f7_6 * be0_r6_5;
                const double be0_f8_6 = be0_a8_6 * be0_inv6;
                const double be0_a8_7_6 = be0_a8_7 - be0_f8_6 * be0_a6_7_5;
                const double be0_a8_8_6 = be0_a8_8 - be0_f8_6 * be0_a6_8;
                const double be0_r8_6 = be0_r8 - be0_f8_6 * be0_r6_5;
                const double be0_inv7 = 1.0 / be0_a7_7_6;
                const double be0_f8_7 = be0_a8_7_6 * be0_inv7;
                const double be0_a8_8_7 = be0_a8_8_6 - be0_f8_7 * be0_a7_8_6;
                const double be0_r8_7 = be0_r8_6 - be0_f8_7 * be0_r7_6;
                const double be0_inv8 = 1.0 / be0_a8_8_7;
                const double be0_x8 = (be0_r8_7) * be0_inv8;
                const double be0_x7 = (be0_r7_6 - be0_a7_8_6 * be0_x8) * be0_inv7;
                const double be0_x6 = (be0_r6_5 - be0_a6_7_5 * be0_x7 - be0_a6_8 * be0_x8) * be0_inv6;
                const double be0_x5 = (be0_r5_4 - be0_a5_6 * be0_x6 - be0_a5_7_4 * be0_x7) * be0_inv5;
                const double be0_x4 = (be0_r4_3 - be0_a4_5_3 * be0_x5 - be0_a4_7 * be0_x7) * be0_inv4;
                const double be0_x3 = (be0_r3_2 - be0_a3_4 * be0_x4 - be0_a3_5_2 * be0_x5) * be0_inv3;
                const double be0_x2 = (be0_r2_1 - be0_a2_3_1 * be0_x3 - be0_a2_5_1 * be0_x5) * be0_inv2;
                const double be0_x1 = (be0_r1_0 - be0_a1_2_0 * be0_x2 - be0_a1_3 * be0_x3 - be0_a1_5 * be0_x5) * be0_inv1;
                const double be0_x0 = (be0_r0 - be0_a0_1 * be0_x1 - be0_a0_2 * be0_x2) * be0_inv0;
                out[1088 + j] = be0_x0;
                out[1120 + j] = be0_x1;
                out[1152 + j] = be0_x2;
                out[1184 + j] = be0_x3;
                out[1216 + j] = be0_x4;
                out[1248 + j] = be0_x5;
                out[1280 + j] = be0_x6;
                out[1312 + j] = be0_x7;
                out[1344 + j] = be0_x8;
                (void)i_stim;
            }
        }
        for (int k = 0; k < 48; ++k)
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
        lut += (Py_ssize_t)variant * n_rows * 136;
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
    cdef double membrane__v = V
    cdef double ICaL__Afcaf = 0.3 + (0.6 / (1.0 + exp((0.1 * (membrane__v - 10.0)))))
    cdef double ICaL__Afcas = 1.0 - ICaL__Afcaf
    cdef double ICaL__U_1 = (0.07487176701560523 * (membrane__v - 0.0))
    cdef double ICaL__U_2 = (0.037435883507802616 * (membrane__v - 0.0))
    cdef double ICaL__U_3 = (0.037435883507802616 * (membrane__v - 0.0))
    cdef double ICab__U = (0.07487176701560523 * (membrane__v - 0.0))
    cdef double IK1__rk1 = (1.0 / (1.0 + exp((0.10534077741493732 * (membrane__v + 105.8 - 14.040000000000001)))))
    cdef double IKb__xkb = (1.0 / (1.0 + exp((0.05452562704471101 * (-(membrane__v - 14.48))))))
    cdef double INaCa_i__hna = exp((0.019556505544476084 * membrane__v))
    cdef double INaCa_i__h7_i = 1.0 + (1.5887426236949613 * (1.0 + (1.0 / INaCa_i__hna)))
    cdef double INaCa_i__h8_i = (1.5887426236949613 / (INaCa_i__hna * INaCa_i__h7_i))
    cdef double INaCa_i__k3pp_i = (5000.0 * INaCa_i__h8_i)
    cdef double INaCa_i__h9_i = (1.0 / INaCa_i__h7_i)
    cdef double INaCa_i__k3p_i = (60000.0 * INaCa_i__h9_i)
    cdef double INaCa_i__k3_i = INaCa_i__k3p_i + INaCa_i__k3pp_i
    cdef double INaCa_i__h7_ss = 1.0 + (1.5887426236949613 * (1.0 + (1.0 / INaCa_i__hna)))
    cdef double INaCa_i__h8_ss = (1.5887426236949613 / (INaCa_i__hna * INaCa_i__h7_ss))
    cdef double INaCa_i__k3pp_ss = (5000.0 * INaCa_i__h8_ss)
    cdef double INaCa_i__h9_ss = (1.0 / INaCa_i__h7_ss)
    cdef double INaCa_i__k3p_ss = (60000.0 * INaCa_i__h9_ss)
    cdef double INaCa_i__k3_ss = INaCa_i__k3p_ss + INaCa_i__k3pp_ss
    cdef double INaCa_i__k8_i = (55178.88563049854 * INaCa_i__h8_i)
    cdef double INaCa_i__k8_ss = (55178.88563049854 * INaCa_i__h8_ss)
    cdef double INaK__Knao = (27.78 * exp((0.014412815150504008 * membrane__v)))
    cdef double INaK__a3 = (431580.0106057928 / (((1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao))) + 258.41774197621277 - 1.0))
    cdef double INaK__b2 = (39.4 * (((140.0 / INaK__Knao)) * ((140.0 / INaK__Knao)) * ((140.0 / INaK__Knao))) / (((1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao))) + 258.41774197621277 - 1.0))
    cdef double INab__U = (0.037435883507802616 * (membrane__v - 0.0))
    cdef double Ito__AiF = (1.0 / (1.0 + exp((0.006613756613756614 * (membrane__v - 213.6)))))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double membrane__vfrt = (0.037435883507802616 * membrane__v)
    cdef double INaCa_i__hca = exp((0.006251792545803037 * membrane__v))
    cdef double INaK__Knai = (9.073 * exp(((-0.0019341873145698018) * membrane__v)))
    cdef double INa__tm = (1.0 / ((6.765 * exp((0.02876042565429968 * (membrane__v + 11.64)))) + (8.552 * exp((0.16792611251049538 * (-(membrane__v + 77.42)))))))
    cdef double INa__mss = (1.0 / (1.0 + exp((0.10130685847431871 * (-(membrane__v + 39.57))))))
    cdef double INa__thf = (1.0 / ((1.432e-05 * exp((0.15910898965791567 * (-(membrane__v + 1.196 - 0.0))))) + (6.149 * exp((0.0493339911198816 * (membrane__v + 0.5096 - 0.0))))))
    cdef double INa__hss = (1.0 / (1.0 + exp((0.1643115346697338 * (membrane__v + 82.9 - 0.0)))))
    cdef double INa__ths = (1.0 / ((0.009794 * exp((0.035650623885918005 * (-(membrane__v + 17.95 - 0.0))))) + (0.3343 * exp((0.017649135192375574 * (membrane__v + 5.73 - 0.0))))))
    cdef double INa__tj = 2.038 + (1.0 / ((0.02136 * exp((0.12075836251660427 * (-(membrane__v + 100.6 - 0.0))))) + (0.3052 * exp((0.02600780234070221 * (membrane__v + 0.9941 - 0.0))))))
    cdef double INa__jss = INa__hss
    cdef double INa__thsp = (3.0 * INa__ths)
    cdef double INa__hssp = (1.0 / (1.0 + exp((0.1643115346697338 * (membrane__v + 89.1 - 0.0)))))
    cdef double INa__tjp = (1.46 * INa__tj)
    cdef double INaL__tmL = INa__tm
    cdef double INaL__mLss = (1.0 / (1.0 + exp((0.18996960486322187 * (-(membrane__v + 42.85))))))
    cdef double INaL__hLss = (1.0 / (1.0 + exp((0.13354700854700854 * (membrane__v + 87.61)))))
    cdef double INaL__hLssp = (1.0 / (1.0 + exp((0.13354700854700854 * (membrane__v + 93.81)))))
    cdef double Ito__ta = (1.0515 / ((0.8271982794275787 / (1.0 + exp((0.03403513787634354 * (-(membrane__v - 18.4099)))))) + (3.5 / (1.0 + exp((0.03403513787634354 * (membrane__v + 100.0)))))))
    cdef double Ito__ass = (1.0 / (1.0 + exp((0.06747638326585695 * (-(membrane__v - 14.34))))))
    cdef double Ito__delta_epi = (1.0 - (0.95 / (1.0 + exp((0.2 * (membrane__v + 70.0))))) if (0.0 == 1.0) else 1.0)
    cdef double Ito__tiF_b = 4.562 + (1.0 / ((0.3933 * exp((0.01 * (-(membrane__v + 100.0))))) + (0.08004 * exp((0.06027727546714889 * (membrane__v + 50.0))))))
    cdef double Ito__tiF = (Ito__tiF_b * Ito__delta_epi)
    cdef double Ito__iss = (1.0 / (1.0 + exp((0.17510068289266328 * (membrane__v + 43.94)))))
    cdef double Ito__tiS_b = 23.62 + (1.0 / ((0.001416 * exp((0.01693480101608806 * (-(membrane__v + 96.52))))) + (1.78e-08 * exp((0.12377769525931426 * (membrane__v + 114.1))))))
    cdef double Ito__tiS = (Ito__tiS_b * Ito__delta_epi)
    cdef double Ito__assp = (1.0 / (1.0 + exp((0.06747638326585695 * (-(membrane__v - 24.34))))))
    cdef double Ito__dti_develop = 1.354 + (0.0001 / (exp((0.06293266205160478 * (membrane__v - 167.4))) + exp((4.642525533890436 * (-(membrane__v - 12.23))))))
    cdef double Ito__dti_recover = 1.0 - (0.5 / (1.0 + exp((0.05 * (membrane__v + 70.0)))))
    cdef double Ito__tiFp = (Ito__dti_develop * Ito__dti_recover * Ito__tiF)
    cdef double Ito__tiSp = (Ito__dti_develop * Ito__dti_recover * Ito__tiS)
    cdef double ICaL__td = 0.6 + (1.0 / (exp(((-0.05) * (membrane__v + 6.0))) + exp((0.09 * (membrane__v + 14.0)))))
    cdef double ICaL__dss = (1.0 / (1.0 + exp((0.23640661938534277 * (-(membrane__v + 3.94))))))
    cdef double ICaL__tff = 7.0 + (1.0 / ((0.0045 * exp((0.1 * (-(membrane__v + 20.0))))) + (0.0045 * exp((0.1 * (membrane__v + 20.0))))))
    cdef double ICaL__fss = (1.0 / (1.0 + exp((0.27056277056277056 * (membrane__v + 19.58)))))
    cdef double ICaL__tfs = 1000.0 + (1.0 / ((3.5e-05 * exp((0.25 * (-(membrane__v + 5.0))))) + (3.5e-05 * exp((0.16666666666666666 * (membrane__v + 5.0))))))
    cdef double ICaL__tfcaf = 7.0 + (1.0 / ((0.04 * exp((0.14285714285714285 * (-(membrane__v - 4.0))))) + (0.04 * exp((0.14285714285714285 * (membrane__v - 4.0))))))
    cdef double ICaL__fcass = ICaL__fss
    cdef double ICaL__tfcas = 100.0 + (1.0 / ((0.00012 * exp((0.3333333333333333 * (-membrane__v)))) + (0.00012 * exp((0.14285714285714285 * membrane__v)))))
    cdef double ICaL__tffp = (2.5 * ICaL__tff)
    cdef double ICaL__tfcafp = (2.5 * ICaL__tfcaf)
    cdef double IKs__txs1 = 817.3 + (1.0 / ((0.0002326 * exp((0.056179775280898875 * (membrane__v + 48.28)))) + (0.001292 * exp((0.004347826086956522 * (-(membrane__v + 210.0)))))))
    cdef double IKs__xs1ss = (1.0 / (1.0 + exp((0.11195700850873264 * (-(membrane__v + 11.6))))))
    cdef double IKs__txs2 = (1.0 / ((0.01 * exp((0.05 * (membrane__v - 50.0)))) + (0.0193 * exp((0.03225806451612903 * (-(membrane__v + 66.54)))))))
    cdef double IKs__xs2ss = IKs__xs1ss
    cdef double IK1__txk1 = (122.2 / (exp((0.049115913555992145 * (-(membrane__v + 127.2)))) + exp((0.014423770373575654 * (membrane__v + 236.8)))))
    cdef double IK1__xk1ss = (1.0 / (1.0 + exp((0.08139888874237089 * (-(membrane__v + 13.79052 + 144.59))))))
    cdef double rlb__INa__m = -(1.0 / (INa__tm))
    cdef double rla__INa__m = ((INa__mss - 0.0) / INa__tm)
    cdef double rlb__INa__hf = -(1.0 / (INa__thf))
    cdef double rla__INa__hf = ((INa__hss - 0.0) / INa__thf)
    cdef double rlb__INa__hs = -(1.0 / (INa__ths))
    cdef double rla__INa__hs = ((INa__hss - 0.0) / INa__ths)
    cdef double rlb__INa__j = -(1.0 / (INa__tj))
    cdef double rla__INa__j = ((INa__jss - 0.0) / INa__tj)
    cdef double rlb__INa__hsp = -(1.0 / (INa__thsp))
    cdef double rla__INa__hsp = ((INa__hssp - 0.0) / INa__thsp)
    cdef double rlb__INa__jp = -(1.0 / (INa__tjp))
    cdef double rla__INa__jp = ((INa__jss - 0.0) / INa__tjp)
    cdef double rlb__INaL__mL = -(1.0 / (INaL__tmL))
    cdef double rla__INaL__mL = ((INaL__mLss - 0.0) / INaL__tmL)
    cdef double rlb__INaL__hL = (-0.005)
    cdef double rla__INaL__hL = (0.005 * (INaL__hLss - 0.0))
    cdef double rlb__INaL__hLp = (-0.0016666666666666668)
    cdef double rla__INaL__hLp = (0.0016666666666666668 * (INaL__hLssp - 0.0))
    cdef double rlb__Ito__a = -(1.0 / (Ito__ta))
    cdef double rla__Ito__a = ((Ito__ass - 0.0) / Ito__ta)
    cdef double rlb__Ito__iF = -(1.0 / (Ito__tiF))
    cdef double rla__Ito__iF = ((Ito__iss - 0.0) / Ito__tiF)
    cdef double rlb__Ito__iS = -(1.0 / (Ito__tiS))
    cdef double rla__Ito__iS = ((Ito__iss - 0.0) / Ito__tiS)
    cdef double rlb__Ito__ap = -(1.0 / (Ito__ta))
    cdef double rla__Ito__ap = ((Ito__assp - 0.0) / Ito__ta)
    cdef double rlb__Ito__iFp = -(1.0 / (Ito__tiFp))
    cdef double rla__Ito__iFp = ((Ito__iss - 0.0) / Ito__tiFp)
    cdef double rlb__Ito__iSp = -(1.0 / (Ito__tiSp))
    cdef double rla__Ito__iSp = ((Ito__iss - 0.0) / Ito__tiSp)
    cdef double rlb__ICaL__d = -(1.0 / (ICaL__td))
    cdef double rla__ICaL__d = ((ICaL__dss - 0.0) / ICaL__td)
    cdef double rlb__ICaL__ff = -(1.0 / (ICaL__tff))
    cdef double rla__ICaL__ff = ((ICaL__fss - 0.0) / ICaL__tff)
    cdef double rlb__ICaL__fs = -(1.0 / (ICaL__tfs))
    cdef double rla__ICaL__fs = ((ICaL__fss - 0.0) / ICaL__tfs)
    cdef double rlb__ICaL__fcaf = -(1.0 / (ICaL__tfcaf))
    cdef double rla__ICaL__fcaf = ((ICaL__fcass - 0.0) / ICaL__tfcaf)
    cdef double rlb__ICaL__fcas = -(1.0 / (ICaL__tfcas))
    cdef double rla__ICaL__fcas = ((ICaL__fcass - 0.0) / ICaL__tfcas)
    cdef double rlb__ICaL__jca = (-0.013333333333333334)
    cdef double rla__ICaL__jca = (0.013333333333333334 * (ICaL__fcass - 0.0))
    cdef double rlb__ICaL__ffp = -(1.0 / (ICaL__tffp))
    cdef double rla__ICaL__ffp = ((ICaL__fss - 0.0) / ICaL__tffp)
    cdef double rlb__ICaL__fcafp = -(1.0 / (ICaL__tfcafp))
    cdef double rla__ICaL__fcafp = ((ICaL__fcass - 0.0) / ICaL__tfcafp)
    cdef double rlb__IKs__xs1 = -(1.0 / (IKs__txs1))
    cdef double rla__IKs__xs1 = ((IKs__xs1ss - 0.0) / IKs__txs1)
    cdef double rlb__IKs__xs2 = -(1.0 / (IKs__txs2))
    cdef double rla__IKs__xs2 = ((IKs__xs2ss - 0.0) / IKs__txs2)
    cdef double rlb__IK1__xk1 = -(1.0 / (IK1__txk1))
    cdef double rla__IK1__xk1 = ((IK1__xk1ss - 0.0) / IK1__txk1)
    row[0] = ICaL__Afcaf
    row[1] = ICaL__Afcas
    row[2] = ICaL__U_1
    row[3] = ICaL__U_2
    row[4] = ICaL__U_3
    row[5] = ICab__U
    row[6] = IK1__rk1
    row[7] = IKb__xkb
    row[8] = INaCa_i__hna
    row[9] = INaCa_i__k3pp_i
    row[10] = INaCa_i__k3_i
    row[11] = INaCa_i__k3pp_ss
    row[12] = INaCa_i__k3_ss
    row[13] = INaCa_i__k8_i
    row[14] = INaCa_i__k8_ss
    row[15] = INaK__a3
    row[16] = INaK__b2
    row[17] = INab__U
    row[18] = Ito__AiF
    row[19] = Ito__AiS
    row[20] = exp(membrane__vfrt)
    row[21] = 1.0 - (0.5 * ICaL__U_3)
    row[22] = (ICaL__U_3 / (exp(ICaL__U_3) - 1.0))
    row[23] = exp((2.0 * membrane__vfrt))
    row[24] = 1.0 - (0.5 * ICaL__U_1)
    row[25] = (ICaL__U_1 / (exp(ICaL__U_1) - 1.0))
    row[26] = 1.0 - (0.5 * ICaL__U_2)
    row[27] = (ICaL__U_2 / (exp(ICaL__U_2) - 1.0))
    row[28] = 1.0 - (0.5 * ICab__U)
    row[29] = (ICab__U / (exp(ICab__U) - 1.0))
    row[30] = 1.0 + INaCa_i__hna
    row[31] = (1.0 / INaCa_i__hca)
    row[32] = 5000.0 + INaCa_i__k3_i
    row[33] = 9501.466275659823 + INaCa_i__k8_i
    row[34] = (INaCa_i__k8_i * (5000.0 + INaCa_i__k3_i))
    row[35] = (5000.0 * INaCa_i__k3_i * (9501.466275659823 + INaCa_i__k8_i))
    row[36] = 5000.0 + INaCa_i__k3_ss
    row[37] = 9501.466275659823 + INaCa_i__k8_ss
    row[38] = (INaCa_i__k8_ss * (5000.0 + INaCa_i__k3_ss))
    row[39] = (5000.0 * INaCa_i__k3_ss * (9501.466275659823 + INaCa_i__k8_ss))
    row[40] = (1.0 / INaK__Knai)
    row[41] = (439120.7923915602 * INaK__a3)
    row[42] = (5827.679899026527 * INaK__b2)
    row[43] = (5827.679899026527 * INaK__a3)
    row[44] = 1.0 - (0.5 * INab__U)
    row[45] = (INab__U / (exp(INab__U) - 1.0))
    row[46] = exp((1.535e-08 * membrane__v))
    row[47] = exp(((-0.1688) * membrane__v))
    row[48] = exp((0.008595 * membrane__v))
    row[49] = exp((0.1725 * membrane__v))
    row[50] = exp((0.008516 * membrane__v))
    row[51] = exp(((-0.04641) * membrane__v))
    row[52] = exp((3.613e-08 * membrane__v))
    row[53] = exp(((-0.0006575) * membrane__v))
    row[54] = exp((4.631e-05 * membrane__v))
    row[55] = exp(((-0.004226) * membrane__v))
    row[56] = exp((7.771e-09 * membrane__v))
    row[57] = exp(((-0.02877) * membrane__v))
    row[58] = exp((0.004668 * membrane__v))
    row[59] = exp(((-0.02215) * membrane__v))
    row[60] = (exp((0.004668 * membrane__v)) / exp(((-0.02215) * membrane__v)))
    row[61] = -((0.011898686196840175 * exp((1.535e-08 * membrane__v)))) + -((0.22985844625060714 * exp((0.1725 * membrane__v))))
    row[62] = (6.145301160162181e-05 * exp(((-0.1688) * membrane__v)))
    row[63] = (6.929290278345709 * exp((0.008595 * membrane__v)))
    row[64] = (0.011898686196840175 * exp((1.535e-08 * membrane__v)))
    row[65] = -((6.145301160162181e-05 * exp(((-0.1688) * membrane__v)))) + (-((0.01848566926536764 * exp((0.008516 * membrane__v)))) + -((4.976378102836878 * exp(((-0.0006575) * membrane__v)))))
    row[66] = (4.358076760548901 * exp((3.613e-08 * membrane__v)))
    row[67] = (0.00017688628605067472 * exp(((-0.04641) * membrane__v)))
    row[68] = (0.22985844625060714 * exp((0.1725 * membrane__v)))
    row[69] = -((0.38574341789776984 * exp((4.631e-05 * membrane__v)))) + -((6.929290278345709 * exp((0.008595 * membrane__v))))
    row[70] = (5.7880316693427994e-05 * exp(((-0.004226) * membrane__v)))
    row[71] = (4.976378102836878 * exp(((-0.0006575) * membrane__v)))
    row[72] = (0.38574341789776984 * exp((4.631e-05 * membrane__v)))
    row[73] = -((5.7880316693427994e-05 * exp(((-0.004226) * membrane__v)))) + (-((0.06369479424066005 * exp((7.771e-09 * membrane__v)))) + -((4.358076760548901 * exp((3.613e-08 * membrane__v)))))
    row[74] = (0.0026912698717094915 * exp(((-0.02877) * membrane__v)))
    row[75] = (0.06369479424066005 * exp((7.771e-09 * membrane__v)))
    row[76] = -((0.0026912698717094915 * exp(((-0.02877) * membrane__v))))
    row[77] = -((0.6656220254071089 * exp((0.004668 * membrane__v))))
    row[78] = (0.17212014014424634 * exp(((-0.02215) * membrane__v)))
    row[79] = (0.01848566926536764 * exp((0.008516 * membrane__v)))
    row[80] = (0.6656220254071089 * exp((0.004668 * membrane__v)))
    row[81] = -((0.00017688628605067472 * exp(((-0.04641) * membrane__v))))
    row[82] = -((0.17212014014424634 * exp(((-0.02215) * membrane__v))))
    row[83] = (exp((0.004668 * membrane__v)) * exp(-(((-0.02215) * membrane__v))))
    row[84] = exp(rlb__INa__m * dt)
    row[85] = rla__INa__m * (expm1(rlb__INa__m * dt) / rlb__INa__m if fabs(rlb__INa__m) > 1e-12 else dt)
    row[86] = exp(rlb__INa__hf * dt)
    row[87] = rla__INa__hf * (expm1(rlb__INa__hf * dt) / rlb__INa__hf if fabs(rlb__INa__hf) > 1e-12 else dt)
    row[88] = exp(rlb__INa__hs * dt)
    row[89] = rla__INa__hs * (expm1(rlb__INa__hs * dt) / rlb__INa__hs if fabs(rlb__INa__hs) > 1e-12 else dt)
    row[90] = exp(rlb__INa__j * dt)
    row[91] = rla__INa__j * (expm1(rlb__INa__j * dt) / rlb__INa__j if fabs(rlb__INa__j) > 1e-12 else dt)
    row[92] = exp(rlb__INa__hsp * dt)
    row[93] = rla__INa__hsp * (expm1(rlb__INa__hsp * dt) / rlb__INa__hsp if fabs(rlb__INa__hsp) > 1e-12 else dt)
    row[94] = exp(rlb__INa__jp * dt)
    row[95] = rla__INa__jp * (expm1(rlb__INa__jp * dt) / rlb__INa__jp if fabs(rlb__INa__jp) > 1e-12 else dt)
    row[96] = exp(rlb__INaL__mL * dt)
    row[97] = rla__INaL__mL * (expm1(rlb__INaL__mL * dt) / rlb__INaL__mL if fabs(rlb__INaL__mL) > 1e-12 else dt)
    row[98] = exp(rlb__INaL__hL * dt)
    row[99] = rla__INaL__hL * (expm1(rlb__INaL__hL * dt) / rlb__INaL__hL if fabs(rlb__INaL__hL) > 1e-12 else dt)
    row[100] = exp(rlb__INaL__hLp * dt)
    row[101] = rla__INaL__hLp * (expm1(rlb__INaL__hLp * dt) / rlb__INaL__hLp if fabs(rlb__INaL__hLp) > 1e-12 else dt)
    row[102] = exp(rlb__Ito__a * dt)
    row[103] = rla__Ito__a * (expm1(rlb__Ito__a * dt) / rlb__Ito__a if fabs(rlb__Ito__a) > 1e-12 else dt)
    row[104] = exp(rlb__Ito__iF * dt)
    row[105] = rla__Ito__iF * (expm1(rlb__Ito__iF * dt) / rlb__Ito__iF if fabs(rlb__Ito__iF) > 1e-12 else dt)
    row[106] = exp(rlb__Ito__iS * dt)
    row[107] = rla__Ito__iS * (expm1(rlb__Ito__iS * dt) / rlb__Ito__iS if fabs(rlb__Ito__iS) > 1e-12 else dt)
    row[108] = exp(rlb__Ito__ap * dt)
    row[109] = rla__Ito__ap * (expm1(rlb__Ito__ap * dt) / rlb__Ito__ap if fabs(rlb__Ito__ap) > 1e-12 else dt)
    row[110] = exp(rlb__Ito__iFp * dt)
    row[111] = rla__Ito__iFp * (expm1(rlb__Ito__iFp * dt) / rlb__Ito__iFp if fabs(rlb__Ito__iFp) > 1e-12 else dt)
    row[112] = exp(rlb__Ito__iSp * dt)
    row[113] = rla__Ito__iSp * (expm1(rlb__Ito__iSp * dt) / rlb__Ito__iSp if fabs(rlb__Ito__iSp) > 1e-12 else dt)
    row[114] = exp(rlb__ICaL__d * dt)
    row[115] = rla__ICaL__d * (expm1(rlb__ICaL__d * dt) / rlb__ICaL__d if fabs(rlb__ICaL__d) > 1e-12 else dt)
    row[116] = exp(rlb__ICaL__ff * dt)
    row[117] = rla__ICaL__ff * (expm1(rlb__ICaL__ff * dt) / rlb__ICaL__ff if fabs(rlb__ICaL__ff) > 1e-12 else dt)
    row[118] = exp(rlb__ICaL__fs * dt)
    row[119] = rla__ICaL__fs * (expm1(rlb__ICaL__fs * dt) / rlb__ICaL__fs if fabs(rlb__ICaL__fs) > 1e-12 else dt)
    row[120] = exp(rlb__ICaL__fcaf * dt)
    row[121] = rla__ICaL__fcaf * (expm1(rlb__ICaL__fcaf * dt) / rlb__ICaL__fcaf if fabs(rlb__ICaL__fcaf) > 1e-12 else dt)
    row[122] = exp(rlb__ICaL__fcas * dt)
    row[123] = rla__ICaL__fcas * (expm1(rlb__ICaL__fcas * dt) / rlb__ICaL__fcas if fabs(rlb__ICaL__fcas) > 1e-12 else dt)
    row[124] = exp(rlb__ICaL__jca * dt)
    row[125] = rla__ICaL__jca * (expm1(rlb__ICaL__jca * dt) / rlb__ICaL__jca if fabs(rlb__ICaL__jca) > 1e-12 else dt)
    row[126] = exp(rlb__ICaL__ffp * dt)
    row[127] = rla__ICaL__ffp * (expm1(rlb__ICaL__ffp * dt) / rlb__ICaL__ffp if fabs(rlb__ICaL__ffp) > 1e-12 else dt)
    row[128] = exp(rlb__ICaL__fcafp * dt)
    row[129] = rla__ICaL__fcafp * (expm1(rlb__ICaL__fcafp * dt) / rlb__ICaL__fcafp if fabs(rlb__ICaL__fcafp) > 1e-12 else dt)
    row[130] = exp(rlb__IKs__xs1 * dt)
    row[131] = rla__IKs__xs1 * (expm1(rlb__IKs__xs1 * dt) / rlb__IKs__xs1 if fabs(rlb__IKs__xs1) > 1e-12 else dt)
    row[132] = exp(rlb__IKs__xs2 * dt)
    row[133] = rla__IKs__xs2 * (expm1(rlb__IKs__xs2 * dt) / rlb__IKs__xs2 if fabs(rlb__IKs__xs2) > 1e-12 else dt)
    row[134] = exp(rlb__IK1__xk1 * dt)
    row[135] = rla__IK1__xk1 * (expm1(rlb__IK1__xk1 * dt) / rlb__IK1__xk1 if fabs(rlb__IK1__xk1) > 1e-12 else dt)


cdef void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m, int variant) noexcept nogil:
    cdef double i_stim = 0.0
    cdef double membrane__v = s[0 * n + c]
    cdef double CaMK__CaMKt = s[1 * n + c]
    cdef double intracellular_ions__nai = s[2 * n + c]
    cdef double intracellular_ions__nass = s[3 * n + c]
    cdef double intracellular_ions__ki = s[4 * n + c]
    cdef double intracellular_ions__kss = s[5 * n + c]
    cdef double intracellular_ions__cass = s[6 * n + c]
    cdef double intracellular_ions__cansr = s[7 * n + c]
    cdef double intracellular_ions__cajsr = s[8 * n + c]
    cdef double intracellular_ions__cai = s[9 * n + c]
    cdef double INa__m = s[10 * n + c]
    cdef double INa__hf = s[11 * n + c]
    cdef double INa__hs = s[12 * n + c]
    cdef double INa__j = s[13 * n + c]
    cdef double INa__hsp = s[14 * n + c]
    cdef double INa__jp = s[15 * n + c]
    cdef double INaL__mL = s[16 * n + c]
    cdef double INaL__hL = s[17 * n + c]
    cdef double INaL__hLp = s[18 * n + c]
    cdef double Ito__a = s[19 * n + c]
    cdef double Ito__iF = s[20 * n + c]
    cdef double Ito__iS = s[21 * n + c]
    cdef double Ito__ap = s[22 * n + c]
    cdef double Ito__iFp = s[23 * n + c]
    cdef double Ito__iSp = s[24 * n + c]
    cdef double ICaL__d = s[25 * n + c]
    cdef double ICaL__ff = s[26 * n + c]
    cdef double ICaL__fs = s[27 * n + c]
    cdef double ICaL__fcaf = s[28 * n + c]
    cdef double ICaL__fcas = s[29 * n + c]
    cdef double ICaL__jca = s[30 * n + c]
    cdef double ICaL__ffp = s[31 * n + c]
    cdef double ICaL__fcafp = s[32 * n + c]
    cdef double ICaL__nca = s[33 * n + c]
    cdef double IKr__IC1 = s[34 * n + c]
    cdef double IKr__IC2 = s[35 * n + c]
    cdef double IKr__C1 = s[36 * n + c]
    cdef double IKr__C2 = s[37 * n + c]
    cdef double IKr__O = s[38 * n + c]
    cdef double IKr__IO = s[39 * n + c]
    cdef double IKr__IObound = s[40 * n + c]
    cdef double IKr__Obound = s[41 * n + c]
    cdef double IKr__Cbound = s[42 * n + c]
    cdef double IKs__xs1 = s[43 * n + c]
    cdef double IKs__xs2 = s[44 * n + c]
    cdef double IK1__xk1 = s[45 * n + c]
    cdef double ryr__Jrelnp = s[46 * n + c]
    cdef double ryr__Jrelp = s[47 * n + c]
    cdef double cardiotwin_parameters__gNa = p[0 * n + c]
    cdef double cardiotwin_parameters__gNaL = p[1 * n + c]
    cdef double cardiotwin_parameters__PCa = p[2 * n + c]
    cdef double cardiotwin_parameters__gto = p[3 * n + c]
    cdef double cardiotwin_parameters__gKr = p[4 * n + c]
    cdef double cardiotwin_parameters__gKs = p[5 * n + c]
    cdef double cardiotwin_parameters__gK1 = p[6 * n + c]
    cdef double cardiotwin_parameters__gNaCa = p[7 * n + c]
    cdef double cardiotwin_parameters__gNaK = p[8 * n + c]
    cdef double IKr__D = p[9 * n + c]
    cdef double IKr__Kmax = p[10 * n + c]
    cdef double IKr__Ku = p[11 * n + c]
    cdef double IKr__n = p[12 * n + c]
    cdef double IKr__halfmax = p[13 * n + c]
    cdef double IKr__Vhalf = p[14 * n + c]
    cdef double IKr__Kt = p[15 * n + c]
    cdef double INa__GNa = (75.0 * cardiotwin_parameters__gNa)
    cdef double CaMK__CaMKb = (0.05 * (1.0 - CaMK__CaMKt) / (1.0 + (0.0015 / intracellular_ions__cass)))
    cdef double CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt
    cdef double INa__fINap = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)))
    cdef double INa__h = (0.99 * INa__hf) + (0.010000000000000009 * INa__hs)
    cdef double INa__hp = (0.99 * INa__hf) + (0.010000000000000009 * INa__hsp)
    cdef double reversal_potentials__ENa = (26.712338705498265 * log((140.0 / intracellular_ions__nai)))
    cdef double INa__INa = (INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * (((1.0 - INa__fINap) * INa__h * INa__j) + (INa__fINap * INa__hp * INa__jp)))
    cdef double INaL__GNaL = (0.019957499999999975 * cardiotwin_parameters__gNaL)
    cdef double INaL__fINaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)))
    cdef double INaL__INaL = (INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * (((1.0 - INaL__fINaLp) * INaL__hL) + (INaL__fINaLp * INaL__hLp)))
    cdef double ICaL__PCa = (0.0001007 * cardiotwin_parameters__PCa)
    cdef double ICaL__PCap = (1.1 * ICaL__PCa)
    cdef double membrane__vfrt = (0.037435883507802616 * membrane__v)
    cdef double ICaL__A_1 = (192970.0 * ((intracellular_ions__cass * exp((2.0 * membrane__vfrt))) - 0.6138))
    cdef double ICaL__U_1 = (0.07487176701560523 * (membrane__v - 0.0))
    cdef double ICaL__PhiCaL = ((ICaL__A_1 * (1.0 - (0.5 * ICaL__U_1))) if (((-1e-07) <= ICaL__U_1) & (ICaL__U_1 <= 1e-07)) else (ICaL__A_1 * ICaL__U_1 / (exp(ICaL__U_1) - 1.0)))
    cdef double ICaL__f = (0.6 * ICaL__ff) + (0.4 * ICaL__fs)
    cdef double ICaL__fICaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)))
    cdef double ICaL__Afcaf = 0.3 + (0.6 / (1.0 + exp((0.1 * (membrane__v - 10.0)))))
    cdef double ICaL__Afcas = 1.0 - ICaL__Afcaf
    cdef double ICaL__fca = (ICaL__Afcaf * ICaL__fcaf) + (ICaL__Afcas * ICaL__fcas)
    cdef double ICaL__fcap = (ICaL__Afcaf * ICaL__fcafp) + (ICaL__Afcas * ICaL__fcas)
    cdef double ICaL__fp = (0.6 * ICaL__ffp) + (0.4 * ICaL__fs)
    cdef double ICaL__ICaL = ((1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)))
    cdef double Ito__Gto = (0.02 * cardiotwin_parameters__gto)
    cdef double Ito__fItop = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)))
    cdef double Ito__AiF = (1.0 / (1.0 + exp((0.006613756613756614 * (membrane__v - 213.6)))))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double Ito__i = (Ito__AiF * Ito__iF) + (Ito__AiS * Ito__iS)
    cdef double Ito__ip = (Ito__AiF * Ito__iFp) + (Ito__AiS * Ito__iSp)
    cdef double reversal_potentials__EK = (26.712338705498265 * log((5.4 / intracellular_ions__ki)))
    cdef double Ito__Ito = (Ito__Gto * (membrane__v - reversal_potentials__EK) * (((1.0 - Ito__fItop) * Ito__a * Ito__i) + (Ito__fItop * Ito__ap * Ito__ip)))
    cdef double IKr__GKr_calc = (0.04658545454545456 * cardiotwin_parameters__gKr)
    cdef double IKr__IKr = (IKr__GKr_calc * IKr__O * (membrane__v - reversal_potentials__EK))
    cdef double IKs__KsCa = 1.0 + (0.6 / (1.0 + pow(((3.8e-05 / intracellular_ions__cai)), 1.4)))
    cdef double IKs__GKs_calc = (0.006358000000000001 * cardiotwin_parameters__gKs * IKs__KsCa)
    cdef double reversal_potentials__EKs = (26.712338705498265 * log((7.966200000000001 / (intracellular_ions__ki + (0.01833 * intracellular_ions__nai)))))
    cdef double IKs__IKs = (IKs__GKs_calc * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs))
    cdef double IK1__GK1_calc = (0.7528577686385545 * cardiotwin_parameters__gK1)
    cdef double IK1__rk1 = (1.0 / (1.0 + exp((0.10534077741493732 * (membrane__v + 105.8 - 14.040000000000001)))))
    cdef double IK1__IK1 = (IK1__GK1_calc * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK))
    cdef double INaCa_i__Gncx_b = (0.0008 * cardiotwin_parameters__gNaCa)
    cdef double INaCa_i__Gncx = ((1.1 * INaCa_i__Gncx_b) if (0.0 == 1.0) else ((1.4 * INaCa_i__Gncx_b) if (0.0 == 2.0) else INaCa_i__Gncx_b))
    cdef double INaCa_i__hna = exp((0.019556505544476084 * membrane__v))
    cdef double INaCa_i__h7_i = 1.0 + (1.5887426236949613 * (1.0 + (1.0 / INaCa_i__hna)))
    cdef double INaCa_i__h9_i = (1.0 / INaCa_i__h7_i)
    cdef double INaCa_i__k3p_i = (60000.0 * INaCa_i__h9_i)
    cdef double INaCa_i__h8_i = (1.5887426236949613 / (INaCa_i__hna * INaCa_i__h7_i))
    cdef double INaCa_i__k3pp_i = (5000.0 * INaCa_i__h8_i)
    cdef double INaCa_i__k3_i = INaCa_i__k3p_i + INaCa_i__k3pp_i
    cdef double INaCa_i__h1_i = 1.0 + (0.011348161597821153 * intracellular_ions__nai * (1.0 + INaCa_i__hna))
    cdef double INaCa_i__h3_i = (1.0 / INaCa_i__h1_i)
    cdef double INaCa_i__hca = exp((0.006251792545803037 * membrane__v))
    cdef double INaCa_i__k4p_i = (60000.0 * INaCa_i__h3_i / INaCa_i__hca)
    cdef double INaCa_i__h2_i = (0.011348161597821153 * intracellular_ions__nai * INaCa_i__hna / INaCa_i__h1_i)
    cdef double INaCa_i__k4pp_i = (5000.0 * INaCa_i__h2_i)
    cdef double INaCa_i__k4_i = INaCa_i__k4p_i + INaCa_i__k4pp_i
    cdef double INaCa_i__h4_i = 1.0 + (0.06666666666666667 * intracellular_ions__nai * (1.0 + (0.2 * intracellular_ions__nai)))
    cdef double INaCa_i__h6_i = (1.0 / INaCa_i__h4_i)
    cdef double INaCa_i__k6_i = (1500000.0 * INaCa_i__h6_i * intracellular_ions__cai)
    cdef double INaCa_i__h5_i = (0.013333333333333332 * intracellular_ions__nai * intracellular_ions__nai / INaCa_i__h4_i)
    cdef double INaCa_i__k7_i = (60000.0 * INaCa_i__h5_i * INaCa_i__h2_i)
    cdef double INaCa_i__x1_i = (5000.0 * INaCa_i__k4_i * (INaCa_i__k7_i + INaCa_i__k6_i)) + (5000.0 * INaCa_i__k7_i * (5000.0 + INaCa_i__k3_i))
    cdef double INaCa_i__k8_i = (55178.88563049854 * INaCa_i__h8_i)
    cdef double INaCa_i__x2_i = (9501.466275659823 * INaCa_i__k7_i * (INaCa_i__k4_i + 5000.0)) + (INaCa_i__k4_i * INaCa_i__k6_i * (9501.466275659823 + INaCa_i__k8_i))
    cdef double INaCa_i__x3_i = (9501.466275659823 * INaCa_i__k3_i * (INaCa_i__k7_i + INaCa_i__k6_i)) + (INaCa_i__k8_i * INaCa_i__k6_i * (5000.0 + INaCa_i__k3_i))
    cdef double INaCa_i__x4_i = (5000.0 * INaCa_i__k8_i * (INaCa_i__k4_i + 5000.0)) + (5000.0 * INaCa_i__k3_i * (9501.466275659823 + INaCa_i__k8_i))
    cdef double INaCa_i__E1_i = (INaCa_i__x1_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i))
    cdef double INaCa_i__E2_i = (INaCa_i__x2_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i))
    cdef double INaCa_i__JncxCa_i = (5000.0 * INaCa_i__E2_i) - (9501.466275659823 * INaCa_i__E1_i)
    cdef double INaCa_i__E3_i = (INaCa_i__x3_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i))
    cdef double INaCa_i__E4_i = (INaCa_i__x4_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i))
    cdef double INaCa_i__JncxNa_i = (3.0 * ((INaCa_i__E4_i * INaCa_i__k7_i) - (INaCa_i__E1_i * INaCa_i__k8_i))) + (INaCa_i__E3_i * INaCa_i__k4pp_i) - (INaCa_i__E2_i * INaCa_i__k3pp_i)
    cdef double INaCa_i__allo_i = (1.0 / (1.0 + (((0.00015 / intracellular_ions__cai)) * ((0.00015 / intracellular_ions__cai)))))
    cdef double INaCa_i__INaCa_i = (0.8 * INaCa_i__Gncx * INaCa_i__allo_i * ((INaCa_i__JncxNa_i) + (2.0 * INaCa_i__JncxCa_i)))
    cdef double INaK__Knai = (9.073 * exp(((-0.0019341873145698018) * membrane__v)))
    cdef double INaK__a1 = (949.5 * (((intracellular_ions__nai / INaK__Knai)) * ((intracellular_ions__nai / INaK__Knai)) * ((intracellular_ions__nai / INaK__Knai))) / (((1.0 + (intracellular_ions__nai / INaK__Knai)) * (1.0 + (intracellular_ions__nai / INaK__Knai)) * (1.0 + (intracellular_ions__nai / INaK__Knai))) + ((1.0 + (2.0 * intracellular_ions__ki)) * (1.0 + (2.0 * intracellular_ions__ki))) - 1.0))
    cdef double INaK__Knao = (27.78 * exp((0.014412815150504008 * membrane__v)))
    cdef double INaK__b2 = (39.4 * (((140.0 / INaK__Knao)) * ((140.0 / INaK__Knao)) * ((140.0 / INaK__Knao))) / (((1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao))) + 258.41774197621277 - 1.0))
    cdef double INaK__P = (4.2 / (1.5889281507656066 + (0.004464285714285714 * intracellular_ions__nai) + (0.003424657534246575 * intracellular_ions__ki)))
    cdef double INaK__b3 = (1.3739938537444736e-10 * INaK__P)
    cdef double INaK__b4 = (40.0 * (((2.0 * intracellular_ions__ki)) * ((2.0 * intracellular_ions__ki))) / (((1.0 + (intracellular_ions__nai / INaK__Knai)) * (1.0 + (intracellular_ions__nai / INaK__Knai)) * (1.0 + (intracellular_ions__nai / INaK__Knai))) + ((1.0 + (2.0 * intracellular_ions__ki)) * (1.0 + (2.0 * intracellular_ions__ki))) - 1.0))
    cdef double INaK__x1 = (439120.7923915602 * INaK__a1) + (INaK__b2 * INaK__b4 * INaK__b3) + (687.2 * INaK__b4 * INaK__b3) + (687.2 * INaK__b3 * INaK__a1)
    cdef double INaK__a3 = (431580.0106057928 / (((1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao)) * (1.0 + (140.0 / INaK__Knao))) + 258.41774197621277 - 1.0))
    cdef double INaK__x2 = (9.120000000000001 * INaK__b2 * INaK__b4) + (687.2 * INaK__a1 * INaK__a3) + (9.120000000000001 * INaK__a3 * INaK__b4) + (687.2 * INaK__a3 * INaK__b4)
    cdef double INaK__x3 = (439120.7923915602 * INaK__a3) + (9.120000000000001 * INaK__b3 * INaK__b2) + (5827.679899026527 * INaK__b2) + (5827.679899026527 * INaK__a3)
    cdef double INaK__x4 = (INaK__b4 * INaK__b3 * INaK__b2) + (638.9999889283472 * INaK__a3 * INaK__a1) + (638.9999889283472 * INaK__b2 * INaK__a1) + (INaK__b3 * INaK__b2 * INaK__a1)
    cdef double INaK__E3 = (INaK__x3 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4))
    cdef double INaK__E4 = (INaK__x4 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4))
    cdef double INaK__JnakK = (2.0 * ((9.120000000000001 * INaK__E4) - (INaK__E3 * INaK__a1)))
    cdef double INaK__E1 = (INaK__x1 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4))
    cdef double INaK__E2 = (INaK__x2 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4))
    cdef double INaK__JnakNa = (3.0 * ((INaK__E1 * INaK__a3) - (INaK__E2 * INaK__b3)))
    cdef double INaK__Pnak_b = (30.0 * cardiotwin_parameters__gNaK)
    cdef double INaK__Pnak = ((0.9 * INaK__Pnak_b) if (0.0 == 1.0) else ((0.7 * INaK__Pnak_b) if (0.0 == 2.0) else INaK__Pnak_b))
    cdef double INaK__INaK = (INaK__Pnak * ((INaK__JnakNa) + (INaK__JnakK)))
    cdef double ICaL__PCaK = (0.0003574 * ICaL__PCa)
    cdef double ICaL__PCaKp = (0.0003574 * ICaL__PCap)
    cdef double ICaL__A_3 = (72363.75 * ((intracellular_ions__kss * exp(membrane__vfrt)) - 5.4))
    cdef double ICaL__U_3 = (0.037435883507802616 * (membrane__v - 0.0))
    cdef double ICaL__PhiCaK = ((ICaL__A_3 * (1.0 - (0.5 * ICaL__U_3))) if (((-1e-07) <= ICaL__U_3) & (ICaL__U_3 <= 1e-07)) else (ICaL__A_3 * ICaL__U_3 / (exp(ICaL__U_3) - 1.0)))
    cdef double ICaL__ICaK = ((1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)))
    cdef double ICaL__PCaNa = (0.00125 * ICaL__PCa)
    cdef double ICaL__PCaNap = (0.00125 * ICaL__PCap)
    cdef double ICaL__A_2 = (72363.75 * ((intracellular_ions__nass * exp(membrane__vfrt)) - 140.0))
    cdef double ICaL__U_2 = (0.037435883507802616 * (membrane__v - 0.0))
    cdef double ICaL__PhiCaNa = ((ICaL__A_2 * (1.0 - (0.5 * ICaL__U_2))) if (((-1e-07) <= ICaL__U_2) & (ICaL__U_2 <= 1e-07)) else (ICaL__A_2 * ICaL__U_2 / (exp(ICaL__U_2) - 1.0)))
    cdef double ICaL__ICaNa = ((1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)))
    cdef double ICab__A = (0.0048242499999999995 * ((intracellular_ions__cai * exp((2.0 * membrane__vfrt))) - 0.6138))
    cdef double ICab__U = (0.07487176701560523 * (membrane__v - 0.0))
    cdef double ICab__ICab = ((ICab__A * (1.0 - (0.5 * ICab__U))) if (((-1e-07) <= ICab__U) & (ICab__U <= 1e-07)) else (ICab__A * ICab__U / (exp(ICab__U) - 1.0)))
    cdef double IKb__xkb = (1.0 / (1.0 + exp((0.05452562704471101 * (-(membrane__v - 14.48))))))
    cdef double IKb__IKb = (0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK))
    cdef double INaCa_i__h7_ss = 1.0 + (1.5887426236949613 * (1.0 + (1.0 / INaCa_i__hna)))
    cdef double INaCa_i__h9_ss = (1.0 / INaCa_i__h7_ss)
    cdef double INaCa_i__k3p_ss = (60000.0 * INaCa_i__h9_ss)
    cdef double INaCa_i__h8_ss = (1.5887426236949613 / (INaCa_i__hna * INaCa_i__h7_ss))
    cdef double INaCa_i__k3pp_ss = (5000.0 * INaCa_i__h8_ss)
    cdef double INaCa_i__k3_ss = INaCa_i__k3p_ss + INaCa_i__k3pp_ss
    cdef double INaCa_i__h1_ss = 1.0 + (0.011348161597821153 * intracellular_ions__nass * (1.0 + INaCa_i__hna))
    cdef double INaCa_i__h3_ss = (1.0 / INaCa_i__h1_ss)
    cdef double INaCa_i__k4p_ss = (60000.0 * INaCa_i__h3_ss / INaCa_i__hca)
    cdef double INaCa_i__h2_ss = (0.011348161597821153 * intracellular_ions__nass * INaCa_i__hna / INaCa_i__h1_ss)
    cdef double INaCa_i__k4pp_ss = (5000.0 * INaCa_i__h2_ss)
    cdef double INaCa_i__k4_ss = INaCa_i__k4p_ss + INaCa_i__k4pp_ss
    cdef double INaCa_i__h4_ss = 1.0 + (0.06666666666666667 * intracellular_ions__nass * (1.0 + (0.2 * intracellular_ions__nass)))
    cdef double INaCa_i__h6_ss = (1.0 / INaCa_i__h4_ss)
    cdef double INaCa_i__k6_ss = (1500000.0 * INaCa_i__h6_ss * intracellular_ions__cass)
    cdef double INaCa_i__h5_ss = (0.013333333333333332 * intracellular_ions__nass * intracellular_ions__nass / INaCa_i__h4_ss)
    cdef double INaCa_i__k7_ss = (60000.0 * INaCa_i__h5_ss * INaCa_i__h2_ss)
    cdef double INaCa_i__x1_ss = (5000.0 * INaCa_i__k4_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss)) + (5000.0 * INaCa_i__k7_ss * (5000.0 + INaCa_i__k3_ss))
    cdef double INaCa_i__k8_ss = (55178.88563049854 * INaCa_i__h8_ss)
    cdef double INaCa_i__x2_ss = (9501.466275659823 * INaCa_i__k7_ss * (INaCa_i__k4_ss + 5000.0)) + (INaCa_i__k4_ss * INaCa_i__k6_ss * (9501.466275659823 + INaCa_i__k8_ss))
    cdef double INaCa_i__x3_ss = (9501.466275659823 * INaCa_i__k3_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss)) + (INaCa_i__k8_ss * INaCa_i__k6_ss * (5000.0 + INaCa_i__k3_ss))
    cdef double INaCa_i__x4_ss = (5000.0 * INaCa_i__k8_ss * (INaCa_i__k4_ss + 5000.0)) + (5000.0 * INaCa_i__k3_ss * (9501.466275659823 + INaCa_i__k8_ss))
    cdef double INaCa_i__E1_ss = (INaCa_i__x1_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss))
    cdef double INaCa_i__E2_ss = (INaCa_i__x2_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss))
    cdef double INaCa_i__JncxCa_ss = (5000.0 * INaCa_i__E2_ss) - (9501.466275659823 * INaCa_i__E1_ss)
    cdef double INaCa_i__E3_ss = (INaCa_i__x3_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss))
    cdef double INaCa_i__E4_ss = (INaCa_i__x4_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss))
    cdef double INaCa_i__JncxNa_ss = (3.0 * ((INaCa_i__E4_ss * INaCa_i__k7_ss) - (INaCa_i__E1_ss * INaCa_i__k8_ss))) + (INaCa_i__E3_ss * INaCa_i__k4pp_ss) - (INaCa_i__E2_ss * INaCa_i__k3pp_ss)
    cdef double INaCa_i__allo_ss = (1.0 / (1.0 + (((0.00015 / intracellular_ions__cass)) * ((0.00015 / intracellular_ions__cass)))))
    cdef double INaCa_i__INaCa_ss = (0.2 * INaCa_i__Gncx * INaCa_i__allo_ss * ((INaCa_i__JncxNa_ss) + (2.0 * INaCa_i__JncxCa_ss)))
    cdef double INab__A = (3.6181875e-05 * ((intracellular_ions__nai * exp(membrane__vfrt)) - 140.0))
    cdef double INab__U = (0.037435883507802616 * (membrane__v - 0.0))
    cdef double INab__INab = ((INab__A * (1.0 - (0.5 * INab__U))) if (((-1e-07) <= INab__U) & (INab__U <= 1e-07)) else (INab__A * INab__U / (exp(INab__U) - 1.0)))
    cdef double IpCa__IpCa = (0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai))
    cdef double dot__membrane__v = -(INa__INa + INaL__INaL + Ito__Ito + ICaL__ICaL + ICaL__ICaNa + ICaL__ICaK + IKr__IKr + IKs__IKs + IK1__IK1 + INaCa_i__INaCa_i + INaCa_i__INaCa_ss + INaK__INaK + INab__INab + IKb__IKb + IpCa__IpCa + ICab__ICab + i_stim)
    o[0 * m + c] = INa__INa
    o[1 * m + c] = INaL__INaL
    o[2 * m + c] = ICaL__ICaL
    o[3 * m + c] = Ito__Ito
    o[4 * m + c] = IKr__IKr
    o[5 * m + c] = IKs__IKs
    o[6 * m + c] = IK1__IK1
    o[7 * m + c] = INaCa_i__INaCa_i
    o[8 * m + c] = INaK__INaK
    o[9 * m + c] = intracellular_ions__cai
    o[10 * m + c] = -dot__membrane__v


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

