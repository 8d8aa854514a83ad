# cython: language_level=3
# cardiotwin ionic kernel 'ord-epi': GENERATED CODE, do not edit by hand.
#
# Generated from: ohara_rudy_2011_endo.cellml (sha256 c615fd645a9f68af)
# O'Hara T, Virag L, Varro A, Rudy Y (2011). PLoS Comput Biol 7:e1002061; Epicardial cell by the paper's scalings (celltype = 1).
# Changed before generation: environment.celltype = 1.
# Generator: cardiotwin.ionic.codegen version 1.
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
# Lookup-table entries (depend on V only; step_lut): 88

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport rush_larsen_ab
from pacing cimport blocktrain_fraction

MODEL_NAME = 'ord-epi'
STATE_NAMES = ('membrane.v', 'CaMK.CaMKt', 'intracellular_ions.nai', 'intracellular_ions.nass', 'intracellular_ions.ki', 'intracellular_ions.kss', 'intracellular_ions.cass', 'intracellular_ions.cansr', 'intracellular_ions.cajsr', 'intracellular_ions.cai', 'INa.m', 'INa.hf', 'INa.hs', 'INa.j', 'INa.hsp', 'INa.jp', 'INaL.mL', 'INaL.hL', 'INaL.hLp', 'Ito.a', 'Ito.iF', 'Ito.iS', 'Ito.ap', 'Ito.iFp', 'Ito.iSp', 'ICaL.d', 'ICaL.ff', 'ICaL.fs', 'ICaL.fcaf', 'ICaL.fcas', 'ICaL.jca', 'ICaL.ffp', 'ICaL.fcafp', 'ICaL.nca', 'IKr.xrf', 'IKr.xrs', 'IKs.xs1', 'IKs.xs2', 'IK1.xk1', 'ryr.Jrelnp', 'ryr.Jrelp')
STATE_UNITS = ('mV', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', 'mM', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1')
INITIAL_STATES = (-87.0, 0.0, 7.0, 7.0, 145.0, 145.0, 0.0001, 1.2, 1.2, 0.0001, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0)
PARAM_NAMES = ('gNa', 'gNaL', 'PCa', 'gto', 'gKr', 'gKs', 'gK1', 'gNaCa', 'gNaK')
PARAM_UNITS = ('1', '1', '1', '1', '1', '1', '1', '1', '1')
PARAM_DEFAULTS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
PARAM_KINDS = ('scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale')
PARAM_TARGETS = ('INa.GNa', 'INaL.GNaL', 'ICaL.PCa', 'Ito.Gto', 'IKr.GKr_total', 'IKs.GKs_total', 'IK1.GK1_total', 'INaCa_i.Gncx_b', 'INaK.Pnak_b')
RUSH_LARSEN_STATES = ('INa.m', 'INa.hf', 'INa.hs', 'INa.j', 'INa.hsp', 'INa.jp', 'INaL.mL', 'INaL.hL', 'INaL.hLp', 'Ito.a', 'Ito.iF', 'Ito.iS', 'Ito.ap', 'Ito.iFp', 'Ito.iSp', 'ICaL.d', 'ICaL.ff', 'ICaL.fs', 'ICaL.fcaf', 'ICaL.fcas', 'ICaL.jca', 'ICaL.ffp', 'ICaL.fcafp', 'ICaL.nca', 'IKr.xrf', 'IKr.xrs', 'IKs.xs1', 'IKs.xs2', 'IK1.xk1', 'ryr.Jrelnp', 'ryr.Jrelp')
FORWARD_EULER_STATES = ('membrane.v', 'CaMK.CaMKt', 'intracellular_ions.nai', 'intracellular_ions.nass', 'intracellular_ions.ki', 'intracellular_ions.kss', 'intracellular_ions.cass', 'intracellular_ions.cansr', 'intracellular_ions.cajsr', 'intracellular_ions.cai')
BACKWARD_EULER_STATES = ()
CURRENT_NAMES = ('INa', 'INaL', 'ICaL', 'Ito', 'IKr', 'IKs', 'IK1', 'INaCa', 'INaK', 'Cai', 'I_ion')
CURRENT_UNITS = ('A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'mM', 'uA/uF')
CURRENT_SOURCES = ('INa.INa', 'INaL.INaL', 'ICaL.ICaL', 'Ito.Ito', 'IKr.IKr', 'IKs.IKs', 'IK1.IK1', 'INaCa_i.INaCa_i', 'INaK.INaK', 'intracellular_ions.cai', '-dV/dt at i_stim=0')
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-80.0, 0.5)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('membrane__vffrt', 'membrane__vfrt', 'ICaL__Afcaf', 'ICaL__Afcas', 'IK1__rk1', 'IKb__xkb', 'IKr__rkr', 'IKr__Axrf', 'IKr__Axrs', 'INaCa_i__hna', 'INaCa_i__k3pp_i', 'INaCa_i__k3_i', 'INaCa_i__hca', 'INaCa_i__k8_i', 'INaCa_i__k3pp_ss', 'INaCa_i__k3_ss', 'INaCa_i__k8_ss', 'INaK__Knai', 'INaK__b2', 'INaK__a3', 'Ito__AiF', 'Ito__AiS', 'INa__mss', 'INa__tm', 'INa__hss', 'INa__thf', 'INa__ths', 'INa__jss', 'INa__tj', 'INa__hssp', 'INa__thsp', 'INa__tjp', 'INaL__mLss', 'INaL__tmL', 'INaL__hLss', 'INaL__hLssp', 'Ito__ass', 'Ito__ta', 'Ito__iss', 'Ito__tiF', 'Ito__tiS', 'Ito__assp', 'Ito__tiFp', 'Ito__tiSp', 'ICaL__dss', 'ICaL__td', 'ICaL__fss', 'ICaL__tff', 'ICaL__tfs', 'ICaL__fcass', 'ICaL__tfcaf', 'ICaL__tfcas', 'ICaL__tffp', 'ICaL__tfcafp', 'IKr__txrf', 'IKr__xrss', 'IKr__txrs', 'IKs__txs1', 'IKs__xs1ss', 'IKs__txs2', 'IKs__xs2ss', 'IK1__txk1', 'IK1__xk1ss', 'rlfactor__INa__m', 'rlfactor__INa__hf', 'rlfactor__INa__hs', 'rlfactor__INa__j', 'rlfactor__INa__hsp', 'rlfactor__INa__jp', 'rlfactor__INaL__mL', 'rlfactor__Ito__a', 'rlfactor__Ito__iF', 'rlfactor__Ito__iS', 'rlfactor__Ito__ap', 'rlfactor__Ito__iFp', 'rlfactor__Ito__iSp', 'rlfactor__ICaL__d', 'rlfactor__ICaL__ff', 'rlfactor__ICaL__fs', 'rlfactor__ICaL__fcaf', 'rlfactor__ICaL__fcas', 'rlfactor__ICaL__ffp', 'rlfactor__ICaL__fcafp', 'rlfactor__IKr__xrf', 'rlfactor__IKr__xrs', 'rlfactor__IKs__xs1', 'rlfactor__IKs__xs2', 'rlfactor__IK1__xk1')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
cdef Py_ssize_t N_STATES_C = 41
cdef Py_ssize_t N_LUT_C = 88
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)

