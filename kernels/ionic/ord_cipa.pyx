# cython: language_level=3
# cardiotwin ionic kernel 'ord-cipa': GENERATED CODE, do not edit by hand.
#
# Generated from: ohara_rudy_cipa_v1_2017.cellml (sha256 c1918ade65d6f6b0)
# Li Z et al. (2017) Circ Arrhythm Electrophysiol 10:e004628; Dutta S et al. (2017) Front Physiol 8:616. CiPA v1.0, dynamic hERG binding.
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
# Lookup-table entries (depend on V only; step_lut): 84

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport rush_larsen_ab
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
CURRENT_NAMES = ('INa', 'INaL', 'ICaL', 'Ito', 'IKr', 'IKs', 'IK1', 'INaCa', 'INaK', 'Cai', 'I_ion')
CURRENT_UNITS = ('A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'mM', 'uA/uF')
CURRENT_SOURCES = ('INa.INa', 'INaL.INaL', 'ICaL.ICaL', 'Ito.Ito', 'IKr.IKr', 'IKs.IKs', 'IK1.IK1', 'INaCa_i.INaCa_i', 'INaK.INaK', 'intracellular_ions.cai', '-dV/dt at i_stim=0')
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-80.0, 0.5)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('membrane__vfrt', 'ICaL__U_3', 'ICaL__Afcaf', 'ICaL__Afcas', 'ICaL__U_1', 'ICaL__U_2', 'ICab__U', 'IK1__rk1', 'IKb__xkb', 'INaCa_i__hna', 'INaCa_i__k3pp_i', 'INaCa_i__k3_i', 'INaCa_i__hca', 'INaCa_i__k8_i', 'INaCa_i__k3pp_ss', 'INaCa_i__k3_ss', 'INaCa_i__k8_ss', 'INaK__Knai', 'INaK__b2', 'INaK__a3', 'INab__U', 'Ito__AiF', 'Ito__AiS', 'INa__mss', 'INa__tm', 'INa__hss', 'INa__thf', 'INa__ths', 'INa__jss', 'INa__tj', 'INa__hssp', 'INa__thsp', 'INa__tjp', 'INaL__mLss', 'INaL__tmL', 'INaL__hLss', 'INaL__hLssp', 'Ito__ass', 'Ito__ta', 'Ito__iss', 'Ito__tiF', 'Ito__tiS', 'Ito__assp', 'Ito__tiFp', 'Ito__tiSp', 'ICaL__dss', 'ICaL__td', 'ICaL__fss', 'ICaL__tff', 'ICaL__tfs', 'ICaL__fcass', 'ICaL__tfcaf', 'ICaL__tfcas', 'ICaL__tffp', 'ICaL__tfcafp', 'IKs__txs1', 'IKs__xs1ss', 'IKs__txs2', 'IKs__xs2ss', 'IK1__txk1', 'IK1__xk1ss', 'rlfactor__INa__m', 'rlfactor__INa__hf', 'rlfactor__INa__hs', 'rlfactor__INa__j', 'rlfactor__INa__hsp', 'rlfactor__INa__jp', 'rlfactor__INaL__mL', 'rlfactor__Ito__a', 'rlfactor__Ito__iF', 'rlfactor__Ito__iS', 'rlfactor__Ito__ap', 'rlfactor__Ito__iFp', 'rlfactor__Ito__iSp', 'rlfactor__ICaL__d', 'rlfactor__ICaL__ff', 'rlfactor__ICaL__fs', 'rlfactor__ICaL__fcaf', 'rlfactor__ICaL__fcas', 'rlfactor__ICaL__ffp', 'rlfactor__ICaL__fcafp', 'rlfactor__IKs__xs1', 'rlfactor__IKs__xs2', 'rlfactor__IK1__xk1')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
cdef Py_ssize_t N_STATES_C = 48
cdef Py_ssize_t N_LUT_C = 84
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
    cdef double ICaL__PCa = cardiotwin_parameters__PCa * (0.0001007 * 1.2 if (0.0 == 1.0) else (0.0001007 * 2.5 if (0.0 == 2.0) else 0.0001007))
    cdef double ICaL__PCaK = 0.0003574 * ICaL__PCa
    cdef double ICaL__PCap = 1.1 * ICaL__PCa
    cdef double ICaL__PCaKp = 0.0003574 * ICaL__PCap
    cdef double membrane__vfrt = membrane__v * 0.037435883507802616
    cdef double ICaL__A_3 = 0.75 * 3612.0012202503353 * (intracellular_ions__kss * exp(membrane__vfrt) - 5.4) / 0.037435883507802616
    cdef double ICaL__U_3 = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double ICaL__PhiCaK = (ICaL__A_3 * (1.0 - 0.5 * ICaL__U_3) if ((-1e-07 <= ICaL__U_3) and (ICaL__U_3 <= 1e-07)) else ICaL__A_3 * ICaL__U_3 / (exp(ICaL__U_3) - 1.0))
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
    cdef double ICaL__A_1 = 4.0 * 3612.0012202503353 * (intracellular_ions__cass * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / 0.07487176701560523
    cdef double ICaL__U_1 = 0.07487176701560523 * (membrane__v - 0.0)
    cdef double ICaL__PhiCaL = (ICaL__A_1 * (1.0 - 0.5 * ICaL__U_1) if ((-1e-07 <= ICaL__U_1) and (ICaL__U_1 <= 1e-07)) else ICaL__A_1 * ICaL__U_1 / (exp(ICaL__U_1) - 1.0))
    cdef double ICaL__ICaL = (1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICaL__PCaNa = 0.00125 * ICaL__PCa
    cdef double ICaL__PCaNap = 0.00125 * ICaL__PCap
    cdef double ICaL__A_2 = 0.75 * 3612.0012202503353 * (intracellular_ions__nass * exp(membrane__vfrt) - 140.0) / 0.037435883507802616
    cdef double ICaL__U_2 = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double ICaL__PhiCaNa = (ICaL__A_2 * (1.0 - 0.5 * ICaL__U_2) if ((-1e-07 <= ICaL__U_2) and (ICaL__U_2 <= 1e-07)) else ICaL__A_2 * ICaL__U_2 / (exp(ICaL__U_2) - 1.0))
    cdef double ICaL__ICaNa = (1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICab__A = 2.5e-08 * 4.0 * 3612.0012202503353 * (intracellular_ions__cai * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / 0.07487176701560523
    cdef double ICab__U = 0.07487176701560523 * (membrane__v - 0.0)
    cdef double ICab__ICab = (ICab__A * (1.0 - 0.5 * ICab__U) if ((-1e-07 <= ICab__U) and (ICab__U <= 1e-07)) else ICab__A * ICab__U / (exp(ICab__U) - 1.0))
    cdef double IK1__GK1_calc = cardiotwin_parameters__gK1 * (0.3239783999999998 * sqrt(5.4))
    cdef double IK1__rk1 = 1.0 / (1.0 + exp((membrane__v + 105.8 - 2.6 * 5.4) / 9.493))
    cdef double reversal_potentials__EK = 8314.0 * 310.0 / 96485.0 * log(5.4 / intracellular_ions__ki)
    cdef double IK1__IK1 = IK1__GK1_calc * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK)
    cdef double IKb__xkb = 1.0 / (1.0 + exp(-(membrane__v - 14.48) / 18.34))
    cdef double IKb__IKb = 0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK)
    cdef double IKr__GKr_calc = cardiotwin_parameters__gKr * (0.04658545454545456 * sqrt(5.4 / 5.4))
    cdef double IKr__IKr = IKr__GKr_calc * IKr__O * (membrane__v - reversal_potentials__EK)
    cdef double IKs__KsCa = 1.0 + 0.6 / (1.0 + pow((3.8e-05 / intracellular_ions__cai), 1.4))
    cdef double IKs__GKs_calc = cardiotwin_parameters__gKs * (0.006358000000000001 * IKs__KsCa)
    cdef double reversal_potentials__EKs = 8314.0 * 310.0 / 96485.0 * log((5.4 + 0.01833 * 140.0) / (intracellular_ions__ki + 0.01833 * intracellular_ions__nai))
    cdef double IKs__IKs = IKs__GKs_calc * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs)
    cdef double INa__GNa = cardiotwin_parameters__gNa * 75.0
    cdef double INa__fINap = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double INa__h = 0.99 * INa__hf + 0.010000000000000009 * INa__hs
    cdef double INa__hp = 0.99 * INa__hf + 0.010000000000000009 * INa__hsp
    cdef double reversal_potentials__ENa = 8314.0 * 310.0 / 96485.0 * log(140.0 / intracellular_ions__nai)
    cdef double INa__INa = INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * ((1.0 - INa__fINap) * INa__h * INa__j + INa__fINap * INa__hp * INa__jp)
    cdef double INaCa_i__Gncx_b = cardiotwin_parameters__gNaCa * 0.0008
    cdef double INaCa_i__Gncx = (INaCa_i__Gncx_b * 1.1 if (0.0 == 1.0) else (INaCa_i__Gncx_b * 1.4 if (0.0 == 2.0) else INaCa_i__Gncx_b))
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
    cdef double INaK__Pnak = (INaK__Pnak_b * 0.9 if (0.0 == 1.0) else (INaK__Pnak_b * 0.7 if (0.0 == 2.0) else INaK__Pnak_b))
    cdef double INaK__INaK = INaK__Pnak * (1.0 * INaK__JnakNa + 1.0 * INaK__JnakK)
    cdef double INaL__GNaL = cardiotwin_parameters__gNaL * (0.019957499999999975 * 0.6 if (0.0 == 1.0) else 0.019957499999999975)
    cdef double INaL__fINaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double INaL__INaL = INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * ((1.0 - INaL__fINaLp) * INaL__hL + INaL__fINaLp * INaL__hLp)
    cdef double INab__A = 3.75e-10 * 3612.0012202503353 * (intracellular_ions__nai * exp(membrane__vfrt) - 140.0) / 0.037435883507802616
    cdef double INab__U = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double INab__INab = (INab__A * (1.0 - 0.5 * INab__U) if ((-1e-07 <= INab__U) and (INab__U <= 1e-07)) else INab__A * INab__U / (exp(INab__U) - 1.0))
    cdef double IpCa__IpCa = 0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai)
    cdef double Ito__Gto = cardiotwin_parameters__gto * (0.02 * 4.0 if (0.0 == 1.0) else (0.02 * 4.0 if (0.0 == 2.0) else 0.02))
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
    cdef double SERCA__Jupnp = 1.0 * 0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092)
    cdef double SERCA__Jupp = 1.0 * 2.75 * 0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017)
    cdef double SERCA__fJupp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double SERCA__Jup = 1.0 * ((1.0 - SERCA__fJupp) * SERCA__Jupnp + SERCA__fJupp * SERCA__Jupp - SERCA__Jleak)
    cdef double trans_flux__Jtr = (intracellular_ions__cansr - intracellular_ions__cajsr) / 100.0
    cdef double dot__intracellular_ions__cansr = SERCA__Jup - trans_flux__Jtr * 1.8237120000000002e-07 / 2.0972688000000006e-06
    cdef double intracellular_ions__Bcajsr = 1.0 / (1.0 + 10.0 * 0.8 / ((0.8 + intracellular_ions__cajsr) * (0.8 + intracellular_ions__cajsr)))
    cdef double dot__intracellular_ions__cajsr = intracellular_ions__Bcajsr * (trans_flux__Jtr - ryr__Jrel)
    cdef double intracellular_ions__Bcai = 1.0 / (1.0 + 0.05 * 0.00238 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai)) + 0.07 * 0.0005 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))
    cdef double dot__intracellular_ions__cai = intracellular_ions__Bcai * (-(IpCa__IpCa + ICab__ICab - 2.0 * INaCa_i__INaCa_i) * 1.0 * 0.00015335760000000003 / (2.0 * 96485.0 * 2.583592000000001e-05) - SERCA__Jup * 2.0972688000000006e-06 / 2.583592000000001e-05 + diff__Jdiff * 7.598800000000002e-07 / 2.583592000000001e-05)
    cdef double INa__mss = 1.0 / (1.0 + exp(-(membrane__v + 39.57) / 9.871))
    cdef double INa__tm = 1.0 / (6.765 * exp((membrane__v + 11.64) / 34.77) + 8.552 * exp(-(membrane__v + 77.42) / 5.955))
    cdef double dot__INa__m = (INa__mss - INa__m) / INa__tm
    cdef double INa__hss = 1.0 / (1.0 + exp((membrane__v + 82.9 - 0.0) / 6.086))
    cdef double INa__thf = 1.0 / (1.432e-05 * exp(-(membrane__v + 1.196 - 0.0) / 6.285) + 6.149 * exp((membrane__v + 0.5096 - 0.0) / 20.27))
    cdef double dot__INa__hf = (INa__hss - INa__hf) / INa__thf
    cdef double INa__ths = 1.0 / (0.009794 * exp(-(membrane__v + 17.95 - 0.0) / 28.05) + 0.3343 * exp((membrane__v + 5.73 - 0.0) / 56.66))
    cdef double dot__INa__hs = (INa__hss - INa__hs) / INa__ths
    cdef double INa__jss = INa__hss
    cdef double INa__tj = 2.038 + 1.0 / (0.02136 * exp(-(membrane__v + 100.6 - 0.0) / 8.281) + 0.3052 * exp((membrane__v + 0.9941 - 0.0) / 38.45))
    cdef double dot__INa__j = (INa__jss - INa__j) / INa__tj
    cdef double INa__hssp = 1.0 / (1.0 + exp((membrane__v + 89.1 - 0.0) / 6.086))
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
    cdef double Ito__delta_epi = (1.0 - 0.95 / (1.0 + exp((membrane__v + 70.0) / 5.0)) if (0.0 == 1.0) else 1.0)
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
    cdef double dot__IKr__IC1 = -(0.0007868 * exp(1.535e-08 * membrane__v) * IKr__IC1 * exp((37.0 - 20.0) * log(4.942) / 10.0) - 5.455e-06 * exp((-0.1688) * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(4.156) / 10.0)) + 0.4492 * exp(0.008595 * membrane__v) * IKr__C1 * exp((37.0 - 20.0) * log(5.0) / 10.0) - 0.01241 * exp(0.1725 * membrane__v) * IKr__IC1 * exp((37.0 - 20.0) * log(5.568) / 10.0)
    cdef double dot__IKr__IC2 = 0.0007868 * exp(1.535e-08 * membrane__v) * IKr__IC1 * exp((37.0 - 20.0) * log(4.942) / 10.0) - 5.455e-06 * exp((-0.1688) * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(4.156) / 10.0) - (0.001214 * exp(0.008516 * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(4.962) / 10.0) - 1.854e-05 * exp((-0.04641) * membrane__v) * IKr__IO * exp((37.0 - 20.0) * log(3.769) / 10.0)) + 0.3181 * exp(3.613e-08 * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.663) / 10.0) - 0.3226 * exp((-0.0006575) * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(5.0) / 10.0)
    cdef double dot__IKr__C1 = -(0.0264 * exp(4.631e-05 * membrane__v) * IKr__C1 * exp((37.0 - 20.0) * log(4.843) / 10.0) - 4.986e-06 * exp((-0.004226) * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.23) / 10.0)) - (0.4492 * exp(0.008595 * membrane__v) * IKr__C1 * exp((37.0 - 20.0) * log(5.0) / 10.0) - 0.01241 * exp(0.1725 * membrane__v) * IKr__IC1 * exp((37.0 - 20.0) * log(5.568) / 10.0))
    cdef double dot__IKr__C2 = 0.0264 * exp(4.631e-05 * membrane__v) * IKr__C1 * exp((37.0 - 20.0) * log(4.843) / 10.0) - 4.986e-06 * exp((-0.004226) * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.23) / 10.0) - (0.005509 * exp(7.771e-09 * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.22) / 10.0) - 0.001416 * exp((-0.02877) * membrane__v) * IKr__O * exp((37.0 - 20.0) * log(1.459) / 10.0)) - (0.3181 * exp(3.613e-08 * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.663) / 10.0) - 0.3226 * exp((-0.0006575) * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(5.0) / 10.0))
    cdef double dot__IKr__O = 0.005509 * exp(7.771e-09 * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.22) / 10.0) - 0.001416 * exp((-0.02877) * membrane__v) * IKr__O * exp((37.0 - 20.0) * log(1.459) / 10.0) - (0.149 * exp(0.004668 * membrane__v) * IKr__O * exp((37.0 - 20.0) * log(2.412) / 10.0) - 0.008978 * exp((-0.02215) * membrane__v) * IKr__IO * exp((37.0 - 20.0) * log(5.682) / 10.0)) - (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) / (pow((IKr__D), IKr__n) + IKr__halfmax) * IKr__O - IKr__Ku * IKr__Obound)
    cdef double dot__IKr__IO = 0.001214 * exp(0.008516 * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(4.962) / 10.0) - 1.854e-05 * exp((-0.04641) * membrane__v) * IKr__IO * exp((37.0 - 20.0) * log(3.769) / 10.0) + 0.149 * exp(0.004668 * membrane__v) * IKr__O * exp((37.0 - 20.0) * log(2.412) / 10.0) - 0.008978 * exp((-0.02215) * membrane__v) * IKr__IO * exp((37.0 - 20.0) * log(5.682) / 10.0) - (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) / (pow((IKr__D), IKr__n) + IKr__halfmax) * IKr__IO - IKr__Ku * 0.149 * exp(0.004668 * membrane__v) * exp((37.0 - 20.0) * log(2.412) / 10.0) / (0.008978 * exp((-0.02215) * membrane__v) * exp((37.0 - 20.0) * log(5.682) / 10.0)) * IKr__IObound)
    cdef double dot__IKr__IObound = IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) / (pow((IKr__D), IKr__n) + IKr__halfmax) * IKr__IO - IKr__Ku * 0.149 * exp(0.004668 * membrane__v) * exp((37.0 - 20.0) * log(2.412) / 10.0) / (0.008978 * exp((-0.02215) * membrane__v) * exp((37.0 - 20.0) * log(5.682) / 10.0)) * IKr__IObound + IKr__Kt / (1.0 + exp(-(membrane__v - IKr__Vhalf) / 6.789)) * IKr__Cbound - IKr__Kt * IKr__IObound
    cdef double dot__IKr__Obound = IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) / (pow((IKr__D), IKr__n) + IKr__halfmax) * IKr__O - IKr__Ku * IKr__Obound + IKr__Kt / (1.0 + exp(-(membrane__v - IKr__Vhalf) / 6.789)) * IKr__Cbound - IKr__Kt * IKr__Obound
    cdef double dot__IKr__Cbound = -(IKr__Kt / (1.0 + exp(-(membrane__v - IKr__Vhalf) / 6.789)) * IKr__Cbound - IKr__Kt * IKr__Obound) - (IKr__Kt / (1.0 + exp(-(membrane__v - IKr__Vhalf) / 6.789)) * IKr__Cbound - IKr__Kt * IKr__IObound)
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
    cdef double ryr__Jrel_inf = (ryr__Jrel_inf_temp * 1.7 if (0.0 == 2.0) else ryr__Jrel_inf_temp)
    cdef double ryr__tau_rel_temp = 4.75 / (1.0 + 0.0123 / intracellular_ions__cajsr)
    cdef double ryr__tau_rel = (0.001 if (ryr__tau_rel_temp < 0.001) else ryr__tau_rel_temp)
    cdef double dot__ryr__Jrelnp = (ryr__Jrel_inf - ryr__Jrelnp) / ryr__tau_rel
    cdef double ryr__Jrel_temp = 2.96875 * -ICaL__ICaL / (1.0 + pow((1.5 / intracellular_ions__cajsr), 8.0))
    cdef double ryr__Jrel_infp = (ryr__Jrel_temp * 1.7 if (0.0 == 2.0) else ryr__Jrel_temp)
    cdef double ryr__tau_relp_temp = 5.9375 / (1.0 + 0.0123 / intracellular_ions__cajsr)
    cdef double ryr__tau_relp = (0.001 if (ryr__tau_relp_temp < 0.001) else ryr__tau_relp_temp)
    cdef double dot__ryr__Jrelp = (ryr__Jrel_infp - ryr__Jrelp) / ryr__tau_relp
    cdef Py_ssize_t be_i, be_j, be_k
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
    cdef double rlb__IKs__xs1 = -(1.0 / (IKs__txs1))
    cdef double rlb__IKs__xs2 = -(1.0 / (IKs__txs2))
    cdef double rlb__IK1__xk1 = -(1.0 / (IK1__txk1))
    cdef double rlb__ryr__Jrelnp = -(1.0 / (ryr__tau_rel))
    cdef double rlb__ryr__Jrelp = -(1.0 / (ryr__tau_relp))
    cdef double be0_A[81]
    cdef double be0_b[9]
    cdef double be0_f
    cdef double be0_m0_0 = -(0.0007868 * (exp(1.535e-08 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.942))))) + -(0.01241 * (exp(0.1725 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.568)))))
    cdef double be0_m0_1 = 5.455e-06 * (exp((-0.1688) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.156))))
    cdef double be0_m0_2 = 0.4492 * (exp(0.008595 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.0))))
    cdef double be0_m1_0 = 0.0007868 * (exp(1.535e-08 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.942))))
    cdef double be0_m1_1 = -(5.455e-06 * (exp((-0.1688) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.156))))) + (-(0.001214 * (exp(0.008516 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.962))))) + -(0.3226 * (exp((-0.0006575) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.0))))))
    cdef double be0_m1_3 = 0.3181 * (exp(3.613e-08 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.663))))
    cdef double be0_m1_5 = 1.854e-05 * (exp((-0.04641) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(3.769))))
    cdef double be0_m2_0 = 0.01241 * (exp(0.1725 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.568))))
    cdef double be0_m2_2 = -(0.0264 * (exp(4.631e-05 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.843))))) + -(0.4492 * (exp(0.008595 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.0)))))
    cdef double be0_m2_3 = 4.986e-06 * (exp((-0.004226) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.23))))
    cdef double be0_m3_1 = 0.3226 * (exp((-0.0006575) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.0))))
    cdef double be0_m3_2 = 0.0264 * (exp(4.631e-05 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.843))))
    cdef double be0_m3_3 = -(4.986e-06 * (exp((-0.004226) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.23))))) + (-(0.005509 * (exp(7.771e-09 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.22))))) + -(0.3181 * (exp(3.613e-08 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.663))))))
    cdef double be0_m3_4 = 0.001416 * (exp((-0.02877) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(1.459))))
    cdef double be0_m4_3 = 0.005509 * (exp(7.771e-09 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.22))))
    cdef double be0_m4_4 = -(0.001416 * (exp((-0.02877) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(1.459))))) + (-(0.149 * (exp(0.004668 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(2.412))))) + -(IKr__Kmax * (IKr__Ku * (pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n)))))))
    cdef double be0_m4_5 = 0.008978 * (exp((-0.02215) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.682))))
    cdef double be0_m4_7 = IKr__Ku
    cdef double be0_m5_1 = 0.001214 * (exp(0.008516 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.962))))
    cdef double be0_m5_4 = 0.149 * (exp(0.004668 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(2.412))))
    cdef double be0_m5_5 = -(1.854e-05 * (exp((-0.04641) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(3.769))))) + (-(0.008978 * (exp((-0.02215) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.682))))) + -(IKr__Kmax * (IKr__Ku * (pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n)))))))
    cdef double be0_m5_6 = 0.149 * (IKr__Ku * ((1.0 / (0.008978)) * (exp(0.004668 * membrane__v) * (exp(-((-0.02215) * membrane__v)) * (exp((-0.1) * (((-20.0) + 37.0) * log(5.682))) * exp(0.1 * (((-20.0) + 37.0) * log(2.412))))))))
    cdef double be0_m6_5 = IKr__Kmax * (IKr__Ku * (pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n)))))
    cdef double be0_m6_6 = -IKr__Kt + -(0.149 * (IKr__Ku * ((1.0 / (0.008978)) * (exp(0.004668 * membrane__v) * (exp(-((-0.02215) * membrane__v)) * (exp((-0.1) * (((-20.0) + 37.0) * log(5.682))) * exp(0.1 * (((-20.0) + 37.0) * log(2.412)))))))))
    cdef double be0_m6_8 = IKr__Kt * (1.0 / (1.0 + exp(0.14729709824716453 * IKr__Vhalf + (-0.14729709824716453) * membrane__v)))
    cdef double be0_m7_4 = IKr__Kmax * (IKr__Ku * (pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n)))))
    cdef double be0_m7_7 = -IKr__Kt + -IKr__Ku
    cdef double be0_m7_8 = IKr__Kt * (1.0 / (1.0 + exp(0.14729709824716453 * IKr__Vhalf + (-0.14729709824716453) * membrane__v)))
    cdef double be0_m8_6 = IKr__Kt
    cdef double be0_m8_7 = IKr__Kt
    cdef double be0_m8_8 = (-2.0) * (IKr__Kt * (1.0 / (1.0 + exp(0.14729709824716453 * IKr__Vhalf + (-0.14729709824716453) * membrane__v))))
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
    s[43 * n + c] = rush_larsen_ab(IKs__xs1, dot__IKs__xs1 - rlb__IKs__xs1 * IKs__xs1, rlb__IKs__xs1, dt)
    s[44 * n + c] = rush_larsen_ab(IKs__xs2, dot__IKs__xs2 - rlb__IKs__xs2 * IKs__xs2, rlb__IKs__xs2, dt)
    s[45 * n + c] = rush_larsen_ab(IK1__xk1, dot__IK1__xk1 - rlb__IK1__xk1 * IK1__xk1, rlb__IK1__xk1, dt)
    s[46 * n + c] = rush_larsen_ab(ryr__Jrelnp, dot__ryr__Jrelnp - rlb__ryr__Jrelnp * ryr__Jrelnp, rlb__ryr__Jrelnp, dt)
    s[47 * n + c] = rush_larsen_ab(ryr__Jrelp, dot__ryr__Jrelp - rlb__ryr__Jrelp * ryr__Jrelp, rlb__ryr__Jrelp, dt)
    for be_i in range(81):
        be0_A[be_i] = 0.0
    be0_A[0] = 1.0
    be0_b[0] = IKr__IC1 + dt * (dot__IKr__IC1 - be0_m0_0 * IKr__IC1 - be0_m0_1 * IKr__IC2 - be0_m0_2 * IKr__C1)
    be0_A[10] = 1.0
    be0_b[1] = IKr__IC2 + dt * (dot__IKr__IC2 - be0_m1_0 * IKr__IC1 - be0_m1_1 * IKr__IC2 - be0_m1_3 * IKr__C2 - be0_m1_5 * IKr__IO)
    be0_A[20] = 1.0
    be0_b[2] = IKr__C1 + dt * (dot__IKr__C1 - be0_m2_0 * IKr__IC1 - be0_m2_2 * IKr__C1 - be0_m2_3 * IKr__C2)
    be0_A[30] = 1.0
    be0_b[3] = IKr__C2 + dt * (dot__IKr__C2 - be0_m3_1 * IKr__IC2 - be0_m3_2 * IKr__C1 - be0_m3_3 * IKr__C2 - be0_m3_4 * IKr__O)
    be0_A[40] = 1.0
    be0_b[4] = IKr__O + dt * (dot__IKr__O - be0_m4_3 * IKr__C2 - be0_m4_4 * IKr__O - be0_m4_5 * IKr__IO - be0_m4_7 * IKr__Obound)
    be0_A[50] = 1.0
    be0_b[5] = IKr__IO + dt * (dot__IKr__IO - be0_m5_1 * IKr__IC2 - be0_m5_4 * IKr__O - be0_m5_5 * IKr__IO - be0_m5_6 * IKr__IObound)
    be0_A[60] = 1.0
    be0_b[6] = IKr__IObound + dt * (dot__IKr__IObound - be0_m6_5 * IKr__IO - be0_m6_6 * IKr__IObound - be0_m6_8 * IKr__Cbound)
    be0_A[70] = 1.0
    be0_b[7] = IKr__Obound + dt * (dot__IKr__Obound - be0_m7_4 * IKr__O - be0_m7_7 * IKr__Obound - be0_m7_8 * IKr__Cbound)
    be0_A[80] = 1.0
    be0_b[8] = IKr__Cbound + dt * (dot__IKr__Cbound - be0_m8_6 * IKr__IObound - be0_m8_7 * IKr__Obound - be0_m8_8 * IKr__Cbound)
    be0_A[0] -= dt * be0_m0_0
    be0_A[1] -= dt * be0_m0_1
    be0_A[2] -= dt * be0_m0_2
    be0_A[9] -= dt * be0_m1_0
    be0_A[10] -= dt * be0_m1_1
    be0_A[12] -= dt * be0_m1_3
    be0_A[14] -= dt * be0_m1_5
    be0_A[18] -= dt * be0_m2_0
    be0_A[20] -= dt * be0_m2_2
    be0_A[21] -= dt * be0_m2_3
    be0_A[28] -= dt * be0_m3_1
    be0_A[29] -= dt * be0_m3_2
    be0_A[30] -= dt * be0_m3_3
    be0_A[31] -= dt * be0_m3_4
    be0_A[39] -= dt * be0_m4_3
    be0_A[40] -= dt * be0_m4_4
    be0_A[41] -= dt * be0_m4_5
    be0_A[43] -= dt * be0_m4_7
    be0_A[46] -= dt * be0_m5_1
    be0_A[49] -= dt * be0_m5_4
    be0_A[50] -= dt * be0_m5_5
    be0_A[51] -= dt * be0_m5_6
    be0_A[59] -= dt * be0_m6_5
    be0_A[60] -= dt * be0_m6_6
    be0_A[62] -= dt * be0_m6_8
    be0_A[67] -= dt * be0_m7_4
    be0_A[70] -= dt * be0_m7_7
    be0_A[71] -= dt * be0_m7_8
    be0_A[78] -= dt * be0_m8_6
    be0_A[79] -= dt * be0_m8_7
    be0_A[80] -= dt * be0_m8_8
    for be_k in range(9):
        for be_i in range(be_k + 1, 9):
            be0_f = be0_A[be_i * 9 + be_k] / be0_A[be_k * 9 + be_k]
            if be0_f != 0.0:
                for be_j in range(be_k, 9):
                    be0_A[be_i * 9 + be_j] -= be0_f * be0_A[be_k * 9 + be_j]
                be0_b[be_i] -= be0_f * be0_b[be_k]
    for be_k in range(9 - 1, -1, -1):
        for be_j in range(be_k + 1, 9):
            be0_b[be_k] -= be0_A[be_k * 9 + be_j] * be0_b[be_j]
        be0_b[be_k] /= be0_A[be_k * 9 + be_k]
    s[34 * n + c] = be0_b[0]
    s[35 * n + c] = be0_b[1]
    s[36 * n + c] = be0_b[2]
    s[37 * n + c] = be0_b[3]
    s[38 * n + c] = be0_b[4]
    s[39 * n + c] = be0_b[5]
    s[40 * n + c] = be0_b[6]
    s[41 * n + c] = be0_b[7]
    s[42 * n + c] = be0_b[8]


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
    cdef double x_lut = (membrane__v - vmin) * inv_dv
    cdef Py_ssize_t i_lut
    cdef double w_lut
    cdef const double* r0
    cdef const double* r1
    cdef double membrane__vfrt
    cdef double ICaL__U_3
    cdef double ICaL__Afcaf
    cdef double ICaL__Afcas
    cdef double ICaL__U_1
    cdef double ICaL__U_2
    cdef double ICab__U
    cdef double IK1__rk1
    cdef double IKb__xkb
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
    cdef double INab__U
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
    cdef double rlfactor__IKs__xs1
    cdef double rlfactor__IKs__xs2
    cdef double rlfactor__IK1__xk1
    cdef double ICaL__PCa
    cdef double ICaL__PCaK
    cdef double ICaL__PCap
    cdef double ICaL__PCaKp
    cdef double ICaL__A_3
    cdef double ICaL__PhiCaK
    cdef double ICaL__f
    cdef double CaMK__CaMKb
    cdef double CaMK__CaMKa
    cdef double ICaL__fICaLp
    cdef double ICaL__fca
    cdef double ICaL__fcap
    cdef double ICaL__fp
    cdef double ICaL__ICaK
    cdef double ICaL__A_1
    cdef double ICaL__PhiCaL
    cdef double ICaL__ICaL
    cdef double ICaL__PCaNa
    cdef double ICaL__PCaNap
    cdef double ICaL__A_2
    cdef double ICaL__PhiCaNa
    cdef double ICaL__ICaNa
    cdef double ICab__A
    cdef double ICab__ICab
    cdef double IK1__GK1_calc
    cdef double reversal_potentials__EK
    cdef double IK1__IK1
    cdef double IKb__IKb
    cdef double IKr__GKr_calc
    cdef double IKr__IKr
    cdef double IKs__KsCa
    cdef double IKs__GKs_calc
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
    cdef double INab__A
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
    cdef double dot__IKr__IC1
    cdef double dot__IKr__IC2
    cdef double dot__IKr__C1
    cdef double dot__IKr__C2
    cdef double dot__IKr__O
    cdef double dot__IKr__IO
    cdef double dot__IKr__IObound
    cdef double dot__IKr__Obound
    cdef double dot__IKr__Cbound
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
    cdef Py_ssize_t be_i, be_j, be_k
    cdef double rlb__INaL__hL
    cdef double rlb__INaL__hLp
    cdef double rlb__ICaL__jca
    cdef double rlb__ICaL__nca
    cdef double rlb__ryr__Jrelnp
    cdef double rlb__ryr__Jrelp
    cdef double be0_A[81]
    cdef double be0_b[9]
    cdef double be0_f
    cdef double be0_m0_0
    cdef double be0_m0_1
    cdef double be0_m0_2
    cdef double be0_m1_0
    cdef double be0_m1_1
    cdef double be0_m1_3
    cdef double be0_m1_5
    cdef double be0_m2_0
    cdef double be0_m2_2
    cdef double be0_m2_3
    cdef double be0_m3_1
    cdef double be0_m3_2
    cdef double be0_m3_3
    cdef double be0_m3_4
    cdef double be0_m4_3
    cdef double be0_m4_4
    cdef double be0_m4_5
    cdef double be0_m4_7
    cdef double be0_m5_1
    cdef double be0_m5_4
    cdef double be0_m5_5
    cdef double be0_m5_6
    cdef double be0_m6_5
    cdef double be0_m6_6
    cdef double be0_m6_8
    cdef double be0_m7_4
    cdef double be0_m7_7
    cdef double be0_m7_8
    cdef double be0_m8_6
    cdef double be0_m8_7
    cdef double be0_m8_8
    if x_lut < 0.0:
        x_lut = 0.0
    elif x_lut > n_rows - 1.000001:
        x_lut = n_rows - 1.000001
    i_lut = <Py_ssize_t>x_lut
    w_lut = x_lut - i_lut
    r0 = lut + i_lut * 84
    r1 = r0 + 84
    membrane__vfrt = r0[0] + w_lut * (r1[0] - r0[0])
    ICaL__U_3 = r0[1] + w_lut * (r1[1] - r0[1])
    ICaL__Afcaf = r0[2] + w_lut * (r1[2] - r0[2])
    ICaL__Afcas = r0[3] + w_lut * (r1[3] - r0[3])
    ICaL__U_1 = r0[4] + w_lut * (r1[4] - r0[4])
    ICaL__U_2 = r0[5] + w_lut * (r1[5] - r0[5])
    ICab__U = r0[6] + w_lut * (r1[6] - r0[6])
    IK1__rk1 = r0[7] + w_lut * (r1[7] - r0[7])
    IKb__xkb = r0[8] + w_lut * (r1[8] - r0[8])
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
    INab__U = r0[20] + w_lut * (r1[20] - r0[20])
    Ito__AiF = r0[21] + w_lut * (r1[21] - r0[21])
    Ito__AiS = r0[22] + w_lut * (r1[22] - r0[22])
    INa__mss = r0[23] + w_lut * (r1[23] - r0[23])
    INa__tm = r0[24] + w_lut * (r1[24] - r0[24])
    INa__hss = r0[25] + w_lut * (r1[25] - r0[25])
    INa__thf = r0[26] + w_lut * (r1[26] - r0[26])
    INa__ths = r0[27] + w_lut * (r1[27] - r0[27])
    INa__jss = r0[28] + w_lut * (r1[28] - r0[28])
    INa__tj = r0[29] + w_lut * (r1[29] - r0[29])
    INa__hssp = r0[30] + w_lut * (r1[30] - r0[30])
    INa__thsp = r0[31] + w_lut * (r1[31] - r0[31])
    INa__tjp = r0[32] + w_lut * (r1[32] - r0[32])
    INaL__mLss = r0[33] + w_lut * (r1[33] - r0[33])
    INaL__tmL = r0[34] + w_lut * (r1[34] - r0[34])
    INaL__hLss = r0[35] + w_lut * (r1[35] - r0[35])
    INaL__hLssp = r0[36] + w_lut * (r1[36] - r0[36])
    Ito__ass = r0[37] + w_lut * (r1[37] - r0[37])
    Ito__ta = r0[38] + w_lut * (r1[38] - r0[38])
    Ito__iss = r0[39] + w_lut * (r1[39] - r0[39])
    Ito__tiF = r0[40] + w_lut * (r1[40] - r0[40])
    Ito__tiS = r0[41] + w_lut * (r1[41] - r0[41])
    Ito__assp = r0[42] + w_lut * (r1[42] - r0[42])
    Ito__tiFp = r0[43] + w_lut * (r1[43] - r0[43])
    Ito__tiSp = r0[44] + w_lut * (r1[44] - r0[44])
    ICaL__dss = r0[45] + w_lut * (r1[45] - r0[45])
    ICaL__td = r0[46] + w_lut * (r1[46] - r0[46])
    ICaL__fss = r0[47] + w_lut * (r1[47] - r0[47])
    ICaL__tff = r0[48] + w_lut * (r1[48] - r0[48])
    ICaL__tfs = r0[49] + w_lut * (r1[49] - r0[49])
    ICaL__fcass = r0[50] + w_lut * (r1[50] - r0[50])
    ICaL__tfcaf = r0[51] + w_lut * (r1[51] - r0[51])
    ICaL__tfcas = r0[52] + w_lut * (r1[52] - r0[52])
    ICaL__tffp = r0[53] + w_lut * (r1[53] - r0[53])
    ICaL__tfcafp = r0[54] + w_lut * (r1[54] - r0[54])
    IKs__txs1 = r0[55] + w_lut * (r1[55] - r0[55])
    IKs__xs1ss = r0[56] + w_lut * (r1[56] - r0[56])
    IKs__txs2 = r0[57] + w_lut * (r1[57] - r0[57])
    IKs__xs2ss = r0[58] + w_lut * (r1[58] - r0[58])
    IK1__txk1 = r0[59] + w_lut * (r1[59] - r0[59])
    IK1__xk1ss = r0[60] + w_lut * (r1[60] - r0[60])
    rlfactor__INa__m = r0[61] + w_lut * (r1[61] - r0[61])
    rlfactor__INa__hf = r0[62] + w_lut * (r1[62] - r0[62])
    rlfactor__INa__hs = r0[63] + w_lut * (r1[63] - r0[63])
    rlfactor__INa__j = r0[64] + w_lut * (r1[64] - r0[64])
    rlfactor__INa__hsp = r0[65] + w_lut * (r1[65] - r0[65])
    rlfactor__INa__jp = r0[66] + w_lut * (r1[66] - r0[66])
    rlfactor__INaL__mL = r0[67] + w_lut * (r1[67] - r0[67])
    rlfactor__Ito__a = r0[68] + w_lut * (r1[68] - r0[68])
    rlfactor__Ito__iF = r0[69] + w_lut * (r1[69] - r0[69])
    rlfactor__Ito__iS = r0[70] + w_lut * (r1[70] - r0[70])
    rlfactor__Ito__ap = r0[71] + w_lut * (r1[71] - r0[71])
    rlfactor__Ito__iFp = r0[72] + w_lut * (r1[72] - r0[72])
    rlfactor__Ito__iSp = r0[73] + w_lut * (r1[73] - r0[73])
    rlfactor__ICaL__d = r0[74] + w_lut * (r1[74] - r0[74])
    rlfactor__ICaL__ff = r0[75] + w_lut * (r1[75] - r0[75])
    rlfactor__ICaL__fs = r0[76] + w_lut * (r1[76] - r0[76])
    rlfactor__ICaL__fcaf = r0[77] + w_lut * (r1[77] - r0[77])
    rlfactor__ICaL__fcas = r0[78] + w_lut * (r1[78] - r0[78])
    rlfactor__ICaL__ffp = r0[79] + w_lut * (r1[79] - r0[79])
    rlfactor__ICaL__fcafp = r0[80] + w_lut * (r1[80] - r0[80])
    rlfactor__IKs__xs1 = r0[81] + w_lut * (r1[81] - r0[81])
    rlfactor__IKs__xs2 = r0[82] + w_lut * (r1[82] - r0[82])
    rlfactor__IK1__xk1 = r0[83] + w_lut * (r1[83] - r0[83])
    ICaL__PCa = cardiotwin_parameters__PCa * (0.0001007 * 1.2 if (0.0 == 1.0) else (0.0001007 * 2.5 if (0.0 == 2.0) else 0.0001007))
    ICaL__PCaK = 0.0003574 * ICaL__PCa
    ICaL__PCap = 1.1 * ICaL__PCa
    ICaL__PCaKp = 0.0003574 * ICaL__PCap
    ICaL__A_3 = 0.75 * 3612.0012202503353 * (intracellular_ions__kss * exp(membrane__vfrt) - 5.4) / 0.037435883507802616
    ICaL__PhiCaK = (ICaL__A_3 * (1.0 - 0.5 * ICaL__U_3) if ((-1e-07 <= ICaL__U_3) and (ICaL__U_3 <= 1e-07)) else ICaL__A_3 * ICaL__U_3 / (exp(ICaL__U_3) - 1.0))
    ICaL__f = 0.6 * ICaL__ff + 0.4 * ICaL__fs
    CaMK__CaMKb = 0.05 * (1.0 - CaMK__CaMKt) / (1.0 + 0.0015 / intracellular_ions__cass)
    CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt
    ICaL__fICaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    ICaL__fca = ICaL__Afcaf * ICaL__fcaf + ICaL__Afcas * ICaL__fcas
    ICaL__fcap = ICaL__Afcaf * ICaL__fcafp + ICaL__Afcas * ICaL__fcas
    ICaL__fp = 0.6 * ICaL__ffp + 0.4 * ICaL__fs
    ICaL__ICaK = (1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    ICaL__A_1 = 4.0 * 3612.0012202503353 * (intracellular_ions__cass * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / 0.07487176701560523
    ICaL__PhiCaL = (ICaL__A_1 * (1.0 - 0.5 * ICaL__U_1) if ((-1e-07 <= ICaL__U_1) and (ICaL__U_1 <= 1e-07)) else ICaL__A_1 * ICaL__U_1 / (exp(ICaL__U_1) - 1.0))
    ICaL__ICaL = (1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    ICaL__PCaNa = 0.00125 * ICaL__PCa
    ICaL__PCaNap = 0.00125 * ICaL__PCap
    ICaL__A_2 = 0.75 * 3612.0012202503353 * (intracellular_ions__nass * exp(membrane__vfrt) - 140.0) / 0.037435883507802616
    ICaL__PhiCaNa = (ICaL__A_2 * (1.0 - 0.5 * ICaL__U_2) if ((-1e-07 <= ICaL__U_2) and (ICaL__U_2 <= 1e-07)) else ICaL__A_2 * ICaL__U_2 / (exp(ICaL__U_2) - 1.0))
    ICaL__ICaNa = (1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    ICab__A = 2.5e-08 * 4.0 * 3612.0012202503353 * (intracellular_ions__cai * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / 0.07487176701560523
    ICab__ICab = (ICab__A * (1.0 - 0.5 * ICab__U) if ((-1e-07 <= ICab__U) and (ICab__U <= 1e-07)) else ICab__A * ICab__U / (exp(ICab__U) - 1.0))
    IK1__GK1_calc = cardiotwin_parameters__gK1 * (0.3239783999999998 * sqrt(5.4))
    reversal_potentials__EK = 8314.0 * 310.0 / 96485.0 * log(5.4 / intracellular_ions__ki)
    IK1__IK1 = IK1__GK1_calc * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK)
    IKb__IKb = 0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK)
    IKr__GKr_calc = cardiotwin_parameters__gKr * (0.04658545454545456 * sqrt(5.4 / 5.4))
    IKr__IKr = IKr__GKr_calc * IKr__O * (membrane__v - reversal_potentials__EK)
    IKs__KsCa = 1.0 + 0.6 / (1.0 + pow((3.8e-05 / intracellular_ions__cai), 1.4))
    IKs__GKs_calc = cardiotwin_parameters__gKs * (0.006358000000000001 * IKs__KsCa)
    reversal_potentials__EKs = 8314.0 * 310.0 / 96485.0 * log((5.4 + 0.01833 * 140.0) / (intracellular_ions__ki + 0.01833 * intracellular_ions__nai))
    IKs__IKs = IKs__GKs_calc * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs)
    INa__GNa = cardiotwin_parameters__gNa * 75.0
    INa__fINap = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    INa__h = 0.99 * INa__hf + 0.010000000000000009 * INa__hs
    INa__hp = 0.99 * INa__hf + 0.010000000000000009 * INa__hsp
    reversal_potentials__ENa = 8314.0 * 310.0 / 96485.0 * log(140.0 / intracellular_ions__nai)
    INa__INa = INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * ((1.0 - INa__fINap) * INa__h * INa__j + INa__fINap * INa__hp * INa__jp)
    INaCa_i__Gncx_b = cardiotwin_parameters__gNaCa * 0.0008
    INaCa_i__Gncx = (INaCa_i__Gncx_b * 1.1 if (0.0 == 1.0) else (INaCa_i__Gncx_b * 1.4 if (0.0 == 2.0) else INaCa_i__Gncx_b))
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
    INaK__Pnak = (INaK__Pnak_b * 0.9 if (0.0 == 1.0) else (INaK__Pnak_b * 0.7 if (0.0 == 2.0) else INaK__Pnak_b))
    INaK__INaK = INaK__Pnak * (1.0 * INaK__JnakNa + 1.0 * INaK__JnakK)
    INaL__GNaL = cardiotwin_parameters__gNaL * (0.019957499999999975 * 0.6 if (0.0 == 1.0) else 0.019957499999999975)
    INaL__fINaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    INaL__INaL = INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * ((1.0 - INaL__fINaLp) * INaL__hL + INaL__fINaLp * INaL__hLp)
    INab__A = 3.75e-10 * 3612.0012202503353 * (intracellular_ions__nai * exp(membrane__vfrt) - 140.0) / 0.037435883507802616
    INab__INab = (INab__A * (1.0 - 0.5 * INab__U) if ((-1e-07 <= INab__U) and (INab__U <= 1e-07)) else INab__A * INab__U / (exp(INab__U) - 1.0))
    IpCa__IpCa = 0.0005 * intracellular_ions__cai / (0.0005 + intracellular_ions__cai)
    Ito__Gto = cardiotwin_parameters__gto * (0.02 * 4.0 if (0.0 == 1.0) else (0.02 * 4.0 if (0.0 == 2.0) else 0.02))
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
    SERCA__Jupnp = 1.0 * 0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092)
    SERCA__Jupp = 1.0 * 2.75 * 0.004375 * intracellular_ions__cai / (intracellular_ions__cai + 0.00092 - 0.00017)
    SERCA__fJupp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    SERCA__Jup = 1.0 * ((1.0 - SERCA__fJupp) * SERCA__Jupnp + SERCA__fJupp * SERCA__Jupp - SERCA__Jleak)
    trans_flux__Jtr = (intracellular_ions__cansr - intracellular_ions__cajsr) / 100.0
    dot__intracellular_ions__cansr = SERCA__Jup - trans_flux__Jtr * 1.8237120000000002e-07 / 2.0972688000000006e-06
    intracellular_ions__Bcajsr = 1.0 / (1.0 + 10.0 * 0.8 / ((0.8 + intracellular_ions__cajsr) * (0.8 + intracellular_ions__cajsr)))
    dot__intracellular_ions__cajsr = intracellular_ions__Bcajsr * (trans_flux__Jtr - ryr__Jrel)
    intracellular_ions__Bcai = 1.0 / (1.0 + 0.05 * 0.00238 / ((0.00238 + intracellular_ions__cai) * (0.00238 + intracellular_ions__cai)) + 0.07 * 0.0005 / ((0.0005 + intracellular_ions__cai) * (0.0005 + intracellular_ions__cai)))
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
    dot__IKr__IC1 = -(0.0007868 * exp(1.535e-08 * membrane__v) * IKr__IC1 * exp((37.0 - 20.0) * log(4.942) / 10.0) - 5.455e-06 * exp((-0.1688) * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(4.156) / 10.0)) + 0.4492 * exp(0.008595 * membrane__v) * IKr__C1 * exp((37.0 - 20.0) * log(5.0) / 10.0) - 0.01241 * exp(0.1725 * membrane__v) * IKr__IC1 * exp((37.0 - 20.0) * log(5.568) / 10.0)
    dot__IKr__IC2 = 0.0007868 * exp(1.535e-08 * membrane__v) * IKr__IC1 * exp((37.0 - 20.0) * log(4.942) / 10.0) - 5.455e-06 * exp((-0.1688) * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(4.156) / 10.0) - (0.001214 * exp(0.008516 * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(4.962) / 10.0) - 1.854e-05 * exp((-0.04641) * membrane__v) * IKr__IO * exp((37.0 - 20.0) * log(3.769) / 10.0)) + 0.3181 * exp(3.613e-08 * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.663) / 10.0) - 0.3226 * exp((-0.0006575) * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(5.0) / 10.0)
    dot__IKr__C1 = -(0.0264 * exp(4.631e-05 * membrane__v) * IKr__C1 * exp((37.0 - 20.0) * log(4.843) / 10.0) - 4.986e-06 * exp((-0.004226) * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.23) / 10.0)) - (0.4492 * exp(0.008595 * membrane__v) * IKr__C1 * exp((37.0 - 20.0) * log(5.0) / 10.0) - 0.01241 * exp(0.1725 * membrane__v) * IKr__IC1 * exp((37.0 - 20.0) * log(5.568) / 10.0))
    dot__IKr__C2 = 0.0264 * exp(4.631e-05 * membrane__v) * IKr__C1 * exp((37.0 - 20.0) * log(4.843) / 10.0) - 4.986e-06 * exp((-0.004226) * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.23) / 10.0) - (0.005509 * exp(7.771e-09 * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.22) / 10.0) - 0.001416 * exp((-0.02877) * membrane__v) * IKr__O * exp((37.0 - 20.0) * log(1.459) / 10.0)) - (0.3181 * exp(3.613e-08 * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.663) / 10.0) - 0.3226 * exp((-0.0006575) * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(5.0) / 10.0))
    dot__IKr__O = 0.005509 * exp(7.771e-09 * membrane__v) * IKr__C2 * exp((37.0 - 20.0) * log(4.22) / 10.0) - 0.001416 * exp((-0.02877) * membrane__v) * IKr__O * exp((37.0 - 20.0) * log(1.459) / 10.0) - (0.149 * exp(0.004668 * membrane__v) * IKr__O * exp((37.0 - 20.0) * log(2.412) / 10.0) - 0.008978 * exp((-0.02215) * membrane__v) * IKr__IO * exp((37.0 - 20.0) * log(5.682) / 10.0)) - (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) / (pow((IKr__D), IKr__n) + IKr__halfmax) * IKr__O - IKr__Ku * IKr__Obound)
    dot__IKr__IO = 0.001214 * exp(0.008516 * membrane__v) * IKr__IC2 * exp((37.0 - 20.0) * log(4.962) / 10.0) - 1.854e-05 * exp((-0.04641) * membrane__v) * IKr__IO * exp((37.0 - 20.0) * log(3.769) / 10.0) + 0.149 * exp(0.004668 * membrane__v) * IKr__O * exp((37.0 - 20.0) * log(2.412) / 10.0) - 0.008978 * exp((-0.02215) * membrane__v) * IKr__IO * exp((37.0 - 20.0) * log(5.682) / 10.0) - (IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) / (pow((IKr__D), IKr__n) + IKr__halfmax) * IKr__IO - IKr__Ku * 0.149 * exp(0.004668 * membrane__v) * exp((37.0 - 20.0) * log(2.412) / 10.0) / (0.008978 * exp((-0.02215) * membrane__v) * exp((37.0 - 20.0) * log(5.682) / 10.0)) * IKr__IObound)
    dot__IKr__IObound = IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) / (pow((IKr__D), IKr__n) + IKr__halfmax) * IKr__IO - IKr__Ku * 0.149 * exp(0.004668 * membrane__v) * exp((37.0 - 20.0) * log(2.412) / 10.0) / (0.008978 * exp((-0.02215) * membrane__v) * exp((37.0 - 20.0) * log(5.682) / 10.0)) * IKr__IObound + IKr__Kt / (1.0 + exp(-(membrane__v - IKr__Vhalf) / 6.789)) * IKr__Cbound - IKr__Kt * IKr__IObound
    dot__IKr__Obound = IKr__Kmax * IKr__Ku * pow((IKr__D), IKr__n) / (pow((IKr__D), IKr__n) + IKr__halfmax) * IKr__O - IKr__Ku * IKr__Obound + IKr__Kt / (1.0 + exp(-(membrane__v - IKr__Vhalf) / 6.789)) * IKr__Cbound - IKr__Kt * IKr__Obound
    dot__IKr__Cbound = -(IKr__Kt / (1.0 + exp(-(membrane__v - IKr__Vhalf) / 6.789)) * IKr__Cbound - IKr__Kt * IKr__Obound) - (IKr__Kt / (1.0 + exp(-(membrane__v - IKr__Vhalf) / 6.789)) * IKr__Cbound - IKr__Kt * IKr__IObound)
    dot__IKs__xs1 = (IKs__xs1ss - IKs__xs1) / IKs__txs1
    dot__IKs__xs2 = (IKs__xs2ss - IKs__xs2) / IKs__txs2
    dot__IK1__xk1 = (IK1__xk1ss - IK1__xk1) / IK1__txk1
    ryr__Jrel_inf_temp = 2.375 * -ICaL__ICaL / (1.0 + 1.0 * pow((1.5 / intracellular_ions__cajsr), 8.0))
    ryr__Jrel_inf = (ryr__Jrel_inf_temp * 1.7 if (0.0 == 2.0) else ryr__Jrel_inf_temp)
    ryr__tau_rel_temp = 4.75 / (1.0 + 0.0123 / intracellular_ions__cajsr)
    ryr__tau_rel = (0.001 if (ryr__tau_rel_temp < 0.001) else ryr__tau_rel_temp)
    dot__ryr__Jrelnp = (ryr__Jrel_inf - ryr__Jrelnp) / ryr__tau_rel
    ryr__Jrel_temp = 2.96875 * -ICaL__ICaL / (1.0 + pow((1.5 / intracellular_ions__cajsr), 8.0))
    ryr__Jrel_infp = (ryr__Jrel_temp * 1.7 if (0.0 == 2.0) else ryr__Jrel_temp)
    ryr__tau_relp_temp = 5.9375 / (1.0 + 0.0123 / intracellular_ions__cajsr)
    ryr__tau_relp = (0.001 if (ryr__tau_relp_temp < 0.001) else ryr__tau_relp_temp)
    dot__ryr__Jrelp = (ryr__Jrel_infp - ryr__Jrelp) / ryr__tau_relp
    rlb__INaL__hL = -(1.0 / (200.0))
    rlb__INaL__hLp = -(1.0 / (600.0))
    rlb__ICaL__jca = -(1.0 / (75.0))
    rlb__ICaL__nca = -ICaL__km2n
    rlb__ryr__Jrelnp = -(1.0 / (ryr__tau_rel))
    rlb__ryr__Jrelp = -(1.0 / (ryr__tau_relp))
    be0_m0_0 = -(0.0007868 * (exp(1.535e-08 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.942))))) + -(0.01241 * (exp(0.1725 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.568)))))
    be0_m0_1 = 5.455e-06 * (exp((-0.1688) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.156))))
    be0_m0_2 = 0.4492 * (exp(0.008595 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.0))))
    be0_m1_0 = 0.0007868 * (exp(1.535e-08 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.942))))
    be0_m1_1 = -(5.455e-06 * (exp((-0.1688) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.156))))) + (-(0.001214 * (exp(0.008516 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.962))))) + -(0.3226 * (exp((-0.0006575) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.0))))))
    be0_m1_3 = 0.3181 * (exp(3.613e-08 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.663))))
    be0_m1_5 = 1.854e-05 * (exp((-0.04641) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(3.769))))
    be0_m2_0 = 0.01241 * (exp(0.1725 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.568))))
    be0_m2_2 = -(0.0264 * (exp(4.631e-05 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.843))))) + -(0.4492 * (exp(0.008595 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.0)))))
    be0_m2_3 = 4.986e-06 * (exp((-0.004226) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.23))))
    be0_m3_1 = 0.3226 * (exp((-0.0006575) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.0))))
    be0_m3_2 = 0.0264 * (exp(4.631e-05 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.843))))
    be0_m3_3 = -(4.986e-06 * (exp((-0.004226) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.23))))) + (-(0.005509 * (exp(7.771e-09 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.22))))) + -(0.3181 * (exp(3.613e-08 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.663))))))
    be0_m3_4 = 0.001416 * (exp((-0.02877) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(1.459))))
    be0_m4_3 = 0.005509 * (exp(7.771e-09 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.22))))
    be0_m4_4 = -(0.001416 * (exp((-0.02877) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(1.459))))) + (-(0.149 * (exp(0.004668 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(2.412))))) + -(IKr__Kmax * (IKr__Ku * (pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n)))))))
    be0_m4_5 = 0.008978 * (exp((-0.02215) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.682))))
    be0_m4_7 = IKr__Ku
    be0_m5_1 = 0.001214 * (exp(0.008516 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(4.962))))
    be0_m5_4 = 0.149 * (exp(0.004668 * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(2.412))))
    be0_m5_5 = -(1.854e-05 * (exp((-0.04641) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(3.769))))) + (-(0.008978 * (exp((-0.02215) * membrane__v) * exp(0.1 * (((-20.0) + 37.0) * log(5.682))))) + -(IKr__Kmax * (IKr__Ku * (pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n)))))))
    be0_m5_6 = 0.149 * (IKr__Ku * ((1.0 / (0.008978)) * (exp(0.004668 * membrane__v) * (exp(-((-0.02215) * membrane__v)) * (exp((-0.1) * (((-20.0) + 37.0) * log(5.682))) * exp(0.1 * (((-20.0) + 37.0) * log(2.412))))))))
    be0_m6_5 = IKr__Kmax * (IKr__Ku * (pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n)))))
    be0_m6_6 = -IKr__Kt + -(0.149 * (IKr__Ku * ((1.0 / (0.008978)) * (exp(0.004668 * membrane__v) * (exp(-((-0.02215) * membrane__v)) * (exp((-0.1) * (((-20.0) + 37.0) * log(5.682))) * exp(0.1 * (((-20.0) + 37.0) * log(2.412)))))))))
    be0_m6_8 = IKr__Kt * (1.0 / (1.0 + exp(0.14729709824716453 * IKr__Vhalf + (-0.14729709824716453) * membrane__v)))
    be0_m7_4 = IKr__Kmax * (IKr__Ku * (pow((IKr__D), IKr__n) * (1.0 / (IKr__halfmax + pow((IKr__D), IKr__n)))))
    be0_m7_7 = -IKr__Kt + -IKr__Ku
    be0_m7_8 = IKr__Kt * (1.0 / (1.0 + exp(0.14729709824716453 * IKr__Vhalf + (-0.14729709824716453) * membrane__v)))
    be0_m8_6 = IKr__Kt
    be0_m8_7 = IKr__Kt
    be0_m8_8 = (-2.0) * (IKr__Kt * (1.0 / (1.0 + exp(0.14729709824716453 * IKr__Vhalf + (-0.14729709824716453) * membrane__v))))
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
    s[43 * n + c] = IKs__xs1 + dot__IKs__xs1 * rlfactor__IKs__xs1
    s[44 * n + c] = IKs__xs2 + dot__IKs__xs2 * rlfactor__IKs__xs2
    s[45 * n + c] = IK1__xk1 + dot__IK1__xk1 * rlfactor__IK1__xk1
    s[46 * n + c] = rush_larsen_ab(ryr__Jrelnp, dot__ryr__Jrelnp - rlb__ryr__Jrelnp * ryr__Jrelnp, rlb__ryr__Jrelnp, dt)
    s[47 * n + c] = rush_larsen_ab(ryr__Jrelp, dot__ryr__Jrelp - rlb__ryr__Jrelp * ryr__Jrelp, rlb__ryr__Jrelp, dt)
    for be_i in range(81):
        be0_A[be_i] = 0.0
    be0_A[0] = 1.0
    be0_b[0] = IKr__IC1 + dt * (dot__IKr__IC1 - be0_m0_0 * IKr__IC1 - be0_m0_1 * IKr__IC2 - be0_m0_2 * IKr__C1)
    be0_A[10] = 1.0
    be0_b[1] = IKr__IC2 + dt * (dot__IKr__IC2 - be0_m1_0 * IKr__IC1 - be0_m1_1 * IKr__IC2 - be0_m1_3 * IKr__C2 - be0_m1_5 * IKr__IO)
    be0_A[20] = 1.0
    be0_b[2] = IKr__C1 + dt * (dot__IKr__C1 - be0_m2_0 * IKr__IC1 - be0_m2_2 * IKr__C1 - be0_m2_3 * IKr__C2)
    be0_A[30] = 1.0
    be0_b[3] = IKr__C2 + dt * (dot__IKr__C2 - be0_m3_1 * IKr__IC2 - be0_m3_2 * IKr__C1 - be0_m3_3 * IKr__C2 - be0_m3_4 * IKr__O)
    be0_A[40] = 1.0
    be0_b[4] = IKr__O + dt * (dot__IKr__O - be0_m4_3 * IKr__C2 - be0_m4_4 * IKr__O - be0_m4_5 * IKr__IO - be0_m4_7 * IKr__Obound)
    be0_A[50] = 1.0
    be0_b[5] = IKr__IO + dt * (dot__IKr__IO - be0_m5_1 * IKr__IC2 - be0_m5_4 * IKr__O - be0_m5_5 * IKr__IO - be0_m5_6 * IKr__IObound)
    be0_A[60] = 1.0
    be0_b[6] = IKr__IObound + dt * (dot__IKr__IObound - be0_m6_5 * IKr__IO - be0_m6_6 * IKr__IObound - be0_m6_8 * IKr__Cbound)
    be0_A[70] = 1.0
    be0_b[7] = IKr__Obound + dt * (dot__IKr__Obound - be0_m7_4 * IKr__O - be0_m7_7 * IKr__Obound - be0_m7_8 * IKr__Cbound)
    be0_A[80] = 1.0
    be0_b[8] = IKr__Cbound + dt * (dot__IKr__Cbound - be0_m8_6 * IKr__IObound - be0_m8_7 * IKr__Obound - be0_m8_8 * IKr__Cbound)
    be0_A[0] -= dt * be0_m0_0
    be0_A[1] -= dt * be0_m0_1
    be0_A[2] -= dt * be0_m0_2
    be0_A[9] -= dt * be0_m1_0
    be0_A[10] -= dt * be0_m1_1
    be0_A[12] -= dt * be0_m1_3
    be0_A[14] -= dt * be0_m1_5
    be0_A[18] -= dt * be0_m2_0
    be0_A[20] -= dt * be0_m2_2
    be0_A[21] -= dt * be0_m2_3
    be0_A[28] -= dt * be0_m3_1
    be0_A[29] -= dt * be0_m3_2
    be0_A[30] -= dt * be0_m3_3
    be0_A[31] -= dt * be0_m3_4
    be0_A[39] -= dt * be0_m4_3
    be0_A[40] -= dt * be0_m4_4
    be0_A[41] -= dt * be0_m4_5
    be0_A[43] -= dt * be0_m4_7
    be0_A[46] -= dt * be0_m5_1
    be0_A[49] -= dt * be0_m5_4
    be0_A[50] -= dt * be0_m5_5
    be0_A[51] -= dt * be0_m5_6
    be0_A[59] -= dt * be0_m6_5
    be0_A[60] -= dt * be0_m6_6
    be0_A[62] -= dt * be0_m6_8
    be0_A[67] -= dt * be0_m7_4
    be0_A[70] -= dt * be0_m7_7
    be0_A[71] -= dt * be0_m7_8
    be0_A[78] -= dt * be0_m8_6
    be0_A[79] -= dt * be0_m8_7
    be0_A[80] -= dt * be0_m8_8
    for be_k in range(9):
        for be_i in range(be_k + 1, 9):
            be0_f = be0_A[be_i * 9 + be_k] / be0_A[be_k * 9 + be_k]
            if be0_f != 0.0:
                for be_j in range(be_k, 9):
                    be0_A[be_i * 9 + be_j] -= be0_f * be0_A[be_k * 9 + be_j]
                be0_b[be_i] -= be0_f * be0_b[be_k]
    for be_k in range(9 - 1, -1, -1):
        for be_j in range(be_k + 1, 9):
            be0_b[be_k] -= be0_A[be_k * 9 + be_j] * be0_b[be_j]
        be0_b[be_k] /= be0_A[be_k * 9 + be_k]
    s[34 * n + c] = be0_b[0]
    s[35 * n + c] = be0_b[1]
    s[36 * n + c] = be0_b[2]
    s[37 * n + c] = be0_b[3]
    s[38 * n + c] = be0_b[4]
    s[39 * n + c] = be0_b[5]
    s[40 * n + c] = be0_b[6]
    s[41 * n + c] = be0_b[7]
    s[42 * n + c] = be0_b[8]


