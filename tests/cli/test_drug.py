"""``cardiotwin drug``: JSON document, user compounds from flags/files, errors."""

from __future__ import annotations

import json

from cardiotwin.cli import main

FAST = ["--model", "ord-endo", "--bcl", "1000", "--beats", "1", "--dt", "0.02"]


def test_drug_json(capsys):
    assert main(["drug", "--drug", "dofetilide", "--cmax-multiples", "1,10", *FAST,
                 "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["model"] == "ord-endo" and doc["drug"]["name"] == "dofetilide"
    assert [d["cmax_multiple"] for d in doc["doses"]] == [1.0, 10.0]
    assert doc["doses"][0]["conc_uM"] == 0.002
    for d in doc["doses"]:
        assert set(d) >= {"apd90_ms", "apd50_ms", "cai_peak_uM", "ead", "qnet_uC_per_uF"}
    apds = [doc["control"]["apd90_ms"]] + [d["apd90_ms"] for d in doc["doses"]]
    assert apds[0] < apds[1] < apds[2]


def test_user_compound_flags_and_file(capsys, tmp_path):
    assert main(["drug", "--ic50", "hERG=0.01,ICaL=26.7", "--hill", "hERG=1,ICaL=0.9",
                 "--cmax", "0.002", "--cmax-multiples", "1", *FAST, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["drug"]["ic50_uM"] == {"hERG": 0.01, "ICaL": 26.7}
    f = tmp_path / "c.toml"
    f.write_text('name = "cx"\n[ic50_uM]\nhERG = 0.05\n')
    assert main(["drug", "--drug-file", str(f), "--conc", "0.05", *FAST]) == 0
    assert "cx on ord-endo" in capsys.readouterr().out


def test_errors(capsys):
    assert main(["drug", "--drug", "dofetilide", "--model", "tp06-epi", "--beats", "1"]) == 2
    assert "blocks INaL" in capsys.readouterr().err
    assert main(["drug", "--drug", "x", "--ic50", "hERG=1"]) == 2
    assert main(["drug", "--list"]) == 0
    assert "verapamil" in capsys.readouterr().out


def test_several_drugs_in_one_call_match_single_runs(capsys):
    """``--drug a,b`` paces both compounds in one kernel call; each column evolves on its
    own, so every dose matches the single-compound run."""
    assert main(["drug", "--drug", "dofetilide,verapamil", "--cmax-multiples", "1,10", *FAST,
                 "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [d["drug"]["name"] for d in docs] == ["dofetilide", "verapamil"]
    assert main(["drug", "--drug", "verapamil", "--cmax-multiples", "1,10", *FAST,
                 "--json"]) == 0
    single = json.loads(capsys.readouterr().out)
    for a, b in zip(docs[1]["doses"], single["doses"], strict=True):
        assert a["apd90_ms"] == b["apd90_ms"] and a["qnet_uC_per_uF"] == b["qnet_uC_per_uF"]
    assert docs[0]["control"] == single["control"]
