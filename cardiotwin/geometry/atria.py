"""Atrial wall model from CT labels: endocardial surfaces, landmarks, coordinates, fibres.

Pipeline of :func:`atrial_mesh_from_labels` (rank 0, NumPy/SciPy; the mesh is distributed
afterwards):

1. the blood pools of the left and right atrium (``la-blood``, ``ra-blood``) and, for each,
   the contact with its ventricle: the valve (``lv-blood``/``rv-blood`` when mapped, else
   the other label with the largest contact);
2. landmarks: the veins and appendage are the protrusions of the blood pool, what a
   morphological opening with a ball wider than a vein (:attr:`AtrialOptions.
   vein_radius_mm`) removes; they are named from the anatomy (appendage: the most
   anterior; pulmonary veins: right = nearer the other atrium, superior = higher in the
   patient (RAS +z); venae cavae: superior = the one whose axis points most upwards).
   Landmarks given by
   the user replace found ones;
3. a smooth implicit surface of each pool (Gaussian-smoothed indicator) capped by planes at
   the valve and at each vein, ``vein_sleeve_mm`` beyond its ostium; marching cubes; the
   caps are removed, leaving an open surface whose boundary curves are the valve ring and
   the vein ends;
4. MMGS remeshes each surface isotropically at the edge length;
5. universal atrial coordinates (:mod:`cardiotwin.geometry.uac`), rule-based fibres and
   bundles (see :func:`_fibres_and_bundles`), and discrete inter-atrial connections
   (Bachmann's bundle, fossa ovalis, coronary sinus: :class:`Link`).

Wall model
----------
The wall is the **endocardial surface** (triangles in 3-D) carrying a monodomain model on
the manifold: the atrial wall is 1-3 mm thick, thinner than the few elements a volumetric
shell needs across it, and activation in such thin walls is essentially two-dimensional;
surface models are the usual choice of atrial fibrillation studies (e.g. Roney et al.
2016, 2019; Labarthe et al. 2014 for bilayers).  A volumetric shell is not built.
Transmural effects (endo-epi dissociation) are therefore out of reach of this model.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cardiotwin._checks import positive
from cardiotwin.exceptions import ConfigError, MeshError
from cardiotwin.geometry import uac
from cardiotwin.geometry.image import LabelImage
from cardiotwin.geometry.labels import ATRIAL_CELL_TAG_IDS, ATRIAL_FACET_TAG_IDS, LabelMap

logger = logging.getLogger(__name__)

#: Vertex value of the ``atrium`` coordinate.
ATRIUM_IDS = {"la": 0, "ra": 1}
#: Openings (valve first) and appendage of each atrium.
OPENINGS = {"la": ("mitral-valve", "lspv", "lipv", "rspv", "ripv"),
            "ra": ("tricuspid-valve", "svc", "ivc")}
APPENDAGES = {"la": "laa", "ra": "raa"}
#: Every landmark name a user may give.
LANDMARK_NAMES = (*OPENINGS["la"], "laa", *OPENINGS["ra"], "raa")


@dataclass(frozen=True)
class Landmark:
    """An anatomical landmark (mm).

    Openings (valves, veins) have a ``direction`` (out of the atrium, along the vessel or
    through the valve) and a ``radius_mm``; appendages have their direction (from the
    ostium to the tip).  ``source`` is ``"auto"`` (found) or ``"user"`` (given).
    """

    name: str
    centre_mm: tuple[float, float, float]
    direction: tuple[float, float, float] | None = None
    radius_mm: float | None = None
    source: str = "auto"

    def __post_init__(self) -> None:
        if self.name not in LANDMARK_NAMES:
            raise ConfigError(f"landmark {self.name!r}: expected one of "
                              f"{', '.join(LANDMARK_NAMES)}")
        c = np.asarray(self.centre_mm, float).ravel()
        if c.size != 3 or not np.all(np.isfinite(c)):
            raise ConfigError(f"landmark {self.name}: centre_mm = {self.centre_mm!r}, "
                              "expected three finite numbers (mm)")
        object.__setattr__(self, "centre_mm", tuple(map(float, c)))
        if self.direction is not None:
            d = np.asarray(self.direction, float).ravel()
            if d.size != 3 or not np.linalg.norm(d) > 0:
                raise ConfigError(f"landmark {self.name}: direction {self.direction!r} is "
                                  "not a non-zero 3-vector")
            object.__setattr__(self, "direction", tuple(map(float, d / np.linalg.norm(d))))
        if self.radius_mm is not None:
            object.__setattr__(self, "radius_mm",
                               positive(f"landmark {self.name}: radius_mm", self.radius_mm))

    def as_dict(self) -> dict[str, Any]:
        return {"centre_mm": list(self.centre_mm),
                "direction": None if self.direction is None else list(self.direction),
                "radius_mm": self.radius_mm, "source": self.source}


@dataclass(frozen=True)
class Link:
    """A discrete resistive connection between two surface points (mm).

    ``conductance_S_per_m`` is the link's contribution to the (2-D) stiffness, in the units
    of a conductivity: a strand of conductivity sigma, width w and length L between the
    two points gives ``sigma w / L`` (see :mod:`cardiotwin.ep.monodomain`).  Used for the
    inter-atrial connections of a surface model (the "linear elements" of bilayer models,
    Labarthe et al. 2014, Europace 16:iv82).
    """

    a_mm: tuple[float, float, float]
    b_mm: tuple[float, float, float]
    conductance_S_per_m: float
    bridge: str = ""

    def __post_init__(self) -> None:
        for name in ("a_mm", "b_mm"):
            v = np.asarray(getattr(self, name), float).ravel()
            if v.size != 3 or not np.all(np.isfinite(v)):
                raise ConfigError(f"Link.{name} = {getattr(self, name)!r}: expected three "
                                  "finite numbers (mm)")
            object.__setattr__(self, name, tuple(map(float, v)))
        object.__setattr__(self, "conductance_S_per_m",
                           positive("Link.conductance_S_per_m", self.conductance_S_per_m))

    def as_dict(self) -> dict[str, Any]:
        return {"a_mm": list(self.a_mm), "b_mm": list(self.b_mm),
                "conductance_S_per_m": self.conductance_S_per_m, "bridge": self.bridge}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Link:
        return cls(tuple(d["a_mm"]), tuple(d["b_mm"]), float(d["conductance_S_per_m"]),
                   str(d.get("bridge", "")))


@dataclass(frozen=True)
class AtrialOptions:
    """Settings of :func:`atrial_mesh_from_labels` (lengths in mm, conductivities S/m).

    Parameters
    ----------
    edge_length_mm
        Target edge length of the surface triangles.
    vein_sleeve_mm
        Length of the vein sleeves kept beyond each ostium.
    vein_radius_mm
        Radius of the opening ball that separates veins and appendages (protrusions
        thinner than about twice it) from the atrial body; one value for the LA, one for
        the RA (whose venae cavae are wider).
    smoothing_mm
        Standard deviation of the Gaussian smoothing the blood-pool indicator (default:
        the largest voxel size).
    bridge_width_mm
        Width of each inter-atrial connection (Bachmann's bundle, fossa ovalis, coronary
        sinus).
    bridge_conductivity
        Conductivity (S/m) of the inter-atrial strands.
    bundle_width_mm
        Widths of Bachmann's bundle and of the crista terminalis bands on the surfaces.
    """

    edge_length_mm: float = 1.5
    vein_sleeve_mm: float = 8.0
    vein_radius_mm: tuple[float, float] = (8.0, 10.0)
    smoothing_mm: float | None = None
    bridge_width_mm: tuple[float, float, float] = (8.0, 4.0, 4.0)
    bridge_conductivity: float = 1.0
    bundle_width_mm: tuple[float, float] = (8.0, 6.0)

    def __post_init__(self) -> None:
        positive("AtrialOptions.edge_length_mm", self.edge_length_mm)
        positive("AtrialOptions.vein_sleeve_mm", self.vein_sleeve_mm, allow_zero=True)
        for name in ("vein_radius_mm", "bridge_width_mm", "bundle_width_mm"):
            vals = tuple(getattr(self, name))
            for i, v in enumerate(vals):
                positive(f"AtrialOptions.{name}[{i}]", v)
            object.__setattr__(self, name, tuple(float(v) for v in vals))
        if self.smoothing_mm is not None:
            positive("AtrialOptions.smoothing_mm", self.smoothing_mm)
        positive("AtrialOptions.bridge_conductivity", self.bridge_conductivity)


@dataclass(frozen=True)
class AtrialMesh:
    """A tagged triangulated atrial surface (arrays in input order, mm).

    Attributes
    ----------
    points, triangles
        Vertices ``(n, 3)`` and triangles ``(m, 3)`` (outward normals: away from the blood).
    cell_values, cell_tag_ids
        Tag of each triangle (:data:`~cardiotwin.geometry.labels.ATRIAL_CELL_TAG_IDS`).
    edges, edge_values, edge_tag_ids
        Boundary edges (vertex pairs) and their tags (valve rings and vein ends).
    fibres, normals
        Unit fibre direction (tangent) and surface normal at each vertex.
    coordinates
        Vertex fields: ``atrium`` (0 LA, 1 RA) and the atrial coordinates
        ``la-alpha``... (NaN on the other atrium).
    landmarks, links
        Landmarks by name; inter-atrial connections.
    info
        Timings, counts and the coordinate scales (for the report).
    """

    points: np.ndarray
    triangles: np.ndarray
    cell_values: np.ndarray
    edges: np.ndarray
    edge_values: np.ndarray
    fibres: np.ndarray
    normals: np.ndarray
    coordinates: dict[str, np.ndarray]
    landmarks: dict[str, Landmark]
    links: tuple[Link, ...]
    cell_tag_ids: dict[str, int] = field(default_factory=dict)
    edge_tag_ids: dict[str, int] = field(default_factory=dict)
    info: dict = field(default_factory=dict)

    # the names :func:`cardiotwin.geometry.io.to_dolfinx` reads
    @property
    def cells(self) -> np.ndarray:
        return self.triangles

    @property
    def facets(self) -> np.ndarray:
        return self.edges

    @property
    def facet_values(self) -> np.ndarray:
        return self.edge_values


# --------------------------------------------------------------------------- landmarks
@dataclass
class _Protrusion:
    label: int
    volume_mm3: float
    ostium: np.ndarray
    axis: np.ndarray
    radius: float
    tip: np.ndarray
    centroid: np.ndarray


def _opening_by_distance(mask: np.ndarray, spacing: np.ndarray, radius: float) -> np.ndarray:
    """Morphological opening with a ball of ``radius`` mm, by two distance transforms."""
    from scipy import ndimage

    core = ndimage.distance_transform_edt(mask, sampling=spacing) > radius
    if not core.any():
        return core
    return ndimage.distance_transform_edt(~core, sampling=spacing) <= radius


def _protrusions(mask: np.ndarray, sub: LabelImage, radius: float, valve: np.ndarray
                 ) -> tuple[list[_Protrusion], np.ndarray, np.ndarray]:
    """Parts of ``mask`` an opening of ``radius`` removes (veins, appendage), except those
    touching the valve; and the label volume (0 body, k protrusion k) and the body."""
    from scipy import ndimage

    spacing = np.asarray(sub.spacing_mm)
    body = _opening_by_distance(mask, spacing, radius) & mask
    lab, n = ndimage.label(body)
    if n == 0:
        raise MeshError(f"{sub.source or 'label image'}: the atrial blood pool has no part "
                        f"wider than {2 * radius:g} mm; is this an atrium? (lower "
                        "AtrialOptions.vein_radius_mm)")
    body = lab == (1 + int(np.argmax(np.bincount(lab.ravel())[1:])))
    near_body = ndimage.distance_transform_edt(~body, sampling=spacing)
    rest = mask & (near_body > 1.01 * spacing.max())
    lab, n = ndimage.label(rest)
    inner = ndimage.distance_transform_edt(mask, sampling=spacing)
    valve_near = ndimage.distance_transform_edt(~valve, sampling=spacing) <= 2.0 * spacing.max() \
        if valve.any() else np.zeros_like(valve)
    parts = np.zeros(mask.shape, dtype=np.int16)
    out = []
    min_volume = np.pi * 2.5 ** 2 * 4.0
    for k in range(1, n + 1):
        comp = lab == k
        vol = float(comp.sum() * np.prod(spacing))
        if vol < min_volume or (comp & valve_near).any():
            continue
        idx = np.argwhere(comp)
        x = sub.index_to_world(idx)
        d_body = near_body[comp]
        neck = d_body <= d_body.min() + 1.5 * spacing.max()
        ostium = x[neck].mean(axis=0)
        centroid = x.mean(axis=0)
        axis = centroid - ostium
        if np.linalg.norm(axis) < 1e-6:
            continue
        axis /= np.linalg.norm(axis)
        tip = x[np.argmax((x - ostium) @ axis)]
        length = float((tip - ostium) @ axis)
        if length < 3.0:
            continue
        r = float(np.percentile(inner[comp], 95))
        parts[comp] = len(out) + 1
        out.append(_Protrusion(len(out) + 1, vol, ostium, axis, r, tip, centroid))
    return out, parts, body


def _valve_mask(data: np.ndarray, pool: np.ndarray, own: int, other_atrium: int | None,
                ventricle: int | None) -> tuple[np.ndarray, int | None]:
    """Voxels of the pool face-adjacent to its ventricle (or to the label it touches most)."""
    from cardiotwin.geometry.meshing import _shift

    counts: dict[int, int] = {}
    contact_of: dict[int, np.ndarray] = {}
    for axis in range(3):
        for step in (-1, 1):
            nb = _shift(data, axis, step)
            touch = pool & (nb != own) & (nb != 0)
            if not touch.any():
                continue
            vals, cnt = np.unique(nb[touch], return_counts=True)
            for v, c in zip(vals, cnt, strict=True):
                v = int(v)
                if v == other_atrium:
                    continue
                counts[v] = counts.get(v, 0) + int(c)
                m = contact_of.setdefault(v, np.zeros_like(pool))
                m |= touch & (nb == v)
    target = ventricle if ventricle in counts else (max(counts, key=counts.get) if counts
                                                    else None)
    if target is None:
        return np.zeros_like(pool), None
    return contact_of[target], target


def _plane_of(points: np.ndarray, inside_point: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                                      float]:
    """Centre, unit normal (pointing away from ``inside_point``) and radius of a patch."""
    c = points.mean(axis=0)
    _, _, vt = np.linalg.svd(points - c, full_matrices=False)
    n = vt[2]
    if (c - inside_point) @ n < 0:
        n = -n
    r = float(np.sqrt(np.percentile(((points - c) ** 2).sum(axis=1), 95)))
    return c, n, r


def find_landmarks(sub: LabelImage, pool: np.ndarray, valve: np.ndarray, atrium: str, *,
                   septal: np.ndarray, anterior: np.ndarray, vein_radius_mm: float
                   ) -> tuple[dict[str, Landmark], np.ndarray, dict[str, int]]:
    """Landmarks of one atrium found from its blood pool and valve contact.

    ``septal`` points towards the other atrium, ``anterior`` is the patient's anterior
    direction (used only to tell the appendage from the veins).  Returns the landmarks, the
    label volume of the protrusions and the protrusion label of each named landmark.
    """
    centroid = sub.index_to_world(np.argwhere(pool)).mean(axis=0)
    found: dict[str, Landmark] = {}
    if valve.any():
        c, n, r = _plane_of(sub.index_to_world(np.argwhere(valve)), centroid)
        found[OPENINGS[atrium][0]] = Landmark(OPENINGS[atrium][0], tuple(c), tuple(n), r)
    prots, parts, _ = _protrusions(pool, sub, vein_radius_mm, valve)
    owner: dict[str, int] = {}
    if not prots:
        return found, parts, owner
    rest = list(prots)
    app = max(rest, key=lambda p: float((p.ostium - centroid) @ anterior))
    if atrium == "la":
        if float((app.ostium - centroid) @ anterior) > 0 or len(rest) > 4:
            rest.remove(app)
            found["laa"] = Landmark("laa", tuple(app.ostium), tuple(app.axis), app.radius)
            owner["laa"] = app.label
        veins = sorted(rest, key=lambda p: -p.volume_mm3)[:4]
        if len(veins) == 4:
            by_side = sorted(veins, key=lambda p: float((p.ostium - centroid) @ septal))
            for side, pair in (("l", by_side[:2]), ("r", by_side[2:])):
                sup, inf = sorted(pair, key=lambda p: -float(p.ostium[2]))
                for name, p in ((f"{side}spv", sup), (f"{side}ipv", inf)):
                    found[name] = Landmark(name, tuple(p.ostium), tuple(p.axis), p.radius)
                    owner[name] = p.label
        else:
            logger.warning("LA: found %d vein-like protrusions, not 4; give the pulmonary "
                           "vein ostia as landmarks", len(veins))
    else:
        veins = sorted(rest, key=lambda p: -float(p.axis[2]))
        if len(veins) >= 2:
            svc, ivc = veins[0], veins[-1]
            for name, p in (("svc", svc), ("ivc", ivc)):
                found[name] = Landmark(name, tuple(p.ostium), tuple(p.axis), p.radius)
                owner[name] = p.label
            others = [p for p in veins if p not in (svc, ivc)]
            if others:
                raa = max(others, key=lambda p: float((p.ostium - centroid) @ anterior))
                found["raa"] = Landmark("raa", tuple(raa.ostium), tuple(raa.axis), raa.radius)
                owner["raa"] = raa.label
        else:
            logger.warning("RA: found %d vein-like protrusions; give the venae cavae as "
                           "landmarks", len(veins))
    return found, parts, owner


# --------------------------------------------------------------------------- surfaces
def _cap_planes(landmarks: Mapping[str, Landmark], atrium: str, sleeve_mm: float,
                voxel: float) -> list[tuple[str, np.ndarray, np.ndarray, float]]:
    """(name, point, outward normal, radius) of the planes that cut the openings."""
    planes = []
    for name in OPENINGS[atrium]:
        lm = landmarks.get(name)
        if lm is None:
            continue
        c, n = np.asarray(lm.centre_mm), np.asarray(lm.direction)
        r = lm.radius_mm or 10.0
        if name.endswith("valve"):
            planes.append((name, c - 0.5 * voxel * n, n, 1.4 * r + 3.0 * voxel))
        else:
            planes.append((name, c + sleeve_mm * n, n, 1.6 * r + 3.0 * voxel))
    return planes


def _open_surface(sub: LabelImage, pool: np.ndarray, planes, sigma_mm: float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Marching-cubes surface of the smoothed pool, capped by ``planes``, caps removed."""
    from scipy import ndimage

    from cardiotwin.geometry.meshing import _components, _surface

    spacing = np.asarray(sub.spacing_mm)
    f = ndimage.gaussian_filter(pool.astype(np.float32), sigma=sigma_mm / spacing) - 0.5
    ijk = np.meshgrid(*(np.arange(n, dtype=np.float32) for n in pool.shape), indexing="ij",
                      sparse=True)
    axes = (sub.direction * spacing).T.astype(np.float32)  # world step of each image axis
    slope = np.float32(0.4 / sigma_mm)
    for _, c, n, r in planes:
        d0 = (np.asarray(sub.origin_mm) - c).astype(np.float32)
        dx = [d0[k] + ijk[0] * axes[0, k] + ijk[1] * axes[1, k] + ijk[2] * axes[2, k]
              for k in range(3)]
        s = dx[0] * np.float32(n[0]) + dx[1] * np.float32(n[1]) + dx[2] * np.float32(n[2])
        radial2 = dx[0] ** 2 + dx[1] ** 2 + dx[2] ** 2 - s * s
        cyl = (radial2 <= r * r) & (s > -3.0 * sigma_mm)
        f[cyl] = np.minimum(f[cyl], -slope * s[cyl])
    verts, faces = _surface(f, sub, 1)
    keep = np.ones(len(faces), dtype=bool)
    tn = uac.triangle_normals(verts, faces)
    tn /= np.maximum(np.linalg.norm(tn, axis=1), 1e-300)[:, None]
    cen = verts[faces].mean(axis=1)
    tol = 0.05 * spacing.max()
    for _, c, n, r in planes:
        s = (verts - c) @ n
        radial = np.linalg.norm((cen - c) - ((cen - c) @ n)[:, None] * n, axis=1)
        on_cap = np.all(np.abs(s[faces]) < tol, axis=1) & (radial <= r) & (np.abs(tn @ n)
                                                                          > 0.9)
        keep &= ~on_cap
    faces = _manifold_boundary(faces[keep])
    comp = _components(faces, len(verts))
    sizes = np.bincount(comp[faces[:, 0]])
    faces = faces[comp[faces[:, 0]] == np.argmax(sizes)]
    used, faces = np.unique(faces, return_inverse=True)
    return verts[used], faces.reshape(-1, 3)


