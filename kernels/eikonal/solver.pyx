# cython: language_level=3
"""Anisotropic eikonal solver on tetrahedral meshes, and the reaction-eikonal ECG sum.

``solve`` computes the first-arrival times T of

    sqrt(grad T . D grad T) = 1,     T(x_k) = t_k at the root vertices,

with a per-tetrahedron metric ``M = D^-1`` (``D = v_f^2 f f^T + v_s^2 s s^T + v_n^2 n n^T``),
by a label-correcting Dijkstra sweep with local solvers (Sethian & Vladimirsky 2000;
Fu, Kirby & Whitaker 2013 for the tetrahedral local problem): a vertex taken off the heap
updates, through every tetrahedron around it, the other three vertices from

- the edge from the popped vertex (``T_a + |x - a|_M``),
- each face made of the popped vertex and one other known vertex, and
- the face made of the popped vertex and both other known vertices,

the minimum of ``T(p) + |x - p|_M`` over the known simplex being found in closed form
(only targets later than the popped vertex are updated, as in fast marching).  A
vertex whose time drops after it left the heap goes back on it, so the sweep converges to
the fixed point of the local solvers whatever the anisotropy.  No Python object is touched
in the loops; the heap arrays are passed in by the caller.
"""

from libc.math cimport sqrt, INFINITY

import numpy as np


cdef inline double _qform(const double* M, double x0, double x1, double x2) noexcept nogil:
    # M: (m00, m01, m02, m11, m12, m22)
    return (M[0] * x0 * x0 + M[3] * x1 * x1 + M[5] * x2 * x2
            + 2.0 * (M[1] * x0 * x1 + M[2] * x0 * x2 + M[4] * x1 * x2))


cdef inline double _bform(const double* M, double x0, double x1, double x2, double y0,
                          double y1, double y2) noexcept nogil:
    return (M[0] * x0 * y0 + M[3] * x1 * y1 + M[5] * x2 * y2
            + M[1] * (x0 * y1 + x1 * y0) + M[2] * (x0 * y2 + x2 * y0)
            + M[4] * (x1 * y2 + x2 * y1))


cdef inline double _edge(const double* X, const double* M,
                         int a, int x, double ta) noexcept nogil:
    cdef double u0 = X[3 * x] - X[3 * a], u1 = X[3 * x + 1] - X[3 * a + 1]
    cdef double u2 = X[3 * x + 2] - X[3 * a + 2]
    return ta + sqrt(_qform(M, u0, u1, u2))


cdef inline double _face(const double* X, const double* M,
                         int a, int b, int x, double ta, double tb) noexcept nogil:
    """min over p on segment [a, b] (interior only) of T(p) + |x - p|_M; INF if none."""
    cdef double u0 = X[3 * x] - X[3 * a], u1 = X[3 * x + 1] - X[3 * a + 1]
    cdef double u2 = X[3 * x + 2] - X[3 * a + 2]
    cdef double e0 = X[3 * b] - X[3 * a], e1 = X[3 * b + 1] - X[3 * a + 1]
    cdef double e2 = X[3 * b + 2] - X[3 * a + 2]
    cdef double G = _qform(M, e0, e1, e2)
    cdef double h = _bform(M, e0, e1, e2, u0, u1, u2)
    cdef double g = tb - ta
    cdef double q0, s, lam, den
    if G <= 0.0:
        return INFINITY
    q0 = _qform(M, u0, u1, u2) - h * h / G
    den = 1.0 - g * g / G
    if den <= 0.0 or q0 < 0.0:
        return INFINITY
    s = sqrt(q0 / den)
    lam = (h - g * s) / G
    if lam <= 0.0 or lam >= 1.0:
        return INFINITY
    return ta + g * lam + s


