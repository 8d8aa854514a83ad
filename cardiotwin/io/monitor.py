"""Instrumentation injected into solvers: time per phase, KSP iterations, peak memory."""

from __future__ import annotations

import resource
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from cardiotwin._mpi import allreduce_max


class Monitor:
    """Accumulates wall time per named phase and solver statistics.

    The solver calls ``with monitor.phase("ode"): ...`` around each phase and
    :meth:`record_ksp` after every linear solve.  :meth:`summary` reduces over ranks
    (max time, summed iterations) and is collective.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.ksp_iterations = 0
        self.ksp_solves = 0
        self.steps = 0

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - t0
            self.calls[name] += 1

    def record_ksp(self, iterations: int) -> None:
        self.ksp_iterations += int(iterations)
        self.ksp_solves += 1

    @staticmethod
    def peak_rss_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

    def summary(self, comm: Any = None) -> dict[str, Any]:
        """Phase times (s, max over ranks), per-step ms, KSP iterations, peak RSS (MB, summed)."""
        phases = dict(self.seconds)
        rss = self.peak_rss_mb()
        if comm is not None and comm.size > 1:
            names = sorted(set().union(*comm.allgather(sorted(phases))))
            phases = {n: allreduce_max(comm, phases.get(n, 0.0)) for n in names}
            rss = comm.allreduce(rss)
        steps = max(self.steps, 1)
        return {
            "phase_s": {k: round(v, 4) for k, v in sorted(phases.items())},
            "phase_ms_per_step": {k: round(1e3 * v / steps, 4) for k, v in sorted(phases.items())},
            "steps": self.steps,
            "ksp_solves": self.ksp_solves,
            "ksp_iterations_mean": (self.ksp_iterations / self.ksp_solves
                                    if self.ksp_solves else 0.0),
            "peak_rss_mb": round(rss, 1),
        }
