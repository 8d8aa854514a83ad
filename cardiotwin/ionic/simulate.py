"""Single-cell (or population) pacing with a block-train stimulus, and its biomarkers.

In the spirit of openCARP's ``bench`` and Myokit's ``Simulation``: pace a model at a basic
cycle length for a number of beats and record the last one.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

import numpy as np

from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic.biomarkers import BeatBiomarkers, beat_biomarkers
from cardiotwin.ionic.registry import CellModel

logger = logging.getLogger(__name__)

_CONC_TO_UM = {"mM": 1e3, "uM": 1.0, "µM": 1.0, "nM": 1e-3, "M": 1e6}


@dataclass(frozen=True)
class PacingProtocol:
    """Periodic block-train pacing.

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

    @property
    def steps_per_beat(self) -> int:
        """Time steps in one cycle."""
        return round(self.bcl_ms / self.dt_ms)


@dataclass(frozen=True)
class PacingResult:
    """The last beat of a pacing run (cell 0).

    ``t_ms`` starts at 0 at the beginning of the last beat; ``states[:, k]`` follow the
    model's ``state_names``; ``biomarkers`` of the beat.
    """

    model: str
    protocol: PacingProtocol
    t_ms: np.ndarray
    states: np.ndarray
    state_names: tuple[str, ...]
    biomarkers: BeatBiomarkers
    stimulus: tuple[float, float]
    cai_uM: np.ndarray | None = field(default=None, repr=False)

    @property
    def v(self) -> np.ndarray:
        """Membrane potential of the last beat (mV or dimensionless)."""
        return self.states[:, 0]


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


def pace(model: CellModel, protocol: PacingProtocol, *, params: np.ndarray | None = None,
         states: np.ndarray | None = None, workers: int = 1) -> PacingResult:
    """Pace ``model`` with ``protocol`` and return the last beat of cell 0.

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

    Notes
    -----
    Stimulus pulses start at t = 0 of every cycle; a step overlapping a pulse edge gets the
    pulse's time average over the step.
    """
    n_cells = 1 if params is None and states is None else (
        (params if params is not None else states).shape[1])
    if params is None:
        params = model.default_params(n_cells)
    if states is None:
        states = model.initial_states(n_cells)
    model.validate(states, params)
    amp = model.default_stimulus[0] if protocol.stim_amplitude is None \
        else protocol.stim_amplitude
    dur = model.default_stimulus[1] if protocol.stim_duration_ms is None \
        else protocol.stim_duration_ms
    dt = protocol.dt_ms
    nb = protocol.steps_per_beat
    lut_args: tuple = ()
    if protocol.use_lut:
        vmin, _vmax, dv = model.lut_default_range
        lut_args = (model.lookup_table(dt), vmin, dv)
    k = model.kernel
    empty = np.zeros((0, model.n_states))
    if protocol.beats > 1:
        k.advance(states, params, 0.0, dt, nb * (protocol.beats - 1), amp, dur,
                  protocol.bcl_ms, 0.0, empty, 0, int(workers), *lut_args)
    trace = np.empty((nb + 1, model.n_states))
    trace[0] = states[:, 0]
    t0 = (protocol.beats - 1) * protocol.bcl_ms
    k.advance(states, params, t0, dt, nb, amp, dur, protocol.bcl_ms, 0.0, trace[1:], 1,
              int(workers), *lut_args)
    if not np.all(np.isfinite(trace[:, 0])):
        logger.warning("%s: membrane potential became non-finite; dt=%g ms is too large",
                       model.name, dt)
    t = np.arange(nb + 1) * dt
    ci = cai_index_and_scale(model)
    cai = trace[:, ci[0]] * ci[1] if ci else None
    bm = beat_biomarkers(t, trace[:, 0], cai)
    return PacingResult(model=model.name, protocol=protocol, t_ms=t, states=trace,
                        state_names=model.state_names, biomarkers=bm, stimulus=(amp, dur),
                        cai_uM=cai)


def set_params(model: CellModel, params: np.ndarray, values: dict[str, float]) -> None:
    """Set rows of ``params`` in place: ``{"gKr": 0.5}`` halves I_Kr (scalings default to
    1.0); model-specific parameters (e.g. CiPA ``D``, ``Kt``) take the value as given."""
    for name, value in values.items():
        if not math.isfinite(value):
            raise ConfigError(f"parameter {name}: value must be finite, got {value}")
        params[model.param_index(name)] = value
