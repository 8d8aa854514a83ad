"""CiPA torsade risk classification of compounds on a cell model (Li et al. 2019).

Every compound of the set at every multiple of its free Cmax (and a drug-free control) is
one column of a single kernel call (:func:`cardiotwin.studies.drug_trial.pace_population`);
the torsade metric score of a compound is the mean qNet over its doses, classified with the
thresholds of :mod:`cardiotwin.analysis.risk`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.analysis.risk import (
    TMS_MULTIPLES,
    RiskThresholds,
    agreement,
    derive_thresholds,
    leave_one_out,
    leave_one_out_thresholds,
)
from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.drugs import Drug
from cardiotwin.studies.drug_trial import (
    DoseResult,
    PopulationBeat,
    TrialProtocol,
    dose_result,
    drugs_population_params,
    pace_population,
)


@dataclass(frozen=True)
class ClassificationRow:
    """One compound of a classification table."""

    drug: str
    known_risk: str | None
    tms_uC_per_uF: float
    predicted_risk: str
    doses: tuple[DoseResult, ...]
    agreement: float = float("nan")

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"drug": self.drug, "known_risk": self.known_risk,
                "tms_uC_per_uF": self.tms_uC_per_uF if np.isfinite(self.tms_uC_per_uF)
                else None, "predicted_risk": self.predicted_risk,
                "agreement": self.agreement if np.isfinite(self.agreement) else None,
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
    loo_thresholds: tuple[RiskThresholds, ...] = ()
    threshold_source: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        p = self.protocol
        return {"model": self.model,
                "protocol": {"bcl_ms": p.bcl_ms, "beats": p.beats,
                             "prepace_beats": p.prepace_beats, "dt_ms": p.dt_ms},
                "tms_multiples": list(TMS_MULTIPLES),
                "thresholds_uC_per_uF": {"high_below": self.thresholds.high_below,
                                         "low_above": self.thresholds.low_above},
                "threshold_source": self.threshold_source,
                "loo_threshold_ranges_uC_per_uF": self.loo_ranges(),
                "misclassified": self.misclassified,
                "loo_misclassified": self.loo_misclassified,
                "control": self.control.as_dict(),
                "compounds": [r.as_dict() for r in self.rows], "wall_s": self.wall_s}

    def loo_ranges(self) -> dict[str, list[float]] | None:
        """Smallest and largest of each cut over the leave-one-out thresholds (µC/µF)."""
        if not self.loo_thresholds:
            return None
        hb = [t.high_below for t in self.loo_thresholds]
        la = [t.low_above for t in self.loo_thresholds]
        return {"high_below": [min(hb), max(hb)], "low_above": [min(la), max(la)]}

    def table(self) -> str:
        """A plain-text table (one line per compound)."""
        lines = [f"{'drug':<16}{'known':<14}{'predicted':<14}{'TMS (uC/uF)':>12}"
                 f"{'APD90 1x..4x (ms)':>30}  EAD  agreement",
                 "-" * 103]
        for r in self.rows:
            apds = " ".join("  nan" if not np.isfinite(d.apd90_ms) else f"{d.apd90_ms:5.0f}"
                            for d in r.doses)
            mark = "" if r.known_risk in (None, r.predicted_risk) else "  <- misclassified"
            agree = "" if not np.isfinite(r.agreement) else f"{100 * r.agreement:5.0f} %"
            lines.append(f"{r.drug:<16}{r.known_risk or '-':<14}{r.predicted_risk:<14}"
                         f"{r.tms_uC_per_uF:>12.4f}{apds:>30}  "
                         f"{'yes' if any(d.ead for d in r.doses) else 'no ':<5}{agree:>9}{mark}")
        lines.append(f"control APD90 {self.control.apd90_ms:.1f} ms, qNet "
                     f"{self.control.qnet_uC_per_uF:.4f} uC/uF; thresholds: high < "
                     f"{self.thresholds.high_below:.4f} <= intermediate < "
                     f"{self.thresholds.low_above:.4f} <= low; misclassified "
                     f"{self.misclassified}/{len(self.rows)}"
                     + ("" if self.loo_misclassified is None else
                        f" (leave-one-out {self.loo_misclassified})"))
        if self.threshold_source:
            lines.append(f"thresholds: {self.threshold_source}")
        rng = self.loo_ranges()
        if rng:
            lines.append("leave-one-out range of the cuts: high < "
                         f"{rng['high_below'][0]:.4f}..{rng['high_below'][1]:.4f}, low >= "
                         f"{rng['low_above'][0]:.4f}..{rng['low_above'][1]:.4f}; "
                         "'agreement' = share of those threshold sets giving the same class")
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
    loo: int | None = None
    alternatives: list[RiskThresholds] = []
    p = beat.protocol
    if thresholds is None:
        thresholds, misclassified = derive_thresholds(scores, known)
        source = (f"derived from the {len(known)} compounds of known risk in this run "
                  f"({', '.join(sorted(known))}), same model and protocol (BCL "
                  f"{p.bcl_ms:g} ms, {p.beats} beats, dt {p.dt_ms:g} ms), TMS = mean qNet "
                  f"at {', '.join(f'{m:g}' for m in mult)} x free Cmax (Li et al. 2019)")
        if len(known) >= 4:
            loo = leave_one_out(scores, known)[1]
            alternatives = leave_one_out_thresholds(scores, known)
    else:
        misclassified = sum(thresholds.classify(scores[n]) != k for n, k in known.items())
        source = "given by the caller"
    out = [ClassificationRow(d.name, d.risk, tms, thresholds.classify(tms), doses,
                             agreement(tms, thresholds, alternatives))
           for d, tms, doses in rows]
    out.sort(key=lambda r: (r.tms_uC_per_uF if np.isfinite(r.tms_uC_per_uF) else -np.inf))
    return Classification(model=beat.model, protocol=beat.protocol, thresholds=thresholds,
                          misclassified=int(misclassified), rows=tuple(out), control=control,
                          wall_s=beat.wall_s, loo_misclassified=loo,
                          loo_thresholds=tuple(alternatives), threshold_source=source)


def classify_new_compounds(model: Any, compounds: Sequence[Drug], *,
                           training: Sequence[Drug],
                           protocol: TrialProtocol | None = None,
                           multiples: Sequence[float] = TMS_MULTIPLES) -> Classification:
    """Torsade risk of ``compounds`` (a user's, risk unknown) with thresholds from
    ``training`` (e.g. the 12 CiPA training compounds), all paced in one kernel call.

    The thresholds come from the training compounds under the same model and protocol
    (the CiPA way: Li et al. 2019); their uncertainty is shown by the leave-one-out
    threshold sets (each training compound held out in turn): every row's ``agreement``
    is the share of them that give it the same class.
    """
    names = {d.name for d in training}
    clash = [d.name for d in compounds if d.name in names]
    if clash:
        raise ConfigError(f"compound(s) {', '.join(clash)} are training compounds; give new "
                          "compounds (or classify the training set alone)")
    unknown_training = [d.name for d in training if d.risk is None]
    if unknown_training:
        raise ConfigError(f"training compounds need a known risk; {unknown_training} have none")
    new = [d if d.risk is None else _without_risk(d) for d in compounds]
    return classify_drugs(model, [*training, *new], protocol=protocol, multiples=multiples)


def _without_risk(drug: Drug) -> Drug:
    from dataclasses import replace

    return replace(drug, risk=None)
