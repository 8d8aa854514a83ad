"""AF ablation study: configuration errors, pacing sites, driver targeting, and a reduced
run on the phantom atria where PV isolation must block exit from the paced vein."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.studies.af_ablation import AFConfig, driver_lesion, driver_targets


@pytest.mark.parametrize("kw, match", [
    (dict(sites=("lspv", "nowhere")), "sites"),
    (dict(sites=()), "sites"),
    (dict(s2_ms=(150.0, 160.0)), "s2_ms"),
    (dict(protocol="ramp"), "protocol"),
    (dict(persist_ms=0.0), "persist_ms"),
    (dict(optima_rounds=0), "optima_rounds"),
    (dict(ranks_per_run=0), "ranks_per_run"),
    (dict(min_af_fraction=1.0), "min_af_fraction"),
    (dict(fibrosis_from="/no/such/atria"), "fibrosis_from = '/no/such/atria': expected"),
    (dict(fibrosis_from="."), r"fibrosis_from = '\.' needs the LGE image"),
])
def test_bad_configuration_is_named(kw, match):
    with pytest.raises(ConfigError, match=match):
        AFConfig(**kw)


def _grid(n: int = 21) -> tuple[np.ndarray, np.ndarray]:
    s = np.linspace(0.0, 20.0, n)  # 1 mm spacing
    xx, yy = np.meshgrid(s, s, indexing="xy")
    pts = np.column_stack([xx.ravel(), yy.ravel(), np.zeros(n * n)])
    idx = np.arange(n * n).reshape(n, n)
    a, b, c, d = idx[:-1, :-1].ravel(), idx[:-1, 1:].ravel(), idx[1:, 1:].ravel(), \
        idx[1:, :-1].ravel()
    return pts, np.vstack([np.column_stack([a, b, c]), np.column_stack([a, c, d])])


def test_driver_targets_are_the_density_peaks():
    pts, _ = _grid()
    peaks = [np.array([5.0, 5.0, 0.0]), np.array([15.0, 12.0, 0.0])]
    dens = (3.0 * np.exp(-np.sum((pts - peaks[0]) ** 2, axis=1) / 8.0)
            + 2.0 * np.exp(-np.sum((pts - peaks[1]) ** 2, axis=1) / 8.0))
    got = driver_targets(pts, dens, separation_mm=5.0)
    assert [tuple(pts[i]) for i in got] == [tuple(peaks[0]), tuple(peaks[1])]
    # a peak below the fraction of the maximum is not a target
    assert len(driver_targets(pts, dens, min_fraction=0.8, separation_mm=5.0)) == 1
    assert driver_targets(pts, np.zeros(len(pts))) == []


def test_driver_lesion_runs_straight_to_the_nearest_boundary():
    pts, tri = _grid()
    blocked = pts[:, 0] == 0.0  # the left edge conducts nothing
    target = int(np.argmin(np.linalg.norm(pts - [6.0, 9.0, 0.0], axis=1)))
    les = driver_lesion(pts, tri, target, blocked, width_mm=4.0)
    line = np.asarray(les.points_mm)
    assert les.radius_mm == 2.0
    assert np.allclose(line[:, 1], 9.0)  # straight along the grid row
    assert sorted(line[:, 0]) == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]


@pytest.fixture(scope="module")
def atria():
    from mpi4py import MPI

    pytest.importorskip("dolfinx")
    from cardiotwin.geometry.io import load_phantom_atria

    return load_phantom_atria(MPI.COMM_SELF)


def test_pacing_sites_lie_in_their_veins(atria):
    from cardiotwin.studies.af_ablation import SITES, pacing_sites

    sites = pacing_sites(atria, SITES[:-1])
    lms = atria.report["landmarks"]
    for v in ("lspv", "lipv", "rspv", "ripv", "laa"):
        p = np.asarray(sites[v])
        c, d = np.asarray(lms[v]["centre_mm"]), np.asarray(lms[v]["direction"])
        along = (p - c) @ d
        # beyond the ostium, inside the sleeve, and nearer this opening than any other
        assert 0.0 < along <= atria.report["vein_sleeve_mm"] + 1.0, v
        others = [np.linalg.norm(p - np.asarray(lms[o]["centre_mm"])) for o in lms
                  if o != v and "centre_mm" in lms[o]]
        assert np.linalg.norm(p - c) < min(others), v
    with pytest.raises(ConfigError, match="lacks its landmark"):
        from types import SimpleNamespace

        pacing_sites(SimpleNamespace(table=atria.table, report={"landmarks": {}}),
                     ("ra-lateral",))


REDUCED = AFConfig(sites=("lspv", "laa"), s1_ms=250.0, n_s1=2, s2_ms=(140.0,),
                   persist_ms=300.0, strategies=("pvi",))


def _check_reduced(out):
    base = {s["site"]: s for s in out["baseline"]["sites"]}
    pvi = {s["site"]: s for s in out["strategies"][0]["sites"]}
    assert out["strategies"][0]["name"] == "pvi"
    for key in ("inducible", "dominant_frequency_hz", "phase_singularities"):
        assert key in out["baseline"]
    # without lesions a beat from either site reaches both atria (RA through the links),
    # apart from the dense scar, which never activates
    assert base["lspv"]["activated_fraction"] > 0.8
    assert base["laa"]["activated_fraction"] > 0.8
    # PV isolation: exit block from the paced vein (its sleeve only: < 10 % of the atria);
    # the rest of the atria still activate from the appendage
    assert pvi["lspv"]["activated_fraction"] < 0.1
    assert pvi["laa"]["activated_fraction"] > 0.6
    assert not pvi["lspv"]["inducible"]
    assert out["strategies"][0]["lesion_area_mm2"] > 0
    # the phantom's LGE-like image: three fibrotic patches, a few per cent of the atria
    fib = out["fibrosis"]
    assert 0.005 < fib["dense_share"] < 0.1 and 0.005 < fib["interstitial_share"] < 0.1


@pytest.mark.mpi
def test_reduced_study_pvi_blocks_exit_from_the_vein(comm, dolfinx, tmp_path_factory):
    from cardiotwin.studies.af_ablation import af_ablation

    out = af_ablation(comm, REDUCED)
    _check_reduced(out)
    assert out["ranks"] == comm.size


@pytest.mark.mpi
def test_sites_batched_over_ranks_give_the_same_table(comm, dolfinx):
    """One rank per run (sites dealt to the ranks) against all ranks per run."""
    from cardiotwin.studies.af_ablation import af_ablation

    if comm.size < 2:
        pytest.skip("needs mpiexec -n 2")
    cfg = replace(REDUCED, strategies=())
    shared = af_ablation(comm, cfg)
    split = af_ablation(comm, replace(cfg, ranks_per_run=1))
    a = [(s["site"], s["inducible"], round(s["activated_fraction"], 3))
         for s in shared["baseline"]["sites"]]
    b = [(s["site"], s["inducible"], round(s["activated_fraction"], 3))
         for s in split["baseline"]["sites"]]
    assert a == b


def test_outcomes_from_dominant_frequency_and_singularities():
    from cardiotwin.studies.af_ablation import classify_outcome

    rng = np.random.default_rng(0)
    uniform = 6.0 + rng.normal(0.0, 0.05, 500)  # one rhythm everywhere
    two = np.r_[np.full(250, 5.0), np.full(250, 8.0)]  # two domains: fibrillatory conduction
    assert classify_outcome(False, None, None) == "terminated"
    assert classify_outcome(True, uniform, 1.0) == "organised"
    assert classify_outcome(True, uniform, 4.0) == "fibrillation"  # several drivers
    assert classify_outcome(True, two, 1.0) == "fibrillation"