cdef inline void _cell_step(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, double t, double dt) noexcept nogil:
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
    cdef double ICaL__PCa = cardiotwin_parameters__PCa * (0.0001 * 1.2 if (1.0 == 1.0) else (0.0001 * 2.5 if (1.0 == 2.0) else 0.0001))
    cdef double ICaL__PCaK = 0.0003574 * ICaL__PCa
    cdef double ICaL__PCap = 1.1 * ICaL__PCa
    cdef double ICaL__PCaKp = 0.0003574 * ICaL__PCap
    cdef double membrane__vffrt = membrane__v * 96485.0 * 96485.0 / (8314.0 * 310.0)
    cdef double membrane__vfrt = membrane__v * 96485.0 / (8314.0 * 310.0)
    cdef double ICaL__PhiCaK = 1.0 * membrane__vffrt * (0.75 * intracellular_ions__kss * exp(1.0 * membrane__vfrt) - 0.75 * 5.4) / (exp(1.0 * membrane__vfrt) - 1.0)
    cdef double ICaL__f = 0.6 * ICaL__ff + 0.4 * ICaL__fs
    cdef double CaMK__CaMKb = 0.05 * (1.0 - CaMK__CaMKt) / (1.0 + 0.0015 / intracellular_ions__cass)
    cdef double CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt
    cdef double ICaL__fICaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double ICaL__Afcaf = 0.3 + 0.6 / (1.0 + exp((membrane__v - 10.0) / 10.0))
    cdef double ICaL__Afcas = 1.0 - ICaL__Afcaf
    cdef double ICaL__fca = ICaL__Afcaf * ICaL__fcaf + ICaL__Afcas * ICaL__fcas
    cdef double ICaL__fcap = ICaL__Afcaf * ICaL__fcafp + ICaL__Afcas * ICaL__fcas
    cdef double ICaL__fp = 0.6 * ICaL__ffp + 0.4 * ICaL__fs
    cdef double ICaL__ICaK = (1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICaL__PhiCaL = 4.0 * membrane__vffrt * (intracellular_ions__cass * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / (exp(2.0 * membrane__vfrt) - 1.0)
    cdef double ICaL__ICaL = (1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICaL__PCaNa = 0.00125 * ICaL__PCa
    cdef double ICaL__PCaNap = 0.00125 * ICaL__PCap
    cdef double ICaL__PhiCaNa = 1.0 * membrane__vffrt * (0.75 * intracellular_ions__nass * exp(1.0 * membrane__vfrt) - 0.75 * 140.0) / (exp(1.0 * membrane__vfrt) - 1.0)
    cdef double ICaL__ICaNa = (1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICab__ICab = 2.5e-08 * 4.0 * membrane__vffrt * (intracellular_ions__cai * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / (exp(2.0 * membrane__vfrt) - 1.0)
    cdef double IK1__GK1_total = cardiotwin_parameters__gK1 * (0.22896 * sqrt(5.4))
    cdef double IK1__rk1 = 1.0 / (1.0 + exp((membrane__v + 105.8 - 2.6 * 5.4) / 9.493))
    cdef double reversal_potentials__EK = 8314.0 * 310.0 / 96485.0 * log(5.4 / intracellular_ions__ki)
    cdef double IK1__IK1 = IK1__GK1_total * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK)
    cdef double IKb__xkb = 1.0 / (1.0 + exp(-(membrane__v - 14.48) / 18.34))
    cdef double IKb__IKb = 0.0018 * IKb__xkb * (membrane__v - reversal_potentials__EK)
    cdef double IKr__GKr_total = cardiotwin_parameters__gKr * (0.0598 * sqrt(5.4 / 5.4))
    cdef double IKr__rkr = 1.0 / (1.0 + exp((membrane__v + 55.0) / 75.0)) * 1.0 / (1.0 + exp((membrane__v - 10.0) / 30.0))
    cdef double IKr__Axrf = 1.0 / (1.0 + exp((membrane__v + 54.81) / 38.21))
    cdef double IKr__Axrs = 1.0 - IKr__Axrf
    cdef double IKr__xr = IKr__Axrf * IKr__xrf + IKr__Axrs * IKr__xrs
    cdef double IKr__IKr = IKr__GKr_total * IKr__xr * IKr__rkr * (membrane__v - reversal_potentials__EK)
    cdef double IKs__KsCa = 1.0 + 0.6 / (1.0 + pow((3.8e-05 / intracellular_ions__cai), 1.4))
    cdef double IKs__GKs_total = cardiotwin_parameters__gKs * (0.0047599999999999995 * IKs__KsCa)
    cdef double reversal_potentials__EKs = 8314.0 * 310.0 / 96485.0 * log((5.4 + 0.01833 * 140.0) / (intracellular_ions__ki + 0.01833 * intracellular_ions__nai))
    cdef double IKs__IKs = IKs__GKs_total * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs)
    cdef double INa__GNa = cardiotwin_parameters__gNa * 75.0
    cdef double INa__fINap = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double INa__h = 0.99 * INa__hf + 0.010000000000000009 * INa__hs
    cdef double INa__hp = 0.99 * INa__hf + 0.010000000000000009 * INa__hsp
    cdef double reversal_potentials__ENa = 8314.0 * 310.0 / 96485.0 * log(140.0 / intracellular_ions__nai)
    cdef double INa__INa = INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * ((1.0 - INa__fINap) * INa__h * INa__j + INa__fINap * INa__hp * INa__jp)
    cdef double INaCa_i__Gncx_b = cardiotwin_parameters__gNaCa * 0.0008
    cdef double INaCa_i__Gncx = (INaCa_i__Gncx_b * 1.1 if (1.0 == 1.0) else (INaCa_i__Gncx_b * 1.4 if (1.0 == 2.0) else INaCa_i__Gncx_b))
    cdef double INaCa_i__hna = exp(0.5224 * membrane__v * 96485.0 / (8314.0 * 310.0))
    cdef double INaCa_i__h7_i = 1.0 + 140.0 / 88.12 * (1.0 + 1.0 / INaCa_i__hna)
    cdef double INaCa_i__h9_i = 1.0 / INaCa_i__h7_i
    cdef double INaCa_i__k3p_i = INaCa_i__h9_i * 60000.0
    cdef double INaCa_i__h8_i = 140.0 / (88.12 * INaCa_i__hna * INaCa_i__h7_i)
    cdef double INaCa_i__k3pp_i = INaCa_i__h8_i * 5000.0
    cdef double INaCa_i__k3_i = INaCa_i__k3p_i + INaCa_i__k3pp_i
    cdef double INaCa_i__h1_i = 1.0 + intracellular_ions__nai / 88.12 * (1.0 + INaCa_i__hna)
    cdef double INaCa_i__h3_i = 1.0 / INaCa_i__h1_i
    cdef double INaCa_i__hca = exp(0.167 * membrane__v * 96485.0 / (8314.0 * 310.0))
    cdef double INaCa_i__k4p_i = INaCa_i__h3_i * 60000.0 / INaCa_i__hca
    cdef double INaCa_i__h2_i = intracellular_ions__nai * INaCa_i__hna / (88.12 * INaCa_i__h1_i)
    cdef double INaCa_i__k4pp_i = INaCa_i__h2_i * 5000.0
    cdef double INaCa_i__k4_i = INaCa_i__k4p_i + INaCa_i__k4pp_i
    cdef double INaCa_i__h4_i = 1.0 + intracellular_ions__nai / 15.0 * (1.0 + intracellular_ions__nai / 5.0)
    cdef double INaCa_i__h6_i = 1.0 / INaCa_i__h4_i
    cdef double INaCa_i__k6_i = INaCa_i__h6_i * intracellular_ions__cai * 1500000.0
    cdef double INaCa_i__h5_i = intracellular_ions__nai * intracellular_ions__nai / (INaCa_i__h4_i * 15.0 * 5.0)
    cdef double INaCa_i__k7_i = INaCa_i__h5_i * INaCa_i__h2_i * 60000.0
    cdef double INaCa_i__x1_i = 5000.0 * INaCa_i__k4_i * (INaCa_i__k7_i + INaCa_i__k6_i) + 5000.0 * INaCa_i__k7_i * (5000.0 + INaCa_i__k3_i)
    cdef double INaCa_i__k8_i = INaCa_i__h8_i * 0.9196480938416423 * 60000.0
    cdef double INaCa_i__x2_i = 9501.466275659823 * INaCa_i__k7_i * (INaCa_i__k4_i + 5000.0) + INaCa_i__k4_i * INaCa_i__k6_i * (9501.466275659823 + INaCa_i__k8_i)
    cdef double INaCa_i__x3_i = 9501.466275659823 * INaCa_i__k3_i * (INaCa_i__k7_i + INaCa_i__k6_i) + INaCa_i__k8_i * INaCa_i__k6_i * (5000.0 + INaCa_i__k3_i)
    cdef double INaCa_i__x4_i = 5000.0 * INaCa_i__k8_i * (INaCa_i__k4_i + 5000.0) + INaCa_i__k3_i * 5000.0 * (9501.466275659823 + INaCa_i__k8_i)
    cdef double INaCa_i__E1_i = INaCa_i__x1_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    cdef double INaCa_i__E2_i = INaCa_i__x2_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    cdef double INaCa_i__JncxCa_i = INaCa_i__E2_i * 5000.0 - INaCa_i__E1_i * 9501.466275659823
    cdef double INaCa_i__E3_i = INaCa_i__x3_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    cdef double INaCa_i__E4_i = INaCa_i__x4_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    cdef double INaCa_i__JncxNa_i = 3.0 * (INaCa_i__E4_i * INaCa_i__k7_i - INaCa_i__E1_i * INaCa_i__k8_i) + INaCa_i__E3_i * INaCa_i__k4pp_i - INaCa_i__E2_i * INaCa_i__k3pp_i
    cdef double INaCa_i__allo_i = 1.0 / (1.0 + ((0.00015 / intracellular_ions__cai) * (0.00015 / intracellular_ions__cai)))
    cdef double INaCa_i__INaCa_i = 0.8 * INaCa_i__Gncx * INaCa_i__allo_i * (1.0 * INaCa_i__JncxNa_i + 2.0 * INaCa_i__JncxCa_i)
    cdef double INaCa_i__h7_ss = 1.0 + 140.0 / 88.12 * (1.0 + 1.0 / INaCa_i__hna)
    cdef double INaCa_i__h9_ss = 1.0 / INaCa_i__h7_ss
    cdef double INaCa_i__k3p_ss = INaCa_i__h9_ss * 60000.0
    cdef double INaCa_i__h8_ss = 140.0 / (88.12 * INaCa_i__hna * INaCa_i__h7_ss)
    cdef double INaCa_i__k3pp_ss = INaCa_i__h8_ss * 5000.0
    cdef double INaCa_i__k3_ss = INaCa_i__k3p_ss + INaCa_i__k3pp_ss
    cdef double INaCa_i__h1_ss = 1.0 + intracellular_ions__nass / 88.12 * (1.0 + INaCa_i__hna)
    cdef double INaCa_i__h3_ss = 1.0 / INaCa_i__h1_ss
    cdef double INaCa_i__k4p_ss = INaCa_i__h3_ss * 60000.0 / INaCa_i__hca
    cdef double INaCa_i__h2_ss = intracellular_ions__nass * INaCa_i__hna / (88.12 * INaCa_i__h1_ss)
    cdef double INaCa_i__k4pp_ss = INaCa_i__h2_ss * 5000.0
    cdef double INaCa_i__k4_ss = INaCa_i__k4p_ss + INaCa_i__k4pp_ss
    cdef double INaCa_i__h4_ss = 1.0 + intracellular_ions__nass / 15.0 * (1.0 + intracellular_ions__nass / 5.0)
    cdef double INaCa_i__h6_ss = 1.0 / INaCa_i__h4_ss
    cdef double INaCa_i__k6_ss = INaCa_i__h6_ss * intracellular_ions__cass * 1500000.0
    cdef double INaCa_i__h5_ss = intracellular_ions__nass * intracellular_ions__nass / (INaCa_i__h4_ss * 15.0 * 5.0)
    cdef double INaCa_i__k7_ss = INaCa_i__h5_ss * INaCa_i__h2_ss * 60000.0
    cdef double INaCa_i__x1_ss = 5000.0 * INaCa_i__k4_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss) + 5000.0 * INaCa_i__k7_ss * (5000.0 + INaCa_i__k3_ss)
    cdef double INaCa_i__k8_ss = INaCa_i__h8_ss * 0.9196480938416423 * 60000.0
    cdef double INaCa_i__x2_ss = 9501.466275659823 * INaCa_i__k7_ss * (INaCa_i__k4_ss + 5000.0) + INaCa_i__k4_ss * INaCa_i__k6_ss * (9501.466275659823 + INaCa_i__k8_ss)
    cdef double INaCa_i__x3_ss = 9501.466275659823 * INaCa_i__k3_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss) + INaCa_i__k8_ss * INaCa_i__k6_ss * (5000.0 + INaCa_i__k3_ss)
    cdef double INaCa_i__x4_ss = 5000.0 * INaCa_i__k8_ss * (INaCa_i__k4_ss + 5000.0) + INaCa_i__k3_ss * 5000.0 * (9501.466275659823 + INaCa_i__k8_ss)
    cdef double INaCa_i__E1_ss = INaCa_i__x1_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    cdef double INaCa_i__E2_ss = INaCa_i__x2_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    cdef double INaCa_i__JncxCa_ss = INaCa_i__E2_ss * 5000.0 - INaCa_i__E1_ss * 9501.466275659823
    cdef double INaCa_i__E3_ss = INaCa_i__x3_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    cdef double INaCa_i__E4_ss = INaCa_i__x4_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    cdef double INaCa_i__JncxNa_ss = 3.0 * (INaCa_i__E4_ss * INaCa_i__k7_ss - INaCa_i__E1_ss * INaCa_i__k8_ss) + INaCa_i__E3_ss * INaCa_i__k4pp_ss - INaCa_i__E2_ss * INaCa_i__k3pp_ss
    cdef double INaCa_i__allo_ss = 1.0 / (1.0 + ((0.00015 / intracellular_ions__cass) * (0.00015 / intracellular_ions__cass)))
    cdef double INaCa_i__INaCa_ss = 0.2 * INaCa_i__Gncx * INaCa_i__allo_ss * (1.0 * INaCa_i__JncxNa_ss + 2.0 * INaCa_i__JncxCa_ss)
    cdef double INaK__Knai = 9.073 * exp((-0.155) * membrane__v * 96485.0 / (3.0 * 8314.0 * 310.0))
    cdef double INaK__a1 = 949.5 * ((intracellular_ions__nai / INaK__Knai) * (intracellular_ions__nai / INaK__Knai) * (intracellular_ions__nai / INaK__Knai)) / (((1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai)) + ((1.0 + intracellular_ions__ki / 0.5) * (1.0 + intracellular_ions__ki / 0.5)) - 1.0)
    cdef double INaK__Knao = 27.78 * exp((1.0 - (-0.155)) * membrane__v * 96485.0 / (3.0 * 8314.0 * 310.0))
    cdef double INaK__b2 = 39.4 * ((140.0 / INaK__Knao) * (140.0 / INaK__Knao) * (140.0 / INaK__Knao)) / (((1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao)) + ((1.0 + 5.4 / 0.3582) * (1.0 + 5.4 / 0.3582)) - 1.0)
    cdef double INaK__P = 4.2 / (1.0 + 1e-07 / 1.698e-07 + intracellular_ions__nai / 224.0 + intracellular_ions__ki / 292.0)
    cdef double INaK__b3 = 79300.0 * INaK__P * 1e-07 / (1.0 + 9.8 / 1.698e-07)
    cdef double INaK__b4 = 40.0 * ((intracellular_ions__ki / 0.5) * (intracellular_ions__ki / 0.5)) / (((1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai)) + ((1.0 + intracellular_ions__ki / 0.5) * (1.0 + intracellular_ions__ki / 0.5)) - 1.0)
    cdef double INaK__x1 = 638.9999889283472 * INaK__a1 * 687.2 + INaK__b2 * INaK__b4 * INaK__b3 + 687.2 * INaK__b4 * INaK__b3 + INaK__b3 * INaK__a1 * 687.2
    cdef double INaK__a3 = 1899.0 * ((5.4 / 0.3582) * (5.4 / 0.3582)) / (((1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao)) + ((1.0 + 5.4 / 0.3582) * (1.0 + 5.4 / 0.3582)) - 1.0)
    cdef double INaK__x2 = INaK__b2 * 9.120000000000001 * INaK__b4 + INaK__a1 * 687.2 * INaK__a3 + INaK__a3 * 9.120000000000001 * INaK__b4 + 687.2 * INaK__a3 * INaK__b4
    cdef double INaK__x3 = 687.2 * INaK__a3 * 638.9999889283472 + INaK__b3 * INaK__b2 * 9.120000000000001 + INaK__b2 * 9.120000000000001 * 638.9999889283472 + INaK__a3 * 638.9999889283472 * 9.120000000000001
    cdef double INaK__x4 = INaK__b4 * INaK__b3 * INaK__b2 + INaK__a3 * 638.9999889283472 * INaK__a1 + INaK__b2 * 638.9999889283472 * INaK__a1 + INaK__b3 * INaK__b2 * INaK__a1
    cdef double INaK__E3 = INaK__x3 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    cdef double INaK__E4 = INaK__x4 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    cdef double INaK__JnakK = 2.0 * (INaK__E4 * 9.120000000000001 - INaK__E3 * INaK__a1)
    cdef double INaK__E1 = INaK__x1 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    cdef double INaK__E2 = INaK__x2 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    cdef double INaK__JnakNa = 3.0 * (INaK__E1 * INaK__a3 - INaK__E2 * INaK__b3)
    cdef double INaK__Pnak_b = cardiotwin_parameters__gNaK * 30.0
    cdef double INaK__Pnak = (INaK__Pnak_b * 0.9 if (1.0 == 1.0) else (INaK__Pnak_b * 0.7 if (1.0 == 2.0) else INaK__Pnak_b))
    cdef double INaK__INaK = INaK__Pnak * (1.0 * INaK__JnakNa + 1.0 * INaK__JnakK)
    cdef double INaL__GNaL = cardiotwin_parameters__gNaL * (0.0075 * 0.6 if (1.0 == 1.0) else 0.0075)
    cdef double INaL__fINaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double INaL__INaL = INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * ((1.0 - INaL__fINaLp) * INaL__hL + INaL__fINaLp * INaL__hLp)
    cdef double INab__INab = 3.75e-10 * membrane__vffrt * (intracellular_ions__nai * exp(membrane__vfrt) - 140.0) / (exp(membrane__vfrt) - 1.0)
    cdef double IpCa__IpCa = 0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai)
    cdef double Ito__Gto = cardiotwin_parameters__gto * (0.02 * 4.0 if (1.0 == 1.0) else (0.02 * 4.0 if (1.0 == 2.0) else 0.02))
    cdef double Ito__fItop = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double Ito__AiF = 1.0 / (1.0 + exp((membrane__v - 213.6) / 151.2))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double Ito__i = Ito__AiF * Ito__iF + Ito__AiS * Ito__iS
    cdef double Ito__ip = Ito__AiF * Ito__iFp + Ito__AiS * Ito__iSp
    cdef double Ito__Ito = Ito__Gto * (membrane__v - reversal_potentials__EK) * ((1.0 - Ito__fItop) * Ito__a * Ito__i + Ito__fItop * Ito__ap * Ito__ip)
    cdef double dot__membrane__v = -(INa__INa + INaL__INaL + Ito__Ito + ICaL__ICaL + ICaL__ICaNa + ICaL__ICaK + IKr__IKr + IKs__IKs + IK1__IK1 + INaCa_i__INaCa_i + INaCa_i__INaCa_ss + INaK__INaK + INab__INab + IKb__IKb + IpCa__IpCa + ICab__ICab + (-i_stim / (-1.0)))
    cdef double dot__CaMK__CaMKt = 0.05 * CaMK__CaMKb * (CaMK__CaMKb + CaMK__CaMKt) - 0.00068 * CaMK__CaMKt
    cdef double diff__JdiffNa = (intracellular_ions__nass - intracellular_ions__nai) / 2.0
    cdef double dot__intracellular_ions__nai = -(INa__INa + INaL__INaL + 3.0 * INaCa_i__INaCa_i + 3.0 * INaK__INaK + INab__INab) * 0.00015335760000000003 * 1.0 / (96485.0 * 2.583592000000001e-05) + diff__JdiffNa * 7.598800000000002e-07 / 2.583592000000001e-05
    cdef double dot__intracellular_ions__nass = -(ICaL__ICaNa + 3.0 * INaCa_i__INaCa_ss) * 1.0 * 0.00015335760000000003 / (96485.0 * 7.598800000000002e-07) - diff__JdiffNa
    cdef double diff__JdiffK = (intracellular_ions__kss - intracellular_ions__ki) / 2.0
    cdef double dot__intracellular_ions__ki = -(Ito__Ito + IKr__IKr + IKs__IKs + IK1__IK1 + IKb__IKb + (-i_stim / (-1.0)) - 2.0 * INaK__INaK) * 1.0 * 0.00015335760000000003 / (96485.0 * 2.583592000000001e-05) + diff__JdiffK * 7.598800000000002e-07 / 2.583592000000001e-05
    cdef double dot__intracellular_ions__kss = -ICaL__ICaK * 1.0 * 0.00015335760000000003 / (96485.0 * 7.598800000000002e-07) - diff__JdiffK
    cdef double diff__Jdiff = (intracellular_ions__cass - intracellular_ions__cai) / 0.2
    cdef double intracellular_ions__Bcass = 1.0 / (1.0 + 0.047 * 0.00087 / ((0.00087 + intracellular_ions__cass) * (0.00087 + intracellular_ions__cass)) + 1.124 * 0.0087 / ((0.0087 + intracellular_ions__cass) * (0.0087 + intracellular_ions__cass)))
    cdef double ryr__fJrelp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double ryr__Jrel = 1.0 * ((1.0 - ryr__fJrelp) * ryr__Jrelnp + ryr__fJrelp * ryr__Jrelp)
    cdef double dot__intracellular_ions__cass = intracellular_ions__Bcass * (-(ICaL__ICaL - 2.0 * INaCa_i__INaCa_ss) * 1.0 * 0.00015335760000000003 / (2.0 * 96485.0 * 7.598800000000002e-07) + ryr__Jrel * 1.8237120000000002e-07 / 7.598800000000002e-07 - diff__Jdiff)
    cdef double SERCA__Jleak = 0.0039375 * intracellular_ions__cansr / 15.0
    cdef double SERCA__Jupnp = 1.3 * 0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092)
    cdef double SERCA__Jupp = 1.3 * 2.75 * 0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017)
    cdef double SERCA__fJupp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double SERCA__Jup = 1.0 * ((1.0 - SERCA__fJupp) * SERCA__Jupnp + SERCA__fJupp * SERCA__Jupp - SERCA__Jleak)
    cdef double trans_flux__Jtr = (intracellular_ions__cansr - intracellular_ions__cajsr) / 100.0
    cdef double dot__intracellular_ions__cansr = SERCA__Jup - trans_flux__Jtr * 1.8237120000000002e-07 / 2.0972688000000006e-06
    cdef double intracellular_ions__Bcajsr = 1.0 / (1.0 + 10.0 * 0.8 / ((0.8 + intracellular_ions__cajsr) * (0.8 + intracellular_ions__cajsr)))
    cdef double dot__intracellular_ions__cajsr = intracellular_ions__Bcajsr * (trans_flux__Jtr - ryr__Jrel)
    cdef double intracellular_ions__Bcai = 1.0 / (1.0 + 0.065 * 0.00238 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai)) + 0.07 * 0.0005 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))
    cdef double dot__intracellular_ions__cai = intracellular_ions__Bcai * (-(IpCa__IpCa + ICab__ICab - 2.0 * INaCa_i__INaCa_i) * 1.0 * 0.00015335760000000003 / (2.0 * 96485.0 * 2.583592000000001e-05) - SERCA__Jup * 2.0972688000000006e-06 / 2.583592000000001e-05 + diff__Jdiff * 7.598800000000002e-07 / 2.583592000000001e-05)
    cdef double INa__mss = 1.0 / (1.0 + exp(-(membrane__v + 39.57) / 9.871))
    cdef double INa__tm = 1.0 / (6.765 * exp((membrane__v + 11.64) / 34.77) + 8.552 * exp(-(membrane__v + 77.42) / 5.955))
    cdef double dot__INa__m = (INa__mss - INa__m) / INa__tm
    cdef double INa__hss = 1.0 / (1.0 + exp((membrane__v + 82.9) / 6.086))
    cdef double INa__thf = 1.0 / (1.432e-05 * exp(-(membrane__v + 1.196) / 6.285) + 6.149 * exp((membrane__v + 0.5096) / 20.27))
    cdef double dot__INa__hf = (INa__hss - INa__hf) / INa__thf
    cdef double INa__ths = 1.0 / (0.009794 * exp(-(membrane__v + 17.95) / 28.05) + 0.3343 * exp((membrane__v + 5.73) / 56.66))
    cdef double dot__INa__hs = (INa__hss - INa__hs) / INa__ths
    cdef double INa__jss = INa__hss
    cdef double INa__tj = 2.038 + 1.0 / (0.02136 * exp(-(membrane__v + 100.6) / 8.281) + 0.3052 * exp((membrane__v + 0.9941) / 38.45))
    cdef double dot__INa__j = (INa__jss - INa__j) / INa__tj
    cdef double INa__hssp = 1.0 / (1.0 + exp((membrane__v + 89.1) / 6.086))
    cdef double INa__thsp = 3.0 * INa__ths
    cdef double dot__INa__hsp = (INa__hssp - INa__hsp) / INa__thsp
    cdef double INa__tjp = 1.46 * INa__tj
    cdef double dot__INa__jp = (INa__jss - INa__jp) / INa__tjp
    cdef double INaL__mLss = 1.0 / (1.0 + exp(-(membrane__v + 42.85) / 5.264))
    cdef double INaL__tmL = INa__tm
    cdef double dot__INaL__mL = (INaL__mLss - INaL__mL) / INaL__tmL
    cdef double INaL__hLss = 1.0 / (1.0 + exp((membrane__v + 87.61) / 7.488))
    cdef double dot__INaL__hL = (INaL__hLss - INaL__hL) / 200.0
    cdef double INaL__hLssp = 1.0 / (1.0 + exp((membrane__v + 93.81) / 7.488))
    cdef double dot__INaL__hLp = (INaL__hLssp - INaL__hLp) / 600.0
    cdef double Ito__ass = 1.0 / (1.0 + exp(-(membrane__v - 14.34) / 14.82))
    cdef double Ito__ta = 1.0515 / (1.0 / (1.2089 * (1.0 + exp(-(membrane__v - 18.4099) / 29.3814))) + 3.5 / (1.0 + exp((membrane__v + 100.0) / 29.3814)))
    cdef double dot__Ito__a = (Ito__ass - Ito__a) / Ito__ta
    cdef double Ito__iss = 1.0 / (1.0 + exp((membrane__v + 43.94) / 5.711))
    cdef double Ito__delta_epi = (1.0 - 0.95 / (1.0 + exp((membrane__v + 70.0) / 5.0)) if (1.0 == 1.0) else 1.0)
    cdef double Ito__tiF_b = 4.562 + 1.0 / (0.3933 * exp(-(membrane__v + 100.0) / 100.0) + 0.08004 * exp((membrane__v + 50.0) / 16.59))
    cdef double Ito__tiF = Ito__tiF_b * Ito__delta_epi
    cdef double dot__Ito__iF = (Ito__iss - Ito__iF) / Ito__tiF
    cdef double Ito__tiS_b = 23.62 + 1.0 / (0.001416 * exp(-(membrane__v + 96.52) / 59.05) + 1.78e-08 * exp((membrane__v + 114.1) / 8.079))
    cdef double Ito__tiS = Ito__tiS_b * Ito__delta_epi
    cdef double dot__Ito__iS = (Ito__iss - Ito__iS) / Ito__tiS
    cdef double Ito__assp = 1.0 / (1.0 + exp(-(membrane__v - 24.34) / 14.82))
    cdef double dot__Ito__ap = (Ito__assp - Ito__ap) / Ito__ta
    cdef double Ito__dti_develop = 1.354 + 0.0001 / (exp((membrane__v - 167.4) / 15.89) + exp(-(membrane__v - 12.23) / 0.2154))
    cdef double Ito__dti_recover = 1.0 - 0.5 / (1.0 + exp((membrane__v + 70.0) / 20.0))
    cdef double Ito__tiFp = Ito__dti_develop * Ito__dti_recover * Ito__tiF
    cdef double dot__Ito__iFp = (Ito__iss - Ito__iFp) / Ito__tiFp
    cdef double Ito__tiSp = Ito__dti_develop * Ito__dti_recover * Ito__tiS
    cdef double dot__Ito__iSp = (Ito__iss - Ito__iSp) / Ito__tiSp
    cdef double ICaL__dss = 1.0 / (1.0 + exp(-(membrane__v + 3.94) / 4.23))
    cdef double ICaL__td = 0.6 + 1.0 / (exp(-0.05 * (membrane__v + 6.0)) + exp(0.09 * (membrane__v + 14.0)))
    cdef double dot__ICaL__d = (ICaL__dss - ICaL__d) / ICaL__td
    cdef double ICaL__fss = 1.0 / (1.0 + exp((membrane__v + 19.58) / 3.696))
    cdef double ICaL__tff = 7.0 + 1.0 / (0.0045 * exp(-(membrane__v + 20.0) / 10.0) + 0.0045 * exp((membrane__v + 20.0) / 10.0))
    cdef double dot__ICaL__ff = (ICaL__fss - ICaL__ff) / ICaL__tff
    cdef double ICaL__tfs = 1000.0 + 1.0 / (3.5e-05 * exp(-(membrane__v + 5.0) / 4.0) + 3.5e-05 * exp((membrane__v + 5.0) / 6.0))
    cdef double dot__ICaL__fs = (ICaL__fss - ICaL__fs) / ICaL__tfs
    cdef double ICaL__fcass = ICaL__fss
    cdef double ICaL__tfcaf = 7.0 + 1.0 / (0.04 * exp(-(membrane__v - 4.0) / 7.0) + 0.04 * exp((membrane__v - 4.0) / 7.0))
    cdef double dot__ICaL__fcaf = (ICaL__fcass - ICaL__fcaf) / ICaL__tfcaf
    cdef double ICaL__tfcas = 100.0 + 1.0 / (0.00012 * exp(-membrane__v / 3.0) + 0.00012 * exp(membrane__v / 7.0))
    cdef double dot__ICaL__fcas = (ICaL__fcass - ICaL__fcas) / ICaL__tfcas
    cdef double dot__ICaL__jca = (ICaL__fcass - ICaL__jca) / 75.0
    cdef double ICaL__tffp = 2.5 * ICaL__tff
    cdef double dot__ICaL__ffp = (ICaL__fss - ICaL__ffp) / ICaL__tffp
    cdef double ICaL__tfcafp = 2.5 * ICaL__tfcaf
    cdef double dot__ICaL__fcafp = (ICaL__fcass - ICaL__fcafp) / ICaL__tfcafp
    cdef double ICaL__km2n = ICaL__jca * 1.0
    cdef double ICaL__anca = 1.0 / (1000.0 / ICaL__km2n + pow((1.0 + 0.002 / intracellular_ions__cass), 4.0))
    cdef double dot__ICaL__nca = ICaL__anca * 1000.0 - ICaL__nca * ICaL__km2n
    cdef double IKr__txrf = 12.98 + 1.0 / (0.3652 * exp((membrane__v - 31.66) / 3.869) + 4.123e-05 * exp(-(membrane__v - 47.78) / 20.38))
    cdef double IKr__xrss = 1.0 / (1.0 + exp(-(membrane__v + 8.337) / 6.789))
    cdef double dot__IKr__xrf = (IKr__xrss - IKr__xrf) / IKr__txrf
    cdef double IKr__txrs = 1.865 + 1.0 / (0.06629 * exp((membrane__v - 34.7) / 7.355) + 1.128e-05 * exp(-(membrane__v - 29.74) / 25.94))
    cdef double dot__IKr__xrs = (IKr__xrss - IKr__xrs) / IKr__txrs
    cdef double IKs__txs1 = 817.3 + 1.0 / (0.0002326 * exp((membrane__v + 48.28) / 17.8) + 0.001292 * exp(-(membrane__v + 210.0) / 230.0))
    cdef double IKs__xs1ss = 1.0 / (1.0 + exp(-(membrane__v + 11.6) / 8.932))
    cdef double dot__IKs__xs1 = (IKs__xs1ss - IKs__xs1) / IKs__txs1
    cdef double IKs__txs2 = 1.0 / (0.01 * exp((membrane__v - 50.0) / 20.0) + 0.0193 * exp(-(membrane__v + 66.54) / 31.0))
    cdef double IKs__xs2ss = IKs__xs1ss
    cdef double dot__IKs__xs2 = (IKs__xs2ss - IKs__xs2) / IKs__txs2
    cdef double IK1__txk1 = 122.2 / (exp(-(membrane__v + 127.2) / 20.36) + exp((membrane__v + 236.8) / 69.33))
    cdef double IK1__xk1ss = 1.0 / (1.0 + exp(-(membrane__v + 2.5538 * 5.4 + 144.59) / (1.5692 * 5.4 + 3.8115)))
    cdef double dot__IK1__xk1 = (IK1__xk1ss - IK1__xk1) / IK1__txk1
    cdef double ryr__Jrel_inf_temp = 2.375 * -ICaL__ICaL / (1.0 + 1.0 * pow((1.5 / intracellular_ions__cajsr), 8.0))
    cdef double ryr__Jrel_inf = (ryr__Jrel_inf_temp * 1.7 if (1.0 == 2.0) else ryr__Jrel_inf_temp)
    cdef double ryr__tau_rel_temp = 4.75 / (1.0 + 0.0123 / intracellular_ions__cajsr)
    cdef double ryr__tau_rel = (0.001 if (ryr__tau_rel_temp < 0.001) else ryr__tau_rel_temp)
    cdef double dot__ryr__Jrelnp = (ryr__Jrel_inf - ryr__Jrelnp) / ryr__tau_rel
    cdef double ryr__Jrel_temp = 2.96875 * -ICaL__ICaL / (1.0 + pow((1.5 / intracellular_ions__cajsr), 8.0))
    cdef double ryr__Jrel_infp = (ryr__Jrel_temp * 1.7 if (1.0 == 2.0) else ryr__Jrel_temp)
    cdef double ryr__tau_relp_temp = 5.9375 / (1.0 + 0.0123 / intracellular_ions__cajsr)
    cdef double ryr__tau_relp = (0.001 if (ryr__tau_relp_temp < 0.001) else ryr__tau_relp_temp)
    cdef double dot__ryr__Jrelp = (ryr__Jrel_infp - ryr__Jrelp) / ryr__tau_relp
    cdef double rlb__INa__m = -(1.0 / (INa__tm))
    cdef double rlb__INa__hf = -(1.0 / (INa__thf))
    cdef double rlb__INa__hs = -(1.0 / (INa__ths))
    cdef double rlb__INa__j = -(1.0 / (INa__tj))
    cdef double rlb__INa__hsp = -(1.0 / (INa__thsp))
    cdef double rlb__INa__jp = -(1.0 / (INa__tjp))
    cdef double rlb__INaL__mL = -(1.0 / (INaL__tmL))
    cdef double rlb__INaL__hL = -(1.0 / (200.0))
    cdef double rlb__INaL__hLp = -(1.0 / (600.0))
    cdef double rlb__Ito__a = -(1.0 / (Ito__ta))
    cdef double rlb__Ito__iF = -(1.0 / (Ito__tiF))
    cdef double rlb__Ito__iS = -(1.0 / (Ito__tiS))
    cdef double rlb__Ito__ap = -(1.0 / (Ito__ta))
    cdef double rlb__Ito__iFp = -(1.0 / (Ito__tiFp))
    cdef double rlb__Ito__iSp = -(1.0 / (Ito__tiSp))
    cdef double rlb__ICaL__d = -(1.0 / (ICaL__td))
    cdef double rlb__ICaL__ff = -(1.0 / (ICaL__tff))
    cdef double rlb__ICaL__fs = -(1.0 / (ICaL__tfs))
    cdef double rlb__ICaL__fcaf = -(1.0 / (ICaL__tfcaf))
    cdef double rlb__ICaL__fcas = -(1.0 / (ICaL__tfcas))
    cdef double rlb__ICaL__jca = -(1.0 / (75.0))
    cdef double rlb__ICaL__ffp = -(1.0 / (ICaL__tffp))
    cdef double rlb__ICaL__fcafp = -(1.0 / (ICaL__tfcafp))
    cdef double rlb__ICaL__nca = -ICaL__km2n
    cdef double rlb__IKr__xrf = -(1.0 / (IKr__txrf))
    cdef double rlb__IKr__xrs = -(1.0 / (IKr__txrs))
    cdef double rlb__IKs__xs1 = -(1.0 / (IKs__txs1))
    cdef double rlb__IKs__xs2 = -(1.0 / (IKs__txs2))
    cdef double rlb__IK1__xk1 = -(1.0 / (IK1__txk1))
    cdef double rlb__ryr__Jrelnp = -(1.0 / (ryr__tau_rel))
    cdef double rlb__ryr__Jrelp = -(1.0 / (ryr__tau_relp))
    s[0 * n + c] = membrane__v + dt * dot__membrane__v
    s[1 * n + c] = CaMK__CaMKt + dt * dot__CaMK__CaMKt
    s[2 * n + c] = intracellular_ions__nai + dt * dot__intracellular_ions__nai
    s[3 * n + c] = intracellular_ions__nass + dt * dot__intracellular_ions__nass
    s[4 * n + c] = intracellular_ions__ki + dt * dot__intracellular_ions__ki
    s[5 * n + c] = intracellular_ions__kss + dt * dot__intracellular_ions__kss
    s[6 * n + c] = intracellular_ions__cass + dt * dot__intracellular_ions__cass
    s[7 * n + c] = intracellular_ions__cansr + dt * dot__intracellular_ions__cansr
    s[8 * n + c] = intracellular_ions__cajsr + dt * dot__intracellular_ions__cajsr
    s[9 * n + c] = intracellular_ions__cai + dt * dot__intracellular_ions__cai
    s[10 * n + c] = rush_larsen_ab(INa__m, dot__INa__m - rlb__INa__m * INa__m, rlb__INa__m, dt)
    s[11 * n + c] = rush_larsen_ab(INa__hf, dot__INa__hf - rlb__INa__hf * INa__hf, rlb__INa__hf, dt)
    s[12 * n + c] = rush_larsen_ab(INa__hs, dot__INa__hs - rlb__INa__hs * INa__hs, rlb__INa__hs, dt)
    s[13 * n + c] = rush_larsen_ab(INa__j, dot__INa__j - rlb__INa__j * INa__j, rlb__INa__j, dt)
    s[14 * n + c] = rush_larsen_ab(INa__hsp, dot__INa__hsp - rlb__INa__hsp * INa__hsp, rlb__INa__hsp, dt)
    s[15 * n + c] = rush_larsen_ab(INa__jp, dot__INa__jp - rlb__INa__jp * INa__jp, rlb__INa__jp, dt)
    s[16 * n + c] = rush_larsen_ab(INaL__mL, dot__INaL__mL - rlb__INaL__mL * INaL__mL, rlb__INaL__mL, dt)
    s[17 * n + c] = rush_larsen_ab(INaL__hL, dot__INaL__hL - rlb__INaL__hL * INaL__hL, rlb__INaL__hL, dt)
    s[18 * n + c] = rush_larsen_ab(INaL__hLp, dot__INaL__hLp - rlb__INaL__hLp * INaL__hLp, rlb__INaL__hLp, dt)
    s[19 * n + c] = rush_larsen_ab(Ito__a, dot__Ito__a - rlb__Ito__a * Ito__a, rlb__Ito__a, dt)
    s[20 * n + c] = rush_larsen_ab(Ito__iF, dot__Ito__iF - rlb__Ito__iF * Ito__iF, rlb__Ito__iF, dt)
    s[21 * n + c] = rush_larsen_ab(Ito__iS, dot__Ito__iS - rlb__Ito__iS * Ito__iS, rlb__Ito__iS, dt)
    s[22 * n + c] = rush_larsen_ab(Ito__ap, dot__Ito__ap - rlb__Ito__ap * Ito__ap, rlb__Ito__ap, dt)
    s[23 * n + c] = rush_larsen_ab(Ito__iFp, dot__Ito__iFp - rlb__Ito__iFp * Ito__iFp, rlb__Ito__iFp, dt)
    s[24 * n + c] = rush_larsen_ab(Ito__iSp, dot__Ito__iSp - rlb__Ito__iSp * Ito__iSp, rlb__Ito__iSp, dt)
    s[25 * n + c] = rush_larsen_ab(ICaL__d, dot__ICaL__d - rlb__ICaL__d * ICaL__d, rlb__ICaL__d, dt)
    s[26 * n + c] = rush_larsen_ab(ICaL__ff, dot__ICaL__ff - rlb__ICaL__ff * ICaL__ff, rlb__ICaL__ff, dt)
    s[27 * n + c] = rush_larsen_ab(ICaL__fs, dot__ICaL__fs - rlb__ICaL__fs * ICaL__fs, rlb__ICaL__fs, dt)
    s[28 * n + c] = rush_larsen_ab(ICaL__fcaf, dot__ICaL__fcaf - rlb__ICaL__fcaf * ICaL__fcaf, rlb__ICaL__fcaf, dt)
    s[29 * n + c] = rush_larsen_ab(ICaL__fcas, dot__ICaL__fcas - rlb__ICaL__fcas * ICaL__fcas, rlb__ICaL__fcas, dt)
    s[30 * n + c] = rush_larsen_ab(ICaL__jca, dot__ICaL__jca - rlb__ICaL__jca * ICaL__jca, rlb__ICaL__jca, dt)
    s[31 * n + c] = rush_larsen_ab(ICaL__ffp, dot__ICaL__ffp - rlb__ICaL__ffp * ICaL__ffp, rlb__ICaL__ffp, dt)
    s[32 * n + c] = rush_larsen_ab(ICaL__fcafp, dot__ICaL__fcafp - rlb__ICaL__fcafp * ICaL__fcafp, rlb__ICaL__fcafp, dt)
    s[33 * n + c] = rush_larsen_ab(ICaL__nca, dot__ICaL__nca - rlb__ICaL__nca * ICaL__nca, rlb__ICaL__nca, dt)
    s[34 * n + c] = rush_larsen_ab(IKr__xrf, dot__IKr__xrf - rlb__IKr__xrf * IKr__xrf, rlb__IKr__xrf, dt)
    s[35 * n + c] = rush_larsen_ab(IKr__xrs, dot__IKr__xrs - rlb__IKr__xrs * IKr__xrs, rlb__IKr__xrs, dt)
    s[36 * n + c] = rush_larsen_ab(IKs__xs1, dot__IKs__xs1 - rlb__IKs__xs1 * IKs__xs1, rlb__IKs__xs1, dt)
    s[37 * n + c] = rush_larsen_ab(IKs__xs2, dot__IKs__xs2 - rlb__IKs__xs2 * IKs__xs2, rlb__IKs__xs2, dt)
    s[38 * n + c] = rush_larsen_ab(IK1__xk1, dot__IK1__xk1 - rlb__IK1__xk1 * IK1__xk1, rlb__IK1__xk1, dt)
    s[39 * n + c] = rush_larsen_ab(ryr__Jrelnp, dot__ryr__Jrelnp - rlb__ryr__Jrelnp * ryr__Jrelnp, rlb__ryr__Jrelnp, dt)
    s[40 * n + c] = rush_larsen_ab(ryr__Jrelp, dot__ryr__Jrelp - rlb__ryr__Jrelp * ryr__Jrelp, rlb__ryr__Jrelp, dt)


