"""The pipeline on a real patient's whole-heart CT labels (MM-WHS, ../shared/reference).

MM-WHS has no RV free-wall label: the RV wall is grown from the RV blood pool.
"""

from __future__ import annotations

import pytest

LABELS = "lv-myocardium=1,lv-blood=3,rv-blood=5"


def _run(shared_reference, comm, tmp_path_factory, edge):
    from cardiotwin.geometry import LabelMap, build_geometry

    path = shared_reference / "anatomy" / "mmwhs_ct_labels" / "mmwhs.nii.gz"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    out = comm.bcast(str(tmp_path_factory.mktemp("mmwhs")) if comm.rank == 0 else None)
    return build_geometry(path, out, LabelMap.parse(LABELS), edge_length_mm=edge, comm=comm,
                          vtu=False)


def _check(r):
    assert abs(r["volume_rel_diff"]) < 0.03
    assert r["synthetic_rv_wall"]
    assert set(r["boundary_tags"]) == {"lv-endocardium", "rv-endocardium", "epicardium",
                                       "base"}
    # the meshed myocardium is LV myocardium (89.4 mL in the README) plus the grown RV wall
    assert 80e3 < r["label_volume_mm3"] < 140e3
    assert abs(r["helix_endo_deg"] - 60.0) < 10.0 and abs(r["helix_epi_deg"] + 60.0) < 10.0


@pytest.mark.slow  # meshing the real anatomy takes minutes with the committed mesher
@pytest.mark.skip_in_parallel
def test_mmwhs_coarse(dolfinx, comm, shared_reference, tmp_path_factory):
    _check(_run(shared_reference, comm, tmp_path_factory, 4.0))


@pytest.mark.slow
def test_mmwhs_full(dolfinx, comm, shared_reference, tmp_path_factory):
    _check(_run(shared_reference, comm, tmp_path_factory, 1.5))
