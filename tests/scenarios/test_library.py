"""The drug library: shipped CiPA table (checked against the FDA/CiPA files in
../shared/reference), user TOML/CSV files and command-line flags."""

from __future__ import annotations

import csv

import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.library import (
    cipa_training_drugs,
    drug_from_flags,
    get_drug,
    load_drug_file,
)


def test_cipa_library_content():
    lib = cipa_training_drugs()
    assert len(lib) == 12
    risks = [d.risk for d in lib.values()]
    assert risks.count("high") == risks.count("intermediate") == risks.count("low") == 4
    dof = get_drug("Dofetilide")
    assert dof.cmax_uM == pytest.approx(0.002)  # 2 nM
    assert dof.blocks["hERG"].ic50_uM == pytest.approx(6.125e-3)
    assert dof.herg_binding is not None and dof.herg_binding.ku_per_ms == pytest.approx(1.816e-5)
    assert "IKs" not in dof.blocks  # NA = no block
    with pytest.raises(ConfigError, match=r"unknown drug 'aspirin'.*dofetilide"):
        get_drug("aspirin")


def test_cipa_library_matches_reference_files(shared_reference):
    """Every shipped number equals FDA/CiPA's (nM -> µM at the boundary)."""
    ref = shared_reference / "cipa"
    hill = {r["drug"]: r for r in csv.DictReader(open(ref / "hill_ic50_optimal_training12.csv"))}
    herg = {r["drug"]: r for r in csv.DictReader(open(ref / "herg_dynamic_params_training12.csv"))}
    train = {r["drug"]: r for r in csv.DictReader(open(ref / "CiPA_training_drugs.csv"))}
    lib = cipa_training_drugs()
    assert set(lib) == set(train)
    for name, d in lib.items():
        assert d.cmax_uM == pytest.approx(float(train[name]["therapeutic"]) * 1e-3)
        assert d.risk == {"0": "low", "1": "intermediate", "2": "high"}[train[name]["CiPA"]]
        for ch in ("hERG", "ICaL", "INa", "INaL", "Ito", "IKs", "IK1"):
            v = hill[name][f"{ch}_IC50"]
            if v == "NA":
                assert ch not in d.blocks
            else:
                assert d.blocks[ch].ic50_uM == pytest.approx(float(v) * 1e-3)
                assert d.blocks[ch].hill == pytest.approx(float(hill[name][f"{ch}_h"]))
        hb = d.herg_binding
        assert hb.kmax == pytest.approx(float(herg[name]["Kmax"]))
        assert hb.halfmax_nM_n == pytest.approx(float(herg[name]["halfmax"]))
        assert hb.vhalf_mV == pytest.approx(float(herg[name]["Vhalf"]))


def test_user_toml(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text('name = "cx"\ncmax_uM = 0.01\nrisk = "high"\n[ic50_uM]\nhERG = 0.02\n'
                 'ICaL = 3.0\n[hill]\nhERG = 0.8\n[herg_binding]\nKmax = 10\nKu_per_ms = 1e-4\n'
                 'n = 1\nhalfmax_nM_n = 40\nVhalf_mV = -80\n')
    (d,) = load_drug_file(f)
    assert d.name == "cx" and d.cmax_uM == 0.01 and d.risk == "high"
    assert d.blocks["hERG"].hill == 0.8 and d.blocks["ICaL"].hill == 1.0
    assert d.herg_binding.halfmax_nM_n == 40
    f.write_text('name = "cx"\n[ic50_uM]\nIKr = 0.02\n')
    with pytest.raises(ConfigError, match="unknown channel 'IKr'"):
        load_drug_file(f)
    f.write_text('name = "cx"\nic50 = 3\n')
    with pytest.raises(ConfigError, match="unknown key"):
        load_drug_file(f)
    with pytest.raises(ConfigError, match="does not exist"):
        load_drug_file(tmp_path / "none.toml")


def test_user_csv(tmp_path):
    f = tmp_path / "lib.csv"
    f.write_text("# comment\ndrug,cmax_free_nM,hERG_IC50_nM,hERG_h\nA,10,100,1\nB,5,NA,NA\n"
                 "C,1,50,\n")
    with pytest.raises(ConfigError, match=r"line 3 \(B\).*blocks no channel"):
        load_drug_file(f)
    f.write_text("drug,cmax_free_nM,hERG_IC50_nM,hERG_h\nA,10,100,1\nC,1,50,\n")
    a, c = load_drug_file(f)
    assert a.blocks["hERG"].ic50_uM == pytest.approx(0.1) and a.cmax_uM == pytest.approx(0.01)
    assert c.blocks["hERG"].hill == 1.0


def test_flags():
    d = drug_from_flags("x", "hERG=0.01,ICaL=26.7", hill="hERG=1,ICaL=0.9", cmax_uM=0.002)
    assert d.blocks["ICaL"].ic50_uM == 26.7 and d.blocks["ICaL"].hill == 0.9
    with pytest.raises(ConfigError, match="not CHANNEL=VALUE"):
        drug_from_flags("x", "hERG0.01")
    with pytest.raises(ConfigError, match="without an IC50"):
        drug_from_flags("x", "hERG=0.01", hill="INa=2")
