"""The ten electrodes of a 12-lead ECG and the leads computed from them.

Positions come from the user (a CSV of ``name,x,y,z`` in the image's world coordinates, mm,
e.g. picked on a CT that includes the torso: :func:`read_electrodes`), or, by default,
from a generic adult torso aligned to the heart's own axes (:func:`standard_electrodes`).

The generic torso
-----------------
Coordinates below are RAS (x to the patient's right, y anterior, z superior, mm), with the
origin at the centre of the heart mesh.  The torso is an elliptic cylinder along z with
semi-axes 165 mm (left-right) and 105 mm (antero-posterior), centred 25 mm to the right of
and 40 mm behind the heart's centre (the heart sits left of the midline, behind the
sternum).  Electrodes lie on its surface:

=====  =========================================  ===========  ========
name   landmark                                   x from mid   z (mm)
=====  =========================================  ===========  ========
V1     4th intercostal space, right sternal edge  +25 (right)  +20
V2     4th intercostal space, left sternal edge   -25          +20
V3     midway between V2 and V4                   -57.5        +2.5
V4     5th intercostal space, midclavicular line  -90          -15
V5     anterior axillary line, level of V4        -130         -15
V6     mid-axillary line, level of V4             -160         -15
RA     right infraclavicular fossa (Mason-Likar)  +130         +150
LA     left infraclavicular fossa (Mason-Likar)   -130         +150
LL     left lower abdomen (Mason-Likar)           -100         -250
=====  =========================================  ===========  ========

(RL, the ground electrode, plays no part in the leads.)  The heart is placed with its
long axis (base -> apex) pointing left, anterior and inferior along ``(-0.6, 0.5, -0.6)``
(RAS, normalised) and its septal direction (LV -> RV) to the right and anterior along
``(0.5, 0.8, 0.1)`` made perpendicular to it; :func:`cardiotwin.geometry.frame.heart_frame`
measures both axes on the mesh, so the electrodes follow the heart whatever the image's
orientation.  ``docs/_static/electrodes.png`` shows the placement on the phantom.

Leads
-----
With Wilson's central terminal ``WCT = (RA + LA + LL) / 3``: I = LA - RA,
II = LL - RA, III = LL - LA, aVR = RA - (LA + LL)/2, aVL = LA - (RA + LL)/2,
aVF = LL - (RA + LA)/2, Vk = Vk - WCT.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError

#: the nine electrodes the leads use
ELECTRODES = ("RA", "LA", "LL", "V1", "V2", "V3", "V4", "V5", "V6")
#: the twelve leads, in the standard order
LEADS = ("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")

_MID_X, _CENTRE_Y, _AX, _AY = 25.0, -40.0, 165.0, 105.0
_LANDMARKS = {  # x offset from the midline (mm, + = right), height z (mm)
    "V1": (25.0, 20.0), "V2": (-25.0, 20.0), "V3": (-57.5, 2.5), "V4": (-90.0, -15.0),
    "V5": (-130.0, -15.0), "V6": (-160.0, -15.0), "RA": (130.0, 150.0),
    "LA": (-130.0, 150.0), "LL": (-100.0, -250.0),
}
#: heart axes in the body (RAS): apex -> base is minus the apex direction
_APEX_DIRECTION_RAS = np.array([-0.6, 0.5, -0.6])
_SEPTAL_RAS = np.array([0.5, 0.8, 0.1])


def torso_electrodes_ras() -> dict[str, npt.NDArray[np.float64]]:
    """The electrodes on the generic torso, RAS (mm) relative to the heart's centre."""
    out = {}
    for name, (dx, z) in _LANDMARKS.items():
        u = dx / _AX
        y = _CENTRE_Y + _AY * np.sqrt(max(0.0, 1.0 - u * u))
        out[name] = np.array([_MID_X + dx, y, z])
    return out


def torso_outline_ras(z_mm: float = 0.0, n: int = 181) -> npt.NDArray[np.float64]:
    """Points (n, 3) of the generic torso's cross-section at height ``z_mm`` (RAS, mm)."""
    a = np.linspace(0.0, 2.0 * np.pi, n)
    return np.stack([_MID_X + _AX * np.cos(a), _CENTRE_Y + _AY * np.sin(a),
                     np.full(n, float(z_mm))], axis=1)


