# cython: language_level=3
# cardiotwin ionic kernel 'courtemanche': GENERATED CODE, do not edit by hand.
#
# Generated from: courtemanche_ramirez_nattel_1998.cellml (sha256 3ad6a78a62aa0048)
# Courtemanche M, Ramirez RJ, Nattel S (1998). Am J Physiol 275:H301-H321. Human atrial myocyte.
# Conversions:
#   Stimulus membrane.i_st = -i_stim / (-0.01) (its coefficient in dV/dt), so that the external i_stim is in uA/uF.
#   Currents converted to uA/uF: x 0.01 (-d(dV/dt)/dI).
# Generator: cardiotwin.ionic.codegen version 5.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Rush-Larsen states (right-hand side linear in the state, found symbolically, and
# not coupled both ways to another non-V state):
#   fast_sodium_current_m_gate.m
#   fast_sodium_current_h_gate.h
#   fast_sodium_current_j_gate.j
#   transient_outward_K_current_oa_gate.oa
#   transient_outward_K_current_oi_gate.oi
#   ultrarapid_delayed_rectifier_K_current_ua_gate.ua
#   ultrarapid_delayed_rectifier_K_current_ui_gate.ui
#   rapid_delayed_rectifier_K_current_xr_gate.xr
#   slow_delayed_rectifier_K_current_xs_gate.xs
#   L_type_Ca_channel_d_gate.d
#   L_type_Ca_channel_f_gate.f
#   L_type_Ca_channel_f_Ca_gate.f_Ca
#   Ca_release_current_from_JSR_w_gate.w
# Forward Euler states:
#   membrane.V
#   Ca_release_current_from_JSR_u_gate.u
#   Ca_release_current_from_JSR_v_gate.v
#   intracellular_ion_concentrations.Na_i
#   intracellular_ion_concentrations.Ca_i
#   intracellular_ion_concentrations.K_i
#   intracellular_ion_concentrations.Ca_rel
#   intracellular_ion_concentrations.Ca_up
# Lookup-table entries (depend on V only; step_lut): 31
#   fast_sodium_current_m_gate.m: x_new = E(V) x + Q(V), both tabulated
#   fast_sodium_current_h_gate.h: x_new = E(V) x + Q(V), both tabulated
#   fast_sodium_current_j_gate.j: x_new = E(V) x + Q(V), both tabulated
#   transient_outward_K_current_oa_gate.oa: x_new = E(V) x + Q(V), both tabulated
#   transient_outward_K_current_oi_gate.oi: x_new = E(V) x + Q(V), both tabulated
#   ultrarapid_delayed_rectifier_K_current_ua_gate.ua: x_new = E(V) x + Q(V), both tabulated
#   ultrarapid_delayed_rectifier_K_current_ui_gate.ui: x_new = E(V) x + Q(V), both tabulated
#   rapid_delayed_rectifier_K_current_xr_gate.xr: x_new = E(V) x + Q(V), both tabulated
#   slow_delayed_rectifier_K_current_xs_gate.xs: x_new = E(V) x + Q(V), both tabulated
#   L_type_Ca_channel_d_gate.d: x_new = E(V) x + Q(V), both tabulated
#   L_type_Ca_channel_f_gate.f: x_new = E(V) x + Q(V), both tabulated
#   Ca_release_current_from_JSR_w_gate.w: x_new = E(V) x + Q(V), both tabulated
#   lutx__0 = (1.0 / (1.0 + (0.1 * exp(((-0.02433287499616867) * membrane__V)))))
#   lutx__1 = exp((0.013102317305629283 * membrane__V))
#   lutx__2 = exp(((-0.02433287499616867) * membrane__V))
#   lutx__3 = (1.0 / (1.0 + exp((0.044642857142857144 * (membrane__V + 15.0)))))
#   lutx__4 = (1.0 / (1.0 + exp((0.07 * (membrane__V + 80.0)))))
#   lutx__5 = 0.005 + (0.05 / (1.0 + exp(((-0.07692307692307693) * (membrane__V - 15.0)))))

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport powi, rush_larsen_ab
from pacing cimport blocktrain_fraction

MODEL_NAME = 'courtemanche'
STATE_NAMES = ('membrane.V', 'fast_sodium_current_m_gate.m', 'fast_sodium_current_h_gate.h', 'fast_sodium_current_j_gate.j', 'transient_outward_K_current_oa_gate.oa', 'transient_outward_K_current_oi_gate.oi', 'ultrarapid_delayed_rectifier_K_current_ua_gate.ua', 'ultrarapid_delayed_rectifier_K_current_ui_gate.ui', 'rapid_delayed_rectifier_K_current_xr_gate.xr', 'slow_delayed_rectifier_K_current_xs_gate.xs', 'L_type_Ca_channel_d_gate.d', 'L_type_Ca_channel_f_gate.f', 'L_type_Ca_channel_f_Ca_gate.f_Ca', 'Ca_release_current_from_JSR_u_gate.u', 'Ca_release_current_from_JSR_v_gate.v', 'Ca_release_current_from_JSR_w_gate.w', 'intracellular_ion_concentrations.Na_i', 'intracellular_ion_concentrations.Ca_i', 'intracellular_ion_concentrations.K_i', 'intracellular_ion_concentrations.Ca_rel', 'intracellular_ion_concentrations.Ca_up')
STATE_UNITS = ('mV', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', 'mM', 'mM', 'mM', 'mM', 'mM')
INITIAL_STATES = (-81.18, 0.002908, 0.9649, 0.9775, 0.03043, 0.9992, 0.004966, 0.9986, 3.296e-05, 0.01869, 0.0001367, 0.9996, 0.7755, 2.35e-112, 1.0, 0.9992, 11.17, 0.0001013, 139.0, 1.488, 1.488)
PARAM_NAMES = ('gNa', 'gCaL', 'gto', 'gKr', 'gKs', 'gK1', 'gKur', 'gNaCa')
PARAM_UNITS = ('1', '1', '1', '1', '1', '1', '1', '1')
PARAM_DEFAULTS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
PARAM_KINDS = ('scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale')
PARAM_TARGETS = ('fast_sodium_current.g_Na', 'L_type_Ca_channel.g_Ca_L', 'transient_outward_K_current.g_to', 'rapid_delayed_rectifier_K_current.g_Kr', 'slow_delayed_rectifier_K_current.g_Ks', 'time_independent_potassium_current.g_K1', 'ultrarapid_delayed_rectifier_K_current.g_Kur', 'Na_Ca_exchanger_current.I_NaCa_max')
RUSH_LARSEN_STATES = ('fast_sodium_current_m_gate.m', 'fast_sodium_current_h_gate.h', 'fast_sodium_current_j_gate.j', 'transient_outward_K_current_oa_gate.oa', 'transient_outward_K_current_oi_gate.oi', 'ultrarapid_delayed_rectifier_K_current_ua_gate.ua', 'ultrarapid_delayed_rectifier_K_current_ui_gate.ui', 'rapid_delayed_rectifier_K_current_xr_gate.xr', 'slow_delayed_rectifier_K_current_xs_gate.xs', 'L_type_Ca_channel_d_gate.d', 'L_type_Ca_channel_f_gate.f', 'L_type_Ca_channel_f_Ca_gate.f_Ca', 'Ca_release_current_from_JSR_w_gate.w')
FORWARD_EULER_STATES = ('membrane.V', 'Ca_release_current_from_JSR_u_gate.u', 'Ca_release_current_from_JSR_v_gate.v', 'intracellular_ion_concentrations.Na_i', 'intracellular_ion_concentrations.Ca_i', 'intracellular_ion_concentrations.K_i', 'intracellular_ion_concentrations.Ca_rel', 'intracellular_ion_concentrations.Ca_up')
BACKWARD_EULER_STATES = ()
EXPONENTIAL_EULER_STATES = ()
STIFF_GROUP_STATES = ()
CURRENT_NAMES = ('INa', 'ICaL', 'Ito', 'IKr', 'IKs', 'IK1', 'IKur', 'INaCa', 'INaK', 'Cai', 'I_ion')
CURRENT_UNITS = ('uA/uF', 'uA/uF', 'uA/uF', 'uA/uF', 'uA/uF', 'uA/uF', 'uA/uF', 'uA/uF', 'uA/uF', 'mM', 'uA/uF')
CURRENT_SOURCES = ('fast_sodium_current.i_Na', 'L_type_Ca_channel.i_Ca_L', 'transient_outward_K_current.i_to', 'rapid_delayed_rectifier_K_current.i_Kr', 'slow_delayed_rectifier_K_current.i_Ks', 'time_independent_potassium_current.i_K1', 'ultrarapid_delayed_rectifier_K_current.i_Kur', 'Na_Ca_exchanger_current.i_NaCa', 'sodium_potassium_pump.i_NaK', 'intracellular_ion_concentrations.Ca_i', '-dV/dt at i_stim=0')
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-20.0, 2.0)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('sodium_potassium_pump__f_NaK', 'lutx__0', 'lutx__1', 'lutx__2', 'lutx__3', 'lutx__4', 'lutx__5', 'rlE__fast_sodium_current_m_gate__m', 'rlQ__fast_sodium_current_m_gate__m', 'rlE__fast_sodium_current_h_gate__h', 'rlQ__fast_sodium_current_h_gate__h', 'rlE__fast_sodium_current_j_gate__j', 'rlQ__fast_sodium_current_j_gate__j', 'rlE__transient_outward_K_current_oa_gate__oa', 'rlQ__transient_outward_K_current_oa_gate__oa', 'rlE__transient_outward_K_current_oi_gate__oi', 'rlQ__transient_outward_K_current_oi_gate__oi', 'rlE__ultrarapid_delayed_rectifier_K_current_ua_gate__ua', 'rlQ__ultrarapid_delayed_rectifier_K_current_ua_gate__ua', 'rlE__ultrarapid_delayed_rectifier_K_current_ui_gate__ui', 'rlQ__ultrarapid_delayed_rectifier_K_current_ui_gate__ui', 'rlE__rapid_delayed_rectifier_K_current_xr_gate__xr', 'rlQ__rapid_delayed_rectifier_K_current_xr_gate__xr', 'rlE__slow_delayed_rectifier_K_current_xs_gate__xs', 'rlQ__slow_delayed_rectifier_K_current_xs_gate__xs', 'rlE__L_type_Ca_channel_d_gate__d', 'rlQ__L_type_Ca_channel_d_gate__d', 'rlE__L_type_Ca_channel_f_gate__f', 'rlQ__L_type_Ca_channel_f_gate__f', 'rlE__Ca_release_current_from_JSR_w_gate__w', 'rlQ__Ca_release_current_from_JSR_w_gate__w')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
# Cell types sharing this kernel (index = position): registry name, value of the
# cell-type parameter row, initial states and default stimulus of each
VARIANT_PARAM = None
VARIANT_NAMES = ()
VARIANT_VALUES = ()
VARIANT_INITIAL_STATES = ()
VARIANT_DEFAULT_STIMULUS = ()
VARIANT_PARAM_TARGETS = ()
cdef Py_ssize_t N_STATES_C = 21
cdef Py_ssize_t N_LUT_C = 31
cdef Py_ssize_t N_PARAMS_C = 8
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)
N_VARIANTS = max(len(VARIANT_NAMES), 1)

# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and
# vectorised by the C compiler (SIMD exp/log from the C library where it has them).
cdef enum:
    CHUNK = 32
    NS = 21
    NP = 8
    NL = 31
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
        double out[672];
        (void)t;
        (void)p;
        (void)variant;
        for (int jb = 0; jb < nj; jb += 8) {
            for (int j = jb; j < jb + 8; ++j) {
                const double i_stim = ist[j];
                const double membrane__V = s[0 * ld + j];
                const double fast_sodium_current_m_gate__m = s[1 * ld + j];
                const double fast_sodium_current_h_gate__h = s[2 * ld + j];
                const double fast_sodium_current_j_gate__j = s[3 * ld + j];
                const double transient_outward_K_current_oa_gate__oa = s[4 * ld + j];
                const double transient_outward_K_current_oi_gate__oi = s[5 * ld + j];
                const double ultrarapid_delayed_rectifier_K_current_ua_gate__ua = s[6 * ld + j];
                const double ultrarapid_delayed_rectifier_K_current_ui_gate__ui = s[7 * ld + j];
                const double rapid_delayed_rectifier_K_current_xr_gate__xr = s[8 * ld + j];
                const double slow_delayed_rectifier_K_current_xs_gate__xs = s[9 * ld + j];
                const double L_type_Ca_channel_d_gate__d = s[10 * ld + j];
                const double L_type_Ca_channel_f_gate__f = s[11 * ld + j];
                const double L_type_Ca_channel_f_Ca_gate__f_Ca = s[12 * ld + j];
                const double Ca_release_current_from_JSR_u_gate__u = s[13 * ld + j];
                const double Ca_release_current_from_JSR_v_gate__v = s[14 * ld + j];
                const double Ca_release_current_from_JSR_w_gate__w = s[15 * ld + j];
                const double intracellular_ion_concentrations__Na_i = s[16 * ld + j];
                const double intracellular_ion_concentrations__Ca_i = s[17 * ld + j];
                const double intracellular_ion_concentrations__K_i = s[18 * ld + j];
                const double intracellular_ion_concentrations__Ca_rel = s[19 * ld + j];
                const double intracellular_ion_concentrations__Ca_up = s[20 * ld + j];
                const double cardiotwin_parameters__gNa = p[0 * ld + j];
                const double cardiotwin_parameters__gCaL = p[1 * ld + j];
                const double cardiotwin_parameters__gto = p[2 * ld + j];
                const double cardiotwin_parameters__gKr = p[3 * ld + j];
                const double cardiotwin_parameters__gKs = p[4 * ld + j];
                const double cardiotwin_parameters__gK1 = p[5 * ld + j];
                const double cardiotwin_parameters__gKur = p[6 * ld + j];
                const double cardiotwin_parameters__gNaCa = p[7 * ld + j];
                const double L_type_Ca_channel__g_Ca_L = (0.12375 * cardiotwin_parameters__gCaL);
                const double L_type_Ca_channel__i_Ca_L = (100.0 * L_type_Ca_channel__g_Ca_L * L_type_Ca_channel_d_gate__d * L_type_Ca_channel_f_gate__f * L_type_Ca_channel_f_Ca_gate__f_Ca * (membrane__V - 65.0));
                const double Na_Ca_exchanger_current__I_NaCa_max = (1600.0 * cardiotwin_parameters__gNaCa);
                const double Na_Ca_exchanger_current__i_NaCa = (9.211265527423103e-06 * Na_Ca_exchanger_current__I_NaCa_max * ((1.8 * exp((0.013102317305629283 * membrane__V)) * ((intracellular_ion_concentrations__Na_i) * (intracellular_ion_concentrations__Na_i) * (intracellular_ion_concentrations__Na_i))) - (2744000.0 * exp(((-0.02433287499616867) * membrane__V)) * intracellular_ion_concentrations__Ca_i)) / (1.0 + (0.1 * exp(((-0.02433287499616867) * membrane__V)))));
                const double background_currents__E_Ca = (13.35641596199269 * log((1.8 / intracellular_ion_concentrations__Ca_i)));
                const double background_currents__i_B_Ca = (0.1131 * (membrane__V - background_currents__E_Ca));
                const double fast_sodium_current__E_Na = (26.71283192398538 * log((140.0 / intracellular_ion_concentrations__Na_i)));
                const double background_currents__i_B_Na = (0.06744375 * (membrane__V - fast_sodium_current__E_Na));
                const double fast_sodium_current__g_Na = (7.8 * cardiotwin_parameters__gNa);
                const double fast_sodium_current__i_Na = (100.0 * fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - fast_sodium_current__E_Na));
                const double rapid_delayed_rectifier_K_current__g_Kr = (0.029411765 * cardiotwin_parameters__gKr);
                const double time_independent_potassium_current__E_K = (26.71283192398538 * log((5.4 / intracellular_ion_concentrations__K_i)));
                const double rapid_delayed_rectifier_K_current__i_Kr = (100.0 * rapid_delayed_rectifier_K_current__g_Kr * rapid_delayed_rectifier_K_current_xr_gate__xr * (membrane__V - time_independent_potassium_current__E_K) / (1.0 + exp((0.044642857142857144 * (membrane__V + 15.0)))));
                const double sarcolemmal_calcium_pump_current__i_CaP = (27.500000000000004 * intracellular_ion_concentrations__Ca_i / (0.0005 + intracellular_ion_concentrations__Ca_i));
                const double slow_delayed_rectifier_K_current__g_Ks = (0.12941176 * cardiotwin_parameters__gKs);
                const double slow_delayed_rectifier_K_current__i_Ks = (100.0 * slow_delayed_rectifier_K_current__g_Ks * ((slow_delayed_rectifier_K_current_xs_gate__xs) * (slow_delayed_rectifier_K_current_xs_gate__xs)) * (membrane__V - time_independent_potassium_current__E_K));
                const double sodium_potassium_pump__f_NaK = (1.0 / (1.0 + (0.1245 * exp(((-0.003743519230179796) * membrane__V))) + (0.036533226130519084 * exp(((-0.037435192301797954) * membrane__V)))));
                const double sodium_potassium_pump__i_NaK = (46.90477095652173 * sodium_potassium_pump__f_NaK / (1.0 + pow(((10.0 / intracellular_ion_concentrations__Na_i)), 1.5)));
                const double time_independent_potassium_current__g_K1 = (0.09 * cardiotwin_parameters__gK1);
                const double time_independent_potassium_current__i_K1 = (100.0 * time_independent_potassium_current__g_K1 * (membrane__V - time_independent_potassium_current__E_K) / (1.0 + exp((0.07 * (membrane__V + 80.0)))));
                const double transient_outward_K_current__g_to = (0.1652 * cardiotwin_parameters__gto);
                const double transient_outward_K_current__i_to = (100.0 * transient_outward_K_current__g_to * ((transient_outward_K_current_oa_gate__oa) * (transient_outward_K_current_oa_gate__oa) * (transient_outward_K_current_oa_gate__oa)) * transient_outward_K_current_oi_gate__oi * (membrane__V - time_independent_potassium_current__E_K));
                const double ultrarapid_delayed_rectifier_K_current__g_Kur = (cardiotwin_parameters__gKur * (0.005 + (0.05 / (1.0 + exp(((-0.07692307692307693) * (membrane__V - 15.0)))))));
                const double ultrarapid_delayed_rectifier_K_current__i_Kur = (100.0 * ultrarapid_delayed_rectifier_K_current__g_Kur * ((ultrarapid_delayed_rectifier_K_current_ua_gate__ua) * (ultrarapid_delayed_rectifier_K_current_ua_gate__ua) * (ultrarapid_delayed_rectifier_K_current_ua_gate__ua)) * ultrarapid_delayed_rectifier_K_current_ui_gate__ui * (membrane__V - time_independent_potassium_current__E_K));
                const double dot__membrane__V = (0.01 * (-(fast_sodium_current__i_Na + time_independent_potassium_current__i_K1 + transient_outward_K_current__i_to + ultrarapid_delayed_rectifier_K_current__i_Kur + rapid_delayed_rectifier_K_current__i_Kr + slow_delayed_rectifier_K_current__i_Ks + background_currents__i_B_Na + background_currents__i_B_Ca + sodium_potassium_pump__i_NaK + sarcolemmal_calcium_pump_current__i_CaP + Na_Ca_exchanger_current__i_NaCa + L_type_Ca_channel__i_Ca_L + (-i_stim * (-100.0)))));
                const double fast_sodium_current_m_gate__alpha_m = ((membrane__V == (-47.13)) ? 3.2 : (0.32 * (membrane__V + 47.13) / (1.0 - exp(((-0.1) * (membrane__V + 47.13))))));
                const double fast_sodium_current_m_gate__beta_m = (0.08 * exp((0.09090909090909091 * (-membrane__V))));
                const double fast_sodium_current_m_gate__m_inf = (fast_sodium_current_m_gate__alpha_m / (fast_sodium_current_m_gate__alpha_m + fast_sodium_current_m_gate__beta_m));
                const double fast_sodium_current_m_gate__tau_m = (1.0 / (fast_sodium_current_m_gate__alpha_m + fast_sodium_current_m_gate__beta_m));
                const double dot__fast_sodium_current_m_gate__m = ((fast_sodium_current_m_gate__m_inf - fast_sodium_current_m_gate__m) / fast_sodium_current_m_gate__tau_m);
                const double fast_sodium_current_h_gate__alpha_h = ((membrane__V < (-40.0)) ? (0.135 * exp(((-0.14705882352941177) * (membrane__V + 80.0 - 0.0)))) : 0.0);
                const double fast_sodium_current_h_gate__beta_h = ((membrane__V < (-40.0)) ? (3.56 * exp((0.079 * (membrane__V - 0.0)))) + (310000.0 * exp((0.35 * (membrane__V - 0.0)))) : (7.692307692307692 / (1.0 + exp(((-0.0900900900900901) * (membrane__V + 10.66 - 0.0))))));
                const double fast_sodium_current_h_gate__h_inf = (fast_sodium_current_h_gate__alpha_h / (fast_sodium_current_h_gate__alpha_h + fast_sodium_current_h_gate__beta_h)) + 0.0;
                const double fast_sodium_current_h_gate__tau_h = (1.0 / (fast_sodium_current_h_gate__alpha_h + fast_sodium_current_h_gate__beta_h));
                const double dot__fast_sodium_current_h_gate__h = ((fast_sodium_current_h_gate__h_inf - fast_sodium_current_h_gate__h) / fast_sodium_current_h_gate__tau_h);
                const double fast_sodium_current_j_gate__alpha_j = ((membrane__V < (-40.0)) ? ((((-127140.0) * exp((0.2444 * (membrane__V - 0.0)))) - (3.474e-05 * exp(((-0.04391) * (membrane__V - 0.0))))) * (membrane__V + 37.78) / (1.0 + exp((0.311 * (membrane__V + 79.23 - 0.0))))) : 0.0);
                const double fast_sodium_current_j_gate__beta_j = ((membrane__V < (-40.0)) ? (0.1212 * exp(((-0.01052) * (membrane__V - 0.0))) / (1.0 + exp(((-0.1378) * (membrane__V + 40.14 - 0.0))))) : (0.3 * exp(((-2.535e-07) * (membrane__V - 0.0))) / (1.0 + exp(((-0.1) * (membrane__V + 32.0 - 0.0))))));
                const double fast_sodium_current_j_gate__j_inf = (fast_sodium_current_j_gate__alpha_j / (fast_sodium_current_j_gate__alpha_j + fast_sodium_current_j_gate__beta_j)) + 0.0;
                const double fast_sodium_current_j_gate__tau_j = (1.0 / (fast_sodium_current_j_gate__alpha_j + fast_sodium_current_j_gate__beta_j));
                const double dot__fast_sodium_current_j_gate__j = ((fast_sodium_current_j_gate__j_inf - fast_sodium_current_j_gate__j) / fast_sodium_current_j_gate__tau_j);
                const double transient_outward_K_current_oa_gate__oa_infinity = (1.0 / (1.0 + exp(((-0.05701254275940707) * (membrane__V - (-10.0) + 10.47)))));
                const double transient_outward_K_current_oa_gate__alpha_oa = (0.65 * (1.0 / (exp(((-0.11764705882352941) * (membrane__V - (-10.0)))) + exp(((-0.01694915254237288) * (membrane__V - (-10.0) - 40.0))))));
                const double transient_outward_K_current_oa_gate__beta_oa = (0.65 * (1.0 / (2.5 + exp((0.058823529411764705 * (membrane__V - (-10.0) + 72.0))))));
                const double transient_outward_K_current_oa_gate__tau_oa = (0.3333333333333333 * (1.0 / (transient_outward_K_current_oa_gate__alpha_oa + transient_outward_K_current_oa_gate__beta_oa)));
                const double dot__transient_outward_K_current_oa_gate__oa = ((transient_outward_K_current_oa_gate__oa_infinity - transient_outward_K_current_oa_gate__oa) / transient_outward_K_current_oa_gate__tau_oa);
                const double transient_outward_K_current_oi_gate__oi_infinity = (1.0 / (1.0 + exp((0.18867924528301888 * (membrane__V - (-10.0) + 33.1)))));
                const double transient_outward_K_current_oi_gate__alpha_oi = (1.0 / (18.53 + (exp((0.09132420091324202 * (membrane__V - (-10.0) + 103.7))))));
                const double transient_outward_K_current_oi_gate__beta_oi = (1.0 / (35.56 + (exp(((-0.13440860215053763) * (membrane__V - (-10.0) - 8.74))))));
                const double transient_outward_K_current_oi_gate__tau_oi = (0.3333333333333333 * (1.0 / (transient_outward_K_current_oi_gate__alpha_oi + transient_outward_K_current_oi_gate__beta_oi)));
                const double dot__transient_outward_K_current_oi_gate__oi = ((transient_outward_K_current_oi_gate__oi_infinity - transient_outward_K_current_oi_gate__oi) / transient_outward_K_current_oi_gate__tau_oi);
                const double ultrarapid_delayed_rectifier_K_current_ua_gate__alpha_ua = (0.65 * (1.0 / (exp(((-0.11764705882352941) * (membrane__V - (-10.0)))) + exp(((-0.01694915254237288) * (membrane__V - (-10.0) - 40.0))))));
                const double ultrarapid_delayed_rectifier_K_current_ua_gate__beta_ua = (0.65 * (1.0 / (2.5 + exp((0.058823529411764705 * (membrane__V - (-10.0) + 72.0))))));
                const double ultrarapid_delayed_rectifier_K_current_ua_gate__tau_ua = (0.3333333333333333 * (1.0 / (ultrarapid_delayed_rectifier_K_current_ua_gate__alpha_ua + ultrarapid_delayed_rectifier_K_current_ua_gate__beta_ua)));
                const double ultrarapid_delayed_rectifier_K_current_ua_gate__ua_infinity = (1.0 / (1.0 + exp(((-0.10416666666666667) * (membrane__V - (-10.0) + 20.3)))));
                const double dot__ultrarapid_delayed_rectifier_K_current_ua_gate__ua = ((ultrarapid_delayed_rectifier_K_current_ua_gate__ua_infinity - ultrarapid_delayed_rectifier_K_current_ua_gate__ua) / ultrarapid_delayed_rectifier_K_current_ua_gate__tau_ua);
                const double ultrarapid_delayed_rectifier_K_current_ui_gate__alpha_ui = (1.0 / (21.0 + (exp(((-0.03571428571428571) * (membrane__V - (-10.0) - 195.0))))));
                const double ultrarapid_delayed_rectifier_K_current_ui_gate__beta_ui = (1.0 / exp(((-0.0625) * (membrane__V - (-10.0) - 168.0))));
                const double ultrarapid_delayed_rectifier_K_current_ui_gate__tau_ui = (0.3333333333333333 * (1.0 / (ultrarapid_delayed_rectifier_K_current_ui_gate__alpha_ui + ultrarapid_delayed_rectifier_K_current_ui_gate__beta_ui)));
                const double ultrarapid_delayed_rectifier_K_current_ui_gate__ui_infinity = (1.0 / (1.0 + exp((0.036390101892285295 * (membrane__V - (-10.0) - 109.45)))));
                const double dot__ultrarapid_delayed_rectifier_K_current_ui_gate__ui = ((ultrarapid_delayed_rectifier_K_current_ui_gate__ui_infinity - ultrarapid_delayed_rectifier_K_current_ui_gate__ui) / ultrarapid_delayed_rectifier_K_current_ui_gate__tau_ui);
                const double rapid_delayed_rectifier_K_current_xr_gate__alpha_xr = ((fabs(membrane__V + 14.1) < 1e-10) ? 0.0015 : (0.0003 * (membrane__V + 14.1) / (1.0 - exp(((-0.2) * (membrane__V + 14.1))))));
                const double rapid_delayed_rectifier_K_current_xr_gate__beta_xr = ((fabs(membrane__V - 3.3328) < 1e-10) ? 0.00037836118 : (7.3898e-05 * (membrane__V - 3.3328) / (exp((0.19517145812596365 * (membrane__V - 3.3328))) - 1.0)));
                const double rapid_delayed_rectifier_K_current_xr_gate__tau_xr = (1.0 / (rapid_delayed_rectifier_K_current_xr_gate__alpha_xr + rapid_delayed_rectifier_K_current_xr_gate__beta_xr));
                const double rapid_delayed_rectifier_K_current_xr_gate__xr_infinity = (1.0 / (1.0 + exp(((-0.15384615384615385) * (membrane__V + 14.1)))));
                const double dot__rapid_delayed_rectifier_K_current_xr_gate__xr = ((rapid_delayed_rectifier_K_current_xr_gate__xr_infinity - rapid_delayed_rectifier_K_current_xr_gate__xr) / rapid_delayed_rectifier_K_current_xr_gate__tau_xr);
                const double slow_delayed_rectifier_K_current_xs_gate__alpha_xs = ((fabs(membrane__V - 19.9) < 1e-10) ? 0.00068 : (4e-05 * (membrane__V - 19.9) / (1.0 - exp(((-0.058823529411764705) * (membrane__V - 19.9))))));
                const double slow_delayed_rectifier_K_current_xs_gate__beta_xs = ((fabs(membrane__V - 19.9) < 1e-10) ? 0.000315 : (3.5e-05 * (membrane__V - 19.9) / (exp((0.1111111111111111 * (membrane__V - 19.9))) - 1.0)));
                const double slow_delayed_rectifier_K_current_xs_gate__tau_xs = (0.5 * (1.0 / (slow_delayed_rectifier_K_current_xs_gate__alpha_xs + slow_delayed_rectifier_K_current_xs_gate__beta_xs)));
                const double slow_delayed_rectifier_K_current_xs_gate__xs_infinity = (1.0 / sqrt(1.0 + exp(((-0.07874015748031496) * (membrane__V - 19.9)))));
                const double dot__slow_delayed_rectifier_K_current_xs_gate__xs = ((slow_delayed_rectifier_K_current_xs_gate__xs_infinity - slow_delayed_rectifier_K_current_xs_gate__xs) / slow_delayed_rectifier_K_current_xs_gate__tau_xs);
                const double L_type_Ca_channel_d_gate__d_infinity = (1.0 / (1.0 + exp(((-0.125) * (membrane__V + 10.0)))));
                const double L_type_Ca_channel_d_gate__tau_d = ((fabs(membrane__V + 10.0) < 1e-10) ? (4.579 / (1.0 + exp(((-0.16025641025641024) * (membrane__V + 10.0))))) : (28.57142857142857 * (1.0 - exp(((-0.16025641025641024) * (membrane__V + 10.0)))) / ((membrane__V + 10.0) * (1.0 + exp(((-0.16025641025641024) * (membrane__V + 10.0)))))));
                const double dot__L_type_Ca_channel_d_gate__d = ((L_type_Ca_channel_d_gate__d_infinity - L_type_Ca_channel_d_gate__d) / L_type_Ca_channel_d_gate__tau_d);
                const double L_type_Ca_channel_f_gate__f_infinity = (exp((0.14492753623188406 * (-(membrane__V + 28.0)))) / (1.0 + exp((0.14492753623188406 * (-(membrane__V + 28.0))))));
                const double L_type_Ca_channel_f_gate__tau_f = (9.0 * (1.0 / ((0.0197 * exp(((-0.00113569) * ((membrane__V + 10.0) * (membrane__V + 10.0))))) + 0.02)));
                const double dot__L_type_Ca_channel_f_gate__f = ((L_type_Ca_channel_f_gate__f_infinity - L_type_Ca_channel_f_gate__f) / L_type_Ca_channel_f_gate__tau_f);
                const double L_type_Ca_channel_f_Ca_gate__f_Ca_infinity = (1.0 / (1.0 + (2857.1428571428573 * intracellular_ion_concentrations__Ca_i)));
                const double dot__L_type_Ca_channel_f_Ca_gate__f_Ca = (0.5 * (L_type_Ca_channel_f_Ca_gate__f_Ca_infinity - L_type_Ca_channel_f_Ca_gate__f_Ca));
                const double Ca_release_current_from_JSR__i_rel = (30.0 * ((Ca_release_current_from_JSR_u_gate__u) * (Ca_release_current_from_JSR_u_gate__u)) * Ca_release_current_from_JSR_v_gate__v * Ca_release_current_from_JSR_w_gate__w * (intracellular_ion_concentrations__Ca_rel - intracellular_ion_concentrations__Ca_i));
                const double Ca_release_current_from_JSR__Fn = (1000.0 * ((9.648e-14 * Ca_release_current_from_JSR__i_rel) - (5.182061361824998e-18 * ((0.5 * L_type_Ca_channel__i_Ca_L) - (0.2 * Na_Ca_exchanger_current__i_NaCa)))));
                const double Ca_release_current_from_JSR_u_gate__u_infinity = (1.0 / (1.0 + exp((731528895391368.0 * (-(Ca_release_current_from_JSR__Fn - 3.4175e-13))))));
                const double dot__Ca_release_current_from_JSR_u_gate__u = (0.125 * (Ca_release_current_from_JSR_u_gate__u_infinity - Ca_release_current_from_JSR_u_gate__u));
                const double Ca_release_current_from_JSR_v_gate__tau_v = 1.91 + (2.09 * (1.0 / (1.0 + exp((731528895391368.0 * (-(Ca_release_current_from_JSR__Fn - 3.4175e-13)))))));
                const double Ca_release_current_from_JSR_v_gate__v_infinity = 1.0 - (1.0 / (1.0 + exp((731528895391368.0 * (-(Ca_release_current_from_JSR__Fn - 6.835e-14))))));
                const double dot__Ca_release_current_from_JSR_v_gate__v = ((Ca_release_current_from_JSR_v_gate__v_infinity - Ca_release_current_from_JSR_v_gate__v) / Ca_release_current_from_JSR_v_gate__tau_v);
                const double Ca_release_current_from_JSR_w_gate__tau_w = ((fabs(membrane__V - 7.9) < 1e-10) ? 0.9230769230769231 : (6.0 * (1.0 - exp((0.2 * (-(membrane__V - 7.9))))) / ((1.0 + (0.3 * exp((0.2 * (-(membrane__V - 7.9)))))) * (membrane__V - 7.9))));
                const double Ca_release_current_from_JSR_w_gate__w_infinity = 1.0 - (1.0 / (1.0 + exp((0.058823529411764705 * (-(membrane__V - 40.0))))));
                const double dot__Ca_release_current_from_JSR_w_gate__w = ((Ca_release_current_from_JSR_w_gate__w_infinity - Ca_release_current_from_JSR_w_gate__w) / Ca_release_current_from_JSR_w_gate__tau_w);
                const double dot__intracellular_ion_concentrations__Na_i = (7.582764650021944e-07 * (((-3.0) * sodium_potassium_pump__i_NaK) - ((3.0 * Na_Ca_exchanger_current__i_NaCa) + background_currents__i_B_Na + fast_sodium_current__i_Na)));
                const double Ca_leak_current_by_the_NSR__i_up_leak = (0.0003333333333333333 * intracellular_ion_concentrations__Ca_up);
                const double Ca_uptake_current_by_the_NSR__i_up = (0.005 / (1.0 + (0.00092 / intracellular_ion_concentrations__Ca_i)));
                const double intracellular_ion_concentrations__B1 = (3.791382325010972e-07 * ((2.0 * Na_Ca_exchanger_current__i_NaCa) - (sarcolemmal_calcium_pump_current__i_CaP + L_type_Ca_channel__i_Ca_L + background_currents__i_B_Ca))) + (7.316359379572723e-05 * ((1109.52 * (Ca_leak_current_by_the_NSR__i_up_leak - Ca_uptake_current_by_the_NSR__i_up)) + (96.47999999999999 * Ca_release_current_from_JSR__i_rel)));
                const double intracellular_ion_concentrations__B2 = 1.0 + (3.5000000000000004e-05 / ((intracellular_ion_concentrations__Ca_i + 0.0005) * (intracellular_ion_concentrations__Ca_i + 0.0005))) + (0.00011900000000000002 / ((intracellular_ion_concentrations__Ca_i + 0.00238) * (intracellular_ion_concentrations__Ca_i + 0.00238)));
                const double dot__intracellular_ion_concentrations__Ca_i = (intracellular_ion_concentrations__B1 / intracellular_ion_concentrations__B2);
                const double background_currents__i_B_K = (0.0 * (membrane__V - time_independent_potassium_current__E_K));
                const double dot__intracellular_ion_concentrations__K_i = (7.582764650021944e-07 * ((2.0 * sodium_potassium_pump__i_NaK) - (time_independent_potassium_current__i_K1 + transient_outward_K_current__i_to + ultrarapid_delayed_rectifier_K_current__i_Kur + rapid_delayed_rectifier_K_current__i_Kr + slow_delayed_rectifier_K_current__i_Ks + background_currents__i_B_K)));
                const double transfer_current_from_NSR_to_JSR__i_tr = (0.005555555555555556 * (intracellular_ion_concentrations__Ca_up - intracellular_ion_concentrations__Ca_rel));
                const double dot__intracellular_ion_concentrations__Ca_rel = ((transfer_current_from_NSR_to_JSR__i_tr - Ca_release_current_from_JSR__i_rel) * (1.0 / (1.0 + (8.0 / ((intracellular_ion_concentrations__Ca_rel + 0.8) * (intracellular_ion_concentrations__Ca_rel + 0.8))))));
                const double dot__intracellular_ion_concentrations__Ca_up = Ca_uptake_current_by_the_NSR__i_up - (Ca_leak_current_by_the_NSR__i_up_leak + (0.08695652173913043 * transfer_current_from_NSR_to_JSR__i_tr));
                out[0 + j] = membrane__V + dt * dot__membrane__V;
                const double rlb__fast_sodium_current_m_gate__m = -(1.0 / (fast_sodium_current_m_gate__tau_m));
                out[32 + j] = ct_rush_larsen_ab(fast_sodium_current_m_gate__m, dot__fast_sodium_current_m_gate__m - rlb__fast_sodium_current_m_gate__m * fast_sodium_current_m_gate__m, rlb__fast_sodium_current_m_gate__m, dt);
                const double rlb__fast_sodium_current_h_gate__h = -(1.0 / (fast_sodium_current_h_gate__tau_h));
                out[64 + j] = ct_rush_larsen_ab(fast_sodium_current_h_gate__h, dot__fast_sodium_current_h_gate__h - rlb__fast_sodium_current_h_gate__h * fast_sodium_current_h_gate__h, rlb__fast_sodium_current_h_gate__h, dt);
                const double rlb__fast_sodium_current_j_gate__j = -(1.0 / (fast_sodium_current_j_gate__tau_j));
                out[96 + j] = ct_rush_larsen_ab(fast_sodium_current_j_gate__j, dot__fast_sodium_current_j_gate__j - rlb__fast_sodium_current_j_gate__j * fast_sodium_current_j_gate__j, rlb__fast_sodium_current_j_gate__j, dt);
                const double rlb__transient_outward_K_current_oa_gate__oa = -(1.0 / (transient_outward_K_current_oa_gate__tau_oa));
                out[128 + j] = ct_rush_larsen_ab(transient_outward_K_current_oa_gate__oa, dot__transient_outward_K_current_oa_gate__oa - rlb__transient_outward_K_current_oa_gate__oa * transient_outward_K_current_oa_gate__oa, rlb__transient_outward_K_current_oa_gate__oa, dt);
                const double rlb__transient_outward_K_current_oi_gate__oi = -(1.0 / (transient_outward_K_current_oi_gate__tau_oi));
                out[160 + j] = ct_rush_larsen_ab(transient_outward_K_current_oi_gate__oi, dot__transient_outward_K_current_oi_gate__oi - rlb__transient_outward_K_current_oi_gate__oi * transient_outward_K_current_oi_gate__oi, rlb__transient_outward_K_current_oi_gate__oi, dt);
                const double rlb__ultrarapid_delayed_rectifier_K_current_ua_gate__ua = -(1.0 / (ultrarapid_delayed_rectifier_K_current_ua_gate__tau_ua));
                out[192 + j] = ct_rush_larsen_ab(ultrarapid_delayed_rectifier_K_current_ua_gate__ua, dot__ultrarapid_delayed_rectifier_K_current_ua_gate__ua - rlb__ultrarapid_delayed_rectifier_K_current_ua_gate__ua * ultrarapid_delayed_rectifier_K_current_ua_gate__ua, rlb__ultrarapid_delayed_rectifier_K_current_ua_gate__ua, dt);
                const double rlb__ultrarapid_delayed_rectifier_K_current_ui_gate__ui = -(1.0 / (ultrarapid_delayed_rectifier_K_current_ui_gate__tau_ui));
                out[224 + j] = ct_rush_larsen_ab(ultrarapid_delayed_rectifier_K_current_ui_gate__ui, dot__ultrarapid_delayed_rectifier_K_current_ui_gate__ui - rlb__ultrarapid_delayed_rectifier_K_current_ui_gate__ui * ultrarapid_delayed_rectifier_K_current_ui_gate__ui, rlb__ultrarapid_delayed_rectifier_K_current_ui_gate__ui, dt);
                const double rlb__rapid_delayed_rectifier_K_current_xr_gate__xr = -(1.0 / (rapid_delayed_rectifier_K_current_xr_gate__tau_xr));
                out[256 + j] = ct_rush_larsen_ab(rapid_delayed_rectifier_K_current_xr_gate__xr, dot__rapid_delayed_rectifier_K_current_xr_gate__xr - rlb__rapid_delayed_rectifier_K_current_xr_gate__xr * rapid_delayed_rectifier_K_current_xr_gate__xr, rlb__rapid_delayed_rectifier_K_current_xr_gate__xr, dt);
                const double rlb__slow_delayed_rectifier_K_current_xs_gate__xs = -(1.0 / (slow_delayed_rectifier_K_current_xs_gate__tau_xs));
                out[288 + j] = ct_rush_larsen_ab(slow_delayed_rectifier_K_current_xs_gate__xs, dot__slow_delayed_rectifier_K_current_xs_gate__xs - rlb__slow_delayed_rectifier_K_current_xs_gate__xs * slow_delayed_rectifier_K_current_xs_gate__xs, rlb__slow_delayed_rectifier_K_current_xs_gate__xs, dt);
                const double rlb__L_type_Ca_channel_d_gate__d = -(1.0 / (L_type_Ca_channel_d_gate__tau_d));
                out[320 + j] = ct_rush_larsen_ab(L_type_Ca_channel_d_gate__d, dot__L_type_Ca_channel_d_gate__d - rlb__L_type_Ca_channel_d_gate__d * L_type_Ca_channel_d_gate__d, rlb__L_type_Ca_channel_d_gate__d, dt);
                const double rlb__L_type_Ca_channel_f_gate__f = -(1.0 / (L_type_Ca_channel_f_gate__tau_f));
                out[352 + j] = ct_rush_larsen_ab(L_type_Ca_channel_f_gate__f, dot__L_type_Ca_channel_f_gate__f - rlb__L_type_Ca_channel_f_gate__f * L_type_Ca_channel_f_gate__f, rlb__L_type_Ca_channel_f_gate__f, dt);
                const double rlb__L_type_Ca_channel_f_Ca_gate__f_Ca = (-0.5);
                out[384 + j] = ct_rush_larsen_ab(L_type_Ca_channel_f_Ca_gate__f_Ca, dot__L_type_Ca_channel_f_Ca_gate__f_Ca - rlb__L_type_Ca_channel_f_Ca_gate__f_Ca * L_type_Ca_channel_f_Ca_gate__f_Ca, rlb__L_type_Ca_channel_f_Ca_gate__f_Ca, dt);
                out[416 + j] = Ca_release_current_from_JSR_u_gate__u + dt * dot__Ca_release_current_from_JSR_u_gate__u;
                out[448 + j] = Ca_release_current_from_JSR_v_gate__v + dt * dot__Ca_release_current_from_JSR_v_gate__v;
                const double rlb__Ca_release_current_from_JSR_w_gate__w = -(1.0 / (Ca_release_current_from_JSR_w_gate__tau_w));
                out[480 + j] = ct_rush_larsen_ab(Ca_release_current_from_JSR_w_gate__w, dot__Ca_release_current_from_JSR_w_gate__w - rlb__Ca_release_current_from_JSR_w_gate__w * Ca_release_current_from_JSR_w_gate__w, rlb__Ca_release_current_from_JSR_w_gate__w, dt);
                out[512 + j] = intracellular_ion_concentrations__Na_i + dt * dot__intracellular_ion_concentrations__Na_i;
                out[544 + j] = intracellular_ion_concentrations__Ca_i + dt * dot__intracellular_ion_concentrations__Ca_i;
                out[576 + j] = intracellular_ion_concentrations__K_i + dt * dot__intracellular_ion_concentrations__K_i;
                out[608 + j] = intracellular_ion_concentrations__Ca_rel + dt * dot__intracellular_ion_concentrations__Ca_rel;
                out[640 + j] = intracellular_ion_concentrations__Ca_up + dt * dot__intracellular_ion_concentrations__Ca_up;
                (void)i_stim;
            }
        }
        for (int k = 0; k < 21; ++k)
            for (int j = 0; j < nj; ++j)
                s[k * ld + j] = out[k * 32 + j];
    }

    static inline __attribute__((always_inline)) void ct_chunk_lut_body(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv, const int variant)
    {
        double out[672];
        const double xmax_lut = n_rows - 1.000001;
        (void)t;
        (void)p;
        (void)variant;
        for (int jb = 0; jb < nj; jb += 8) {
            for (int j = jb; j < jb + 8; ++j) {
                const double i_stim = ist[j];
                const double membrane__V = s[0 * ld + j];
                const double fast_sodium_current_m_gate__m = s[1 * ld + j];
                const double fast_sodium_current_h_gate__h = s[2 * ld + j];
                const double fast_sodium_current_j_gate__j = s[3 * ld + j];
                const double transient_outward_K_current_oa_gate__oa = s[4 * ld + j];
                const double transient_outward_K_current_oi_gate__oi = s[5 * ld + j];
                const double ultrarapid_delayed_rectifier_K_current_ua_gate__ua = s[6 * ld + j];
                const double ultrarapid_delayed_rectifier_K_current_ui_gate__ui = s[7 * ld + j];
                const double rapid_delayed_rectifier_K_current_xr_gate__xr = s[8 * ld + j];
                const double slow_delayed_rectifier_K_current_xs_gate__xs = s[9 * ld + j];
                const double L_type_Ca_channel_d_gate__d = s[10 * ld + j];
                const double L_type_Ca_channel_f_gate__f = s[11 * ld + j];
                const double L_type_Ca_channel_f_Ca_gate__f_Ca = s[12 * ld + j];
                const double Ca_release_current_from_JSR_u_gate__u = s[13 * ld + j];
                const double Ca_release_current_from_JSR_v_gate__v = s[14 * ld + j];
                const double Ca_release_current_from_JSR_w_gate__w = s[15 * ld + j];
                const double intracellular_ion_concentrations__Na_i = s[16 * ld + j];
                const double intracellular_ion_concentrations__Ca_i = s[17 * ld + j];
                const double intracellular_ion_concentrations__K_i = s[18 * ld + j];
                const double intracellular_ion_concentrations__Ca_rel = s[19 * ld + j];
                const double intracellular_ion_concentrations__Ca_up = s[20 * ld + j];
                const double cardiotwin_parameters__gNa = p[0 * ld + j];
                const double cardiotwin_parameters__gCaL = p[1 * ld + j];
                const double cardiotwin_parameters__gto = p[2 * ld + j];
                const double cardiotwin_parameters__gKr = p[3 * ld + j];
                const double cardiotwin_parameters__gKs = p[4 * ld + j];
                const double cardiotwin_parameters__gK1 = p[5 * ld + j];
                const double cardiotwin_parameters__gKur = p[6 * ld + j];
                const double cardiotwin_parameters__gNaCa = p[7 * ld + j];
                const double x_lut0 = (membrane__V - vmin) * inv_dv;
                const double x_lut1 = x_lut0 > 0.0 ? x_lut0 : 0.0;
                const double x_lut = x_lut1 < xmax_lut ? x_lut1 : xmax_lut;
                const int i_lut = (int)x_lut;
                const double w_lut = x_lut - i_lut;
                const int o_lut = 31 * i_lut;
                const double sodium_potassium_pump__f_NaK = lut[o_lut + 0] + w_lut * (lut[o_lut + 31] - lut[o_lut + 0]);
                const double lutx__0 = lut[o_lut + 1] + w_lut * (lut[o_lut + 32] - lut[o_lut + 1]);
                const double lutx__1 = lut[o_lut + 2] + w_lut * (lut[o_lut + 33] - lut[o_lut + 2]);
                const double lutx__2 = lut[o_lut + 3] + w_lut * (lut[o_lut + 34] - lut[o_lut + 3]);
                const double lutx__3 = lut[o_lut + 4] + w_lut * (lut[o_lut + 35] - lut[o_lut + 4]);
                const double lutx__4 = lut[o_lut + 5] + w_lut * (lut[o_lut + 36] - lut[o_lut + 5]);
                const double lutx__5 = lut[o_lut + 6] + w_lut * (lut[o_lut + 37] - lut[o_lut + 6]);
                const double rlE__fast_sodium_current_m_gate__m = lut[o_lut + 7] + w_lut * (lut[o_lut + 38] - lut[o_lut + 7]);
                const double rlQ__fast_sodium_current_m_gate__m = lut[o_lut + 8] + w_lut * (lut[o_lut + 39] - lut[o_lut + 8]);
                const double rlE__fast_sodium_current_h_gate__h = lut[o_lut + 9] + w_lut * (lut[o_lut + 40] - lut[o_lut + 9]);
                const double rlQ__fast_sodium_current_h_gate__h = lut[o_lut + 10] + w_lut * (lut[o_lut + 41] - lut[o_lut + 10]);
                const double rlE__fast_sodium_current_j_gate__j = lut[o_lut + 11] + w_lut * (lut[o_lut + 42] - lut[o_lut + 11]);
                const double rlQ__fast_sodium_current_j_gate__j = lut[o_lut + 12] + w_lut * (lut[o_lut + 43] - lut[o_lut + 12]);
                const double rlE__transient_outward_K_current_oa_gate__oa = lut[o_lut + 13] + w_lut * (lut[o_lut + 44] - lut[o_lut + 13]);
                const double rlQ__transient_outward_K_current_oa_gate__oa = lut[o_lut + 14] + w_lut * (lut[o_lut + 45] - lut[o_lut + 14]);
                const double rlE__transient_outward_K_current_oi_gate__oi = lut[o_lut + 15] + w_lut * (lut[o_lut + 46] - lut[o_lut + 15]);
                const double rlQ__transient_outward_K_current_oi_gate__oi = lut[o_lut + 16] + w_lut * (lut[o_lut + 47] - lut[o_lut + 16]);
                const double rlE__ultrarapid_delayed_rectifier_K_current_ua_gate__ua = lut[o_lut + 17] + w_lut * (lut[o_lut + 48] - lut[o_lut + 17]);
                const double rlQ__ultrarapid_delayed_rectifier_K_current_ua_gate__ua = lut[o_lut + 18] + w_lut * (lut[o_lut + 49] - lut[o_lut + 18]);
                const double rlE__ultrarapid_delayed_rectifier_K_current_ui_gate__ui = lut[o_lut + 19] + w_lut * (lut[o_lut + 50] - lut[o_lut + 19]);
                const double rlQ__ultrarapid_delayed_rectifier_K_current_ui_gate__ui = lut[o_lut + 20] + w_lut * (lut[o_lut + 51] - lut[o_lut + 20]);
                const double rlE__rapid_delayed_rectifier_K_current_xr_gate__xr = lut[o_lut + 21] + w_lut * (lut[o_lut + 52] - lut[o_lut + 21]);
                const double rlQ__rapid_delayed_rectifier_K_current_xr_gate__xr = lut[o_lut + 22] + w_lut * (lut[o_lut + 53] - lut[o_lut + 22]);
                const double rlE__slow_delayed_rectifier_K_current_xs_gate__xs = lut[o_lut + 23] + w_lut * (lut[o_lut + 54] - lut[o_lut + 23]);
                const double rlQ__slow_delayed_rectifier_K_current_xs_gate__xs = lut[o_lut + 24] + w_lut * (lut[o_lut + 55] - lut[o_lut + 24]);
                const double rlE__L_type_Ca_channel_d_gate__d = lut[o_lut + 25] + w_lut * (lut[o_lut + 56] - lut[o_lut + 25]);
                const double rlQ__L_type_Ca_channel_d_gate__d = lut[o_lut + 26] + w_lut * (lut[o_lut + 57] - lut[o_lut + 26]);
                const double rlE__L_type_Ca_channel_f_gate__f = lut[o_lut + 27] + w_lut * (lut[o_lut + 58] - lut[o_lut + 27]);
                const double rlQ__L_type_Ca_channel_f_gate__f = lut[o_lut + 28] + w_lut * (lut[o_lut + 59] - lut[o_lut + 28]);
                const double rlE__Ca_release_current_from_JSR_w_gate__w = lut[o_lut + 29] + w_lut * (lut[o_lut + 60] - lut[o_lut + 29]);
                const double rlQ__Ca_release_current_from_JSR_w_gate__w = lut[o_lut + 30] + w_lut * (lut[o_lut + 61] - lut[o_lut + 30]);
                const double L_type_Ca_channel__g_Ca_L = (0.12375 * cardiotwin_parameters__gCaL);
                const double L_type_Ca_channel__i_Ca_L = (100.0 * L_type_Ca_channel__g_Ca_L * L_type_Ca_channel_d_gate__d * L_type_Ca_channel_f_gate__f * L_type_Ca_channel_f_Ca_gate__f_Ca * (membrane__V - 65.0));
                const double Na_Ca_exchanger_current__I_NaCa_max = (1600.0 * cardiotwin_parameters__gNaCa);
                const double Na_Ca_exchanger_current__i_NaCa = (9.211265527423103e-06 * Na_Ca_exchanger_current__I_NaCa_max * ((1.8 * ((intracellular_ion_concentrations__Na_i) * (intracellular_ion_concentrations__Na_i) * (intracellular_ion_concentrations__Na_i)) * lutx__1) - (2744000.0 * intracellular_ion_concentrations__Ca_i * lutx__2)) * lutx__0);
                const double background_currents__E_Ca = (13.35641596199269 * log((1.8 / intracellular_ion_concentrations__Ca_i)));
                const double background_currents__i_B_Ca = (0.1131 * (membrane__V - background_currents__E_Ca));
                const double fast_sodium_current__E_Na = (26.71283192398538 * log((140.0 / intracellular_ion_concentrations__Na_i)));
                const double background_currents__i_B_Na = (0.06744375 * (membrane__V - fast_sodium_current__E_Na));
                const double fast_sodium_current__g_Na = (7.8 * cardiotwin_parameters__gNa);
                const double fast_sodium_current__i_Na = (100.0 * fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - fast_sodium_current__E_Na));
                const double rapid_delayed_rectifier_K_current__g_Kr = (0.029411765 * cardiotwin_parameters__gKr);
                const double time_independent_potassium_current__E_K = (26.71283192398538 * log((5.4 / intracellular_ion_concentrations__K_i)));
                const double rapid_delayed_rectifier_K_current__i_Kr = (100.0 * rapid_delayed_rectifier_K_current__g_Kr * rapid_delayed_rectifier_K_current_xr_gate__xr * (membrane__V - time_independent_potassium_current__E_K) * lutx__3);
                const double sarcolemmal_calcium_pump_current__i_CaP = (27.500000000000004 * intracellular_ion_concentrations__Ca_i / (0.0005 + intracellular_ion_concentrations__Ca_i));
                const double slow_delayed_rectifier_K_current__g_Ks = (0.12941176 * cardiotwin_parameters__gKs);
                const double slow_delayed_rectifier_K_current__i_Ks = (100.0 * slow_delayed_rectifier_K_current__g_Ks * ((slow_delayed_rectifier_K_current_xs_gate__xs) * (slow_delayed_rectifier_K_current_xs_gate__xs)) * (membrane__V - time_independent_potassium_current__E_K));
                const double sodium_potassium_pump__i_NaK = (46.90477095652173 * sodium_potassium_pump__f_NaK / (1.0 + pow(((10.0 / intracellular_ion_concentrations__Na_i)), 1.5)));
                const double time_independent_potassium_current__g_K1 = (0.09 * cardiotwin_parameters__gK1);
                const double time_independent_potassium_current__i_K1 = (100.0 * time_independent_potassium_current__g_K1 * (membrane__V - time_independent_potassium_current__E_K) * lutx__4);
                const double transient_outward_K_current__g_to = (0.1652 * cardiotwin_parameters__gto);
                const double transient_outward_K_current__i_to = (100.0 * transient_outward_K_current__g_to * ((transient_outward_K_current_oa_gate__oa) * (transient_outward_K_current_oa_gate__oa) * (transient_outward_K_current_oa_gate__oa)) * transient_outward_K_current_oi_gate__oi * (membrane__V - time_independent_potassium_current__E_K));
                const double ultrarapid_delayed_rectifier_K_current__g_Kur = (cardiotwin_parameters__gKur * lutx__5);
                const double ultrarapid_delayed_rectifier_K_current__i_Kur = (100.0 * ultrarapid_delayed_rectifier_K_current__g_Kur * ((ultrarapid_delayed_rectifier_K_current_ua_gate__ua) * (ultrarapid_delayed_rectifier_K_current_ua_gate__ua) * (ultrarapid_delayed_rectifier_K_current_ua_gate__ua)) * ultrarapid_delayed_rectifier_K_current_ui_gate__ui * (membrane__V - time_independent_potassium_current__E_K));
                const double dot__membrane__V = (0.01 * (-(fast_sodium_current__i_Na + time_independent_potassium_current__i_K1 + transient_outward_K_current__i_to + ultrarapid_delayed_rectifier_K_current__i_Kur + rapid_delayed_rectifier_K_current__i_Kr + slow_delayed_rectifier_K_current__i_Ks + background_currents__i_B_Na + background_currents__i_B_Ca + sodium_potassium_pump__i_NaK + sarcolemmal_calcium_pump_current__i_CaP + Na_Ca_exchanger_current__i_NaCa + L_type_Ca_channel__i_Ca_L + (-i_stim * (-100.0)))));
                const double L_type_Ca_channel_f_Ca_gate__f_Ca_infinity = (1.0 / (1.0 + (2857.1428571428573 * intracellular_ion_concentrations__Ca_i)));
                const double dot__L_type_Ca_channel_f_Ca_gate__f_Ca = (0.5 * (L_type_Ca_channel_f_Ca_gate__f_Ca_infinity - L_type_Ca_channel_f_Ca_gate__f_Ca));
                const double Ca_release_current_from_JSR__i_rel = (30.0 * ((Ca_release_current_from_JSR_u_gate__u) * (Ca_release_current_from_JSR_u_gate__u)) * Ca_release_current_from_JSR_v_gate__v * Ca_release_current_from_JSR_w_gate__w * (intracellular_ion_concentrations__Ca_rel - intracellular_ion_concentrations__Ca_i));
                const double Ca_release_current_from_JSR__Fn = (1000.0 * ((9.648e-14 * Ca_release_current_from_JSR__i_rel) - (5.182061361824998e-18 * ((0.5 * L_type_Ca_channel__i_Ca_L) - (0.2 * Na_Ca_exchanger_current__i_NaCa)))));
                const double Ca_release_current_from_JSR_u_gate__u_infinity = (1.0 / (1.0 + exp((731528895391368.0 * (-(Ca_release_current_from_JSR__Fn - 3.4175e-13))))));
                const double dot__Ca_release_current_from_JSR_u_gate__u = (0.125 * (Ca_release_current_from_JSR_u_gate__u_infinity - Ca_release_current_from_JSR_u_gate__u));
                const double Ca_release_current_from_JSR_v_gate__tau_v = 1.91 + (2.09 * (1.0 / (1.0 + exp((731528895391368.0 * (-(Ca_release_current_from_JSR__Fn - 3.4175e-13)))))));
                const double Ca_release_current_from_JSR_v_gate__v_infinity = 1.0 - (1.0 / (1.0 + exp((731528895391368.0 * (-(Ca_release_current_from_JSR__Fn - 6.835e-14))))));
                const double dot__Ca_release_current_from_JSR_v_gate__v = ((Ca_release_current_from_JSR_v_gate__v_infinity - Ca_release_current_from_JSR_v_gate__v) / Ca_release_current_from_JSR_v_gate__tau_v);
                const double dot__intracellular_ion_concentrations__Na_i = (7.582764650021944e-07 * (((-3.0) * sodium_potassium_pump__i_NaK) - ((3.0 * Na_Ca_exchanger_current__i_NaCa) + background_currents__i_B_Na + fast_sodium_current__i_Na)));
                const double Ca_leak_current_by_the_NSR__i_up_leak = (0.0003333333333333333 * intracellular_ion_concentrations__Ca_up);
                const double Ca_uptake_current_by_the_NSR__i_up = (0.005 / (1.0 + (0.00092 / intracellular_ion_concentrations__Ca_i)));
                const double intracellular_ion_concentrations__B1 = (3.791382325010972e-07 * ((2.0 * Na_Ca_exchanger_current__i_NaCa) - (sarcolemmal_calcium_pump_current__i_CaP + L_type_Ca_channel__i_Ca_L + background_currents__i_B_Ca))) + (7.316359379572723e-05 * ((1109.52 * (Ca_leak_current_by_the_NSR__i_up_leak - Ca_uptake_current_by_the_NSR__i_up)) + (96.47999999999999 * Ca_release_current_from_JSR__i_rel)));
                const double intracellular_ion_concentrations__B2 = 1.0 + (3.5000000000000004e-05 / ((intracellular_ion_concentrations__Ca_i + 0.0005) * (intracellular_ion_concentrations__Ca_i + 0.0005))) + (0.00011900000000000002 / ((intracellular_ion_concentrations__Ca_i + 0.00238) * (intracellular_ion_concentrations__Ca_i + 0.00238)));
                const double dot__intracellular_ion_concentrations__Ca_i = (intracellular_ion_concentrations__B1 / intracellular_ion_concentrations__B2);
                const double background_currents__i_B_K = (0.0 * (membrane__V - time_independent_potassium_current__E_K));
                const double dot__intracellular_ion_concentrations__K_i = (7.582764650021944e-07 * ((2.0 * sodium_potassium_pump__i_NaK) - (time_independent_potassium_current__i_K1 + transient_outward_K_current__i_to + ultrarapid_delayed_rectifier_K_current__i_Kur + rapid_delayed_rectifier_K_current__i_Kr + slow_delayed_rectifier_K_current__i_Ks + background_currents__i_B_K)));
                const double transfer_current_from_NSR_to_JSR__i_tr = (0.005555555555555556 * (intracellular_ion_concentrations__Ca_up - intracellular_ion_concentrations__Ca_rel));
                const double dot__intracellular_ion_concentrations__Ca_rel = ((transfer_current_from_NSR_to_JSR__i_tr - Ca_release_current_from_JSR__i_rel) * (1.0 / (1.0 + (8.0 / ((intracellular_ion_concentrations__Ca_rel + 0.8) * (intracellular_ion_concentrations__Ca_rel + 0.8))))));
                const double dot__intracellular_ion_concentrations__Ca_up = Ca_uptake_current_by_the_NSR__i_up - (Ca_leak_current_by_the_NSR__i_up_leak + (0.08695652173913043 * transfer_current_from_NSR_to_JSR__i_tr));
                out[0 + j] = membrane__V + dt * dot__membrane__V;
                out[32 + j] = rlE__fast_sodium_current_m_gate__m * fast_sodium_current_m_gate__m + rlQ__fast_sodium_current_m_gate__m;
                out[64 + j] = rlE__fast_sodium_current_h_gate__h * fast_sodium_current_h_gate__h + rlQ__fast_sodium_current_h_gate__h;
                out[96 + j] = rlE__fast_sodium_current_j_gate__j * fast_sodium_current_j_gate__j + rlQ__fast_sodium_current_j_gate__j;
                out[128 + j] = rlE__transient_outward_K_current_oa_gate__oa * transient_outward_K_current_oa_gate__oa + rlQ__transient_outward_K_current_oa_gate__oa;
                out[160 + j] = rlE__transient_outward_K_current_oi_gate__oi * transient_outward_K_current_oi_gate__oi + rlQ__transient_outward_K_current_oi_gate__oi;
                out[192 + j] = rlE__ultrarapid_delayed_rectifier_K_current_ua_gate__ua * ultrarapid_delayed_rectifier_K_current_ua_gate__ua + rlQ__ultrarapid_delayed_rectifier_K_current_ua_gate__ua;
                out[224 + j] = rlE__ultrarapid_delayed_rectifier_K_current_ui_gate__ui * ultrarapid_delayed_rectifier_K_current_ui_gate__ui + rlQ__ultrarapid_delayed_rectifier_K_current_ui_gate__ui;
                out[256 + j] = rlE__rapid_delayed_rectifier_K_current_xr_gate__xr * rapid_delayed_rectifier_K_current_xr_gate__xr + rlQ__rapid_delayed_rectifier_K_current_xr_gate__xr;
                out[288 + j] = rlE__slow_delayed_rectifier_K_current_xs_gate__xs * slow_delayed_rectifier_K_current_xs_gate__xs + rlQ__slow_delayed_rectifier_K_current_xs_gate__xs;
                out[320 + j] = rlE__L_type_Ca_channel_d_gate__d * L_type_Ca_channel_d_gate__d + rlQ__L_type_Ca_channel_d_gate__d;
                out[352 + j] = rlE__L_type_Ca_channel_f_gate__f * L_type_Ca_channel_f_gate__f + rlQ__L_type_Ca_channel_f_gate__f;
                const double rlb__L_type_Ca_channel_f_Ca_gate__f_Ca = (-0.5);
                out[384 + j] = ct_rush_larsen_ab(L_type_Ca_channel_f_Ca_gate__f_Ca, dot__L_type_Ca_channel_f_Ca_gate__f_Ca - rlb__L_type_Ca_channel_f_Ca_gate__f_Ca * L_type_Ca_channel_f_Ca_gate__f_Ca, rlb__L_type_Ca_channel_f_Ca_gate__f_Ca, dt);
                out[416 + j] = Ca_release_current_from_JSR_u_gate__u + dt * dot__Ca_release_current_from_JSR_u_gate__u;
                out[448 + j] = Ca_release_current_from_JSR_v_gate__v + dt * dot__Ca_release_current_from_JSR_v_gate__v;
                out[480 + j] = rlE__Ca_release_current_from_JSR_w_gate__w * Ca_release_current_from_JSR_w_gate__w + rlQ__Ca_release_current_from_JSR_w_gate__w;
                out[512 + j] = intracellular_ion_concentrations__Na_i + dt * dot__intracellular_ion_concentrations__Na_i;
                out[544 + j] = intracellular_ion_concentrations__Ca_i + dt * dot__intracellular_ion_concentrations__Ca_i;
                out[576 + j] = intracellular_ion_concentrations__K_i + dt * dot__intracellular_ion_concentrations__K_i;
                out[608 + j] = intracellular_ion_concentrations__Ca_rel + dt * dot__intracellular_ion_concentrations__Ca_rel;
                out[640 + j] = intracellular_ion_concentrations__Ca_up + dt * dot__intracellular_ion_concentrations__Ca_up;
                (void)i_stim;
            }
        }
        for (int k = 0; k < 21; ++k)
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
        lut += (Py_ssize_t)variant * n_rows * 31;
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
    cdef double sodium_potassium_pump__f_NaK = (1.0 / (1.0 + (0.1245 * exp(((-0.003743519230179796) * membrane__V))) + (0.036533226130519084 * exp(((-0.037435192301797954) * membrane__V)))))
    cdef double fast_sodium_current_m_gate__alpha_m = (3.2 if (membrane__V == (-47.13)) else (0.32 * (membrane__V + 47.13) / (1.0 - exp(((-0.1) * (membrane__V + 47.13))))))
    cdef double fast_sodium_current_m_gate__beta_m = (0.08 * exp((0.09090909090909091 * (-membrane__V))))
    cdef double fast_sodium_current_m_gate__tau_m = (1.0 / (fast_sodium_current_m_gate__alpha_m + fast_sodium_current_m_gate__beta_m))
    cdef double fast_sodium_current_m_gate__m_inf = (fast_sodium_current_m_gate__alpha_m / (fast_sodium_current_m_gate__alpha_m + fast_sodium_current_m_gate__beta_m))
    cdef double fast_sodium_current_h_gate__alpha_h = ((0.135 * exp(((-0.14705882352941177) * (membrane__V + 80.0 - 0.0)))) if (membrane__V < (-40.0)) else 0.0)
    cdef double fast_sodium_current_h_gate__beta_h = ((3.56 * exp((0.079 * (membrane__V - 0.0)))) + (310000.0 * exp((0.35 * (membrane__V - 0.0)))) if (membrane__V < (-40.0)) else (7.692307692307692 / (1.0 + exp(((-0.0900900900900901) * (membrane__V + 10.66 - 0.0))))))
    cdef double fast_sodium_current_h_gate__tau_h = (1.0 / (fast_sodium_current_h_gate__alpha_h + fast_sodium_current_h_gate__beta_h))
    cdef double fast_sodium_current_h_gate__h_inf = (fast_sodium_current_h_gate__alpha_h / (fast_sodium_current_h_gate__alpha_h + fast_sodium_current_h_gate__beta_h)) + 0.0
    cdef double fast_sodium_current_j_gate__alpha_j = (((((-127140.0) * exp((0.2444 * (membrane__V - 0.0)))) - (3.474e-05 * exp(((-0.04391) * (membrane__V - 0.0))))) * (membrane__V + 37.78) / (1.0 + exp((0.311 * (membrane__V + 79.23 - 0.0))))) if (membrane__V < (-40.0)) else 0.0)
    cdef double fast_sodium_current_j_gate__beta_j = ((0.1212 * exp(((-0.01052) * (membrane__V - 0.0))) / (1.0 + exp(((-0.1378) * (membrane__V + 40.14 - 0.0))))) if (membrane__V < (-40.0)) else (0.3 * exp(((-2.535e-07) * (membrane__V - 0.0))) / (1.0 + exp(((-0.1) * (membrane__V + 32.0 - 0.0))))))
    cdef double fast_sodium_current_j_gate__tau_j = (1.0 / (fast_sodium_current_j_gate__alpha_j + fast_sodium_current_j_gate__beta_j))
    cdef double fast_sodium_current_j_gate__j_inf = (fast_sodium_current_j_gate__alpha_j / (fast_sodium_current_j_gate__alpha_j + fast_sodium_current_j_gate__beta_j)) + 0.0
    cdef double transient_outward_K_current_oa_gate__alpha_oa = (0.65 * (1.0 / (exp(((-0.11764705882352941) * (membrane__V - (-10.0)))) + exp(((-0.01694915254237288) * (membrane__V - (-10.0) - 40.0))))))
    cdef double transient_outward_K_current_oa_gate__beta_oa = (0.65 * (1.0 / (2.5 + exp((0.058823529411764705 * (membrane__V - (-10.0) + 72.0))))))
    cdef double transient_outward_K_current_oa_gate__tau_oa = (0.3333333333333333 * (1.0 / (transient_outward_K_current_oa_gate__alpha_oa + transient_outward_K_current_oa_gate__beta_oa)))
    cdef double transient_outward_K_current_oa_gate__oa_infinity = (1.0 / (1.0 + exp(((-0.05701254275940707) * (membrane__V - (-10.0) + 10.47)))))
    cdef double transient_outward_K_current_oi_gate__alpha_oi = (1.0 / (18.53 + (exp((0.09132420091324202 * (membrane__V - (-10.0) + 103.7))))))
    cdef double transient_outward_K_current_oi_gate__beta_oi = (1.0 / (35.56 + (exp(((-0.13440860215053763) * (membrane__V - (-10.0) - 8.74))))))
    cdef double transient_outward_K_current_oi_gate__tau_oi = (0.3333333333333333 * (1.0 / (transient_outward_K_current_oi_gate__alpha_oi + transient_outward_K_current_oi_gate__beta_oi)))
    cdef double transient_outward_K_current_oi_gate__oi_infinity = (1.0 / (1.0 + exp((0.18867924528301888 * (membrane__V - (-10.0) + 33.1)))))
    cdef double ultrarapid_delayed_rectifier_K_current_ua_gate__alpha_ua = (0.65 * (1.0 / (exp(((-0.11764705882352941) * (membrane__V - (-10.0)))) + exp(((-0.01694915254237288) * (membrane__V - (-10.0) - 40.0))))))
    cdef double ultrarapid_delayed_rectifier_K_current_ua_gate__beta_ua = (0.65 * (1.0 / (2.5 + exp((0.058823529411764705 * (membrane__V - (-10.0) + 72.0))))))
    cdef double ultrarapid_delayed_rectifier_K_current_ua_gate__tau_ua = (0.3333333333333333 * (1.0 / (ultrarapid_delayed_rectifier_K_current_ua_gate__alpha_ua + ultrarapid_delayed_rectifier_K_current_ua_gate__beta_ua)))
    cdef double ultrarapid_delayed_rectifier_K_current_ua_gate__ua_infinity = (1.0 / (1.0 + exp(((-0.10416666666666667) * (membrane__V - (-10.0) + 20.3)))))
    cdef double ultrarapid_delayed_rectifier_K_current_ui_gate__alpha_ui = (1.0 / (21.0 + (exp(((-0.03571428571428571) * (membrane__V - (-10.0) - 195.0))))))
    cdef double ultrarapid_delayed_rectifier_K_current_ui_gate__beta_ui = (1.0 / exp(((-0.0625) * (membrane__V - (-10.0) - 168.0))))
    cdef double ultrarapid_delayed_rectifier_K_current_ui_gate__tau_ui = (0.3333333333333333 * (1.0 / (ultrarapid_delayed_rectifier_K_current_ui_gate__alpha_ui + ultrarapid_delayed_rectifier_K_current_ui_gate__beta_ui)))
    cdef double ultrarapid_delayed_rectifier_K_current_ui_gate__ui_infinity = (1.0 / (1.0 + exp((0.036390101892285295 * (membrane__V - (-10.0) - 109.45)))))
    cdef double rapid_delayed_rectifier_K_current_xr_gate__alpha_xr = (0.0015 if (fabs(membrane__V + 14.1) < 1e-10) else (0.0003 * (membrane__V + 14.1) / (1.0 - exp(((-0.2) * (membrane__V + 14.1))))))
    cdef double rapid_delayed_rectifier_K_current_xr_gate__beta_xr = (0.00037836118 if (fabs(membrane__V - 3.3328) < 1e-10) else (7.3898e-05 * (membrane__V - 3.3328) / (exp((0.19517145812596365 * (membrane__V - 3.3328))) - 1.0)))
    cdef double rapid_delayed_rectifier_K_current_xr_gate__tau_xr = (1.0 / (rapid_delayed_rectifier_K_current_xr_gate__alpha_xr + rapid_delayed_rectifier_K_current_xr_gate__beta_xr))
    cdef double rapid_delayed_rectifier_K_current_xr_gate__xr_infinity = (1.0 / (1.0 + exp(((-0.15384615384615385) * (membrane__V + 14.1)))))
    cdef double slow_delayed_rectifier_K_current_xs_gate__alpha_xs = (0.00068 if (fabs(membrane__V - 19.9) < 1e-10) else (4e-05 * (membrane__V - 19.9) / (1.0 - exp(((-0.058823529411764705) * (membrane__V - 19.9))))))
    cdef double slow_delayed_rectifier_K_current_xs_gate__beta_xs = (0.000315 if (fabs(membrane__V - 19.9) < 1e-10) else (3.5e-05 * (membrane__V - 19.9) / (exp((0.1111111111111111 * (membrane__V - 19.9))) - 1.0)))
    cdef double slow_delayed_rectifier_K_current_xs_gate__tau_xs = (0.5 * (1.0 / (slow_delayed_rectifier_K_current_xs_gate__alpha_xs + slow_delayed_rectifier_K_current_xs_gate__beta_xs)))
    cdef double slow_delayed_rectifier_K_current_xs_gate__xs_infinity = (1.0 / sqrt(1.0 + exp(((-0.07874015748031496) * (membrane__V - 19.9)))))
    cdef double L_type_Ca_channel_d_gate__tau_d = ((4.579 / (1.0 + exp(((-0.16025641025641024) * (membrane__V + 10.0))))) if (fabs(membrane__V + 10.0) < 1e-10) else (28.57142857142857 * (1.0 - exp(((-0.16025641025641024) * (membrane__V + 10.0)))) / ((membrane__V + 10.0) * (1.0 + exp(((-0.16025641025641024) * (membrane__V + 10.0)))))))
    cdef double L_type_Ca_channel_d_gate__d_infinity = (1.0 / (1.0 + exp(((-0.125) * (membrane__V + 10.0)))))
    cdef double L_type_Ca_channel_f_gate__tau_f = (9.0 * (1.0 / ((0.0197 * exp(((-0.00113569) * ((membrane__V + 10.0) * (membrane__V + 10.0))))) + 0.02)))
    cdef double L_type_Ca_channel_f_gate__f_infinity = (exp((0.14492753623188406 * (-(membrane__V + 28.0)))) / (1.0 + exp((0.14492753623188406 * (-(membrane__V + 28.0))))))
    cdef double Ca_release_current_from_JSR_w_gate__tau_w = (0.9230769230769231 if (fabs(membrane__V - 7.9) < 1e-10) else (6.0 * (1.0 - exp((0.2 * (-(membrane__V - 7.9))))) / ((1.0 + (0.3 * exp((0.2 * (-(membrane__V - 7.9)))))) * (membrane__V - 7.9))))
    cdef double Ca_release_current_from_JSR_w_gate__w_infinity = 1.0 - (1.0 / (1.0 + exp((0.058823529411764705 * (-(membrane__V - 40.0))))))
    cdef double rlb__fast_sodium_current_m_gate__m = -(1.0 / (fast_sodium_current_m_gate__tau_m))
    cdef double rla__fast_sodium_current_m_gate__m = ((fast_sodium_current_m_gate__m_inf - 0.0) / fast_sodium_current_m_gate__tau_m)
    cdef double rlb__fast_sodium_current_h_gate__h = -(1.0 / (fast_sodium_current_h_gate__tau_h))
    cdef double rla__fast_sodium_current_h_gate__h = ((fast_sodium_current_h_gate__h_inf - 0.0) / fast_sodium_current_h_gate__tau_h)
    cdef double rlb__fast_sodium_current_j_gate__j = -(1.0 / (fast_sodium_current_j_gate__tau_j))
    cdef double rla__fast_sodium_current_j_gate__j = ((fast_sodium_current_j_gate__j_inf - 0.0) / fast_sodium_current_j_gate__tau_j)
    cdef double rlb__transient_outward_K_current_oa_gate__oa = -(1.0 / (transient_outward_K_current_oa_gate__tau_oa))
    cdef double rla__transient_outward_K_current_oa_gate__oa = ((transient_outward_K_current_oa_gate__oa_infinity - 0.0) / transient_outward_K_current_oa_gate__tau_oa)
    cdef double rlb__transient_outward_K_current_oi_gate__oi = -(1.0 / (transient_outward_K_current_oi_gate__tau_oi))
    cdef double rla__transient_outward_K_current_oi_gate__oi = ((transient_outward_K_current_oi_gate__oi_infinity - 0.0) / transient_outward_K_current_oi_gate__tau_oi)
    cdef double rlb__ultrarapid_delayed_rectifier_K_current_ua_gate__ua = -(1.0 / (ultrarapid_delayed_rectifier_K_current_ua_gate__tau_ua))
    cdef double rla__ultrarapid_delayed_rectifier_K_current_ua_gate__ua = ((ultrarapid_delayed_rectifier_K_current_ua_gate__ua_infinity - 0.0) / ultrarapid_delayed_rectifier_K_current_ua_gate__tau_ua)
    cdef double rlb__ultrarapid_delayed_rectifier_K_current_ui_gate__ui = -(1.0 / (ultrarapid_delayed_rectifier_K_current_ui_gate__tau_ui))
    cdef double rla__ultrarapid_delayed_rectifier_K_current_ui_gate__ui = ((ultrarapid_delayed_rectifier_K_current_ui_gate__ui_infinity - 0.0) / ultrarapid_delayed_rectifier_K_current_ui_gate__tau_ui)
    cdef double rlb__rapid_delayed_rectifier_K_current_xr_gate__xr = -(1.0 / (rapid_delayed_rectifier_K_current_xr_gate__tau_xr))
    cdef double rla__rapid_delayed_rectifier_K_current_xr_gate__xr = ((rapid_delayed_rectifier_K_current_xr_gate__xr_infinity - 0.0) / rapid_delayed_rectifier_K_current_xr_gate__tau_xr)
    cdef double rlb__slow_delayed_rectifier_K_current_xs_gate__xs = -(1.0 / (slow_delayed_rectifier_K_current_xs_gate__tau_xs))
    cdef double rla__slow_delayed_rectifier_K_current_xs_gate__xs = ((slow_delayed_rectifier_K_current_xs_gate__xs_infinity - 0.0) / slow_delayed_rectifier_K_current_xs_gate__tau_xs)
    cdef double rlb__L_type_Ca_channel_d_gate__d = -(1.0 / (L_type_Ca_channel_d_gate__tau_d))
    cdef double rla__L_type_Ca_channel_d_gate__d = ((L_type_Ca_channel_d_gate__d_infinity - 0.0) / L_type_Ca_channel_d_gate__tau_d)
    cdef double rlb__L_type_Ca_channel_f_gate__f = -(1.0 / (L_type_Ca_channel_f_gate__tau_f))
    cdef double rla__L_type_Ca_channel_f_gate__f = ((L_type_Ca_channel_f_gate__f_infinity - 0.0) / L_type_Ca_channel_f_gate__tau_f)
    cdef double rlb__Ca_release_current_from_JSR_w_gate__w = -(1.0 / (Ca_release_current_from_JSR_w_gate__tau_w))
    cdef double rla__Ca_release_current_from_JSR_w_gate__w = ((Ca_release_current_from_JSR_w_gate__w_infinity - 0.0) / Ca_release_current_from_JSR_w_gate__tau_w)
    row[0] = sodium_potassium_pump__f_NaK
    row[1] = (1.0 / (1.0 + (0.1 * exp(((-0.02433287499616867) * membrane__V)))))
    row[2] = exp((0.013102317305629283 * membrane__V))
    row[3] = exp(((-0.02433287499616867) * membrane__V))
    row[4] = (1.0 / (1.0 + exp((0.044642857142857144 * (membrane__V + 15.0)))))
    row[5] = (1.0 / (1.0 + exp((0.07 * (membrane__V + 80.0)))))
    row[6] = 0.005 + (0.05 / (1.0 + exp(((-0.07692307692307693) * (membrane__V - 15.0)))))
    row[7] = exp(rlb__fast_sodium_current_m_gate__m * dt)
    row[8] = rla__fast_sodium_current_m_gate__m * (expm1(rlb__fast_sodium_current_m_gate__m * dt) / rlb__fast_sodium_current_m_gate__m if fabs(rlb__fast_sodium_current_m_gate__m) > 1e-12 else dt)
    row[9] = exp(rlb__fast_sodium_current_h_gate__h * dt)
    row[10] = rla__fast_sodium_current_h_gate__h * (expm1(rlb__fast_sodium_current_h_gate__h * dt) / rlb__fast_sodium_current_h_gate__h if fabs(rlb__fast_sodium_current_h_gate__h) > 1e-12 else dt)
    row[11] = exp(rlb__fast_sodium_current_j_gate__j * dt)
    row[12] = rla__fast_sodium_current_j_gate__j * (expm1(rlb__fast_sodium_current_j_gate__j * dt) / rlb__fast_sodium_current_j_gate__j if fabs(rlb__fast_sodium_current_j_gate__j) > 1e-12 else dt)
    row[13] = exp(rlb__transient_outward_K_current_oa_gate__oa * dt)
    row[14] = rla__transient_outward_K_current_oa_gate__oa * (expm1(rlb__transient_outward_K_current_oa_gate__oa * dt) / rlb__transient_outward_K_current_oa_gate__oa if fabs(rlb__transient_outward_K_current_oa_gate__oa) > 1e-12 else dt)
    row[15] = exp(rlb__transient_outward_K_current_oi_gate__oi * dt)
    row[16] = rla__transient_outward_K_current_oi_gate__oi * (expm1(rlb__transient_outward_K_current_oi_gate__oi * dt) / rlb__transient_outward_K_current_oi_gate__oi if fabs(rlb__transient_outward_K_current_oi_gate__oi) > 1e-12 else dt)
    row[17] = exp(rlb__ultrarapid_delayed_rectifier_K_current_ua_gate__ua * dt)
    row[18] = rla__ultrarapid_delayed_rectifier_K_current_ua_gate__ua * (expm1(rlb__ultrarapid_delayed_rectifier_K_current_ua_gate__ua * dt) / rlb__ultrarapid_delayed_rectifier_K_current_ua_gate__ua if fabs(rlb__ultrarapid_delayed_rectifier_K_current_ua_gate__ua) > 1e-12 else dt)
    row[19] = exp(rlb__ultrarapid_delayed_rectifier_K_current_ui_gate__ui * dt)
    row[20] = rla__ultrarapid_delayed_rectifier_K_current_ui_gate__ui * (expm1(rlb__ultrarapid_delayed_rectifier_K_current_ui_gate__ui * dt) / rlb__ultrarapid_delayed_rectifier_K_current_ui_gate__ui if fabs(rlb__ultrarapid_delayed_rectifier_K_current_ui_gate__ui) > 1e-12 else dt)
    row[21] = exp(rlb__rapid_delayed_rectifier_K_current_xr_gate__xr * dt)
    row[22] = rla__rapid_delayed_rectifier_K_current_xr_gate__xr * (expm1(rlb__rapid_delayed_rectifier_K_current_xr_gate__xr * dt) / rlb__rapid_delayed_rectifier_K_current_xr_gate__xr if fabs(rlb__rapid_delayed_rectifier_K_current_xr_gate__xr) > 1e-12 else dt)
    row[23] = exp(rlb__slow_delayed_rectifier_K_current_xs_gate__xs * dt)
    row[24] = rla__slow_delayed_rectifier_K_current_xs_gate__xs * (expm1(rlb__slow_delayed_rectifier_K_current_xs_gate__xs * dt) / rlb__slow_delayed_rectifier_K_current_xs_gate__xs if fabs(rlb__slow_delayed_rectifier_K_current_xs_gate__xs) > 1e-12 else dt)
    row[25] = exp(rlb__L_type_Ca_channel_d_gate__d * dt)
    row[26] = rla__L_type_Ca_channel_d_gate__d * (expm1(rlb__L_type_Ca_channel_d_gate__d * dt) / rlb__L_type_Ca_channel_d_gate__d if fabs(rlb__L_type_Ca_channel_d_gate__d) > 1e-12 else dt)
    row[27] = exp(rlb__L_type_Ca_channel_f_gate__f * dt)
    row[28] = rla__L_type_Ca_channel_f_gate__f * (expm1(rlb__L_type_Ca_channel_f_gate__f * dt) / rlb__L_type_Ca_channel_f_gate__f if fabs(rlb__L_type_Ca_channel_f_gate__f) > 1e-12 else dt)
    row[29] = exp(rlb__Ca_release_current_from_JSR_w_gate__w * dt)
    row[30] = rla__Ca_release_current_from_JSR_w_gate__w * (expm1(rlb__Ca_release_current_from_JSR_w_gate__w * dt) / rlb__Ca_release_current_from_JSR_w_gate__w if fabs(rlb__Ca_release_current_from_JSR_w_gate__w) > 1e-12 else dt)


