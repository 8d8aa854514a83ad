"""The region family: shapes on points, tags and coordinates by name, cells vs vertices."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import (
    Box,
    CoordinateRange,
    Intersection,
    Line,
    PointSet,
    Sphere,
    Tagged,
    Union,
)


def test_shapes_contain_expected_points():
    x = np.array([[0, 0, 0], [1.9, 0, 0], [2.1, 0, 0]], float)
    assert Sphere((0, 0, 0), 2.0).contains(x).tolist() == [True, True, False]
    line = Line(((0, 0, 0), (10, 0, 0)), width_mm=2.0, depth_mm=1.0)
    pts = np.array([[5, 0.9, -0.5], [5, 1.1, -0.5], [5, 0, -1.5], [5, 0, 0.5], [11.5, 0, -0.5]])
    assert line.contains(pts).tolist() == [True, False, False, False, False]
    transmural = Line(((0, 0, 0), (10, 0, 0)), width_mm=2.0)
    assert transmural.contains(pts).tolist() == [True, False, True, True, False]
    ps = PointSet(((0, 0, 0), (10, 0, 0)), radius_mm=1.0)
    assert ps.contains(np.array([[0.5, 0, 0], [5, 0, 0], [10, 0.9, 0]])).tolist() == [
        True, False, True]
    box = Box((0, 0, 0), (1, 1, 1))
    assert box.contains(np.array([[0.5, 0.5, 0.5], [1.5, 0.5, 0.5]])).tolist() == [True, False]


def test_point_set_from_csv(tmp_path):
    f = tmp_path / "tags.csv"
    f.write_text("x,y,z,label\n1,2,3,RF1\n4,5,6,RF2\n")
    les = PointSet.from_csv(f, 2.5)
    assert les.points_mm == ((1.0, 2.0, 3.0), (4.0, 5.0, 6.0))


@pytest.mark.parametrize("bad", [
    lambda: Sphere((0, 0), 1.0),
    lambda: Sphere((0, 0, 0), -1.0),
    lambda: Line(((0, 0, 0),), width_mm=1.0),
    lambda: Box((0, 0, 0), (1, -1, 1)),
    lambda: Tagged(()),
    lambda: Tagged("scar", entity="edge"),
    lambda: CoordinateRange("transmural", 0.5, 0.5),
    lambda: Intersection((Sphere((0, 0, 0), 1.0),)),
    lambda: Union(("not a region",)),
    lambda: Intersection((Box((0, 0, 0), (1, 1, 1)), "not a region")),
])
def test_invalid_regions_raise(bad):
    with pytest.raises(ConfigError):
        bad()


@pytest.mark.mpi
def test_sphere_lesion_volume_converges_to_ball(comm, dolfinx):
    """Cell-midpoint lesion volume on a fine mesh vs 4/3 pi r^3 (first-order convergence)."""
    import dolfinx.mesh

    from cardiotwin.scenarios.lesions import cell_volume_mm3, lesion_cells

    r = 3.0
    exact = 4.0 / 3.0 * np.pi * r**3
    errs = []
    for n in (10, 20, 40):
        mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.full(3, 10.0)], [n, n, n],
                                       dolfinx.mesh.CellType.tetrahedron)
        vol = cell_volume_mm3(mesh, lesion_cells(mesh, (Sphere((5, 5, 5), r),)))
        errs.append(abs(vol - exact) / exact)
    assert errs[-1] < 0.02, errs
    assert errs[-1] < errs[0]



@pytest.mark.mpi
def test_tags_and_coordinates_by_name_on_the_phantom(comm, dolfinx, phantom_geometry):
    """Names resolve against the geometry folder; cells and vertices agree with the tags."""
    from cardiotwin.geometry.regions import RegionResolver

    geo = phantom_geometry
    res = RegionResolver.for_domain(geo)
    scar_cells = res.cells(Tagged("scar"))
    by_id = np.zeros_like(scar_cells)
    by_id[geo.cell_tags.find(geo.cell_tag_ids["scar"])] = True
    assert np.array_equal(scar_cells, by_id)
    assert comm.allreduce(int(scar_cells.sum())) > 0
    endo = res.vertices(Tagged(("lv-endocardium", "rv-endocardium"), "facet"))
    inner = res.vertices(CoordinateRange("transmural", -0.01, 0.01))
    n_owned = res.V.dofmap.index_map.size_local
    # the endocardial facets are where the transmural coordinate is 0
    both = comm.allreduce(int((endo & inner)[:n_owned].sum()))
    assert both == comm.allreduce(int(endo[:n_owned].sum()))
    band = res.vertices(Intersection((Tagged("lv-endocardium", "facet"),
                                      CoordinateRange("apicobasal", 0.0, 0.5))))
    assert 0 < comm.allreduce(int(band[:n_owned].sum())) < comm.allreduce(
        int(endo[:n_owned].sum()))
    with pytest.raises(ConfigError, match="'no-such-tag' is not in this geometry"):
        res.vertices(Tagged("no-such-tag"))
    with pytest.raises(ConfigError, match="coordinate 'circumferential'"):
        res.vertices(CoordinateRange("circumferential", 0.0, 1.0))
