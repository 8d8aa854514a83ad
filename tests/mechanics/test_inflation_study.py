"""The passive-inflation study on the coarse benchmark ellipsoid: outputs, the two volume
computations, and a failed inflation that leaves no converged-looking result."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import pytest


def _geometry(comm):
    from cardiotwin.studies.mechbench import ELLIPSOID_TAGS, ellipsoid_mesh, land_fibre_fields

    mesh, ft = ellipsoid_mesh(comm, 2.5)
    ids = {"lv-endocardium": ELLIPSOID_TAGS["endocardium"], "base": ELLIPSOID_TAGS["base"],
           "epicardium": ELLIPSOID_TAGS["epicardium"]}
    return mesh, ft, ids, land_fibre_fields(mesh, 4)


def _outdir(comm, factory, name) -> Path:
    out = str(factory.mktemp(name)) if comm.rank == 0 else None
    return Path(comm.bcast(out, root=0))


@pytest.mark.mpi
def test_inflation_outputs_and_volume_agreement(comm, tmp_path_factory):
    from cardiotwin.studies.inflation import InflationSetup, run_inflation

    mesh, ft, ids, fibres = _geometry(comm)
    out = _outdir(comm, tmp_path_factory, "inflate")
    res = run_inflation(mesh, ft, ids, fibres, InflationSetup(pressure_mmHg=8.0, steps=2),
                        outdir=out, pictures=False)
    pv = res["pv"]
    assert pv[0]["pressure_mmHg"] == 0.0
    assert pv[-1]["pressure_mmHg"] == pytest.approx(8.0, rel=1e-12)
    vols = [r["volume_divergence_mL"] for r in pv]
    assert all(b > a for a, b in itertools.pairwise(vols))  # inflates
    # the two agree to the P2 bulge between the vertices, O(h²) (the P1 interpolant equals
    # the polyhedron exactly: tests/mechanics/test_cavity.py): 0.6 % at h = 2.5 mm, 8 mmHg
    assert pv[0]["rel_difference"] < 1e-10
    assert res["volume_agreement_max_rel"] < 1e-2
    if comm.rank == 0:
        summary = json.loads((out / "summary.json").read_text())
        assert summary["converged"] is True
        with (out / "pv.csv").open() as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == len(pv) - 1
        assert float(rows[-1]["lv_pressure_mmHg"]) == pytest.approx(8.0, rel=1e-9)
        assert (out / "mechanics.xdmf").is_file()
        text = (out / "mechanics.xdmf").read_text()
        for name in ("\"u\"", "\"E\"", "\"sigma\"", "\"E_ff\"", "\"sigma_ff\""):
            assert name in text


@pytest.mark.mpi
def test_failed_inflation_is_marked_not_converged(comm, tmp_path_factory):
    from cardiotwin.mechanics import LoadStepError
    from cardiotwin.studies.inflation import InflationSetup, run_inflation

    mesh, ft, ids, fibres = _geometry(comm)
    out = _outdir(comm, tmp_path_factory, "absurd")
    setup = InflationSetup(pressure_mmHg=1e6, steps=1, max_cuts=1)
    with pytest.raises(LoadStepError, match="load step 1/1"):
        run_inflation(mesh, ft, ids, fibres, setup, outdir=out, pictures=False)
    if comm.rank == 0:
        summary = json.loads((out / "summary.json").read_text())
        assert summary["converged"] is False
        assert "Newton failed" in summary["error"]
        assert [r["pressure_mmHg"] for r in summary["pv"]] == [0.0]  # nothing beyond 0
        assert not (out / "pv.csv").exists()
