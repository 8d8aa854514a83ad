"""Universal atrial coordinates (UAC) on a triangulated atrial surface, and surface calculus.

Each atrium's endocardial surface, opened at its atrioventricular valve, is a topological
disc (with holes at the veins).  Following the idea of Roney et al. (2019), every point
gets two coordinates in [0, 1] tied to the valve ring, whose four quarters are the sides
of the unit square:

===========  ==============================================  ==========================
coordinate   0                                               1
===========  ==============================================  ==========================
``alpha``    septal quarter of the valve ring (towards the    lateral quarter
             other atrium)
``beta``     posterior quarter (towards the veins)            anterior quarter
===========  ==============================================  ==========================

The quarters are the parts of the ring within 45 degrees of the septal, anterior, lateral
and posterior directions (the corners of the square are the four points of the ring at
45 degrees between them).  Both coordinates solve Laplace's equation with Dirichlet data
on the ring (0 and 1 on opposite quarters, linear in the angle on the two others) *and on
anchors inside the body*, because a harmonic function with data on the valve ring only
decays to a constant over a bag-shaped atrium:

- LA ``alpha``: 0 also on the right pulmonary vein ends, 1 on the left ones;
- LA ``beta``: 1/2 on the roof line, the shortest path over the surface between the
  superior veins (LSPV to RSPV): the posterior wall is ``beta < 1/2``;
- RA ``alpha``: 1/2 on the intercaval line (SVC to IVC), which runs between the septum
  and the lateral wall;
- RA ``beta``: 1/2 on the superior vena cava's end.

Anchors whose landmarks are missing are left out.  The roles of the anchors follow Roney
et al. (2019), who also fix the veins and a roof line, with different boundary pieces.
The harmonic functions fix the topology of the coordinate lines; their values are then
re-spaced by geodesic distance (:func:`spread`; distances by the heat method of Crane,
Weischedel & Wardetzky 2013, ACM Trans Graph 32:152), because a harmonic function
changes fastest in narrow necks (the vestibule) and slowly over the wide body.  A point
is named by ``(alpha, beta)`` in the left (``la-alpha``, ``la-beta``) or right atrium
(``ra-alpha``, ``ra-beta``), which is what makes lesion, bundle and fibrosis positions
transferable between anatomies.

    C. H. Roney, A. Pashaei, M. Meo, et al., "Universal atrial coordinates applied to
    visualisation, registration and construction of patient specific meshes",
    Med. Image Anal. 55:65-75, 2019. doi:10.1016/j.media.2019.04.004

Surface calculus (cotangent Laplacian, per-triangle gradients, vertex normals, boundary
loops) is done with NumPy/SciPy on the whole surface, on one rank, before the mesh is
distributed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import MeshError

#: Names of the atrial coordinates of a geometry: ``<atrium>-alpha``, ``<atrium>-beta``
#: (NaN on the other atrium's vertices).
UAC_NAMES = ("la-alpha", "la-beta", "ra-alpha", "ra-beta")


def _unit(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.where(n > 1e-300, n, 1.0)


def triangle_normals(points: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Unnormalised normals (twice the area) of the triangles."""
    p = points[tris]
    return np.cross(p[:, 1] - p[:, 0], p[:, 2] - p[:, 0])


