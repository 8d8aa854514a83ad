"""Fast forward model: anisotropic eikonal activation and reaction-eikonal ECG.

Notes
-----
Activation times ``T`` solve the anisotropic eikonal equation (Colli Franzone & Guerri
1993; Pezzuto et al. 2017, Front Physiol 8:265)::

    sqrt(grad T . D grad T) = 1,   D = v_f^2 f f^T + v_s^2 s s^T + v_n^2 n n^T,

with the conduction velocities ``v`` (mm/ms == m/s) along the fibre, sheet and sheet-normal
directions of each tetrahedron, and ``T = t_k`` at the root sites.  A one-element layer of
tetrahedra on the endocardial surfaces conducts isotropically at ``v_endo``: it stands in
for the Purkinje network (Gillette et al. 2021, MedIA 71:102080; Camps et al. 2021).  The
compiled kernel (``kernels/eikonal/solver.pyx``) is a label-correcting Dijkstra sweep with
edge, face and tetrahedron local solvers: exact for plane fronts, first order for curved
ones (a point source's relative error falls from ~10 % at 2.5 mm to ~7.5 % at 1.25 mm for a
3:1.5:1 anisotropy oblique to the mesh, ``tests/ep/test_eikonal.py``).

The reaction-eikonal step (Neic et al. 2017, J Comput Phys 346:191) puts a template action
potential at every vertex, starting at its activation time and with its repolarisation
stretched to the local APD; the electrode potentials are then the lead-field sums
``phi_e(t) = sum_i w_ei (V_i(t) - V_rest)`` of the pseudo-ECG
(:mod:`cardiotwin.ep.ecg`), with weights assembled once (:func:`lead_field_weights`).

The eikonal runs on a whole mesh held by one process (:class:`EikonalMesh`, gathered from a
distributed :class:`~cardiotwin.geometry.io.Geometry` once).  Under MPI an ensemble of
evaluations is spread over the ranks (each evaluation on one core), which scales better
than splitting one evaluation of well under a second.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError, KernelError, MeshError

logger = logging.getLogger(__name__)

#: facet tags whose tetrahedra form the fast endocardial layer
ENDO_TAGS = ("lv-endocardium", "rv-endocardium")


def _kernel() -> Any:
    try:
        from cardiotwin._kernels.eikonal import solver
    except ImportError as exc:  # pragma: no cover - depends on the build
        raise KernelError("the eikonal kernel is not built; run `make kernels` (or "
                          "`python setup.py build_ext --inplace`)") from exc
    return solver


@dataclass(frozen=True)
class Velocities:
    """Conduction velocities (m/s == mm/ms) of the eikonal model.

    Parameters
    ----------
    fibre, sheet, normal
        Along the fibre, sheet and sheet-normal directions of the myocardium.
    endo
        Isotropic velocity of the fast endocardial layer (the Purkinje stand-in); equal to
        ``fibre`` or less means no fast layer.
    """

    fibre: float = 0.6
    sheet: float = 0.4
    normal: float = 0.3
    endo: float = 2.0

    def __post_init__(self) -> None:
        for name in ("fibre", "sheet", "normal", "endo"):
            v = getattr(self, name)
            if not (isinstance(v, int | float) and np.isfinite(v) and 0.01 <= v <= 10.0):
                raise ConfigError(f"Velocities.{name} = {v!r} m/s: expected 0.01..10 m/s")

    def as_dict(self) -> dict[str, float]:
        """``{"fibre": ..., "sheet": ..., "normal": ..., "endo": ...}`` (m/s)."""
        return {k: float(getattr(self, k)) for k in ("fibre", "sheet", "normal", "endo")}


def _unit_rows(a: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    n = np.linalg.norm(a, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return a / n


def _sym6(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Rows (m00, m01, m02, m11, m12, m22) of the symmetric products a b^T."""
    return np.stack([a[:, 0] * b[:, 0], a[:, 0] * b[:, 1], a[:, 0] * b[:, 2],
                     a[:, 1] * b[:, 1], a[:, 1] * b[:, 2], a[:, 2] * b[:, 2]], axis=1)


