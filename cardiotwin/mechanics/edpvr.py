"""The end-diastolic pressure-volume relation (EDPVR) of Klotz et al. (2006).

Notes
-----
Klotz et al. measured ex-vivo human hearts and found that, normalised by the unloaded
volume ``V0`` and the volume at 30 mmHg ``V30``, every EDPVR falls on one curve:

.. math::

    P = A_n V_n^{B_n}, \\qquad V_n = \\frac{V - V_0}{V_{30} - V_0},
    \\qquad A_n = 27.78\\ \\text{mmHg}, \\ B_n = 2.76,

and that one measured end-diastolic point ``(EDV, EDP)`` predicts the whole curve:
``V0 = EDV (0.6 - 0.006 EDP)`` and ``V30 = V0 + (EDV - V0) / (EDP / A_n)^(1/B_n)``.

A model's passive filling is compared with it by normalising the model's own curve
(:func:`compare_with_klotz`).  The material scale of an exponential law changes the shape
of that normalised curve through the strain level (a stiff wall stays in the nearly
linear part of the law), so the scale is fitted to one point of it (:func:`fit_scale`,
e.g. ``V_n`` at the end-diastolic pressure) and the rest of the curve is the test.

S. Klotz, I. Hay, M. L. Dickstein, G.-H. Yi, J. Wang, M. S. Maurer, D. A. Kass,
D. Burkhoff, "Single-beat estimation of end-diastolic pressure-volume relationship: a
novel method with potential for noninvasive application", Am J Physiol Heart Circ
Physiol 291:H403-H412, 2006.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from cardiotwin.exceptions import ConfigError, SolverError

logger = logging.getLogger(__name__)

#: Klotz et al. (2006): the normalised EDPVR ``P = A_n V_n^B_n``
KLOTZ_AN_MMHG = 27.78
KLOTZ_BN = 2.76


def klotz_pressure_mmHg(v_normalised: float | np.ndarray) -> float | np.ndarray:
    """``P = A_n V_n^B_n`` (mmHg) at normalised volumes ``V_n`` (>= 0)."""
    vn = np.asarray(v_normalised, dtype=float)
    if np.any(vn < 0):
        raise ConfigError("klotz_pressure_mmHg: normalised volumes must be >= 0")
    out = KLOTZ_AN_MMHG * vn**KLOTZ_BN
    return float(out) if out.ndim == 0 else out


def klotz_normalised_volume(pressure_mmHg: float | np.ndarray) -> float | np.ndarray:
    """``V_n = (P / A_n)^(1/B_n)`` at pressures ``P`` (mmHg, >= 0)."""
    p = np.asarray(pressure_mmHg, dtype=float)
    if np.any(p < 0):
        raise ConfigError("klotz_normalised_volume: pressures must be >= 0 mmHg")
    out = (p / KLOTZ_AN_MMHG) ** (1.0 / KLOTZ_BN)
    return float(out) if out.ndim == 0 else out


def klotz_unloaded_volume_mL(edv_mL: float, edp_mmHg: float) -> float:
    """Klotz's estimate of the unloaded volume ``V0 = EDV (0.6 - 0.006 EDP)`` (mL)."""
    _check_point(edv_mL, edp_mmHg)
    return edv_mL * (0.6 - 0.006 * edp_mmHg)


def klotz_edv_mL(v0_mL: float, edp_mmHg: float) -> float:
    """The end-diastolic volume (mL) at ``edp_mmHg`` of a ventricle whose unloaded volume
    is ``v0_mL``, inverting :func:`klotz_unloaded_volume_mL`."""
    _check_point(v0_mL, edp_mmHg)
    return v0_mL / (0.6 - 0.006 * edp_mmHg)


def klotz_curve_mL(edv_mL: float, edp_mmHg: float,
                   pressures_mmHg: Sequence[float] | np.ndarray) -> np.ndarray:
    """Volumes (mL) of the EDPVR predicted from one point ``(EDV, EDP)``."""
    v0 = klotz_unloaded_volume_mL(edv_mL, edp_mmHg)
    v30 = v0 + (edv_mL - v0) / klotz_normalised_volume(edp_mmHg)
    return v0 + (v30 - v0) * np.asarray(klotz_normalised_volume(
        np.asarray(pressures_mmHg, dtype=float)))


