"""The monodomain model on DOLFINx with operator splitting.

Notes
-----
The model, in the units of :mod:`cardiotwin.units` (mm, ms, mV, µA/µF, S/m == mS/mm)::

    chi Cm dV/dt = div(sigma grad V) - chi Cm (I_ion(V, s) + I_stim)
    ds/dt = f(V, s)

is split (Godunov: ODE dt then diffusion dt; Strang: ODE dt/2, diffusion dt, ODE dt/2;
Qu & Garfinkel 1999, Sundnes et al. 2005).  The ODE part runs the compiled ionic kernel
at every P1 dof (i.e. at the mesh vertices: "ionic current interpolation"), on the dofs
this rank owns.  The diffusion part is the theta scheme on P1 elements::

    (M + theta dt K) V^{n+1} = (M - (1 - theta) dt K) V*,
    K_ij = int (sigma / (chi Cm)) grad phi_j . grad phi_i

with theta = 1/2 (Crank–Nicolson) or 1 (backward Euler), M consistent or lumped (row
sums).  Both matrices are assembled once; a step is one mat-vec and one KSP solve (CG,
block-Jacobi/ICC by default, preconditioner set up once, the previous solution as
initial guess).  Every KSP option can be changed through the solver's PETSc options
prefix (``MonodomainConfig.petsc_prefix``) or ``MonodomainConfig.petsc_options``.
"""

from __future__ import annotations

import itertools
import json
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require_dolfinx
from cardiotwin._mpi import nearest_owned_vertex
from cardiotwin.ep.activation import ActivationTracker
from cardiotwin.ep.conductivity import Conductivity, conductivity_tensor
from cardiotwin.ep.stimulus import Stimulus
from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.geometry.fibres import Fibres
from cardiotwin.geometry.regions import (
    RegionResolver,
    check_region,
    geometry_coordinates,
    is_geometry,
)
from cardiotwin.io.monitor import Monitor
from cardiotwin.ionic.parameters import ParameterChanges
from cardiotwin.units import CHI_DEFAULT_PER_MM, CM_DEFAULT_UF_PER_MM2

logger = logging.getLogger(__name__)

#: PETSc options used unless overridden (all available in every PETSc build).  Point
#: Jacobi rather than block Jacobi/ICC: the operator chi Cm M + theta dt K is dominated by
#: the mass matrix, so Jacobi-preconditioned CG converges in a number of iterations that
#: depends neither on the mesh nor on the number of ranks (block Jacobi/ICC: 4 iterations on
#: one rank, 6 on two, more with every rank).  Measured on the MM-WHS ventricles at 1 mm
#: (212k vertices, dt 0.05 ms): 40.1 vs 40.3 ms per solve on one rank, 22.0 vs 29.9 on two.
DEFAULT_PETSC_OPTIONS: dict[str, Any] = {
    "ksp_type": "cg",
    "pc_type": "jacobi",
    "ksp_rtol": 1e-8,
    "ksp_atol": 1e-12,
    "ksp_norm_type": "unpreconditioned",
}

#: Preconditioners that need an external package, with the package name.
_EXTERNAL_PCS = {"hypre": "hypre", "ml": "ml"}

_instance_counter = itertools.count()


@dataclass(frozen=True)
class MonodomainConfig:
    """Numerical and physical settings of a monodomain simulation.

    Parameters
    ----------
    dt_ms
        Time step (ms) of the splitting.
    splitting
        ``"godunov"`` (first order) or ``"strang"`` (second order).
    theta
        Diffusion time discretisation: 0.5 Crank–Nicolson, 1.0 backward Euler
        (any value in [0.5, 1] is unconditionally stable).
    lumped_mass
        Use the row-sum lumped mass matrix instead of the consistent one (default
        ``False``: with the ionic current interpolated from the vertices, lumping slows
        conduction markedly on coarse meshes, see :mod:`cardiotwin.studies.niederer`).
    chi_per_mm, cm_uF_per_mm2
        Surface-to-volume ratio (1/mm) and membrane capacitance (µF/mm²).
    activation_threshold
        Upstroke threshold for activation times, in the model's voltage unit (mV).
    workers
        Threads for the ionic kernel on each rank (use 1 under MPI with one rank a core).
    lookup_tables
        Evaluate the V-only expressions of the ionic models (gate rates, Rush–Larsen
        factors) from lookup tables, as openCARP/Chaste do (the models' documented
        default range and step); models without tables ignore it.
    petsc_options
        Extra PETSc options for the diffusion solve (without prefix); they override
        :data:`DEFAULT_PETSC_OPTIONS`.
    petsc_prefix
        Options prefix of this solver; default ``"cardiotwin_ep_<n>_"``.
    """

    dt_ms: float = 0.01
    splitting: str = "godunov"
    theta: float = 0.5
    lumped_mass: bool = False
    chi_per_mm: float = CHI_DEFAULT_PER_MM
    cm_uF_per_mm2: float = CM_DEFAULT_UF_PER_MM2
    activation_threshold: float = 0.0
    workers: int = 1
    lookup_tables: bool = True
    petsc_options: Mapping[str, Any] = field(default_factory=dict)
    petsc_prefix: str | None = None

    def __post_init__(self) -> None:
        if not (np.isfinite(self.dt_ms) and self.dt_ms > 0):
            raise ConfigError(f"dt_ms = {self.dt_ms!r} is invalid: expected a positive time "
                              "step in ms (typically 0.005-0.05)")
        if self.splitting not in ("godunov", "strang"):
            raise ConfigError(f"splitting = {self.splitting!r}: expected 'godunov' or 'strang'")
        if not 0.5 <= self.theta <= 1.0:
            raise ConfigError(f"theta = {self.theta!r}: expected 0.5 (Crank–Nicolson) .. 1.0 "
                              "(backward Euler)")
        for name in ("chi_per_mm", "cm_uF_per_mm2"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"{name} = {v!r}: expected a positive number")
        if int(self.workers) != self.workers or self.workers < 1:
            raise ConfigError(f"workers = {self.workers!r}: expected an integer >= 1")
        pc = str(self.petsc_options.get("pc_type", ""))
        if pc in _EXTERNAL_PCS:
            from petsc4py import PETSc

            if not PETSc.Sys.hasExternalPackage(_EXTERNAL_PCS[pc]):
                raise ConfigError(
                    f"pc_type = {pc!r} needs PETSc built with {_EXTERNAL_PCS[pc]}, which this "
                    "PETSc lacks (see `cardiotwin info`); use 'gamg', 'bjacobi' or 'jacobi'")


