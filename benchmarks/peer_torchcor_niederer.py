"""Niederer et al. (2011) N-version slab benchmark run with the peer package TorchCor.

TorchCor (PyPI ``torchcor``, PyTorch; written for GPUs) reads openCARP meshes, so the
script has two modes, each run by its own interpreter:

1. ``--write-mesh DIR`` (cardiotwin's interpreter, with DOLFINx): builds the slab exactly
   as the cardiotwin Niederer study does (:func:`cardiotwin.studies.niederer.build_slab`,
   :func:`dolfinx.mesh.create_box` tetrahedra) and writes it with
   :func:`cardiotwin.geometry.formats.write_opencarp` as ``DIR/slab.pts`` (µm),
   ``slab.elem`` (region 1), ``slab.lon`` (one fibre per element, along x), plus
   ``DIR/stimulus.vtx`` (the vertices of the closed 1.5 mm corner cube) and
   ``DIR/slab.json`` (what was written). Both codes then solve on the same vertices and
   elements.
2. ``--mesh-dir DIR`` (TorchCor's interpreter, with PyTorch): runs the benchmark through
   TorchCor's public API (``torchcor.simulator.Monodomain``,
   ``torchcor.ionic.TenTusscherPanfilov``), as TorchCor's monodomain tutorial sets it up:

   * ``Monodomain(ionic_models=[TenTusscherPanfilov(cell_type="EPI", dt=dt)], T, dt,
     dtype=float64)``; ``Chi = 140 /mm`` and ``Cm = 0.01 uF/mm^2`` are TorchCor's
     built-in values, the benchmark's own;
   * ``load_mesh(DIR, unit_conversion=1000)`` (µm -> mm);
   * ``add_conductivity(None, il=0.17, it=0.019, el=0.62, et=0.24)`` (S/m): TorchCor
     combines them by the harmonic mean, as the benchmark asks;
   * ``add_stimulus(stimulus.vtx, start=0, duration=2, intensity=I)``. TorchCor's step
     adds ``dt * intensity / 100`` to ``Cm * V`` (Cm = 0.01 uF/mm^2), so ``intensity``
     is a current per membrane capacitance (uA/uF, like the ionic current):
     50 000 uA/cm^3 = 50 uA/mm^3 -> 50 / (chi Cm) = 50 / 1.4 = 35.714 uA/uF;
   * TorchCor's default CG settings of its tutorial and demos: ``a_tol = r_tol = 1e-5``,
     ``max_iter = 100``, linear extrapolation of the initial guess.

   The time loop is TorchCor's own ``Monodomain.solve`` loop unrolled (``assemble``, the
   ionic models' ``initialize``, ``cg.initialize``, then ``step(u, t)`` with ``t``
   advanced by ``t += dt`` before each step, failing when CG reaches ``max_iter``) so that
   the transmembrane potential can be probed after every step (snapshot interval = dt)
   instead of storing every vertex at every step, and the run stops once P1..P9 have all
   activated. ``--verify-with-solve`` reruns the same case through ``Monodomain.solve``
   and ``compute_activation_map(interpolate=True)`` and records the largest difference
   at the probe vertices.

Activation time of each of P1..P9 is the first time V crosses 0 mV, linearly
interpolated inside the step, with V evaluated at the point by the P1 interpolant of the
tetrahedron holding it (the vertex value where the point is a vertex, as are all nine at
dx = 0.5 mm; at dx = 0.2 mm P9 = (10, 3.5, 1.5) mm lies between vertices). As in
``peer_beat_niederer.py``, ``wall_per_step_ms`` times ``Monodomain.step`` only and
``loop_per_step_ms`` the whole loop including the probing. One JSON object is printed on
stdout; progress goes to stderr.

Examples
--------
::

    .venv/bin/python benchmarks/peer_torchcor_niederer.py --write-mesh /tmp/slab05 --dx 0.5
    /tmp/tcvenv/bin/python benchmarks/peer_torchcor_niederer.py --dx 0.5 --dt 0.05 \\
        --mesh-dir /tmp/slab05 > torchcor.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

T_START = time.perf_counter()

import numpy as np  # noqa: E402

LX, LY, LZ = 20.0, 7.0, 3.0  # mm
STIM_SIDE = 1.5  # mm
STIM_UA_PER_MM3 = 50.0  # 50 000 uA/cm^3
CHI_PER_MM = 140.0
CM_UF_PER_MM2 = 0.01  # 1 uF/cm^2
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
MESH_NAME = "slab"
STIM_VTX = "stimulus.vtx"
TOL_MM = 1e-9


def log(msg: str) -> None:
    """Write a progress line to stderr.

    Parameters
    ----------
    msg : str
        The message.
    """
    print(f"[torchcor-niederer {time.perf_counter() - T_START:8.2f}s] {msg}", file=sys.stderr,
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
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write-mesh", type=Path, metavar="DIR",
                      help="write the slab in openCARP form into DIR (cardiotwin's "
                           "interpreter) and exit")
    mode.add_argument("--mesh-dir", type=Path, metavar="DIR",
                      help="run TorchCor on the slab written by --write-mesh "
                           "(TorchCor's interpreter)")
    p.add_argument("--dx", type=float, default=0.5, help="mesh spacing, mm (default 0.5)")
    p.add_argument("--dt", type=float, default=0.05, help="time step, ms (default 0.05)")
    p.add_argument("--t-end", type=float, default=150.0,
                   help="stop here if not every point has activated, ms (default 150)")
    p.add_argument("--threads", type=int, default=0,
                   help="PyTorch CPU threads (default 0: PyTorch's own choice)")
    p.add_argument("--dtype", choices=("float64", "float32"), default="float64",
                   help="floating point type of the simulation (default float64, TorchCor's "
                        "default; its GPU demos also use float32)")
    p.add_argument("--mass-lumping", action="store_true",
                   help="lump the mass matrix (TorchCor's Monodomain(mass_lumping=True); "
                        "its default is the consistent mass matrix)")
    p.add_argument("--a-tol", type=float, default=1e-5, help="CG absolute tolerance (1e-5)")
    p.add_argument("--r-tol", type=float, default=1e-5, help="CG relative tolerance (1e-5)")
    p.add_argument("--max-iter", type=int, default=100, help="CG iteration limit (100)")
    p.add_argument("--verify-with-solve", action="store_true",
                   help="also run Monodomain.solve + compute_activation_map on the same case "
                        "and record the difference at the probe vertices (slower)")
    return p.parse_args(argv)


# ---------------------------------------------------------------------- mesh (cardiotwin)
def write_mesh(mesh_dir: Path, dx_mm: float) -> dict[str, Any]:
    """Write the benchmark slab as openCARP files, built as cardiotwin's study builds it.

    Parameters
    ----------
    mesh_dir : Path
        Output folder (created).
    dx_mm : float
        Mesh spacing (mm).

    Returns
    -------
    dict
        What was written (also saved as ``mesh_dir/slab.json``).
    """
    with contextlib.suppress(ImportError):
        import dolfinx_solver  # noqa: F401  (the wheel's MPI libraries, before dolfinx)
    from mpi4py import MPI

    import dolfinx

    from cardiotwin.geometry.formats import MeshData, write_opencarp
    from cardiotwin.studies.niederer import NiedererSetup, build_slab

    setup = NiedererSetup(dx_mm=dx_mm, cell="tetrahedron")
    mesh = build_slab(MPI.COMM_SELF, setup)
    geometry = mesh.geometry
    cells = np.asarray(geometry.dofmaps[0] if hasattr(geometry, "dofmaps")
                       else geometry.dofmap, dtype=np.int64)
    points = np.array(geometry.x[:, :3], dtype=np.float64)
    data = MeshData(points=points, cells=cells,
                    cell_values=np.ones(len(cells), dtype=np.int32),
                    fibres=np.tile([1.0, 0.0, 0.0], (len(points), 1)),
                    source=f"cardiotwin.studies.niederer.build_slab(dx_mm={dx_mm})")
    data.check()
    mesh_dir.mkdir(parents=True, exist_ok=True)
    files = write_opencarp(data, mesh_dir / MESH_NAME)

    in_cube = np.all(points <= STIM_SIDE + TOL_MM, axis=1)
    stim = np.nonzero(in_cube)[0]
    with open(mesh_dir / STIM_VTX, "w") as f:
        f.write(f"{len(stim)}\nintra\n")
        np.savetxt(f, stim, fmt="%d")
    record = {
        "dx_mm": dx_mm,
        "elements": list(setup.elements),
        "cell": "tetrahedron",
        "vertices": len(points),
        "tetrahedra": len(cells),
        "stimulus_vertices": len(stim),
        "source": data.source,
        "dolfinx": dolfinx.__version__,
        "files": {**files, "vtx": str(mesh_dir / STIM_VTX)},
    }
    (mesh_dir / f"{MESH_NAME}.json").write_text(json.dumps(record, indent=2) + "\n")
    return record


# ---------------------------------------------------------------------- probing
def read_mesh_arrays(mesh_dir: Path) -> tuple[np.ndarray, np.ndarray]:
    """Vertex coordinates (mm) and tetrahedra of ``mesh_dir/slab.pts|elem``.

    Parameters
    ----------
    mesh_dir : Path
        The folder written by :func:`write_mesh`.

    Returns
    -------
    points : numpy.ndarray
        Shape (n, 3), mm.
    cells : numpy.ndarray
        Shape (m, 4), vertex indices.
    """
    points = np.loadtxt(mesh_dir / f"{MESH_NAME}.pts", skiprows=1) * 1e-3
    cells = np.loadtxt(mesh_dir / f"{MESH_NAME}.elem", skiprows=1, usecols=(1, 2, 3, 4),
                       dtype=np.int64)
    return points, cells


def probe_weights(points: np.ndarray, cells: np.ndarray,
                  targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """P1 interpolation weights of each target point in a tetrahedron that holds it.

    Parameters
    ----------
    points : numpy.ndarray
        Vertex coordinates, (n, 3).
    cells : numpy.ndarray
        Tetrahedra, (m, 4).
    targets : numpy.ndarray
        Points to evaluate at, (k, 3).

    Returns
    -------
    vertices : numpy.ndarray
        (k, 4) vertex indices.
    weights : numpy.ndarray
        (k, 4) barycentric weights (one weight is 1 where the target is a vertex).
    """
    x = points[cells]  # (m, 4, 3)
    jac = np.transpose(x[:, 1:, :] - x[:, :1, :], (0, 2, 1))  # (m, 3, 3)
    inv = np.linalg.inv(jac)
    vertices = np.empty((len(targets), 4), dtype=np.int64)
    weights = np.empty((len(targets), 4))
    for k, p in enumerate(targets):
        lam = np.einsum("mij,mj->mi", inv, p - x[:, 0, :])
        bary = np.column_stack([1.0 - lam.sum(axis=1), lam])
        worst = bary.min(axis=1)
        c = int(np.argmax(worst))
        if worst[c] < -1e-9:
            raise RuntimeError(f"point {p} mm is outside the mesh (best barycentric "
                               f"coordinate {worst[c]:.3g})")
        w = np.clip(bary[c], 0.0, None)
        vertices[k], weights[k] = cells[c], w / w.sum()
    return vertices, weights


# ---------------------------------------------------------------------- TorchCor run
def run_torchcor(args: argparse.Namespace) -> dict[str, Any]:
    """Run the benchmark with TorchCor and return the result record.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed options (``--mesh-dir`` mode).

    Returns
    -------
    dict
        The record printed as JSON.
    """
    import warnings

    mesh_dir = args.mesh_dir
    meta_file = mesh_dir / f"{MESH_NAME}.json"
    if not meta_file.is_file():
        raise FileNotFoundError(
            f"{meta_file} not found: write the slab first with cardiotwin's interpreter, "
            f"e.g. .venv/bin/python {Path(__file__).name} --write-mesh {mesh_dir} "
            f"--dx {args.dx}")
    meta = json.loads(meta_file.read_text())
    if abs(meta["dx_mm"] - args.dx) > 1e-12:
        raise ValueError(f"{meta_file}: the slab there has dx = {meta['dx_mm']} mm, "
                         f"--dx asks for {args.dx} mm")

    import torch

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    with warnings.catch_warnings(), contextlib.redirect_stdout(sys.stderr):
        warnings.simplefilter("ignore")
        import torchcor
        from torchcor.ionic import TenTusscherPanfilov
        from torchcor.simulator import Monodomain
    from importlib.metadata import version

    tc_version = version("torchcor")
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    device = torchcor.get_device()
    intensity = STIM_UA_PER_MM3 / (CHI_PER_MM * CM_UF_PER_MM2)  # uA/uF
    names = list(POINTS)
    targets = np.array([POINTS[k] for k in names], dtype=np.float64)
    pts, cells = read_mesh_arrays(mesh_dir)
    pv, pw = probe_weights(pts, cells, targets)
    at_vertex = np.isclose(pw.max(axis=1), 1.0, atol=1e-12)

    def build(t_end: float) -> Any:
        """A TorchCor monodomain simulator of the slab, mesh loaded, not yet assembled."""
        ionic = TenTusscherPanfilov(dt=args.dt, cell_type="EPI", device=device, dtype=dtype)
        sim = Monodomain(ionic_models=[ionic], T=t_end, dt=args.dt, device=device,
                         dtype=dtype, mass_lumping=args.mass_lumping)
        sim.load_mesh(path=str(mesh_dir), unit_conversion=1000)
        sim.add_conductivity(None, il=0.17, it=0.019, el=0.62, et=0.24)
        sim.add_stimulus(str(mesh_dir / STIM_VTX), start=0.0, duration=2.0,
                         intensity=intensity)
        return sim

    with contextlib.redirect_stdout(sys.stderr):
        sim = build(args.t_end)
        if abs(sim.Chi - CHI_PER_MM) > 1e-12 or abs(sim.Cm - CM_UF_PER_MM2) > 1e-15:
            raise RuntimeError(f"TorchCor's Chi = {sim.Chi}, Cm = {sim.Cm} differ from the "
                               f"benchmark's {CHI_PER_MM} /mm, {CM_UF_PER_MM2} uF/mm^2")
        if not np.allclose(sim.nodes.cpu().numpy(), pts, atol=1e-9):
            raise RuntimeError("TorchCor read other vertex coordinates than the .pts file")
        t0 = time.perf_counter()
        sim.assemble()
        assemble_s = time.perf_counter() - t0
        u = torch.zeros(sim.n_nodes, dtype=dtype, device=device)
        for im in sim.ionic_models:
            u[im.node_indices] = im.initialize(im.node_indices.shape[0]).clone()
        v0 = float(u[0])
        sim.cg.initialize(x=u, linear_guess=True)
        warmup_s = warm_up(sim, u, args, device, dtype)
    dofs = int(sim.n_nodes)
    pv_t = torch.as_tensor(pv, device=device)
    pw_t = torch.as_tensor(pw, dtype=dtype, device=device)

    def probe(v: Any) -> np.ndarray:
        return (v[pv_t] * pw_t).sum(dim=1).cpu().numpy().astype(np.float64)

    log(f"slab {meta['elements']} tetrahedra, {dofs} vertices, {meta['stimulus_vertices']} "
        f"stimulated; torch {torch.__version__} on {device}, {torch.get_num_threads()} "
        f"thread(s), {args.dtype}, {'lumped' if args.mass_lumping else 'consistent'} mass; "
        f"stimulus {intensity:.4f} uA/uF")
    setup_s = time.perf_counter() - T_START
    log(f"setup done in {setup_s:.1f} s (assembly {assemble_s:.1f} s, TorchScript "
        f"warm-up {warmup_s:.1f} s)")

    act = np.full(len(names), np.nan)
    v_prev = probe(u)
    t = 0.0
    steps = 0
    stim_steps = 0
    cg_iters = 0
    step_time = 0.0
    ionic_time = 0.0
    diffusion_time = 0.0
    nsteps_max = int(args.t_end / args.dt)  # as Monodomain.solve: nt = int(T / dt)
    report_every = max(1, round(5.0 / args.dt))
    stim = sim.stimuli.stimulus_list[0]
    loop0 = time.perf_counter()
    while steps < nsteps_max and np.isnan(act).any():
        t_start = t
        t += args.dt
        if stim.start <= t % stim.period <= stim.start + stim.duration:
            stim_steps += 1
        s0 = time.perf_counter()
        u, n_iter, t_ionic, t_diffusion = sim.step(u, t, args.a_tol, args.r_tol,
                                                   args.max_iter, verbose=True)
        step_time += time.perf_counter() - s0
        ionic_time += t_ionic
        diffusion_time += t_diffusion
        if n_iter >= args.max_iter:
            raise RuntimeError(f"TorchCor CG reached max_iter = {args.max_iter} at "
                               f"t = {t:.3f} ms")
        cg_iters += n_iter + 1  # TorchCor's counter omits the converging iteration
        steps += 1
        v_now = probe(u)
        if not np.all(np.isfinite(v_now)):
            raise FloatingPointError(f"non-finite V at the probe points at t = {t:.3f} ms")
        crossed = np.isnan(act) & (v_now > 0.0)
        for i in np.nonzero(crossed)[0]:
            frac = 0.0 if v_now[i] == v_prev[i] else -v_prev[i] / (v_now[i] - v_prev[i])
            act[i] = t_start + min(max(frac, 0.0), 1.0) * args.dt
        v_prev = v_now
        if steps % report_every == 0:
            log(f"t = {t:7.2f} ms, {int((~np.isnan(act)).sum())}/9 activated, "
                f"{1e3 * (time.perf_counter() - loop0) / steps:.1f} ms/step")
    wall_s = time.perf_counter() - loop0

    def as_dict(values: np.ndarray) -> dict[str, float | None]:
        return {k: (None if np.isnan(v) else round(float(v), 4))
                for k, v in zip(names, values, strict=True)}

    record: dict[str, Any] = {
        "peer": "torchcor",
        "version": tc_version,
        "activation_ms": as_dict(act),
        "dx_mm": args.dx,
        "dt_ms": args.dt,
        "t_end_ms": round(t, 6),
        "cell": "tetrahedron",
        "dofs": dofs,
        "ranks": 1,
        "threads": torch.get_num_threads(),
        "device": str(device),
        "dtype": args.dtype,
        "mass_lumping": bool(args.mass_lumping),
        "steps": steps,
        "wall_s": round(wall_s, 3),
        "step_s": round(step_time, 3),
        "wall_per_step_ms": round(1e3 * step_time / max(steps, 1), 3),
        "loop_per_step_ms": round(1e3 * wall_s / max(steps, 1), 3),
        "ionic_ms_per_step": round(1e3 * ionic_time / max(steps, 1), 3),
        "diffusion_ms_per_step": round(1e3 * diffusion_time / max(steps, 1), 3),
        "cg_iterations_per_step": round(cg_iters / max(steps, 1), 2),
        "setup_s": round(setup_s, 3),
        "assemble_s": round(assemble_s, 3),
        "warmup_s": round(warmup_s, 3),
        "stimulus_uA_per_uF": round(intensity, 6),
        "stimulus_vertices": meta["stimulus_vertices"],
        "stimulated_steps": stim_steps,
        "initial_V_mV": v0,
        "cg": {"a_tol": args.a_tol, "r_tol": args.r_tol, "max_iter": args.max_iter,
               "preconditioner": "Jacobi", "initial_guess": "linear extrapolation"},
        "probe_at_vertex": {k: bool(v) for k, v in zip(names, at_vertex, strict=True)},
        "torch": torch.__version__,
        "notes": notes(args, device, intensity, stim_steps, at_vertex, names, v0),
    }
    if args.verify_with_solve:
        record["verify_with_solve"] = verify_with_solve(build, args, act, pv, pw, at_vertex,
                                                        names)
    return record


def warm_up(sim: Any, u: Any, args: argparse.Namespace, device: Any, dtype: Any) -> float:
    """Run TorchCor's TorchScript code once on throwaway objects; return the seconds spent.

    TorchScript optimises a scripted method on its first calls (about 7-9 s for the cell
    model here); that cost is shared by every instance, so paying it on a throwaway
    cell model and CG solver keeps it out of the timed loop (as the numba compilation of
    fenicsx-beat's cell model is) without touching the simulation's state.
    """
    from torchcor.core import ConjugateGradient
    from torchcor.ionic import TenTusscherPanfilov

    t0 = time.perf_counter()
    ionic = TenTusscherPanfilov(dt=args.dt, cell_type="EPI", device=device, dtype=dtype)
    v = ionic.initialize(int(sim.n_nodes))
    cg = ConjugateGradient(sim.pcd, sim.A, dtype=sim.cg.dtype)
    cg.initialize(x=u, linear_guess=True)
    for _ in range(3):
        ionic.differentiate(v)
        cg.solve(sim.M @ u, a_tol=args.a_tol, r_tol=args.r_tol, max_iter=args.max_iter)
    return time.perf_counter() - t0


def notes(args: argparse.Namespace, device: Any, intensity: float, stim_steps: int,
          at_vertex: np.ndarray, names: list[str], v0: float) -> list[str]:
    """The choices and differences from the benchmark definition, for the record."""
    off = [k for k, v in zip(names, at_vertex, strict=True) if not v]
    return [
        f"TorchCor Monodomain on {device} (PyTorch sparse CSR matrices), P1 tetrahedra, "
        + ("lumped (row-sum) mass" if args.mass_lumping else
           "consistent mass (TorchCor's default; its tutorial recommends mass_lumping=True)"),
        "time step (TorchCor's own, not a splitting): Cm M u_new + theta dt K/chi u_new = "
        "M (Cm u + dt (-I_ion(u)) / 100 + dt I_stim / 100) - (1 - theta) dt K/chi u, "
        "theta = 0.5 (Crank-Nicolson diffusion), V advanced by forward Euler inside it, "
        "the ionic current and stimulus at the vertices, weighted by the mass matrix",
        "cell model: TorchCor's TenTusscherPanfilov(cell_type='EPI') (a port of openCARP's "
        "tenTusscherPanfilov): gates by Rush-Larsen, concentrations by forward Euler, "
        "V-dependent rates from lookup tables at 0.05 mV; TorchCor's initial state "
        f"(V = {v0:g} mV, the TP06 paper's values), not the CellML initial state",
        f"stimulus: {intensity:.4f} uA/uF = 50 000 uA/cm^3 / (chi Cm) on the vertices of the "
        "closed 1.5 mm corner cube (stimulus.vtx), applied when start <= t <= start + "
        f"duration at the end time t of each step: {stim_steps} steps of {args.dt} ms"
        + (f" (not {round(2.0 / args.dt)}: t, summed as t += dt, ends a little above 2 ms "
           "by rounding)" if stim_steps != round(2.0 / args.dt) else ""),
        f"linear solver: TorchCor's CG + Jacobi, a_tol = {args.a_tol}, r_tol = "
        f"{args.r_tol} (on the Jacobi-preconditioned residual), max_iter = {args.max_iter}, "
        "initial guess linearly extrapolated from the last two solutions",
        "conductivities: TorchCor's harmonic mean il el / (il + el) per element, fibres "
        "(1, 0, 0) per element from slab.lon; chi = 140 /mm, Cm = 0.01 uF/mm^2 "
        "(TorchCor's built-in values)",
        "mesh: cardiotwin.studies.niederer.build_slab (dolfinx.mesh.create_box "
        "tetrahedra) written as openCARP .pts/.elem/.lon: the same vertices and elements "
        "as cardiotwin",
        "activation: first 0 mV crossing of V at the point, probed after every step "
        "(snapshot interval = dt), linear interpolation inside the step"
        + (f"; {', '.join(off)} not a vertex: V from the P1 interpolant there" if off else ""),
        "wall_per_step_ms: Monodomain.step only; loop_per_step_ms and wall_s: the whole "
        "time loop incl. probing; setup_s: from interpreter start incl. imports, mesh "
        "reading, assembly and the TorchScript warm-up on throwaway objects; "
        "ionic_ms_per_step / diffusion_ms_per_step: TorchCor's own split of its step",
    ]


def verify_with_solve(build: Any, args: argparse.Namespace, act: np.ndarray,
                      pv: np.ndarray, pw: np.ndarray, at_vertex: np.ndarray,
                      names: list[str]) -> dict[str, Any]:
    """Rerun through ``Monodomain.solve`` and compare activation at the probe vertices.

    ``solve`` keeps every vertex at every snapshot, so memory grows as
    vertices x steps; it runs to just past the latest activation found.
    """
    import tempfile

    finite = act[np.isfinite(act)]
    t_end = math.ceil((finite.max() if finite.size else args.t_end) + 2.0)
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(sys.stderr):
        sim = build(float(t_end))
        vm = sim.solve(a_tol=args.a_tol, r_tol=args.r_tol, max_iter=args.max_iter,
                       linear_guess=True, snapshot_interval=args.dt, verbose=False,
                       result_path=tmp)
        ats = sim.compute_activation_map(vm, snapshot_interval=args.dt, threshold=0.0,
                                         interpolate=True)
    ats = ats.cpu().numpy().astype(np.float64)
    out: dict[str, Any] = {"t_end_ms": t_end, "activation_ms": {}}
    diffs = []
    for i, name in enumerate(names):
        if not at_vertex[i]:
            continue
        vertex = int(pv[i][int(np.argmax(pw[i]))])
        out["activation_ms"][name] = round(float(ats[vertex]), 4)
        diffs.append(abs(float(ats[vertex]) - act[i]))
    out["max_abs_diff_ms"] = float(max(diffs)) if diffs else None
    out["note"] = ("Monodomain.solve(snapshot_interval=dt) + compute_activation_map("
                   "threshold=0, interpolate=True) at the probe points that are vertices")
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the selected mode and return its record.

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
    if args.dt <= 0 or args.dx <= 0:
        raise ValueError(f"--dx {args.dx} mm and --dt {args.dt} ms must be positive")
    if args.write_mesh is not None:
        record = write_mesh(args.write_mesh, args.dx)
        log(f"wrote {record['vertices']} vertices, {record['tetrahedra']} tetrahedra, "
            f"{record['stimulus_vertices']} stimulus vertices to {args.write_mesh}")
        return record
    return run_torchcor(args)


if __name__ == "__main__":
    result = main()
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    sys.stdout.flush()