def _manifold_boundary(faces: np.ndarray) -> np.ndarray:
    """Remove the triangles around boundary vertices where two holes touch (a vertex that
    starts two boundary edges), until every boundary curve is simple."""
    for _ in range(20):
        e = np.concatenate([faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]])
        key = np.sort(e, axis=1)
        _, inv, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
        starts = e[counts[inv.ravel()] == 1][:, 0]
        u, c = np.unique(starts, return_counts=True)
        bad = u[c > 1]
        if bad.size == 0:
            return faces
        faces = faces[~np.isin(faces, bad).any(axis=1)]
    raise MeshError("could not make the boundary of the atrial surface simple; check the "
                    "landmarks of the openings")


def _remesh(verts: np.ndarray, faces: np.ndarray, h: float) -> tuple[np.ndarray, np.ndarray]:
    """MMGS isotropic remeshing of an open surface at edge length ``h`` (boundary kept)."""
    from cardiotwin._deps import require

    mmgpy = require("mmgpy", extra="imaging", purpose="surface remeshing")
    surf = mmgpy.MmgMeshS(np.ascontiguousarray(verts, dtype=np.float64),
                          np.ascontiguousarray(faces, dtype=np.int32))
    surf.remesh(hsiz=h, hausd=0.25 * h, hgrad=1.3, angle=0, verbose=-1)
    pts = np.asarray(surf.get_vertices(), dtype=np.float64)
    tris = np.asarray(surf.get_triangles(), dtype=np.int64)
    used, tris = np.unique(tris, return_inverse=True)
    return pts[used], tris.reshape(-1, 3)


