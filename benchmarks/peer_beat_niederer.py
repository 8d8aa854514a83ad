"""Niederer et al. (2011) N-version slab benchmark run with the peer package fenicsx-beat.

The setup follows fenicsx-beat's own Niederer demo and uses beat's public API only:

* a 20 x 7 x 3 mm cuboid from :func:`dolfinx.mesh.create_box` (tetrahedra, as
  :func:`beat.geometry.get_3D_slab_geometry` builds by default), fibres along x;
* ten Tusscher-Panfilov 2006 epicardial cell model in gotranx ``.ode`` form, advanced with
  gotranx's generalized Rush-Larsen scheme: the authors' own model file
  (``odes/tentusscher_panfilov_2006/tentusscher_panfilov_2006_epi_cell.ode`` of the
  fenicsx-beat repository, which the demo uses; give it with ``--ode-file`` or
  ``$FENICSX_BEAT_ODE``), else a ``gotranx cellml2ode`` conversion of the CellML file
  (same equations, but its generated code runs ~1.6x slower: the record says which);
* the cell model as NumPy code, or compiled with numba when it is installed (the faster;
  ``--ode-backend``);
* conductivities 0.17/0.62 S/m (fibre) and 0.019/0.24 S/m (cross-fibre), combined by
  the harmonic mean (:func:`beat.conductivities.define_conductivity_tensor`),
  chi = 140 /mm, Cm = 1 uF/cm^2;
* stimulus 50 000 uA/cm^3 for 2 ms in the 1.5 mm cube at the origin
  (:func:`beat.stimulation.define_stimulus`);
* :class:`beat.MonodomainModel` (CG1, theta = 0.5) and :class:`beat.odesolver.DolfinODESolver`
  (ODE on the CG1 nodes) coupled by :class:`beat.MonodomainSplittingSolver`
  (first-order splitting, theta = 1), PETSc CG preconditioned by BoomerAMG as in the demo.

Activation time of each of P1..P9 is the first time the transmembrane potential crosses
0 mV, linearly interpolated inside the time step. ``wall_per_step_ms`` is the time of
``solver.step`` per step, as the demo measures it (the point probing that gives activation
times is outside it, ``loop_per_step_ms`` includes it). One JSON object is printed on
stdout (rank 0 only); progress goes to stderr.

Examples
--------
::

    .venv/bin/python benchmarks/peer_beat_niederer.py --dx 0.5 --dt 0.05 > beat.json
    .venv/bin/mpiexec -n 2 .venv/bin/python benchmarks/peer_beat_niederer.py --dx 0.5 --dt 0.05
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import time
import types
import warnings
from pathlib import Path
from typing import Any

T_START = time.perf_counter()

import dolfinx_solver  # noqa: E402,F401  (must precede dolfinx)
from mpi4py import MPI  # noqa: E402
from petsc4py import PETSc  # noqa: E402

import dolfinx  # noqa: E402
import dolfinx.geometry  # noqa: E402
import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_CELLML = Path("/work/shared/reference/cellml/ten_tusscher_model_2006_epi.cellml")
DEFAULT_ODE = HERE / "peer_models" / "ten_tusscher_model_2006_epi.ode"
#: where the authors' own model file is looked for when --ode-file is not given
AUTHORS_ODE_ENV = "FENICSX_BEAT_ODE"

LX, LY, LZ = 20.0, 7.0, 3.0  # mm
STIM_SIDE = 1.5  # mm
POINTS = {
    "P1": (0.0, 0.0, 0.0),
    "P2": (0.0, LY, 0.0),
    "P3": (LX, 0.0, 0.0),
    "P4": (LX, LY, 0.0),
    "P5": (0.0, 0.0, LZ),
    "P6": (0.0, LY, LZ),
    "P7": (LX, 0.0, LZ),
    "P8": (LX, LY, LZ),
    "P9": (LX / 2, LY / 2, LZ / 2),
}

COMM = MPI.COMM_WORLD
RANK = COMM.rank


def log(msg: str) -> None:
    """Write a progress line to stderr on rank 0.

    Parameters
    ----------
    msg : str
        The message.
    """
    if RANK == 0:
        print(f"[beat-niederer {time.perf_counter() - T_START:8.2f}s] {msg}", file=sys.stderr,
              flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line.

    Parameters
    ----------
    argv : list of str, optional
        Arguments; ``sys.argv[1:]`` when omitted.

    Returns
    -------
    argparse.Namespace
        The parsed options.
    """
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--dx", type=float, default=0.5, help="mesh spacing, mm (default 0.5)")
    p.add_argument("--dt", type=float, default=0.05, help="time step, ms (default 0.05)")
    p.add_argument(
        "--t-end",
        type=float,
        default=150.0,
        help="stop here if not every point has activated, ms (default 150)",
    )
    p.add_argument(
        "--cell",
        choices=("tetrahedron", "hexahedron"),
        default="tetrahedron",
        help="cell type of create_box (default tetrahedron, as beat's slab geometry)",
    )
    p.add_argument(
        "--pc",
        choices=("auto", "hypre", "gamg", "lu"),
        default="auto",
        help="PDE solver: CG+BoomerAMG as in beat's demo (auto falls back to CG+GAMG "
        "when PETSc lacks hypre), or 'lu' for beat's default direct MUMPS solve",
    )
    p.add_argument(
        "--ode-backend",
        choices=("auto", "numpy", "numba"),
        default="auto",
        help="run the generated cell model as plain NumPy or compiled with numba.njit "
        "(auto: numba when importable)",
    )
    p.add_argument("--ode-file", type=Path, default=None,
                   help="gotranx .ode model file (default: $FENICSX_BEAT_ODE, the authors' "
                        "own file, else a CellML conversion in peer_models/)")
    p.add_argument(
        "--cellml",
        type=Path,
        default=DEFAULT_CELLML,
        help="CellML source, converted to --ode-file when that does not exist",
    )
    return p.parse_args(argv)


