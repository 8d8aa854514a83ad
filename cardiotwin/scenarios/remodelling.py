"""Electrical remodelling of atrial myocytes as parameter changes (data).

Sets for the Courtemanche–Ramirez–Nattel (1998) model (registry name ``courtemanche``):

- :data:`CHRONIC_AF`: persistent/chronic AF, I_to -50 %, I_CaL -70 %, I_Kur -50 %
  (Courtemanche, Ramirez & Nattel 1999, Cardiovasc Res 42:477-489) and I_K1 +100 %
  (measured in cAF myocytes: Bosch et al. 1999, Cardiovasc Res 44:121-131; Workman et al.
  2001, Cardiovasc Res 52:226-235).  APD90 297 -> 138 ms at 1 Hz;
- :data:`FIBROTIC`: myocytes inside fibrotic tissue, I_K1 -50 %, I_Na -40 %, I_CaL -50 %
  on top of the tissue's own set (the fibrotic remodelling of Zahid et al. 2016,
  Cardiovasc Res 110:443-454, and Roney et al. 2016, Europace 18:iv146-iv155).

The fast Mitchell–Schaeffer model (:mod:`cardiotwin.ionic.phenomenological`) has its own
parameter sets fitted to CRN with these changes; :func:`fast_tissue` returns the set that
stands for a named tissue, as :class:`ParameterChanges` that ``set`` its parameters, so
that regions of one fast-model tissue can differ the way CRN tissues do.
"""

from __future__ import annotations

from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic.parameters import ParameterChanges

#: Chronic AF remodelling of the CRN model.
CHRONIC_AF = ParameterChanges(scale={"gto": 0.5, "gCaL": 0.3, "gKur": 0.5, "gK1": 2.0})
#: Remodelling of myocytes in fibrotic tissue (applied after the tissue's own set).
FIBROTIC = ParameterChanges(scale={"gK1": 0.5, "gNa": 0.6, "gCaL": 0.5})

#: CRN tissues by name: the changes from the published model.
CRN_TISSUES = {"control": ParameterChanges(), "caf": CHRONIC_AF,
               "caf-fibrotic": CHRONIC_AF.then(FIBROTIC)}


def crn_tissue(name: str) -> ParameterChanges:
    """The CRN parameter changes of a named tissue (``control``, ``caf``, ``caf-fibrotic``)."""
    if name not in CRN_TISSUES:
        raise ConfigError(f"tissue {name!r}: expected one of {', '.join(CRN_TISSUES)}")
    return CRN_TISSUES[name]


def fast_tissue(name: str) -> ParameterChanges:
    """The fitted fast-model parameters of a named tissue, as ``set`` changes."""
    from cardiotwin.ionic.phenomenological import ATRIAL_FITS

    if name not in ATRIAL_FITS:
        raise ConfigError(f"tissue {name!r}: the fast atrial model has fits for "
                          f"{', '.join(ATRIAL_FITS)}")
    return ParameterChanges(set=dict(ATRIAL_FITS[name][0]))
