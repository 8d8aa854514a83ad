"""Atrial fibrosis: random collagen patches, the image intensity ratio of the phantom's
LGE-like image against the formula the image was drawn from, and the lesion classes."""

from __future__ import annotations

from mpi4py import MPI

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import RandomPatches
from cardiotwin.scenarios.fibrosis import Fibrosis

pytest.importorskip("dolfinx")


@pytest.mark.parametrize("fraction", [0.2, 0.5])
def test_random_patches_cover_their_fraction_and_are_reproducible(fraction):
    rng = np.random.default_rng(1)
    x = rng.uniform(-200.0, 200.0, size=(20000, 3))
    p = RandomPatches(fraction, correlation_mm=3.0, seed=4)
    inside = p.contains(x)
    assert inside.mean() == pytest.approx(fraction, abs=0.03)
    assert np.array_equal(inside, RandomPatches(fraction, 3.0, seed=4).contains(x))
    other = RandomPatches(fraction, 3.0, seed=5).contains(x)
    assert (inside != other).mean() > 0.2  # another seed: other patches
    # a Gaussian field of wavelength 3 mm: points 0.3 mm apart have correlation
    # sin(kd)/kd = 0.94 (k = 2 pi / 3 mm), P(same side) >= 1 - arccos(0.94) / pi = 0.88;
    # points 50 mm apart are nearly independent: P(same side) = f^2 + (1 - f)^2, up to
    # the residual correlation of a 64-mode field (std sqrt(0.5 / 64) = 0.09: +-0.1 here)
    near = p.contains(x + np.array([0.3, 0.0, 0.0]))
    assert (inside == near).mean() > 0.85
    far = p.contains(x + np.array([50.0, 0.0, 0.0]))
    assert (inside == far).mean() == pytest.approx(fraction ** 2 + (1 - fraction) ** 2,
                                                   abs=0.1)


@pytest.mark.parametrize("bad, match", [
    (lambda: RandomPatches(0.0), "fraction"),
    (lambda: RandomPatches(0.3, modes=4), "modes"),
    (lambda: Fibrosis(interstitial_iir=1.4, dense_iir=1.3), "dense_iir"),
    (lambda: Fibrosis(conductivity_factor=0.0), "conductivity_factor"),
    (lambda: Fibrosis(collagen_fraction=1.0), "collagen_fraction"),
    (lambda: Fibrosis(ionic={"tau_close": 1.2}), "ParameterChanges"),
])
def test_bad_settings_are_named(bad, match):
    with pytest.raises(ConfigError, match=match):
        bad()


def _phantom_ratio(x: np.ndarray) -> np.ndarray:
    """The ratio the phantom's LGE image was drawn with (cardiotwin.geometry.phantom)."""
    from cardiotwin.geometry.phantom import FIBROSIS_PATCHES_MM, LGE_BLOOD, LGE_WALL

    iir = np.full(len(x), LGE_WALL / LGE_BLOOD)
    for centre, radius in FIBROSIS_PATCHES_MM:
        r = np.linalg.norm(x - np.asarray(centre), axis=1)
        iir = np.maximum(iir, np.where(r < radius, 1.0 + 0.5 * (1 - (r / radius) ** 2), 0.0))
    return iir


@pytest.fixture(scope="module")
def phantom_iir():
    from cardiotwin.geometry.io import load_phantom_atria
    from cardiotwin.scenarios.fibrosis import intensity_ratio
    from cardiotwin.studies.af_ablation import PHANTOM_LGE

    geo = load_phantom_atria(MPI.COMM_SELF)
    iir = intensity_ratio(geo, PHANTOM_LGE)
    V = iir.function_space
    x = V.tabulate_dof_coordinates()
    n = geo.fibres.n0.x.array.reshape(-1, 3)
    return geo, iir, x, n


