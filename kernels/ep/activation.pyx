# cython: boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
# cython: language_level=3
"""Activation, repolarisation and APD90 tracking of every vertex in one pass.

The compiled step of :class:`cardiotwin.ep.activation.ActivationTracker` (the definitions
are there).  It also returns what the solver checks the new state with: the smallest and
largest potential, the largest change over the step, and whether any value is not finite.
"""

from libc.math cimport INFINITY, fabs, isfinite, isnan


def update(const double[::1] v_old, const double[::1] v_new, double t_old, double t_new,
           double thr, double[::1] first, double[::1] last, double[::1] repol,
           double[::1] apd, double[::1] v_rest, double[::1] v_peak, int[::1] n_act,
           unsigned char[::1] in_ap, double[::1] v_min):
    """Account for one step from ``t_old`` to ``t_new`` (ms) in place.

    Returns
    -------
    tuple
        ``(v_min, v_max, largest |v_new - v_old|, any non-finite)`` over the vertices.
    """
    cdef Py_ssize_t i, n = v_new.shape[0]
    cdef double vo, vn, frac, level, d
    cdef double lo = INFINITY, hi = -INFINITY, jump = 0.0
    cdef int bad = 0
    if (v_old.shape[0] != n or first.shape[0] != n or last.shape[0] != n
            or repol.shape[0] != n or apd.shape[0] != n or v_rest.shape[0] != n
            or v_peak.shape[0] != n or n_act.shape[0] != n or in_ap.shape[0] != n
            or v_min.shape[0] != n):
        raise ValueError("activation update: all arrays must have the length of v_new")
    with nogil:
        for i in range(n):
            vo = v_old[i]
            vn = v_new[i]
            if vo < v_min[i] or isnan(vo):
                v_min[i] = vo
            if vo < thr and vn >= thr:
                frac = (thr - vo) / (vn - vo)
                if isnan(first[i]):
                    first[i] = t_old + frac * (t_new - t_old)
                last[i] = t_old + frac * (t_new - t_old)
                n_act[i] += 1
                v_rest[i] = v_min[i]
                v_peak[i] = vn
                in_ap[i] = 1
            if in_ap[i]:
                if vn > v_peak[i] or isnan(vn):
                    v_peak[i] = vn
                level = v_peak[i] - 0.9 * (v_peak[i] - v_rest[i])
                if vo >= level and vn < level and vn < v_peak[i]:
                    frac = (vo - level) / (vo - vn)
                    repol[i] = t_old + frac * (t_new - t_old)
                    apd[i] = repol[i] - last[i]
                    in_ap[i] = 0
                    v_min[i] = vn
            if not isfinite(vn):
                bad = 1
            else:
                if vn < lo:
                    lo = vn
                if vn > hi:
                    hi = vn
                d = fabs(vn - vo)
                if d > jump:
                    jump = d
    return lo, hi, jump, bool(bad)
