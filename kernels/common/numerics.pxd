# Inline time-integration helpers shared by every ionic kernel.
#
# All functions are ``noexcept nogil`` and allocate nothing, so they can be called from
# inside ``prange`` loops.  Units follow cardiotwin.units (ms, mV, µA/µF).

from libc.math cimport exp, expm1, fabs

# Vector (SIMD) declarations of exp, log, pow... where the C library has them (glibc
# libmvec); see simd_math.h.  ``powi(x, n)``: x**n for an integer constant n as multiplications.
cdef extern from "simd_math.h" nogil:
    int CARDIOTWIN_LIBMVEC
    double powi "__builtin_powi"(double x, int n)


cdef inline double forward_euler(double y, double dydt, double dt) noexcept nogil:
    """Explicit Euler update ``y + dt * dy/dt``."""
    return y + dt * dydt


cdef inline double rush_larsen(double y, double y_inf, double tau, double dt) noexcept nogil:
    """Exact update of ``dy/dt = (y_inf - y) / tau`` over ``dt`` with frozen coefficients.

    Rush & Larsen (1978), IEEE Trans Biomed Eng 25:389.  ``tau`` in ms.
    """
    return y_inf + (y - y_inf) * exp(-dt / tau)


cdef inline double rush_larsen_ab(double y, double a, double b, double dt) noexcept nogil:
    """Exact update of the linear ODE ``dy/dt = a + b*y`` over ``dt`` (frozen a, b).

    Uses ``expm1`` so that it stays accurate as ``b -> 0``, where it tends to forward
    Euler ``y + dt*(a + b*y)``.
    """
    if fabs(b) < 1e-12:
        return y + dt * (a + b * y)
    return y + (a + b * y) * expm1(b * dt) / b
