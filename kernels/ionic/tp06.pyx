# cython: language_level=3
# cardiotwin ionic kernel 'tp06': GENERATED CODE, do not edit by hand.
#
# Cell types (per-cell parameter row 'celltype'):
#   0 = tp06-endo: ten_tusscher_model_2006_endo.cellml (sha256 187fda2dc9e90227)
#   1 = tp06-epi: ten_tusscher_model_2006_epi.cellml (sha256 d878815f7fdf91b8)
#   2 = tp06-m: ten_tusscher_model_2006_M.cellml (sha256 99d48b277b34d883)
# ten Tusscher KHWJ, Panfilov AV (2006). Am J Physiol Heart Circ Physiol 291:H1088-H1100. Three CellML files, one per cell type.
# tp06-endo: Endocardial cell.
# tp06-epi: Epicardial cell.
# tp06-m: M cell.
# Generator: cardiotwin.ionic.codegen version 5.
# Regenerate with: python -m cardiotwin.ionic.shipped
#
# Layout: states[n_states, n_cells] (row 0 = membrane potential), params[n_params, n_cells],
# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): dV/dt = ... - i_stim.
# Integration of tp06-endo:
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
# Lookup-table entries (depend on V only; step_lut): 29
#   rapid_time_dependent_potassium_current_Xr1_gate.Xr1: x_new = E(V) x + Q(V), both tabulated
#   rapid_time_dependent_potassium_current_Xr2_gate.Xr2: x_new = E(V) x + Q(V), both tabulated
#   slow_time_dependent_potassium_current_Xs_gate.Xs: x_new = E(V) x + Q(V), both tabulated
#   fast_sodium_current_m_gate.m: x_new = E(V) x + Q(V), both tabulated
#   fast_sodium_current_h_gate.h: x_new = E(V) x + Q(V), both tabulated
#   fast_sodium_current_j_gate.j: x_new = E(V) x + Q(V), both tabulated
#   L_type_Ca_current_d_gate.d: x_new = E(V) x + Q(V), both tabulated
#   L_type_Ca_current_f_gate.f: x_new = E(V) x + Q(V), both tabulated
#   L_type_Ca_current_f2_gate.f2: x_new = E(V) x + Q(V), both tabulated
#   transient_outward_current_s_gate.s: x_new = E(V) x + Q(V), both tabulated
#   transient_outward_current_r_gate.r: x_new = E(V) x + Q(V), both tabulated
#   lutx__0 = ((membrane__V - 15.0) / (exp((0.07486778164549095 * (membrane__V - 15.0))) - 1.0))
#   lutx__1 = exp((0.07486778164549095 * (membrane__V - 15.0)))
#   lutx__2 = (1.0 / (1.0 + exp((0.16722408026755853 * (25.0 - membrane__V)))))
#   lutx__3 = (1.0 / (1.0 + (0.1 * exp(((-0.024332029034784555) * membrane__V)))))
#   lutx__4 = exp((0.013101861787960915 * membrane__V))
#   lutx__5 = exp(((-0.024332029034784555) * membrane__V))
#   lutx__6 = (1.0 / (1.0 + (0.1245 * exp(((-0.0037433890822745467) * membrane__V))) + (0.0353 * exp((0.03743389082274547 * (-membrane__V))))))

from cython.parallel cimport prange
from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, log10, pow, sin, sqrt, tan
from numerics cimport powi, rush_larsen_ab
from pacing cimport blocktrain_fraction

