"""The 12 leads from the electrode potentials, and the electrodes on the generic torso."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.ep.electrodes import (
    ELECTRODES,
    LEADS,
    body_to_mesh,
    lead_matrix,
    read_electrodes,
    standard_electrodes,
    torso_electrodes_ras,
    twelve_leads,
)
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.frame import HeartFrame


def test_einthoven_and_goldberger_identities():
    rng = np.random.default_rng(1)
    pot = {e: rng.normal(size=50) for e in ELECTRODES}
    L = twelve_leads(pot)
    np.testing.assert_allclose(L["I"] + L["III"], L["II"], atol=1e-12)       # Einthoven
    np.testing.assert_allclose(L["aVR"] + L["aVL"] + L["aVF"], 0.0, atol=1e-12)
    wct = (pot["RA"] + pot["LA"] + pot["LL"]) / 3
    np.testing.assert_allclose(L["V3"], pot["V3"] - wct)
    M = lead_matrix()
    stacked = M @ np.stack([pot[e] for e in ELECTRODES])
    np.testing.assert_allclose(stacked, np.stack([L[k] for k in LEADS]))
    # a potential common to every electrode changes no lead
    np.testing.assert_allclose(M.sum(axis=1), 0.0, atol=1e-12)


def _body_frame(rotation: np.ndarray, centre: np.ndarray) -> HeartFrame:
    """The heart frame of a heart placed as the generic torso assumes, then rotated."""
    apex = np.array([-0.6, 0.5, -0.6])
    long = -apex / np.linalg.norm(apex)
    sep = np.array([0.5, 0.8, 0.1])
    sep = sep - (sep @ long) * long
    sep /= np.linalg.norm(sep)
    return HeartFrame(tuple(centre), tuple(rotation @ long), tuple(rotation @ sep))


def test_electrodes_follow_the_heart_axes():
    ras = torso_electrodes_ras()
    frame = _body_frame(np.eye(3), np.zeros(3))
    el = standard_electrodes(frame)
    for k, p in ras.items():
        np.testing.assert_allclose(el[k], p, atol=1e-9)
    # V1 is on the patient's right of V2, V6 furthest left, RA/LA above the heart
    assert el["V1"][0] > el["V2"][0] > el["V4"][0] > el["V6"][0]
    assert el["RA"][2] > 100 and el["LA"][2] > 100 and el["LL"][2] < -100
    # an image in another orientation: the electrodes rotate and move with the heart
    q, _ = np.linalg.qr(np.random.default_rng(3).normal(size=(3, 3)))
    if np.linalg.det(q) < 0:
        q[:, 0] *= -1
    c = np.array([10.0, -20.0, 30.0])
    el2 = standard_electrodes(_body_frame(q, c))
    for k, p in ras.items():
        np.testing.assert_allclose(el2[k], c + q @ p, atol=1e-9)
    R, cc = body_to_mesh(_body_frame(q, c))
    np.testing.assert_allclose(R, q, atol=1e-12)
    np.testing.assert_allclose(cc, c)


def test_read_electrodes(tmp_path):
    f = tmp_path / "el.csv"
    rows = ["name,x,y,z"] + [f"{e.lower()},{i},{2 * i},{3 * i}" for i, e in
                             enumerate(ELECTRODES)] + ["RL,0,0,0"]
    f.write_text("\n".join(rows))
    el = read_electrodes(f)
    assert list(el) == list(ELECTRODES)
    assert el["V1"] == (3.0, 6.0, 9.0)
    f.write_text("\n".join(rows[:-2]))
    with pytest.raises(ConfigError, match=r"missing electrode.*V6"):
        read_electrodes(f)
