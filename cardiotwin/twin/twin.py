"""The twin a clinic keeps: a folder with the anatomy, the data, the posterior and a report.

Layout of a twin folder::

    twin.json              human-readable record: pseudonymous id, versions, the fitted
                           parameters with 95 % intervals, the data and their hashes, the
                           history of fits, and the SHA-256 of every other file
    anatomy/               the geometry folder (mesh.xdmf/h5, fibres.npz, geometry.json with
                           the mesher's source paths removed)
    electrodes.csv         the electrode positions used (mm)
    data/ecg_NNN.csv       each ECG fitted, re-written in the interchange CSV (no header
                           fields of the original file survive)
    posterior/fit_NNN.npz  the SMC particles of each fit (plain arrays, no pickles)
    calibration/           the sampler's resumable state of the fit under way
    report/                fitted vs measured ECG, activation map, posterior histograms

No direct identifiers are stored: names, ids and dates in ECG or image headers are not
read into the twin, original file names are not kept, and the twin's id is a random
pseudonym unless one is given.  Reading a twin never runs code from its files (JSON, CSV
and ``.npz`` with ``allow_pickle=False``); :func:`verify` checks every file against the
hashes in ``twin.json``; :func:`export_twin`/:func:`import_twin` move it as one
``.tar.gz``, verified on import.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import secrets
import shutil
import tarfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import CardiotwinError, ConfigError
from cardiotwin.io.ecg import ECG12, file_sha256, read_ecg, read_ecg_csv, write_ecg_csv
from cardiotwin.twin.calibration import (
    Posterior,
    SMCSettings,
    Target,
    calibrate,
    fitted_ecg,
    summarise,
)
from cardiotwin.twin.forward import TwinModel, check_anatomy
from cardiotwin.twin.parameters import Prior, TwinParameters

logger = logging.getLogger(__name__)

TWIN_FILE = "twin.json"
FORMAT_VERSION = 1
ANATOMY_FILES = ("mesh.xdmf", "mesh.h5", "fibres.npz", "geometry.json")


class TwinIntegrityError(CardiotwinError):
    """A twin folder's files do not match the hashes in its ``twin.json``."""


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("cardiotwin", "numpy", "scipy", "fenics-dolfinx", "dolfinx-solver-real"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            continue
    return out


def _finite(obj: Any) -> Any:
    """A JSON-ready copy: numpy values as Python ones, non-finite floats as None."""
    if isinstance(obj, dict):
        return {str(k): _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return _finite(obj.tolist())
    if isinstance(obj, np.generic):
        return _finite(obj.item())
    if isinstance(obj, float) and not np.isfinite(obj):
        return None
    return obj


def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(_finite(data), indent=2, allow_nan=False) + "\n")
    tmp.replace(path)


def _hash_files(folder: Path) -> dict[str, str]:
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_file() and rel != TWIN_FILE and not rel.startswith("calibration/"):
            out[rel] = file_sha256(p)
    return out


def read_electrodes_csv(path: Path) -> dict[str, tuple[float, float, float]]:
    from cardiotwin.ep.electrodes import read_electrodes

    return read_electrodes(path)


def _write_electrodes(path: Path, electrodes: Mapping[str, Sequence[float]]) -> None:
    lines = ["name,x_mm,y_mm,z_mm"] + [f"{k},{v[0]:.6g},{v[1]:.6g},{v[2]:.6g}"
                                       for k, v in electrodes.items()]
    path.write_text("\n".join(lines) + "\n")


def _copy_anatomy(src: Path, dst: Path) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    for name in ANATOMY_FILES:
        if not (src / name).is_file():
            raise ConfigError(f"anatomy {src}: missing {name}; give a folder written by "
                              "`cardiotwin mesh`")
    for name in ("mesh.h5", "fibres.npz"):
        shutil.copyfile(src / name, dst / name)
    # the XDMF names its HDF5 file relative to itself: keep it as is
    (dst / "mesh.xdmf").write_text((src / "mesh.xdmf").read_text())
    meta = json.loads((src / "geometry.json").read_text())
    report = dict(meta.get("report", {}))
    for key in ("source", "patient", "patient_id", "date", "study_date"):
        report.pop(key, None)
    meta["report"] = report
    (dst / "geometry.json").write_text(json.dumps(meta, indent=2))


# ---------------------------------------------------------------------- the twin object
@dataclass
class Twin:
    """A twin folder in memory (:func:`load_twin` reads one)."""

    folder: Path
    record: dict

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def n_fits(self) -> int:
        return len(self.record["history"])

    def posterior(self, fit: int | None = None) -> Posterior:
        """The posterior of fit ``fit`` (1-based; default the latest)."""
        k = fit or self.n_fits
        f = self.folder / "posterior" / f"fit_{k:03d}.npz"
        with np.load(f, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
        h = self.record["history"][k - 1]
        return Posterior.from_arrays(arrays, int(h["n_roots"]), h["record"])

    def parameters(self) -> TwinParameters:
        """The best-fitting parameters of the latest fit."""
        return TwinParameters.from_dict(self.record["parameters"]["best_parameters"])

    def ecg(self, fit: int | None = None) -> ECG12:
        """The ECG of fit ``fit`` (default the latest)."""
        k = fit or self.n_fits
        return read_ecg_csv(self.folder / "data" / f"ecg_{k:03d}.csv")

    def geometry(self, comm: Any = None) -> Any:
        from cardiotwin.geometry.io import load_geometry

        return load_geometry(self.folder / "anatomy", comm)

    def model(self, geometry: Any = None) -> TwinModel:
        """The fast forward model with the twin's electrodes (collective)."""
        geo = geometry if geometry is not None else self.geometry()
        return TwinModel.from_geometry(geo, electrodes=read_electrodes_csv(
            self.folder / "electrodes.csv"))

    def summary(self) -> dict:
        """The JSON summary of the latest fit (the CLI's ``--json`` output)."""
        p = self.record["parameters"]
        return {"id": self.id, "fits": self.n_fits, "roots": p["roots"],
                "root_count": p["root_count"],
                "cv_m_per_s": p["cv_m_per_s"], "apd_ms": p["apd_ms"],
                "apd_ms_95": p["apd_ms_95"], "repolarisation": p["repolarisation"],
                "ecg_correlation": p["ecg_correlation"],
                "wall_s": self.record["history"][-1]["wall_s"]}


def load_twin(folder: str | Path, *, verify_hashes: bool = True) -> Twin:
    """Read a twin folder (JSON only; hashes checked unless ``verify_hashes=False``)."""
    f = Path(folder)
    if not (f / TWIN_FILE).is_file():
        raise ConfigError(f"{f}: not a twin folder (no {TWIN_FILE}); create one with "
                          "`cardiotwin twin fit`")
    record = json.loads((f / TWIN_FILE).read_text())
    if record.get("format") != FORMAT_VERSION:
        raise ConfigError(f"{f / TWIN_FILE}: format {record.get('format')!r}, this cardiotwin "
                          f"reads format {FORMAT_VERSION}")
    twin = Twin(f, record)
    if verify_hashes:
        verify(twin)
    return twin


def verify(twin: Twin | str | Path) -> dict[str, str]:
    """Check every file of a twin against its recorded SHA-256; return the hashes.

    Raises
    ------
    TwinIntegrityError
        A file is missing, changed or not recorded.
    """
    t = twin if isinstance(twin, Twin) else load_twin(twin, verify_hashes=False)
    want = t.record.get("files", {})
    have = _hash_files(t.folder)
    missing = sorted(set(want) - set(have))
    extra = sorted(set(have) - set(want))
    changed = sorted(k for k in set(want) & set(have) if want[k] != have[k])
    if missing or extra or changed:
        raise TwinIntegrityError(f"twin {t.folder}: "
                                 + "; ".join(f"{what}: {', '.join(v)}" for what, v in (
                                     ("missing", missing), ("changed", changed),
                                     ("not recorded", extra)) if v))
    return have


# ---------------------------------------------------------------------- fit and update
def _fit_into(folder: Path, record: dict, model: TwinModel, ecg: ECG12, *, prior: Prior,
              settings: SMCSettings, comm: Any, warm: Posterior | None,
              source_sha256: str | None, report: bool,
              previous: Sequence[ECG12] = ()) -> dict:
    """Fit (to ``previous`` records and ``ecg`` together), then write data, posterior,
    report and twin.json (rank 0 writes)."""
    target = Target.prepare(ecg)
    targets = [Target.prepare(e) for e in previous] + [target]
    rank = 0 if comm is None else comm.rank
    k = len(record["history"]) + 1
    ck = folder / "calibration" / f"fit_{k:03d}"
    t0 = time.perf_counter()
    post = calibrate(model, targets, prior=prior, settings=settings, comm=comm,
                     checkpoint=ck, warm_start=warm)
    summary = summarise(model, post, target)
    wall = time.perf_counter() - t0
    if rank == 0:
        (folder / "data").mkdir(exist_ok=True)
        (folder / "posterior").mkdir(exist_ok=True)
        write_ecg_csv(folder / "data" / f"ecg_{k:03d}.csv", ecg)
        np.savez(folder / "posterior" / f"fit_{k:03d}.npz", **post.arrays())
        record["history"].append({
            "fit": k, "at": _now(), "ecg": f"data/ecg_{k:03d}.csv",
            "records_fitted": [f"data/ecg_{i:03d}.csv" for i in range(1, k + 1)]
            if previous else [f"data/ecg_{k:03d}.csv"],
            "ecg_samples_sha256": ecg.sha256(), "source_file_sha256": source_sha256,
            "warm_start_from": (k - 1) if warm is not None else None,
            "n_roots": prior.n_roots, "wall_s": wall, "record": post.record,
            "summary": {key: summary[key] for key in ("cv_m_per_s", "apd_ms", "apd_ms_95",
                                                       "ecg_correlation", "root_count")},
        })
        record["parameters"] = summary
        record["updated"] = _now()
        record["versions"] = _versions()
        if report:
            _write_report(folder, model, post, target, summary)
        shutil.rmtree(folder / "calibration", ignore_errors=True)
        record["files"] = _hash_files(folder)
        _write_json(folder / TWIN_FILE, record)
    if comm is not None:
        record = comm.bcast(record if rank == 0 else None, root=0)
    return record


def _write_report(folder: Path, model: TwinModel, post: Posterior, target: Target,
                  summary: dict) -> None:
    from cardiotwin.viz.ecg import plot_ecg12, plot_posterior

    rep = folder / "report"
    rep.mkdir(exist_ok=True)
    k = len(list((folder / "posterior").glob("fit_*.npz")))
    fitted = fitted_ecg(model, post, target)
    plot_ecg12(target.ecg, rep / f"ecg_fit_{k:03d}.png", overlay=fitted,
               title=f"fit {k}: measured (cleaned) and twin")
    n = post.n_roots
    v = np.exp(post.activation[:, 4 * n: 4 * n + 4])
    plot_posterior({"CV fibre (m/s)": v[:, 0], "CV sheet (m/s)": v[:, 1],
                    "CV normal (m/s)": v[:, 2], "CV endo (m/s)": v[:, 3],
                    "APD (ms)": post.repolarisation[:, 0],
                    "APD apicobasal gradient (ms)": post.repolarisation[:, 1],
                    "APD transmural gradient (ms)": post.repolarisation[:, 2]},
                   rep / f"posterior_{k:03d}.png")
    best, _, _ = post.best()
    act, _ = model.activation(best.roots, best.velocities)
    try:
        from cardiotwin.viz.maps import grid_from_mesh, render_map

        grid = grid_from_mesh(model.mesh.points, model.mesh.tets, point_data={"activation": act})
        from cardiotwin.twin.forward import axes_as_frame

        render_map(grid, "activation", rep / f"activation_{k:03d}.png",
                   title="Twin activation (best particle)", unit="ms",
                   view=axes_as_frame(model.axes).view("anterior"))
    except CardiotwinError as exc:  # no PyVista: the report goes on without the map
        logger.warning("activation map not rendered: %s", exc)
    lines = [f"# Twin {folder.name}: fit {k}", "",
             "| parameter | median | 95 % interval |", "| --- | --- | --- |"]
    for name in ("fibre", "sheet", "normal", "endo"):
        c = summary["cv_m_per_s"]
        lines.append(f"| CV {name} (m/s) | {c[name]:.3f} | {c[name + '_95'][0]:.3f} - "
                     f"{c[name + '_95'][1]:.3f} |")
    lines.append(f"| mean APD (ms) | {summary['apd_ms']:.1f} | {summary['apd_ms_95'][0]:.1f} - "
                 f"{summary['apd_ms_95'][1]:.1f} |")
    lines += ["", "Roots (median position, 95 % intervals, posterior probability):", ""]
    for r in summary["roots"]:
        lines.append(f"- ({r['x_mm']:.1f}, {r['y_mm']:.1f}, {r['z_mm']:.1f}) mm at "
                     f"{r['t_ms']:.1f} ms (95 %: {r['t_ms_95'][0]:.1f}-{r['t_ms_95'][1]:.1f}),"
                     f" 90 % radius {r['radius_mm_90']:.1f} mm, p = {r['probability']:.2f}")
    lines += ["", "ECG correlation per lead (best particle vs measured):", "",
              ", ".join(f"{k_}: {v_:.3f}" for k_, v_ in summary["ecg_correlation"].items()),
              "", f"![ECG](ecg_fit_{k:03d}.png)", f"![posterior](posterior_{k:03d}.png)",
              f"![activation](activation_{k:03d}.png)"]
    (rep / f"report_{k:03d}.md").write_text("\n".join(lines) + "\n")


def fit_twin(anatomy: str | Path, ecg: str | Path | ECG12, out: str | Path, *,
             electrodes: Mapping[str, Sequence[float]] | None = None,
             prior: Prior | None = None, settings: SMCSettings | None = None,
             pseudonym: str | None = None, comm: Any = None, report: bool = True,
             resume: bool = False) -> Twin:
    """Create a twin folder ``out`` from an anatomy folder and a 12-lead ECG (collective).

    Everything is validated (the ECG's leads, length and sampling, the anatomy's tags)
    before any fitting; an existing twin folder is never overwritten.

    Parameters
    ----------
    anatomy
        A geometry folder written by ``cardiotwin mesh``.
    ecg
        A 12-lead record (interchange CSV or WFDB) or an :class:`ECG12`.
    out
        The twin folder to create (must not exist or be empty).
    electrodes
        Electrode positions (mm, the anatomy's coordinates); default the generic torso.
    prior, settings
        Calibration prior and sampler settings.
    pseudonym
        The twin's id (default: a random ``twin-`` token).
    comm
        MPI communicator (default ``MPI.COMM_WORLD``).
    report
        Draw the report's pictures.
    resume
        Continue an interrupted fit into ``out`` from its saved sampler state (same
        anatomy, ECG and settings).
    """
    from mpi4py import MPI

    comm = comm or MPI.COMM_WORLD
    out = Path(out)
    anatomy = Path(anatomy)
    if resume:
        if (out / TWIN_FILE).is_file():
            raise ConfigError(f"{out} holds a finished twin; use `cardiotwin twin update`")
        if not (out / "calibration").is_dir():
            raise ConfigError(f"{out}: no interrupted fit to resume (no calibration/ folder)")
    elif out.exists() and any(out.iterdir()):
        raise ConfigError(f"{out} exists and is not empty; give a new folder for the twin "
                          "(or --resume an interrupted fit)")
    if not anatomy.is_dir():
        raise ConfigError(f"anatomy folder {anatomy} not found")
    record_ecg, src_hash = _read_input_ecg(ecg)
    Target.prepare(record_ecg)  # bad records fail here, before the mesh is even loaded
    from cardiotwin.geometry.io import load_geometry

    geo = load_geometry(anatomy, comm)
    check_anatomy(geo, where=str(anatomy))
    model = TwinModel.from_geometry(geo, electrodes=electrodes)
    record = {
        "format": FORMAT_VERSION,
        "id": pseudonym or f"twin-{secrets.token_hex(6)}",
        "created": _now(),
        "anatomy": {"folder": "anatomy",
                    "vertices": model.mesh.n_vertices, "tetrahedra": len(model.mesh.tets)},
        "electrodes": "electrodes.csv" + ("" if electrodes else " (generic torso)"),
        "model": {"forward": "eikonal + reaction-eikonal (cardiotwin.ep.eikonal)",
                  "template_apd_ms": model.template.apd_ms,
                  "lead_field_conductivity_S_per_m": list(model.conductivity.values)},
        "history": [],
    }
    if comm.rank == 0 and not resume:
        out.mkdir(parents=True, exist_ok=True)
        _copy_anatomy(anatomy, out / "anatomy")
        _write_electrodes(out / "electrodes.csv", model.electrodes)
    comm.Barrier()
    record = _fit_into(out, record, model, record_ecg, prior=prior or Prior(),
                       settings=settings or SMCSettings(), comm=comm, warm=None,
                       source_sha256=src_hash, report=report)
    return Twin(out, record)


def update_twin(folder: str | Path, ecg: str | Path | ECG12, *,
                settings: SMCSettings | None = None, comm: Any = None,
                report: bool = True) -> Twin:
    """Refit a twin to all its ECGs and a new one, warm-started from its current
    posterior; the earlier fits stay in the history (collective).

    The new posterior conditions on every record the twin holds (the ABC distance is the
    root mean square over the records), so that more data narrow it.
    """
    from mpi4py import MPI

    comm = comm or MPI.COMM_WORLD
    twin = load_twin(folder)
    record_ecg, src_hash = _read_input_ecg(ecg)
    Target.prepare(record_ecg)
    prev = twin.posterior()
    prior = Prior(**{k: (tuple(v) if isinstance(v, list) else v)
                     for k, v in twin.record["history"][-1]["record"]["prior"].items()})
    model = twin.model()
    s = settings or SMCSettings(particles=len(prev.activation))
    previous = [twin.ecg(k) for k in range(1, twin.n_fits + 1)]
    record = _fit_into(twin.folder, dict(twin.record), model, record_ecg, prior=prior,
                       settings=s, comm=comm, warm=prev, source_sha256=src_hash, report=report,
                       previous=previous)
    return Twin(twin.folder, record)


def _read_input_ecg(ecg: str | Path | ECG12) -> tuple[ECG12, str | None]:
    if isinstance(ecg, ECG12):
        return ecg, None
    p = Path(ecg)
    rec = read_ecg(p)
    h = file_sha256(p) if p.is_file() else file_sha256(p.with_suffix(".hea"))
    # the file's name is kept in memory for error messages only; the twin stores samples
    return ECG12(rec.t_ms, rec.leads, str(p)), h


# ---------------------------------------------------------------------- export / import
def export_twin(folder: str | Path, archive: str | Path) -> Path:
    """Write the verified twin folder as one ``.tar.gz``."""
    twin = load_twin(folder)
    a = Path(archive)
    with tarfile.open(a, "w:gz") as tar:
        for p in sorted(twin.folder.rglob("*")):
            if p.is_file():
                tar.add(p, arcname=p.relative_to(twin.folder).as_posix())
    return a


def import_twin(archive: str | Path, dest: str | Path) -> Twin:
    """Unpack a twin archive into ``dest`` (new or empty) and verify its hashes.

    Only regular files with relative paths inside the folder are unpacked (no links, no
    absolute or ``..`` paths).
    """
    d = Path(dest)
    if d.exists() and any(d.iterdir()):
        raise ConfigError(f"{d} exists and is not empty")
    d.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        for m in tar.getmembers():
            name = Path(m.name)
            if not m.isfile() or name.is_absolute() or ".." in name.parts:
                raise TwinIntegrityError(f"{archive}: refusing member {m.name!r} (only plain "
                                         "files inside the twin folder)")
        tar.extractall(d, filter="data")
    return load_twin(d)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
