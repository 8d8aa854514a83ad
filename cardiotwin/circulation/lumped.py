"""Lumped (0-D) circulation models stepped in time, one ventricle pressure at a time.

The equations are those of the ``circulation`` package (MIT; the 0-D models that
fenicsx-pulse couples to its mechanics): :class:`WindkesselCirculation` wraps its
``ThreeElementWindkessel``, :class:`ClosedLoopCirculation` its ``Regazzoni2020``.  That
package integrates its models in its own time loop; here only their right-hand sides are
used, advanced step by step so that a 3-D mechanics model can supply the ventricular
pressures (explicit, staggered coupling, see :mod:`cardiotwin.coupling`).

Notes
-----
Time stepping: forward Euler (as the ``circulation`` package's default), optionally with
``substeps`` per step.  Any Runge-Kutta step keeps every linear invariant exactly, so the
blood volume of the closed loop (chambers plus ``C p`` of the four compliances) is
conserved to round-off whatever the step.

Ventricle pressures are either prescribed for the step (``pressures_mmHg={"lv": ...,
"rv": ...}``: held constant over it, the explicit coupling to mechanics) or, in the
closed loop only, computed by the 0-D time-varying elastances of
:class:`~cardiotwin.circulation.parameters.ClosedLoopParameters` (``lv``, ``rv``).

Units: volumes mL, pressures mmHg, flows mL/s, time ms (the package works in seconds).
"""

from __future__ import annotations

import contextlib
import logging
import math
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from cardiotwin._deps import require
from cardiotwin.circulation.parameters import (
    CLOSED_LOOP_STATES,
    ClosedLoopParameters,
    WindkesselParameters,
)
from cardiotwin.exceptions import ConfigError, SolverError

logger = logging.getLogger(__name__)

#: state names of :class:`WindkesselCirculation`
WINDKESSEL_STATES = ("V_LV", "p_c")


@contextlib.contextmanager
def _quiet_peer() -> Iterator[Path]:
    """Build a ``circulation`` model without its side effects: its constructor writes
    parameter files to an output folder (a temporary one here) and calls
    ``logging.basicConfig`` (a no-op while the root logger has a handler)."""
    root = logging.getLogger()
    guard = None
    if not root.handlers:
        guard = logging.NullHandler()
        root.addHandler(guard)
    peer_log = logging.getLogger("circulation")
    level = peer_log.level
    peer_log.setLevel(logging.WARNING)
    try:
        with tempfile.TemporaryDirectory(prefix="cardiotwin-circulation-") as tmp:
            yield Path(tmp)
    finally:
        peer_log.setLevel(level)
        if guard is not None:
            root.removeHandler(guard)


def _peer() -> Any:
    return require("circulation", extra="mechanics",
                   purpose="the lumped circulation models (Windkessel, closed loop)")


