"""Drug block: Hill pore block on the kernels' parameter rows, dynamic hERG parameters,
channel mapping and its errors."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError, ModelError
from cardiotwin.ionic import get_model
from cardiotwin.scenarios.drugs import (
    HERG_KT_PER_MS,
    ChannelBlock,
    Drug,
    HergBinding,
    apply_drug,
    apply_to_regions,
    drug_changes,
)


def test_hill_block_analytic():
    b = ChannelBlock(ic50_uM=0.5, hill=2.0)
    assert b.remaining(0.0) == pytest.approx(1.0)
    assert b.remaining(0.5) == pytest.approx(0.5)
    assert b.remaining(1.0) == pytest.approx(1.0 / (1.0 + 4.0))
    np.testing.assert_allclose(b.remaining([0.25, 5.0]), [1 / 1.25, 1 / 101.0])


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf"), "x"])
def test_block_rejects_bad_ic50(bad):
    with pytest.raises(ConfigError, match="ic50_uM"):
        ChannelBlock(bad)


def test_drug_validation():
    with pytest.raises(ConfigError, match="unknown channel 'IKr'"):
        Drug("x", {"IKr": ChannelBlock(1.0)})
    with pytest.raises(ConfigError, match="blocks no channel"):
        Drug("x", {})
    with pytest.raises(ConfigError, match="free_fraction"):
        Drug("x", {"hERG": ChannelBlock(1.0)}, free_fraction=1.5)
    with pytest.raises(ConfigError, match="risk"):
        Drug("x", {"hERG": ChannelBlock(1.0)}, risk="medium")
    d = Drug("x", {"hERG": ChannelBlock(1.0)}, cmax_uM=0.1, free_fraction=0.5)
    np.testing.assert_allclose(d.free_concentrations_uM([1, 4]), [0.05, 0.2])
    with pytest.raises(ConfigError, match="no cmax"):
        Drug("y", {"hERG": ChannelBlock(1.0)}).free_concentrations_uM([1])


def test_apply_drug_scales_rows_per_column():
    m = get_model("ord-endo")
    drug = Drug("d", {"hERG": ChannelBlock(0.1, 1.0), "ICaL": ChannelBlock(1.0, 0.5),
                      "INaL": ChannelBlock(2.0, 1.3)})
    conc = np.array([0.0, 0.1, 1.0])
    p = m.default_params(3)
    p[m.param_index("gKr")] = 2.0  # an existing heterogeneity is multiplied, not replaced
    apply_drug(m, p, drug, conc)
    np.testing.assert_allclose(p[m.param_index("gKr")], 2.0 / (1 + (conc / 0.1)))
    np.testing.assert_allclose(p[m.param_index("PCa")], 1.0 / (1 + np.sqrt(conc)))
    np.testing.assert_allclose(p[m.param_index("gNaL")], 1.0 / (1 + (conc / 2.0) ** 1.3))
    for other in ("gNa", "gto", "gKs", "gK1", "gNaCa", "gNaK"):
        np.testing.assert_array_equal(p[m.param_index(other)], 1.0)


def test_missing_channel_is_an_error_unless_allowed():
    m = get_model("tp06-epi")  # no INaL
    drug = Drug("d", {"hERG": ChannelBlock(0.1), "INaL": ChannelBlock(1.0)})
    p = m.default_params(1)
    with pytest.raises(ModelError, match=r"blocks INaL.*tp06-epi"):
        apply_drug(m, p, drug, 0.1)
    apply_drug(m, p, drug, 0.1, allow_missing=True)
    assert p[m.param_index("gKr"), 0] == pytest.approx(0.5)
    ch = drug_changes(get_model("tp06-epi"), Drug("c", {"ICaL": ChannelBlock(1.0)}), 1.0)
    assert dict(ch.scale) == {"gCaL": pytest.approx(0.5)} and not ch.set


def test_dynamic_herg_parameters_on_ord_cipa():
    m = get_model("ord-cipa")
    hb = HergBinding(kmax=35.1, ku_per_ms=1.816e-5, n=1.08, halfmax_nM_n=216.6, vhalf_mV=-1.0)
    drug = Drug("dof", {"hERG": ChannelBlock(0.006), "ICaL": ChannelBlock(0.26)},
                herg_binding=hb)
    ch = drug_changes(m, drug, 0.002)
    values = ch.values(m)
    assert set(ch.set) == {"D", "Kmax", "Ku", "n", "halfmax", "Vhalf", "Kt"}
    assert values["D"] == pytest.approx(2.0)  # nM, as in the CiPA model
    assert values["Kt"] == pytest.approx(HERG_KT_PER_MS)
    assert values["Kmax"] == pytest.approx(35.1) and values["Vhalf"] == pytest.approx(-1.0)
    assert "gKr" not in values  # hERG is not pore-blocked with the dynamic model
    assert values["PCa"] == pytest.approx(1 / (1 + 0.002 / 0.26))
    pore = drug_changes(m, drug, 0.002, dynamic_herg=False).values(m)
    assert pore["gKr"] == pytest.approx(1 / (1 + 0.002 / 0.006)) and "D" not in pore
    # a model without the binding model cannot use a drug that only has binding parameters
    with pytest.raises(ModelError, match="dynamic hERG"):
        apply_drug(get_model("ord-endo"), get_model("ord-endo").default_params(1),
                   Drug("b", {}, herg_binding=hb), 0.1)


def test_apply_drug_checks_input():
    m = get_model("ord-endo")
    drug = Drug("d", {"hERG": ChannelBlock(0.1)})
    with pytest.raises(ConfigError, match="shape"):
        apply_drug(m, np.ones((3, 2)), drug, 0.1)
    with pytest.raises(ConfigError, match="concentrations"):
        apply_drug(m, m.default_params(1), drug, -1.0)


def test_drug_in_tissue_regions_follows_the_regions_own_changes():
    from cardiotwin.ep.monodomain import IonicRegion
    from cardiotwin.ionic.parameters import ParameterChanges

    regs = [IonicRegion("ord-endo", None, ParameterChanges(scale={"gKr": 0.5}))]
    drug = Drug("k", {"hERG": ChannelBlock(0.1)})
    (out,) = apply_to_regions(regs, drug, 0.1)
    assert out.parameters.scale["gKr"] == pytest.approx(0.25)
    assert apply_to_regions(regs, drug, 0.1, where="elsewhere")[0] is regs[0]


def test_free_fraction_is_one_rule_for_doses():
    drug = Drug("f", {"hERG": ChannelBlock(0.1)}, cmax_uM=2.0, free_fraction=0.25)
    assert drug.dose_uM(cmax_multiple=3.0) == pytest.approx(1.5)  # 3 x 2 x 0.25
    assert drug.dose_uM(conc_uM=0.7) == pytest.approx(0.7)  # given free concentrations
    assert drug.free_concentrations_uM([3.0])[0] == pytest.approx(1.5)
    with pytest.raises(ConfigError, match="exactly one"):
        drug.dose_uM(conc_uM=1.0, cmax_multiple=1.0)
