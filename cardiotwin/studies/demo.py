"""``cardiotwin demo``: the shipped default, end to end.

Shipped phantom label image -> tetrahedral mesh with tags -> LDRB fibres -> monodomain
with ten Tusscher–Panfilov 2006 endo/M/epi cells (from the transmural coordinate), a scar
that does not conduct and a slower border zone, sinus-like activation from the apical
two thirds of both endocardia; run once as control and once with a hERG (IKr) block,
then write activation/APD maps (PNG and XDMF), the V series for ParaView, a pseudo-ECG
with its plot, and a summary JSON into ``./cardiotwin-demo/``.

Conductivities are organ-scale values for ~1.5 mm tetrahedra (along/across fibres
0.35/0.12 S/m): at that resolution the Niederer-benchmark tissue values block
transverse conduction (see the README's benchmark section), as for every P1 code.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError

logger = logging.getLogger(__name__)

REPO_MESHES = Path(__file__).resolve().parents[1] / "meshes"


@dataclass(frozen=True)
class DemoConfig:
    """Settings of the demo (the defaults are what ``cardiotwin demo`` runs).

    Parameters
    ----------
    edge_length_mm
        Target tetrahedron edge length (mm).
    t_end_ms, dt_ms
        Simulated time and time step (ms).
    gkr_scale
        IKr conductance factor of the drug run (0.5 = 50 % hERG block).
    sigma_f_S_per_m, sigma_t_S_per_m
        Conductivity along and across fibres (S/m).
    series_every_ms
        Output interval of the V series (ms).
    endo_fraction, m_fraction
        Transmural extent of the endocardial and M-cell layers (0 endo .. 1 epi).
    mesh_dir
        Use this ready geometry folder instead of meshing the phantom.
    """

    edge_length_mm: float = 1.5
    t_end_ms: float = 480.0
    dt_ms: float = 0.05
    gkr_scale: float = 0.5
    sigma_f_S_per_m: float = 0.35
    sigma_t_S_per_m: float = 0.12
    series_every_ms: float = 5.0
    endo_fraction: float = 0.3
    m_fraction: float = 0.3
    mesh_dir: str | None = None

    def __post_init__(self) -> None:
        for name in ("edge_length_mm", "t_end_ms", "dt_ms", "sigma_f_S_per_m",
                     "sigma_t_S_per_m", "series_every_ms"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"demo {name} = {v!r}: expected a positive number")
        if not 0 <= self.gkr_scale <= 1:
            raise ConfigError(f"demo gkr_scale = {self.gkr_scale}: expected 0..1")


#: A coarse, fast variant used by the tests: the shipped 2.5 mm phantom mesh (conductivities
#: raised so that the coarse mesh conducts everywhere).
QUICK = DemoConfig(edge_length_mm=2.5, t_end_ms=400.0, dt_ms=0.05, series_every_ms=20.0,
                   sigma_f_S_per_m=0.6, sigma_t_S_per_m=0.25,
                   mesh_dir=str(REPO_MESHES / "phantom_biv")
                   if (REPO_MESHES / "phantom_biv" / "geometry.json").is_file() else None)


def _phantom_labels(outdir: Path, comm: Any) -> Path:
    """The shipped phantom label image (regenerated deterministically if not shipped)."""
    shipped = REPO_MESHES / "phantom_biv_labels.nii.gz"
    if shipped.is_file():
        return shipped
    target = outdir / "phantom_biv_labels.nii.gz"
    if comm.rank == 0:
        import nibabel

        from cardiotwin.geometry.phantom import PhantomSpec, make_phantom

        labels, _, spacing, origin, direction = make_phantom(PhantomSpec())
        affine = np.eye(4)
        affine[:3, :3] = direction * spacing
        affine[:3, 3] = origin
        img = nibabel.Nifti1Image(labels, affine)
        img.header.set_xyzt_units("mm")
        img.set_qform(affine, code=1)
        img.set_sform(affine, code=1)
        nibabel.save(img, target)
    comm.Barrier()
    return target


def demo_run_config(cfg: DemoConfig, mesh_dir: Path | None = None,
                    labels: Path | None = None) -> Any:
    """The demo's control run configuration (``cardiotwin/data/demo.toml``)."""
    import tomllib
    from importlib.resources import files

    from cardiotwin.studies.runconfig import RunConfig

    data = tomllib.loads(files("cardiotwin.data").joinpath("demo.toml").read_text())
    data["geometry"] = ({"mesh": str(mesh_dir)} if mesh_dir is not None
                        else {"labels": str(labels), "edge_length_mm": cfg.edge_length_mm})
    data["conductivity"].update(sigma_f=cfg.sigma_f_S_per_m, sigma_s=cfg.sigma_t_S_per_m)
    data["time"] = {"t_end_ms": cfg.t_end_ms, "dt_ms": cfg.dt_ms}
    data["output"]["series_every_ms"] = cfg.series_every_ms
    data["ionic"]["layers"] = [
        {"model": "tp06-endo", "transmural": [-1.0, cfg.endo_fraction]},
        {"model": "tp06-m", "transmural": [cfg.endo_fraction,
                                            cfg.endo_fraction + cfg.m_fraction]}]
    return RunConfig.from_dict(data, Path.cwd())