def load_ode_text(ode_file: Path, cellml: Path) -> str:
    """Return the gotranx ``.ode`` text of the cell model, converting the CellML if needed.

    Conversion (gotranx ``cellml2ode``, through myokit) runs on rank 0 only and writes
    ``ode_file``; the text is then broadcast to every rank.

    Parameters
    ----------
    ode_file : Path
        The ``.ode`` file to read, or to create.
    cellml : Path
        The CellML file converted when ``ode_file`` is missing.

    Returns
    -------
    str
        The model in gotranx ``.ode`` syntax.
    """
    text = None
    error = None
    if RANK == 0:
        try:
            if not ode_file.is_file():
                from gotranx.myokit import cellml_to_gotran

                log(f"converting {cellml} -> {ode_file}")
                ode_file.parent.mkdir(parents=True, exist_ok=True)
                with contextlib.redirect_stdout(sys.stderr):
                    cellml_to_gotran(cellml).save(ode_file)
            text = ode_file.read_text()
        except Exception as exc:
            error = repr(exc)
    text, error = COMM.bcast((text, error), root=0)
    if error is not None:
        raise RuntimeError(f"could not obtain the cell model: {error}")
    return text


def build_cell_model(ode_text: str, backend: str) -> tuple[types.ModuleType, Any, str]:
    """Generate the Python cell model with gotranx and pick the ODE backend.

    Parameters
    ----------
    ode_text : str
        Model in gotranx ``.ode`` syntax.
    backend : {"auto", "numpy", "numba"}
        Requested backend for the generalized Rush-Larsen step.

    Returns
    -------
    module : types.ModuleType
        The generated model module (index and initial-value helpers).
    fun : callable
        ``fun(states, t, dt, parameters) -> new_states``, vectorised over columns.
    backend : str
        The backend actually used.
    """
    import tempfile

    import gotranx

    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(sys.stderr):
        path = Path(tmp) / "model.ode"
        path.write_text(ode_text)
        ode = gotranx.load_ode(path)
        code = gotranx.cli.gotran2py.get_code(
            ode,
            scheme=[gotranx.schemes.Scheme.generalized_rush_larsen],
        )
    module = types.ModuleType("beat_peer_tt06_epi")
    exec(compile(code, "<gotranx tentusscher_2006_epi>", "exec"), module.__dict__)
    fun = module.generalized_rush_larsen

    if backend in ("auto", "numba"):
        try:
            import numba
        except ImportError:
            if backend == "numba":
                raise
            backend = "numpy"
        else:
            fun = numba.njit(cache=False)(fun)
            backend = f"numba {numba.__version__}"
    return module, fun, backend


