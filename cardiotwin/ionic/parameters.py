"""One contract for changing the per-cell parameters of an ionic model.

Every compiled model has a row of per-cell parameters for each name in
``CellModel.param_names``.  A row is of one of two kinds (``CellModel.param_kinds``):

- ``"scale"``: a dimensionless multiplier of a maximal conductance or permeability
  (``gKr``, ``PCa``...), default 1;
- ``"value"``: a model quantity in its own unit (``CellModel.param_units``), e.g. the CiPA
  drug concentration ``D`` (nM) or the Aliev–Panfilov ``k``.

A :class:`ParameterChanges` says how the rows differ from the model's defaults in the same
way for both kinds: ``scale`` *multiplies* a row, ``set`` *assigns* it (in the row's unit;
for a ``"scale"`` row the value is the multiplier itself).  Every part of cardiotwin that
changes cell parameters - the run configuration, drugs, lesions and their border zone,
single-cell pacing, batch sweeps, tissue regions - builds one of these and applies it with
:meth:`ParameterChanges.apply`; nothing writes parameter rows by other rules.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError, ModelError


def _checked(what: str, mapping: Mapping[str, Any], *, nonnegative: bool) -> Mapping[str, float]:
    out: dict[str, float] = {}
    for name, value in dict(mapping).items():
        if not isinstance(name, str) or not name:
            raise ConfigError(f"{what}: parameter names must be non-empty strings, got {name!r}")
        try:
            v = float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{what}[{name!r}] = {value!r}: expected a number") from None
        if not math.isfinite(v) or (nonnegative and v < 0):
            rule = "a finite number >= 0" if nonnegative else "a finite number"
            raise ConfigError(f"{what}[{name!r}] = {value!r}: expected {rule}")
        out[name] = v
    return MappingProxyType(dict(sorted(out.items())))


@dataclass(frozen=True)
class ParameterChanges:
    """How a cell's parameters differ from the model's defaults.

    Parameters
    ----------
    scale
        Parameter name -> factor (>= 0) multiplying the row, whatever its kind
        (``{"gKr": 0.5}`` halves I_Kr; ``{"k": 1.1}`` raises Aliev–Panfilov's ``k`` by 10 %).
    set
        Parameter name -> value assigned to the row, in the parameter's unit (``{"D": 30}``
        sets the CiPA drug concentration to 30 nM).  Applied before ``scale``.

    Examples
    --------
    >>> ParameterChanges(scale={"gKr": 0.5}).then(ParameterChanges(scale={"gKr": 0.8}))
    ParameterChanges(scale={'gKr': 0.4}, set={})
    """

    scale: Mapping[str, float] = field(default_factory=dict)
    set: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scale", _checked("scale", self.scale, nonnegative=True))
        object.__setattr__(self, "set", _checked("set", self.set, nonnegative=False))

    def __repr__(self) -> str:
        return f"ParameterChanges(scale={dict(self.scale)}, set={dict(self.set)})"

    def __bool__(self) -> bool:
        return bool(self.scale or self.set)

    @property
    def names(self) -> tuple[str, ...]:
        """Every parameter this changes."""
        return tuple(sorted({*self.scale, *self.set}))

    def then(self, other: ParameterChanges) -> ParameterChanges:
        """The changes of ``self`` followed by those of ``other`` (one object)."""
        scale: dict[str, float] = {}
        assign = dict(self.set)
        for name in {*self.scale, *other.scale, *other.set}:
            if name in other.set:
                assign[name] = other.set[name]
                f = other.scale.get(name, 1.0)
            else:
                f = self.scale.get(name, 1.0) * other.scale.get(name, 1.0)
            if f != 1.0 or name in other.scale or name in self.scale:
                scale[name] = f
        return ParameterChanges(scale=scale, set=assign)

    def check(self, model: Any) -> None:
        """Raise :class:`ModelError` if ``model`` lacks any parameter named here."""
        names = tuple(model.param_names)
        unknown = [n for n in self.names if n not in names]
        if unknown:
            raise ModelError(f"model {model.name!r} has no parameter {unknown[0]!r}; it has: "
                             f"{', '.join(names) or 'none'}")

    def apply(self, model: Any, params: np.ndarray, columns: Any = slice(None)) -> None:
        """Apply to ``params[n_params, n_cells]`` of ``model`` in place (set, then scale).

        ``columns`` selects the cells (default: all).
        """
        self.check(model)
        index = {n: i for i, n in enumerate(model.param_names)}
        for name, value in self.set.items():
            params[index[name], columns] = value
        for name, factor in self.scale.items():
            params[index[name], columns] *= factor

    def values(self, model: Any) -> dict[str, float]:
        """The resulting value of every parameter named here, for one cell."""
        params = model.default_params(1)
        self.apply(model, params)
        return {n: float(params[model.param_names.index(n), 0]) for n in self.names}


#: No change.
NO_CHANGES = ParameterChanges()
