"""Run a configuration (:mod:`cardiotwin.studies.runconfig`): geometry -> monodomain -> results.

Layout of a results folder::

    config.json            the validated configuration
    run.log                log of the run (rank 0)
    mesh/                  the geometry (when meshed from a label image)
    v.xdmf (+ .h5)         membrane potential series (ParaView/PyVista)
    maps.xdmf (+ .h5)      activation, repolarisation and APD90 maps (ms)
    ecg.csv, probes.csv    pseudo-ECG leads (mV) and probe traces (mV)
    ecg12.csv              the 12-lead ECG (with ``[output] ecg = "12-lead"``)
    activation_map.png, apd90_map.png, ecg.png
    checkpoint/            the latest checkpoint (``cardiotwin run --resume`` continues it)
    summary.json           headline numbers and the list of files, written last

A run that fails leaves everything it finished in place; the error message says how to
resume from the last checkpoint.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import CardiotwinError, ConfigError
from cardiotwin.studies.runconfig import RunConfig, config_to_dict

logger = logging.getLogger(__name__)


def prepare_results_dir(outdir: Path, *, resume: bool, overwrite: bool, comm: Any) -> None:
    """Check/create the results folder: never overwrite without ``overwrite``. Collective."""
    err = None
    if comm.rank == 0:
        if outdir.exists() and any(outdir.iterdir()):
            if resume:
                if not (outdir / "checkpoint" / "meta.json").is_file():
                    err = (f"cannot resume: {outdir} has no checkpoint "
                           f"({outdir / 'checkpoint' / 'meta.json'} not found)")
            elif overwrite:
                shutil.rmtree(outdir)
            else:
                err = (f"results folder {outdir} exists and is not empty; use --overwrite to "
                       "replace it or --resume to continue its run")
        elif resume:
            err = f"cannot resume: results folder {outdir} does not exist"
        if err is None:
            outdir.mkdir(parents=True, exist_ok=True)
    err = comm.bcast(err, root=0)
    if err:
        raise ConfigError(err)


def _geometry(cfg: RunConfig, outdir: Path, comm: Any) -> tuple[Any, dict]:
    from cardiotwin.geometry import load_geometry

    g = cfg.geometry
    if g.mesh is not None:
        report = {}
        meta = g.mesh / "geometry.json"
        if meta.is_file():
            report = json.loads(meta.read_text()).get("report", {})
        return load_geometry(g.mesh, comm), report
    mesh_dir = outdir / "mesh"
    if (mesh_dir / "geometry.json").is_file():  # resumed run: reuse the mesh
        report = json.loads((mesh_dir / "geometry.json").read_text()).get("report", {})
        return load_geometry(mesh_dir, comm), report
    report = mesh_geometry(cfg, mesh_dir, comm)
    return load_geometry(mesh_dir, comm), report


def mesh_geometry(cfg: RunConfig, mesh_dir: Path, comm: Any) -> dict:
    """Mesh the label image of ``cfg.geometry`` into the geometry folder ``mesh_dir``.

    Returns the build report. Collective.
    """
    from cardiotwin.geometry import FibreAngles, LabelMap, build_geometry

    g = cfg.geometry
    if g.labels is None:
        raise ConfigError("geometry.labels is not set: nothing to mesh")
    kwargs: dict[str, Any] = {"edge_length_mm": g.edge_length_mm, "comm": comm,
                              "angles": FibreAngles(helix_endo_deg=g.helix_endo_deg,
                                                    helix_epi_deg=g.helix_epi_deg)}
    if g.label_map:  # roles not given are absent from the image
        from dataclasses import fields as dc_fields

        given = {k.replace("-", "_"): v for k, v in g.label_map}
        kwargs["labels"] = LabelMap(**{f.name: given.get(f.name) for f in dc_fields(LabelMap)})
    return build_geometry(g.labels, mesh_dir, **kwargs)


def ionic_regions(cfg: RunConfig) -> list[Any]:
    """The ionic regions of a configuration: transmural layers, the default model, the
    configured parameter changes and the drug (one rule: :mod:`cardiotwin.scenarios.drugs`)."""
    from cardiotwin.ep.monodomain import IonicRegion
    from cardiotwin.geometry.regions import CoordinateRange
    from cardiotwin.ionic.parameters import ParameterChanges
    from cardiotwin.scenarios.drugs import apply_to_regions

    changes = ParameterChanges(scale=dict(cfg.ionic.scalings), set=dict(cfg.ionic.parameters))
    regions = [IonicRegion(lay.model, CoordinateRange("transmural", *lay.transmural), changes)
               for lay in cfg.ionic.layers]
    regions.append(IonicRegion(cfg.ionic.model, None, changes))
    d = cfg.drug
    if d.scalings:
        extra = ParameterChanges(scale=dict(d.scalings))
        regions = [r.with_parameters(extra) for r in regions]
    drug = d.compound()
    if drug is not None:
        conc = drug.dose_uM(conc_uM=d.conc_uM, cmax_multiple=d.cmax_multiple)
        regions = apply_to_regions(regions, drug, conc, allow_missing=True)
    return regions


def stimuli(cfg: RunConfig) -> list[Any]:
    """The stimuli of a configuration (regions by tag and coordinate names)."""
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.regions import (
        Box,
        CoordinateRange,
        Intersection,
        Sphere,
        Tagged,
    )
    from cardiotwin.ionic.protocol import Protocol

    out = []
    for s in cfg.stimuli:
        parts: list[Any] = []
        if s.facets:
            parts.append(Tagged(s.facets, "facet"))
        if s.cells:
            parts.append(Tagged(s.cells, "cell"))
        if s.sphere_centre_mm is not None:
            parts.append(Sphere(s.sphere_centre_mm, s.sphere_radius_mm))
        if s.box_lower_mm is not None:
            parts.append(Box(s.box_lower_mm, s.box_upper_mm))
        if s.apicobasal:
            parts.append(CoordinateRange("apicobasal", *s.apicobasal))
        if s.transmural:
            parts.append(CoordinateRange("transmural", *s.transmural))
        region = parts[0] if len(parts) == 1 else Intersection(tuple(parts))
        out.append(Stimulus(region, Protocol(start_ms=s.start_ms, duration_ms=s.duration_ms,
                                             amplitude=s.amplitude, unit=s.unit,
                                             period_ms=s.period_ms, number=s.number),
                            name=s.name))
    return out


def build_simulation(cfg: RunConfig, geo: Any, comm: Any, monitor: Any = None) -> Any:
    """The :class:`~cardiotwin.ep.monodomain.Monodomain` of a configuration on a geometry."""
    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig

    c = cfg.conductivity
    base = Conductivity(c.sigma_f, c.sigma_s, c.sigma_n)
    regions = {name: base.scaled(f) for name, f in (("scar", c.scar),
                                                     ("border-zone", c.border_zone))
               if name in geo.cell_tag_ids}
    sv = cfg.solver
    mcfg = MonodomainConfig(dt_ms=cfg.time.dt_ms, splitting=sv.splitting, theta=sv.theta,
                            lumped_mass=sv.lumped_mass, lookup_tables=sv.lookup_tables,
                            activation_threshold=sv.activation_threshold_mV,
                            petsc_options=dict(sv.petsc_options))
    return Monodomain(geo, ionic_regions(cfg), base, mcfg, region_conductivity=regions,
                      stimuli=stimuli(cfg), monitor=monitor)


def auto_electrodes(mesh: Any, comm: Any) -> tuple[dict[str, tuple], dict[str, tuple[str, str]]]:
    """Six electrodes on the axes through the heart's centre, 1.5 extents away; X/Y/Z leads."""
    from cardiotwin._mpi import bounding_box

    lo, hi = bounding_box(comm, mesh.geometry.x)
    c, ext = 0.5 * (lo + hi), float(np.max(hi - lo))
    el = {}
    for i, axis in enumerate("xyz"):
        for sign, tag in ((1, "+"), (-1, "-")):
            p = c.copy()
            p[i] += sign * 1.5 * ext
            el[f"{axis}{tag}"] = tuple(float(v) for v in p)
    return el, {axis.upper(): (f"{axis}+", f"{axis}-") for axis in "xyz"}


