"""Strain energies of the materials against closed-form stresses and invariance checks.

Each material's UFL energy is differentiated by UFL at a homogeneous deformation and the
Cauchy stress compared with the textbook formula for incompressible uniaxial extension
along the fibre (x) axis:

    sigma_11 - sigma_22 = lambda dW/dlambda_1 - lambda_2 dW/dlambda_2

written out for each law below (the hydrostatic pressure cancels in the difference).
"""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.mechanics import Guccione, HolzapfelOgden, NeoHookean

pytestmark = pytest.mark.skip_in_parallel


@pytest.fixture(scope="module")
def one_cell(dolfinx):
    from mpi4py import MPI

    import dolfinx.mesh

    return dolfinx.mesh.create_unit_cube(MPI.COMM_SELF, 1, 1, 1,
                                         dolfinx.mesh.CellType.tetrahedron)


def _evaluate(mesh, expr) -> np.ndarray:
    from dolfinx import fem

    e = fem.Expression(expr, np.array([[0.25, 0.25, 0.25]]))
    return np.asarray(e.eval(mesh, np.array([0], dtype=np.int32))).reshape(expr.ufl_shape)


def _frame(mesh, rotation: np.ndarray | None = None):
    from dolfinx import fem

    R = np.eye(3) if rotation is None else rotation
    return tuple(fem.Constant(mesh, R @ np.eye(3)[i]) for i in range(3))


def _cauchy(mesh, material, F_np: np.ndarray, *, frame=None) -> np.ndarray:
    """sigma = P F^T / J from the UFL energy (no pressure term)."""
    import ufl
    from dolfinx import fem

    from cardiotwin.mechanics.kinematics import Kinematics

    F = ufl.variable(ufl.as_matrix(fem.Constant(mesh, F_np)))
    f0, s0, n0 = frame or _frame(mesh)
    W = material.strain_energy(Kinematics(F, f0, s0, n0))
    P = _evaluate(mesh, ufl.diff(W, F))
    return P @ F_np.T / np.linalg.det(F_np)


def _energy(mesh, material, F_np: np.ndarray, frame) -> float:
    import ufl
    from dolfinx import fem

    from cardiotwin.mechanics.kinematics import Kinematics

    F = ufl.as_matrix(fem.Constant(mesh, F_np))
    f0, s0, n0 = frame
    return float(_evaluate(mesh, material.strain_energy(Kinematics(F, f0, s0, n0))))


def _uniaxial(lam: float) -> np.ndarray:
    return np.diag([lam, lam**-0.5, lam**-0.5])


@pytest.mark.parametrize("lam", [0.8, 1.1, 1.3])
def test_neo_hookean_uniaxial(one_cell, lam):
    mu = 7.5
    sig = _cauchy(one_cell, NeoHookean(mu_kPa=mu), _uniaxial(lam))
    assert sig[0, 0] - sig[1, 1] == pytest.approx(mu * (lam**2 - 1.0 / lam), rel=1e-12)
    assert sig[1, 1] == pytest.approx(sig[2, 2], rel=1e-12)


@pytest.mark.parametrize("lam", [0.9, 1.1, 1.25])
def test_guccione_uniaxial_along_fibre(one_cell, lam):
    mat = Guccione(C_kPa=2.0, b_f=8.0, b_t=2.0, b_fs=4.0)
    e11, e22 = 0.5 * (lam**2 - 1.0), 0.5 * (1.0 / lam - 1.0)
    q = mat.b_f * e11**2 + 2.0 * mat.b_t * e22**2
    s11 = mat.C_kPa * mat.b_f * e11 * np.exp(q)  # dW/dE_11
    s22 = mat.C_kPa * mat.b_t * e22 * np.exp(q)
    expected = lam**2 * s11 - s22 / lam
    sig = _cauchy(one_cell, mat, _uniaxial(lam))
    assert sig[0, 0] - sig[1, 1] == pytest.approx(expected, rel=1e-12)