cdef inline double _tri(const double* X, const double* M,
                        int a, int b, int d, int x, double ta, double tb,
                        double td) noexcept nogil:
    """min over p in triangle (a, b, d) (interior only) of T(p) + |x - p|_M; INF if none."""
    cdef double u0 = X[3 * x] - X[3 * a], u1 = X[3 * x + 1] - X[3 * a + 1]
    cdef double u2 = X[3 * x + 2] - X[3 * a + 2]
    cdef double e0 = X[3 * b] - X[3 * a], e1 = X[3 * b + 1] - X[3 * a + 1]
    cdef double e2 = X[3 * b + 2] - X[3 * a + 2]
    cdef double f0 = X[3 * d] - X[3 * a], f1 = X[3 * d + 1] - X[3 * a + 1]
    cdef double f2 = X[3 * d + 2] - X[3 * a + 2]
    cdef double G00 = _qform(M, e0, e1, e2)
    cdef double G11 = _qform(M, f0, f1, f2)
    cdef double G01 = _bform(M, e0, e1, e2, f0, f1, f2)
    cdef double h0 = _bform(M, e0, e1, e2, u0, u1, u2)
    cdef double h1 = _bform(M, f0, f1, f2, u0, u1, u2)
    cdef double g0 = tb - ta, g1 = td - ta
    cdef double det = G00 * G11 - G01 * G01
    cdef double l0, l1, w0, w1, q0, den, s
    if det <= 1e-14 * (G00 * G11):
        return INFINITY
    # lambda0 = G^-1 h, w = G^-1 g
    l0 = (G11 * h0 - G01 * h1) / det
    l1 = (G00 * h1 - G01 * h0) / det
    w0 = (G11 * g0 - G01 * g1) / det
    w1 = (G00 * g1 - G01 * g0) / det
    q0 = _qform(M, u0, u1, u2) - (h0 * l0 + h1 * l1)
    den = 1.0 - (g0 * w0 + g1 * w1)
    if den <= 0.0 or q0 < 0.0:
        return INFINITY
    s = sqrt(q0 / den)
    l0 = l0 - s * w0
    l1 = l1 - s * w1
    if l0 <= 0.0 or l1 <= 0.0 or l0 + l1 >= 1.0:
        return INFINITY
    return ta + g0 * l0 + g1 * l1 + s


cdef inline void _sift_up(double* T, int* heap, int* pos, int i) noexcept nogil:
    cdef int v = heap[i]
    cdef int p
    while i > 0:
        p = (i - 1) >> 1
        if T[heap[p]] <= T[v]:
            break
        heap[i] = heap[p]
        pos[heap[i]] = i
        i = p
    heap[i] = v
    pos[v] = i


cdef inline void _sift_down(double* T, int* heap, int* pos, int i,
                            int size) noexcept nogil:
    cdef int v = heap[i]
    cdef int c
    while True:
        c = 2 * i + 1
        if c >= size:
            break
        if c + 1 < size and T[heap[c + 1]] < T[heap[c]]:
            c += 1
        if T[heap[c]] >= T[v]:
            break
        heap[i] = heap[c]
        pos[heap[i]] = i
        i = c
    heap[i] = v
    pos[v] = i