class _History:
    """ECG and probe samples that survive a checkpoint/resume (kept in the checkpoint)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, ecg: Any, probes: Any, comm: Any) -> None:
        sig = ecg.signals() if ecg is not None else {}
        pr = probes.gather() if probes is not None else None
        if comm.rank == 0:
            arrays = {"ecg_t": np.asarray(ecg.times if ecg else [])}
            arrays.update({f"ecg_{k}": v for k, v in sig.items()})
            if pr:
                arrays.update({f"probe_{k}": v for k, v in pr.items()})
            tmp = self.path.with_suffix(".tmp.npz")
            np.savez(tmp, **arrays)
            tmp.rename(self.path)

    def load(self) -> dict[str, np.ndarray]:
        if not self.path.is_file():
            return {}
        with np.load(self.path) as d:
            return {k: d[k] for k in d.files}


def run_simulation(cfg: RunConfig, outdir: str | Path, *, comm: Any = None,
                   resume: bool = False, overwrite: bool = False, progress: bool = True,
                   label: str = "run") -> dict[str, Any]:
    """Run ``cfg`` into ``outdir`` and return the summary (the same dict on every rank)."""
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    from cardiotwin.analysis.activation import activation_summary, finite_mean
    from cardiotwin.ep.ecg import PseudoECG
    from cardiotwin.io.monitor import Monitor
    from cardiotwin.io.progress import ProgressBar
    from cardiotwin.io.results import Probes, SeriesWriter, write_maps

    comm = comm or MPI.COMM_WORLD
    outdir = Path(outdir).resolve()
    prepare_results_dir(outdir, resume=resume, overwrite=overwrite, comm=comm)
    log_handler = None
    if comm.rank == 0:
        log_handler = logging.FileHandler(outdir / "run.log")
        log_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: "
                                                   "%(message)s"))
        log_handler.setLevel(logging.INFO)
        root = logging.getLogger("cardiotwin")
        root.addHandler(log_handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
            for h in root.handlers:
                if h is not log_handler and h.level == logging.NOTSET:
                    h.setLevel(logging.WARNING)
        (outdir / "config.json").write_text(json.dumps(config_to_dict(cfg), indent=1))
    t_start = time.perf_counter()
    ckpt = outdir / "checkpoint"
    try:
        geo, mesh_report = _geometry(cfg, outdir, comm)
        monitor = Monitor()
        sim = build_simulation(cfg, geo, comm, monitor)
        history = _History(ckpt / "history.npz")
        past: dict[str, np.ndarray] = {}
        if resume:
            sim.restore_checkpoint(ckpt)
            past = history.load()
            logger.info("resuming %s at t = %.2f ms", outdir, sim.t)
        out = cfg.output
        ecg = None
        if out.ecg != "none":
            if out.ecg == "auto":
                electrodes, leads = auto_electrodes(geo.mesh, comm)
            elif out.ecg == "12-lead":
                electrodes, leads = twelve_lead_electrodes(geo, out.electrodes), {}
            else:
                electrodes, leads = dict(out.ecg), {}
            ecg = PseudoECG(sim, electrodes, leads=leads,
                            every_n_steps=max(1, round(1.0 / cfg.time.dt_ms)))
        probes = (Probes(sim, dict(out.probes), every_n_steps=max(1, round(0.5 / cfg.time.dt_ms)))
                  if out.probes else None)
        series = None
        if out.series_every_ms:
            name = "v.xdmf" if sim.step_count == 0 else f"v_from_{sim.t:.0f}ms.xdmf"
            series = SeriesWriter(sim, outdir / name,
                                  every_n_steps=max(1, round(out.series_every_ms
                                                             / cfg.time.dt_ms)))
        if out.checkpoint_every_ms:
            every = max(1, round(out.checkpoint_every_ms / cfg.time.dt_ms))

            def _checkpoint(s: Any) -> None:
                if s.step_count % every == 0:
                    s.save_checkpoint(ckpt)
                    history.save(ecg, probes, comm)

            sim.add_observer(_checkpoint)
        bar = ProgressBar(comm, enabled=progress, label=label)
        t0 = time.perf_counter()
        try:
            sim.run(cfg.time.t_end_ms, progress=bar)
        except CardiotwinError as exc:
            where = (f"; resume from the last checkpoint with `cardiotwin run CONFIG -o {outdir} "
                     "--resume`" if (ckpt / "meta.json").is_file() else "")
            raise type(exc)(f"{exc} (results so far are in {outdir}{where})") from exc
        finally:
            bar.close()
        wall = comm.allreduce(time.perf_counter() - t0, op=MPI.MAX)
        if series is not None:
            series.close()
        write_maps(sim, outdir / "maps.xdmf")
        files = {"maps": str(outdir / "maps.xdmf"), "config": str(outdir / "config.json"),
                 "log": str(outdir / "run.log")}
        if series is not None:
            files["v_series"] = str(series.path)
        ecg_sig = _merge(past, "ecg_", ecg.signals() if ecg else {}, ecg.times if ecg else [])
        probe_sig = probes.gather() if probes else None
        if probe_sig is not None and past:
            probe_sig = _merge(past, "probe_", {k: v for k, v in probe_sig.items() if k != "t_ms"},
                               probe_sig["t_ms"], time_key="probe_t_ms")
        if comm.rank == 0:
            if ecg_sig:
                _write_csv(outdir / "ecg.csv", ecg_sig)
                files["ecg"] = str(outdir / "ecg.csv")
            if ecg_sig and out.ecg == "12-lead":
                from cardiotwin.ep.electrodes import twelve_leads
                from cardiotwin.io.ecg import ECG12, write_ecg_csv

                write_ecg_csv(outdir / "ecg12.csv",
                              ECG12(ecg_sig["t_ms"], twelve_leads(ecg_sig), "run"))
                files["ecg12"] = str(outdir / "ecg12.csv")
            if probe_sig:
                _write_csv(outdir / "probes.csv", probe_sig)
                files["probes"] = str(outdir / "probes.csv")
        act = activation_summary(comm, sim.tracker.first_activation)
        apd_mean = finite_mean(comm, sim.tracker.apd90)
        qt = None
        if ecg_sig and "X" in ecg_sig:
            from cardiotwin.analysis.ecg import qt_interval

            try:
                qt = round(float(qt_interval(ecg_sig["t_ms"], ecg_sig["X"])), 1)
            except (CardiotwinError, ValueError) as exc:
                logger.warning("QT interval not detected: %s", exc)
        summary = {
            "config": str(cfg.source) if cfg.source else None,
            "results": str(outdir),
            "ranks": comm.size,
            "t_end_ms": sim.t,
            "dt_ms": cfg.time.dt_ms,
            "mesh": {k: mesh_report.get(k) for k in ("cells", "vertices", "min_dihedral_deg",
                                                      "volume_rel_diff")},
            "dofs": sim.V.dofmap.index_map.size_global,
            "total_activation_ms": round(act.total_ms, 3) if act.activated else None,
            "activated_fraction": round(act.activated_fraction, 4),
            "apd90_mean_ms": round(apd_mean, 2) if np.isfinite(apd_mean) else None,
            "qt_ms": qt,
            "wall_s": round(wall, 2),
            "total_wall_s": round(comm.allreduce(time.perf_counter() - t_start, op=MPI.MAX), 2),
            "performance": monitor.summary(comm),
            "resumed": resume,
        }
        if cfg.output.pictures:
            files.update(render_run_pictures(sim, ecg_sig, outdir, comm))
        summary["outputs"] = files
        if comm.rank == 0:
            (outdir / "summary.json").write_text(json.dumps(summary, indent=2))
        summary["outputs"]["summary"] = str(outdir / "summary.json")
        summary["_sim"] = sim
        summary["_ecg"] = ecg_sig
        return summary
    finally:
        if log_handler is not None:
            logging.getLogger("cardiotwin").removeHandler(log_handler)
            log_handler.close()


def _merge(past: dict[str, np.ndarray], prefix: str, now: dict[str, np.ndarray],
           times: Any, *, time_key: str | None = None) -> dict[str, np.ndarray]:
    """Join samples saved before a resume with those recorded since."""
    t_now = np.asarray(times, float)
    t_key = time_key or f"{prefix}t"
    if not now:
        return {}
    if past and t_key in past:
        t_old = past[t_key]
        keep = t_old < (t_now[0] if t_now.size else np.inf) - 1e-9
        out = {"t_ms": np.concatenate([t_old[keep], t_now])}
        for k, v in now.items():
            old = past.get(prefix + k, np.zeros(0))
            out[k] = np.concatenate([old[keep[: old.size]], v])
        return out
    return {"t_ms": t_now, **now}


def _write_csv(path: Path, columns: dict[str, np.ndarray]) -> None:
    names = list(columns)
    data = np.column_stack([np.asarray(columns[n], float) for n in names])
    np.savetxt(path, data, delimiter=",", header=",".join(names), comments="", fmt="%.6g")


def twelve_lead_electrodes(geo: Any, given: Any) -> dict[str, tuple[float, float, float]]:
    """The nine electrodes of ``[output] ecg = "12-lead"``: the configuration's, else the
    generic torso's placed on the heart's own axes (collective)."""
    from cardiotwin.ep.electrodes import check_electrodes, standard_electrodes
    from cardiotwin.geometry.frame import heart_frame

    if given:
        return check_electrodes(dict(given), where="output.electrodes")
    if not hasattr(geo, "facet_tag_ids"):
        raise ConfigError("output.ecg = '12-lead' without output.electrodes needs a tagged "
                          "geometry (the heart's axes place the generic torso)")
    return standard_electrodes(heart_frame(geo))


def render_run_pictures(sim: Any, ecg_sig: dict[str, np.ndarray], outdir: Path,
                        comm: Any) -> dict[str, str]:
    """Activation and APD90 map PNGs and the ECG plot of one run (rank 0 renders)."""
    from cardiotwin.viz.maps import gather_grid, render_map
    from cardiotwin.viz.traces import plot_traces

    data = {}
    for key, arr in (("activation_ms", sim.tracker.first_activation),
                     ("apd90_ms", sim.tracker.apd90)):
        data[key] = sim.nodal_field(np.where(np.isnan(arr), -1.0, arr), key).x.array.copy()
    grid = gather_grid(sim.V, data)
    files: dict[str, str] = {}
    if comm.rank == 0:
        files["activation_png"] = str(render_map(grid, "activation_ms",
                                                 outdir / "activation_map.png",
                                                 title="Activation time", unit="ms",
                                                 invalid_below=0.0))
        files["apd_png"] = str(render_map(grid, "apd90_ms", outdir / "apd90_map.png",
                                          title="APD90", unit="ms", invalid_below=0.0))
        if ecg_sig:
            leads = {k: v for k, v in ecg_sig.items() if k != "t_ms" and len(k) == 1} or {
                k: v for k, v in ecg_sig.items() if k != "t_ms"}
            files["ecg_png"] = str(plot_traces(ecg_sig["t_ms"], {"run": leads},
                                               outdir / "ecg.png", title="Pseudo-ECG",
                                               ylabel="mV"))
    return comm.bcast(files, root=0)


def with_overrides(cfg: RunConfig, **sections: Any) -> RunConfig:
    """A copy of ``cfg`` with whole sections replaced (used by demos and batches)."""
    return replace(cfg, **sections)
