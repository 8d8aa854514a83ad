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
        self._in_ap = np.zeros(self.n, dtype=np.uint8)
        self._v_min = np.full(self.n, np.inf)
        self._kernel = _kernel()

    def update(self, v_old: npt.NDArray[np.float64], v_new: npt.NDArray[np.float64],
               t_old: float, t_new: float) -> tuple[float, float, float, bool]:
        """Account for one step from ``t_old`` to ``t_new`` (ms), one compiled pass.

        Returns the smallest and largest new potential, the largest change over the step
        and whether any new value is not finite (what the solver checks the state with).
        """
        return self._kernel.update(
            np.ascontiguousarray(v_old, dtype=np.float64),
            np.ascontiguousarray(v_new, dtype=np.float64), float(t_old), float(t_new),
            float(self.threshold), self.first_activation, self.last_activation,
            self.repolarisation, self.apd90, self.v_rest, self.v_peak, self.n_activations,
            self._in_ap, self._v_min)

    def state(self) -> dict[str, npt.NDArray]:
        """Arrays for checkpointing."""
        return {k: getattr(self, k) for k in ("first_activation", "last_activation",
                                               "repolarisation", "apd90", "v_rest", "v_peak",
                                               "n_activations", "_in_ap", "_v_min")}

    def restore(self, arrays: dict[str, npt.NDArray]) -> None:
        for k, v in arrays.items():
            setattr(self, k, np.array(v, dtype=getattr(self, k).dtype))


def _kernel():
    import importlib

    from cardiotwin.exceptions import KernelError

    try:
        return importlib.import_module("cardiotwin._kernels.ep.activation")
    except ImportError as exc:
        raise KernelError(f"the activation kernel is not built ({exc}); build the kernels "
                          "with `make kernels`") from exc
