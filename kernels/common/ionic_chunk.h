/* Helpers for the C cell loops of the generated ionic kernels (kernels/ionic/<model>.pyx).
 *
 * CT_KERNEL: on x86-64 with GCC >= 12 and glibc, every chunk function is compiled three
 * times (baseline x86-64, x86-64-v3 = AVX2/FMA, x86-64-v4 = AVX-512) and the loader picks
 * the best one for the CPU it runs on (target_clones), so the built module stays portable
 * while using the wide vector units where they exist.  Elsewhere, or with
 * -DCARDIOTWIN_NO_CLONES, one baseline version is built.
 */
#ifndef CARDIOTWIN_IONIC_CHUNK_H
#define CARDIOTWIN_IONIC_CHUNK_H
#include "simd_math.h"

#if CARDIOTWIN_LIBMVEC && defined(__GNUC__) && __GNUC__ >= 12 && !defined(CARDIOTWIN_NO_CLONES)
#  define CT_KERNEL __attribute__((target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")))
#else
#  define CT_KERNEL
#endif

#if defined(__GNUC__) || defined(__clang__)
#  define CT_RESTRICT __restrict__
#else
#  define CT_RESTRICT
#endif

/* Exact update of dy/dt = a + b y over dt with frozen a, b (Rush & Larsen 1978); expm1
 * keeps it accurate as b -> 0, where it tends to forward Euler. */
static inline double ct_rush_larsen_ab(double y, double a, double b, double dt)
{
    return fabs(b) < 1e-12 ? y + dt * (a + b * y) : y + (a + b * y) * expm1(b * dt) / b;
}

/* d = dt phi1(dt J) f with phi1(z) = (exp(z) - 1) / z: the increment of one exponential
 * Rosenbrock-Euler step y_new = y + d of dy/dt = f(y) linearised about y (J = df/dy, row
 * major, n x n).  Exact for a linear system, second order otherwise, and, unlike a
 * linearly implicit Euler step (I - dt J)^-1 dt f, never singular: an eigenvalue lambda > 0
 * (positive feedback, e.g. calcium-induced calcium release) grows as exp(dt lambda), one
 * < 0 decays at any dt.  Computed as the last column of exp(dt [[J, f], [0, 0]]) by scaling
 * and squaring (1-norm scaled to <= 1/2, Taylor degree 12: truncation < 2e-14 relative). */
static inline void ct_phi1_times(int n, const double *J, const double *f, double dt, double *d)
{
    const int m = n + 1;
    double B[m * m], E[m * m], T[m * m];
    double norm = 0.0;
    for (int c = 0; c < m; ++c) {
        double col = 0.0;
        for (int r = 0; r < n; ++r)
            col += fabs(c < n ? J[r * n + c] : f[r]);
        norm = col > norm ? col : norm;
    }
    norm *= fabs(dt);
    int sq = 0;
    while (norm > 0.5 && sq < 1000) {
        norm *= 0.5;
        ++sq;
    }
    if (!(norm <= 0.5)) {  /* NaN or inf in J or f: let it show in the state */
        for (int r = 0; r < n; ++r)
            d[r] = NAN;
        return;
    }
    const double h = ldexp(dt, -sq);
    for (int r = 0; r < m; ++r)
        for (int c = 0; c < m; ++c)
            B[r * m + c] = r == n ? 0.0 : h * (c < n ? J[r * n + c] : f[r]);
    /* Horner: E = I + B/1 (I + B/2 (... (I + B/12))) */
    for (int r = 0; r < m; ++r)
        for (int c = 0; c < m; ++c)
            E[r * m + c] = (r == c ? 1.0 : 0.0) + B[r * m + c] / 12.0;
    for (int k = 11; k >= 1; --k) {
        for (int r = 0; r < m; ++r)
            for (int c = 0; c < m; ++c) {
                double acc = 0.0;
                for (int q = 0; q < m; ++q)
                    acc += B[r * m + q] * E[q * m + c];
                T[r * m + c] = (r == c ? 1.0 : 0.0) + acc / k;
            }
        for (int i = 0; i < m * m; ++i)
            E[i] = T[i];
    }
    for (int s = 0; s < sq; ++s) {
        for (int r = 0; r < m; ++r)
            for (int c = 0; c < m; ++c) {
                double acc = 0.0;
                for (int q = 0; q < m; ++q)
                    acc += E[r * m + q] * E[q * m + c];
                T[r * m + c] = acc;
            }
        for (int i = 0; i < m * m; ++i)
            E[i] = T[i];
    }
    for (int r = 0; r < n; ++r)
        d[r] = E[r * m + n];
}

#endif
