"""Newton solvers for the mechanics problem: PETSc SNES with a consistent UFL Jacobian.

Two drivers share one configuration (:class:`SolverConfig`):

- :class:`PressureDrivenSNES`: the displacement (and pressure) unknowns only, through
  :class:`dolfinx.fem.petsc.NonlinearProblem` (cavity pressures are given loads);
- :class:`VolumeConstrainedSNES`: the same unknowns bordered by one Lagrange multiplier
  per volume-controlled cavity (its pressure).  SNES solves the bordered system

  .. math::

      \\begin{bmatrix} K & B \\\\ C^T & 0 \\end{bmatrix}
      \\begin{bmatrix} \\delta x \\\\ \\delta\\lambda \\end{bmatrix} =
      - \\begin{bmatrix} R(x, \\lambda) \\\\ V(x) - V^* \\end{bmatrix}

  with a shell Jacobian and a shell preconditioner doing the exact block elimination
  (``K Y = B``, ``S = C^T Y``, one factorisation of ``K`` per Newton iteration and
  ``m + 1`` solves with it), so the Newton step is the one of the full system and
  SNES's line search and convergence tests apply unchanged.  ``B = dR/dλ`` (the load of
  a unit cavity pressure) and ``C = dV/dx`` come from UFL.

Every PETSc object gets the options prefix of the problem (default ``mech_``), so any
option can be set from the command line or ``PETSC_OPTIONS``, e.g.
``-mech_snes_monitor -mech_snes_linesearch_type l2``; the inner solver with ``K`` in the
volume-constrained mode uses ``<prefix>inner_`` (e.g. ``-mech_inner_ksp_type gmres``) and
the outer (block-elimination) step ``<prefix>border_``.

Linear solvers (``SolverConfig.linear_solver``):

- ``"mumps"`` (default), ``"superlu_dist"``: sparse LU;
- ``"iterative"``: GMRES preconditioned by smoothed-aggregation AMG (PETSc GAMG) with the
  six rigid-body modes as near-nullspace for the nearly incompressible (displacement
  only) formulation; for the mixed formulation a Schur-complement fieldsplit with GAMG on
  the displacement block (same near-nullspace) and Jacobi on ``selfp``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)

LINEAR_SOLVERS = ("mumps", "superlu_dist", "iterative")
LINE_SEARCHES = ("bt", "basic", "l2", "cp", "nleqerr")

#: SNES converged-reason codes -> names (petsc4py has them as attributes)
_REASONS: dict[int, str] = {}


def reason_name(code: int) -> str:
    """PETSc's name for a SNES converged reason code (e.g. ``DIVERGED_LINE_SEARCH``)."""
    if not _REASONS:
        from petsc4py import PETSc

        for name in dir(PETSc.SNES.ConvergedReason):
            if name.isupper():
                _REASONS.setdefault(int(getattr(PETSc.SNES.ConvergedReason, name)), name)
    return _REASONS.get(int(code), str(code))


