"""Batch runs: sweep validation, sampling, members over MPI ranks, results table, resume."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.studies.batch import load_sweep, parse_key, sweep_from_dict, unit_samples

REPO = Path(__file__).resolve().parents[2]
PHANTOM = REPO / "meshes" / "phantom_biv"

# A small sphere stimulus in the LV wall of the shipped 2.5 mm phantom and 15 ms: the
# activated fraction then measures how far the wave got, i.e. the conduction velocity.
BASE = f"""
[geometry]
mesh = "{PHANTOM}"

[[stimulus]]
sphere = {{centre_mm = [-12.55, -11.32, -25.64], radius_mm = 4.0}}
duration_ms = 1.0
amplitude = 60.0

[time]
t_end_ms = 15.0
dt_ms = 0.1

[output]
series_every_ms = 5.0
checkpoint_every_ms = 50.0
ecg = "none"
pictures = false
"""

SWEEP = """
description = "conduction: sigma_f x gNa"
base = "base.toml"

[grid]
"conductivity.sigma_f" = [0.1, 0.6]
ionic.scalings.gNa = [0.5, 1.0]
"""


def _write(folder: Path, sweep: str = SWEEP) -> Path:
    (folder / "base.toml").write_text(BASE)
    (folder / "sweep.toml").write_text(sweep)
    return folder / "sweep.toml"


def _shared_dir(comm, factory, name: str) -> Path:
    return Path(comm.bcast(str(factory.mktemp(name)) if comm.rank == 0 else None))


def _mtimes(out: Path, comm) -> dict[str, int]:
    """Done-marker times, read on rank 0 once every rank has returned (same on all ranks)."""
    comm.Barrier()
    times = None
    if comm.rank == 0:
        times = {p.parent.name: p.stat().st_mtime_ns for p in out.glob("members/*/done.json")}
    return comm.bcast(times, root=0)


@pytest.mark.mpi
def test_batch_runs_members_over_ranks_and_resumes(dolfinx, comm, tmp_path_factory):
    from cardiotwin.studies.batch import run_batch

    folder = _shared_dir(comm, tmp_path_factory, "batch")
    if comm.rank == 0:
        _write(folder)
    comm.Barrier()
    sweep = load_sweep(folder / "sweep.toml")
    out = folder / "out"
    res = run_batch(sweep, out, comm=comm, progress=False)
    assert res["ran"] == ["m0000", "m0001", "m0002", "m0003"]
    assert res["skipped"] == [] and res["failed"] == []
    assert res["groups"] == comm.size

    with (out / "results.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert [r["member"] for r in rows] == ["m0000", "m0001", "m0002", "m0003"]
    grid = [(float(r["conductivity.sigma_f"]), float(r["ionic.scalings.gNa"])) for r in rows]
    assert grid == [(0.1, 0.5), (0.1, 1.0), (0.6, 0.5), (0.6, 1.0)]
    groups = set()
    for r in rows:
        mdir = out / "members" / r["member"]
        assert r["status"] == "done"
        # the override reached the member's configuration
        cfg = json.loads((mdir / "config.json").read_text())
        assert cfg["conductivity"]["sigma_f"] == float(r["conductivity.sigma_f"])
        assert cfg["ionic"]["scalings"] == [["gNa", float(r["ionic.scalings.gNa"])]]
        # the table holds the member's own summary numbers
        summary = json.loads((mdir / "summary.json").read_text())
        assert float(r["activated_fraction"]) == summary["activated_fraction"]
        assert float(r["total_activation_ms"]) == summary["total_activation_ms"]
        groups.add(json.loads((mdir / "done.json").read_text())["group"])
    assert groups == set(range(comm.size))  # members were spread over the ranks
    # physics: faster conduction (higher sigma_f or gNa) activates more tissue in 15 ms
    af = {g: float(r["activated_fraction"]) for g, r in zip(grid, rows, strict=True)}
    for g_na in (0.5, 1.0):
        assert af[(0.6, g_na)] > 1.3 * af[(0.1, g_na)]
    for sigma in (0.1, 0.6):
        assert af[(sigma, 1.0)] > af[(sigma, 0.5)]

    # rerunning the same command runs nothing and leaves the members untouched
    before = _mtimes(out, comm)
    res = run_batch(sweep, out, comm=comm, progress=False)
    assert res["ran"] == [] and len(res["skipped"]) == 4
    assert _mtimes(out, comm) == before

    # an interrupted member (no done marker) is the only one run again
    comm.Barrier()
    if comm.rank == 0:
        (out / "members" / "m0002" / "done.json").unlink()
    comm.Barrier()
    res = run_batch(sweep, out, comm=comm, progress=False)
    assert res["ran"] == ["m0002"]
    after = _mtimes(out, comm)
    assert {k: v for k, v in after.items() if k != "m0002"} == {
        k: v for k, v in before.items() if k != "m0002"}
    assert after["m0002"] > before["m0002"]

    # a changed sweep is refused, then replaced with overwrite=True
    changed = sweep_from_dict({"base": str(folder / "base.toml"),
                               "grid": {"conductivity.sigma_f": [0.3]}}, folder)
    with pytest.raises(ConfigError, match="different sweep"):
        run_batch(changed, out, comm=comm, progress=False)
    res = run_batch(changed, out, comm=comm, overwrite=True, progress=False)
    assert res["ran"] == ["m0000"] and res["members"] == 1
    assert sorted(p.name for p in (out / "members").iterdir()) == ["m0000"]


@pytest.mark.mpi
def test_member_on_all_ranks_matches_members_on_one_rank(dolfinx, comm, tmp_path_factory):
    from cardiotwin.studies.batch import run_batch

    folder = _shared_dir(comm, tmp_path_factory, "batch_rpm")
    if comm.rank == 0:
        _write(folder, SWEEP.replace("[0.5, 1.0]", "[1.0]"))
    comm.Barrier()
    sweep = load_sweep(folder / "sweep.toml")
    one = run_batch(sweep, folder / "one", comm=comm, ranks_per_member=1, progress=False)
    every = run_batch(sweep, folder / "all", comm=comm, ranks_per_member=comm.size,
                      progress=False)
    assert every["groups"] == 1
    for a, b in zip(one["rows"], every["rows"], strict=True):
        assert a["activated_fraction"] == pytest.approx(b["activated_fraction"], abs=2e-4)
        assert a["total_activation_ms"] == pytest.approx(b["total_activation_ms"], abs=0.02)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: "seeds = 3\n" + s, "unknown key 'seeds' in the sweep"),
    (lambda s: s.replace("ionic.scalings.gNa", "ionic.scaling.gNa"),
     "unknown key 'ionic.scaling'"),
    (lambda s: s.replace("ionic.scalings.gNa", "ionic.scalings.gNaa"),
     "model 'tp06-epi' has no parameter 'gNaa'"),
    (lambda s: s.replace('"conductivity.sigma_f"', '"stimulus[2].amplitude"'),
     "index 2 is past the end of the list"),
    (lambda s: s.replace("[0.1, 0.6]", "[0.1, -0.6]"),
     "conductivity.sigma_f = -0.6 is out of range"),
    (lambda s: s.replace("[0.1, 0.6]", "[]"), "expected a non-empty list"),
    (lambda s: s + '\n[sample]\nn = 4\n[sample.ranges]\n"drug.conc_uM" = [1.0, 0.5]\n',
     "sample.ranges.'drug.conc_uM' = [1.0, 0.5] is invalid"),
    (lambda s: s + '\n[sample]\nn = 0\n[sample.ranges]\n"drug.conc_uM" = [0.0, 1.0]\n',
     "sample.n = 0 is invalid"),
    (lambda s: s.replace('base = "base.toml"', 'base = "nope.toml"'),
     "configuration file not found"),
    (lambda s: s.replace("[grid]", "[grid]\n'time..dt_ms' = [0.1]"), "is malformed"),
])
def test_bad_sweep_names_the_problem(tmp_path, edit, message):
    path = _write(tmp_path, edit(SWEEP))
    with pytest.raises(ConfigError) as exc:
        load_sweep(path)
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


@pytest.mark.skip_in_parallel
def test_cli_bad_sweep_is_one_line_and_touches_nothing(tmp_path):
    path = _write(tmp_path, SWEEP.replace("ionic.scalings.gNa", "ionic.scaling.gNa"))
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "cardiotwin", "batch", str(path), "-o",
                          str(out)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert "unknown key 'ionic.scaling'" in res.stderr
    assert not out.exists()


def test_samples_cover_ranges_and_are_reproducible(tmp_path):
    (tmp_path / "base.toml").write_text(BASE + '\n[drug]\nname = "dofetilide"\nconc_uM = 0.0\n')
    data = {"base": "base.toml", "grid": {"drug.conc_uM": [0.0, 1.0]},
            "sample": {"n": 8, "seed": 3, "log": ["ionic.scalings.gKs"],
                       "ranges": {"ionic": {"scalings": {"gKr": [0.5, 1.5],
                                                          "gKs": [0.1, 10.0]}}}}}
    sweep = sweep_from_dict(data, tmp_path)
    assert len(sweep.members) == 16  # 2 grid points x 8 samples
    assert sweep.keys == ("drug.conc_uM", "ionic.scalings.gKr", "ionic.scalings.gKs")
    params = [dict(m.params) for m in sweep.members]
    assert [p["drug.conc_uM"] for p in params] == [0.0] * 8 + [1.0] * 8
    gkr = np.array([p["ionic.scalings.gKr"] for p in params[:8]])
    gks = np.array([p["ionic.scalings.gKs"] for p in params[:8]])
    # Latin hypercube: one sample in each eighth of the (log-)range
    assert sorted(np.floor((gkr - 0.5) / 1.0 * 8).astype(int)) == list(range(8))
    assert sorted(np.floor(np.log10(gks / 0.1) / 2.0 * 8).astype(int)) == list(range(8))
    # every grid point gets the same population; the member's config carries the values
    assert params[:8] == [{**p, "drug.conc_uM": 0.0} for p in params[8:]]
    m = sweep.members[9]
    assert dict(m.config.ionic.scalings)["gKr"] == params[9]["ionic.scalings.gKr"]
    assert m.config.drug.conc_uM == 1.0
    # same seed -> same sweep (hash); another seed -> another
    assert sweep_from_dict(data, tmp_path).sweep_hash == sweep.sweep_hash
    data["sample"]["seed"] = 4
    assert sweep_from_dict(data, tmp_path).sweep_hash != sweep.sweep_hash


def test_unit_samples_latin_hypercube_strata():
    u = unit_samples(50, 3, seed=7, method="latin-hypercube")
    for j in range(3):
        assert sorted(np.floor(u[:, j] * 50).astype(int)) == list(range(50))
    v = unit_samples(2000, 2, seed=7, method="uniform")
    assert np.all((v >= 0) & (v < 1))
    assert abs(v.mean() - 0.5) < 0.02


def test_parse_key():
    assert parse_key("stimulus[0].sphere.centre_mm") == ["stimulus", 0, "sphere", "centre_mm"]
    assert parse_key("geometry.label_map.lv-myocardium") == ["geometry", "label_map",
                                                             "lv-myocardium"]


@pytest.mark.mpi
def test_failed_member_is_reported_and_retried(dolfinx, comm, tmp_path_factory):
    from cardiotwin.studies.batch import run_batch

    folder = _shared_dir(comm, tmp_path_factory, "batch_fail")
    if comm.rank == 0:
        (folder / "base.toml").write_text(BASE.replace(
            "sphere = {centre_mm = [-12.55, -11.32, -25.64], radius_mm = 4.0}",
            'facets = ["lv-endocardium"]').replace("t_end_ms = 15.0", "t_end_ms = 2.0"))
    comm.Barrier()
    # the second member names a facet tag the geometry does not have: it fails when it runs
    sweep = sweep_from_dict({"base": "base.toml",
                             "grid": {"stimulus[0].facets": [["lv-endocardium"], ["septum"]]}},
                            folder)
    res = run_batch(sweep, folder / "out", comm=comm, progress=False)
    assert res["failed"] == ["m0001"] and res["ran"] == ["m0000", "m0001"]
    rows = {r["member"]: r for r in res["rows"]}
    assert rows["m0000"]["status"] == "done" and rows["m0000"]["error"] == ""
    assert rows["m0001"]["status"] == "failed" and "'septum'" in rows["m0001"]["error"]
    assert json.loads(rows["m0001"]["stimulus[0].facets"]) == ["septum"]
    # a rerun retries only the failed member
    res = run_batch(sweep, folder / "out", comm=comm, progress=False)
    assert res["ran"] == ["m0001"] and res["skipped"] == ["m0000"]


@pytest.mark.mpi
def test_interrupted_member_resumes_from_its_checkpoint(dolfinx, comm, tmp_path_factory):
    """A member stopped after a checkpoint continues from it and ends where an
    uninterrupted member ends."""
    from dataclasses import replace

    from cardiotwin.studies.batch import run_batch
    from cardiotwin.studies.runner import run_simulation

    folder = _shared_dir(comm, tmp_path_factory, "batch_resume")
    base = BASE.replace("t_end_ms = 15.0", "t_end_ms = 30.0").replace(
        "checkpoint_every_ms = 50.0", "checkpoint_every_ms = 10.0")
    if comm.rank == 0:
        (folder / "base.toml").write_text(base)
        (folder / "sweep.toml").write_text(
            'base = "base.toml"\n[grid]\n"conductivity.sigma_f" = [0.3]\n')
    comm.Barrier()
    sweep = load_sweep(folder / "sweep.toml")
    whole = run_batch(sweep, folder / "whole", comm=comm, progress=False)
    # the same member interrupted at 20 ms: its folder holds a checkpoint, no done marker
    (m,) = sweep.members
    cut = replace(m.config, time=replace(m.config.time, t_end_ms=20.0))
    run_simulation(cut, folder / "cut" / "members" / m.id, comm=comm, progress=False)
    if comm.rank == 0:
        (folder / "cut" / "members" / m.id / "summary.json").unlink()
        import shutil

        shutil.copy(folder / "whole" / "batch.json", folder / "cut" / "batch.json")
    comm.Barrier()
    res = run_batch(sweep, folder / "cut", comm=comm, progress=False)
    assert res["ran"] == [m.id] and res["resumed"] == [m.id]
    a = json.loads((folder / "cut" / "members" / m.id / "summary.json").read_text())
    b = json.loads((folder / "whole" / "members" / m.id / "summary.json").read_text())
    assert a["resumed"] and not b["resumed"]
    assert a["t_end_ms"] == b["t_end_ms"] == pytest.approx(30.0)
    assert a["total_activation_ms"] == pytest.approx(b["total_activation_ms"], abs=1e-6)
    assert a["activated_fraction"] == b["activated_fraction"]
    assert whole["rows"][0]["status"] == "done"


@pytest.mark.skip_in_parallel
def test_job_array_single_members_and_collect(tmp_path):
    """The SLURM array script names every member; --member runs one; --collect writes the
    table of whatever is done."""
    sweep_file = _write(tmp_path)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "cardiotwin", "batch", str(sweep_file), "-o", str(out)]
    res = subprocess.run([*cmd, "--slurm-array", "--max-parallel", "2", "--json"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    script = (out / "batch.sbatch").read_text()
    assert "#SBATCH --array=0-3%2" in script
    assert f"batch {sweep_file.resolve()} -o {out.resolve()} --member $SLURM_ARRAY_TASK_ID" \
        in script
    assert "--collect" in (out / "collect.sbatch").read_text()
    res = subprocess.run([*cmd, "--member", "1", "--quiet"], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert sorted(p.parent.name for p in out.glob("members/*/done.json")) == ["m0001"]
    res = subprocess.run([*cmd, "--collect", "--json"], capture_output=True, text=True,
                         timeout=120)
    doc = json.loads(res.stdout)
    assert doc["done"] == 1 and doc["members"] == 4
    with (out / "results.csv").open() as f:
        status = {r["member"]: r["status"] for r in csv.DictReader(f)}
    assert status == {"m0000": "pending", "m0001": "done", "m0002": "pending",
                      "m0003": "pending"}
    res = subprocess.run([*cmd, "--member", "9"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and "out of range 0..3" in res.stderr


BEAT_SWEEP = """
description = "beat: T_ref x arterial resistance"
study = "beat"

