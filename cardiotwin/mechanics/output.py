"""Outputs of a mechanics run: field series for ParaView and the pressure–volume table.

A folder written by :class:`MechanicsWriter` holds

- ``mechanics.xdmf`` / ``.h5``: per converged load step the displacement ``u`` (mm,
  vertex values), the Green–Lagrange strain ``E`` and, with fibres, the fibre strain
  ``E_ff`` (cell averages at the cell midpoint) -- open it in ParaView and use *Warp By
  Vector* on ``u``;
- ``displacement.bp`` (VTX/ADIOS2, when dolfinx has ADIOS2): the displacement in its own
  (P2) space, for ParaView's ADIOS2 reader;
- ``pv.csv``: one row per converged solve: load fraction, Newton iterations, and for
  every cavity its pressure (kPa and mmHg) and volume (mm³ and mL);
- ``summary.json``: written by :meth:`MechanicsWriter.finish` (``"converged": true``) or
  :meth:`MechanicsWriter.fail` (``"converged": false`` with the error), never before the
  run ends -- so a folder without ``"converged": true`` is not a result.
"""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Any

from cardiotwin.units import kPa_to_mmHg, mm3_to_mL

logger = logging.getLogger(__name__)

SUMMARY_FILE = "summary.json"
PV_FILE = "pv.csv"


class MechanicsWriter:
    """Writes the outputs of one run of a :class:`MechanicsProblem` (collective).

    Use :meth:`write` as the ``on_step`` callback of
    :func:`~cardiotwin.mechanics.loading.solve_load_path`, then :meth:`finish` or
    :meth:`fail`.

    Parameters
    ----------
    problem
        The problem whose state is written.
    folder
        Output folder (created).
    vtx
        Also write the displacement in its own space to ``displacement.bp``.
    """

    def __init__(self, problem: Any, folder: str | Path, *, vtx: bool = True) -> None:
        import dolfinx.common
        from dolfinx import fem, io

        self.problem = problem
        self.folder = Path(folder)
        comm = problem.comm
        if comm.rank == 0:
            self.folder.mkdir(parents=True, exist_ok=True)
            stale = self.folder / SUMMARY_FILE
            if stale.exists():
                stale.unlink()  # an old summary must not vouch for this run
        comm.Barrier()
        mesh = problem.mesh
        self.V1 = fem.functionspace(mesh, ("Lagrange", 1, (3,)))
        self.u1 = fem.Function(self.V1, name="u")
        kin = problem.kinematics
        T0 = fem.functionspace(mesh, ("DG", 0, (3, 3)))
        S0 = fem.functionspace(mesh, ("DG", 0))
        self.E = fem.Function(T0, name="E")
        self._E_expr = fem.Expression(kin.E, T0.element.interpolation_points)
        self.Eff = None
        if problem.fibres is not None:
            self.Eff = fem.Function(S0, name="E_ff")
            self._Eff_expr = fem.Expression(kin.fibre_strain(),
                                            S0.element.interpolation_points)
        self.xdmf = io.XDMFFile(comm, str(self.folder / "mechanics.xdmf"), "w")
        self.xdmf.write_mesh(mesh)
        self.vtx = None
        if vtx and getattr(dolfinx.common, "has_adios2", False):
            self._u_out = problem.displacement()
            self.vtx = io.VTXWriter(comm, str(self.folder / "displacement.bp"),
                                    [self._u_out], engine="BP4")
        self._rows: list[dict[str, Any]] = []

    def write(self, problem: Any, record: Any) -> None:
        """Write the current (converged) state as load step ``record`` (collective)."""
        t = float(record.index)
        self.u1.interpolate(problem.displacement())
        self.xdmf.write_function(self.u1, t)
        self.E.interpolate(self._E_expr)
        self.xdmf.write_function(self.E, t)
        if self.Eff is not None:
            self.Eff.interpolate(self._Eff_expr)
            self.xdmf.write_function(self.Eff, t)
        if self.vtx is not None:
            problem.displacement()
            self.vtx.write(t)
        row: dict[str, Any] = {"index": record.index, "step": record.step,
                               "fraction": round(record.fraction, 12),
                               "newton_iterations": record.iterations}
        for k in record.pressures_kPa:
            p, v = record.pressures_kPa[k], record.volumes_mm3[k]
            row.update({f"{k}_pressure_kPa": p, f"{k}_pressure_mmHg": kPa_to_mmHg(p),
                        f"{k}_volume_mm3": v, f"{k}_volume_mL": mm3_to_mL(v)})
        if record.active_tension_kPa is not None:
            row["Ta_kPa"] = record.active_tension_kPa
        self._rows.append(row)
        if problem.comm.rank == 0:
            path = self.folder / PV_FILE
            with path.open("w", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(self._rows[0]))
                writer.writeheader()
                writer.writerows(self._rows)

    def _close(self) -> None:
        if self.xdmf is not None:
            self.xdmf.close()
            self.xdmf = None
        if self.vtx is not None:
            self.vtx.close()
            self.vtx = None

    def finish(self, summary: dict[str, Any]) -> Path:
        """Close the series and write ``summary.json`` with ``"converged": true``."""
        self._close()
        path = self.folder / SUMMARY_FILE
        if self.problem.comm.rank == 0:
            path.write_text(json.dumps({"converged": True, **summary}, indent=2, default=float))
        self.problem.comm.Barrier()
        return path

    def fail(self, error: BaseException, summary: dict[str, Any] | None = None) -> Path:
        """Close the series and write ``summary.json`` with ``"converged": false``."""
        self._close()
        path = self.folder / SUMMARY_FILE
        if self.problem.comm.rank == 0:
            body = {"converged": False, "error": str(error),
                    "converged_steps_written": len(self._rows), **(summary or {})}
            path.write_text(json.dumps(body, indent=2, default=float))
        self.problem.comm.Barrier()
        return path
