"""Pacing protocols: trains of rectangular current pulses.

One :class:`Protocol` describes *when and how strong* a stimulus is, wherever it is used: a
tissue stimulus (:class:`cardiotwin.ep.stimulus.Stimulus` pairs it with a region), pacing
devices and programmed stimulation (:func:`s1s2`).  Amplitudes are positive numbers
meaning *depolarising*; solvers pass them to the kernels with the Hodgkin–Huxley sign
(``dV/dt = -(I_ion + I_stim)``, see :mod:`cardiotwin.units`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError
from cardiotwin.units import volumetric_to_specific_current

__all__ = ["Protocol", "s1s2"]


def _positive(name: str, value: float, *, allow_zero: bool = False) -> None:
    ok = value >= 0 if allow_zero else value > 0
    if not np.isfinite(value) or not ok:
        rel = ">= 0" if allow_zero else "> 0"
        raise ConfigError(f"{name} = {value!r} is invalid: expected a finite number {rel}")


@dataclass(frozen=True)
class Protocol:
    """A train of rectangular pulses.

    Parameters
    ----------
    start_ms
        Time of the first pulse (ms).
    duration_ms
        Pulse width (ms); may be 0 only with a zero amplitude (no stimulus: a pacemaker
        model running free).
    amplitude
        Pulse strength, positive = depolarising, in ``unit``.
    unit
        ``"uA/uF"`` (per unit capacitance) or ``"uA/mm3"`` (volumetric; converted with
        chi*Cm by the solver).
    period_ms
        Basic cycle length between pulses (ms); ignored when ``number == 1``.
    number
        Number of pulses.
    """

    start_ms: float = 0.0
    duration_ms: float = 2.0
    amplitude: float = 50.0
    unit: str = "uA/uF"
    period_ms: float = 1000.0
    number: int = 1

    def __post_init__(self) -> None:
        _positive("Protocol.start_ms", self.start_ms, allow_zero=True)
        _positive("Protocol.amplitude", self.amplitude, allow_zero=True)
        _positive("Protocol.duration_ms", self.duration_ms, allow_zero=self.amplitude == 0)
        _positive("Protocol.period_ms", self.period_ms)
        if self.unit not in ("uA/uF", "uA/mm3"):
            raise ConfigError(f"Protocol.unit = {self.unit!r}: expected 'uA/uF' or 'uA/mm3'")
        if int(self.number) != self.number or self.number < 1:
            raise ConfigError(f"Protocol.number = {self.number!r}: expected an integer >= 1")
        if self.number > 1 and self.period_ms < self.duration_ms:
            raise ConfigError(f"Protocol.period_ms = {self.period_ms} is shorter than the pulse "
                              f"duration {self.duration_ms} ms")

    @classmethod
    def for_model(cls, model: Any, *, period_ms: float, number: int, start_ms: float = 0.0,
                  amplitude_hh: float | None = None,
                  duration_ms: float | None = None) -> Protocol:
        """A pulse train with a cell model's own stimulus (from its file) unless given.

        ``amplitude_hh`` is in µA/µF with the Hodgkin–Huxley sign of the kernels
        (negative depolarises), like ``model.default_stimulus``; None = the model's.
        """
        amp = model.default_stimulus[0] if amplitude_hh is None else float(amplitude_hh)
        dur = model.default_stimulus[1] if duration_ms is None else float(duration_ms)
        if amp > 0:
            raise ConfigError(f"stimulus amplitude {amp:g} uA/uF is hyperpolarising; give it "
                              "with the Hodgkin-Huxley sign (negative depolarises)")
        return cls(start_ms=float(start_ms), duration_ms=dur, amplitude=-amp if amp else 0.0,
                   unit="uA/uF", period_ms=float(period_ms), number=int(number))

    def pulse_starts_ms(self) -> npt.NDArray[np.float64]:
        return self.start_ms + self.period_ms * np.arange(self.number)

    def is_on(self, t_ms: float) -> bool:
        """True if a pulse is active at ``t_ms`` (pulses are [start, start + duration))."""
        k = np.floor((t_ms - self.start_ms) / self.period_ms + 1e-9)
        if k < 0 or k >= self.number:
            return False
        return (t_ms - (self.start_ms + k * self.period_ms)) < self.duration_ms - 1e-9

    def amplitude_uA_per_uF(self, chi_per_mm: float, cm_uF_per_mm2: float) -> float:
        if self.unit == "uA/uF":
            return self.amplitude
        return volumetric_to_specific_current(self.amplitude, chi_per_mm, cm_uF_per_mm2)

    @property
    def end_ms(self) -> float:
        """End of the last pulse (ms)."""
        return float(self.pulse_starts_ms()[-1] + self.duration_ms)


def s1s2(*, s1_period_ms: float, n_s1: int, s2_coupling_ms: float, duration_ms: float = 2.0,
         amplitude: float = 50.0, unit: str = "uA/uF", start_ms: float = 0.0,
         s3_coupling_ms: float | None = None) -> tuple[Protocol, ...]:
    """S1 train of ``n_s1`` pulses, then S2 (and optionally S3) at the given coupling intervals.

    The coupling interval is measured from the last S1 (resp. S2) pulse start.
    """
    s1 = Protocol(start_ms=start_ms, duration_ms=duration_ms, amplitude=amplitude, unit=unit,
                  period_ms=s1_period_ms, number=n_s1)
    t_s2 = float(s1.pulse_starts_ms()[-1] + s2_coupling_ms)
    out = [s1, Protocol(start_ms=t_s2, duration_ms=duration_ms, amplitude=amplitude, unit=unit)]
    if s3_coupling_ms is not None:
        out.append(Protocol(start_ms=t_s2 + s3_coupling_ms, duration_ms=duration_ms,
                            amplitude=amplitude, unit=unit))
    return tuple(out)