cdef inline void _cell_step_lut(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, double t, double dt, const double* lut, Py_ssize_t n_rows, double vmin, double inv_dv) noexcept nogil:
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
    cdef double x_lut = (membrane__v - vmin) * inv_dv
    cdef Py_ssize_t i_lut
    cdef double w_lut
    cdef const double* r0
    cdef const double* r1
    cdef double membrane__vffrt
    cdef double membrane__vfrt
    cdef double ICaL__Afcaf
    cdef double ICaL__Afcas
    cdef double IK1__rk1
    cdef double IKb__xkb
    cdef double IKr__rkr
    cdef double IKr__Axrf
    cdef double IKr__Axrs
    cdef double INaCa_i__hna
    cdef double INaCa_i__k3pp_i
    cdef double INaCa_i__k3_i
    cdef double INaCa_i__hca
    cdef double INaCa_i__k8_i
    cdef double INaCa_i__k3pp_ss
    cdef double INaCa_i__k3_ss
    cdef double INaCa_i__k8_ss
    cdef double INaK__Knai
    cdef double INaK__b2
    cdef double INaK__a3
    cdef double Ito__AiF
    cdef double Ito__AiS
    cdef double INa__mss
    cdef double INa__tm
    cdef double INa__hss
    cdef double INa__thf
    cdef double INa__ths
    cdef double INa__jss
    cdef double INa__tj
    cdef double INa__hssp
    cdef double INa__thsp
    cdef double INa__tjp
    cdef double INaL__mLss
    cdef double INaL__tmL
    cdef double INaL__hLss
    cdef double INaL__hLssp
    cdef double Ito__ass
    cdef double Ito__ta
    cdef double Ito__iss
    cdef double Ito__tiF
    cdef double Ito__tiS
    cdef double Ito__assp
    cdef double Ito__tiFp
    cdef double Ito__tiSp
    cdef double ICaL__dss
    cdef double ICaL__td
    cdef double ICaL__fss
    cdef double ICaL__tff
    cdef double ICaL__tfs
    cdef double ICaL__fcass
    cdef double ICaL__tfcaf
    cdef double ICaL__tfcas
    cdef double ICaL__tffp
    cdef double ICaL__tfcafp
    cdef double IKr__txrf
    cdef double IKr__xrss
    cdef double IKr__txrs
    cdef double IKs__txs1
    cdef double IKs__xs1ss
    cdef double IKs__txs2
    cdef double IKs__xs2ss
    cdef double IK1__txk1
    cdef double IK1__xk1ss
    cdef double rlfactor__INa__m
    cdef double rlfactor__INa__hf
    cdef double rlfactor__INa__hs
    cdef double rlfactor__INa__j
    cdef double rlfactor__INa__hsp
    cdef double rlfactor__INa__jp
    cdef double rlfactor__INaL__mL
    cdef double rlfactor__Ito__a
    cdef double rlfactor__Ito__iF
    cdef double rlfactor__Ito__iS
    cdef double rlfactor__Ito__ap
    cdef double rlfactor__Ito__iFp
    cdef double rlfactor__Ito__iSp
    cdef double rlfactor__ICaL__d
    cdef double rlfactor__ICaL__ff
    cdef double rlfactor__ICaL__fs
    cdef double rlfactor__ICaL__fcaf
    cdef double rlfactor__ICaL__fcas
    cdef double rlfactor__ICaL__ffp
    cdef double rlfactor__ICaL__fcafp
    cdef double rlfactor__IKr__xrf
    cdef double rlfactor__IKr__xrs
    cdef double rlfactor__IKs__xs1
    cdef double rlfactor__IKs__xs2
    cdef double rlfactor__IK1__xk1
    cdef double ICaL__PCa
    cdef double ICaL__PCaK
    cdef double ICaL__PCap
    cdef double ICaL__PCaKp
    cdef double ICaL__PhiCaK
    cdef double ICaL__f
    cdef double CaMK__CaMKb
    cdef double CaMK__CaMKa
    cdef double ICaL__fICaLp
    cdef double ICaL__fca
    cdef double ICaL__fcap
    cdef double ICaL__fp
    cdef double ICaL__ICaK
    cdef double ICaL__PhiCaL
    cdef double ICaL__ICaL
    cdef double ICaL__PCaNa
    cdef double ICaL__PCaNap
    cdef double ICaL__PhiCaNa
    cdef double ICaL__ICaNa
    cdef double ICab__ICab
    cdef double IK1__GK1_total
    cdef double reversal_potentials__EK
    cdef double IK1__IK1
    cdef double IKb__IKb
    cdef double IKr__GKr_total
    cdef double IKr__xr
    cdef double IKr__IKr
    cdef double IKs__KsCa
    cdef double IKs__GKs_total
    cdef double reversal_potentials__EKs
    cdef double IKs__IKs
    cdef double INa__GNa
    cdef double INa__fINap
    cdef double INa__h
    cdef double INa__hp
    cdef double reversal_potentials__ENa
    cdef double INa__INa
    cdef double INaCa_i__Gncx_b
    cdef double INaCa_i__Gncx
    cdef double INaCa_i__h1_i
    cdef double INaCa_i__h3_i
    cdef double INaCa_i__k4p_i
    cdef double INaCa_i__h2_i
    cdef double INaCa_i__k4pp_i
    cdef double INaCa_i__k4_i
    cdef double INaCa_i__h4_i
    cdef double INaCa_i__h6_i
    cdef double INaCa_i__k6_i
    cdef double INaCa_i__h5_i
    cdef double INaCa_i__k7_i
    cdef double INaCa_i__x1_i
    cdef double INaCa_i__x2_i
    cdef double INaCa_i__x3_i
    cdef double INaCa_i__x4_i
    cdef double INaCa_i__E1_i
    cdef double INaCa_i__E2_i
    cdef double INaCa_i__JncxCa_i
    cdef double INaCa_i__E3_i
    cdef double INaCa_i__E4_i
    cdef double INaCa_i__JncxNa_i
    cdef double INaCa_i__allo_i
    cdef double INaCa_i__INaCa_i
    cdef double INaCa_i__h1_ss
    cdef double INaCa_i__h3_ss
    cdef double INaCa_i__k4p_ss
    cdef double INaCa_i__h2_ss
    cdef double INaCa_i__k4pp_ss
    cdef double INaCa_i__k4_ss
    cdef double INaCa_i__h4_ss
    cdef double INaCa_i__h6_ss
    cdef double INaCa_i__k6_ss
    cdef double INaCa_i__h5_ss
    cdef double INaCa_i__k7_ss
    cdef double INaCa_i__x1_ss
    cdef double INaCa_i__x2_ss
    cdef double INaCa_i__x3_ss
    cdef double INaCa_i__x4_ss
    cdef double INaCa_i__E1_ss
    cdef double INaCa_i__E2_ss
    cdef double INaCa_i__JncxCa_ss
    cdef double INaCa_i__E3_ss
    cdef double INaCa_i__E4_ss
    cdef double INaCa_i__JncxNa_ss
    cdef double INaCa_i__allo_ss
    cdef double INaCa_i__INaCa_ss
    cdef double INaK__a1
    cdef double INaK__P
    cdef double INaK__b3
    cdef double INaK__b4
    cdef double INaK__x1
    cdef double INaK__x2
    cdef double INaK__x3
    cdef double INaK__x4
    cdef double INaK__E3
    cdef double INaK__E4
    cdef double INaK__JnakK
    cdef double INaK__E1
    cdef double INaK__E2
    cdef double INaK__JnakNa
    cdef double INaK__Pnak_b
    cdef double INaK__Pnak
    cdef double INaK__INaK
    cdef double INaL__GNaL
    cdef double INaL__fINaLp
    cdef double INaL__INaL
    cdef double INab__INab
    cdef double IpCa__IpCa
    cdef double Ito__Gto
    cdef double Ito__fItop
    cdef double Ito__i
    cdef double Ito__ip
    cdef double Ito__Ito
    cdef double dot__membrane__v
    cdef double dot__CaMK__CaMKt
    cdef double diff__JdiffNa
    cdef double dot__intracellular_ions__nai
    cdef double dot__intracellular_ions__nass
    cdef double diff__JdiffK
    cdef double dot__intracellular_ions__ki
    cdef double dot__intracellular_ions__kss
    cdef double diff__Jdiff
    cdef double intracellular_ions__Bcass
    cdef double ryr__fJrelp
    cdef double ryr__Jrel
    cdef double dot__intracellular_ions__cass
    cdef double SERCA__Jleak
    cdef double SERCA__Jupnp
    cdef double SERCA__Jupp
    cdef double SERCA__fJupp
    cdef double SERCA__Jup
    cdef double trans_flux__Jtr
    cdef double dot__intracellular_ions__cansr
    cdef double intracellular_ions__Bcajsr
    cdef double dot__intracellular_ions__cajsr
    cdef double intracellular_ions__Bcai
    cdef double dot__intracellular_ions__cai
    cdef double dot__INa__m
    cdef double dot__INa__hf
    cdef double dot__INa__hs
    cdef double dot__INa__j
    cdef double dot__INa__hsp
    cdef double dot__INa__jp
    cdef double dot__INaL__mL
    cdef double dot__INaL__hL
    cdef double dot__INaL__hLp
    cdef double dot__Ito__a
    cdef double dot__Ito__iF
    cdef double dot__Ito__iS
    cdef double dot__Ito__ap
    cdef double dot__Ito__iFp
    cdef double dot__Ito__iSp
    cdef double dot__ICaL__d
    cdef double dot__ICaL__ff
    cdef double dot__ICaL__fs
    cdef double dot__ICaL__fcaf
    cdef double dot__ICaL__fcas
    cdef double dot__ICaL__jca
    cdef double dot__ICaL__ffp
    cdef double dot__ICaL__fcafp
    cdef double ICaL__km2n
    cdef double ICaL__anca
    cdef double dot__ICaL__nca
    cdef double dot__IKr__xrf
    cdef double dot__IKr__xrs
    cdef double dot__IKs__xs1
    cdef double dot__IKs__xs2
    cdef double dot__IK1__xk1
    cdef double ryr__Jrel_inf_temp
    cdef double ryr__Jrel_inf
    cdef double ryr__tau_rel_temp
    cdef double ryr__tau_rel
    cdef double dot__ryr__Jrelnp
    cdef double ryr__Jrel_temp
    cdef double ryr__Jrel_infp
    cdef double ryr__tau_relp_temp
    cdef double ryr__tau_relp
    cdef double dot__ryr__Jrelp
    cdef double rlb__INaL__hL
    cdef double rlb__INaL__hLp
    cdef double rlb__ICaL__jca
    cdef double rlb__ICaL__nca
    cdef double rlb__ryr__Jrelnp
    cdef double rlb__ryr__Jrelp
    if x_lut < 0.0:
        x_lut = 0.0
    elif x_lut > n_rows - 1.000001:
        x_lut = n_rows - 1.000001
    i_lut = <Py_ssize_t>x_lut
    w_lut = x_lut - i_lut
    r0 = lut + i_lut * 88
    r1 = r0 + 88
    membrane__vffrt = r0[0] + w_lut * (r1[0] - r0[0])
    membrane__vfrt = r0[1] + w_lut * (r1[1] - r0[1])
    ICaL__Afcaf = r0[2] + w_lut * (r1[2] - r0[2])
    ICaL__Afcas = r0[3] + w_lut * (r1[3] - r0[3])
    IK1__rk1 = r0[4] + w_lut * (r1[4] - r0[4])
    IKb__xkb = r0[5] + w_lut * (r1[5] - r0[5])
    IKr__rkr = r0[6] + w_lut * (r1[6] - r0[6])
    IKr__Axrf = r0[7] + w_lut * (r1[7] - r0[7])
    IKr__Axrs = r0[8] + w_lut * (r1[8] - r0[8])
    INaCa_i__hna = r0[9] + w_lut * (r1[9] - r0[9])
    INaCa_i__k3pp_i = r0[10] + w_lut * (r1[10] - r0[10])
    INaCa_i__k3_i = r0[11] + w_lut * (r1[11] - r0[11])
    INaCa_i__hca = r0[12] + w_lut * (r1[12] - r0[12])
    INaCa_i__k8_i = r0[13] + w_lut * (r1[13] - r0[13])
    INaCa_i__k3pp_ss = r0[14] + w_lut * (r1[14] - r0[14])
    INaCa_i__k3_ss = r0[15] + w_lut * (r1[15] - r0[15])
    INaCa_i__k8_ss = r0[16] + w_lut * (r1[16] - r0[16])
    INaK__Knai = r0[17] + w_lut * (r1[17] - r0[17])
    INaK__b2 = r0[18] + w_lut * (r1[18] - r0[18])
    INaK__a3 = r0[19] + w_lut * (r1[19] - r0[19])
    Ito__AiF = r0[20] + w_lut * (r1[20] - r0[20])
    Ito__AiS = r0[21] + w_lut * (r1[21] - r0[21])
    INa__mss = r0[22] + w_lut * (r1[22] - r0[22])
    INa__tm = r0[23] + w_lut * (r1[23] - r0[23])
    INa__hss = r0[24] + w_lut * (r1[24] - r0[24])
    INa__thf = r0[25] + w_lut * (r1[25] - r0[25])
    INa__ths = r0[26] + w_lut * (r1[26] - r0[26])
    INa__jss = r0[27] + w_lut * (r1[27] - r0[27])
    INa__tj = r0[28] + w_lut * (r1[28] - r0[28])
    INa__hssp = r0[29] + w_lut * (r1[29] - r0[29])
    INa__thsp = r0[30] + w_lut * (r1[30] - r0[30])
    INa__tjp = r0[31] + w_lut * (r1[31] - r0[31])
    INaL__mLss = r0[32] + w_lut * (r1[32] - r0[32])
    INaL__tmL = r0[33] + w_lut * (r1[33] - r0[33])
    INaL__hLss = r0[34] + w_lut * (r1[34] - r0[34])
    INaL__hLssp = r0[35] + w_lut * (r1[35] - r0[35])
    Ito__ass = r0[36] + w_lut * (r1[36] - r0[36])
    Ito__ta = r0[37] + w_lut * (r1[37] - r0[37])
    Ito__iss = r0[38] + w_lut * (r1[38] - r0[38])
    Ito__tiF = r0[39] + w_lut * (r1[39] - r0[39])
    Ito__tiS = r0[40] + w_lut * (r1[40] - r0[40])
    Ito__assp = r0[41] + w_lut * (r1[41] - r0[41])
    Ito__tiFp = r0[42] + w_lut * (r1[42] - r0[42])
    Ito__tiSp = r0[43] + w_lut * (r1[43] - r0[43])
    ICaL__dss = r0[44] + w_lut * (r1[44] - r0[44])
    ICaL__td = r0[45] + w_lut * (r1[45] - r0[45])
    ICaL__fss = r0[46] + w_lut * (r1[46] - r0[46])
    ICaL__tff = r0[47] + w_lut * (r1[47] - r0[47])
    ICaL__tfs = r0[48] + w_lut * (r1[48] - r0[48])
    ICaL__fcass = r0[49] + w_lut * (r1[49] - r0[49])
    ICaL__tfcaf = r0[50] + w_lut * (r1[50] - r0[50])
    ICaL__tfcas = r0[51] + w_lut * (r1[51] - r0[51])
    ICaL__tffp = r0[52] + w_lut * (r1[52] - r0[52])
    ICaL__tfcafp = r0[53] + w_lut * (r1[53] - r0[53])
    IKr__txrf = r0[54] + w_lut * (r1[54] - r0[54])
    IKr__xrss = r0[55] + w_lut * (r1[55] - r0[55])
    IKr__txrs = r0[56] + w_lut * (r1[56] - r0[56])
    IKs__txs1 = r0[57] + w_lut * (r1[57] - r0[57])
    IKs__xs1ss = r0[58] + w_lut * (r1[58] - r0[58])
    IKs__txs2 = r0[59] + w_lut * (r1[59] - r0[59])
    IKs__xs2ss = r0[60] + w_lut * (r1[60] - r0[60])
    IK1__txk1 = r0[61] + w_lut * (r1[61] - r0[61])
    IK1__xk1ss = r0[62] + w_lut * (r1[62] - r0[62])
    rlfactor__INa__m = r0[63] + w_lut * (r1[63] - r0[63])
    rlfactor__INa__hf = r0[64] + w_lut * (r1[64] - r0[64])
    rlfactor__INa__hs = r0[65] + w_lut * (r1[65] - r0[65])
    rlfactor__INa__j = r0[66] + w_lut * (r1[66] - r0[66])
    rlfactor__INa__hsp = r0[67] + w_lut * (r1[67] - r0[67])
    rlfactor__INa__jp = r0[68] + w_lut * (r1[68] - r0[68])
    rlfactor__INaL__mL = r0[69] + w_lut * (r1[69] - r0[69])
    rlfactor__Ito__a = r0[70] + w_lut * (r1[70] - r0[70])
    rlfactor__Ito__iF = r0[71] + w_lut * (r1[71] - r0[71])
    rlfactor__Ito__iS = r0[72] + w_lut * (r1[72] - r0[72])
    rlfactor__Ito__ap = r0[73] + w_lut * (r1[73] - r0[73])
    rlfactor__Ito__iFp = r0[74] + w_lut * (r1[74] - r0[74])
    rlfactor__Ito__iSp = r0[75] + w_lut * (r1[75] - r0[75])
    rlfactor__ICaL__d = r0[76] + w_lut * (r1[76] - r0[76])
    rlfactor__ICaL__ff = r0[77] + w_lut * (r1[77] - r0[77])
    rlfactor__ICaL__fs = r0[78] + w_lut * (r1[78] - r0[78])
    rlfactor__ICaL__fcaf = r0[79] + w_lut * (r1[79] - r0[79])
    rlfactor__ICaL__fcas = r0[80] + w_lut * (r1[80] - r0[80])
    rlfactor__ICaL__ffp = r0[81] + w_lut * (r1[81] - r0[81])
    rlfactor__ICaL__fcafp = r0[82] + w_lut * (r1[82] - r0[82])
    rlfactor__IKr__xrf = r0[83] + w_lut * (r1[83] - r0[83])
    rlfactor__IKr__xrs = r0[84] + w_lut * (r1[84] - r0[84])
    rlfactor__IKs__xs1 = r0[85] + w_lut * (r1[85] - r0[85])
    rlfactor__IKs__xs2 = r0[86] + w_lut * (r1[86] - r0[86])
    rlfactor__IK1__xk1 = r0[87] + w_lut * (r1[87] - r0[87])
    ICaL__PCa = cardiotwin_parameters__PCa * (0.0001 * 1.2 if (1.0 == 1.0) else (0.0001 * 2.5 if (1.0 == 2.0) else 0.0001))
    ICaL__PCaK = 0.0003574 * ICaL__PCa
    ICaL__PCap = 1.1 * ICaL__PCa
    ICaL__PCaKp = 0.0003574 * ICaL__PCap
    ICaL__PhiCaK = 1.0 * membrane__vffrt * (0.75 * intracellular_ions__kss * exp(1.0 * membrane__vfrt) - 0.75 * 5.4) / (exp(1.0 * membrane__vfrt) - 1.0)
    ICaL__f = 0.6 * ICaL__ff + 0.4 * ICaL__fs
    CaMK__CaMKb = 0.05 * (1.0 - CaMK__CaMKt) / (1.0 + 0.0015 / intracellular_ions__cass)
    CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt
    ICaL__fICaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    ICaL__fca = ICaL__Afcaf * ICaL__fcaf + ICaL__Afcas * ICaL__fcas
    ICaL__fcap = ICaL__Afcaf * ICaL__fcafp + ICaL__Afcas * ICaL__fcas
    ICaL__fp = 0.6 * ICaL__ffp + 0.4 * ICaL__fs
    ICaL__ICaK = (1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    ICaL__PhiCaL = 4.0 * membrane__vffrt * (intracellular_ions__cass * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / (exp(2.0 * membrane__vfrt) - 1.0)
    ICaL__ICaL = (1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    ICaL__PCaNa = 0.00125 * ICaL__PCa
    ICaL__PCaNap = 0.00125 * ICaL__PCap
    ICaL__PhiCaNa = 1.0 * membrane__vffrt * (0.75 * intracellular_ions__nass * exp(1.0 * membrane__vfrt) - 0.75 * 140.0) / (exp(1.0 * membrane__vfrt) - 1.0)
    ICaL__ICaNa = (1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    ICab__ICab = 2.5e-08 * 4.0 * membrane__vffrt * (intracellular_ions__cai * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / (exp(2.0 * membrane__vfrt) - 1.0)
    IK1__GK1_total = cardiotwin_parameters__gK1 * (0.22896 * sqrt(5.4))
    reversal_potentials__EK = 8314.0 * 310.0 / 96485.0 * log(5.4 / intracellular_ions__ki)
    IK1__IK1 = IK1__GK1_total * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK)
    IKb__IKb = 0.0018 * IKb__xkb * (membrane__v - reversal_potentials__EK)
    IKr__GKr_total = cardiotwin_parameters__gKr * (0.0598 * sqrt(5.4 / 5.4))
    IKr__xr = IKr__Axrf * IKr__xrf + IKr__Axrs * IKr__xrs
    IKr__IKr = IKr__GKr_total * IKr__xr * IKr__rkr * (membrane__v - reversal_potentials__EK)
    IKs__KsCa = 1.0 + 0.6 / (1.0 + pow((3.8e-05 / intracellular_ions__cai), 1.4))
    IKs__GKs_total = cardiotwin_parameters__gKs * (0.0047599999999999995 * IKs__KsCa)
    reversal_potentials__EKs = 8314.0 * 310.0 / 96485.0 * log((5.4 + 0.01833 * 140.0) / (intracellular_ions__ki + 0.01833 * intracellular_ions__nai))
    IKs__IKs = IKs__GKs_total * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs)
    INa__GNa = cardiotwin_parameters__gNa * 75.0
    INa__fINap = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    INa__h = 0.99 * INa__hf + 0.010000000000000009 * INa__hs
    INa__hp = 0.99 * INa__hf + 0.010000000000000009 * INa__hsp
    reversal_potentials__ENa = 8314.0 * 310.0 / 96485.0 * log(140.0 / intracellular_ions__nai)
    INa__INa = INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * ((1.0 - INa__fINap) * INa__h * INa__j + INa__fINap * INa__hp * INa__jp)
    INaCa_i__Gncx_b = cardiotwin_parameters__gNaCa * 0.0008
    INaCa_i__Gncx = (INaCa_i__Gncx_b * 1.1 if (1.0 == 1.0) else (INaCa_i__Gncx_b * 1.4 if (1.0 == 2.0) else INaCa_i__Gncx_b))
    INaCa_i__h1_i = 1.0 + intracellular_ions__nai / 88.12 * (1.0 + INaCa_i__hna)
    INaCa_i__h3_i = 1.0 / INaCa_i__h1_i
    INaCa_i__k4p_i = INaCa_i__h3_i * 60000.0 / INaCa_i__hca
    INaCa_i__h2_i = intracellular_ions__nai * INaCa_i__hna / (88.12 * INaCa_i__h1_i)
    INaCa_i__k4pp_i = INaCa_i__h2_i * 5000.0
    INaCa_i__k4_i = INaCa_i__k4p_i + INaCa_i__k4pp_i
    INaCa_i__h4_i = 1.0 + intracellular_ions__nai / 15.0 * (1.0 + intracellular_ions__nai / 5.0)
    INaCa_i__h6_i = 1.0 / INaCa_i__h4_i
    INaCa_i__k6_i = INaCa_i__h6_i * intracellular_ions__cai * 1500000.0
    INaCa_i__h5_i = intracellular_ions__nai * intracellular_ions__nai / (INaCa_i__h4_i * 15.0 * 5.0)
    INaCa_i__k7_i = INaCa_i__h5_i * INaCa_i__h2_i * 60000.0
    INaCa_i__x1_i = 5000.0 * INaCa_i__k4_i * (INaCa_i__k7_i + INaCa_i__k6_i) + 5000.0 * INaCa_i__k7_i * (5000.0 + INaCa_i__k3_i)
    INaCa_i__x2_i = 9501.466275659823 * INaCa_i__k7_i * (INaCa_i__k4_i + 5000.0) + INaCa_i__k4_i * INaCa_i__k6_i * (9501.466275659823 + INaCa_i__k8_i)
    INaCa_i__x3_i = 9501.466275659823 * INaCa_i__k3_i * (INaCa_i__k7_i + INaCa_i__k6_i) + INaCa_i__k8_i * INaCa_i__k6_i * (5000.0 + INaCa_i__k3_i)
    INaCa_i__x4_i = 5000.0 * INaCa_i__k8_i * (INaCa_i__k4_i + 5000.0) + INaCa_i__k3_i * 5000.0 * (9501.466275659823 + INaCa_i__k8_i)
    INaCa_i__E1_i = INaCa_i__x1_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    INaCa_i__E2_i = INaCa_i__x2_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    INaCa_i__JncxCa_i = INaCa_i__E2_i * 5000.0 - INaCa_i__E1_i * 9501.466275659823
    INaCa_i__E3_i = INaCa_i__x3_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    INaCa_i__E4_i = INaCa_i__x4_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    INaCa_i__JncxNa_i = 3.0 * (INaCa_i__E4_i * INaCa_i__k7_i - INaCa_i__E1_i * INaCa_i__k8_i) + INaCa_i__E3_i * INaCa_i__k4pp_i - INaCa_i__E2_i * INaCa_i__k3pp_i
    INaCa_i__allo_i = 1.0 / (1.0 + ((0.00015 / intracellular_ions__cai) * (0.00015 / intracellular_ions__cai)))
    INaCa_i__INaCa_i = 0.8 * INaCa_i__Gncx * INaCa_i__allo_i * (1.0 * INaCa_i__JncxNa_i + 2.0 * INaCa_i__JncxCa_i)
    INaCa_i__h1_ss = 1.0 + intracellular_ions__nass / 88.12 * (1.0 + INaCa_i__hna)
    INaCa_i__h3_ss = 1.0 / INaCa_i__h1_ss
    INaCa_i__k4p_ss = INaCa_i__h3_ss * 60000.0 / INaCa_i__hca
    INaCa_i__h2_ss = intracellular_ions__nass * INaCa_i__hna / (88.12 * INaCa_i__h1_ss)
    INaCa_i__k4pp_ss = INaCa_i__h2_ss * 5000.0
    INaCa_i__k4_ss = INaCa_i__k4p_ss + INaCa_i__k4pp_ss
    INaCa_i__h4_ss = 1.0 + intracellular_ions__nass / 15.0 * (1.0 + intracellular_ions__nass / 5.0)
    INaCa_i__h6_ss = 1.0 / INaCa_i__h4_ss
    INaCa_i__k6_ss = INaCa_i__h6_ss * intracellular_ions__cass * 1500000.0
    INaCa_i__h5_ss = intracellular_ions__nass * intracellular_ions__nass / (INaCa_i__h4_ss * 15.0 * 5.0)
    INaCa_i__k7_ss = INaCa_i__h5_ss * INaCa_i__h2_ss * 60000.0
    INaCa_i__x1_ss = 5000.0 * INaCa_i__k4_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss) + 5000.0 * INaCa_i__k7_ss * (5000.0 + INaCa_i__k3_ss)
    INaCa_i__x2_ss = 9501.466275659823 * INaCa_i__k7_ss * (INaCa_i__k4_ss + 5000.0) + INaCa_i__k4_ss * INaCa_i__k6_ss * (9501.466275659823 + INaCa_i__k8_ss)
    INaCa_i__x3_ss = 9501.466275659823 * INaCa_i__k3_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss) + INaCa_i__k8_ss * INaCa_i__k6_ss * (5000.0 + INaCa_i__k3_ss)
    INaCa_i__x4_ss = 5000.0 * INaCa_i__k8_ss * (INaCa_i__k4_ss + 5000.0) + INaCa_i__k3_ss * 5000.0 * (9501.466275659823 + INaCa_i__k8_ss)
    INaCa_i__E1_ss = INaCa_i__x1_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    INaCa_i__E2_ss = INaCa_i__x2_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    INaCa_i__JncxCa_ss = INaCa_i__E2_ss * 5000.0 - INaCa_i__E1_ss * 9501.466275659823
    INaCa_i__E3_ss = INaCa_i__x3_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    INaCa_i__E4_ss = INaCa_i__x4_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    INaCa_i__JncxNa_ss = 3.0 * (INaCa_i__E4_ss * INaCa_i__k7_ss - INaCa_i__E1_ss * INaCa_i__k8_ss) + INaCa_i__E3_ss * INaCa_i__k4pp_ss - INaCa_i__E2_ss * INaCa_i__k3pp_ss
    INaCa_i__allo_ss = 1.0 / (1.0 + ((0.00015 / intracellular_ions__cass) * (0.00015 / intracellular_ions__cass)))
    INaCa_i__INaCa_ss = 0.2 * INaCa_i__Gncx * INaCa_i__allo_ss * (1.0 * INaCa_i__JncxNa_ss + 2.0 * INaCa_i__JncxCa_ss)
    INaK__a1 = 949.5 * ((intracellular_ions__nai / INaK__Knai) * (intracellular_ions__nai / INaK__Knai) * (intracellular_ions__nai / INaK__Knai)) / (((1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai)) + ((1.0 + intracellular_ions__ki / 0.5) * (1.0 + intracellular_ions__ki / 0.5)) - 1.0)
    INaK__P = 4.2 / (1.0 + 1e-07 / 1.698e-07 + intracellular_ions__nai / 224.0 + intracellular_ions__ki / 292.0)
    INaK__b3 = 79300.0 * INaK__P * 1e-07 / (1.0 + 9.8 / 1.698e-07)
    INaK__b4 = 40.0 * ((intracellular_ions__ki / 0.5) * (intracellular_ions__ki / 0.5)) / (((1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai)) + ((1.0 + intracellular_ions__ki / 0.5) * (1.0 + intracellular_ions__ki / 0.5)) - 1.0)
    INaK__x1 = 638.9999889283472 * INaK__a1 * 687.2 + INaK__b2 * INaK__b4 * INaK__b3 + 687.2 * INaK__b4 * INaK__b3 + INaK__b3 * INaK__a1 * 687.2
    INaK__x2 = INaK__b2 * 9.120000000000001 * INaK__b4 + INaK__a1 * 687.2 * INaK__a3 + INaK__a3 * 9.120000000000001 * INaK__b4 + 687.2 * INaK__a3 * INaK__b4
    INaK__x3 = 687.2 * INaK__a3 * 638.9999889283472 + INaK__b3 * INaK__b2 * 9.120000000000001 + INaK__b2 * 9.120000000000001 * 638.9999889283472 + INaK__a3 * 638.9999889283472 * 9.120000000000001
    INaK__x4 = INaK__b4 * INaK__b3 * INaK__b2 + INaK__a3 * 638.9999889283472 * INaK__a1 + INaK__b2 * 638.9999889283472 * INaK__a1 + INaK__b3 * INaK__b2 * INaK__a1
    INaK__E3 = INaK__x3 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    INaK__E4 = INaK__x4 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    INaK__JnakK = 2.0 * (INaK__E4 * 9.120000000000001 - INaK__E3 * INaK__a1)
    INaK__E1 = INaK__x1 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    INaK__E2 = INaK__x2 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    INaK__JnakNa = 3.0 * (INaK__E1 * INaK__a3 - INaK__E2 * INaK__b3)
    INaK__Pnak_b = cardiotwin_parameters__gNaK * 30.0
    INaK__Pnak = (INaK__Pnak_b * 0.9 if (1.0 == 1.0) else (INaK__Pnak_b * 0.7 if (1.0 == 2.0) else INaK__Pnak_b))
    INaK__INaK = INaK__Pnak * (1.0 * INaK__JnakNa + 1.0 * INaK__JnakK)
    INaL__GNaL = cardiotwin_parameters__gNaL * (0.0075 * 0.6 if (1.0 == 1.0) else 0.0075)
    INaL__fINaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    INaL__INaL = INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * ((1.0 - INaL__fINaLp) * INaL__hL + INaL__fINaLp * INaL__hLp)
    INab__INab = 3.75e-10 * membrane__vffrt * (intracellular_ions__nai * exp(membrane__vfrt) - 140.0) / (exp(membrane__vfrt) - 1.0)
    IpCa__IpCa = 0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai)
    Ito__Gto = cardiotwin_parameters__gto * (0.02 * 4.0 if (1.0 == 1.0) else (0.02 * 4.0 if (1.0 == 2.0) else 0.02))
    Ito__fItop = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    Ito__i = Ito__AiF * Ito__iF + Ito__AiS * Ito__iS
    Ito__ip = Ito__AiF * Ito__iFp + Ito__AiS * Ito__iSp
    Ito__Ito = Ito__Gto * (membrane__v - reversal_potentials__EK) * ((1.0 - Ito__fItop) * Ito__a * Ito__i + Ito__fItop * Ito__ap * Ito__ip)
    dot__membrane__v = -(INa__INa + INaL__INaL + Ito__Ito + ICaL__ICaL + ICaL__ICaNa + ICaL__ICaK + IKr__IKr + IKs__IKs + IK1__IK1 + INaCa_i__INaCa_i + INaCa_i__INaCa_ss + INaK__INaK + INab__INab + IKb__IKb + IpCa__IpCa + ICab__ICab + (-i_stim / (-1.0)))
    dot__CaMK__CaMKt = 0.05 * CaMK__CaMKb * (CaMK__CaMKb + CaMK__CaMKt) - 0.00068 * CaMK__CaMKt
    diff__JdiffNa = (intracellular_ions__nass - intracellular_ions__nai) / 2.0
    dot__intracellular_ions__nai = -(INa__INa + INaL__INaL + 3.0 * INaCa_i__INaCa_i + 3.0 * INaK__INaK + INab__INab) * 0.00015335760000000003 * 1.0 / (96485.0 * 2.583592000000001e-05) + diff__JdiffNa * 7.598800000000002e-07 / 2.583592000000001e-05
    dot__intracellular_ions__nass = -(ICaL__ICaNa + 3.0 * INaCa_i__INaCa_ss) * 1.0 * 0.00015335760000000003 / (96485.0 * 7.598800000000002e-07) - diff__JdiffNa
    diff__JdiffK = (intracellular_ions__kss - intracellular_ions__ki) / 2.0
    dot__intracellular_ions__ki = -(Ito__Ito + IKr__IKr + IKs__IKs + IK1__IK1 + IKb__IKb + (-i_stim / (-1.0)) - 2.0 * INaK__INaK) * 1.0 * 0.00015335760000000003 / (96485.0 * 2.583592000000001e-05) + diff__JdiffK * 7.598800000000002e-07 / 2.583592000000001e-05
    dot__intracellular_ions__kss = -ICaL__ICaK * 1.0 * 0.00015335760000000003 / (96485.0 * 7.598800000000002e-07) - diff__JdiffK
    diff__Jdiff = (intracellular_ions__cass - intracellular_ions__cai) / 0.2
    intracellular_ions__Bcass = 1.0 / (1.0 + 0.047 * 0.00087 / ((0.00087 + intracellular_ions__cass) * (0.00087 + intracellular_ions__cass)) + 1.124 * 0.0087 / ((0.0087 + intracellular_ions__cass) * (0.0087 + intracellular_ions__cass)))
    ryr__fJrelp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    ryr__Jrel = 1.0 * ((1.0 - ryr__fJrelp) * ryr__Jrelnp + ryr__fJrelp * ryr__Jrelp)
    dot__intracellular_ions__cass = intracellular_ions__Bcass * (-(ICaL__ICaL - 2.0 * INaCa_i__INaCa_ss) * 1.0 * 0.00015335760000000003 / (2.0 * 96485.0 * 7.598800000000002e-07) + ryr__Jrel * 1.8237120000000002e-07 / 7.598800000000002e-07 - diff__Jdiff)
    SERCA__Jleak = 0.0039375 * intracellular_ions__cansr / 15.0
    SERCA__Jupnp = 1.3 * 0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092)
    SERCA__Jupp = 1.3 * 2.75 * 0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017)
    SERCA__fJupp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    SERCA__Jup = 1.0 * ((1.0 - SERCA__fJupp) * SERCA__Jupnp + SERCA__fJupp * SERCA__Jupp - SERCA__Jleak)
    trans_flux__Jtr = (intracellular_ions__cansr - intracellular_ions__cajsr) / 100.0
    dot__intracellular_ions__cansr = SERCA__Jup - trans_flux__Jtr * 1.8237120000000002e-07 / 2.0972688000000006e-06
    intracellular_ions__Bcajsr = 1.0 / (1.0 + 10.0 * 0.8 / ((0.8 + intracellular_ions__cajsr) * (0.8 + intracellular_ions__cajsr)))
    dot__intracellular_ions__cajsr = intracellular_ions__Bcajsr * (trans_flux__Jtr - ryr__Jrel)
    intracellular_ions__Bcai = 1.0 / (1.0 + 0.065 * 0.00238 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai)) + 0.07 * 0.0005 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))
    dot__intracellular_ions__cai = intracellular_ions__Bcai * (-(IpCa__IpCa + ICab__ICab - 2.0 * INaCa_i__INaCa_i) * 1.0 * 0.00015335760000000003 / (2.0 * 96485.0 * 2.583592000000001e-05) - SERCA__Jup * 2.0972688000000006e-06 / 2.583592000000001e-05 + diff__Jdiff * 7.598800000000002e-07 / 2.583592000000001e-05)
    dot__INa__m = (INa__mss - INa__m) / INa__tm
    dot__INa__hf = (INa__hss - INa__hf) / INa__thf
    dot__INa__hs = (INa__hss - INa__hs) / INa__ths
    dot__INa__j = (INa__jss - INa__j) / INa__tj
    dot__INa__hsp = (INa__hssp - INa__hsp) / INa__thsp
    dot__INa__jp = (INa__jss - INa__jp) / INa__tjp
    dot__INaL__mL = (INaL__mLss - INaL__mL) / INaL__tmL
    dot__INaL__hL = (INaL__hLss - INaL__hL) / 200.0
    dot__INaL__hLp = (INaL__hLssp - INaL__hLp) / 600.0
    dot__Ito__a = (Ito__ass - Ito__a) / Ito__ta
    dot__Ito__iF = (Ito__iss - Ito__iF) / Ito__tiF
    dot__Ito__iS = (Ito__iss - Ito__iS) / Ito__tiS
    dot__Ito__ap = (Ito__assp - Ito__ap) / Ito__ta
    dot__Ito__iFp = (Ito__iss - Ito__iFp) / Ito__tiFp
    dot__Ito__iSp = (Ito__iss - Ito__iSp) / Ito__tiSp
    dot__ICaL__d = (ICaL__dss - ICaL__d) / ICaL__td
    dot__ICaL__ff = (ICaL__fss - ICaL__ff) / ICaL__tff
    dot__ICaL__fs = (ICaL__fss - ICaL__fs) / ICaL__tfs
    dot__ICaL__fcaf = (ICaL__fcass - ICaL__fcaf) / ICaL__tfcaf
    dot__ICaL__fcas = (ICaL__fcass - ICaL__fcas) / ICaL__tfcas
    dot__ICaL__jca = (ICaL__fcass - ICaL__jca) / 75.0
    dot__ICaL__ffp = (ICaL__fss - ICaL__ffp) / ICaL__tffp
    dot__ICaL__fcafp = (ICaL__fcass - ICaL__fcafp) / ICaL__tfcafp
    ICaL__km2n = ICaL__jca * 1.0
    ICaL__anca = 1.0 / (1000.0 / ICaL__km2n + pow((1.0 + 0.002 / intracellular_ions__cass), 4.0))
    dot__ICaL__nca = ICaL__anca * 1000.0 - ICaL__nca * ICaL__km2n
    dot__IKr__xrf = (IKr__xrss - IKr__xrf) / IKr__txrf
    dot__IKr__xrs = (IKr__xrss - IKr__xrs) / IKr__txrs
    dot__IKs__xs1 = (IKs__xs1ss - IKs__xs1) / IKs__txs1
    dot__IKs__xs2 = (IKs__xs2ss - IKs__xs2) / IKs__txs2
    dot__IK1__xk1 = (IK1__xk1ss - IK1__xk1) / IK1__txk1
    ryr__Jrel_inf_temp = 2.375 * -ICaL__ICaL / (1.0 + 1.0 * pow((1.5 / intracellular_ions__cajsr), 8.0))
    ryr__Jrel_inf = (ryr__Jrel_inf_temp * 1.7 if (1.0 == 2.0) else ryr__Jrel_inf_temp)
    ryr__tau_rel_temp = 4.75 / (1.0 + 0.0123 / intracellular_ions__cajsr)
    ryr__tau_rel = (0.001 if (ryr__tau_rel_temp < 0.001) else ryr__tau_rel_temp)
    dot__ryr__Jrelnp = (ryr__Jrel_inf - ryr__Jrelnp) / ryr__tau_rel
    ryr__Jrel_temp = 2.96875 * -ICaL__ICaL / (1.0 + pow((1.5 / intracellular_ions__cajsr), 8.0))
    ryr__Jrel_infp = (ryr__Jrel_temp * 1.7 if (1.0 == 2.0) else ryr__Jrel_temp)
    ryr__tau_relp_temp = 5.9375 / (1.0 + 0.0123 / intracellular_ions__cajsr)
    ryr__tau_relp = (0.001 if (ryr__tau_relp_temp < 0.001) else ryr__tau_relp_temp)
    dot__ryr__Jrelp = (ryr__Jrel_infp - ryr__Jrelp) / ryr__tau_relp
    rlb__INaL__hL = -(1.0 / (200.0))
    rlb__INaL__hLp = -(1.0 / (600.0))
    rlb__ICaL__jca = -(1.0 / (75.0))
    rlb__ICaL__nca = -ICaL__km2n
    rlb__ryr__Jrelnp = -(1.0 / (ryr__tau_rel))
    rlb__ryr__Jrelp = -(1.0 / (ryr__tau_relp))
    s[0 * n + c] = membrane__v + dt * dot__membrane__v
    s[1 * n + c] = CaMK__CaMKt + dt * dot__CaMK__CaMKt
    s[2 * n + c] = intracellular_ions__nai + dt * dot__intracellular_ions__nai
    s[3 * n + c] = intracellular_ions__nass + dt * dot__intracellular_ions__nass
    s[4 * n + c] = intracellular_ions__ki + dt * dot__intracellular_ions__ki
    s[5 * n + c] = intracellular_ions__kss + dt * dot__intracellular_ions__kss
    s[6 * n + c] = intracellular_ions__cass + dt * dot__intracellular_ions__cass
    s[7 * n + c] = intracellular_ions__cansr + dt * dot__intracellular_ions__cansr
    s[8 * n + c] = intracellular_ions__cajsr + dt * dot__intracellular_ions__cajsr
    s[9 * n + c] = intracellular_ions__cai + dt * dot__intracellular_ions__cai
    s[10 * n + c] = INa__m + dot__INa__m * rlfactor__INa__m
    s[11 * n + c] = INa__hf + dot__INa__hf * rlfactor__INa__hf
    s[12 * n + c] = INa__hs + dot__INa__hs * rlfactor__INa__hs
    s[13 * n + c] = INa__j + dot__INa__j * rlfactor__INa__j
    s[14 * n + c] = INa__hsp + dot__INa__hsp * rlfactor__INa__hsp
    s[15 * n + c] = INa__jp + dot__INa__jp * rlfactor__INa__jp
    s[16 * n + c] = INaL__mL + dot__INaL__mL * rlfactor__INaL__mL
    s[17 * n + c] = rush_larsen_ab(INaL__hL, dot__INaL__hL - rlb__INaL__hL * INaL__hL, rlb__INaL__hL, dt)
    s[18 * n + c] = rush_larsen_ab(INaL__hLp, dot__INaL__hLp - rlb__INaL__hLp * INaL__hLp, rlb__INaL__hLp, dt)
    s[19 * n + c] = Ito__a + dot__Ito__a * rlfactor__Ito__a
    s[20 * n + c] = Ito__iF + dot__Ito__iF * rlfactor__Ito__iF
    s[21 * n + c] = Ito__iS + dot__Ito__iS * rlfactor__Ito__iS
    s[22 * n + c] = Ito__ap + dot__Ito__ap * rlfactor__Ito__ap
    s[23 * n + c] = Ito__iFp + dot__Ito__iFp * rlfactor__Ito__iFp
    s[24 * n + c] = Ito__iSp + dot__Ito__iSp * rlfactor__Ito__iSp
    s[25 * n + c] = ICaL__d + dot__ICaL__d * rlfactor__ICaL__d
    s[26 * n + c] = ICaL__ff + dot__ICaL__ff * rlfactor__ICaL__ff
    s[27 * n + c] = ICaL__fs + dot__ICaL__fs * rlfactor__ICaL__fs
    s[28 * n + c] = ICaL__fcaf + dot__ICaL__fcaf * rlfactor__ICaL__fcaf
    s[29 * n + c] = ICaL__fcas + dot__ICaL__fcas * rlfactor__ICaL__fcas
    s[30 * n + c] = rush_larsen_ab(ICaL__jca, dot__ICaL__jca - rlb__ICaL__jca * ICaL__jca, rlb__ICaL__jca, dt)
    s[31 * n + c] = ICaL__ffp + dot__ICaL__ffp * rlfactor__ICaL__ffp
    s[32 * n + c] = ICaL__fcafp + dot__ICaL__fcafp * rlfactor__ICaL__fcafp
    s[33 * n + c] = rush_larsen_ab(ICaL__nca, dot__ICaL__nca - rlb__ICaL__nca * ICaL__nca, rlb__ICaL__nca, dt)
    s[34 * n + c] = IKr__xrf + dot__IKr__xrf * rlfactor__IKr__xrf
    s[35 * n + c] = IKr__xrs + dot__IKr__xrs * rlfactor__IKr__xrs
    s[36 * n + c] = IKs__xs1 + dot__IKs__xs1 * rlfactor__IKs__xs1
    s[37 * n + c] = IKs__xs2 + dot__IKs__xs2 * rlfactor__IKs__xs2
    s[38 * n + c] = IK1__xk1 + dot__IK1__xk1 * rlfactor__IK1__xk1
    s[39 * n + c] = rush_larsen_ab(ryr__Jrelnp, dot__ryr__Jrelnp - rlb__ryr__Jrelnp * ryr__Jrelnp, rlb__ryr__Jrelnp, dt)
    s[40 * n + c] = rush_larsen_ab(ryr__Jrelp, dot__ryr__Jrelp - rlb__ryr__Jrelp * ryr__Jrelp, rlb__ryr__Jrelp, dt)


