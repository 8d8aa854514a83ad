"""Phantom -> mesh: volume, quality and tags checked against the analytic phantom."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.geometry import phantom as ph
from cardiotwin.geometry.image import LabelImage
from cardiotwin.geometry.labels import CELL_TAG_IDS, FACET_TAG_IDS
from cardiotwin.geometry.meshing import mesh_from_labels
from cardiotwin.geometry.quality import mesh_quality, radius_ratios

pytestmark = pytest.mark.skip_in_parallel


@pytest.fixture(scope="module")
def phantom_mesh():
    labels, _, spacing, origin, direction = ph.make_phantom()
    image = LabelImage(labels, tuple(spacing), tuple(origin), direction)
    return image, mesh_from_labels(image, edge_length_mm=3.5)


def _ellipsoid(x, centre, axes):
    """Implicit value (1 on the surface) and its unit outward normal."""
    d = (x - np.asarray(centre)) / np.asarray(axes)
    g = d / np.asarray(axes)
    return (d**2).sum(axis=1), g / np.linalg.norm(g, axis=1)[:, None]


def test_phantom_is_deterministic_and_small():
    a = ph.make_phantom()
    b = ph.make_phantom()
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert set(np.unique(a[0])) == {0, 1, 2, 3, 4, 5, 6}


def test_volume_and_quality(phantom_mesh):
    image, m = phantom_mesh
    q = mesh_quality(m.points, m.cells, label_volume_mm3=m.label_volume_mm3)
    assert abs(q["volume_rel_diff"]) < 0.03
    assert q["min_dihedral_deg"] > 5.0
    assert sum(q["radius_ratio_hist"]) == q["cells"]
    # the meshed labels are the myocardium below the base plane
    myo = np.isin(image.data, [1, 2, 5, 6])
    assert m.label_volume_mm3 <= myo.sum() * image.voxel_volume_mm3


def test_regular_tet_quality():
    p = np.array([[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]], dtype=float)
    np.testing.assert_allclose(radius_ratios(p, np.array([[0, 1, 2, 3]])), 1.0)
    q = mesh_quality(p, np.array([[0, 1, 2, 3]]))
    np.testing.assert_allclose(q["min_dihedral_deg"], np.degrees(np.arccos(1 / 3)))


def test_axis_and_tags_match_the_analytic_phantom(phantom_mesh):
    _, m = phantom_mesh
    assert m.long_axis @ np.array([0.0, 0.0, 1.0]) > 0.99  # apex -> base is world +z
    assert m.apex_mm[2] < -45.0
    assert set(m.facet_tag_ids) == set(FACET_TAG_IDS)
    assert set(m.cell_tag_ids) == set(CELL_TAG_IDS)
    f = m.facets
    c = m.points[f].mean(axis=1)
    below = c[:, 2] < -8.0  # away from the base rim
    lv_endo, _ = _ellipsoid(c, (0, 0, 0), ph.LV_ENDO_AXES_MM)
    lv_epi, _ = _ellipsoid(c, (0, 0, 0), ph.LV_EPI_AXES_MM)
    rv_endo, _ = _ellipsoid(c, ph.RV_CENTRE_MM, ph.RV_ENDO_AXES_MM)
    v = m.facet_values
    sel = below & (v == FACET_TAG_IDS["lv-endocardium"])
    assert sel.sum() > 100 and np.median(np.abs(lv_endo[sel] - 1.0)) < 0.05
    sel = below & (v == FACET_TAG_IDS["rv-endocardium"])
    assert sel.sum() > 100 and np.median(np.abs(rv_endo[sel] - 1.0)) < 0.1
    lv_free = below & (c[:, 0] < -10.0)
    sel = lv_free & (v == FACET_TAG_IDS["epicardium"])
    assert sel.sum() > 50 and np.median(np.abs(lv_epi[sel] - 1.0)) < 0.05
    base = c[v == FACET_TAG_IDS["base"]]
    assert len(base) > 20 and np.ptp(base[:, 2]) < 0.5 and abs(base[:, 2].mean()) < 2.5
    # scar cells lie in the analytic scar cylinder (plus a cell size)
    cc = m.points[m.cells].mean(axis=1)
    scar = cc[m.cell_values == CELL_TAG_IDS["scar"]]
    d = np.linalg.norm((scar - ph.SCAR_CENTRE_MM)[:, 1:], axis=1)
    assert len(scar) > 10 and d.max() < ph.SCAR_RADIUS_MM + 3.5 and scar[:, 0].max() < 0


def test_lv_only_and_synthetic_rv_wall():
    labels, _, spacing, origin, direction = ph.make_phantom()
    from cardiotwin.geometry.labels import LabelMap

    image = LabelImage(np.where(np.isin(labels, [2]), 0, labels), tuple(spacing),
                       tuple(origin), direction)
    m = mesh_from_labels(image, LabelMap.parse(
        "lv-myocardium=1,lv-blood=3,rv-blood=4,scar=5,border-zone=6"), 4.0, rv_wall_mm=3.0)
    assert m.info["synthetic_rv_wall"]
    assert "rv-endocardium" in m.facet_tag_ids and "rv-myocardium" in m.cell_tag_ids
    rv = m.points[m.cells[m.cell_values == CELL_TAG_IDS["rv-myocardium"]]].mean(axis=1)
    assert np.median(rv[:, 0]) > 20.0  # the grown wall sits around the RV cavity
    lv = mesh_from_labels(image, LabelMap.parse("lv-myocardium=1,lv-blood=3"), 4.0)
    assert "rv-endocardium" not in lv.facet_tag_ids
