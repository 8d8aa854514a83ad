"""The stress-free reference of an imaged, loaded heart (unloading).

Notes
-----
A heart segmented from CT or MR is imaged under load: in diastole its cavities hold about
the end-diastolic pressures.  A mechanics problem built on that mesh takes it as the
stress-free reference, so filling it to the end-diastolic pressure over-inflates it (the
beat starts from a heart larger than the patient's, its fibres already stretched).
Unloading finds the reference nodes ``X`` whose filling to the given cavity pressures
``p`` reproduces the imaged nodes ``x``:

.. math::

    X + u_p(X) = x,

``u_p(X)`` the nodal displacement of the forward problem built on the reference ``X``
(the backward displacement method: Sellier 2011, J Fluids Struct 27:1461; Bols et al.
2013, J Comput Appl Math 246:10).  It is a fixed-point iteration on the residual
``r_k = x - u_p(X_k) - X_k`` with Aitken's dynamic relaxation (Irons & Tuck 1969;
Küttler & Wall 2008; used for unloading by Rausch et al. 2017, J Biomech 58:227):

.. math::

    X_{k+1} = X_k + \\omega_k r_k, \\qquad
    \\omega_k = -\\omega_{k-1} \\frac{r_{k-1} \\cdot (r_k - r_{k-1})}{|r_k - r_{k-1}|^2},

``omega_0 = 1``, clipped to ``[0.1, 1]``.  It stops when the largest nodal mismatch
``|X_k + u_p(X_k) - x|`` over the mesh is below ``tolerance_mm``.  Each forward solve
starts from the previous iterate's displacement at the full pressures (one Newton solve;
the reference moves by less each iteration) and falls back to a load ramp from rest when
that fails.

What moves and what does not:

- the mesh's node coordinates (``mesh.geometry.x``) become the unloaded reference, in
  place, and the problem's state is the converged filling: the cavities at ``p`` and
  the deformed nodes at the imaged ones (to the tolerance), ready for a beat;
- fields on the mesh keep their nodal values: the fibre directions computed on the
  imaged geometry are used unchanged on the unloaded one (as Finsberg et al.'s pulse
  does; the rotation of the fibres by the filling is small next to the rule-based
  fibres' own uncertainty);
- the cavities must be held at their rims (the base's Dirichlet condition), so that the
  rings and lids closing the cavity volumes stay where they were built: checked after
  the first update (:class:`~cardiotwin.exceptions.ConfigError` otherwise).

Only linear (P1) geometries are unloaded: the displacement is taken at the vertices.  On
failure (no convergence, an inverted element, a moving rim) the mesh is put back to the
imaged geometry and the state to rest before the error is raised.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cardiotwin._checks import choice, positive
from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.units import ML_TO_MM3

logger = logging.getLogger(__name__)

#: the relaxations of :class:`UnloadingConfig`
RELAXATIONS = ("aitken", "none")

#: bounds of Aitken's relaxation factor
OMEGA_MIN, OMEGA_MAX = 0.1, 1.0


@dataclass(frozen=True)
class UnloadingConfig:
    """How to unload.

    Parameters
    ----------
    pressures_kPa
        The pressure (kPa) of every cavity of the problem in the imaged state (e.g. the
        end-diastolic pressures).
    tolerance_mm
        Largest nodal mismatch ``|X + u_p(X) - x|`` accepted (mm).
    max_iterations
        Fixed-point iterations before giving up.
    load_steps
        Steps of the load ramp of a forward solve that has to start from rest (the first
        one, and any whose warm start fails).
    relaxation
        ``"aitken"`` (dynamic, default) or ``"none"`` (plain backward displacement).
    """

    pressures_kPa: Mapping[str, float] = field(default_factory=dict)
    tolerance_mm: float = 0.01
    max_iterations: int = 30
    load_steps: int = 8
    relaxation: str = "aitken"

    def __post_init__(self) -> None:
        if not self.pressures_kPa:
            raise ConfigError("UnloadingConfig.pressures_kPa is empty: give the pressure "
                              "(kPa) of every cavity in the imaged state")
        for k, p in self.pressures_kPa.items():
            positive(f"UnloadingConfig.pressures_kPa[{k!r}]", p, allow_zero=True)
        positive("UnloadingConfig.tolerance_mm", self.tolerance_mm)
        for name in ("max_iterations", "load_steps"):
            v = getattr(self, name)
            if not (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 1000):
                raise ConfigError(f"UnloadingConfig.{name} = {v!r}: expected an integer in "
                                  "[1, 1000]")
        choice("UnloadingConfig.relaxation", self.relaxation, RELAXATIONS)


@dataclass(frozen=True)
class UnloadingResult:
    """What :func:`unload` found.

    ``mismatch_mm[k]``: the largest nodal mismatch after forward solve ``k`` (the last
    one below the tolerance); ``relaxation[k]``: the factor of update ``k``;
    ``newton_iterations[k]``: Newton iterations of forward solve ``k`` (all steps of a
    ramp); volumes in mm³: ``imaged`` (the mesh as given), ``unloaded`` (the found
    reference) and ``loaded`` (that reference filled, ~ imaged); ``max_shift_mm``: the
    largest distance between a reference node and its imaged position;
    ``imaged_coordinates_mm``: the imaged node coordinates (this rank's rows of
    ``mesh.geometry.x``).
    """

    iterations: int
    mismatch_mm: tuple[float, ...]
    relaxation: tuple[float, ...]
    newton_iterations: tuple[int, ...]
    imaged_volumes_mm3: dict[str, float]
    unloaded_volumes_mm3: dict[str, float]
    loaded_volumes_mm3: dict[str, float]
    max_shift_mm: float
    wall_s: float
    imaged_coordinates_mm: np.ndarray = field(repr=False)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary (volumes in mL)."""
        def ml(d: Mapping[str, float]) -> dict[str, float]:
            return {k: round(v / ML_TO_MM3, 4) for k, v in d.items()}

        return {"iterations": self.iterations,
                "mismatch_mm": [float(f"{m:.4g}") for m in self.mismatch_mm],
                "relaxation": [round(w, 4) for w in self.relaxation],
                "newton_iterations": list(self.newton_iterations),
                "imaged_volumes_ml": ml(self.imaged_volumes_mm3),
                "unloaded_volumes_ml": ml(self.unloaded_volumes_mm3),
                "loaded_volumes_ml": ml(self.loaded_volumes_mm3),
                "max_shift_mm": round(self.max_shift_mm, 4),
                "wall_s": round(self.wall_s, 2)}