def vertex_normals(points: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Area-weighted unit vertex normals (orientation of the triangles)."""
    fn = triangle_normals(points, tris)
    acc = np.zeros_like(points)
    for k in range(3):
        np.add.at(acc, tris[:, k], fn)
    return _unit(acc)


def cotangent_laplacian(points: np.ndarray, tris: np.ndarray):
    """The P1 stiffness matrix (scipy CSR): ``K_ij = int grad(phi_i)·grad(phi_j) dA``."""
    from scipy.sparse import coo_matrix

    p = points[tris]
    rows, cols, vals = [], [], []
    for k in range(3):
        i, j, o = (k + 1) % 3, (k + 2) % 3, k
        u, v = p[:, i] - p[:, o], p[:, j] - p[:, o]
        cross = np.linalg.norm(np.cross(u, v), axis=1)
        cot = np.einsum("ij,ij->i", u, v) / np.maximum(cross, 1e-300)
        w = 0.5 * cot
        a, b = tris[:, i], tris[:, j]
        rows += [a, b, a, b]
        cols += [b, a, a, b]
        vals += [-w, -w, w, w]
    n = len(points)
    return coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                      shape=(n, n)).tocsr()


def harmonic(points: np.ndarray, tris: np.ndarray, fixed: npt.ArrayLike,
             values: npt.ArrayLike) -> np.ndarray:
    """Solution of Laplace's equation on the surface with ``u[fixed] = values``.

    Natural (zero-flux) conditions on the rest of the boundary.  A component of the
    surface without a fixed vertex is an error.
    """
    from scipy.sparse.csgraph import connected_components
    from scipy.sparse.linalg import spsolve

    fixed = np.asarray(fixed, dtype=np.int64)
    values = np.asarray(values, dtype=float)
    n = len(points)
    K = cotangent_laplacian(points, tris)
    ncomp, comp = connected_components(K, directed=False)
    if ncomp > 1 and len(np.unique(comp[fixed])) < ncomp:
        raise MeshError("a piece of the surface has no boundary data for its Laplace "
                        "problem (is the surface connected?)")
    u = np.zeros(n)
    u[fixed] = values
    free = np.ones(n, dtype=bool)
    free[fixed] = False
    rhs = -K[free][:, fixed] @ values
    u[free] = spsolve(K[free][:, free].tocsc(), rhs)
    return u


def triangle_gradients(points: np.ndarray, tris: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Gradient of the P1 field ``u`` on each triangle (tangent to it), shape (m, 3)."""
    p = points[tris]
    e1, e2 = p[:, 1] - p[:, 0], p[:, 2] - p[:, 0]
    n = np.cross(e1, e2)
    a2 = np.einsum("ij,ij->i", n, n)
    du1 = u[tris[:, 1]] - u[tris[:, 0]]
    du2 = u[tris[:, 2]] - u[tris[:, 0]]
    # grad = (du1 (e2 x n) + du2 (n x e1)) / |n|^2
    g = du1[:, None] * np.cross(e2, n) + du2[:, None] * np.cross(n, e1)
    return g / np.maximum(a2, 1e-300)[:, None]


def to_vertices(points: np.ndarray, tris: np.ndarray, cell_values: np.ndarray) -> np.ndarray:
    """Area-weighted average of per-triangle values at the vertices."""
    area = 0.5 * np.linalg.norm(triangle_normals(points, tris), axis=1)
    shape = (len(points), *cell_values.shape[1:])
    acc = np.zeros(shape)
    w = np.zeros(len(points))
    for k in range(3):
        np.add.at(acc, tris[:, k], cell_values * area.reshape(-1, *([1] * (cell_values.ndim - 1))))
        np.add.at(w, tris[:, k], area)
    return acc / np.maximum(w, 1e-300).reshape(-1, *([1] * (cell_values.ndim - 1)))


def tangent(vectors: np.ndarray, normals: np.ndarray) -> np.ndarray:
    """Unit projections of ``vectors`` onto the planes of ``normals`` (rows)."""
    v = vectors - np.einsum("ij,ij->i", vectors, normals)[:, None] * normals
    return _unit(v)


def boundary_loops(tris: np.ndarray) -> list[np.ndarray]:
    """The closed boundary curves of a triangulated surface, each as ordered vertices."""
    edges = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
    key = np.sort(edges, axis=1)
    _, inv, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    bnd = edges[counts[inv.ravel()] == 1]
    nxt: dict[int, int] = {}
    for a, b in bnd:
        if int(a) in nxt:
            raise MeshError("the surface boundary is not a set of simple closed curves "
                            f"(vertex {int(a)} starts two boundary edges)")
        nxt[int(a)] = int(b)
    loops = []
    seen: set[int] = set()
    for start in sorted(nxt):
        if start in seen:
            continue
        loop = [start]
        seen.add(start)
        v = nxt[start]
        while v != start:
            if v in seen or v not in nxt:
                raise MeshError("the surface boundary is not a set of simple closed curves")
            loop.append(v)
            seen.add(v)
            v = nxt[v]
        loops.append(np.asarray(loop, dtype=np.int64))
    return loops


def boundary_edges(tris: np.ndarray) -> np.ndarray:
    """Edges (vertex pairs) that belong to one triangle only."""
    edges = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
    key = np.sort(edges, axis=1)
    _, inv, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    return key[counts[inv.ravel()] == 1]


def lumped_mass(points: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Vertex areas (a third of the area of each adjacent triangle), mm²."""
    area = 0.5 * np.linalg.norm(triangle_normals(points, tris), axis=1)
    m = np.zeros(len(points))
    for k in range(3):
        np.add.at(m, tris[:, k], area / 3.0)
    return m


def geodesic_distance(points: np.ndarray, tris: np.ndarray, sources: npt.ArrayLike, *,
                      K=None) -> np.ndarray:
    """Geodesic distance (mm) over the surface from the vertices ``sources`` (heat method).

    Notes
    -----
    Crane, Weischedel & Wardetzky (2013): heat ``u`` from ``(M + t K) u = delta`` with
    ``t = h^2`` (``h`` the mean edge length), the unit field ``X = -grad u / |grad u|``
    on each triangle, then ``K phi = int X . grad v`` with ``phi = 0`` on the sources.
    Natural boundary conditions on the open boundary.
    """
    from scipy.sparse import diags
    from scipy.sparse.linalg import spsolve

    src = np.unique(np.asarray(sources, dtype=np.int64))
    if src.size == 0:
        raise MeshError("geodesic distance: no source vertex")
    K = cotangent_laplacian(points, tris) if K is None else K
    M = lumped_mass(points, tris)
    e = points[tris[:, [1, 2, 0]]] - points[tris]
    h = float(np.mean(np.linalg.norm(e, axis=2)))
    delta = np.zeros(len(points))
    delta[src] = 1.0
    u = spsolve((diags(M) + h * h * K).tocsc(), delta)
    g = triangle_gradients(points, tris, u)
    X = -g / np.maximum(np.linalg.norm(g, axis=1), 1e-300)[:, None]
    fn = triangle_normals(points, tris)
    nrm = fn / np.maximum(np.linalg.norm(fn, axis=1), 1e-300)[:, None]
    b = np.zeros(len(points))
    p = points[tris]
    for i in range(3):
        j, k = (i + 1) % 3, (i + 2) % 3
        grad_area = 0.5 * np.cross(nrm, p[:, k] - p[:, j])  # A_T grad(phi_i)
        np.add.at(b, tris[:, i], np.einsum("ij,ij->i", X, grad_area))
    phi = np.zeros(len(points))
    free = np.ones(len(points), dtype=bool)
    free[src] = False
    phi[free] = spsolve(K[free][:, free].tocsc(), b[free])
    return np.maximum(phi, 0.0)


def ring_quarters(points: np.ndarray, ring: np.ndarray, centre: Sequence[float],
                  septal: Sequence[float], anterior: Sequence[float]
                  ) -> dict[str, np.ndarray]:
    """The septal, anterior, lateral and posterior quarters of a valve ring (vertices).

    ``septal`` and ``anterior`` are directions (projected onto the ring's plane and made
    orthogonal here); a ring vertex belongs to the quarter whose direction is within 45
    degrees of its own direction from ``centre``.
    """
    x = points[ring] - np.asarray(centre, float)
    _, _, vt = np.linalg.svd(x - x.mean(axis=0), full_matrices=False)
    nrm = vt[2]
    s = np.asarray(septal, float) - (np.asarray(septal, float) @ nrm) * nrm
    if np.linalg.norm(s) < 1e-9:
        raise MeshError("the septal direction is normal to the valve ring; give the "
                        "landmarks by hand")
    s /= np.linalg.norm(s)
    a = np.asarray(anterior, float) - (np.asarray(anterior, float) @ nrm) * nrm
    a -= (a @ s) * s
    if np.linalg.norm(a) < 1e-9:
        raise MeshError("the anterior direction is parallel to the septal one on the valve "
                        "ring; give the landmarks by hand")
    a /= np.linalg.norm(a)
    phi = np.degrees(np.arctan2(x @ a, x @ s))  # (-180, 180], 0 = septal, 90 = anterior
    out = {"septal": ring[np.abs(phi) <= 45.0],
           "anterior": ring[(phi > 45.0) & (phi <= 135.0)],
           "posterior": ring[(phi < -45.0) & (phi >= -135.0)],
           "lateral": ring[np.abs(phi) > 135.0]}
    for name, v in out.items():
        if v.size == 0:
            raise MeshError(f"the {name} quarter of the valve ring holds no vertex")
    return out


def ring_values(points: np.ndarray, quarters: Mapping[str, np.ndarray], centre: Sequence[float],
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ring vertices and their ``alpha``, ``beta`` (the square's boundary): 0/1 on opposite
    quarters, linear in the angle around ``centre`` along the two others."""
    ring = np.concatenate([quarters[k] for k in ("septal", "anterior", "lateral",
                                                  "posterior")])
    alpha = np.concatenate([np.zeros(len(quarters["septal"])), np.full(len(quarters[
        "anterior"]), np.nan), np.ones(len(quarters["lateral"])), np.full(len(quarters[
            "posterior"]), np.nan)])
    beta = np.concatenate([np.full(len(quarters["septal"]), np.nan), np.ones(len(quarters[
        "anterior"])), np.full(len(quarters["lateral"]), np.nan), np.zeros(len(quarters[
            "posterior"]))])
    c = np.asarray(centre, float)

    def fraction(q: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Angular position of the vertices of ``q`` between two neighbouring quarters."""
        a0 = points[start].mean(axis=0) - c
        a1 = points[end].mean(axis=0) - c
        x = points[q] - c
        t0 = np.arctan2(np.linalg.norm(np.cross(a0, x), axis=1), x @ a0)
        t1 = np.arctan2(np.linalg.norm(np.cross(a1, x), axis=1), x @ a1)
        return t0 / np.maximum(t0 + t1, 1e-12)

    n_s, n_a, n_l = (len(quarters[k]) for k in ("septal", "anterior", "lateral"))
    ant = slice(n_s, n_s + n_a)
    post = slice(n_s + n_a + n_l, len(ring))
    sep = slice(0, n_s)
    lat = slice(n_s + n_a, n_s + n_a + n_l)
    alpha[ant] = fraction(quarters["anterior"], quarters["septal"], quarters["lateral"])
    alpha[post] = fraction(quarters["posterior"], quarters["septal"], quarters["lateral"])
    beta[sep] = fraction(quarters["septal"], quarters["posterior"], quarters["anterior"])
    beta[lat] = fraction(quarters["lateral"], quarters["posterior"], quarters["anterior"])
    return ring, alpha, beta


def shortest_path(points: np.ndarray, tris: np.ndarray, sources: npt.ArrayLike,
                  targets: npt.ArrayLike) -> np.ndarray:
    """Vertices of the shortest edge path from any of ``sources`` to any of ``targets``."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    e = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
    w = np.linalg.norm(points[e[:, 0]] - points[e[:, 1]], axis=1)
    n = len(points)
    g = coo_matrix((np.concatenate([w, w]), (np.concatenate([e[:, 0], e[:, 1]]),
                                            np.concatenate([e[:, 1], e[:, 0]]))),
                   shape=(n, n)).tocsr()
    src = np.unique(np.asarray(sources, dtype=np.int64))
    dist, pred, _ = dijkstra(g, directed=False, indices=src, min_only=True,
                             return_predecessors=True)
    tgt = np.asarray(targets, dtype=np.int64)
    end = int(tgt[np.argmin(dist[tgt])])
    if not np.isfinite(dist[end]):
        raise MeshError("no path over the surface between the two landmarks")
    path = [end]
    while pred[path[-1]] >= 0:
        path.append(int(pred[path[-1]]))
    return np.asarray(path[::-1], dtype=np.int64)


@dataclass(frozen=True)
class Anchor:
    """Dirichlet data inside the body: ``value`` of ``coordinate`` on ``vertices``."""

    coordinate: str
    vertices: np.ndarray
    value: float
    name: str = ""


def atrial_coordinates(points: np.ndarray, tris: np.ndarray, ring: np.ndarray, *,
                       centre: Sequence[float], septal: Sequence[float],
                       anterior: Sequence[float], anchors: Sequence[Anchor] = ()
                       ) -> tuple[np.ndarray, np.ndarray]:
    """``alpha`` (septal 0 -> lateral 1) and ``beta`` (posterior 0 -> anterior 1) of one
    atrium's surface whose valve ring is the boundary loop ``ring`` (vertex indices).

    Parameters
    ----------
    points, tris
        The atrium's surface (mm), opened at the valve (and at the veins).
    ring
        Vertices of the valve's boundary loop.
    centre, septal, anterior
        Centre of the ring (mm), direction towards the other atrium and the anterior
        direction (away from the veins).
    anchors
        Dirichlet data inside the body (see the module notes).
    """
    q = ring_quarters(points, ring, centre, septal, anterior)
    rv, ra, rb = ring_values(points, q, centre)
    K = cotangent_laplacian(points, tris)
    out = []
    for name, ring_vals in (("alpha", ra), ("beta", rb)):
        fixed, vals = [rv], [ring_vals]
        for a in anchors:
            if a.coordinate == name:
                fixed.append(np.asarray(a.vertices, dtype=np.int64))
                vals.append(np.full(len(a.vertices), float(a.value)))
        idx = np.concatenate(fixed)
        v = np.concatenate(vals)
        idx, first = np.unique(idx, return_index=True)  # the ring wins over anchors
        v = v[first]
        u = np.clip(harmonic(points, tris, idx, v), 0.0, 1.0)
        out.append(spread(points, tris, u, idx[v == 0.0], idx[v == 1.0], K=K))
    return out[0], out[1]


def spread(points: np.ndarray, tris: np.ndarray, u: np.ndarray, low: np.ndarray,
           high: np.ndarray, *, K=None) -> np.ndarray:
    """A coordinate with the level sets of the harmonic ``u`` spaced by distance.

    With ``E`` the level set ``u = 1/2`` (the "equator"), the result is
    ``d(low) / (d(low) + d(E)) / 2`` where ``u <= 1/2`` and ``1/2 + d(E) / (d(E) + d(high))
    / 2`` elsewhere (geodesic distances): 0 on ``low``, 1/2 on ``E``, 1 on ``high``,
    continuous, and growing evenly across each half instead of in the narrow necks where
    a harmonic function changes fastest.
    """
    K = cotangent_laplacian(points, tris) if K is None else K
    e = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
    cross = (u[e[:, 0]] - 0.5) * (u[e[:, 1]] - 0.5) <= 0.0
    ends = np.unique(e[cross].ravel())
    if ends.size == 0 or len(low) == 0 or len(high) == 0:
        return u
    eq_low, eq_high = ends[u[ends] <= 0.5], ends[u[ends] > 0.5]
    if eq_low.size == 0 or eq_high.size == 0:
        return u
    d_low = geodesic_distance(points, tris, low, K=K)
    d_high = geodesic_distance(points, tris, high, K=K)
    d_el = geodesic_distance(points, tris, eq_low, K=K)
    d_eh = geodesic_distance(points, tris, eq_high, K=K)
    lower = 0.5 * d_low / np.maximum(d_low + d_el, 1e-12)
    upper = 0.5 + 0.5 * d_eh / np.maximum(d_eh + d_high, 1e-12)
    return np.clip(np.where(u <= 0.5, lower, upper), 0.0, 1.0)


def coordinate_scale_mm(points: np.ndarray, tris: np.ndarray, alpha: np.ndarray,
                        beta: np.ndarray) -> float:
    """Typical length (mm) of one unit of the coordinates: sqrt(area / area in UAC)."""
    area = 0.5 * np.linalg.norm(triangle_normals(points, tris), axis=1).sum()
    uv = np.column_stack([alpha, beta])[tris]
    d1, d2 = uv[:, 1] - uv[:, 0], uv[:, 2] - uv[:, 0]
    uac_area = 0.5 * np.abs(d1[:, 0] * d2[:, 1] - d1[:, 1] * d2[:, 0]).sum()
    return float(np.sqrt(area / max(uac_area, 1e-300)))


def coordinates_to_world(coords: np.ndarray, table_uv: np.ndarray, table_x: np.ndarray,
                         ) -> np.ndarray:
    """World points (mm) of coordinate pairs ``coords[n, 2]``: inverse-distance weights of
    the 3 vertices nearest in coordinate space (``table_uv[m, 2]`` -> ``table_x[m, 3]``)."""
    from scipy.spatial import cKDTree

    tree = cKDTree(table_uv)
    d, k = tree.query(np.asarray(coords, float), k=min(3, len(table_uv)))
    d = np.atleast_2d(d).reshape(len(coords), -1)
    k = np.atleast_2d(k).reshape(len(coords), -1)
    w = 1.0 / np.maximum(d, 1e-9)
    w /= w.sum(axis=1, keepdims=True)
    return np.einsum("nk,nkj->nj", w, table_x[k])


def world_to_coordinates(x: np.ndarray, table_x: np.ndarray, table_uv: np.ndarray,
                         ) -> np.ndarray:
    """Coordinate pairs of world points: those of the nearest surface vertex."""
    from scipy.spatial import cKDTree

    _, k = cKDTree(table_x).query(np.asarray(x, float).reshape(-1, 3))
    return table_uv[k]
