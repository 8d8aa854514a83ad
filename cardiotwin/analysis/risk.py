"""Torsade de pointes risk from qNet: the CiPA torsade metric score and its thresholds.

Method (after Li et al. 2019, Clin Pharmacol Ther 105:466-475):

1. qNet (:mod:`cardiotwin.studies.drug_trial`) of every compound at 1, 2, 3 and 4 x its
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

import numpy as np

from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)

#: Torsade risk categories of CiPA (Colatsky et al. 2016), highest risk first.
RISK_CATEGORIES: tuple[str, ...] = ("high", "intermediate", "low")

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


def leave_one_out_thresholds(scores: Mapping[str, float], categories: Mapping[str, str]
                             ) -> list[RiskThresholds]:
    """The thresholds derived with each known compound held out in turn (its spread says
    how much the cuts depend on the training set)."""
    names = [n for n in scores if n in categories]
    if len(names) < 4:
        raise ConfigError("leave-one-out needs at least 4 compounds with a known category, "
                          f"got {len(names)}")
    out = []
    for held in names:
        rest = [n for n in names if n != held]
        th, _ = derive_thresholds({n: scores[n] for n in rest}, {n: categories[n] for n in rest})
        out.append(th)
    return out


def agreement(tms: float, thresholds: RiskThresholds,
              alternatives: Sequence[RiskThresholds]) -> float:
    """Fraction of ``alternatives`` (e.g. leave-one-out thresholds) that put ``tms`` in the
    same category as ``thresholds``: 1 is a robust call, lower is borderline."""
    if not alternatives:
        return float("nan")
    want = thresholds.classify(tms)
    return sum(t.classify(tms) == want for t in alternatives) / len(alternatives)
