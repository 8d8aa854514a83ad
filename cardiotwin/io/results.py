"""Writing simulation results: V time series, nodal maps, point probes, checkpoints.

Everything is written so that ParaView and PyVista open it: XDMF (+HDF5) by default, or
ADIOS2 VTX (``.bp``) where dolfinx has ADIOS2.  All writers are collective.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require_dolfinx
from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)


class SeriesWriter:
    """Writes V every ``every_n_steps`` steps (an observer of a Monodomain).

    Parameters
    ----------
    sim
        The simulation.
    path
        ``.xdmf`` for XDMF/HDF5 or ``.bp`` for ADIOS2 VTX.
    every_n_steps
        Output stride in time steps.
    """

    def __init__(self, sim: Any, path: str | Path, every_n_steps: int = 100) -> None:
        require_dolfinx()
        import dolfinx.io

        if every_n_steps < 1:
            raise ConfigError(f"every_n_steps = {every_n_steps}: expected >= 1")
        self.sim, self.path, self.every = sim, Path(path), int(every_n_steps)
        self.fmt = "vtx" if self.path.suffix == ".bp" else "xdmf"
        if self.fmt == "vtx":
            if not dolfinx.has_adios2:
                raise ConfigError(f"{self.path}: VTX output needs dolfinx built with ADIOS2; "
                                  "use a .xdmf path instead")
            self._writer = dolfinx.io.VTXWriter(sim.comm, self.path, [sim.v], engine="BP4")
        else:
            self._writer = dolfinx.io.XDMFFile(sim.comm, self.path, "w")
            self._writer.write_mesh(sim.mesh)
        self.write()
        sim.add_observer(self._observe)

    def _observe(self, sim: Any) -> None:
        if sim.step_count % self.every == 0:
            self.write()

    def write(self) -> None:
        self.sim.v.x.scatter_forward()
        if self.fmt == "vtx":
            self._writer.write(self.sim.t)
        else:
            self._writer.write_function(self.sim.v, self.sim.t)

    def close(self) -> None:
        self._writer.close()


def write_maps(sim: Any, path: str | Path, *, extra: Mapping[str, npt.NDArray] | None = None
               ) -> Path:
    """Write activation (ms), repolarisation (ms) and APD90 (ms) maps to one XDMF file.

    Nodes that never activated are written as -1.  ``extra`` adds more per-owned-dof
    arrays (e.g. ionic parameter scalings).  Collective.
    """
    require_dolfinx()
    import dolfinx.io

    path = Path(path)
    fields = {
        "activation_ms": sim.tracker.first_activation,
        "last_activation_ms": sim.tracker.last_activation,
        "repolarisation_ms": sim.tracker.repolarisation,
        "apd90_ms": sim.tracker.apd90,
        **(extra or {}),
    }
    with dolfinx.io.XDMFFile(sim.comm, path, "w") as xdmf:
        xdmf.write_mesh(sim.mesh)
        for name, values in fields.items():
            vals = np.where(np.isnan(values), -1.0, values)
            xdmf.write_function(sim.nodal_field(vals, name))
    return path


class Probes:
    """Records V at points (nearest mesh vertex) every ``every_n_steps`` steps.

    Each rank records only the probes whose vertex it owns; :meth:`gather` collects the
    series on rank 0.
    """

    def __init__(self, sim: Any, points_mm: Mapping[str, Sequence[float]],
                 every_n_steps: int = 10) -> None:
        from cardiotwin._mpi import nearest_owned_vertex

        self.sim, self.every = sim, int(every_n_steps)
        x = sim.owned_vertex_coordinates()
        self._mine: dict[str, int] = {}
        for name, p in points_mm.items():
            p = np.asarray(p, dtype=float)
            if p.shape != (3,):
                raise ConfigError(f"probe {name!r} position {tuple(p)} is not a 3-vector (mm)")
            owner, i = nearest_owned_vertex(sim.comm, x, p)
            if owner == sim.comm.rank:
                self._mine[name] = i
        self.names = list(points_mm)
        self.times: list[float] = []
        self._data: dict[str, list[float]] = {n: [] for n in self._mine}
        self.sample()
        sim.add_observer(self._observe)

    def _observe(self, sim: Any) -> None:
        if sim.step_count % self.every == 0:
            self.sample()

    def sample(self) -> None:
        v = self.sim.v.x.array
        self.times.append(self.sim.t)
        for name, i in self._mine.items():
            self._data[name].append(float(v[i]))

    def gather(self) -> dict[str, npt.NDArray[np.float64]] | None:
        """``{"t_ms": ..., name: V(t)}`` on rank 0, ``None`` elsewhere. Collective."""
        parts = self.sim.comm.gather(self._data, root=0)
        if self.sim.comm.rank != 0:
            return None
        out = {"t_ms": np.asarray(self.times)}
        for part in parts:
            out.update({k: np.asarray(v) for k, v in part.items()})
        return {k: out[k] for k in ["t_ms", *self.names]}


class CheckpointEvery:
    """Saves a checkpoint into ``directory`` every ``every_ms`` of simulated time."""

    def __init__(self, sim: Any, directory: str | Path, every_ms: float) -> None:
        if every_ms <= 0:
            raise ConfigError(f"checkpoint every_ms = {every_ms}: expected > 0")
        self.sim, self.directory = sim, Path(directory)
        self.every_steps = max(1, round(every_ms / sim.config.dt_ms))
        sim.add_observer(self._observe)

    def _observe(self, sim: Any) -> None:
        if sim.step_count % self.every_steps == 0:
            sim.save_checkpoint(self.directory)
