"""Cardiac mechanics on DOLFINx: hyperelastic myocardium, active stress, cavities.

Importing this package is light (numpy only); dolfinx/UFL are imported when a problem is
built.

Main entry points
-----------------
- materials: :class:`Guccione`, :class:`HolzapfelOgden`, :class:`NeoHookean`
- :class:`ActiveStress` - ``S_a = T_a (f0⊗f0 + eta (I - f0⊗f0))``, ``T_a`` per cell or
  quadrature point
- boundaries: :class:`FixedBoundary`, :class:`SlidingBoundary`, :class:`SpringBoundary`
- :class:`Cavity` - an endocardium closed at the base; pressure load or volume constraint
- :class:`MechanicsProblem` / :class:`MechanicsConfig` / :class:`SolverConfig` - the
  quasi-static problem (incompressible P2/P1 or nearly incompressible), PETSc SNES
- :func:`solve_load_path` / :class:`LoadPath` - load stepping with step cutting
- :class:`MechanicsWriter` - XDMF/VTX series and the pressure-volume table
- :func:`unload` / :class:`UnloadingConfig` - the stress-free reference of an imaged,
  loaded heart (backward displacement with Aitken relaxation)
"""

from cardiotwin.mechanics.active import ActiveStress
from cardiotwin.mechanics.boundary import FixedBoundary, SlidingBoundary, SpringBoundary
from cardiotwin.mechanics.cavity import Cavity
from cardiotwin.mechanics.guccione import Guccione
from cardiotwin.mechanics.holzapfel_ogden import HolzapfelOgden
from cardiotwin.mechanics.loading import LoadPath, LoadPathResult, LoadStepError, solve_load_path
from cardiotwin.mechanics.neo_hookean import NeoHookean
from cardiotwin.mechanics.output import MechanicsWriter
from cardiotwin.mechanics.problem import MechanicsConfig, MechanicsProblem
from cardiotwin.mechanics.solver import NewtonReport, SolverConfig
from cardiotwin.mechanics.unloading import UnloadingConfig, UnloadingResult, unload

__all__ = [
    "ActiveStress",
    "Cavity",
    "FixedBoundary",
    "Guccione",
    "HolzapfelOgden",
    "LoadPath",
    "LoadPathResult",
    "LoadStepError",
    "MechanicsConfig",
    "MechanicsProblem",
    "MechanicsWriter",
    "NeoHookean",
    "NewtonReport",
    "SlidingBoundary",
    "SolverConfig",
    "SpringBoundary",
    "UnloadingConfig",
    "UnloadingResult",
    "solve_load_path",
    "unload",
]