[base.mechanics]
dt_ms = 2.0
series_every_ms = 4.0

[base.electrophysiology]
dt_ms = 0.1
edge_length_mm = 0            # the EP on the mechanics mesh
prepace_beats = 0

[base.circulation]
cycle_length_ms = 8.0         # the first milliseconds of a beat
atrial_lead_ms = 4.0
prime_beats = 0

[grid]
"mechanics.Tref_kPa" = [250.0, 300.0]
"circulation.systemic.R_AR_mmHg_s_per_mL" = [0.8]
"""


def test_beat_sweep_builds_and_checks_beat_configurations(tmp_path):
    """study = "beat": members are beat configurations (BEAT_TOML sections), a
    circulation group changed through its dotted key; a key the beat configuration lacks
    or a bad value is named before anything runs."""
    import tomllib

    sweep = sweep_from_dict(tomllib.loads(BEAT_SWEEP), tmp_path)
    assert sweep.study == "beat" and len(sweep.members) == 2
    cfgs = [m.config for m in sweep.members]
    assert [c.Tref_kPa for c in cfgs] == [250.0, 300.0]
    assert all(c.circulation == {"atrial_lead_ms": 4.0,
                                 "systemic": {"R_AR_mmHg_s_per_mL": 0.8}} for c in cfgs)
    assert all(c.cycle_length_ms == 8.0 and c.ep_edge_length_mm is None for c in cfgs)
    assert len({m.config_hash for m in sweep.members}) == 2
    bad = BEAT_SWEEP.replace('"mechanics.Tref_kPa"', '"mechanics.T_ref"')
    with pytest.raises(ConfigError, match="do not all exist in the beat configuration"):
        sweep_from_dict(tomllib.loads(bad), tmp_path)
    bad = BEAT_SWEEP.replace("[250.0, 300.0]", "[250.0, -1.0]")
    with pytest.raises(ConfigError, match=r"member m0001 .*Tref_kPa"):
        sweep_from_dict(tomllib.loads(bad), tmp_path)
    with pytest.raises(ConfigError, match="study = 'beats'"):
        sweep_from_dict(tomllib.loads(BEAT_SWEEP.replace('"beat"', '"beats"')), tmp_path)


@pytest.mark.mpi
def test_beat_batch_runs_members_and_tabulates_pv_numbers(dolfinx, comm, tmp_path_factory):
    """Two beat members (8 ms of a beat each) run to results.csv with their PV numbers;
    the stronger T_ref has the higher LV peak pressure; the same command again skips
    both."""
    import tomllib

    from cardiotwin.studies.batch import BEAT_HEADLINE, run_batch

    out = _shared_dir(comm, tmp_path_factory, "beat-batch")
    sweep = sweep_from_dict(tomllib.loads(BEAT_SWEEP), out)
    res = run_batch(sweep, out / "batch", comm=comm, progress=False)
    assert res["failed"] == [] and sorted(res["ran"]) == ["m0000", "m0001"]
    rows = {r["member"]: r for r in res["rows"]}
    for r in rows.values():
        assert set(BEAT_HEADLINE) <= set(r)
        assert r["status"] == "done" and r["lv_edv_ml"] > 10.0
        assert np.isfinite(r["lv_peak_pressure_mmhg"]) and r["peak_Ta_kPa"] > 0.0
    assert rows["m0001"]["peak_Ta_kPa"] > rows["m0000"]["peak_Ta_kPa"]
    # the member folder has the ParaView series (frames at 4 and 8 ms) and the pictures
    # of the deformed heart at the beat's start and at its smallest LV volume
    member = out / "batch" / "members" / "m0001"
    assert (member / "deformed_ed.png").stat().st_size > 10_000
    assert (member / "deformed_es.png").stat().st_size > 10_000
    pv = (member / "mechanics" / "pv.csv").read_text().splitlines()
    assert len(pv) == 3 and pv[0].startswith("index") and pv[2].startswith("8,")
    again = run_batch(sweep, out / "batch", comm=comm, progress=False)
    assert again["ran"] == [] and sorted(again["skipped"]) == ["m0000", "m0001"]
