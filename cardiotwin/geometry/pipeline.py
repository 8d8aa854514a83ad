"""The whole geometry pipeline: label image -> tagged mesh -> fibres -> files + report."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import CardiotwinError
from cardiotwin.geometry.fibres import FibreAngles, helix_angles_deg
from cardiotwin.geometry.labels import PHANTOM_LABELS, LabelMap

logger = logging.getLogger(__name__)


def vertex_normals(points: np.ndarray, facets: np.ndarray, values: np.ndarray,
                   tag: int) -> tuple[np.ndarray, np.ndarray]:
    """Vertices of the facets tagged ``tag`` and their area-weighted outward normals."""
    f = facets[values == tag]
    n = np.cross(points[f[:, 1]] - points[f[:, 0]], points[f[:, 2]] - points[f[:, 0]])
    acc = np.zeros((len(points), 3))
    for k in range(3):
        np.add.at(acc, f[:, k], n)
    verts = np.unique(f)
    nv = acc[verts]
    return verts, nv / np.linalg.norm(nv, axis=1)[:, None]


def helix_statistics(tetmesh, data: dict, *, angles: FibreAngles | None = None,
                     band: tuple[float, float] = (0.2, 0.8)) -> dict:
    """Helix angles of the fibres on the LV endocardium and the LV epicardium.

    Measured in a frame independent of the Laplace solutions: the outward surface normal
    and the mesh's long axis (``e_c = e_l x e_t``, see
    :func:`~cardiotwin.geometry.fibres.helix_angles_deg`), at the surface vertices in the
    band ``band`` of the apicobasal coordinate. The LV epicardium is the part of the
    epicardium whose nearest endocardial vertex is on the LV (the RV free wall has no
    meaningful angle to the LV long axis). A fibre is a line, so each angle is taken as
    its deviation from the requested one wrapped into [-90, 90) deg before the median and
    the 5/95th percentiles are formed (the median of raw angles in (-90, 90] would count
    a fibre at +95 deg as -85 deg).

    Returns
    -------
    dict
        ``helix_endo_deg``, ``helix_epi_deg`` (medians), ``helix_*_p5_p95_deg``,
        ``helix_*_mean_abs_dev_deg`` and ``helix_*_vertices``.
    """
    from scipy.spatial import cKDTree

    angles = angles or FibreAngles()
    ids = tetmesh.facet_tag_ids
    if "lv-endocardium" not in ids or "epicardium" not in ids:
        return {}
    pts, facets, values = tetmesh.points, tetmesh.facets, tetmesh.facet_values
    endo, n_endo = vertex_normals(pts, facets, values, ids["lv-endocardium"])
    epi, n_epi = vertex_normals(pts, facets, values, ids["epicardium"])
    if "rv-endocardium" in ids:
        rv, _ = vertex_normals(pts, facets, values, ids["rv-endocardium"])
        both = np.concatenate([endo, rv])
        _, k = cKDTree(pts[both]).query(pts[epi])
        lv_side = k < len(endo)
        epi, n_epi = epi[lv_side], n_epi[lv_side]
    out = {}
    for key, verts, normals, want in (("endo", endo, -n_endo, angles.helix_endo_deg),
                                      ("epi", epi, n_epi, angles.helix_epi_deg)):
        ab = data["apicobasal"][verts]
        sel = (ab >= band[0]) & (ab <= band[1])
        if not sel.any():
            continue
        ang = helix_angles_deg(data["f0"][verts[sel]], normals[sel], tetmesh.long_axis)
        dev = (ang - want + 90.0) % 180.0 - 90.0
        out[f"helix_{key}_deg"] = float(want + np.median(dev))
        out[f"helix_{key}_p5_p95_deg"] = [float(want + np.percentile(dev, 5)),
                                          float(want + np.percentile(dev, 95))]
        out[f"helix_{key}_mean_abs_dev_deg"] = float(np.mean(np.abs(dev)))
        out[f"helix_{key}_vertices"] = int(sel.sum())
    return out


def build_geometry(label_path: str | Path, outdir: str | Path,
                   labels: LabelMap = PHANTOM_LABELS, *, edge_length_mm: float = 1.0,
                   rv_wall_mm: float = 3.0, angles: FibreAngles | None = None,
                   comm=None, vtu: bool = True) -> dict:
    """Label image file -> tetrahedral mesh, tags, LDRB fibres, coordinates, files.

    The image is read and meshed on rank 0 (errors are raised on every rank); the mesh is
    then distributed, fibres are computed in parallel and the folder of
    :func:`~cardiotwin.geometry.io.write_geometry` is written.

    Parameters
    ----------
    label_path
        Label image (see :func:`~cardiotwin.geometry.image.read_label_image`).
    outdir
        Output folder (created).
    labels
        Label roles (default: the phantom's codes).
    edge_length_mm
        Target tetrahedron edge length, mm.
    rv_wall_mm
        Thickness of a synthetic RV free wall, mm (used when there is no RV myocardium).
    angles
        Fibre angles (default +60/-60 deg helix).
    comm
        MPI communicator (default ``MPI.COMM_WORLD``).

    Returns
    -------
    dict
        The report: ``cells``, ``vertices``, ``min_dihedral_deg``, ``mean_dihedral_deg``,
        ``radius_ratio_hist``, ``volume_rel_diff``, ``boundary_tags``, ``cell_tags``,
        ``helix_endo_deg``, ``helix_epi_deg``, ``files``, ``wall_s`` and more.
    """
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    from cardiotwin.geometry.fibres import ldrb_fibres
    from cardiotwin.geometry.image import read_label_image
    from cardiotwin.geometry.io import to_dolfinx, vertex_data_by_input, write_geometry
    from cardiotwin.geometry.meshing import mesh_from_labels
    from cardiotwin.geometry.quality import mesh_quality

    comm = comm or MPI.COMM_WORLD
    angles = angles or FibreAngles()
    t0 = time.perf_counter()
    tetmesh, error, quality = None, None, None
    if comm.rank == 0:
        try:
            image = read_label_image(label_path)
            tetmesh = mesh_from_labels(image, labels, edge_length_mm, rv_wall_mm=rv_wall_mm)
            quality = mesh_quality(tetmesh.points, tetmesh.cells,
                                   label_volume_mm3=tetmesh.label_volume_mm3)
        except CardiotwinError as exc:
            error = exc
    error = comm.bcast(error, root=0)
    if error is not None:
        raise error
    t_mesh = time.perf_counter()
    mesh, cell_tags, facet_tags = to_dolfinx(tetmesh, comm)
    ids = comm.bcast(tetmesh.facet_tag_ids if comm.rank == 0 else None, root=0)
    cids = comm.bcast(tetmesh.cell_tag_ids if comm.rank == 0 else None, root=0)
    fibres = ldrb_fibres(mesh, facet_tags, tag_ids=ids, angles=angles)
    t_fibres = time.perf_counter()
    data = vertex_data_by_input(mesh, fibres)
    report = None
    if comm.rank == 0:
        report = {
            "source": str(label_path), "labels": labels.as_dict(),
            "edge_length_mm": float(edge_length_mm), **quality,
            "boundary_tags": ids, "cell_tags": cids,
            "cell_tag_counts": {k: int((tetmesh.cell_values == v).sum())
                                for k, v in cids.items()},
            "facet_tag_counts": {k: int((tetmesh.facet_values == v).sum())
                                 for k, v in ids.items()},
            "long_axis": tetmesh.long_axis.tolist(), "apex_mm": tetmesh.apex_mm.tolist(),
            "base_level_mm": tetmesh.base_level_mm,
            "requested_helix_deg": [angles.helix_endo_deg, angles.helix_epi_deg],
            **helix_statistics(tetmesh, data, angles=angles),
            "mesh_s": t_mesh - t0, "fibres_s": t_fibres - t_mesh, **tetmesh.info,
            "mpi_ranks": comm.size,
        }
    report = comm.bcast(report, root=0)
    files = write_geometry(outdir, mesh, cell_tags, facet_tags, fibres, cell_tag_ids=cids,
                           facet_tag_ids=ids, report=report, vtu=vtu)
    report["files"] = files
    report["wall_s"] = time.perf_counter() - t0
    if comm.rank == 0:  # final report with the files and the total time
        import json

        meta_path = Path(files["meta"])
        meta = json.loads(meta_path.read_text())
        meta["report"] = report
        meta_path.write_text(json.dumps(meta, indent=2, default=float))
    comm.Barrier()
    return report


def mesh_labels(label_path: str | Path, outdir: str | Path,
                labels: LabelMap | str = PHANTOM_LABELS, *, edge_length_mm: float = 1.0,
                rv_wall_mm: float = 3.0, angles: FibreAngles | None = None,
                comm=None) -> Any:
    """Label image -> geometry folder ``outdir`` -> the loaded :class:`Geometry`.

    :func:`build_geometry` followed by :func:`~cardiotwin.geometry.io.load_geometry`;
    ``labels`` may be a :class:`LabelMap` or its text form (``"lv-myocardium=1,
    lv-blood=3,rv-blood=5"``).  The build report is in ``geometry.report``.  Collective.
    """
    from cardiotwin.geometry.io import load_geometry

    if isinstance(labels, str):
        labels = LabelMap.parse(labels)
    build_geometry(label_path, outdir, labels, edge_length_mm=edge_length_mm,
                   rv_wall_mm=rv_wall_mm, angles=angles, comm=comm)
    return load_geometry(outdir, comm)


def build_atrial_geometry(label_path: str | Path, outdir: str | Path, labels: LabelMap, *,
                          options: Any = None, landmarks: dict | None = None, comm=None,
                          vtu: bool = True) -> dict:
    """Label image file -> atrial surfaces, landmarks, coordinates, fibres, files, report.

    The image is read and meshed on rank 0 (:func:`~cardiotwin.geometry.atria.
    atrial_mesh_from_labels`; errors are raised on every rank); the surface mesh is then
    distributed and the folder of :func:`~cardiotwin.geometry.io.write_geometry` written,
    with the atrial coordinates (``atrium``, ``la-alpha``...) beside the fibres and the
    landmarks and inter-atrial links in ``geometry.json``.

    Parameters
    ----------
    label_path
        Label image (see :func:`~cardiotwin.geometry.image.read_label_image`).
    outdir
        Output folder (created).
    labels
        Label roles with ``la-blood`` and/or ``ra-blood``.
    options
        :class:`~cardiotwin.geometry.atria.AtrialOptions`.
    landmarks
        Landmarks given by the user, name -> :class:`~cardiotwin.geometry.atria.Landmark`.
    comm
        MPI communicator (default ``MPI.COMM_WORLD``).

    Returns
    -------
    dict
        The report: ``vertices``, ``cells``, ``wall_model``, ``landmarks`` (with their
        source), ``landmarks_found``, ``links``, ``cell_tags``, ``boundary_tags``,
        ``files``, ``wall_s`` and per-atrium details.
    """
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    from cardiotwin.geometry.atria import AtrialOptions, atrial_mesh_from_labels
    from cardiotwin.geometry.fibres import Fibres
    from cardiotwin.geometry.image import read_label_image
    from cardiotwin.geometry.io import point_functions, to_dolfinx, write_geometry

    comm = comm or MPI.COMM_WORLD
    options = options or AtrialOptions()
    t0 = time.perf_counter()
    amesh, error = None, None
    if comm.rank == 0:
        try:
            amesh = atrial_mesh_from_labels(read_label_image(label_path), labels,
                                            options=options, landmarks=landmarks)
        except CardiotwinError as exc:
            error = exc
    error = comm.bcast(error, root=0)
    if error is not None:
        raise error
    mesh, cell_tags, facet_tags = to_dolfinx(amesh, comm)
    head = None
    if comm.rank == 0:
        normals = amesh.normals
        sheet = np.cross(normals, amesh.fibres)
        arrays = {"f0": amesh.fibres, "s0": sheet, "n0": normals, **amesh.coordinates}
        head = (amesh.cell_tag_ids, amesh.edge_tag_ids, sorted(amesh.coordinates),
                amesh.links)
    cids, eids, coord_names, links = comm.bcast(head, root=0)
    names = {"f0": 3, "s0": 3, "n0": 3, **dict.fromkeys(coord_names, 1)}
    funcs = point_functions(mesh, arrays if comm.rank == 0 else None, names)
    fibres = Fibres(funcs["f0"], funcs["s0"], funcs["n0"])
    coords = {k: funcs[k] for k in coord_names}
    report = None
    if comm.rank == 0:
        found = [n for a in ("la", "ra") if a in amesh.info
                 for n in amesh.info[a]["landmarks_found"]]
        report = {
            "source": str(label_path), "labels": labels.as_dict(),
            "wall_model": "surface",
            "wall_model_detail": "endocardial surface, triangles in 3-D (monodomain on the "
                                 "manifold)",
            "edge_length_mm": options.edge_length_mm, "vein_sleeve_mm": options.vein_sleeve_mm,
            "vertices": len(amesh.points), "cells": len(amesh.triangles),
            "cell_tags": cids, "boundary_tags": eids,
            "cell_tag_counts": {k: int((amesh.cell_values == v).sum()) for k, v in cids.items()},
            "landmarks": {k: v.as_dict() for k, v in sorted(amesh.landmarks.items())},
            "landmarks_found": sorted(found),
            "links": len(amesh.links), **amesh.info, "mpi_ranks": comm.size,
        }
    report = comm.bcast(report, root=0)
    files = write_geometry(outdir, mesh, cell_tags, facet_tags, fibres, cell_tag_ids=cids,
                           facet_tag_ids=eids, report=report, vtu=vtu, coordinates=coords,
                           links=links)
    report["files"] = files
    report["folder"] = str(outdir)
    report["wall_s"] = time.perf_counter() - t0
    if comm.rank == 0:
        import json

        meta_path = Path(files["meta"])
        meta = json.loads(meta_path.read_text())
        meta["report"] = report
        meta_path.write_text(json.dumps(meta, indent=2, default=float))
    comm.Barrier()
    return report
