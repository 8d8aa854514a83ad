"""Batch runs (in-silico trials): a cohort of run-configuration variants over MPI ranks.

A *sweep file* (TOML) names a base run configuration and how members differ from it::

    description = "IKr/IKs population under a drug"
    base = "run.toml"            # a run configuration file, or an inline [base] table
    ranks_per_member = 1         # MPI ranks that run one member together

    [grid]                       # cartesian product over the listed values
    "drug.conc_uM" = [0.0, 0.1, 1.0]
    "stimulus[0].sphere.centre_mm" = [[10.0, 0.0, 5.0], [0.0, 10.0, 5.0]]

    [sample]                     # seeded random samples (combined with every grid point)
    n = 16
    seed = 1
    method = "latin-hypercube"   # or "uniform"
    log = ["ionic.scalings.gKs"] # sampled log-uniformly
    [sample.ranges]
    "ionic.scalings.gKr" = [0.5, 1.5]
    "ionic.scalings.gKs" = [0.5, 2.0]

Keys are dotted paths into the run configuration (``stimulus[0]`` indexes the
``[[stimulus]]`` list).  With ``study = "beat"`` the base and the members are beat
configurations instead (the sections of :data:`~cardiotwin.studies.beat.BEAT_TOML`,
e.g. ``"mechanics.Tref_kPa"``, ``"circulation.systemic.R_AR_mmHg_s_per_mL"``,
``"electrophysiology.ical_block"``), each member run by
:func:`~cardiotwin.studies.beat.run_beat`, its PV numbers in ``results.csv``
(:data:`BEAT_HEADLINE`); a beat member checkpoints every beat, so an interrupted one
continues from its last finished beat.  Every member's configuration is built and validated when the
sweep is loaded, before any computation: an unknown key in the sweep, a path that does
not exist in the configuration, a bad range or a value out of range raises
:class:`~cardiotwin.exceptions.ConfigError` naming it.

Layout of a batch folder::

    batch.json              sweep hash, members and their parameters
    sweep.toml              a copy of the sweep file
    batch.log               the batch's log (rank 0)
    mesh/                   the geometry, meshed once when the base uses a label image
    members/<id>/           one results folder per member (see cardiotwin.studies.runner) and
    members/<id>/done.json  written last, when the member's results are complete
    claims/<id>             which group of ranks took the member (this run)
    results.csv             one row per member: parameters, headline numbers, status

Rerunning the same command skips members whose ``done.json`` is there and belongs to
the same sweep, so an interrupted batch continues where it stopped, and a member that was
interrupted continues from its last checkpoint (not from t = 0); a changed sweep is an
error unless ``--overwrite`` is given.

Scheduling: the communicator is split into groups of ``ranks_per_member`` ranks; every
group, when free, claims the next pending member (an atomic exclusive create of
``claims/<id>`` in the batch folder) and runs it on its sub-communicator, so members
of very different cost keep every group busy.  (A counter in MPI one-sided memory, or
mpi4py.futures, would need progress on the rank that holds it - under MPICH a fetch on a
busy rank waits until that rank calls MPI - and futures run single-process tasks, not
members on sub-communicators.)  On a cluster, :func:`slurm_array_script` writes a job
array of single-member jobs (``cardiotwin batch SWEEP -o DIR --member I``) and a final
``--collect`` job that writes ``results.csv``.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import itertools
import json
import logging
import os
import re
import shutil
import socket
import time
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from cardiotwin.exceptions import ConfigError
from cardiotwin.studies.runconfig import RunConfig, check_keys, config_to_dict, read_toml

logger = logging.getLogger(__name__)

#: headline numbers copied from each member's summary into results.csv
HEADLINE = ("total_activation_ms", "activated_fraction", "apd90_mean_ms", "qt_ms", "wall_s",
            "total_wall_s")
#: headline numbers of a beat member (``study = "beat"``): ``lv_ef_percent`` is
#: ``summary["lv"]["ef_percent"]``
_PV = ("edv_ml", "esv_ml", "sv_ml", "ef_percent", "peak_pressure_mmhg", "dpdt_max_mmhg_per_s",
       "edp_mmhg")
BEAT_HEADLINE = (*(f"{v}_{k}" for v in ("lv", "rv") for k in _PV),
                 "total_activation_ms", "qt_ms", "peak_Ta_kPa", "wall_s")
STUDIES = ("run", "beat")
DONE_FILE = "done.json"
CLAIMS_DIR = "claims"
FAILED_FILE = "failed.json"
METHODS = ("latin-hypercube", "uniform")
_SEGMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_\-]*)((?:\[\d+\])*)$")


# ----------------------------------------------------------------------------- sweep
@dataclass(frozen=True)
class Member:
    """One variant: its id, the values of the varied keys and its validated configuration."""

    id: str
    params: tuple[tuple[str, Any], ...]
    config: Any  # RunConfig, or BeatConfig for a beat study
    config_hash: str


@dataclass(frozen=True)
class Sweep:
    """A validated sweep: the base configuration and every member.

    Parameters
    ----------
    members
        The variants, in a fixed order (grid points outer, samples inner).
    keys
        The varied keys (dotted paths into the run configuration).
    ranks_per_member
        MPI ranks that run one member together.
    sweep_hash
        Hash of every member's configuration (what decides whether a batch folder
        belongs to this sweep).
    source
        The sweep file, or ``None`` for a sweep built from a dict.
    description
        Free text from the sweep file.
    study
        ``"run"`` (members are run configurations, :func:`~cardiotwin.studies.runner.
        run_simulation`) or ``"beat"`` (members are beat configurations, the sections
        of :data:`~cardiotwin.studies.beat.BEAT_TOML`, run by
        :func:`~cardiotwin.studies.beat.run_beat`).
    """

    members: tuple[Member, ...]
    keys: tuple[str, ...]
    ranks_per_member: int = 1
    sweep_hash: str = ""
    source: Path | None = None
    description: str = ""
    study: str = "run"

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "description", "base", "ranks_per_member", "grid", "sample", "study",
    })
    SAMPLE_KEYS: ClassVar[frozenset[str]] = frozenset({"n", "seed", "method", "ranges", "log"})

    def __post_init__(self) -> None:
        if not self.members:
            raise ConfigError("the sweep has no members")
        if self.study not in STUDIES:
            raise ConfigError(f"study = {self.study!r}: expected one of {', '.join(STUDIES)}")
        if (isinstance(self.ranks_per_member, bool) or not isinstance(self.ranks_per_member, int)
                or self.ranks_per_member < 1):
            raise ConfigError(f"ranks_per_member = {self.ranks_per_member!r} is invalid: "
                              "expected an integer >= 1")


def parse_key(key: str) -> list[str | int]:
    """``"stimulus[0].sphere.centre_mm"`` -> ``["stimulus", 0, "sphere", "centre_mm"]``."""
    out: list[str | int] = []
    for seg in key.split("."):
        m = _SEGMENT.match(seg)
        if not m:
            raise ConfigError(f"sweep key {key!r} is malformed: expected dotted names with "
                              "optional [index], e.g. 'ionic.scalings.gKr' or "
                              "'stimulus[0].amplitude'")
        out.append(m.group(1))
        out.extend(int(i) for i in re.findall(r"\[(\d+)\]", m.group(2)))
    return out


def format_key(path: list[str | int]) -> str:
    """Inverse of :func:`parse_key`."""
    out = ""
    for seg in path:
        out += f"[{seg}]" if isinstance(seg, int) else (f".{seg}" if out else seg)
    return out


def set_key(data: dict, key: str, value: Any) -> None:
    """Set the dotted ``key`` of a raw configuration dict in place (tables are created).

    Raises
    ------
    ConfigError
        If the path runs through a value, or indexes past the end of a list.
    """
    path = parse_key(key)
    cur: Any = data
    for i, seg in enumerate(path):
        last = i == len(path) - 1
        where = format_key(path[:i + 1])
        if isinstance(seg, int):
            if isinstance(cur, dict) and seg == 0:  # a single [stimulus] table
                if last:
                    raise ConfigError(f"sweep key {key!r}: cannot replace a whole table")
                continue
            if not isinstance(cur, list):
                raise ConfigError(f"sweep key {key!r}: '{where}' is not a list")
            if seg >= len(cur):
                raise ConfigError(f"sweep key {key!r}: index {seg} is past the end of the list "
                                  f"(the base configuration has {len(cur)} entries)")
            if last:
                cur[seg] = copy.deepcopy(value)
            else:
                cur = cur[seg]
            continue
        if not isinstance(cur, dict):
            raise ConfigError(f"sweep key {key!r}: '{where}' is a value, not a table")
        if last:
            cur[seg] = copy.deepcopy(value)
        else:
            if seg not in cur:
                if isinstance(path[i + 1], int):
                    raise ConfigError(f"sweep key {key!r}: the base configuration has no "
                                      f"'{seg}' list to index")
                cur[seg] = {}
            cur = cur[seg]


def _flatten(table: dict, where: str, prefix: str = "") -> dict[str, Any]:
    """``{"ionic": {"scalings": {"gKr": [..]}}, "drug.conc_uM": [..]}`` -> dotted keys."""
    out: dict[str, Any] = {}
    if not isinstance(table, dict):
        raise ConfigError(f"[{where}] must be a table of dotted keys")
    for k, v in table.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, where, key + "."))
        else:
            parse_key(key)
            out[key] = v
    return out


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and bool(np.isfinite(v))


def _grid(table: dict) -> list[dict[str, Any]]:
    flat = _flatten(table, "grid")
    for k, v in flat.items():
        if not isinstance(v, list) or not v:
            raise ConfigError(f"grid.{k!r} = {v!r} is invalid: expected a non-empty list of "
                              "values")
    keys = list(flat)
    return [dict(zip(keys, combo, strict=True)) for combo in itertools.product(*flat.values())]


def _samples(table: dict) -> list[dict[str, Any]]:
    check_keys(table, Sweep.SAMPLE_KEYS, "sample", document="the sweep")
    n = table.get("n")
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ConfigError(f"sample.n = {n!r} is invalid: expected an integer >= 1")
    seed = table.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ConfigError(f"sample.seed = {seed!r} is invalid: expected an integer >= 0")
    method = table.get("method", "latin-hypercube")
    if method not in METHODS:
        raise ConfigError(f"sample.method = {method!r} is invalid: expected one of "
                          f"{list(METHODS)}")
    ranges = _flatten(table.get("ranges", {}), "sample.ranges")
    if not ranges:
        raise ConfigError("[sample] needs [sample.ranges] with at least one key = [low, high]")
    for k, v in ranges.items():
        if not (isinstance(v, list) and len(v) == 2 and all(_number(x) for x in v)
                and v[1] > v[0]):
            raise ConfigError(f"sample.ranges.{k!r} = {v!r} is invalid: expected [low, high] "
                              "with high > low")
    log = table.get("log", [])
    if not isinstance(log, list) or not all(isinstance(k, str) for k in log):
        raise ConfigError(f"sample.log = {log!r} is invalid: expected a list of keys of "
                          "[sample.ranges]")
    for k in log:
        if k not in ranges:
            raise ConfigError(f"sample.log names {k!r}, which is not in [sample.ranges]")
        if ranges[k][0] <= 0:
            raise ConfigError(f"sample.ranges.{k!r} = {ranges[k]!r}: a log-uniform range "
                              "needs low > 0")
    u = unit_samples(n, len(ranges), seed=seed, method=method)
    out = []
    for row in u:
        member = {}
        for j, (k, (lo, hi)) in enumerate(ranges.items()):
            if k in log:
                val = float(np.exp(np.log(lo) + row[j] * (np.log(hi) - np.log(lo))))
            else:
                val = float(lo + row[j] * (hi - lo))
            member[k] = float(f"{val:.6g}")
        out.append(member)
    return out


def unit_samples(n: int, dim: int, *, seed: int, method: str) -> np.ndarray:
    """``n`` points in the unit cube ``[0, 1)^dim``, reproducible from ``seed``.

    ``"latin-hypercube"``: each of the ``n`` equal strata of every coordinate holds
    exactly one point (McKay et al. 1979), strata paired by independent random
    permutations, jittered uniformly within the stratum.  ``"uniform"``: independent
    uniform draws.
    """
    rng = np.random.default_rng(seed)
    if method == "uniform":
        return rng.random((n, dim))
    if method != "latin-hypercube":
        raise ConfigError(f"sampling method {method!r}: expected one of {list(METHODS)}")
    u = np.empty((n, dim))
    for j in range(dim):
        u[:, j] = (rng.permutation(n) + rng.random(n)) / n
    return u


def _check_scaling_key(key: str, cfg: RunConfig) -> None:
    """``ionic.scalings.X``, ``ionic.parameters.X``, ``drug.scalings.X``: X must be a
    parameter of every model."""
    path = parse_key(key)
    if len(path) != 3 or path[0] not in ("ionic", "drug") or path[1] not in ("scalings",
                                                                        "parameters"):
        return
    from cardiotwin.ionic import get_model, model_names

    known = set(model_names())
    for name in {cfg.ionic.model, *(lay.model for lay in cfg.ionic.layers)}:
        if name not in known:
            continue  # a CellML/.mmt file: checked when the member runs
        params = get_model(name).param_names
        if path[2] not in params:
            raise ConfigError(f"sweep key {key!r}: model {name!r} has no parameter "
                              f"{path[2]!r}; it has: {', '.join(params)}")


def _config_hash(cfg: Any) -> str:
    if isinstance(cfg, RunConfig):
        d = config_to_dict(cfg)
        d.pop("source", None)
    else:
        from dataclasses import asdict

        d = asdict(cfg)
    return hashlib.sha256(json.dumps(d, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _member_config(study: str, raw: dict, cfg_dir: Path, source: Path | None) -> Any:
    """The validated configuration of one member (or of the base)."""
    if study == "beat":
        from cardiotwin.studies.beat import beat_config_from_dict

        return beat_config_from_dict(raw, cfg_dir, where=str(source or "beat configuration"))
    return RunConfig.from_dict(raw, cfg_dir, source=source)


def sweep_from_dict(data: dict, base_dir: Path, source: Path | None = None) -> Sweep:
    """Build and validate a :class:`Sweep` from a parsed sweep file.

    Parameters
    ----------
    data
        The sweep table (see the module docstring).
    base_dir
        Folder that relative paths (``base``, and those in an inline base) are relative to.
    source
        The sweep file, recorded in the batch folder.
    """
    check_keys(data, Sweep.KEYS, "", document="the sweep")
    study = data.get("study", "run")
    if study not in STUDIES:
        raise ConfigError(f"study = {study!r}: expected one of {', '.join(STUDIES)}")
    base = data.get("base")
    if isinstance(base, str):
        p = Path(base)
        p = p if p.is_absolute() else (base_dir / p).resolve()
        if not p.is_file():
            raise ConfigError(f"sweep base: configuration file not found: {p}")
        try:
            base_data = tomllib.loads(p.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"sweep base {p} is not valid TOML: {exc}") from exc
        base_source, cfg_dir = p, p.parent
    elif isinstance(base, dict):
        base_data, base_source, cfg_dir = base, source, base_dir
    else:
        raise ConfigError(f"sweep base = {base!r} is invalid: expected the path of a "
                          f"{study} configuration or an inline [base] table")
    try:
        _member_config(study, copy.deepcopy(base_data), cfg_dir, base_source)
    except ConfigError as exc:
        raise ConfigError(f"sweep base configuration: {exc}") from None
    grid = _grid(data["grid"]) if "grid" in data else [{}]
    samples = _samples(data["sample"]) if "sample" in data else [{}]
    if "grid" not in data and "sample" not in data:
        raise ConfigError("the sweep has no variants: give [grid] and/or [sample]")
    overlap = sorted(set(grid[0]) & set(samples[0]))
    if overlap:
        raise ConfigError(f"sweep key {overlap[0]!r} is both in [grid] and in "
                          "[sample.ranges]; vary it in one of them")
    keys = (*grid[0], *samples[0])
    width = max(4, len(str(len(grid) * len(samples) - 1)))
    members = []
    for i, (g, s) in enumerate(itertools.product(grid, samples)):
        params = {**g, **s}
        mid = f"m{i:0{width}d}"
        raw = copy.deepcopy(base_data)
        for k, v in params.items():
            set_key(raw, k, v)
        desc = ", ".join(f"{k} = {v!r}" for k, v in params.items())
        try:
            cfg = _member_config(study, raw, cfg_dir, base_source)
        except ConfigError as exc:
            if i == 0 and "unknown key" in str(exc):
                raise ConfigError(f"sweep keys {', '.join(map(repr, keys))} do not all exist "
                                  f"in the {study} configuration: {exc}") from None
            raise ConfigError(f"sweep member {mid} ({desc}): {exc}") from None
        if i == 0 and study == "run":
            for k in keys:
                _check_scaling_key(k, cfg)
        members.append(Member(mid, tuple((k, _freeze(v)) for k, v in params.items()), cfg,
                              _config_hash(cfg)))
    h = hashlib.sha256("".join(f"{m.id}:{m.config_hash};" for m in members).encode())
    desc = data.get("description", "")
    if not isinstance(desc, str):
        raise ConfigError(f"description = {desc!r} is invalid: expected a string")
    return Sweep(members=tuple(members), keys=tuple(keys),
                 ranks_per_member=data.get("ranks_per_member", 1),
                 sweep_hash=h.hexdigest()[:16], source=source, description=desc, study=study)


def _freeze(v: Any) -> Any:
    return tuple(_freeze(x) for x in v) if isinstance(v, list) else v


def load_sweep(path: str | Path) -> Sweep:
    """Read and validate a sweep file (TOML); every member's configuration is checked."""
    path = Path(path)
    data = read_toml(path, "sweep file")
    return sweep_from_dict(data, path.resolve().parent, source=path.resolve())


