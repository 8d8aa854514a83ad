"""Atrial fibrillation: induction over pacing sites, driver maps, ablation strategies tested.

The study, on an atrial surface geometry (default: the shipped phantom atria):

1. **Substrate.**  The fast atrial model fitted to the chronic-AF Courtemanche–Ramirez–
   Nattel model (:func:`cardiotwin.ionic.phenomenological.atrial_fast_model`), fibrosis
   from an LGE-like image (:mod:`cardiotwin.scenarios.fibrosis`: dense scar
   non-conducting, interstitial fibrosis slower, with non-conducting collagen patches and
   remodelled cells), Bachmann's bundle and the crista terminalis faster, the
   inter-atrial links of the geometry.
2. **Induction.**  From each pacing site (a point inside each pulmonary vein sleeve, the
   LA appendage, the coronary-sinus junction, ...): an S1 train, then S2 extrastimuli at
   decreasing coupling intervals (decremental S1-S2; restarted from a checkpoint after
   the train), or bursts at decreasing cycle lengths.  AF is *sustained* when activity
   lasts ``persist_ms`` after the last stimulus (:class:`cardiotwin.analysis.reentry.
   ReentryDetector`) and at least ``min_af_fraction`` of the atria activate after it
   (less is activity confined to an isolated region); the attempt stops at the first
   sustained episode.
3. **Drivers.**  For every sustained episode: phase (Hilbert transform), phase
   singularities tracked in time (rotors lasting >= ``rotor_min_ms``), dominant frequency
   per vertex (:mod:`cardiotwin.analysis.phase`), and the singularity density (driver
   map).
4. **Ablation.**  Each strategy of :func:`cardiotwin.scenarios.af_lesions.
   standard_strategies` is added to the substrate and every site is tried again; the
   personalised strategy follows the OPTIMA idea (Boyle et al. 2019, Nat Biomed Eng
   3:870): ablate where re-entry was sustained (a lesion at each driver-density peak,
   joined by a line to the nearest non-conducting boundary so as not to leave a new
   anchor), re-induce from every site, repeat while inducible (``optima_rounds``).

Runs are split over MPI ranks: groups of ``ranks_per_run`` ranks take the pacing sites in
turn (each group on its own communicator), so a table of sites is batchable; with one
group every run uses all ranks.  Results are identical either way within solver
tolerance.

Notes
-----
Cost: the fast model and the 2 mm phantom surface (4,990 vertices) at dt = 0.1 ms take
3-8 s of wall time per simulated second on one core (``benchmarks/atrial_conduction.py``);
the full default table (6 sites x baseline and 6 strategies, ``persist_ms`` 1 s) about 22
minutes on one rank.  A CRN
tissue needs a finer mesh (its upstroke front is about 1 mm) and a 10x smaller time
step: too slow for sweeps of seconds of fibrillation on two cores; it is used for the
single-cell and conduction checks only.
"""

from __future__ import annotations

import itertools
import logging
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError
from cardiotwin.ionic.parameters import ParameterChanges
from cardiotwin.scenarios.fibrosis import Fibrosis

logger = logging.getLogger(__name__)

REPO_MESHES = Path(__file__).resolve().parents[2] / "meshes"
#: the shipped LGE-like image of the phantom atria
PHANTOM_LGE = REPO_MESHES / "phantom_heart_lge.nii.gz"
#: pacing sites the study knows (see :func:`pacing_sites`)
SITES = ("lspv", "lipv", "rspv", "ripv", "laa", "cs", "la-roof", "ra-lateral")


