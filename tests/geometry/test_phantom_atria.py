"""The shipped phantom atria: rebuilt from the shipped label image they are the same mesh
and fields (so ``meshes/make_phantom.py --atria-only`` reproduces them), and the
geometry has what the AF study relies on."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

MESHES = Path(__file__).resolve().parents[2] / "meshes"


@pytest.mark.skip_in_parallel
def test_rebuilding_the_phantom_atria_gives_the_shipped_files(tmp_path, dolfinx):
    import h5py

    from cardiotwin.geometry.atria import AtrialOptions
    from cardiotwin.geometry.labels import PHANTOM_HEART_LABELS
    from cardiotwin.geometry.pipeline import build_atrial_geometry

    report = build_atrial_geometry(MESHES / "phantom_heart_labels.nii.gz", tmp_path,
                                   PHANTOM_HEART_LABELS,
                                   options=AtrialOptions(edge_length_mm=2.0), vtu=False)
    shipped = MESHES / "phantom_atria"
    with h5py.File(shipped / "mesh.h5") as a, h5py.File(tmp_path / "mesh.h5") as b:
        for key in ("Mesh/mesh/geometry", "Mesh/mesh/topology"):
            assert np.array_equal(a[key][()], b[key][()]), key
    fa, fb = np.load(shipped / "fibres.npz"), np.load(tmp_path / "fibres.npz")
    assert sorted(fa.files) == sorted(fb.files)
    for key in fa.files:
        assert np.array_equal(fa[key], fb[key], equal_nan=True), key
    meta = json.loads((shipped / "geometry.json").read_text())
    assert report["vertices"] == len(fa["x"])
    assert meta["facet_tags"] == {"mitral-valve": 1, "tricuspid-valve": 2, "lspv": 3,
                                  "lipv": 4, "rspv": 5, "ripv": 6, "svc": 7, "ivc": 8}
    for name in ("lspv", "lipv", "rspv", "ripv", "laa", "mitral-valve", "svc", "ivc",
                 "tricuspid-valve", "raa"):
        assert name in report["landmarks_found"], name


def test_vein_landmarks_are_where_the_phantom_draws_the_veins():
    """Each detected ostium lies near the point where the vein's axis leaves the LA
    ellipsoid (cardiotwin.geometry.phantom), and points along that axis."""
    from cardiotwin.geometry.phantom import LA_AXES_MM, LA_CENTRE_MM, PULMONARY_VEINS

    meta = json.loads((MESHES / "phantom_atria" / "geometry.json").read_text())
    lms = meta["report"]["landmarks"]
    c, axes = np.asarray(LA_CENTRE_MM), np.asarray(LA_AXES_MM)
    for name, (direction, radius, _) in PULMONARY_VEINS.items():
        d = np.asarray(direction) / np.linalg.norm(direction)
        ostium = c + d / np.sqrt(np.sum((d / axes) ** 2))
        found = np.asarray(lms[name]["centre_mm"])
        assert np.linalg.norm(found - ostium) < radius, (name, found, ostium)
        assert np.dot(lms[name]["direction"], d) > 0.8, name


@pytest.mark.skip_in_parallel
def test_mesh_command_builds_the_atria_from_atrial_roles(tmp_path, dolfinx, capsys):
    """``cardiotwin mesh LABELS --labels la-blood=A,ra-blood=B -o DIR --json``: the atrial
    surface model, its report under ``atria``; with ventricular roles too, the ventricles
    in DIR and the atria in DIR/atria."""
    from cardiotwin.cli import main

    labels = MESHES / "phantom_heart_labels.nii.gz"
    assert main(["mesh", str(labels), "--labels", "la-blood=7,ra-blood=8", "-o",
                 str(tmp_path / "a"), "--edge-length", "2", "--no-vtu", "--json"]) == 0
    atria = json.loads(capsys.readouterr().out)["atria"]
    assert "surface" in atria["wall_model"] and atria["vertices"] > 1000
    assert {"lspv", "lipv", "rspv", "ripv", "mitral-valve", "tricuspid-valve"} <= set(
        atria["landmarks_found"])
    assert (tmp_path / "a" / "geometry.json").is_file()
    # the blood pools of the ventricles only mark the valves: still atria alone
    assert main(["mesh", str(labels), "--labels", "la-blood=7,ra-blood=8,lv-blood=3,rv-blood=4",
                 "-o", str(tmp_path / "c"), "--edge-length", "2", "--no-vtu", "--json"]) == 0
    only = json.loads(capsys.readouterr().out)
    assert set(only) == {"atria"} and (tmp_path / "c" / "geometry.json").is_file()
    assert main(["mesh", str(labels), "--labels",
                 "lv-myocardium=1,lv-blood=3,rv-blood=4,la-blood=7,ra-blood=8", "-o",
                 str(tmp_path / "b"), "--edge-length", "3", "--no-vtu", "--json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert both["cells"] > 0 and both["atria"]["vertices"] > 0
    assert (tmp_path / "b" / "atria" / "geometry.json").is_file()


def test_extra_cut_of_an_opening_is_closed_and_duplicates_dropped():
    """A second hole cut by an opening's cap is closed with a fan oriented like the
    surface; a triangle present twice (a folded pair) is removed with its copy."""
    from cardiotwin.geometry import uac
    from cardiotwin.geometry.atria import _close_hole, _drop_duplicate_triangles

    # a square of 4 triangles around a centre, with one triangle missing: a hole
    pts = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0.5, 0.5, 0]], float)
    tris = np.array([[0, 1, 4], [1, 2, 4], [2, 3, 4], [3, 0, 4]])
    open_tris = tris[:3]
    (loop,) = uac.boundary_loops(open_tris)
    p2, t2 = _close_hole(pts, open_tris, loop)
    assert len(p2) == 6 and len(t2) == 3 + len(loop)
    edges = np.concatenate([t2[:, [0, 1]], t2[:, [1, 2]], t2[:, [2, 0]]])
    assert len({tuple(e) for e in edges}) == len(edges)  # consistent orientation
    assert uac.boundary_loops(t2) == []
    doubled = np.vstack([tris, tris[[1]][:, ::-1]])
    kept = _drop_duplicate_triangles(doubled, "la")
    assert len(kept) == 3 and not any((kept == tris[1]).all(axis=1))
