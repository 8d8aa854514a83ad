"""Maps of flat sheets (x-y plane) drawn with matplotlib (Agg backend)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require


def plot_sheet_map(xy_mm: npt.ArrayLike, values: npt.ArrayLike, path: str | Path, *,
                   title: str, unit: str,
                   boxes: Sequence[tuple[tuple[float, float], tuple[float, float]]] = (),
                   markers: Sequence[tuple[float, float]] = (),
                   marker_label: str = "", cmap: str = "jet") -> Path:
    """Filled isochrones of nodal ``values`` on a flat sheet; NaN values are drawn grey.

    Parameters
    ----------
    xy_mm
        ``(n, 2)`` node coordinates (mm); duplicates are allowed.
    values
        ``(n,)`` values (e.g. activation times, ms); NaN = no value (scar, not activated).
    path
        PNG file to write.
    title, unit
        Plot title and colour-bar label.
    boxes
        Rectangles ``((x0, y0), (x1, y1))`` outlined in black (e.g. scar blocks).
    markers
        Points (mm) marked with white stars (e.g. earliest activation per cycle).
    """
    require("matplotlib", extra="viz", purpose="Plotting sheet maps")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    xy = np.asarray(xy_mm, float).reshape(-1, 2)
    vals = np.asarray(values, float).reshape(-1)
    ux = np.unique(np.round(xy[:, 0], 9))
    uy = np.unique(np.round(xy[:, 1], 9))
    grid = np.full((uy.size, ux.size), np.nan)
    ix = np.searchsorted(ux, np.round(xy[:, 0], 9))
    iy = np.searchsorted(uy, np.round(xy[:, 1], 9))
    grid[iy, ix] = vals
    fig, ax = plt.subplots(figsize=(7.0, 1.4 + 5.6 * (np.ptp(uy) / max(np.ptp(ux), 1e-9))))
    ax.set_facecolor("0.6")
    finite = np.isfinite(grid)
    if finite.any():
        lo, hi = float(np.nanmin(grid)), float(np.nanmax(grid))
        levels = np.linspace(lo, hi if hi > lo else lo + 1.0, 21)
        cs = ax.contourf(ux, uy, np.ma.masked_invalid(grid), levels=levels, cmap=cmap)
        ax.contour(ux, uy, np.ma.masked_invalid(grid), levels=levels[::2], colors="k",
                   linewidths=0.3)
        fig.colorbar(cs, ax=ax, label=unit, shrink=0.9)
    for (x0, y0), (x1, y1) in boxes:
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, ec="k", lw=1.0))
    if len(markers):
        m = np.asarray(markers, float).reshape(-1, 2)
        ax.plot(m[:, 0], m[:, 1], "w*", ms=12, mec="k", label=marker_label or None)
        if marker_label:
            ax.legend(loc="upper right", fontsize=7)
    ax.set_aspect("equal")
    ax.set_xlabel("x (mm)")
    ax.set_ylabel("y (mm)")
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out
