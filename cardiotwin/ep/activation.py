"""Activation, repolarisation and APD maps, tracked on the fly from nodal potentials.

All times in ms, potentials in mV (or the model's own units for dimensionless models).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


@dataclass
class ActivationTracker:
    """Per-node upstroke/repolarisation detector.

    Activation time is the first time V crosses ``threshold`` upwards, linearly
    interpolated between the two time levels.  For every beat the tracker also records
    the last activation, the peak, and the first time after the peak at which V falls
    below ``V_peak - 0.9 (V_peak - V_rest)`` (90 % repolarisation), giving
    APD90 = repolarisation - activation.  ``V_rest`` is the lowest potential since the
    previous repolarisation (the diastolic potential), not the potential just before the
    threshold crossing: in tissue the electrotonic foot lifts V well above rest before
    the upstroke, and taking V there would shorten APD90.

    Arrays are over the nodes this rank owns; ``NaN`` means "not (yet) happened".
    """

    threshold: float
    n: int

    def __post_init__(self) -> None:
        nan = np.full(self.n, np.nan)
        self.first_activation = nan.copy()
        self.last_activation = nan.copy()
        self.repolarisation = nan.copy()
        self.apd90 = nan.copy()
        self.v_rest = nan.copy()
        self.v_peak = nan.copy()
        self.n_activations = np.zeros(self.n, dtype=np.int32)
        self._in_ap = np.zeros(self.n, dtype=bool)
        self._v_min = np.full(self.n, np.inf)

    def update(self, v_old: npt.NDArray[np.float64], v_new: npt.NDArray[np.float64],
               t_old: float, t_new: float) -> None:
        """Account for one step from ``t_old`` to ``t_new`` (ms)."""
        thr = self.threshold
        np.minimum(self._v_min, v_old, out=self._v_min)
        up = (v_old < thr) & (v_new >= thr)
        if up.any():
            idx = np.nonzero(up)[0]
            frac = (thr - v_old[idx]) / (v_new[idx] - v_old[idx])
            t_cross = t_old + frac * (t_new - t_old)
            first = np.isnan(self.first_activation[idx])
            self.first_activation[idx[first]] = t_cross[first]
            self.last_activation[idx] = t_cross
            self.n_activations[idx] += 1
            self.v_rest[idx] = self._v_min[idx]
            self.v_peak[idx] = v_new[idx]
            self._in_ap[idx] = True
        if self._in_ap.any():
            ap = np.nonzero(self._in_ap)[0]
            self.v_peak[ap] = np.maximum(self.v_peak[ap], v_new[ap])
            level = self.v_peak[ap] - 0.9 * (self.v_peak[ap] - self.v_rest[ap])
            down = (v_old[ap] >= level) & (v_new[ap] < level) & (v_new[ap] < self.v_peak[ap])
            if down.any():
                j = ap[down]
                lv = level[down]
                frac = (v_old[j] - lv) / (v_old[j] - v_new[j])
                self.repolarisation[j] = t_old + frac * (t_new - t_old)
                self.apd90[j] = self.repolarisation[j] - self.last_activation[j]
                self._in_ap[j] = False
                self._v_min[j] = v_new[j]

    def state(self) -> dict[str, npt.NDArray]:
        """Arrays for checkpointing."""
        return {k: getattr(self, k) for k in ("first_activation", "last_activation",
                                               "repolarisation", "apd90", "v_rest", "v_peak",
                                               "n_activations", "_in_ap", "_v_min")}

    def restore(self, arrays: dict[str, npt.NDArray]) -> None:
        for k, v in arrays.items():
            setattr(self, k, np.array(v, dtype=getattr(self, k).dtype))