def body_to_mesh(frame: Any) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Rotation ``R`` and centre ``c``: a point ``p`` in body RAS (mm, relative to the
    heart's centre) is at ``c + R @ p`` in the mesh's coordinates.

    ``frame`` is a :class:`~cardiotwin.geometry.frame.HeartFrame`.
    """
    long_b = -_APEX_DIRECTION_RAS / np.linalg.norm(_APEX_DIRECTION_RAS)
    sep_b = _SEPTAL_RAS - (_SEPTAL_RAS @ long_b) * long_b
    sep_b /= np.linalg.norm(sep_b)
    body = np.stack([long_b, sep_b, np.cross(long_b, sep_b)], axis=1)
    heart = np.stack([np.asarray(frame.long_axis), np.asarray(frame.septal_axis),
                      np.asarray(frame.third_axis)], axis=1)
    return heart @ body.T, np.asarray(frame.centre_mm, float)


def standard_electrodes(frame: Any) -> dict[str, tuple[float, float, float]]:
    """The nine electrodes on the generic torso, in mesh coordinates (mm).

    ``frame`` is the :class:`~cardiotwin.geometry.frame.HeartFrame` of the heart
    (:func:`cardiotwin.geometry.frame.heart_frame`).
    """
    R, c = body_to_mesh(frame)
    return {k: tuple(float(v) for v in c + R @ p) for k, p in torso_electrodes_ras().items()}


def read_electrodes(path: str | Path) -> dict[str, tuple[float, float, float]]:
    """Electrode positions from a CSV ``name,x,y,z`` (mm, the image's world coordinates).

    A header line is allowed; names are matched case-insensitively to :data:`ELECTRODES`
    (RL and unknown names are ignored).

    Raises
    ------
    ConfigError
        The file is missing, a row is malformed, or an electrode is missing.
    """
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"electrode file {p} not found")
    canon = {e.upper(): e for e in ELECTRODES}
    out: dict[str, tuple[float, float, float]] = {}
    for k, line in enumerate(p.read_text().splitlines(), start=1):
        parts = [s.strip() for s in line.replace(";", ",").split(",")]
        if len(parts) < 4 or not parts[0] or parts[0].startswith("#"):
            continue
        try:
            xyz = tuple(float(v) for v in parts[1:4])
        except ValueError:
            if k == 1:
                continue  # header
            raise ConfigError(f"{p}:{k}: expected 'name,x,y,z' with numbers, got {line!r}") \
                from None
        name = canon.get(parts[0].upper())
        if name is not None:
            if not all(np.isfinite(xyz)):
                raise ConfigError(f"{p}:{k}: electrode {name} has a non-finite coordinate")
            out[name] = xyz  # type: ignore[assignment]
    return check_electrodes(out, where=str(p))


def check_electrodes(electrodes: Mapping[str, Sequence[float]], *, where: str = "electrodes"
                     ) -> dict[str, tuple[float, float, float]]:
    """Validated copy with exactly the nine electrodes of :data:`ELECTRODES`."""
    missing = [e for e in ELECTRODES if e not in electrodes]
    if missing:
        raise ConfigError(f"{where}: missing electrode(s) {', '.join(missing)}; a 12-lead ECG "
                          f"needs {', '.join(ELECTRODES)}")
    out = {}
    for e in ELECTRODES:
        p = np.asarray(electrodes[e], float)
        if p.shape != (3,) or not np.all(np.isfinite(p)):
            raise ConfigError(f"{where}: electrode {e} = {electrodes[e]!r}: expected x, y, z (mm)")
        out[e] = (float(p[0]), float(p[1]), float(p[2]))
    return out


def twelve_leads(potentials: Mapping[str, npt.ArrayLike]) -> dict[str, npt.NDArray[np.float64]]:
    """The 12 leads (module docstring) from the electrode potentials (same unit, mV)."""
    missing = [e for e in ELECTRODES if e not in potentials]
    if missing:
        raise ConfigError(f"twelve_leads: missing electrode potential(s) {', '.join(missing)}")
    p = {e: np.asarray(potentials[e], float) for e in ELECTRODES}
    ra, la, ll = p["RA"], p["LA"], p["LL"]
    wct = (ra + la + ll) / 3.0
    out = {"I": la - ra, "II": ll - ra, "III": ll - la, "aVR": ra - 0.5 * (la + ll),
           "aVL": la - 0.5 * (ra + ll), "aVF": ll - 0.5 * (ra + la)}
    for k in range(1, 7):
        out[f"V{k}"] = p[f"V{k}"] - wct
    return out


def lead_matrix() -> npt.NDArray[np.float64]:
    """(12, 9) matrix taking the electrode potentials (order :data:`ELECTRODES`) to the
    leads (order :data:`LEADS`)."""
    eye = {e: np.eye(len(ELECTRODES))[i] for i, e in enumerate(ELECTRODES)}
    leads = twelve_leads(eye)
    return np.stack([leads[name] for name in LEADS])