def _check_point(volume_mL: float, edp_mmHg: float) -> None:
    if not (math.isfinite(volume_mL) and volume_mL > 0):
        raise ConfigError(f"volume = {volume_mL!r} mL: expected a finite volume > 0")
    if not (math.isfinite(edp_mmHg) and 0 < edp_mmHg < 100):
        raise ConfigError(f"end-diastolic pressure = {edp_mmHg!r} mmHg: expected (0, 100)")


@dataclass(frozen=True)
class KlotzComparison:
    """A model EDPVR normalised and set against Klotz's curve.

    Attributes
    ----------
    v0_mL, v30_mL
        Unloaded volume and volume at 30 mmHg of the model (mL).
    v_normalised
        The model's normalised volumes at its pressures.
    pressures_mmHg
        The model's pressures (mmHg).
    klotz_mmHg
        Klotz's pressure at the same normalised volumes (mmHg).
    rmse_mmHg, max_abs_mmHg
        Root-mean-square and largest difference model - Klotz over the points (mmHg).
    """

    v0_mL: float
    v30_mL: float
    v_normalised: np.ndarray
    pressures_mmHg: np.ndarray
    klotz_mmHg: np.ndarray
    rmse_mmHg: float
    max_abs_mmHg: float

    def as_dict(self) -> dict[str, object]:
        return {"v0_mL": self.v0_mL, "v30_mL": self.v30_mL,
                "v_normalised": self.v_normalised.tolist(),
                "pressures_mmHg": self.pressures_mmHg.tolist(),
                "klotz_mmHg": self.klotz_mmHg.tolist(),
                "rmse_mmHg": self.rmse_mmHg, "max_abs_mmHg": self.max_abs_mmHg}


def _monotone_curve(volumes_mL: Sequence[float], pressures_mmHg: Sequence[float]
                    ) -> tuple[np.ndarray, np.ndarray]:
    v = np.asarray(volumes_mL, dtype=float)
    p = np.asarray(pressures_mmHg, dtype=float)
    if v.shape != p.shape or v.ndim != 1 or v.size < 2:
        raise ConfigError("an EDPVR needs matching 1-D volume and pressure arrays of at "
                          "least two points")
    if not (np.all(np.isfinite(v)) and np.all(np.isfinite(p))):
        raise ConfigError("the EDPVR has non-finite volumes or pressures")
    order = np.argsort(p)
    v, p = v[order], p[order]
    if np.any(np.diff(v) <= 0):
        raise ConfigError("the EDPVR volumes do not grow with the pressure")
    return v, p


def volume_at_pressure_mL(volumes_mL: Sequence[float], pressures_mmHg: Sequence[float],
                          pressure_mmHg: float) -> float:
    """The volume (mL) of a sampled EDPVR at ``pressure_mmHg``, interpolated linearly in
    ``P^(1/B_n)`` (exact for a Klotz-shaped curve)."""
    v, p = _monotone_curve(volumes_mL, pressures_mmHg)
    tol = 1e-9 * max(abs(p[-1]), 1.0)  # unit conversions round the end points
    if not p[0] - tol <= pressure_mmHg <= p[-1] + tol:
        raise ConfigError(f"the EDPVR spans {p[0]:.3g}-{p[-1]:.3g} mmHg; "
                          f"{pressure_mmHg} mmHg is outside it")
    x = np.clip(p, 0.0, None) ** (1.0 / KLOTZ_BN)
    return float(np.interp(max(pressure_mmHg, 0.0) ** (1.0 / KLOTZ_BN), x, v))


