"""12-lead ECG pictures: the clinical layout, and the electrodes on the generic torso.

The clinical layout is the printed 12-lead ECG: four columns (I II III | aVR aVL aVF |
V1 V2 V3 | V4 V5 V6) of 2.5 s each over three rows, and lead II as a rhythm strip along the
bottom, on a grid of 1 mm small and 5 mm large squares at 25 mm/s and 10 mm/mV.  A record
shorter than a column's window is drawn once in each column (a single simulated beat).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require

_LAYOUT = (("I", "aVR", "V1", "V4"), ("II", "aVL", "V2", "V5"), ("III", "aVF", "V3", "V6"))
MM_PER_S = 25.0
MM_PER_MV = 10.0


def _plt() -> Any:
    require("matplotlib", extra="viz", purpose="Plotting ECGs")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_ecg12(ecg: Any, path: str | Path, *, overlay: Any = None, title: str = "",
               labels: tuple[str, str] = ("measured", "twin"),
               column_ms: float | None = None) -> Path:
    """Draw an :class:`~cardiotwin.io.ecg.ECG12` in the clinical layout (module notes).

    ``overlay`` is a second record drawn over the first in another colour (e.g. a twin's
    fitted ECG over the measured one), on its own times.  ``column_ms`` is the width of a
    column (default 2500 ms, or the record's length if shorter).
    """
    plt = _plt()
    t = ecg.t_ms - ecg.t_ms[0]
    col = column_ms or min(2500.0, float(t[-1]))
    row_mv = 2.5  # height of a row (mV) -> 25 mm
    width_mm = 4 * col / 1000.0 * MM_PER_S
    height_mm = 4 * row_mv * MM_PER_MV
    zoom = min(3.0, 250.0 / width_mm)  # drawn larger than paper for short records
    fig = plt.figure(figsize=(width_mm / 25.4 * zoom + 0.3, height_mm / 25.4 * zoom + 0.7))
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.88 if title else 0.96))
    ax.set_xlim(0, width_mm)
    ax.set_ylim(0, height_mm)
    ax.set_aspect("equal")
    for x in np.arange(0, width_mm + 1e-9, 1.0):
        ax.axvline(x, color="#f4c6c6", lw=0.5 if x % 5 == 0 else 0.2, zorder=0)
    for y in np.arange(0, height_mm + 1e-9, 1.0):
        ax.axhline(y, color="#f4c6c6", lw=0.5 if y % 5 == 0 else 0.2, zorder=0)
    ax.set_xticks([])
    ax.set_yticks([])

    def draw(rec: Any, lead: str, x0_mm: float, y0_mm: float, span_ms: float, colour: str,
             label: str | None) -> None:
        tt = rec.t_ms - ecg.t_ms[0]
        sel = tt <= span_ms
        ax.plot(x0_mm + tt[sel] / 1000.0 * MM_PER_S, y0_mm + rec.leads[lead][sel] * MM_PER_MV,
                color=colour, lw=0.8, label=label)

    for r, row in enumerate(_LAYOUT):
        y0 = height_mm - (r + 0.5) * row_mv * MM_PER_MV
        for c, lead in enumerate(row):
            x0 = c * col / 1000.0 * MM_PER_S
            draw(ecg, lead, x0, y0, col, "black", labels[0] if (r, c) == (0, 0) else None)
            if overlay is not None:
                draw(overlay, lead, x0, y0, col, "tab:blue",
                     labels[1] if (r, c) == (0, 0) else None)
            ax.text(x0 + 1.0, y0 + 0.35 * row_mv * MM_PER_MV, lead, fontsize=8)
    y0 = 0.5 * row_mv * MM_PER_MV
    span = min(4 * col, float(t[-1]))
    draw(ecg, "II", 0.0, y0, span, "black", None)
    if overlay is not None:
        draw(overlay, "II", 0.0, y0, span, "tab:blue", None)
    ax.text(1.0, y0 + 0.35 * row_mv * MM_PER_MV, "II (rhythm)", fontsize=8)
    if overlay is not None:
        ax.legend(loc="upper right", fontsize=7)
    if title:
        fig.suptitle(f"{title}\n25 mm/s, 10 mm/mV", fontsize=9)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=150)
    plt.close(fig)
    return out


def plot_electrodes(points_mm: npt.NDArray[np.float64], electrodes: Mapping[str, Any],
                    body_to_mesh: tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]],
                    path: str | Path, *, outline: npt.NDArray[np.float64] | None = None
                    ) -> Path:
    """Frontal and transverse views (body axes) of a heart's vertices and the electrodes.

    ``body_to_mesh`` is ``(R, c)`` of :func:`cardiotwin.ep.electrodes.body_to_mesh`;
    ``outline`` the torso's cross-section (RAS, mm).
    """
    plt = _plt()
    R, c = body_to_mesh
    to_body = lambda p: (np.asarray(p, float) - c) @ R  # noqa: E731 - mesh -> RAS
    hb = to_body(points_mm)
    fig, axes = plt.subplots(1, 2, figsize=(11, 5.5))
    views = ((0, 2, "frontal (patient facing you)", "right  <-  x (mm)  ->  left", "z (mm)"),
             (0, 1, "transverse (from the feet)", "right  <-  x (mm)  ->  left", "y (mm)"))
    for ax, (i, j, name, xl, yl) in zip(axes, views, strict=True):
        ax.scatter(-hb[::7, i], hb[::7, j], s=1, c="tab:red", alpha=0.4, label="heart")
        if outline is not None and j == 1:
            ax.plot(-outline[:, 0], outline[:, 1], color="grey", lw=1, label="torso")
        for name_e, p in electrodes.items():
            b = to_body(p)
            ax.scatter(-b[i], b[j], c="black", s=18)
            ax.annotate(name_e, (-b[i], b[j]), textcoords="offset points", xytext=(3, 3),
                        fontsize=8)
        ax.set_title(name)
        ax.set_xlabel(xl)
        ax.set_ylabel(yl)
        ax.set_aspect("equal")
        ax.grid(alpha=0.3)
    axes[1].legend(loc="lower right", fontsize=8)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out


def plot_posterior(samples: Mapping[str, npt.ArrayLike], path: str | Path, *,
                   truth: Mapping[str, float] | None = None) -> Path:
    """Histograms of posterior samples, one panel per parameter (truth as a red line)."""
    plt = _plt()
    names = list(samples)
    ncol = min(4, len(names))
    nrow = int(np.ceil(len(names) / ncol))
    fig, axes = plt.subplots(nrow, ncol, figsize=(3.2 * ncol, 2.5 * nrow), squeeze=False)
    for ax, name in zip(axes.ravel(), names, strict=False):
        ax.hist(np.asarray(samples[name], float), bins=20, color="tab:blue", alpha=0.7)
        if truth and name in truth:
            ax.axvline(truth[name], color="red", lw=1.5)
        ax.set_title(name, fontsize=9)
    for ax in axes.ravel()[len(names):]:
        ax.axis("off")
    fig.tight_layout()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out
