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


def test_classify_a_users_compound_against_the_training_set(capsys, tmp_path):
    """A user's compound is paced with the 12 training compounds; the thresholds come from
    them (said so), with the leave-one-out spread; a copy of dofetilide's channel block
    scores exactly dofetilide's TMS and gets its class."""
    from cardiotwin.scenarios.library import get_drug

    dof = get_drug("dofetilide")
    lines = ['name = "dof-copy"', f"cmax_uM = {dof.cmax_uM}", "[ic50_uM]"]
    lines += [f"{ch} = {b.ic50_uM}" for ch, b in dof.blocks.items()]
    lines += ["[hill]"] + [f"{ch} = {b.hill}" for ch, b in dof.blocks.items()]
    f = tmp_path / "copy.toml"
    f.write_text("\n".join(lines) + "\n")
    assert main(["drug", "--classify", "--drug-file", str(f), "--model", "ord-endo",
                 "--bcl", "1000", "--beats", "1", "--dt", "0.02", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    rows = {r["drug"]: r for r in doc["compounds"]}
    assert len(rows) == 13 and rows["dof-copy"]["known_risk"] is None
    assert rows["dof-copy"]["tms_uC_per_uF"] == rows["dofetilide"]["tms_uC_per_uF"]
    assert rows["dof-copy"]["predicted_risk"] == rows["dofetilide"]["predicted_risk"]
    assert "derived from the 12 compounds of known risk" in doc["threshold_source"]
    rng = doc["loo_threshold_ranges_uC_per_uF"]
    assert rng["high_below"][0] <= doc["thresholds_uC_per_uF"]["high_below"] <= \
        rng["high_below"][1]
    assert rows["dof-copy"]["agreement"] == rows["dofetilide"]["agreement"] is not None
    # a training compound cannot be passed as a new one
    assert main(["drug", "--classify", "--drug", "verapamil", *FAST]) == 2
    assert "training compounds" in capsys.readouterr().err
