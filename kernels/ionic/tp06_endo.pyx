# cython: language_level=3
# cardiotwin ionic kernel 'tp06-endo': GENERATED CODE, do not edit by hand.
#
# Generated from: ten_tusscher_model_2006_endo.cellml (sha256 187fda2dc9e90227)
# ten Tusscher KHWJ, Panfilov AV (2006). Am J Physiol Heart Circ Physiol 291:H1088-H1100. Endocardial cell.
# Generator: cardiotwin.ionic.codegen version 1.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Rush-Larsen states (right-hand side linear in the state, found symbolically, and
# not coupled both ways to another non-V state):
#   rapid_time_dependent_potassium_current_Xr1_gate.Xr1
#   rapid_time_dependent_potassium_current_Xr2_gate.Xr2
#   slow_time_dependent_potassium_current_Xs_gate.Xs
#   fast_sodium_current_m_gate.m
#   fast_sodium_current_h_gate.h
#   fast_sodium_current_j_gate.j
#   L_type_Ca_current_d_gate.d
#   L_type_Ca_current_f_gate.f
#   L_type_Ca_current_f2_gate.f2
#   L_type_Ca_current_fCass_gate.fCass
#   transient_outward_current_s_gate.s
#   transient_outward_current_r_gate.r
# Forward Euler states:
#   membrane.V
#   calcium_dynamics.Ca_i
#   calcium_dynamics.Ca_SR
#   calcium_dynamics.Ca_ss
#   calcium_dynamics.R_prime
#   sodium_dynamics.Na_i
#   potassium_dynamics.K_i
# Lookup-table entries (depend on V only; step_lut): 33

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport rush_larsen_ab
from pacing cimport blocktrain_fraction

MODEL_NAME = 'tp06-endo'
STATE_NAMES = ('membrane.V', 'rapid_time_dependent_potassium_current_Xr1_gate.Xr1', 'rapid_time_dependent_potassium_current_Xr2_gate.Xr2', 'slow_time_dependent_potassium_current_Xs_gate.Xs', 'fast_sodium_current_m_gate.m', 'fast_sodium_current_h_gate.h', 'fast_sodium_current_j_gate.j', 'L_type_Ca_current_d_gate.d', 'L_type_Ca_current_f_gate.f', 'L_type_Ca_current_f2_gate.f2', 'L_type_Ca_current_fCass_gate.fCass', 'transient_outward_current_s_gate.s', 'transient_outward_current_r_gate.r', 'calcium_dynamics.Ca_i', 'calcium_dynamics.Ca_SR', 'calcium_dynamics.Ca_ss', 'calcium_dynamics.R_prime', 'sodium_dynamics.Na_i', 'potassium_dynamics.K_i')
STATE_UNITS = ('mV', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', 'mM', 'mM', 'mM', '1', 'mM', 'mM')
INITIAL_STATES = (-86.709, 0.00448, 0.476, 0.0087, 0.00155, 0.7573, 0.7225, 3.164e-05, 0.8009, 0.9778, 0.9953, 0.3212, 2.235e-08, 0.00013, 3.715, 0.00036, 0.9068, 10.355, 138.4)
PARAM_NAMES = ('gNa', 'gCaL', 'gto', 'gKr', 'gKs', 'gK1', 'gNaCa', 'gNaK')
PARAM_UNITS = ('1', '1', '1', '1', '1', '1', '1', '1')
PARAM_DEFAULTS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
PARAM_KINDS = ('scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale')
PARAM_TARGETS = ('fast_sodium_current.g_Na', 'L_type_Ca_current.g_CaL', 'transient_outward_current.g_to', 'rapid_time_dependent_potassium_current.g_Kr', 'slow_time_dependent_potassium_current.g_Ks', 'inward_rectifier_potassium_current.g_K1', 'sodium_calcium_exchanger_current.K_NaCa', 'sodium_potassium_pump_current.P_NaK')
RUSH_LARSEN_STATES = ('rapid_time_dependent_potassium_current_Xr1_gate.Xr1', 'rapid_time_dependent_potassium_current_Xr2_gate.Xr2', 'slow_time_dependent_potassium_current_Xs_gate.Xs', 'fast_sodium_current_m_gate.m', 'fast_sodium_current_h_gate.h', 'fast_sodium_current_j_gate.j', 'L_type_Ca_current_d_gate.d', 'L_type_Ca_current_f_gate.f', 'L_type_Ca_current_f2_gate.f2', 'L_type_Ca_current_fCass_gate.fCass', 'transient_outward_current_s_gate.s', 'transient_outward_current_r_gate.r')
FORWARD_EULER_STATES = ('membrane.V', 'calcium_dynamics.Ca_i', 'calcium_dynamics.Ca_SR', 'calcium_dynamics.Ca_ss', 'calcium_dynamics.R_prime', 'sodium_dynamics.Na_i', 'potassium_dynamics.K_i')
BACKWARD_EULER_STATES = ()
CURRENT_NAMES = ('INa', 'ICaL', 'Ito', 'IKr', 'IKs', 'IK1', 'INaCa', 'INaK', 'Cai', 'I_ion')
CURRENT_UNITS = ('A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'mM', 'uA/uF')
CURRENT_SOURCES = ('fast_sodium_current.i_Na', 'L_type_Ca_current.i_CaL', 'transient_outward_current.i_to', 'rapid_time_dependent_potassium_current.i_Kr', 'slow_time_dependent_potassium_current.i_Ks', 'inward_rectifier_potassium_current.i_K1', 'sodium_calcium_exchanger_current.i_NaCa', 'sodium_potassium_pump_current.i_NaK', 'calcium_dynamics.Ca_i', '-dV/dt at i_stim=0')
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-52.0, 1.0)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1', 'rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf', 'rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2', 'rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf', 'slow_time_dependent_potassium_current_Xs_gate__tau_xs', 'slow_time_dependent_potassium_current_Xs_gate__xs_inf', 'fast_sodium_current_m_gate__m_inf', 'fast_sodium_current_m_gate__tau_m', 'fast_sodium_current_h_gate__h_inf', 'fast_sodium_current_h_gate__tau_h', 'fast_sodium_current_j_gate__j_inf', 'fast_sodium_current_j_gate__tau_j', 'L_type_Ca_current_d_gate__d_inf', 'L_type_Ca_current_d_gate__tau_d', 'L_type_Ca_current_f_gate__f_inf', 'L_type_Ca_current_f_gate__tau_f', 'L_type_Ca_current_f2_gate__f2_inf', 'L_type_Ca_current_f2_gate__tau_f2', 'transient_outward_current_s_gate__s_inf', 'transient_outward_current_s_gate__tau_s', 'transient_outward_current_r_gate__r_inf', 'transient_outward_current_r_gate__tau_r', 'rlfactor__rapid_time_dependent_potassium_current_Xr1_gate__Xr1', 'rlfactor__rapid_time_dependent_potassium_current_Xr2_gate__Xr2', 'rlfactor__slow_time_dependent_potassium_current_Xs_gate__Xs', 'rlfactor__fast_sodium_current_m_gate__m', 'rlfactor__fast_sodium_current_h_gate__h', 'rlfactor__fast_sodium_current_j_gate__j', 'rlfactor__L_type_Ca_current_d_gate__d', 'rlfactor__L_type_Ca_current_f_gate__f', 'rlfactor__L_type_Ca_current_f2_gate__f2', 'rlfactor__transient_outward_current_s_gate__s', 'rlfactor__transient_outward_current_r_gate__r')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
cdef Py_ssize_t N_STATES_C = 19
cdef Py_ssize_t N_LUT_C = 33
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)