@contextlib.contextmanager
def geometry_as(mesh: Any, coordinates_mm: np.ndarray | None) -> Iterator[None]:
    """Temporarily give ``mesh`` the node coordinates ``coordinates_mm`` (this rank's rows
    of ``mesh.geometry.x``; ``None``: leave it as it is), e.g. to locate its points in
    another mesh of the imaged geometry after unloading."""
    if coordinates_mm is None:
        yield
        return
    x = mesh.geometry.x
    c = np.asarray(coordinates_mm, dtype=float)
    if c.shape != x.shape:
        raise ConfigError(f"coordinates of shape {c.shape} for a mesh whose geometry has "
                          f"{x.shape} (this rank's nodes)")
    saved = x.copy()
    x[:] = c
    try:
        yield
    finally:
        x[:] = saved


def _geometry_dofmap(mesh: Any) -> np.ndarray:
    """Cell -> geometry node indices (local cells and ghosts)."""
    dofmaps = getattr(mesh.geometry, "dofmaps", None)
    return np.asarray(dofmaps[0] if dofmaps is not None else mesh.geometry.dofmap)


class _NodalDisplacement:
    """The displacement at the geometry nodes of a P1 mesh, ``(nodes, 3)`` (mm)."""

    def __init__(self, problem: Any) -> None:
        from dolfinx import fem

        mesh = problem.mesh
        cmaps = getattr(mesh.geometry, "cmaps", None)
        degree = cmaps[0].degree if cmaps else mesh.geometry.cmap.degree
        if degree != 1:
            raise ConfigError(f"unloading needs a linear (P1) geometry; this mesh's "
                              f"coordinate element has degree {degree}")
        self.V1 = fem.functionspace(mesh, ("Lagrange", 1, (3,)))
        self.u1 = fem.Function(self.V1)
        self.geo_nodes = _geometry_dofmap(mesh).ravel()
        self.dofs = np.asarray(self.V1.dofmap.list).ravel()
        self.n_nodes = mesh.geometry.x.shape[0]
        self.problem = problem

    def __call__(self) -> np.ndarray:
        self.u1.interpolate(self.problem.displacement())
        self.u1.x.scatter_forward()
        vals = self.u1.x.array.reshape(-1, 3)
        out = np.empty((self.n_nodes, 3))
        out[self.geo_nodes] = vals[self.dofs]
        return out


