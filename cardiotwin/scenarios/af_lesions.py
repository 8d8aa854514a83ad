"""Ablation strategies for atrial fibrillation as data, placed in atrial coordinates.

Each strategy is a named tuple of lesion regions (transmural, non-conducting, of a real
width in mm): :class:`~cardiotwin.geometry.regions.CoordinatePath` bands drawn in the
universal atrial coordinates of :mod:`cardiotwin.geometry.uac` and fitted to this
anatomy's landmarks, so the same rule places them on any patient:

- ``pvi``: wide antral circumferential ablation, one closed line around each pair of
  ipsilateral pulmonary veins, ``antral_margin_mm`` outside their sleeves (Ouyang et al.
  2004, Circulation 110:2090);
- ``pvi+roof``: with a roof line joining the two encirclements at their most superior
  points (the ``beta``-highest: nearest the roof);
- ``pvi+mitral``: with a mitral isthmus line from the left encirclement to the
  posterolateral mitral annulus (the corner ``alpha = 1, beta = 0`` of the LA square);
- ``pvi+box``: posterior wall isolation, the roof line and an inferior line joining the
  encirclements at their lowest points;
- ``cti``: cavotricuspid isthmus line, from the inferior vena cava to the nearest point of
  the tricuspid ring in the RA square.

A ``gap_mm`` (on :func:`standard_strategies`) leaves that much tissue unablated in the
middle of every line: an incomplete line, a real failure mode.  The personalised,
OPTIMA-like strategy is built during the study from the drivers it finds
(:mod:`cardiotwin.studies.af_ablation`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin._checks import positive
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import CoordinatePath, check_region

LA = ("la-alpha", "la-beta")
RA = ("ra-alpha", "ra-beta")


@dataclass(frozen=True)
class AblationStrategy:
    """A named set of lesion regions (added to the substrate's lesion set)."""

    name: str
    lesions: tuple[Any, ...]
    description: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise ConfigError(f"AblationStrategy.name = {self.name!r}: expected a name")
        object.__setattr__(self, "lesions", tuple(self.lesions))
        for i, les in enumerate(self.lesions):
            check_region(f"AblationStrategy {self.name!r} lesions[{i}]", les)

    def plus(self, name: str, *lesions: Any, description: str = "") -> AblationStrategy:
        """A strategy with more lesions."""
        return AblationStrategy(name, (*self.lesions, *lesions), description)


def _uv(table: Mapping[str, np.ndarray], names: tuple[str, str]) -> np.ndarray:
    return np.column_stack([table[n] for n in names])


def _landmark_uv(table: Mapping[str, np.ndarray], names: tuple[str, str],
                 centre_mm: Any) -> np.ndarray:
    """Coordinates of the surface vertex nearest a landmark (within the atrium)."""
    uv = _uv(table, names)
    ok = np.all(np.isfinite(uv), axis=1)
    x = np.asarray(table["x"])[ok]
    k = int(np.argmin(np.linalg.norm(x - np.asarray(centre_mm), axis=1)))
    return uv[ok][k]


def _stadium(a: np.ndarray, b: np.ndarray, radius: float, n: int = 48) -> np.ndarray:
    """Closed curve at distance ``radius`` from the segment a-b (coordinate space)."""
    d = b - a
    length = float(np.linalg.norm(d))
    e = d / length if length > 0 else np.array([1.0, 0.0])
    p = np.array([-e[1], e[0]])
    half = n // 2
    t1 = np.linspace(-np.pi / 2, np.pi / 2, half)
    t2 = np.linspace(np.pi / 2, 3 * np.pi / 2, half)
    cap_b = b + radius * (np.outer(np.cos(t1), e) + np.outer(np.sin(t1), p))
    cap_a = a + radius * (np.outer(np.cos(t2), e) + np.outer(np.sin(t2), p))
    return np.vstack([cap_b, cap_a])


def _sleeve_uv(table: Mapping[str, np.ndarray], report: Mapping[str, Any], name: str,
               reach_mm: float) -> np.ndarray:
    """Coordinates of the LA vertices within ``reach_mm`` of a vein's ostium."""
    lm = report["landmarks"][name]
    uv = _uv(table, LA)
    ok = np.all(np.isfinite(uv), axis=1)
    x = np.asarray(table["x"])
    near = ok & (np.linalg.norm(x - np.asarray(lm["centre_mm"]), axis=1) <= reach_mm)
    return uv[near]


def _encircle(table: Mapping[str, np.ndarray], report: Mapping[str, Any],
              veins: tuple[str, str], margin_mm: float, scale_mm: float,
              sleeve_mm: float) -> np.ndarray:
    """A closed coordinate curve around two ipsilateral veins and their sleeves."""
    a = _landmark_uv(table, LA, report["landmarks"][veins[0]]["centre_mm"])
    b = _landmark_uv(table, LA, report["landmarks"][veins[1]]["centre_mm"])
    pts = []
    for v in veins:
        r = report["landmarks"][v].get("radius_mm") or 5.0
        pts.append(_sleeve_uv(table, report, v, r + sleeve_mm + 2.0))
    pts = np.vstack([*pts, a[None], b[None]])
    d = b - a
    t = np.clip(((pts - a) @ d) / max(float(d @ d), 1e-12), 0.0, 1.0)
    dist = np.linalg.norm(pts - (a + np.outer(t, d)), axis=1)
    return _stadium(a, b, float(dist.max()) + margin_mm / scale_mm)


def _middle_gap(path: np.ndarray, table: Mapping[str, np.ndarray], names: tuple[str, str],
                gap_mm: float | None) -> tuple[tuple[float, float], ...]:
    """A gap of ``gap_mm`` centred on the mapped line (its length measured in space)."""
    if not gap_mm:
        return ()
    w = CoordinatePath(names, tuple(map(tuple, path)), 1.0).world_path(table)
    length = float(np.linalg.norm(np.diff(w, axis=0), axis=1).sum())
    return ((0.5 * (length - gap_mm), 0.5 * (length + gap_mm)),)


def standard_strategies(geometry: Any, *, width_mm: float = 5.0,
                        antral_margin_mm: float = 8.0, gap_mm: float | None = None
                        ) -> dict[str, AblationStrategy]:
    """The standard lesion sets on an atrial geometry (see the module notes).

    Parameters
    ----------
    geometry
        An atrial geometry loaded from its folder (vertex table, landmarks, coordinates).
    width_mm
        Lesion width (mm; radiofrequency lines are about 5 mm wide).
    antral_margin_mm
        Distance of the encircling lines outside the vein sleeves (mm).
    gap_mm
        Spared tissue in the middle of every line (mm), or None for complete lines.

    Returns
    -------
    dict
        Strategy name -> :class:`AblationStrategy`; strategies whose landmarks are
        missing (e.g. ``cti`` without the right atrium) are left out.
    """
    positive("width_mm", width_mm)
    positive("antral_margin_mm", antral_margin_mm)
    table = getattr(geometry, "table", None) or {}
    report = getattr(geometry, "report", None) or {}
    if "x" not in table or "landmarks" not in report:
        raise ConfigError("standard_strategies needs an atrial geometry loaded from its "
                          "folder (vertex table and landmarks)")
    lms = report["landmarks"]
    sleeve = float(report.get("vein_sleeve_mm", 8.0))
    out: dict[str, AblationStrategy] = {}

    def line(names: tuple[str, str], pts: np.ndarray, closed: bool = False
             ) -> CoordinatePath:
        gaps = () if closed else _middle_gap(pts, table, names, gap_mm)
        return CoordinatePath(names, tuple(map(tuple, pts)), width_mm, closed=closed,
                              gaps_mm=gaps)

    if all(v in lms for v in ("lspv", "lipv", "rspv", "ripv")) and LA[0] in table:
        scale = float(report["la"]["coordinate_scale_mm"])
        left = _encircle(table, report, ("lspv", "lipv"), antral_margin_mm, scale, sleeve)
        right = _encircle(table, report, ("rspv", "ripv"), antral_margin_mm, scale, sleeve)
        waca = (CoordinatePath(LA, tuple(map(tuple, left)), width_mm, closed=True),
                CoordinatePath(LA, tuple(map(tuple, right)), width_mm, closed=True))
        pvi = AblationStrategy("pvi", waca, "wide antral circumferential ablation of both "
                               "pulmonary vein pairs")
        out["pvi"] = pvi
        roof = line(LA, np.array([left[np.argmax(left[:, 1])],
                                  right[np.argmax(right[:, 1])]]))
        inferior = line(LA, np.array([left[np.argmin(left[:, 1])],
                                      right[np.argmin(right[:, 1])]]))
        corner = np.array([1.0, 0.0])
        start = left[np.argmin(np.linalg.norm(left - corner, axis=1))]
        mitral = line(LA, np.array([start, corner]))
        out["pvi+roof"] = pvi.plus("pvi+roof", roof, description="PVI and a roof line")
        out["pvi+mitral"] = pvi.plus("pvi+mitral", mitral,
                                     description="PVI and a mitral isthmus line")
        out["pvi+box"] = pvi.plus("pvi+box", roof, inferior,
                                  description="PVI and posterior wall isolation (box)")
    if "ivc" in lms and RA[0] in table:
        ivc = _landmark_uv(table, RA, lms["ivc"]["centre_mm"])
        edges = [np.array([0.0, ivc[1]]), np.array([1.0, ivc[1]]),
                 np.array([ivc[0], 0.0]), np.array([ivc[0], 1.0])]
        target = min(edges, key=lambda e: float(np.linalg.norm(e - ivc)))
        out["cti"] = AblationStrategy("cti", (line(RA, np.array([ivc, target])),),
                                      "cavotricuspid isthmus line")
    return out