def run_demo(outdir: str | Path = "cardiotwin-demo", cfg: DemoConfig | None = None, *,
             comm: Any = None, progress: bool = True) -> dict[str, Any]:
    """Run the demo into ``outdir``; return the summary (same dict on every rank)."""
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    from cardiotwin.geometry import build_geometry
    from cardiotwin.studies.runconfig import DrugConfig
    from cardiotwin.studies.runner import prepare_results_dir, run_simulation, with_overrides

    cfg = cfg or DemoConfig()
    comm = comm or MPI.COMM_WORLD
    outdir = Path(outdir).resolve()
    prepare_results_dir(outdir, resume=False, overwrite=True, comm=comm)
    t_start = time.perf_counter()
    t0 = time.perf_counter()
    if cfg.mesh_dir:
        mesh_dir = Path(cfg.mesh_dir)
        mesh_report = json.loads((mesh_dir / "geometry.json").read_text())["report"]
    else:
        labels = _phantom_labels(outdir, comm)
        mesh_dir = outdir / "mesh"
        mesh_report = build_geometry(labels, mesh_dir, edge_length_mm=cfg.edge_length_mm,
                                     comm=comm, vtu=True)
    mesh_s = comm.allreduce(time.perf_counter() - t0, op=MPI.MAX)
    logger.info("demo: mesh %s cells, %s vertices in %.1f s", mesh_report.get("cells"),
                mesh_report.get("vertices"), mesh_s)
    control_cfg = demo_run_config(cfg, mesh_dir)
    drug_cfg = with_overrides(control_cfg,
                              drug=DrugConfig(scalings=(("gKr", cfg.gkr_scale),)))
    runs = {}
    for label, run_cfg in (("control", control_cfg), ("drug", drug_cfg)):
        runs[label] = run_simulation(run_cfg, outdir / label, comm=comm, overwrite=True,
                                     progress=progress, label=f"demo {label:8s}")
    outputs = _pictures(runs, outdir, comm)
    c, d = runs["control"], runs["drug"]
    summary = {
        "demo": "phantom biventricle, TP06 endo/M/epi, scar + border zone, sinus-like "
                f"activation, control vs IKr block (gKr x {cfg.gkr_scale})",
        "mesh": {k: mesh_report.get(k) for k in ("cells", "vertices", "min_dihedral_deg",
                                                  "volume_rel_diff", "helix_endo_deg",
                                                  "helix_epi_deg")},
        "ranks": comm.size,
        "t_end_ms": cfg.t_end_ms,
        "dt_ms": cfg.dt_ms,
        "total_activation_ms": c["total_activation_ms"],
        "activated_fraction": c["activated_fraction"],
        "apd90_mean_ms": {"control": c["apd90_mean_ms"], "drug": d["apd90_mean_ms"]},
        "apd90_change_ms": (round(d["apd90_mean_ms"] - c["apd90_mean_ms"], 2)
                            if c["apd90_mean_ms"] and d["apd90_mean_ms"] else None),
        "qt_ms": ({"control": c["qt_ms"], "drug": d["qt_ms"]}
                  if c["qt_ms"] is not None and d["qt_ms"] is not None else None),
        "wall_s": {"mesh": round(mesh_s, 2), "control": c["total_wall_s"],
                   "drug": d["total_wall_s"],
                   "total": round(comm.allreduce(time.perf_counter() - t_start, op=MPI.MAX), 2)},
        "performance_control": c["performance"],
        "outputs": {**outputs, "mesh_dir": str(mesh_dir),
                    **{f"{k}_{label}": v for label, r in runs.items()
                       for k, v in r["outputs"].items() if k in ("v_series", "maps")}},
    }
    if comm.rank == 0:
        (outdir / "summary.json").write_text(json.dumps(summary, indent=2))
    summary["outputs"]["summary"] = str(outdir / "summary.json")
    return summary


