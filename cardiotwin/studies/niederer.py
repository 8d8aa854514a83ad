"""The Niederer et al. (2011) N-version cardiac tissue electrophysiology benchmark.

Notes
-----
Niederer SA, Kerfoot E, Benson AP, et al. (2011). Verification of cardiac tissue
electrophysiology simulators using an N-version benchmark. Phil Trans R Soc A
369:4331-4351.  doi:10.1098/rsta.2011.0139

Set-up: a 20 x 7 x 3 mm cuboid, fibres along x; ten Tusscher–Panfilov 2006 epicardial
cells; intracellular/extracellular conductivities 0.17/0.62 S/m along and 0.019/0.24 S/m
across the fibres, combined into the monodomain by the harmonic mean; chi = 140 /mm,
Cm = 0.01 µF/mm²; a 50 000 µA/cm³ stimulus for 2 ms in the 1.5 mm cube at the corner
(0, 0, 0).  Activation is the time V first crosses 0 mV at the points P1..P9 (P1 the
stimulated corner, P8 the opposite corner, P9 the centre).

Choices documented here (they matter at coarse resolution, as the paper shows):
P1 elements on a structured tetrahedral grid (each hexahedron split into six
tetrahedra; hexahedra with ``cell="hexahedron"``), consistent mass by default, ionic
states at the vertices (ionic current interpolation), Godunov splitting with
Crank–Nicolson diffusion, activation linearly interpolated in time and, at a point that
is not a vertex (P9 at dx 0.2), linearly in space inside its element.

Mass lumping slows coarse-grid conduction a great deal when the ionic current is
interpolated from the vertices: at dx = 0.5 mm, dt = 0.05 ms the far corner P8 activates
at about 54 ms with consistent mass but at about 127 ms with lumped mass (tetrahedra),
so lumping is available (``lumped_mass=True``) but not the default.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin._deps import require_dolfinx
from cardiotwin._mpi import allreduce_max
from cardiotwin.analysis.activation import activation_summary
from cardiotwin.ep.conductivity import NIEDERER_EXTRA, NIEDERER_INTRA, bidomain_equivalent
from cardiotwin.ep.monodomain import IonicRegion, Monodomain, MonodomainConfig
from cardiotwin.ep.stimulus import Stimulus
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.fibres import Fibres
from cardiotwin.geometry.regions import Box
from cardiotwin.io.monitor import Monitor
from cardiotwin.ionic.protocol import Protocol

logger = logging.getLogger(__name__)

SLAB_MM = (20.0, 7.0, 3.0)

#: The benchmark's output points (mm).
POINTS_MM: dict[str, tuple[float, float, float]] = {
    "P1": (0.0, 0.0, 0.0),
    "P2": (0.0, 7.0, 0.0),
    "P3": (20.0, 0.0, 0.0),
    "P4": (20.0, 7.0, 0.0),
    "P5": (0.0, 0.0, 3.0),
    "P6": (0.0, 7.0, 3.0),
    "P7": (20.0, 0.0, 3.0),
    "P8": (20.0, 7.0, 3.0),
    "P9": (10.0, 3.5, 1.5),
}


@dataclass(frozen=True)
class NiedererSetup:
    """Resolution and numerical choices of one benchmark run.

    Parameters
    ----------
    dx_mm
        Element edge length (mm); must divide 20, 7 and 3 mm (0.5, 0.25, 0.2, 0.1 ...).
    dt_ms
        Time step (ms).
    cell
        ``"hexahedron"`` or ``"tetrahedron"``.
    lumped_mass, theta, splitting
        See :class:`MonodomainConfig`.
    model
        Ionic model name (the benchmark uses ``"tp06-epi"``).
    t_max_ms
        Give up when the slab has not fully activated by then.
    """

    dx_mm: float = 0.5
    dt_ms: float = 0.05
    cell: str = "tetrahedron"
    lumped_mass: bool = False
    theta: float = 0.5
    splitting: str = "godunov"
    model: str = "tp06-epi"
    t_max_ms: float = 300.0
    workers: int = 1

    def __post_init__(self) -> None:
        if not (self.dx_mm > 0 and np.isfinite(self.dx_mm)):
            raise ConfigError(f"dx_mm = {self.dx_mm}: expected a positive element size (mm)")
        for length in SLAB_MM:
            n = length / self.dx_mm
            if abs(n - round(n)) > 1e-6:
                raise ConfigError(f"dx_mm = {self.dx_mm} does not divide the slab side "
                                  f"{length} mm; use e.g. 0.5, 0.25, 0.2 or 0.1")
        if self.cell not in ("hexahedron", "tetrahedron"):
            raise ConfigError(f"cell = {self.cell!r}: expected 'hexahedron' or 'tetrahedron'")
        if self.t_max_ms <= 0:
            raise ConfigError(f"t_max_ms = {self.t_max_ms}: expected > 0")

    @property
    def elements(self) -> tuple[int, int, int]:
        return tuple(round(length / self.dx_mm) for length in SLAB_MM)  # type: ignore[return-value]


def build_slab(comm: Any, setup: NiedererSetup) -> Any:
    """The 20 x 7 x 3 mm slab mesh at ``setup.dx_mm``."""
    require_dolfinx()
    import dolfinx.mesh

    cell = (dolfinx.mesh.CellType.hexahedron if setup.cell == "hexahedron"
            else dolfinx.mesh.CellType.tetrahedron)
    return dolfinx.mesh.create_box(comm, [np.zeros(3), np.array(SLAB_MM)],
                                   list(setup.elements), cell)


def make_simulation(comm: Any, setup: NiedererSetup,
                    monitor: Monitor | None = None) -> Monodomain:
    """The benchmark's :class:`Monodomain` (not yet run)."""
    mesh = build_slab(comm, setup)
    sigma = bidomain_equivalent(NIEDERER_INTRA, NIEDERER_EXTRA)
    stim = Stimulus(Box((0.0, 0.0, 0.0), (1.5, 1.5, 1.5)),
                    (Protocol(start_ms=0.0, duration_ms=2.0, amplitude=50.0, unit="uA/mm3"),),
                    name="S1")
    cfg = MonodomainConfig(dt_ms=setup.dt_ms, theta=setup.theta, splitting=setup.splitting,
                           lumped_mass=setup.lumped_mass, activation_threshold=0.0,
                           workers=setup.workers)
    return Monodomain(mesh, [IonicRegion(setup.model)], sigma, cfg,
                      fibres=Fibres(f0=(1.0, 0.0, 0.0)), stimuli=[stim], monitor=monitor)


