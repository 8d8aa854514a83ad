"""Phase, phase singularities, rotor tracking and dominant frequency on analytic fields.

The fields are built from formulas whose phase, singularities and frequencies are known
exactly: a rotating spiral ``V = cos(omega t - atan2(y - y0, x - x0) + k r)`` has one phase
singularity at ``(x0, y0)`` of topological charge -1 (the phase falls by 2 pi around it
counter-clockwise), the same with ``+atan2`` has charge +1, and every vertex oscillates at
``omega / 2 pi``.
"""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.analysis.phase import (
    dominant_frequency,
    phase,
    phase_singularities,
    singularities_over_time,
    singularity_density,
    track_singularities,
)
from cardiotwin.exceptions import ConfigError


def _grid(n: int = 41, length_mm: float = 40.0) -> tuple[np.ndarray, np.ndarray]:
    """Square [0, L]^2 split into counter-clockwise triangles (z = 0)."""
    s = np.linspace(0.0, length_mm, n)
    xx, yy = np.meshgrid(s, s, indexing="xy")
    pts = np.column_stack([xx.ravel(), yy.ravel(), np.zeros(n * n)])
    idx = np.arange(n * n).reshape(n, n)
    a, b = idx[:-1, :-1].ravel(), idx[:-1, 1:].ravel()
    c, d = idx[1:, 1:].ravel(), idx[1:, :-1].ravel()
    tri = np.vstack([np.column_stack([a, b, c]), np.column_stack([a, c, d])])
    return pts, tri


