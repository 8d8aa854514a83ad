"""A small analytic left-ventricle shell (truncated prolate ellipsoid) for fast twin tests.

Built from a structured (transmural x apicobasal x circumferential) grid of hexahedra split
into six tetrahedra each, with analytic coordinates and fibres (helix angle +60 deg at the
endocardium to -60 deg at the epicardium).  No dolfinx.
"""

from __future__ import annotations

import numpy as np

from cardiotwin.ep.eikonal import EikonalMesh
from cardiotwin.twin.forward import HeartAxes


def shell_mesh(n_tm: int = 3, n_ab: int = 10, n_circ: int = 20, *, r_endo: float = 20.0,
               r_epi: float = 30.0, length: float = 60.0) -> tuple[EikonalMesh, HeartAxes]:
    """A closed-apex-free LV shell (mm): vertices on an ellipsoid family, base at z = 0."""
    tm = np.linspace(0.0, 1.0, n_tm + 1)
    ab = np.linspace(0.15, 1.0, n_ab + 1)       # truncated near the apex (no singular axis)
    ph = np.linspace(-np.pi, np.pi, n_circ, endpoint=False)
    T, A, P = np.meshgrid(tm, ab, ph, indexing="ij")
    r = r_endo + (r_epi - r_endo) * T
    h = length * (1.0 + 0.15 * T)
    theta = np.arccos(1.0 - A)                    # polar angle from the apex
    z = -h * np.cos(theta) + 0.0
    rad = r * np.sin(theta)
    X = np.stack([rad * np.cos(P), rad * np.sin(P), z], axis=-1).reshape(-1, 3)
    idx = np.arange(X.shape[0]).reshape(T.shape)
    tets = []
    for i in range(n_tm):
        for j in range(n_ab):
            for k in range(n_circ):
                k1 = (k + 1) % n_circ
                c = [idx[i, j, k], idx[i + 1, j, k], idx[i + 1, j + 1, k], idx[i, j + 1, k],
                     idx[i, j, k1], idx[i + 1, j, k1], idx[i + 1, j + 1, k1], idx[i, j + 1, k1]]
                for a, b, cc, d in ((0, 1, 2, 6), (0, 2, 3, 6), (0, 3, 7, 6), (0, 7, 4, 6),
                                    (0, 4, 5, 6), (0, 5, 1, 6)):
                    tets.append([c[a], c[b], c[cc], c[d]])
    tets = np.array(tets, np.int64)
    tmv, abv, phv = T.ravel(), A.ravel(), P.ravel()
    # fibres: circumferential direction rotated about the wall normal by the helix angle
    circ = np.stack([-np.sin(phv), np.cos(phv), 0 * phv], axis=1)
    longi = np.stack([np.cos(phv) * 0.0, 0 * phv, np.ones_like(phv)], axis=1)
    alpha = np.deg2rad(60.0 - 120.0 * tmv)
    f_v = np.cos(alpha)[:, None] * circ + np.sin(alpha)[:, None] * longi
    normal = np.stack([np.cos(phv), np.sin(phv), 0 * phv], axis=1)
    f = f_v[tets].mean(axis=1)
    s = normal[tets].mean(axis=1)
    inner = tmv == 0.0
    layer = inner[tets].sum(axis=1) >= 3
    mesh = EikonalMesh(X, tets.astype(np.int32), f, s, layer,
                       coordinates={"transmural": tmv, "apicobasal": abv},
                       endo_vertices={"lv": np.nonzero(inner)[0]})
    axes = HeartAxes((0.0, 0.0, -length / 2), (0.0, 0.0, 1.0), (1.0, 0.0, 0.0))
    return mesh, axes


def shell_electrodes() -> dict[str, tuple[float, float, float]]:
    """Nine electrodes around the shell (mm), well outside it."""
    return {"RA": (-150.0, 60.0, 120.0), "LA": (150.0, 60.0, 120.0),
            "LL": (60.0, 0.0, -250.0), "V1": (-20.0, 70.0, -20.0), "V2": (10.0, 75.0, -20.0),
            "V3": (40.0, 70.0, -30.0), "V4": (65.0, 55.0, -35.0), "V5": (80.0, 25.0, -35.0),
            "V6": (85.0, -5.0, -35.0)}
