"""The QT interval of a transmural wedge from its pseudo-ECG, with and without a drug.

A drug in tissue is the same parameter transformation as in a cell
(:func:`cardiotwin.scenarios.drugs.drug_changes`), applied to the wedge's ionic regions
by :func:`cardiotwin.scenarios.drugs.apply_to_regions`.

The wedge (:class:`WedgeSetup`): a transmural strip of ``length_mm`` along x with
endocardial (``ord-endo``), mid-myocardial (``ord-m``) and epicardial (``ord-epi``) layers
in the proportions of Glukhov et al. (2010) / O'Hara et al. (2011) wedge models (30/35/35 %),
paced at the endocardial face; fibres along x; the pseudo-ECG lead is the potential at
an electrode ``electrode_gap_mm`` beyond the epicardial face minus one as far beyond the
endocardial face (as in experimental wedge preparations, Yan & Antzelevitch 1998).  QT
is measured by :func:`cardiotwin.analysis.ecg.ecg_intervals` (tangent-method T end).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin._mpi import allreduce_max
from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.drugs import Drug, apply_to_regions

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WedgeSetup:
    """A transmural wedge (strip) for QT measurements.

    Parameters
    ----------
    length_mm, width_mm
        Transmural length (x) and the square cross-section side (mm).
    dx_mm
        Element size (mm).
    dt_ms
        Time step (ms).
    t_end_ms
        Simulated time (ms); must cover the T wave.
    layers
        Fractions of endo, M and epi along x (sum 1).
    models
        Cell models of the three layers.
    sigma_S_per_m
        Monodomain conductivity along the fibres (S/m); isotropic strip.
    electrode_gap_mm
        Distance of the electrodes from the faces (mm).
    """

    length_mm: float = 10.0
    width_mm: float = 1.0
    dx_mm: float = 0.5
    dt_ms: float = 0.02
    t_end_ms: float = 500.0
    layers: tuple[float, float, float] = (0.3, 0.35, 0.35)
    models: tuple[str, str, str] = ("ord-endo", "ord-m", "ord-epi")
    sigma_S_per_m: float = 0.13
    electrode_gap_mm: float = 5.0

    def __post_init__(self) -> None:
        for name in ("length_mm", "width_mm", "dx_mm", "dt_ms", "t_end_ms", "sigma_S_per_m",
                     "electrode_gap_mm"):
            v = getattr(self, name)
            if not (np.isfinite(v) and v > 0):
                raise ConfigError(f"WedgeSetup.{name} = {v!r}: expected a positive number")
        if abs(sum(self.layers) - 1.0) > 1e-9 or min(self.layers) < 0:
            raise ConfigError(f"WedgeSetup.layers = {self.layers}: fractions >= 0 summing to 1")
        for side in (self.length_mm, self.width_mm):
            n = side / self.dx_mm
            if abs(n - round(n)) > 1e-6:
                raise ConfigError(f"dx_mm = {self.dx_mm} does not divide {side} mm")


@dataclass(frozen=True)
class WedgeQT:
    """Result of a wedge simulation: ECG trace, intervals and timing."""

    times_ms: np.ndarray
    ecg_mV: np.ndarray
    intervals: Any
    wall_s: float
    last_repolarisation_ms: float

    @property
    def qt_ms(self) -> float:
        """QT interval (ms)."""
        return float(self.intervals.qt_ms)


def run_wedge_qt(comm: Any, setup: WedgeSetup, drug: Drug | None = None,
                 conc_uM: float = 0.0, *, allow_missing: bool = False) -> WedgeQT:
    """Simulate one beat of the wedge with (or without) ``drug`` and measure its QT.

    Collective over ``comm``; every rank gets the same result.
    """
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    import dolfinx.mesh

    from cardiotwin.analysis.activation import finite_max
    from cardiotwin.analysis.ecg import ecg_intervals
    from cardiotwin.ep.conductivity import Conductivity
    from cardiotwin.ep.ecg import PseudoECG
    from cardiotwin.ep.monodomain import IonicRegion, Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.regions import Box
    from cardiotwin.ionic.protocol import Protocol

    L, W, h = setup.length_mm, setup.width_mm, setup.dx_mm
    mesh = dolfinx.mesh.create_box(comm, [np.zeros(3), np.array([L, W, W])],
                                   [round(L / h), round(W / h), round(W / h)],
                                   dolfinx.mesh.CellType.hexahedron)
    x1 = setup.layers[0] * L
    x2 = x1 + setup.layers[1] * L
    big = 10.0 * (L + W)
    eps = 1e-6 * h
    regions = [IonicRegion(setup.models[0], Box((-big, -big, -big), (x1 + eps, big, big))),
               IonicRegion(setup.models[1], Box((x1 + eps, -big, -big), (x2 + eps, big, big))),
               IonicRegion(setup.models[2], None)]
    regions = apply_to_regions(regions, drug, conc_uM, allow_missing=allow_missing)
    stim = Stimulus(Box((-big, -big, -big), (h + eps, big, big)),
                    (Protocol(start_ms=0.0, duration_ms=1.0, amplitude=80.0, unit="uA/uF"),),
                    name="endo")
    cfg = MonodomainConfig(dt_ms=setup.dt_ms, workers=1)
    sim = Monodomain(mesh, regions, Conductivity.isotropic(setup.sigma_S_per_m), cfg,
                     stimuli=[stim])
    g = setup.electrode_gap_mm
    every = max(1, round(0.5 / setup.dt_ms))
    ecg = PseudoECG(sim, {"epi": (L + g, W / 2, W / 2), "endo": (-g, W / 2, W / 2)},
                    every_n_steps=every, leads={"wedge": ("epi", "endo")})
    t0 = time.perf_counter()
    sim.run(setup.t_end_ms)
    wall = time.perf_counter() - t0
    t = np.asarray(ecg.times)
    e = ecg.signals()["wedge"]
    act = sim.tracker.first_activation
    t_act = allreduce_max(comm, float(np.nanmax(act)) if act.size else 0.0)
    if not np.isfinite(t_act) or np.isnan(act).any():
        raise ConfigError("the wedge did not activate completely; check the stimulus")
    iv = ecg_intervals(t, e, qrs_end_ms=t_act)
    logger.info("wedge%s: QT %.1f ms (QRS onset %.1f, T end %.1f), %.1f s",
                f" + {drug.name} {conc_uM:g} uM" if drug else "", iv.qt_ms, iv.qrs_onset_ms,
                iv.t_end_ms, wall)
    rep = sim.tracker.repolarisation
    t_rep = finite_max(comm, rep)
    return WedgeQT(times_ms=t, ecg_mV=e, intervals=iv, wall_s=wall,
                   last_repolarisation_ms=t_rep)


def plot_ecgs(results: dict[str, WedgeQT], path: str) -> None:
    """Plot wedge ECGs with their QRS onset and T end marks to a PNG (matplotlib, Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.5))
    for label, r in results.items():
        (line,) = ax.plot(r.times_ms, r.ecg_mV, label=f"{label} (QT {r.qt_ms:.0f} ms)")
        ax.axvline(r.intervals.t_end_ms, color=line.get_color(), ls="--", lw=0.8)
    first = next(iter(results.values()))
    ax.axvline(first.intervals.qrs_onset_ms, color="k", ls=":", lw=0.8)
    ax.set_xlabel("time (ms)")
    ax.set_ylabel("pseudo-ECG (mV)")
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
