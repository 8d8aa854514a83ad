"""Programmed stimulation (VT induction) as data.

The clinical VT-induction protocol paces a drive train S1 from one site, then delivers
premature extrastimuli S2 (and S3) at decreasing coupling intervals until an arrhythmia is
induced or the extrastimulus no longer captures (Josephson, Clinical Cardiac
Electrophysiology, ch. 11; Arevalo et al. 2016, Nat Commun 7:11437, in silico).  An
arrhythmia counts as *sustained re-entry* when electrical activity persists for a given
time after the last stimulus.

:class:`ProgrammedStimulation` is the protocol as data; re-entry is detected by
:class:`cardiotwin.analysis.reentry.ReentryDetector`.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.ep.stimulus import Stimulus
from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic.protocol import s1s2

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProgrammedStimulation:
    """S1 drive train + S2 (+ S3) extrastimuli from one site.

    Parameters
    ----------
    site
        Stimulus region (e.g. :class:`cardiotwin.ep.stimulus.Sphere`).
    s1_period_ms
        Drive-train cycle length (ms).
    n_s1
        Number of S1 beats.
    s2_couplings_ms
        S2 coupling intervals to try, decreasing (ms, from the last S1).
    s3_coupling_ms
        Optional S3 coupling interval (ms, from S2).
    pulse_ms, amplitude, unit
        Pulse width (ms) and strength (``unit``: ``"uA/uF"`` or ``"uA/mm3"``).
    start_ms
        Time of the first S1 (ms).
    """

    site: Any
    s1_period_ms: float = 400.0
    n_s1: int = 3
    s2_couplings_ms: tuple[float, ...] = (300.0, 260.0, 220.0, 180.0)
    s3_coupling_ms: float | None = None
    pulse_ms: float = 2.0
    amplitude: float = 50.0
    unit: str = "uA/uF"
    start_ms: float = 1.0

    def __post_init__(self) -> None:
        c = tuple(float(v) for v in np.atleast_1d(self.s2_couplings_ms))
        object.__setattr__(self, "s2_couplings_ms", c)
        if not c or any(v <= self.pulse_ms for v in c):
            raise ConfigError(f"s2_couplings_ms = {c}: expected at least one coupling "
                              f"interval longer than the pulse ({self.pulse_ms} ms)")
        if any(b >= a for a, b in itertools.pairwise(c)):
            raise ConfigError(f"s2_couplings_ms = {c}: expected strictly decreasing values")
        if int(self.n_s1) != self.n_s1 or self.n_s1 < 1:
            raise ConfigError(f"n_s1 = {self.n_s1!r}: expected an integer >= 1")
        if not self.s1_period_ms > self.pulse_ms:
            raise ConfigError(f"s1_period_ms = {self.s1_period_ms}: expected > pulse_ms")
        if self.s3_coupling_ms is not None and not self.s3_coupling_ms > self.pulse_ms:
            raise ConfigError(f"s3_coupling_ms = {self.s3_coupling_ms}: expected > pulse_ms")

    @property
    def last_s1_ms(self) -> float:
        """Start of the last S1 pulse (ms)."""
        return self.start_ms + (self.n_s1 - 1) * self.s1_period_ms

    def stimulus(self, s2_coupling_ms: float) -> Stimulus:
        """The whole train with one S2 coupling interval (and the S3, if set)."""
        prot = s1s2(s1_period_ms=self.s1_period_ms, n_s1=self.n_s1,
                    s2_coupling_ms=s2_coupling_ms, duration_ms=self.pulse_ms,
                    amplitude=self.amplitude, unit=self.unit, start_ms=self.start_ms,
                    s3_coupling_ms=self.s3_coupling_ms)
        return Stimulus(self.site, prot, name=f"S1S2_{s2_coupling_ms:g}ms")

    def last_stimulus_end_ms(self, s2_coupling_ms: float) -> float:
        """End of the last extrastimulus (ms)."""
        t = self.last_s1_ms + s2_coupling_ms
        if self.s3_coupling_ms is not None:
            t += self.s3_coupling_ms
        return t + self.pulse_ms


@dataclass(frozen=True)
class RapidPacing:
    """Rapid atrial pacing from one site: a burst, or a decremental train.

    The train paces ``beats`` stimuli at each cycle length of ``cycle_lengths_ms`` in
    turn: one value is a burst (e.g. ``(150,)`` x 10 beats), a decreasing sequence is
    decremental pacing (e.g. ``(250, 220, 190, 170, 150, 130)`` x 2 beats each), the
    protocols used to induce AF in patients and models (e.g. Boyle et al. 2019, Nat
    Biomed Eng 3:870, pacing from the pulmonary veins and other sites; Krummen et al.
    2012, J Cardiovasc Electrophysiol 23:1297).

    Parameters
    ----------
    site
        Stimulus region.
    cycle_lengths_ms
        Cycle lengths (ms), each > the pulse.
    beats
        Stimuli at each cycle length.
    pulse_ms, amplitude, unit
        Pulse width (ms) and strength (``"uA/uF"`` or ``"uA/mm3"``).
    start_ms
        Time of the first stimulus (ms).
    """

    site: Any
    cycle_lengths_ms: tuple[float, ...] = (150.0,)
    beats: int = 10
    pulse_ms: float = 2.0
    amplitude: float = 60.0
    unit: str = "uA/uF"
    start_ms: float = 1.0

    def __post_init__(self) -> None:
        cl = tuple(float(v) for v in np.atleast_1d(self.cycle_lengths_ms))
        object.__setattr__(self, "cycle_lengths_ms", cl)
        if not cl or any(not v > self.pulse_ms for v in cl):
            raise ConfigError(f"RapidPacing.cycle_lengths_ms = {cl}: expected cycle lengths "
                              f"longer than the pulse ({self.pulse_ms} ms)")
        if int(self.beats) != self.beats or self.beats < 1:
            raise ConfigError(f"RapidPacing.beats = {self.beats!r}: expected an integer >= 1")
        if not (np.isfinite(self.start_ms) and self.start_ms >= 0):
            raise ConfigError(f"RapidPacing.start_ms = {self.start_ms!r}: expected >= 0 ms")

    def pulse_times_ms(self) -> np.ndarray:
        """Start of every stimulus (ms)."""
        times, t = [], self.start_ms
        for cl in self.cycle_lengths_ms:
            for _ in range(int(self.beats)):
                times.append(t)
                t += cl
        return np.asarray(times)

    def stimulus(self, name: str = "rapid pacing") -> Stimulus:
        """The whole train as one stimulus."""
        from cardiotwin.ionic.protocol import Protocol

        prots = []
        t = self.start_ms
        for cl in self.cycle_lengths_ms:
            prots.append(Protocol(start_ms=t, duration_ms=self.pulse_ms, amplitude=self.amplitude,
                                  unit=self.unit, period_ms=cl, number=int(self.beats)))
            t += cl * int(self.beats)
        return Stimulus(self.site, tuple(prots), name=name)

    @property
    def end_ms(self) -> float:
        """End of the last stimulus (ms)."""
        return float(self.pulse_times_ms()[-1] + self.pulse_ms)


class SwitchableStimulus:
    """A stimulus whose protocol can be replaced between runs of one simulation (the
    region stays): each induction attempt restores a checkpoint and switches the train."""

    def __init__(self, stim: Stimulus) -> None:
        self.current = stim
        self.region = stim.region
        self.name = stim.name

    @property
    def end_ms(self) -> float:
        return self.current.end_ms

    def amplitude_at(self, t_ms: float, chi_per_mm: float, cm_uF_per_mm2: float) -> float:
        return self.current.amplitude_at(t_ms, chi_per_mm, cm_uF_per_mm2)


class Relay:
    """A simulation observer forwarding to the observer of the current attempt."""

    target: Any = None

    def __call__(self, sim: Any) -> None:
        if self.target is not None:
            self.target(sim)
