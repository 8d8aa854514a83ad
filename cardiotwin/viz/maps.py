"""Nodal maps (activation, APD, V snapshots, fibres) rendered off screen with PyVista."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require

logger = logging.getLogger(__name__)


def gather_grid(V: Any, point_data: Mapping[str, npt.NDArray]) -> Any:
    """Collect a P1 space's mesh and nodal arrays on rank 0 as a ``pyvista.UnstructuredGrid``.

    ``point_data`` arrays are over the local dofs (owned first, then ghosts, as in
    ``Function.x.array``).  Returns ``None`` on ranks other than 0.  Collective.
    """
    pyvista = require("pyvista", extra="viz", purpose="Rendering maps")
    import dolfinx.plot

    topology, cell_types, x = dolfinx.plot.vtk_mesh(V)
    n_local = x.shape[0]
    arrays = {k: np.asarray(v, float)[:n_local] for k, v in point_data.items()}
    comm = V.mesh.comm
    parts = comm.gather((topology, cell_types, x, arrays), root=0)
    if comm.rank != 0:
        return None
    topo_all, types_all, x_all, data_all = [], [], [], {k: [] for k in arrays}
    offset = 0
    for topo, types, xx, arr in parts:
        t = topo.copy().reshape(-1)
        # VTK cell array: [n, i0, i1, ..., n, ...]; shift point indices by the offset
        i = 0
        while i < t.size:
            n = t[i]
            t[i + 1:i + 1 + n] += offset
            i += n + 1
        topo_all.append(t)
        types_all.append(types)
        x_all.append(xx)
        for k in data_all:
            data_all[k].append(arr[k])
        offset += xx.shape[0]
    grid = pyvista.UnstructuredGrid(np.concatenate(topo_all), np.concatenate(types_all),
                                    np.concatenate(x_all))
    for k, v in data_all.items():
        grid.point_data[k] = np.concatenate(v)
    return grid


def render_map(grid: Any, field: str, path: str | Path, *, title: str, unit: str,
               cmap: str = "turbo", clim: tuple[float, float] | None = None,
               invalid_below: float | None = None) -> Path:
    """Render ``grid.point_data[field]`` to a PNG with a labelled colour bar (rank 0 only).

    ``invalid_below``: values below it (e.g. -1 for "never activated") are shown grey.
    """
    pyvista = require("pyvista", extra="viz", purpose="Rendering maps")
    pyvista.OFF_SCREEN = True
    path = Path(path)
    g = grid.copy()
    vals = np.asarray(g.point_data[field], float)
    if invalid_below is not None:
        vals = np.where(vals < invalid_below, np.nan, vals)
    g.point_data[field] = vals
    finite = vals[np.isfinite(vals)]
    if clim is None and finite.size:
        clim = (float(finite.min()), float(finite.max()) if finite.max() > finite.min()
                else float(finite.min()) + 1.0)
    plotter = pyvista.Plotter(off_screen=True, window_size=(1000, 800))
    plotter.add_mesh(g, scalars=field, cmap=cmap, clim=clim, nan_color="lightgrey",
                     scalar_bar_args={"title": f"{title} ({unit})", "vertical": False,
                                      "position_x": 0.2, "position_y": 0.04, "width": 0.6,
                                      "height": 0.08, "title_font_size": 18,
                                      "label_font_size": 14, "fmt": "%.0f"},
                     show_edges=False, smooth_shading=True)
    plotter.add_text(title, font_size=14)
    plotter.view_isometric()
    plotter.camera.zoom(1.2)
    plotter.screenshot(str(path))
    plotter.close()
    return path


def render_fibres(grid: Any, path: str | Path, *, vectors: str = "f0", scalars: str | None = None,
                  stride: int = 7, scale_mm: float = 1.5) -> Path:
    """Glyphs of a nodal vector field (fibre directions) on the surface (rank 0 only)."""
    pyvista = require("pyvista", extra="viz", purpose="Rendering fibres")
    pyvista.OFF_SCREEN = True
    path = Path(path)
    pts = grid.extract_points(np.arange(0, grid.n_points, max(1, stride)),
                              adjacent_cells=False)
    glyphs = pts.glyph(orient=vectors, scale=False, factor=scale_mm, geom=pyvista.Line())
    plotter = pyvista.Plotter(off_screen=True, window_size=(1000, 800))
    plotter.add_mesh(grid, color="white", opacity=0.25)
    plotter.add_mesh(glyphs, scalars=scalars, cmap="coolwarm", line_width=2,
                     scalar_bar_args={"title": scalars or ""})
    plotter.add_text("fibre directions", font_size=14)
    plotter.view_isometric()
    plotter.screenshot(str(path))
    plotter.close()
    return path
