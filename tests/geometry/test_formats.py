"""Meshes from elsewhere: openCARP, VTU and gmsh files read into simulation-ready geometries."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import MeshError
from cardiotwin.geometry.formats import cell_to_vertex_directions, read_mesh_data


def test_cell_fibres_become_vertex_fibres_without_sign_cancellation():
    # two elements sharing vertices, fibres +x and -x: the vertex fibre is x, not zero
    cells = np.array([[0, 1, 2, 3], [1, 2, 3, 4]])
    f = np.array([[1.0, 0.0, 0.0], [-1.0, 0.0, 0.0]])
    out = cell_to_vertex_directions(cells, f, 5)
    np.testing.assert_allclose(np.abs(out[:, 0]), 1.0)


def _opencarp(tmp_path, *, kind="Tt", count=None):
    base = tmp_path / "cube"
    pts = np.array([[0, 0, 0], [1000, 0, 0], [0, 1000, 0], [0, 0, 1000], [1000, 1000, 1000]])
    (base.with_suffix(".pts")).write_text(f"{len(pts)}\n" + "\n".join(
        " ".join(map(str, p)) for p in pts) + "\n")
    rows = [f"{kind} 0 1 2 3 7", f"{kind} 1 2 3 4 9"]
    (base.with_suffix(".elem")).write_text(f"{count or len(rows)}\n" + "\n".join(rows) + "\n")
    (base.with_suffix(".lon")).write_text("1\n1 0 0\n0 1 0\n")
    return base


def test_opencarp_files_are_read_in_mm(tmp_path):
    data = read_mesh_data(_opencarp(tmp_path))
    assert data.points.max() == pytest.approx(1.0)  # µm -> mm
    assert data.cell_values.tolist() == [7, 9]
    assert data.cell_tag_ids == {"region-7": 7, "region-9": 9}
    assert data.fibres.shape == (5, 3)
    data = read_mesh_data(_opencarp(tmp_path), length_unit="mm",
                          cell_tag_names={"lv-myocardium": 7, "scar": 9})
    assert data.points.max() == pytest.approx(1000.0)
    assert data.cell_tag_ids["scar"] == 9


@pytest.mark.parametrize(("edit", "message"), [
    (lambda p: _opencarp(p, kind="Hx"), "only tetrahedra"),
    (lambda p: _opencarp(p, count=5), "announces 5 rows but has 2"),
    (lambda p: p / "missing.pts", "not found"),
    (lambda p: p / "heart.stl", "unknown mesh format"),
])
def test_bad_mesh_files_name_the_problem(tmp_path, edit, message):
    with pytest.raises(MeshError, match=message):
        read_mesh_data(edit(tmp_path))


@pytest.mark.mpi
def test_phantom_round_trip_through_vtu_and_opencarp(comm, dolfinx, phantom_geometry,
                                                    tmp_path_factory):
    """Write the phantom as VTU and as openCARP files, read both back (on any number of
    ranks): same vertices, elements, tag volumes by name and fibres; and it simulates."""
    import cardiotwin as ct
    from cardiotwin.analysis.activation import activation_summary
    from cardiotwin.scenarios.lesions import cell_volume_mm3, lesion_cells

    geo = phantom_geometry
    d = comm.bcast(tmp_path_factory.mktemp("formats") if comm.rank == 0 else None)
    ct.write_mesh(geo, d / "heart.vtu")
    files = ct.write_mesh(geo, d / "heart")
    assert {"pts", "elem", "lon", "surf:lv-endocardium"} <= set(files)
    vtu = ct.read_mesh(d / "heart.vtu", cell_tag_names=geo.cell_tag_ids, comm=comm)
    carp = ct.read_mesh(d / "heart", cell_tag_names=geo.cell_tag_ids, comm=comm)
    n = geo.mesh.geometry.index_map().size_global
    for g in (vtu, carp):
        assert g.mesh.geometry.index_map().size_global == n
        for name in ("lv-myocardium", "scar", "border-zone"):
            want = cell_volume_mm3(geo.mesh, lesion_cells(geo, [ct.Tagged(name)]))
            got = cell_volume_mm3(g.mesh, lesion_cells(g, [ct.Tagged(name)]))
            assert got == pytest.approx(want, rel=1e-6), name
    assert set(carp.facet_tag_ids) == set(geo.facet_tag_ids)
    # vertex fibres survive VTU exactly; openCARP keeps one fibre per element
    if comm.rank == 0:
        a, b = read_mesh_data(d / "heart.vtu"), read_mesh_data(d / "heart.pts")
        ref = np.load(_phantom_fibres())["f0"]  # rows in the order of the phantom's file
        np.testing.assert_allclose(np.abs(np.sum(a.fibres * ref, axis=1)), 1.0, atol=1e-6)
        cos = np.abs(np.sum(b.fibres * ref, axis=1))
        assert np.median(cos) > np.cos(np.radians(10.0))
        np.testing.assert_allclose(a.points, b.points, atol=1e-5)
    stim = ct.Stimulus(ct.Tagged("lv-endocardium", "facet"), ct.Protocol(amplitude=60.0))
    sim = ct.Monodomain(carp, "tp06-epi", ct.Conductivity(0.6, 0.25),
                        ct.MonodomainConfig(dt_ms=0.05), stimuli=[stim])
    sim.run(15.0)
    assert activation_summary(comm, sim.tracker.first_activation).activated > 100


def _phantom_fibres():
    from cardiotwin.geometry.io import PHANTOM_FOLDER

    return PHANTOM_FOLDER / "fibres.npz"


@pytest.mark.skip_in_parallel
def test_gmsh_physical_groups_become_tag_names(tmp_path, dolfinx):
    """A gmsh box with named volumes and surfaces; tags by name; no fibres -> clear error
    unless the LDRB surfaces are named."""
    gmsh = pytest.importorskip("gmsh")
    import cardiotwin as ct

    path = tmp_path / "slab.msh"
    gmsh.initialize(["-v", "0"])
    try:
        gmsh.model.add("slab")
        gmsh.model.occ.addBox(0, 0, 0, 4, 2, 1)
        gmsh.model.occ.synchronize()
        gmsh.model.addPhysicalGroup(3, [1], 5, name="lv-myocardium")
        faces = [t for _, t in gmsh.model.getEntities(2)]
        gmsh.model.addPhysicalGroup(2, faces[:1], 11, name="left-face")
        gmsh.option.setNumber("Mesh.MeshSizeMax", 0.5)
        gmsh.model.mesh.generate(3)
        gmsh.write(str(path))
    finally:
        gmsh.finalize()
    data = read_mesh_data(path)
    assert data.cell_tag_ids == {"lv-myocardium": 5}
    assert data.facet_tag_ids == {"left-face": 11} and len(data.facets) > 0
    with pytest.raises(MeshError, match="no fibres and no facet tags named"):
        ct.read_mesh(path)