class LumpedCirculation:
    """A lumped circulation model and its state (base of the two models).

    Attributes
    ----------
    t_ms
        Current time (ms).
    state
        Current state vector (:attr:`state_names`; mL, mmHg, mL/s).
    ventricles
        The chambers whose pressure a mechanics model may prescribe (``"lv"``, ``"rv"``).
    """

    ventricles: tuple[str, ...] = ()
    state_names: tuple[str, ...] = ()
    _volume_state: ClassVar[dict[str, str]] = {"lv": "V_LV", "rv": "V_RV"}

    def __init__(self, model: Any) -> None:
        self._model = model
        self.t_ms = 0.0
        self.state = np.array(model.state, dtype=np.float64)
        self._prescribed: dict[str, float] | None = None
        #: within a linearised step: ventricle -> {ventricle: dp/dV (mmHg/mL)}
        self._elastances: dict[str, dict[str, float]] | None = None
        self._volumes_start: dict[str, float] = {}
        self._step_variables: dict[str, float] | None = None

    # ---------------------------------------------------------------- state access
    def value(self, name: str) -> float:
        """A state by name (:attr:`state_names`)."""
        if name not in self.state_names:
            raise ConfigError(f"{type(self).__name__} has no state {name!r}; it has "
                              f"{', '.join(self.state_names)}")
        return float(self.state[self.state_names.index(name)])

    def ventricle_volume(self, ventricle: str) -> float:
        """Volume (mL) of ``ventricle`` (``"lv"``/``"rv"``)."""
        self._check_ventricle(ventricle)
        return self.value(self._volume_state[ventricle])

    def set_ventricle_volume(self, ventricle: str, volume_mL: float) -> None:
        """Set the volume (mL) of ``ventricle``, e.g. to the unloaded volume of a 3-D
        cavity at the start of a coupled run."""
        self._check_ventricle(ventricle)
        if not (math.isfinite(volume_mL) and volume_mL > 0):
            raise ConfigError(f"volume of {ventricle} = {volume_mL!r}: expected a finite "
                              "number > 0 (mL)")
        self.state[self.state_names.index(self._volume_state[ventricle])] = float(volume_mL)

    def _check_ventricle(self, ventricle: str) -> None:
        if ventricle not in self.ventricles:
            raise ConfigError(f"{type(self).__name__} has no ventricle {ventricle!r}; it has "
                              f"{', '.join(self.ventricles)}")

    def variables(self, pressures_mmHg: Mapping[str, float] | None = None) -> dict[str, float]:
        """Algebraic variables (pressures mmHg, valve flows mL/s) at the current state,
        with these ventricle pressures (mmHg; default: those of the last step)."""
        saved = self._prescribed
        if pressures_mmHg is not None:
            self._prescribed = {k: float(v) for k, v in pressures_mmHg.items()}
        try:
            var = np.array(self._model.update_static_variables(self.t_ms / 1000.0,
                                                               self.state), dtype=float)
        finally:
            self._prescribed = saved
        return dict(zip(self._model.var_names(), var.tolist(), strict=True))

    def step_variables(self) -> dict[str, float] | None:
        """The algebraic variables averaged over the last :meth:`step`, as the time
        integration used them (pressures mmHg, valve flows mL/s): a valve flow times the
        step is the volume that passed it in the step.  ``None`` before the first step.

        :meth:`variables` evaluates them at one instant instead; next to a stiff 3-D
        cavity, whose pressure at the end of a step differs from the linearised one the
        step was integrated with, the open valves' flows at that instant can be far from
        what moved the volumes.
        """
        return None if self._step_variables is None else dict(self._step_variables)

    def snapshot(self) -> tuple[float, np.ndarray]:
        """The time and state, to repeat a step from (:meth:`restore`)."""
        return self.t_ms, self.state.copy()

    def restore(self, snapshot: tuple[float, np.ndarray]) -> None:
        """Go back to a :meth:`snapshot` (:meth:`step_variables` is then ``None`` until
        the next step)."""
        self.t_ms, state = snapshot
        self.state[:] = state
        self._step_variables = None

    # ---------------------------------------------------------------- stepping
    def _ventricle_pressures(self, volumes_mL: Mapping[str, float], t_s: float
                             ) -> dict[str, float]:
        """Pressure (mmHg) of every ventricle in ``volumes_mL`` at those volumes."""
        if self._prescribed is not None:
            p = {v: self._prescribed[v] for v in volumes_mL}
            if self._elastances is not None:
                start = self._volumes_start
                for v in p:
                    p[v] += sum(e * (volumes_mL[w] - start[w])
                                for w, e in self._elastances[v].items())
            return p
        return {v: self._elastance_pressure(v, vol, t_s) for v, vol in volumes_mL.items()}

    def _linearisation(self, elastances: Mapping[str, Any]) -> dict[str, dict[str, float]]:
        """``elastances`` as a full matrix (ventricle -> ventricle -> mmHg/mL), checked."""
        vs = list(self.ventricles)
        bad = ConfigError(f"elastances_mmHg_per_mL = {dict(elastances)}: expected, for each "
                          f"of {vs}, a number >= 0 or a mapping over {vs} (dp_row/dV_column,"
                          " mmHg/mL) with a diagonal >= 0 and finite entries")
        if sorted(elastances) != sorted(vs):
            raise bad
        out: dict[str, dict[str, float]] = {}
        for v in vs:
            row = elastances[v]
            if isinstance(row, Mapping):
                if not set(row) <= set(vs):
                    raise bad
                full = {w: float(row.get(w, 0.0)) for w in vs}
            else:
                full = {w: (float(row) if w == v else 0.0) for w in vs}
            if not (all(math.isfinite(e) for e in full.values()) and full[v] >= 0):
                raise bad
            out[v] = full
        return out

    def max_valve_conductance(self) -> float:
        """The largest conductance (mL/(mmHg s)) through which blood leaves or enters a
        ventricle: the sum over its valves of ``1 / R_open``."""
        raise NotImplementedError

    def _elastance_pressure(self, ventricle: str, volume_mL: float, t_s: float) -> float:
        raise ConfigError(f"{type(self).__name__} has no 0-D model of the {ventricle}: "
                          "prescribe its pressure (pressures_mmHg=...)")

    def step(self, dt_ms: float, *, pressures_mmHg: Mapping[str, float] | None = None,
             elastances_mmHg_per_mL: Mapping[str, Any] | None = None,
             substeps: int = 1) -> None:
        """Advance by ``dt_ms`` (forward Euler, ``substeps`` steps).

        Parameters
        ----------
        dt_ms
            Time step (ms).
        pressures_mmHg
            Pressure (mmHg) of every ventricle at the start of the step; ``None``: the
            model's own 0-D ventricles.
        elastances_mmHg_per_mL
            With ``pressures_mmHg``: the pressure of each ventricle follows the volumes
            within the step, ``p_v + sum_w E_vw (V_w - V_w,start)`` (linearised chambers,
            which keep the explicit exchange with a stiff cavity stable); per ventricle
            either its own elastance ``E_vv`` (a number) or a row ``{w: E_vw}`` (the
            cross terms of ventricles sharing a septum); ``None``: held.
        substeps
            Forward Euler steps within ``dt_ms``.

        Raises
        ------
        SolverError
            If the state becomes non-finite or a volume negative.
        """
        if not (isinstance(dt_ms, int | float) and math.isfinite(dt_ms) and dt_ms > 0):
            raise ConfigError(f"dt_ms = {dt_ms!r}: expected a time step > 0 (ms)")
        if not (isinstance(substeps, int) and substeps >= 1):
            raise ConfigError(f"substeps = {substeps!r}: expected an integer >= 1")
        if pressures_mmHg is not None:
            missing = [v for v in self.ventricles if v not in pressures_mmHg]
            extra = [k for k in pressures_mmHg if k not in self.ventricles]
            if missing or extra:
                raise ConfigError(f"pressures_mmHg has keys {sorted(pressures_mmHg)}: expected "
                                  f"exactly {list(self.ventricles)}")
            bad = {k: v for k, v in pressures_mmHg.items() if not math.isfinite(v)}
            if bad:
                raise SolverError(f"t = {self.t_ms:.3f} ms: non-finite ventricle pressure "
                                  f"{bad} handed to the circulation")
            self._prescribed = {k: float(v) for k, v in pressures_mmHg.items()}
            if elastances_mmHg_per_mL is not None:
                self._elastances = self._linearisation(elastances_mmHg_per_mL)
                self._volumes_start = {v: self.ventricle_volume(v) for v in self.ventricles}
        else:
            self._prescribed = None
        if self._elastances is not None:
            # a linearised chamber empties through an open valve at the rate E / R_open
            # (1/s); forward Euler is stable while h E / R_open < 2: keep it below 1
            # (E: a bound on the spectral radius of the elastance matrix, Gershgorin's)
            e_max = max(sum(abs(e) for e in row.values())
                        for row in self._elastances.values())
            needed = math.ceil(dt_ms / 1000.0 * e_max * self.max_valve_conductance())
            if needed > substeps:
                logger.debug("t = %.3f ms: %d circulation substeps for a cavity elastance "
                             "of %.4g mmHg/mL", self.t_ms, needed, e_max)
                substeps = needed
        h_s = dt_ms / 1000.0 / substeps
        t0_s = self.t_ms / 1000.0
        mean = np.zeros(len(self._model.var_names()))
        for i in range(substeps):
            dy = np.array(self._model.rhs(t0_s + i * h_s, self.state), dtype=float)
            mean += np.asarray(self._model.var, dtype=float)  # what this rhs used
            self.state += h_s * dy
        self.t_ms += dt_ms
        self._step_variables = dict(zip(self._model.var_names(), (mean / substeps).tolist(),
                                        strict=True))
        if self._elastances is not None:  # the pressures at the end of the step
            self._prescribed = self._ventricle_pressures(
                {v: self.ventricle_volume(v) for v in self.ventricles}, 0.0)
            self._elastances = None
        vols = [self.value(n) for n in self.state_names if n.startswith("V_")]
        if not np.all(np.isfinite(self.state)) or min(vols) <= 0:
            raise SolverError(
                f"circulation state at t = {self.t_ms:.3f} ms is not physical "
                f"({dict(zip(self.state_names, self.state.round(3).tolist(), strict=True))}); "
                "reduce the time step or check the pressures handed to it")

    def run(self, t_end_ms: float, dt_ms: float, *,
            pressure: Callable[[float, Mapping[str, float]], Mapping[str, float]] | None = None,
            ) -> dict[str, np.ndarray]:
        """Advance to ``t_end_ms`` and return the history (states and variables, with
        ``time_ms``), sampled every step.

        Parameters
        ----------
        pressure
            Optional ``pressure(t_ms, volumes_mL) -> {ventricle: mmHg}`` evaluated at the
            start of every step (e.g. a prescribed pressure trace); ``None``: the 0-D
            ventricles.
        """
        n = round((t_end_ms - self.t_ms) / dt_ms)
        if n < 1:
            raise ConfigError(f"run: t_end_ms = {t_end_ms} is not a step past t = "
                              f"{self.t_ms} ms")
        rows: list[np.ndarray] = []
        var_rows: list[list[float]] = []
        times = []

        def record() -> None:
            times.append(self.t_ms)
            rows.append(self.state.copy())
            var_rows.append(list(self.variables().values()))

        for _ in range(n):
            p = None
            if pressure is not None:
                p = pressure(self.t_ms, {v: self.ventricle_volume(v) for v in self.ventricles})
                self._prescribed = dict(p)
            record()
            self.step(dt_ms, pressures_mmHg=p)
        record()
        out = {"time_ms": np.array(times)}
        states = np.array(rows)
        for i, name in enumerate(self.state_names):
            out[name] = states[:, i]
        vars_ = np.array(var_rows)
        for i, name in enumerate(self._model.var_names()):
            out[name] = vars_[:, i]
        return out