def test_intensity_ratio_recovers_the_phantom_fibrosis(phantom_iir):
    _, iir, x, n = phantom_iir
    measured = iir.x.array
    # the formula across the wall (0.5-2 mm out along the normal; the image's wall is
    # 2.5 mm thick and blurred by 0.5 mm at its edges)
    truth = np.max([_phantom_ratio(x + d * n) for d in np.linspace(0.5, 2.0, 4)], axis=0)
    ok = np.isfinite(measured)
    assert ok.mean() > 0.95
    healthy = ok & (truth < 0.76)
    assert healthy.sum() > 1000
    assert np.median(np.abs(measured[healthy] - 0.75)) < 0.05
    dense = ok & (truth > 1.42)
    assert dense.sum() > 20
    assert np.mean(measured[dense] >= 1.32) > 0.9
    # class agreement (healthy / interstitial / dense) with the formula
    cls = np.digitize(measured[ok], [1.2, 1.32])
    ref = np.digitize(truth[ok], [1.2, 1.32])
    assert np.mean(cls == ref) > 0.9


def test_lesion_set_classes_follow_the_thresholds(phantom_iir):
    from cardiotwin.ionic.phenomenological import atrial_fast_model
    from cardiotwin.scenarios.lesions import apply_lesions

    geo, iir, _, _ = phantom_iir
    mesh = geo.mesh
    cells = mesh.geometry.dofmaps[0]  # P1 on an affine mesh: cell dofs are its vertices
    V = iir.function_space
    cdofs = V.dofmap.list
    assert cdofs.shape == cells.shape
    mean = iir.x.array[cdofs].mean(axis=1)
    plain = apply_lesions(geo, Fibrosis().lesion_set(iir), atrial_fast_model("caf"))
    n = len(mean)
    assert np.array_equal(plain.core_cells[:n], mean >= 1.32)
    inter = (mean >= 1.2) & (mean < 1.32)
    assert inter.sum() > 50
    assert np.all(plain.border_cells[:n][inter])
    # collagen: a fraction of the interstitial cells become non-conducting
    fib = Fibrosis(collagen_fraction=0.4, collagen_mm=2.0, seed=3)
    coll = apply_lesions(geo, fib.lesion_set(iir), atrial_fast_model("caf"))
    extra = coll.core_cells[:n] & ~plain.core_cells[:n]
    assert np.all(inter[extra])
    assert extra.sum() / inter.sum() == pytest.approx(0.4, abs=0.15)


@pytest.mark.mpi
def test_fibrosis_follows_the_atrial_coordinates_onto_another_anatomy(comm):
    """The phantom's ratio carried to a rotated, enlarged copy of the phantom atria (the
    same atrial coordinates at other places) lands on the same vertices; vertices with
    degenerate coordinates (shared by several vertices) may take a neighbour's value."""
    from cardiotwin.geometry.io import load_phantom_atria
    from cardiotwin.scenarios.fibrosis import intensity_ratio, transfer_ratio
    from cardiotwin.studies.af_ablation import PHANTOM_LGE

    source = load_phantom_atria(comm)
    ratio = intensity_ratio(source, PHANTOM_LGE)
    target = load_phantom_atria(comm)
    assert target is not source and target.table is not source.table
    c, s = np.cos(0.7), np.sin(0.7)
    rot = 1.3 * np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])
    target.mesh.geometry.x[:] = target.mesh.geometry.x @ rot.T + np.array([40.0, -25.0, 7.0])
    target.table["x"] = target.table["x"] @ rot.T + np.array([40.0, -25.0, 7.0])
    moved = transfer_ratio(source, ratio, target)
    assert not np.allclose(target.table["x"], source.table["x"])

    n = ratio.function_space.dofmap.index_map.size_local
    assert moved.function_space.dofmap.index_map.size_local == n  # the same partition
    a, b = ratio.x.array[:n], moved.x.array[:n]
    ok = np.isfinite(a)
    same = comm.allreduce(int(np.sum(np.abs(a[ok] - b[ok]) < 1e-6)))
    total = comm.allreduce(int(ok.sum()))
    assert same > 0.95 * total
    # the fibrotic area is carried whole
    for th in (1.2, 1.32):
        n_src = comm.allreduce(int(np.sum(a[ok] >= th)))
        n_tgt = comm.allreduce(int(np.sum(b[ok] >= th)))
        assert n_src > 50 and abs(n_tgt - n_src) <= 0.05 * n_src

    with pytest.raises(ConfigError, match="no atrial coordinate table"):
        target.table.pop("la-alpha")
        transfer_ratio(source, ratio, target)
