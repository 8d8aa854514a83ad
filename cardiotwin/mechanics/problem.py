"""Quasi-static finite-strain mechanics of the myocardium on DOLFINx.

Notes
-----
Equilibrium in the reference configuration: find the displacement ``u`` (mm) (and, when
exactly incompressible, the hydrostatic pressure ``p``, kPa) such that for all ``v``

.. math::

    \\int_\\Omega \\left(\\frac{\\partial W}{\\partial F} + F S_a\\right) : \\nabla v \\, dX
    + \\sum_k P_k \\int_{\\Gamma_k} J F^{-T} N \\cdot v \\, dA
    + \\int_{\\Gamma_s} k\\, u \\cdot v \\, dA = 0

- ``W`` is the material's strain energy (:mod:`~cardiotwin.mechanics.guccione`,
  :mod:`~cardiotwin.mechanics.holzapfel_ogden`, :mod:`~cardiotwin.mechanics.neo_hookean`)
  plus the incompressibility term:

  * ``"incompressible"`` (default): ``W - p (J - 1)`` with Taylor–Hood P2/P1 elements for
    ``(u, p)``; ``J = 1`` is imposed weakly by ``p``.  Optionally stabilised by
    ``+ κ_s/2 (J - 1)²`` (``stabilisation_kPa``), as proposed by Land et al. (2015,
    IEEE TBME 62:939): the discrete constraint ``∫ q (J - 1) = 0`` is kept exactly and
    the term vanishes with ``J = 1`` in the continuum, but it penalises the part of
    ``J - 1`` that P1 pressures cannot see, which damps the spurious soft modes that stall
    Newton on thin walls at large strain.  It changes the discrete solution on coarse
    meshes (e.g. the Land beam on 10x1x1 boxes: 4.07 mm without, 3.85 mm with
    κ_s = 100 kPa), less as the mesh is refined;
  * ``"nearly-incompressible"``: ``W(C̄) + U(J)`` with the volumetric penalty
    ``U(J) = κ/4 (J² - 1 - 2 ln J)`` (κ the bulk modulus, kPa; ``U`` grows without bound
    as ``J → 0``), P2 displacement only, isochoric invariant in the isotropic terms.

- ``S_a`` is the active stress (:mod:`~cardiotwin.mechanics.active`).
- heterogeneous tissue (e.g. a scar): ``W`` may be multiplied by a cell-wise
  ``stiffness_scale`` and ``S_a`` by a cell-wise ``contractility`` (both dimensionless,
  DG0); the volumetric term is not scaled.
- ``P_k`` is the pressure (kPa) of cavity ``k`` acting on its endocardium ``Γ_k``: a
  follower load (``J F^{-T} N dA = n da``: it follows the deformed normal and scales
  with the deformed area).  In the volume-constrained mode ``P_k`` is the Lagrange
  multiplier of ``V_k(u) = V_k*``.
- springs (:class:`~cardiotwin.mechanics.boundary.SpringBoundary`) and Dirichlet
  conditions (fixed, sliding).

The Jacobian is the exact derivative of this residual (UFL), follower terms included.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cardiotwin._deps import require_dolfinx
from cardiotwin.exceptions import ConfigError, MeshError, SolverError
from cardiotwin.mechanics.active import ActiveStress
from cardiotwin.mechanics.boundary import (
    FixedBoundary,
    SlidingBoundary,
    SpringBoundary,
    dirichlet_conditions,
    spring_residual,
)
from cardiotwin.mechanics.cavity import (
    BaseRing,
    Cavity,
    Closure,
    base_ring,
    cavity_closure,
    displaced_mesh_volume,
    reference_volume_form,
    volume_form,
)
from cardiotwin.mechanics.kinematics import Kinematics
from cardiotwin.mechanics.solver import (
    NewtonReport,
    OptionsScope,
    PressureDrivenSNES,
    SolverConfig,
    VolumeConstrainedSNES,
)

logger = logging.getLogger(__name__)

INCOMPRESSIBILITY = ("incompressible", "nearly-incompressible")


@dataclass(frozen=True)
class MechanicsConfig:
    """Discretisation and solver choices of a :class:`MechanicsProblem`.

    Parameters
    ----------
    incompressibility
        ``"incompressible"`` (mixed P2/P1, exact) or ``"nearly-incompressible"``
        (penalty, displacement only).
    bulk_modulus_kPa
        κ of the volumetric penalty (nearly incompressible only), kPa.
    displacement_degree, pressure_degree
        Lagrange degrees (Taylor–Hood needs ``pressure_degree = displacement_degree - 1``).
    quadrature_degree
        Quadrature degree of every integral (the exponential laws are not polynomials).
    stabilisation_kPa
        κ_s of the volumetric stabilisation of the mixed formulation (kPa, >= 0; 0 is
        plain Taylor–Hood); see the module notes.
    solver
        Newton and linear solver settings.
    options_prefix
        PETSc options prefix (a counter is appended while another live problem uses it).
    """

    incompressibility: str = "incompressible"
    bulk_modulus_kPa: float = 1000.0
    displacement_degree: int = 2
    pressure_degree: int = 1
    quadrature_degree: int = 4
    stabilisation_kPa: float = 0.0
    solver: SolverConfig = field(default_factory=SolverConfig)
    options_prefix: str = "mech_"

    def __post_init__(self) -> None:
        if self.incompressibility not in INCOMPRESSIBILITY:
            raise ConfigError(f"MechanicsConfig.incompressibility = {self.incompressibility!r}: "
                              f"expected one of {', '.join(INCOMPRESSIBILITY)}")
        ks = self.stabilisation_kPa
        if not (isinstance(ks, int | float) and np.isfinite(ks) and ks >= 0):
            raise ConfigError(f"MechanicsConfig.stabilisation_kPa = {ks!r}: expected a finite "
                              "number >= 0 (kPa)")
        k = self.bulk_modulus_kPa
        if not (isinstance(k, int | float) and np.isfinite(k) and k > 0):
            raise ConfigError(f"MechanicsConfig.bulk_modulus_kPa = {k!r}: expected a finite "
                              "number > 0 (kPa)")
        for name, lo in (("displacement_degree", 1), ("pressure_degree", 1),
                         ("quadrature_degree", 1)):
            v = getattr(self, name)
            if not (isinstance(v, int) and lo <= v <= 8):
                raise ConfigError(f"MechanicsConfig.{name} = {v!r}: expected an integer in "
                                  f"[{lo}, 8]")
        if self.incompressibility == "incompressible" and \
                self.pressure_degree >= self.displacement_degree:
            raise ConfigError(f"MechanicsConfig: pressure_degree = {self.pressure_degree} with "
                              f"displacement_degree = {self.displacement_degree} is not "
                              "inf-sup stable; use Taylor-Hood (pressure one degree lower)")
        if not (isinstance(self.options_prefix, str) and self.options_prefix.endswith("_")
                and self.options_prefix[:-1].replace("_", "").isalnum()):
            raise ConfigError(f"MechanicsConfig.options_prefix = {self.options_prefix!r}: "
                              "expected letters/digits ending in '_', e.g. 'mech_'")

    @property
    def mixed(self) -> bool:
        return self.incompressibility == "incompressible"


@dataclass(frozen=True)
class ProblemState:
    """A copy of everything a load step changes (to go back after a failed step)."""

    w: np.ndarray
    pressures_kPa: dict[str, float]
    volume_targets_mm3: dict[str, float]
    active_tension: np.ndarray | None


class MechanicsProblem:
    """A hyperelastic myocardium with cavity loads, boundary conditions and active stress.

    Parameters
    ----------
    mesh
        The dolfinx mesh (mm).
    material
        A material dataclass (``Guccione``, ``HolzapfelOgden``, ``NeoHookean``...).
    facet_tags
        Facet tags for the boundaries and cavities.
    boundaries
        Fixed/sliding/spring boundaries.
    cavities
        The cavities loaded by a pressure (or constrained to a volume).
    fibres
        Anything with ``f0``, ``s0``, ``n0`` attributes (UFL-compatible vectors:
        :class:`cardiotwin.geometry.fibres.Fibres`, or quadrature/P1 Functions or
        Constants); required by anisotropic materials and active stress.
    active
        Active stress settings, or ``None`` for a passive problem.
    config
        Discretisation and solver configuration.
    stiffness_scale
        Optional cell-wise factor (> 0) on the material's strain energy: a
        :class:`dolfinx.fem.Function` on a DG0 space of ``mesh`` (e.g. 10 in a collagen
        scar, 1 elsewhere).
    contractility
        Optional cell-wise factor (>= 0) on the active stress, DG0 like
        ``stiffness_scale`` (0 in a non-contracting scar).

    Notes
    -----
    See the module docstring for the equations.  Loads: :meth:`set_pressure`,
    :meth:`set_volume` (volume-constrained mode of that cavity), :meth:`set_active_tension`.
    :meth:`solve` runs Newton once; :func:`cardiotwin.mechanics.loading.solve_load_path`
    ramps loads with step cutting.
    """

    def __init__(self, mesh: Any, material: Any, *, facet_tags: Any = None,
                 boundaries: Sequence[Any] = (), cavities: Sequence[Cavity] = (),
                 fibres: Any = None, active: ActiveStress | None = None,
                 config: MechanicsConfig | None = None, stiffness_scale: Any = None,
                 contractility: Any = None) -> None:
        require_dolfinx()
        import basix.ufl
        import ufl
        from dolfinx import fem

        config = config or MechanicsConfig()
        self._validate(material, boundaries, cavities, fibres, active, config)
        _check_cell_factor("stiffness_scale", stiffness_scale, mesh, positive=True)
        _check_cell_factor("contractility", contractility, mesh, positive=False)
        if contractility is not None and active is None:
            raise ConfigError("contractility given without active stress: pass active="
                              "ActiveStress(...) or leave contractility out")
        self.stiffness_scale, self.contractility = stiffness_scale, contractility
        self.mesh, self.material, self.config = mesh, material, config
        self.facet_tags = facet_tags
        self.boundaries = tuple(boundaries)
        self.cavities = {c.name: c for c in cavities}
        self.active = active
        self.fibres = fibres
        comm = mesh.comm
        self.comm = comm

        cell = mesh.basix_cell()
        Pu = basix.ufl.element("Lagrange", cell, config.displacement_degree, shape=(3,))
        if config.mixed:
            Pp = basix.ufl.element("Lagrange", cell, config.pressure_degree)
            self.W = fem.functionspace(mesh, basix.ufl.mixed_element([Pu, Pp]))
        else:
            self.W = fem.functionspace(mesh, Pu)
        self.w = fem.Function(self.W, name="state")
        w_test = ufl.TestFunction(self.W)
        if config.mixed:
            u, p = ufl.split(self.w)
            v, _ = ufl.split(w_test)
        else:
            u, p, v = self.w, None, w_test
        self.u_ufl, self.p_ufl = u, p

        md = {"quadrature_degree": config.quadrature_degree}
        dx = ufl.Measure("dx", domain=mesh, metadata=md)
        ds = ufl.Measure("ds", domain=mesh, subdomain_data=facet_tags, metadata=md)
        f0, s0, n0 = ((fibres.f0, fibres.s0, fibres.n0) if fibres is not None
                      else (None, None, None))
        kin = Kinematics.from_displacement(u, f0=f0, s0=s0, n0=n0,
                                           isochoric_isotropic=not config.mixed)
        self.kinematics = kin
        F = ufl.variable(kin.F)
        kin_F = Kinematics(F, f0, s0, n0, kin.isochoric_isotropic)
        W_energy = material.strain_energy(kin_F)
        if stiffness_scale is not None:
            W_energy = stiffness_scale * W_energy
        J = ufl.det(F)
        if config.mixed:
            W_energy = W_energy - p * (J - 1.0)
            if config.stabilisation_kPa > 0:
                W_energy = W_energy + 0.5 * config.stabilisation_kPa * (J - 1.0) ** 2
        else:
            kappa = config.bulk_modulus_kPa
            W_energy = W_energy + 0.25 * kappa * (J**2 - 1.0 - 2.0 * ufl.ln(J))
        P_stress = ufl.diff(W_energy, F)
        residual = ufl.inner(P_stress, ufl.grad(v)) * dx
        if config.mixed:
            _, q = ufl.split(w_test)
            residual += -q * (ufl.det(kin.F) - 1.0) * dx

        self.active_tension = None
        #: first Piola–Kirchhoff stress (kPa) as a UFL expression of the state
        self.first_piola_ufl = P_stress
        if active is not None:
            self.active_tension = fem.Function(
                active.tension_space(mesh, config.quadrature_degree), name="Ta")
            Sa = active.stress(kin, self.active_tension)
            if contractility is not None:
                Sa = contractility * Sa
            residual += ufl.inner(kin.F * Sa, ufl.grad(v)) * dx
            self.first_piola_ufl = self.first_piola_ufl + kin.F * Sa

        # cavity loads and volumes
        N = ufl.FacetNormal(mesh)
        Fk = kin.F
        n_da = ufl.det(Fk) * ufl.inv(Fk).T * N
        self._pressure = {}
        self._volume_target: dict[str, float] = {}
        self._mode: dict[str, str] = {}
        self.rings: dict[str, BaseRing] = {}
        self.closures: dict[str, Closure] = {}
        self._x0 = {}
        self._load_forms_ufl = {}
        self._vol_ufl = {}
        for name, cav in self.cavities.items():
            self._pressure[name] = fem.Constant(mesh, 0.0)
            self._mode[name] = "pressure"
            ring = base_ring(mesh, facet_tags, cav)
            closure = cavity_closure(mesh, facet_tags, cav, ring)
            self.closures[name] = closure
            if closure.openings > 1:
                logger.info("cavity %s: %d openings, each closed by a flat lid (%.4g mL "
                            "beyond the cone from the ring centroid)", name,
                            closure.openings, closure.lid_volume_mm3 / 1e3)
            else:
                ring.warn_if_not_planar(name)
            self.rings[name] = ring
            self._x0[name] = fem.Constant(mesh, np.array(ring.point_mm, dtype=float))
            load = ufl.inner(n_da, v) * ds(cav.endo_tag)
            self._load_forms_ufl[name] = load
            residual += self._pressure[name] * load
            self._vol_ufl[name] = volume_form(u, self._x0[name], ds(cav.endo_tag))

        springs = spring_residual(self.boundaries, u, v, ds)
        if springs is not None:
            residual += springs
        self.residual_ufl = residual
        self.jacobian_ufl = ufl.derivative(residual, self.w, ufl.TrialFunction(self.W))
        self.bcs = dirichlet_conditions(self.boundaries, self.W, mesh, facet_tags)

        self._F = fem.form(residual)
        self._J = fem.form(self.jacobian_ufl)
        self._vol = {k: fem.form(f) for k, f in self._vol_ufl.items()}
        self._vol0 = {k: fem.form(reference_volume_form(mesh, self._x0[k],
                                                        ds(self.cavities[k].endo_tag)))
                      for k in self.cavities}
        self._ds = ds
        self._closed_checked: set[str] = set()
        self._options = OptionsScope(config.options_prefix)
        self._pressure_snes = PressureDrivenSNES(self._F, self.w, self.bcs, self._J,
                                                 options=self._options, config=config.solver,
                                                 mixed=config.mixed)
        self._volume_snes: VolumeConstrainedSNES | None = None
        self._volume_snes_key: tuple[str, ...] = ()
        self._u_space = None

    def _check_closed(self, name: str) -> None:
        """A cavity without a base whose volume is constrained must be a closed surface
        (a surface only loaded by a pressure need not be): its divergence volume is then
        the same from any point; raise otherwise (collective)."""
        from mpi4py import MPI

        from dolfinx import fem

        if self.cavities[name].base_tag is not None or name in self._closed_checked:
            return
        ds_endo = self._ds(self.cavities[name].endo_tag)

        x0 = np.asarray(self.rings[name].point_mm, dtype=float)
        vols = []
        for shift in (0.0, 50.0):
            c = fem.Constant(self.mesh, x0 + shift)
            local = fem.assemble_scalar(fem.form(reference_volume_form(self.mesh, c, ds_endo)))
            vols.append(self.comm.allreduce(local, op=MPI.SUM))
        if abs(vols[1] - vols[0]) > 1e-6 * max(abs(vols[0]), 1e-12):
            raise MeshError(f"cavity {name!r} has no base and its endocardium (tag "
                            f"{self.cavities[name].endo_tag}) is not a closed surface: its "
                            f"volume depends on the closing point ({vols[0]:.6g} vs "
                            f"{vols[1]:.6g} mm³); give the base tag")
        self._closed_checked.add(name)

    # --- validation ----------------------------------------------------------------------
    @staticmethod
    def _validate(material: Any, boundaries: Sequence[Any], cavities: Sequence[Cavity],
                  fibres: Any, active: Any, config: Any) -> None:
        if not hasattr(material, "strain_energy"):
            raise ConfigError(f"material = {material!r}: expected a material dataclass "
                              "(Guccione, HolzapfelOgden, NeoHookean)")
        if not isinstance(config, MechanicsConfig):
            raise ConfigError(f"config = {config!r}: expected a MechanicsConfig")
        for b in boundaries:
            if not isinstance(b, FixedBoundary | SlidingBoundary | SpringBoundary):
                raise ConfigError(f"boundary {b!r}: expected FixedBoundary, SlidingBoundary or "
                                  "SpringBoundary")
        names = [c.name for c in cavities]
        if len(set(names)) != len(names):
            raise ConfigError(f"cavities: names must be unique, got {names}")
        for c in cavities:
            if not isinstance(c, Cavity):
                raise ConfigError(f"cavity {c!r}: expected a Cavity")
        needs = getattr(material, "needs_fibres", True) or active is not None
        if needs and fibres is None:
            raise ConfigError(f"{type(material).__name__}"
                              f"{' with active stress' if active is not None else ''} needs "
                              "fibre directions: pass fibres=(an object with f0, s0, n0)")
        if fibres is not None and not all(hasattr(fibres, a) for a in ("f0", "s0", "n0")):
            raise ConfigError("fibres: expected an object with f0, s0 and n0 attributes")
        if active is not None and not isinstance(active, ActiveStress):
            raise ConfigError(f"active = {active!r}: expected an ActiveStress or None")
        if not boundaries:
            logger.warning("no boundary conditions: the problem has rigid-body modes and "
                           "Newton will fail unless something else pins the body")

    # --- loads ---------------------------------------------------------------------------
    def _cavity(self, name: str) -> Cavity:
        if name not in self.cavities:
            raise ConfigError(f"unknown cavity {name!r}; this problem has "
                              f"{sorted(self.cavities) or 'no cavities'}")
        return self.cavities[name]

    def set_pressure(self, name: str, pressure_kPa: float) -> None:
        """Load cavity ``name`` with a pressure (kPa); it becomes pressure-driven."""
        self._cavity(name)
        if not np.isfinite(pressure_kPa):
            raise ConfigError(f"pressure of cavity {name!r} = {pressure_kPa!r}: expected a "
                              "finite number (kPa)")
        self._mode[name] = "pressure"
        self._volume_target.pop(name, None)
        self._pressure[name].value = float(pressure_kPa)

    def set_volume(self, name: str, volume_mm3: float) -> None:
        """Constrain cavity ``name`` to a volume (mm³); its pressure becomes the unknown
        Lagrange multiplier (initial guess: the current pressure)."""
        self._cavity(name)
        self._check_closed(name)
        if not (np.isfinite(volume_mm3) and volume_mm3 > 0):
            raise ConfigError(f"volume of cavity {name!r} = {volume_mm3!r}: expected a "
                              "finite number > 0 (mm³)")
        self._mode[name] = "volume"
        self._volume_target[name] = float(volume_mm3)

    def mode(self, name: str) -> str:
        """``"pressure"`` or ``"volume"``."""
        self._cavity(name)
        return self._mode[name]

    def pressure(self, name: str) -> float:
        """Cavity pressure (kPa): the load, or the multiplier in the volume mode."""
        self._cavity(name)
        return float(self._pressure[name].value)

    def volume_target(self, name: str) -> float | None:
        self._cavity(name)
        return self._volume_target.get(name)

    def set_active_tension(self, tension_kPa: float | np.ndarray) -> None:
        """Set ``T_a`` (kPa): a number for a uniform tension or an array over the local
        entries of :attr:`active_tension` (cells or quadrature points)."""
        if self.active_tension is None:
            raise ConfigError("set_active_tension: this problem has no active stress "
                              "(pass active=ActiveStress())")
        arr = np.asarray(tension_kPa, dtype=float)
        if not np.all(np.isfinite(arr)):
            raise ConfigError("set_active_tension: the tension has non-finite values")
        if arr.ndim == 0:
            self.active_tension.x.array[:] = float(arr)
        else:
            if arr.shape != self.active_tension.x.array.shape:
                raise ConfigError(f"set_active_tension: array of shape {arr.shape}, expected "
                                  f"{self.active_tension.x.array.shape} (local entries)")
            self.active_tension.x.array[:] = arr
        self.active_tension.x.scatter_forward()

    # --- state ---------------------------------------------------------------------------
    def state(self) -> ProblemState:
        return ProblemState(
            w=self.w.x.array.copy(),
            pressures_kPa={k: self.pressure(k) for k in self.cavities},
            volume_targets_mm3=dict(self._volume_target),
            active_tension=(None if self.active_tension is None
                            else self.active_tension.x.array.copy()))

    def restore(self, state: ProblemState) -> None:
        self.w.x.array[:] = state.w
        self.w.x.scatter_forward()
        for k, v in state.pressures_kPa.items():
            self._pressure[k].value = v
        for k in self.cavities:
            if k in state.volume_targets_mm3:
                self._mode[k] = "volume"
                self._volume_target[k] = state.volume_targets_mm3[k]
            else:
                self._mode[k] = "pressure"
                self._volume_target.pop(k, None)
        if state.active_tension is not None and self.active_tension is not None:
            self.active_tension.x.array[:] = state.active_tension

    # --- solve ---------------------------------------------------------------------------
    def _volume_solver(self) -> VolumeConstrainedSNES:
        import ufl
        from dolfinx import fem

        key = tuple(sorted(k for k, m in self._mode.items() if m == "volume"))
        if self._volume_snes is not None and self._volume_snes_key == key:
            return self._volume_snes
        if self._volume_snes is not None:
            self._volume_snes.destroy()
        v = ufl.TestFunction(self.W)
        self._volume_snes = VolumeConstrainedSNES(
            self._F, self._J, self.w, self.bcs,
            multipliers=[self._pressure[k] for k in key],
            load_forms=[fem.form(self._load_forms_ufl[k]) for k in key],
            volume_forms=[self._vol[k] for k in key],
            volume_derivative_forms=[fem.form(ufl.derivative(self._vol_ufl[k], self.w, v))
                                     for k in key],
            targets=lambda: [self._volume_target[k] - self.closures[k].lid_volume_mm3
                             for k in key],
            options=self._options, config=self.config.solver, mixed=self.config.mixed)
        self._volume_snes_key = key
        return self._volume_snes

    def newton(self) -> NewtonReport:
        """Run Newton once at the current loads; report, never raise on divergence.

        On a failed solve the state is whatever Newton left: call :meth:`restore`.
        """
        if any(m == "volume" for m in self._mode.values()):
            report = self._volume_solver().solve()
        else:
            report = self._pressure_snes.solve()
        if report.converged and not self._finite():
            report = NewtonReport(False, report.iterations, "DIVERGED_NONFINITE_STATE",
                                  report.residual_norms, report.linear_iterations)
        return report

    def _finite(self) -> bool:
        from mpi4py import MPI

        ok = bool(np.all(np.isfinite(self.w.x.array)))
        ok = ok and all(np.isfinite(self.pressure(k)) for k in self.cavities)
        return bool(self.comm.allreduce(ok, op=MPI.LAND))

    def solve(self) -> NewtonReport:
        """Run Newton once at the current loads.

        Raises
        ------
        SolverError
            If Newton does not converge (names PETSc's reason and the residual history).
        """
        report = self.newton()
        if not report.converged:
            raise SolverError(
                f"Newton did not converge ({report.reason}) after {report.iterations} "
                f"iterations; residual norms {format_norms(report.residual_norms)}. "
                "Apply the load in smaller steps (cardiotwin.mechanics.loading."
                "solve_load_path) or check the boundary conditions pin the body.")
        return report

    # --- outputs -------------------------------------------------------------------------
    def volume(self, name: str) -> float:
        """Deformed cavity volume (mm³), divergence theorem with Nanson's formula, each
        opening closed by its lid (:class:`~cardiotwin.mechanics.cavity.Closure`)."""
        from mpi4py import MPI

        from dolfinx.fem import assemble_scalar

        self._cavity(name)
        return (self.comm.allreduce(assemble_scalar(self._vol[name]), op=MPI.SUM)
                + self.closures[name].lid_volume_mm3)

    def reference_volume(self, name: str) -> float:
        """Undeformed cavity volume (mm³)."""
        from mpi4py import MPI

        from dolfinx.fem import assemble_scalar

        self._cavity(name)
        return (self.comm.allreduce(assemble_scalar(self._vol0[name]), op=MPI.SUM)
                + self.closures[name].lid_volume_mm3)

    def displaced_mesh_volume(self, name: str) -> float:
        """Deformed cavity volume (mm³) from the displaced mesh (independent check)."""
        return displaced_mesh_volume(self.mesh, self.facet_tags, self._cavity(name),
                                     self.displacement())

    def displacement(self) -> Any:
        """The displacement as a :class:`dolfinx.fem.Function` (mm) on its own space."""
        from dolfinx import fem

        if not self.config.mixed:
            return self.w
        if self._u_space is None:
            self._u_space = self.W.sub(0).collapse()[0]
            self._u = fem.Function(self._u_space, name="u")
        self._u.interpolate(self.w.sub(0))
        self._u.x.scatter_forward()
        return self._u

    def hydrostatic_pressure(self) -> Any | None:
        """The pressure field ``p`` (kPa) of the mixed formulation (``None`` otherwise)."""
        from dolfinx import fem

        if not self.config.mixed:
            return None
        Q = self.W.sub(1).collapse()[0]
        p = fem.Function(Q, name="p")
        p.interpolate(self.w.sub(1))
        return p

    def point_position(self, point_mm: Sequence[float]) -> np.ndarray:
        """Deformed position ``X + u(X)`` (mm) of a reference point (collective).

        Raises
        ------
        ConfigError
            If the point is outside the mesh.
        """
        from cardiotwin.geometry.probe import evaluate_at

        X = np.asarray(point_mm, dtype=float).reshape(3)
        return X + evaluate_at(self.displacement(), X)

    def dofs(self) -> int:
        """Global number of unknowns (displacement and pressure)."""
        imap = self.W.dofmap.index_map
        return imap.size_global * self.W.dofmap.index_map_bs

    @property
    def options_prefix(self) -> str:
        return self._options.prefix

    def close(self) -> None:
        """Free the PETSc solvers and their options (collective)."""
        if self._volume_snes is not None:
            self._volume_snes.destroy()
            self._volume_snes = None
        self._pressure_snes = None
        self._options.release()

    def __del__(self) -> None:
        try:
            self._options.release()
        except Exception:  # interpreter shutdown
            pass


def _check_cell_factor(name: str, f: Any, mesh: Any, *, positive: bool) -> None:
    """A cell-wise factor must be a DG0 Function on ``mesh`` with finite values > 0
    (``positive``) or >= 0."""
    from mpi4py import MPI

    if f is None:
        return
    space = getattr(f, "function_space", None)
    if space is None or space.mesh is not mesh:
        raise ConfigError(f"{name}: expected a dolfinx Function on a DG0 space of the "
                          f"mechanics mesh, got {type(f).__name__}")
    el = space.ufl_element()
    if el.embedded_superdegree != 0 or space.dofmap.index_map_bs != 1:
        raise ConfigError(f"{name}: expected a scalar DG0 (cell-wise) Function")
    a = f.x.array
    ok = bool(np.all(np.isfinite(a)) and (np.all(a > 0) if positive else np.all(a >= 0)))
    if not mesh.comm.allreduce(ok, op=MPI.LAND):
        lo = mesh.comm.allreduce(float(a.min()) if a.size else np.inf, op=MPI.MIN)
        raise ConfigError(f"{name}: values must be finite and {'>' if positive else '>='} 0; "
                          f"the smallest is {lo!r}")


def format_norms(norms: Sequence[float]) -> str:
    """Residual norms as a short readable list."""
    if not norms:
        return "[]"
    return "[" + ", ".join(f"{r:.3e}" for r in norms) + "]"


def loads_summary(problem: MechanicsProblem) -> Mapping[str, Any]:
    """The current loads of ``problem`` (for messages and logs)."""
    out: dict[str, Any] = {}
    for k in problem.cavities:
        if problem.mode(k) == "volume":
            out[f"{k}_volume_mm3"] = problem.volume_target(k)
        else:
            out[f"{k}_pressure_kPa"] = problem.pressure(k)
    if problem.active_tension is not None:
        from mpi4py import MPI

        arr = problem.active_tension.x.array
        out["Ta_max_kPa"] = problem.comm.allreduce(float(arr.max()) if arr.size else -np.inf,
                                                   op=MPI.MAX)
    return out
