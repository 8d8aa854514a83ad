"""Cell-level drug trials: dose–response, CiPA qNet and EADs over many cells at once.

Every cell of a trial (doses of one compound, compounds of a library, members of a
virtual population) is one column of the kernel's ``states``/``params`` arrays, so the
whole trial is paced by a single kernel call (:func:`pace_population`).

Definitions
-----------
- APD90/APD50: :func:`cardiotwin.ionic.biomarkers.apd` (from maximum dV/dt to the
  repolarising crossing, V at the start of the beat as rest).
- qNet (Dutta et al. 2017, Front Physiol 8:616; Li et al. 2019, Clin Pharmacol Ther
  105:466): ``qNet = int_beat (I_NaL + I_CaL + I_to + I_Kr + I_Ks + I_K1) dt`` over the
  last beat after pacing, trapezoid rule on the sampled currents; µA/µF x ms / 1000 =
  µC/µF (numerically CiPA's C/F).  Currents missing from a model count as zero.
- EAD (:func:`detect_ead`): after the AP peak + ``guard_ms`` (100 ms) and while
  V > -70 mV, V rises by more than ``min_rise_mV`` (0.5 mV) above its running minimum.
  Repolarisation failure (V still above -70 mV at the end of the beat) is reported
  separately (``repolarised = False``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic.biomarkers import apd
from cardiotwin.ionic.protocol import Protocol
from cardiotwin.ionic.simulate import pace_cells
from cardiotwin.scenarios.drugs import Drug, apply_drug

logger = logging.getLogger(__name__)

#: Currents summed into qNet (Dutta et al. 2017).
QNET_CURRENTS: tuple[str, ...] = ("INaL", "ICaL", "Ito", "IKr", "IKs", "IK1")


@dataclass(frozen=True)
class TrialProtocol:
    """Pacing of a cell-level trial.

    Parameters
    ----------
    bcl_ms
        Basic cycle length (ms); CiPA uses 2000 ms.
    beats
        Beats paced (the last one is analysed); CiPA paces 1000 beats, enough for the
        slow dynamic hERG binding of dofetilide-like compounds to settle.
    prepace_beats
        Beats of drug-free pacing of one cell with the model's default parameters before
        the trial; its final state starts every cell, so the drug acts on a cell at its
        drug-free steady state (0 = start from the model's initial state).  Used only
        when :func:`pace_population` is given no ``states``.
    dt_ms
        Time step (ms).
    sample_every
        Record V, Cai and the qNet currents every this many steps in the last beat.
    use_lut
        Use the lookup-table kernel.
    workers
        OpenMP threads over cells.
    stim_amplitude, stim_duration_ms
        Stimulus (µA/µF, negative depolarises; ms); None = the model's default.
    """

    bcl_ms: float = 2000.0
    beats: int = 100
    prepace_beats: int = 0
    dt_ms: float = 0.01
    sample_every: int = 5
    use_lut: bool = True
    workers: int = 1
    stim_amplitude: float | None = None
    stim_duration_ms: float | None = None

    def __post_init__(self) -> None:
        if not (np.isfinite(self.bcl_ms) and self.bcl_ms > 0):
            raise ConfigError(f"bcl_ms = {self.bcl_ms!r}: expected a positive cycle length (ms)")
        if int(self.beats) != self.beats or self.beats < 1:
            raise ConfigError(f"beats = {self.beats!r}: expected an integer >= 1")
        if int(self.prepace_beats) != self.prepace_beats or self.prepace_beats < 0:
            raise ConfigError(f"prepace_beats = {self.prepace_beats!r}: expected an integer "
                              ">= 0")
        if not (np.isfinite(self.dt_ms) and 0 < self.dt_ms <= 0.1):
            raise ConfigError(f"dt_ms = {self.dt_ms!r}: expected 0 < dt_ms <= 0.1 ms")
        n = self.bcl_ms / self.dt_ms
        if abs(n - round(n)) > 1e-6 * n:
            raise ConfigError(f"dt_ms = {self.dt_ms} must divide bcl_ms = {self.bcl_ms}")
        if int(self.sample_every) != self.sample_every or self.sample_every < 1:
            raise ConfigError(f"sample_every = {self.sample_every!r}: expected an integer >= 1")
        if round(n) % self.sample_every:
            raise ConfigError(f"sample_every = {self.sample_every} must divide the "
                              f"{round(n)} steps of a beat")
        if int(self.workers) != self.workers or self.workers < 1:
            raise ConfigError(f"workers = {self.workers!r}: expected an integer >= 1")

    @property
    def steps_per_beat(self) -> int:
        """Time steps in one cycle."""
        return round(self.bcl_ms / self.dt_ms)


@dataclass(frozen=True)
class PopulationBeat:
    """The analysed (last) beat of every cell of a trial.

    ``t_ms[k]`` from 0 at the start of the beat; ``v_mV[k, cell]``; ``cai_uM[k, cell]``
    (None for models without calcium); per-cell biomarkers as 1-D arrays.
    """

    model: str
    protocol: TrialProtocol
    t_ms: np.ndarray = field(repr=False)
    v_mV: np.ndarray = field(repr=False)
    cai_uM: np.ndarray | None = field(repr=False)
    apd90_ms: np.ndarray
    apd50_ms: np.ndarray
    cai_peak_uM: np.ndarray | None
    qnet_uC_per_uF: np.ndarray
    ead: np.ndarray
    repolarised: np.ndarray
    wall_s: float

    @property
    def n_cells(self) -> int:
        """Number of cells (columns)."""
        return int(self.v_mV.shape[1])


def detect_ead(t_ms: npt.ArrayLike, v_mV: npt.ArrayLike, *, guard_ms: float = 100.0,
               v_threshold_mV: float = -70.0, min_rise_mV: float = 0.5) -> bool:
    """Whether one beat shows an early afterdepolarisation.

    Parameters
    ----------
    t_ms, v_mV
        One beat (ms, mV), starting just before the stimulus.
    guard_ms
        Time after the AP peak that is ignored (ms): the notch-and-dome of epicardial
        cells is not an EAD.
    v_threshold_mV
        Only depolarisations while V is above this potential count (mV).
    min_rise_mV
        Smallest rise of V above its running minimum that counts (mV).

    Notes
    -----
    After ``t_peak + guard_ms``, while ``V > v_threshold_mV`` (before repolarisation), an
    EAD is a rise ``V(t) - min_{t_0 <= s <= t} V(s) > min_rise_mV`` with ``t_0`` the
    start of the window: a positive dV/dt in phase 2/3 large enough not to be noise
    (the criterion of positive dV/dt during repolarisation used in CiPA analyses,
    with a small amplitude floor).
    """
    t = np.asarray(t_ms, dtype=float)
    v = np.asarray(v_mV, dtype=float)
    if t.ndim != 1 or t.shape != v.shape or t.size < 3:
        raise ConfigError("detect_ead: t_ms and v_mV must be 1-D arrays of equal length >= 3")
    if not np.all(np.isfinite(v)):
        return False
    ipk = int(np.argmax(v))
    start = int(np.searchsorted(t, t[ipk] + guard_ms))
    if start >= t.size:
        return False
    w = v[start:]
    below = np.nonzero(w <= v_threshold_mV)[0]
    if below.size:
        w = w[: below[0]]
    if w.size < 2:
        return False
    rise = w - np.minimum.accumulate(w)
    return bool(np.max(rise) > min_rise_mV)


def pace_population(model: Any, params: np.ndarray, protocol: TrialProtocol, *,
                    states: np.ndarray | None = None) -> PopulationBeat:
    """Pace every column of ``params`` with ``protocol`` in one kernel call and analyse
    the last beat of each cell.

    Parameters
    ----------
    model
        A :class:`cardiotwin.ionic.CellModel`.
    params
        ``[n_params, n_cells]`` per-cell parameters (drug block, population scalings).
    protocol
        Pacing and sampling.
    states
        Initial states ``[n_states, n_cells]``, advanced in place (default: the model's
        initial state, after ``protocol.prepace_beats`` drug-free beats).

    Returns
    -------
    PopulationBeat
        Traces and biomarkers of the last beat of every cell.
    """
    params = np.ascontiguousarray(params, dtype=np.float64)
    n = params.shape[1]
    t_start = time.perf_counter()
    if states is None:
        states = model.initial_states(n)
        if protocol.prepace_beats:
            one = model.initial_states(1)
            pace_population(model, model.default_params(1),
                            replace(protocol, beats=protocol.prepace_beats, prepace_beats=0,
                                    workers=1), states=one)
            states = np.ascontiguousarray(np.repeat(one, n, axis=1))
    stim = Protocol.for_model(model, period_ms=protocol.bcl_ms, number=protocol.beats,
                              amplitude_hh=protocol.stim_amplitude,
                              duration_ms=protocol.stim_duration_ms)
    beat = pace_cells(model, stim, cycle_ms=protocol.bcl_ms, cycles=protocol.beats,
                      dt_ms=protocol.dt_ms, params=params, states=states,
                      use_lut=protocol.use_lut, sample_every=protocol.sample_every,
                      sum_currents=QNET_CURRENTS, workers=protocol.workers)
    t, v, cai, qsum = beat.t_ms, beat.v, beat.cai_uM, beat.current_sum
    wall = time.perf_counter() - t_start
    qnet = np.trapezoid(qsum, t, axis=0) / 1000.0
    apd90 = np.array([apd(t, v[:, c], 90.0) for c in range(n)])
    apd50 = np.array([apd(t, v[:, c], 50.0) for c in range(n)])
    ead = np.array([detect_ead(t, v[:, c]) for c in range(n)], dtype=bool)
    repol = np.isfinite(v[-1]) & (v[-1] < -70.0) if model.voltage_unit == "mV" \
        else np.isfinite(apd90)
    return PopulationBeat(model=model.name, protocol=protocol, t_ms=t, v_mV=v, cai_uM=cai,
                          apd90_ms=apd90, apd50_ms=apd50,
                          cai_peak_uM=None if cai is None else cai.max(axis=0),
                          qnet_uC_per_uF=qnet, ead=ead, repolarised=repol, wall_s=wall)


@dataclass(frozen=True)
class DoseResult:
    """Biomarkers at one concentration (JSON keys of ``cardiotwin drug --json``)."""

    cmax_multiple: float | None
    conc_uM: float
    apd90_ms: float
    apd50_ms: float
    cai_peak_uM: float | None
    ead: bool
    repolarised: bool
    qnet_uC_per_uF: float

    def as_dict(self) -> dict[str, Any]:
        """Plain dict with NaN turned into None (valid JSON)."""
        out = dict(self.__dict__)
        for key, val in out.items():
            if isinstance(val, float) and not np.isfinite(val):
                out[key] = None
        return out


def dose_result(beat: PopulationBeat, c: int, multiple: float | None,
                conc: float) -> DoseResult:
    """The :class:`DoseResult` of column ``c`` of ``beat`` (concentration ``conc`` µM)."""
    return DoseResult(
        cmax_multiple=None if multiple is None else float(multiple), conc_uM=float(conc),
        apd90_ms=float(beat.apd90_ms[c]), apd50_ms=float(beat.apd50_ms[c]),
        cai_peak_uM=None if beat.cai_peak_uM is None else float(beat.cai_peak_uM[c]),
        ead=bool(beat.ead[c]), repolarised=bool(beat.repolarised[c]),
        qnet_uC_per_uF=float(beat.qnet_uC_per_uF[c]))


@dataclass(frozen=True)
class DoseResponse:
    """Dose–response of one compound on one model (``control`` = no drug)."""

    drug: Drug
    model: str
    protocol: TrialProtocol
    control: DoseResult
    doses: tuple[DoseResult, ...]
    wall_s: float

    def as_dict(self) -> dict[str, Any]:
        """The JSON document of ``cardiotwin drug --json``."""
        p = self.protocol
        return {"drug": self.drug.as_dict(), "model": self.model,
                "protocol": {"bcl_ms": p.bcl_ms, "beats": p.beats,
                             "prepace_beats": p.prepace_beats, "dt_ms": p.dt_ms},
                "control": self.control.as_dict(),
                "doses": [d.as_dict() for d in self.doses], "wall_s": self.wall_s}


def drugs_population_params(model: Any, drugs: Sequence[Drug],
                            concs_uM: Sequence[npt.ArrayLike], *,
                            allow_missing: bool = False) -> np.ndarray:
    """Parameters with one column per (drug, concentration) pair, drug by drug."""
    cols = []
    for drug, conc in zip(drugs, concs_uM, strict=True):
        c = np.atleast_1d(np.asarray(conc, dtype=float))
        p = model.default_params(c.size)
        apply_drug(model, p, drug, c, allow_missing=allow_missing)
        cols.append(p)
    return np.ascontiguousarray(np.concatenate(cols, axis=1))


def dose_response(model: Any, drug: Drug, *, cmax_multiples: Sequence[float] | None = None,
                  concentrations_uM: Sequence[float] | None = None,
                  protocol: TrialProtocol | None = None,
                  allow_missing: bool = False) -> DoseResponse:
    """Biomarkers and qNet of ``drug`` on ``model`` at several concentrations.

    All doses and the drug-free control are columns of one population paced together.

    Parameters
    ----------
    model
        A :class:`cardiotwin.ionic.CellModel`.
    drug
        The compound.
    cmax_multiples
        Multiples of the drug's free Cmax (needs ``drug.cmax_uM``), or
    concentrations_uM
        Free concentrations (µM).
    protocol
        Pacing (default: CiPA's 2000 ms cycle length).
    allow_missing
        Ignore channels the model lacks (see :func:`~cardiotwin.scenarios.drugs.apply_drug`).
    """
    return dose_responses(model, [drug], cmax_multiples=cmax_multiples,
                          concentrations_uM=concentrations_uM, protocol=protocol,
                          allow_missing=allow_missing)[0]


def dose_responses(model: Any, drugs: Sequence[Drug], *,
                   cmax_multiples: Sequence[float] | None = None,
                   concentrations_uM: Sequence[float] | None = None,
                   protocol: TrialProtocol | None = None,
                   allow_missing: bool = False) -> list[DoseResponse]:
    """:func:`dose_response` of several compounds, all paced in one kernel call.

    The columns are the drug-free control followed by every compound at every dose; each
    :class:`DoseResponse` reports the shared control and the call's wall time.
    """
    protocol = protocol or TrialProtocol()
    if (cmax_multiples is None) == (concentrations_uM is None):
        raise ConfigError("give exactly one of cmax_multiples and concentrations_uM")
    if not drugs:
        raise ConfigError("no compound given")
    mult: list[float | None]
    if cmax_multiples is not None:
        mult = [float(m) for m in cmax_multiples]
        concs = [d.free_concentrations_uM(np.asarray(mult, dtype=float)) for d in drugs]
    else:
        conc = np.asarray(concentrations_uM, dtype=float)
        mult = [None] * conc.size
        concs = [conc] * len(drugs)
    if len(mult) == 0:
        raise ConfigError("no dose given")
    params = drugs_population_params(model, [drugs[0], *drugs],
                                     [np.zeros(1), *concs], allow_missing=allow_missing)
    logger.info("%s on %s: %d doses each + control, %d beats at %g ms",
                ", ".join(d.name for d in drugs), model.name, len(mult), protocol.beats,
                protocol.bcl_ms)
    beat = pace_population(model, params, protocol)
    control = dose_result(beat, 0, 0.0, 0.0)
    out = []
    for k, (drug, conc) in enumerate(zip(drugs, concs, strict=True)):
        col = 1 + k * len(mult)
        doses = tuple(dose_result(beat, col + i, m, c) for i, (m, c) in enumerate(
            zip(mult, conc, strict=True)))
        out.append(DoseResponse(drug=drug, model=model.name, protocol=protocol,
                                control=control, doses=doses, wall_s=beat.wall_s))
    return out


def sample_population(model: Any, n_cells: int, *, sigma: float = 0.2, seed: int = 0,
                      names: Sequence[str] | None = None) -> np.ndarray:
    """A virtual population: conductance scalings drawn log-normally, ``[n_params, n]``.

    Parameters
    ----------
    model
        A :class:`cardiotwin.ionic.CellModel`.
    n_cells
        Population size.
    sigma
        Standard deviation of ``log(scaling)`` (dimensionless; 0.2 ~ 20 % spread, as in
        Britton et al. 2013 and Sobie 2009).
    seed
        Seed of the NumPy random generator (reproducible populations).
    names
        Parameters to vary (default: every parameter of kind ``scale`` of the model, i.e.
        the conductance scalings).
    """
    if int(n_cells) != n_cells or n_cells < 1:
        raise ConfigError(f"n_cells = {n_cells!r}: expected an integer >= 1")
    if not (np.isfinite(sigma) and sigma >= 0):
        raise ConfigError(f"sigma = {sigma!r}: expected a finite number >= 0")
    if names is None:
        kinds = getattr(model.kernel, "PARAM_KINDS", ("scale",) * model.n_params)
        names = [p for p, kind in zip(model.param_names, kinds, strict=True) if kind == "scale"]
    rng = np.random.default_rng(seed)
    params = model.default_params(int(n_cells))
    for name in names:
        i = model.param_index(name)
        params[i] *= np.exp(rng.normal(0.0, sigma, int(n_cells)))
    return params
