"""Conduction velocity of the monodomain model and the conductivity that gives a velocity.

Notes
-----
A plane wave's speed along a principal direction depends only on the conductivity along
it (for a given cell model, chi, Cm, mesh size and time step), ``v ~ sqrt(sigma)`` in the
continuum limit (e.g. Costa et al. 2013, Front Physiol 4:279, who tune conductivities to
velocities with the same kind of cable runs, openCARP's ``tuneCV``).  On meshes of a few
millimetres the discrete velocity falls below that law, so it is measured: a strip of
tetrahedra of the given edge length is paced at one end and the velocity taken from the
activation times between 25 % and 75 % of its length.  :class:`VelocityCurve` measures a
few conductivities once and interpolates ``log v`` against ``log sigma``;
:func:`tune_conductivity` finds the conductivity of one velocity by secant steps.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError, SolverError

logger = logging.getLogger(__name__)


def strip_velocity(model: Any, sigma_S_per_m: float, *, h_mm: float, dt_ms: float = 0.05,
                   length_mm: float = 24.0, threshold_mV: float = -20.0,
                   cells: str = "tetrahedron") -> float:
    """Plane-wave velocity (m/s) along a strip of tetrahedra (or of triangles, ``cells =
    "triangle"``: a surface model such as the atria's) of edge ``h_mm`` (this process
    only, ``MPI.COMM_SELF``); ``model`` is a cell model name or object."""
    from mpi4py import MPI

    import dolfinx

    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.regions import Box
    from cardiotwin.ionic.protocol import Protocol

    if not (sigma_S_per_m > 0 and h_mm > 0):
        raise ConfigError(f"strip_velocity: sigma = {sigma_S_per_m}, h = {h_mm}: expected > 0")
    if cells not in ("tetrahedron", "triangle"):
        raise ConfigError(f"strip_velocity: cells = {cells!r}: expected 'tetrahedron' or "
                          "'triangle'")
    nx = max(8, round(length_mm / h_mm))
    if cells == "triangle":
        mesh = dolfinx.mesh.create_rectangle(MPI.COMM_SELF, [[0, 0], [length_mm, 2 * h_mm]],
                                             [nx, 2], dolfinx.mesh.CellType.triangle)
    else:
        mesh = dolfinx.mesh.create_box(MPI.COMM_SELF, [[0, 0, 0], [length_mm, h_mm, h_mm]],
                                       [nx, 1, 1], dolfinx.mesh.CellType.tetrahedron)
    stim = Stimulus(Box((-1.0, -1.0, -1.0), (1.01 * h_mm, h_mm + 1, h_mm + 1)),
                    Protocol(amplitude=80.0, duration_ms=2.0))
    sim = Monodomain(mesh, model, Conductivity.isotropic(sigma_S_per_m),
                     MonodomainConfig(dt_ms=dt_ms, activation_threshold=threshold_mV),
                     stimuli=[stim])
    x = sim.owned_vertex_coordinates()[:, 0]
    far = x >= 0.75 * length_mm
    t = 0.0
    while t < 400.0:
        sim.run(t + 10.0)
        t = sim.t
        if np.all(np.isfinite(sim.tracker.first_activation[far])):
            break
    act = sim.tracker.first_activation
    sel = (x >= 0.25 * length_mm) & (x <= 0.75 * length_mm)
    if not np.all(np.isfinite(act[sel])):
        raise SolverError(f"no propagation along the strip at sigma = {sigma_S_per_m} S/m, "
                          f"h = {h_mm} mm (conduction block)")
    slope = np.polyfit(act[sel], x[sel], 1)[0]
    return float(slope)


def tune_conductivity(model: Any, velocity_m_per_s: float, *, h_mm: float,
                      dt_ms: float = 0.05, cells: str = "tetrahedron",
                      sigma0_S_per_m: float = 0.5, rtol: float = 0.01,
                      max_iterations: int = 10) -> tuple[float, float]:
    """The conductivity (S/m) that gives a plane-wave velocity on a mesh of edge ``h_mm``
    with this cell model and time step, as openCARP's ``tuneCV`` does: start from the
    continuum law ``sigma ~ v^2``, then secant steps on ``log v`` against ``log sigma``,
    each velocity measured by :func:`strip_velocity`.

    On coarse meshes the discrete velocity falls well below the converged one, most at low
    conductivity (across fibres), so a tissue model that must conduct at measured velocities
    has to be tuned at its own element size.

    Returns
    -------
    (sigma_S_per_m, velocity_m_per_s)
        The conductivity and the velocity measured with it (within ``rtol`` of the target).

    Raises
    ------
    SolverError
        If ``max_iterations`` measurements do not reach the velocity (e.g. a velocity the
        mesh cannot carry), naming the closest one.
    """
    if not (velocity_m_per_s > 0 and sigma0_S_per_m > 0 and 0 < rtol < 1):
        raise ConfigError(f"tune_conductivity: velocity {velocity_m_per_s}, sigma0 "
                          f"{sigma0_S_per_m}, rtol {rtol}: expected positive numbers, rtol < 1")
    pts: list[tuple[float, float]] = []  # (log sigma, log v)
    sigma = float(sigma0_S_per_m)
    for _ in range(max_iterations):
        try:
            v = strip_velocity(model, sigma, h_mm=h_mm, dt_ms=dt_ms, cells=cells)
        except SolverError:  # conduction block at this conductivity: try a larger one
            logger.info("tune: block at sigma %.4g S/m on h = %.2f mm", sigma, h_mm)
            sigma *= 4.0
            continue
        logger.info("tune %s h=%.2f mm: sigma %.4g S/m -> %.4f m/s (target %.4f)",
                    getattr(model, "name", model), h_mm, sigma, v, velocity_m_per_s)
        if abs(v / velocity_m_per_s - 1.0) <= rtol:
            return sigma, v
        pts.append((np.log(sigma), np.log(v)))
        if len(pts) == 1:
            slope = 0.5  # v ~ sqrt(sigma)
        else:
            (s0, v0), (s1, v1) = pts[-2], pts[-1]
            slope = (v1 - v0) / (s1 - s0) if s1 != s0 else 0.5
            slope = float(np.clip(slope, 0.2, 2.0))
        step = (np.log(velocity_m_per_s) - pts[-1][1]) / slope
        sigma = float(np.exp(pts[-1][0] + np.clip(step, -np.log(8.0), np.log(8.0))))
    closest = "every run blocked"
    if pts:
        best = min(pts, key=lambda p: abs(p[1] - np.log(velocity_m_per_s)))
        closest = f"{np.exp(best[0]):.4g} S/m -> {np.exp(best[1]):.4f} m/s"
    raise SolverError(f"tune_conductivity: no conductivity gave {velocity_m_per_s:.3f} m/s on "
                      f"h = {h_mm} mm in {max_iterations} runs (closest: {closest})")


@dataclass(frozen=True)
class VelocityCurve:
    """Measured (conductivity, velocity) pairs of one cell model and mesh size."""

    model: str
    h_mm: float
    dt_ms: float
    sigma_S_per_m: tuple[float, ...]
    velocity_m_per_s: tuple[float, ...]

    @classmethod
    def measure(cls, model: str, *, h_mm: float, dt_ms: float = 0.05,
                sigmas: tuple[float, ...] = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)) -> VelocityCurve:
        """Run :func:`strip_velocity` at each conductivity (S/m)."""
        v = []
        for s in sigmas:
            v.append(strip_velocity(model, s, h_mm=h_mm, dt_ms=dt_ms))
            logger.info("strip %s h=%.2f mm: sigma %.3g S/m -> %.3f m/s", model, h_mm, s, v[-1])
        return cls(model, float(h_mm), float(dt_ms), tuple(map(float, sigmas)), tuple(v))

    def velocity(self, sigma_S_per_m: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Velocity (m/s) at conductivities (log-log interpolation, extrapolated linearly)."""
        ls, lv = np.log(self.sigma_S_per_m), np.log(self.velocity_m_per_s)
        x = np.log(np.asarray(sigma_S_per_m, float))
        return np.exp(_interp_extrap(x, ls, lv))

    def conductivity(self, velocity_m_per_s: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Conductivity (S/m) giving a velocity (inverse of :meth:`velocity`)."""
        ls, lv = np.log(self.sigma_S_per_m), np.log(self.velocity_m_per_s)
        if np.any(np.diff(lv) <= 0):
            raise ConfigError("the measured velocity does not grow with the conductivity")
        x = np.log(np.asarray(velocity_m_per_s, float))
        return np.exp(_interp_extrap(x, lv, ls))

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _interp_extrap(x: npt.NDArray[np.float64], xp: npt.NDArray[np.float64],
                   fp: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    y = np.interp(x, xp, fp)
    lo = x < xp[0]
    hi = x > xp[-1]
    y = np.where(lo, fp[0] + (x - xp[0]) * (fp[1] - fp[0]) / (xp[1] - xp[0]), y)
    return np.where(hi, fp[-1] + (x - xp[-1]) * (fp[-1] - fp[-2]) / (xp[-1] - xp[-2]), y)
