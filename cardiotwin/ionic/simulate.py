"""Pacing one cell or a population of cells: the one pacing loop over a kernel's ``advance``.

In the spirit of openCARP's ``bench`` and Myokit's ``Simulation``: pace a model with a
pulse train (:class:`cardiotwin.ionic.protocol.Protocol`; by default the model's own
stimulus every cycle from t = 0) for a number of cycles and sample the last one.
:func:`pace_cells` is the loop; :func:`pace` (single cell, every step of the last beat)
and :func:`cardiotwin.studies.drug_trial.pace_population` (many cells, qNet currents)
are views of it.

A run whose membrane potential leaves the physical range (or becomes non-finite) stops
with a :class:`~cardiotwin.exceptions.SolverError` naming the time, the cell and the
likely cause; no non-finite trace is ever returned.  By default a cycle that does so is
first taken again from its start with the step split into 2, 4, ... up to
:data:`MAX_AUTO_SUBSTEPS` substeps (stiff models such as Winslow 1999 or Iyer 2004 need
a smaller step than 0.01 ms during the upstroke); the samples stay at the requested
``dt`` and the number of substeps used is reported (``substeps``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from cardiotwin.exceptions import ConfigError, KernelError, SolverError
from cardiotwin.ionic.biomarkers import BeatBiomarkers, beat_biomarkers
from cardiotwin.ionic.parameters import ParameterChanges
from cardiotwin.ionic.protocol import Protocol
from cardiotwin.ionic.registry import CellModel

logger = logging.getLogger(__name__)

_CONC_TO_UM = {"mM": 1e3, "uM": 1.0, "µM": 1.0, "nM": 1e-3, "M": 1e6}

#: the physical range of the membrane potential (mV; dimensionless models: 100 x this):
#: outside it a run stops (an unstable time step, not physiology)
V_RANGE_MV = (-250.0, 250.0)

#: automatic substepping splits a step into at most this many substeps before a run that
#: still leaves the physical range is reported as failed
MAX_AUTO_SUBSTEPS = 16


def v_range(model: CellModel) -> tuple[float, float]:
    """The membrane-potential range outside which a run of ``model`` stops."""
    if model.voltage_unit == "mV":
        return V_RANGE_MV
    return (V_RANGE_MV[0] / 100.0, V_RANGE_MV[1] / 100.0)


@dataclass(frozen=True)
class PacingProtocol:
    """Periodic pacing of a single cell or population: the numerical options and the
    model's (or the given) stimulus every ``bcl_ms`` from t = 0.

    Attributes
    ----------
    bcl_ms
        Basic cycle length (ms), > 0.
    beats
        Number of beats (>= 1); the last one is recorded.
    dt_ms
        Time step (ms), > 0 and dividing ``bcl_ms`` into a whole number of steps.
    stim_amplitude
        µA/µF, Hodgkin–Huxley sign (negative depolarises); None = the model's default.
    stim_duration_ms
        Pulse duration (ms); None = the model's default.
    use_lut
        Use the lookup-table kernel.
    """

    bcl_ms: float = 1000.0
    beats: int = 1
    dt_ms: float = 0.01
    stim_amplitude: float | None = None
    stim_duration_ms: float | None = None
    use_lut: bool = False

    def __post_init__(self) -> None:
        if not self.bcl_ms > 0:
            raise ConfigError(f"bcl_ms must be > 0, got {self.bcl_ms}")
        if int(self.beats) != self.beats or self.beats < 1:
            raise ConfigError(f"beats must be an integer >= 1, got {self.beats}")
        if not self.dt_ms > 0 or self.dt_ms > self.bcl_ms:
            raise ConfigError(f"dt_ms must be in (0, bcl_ms], got {self.dt_ms}")
        n = self.bcl_ms / self.dt_ms
        if abs(n - round(n)) > 1e-6 * n:
            raise ConfigError(f"dt_ms={self.dt_ms} must divide bcl_ms={self.bcl_ms} into a "
                              "whole number of steps")
        if self.stim_duration_ms is not None and not 0 <= self.stim_duration_ms <= self.bcl_ms:
            raise ConfigError(f"stim_duration_ms must be in [0, bcl_ms], got "
                              f"{self.stim_duration_ms}")
        if self.stim_amplitude is not None and not np.isfinite(self.stim_amplitude):
            raise ConfigError(f"stim_amplitude must be finite, got {self.stim_amplitude}")

    @property
    def steps_per_beat(self) -> int:
        """Time steps in one cycle."""
        return round(self.bcl_ms / self.dt_ms)

    def stimulus(self, model: CellModel) -> Protocol:
        """The pulse train: one pulse per beat from t = 0 (the model's own amplitude and
        duration unless given)."""
        return Protocol.for_model(model, period_ms=self.bcl_ms, number=self.beats,
                                  amplitude_hh=self.stim_amplitude,
                                  duration_ms=self.stim_duration_ms)


@dataclass(frozen=True)
class PacedBeat:
    """Samples of the last cycle of :func:`pace_cells`.

    ``t_ms[k]`` from 0 at the start of the cycle (the first sample is the state before
    its first step); ``v[k, cell]``; ``states0[k, :]`` all states of cell 0;
    ``cai_uM[k, cell]`` (None for models without a cytosolic calcium);
    ``current_sum[k, cell]`` the sum of the requested currents (µA/µF; None if none).
    """

    model: str
    t_ms: np.ndarray = field(repr=False)
    v: np.ndarray = field(repr=False)
    states0: np.ndarray = field(repr=False)
    cai_uM: np.ndarray | None = field(repr=False)
    current_sum: np.ndarray | None = field(repr=False)
    stimulus: Protocol
    substeps: int = 1


def cai_index_and_scale(model: CellModel) -> tuple[int, float] | None:
    """(state row, factor to µM) of the cytosolic calcium, or None if the model has none."""
    if "Cai" not in model.current_names:
        return None
    src = dict(zip(model.current_names,
                   getattr(model.kernel, "CURRENT_SOURCES", model.current_names), strict=True))
    qn = src["Cai"]
    if qn not in model.state_names:
        return None
    i = model.state_names.index(qn)
    unit = model.state_units[i]
    scale = _CONC_TO_UM.get(unit)
    if scale is None:
        return None
    return i, scale


def pace_cells(model: CellModel, stimulus: Protocol, *, cycle_ms: float, cycles: int,
               dt_ms: float, params: np.ndarray | None = None,
               states: np.ndarray | None = None, use_lut: bool = False,
               sample_every: int = 1, sum_currents: Sequence[str] = (),
               record_cycles: int = 1, workers: int = 1,
               substeps: int | None = None) -> PacedBeat:
    """Pace every cell (column) for ``cycles`` cycles of ``cycle_ms`` and sample the last
    ``record_cycles`` of them.

    Parameters
    ----------
    model
        A compiled model (:func:`cardiotwin.ionic.get_model`).
    stimulus
        The pulse train applied to every cell (``unit`` ``"uA/uF"``, positive amplitude
        depolarising); e.g. :meth:`PacingProtocol.stimulus`.
    cycle_ms, cycles
        Length (ms) and number of cycles; the last one is sampled.
    dt_ms
        Time step (ms); must divide ``cycle_ms`` into a whole number of steps.
    params, states
        ``[n_params, n_cells]`` per-cell parameters (default: the model's, one cell) and
        ``[n_states, n_cells]`` initial states (advanced in place; default: the model's
        initial state).
    use_lut
        Use the lookup-table kernel.
    sample_every
        Sample the last cycle every this many steps (must divide its steps).
    sum_currents
        Names of ``model.current_names`` whose sum is sampled (e.g. the qNet currents);
        names the model lacks count as zero.
    record_cycles
        Number of final cycles sampled (1 <= record_cycles <= cycles).
    workers
        Threads over cells.
    substeps
        Substeps per ``dt_ms`` (the samples stay at ``dt_ms``).  None (default): 1, and a
        cycle in which a membrane potential leaves the physical range is taken again from
        its start with twice as many, up to :data:`MAX_AUTO_SUBSTEPS` (logged as a
        warning; every cell shares the step).  An integer: exactly that many, no retry.

    Raises
    ------
    SolverError
        The membrane potential of a cell left the physical range (:func:`v_range`) or
        became non-finite (with the largest number of substeps allowed): names the
        time, the cell and the likely cause.
    """
    if stimulus.unit != "uA/uF":
        raise ConfigError(f"single-cell pacing needs a stimulus in uA/uF, got {stimulus.unit}")
    if int(cycles) != cycles or cycles < 1:
        raise ConfigError(f"cycles must be an integer >= 1, got {cycles}")
    if int(record_cycles) != record_cycles or not 1 <= record_cycles <= cycles:
        raise ConfigError(f"record_cycles must be an integer in [1, cycles={cycles}], got "
                          f"{record_cycles}")
    nb = round(cycle_ms / dt_ms) if dt_ms > 0 else 0
    if not (dt_ms > 0 and nb >= 1 and abs(cycle_ms / dt_ms - nb) <= 1e-6 * nb):
        raise ConfigError(f"dt_ms={dt_ms} must divide the cycle of {cycle_ms} ms into a "
                          "whole number of steps")
    if int(sample_every) != sample_every or sample_every < 1 or nb % sample_every:
        raise ConfigError(f"sample_every={sample_every} must divide the {nb} steps of a cycle")
    if substeps is not None and (int(substeps) != substeps or substeps < 1):
        raise ConfigError(f"substeps must be an integer >= 1 or None (automatic), got "
                          f"{substeps}")
    n_cells = 1 if params is None and states is None else (
        (params if params is not None else states).shape[1])
    if params is None:
        params = model.default_params(n_cells)
    if states is None:
        states = model.initial_states(n_cells)
    model.validate(states, params)
    k = model.kernel
    amp = -float(stimulus.amplitude)  # the kernels take the Hodgkin-Huxley sign
    pulse = (amp, float(stimulus.duration_ms), float(stimulus.period_ms),
             float(stimulus.start_ms), float(stimulus.number))
    v_low, v_high = v_range(model)
    w = int(workers)
    sub = 1 if substeps is None else int(substeps)
    max_sub = MAX_AUTO_SUBSTEPS if substeps is None else sub
    tables: dict[int, dict] = {}

    def lut_kwargs(n_sub: int) -> dict:
        if not (use_lut and model.lut_entries):
            return {}
        if n_sub not in tables:
            vmin, _vmax, dv = model.lut_default_range
            tables[n_sub] = {"lut": model.lookup_table(dt_ms / n_sub), "vmin": vmin, "dv": dv}
        return tables[n_sub]

    def run(i0: int, n_steps: int, trace: np.ndarray | None = None) -> None:
        """Steps ``i0 .. i0 + n_steps - 1``; again with more substeps if a cell fails."""
        nonlocal sub
        start = states.copy() if sub < max_sub else None
        while True:
            rec = ({"trace": trace, "record_every": sample_every * sub}
                   if trace is not None else {})
            try:
                done, bad = k.advance(states, params, 0.0, dt_ms / sub, n_steps * sub,
                                      *pulse, i0=i0 * sub, workers=w, v_low=v_low,
                                      v_high=v_high, **rec, **lut_kwargs(sub))
            except ValueError as exc:
                raise KernelError(f"{model.name}: {exc}") from None
            if bad < 0:
                return
            t_bad = (i0 * sub + done) * dt_ms / sub
            if start is None or sub >= max_sub:
                tried = (f" (with {sub} substeps of {dt_ms / sub:g} ms)" if sub > 1 else "")
                raise SolverError(
                    f"{model.name}: the membrane potential of cell {bad} left the physical "
                    f"range [{v_low:g}, {v_high:g}] {model.voltage_unit} at t = {t_bad:g} ms "
                    f"(V = {states[0, bad]:.6g}){tried}: the time step dt = {dt_ms:g} ms is "
                    "too large for this model (or the stimulus too strong); try a smaller dt")
            states[...] = start
            sub *= 2
            logger.warning("%s: cell %d left the physical range at t = %g ms; taking "
                           "steps %d-%d again with %d substeps of %g ms", model.name, bad,
                           t_bad, i0, i0 + n_steps, sub, dt_ms / sub)

    # unrecorded cycles, one at a time (a failure names its time; progress in the log)
    for c in range(int(cycles) - int(record_cycles)):
        run(c * nb, nb)
        logger.debug("%s: cycle %d/%d done", model.name, c + 1, cycles)
    i0 = (int(cycles) - int(record_cycles)) * nb
    nb *= int(record_cycles)
    ns = nb // sample_every
    n = states.shape[1]
    ci = cai_index_and_scale(model)
    names = model.current_names
    rows = [names.index(c) for c in sum_currents if c in names]
    v = np.empty((ns + 1, n))
    states0 = np.empty((ns + 1, model.n_states))
    cai = np.empty((ns + 1, n)) if ci else None
    qsum = np.empty((ns + 1, n)) if sum_currents else None
    cur = np.zeros((len(names), n)) if sum_currents else None

    def sample(j: int) -> None:
        v[j] = states[0]
        states0[j] = states[:, 0]
        if cai is not None:
            cai[j] = states[ci[0]] * ci[1]
        if qsum is not None:
            k.currents(states, params, (i0 + j * sample_every) * dt_ms, cur)
            qsum[j] = cur[rows].sum(axis=0) if rows else 0.0

    sample(0)
    if n == 1 and qsum is None:
        # one cell, no currents: the kernel records the samples itself
        run(i0, nb, states0[1:])
        v[1:, 0] = states0[1:, 0]
        if cai is not None:
            cai[1:, 0] = states0[1:, ci[0]] * ci[1]
    else:
        for j in range(ns):
            run(i0 + j * sample_every, sample_every)
            sample(j + 1)
    t = np.arange(ns + 1) * (sample_every * dt_ms)
    return PacedBeat(model=model.name, t_ms=t, v=v, states0=states0, cai_uM=cai,
                     current_sum=qsum, stimulus=stimulus, substeps=sub)


@dataclass(frozen=True)
class PacingResult:
    """The last beat of a pacing run (cell 0).

    ``t_ms`` starts at 0 at the beginning of the last beat; ``states[:, k]`` follow the
    model's ``state_names``; ``biomarkers`` of the beat; ``stimulus`` the (amplitude in
    µA/µF with Hodgkin–Huxley sign, duration in ms) applied; ``substeps`` per time step
    the run ended with (see :func:`pace_cells`).
    """

    model: str
    protocol: PacingProtocol
    t_ms: np.ndarray
    states: np.ndarray
    state_names: tuple[str, ...]
    biomarkers: BeatBiomarkers
    stimulus: tuple[float, float]
    cai_uM: np.ndarray | None = field(default=None, repr=False)
    substeps: int = 1

    @property
    def v(self) -> np.ndarray:
        """Membrane potential of the last beat (mV or dimensionless)."""
        return self.states[:, 0]


def pace(model: CellModel, protocol: PacingProtocol, *, params: np.ndarray | None = None,
         states: np.ndarray | None = None, workers: int = 1,
         substeps: int | None = None) -> PacingResult:
    """Pace ``model`` with ``protocol`` and return the last beat of cell 0, every step.

    Parameters
    ----------
    model
        A compiled model (:func:`cardiotwin.ionic.get_model`).
    protocol
        Pacing protocol (cycle length, beats, time step, stimulus).
    params
        ``[n_params, n_cells]`` per-cell parameters (default: the model's defaults, 1 cell).
    states
        ``[n_states, n_cells]`` initial states (modified in place; default: the model's
        initial state).
    workers
        Threads used over cells.
    substeps
        Substeps per time step; None: automatic (see :func:`pace_cells`).

    Raises
    ------
    SolverError
        A membrane potential left the physical range (see :func:`pace_cells`).

    Notes
    -----
    Stimulus pulses start at t = 0 of every cycle; a step overlapping a pulse edge gets the
    pulse's time average over the step.
    """
    stim = protocol.stimulus(model)
    beat = pace_cells(model, stim, cycle_ms=protocol.bcl_ms, cycles=protocol.beats,
                      dt_ms=protocol.dt_ms, params=params, states=states,
                      use_lut=protocol.use_lut, workers=workers, substeps=substeps)
    ci = cai_index_and_scale(model)
    cai = beat.states0[:, ci[0]] * ci[1] if ci else None
    bm = beat_biomarkers(beat.t_ms, beat.states0[:, 0], cai)
    return PacingResult(model=model.name, protocol=protocol, t_ms=beat.t_ms,
                        states=beat.states0, state_names=model.state_names, biomarkers=bm,
                        stimulus=(-stim.amplitude, stim.duration_ms), cai_uM=cai,
                        substeps=beat.substeps)


def set_params(model: CellModel, params: np.ndarray, values: dict[str, float]) -> None:
    """Set rows of ``params`` in place (``ParameterChanges(set=values)``): ``{"gKr": 0.5}``
    makes the I_Kr scaling 0.5; ``{"D": 30}`` sets the CiPA drug concentration."""
    ParameterChanges(set=values).apply(model, params)