def _signed_volumes(mesh: Any, x: np.ndarray) -> np.ndarray:
    """Six times the signed volume of every local tetrahedron with nodes ``x`` (mm³)."""
    c = x[_geometry_dofmap(mesh)]
    return np.einsum("ij,ij->i", np.cross(c[:, 1] - c[:, 0], c[:, 2] - c[:, 0]),
                     c[:, 3] - c[:, 0])


def _rims(problem: Any) -> dict[str, tuple[np.ndarray, float]]:
    """Each cavity's ring point (mm) and lid volume (mm³) on the current geometry."""
    from cardiotwin.mechanics.cavity import base_ring, cavity_closure

    out = {}
    for name, cav in problem.cavities.items():
        ring = base_ring(problem.mesh, problem.facet_tags, cav)
        lid = cavity_closure(problem.mesh, problem.facet_tags, cav, ring).lid_volume_mm3
        out[name] = (np.asarray(ring.point_mm, dtype=float), float(lid))
    return out


def unload(problem: Any, config: UnloadingConfig, *,
           progress: Callable[[int, float], None] | None = None) -> UnloadingResult:
    """Move the reference of ``problem`` to the unloaded geometry (collective).

    Parameters
    ----------
    problem
        A :class:`~cardiotwin.mechanics.MechanicsProblem` at rest (zero displacement) on
        the imaged mesh, its cavities' rims held by Dirichlet conditions.
    config
        The imaged state's pressures and the iteration's settings.
    progress
        ``progress(iteration, mismatch_mm)`` after every forward solve.

    Returns
    -------
    UnloadingResult
        The mesh is at the unloaded reference and the problem filled to the pressures
        (module notes).

    Raises
    ------
    ConfigError
        A cavity without a pressure, a geometry that is not P1, a rim that moves.
    SolverError
        No convergence within ``max_iterations``, a forward solve that fails, or an
        inverted element (the pressures are too high for the material, or the imaged
        mesh is not of a loaded heart); the mesh and state are put back first.
    """
    from mpi4py import MPI

    from cardiotwin.mechanics.loading import LoadPath, LoadStepError, solve_load_path

    missing = sorted(set(problem.cavities) - set(config.pressures_kPa))
    unknown = sorted(set(config.pressures_kPa) - set(problem.cavities))
    if missing or unknown:
        raise ConfigError(f"UnloadingConfig.pressures_kPa: cavities {missing} have no "
                          f"pressure, {unknown} are not cavities of the problem (it has "
                          f"{sorted(problem.cavities)})")
    comm = problem.comm
    t0 = time.perf_counter()
    mesh = problem.mesh
    nodal = _NodalDisplacement(problem)
    x_img = mesh.geometry.x.copy()
    n_owned = mesh.geometry.index_map().size_local
    n_cells = mesh.topology.index_map(mesh.topology.dim).size_local
    sign = np.sign(_signed_volumes(mesh, x_img))
    imaged = {k: problem.reference_volume(k) for k in problem.cavities}
    rims0 = _rims(problem)
    rest = problem.state()
    if comm.allreduce(float(np.abs(rest.w).max()) if rest.w.size else 0.0, op=MPI.MAX) > 0:
        raise ConfigError("unload: the problem is not at rest (its displacement is not "
                          "zero); unload a freshly built problem")

    def give_up(message: str, exc: type[Exception] = SolverError) -> Exception:
        mesh.geometry.x[:] = x_img
        problem.restore(rest)
        for k in problem.cavities:
            problem.set_pressure(k, 0.0)
        return exc(message)

    def forward(warm: bool) -> int:
        for k, p in config.pressures_kPa.items():
            problem.set_pressure(k, p)
        its = 0
        if warm:
            report = problem.newton()
            its += report.iterations
            if report.converged:
                return its
            logger.info("unloading: the warm start did not converge (%s); ramping the "
                        "pressures from rest", report.reason)
        problem.restore(rest)
        for k in problem.cavities:
            problem.set_pressure(k, 0.0)
        result = solve_load_path(problem, LoadPath(pressures_kPa=dict(config.pressures_kPa),
                                                   steps=config.load_steps))
        return its + sum(result.newton_iterations)

    X = x_img.copy()
    r_prev: np.ndarray | None = None
    omega = 1.0
    mismatches: list[float] = []
    omegas: list[float] = []
    newton: list[int] = []
    converged = False
    for k in range(config.max_iterations):
        try:
            newton.append(forward(warm=k > 0))
        except LoadStepError as e:
            raise give_up(f"unloading: the forward solve of iteration {k + 1} failed on the "
                          f"current reference ({e}); lower the pressures or stiffen the "
                          "material") from e
        r = x_img - nodal() - X
        local = float(np.sqrt((r[:n_owned] ** 2).sum(axis=1)).max()) if n_owned else 0.0
        mismatch = comm.allreduce(local, op=MPI.MAX)
        mismatches.append(mismatch)
        if comm.rank == 0:
            logger.info("unloading iteration %d: largest nodal mismatch %.4g mm "
                        "(tolerance %g), %d Newton iterations", k + 1, mismatch,
                        config.tolerance_mm, newton[-1])
        if progress is not None:
            progress(k + 1, mismatch)
        if not np.isfinite(mismatch):
            raise give_up(f"unloading: non-finite displacement at iteration {k + 1}")
        if mismatch < config.tolerance_mm:
            converged = True
            break
        if config.relaxation == "aitken" and r_prev is not None:
            dr = r[:n_owned] - r_prev[:n_owned]
            num = comm.allreduce(float(np.sum(r_prev[:n_owned] * dr)), op=MPI.SUM)
            den = comm.allreduce(float(np.sum(dr * dr)), op=MPI.SUM)
            if den > 0:
                omega = float(np.clip(-omega * num / den, OMEGA_MIN, OMEGA_MAX))
        omegas.append(omega)
        r_prev = r
        X = X + omega * r
        bad = int(np.count_nonzero((_signed_volumes(mesh, X) * sign)[:n_cells] <= 0))
        bad = comm.allreduce(bad, op=MPI.SUM)
        if bad:
            raise give_up(f"unloading: {bad} elements of the reference would invert at "
                          f"iteration {k + 1} (largest mismatch {mismatch:.3g} mm); the "
                          "pressures are too high for the material, or the mesh is not of "
                          "a loaded heart")
        mesh.geometry.x[:] = X
        if k == 0:
            for name, (point, lid) in _rims(problem).items():
                moved = float(np.linalg.norm(point - rims0[name][0]))
                if moved > config.tolerance_mm or abs(lid - rims0[name][1]) > 1e-6 * max(
                        1.0, abs(rims0[name][1])):
                    raise give_up(f"unloading: the rim of cavity {name!r} moves ({moved:.3g} "
                                  "mm): hold the base with a FixedBoundary so the cavity "
                                  "stays closed where it was built", ConfigError)
    if not converged:
        raise give_up(f"unloading did not converge in {config.max_iterations} iterations: "
                      f"largest nodal mismatch {', '.join(f'{m:.3g}' for m in mismatches)} "
                      f"mm (tolerance {config.tolerance_mm:g} mm); raise max_iterations or "
                      "use relaxation='aitken'")
    shift = np.sqrt(((X - x_img)[:n_owned] ** 2).sum(axis=1))
    max_shift = comm.allreduce(float(shift.max()) if n_owned else 0.0, op=MPI.MAX)
    result = UnloadingResult(
        iterations=len(mismatches), mismatch_mm=tuple(mismatches), relaxation=tuple(omegas),
        newton_iterations=tuple(newton), imaged_volumes_mm3=imaged,
        unloaded_volumes_mm3={k: problem.reference_volume(k) for k in problem.cavities},
        loaded_volumes_mm3={k: problem.volume(k) for k in problem.cavities},
        max_shift_mm=max_shift, wall_s=time.perf_counter() - t0,
        imaged_coordinates_mm=x_img)
    if comm.rank == 0:
        logger.info("unloaded in %d iterations (%.1f s): %s", result.iterations,
                    result.wall_s, ", ".join(
                        f"{k} {imaged[k] / ML_TO_MM3:.2f} -> "
                        f"{result.unloaded_volumes_mm3[k] / ML_TO_MM3:.2f} mL"
                        for k in problem.cavities))
    return result