@dataclass(frozen=True)
class AFConfig:
    """Settings of the AF ablation study (lengths mm, times ms, conductivities S/m).

    Parameters
    ----------
    mesh_dir
        Atrial geometry folder (``cardiotwin mesh`` with atrial roles); default: the
        shipped phantom atria.
    lge
        LGE-like intensity image of the fibrosis (None: the phantom's with the phantom,
        no fibrosis otherwise); with ``fibrosis_from``, the image of that anatomy.
    fibrosis_from
        Take the fibrosis of another atrial anatomy, carried here through the universal
        atrial coordinates (:func:`~cardiotwin.scenarios.fibrosis.transfer_ratio`):
        ``"phantom"`` (the shipped phantom atria and their LGE-like image) or an atrial
        geometry folder whose LGE image is ``lge``.  For an anatomy imaged without LGE.
    tissue
        Tissue of the fast model (``caf``: chronic-AF remodelling).
    sigma_f, sigma_s
        Conductivity along and across fibres (S/m).  The defaults give 0.29 and
        0.15 m/s with the fast chronic-AF model (``benchmarks/atrial_conduction.py``):
        slow, as in a remodelled, fibrotic atrium, and needed on the small phantom: at
        0.2 S/m (0.41 m/s) no S1-S2 coupling interval from the veins sustained AF there,
        at 0.5 S/m (0.65 m/s, a healthy atrium) the wavelength (about 100 mm) exceeds
        the phantom's left atrium.
    bundle_factor
        Conductivity multiplier along Bachmann's bundle and the crista terminalis.
    fibrosis
        Thresholds and effects of the fibrosis.
    sites
        Pacing sites (names of :data:`SITES`).
    protocol
        ``"s1s2"`` (decremental S1-S2) or ``"burst"`` (bursts at decreasing cycle
        lengths).
    s1_ms, n_s1, s2_ms
        S1 cycle length and count, S2 coupling intervals tried (decreasing; the
        default steps close to the fast model's effective refractory period, 150 ms
        in the cell at 250 ms pacing).
    burst_ms, burst_beats
        Burst cycle lengths tried and stimuli per burst.
    persist_ms
        Activity after the last stimulus that counts as sustained AF.
    dt_ms
        Time step.
    record_ms
        Sampling interval of the potential for phase and frequency maps.
    strategies
        Ablation strategies to test: names of :func:`~cardiotwin.scenarios.af_lesions.
        standard_strategies` and ``"personalised"``.
    lesion_width_mm, gap_mm
        Lesion width; spared tissue in the middle of every line (None: complete lines).
    optima_rounds
        Rounds of the personalised strategy (ablate, re-induce, repeat).
    rotor_min_ms
        Shortest phase-singularity track counted as a rotor.
    min_af_fraction
        Sustained activity is AF only if at least this fraction of the atria activates
        after the last stimulus; less is activity confined to an isolated region (e.g.
        re-entry inside a vein's PVI line, dissociated from the atria).
    ranks_per_run
        MPI ranks per simulation (None: all); the rest run other sites at the same time.
    """

    mesh_dir: str | None = None
    lge: str | None = None
    fibrosis_from: str | None = None
    tissue: str = "caf"
    sigma_f: float = 0.1
    sigma_s: float = 0.025
    bundle_factor: float = 4.0
    fibrosis: Fibrosis = field(default_factory=lambda: Fibrosis(
        conductivity_factor=0.3, collagen_fraction=0.3,
        ionic=ParameterChanges(scale={"tau_close": 1.2})))
    sites: tuple[str, ...] = ("lspv", "lipv", "rspv", "ripv", "laa", "cs")
    protocol: str = "s1s2"
    s1_ms: float = 250.0
    n_s1: int = 4
    s2_ms: tuple[float, ...] = (170.0, 160.0, 155.0, 150.0, 147.0, 145.0)
    burst_ms: tuple[float, ...] = (180.0, 160.0, 145.0, 130.0)
    burst_beats: int = 8
    persist_ms: float = 2000.0
    dt_ms: float = 0.1
    record_ms: float = 5.0
    strategies: tuple[str, ...] = ("pvi", "pvi+roof", "pvi+mitral", "pvi+box", "cti",
                                   "personalised")
    lesion_width_mm: float = 5.0
    gap_mm: float | None = None
    optima_rounds: int = 3
    rotor_min_ms: float = 150.0
    min_af_fraction: float = 0.2
    ranks_per_run: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.min_af_fraction < 1:
            raise ConfigError(f"AFConfig.min_af_fraction = {self.min_af_fraction!r}: "
                              "expected 0 <= f < 1")
        for name in ("sigma_f", "sigma_s", "bundle_factor", "s1_ms", "persist_ms", "dt_ms",
                     "record_ms", "lesion_width_mm", "rotor_min_ms"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"AFConfig.{name} = {v!r}: expected a positive number")
        unknown = [s for s in self.sites if s not in SITES]
        if unknown or not self.sites:
            raise ConfigError(f"AFConfig.sites: {unknown or 'none given'}; expected names "
                              f"from {', '.join(SITES)}")
        if self.protocol not in ("s1s2", "burst"):
            raise ConfigError(f"AFConfig.protocol = {self.protocol!r}: expected 's1s2' or "
                              "'burst'")
        for name in ("s2_ms", "burst_ms"):
            vals = tuple(float(v) for v in getattr(self, name))
            if not vals or any(b >= a for a, b in itertools.pairwise(vals)):
                raise ConfigError(f"AFConfig.{name} = {vals}: expected decreasing values")
            object.__setattr__(self, name, vals)
        if int(self.n_s1) != self.n_s1 or self.n_s1 < 1:
            raise ConfigError(f"AFConfig.n_s1 = {self.n_s1!r}: expected an integer >= 1")
        if int(self.optima_rounds) != self.optima_rounds or self.optima_rounds < 1:
            raise ConfigError(f"AFConfig.optima_rounds = {self.optima_rounds!r}: expected an "
                              "integer >= 1")
        if self.ranks_per_run is not None and (int(self.ranks_per_run) != self.ranks_per_run
                                               or self.ranks_per_run < 1):
            raise ConfigError(f"AFConfig.ranks_per_run = {self.ranks_per_run!r}: expected an "
                              "integer >= 1")
        if not isinstance(self.fibrosis, Fibrosis):
            raise ConfigError("AFConfig.fibrosis must be a Fibrosis")
        if self.fibrosis_from is not None:
            if self.fibrosis_from != "phantom" and not Path(self.fibrosis_from).is_dir():
                raise ConfigError(f"AFConfig.fibrosis_from = {self.fibrosis_from!r}: expected "
                                  "'phantom' or an atrial geometry folder")
            if self.fibrosis_from != "phantom" and self.lge is None:
                raise ConfigError(f"AFConfig.fibrosis_from = {self.fibrosis_from!r} needs the "
                                  "LGE image of that anatomy (lge)")


