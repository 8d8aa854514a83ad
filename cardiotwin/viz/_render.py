"""Off-screen PyVista set-up and camera placement shared by the picture modules.

:func:`pyvista_offscreen` imports PyVista for rendering without a display: when no
``DISPLAY`` is set and an EGL library is present, VTK is asked for its EGL render window
(``VTK_DEFAULT_OPENGL_WINDOW``, read by VTK when it creates its first window), so that
off-screen pictures neither need an X server nor print VTK's "bad X server connection"
warning.  :func:`place_camera` looks at a mesh from a given direction and keeps the
bottom band of the picture (the colour bar) and the top line (the title) clear of it.
"""

from __future__ import annotations

import ctypes.util
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from cardiotwin._deps import require

#: Picture size (pixels) of every map.
WINDOW = (1000, 900)
#: Fraction of the picture height kept free at the bottom (colour bar) and top (title).
BAR_BAND, TITLE_BAND = 0.14, 0.07
#: Scalar-bar placement inside the bottom band (viewport fractions).
BAR = {"vertical": False, "position_x": 0.2, "position_y": 0.025, "width": 0.6,
       "height": 0.07, "title_font_size": 18, "label_font_size": 14}


def pyvista_offscreen() -> Any:
    """PyVista, set up to render off screen (see the module docstring)."""
    if (not os.environ.get("DISPLAY") and "VTK_DEFAULT_OPENGL_WINDOW" not in os.environ
            and ctypes.util.find_library("EGL")):
        os.environ["VTK_DEFAULT_OPENGL_WINDOW"] = "vtkEGLRenderWindow"
    pyvista = require("pyvista", extra="viz", purpose="Rendering pictures")
    pyvista.OFF_SCREEN = True
    return pyvista


def _unit(v: Sequence[float]) -> np.ndarray:
    a = np.asarray(v, float)
    n = float(np.linalg.norm(a))
    if not n > 0:
        raise ValueError(f"zero direction {v!r}")
    return a / n


def place_camera(plotter: Any, mesh: Any, view: tuple[Sequence[float], Sequence[float]] | None
                 ) -> None:
    """Look at ``mesh`` from ``view = (direction, up)`` (direction from the mesh towards the
    camera; default: isometric), fitting it between the title line and the colour bar."""
    direction, up = view if view is not None else ((1.0, 1.0, 1.0), (0.0, 0.0, 1.0))
    d = _unit(direction)
    u = np.asarray(up, float) - (np.dot(up, d)) * d
    u = _unit(u) if np.linalg.norm(u) > 1e-9 else _unit(np.cross(d, (1.0, 0.0, 0.0)))
    points = np.asarray(mesh.points, float)
    # centroid and radius: unlike the bounding box, they turn with the mesh
    centre = points.mean(axis=0) if len(points) else np.zeros(3)
    radius = float(np.max(np.linalg.norm(points - centre, axis=1))) if len(points) else 1.0
    cam = plotter.camera
    cam.focal_point = centre
    cam.up = u
    cam.parallel_projection = True
    cam.position = centre + d * 4.0 * radius
    # fit the silhouette: extent across the screen in the view plane
    right = np.cross(u, d)
    pts = points - centre
    half_h = 0.5 * float(np.ptp(pts @ u)) if len(pts) else radius
    half_w = float(np.max(np.abs(pts @ right))) if len(pts) else radius
    aspect = WINDOW[0] / WINDOW[1]
    usable = 1.0 - BAR_BAND - TITLE_BAND
    scale = max(half_h / usable, half_w / aspect) * 1.04
    cam.parallel_scale = scale
    # centre the silhouette vertically between the bands
    top, bottom = float(np.max(pts @ u)), float(np.min(pts @ u))
    mid = 0.5 * (top + bottom) - (BAR_BAND - TITLE_BAND) * scale
    cam.focal_point = centre + u * mid
    cam.position = centre + u * mid + d * 4.0 * radius
    plotter.renderer.ResetCameraClippingRange()


def label_format(clim: tuple[float, float] | None) -> str:
    """A colour-bar label format with as many decimals as the range needs."""
    span = abs(clim[1] - clim[0]) if clim else 100.0
    return "%.0f" if span >= 20 else "%.1f" if span >= 2 else "%.2f"