def compare_with_klotz(volumes_mL: Sequence[float], pressures_mmHg: Sequence[float],
                       v0_mL: float | None = None) -> KlotzComparison:
    """Normalise a model EDPVR with its own ``V0`` and ``V30`` and compare with Klotz.

    Parameters
    ----------
    volumes_mL, pressures_mmHg
        The sampled curve; it must reach 30 mmHg.
    v0_mL
        The unloaded volume (default: the volume at the lowest pressure, which must then
        be 0 mmHg).
    """
    v, p = _monotone_curve(volumes_mL, pressures_mmHg)
    if v0_mL is None:
        if p[0] != 0.0:
            raise ConfigError("compare_with_klotz: the curve does not start at 0 mmHg; pass "
                              "v0_mL")
        v0_mL = float(v[0])
    v30 = volume_at_pressure_mL(v, p, 30.0)
    vn = (v - v0_mL) / (v30 - v0_mL)
    ref = klotz_pressure_mmHg(np.clip(vn, 0.0, None))
    d = p - ref
    return KlotzComparison(v0_mL=float(v0_mL), v30_mL=v30, v_normalised=vn,
                           pressures_mmHg=p, klotz_mmHg=np.asarray(ref),
                           rmse_mmHg=float(np.sqrt(np.mean(d**2))),
                           max_abs_mmHg=float(np.max(np.abs(d))))


@dataclass(frozen=True)
class ScaleFit:
    """Result of :func:`fit_scale`.

    Attributes
    ----------
    scale
        The fitted material scale.
    value
        The fitted quantity at that scale.
    target
        The value sought.
    evaluations
        ``(scale, value)`` of every model run, in order.
    """

    scale: float
    value: float
    target: float
    evaluations: tuple[tuple[float, float], ...]


def fit_scale(measure: Callable[[float], float], target: float, *, scale0: float = 1.0,
              rtol: float = 2e-3, max_evaluations: int = 12) -> ScaleFit:
    """Find the material scale ``s`` at which a positive model quantity equals ``target``.

    ``measure(s)`` runs the model (e.g. a passive inflation with every stiffness
    multiplied by ``s``) and returns the quantity, which must fall as ``s`` grows (the
    filling ``V(EDP) - V0``, or the normalised volume ``V_n`` at the end-diastolic
    pressure: a stiffer wall stays in the flatter part of its exponential law).  It falls
    roughly as a power of ``s``, so the secant method runs on ``log(value)`` against
    ``log s``, bisecting once the root is bracketed.

    Raises
    ------
    SolverError
        If ``max_evaluations`` runs do not bring the value within ``rtol`` of the target,
        or the model returns a value <= 0.
    """
    if not (math.isfinite(target) and target > 0):
        raise ConfigError(f"fit_scale: target = {target!r}; expected a finite value > 0")
    evals: list[tuple[float, float]] = []

    def f(log_s: float) -> float:
        s = math.exp(log_s)
        v = float(measure(s))
        evals.append((s, v))
        logger.info("material scale %.5g: %.5g (target %.5g)", s, v, target)
        if not (math.isfinite(v) and v > 0):
            raise SolverError(f"fit_scale: the model gave {v} at scale {s}; expected a "
                              "finite value > 0")
        return math.log(v) - math.log(target)

    x0 = math.log(scale0)
    f0 = f(x0)
    x1 = x0 + (0.5 if f0 > 0 else -0.5)  # too large (f > 0): stiffen
    f1 = f(x1)
    soft: list[float] = [x for x, fx in ((x0, f0), (x1, f1)) if fx > 0]
    stiff: list[float] = [x for x, fx in ((x0, f0), (x1, f1)) if fx <= 0]
    while abs(math.expm1(f1)) > rtol:
        if len(evals) >= max_evaluations:
            raise SolverError(f"fit_scale: no material scale found within "
                              f"{max_evaluations} runs (scale, value): {evals}")
        slope = (f1 - f0) / (x1 - x0)
        x2 = x1 - f1 / slope if slope < 0 else x1 + (0.5 if f1 > 0 else -0.5)
        if soft and stiff and not max(soft) < x2 < min(stiff):
            x2 = 0.5 * (max(soft) + min(stiff))
        x0, f0 = x1, f1
        x1, f1 = x2, f(x2)
        (soft if f1 > 0 else stiff).append(x1)
    s_fit, v_fit = evals[-1]
    return ScaleFit(scale=s_fit, value=v_fit, target=target, evaluations=tuple(evals))
