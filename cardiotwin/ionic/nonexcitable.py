"""A membrane without ionic current: ablated or scarred tissue held at rest."""

from __future__ import annotations

import numpy as np


class _ClampKernel:
    """Kernel that holds the membrane potential at ``params[0]`` (no ionic dynamics)."""

    @staticmethod
    def step(states: np.ndarray, params: np.ndarray, i_stim: np.ndarray, t: float, dt: float,
             workers: int = 1) -> None:
        states[0, :] = params[0, :]


class NonExcitable:
    """Ablated/scar membrane: no ionic current, potential held at ``v_rest_mV``.

    Has the interface of a registry model (``name``, ``kernel``, ``param_names``,
    ``param_kinds``, ``state_names``, ``initial_states``, ``default_params``) so it can run
    in a tissue region.  It is meant for vertices where every surrounding cell is
    non-conducting, so holding the potential exchanges no current with the tissue.
    """

    name = "non-excitable"
    kernel = _ClampKernel
    param_names = ("v_rest",)
    param_kinds = ("value",)
    param_units = ("mV",)
    state_names = ("membrane.V",)
    voltage_unit = "mV"
    lut_entries = ()

    def __init__(self, v_rest_mV: float = -85.0) -> None:
        self.v_rest_mV = float(v_rest_mV)

    def initial_states(self, n: int) -> np.ndarray:
        """V = ``v_rest_mV`` for ``n`` cells, ``[1, n]``."""
        return np.full((1, n), self.v_rest_mV)

    def default_params(self, n: int) -> np.ndarray:
        """The held potential (mV) for ``n`` cells, ``[1, n]``."""
        return np.full((1, n), self.v_rest_mV)