@dataclass(frozen=True)
class SolverConfig:
    """Newton and linear solver settings.

    Parameters
    ----------
    linear_solver
        ``"mumps"`` (default), ``"superlu_dist"`` or ``"iterative"`` (see module notes).
    rtol, atol
        SNES relative and absolute residual tolerances.
    stol
        SNES tolerance on the Newton step relative to the solution.
    max_iterations
        Newton iterations per solve before the solve is declared failed.
    line_search
        SNES line search: ``"bt"`` (backtracking, default), ``"basic"`` (full steps),
        ``"l2"``, ``"cp"``, ``"nleqerr"``.
    ksp_rtol
        Relative tolerance of the iterative linear solver.
    petsc_options
        Extra ``(key, value)`` options under the problem's prefix (keys without the
        prefix or the leading dash, e.g. ``("snes_monitor", "")``).
    """

    linear_solver: str = "mumps"
    rtol: float = 1e-9
    atol: float = 1e-9
    stol: float = 1e-10
    max_iterations: int = 25
    line_search: str = "bt"
    ksp_rtol: float = 1e-9
    petsc_options: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.linear_solver not in LINEAR_SOLVERS:
            raise ConfigError(f"SolverConfig.linear_solver = {self.linear_solver!r}: expected "
                              f"one of {', '.join(LINEAR_SOLVERS)}")
        if self.line_search not in LINE_SEARCHES:
            raise ConfigError(f"SolverConfig.line_search = {self.line_search!r}: expected one "
                              f"of {', '.join(LINE_SEARCHES)}")
        for name in ("rtol", "atol", "stol", "ksp_rtol"):
            v = getattr(self, name)
            if not (isinstance(v, int | float) and 0.0 <= v < 1.0):
                raise ConfigError(f"SolverConfig.{name} = {v!r}: expected a number in [0, 1)")
        if not (isinstance(self.max_iterations, int) and 1 <= self.max_iterations <= 1000):
            raise ConfigError(f"SolverConfig.max_iterations = {self.max_iterations!r}: expected "
                              "an integer in [1, 1000]")
        for item in self.petsc_options:
            if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
                raise ConfigError(f"SolverConfig.petsc_options entry {item!r}: expected a "
                                  "(key, value) pair of strings")

    def snes_options(self, mixed: bool) -> dict[str, Any]:
        """The SNES/KSP/PC options (without prefix) for this configuration."""
        opts: dict[str, Any] = {
            "snes_type": "newtonls",
            "snes_linesearch_type": self.line_search,
            "snes_rtol": self.rtol,
            "snes_atol": self.atol,
            "snes_stol": self.stol,
            "snes_max_it": self.max_iterations,
        }
        opts.update(linear_options(self, mixed, prefix=""))
        opts.update(dict(self.petsc_options))
        return {k: v for k, v in opts.items() if v is not None}


def linear_options(cfg: SolverConfig, mixed: bool, *, prefix: str) -> dict[str, Any]:
    """KSP/PC options (keys start with ``prefix``) for ``cfg.linear_solver``."""
    if cfg.linear_solver in ("mumps", "superlu_dist"):
        opts = {"ksp_type": "preonly", "pc_type": "lu",
                "pc_factor_mat_solver_type": cfg.linear_solver}
        if cfg.linear_solver == "mumps":
            # more workspace than MUMPS estimates: pivoting in the saddle-point system
            opts["mat_mumps_icntl_14"] = 100
    elif mixed:
        opts = {"ksp_type": "gmres", "ksp_gmres_restart": 200, "ksp_rtol": cfg.ksp_rtol,
                "ksp_max_it": 2000, "pc_type": "fieldsplit", "pc_fieldsplit_type": "schur",
                "pc_fieldsplit_schur_fact_type": "full",
                "pc_fieldsplit_schur_precondition": "selfp",
                "fieldsplit_u_ksp_type": "preonly", "fieldsplit_u_pc_type": "gamg",
                "fieldsplit_u_pc_gamg_threshold": 0.02,
                "fieldsplit_p_ksp_type": "preonly", "fieldsplit_p_pc_type": "jacobi"}
    else:
        opts = {"ksp_type": "gmres", "ksp_gmres_restart": 200, "ksp_rtol": cfg.ksp_rtol,
                "ksp_max_it": 2000, "pc_type": "gamg", "pc_gamg_threshold": 0.02}
    return {prefix + k: v for k, v in opts.items()}


@dataclass(frozen=True)
class NewtonReport:
    """What one Newton solve did.

    ``residual_norms`` holds the SNES function norm before each iteration and after the
    last; ``reason`` is PETSc's converged reason name (``CONVERGED_*`` or ``DIVERGED_*``).
    """

    converged: bool
    iterations: int
    reason: str
    residual_norms: tuple[float, ...]
    linear_iterations: int = 0


