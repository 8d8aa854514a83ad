"""Load stepping with automatic step cutting for a :class:`MechanicsProblem`.

The loads (cavity pressures or volumes, active tension) move linearly from their current
values to the targets of a :class:`LoadPath` in ``steps`` equal increments of the load
fraction ``s`` in [0, 1].  A Newton failure restores the last converged state and halves
the increment (at most ``max_cuts`` times per step); after a success the increment grows
back.  The initial guess of each solve is the linear extrapolation of the last two
converged states (``predictor="linear"``) or the last state (``"none"``).

When a step cannot be completed :class:`LoadStepError` is raised naming the step, the
load fraction and loads, PETSc's reason, the residual history of the last attempt and
what to try; the problem is left at the last converged state, and the steps that did
converge are in ``error.result``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.mechanics.problem import MechanicsProblem, format_norms, loads_summary
from cardiotwin.mechanics.solver import NewtonReport

logger = logging.getLogger(__name__)

PREDICTORS = ("linear", "none")


@dataclass(frozen=True)
class LoadPath:
    """Targets of a ramp and how to step there.

    Parameters
    ----------
    pressures_kPa
        Target pressure per cavity (kPa); those cavities are pressure-driven.
    volumes_mm3
        Target volume per cavity (mm³); those cavities are volume-constrained (their
        pressures come back as Lagrange multipliers).
    active_tension_kPa
        Target uniform active tension (kPa), or ``None`` to leave ``T_a`` as it is.
    steps
        Number of equal load increments.
    max_cuts
        Halvings of the increment allowed within one step before giving up.
    predictor
        ``"linear"`` (extrapolate the last two states) or ``"none"``.
    """

    pressures_kPa: Mapping[str, float] = field(default_factory=dict)
    volumes_mm3: Mapping[str, float] = field(default_factory=dict)
    active_tension_kPa: float | None = None
    steps: int = 10
    max_cuts: int = 6
    predictor: str = "linear"

    def __post_init__(self) -> None:
        if not (isinstance(self.steps, int) and 1 <= self.steps <= 100_000):
            raise ConfigError(f"LoadPath.steps = {self.steps!r}: expected an integer >= 1")
        if not (isinstance(self.max_cuts, int) and 0 <= self.max_cuts <= 30):
            raise ConfigError(f"LoadPath.max_cuts = {self.max_cuts!r}: expected an integer "
                              "in [0, 30]")
        if self.predictor not in PREDICTORS:
            raise ConfigError(f"LoadPath.predictor = {self.predictor!r}: expected one of "
                              f"{', '.join(PREDICTORS)}")
        both = set(self.pressures_kPa) & set(self.volumes_mm3)
        if both:
            raise ConfigError(f"LoadPath: cavities {sorted(both)} have both a target pressure "
                              "and a target volume; give one")
        for k, v in {**self.pressures_kPa, **self.volumes_mm3}.items():
            if not np.isfinite(v):
                raise ConfigError(f"LoadPath: target of cavity {k!r} = {v!r} is not finite")
        for k, v in self.volumes_mm3.items():
            if v <= 0:
                raise ConfigError(f"LoadPath.volumes_mm3[{k!r}] = {v!r}: expected > 0 (mm³)")
        ta = self.active_tension_kPa
        if ta is not None and not np.isfinite(ta):
            raise ConfigError(f"LoadPath.active_tension_kPa = {ta!r}: expected a finite number")


@dataclass(frozen=True)
class StepRecord:
    """One converged solve of the ramp (its loads and results, volumes in mm³)."""

    index: int
    step: int
    fraction: float
    iterations: int
    reason: str
    residual_norms: tuple[float, ...]
    linear_iterations: int
    pressures_kPa: dict[str, float]
    volumes_mm3: dict[str, float]
    active_tension_kPa: float | None
    wall_s: float


@dataclass(frozen=True)
class FailedAttempt:
    """A solve that did not converge (then the increment was halved)."""

    step: int
    fraction: float
    report: NewtonReport


@dataclass
class LoadPathResult:
    """The converged solves of a ramp, the failed attempts, and the wall time (s)."""

    records: list[StepRecord] = field(default_factory=list)
    failures: list[FailedAttempt] = field(default_factory=list)
    wall_s: float = 0.0

    @property
    def newton_iterations(self) -> list[int]:
        return [r.iterations for r in self.records]


class LoadStepError(SolverError):
    """A load step failed after every allowed cut; ``result`` has the converged steps."""

    def __init__(self, message: str, *, step: int, fraction: float, result: LoadPathResult,
                 last: NewtonReport) -> None:
        super().__init__(message)
        self.step = step
        self.fraction = fraction
        self.result = result
        self.last = last


def solve_load_path(problem: MechanicsProblem, path: LoadPath, *,
                    on_step: Callable[[MechanicsProblem, StepRecord], None] | None = None,
                    progress: Callable[[float, float], None] | None = None) -> LoadPathResult:
    """Ramp the loads of ``problem`` to the targets of ``path`` (collective).

    Parameters
    ----------
    problem
        The problem; its current state and loads are the start of the ramp.
    path
        Targets and stepping.
    on_step
        Called after every converged solve (e.g. to write outputs).
    progress
        ``progress(fraction, 1.0)`` after every converged solve (e.g. a progress bar).

    Raises
    ------
    LoadStepError
        If a step fails after ``path.max_cuts`` halvings (see the module notes).
    """
    for name in (*path.pressures_kPa, *path.volumes_mm3):
        problem._cavity(name)
    if path.active_tension_kPa is not None and problem.active_tension is None:
        raise ConfigError("LoadPath.active_tension_kPa is set but the problem has no active "
                          "stress")
    t_start = time.perf_counter()
    p_start = {k: problem.pressure(k) for k in path.pressures_kPa}
    v_start = {k: (problem.volume_target(k) if problem.mode(k) == "volume"
                   else problem.volume(k)) for k in path.volumes_mm3}
    ta_start = (problem.active_tension.x.array.copy() if problem.active_tension is not None
                else None)
    volume_cavities = [k for k in problem.cavities
                       if k in path.volumes_mm3
                       or (problem.mode(k) == "volume" and k not in path.pressures_kPa)]

    def apply(s: float) -> None:
        for k, p1 in path.pressures_kPa.items():
            problem.set_pressure(k, p_start[k] + s * (p1 - p_start[k]))
        for k, v1 in path.volumes_mm3.items():
            problem.set_volume(k, v_start[k] + s * (v1 - v_start[k]))
        if path.active_tension_kPa is not None and ta_start is not None:
            problem.set_active_tension(ta_start + s * (path.active_tension_kPa - ta_start))

    def ta_now() -> float | None:
        if problem.active_tension is None:
            return None
        from mpi4py import MPI

        arr = problem.active_tension.x.array
        return problem.comm.allreduce(float(arr.max()) if arr.size else -np.inf, op=MPI.MAX)

    result = LoadPathResult()
    history: list[tuple[float, np.ndarray, dict[str, float]]] = [
        (0.0, problem.w.x.array.copy(), {k: problem.pressure(k) for k in volume_cavities})]
    ds_nominal = 1.0 / path.steps
    ds = ds_nominal
    s_done = 0.0
    for step in range(1, path.steps + 1):
        s_goal = step / path.steps
        cuts = 0
        while s_done < s_goal - 1e-12:
            s_try = min(s_goal, s_done + ds)
            saved = problem.state()
            apply(s_try)
            _predict(problem, history, s_try, volume_cavities, path.predictor)
            t0 = time.perf_counter()
            report = problem.newton()
            if report.converged:
                s_done = s_try
                rec = StepRecord(
                    index=len(result.records) + 1, step=step, fraction=s_done,
                    iterations=report.iterations, reason=report.reason,
                    residual_norms=report.residual_norms,
                    linear_iterations=report.linear_iterations,
                    pressures_kPa={k: problem.pressure(k) for k in problem.cavities},
                    volumes_mm3={k: problem.volume(k) for k in problem.cavities},
                    active_tension_kPa=ta_now(), wall_s=time.perf_counter() - t0)
                result.records.append(rec)
                history.append((s_done, problem.w.x.array.copy(),
                                {k: problem.pressure(k) for k in volume_cavities}))
                history = history[-2:]
                if problem.comm.rank == 0:
                    logger.info("load step %d/%d: s = %.4g, %d Newton iterations (%s), %s",
                                step, path.steps, s_done, report.iterations, report.reason,
                                _fmt_loads(rec))
                if on_step is not None:
                    on_step(problem, rec)
                if progress is not None:
                    progress(s_done, 1.0)
                ds = min(ds_nominal, 2.0 * ds) if cuts else ds
                continue
            result.failures.append(FailedAttempt(step, s_try, report))
            problem.restore(saved)
            cuts += 1
            if problem.comm.rank == 0:
                logger.info("load step %d/%d: Newton failed at s = %.4g (%s after %d "
                            "iterations); halving the increment (%d/%d)", step, path.steps,
                            s_try, report.reason, report.iterations, cuts, path.max_cuts)
            if cuts > path.max_cuts:
                result.wall_s = time.perf_counter() - t_start
                raise LoadStepError(_failure_message(problem, path, step, s_done, s_try,
                                                     cuts - 1, report),
                                    step=step, fraction=s_try, result=result, last=report)
            ds *= 0.5
    result.wall_s = time.perf_counter() - t_start
    return result


def _predict(problem: MechanicsProblem, history: list, s_try: float, volume_cavities: list,
             predictor: str) -> None:
    """Initial guess at ``s_try`` from the last two converged states."""
    if predictor == "none" or len(history) < 2:
        return
    (s0, w0, p0), (s1, w1, p1) = history[-2], history[-1]
    if s1 - s0 <= 0:
        return
    a = (s_try - s1) / (s1 - s0)
    problem.w.x.array[:] = w1 + a * (w1 - w0)
    problem.w.x.scatter_forward()
    for k in volume_cavities:
        if k in p0 and k in p1:
            problem._pressure[k].value = p1[k] + a * (p1[k] - p0[k])


def _fmt_loads(rec: StepRecord) -> str:
    parts = [f"{k}: P = {rec.pressures_kPa[k]:.4g} kPa, V = {rec.volumes_mm3[k]:.6g} mm³"
             for k in rec.pressures_kPa]
    if rec.active_tension_kPa is not None:
        parts.append(f"Ta = {rec.active_tension_kPa:.4g} kPa")
    return "; ".join(parts)


def _failure_message(problem: MechanicsProblem, path: LoadPath, step: int, s_done: float,
                     s_try: float, cuts: int, report: NewtonReport) -> str:
    loads = ", ".join(f"{k} = {v:.6g}" for k, v in loads_summary(problem).items())
    targets = {**{f"{k}_pressure_kPa": v for k, v in path.pressures_kPa.items()},
               **{f"{k}_volume_mm3": v for k, v in path.volumes_mm3.items()}}
    if path.active_tension_kPa is not None:
        targets["Ta_kPa"] = path.active_tension_kPa
    tgt = ", ".join(f"{k} = {v:.6g}" for k, v in targets.items())
    return (
        f"Newton failed at load step {step}/{path.steps}: could not go from load fraction "
        f"{s_done:.6g} to {s_try:.6g} (targets {tgt}) after {cuts} halvings of the increment. "
        f"Last attempt: {report.reason} after {report.iterations} iterations, residual norms "
        f"{format_norms(report.residual_norms)}. The problem is back at the last converged "
        f"state (load fraction {s_done:.6g}: {loads}); nothing beyond it was computed. "
        "Try: more load steps or max_cuts; a smaller target load (is it physiological?); "
        "boundary conditions that pin every rigid-body motion; the nearly-incompressible "
        "formulation; watch the iterations with the PETSc option "
        f"-{problem.options_prefix}snes_monitor.")