class WindkesselCirculation(LumpedCirculation):
    """One ventricle (``"lv"``) filled from a constant pressure and ejecting into a
    3-element Windkessel (:class:`~cardiotwin.circulation.parameters.WindkesselParameters`,
    equations in its notes).

    Parameters
    ----------
    parameters
        The circulation.
    volume_mL
        Initial ventricle volume (mL).
    """

    ventricles = ("lv",)
    state_names = WINDKESSEL_STATES

    def __init__(self, parameters: WindkesselParameters | None = None, *,
                 volume_mL: float = 140.0) -> None:
        parameters = parameters or WindkesselParameters()
        if not isinstance(parameters, WindkesselParameters):
            raise ConfigError(f"parameters is a {type(parameters).__name__}: expected "
                              "WindkesselParameters")
        if not (math.isfinite(volume_mL) and volume_mL > 0):
            raise ConfigError(f"volume_mL = {volume_mL!r}: expected a finite number > 0 (mL)")
        self.parameters = parameters
        circ = _peer()
        p = parameters
        peer_params = {"R_c": p.R_c_mmHg_s_per_mL, "R_p": p.R_p_mmHg_s_per_mL,
                       "C": p.C_mL_per_mmHg, "P_venous": p.preload_mmHg,
                       "R_mitral": p.R_mitral_mmHg_s_per_mL,
                       "R_aortic": p.R_aortic_mmHg_s_per_mL}
        with _quiet_peer() as tmp:
            model = circ.windkessel.ThreeElementWindkessel(
                parameters=peer_params, outdir=tmp,
                p_LV_func=lambda V, t: self._ventricle_pressures({"lv": V}, t)["lv"],
                initial_state={"V_LV": float(volume_mL), "p_c": p.arterial_pressure_mmHg})
        super().__init__(model)

    def max_valve_conductance(self) -> float:
        p = self.parameters
        return 1.0 / p.R_mitral_mmHg_s_per_mL + 1.0 / p.R_aortic_mmHg_s_per_mL