# ----------------------------------------------------------------------------- running
def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def _write_json(path: Path, data: Any) -> None:
    """Write atomically: a reader sees the old file or the whole new one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=1, default=str))
    tmp.replace(path)


def member_done(outdir: Path, member: Member) -> bool:
    """Whether ``member``'s results in the batch folder ``outdir`` are complete."""
    done = _read_json(outdir / "members" / member.id / DONE_FILE)
    return bool(done and done.get("status") == "done"
                and done.get("config_hash") == member.config_hash)


def _prepare(sweep: Sweep, outdir: Path, *, overwrite: bool) -> str | None:
    """Rank 0: check/create the batch folder; the error message or ``None``."""
    meta = outdir / "batch.json"
    if outdir.exists() and any(outdir.iterdir()):
        old = _read_json(meta)
        if overwrite:
            shutil.rmtree(outdir)
        elif old is None:
            return (f"{outdir} exists, is not empty and is not a batch folder (no readable "
                    f"{meta.name}); use --overwrite to replace it or choose another folder")
        elif old.get("sweep_hash") != sweep.sweep_hash:
            return (f"{outdir} holds the results of a different sweep (hash "
                    f"{old.get('sweep_hash')} != {sweep.sweep_hash}: the sweep file or its base "
                    "configuration changed); use --overwrite to start again or choose "
                    "another folder")
        else:
            return None
    (outdir / "members").mkdir(parents=True, exist_ok=True)
    if sweep.source is not None:
        shutil.copyfile(sweep.source, outdir / "sweep.toml")
    _write_json(meta, {
        "sweep": str(sweep.source) if sweep.source else None,
        "description": sweep.description,
        "sweep_hash": sweep.sweep_hash,
        "keys": list(sweep.keys),
        "members": [{"id": m.id, "params": dict(m.params), "config_hash": m.config_hash}
                    for m in sweep.members],
    })
    return None


