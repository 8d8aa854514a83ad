# cython: language_level=3
# cardiotwin ionic kernel 'ord': GENERATED CODE, do not edit by hand.
#
# Cell types (per-cell parameter row 'celltype'):
#   0 = ord-endo: ohara_rudy_2011_endo.cellml (sha256 c615fd645a9f68af)
#   1 = ord-epi: ohara_rudy_2011_endo.cellml (sha256 c615fd645a9f68af)
#   2 = ord-m: ohara_rudy_2011_endo.cellml (sha256 c615fd645a9f68af)
# O'Hara T, Virag L, Varro A, Rudy Y (2011). PLoS Comput Biol 7:e1002061; cell types by the paper's scalings (environment.celltype).
# ord-endo: Endocardial. Changed before generation: environment.celltype = 0.
# ord-epi: Epicardial. Changed before generation: environment.celltype = 1.
# ord-m: Mid-myocardial. Changed before generation: environment.celltype = 2.
# Generator: cardiotwin.ionic.codegen version 5.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Integration of ord-endo:
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
#   IKr.xrf
#   IKr.xrs
#   IKs.xs1
#   IKs.xs2
#   IK1.xk1
#   ryr.Jrelnp
#   ryr.Jrelp
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
# Lookup-table entries (depend on V only; step_lut): 94
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
#   IKr.xrf: x_new = E(V) x + Q(V), both tabulated
#   IKr.xrs: x_new = E(V) x + Q(V), both tabulated
#   IKs.xs1: x_new = E(V) x + Q(V), both tabulated
#   IKs.xs2: x_new = E(V) x + Q(V), both tabulated
#   IK1.xk1: x_new = E(V) x + Q(V), both tabulated
#   lutx__0 = (membrane__vffrt / (exp((membrane__vfrt)) - 1.0))
#   lutx__1 = exp((membrane__vfrt))
#   lutx__2 = (membrane__vffrt / (exp((2.0 * membrane__vfrt)) - 1.0))
#   lutx__3 = exp((2.0 * membrane__vfrt))
#   lutx__4 = 1.0 + INaCa_i__hna
#   lutx__5 = (1.0 / INaCa_i__hca)
#   lutx__6 = 5000.0 + INaCa_i__k3_i
#   lutx__7 = 9501.466275659823 + INaCa_i__k8_i
#   lutx__8 = (INaCa_i__k8_i * (5000.0 + INaCa_i__k3_i))
#   lutx__9 = (5000.0 * INaCa_i__k3_i * (9501.466275659823 + INaCa_i__k8_i))
#   lutx__10 = 5000.0 + INaCa_i__k3_ss
#   lutx__11 = 9501.466275659823 + INaCa_i__k8_ss
#   lutx__12 = (INaCa_i__k8_ss * (5000.0 + INaCa_i__k3_ss))
#   lutx__13 = (5000.0 * INaCa_i__k3_ss * (9501.466275659823 + INaCa_i__k8_ss))
#   lutx__14 = (1.0 / INaK__Knai)
#   lutx__15 = (439120.7923915602 * INaK__a3)
#   lutx__16 = (5827.679899026527 * INaK__b2)
#   lutx__17 = (5827.679899026527 * INaK__a3)
#   lutx__18 = (membrane__vffrt / (exp(membrane__vfrt) - 1.0))
#   lutx__19 = exp(membrane__vfrt)

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport powi, rush_larsen_ab
from pacing cimport blocktrain_fraction

MODEL_NAME = 'ord'
STATE_NAMES = ('membrane.v', 'CaMK.CaMKt', 'intracellular_ions.nai', 'intracellular_ions.nass', 'intracellular_ions.ki', 'intracellular_ions.kss', 'intracellular_ions.cass', 'intracellular_ions.cansr', 'intracellular_ions.cajsr', 'intracellular_ions.cai', 'INa.m', 'INa.hf', 'INa.hs', 'INa.j', 'INa.hsp', 'INa.jp', 'INaL.mL', 'INaL.hL', 'INaL.hLp', 'Ito.a', 'Ito.iF', 'Ito.iS', 'Ito.ap', 'Ito.iFp', 'Ito.iSp', 'ICaL.d', 'ICaL.ff', 'ICaL.fs', 'ICaL.fcaf', 'ICaL.fcas', 'ICaL.jca', 'ICaL.ffp', 'ICaL.fcafp', 'ICaL.nca', 'IKr.xrf', 'IKr.xrs', 'IKs.xs1', 'IKs.xs2', 'IK1.xk1', 'ryr.Jrelnp', 'ryr.Jrelp')
STATE_UNITS = ('mV', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1')
INITIAL_STATES = (-87.0, 0.0, 7.0, 7.0, 145.0, 145.0, 0.0001, 1.2, 1.2, 0.0001, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0)
PARAM_NAMES = ('gNa', 'gNaL', 'PCa', 'gto', 'gKr', 'gKs', 'gK1', 'gNaCa', 'gNaK', 'celltype')
PARAM_UNITS = ('1', '1', '1', '1', '1', '1', '1', '1', '1', '1')
PARAM_DEFAULTS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0)
PARAM_KINDS = ('scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'value')
PARAM_TARGETS = ('INa.GNa', 'INaL.GNaL', 'ICaL.PCa', 'Ito.Gto', 'IKr.GKr_total', 'IKs.GKs_total', 'IK1.GK1_total', 'INaCa_i.Gncx_b', 'INaK.Pnak_b', 'cell type: 0 = ord-endo, 1 = ord-epi, 2 = ord-m')
RUSH_LARSEN_STATES = ('INa.m', 'INa.hf', 'INa.hs', 'INa.j', 'INa.hsp', 'INa.jp', 'INaL.mL', 'INaL.hL', 'INaL.hLp', 'Ito.a', 'Ito.iF', 'Ito.iS', 'Ito.ap', 'Ito.iFp', 'Ito.iSp', 'ICaL.d', 'ICaL.ff', 'ICaL.fs', 'ICaL.fcaf', 'ICaL.fcas', 'ICaL.jca', 'ICaL.ffp', 'ICaL.fcafp', 'ICaL.nca', 'IKr.xrf', 'IKr.xrs', 'IKs.xs1', 'IKs.xs2', 'IK1.xk1', 'ryr.Jrelnp', 'ryr.Jrelp')
FORWARD_EULER_STATES = ('membrane.v', 'CaMK.CaMKt', 'intracellular_ions.nai', 'intracellular_ions.nass', 'intracellular_ions.ki', 'intracellular_ions.kss', 'intracellular_ions.cass', 'intracellular_ions.cansr', 'intracellular_ions.cajsr', 'intracellular_ions.cai')
BACKWARD_EULER_STATES = ()
EXPONENTIAL_EULER_STATES = ()
STIFF_GROUP_STATES = ()
CURRENT_NAMES = ('INa', 'INaL', 'ICaL', 'Ito', 'IKr', 'IKs', 'IK1', 'INaCa', 'INaK', 'Cai', 'I_ion')
CURRENT_UNITS = ('A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'mM', 'uA/uF')
CURRENT_SOURCES = ('INa.INa', 'INaL.INaL', 'ICaL.ICaL', 'Ito.Ito', 'IKr.IKr', 'IKs.IKs', 'IK1.IK1', 'INaCa_i.INaCa_i', 'INaK.INaK', 'intracellular_ions.cai', '-dV/dt at i_stim=0')
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-80.0, 0.5)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('ICaL__Afcaf', 'ICaL__Afcas', 'IK1__rk1', 'IKb__xkb', 'IKr__Axrf', 'IKr__Axrs', 'IKr__rkr', 'INaCa_i__hna', 'INaCa_i__k3pp_i', 'INaCa_i__k3_i', 'INaCa_i__k3pp_ss', 'INaCa_i__k3_ss', 'INaCa_i__k8_i', 'INaCa_i__k8_ss', 'INaK__a3', 'INaK__b2', 'Ito__AiF', 'Ito__AiS', 'lutx__0', 'lutx__1', 'lutx__2', 'lutx__3', 'lutx__4', 'lutx__5', 'lutx__6', 'lutx__7', 'lutx__8', 'lutx__9', 'lutx__10', 'lutx__11', 'lutx__12', 'lutx__13', 'lutx__14', 'lutx__15', 'lutx__16', 'lutx__17', 'lutx__18', 'lutx__19', 'rlE__INa__m', 'rlQ__INa__m', 'rlE__INa__hf', 'rlQ__INa__hf', 'rlE__INa__hs', 'rlQ__INa__hs', 'rlE__INa__j', 'rlQ__INa__j', 'rlE__INa__hsp', 'rlQ__INa__hsp', 'rlE__INa__jp', 'rlQ__INa__jp', 'rlE__INaL__mL', 'rlQ__INaL__mL', 'rlE__INaL__hL', 'rlQ__INaL__hL', 'rlE__INaL__hLp', 'rlQ__INaL__hLp', 'rlE__Ito__a', 'rlQ__Ito__a', 'rlE__Ito__iF', 'rlQ__Ito__iF', 'rlE__Ito__iS', 'rlQ__Ito__iS', 'rlE__Ito__ap', 'rlQ__Ito__ap', 'rlE__Ito__iFp', 'rlQ__Ito__iFp', 'rlE__Ito__iSp', 'rlQ__Ito__iSp', 'rlE__ICaL__d', 'rlQ__ICaL__d', 'rlE__ICaL__ff', 'rlQ__ICaL__ff', 'rlE__ICaL__fs', 'rlQ__ICaL__fs', 'rlE__ICaL__fcaf', 'rlQ__ICaL__fcaf', 'rlE__ICaL__fcas', 'rlQ__ICaL__fcas', 'rlE__ICaL__jca', 'rlQ__ICaL__jca', 'rlE__ICaL__ffp', 'rlQ__ICaL__ffp', 'rlE__ICaL__fcafp', 'rlQ__ICaL__fcafp', 'rlE__IKr__xrf', 'rlQ__IKr__xrf', 'rlE__IKr__xrs', 'rlQ__IKr__xrs', 'rlE__IKs__xs1', 'rlQ__IKs__xs1', 'rlE__IKs__xs2', 'rlQ__IKs__xs2', 'rlE__IK1__xk1', 'rlQ__IK1__xk1')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
# Cell types sharing this kernel (index = position): registry name, value of the
# cell-type parameter row, initial states and default stimulus of each
VARIANT_PARAM = 'celltype'
VARIANT_NAMES = ('ord-endo', 'ord-epi', 'ord-m')
VARIANT_VALUES = (0.0, 1.0, 2.0)
VARIANT_INITIAL_STATES = (
    (-87.0, 0.0, 7.0, 7.0, 145.0, 145.0, 0.0001, 1.2, 1.2, 0.0001, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0),
    (-87.0, 0.0, 7.0, 7.0, 145.0, 145.0, 0.0001, 1.2, 1.2, 0.0001, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0),
    (-87.0, 0.0, 7.0, 7.0, 145.0, 145.0, 0.0001, 1.2, 1.2, 0.0001, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0),
)
VARIANT_DEFAULT_STIMULUS = ((-80.0, 0.5), (-80.0, 0.5), (-80.0, 0.5))
VARIANT_PARAM_TARGETS = (
    ('INa.GNa', 'INaL.GNaL', 'ICaL.PCa', 'Ito.Gto', 'IKr.GKr_total', 'IKs.GKs_total', 'IK1.GK1_total', 'INaCa_i.Gncx_b', 'INaK.Pnak_b'),
    ('INa.GNa', 'INaL.GNaL', 'ICaL.PCa', 'Ito.Gto', 'IKr.GKr_total', 'IKs.GKs_total', 'IK1.GK1_total', 'INaCa_i.Gncx_b', 'INaK.Pnak_b'),
    ('INa.GNa', 'INaL.GNaL', 'ICaL.PCa', 'Ito.Gto', 'IKr.GKr_total', 'IKs.GKs_total', 'IK1.GK1_total', 'INaCa_i.Gncx_b', 'INaK.Pnak_b'),
)
cdef Py_ssize_t N_STATES_C = 41
cdef Py_ssize_t N_LUT_C = 94
cdef Py_ssize_t N_PARAMS_C = 10
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)
N_VARIANTS = max(len(VARIANT_NAMES), 1)

# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and
# vectorised by the C compiler (SIMD exp/log from the C library where it has them).
cdef enum:
    CHUNK = 32
    NS = 41
    NP = 10
    NL = 94
    LANES = 8
    NV = 3
    VROW = 9

# The cell loop over one chunk, in C, written once with the cell type as an argument
# and compiled once per cell type (the argument constant), for several instruction
# sets where the compiler supports target_clones (see kernels/common/ionic_chunk.h).
cdef extern from *:
    """
    #include "ionic_chunk.h"
    static inline __attribute__((always_inline)) void ct_chunk_body(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const int variant)
    {
        double out[1312];
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
                const double IKr__xrf = s[34 * ld + j];
                const double IKr__xrs = s[35 * ld + j];
                const double IKs__xs1 = s[36 * ld + j];
                const double IKs__xs2 = s[37 * ld + j];
                const double IK1__xk1 = s[38 * ld + j];
                const double ryr__Jrelnp = s[39 * ld + j];
                const double ryr__Jrelp = s[40 * ld + j];
                const double cardiotwin_parameters__gNa = p[0 * ld + j];
                const double cardiotwin_parameters__gNaL = p[1 * ld + j];
                const double cardiotwin_parameters__PCa = p[2 * ld + j];
                const double cardiotwin_parameters__gto = p[3 * ld + j];
                const double cardiotwin_parameters__gKr = p[4 * ld + j];
                const double cardiotwin_parameters__gKs = p[5 * ld + j];
                const double cardiotwin_parameters__gK1 = p[6 * ld + j];
                const double cardiotwin_parameters__gNaCa = p[7 * ld + j];
                const double cardiotwin_parameters__gNaK = p[8 * ld + j];
                const double ICaL__PCa = ((variant == 0) ? ((0.0001 * cardiotwin_parameters__PCa)) : ((variant == 1) ? ((0.00012 * cardiotwin_parameters__PCa)) : ((0.00025 * cardiotwin_parameters__PCa))));
                const double ICaL__PCaK = (0.0003574 * ICaL__PCa);
                const double ICaL__PCap = (1.1 * ICaL__PCa);
                const double ICaL__PCaKp = (0.0003574 * ICaL__PCap);
                const double membrane__vffrt = (3612.0012202503353 * membrane__v);
                const double membrane__vfrt = (0.037435883507802616 * membrane__v);
                const double ICaL__PhiCaK = (membrane__vffrt * ((0.75 * intracellular_ions__kss * exp((membrane__vfrt))) - 4.050000000000001) / (exp((membrane__vfrt)) - 1.0));
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
                const double ICaL__PhiCaL = (4.0 * membrane__vffrt * ((intracellular_ions__cass * exp((2.0 * membrane__vfrt))) - 0.6138) / (exp((2.0 * membrane__vfrt)) - 1.0));
                const double ICaL__ICaL = ((1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICaL__PCaNa = (0.00125 * ICaL__PCa);
                const double ICaL__PCaNap = (0.00125 * ICaL__PCap);
                const double ICaL__PhiCaNa = (membrane__vffrt * ((0.75 * intracellular_ions__nass * exp((membrane__vfrt))) - 105.0) / (exp((membrane__vfrt)) - 1.0));
                const double ICaL__ICaNa = ((1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICab__ICab = (1e-07 * membrane__vffrt * ((intracellular_ions__cai * exp((2.0 * membrane__vfrt))) - 0.6138) / (exp((2.0 * membrane__vfrt)) - 1.0));
                const double IK1__GK1_total = ((variant == 0) ? ((0.44337913347382507 * cardiotwin_parameters__gK1)) : ((variant == 1) ? ((0.5320549601685901 * cardiotwin_parameters__gK1)) : ((0.5763928735159727 * cardiotwin_parameters__gK1))));
                const double IK1__rk1 = (1.0 / (1.0 + exp((0.10534077741493732 * (membrane__v + 105.8 - 14.040000000000001)))));
                const double reversal_potentials__EK = (26.712338705498265 * log((5.4 / intracellular_ions__ki)));
                const double IK1__IK1 = (IK1__GK1_total * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK));
                const double IKb__xkb = (1.0 / (1.0 + exp((0.05452562704471101 * (-(membrane__v - 14.48))))));
                const double IKb__IKb = ((variant == 0 || variant == 2) ? ((0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK))) : ((0.0018 * IKb__xkb * (membrane__v - reversal_potentials__EK))));
                const double IKr__GKr_total = ((variant == 0) ? ((0.046 * cardiotwin_parameters__gKr)) : ((variant == 1) ? ((0.0598 * cardiotwin_parameters__gKr)) : ((0.0368 * cardiotwin_parameters__gKr))));
                const double IKr__rkr = (1.0 / ((1.0 + exp((0.013333333333333334 * (membrane__v + 55.0)))) * (1.0 + exp((0.03333333333333333 * (membrane__v - 10.0))))));
                const double IKr__Axrf = (1.0 / (1.0 + exp((0.02617115938236064 * (membrane__v + 54.81)))));
                const double IKr__Axrs = 1.0 - IKr__Axrf;
                const double IKr__xr = (IKr__Axrf * IKr__xrf) + (IKr__Axrs * IKr__xrs);
                const double IKr__IKr = (IKr__GKr_total * IKr__xr * IKr__rkr * (membrane__v - reversal_potentials__EK));
                const double IKs__KsCa = 1.0 + (0.6 / (1.0 + pow(((3.8e-05 / intracellular_ions__cai)), 1.4)));
                const double IKs__GKs_total = ((variant == 0 || variant == 2) ? ((0.0034 * cardiotwin_parameters__gKs * IKs__KsCa)) : ((0.0047599999999999995 * cardiotwin_parameters__gKs * IKs__KsCa)));
                const double reversal_potentials__EKs = (26.712338705498265 * log((7.966200000000001 / (intracellular_ions__ki + (0.01833 * intracellular_ions__nai)))));
                const double IKs__IKs = (IKs__GKs_total * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs));
                const double INa__GNa = (75.0 * cardiotwin_parameters__gNa);
                const double INa__fINap = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double INa__h = (0.99 * INa__hf) + (0.010000000000000009 * INa__hs);
                const double INa__hp = (0.99 * INa__hf) + (0.010000000000000009 * INa__hsp);
                const double reversal_potentials__ENa = (26.712338705498265 * log((140.0 / intracellular_ions__nai)));
                const double INa__INa = (INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * (((1.0 - INa__fINap) * INa__h * INa__j) + (INa__fINap * INa__hp * INa__jp)));
                const double INaCa_i__Gncx_b = (0.0008 * cardiotwin_parameters__gNaCa);
                const double INaCa_i__Gncx = ((variant == 0) ? (((0.0 == 1.0) ? (1.1 * INaCa_i__Gncx_b) : ((0.0 == 2.0) ? (1.4 * INaCa_i__Gncx_b) : INaCa_i__Gncx_b))) : ((variant == 1) ? (((1.0 == 1.0) ? (1.1 * INaCa_i__Gncx_b) : ((1.0 == 2.0) ? (1.4 * INaCa_i__Gncx_b) : INaCa_i__Gncx_b))) : (((2.0 == 1.0) ? (1.1 * INaCa_i__Gncx_b) : ((2.0 == 2.0) ? (1.4 * INaCa_i__Gncx_b) : INaCa_i__Gncx_b)))));
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
                const double INaK__Pnak = ((variant == 0) ? (((0.0 == 1.0) ? (0.9 * INaK__Pnak_b) : ((0.0 == 2.0) ? (0.7 * INaK__Pnak_b) : INaK__Pnak_b))) : ((variant == 1) ? (((1.0 == 1.0) ? (0.9 * INaK__Pnak_b) : ((1.0 == 2.0) ? (0.7 * INaK__Pnak_b) : INaK__Pnak_b))) : (((2.0 == 1.0) ? (0.9 * INaK__Pnak_b) : ((2.0 == 2.0) ? (0.7 * INaK__Pnak_b) : INaK__Pnak_b)))));
                const double INaK__INaK = (INaK__Pnak * ((INaK__JnakNa) + (INaK__JnakK)));
                const double INaL__GNaL = ((variant == 0 || variant == 2) ? ((0.0075 * cardiotwin_parameters__gNaL)) : ((0.0045 * cardiotwin_parameters__gNaL)));
                const double INaL__fINaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double INaL__INaL = (INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * (((1.0 - INaL__fINaLp) * INaL__hL) + (INaL__fINaLp * INaL__hLp)));
                const double INab__INab = (3.75e-10 * membrane__vffrt * ((intracellular_ions__nai * exp(membrane__vfrt)) - 140.0) / (exp(membrane__vfrt) - 1.0));
                const double IpCa__IpCa = (0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai));
                const double Ito__Gto = ((variant == 0) ? ((0.02 * cardiotwin_parameters__gto)) : ((0.08 * cardiotwin_parameters__gto)));
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
                const double SERCA__Jupnp = ((variant == 0 || variant == 2) ? ((0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092))) : ((0.005687500000000001 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092))));
                const double SERCA__Jupp = ((variant == 0 || variant == 2) ? ((0.01203125 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017))) : ((0.015640625000000002 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017))));
                const double SERCA__fJupp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double SERCA__Jup = ((((1.0 - SERCA__fJupp) * SERCA__Jupnp) + (SERCA__fJupp * SERCA__Jupp) - SERCA__Jleak));
                const double trans_flux__Jtr = (0.01 * (intracellular_ions__cansr - intracellular_ions__cajsr));
                const double dot__intracellular_ions__cansr = SERCA__Jup - (0.08695652173913042 * trans_flux__Jtr);
                const double intracellular_ions__Bcajsr = (1.0 / (1.0 + (8.0 / ((0.8 + intracellular_ions__cajsr) * (0.8 + intracellular_ions__cajsr)))));
                const double dot__intracellular_ions__cajsr = (intracellular_ions__Bcajsr * (trans_flux__Jtr - ryr__Jrel));
                const double intracellular_ions__Bcai = ((variant == 0 || variant == 2) ? ((1.0 / (1.0 + (0.00011900000000000002 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai))) + (3.5000000000000004e-05 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))))) : ((1.0 / (1.0 + (0.00015470000000000002 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai))) + (3.5000000000000004e-05 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))))));
                const double dot__intracellular_ions__cai = (intracellular_ions__Bcai * ((3.0760371441184366e-05 * (-(IpCa__IpCa + ICab__ICab - (2.0 * INaCa_i__INaCa_i)))) - (0.08117647058823528 * SERCA__Jup) + (0.02941176470588235 * diff__Jdiff)));
                const double INa__mss = (1.0 / (1.0 + exp((0.10130685847431871 * (-(membrane__v + 39.57))))));
                const double INa__tm = (1.0 / ((6.765 * exp((0.02876042565429968 * (membrane__v + 11.64)))) + (8.552 * exp((0.16792611251049538 * (-(membrane__v + 77.42)))))));
                const double dot__INa__m = ((INa__mss - INa__m) / INa__tm);
                const double INa__hss = (1.0 / (1.0 + exp((0.1643115346697338 * (membrane__v + 82.9)))));
                const double INa__thf = (1.0 / ((1.432e-05 * exp((0.15910898965791567 * (-(membrane__v + 1.196))))) + (6.149 * exp((0.0493339911198816 * (membrane__v + 0.5096))))));
                const double dot__INa__hf = ((INa__hss - INa__hf) / INa__thf);
                const double INa__ths = (1.0 / ((0.009794 * exp((0.035650623885918005 * (-(membrane__v + 17.95))))) + (0.3343 * exp((0.017649135192375574 * (membrane__v + 5.73))))));
                const double dot__INa__hs = ((INa__hss - INa__hs) / INa__ths);
                const double INa__jss = INa__hss;
                const double INa__tj = 2.038 + (1.0 / ((0.02136 * exp((0.12075836251660427 * (-(membrane__v + 100.6))))) + (0.3052 * exp((0.02600780234070221 * (membrane__v + 0.9941))))));
                const double dot__INa__j = ((INa__jss - INa__j) / INa__tj);
                const double INa__hssp = (1.0 / (1.0 + exp((0.1643115346697338 * (membrane__v + 89.1)))));
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
                const double Ito__delta_epi = ((variant == 0) ? (((0.0 == 1.0) ? 1.0 - (0.95 / (1.0 + exp((0.2 * (membrane__v + 70.0))))) : 1.0)) : ((variant == 1) ? (((1.0 == 1.0) ? 1.0 - (0.95 / (1.0 + exp((0.2 * (membrane__v + 70.0))))) : 1.0)) : (((2.0 == 1.0) ? 1.0 - (0.95 / (1.0 + exp((0.2 * (membrane__v + 70.0))))) : 1.0))));
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
                const double IKr__txrf = 12.98 + (1.0 / ((0.3652 * exp((0.25846471956577927 * (membrane__v - 31.66)))) + (4.123e-05 * exp((0.04906771344455348 * (-(membrane__v - 47.78)))))));
                const double IKr__xrss = (1.0 / (1.0 + exp((0.14729709824716453 * (-(membrane__v + 8.337))))));
                const double dot__IKr__xrf = ((IKr__xrss - IKr__xrf) / IKr__txrf);
                const double IKr__txrs = 1.865 + (1.0 / ((0.06629 * exp((0.13596193065941536 * (membrane__v - 34.7)))) + (1.128e-05 * exp((0.03855050115651503 * (-(membrane__v - 29.74)))))));
                const double dot__IKr__xrs = ((IKr__xrss - IKr__xrs) / IKr__txrs);
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
                const double ryr__Jrel_inf = ((variant == 0) ? (((0.0 == 2.0) ? (1.7 * ryr__Jrel_inf_temp) : ryr__Jrel_inf_temp)) : ((variant == 1) ? (((1.0 == 2.0) ? (1.7 * ryr__Jrel_inf_temp) : ryr__Jrel_inf_temp)) : (((2.0 == 2.0) ? (1.7 * ryr__Jrel_inf_temp) : ryr__Jrel_inf_temp))));
                const double ryr__tau_rel_temp = (4.75 / (1.0 + (0.0123 / intracellular_ions__cajsr)));
                const double ryr__tau_rel = ((ryr__tau_rel_temp < 0.001) ? 0.001 : ryr__tau_rel_temp);
                const double dot__ryr__Jrelnp = ((ryr__Jrel_inf - ryr__Jrelnp) / ryr__tau_rel);
                const double ryr__Jrel_temp = (2.96875 * (-ICaL__ICaL) / (1.0 + __builtin_powi(((1.5 / intracellular_ions__cajsr)), 8)));
                const double ryr__Jrel_infp = ((variant == 0) ? (((0.0 == 2.0) ? (1.7 * ryr__Jrel_temp) : ryr__Jrel_temp)) : ((variant == 1) ? (((1.0 == 2.0) ? (1.7 * ryr__Jrel_temp) : ryr__Jrel_temp)) : (((2.0 == 2.0) ? (1.7 * ryr__Jrel_temp) : ryr__Jrel_temp))));
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
                const double rlb__IKr__xrf = -(1.0 / (IKr__txrf));
                out[1088 + j] = ct_rush_larsen_ab(IKr__xrf, dot__IKr__xrf - rlb__IKr__xrf * IKr__xrf, rlb__IKr__xrf, dt);
                const double rlb__IKr__xrs = -(1.0 / (IKr__txrs));
                out[1120 + j] = ct_rush_larsen_ab(IKr__xrs, dot__IKr__xrs - rlb__IKr__xrs * IKr__xrs, rlb__IKr__xrs, dt);
                const double rlb__IKs__xs1 = -(1.0 / (IKs__txs1));
                out[1152 + j] = ct_rush_larsen_ab(IKs__xs1, dot__IKs__xs1 - rlb__IKs__xs1 * IKs__xs1, rlb__IKs__xs1, dt);
                const double rlb__IKs__xs2 = -(1.0 / (IKs__txs2));
                out[1184 + j] = ct_rush_larsen_ab(IKs__xs2, dot__IKs__xs2 - rlb__IKs__xs2 * IKs__xs2, rlb__IKs__xs2, dt);
                const double rlb__IK1__xk1 = -(1.0 / (IK1__txk1));
                out[1216 + j] = ct_rush_larsen_ab(IK1__xk1, dot__IK1__xk1 - rlb__IK1__xk1 * IK1__xk1, rlb__IK1__xk1, dt);
                const double rlb__ryr__Jrelnp = -(1.0 / (ryr__tau_rel));
                out[1248 + j] = ct_rush_larsen_ab(ryr__Jrelnp, dot__ryr__Jrelnp - rlb__ryr__Jrelnp * ryr__Jrelnp, rlb__ryr__Jrelnp, dt);
                const double rlb__ryr__Jrelp = -(1.0 / (ryr__tau_relp));
                out[1280 + j] = ct_rush_larsen_ab(ryr__Jrelp, dot__ryr__Jrelp - rlb__ryr__Jrelp * ryr__Jrelp, rlb__ryr__Jrelp, dt);
                (void)i_stim;
            }
        }
        for (int k = 0; k < 41; ++k)
            for (int j = 0; j < nj; ++j)
                s[k * ld + j] = out[k * 32 + j];
    }

    static inline __attribute__((always_inline)) void ct_chunk_lut_body(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv, const int variant)
    {
        double out[1312];
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
                const double IKr__xrf = s[34 * ld + j];
                const double IKr__xrs = s[35 * ld + j];
                const double IKs__xs1 = s[36 * ld + j];
                const double IKs__xs2 = s[37 * ld + j];
                const double IK1__xk1 = s[38 * ld + j];
                const double ryr__Jrelnp = s[39 * ld + j];
                const double ryr__Jrelp = s[40 * ld + j];
                const double cardiotwin_parameters__gNa = p[0 * ld + j];
                const double cardiotwin_parameters__gNaL = p[1 * ld + j];
                const double cardiotwin_parameters__PCa = p[2 * ld + j];
                const double cardiotwin_parameters__gto = p[3 * ld + j];
                const double cardiotwin_parameters__gKr = p[4 * ld + j];
                const double cardiotwin_parameters__gKs = p[5 * ld + j];
                const double cardiotwin_parameters__gK1 = p[6 * ld + j];
                const double cardiotwin_parameters__gNaCa = p[7 * ld + j];
                const double cardiotwin_parameters__gNaK = p[8 * ld + j];
                const double x_lut0 = (membrane__v - vmin) * inv_dv;
                const double x_lut1 = x_lut0 > 0.0 ? x_lut0 : 0.0;
                const double x_lut = x_lut1 < xmax_lut ? x_lut1 : xmax_lut;
                const int i_lut = (int)x_lut;
                const double w_lut = x_lut - i_lut;
                const int o_lut = 94 * i_lut;
                const double ICaL__Afcaf = lut[o_lut + 0] + w_lut * (lut[o_lut + 94] - lut[o_lut + 0]);
                const double ICaL__Afcas = lut[o_lut + 1] + w_lut * (lut[o_lut + 95] - lut[o_lut + 1]);
                const double IK1__rk1 = lut[o_lut + 2] + w_lut * (lut[o_lut + 96] - lut[o_lut + 2]);
                const double IKb__xkb = lut[o_lut + 3] + w_lut * (lut[o_lut + 97] - lut[o_lut + 3]);
                const double IKr__Axrf = lut[o_lut + 4] + w_lut * (lut[o_lut + 98] - lut[o_lut + 4]);
                const double IKr__Axrs = lut[o_lut + 5] + w_lut * (lut[o_lut + 99] - lut[o_lut + 5]);
                const double IKr__rkr = lut[o_lut + 6] + w_lut * (lut[o_lut + 100] - lut[o_lut + 6]);
                const double INaCa_i__hna = lut[o_lut + 7] + w_lut * (lut[o_lut + 101] - lut[o_lut + 7]);
                const double INaCa_i__k3pp_i = lut[o_lut + 8] + w_lut * (lut[o_lut + 102] - lut[o_lut + 8]);
                const double INaCa_i__k3_i = lut[o_lut + 9] + w_lut * (lut[o_lut + 103] - lut[o_lut + 9]);
                const double INaCa_i__k3pp_ss = lut[o_lut + 10] + w_lut * (lut[o_lut + 104] - lut[o_lut + 10]);
                const double INaCa_i__k3_ss = lut[o_lut + 11] + w_lut * (lut[o_lut + 105] - lut[o_lut + 11]);
                const double INaCa_i__k8_i = lut[o_lut + 12] + w_lut * (lut[o_lut + 106] - lut[o_lut + 12]);
                const double INaCa_i__k8_ss = lut[o_lut + 13] + w_lut * (lut[o_lut + 107] - lut[o_lut + 13]);
                const double INaK__a3 = lut[o_lut + 14] + w_lut * (lut[o_lut + 108] - lut[o_lut + 14]);
                const double INaK__b2 = lut[o_lut + 15] + w_lut * (lut[o_lut + 109] - lut[o_lut + 15]);
                const double Ito__AiF = lut[o_lut + 16] + w_lut * (lut[o_lut + 110] - lut[o_lut + 16]);
                const double Ito__AiS = lut[o_lut + 17] + w_lut * (lut[o_lut + 111] - lut[o_lut + 17]);
                const double lutx__0 = lut[o_lut + 18] + w_lut * (lut[o_lut + 112] - lut[o_lut + 18]);
                const double lutx__1 = lut[o_lut + 19] + w_lut * (lut[o_lut + 113] - lut[o_lut + 19]);
                const double lutx__2 = lut[o_lut + 20] + w_lut * (lut[o_lut + 114] - lut[o_lut + 20]);
                const double lutx__3 = lut[o_lut + 21] + w_lut * (lut[o_lut + 115] - lut[o_lut + 21]);
                const double lutx__4 = lut[o_lut + 22] + w_lut * (lut[o_lut + 116] - lut[o_lut + 22]);
                const double lutx__5 = lut[o_lut + 23] + w_lut * (lut[o_lut + 117] - lut[o_lut + 23]);
                const double lutx__6 = lut[o_lut + 24] + w_lut * (lut[o_lut + 118] - lut[o_lut + 24]);
                const double lutx__7 = lut[o_lut + 25] + w_lut * (lut[o_lut + 119] - lut[o_lut + 25]);
                const double lutx__8 = lut[o_lut + 26] + w_lut * (lut[o_lut + 120] - lut[o_lut + 26]);
                const double lutx__9 = lut[o_lut + 27] + w_lut * (lut[o_lut + 121] - lut[o_lut + 27]);
                const double lutx__10 = lut[o_lut + 28] + w_lut * (lut[o_lut + 122] - lut[o_lut + 28]);
                const double lutx__11 = lut[o_lut + 29] + w_lut * (lut[o_lut + 123] - lut[o_lut + 29]);
                const double lutx__12 = lut[o_lut + 30] + w_lut * (lut[o_lut + 124] - lut[o_lut + 30]);
                const double lutx__13 = lut[o_lut + 31] + w_lut * (lut[o_lut + 125] - lut[o_lut + 31]);
                const double lutx__14 = lut[o_lut + 32] + w_lut * (lut[o_lut + 126] - lut[o_lut + 32]);
                const double lutx__15 = lut[o_lut + 33] + w_lut * (lut[o_lut + 127] - lut[o_lut + 33]);
                const double lutx__16 = lut[o_lut + 34] + w_lut * (lut[o_lut + 128] - lut[o_lut + 34]);
                const double lutx__17 = lut[o_lut + 35] + w_lut * (lut[o_lut + 129] - lut[o_lut + 35]);
                const double lutx__18 = lut[o_lut + 36] + w_lut * (lut[o_lut + 130] - lut[o_lut + 36]);
                const double lutx__19 = lut[o_lut + 37] + w_lut * (lut[o_lut + 131] - lut[o_lut + 37]);
                const double rlE__INa__m = lut[o_lut + 38] + w_lut * (lut[o_lut + 132] - lut[o_lut + 38]);
                const double rlQ__INa__m = lut[o_lut + 39] + w_lut * (lut[o_lut + 133] - lut[o_lut + 39]);
                const double rlE__INa__hf = lut[o_lut + 40] + w_lut * (lut[o_lut + 134] - lut[o_lut + 40]);
                const double rlQ__INa__hf = lut[o_lut + 41] + w_lut * (lut[o_lut + 135] - lut[o_lut + 41]);
                const double rlE__INa__hs = lut[o_lut + 42] + w_lut * (lut[o_lut + 136] - lut[o_lut + 42]);
                const double rlQ__INa__hs = lut[o_lut + 43] + w_lut * (lut[o_lut + 137] - lut[o_lut + 43]);
                const double rlE__INa__j = lut[o_lut + 44] + w_lut * (lut[o_lut + 138] - lut[o_lut + 44]);
                const double rlQ__INa__j = lut[o_lut + 45] + w_lut * (lut[o_lut + 139] - lut[o_lut + 45]);
                const double rlE__INa__hsp = lut[o_lut + 46] + w_lut * (lut[o_lut + 140] - lut[o_lut + 46]);
                const double rlQ__INa__hsp = lut[o_lut + 47] + w_lut * (lut[o_lut + 141] - lut[o_lut + 47]);
                const double rlE__INa__jp = lut[o_lut + 48] + w_lut * (lut[o_lut + 142] - lut[o_lut + 48]);
                const double rlQ__INa__jp = lut[o_lut + 49] + w_lut * (lut[o_lut + 143] - lut[o_lut + 49]);
                const double rlE__INaL__mL = lut[o_lut + 50] + w_lut * (lut[o_lut + 144] - lut[o_lut + 50]);
                const double rlQ__INaL__mL = lut[o_lut + 51] + w_lut * (lut[o_lut + 145] - lut[o_lut + 51]);
                const double rlE__INaL__hL = lut[o_lut + 52] + w_lut * (lut[o_lut + 146] - lut[o_lut + 52]);
                const double rlQ__INaL__hL = lut[o_lut + 53] + w_lut * (lut[o_lut + 147] - lut[o_lut + 53]);
                const double rlE__INaL__hLp = lut[o_lut + 54] + w_lut * (lut[o_lut + 148] - lut[o_lut + 54]);
                const double rlQ__INaL__hLp = lut[o_lut + 55] + w_lut * (lut[o_lut + 149] - lut[o_lut + 55]);
                const double rlE__Ito__a = lut[o_lut + 56] + w_lut * (lut[o_lut + 150] - lut[o_lut + 56]);
                const double rlQ__Ito__a = lut[o_lut + 57] + w_lut * (lut[o_lut + 151] - lut[o_lut + 57]);
                const double rlE__Ito__iF = lut[o_lut + 58] + w_lut * (lut[o_lut + 152] - lut[o_lut + 58]);
                const double rlQ__Ito__iF = lut[o_lut + 59] + w_lut * (lut[o_lut + 153] - lut[o_lut + 59]);
                const double rlE__Ito__iS = lut[o_lut + 60] + w_lut * (lut[o_lut + 154] - lut[o_lut + 60]);
                const double rlQ__Ito__iS = lut[o_lut + 61] + w_lut * (lut[o_lut + 155] - lut[o_lut + 61]);
                const double rlE__Ito__ap = lut[o_lut + 62] + w_lut * (lut[o_lut + 156] - lut[o_lut + 62]);
                const double rlQ__Ito__ap = lut[o_lut + 63] + w_lut * (lut[o_lut + 157] - lut[o_lut + 63]);
                const double rlE__Ito__iFp = lut[o_lut + 64] + w_lut * (lut[o_lut + 158] - lut[o_lut + 64]);
                const double rlQ__Ito__iFp = lut[o_lut + 65] + w_lut * (lut[o_lut + 159] - lut[o_lut + 65]);
                const double rlE__Ito__iSp = lut[o_lut + 66] + w_lut * (lut[o_lut + 160] - lut[o_lut + 66]);
                const double rlQ__Ito__iSp = lut[o_lut + 67] + w_lut * (lut[o_lut + 161] - lut[o_lut + 67]);
                const double rlE__ICaL__d = lut[o_lut + 68] + w_lut * (lut[o_lut + 162] - lut[o_lut + 68]);
                const double rlQ__ICaL__d = lut[o_lut + 69] + w_lut * (lut[o_lut + 163] - lut[o_lut + 69]);
                const double rlE__ICaL__ff = lut[o_lut + 70] + w_lut * (lut[o_lut + 164] - lut[o_lut + 70]);
                const double rlQ__ICaL__ff = lut[o_lut + 71] + w_lut * (lut[o_lut + 165] - lut[o_lut + 71]);
                const double rlE__ICaL__fs = lut[o_lut + 72] + w_lut * (lut[o_lut + 166] - lut[o_lut + 72]);
                const double rlQ__ICaL__fs = lut[o_lut + 73] + w_lut * (lut[o_lut + 167] - lut[o_lut + 73]);
                const double rlE__ICaL__fcaf = lut[o_lut + 74] + w_lut * (lut[o_lut + 168] - lut[o_lut + 74]);
                const double rlQ__ICaL__fcaf = lut[o_lut + 75] + w_lut * (lut[o_lut + 169] - lut[o_lut + 75]);
                const double rlE__ICaL__fcas = lut[o_lut + 76] + w_lut * (lut[o_lut + 170] - lut[o_lut + 76]);
                const double rlQ__ICaL__fcas = lut[o_lut + 77] + w_lut * (lut[o_lut + 171] - lut[o_lut + 77]);
                const double rlE__ICaL__jca = lut[o_lut + 78] + w_lut * (lut[o_lut + 172] - lut[o_lut + 78]);
                const double rlQ__ICaL__jca = lut[o_lut + 79] + w_lut * (lut[o_lut + 173] - lut[o_lut + 79]);
                const double rlE__ICaL__ffp = lut[o_lut + 80] + w_lut * (lut[o_lut + 174] - lut[o_lut + 80]);
                const double rlQ__ICaL__ffp = lut[o_lut + 81] + w_lut * (lut[o_lut + 175] - lut[o_lut + 81]);
                const double rlE__ICaL__fcafp = lut[o_lut + 82] + w_lut * (lut[o_lut + 176] - lut[o_lut + 82]);
                const double rlQ__ICaL__fcafp = lut[o_lut + 83] + w_lut * (lut[o_lut + 177] - lut[o_lut + 83]);
                const double rlE__IKr__xrf = lut[o_lut + 84] + w_lut * (lut[o_lut + 178] - lut[o_lut + 84]);
                const double rlQ__IKr__xrf = lut[o_lut + 85] + w_lut * (lut[o_lut + 179] - lut[o_lut + 85]);
                const double rlE__IKr__xrs = lut[o_lut + 86] + w_lut * (lut[o_lut + 180] - lut[o_lut + 86]);
                const double rlQ__IKr__xrs = lut[o_lut + 87] + w_lut * (lut[o_lut + 181] - lut[o_lut + 87]);
                const double rlE__IKs__xs1 = lut[o_lut + 88] + w_lut * (lut[o_lut + 182] - lut[o_lut + 88]);
                const double rlQ__IKs__xs1 = lut[o_lut + 89] + w_lut * (lut[o_lut + 183] - lut[o_lut + 89]);
                const double rlE__IKs__xs2 = lut[o_lut + 90] + w_lut * (lut[o_lut + 184] - lut[o_lut + 90]);
                const double rlQ__IKs__xs2 = lut[o_lut + 91] + w_lut * (lut[o_lut + 185] - lut[o_lut + 91]);
                const double rlE__IK1__xk1 = lut[o_lut + 92] + w_lut * (lut[o_lut + 186] - lut[o_lut + 92]);
                const double rlQ__IK1__xk1 = lut[o_lut + 93] + w_lut * (lut[o_lut + 187] - lut[o_lut + 93]);
                const double ICaL__PCa = ((variant == 0) ? ((0.0001 * cardiotwin_parameters__PCa)) : ((variant == 1) ? ((0.00012 * cardiotwin_parameters__PCa)) : ((0.00025 * cardiotwin_parameters__PCa))));
                const double ICaL__PCaK = (0.0003574 * ICaL__PCa);
                const double ICaL__PCap = (1.1 * ICaL__PCa);
                const double ICaL__PCaKp = (0.0003574 * ICaL__PCap);
                const double ICaL__PhiCaK = (((0.75 * intracellular_ions__kss * lutx__1) - 4.050000000000001) * lutx__0);
                const double ICaL__f = (0.6 * ICaL__ff) + (0.4 * ICaL__fs);
                const double CaMK__CaMKb = (0.05 * (1.0 - CaMK__CaMKt) / (1.0 + (0.0015 / intracellular_ions__cass)));
                const double CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt;
                const double ICaL__fICaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double ICaL__fca = (ICaL__Afcaf * ICaL__fcaf) + (ICaL__Afcas * ICaL__fcas);
                const double ICaL__fcap = (ICaL__Afcaf * ICaL__fcafp) + (ICaL__Afcas * ICaL__fcas);
                const double ICaL__fp = (0.6 * ICaL__ffp) + (0.4 * ICaL__fs);
                const double ICaL__ICaK = ((1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICaL__PhiCaL = (4.0 * ((intracellular_ions__cass * lutx__3) - 0.6138) * lutx__2);
                const double ICaL__ICaL = ((1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICaL__PCaNa = (0.00125 * ICaL__PCa);
                const double ICaL__PCaNap = (0.00125 * ICaL__PCap);
                const double ICaL__PhiCaNa = (((0.75 * intracellular_ions__nass * lutx__1) - 105.0) * lutx__0);
                const double ICaL__ICaNa = ((1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)));
                const double ICab__ICab = (1e-07 * ((intracellular_ions__cai * lutx__3) - 0.6138) * lutx__2);
                const double IK1__GK1_total = ((variant == 0) ? ((0.44337913347382507 * cardiotwin_parameters__gK1)) : ((variant == 1) ? ((0.5320549601685901 * cardiotwin_parameters__gK1)) : ((0.5763928735159727 * cardiotwin_parameters__gK1))));
                const double reversal_potentials__EK = (26.712338705498265 * log((5.4 / intracellular_ions__ki)));
                const double IK1__IK1 = (IK1__GK1_total * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK));
                const double IKb__IKb = ((variant == 0 || variant == 2) ? ((0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK))) : ((0.0018 * IKb__xkb * (membrane__v - reversal_potentials__EK))));
                const double IKr__GKr_total = ((variant == 0) ? ((0.046 * cardiotwin_parameters__gKr)) : ((variant == 1) ? ((0.0598 * cardiotwin_parameters__gKr)) : ((0.0368 * cardiotwin_parameters__gKr))));
                const double IKr__xr = (IKr__Axrf * IKr__xrf) + (IKr__Axrs * IKr__xrs);
                const double IKr__IKr = (IKr__GKr_total * IKr__xr * IKr__rkr * (membrane__v - reversal_potentials__EK));
                const double IKs__KsCa = 1.0 + (0.6 / (1.0 + pow(((3.8e-05 / intracellular_ions__cai)), 1.4)));
                const double IKs__GKs_total = ((variant == 0 || variant == 2) ? ((0.0034 * cardiotwin_parameters__gKs * IKs__KsCa)) : ((0.0047599999999999995 * cardiotwin_parameters__gKs * IKs__KsCa)));
                const double reversal_potentials__EKs = (26.712338705498265 * log((7.966200000000001 / (intracellular_ions__ki + (0.01833 * intracellular_ions__nai)))));
                const double IKs__IKs = (IKs__GKs_total * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs));
                const double INa__GNa = (75.0 * cardiotwin_parameters__gNa);
                const double INa__fINap = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double INa__h = (0.99 * INa__hf) + (0.010000000000000009 * INa__hs);
                const double INa__hp = (0.99 * INa__hf) + (0.010000000000000009 * INa__hsp);
                const double reversal_potentials__ENa = (26.712338705498265 * log((140.0 / intracellular_ions__nai)));
                const double INa__INa = (INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * (((1.0 - INa__fINap) * INa__h * INa__j) + (INa__fINap * INa__hp * INa__jp)));
                const double INaCa_i__Gncx_b = (0.0008 * cardiotwin_parameters__gNaCa);
                const double INaCa_i__Gncx = ((variant == 0) ? (((0.0 == 1.0) ? (1.1 * INaCa_i__Gncx_b) : ((0.0 == 2.0) ? (1.4 * INaCa_i__Gncx_b) : INaCa_i__Gncx_b))) : ((variant == 1) ? (((1.0 == 1.0) ? (1.1 * INaCa_i__Gncx_b) : ((1.0 == 2.0) ? (1.4 * INaCa_i__Gncx_b) : INaCa_i__Gncx_b))) : (((2.0 == 1.0) ? (1.1 * INaCa_i__Gncx_b) : ((2.0 == 2.0) ? (1.4 * INaCa_i__Gncx_b) : INaCa_i__Gncx_b)))));
                const double INaCa_i__h1_i = 1.0 + (0.011348161597821153 * intracellular_ions__nai * lutx__4);
                const double INaCa_i__h3_i = (1.0 / INaCa_i__h1_i);
                const double INaCa_i__k4p_i = (60000.0 * INaCa_i__h3_i * lutx__5);
                const double INaCa_i__h2_i = (0.011348161597821153 * intracellular_ions__nai * INaCa_i__hna / INaCa_i__h1_i);
                const double INaCa_i__k4pp_i = (5000.0 * INaCa_i__h2_i);
                const double INaCa_i__k4_i = INaCa_i__k4p_i + INaCa_i__k4pp_i;
                const double INaCa_i__h4_i = 1.0 + (0.06666666666666667 * intracellular_ions__nai * (1.0 + (0.2 * intracellular_ions__nai)));
                const double INaCa_i__h6_i = (1.0 / INaCa_i__h4_i);
                const double INaCa_i__k6_i = (1500000.0 * INaCa_i__h6_i * intracellular_ions__cai);
                const double INaCa_i__h5_i = (0.013333333333333332 * intracellular_ions__nai * intracellular_ions__nai / INaCa_i__h4_i);
                const double INaCa_i__k7_i = (60000.0 * INaCa_i__h5_i * INaCa_i__h2_i);
                const double INaCa_i__x1_i = (5000.0 * INaCa_i__k4_i * (INaCa_i__k7_i + INaCa_i__k6_i)) + (5000.0 * INaCa_i__k7_i * lutx__6);
                const double INaCa_i__x2_i = (9501.466275659823 * INaCa_i__k7_i * (INaCa_i__k4_i + 5000.0)) + (INaCa_i__k4_i * INaCa_i__k6_i * lutx__7);
                const double INaCa_i__x3_i = (9501.466275659823 * INaCa_i__k3_i * (INaCa_i__k7_i + INaCa_i__k6_i)) + (INaCa_i__k6_i * lutx__8);
                const double INaCa_i__x4_i = (5000.0 * INaCa_i__k8_i * (INaCa_i__k4_i + 5000.0)) + lutx__9;
                const double INaCa_i__E1_i = (INaCa_i__x1_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__E2_i = (INaCa_i__x2_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__JncxCa_i = (5000.0 * INaCa_i__E2_i) - (9501.466275659823 * INaCa_i__E1_i);
                const double INaCa_i__E3_i = (INaCa_i__x3_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__E4_i = (INaCa_i__x4_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i));
                const double INaCa_i__JncxNa_i = (3.0 * ((INaCa_i__E4_i * INaCa_i__k7_i) - (INaCa_i__E1_i * INaCa_i__k8_i))) + (INaCa_i__E3_i * INaCa_i__k4pp_i) - (INaCa_i__E2_i * INaCa_i__k3pp_i);
                const double INaCa_i__allo_i = (1.0 / (1.0 + (((0.00015 / intracellular_ions__cai)) * ((0.00015 / intracellular_ions__cai)))));
                const double INaCa_i__INaCa_i = (0.8 * INaCa_i__Gncx * INaCa_i__allo_i * ((INaCa_i__JncxNa_i) + (2.0 * INaCa_i__JncxCa_i)));
                const double INaCa_i__h1_ss = 1.0 + (0.011348161597821153 * intracellular_ions__nass * lutx__4);
                const double INaCa_i__h3_ss = (1.0 / INaCa_i__h1_ss);
                const double INaCa_i__k4p_ss = (60000.0 * INaCa_i__h3_ss * lutx__5);
                const double INaCa_i__h2_ss = (0.011348161597821153 * intracellular_ions__nass * INaCa_i__hna / INaCa_i__h1_ss);
                const double INaCa_i__k4pp_ss = (5000.0 * INaCa_i__h2_ss);
                const double INaCa_i__k4_ss = INaCa_i__k4p_ss + INaCa_i__k4pp_ss;
                const double INaCa_i__h4_ss = 1.0 + (0.06666666666666667 * intracellular_ions__nass * (1.0 + (0.2 * intracellular_ions__nass)));
                const double INaCa_i__h6_ss = (1.0 / INaCa_i__h4_ss);
                const double INaCa_i__k6_ss = (1500000.0 * INaCa_i__h6_ss * intracellular_ions__cass);
                const double INaCa_i__h5_ss = (0.013333333333333332 * intracellular_ions__nass * intracellular_ions__nass / INaCa_i__h4_ss);
                const double INaCa_i__k7_ss = (60000.0 * INaCa_i__h5_ss * INaCa_i__h2_ss);
                const double INaCa_i__x1_ss = (5000.0 * INaCa_i__k4_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss)) + (5000.0 * INaCa_i__k7_ss * lutx__10);
                const double INaCa_i__x2_ss = (9501.466275659823 * INaCa_i__k7_ss * (INaCa_i__k4_ss + 5000.0)) + (INaCa_i__k4_ss * INaCa_i__k6_ss * lutx__11);
                const double INaCa_i__x3_ss = (9501.466275659823 * INaCa_i__k3_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss)) + (INaCa_i__k6_ss * lutx__12);
                const double INaCa_i__x4_ss = (5000.0 * INaCa_i__k8_ss * (INaCa_i__k4_ss + 5000.0)) + lutx__13;
                const double INaCa_i__E1_ss = (INaCa_i__x1_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__E2_ss = (INaCa_i__x2_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__JncxCa_ss = (5000.0 * INaCa_i__E2_ss) - (9501.466275659823 * INaCa_i__E1_ss);
                const double INaCa_i__E3_ss = (INaCa_i__x3_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__E4_ss = (INaCa_i__x4_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss));
                const double INaCa_i__JncxNa_ss = (3.0 * ((INaCa_i__E4_ss * INaCa_i__k7_ss) - (INaCa_i__E1_ss * INaCa_i__k8_ss))) + (INaCa_i__E3_ss * INaCa_i__k4pp_ss) - (INaCa_i__E2_ss * INaCa_i__k3pp_ss);
                const double INaCa_i__allo_ss = (1.0 / (1.0 + (((0.00015 / intracellular_ions__cass)) * ((0.00015 / intracellular_ions__cass)))));
                const double INaCa_i__INaCa_ss = (0.2 * INaCa_i__Gncx * INaCa_i__allo_ss * ((INaCa_i__JncxNa_ss) + (2.0 * INaCa_i__JncxCa_ss)));
                const double INaK__a1 = (949.5 * (((intracellular_ions__nai * lutx__14)) * ((intracellular_ions__nai * lutx__14)) * ((intracellular_ions__nai * lutx__14))) / (((1.0 + (intracellular_ions__nai * lutx__14)) * (1.0 + (intracellular_ions__nai * lutx__14)) * (1.0 + (intracellular_ions__nai * lutx__14))) + ((1.0 + (2.0 * intracellular_ions__ki)) * (1.0 + (2.0 * intracellular_ions__ki))) - 1.0));
                const double INaK__P = (4.2 / (1.5889281507656066 + (0.004464285714285714 * intracellular_ions__nai) + (0.003424657534246575 * intracellular_ions__ki)));
                const double INaK__b3 = (1.3739938537444736e-10 * INaK__P);
                const double INaK__b4 = (40.0 * (((2.0 * intracellular_ions__ki)) * ((2.0 * intracellular_ions__ki))) / (((1.0 + (intracellular_ions__nai * lutx__14)) * (1.0 + (intracellular_ions__nai * lutx__14)) * (1.0 + (intracellular_ions__nai * lutx__14))) + ((1.0 + (2.0 * intracellular_ions__ki)) * (1.0 + (2.0 * intracellular_ions__ki))) - 1.0));
                const double INaK__x1 = (439120.7923915602 * INaK__a1) + (INaK__b2 * INaK__b4 * INaK__b3) + (687.2 * INaK__b4 * INaK__b3) + (687.2 * INaK__b3 * INaK__a1);
                const double INaK__x2 = (9.120000000000001 * INaK__b2 * INaK__b4) + (687.2 * INaK__a1 * INaK__a3) + (9.120000000000001 * INaK__a3 * INaK__b4) + (687.2 * INaK__a3 * INaK__b4);
                const double INaK__x3 = lutx__15 + (9.120000000000001 * INaK__b3 * INaK__b2) + lutx__16 + lutx__17;
                const double INaK__x4 = (INaK__b4 * INaK__b3 * INaK__b2) + (638.9999889283472 * INaK__a3 * INaK__a1) + (638.9999889283472 * INaK__b2 * INaK__a1) + (INaK__b3 * INaK__b2 * INaK__a1);
                const double INaK__E3 = (INaK__x3 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__E4 = (INaK__x4 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__JnakK = (2.0 * ((9.120000000000001 * INaK__E4) - (INaK__E3 * INaK__a1)));
                const double INaK__E1 = (INaK__x1 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__E2 = (INaK__x2 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4));
                const double INaK__JnakNa = (3.0 * ((INaK__E1 * INaK__a3) - (INaK__E2 * INaK__b3)));
                const double INaK__Pnak_b = (30.0 * cardiotwin_parameters__gNaK);
                const double INaK__Pnak = ((variant == 0) ? (((0.0 == 1.0) ? (0.9 * INaK__Pnak_b) : ((0.0 == 2.0) ? (0.7 * INaK__Pnak_b) : INaK__Pnak_b))) : ((variant == 1) ? (((1.0 == 1.0) ? (0.9 * INaK__Pnak_b) : ((1.0 == 2.0) ? (0.7 * INaK__Pnak_b) : INaK__Pnak_b))) : (((2.0 == 1.0) ? (0.9 * INaK__Pnak_b) : ((2.0 == 2.0) ? (0.7 * INaK__Pnak_b) : INaK__Pnak_b)))));
                const double INaK__INaK = (INaK__Pnak * ((INaK__JnakNa) + (INaK__JnakK)));
                const double INaL__GNaL = ((variant == 0 || variant == 2) ? ((0.0075 * cardiotwin_parameters__gNaL)) : ((0.0045 * cardiotwin_parameters__gNaL)));
                const double INaL__fINaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double INaL__INaL = (INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * (((1.0 - INaL__fINaLp) * INaL__hL) + (INaL__fINaLp * INaL__hLp)));
                const double INab__INab = (3.75e-10 * ((intracellular_ions__nai * lutx__19) - 140.0) * lutx__18);
                const double IpCa__IpCa = (0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai));
                const double Ito__Gto = ((variant == 0) ? ((0.02 * cardiotwin_parameters__gto)) : ((0.08 * cardiotwin_parameters__gto)));
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
                const double SERCA__Jupnp = ((variant == 0 || variant == 2) ? ((0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092))) : ((0.005687500000000001 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092))));
                const double SERCA__Jupp = ((variant == 0 || variant == 2) ? ((0.01203125 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017))) : ((0.015640625000000002 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017))));
                const double SERCA__fJupp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)));
                const double SERCA__Jup = ((((1.0 - SERCA__fJupp) * SERCA__Jupnp) + (SERCA__fJupp * SERCA__Jupp) - SERCA__Jleak));
                const double trans_flux__Jtr = (0.01 * (intracellular_ions__cansr - intracellular_ions__cajsr));
                const double dot__intracellular_ions__cansr = SERCA__Jup - (0.08695652173913042 * trans_flux__Jtr);
                const double intracellular_ions__Bcajsr = (1.0 / (1.0 + (8.0 / ((0.8 + intracellular_ions__cajsr) * (0.8 + intracellular_ions__cajsr)))));
                const double dot__intracellular_ions__cajsr = (intracellular_ions__Bcajsr * (trans_flux__Jtr - ryr__Jrel));
                const double intracellular_ions__Bcai = ((variant == 0 || variant == 2) ? ((1.0 / (1.0 + (0.00011900000000000002 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai))) + (3.5000000000000004e-05 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))))) : ((1.0 / (1.0 + (0.00015470000000000002 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai))) + (3.5000000000000004e-05 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))))));
                const double dot__intracellular_ions__cai = (intracellular_ions__Bcai * ((3.0760371441184366e-05 * (-(IpCa__IpCa + ICab__ICab - (2.0 * INaCa_i__INaCa_i)))) - (0.08117647058823528 * SERCA__Jup) + (0.02941176470588235 * diff__Jdiff)));
                const double ICaL__km2n = (ICaL__jca);
                const double ICaL__anca = (1.0 / ((1000.0 / ICaL__km2n) + __builtin_powi((1.0 + (0.002 / intracellular_ions__cass)), 4)));
                const double dot__ICaL__nca = (1000.0 * ICaL__anca) - (ICaL__nca * ICaL__km2n);
                const double ryr__Jrel_inf_temp = (2.375 * (-ICaL__ICaL) / (1.0 + (__builtin_powi(((1.5 / intracellular_ions__cajsr)), 8))));
                const double ryr__Jrel_inf = ((variant == 0) ? (((0.0 == 2.0) ? (1.7 * ryr__Jrel_inf_temp) : ryr__Jrel_inf_temp)) : ((variant == 1) ? (((1.0 == 2.0) ? (1.7 * ryr__Jrel_inf_temp) : ryr__Jrel_inf_temp)) : (((2.0 == 2.0) ? (1.7 * ryr__Jrel_inf_temp) : ryr__Jrel_inf_temp))));
                const double ryr__tau_rel_temp = (4.75 / (1.0 + (0.0123 / intracellular_ions__cajsr)));
                const double ryr__tau_rel = ((ryr__tau_rel_temp < 0.001) ? 0.001 : ryr__tau_rel_temp);
                const double dot__ryr__Jrelnp = ((ryr__Jrel_inf - ryr__Jrelnp) / ryr__tau_rel);
                const double ryr__Jrel_temp = (2.96875 * (-ICaL__ICaL) / (1.0 + __builtin_powi(((1.5 / intracellular_ions__cajsr)), 8)));
                const double ryr__Jrel_infp = ((variant == 0) ? (((0.0 == 2.0) ? (1.7 * ryr__Jrel_temp) : ryr__Jrel_temp)) : ((variant == 1) ? (((1.0 == 2.0) ? (1.7 * ryr__Jrel_temp) : ryr__Jrel_temp)) : (((2.0 == 2.0) ? (1.7 * ryr__Jrel_temp) : ryr__Jrel_temp))));
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
                out[1088 + j] = rlE__IKr__xrf * IKr__xrf + rlQ__IKr__xrf;
                out[1120 + j] = rlE__IKr__xrs * IKr__xrs + rlQ__IKr__xrs;
                out[1152 + j] = rlE__IKs__xs1 * IKs__xs1 + rlQ__IKs__xs1;
                out[1184 + j] = rlE__IKs__xs2 * IKs__xs2 + rlQ__IKs__xs2;
                out[1216 + j] = rlE__IK1__xk1 * IK1__xk1 + rlQ__IK1__xk1;
                const double rlb__ryr__Jrelnp = -(1.0 / (ryr__tau_rel));
                out[1248 + j] = ct_rush_larsen_ab(ryr__Jrelnp, dot__ryr__Jrelnp - rlb__ryr__Jrelnp * ryr__Jrelnp, rlb__ryr__Jrelnp, dt);
                const double rlb__ryr__Jrelp = -(1.0 / (ryr__tau_relp));
                out[1280 + j] = ct_rush_larsen_ab(ryr__Jrelp, dot__ryr__Jrelp - rlb__ryr__Jrelp * ryr__Jrelp, rlb__ryr__Jrelp, dt);
                (void)i_stim;
            }
        }
        for (int k = 0; k < 41; ++k)
            for (int j = 0; j < nj; ++j)
                s[k * ld + j] = out[k * 32 + j];
    }

    static void CT_KERNEL ct_chunk_v0(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt)
    { ct_chunk_body(nj, s, p, ld, ist, t, dt, 0); }
    static void CT_KERNEL ct_chunk_lut_v0(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv)
    { ct_chunk_lut_body(nj, s, p, ld, ist, t, dt, lut, n_rows, vmin, inv_dv, 0); }
    static void CT_KERNEL ct_chunk_v1(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt)
    { ct_chunk_body(nj, s, p, ld, ist, t, dt, 1); }
    static void CT_KERNEL ct_chunk_lut_v1(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv)
    { ct_chunk_lut_body(nj, s, p, ld, ist, t, dt, lut, n_rows, vmin, inv_dv, 1); }
    static void CT_KERNEL ct_chunk_v2(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt)
    { ct_chunk_body(nj, s, p, ld, ist, t, dt, 2); }
    static void CT_KERNEL ct_chunk_lut_v2(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv)
    { ct_chunk_lut_body(nj, s, p, ld, ist, t, dt, lut, n_rows, vmin, inv_dv, 2); }

    static void ct_chunk(int variant, int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt)
    {
        switch (variant) {
        case 1: ct_chunk_v1(nj, s, p, ld, ist, t, dt); break;
        case 2: ct_chunk_v2(nj, s, p, ld, ist, t, dt); break;
        default: ct_chunk_v0(nj, s, p, ld, ist, t, dt);
        }
    }

    static void ct_chunk_lut(int variant, int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv)
    {
        lut += (Py_ssize_t)variant * n_rows * 94;
        switch (variant) {
        case 1: ct_chunk_lut_v1(nj, s, p, ld, ist, t, dt, lut, n_rows, vmin, inv_dv); break;
        case 2: ct_chunk_lut_v2(nj, s, p, ld, ist, t, dt, lut, n_rows, vmin, inv_dv); break;
        default: ct_chunk_lut_v0(nj, s, p, ld, ist, t, dt, lut, n_rows, vmin, inv_dv);
        }
    }

    static const double CT_VARIANT_VALUES[3] = {0.0, 1.0, 2.0};
    static int ct_variant_of(double value)
    {
        for (int k = 0; k < 3; ++k)
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
    cdef double IK1__rk1 = (1.0 / (1.0 + exp((0.10534077741493732 * (membrane__v + 105.8 - 14.040000000000001)))))
    cdef double IKb__xkb = (1.0 / (1.0 + exp((0.05452562704471101 * (-(membrane__v - 14.48))))))
    cdef double IKr__Axrf = (1.0 / (1.0 + exp((0.02617115938236064 * (membrane__v + 54.81)))))
    cdef double IKr__Axrs = 1.0 - IKr__Axrf
    cdef double IKr__rkr = (1.0 / ((1.0 + exp((0.013333333333333334 * (membrane__v + 55.0)))) * (1.0 + exp((0.03333333333333333 * (membrane__v - 10.0))))))
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
    cdef double Ito__AiF = (1.0 / (1.0 + exp((0.006613756613756614 * (membrane__v - 213.6)))))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double membrane__vffrt = (3612.0012202503353 * membrane__v)
    cdef double membrane__vfrt = (0.037435883507802616 * membrane__v)
    cdef double INaCa_i__hca = exp((0.006251792545803037 * membrane__v))
    cdef double INaK__Knai = (9.073 * exp(((-0.0019341873145698018) * membrane__v)))
    cdef double INa__tm = (1.0 / ((6.765 * exp((0.02876042565429968 * (membrane__v + 11.64)))) + (8.552 * exp((0.16792611251049538 * (-(membrane__v + 77.42)))))))
    cdef double INa__mss = (1.0 / (1.0 + exp((0.10130685847431871 * (-(membrane__v + 39.57))))))
    cdef double INa__thf = (1.0 / ((1.432e-05 * exp((0.15910898965791567 * (-(membrane__v + 1.196))))) + (6.149 * exp((0.0493339911198816 * (membrane__v + 0.5096))))))
    cdef double INa__hss = (1.0 / (1.0 + exp((0.1643115346697338 * (membrane__v + 82.9)))))
    cdef double INa__ths = (1.0 / ((0.009794 * exp((0.035650623885918005 * (-(membrane__v + 17.95))))) + (0.3343 * exp((0.017649135192375574 * (membrane__v + 5.73))))))
    cdef double INa__tj = 2.038 + (1.0 / ((0.02136 * exp((0.12075836251660427 * (-(membrane__v + 100.6))))) + (0.3052 * exp((0.02600780234070221 * (membrane__v + 0.9941))))))
    cdef double INa__jss = INa__hss
    cdef double INa__thsp = (3.0 * INa__ths)
    cdef double INa__hssp = (1.0 / (1.0 + exp((0.1643115346697338 * (membrane__v + 89.1)))))
    cdef double INa__tjp = (1.46 * INa__tj)
    cdef double INaL__tmL = INa__tm
    cdef double INaL__mLss = (1.0 / (1.0 + exp((0.18996960486322187 * (-(membrane__v + 42.85))))))
    cdef double INaL__hLss = (1.0 / (1.0 + exp((0.13354700854700854 * (membrane__v + 87.61)))))
    cdef double INaL__hLssp = (1.0 / (1.0 + exp((0.13354700854700854 * (membrane__v + 93.81)))))
    cdef double Ito__ta = (1.0515 / ((0.8271982794275787 / (1.0 + exp((0.03403513787634354 * (-(membrane__v - 18.4099)))))) + (3.5 / (1.0 + exp((0.03403513787634354 * (membrane__v + 100.0)))))))
    cdef double Ito__ass = (1.0 / (1.0 + exp((0.06747638326585695 * (-(membrane__v - 14.34))))))
    cdef double Ito__delta_epi = (((1.0 - (0.95 / (1.0 + exp((0.2 * (membrane__v + 70.0))))) if (0.0 == 1.0) else 1.0)) if (variant == 0) else (((1.0 - (0.95 / (1.0 + exp((0.2 * (membrane__v + 70.0))))) if (1.0 == 1.0) else 1.0)) if (variant == 1) else ((1.0 - (0.95 / (1.0 + exp((0.2 * (membrane__v + 70.0))))) if (2.0 == 1.0) else 1.0))))
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
    cdef double IKr__txrf = 12.98 + (1.0 / ((0.3652 * exp((0.25846471956577927 * (membrane__v - 31.66)))) + (4.123e-05 * exp((0.04906771344455348 * (-(membrane__v - 47.78)))))))
    cdef double IKr__xrss = (1.0 / (1.0 + exp((0.14729709824716453 * (-(membrane__v + 8.337))))))
    cdef double IKr__txrs = 1.865 + (1.0 / ((0.06629 * exp((0.13596193065941536 * (membrane__v - 34.7)))) + (1.128e-05 * exp((0.03855050115651503 * (-(membrane__v - 29.74)))))))
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
    cdef double rlb__IKr__xrf = -(1.0 / (IKr__txrf))
    cdef double rla__IKr__xrf = ((IKr__xrss - 0.0) / IKr__txrf)
    cdef double rlb__IKr__xrs = -(1.0 / (IKr__txrs))
    cdef double rla__IKr__xrs = ((IKr__xrss - 0.0) / IKr__txrs)
    cdef double rlb__IKs__xs1 = -(1.0 / (IKs__txs1))
    cdef double rla__IKs__xs1 = ((IKs__xs1ss - 0.0) / IKs__txs1)
    cdef double rlb__IKs__xs2 = -(1.0 / (IKs__txs2))
    cdef double rla__IKs__xs2 = ((IKs__xs2ss - 0.0) / IKs__txs2)
    cdef double rlb__IK1__xk1 = -(1.0 / (IK1__txk1))
    cdef double rla__IK1__xk1 = ((IK1__xk1ss - 0.0) / IK1__txk1)
    row[0] = ICaL__Afcaf
    row[1] = ICaL__Afcas
    row[2] = IK1__rk1
    row[3] = IKb__xkb
    row[4] = IKr__Axrf
    row[5] = IKr__Axrs
    row[6] = IKr__rkr
    row[7] = INaCa_i__hna
    row[8] = INaCa_i__k3pp_i
    row[9] = INaCa_i__k3_i
    row[10] = INaCa_i__k3pp_ss
    row[11] = INaCa_i__k3_ss
    row[12] = INaCa_i__k8_i
    row[13] = INaCa_i__k8_ss
    row[14] = INaK__a3
    row[15] = INaK__b2
    row[16] = Ito__AiF
    row[17] = Ito__AiS
    row[18] = (membrane__vffrt / (exp((membrane__vfrt)) - 1.0))
    row[19] = exp((membrane__vfrt))
    row[20] = (membrane__vffrt / (exp((2.0 * membrane__vfrt)) - 1.0))
    row[21] = exp((2.0 * membrane__vfrt))
    row[22] = 1.0 + INaCa_i__hna
    row[23] = (1.0 / INaCa_i__hca)
    row[24] = 5000.0 + INaCa_i__k3_i
    row[25] = 9501.466275659823 + INaCa_i__k8_i
    row[26] = (INaCa_i__k8_i * (5000.0 + INaCa_i__k3_i))
    row[27] = (5000.0 * INaCa_i__k3_i * (9501.466275659823 + INaCa_i__k8_i))
    row[28] = 5000.0 + INaCa_i__k3_ss
    row[29] = 9501.466275659823 + INaCa_i__k8_ss
    row[30] = (INaCa_i__k8_ss * (5000.0 + INaCa_i__k3_ss))
    row[31] = (5000.0 * INaCa_i__k3_ss * (9501.466275659823 + INaCa_i__k8_ss))
    row[32] = (1.0 / INaK__Knai)
    row[33] = (439120.7923915602 * INaK__a3)
    row[34] = (5827.679899026527 * INaK__b2)
    row[35] = (5827.679899026527 * INaK__a3)
    row[36] = (membrane__vffrt / (exp(membrane__vfrt) - 1.0))
    row[37] = exp(membrane__vfrt)
    row[38] = exp(rlb__INa__m * dt)
    row[39] = rla__INa__m * (expm1(rlb__INa__m * dt) / rlb__INa__m if fabs(rlb__INa__m) > 1e-12 else dt)
    row[40] = exp(rlb__INa__hf * dt)
    row[41] = rla__INa__hf * (expm1(rlb__INa__hf * dt) / rlb__INa__hf if fabs(rlb__INa__hf) > 1e-12 else dt)
    row[42] = exp(rlb__INa__hs * dt)
    row[43] = rla__INa__hs * (expm1(rlb__INa__hs * dt) / rlb__INa__hs if fabs(rlb__INa__hs) > 1e-12 else dt)
    row[44] = exp(rlb__INa__j * dt)
    row[45] = rla__INa__j * (expm1(rlb__INa__j * dt) / rlb__INa__j if fabs(rlb__INa__j) > 1e-12 else dt)
    row[46] = exp(rlb__INa__hsp * dt)
    row[47] = rla__INa__hsp * (expm1(rlb__INa__hsp * dt) / rlb__INa__hsp if fabs(rlb__INa__hsp) > 1e-12 else dt)
    row[48] = exp(rlb__INa__jp * dt)
    row[49] = rla__INa__jp * (expm1(rlb__INa__jp * dt) / rlb__INa__jp if fabs(rlb__INa__jp) > 1e-12 else dt)
    row[50] = exp(rlb__INaL__mL * dt)
    row[51] = rla__INaL__mL * (expm1(rlb__INaL__mL * dt) / rlb__INaL__mL if fabs(rlb__INaL__mL) > 1e-12 else dt)
    row[52] = exp(rlb__INaL__hL * dt)
    row[53] = rla__INaL__hL * (expm1(rlb__INaL__hL * dt) / rlb__INaL__hL if fabs(rlb__INaL__hL) > 1e-12 else dt)
    row[54] = exp(rlb__INaL__hLp * dt)
    row[55] = rla__INaL__hLp * (expm1(rlb__INaL__hLp * dt) / rlb__INaL__hLp if fabs(rlb__INaL__hLp) > 1e-12 else dt)
    row[56] = exp(rlb__Ito__a * dt)
    row[57] = rla__Ito__a * (expm1(rlb__Ito__a * dt) / rlb__Ito__a if fabs(rlb__Ito__a) > 1e-12 else dt)
    row[58] = exp(rlb__Ito__iF * dt)
    row[59] = rla__Ito__iF * (expm1(rlb__Ito__iF * dt) / rlb__Ito__iF if fabs(rlb__Ito__iF) > 1e-12 else dt)
    row[60] = exp(rlb__Ito__iS * dt)
    row[61] = rla__Ito__iS * (expm1(rlb__Ito__iS * dt) / rlb__Ito__iS if fabs(rlb__Ito__iS) > 1e-12 else dt)
    row[62] = exp(rlb__Ito__ap * dt)
    row[63] = rla__Ito__ap * (expm1(rlb__Ito__ap * dt) / rlb__Ito__ap if fabs(rlb__Ito__ap) > 1e-12 else dt)
    row[64] = exp(rlb__Ito__iFp * dt)
    row[65] = rla__Ito__iFp * (expm1(rlb__Ito__iFp * dt) / rlb__Ito__iFp if fabs(rlb__Ito__iFp) > 1e-12 else dt)
    row[66] = exp(rlb__Ito__iSp * dt)
    row[67] = rla__Ito__iSp * (expm1(rlb__Ito__iSp * dt) / rlb__Ito__iSp if fabs(rlb__Ito__iSp) > 1e-12 else dt)
    row[68] = exp(rlb__ICaL__d * dt)
    row[69] = rla__ICaL__d * (expm1(rlb__ICaL__d * dt) / rlb__ICaL__d if fabs(rlb__ICaL__d) > 1e-12 else dt)
    row[70] = exp(rlb__ICaL__ff * dt)
    row[71] = rla__ICaL__ff * (expm1(rlb__ICaL__ff * dt) / rlb__ICaL__ff if fabs(rlb__ICaL__ff) > 1e-12 else dt)
    row[72] = exp(rlb__ICaL__fs * dt)
    row[73] = rla__ICaL__fs * (expm1(rlb__ICaL__fs * dt) / rlb__ICaL__fs if fabs(rlb__ICaL__fs) > 1e-12 else dt)
    row[74] = exp(rlb__ICaL__fcaf * dt)
    row[75] = rla__ICaL__fcaf * (expm1(rlb__ICaL__fcaf * dt) / rlb__ICaL__fcaf if fabs(rlb__ICaL__fcaf) > 1e-12 else dt)
    row[76] = exp(rlb__ICaL__fcas * dt)
    row[77] = rla__ICaL__fcas * (expm1(rlb__ICaL__fcas * dt) / rlb__ICaL__fcas if fabs(rlb__ICaL__fcas) > 1e-12 else dt)
    row[78] = exp(rlb__ICaL__jca * dt)
    row[79] = rla__ICaL__jca * (expm1(rlb__ICaL__jca * dt) / rlb__ICaL__jca if fabs(rlb__ICaL__jca) > 1e-12 else dt)
    row[80] = exp(rlb__ICaL__ffp * dt)
    row[81] = rla__ICaL__ffp * (expm1(rlb__ICaL__ffp * dt) / rlb__ICaL__ffp if fabs(rlb__ICaL__ffp) > 1e-12 else dt)
    row[82] = exp(rlb__ICaL__fcafp * dt)
    row[83] = rla__ICaL__fcafp * (expm1(rlb__ICaL__fcafp * dt) / rlb__ICaL__fcafp if fabs(rlb__ICaL__fcafp) > 1e-12 else dt)
    row[84] = exp(rlb__IKr__xrf * dt)
    row[85] = rla__IKr__xrf * (expm1(rlb__IKr__xrf * dt) / rlb__IKr__xrf if fabs(rlb__IKr__xrf) > 1e-12 else dt)
    row[86] = exp(rlb__IKr__xrs * dt)
    row[87] = rla__IKr__xrs * (expm1(rlb__IKr__xrs * dt) / rlb__IKr__xrs if fabs(rlb__IKr__xrs) > 1e-12 else dt)
    row[88] = exp(rlb__IKs__xs1 * dt)
    row[89] = rla__IKs__xs1 * (expm1(rlb__IKs__xs1 * dt) / rlb__IKs__xs1 if fabs(rlb__IKs__xs1) > 1e-12 else dt)
    row[90] = exp(rlb__IKs__xs2 * dt)
    row[91] = rla__IKs__xs2 * (expm1(rlb__IKs__xs2 * dt) / rlb__IKs__xs2 if fabs(rlb__IKs__xs2) > 1e-12 else dt)
    row[92] = exp(rlb__IK1__xk1 * dt)
    row[93] = rla__IK1__xk1 * (expm1(rlb__IK1__xk1 * dt) / rlb__IK1__xk1 if fabs(rlb__IK1__xk1) > 1e-12 else dt)


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
    cdef double IKr__xrf = s[34 * n + c]
    cdef double IKr__xrs = s[35 * n + c]
    cdef double IKs__xs1 = s[36 * n + c]
    cdef double IKs__xs2 = s[37 * n + c]
    cdef double IK1__xk1 = s[38 * n + c]
    cdef double ryr__Jrelnp = s[39 * n + c]
    cdef double ryr__Jrelp = s[40 * n + c]
    cdef double cardiotwin_parameters__gNa = p[0 * n + c]
    cdef double cardiotwin_parameters__gNaL = p[1 * n + c]
    cdef double cardiotwin_parameters__PCa = p[2 * n + c]
    cdef double cardiotwin_parameters__gto = p[3 * n + c]
    cdef double cardiotwin_parameters__gKr = p[4 * n + c]
    cdef double cardiotwin_parameters__gKs = p[5 * n + c]
    cdef double cardiotwin_parameters__gK1 = p[6 * n + c]
    cdef double cardiotwin_parameters__gNaCa = p[7 * n + c]
    cdef double cardiotwin_parameters__gNaK = p[8 * n + c]
    cdef double INa__GNa = (75.0 * cardiotwin_parameters__gNa)
    cdef double CaMK__CaMKb = (0.05 * (1.0 - CaMK__CaMKt) / (1.0 + (0.0015 / intracellular_ions__cass)))
    cdef double CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt
    cdef double INa__fINap = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)))
    cdef double INa__h = (0.99 * INa__hf) + (0.010000000000000009 * INa__hs)
    cdef double INa__hp = (0.99 * INa__hf) + (0.010000000000000009 * INa__hsp)
    cdef double reversal_potentials__ENa = (26.712338705498265 * log((140.0 / intracellular_ions__nai)))
    cdef double INa__INa = (INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * (((1.0 - INa__fINap) * INa__h * INa__j) + (INa__fINap * INa__hp * INa__jp)))
    cdef double INaL__GNaL = (((0.0075 * cardiotwin_parameters__gNaL)) if (variant == 0 or variant == 2) else ((0.0045 * cardiotwin_parameters__gNaL)))
    cdef double INaL__fINaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)))
    cdef double INaL__INaL = (INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * (((1.0 - INaL__fINaLp) * INaL__hL) + (INaL__fINaLp * INaL__hLp)))
    cdef double ICaL__PCa = (((0.0001 * cardiotwin_parameters__PCa)) if (variant == 0) else (((0.00012 * cardiotwin_parameters__PCa)) if (variant == 1) else ((0.00025 * cardiotwin_parameters__PCa))))
    cdef double ICaL__PCap = (1.1 * ICaL__PCa)
    cdef double membrane__vffrt = (3612.0012202503353 * membrane__v)
    cdef double membrane__vfrt = (0.037435883507802616 * membrane__v)
    cdef double ICaL__PhiCaL = (4.0 * membrane__vffrt * ((intracellular_ions__cass * exp((2.0 * membrane__vfrt))) - 0.6138) / (exp((2.0 * membrane__vfrt)) - 1.0))
    cdef double ICaL__f = (0.6 * ICaL__ff) + (0.4 * ICaL__fs)
    cdef double ICaL__fICaLp = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)))
    cdef double ICaL__Afcaf = 0.3 + (0.6 / (1.0 + exp((0.1 * (membrane__v - 10.0)))))
    cdef double ICaL__Afcas = 1.0 - ICaL__Afcaf
    cdef double ICaL__fca = (ICaL__Afcaf * ICaL__fcaf) + (ICaL__Afcas * ICaL__fcas)
    cdef double ICaL__fcap = (ICaL__Afcaf * ICaL__fcafp) + (ICaL__Afcas * ICaL__fcas)
    cdef double ICaL__fp = (0.6 * ICaL__ffp) + (0.4 * ICaL__fs)
    cdef double ICaL__ICaL = ((1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)))
    cdef double Ito__Gto = (((0.02 * cardiotwin_parameters__gto)) if (variant == 0) else ((0.08 * cardiotwin_parameters__gto)))
    cdef double Ito__fItop = (1.0 / (1.0 + (0.15 / CaMK__CaMKa)))
    cdef double Ito__AiF = (1.0 / (1.0 + exp((0.006613756613756614 * (membrane__v - 213.6)))))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double Ito__i = (Ito__AiF * Ito__iF) + (Ito__AiS * Ito__iS)
    cdef double Ito__ip = (Ito__AiF * Ito__iFp) + (Ito__AiS * Ito__iSp)
    cdef double reversal_potentials__EK = (26.712338705498265 * log((5.4 / intracellular_ions__ki)))
    cdef double Ito__Ito = (Ito__Gto * (membrane__v - reversal_potentials__EK) * (((1.0 - Ito__fItop) * Ito__a * Ito__i) + (Ito__fItop * Ito__ap * Ito__ip)))
    cdef double IKr__GKr_total = (((0.046 * cardiotwin_parameters__gKr)) if (variant == 0) else (((0.0598 * cardiotwin_parameters__gKr)) if (variant == 1) else ((0.0368 * cardiotwin_parameters__gKr))))
    cdef double IKr__rkr = (1.0 / ((1.0 + exp((0.013333333333333334 * (membrane__v + 55.0)))) * (1.0 + exp((0.03333333333333333 * (membrane__v - 10.0))))))
    cdef double IKr__Axrf = (1.0 / (1.0 + exp((0.02617115938236064 * (membrane__v + 54.81)))))
    cdef double IKr__Axrs = 1.0 - IKr__Axrf
    cdef double IKr__xr = (IKr__Axrf * IKr__xrf) + (IKr__Axrs * IKr__xrs)
    cdef double IKr__IKr = (IKr__GKr_total * IKr__xr * IKr__rkr * (membrane__v - reversal_potentials__EK))
    cdef double IKs__KsCa = 1.0 + (0.6 / (1.0 + pow(((3.8e-05 / intracellular_ions__cai)), 1.4)))
    cdef double IKs__GKs_total = (((0.0034 * cardiotwin_parameters__gKs * IKs__KsCa)) if (variant == 0 or variant == 2) else ((0.0047599999999999995 * cardiotwin_parameters__gKs * IKs__KsCa)))
    cdef double reversal_potentials__EKs = (26.712338705498265 * log((7.966200000000001 / (intracellular_ions__ki + (0.01833 * intracellular_ions__nai)))))
    cdef double IKs__IKs = (IKs__GKs_total * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs))
    cdef double IK1__GK1_total = (((0.44337913347382507 * cardiotwin_parameters__gK1)) if (variant == 0) else (((0.5320549601685901 * cardiotwin_parameters__gK1)) if (variant == 1) else ((0.5763928735159727 * cardiotwin_parameters__gK1))))
    cdef double IK1__rk1 = (1.0 / (1.0 + exp((0.10534077741493732 * (membrane__v + 105.8 - 14.040000000000001)))))
    cdef double IK1__IK1 = (IK1__GK1_total * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK))
    cdef double INaCa_i__Gncx_b = (0.0008 * cardiotwin_parameters__gNaCa)
    cdef double INaCa_i__Gncx = ((((1.1 * INaCa_i__Gncx_b) if (0.0 == 1.0) else ((1.4 * INaCa_i__Gncx_b) if (0.0 == 2.0) else INaCa_i__Gncx_b))) if (variant == 0) else ((((1.1 * INaCa_i__Gncx_b) if (1.0 == 1.0) else ((1.4 * INaCa_i__Gncx_b) if (1.0 == 2.0) else INaCa_i__Gncx_b))) if (variant == 1) else (((1.1 * INaCa_i__Gncx_b) if (2.0 == 1.0) else ((1.4 * INaCa_i__Gncx_b) if (2.0 == 2.0) else INaCa_i__Gncx_b)))))
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
    cdef double INaK__Pnak = ((((0.9 * INaK__Pnak_b) if (0.0 == 1.0) else ((0.7 * INaK__Pnak_b) if (0.0 == 2.0) else INaK__Pnak_b))) if (variant == 0) else ((((0.9 * INaK__Pnak_b) if (1.0 == 1.0) else ((0.7 * INaK__Pnak_b) if (1.0 == 2.0) else INaK__Pnak_b))) if (variant == 1) else (((0.9 * INaK__Pnak_b) if (2.0 == 1.0) else ((0.7 * INaK__Pnak_b) if (2.0 == 2.0) else INaK__Pnak_b)))))
    cdef double INaK__INaK = (INaK__Pnak * ((INaK__JnakNa) + (INaK__JnakK)))
    cdef double ICaL__PCaK = (0.0003574 * ICaL__PCa)
    cdef double ICaL__PCaKp = (0.0003574 * ICaL__PCap)
    cdef double ICaL__PhiCaK = (membrane__vffrt * ((0.75 * intracellular_ions__kss * exp((membrane__vfrt))) - 4.050000000000001) / (exp((membrane__vfrt)) - 1.0))
    cdef double ICaL__ICaK = ((1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)))
    cdef double ICaL__PCaNa = (0.00125 * ICaL__PCa)
    cdef double ICaL__PCaNap = (0.00125 * ICaL__PCap)
    cdef double ICaL__PhiCaNa = (membrane__vffrt * ((0.75 * intracellular_ions__nass * exp((membrane__vfrt))) - 105.0) / (exp((membrane__vfrt)) - 1.0))
    cdef double ICaL__ICaNa = ((1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * ((ICaL__f * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fca * ICaL__nca))) + (ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * ((ICaL__fp * (1.0 - ICaL__nca)) + (ICaL__jca * ICaL__fcap * ICaL__nca)))
    cdef double ICab__ICab = (1e-07 * membrane__vffrt * ((intracellular_ions__cai * exp((2.0 * membrane__vfrt))) - 0.6138) / (exp((2.0 * membrane__vfrt)) - 1.0))
    cdef double IKb__xkb = (1.0 / (1.0 + exp((0.05452562704471101 * (-(membrane__v - 14.48))))))
    cdef double IKb__IKb = (((0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK))) if (variant == 0 or variant == 2) else ((0.0018 * IKb__xkb * (membrane__v - reversal_potentials__EK))))
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
    cdef double INab__INab = (3.75e-10 * membrane__vffrt * ((intracellular_ions__nai * exp(membrane__vfrt)) - 140.0) / (exp(membrane__vfrt) - 1.0))
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


include "ionic_api.pxi"
