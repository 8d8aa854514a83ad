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