def _shared_mesh(sweep: Sweep, outdir: Path, comm: Any) -> Sweep:
    """Mesh a label-image base once for all members (unless the sweep varies geometry)."""
    if sweep.study != "run" or any(str(parse_key(k)[0]) == "geometry" for k in sweep.keys):
        return sweep  # a beat meshes its own mechanics and EP meshes
    g = sweep.members[0].config.geometry
    if g.labels is None:
        return sweep
    from cardiotwin.studies.runner import mesh_geometry

    mesh_dir = outdir / "mesh"
    done = comm.bcast((mesh_dir / "geometry.json").is_file() if comm.rank == 0 else None)
    if not done:
        logger.info("batch: meshing %s once for all members into %s", g.labels, mesh_dir)
        mesh_geometry(sweep.members[0].config, mesh_dir, comm)
    geometry = replace(g, labels=None, mesh=mesh_dir)
    members = tuple(replace(m, config=replace(m.config, geometry=geometry))
                    for m in sweep.members)
    return replace(sweep, members=members)


def _beat_headline(summary: dict[str, Any]) -> dict[str, Any]:
    out = {f"{v}_{k}": summary[v][k] for v in ("lv", "rv") for k in summary[v]}
    out.update({k: summary.get(k) for k in BEAT_HEADLINE if k not in out})
    return {k: out.get(k) for k in BEAT_HEADLINE}


