"""Bayesian calibration of a twin to a 12-lead ECG: sequential Monte Carlo ABC.

Notes
-----
Approximate Bayesian computation with the replenishment SMC sampler of Drovandi & Pettitt
(2011, Biometrics 67:225), as used for cardiac digital twins by Camps et al. (2021, MedIA
69:101959; 2024, MedIA 94:103361): ``N`` particles from the prior; each generation drops
the worse half by distance, sets the tolerance ``eps`` to the largest distance kept,
copies kept particles into the dropped places and moves each copy by ``R`` Metropolis
steps (Gaussian random walk with twice the particles' covariance; reflected at the
bounds, periodic angles wrapped), accepting a step when its distance is within ``eps``
(uniform priors and a symmetric kernel: the Metropolis-Hastings ratio is the indicator).
``R = ceil(log(0.01) / log(1 - p_acc))`` from the last acceptance rate; the sampler stops
when ``p_acc`` falls below ``min_acceptance`` or after ``max_generations``.  Every particle
is then a draw from the ABC posterior at the final ``eps``.

The fit runs in two stages (as Camps et al. 2024): **activation** (root sites and times,
the four velocities, the time of the first activation in the record) against the QRS
complex, then **repolarisation** (APD level and gradients) against the ST-T segment, each
repolarisation particle carrying one activation particle (drawn at random and moved like
the other parameters), so the activation's uncertainty carries into the APD posterior.

Distance: ``sqrt(mean_l w_l ||y_l - g s_l||^2)`` over the leads ``l`` of a window, the
weights balancing small and large leads (:func:`scaled_misfit`), with one gain ``g >= 0``
for all leads fitted in closed form (the infinite-medium pseudo-ECG's amplitude is not the
torso's).

**Parallel**: the moves of a generation are shared out over the MPI ranks (each
evaluation runs on one core: :class:`~cardiotwin.ep.eikonal.EikonalMesh` is whole on every
rank), their results allgathered; every rank draws the same random numbers, so the result
does not depend on the number of ranks.  **Resumable**: the sampler state is saved after
every generation (``.npz``, no pickles) and a run given the same file continues from it.
**Seeded**: one ``numpy.random.Generator`` seed.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.analysis.ecg12 import clean_leads, delineate, median_beat
from cardiotwin.exceptions import ConfigError
from cardiotwin.io.ecg import ECG12, LEADS
from cardiotwin.twin.forward import TwinModel, effective_roots
from cardiotwin.twin.parameters import (
    Prior,
    TwinParameters,
    activation_bounds,
    decode_activation,
    decode_repolarisation,
    repolarisation_bounds,
)

logger = logging.getLogger(__name__)

#: time of the first activation before the detected QRS onset (ms): prior bounds
SHIFT_BOUNDS_MS = (-5.0, 25.0)


@dataclass(frozen=True)
class SMCSettings:
    """Settings of the SMC-ABC sampler.

    Parameters
    ----------
    particles
        Number of particles ``N`` (>= 8).
    max_generations
        Largest number of generations per stage.
    min_acceptance
        Stop a stage when the Metropolis acceptance rate falls below this.
    max_moves
        Largest number of Metropolis steps per moved particle and generation.
    seed
        Seed of the random numbers.
    """

    particles: int = 200
    max_generations: int = 30
    min_acceptance: float = 0.03
    max_moves: int = 8
    seed: int = 0

    def __post_init__(self) -> None:
        if int(self.particles) != self.particles or self.particles < 8:
            raise ConfigError(f"SMCSettings.particles = {self.particles!r}: expected >= 8")
        if int(self.max_generations) != self.max_generations or self.max_generations < 1:
            raise ConfigError(f"SMCSettings.max_generations = {self.max_generations!r}: "
                              "expected >= 1")
        if not 0 < self.min_acceptance < 1:
            raise ConfigError(f"SMCSettings.min_acceptance = {self.min_acceptance!r}: expected "
                              "0 < p < 1")
        if int(self.max_moves) != self.max_moves or self.max_moves < 1:
            raise ConfigError(f"SMCSettings.max_moves = {self.max_moves!r}: expected >= 1")


# ---------------------------------------------------------------------- the target
@dataclass
class Target:
    """A measured ECG prepared for fitting: cleaned, resampled, with its QRS and T windows."""

    ecg: ECG12
    qrs_onset_ms: float
    qrs_end_ms: float
    t_end_ms: float
    dt_ms: float
    qrs_t: npt.NDArray[np.float64] = field(repr=False, default_factory=lambda: np.zeros(0))
    qrs_y: npt.NDArray[np.float64] = field(repr=False, default_factory=lambda: np.zeros(0))
    st_t: npt.NDArray[np.float64] = field(repr=False, default_factory=lambda: np.zeros(0))
    st_y: npt.NDArray[np.float64] = field(repr=False, default_factory=lambda: np.zeros(0))

    @classmethod
    def prepare(cls, ecg: ECG12, *, dt_ms: float = 2.0, min_duration_ms: float = 300.0,
                max_dt_ms: float = 4.0) -> Target:
        """Validate, clean and delineate a 12-lead record (one beat, or the median beat
        of a longer record: :func:`~cardiotwin.analysis.ecg12.median_beat`).

        Raises
        ------
        ConfigError
            A record too short for a beat (< ``min_duration_ms``), sampled too coarsely
            (> ``max_dt_ms`` between samples), or without a delineable QRS and T wave.
        """
        src = ecg.source or "ECG"
        if ecg.dt_ms > max_dt_ms:
            raise ConfigError(f"{src}: sampled every {ecg.dt_ms:.3g} ms ({ecg.fs_hz:.0f} Hz); "
                              f"a twin needs at least {1000 / max_dt_ms:.0f} Hz")
        if ecg.duration_ms < min_duration_ms:
            raise ConfigError(f"{src}: {ecg.duration_ms:.0f} ms long; a twin needs one whole "
                              f"beat (QRS to T end), >= {min_duration_ms:.0f} ms")
        if ecg.duration_ms > 2500.0:  # a rhythm strip: fit its median beat
            t_b, beat, _rr = median_beat(ecg.t_ms, ecg.matrix())
            ecg = ECG12(t_b, dict(zip(LEADS, beat, strict=True)), src + " (median beat)")
        clean = ECG12(ecg.t_ms, dict(zip(LEADS, clean_leads(
            ecg.t_ms, ecg.matrix(), lowpass_hz=min(40.0, 0.45 * ecg.fs_hz)), strict=True)),
            ecg.source)
        d = delineate(clean.t_ms, clean.matrix())
        t = np.arange(clean.t_ms[0], clean.t_ms[-1] + 1e-9, dt_ms)
        res = clean.resampled(t)
        y = res.matrix()
        q = (t >= d.qrs_onset_ms - 15.0) & (t <= d.qrs_end_ms + 15.0)
        s = t > d.qrs_end_ms + 15.0
        if s.sum() < 10:
            raise ConfigError(f"{src}: no ST-T segment after the QRS complex")
        return cls(res, d.qrs_onset_ms, d.qrs_end_ms, d.t_end_ms, dt_ms, t[q], y[:, q], t[s],
                   y[:, s])


def scaled_misfit(y: npt.NDArray[np.float64], s: npt.NDArray[np.float64],
                  gain: float | None = None) -> tuple[float, float]:
    """Lead-balanced misfit ``sqrt(mean_l w_l ||y_l - g s_l||^2)`` and the gain.

    ``y`` and ``s`` are (n_leads, n) windows of the measured and simulated leads;
    ``w_l = 1 / max(||y_l||^2, 0.1 max_k ||y_k||^2)``: small leads (the limb leads are
    smaller than the precordial ones) count as much as large ones, down to a tenth of the
    largest lead's energy, below which noise would dominate them.  The gain ``g >= 0`` is
    the weighted least-squares one unless given.
    """
    y = np.atleast_2d(y)
    s = np.atleast_2d(s)
    e = np.sum(y * y, axis=1)
    w = 1.0 / np.maximum(e, max(0.1 * float(e.max()), 1e-12))
    if gain is None:
        ss = float(np.sum(w * np.sum(s * s, axis=1)))
        gain = max(0.0, float(np.sum(w * np.sum(y * s, axis=1))) / ss) if ss > 0 else 0.0
    r = np.sum((y - gain * s) ** 2, axis=1) * w
    return float(np.sqrt(np.mean(r))), gain


# ---------------------------------------------------------------------- the sampler
@dataclass
class StageResult:
    """Posterior particles of one stage, their distances and the run's record."""

    particles: npt.NDArray[np.float64]
    distances: npt.NDArray[np.float64]
    extra: npt.NDArray[np.float64]
    eps_history: list[float]
    acceptance_history: list[float]
    evaluations: int


