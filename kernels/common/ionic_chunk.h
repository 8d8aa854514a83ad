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

#endif
