"""Lumped (0-D) circulation models coupled to the ventricles through their volumes.

Importing this package is light (numpy only); the ``circulation`` package that provides
the model equations is imported when a model is built.

Main entry points
-----------------
- :class:`WindkesselCirculation` / :class:`WindkesselParameters` - one ventricle with a
  constant filling pressure and a 3-element Windkessel afterload
- :class:`ClosedLoopCirculation` / :class:`ClosedLoopParameters` - the closed loop of
  Regazzoni et al. (2022): atria, four valves, systemic and pulmonary circuits
- :func:`pv_metrics` - EDV, ESV, SV, EF, peak pressure, dP/dt max, EDP of one beat
"""

from cardiotwin.circulation.lumped import (
    ClosedLoopCirculation,
    LumpedCirculation,
    WindkesselCirculation,
)
from cardiotwin.circulation.metrics import METRIC_NAMES, pv_metrics
from cardiotwin.circulation.parameters import (
    CLOSED_LOOP_STATES,
    Chamber,
    ClosedLoopParameters,
    Compartment,
    WindkesselParameters,
)

__all__ = [
    "CLOSED_LOOP_STATES",
    "METRIC_NAMES",
    "Chamber",
    "ClosedLoopCirculation",
    "ClosedLoopParameters",
    "Compartment",
    "LumpedCirculation",
    "WindkesselCirculation",
    "WindkesselParameters",
    "pv_metrics",
]
