"""Risk thresholds derived from training compounds; classification table."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.analysis.risk import RiskThresholds, derive_thresholds, leave_one_out
from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic import get_model
from cardiotwin.scenarios.library import get_drug
from cardiotwin.studies.cipa import classify_drugs
from cardiotwin.studies.drug_trial import TrialProtocol


def test_thresholds_separate_separable_classes():
    scores = {"a": 0.01, "b": 0.02, "c": 0.04, "d": 0.05, "e": 0.07, "f": 0.08}
    cats = {"a": "high", "b": "high", "c": "intermediate", "d": "intermediate", "e": "low",
            "f": "low"}
    th, errors = derive_thresholds(scores, cats)
    assert errors == 0
    assert th.high_below == pytest.approx(0.03) and th.low_above == pytest.approx(0.06)
    assert [th.classify(s) for s in scores.values()] == list(cats.values())
    assert th.classify(float("nan")) == "high"


def test_thresholds_count_overlap():
    scores = {"a": 0.01, "b": 0.05, "c": 0.03, "d": 0.06, "e": 0.07}
    cats = {"a": "high", "b": "high", "c": "intermediate", "d": "low", "e": "low"}
    _, errors = derive_thresholds(scores, cats)
    assert errors == 1
    with pytest.raises(ConfigError, match="at least 3"):
        derive_thresholds({"a": 1.0}, {"a": "low"})
    with pytest.raises(ConfigError):
        RiskThresholds(0.1, 0.05)


def test_leave_one_out_counts_held_out_errors():
    """Three well separated pairs: every held-out compound still falls on its side of
    cuts placed between the remaining scores, so no error; an outlier inside another
    class is an error both by resubstitution and held out."""
    scores = {"a": 0.01, "b": 0.02, "c": 0.04, "d": 0.05, "e": 0.07, "f": 0.08}
    cats = {"a": "high", "b": "high", "c": "intermediate", "d": "intermediate", "e": "low",
            "f": "low"}
    pred, errors = leave_one_out(scores, cats)
    assert errors == 0 and pred == cats
    # "g" (low) scores among the high compounds: misclassified however the cuts fall.
    scores2 = {**scores, "g": 0.015}
    cats2 = {**cats, "g": "low"}
    pred2, errors2 = leave_one_out(scores2, cats2)
    assert pred2["g"] == "high" and errors2 >= 1
    assert derive_thresholds(scores2, cats2)[1] == 1
    # Held out, a class with a single member cannot be learnt: its compound is an error
    # (the resubstitution count hides this).
    scores3 = {"a": 0.01, "b": 0.02, "c": 0.05, "e": 0.07, "f": 0.08}
    cats3 = {"a": "high", "b": "high", "c": "intermediate", "e": "low", "f": "low"}
    assert derive_thresholds(scores3, cats3)[1] == 0
    pred3, errors3 = leave_one_out(scores3, cats3)
    assert pred3["c"] != "intermediate" and errors3 == 1
    with pytest.raises(ConfigError, match="at least 4"):
        leave_one_out({"a": 1.0, "b": 2.0, "c": 3.0}, {"a": "low", "b": "low", "c": "high"})


def test_classify_orders_by_tms():
    """A short run on ORd (pore block only): dofetilide has the lowest qNet of the three."""
    drugs = [get_drug(n) for n in ("verapamil", "dofetilide", "mexiletine")]
    res = classify_drugs(get_model("ord-endo"), drugs,
                         protocol=TrialProtocol(bcl_ms=1000.0, beats=1, dt_ms=0.02,
                                                sample_every=5),
                         thresholds=RiskThresholds(0.03, 0.05))
    assert res.rows[0].drug == "dofetilide"
    tms = [r.tms_uC_per_uF for r in res.rows]
    assert np.all(np.diff(tms) >= 0)
    assert "dofetilide" in res.table()
    # with given thresholds, the count is of the compounds whose known class differs
    wrong = sum(r.known_risk != r.predicted_risk for r in res.rows)
    assert res.as_dict()["misclassified"] == res.misclassified == wrong