def rigid_body_modes(V: Any) -> Any:
    """The six rigid-body modes of a blocked vector space as a PETSc near-nullspace."""
    from petsc4py import PETSc

    import dolfinx.la

    imap = V.dofmap.index_map
    bs = V.dofmap.index_map_bs
    n = imap.size_local
    x = V.tabulate_dof_coordinates()[:n]
    basis = [dolfinx.la.vector(imap, bs=bs, dtype=PETSc.ScalarType) for _ in range(6)]
    b = [v.array[: n * bs].reshape(n, bs) for v in basis]
    for i in range(3):
        b[i][:, i] = 1.0
    b[3][:, 0], b[3][:, 1] = -x[:, 1], x[:, 0]
    b[4][:, 0], b[4][:, 2] = x[:, 2], -x[:, 0]
    b[5][:, 2], b[5][:, 1] = x[:, 1], -x[:, 2]
    dolfinx.la.orthonormalize(basis)
    vecs = [dolfinx.la.petsc.create_vector_wrap(v) for v in basis]
    return PETSc.NullSpace().create(vectors=vecs, comm=V.mesh.comm)


class OptionsScope:
    """PETSc options of one solver instance under a prefix that no live instance uses.

    ``acquire(base)`` returns ``base`` itself when free, else ``base`` with a counter
    (``mech_``, ``mech2_``...).  :meth:`set` puts options into PETSc's database without
    overriding what is already there (the command line and ``PETSC_OPTIONS`` win), and
    :meth:`release` removes exactly what it put there.  The options stay in the database
    while the solver lives: some are read only at the first solve (MUMPS controls,
    fieldsplit sub-solvers).
    """

    _live: ClassVar[set[str]] = set()

    def __init__(self, base: str) -> None:
        prefix, k = base, 1
        while prefix in OptionsScope._live:
            k += 1
            prefix = f"{base.rstrip('_')}{k}_"
        OptionsScope._live.add(prefix)
        self.prefix = prefix
        self._keys: list[str] = []

    def set(self, options: dict[str, Any], *, sub: str = "") -> None:
        from petsc4py import PETSc

        db = PETSc.Options()
        for k, v in options.items():
            key = self.prefix + sub + k
            if not db.hasName(key):
                db[key] = "" if v is None else v
                self._keys.append(key)

    def release(self) -> None:
        from petsc4py import PETSc

        db = PETSc.Options()
        for key in self._keys:
            db.delValue(key)
        self._keys.clear()
        OptionsScope._live.discard(self.prefix)


def _history(snes: Any) -> tuple[float, ...]:
    norms, _ = snes.getConvergenceHistory()
    return tuple(float(r) for r in norms)


class _FieldSplitSetup:
    """Index sets of the displacement and pressure blocks of a mixed space (owned dofs,
    global numbering), with the rigid-body near-nullspace composed on the first."""

    def __init__(self, W: Any) -> None:
        from petsc4py import PETSc

        comm = W.mesh.comm
        imap = W.dofmap.index_map
        bs = W.dofmap.index_map_bs
        n_owned = imap.size_local * bs
        self.sets = []
        self.nullspace = None
        for i, name in enumerate(("u", "p")):
            sub, dofs = W.sub(i).collapse()
            dofs = np.asarray(dofs[0] if isinstance(dofs, list) else dofs, dtype=np.int64)
            nsub = sub.dofmap.index_map.size_local * sub.dofmap.index_map_bs
            owned = dofs[:nsub]
            assert np.all(owned < n_owned)
            glob = owned + imap.local_range[0] * bs
            iset = PETSc.IS().createGeneral(glob.astype(PETSc.IntType), comm=comm)
            if name == "u":
                self.nullspace = rigid_body_modes(sub)
                iset.compose("nearnullspace", self.nullspace)
            self.sets.append((name, iset))

    def apply(self, pc: Any) -> None:
        pc.setFieldSplitIS(*self.sets)