def _orient_outward(points: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Triangles oriented so that normals point away from the surface's centroid."""
    n = uac.vertex_normals(points, tris)
    if np.mean(np.einsum("ij,ij->i", n, points - points.mean(axis=0))) < 0:
        return tris[:, [0, 2, 1]]
    return tris


# --------------------------------------------------------------------------- fibres
def _band_along(points: np.ndarray, path: np.ndarray, width: float
                ) -> tuple[np.ndarray, np.ndarray]:
    """Vertices within ``width / 2`` of a polyline (mm) and the polyline's direction at
    each vertex (that of its nearest segment)."""
    from scipy.spatial import cKDTree

    dense = densify(path, 0.25 * width)
    d, k = cKDTree(dense).query(points)
    seg = np.diff(dense, axis=0)
    k = np.clip(k, 0, len(seg) - 1)
    return d <= 0.5 * width, seg[k]


def densify(path: np.ndarray, step: float) -> np.ndarray:
    """A polyline (mm) resampled so that consecutive points are at most ``step`` apart."""
    path = np.asarray(path, float)
    out = [path[:1]]
    for a, b in itertools.pairwise(path):
        n = max(int(np.ceil(np.linalg.norm(b - a) / step)), 1)
        out.append(a + np.outer(np.arange(1, n + 1) / n, b - a))
    return np.concatenate(out)


def _uac_path(start_uv, end_uv, table_uv, table_x, n: int = 60) -> np.ndarray:
    """World polyline of the straight segment between two coordinate pairs."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    uv = np.asarray(start_uv) * (1 - t) + np.asarray(end_uv) * t
    return uac.coordinates_to_world(uv, table_uv, table_x)


def _fibres_and_bundles(atrium: str, points: np.ndarray, tris: np.ndarray,
                        alpha: np.ndarray, beta: np.ndarray, parts: np.ndarray,
                        landmarks: Mapping[str, Landmark], owner: Mapping[str, int],
                        options: AtrialOptions) -> tuple[np.ndarray, np.ndarray, dict]:
    """Rule-based fibre directions (vertices) and bundle tags (triangles) of one atrium.

    Rules, from the most to the least specific (a simplified version of the rule sets of
    Krueger et al. 2011 and Wachter et al. 2015, written in atrial coordinates):

    - within 6 mm of the valve ring, around each vein sleeve and around the appendage:
      circumferential (``axis x normal``, around the opening's axis);
    - LA: Bachmann's bundle (a band along the shortest path over the surface from the
      inter-atrial junction above the septum to the appendage ostium, across the anterior
      roof; on the RA from the sinus node region to the junction): along the band;
      posterior wall
      (``beta`` below the superior veins): along ``grad beta`` (the septopulmonary bundle,
      from the valve towards the roof); roof and anterior wall: along ``grad alpha``
      (septum to lateral wall);
    - RA: crista terminalis (a band from the superior to the inferior vena cava, lateral
      to them): along the band; pectinate muscles (the free wall lateral of the crista):
      towards the tricuspid ring; the rest (intercaval and septal wall): parallel to the
      crista.
    """
    normals = uac.vertex_normals(points, tris)
    ga = uac.tangent(uac.to_vertices(points, tris, uac.triangle_gradients(points, tris, alpha)),
                     normals)
    gb = uac.tangent(uac.to_vertices(points, tris, uac.triangle_gradients(points, tris, beta)),
                     normals)
    table_uv = np.column_stack([alpha, beta])
    cells = np.full(len(tris), ATRIAL_CELL_TAG_IDS["left-atrium" if atrium == "la"
                                                   else "right-atrium"], dtype=np.int32)
    f = np.zeros_like(points)
    assigned = np.zeros(len(points), dtype=bool)
    info: dict[str, Any] = {}

    def setf(mask: np.ndarray, directions: np.ndarray) -> None:
        m = mask & ~assigned
        f[m] = uac.tangent(np.broadcast_to(directions, points.shape)[m], normals[m])
        assigned[m] = True

    def cells_of(vmask: np.ndarray) -> np.ndarray:
        return vmask[tris].sum(axis=1) >= 2

    valve = landmarks.get(OPENINGS[atrium][0])
    if valve is not None:
        d = np.linalg.norm(points - np.asarray(valve.centre_mm), axis=1)
        r = valve.radius_mm or 10.0
        h = np.abs((points - np.asarray(valve.centre_mm)) @ np.asarray(valve.direction))
        setf((h < 6.0) & (d < r + 8.0), np.cross(valve.direction, normals))
    for name in (*OPENINGS[atrium][1:], APPENDAGES[atrium]):
        lm = landmarks.get(name)
        if lm is None or name not in owner:
            continue
        setf(parts == owner[name], np.cross(lm.direction, normals))
    if atrium == "la":
        sup = [landmarks[n] for n in ("lspv", "rspv") if n in landmarks]
        if sup:
            roof = float(np.mean([beta[np.argmin(np.linalg.norm(points - np.asarray(
                lm.centre_mm), axis=1))] for lm in sup]))
            info["roof_beta"] = roof
            setf(beta < roof, gb)
        setf(np.ones(len(points), bool), ga)
    else:
        svc, ivc = landmarks.get("svc"), landmarks.get("ivc")
        tv = valve
        if svc is not None and ivc is not None:
            uv_s = uac.world_to_coordinates(np.asarray(svc.centre_mm), points, table_uv)[0]
            uv_i = uac.world_to_coordinates(np.asarray(ivc.centre_mm), points, table_uv)[0]
            shift = np.array([0.12, 0.0])
            path = _uac_path(uv_s + shift, uv_i + shift, table_uv, points)
            band, direction = _band_along(points, path, options.bundle_width_mm[1])
            f_ct = uac.tangent(direction, normals)
            f[band & ~assigned] = f_ct[band & ~assigned]
            assigned |= band
            cells[cells_of(band)] = ATRIAL_CELL_TAG_IDS["crista-terminalis"]
            info["crista_terminalis_path_mm"] = path[[0, -1]].tolist()
            info["sinus_node_mm"] = path[min(3, len(path) - 1)].tolist()
            a_ct = float(np.mean(table_uv[band, 0])) if band.any() else 0.5
            lateral = (alpha > a_ct) & ~assigned
            if tv is not None:
                towards_tv = np.asarray(tv.centre_mm) - points
                setf(lateral, towards_tv)
                cells[cells_of(lateral) & (cells == ATRIAL_CELL_TAG_IDS["right-atrium"])] = \
                    ATRIAL_CELL_TAG_IDS["pectinate-muscles"]
            setf(np.ones(len(points), bool), np.asarray(ivc.centre_mm) -
                 np.asarray(svc.centre_mm))
        else:
            setf(np.ones(len(points), bool), gb)
    return f, cells, info


def _surface_band(points: np.ndarray, tris: np.ndarray, start_mm: np.ndarray,
                  end_mm: np.ndarray, width: float
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A band of ``width`` (mm) along the shortest path over the surface between the
    vertices nearest two points: its vertices, directions and the path (mm)."""
    i = int(np.argmin(np.linalg.norm(points - np.asarray(start_mm), axis=1)))
    j = int(np.argmin(np.linalg.norm(points - np.asarray(end_mm), axis=1)))
    path = points[uac.shortest_path(points, tris, [i], [j])]
    if len(path) < 2:
        return np.zeros(len(points), bool), np.zeros_like(points), path
    band, direction = _band_along(points, path, width)
    return band, direction, path


# --------------------------------------------------------------------------- links
def _bridges(la: np.ndarray, ra: np.ndarray, *, superior: np.ndarray, anterior: np.ndarray,
             options: AtrialOptions) -> tuple[list[Link], dict[str, np.ndarray]]:
    """Inter-atrial connections where the two surfaces face each other across the septum:
    Bachmann's bundle (the most superior-anterior part of the junction), the coronary
    sinus (the most inferior-posterior) and the fossa ovalis (its middle)."""
    from scipy.spatial import cKDTree

    tree_ra = cKDTree(ra)
    d, k = tree_ra.query(la)
    zone = d <= d.min() + 2.5
    if zone.sum() < 3:
        raise MeshError("the left and right atrial surfaces do not face each other; no "
                        "inter-atrial connection can be placed")
    z = np.nonzero(zone)[0]
    score_bb = la[z] @ (superior + anterior)
    score_cs = la[z] @ (-superior - anterior)
    centre = la[z].mean(axis=0)
    sites = {"bachmann-bundle": z[np.argmax(score_bb)],
             "coronary-sinus": z[np.argmax(score_cs)],
             "fossa-ovalis": z[np.argmin(np.linalg.norm(la[z] - centre, axis=1))]}
    links: list[Link] = []
    where: dict[str, np.ndarray] = {}
    widths = dict(zip(("bachmann-bundle", "fossa-ovalis", "coronary-sinus"),
                      options.bridge_width_mm, strict=True))
    tree_la = cKDTree(la)
    for name, i in sites.items():
        w = widths[name]
        near = np.asarray(tree_la.query_ball_point(la[i], 0.5 * w), dtype=np.int64)
        near = near[zone[near]]
        if near.size == 0:
            near = np.array([i])
        per = w / near.size
        for j in near:
            length = max(float(d[j]), 0.5)
            g = options.bridge_conductivity * per / length
            links.append(Link(tuple(la[j]), tuple(ra[k[j]]), g, name))
        where[name] = la[i]
    return links, where


# --------------------------------------------------------------------------- pipeline
def _atrium(sub: LabelImage, pool: np.ndarray, valve: np.ndarray, atrium: str, *,
            septal: np.ndarray, anterior: np.ndarray, user: Mapping[str, Landmark],
            options: AtrialOptions, sigma: float) -> dict[str, Any]:
    """Landmarks, open surface and coordinates of one atrium."""
    t0 = time.perf_counter()
    sub, pool, valve = _crop(sub, pool, valve, 4.0 * sigma + 3.0)
    vr = options.vein_radius_mm[ATRIUM_IDS[atrium]]
    found, parts, owner = find_landmarks(sub, pool, valve, atrium, septal=septal,
                                         anterior=anterior, vein_radius_mm=vr)
    lms = dict(found)
    for name, lm in user.items():
        if name in OPENINGS[atrium] or name == APPENDAGES[atrium]:
            lms[name] = lm
            owner.pop(name, None)
    valve_name = OPENINGS[atrium][0]
    if valve_name not in lms:
        raise MeshError(f"{atrium.upper()}: no {valve_name} found (the blood pool touches no "
                        "other label); give its centre as a landmark")
    for name in OPENINGS[atrium]:
        lm = lms.get(name)
        if lm is not None and lm.direction is None:  # a user point: axis from the centroid
            c = sub.index_to_world(np.argwhere(pool)).mean(axis=0)
            lms[name] = Landmark(name, lm.centre_mm, tuple(np.asarray(lm.centre_mm) - c),
                                 lm.radius_mm, lm.source)
    spacing = np.asarray(sub.spacing_mm)
    planes = _cap_planes(lms, atrium, options.vein_sleeve_mm, float(spacing.max()))
    verts, faces = _open_surface(sub, pool, planes, sigma)
    t1 = time.perf_counter()
    pts, tris = _remesh(verts, faces, options.edge_length_mm)
    tris = _orient_outward(pts, _drop_duplicate_triangles(tris, atrium))
    t2 = time.perf_counter()
    loops = uac.boundary_loops(tris)
    cuts: dict[str, list[np.ndarray]] = {}
    for loop in loops:
        c = pts[loop].mean(axis=0)
        best = min(planes, key=lambda p: np.linalg.norm(c - p[1]))
        if np.linalg.norm(c - best[1]) > best[3] + 5.0:
            raise MeshError(f"{atrium.upper()}: a hole of the surface at {np.round(c, 1)} mm "
                            "matches no opening (valve or vein); check the labels")
        cuts.setdefault(best[0], []).append(loop)
    named: dict[str, np.ndarray] = {}
    for name, found_loops in cuts.items():
        # an opening's cut can also clip a neighbouring lobe (on real anatomies the
        # tricuspid cut reaches the appendage or the sinus): the longest loop is the
        # opening, the others are closed again
        found_loops.sort(key=lambda lp: -_perimeter(pts, lp))
        for extra in found_loops[1:]:
            logger.warning("%s: the %s cut also opened the surface at %s mm (perimeter %.1f mm "
                           "against %.1f); closed again", atrium.upper(), name,
                           np.round(pts[extra].mean(axis=0), 1), _perimeter(pts, extra),
                           _perimeter(pts, found_loops[0]))
            pts, tris = _close_hole(pts, tris, extra)
        named[name] = found_loops[0]
    if valve_name not in named:
        raise MeshError(f"{atrium.upper()}: the surface was not opened at the {valve_name}")
    ring = named[valve_name]
    centre = pts[ring].mean(axis=0)
    anchors = _anchors(atrium, pts, tris, named)
    alpha, beta = uac.atrial_coordinates(pts, tris, ring, centre=centre, septal=septal,
                                         anterior=anterior, anchors=anchors)
    # protrusion part of each vertex: the label of the nearest pool voxel inside
    ijk = np.rint(sub.world_to_index(pts - 0.5 * spacing.max()
                                     * uac.vertex_normals(pts, tris))).astype(int)
    ijk = np.clip(ijk, 0, np.asarray(pool.shape) - 1)
    vparts = parts[tuple(ijk.T)]
    t3 = time.perf_counter()
    return {"points": pts, "tris": tris, "loops": named, "alpha": alpha, "beta": beta,
            "landmarks": lms, "found": sorted(found), "parts": vparts, "owner": owner,
            "scale_mm": uac.coordinate_scale_mm(pts, tris, alpha, beta),
            "times": {"t_surface_s": t1 - t0, "t_remesh_s": t2 - t1, "t_uac_s": t3 - t2}}


def _drop_duplicate_triangles(tris: np.ndarray, atrium: str) -> np.ndarray:
    """Without the triangles that occur twice (the same three vertices, either
    orientation: a folded pair left by remeshing); both copies go."""
    key = np.sort(tris, axis=1)
    _, inv, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    dup = counts[inv.ravel()] > 1
    if dup.any():
        logger.warning("%s: removed %d duplicated triangles left by remeshing",
                       atrium.upper(), int(dup.sum()))
    return tris[~dup]


def _perimeter(pts: np.ndarray, loop: np.ndarray) -> float:
    """Length (mm) of a closed boundary loop."""
    return float(np.linalg.norm(pts[np.roll(loop, -1)] - pts[loop], axis=1).sum())


def _close_hole(pts: np.ndarray, tris: np.ndarray, loop: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Close a boundary loop with a fan of triangles around its centroid, oriented like
    the surface (each boundary edge a -> b of a triangle is used as b -> a)."""
    k = len(pts)
    fan = np.column_stack([np.roll(loop, -1), loop, np.full(len(loop), k)])
    return (np.vstack([pts, pts[loop].mean(axis=0)]),
            np.vstack([tris, fan.astype(tris.dtype)]))


def _crop(sub: LabelImage, pool: np.ndarray, valve: np.ndarray, margin_mm: float
          ) -> tuple[LabelImage, np.ndarray, np.ndarray]:
    """The image, pool and valve masks cropped to the pool's bounding box plus a margin."""
    spacing = np.asarray(sub.spacing_mm)
    margin = np.ceil(margin_mm / spacing).astype(int) + 1
    idx = np.argwhere(pool)
    lo = np.maximum(idx.min(axis=0) - margin, 0)
    hi = np.minimum(idx.max(axis=0) + margin + 1, np.asarray(pool.shape))
    sl = tuple(slice(a, b) for a, b in zip(lo, hi, strict=True))
    crop = LabelImage(sub.data[sl], sub.spacing_mm,
                      tuple(sub.index_to_world(lo.astype(float))), sub.direction, sub.source)
    return crop, pool[sl], valve[sl]


def _anchors(atrium: str, pts: np.ndarray, tris: np.ndarray,
             loops: Mapping[str, np.ndarray]) -> list[uac.Anchor]:
    """The coordinates' Dirichlet data inside the body (see :mod:`.uac`)."""
    out = []
    if atrium == "la":
        for name, value in (("rspv", 0.0), ("ripv", 0.0), ("lspv", 1.0), ("lipv", 1.0)):
            if name in loops:
                out.append(uac.Anchor("alpha", loops[name], value, name))
        if "lspv" in loops and "rspv" in loops:
            roof = uac.shortest_path(pts, tris, loops["lspv"], loops["rspv"])
            out.append(uac.Anchor("beta", roof, 0.5, "roof"))
    else:
        if "svc" in loops and "ivc" in loops:
            line = uac.shortest_path(pts, tris, loops["svc"], loops["ivc"])
            out.append(uac.Anchor("alpha", np.concatenate([line, loops["svc"],
                                                           loops["ivc"]]), 0.5, "intercaval"))
        if "svc" in loops:
            out.append(uac.Anchor("beta", loops["svc"], 0.5, "svc"))
    return out


def atrial_mesh_from_labels(image: LabelImage, labels: LabelMap, *,
                            options: AtrialOptions | None = None,
                            landmarks: Mapping[str, Landmark] | None = None) -> AtrialMesh:
    """Endocardial surfaces of the atria of a label image, tagged, with coordinates,
    fibres, landmarks and inter-atrial links.

    Parameters
    ----------
    image
        The label image (world coordinates in mm, RAS).
    labels
        Label roles; ``la-blood`` and/or ``ra-blood`` must be mapped (``lv-blood`` and
        ``rv-blood``, when mapped, locate the valves).
    options
        Meshing settings.
    landmarks
        Landmarks given by the user (by name), replacing those found.

    Raises
    ------
    MeshError
        For a missing label, a pool without a valve, or a surface that cannot be opened
        at its landmarks.
    """
    from scipy import ndimage

    from cardiotwin.geometry.meshing import _check_labels

    options = options or AtrialOptions()
    user = dict(landmarks or {})
    t_start = time.perf_counter()
    roles = labels.as_dict()
    atria = [a for a in ("la", "ra") if f"{a}-blood" in roles]
    if not atria:
        raise ConfigError("no atrial role mapped: give la-blood and/or ra-blood "
                          "(e.g. --labels la-blood=2,ra-blood=4)")
    _check_labels(image, LabelMap.from_mapping({f"{a}-blood": roles[f"{a}-blood"]
                                                for a in atria}, require_ventricles=False))
    spacing = np.asarray(image.spacing_mm)
    sigma = float(options.smoothing_mm or spacing.max())
    pools_full = {a: image.data == roles[f"{a}-blood"] for a in atria}
    anything = np.zeros(image.data.shape, dtype=bool)
    for m in pools_full.values():
        anything |= m
    margin = np.ceil((4.0 * sigma + 3.0) / spacing).astype(int) + 2
    lo = np.zeros(3, dtype=int)
    hi = np.zeros(3, dtype=int)
    for ax in range(3):
        idx = np.nonzero(anything.any(axis=tuple(b for b in range(3) if b != ax)))[0]
        lo[ax], hi[ax] = idx[0] - margin[ax], idx[-1] + margin[ax] + 1
    pad_lo = np.maximum(-lo, 0)
    pad_hi = np.maximum(hi - np.asarray(image.data.shape), 0)
    sl = tuple(slice(max(a, 0), b) for a, b in zip(lo, hi, strict=True))
    data = np.pad(image.data[sl], list(zip(pad_lo, pad_hi, strict=True)))
    sub = LabelImage(data, image.spacing_mm,
                     tuple(image.index_to_world(np.asarray(lo, dtype=float))),
                     image.direction, image.source)
    pools = {a: data == roles[f"{a}-blood"] for a in atria}
    for a in atria:  # one connected pool (largest piece)
        lab, n = ndimage.label(pools[a])
        if n > 1:
            pools[a] = lab == (1 + int(np.argmax(np.bincount(lab.ravel())[1:])))
    centroids = {a: sub.index_to_world(np.argwhere(pools[a])).mean(axis=0) for a in atria}
    # RAS: +y anterior; the septal direction points to the other atrium (or medially)
    anterior = np.array([0.0, 1.0, 0.0])
    septal = {}
    if len(atria) == 2:
        s = centroids["ra"] - centroids["la"]
        septal = {"la": s / np.linalg.norm(s), "ra": -s / np.linalg.norm(s)}
    else:
        septal = {"la": np.array([1.0, 0.0, 0.0]), "ra": np.array([-1.0, 0.0, 0.0])}
    ventricle = {"la": roles.get("lv-blood"), "ra": roles.get("rv-blood")}
    other = {"la": roles.get("ra-blood"), "ra": roles.get("la-blood")}
    parts: dict[str, dict[str, Any]] = {}
    for a in atria:
        valve, vlabel = _valve_mask(data, pools[a], roles[f"{a}-blood"], other[a],
                                    ventricle[a])
        logger.info("%s: valve contact with label %s (%d voxel faces)", a.upper(), vlabel,
                    int(valve.sum()))
        parts[a] = _atrium(sub, pools[a], valve, a, septal=septal[a], anterior=anterior,
                           user=user, options=options, sigma=sigma)
        parts[a]["valve_label"] = vlabel

    # assemble
    points, tris, f0, cells = [], [], [], []
    coords = {"atrium": []}
    for name in uac.UAC_NAMES:
        coords[name] = []
    edges, evals = [], []
    landmarks_all: dict[str, Landmark] = {}
    offset = 0
    info: dict[str, Any] = {"wall_model": "endocardial surface (triangles in 3-D)"}
    for a in atria:
        p = parts[a]
        n = len(p["points"])
        f, c, finfo = _fibres_and_bundles(a, p["points"], p["tris"], p["alpha"], p["beta"],
                                          p["parts"], p["landmarks"], p["owner"], options)
        p["fibres"], p["cells"] = f, c
        info[a] = {"vertices": n, "triangles": len(p["tris"]),
                   "landmarks_found": p["found"], "valve_contact_label": p["valve_label"],
                   "coordinate_scale_mm": p["scale_mm"], **p["times"], **finfo}
        landmarks_all.update(p["landmarks"])
    links: list[Link] = []
    if len(atria) == 2:
        la, ra = parts["la"], parts["ra"]
        superior = np.array([0.0, 0.0, 1.0])  # RAS
        links, sites = _bridges(la["points"], ra["points"], superior=superior,
                                anterior=anterior, options=options)
        info["bridges"] = {k: v.tolist() for k, v in sites.items()}
        laa = la["landmarks"].get("laa")
        band = np.zeros(len(la["points"]), bool)
        if laa is not None:
            band, direction, path = _surface_band(la["points"], la["tris"],
                                                  sites["bachmann-bundle"],
                                                  np.asarray(laa.centre_mm),
                                                  options.bundle_width_mm[0])
        if band.any():
            nrm = uac.vertex_normals(la["points"], la["tris"])
            la["fibres"][band] = uac.tangent(direction, nrm)[band]
            cb = band[la["tris"]].sum(axis=1) >= 2
            la["cells"][cb] = ATRIAL_CELL_TAG_IDS["bachmann-bundle"]
            info["bachmann_bundle_la_path_mm"] = path[[0, -1]].tolist()
        # the RA end of Bachmann's bundle: from the sinus node region to the bridge
        san = info["ra"].get("sinus_node_mm")
        if san is not None:
            rband, rdir, rpath = _surface_band(ra["points"], ra["tris"], np.asarray(san),
                                               sites["bachmann-bundle"],
                                               options.bundle_width_mm[0])
            nrm = uac.vertex_normals(ra["points"], ra["tris"])
            keep = rband & (np.asarray(ra["parts"]) == 0)
            ra["fibres"][keep] = uac.tangent(rdir, nrm)[keep]
            cb = keep[ra["tris"]].sum(axis=1) >= 2
            ra["cells"][cb & (ra["cells"] == ATRIAL_CELL_TAG_IDS["right-atrium"])] = \
                ATRIAL_CELL_TAG_IDS["bachmann-bundle"]
            info["bachmann_bundle_ra_path_mm"] = rpath[[0, -1]].tolist()
    for a in atria:
        p = parts[a]
        n = len(p["points"])
        points.append(p["points"])
        tris.append(p["tris"] + offset)
        f0.append(p["fibres"])
        cells.append(p["cells"])
        coords["atrium"].append(np.full(n, float(ATRIUM_IDS[a])))
        for name in uac.UAC_NAMES:
            own = name.startswith(a)
            val = (p["alpha"] if name.endswith("alpha") else p["beta"]) if own else None
            coords[name].append(val if own else np.full(n, np.nan))
        for lname, loop in p["loops"].items():
            e = np.column_stack([loop, np.roll(loop, -1)]) + offset
            edges.append(e)
            evals.append(np.full(len(e), ATRIAL_FACET_TAG_IDS[lname], dtype=np.int32))
        offset += n
    P = np.concatenate(points)
    T = np.concatenate(tris)
    normals = uac.vertex_normals(P, T)
    F = uac.tangent(np.concatenate(f0), normals)
    C = np.concatenate(cells)
    E = np.concatenate(edges)
    EV = np.concatenate(evals)
    cids = {k: v for k, v in ATRIAL_CELL_TAG_IDS.items() if np.any(C == v)}
    eids = {k: v for k, v in ATRIAL_FACET_TAG_IDS.items() if np.any(EV == v)}
    info["links"] = len(links)
    info["t_total_s"] = time.perf_counter() - t_start
    logger.info("atria: %d vertices, %d triangles, %d links in %.1f s", len(P), len(T),
                len(links), info["t_total_s"])
    return AtrialMesh(points=P, triangles=T, cell_values=C, edges=E, edge_values=EV,
                      fibres=F, normals=normals,
                      coordinates={k: np.concatenate(v) for k, v in coords.items()},
                      landmarks=landmarks_all, links=tuple(links), cell_tag_ids=cids,
                      edge_tag_ids=eids, info=info)


#: Views of :func:`atrial_view`.
ATRIAL_VIEWS = ("posterior", "anterior", "superior", "left", "right")


def atrial_view(table: Mapping[str, np.ndarray], name: str
                ) -> tuple[np.ndarray, np.ndarray]:
    """Camera direction (from the atria towards the camera) and up vector of a view.

    The axes come from the anatomy, not the image: ``septal`` from the LA to the RA
    centroid (the patient's right), ``superior`` the RAS superior direction made
    perpendicular to it, ``anterior = superior x septal``; with one atrium only the
    patient's axes (RAS) are used.  Views: ``posterior`` (the LA posterior wall and the
    veins), ``anterior``, ``superior`` (the roof), ``left`` and ``right``.
    """
    if name not in ATRIAL_VIEWS:
        raise ConfigError(f"view {name!r}: expected one of {', '.join(ATRIAL_VIEWS)}")
    x = np.asarray(table["x"])
    atr = np.asarray(table.get("atrium", np.zeros(len(x))))
    right = np.array([1.0, 0.0, 0.0])
    if np.any(atr == 0) and np.any(atr == 1):
        right = x[atr == 1].mean(axis=0) - x[atr == 0].mean(axis=0)
        right /= np.linalg.norm(right)
    up = np.array([0.0, 0.0, 1.0]) - right[2] * right
    up /= np.linalg.norm(up)
    anterior = np.cross(up, right)
    return {"posterior": (-anterior, up), "anterior": (anterior, up),
            "superior": (up, anterior), "left": (-right, up), "right": (right, up)}[name]
