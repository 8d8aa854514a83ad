"""LDRB fibres on the shipped phantom mesh against the analytic wall frame; loading in
parallel; the pipeline and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from cardiotwin.geometry import phantom as ph
from cardiotwin.geometry.fibres import FibreAngles, helix_angles_deg, ldrb_frames

REPO = Path(__file__).resolve().parents[2]
PHANTOM_DIR = REPO / "meshes" / "phantom_biv"


def test_ldrb_frames_on_a_flat_wall():
    """A flat wall: psi along z, transmural along x.  Bayer's Algorithm 1 blends the endo
    frame (alpha_endo) with the epi frame (alpha_w(e) = alpha_endo + e (alpha_epi -
    alpha_endo)) by bislerp with weight e; for frames differing by a rotation about the
    common transmural axis that is alpha(e) = alpha_endo + e**2 (alpha_epi - alpha_endo)."""
    n = 5
    e = np.linspace(0, 1, n)
    z, x = np.tile([0.0, 0.0, 1.0], (n, 1)), np.tile([1.0, 0.0, 0.0], (n, 1))
    f, s, _nn = ldrb_frames(z, e, x, 1 - e, -x, None, None, FibreAngles(50.0, -40.0))
    np.testing.assert_allclose(helix_angles_deg(f, x, [0, 0, 1]), 50 - 90 * e**2, atol=1e-9)
    np.testing.assert_allclose(np.linalg.norm(f, axis=1), 1.0)
    np.testing.assert_allclose(np.einsum("ij,ij->i", f, s), 0.0, atol=1e-12)
    np.testing.assert_allclose(s, x, atol=1e-12)  # no sheet angle: sheets transmural


def test_ldrb_frames_ignore_solver_noise_on_flat_potentials():
    """On an RV free wall one tetrahedron thick every vertex lies on the epicardium or the
    RV endocardium, so phi_lv (and, where both surfaces meet, phi_rv and phi_epi too) is
    zero up to solver noise.  The frames must not depend on that noise (it changes with
    the partition): they follow grad phi_rv."""
    rng = np.random.default_rng(5)
    n = 50
    z, x = np.tile([0.0, 0.0, 1.0], (n, 1)), np.tile([1.0, 0.0, 0.0], (n, 1))
    frames = []
    for _ in range(2):
        noise = lambda scale: scale * rng.standard_normal(n)  # noqa: E731
        grad_lv = 1e-10 * rng.standard_normal((n, 3))
        f, s, _nn = ldrb_frames(z, noise(1e-11), x, noise(1e-11), grad_lv, noise(1e-11),
                                0.4 * x, FibreAngles())
        frames.append((f, s))
    (f1, s1), (f2, s2) = frames
    np.testing.assert_allclose(np.abs(np.einsum("ij,ij->i", f1, f2)), 1.0, atol=1e-9)
    np.testing.assert_allclose(np.abs(np.einsum("ij,ij->i", s1, s2)), 1.0, atol=1e-9)
    # the RV endocardial frame: helix -alpha_endo about the transmural (x) axis
    np.testing.assert_allclose(np.abs(helix_angles_deg(f1, x, [0, 0, 1])), 60.0, atol=1e-6)


@pytest.mark.mpi
def test_ldrb_fibres_do_not_depend_on_the_partition(dolfinx, comm, tmp_path_factory):
    """LDRB on the coarse phantom (RV free wall one element thick) on all ranks equals
    LDRB on one rank, vertex by vertex (fibre lines compared up to sign)."""
    from mpi4py import MPI

    from cardiotwin.geometry import build_geometry, load_geometry
    from cardiotwin.geometry.fibres import ldrb_fibres

    out = Path(comm.bcast(str(tmp_path_factory.mktemp("ldrb")) if comm.rank == 0 else None))
    build_geometry(REPO / "meshes" / "phantom_biv_labels.nii.gz", out, edge_length_mm=6.0,
                   comm=comm, vtu=False)
    g = load_geometry(out, comm)
    fib = ldrb_fibres(g.mesh, g.facet_tags, tag_ids=g.facet_tag_ids)
    n = fib.f0.function_space.dofmap.index_map.size_local
    x = fib.f0.function_space.tabulate_dof_coordinates()[:n]
    parts = comm.gather((x, fib.f0.x.array.reshape(-1, 3)[:n],
                         fib.s0.x.array.reshape(-1, 3)[:n]), root=0)
    if comm.rank == 0:
        from scipy.spatial import cKDTree

        gs = load_geometry(out, MPI.COMM_SELF)
        ref = ldrb_fibres(gs.mesh, gs.facet_tags, tag_ids=gs.facet_tag_ids)
        xs = ref.f0.function_space.tabulate_dof_coordinates()
        xp, fp, sp = (np.concatenate([p[i] for p in parts]) for i in range(3))
        dist, idx = cKDTree(xp).query(xs)
        assert dist.max() < 1e-9 and len(xp) == len(xs)
        for ours, theirs in ((fp[idx], ref.f0.x.array.reshape(-1, 3)),
                             (sp[idx], ref.s0.x.array.reshape(-1, 3))):
            dots = np.abs(np.einsum("ij,ij->i", ours, theirs))
            assert dots.min() > 1 - 1e-8, (int((dots < 1 - 1e-8).sum()), len(dots))


@pytest.fixture(scope="module")
def geometry(dolfinx, comm):
    from cardiotwin.geometry import load_geometry

    return load_geometry(PHANTOM_DIR, comm)


@pytest.mark.mpi
def test_load_geometry_parallel(geometry, comm):
    from mpi4py import MPI

    meta = json.loads((PHANTOM_DIR / "geometry.json").read_text())
    g = geometry
    assert g.mesh.topology.index_map(3).size_global == meta["report"]["cells"]
    assert g.mesh.geometry.index_map().size_global == meta["report"]["vertices"]
    assert g.facet_tag_ids == meta["facet_tags"] and g.cell_tag_ids == meta["cell_tags"]
    n_owned = g.fibres.transmural.function_space.dofmap.index_map.size_local
    f = g.fibres.f0.x.array.reshape(-1, 3)
    np.testing.assert_allclose(np.linalg.norm(f, axis=1), 1.0, atol=1e-9)
    # every vertex restored exactly once: owned sums equal the file's sums
    data = np.load(PHANTOM_DIR / "fibres.npz")
    total = comm.allreduce(float(g.fibres.transmural.x.array[:n_owned].sum()), op=MPI.SUM)
    np.testing.assert_allclose(total, data["transmural"].sum(), rtol=1e-12)
    # transmural is 0 on the endocardium and 1 on the epicardium
    from dolfinx import fem

    V = g.fibres.transmural.function_space
    def dofs_of(name):
        return fem.locate_dofs_topological(V, 2, g.facet_tags.find(g.facet_tag_ids[name]))

    endo = np.union1d(dofs_of("lv-endocardium"), dofs_of("rv-endocardium"))
    epi = np.setdiff1d(dofs_of("epicardium"), endo)  # vertices where a thin wall has both
    np.testing.assert_allclose(g.fibres.transmural.x.array[endo], 0.0, atol=1e-9)
    np.testing.assert_allclose(g.fibres.transmural.x.array[epi], 1.0, atol=1e-9)
    facets = comm.allreduce(int((g.facet_tags.indices < g.mesh.topology.index_map(2)
                                 .size_local).sum()), op=MPI.SUM)
    assert facets == sum(meta["report"]["facet_tag_counts"].values())


@pytest.mark.skip_in_parallel
def test_helix_angles_against_analytic_frame(geometry):
    """On the LV free wall, helix angles measured in the analytic ellipsoid frame are
    within 5 deg of the requested +60 (endo) and -60 (epi)."""
    from dolfinx import fem

    g = geometry
    V = g.fibres.transmural.function_space
    x = V.tabulate_dof_coordinates()
    f = g.fibres.f0.x.array.reshape(-1, 3)
    for name, axes, want in (("lv-endocardium", ph.LV_ENDO_AXES_MM, 60.0),
                             ("epicardium", ph.LV_EPI_AXES_MM, -60.0)):
        dofs = fem.locate_dofs_topological(V, 2, g.facet_tags.find(g.facet_tag_ids[name]))
        p = x[dofs]
        sel = (p[:, 0] < -8.0) & (p[:, 2] < -10.0) & (p[:, 2] > -35.0)  # LV free wall
        grad = p[sel] / np.asarray(axes) ** 2
        normal = grad / np.linalg.norm(grad, axis=1)[:, None]
        ang = helix_angles_deg(f[dofs][sel], normal, [0.0, 0.0, 1.0])
        assert sel.sum() > 20
        assert abs(np.median(ang) - want) < 5.0, (name, np.median(ang))


@pytest.mark.mpi
def test_build_geometry_and_cli(dolfinx, comm, tmp_path_factory):
    from cardiotwin.cli import main

    out = Path(comm.bcast(str(tmp_path_factory.mktemp("geo")) if comm.rank == 0 else None))
    labels = REPO / "meshes" / "phantom_biv_labels.nii.gz"
    from cardiotwin.geometry import build_geometry, load_geometry

    report = build_geometry(labels, out / "a", edge_length_mm=4.0, comm=comm)
    assert abs(report["volume_rel_diff"]) < 0.03
    assert abs(report["helix_endo_deg"] - 60.0) < 5.0
    assert abs(report["helix_epi_deg"] + 60.0) < 5.0
    g = load_geometry(out / "a", comm)
    assert g.mesh.topology.index_map(3).size_global == report["cells"]
    if comm.size == 1:
        import contextlib
        import io

        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            rc = main(["mesh", str(labels), "-o", str(out / "b"), "--edge-length", "5",
                       "--json", "--no-vtu"])
        assert rc == 0
        r = json.loads(buf.getvalue())
        for key in ("cells", "vertices", "min_dihedral_deg", "mean_dihedral_deg",
                    "volume_rel_diff", "boundary_tags", "helix_endo_deg", "helix_epi_deg",
                    "files", "wall_s"):
            assert key in r
        assert main(["mesh", str(out / "missing.nii.gz"), "-o", str(out / "c")]) == 2
        assert main(["mesh", str(labels), "-o", str(out / "c"), "--labels", "lv-blood=3"]) == 2