class PressureDrivenSNES:
    """Newton for ``R(x) = 0`` with the cavity pressures as given loads (dolfinx SNES)."""

    def __init__(self, residual: Any, w: Any, bcs: Sequence[Any], jacobian: Any, *,
                 options: OptionsScope, config: SolverConfig, mixed: bool) -> None:
        from dolfinx.fem.petsc import NonlinearProblem

        self.config = config
        prefix = self.prefix = options.prefix
        options.set(config.snes_options(mixed))
        self.problem = NonlinearProblem(residual, w, bcs=list(bcs), J=jacobian,
                                        petsc_options_prefix=prefix)
        snes = self.problem.solver
        self._split = None
        if config.linear_solver == "iterative":
            pc = snes.getKSP().getPC()
            if mixed:
                pc.setType("fieldsplit")
                self._split = _FieldSplitSetup(w.function_space)
                self._split.apply(pc)
            else:
                self.problem.A.setNearNullSpace(rigid_body_modes(w.function_space))
        snes.setFromOptions()
        snes.setConvergenceHistory(reset=True)

    def solve(self) -> NewtonReport:
        snes = self.problem.solver
        self.problem.solve()
        reason = snes.getConvergedReason()
        return NewtonReport(converged=reason > 0, iterations=snes.getIterationNumber(),
                            reason=reason_name(reason), residual_norms=_history(snes),
                            linear_iterations=snes.getLinearSolveIterations())