MODEL_NAME = 'tp06'
STATE_NAMES = ('membrane.V', 'rapid_time_dependent_potassium_current_Xr1_gate.Xr1', 'rapid_time_dependent_potassium_current_Xr2_gate.Xr2', 'slow_time_dependent_potassium_current_Xs_gate.Xs', 'fast_sodium_current_m_gate.m', 'fast_sodium_current_h_gate.h', 'fast_sodium_current_j_gate.j', 'L_type_Ca_current_d_gate.d', 'L_type_Ca_current_f_gate.f', 'L_type_Ca_current_f2_gate.f2', 'L_type_Ca_current_fCass_gate.fCass', 'transient_outward_current_s_gate.s', 'transient_outward_current_r_gate.r', 'calcium_dynamics.Ca_i', 'calcium_dynamics.Ca_SR', 'calcium_dynamics.Ca_ss', 'calcium_dynamics.R_prime', 'sodium_dynamics.Na_i', 'potassium_dynamics.K_i')
STATE_UNITS = ('mV', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', 'mM', 'mM', 'mM', '1', 'mM', 'mM')
INITIAL_STATES = (-86.709, 0.00448, 0.476, 0.0087, 0.00155, 0.7573, 0.7225, 3.164e-05, 0.8009, 0.9778, 0.9953, 0.3212, 2.235e-08, 0.00013, 3.715, 0.00036, 0.9068, 10.355, 138.4)
PARAM_NAMES = ('gNa', 'gCaL', 'gto', 'gKr', 'gKs', 'gK1', 'gNaCa', 'gNaK', 'celltype')
PARAM_UNITS = ('1', '1', '1', '1', '1', '1', '1', '1', '1')
PARAM_DEFAULTS = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0)
PARAM_KINDS = ('scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'scale', 'value')
PARAM_TARGETS = ('fast_sodium_current.g_Na', 'L_type_Ca_current.g_CaL', 'transient_outward_current.g_to', 'rapid_time_dependent_potassium_current.g_Kr', 'slow_time_dependent_potassium_current.g_Ks', 'inward_rectifier_potassium_current.g_K1', 'sodium_calcium_exchanger_current.K_NaCa', 'sodium_potassium_pump_current.P_NaK', 'cell type: 0 = tp06-endo, 1 = tp06-epi, 2 = tp06-m')
RUSH_LARSEN_STATES = ('rapid_time_dependent_potassium_current_Xr1_gate.Xr1', 'rapid_time_dependent_potassium_current_Xr2_gate.Xr2', 'slow_time_dependent_potassium_current_Xs_gate.Xs', 'fast_sodium_current_m_gate.m', 'fast_sodium_current_h_gate.h', 'fast_sodium_current_j_gate.j', 'L_type_Ca_current_d_gate.d', 'L_type_Ca_current_f_gate.f', 'L_type_Ca_current_f2_gate.f2', 'L_type_Ca_current_fCass_gate.fCass', 'transient_outward_current_s_gate.s', 'transient_outward_current_r_gate.r')
FORWARD_EULER_STATES = ('membrane.V', 'calcium_dynamics.Ca_i', 'calcium_dynamics.Ca_SR', 'calcium_dynamics.Ca_ss', 'calcium_dynamics.R_prime', 'sodium_dynamics.Na_i', 'potassium_dynamics.K_i')
BACKWARD_EULER_STATES = ()
EXPONENTIAL_EULER_STATES = ()
STIFF_GROUP_STATES = ()
CURRENT_NAMES = ('INa', 'ICaL', 'Ito', 'IKr', 'IKs', 'IK1', 'INaCa', 'INaK', 'Cai', 'I_ion')
CURRENT_UNITS = ('A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'A/F', 'mM', 'uA/uF')
CURRENT_SOURCES = ('fast_sodium_current.i_Na', 'L_type_Ca_current.i_CaL', 'transient_outward_current.i_to', 'rapid_time_dependent_potassium_current.i_Kr', 'slow_time_dependent_potassium_current.i_Ks', 'inward_rectifier_potassium_current.i_K1', 'sodium_calcium_exchanger_current.i_NaCa', 'sodium_potassium_pump_current.i_NaK', 'calcium_dynamics.Ca_i', '-dV/dt at i_stim=0')
# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file
DEFAULT_STIMULUS = (-52.0, 1.0)
VOLTAGE_UNIT = 'mV'
LUT_ENTRIES = ('lutx__0', 'lutx__1', 'lutx__2', 'lutx__3', 'lutx__4', 'lutx__5', 'lutx__6', 'rlE__rapid_time_dependent_potassium_current_Xr1_gate__Xr1', 'rlQ__rapid_time_dependent_potassium_current_Xr1_gate__Xr1', 'rlE__rapid_time_dependent_potassium_current_Xr2_gate__Xr2', 'rlQ__rapid_time_dependent_potassium_current_Xr2_gate__Xr2', 'rlE__slow_time_dependent_potassium_current_Xs_gate__Xs', 'rlQ__slow_time_dependent_potassium_current_Xs_gate__Xs', 'rlE__fast_sodium_current_m_gate__m', 'rlQ__fast_sodium_current_m_gate__m', 'rlE__fast_sodium_current_h_gate__h', 'rlQ__fast_sodium_current_h_gate__h', 'rlE__fast_sodium_current_j_gate__j', 'rlQ__fast_sodium_current_j_gate__j', 'rlE__L_type_Ca_current_d_gate__d', 'rlQ__L_type_Ca_current_d_gate__d', 'rlE__L_type_Ca_current_f_gate__f', 'rlQ__L_type_Ca_current_f_gate__f', 'rlE__L_type_Ca_current_f2_gate__f2', 'rlQ__L_type_Ca_current_f2_gate__f2', 'rlE__transient_outward_current_s_gate__s', 'rlQ__transient_outward_current_s_gate__s', 'rlE__transient_outward_current_r_gate__r', 'rlQ__transient_outward_current_r_gate__r')
LUT_DEFAULT_RANGE = (-100.0, 100.0, 0.05)
# Cell types sharing this kernel (index = position): registry name, value of the
# cell-type parameter row, initial states and default stimulus of each
VARIANT_PARAM = 'celltype'
VARIANT_NAMES = ('tp06-endo', 'tp06-epi', 'tp06-m')
VARIANT_VALUES = (0.0, 1.0, 2.0)
VARIANT_INITIAL_STATES = (
    (-86.709, 0.00448, 0.476, 0.0087, 0.00155, 0.7573, 0.7225, 3.164e-05, 0.8009, 0.9778, 0.9953, 0.3212, 2.235e-08, 0.00013, 3.715, 0.00036, 0.9068, 10.355, 138.4),
    (-85.23, 0.00621, 0.4712, 0.0095, 0.00172, 0.7444, 0.7045, 3.373e-05, 0.7888, 0.9755, 0.9953, 0.999998, 2.42e-08, 0.000126, 3.64, 0.00036, 0.9073, 8.604, 136.89),
    (-85.423, 0.0165, 0.473, 0.0174, 0.00165, 0.749, 0.6788, 3.288e-05, 0.7026, 0.9526, 0.9942, 0.999998, 2.347e-08, 0.000153, 4.272, 0.00042, 0.8978, 10.132, 138.52),
)
VARIANT_DEFAULT_STIMULUS = ((-52.0, 1.0), (-52.0, 1.0), (-52.0, 1.0))
VARIANT_PARAM_TARGETS = (
    ('fast_sodium_current.g_Na', 'L_type_Ca_current.g_CaL', 'transient_outward_current.g_to', 'rapid_time_dependent_potassium_current.g_Kr', 'slow_time_dependent_potassium_current.g_Ks', 'inward_rectifier_potassium_current.g_K1', 'sodium_calcium_exchanger_current.K_NaCa', 'sodium_potassium_pump_current.P_NaK'),
    ('fast_sodium_current.g_Na', 'L_type_Ca_current.g_CaL', 'transient_outward_current.g_to', 'rapid_time_dependent_potassium_current.g_Kr_total', 'slow_time_dependent_potassium_current.g_Ks', 'inward_rectifier_potassium_current.g_K1_total', 'sodium_calcium_exchanger_current.K_NaCa', 'sodium_potassium_pump_current.P_NaK'),
    ('fast_sodium_current.g_Na', 'L_type_Ca_current.g_CaL', 'transient_outward_current.g_to', 'rapid_time_dependent_potassium_current.g_Kr', 'slow_time_dependent_potassium_current.g_Ks', 'inward_rectifier_potassium_current.g_K1', 'sodium_calcium_exchanger_current.K_NaCa', 'sodium_potassium_pump_current.P_NaK'),
)
cdef Py_ssize_t N_STATES_C = 19
cdef Py_ssize_t N_LUT_C = 29
cdef Py_ssize_t N_PARAMS_C = 9
N_STATES = len(STATE_NAMES)
N_PARAMS = len(PARAM_NAMES)
N_LUT = len(LUT_ENTRIES)
N_VARIANTS = max(len(VARIANT_NAMES), 1)

# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and
# vectorised by the C compiler (SIMD exp/log from the C library where it has them).
cdef enum:
    CHUNK = 32
    NS = 19
    NP = 9
    NL = 29
    LANES = 8
    NV = 3
    VROW = 8

# The cell loop over one chunk, in C, written once with the cell type as an argument
# and compiled once per cell type (the argument constant), for several instruction
# sets where the compiler supports target_clones (see kernels/common/ionic_chunk.h).
cdef extern from *:
    """
    #include "ionic_chunk.h"
    static inline __attribute__((always_inline)) void ct_chunk_body(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const int variant)
    {
        double out[608];
        (void)t;
        (void)p;
        (void)variant;
        for (int jb = 0; jb < nj; jb += 8) {
            for (int j = jb; j < jb + 8; ++j) {
                const double i_stim = ist[j];
                const double membrane__V = s[0 * ld + j];
                const double rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = s[1 * ld + j];
                const double rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = s[2 * ld + j];
                const double slow_time_dependent_potassium_current_Xs_gate__Xs = s[3 * ld + j];
                const double fast_sodium_current_m_gate__m = s[4 * ld + j];
                const double fast_sodium_current_h_gate__h = s[5 * ld + j];
                const double fast_sodium_current_j_gate__j = s[6 * ld + j];
                const double L_type_Ca_current_d_gate__d = s[7 * ld + j];
                const double L_type_Ca_current_f_gate__f = s[8 * ld + j];
                const double L_type_Ca_current_f2_gate__f2 = s[9 * ld + j];
                const double L_type_Ca_current_fCass_gate__fCass = s[10 * ld + j];
                const double transient_outward_current_s_gate__s = s[11 * ld + j];
                const double transient_outward_current_r_gate__r = s[12 * ld + j];
                const double calcium_dynamics__Ca_i = s[13 * ld + j];
                const double calcium_dynamics__Ca_SR = s[14 * ld + j];
                const double calcium_dynamics__Ca_ss = s[15 * ld + j];
                const double calcium_dynamics__R_prime = s[16 * ld + j];
                const double sodium_dynamics__Na_i = s[17 * ld + j];
                const double potassium_dynamics__K_i = s[18 * ld + j];
                const double cardiotwin_parameters__gNa = p[0 * ld + j];
                const double cardiotwin_parameters__gCaL = p[1 * ld + j];
                const double cardiotwin_parameters__gto = p[2 * ld + j];
                const double cardiotwin_parameters__gKr = p[3 * ld + j];
                const double cardiotwin_parameters__gKs = p[4 * ld + j];
                const double cardiotwin_parameters__gK1 = p[5 * ld + j];
                const double cardiotwin_parameters__gNaCa = p[6 * ld + j];
                const double cardiotwin_parameters__gNaK = p[7 * ld + j];
                const double L_type_Ca_current__g_CaL = (3.98e-05 * cardiotwin_parameters__gCaL);
                const double L_type_Ca_current__temp = (((membrane__V < 14.999) | (membrane__V > 15.001)) ? ((membrane__V - 15.0) * ((0.25 * calcium_dynamics__Ca_ss * exp((0.07486778164549095 * (membrane__V - 15.0)))) - 2.0) / (exp((0.07486778164549095 * (membrane__V - 15.0))) - 1.0)) : (0.5 * ((13.357380336089031 * ((0.24998128375521925 * calcium_dynamics__Ca_ss) - 2.0)) + (13.356380336103546 * ((0.2500187176460769 * calcium_dynamics__Ca_ss) - 2.0)))));
                const double L_type_Ca_current__i_CaL = (14447.286958825252 * L_type_Ca_current__temp * L_type_Ca_current__g_CaL * L_type_Ca_current_d_gate__d * L_type_Ca_current_f_gate__f * L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_fCass_gate__fCass);
                const double reversal_potentials__E_Ca = (13.356880329847824 * log((2.0 / calcium_dynamics__Ca_i)));
                const double calcium_background_current__i_b_Ca = (0.000592 * (membrane__V - reversal_potentials__E_Ca));
                const double calcium_pump_current__i_p_Ca = (0.1238 * calcium_dynamics__Ca_i / (calcium_dynamics__Ca_i + 0.0005));
                const double fast_sodium_current__g_Na = (14.838 * cardiotwin_parameters__gNa);
                const double reversal_potentials__E_Na = (26.713760659695648 * log((140.0 / sodium_dynamics__Na_i)));
                const double fast_sodium_current__i_Na = (fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - reversal_potentials__E_Na));
                const double inward_rectifier_potassium_current__g_K1_total = (5.405 * cardiotwin_parameters__gK1);
                const double inward_rectifier_potassium_current__g_K1 = (5.405 * cardiotwin_parameters__gK1);
                const double reversal_potentials__E_K = (26.713760659695648 * log((5.4 / potassium_dynamics__K_i)));
                const double inward_rectifier_potassium_current__alpha_K1 = (0.1 / (1.0 + exp((0.06 * (membrane__V - reversal_potentials__E_K - 200.0)))));
                const double inward_rectifier_potassium_current__beta_K1 = (((3.0 * exp((0.0002 * (membrane__V - reversal_potentials__E_K + 100.0)))) + exp((0.1 * (membrane__V - reversal_potentials__E_K - 10.0)))) / (1.0 + exp(((-0.5) * (membrane__V - reversal_potentials__E_K)))));
                const double inward_rectifier_potassium_current__xK1_inf = (inward_rectifier_potassium_current__alpha_K1 / (inward_rectifier_potassium_current__alpha_K1 + inward_rectifier_potassium_current__beta_K1));
                const double inward_rectifier_potassium_current__i_K1 = ((variant == 0 || variant == 2) ? ((inward_rectifier_potassium_current__g_K1 * inward_rectifier_potassium_current__xK1_inf * (membrane__V - reversal_potentials__E_K))) : ((inward_rectifier_potassium_current__g_K1_total * inward_rectifier_potassium_current__xK1_inf * (membrane__V - reversal_potentials__E_K))));
                const double potassium_pump_current__i_p_K = (0.0146 * (membrane__V - reversal_potentials__E_K) / (1.0 + exp((0.16722408026755853 * (25.0 - membrane__V)))));
                const double rapid_time_dependent_potassium_current__g_Kr_total = (0.153 * cardiotwin_parameters__gKr);
                const double rapid_time_dependent_potassium_current__g_Kr = (0.153 * cardiotwin_parameters__gKr);
                const double rapid_time_dependent_potassium_current__i_Kr = ((variant == 0 || variant == 2) ? ((rapid_time_dependent_potassium_current__g_Kr * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K))) : ((rapid_time_dependent_potassium_current__g_Kr_total * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K))));
                const double reversal_potentials__E_Ks = (26.713760659695648 * log((9.600000000000001 / (potassium_dynamics__K_i + (0.03 * sodium_dynamics__Na_i)))));
                const double slow_time_dependent_potassium_current__g_Ks = ((variant == 0 || variant == 1) ? ((0.392 * cardiotwin_parameters__gKs)) : ((0.098 * cardiotwin_parameters__gKs)));
                const double slow_time_dependent_potassium_current__i_Ks = (slow_time_dependent_potassium_current__g_Ks * ((slow_time_dependent_potassium_current_Xs_gate__Xs) * (slow_time_dependent_potassium_current_Xs_gate__Xs)) * (membrane__V - reversal_potentials__E_Ks));
                const double sodium_background_current__i_b_Na = (0.00029 * (membrane__V - reversal_potentials__E_Na));
                const double sodium_calcium_exchanger_current__K_NaCa = (1000.0 * cardiotwin_parameters__gNaCa);
                const double sodium_calcium_exchanger_current__i_NaCa = (8.666220229942447e-08 * sodium_calcium_exchanger_current__K_NaCa * ((2.0 * exp((0.013101861787960915 * membrane__V)) * ((sodium_dynamics__Na_i) * (sodium_dynamics__Na_i) * (sodium_dynamics__Na_i))) - (6860000.0 * exp(((-0.024332029034784555) * membrane__V)) * calcium_dynamics__Ca_i)) / (1.0 + (0.1 * exp(((-0.024332029034784555) * membrane__V)))));
                const double sodium_potassium_pump_current__P_NaK = (2.724 * cardiotwin_parameters__gNaK);
                const double sodium_potassium_pump_current__i_NaK = (0.84375 * sodium_potassium_pump_current__P_NaK * sodium_dynamics__Na_i / ((sodium_dynamics__Na_i + 40.0) * (1.0 + (0.1245 * exp(((-0.0037433890822745467) * membrane__V))) + (0.0353 * exp((0.03743389082274547 * (-membrane__V)))))));
                const double transient_outward_current__g_to = ((variant == 0) ? ((0.073 * cardiotwin_parameters__gto)) : ((0.294 * cardiotwin_parameters__gto)));
                const double transient_outward_current__i_to = (transient_outward_current__g_to * transient_outward_current_r_gate__r * transient_outward_current_s_gate__s * (membrane__V - reversal_potentials__E_K));
                const double dot__membrane__V = ((variant == 0 || variant == 1) ? (((-1.0) * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + i_stim))) : (-(inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + i_stim)));
                const double rapid_time_dependent_potassium_current_Xr1_gate__alpha_xr1 = (450.0 / (1.0 + exp((0.1 * ((-45.0) - membrane__V)))));
                const double rapid_time_dependent_potassium_current_Xr1_gate__beta_xr1 = (6.0 / (1.0 + exp((0.08695652173913043 * (membrane__V + 30.0)))));
                const double rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1 = (rapid_time_dependent_potassium_current_Xr1_gate__alpha_xr1 * rapid_time_dependent_potassium_current_Xr1_gate__beta_xr1);
                const double rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf = (1.0 / (1.0 + exp((0.14285714285714285 * ((-26.0) - membrane__V)))));
                const double dot__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = ((rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf - rapid_time_dependent_potassium_current_Xr1_gate__Xr1) / rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1);
                const double rapid_time_dependent_potassium_current_Xr2_gate__alpha_xr2 = (3.0 / (1.0 + exp((0.05 * ((-60.0) - membrane__V)))));
                const double rapid_time_dependent_potassium_current_Xr2_gate__beta_xr2 = (1.12 / (1.0 + exp((0.05 * (membrane__V - 60.0)))));
                const double rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2 = (rapid_time_dependent_potassium_current_Xr2_gate__alpha_xr2 * rapid_time_dependent_potassium_current_Xr2_gate__beta_xr2);
                const double rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf = (1.0 / (1.0 + exp((0.041666666666666664 * (membrane__V + 88.0)))));
                const double dot__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = ((rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf - rapid_time_dependent_potassium_current_Xr2_gate__Xr2) / rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2);
                const double slow_time_dependent_potassium_current_Xs_gate__alpha_xs = (1400.0 / sqrt(1.0 + exp((0.16666666666666666 * (5.0 - membrane__V)))));
                const double slow_time_dependent_potassium_current_Xs_gate__beta_xs = (1.0 / (1.0 + exp((0.06666666666666667 * (membrane__V - 35.0)))));
                const double slow_time_dependent_potassium_current_Xs_gate__tau_xs = (slow_time_dependent_potassium_current_Xs_gate__alpha_xs * slow_time_dependent_potassium_current_Xs_gate__beta_xs) + 80.0;
                const double slow_time_dependent_potassium_current_Xs_gate__xs_inf = (1.0 / (1.0 + exp((0.07142857142857142 * ((-5.0) - membrane__V)))));
                const double dot__slow_time_dependent_potassium_current_Xs_gate__Xs = ((slow_time_dependent_potassium_current_Xs_gate__xs_inf - slow_time_dependent_potassium_current_Xs_gate__Xs) / slow_time_dependent_potassium_current_Xs_gate__tau_xs);
                const double fast_sodium_current_m_gate__m_inf = (1.0 / ((1.0 + exp((0.1107419712070875 * ((-56.86) - membrane__V)))) * (1.0 + exp((0.1107419712070875 * ((-56.86) - membrane__V))))));
                const double fast_sodium_current_m_gate__alpha_m = (1.0 / (1.0 + exp((0.2 * ((-60.0) - membrane__V)))));
                const double fast_sodium_current_m_gate__beta_m = (0.1 / (1.0 + exp((0.2 * (membrane__V + 35.0))))) + (0.1 / (1.0 + exp((0.005 * (membrane__V - 50.0)))));
                const double fast_sodium_current_m_gate__tau_m = (fast_sodium_current_m_gate__alpha_m * fast_sodium_current_m_gate__beta_m);
                const double dot__fast_sodium_current_m_gate__m = ((fast_sodium_current_m_gate__m_inf - fast_sodium_current_m_gate__m) / fast_sodium_current_m_gate__tau_m);
                const double fast_sodium_current_h_gate__h_inf = (1.0 / ((1.0 + exp((0.13458950201884254 * (membrane__V + 71.55 - 0.0)))) * (1.0 + exp((0.13458950201884254 * (membrane__V + 71.55 - 0.0)))))) + 0.0;
                const double fast_sodium_current_h_gate__alpha_h = ((membrane__V < (-40.0)) ? (0.057 * exp((0.14705882352941177 * (-(membrane__V + 80.0 - 0.0))))) : 0.0);
                const double fast_sodium_current_h_gate__beta_h = ((membrane__V < (-40.0)) ? (2.7 * exp((0.079 * (membrane__V - 0.0)))) + (310000.0 * exp((0.3485 * (membrane__V - 0.0)))) : (5.923076923076923 / (1.0 + exp(((-0.0900900900900901) * (membrane__V + 10.66 - 0.0))))));
                const double fast_sodium_current_h_gate__tau_h = (1.0 / (fast_sodium_current_h_gate__alpha_h + fast_sodium_current_h_gate__beta_h));
                const double dot__fast_sodium_current_h_gate__h = ((fast_sodium_current_h_gate__h_inf - fast_sodium_current_h_gate__h) / fast_sodium_current_h_gate__tau_h);
                const double fast_sodium_current_j_gate__j_inf = (1.0 / ((1.0 + exp((0.13458950201884254 * (membrane__V + 71.55 - 0.0)))) * (1.0 + exp((0.13458950201884254 * (membrane__V + 71.55 - 0.0)))))) + 0.0;
                const double fast_sodium_current_j_gate__alpha_j = ((membrane__V < (-40.0)) ? ((((-25428.0) * exp((0.2444 * (membrane__V - 0.0)))) - (6.948e-06 * exp(((-0.04391) * (membrane__V - 0.0))))) * (membrane__V + 37.78) / (1.0 + exp((0.311 * (membrane__V + 79.23 - 0.0))))) : 0.0);
                const double fast_sodium_current_j_gate__beta_j = ((membrane__V < (-40.0)) ? (0.02424 * exp(((-0.01052) * (membrane__V - 0.0))) / (1.0 + exp(((-0.1378) * (membrane__V + 40.14 - 0.0))))) : (0.6 * exp((0.057 * (membrane__V - 0.0))) / (1.0 + exp(((-0.1) * (membrane__V + 32.0 - 0.0))))));
                const double fast_sodium_current_j_gate__tau_j = (1.0 / (fast_sodium_current_j_gate__alpha_j + fast_sodium_current_j_gate__beta_j));
                const double dot__fast_sodium_current_j_gate__j = ((fast_sodium_current_j_gate__j_inf - fast_sodium_current_j_gate__j) / fast_sodium_current_j_gate__tau_j);
                const double L_type_Ca_current_d_gate__d_inf = (1.0 / (1.0 + exp((0.13333333333333333 * ((-8.0) - membrane__V)))));
                const double L_type_Ca_current_d_gate__alpha_d = (1.4 / (1.0 + exp((0.07692307692307693 * ((-35.0) - membrane__V))))) + 0.25;
                const double L_type_Ca_current_d_gate__beta_d = (1.4 / (1.0 + exp((0.2 * (membrane__V + 5.0)))));
                const double L_type_Ca_current_d_gate__gamma_d = (1.0 / (1.0 + exp((0.05 * (50.0 - membrane__V)))));
                const double L_type_Ca_current_d_gate__tau_d = (L_type_Ca_current_d_gate__alpha_d * L_type_Ca_current_d_gate__beta_d) + L_type_Ca_current_d_gate__gamma_d;
                const double dot__L_type_Ca_current_d_gate__d = ((L_type_Ca_current_d_gate__d_inf - L_type_Ca_current_d_gate__d) / L_type_Ca_current_d_gate__tau_d);
                const double L_type_Ca_current_f_gate__f_inf = (1.0 / (1.0 + exp((0.14285714285714285 * (membrane__V + 20.0)))));
                const double L_type_Ca_current_f_gate__tau_f = (1102.5 * exp((0.0044444444444444444 * (-((membrane__V + 27.0) * (membrane__V + 27.0)))))) + (200.0 / (1.0 + exp((0.1 * (13.0 - membrane__V))))) + (180.0 / (1.0 + exp((0.1 * (membrane__V + 30.0))))) + 20.0;
                const double dot__L_type_Ca_current_f_gate__f = ((L_type_Ca_current_f_gate__f_inf - L_type_Ca_current_f_gate__f) / L_type_Ca_current_f_gate__tau_f);
                const double L_type_Ca_current_f2_gate__f2_inf = (0.67 / (1.0 + exp((0.14285714285714285 * (membrane__V + 35.0))))) + 0.33;
                const double L_type_Ca_current_f2_gate__tau_f2 = (562.0 * exp((0.004166666666666667 * (-((membrane__V + 27.0) * (membrane__V + 27.0)))))) + (31.0 / (1.0 + exp((0.1 * (25.0 - membrane__V))))) + (80.0 / (1.0 + exp((0.1 * (membrane__V + 30.0)))));
                const double dot__L_type_Ca_current_f2_gate__f2 = ((L_type_Ca_current_f2_gate__f2_inf - L_type_Ca_current_f2_gate__f2) / L_type_Ca_current_f2_gate__tau_f2);
                const double L_type_Ca_current_fCass_gate__fCass_inf = (0.6 / (1.0 + (((20.0 * calcium_dynamics__Ca_ss)) * ((20.0 * calcium_dynamics__Ca_ss))))) + 0.4;
                const double L_type_Ca_current_fCass_gate__tau_fCass = (80.0 / (1.0 + (((20.0 * calcium_dynamics__Ca_ss)) * ((20.0 * calcium_dynamics__Ca_ss))))) + 2.0;
                const double dot__L_type_Ca_current_fCass_gate__fCass = ((L_type_Ca_current_fCass_gate__fCass_inf - L_type_Ca_current_fCass_gate__fCass) / L_type_Ca_current_fCass_gate__tau_fCass);
                const double transient_outward_current_s_gate__s_inf = ((variant == 0) ? ((1.0 / (1.0 + exp((0.2 * (membrane__V + 28.0)))))) : ((1.0 / (1.0 + exp((0.2 * (membrane__V + 20.0)))))));
                const double transient_outward_current_s_gate__tau_s = ((variant == 0) ? ((1000.0 * exp((0.001 * (-((membrane__V + 67.0) * (membrane__V + 67.0)))))) + 8.0) : ((85.0 * exp((0.003125 * (-((membrane__V + 45.0) * (membrane__V + 45.0)))))) + (5.0 / (1.0 + exp((0.2 * (membrane__V - 20.0))))) + 3.0));
                const double dot__transient_outward_current_s_gate__s = ((transient_outward_current_s_gate__s_inf - transient_outward_current_s_gate__s) / transient_outward_current_s_gate__tau_s);
                const double transient_outward_current_r_gate__r_inf = (1.0 / (1.0 + exp((0.16666666666666666 * (20.0 - membrane__V)))));
                const double transient_outward_current_r_gate__tau_r = (9.5 * exp((0.0005555555555555556 * (-((membrane__V + 40.0) * (membrane__V + 40.0)))))) + 0.8;
                const double dot__transient_outward_current_r_gate__r = ((transient_outward_current_r_gate__r_inf - transient_outward_current_r_gate__r) / transient_outward_current_r_gate__tau_r);
                const double calcium_dynamics__Ca_i_bufc = (1.0 / (1.0 + (0.0002 / ((calcium_dynamics__Ca_i + 0.001) * (calcium_dynamics__Ca_i + 0.001)))));
                const double calcium_dynamics__i_leak = (0.00036 * (calcium_dynamics__Ca_SR - calcium_dynamics__Ca_i));
                const double calcium_dynamics__i_up = (0.006375 / (1.0 + (6.25e-08 / ((calcium_dynamics__Ca_i) * (calcium_dynamics__Ca_i)))));
                const double calcium_dynamics__i_xfer = (0.0038 * (calcium_dynamics__Ca_ss - calcium_dynamics__Ca_i));
                const double dot__calcium_dynamics__Ca_i = (calcium_dynamics__Ca_i_bufc * ((0.06669105096317972 * (calcium_dynamics__i_leak - calcium_dynamics__i_up)) + calcium_dynamics__i_xfer - (5.844274872200971e-05 * (calcium_background_current__i_b_Ca + calcium_pump_current__i_p_Ca - (2.0 * sodium_calcium_exchanger_current__i_NaCa)))));
                const double calcium_dynamics__Ca_sr_bufsr = (1.0 / (1.0 + (3.0 / ((calcium_dynamics__Ca_SR + 0.3) * (calcium_dynamics__Ca_SR + 0.3)))));
                const double calcium_dynamics__kcasr = 2.5 - (1.5 / (1.0 + (((1.5 / calcium_dynamics__Ca_SR)) * ((1.5 / calcium_dynamics__Ca_SR)))));
                const double calcium_dynamics__k1 = (0.15 / calcium_dynamics__kcasr);
                const double calcium_dynamics__O = (calcium_dynamics__k1 * ((calcium_dynamics__Ca_ss) * (calcium_dynamics__Ca_ss)) * calcium_dynamics__R_prime / (0.06 + (calcium_dynamics__k1 * ((calcium_dynamics__Ca_ss) * (calcium_dynamics__Ca_ss)))));
                const double calcium_dynamics__i_rel = (0.102 * calcium_dynamics__O * (calcium_dynamics__Ca_SR - calcium_dynamics__Ca_ss));
                const double dot__calcium_dynamics__Ca_SR = (calcium_dynamics__Ca_sr_bufsr * (calcium_dynamics__i_up - (calcium_dynamics__i_rel + calcium_dynamics__i_leak)));
                const double calcium_dynamics__Ca_ss_bufss = (1.0 / (1.0 + (0.0001 / ((calcium_dynamics__Ca_ss + 0.00025) * (calcium_dynamics__Ca_ss + 0.00025)))));
                const double dot__calcium_dynamics__Ca_ss = (calcium_dynamics__Ca_ss_bufss * (((-0.017532824616602913) * L_type_Ca_current__i_CaL) + (20.00731528895391 * calcium_dynamics__i_rel) - (300.0 * calcium_dynamics__i_xfer)));
                const double calcium_dynamics__k2 = (0.045 * calcium_dynamics__kcasr);
                const double dot__calcium_dynamics__R_prime = ((-calcium_dynamics__k2) * calcium_dynamics__Ca_ss * calcium_dynamics__R_prime) + (0.005 * (1.0 - calcium_dynamics__R_prime));
                const double dot__sodium_dynamics__Na_i = ((-0.00011688549744401942) * (fast_sodium_current__i_Na + sodium_background_current__i_b_Na + (3.0 * sodium_potassium_pump_current__i_NaK) + (3.0 * sodium_calcium_exchanger_current__i_NaCa)));
                const double dot__potassium_dynamics__K_i = ((-0.00011688549744401942) * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + potassium_pump_current__i_p_K + i_stim - (2.0 * sodium_potassium_pump_current__i_NaK)));
                out[0 + j] = membrane__V + dt * dot__membrane__V;
                const double rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = -(1.0 / (rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1));
                out[32 + j] = ct_rush_larsen_ab(rapid_time_dependent_potassium_current_Xr1_gate__Xr1, dot__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 - rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr1_gate__Xr1, rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1, dt);
                const double rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = -(1.0 / (rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2));
                out[64 + j] = ct_rush_larsen_ab(rapid_time_dependent_potassium_current_Xr2_gate__Xr2, dot__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 - rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2, rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2, dt);
                const double rlb__slow_time_dependent_potassium_current_Xs_gate__Xs = -(1.0 / (slow_time_dependent_potassium_current_Xs_gate__tau_xs));
                out[96 + j] = ct_rush_larsen_ab(slow_time_dependent_potassium_current_Xs_gate__Xs, dot__slow_time_dependent_potassium_current_Xs_gate__Xs - rlb__slow_time_dependent_potassium_current_Xs_gate__Xs * slow_time_dependent_potassium_current_Xs_gate__Xs, rlb__slow_time_dependent_potassium_current_Xs_gate__Xs, dt);
                const double rlb__fast_sodium_current_m_gate__m = -(1.0 / (fast_sodium_current_m_gate__tau_m));
                out[128 + j] = ct_rush_larsen_ab(fast_sodium_current_m_gate__m, dot__fast_sodium_current_m_gate__m - rlb__fast_sodium_current_m_gate__m * fast_sodium_current_m_gate__m, rlb__fast_sodium_current_m_gate__m, dt);
                const double rlb__fast_sodium_current_h_gate__h = -(1.0 / (fast_sodium_current_h_gate__tau_h));
                out[160 + j] = ct_rush_larsen_ab(fast_sodium_current_h_gate__h, dot__fast_sodium_current_h_gate__h - rlb__fast_sodium_current_h_gate__h * fast_sodium_current_h_gate__h, rlb__fast_sodium_current_h_gate__h, dt);
                const double rlb__fast_sodium_current_j_gate__j = -(1.0 / (fast_sodium_current_j_gate__tau_j));
                out[192 + j] = ct_rush_larsen_ab(fast_sodium_current_j_gate__j, dot__fast_sodium_current_j_gate__j - rlb__fast_sodium_current_j_gate__j * fast_sodium_current_j_gate__j, rlb__fast_sodium_current_j_gate__j, dt);
                const double rlb__L_type_Ca_current_d_gate__d = -(1.0 / (L_type_Ca_current_d_gate__tau_d));
                out[224 + j] = ct_rush_larsen_ab(L_type_Ca_current_d_gate__d, dot__L_type_Ca_current_d_gate__d - rlb__L_type_Ca_current_d_gate__d * L_type_Ca_current_d_gate__d, rlb__L_type_Ca_current_d_gate__d, dt);
                const double rlb__L_type_Ca_current_f_gate__f = -(1.0 / (L_type_Ca_current_f_gate__tau_f));
                out[256 + j] = ct_rush_larsen_ab(L_type_Ca_current_f_gate__f, dot__L_type_Ca_current_f_gate__f - rlb__L_type_Ca_current_f_gate__f * L_type_Ca_current_f_gate__f, rlb__L_type_Ca_current_f_gate__f, dt);
                const double rlb__L_type_Ca_current_f2_gate__f2 = -(1.0 / (L_type_Ca_current_f2_gate__tau_f2));
                out[288 + j] = ct_rush_larsen_ab(L_type_Ca_current_f2_gate__f2, dot__L_type_Ca_current_f2_gate__f2 - rlb__L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_f2_gate__f2, rlb__L_type_Ca_current_f2_gate__f2, dt);
                const double rlb__L_type_Ca_current_fCass_gate__fCass = -(1.0 / (L_type_Ca_current_fCass_gate__tau_fCass));
                out[320 + j] = ct_rush_larsen_ab(L_type_Ca_current_fCass_gate__fCass, dot__L_type_Ca_current_fCass_gate__fCass - rlb__L_type_Ca_current_fCass_gate__fCass * L_type_Ca_current_fCass_gate__fCass, rlb__L_type_Ca_current_fCass_gate__fCass, dt);
                const double rlb__transient_outward_current_s_gate__s = -(1.0 / (transient_outward_current_s_gate__tau_s));
                out[352 + j] = ct_rush_larsen_ab(transient_outward_current_s_gate__s, dot__transient_outward_current_s_gate__s - rlb__transient_outward_current_s_gate__s * transient_outward_current_s_gate__s, rlb__transient_outward_current_s_gate__s, dt);
                const double rlb__transient_outward_current_r_gate__r = -(1.0 / (transient_outward_current_r_gate__tau_r));
                out[384 + j] = ct_rush_larsen_ab(transient_outward_current_r_gate__r, dot__transient_outward_current_r_gate__r - rlb__transient_outward_current_r_gate__r * transient_outward_current_r_gate__r, rlb__transient_outward_current_r_gate__r, dt);
                out[416 + j] = calcium_dynamics__Ca_i + dt * dot__calcium_dynamics__Ca_i;
                out[448 + j] = calcium_dynamics__Ca_SR + dt * dot__calcium_dynamics__Ca_SR;
                out[480 + j] = calcium_dynamics__Ca_ss + dt * dot__calcium_dynamics__Ca_ss;
                out[512 + j] = calcium_dynamics__R_prime + dt * dot__calcium_dynamics__R_prime;
                out[544 + j] = sodium_dynamics__Na_i + dt * dot__sodium_dynamics__Na_i;
                out[576 + j] = potassium_dynamics__K_i + dt * dot__potassium_dynamics__K_i;
                (void)i_stim;
            }
        }
        for (int k = 0; k < 19; ++k)
            for (int j = 0; j < nj; ++j)
                s[k * ld + j] = out[k * 32 + j];
    }

    static inline __attribute__((always_inline)) void ct_chunk_lut_body(int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, double t, double dt, const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv, const int variant)
    {
        double out[608];
        const double xmax_lut = n_rows - 1.000001;
        (void)t;
        (void)p;
        (void)variant;
        for (int jb = 0; jb < nj; jb += 8) {
            for (int j = jb; j < jb + 8; ++j) {
                const double i_stim = ist[j];
                const double membrane__V = s[0 * ld + j];
                const double rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = s[1 * ld + j];
                const double rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = s[2 * ld + j];
                const double slow_time_dependent_potassium_current_Xs_gate__Xs = s[3 * ld + j];
                const double fast_sodium_current_m_gate__m = s[4 * ld + j];
                const double fast_sodium_current_h_gate__h = s[5 * ld + j];
                const double fast_sodium_current_j_gate__j = s[6 * ld + j];
                const double L_type_Ca_current_d_gate__d = s[7 * ld + j];
                const double L_type_Ca_current_f_gate__f = s[8 * ld + j];
                const double L_type_Ca_current_f2_gate__f2 = s[9 * ld + j];
                const double L_type_Ca_current_fCass_gate__fCass = s[10 * ld + j];
                const double transient_outward_current_s_gate__s = s[11 * ld + j];
                const double transient_outward_current_r_gate__r = s[12 * ld + j];
                const double calcium_dynamics__Ca_i = s[13 * ld + j];
                const double calcium_dynamics__Ca_SR = s[14 * ld + j];
                const double calcium_dynamics__Ca_ss = s[15 * ld + j];
                const double calcium_dynamics__R_prime = s[16 * ld + j];
                const double sodium_dynamics__Na_i = s[17 * ld + j];
                const double potassium_dynamics__K_i = s[18 * ld + j];
                const double cardiotwin_parameters__gNa = p[0 * ld + j];
                const double cardiotwin_parameters__gCaL = p[1 * ld + j];
                const double cardiotwin_parameters__gto = p[2 * ld + j];
                const double cardiotwin_parameters__gKr = p[3 * ld + j];
                const double cardiotwin_parameters__gKs = p[4 * ld + j];
                const double cardiotwin_parameters__gK1 = p[5 * ld + j];
                const double cardiotwin_parameters__gNaCa = p[6 * ld + j];
                const double cardiotwin_parameters__gNaK = p[7 * ld + j];
                const double x_lut0 = (membrane__V - vmin) * inv_dv;
                const double x_lut1 = x_lut0 > 0.0 ? x_lut0 : 0.0;
                const double x_lut = x_lut1 < xmax_lut ? x_lut1 : xmax_lut;
                const int i_lut = (int)x_lut;
                const double w_lut = x_lut - i_lut;
                const int o_lut = 29 * i_lut;
                const double lutx__0 = lut[o_lut + 0] + w_lut * (lut[o_lut + 29] - lut[o_lut + 0]);
                const double lutx__1 = lut[o_lut + 1] + w_lut * (lut[o_lut + 30] - lut[o_lut + 1]);
                const double lutx__2 = lut[o_lut + 2] + w_lut * (lut[o_lut + 31] - lut[o_lut + 2]);
                const double lutx__3 = lut[o_lut + 3] + w_lut * (lut[o_lut + 32] - lut[o_lut + 3]);
                const double lutx__4 = lut[o_lut + 4] + w_lut * (lut[o_lut + 33] - lut[o_lut + 4]);
                const double lutx__5 = lut[o_lut + 5] + w_lut * (lut[o_lut + 34] - lut[o_lut + 5]);
                const double lutx__6 = lut[o_lut + 6] + w_lut * (lut[o_lut + 35] - lut[o_lut + 6]);
                const double rlE__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = lut[o_lut + 7] + w_lut * (lut[o_lut + 36] - lut[o_lut + 7]);
                const double rlQ__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = lut[o_lut + 8] + w_lut * (lut[o_lut + 37] - lut[o_lut + 8]);
                const double rlE__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = lut[o_lut + 9] + w_lut * (lut[o_lut + 38] - lut[o_lut + 9]);
                const double rlQ__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = lut[o_lut + 10] + w_lut * (lut[o_lut + 39] - lut[o_lut + 10]);
                const double rlE__slow_time_dependent_potassium_current_Xs_gate__Xs = lut[o_lut + 11] + w_lut * (lut[o_lut + 40] - lut[o_lut + 11]);
                const double rlQ__slow_time_dependent_potassium_current_Xs_gate__Xs = lut[o_lut + 12] + w_lut * (lut[o_lut + 41] - lut[o_lut + 12]);
                const double rlE__fast_sodium_current_m_gate__m = lut[o_lut + 13] + w_lut * (lut[o_lut + 42] - lut[o_lut + 13]);
                const double rlQ__fast_sodium_current_m_gate__m = lut[o_lut + 14] + w_lut * (lut[o_lut + 43] - lut[o_lut + 14]);
                const double rlE__fast_sodium_current_h_gate__h = lut[o_lut + 15] + w_lut * (lut[o_lut + 44] - lut[o_lut + 15]);
                const double rlQ__fast_sodium_current_h_gate__h = lut[o_lut + 16] + w_lut * (lut[o_lut + 45] - lut[o_lut + 16]);
                const double rlE__fast_sodium_current_j_gate__j = lut[o_lut + 17] + w_lut * (lut[o_lut + 46] - lut[o_lut + 17]);
                const double rlQ__fast_sodium_current_j_gate__j = lut[o_lut + 18] + w_lut * (lut[o_lut + 47] - lut[o_lut + 18]);
                const double rlE__L_type_Ca_current_d_gate__d = lut[o_lut + 19] + w_lut * (lut[o_lut + 48] - lut[o_lut + 19]);
                const double rlQ__L_type_Ca_current_d_gate__d = lut[o_lut + 20] + w_lut * (lut[o_lut + 49] - lut[o_lut + 20]);
                const double rlE__L_type_Ca_current_f_gate__f = lut[o_lut + 21] + w_lut * (lut[o_lut + 50] - lut[o_lut + 21]);
                const double rlQ__L_type_Ca_current_f_gate__f = lut[o_lut + 22] + w_lut * (lut[o_lut + 51] - lut[o_lut + 22]);
                const double rlE__L_type_Ca_current_f2_gate__f2 = lut[o_lut + 23] + w_lut * (lut[o_lut + 52] - lut[o_lut + 23]);
                const double rlQ__L_type_Ca_current_f2_gate__f2 = lut[o_lut + 24] + w_lut * (lut[o_lut + 53] - lut[o_lut + 24]);
                const double rlE__transient_outward_current_s_gate__s = lut[o_lut + 25] + w_lut * (lut[o_lut + 54] - lut[o_lut + 25]);
                const double rlQ__transient_outward_current_s_gate__s = lut[o_lut + 26] + w_lut * (lut[o_lut + 55] - lut[o_lut + 26]);
                const double rlE__transient_outward_current_r_gate__r = lut[o_lut + 27] + w_lut * (lut[o_lut + 56] - lut[o_lut + 27]);
                const double rlQ__transient_outward_current_r_gate__r = lut[o_lut + 28] + w_lut * (lut[o_lut + 57] - lut[o_lut + 28]);
                const double L_type_Ca_current__g_CaL = (3.98e-05 * cardiotwin_parameters__gCaL);
                const double L_type_Ca_current__temp = (((membrane__V < 14.999) | (membrane__V > 15.001)) ? (((0.25 * calcium_dynamics__Ca_ss * lutx__1) - 2.0) * lutx__0) : (0.5 * ((13.357380336089031 * ((0.24998128375521925 * calcium_dynamics__Ca_ss) - 2.0)) + (13.356380336103546 * ((0.2500187176460769 * calcium_dynamics__Ca_ss) - 2.0)))));
                const double L_type_Ca_current__i_CaL = (14447.286958825252 * L_type_Ca_current__temp * L_type_Ca_current__g_CaL * L_type_Ca_current_d_gate__d * L_type_Ca_current_f_gate__f * L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_fCass_gate__fCass);
                const double reversal_potentials__E_Ca = (13.356880329847824 * log((2.0 / calcium_dynamics__Ca_i)));
                const double calcium_background_current__i_b_Ca = (0.000592 * (membrane__V - reversal_potentials__E_Ca));
                const double calcium_pump_current__i_p_Ca = (0.1238 * calcium_dynamics__Ca_i / (calcium_dynamics__Ca_i + 0.0005));
                const double fast_sodium_current__g_Na = (14.838 * cardiotwin_parameters__gNa);
                const double reversal_potentials__E_Na = (26.713760659695648 * log((140.0 / sodium_dynamics__Na_i)));
                const double fast_sodium_current__i_Na = (fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - reversal_potentials__E_Na));
                const double inward_rectifier_potassium_current__g_K1_total = (5.405 * cardiotwin_parameters__gK1);
                const double inward_rectifier_potassium_current__g_K1 = (5.405 * cardiotwin_parameters__gK1);
                const double reversal_potentials__E_K = (26.713760659695648 * log((5.4 / potassium_dynamics__K_i)));
                const double inward_rectifier_potassium_current__alpha_K1 = (0.1 / (1.0 + exp((0.06 * (membrane__V - reversal_potentials__E_K - 200.0)))));
                const double inward_rectifier_potassium_current__beta_K1 = (((3.0 * exp((0.0002 * (membrane__V - reversal_potentials__E_K + 100.0)))) + exp((0.1 * (membrane__V - reversal_potentials__E_K - 10.0)))) / (1.0 + exp(((-0.5) * (membrane__V - reversal_potentials__E_K)))));
                const double inward_rectifier_potassium_current__xK1_inf = (inward_rectifier_potassium_current__alpha_K1 / (inward_rectifier_potassium_current__alpha_K1 + inward_rectifier_potassium_current__beta_K1));
                const double inward_rectifier_potassium_current__i_K1 = ((variant == 0 || variant == 2) ? ((inward_rectifier_potassium_current__g_K1 * inward_rectifier_potassium_current__xK1_inf * (membrane__V - reversal_potentials__E_K))) : ((inward_rectifier_potassium_current__g_K1_total * inward_rectifier_potassium_current__xK1_inf * (membrane__V - reversal_potentials__E_K))));
                const double potassium_pump_current__i_p_K = (0.0146 * (membrane__V - reversal_potentials__E_K) * lutx__2);
                const double rapid_time_dependent_potassium_current__g_Kr_total = (0.153 * cardiotwin_parameters__gKr);
                const double rapid_time_dependent_potassium_current__g_Kr = (0.153 * cardiotwin_parameters__gKr);
                const double rapid_time_dependent_potassium_current__i_Kr = ((variant == 0 || variant == 2) ? ((rapid_time_dependent_potassium_current__g_Kr * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K))) : ((rapid_time_dependent_potassium_current__g_Kr_total * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K))));
                const double reversal_potentials__E_Ks = (26.713760659695648 * log((9.600000000000001 / (potassium_dynamics__K_i + (0.03 * sodium_dynamics__Na_i)))));
                const double slow_time_dependent_potassium_current__g_Ks = ((variant == 0 || variant == 1) ? ((0.392 * cardiotwin_parameters__gKs)) : ((0.098 * cardiotwin_parameters__gKs)));
                const double slow_time_dependent_potassium_current__i_Ks = (slow_time_dependent_potassium_current__g_Ks * ((slow_time_dependent_potassium_current_Xs_gate__Xs) * (slow_time_dependent_potassium_current_Xs_gate__Xs)) * (membrane__V - reversal_potentials__E_Ks));
                const double sodium_background_current__i_b_Na = (0.00029 * (membrane__V - reversal_potentials__E_Na));
                const double sodium_calcium_exchanger_current__K_NaCa = (1000.0 * cardiotwin_parameters__gNaCa);
                const double sodium_calcium_exchanger_current__i_NaCa = (8.666220229942447e-08 * sodium_calcium_exchanger_current__K_NaCa * ((2.0 * ((sodium_dynamics__Na_i) * (sodium_dynamics__Na_i) * (sodium_dynamics__Na_i)) * lutx__4) - (6860000.0 * calcium_dynamics__Ca_i * lutx__5)) * lutx__3);
                const double sodium_potassium_pump_current__P_NaK = (2.724 * cardiotwin_parameters__gNaK);
                const double sodium_potassium_pump_current__i_NaK = (0.84375 * sodium_potassium_pump_current__P_NaK * sodium_dynamics__Na_i * lutx__6 / (sodium_dynamics__Na_i + 40.0));
                const double transient_outward_current__g_to = ((variant == 0) ? ((0.073 * cardiotwin_parameters__gto)) : ((0.294 * cardiotwin_parameters__gto)));
                const double transient_outward_current__i_to = (transient_outward_current__g_to * transient_outward_current_r_gate__r * transient_outward_current_s_gate__s * (membrane__V - reversal_potentials__E_K));
                const double dot__membrane__V = ((variant == 0 || variant == 1) ? (((-1.0) * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + i_stim))) : (-(inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + i_stim)));
                const double L_type_Ca_current_fCass_gate__fCass_inf = (0.6 / (1.0 + (((20.0 * calcium_dynamics__Ca_ss)) * ((20.0 * calcium_dynamics__Ca_ss))))) + 0.4;
                const double L_type_Ca_current_fCass_gate__tau_fCass = (80.0 / (1.0 + (((20.0 * calcium_dynamics__Ca_ss)) * ((20.0 * calcium_dynamics__Ca_ss))))) + 2.0;
                const double dot__L_type_Ca_current_fCass_gate__fCass = ((L_type_Ca_current_fCass_gate__fCass_inf - L_type_Ca_current_fCass_gate__fCass) / L_type_Ca_current_fCass_gate__tau_fCass);
                const double calcium_dynamics__Ca_i_bufc = (1.0 / (1.0 + (0.0002 / ((calcium_dynamics__Ca_i + 0.001) * (calcium_dynamics__Ca_i + 0.001)))));
                const double calcium_dynamics__i_leak = (0.00036 * (calcium_dynamics__Ca_SR - calcium_dynamics__Ca_i));
                const double calcium_dynamics__i_up = (0.006375 / (1.0 + (6.25e-08 / ((calcium_dynamics__Ca_i) * (calcium_dynamics__Ca_i)))));
                const double calcium_dynamics__i_xfer = (0.0038 * (calcium_dynamics__Ca_ss - calcium_dynamics__Ca_i));
                const double dot__calcium_dynamics__Ca_i = (calcium_dynamics__Ca_i_bufc * ((0.06669105096317972 * (calcium_dynamics__i_leak - calcium_dynamics__i_up)) + calcium_dynamics__i_xfer - (5.844274872200971e-05 * (calcium_background_current__i_b_Ca + calcium_pump_current__i_p_Ca - (2.0 * sodium_calcium_exchanger_current__i_NaCa)))));
                const double calcium_dynamics__Ca_sr_bufsr = (1.0 / (1.0 + (3.0 / ((calcium_dynamics__Ca_SR + 0.3) * (calcium_dynamics__Ca_SR + 0.3)))));
                const double calcium_dynamics__kcasr = 2.5 - (1.5 / (1.0 + (((1.5 / calcium_dynamics__Ca_SR)) * ((1.5 / calcium_dynamics__Ca_SR)))));
                const double calcium_dynamics__k1 = (0.15 / calcium_dynamics__kcasr);
                const double calcium_dynamics__O = (calcium_dynamics__k1 * ((calcium_dynamics__Ca_ss) * (calcium_dynamics__Ca_ss)) * calcium_dynamics__R_prime / (0.06 + (calcium_dynamics__k1 * ((calcium_dynamics__Ca_ss) * (calcium_dynamics__Ca_ss)))));
                const double calcium_dynamics__i_rel = (0.102 * calcium_dynamics__O * (calcium_dynamics__Ca_SR - calcium_dynamics__Ca_ss));
                const double dot__calcium_dynamics__Ca_SR = (calcium_dynamics__Ca_sr_bufsr * (calcium_dynamics__i_up - (calcium_dynamics__i_rel + calcium_dynamics__i_leak)));
                const double calcium_dynamics__Ca_ss_bufss = (1.0 / (1.0 + (0.0001 / ((calcium_dynamics__Ca_ss + 0.00025) * (calcium_dynamics__Ca_ss + 0.00025)))));
                const double dot__calcium_dynamics__Ca_ss = (calcium_dynamics__Ca_ss_bufss * (((-0.017532824616602913) * L_type_Ca_current__i_CaL) + (20.00731528895391 * calcium_dynamics__i_rel) - (300.0 * calcium_dynamics__i_xfer)));
                const double calcium_dynamics__k2 = (0.045 * calcium_dynamics__kcasr);
                const double dot__calcium_dynamics__R_prime = ((-calcium_dynamics__k2) * calcium_dynamics__Ca_ss * calcium_dynamics__R_prime) + (0.005 * (1.0 - calcium_dynamics__R_prime));
                const double dot__sodium_dynamics__Na_i = ((-0.00011688549744401942) * (fast_sodium_current__i_Na + sodium_background_current__i_b_Na + (3.0 * sodium_potassium_pump_current__i_NaK) + (3.0 * sodium_calcium_exchanger_current__i_NaCa)));
                const double dot__potassium_dynamics__K_i = ((-0.00011688549744401942) * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + potassium_pump_current__i_p_K + i_stim - (2.0 * sodium_potassium_pump_current__i_NaK)));
                out[0 + j] = membrane__V + dt * dot__membrane__V;
                out[32 + j] = rlE__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 + rlQ__rapid_time_dependent_potassium_current_Xr1_gate__Xr1;
                out[64 + j] = rlE__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 + rlQ__rapid_time_dependent_potassium_current_Xr2_gate__Xr2;
                out[96 + j] = rlE__slow_time_dependent_potassium_current_Xs_gate__Xs * slow_time_dependent_potassium_current_Xs_gate__Xs + rlQ__slow_time_dependent_potassium_current_Xs_gate__Xs;
                out[128 + j] = rlE__fast_sodium_current_m_gate__m * fast_sodium_current_m_gate__m + rlQ__fast_sodium_current_m_gate__m;
                out[160 + j] = rlE__fast_sodium_current_h_gate__h * fast_sodium_current_h_gate__h + rlQ__fast_sodium_current_h_gate__h;
                out[192 + j] = rlE__fast_sodium_current_j_gate__j * fast_sodium_current_j_gate__j + rlQ__fast_sodium_current_j_gate__j;
                out[224 + j] = rlE__L_type_Ca_current_d_gate__d * L_type_Ca_current_d_gate__d + rlQ__L_type_Ca_current_d_gate__d;
                out[256 + j] = rlE__L_type_Ca_current_f_gate__f * L_type_Ca_current_f_gate__f + rlQ__L_type_Ca_current_f_gate__f;
                out[288 + j] = rlE__L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_f2_gate__f2 + rlQ__L_type_Ca_current_f2_gate__f2;
                const double rlb__L_type_Ca_current_fCass_gate__fCass = -(1.0 / (L_type_Ca_current_fCass_gate__tau_fCass));
                out[320 + j] = ct_rush_larsen_ab(L_type_Ca_current_fCass_gate__fCass, dot__L_type_Ca_current_fCass_gate__fCass - rlb__L_type_Ca_current_fCass_gate__fCass * L_type_Ca_current_fCass_gate__fCass, rlb__L_type_Ca_current_fCass_gate__fCass, dt);
                out[352 + j] = rlE__transient_outward_current_s_gate__s * transient_outward_current_s_gate__s + rlQ__transient_outward_current_s_gate__s;
                out[384 + j] = rlE__transient_outward_current_r_gate__r * transient_outward_current_r_gate__r + rlQ__transient_outward_current_r_gate__r;
                out[416 + j] = calcium_dynamics__Ca_i + dt * dot__calcium_dynamics__Ca_i;
                out[448 + j] = calcium_dynamics__Ca_SR + dt * dot__calcium_dynamics__Ca_SR;
                out[480 + j] = calcium_dynamics__Ca_ss + dt * dot__calcium_dynamics__Ca_ss;
                out[512 + j] = calcium_dynamics__R_prime + dt * dot__calcium_dynamics__R_prime;
                out[544 + j] = sodium_dynamics__Na_i + dt * dot__sodium_dynamics__Na_i;
                out[576 + j] = potassium_dynamics__K_i + dt * dot__potassium_dynamics__K_i;
                (void)i_stim;
            }
        }
        for (int k = 0; k < 19; ++k)
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
        lut += (Py_ssize_t)variant * n_rows * 29;
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
    cdef double membrane__V = V
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__alpha_xr1 = (450.0 / (1.0 + exp((0.1 * ((-45.0) - membrane__V)))))
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__beta_xr1 = (6.0 / (1.0 + exp((0.08695652173913043 * (membrane__V + 30.0)))))
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1 = (rapid_time_dependent_potassium_current_Xr1_gate__alpha_xr1 * rapid_time_dependent_potassium_current_Xr1_gate__beta_xr1)
    cdef double rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf = (1.0 / (1.0 + exp((0.14285714285714285 * ((-26.0) - membrane__V)))))
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__alpha_xr2 = (3.0 / (1.0 + exp((0.05 * ((-60.0) - membrane__V)))))
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__beta_xr2 = (1.12 / (1.0 + exp((0.05 * (membrane__V - 60.0)))))
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2 = (rapid_time_dependent_potassium_current_Xr2_gate__alpha_xr2 * rapid_time_dependent_potassium_current_Xr2_gate__beta_xr2)
    cdef double rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf = (1.0 / (1.0 + exp((0.041666666666666664 * (membrane__V + 88.0)))))
    cdef double slow_time_dependent_potassium_current_Xs_gate__alpha_xs = (1400.0 / sqrt(1.0 + exp((0.16666666666666666 * (5.0 - membrane__V)))))
    cdef double slow_time_dependent_potassium_current_Xs_gate__beta_xs = (1.0 / (1.0 + exp((0.06666666666666667 * (membrane__V - 35.0)))))
    cdef double slow_time_dependent_potassium_current_Xs_gate__tau_xs = (slow_time_dependent_potassium_current_Xs_gate__alpha_xs * slow_time_dependent_potassium_current_Xs_gate__beta_xs) + 80.0
    cdef double slow_time_dependent_potassium_current_Xs_gate__xs_inf = (1.0 / (1.0 + exp((0.07142857142857142 * ((-5.0) - membrane__V)))))
    cdef double fast_sodium_current_m_gate__alpha_m = (1.0 / (1.0 + exp((0.2 * ((-60.0) - membrane__V)))))
    cdef double fast_sodium_current_m_gate__beta_m = (0.1 / (1.0 + exp((0.2 * (membrane__V + 35.0))))) + (0.1 / (1.0 + exp((0.005 * (membrane__V - 50.0)))))
    cdef double fast_sodium_current_m_gate__tau_m = (fast_sodium_current_m_gate__alpha_m * fast_sodium_current_m_gate__beta_m)
    cdef double fast_sodium_current_m_gate__m_inf = (1.0 / ((1.0 + exp((0.1107419712070875 * ((-56.86) - membrane__V)))) * (1.0 + exp((0.1107419712070875 * ((-56.86) - membrane__V))))))
    cdef double fast_sodium_current_h_gate__alpha_h = ((0.057 * exp((0.14705882352941177 * (-(membrane__V + 80.0 - 0.0))))) if (membrane__V < (-40.0)) else 0.0)
    cdef double fast_sodium_current_h_gate__beta_h = ((2.7 * exp((0.079 * (membrane__V - 0.0)))) + (310000.0 * exp((0.3485 * (membrane__V - 0.0)))) if (membrane__V < (-40.0)) else (5.923076923076923 / (1.0 + exp(((-0.0900900900900901) * (membrane__V + 10.66 - 0.0))))))
    cdef double fast_sodium_current_h_gate__tau_h = (1.0 / (fast_sodium_current_h_gate__alpha_h + fast_sodium_current_h_gate__beta_h))
    cdef double fast_sodium_current_h_gate__h_inf = (1.0 / ((1.0 + exp((0.13458950201884254 * (membrane__V + 71.55 - 0.0)))) * (1.0 + exp((0.13458950201884254 * (membrane__V + 71.55 - 0.0)))))) + 0.0
    cdef double fast_sodium_current_j_gate__alpha_j = (((((-25428.0) * exp((0.2444 * (membrane__V - 0.0)))) - (6.948e-06 * exp(((-0.04391) * (membrane__V - 0.0))))) * (membrane__V + 37.78) / (1.0 + exp((0.311 * (membrane__V + 79.23 - 0.0))))) if (membrane__V < (-40.0)) else 0.0)
    cdef double fast_sodium_current_j_gate__beta_j = ((0.02424 * exp(((-0.01052) * (membrane__V - 0.0))) / (1.0 + exp(((-0.1378) * (membrane__V + 40.14 - 0.0))))) if (membrane__V < (-40.0)) else (0.6 * exp((0.057 * (membrane__V - 0.0))) / (1.0 + exp(((-0.1) * (membrane__V + 32.0 - 0.0))))))
    cdef double fast_sodium_current_j_gate__tau_j = (1.0 / (fast_sodium_current_j_gate__alpha_j + fast_sodium_current_j_gate__beta_j))
    cdef double fast_sodium_current_j_gate__j_inf = (1.0 / ((1.0 + exp((0.13458950201884254 * (membrane__V + 71.55 - 0.0)))) * (1.0 + exp((0.13458950201884254 * (membrane__V + 71.55 - 0.0)))))) + 0.0
    cdef double L_type_Ca_current_d_gate__alpha_d = (1.4 / (1.0 + exp((0.07692307692307693 * ((-35.0) - membrane__V))))) + 0.25
    cdef double L_type_Ca_current_d_gate__beta_d = (1.4 / (1.0 + exp((0.2 * (membrane__V + 5.0)))))
    cdef double L_type_Ca_current_d_gate__gamma_d = (1.0 / (1.0 + exp((0.05 * (50.0 - membrane__V)))))
    cdef double L_type_Ca_current_d_gate__tau_d = (L_type_Ca_current_d_gate__alpha_d * L_type_Ca_current_d_gate__beta_d) + L_type_Ca_current_d_gate__gamma_d
    cdef double L_type_Ca_current_d_gate__d_inf = (1.0 / (1.0 + exp((0.13333333333333333 * ((-8.0) - membrane__V)))))
    cdef double L_type_Ca_current_f_gate__tau_f = (1102.5 * exp((0.0044444444444444444 * (-((membrane__V + 27.0) * (membrane__V + 27.0)))))) + (200.0 / (1.0 + exp((0.1 * (13.0 - membrane__V))))) + (180.0 / (1.0 + exp((0.1 * (membrane__V + 30.0))))) + 20.0
    cdef double L_type_Ca_current_f_gate__f_inf = (1.0 / (1.0 + exp((0.14285714285714285 * (membrane__V + 20.0)))))
    cdef double L_type_Ca_current_f2_gate__tau_f2 = (562.0 * exp((0.004166666666666667 * (-((membrane__V + 27.0) * (membrane__V + 27.0)))))) + (31.0 / (1.0 + exp((0.1 * (25.0 - membrane__V))))) + (80.0 / (1.0 + exp((0.1 * (membrane__V + 30.0)))))
    cdef double L_type_Ca_current_f2_gate__f2_inf = (0.67 / (1.0 + exp((0.14285714285714285 * (membrane__V + 35.0))))) + 0.33
    cdef double transient_outward_current_s_gate__tau_s = (((1000.0 * exp((0.001 * (-((membrane__V + 67.0) * (membrane__V + 67.0)))))) + 8.0) if (variant == 0) else ((85.0 * exp((0.003125 * (-((membrane__V + 45.0) * (membrane__V + 45.0)))))) + (5.0 / (1.0 + exp((0.2 * (membrane__V - 20.0))))) + 3.0))
    cdef double transient_outward_current_s_gate__s_inf = (((1.0 / (1.0 + exp((0.2 * (membrane__V + 28.0)))))) if (variant == 0) else ((1.0 / (1.0 + exp((0.2 * (membrane__V + 20.0)))))))
    cdef double transient_outward_current_r_gate__tau_r = (9.5 * exp((0.0005555555555555556 * (-((membrane__V + 40.0) * (membrane__V + 40.0)))))) + 0.8
    cdef double transient_outward_current_r_gate__r_inf = (1.0 / (1.0 + exp((0.16666666666666666 * (20.0 - membrane__V)))))
    cdef double rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = -(1.0 / (rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1))
    cdef double rla__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 = ((rapid_time_dependent_potassium_current_Xr1_gate__xr1_inf - 0.0) / rapid_time_dependent_potassium_current_Xr1_gate__tau_xr1)
    cdef double rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = -(1.0 / (rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2))
    cdef double rla__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 = ((rapid_time_dependent_potassium_current_Xr2_gate__xr2_inf - 0.0) / rapid_time_dependent_potassium_current_Xr2_gate__tau_xr2)
    cdef double rlb__slow_time_dependent_potassium_current_Xs_gate__Xs = -(1.0 / (slow_time_dependent_potassium_current_Xs_gate__tau_xs))
    cdef double rla__slow_time_dependent_potassium_current_Xs_gate__Xs = ((slow_time_dependent_potassium_current_Xs_gate__xs_inf - 0.0) / slow_time_dependent_potassium_current_Xs_gate__tau_xs)
    cdef double rlb__fast_sodium_current_m_gate__m = -(1.0 / (fast_sodium_current_m_gate__tau_m))
    cdef double rla__fast_sodium_current_m_gate__m = ((fast_sodium_current_m_gate__m_inf - 0.0) / fast_sodium_current_m_gate__tau_m)
    cdef double rlb__fast_sodium_current_h_gate__h = -(1.0 / (fast_sodium_current_h_gate__tau_h))
    cdef double rla__fast_sodium_current_h_gate__h = ((fast_sodium_current_h_gate__h_inf - 0.0) / fast_sodium_current_h_gate__tau_h)
    cdef double rlb__fast_sodium_current_j_gate__j = -(1.0 / (fast_sodium_current_j_gate__tau_j))
    cdef double rla__fast_sodium_current_j_gate__j = ((fast_sodium_current_j_gate__j_inf - 0.0) / fast_sodium_current_j_gate__tau_j)
    cdef double rlb__L_type_Ca_current_d_gate__d = -(1.0 / (L_type_Ca_current_d_gate__tau_d))
    cdef double rla__L_type_Ca_current_d_gate__d = ((L_type_Ca_current_d_gate__d_inf - 0.0) / L_type_Ca_current_d_gate__tau_d)
    cdef double rlb__L_type_Ca_current_f_gate__f = -(1.0 / (L_type_Ca_current_f_gate__tau_f))
    cdef double rla__L_type_Ca_current_f_gate__f = ((L_type_Ca_current_f_gate__f_inf - 0.0) / L_type_Ca_current_f_gate__tau_f)
    cdef double rlb__L_type_Ca_current_f2_gate__f2 = -(1.0 / (L_type_Ca_current_f2_gate__tau_f2))
    cdef double rla__L_type_Ca_current_f2_gate__f2 = ((L_type_Ca_current_f2_gate__f2_inf - 0.0) / L_type_Ca_current_f2_gate__tau_f2)
    cdef double rlb__transient_outward_current_s_gate__s = -(1.0 / (transient_outward_current_s_gate__tau_s))
    cdef double rla__transient_outward_current_s_gate__s = ((transient_outward_current_s_gate__s_inf - 0.0) / transient_outward_current_s_gate__tau_s)
    cdef double rlb__transient_outward_current_r_gate__r = -(1.0 / (transient_outward_current_r_gate__tau_r))
    cdef double rla__transient_outward_current_r_gate__r = ((transient_outward_current_r_gate__r_inf - 0.0) / transient_outward_current_r_gate__tau_r)
    row[0] = ((membrane__V - 15.0) / (exp((0.07486778164549095 * (membrane__V - 15.0))) - 1.0))
    row[1] = exp((0.07486778164549095 * (membrane__V - 15.0)))
    row[2] = (1.0 / (1.0 + exp((0.16722408026755853 * (25.0 - membrane__V)))))
    row[3] = (1.0 / (1.0 + (0.1 * exp(((-0.024332029034784555) * membrane__V)))))
    row[4] = exp((0.013101861787960915 * membrane__V))
    row[5] = exp(((-0.024332029034784555) * membrane__V))
    row[6] = (1.0 / (1.0 + (0.1245 * exp(((-0.0037433890822745467) * membrane__V))) + (0.0353 * exp((0.03743389082274547 * (-membrane__V))))))
    row[7] = exp(rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * dt)
    row[8] = rla__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * (expm1(rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * dt) / rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1 if fabs(rlb__rapid_time_dependent_potassium_current_Xr1_gate__Xr1) > 1e-12 else dt)
    row[9] = exp(rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * dt)
    row[10] = rla__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (expm1(rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * dt) / rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2 if fabs(rlb__rapid_time_dependent_potassium_current_Xr2_gate__Xr2) > 1e-12 else dt)
    row[11] = exp(rlb__slow_time_dependent_potassium_current_Xs_gate__Xs * dt)
    row[12] = rla__slow_time_dependent_potassium_current_Xs_gate__Xs * (expm1(rlb__slow_time_dependent_potassium_current_Xs_gate__Xs * dt) / rlb__slow_time_dependent_potassium_current_Xs_gate__Xs if fabs(rlb__slow_time_dependent_potassium_current_Xs_gate__Xs) > 1e-12 else dt)
    row[13] = exp(rlb__fast_sodium_current_m_gate__m * dt)
    row[14] = rla__fast_sodium_current_m_gate__m * (expm1(rlb__fast_sodium_current_m_gate__m * dt) / rlb__fast_sodium_current_m_gate__m if fabs(rlb__fast_sodium_current_m_gate__m) > 1e-12 else dt)
    row[15] = exp(rlb__fast_sodium_current_h_gate__h * dt)
    row[16] = rla__fast_sodium_current_h_gate__h * (expm1(rlb__fast_sodium_current_h_gate__h * dt) / rlb__fast_sodium_current_h_gate__h if fabs(rlb__fast_sodium_current_h_gate__h) > 1e-12 else dt)
    row[17] = exp(rlb__fast_sodium_current_j_gate__j * dt)
    row[18] = rla__fast_sodium_current_j_gate__j * (expm1(rlb__fast_sodium_current_j_gate__j * dt) / rlb__fast_sodium_current_j_gate__j if fabs(rlb__fast_sodium_current_j_gate__j) > 1e-12 else dt)
    row[19] = exp(rlb__L_type_Ca_current_d_gate__d * dt)
    row[20] = rla__L_type_Ca_current_d_gate__d * (expm1(rlb__L_type_Ca_current_d_gate__d * dt) / rlb__L_type_Ca_current_d_gate__d if fabs(rlb__L_type_Ca_current_d_gate__d) > 1e-12 else dt)
    row[21] = exp(rlb__L_type_Ca_current_f_gate__f * dt)
    row[22] = rla__L_type_Ca_current_f_gate__f * (expm1(rlb__L_type_Ca_current_f_gate__f * dt) / rlb__L_type_Ca_current_f_gate__f if fabs(rlb__L_type_Ca_current_f_gate__f) > 1e-12 else dt)
    row[23] = exp(rlb__L_type_Ca_current_f2_gate__f2 * dt)
    row[24] = rla__L_type_Ca_current_f2_gate__f2 * (expm1(rlb__L_type_Ca_current_f2_gate__f2 * dt) / rlb__L_type_Ca_current_f2_gate__f2 if fabs(rlb__L_type_Ca_current_f2_gate__f2) > 1e-12 else dt)
    row[25] = exp(rlb__transient_outward_current_s_gate__s * dt)
    row[26] = rla__transient_outward_current_s_gate__s * (expm1(rlb__transient_outward_current_s_gate__s * dt) / rlb__transient_outward_current_s_gate__s if fabs(rlb__transient_outward_current_s_gate__s) > 1e-12 else dt)
    row[27] = exp(rlb__transient_outward_current_r_gate__r * dt)
    row[28] = rla__transient_outward_current_r_gate__r * (expm1(rlb__transient_outward_current_r_gate__r * dt) / rlb__transient_outward_current_r_gate__r if fabs(rlb__transient_outward_current_r_gate__r) > 1e-12 else dt)


cdef void _cell_currents(const double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double t, double* o, Py_ssize_t m, int variant) noexcept nogil:
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
    cdef double fast_sodium_current__g_Na = (14.838 * cardiotwin_parameters__gNa)
    cdef double reversal_potentials__E_Na = (26.713760659695648 * log((140.0 / sodium_dynamics__Na_i)))
    cdef double fast_sodium_current__i_Na = (fast_sodium_current__g_Na * ((fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m) * (fast_sodium_current_m_gate__m)) * fast_sodium_current_h_gate__h * fast_sodium_current_j_gate__j * (membrane__V - reversal_potentials__E_Na))
    cdef double L_type_Ca_current__g_CaL = (3.98e-05 * cardiotwin_parameters__gCaL)
    cdef double L_type_Ca_current__temp = (((membrane__V - 15.0) * ((0.25 * calcium_dynamics__Ca_ss * exp((0.07486778164549095 * (membrane__V - 15.0)))) - 2.0) / (exp((0.07486778164549095 * (membrane__V - 15.0))) - 1.0)) if ((membrane__V < 14.999) | (membrane__V > 15.001)) else (0.5 * ((13.357380336089031 * ((0.24998128375521925 * calcium_dynamics__Ca_ss) - 2.0)) + (13.356380336103546 * ((0.2500187176460769 * calcium_dynamics__Ca_ss) - 2.0)))))
    cdef double L_type_Ca_current__i_CaL = (14447.286958825252 * L_type_Ca_current__temp * L_type_Ca_current__g_CaL * L_type_Ca_current_d_gate__d * L_type_Ca_current_f_gate__f * L_type_Ca_current_f2_gate__f2 * L_type_Ca_current_fCass_gate__fCass)
    cdef double reversal_potentials__E_K = (26.713760659695648 * log((5.4 / potassium_dynamics__K_i)))
    cdef double transient_outward_current__g_to = (((0.073 * cardiotwin_parameters__gto)) if (variant == 0) else ((0.294 * cardiotwin_parameters__gto)))
    cdef double transient_outward_current__i_to = (transient_outward_current__g_to * transient_outward_current_r_gate__r * transient_outward_current_s_gate__s * (membrane__V - reversal_potentials__E_K))
    cdef double rapid_time_dependent_potassium_current__g_Kr_total = (0.153 * cardiotwin_parameters__gKr)
    cdef double rapid_time_dependent_potassium_current__g_Kr = (0.153 * cardiotwin_parameters__gKr)
    cdef double rapid_time_dependent_potassium_current__i_Kr = (((rapid_time_dependent_potassium_current__g_Kr * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K))) if (variant == 0 or variant == 2) else ((rapid_time_dependent_potassium_current__g_Kr_total * rapid_time_dependent_potassium_current_Xr1_gate__Xr1 * rapid_time_dependent_potassium_current_Xr2_gate__Xr2 * (membrane__V - reversal_potentials__E_K))))
    cdef double reversal_potentials__E_Ks = (26.713760659695648 * log((9.600000000000001 / (potassium_dynamics__K_i + (0.03 * sodium_dynamics__Na_i)))))
    cdef double slow_time_dependent_potassium_current__g_Ks = (((0.392 * cardiotwin_parameters__gKs)) if (variant == 0 or variant == 1) else ((0.098 * cardiotwin_parameters__gKs)))
    cdef double slow_time_dependent_potassium_current__i_Ks = (slow_time_dependent_potassium_current__g_Ks * ((slow_time_dependent_potassium_current_Xs_gate__Xs) * (slow_time_dependent_potassium_current_Xs_gate__Xs)) * (membrane__V - reversal_potentials__E_Ks))
    cdef double inward_rectifier_potassium_current__g_K1_total = (5.405 * cardiotwin_parameters__gK1)
    cdef double inward_rectifier_potassium_current__g_K1 = (5.405 * cardiotwin_parameters__gK1)
    cdef double inward_rectifier_potassium_current__alpha_K1 = (0.1 / (1.0 + exp((0.06 * (membrane__V - reversal_potentials__E_K - 200.0)))))
    cdef double inward_rectifier_potassium_current__beta_K1 = (((3.0 * exp((0.0002 * (membrane__V - reversal_potentials__E_K + 100.0)))) + exp((0.1 * (membrane__V - reversal_potentials__E_K - 10.0)))) / (1.0 + exp(((-0.5) * (membrane__V - reversal_potentials__E_K)))))
    cdef double inward_rectifier_potassium_current__xK1_inf = (inward_rectifier_potassium_current__alpha_K1 / (inward_rectifier_potassium_current__alpha_K1 + inward_rectifier_potassium_current__beta_K1))
    cdef double inward_rectifier_potassium_current__i_K1 = (((inward_rectifier_potassium_current__g_K1 * inward_rectifier_potassium_current__xK1_inf * (membrane__V - reversal_potentials__E_K))) if (variant == 0 or variant == 2) else ((inward_rectifier_potassium_current__g_K1_total * inward_rectifier_potassium_current__xK1_inf * (membrane__V - reversal_potentials__E_K))))
    cdef double sodium_calcium_exchanger_current__K_NaCa = (1000.0 * cardiotwin_parameters__gNaCa)
    cdef double sodium_calcium_exchanger_current__i_NaCa = (8.666220229942447e-08 * sodium_calcium_exchanger_current__K_NaCa * ((2.0 * exp((0.013101861787960915 * membrane__V)) * ((sodium_dynamics__Na_i) * (sodium_dynamics__Na_i) * (sodium_dynamics__Na_i))) - (6860000.0 * exp(((-0.024332029034784555) * membrane__V)) * calcium_dynamics__Ca_i)) / (1.0 + (0.1 * exp(((-0.024332029034784555) * membrane__V)))))
    cdef double sodium_potassium_pump_current__P_NaK = (2.724 * cardiotwin_parameters__gNaK)
    cdef double sodium_potassium_pump_current__i_NaK = (0.84375 * sodium_potassium_pump_current__P_NaK * sodium_dynamics__Na_i / ((sodium_dynamics__Na_i + 40.0) * (1.0 + (0.1245 * exp(((-0.0037433890822745467) * membrane__V))) + (0.0353 * exp((0.03743389082274547 * (-membrane__V)))))))
    cdef double reversal_potentials__E_Ca = (13.356880329847824 * log((2.0 / calcium_dynamics__Ca_i)))
    cdef double calcium_background_current__i_b_Ca = (0.000592 * (membrane__V - reversal_potentials__E_Ca))
    cdef double calcium_pump_current__i_p_Ca = (0.1238 * calcium_dynamics__Ca_i / (calcium_dynamics__Ca_i + 0.0005))
    cdef double potassium_pump_current__i_p_K = (0.0146 * (membrane__V - reversal_potentials__E_K) / (1.0 + exp((0.16722408026755853 * (25.0 - membrane__V)))))
    cdef double sodium_background_current__i_b_Na = (0.00029 * (membrane__V - reversal_potentials__E_Na))
    cdef double dot__membrane__V = ((((-1.0) * (inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + i_stim))) if (variant == 0 or variant == 1) else (-(inward_rectifier_potassium_current__i_K1 + transient_outward_current__i_to + rapid_time_dependent_potassium_current__i_Kr + slow_time_dependent_potassium_current__i_Ks + L_type_Ca_current__i_CaL + sodium_potassium_pump_current__i_NaK + fast_sodium_current__i_Na + sodium_background_current__i_b_Na + sodium_calcium_exchanger_current__i_NaCa + calcium_background_current__i_b_Ca + potassium_pump_current__i_p_K + calcium_pump_current__i_p_Ca + i_stim)))
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


include "ionic_api.pxi"
