/* SIMD variants of the libm functions the generated ionic kernels call.
 *
 * glibc's libmvec provides vector versions of exp, log, pow, ... (at most 4 ulp error),
 * but <math.h> only declares them under -ffast-math.  Declaring them here lets GCC
 * vectorise the kernels' cell loops without -ffast-math (IEEE semantics otherwise kept;
 * the kernels are compiled with -fno-math-errno -fno-trapping-math).  Elsewhere (clang,
 * other C libraries, other CPUs) this header only includes <math.h> and the loops use the
 * scalar functions.
 */
#ifndef CARDIOTWIN_SIMD_MATH_H
#define CARDIOTWIN_SIMD_MATH_H
#include <math.h>

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__) \
    && !defined(CARDIOTWIN_NO_LIBMVEC)
#  define CARDIOTWIN_SIMD __attribute__((__simd__("notinbranch")))
CARDIOTWIN_SIMD double exp(double);
CARDIOTWIN_SIMD double log(double);
CARDIOTWIN_SIMD double pow(double, double);
CARDIOTWIN_SIMD double sin(double);
CARDIOTWIN_SIMD double cos(double);
#  if __GLIBC_PREREQ(2, 35)
CARDIOTWIN_SIMD double expm1(double);
CARDIOTWIN_SIMD double log10(double);
CARDIOTWIN_SIMD double tan(double);
CARDIOTWIN_SIMD double atan(double);
CARDIOTWIN_SIMD double asin(double);
CARDIOTWIN_SIMD double acos(double);
#  endif
#  define CARDIOTWIN_LIBMVEC 1
#else
#  define CARDIOTWIN_LIBMVEC 0
#endif

#endif