def _run_member(member: Member, outdir: Path, sub: Any, *, group: int, progress: bool,
                study: str = "run") -> dict[str, Any]:
    """Run one member on the group's communicator; its record (also on disk)."""
    mdir = outdir / "members" / member.id
    record: dict[str, Any] = {"id": member.id, "params": dict(member.params),
                              "config_hash": member.config_hash, "group": group,
                              "ranks": sub.size}
    t0 = time.perf_counter()
    resume = sub.bcast((mdir / "checkpoint" / "meta.json").is_file() if sub.rank == 0
                       else None, root=0)
    record["resumed"] = resume
    try:
        if study == "beat":  # an interrupted member continues from its last beat
            from cardiotwin.studies.beat import run_beat

            summary = run_beat(sub, member.config, mdir, resume=True)
        else:
            from cardiotwin.studies.runner import run_simulation

            summary = run_simulation(member.config, mdir, comm=sub, overwrite=not resume,
                                     resume=resume, progress=progress, label=member.id)
    except Exception as exc:  # a failed member must not stop the cohort
        logger.error("batch: member %s failed: %s", member.id, exc)
        record.update(status="failed", error=f"{type(exc).__name__}: {exc}",
                      member_wall_s=round(time.perf_counter() - t0, 2))
        if sub.rank == 0:
            mdir.mkdir(parents=True, exist_ok=True)
            (mdir / DONE_FILE).unlink(missing_ok=True)
            _write_json(mdir / FAILED_FILE, record)
        return record
    headline = (_beat_headline(summary) if study == "beat"
                else {k: summary.get(k) for k in HEADLINE})
    record.update(status="done", member_wall_s=round(time.perf_counter() - t0, 2), **headline)
    summary.pop("_sim", None)
    if sub.rank == 0:
        (mdir / FAILED_FILE).unlink(missing_ok=True)
        _write_json(mdir / DONE_FILE, record)  # last: marks the member complete
    return record