#: the quick configuration of ``cardiotwin demo af-ablation --quick``
QUICK = AFConfig(sites=("lspv", "ripv"), persist_ms=1000.0, n_s1=4,
                 strategies=("pvi", "pvi+box", "personalised"), optima_rounds=2)


# --------------------------------------------------------------------------- substrate
def pacing_sites(geometry: Any, names: Sequence[str]) -> dict[str, tuple[float, float, float]]:
    """Surface points (mm) of the named pacing sites of an atrial geometry.

    Veins: the sleeve, half-way from the ostium to the cut end; ``laa``: the appendage
    beyond its ostium; ``cs``: the LA end of the coronary-sinus connection; ``la-roof``:
    the roof between the superior veins; ``ra-lateral``: the sinus node region.
    """
    table, rep = geometry.table, geometry.report
    x = np.asarray(table["x"])
    atr = np.asarray(table.get("atrium", np.zeros(len(x))))
    lms = rep.get("landmarks", {})
    sleeve = float(rep.get("vein_sleeve_mm", 8.0))
    out = {}
    for name in names:
        target, atrium = None, 0
        if name in ("lspv", "lipv", "rspv", "ripv", "laa") and name in lms:
            lm = lms[name]
            target = np.asarray(lm["centre_mm"]) + 0.5 * sleeve * np.asarray(lm["direction"])
        elif name == "cs" and "coronary-sinus" in rep.get("bridges", {}):
            target = np.asarray(rep["bridges"]["coronary-sinus"])
        elif name == "la-roof" and "lspv" in lms and "rspv" in lms:
            target = 0.5 * (np.asarray(lms["lspv"]["centre_mm"])
                            + np.asarray(lms["rspv"]["centre_mm"]))
        elif name == "ra-lateral" and rep.get("ra", {}).get("sinus_node_mm"):
            target, atrium = np.asarray(rep["ra"]["sinus_node_mm"]), 1
        if target is None:
            raise ConfigError(f"pacing site {name!r}: this geometry lacks its landmark")
        cand = np.nonzero(atr == atrium)[0]
        k = cand[np.argmin(np.linalg.norm(x[cand] - target, axis=1))]
        out[name] = tuple(float(c) for c in x[k])
    return out


#: outcomes of one induction series (:func:`classify_outcome`)
#: (``confined``: sustained activity only inside an isolated region, e.g. dissociated
#: firing in a vein inside its PVI line: not AF)
OUTCOMES = ("terminated", "confined", "organised", "fibrillation")


def classify_outcome(sustained: bool, df_map: np.ndarray | None,
                     phase_singularities: float | None, *, df_spread_hz: float = 0.5,
                     max_singularities: float = 1.5) -> str:
    """What the atria do after the last stimulus of an induction series.

    ``terminated``: activity stopped within ``persist_ms`` (non-inducible);
    ``organised``: sustained, but one rhythm everywhere (the interquartile range of the
    dominant-frequency map within ``df_spread_hz``) with at most ``max_singularities``
    phase singularities per frame on average: a macro-re-entrant atrial tachycardia or
    flutter, or a single stable rotor (a conversion when ablation turns AF into it);
    ``fibrillation``: sustained and disorganised (several frequencies or drivers).
    """
    if not sustained:
        return "terminated"
    df = np.asarray(df_map, float) if df_map is not None else np.zeros(0)
    df = df[np.isfinite(df)]
    if df.size == 0:
        return "fibrillation"
    q1, q3 = np.percentile(df, [25.0, 75.0])
    if q3 - q1 <= df_spread_hz and (phase_singularities or 0.0) <= max_singularities:
        return "organised"
    return "fibrillation"