cdef inline void _lut_row(double V, double dt, double* row) noexcept nogil:
    cdef double membrane__v = V
    cdef double membrane__vffrt = membrane__v * 96485.0 * 96485.0 / (8314.0 * 310.0)
    cdef double membrane__vfrt = membrane__v * 96485.0 / (8314.0 * 310.0)
    cdef double ICaL__Afcaf = 0.3 + 0.6 / (1.0 + exp((membrane__v - 10.0) / 10.0))
    cdef double ICaL__Afcas = 1.0 - ICaL__Afcaf
    cdef double IK1__rk1 = 1.0 / (1.0 + exp((membrane__v + 105.8 - 2.6 * 5.4) / 9.493))
    cdef double IKb__xkb = 1.0 / (1.0 + exp(-(membrane__v - 14.48) / 18.34))
    cdef double IKr__rkr = 1.0 / (1.0 + exp((membrane__v + 55.0) / 75.0)) * 1.0 / (1.0 + exp((membrane__v - 10.0) / 30.0))
    cdef double IKr__Axrf = 1.0 / (1.0 + exp((membrane__v + 54.81) / 38.21))
    cdef double IKr__Axrs = 1.0 - IKr__Axrf
    cdef double INaCa_i__hna = exp(0.5224 * membrane__v * 96485.0 / (8314.0 * 310.0))
    cdef double INaCa_i__h7_i = 1.0 + 140.0 / 88.12 * (1.0 + 1.0 / INaCa_i__hna)
    cdef double INaCa_i__h8_i = 140.0 / (88.12 * INaCa_i__hna * INaCa_i__h7_i)
    cdef double INaCa_i__k3pp_i = INaCa_i__h8_i * 5000.0
    cdef double INaCa_i__h9_i = 1.0 / INaCa_i__h7_i
    cdef double INaCa_i__k3p_i = INaCa_i__h9_i * 60000.0
    cdef double INaCa_i__k3_i = INaCa_i__k3p_i + INaCa_i__k3pp_i
    cdef double INaCa_i__hca = exp(0.167 * membrane__v * 96485.0 / (8314.0 * 310.0))
    cdef double INaCa_i__k8_i = INaCa_i__h8_i * 0.9196480938416423 * 60000.0
    cdef double INaCa_i__h7_ss = 1.0 + 140.0 / 88.12 * (1.0 + 1.0 / INaCa_i__hna)
    cdef double INaCa_i__h8_ss = 140.0 / (88.12 * INaCa_i__hna * INaCa_i__h7_ss)
    cdef double INaCa_i__k3pp_ss = INaCa_i__h8_ss * 5000.0
    cdef double INaCa_i__h9_ss = 1.0 / INaCa_i__h7_ss
    cdef double INaCa_i__k3p_ss = INaCa_i__h9_ss * 60000.0
    cdef double INaCa_i__k3_ss = INaCa_i__k3p_ss + INaCa_i__k3pp_ss
    cdef double INaCa_i__k8_ss = INaCa_i__h8_ss * 0.9196480938416423 * 60000.0
    cdef double INaK__Knai = 9.073 * exp((-0.155) * membrane__v * 96485.0 / (3.0 * 8314.0 * 310.0))
    cdef double INaK__Knao = 27.78 * exp((1.0 - (-0.155)) * membrane__v * 96485.0 / (3.0 * 8314.0 * 310.0))
    cdef double INaK__b2 = 39.4 * ((140.0 / INaK__Knao) * (140.0 / INaK__Knao) * (140.0 / INaK__Knao)) / (((1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao)) + ((1.0 + 5.4 / 0.3582) * (1.0 + 5.4 / 0.3582)) - 1.0)
    cdef double INaK__a3 = 1899.0 * ((5.4 / 0.3582) * (5.4 / 0.3582)) / (((1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao)) + ((1.0 + 5.4 / 0.3582) * (1.0 + 5.4 / 0.3582)) - 1.0)
    cdef double Ito__AiF = 1.0 / (1.0 + exp((membrane__v - 213.6) / 151.2))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double INa__mss = 1.0 / (1.0 + exp(-(membrane__v + 39.57) / 9.871))
    cdef double INa__tm = 1.0 / (6.765 * exp((membrane__v + 11.64) / 34.77) + 8.552 * exp(-(membrane__v + 77.42) / 5.955))
    cdef double INa__hss = 1.0 / (1.0 + exp((membrane__v + 82.9) / 6.086))
    cdef double INa__thf = 1.0 / (1.432e-05 * exp(-(membrane__v + 1.196) / 6.285) + 6.149 * exp((membrane__v + 0.5096) / 20.27))
    cdef double INa__ths = 1.0 / (0.009794 * exp(-(membrane__v + 17.95) / 28.05) + 0.3343 * exp((membrane__v + 5.73) / 56.66))
    cdef double INa__jss = INa__hss
    cdef double INa__tj = 2.038 + 1.0 / (0.02136 * exp(-(membrane__v + 100.6) / 8.281) + 0.3052 * exp((membrane__v + 0.9941) / 38.45))
    cdef double INa__hssp = 1.0 / (1.0 + exp((membrane__v + 89.1) / 6.086))
    cdef double INa__thsp = 3.0 * INa__ths
    cdef double INa__tjp = 1.46 * INa__tj
    cdef double INaL__mLss = 1.0 / (1.0 + exp(-(membrane__v + 42.85) / 5.264))
    cdef double INaL__tmL = INa__tm
    cdef double INaL__hLss = 1.0 / (1.0 + exp((membrane__v + 87.61) / 7.488))
    cdef double INaL__hLssp = 1.0 / (1.0 + exp((membrane__v + 93.81) / 7.488))
    cdef double Ito__ass = 1.0 / (1.0 + exp(-(membrane__v - 14.34) / 14.82))
    cdef double Ito__ta = 1.0515 / (1.0 / (1.2089 * (1.0 + exp(-(membrane__v - 18.4099) / 29.3814))) + 3.5 / (1.0 + exp((membrane__v + 100.0) / 29.3814)))
    cdef double Ito__iss = 1.0 / (1.0 + exp((membrane__v + 43.94) / 5.711))
    cdef double Ito__delta_epi = (1.0 - 0.95 / (1.0 + exp((membrane__v + 70.0) / 5.0)) if (1.0 == 1.0) else 1.0)
    cdef double Ito__tiF_b = 4.562 + 1.0 / (0.3933 * exp(-(membrane__v + 100.0) / 100.0) + 0.08004 * exp((membrane__v + 50.0) / 16.59))
    cdef double Ito__tiF = Ito__tiF_b * Ito__delta_epi
    cdef double Ito__tiS_b = 23.62 + 1.0 / (0.001416 * exp(-(membrane__v + 96.52) / 59.05) + 1.78e-08 * exp((membrane__v + 114.1) / 8.079))
    cdef double Ito__tiS = Ito__tiS_b * Ito__delta_epi
    cdef double Ito__assp = 1.0 / (1.0 + exp(-(membrane__v - 24.34) / 14.82))
    cdef double Ito__dti_develop = 1.354 + 0.0001 / (exp((membrane__v - 167.4) / 15.89) + exp(-(membrane__v - 12.23) / 0.2154))
    cdef double Ito__dti_recover = 1.0 - 0.5 / (1.0 + exp((membrane__v + 70.0) / 20.0))
    cdef double Ito__tiFp = Ito__dti_develop * Ito__dti_recover * Ito__tiF
    cdef double Ito__tiSp = Ito__dti_develop * Ito__dti_recover * Ito__tiS
    cdef double ICaL__dss = 1.0 / (1.0 + exp(-(membrane__v + 3.94) / 4.23))
    cdef double ICaL__td = 0.6 + 1.0 / (exp(-0.05 * (membrane__v + 6.0)) + exp(0.09 * (membrane__v + 14.0)))
    cdef double ICaL__fss = 1.0 / (1.0 + exp((membrane__v + 19.58) / 3.696))
    cdef double ICaL__tff = 7.0 + 1.0 / (0.0045 * exp(-(membrane__v + 20.0) / 10.0) + 0.0045 * exp((membrane__v + 20.0) / 10.0))
    cdef double ICaL__tfs = 1000.0 + 1.0 / (3.5e-05 * exp(-(membrane__v + 5.0) / 4.0) + 3.5e-05 * exp((membrane__v + 5.0) / 6.0))
    cdef double ICaL__fcass = ICaL__fss
    cdef double ICaL__tfcaf = 7.0 + 1.0 / (0.04 * exp(-(membrane__v - 4.0) / 7.0) + 0.04 * exp((membrane__v - 4.0) / 7.0))
    cdef double ICaL__tfcas = 100.0 + 1.0 / (0.00012 * exp(-membrane__v / 3.0) + 0.00012 * exp(membrane__v / 7.0))
    cdef double ICaL__tffp = 2.5 * ICaL__tff
    cdef double ICaL__tfcafp = 2.5 * ICaL__tfcaf
    cdef double IKr__txrf = 12.98 + 1.0 / (0.3652 * exp((membrane__v - 31.66) / 3.869) + 4.123e-05 * exp(-(membrane__v - 47.78) / 20.38))
    cdef double IKr__xrss = 1.0 / (1.0 + exp(-(membrane__v + 8.337) / 6.789))
    cdef double IKr__txrs = 1.865 + 1.0 / (0.06629 * exp((membrane__v - 34.7) / 7.355) + 1.128e-05 * exp(-(membrane__v - 29.74) / 25.94))
    cdef double IKs__txs1 = 817.3 + 1.0 / (0.0002326 * exp((membrane__v + 48.28) / 17.8) + 0.001292 * exp(-(membrane__v + 210.0) / 230.0))
    cdef double IKs__xs1ss = 1.0 / (1.0 + exp(-(membrane__v + 11.6) / 8.932))
    cdef double IKs__txs2 = 1.0 / (0.01 * exp((membrane__v - 50.0) / 20.0) + 0.0193 * exp(-(membrane__v + 66.54) / 31.0))
    cdef double IKs__xs2ss = IKs__xs1ss
    cdef double IK1__txk1 = 122.2 / (exp(-(membrane__v + 127.2) / 20.36) + exp((membrane__v + 236.8) / 69.33))
    cdef double IK1__xk1ss = 1.0 / (1.0 + exp(-(membrane__v + 2.5538 * 5.4 + 144.59) / (1.5692 * 5.4 + 3.8115)))
    cdef double rlb__INa__m = -(1.0 / (INa__tm))
    cdef double rlb__INa__hf = -(1.0 / (INa__thf))
    cdef double rlb__INa__hs = -(1.0 / (INa__ths))
    cdef double rlb__INa__j = -(1.0 / (INa__tj))
    cdef double rlb__INa__hsp = -(1.0 / (INa__thsp))
    cdef double rlb__INa__jp = -(1.0 / (INa__tjp))
    cdef double rlb__INaL__mL = -(1.0 / (INaL__tmL))
    cdef double rlb__Ito__a = -(1.0 / (Ito__ta))
    cdef double rlb__Ito__iF = -(1.0 / (Ito__tiF))
    cdef double rlb__Ito__iS = -(1.0 / (Ito__tiS))
    cdef double rlb__Ito__ap = -(1.0 / (Ito__ta))
    cdef double rlb__Ito__iFp = -(1.0 / (Ito__tiFp))
    cdef double rlb__Ito__iSp = -(1.0 / (Ito__tiSp))
    cdef double rlb__ICaL__d = -(1.0 / (ICaL__td))
    cdef double rlb__ICaL__ff = -(1.0 / (ICaL__tff))
    cdef double rlb__ICaL__fs = -(1.0 / (ICaL__tfs))
    cdef double rlb__ICaL__fcaf = -(1.0 / (ICaL__tfcaf))
    cdef double rlb__ICaL__fcas = -(1.0 / (ICaL__tfcas))
    cdef double rlb__ICaL__ffp = -(1.0 / (ICaL__tffp))
    cdef double rlb__ICaL__fcafp = -(1.0 / (ICaL__tfcafp))
    cdef double rlb__IKr__xrf = -(1.0 / (IKr__txrf))
    cdef double rlb__IKr__xrs = -(1.0 / (IKr__txrs))
    cdef double rlb__IKs__xs1 = -(1.0 / (IKs__txs1))
    cdef double rlb__IKs__xs2 = -(1.0 / (IKs__txs2))
    cdef double rlb__IK1__xk1 = -(1.0 / (IK1__txk1))
    row[0] = membrane__vffrt
    row[1] = membrane__vfrt
    row[2] = ICaL__Afcaf
    row[3] = ICaL__Afcas
    row[4] = IK1__rk1
    row[5] = IKb__xkb
    row[6] = IKr__rkr
    row[7] = IKr__Axrf
    row[8] = IKr__Axrs
    row[9] = INaCa_i__hna
    row[10] = INaCa_i__k3pp_i
    row[11] = INaCa_i__k3_i
    row[12] = INaCa_i__hca
    row[13] = INaCa_i__k8_i
    row[14] = INaCa_i__k3pp_ss
    row[15] = INaCa_i__k3_ss
    row[16] = INaCa_i__k8_ss
    row[17] = INaK__Knai
    row[18] = INaK__b2
    row[19] = INaK__a3
    row[20] = Ito__AiF
    row[21] = Ito__AiS
    row[22] = INa__mss
    row[23] = INa__tm
    row[24] = INa__hss
    row[25] = INa__thf
    row[26] = INa__ths
    row[27] = INa__jss
    row[28] = INa__tj
    row[29] = INa__hssp
    row[30] = INa__thsp
    row[31] = INa__tjp
    row[32] = INaL__mLss
    row[33] = INaL__tmL
    row[34] = INaL__hLss
    row[35] = INaL__hLssp
    row[36] = Ito__ass
    row[37] = Ito__ta
    row[38] = Ito__iss
    row[39] = Ito__tiF
    row[40] = Ito__tiS
    row[41] = Ito__assp
    row[42] = Ito__tiFp
    row[43] = Ito__tiSp
    row[44] = ICaL__dss
    row[45] = ICaL__td
    row[46] = ICaL__fss
    row[47] = ICaL__tff
    row[48] = ICaL__tfs
    row[49] = ICaL__fcass
    row[50] = ICaL__tfcaf
    row[51] = ICaL__tfcas
    row[52] = ICaL__tffp
    row[53] = ICaL__tfcafp
    row[54] = IKr__txrf
    row[55] = IKr__xrss
    row[56] = IKr__txrs
    row[57] = IKs__txs1
    row[58] = IKs__xs1ss
    row[59] = IKs__txs2
    row[60] = IKs__xs2ss
    row[61] = IK1__txk1
    row[62] = IK1__xk1ss
    row[63] = expm1(rlb__INa__m * dt) / rlb__INa__m if fabs(rlb__INa__m) > 1e-12 else dt
    row[64] = expm1(rlb__INa__hf * dt) / rlb__INa__hf if fabs(rlb__INa__hf) > 1e-12 else dt
    row[65] = expm1(rlb__INa__hs * dt) / rlb__INa__hs if fabs(rlb__INa__hs) > 1e-12 else dt
    row[66] = expm1(rlb__INa__j * dt) / rlb__INa__j if fabs(rlb__INa__j) > 1e-12 else dt
    row[67] = expm1(rlb__INa__hsp * dt) / rlb__INa__hsp if fabs(rlb__INa__hsp) > 1e-12 else dt
    row[68] = expm1(rlb__INa__jp * dt) / rlb__INa__jp if fabs(rlb__INa__jp) > 1e-12 else dt
    row[69] = expm1(rlb__INaL__mL * dt) / rlb__INaL__mL if fabs(rlb__INaL__mL) > 1e-12 else dt
    row[70] = expm1(rlb__Ito__a * dt) / rlb__Ito__a if fabs(rlb__Ito__a) > 1e-12 else dt
    row[71] = expm1(rlb__Ito__iF * dt) / rlb__Ito__iF if fabs(rlb__Ito__iF) > 1e-12 else dt
    row[72] = expm1(rlb__Ito__iS * dt) / rlb__Ito__iS if fabs(rlb__Ito__iS) > 1e-12 else dt
    row[73] = expm1(rlb__Ito__ap * dt) / rlb__Ito__ap if fabs(rlb__Ito__ap) > 1e-12 else dt
    row[74] = expm1(rlb__Ito__iFp * dt) / rlb__Ito__iFp if fabs(rlb__Ito__iFp) > 1e-12 else dt
    row[75] = expm1(rlb__Ito__iSp * dt) / rlb__Ito__iSp if fabs(rlb__Ito__iSp) > 1e-12 else dt
    row[76] = expm1(rlb__ICaL__d * dt) / rlb__ICaL__d if fabs(rlb__ICaL__d) > 1e-12 else dt
    row[77] = expm1(rlb__ICaL__ff * dt) / rlb__ICaL__ff if fabs(rlb__ICaL__ff) > 1e-12 else dt
    row[78] = expm1(rlb__ICaL__fs * dt) / rlb__ICaL__fs if fabs(rlb__ICaL__fs) > 1e-12 else dt
    row[79] = expm1(rlb__ICaL__fcaf * dt) / rlb__ICaL__fcaf if fabs(rlb__ICaL__fcaf) > 1e-12 else dt
    row[80] = expm1(rlb__ICaL__fcas * dt) / rlb__ICaL__fcas if fabs(rlb__ICaL__fcas) > 1e-12 else dt
    row[81] = expm1(rlb__ICaL__ffp * dt) / rlb__ICaL__ffp if fabs(rlb__ICaL__ffp) > 1e-12 else dt
    row[82] = expm1(rlb__ICaL__fcafp * dt) / rlb__ICaL__fcafp if fabs(rlb__ICaL__fcafp) > 1e-12 else dt
    row[83] = expm1(rlb__IKr__xrf * dt) / rlb__IKr__xrf if fabs(rlb__IKr__xrf) > 1e-12 else dt
    row[84] = expm1(rlb__IKr__xrs * dt) / rlb__IKr__xrs if fabs(rlb__IKr__xrs) > 1e-12 else dt
    row[85] = expm1(rlb__IKs__xs1 * dt) / rlb__IKs__xs1 if fabs(rlb__IKs__xs1) > 1e-12 else dt
    row[86] = expm1(rlb__IKs__xs2 * dt) / rlb__IKs__xs2 if fabs(rlb__IKs__xs2) > 1e-12 else dt
    row[87] = expm1(rlb__IK1__xk1 * dt) / rlb__IK1__xk1 if fabs(rlb__IK1__xk1) > 1e-12 else dt


