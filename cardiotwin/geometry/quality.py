"""Tetrahedral mesh quality: dihedral angles, radius ratios, volume against the labels."""

from __future__ import annotations

import logging

import numpy as np

logger = logging.getLogger(__name__)

#: thresholds below which :func:`mesh_quality` warns
MIN_DIHEDRAL_WARN_DEG = 5.0
RADIUS_RATIO_WARN = 0.1
VOLUME_DIFF_WARN = 0.03


def tet_volumes(points: np.ndarray, cells: np.ndarray) -> np.ndarray:
    """Signed volumes of tetrahedra, mm³ (positive for right-handed vertex order)."""
    p = points[cells]
    return np.einsum("ij,ij->i", np.cross(p[:, 1] - p[:, 0], p[:, 2] - p[:, 0]),
                     p[:, 3] - p[:, 0]) / 6.0


def dihedral_angles_deg(points: np.ndarray, cells: np.ndarray) -> np.ndarray:
    """The six interior dihedral angles of each tetrahedron, degrees, shape (m, 6)."""
    p = points[cells]
    faces = [(1, 2, 3), (0, 3, 2), (0, 1, 3), (0, 2, 1)]  # opposite vertex 0..3
    normals = []
    for a, b, c in faces:
        n = np.cross(p[:, b] - p[:, a], p[:, c] - p[:, a])
        normals.append(n / np.linalg.norm(n, axis=1)[:, None])
    out = []
    for i in range(4):
        for j in range(i + 1, 4):
            cos = -np.einsum("ij,ij->i", normals[i], normals[j])
            out.append(np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))))
    return np.stack(out, axis=1)


def radius_ratios(points: np.ndarray, cells: np.ndarray) -> np.ndarray:
    """Normalised radius ratio ``3 r_in / R_circ`` (1 for a regular tetrahedron)."""
    p = points[cells]
    vol = np.abs(tet_volumes(points, cells))
    area = np.zeros(len(cells))
    for a, b, c in [(1, 2, 3), (0, 3, 2), (0, 1, 3), (0, 2, 1)]:
        area += 0.5 * np.linalg.norm(np.cross(p[:, b] - p[:, a], p[:, c] - p[:, a]), axis=1)
    r_in = 3.0 * vol / area
    # circumradius: |a^2 (b x c) + b^2 (c x a) + c^2 (a x b)| / (12 V) with edges from p0
    a, b, c = p[:, 1] - p[:, 0], p[:, 2] - p[:, 0], p[:, 3] - p[:, 0]
    num = ((a * a).sum(1)[:, None] * np.cross(b, c) + (b * b).sum(1)[:, None] * np.cross(c, a)
           + (c * c).sum(1)[:, None] * np.cross(a, b))
    r_circ = np.linalg.norm(num, axis=1) / (12.0 * vol)
    return 3.0 * r_in / r_circ


def mesh_quality(points: np.ndarray, cells: np.ndarray, *,
                 label_volume_mm3: float | None = None) -> dict:
    """Quality figures of a tetrahedral mesh, with warnings when it is poor.

    Parameters
    ----------
    points, cells
        Vertex coordinates (mm) and tetrahedra.
    label_volume_mm3
        Volume of the labelled region the mesh represents, mm³ (for ``volume_rel_diff``).

    Returns
    -------
    dict
        ``cells``, ``vertices``, ``min_dihedral_deg``, ``mean_dihedral_deg``,
        ``radius_ratio_hist`` (counts in ten bins of width 0.1 over [0, 1]),
        ``min_radius_ratio``, ``volume_mm3``, ``label_volume_mm3``, ``volume_rel_diff``
        (mesh / labels - 1), ``mean_edge_mm`` and ``warnings`` (list of strings).
    """
    dih = dihedral_angles_deg(points, cells)
    rr = radius_ratios(points, cells)
    vol = float(np.abs(tet_volumes(points, cells)).sum())
    edges = np.concatenate([points[cells[:, i]] - points[cells[:, j]]
                            for i in range(4) for j in range(i + 1, 4)])
    hist, _ = np.histogram(rr, bins=10, range=(0.0, 1.0))
    out = {
        "cells": len(cells), "vertices": len(np.unique(cells)),
        "min_dihedral_deg": float(dih.min()), "mean_dihedral_deg": float(dih.mean()),
        "max_dihedral_deg": float(dih.max()),
        "radius_ratio_hist": hist.tolist(), "min_radius_ratio": float(rr.min()),
        "volume_mm3": vol, "mean_edge_mm": float(np.linalg.norm(edges, axis=1).mean()),
    }
    warnings = []
    if out["min_dihedral_deg"] < MIN_DIHEDRAL_WARN_DEG:
        warnings.append(f"smallest dihedral angle {out['min_dihedral_deg']:.1f} deg < "
                        f"{MIN_DIHEDRAL_WARN_DEG} deg (slivers)")
    bad = int((rr < RADIUS_RATIO_WARN).sum())
    if bad:
        warnings.append(f"{bad} tetrahedra with radius ratio < {RADIUS_RATIO_WARN}")
    if label_volume_mm3:
        out["label_volume_mm3"] = float(label_volume_mm3)
        out["volume_rel_diff"] = vol / float(label_volume_mm3) - 1.0
        if abs(out["volume_rel_diff"]) > VOLUME_DIFF_WARN:
            warnings.append(f"mesh volume differs from the labels by "
                            f"{100 * out['volume_rel_diff']:+.1f} %")
    for w in warnings:
        logger.warning("mesh quality: %s", w)
    out["warnings"] = warnings
    return out