def test_guccione_fibre_sheet_shear(one_cell):
    """Simple shear x += g*y: E_12 = g/2, E_22 = g^2/2, Q = 2 b_fs E_12^2 + b_t E_22^2,
    S_12 = C b_fs E_12 exp(Q), S_22 = C b_t E_22 exp(Q), sigma = F S F^T (J = 1)."""
    mat = Guccione(C_kPa=2.0, b_f=8.0, b_t=2.0, b_fs=4.0)
    g = 0.2
    F = np.eye(3)
    F[0, 1] = g
    e12, e22 = g / 2.0, g**2 / 2.0
    eq = np.exp(2.0 * mat.b_fs * e12**2 + mat.b_t * e22**2)
    S = mat.C_kPa * eq * np.array([[0.0, mat.b_fs * e12, 0.0],
                                   [mat.b_fs * e12, mat.b_t * e22, 0.0],
                                   [0.0, 0.0, 0.0]])
    np.testing.assert_allclose(_cauchy(one_cell, mat, F), F @ S @ F.T, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("lam", [1.05, 1.15])
def test_holzapfel_ogden_uniaxial_along_fibre(one_cell, lam):
    mat = HolzapfelOgden()
    i1 = lam**2 + 2.0 / lam
    w1 = 0.5 * mat.a_kPa * np.exp(mat.b * (i1 - 3.0))
    w4 = mat.a_f_kPa * (lam**2 - 1.0) * np.exp(mat.b_f * (lam**2 - 1.0) ** 2)
    expected = 2.0 * (lam**2 - 1.0 / lam) * w1 + 2.0 * lam**2 * w4
    sig = _cauchy(one_cell, mat, _uniaxial(lam))
    assert sig[0, 0] - sig[1, 1] == pytest.approx(expected, rel=1e-12)


def test_holzapfel_ogden_fibres_carry_no_compression(one_cell):
    """Shortening along the fibres (x): the fibre term is off; the sheets (y) are
    stretched by 1/sqrt(lam) and act: sigma_11 - sigma_22 = 2(lam² - 1/lam) W1 - 2/lam W4s."""
    lam = 0.9
    mat = HolzapfelOgden()
    i1 = lam**2 + 2.0 / lam
    w1 = 0.5 * mat.a_kPa * np.exp(mat.b * (i1 - 3.0))
    i4s = 1.0 / lam
    w4s = mat.a_s_kPa * (i4s - 1.0) * np.exp(mat.b_s * (i4s - 1.0) ** 2)
    expected = 2.0 * (lam**2 - 1.0 / lam) * w1 - 2.0 * i4s * w4s
    sig = _cauchy(one_cell, mat, _uniaxial(lam))
    assert sig[0, 0] - sig[1, 1] == pytest.approx(expected, rel=1e-12)
    assert sig[1, 1] - sig[2, 2] == pytest.approx(2.0 * i4s * w4s, rel=1e-12)
    with_compression = HolzapfelOgden(fibres_in_compression=True)
    sig_c = _cauchy(one_cell, with_compression, _uniaxial(lam))
    assert sig_c[0, 0] - sig_c[1, 1] < sig[0, 0] - sig[1, 1] - 1e-3


def _rotation(rng) -> np.ndarray:
    q, r = np.linalg.qr(rng.standard_normal((3, 3)))
    q = q @ np.diag(np.sign(np.diag(r)))
    if np.linalg.det(q) < 0:
        q[:, 0] *= -1
    return q


@pytest.mark.parametrize("material", [NeoHookean(), Guccione(), HolzapfelOgden(),
                                      Guccione(C_kPa=10.0, b_f=1.0, b_t=1.0, b_fs=1.0)],
                         ids=["neo-hookean", "guccione", "holzapfel-ogden", "guccione-iso"])
def test_objectivity_and_material_symmetry(one_cell, material):
    """W(QF) = W(F) for a rotation Q of the deformed configuration; rotating the body
    and its fibres together (F -> F R^T, frame -> R frame) leaves W unchanged too."""
    rng = np.random.default_rng(7)
    F = np.eye(3) + 0.15 * rng.standard_normal((3, 3))
    Q = _rotation(rng)
    R = _rotation(rng)
    w = _energy(one_cell, material, F, _frame(one_cell))
    assert abs(w) > 1e-5
    assert _energy(one_cell, material, Q @ F, _frame(one_cell)) == pytest.approx(w, rel=1e-12)
    rotated = _energy(one_cell, material, F @ R.T, _frame(one_cell, R))
    assert rotated == pytest.approx(w, rel=1e-12)


def test_guccione_energy_in_a_rotated_frame(one_cell):
    """W from UFL equals C/2 (exp(Q) - 1) with Q from the strain in the (f, s, n) frame
    computed here in numpy, for an oblique frame and for the isotropic branch."""
    rng = np.random.default_rng(3)
    F = np.eye(3) + 0.1 * rng.standard_normal((3, 3))
    E = 0.5 * (F.T @ F - np.eye(3))
    R = _rotation(rng)
    Ef = R.T @ E @ R  # components in the frame (columns of R are f, s, n)
    mat = Guccione(C_kPa=2.0, b_f=8.0, b_t=2.0, b_fs=4.0)
    q = (mat.b_f * Ef[0, 0] ** 2
         + mat.b_t * (Ef[1, 1] ** 2 + Ef[2, 2] ** 2 + 2 * Ef[1, 2] ** 2)
         + 2 * mat.b_fs * (Ef[0, 1] ** 2 + Ef[0, 2] ** 2))
    frame = _frame(one_cell, R)
    assert _energy(one_cell, mat, F, frame) == pytest.approx(
        0.5 * mat.C_kPa * (np.exp(q) - 1.0), rel=1e-12)
    iso = Guccione(C_kPa=3.0, b_f=1.5, b_t=1.5, b_fs=1.5)
    assert iso.isotropic and not iso.needs_fibres
    assert _energy(one_cell, iso, F, frame) == pytest.approx(
        1.5 * (np.exp(1.5 * np.sum(E * E)) - 1.0), rel=1e-12)


def test_reference_state_is_stress_free(one_cell):
    for mat in (Guccione(), HolzapfelOgden(fibres_in_compression=True)):
        sig = _cauchy(one_cell, mat, np.eye(3))
        # Guccione: zero; HO: the isotropic term gives a hydrostatic a*I (taken by p)
        dev = sig - np.trace(sig) / 3.0 * np.eye(3)
        np.testing.assert_allclose(dev, 0.0, atol=1e-12)


@pytest.mark.parametrize("make, field", [
    (lambda: Guccione(C_kPa=-1.0), "C_kPa"),
    (lambda: Guccione(b_f=float("nan")), "b_f"),
    (lambda: HolzapfelOgden(b_f=0.0), "b_f"),
    (lambda: NeoHookean(mu_kPa=0.0), "mu_kPa"),
])
def test_invalid_parameters_name_the_field(make, field):
    with pytest.raises(ConfigError, match=field):
        make()


def test_skewed_frame_is_orthonormalised(one_cell):
    """Directions that are neither unit nor orthogonal (as a P1 interpolant of vertex
    frames is between the vertices) act as their Gram–Schmidt frame: the reference state
    stays stress-free and the energy equals that of the orthonormal frame."""
    from dolfinx import fem

    rng = np.random.default_rng(5)
    R = _rotation(rng)
    f, s, n = R[:, 0], R[:, 1], R[:, 2]
    skewed = tuple(fem.Constant(one_cell, v) for v in
                   (0.7 * f, 0.4 * s + 0.5 * f, 1.3 * n - 0.6 * f + 0.2 * s))
    mat = HolzapfelOgden(fibres_in_compression=True)
    sig = _cauchy(one_cell, mat, np.eye(3), frame=skewed)
    np.testing.assert_allclose(sig - np.trace(sig) / 3.0 * np.eye(3), 0.0, atol=1e-12)
    F = np.eye(3) + 0.1 * rng.standard_normal((3, 3))
    assert _energy(one_cell, mat, F, skewed) == pytest.approx(
        _energy(one_cell, mat, F, _frame(one_cell, R)), rel=1e-12)


def test_holzapfel_ogden_fits_and_scale():
    ti = HolzapfelOgden.transversely_isotropic()
    assert (ti.a_kPa, ti.b, ti.a_f_kPa, ti.b_f) == (2.280, 9.726, 1.685, 15.779)
    assert ti.a_s_kPa == ti.a_fs_kPa == 0.0 and not ti.fibres_in_compression
    s = ti.scaled(0.5)
    assert (s.a_kPa, s.a_f_kPa, s.b, s.b_f) == (1.14, 0.8425, ti.b, ti.b_f)
    ortho = HolzapfelOgden().scaled(2.0)
    assert (ortho.a_s_kPa, ortho.a_fs_kPa) == (2 * 2.481, 2 * 0.216)
    with pytest.raises(ConfigError, match="factor"):
        ti.scaled(0.0)
    with pytest.raises(ConfigError, match="exponent_factor = -1"):
        ti.scaled(1.0, exponent_factor=-1)
    soft = ortho.scaled(1.0, exponent_factor=0.5)
    assert (soft.b, soft.b_f, soft.b_s, soft.b_fs) == (8.023 / 2, 16.026 / 2, 11.120 / 2,
                                                       11.436 / 2)
    assert soft.a_f_kPa == ortho.a_f_kPa


def test_exponent_factor_keeps_the_small_strain_stiffness(one_cell):
    """W = a/(2b) (exp(b x) - 1) = a x / 2 + a b x² / 4 + ...: the exponents change only
    the nonlinear part."""
    ti = HolzapfelOgden.transversely_isotropic(fibres_in_compression=True)
    soft = ti.scaled(1.0, exponent_factor=0.5)
    frame = _frame(one_cell, np.eye(3))
    for eps, close in ((1e-4, True), (0.15, False)):
        F = np.diag([1.0 + eps, (1.0 + eps) ** -0.5, (1.0 + eps) ** -0.5])
        w, w_soft = _energy(one_cell, ti, F, frame), _energy(one_cell, soft, F, frame)
        assert w_soft < w
        assert (abs(w_soft / w - 1.0) < 1e-3) is close
