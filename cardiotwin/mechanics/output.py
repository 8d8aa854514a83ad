"""Outputs of a mechanics run: field series for ParaView and the pressure–volume table.

A folder written by :class:`MechanicsWriter` holds

- ``mechanics.xdmf`` / ``.h5``: per converged load step the displacement ``u`` (mm,
  at the geometry nodes), the Green–Lagrange strain ``E``, the Cauchy stress ``sigma``
  (kPa) and, with fibres, the fibre strain ``E_ff = f0·E f0`` and fibre stress
  ``sigma_ff = f·sigma f`` (``f = F f0 / |F f0|``), each the average over the cell
  (DG0, by the problem's quadrature rule) -- open it in ParaView and use *Warp By
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
        import ufl
        from dolfinx import fem, io, la

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
        # XDMF stores node values on the mesh's own geometry: same degree
        cmaps = getattr(mesh.geometry, "cmaps", None)
        degree = cmaps[0].degree if cmaps else mesh.geometry.cmap.degree
        self.V1 = fem.functionspace(mesh, ("Lagrange", degree, (3,)))
        self.u1 = fem.Function(self.V1, name="u")
        kin = problem.kinematics
        T0 = fem.functionspace(mesh, ("DG", 0, (3, 3)))
        S0 = fem.functionspace(mesh, ("DG", 0))
        # cell averages by quadrature with the problem's own rule: exact DG0 projections,
        # and valid for fibres given at quadrature points
        dx = ufl.Measure("dx", domain=mesh,
                         metadata={"quadrature_degree": problem.config.quadrature_degree})
        volume = fem.assemble_vector(fem.form(ufl.TestFunction(S0) * dx))
        volume.scatter_reverse(la.InsertMode.add)
        volume.scatter_forward()  # ghost cells too: no division by zero below
        self._cell_volume = volume.array.copy()
        F = kin.F
        sigma = problem.first_piola_ufl * F.T / ufl.det(F)
        fields = [("E", T0, kin.E), ("sigma", T0, sigma)]
        if problem.fibres is not None:
            f = F * kin.direction("f0")
            f = f / ufl.sqrt(ufl.dot(f, f))
            fields += [("E_ff", S0, kin.fibre_strain()),
                       ("sigma_ff", S0, ufl.inner(sigma * f, f))]
        self._averages = [
            (fem.Function(V, name=name), fem.form(ufl.inner(expr, ufl.TestFunction(V)) * dx))
            for name, V, expr in fields]
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
        for fn, form in self._averages:
            self._cell_average(fn, form)
            self.xdmf.write_function(fn, t)
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

    def _cell_average(self, fn: Any, form: Any) -> None:
        from dolfinx import fem, la

        vec = fem.assemble_vector(form)
        vec.scatter_reverse(la.InsertMode.add)
        bs = fn.function_space.dofmap.index_map_bs
        fn.x.array[:] = (vec.array.reshape(-1, bs) / self._cell_volume[:, None]).ravel()
        fn.x.scatter_forward()

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