def petsc_options(pc: str) -> tuple[dict[str, Any], str]:
    """PETSc options for the monodomain linear solve.

    Parameters
    ----------
    pc : {"auto", "hypre", "gamg", "lu"}
        Requested preconditioner.

    Returns
    -------
    options : dict
        The options handed to :class:`beat.MonodomainModel`.
    description : str
        A short description for the output.
    """
    if pc == "auto":
        pc = "hypre" if PETSc.Sys.hasExternalPackage("hypre") else "gamg"
    if pc == "hypre":
        return (
            {"ksp_type": "cg", "pc_type": "hypre", "pc_hypre_type": "boomeramg"},
            "cg + hypre boomeramg (beat demo), PETSc default tolerances",
        )
    if pc == "gamg":
        return (
            {"ksp_type": "cg", "pc_type": "gamg"},
            "cg + gamg (beat demo uses hypre boomeramg, absent from this PETSc), "
            "PETSc default tolerances",
        )
    return (
        {"ksp_type": "preonly", "pc_type": "lu", "pc_factor_mat_solver_type": "mumps"},
        "preonly + lu mumps (beat default)",
    )


class PointProbe:
    """Evaluate a CG function at fixed points, the same value on every rank.

    Parameters
    ----------
    u : dolfinx.fem.Function
        The function to evaluate.
    points : numpy.ndarray
        Points, shape ``(n, 3)``.
    """

    def __init__(self, u: dolfinx.fem.Function, points: np.ndarray) -> None:
        mesh = u.function_space.mesh
        tdim = mesh.topology.dim
        ncells = mesh.topology.index_map(tdim).size_local
        tree = dolfinx.geometry.bb_tree(mesh, tdim, entities=np.arange(ncells, dtype=np.int32))
        candidates = dolfinx.geometry.compute_collisions_points(tree, points)
        colliding = dolfinx.geometry.compute_colliding_cells(mesh, candidates, points)
        self._u = u
        self._local: list[int] = []
        self._cells: list[int] = []
        for i in range(points.shape[0]):
            links = colliding.links(i)
            if len(links) > 0:
                self._local.append(i)
                self._cells.append(int(links[0]))
        self._points = points[self._local] if self._local else np.zeros((0, 3))
        self._n = points.shape[0]
        found_local = np.zeros(self._n, dtype=np.int32)
        found_local[self._local] = 1
        found = np.zeros_like(found_local)
        COMM.Allreduce(found_local, found, op=MPI.SUM)
        if np.any(found == 0):
            raise RuntimeError(f"points not found in the mesh: {np.nonzero(found == 0)[0]}")

    def __call__(self) -> np.ndarray:
        """Return the function values at the points (identical on all ranks)."""
        values = np.full(self._n, -np.inf)
        if self._local:
            cells = np.asarray(self._cells, dtype=np.int32)
            values[self._local] = self._u.eval(self._points, cells)[:, 0]
        result = np.empty_like(values)
        COMM.Allreduce(values, result, op=MPI.MAX)
        return result


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the benchmark and return the result record.

    Parameters
    ----------
    argv : list of str, optional
        Command line arguments.

    Returns
    -------
    dict
        The record printed as JSON.
    """
    args = parse_args(argv)
    import os

    model_source = "CellML conversion (gotranx cellml2ode)"
    if args.ode_file is None:
        env = os.environ.get(AUTHORS_ODE_ENV)
        if env and Path(env).is_file():
            args.ode_file, model_source = Path(env), "fenicsx-beat's own .ode"
        else:
            args.ode_file = DEFAULT_ODE
    else:
        model_source = f"given file {args.ode_file.name}"
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        import structlog  # gotranx logs through structlog, to stdout by default

        structlog.configure(logger_factory=structlog.PrintLoggerFactory(sys.stderr))
    except ImportError:
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import beat
        import beat.conductivities
        import beat.odesolver
        import beat.stimulation

    ode_text = load_ode_text(args.ode_file, args.cellml)
    t0 = time.perf_counter()
    model, fun, backend = build_cell_model(ode_text, args.ode_backend)
    log(f"cell model generated ({backend}) in {time.perf_counter() - t0:.1f} s")

    init_states = model.init_state_values()  # the CellML initial state
    parameters = model.init_parameter_values(stim_amplitude=0.0)
    v_index = model.state_index("V")

    mesh_unit = "mm"
    cell_type = getattr(dolfinx.mesh.CellType, args.cell)
    n = [int(np.rint(L / args.dx)) for L in (LX, LY, LZ)]
    mesh = dolfinx.mesh.create_box(
        COMM,
        [np.array([0.0, 0.0, 0.0]), np.array([LX, LY, LZ])],
        n,
        cell_type=cell_type,
    )
    f0 = dolfinx.fem.Constant(mesh, np.array([1.0, 0.0, 0.0]))

    conductivities = beat.conductivities.default_conductivities("Niederer")
    ureg = beat.units.ureg
    conductivities.update(
        g_il=0.17 * ureg("S/m"),
        g_el=0.62 * ureg("S/m"),
        g_it=0.019 * ureg("S/m"),
        g_et=0.24 * ureg("S/m"),
        chi=140.0 * ureg("mm**-1"),
    )
    C_m = 1.0 * ureg("uF/cm**2")

    time_c = dolfinx.fem.Constant(mesh, 0.0)
    tdim = mesh.topology.dim
    tol = 1.0e-10

    def in_stimulus(x: np.ndarray) -> np.ndarray:
        return (x[0] <= STIM_SIDE + tol) & (x[1] <= STIM_SIDE + tol) & (x[2] <= STIM_SIDE + tol)

    stim_cells = dolfinx.mesh.locate_entities(mesh, tdim, in_stimulus)
    stim_marker = 1
    stim_tags = dolfinx.mesh.meshtags(
        mesh, tdim, stim_cells, np.full(len(stim_cells), stim_marker, dtype=np.int32)
    )
    I_s = beat.stimulation.define_stimulus(
        mesh=mesh,
        chi=conductivities["chi"],
        time=time_c,
        subdomain_data=stim_tags,
        marker=stim_marker,
        mesh_unit=mesh_unit,
        amplitude=50_000.0 * ureg("uA/cm**3"),
        duration=2.0,
        start=0.0,
    )
    M = beat.conductivities.define_conductivity_tensor(f0=f0, **conductivities)
    options, solver_desc = petsc_options(args.pc)

    ode_space = dolfinx.fem.functionspace(mesh, ("Lagrange", 1))
    v_ode = dolfinx.fem.Function(ode_space)
    pde = beat.MonodomainModel(
        time=time_c,
        mesh=mesh,
        M=M,
        I_s=I_s,
        params={"petsc_options": options},
        C_m=C_m.to(f"uF/{mesh_unit}**2").magnitude,
        dx=I_s.dZ,
    )
    ode = beat.odesolver.DolfinODESolver(
        v_ode=v_ode,
        v_pde=pde.state,
        fun=fun,
        init_states=init_states,
        parameters=parameters,
        num_states=len(init_states),
        v_index=v_index,
    )
    solver = beat.MonodomainSplittingSolver(pde=pde, ode=ode)
    dofs = pde.V.dofmap.index_map.size_global
    log(f"mesh {n} {args.cell}, {dofs} dofs, {COMM.size} rank(s), PDE solver: {solver_desc}")

    names = list(POINTS)
    probe = PointProbe(pde.state, np.array([POINTS[k] for k in names], dtype=np.float64))

    # Compile the numba kernel before timing (its cost belongs to setup_s).
    if backend.startswith("numba"):
        fun(states=np.copy(ode.values[:, :1]), t=0.0, dt=args.dt, parameters=parameters)
    COMM.barrier()
    setup_s = COMM.allreduce(time.perf_counter() - T_START, op=MPI.MAX)
    log(f"setup done in {setup_s:.1f} s")

    act = np.full(len(names), np.nan)
    act_demo = np.full(len(names), np.nan)
    v_prev = probe()
    t = 0.0
    steps = 0
    step_time = 0.0
    nsteps_max = int(np.ceil(args.t_end / args.dt - 1e-9))
    report_every = max(1, round(5.0 / args.dt))
    COMM.barrier()
    loop0 = time.perf_counter()
    while steps < nsteps_max and np.isnan(act).any():
        s0 = time.perf_counter()
        solver.step((t, t + args.dt))
        step_time += time.perf_counter() - s0
        v_now = probe()
        crossed = np.isnan(act) & (v_now > 0.0)
        for i in np.nonzero(crossed)[0]:
            frac = 0.0 if v_now[i] == v_prev[i] else -v_prev[i] / (v_now[i] - v_prev[i])
            act[i] = t + min(max(frac, 0.0), 1.0) * args.dt
            act_demo[i] = t  # beat demo records the start of the step
        v_prev = v_now
        t += args.dt
        steps += 1
        if steps % report_every == 0:
            done = int((~np.isnan(act)).sum())
            log(
                f"t = {t:7.2f} ms, {done}/9 activated, "
                f"{1e3 * (time.perf_counter() - loop0) / steps:.1f} ms/step"
            )
    wall_s = COMM.allreduce(time.perf_counter() - loop0, op=MPI.MAX)
    step_s = COMM.allreduce(step_time, op=MPI.MAX)

    def as_dict(values: np.ndarray) -> dict[str, float | None]:
        return {k: (None if np.isnan(v) else round(float(v), 4))
                for k, v in zip(names, values, strict=False)}

    notes = [
        f"fenicsx-beat MonodomainModel (CG1, theta={pde.parameters['theta']}) + DolfinODESolver "
        f"on CG1 nodes, MonodomainSplittingSolver theta={solver.theta} (first-order splitting)",
        "cell model: gotranx cellml2ode of the ten Tusscher 2006 epi CellML, CellML initial "
        "state, generalized Rush-Larsen",
        f"PDE linear solver: {solver_desc}",
        f"mesh: dolfinx.mesh.create_box {n} {args.cell}",
        "activation: first 0 mV crossing at the point, linear interpolation inside the step; "
        "activation_ms_step_start is the beat demo convention (start of that step)",
        "wall_per_step_ms: solver.step only (the demo's measure); loop_per_step_ms and "
        "wall_s: the whole time loop incl. point probing; setup_s: from interpreter start "
        "incl. imports, code generation, numba and FFCx JIT (caches may be warm)",
    ]
    if backend == "numpy":
        notes.append("numba not importable: cell model runs as vectorised NumPy (slower)")
    return {
        "peer": "fenicsx-beat",
        "version": beat.__version__,
        "activation_ms": as_dict(act),
        "activation_ms_step_start": as_dict(act_demo),
        "dx_mm": args.dx,
        "dt_ms": args.dt,
        "t_end_ms": round(t, 6),
        "cell": args.cell,
        "dofs": int(dofs),
        "ranks": COMM.size,
        "steps": steps,
        "wall_s": round(wall_s, 3),
        "step_s": round(step_s, 3),
        "wall_per_step_ms": round(1e3 * step_s / max(steps, 1), 3),
        "loop_per_step_ms": round(1e3 * wall_s / max(steps, 1), 3),
        "model_source": model_source,
        "setup_s": round(setup_s, 3),
        "ode_backend": backend,
        "ode_scheme": "generalized_rush_larsen (gotranx)",
        "petsc_options": options,
        "notes": notes,
    }


if __name__ == "__main__":
    try:
        record = main()
    except Exception:
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
        if COMM.size > 1:
            COMM.Abort(1)  # do not leave the other ranks waiting in a collective
        raise
    if RANK == 0:
        try:
            sys.path.insert(0, str(HERE))
            from common import emit

            emit(record)
        except Exception:
            json.dump(record, sys.stdout, indent=2)
            sys.stdout.write("\n")
            sys.stdout.flush()
