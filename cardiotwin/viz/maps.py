"""Nodal maps (activation, APD, V snapshots, fibres) rendered off screen with PyVista."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require
from cardiotwin.viz._render import (
    BAR,
    WINDOW,
    label_format,
    place_camera,
    pyvista_offscreen,
)

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
               invalid_below: float | None = None,
               view: tuple[Sequence[float], Sequence[float]] | None = None) -> Path:
    """Render ``grid.point_data[field]`` to a PNG with a labelled colour bar (rank 0 only).

    ``invalid_below``: values below it (e.g. -1 for "never activated") are shown grey.
    ``view``: camera direction (from the heart towards the camera) and up vector, e.g.
    :meth:`cardiotwin.geometry.frame.HeartFrame.view`; default isometric.  The colour bar
    sits in a band below the mesh, never over it.
    """
    pyvista = pyvista_offscreen()
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
    plotter = pyvista.Plotter(off_screen=True, window_size=WINDOW)
    plotter.add_mesh(g, scalars=field, cmap=cmap, clim=clim, nan_color="lightgrey",
                     scalar_bar_args={"title": f"{title} ({unit})", "fmt": label_format(clim),
                                      **BAR},
                     show_edges=False, smooth_shading=True, ambient=0.3)
    plotter.add_text(title, font_size=12, position="upper_left")
    place_camera(plotter, g, view)
    plotter.screenshot(str(path))
    plotter.close()
    return path


def render_fibres(grid: Any, path: str | Path, *, vectors: str = "f0", scalars: str | None = None,
                  stride: int | None = None, scale_mm: float | None = None,
                  view: tuple[Sequence[float], Sequence[float]] | None = None) -> Path:
    """Glyphs of a nodal vector field (fibre directions) in the volume (rank 0 only).

    One line glyph of length ``scale_mm`` (default 1/25 of the mesh extent) along
    ``vectors`` at every ``stride``-th vertex (default: about 2000 glyphs), coloured by
    ``scalars`` (e.g. the transmural coordinate), inside the translucent anatomy.
    """
    pyvista = pyvista_offscreen()
    path = Path(path)
    points = np.asarray(grid.points)
    stride = stride or max(1, grid.n_points // 2000)
    extent = float(np.max(np.ptp(points, axis=0))) if grid.n_points else 1.0
    pts = pyvista.PolyData(points[::stride])
    for name in (vectors, scalars):
        if name:
            pts.point_data[name] = np.asarray(grid.point_data[name])[::stride]
    glyphs = pts.glyph(orient=vectors, scale=False, factor=scale_mm or extent / 25,
                       geom=pyvista.Line())
    plotter = pyvista.Plotter(off_screen=True, window_size=WINDOW)
    plotter.add_mesh(grid.extract_surface(algorithm="dataset_surface"), color="white",
                     opacity=0.2)
    bar = {"title": f"{scalars} (0 endo, 1 epi)" if scalars == "transmural" else scalars or "",
           **BAR}
    plotter.add_mesh(glyphs, scalars=scalars, cmap="coolwarm", line_width=3,
                     scalar_bar_args=bar, show_scalar_bar=scalars is not None)
    plotter.add_text(f"fibre directions ({vectors})", font_size=12, position="upper_left")
    place_camera(plotter, grid, view)
    plotter.screenshot(str(path))
    plotter.close()
    return path


def grid_from_mesh(points: npt.NDArray, cells: npt.NDArray, cell_type: str = "Tetrahedron",
                   point_data: Mapping[str, npt.NDArray] | None = None) -> Any:
    """A ``pyvista.UnstructuredGrid`` from vertex coordinates (mm) and cells.

    ``cell_type`` is an XDMF topology name (see :data:`cardiotwin.io.xdmf.CELL_TYPES`).
    """
    pyvista = require("pyvista", extra="viz", purpose="Rendering maps")
    from cardiotwin.io.xdmf import CELL_TYPES

    vtk_type, k = CELL_TYPES[cell_type]
    cells = np.asarray(cells, np.int64).reshape(-1, k)
    conn = np.column_stack([np.full(len(cells), k, np.int64), cells]).ravel()
    grid = pyvista.UnstructuredGrid(conn, np.full(len(cells), vtk_type, np.uint8),
                                    np.asarray(points, float))
    for name, values in (point_data or {}).items():
        grid.point_data[name] = np.asarray(values)
    return grid


def render_fibre_streamlines(grid: Any, path: str | Path, *, vectors: str = "f0",
                             scalars: str | None = "transmural", n_seeds: int = 400,
                             seed: int = 0, max_length_mm: float = 40.0,
                             view: tuple[Sequence[float], Sequence[float]] | None = None
                             ) -> Path:
    """Fibre tracts: streamlines of a nodal direction field through the volume (rank 0).

    Seeds are ``n_seeds`` random mesh vertices; each streamline is integrated both ways
    along ``vectors`` (a fibre direction field has no sign, but it is continuous inside
    the wall, which is all a streamline needs) and coloured by ``scalars``.
    """
    pyvista = pyvista_offscreen()
    path = Path(path)
    rng = np.random.default_rng(seed)
    ids = rng.choice(grid.n_points, size=min(n_seeds, grid.n_points), replace=False)
    source = pyvista.PolyData(np.asarray(grid.points)[ids])
    extent = float(np.max(np.ptp(np.asarray(grid.points), axis=0)))
    lines = grid.streamlines_from_source(
        source, vectors=vectors, integration_direction="both",
        max_length=max_length_mm, initial_step_length=0.2, max_step_length=0.5,
        step_unit="cl", max_steps=4000, surface_streamlines=False)
    plotter = pyvista.Plotter(off_screen=True, window_size=WINDOW)
    plotter.add_mesh(grid.extract_surface(algorithm="dataset_surface"), color="white",
                     opacity=0.15)
    if lines.n_points:
        tubes = lines.tube(radius=extent * 0.002)
        plotter.add_mesh(tubes, scalars=scalars if scalars in tubes.point_data else None,
                         cmap="coolwarm", clim=(0.0, 1.0),
                         scalar_bar_args={"title": f"{scalars} (0 endo, 1 epi)", **BAR})
    else:
        logger.warning("no fibre streamlines could be traced in %s", path)
    plotter.add_text("fibre tracts (streamlines of f0)", font_size=12, position="upper_left")
    place_camera(plotter, grid, view)
    plotter.screenshot(str(path))
    plotter.close()
    return path


#: Fields of :func:`save_map`: name -> (tracker attribute, title, unit).
MAP_FIELDS = {"activation": ("first_activation", "Activation time", "ms"),
              "repolarisation": ("repolarisation", "Repolarisation time", "ms"),
              "apd90": ("apd90", "APD90", "ms")}


def save_map(sim: Any, field: str, path: str | Path, *, view: Any = "anterior",
             title: str | None = None, clim: tuple[float, float] | None = None) -> Path:
    """A PNG of a map of a running or finished simulation, seen from the heart's own axes.

    Collective (the mesh and values are gathered on rank 0, which renders); every rank
    gets the path.  ``field`` is ``"activation"``, ``"repolarisation"`` or ``"apd90"``
    (never-activated tissue grey).  ``view`` is a view name of
    :class:`cardiotwin.geometry.frame.HeartFrame` (``"anterior"``, ``"lao"``, ``"base"``,
    ``"posterior"``; used when the simulation runs on a geometry), ``None`` (isometric)
    or ``(direction, up)``.
    """
    from cardiotwin.exceptions import ConfigError

    if field not in MAP_FIELDS:
        raise ConfigError(f"save_map field {field!r}: expected one of {', '.join(MAP_FIELDS)}")
    attr, default_title, unit = MAP_FIELDS[field]
    if isinstance(view, str):
        geometry = getattr(sim, "geometry", None)
        if geometry is None:
            view = None  # a bare mesh has no heart axes
        else:
            from cardiotwin.geometry.frame import heart_frame

            view = heart_frame(geometry).view(view)
    values = np.asarray(getattr(sim.tracker, attr), float)
    fn = sim.nodal_field(np.where(np.isnan(values), -1.0, values), field)
    grid = gather_grid(sim.V, {field: fn.x.array})
    out = Path(path)
    if sim.comm.rank == 0:
        out.parent.mkdir(parents=True, exist_ok=True)
        render_map(grid, field, out, title=title or default_title, unit=unit, clim=clim,
                   invalid_below=0.0, view=view)
    sim.comm.Barrier()
    return out