@dataclass(frozen=True)
class IonicRegion:
    """Which ionic model runs where, with its parameter changes.

    Parameters
    ----------
    model
        Registry name (``cardiotwin models``), a path to a CellML/.mmt file, or a model
        object as returned by :func:`cardiotwin.ionic.get_model`.
    region
        A region of :mod:`cardiotwin.geometry.regions` (e.g.
        ``CoordinateRange("transmural", 0, 0.3)``, ``Tagged("scar")``), or ``None`` for
        every vertex no other region claimed.  Earlier regions take precedence.
    parameters
        How the model's per-cell parameters differ from its defaults here
        (:class:`~cardiotwin.ionic.parameters.ParameterChanges`: ``scale`` multiplies,
        ``set`` assigns).
    """

    model: Any
    region: Any = None
    parameters: ParameterChanges = field(default_factory=ParameterChanges)

    def __post_init__(self) -> None:
        if self.region is not None:
            check_region("IonicRegion.region", self.region)
        if not isinstance(self.parameters, ParameterChanges):
            raise ConfigError(f"IonicRegion.parameters is a {type(self.parameters).__name__}: "
                              "expected a ParameterChanges(scale=..., set=...)")

    def with_parameters(self, changes: ParameterChanges) -> IonicRegion:
        """A copy whose parameter changes are followed by ``changes``."""
        return IonicRegion(self.model, self.region, self.parameters.then(changes))


def transmural_layers(family: str, *, endo: float = 0.3, mid: float = 0.3,
                      parameters: ParameterChanges | None = None) -> list[IonicRegion]:
    """Endocardial, mid-myocardial and epicardial cells of a model family across the wall.

    ``family`` is ``"tp06"`` or ``"ord"`` (models ``<family>-endo``, ``-m``, ``-epi``):
    endocardial cells where the geometry's transmural coordinate is below ``endo``, M cells
    in the next ``mid`` of the wall, epicardial cells elsewhere (the demo's 30/30/40 %).
    """
    for name, v in (("endo", endo), ("mid", mid)):
        if not (np.isfinite(v) and 0 <= v <= 1):
            raise ConfigError(f"transmural_layers {name} = {v!r}: expected a fraction 0..1")
    if endo + mid > 1:
        raise ConfigError(f"transmural_layers: endo + mid = {endo + mid} exceeds the wall")
    from cardiotwin.geometry.regions import CoordinateRange

    changes = parameters or ParameterChanges()
    out = []
    if endo > 0:
        out.append(IonicRegion(f"{family}-endo", CoordinateRange("transmural", -1.0, endo),
                               changes))
    if mid > 0:
        out.append(IonicRegion(f"{family}-m", CoordinateRange("transmural", endo, endo + mid),
                               changes))
    out.append(IonicRegion(f"{family}-epi", None, changes))
    return out


class _ModelBlock:
    """The vertices one ionic model runs on (owned dofs of this rank) and its arrays."""

    def __init__(self, model: Any, dofs: npt.NDArray[np.int32], changes: ParameterChanges,
                 *, lut_dt_ms: float | None = None) -> None:
        self.model = model
        self.kernel = model.kernel
        self.lut = None
        if lut_dt_ms is not None and getattr(model, "lut_entries", ()):
            self.lut_vmin, _, self.lut_dv = model.lut_default_range
            self.lut = model.lookup_table(lut_dt_ms)
        self.dofs = dofs
        n = dofs.size
        self.states = np.ascontiguousarray(model.initial_states(n), dtype=np.float64)
        self.params = np.ascontiguousarray(model.default_params(n), dtype=np.float64)
        changes.apply(model, self.params)
        self.i_stim = np.zeros(n)
        self.stim_index: list[npt.NDArray[np.int32]] = []
        self.contiguous = n > 0 and dofs[0] == 0 and np.all(np.diff(dofs) == 1)
        unit = getattr(model, "voltage_unit", "mV")
        self.v_range = _PHYSICAL_RANGE.get(unit, _PHYSICAL_RANGE["mV"])
        self.max_jump = _MAX_JUMP.get(unit, _MAX_JUMP["mV"])