def _results_table(sweep: Sweep, outdir: Path) -> tuple[Path, list[dict[str, Any]]]:
    """Rank 0: results.csv from every member's record on disk."""
    rows = []
    for m in sweep.members:
        mdir = outdir / "members" / m.id
        rec = _read_json(mdir / DONE_FILE) if member_done(outdir, m) else None
        rec = rec or _read_json(mdir / FAILED_FILE) or {"status": "pending"}
        row: dict[str, Any] = {"member": m.id, "status": rec.get("status", "pending")}
        for k, v in m.params:
            row[k] = json.dumps(v) if isinstance(v, tuple | list) else v
        for k in (*(BEAT_HEADLINE if sweep.study == "beat" else HEADLINE), "member_wall_s"):
            row[k] = rec.get(k)
        row["error"] = rec.get("error", "")
        rows.append(row)
    path = outdir / "results.csv"
    tmp = path.with_name(".results.csv.tmp")
    with tmp.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows([{k: ("" if v is None else v) for k, v in r.items()} for r in rows])
    tmp.replace(path)
    return path, rows


def _claim_next(pending: list[Member], outdir: Path, sub: Any) -> Member | None:
    """The next pending member nobody has claimed, claimed for this group (its leader
    creates ``claims/<id>`` exclusively; the group follows).  Collective on ``sub``.
    """
    choice = None
    if sub.rank == 0:
        for i, m in enumerate(pending):
            try:
                fd = os.open(outdir / CLAIMS_DIR / m.id, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                continue
            os.write(fd, f"{socket.gethostname()} {os.getpid()}\n".encode())
            os.close(fd)
            choice = i
            break
    choice = sub.bcast(choice, root=0)
    return None if choice is None else pending[choice]


def slurm_array_script(sweep: Sweep, outdir: str | Path, *, ranks_per_member: int | None = None,
                       time_limit: str = "04:00:00", max_parallel: int | None = None,
                       command: str = "cardiotwin", extra_sbatch: tuple[str, ...] = ()
                       ) -> Path:
    """Write ``outdir/batch.sbatch``: a SLURM job array, one member per array task.

    Each task runs ``cardiotwin batch SWEEP -o OUTDIR --member I`` on ``ranks_per_member``
    ranks (srun); submitting it with ``sbatch --dependency`` chaining the written
    ``collect.sbatch`` gives ``results.csv`` once all are done.  Member folders, checkpoints
    and resumption are those of a local batch.  Returns the array script's path.
    """
    if sweep.source is None:
        raise ConfigError("a SLURM job array needs a sweep read from a file (its tasks reread it)")
    rpm = sweep.ranks_per_member if ranks_per_member is None else ranks_per_member
    if isinstance(rpm, bool) or not isinstance(rpm, int) or rpm < 1:
        raise ConfigError(f"ranks_per_member = {rpm!r}: expected an integer >= 1")
    out = Path(outdir).resolve()
    err = _prepare(sweep, out, overwrite=False)  # before the tasks race to create it
    if err:
        raise ConfigError(err)
    n = len(sweep.members)
    limit = f"%{max_parallel}" if max_parallel else ""
    head = ["#!/bin/bash", f"#SBATCH --job-name=cardiotwin-{sweep.sweep_hash[:8]}",
            f"#SBATCH --array=0-{n - 1}{limit}", f"#SBATCH --ntasks={rpm}",
            f"#SBATCH --time={time_limit}", f"#SBATCH --output={out}/slurm-%A_%a.out",
            *(f"#SBATCH {x}" for x in extra_sbatch)]
    src = sweep.source.resolve()
    array = [*head, "", f"srun {command} batch {src} -o {out} --member "
             "$SLURM_ARRAY_TASK_ID --quiet", ""]
    collect = ["#!/bin/bash", "#SBATCH --job-name=cardiotwin-collect", "#SBATCH --ntasks=1",
               "#SBATCH --time=00:10:00", f"#SBATCH --output={out}/slurm-collect-%j.out",
               *(f"#SBATCH {x}" for x in extra_sbatch), "",
               f"{command} batch {src} -o {out} --collect", ""]
    path = out / "batch.sbatch"
    path.write_text("\n".join(array))
    (out / "collect.sbatch").write_text("\n".join(collect))
    return path


def collect_results(sweep: Sweep, outdir: str | Path) -> tuple[Path, list[dict[str, Any]]]:
    """Write ``results.csv`` of a batch folder from its members' records (nothing is run)."""
    out = Path(outdir).resolve()
    meta = _read_json(out / "batch.json")
    if meta is None or meta.get("sweep_hash") != sweep.sweep_hash:
        raise ConfigError(f"{out} is not a batch folder of this sweep (no batch.json with hash "
                          f"{sweep.sweep_hash})")
    return _results_table(sweep, out)


def member_index(sweep: Sweep, member: str | int) -> str:
    """The id of a member given as its index (``3``, a SLURM array task id) or id."""
    ids = [m.id for m in sweep.members]
    if isinstance(member, int) or str(member).isdigit():
        i = int(member)
        if not 0 <= i < len(ids):
            raise ConfigError(f"member index {i} is out of range 0..{len(ids) - 1}")
        return ids[i]
    if member not in ids:
        raise ConfigError(f"no member {member!r} in this sweep; ids are {ids[0]}..{ids[-1]}")
    return str(member)


def run_batch(sweep: Sweep, outdir: str | Path, *, comm: Any = None, overwrite: bool = False,
              ranks_per_member: int | None = None, progress: bool = True,
              only: str | None = None) -> dict[str, Any]:
    """Run every pending member of ``sweep`` into the batch folder ``outdir``.

    Parameters
    ----------
    sweep
        The validated sweep (:func:`load_sweep`).
    outdir
        The batch folder (layout in the module docstring).
    comm
        Communicator to spread members over (default ``MPI.COMM_WORLD``).
    overwrite
        Replace an existing batch folder (also one of a different sweep).
    ranks_per_member
        Override the sweep's ``ranks_per_member``; it must divide ``comm.size``.
    progress
        Log each finished member and show the progress bar of the members of the group
        that holds rank 0.
    only
        Run only this member (an id from :func:`member_index`): one task of a job array.

    Returns
    -------
    dict
        The same on every rank: ``members``, ``ran`` and ``skipped`` (member ids),
        ``failed`` (ids), ``groups``, ``wall_s``, ``results`` (the CSV path) and ``rows``.
    """
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    comm = comm or MPI.COMM_WORLD
    rpm = sweep.ranks_per_member if ranks_per_member is None else ranks_per_member
    if isinstance(rpm, bool) or not isinstance(rpm, int) or rpm < 1 or comm.size % rpm:
        raise ConfigError(f"ranks_per_member = {rpm!r} must be a positive divisor of the "
                          f"number of MPI ranks ({comm.size})")
    outdir = Path(outdir).resolve()
    t0 = time.perf_counter()
    err = _prepare(sweep, outdir, overwrite=overwrite) if comm.rank == 0 else None
    err = comm.bcast(err, root=0)
    if err:
        raise ConfigError(err)
    handler = None
    batch_logger = logging.getLogger(__name__)
    if comm.rank == 0:
        handler = logging.FileHandler(outdir / "batch.log")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s: %(message)s"))
        handler.setLevel(logging.INFO)
        batch_logger.addHandler(handler)
        if batch_logger.getEffectiveLevel() > logging.INFO:
            batch_logger.setLevel(logging.INFO)
    sub = None
    try:
        sweep = _shared_mesh(sweep, outdir, comm)
        done = ([m.id for m in sweep.members if member_done(outdir, m)]
                if comm.rank == 0 else None)
        done = set(comm.bcast(done, root=0))
        pending = [m for m in sweep.members if m.id not in done]
        if only is not None:
            pending = [m for m in pending if m.id == only]
        n_groups = comm.size // rpm
        group = comm.rank // rpm
        logger.info("batch: %d members, %d already done, %d to run on %d group(s) of %d "
                    "rank(s) into %s", len(sweep.members), len(done), len(pending), n_groups,
                    rpm, outdir)
        if comm.rank == 0:  # claims of an earlier, interrupted run of this folder
            (outdir / CLAIMS_DIR).mkdir(exist_ok=True)
            for m in pending:
                (outdir / CLAIMS_DIR / m.id).unlink(missing_ok=True)
        comm.Barrier()
        sub = comm.Split(color=group, key=comm.rank)
        records = []
        while True:
            m = _claim_next(pending, outdir, sub)
            if m is None:
                break
            rec = _run_member(m, outdir, sub, group=group,
                              progress=progress and group == 0, study=sweep.study)
            records.append(rec)
            if rec["status"] == "done":
                logger.info("batch: %s done in %.1f s (group %d, member %d of this group) %s",
                            m.id, rec["member_wall_s"], group, len(records),
                            ", ".join(f"{k}={v}" for k, v in m.params))
        everyone = [r for part in comm.allgather(records if sub.rank == 0 else [])
                    for r in part]
        ran = [r["id"] for r in everyone]
        failed = [r["id"] for r in everyone if r["status"] != "done"]
        comm.Barrier()
        path, rows = _results_table(sweep, outdir) if comm.rank == 0 else (None, None)
        path, rows = comm.bcast((path, rows), root=0)
        wall = comm.allreduce(time.perf_counter() - t0, op=MPI.MAX)
        logger.info("batch: %d run, %d skipped, %d failed in %.1f s; results in %s",
                    len(ran), len(done), len(failed), wall, path)
        per_group = {r["group"]: 0 for r in everyone}
        for r in everyone:
            per_group[r["group"]] += 1
        return {"members": len(sweep.members), "ran": sorted(ran), "skipped": sorted(done),
                "failed": sorted(failed), "groups": n_groups, "ranks_per_member": rpm,
                "members_per_group": dict(sorted(per_group.items())),
                "resumed": sorted(r["id"] for r in everyone if r.get("resumed")),
                "wall_s": round(wall, 2), "results": str(path), "rows": rows}
    finally:
        if sub is not None:
            import gc

            gc.collect()  # PETSc objects of the members, collectively on their groups
            sub.Free()
        if handler is not None:
            batch_logger.removeHandler(handler)
            handler.close()
