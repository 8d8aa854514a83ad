"""Torsade de pointes risk from qNet: the CiPA torsade metric score and its thresholds.

Method (after Li et al. 2019, Clin Pharmacol Ther 105:466-475):

1. qNet (:mod:`cardiotwin.scenarios.drug_trial`) of every compound at 1, 2, 3 and 4 x its
   free Cmax, paced at 2000 ms;
2. torsade metric score ``TMS = mean qNet`` over those doses (µC/µF); lower qNet = less
   net outward charge = higher risk;
3. two thresholds on the TMS, ``high_below < low_above``: ``TMS < high_below`` -> high,
   ``TMS >= low_above`` -> low, otherwise intermediate.

The thresholds are derived from the training compounds (:func:`derive_thresholds`): among
all cut pairs placed midway between consecutive training scores, the pair with the fewest
misclassified training compounds, ties broken by the largest margin (the smallest
distance from any training score to a threshold).  CiPA fits an ordinal logistic
regression instead; with 12 compounds both put the cuts in the same gaps when the classes
separate.  Two misclassification counts are reported with the table: resubstitution
(thresholds from all compounds, the same compounds scored; optimistic by construction) and
leave-one-out (:func:`leave_one_out`: each compound scored with thresholds derived from the
other eleven), the honest estimate for a new compound.

qNet depends on how long the cells were paced: ``benchmarks/drug_qnet_classification.py``
paces the 48 compound x dose columns and a control in one kernel call in chunks of 50
beats and records the qNet history, the thresholds and both counts at every chunk (the
README's drug section gives the figures).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.drug_trial import (
    DoseResult,
    PopulationBeat,
    TrialProtocol,
    dose_result,
    drugs_population_params,
    pace_population,
)
from cardiotwin.scenarios.drugs import RISK_CATEGORIES, Drug

logger = logging.getLogger(__name__)

#: Cmax multiples averaged into the torsade metric score (Li et al. 2019).
TMS_MULTIPLES: tuple[float, ...] = (1.0, 2.0, 3.0, 4.0)


@dataclass(frozen=True)
class RiskThresholds:
    """Cuts on the torsade metric score (µC/µF): high if below ``high_below``, low if at
    or above ``low_above``, intermediate in between."""

    high_below: float
    low_above: float

    def __post_init__(self) -> None:
        if not (np.isfinite(self.high_below) and np.isfinite(self.low_above)
                and self.high_below <= self.low_above):
            raise ConfigError(f"risk thresholds must be finite with high_below <= low_above, "
                              f"got {self.high_below}, {self.low_above}")

    def classify(self, tms: float) -> str:
        """Risk category of a torsade metric score (µC/µF)."""
        if not np.isfinite(tms):
            return "high"  # no repolarisation: qNet undefined, the worst case
        if tms < self.high_below:
            return "high"
        if tms >= self.low_above:
            return "low"
        return "intermediate"


def derive_thresholds(scores: Mapping[str, float], categories: Mapping[str, str]
                      ) -> tuple[RiskThresholds, int]:
    """Thresholds separating the training compounds best, and their misclassification count.

    Parameters
    ----------
    scores
        Compound -> torsade metric score (µC/µF).
    categories
        Compound -> known category (``high``/``intermediate``/``low``).
    """
    names = [n for n in scores if n in categories]
    if len(names) < 3:
        raise ConfigError("deriving risk thresholds needs at least 3 compounds with a known "
                          f"category, got {len(names)}")
    for n in names:
        if categories[n] not in RISK_CATEGORIES:
            raise ConfigError(f"compound {n!r}: unknown category {categories[n]!r}")
    s = np.array([scores[n] for n in names], dtype=float)
    s = np.where(np.isfinite(s), s, -np.inf)
    finite = np.sort(np.unique(s[np.isfinite(s)]))
    if finite.size == 0:
        raise ConfigError("no training compound has a finite torsade metric score")
    cuts = np.concatenate([[finite[0] - 1e-3], 0.5 * (finite[1:] + finite[:-1]),
                           [finite[-1] + 1e-3]])
    truth = [categories[n] for n in names]
    best: tuple[int, float, float, float] | None = None
    for i, lo in enumerate(cuts):
        for hi in cuts[i:]:
            th = RiskThresholds(float(lo), float(hi))
            errors = sum(th.classify(x) != c for x, c in zip(s, truth, strict=True))
            margin = float(np.min(np.minimum(np.abs(s - lo), np.abs(s - hi))))
            key = (errors, -margin, float(lo), float(hi))
            if best is None or key < best:
                best = key
    assert best is not None
    return RiskThresholds(best[2], best[3]), int(best[0])


def leave_one_out(scores: Mapping[str, float], categories: Mapping[str, str]
                  ) -> tuple[dict[str, str], int]:
    """Leave-one-out predictions: each compound classified with thresholds derived from
    the others.

    Parameters
    ----------
    scores
        Compound -> torsade metric score (µC/µF).
    categories
        Compound -> known category.

    Returns
    -------
    tuple
        Compound -> predicted category (for the compounds with a known category), and the
        number of them whose prediction differs from the known category.

    Notes
    -----
    The resubstitution count of :func:`derive_thresholds` scores compounds that placed
    the thresholds; holding each compound out (cross-validation over the training set)
    gives an honest estimate of how a new compound would fare.  Needs at least 4 known
    compounds (3 left to derive from).
    """
    names = [n for n in scores if n in categories]
    if len(names) < 4:
        raise ConfigError("leave-one-out needs at least 4 compounds with a known category, "
                          f"got {len(names)}")
    pred: dict[str, str] = {}
    for held in names:
        rest = {n: scores[n] for n in names if n != held}
        th, _ = derive_thresholds(rest, {n: categories[n] for n in rest})
        pred[held] = th.classify(float(scores[held]))
    return pred, sum(pred[n] != categories[n] for n in names)


@dataclass(frozen=True)
class ClassificationRow:
    """One compound of a classification table."""

    drug: str
    known_risk: str | None
    tms_uC_per_uF: float
    predicted_risk: str
    doses: tuple[DoseResult, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"drug": self.drug, "known_risk": self.known_risk,
                "tms_uC_per_uF": self.tms_uC_per_uF if np.isfinite(self.tms_uC_per_uF)
                else None, "predicted_risk": self.predicted_risk,
                "doses": [d.as_dict() for d in self.doses]}


@dataclass(frozen=True)
class Classification:
    """Torsade risk of a set of compounds, ordered by increasing TMS (highest risk first)."""

    model: str
    protocol: TrialProtocol
    thresholds: RiskThresholds
    misclassified: int
    rows: tuple[ClassificationRow, ...]
    control: DoseResult
    wall_s: float
    loo_misclassified: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        p = self.protocol
        return {"model": self.model,
                "protocol": {"bcl_ms": p.bcl_ms, "beats": p.beats,
                             "prepace_beats": p.prepace_beats, "dt_ms": p.dt_ms},
                "tms_multiples": list(TMS_MULTIPLES),
                "thresholds_uC_per_uF": {"high_below": self.thresholds.high_below,
                                         "low_above": self.thresholds.low_above},
                "misclassified": self.misclassified,
                "loo_misclassified": self.loo_misclassified,
                "control": self.control.as_dict(),
                "compounds": [r.as_dict() for r in self.rows], "wall_s": self.wall_s}

    def table(self) -> str:
        """A plain-text table (one line per compound)."""
        lines = [f"{'drug':<16}{'known':<14}{'predicted':<14}{'TMS (uC/uF)':>12}"
                 f"{'APD90 1x..4x (ms)':>30}  EAD",
                 "-" * 92]
        for r in self.rows:
            apds = " ".join("  nan" if not np.isfinite(d.apd90_ms) else f"{d.apd90_ms:5.0f}"
                            for d in r.doses)
            mark = "" if r.known_risk in (None, r.predicted_risk) else "  <- misclassified"
            lines.append(f"{r.drug:<16}{r.known_risk or '-':<14}{r.predicted_risk:<14}"
                         f"{r.tms_uC_per_uF:>12.4f}{apds:>30}  "
                         f"{'yes' if any(d.ead for d in r.doses) else 'no'}{mark}")
        lines.append(f"control APD90 {self.control.apd90_ms:.1f} ms, qNet "
                     f"{self.control.qnet_uC_per_uF:.4f} uC/uF; thresholds: high < "
                     f"{self.thresholds.high_below:.4f} <= intermediate < "
                     f"{self.thresholds.low_above:.4f} <= low; misclassified "
                     f"{self.misclassified}/{len(self.rows)}"
                     + ("" if self.loo_misclassified is None else
                        f" (leave-one-out {self.loo_misclassified})"))
        return "\n".join(lines)


def classify_drugs(model: Any, drugs: Sequence[Drug], *, protocol: TrialProtocol | None = None,
                   thresholds: RiskThresholds | None = None,
                   multiples: Sequence[float] = TMS_MULTIPLES) -> Classification:
    """Torsade metric scores of ``drugs`` on ``model`` (one kernel call) and their category.

    Without ``thresholds`` they are derived from the compounds with a known ``risk``
    (:func:`derive_thresholds`) and the misclassification count is reported.
    """
    protocol = protocol or TrialProtocol()
    params, concs = classification_params(model, drugs, multiples)
    beat = pace_population(model, params, protocol)
    return classify_beat(beat, drugs, concs, multiples, thresholds=thresholds)


def classification_params(model: Any, drugs: Sequence[Drug],
                          multiples: Sequence[float] = TMS_MULTIPLES
                          ) -> tuple[np.ndarray, list[np.ndarray]]:
    """Population parameters of a classification: the drug-free control in column 0,
    then every compound at every multiple of its free Cmax; and the concentrations (µM)."""
    if not drugs:
        raise ConfigError("no compound to classify")
    mult = np.asarray(multiples, dtype=float)
    concs = [d.free_concentrations_uM(mult) for d in drugs]
    params = drugs_population_params(model, drugs, concs, allow_missing=True)
    params = np.ascontiguousarray(np.concatenate([model.default_params(1), params], axis=1))
    return params, concs


def classify_beat(beat: PopulationBeat, drugs: Sequence[Drug], concs: Sequence[np.ndarray],
                  multiples: Sequence[float] = TMS_MULTIPLES, *,
                  thresholds: RiskThresholds | None = None) -> Classification:
    """The :class:`Classification` of a beat paced from :func:`classification_params`."""
    mult = np.asarray(multiples, dtype=float)
    control = dose_result(beat, 0, 0.0, 0.0)
    rows = []
    col = 1
    for d, c in zip(drugs, concs, strict=True):
        doses = tuple(dose_result(beat, col + i, m, x)
                      for i, (m, x) in enumerate(zip(mult, c, strict=True)))
        col += len(c)
        q = np.array([r.qnet_uC_per_uF for r in doses])
        tms = float(np.mean(q)) if np.all(np.isfinite(q)) else float("nan")
        rows.append((d, tms, doses))
    scores = {d.name: tms for d, tms, _ in rows}
    known = {d.name: d.risk for d, _, _ in rows if d.risk is not None}
    misclassified = -1
    loo: int | None = None
    if thresholds is None:
        thresholds, misclassified = derive_thresholds(scores, known)
        if len(known) >= 4:
            loo = leave_one_out(scores, known)[1]
    else:
        misclassified = sum(thresholds.classify(scores[n]) != k for n, k in known.items())
    out = [ClassificationRow(d.name, d.risk, tms, thresholds.classify(tms), doses)
           for d, tms, doses in rows]
    out.sort(key=lambda r: (r.tms_uC_per_uF if np.isfinite(r.tms_uC_per_uF) else -np.inf))
    return Classification(model=beat.model, protocol=beat.protocol, thresholds=thresholds,
                          misclassified=int(misclassified), rows=tuple(out), control=control,
                          wall_s=beat.wall_s, loo_misclassified=loo)