@dataclass
class EikonalMesh:
    """A tetrahedral mesh with fibres, held whole by this process.

    Parameters
    ----------
    points
        (n, 3) vertex coordinates (mm).
    tets
        (m, 4) vertex indices.
    fibre, sheet
        (m, 3) fibre and sheet directions per tetrahedron (the normal completes the frame).
    endo_layer
        (m,) True for tetrahedra of the fast endocardial layer.
    coordinates
        Vertex fields (``transmural``, ``apicobasal``, ...), each (n,).
    endo_vertices
        Indices of the endocardial surface vertices, by ventricle (``"lv"``, ``"rv"``).
    """

    points: npt.NDArray[np.float64]
    tets: npt.NDArray[np.int32]
    fibre: npt.NDArray[np.float64]
    sheet: npt.NDArray[np.float64]
    endo_layer: npt.NDArray[np.bool_]
    coordinates: dict[str, npt.NDArray[np.float64]] = field(default_factory=dict)
    endo_vertices: dict[str, npt.NDArray[np.int64]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.points = np.ascontiguousarray(self.points, dtype=np.float64)
        self.tets = np.ascontiguousarray(self.tets, dtype=np.int32)
        n, m = len(self.points), len(self.tets)
        if self.points.ndim != 2 or self.points.shape[1] != 3 or n < 4:
            raise MeshError(f"EikonalMesh.points has shape {self.points.shape}: expected (n, 3)")
        if self.tets.ndim != 2 or self.tets.shape[1] != 4 or m == 0:
            raise MeshError(f"EikonalMesh.tets has shape {self.tets.shape}: expected (m, 4)")
        if self.tets.min() < 0 or self.tets.max() >= n:
            raise MeshError("EikonalMesh.tets refers to vertices outside the point array")
        f = np.asarray(self.fibre, float).reshape(-1, 3)
        s = np.asarray(self.sheet, float).reshape(-1, 3)
        if len(f) != m or len(s) != m:
            raise MeshError(f"EikonalMesh: fibre/sheet have {len(f)}/{len(s)} rows for {m} "
                            "tetrahedra")
        f = _unit_rows(f)
        s = _unit_rows(s - np.sum(s * f, axis=1, keepdims=True) * f)
        nn = np.cross(f, s)
        self.fibre, self.sheet = f, s
        self.endo_layer = np.asarray(self.endo_layer, bool).reshape(m)
        self._frames = (_sym6(f, f), _sym6(s, s), _sym6(nn, nn))
        self._iso = np.tile(np.array([1.0, 0, 0, 1.0, 0, 1.0]), (m, 1))
        # the kernel works on a copy renumbered along a Morton curve (vertices near in
        # space near in memory: ~25 % faster on 10^5 vertices); results come back in the
        # caller's numbering
        order = _morton_order(self.points)
        self._inv = np.empty(n, np.int64)
        self._inv[order] = np.arange(n)
        tets_k = self._inv[self.tets]
        self._tet_order = np.argsort(tets_k.min(axis=1), kind="stable")
        self._X_k = np.ascontiguousarray(self.points[order])
        self._tets_k = np.ascontiguousarray(tets_k[self._tet_order], dtype=np.int32)
        by_vertex = np.argsort(self._tets_k.ravel(), kind="stable")
        counts = np.bincount(self._tets_k.ravel(), minlength=n)
        self._v2t_ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._v2t = (by_vertex // 4).astype(np.int32)
        self._heap = np.empty(n, np.int32)
        self._pos = np.empty(n, np.int32)
        for key, arr in list(self.coordinates.items()):
            a = np.asarray(arr, float).reshape(-1)
            if a.size != n:
                raise MeshError(f"EikonalMesh coordinate {key!r} has {a.size} values for {n} "
                                "vertices")
            self.coordinates[key] = a

    @property
    def n_vertices(self) -> int:
        return len(self.points)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_mesh_data(cls, data: Any) -> EikonalMesh:
        """From :class:`~cardiotwin.geometry.formats.MeshData` with per-vertex fibres and
        sheets and ``lv-endocardium``/``rv-endocardium`` facet tags (both optional: without
        them there is no fast layer)."""
        if data.fibres is None or data.sheets is None:
            raise MeshError(f"{data.source or 'mesh'}: the eikonal model needs fibres and "
                            "sheets; build the geometry with `cardiotwin mesh`")
        tets = np.asarray(data.cells, np.int64)
        f = data.fibres[tets].mean(axis=1)
        # sheets flip sign between vertices in some fields: align them to the first vertex
        s_v = data.sheets[tets]
        sign = np.sign(np.einsum("mkd,md->mk", s_v, s_v[:, 0]))
        sign[sign == 0] = 1.0
        s = (s_v * sign[..., None]).mean(axis=1)
        f_v = data.fibres[tets]
        fsign = np.sign(np.einsum("mkd,md->mk", f_v, f_v[:, 0]))
        fsign[fsign == 0] = 1.0
        f = (f_v * fsign[..., None]).mean(axis=1)
        layer = np.zeros(len(tets), bool)
        endo: dict[str, np.ndarray] = {}
        facets = np.asarray(data.facets, np.int64)
        fvals = np.asarray(data.facet_values)
        faces = np.sort(tets[:, [[1, 2, 3], [0, 2, 3], [0, 1, 3], [0, 1, 2]]], axis=2)
        keys = _face_keys(faces.reshape(-1, 3), len(data.points))
        for tag in ENDO_TAGS:
            tid = data.facet_tag_ids.get(tag)
            if tid is None:
                continue
            tri = np.sort(facets[fvals == tid], axis=1)
            if tri.size == 0:
                continue
            hit = np.isin(keys, _face_keys(tri, len(data.points))).reshape(-1, 4)
            layer |= hit.any(axis=1)
            endo[tag.split("-")[0]] = np.unique(tri)
        return cls(data.points, tets.astype(np.int32), f, s, layer,
                   coordinates=dict(data.coordinates), endo_vertices=endo)

    @classmethod
    def from_geometry(cls, geometry: Any) -> EikonalMesh:
        """Gather a distributed :class:`~cardiotwin.geometry.io.Geometry` (collective).

        Every rank gets the whole mesh (each evaluates its own share of an ensemble).
        """
        from cardiotwin.geometry.io import geometry_arrays

        data = geometry_arrays(geometry)
        comm = geometry.mesh.comm
        data = comm.bcast(data, root=0)
        return cls.from_mesh_data(data)

    # ------------------------------------------------------------------ evaluation
    def metric(self, velocities: Velocities) -> npt.NDArray[np.float64]:
        """Per-tetrahedron metric ``D^-1`` (ms²/mm²) as (m, 6) rows."""
        mf, ms, mn = self._frames
        v = velocities
        M = mf / v.fibre**2 + ms / v.sheet**2 + mn / v.normal**2
        if v.endo > v.fibre:
            M[self.endo_layer] = self._iso[self.endo_layer] / v.endo**2
        return np.ascontiguousarray(M)

    def activation_times(self, velocities: Velocities,
                         roots: Sequence[tuple[int, float]]) -> npt.NDArray[np.float64]:
        """Activation times (ms) from root vertices ``[(vertex, t_ms), ...]``.

        Raises
        ------
        ConfigError
            No root, a vertex index out of range or a non-finite time.
        """
        if not roots:
            raise ConfigError("the eikonal model needs at least one root site")
        T = np.full(self.n_vertices, np.inf)
        for k, (i, t0) in enumerate(roots):
            if not (0 <= int(i) < self.n_vertices) or not np.isfinite(t0):
                raise ConfigError(f"root {k}: vertex {i} / time {t0} ms is invalid (vertices "
                                  f"0..{self.n_vertices - 1}, finite time)")
            j = int(self._inv[int(i)])
            T[j] = min(T[j], float(t0))
        M = np.ascontiguousarray(self.metric(velocities)[self._tet_order])
        _kernel().solve(self._X_k, self._tets_k, M, self._v2t_ptr, self._v2t, T, self._heap,
                        self._pos)
        T = T[self._inv]
        if not np.all(np.isfinite(T)):
            bad = int(np.sum(~np.isfinite(T)))
            raise MeshError(f"{bad} vertices are not reached from the roots: the mesh is not "
                            "connected")
        return T

    def nearest_vertex(self, point_mm: Sequence[float],
                       candidates: npt.NDArray[np.int64] | None = None) -> int:
        """Index of the vertex (among ``candidates``, default all) nearest ``point_mm``;
        ties go to the lowest index."""
        idx = np.arange(self.n_vertices) if candidates is None else np.asarray(candidates)
        d = np.sum((self.points[idx] - np.asarray(point_mm, float)) ** 2, axis=1)
        return int(idx[int(np.argmin(d))])


def _morton_order(x: npt.NDArray[np.float64], bits: int = 10) -> npt.NDArray[np.int64]:
    """Indices sorting points along a Morton (Z-order) curve of their bounding box."""
    span = float(np.ptp(x, axis=0).max()) or 1.0
    q = ((x - x.min(axis=0)) / span * (2**bits - 1)).astype(np.int64)
    code = np.zeros(len(x), np.int64)
    for b in range(bits):
        for d in range(3):
            code |= ((q[:, d] >> b) & 1) << (3 * b + d)
    return np.argsort(code, kind="stable")


def _face_keys(tri: npt.NDArray[np.int64], n: int) -> npt.NDArray[np.int64]:
    """One integer per sorted vertex triple (n < 2**21 vertices)."""
    if n >= 2**21:
        raise MeshError(f"{n} vertices: too many for the face keys of the endocardial layer")
    t = np.asarray(tri, np.int64)
    return (t[:, 0] << 42) | (t[:, 1] << 21) | t[:, 2]


# ---------------------------------------------------------------------- lead field
def lead_field_weights(mesh: EikonalMesh, electrodes_mm: Mapping[str, Sequence[float]], *,
                       sigma_f: float = 0.6, sigma_s: float = 0.25, sigma_n: float | None = None,
                       sigma_bath_S_per_m: float = 1.0) -> npt.NDArray[np.float64]:
    """Pseudo-ECG weights ``w[e, i]`` (mV per mV of V at vertex i) of each electrode.

    ``w_ei = -1/(4 pi sigma_b) int (sigma grad phi_i) . grad(1/r_e) dOmega`` (see
    :mod:`cardiotwin.ep.ecg`), with P1 hat functions ``phi_i``, the conductivity tensor
    (S/m) in each tetrahedron's fibre frame and a 4-point Gauss rule for ``grad(1/r)``.
    Electrodes on or inside the mesh's bounding distance of 1 mm are rejected.
    """
    sn = sigma_s if sigma_n is None else sigma_n
    if min(sigma_f, sigma_s, sn, sigma_bath_S_per_m) <= 0:
        raise ConfigError("lead_field_weights: conductivities must be > 0 S/m")
    X = mesh.points
    tets = mesh.tets.astype(np.int64)
    P = X[tets]                                            # (m, 4, 3)
    J = (P[:, 1:] - P[:, :1]).transpose(0, 2, 1)            # columns = edges
    det = np.linalg.det(J)
    vol = np.abs(det) / 6.0
    Jinv = np.linalg.inv(J)                                 # rows = grad of bary 1..3
    g = np.concatenate([-Jinv.sum(axis=1, keepdims=True), Jinv], axis=1)  # (m, 4, 3)
    mf, ms, mn = mesh._frames
    S6 = sigma_f * mf + sigma_s * ms + sn * mn
    S = np.empty((len(tets), 3, 3))
    idx = ((0, 0, 0), (0, 1, 1), (0, 2, 2), (1, 1, 3), (1, 2, 4), (2, 2, 5))
    for a, b, k in idx:
        S[:, a, b] = S6[:, k]
        S[:, b, a] = S6[:, k]
    sg = np.einsum("mab,mkb->mka", S, g)                    # sigma grad phi_k
    # 4-point Gauss rule on the tetrahedron (degree 2)
    a_, b_ = 0.5854101966249685, 0.1381966011250105
    bary = np.full((4, 4), b_)
    np.fill_diagonal(bary, a_)
    W = np.zeros((len(electrodes_mm), len(X)))
    scale = -1.0 / (4.0 * np.pi * sigma_bath_S_per_m)
    for e, (name, pos) in enumerate(electrodes_mm.items()):
        p = np.asarray(pos, float)
        if p.shape != (3,) or not np.all(np.isfinite(p)):
            raise ConfigError(f"electrode {name!r} position {pos}: expected 3 finite numbers (mm)")
        if float(np.min(np.linalg.norm(X - p, axis=1))) < 1.0:
            raise ConfigError(f"electrode {name!r} at {tuple(p)} mm lies on the heart mesh; "
                              "electrodes must be outside the tissue")
        grad_inv_r = np.zeros((len(tets), 3))
        for q in range(4):
            xq = np.einsum("k,mkd->md", bary[q], P)
            d = xq - p
            r = np.linalg.norm(d, axis=1)
            grad_inv_r += -d / r[:, None] ** 3 / 4.0
        contrib = scale * vol[:, None] * np.einsum("mka,ma->mk", sg, grad_inv_r)
        W[e] = np.bincount(tets.ravel(), weights=contrib.ravel(), minlength=len(X))
    return W


# ---------------------------------------------------------------------- reaction-eikonal
@dataclass(frozen=True)
class APTemplate:
    """A template action potential for the reaction-eikonal model.

    Parameters
    ----------
    v_mV
        Membrane potential (mV) sampled every ``dt_ms`` from the upstroke (index 0 is the
        resting potential just before it).
    dt_ms
        Sampling step (ms).
    apd_ms
        The template's APD90 (ms).
    upstroke_ms
        Duration of the part that is not stretched with the APD (ms).
    """

    v_mV: tuple[float, ...]
    dt_ms: float
    apd_ms: float
    upstroke_ms: float = 5.0

    def __post_init__(self) -> None:
        v = np.asarray(self.v_mV, float)
        if v.ndim != 1 or v.size < 10 or not np.all(np.isfinite(v)):
            raise ConfigError("APTemplate.v_mV: expected >= 10 finite samples (mV)")
        if not (self.dt_ms > 0 and self.apd_ms > self.upstroke_ms > 0):
            raise ConfigError(f"APTemplate: dt_ms = {self.dt_ms}, apd_ms = {self.apd_ms}, "
                              f"upstroke_ms = {self.upstroke_ms}: expected dt > 0 and "
                              "apd > upstroke > 0")

    @classmethod
    def from_model(cls, model: str | Any = "tp06-epi", *, bcl_ms: float = 1000.0,
                   beats: int = 3, dt_ms: float = 0.02) -> APTemplate:
        """The last paced beat of a single cell of an ionic model, from its upstroke
        (computed once per process for a model name and protocol)."""
        if isinstance(model, str):
            return _template_from_model(model, bcl_ms, beats, dt_ms)
        return _template_from_cell(model, bcl_ms, beats, dt_ms)

    @classmethod
    def analytic(cls, *, apd_ms: float = 280.0, v_rest_mV: float = -85.0,
                 v_plateau_mV: float = 20.0, dt_ms: float = 0.5) -> APTemplate:
        """A smooth model-free AP: logistic upstroke and repolarisation at ``apd_ms``."""
        t = np.arange(0.0, apd_ms + 200.0, dt_ms)
        up = 1.0 / (1.0 + np.exp(-(t - 1.0) / 0.4))
        rep = 1.0 / (1.0 + np.exp(-(t - apd_ms + 20.0) / 12.0))
        v = v_rest_mV + (v_plateau_mV - v_rest_mV) * up * (1.0 - rep)
        v[0] = v_rest_mV
        return cls(tuple(map(float, v)), dt_ms, float(apd_ms))


@functools.lru_cache(maxsize=8)
def _template_from_model(name: str, bcl_ms: float, beats: int, dt_ms: float) -> APTemplate:
    from cardiotwin.ionic import get_model

    return _template_from_cell(get_model(name), bcl_ms, beats, dt_ms)


def _template_from_cell(m: Any, bcl_ms: float, beats: int, dt_ms: float) -> APTemplate:
    from cardiotwin.ionic.biomarkers import apd, upstroke_time
    from cardiotwin.ionic.simulate import PacingProtocol, pace

    res = pace(m, PacingProtocol(bcl_ms=bcl_ms, beats=beats, dt_ms=dt_ms))
    t, v = res.t_ms, res.v
    t_up = upstroke_time(t, v)
    i0 = max(int(np.searchsorted(t, t_up)) - 1, 0)
    step = max(1, round(0.5 / dt_ms))
    vv = v[i0::step].copy()
    vv[0] = v[-1]  # resting level: the end of the beat
    return APTemplate(tuple(map(float, vv)), dt_ms * step, float(apd(t, v, 90.0)))


class ReactionEikonal:
    """Eikonal activation + template APs -> electrode signals, evaluated many times.

    Parameters
    ----------
    mesh
        The :class:`EikonalMesh`.
    weights
        (n_electrodes, n_vertices) lead-field weights (:func:`lead_field_weights`).
    template
        The :class:`APTemplate`.
    """

    def __init__(self, mesh: EikonalMesh, weights: npt.NDArray[np.float64],
                 template: APTemplate) -> None:
        w = np.ascontiguousarray(weights, dtype=np.float64)
        if w.ndim != 2 or w.shape[1] != mesh.n_vertices:
            raise ConfigError(f"weights have shape {w.shape}: expected (n_electrodes, "
                              f"{mesh.n_vertices})")
        self.mesh = mesh
        self.weights = w
        self.template = template
        self._tmpl = np.ascontiguousarray(template.v_mV, dtype=np.float64)

    def electrodes(self, activation_ms: npt.NDArray[np.float64], apd_ms: npt.ArrayLike,
                   t_ms: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Electrode potentials (mV), shape (n_electrodes, len(t_ms))."""
        act = np.ascontiguousarray(activation_ms, dtype=np.float64)
        apd = np.ascontiguousarray(np.broadcast_to(np.asarray(apd_ms, float),
                                                   act.shape), dtype=np.float64)
        if act.shape != (self.mesh.n_vertices,):
            raise ConfigError(f"activation times have shape {act.shape}: expected "
                              f"({self.mesh.n_vertices},)")
        if np.any(apd <= self.template.upstroke_ms + 1.0):
            raise ConfigError(f"APD values must exceed {self.template.upstroke_ms + 1} ms")
        t = np.ascontiguousarray(t_ms, dtype=np.float64)
        out = np.empty((self.weights.shape[0], t.size))
        _kernel().ecg_sum(act, apd, self.weights, self._tmpl, float(self.template.dt_ms),
                          float(self.template.apd_ms), float(self.template.upstroke_ms), t, out)
        return out
