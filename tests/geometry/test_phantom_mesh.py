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
    # the flat cut at z = 0 plus the rounded, upward-facing top of the 3 mm RV wall
    # (within half an edge length below the cut)
    level = np.median(base[:, 2])
    assert len(base) > 20 and abs(level) < 2.5
    assert (np.abs(base[:, 2] - level) < 0.25).mean() > 0.5
    assert base[:, 2].max() < level + 0.5 and base[:, 2].min() > level - 0.5 * 3.5 - 0.5
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


def _rim_neighbour_tags(m, tag: int) -> np.ndarray:
    """Tags of the boundary facets across the rim edges of the facets tagged ``tag``."""
    f = m.facets
    edges = np.sort(np.concatenate([f[:, [0, 1]], f[:, [1, 2]], f[:, [2, 0]]]), axis=1)
    owner = np.tile(np.arange(len(f)), 3)
    _, inv, count = np.unique(edges, axis=0, return_inverse=True, return_counts=True)
    inv = inv.ravel()
    order = np.argsort(inv, kind="stable")
    pairs = owner[order][count[inv[order]] == 2].reshape(-1, 2)
    a, b = m.facet_values[pairs[:, 0]], m.facet_values[pairs[:, 1]]
    rim = (a == tag) ^ (b == tag)
    return np.where(a[rim] == tag, b[rim], a[rim])


@pytest.mark.parametrize("edge_length_mm", [6.0, 2.5])
def test_cavities_are_closed_by_the_base(edge_length_mm):
    """At the beat's mechanics (6 mm) and EP (2.5 mm) sizes each endocardium ends on the
    base and nowhere else: no hole through the 3 mm RV free wall at the LV-RV junction,
    whose opening is the mesh's smallest feature, and no endocardial rim on epicardium."""
    labels, _, spacing, origin, direction = ph.make_phantom()
    m = mesh_from_labels(LabelImage(labels, tuple(spacing), tuple(origin), direction),
                         edge_length_mm=edge_length_mm)
    for name in ("lv-endocardium", "rv-endocardium"):
        nb = _rim_neighbour_tags(m, FACET_TAG_IDS[name])
        assert len(nb) > 10, name
        assert set(np.unique(nb).tolist()) == {FACET_TAG_IDS["base"]}, name


@pytest.mark.parametrize("fill", [7, 0])
def test_a_hole_in_the_lv_wall_is_a_held_opening_or_is_closed(fill):
    """A 5 mm radius hole through the anterior LV wall at z = -20 mm: into another
    chamber (label 7, not modelled) it is an opening whose rim the base holds, like a
    valve; into nothing (label 0, a gap in the segmentation) it is closed with wall grown
    from the blood pool and the endocardium ends only at the base."""
    labels, _, spacing, origin, direction = ph.make_phantom()
    shape = labels.shape
    ijk = np.stack(np.meshgrid(*(np.arange(n) for n in shape), indexing="ij"), axis=-1)
    x = origin + (ijk * spacing) @ direction.T
    hole = ((np.hypot(x[..., 0] + 8.0, x[..., 2] + 20.0) <= 5.0) & (x[..., 1] > 10.0)
            & (x[..., 1] < 35.0) & np.isin(labels, [0, ph.LV_MYOCARDIUM]))
    labels = labels.copy()
    labels[hole] = fill
    m = mesh_from_labels(LabelImage(labels, tuple(spacing), tuple(origin), direction),
                         edge_length_mm=4.0)
    lv = FACET_TAG_IDS["lv-endocardium"]
    assert set(np.unique(_rim_neighbour_tags(m, lv)).tolist()) == {FACET_TAG_IDS["base"]}
    # rim vertices of the LV endocardium, by depth below the base
    f = m.facets[m.facet_values == lv]
    e, count = np.unique(np.sort(np.concatenate([f[:, [0, 1]], f[:, [1, 2]], f[:, [2, 0]]]),
                                 axis=1), axis=0, return_counts=True)
    depth = m.base_level_mm - m.points[np.unique(e[count == 1])] @ m.long_axis
    if fill == 7:
        assert depth.max() > 12.0  # the hole's rim, about 20 mm below the base
        assert m.info["lv_wall_gap_filled_mm3"] == 0.0
    else:
        assert depth.max() < 4.0
        assert m.info["lv_wall_gap_filled_mm3"] > 0.0
