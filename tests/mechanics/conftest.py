"""Fixtures of the mechanics tests."""

from __future__ import annotations

import numpy as np
import pytest


def _unit_cube_problem(comm, material, n=2, **kw):
    """Unit cube, symmetry planes x=0, y=0, z=0 (sliding), cavity ``"face"`` on x=1
    (a negative pressure there is a follower traction); ``fibres="constant"``: fibres
    along x, sheets along y; ``cell_constants={"stiffness_scale": 2.0, ...}``: DG0
    fields of that value on the cube's mesh."""
    from dolfinx import fem
    from dolfinx import mesh as dmesh

    from cardiotwin.mechanics import Cavity, MechanicsProblem, SlidingBoundary

    m = dmesh.create_unit_cube(comm, n, n, n, dmesh.CellType.tetrahedron)
    locs = [lambda x: np.isclose(x[0], 0.0), lambda x: np.isclose(x[1], 0.0),
            lambda x: np.isclose(x[2], 0.0), lambda x: np.isclose(x[0], 1.0)]
    idx, val = [], []
    for tag, loc in enumerate(locs, start=1):
        f = dmesh.locate_entities_boundary(m, 2, loc)
        idx.append(f)
        val.append(np.full(len(f), tag, dtype=np.int32))
    idx, val = np.concatenate(idx), np.concatenate(val)
    order = np.argsort(idx)
    ft = dmesh.meshtags(m, 2, idx[order].astype(np.int32), val[order])
    if isinstance(kw.get("fibres"), str) and kw["fibres"] == "constant":
        from cardiotwin.studies.mechbench import constant_fibres

        kw["fibres"] = constant_fibres(m)
    for name, value in kw.pop("cell_constants", {}).items():
        f = fem.Function(fem.functionspace(m, ("DG", 0)))
        f.x.array[:] = value
        kw[name] = f
    return MechanicsProblem(m, material, facet_tags=ft,
                            boundaries=[SlidingBoundary(1), SlidingBoundary(2),
                                        SlidingBoundary(3)],
                            cavities=[kw.pop("cavity", Cavity("face", 4))], **kw)


@pytest.fixture
def unit_cube_problem(comm):
    """``make(material, n=2, **problem_kwargs)``: the uniaxial unit-cube problem."""
    return lambda material, n=2, **kw: _unit_cube_problem(comm, material, n, **kw)
