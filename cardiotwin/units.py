"""The single unit convention of cardiotwin.

Every physical quantity that enters or leaves the package is expressed in these units;
function arguments and dataclass fields name them (``dt_ms``, ``sigma_S_per_m``...) or
state them in the docstring.  Conversions happen at the boundary (file readers, CLI),
never inside solvers.

========================  ===================  =======================================
quantity                  unit                 note
========================  ===================  =======================================
length                    mm                   meshes, coordinates, edge lengths
time                      ms
membrane potential        mV
ionic/stimulus current    µA/µF                per unit membrane capacitance
volumetric stimulus       µA/mm³               converted with chi*Cm (see below)
membrane capacitance Cm   µF/mm²               default 0.01 µF/mm² (= 1 µF/cm²)
surface-to-volume chi     1/mm                 default 140 /mm (Niederer 2011)
conductivity sigma        S/m (== mS/mm)       a S/m value is numerically mS/mm
concentration             µM                   ionic models internally may use mM
stress, stiffness         kPa
charge (qNet)             µC/µF                integral of µA/µF dt(ms), divided by 1000
cavity pressure           kPa (mmHg outside)   1 mmHg = 0.133322 kPa, at the circulation
cavity volume             mm³ (mL outside)     1 mL = 1000 mm³, at the circulation
========================  ===================  =======================================

Sign convention for transmembrane currents (Hodgkin-Huxley): ``dV/dt = -(I_ion + I_stim)``,
so an inward, depolarising stimulus current is negative (e.g. -52 µA/µF for TP06).

Monodomain scaling used by the tissue solver, in these units::

    chi * Cm * dV/dt = div(sigma grad V) - chi * Cm * (I_ion + I_stim)
    [1/mm * µF/mm² * mV/ms = µA/mm³]   [mS/mm * mV/mm² = µA/mm³]

so a volumetric stimulus ``I_vol`` (µA/mm³) corresponds to ``I_vol / (chi * Cm)`` µA/µF.
"""

from __future__ import annotations

#: Default membrane capacitance, µF/mm² (1 µF/cm²).
CM_DEFAULT_UF_PER_MM2: float = 0.01
#: Default surface-to-volume ratio, 1/mm (Niederer et al. 2011).
CHI_DEFAULT_PER_MM: float = 140.0


def volumetric_to_specific_current(i_vol_uA_per_mm3: float, chi_per_mm: float,
                                   cm_uF_per_mm2: float) -> float:
    """Convert a volumetric current density (µA/mm³) to µA/µF: ``I / (chi * Cm)``."""
    return i_vol_uA_per_mm3 / (chi_per_mm * cm_uF_per_mm2)


def specific_to_volumetric_current(i_uA_per_uF: float, chi_per_mm: float,
                                   cm_uF_per_mm2: float) -> float:
    """Convert a specific current (µA/µF) to a volumetric density (µA/mm³)."""
    return i_uA_per_uF * chi_per_mm * cm_uF_per_mm2


def per_cm3_to_per_mm3(value_per_cm3: float) -> float:
    """Convert a density per cm³ (e.g. µA/cm³) to per mm³."""
    return value_per_cm3 * 1e-3


def S_per_m_to_mS_per_mm(sigma_S_per_m: float) -> float:
    """Identity, documented: 1 S/m == 1 mS/mm."""
    return float(sigma_S_per_m)


# --- cavity boundary (mechanics <-> circulation) ------------------------------------------
#: 1 mmHg in kPa.
MMHG_TO_KPA: float = 0.133322
#: 1 mL in mm³.
ML_TO_MM3: float = 1000.0


def mmHg_to_kPa(p_mmHg: float) -> float:
    """Convert a pressure from mmHg to kPa (1 mmHg = 0.133322 kPa)."""
    return p_mmHg * MMHG_TO_KPA


def kPa_to_mmHg(p_kPa: float) -> float:
    """Convert a pressure from kPa to mmHg."""
    return p_kPa / MMHG_TO_KPA


def mm3_to_mL(v_mm3: float) -> float:
    """Convert a volume from mm³ to mL (1 mL = 1000 mm³)."""
    return v_mm3 / ML_TO_MM3


def mL_to_mm3(v_mL: float) -> float:
    """Convert a volume from mL to mm³."""
    return v_mL * ML_TO_MM3