def _contains(pts: np.ndarray, tri: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Triangles whose closure contains the 2-D point p (barycentric test)."""
    A, B, C = (pts[tri[:, i], :2] for i in range(3))
    den = (B[:, 1] - C[:, 1]) * (A[:, 0] - C[:, 0]) + (C[:, 0] - B[:, 0]) * (A[:, 1] - C[:, 1])
    l1 = ((B[:, 1] - C[:, 1]) * (p[0] - C[:, 0]) + (C[:, 0] - B[:, 0]) * (p[1] - C[:, 1])) / den
    l2 = ((C[:, 1] - A[:, 1]) * (p[0] - C[:, 0]) + (A[:, 0] - C[:, 0]) * (p[1] - C[:, 1])) / den
    return (l1 >= -1e-12) & (l2 >= -1e-12) & (1 - l1 - l2 >= -1e-12)


def test_hilbert_phase_of_a_sinusoid_is_its_argument():
    f_hz, dt = 7.0, 1.0
    t = np.arange(0.0, 2000.0, dt)
    v = -40.0 + 50.0 * np.cos(2 * np.pi * f_hz * t / 1000.0 + 0.3)
    th = phase(v[:, None])[:, 0]
    exact = np.angle(np.exp(1j * (2 * np.pi * f_hz * t / 1000.0 + 0.3)))
    mid = slice(200, -200)  # the Hilbert transform of a finite record is exact away from its ends
    err = np.angle(np.exp(1j * (th[mid] - exact[mid])))
    assert np.abs(err).max() < 0.02


@pytest.mark.parametrize("chirality, charge", [(-1.0, -1), (1.0, 1)])
def test_spiral_has_one_singularity_of_known_charge_where_it_is(chirality, charge):
    pts, tri = _grid()
    centre = np.array([17.3, 22.6])  # inside a triangle, not on an edge
    x, y = pts[:, 0] - centre[0], pts[:, 1] - centre[1]
    r = np.hypot(x, y)
    for t_ms in (0.0, 37.0, 81.0):
        theta = np.angle(np.exp(1j * (2 * np.pi * 6.0 * t_ms / 1000.0
                                      + chirality * np.arctan2(y, x) + 0.15 * r)))
        ps, ch = phase_singularities(theta, tri)
        assert len(ps) == 1
        assert ch[0] == charge
        assert _contains(pts, tri[ps], centre)[0]


def test_figure_of_eight_pair_has_opposite_charges_at_both_cores():
    pts, tri = _grid()
    c1, c2 = np.array([12.2, 20.3]), np.array([28.4, 20.3])
    theta = np.angle(np.exp(1j * (np.arctan2(pts[:, 1] - c1[1], pts[:, 0] - c1[0])
                                  - np.arctan2(pts[:, 1] - c2[1], pts[:, 0] - c2[0]))))
    ps, ch = phase_singularities(theta, tri)
    assert sorted(ch.tolist()) == [-1, 1]
    assert _contains(pts, tri[ps[ch == 1]], c1)[0]
    assert _contains(pts, tri[ps[ch == -1]], c2)[0]


def test_plane_wave_and_missing_phase_have_no_singularity():
    pts, tri = _grid()
    theta = np.angle(np.exp(1j * 0.4 * pts[:, 0]))  # a plane wave: phase winds nowhere
    assert len(phase_singularities(theta, tri)[0]) == 0
    theta = np.angle(np.exp(1j * np.arctan2(pts[:, 1] - 20.5, pts[:, 0] - 20.5)))
    theta[np.linalg.norm(pts[:, :2] - 20.5, axis=1) < 3.0] = np.nan  # core without phase
    assert len(phase_singularities(theta, tri)[0]) == 0


def _meandering_spiral(f_hz=6.0, dt=5.0, t_end=1500.0, radius=4.0, period=3000.0):
    """V of a spiral whose core moves on a circle (mm) of the given radius and period.

    The core moves 8 mm/s, slowly against the wave (the Hilbert phase of a vertex the
    core sweeps over quickly is not the local phase: a fast meander makes transient
    singularity pairs, as with any phase method)."""
    pts, tri = _grid()
    t = np.arange(0.0, t_end, dt)
    core = np.column_stack([20.3 + radius * np.cos(2 * np.pi * t / period),
                            20.1 + radius * np.sin(2 * np.pi * t / period)])
    x = pts[None, :, 0] - core[:, 0, None]
    y = pts[None, :, 1] - core[:, 1, None]
    psi = 2 * np.pi * f_hz * t[:, None] / 1000.0 - np.arctan2(y, x) + 0.1 * np.hypot(x, y)
    v = -80.0 + 100.0 * 0.5 * (1 + np.cos(psi))
    return pts, tri, t, v, core


def test_singularity_of_a_meandering_spiral_is_tracked_from_the_hilbert_phase():
    pts, tri, t, v, core = _meandering_spiral()
    th = phase(v)
    keep = (t >= 250.0) & (t <= t[-1] - 250.0)  # away from the ends of the record
    frames = singularities_over_time(t[keep], th[keep], pts, tri)
    assert all(len(f[1]) == 1 for f in frames)
    pos = np.vstack([f[1] for f in frames])
    assert np.abs(pos[:, :2] - core[keep]).max() < 1.0  # within one cell (1 mm)
    tracks = track_singularities(frames, max_step_mm=3.0, min_life_ms=100.0)
    assert len(tracks) == 1
    assert tracks[0].charge == -1
    assert tracks[0].lifetime_ms == pytest.approx(t[keep][-1] - t[keep][0])


def test_tracks_are_split_by_jumps_and_dropped_when_short():
    a, b = np.array([[0.0, 0.0, 0.0]]), np.array([[30.0, 0.0, 0.0]])
    one = np.array([1])
    frames = [(0.0, a, one), (10.0, a, one), (20.0, b, one), (30.0, b, one),
              (40.0, b, one), (50.0, np.zeros((0, 3)), np.zeros(0, int))]
    tracks = track_singularities(frames, max_step_mm=5.0, min_life_ms=0.0)
    assert sorted(tr.lifetime_ms for tr in tracks) == [10.0, 20.0]
    assert [tr.lifetime_ms for tr in track_singularities(frames, max_step_mm=5.0,
                                                         min_life_ms=15.0)] == [20.0]
    # opposite charges never join one track
    frames = [(0.0, a, one), (10.0, a, -one)]
    assert len(track_singularities(frames, max_step_mm=5.0, min_life_ms=0.0)) == 2


def test_dominant_frequency_of_periodic_action_potentials():
    t = np.arange(0.0, 4000.0, 5.0)  # sampled every 5 ms
    freqs = np.array([4.0, 6.5, 9.0])
    # a non-sinusoidal, action-potential-like periodic signal at each frequency
    ph = (t[:, None] * freqs[None, :] / 1000.0) % 1.0
    v = np.where(ph < 0.4, 20.0 - 100.0 * ph, -80.0)
    df = dominant_frequency(t, v)
    # resolution of a 4 s record: 0.25 Hz (zero padding only interpolates)
    assert np.abs(df - freqs).max() <= 0.125
    flat = dominant_frequency(t, np.full((t.size, 1), -80.0))
    assert np.isnan(flat[0])
    with pytest.raises(ConfigError, match="uniformly"):
        dominant_frequency(np.r_[t[:-1], t[-1] + 2.0], v)
    with pytest.raises(ConfigError, match="band"):
        dominant_frequency(t, v, band_hz=(150.0, 190.0))


def test_singularity_density_counts_frames_within_the_radius():
    pts, _ = _grid(n=11, length_mm=10.0)  # 1 mm spacing
    from cardiotwin.analysis.phase import SingularityTrack

    tr = SingularityTrack(np.arange(4.0), np.tile([5.0, 5.0, 0.0], (4, 1)), 1)
    dens = singularity_density(pts, [tr], radius_mm=2.0)
    near = np.linalg.norm(pts - [5.0, 5.0, 0.0], axis=1) <= 2.0
    assert np.all(dens[near] == 4.0)
    assert np.all(dens[~near] == 0.0)
    assert not singularity_density(pts, []).any()


def test_silent_tissue_has_no_phase_and_no_singularity():
    pts, tri = _grid()
    t = np.arange(0.0, 1000.0, 5.0)
    rng = np.random.default_rng(2)
    # a plane wave, and a block of non-excitable tissue at rest with 0.5 mV of noise
    v = -80.0 + 100.0 * 0.5 * (1 + np.cos(2 * np.pi * 6.0 * t[:, None] / 1000.0
                                          - 0.3 * pts[None, :, 0]))
    silent = (pts[:, 0] > 20.0) & (pts[:, 1] > 20.0)
    v[:, silent] = -80.0 + rng.normal(0.0, 0.5, (t.size, silent.sum()))
    noisy = singularities_over_time(t, phase(v), pts, tri)
    assert sum(len(f[1]) for f in noisy) > 0  # the noise's angle winds at random
    th = phase(v, min_amplitude=30.0)
    assert np.isnan(th[:, silent]).all() and np.isfinite(th[:, ~silent]).all()
    assert sum(len(f[1]) for f in singularities_over_time(t, th, pts, tri)) == 0
