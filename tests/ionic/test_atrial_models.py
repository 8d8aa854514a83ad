"""Atrial cell models: the shipped Courtemanche–Ramirez–Nattel 1998 kernel against
Myokit/CVODES on the reference CellML file, control and with the chronic-AF remodelling
(the same parameter scalings applied to both)."""

from __future__ import annotations

import pytest

from cardiotwin.scenarios.remodelling import CRN_TISSUES


@pytest.mark.skip_in_parallel
@pytest.mark.parametrize("tissue", ["control", "caf"])
def test_crn_matches_myokit(tissue, shared_reference):
    pytest.importorskip("myokit")
    from cardiotwin.ionic import get_model
    from cardiotwin.ionic.verification import compare_with_myokit

    path = shared_reference / "cellml" / "courtemanche_ramirez_nattel_1998.cellml"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    cmp = compare_with_myokit(get_model("courtemanche"), path, beats=5, dt_ms=0.01,
                              scale=dict(CRN_TISSUES[tissue].scale))
    assert abs(cmp.apd90_err_pct) < 1.0, (cmp.ours, cmp.myokit)
    assert abs(cmp.ours["vrest_mV"] - cmp.myokit["vrest_mV"]) < 0.2
    assert cmp.rmse < 0.5