cdef inline void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m) noexcept nogil:
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
    cdef double INa__GNa = cardiotwin_parameters__gNa * 75.0
    cdef double CaMK__CaMKb = 0.05 * (1.0 - CaMK__CaMKt) / (1.0 + 0.0015 / intracellular_ions__cass)
    cdef double CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt
    cdef double INa__fINap = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double INa__h = 0.99 * INa__hf + 0.010000000000000009 * INa__hs
    cdef double INa__hp = 0.99 * INa__hf + 0.010000000000000009 * INa__hsp
    cdef double reversal_potentials__ENa = 8314.0 * 310.0 / 96485.0 * log(140.0 / intracellular_ions__nai)
    cdef double INa__INa = INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * ((1.0 - INa__fINap) * INa__h * INa__j + INa__fINap * INa__hp * INa__jp)
    cdef double INaL__GNaL = cardiotwin_parameters__gNaL * (0.0075 * 0.6 if (1.0 == 1.0) else 0.0075)
    cdef double INaL__fINaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double INaL__INaL = INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * ((1.0 - INaL__fINaLp) * INaL__hL + INaL__fINaLp * INaL__hLp)
    cdef double ICaL__PCa = cardiotwin_parameters__PCa * (0.0001 * 1.2 if (1.0 == 1.0) else (0.0001 * 2.5 if (1.0 == 2.0) else 0.0001))
    cdef double ICaL__PCap = 1.1 * ICaL__PCa
    cdef double membrane__vffrt = membrane__v * 96485.0 * 96485.0 / (8314.0 * 310.0)
    cdef double membrane__vfrt = membrane__v * 96485.0 / (8314.0 * 310.0)
    cdef double ICaL__PhiCaL = 4.0 * membrane__vffrt * (intracellular_ions__cass * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / (exp(2.0 * membrane__vfrt) - 1.0)
    cdef double ICaL__f = 0.6 * ICaL__ff + 0.4 * ICaL__fs
    cdef double ICaL__fICaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double ICaL__Afcaf = 0.3 + 0.6 / (1.0 + exp((membrane__v - 10.0) / 10.0))
    cdef double ICaL__Afcas = 1.0 - ICaL__Afcaf
    cdef double ICaL__fca = ICaL__Afcaf * ICaL__fcaf + ICaL__Afcas * ICaL__fcas
    cdef double ICaL__fcap = ICaL__Afcaf * ICaL__fcafp + ICaL__Afcas * ICaL__fcas
    cdef double ICaL__fp = 0.6 * ICaL__ffp + 0.4 * ICaL__fs
    cdef double ICaL__ICaL = (1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double Ito__Gto = cardiotwin_parameters__gto * (0.02 * 4.0 if (1.0 == 1.0) else (0.02 * 4.0 if (1.0 == 2.0) else 0.02))
    cdef double Ito__fItop = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double Ito__AiF = 1.0 / (1.0 + exp((membrane__v - 213.6) / 151.2))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double Ito__i = Ito__AiF * Ito__iF + Ito__AiS * Ito__iS
    cdef double Ito__ip = Ito__AiF * Ito__iFp + Ito__AiS * Ito__iSp
    cdef double reversal_potentials__EK = 8314.0 * 310.0 / 96485.0 * log(5.4 / intracellular_ions__ki)
    cdef double Ito__Ito = Ito__Gto * (membrane__v - reversal_potentials__EK) * ((1.0 - Ito__fItop) * Ito__a * Ito__i + Ito__fItop * Ito__ap * Ito__ip)
    cdef double IKr__GKr_total = cardiotwin_parameters__gKr * (0.0598 * sqrt(5.4 / 5.4))
    cdef double IKr__rkr = 1.0 / (1.0 + exp((membrane__v + 55.0) / 75.0)) * 1.0 / (1.0 + exp((membrane__v - 10.0) / 30.0))
    cdef double IKr__Axrf = 1.0 / (1.0 + exp((membrane__v + 54.81) / 38.21))
    cdef double IKr__Axrs = 1.0 - IKr__Axrf
    cdef double IKr__xr = IKr__Axrf * IKr__xrf + IKr__Axrs * IKr__xrs
    cdef double IKr__IKr = IKr__GKr_total * IKr__xr * IKr__rkr * (membrane__v - reversal_potentials__EK)
    cdef double IKs__KsCa = 1.0 + 0.6 / (1.0 + pow((3.8e-05 / intracellular_ions__cai), 1.4))
    cdef double IKs__GKs_total = cardiotwin_parameters__gKs * (0.0047599999999999995 * IKs__KsCa)
    cdef double reversal_potentials__EKs = 8314.0 * 310.0 / 96485.0 * log((5.4 + 0.01833 * 140.0) / (intracellular_ions__ki + 0.01833 * intracellular_ions__nai))
    cdef double IKs__IKs = IKs__GKs_total * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs)
    cdef double IK1__GK1_total = cardiotwin_parameters__gK1 * (0.22896 * sqrt(5.4))
    cdef double IK1__rk1 = 1.0 / (1.0 + exp((membrane__v + 105.8 - 2.6 * 5.4) / 9.493))
    cdef double IK1__IK1 = IK1__GK1_total * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK)
    cdef double INaCa_i__Gncx_b = cardiotwin_parameters__gNaCa * 0.0008
    cdef double INaCa_i__Gncx = (INaCa_i__Gncx_b * 1.1 if (1.0 == 1.0) else (INaCa_i__Gncx_b * 1.4 if (1.0 == 2.0) else INaCa_i__Gncx_b))
    cdef double INaCa_i__hna = exp(0.5224 * membrane__v * 96485.0 / (8314.0 * 310.0))
    cdef double INaCa_i__h7_i = 1.0 + 140.0 / 88.12 * (1.0 + 1.0 / INaCa_i__hna)
    cdef double INaCa_i__h9_i = 1.0 / INaCa_i__h7_i
    cdef double INaCa_i__k3p_i = INaCa_i__h9_i * 60000.0
    cdef double INaCa_i__h8_i = 140.0 / (88.12 * INaCa_i__hna * INaCa_i__h7_i)
    cdef double INaCa_i__k3pp_i = INaCa_i__h8_i * 5000.0
    cdef double INaCa_i__k3_i = INaCa_i__k3p_i + INaCa_i__k3pp_i
    cdef double INaCa_i__h1_i = 1.0 + intracellular_ions__nai / 88.12 * (1.0 + INaCa_i__hna)
    cdef double INaCa_i__h3_i = 1.0 / INaCa_i__h1_i
    cdef double INaCa_i__hca = exp(0.167 * membrane__v * 96485.0 / (8314.0 * 310.0))
    cdef double INaCa_i__k4p_i = INaCa_i__h3_i * 60000.0 / INaCa_i__hca
    cdef double INaCa_i__h2_i = intracellular_ions__nai * INaCa_i__hna / (88.12 * INaCa_i__h1_i)
    cdef double INaCa_i__k4pp_i = INaCa_i__h2_i * 5000.0
    cdef double INaCa_i__k4_i = INaCa_i__k4p_i + INaCa_i__k4pp_i
    cdef double INaCa_i__h4_i = 1.0 + intracellular_ions__nai / 15.0 * (1.0 + intracellular_ions__nai / 5.0)
    cdef double INaCa_i__h6_i = 1.0 / INaCa_i__h4_i
    cdef double INaCa_i__k6_i = INaCa_i__h6_i * intracellular_ions__cai * 1500000.0
    cdef double INaCa_i__h5_i = intracellular_ions__nai * intracellular_ions__nai / (INaCa_i__h4_i * 15.0 * 5.0)
    cdef double INaCa_i__k7_i = INaCa_i__h5_i * INaCa_i__h2_i * 60000.0
    cdef double INaCa_i__x1_i = 5000.0 * INaCa_i__k4_i * (INaCa_i__k7_i + INaCa_i__k6_i) + 5000.0 * INaCa_i__k7_i * (5000.0 + INaCa_i__k3_i)
    cdef double INaCa_i__k8_i = INaCa_i__h8_i * 0.9196480938416423 * 60000.0
    cdef double INaCa_i__x2_i = 9501.466275659823 * INaCa_i__k7_i * (INaCa_i__k4_i + 5000.0) + INaCa_i__k4_i * INaCa_i__k6_i * (9501.466275659823 + INaCa_i__k8_i)
    cdef double INaCa_i__x3_i = 9501.466275659823 * INaCa_i__k3_i * (INaCa_i__k7_i + INaCa_i__k6_i) + INaCa_i__k8_i * INaCa_i__k6_i * (5000.0 + INaCa_i__k3_i)
    cdef double INaCa_i__x4_i = 5000.0 * INaCa_i__k8_i * (INaCa_i__k4_i + 5000.0) + INaCa_i__k3_i * 5000.0 * (9501.466275659823 + INaCa_i__k8_i)
    cdef double INaCa_i__E1_i = INaCa_i__x1_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    cdef double INaCa_i__E2_i = INaCa_i__x2_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    cdef double INaCa_i__JncxCa_i = INaCa_i__E2_i * 5000.0 - INaCa_i__E1_i * 9501.466275659823
    cdef double INaCa_i__E3_i = INaCa_i__x3_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    cdef double INaCa_i__E4_i = INaCa_i__x4_i / (INaCa_i__x1_i + INaCa_i__x2_i + INaCa_i__x3_i + INaCa_i__x4_i)
    cdef double INaCa_i__JncxNa_i = 3.0 * (INaCa_i__E4_i * INaCa_i__k7_i - INaCa_i__E1_i * INaCa_i__k8_i) + INaCa_i__E3_i * INaCa_i__k4pp_i - INaCa_i__E2_i * INaCa_i__k3pp_i
    cdef double INaCa_i__allo_i = 1.0 / (1.0 + ((0.00015 / intracellular_ions__cai) * (0.00015 / intracellular_ions__cai)))
    cdef double INaCa_i__INaCa_i = 0.8 * INaCa_i__Gncx * INaCa_i__allo_i * (1.0 * INaCa_i__JncxNa_i + 2.0 * INaCa_i__JncxCa_i)
    cdef double INaK__Knai = 9.073 * exp((-0.155) * membrane__v * 96485.0 / (3.0 * 8314.0 * 310.0))
    cdef double INaK__a1 = 949.5 * ((intracellular_ions__nai / INaK__Knai) * (intracellular_ions__nai / INaK__Knai) * (intracellular_ions__nai / INaK__Knai)) / (((1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai)) + ((1.0 + intracellular_ions__ki / 0.5) * (1.0 + intracellular_ions__ki / 0.5)) - 1.0)
    cdef double INaK__Knao = 27.78 * exp((1.0 - (-0.155)) * membrane__v * 96485.0 / (3.0 * 8314.0 * 310.0))
    cdef double INaK__b2 = 39.4 * ((140.0 / INaK__Knao) * (140.0 / INaK__Knao) * (140.0 / INaK__Knao)) / (((1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao)) + ((1.0 + 5.4 / 0.3582) * (1.0 + 5.4 / 0.3582)) - 1.0)
    cdef double INaK__P = 4.2 / (1.0 + 1e-07 / 1.698e-07 + intracellular_ions__nai / 224.0 + intracellular_ions__ki / 292.0)
    cdef double INaK__b3 = 79300.0 * INaK__P * 1e-07 / (1.0 + 9.8 / 1.698e-07)
    cdef double INaK__b4 = 40.0 * ((intracellular_ions__ki / 0.5) * (intracellular_ions__ki / 0.5)) / (((1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai) * (1.0 + intracellular_ions__nai / INaK__Knai)) + ((1.0 + intracellular_ions__ki / 0.5) * (1.0 + intracellular_ions__ki / 0.5)) - 1.0)
    cdef double INaK__x1 = 638.9999889283472 * INaK__a1 * 687.2 + INaK__b2 * INaK__b4 * INaK__b3 + 687.2 * INaK__b4 * INaK__b3 + INaK__b3 * INaK__a1 * 687.2
    cdef double INaK__a3 = 1899.0 * ((5.4 / 0.3582) * (5.4 / 0.3582)) / (((1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao) * (1.0 + 140.0 / INaK__Knao)) + ((1.0 + 5.4 / 0.3582) * (1.0 + 5.4 / 0.3582)) - 1.0)
    cdef double INaK__x2 = INaK__b2 * 9.120000000000001 * INaK__b4 + INaK__a1 * 687.2 * INaK__a3 + INaK__a3 * 9.120000000000001 * INaK__b4 + 687.2 * INaK__a3 * INaK__b4
    cdef double INaK__x3 = 687.2 * INaK__a3 * 638.9999889283472 + INaK__b3 * INaK__b2 * 9.120000000000001 + INaK__b2 * 9.120000000000001 * 638.9999889283472 + INaK__a3 * 638.9999889283472 * 9.120000000000001
    cdef double INaK__x4 = INaK__b4 * INaK__b3 * INaK__b2 + INaK__a3 * 638.9999889283472 * INaK__a1 + INaK__b2 * 638.9999889283472 * INaK__a1 + INaK__b3 * INaK__b2 * INaK__a1
    cdef double INaK__E3 = INaK__x3 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    cdef double INaK__E4 = INaK__x4 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    cdef double INaK__JnakK = 2.0 * (INaK__E4 * 9.120000000000001 - INaK__E3 * INaK__a1)
    cdef double INaK__E1 = INaK__x1 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    cdef double INaK__E2 = INaK__x2 / (INaK__x1 + INaK__x2 + INaK__x3 + INaK__x4)
    cdef double INaK__JnakNa = 3.0 * (INaK__E1 * INaK__a3 - INaK__E2 * INaK__b3)
    cdef double INaK__Pnak_b = cardiotwin_parameters__gNaK * 30.0
    cdef double INaK__Pnak = (INaK__Pnak_b * 0.9 if (1.0 == 1.0) else (INaK__Pnak_b * 0.7 if (1.0 == 2.0) else INaK__Pnak_b))
    cdef double INaK__INaK = INaK__Pnak * (1.0 * INaK__JnakNa + 1.0 * INaK__JnakK)
    cdef double ICaL__PCaK = 0.0003574 * ICaL__PCa
    cdef double ICaL__PCaKp = 0.0003574 * ICaL__PCap
    cdef double ICaL__PhiCaK = 1.0 * membrane__vffrt * (0.75 * intracellular_ions__kss * exp(1.0 * membrane__vfrt) - 0.75 * 5.4) / (exp(1.0 * membrane__vfrt) - 1.0)
    cdef double ICaL__ICaK = (1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICaL__PCaNa = 0.00125 * ICaL__PCa
    cdef double ICaL__PCaNap = 0.00125 * ICaL__PCap
    cdef double ICaL__PhiCaNa = 1.0 * membrane__vffrt * (0.75 * intracellular_ions__nass * exp(1.0 * membrane__vfrt) - 0.75 * 140.0) / (exp(1.0 * membrane__vfrt) - 1.0)
    cdef double ICaL__ICaNa = (1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICab__ICab = 2.5e-08 * 4.0 * membrane__vffrt * (intracellular_ions__cai * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / (exp(2.0 * membrane__vfrt) - 1.0)
    cdef double IKb__xkb = 1.0 / (1.0 + exp(-(membrane__v - 14.48) / 18.34))
    cdef double IKb__IKb = 0.0018 * IKb__xkb * (membrane__v - reversal_potentials__EK)
    cdef double INaCa_i__h7_ss = 1.0 + 140.0 / 88.12 * (1.0 + 1.0 / INaCa_i__hna)
    cdef double INaCa_i__h9_ss = 1.0 / INaCa_i__h7_ss
    cdef double INaCa_i__k3p_ss = INaCa_i__h9_ss * 60000.0
    cdef double INaCa_i__h8_ss = 140.0 / (88.12 * INaCa_i__hna * INaCa_i__h7_ss)
    cdef double INaCa_i__k3pp_ss = INaCa_i__h8_ss * 5000.0
    cdef double INaCa_i__k3_ss = INaCa_i__k3p_ss + INaCa_i__k3pp_ss
    cdef double INaCa_i__h1_ss = 1.0 + intracellular_ions__nass / 88.12 * (1.0 + INaCa_i__hna)
    cdef double INaCa_i__h3_ss = 1.0 / INaCa_i__h1_ss
    cdef double INaCa_i__k4p_ss = INaCa_i__h3_ss * 60000.0 / INaCa_i__hca
    cdef double INaCa_i__h2_ss = intracellular_ions__nass * INaCa_i__hna / (88.12 * INaCa_i__h1_ss)
    cdef double INaCa_i__k4pp_ss = INaCa_i__h2_ss * 5000.0
    cdef double INaCa_i__k4_ss = INaCa_i__k4p_ss + INaCa_i__k4pp_ss
    cdef double INaCa_i__h4_ss = 1.0 + intracellular_ions__nass / 15.0 * (1.0 + intracellular_ions__nass / 5.0)
    cdef double INaCa_i__h6_ss = 1.0 / INaCa_i__h4_ss
    cdef double INaCa_i__k6_ss = INaCa_i__h6_ss * intracellular_ions__cass * 1500000.0
    cdef double INaCa_i__h5_ss = intracellular_ions__nass * intracellular_ions__nass / (INaCa_i__h4_ss * 15.0 * 5.0)
    cdef double INaCa_i__k7_ss = INaCa_i__h5_ss * INaCa_i__h2_ss * 60000.0
    cdef double INaCa_i__x1_ss = 5000.0 * INaCa_i__k4_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss) + 5000.0 * INaCa_i__k7_ss * (5000.0 + INaCa_i__k3_ss)
    cdef double INaCa_i__k8_ss = INaCa_i__h8_ss * 0.9196480938416423 * 60000.0
    cdef double INaCa_i__x2_ss = 9501.466275659823 * INaCa_i__k7_ss * (INaCa_i__k4_ss + 5000.0) + INaCa_i__k4_ss * INaCa_i__k6_ss * (9501.466275659823 + INaCa_i__k8_ss)
    cdef double INaCa_i__x3_ss = 9501.466275659823 * INaCa_i__k3_ss * (INaCa_i__k7_ss + INaCa_i__k6_ss) + INaCa_i__k8_ss * INaCa_i__k6_ss * (5000.0 + INaCa_i__k3_ss)
    cdef double INaCa_i__x4_ss = 5000.0 * INaCa_i__k8_ss * (INaCa_i__k4_ss + 5000.0) + INaCa_i__k3_ss * 5000.0 * (9501.466275659823 + INaCa_i__k8_ss)
    cdef double INaCa_i__E1_ss = INaCa_i__x1_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    cdef double INaCa_i__E2_ss = INaCa_i__x2_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    cdef double INaCa_i__JncxCa_ss = INaCa_i__E2_ss * 5000.0 - INaCa_i__E1_ss * 9501.466275659823
    cdef double INaCa_i__E3_ss = INaCa_i__x3_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    cdef double INaCa_i__E4_ss = INaCa_i__x4_ss / (INaCa_i__x1_ss + INaCa_i__x2_ss + INaCa_i__x3_ss + INaCa_i__x4_ss)
    cdef double INaCa_i__JncxNa_ss = 3.0 * (INaCa_i__E4_ss * INaCa_i__k7_ss - INaCa_i__E1_ss * INaCa_i__k8_ss) + INaCa_i__E3_ss * INaCa_i__k4pp_ss - INaCa_i__E2_ss * INaCa_i__k3pp_ss
    cdef double INaCa_i__allo_ss = 1.0 / (1.0 + ((0.00015 / intracellular_ions__cass) * (0.00015 / intracellular_ions__cass)))
    cdef double INaCa_i__INaCa_ss = 0.2 * INaCa_i__Gncx * INaCa_i__allo_ss * (1.0 * INaCa_i__JncxNa_ss + 2.0 * INaCa_i__JncxCa_ss)
    cdef double INab__INab = 3.75e-10 * membrane__vffrt * (intracellular_ions__nai * exp(membrane__vfrt) - 140.0) / (exp(membrane__vfrt) - 1.0)
    cdef double IpCa__IpCa = 0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai)
    cdef double dot__membrane__v = -(INa__INa + INaL__INaL + Ito__Ito + ICaL__ICaL + ICaL__ICaNa + ICaL__ICaK + IKr__IKr + IKs__IKs + IK1__IK1 + INaCa_i__INaCa_i + INaCa_i__INaCa_ss + INaK__INaK + INab__INab + IKb__IKb + IpCa__IpCa + ICab__ICab + (-i_stim / (-1.0)))
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

