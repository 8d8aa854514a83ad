# Build facts of the compiled kernels: OpenMP on/off and thread count.  Read by
# ``cardiotwin info``.

cdef extern from *:
    """
    #ifdef _OPENMP
    #include <omp.h>
    static int ct_openmp_enabled(void) { return 1; }
    static int ct_openmp_max_threads(void) { return omp_get_max_threads(); }
    static int ct_openmp_version(void) { return _OPENMP; }
    #else
    static int ct_openmp_enabled(void) { return 0; }
    static int ct_openmp_max_threads(void) { return 1; }
    static int ct_openmp_version(void) { return 0; }
    #endif
    """
    int ct_openmp_enabled() nogil
    int ct_openmp_max_threads() nogil
    int ct_openmp_version() nogil


def openmp_enabled():
    """True if the kernels were compiled with OpenMP."""
    return bool(ct_openmp_enabled())


def openmp_max_threads():
    """``omp_get_max_threads()`` (1 without OpenMP)."""
    return int(ct_openmp_max_threads())


def openmp_version():
    """The ``_OPENMP`` date macro (e.g. 201511), or 0 without OpenMP."""
    return int(ct_openmp_version())