cdef void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m, int variant) noexcept nogil:
    cdef double i_stim = 0.0
    cdef double membrane__V = s[0 * n + c]
    cdef double fast_sodium_current_m_gate__m = s[1 * n + c]
    cdef double fast_sodium_current_h_gate__h = s[2 * n + c]
    cdef double fast_sodium_current_j_gate__j = s[3 * n + c]
    cdef double transient_outward_K_current_oa_gate__oa = s[4 * n + c]
    cdef double transient_outward_K_current_oi_gate__oi = s[5 * n + c]
    cdef double ultrarapid_delayed_rectifier_K_current_ua_gate__ua = s[6 * n + c]
    cdef double ultrarapid_delayed_rectifier_K_current_ui_gate__ui = s[7 * n + c]
    cdef double rapid_delayed_rectifier_K_current_xr_gate__xr = s[8 * n + c]
    cdef double slow_delayed_rectifier_K_current_xs_gate__xs = s[9 * n + c]
    cdef double L_type_Ca_channel_d_gate__d = s[10 * n + c]
    cdef double L_type_Ca_channel_f_gate__f = s[11 * n + c]
    cdef double L_type_Ca_channel_f_Ca_gate__f_Ca = s[12 * n + c]
    cdef double Ca_release_current_from_JSR_u_gate__u = s[13 * n + c]
    cdef double Ca_release_current_from_JSR_v_gate__v = s[14 * n + c]
    cdef double Ca_release_current_from_JSR_w_gate__w = s[15 * n + c]
    cdef double intracellular_ion_concentrations__Na_i = s[16 * n + c]
    cdef double intracellular_ion_concentrations__Ca_i = s[17 * n + c]
    cdef double intracellular_ion_concentrations__K_i = s[18 * n + c]
    cdef double intracellular_ion_concentrations__Ca_rel = s[19 * n + c]
    cdef double intracellular_ion_concentrations__Ca_up = s[20 * n + c]
    cdef double cardiotwin_parameters__gNa = p[0 * n + c]
    cdef double cardiotwin_parameters__gCaL = p[1 * n + c]
    cdef double cardiotwin_parameters__gto = p[2 * n + c]
    cdef double cardiotwin_parameters__gKr = p[3 * n + c]
    cdef double cardiotwin_parameters__gKs = p[4 * n + c]
    cdef double cardiotwin_parameters__gK1 = p[5 * n + c]
    cdef double cardiotwin_parameters__gKur = p[6 * n + c]
    cdef double cardiotwin_parameters__gNaCa = p[7 * n + c]
    cdef double fast_sodium_current__E_Na = (26.71283192398538 * log((140.0 / intracellular_ion_concentrations__Na_i)))
    cdef double fast_sodium_current__g_Na = (7.8 * cardiotwin_parameters__gNa)
    cdef double fast_sodium_current__i_Na = (100.0 * fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - fast_sodium_current__E_Na))
    cdef double L_type_Ca_channel__g_Ca_L = (0.12375 * cardiotwin_parameters__gCaL)
    cdef double L_type_Ca_channel__i_Ca_L = (100.0 * L_type_Ca_channel__g_Ca_L * L_type_Ca_channel_d_gate__d * L_type_Ca_channel_f_gate__f * L_type_Ca_channel_f_Ca_gate__f_Ca * (membrane__V - 65.0))
    cdef double time_independent_potassium_current__E_K = (26.71283192398538 * log((5.4 / intracellular_ion_concentrations__K_i)))
    cdef double transient_outward_K_current__g_to = (0.1652 * cardiotwin_parameters__gto)
    cdef double transient_outward_K_current__i_to = (100.0 * transient_outward_K_current__g_to * ((transient_outward_K_current_oa_gate__oa) * (transient_outward_K_current_oa_gate__oa) * (transient_outward_K_current_oa_gate__oa)) * transient_outward_K_current_oi_gate__oi * (membrane__V - time_independent_potassium_current__E_K))
    cdef double rapid_delayed_rectifier_K_current__g_Kr = (0.029411765 * cardiotwin_parameters__gKr)
    cdef double rapid_delayed_rectifier_K_current__i_Kr = (100.0 * rapid_delayed_rectifier_K_current__g_Kr * rapid_delayed_rectifier_K_current_xr_gate__xr * (membrane__V - time_independent_potassium_current__E_K) / (1.0 + exp((0.044642857142857144 * (membrane__V + 15.0)))))
    cdef double slow_delayed_rectifier_K_current__g_Ks = (0.12941176 * cardiotwin_parameters__gKs)
    cdef double slow_delayed_rectifier_K_current__i_Ks = (100.0 * slow_delayed_rectifier_K_current__g_Ks * ((slow_delayed_rectifier_K_current_xs_gate__xs) * (slow_delayed_rectifier_K_current_xs_gate__xs)) * (membrane__V - time_independent_potassium_current__E_K))
    cdef double time_independent_potassium_current__g_K1 = (0.09 * cardiotwin_parameters__gK1)
    cdef double time_independent_potassium_current__i_K1 = (100.0 * time_independent_potassium_current__g_K1 * (membrane__V - time_independent_potassium_current__E_K) / (1.0 + exp((0.07 * (membrane__V + 80.0)))))
    cdef double ultrarapid_delayed_rectifier_K_current__g_Kur = (cardiotwin_parameters__gKur * (0.005 + (0.05 / (1.0 + exp(((-0.07692307692307693) * (membrane__V - 15.0)))))))
    cdef double ultrarapid_delayed_rectifier_K_current__i_Kur = (100.0 * ultrarapid_delayed_rectifier_K_current__g_Kur * ((ultrarapid_delayed_rectifier_K_current_ua_gate__ua) * (ultrarapid_delayed_rectifier_K_current_ua_gate__ua) * (ultrarapid_delayed_rectifier_K_current_ua_gate__ua)) * ultrarapid_delayed_rectifier_K_current_ui_gate__ui * (membrane__V - time_independent_potassium_current__E_K))
    cdef double Na_Ca_exchanger_current__I_NaCa_max = (1600.0 * cardiotwin_parameters__gNaCa)
    cdef double Na_Ca_exchanger_current__i_NaCa = (9.211265527423103e-06 * Na_Ca_exchanger_current__I_NaCa_max * ((1.8 * exp((0.013102317305629283 * membrane__V)) * ((intracellular_ion_concentrations__Na_i) * (intracellular_ion_concentrations__Na_i) * (intracellular_ion_concentrations__Na_i))) - (2744000.0 * exp(((-0.02433287499616867) * membrane__V)) * intracellular_ion_concentrations__Ca_i)) / (1.0 + (0.1 * exp(((-0.02433287499616867) * membrane__V)))))
    cdef double sodium_potassium_pump__f_NaK = (1.0 / (1.0 + (0.1245 * exp(((-0.003743519230179796) * membrane__V))) + (0.036533226130519084 * exp(((-0.037435192301797954) * membrane__V)))))
    cdef double sodium_potassium_pump__i_NaK = (46.90477095652173 * sodium_potassium_pump__f_NaK / (1.0 + pow(((10.0 / intracellular_ion_concentrations__Na_i)), 1.5)))
    cdef double background_currents__E_Ca = (13.35641596199269 * log((1.8 / intracellular_ion_concentrations__Ca_i)))
    cdef double background_currents__i_B_Ca = (0.1131 * (membrane__V - background_currents__E_Ca))
    cdef double background_currents__i_B_Na = (0.06744375 * (membrane__V - fast_sodium_current__E_Na))
    cdef double sarcolemmal_calcium_pump_current__i_CaP = (27.500000000000004 * intracellular_ion_concentrations__Ca_i / (0.0005 + intracellular_ion_concentrations__Ca_i))
    cdef double dot__membrane__V = (0.01 * (-(fast_sodium_current__i_Na + time_independent_potassium_current__i_K1 + transient_outward_K_current__i_to + ultrarapid_delayed_rectifier_K_current__i_Kur + rapid_delayed_rectifier_K_current__i_Kr + slow_delayed_rectifier_K_current__i_Ks + background_currents__i_B_Na + background_currents__i_B_Ca + sodium_potassium_pump__i_NaK + sarcolemmal_calcium_pump_current__i_CaP + Na_Ca_exchanger_current__i_NaCa + L_type_Ca_channel__i_Ca_L + (-i_stim * (-100.0)))))
    o[0 * m + c] = fast_sodium_current__i_Na * 0.01
    o[1 * m + c] = L_type_Ca_channel__i_Ca_L * 0.01
    o[2 * m + c] = transient_outward_K_current__i_to * 0.01
    o[3 * m + c] = rapid_delayed_rectifier_K_current__i_Kr * 0.01
    o[4 * m + c] = slow_delayed_rectifier_K_current__i_Ks * 0.01
    o[5 * m + c] = time_independent_potassium_current__i_K1 * 0.01
    o[6 * m + c] = ultrarapid_delayed_rectifier_K_current__i_Kur * 0.01
    o[7 * m + c] = Na_Ca_exchanger_current__i_NaCa * 0.01
    o[8 * m + c] = sodium_potassium_pump__i_NaK * 0.01
    o[9 * m + c] = intracellular_ion_concentrations__Ca_i
    o[10 * m + c] = -dot__membrane__V


include "ionic_api.pxi"