def _reflect(x: npt.NDArray[np.float64], lo: npt.NDArray[np.float64],
             hi: npt.NDArray[np.float64], periodic: npt.NDArray[np.bool_]
             ) -> npt.NDArray[np.float64]:
    span = hi - lo
    y = (x - lo) % (2 * span)
    y = np.where(y > span, 2 * span - y, y) + lo
    wrapped = (x - lo) % span + lo
    return np.where(periodic, wrapped, y)


def run_smc(evaluate: Callable[[npt.NDArray[np.float64]], tuple[float, Any]], lo, hi,
            periodic, settings: SMCSettings, *, comm: Any = None, checkpoint: Path | None = None,
            initial: npt.NDArray[np.float64] | None = None, stage: str = "stage",
            n_extra: int = 1) -> StageResult:
    """Replenishment SMC-ABC (module notes) over a box ``[lo, hi]``.

    ``evaluate(x) -> (distance, extra)`` with ``extra`` a number or ``n_extra`` numbers kept
    with each particle (e.g. fitted gains); ``initial`` (n, d) particles replace prior
    draws for the first generation (a warm start from an earlier posterior).
    """
    lo, hi = np.asarray(lo, float), np.asarray(hi, float)
    periodic = np.asarray(periodic, bool)
    n, dim = settings.particles, lo.size
    rank, size = (0, 1) if comm is None else (comm.rank, comm.size)
    rng = np.random.default_rng(settings.seed)
    evaluations = 0
    t0 = time.perf_counter()

    def batch(xs: npt.NDArray[np.float64]) -> tuple[np.ndarray, np.ndarray]:
        nonlocal evaluations
        d = np.full(len(xs), np.nan)
        e = np.full((len(xs), n_extra), np.nan)
        for i in range(rank, len(xs), size):
            d[i], e[i] = evaluate(xs[i])
        if comm is not None and size > 1:
            parts = comm.allgather((d, e))
            for r, (dr, er) in enumerate(parts):
                d[r::size], e[r::size] = dr[r::size], er[r::size]
        evaluations += len(xs)
        return d, e

    state = _load_state(checkpoint, stage) if checkpoint is not None else None
    if state is not None:
        x, dist, extra = state["x"], state["d"], state["e"]
        eps_hist, acc_hist = list(state["eps"]), list(state["acc"])
        rng.bit_generator.state = json.loads(str(state["rng"]))
        evaluations = int(state["evaluations"])
        moves = int(state["moves"])
        generation = len(eps_hist)
        logger.info("%s: resumed at generation %d (eps %.4g)", stage, generation,
                    eps_hist[-1] if eps_hist else np.nan)
    else:
        if initial is not None:
            init = np.asarray(initial, float)
            pick = rng.integers(0, len(init), n)
            x = _reflect(init[pick] + rng.normal(size=(n, dim)) * 0.05 * (hi - lo), lo, hi,
                         periodic)
        else:
            x = lo + rng.random((n, dim)) * (hi - lo)
        dist, extra = batch(x)
        eps_hist, acc_hist = [], []
        moves = 2
        generation = 0
    while generation < settings.max_generations:
        order = np.argsort(dist, kind="stable")
        keep, drop = order[: n // 2], order[n // 2:]
        eps = float(dist[keep[-1]])
        x_k = x[keep]
        cov = 2.0 * np.cov(x_k.T) + 1e-12 * np.diag((hi - lo) ** 2)
        chol = np.linalg.cholesky(cov + 1e-9 * np.eye(dim) * np.mean(np.diag(cov)))
        src = keep[rng.integers(0, len(keep), len(drop))]
        x[drop], dist[drop], extra[drop] = x[src], dist[src], extra[src]
        accepted = 0
        for _ in range(moves):
            prop = _reflect(x[drop] + rng.normal(size=(len(drop), dim)) @ chol.T, lo, hi,
                            periodic)
            d_new, e_new = batch(prop)
            ok = d_new <= eps
            accepted += int(ok.sum())
            idx = drop[ok]
            x[idx], dist[idx], extra[idx] = prop[ok], d_new[ok], e_new[ok]
        p_acc = accepted / (moves * len(drop))
        eps_hist.append(eps)
        acc_hist.append(p_acc)
        generation += 1
        logger.info("%s generation %d: eps %.4f, acceptance %.3f, %d moves, %d evaluations, "
                    "%.1f s", stage, generation, eps, p_acc, moves, evaluations,
                    time.perf_counter() - t0)
        moves = int(min(settings.max_moves,
                        max(2, math.ceil(math.log(0.01) / math.log(max(1e-9, 1 - p_acc))))
                        if p_acc < 1 else 2))
        if checkpoint is not None and rank == 0:
            _save_state(checkpoint, stage, x, dist, extra, eps_hist, acc_hist, rng,
                        evaluations, moves)
        if p_acc < settings.min_acceptance:
            break
    return StageResult(x, dist, extra, eps_hist, acc_hist, evaluations)


def _save_state(path: Path, stage: str, x, d, e, eps, acc, rng, evaluations, moves) -> None:
    p = Path(path)
    p.mkdir(parents=True, exist_ok=True)
    tmp = p / f"{stage}.tmp.npz"
    np.savez(tmp, x=x, d=d, e=e, eps=np.asarray(eps), acc=np.asarray(acc),
             rng=np.asarray(json.dumps(rng.bit_generator.state)),
             evaluations=np.asarray(evaluations), moves=np.asarray(moves))
    tmp.replace(p / f"{stage}.npz")


def _load_state(path: Path, stage: str) -> dict | None:
    f = Path(path) / f"{stage}.npz"
    if not f.is_file():
        return None
    with np.load(f, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


# ---------------------------------------------------------------------- the two stages
@dataclass
class Posterior:
    """The calibration's result: particles of both stages and what they mean."""

    n_roots: int
    activation: npt.NDArray[np.float64]       # (N, 4 n_roots + 5): roots, log v, shift
    activation_distance: npt.NDArray[np.float64]
    gains: npt.NDArray[np.float64]
    repolarisation: npt.NDArray[np.float64]   # (N, 3): apd, grad_ab, grad_tm
    repolarisation_distance: npt.NDArray[np.float64]
    pairing: npt.NDArray[np.int64]            # activation particle of each repol. particle
    record: dict

    def best(self) -> tuple[TwinParameters, float, float]:
        """The repolarisation particle of least distance with its activation particle:
        parameters, time shift (ms) and gain."""
        j = int(np.argmin(self.repolarisation_distance))
        a = self.activation[self.pairing[j]]
        roots, vel = decode_activation(a[:-1], self.n_roots)
        return (TwinParameters(roots, vel, decode_repolarisation(self.repolarisation[j])),
                float(a[-1]), float(self.gains[self.pairing[j]]))

    def arrays(self) -> dict[str, npt.NDArray]:
        return {"activation": self.activation, "activation_distance": self.activation_distance,
                "gains": self.gains, "repolarisation": self.repolarisation,
                "repolarisation_distance": self.repolarisation_distance,
                "pairing": self.pairing}

    @classmethod
    def from_arrays(cls, arrays: dict[str, npt.NDArray], n_roots: int, record: dict
                    ) -> Posterior:
        return cls(n_roots, *(np.asarray(arrays[k]) for k in (
            "activation", "activation_distance", "gains", "repolarisation",
            "repolarisation_distance", "pairing")), record=record)


def calibrate(model: TwinModel, target: Target | Sequence[Target], *,
              prior: Prior | None = None, settings: SMCSettings | None = None,
              comm: Any = None, checkpoint: str | Path | None = None,
              warm_start: Posterior | None = None) -> Posterior:
    """Fit activation then repolarisation to ``target`` (module notes).

    Parameters
    ----------
    model
        The anatomy's :class:`~cardiotwin.twin.forward.TwinModel`.
    target
        The prepared ECG (:meth:`Target.prepare`), or several records of the same heart:
        the distance is then the root mean square of the records' distances (each with its
        own gain and QRS onset), so that every record informs the posterior.
    prior, settings
        Prior bounds and sampler settings.
    comm
        MPI communicator to share evaluations over (``None``: this process alone).
    checkpoint
        Folder for the sampler's state (resumed when present).
    warm_start
        An earlier posterior of the same twin: its particles start the sampler (an update).
    """
    prior = prior or Prior()
    settings = settings or SMCSettings()
    if warm_start is not None and warm_start.n_roots != prior.n_roots:
        raise ConfigError(f"warm start has {warm_start.n_roots} roots, the prior "
                          f"{prior.n_roots}")
    ck = Path(checkpoint) if checkpoint is not None else None
    t0 = time.perf_counter()
    n_roots = prior.n_roots
    alo, ahi, aper = activation_bounds(prior)
    alo = np.append(alo, SHIFT_BOUNDS_MS[0])
    ahi = np.append(ahi, SHIFT_BOUNDS_MS[1])
    aper = np.append(aper, False)
    apd_q = float(model.template.apd_ms)
    targets = [target] if isinstance(target, Target) else list(target)
    if not targets:
        raise ConfigError("calibrate: no target ECG")
    nt = len(targets)

    def eval_activation(x: npt.NDArray[np.float64]) -> tuple[float, np.ndarray]:
        roots, vel = decode_activation(x[:-1], n_roots)
        act, _ = model.activation(roots, vel)
        d2, gains = 0.0, np.empty(nt)
        for k, tg in enumerate(targets):
            s = model.leads(act, apd_q, tg.qrs_t - (tg.qrs_onset_ms - x[-1]))
            d, gains[k] = scaled_misfit(tg.qrs_y, s)
            d2 += d * d
        return float(np.sqrt(d2 / nt)), gains

    act_res = run_smc(eval_activation, alo, ahi, aper, settings, comm=comm, checkpoint=ck,
                      initial=None if warm_start is None else warm_start.activation,
                      stage="activation", n_extra=nt)
    # activation maps of the activation posterior, for the repolarisation stage
    maps = [None] * len(act_res.particles)

    def act_map(j: int) -> npt.NDArray[np.float64]:
        if maps[j] is None:
            roots, vel = decode_activation(act_res.particles[j][:-1], n_roots)
            maps[j] = model.activation(roots, vel)[0]
        return maps[j]

    rlo, rhi = repolarisation_bounds(prior)
    n_act = len(act_res.particles)
    # the last coordinate selects the activation particle (uniform on [0, n_act))
    rlo = np.append(rlo, 0.0)
    rhi = np.append(rhi, float(n_act))
    rper = np.zeros(4, bool)

    def eval_repol(x: npt.NDArray[np.float64]) -> tuple[float, float]:
        j = min(int(x[-1]), n_act - 1)
        apd = model.apd(decode_repolarisation(x[:3]))
        shift = act_res.particles[j][-1]
        d2 = 0.0
        for k, tg in enumerate(targets):
            s = model.leads(act_map(j), apd, tg.st_t - (tg.qrs_onset_ms - shift))
            d2 += scaled_misfit(tg.st_y, s, gain=float(act_res.extra[j, k]))[0] ** 2
        return float(np.sqrt(d2 / nt)), float(j)

    rep_settings = SMCSettings(settings.particles, settings.max_generations,
                               settings.min_acceptance, settings.max_moves, settings.seed + 1)
    init = None
    if warm_start is not None:
        init = np.column_stack([warm_start.repolarisation,
                                np.random.default_rng(settings.seed).integers(
                                    0, n_act, len(warm_start.repolarisation)) + 0.5])
    rep_res = run_smc(eval_repol, rlo, rhi, rper, rep_settings, comm=comm, checkpoint=ck,
                      initial=init, stage="repolarisation")
    record = {
        "method": "replenishment SMC-ABC (Drovandi & Pettitt 2011), two stages",
        "particles": settings.particles, "seed": settings.seed,
        "activation": {"eps": act_res.eps_history, "acceptance": act_res.acceptance_history,
                       "evaluations": act_res.evaluations},
        "repolarisation": {"eps": rep_res.eps_history,
                           "acceptance": rep_res.acceptance_history,
                           "evaluations": rep_res.evaluations},
        "ranks": 1 if comm is None else comm.size,
        "wall_s": time.perf_counter() - t0,
        "records": len(targets),
        "qrs_onset_ms": targets[-1].qrs_onset_ms, "qrs_end_ms": targets[-1].qrs_end_ms,
        "t_end_ms": targets[-1].t_end_ms,
        "prior": {k: v for k, v in prior.__dict__.items()},
        "warm_start": warm_start is not None,
    }
    return Posterior(n_roots, act_res.particles, act_res.distances, act_res.extra[:, -1],
                     rep_res.particles[:, :3], rep_res.distances,
                     np.minimum(rep_res.particles[:, 3].astype(np.int64), n_act - 1), record)


# ---------------------------------------------------------------------- summaries
def summarise(model: TwinModel, posterior: Posterior, target: Target) -> dict:
    """Point estimates with 95 % posterior intervals, root sites in mm, per-lead fit.

    Roots: the effective roots (those not overrun) of the best particle are the reference
    sites; every particle's effective roots are matched to the nearest reference site, and
    each site reports the median position and time of the roots matched to it with their
    2.5-97.5 % intervals and the share of particles that have it (its posterior
    probability).
    """
    n_roots = posterior.n_roots
    best, shift, gain = posterior.best()
    act_b, verts_b = model.activation(best.roots, best.velocities)
    eff_b = effective_roots(act_b, verts_b, best.roots)
    ref = np.array([model.mesh.points[verts_b[k]] for k in eff_b])
    matched: list[list[tuple[np.ndarray, float]]] = [[] for _ in eff_b]
    counts = []
    has = np.zeros((len(posterior.activation), len(eff_b)), bool)
    for i, a in enumerate(posterior.activation):
        roots, vel = decode_activation(a[:-1], n_roots)
        act, verts = model.activation(roots, vel)
        eff = effective_roots(act, verts, roots)
        counts.append(len(eff))
        for k in eff:
            p = model.mesh.points[verts[k]]
            c = int(np.argmin(np.linalg.norm(ref - p, axis=1)))
            matched[c].append((p, roots[k].t_ms))
            has[i, c] = True
    roots_out = []
    for c, k in enumerate(eff_b):
        pts = np.array([m[0] for m in matched[c]]) if matched[c] else ref[c:c + 1]
        ts = np.array([m[1] for m in matched[c]]) if matched[c] else np.array([0.0])
        med = np.median(pts, axis=0)
        lo, hi = np.percentile(pts, 2.5, axis=0), np.percentile(pts, 97.5, axis=0)
        spread = np.linalg.norm(pts - med, axis=1)
        r = best.roots[k]
        roots_out.append({
            "x_mm": float(med[0]), "y_mm": float(med[1]), "z_mm": float(med[2]),
            "t_ms": float(np.median(ts)),
            "x_mm_95": [float(lo[0]), float(hi[0])], "y_mm_95": [float(lo[1]), float(hi[1])],
            "z_mm_95": [float(lo[2]), float(hi[2])],
            "t_ms_95": [float(np.percentile(ts, 2.5)), float(np.percentile(ts, 97.5))],
            "radius_mm_90": float(np.percentile(spread, 90)),
            "probability": float(has[:, c].mean()),
            "ventricle": r.ventricle, "apicobasal": r.apicobasal, "angle_rad": r.angle_rad,
        })
    v = np.exp(posterior.activation[:, 4 * n_roots: 4 * n_roots + 4])
    cv = {}
    for i, name in enumerate(("fibre", "sheet", "normal", "endo")):
        cv[name] = float(np.median(v[:, i]))
        cv[f"{name}_95"] = [float(np.percentile(v[:, i], 2.5)),
                            float(np.percentile(v[:, i], 97.5))]
    rep = posterior.repolarisation
    # mean APD over the vertices of each particle's field
    ab_m, tm_m = float(np.mean(model.apicobasal)), float(np.mean(model.transmural))
    mean_apd = rep[:, 0] + rep[:, 1] * (ab_m - 0.5) + rep[:, 2] * (tm_m - 0.5)
    out_rep = {}
    for i, name in enumerate(("apd_ms", "grad_apicobasal_ms", "grad_transmural_ms")):
        out_rep[name] = float(np.median(rep[:, i]))
        out_rep[f"{name}_95"] = [float(np.percentile(rep[:, i], 2.5)),
                                 float(np.percentile(rep[:, i], 97.5))]
    fitted = fitted_ecg(model, posterior, target)
    corr = lead_correlations(target.ecg, fitted)
    return {
        "roots": roots_out,
        "root_count": {"best": len(eff_b),
                       "posterior": {str(k): counts.count(k) / len(counts)
                                     for k in sorted(set(counts))}},
        "cv_m_per_s": cv,
        "apd_ms": float(np.median(mean_apd)),
        "apd_ms_95": [float(np.percentile(mean_apd, 2.5)), float(np.percentile(mean_apd, 97.5))],
        "repolarisation": out_rep,
        "ecg_correlation": corr,
        "gain": gain, "first_activation_ms": target.qrs_onset_ms - shift,
        "best_parameters": best.as_dict(),
    }


def fitted_ecg(model: TwinModel, posterior: Posterior, target: Target) -> ECG12:
    """The best particle's ECG on the target's time grid (gain applied)."""
    best, shift, gain = posterior.best()
    t = target.ecg.t_ms
    act, _ = model.activation(best.roots, best.velocities)
    s = model.leads(act, model.apd(best.repolarisation), t - (target.qrs_onset_ms - shift))
    return ECG12(t, dict(zip(LEADS, gain * s, strict=True)), "twin")


def lead_correlations(a: ECG12, b: ECG12) -> dict[str, float]:
    """Pearson correlation per lead of two records on the same times."""
    out = {}
    for k in LEADS:
        x, y = a.leads[k], b.leads[k]
        if np.std(x) == 0 or np.std(y) == 0:
            out[k] = float("nan")
        else:
            out[k] = float(np.corrcoef(x, y)[0, 1])
    return out

