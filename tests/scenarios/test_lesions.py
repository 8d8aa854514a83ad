"""Lesions as data and their application: geometry vs analytic volumes, classes, errors."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError, ModelError
from cardiotwin.geometry.regions import Box, Sphere
from cardiotwin.ionic import get_model
from cardiotwin.ionic.nonexcitable import NonExcitable
from cardiotwin.ionic.parameters import ParameterChanges
from cardiotwin.scenarios.lesions import CORE, BorderZone, LesionSet


@pytest.mark.parametrize("bad", [
    lambda: BorderZone(width_mm=0.0),
    lambda: BorderZone(width_mm=1.0, ionic={"gNa": 0.5}),
    lambda: BorderZone(width_mm=1.0, conductivity_factor=0.0),
    lambda: LesionSet(("not a lesion",)),
    lambda: LesionSet((Sphere((0, 0, 0), 1.0),), core_conductivity_factor=1.0),
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
def test_apply_lesions_classes_and_border_zone(comm, dolfinx):
    import dolfinx.mesh

    from cardiotwin.scenarios.lesions import apply_lesions

    mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.full(3, 10.0)], [20, 20, 20],
                                   dolfinx.mesh.CellType.tetrahedron)
    ls = LesionSet((Sphere((5, 5, 5), 3.0),),
                   BorderZone(width_mm=1.0, conductivity_factor=0.3,
                              ionic=ParameterChanges(scale={"mu1": 0.5})))
    app = apply_lesions(mesh, ls, "aliev-panfilov",
                        base=ParameterChanges(scale={"eps0": 2.0}))
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
    # Aliev-Panfilov's eps0 (0.002) and mu1 (0.2) are values, not factors: both multiply
    ap = get_model("aliev-panfilov")
    assert app.ionic[1].parameters.values(ap) == pytest.approx({"eps0": 0.004, "mu1": 0.1})
    assert app.ionic[2].parameters.values(ap) == pytest.approx({"eps0": 0.004})


def test_border_zone_unknown_parameter(comm, dolfinx):
    import dolfinx.mesh

    from cardiotwin.scenarios.lesions import apply_lesions

    mesh = dolfinx.mesh.create_unit_cube(comm, 4, 4, 4)
    ls = LesionSet((Sphere((0.5, 0.5, 0.5), 0.3),), BorderZone(
        width_mm=0.2, ionic=ParameterChanges(scale={"gNa": 0.5})))
    with pytest.raises(ModelError, match="gNa"):
        apply_lesions(mesh, ls, "aliev-panfilov")


@pytest.mark.mpi
def test_border_zone_from_shapes(comm, dolfinx):
    """A channel of border zone through scar (an isthmus): its volume is the box's."""
    import dolfinx.mesh

    from cardiotwin.scenarios.lesions import apply_lesions

    mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([10.0, 10.0, 1.0])],
                                   [20, 20, 2], dolfinx.mesh.CellType.hexahedron)
    channel = Box((4.0, 3.0, -1.0), (6.0, 7.0, 2.0))
    scar = LesionSet((Box((0.0, 3.0, -1.0), (4.0, 7.0, 2.0)),
                      Box((6.0, 3.0, -1.0), (10.0, 7.0, 2.0))),
                     BorderZone(regions=(channel,), conductivity_factor=0.3))
    app = apply_lesions(mesh, scar, "aliev-panfilov")
    assert app.border_volume_mm3 == pytest.approx(2.0 * 4.0 * 1.0)
    assert app.core_volume_mm3 == pytest.approx(2 * 4.0 * 4.0 * 1.0)
    with pytest.raises(ConfigError, match="regions"):
        BorderZone(regions=("not a region",))
