"""Build the Cython kernels under ``kernels/`` into ``cardiotwin._kernels.*``.

Every ``kernels/**/*.pyx`` becomes the extension module
``cardiotwin._kernels.<relative.dotted.path>``; shared inline helpers live in
``kernels/common/*.pxd`` and are cimported by name.  Kernels are compiled with ``-O3``
and OpenMP when the compiler supports it; set ``CARDIOTWIN_NO_OPENMP=1`` to build
without it.  ``cardiotwin info`` reports which way the installed kernels were built.

Rebuild after editing a ``.pyx`` (editable install)::

    make kernels          # == .venv/bin/python setup.py build_ext --inplace
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy
from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
KERNELS = HERE / "kernels"


def _compiler_supports_openmp() -> bool:
    """Compile and link a tiny OpenMP program with the default C compiler."""
    if os.environ.get("CARDIOTWIN_NO_OPENMP", "") not in ("", "0"):
        print("cardiotwin: OpenMP disabled by CARDIOTWIN_NO_OPENMP", file=sys.stderr)
        return False
    from setuptools._distutils.ccompiler import new_compiler
    from setuptools._distutils.sysconfig import customize_compiler

    cc = new_compiler()
    customize_compiler(cc)
    src = "#include <omp.h>\nint main(void){return omp_get_max_threads() > 0 ? 0 : 1;}\n"
    with tempfile.TemporaryDirectory() as tmp:
        c_file = Path(tmp) / "omp_check.c"
        c_file.write_text(src)
        try:
            objs = cc.compile([str(c_file)], output_dir=tmp, extra_postargs=["-fopenmp"])
            cc.link_executable(objs, str(Path(tmp) / "omp_check"), extra_postargs=["-fopenmp"])
        except Exception as exc:  # noqa: BLE001 - any failure means "no OpenMP"
            print(f"cardiotwin: compiler has no usable OpenMP ({exc}); building serial kernels",
                  file=sys.stderr)
            return False
    return True


_LIBMVEC_CHECK = r"""
#include "simd_math.h"
double x[64], y[64];
int main(void) {
    for (int i = 0; i < 64; ++i) x[i] = 0.01 * i;
    for (int i = 0; i < 64; ++i) y[i] = exp(x[i]) + log(1.0 + x[i]) + expm1(x[i]) + pow(x[i], 1.5);
    return y[3] > 0.0 ? 0 : 1;
}
"""


def _libmvec_links(compile_args: list[str]) -> bool:
    """Whether a loop calling the SIMD math declarations of ``simd_math.h`` links with -lm.

    Where it does not (no libmvec), the kernels are built with ``CARDIOTWIN_NO_LIBMVEC``
    and call the scalar functions.
    """
    from setuptools._distutils.ccompiler import new_compiler
    from setuptools._distutils.sysconfig import customize_compiler

    cc = new_compiler()
    customize_compiler(cc)
    with tempfile.TemporaryDirectory() as tmp:
        c_file = Path(tmp) / "mvec_check.c"
        c_file.write_text(_LIBMVEC_CHECK)
        try:
            objs = cc.compile([str(c_file)], output_dir=tmp, include_dirs=[str(KERNELS / "common")],
                              extra_postargs=compile_args)
            cc.link_executable(objs, str(Path(tmp) / "mvec_check"), libraries=["m"])
        except Exception as exc:  # noqa: BLE001 - any failure means "scalar libm only"
            print(f"cardiotwin: no SIMD libm (libmvec) ({exc}); kernels call scalar exp/log",
                  file=sys.stderr)
            return False
    return True


def _extensions() -> list[Extension]:
    openmp = _compiler_supports_openmp()
    compile_args = ["-O3", "-fno-math-errno", "-fno-trapping-math"]
    if not _libmvec_links(compile_args):
        compile_args.append("-DCARDIOTWIN_NO_LIBMVEC")
    # Python's default CFLAGS carry -fno-strict-overflow (-fwrapv): with wrapping int
    # arithmetic GCC does not vectorise the table and state index computations of the
    # ionic cell loops with full AVX-512 vectors (x86-64-v4 clones; ~1.3x slower
    # TP06 lookup-table kernel).  The kernels' C code does not rely on wrapping overflow.
    compile_args.append("-fstrict-overflow")
    link_args: list[str] = []
    if openmp:
        compile_args.append("-fopenmp")
        link_args.append("-fopenmp")
    exts = []
    for pyx in sorted(KERNELS.rglob("*.pyx")):
        rel = pyx.relative_to(KERNELS).with_suffix("")
        name = "cardiotwin._kernels." + ".".join(rel.parts)
        exts.append(
            Extension(
                name,
                [str(pyx.relative_to(HERE))],
                include_dirs=[numpy.get_include(), str(KERNELS / "common")],
                define_macros=[("NPY_NO_DEPRECATED_API", "NPY_1_7_API_VERSION")],
                extra_compile_args=compile_args,
                extra_link_args=link_args,
                libraries=["m"],
            )
        )
    return cythonize(
        exts,
        include_path=[str(KERNELS / "common")],
        language_level=3,
        nthreads=os.cpu_count() or 1,
        compiler_directives={
            "boundscheck": False,
            "wraparound": False,
            "cdivision": True,
            "initializedcheck": False,
            "embedsignature": True,
        },
    )


class ParallelBuildExt(build_ext):
    """``build_ext`` that compiles the C files of several kernels at once by default."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1


setup(ext_modules=_extensions(), cmdclass={"build_ext": ParallelBuildExt})
