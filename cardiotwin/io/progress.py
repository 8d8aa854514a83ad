"""A progress bar for long runs, shown on MPI rank 0 only."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class ProgressBar:
    """Callable ``bar(t_ms, t_end_ms)`` drawing simulated time, wall time and ETA.

    On a terminal it redraws in place at most every ``interval_s``; otherwise (log
    files, CI) it writes one line every 10 % of the run.  Disabled on ranks other than 0
    and when ``enabled`` is false (quiet/batch mode).
    """

    def __init__(self, comm: Any = None, *, enabled: bool = True, label: str = "",
                 stream: TextIO | None = None, interval_s: float = 0.5, width: int = 30) -> None:
        self.enabled = enabled and (comm is None or comm.rank == 0)
        self.stream = stream or sys.stderr
        self.label = label
        self.interval_s = interval_s
        self.width = width
        self.t0 = time.perf_counter()
        self._last_draw = 0.0
        self._last_decile = -1
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._drawn = False

    def __call__(self, t_ms: float, t_end_ms: float) -> None:
        if not self.enabled or t_end_ms <= 0:
            return
        now = time.perf_counter()
        frac = min(max(t_ms / t_end_ms, 0.0), 1.0)
        if self._tty:
            if now - self._last_draw < self.interval_s and frac < 1.0:
                return
        else:
            decile = int(frac * 10)
            if decile == self._last_decile:
                return
            self._last_decile = decile
        self._last_draw = now
        wall = now - self.t0
        eta = wall * (1 - frac) / frac if frac > 0 else float("nan")
        filled = int(self.width * frac)
        bar = "#" * filled + "-" * (self.width - filled)
        line = (f"{self.label} [{bar}] t = {t_ms:8.2f} / {t_end_ms:.0f} ms  "
                f"wall {wall:7.1f} s  ETA {eta:6.1f} s")
        if self._tty:
            self.stream.write("\r" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self.enabled and self._tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