class ClosedLoopCirculation(LumpedCirculation):
    """The closed-loop circulation of Regazzoni et al. (2022)
    (:class:`~cardiotwin.circulation.parameters.ClosedLoopParameters`): atria as 0-D
    elastances, ventricles 0-D or prescribed by 3-D mechanics, four valves, systemic and
    pulmonary circuits.

    Parameters
    ----------
    parameters
        The circulation (already :meth:`~ClosedLoopParameters.scaled` to the heart size).
    """

    ventricles = ("lv", "rv")
    state_names = CLOSED_LOOP_STATES

    def __init__(self, parameters: ClosedLoopParameters | None = None) -> None:
        parameters = parameters or ClosedLoopParameters()
        if not isinstance(parameters, ClosedLoopParameters):
            raise ConfigError(f"parameters is a {type(parameters).__name__}: expected "
                              "ClosedLoopParameters")
        self.parameters = parameters
        circ = _peer()
        p = parameters
        k = p.volume_scale
        lead_s = p.atrial_lead_ms / 1000.0

        def chamber(c: Any, onset_s: float) -> dict[str, float]:
            return {"EA": c.EA_mmHg_per_mL, "EB": c.EB_mmHg_per_mL, "TC": c.TC_ms / 1000.0,
                    "TR": c.TR_ms / 1000.0, "tC": onset_s, "V0": c.V0_mL}

        def circuit(c: Any) -> dict[str, float]:
            return {"R_AR": c.R_AR_mmHg_s_per_mL, "C_AR": c.C_AR_mL_per_mmHg,
                    "R_VEN": c.R_VEN_mmHg_s_per_mL, "C_VEN": c.C_VEN_mL_per_mmHg,
                    "L_AR": c.L_AR_mmHg_s2_per_mL, "L_VEN": c.L_VEN_mmHg_s2_per_mL}

        valve = {"Rmin": p.valve_R_min_mmHg_s_per_mL, "Rmax": p.valve_R_max_mmHg_s_per_mL}
        peer_params = {
            "HR": 1000.0 / p.cycle_length_ms,
            "chambers": {"LA": chamber(p.la, -lead_s), "RA": chamber(p.ra, -lead_s),
                         "LV": chamber(p.lv, 0.0), "RV": chamber(p.rv, 0.0)},
            "valves": {v: dict(valve) for v in ("MV", "AV", "TV", "PV")},
            "circulation": {"SYS": circuit(p.systemic), "PUL": circuit(p.pulmonary)},
        }
        defaults = circ.regazzoni2020.Regazzoni2020.default_initial_conditions()
        initial = {}
        for name in CLOSED_LOOP_STATES:
            v = float(defaults[name].magnitude)
            initial[name] = v * k if name.startswith(("V_", "Q_")) else v
        initial.update(dict(p.initial))
        with _quiet_peer() as tmp:
            model = circ.regazzoni2020.Regazzoni2020(
                parameters=peer_params, outdir=tmp, initial_state=initial,
                p_BiV=lambda V_lv, V_rv, t: tuple(self._ventricle_pressures(
                    {"lv": V_lv, "rv": V_rv}, t).values()))
        self._elastance = {"lv": model.time_varying_elastance(**peer_params["chambers"]["LV"]),
                           "rv": model.time_varying_elastance(**peer_params["chambers"]["RV"])}
        super().__init__(model)

    def max_valve_conductance(self) -> float:
        return 2.0 / self.parameters.valve_R_min_mmHg_s_per_mL

    def elastance_mmHg_per_mL(self, ventricle: str, t_ms: float) -> float:
        """The elastance (mmHg/mL) of the 0-D ``ventricle`` at time ``t_ms``."""
        self._check_ventricle(ventricle)
        return float(self._elastance[ventricle](t_ms / 1000.0))

    def _elastance_pressure(self, ventricle: str, volume_mL: float, t_s: float) -> float:
        c = self.parameters.lv if ventricle == "lv" else self.parameters.rv
        return float(self._elastance[ventricle](t_s) * (volume_mL - c.V0_mL))

    def total_volume_mL(self) -> float:
        """Blood volume (mL): the four chambers plus ``C p`` of the four compliances."""
        p = self.parameters
        s = {n: self.value(n) for n in CLOSED_LOOP_STATES}
        return (s["V_LA"] + s["V_LV"] + s["V_RA"] + s["V_RV"]
                + p.systemic.C_AR_mL_per_mmHg * s["p_AR_SYS"]
                + p.systemic.C_VEN_mL_per_mmHg * s["p_VEN_SYS"]
                + p.pulmonary.C_AR_mL_per_mmHg * s["p_AR_PUL"]
                + p.pulmonary.C_VEN_mL_per_mmHg * s["p_VEN_PUL"])
