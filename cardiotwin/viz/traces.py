"""Time traces (ECG leads, probes, single-cell APs) plotted with matplotlib (Agg backend)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require


def plot_traces(t_ms: npt.ArrayLike, series: Mapping[str, Mapping[str, npt.ArrayLike]],
                path: str | Path, *, title: str, ylabel: str) -> Path:
    """One panel per signal name, each overlaying the same signal of several runs.

    Parameters
    ----------
    t_ms
        Common time axis (ms).
    series
        run label -> {signal name -> values}.
    """
    require("matplotlib", extra="viz", purpose="Plotting traces")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(next(iter(series.values())))
    fig, axes = plt.subplots(len(names), 1, figsize=(8, 2.2 * len(names) + 0.8), sharex=True,
                             squeeze=False)
    t = np.asarray(t_ms)
    for ax, name in zip(axes[:, 0], names, strict=True):
        for label, sig in series.items():
            ax.plot(t[: len(sig[name])], sig[name], label=label, lw=1.2)
        ax.set_ylabel(f"{name}\n{ylabel}")
        ax.grid(alpha=0.3)
    axes[0, 0].legend(loc="upper right", fontsize=8)
    axes[0, 0].set_title(title)
    axes[-1, 0].set_xlabel("time (ms)")
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