def run_niederer(comm: Any, setup: NiedererSetup, *, progress: Any = None) -> dict[str, Any]:
    """Run the benchmark and return its figures (collective; same dict on every rank).

    Returns
    -------
    dict
        ``activation_ms`` {P1..P9}, ``dx_mm``, ``dt_ms``, ``dofs``, ``ranks``, ``wall_s``,
        ``wall_per_step_ms``, ``peak_rss_mb``, ``performance`` (time per phase), settings.
    """
    monitor = Monitor()
    t_setup = time.perf_counter()
    sim = make_simulation(comm, setup, monitor)
    setup_s = time.perf_counter() - t_setup
    t0 = time.perf_counter()
    check_every = max(1, round(1.0 / setup.dt_ms))
    act = sim.tracker.first_activation
    while sim.t < setup.t_max_ms - 1e-9:
        sim.run(min(sim.t + check_every * setup.dt_ms, setup.t_max_ms))
        if progress is not None:
            progress(sim.t, setup.t_max_ms)
        if sim.t >= 2.0 and allreduce_max(comm, int(np.isnan(act).any())) == 0:
            break
    wall = time.perf_counter() - t0
    activation = {}
    for name in POINTS_MM:
        activation[name] = sim.interpolate_at(POINTS_MM[name], sim.tracker.first_activation)
    perf = monitor.summary(comm)
    all_active = allreduce_max(comm, int(np.isnan(sim.tracker.first_activation).any())) == 0
    return {
        "activation_ms": {k: (None if np.isnan(v) else round(v, 4))
                          for k, v in activation.items()},
        "all_activated": bool(all_active),
        "total_activation_ms": activation_summary(comm, act).total_ms,
        "dx_mm": setup.dx_mm,
        "dt_ms": setup.dt_ms,
        "cell": setup.cell,
        "lumped_mass": setup.lumped_mass,
        "theta": setup.theta,
        "splitting": setup.splitting,
        "model": setup.model,
        "dofs": sim.V.dofmap.index_map.size_global,
        "ranks": comm.size,
        "steps": sim.step_count,
        "t_end_ms": round(sim.t, 6),
        "setup_s": round(allreduce_max(comm, setup_s), 3),
        "wall_s": round(allreduce_max(comm, wall), 3),
        "wall_per_step_ms": round(1e3 * allreduce_max(comm, wall)
                                  / max(sim.step_count, 1), 4),
        "peak_rss_mb": perf["peak_rss_mb"],
        "performance": perf,
    }
