"""Membrane potential in time: snapshot panels (PNG) and animations (GIF), off screen."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require
from cardiotwin.viz._render import pyvista_offscreen

logger = logging.getLogger(__name__)

_BAR = {"vertical": False, "position_x": 0.1, "position_y": 0.03, "width": 0.8,
        "height": 0.1, "title_font_size": 20, "label_font_size": 16, "fmt": "%.0f"}


def _clim(frames: Sequence[tuple[float, npt.NDArray]]) -> tuple[float, float]:
    lo = min(float(np.nanmin(v)) for _, v in frames)
    hi = max(float(np.nanmax(v)) for _, v in frames)
    return (lo, hi if hi > lo else lo + 1.0)


def render_snapshots(grid: Any, frames: Sequence[tuple[float, npt.NDArray]], path: str | Path,
                     *, title: str = "V", unit: str = "mV", cmap: str = "coolwarm",
                     clim: tuple[float, float] | None = None, columns: int = 3) -> Path:
    """A panel of nodal fields at several times, one colour scale (rank 0 only).

    Parameters
    ----------
    grid
        ``pyvista.UnstructuredGrid`` of the mesh (mm).
    frames
        ``(time_ms, values)`` pairs, values per grid point.
    path
        The PNG to write.
    title, unit
        Name and unit of the field (colour bar title ``"title (unit)"``).
    clim
        Colour range; default the range over all frames.
    """
    pyvista = pyvista_offscreen()
    path = Path(path)
    clim = clim or _clim(frames)
    rows = -(-len(frames) // columns)
    cols = min(columns, len(frames))
    plotter = pyvista.Plotter(off_screen=True, shape=(rows, cols),
                              window_size=(420 * cols, 380 * rows + 60), border=False)
    for i, (t, values) in enumerate(frames):
        plotter.subplot(i // cols, i % cols)
        g = grid.copy()
        g.point_data[title] = np.asarray(values, float)
        plotter.add_mesh(g, scalars=title, cmap=cmap, clim=clim, smooth_shading=True,
                         show_scalar_bar=False)
        plotter.add_text(f"t = {t:.0f} ms", font_size=11)
        plotter.view_isometric()
        plotter.camera.zoom(1.25)
    plotter.subplot(rows - 1, cols - 1)
    plotter.add_scalar_bar(title=f"{title} ({unit})", **_BAR)
    plotter.screenshot(str(path))
    plotter.close()
    return path


def animate_gif(grid: Any, frames: Sequence[tuple[float, npt.NDArray]], path: str | Path, *,
                title: str = "V", unit: str = "mV", cmap: str = "coolwarm",
                clim: tuple[float, float] | None = None, fps: int = 10,
                window_size: tuple[int, int] = (640, 560)) -> Path:
    """An animated GIF of a nodal field over time (rank 0 only; needs imageio).

    Parameters are as for :func:`render_snapshots`; ``fps`` is frames per second.
    """
    pyvista = pyvista_offscreen()
    require("imageio", extra="viz", purpose="Writing GIF animations")
    path = Path(path)
    clim = clim or _clim(frames)
    g = grid.copy()
    g.point_data[title] = np.asarray(frames[0][1], float)
    plotter = pyvista.Plotter(off_screen=True, window_size=window_size)
    plotter.add_mesh(g, scalars=title, cmap=cmap, clim=clim, smooth_shading=True,
                     scalar_bar_args={"title": f"{title} ({unit})", **_BAR})
    label = plotter.add_text(f"t = {frames[0][0]:.0f} ms", font_size=12)
    plotter.view_isometric()
    plotter.camera.zoom(1.2)
    plotter.open_gif(str(path), fps=fps)
    for t, values in frames:
        g.point_data[title][:] = np.asarray(values, float)
        label.set_text("upper_left", f"t = {t:.0f} ms")
        plotter.write_frame()
    plotter.close()
    return path