#: Membrane potentials beyond these bounds away from a stimulus mean the integration has
#: failed, by the model's voltage unit (mV; dimensionless 0..1 models).
_PHYSICAL_RANGE = {"mV": (-1000.0, 1000.0), "1": (-10.0, 10.0)}
#: The largest change of V in one time step at a vertex no stimulus drives: an upstroke
#: resolved in time takes several steps (TP06: ~20 mV per 0.05 ms step); a larger jump
#: means the time step is too large for the model's fastest current.
_MAX_JUMP = {"mV": 100.0, "1": 1.0}
#: A vertex stimulated this recently (ms) may legitimately jump or leave the range (a
#: strong pacing pulse); non-finite values are failures everywhere.
_STIMULUS_GRACE_MS = 2.0


class Monodomain:
    """A monodomain simulation: state, time stepping, outputs and checkpoints.

    Parameters
    ----------
    domain
        A :class:`cardiotwin.geometry.Geometry` (mesh in mm, tags with names, fibres and
        ventricular coordinates: regions may then use tag and coordinate names), or a
        bare dolfinx mesh in mm (tetrahedra, or hexahedra for slabs).
    ionic
        A model (name, file or object) everywhere, or a sequence of :class:`IonicRegion`.
    conductivity
        A :class:`Conductivity` (S/m), or a ready UFL tensor.
    config
        Numerical settings.
    fibres, cell_tags, facet_tags
        Override (or, for a bare mesh, give) the fibres and tags of the domain.
    region_conductivity, conductivity_scaling
        See :func:`cardiotwin.ep.conductivity.conductivity_tensor`; region keys may be
        cell tag ids or names.
    stimuli
        Stimuli applied to the membrane.
    monitor
        A :class:`~cardiotwin.io.monitor.Monitor` collecting phase timings (one is
        created if omitted).
    links
        Discrete connections between two points of the tissue
        (:class:`cardiotwin.geometry.atria.Link`, e.g. the inter-atrial bundles of an
        atrial surface model); default: the geometry's ``links``.  Each adds
        ``g / (chi Cm) (e_a - e_b)(e_a - e_b)^T`` to the stiffness, ``g`` its
        conductance (S/m; a strand of conductivity sigma, width w and length L gives
        ``sigma w / L`` on a surface mesh), between the vertices nearest its two ends.

    Raises
    ------
    SolverError
        During :meth:`step`/:meth:`run`: a linear solve fails, or the membrane potential
        becomes non-finite or leaves the physical range (the message names the time, the
        place and the likely cause).
    """

    def __init__(self, domain: Any, ionic: Any, conductivity: Conductivity | Any,
                 config: MonodomainConfig | None = None, *, fibres: Fibres | None = None,
                 cell_tags: Any = None, facet_tags: Any = None,
                 region_conductivity: Mapping[int | str, Conductivity] | None = None,
                 conductivity_scaling: Any = None, stimuli: Sequence[Stimulus] = (),
                 monitor: Monitor | None = None, links: Sequence[Any] | None = None) -> None:
        require_dolfinx()
        from petsc4py import PETSc

        import dolfinx.fem.petsc
        import ufl

        self.config = config or MonodomainConfig()
        cfg = self.config
        geometry = domain if is_geometry(domain) else None
        mesh = geometry.mesh if geometry is not None else domain
        if geometry is not None:
            fibres = fibres if fibres is not None else geometry.fibres
            cell_tags = cell_tags if cell_tags is not None else geometry.cell_tags
            facet_tags = facet_tags if facet_tags is not None else geometry.facet_tags
        self.geometry = geometry
        self.mesh = mesh
        self.comm = mesh.comm
        self.cell_tags, self.facet_tags = cell_tags, facet_tags
        self.monitor = monitor or Monitor()
        self.stimuli = tuple(stimuli)
        self.t = 0.0
        self.step_count = 0

        # ---- function space and nodal data
        self.V = dolfinx.fem.functionspace(mesh, ("Lagrange", 1))
        self.v = dolfinx.fem.Function(self.V, name="V")
        imap = self.V.dofmap.index_map
        self.n_owned = imap.size_local
        self.dof_coords = self.V.tabulate_dof_coordinates()
        coords = geometry_coordinates(geometry, fibres)
        tag_ids = ({"cell": geometry.cell_tag_ids, "facet": geometry.facet_tag_ids}
                   if geometry is not None else {})
        self.regions = RegionResolver(self.V, cell_tags=cell_tags, facet_tags=facet_tags,
                                      tag_ids=tag_ids, coordinates=coords,
                                      table=getattr(geometry, "table", None))

        # ---- ionic models
        regions = (list(ionic) if isinstance(ionic, Sequence) and not isinstance(ionic, str)
                   else [IonicRegion(ionic)])
        if not regions:
            raise ConfigError("no ionic model given")
        for k, reg in enumerate(regions):
            if not isinstance(reg, IonicRegion):
                raise ConfigError(f"ionic[{k}] is a {type(reg).__name__}: expected an "
                                  "IonicRegion(model, region, parameters)")
        self.blocks = self._make_blocks(regions)
        self._v_bounds = (min(b.v_range[0] for b in self.blocks),
                          max(b.v_range[1] for b in self.blocks))
        self._max_jump = min(b.max_jump for b in self.blocks)
        self._last_stimulus_ms = np.full(self.n_owned, -np.inf)
        v0 = self.v.x.array
        for b in self.blocks:
            v0[b.dofs] = b.states[0]
        self.v.x.scatter_forward()

        # ---- stimuli -> per-block index lists
        for stim in self.stimuli:
            mask = self._region_mask(stim.region)
            total = self.comm.allreduce(int(mask[: self.n_owned].sum()))
            if total == 0:
                raise ConfigError(f"stimulus {stim.name!r}: its region {stim.region} contains "
                                  "no mesh vertex")
            for b in self.blocks:
                b.stim_index.append(np.nonzero(mask[b.dofs])[0].astype(np.int32))

        # ---- diffusion operators (assembled once)
        if isinstance(conductivity, Conductivity):
            by_id = {}
            for key, cond in (region_conductivity or {}).items():
                ids = self.regions.tag_values(_tagged_cells(key))
                by_id.update(dict.fromkeys(ids, cond))
            sigma = conductivity_tensor(mesh, conductivity, fibres=fibres, cell_tags=cell_tags,
                                        region_conductivity=by_id,
                                        scaling=conductivity_scaling)
        else:
            sigma = conductivity
        self.sigma = sigma
        u, w = ufl.TrialFunction(self.V), ufl.TestFunction(self.V)
        scale = 1.0 / (cfg.chi_per_mm * cfg.cm_uF_per_mm2)
        dt = cfg.dt_ms
        k_form = dolfinx.fem.form(scale * ufl.inner(sigma * ufl.grad(u), ufl.grad(w)) * ufl.dx)
        m_form = dolfinx.fem.form(ufl.inner(u, w) * ufl.dx)
        K = dolfinx.fem.petsc.assemble_matrix(k_form)
        K.assemble()
        if links is None:
            links = getattr(geometry, "links", ()) or ()
        self.links = tuple(links)
        if self.links:
            self._add_links(K, self.links, scale)
        if cfg.lumped_mass:
            M = dolfinx.fem.petsc.assemble_matrix(m_form)
            M.assemble()
            diag = M.createVecLeft()
            M.getRowSum(diag)
            M.zeroEntries()
            M.setDiagonal(diag)
            M.assemble()
        else:
            M = dolfinx.fem.petsc.assemble_matrix(m_form)
            M.assemble()
        # links add entries outside the P1 sparsity that M and K otherwise share
        kw = {"structure": PETSc.Mat.Structure.DIFFERENT_NONZERO_PATTERN} if self.links else {}
        A = M.copy()
        A.axpy(cfg.theta * dt, K, **kw)
        B = M.copy()
        if cfg.theta < 1.0:
            B.axpy(-(1.0 - cfg.theta) * dt, K, **kw)
        self._A, self._B, self._M, self._K = A, B, M, K
        self._b = A.createVecLeft()
        self._v_star = A.createVecLeft()
        self._increments = (A.createVecLeft(), A.createVecLeft())
        self._n_increments = 0

        # ---- linear solver
        self.petsc_prefix = cfg.petsc_prefix or f"cardiotwin_ep_{next(_instance_counter)}_"
        ksp = PETSc.KSP().create(self.comm)
        ksp.setOptionsPrefix(self.petsc_prefix)
        ksp.setOperators(A)
        opts = PETSc.Options()
        for key, value in {**DEFAULT_PETSC_OPTIONS, **dict(cfg.petsc_options)}.items():
            full = self.petsc_prefix + key
            if not opts.hasName(full):  # command-line options win
                opts[full] = value
        ksp.setFromOptions()
        ksp.setInitialGuessNonzero(True)
        ksp.setUp()
        self.ksp = ksp

        self.tracker = ActivationTracker(cfg.activation_threshold, self.n_owned)
        self._observers: list[Callable[[Monodomain], None]] = []
        logger.info("monodomain: %d dofs on %d ranks, %s, dt=%g ms, theta=%g, %s mass, "
                    "KSP %s/%s (prefix %s)", imap.size_global, self.comm.size, cfg.splitting,
                    dt, cfg.theta, "lumped" if cfg.lumped_mass else "consistent",
                    ksp.getType(), ksp.getPC().getType(), self.petsc_prefix)

    # ------------------------------------------------------------------ set-up helpers
    def _add_links(self, K: Any, links: Sequence[Any], scale: float) -> None:
        """Add the links' conductances to the assembled stiffness ``K`` (collective)."""
        from petsc4py import PETSc

        from cardiotwin._mpi import nearest_owned_vertices

        ends = np.array([p for lk in links for p in (lk.a_mm, lk.b_mm)], float)
        _owner, local, dist = nearest_owned_vertices(self.comm, self.owned_vertex_coordinates(),
                                                    ends)
        far = np.nonzero(dist > 5.0)[0]
        if far.size:
            raise ConfigError(f"link end {ends[far[0]].round(2).tolist()} mm is "
                              f"{dist[far[0]]:.1f} mm from the nearest vertex: the link does "
                              "not belong to this mesh")
        imap = self.V.dofmap.index_map
        gid = np.full(len(ends), -1, dtype=np.int64)
        mine = local >= 0
        if mine.any():
            gid[mine] = imap.local_to_global(local[mine].astype(np.int32))
        gid = self.comm.allreduce(np.where(mine, gid, 0))  # one owner per end
        K.setOption(PETSc.Mat.Option.NEW_NONZERO_ALLOCATION_ERR, False)
        lo, hi = K.getOwnershipRange()
        for k, lk in enumerate(links):
            a, b = int(gid[2 * k]), int(gid[2 * k + 1])
            if a == b:
                continue
            g = float(lk.conductance_S_per_m) * scale
            for row, col in ((a, b), (b, a)):
                if lo <= row < hi:
                    K.setValues([row], [row, col], [g, -g], addv=PETSc.InsertMode.ADD_VALUES)
        K.assemble()
        logger.info("monodomain: %d links added to the stiffness", len(links))


    def _make_blocks(self, regions: Sequence[IonicRegion]) -> list[_ModelBlock]:
        from cardiotwin.ionic import resolve_model

        claimed = np.zeros(self.n_owned, dtype=bool)
        masks: list[npt.NDArray[np.bool_]] = []
        default_index = None
        for reg in regions:
            if reg.region is None:
                if default_index is not None:
                    raise ConfigError("more than one IonicRegion without a region")
                default_index = len(masks)
                masks.append(np.zeros(0, bool))
                continue
            mask = self._region_mask(reg.region)[: self.n_owned] & ~claimed
            claimed |= mask
            masks.append(mask)
        if default_index is not None:
            masks[default_index] = ~claimed
        elif self.comm.allreduce(int((~claimed).sum())) > 0:
            raise ConfigError("the ionic regions leave some vertices without a model; add an "
                              "IonicRegion with region=None as the default")
        ode_dt = self.config.dt_ms * (0.5 if self.config.splitting == "strang" else 1.0)
        blocks = []
        for reg, mask in zip(regions, masks, strict=True):
            model = resolve_model(reg.model, comm=self.comm)
            blocks.append(_ModelBlock(model, np.nonzero(mask)[0].astype(np.int32),
                                      reg.parameters,
                                      lut_dt_ms=ode_dt if self.config.lookup_tables else None))
        return blocks

    def _region_mask(self, region: Any) -> npt.NDArray[np.bool_]:
        """Boolean mask over all local dofs (owned + ghosts) selected by ``region``."""
        return self.regions.vertices(region)

    # ------------------------------------------------------------------ initial state
    def prepace(self, beats: int, cycle_length_ms: float, *, amplitude: float = 60.0,
                duration_ms: float = 2.0) -> None:
        """Start every cell from the state of a single cell with its model and parameters
        (drug, block, region changes) paced for ``beats`` beats of ``cycle_length_ms``
        (stimulus ``amplitude`` µA/µF for ``duration_ms``), taken just before the next
        beat: the paced steady state a tissue run should start from (the models' own
        initial states are for other rates, and a drug changes the SR calcium load over
        many beats).  Call before running; every rank paces its own distinct parameter
        sets (no communication)."""
        from cardiotwin.ionic.protocol import Protocol
        from cardiotwin.ionic.simulate import pace_cells

        if not (isinstance(beats, int) and beats >= 1):
            raise ConfigError(f"prepace: beats = {beats!r}, expected an integer >= 1")
        if self.t != 0.0:
            raise ConfigError(f"prepace: the simulation is at t = {self.t} ms; prepace "
                              "before running")
        stim = Protocol(start_ms=0.0, duration_ms=duration_ms, amplitude=amplitude,
                        period_ms=cycle_length_ms, number=beats)
        v = self.v.x.array
        for b in self.blocks:
            if b.dofs.size == 0 or getattr(b.model, "name", "") == "non-excitable":
                continue
            cols, inverse = np.unique(b.params, axis=1, return_inverse=True)
            states = np.ascontiguousarray(b.model.initial_states(cols.shape[1]))
            pace_cells(b.model, stim, cycle_ms=cycle_length_ms, cycles=beats,
                       dt_ms=self.config.dt_ms, params=np.ascontiguousarray(cols),
                       states=states)
            b.states[:] = states[:, inverse.ravel()]
            v[b.dofs] = b.states[0]
        self.v.x.scatter_forward()
        logger.info("ionic states from %d paced beats of %g ms", beats, cycle_length_ms)

    # ------------------------------------------------------------------ parameters
    def set_parameter(self, name: str, values: float | npt.ArrayLike) -> None:
        """Set a per-cell parameter row to per-vertex ``values`` in every block that has it.

        ``values`` (a scalar or an array over this rank's owned dofs) are assigned, in the
        parameter's unit (a factor for ``"scale"`` rows), as ``ParameterChanges.set`` does;
        heterogeneous tissue (e.g. a gradient of gKs) is set this way.
        """
        vals = np.broadcast_to(np.asarray(values, float), (self.n_owned,))
        found = False
        for b in self.blocks:
            if name in b.model.param_names:
                b.params[b.model.param_names.index(name), :] = vals[b.dofs]
                found = True
        if not found:
            raise ConfigError(f"no ionic model in this simulation has a parameter {name!r}")

    # ------------------------------------------------------------------ time stepping
    def _ode(self, t: float, dt: float) -> None:
        cfg = self.config
        v = self.v.x.array
        for b in self.blocks:
            if b.dofs.size == 0:
                continue
            b.i_stim[:] = 0.0
            for stim, idx in zip(self.stimuli, b.stim_index, strict=True):
                amp = stim.amplitude_at(t, cfg.chi_per_mm, cfg.cm_uF_per_mm2)
                if amp != 0.0 and idx.size:
                    b.i_stim[idx] -= amp  # Hodgkin–Huxley sign: negative depolarises
                    self._last_stimulus_ms[b.dofs[idx]] = t
            if b.contiguous:
                b.states[0, :] = v[: b.dofs.size]
            else:
                b.states[0, :] = v[b.dofs]
            if b.lut is not None:
                b.kernel.step_lut(b.states, b.params, b.i_stim, t, dt, b.lut, b.lut_vmin,
                                  b.lut_dv, cfg.workers)
            else:
                b.kernel.step(b.states, b.params, b.i_stim, t, dt, cfg.workers)
            if b.contiguous:
                v[: b.dofs.size] = b.states[0, :]
            else:
                v[b.dofs] = b.states[0, :]

    def _diffuse(self) -> None:
        from petsc4py import PETSc

        x = self.v.x.petsc_vec
        with self.monitor.phase("rhs"):
            self._B.mult(x, self._b)
            # initial guess: V* plus the diffusion increment extrapolated from the last two
            # steps (second order in time); the converged answer is the same, the solve
            # starts closer to it
            self._v_star.array_w[:] = x.array_r
            d1, d2 = self._increments
            if self._n_increments >= 2:
                x.axpy(2.0, d1)
                x.axpy(-1.0, d2)
            elif self._n_increments == 1:
                x.axpy(1.0, d1)
        with self.monitor.phase("solve"):
            self.ksp.solve(self._b, x)
        reason = self.ksp.getConvergedReason()
        self.monitor.record_ksp(self.ksp.getIterationNumber())
        if reason < 0:
            names = {v: k for k, v in PETSc.KSP.ConvergedReason.__dict__.items()
                     if isinstance(v, int)}
            raise SolverError(f"diffusion solve failed at t = {self.t:.4f} ms: KSP reason "
                              f"{names.get(reason, reason)} after "
                              f"{self.ksp.getIterationNumber()} iterations (options prefix "
                              f"{self.petsc_prefix!r})")
        with self.monitor.phase("rhs"):
            d2.array_w[:] = x.array_r  # the oldest increment becomes the newest
            d2.axpy(-1.0, self._v_star)
            self._increments = (d2, d1)
            self._n_increments += 1

    def step(self) -> None:
        """Advance by one time step ``config.dt_ms``."""
        dt = self.config.dt_ms
        t0 = self.t
        v_old = self.v.x.array[: self.n_owned].copy()
        with self.monitor.phase("ode"):
            if self.config.splitting == "godunov":
                self._ode(t0, dt)
            else:
                self._ode(t0, 0.5 * dt)
        try:
            self._diffuse()
        except SolverError:
            self._check_state(v_old)  # a state gone non-finite explains it better
            raise
        if self.config.splitting == "strang":
            with self.monitor.phase("ode"):
                self._ode(t0 + 0.5 * dt, 0.5 * dt)
        self.step_count += 1
        self.t = self.step_count * dt
        with self.monitor.phase("maps"):
            stats = self.tracker.update(v_old, self.v.x.array[: self.n_owned], t0, self.t)
        self._check_state(v_old, stats)
        self.monitor.steps += 1
        for obs in self._observers:
            obs(self)

    def _check_state(self, v_old: npt.NDArray[np.float64],
                     stats: tuple[float, float, float, bool] | None = None) -> None:
        """Stop with a :class:`SolverError` if V went non-finite, out of range, or jumped
        more in one step than a resolved upstroke can (time step too large).  Collective.

        ``stats`` = (min, max, largest change, any non-finite) of the new V, as the
        activation tracker's pass returns them (computed here when not given).
        """
        v = self.v.x.array[: self.n_owned]
        if stats is None:
            finite = bool(np.all(np.isfinite(v)))
            stats = ((float(v.min()), float(v.max()), float(np.max(np.abs(v - v_old))),
                      not finite) if v.size and finite else (0.0, 0.0, 0.0, not finite))
        vmin, vmax, jump, bad = stats
        ok = (not bad and vmin >= self._v_bounds[0] and vmax <= self._v_bounds[1]
              and jump <= self._max_jump)
        if self.comm.allreduce(int(not ok)) == 0:
            return
        bad_local, info = -1, None
        settled = self.t - self._last_stimulus_ms > _STIMULUS_GRACE_MS
        for b in self.blocks:
            lo, hi = b.v_range
            vb, vo = v[b.dofs], v_old[b.dofs]
            wrong = ~np.isfinite(vb) | ((~((vb >= lo) & (vb <= hi))
                                         | (np.abs(vb - vo) > b.max_jump)) & settled[b.dofs])
            bad = np.nonzero(wrong)[0]
            if bad.size:
                k = int(b.dofs[bad[0]])
                bad_local = k
                info = (float(v_old[k]), float(v[k]),
                        tuple(float(c) for c in self.dof_coords[k]), b.model.name)
                break
        owner, _ = _first_rank(self.comm, bad_local >= 0)
        if owner < 0:  # driven by a stimulus: not a failure
            return
        before, after, where, name = self.comm.bcast(info, root=owner)
        what = (f"went from {before:.4g} to {after:.4g} in one step" if np.isfinite(after)
                else "became non-finite")
        raise SolverError(
            f"the membrane potential {what} at t = {self.t:.4g} ms, vertex "
            f"({where[0]:.3g}, {where[1]:.3g}, {where[2]:.3g}) mm, model {name!r}: the time "
            f"step dt = {self.config.dt_ms:g} ms is probably too large for this model (try "
            "0.01-0.05 ms), or a stimulus too strong")

    def add_observer(self, fn: Callable[[Monodomain], None]) -> None:
        """Call ``fn(sim)`` after every step (outputs, probes, ECG, progress)."""
        self._observers.append(fn)

    def run(self, t_end_ms: float, *, progress: Any = None) -> None:
        """Step until ``t_end_ms`` (ms).  ``progress`` is an optional callable(t, t_end)."""
        n_target = round(t_end_ms / self.config.dt_ms)
        if n_target < self.step_count:
            raise ConfigError(f"t_end_ms = {t_end_ms} is before the current time {self.t} ms")
        while self.step_count < n_target:
            self.step()
            if progress is not None:
                progress(self.t, t_end_ms)

    # ------------------------------------------------------------------ results
    def owned_vertex_coordinates(self) -> npt.NDArray[np.float64]:
        """Coordinates (mm) of the dofs this rank owns."""
        return self.dof_coords[: self.n_owned]

    def nodal_field(self, values: npt.NDArray, name: str) -> Any:
        """A P1 Function (ghosts updated) holding per-owned-dof ``values``."""
        dolfinx = require_dolfinx()
        fn = dolfinx.fem.Function(self.V, name=name)
        fn.x.array[: self.n_owned] = values
        fn.x.scatter_forward()
        return fn

    def value_at(self, point_mm: Sequence[float], values: npt.NDArray | None = None) -> float:
        """Value of a nodal array (default: V) at the mesh vertex nearest ``point_mm``.

        Ties (a point midway between vertices) go to the vertex with the lexicographically
        smallest coordinates, so the answer does not depend on the partition.  Collective.
        Returns the same float on every rank.
        """
        arr = self.v.x.array[: self.n_owned] if values is None else values
        owner, i = nearest_owned_vertex(self.comm, self.owned_vertex_coordinates(), point_mm)
        val = float(arr[i]) if owner == self.comm.rank else 0.0
        return self.comm.bcast(val, root=owner)

    def interpolate_at(self, point_mm: Sequence[float],
                       values: npt.NDArray | None = None) -> float:
        """Value of a nodal array (default: V) at a point, interpolated in its element.

        Unlike :meth:`value_at` the point need not be a vertex: the piecewise-linear
        field is evaluated inside the cell containing it (the lowest rank owning such a
        cell answers).  NaN where any vertex of that cell holds NaN.  Collective.

        Raises
        ------
        ConfigError
            If the point is outside the mesh.
        """
        import dolfinx

        from cardiotwin.geometry.probe import evaluate_at

        if values is None:
            return float(evaluate_at(self.v, point_mm)[0])
        f = dolfinx.fem.Function(self.V)
        f.x.array[: self.n_owned] = values[: self.n_owned]
        f.x.scatter_forward()
        return float(evaluate_at(f, point_mm)[0])

    # ------------------------------------------------------------------ checkpoints
    def input_indices(self) -> npt.NDArray[np.int64]:
        """Original (input) global index of each owned dof: partition-independent ids
        (the vertex order of the mesh file / of the arrays the mesh was built from)."""
        return self._input_indices()

    def _input_indices(self) -> npt.NDArray[np.int64]:
        """Original (input) global index of each owned dof: partition-independent ids."""
        geom = self.mesh.geometry
        dof2node = np.empty(self.dof_coords.shape[0], dtype=np.int64)
        dof2node[self.V.dofmap.list.ravel()] = geom.dofmaps[0].ravel()
        return np.asarray(geom.input_global_indices, dtype=np.int64)[dof2node[: self.n_owned]]

    def save_checkpoint(self, directory: str | Path) -> Path:
        """Write the full state (V, ionic states and parameters, time, maps). Collective.

        Files are written to a temporary name and renamed, so an interrupted write
        never corrupts the previous checkpoint.  Stimulus protocols are functions of
        time only, so the time fully determines their position.
        """
        d = Path(directory)
        if self.comm.rank == 0:
            d.mkdir(parents=True, exist_ok=True)
        self.comm.Barrier()
        arrays: dict[str, npt.NDArray] = {
            # keyed by where the dofs are: a mesh file's vertex order (and so its input
            # indices) depends on the number of ranks that wrote it
            "x": self.dof_coords[: self.n_owned],
            "v": self.v.x.array[: self.n_owned],
            # the solve's initial-guess history, so that a resumed run is the same run
            "increment1": self._increments[0].array_r.copy(),
            "increment2": self._increments[1].array_r.copy(),
        }
        for k, b in enumerate(self.blocks):
            arrays[f"block{k}_dofs"] = b.dofs
            arrays[f"block{k}_states"] = b.states
            arrays[f"block{k}_params"] = b.params
        for key, val in self.tracker.state().items():
            arrays[f"tracker_{key}"] = val
        tmp = d / f"rank{self.comm.rank:05d}.tmp.npz"
        np.savez(tmp, **arrays)
        tmp.rename(d / f"rank{self.comm.rank:05d}.npz")
        self.comm.Barrier()
        if self.comm.rank == 0:
            meta = {"t_ms": self.t, "step": self.step_count, "dt_ms": self.config.dt_ms,
                    "ranks": self.comm.size, "increments": self._n_increments,
                    "models": [b.model.name for b in self.blocks], "written": time.time()}
            (d / "meta.tmp.json").write_text(json.dumps(meta, indent=1))
            (d / "meta.tmp.json").rename(d / "meta.json")
        self.comm.Barrier()
        return d

    def restore_checkpoint(self, directory: str | Path) -> None:
        """Load a checkpoint from :meth:`save_checkpoint` (any number of ranks). Collective."""
        d = Path(directory)
        meta_path = d / "meta.json"
        if not meta_path.is_file():
            raise ConfigError(f"{meta_path} not found: not a cardiotwin checkpoint folder")
        meta = json.loads(meta_path.read_text())
        if not np.isclose(meta["dt_ms"], self.config.dt_ms):
            raise ConfigError(f"checkpoint {d} was written with dt_ms = {meta['dt_ms']}, this "
                              f"simulation has dt_ms = {self.config.dt_ms}")
        models = [b.model.name for b in self.blocks]
        if meta["models"] != models:
            raise ConfigError(f"checkpoint {d} has ionic models {meta['models']}, this "
                              f"simulation has {models}")
        from cardiotwin.io.pointdata import match_coordinates

        files = [f for f in sorted(d.glob("rank*.npz")) if ".tmp" not in f.name]
        saved: list[dict[str, npt.NDArray]] = []
        for f in files:
            with np.load(f) as data:
                if "x" not in data.files:
                    raise ConfigError(f"checkpoint {d} keys its dofs by input index (an "
                                      "older version): run again from the start")
                saved.append({k: data[k] for k in data.files})
        if not saved:
            raise ConfigError(f"checkpoint {d} holds no rank*.npz files")
        sizes = [a["x"].shape[0] for a in saved]
        # the owned dofs' coordinates, as saved
        idx = match_coordinates(self.dof_coords[: self.n_owned],
                                np.concatenate([a["x"] for a in saved]),
                                what=f"checkpoint {d}")

        def column(key: str) -> npt.NDArray:
            return np.concatenate([a[key] for a in saved])

        v = self.v.x.array
        v[: self.n_owned] = column("v")[idx]
        if all("increment1" in a for a in saved):
            for vec, key in zip(self._increments, ("increment1", "increment2"), strict=True):
                vec.array_w[: self.n_owned] = column(key)[idx]
        for k, b in enumerate(self.blocks):
            # the saved block of every saved dof, and its column there
            col = np.full(sum(sizes), -1, dtype=np.int64)
            offset, parts_s, parts_p = 0, [], []
            start_col = 0
            for a, n in zip(saved, sizes, strict=True):
                dofs = a[f"block{k}_dofs"]
                col[offset + dofs] = start_col + np.arange(dofs.size)
                start_col += dofs.size
                offset += n
                parts_s.append(a[f"block{k}_states"])
                parts_p.append(a[f"block{k}_params"])
            src = col[idx[b.dofs]]
            if b.dofs.size and src.min() < 0:
                raise ConfigError(f"checkpoint {d}: a dof of the {b.model.name} region was "
                                  "saved in another region (another region layout)")
            b.states[:, :] = np.concatenate(parts_s, axis=1)[:, src]
            b.params[:, :] = np.concatenate(parts_p, axis=1)[:, src]
        tracker_arrays = {}
        for key, val in self.tracker.state().items():
            arr = np.array(val, copy=True)
            arr[: self.n_owned] = column(f"tracker_{key}")[idx]
            tracker_arrays[key] = arr
        self.tracker.restore(tracker_arrays)
        self.v.x.scatter_forward()
        self.step_count = int(meta["step"])
        self._n_increments = int(meta.get("increments", 0))
        self.t = self.step_count * self.config.dt_ms
        logger.info("restored checkpoint %s at t = %.3f ms", d, self.t)


def _tagged_cells(key: int | str) -> Any:
    from cardiotwin.geometry.regions import Tagged

    return Tagged((key,))


def _first_rank(comm: Any, flag: bool) -> tuple[int, int]:
    """The lowest rank where ``flag`` is true (-1 if none), and how many ranks have it."""
    flags = comm.allgather(bool(flag))
    ranks = [r for r, f in enumerate(flags) if f]
    return (ranks[0] if ranks else -1), len(ranks)