@dataclass
class Episode:
    """One induction attempt series from one site on one lesion set."""

    site: str
    sustained: bool
    induced_by: str | None
    tried: list[str]
    last_activity_ms: float
    cycle_length_ms: float
    dominant_frequency_hz: float | None = None
    phase_singularities: int | None = None
    rotors: int | None = None
    sim_ms: float = 0.0
    wall_s: float = 0.0
    activated_fraction: float = 0.0
    confined: bool = False
    density: np.ndarray | None = field(default=None, repr=False)
    df_map: np.ndarray | None = field(default=None, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {"site": self.site, "inducible": self.sustained, "induced_by": self.induced_by,
                "tried": self.tried, "last_activity_ms": self.last_activity_ms,
                "cycle_length_ms": self.cycle_length_ms,
                "dominant_frequency_hz": self.dominant_frequency_hz,
                "phase_singularities": self.phase_singularities, "rotors": self.rotors,
                "activated_fraction": self.activated_fraction,
                "outcome": ("confined" if self.confined else
                            classify_outcome(self.sustained, self.df_map,
                                             self.phase_singularities)),
                "simulated_ms": self.sim_ms, "wall_s": self.wall_s}


def _fibrosis_shares(comm: Any, iir: Any, fibrosis: Fibrosis) -> dict[str, float]:
    """Shares of the vertices with a ratio that are interstitial fibrosis and dense scar."""
    n = iir.function_space.dofmap.index_map.size_local
    r = iir.x.array[:n]
    ok = np.isfinite(r)
    dense = ok & (r >= fibrosis.dense_iir)
    inter = ok & (r >= fibrosis.interstitial_iir) & ~dense
    tot = comm.allreduce(np.array([ok.sum(), inter.sum(), dense.sum()], float))
    return {"interstitial_share": float(tot[1] / max(tot[0], 1.0)),
            "dense_share": float(tot[2] / max(tot[0], 1.0))}


class _Runner:
    """Builds simulations of one group of ranks and runs induction attempts."""

    def __init__(self, comm: Any, cfg: AFConfig) -> None:
        from cardiotwin.geometry.io import geometry_arrays, load_geometry, load_phantom_atria
        from cardiotwin.ionic.phenomenological import atrial_fast_model
        from cardiotwin.scenarios.fibrosis import intensity_ratio
        from cardiotwin.scenarios.lesions import LesionSet

        self.comm, self.cfg = comm, cfg
        self.geometry = (load_phantom_atria(comm) if cfg.mesh_dir is None
                         else load_geometry(cfg.mesh_dir, comm))
        if "la-alpha" not in self.geometry.coordinates and \
                "ra-alpha" not in self.geometry.coordinates:
            raise ConfigError(f"{cfg.mesh_dir}: not an atrial geometry (no atrial "
                              "coordinates); build one with `cardiotwin mesh` and atrial roles")
        self.model = atrial_fast_model(cfg.tissue)
        phantom_lge = cfg.mesh_dir is None or cfg.fibrosis_from == "phantom"
        lge = cfg.lge if cfg.lge is not None else (str(PHANTOM_LGE) if phantom_lge else None)
        self.substrate = LesionSet(())
        self.fibrosis_info: dict[str, Any] = {"image": lge}
        if lge is not None and cfg.fibrosis_from is not None:
            from cardiotwin.scenarios.fibrosis import transfer_ratio

            source = (load_phantom_atria(comm) if cfg.fibrosis_from == "phantom"
                      else load_geometry(cfg.fibrosis_from, comm))
            self.iir = transfer_ratio(source, intensity_ratio(source, lge), self.geometry)
            self.fibrosis_info["mapped_from"] = cfg.fibrosis_from
            self.substrate = cfg.fibrosis.lesion_set(self.iir)
        elif lge is not None:
            self.iir = intensity_ratio(self.geometry, lge)
            self.substrate = cfg.fibrosis.lesion_set(self.iir)
        if lge is not None:
            self.fibrosis_info.update(_fibrosis_shares(comm, self.iir, cfg.fibrosis))
        self.sites = pacing_sites(self.geometry, cfg.sites)
        self.arrays = geometry_arrays(self.geometry)  # rank 0 of this group

    def conductivities(self) -> tuple[Any, dict]:
        from cardiotwin.ep.conductivity import Conductivity

        cfg = self.cfg
        base = Conductivity(cfg.sigma_f, cfg.sigma_s)
        fast = Conductivity(cfg.bundle_factor * cfg.sigma_f, cfg.sigma_s)
        tags = {k: fast for k in ("bachmann-bundle", "crista-terminalis")
                if k in self.geometry.cell_tag_ids}
        return base, tags

    def induce(self, site: str, lesions: Sequence[Any]) -> Episode:
        """All attempts from one site with the substrate plus ``lesions`` (collective)."""
        from cardiotwin.analysis.phase import VoltageRecorder
        from cardiotwin.analysis.reentry import ReentryDetector
        from cardiotwin.ep.monodomain import Monodomain, MonodomainConfig
        from cardiotwin.ep.stimulus import Stimulus
        from cardiotwin.geometry.regions import Sphere
        from cardiotwin.ionic.protocol import s1s2
        from cardiotwin.scenarios.induction import RapidPacing, Relay, SwitchableStimulus
        from cardiotwin.scenarios.lesions import apply_lesions

        cfg = self.cfg
        t_wall = time.perf_counter()
        app = apply_lesions(self.geometry, self.substrate.plus(*lesions), self.model)
        region = Sphere(self.sites[site], 2.5)
        attempts: list[tuple[str, Stimulus, float]] = []
        if cfg.protocol == "s1s2":
            for c in cfg.s2_ms:
                prot = s1s2(s1_period_ms=cfg.s1_ms, n_s1=cfg.n_s1, s2_coupling_ms=c,
                            amplitude=60.0, start_ms=1.0)
                stim = Stimulus(region, prot, name=f"S2 {c:g} ms")
                attempts.append((f"S1 {cfg.s1_ms:g} x {cfg.n_s1}, S2 {c:g} ms", stim,
                                 stim.end_ms))
            t_ck = 1.0 + (cfg.n_s1 - 1) * cfg.s1_ms + min(cfg.s2_ms) - 1.0
        else:
            for c in cfg.burst_ms:
                rp = RapidPacing(region, (c,), beats=cfg.burst_beats, amplitude=60.0)
                attempts.append((f"burst {c:g} ms x {cfg.burst_beats}", rp.stimulus(),
                                 rp.end_ms))
            t_ck = 0.0
        base, tags = self.conductivities()
        stim = SwitchableStimulus(attempts[0][1])
        sim = Monodomain(self.geometry, app.ionic, base,
                         MonodomainConfig(dt_ms=cfg.dt_ms, activation_threshold=-40.0),
                         region_conductivity=tags,
                         conductivity_scaling=app.conductivity_scaling, stimuli=[stim])
        relay = Relay()
        sim.add_observer(relay)
        rec = VoltageRecorder(every_ms=cfg.record_ms, start_ms=1e12)
        sim.add_observer(rec)
        if t_ck > 0:
            sim.run(t_ck)
        sim_ms = t_ck
        tmp = self.comm.bcast(tempfile.mkdtemp(prefix="cardiotwin_af_")
                              if self.comm.rank == 0 else None, root=0)
        ck = sim.save_checkpoint(Path(tmp) / "start")
        tried: list[str] = []
        result, label, last_end, confined = None, None, 0.0, False
        try:
            for name, stimulus, end in attempts:
                tried.append(name)
                sim.restore_checkpoint(ck)
                stim.current = stimulus
                det = ReentryDetector(end, persist_ms=cfg.persist_ms)
                relay.target = det
                rec.reset(end)
                t_stop = end + cfg.persist_ms + cfg.dt_ms
                while sim.t < t_stop:
                    sim.run(min(sim.t + 20.0, t_stop))
                    if sim.t > end + 10.0 and det.times and not det.active_now:
                        break
                sim_ms += sim.t - t_ck
                res = det.result()
                # the share of the atria that activated after the last stimulus: activity
                # confined to an isolated region (a vein inside its PVI line) is not AF
                late = sim.tracker.last_activation[: sim.n_owned] > end
                frac = self.comm.allreduce(np.array([late.sum(), late.size], float))
                involved = float(frac[0] / frac[1])
                af = bool(res.reentry) and involved >= cfg.min_af_fraction
                confined = confined or (bool(res.reentry) and not af)
                logger.info("site %s, %s: %s (last activity %.0f ms, %.0f %% of the atria "
                            "after the last stimulus)", site, name,
                            "sustained AF" if af else ("sustained activity confined to an "
                                                       "isolated region" if res.reentry
                                                       else "not sustained"),
                            res.last_activity_ms, 100 * involved)
                result, last_end = res, end
                if af:
                    label = name
                    break
        finally:
            self.comm.Barrier()
            if self.comm.rank == 0:
                shutil.rmtree(tmp, ignore_errors=True)
        hit = np.isfinite(sim.tracker.first_activation[: sim.n_owned])
        counts = self.comm.allreduce(np.array([hit.sum(), hit.size], float))
        ep = Episode(site=site, sustained=label is not None, induced_by=label, tried=tried,
                     confined=confined and label is None,
                     last_activity_ms=float(result.last_activity_ms),
                     cycle_length_ms=float(result.cycle_length_ms), sim_ms=sim_ms,
                     activated_fraction=float(counts[0] / counts[1]))
        if ep.sustained:
            self._drivers(ep, rec, last_end)
        ep.wall_s = time.perf_counter() - t_wall
        return ep

    def _drivers(self, ep: Episode, rec: Any, start_ms: float) -> None:
        """Phase singularities, rotors, dominant frequency of a sustained episode."""
        from cardiotwin.analysis.phase import (
            dominant_frequency,
            phase,
            singularities_over_time,
            singularity_density,
            track_singularities,
        )

        data = rec.gather()
        out = None
        if self.comm.rank == 0:
            t, v = data
            skip = t >= start_ms + 200.0  # the last paced wave has left
            t, v = t[skip], v[skip].astype(float)
            # no phase where the tissue does not activate (scar, lesions): < 30 mV swing
            th = phase(v, min_amplitude=30.0)
            # singularities away from the record's ends (Hilbert edge effects: 100 ms)
            inner = (t >= t[0] + 100.0) & (t <= t[-1] - 100.0)
            if inner.sum() < 2:  # a short record (persist_ms < 500 ms): every frame
                inner[:] = True
            frames = singularities_over_time(t[inner], th[inner], self.arrays.points,
                                             self.arrays.cells)
            tracks = track_singularities(frames, min_life_ms=self.cfg.rotor_min_ms)
            df = dominant_frequency(t, v)
            df[~np.isfinite(th).all(axis=0)] = np.nan  # no rhythm where nothing activates
            n_ps = float(np.mean([len(f[1]) for f in frames]))
            out = (float(np.nanmedian(df)), n_ps, len(tracks),
                   singularity_density(self.arrays.points, tracks), df)
        out = self.comm.bcast(out, root=0)
        ep.dominant_frequency_hz, ep.phase_singularities, ep.rotors = out[0], out[1], out[2]
        ep.density, ep.df_map = out[3], out[4]


# --------------------------------------------------------------------------- personalised
def driver_targets(points: np.ndarray, density: np.ndarray, *, min_fraction: float = 0.3,
                   separation_mm: float = 12.0, max_targets: int = 3) -> list[int]:
    """Vertices at the peaks of a driver (singularity) density: the highest first, each
    at least ``separation_mm`` from the others and above ``min_fraction`` of the maximum."""
    if density.size == 0 or density.max() <= 0:
        return []
    order = np.argsort(-density, kind="stable")
    out: list[int] = []
    for i in order:
        if density[i] < min_fraction * density.max() or len(out) >= max_targets:
            break
        if all(np.linalg.norm(points[i] - points[j]) >= separation_mm for j in out):
            out.append(int(i))
    return out


def driver_lesion(points: np.ndarray, cells: np.ndarray, target: int,
                  blocked: np.ndarray, width_mm: float) -> Any:
    """A lesion at ``target`` joined to the nearest non-conducting boundary.

    ``blocked`` marks the vertices that already conduct nothing (mesh openings, scar,
    lesions); the line follows the shortest path over the surface from the target to
    the nearest of them (OPTIMA: lesions sized to the driver and connected to a
    boundary, so that they do not become new anchors).
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    from cardiotwin.geometry.regions import PointSet

    e = np.concatenate([cells[:, [0, 1]], cells[:, [1, 2]], cells[:, [2, 0]]])
    w = np.linalg.norm(points[e[:, 0]] - points[e[:, 1]], axis=1)
    n = len(points)
    g = coo_matrix((np.concatenate([w, w]), (np.concatenate([e[:, 0], e[:, 1]]),
                                            np.concatenate([e[:, 1], e[:, 0]]))),
                   shape=(n, n)).tocsr()
    dist, pred = dijkstra(g, directed=False, indices=target, return_predecessors=True)
    ends = np.nonzero(blocked & np.isfinite(dist))[0]
    path = [target]
    if ends.size:
        k = int(ends[np.argmin(dist[ends])])
        path = [k]
        while pred[path[-1]] >= 0:
            path.append(int(pred[path[-1]]))
    pts = points[np.asarray(path)]
    return PointSet(tuple(map(tuple, pts)), radius_mm=0.5 * width_mm)


# --------------------------------------------------------------------------- the study
def _split(comm: Any, cfg: AFConfig) -> tuple[Any, int, int]:
    size = comm.size if cfg.ranks_per_run is None else int(cfg.ranks_per_run)
    if comm.size % size:
        raise ConfigError(f"ranks_per_run = {size} does not divide the {comm.size} ranks")
    groups = comm.size // size
    color = comm.rank // size
    return comm.Split(color, comm.rank), color, groups


def _table(comm: Any, runner: _Runner | None, color: int, groups: int, sites: Sequence[str],
           lesions: Sequence[Any]) -> list[Episode]:
    """Every site with ``lesions``; sites shared round-robin between the groups."""
    mine = []
    for k, site in enumerate(sites):
        if k % groups == color:
            ep = runner.induce(site, lesions)
            mine.append((k, ep))
    gathered = comm.allgather(mine if runner.comm.rank == 0 else [])
    eps = {k: ep for part in gathered for k, ep in part}
    return [eps[k] for k in range(len(sites))]


def _summary(episodes: Sequence[Episode]) -> dict[str, Any]:
    ind = [e for e in episodes if e.sustained]
    dfs = [e.dominant_frequency_hz for e in ind if e.dominant_frequency_hz is not None]
    outcomes = ["confined" if e.confined else
                classify_outcome(e.sustained, e.df_map, e.phase_singularities)
                for e in episodes]
    worst = max(outcomes, key=OUTCOMES.index)
    return {"inducible": bool(ind), "inducible_sites": [e.site for e in ind],
            "outcome": worst,
            "dominant_frequency_hz": float(np.median(dfs)) if dfs else None,
            "phase_singularities": (float(np.mean([e.phase_singularities for e in ind]))
                                    if ind else 0.0),
            "rotors": int(sum(e.rotors or 0 for e in ind)),
            "sites": [e.as_dict() for e in episodes]}


def af_ablation(comm: Any, cfg: AFConfig | None = None, *,
                outdir: str | Path | None = None) -> dict[str, Any]:
    """Run the study (see the module notes).  Collective; the same dict on every rank.

    Returns
    -------
    dict
        ``baseline`` (``inducible``, ``inducible_sites``, ``dominant_frequency_hz``,
        ``phase_singularities`` (mean number per frame), ``rotors``, ``sites`` (one row
        per pacing site)), ``strategies`` (list of the same with ``name`` and
        ``lesion_area_mm2``), ``table`` (site x strategy: inducible), ``figures`` (PNG
        paths when ``outdir`` is given), ``config``, ``ranks``, ``wall_s``.
    """
    from cardiotwin.scenarios.af_lesions import standard_strategies

    cfg = cfg or AFConfig()
    t0 = time.perf_counter()
    sub, color, groups = _split(comm, cfg)
    runner = _Runner(sub, cfg)
    geo = runner.geometry
    baseline = _table(comm, runner, color, groups, cfg.sites, ())
    base_sum = _summary(baseline)
    known = standard_strategies(geo, width_mm=cfg.lesion_width_mm, gap_mm=cfg.gap_mm)
    unknown = [s for s in cfg.strategies if s not in known and s != "personalised"]
    if unknown:
        raise ConfigError(f"strategies {unknown}: this geometry offers "
                          f"{', '.join([*known, 'personalised'])}")
    results = []
    maps: dict[str, Any] = {"baseline": _maps(baseline)}
    for name in cfg.strategies:
        if name == "personalised":
            strat, eps, rounds = _personalised(comm, runner, color, groups, baseline)
        else:
            strat = known[name]
            eps = _table(comm, runner, color, groups, cfg.sites, strat.lesions)
            rounds = None
        row = {"name": strat.name, **_summary(eps),
               "lesion_area_mm2": _lesion_area(runner, strat),
               "description": strat.description}
        if rounds is not None:
            row["rounds"] = rounds
        results.append(row)
        maps[strat.name] = _maps(eps)
    out: dict[str, Any] = {
        "geometry": cfg.mesh_dir or "phantom atria (meshes/phantom_atria)",
        "vertices": len(geo.table["x"]), "model": runner.model.name,
        "fibrosis": runner.fibrosis_info,
        "baseline": base_sum, "strategies": results,
        "table": {"sites": list(cfg.sites),
                  "rows": {r["name"]: [s["inducible"] for s in r["sites"]] for r in results},
                  "baseline": [s["inducible"] for s in base_sum["sites"]]},
        "config": _config_dict(cfg), "ranks": comm.size, "ranks_per_run": sub.size,
    }
    if outdir is not None:
        out["figures"] = _figures(comm, runner, color, maps, Path(outdir))
    out["wall_s"] = comm.allreduce(time.perf_counter() - t0, op=_max_op())
    return out


def _max_op() -> Any:
    from mpi4py import MPI

    return MPI.MAX


def _maps(episodes: Sequence[Episode]) -> dict[str, Any]:
    """Driver density (summed) and dominant frequency (median) over the sustained ones."""
    ind = [e for e in episodes if e.sustained and e.density is not None]
    if not ind:
        return {}
    import warnings

    with warnings.catch_warnings():  # tissue that never activates has no frequency (NaN)
        warnings.simplefilter("ignore", RuntimeWarning)
        df = np.nanmedian(np.stack([e.df_map for e in ind]), axis=0)
    return {"density": np.sum([e.density for e in ind], axis=0), "df": df}


def _lesion_area(runner: _Runner, strat: Any) -> float:
    """Area (mm²) of the strategy's lesions outside the substrate's own scar."""
    from cardiotwin.scenarios.lesions import cell_volume_mm3, lesion_cells

    if not strat.lesions:
        return 0.0
    geo = runner.geometry
    mask = lesion_cells(geo, strat.lesions) & ~lesion_cells(geo, runner.substrate.lesions)
    return cell_volume_mm3(geo.mesh, mask)


def _personalised(comm: Any, runner: _Runner, color: int, groups: int,
                  baseline: Sequence[Episode]) -> tuple[Any, list[Episode], list[dict]]:
    """OPTIMA-like: lesions at the driver peaks, re-induce, repeat while inducible."""
    from cardiotwin.scenarios.af_lesions import AblationStrategy

    cfg = runner.cfg
    lesions: list[Any] = []
    rounds: list[dict] = []
    eps = list(baseline)
    for r in range(int(cfg.optima_rounds)):
        dens = _maps(eps).get("density")
        if dens is None:
            break
        new = _targets(comm, runner, color, dens, lesions)
        if not new:
            break
        lesions += new
        eps = _table(comm, runner, color, groups, cfg.sites, lesions)
        rounds.append({"round": r + 1, "lesions_added": len(new),
                       "inducible": any(e.sustained for e in eps)})
        if not any(e.sustained for e in eps):
            break
    strat = AblationStrategy("personalised", tuple(lesions),
                             "lesions at the driver peaks joined to the nearest boundary, "
                             "re-induced and repeated (OPTIMA-like)")
    if not rounds:  # not inducible at baseline: nothing to target
        eps = list(baseline)
    return strat, eps, rounds


def _targets(comm: Any, runner: _Runner, color: int, density: np.ndarray,
             lesions: Sequence[Any]) -> list[Any]:
    """Driver lesions from a density map (computed on world rank 0, broadcast)."""
    from cardiotwin.scenarios.lesions import apply_lesions

    app = apply_lesions(runner.geometry, runner.substrate.plus(*lesions), runner.model)
    vclass = _gather_p1(runner, app.vertex_class)
    new = None
    if runner.comm.rank == 0 and color == 0:
        pts, cells = runner.arrays.points, runner.arrays.cells
        from cardiotwin.geometry.uac import boundary_edges

        blocked = vclass >= 2 - 1e-9
        blocked[np.unique(boundary_edges(cells))] = True
        new = [driver_lesion(pts, cells, t, blocked, runner.cfg.lesion_width_mm)
               for t in driver_targets(pts, np.where(blocked, 0.0, density))]
    return comm.bcast(new, root=0)


def _gather_p1(runner: _Runner, fn: Any) -> np.ndarray | None:
    """A P1 Function's values on rank 0 of the group, in input vertex order."""
    mesh = runner.geometry.mesh
    V = fn.function_space
    n_owned = V.dofmap.index_map.size_local
    geom = mesh.geometry
    dof2node = np.empty(V.tabulate_dof_coordinates().shape[0], dtype=np.int64)
    dof2node[V.dofmap.list.ravel()] = geom.dofmaps[0].ravel()
    ids = np.asarray(geom.input_global_indices, dtype=np.int64)[dof2node[:n_owned]]
    parts = runner.comm.gather((ids, np.asarray(fn.x.array[:n_owned])), root=0)
    if runner.comm.rank != 0:
        return None
    n = sum(len(i) for i, _ in parts)
    out = np.empty(n)
    for i, v in parts:
        out[i] = v
    return out


def _config_dict(cfg: AFConfig) -> dict[str, Any]:
    from dataclasses import fields

    d = {f.name: getattr(cfg, f.name) for f in fields(cfg) if f.name != "fibrosis"}
    f = cfg.fibrosis
    d["fibrosis"] = {"interstitial_iir": f.interstitial_iir, "dense_iir": f.dense_iir,
                     "conductivity_factor": f.conductivity_factor,
                     "collagen_fraction": f.collagen_fraction, "collagen_mm": f.collagen_mm,
                     "ionic": {"scale": dict(f.ionic.scale), "set": dict(f.ionic.set)}}
    return d


def _figures(comm: Any, runner: _Runner, color: int, maps: dict[str, Any],
             outdir: Path) -> dict[str, str]:
    """Driver (singularity density) and dominant-frequency maps, before and after."""
    files: dict[str, str] = {}
    if comm.rank == 0:
        from cardiotwin.geometry.atria import atrial_view
        from cardiotwin.viz.maps import grid_from_mesh, render_map

        outdir.mkdir(parents=True, exist_ok=True)
        pts, cells = runner.arrays.points, runner.arrays.cells
        view = atrial_view(runner.geometry.table, "posterior")
        for name, m in maps.items():
            if not m:
                continue
            tag = name.replace("+", "_")
            g = grid_from_mesh(pts, cells, "Triangle",
                               {"density": m["density"], "df": m["df"]})
            for key, title, unit, cmap in (("density", f"drivers, {name}",
                                            "singularity-frames within 5 mm", "magma"),
                                           ("df", f"dominant frequency, {name}", "Hz",
                                            "turbo")):
                p = outdir / f"{key}_{tag}.png"
                render_map(g, key, p, title=title, unit=unit, cmap=cmap, view=view)
                files[f"{key}_{name}"] = str(p)
    return comm.bcast(files, root=0)
