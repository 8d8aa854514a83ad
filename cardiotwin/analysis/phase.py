"""Fibrillation analysis: phase maps, phase singularities and rotors, dominant frequency.

- :class:`VoltageRecorder` observes a running simulation and keeps the membrane potential
  of every vertex every ``every_ms`` (float32); :meth:`VoltageRecorder.gather` collects the
  samples on rank 0 in the mesh's input vertex order (partition independent).
- :func:`phase` is the phase of every signal from its Hilbert transform, ``theta =
  angle(H[V - mean V])`` (Bray & Wikswo 2002, IEEE Trans Biomed Eng 49:1086).
- :func:`phase_singularities` finds, on a triangulated surface, the triangles around which
  the phase winds by +-2 pi (topological charge +-1; Iyer & Gray 2001, Ann Biomed Eng
  29:47); :func:`track_singularities` links them in time into tracks (nearest neighbour
  within ``max_step_mm``) and keeps those lasting ``min_life_ms`` (rotors, not wavelets).
- :func:`dominant_frequency` is the frequency of the largest spectral power between 3
  and 15 Hz of every signal (Hann window; Sanders et al. 2005, Circulation 112:789).
- :func:`singularity_density` counts, at every vertex, the singularity-frames within a
  radius: where re-entry is sustained (the driver map that targets ablation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError


@dataclass
class VoltageRecorder:
    """Observer keeping V of the owned vertices every ``every_ms`` from ``start_ms``.

    Attach with ``sim.add_observer(recorder)``.  Not collective while recording.
    """

    every_ms: float = 5.0
    start_ms: float = 0.0
    times: list[float] = field(default_factory=list)
    samples: list[np.ndarray] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.every_ms > 0:
            raise ConfigError(f"VoltageRecorder.every_ms = {self.every_ms!r}: expected > 0")
        self._next = float(self.start_ms)
        self._sim: Any = None

    def __call__(self, sim: Any) -> None:
        self._sim = sim
        if sim.t + 1e-9 >= self._next:
            self.times.append(float(sim.t))
            self.samples.append(np.asarray(sim.v.x.array[: sim.n_owned], np.float32).copy())
            self._next += self.every_ms

    def reset(self, start_ms: float) -> None:
        """Drop the samples and record again from ``start_ms``."""
        self.times.clear()
        self.samples.clear()
        self._next = float(start_ms)

    def gather(self) -> tuple[np.ndarray, np.ndarray] | None:
        """``(t_ms[k], v[k, n])`` on rank 0 in input vertex order; None elsewhere.

        Collective.
        """
        sim = self._sim
        if sim is None:
            raise ConfigError("VoltageRecorder.gather(): nothing recorded (attach it with "
                              "sim.add_observer and run)")
        ids = sim.input_indices()
        v = (np.stack(self.samples, axis=1) if self.samples
             else np.zeros((len(ids), 0), np.float32))
        parts = sim.comm.gather((ids, v), root=0)
        if sim.comm.rank != 0:
            return None
        n = sum(len(i) for i, _ in parts)
        out = np.empty((v.shape[1], n), np.float32)
        for i, vv in parts:
            out[:, i] = vv.T
        return np.asarray(self.times), out


def phase(v: npt.ArrayLike, *, min_amplitude: float | None = None) -> np.ndarray:
    """Phase (rad, in (-pi, pi]) of each column of ``v[k, n]`` (Hilbert transform).

    With ``min_amplitude`` (signal units, e.g. mV), signals whose peak-to-peak range is
    smaller get NaN: tissue that does not activate (scar, lesions, blocked regions) has no
    phase, and the angle of its noise would make spurious singularities.
    """
    from scipy.signal import hilbert

    x = np.asarray(v, float)
    if x.ndim != 2 or x.shape[0] < 4:
        raise ConfigError(f"phase: expected samples x signals with >= 4 samples, got "
                          f"{x.shape}")
    th = np.angle(hilbert(x - x.mean(axis=0), axis=0))
    if min_amplitude is not None:
        th[:, np.ptp(x, axis=0) < float(min_amplitude)] = np.nan
    return th


def phase_singularities(theta: npt.ArrayLike, triangles: npt.ArrayLike
                        ) -> tuple[np.ndarray, np.ndarray]:
    """Triangles around which the phase ``theta[n]`` (one frame) winds, and the charge.

    The charge is the sum of the wrapped phase differences along the three edges over
    ``2 pi`` (+1, -1; 0 elsewhere); triangles touching a vertex without phase (NaN) are
    skipped.
    """
    th = np.asarray(theta, float)
    t = np.asarray(triangles, dtype=np.int64)
    a, b, c = th[t[:, 0]], th[t[:, 1]], th[t[:, 2]]

    def wrap(d: np.ndarray) -> np.ndarray:
        return (d + np.pi) % (2 * np.pi) - np.pi

    winding = (wrap(b - a) + wrap(c - b) + wrap(a - c)) / (2 * np.pi)
    charge = np.rint(np.nan_to_num(winding)).astype(int)
    ps = np.nonzero(charge != 0)[0]
    return ps, charge[ps]


@dataclass(frozen=True)
class SingularityTrack:
    """One phase singularity followed in time: times (ms), positions (mm), charge."""

    times_ms: np.ndarray
    positions_mm: np.ndarray
    charge: int

    @property
    def lifetime_ms(self) -> float:
        return float(self.times_ms[-1] - self.times_ms[0])


def track_singularities(frames: list[tuple[float, np.ndarray, np.ndarray]], *,
                        max_step_mm: float = 6.0, min_life_ms: float = 100.0
                        ) -> list[SingularityTrack]:
    """Link singularities of successive frames ``(t_ms, positions[k, 3], charges[k])``.

    Each singularity continues the nearest track of the same charge that ended in the
    previous frame within ``max_step_mm``; tracks shorter than ``min_life_ms`` are dropped.
    """
    from scipy.spatial import cKDTree

    open_tracks: list[dict] = []
    done: list[dict] = []
    for t, pos, ch in frames:
        pos = np.asarray(pos, float).reshape(-1, 3)
        ch = np.asarray(ch, int)
        used = np.zeros(len(pos), dtype=bool)
        still = []
        for tr in open_tracks:
            same = np.nonzero((ch == tr["charge"]) & ~used)[0]
            if same.size:
                d, k = cKDTree(pos[same]).query(tr["pos"][-1])
                if d <= max_step_mm:
                    j = same[k]
                    used[j] = True
                    tr["t"].append(t)
                    tr["pos"].append(pos[j])
                    still.append(tr)
                    continue
            done.append(tr)
        for j in np.nonzero(~used)[0]:
            still.append({"t": [t], "pos": [pos[j]], "charge": int(ch[j])})
        open_tracks = still
    done += open_tracks
    out = [SingularityTrack(np.asarray(tr["t"]), np.asarray(tr["pos"]), tr["charge"])
           for tr in done]
    return [tr for tr in out if tr.lifetime_ms >= min_life_ms]


def singularities_over_time(t_ms: np.ndarray, theta: np.ndarray, points: np.ndarray,
                            triangles: np.ndarray) -> list[tuple[float, np.ndarray,
                                                                 np.ndarray]]:
    """Phase singularities of every frame: ``(t, triangle centroids (mm), charges)``."""
    tri = np.asarray(triangles, dtype=np.int64)
    cent = np.asarray(points, float)[tri].mean(axis=1)
    frames = []
    for k, t in enumerate(t_ms):
        ps, ch = phase_singularities(theta[k], tri)
        frames.append((float(t), cent[ps], ch))
    return frames


def dominant_frequency(t_ms: npt.ArrayLike, v: npt.ArrayLike, *,
                       band_hz: tuple[float, float] = (3.0, 15.0)) -> np.ndarray:
    """Dominant frequency (Hz) of each column of ``v[k, n]`` sampled at ``t_ms[k]``.

    The frequency of the largest power of the Hann-windowed, mean-removed signal within
    ``band_hz``; NaN for a flat signal.  Uniform sampling is required.
    """
    t = np.asarray(t_ms, float)
    x = np.asarray(v, float)
    if t.size < 8 or x.shape[0] != t.size:
        raise ConfigError(f"dominant_frequency: {t.size} samples for signals of shape "
                          f"{x.shape}; need >= 8 samples, one row each")
    dt = float(np.median(np.diff(t)))
    if not np.allclose(np.diff(t), dt, rtol=1e-3, atol=1e-6):
        raise ConfigError("dominant_frequency: the samples are not uniformly spaced")
    x = (x - x.mean(axis=0)) * np.hanning(t.size)[:, None]
    n = 4 * t.size  # zero padding: finer frequency grid
    p = np.abs(np.fft.rfft(x, n=n, axis=0)) ** 2
    f = np.fft.rfftfreq(n, d=dt / 1000.0)
    sel = (f >= band_hz[0]) & (f <= band_hz[1])
    if not sel.any():
        raise ConfigError(f"dominant_frequency: the band {band_hz} Hz holds no frequency "
                          f"of a record of {t[-1] - t[0]:.0f} ms sampled every {dt} ms")
    ps = p[sel]
    df = f[sel][np.argmax(ps, axis=0)]
    flat = ps.max(axis=0) <= 1e-12 * max(float(ps.max()), 1e-300)
    return np.where(flat, np.nan, df)


def singularity_density(points: npt.ArrayLike, tracks: list[SingularityTrack], *,
                        radius_mm: float = 5.0) -> np.ndarray:
    """Number of tracked singularity-frames within ``radius_mm`` of each vertex."""
    from scipy.spatial import cKDTree

    pts = np.asarray(points, float)
    out = np.zeros(len(pts))
    if not tracks:
        return out
    allpos = np.vstack([tr.positions_mm for tr in tracks])
    tree = cKDTree(pts)
    for hits in tree.query_ball_point(allpos, radius_mm):
        out[hits] += 1.0
    return out