def _pictures(runs: dict[str, Any], outdir: Path, comm: Any) -> dict[str, str]:
    """Activation map, APD90 maps (common colour scale), fibres and the ECG overlay."""
    from cardiotwin.viz.maps import gather_grid, render_fibres, render_map
    from cardiotwin.viz.traces import plot_traces

    sims = {label: r["_sim"] for label, r in runs.items()}
    c = sims["control"]
    data = {}
    for label, sim in sims.items():
        for key, arr in (("activation", sim.tracker.first_activation),
                         ("apd90", sim.tracker.apd90)):
            fn = sim.nodal_field(np.where(np.isnan(arr), -1.0, arr), key)
            data[f"{key}_{label}"] = fn.x.array.copy()
    grid = gather_grid(c.V, data)
    out: dict[str, str] = {}
    fgrid = _fibre_grid(runs["control"], comm)
    if comm.rank == 0:
        out["activation_png"] = str(render_map(grid, "activation_control",
                                               outdir / "activation_map.png",
                                               title="Activation time", unit="ms",
                                               invalid_below=0.0))
        clim = _common_clim(grid, [f"apd90_{k}" for k in sims])
        for label in sims:
            out[f"apd_{label}_png"] = str(render_map(
                grid, f"apd90_{label}", outdir / f"apd90_map_{label}.png",
                title=f"APD90 ({label})", unit="ms", invalid_below=0.0, clim=clim))
        if fgrid is not None:
            out["fibres_png"] = str(render_fibres(fgrid, outdir / "fibres.png",
                                                  scalars="transmural"))
        ecgs = {label: r["_ecg"] for label, r in runs.items()}
        t = ecgs["control"]["t_ms"]
        out["ecg_png"] = str(plot_traces(
            t, {label: {k: e[k] for k in ("X", "Y", "Z")} for label, e in ecgs.items()},
            outdir / "ecg.png", title="Pseudo-ECG (orthogonal leads)", ylabel="mV"))
    return comm.bcast(out, root=0)


def _fibre_grid(run: dict[str, Any], comm: Any) -> Any:
    """Fibre directions and the transmural coordinate gathered on rank 0 (or None)."""
    from cardiotwin.geometry import load_geometry
    from cardiotwin.viz.maps import gather_grid

    mesh_dir = Path(json.loads(Path(run["outputs"]["config"]).read_text())["geometry"]["mesh"])
    geo = load_geometry(mesh_dir, comm)
    V = geo.fibres.transmural.function_space
    n = V.dofmap.index_map.size_local + V.dofmap.index_map.num_ghosts
    f = geo.fibres.f0.x.array.reshape(-1, 3)[:n]
    grid = gather_grid(V, {"fx": f[:, 0], "fy": f[:, 1], "fz": f[:, 2],
                           "transmural": geo.fibres.transmural.x.array[:n]})
    if grid is not None:
        grid.point_data["f0"] = np.column_stack([grid.point_data["fx"], grid.point_data["fy"],
                                                 grid.point_data["fz"]])
    return grid


def _common_clim(grid: Any, fields: list[str]) -> tuple[float, float]:
    vals = np.concatenate([np.asarray(grid.point_data[f]) for f in fields])
    vals = vals[vals > 0]
    return (float(vals.min()), float(vals.max())) if vals.size else (0.0, 1.0)


def demo_config_toml(cfg: DemoConfig) -> str:
    """The demo's control run as a standalone TOML run configuration (text)."""
    from importlib.resources import files

    labels = REPO_MESHES / "phantom_biv_labels.nii.gz"
    if not labels.is_file():
        raise ConfigError(f"the shipped phantom {labels} is not available in this installation")
    body = files("cardiotwin.data").joinpath("demo.toml").read_text()
    body = body.replace("t_end_ms = 480.0", f"t_end_ms = {cfg.t_end_ms}")
    return (body + f"\n[geometry]\nlabels = \"{labels}\"\n"
            f"edge_length_mm = {cfg.edge_length_mm}\n")
