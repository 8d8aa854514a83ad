"""A twin's parameters in a frame that carries across anatomies, and their priors.

Root sites (the earliest endocardial activation sites) are given in ventricular
coordinates: the ventricle (``lv`` or ``rv``), the apicobasal coordinate (0 apex, 1 base,
from the geometry) and the rotational angle around the heart's long axis (radians,
0 towards the RV along the septal direction, positive towards ``long x septal``, see
:mod:`cardiotwin.geometry.frame`).  On a given anatomy a root is the endocardial vertex of
its ventricle nearest in ``(apicobasal, angle)``, with the distance
``sqrt(d_ab^2 + (0.3 d_angle)^2)`` (0.3 ~ the ratio of a ventricle's radius to its length).

Repolarisation is an APD field ``apd = apd_ms + grad_ab (ab - 0.5) + grad_tm (tm - 0.5)``
over the apicobasal (ab) and transmural (tm, 0 endocardium, 1 epicardium) coordinates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from cardiotwin.ep.eikonal import Velocities
from cardiotwin.exceptions import ConfigError

VENTRICLES = ("lv", "rv")
ANGLE_WEIGHT = 0.3


@dataclass(frozen=True)
class Root:
    """An earliest activation site (ventricular coordinates) and its start time (ms)."""

    ventricle: str
    apicobasal: float
    angle_rad: float
    t_ms: float = 0.0

    def __post_init__(self) -> None:
        if self.ventricle not in VENTRICLES:
            raise ConfigError(f"Root.ventricle = {self.ventricle!r}: expected 'lv' or 'rv'")
        if not (np.isfinite(self.apicobasal) and -0.05 <= self.apicobasal <= 1.05):
            raise ConfigError(f"Root.apicobasal = {self.apicobasal!r}: expected 0..1")
        if not np.isfinite(self.angle_rad):
            raise ConfigError(f"Root.angle_rad = {self.angle_rad!r}: expected a finite angle")
        a = (float(self.angle_rad) + math.pi) % (2 * math.pi) - math.pi
        object.__setattr__(self, "angle_rad", a)
        if not (np.isfinite(self.t_ms) and 0 <= self.t_ms <= 200):
            raise ConfigError(f"Root.t_ms = {self.t_ms!r}: expected 0..200 ms")


@dataclass(frozen=True)
class Repolarisation:
    """APD field (ms): level at mid-wall, mid-height and its two gradients."""

    apd_ms: float = 280.0
    grad_apicobasal_ms: float = 0.0
    grad_transmural_ms: float = 0.0

    def __post_init__(self) -> None:
        if not (np.isfinite(self.apd_ms) and 80 <= self.apd_ms <= 600):
            raise ConfigError(f"Repolarisation.apd_ms = {self.apd_ms!r}: expected 80..600 ms")
        for name in ("grad_apicobasal_ms", "grad_transmural_ms"):
            v = getattr(self, name)
            if not (np.isfinite(v) and abs(v) <= 150):
                raise ConfigError(f"Repolarisation.{name} = {v!r}: expected -150..150 ms")

    def field(self, apicobasal: npt.NDArray[np.float64],
              transmural: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """APD (ms) at vertices with these coordinates (floored at 60 ms)."""
        apd = (self.apd_ms + self.grad_apicobasal_ms * (apicobasal - 0.5)
               + self.grad_transmural_ms * (transmural - 0.5))
        return np.maximum(apd, 60.0)


@dataclass(frozen=True)
class TwinParameters:
    """Everything the fast forward model needs besides the anatomy."""

    roots: tuple[Root, ...]
    velocities: Velocities = field(default_factory=Velocities)
    repolarisation: Repolarisation = field(default_factory=Repolarisation)

    def __post_init__(self) -> None:
        roots = tuple(self.roots)
        if not roots or not all(isinstance(r, Root) for r in roots):
            raise ConfigError("TwinParameters.roots: expected one or more Root")
        object.__setattr__(self, "roots", roots)

    def as_dict(self) -> dict:
        return {"roots": [r.__dict__.copy() for r in self.roots],
                "cv_m_per_s": self.velocities.as_dict(),
                "repolarisation": self.repolarisation.__dict__.copy()}

    @classmethod
    def from_dict(cls, d: dict) -> TwinParameters:
        """Inverse of :meth:`as_dict` (validated)."""
        try:
            return cls(tuple(Root(**r) for r in d["roots"]), Velocities(**d["cv_m_per_s"]),
                       Repolarisation(**d["repolarisation"]))
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"twin parameters: malformed record ({exc})") from None


@dataclass(frozen=True)
class Prior:
    """Bounds of the calibration's uniform priors (velocities log-uniform).

    Parameters
    ----------
    n_roots
        Number of candidate root sites; roots that another root's wave reaches first take
        no part in the activation (their count is part of the posterior).
    root_delay_ms
        Latest start time of a root after the first one (ms).
    fibre, sheet, normal, endo
        (low, high) conduction velocities (m/s).
    apd_ms, grad_apicobasal_ms, grad_transmural_ms
        (low, high) of the repolarisation parameters (ms).
    apicobasal
        (low, high) apicobasal coordinate of roots.
    """

    n_roots: int = 3
    root_delay_ms: float = 30.0
    fibre: tuple[float, float] = (0.3, 1.2)
    sheet: tuple[float, float] = (0.15, 0.8)
    normal: tuple[float, float] = (0.1, 0.6)
    endo: tuple[float, float] = (1.0, 4.0)
    apd_ms: tuple[float, float] = (180.0, 420.0)
    grad_apicobasal_ms: tuple[float, float] = (-60.0, 60.0)
    grad_transmural_ms: tuple[float, float] = (-60.0, 60.0)
    apicobasal: tuple[float, float] = (0.1, 0.95)

    def __post_init__(self) -> None:
        if int(self.n_roots) != self.n_roots or not 1 <= self.n_roots <= 8:
            raise ConfigError(f"Prior.n_roots = {self.n_roots!r}: expected 1..8")
        if not 0 <= self.root_delay_ms <= 100:
            raise ConfigError(f"Prior.root_delay_ms = {self.root_delay_ms}: expected 0..100 ms")
        for name in ("fibre", "sheet", "normal", "endo", "apd_ms", "grad_apicobasal_ms",
                     "grad_transmural_ms", "apicobasal"):
            lo, hi = getattr(self, name)
            if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
                raise ConfigError(f"Prior.{name} = {(lo, hi)}: expected low < high")
        for name in ("fibre", "sheet", "normal", "endo"):
            lo, _ = getattr(self, name)
            if lo <= 0:
                raise ConfigError(f"Prior.{name}: velocities must be > 0 m/s")


# ---------------------------------------------------------------------- vector encoding
#: per root: ventricle selector u (< 0.5 lv), apicobasal, angle, delay
ROOT_FIELDS = ("ventricle_u", "apicobasal", "angle_rad", "t_ms")
ACT_FIELDS = ("log_fibre", "log_sheet", "log_normal", "log_endo")
REP_FIELDS = ("apd_ms", "grad_apicobasal_ms", "grad_transmural_ms")


def activation_bounds(prior: Prior) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64],
                                             npt.NDArray[np.bool_]]:
    """Lower/upper bounds of the activation vector and which entries are periodic."""
    lo, hi, per = [], [], []
    for _ in range(prior.n_roots):
        lo += [0.0, prior.apicobasal[0], -math.pi, 0.0]
        hi += [1.0, prior.apicobasal[1], math.pi, prior.root_delay_ms]
        per += [False, False, True, False]
    for name in ("fibre", "sheet", "normal", "endo"):
        a, b = getattr(prior, name)
        lo.append(math.log(a))
        hi.append(math.log(b))
        per.append(False)
    return np.array(lo), np.array(hi), np.array(per)


def repolarisation_bounds(prior: Prior) -> tuple[npt.NDArray[np.float64],
                                                 npt.NDArray[np.float64]]:
    lo = np.array([prior.apd_ms[0], prior.grad_apicobasal_ms[0], prior.grad_transmural_ms[0]])
    hi = np.array([prior.apd_ms[1], prior.grad_apicobasal_ms[1], prior.grad_transmural_ms[1]])
    return lo, hi


def decode_activation(x: Sequence[float], n_roots: int) -> tuple[tuple[Root, ...], Velocities]:
    """Roots (start times shifted so that the first is 0) and velocities from a vector."""
    x = np.asarray(x, float)
    delays = np.array([x[4 * k + 3] for k in range(n_roots)])
    delays = delays - delays.min()
    roots = tuple(Root("lv" if x[4 * k] < 0.5 else "rv", float(x[4 * k + 1]),
                       float(x[4 * k + 2]), float(delays[k])) for k in range(n_roots))
    v = np.exp(x[4 * n_roots: 4 * n_roots + 4])
    return roots, Velocities(*(float(c) for c in v))


def encode_activation(roots: Sequence[Root], velocities: Velocities) -> npt.NDArray[np.float64]:
    """Inverse of :func:`decode_activation`."""
    out: list[float] = []
    for r in roots:
        out += [0.25 if r.ventricle == "lv" else 0.75, r.apicobasal, r.angle_rad, r.t_ms]
    v = velocities
    out += [math.log(v.fibre), math.log(v.sheet), math.log(v.normal), math.log(v.endo)]
    return np.array(out)


def decode_repolarisation(x: Sequence[float]) -> Repolarisation:
    return Repolarisation(float(x[0]), float(x[1]), float(x[2]))