class VolumeConstrainedSNES:
    """Newton for ``R(x, λ) = 0``, ``V_k(x) = V_k*`` (bordered system, see module notes).

    Parameters
    ----------
    residual, jacobian
        Compiled forms of ``R`` and ``dR/dx`` (with the multipliers as constants).
    w
        The unknown :class:`dolfinx.fem.Function`.
    bcs
        Dirichlet conditions on ``w``.
    multipliers
        The :class:`dolfinx.fem.Constant` holding each multiplier (cavity pressure, kPa).
    load_forms
        Compiled vector forms ``dR/dλ_k``.
    volume_forms, volume_derivative_forms
        Compiled ``V_k(x)`` (scalar) and ``dV_k/dx`` (vector) forms.
    targets
        Callable returning the current target volumes ``V_k*`` (mm³).
    """

    def __init__(self, residual: Any, jacobian: Any, w: Any, bcs: Sequence[Any], *,
                 multipliers: Sequence[Any], load_forms: Sequence[Any],
                 volume_forms: Sequence[Any], volume_derivative_forms: Sequence[Any],
                 targets: Callable[[], Sequence[float]], options: OptionsScope,
                 config: SolverConfig, mixed: bool) -> None:
        from petsc4py import PETSc

        from dolfinx.fem.petsc import create_matrix, create_vector

        self.comm = w.function_space.mesh.comm
        self.config = config
        prefix = self.prefix = options.prefix
        self.F, self.Jform, self.w, self.bcs = residual, jacobian, w, list(bcs)
        self.lams = list(multipliers)
        self.load_forms = list(load_forms)
        self.vol_forms = list(volume_forms)
        self.dvol_forms = list(volume_derivative_forms)
        self.targets = targets
        self.m = len(self.lams)
        W = w.function_space
        self.A = create_matrix(jacobian)
        self.A.setOptionsPrefix(prefix + "A_")
        self.x = create_vector(W)
        self.b = create_vector(W)
        self.Bv = [create_vector(W) for _ in range(self.m)]
        self.Cv = [create_vector(W) for _ in range(self.m)]
        self.Y = [create_vector(W) for _ in range(self.m)]
        self.z = create_vector(W)
        self.rx = create_vector(W)
        self.n = self.x.getLocalSize()
        self.N = self.x.getSize()
        self.root = 0
        mloc = self.m if self.comm.rank == self.root else 0
        self.X = PETSc.Vec().createMPI((self.n + mloc, self.N + self.m), comm=self.comm)
        self.G = self.X.duplicate()
        self.G.setOptionsPrefix(prefix + "b_")

        # Jacobian: shell for the action of the bordered matrix
        self.J = PETSc.Mat().createPython(((self.n + mloc, self.N + self.m),) * 2,
                                          context=_BorderedMat(self), comm=self.comm)
        self.J.setUp()

        self.inner = PETSc.KSP().create(self.comm)
        self.inner.setOptionsPrefix(prefix + "inner_")
        options.set(linear_options(config, mixed, prefix=""), sub="inner_")
        self.inner.setOperators(self.A)
        if config.linear_solver == "iterative":
            if mixed:
                self.inner.getPC().setType("fieldsplit")
                self._split = _FieldSplitSetup(W)
                self._split.apply(self.inner.getPC())
            else:
                self.A.setNearNullSpace(rigid_body_modes(W))
        self.inner.setFromOptions()

        self.snes = PETSc.SNES().create(self.comm)
        self.snes.setOptionsPrefix(prefix)
        opts = config.snes_options(mixed)
        opts = {k: v for k, v in opts.items() if not k.startswith(("ksp_", "pc_", "mat_",
                                                                   "fieldsplit_"))}
        options.set(opts)
        self.snes.setFunction(self._residual, self.G)
        self.snes.setJacobian(self._jacobian, self.J, self.J)
        ksp = self.snes.getKSP()
        # the bordered step has its own KSP namespace: "<prefix>ksp_*" belong to K's
        # solver in the pressure-driven mode and "<prefix>inner_*" to it here
        ksp.setOptionsPrefix(prefix + "border_")
        ksp.setType("preonly")
        pc = ksp.getPC()
        pc.setType("python")
        pc.setPythonContext(_BorderedPC(self))
        self.snes.setFromOptions()
        self.snes.setConvergenceHistory(reset=True)
        self.inner_iterations = 0

    # --- layout: X = [x (owned dofs of w); λ (m entries on the root rank)] ---------------
    def _split_X(self, X: Any) -> None:
        """Set ``w`` and the multipliers from the bordered vector ``X`` (collective)."""
        from dolfinx.fem.petsc import assign

        arr = X.getArray(readonly=True)
        self.x.getArray()[:] = arr[: self.n]
        lam = np.array(arr[self.n:], dtype=float) if self.comm.rank == self.root else None
        lam = self.comm.bcast(lam, root=self.root)
        self.x.ghostUpdate()
        assign(self.x, self.w)
        self.w.x.scatter_forward()
        for c, v in zip(self.lams, lam, strict=True):
            c.value = v

    def pack(self, X: Any) -> None:
        """Write the current ``w`` and multipliers into ``X``."""
        from dolfinx.fem.petsc import assign

        assign(self.w, self.x)
        arr = X.getArray()
        arr[: self.n] = self.x.getArray(readonly=True)
        if self.comm.rank == self.root:
            arr[self.n:] = [float(c.value) for c in self.lams]

    def volumes(self) -> np.ndarray:
        from mpi4py import MPI

        from dolfinx.fem import assemble_scalar

        return np.array([self.comm.allreduce(assemble_scalar(f), op=MPI.SUM)
                         for f in self.vol_forms])

    def _residual(self, snes: Any, X: Any, G: Any) -> None:
        from dolfinx.fem.petsc import assemble_residual

        self._split_X(X)
        assemble_residual(snes, self.x, self.b, self.w, self.F, self.Jform, self.bcs)
        g = self.volumes() - np.asarray(self.targets(), dtype=float)
        arr = G.getArray()
        arr[: self.n] = self.b.getArray(readonly=True)
        if self.comm.rank == self.root:
            arr[self.n:] = g

    def _jacobian(self, snes: Any, X: Any, J: Any, P: Any) -> None:
        from petsc4py import PETSc

        from dolfinx.fem.petsc import assemble_jacobian, assemble_vector, set_bc

        self._split_X(X)
        assemble_jacobian(snes, self.x, self.A, None, self.w, self.Jform, None, self.bcs)
        for vec, form in zip(self.Bv + self.Cv, self.load_forms + self.dvol_forms,
                             strict=True):
            with vec.localForm() as loc:
                loc.set(0.0)
            assemble_vector(vec, form)
            vec.ghostUpdate(addv=PETSc.InsertMode.ADD, mode=PETSc.ScatterMode.REVERSE)
            set_bc(vec, self.bcs, alpha=0.0)
        J.assemble()

    def solve(self) -> NewtonReport:
        self.pack(self.X)
        self.inner_iterations = 0
        self.snes.solve(None, self.X)
        self._split_X(self.X)
        reason = self.snes.getConvergedReason()
        return NewtonReport(converged=reason > 0, iterations=self.snes.getIterationNumber(),
                            reason=reason_name(reason), residual_norms=_history(self.snes),
                            linear_iterations=self.inner_iterations)

    def destroy(self) -> None:
        for obj in (self.snes, self.inner, self.J, self.A, self.X, self.G, self.x, self.b,
                    self.z, self.rx, *self.Bv, *self.Cv, *self.Y):
            obj.destroy()


