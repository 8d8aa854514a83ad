"""AF lesion sets on the shipped phantom atria: what each line must do to conduction.

Conduction on a P1 surface model passes between two vertices exactly when they share a
conducting triangle, so the tests compute, with a plain graph search, which parts of the
left atrium a lesion set separates (lesion triangles are those whose midpoint lies in a
lesion, as in :func:`cardiotwin.scenarios.lesions.lesion_cells`).  The expectations are
the clinical purpose of each line: PV isolation separates every vein sleeve from the
atrial body, the box also the posterior wall, a gap in a line reconnects, the lines have
their real width.
"""

from __future__ import annotations

from mpi4py import MPI

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError

pytest.importorskip("dolfinx")

VEINS = ("lspv", "lipv", "rspv", "ripv")


@pytest.fixture(scope="module")
def atria():
    from cardiotwin.geometry.io import geometry_arrays, load_phantom_atria

    geo = load_phantom_atria(MPI.COMM_SELF)
    return geo, geometry_arrays(geo)


def _lesion_triangles(table, cells, lesions) -> np.ndarray:
    mid = np.asarray(table["x"])[cells].mean(axis=1)
    mask = np.zeros(len(cells), dtype=bool)
    for les in lesions:
        mask |= (les.contains_with(mid, table) if hasattr(les, "contains_with")
                 else les.contains(mid))
    return mask


def _components(n: int, cells: np.ndarray, conducting: np.ndarray) -> np.ndarray:
    """Component label of every vertex over the conducting triangles (-1: none)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    c = cells[conducting]
    e = np.concatenate([c[:, [0, 1]], c[:, [1, 2]], c[:, [2, 0]]])
    g = coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n))
    _, lab = connected_components(g, directed=False)
    touched = np.zeros(n, dtype=bool)
    touched[c.ravel()] = True
    return np.where(touched, lab, -1)


def _sites(geo):
    from cardiotwin.studies.af_ablation import pacing_sites

    pts = pacing_sites(geo, (*VEINS, "laa"))
    x = np.asarray(geo.table["x"])
    return {k: int(np.argmin(np.linalg.norm(x - np.asarray(p), axis=1))) for k, p in pts.items()}


def _posterior_wall_vertex(geo) -> int:
    """The LA vertex nearest the centre of the four vein ostia, on the posterior wall."""
    lms = geo.report["landmarks"]
    centre = np.mean([lms[v]["centre_mm"] for v in VEINS], axis=0)
    x = np.asarray(geo.table["x"])
    la = np.asarray(geo.table["atrium"]) == 0
    cand = np.nonzero(la)[0]
    return int(cand[np.argmin(np.linalg.norm(x[cand] - centre, axis=1))])


def test_standard_strategies_on_the_phantom(atria):
    from cardiotwin.scenarios.af_lesions import standard_strategies

    geo, _ = atria
    s = standard_strategies(geo)
    assert set(s) == {"pvi", "pvi+roof", "pvi+mitral", "pvi+box", "cti"}
    assert len(s["pvi"].lesions) == 2
    assert len(s["pvi+box"].lesions) == 4
    with pytest.raises(ConfigError, match="width_mm"):
        standard_strategies(geo, width_mm=0.0)
    with pytest.raises(ConfigError, match="atrial geometry"):
        standard_strategies(object())


def test_pvi_isolates_every_vein_and_the_box_the_posterior_wall(atria):
    from cardiotwin.scenarios.af_lesions import standard_strategies

    geo, arr = atria
    table, cells, n = geo.table, arr.cells, len(arr.points)
    site = _sites(geo)
    post = _posterior_wall_vertex(geo)

    none = _components(n, cells, np.ones(len(cells), dtype=bool))
    assert len({none[site[v]] for v in (*VEINS, "laa")} | {none[post]}) == 1

    s = standard_strategies(geo)
    pvi = _components(n, cells, ~_lesion_triangles(table, cells, s["pvi"].lesions))
    body = pvi[site["laa"]]
    assert body >= 0
    for v in VEINS:
        assert pvi[site[v]] not in (body, -1), f"{v} is not isolated by PVI"
    assert pvi[post] == body  # PVI leaves the posterior wall connected

    box = _components(n, cells, ~_lesion_triangles(table, cells, s["pvi+box"].lesions))
    assert box[post] not in (box[site["laa"]], -1), "the box does not isolate the wall"
    # a 6 mm gap in the middle of the roof and inferior lines reconnects the wall
    gapped = standard_strategies(geo, gap_mm=6.0)["pvi+box"]
    comp = _components(n, cells, ~_lesion_triangles(table, cells, gapped.lesions))
    assert comp[post] == comp[site["laa"]]
    for v in VEINS:  # the encirclements are closed lines: no gap
        assert comp[site[v]] != comp[site["laa"]]


@pytest.mark.parametrize("width_mm", [4.0, 7.0])
def test_lines_have_their_real_width(atria, width_mm):
    """Area of a line's lesion band over its length is its width (mm)."""
    from cardiotwin.scenarios.af_lesions import standard_strategies

    geo, arr = atria
    table, cells = geo.table, arr.cells
    x = np.asarray(table["x"])
    tri = x[cells]
    area = 0.5 * np.linalg.norm(np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0]), axis=1)
    line = standard_strategies(geo, width_mm=width_mm)["cti"].lesions[0]
    band = line.contains(tri.mean(axis=1))
    w = np.asarray(line.points_mm)
    length = float(np.linalg.norm(np.diff(w, axis=0), axis=1).sum())
    # the band has rounded ends: area = width * length + pi width^2 / 4
    expected = width_mm * length + np.pi * width_mm ** 2 / 4
    assert length > 2 * width_mm
    assert area[band].sum() == pytest.approx(expected, rel=0.25)


