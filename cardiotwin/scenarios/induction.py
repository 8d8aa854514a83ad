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