class _BorderedMat:
    """Action of ``[[K, B], [C^T, 0]]`` on ``[x; λ]`` (petsc4py Python matrix)."""

    def __init__(self, s: VolumeConstrainedSNES) -> None:
        self.s = s

    def _unpack(self, X: Any, x: Any) -> np.ndarray:
        s = self.s
        arr = X.getArray(readonly=True)
        x.getArray()[:] = arr[: s.n]
        lam = np.array(arr[s.n:], dtype=float) if s.comm.rank == s.root else None
        return s.comm.bcast(lam, root=s.root)

    def mult(self, mat: Any, X: Any, Y: Any) -> None:
        s = self.s
        lam = self._unpack(X, s.rx)
        s.A.mult(s.rx, s.z)
        for k in range(s.m):
            s.z.axpy(lam[k], s.Bv[k])
        ct = np.array([s.Cv[k].dot(s.rx) for k in range(s.m)])
        out = Y.getArray()
        out[: s.n] = s.z.getArray(readonly=True)
        if s.comm.rank == s.root:
            out[s.n:] = ct


class _BorderedPC:
    """Exact block elimination for the bordered system (petsc4py Python PC)."""

    def __init__(self, s: VolumeConstrainedSNES) -> None:
        self.s = s
        self.S: np.ndarray | None = None

    def setUp(self, pc: Any) -> None:
        s = self.s
        self.S = None
        s.inner.setOperators(s.A)
        for k in range(s.m):
            s.inner.solve(s.Bv[k], s.Y[k])
            s.inner_iterations += s.inner.getIterationNumber()
            if not _inner_ok(s.inner, pc):
                return
        self.S = np.array([[s.Cv[i].dot(s.Y[j]) for j in range(s.m)] for i in range(s.m)])

    def apply(self, pc: Any, R: Any, Z: Any) -> None:
        s = self.s
        arr = R.getArray(readonly=True)
        s.rx.getArray()[:] = arr[: s.n]
        r_lam = np.array(arr[s.n:], dtype=float) if s.comm.rank == s.root else None
        r_lam = s.comm.bcast(r_lam, root=s.root)
        s.inner.solve(s.rx, s.z)
        s.inner_iterations += s.inner.getIterationNumber()
        if not _inner_ok(s.inner, pc) or self.S is None:
            Z.set(np.nan)
            return
        ctz = np.array([s.Cv[k].dot(s.z) for k in range(s.m)])
        dlam = np.linalg.solve(self.S, ctz - r_lam)
        for k in range(s.m):
            s.z.axpy(-dlam[k], s.Y[k])
        out = Z.getArray()
        out[: s.n] = s.z.getArray(readonly=True)
        if s.comm.rank == s.root:
            out[s.n:] = dlam


def _inner_ok(ksp: Any, pc: Any) -> bool:
    """False (and the PC marked failed, so SNES stops with DIVERGED_LINEAR_SOLVE) if the
    inner solve with ``K`` failed."""
    from petsc4py import PETSc

    if ksp.getConvergedReason() < 0:
        pc.setFailedReason(PETSc.PC.FailedReason.SUBPC_ERROR)
        return False
    return True