cdef inline void _cell_step(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, double t, double dt) noexcept nogil:
    cdef double membrane__V = s[0 * n + c]
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = s[1 * n + c]
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = s[2 * n + c]
    cdef double slow_time_dependent_potassium_current_Xs_gate__Xs = s[3 * n + c]
    cdef double fast_sodium_current_m_gate__m = s[4 * n + c]
    cdef double fast_sodium_current_h_gate__h = s[5 * n + c]
    cdef double fast_sodium_current_j_gate__j = s[6 * n + c]
    cdef double L_type_Ca_current_d_gate__d = s[7 * n + c]
    cdef double L_type_Ca_current_f_gate__f = s[8 * n + c]
    cdef double L_type_Ca_current_f2_gate__f2 = s[9 * n + c]
    cdef double L_type_Ca_current_fCass_gate__fCass = s[10 * n + c]
    cdef double transient_outward_current_s_gate__s = s[11 * n + c]
    cdef double transient_outward_current_r_gate__r = s[12 * n + c]
    cdef double calcium_dynamics__Ca_i = s[13 * n + c]
    cdef double calcium_dynamics__Ca_SR = s[14 * n + c]
    cdef double calcium_dynamics__Ca_ss = s[15 * n + c]
    cdef double calcium_dynamics__R_prime = s[16 * n + c]
    cdef double sodium_dynamics__Na_i = s[17 * n + c]
    cdef double potassium_dynamics__K_i = s[18 * n + c]
    cdef double cardiotwin_parameters__gNa = p[0 * n + c]
    cdef double cardiotwin_parameters__gCaL = p[1 * n + c]
    cdef double cardiotwin_parameters__gto = p[2 * n + c]
    cdef double cardiotwin_parameters__gKr = p[3 * n + c]
    cdef double cardiotwin_parameters__gKs = p[4 * n + c]
    cdef double cardiotwin_parameters__gK1 = p[5 * n + c]
    cdef double cardiotwin_parameters__gNaCa = p[6 * n + c]
    cdef double cardiotwin_parameters__gNaK = p[7 * n + c]
    cdef double L_type_Ca_current__g_CaL = cardiotwin_parameters__gCaL * 3.98e-05
    cdef double L_type_Ca_current__temp = ((membrane__V - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (membrane__V - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (membrane__V - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0) if ((membrane__V < 14.999) or (membrane__V > 15.001)) else ((14.999 - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (14.999 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (14.999 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0) + (15.001 - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (15.001 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (15.001 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0)) / 2.0)
    cdef double L_type_Ca_current__i_CaL = L_type_Ca_current__temp * L_type_Ca_current__g_CaL * L_type_Ca_current_d_gate__d * L_type_Ca_current_f_gate__f * L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_fCass_gate__fCass * 4.0 * ((96485.3415) * (96485.3415)) / (8314.472 * 310.0)
    cdef double reversal_potentials__E_Ca = 0.5 * 8314.472 * 310.0 / 96485.3415 * log(2.0 / calcium_dynamics__Ca_i)
    cdef double calcium_background_current__i_b_Ca = 0.000592 * (membrane__V - reversal_potentials__E_Ca)
    cdef double calcium_pump_current__i_p_Ca = 0.1238 * calcium_dynamics__Ca_i / (calcium_dynamics__Ca_i + 0.0005)
    cdef double fast_sodium_current__g_Na = cardiotwin_parameters__gNa * 14.838
    cdef double reversal_potentials__E_Na = 8314.472 * 310.0 / 96485.3415 * log(140.0 / sodium_dynamics__Na_i)
    cdef double fast_sodium_current__i_Na = fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - reversal_potentials__E_Na)
    cdef double inward_rectifier_potassium_current__g_K1 = cardiotwin_parameters__gK1 * 5.405
    cdef double reversal_potentials__E_K = 8314.472 * 310.0 / 96485.3415 * log(5.4 / potassium_dynamics__K_i)
    cdef double inward_rectifier_potassium_current__alpha_K1 = 0.1 / (1.0 + exp(0.06 * (membrane__V - reversal_potentials__E_K - 200.0)))
    cdef double inward_rectifier_potassium_current__beta_K1 = (3.0 * exp(0.0002 * (membrane__V - reversal_potentials__E_K + 100.0)) + exp(0.1 * (membrane__V - reversal_potentials__E_K - 10.0))) / (1.0 + exp(-0.5 * (membrane__V - reversal_potentials__E_K)))
    cdef double inward_rectifier_potassium_current__xK1_inf = inward_rectifier_potassium_current__alpha_K1 / (inward_rectifier_potassium_current__alpha_K1 + inward_rectifier_potassium_current__beta_K1)
    cdef double inward_rectifier_potassium_current__i_K1 = inward_rectifier_potassium_current__g_K1 * inward_rectifier_potassium_current__xK1_inf * sqrt(5.4 / 5.4) * (membrane__V - reversal_potentials__E_K)
    cdef double potassium_pump_current__i_p_K = 0.0146 * (membrane__V - reversal_potentials__E_K) / (1.0 + exp((25.0 - membrane__V) / 5.98))
    cdef double rapid_time_dependent_potassium_current__g_Kr = cardiotwin_parameters__gKr * 0.153
    cdef double rapid_time_dependent_potassium_current__i_Kr = rapid_time_dependent_potassium_current__g_Kr * sqrt(5.4 / 5.4) * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K)
    cdef double reversal_potentials__E_Ks = 8314.472 * 310.0 / 96485.3415 * log((5.4 + 0.03 * 140.0) / (potassium_dynamics__K_i + 0.03 * sodium_dynamics__Na_i))
    cdef double slow_time_dependent_potassium_current__g_Ks = cardiotwin_parameters__gKs * 0.392
    cdef double slow_time_dependent_potassium_current__i_Ks = slow_time_dependent_potassium_current__g_Ks * ((slow_time_dependent_potassium_current_Xs_gate__Xs) * (slow_time_dependent_potassium_current_Xs_gate__Xs)) * (membrane__V - reversal_potentials__E_Ks)
    cdef double sodium_background_current__i_b_Na = 0.00029 * (membrane__V - reversal_potentials__E_Na)
    cdef double sodium_calcium_exchanger_current__K_NaCa = cardiotwin_parameters__gNaCa * 1000.0
    cdef double sodium_calcium_exchanger_current__i_NaCa = sodium_calcium_exchanger_current__K_NaCa * (exp(0.35 * membrane__V * 96485.3415 / (8314.472 * 310.0)) * ((sodium_dynamics__Na_i) * (sodium_dynamics__Na_i) * (sodium_dynamics__Na_i)) * 2.0 - exp((0.35 - 1.0) * membrane__V * 96485.3415 / (8314.472 * 310.0)) * ((140.0) * (140.0) * (140.0)) * calcium_dynamics__Ca_i * 2.5) / ((((87.5) * (87.5) * (87.5)) + ((140.0) * (140.0) * (140.0))) * (1.38 + 2.0) * (1.0 + 0.1 * exp((0.35 - 1.0) * membrane__V * 96485.3415 / (8314.472 * 310.0))))
    cdef double sodium_potassium_pump_current__P_NaK = cardiotwin_parameters__gNaK * 2.724
    cdef double sodium_potassium_pump_current__i_NaK = sodium_potassium_pump_current__P_NaK * 5.4 / (5.4 + 1.0) * sodium_dynamics__Na_i / (sodium_dynamics__Na_i + 40.0) / (1.0 + 0.1245 * exp(-0.1 * membrane__V * 96485.3415 / (8314.472 * 310.0)) + 0.0353 * exp(-membrane__V * 96485.3415 / (8314.472 * 310.0)))
    cdef double transient_outward_current__g_to = cardiotwin_parameters__gto * 0.073
    cdef double transient_outward_current__i_to = transient_outward_current__g_to * transient_outward_current_r_gate__r * transient_outward_current_s_gate__s * (membrane__V - reversal_potentials__E_K)
    cdef double dot__membrane__V = -1.0 / 1.0 * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + (-i_stim / (-1.0)))
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__alpha_xr1 = 450.0 / (1.0 + exp((-45.0 - membrane__V) / 10.0))
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__beta_xr1 = 6.0 / (1.0 + exp((membrane__V + 30.0) / 11.5))
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1 = 1.0 * rapid_time_dependent_potassium_current_Xr1_gate__alpha_xr1 * rapid_time_dependent_potassium_current_Xr1_gate__beta_xr1
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf = 1.0 / (1.0 + exp((-26.0 - membrane__V) / 7.0))
    cdef double dot__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = (rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf - rapid_time_dependent_potassium_current_Xr1_gate__Xr1) / rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__alpha_xr2 = 3.0 / (1.0 + exp((-60.0 - membrane__V) / 20.0))
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__beta_xr2 = 1.12 / (1.0 + exp((membrane__V - 60.0) / 20.0))
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2 = 1.0 * rapid_time_dependent_potassium_current_Xr2_gate__alpha_xr2 * rapid_time_dependent_potassium_current_Xr2_gate__beta_xr2
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf = 1.0 / (1.0 + exp((membrane__V + 88.0) / 24.0))
    cdef double dot__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = (rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf - rapid_time_dependent_potassium_current_Xr2_gate__Xr2) / rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2
    cdef double slow_time_dependent_potassium_current_Xs_gate__alpha_xs = 1400.0 / sqrt(1.0 + exp((5.0 - membrane__V) / 6.0))
    cdef double slow_time_dependent_potassium_current_Xs_gate__beta_xs = 1.0 / (1.0 + exp((membrane__V - 35.0) / 15.0))
    cdef double slow_time_dependent_potassium_current_Xs_gate__tau_xs = 1.0 * slow_time_dependent_potassium_current_Xs_gate__alpha_xs * slow_time_dependent_potassium_current_Xs_gate__beta_xs + 80.0
    cdef double slow_time_dependent_potassium_current_Xs_gate__xs_inf = 1.0 / (1.0 + exp((-5.0 - membrane__V) / 14.0))
    cdef double dot__slow_time_dependent_potassium_current_Xs_gate__Xs = (slow_time_dependent_potassium_current_Xs_gate__xs_inf - slow_time_dependent_potassium_current_Xs_gate__Xs) / slow_time_dependent_potassium_current_Xs_gate__tau_xs
    cdef double fast_sodium_current_m_gate__m_inf = 1.0 / ((1.0 + exp((-56.86 - membrane__V) / 9.03)) * (1.0 + exp((-56.86 - membrane__V) / 9.03)))
    cdef double fast_sodium_current_m_gate__alpha_m = 1.0 / (1.0 + exp((-60.0 - membrane__V) / 5.0))
    cdef double fast_sodium_current_m_gate__beta_m = 0.1 / (1.0 + exp((membrane__V + 35.0) / 5.0)) + 0.1 / (1.0 + exp((membrane__V - 50.0) / 200.0))
    cdef double fast_sodium_current_m_gate__tau_m = 1.0 * fast_sodium_current_m_gate__alpha_m * fast_sodium_current_m_gate__beta_m
    cdef double dot__fast_sodium_current_m_gate__m = (fast_sodium_current_m_gate__m_inf - fast_sodium_current_m_gate__m) / fast_sodium_current_m_gate__tau_m
    cdef double fast_sodium_current_h_gate__h_inf = 1.0 * (1.0 - 0.0 / 100.0) / ((1.0 + exp((membrane__V + 71.55 - 0.0) / 7.43)) * (1.0 + exp((membrane__V + 71.55 - 0.0) / 7.43))) + 0.0 / 100.0
    cdef double fast_sodium_current_h_gate__alpha_h = (0.057 * exp(-(membrane__V + 80.0 - 0.0) / 6.8) if (membrane__V < -40.0 + 0.0) else 0.0)
    cdef double fast_sodium_current_h_gate__beta_h = (2.7 * exp(0.079 * (membrane__V - 0.0)) + 310000.0 * exp(0.3485 * (membrane__V - 0.0)) if (membrane__V < -40.0 + 0.0) else 0.77 / (0.13 * (1.0 + exp((membrane__V + 10.66 - 0.0) / -11.1))))
    cdef double fast_sodium_current_h_gate__tau_h = 1.0 / (fast_sodium_current_h_gate__alpha_h + fast_sodium_current_h_gate__beta_h)
    cdef double dot__fast_sodium_current_h_gate__h = (fast_sodium_current_h_gate__h_inf - fast_sodium_current_h_gate__h) / fast_sodium_current_h_gate__tau_h
    cdef double fast_sodium_current_j_gate__j_inf = 1.0 * (1.0 - 0.0 / 100.0) / ((1.0 + exp((membrane__V + 71.55 - 0.0) / 7.43)) * (1.0 + exp((membrane__V + 71.55 - 0.0) / 7.43))) + 0.0 / 100.0
    cdef double fast_sodium_current_j_gate__alpha_j = ((-25428.0 * exp(0.2444 * (membrane__V - 0.0)) - 6.948e-06 * exp(-0.04391 * (membrane__V - 0.0))) * (membrane__V + 37.78) / 1.0 / (1.0 + exp(0.311 * (membrane__V + 79.23 - 0.0))) if (membrane__V < -40.0 + 0.0) else 0.0)
    cdef double fast_sodium_current_j_gate__beta_j = (0.02424 * exp(-0.01052 * (membrane__V - 0.0)) / (1.0 + exp(-0.1378 * (membrane__V + 40.14 - 0.0))) if (membrane__V < -40.0 + 0.0) else 0.6 * exp(0.057 * (membrane__V - 0.0)) / (1.0 + exp(-0.1 * (membrane__V + 32.0 - 0.0))))
    cdef double fast_sodium_current_j_gate__tau_j = 1.0 / (fast_sodium_current_j_gate__alpha_j + fast_sodium_current_j_gate__beta_j)
    cdef double dot__fast_sodium_current_j_gate__j = (fast_sodium_current_j_gate__j_inf - fast_sodium_current_j_gate__j) / fast_sodium_current_j_gate__tau_j
    cdef double L_type_Ca_current_d_gate__d_inf = 1.0 / (1.0 + exp((-8.0 - membrane__V) / 7.5))
    cdef double L_type_Ca_current_d_gate__alpha_d = 1.4 / (1.0 + exp((-35.0 - membrane__V) / 13.0)) + 0.25
    cdef double L_type_Ca_current_d_gate__beta_d = 1.4 / (1.0 + exp((membrane__V + 5.0) / 5.0))
    cdef double L_type_Ca_current_d_gate__gamma_d = 1.0 / (1.0 + exp((50.0 - membrane__V) / 20.0))
    cdef double L_type_Ca_current_d_gate__tau_d = 1.0 * L_type_Ca_current_d_gate__alpha_d * L_type_Ca_current_d_gate__beta_d + L_type_Ca_current_d_gate__gamma_d
    cdef double dot__L_type_Ca_current_d_gate__d = (L_type_Ca_current_d_gate__d_inf - L_type_Ca_current_d_gate__d) / L_type_Ca_current_d_gate__tau_d
    cdef double L_type_Ca_current_f_gate__f_inf = 1.0 / (1.0 + exp((membrane__V + 20.0) / 7.0))
    cdef double L_type_Ca_current_f_gate__tau_f = 1102.5 * exp(-((membrane__V + 27.0) * (membrane__V + 27.0)) / 225.0) + 200.0 / (1.0 + exp((13.0 - membrane__V) / 10.0)) + 180.0 / (1.0 + exp((membrane__V + 30.0) / 10.0)) + 20.0
    cdef double dot__L_type_Ca_current_f_gate__f = (L_type_Ca_current_f_gate__f_inf - L_type_Ca_current_f_gate__f) / L_type_Ca_current_f_gate__tau_f
    cdef double L_type_Ca_current_f2_gate__f2_inf = 0.67 / (1.0 + exp((membrane__V + 35.0) / 7.0)) + 0.33
    cdef double L_type_Ca_current_f2_gate__tau_f2 = 562.0 * exp(-((membrane__V + 27.0) * (membrane__V + 27.0)) / 240.0) + 31.0 / (1.0 + exp((25.0 - membrane__V) / 10.0)) + 80.0 / (1.0 + exp((membrane__V + 30.0) / 10.0))
    cdef double dot__L_type_Ca_current_f2_gate__f2 = (L_type_Ca_current_f2_gate__f2_inf - L_type_Ca_current_f2_gate__f2) / L_type_Ca_current_f2_gate__tau_f2
    cdef double L_type_Ca_current_fCass_gate__fCass_inf = 0.6 / (1.0 + ((calcium_dynamics__Ca_ss / 0.05) * (calcium_dynamics__Ca_ss / 0.05))) + 0.4
    cdef double L_type_Ca_current_fCass_gate__tau_fCass = 80.0 / (1.0 + ((calcium_dynamics__Ca_ss / 0.05) * (calcium_dynamics__Ca_ss / 0.05))) + 2.0
    cdef double dot__L_type_Ca_current_fCass_gate__fCass = (L_type_Ca_current_fCass_gate__fCass_inf - L_type_Ca_current_fCass_gate__fCass) / L_type_Ca_current_fCass_gate__tau_fCass
    cdef double transient_outward_current_s_gate__s_inf = 1.0 / (1.0 + exp((membrane__V + 28.0) / 5.0))
    cdef double transient_outward_current_s_gate__tau_s = 1000.0 * exp(-((membrane__V + 67.0) * (membrane__V + 67.0)) / 1000.0) + 8.0
    cdef double dot__transient_outward_current_s_gate__s = (transient_outward_current_s_gate__s_inf - transient_outward_current_s_gate__s) / transient_outward_current_s_gate__tau_s
    cdef double transient_outward_current_r_gate__r_inf = 1.0 / (1.0 + exp((20.0 - membrane__V) / 6.0))
    cdef double transient_outward_current_r_gate__tau_r = 9.5 * exp(-((membrane__V + 40.0) * (membrane__V + 40.0)) / 1800.0) + 0.8
    cdef double dot__transient_outward_current_r_gate__r = (transient_outward_current_r_gate__r_inf - transient_outward_current_r_gate__r) / transient_outward_current_r_gate__tau_r
    cdef double calcium_dynamics__Ca_i_bufc = 1.0 / (1.0 + 0.2 * 0.001 / ((calcium_dynamics__Ca_i + 0.001) * (calcium_dynamics__Ca_i + 0.001)))
    cdef double calcium_dynamics__i_leak = 0.00036 * (calcium_dynamics__Ca_SR - calcium_dynamics__Ca_i)
    cdef double calcium_dynamics__i_up = 0.006375 / (1.0 + ((0.00025) * (0.00025)) / ((calcium_dynamics__Ca_i) * (calcium_dynamics__Ca_i)))
    cdef double calcium_dynamics__i_xfer = 0.0038 * (calcium_dynamics__Ca_ss - calcium_dynamics__Ca_i)
    cdef double dot__calcium_dynamics__Ca_i = calcium_dynamics__Ca_i_bufc * ((calcium_dynamics__i_leak - calcium_dynamics__i_up) * 0.001094 / 0.016404 + calcium_dynamics__i_xfer - 1.0 * (calcium_background_current__i_b_Ca + calcium_pump_current__i_p_Ca - 2.0 * sodium_calcium_exchanger_current__i_NaCa) * 0.185 / (2.0 * 1.0 * 0.016404 * 96485.3415))
    cdef double calcium_dynamics__Ca_sr_bufsr = 1.0 / (1.0 + 10.0 * 0.3 / ((calcium_dynamics__Ca_SR + 0.3) * (calcium_dynamics__Ca_SR + 0.3)))
    cdef double calcium_dynamics__kcasr = 2.5 - (2.5 - 1.0) / (1.0 + ((1.5 / calcium_dynamics__Ca_SR) * (1.5 / calcium_dynamics__Ca_SR)))
    cdef double calcium_dynamics__k1 = 0.15 / calcium_dynamics__kcasr
    cdef double calcium_dynamics__O = calcium_dynamics__k1 * ((calcium_dynamics__Ca_ss) * (calcium_dynamics__Ca_ss)) * calcium_dynamics__R_prime / (0.06 + calcium_dynamics__k1 * ((calcium_dynamics__Ca_ss) * (calcium_dynamics__Ca_ss)))
    cdef double calcium_dynamics__i_rel = 0.102 * calcium_dynamics__O * (calcium_dynamics__Ca_SR - calcium_dynamics__Ca_ss)
    cdef double dot__calcium_dynamics__Ca_SR = calcium_dynamics__Ca_sr_bufsr * (calcium_dynamics__i_up - (calcium_dynamics__i_rel + calcium_dynamics__i_leak))
    cdef double calcium_dynamics__Ca_ss_bufss = 1.0 / (1.0 + 0.4 * 0.00025 / ((calcium_dynamics__Ca_ss + 0.00025) * (calcium_dynamics__Ca_ss + 0.00025)))
    cdef double dot__calcium_dynamics__Ca_ss = calcium_dynamics__Ca_ss_bufss * (-1.0 * L_type_Ca_current__i_CaL * 0.185 / (2.0 * 1.0 * 5.468e-05 * 96485.3415) + calcium_dynamics__i_rel * 0.001094 / 5.468e-05 - calcium_dynamics__i_xfer * 0.016404 / 5.468e-05)
    cdef double calcium_dynamics__k2 = 0.045 * calcium_dynamics__kcasr
    cdef double dot__calcium_dynamics__R_prime = -calcium_dynamics__k2 * calcium_dynamics__Ca_ss * calcium_dynamics__R_prime + 0.005 * (1.0 - calcium_dynamics__R_prime)
    cdef double dot__sodium_dynamics__Na_i = -1.0 * 1.0 * (fast_sodium_current__i_Na + sodium_background_current__i_b_Na + 3.0 * sodium_potassium_pump_current__i_NaK + 3.0 * sodium_calcium_exchanger_current__i_NaCa) / (1.0 * 0.016404 * 96485.3415) * 0.185
    cdef double dot__potassium_dynamics__K_i = -1.0 * 1.0 * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + potassium_pump_current__i_p_K + (-i_stim / (-1.0)) - 2.0 * sodium_potassium_pump_current__i_NaK) / (1.0 * 0.016404 * 96485.3415) * 0.185
    cdef double rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = -(1.0 / (rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1))
    cdef double rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = -(1.0 / (rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2))
    cdef double rlb__slow_time_dependent_potassium_current_Xs_gate__Xs = -(1.0 / (slow_time_dependent_potassium_current_Xs_gate__tau_xs))
    cdef double rlb__fast_sodium_current_m_gate__m = -(1.0 / (fast_sodium_current_m_gate__tau_m))
    cdef double rlb__fast_sodium_current_h_gate__h = -(1.0 / (fast_sodium_current_h_gate__tau_h))
    cdef double rlb__fast_sodium_current_j_gate__j = -(1.0 / (fast_sodium_current_j_gate__tau_j))
    cdef double rlb__L_type_Ca_current_d_gate__d = -(1.0 / (L_type_Ca_current_d_gate__tau_d))
    cdef double rlb__L_type_Ca_current_f_gate__f = -(1.0 / (L_type_Ca_current_f_gate__tau_f))
    cdef double rlb__L_type_Ca_current_f2_gate__f2 = -(1.0 / (L_type_Ca_current_f2_gate__tau_f2))
    cdef double rlb__L_type_Ca_current_fCass_gate__fCass = -(1.0 / (L_type_Ca_current_fCass_gate__tau_fCass))
    cdef double rlb__transient_outward_current_s_gate__s = -(1.0 / (transient_outward_current_s_gate__tau_s))
    cdef double rlb__transient_outward_current_r_gate__r = -(1.0 / (transient_outward_current_r_gate__tau_r))
    s[0 * n + c] = membrane__V + dt * dot__membrane__V
    s[1 * n + c] = rush_larsen_ab(rapid_time_dependent_potassium_current_Xr1_gate__Xr1, dot__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 - rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr1_gate__Xr1, rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1, dt)
    s[2 * n + c] = rush_larsen_ab(rapid_time_dependent_potassium_current_Xr2_gate__Xr2, dot__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 - rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2, rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2, dt)
    s[3 * n + c] = rush_larsen_ab(slow_time_dependent_potassium_current_Xs_gate__Xs, dot__slow_time_dependent_potassium_current_Xs_gate__Xs - rlb__slow_time_dependent_potassium_current_Xs_gate__Xs * slow_time_dependent_potassium_current_Xs_gate__Xs, rlb__slow_time_dependent_potassium_current_Xs_gate__Xs, dt)
    s[4 * n + c] = rush_larsen_ab(fast_sodium_current_m_gate__m, dot__fast_sodium_current_m_gate__m - rlb__fast_sodium_current_m_gate__m * fast_sodium_current_m_gate__m, rlb__fast_sodium_current_m_gate__m, dt)
    s[5 * n + c] = rush_larsen_ab(fast_sodium_current_h_gate__h, dot__fast_sodium_current_h_gate__h - rlb__fast_sodium_current_h_gate__h * fast_sodium_current_h_gate__h, rlb__fast_sodium_current_h_gate__h, dt)
    s[6 * n + c] = rush_larsen_ab(fast_sodium_current_j_gate__j, dot__fast_sodium_current_j_gate__j - rlb__fast_sodium_current_j_gate__j * fast_sodium_current_j_gate__j, rlb__fast_sodium_current_j_gate__j, dt)
    s[7 * n + c] = rush_larsen_ab(L_type_Ca_current_d_gate__d, dot__L_type_Ca_current_d_gate__d - rlb__L_type_Ca_current_d_gate__d * L_type_Ca_current_d_gate__d, rlb__L_type_Ca_current_d_gate__d, dt)
    s[8 * n + c] = rush_larsen_ab(L_type_Ca_current_f_gate__f, dot__L_type_Ca_current_f_gate__f - rlb__L_type_Ca_current_f_gate__f * L_type_Ca_current_f_gate__f, rlb__L_type_Ca_current_f_gate__f, dt)
    s[9 * n + c] = rush_larsen_ab(L_type_Ca_current_f2_gate__f2, dot__L_type_Ca_current_f2_gate__f2 - rlb__L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_f2_gate__f2, rlb__L_type_Ca_current_f2_gate__f2, dt)
    s[10 * n + c] = rush_larsen_ab(L_type_Ca_current_fCass_gate__fCass, dot__L_type_Ca_current_fCass_gate__fCass - rlb__L_type_Ca_current_fCass_gate__fCass * L_type_Ca_current_fCass_gate__fCass, rlb__L_type_Ca_current_fCass_gate__fCass, dt)
    s[11 * n + c] = rush_larsen_ab(transient_outward_current_s_gate__s, dot__transient_outward_current_s_gate__s - rlb__transient_outward_current_s_gate__s * transient_outward_current_s_gate__s, rlb__transient_outward_current_s_gate__s, dt)
    s[12 * n + c] = rush_larsen_ab(transient_outward_current_r_gate__r, dot__transient_outward_current_r_gate__r - rlb__transient_outward_current_r_gate__r * transient_outward_current_r_gate__r, rlb__transient_outward_current_r_gate__r, dt)
    s[13 * n + c] = calcium_dynamics__Ca_i + dt * dot__calcium_dynamics__Ca_i
    s[14 * n + c] = calcium_dynamics__Ca_SR + dt * dot__calcium_dynamics__Ca_SR
    s[15 * n + c] = calcium_dynamics__Ca_ss + dt * dot__calcium_dynamics__Ca_ss
    s[16 * n + c] = calcium_dynamics__R_prime + dt * dot__calcium_dynamics__R_prime
    s[17 * n + c] = sodium_dynamics__Na_i + dt * dot__sodium_dynamics__Na_i
    s[18 * n + c] = potassium_dynamics__K_i + dt * dot__potassium_dynamics__K_i


cdef inline void _cell_step_lut(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, double t, double dt, const double* lut, Py_ssize_t n_rows, double vmin, double inv_dv) noexcept nogil:
    cdef double membrane__V = s[0 * n + c]
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = s[1 * n + c]
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = s[2 * n + c]
    cdef double slow_time_dependent_potassium_current_Xs_gate__Xs = s[3 * n + c]
    cdef double fast_sodium_current_m_gate__m = s[4 * n + c]
    cdef double fast_sodium_current_h_gate__h = s[5 * n + c]
    cdef double fast_sodium_current_j_gate__j = s[6 * n + c]
    cdef double L_type_Ca_current_d_gate__d = s[7 * n + c]
    cdef double L_type_Ca_current_f_gate__f = s[8 * n + c]
    cdef double L_type_Ca_current_f2_gate__f2 = s[9 * n + c]
    cdef double L_type_Ca_current_fCass_gate__fCass = s[10 * n + c]
    cdef double transient_outward_current_s_gate__s = s[11 * n + c]
    cdef double transient_outward_current_r_gate__r = s[12 * n + c]
    cdef double calcium_dynamics__Ca_i = s[13 * n + c]
    cdef double calcium_dynamics__Ca_SR = s[14 * n + c]
    cdef double calcium_dynamics__Ca_ss = s[15 * n + c]
    cdef double calcium_dynamics__R_prime = s[16 * n + c]
    cdef double sodium_dynamics__Na_i = s[17 * n + c]
    cdef double potassium_dynamics__K_i = s[18 * n + c]
    cdef double cardiotwin_parameters__gNa = p[0 * n + c]
    cdef double cardiotwin_parameters__gCaL = p[1 * n + c]
    cdef double cardiotwin_parameters__gto = p[2 * n + c]
    cdef double cardiotwin_parameters__gKr = p[3 * n + c]
    cdef double cardiotwin_parameters__gKs = p[4 * n + c]
    cdef double cardiotwin_parameters__gK1 = p[5 * n + c]
    cdef double cardiotwin_parameters__gNaCa = p[6 * n + c]
    cdef double cardiotwin_parameters__gNaK = p[7 * n + c]
    cdef double x_lut = (membrane__V - vmin) * inv_dv
    cdef Py_ssize_t i_lut
    cdef double w_lut
    cdef const double* r0
    cdef const double* r1
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf
    cdef double slow_time_dependent_potassium_current_Xs_gate__tau_xs
    cdef double slow_time_dependent_potassium_current_Xs_gate__xs_inf
    cdef double fast_sodium_current_m_gate__m_inf
    cdef double fast_sodium_current_m_gate__tau_m
    cdef double fast_sodium_current_h_gate__h_inf
    cdef double fast_sodium_current_h_gate__tau_h
    cdef double fast_sodium_current_j_gate__j_inf
    cdef double fast_sodium_current_j_gate__tau_j
    cdef double L_type_Ca_current_d_gate__d_inf
    cdef double L_type_Ca_current_d_gate__tau_d
    cdef double L_type_Ca_current_f_gate__f_inf
    cdef double L_type_Ca_current_f_gate__tau_f
    cdef double L_type_Ca_current_f2_gate__f2_inf
    cdef double L_type_Ca_current_f2_gate__tau_f2
    cdef double transient_outward_current_s_gate__s_inf
    cdef double transient_outward_current_s_gate__tau_s
    cdef double transient_outward_current_r_gate__r_inf
    cdef double transient_outward_current_r_gate__tau_r
    cdef double rlfactor__rapid_time_dependent_potassium_current_Xr1_gate__Xr1
    cdef double rlfactor__rapid_time_dependent_potassium_current_Xr2_gate__Xr2
    cdef double rlfactor__slow_time_dependent_potassium_current_Xs_gate__Xs
    cdef double rlfactor__fast_sodium_current_m_gate__m
    cdef double rlfactor__fast_sodium_current_h_gate__h
    cdef double rlfactor__fast_sodium_current_j_gate__j
    cdef double rlfactor__L_type_Ca_current_d_gate__d
    cdef double rlfactor__L_type_Ca_current_f_gate__f
    cdef double rlfactor__L_type_Ca_current_f2_gate__f2
    cdef double rlfactor__transient_outward_current_s_gate__s
    cdef double rlfactor__transient_outward_current_r_gate__r
    cdef double L_type_Ca_current__g_CaL
    cdef double L_type_Ca_current__temp
    cdef double L_type_Ca_current__i_CaL
    cdef double reversal_potentials__E_Ca
    cdef double calcium_background_current__i_b_Ca
    cdef double calcium_pump_current__i_p_Ca
    cdef double fast_sodium_current__g_Na
    cdef double reversal_potentials__E_Na
    cdef double fast_sodium_current__i_Na
    cdef double inward_rectifier_potassium_current__g_K1
    cdef double reversal_potentials__E_K
    cdef double inward_rectifier_potassium_current__alpha_K1
    cdef double inward_rectifier_potassium_current__beta_K1
    cdef double inward_rectifier_potassium_current__xK1_inf
    cdef double inward_rectifier_potassium_current__i_K1
    cdef double potassium_pump_current__i_p_K
    cdef double rapid_time_dependent_potassium_current__g_Kr
    cdef double rapid_time_dependent_potassium_current__i_Kr
    cdef double reversal_potentials__E_Ks
    cdef double slow_time_dependent_potassium_current__g_Ks
    cdef double slow_time_dependent_potassium_current__i_Ks
    cdef double sodium_background_current__i_b_Na
    cdef double sodium_calcium_exchanger_current__K_NaCa
    cdef double sodium_calcium_exchanger_current__i_NaCa
    cdef double sodium_potassium_pump_current__P_NaK
    cdef double sodium_potassium_pump_current__i_NaK
    cdef double transient_outward_current__g_to
    cdef double transient_outward_current__i_to
    cdef double dot__membrane__V
    cdef double dot__rapid_time_dependent_potassium_current_Xr1_gate__Xr1
    cdef double dot__rapid_time_dependent_potassium_current_Xr2_gate__Xr2
    cdef double dot__slow_time_dependent_potassium_current_Xs_gate__Xs
    cdef double dot__fast_sodium_current_m_gate__m
    cdef double dot__fast_sodium_current_h_gate__h
    cdef double dot__fast_sodium_current_j_gate__j
    cdef double dot__L_type_Ca_current_d_gate__d
    cdef double dot__L_type_Ca_current_f_gate__f
    cdef double dot__L_type_Ca_current_f2_gate__f2
    cdef double L_type_Ca_current_fCass_gate__fCass_inf
    cdef double L_type_Ca_current_fCass_gate__tau_fCass
    cdef double dot__L_type_Ca_current_fCass_gate__fCass
    cdef double dot__transient_outward_current_s_gate__s
    cdef double dot__transient_outward_current_r_gate__r
    cdef double calcium_dynamics__Ca_i_bufc
    cdef double calcium_dynamics__i_leak
    cdef double calcium_dynamics__i_up
    cdef double calcium_dynamics__i_xfer
    cdef double dot__calcium_dynamics__Ca_i
    cdef double calcium_dynamics__Ca_sr_bufsr
    cdef double calcium_dynamics__kcasr
    cdef double calcium_dynamics__k1
    cdef double calcium_dynamics__O
    cdef double calcium_dynamics__i_rel
    cdef double dot__calcium_dynamics__Ca_SR
    cdef double calcium_dynamics__Ca_ss_bufss
    cdef double dot__calcium_dynamics__Ca_ss
    cdef double calcium_dynamics__k2
    cdef double dot__calcium_dynamics__R_prime
    cdef double dot__sodium_dynamics__Na_i
    cdef double dot__potassium_dynamics__K_i
    cdef double rlb__L_type_Ca_current_fCass_gate__fCass
    if x_lut < 0.0:
        x_lut = 0.0
    elif x_lut > n_rows - 1.000001:
        x_lut = n_rows - 1.000001
    i_lut = <Py_ssize_t>x_lut
    w_lut = x_lut - i_lut
    r0 = lut + i_lut * 33
    r1 = r0 + 33
    rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1 = r0[0] + w_lut * (r1[0] - r0[0])
    rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf = r0[1] + w_lut * (r1[1] - r0[1])
    rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2 = r0[2] + w_lut * (r1[2] - r0[2])
    rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf = r0[3] + w_lut * (r1[3] - r0[3])
    slow_time_dependent_potassium_current_Xs_gate__tau_xs = r0[4] + w_lut * (r1[4] - r0[4])
    slow_time_dependent_potassium_current_Xs_gate__xs_inf = r0[5] + w_lut * (r1[5] - r0[5])
    fast_sodium_current_m_gate__m_inf = r0[6] + w_lut * (r1[6] - r0[6])
    fast_sodium_current_m_gate__tau_m = r0[7] + w_lut * (r1[7] - r0[7])
    fast_sodium_current_h_gate__h_inf = r0[8] + w_lut * (r1[8] - r0[8])
    fast_sodium_current_h_gate__tau_h = r0[9] + w_lut * (r1[9] - r0[9])
    fast_sodium_current_j_gate__j_inf = r0[10] + w_lut * (r1[10] - r0[10])
    fast_sodium_current_j_gate__tau_j = r0[11] + w_lut * (r1[11] - r0[11])
    L_type_Ca_current_d_gate__d_inf = r0[12] + w_lut * (r1[12] - r0[12])
    L_type_Ca_current_d_gate__tau_d = r0[13] + w_lut * (r1[13] - r0[13])
    L_type_Ca_current_f_gate__f_inf = r0[14] + w_lut * (r1[14] - r0[14])
    L_type_Ca_current_f_gate__tau_f = r0[15] + w_lut * (r1[15] - r0[15])
    L_type_Ca_current_f2_gate__f2_inf = r0[16] + w_lut * (r1[16] - r0[16])
    L_type_Ca_current_f2_gate__tau_f2 = r0[17] + w_lut * (r1[17] - r0[17])
    transient_outward_current_s_gate__s_inf = r0[18] + w_lut * (r1[18] - r0[18])
    transient_outward_current_s_gate__tau_s = r0[19] + w_lut * (r1[19] - r0[19])
    transient_outward_current_r_gate__r_inf = r0[20] + w_lut * (r1[20] - r0[20])
    transient_outward_current_r_gate__tau_r = r0[21] + w_lut * (r1[21] - r0[21])
    rlfactor__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = r0[22] + w_lut * (r1[22] - r0[22])
    rlfactor__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = r0[23] + w_lut * (r1[23] - r0[23])
    rlfactor__slow_time_dependent_potassium_current_Xs_gate__Xs = r0[24] + w_lut * (r1[24] - r0[24])
    rlfactor__fast_sodium_current_m_gate__m = r0[25] + w_lut * (r1[25] - r0[25])
    rlfactor__fast_sodium_current_h_gate__h = r0[26] + w_lut * (r1[26] - r0[26])
    rlfactor__fast_sodium_current_j_gate__j = r0[27] + w_lut * (r1[27] - r0[27])
    rlfactor__L_type_Ca_current_d_gate__d = r0[28] + w_lut * (r1[28] - r0[28])
    rlfactor__L_type_Ca_current_f_gate__f = r0[29] + w_lut * (r1[29] - r0[29])
    rlfactor__L_type_Ca_current_f2_gate__f2 = r0[30] + w_lut * (r1[30] - r0[30])
    rlfactor__transient_outward_current_s_gate__s = r0[31] + w_lut * (r1[31] - r0[31])
    rlfactor__transient_outward_current_r_gate__r = r0[32] + w_lut * (r1[32] - r0[32])
    L_type_Ca_current__g_CaL = cardiotwin_parameters__gCaL * 3.98e-05
    L_type_Ca_current__temp = ((membrane__V - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (membrane__V - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (membrane__V - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0) if ((membrane__V < 14.999) or (membrane__V > 15.001)) else ((14.999 - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (14.999 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (14.999 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0) + (15.001 - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (15.001 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (15.001 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0)) / 2.0)
    L_type_Ca_current__i_CaL = L_type_Ca_current__temp * L_type_Ca_current__g_CaL * L_type_Ca_current_d_gate__d * L_type_Ca_current_f_gate__f * L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_fCass_gate__fCass * 4.0 * ((96485.3415) * (96485.3415)) / (8314.472 * 310.0)
    reversal_potentials__E_Ca = 0.5 * 8314.472 * 310.0 / 96485.3415 * log(2.0 / calcium_dynamics__Ca_i)
    calcium_background_current__i_b_Ca = 0.000592 * (membrane__V - reversal_potentials__E_Ca)
    calcium_pump_current__i_p_Ca = 0.1238 * calcium_dynamics__Ca_i / (calcium_dynamics__Ca_i + 0.0005)
    fast_sodium_current__g_Na = cardiotwin_parameters__gNa * 14.838
    reversal_potentials__E_Na = 8314.472 * 310.0 / 96485.3415 * log(140.0 / sodium_dynamics__Na_i)
    fast_sodium_current__i_Na = fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - reversal_potentials__E_Na)
    inward_rectifier_potassium_current__g_K1 = cardiotwin_parameters__gK1 * 5.405
    reversal_potentials__E_K = 8314.472 * 310.0 / 96485.3415 * log(5.4 / potassium_dynamics__K_i)
    inward_rectifier_potassium_current__alpha_K1 = 0.1 / (1.0 + exp(0.06 * (membrane__V - reversal_potentials__E_K - 200.0)))
    inward_rectifier_potassium_current__beta_K1 = (3.0 * exp(0.0002 * (membrane__V - reversal_potentials__E_K + 100.0)) + exp(0.1 * (membrane__V - reversal_potentials__E_K - 10.0))) / (1.0 + exp(-0.5 * (membrane__V - reversal_potentials__E_K)))
    inward_rectifier_potassium_current__xK1_inf = inward_rectifier_potassium_current__alpha_K1 / (inward_rectifier_potassium_current__alpha_K1 + inward_rectifier_potassium_current__beta_K1)
    inward_rectifier_potassium_current__i_K1 = inward_rectifier_potassium_current__g_K1 * inward_rectifier_potassium_current__xK1_inf * sqrt(5.4 / 5.4) * (membrane__V - reversal_potentials__E_K)
    potassium_pump_current__i_p_K = 0.0146 * (membrane__V - reversal_potentials__E_K) / (1.0 + exp((25.0 - membrane__V) / 5.98))
    rapid_time_dependent_potassium_current__g_Kr = cardiotwin_parameters__gKr * 0.153
    rapid_time_dependent_potassium_current__i_Kr = rapid_time_dependent_potassium_current__g_Kr * sqrt(5.4 / 5.4) * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K)
    reversal_potentials__E_Ks = 8314.472 * 310.0 / 96485.3415 * log((5.4 + 0.03 * 140.0) / (potassium_dynamics__K_i + 0.03 * sodium_dynamics__Na_i))
    slow_time_dependent_potassium_current__g_Ks = cardiotwin_parameters__gKs * 0.392
    slow_time_dependent_potassium_current__i_Ks = slow_time_dependent_potassium_current__g_Ks * ((slow_time_dependent_potassium_current_Xs_gate__Xs) * (slow_time_dependent_potassium_current_Xs_gate__Xs)) * (membrane__V - reversal_potentials__E_Ks)
    sodium_background_current__i_b_Na = 0.00029 * (membrane__V - reversal_potentials__E_Na)
    sodium_calcium_exchanger_current__K_NaCa = cardiotwin_parameters__gNaCa * 1000.0
    sodium_calcium_exchanger_current__i_NaCa = sodium_calcium_exchanger_current__K_NaCa * (exp(0.35 * membrane__V * 96485.3415 / (8314.472 * 310.0)) * ((sodium_dynamics__Na_i) * (sodium_dynamics__Na_i) * (sodium_dynamics__Na_i)) * 2.0 - exp((0.35 - 1.0) * membrane__V * 96485.3415 / (8314.472 * 310.0)) * ((140.0) * (140.0) * (140.0)) * calcium_dynamics__Ca_i * 2.5) / ((((87.5) * (87.5) * (87.5)) + ((140.0) * (140.0) * (140.0))) * (1.38 + 2.0) * (1.0 + 0.1 * exp((0.35 - 1.0) * membrane__V * 96485.3415 / (8314.472 * 310.0))))
    sodium_potassium_pump_current__P_NaK = cardiotwin_parameters__gNaK * 2.724
    sodium_potassium_pump_current__i_NaK = sodium_potassium_pump_current__P_NaK * 5.4 / (5.4 + 1.0) * sodium_dynamics__Na_i / (sodium_dynamics__Na_i + 40.0) / (1.0 + 0.1245 * exp(-0.1 * membrane__V * 96485.3415 / (8314.472 * 310.0)) + 0.0353 * exp(-membrane__V * 96485.3415 / (8314.472 * 310.0)))
    transient_outward_current__g_to = cardiotwin_parameters__gto * 0.073
    transient_outward_current__i_to = transient_outward_current__g_to * transient_outward_current_r_gate__r * transient_outward_current_s_gate__s * (membrane__V - reversal_potentials__E_K)
    dot__membrane__V = -1.0 / 1.0 * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + (-i_stim / (-1.0)))
    dot__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = (rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf - rapid_time_dependent_potassium_current_Xr1_gate__Xr1) / rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1
    dot__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = (rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf - rapid_time_dependent_potassium_current_Xr2_gate__Xr2) / rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2
    dot__slow_time_dependent_potassium_current_Xs_gate__Xs = (slow_time_dependent_potassium_current_Xs_gate__xs_inf - slow_time_dependent_potassium_current_Xs_gate__Xs) / slow_time_dependent_potassium_current_Xs_gate__tau_xs
    dot__fast_sodium_current_m_gate__m = (fast_sodium_current_m_gate__m_inf - fast_sodium_current_m_gate__m) / fast_sodium_current_m_gate__tau_m
    dot__fast_sodium_current_h_gate__h = (fast_sodium_current_h_gate__h_inf - fast_sodium_current_h_gate__h) / fast_sodium_current_h_gate__tau_h
    dot__fast_sodium_current_j_gate__j = (fast_sodium_current_j_gate__j_inf - fast_sodium_current_j_gate__j) / fast_sodium_current_j_gate__tau_j
    dot__L_type_Ca_current_d_gate__d = (L_type_Ca_current_d_gate__d_inf - L_type_Ca_current_d_gate__d) / L_type_Ca_current_d_gate__tau_d
    dot__L_type_Ca_current_f_gate__f = (L_type_Ca_current_f_gate__f_inf - L_type_Ca_current_f_gate__f) / L_type_Ca_current_f_gate__tau_f
    dot__L_type_Ca_current_f2_gate__f2 = (L_type_Ca_current_f2_gate__f2_inf - L_type_Ca_current_f2_gate__f2) / L_type_Ca_current_f2_gate__tau_f2
    L_type_Ca_current_fCass_gate__fCass_inf = 0.6 / (1.0 + ((calcium_dynamics__Ca_ss / 0.05) * (calcium_dynamics__Ca_ss / 0.05))) + 0.4
    L_type_Ca_current_fCass_gate__tau_fCass = 80.0 / (1.0 + ((calcium_dynamics__Ca_ss / 0.05) * (calcium_dynamics__Ca_ss / 0.05))) + 2.0
    dot__L_type_Ca_current_fCass_gate__fCass = (L_type_Ca_current_fCass_gate__fCass_inf - L_type_Ca_current_fCass_gate__fCass) / L_type_Ca_current_fCass_gate__tau_fCass
    dot__transient_outward_current_s_gate__s = (transient_outward_current_s_gate__s_inf - transient_outward_current_s_gate__s) / transient_outward_current_s_gate__tau_s
    dot__transient_outward_current_r_gate__r = (transient_outward_current_r_gate__r_inf - transient_outward_current_r_gate__r) / transient_outward_current_r_gate__tau_r
    calcium_dynamics__Ca_i_bufc = 1.0 / (1.0 + 0.2 * 0.001 / ((calcium_dynamics__Ca_i + 0.001) * (calcium_dynamics__Ca_i + 0.001)))
    calcium_dynamics__i_leak = 0.00036 * (calcium_dynamics__Ca_SR - calcium_dynamics__Ca_i)
    calcium_dynamics__i_up = 0.006375 / (1.0 + ((0.00025) * (0.00025)) / ((calcium_dynamics__Ca_i) * (calcium_dynamics__Ca_i)))
    calcium_dynamics__i_xfer = 0.0038 * (calcium_dynamics__Ca_ss - calcium_dynamics__Ca_i)
    dot__calcium_dynamics__Ca_i = calcium_dynamics__Ca_i_bufc * ((calcium_dynamics__i_leak - calcium_dynamics__i_up) * 0.001094 / 0.016404 + calcium_dynamics__i_xfer - 1.0 * (calcium_background_current__i_b_Ca + calcium_pump_current__i_p_Ca - 2.0 * sodium_calcium_exchanger_current__i_NaCa) * 0.185 / (2.0 * 1.0 * 0.016404 * 96485.3415))
    calcium_dynamics__Ca_sr_bufsr = 1.0 / (1.0 + 10.0 * 0.3 / ((calcium_dynamics__Ca_SR + 0.3) * (calcium_dynamics__Ca_SR + 0.3)))
    calcium_dynamics__kcasr = 2.5 - (2.5 - 1.0) / (1.0 + ((1.5 / calcium_dynamics__Ca_SR) * (1.5 / calcium_dynamics__Ca_SR)))
    calcium_dynamics__k1 = 0.15 / calcium_dynamics__kcasr
    calcium_dynamics__O = calcium_dynamics__k1 * ((calcium_dynamics__Ca_ss) * (calcium_dynamics__Ca_ss)) * calcium_dynamics__R_prime / (0.06 + calcium_dynamics__k1 * ((calcium_dynamics__Ca_ss) * (calcium_dynamics__Ca_ss)))
    calcium_dynamics__i_rel = 0.102 * calcium_dynamics__O * (calcium_dynamics__Ca_SR - calcium_dynamics__Ca_ss)
    dot__calcium_dynamics__Ca_SR = calcium_dynamics__Ca_sr_bufsr * (calcium_dynamics__i_up - (calcium_dynamics__i_rel + calcium_dynamics__i_leak))
    calcium_dynamics__Ca_ss_bufss = 1.0 / (1.0 + 0.4 * 0.00025 / ((calcium_dynamics__Ca_ss + 0.00025) * (calcium_dynamics__Ca_ss + 0.00025)))
    dot__calcium_dynamics__Ca_ss = calcium_dynamics__Ca_ss_bufss * (-1.0 * L_type_Ca_current__i_CaL * 0.185 / (2.0 * 1.0 * 5.468e-05 * 96485.3415) + calcium_dynamics__i_rel * 0.001094 / 5.468e-05 - calcium_dynamics__i_xfer * 0.016404 / 5.468e-05)
    calcium_dynamics__k2 = 0.045 * calcium_dynamics__kcasr
    dot__calcium_dynamics__R_prime = -calcium_dynamics__k2 * calcium_dynamics__Ca_ss * calcium_dynamics__R_prime + 0.005 * (1.0 - calcium_dynamics__R_prime)
    dot__sodium_dynamics__Na_i = -1.0 * 1.0 * (fast_sodium_current__i_Na + sodium_background_current__i_b_Na + 3.0 * sodium_potassium_pump_current__i_NaK + 3.0 * sodium_calcium_exchanger_current__i_NaCa) / (1.0 * 0.016404 * 96485.3415) * 0.185
    dot__potassium_dynamics__K_i = -1.0 * 1.0 * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + potassium_pump_current__i_p_K + (-i_stim / (-1.0)) - 2.0 * sodium_potassium_pump_current__i_NaK) / (1.0 * 0.016404 * 96485.3415) * 0.185
    rlb__L_type_Ca_current_fCass_gate__fCass = -(1.0 / (L_type_Ca_current_fCass_gate__tau_fCass))
    s[0 * n + c] = membrane__V + dt * dot__membrane__V
    s[1 * n + c] = rapid_time_dependent_potassium_current_Xr1_gate__Xr1 + dot__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rlfactor__rapid_time_dependent_potassium_current_Xr1_gate__Xr1
    s[2 * n + c] = rapid_time_dependent_potassium_current_Xr2_gate__Xr2 + dot__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * rlfactor__rapid_time_dependent_potassium_current_Xr2_gate__Xr2
    s[3 * n + c] = slow_time_dependent_potassium_current_Xs_gate__Xs + dot__slow_time_dependent_potassium_current_Xs_gate__Xs * rlfactor__slow_time_dependent_potassium_current_Xs_gate__Xs
    s[4 * n + c] = fast_sodium_current_m_gate__m + dot__fast_sodium_current_m_gate__m * rlfactor__fast_sodium_current_m_gate__m
    s[5 * n + c] = fast_sodium_current_h_gate__h + dot__fast_sodium_current_h_gate__h * rlfactor__fast_sodium_current_h_gate__h
    s[6 * n + c] = fast_sodium_current_j_gate__j + dot__fast_sodium_current_j_gate__j * rlfactor__fast_sodium_current_j_gate__j
    s[7 * n + c] = L_type_Ca_current_d_gate__d + dot__L_type_Ca_current_d_gate__d * rlfactor__L_type_Ca_current_d_gate__d
    s[8 * n + c] = L_type_Ca_current_f_gate__f + dot__L_type_Ca_current_f_gate__f * rlfactor__L_type_Ca_current_f_gate__f
    s[9 * n + c] = L_type_Ca_current_f2_gate__f2 + dot__L_type_Ca_current_f2_gate__f2 * rlfactor__L_type_Ca_current_f2_gate__f2
    s[10 * n + c] = rush_larsen_ab(L_type_Ca_current_fCass_gate__fCass, dot__L_type_Ca_current_fCass_gate__fCass - rlb__L_type_Ca_current_fCass_gate__fCass * L_type_Ca_current_fCass_gate__fCass, rlb__L_type_Ca_current_fCass_gate__fCass, dt)
    s[11 * n + c] = transient_outward_current_s_gate__s + dot__transient_outward_current_s_gate__s * rlfactor__transient_outward_current_s_gate__s
    s[12 * n + c] = transient_outward_current_r_gate__r + dot__transient_outward_current_r_gate__r * rlfactor__transient_outward_current_r_gate__r
    s[13 * n + c] = calcium_dynamics__Ca_i + dt * dot__calcium_dynamics__Ca_i
    s[14 * n + c] = calcium_dynamics__Ca_SR + dt * dot__calcium_dynamics__Ca_SR
    s[15 * n + c] = calcium_dynamics__Ca_ss + dt * dot__calcium_dynamics__Ca_ss
    s[16 * n + c] = calcium_dynamics__R_prime + dt * dot__calcium_dynamics__R_prime
    s[17 * n + c] = sodium_dynamics__Na_i + dt * dot__sodium_dynamics__Na_i
    s[18 * n + c] = potassium_dynamics__K_i + dt * dot__potassium_dynamics__K_i


cdef inline void _lut_row(double V, double dt, double* row) noexcept nogil:
    cdef double membrane__V = V
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__alpha_xr1 = 450.0 / (1.0 + exp((-45.0 - membrane__V) / 10.0))
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__beta_xr1 = 6.0 / (1.0 + exp((membrane__V + 30.0) / 11.5))
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1 = 1.0 * rapid_time_dependent_potassium_current_Xr1_gate__alpha_xr1 * rapid_time_dependent_potassium_current_Xr1_gate__beta_xr1
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf = 1.0 / (1.0 + exp((-26.0 - membrane__V) / 7.0))
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__alpha_xr2 = 3.0 / (1.0 + exp((-60.0 - membrane__V) / 20.0))
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__beta_xr2 = 1.12 / (1.0 + exp((membrane__V - 60.0) / 20.0))
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2 = 1.0 * rapid_time_dependent_potassium_current_Xr2_gate__alpha_xr2 * rapid_time_dependent_potassium_current_Xr2_gate__beta_xr2
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf = 1.0 / (1.0 + exp((membrane__V + 88.0) / 24.0))
    cdef double slow_time_dependent_potassium_current_Xs_gate__alpha_xs = 1400.0 / sqrt(1.0 + exp((5.0 - membrane__V) / 6.0))
    cdef double slow_time_dependent_potassium_current_Xs_gate__beta_xs = 1.0 / (1.0 + exp((membrane__V - 35.0) / 15.0))
    cdef double slow_time_dependent_potassium_current_Xs_gate__tau_xs = 1.0 * slow_time_dependent_potassium_current_Xs_gate__alpha_xs * slow_time_dependent_potassium_current_Xs_gate__beta_xs + 80.0
    cdef double slow_time_dependent_potassium_current_Xs_gate__xs_inf = 1.0 / (1.0 + exp((-5.0 - membrane__V) / 14.0))
    cdef double fast_sodium_current_m_gate__m_inf = 1.0 / ((1.0 + exp((-56.86 - membrane__V) / 9.03)) * (1.0 + exp((-56.86 - membrane__V) / 9.03)))
    cdef double fast_sodium_current_m_gate__alpha_m = 1.0 / (1.0 + exp((-60.0 - membrane__V) / 5.0))
    cdef double fast_sodium_current_m_gate__beta_m = 0.1 / (1.0 + exp((membrane__V + 35.0) / 5.0)) + 0.1 / (1.0 + exp((membrane__V - 50.0) / 200.0))
    cdef double fast_sodium_current_m_gate__tau_m = 1.0 * fast_sodium_current_m_gate__alpha_m * fast_sodium_current_m_gate__beta_m
    cdef double fast_sodium_current_h_gate__h_inf = 1.0 * (1.0 - 0.0 / 100.0) / ((1.0 + exp((membrane__V + 71.55 - 0.0) / 7.43)) * (1.0 + exp((membrane__V + 71.55 - 0.0) / 7.43))) + 0.0 / 100.0
    cdef double fast_sodium_current_h_gate__alpha_h = (0.057 * exp(-(membrane__V + 80.0 - 0.0) / 6.8) if (membrane__V < -40.0 + 0.0) else 0.0)
    cdef double fast_sodium_current_h_gate__beta_h = (2.7 * exp(0.079 * (membrane__V - 0.0)) + 310000.0 * exp(0.3485 * (membrane__V - 0.0)) if (membrane__V < -40.0 + 0.0) else 0.77 / (0.13 * (1.0 + exp((membrane__V + 10.66 - 0.0) / -11.1))))
    cdef double fast_sodium_current_h_gate__tau_h = 1.0 / (fast_sodium_current_h_gate__alpha_h + fast_sodium_current_h_gate__beta_h)
    cdef double fast_sodium_current_j_gate__j_inf = 1.0 * (1.0 - 0.0 / 100.0) / ((1.0 + exp((membrane__V + 71.55 - 0.0) / 7.43)) * (1.0 + exp((membrane__V + 71.55 - 0.0) / 7.43))) + 0.0 / 100.0
    cdef double fast_sodium_current_j_gate__alpha_j = ((-25428.0 * exp(0.2444 * (membrane__V - 0.0)) - 6.948e-06 * exp(-0.04391 * (membrane__V - 0.0))) * (membrane__V + 37.78) / 1.0 / (1.0 + exp(0.311 * (membrane__V + 79.23 - 0.0))) if (membrane__V < -40.0 + 0.0) else 0.0)
    cdef double fast_sodium_current_j_gate__beta_j = (0.02424 * exp(-0.01052 * (membrane__V - 0.0)) / (1.0 + exp(-0.1378 * (membrane__V + 40.14 - 0.0))) if (membrane__V < -40.0 + 0.0) else 0.6 * exp(0.057 * (membrane__V - 0.0)) / (1.0 + exp(-0.1 * (membrane__V + 32.0 - 0.0))))
    cdef double fast_sodium_current_j_gate__tau_j = 1.0 / (fast_sodium_current_j_gate__alpha_j + fast_sodium_current_j_gate__beta_j)
    cdef double L_type_Ca_current_d_gate__d_inf = 1.0 / (1.0 + exp((-8.0 - membrane__V) / 7.5))
    cdef double L_type_Ca_current_d_gate__alpha_d = 1.4 / (1.0 + exp((-35.0 - membrane__V) / 13.0)) + 0.25
    cdef double L_type_Ca_current_d_gate__beta_d = 1.4 / (1.0 + exp((membrane__V + 5.0) / 5.0))
    cdef double L_type_Ca_current_d_gate__gamma_d = 1.0 / (1.0 + exp((50.0 - membrane__V) / 20.0))
    cdef double L_type_Ca_current_d_gate__tau_d = 1.0 * L_type_Ca_current_d_gate__alpha_d * L_type_Ca_current_d_gate__beta_d + L_type_Ca_current_d_gate__gamma_d
    cdef double L_type_Ca_current_f_gate__f_inf = 1.0 / (1.0 + exp((membrane__V + 20.0) / 7.0))
    cdef double L_type_Ca_current_f_gate__tau_f = 1102.5 * exp(-((membrane__V + 27.0) * (membrane__V + 27.0)) / 225.0) + 200.0 / (1.0 + exp((13.0 - membrane__V) / 10.0)) + 180.0 / (1.0 + exp((membrane__V + 30.0) / 10.0)) + 20.0
    cdef double L_type_Ca_current_f2_gate__f2_inf = 0.67 / (1.0 + exp((membrane__V + 35.0) / 7.0)) + 0.33
    cdef double L_type_Ca_current_f2_gate__tau_f2 = 562.0 * exp(-((membrane__V + 27.0) * (membrane__V + 27.0)) / 240.0) + 31.0 / (1.0 + exp((25.0 - membrane__V) / 10.0)) + 80.0 / (1.0 + exp((membrane__V + 30.0) / 10.0))
    cdef double transient_outward_current_s_gate__s_inf = 1.0 / (1.0 + exp((membrane__V + 28.0) / 5.0))
    cdef double transient_outward_current_s_gate__tau_s = 1000.0 * exp(-((membrane__V + 67.0) * (membrane__V + 67.0)) / 1000.0) + 8.0
    cdef double transient_outward_current_r_gate__r_inf = 1.0 / (1.0 + exp((20.0 - membrane__V) / 6.0))
    cdef double transient_outward_current_r_gate__tau_r = 9.5 * exp(-((membrane__V + 40.0) * (membrane__V + 40.0)) / 1800.0) + 0.8
    cdef double rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = -(1.0 / (rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1))
    cdef double rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = -(1.0 / (rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2))
    cdef double rlb__slow_time_dependent_potassium_current_Xs_gate__Xs = -(1.0 / (slow_time_dependent_potassium_current_Xs_gate__tau_xs))
    cdef double rlb__fast_sodium_current_m_gate__m = -(1.0 / (fast_sodium_current_m_gate__tau_m))
    cdef double rlb__fast_sodium_current_h_gate__h = -(1.0 / (fast_sodium_current_h_gate__tau_h))
    cdef double rlb__fast_sodium_current_j_gate__j = -(1.0 / (fast_sodium_current_j_gate__tau_j))
    cdef double rlb__L_type_Ca_current_d_gate__d = -(1.0 / (L_type_Ca_current_d_gate__tau_d))
    cdef double rlb__L_type_Ca_current_f_gate__f = -(1.0 / (L_type_Ca_current_f_gate__tau_f))
    cdef double rlb__L_type_Ca_current_f2_gate__f2 = -(1.0 / (L_type_Ca_current_f2_gate__tau_f2))
    cdef double rlb__transient_outward_current_s_gate__s = -(1.0 / (transient_outward_current_s_gate__tau_s))
    cdef double rlb__transient_outward_current_r_gate__r = -(1.0 / (transient_outward_current_r_gate__tau_r))
    row[0] = rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1
    row[1] = rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf
    row[2] = rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2
    row[3] = rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf
    row[4] = slow_time_dependent_potassium_current_Xs_gate__tau_xs
    row[5] = slow_time_dependent_potassium_current_Xs_gate__xs_inf
    row[6] = fast_sodium_current_m_gate__m_inf
    row[7] = fast_sodium_current_m_gate__tau_m
    row[8] = fast_sodium_current_h_gate__h_inf
    row[9] = fast_sodium_current_h_gate__tau_h
    row[10] = fast_sodium_current_j_gate__j_inf
    row[11] = fast_sodium_current_j_gate__tau_j
    row[12] = L_type_Ca_current_d_gate__d_inf
    row[13] = L_type_Ca_current_d_gate__tau_d
    row[14] = L_type_Ca_current_f_gate__f_inf
    row[15] = L_type_Ca_current_f_gate__tau_f
    row[16] = L_type_Ca_current_f2_gate__f2_inf
    row[17] = L_type_Ca_current_f2_gate__tau_f2
    row[18] = transient_outward_current_s_gate__s_inf
    row[19] = transient_outward_current_s_gate__tau_s
    row[20] = transient_outward_current_r_gate__r_inf
    row[21] = transient_outward_current_r_gate__tau_r
    row[22] = expm1(rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * dt) / rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 if fabs(rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1) > 1e-12 else dt
    row[23] = expm1(rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * dt) / rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 if fabs(rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2) > 1e-12 else dt
    row[24] = expm1(rlb__slow_time_dependent_potassium_current_Xs_gate__Xs * dt) / rlb__slow_time_dependent_potassium_current_Xs_gate__Xs if fabs(rlb__slow_time_dependent_potassium_current_Xs_gate__Xs) > 1e-12 else dt
    row[25] = expm1(rlb__fast_sodium_current_m_gate__m * dt) / rlb__fast_sodium_current_m_gate__m if fabs(rlb__fast_sodium_current_m_gate__m) > 1e-12 else dt
    row[26] = expm1(rlb__fast_sodium_current_h_gate__h * dt) / rlb__fast_sodium_current_h_gate__h if fabs(rlb__fast_sodium_current_h_gate__h) > 1e-12 else dt
    row[27] = expm1(rlb__fast_sodium_current_j_gate__j * dt) / rlb__fast_sodium_current_j_gate__j if fabs(rlb__fast_sodium_current_j_gate__j) > 1e-12 else dt
    row[28] = expm1(rlb__L_type_Ca_current_d_gate__d * dt) / rlb__L_type_Ca_current_d_gate__d if fabs(rlb__L_type_Ca_current_d_gate__d) > 1e-12 else dt
    row[29] = expm1(rlb__L_type_Ca_current_f_gate__f * dt) / rlb__L_type_Ca_current_f_gate__f if fabs(rlb__L_type_Ca_current_f_gate__f) > 1e-12 else dt
    row[30] = expm1(rlb__L_type_Ca_current_f2_gate__f2 * dt) / rlb__L_type_Ca_current_f2_gate__f2 if fabs(rlb__L_type_Ca_current_f2_gate__f2) > 1e-12 else dt
    row[31] = expm1(rlb__transient_outward_current_s_gate__s * dt) / rlb__transient_outward_current_s_gate__s if fabs(rlb__transient_outward_current_s_gate__s) > 1e-12 else dt
    row[32] = expm1(rlb__transient_outward_current_r_gate__r * dt) / rlb__transient_outward_current_r_gate__r if fabs(rlb__transient_outward_current_r_gate__r) > 1e-12 else dt


cdef inline void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m) noexcept nogil:
    cdef double i_stim = 0.0
    cdef double membrane__V = s[0 * n + c]
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = s[1 * n + c]
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = s[2 * n + c]
    cdef double slow_time_dependent_potassium_current_Xs_gate__Xs = s[3 * n + c]
    cdef double fast_sodium_current_m_gate__m = s[4 * n + c]
    cdef double fast_sodium_current_h_gate__h = s[5 * n + c]
    cdef double fast_sodium_current_j_gate__j = s[6 * n + c]
    cdef double L_type_Ca_current_d_gate__d = s[7 * n + c]
    cdef double L_type_Ca_current_f_gate__f = s[8 * n + c]
    cdef double L_type_Ca_current_f2_gate__f2 = s[9 * n + c]
    cdef double L_type_Ca_current_fCass_gate__fCass = s[10 * n + c]
    cdef double transient_outward_current_s_gate__s = s[11 * n + c]
    cdef double transient_outward_current_r_gate__r = s[12 * n + c]
    cdef double calcium_dynamics__Ca_i = s[13 * n + c]
    cdef double calcium_dynamics__Ca_SR = s[14 * n + c]
    cdef double calcium_dynamics__Ca_ss = s[15 * n + c]
    cdef double calcium_dynamics__R_prime = s[16 * n + c]
    cdef double sodium_dynamics__Na_i = s[17 * n + c]
    cdef double potassium_dynamics__K_i = s[18 * n + c]
    cdef double cardiotwin_parameters__gNa = p[0 * n + c]
    cdef double cardiotwin_parameters__gCaL = p[1 * n + c]
    cdef double cardiotwin_parameters__gto = p[2 * n + c]
    cdef double cardiotwin_parameters__gKr = p[3 * n + c]
    cdef double cardiotwin_parameters__gKs = p[4 * n + c]
    cdef double cardiotwin_parameters__gK1 = p[5 * n + c]
    cdef double cardiotwin_parameters__gNaCa = p[6 * n + c]
    cdef double cardiotwin_parameters__gNaK = p[7 * n + c]
    cdef double fast_sodium_current__g_Na = cardiotwin_parameters__gNa * 14.838
    cdef double reversal_potentials__E_Na = 8314.472 * 310.0 / 96485.3415 * log(140.0 / sodium_dynamics__Na_i)
    cdef double fast_sodium_current__i_Na = fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - reversal_potentials__E_Na)
    cdef double L_type_Ca_current__g_CaL = cardiotwin_parameters__gCaL * 3.98e-05
    cdef double L_type_Ca_current__temp = ((membrane__V - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (membrane__V - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (membrane__V - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0) if ((membrane__V < 14.999) or (membrane__V > 15.001)) else ((14.999 - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (14.999 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (14.999 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0) + (15.001 - 15.0) * (0.25 * calcium_dynamics__Ca_ss * exp(2.0 * (15.001 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 2.0) / (exp(2.0 * (15.001 - 15.0) * 96485.3415 / (8314.472 * 310.0)) - 1.0)) / 2.0)
    cdef double L_type_Ca_current__i_CaL = L_type_Ca_current__temp * L_type_Ca_current__g_CaL * L_type_Ca_current_d_gate__d * L_type_Ca_current_f_gate__f * L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_fCass_gate__fCass * 4.0 * ((96485.3415) * (96485.3415)) / (8314.472 * 310.0)
    cdef double reversal_potentials__E_K = 8314.472 * 310.0 / 96485.3415 * log(5.4 / potassium_dynamics__K_i)
    cdef double transient_outward_current__g_to = cardiotwin_parameters__gto * 0.073
    cdef double transient_outward_current__i_to = transient_outward_current__g_to * transient_outward_current_r_gate__r * transient_outward_current_s_gate__s * (membrane__V - reversal_potentials__E_K)
    cdef double rapid_time_dependent_potassium_current__g_Kr = cardiotwin_parameters__gKr * 0.153
    cdef double rapid_time_dependent_potassium_current__i_Kr = rapid_time_dependent_potassium_current__g_Kr * sqrt(5.4 / 5.4) * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K)
    cdef double reversal_potentials__E_Ks = 8314.472 * 310.0 / 96485.3415 * log((5.4 + 0.03 * 140.0) / (potassium_dynamics__K_i + 0.03 * sodium_dynamics__Na_i))
    cdef double slow_time_dependent_potassium_current__g_Ks = cardiotwin_parameters__gKs * 0.392
    cdef double slow_time_dependent_potassium_current__i_Ks = slow_time_dependent_potassium_current__g_Ks * ((slow_time_dependent_potassium_current_Xs_gate__Xs) * (slow_time_dependent_potassium_current_Xs_gate__Xs)) * (membrane__V - reversal_potentials__E_Ks)
    cdef double inward_rectifier_potassium_current__g_K1 = cardiotwin_parameters__gK1 * 5.405
    cdef double inward_rectifier_potassium_current__alpha_K1 = 0.1 / (1.0 + exp(0.06 * (membrane__V - reversal_potentials__E_K - 200.0)))
    cdef double inward_rectifier_potassium_current__beta_K1 = (3.0 * exp(0.0002 * (membrane__V - reversal_potentials__E_K + 100.0)) + exp(0.1 * (membrane__V - reversal_potentials__E_K - 10.0))) / (1.0 + exp(-0.5 * (membrane__V - reversal_potentials__E_K)))
    cdef double inward_rectifier_potassium_current__xK1_inf = inward_rectifier_potassium_current__alpha_K1 / (inward_rectifier_potassium_current__alpha_K1 + inward_rectifier_potassium_current__beta_K1)
    cdef double inward_rectifier_potassium_current__i_K1 = inward_rectifier_potassium_current__g_K1 * inward_rectifier_potassium_current__xK1_inf * sqrt(5.4 / 5.4) * (membrane__V - reversal_potentials__E_K)
    cdef double sodium_calcium_exchanger_current__K_NaCa = cardiotwin_parameters__gNaCa * 1000.0
    cdef double sodium_calcium_exchanger_current__i_NaCa = sodium_calcium_exchanger_current__K_NaCa * (exp(0.35 * membrane__V * 96485.3415 / (8314.472 * 310.0)) * ((sodium_dynamics__Na_i) * (sodium_dynamics__Na_i) * (sodium_dynamics__Na_i)) * 2.0 - exp((0.35 - 1.0) * membrane__V * 96485.3415 / (8314.472 * 310.0)) * ((140.0) * (140.0) * (140.0)) * calcium_dynamics__Ca_i * 2.5) / ((((87.5) * (87.5) * (87.5)) + ((140.0) * (140.0) * (140.0))) * (1.38 + 2.0) * (1.0 + 0.1 * exp((0.35 - 1.0) * membrane__V * 96485.3415 / (8314.472 * 310.0))))
    cdef double sodium_potassium_pump_current__P_NaK = cardiotwin_parameters__gNaK * 2.724
    cdef double sodium_potassium_pump_current__i_NaK = sodium_potassium_pump_current__P_NaK * 5.4 / (5.4 + 1.0) * sodium_dynamics__Na_i / (sodium_dynamics__Na_i + 40.0) / (1.0 + 0.1245 * exp(-0.1 * membrane__V * 96485.3415 / (8314.472 * 310.0)) + 0.0353 * exp(-membrane__V * 96485.3415 / (8314.472 * 310.0)))
    cdef double reversal_potentials__E_Ca = 0.5 * 8314.472 * 310.0 / 96485.3415 * log(2.0 / calcium_dynamics__Ca_i)
    cdef double calcium_background_current__i_b_Ca = 0.000592 * (membrane__V - reversal_potentials__E_Ca)
    cdef double calcium_pump_current__i_p_Ca = 0.1238 * calcium_dynamics__Ca_i / (calcium_dynamics__Ca_i + 0.0005)
    cdef double potassium_pump_current__i_p_K = 0.0146 * (membrane__V - reversal_potentials__E_K) / (1.0 + exp((25.0 - membrane__V) / 5.98))
    cdef double sodium_background_current__i_b_Na = 0.00029 * (membrane__V - reversal_potentials__E_Na)
    cdef double dot__membrane__V = -1.0 / 1.0 * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + (-i_stim / (-1.0)))
    o[0 * m + c] = fast_sodium_current__i_Na
    o[1 * m + c] = L_type_Ca_current__i_CaL
    o[2 * m + c] = transient_outward_current__i_to
    o[3 * m + c] = rapid_time_dependent_potassium_current__i_Kr
    o[4 * m + c] = slow_time_dependent_potassium_current__i_Ks
    o[5 * m + c] = inward_rectifier_potassium_current__i_K1
    o[6 * m + c] = sodium_calcium_exchanger_current__i_NaCa
    o[7 * m + c] = sodium_potassium_pump_current__i_NaK
    o[8 * m + c] = calcium_dynamics__Ca_i
    o[9 * m + c] = -dot__membrane__V


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

