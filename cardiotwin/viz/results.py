"""Pictures of a results folder (what ``cardiotwin plot`` draws).

What is drawn depends on what the folder holds (see :mod:`cardiotwin.studies.runner`):

- ``maps.xdmf``: activation, repolarisation and APD90 maps (PNG, colour bar in ms;
  never-activated tissue grey);
- ``v.xdmf`` (and ``v_from_*ms.xdmf`` of resumed runs): V snapshots (PNG panel) and a
  GIF animation of V;
- ``ecg.csv``, ``probes.csv``: the pseudo-ECG leads and the probe traces (matplotlib);
- the geometry folder it ran on (``mesh/`` or the ``geometry.mesh`` of ``config.json``):
  fibre glyphs and fibre streamlines coloured by the transmural coordinate;
- a folder of results folders (``cardiotwin demo``'s ``control/`` and ``drug/``):
  each one into a subfolder of the same name;
- a batch folder (``results.csv``): each headline number against each varied parameter.

Only MPI rank 0 renders (PyVista off screen, matplotlib Agg).
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)

#: the results of a batch member drawn by default (see ``cardiotwin.studies.batch``)
BATCH_COLUMNS = ("total_activation_ms", "activated_fraction", "apd90_mean_ms", "qt_ms")

MAPS = (("activation_ms", "activation_map.png", "Activation time"),
        ("repolarisation_ms", "repolarisation_map.png", "Repolarisation time"),
        ("apd90_ms", "apd90_map.png", "APD90"))


def _read_csv(path: Path) -> dict[str, np.ndarray]:
    with path.open() as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return {name: data[:, i] for i, name in enumerate(header)}


def _v_frames(folder: Path) -> tuple[Any, list[tuple[float, np.ndarray]]]:
    """The mesh grid and every ``(t, V)`` of the V series files, in time order."""
    from cardiotwin.io.xdmf import XdmfFile
    from cardiotwin.viz.maps import grid_from_mesh

    files = [folder / "v.xdmf"] if (folder / "v.xdmf").is_file() else []
    files += sorted(folder.glob("v_from_*ms.xdmf"),
                    key=lambda p: float(p.stem.removeprefix("v_from_").removesuffix("ms")))
    grid, frames, n_points = None, [], None
    for path in files:
        xf = XdmfFile(path)
        name = xf.functions[0] if xf.functions else None
        if name is None:
            continue
        mesh = xf.mesh
        if grid is None:
            grid, n_points = grid_from_mesh(mesh.points, mesh.cells, mesh.cell_type), len(
                mesh.points)
        elif len(mesh.points) != n_points or not np.allclose(mesh.points, grid.points):
            logger.warning("%s: another vertex order than %s; its frames are left out of the "
                           "pictures", path, files[0])
            continue
        t_last = frames[-1][0] if frames else -np.inf
        for i, t in enumerate(xf.times(name)):
            if t > t_last + 1e-9:
                frames.append((float(t), xf.read(name, i)))
    return grid, frames


def _geometry_folder(folder: Path) -> Path | None:
    if (folder / "mesh" / "fibres.npz").is_file():
        return folder / "mesh"
    cfg = folder / "config.json"
    if cfg.is_file():
        mesh = json.loads(cfg.read_text()).get("geometry", {}).get("mesh")
        if mesh and (Path(mesh) / "fibres.npz").is_file():
            return Path(mesh)
    return None


def plot_results(folder: str | Path, outdir: str | Path, *, snapshots: int = 6,
                 gif: bool = True, fps: int = 10, max_frames: int = 120,
                 fibres: bool = True,
                 batch_columns: Sequence[str] = BATCH_COLUMNS) -> dict[str, str]:
    """Render one results folder into ``outdir``; the written files, name -> path.

    Parameters
    ----------
    folder
        A results folder of ``cardiotwin run`` (or a folder of them, or a batch folder).
    outdir
        Where the pictures go (created).
    snapshots
        Number of V snapshots in the panel (evenly spaced over the series).
    gif
        Also write ``v.gif`` (at most ``max_frames`` frames, ``fps`` per second).
    fibres
        Draw the fibres of the geometry the run used, if found.
    batch_columns
        Result columns of a batch's ``results.csv`` drawn against each varied parameter.

    Raises
    ------
    ConfigError
        If ``folder`` holds nothing this command can draw.
    """
    folder, outdir = Path(folder).resolve(), Path(outdir).resolve()
    if not folder.is_dir():
        raise ConfigError(f"results folder not found: {folder}")
    if (folder / "results.csv").is_file() and (folder / "batch.json").is_file():
        outdir.mkdir(parents=True, exist_ok=True)
        return plot_batch(folder, outdir, batch_columns)
    known = ("maps.xdmf", "v.xdmf", "ecg.csv", "probes.csv")
    if not any((folder / n).is_file() for n in known):
        subs = [d for d in sorted(folder.iterdir())
                if d.is_dir() and any((d / n).is_file() for n in known)]
        if not subs:
            raise ConfigError(f"{folder} holds no results to plot (none of "
                              f"{', '.join(known)}, nor subfolders with them)")
        files: dict[str, str] = {}
        for d in subs:
            for k, v in plot_results(d, outdir / d.name, snapshots=snapshots, gif=gif,
                                     fps=fps, max_frames=max_frames, fibres=fibres,
                                     batch_columns=batch_columns).items():
                files[f"{d.name}/{k}"] = v
        return files
    from cardiotwin.viz.maps import grid_from_mesh, render_map

    outdir.mkdir(parents=True, exist_ok=True)
    files = {}
    if (folder / "maps.xdmf").is_file():
        from cardiotwin.io.xdmf import XdmfFile

        xf = XdmfFile(folder / "maps.xdmf")
        mesh = xf.mesh
        grid = grid_from_mesh(mesh.points, mesh.cells, mesh.cell_type)
        for field, name, title in MAPS:
            if field in xf.functions:
                grid.point_data[field] = xf.read(field)
                if np.any(grid.point_data[field] >= 0):
                    files[field] = str(render_map(grid, field, outdir / name, title=title,
                                                  unit="ms", invalid_below=0.0))
    grid, frames = _v_frames(folder)
    if frames:
        from cardiotwin.viz.series import animate_gif, render_snapshots

        idx = np.unique(np.linspace(0, len(frames) - 1, max(1, snapshots)).round().astype(int))
        files["v_snapshots"] = str(render_snapshots(grid, [frames[i] for i in idx],
                                                    outdir / "v_snapshots.png",
                                                    title="V", unit="mV"))
        if gif:
            step = max(1, -(-len(frames) // max_frames))
            files["v_gif"] = str(animate_gif(grid, frames[::step], outdir / "v.gif",
                                             title="V", unit="mV", fps=fps))
    from cardiotwin.viz.traces import plot_traces

    if (folder / "ecg.csv").is_file():
        ecg = _read_csv(folder / "ecg.csv")
        leads = {k: v for k, v in ecg.items() if k != "t_ms" and len(k) == 1} or {
            k: v for k, v in ecg.items() if k != "t_ms"}
        if leads:
            files["ecg"] = str(plot_traces(ecg["t_ms"], {folder.name: leads},
                                           outdir / "ecg.png", title="Pseudo-ECG",
                                           ylabel="mV"))
    if (folder / "probes.csv").is_file():
        pr = _read_csv(folder / "probes.csv")
        traces = {k: v for k, v in pr.items() if k != "t_ms"}
        if traces:
            files["probes"] = str(plot_traces(pr["t_ms"], {folder.name: traces},
                                              outdir / "probes.png",
                                              title="Membrane potential at the probes",
                                              ylabel="V (mV)"))
    geo = _geometry_folder(folder) if fibres else None
    if geo is not None:
        files.update(plot_fibres(geo, outdir))
    return files


def plot_fibres(geometry: str | Path, outdir: str | Path) -> dict[str, str]:
    """Fibre glyphs and streamlines of a geometry folder (``cardiotwin mesh`` output)."""
    from cardiotwin.io.xdmf import XdmfFile
    from cardiotwin.viz.maps import grid_from_mesh, render_fibre_streamlines, render_fibres

    geometry, outdir = Path(geometry), Path(outdir)
    mesh = XdmfFile(geometry / "mesh.xdmf").mesh
    with np.load(geometry / "fibres.npz") as d:  # rows in the order of mesh.xdmf
        if len(d["x"]) != len(mesh.points) or not np.allclose(d["x"], mesh.points):
            logger.warning("%s: fibres.npz does not match mesh.xdmf; fibres not drawn",
                           geometry)
            return {}
        grid = grid_from_mesh(mesh.points, mesh.cells, mesh.cell_type,
                              {"f0": d["f0"], "transmural": d["transmural"]})
    return {"fibres": str(render_fibres(grid, outdir / "fibres.png", scalars="transmural")),
            "fibre_streamlines": str(render_fibre_streamlines(
                grid, outdir / "fibre_streamlines.png"))}


def plot_batch(folder: Path, outdir: Path,
               columns: Sequence[str] = BATCH_COLUMNS) -> dict[str, str]:
    """Each result column of a batch's ``results.csv`` against each varied parameter."""
    from cardiotwin._deps import require

    require("matplotlib", extra="viz", purpose="Plotting batch results")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = json.loads((folder / "batch.json").read_text()).get("keys", [])
    with (folder / "results.csv").open() as f:
        rows = [r for r in csv.DictReader(f) if r["status"] == "done"]

    def numeric(col: str) -> np.ndarray | None:
        try:
            return np.array([float(r[col]) if r[col] != "" else np.nan for r in rows])
        except (ValueError, KeyError):
            return None

    xs = {k: v for k in keys if (v := numeric(k)) is not None}
    ys = {k: v for k in columns if (v := numeric(k)) is not None
          and np.isfinite(v).any()}
    if not rows or not xs or not ys:
        raise ConfigError(f"{folder / 'results.csv'}: no finished members with numeric "
                          "parameters and results to plot")
    fig, axes = plt.subplots(len(ys), len(xs), figsize=(3.6 * len(xs), 2.8 * len(ys)),
                             squeeze=False)
    for i, (yk, y) in enumerate(ys.items()):
        for j, (xk, x) in enumerate(xs.items()):
            ax = axes[i, j]
            ax.plot(x, y, "o", ms=4, alpha=0.8)
            ax.grid(alpha=0.3)
            if i == len(ys) - 1:
                ax.set_xlabel(xk)
            if j == 0:
                ax.set_ylabel(yk)
    fig.suptitle(f"{folder.name}: {len(rows)} members")
    fig.tight_layout()
    path = outdir / "batch_results.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return {"batch_results": str(path)}