def test_cti_runs_from_the_ivc_to_the_tricuspid_annulus(atria):
    from cardiotwin.scenarios.af_lesions import standard_strategies

    geo, arr = atria
    line = standard_strategies(geo)["cti"].lesions[0]
    band = np.asarray(line.points_mm)
    ids = geo.facet_tag_ids
    x = np.asarray(geo.table["x"])
    for name in ("ivc", "tricuspid-valve"):
        rim = x[np.unique(arr.facets[arr.facet_values == ids[name]])]
        d = np.linalg.norm(band[:, None, :] - rim[None, :, :], axis=2).min()
        # the line's band (half width 2.5 mm) reaches the opening's rim
        assert d <= 2.5 + geo.report["edge_length_mm"], f"CTI line {d:.1f} mm from {name}"


def test_mitral_line_joins_the_left_encirclement_to_the_mitral_annulus(atria):
    from cardiotwin.scenarios.af_lesions import standard_strategies

    geo, arr = atria
    s = standard_strategies(geo)
    line = np.asarray(s["pvi+mitral"].lesions[-1].points_mm)
    x = np.asarray(geo.table["x"])
    rim = x[np.unique(arr.facets[arr.facet_values == geo.facet_tag_ids["mitral-valve"]])]
    ring = np.asarray(s["pvi"].lesions[0].points_mm)  # the left veins' line
    reach = 2.5 + geo.report["edge_length_mm"]
    assert np.linalg.norm(line[:, None] - rim[None], axis=2).min() <= reach
    assert np.linalg.norm(line[:, None] - ring[None], axis=2).min() <= reach


def test_a_gap_spares_that_much_of_a_line():
    from cardiotwin.scenarios.af_lesions import line_band

    pts = np.array([[0.0, 0.0, 0.0], [40.0, 0.0, 0.0]])
    band = line_band(pts, 5.0, gap_mm=8.0)
    probe = np.column_stack([np.linspace(0, 40, 4001), np.zeros(4001), np.zeros(4001)])
    spared = probe[~band.contains(probe), 0]
    assert spared.max() - spared.min() == pytest.approx(8.0, abs=0.1)
    assert 0.5 * (spared.max() + spared.min()) == pytest.approx(20.0, abs=0.1)
    assert line_band(pts, 5.0).contains(probe).all()
    with pytest.raises(ConfigError, match="nothing of a line"):
        line_band(pts, 5.0, gap_mm=40.0)