def solve(const double[:, ::1] X, const int[:, ::1] tets, const double[:, ::1] M,
          const long[::1] v2t_ptr, const int[::1] v2t, double[::1] T, int[::1] heap,
          int[::1] pos):
    """Fill ``T`` (in place) with first-arrival times; see the module docstring.

    Parameters
    ----------
    X : (n, 3) float64
        Vertex coordinates (mm).
    tets : (m, 4) int32
        Tetrahedra.
    M : (m, 6) float64
        Per-tetrahedron metric ``D^-1`` (ms^2/mm^2) as (m00, m01, m02, m11, m12, m22).
    v2t_ptr, v2t
        Vertex -> tetrahedra adjacency (CSR).
    T : (n,) float64
        On entry the root times (ms) and ``inf`` elsewhere; on exit the arrival times.
    heap, pos : (n,) int32
        Work arrays.

    Returns
    -------
    int
        Number of heap pops (vertices taken off the heap, counting re-visits).
    """
    cdef Py_ssize_t n = X.shape[0]
    cdef int size = 0, v, k, j, w, u1, u2, a
    cdef long e
    cdef int vs[4]
    cdef double cand, tv, tw, t1, t2, best
    cdef long pops = 0
    cdef double eps
    cdef const double* Xp = &X[0, 0]
    with nogil:
        for v in range(n):
            pos[v] = -1
            if T[v] < INFINITY:
                heap[size] = v
                pos[v] = size
                size += 1
                _sift_up(&T[0], &heap[0], &pos[0], size - 1)
        while size > 0:
            v = heap[0]
            size -= 1
            pos[v] = -1
            if size > 0:
                heap[0] = heap[size]
                pos[heap[0]] = 0
                _sift_down(&T[0], &heap[0], &pos[0], 0, size)
            pops += 1
            tv = T[v]
            eps = 1e-12 * (1.0 + tv)
            for e in range(v2t_ptr[v], v2t_ptr[v + 1]):
                k = v2t[e]
                for j in range(4):
                    vs[j] = tets[k, j]
                for j in range(4):
                    w = vs[j]
                    if w == v or T[w] <= tv:
                        continue
                    # the two other vertices of the tetrahedron
                    u1 = -1
                    u2 = -1
                    for a in range(4):
                        if vs[a] != v and vs[a] != w:
                            if u1 < 0:
                                u1 = vs[a]
                            else:
                                u2 = vs[a]
                    tw = T[w]
                    best = _edge(Xp, &M[k, 0], v, w, tv)
                    t1 = T[u1]
                    t2 = T[u2]
                    if t1 < INFINITY:
                        cand = _face(Xp, &M[k, 0], v, u1, w, tv, t1)
                        if cand < best:
                            best = cand
                    if t2 < INFINITY:
                        cand = _face(Xp, &M[k, 0], v, u2, w, tv, t2)
                        if cand < best:
                            best = cand
                    if t1 < INFINITY and t2 < INFINITY:
                        cand = _tri(Xp, &M[k, 0], v, u1, u2, w, tv, t1, t2)
                        if cand < best:
                            best = cand
                    if best < tw - eps:
                        T[w] = best
                        if pos[w] < 0:
                            heap[size] = w
                            pos[w] = size
                            size += 1
                        _sift_up(&T[0], &heap[0], &pos[0], pos[w])
    return pops


def ecg_sum(const double[::1] act, const double[::1] apd, const double[:, ::1] weights,
            const double[::1] template, double template_dt, double template_apd,
            double upstroke_ms, const double[::1] t, double[:, ::1] out):
    """Reaction-eikonal electrode signals ``out[e, j] = sum_i w[e, i] (V_i(t_j) - V_rest)``.

    ``V_i(t) = template(tau)`` with ``tau = t - act[i]`` for ``tau < upstroke_ms`` and
    ``upstroke_ms + (t - act[i] - upstroke_ms) (template_apd - upstroke_ms) /
    (apd[i] - upstroke_ms)`` after it (the repolarisation phase stretched to the local APD),
    ``V_rest = template[0]``; ``template`` is sampled every ``template_dt`` ms from the
    upstroke, constant after its last sample.  ``out`` is overwritten.
    """
    cdef Py_ssize_t n = act.shape[0], ne = weights.shape[0], nt = t.shape[0]
    cdef Py_ssize_t nk = template.shape[0]
    cdef Py_ssize_t i, j, e, k0
    cdef double tau, f, val, rest = template[0], stretch, last = template[nk - 1] - template[0]
    with nogil:
        for e in range(ne):
            for j in range(nt):
                out[e, j] = 0.0
        for i in range(n):
            if not act[i] < INFINITY:
                continue
            stretch = (template_apd - upstroke_ms) / (apd[i] - upstroke_ms)
            for j in range(nt):
                tau = t[j] - act[i]
                if tau <= 0.0:
                    continue
                if tau > upstroke_ms:
                    tau = upstroke_ms + (tau - upstroke_ms) * stretch
                f = tau / template_dt
                k0 = <Py_ssize_t> f
                if k0 >= nk - 1:
                    val = last
                else:
                    f = f - k0
                    val = (1.0 - f) * template[k0] + f * template[k0 + 1] - rest
                for e in range(ne):
                    out[e, j] += weights[e, i] * val
    return None
