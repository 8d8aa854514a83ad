# Inline pacing helpers shared by the generated ionic kernels.
#
# ``noexcept nogil``, allocation-free.  Times in ms.

from libc.math cimport floor


cdef inline double blocktrain_fraction(double t, double dt, double duration, double period,
                                       double offset, double n_pulses) noexcept nogil:
    """Fraction of the step ``[t, t + dt)`` covered by stimulus pulses.

    Pulses are ``[offset + k*period, offset + k*period + duration)`` for
    ``k = 0, 1, ..., n_pulses - 1`` (a single pulse when ``period <= 0``).  Integrating
    the overlap (instead of sampling the pulse at one instant) gives every step size
    exactly the same stimulus charge.
    """
    cdef double rel = t - offset
    cdef double total = 0.0
    cdef double lo, hi, start
    cdef double k, k_end
    if duration <= 0.0 or dt <= 0.0:
        return 0.0
    if period <= 0.0:
        k = 0.0
        k_end = 0.0
    else:
        k = floor((rel - duration) / period)
        if k < 0.0:
            k = 0.0
        k_end = floor((rel + dt) / period)
        if k_end > n_pulses - 1.0:
            k_end = n_pulses - 1.0
    while k <= k_end:
        start = k * period if period > 0.0 else 0.0
        lo = rel if rel > start else start
        hi = rel + dt if rel + dt < start + duration else start + duration
        if hi > lo:
            total += hi - lo
        k += 1.0
    return total / dt