cdef inline void _lut_row(double V, double dt, double* row) noexcept nogil:
    cdef double membrane__v = V
    cdef double membrane__vfrt = membrane__v * 0.037435883507802616
    cdef double ICaL__U_3 = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double ICaL__Afcaf = 0.3 + 0.6 / (1.0 + exp((membrane__v - 10.0) / 10.0))
    cdef double ICaL__Afcas = 1.0 - ICaL__Afcaf
    cdef double ICaL__U_1 = 0.07487176701560523 * (membrane__v - 0.0)
    cdef double ICaL__U_2 = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double ICab__U = 0.07487176701560523 * (membrane__v - 0.0)
    cdef double IK1__rk1 = 1.0 / (1.0 + exp((membrane__v + 105.8 - 2.6 * 5.4) / 9.493))
    cdef double IKb__xkb = 1.0 / (1.0 + exp(-(membrane__v - 14.48) / 18.34))
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
    cdef double INab__U = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double Ito__AiF = 1.0 / (1.0 + exp((membrane__v - 213.6) / 151.2))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double INa__mss = 1.0 / (1.0 + exp(-(membrane__v + 39.57) / 9.871))
    cdef double INa__tm = 1.0 / (6.765 * exp((membrane__v + 11.64) / 34.77) + 8.552 * exp(-(membrane__v + 77.42) / 5.955))
    cdef double INa__hss = 1.0 / (1.0 + exp((membrane__v + 82.9 - 0.0) / 6.086))
    cdef double INa__thf = 1.0 / (1.432e-05 * exp(-(membrane__v + 1.196 - 0.0) / 6.285) + 6.149 * exp((membrane__v + 0.5096 - 0.0) / 20.27))
    cdef double INa__ths = 1.0 / (0.009794 * exp(-(membrane__v + 17.95 - 0.0) / 28.05) + 0.3343 * exp((membrane__v + 5.73 - 0.0) / 56.66))
    cdef double INa__jss = INa__hss
    cdef double INa__tj = 2.038 + 1.0 / (0.02136 * exp(-(membrane__v + 100.6 - 0.0) / 8.281) + 0.3052 * exp((membrane__v + 0.9941 - 0.0) / 38.45))
    cdef double INa__hssp = 1.0 / (1.0 + exp((membrane__v + 89.1 - 0.0) / 6.086))
    cdef double INa__thsp = 3.0 * INa__ths
    cdef double INa__tjp = 1.46 * INa__tj
    cdef double INaL__mLss = 1.0 / (1.0 + exp(-(membrane__v + 42.85) / 5.264))
    cdef double INaL__tmL = INa__tm
    cdef double INaL__hLss = 1.0 / (1.0 + exp((membrane__v + 87.61) / 7.488))
    cdef double INaL__hLssp = 1.0 / (1.0 + exp((membrane__v + 93.81) / 7.488))
    cdef double Ito__ass = 1.0 / (1.0 + exp(-(membrane__v - 14.34) / 14.82))
    cdef double Ito__ta = 1.0515 / (1.0 / (1.2089 * (1.0 + exp(-(membrane__v - 18.4099) / 29.3814))) + 3.5 / (1.0 + exp((membrane__v + 100.0) / 29.3814)))
    cdef double Ito__iss = 1.0 / (1.0 + exp((membrane__v + 43.94) / 5.711))
    cdef double Ito__delta_epi = (1.0 - 0.95 / (1.0 + exp((membrane__v + 70.0) / 5.0)) if (0.0 == 1.0) else 1.0)
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
    cdef double rlb__IKs__xs1 = -(1.0 / (IKs__txs1))
    cdef double rlb__IKs__xs2 = -(1.0 / (IKs__txs2))
    cdef double rlb__IK1__xk1 = -(1.0 / (IK1__txk1))
    row[0] = membrane__vfrt
    row[1] = ICaL__U_3
    row[2] = ICaL__Afcaf
    row[3] = ICaL__Afcas
    row[4] = ICaL__U_1
    row[5] = ICaL__U_2
    row[6] = ICab__U
    row[7] = IK1__rk1
    row[8] = IKb__xkb
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
    row[20] = INab__U
    row[21] = Ito__AiF
    row[22] = Ito__AiS
    row[23] = INa__mss
    row[24] = INa__tm
    row[25] = INa__hss
    row[26] = INa__thf
    row[27] = INa__ths
    row[28] = INa__jss
    row[29] = INa__tj
    row[30] = INa__hssp
    row[31] = INa__thsp
    row[32] = INa__tjp
    row[33] = INaL__mLss
    row[34] = INaL__tmL
    row[35] = INaL__hLss
    row[36] = INaL__hLssp
    row[37] = Ito__ass
    row[38] = Ito__ta
    row[39] = Ito__iss
    row[40] = Ito__tiF
    row[41] = Ito__tiS
    row[42] = Ito__assp
    row[43] = Ito__tiFp
    row[44] = Ito__tiSp
    row[45] = ICaL__dss
    row[46] = ICaL__td
    row[47] = ICaL__fss
    row[48] = ICaL__tff
    row[49] = ICaL__tfs
    row[50] = ICaL__fcass
    row[51] = ICaL__tfcaf
    row[52] = ICaL__tfcas
    row[53] = ICaL__tffp
    row[54] = ICaL__tfcafp
    row[55] = IKs__txs1
    row[56] = IKs__xs1ss
    row[57] = IKs__txs2
    row[58] = IKs__xs2ss
    row[59] = IK1__txk1
    row[60] = IK1__xk1ss
    row[61] = expm1(rlb__INa__m * dt) / rlb__INa__m if fabs(rlb__INa__m) > 1e-12 else dt
    row[62] = expm1(rlb__INa__hf * dt) / rlb__INa__hf if fabs(rlb__INa__hf) > 1e-12 else dt
    row[63] = expm1(rlb__INa__hs * dt) / rlb__INa__hs if fabs(rlb__INa__hs) > 1e-12 else dt
    row[64] = expm1(rlb__INa__j * dt) / rlb__INa__j if fabs(rlb__INa__j) > 1e-12 else dt
    row[65] = expm1(rlb__INa__hsp * dt) / rlb__INa__hsp if fabs(rlb__INa__hsp) > 1e-12 else dt
    row[66] = expm1(rlb__INa__jp * dt) / rlb__INa__jp if fabs(rlb__INa__jp) > 1e-12 else dt
    row[67] = expm1(rlb__INaL__mL * dt) / rlb__INaL__mL if fabs(rlb__INaL__mL) > 1e-12 else dt
    row[68] = expm1(rlb__Ito__a * dt) / rlb__Ito__a if fabs(rlb__Ito__a) > 1e-12 else dt
    row[69] = expm1(rlb__Ito__iF * dt) / rlb__Ito__iF if fabs(rlb__Ito__iF) > 1e-12 else dt
    row[70] = expm1(rlb__Ito__iS * dt) / rlb__Ito__iS if fabs(rlb__Ito__iS) > 1e-12 else dt
    row[71] = expm1(rlb__Ito__ap * dt) / rlb__Ito__ap if fabs(rlb__Ito__ap) > 1e-12 else dt
    row[72] = expm1(rlb__Ito__iFp * dt) / rlb__Ito__iFp if fabs(rlb__Ito__iFp) > 1e-12 else dt
    row[73] = expm1(rlb__Ito__iSp * dt) / rlb__Ito__iSp if fabs(rlb__Ito__iSp) > 1e-12 else dt
    row[74] = expm1(rlb__ICaL__d * dt) / rlb__ICaL__d if fabs(rlb__ICaL__d) > 1e-12 else dt
    row[75] = expm1(rlb__ICaL__ff * dt) / rlb__ICaL__ff if fabs(rlb__ICaL__ff) > 1e-12 else dt
    row[76] = expm1(rlb__ICaL__fs * dt) / rlb__ICaL__fs if fabs(rlb__ICaL__fs) > 1e-12 else dt
    row[77] = expm1(rlb__ICaL__fcaf * dt) / rlb__ICaL__fcaf if fabs(rlb__ICaL__fcaf) > 1e-12 else dt
    row[78] = expm1(rlb__ICaL__fcas * dt) / rlb__ICaL__fcas if fabs(rlb__ICaL__fcas) > 1e-12 else dt
    row[79] = expm1(rlb__ICaL__ffp * dt) / rlb__ICaL__ffp if fabs(rlb__ICaL__ffp) > 1e-12 else dt
    row[80] = expm1(rlb__ICaL__fcafp * dt) / rlb__ICaL__fcafp if fabs(rlb__ICaL__fcafp) > 1e-12 else dt
    row[81] = expm1(rlb__IKs__xs1 * dt) / rlb__IKs__xs1 if fabs(rlb__IKs__xs1) > 1e-12 else dt
    row[82] = expm1(rlb__IKs__xs2 * dt) / rlb__IKs__xs2 if fabs(rlb__IKs__xs2) > 1e-12 else dt
    row[83] = expm1(rlb__IK1__xk1 * dt) / rlb__IK1__xk1 if fabs(rlb__IK1__xk1) > 1e-12 else dt


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
    cdef double INa__GNa = cardiotwin_parameters__gNa * 75.0
    cdef double CaMK__CaMKb = 0.05 * (1.0 - CaMK__CaMKt) / (1.0 + 0.0015 / intracellular_ions__cass)
    cdef double CaMK__CaMKa = CaMK__CaMKb + CaMK__CaMKt
    cdef double INa__fINap = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double INa__h = 0.99 * INa__hf + 0.010000000000000009 * INa__hs
    cdef double INa__hp = 0.99 * INa__hf + 0.010000000000000009 * INa__hsp
    cdef double reversal_potentials__ENa = 8314.0 * 310.0 / 96485.0 * log(140.0 / intracellular_ions__nai)
    cdef double INa__INa = INa__GNa * (membrane__v - reversal_potentials__ENa) * ((INa__m) * (INa__m) * (INa__m)) * ((1.0 - INa__fINap) * INa__h * INa__j + INa__fINap * INa__hp * INa__jp)
    cdef double INaL__GNaL = cardiotwin_parameters__gNaL * (0.019957499999999975 * 0.6 if (0.0 == 1.0) else 0.019957499999999975)
    cdef double INaL__fINaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double INaL__INaL = INaL__GNaL * (membrane__v - reversal_potentials__ENa) * INaL__mL * ((1.0 - INaL__fINaLp) * INaL__hL + INaL__fINaLp * INaL__hLp)
    cdef double ICaL__PCa = cardiotwin_parameters__PCa * (0.0001007 * 1.2 if (0.0 == 1.0) else (0.0001007 * 2.5 if (0.0 == 2.0) else 0.0001007))
    cdef double ICaL__PCap = 1.1 * ICaL__PCa
    cdef double membrane__vfrt = membrane__v * 0.037435883507802616
    cdef double ICaL__A_1 = 4.0 * 3612.0012202503353 * (intracellular_ions__cass * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / 0.07487176701560523
    cdef double ICaL__U_1 = 0.07487176701560523 * (membrane__v - 0.0)
    cdef double ICaL__PhiCaL = (ICaL__A_1 * (1.0 - 0.5 * ICaL__U_1) if ((-1e-07 <= ICaL__U_1) and (ICaL__U_1 <= 1e-07)) else ICaL__A_1 * ICaL__U_1 / (exp(ICaL__U_1) - 1.0))
    cdef double ICaL__f = 0.6 * ICaL__ff + 0.4 * ICaL__fs
    cdef double ICaL__fICaLp = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double ICaL__Afcaf = 0.3 + 0.6 / (1.0 + exp((membrane__v - 10.0) / 10.0))
    cdef double ICaL__Afcas = 1.0 - ICaL__Afcaf
    cdef double ICaL__fca = ICaL__Afcaf * ICaL__fcaf + ICaL__Afcas * ICaL__fcas
    cdef double ICaL__fcap = ICaL__Afcaf * ICaL__fcafp + ICaL__Afcas * ICaL__fcas
    cdef double ICaL__fp = 0.6 * ICaL__ffp + 0.4 * ICaL__fs
    cdef double ICaL__ICaL = (1.0 - ICaL__fICaLp) * ICaL__PCa * ICaL__PhiCaL * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCap * ICaL__PhiCaL * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double Ito__Gto = cardiotwin_parameters__gto * (0.02 * 4.0 if (0.0 == 1.0) else (0.02 * 4.0 if (0.0 == 2.0) else 0.02))
    cdef double Ito__fItop = 1.0 / (1.0 + 0.15 / CaMK__CaMKa)
    cdef double Ito__AiF = 1.0 / (1.0 + exp((membrane__v - 213.6) / 151.2))
    cdef double Ito__AiS = 1.0 - Ito__AiF
    cdef double Ito__i = Ito__AiF * Ito__iF + Ito__AiS * Ito__iS
    cdef double Ito__ip = Ito__AiF * Ito__iFp + Ito__AiS * Ito__iSp
    cdef double reversal_potentials__EK = 8314.0 * 310.0 / 96485.0 * log(5.4 / intracellular_ions__ki)
    cdef double Ito__Ito = Ito__Gto * (membrane__v - reversal_potentials__EK) * ((1.0 - Ito__fItop) * Ito__a * Ito__i + Ito__fItop * Ito__ap * Ito__ip)
    cdef double IKr__GKr_calc = cardiotwin_parameters__gKr * (0.04658545454545456 * sqrt(5.4 / 5.4))
    cdef double IKr__IKr = IKr__GKr_calc * IKr__O * (membrane__v - reversal_potentials__EK)
    cdef double IKs__KsCa = 1.0 + 0.6 / (1.0 + pow((3.8e-05 / intracellular_ions__cai), 1.4))
    cdef double IKs__GKs_calc = cardiotwin_parameters__gKs * (0.006358000000000001 * IKs__KsCa)
    cdef double reversal_potentials__EKs = 8314.0 * 310.0 / 96485.0 * log((5.4 + 0.01833 * 140.0) / (intracellular_ions__ki + 0.01833 * intracellular_ions__nai))
    cdef double IKs__IKs = IKs__GKs_calc * IKs__xs1 * IKs__xs2 * (membrane__v - reversal_potentials__EKs)
    cdef double IK1__GK1_calc = cardiotwin_parameters__gK1 * (0.3239783999999998 * sqrt(5.4))
    cdef double IK1__rk1 = 1.0 / (1.0 + exp((membrane__v + 105.8 - 2.6 * 5.4) / 9.493))
    cdef double IK1__IK1 = IK1__GK1_calc * IK1__rk1 * IK1__xk1 * (membrane__v - reversal_potentials__EK)
    cdef double INaCa_i__Gncx_b = cardiotwin_parameters__gNaCa * 0.0008
    cdef double INaCa_i__Gncx = (INaCa_i__Gncx_b * 1.1 if (0.0 == 1.0) else (INaCa_i__Gncx_b * 1.4 if (0.0 == 2.0) else INaCa_i__Gncx_b))
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
    cdef double INaK__Pnak = (INaK__Pnak_b * 0.9 if (0.0 == 1.0) else (INaK__Pnak_b * 0.7 if (0.0 == 2.0) else INaK__Pnak_b))
    cdef double INaK__INaK = INaK__Pnak * (1.0 * INaK__JnakNa + 1.0 * INaK__JnakK)
    cdef double ICaL__PCaK = 0.0003574 * ICaL__PCa
    cdef double ICaL__PCaKp = 0.0003574 * ICaL__PCap
    cdef double ICaL__A_3 = 0.75 * 3612.0012202503353 * (intracellular_ions__kss * exp(membrane__vfrt) - 5.4) / 0.037435883507802616
    cdef double ICaL__U_3 = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double ICaL__PhiCaK = (ICaL__A_3 * (1.0 - 0.5 * ICaL__U_3) if ((-1e-07 <= ICaL__U_3) and (ICaL__U_3 <= 1e-07)) else ICaL__A_3 * ICaL__U_3 / (exp(ICaL__U_3) - 1.0))
    cdef double ICaL__ICaK = (1.0 - ICaL__fICaLp) * ICaL__PCaK * ICaL__PhiCaK * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaKp * ICaL__PhiCaK * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICaL__PCaNa = 0.00125 * ICaL__PCa
    cdef double ICaL__PCaNap = 0.00125 * ICaL__PCap
    cdef double ICaL__A_2 = 0.75 * 3612.0012202503353 * (intracellular_ions__nass * exp(membrane__vfrt) - 140.0) / 0.037435883507802616
    cdef double ICaL__U_2 = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double ICaL__PhiCaNa = (ICaL__A_2 * (1.0 - 0.5 * ICaL__U_2) if ((-1e-07 <= ICaL__U_2) and (ICaL__U_2 <= 1e-07)) else ICaL__A_2 * ICaL__U_2 / (exp(ICaL__U_2) - 1.0))
    cdef double ICaL__ICaNa = (1.0 - ICaL__fICaLp) * ICaL__PCaNa * ICaL__PhiCaNa * ICaL__d * (ICaL__f * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fca * ICaL__nca) + ICaL__fICaLp * ICaL__PCaNap * ICaL__PhiCaNa * ICaL__d * (ICaL__fp * (1.0 - ICaL__nca) + ICaL__jca * ICaL__fcap * ICaL__nca)
    cdef double ICab__A = 2.5e-08 * 4.0 * 3612.0012202503353 * (intracellular_ions__cai * exp(2.0 * membrane__vfrt) - 0.341 * 1.8) / 0.07487176701560523
    cdef double ICab__U = 0.07487176701560523 * (membrane__v - 0.0)
    cdef double ICab__ICab = (ICab__A * (1.0 - 0.5 * ICab__U) if ((-1e-07 <= ICab__U) and (ICab__U <= 1e-07)) else ICab__A * ICab__U / (exp(ICab__U) - 1.0))
    cdef double IKb__xkb = 1.0 / (1.0 + exp(-(membrane__v - 14.48) / 18.34))
    cdef double IKb__IKb = 0.003 * IKb__xkb * (membrane__v - reversal_potentials__EK)
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
    cdef double INab__A = 3.75e-10 * 3612.0012202503353 * (intracellular_ions__nai * exp(membrane__vfrt) - 140.0) / 0.037435883507802616
    cdef double INab__U = 0.037435883507802616 * (membrane__v - 0.0)
    cdef double INab__INab = (INab__A * (1.0 - 0.5 * INab__U) if ((-1e-07 <= INab__U) and (INab__U <= 1e-07)) else INab__A * INab__U / (exp(INab__U) - 1.0))
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

