"""Pictures of a deformed myocardium (PyVista, off screen) and pressure-volume curves."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin._deps import require

logger = logging.getLogger(__name__)


def render_deformed(grid: Any, path: str | Path, *, displacement: str = "u",
                    scalars: str | None = None, title: str, unit: str = "mm",
                    cmap: str = "viridis") -> Path:
    """The mesh moved by ``grid.point_data[displacement]`` (mm), coloured by ``scalars``
    (default: the displacement magnitude), over the grey wireframe of the reference
    configuration.  Rank 0 only (``grid`` from :func:`cardiotwin.viz.maps.gather_grid`).
    """
    pyvista = require("pyvista", extra="viz", purpose="Rendering the deformed mesh")
    pyvista.OFF_SCREEN = True
    path = Path(path)
    g = grid.copy()
    u = np.asarray(g.point_data[displacement], float).reshape(-1, 3)
    if scalars is None:
        scalars = f"|{displacement}|"
        g.point_data[scalars] = np.linalg.norm(u, axis=1)
    warped = g.warp_by_vector(displacement, factor=1.0)
    plotter = pyvista.Plotter(off_screen=True, window_size=(1000, 800))
    plotter.add_mesh(g.extract_surface(algorithm="dataset_surface").extract_feature_edges(
        boundary_edges=True, feature_edges=True, manifold_edges=False),
        color="grey", line_width=1)
    plotter.add_mesh(warped, scalars=scalars, cmap=cmap, smooth_shading=True,
                     scalar_bar_args={"title": f"{scalars} ({unit})", "vertical": False,
                                      "position_x": 0.2, "position_y": 0.04, "width": 0.6,
                                      "height": 0.08, "title_font_size": 18,
                                      "label_font_size": 14})
    plotter.add_text(title, font_size=14)
    plotter.view_isometric()
    plotter.camera.zoom(1.1)
    plotter.screenshot(str(path))
    plotter.close()
    return path


def plot_pressure_volume(curves: Mapping[str, tuple[Sequence[float], Sequence[float]]],
                         path: str | Path, *, title: str) -> Path:
    """Pressure (mmHg) against volume (mL), one line per label (matplotlib)."""
    require("matplotlib", extra="viz", purpose="Plotting pressure-volume curves")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    fig, ax = plt.subplots(figsize=(5, 4), dpi=120)
    for label, (volume_mL, pressure_mmHg) in curves.items():
        ax.plot(volume_mL, pressure_mmHg, marker="o", ms=3, label=label)
    ax.set_xlabel("cavity volume (mL)")
    ax.set_ylabel("cavity pressure (mmHg)")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
