"""Lesions as data and their application: geometry vs analytic volumes, classes, errors."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.ablation import (
    CORE,
    BorderZone,
    BoxLesion,
    LesionSet,
    LinearLesion,
    NonExcitable,
    PointSetLesion,
    SphereLesion,
)


def test_shapes_contain_expected_points():
    x = np.array([[0, 0, 0], [1.9, 0, 0], [2.1, 0, 0]], float)
    assert SphereLesion((0, 0, 0), 2.0).contains(x).tolist() == [True, True, False]
    line = LinearLesion(((0, 0, 0), (10, 0, 0)), width_mm=2.0, depth_mm=1.0)
    pts = np.array([[5, 0.9, -0.5], [5, 1.1, -0.5], [5, 0, -1.5], [5, 0, 0.5], [11.5, 0, -0.5]])
    assert line.contains(pts).tolist() == [True, False, False, False, False]
    transmural = LinearLesion(((0, 0, 0), (10, 0, 0)), width_mm=2.0)
    assert transmural.contains(pts).tolist() == [True, False, True, True, False]
    ps = PointSetLesion(((0, 0, 0), (10, 0, 0)), radius_mm=1.0)
    assert ps.contains(np.array([[0.5, 0, 0], [5, 0, 0], [10, 0.9, 0]])).tolist() == [
        True, False, True]
    box = BoxLesion((0, 0, 0), (1, 1, 1))
    assert box.contains(np.array([[0.5, 0.5, 0.5], [1.5, 0.5, 0.5]])).tolist() == [True, False]


def test_point_set_from_csv(tmp_path):
    f = tmp_path / "tags.csv"
    f.write_text("x,y,z,label\n1,2,3,RF1\n4,5,6,RF2\n")
    les = PointSetLesion.from_csv(f, 2.5)
    assert les.points_mm == ((1.0, 2.0, 3.0), (4.0, 5.0, 6.0))


@pytest.mark.parametrize("bad", [
    lambda: SphereLesion((0, 0), 1.0),
    lambda: SphereLesion((0, 0, 0), -1.0),
    lambda: LinearLesion(((0, 0, 0),), width_mm=1.0),
    lambda: BorderZone(width_mm=0.0),
    lambda: BorderZone(width_mm=1.0, conductivity_factor=0.0),
    lambda: LesionSet(("not a lesion",)),
    lambda: LesionSet((SphereLesion((0, 0, 0), 1.0),), core_conductivity_factor=1.0),
])
def test_invalid_input_raises(bad):
    with pytest.raises(ConfigError):
        bad()


def test_non_excitable_holds_rest():
    m = NonExcitable(-85.0)
    s, p = m.initial_states(3), m.default_params(3)
    s[0] = [10.0, -20.0, 0.0]
    m.kernel.step(s, p, np.array([-50.0, 0.0, 0.0]), 0.0, 0.1)
    assert np.all(s[0] == -85.0)


@pytest.mark.mpi
def test_sphere_lesion_volume_converges_to_ball(comm, dolfinx):
    """Cell-midpoint lesion volume on a fine mesh vs 4/3 pi r^3 (first-order convergence)."""
    import dolfinx.mesh

    from cardiotwin.scenarios.ablation import cell_volume_mm3, lesion_cells

    r = 3.0
    exact = 4.0 / 3.0 * np.pi * r**3
    errs = []
    for n in (10, 20, 40):
        mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.full(3, 10.0)], [n, n, n],
                                       dolfinx.mesh.CellType.tetrahedron)
        vol = cell_volume_mm3(mesh, lesion_cells(mesh, (SphereLesion((5, 5, 5), r),)))
        errs.append(abs(vol - exact) / exact)
    assert errs[-1] < 0.02, errs
    assert errs[-1] < errs[0]


@pytest.mark.mpi
def test_apply_lesions_classes_and_border_zone(comm, dolfinx):
    import dolfinx.mesh

    from cardiotwin.scenarios.ablation import apply_lesions

    mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.full(3, 10.0)], [20, 20, 20],
                                   dolfinx.mesh.CellType.tetrahedron)
    ls = LesionSet((SphereLesion((5, 5, 5), 3.0),),
                   BorderZone(width_mm=1.0, conductivity_factor=0.3, ionic_scalings={"mu1": 0.5}))
    app = apply_lesions(mesh, ls, "aliev-panfilov", base_scalings={"eps0": 2.0})
    # shell 3..4 mm around the ball, within O(h) (h = 0.5 mm)
    shell = 4.0 / 3.0 * np.pi * (4.0**3 - 3.0**3)
    assert abs(app.border_volume_mm3 - shell) / shell < 0.15
    sc = app.conductivity_scaling.x.array
    assert set(np.unique(sc)) <= {0.0, 0.3, 1.0}
    # core vertices are far from the lesion boundary, excitable ones are outside or on it
    V = app.vertex_class.function_space
    xv = V.tabulate_dof_coordinates()
    core = app.vertex_class.x.array == CORE
    r = np.linalg.norm(xv - 5.0, axis=1)
    assert np.all(r[core] < 3.0)
    assert comm.allreduce(int(core.sum())) > 0
    names = [getattr(reg.model, "name", reg.model) for reg in app.ionic]
    assert names[0] == "non-excitable"
    assert app.ionic[1].scalings == pytest.approx({"eps0": 0.004, "mu1": 0.1})
    assert app.ionic[2].scalings == pytest.approx({"eps0": 0.004})


def test_border_zone_unknown_parameter(comm, dolfinx):
    import dolfinx.mesh

    from cardiotwin.scenarios.ablation import apply_lesions

    mesh = dolfinx.mesh.create_unit_cube(comm, 4, 4, 4)
    ls = LesionSet((SphereLesion((0.5, 0.5, 0.5), 0.3),), BorderZone(
        width_mm=0.2, ionic_scalings={"gNa": 0.5}))
    with pytest.raises(ConfigError, match="gNa"):
        apply_lesions(mesh, ls, "aliev-panfilov")


@pytest.mark.mpi
def test_border_zone_from_shapes(comm, dolfinx):
    """A channel of border zone through scar (an isthmus): its volume is the box's."""
    import dolfinx.mesh

    from cardiotwin.scenarios.ablation import apply_lesions

    mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([10.0, 10.0, 1.0])],
                                   [20, 20, 2], dolfinx.mesh.CellType.hexahedron)
    channel = BoxLesion((4.0, 3.0, -1.0), (6.0, 7.0, 2.0))
    scar = LesionSet((BoxLesion((0.0, 3.0, -1.0), (4.0, 7.0, 2.0)),
                      BoxLesion((6.0, 3.0, -1.0), (10.0, 7.0, 2.0))),
                     BorderZone(regions=(channel,), conductivity_factor=0.3))
    app = apply_lesions(mesh, scar, "aliev-panfilov")
    assert app.border_volume_mm3 == pytest.approx(2.0 * 4.0 * 1.0)
    assert app.core_volume_mm3 == pytest.approx(2 * 4.0 * 4.0 * 1.0)
    with pytest.raises(ConfigError, match="regions"):
        BorderZone(regions=(TaggedLesionLike(),))


class TaggedLesionLike:
    """Not a shape (no ``contains``)."""
