"""Anisotropic eikonal solver: analytic solutions, convergence, validation; lead fields."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial import Delaunay

from cardiotwin.ep.eikonal import (
    APTemplate,
    EikonalMesh,
    ReactionEikonal,
    Velocities,
    lead_field_weights,
)
from cardiotwin.exceptions import ConfigError, MeshError


def _cube(n: int, fibre: np.ndarray, *, seed: int = 0) -> EikonalMesh:
    """Jittered Delaunay tetrahedra of a 20 mm cube with one fibre direction."""
    rng = np.random.default_rng(seed)
    g = np.linspace(0.0, 20.0, n)
    X = np.stack(np.meshgrid(g, g, g, indexing="ij"), -1).reshape(-1, 3)
    h = 20.0 / (n - 1)
    inner = (X > 1e-9) & (X < 20.0 - 1e-9)
    X = X + rng.uniform(-0.2 * h, 0.2 * h, X.shape) * inner
    tets = Delaunay(X).simplices
    vol = np.abs(np.linalg.det(X[tets[:, 1:]] - X[tets[:, :1]]))
    tets = tets[vol > 1e-9]
    f = np.tile(fibre / np.linalg.norm(fibre), (len(tets), 1))
    s = np.tile(np.cross([0.0, 0.0, 1.0], f[0]) / np.linalg.norm(np.cross([0, 0, 1.0], f[0])),
                (len(tets), 1))
    return EikonalMesh(X, tets, f, s, np.zeros(len(tets), bool))


def _metric(mesh: EikonalMesh, v: Velocities) -> np.ndarray:
    f, s = mesh.fibre[0], mesh.sheet[0]
    n = np.cross(f, s)
    return (np.outer(f, f) / v.fibre**2 + np.outer(s, s) / v.sheet**2
            + np.outer(n, n) / v.normal**2)


def test_plane_wave_along_the_fibres_is_exact():
    mesh = _cube(9, np.array([1.0, 0.0, 0.0]))
    v = Velocities(0.6, 0.3, 0.2, 0.6)
    roots = [(int(i), 0.0) for i in np.nonzero(mesh.points[:, 0] < 1e-9)[0]]
    T = mesh.activation_times(v, roots)
    np.testing.assert_allclose(T, mesh.points[:, 0] / 0.6, atol=0.05, rtol=0)


@pytest.mark.parametrize("fibre", [(1.0, 0.0, 0.0), (1.0, 1.0, 0.0), (1.0, 1.0, 1.0)])
def test_point_source_converges_to_the_anisotropic_distance(fibre):
    """T = sqrt(d^T D^-1 d) for a point source in a homogeneous medium (straight rays)."""
    v = Velocities(0.6, 0.3, 0.2, 0.6)
    errors = []
    for n in (9, 17):
        mesh = _cube(n, np.array(fibre))
        M = _metric(mesh, v)
        c = int(np.argmin(np.sum((mesh.points - 10.0) ** 2, axis=1)))
        d = mesh.points - mesh.points[c]
        exact = np.sqrt(np.einsum("ni,ij,nj->n", d, M, d))
        T = mesh.activation_times(v, [(c, 0.0)])
        assert np.all(T >= exact - 1e-9)  # the local solvers never undershoot here
        errors.append(float(np.max(T - exact) / exact.max()))
    assert errors[1] < 0.8 * errors[0], errors
    assert errors[1] < 0.1, errors  # first order: ~7.5 % at h = 1.25 mm, worst fibre


def test_root_times_shift_activation_and_the_earliest_root_wins():
    mesh = _cube(7, np.array([1.0, 0.0, 0.0]))
    v = Velocities(0.5, 0.5, 0.5, 0.5)
    a = int(np.argmin(np.sum(mesh.points**2, axis=1)))
    b = int(np.argmax(np.sum(mesh.points**2, axis=1)))
    T1 = mesh.activation_times(v, [(a, 0.0)])
    T2 = mesh.activation_times(v, [(a, 5.0)])
    np.testing.assert_allclose(T2, T1 + 5.0, atol=1e-9)
    late = mesh.activation_times(v, [(a, 0.0), (b, 1000.0)])
    np.testing.assert_allclose(late, T1, atol=1e-9)  # a root overrun by the wave is silent
    both = mesh.activation_times(v, [(a, 0.0), (b, 0.0)])
    assert both[b] == 0.0 and both.max() < T1.max()


def test_fast_layer_speeds_up_activation():
    mesh = _cube(7, np.array([1.0, 0.0, 0.0]))
    layer = np.any(mesh.points[mesh.tets][:, :, 2] < 1e-9, axis=1)
    fast = EikonalMesh(mesh.points, mesh.tets, mesh.fibre, mesh.sheet, layer)
    a = int(np.argmin(np.sum(mesh.points**2, axis=1)))
    slow_T = fast.activation_times(Velocities(0.5, 0.3, 0.3, 0.5), [(a, 0.0)])
    fast_T = fast.activation_times(Velocities(0.5, 0.3, 0.3, 3.0), [(a, 0.0)])
    far = int(np.argmax(mesh.points[:, 0] + mesh.points[:, 1] - mesh.points[:, 2]))
    assert fast_T[far] < 0.6 * slow_T[far]


def test_bad_input_is_rejected():
    mesh = _cube(5, np.array([1.0, 0.0, 0.0]))
    with pytest.raises(ConfigError, match="at least one root"):
        mesh.activation_times(Velocities(), [])
    with pytest.raises(ConfigError, match="vertex"):
        mesh.activation_times(Velocities(), [(10**6, 0.0)])
    with pytest.raises(ConfigError, match="fibre"):
        Velocities(fibre=-1.0)
    with pytest.raises(MeshError, match="tets"):
        EikonalMesh(mesh.points, mesh.tets[:, :3], mesh.fibre, mesh.sheet,
                    np.zeros(len(mesh.tets), bool))


def test_lead_field_weights_sum_to_zero_and_uniform_activation_is_silent():
    """A constant V drives no current, so the weights of each electrode sum to zero and a
    tissue activated everywhere at once (same AP) has a flat ECG."""
    mesh = _cube(6, np.array([1.0, 1.0, 0.0]))
    el = {"A": (60.0, 10.0, 10.0), "B": (10.0, -50.0, 10.0)}
    W = lead_field_weights(mesh, el)
    assert np.max(np.abs(W.sum(axis=1))) < 1e-12 * np.max(np.abs(W))
    re = ReactionEikonal(mesh, W, APTemplate.analytic(apd_ms=200.0))
    sig = re.electrodes(np.full(mesh.n_vertices, 5.0), 200.0, np.arange(0.0, 300.0, 1.0))
    assert np.max(np.abs(sig)) < 1e-10
    with pytest.raises(ConfigError, match="lies on the heart"):
        lead_field_weights(mesh, {"A": tuple(mesh.points[3])})


def test_lead_field_matches_the_monodomain_pseudo_ecg(dolfinx, comm):
    """Our numpy lead field against the dolfinx-assembled one of PseudoECG (independent
    quadrature and assembly) on a box with fibres along x."""
    import dolfinx.mesh

    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.ecg import PseudoECG
    from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig

    if comm.size > 1:
        pytest.skip("compares against a whole-mesh array")
    dm = dolfinx.mesh.create_box(comm, [[0, 0, 0], [10, 6, 4]], [5, 3, 2],
                                 dolfinx.mesh.CellType.tetrahedron)
    sigma_iso = Conductivity.isotropic(0.3)
    sim = Monodomain(dm, "mitchell-schaeffer", sigma_iso, MonodomainConfig(dt_ms=0.1))
    el = {"A": (30.0, 3.0, 2.0), "B": (5.0, -25.0, 10.0)}
    ecg = PseudoECG(sim, el)
    X = sim.dof_coords
    cells = dm.geometry.dofmaps[0]
    # dof order == geometry node order for P1 on a linear mesh: map nodes to dofs
    node_to_dof = np.empty(len(X), np.int64)
    node_to_dof[cells.ravel()] = sim.V.dofmap.list.ravel()
    pts = np.empty_like(dm.geometry.x)
    pts[node_to_dof] = dm.geometry.x
    tets = node_to_dof[np.asarray(cells)]
    m = len(tets)
    mesh = EikonalMesh(pts, tets, np.tile([1.0, 0, 0], (m, 1)), np.tile([0, 1.0, 0], (m, 1)),
                       np.zeros(m, bool))
    W = lead_field_weights(mesh, el, sigma_f=0.3, sigma_s=0.3, sigma_n=0.3)
    for k, w in enumerate(ecg._weights.values()):
        ref = w.array
        rel = np.max(np.abs(W[k] - ref)) / np.max(np.abs(ref))
        assert rel < 0.02, rel
