"""Facts about this installation: versions, MPI, PETSc's external solvers, kernels.

Used by ``cardiotwin info [--json]`` and recorded by the benchmarks.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import platform
import sys
from typing import Any

import numpy as np

import cardiotwin

#: PETSc external packages worth knowing about for cardiac solvers.
PETSC_EXTERNALS = ("hypre", "mumps", "superlu_dist", "ml", "hdf5", "metis", "parmetis", "ptscotch")


def compiled_kernels() -> dict[str, list[str]]:
    """Names of the compiled kernel modules, by group (``ionic``, ``common``...)."""
    import cardiotwin._kernels as pkg

    groups: dict[str, list[str]] = {}
    for mod in pkgutil.walk_packages(pkg.__path__, prefix="cardiotwin._kernels."):
        short = mod.name.removeprefix("cardiotwin._kernels.")
        if mod.ispkg:
            continue
        group, _, name = short.rpartition(".")
        groups.setdefault(group or "core", []).append(name)
    return {g: sorted(v) for g, v in sorted(groups.items())}


def openmp_info() -> dict[str, Any]:
    """Whether the kernels were built with OpenMP, and the thread count it would use."""
    try:
        bi = importlib.import_module("cardiotwin._kernels.buildinfo")
    except ImportError as exc:
        return {"enabled": False, "max_threads": 1, "error": f"kernels not built: {exc}"}
    return {
        "enabled": bi.openmp_enabled(),
        "max_threads": bi.openmp_max_threads(),
        "version": bi.openmp_version(),
        "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS"),
    }


def cpu_model() -> str:
    """CPU model name from /proc/cpuinfo (falls back to :func:`platform.processor`)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _dolfinx_petsc_mpi() -> dict[str, Any]:
    from cardiotwin._deps import require_dolfinx
    from cardiotwin.exceptions import DependencyError

    out: dict[str, Any] = {}
    try:
        dolfinx = require_dolfinx()
    except DependencyError as exc:
        out["dolfinx"] = None
        out["dolfinx_error"] = str(exc).splitlines()[0]
        try:
            from mpi4py import MPI
        except ImportError:
            out["mpi"] = None
            return out
    else:
        from mpi4py import MPI
        from petsc4py import PETSc

        out["dolfinx"] = dolfinx.__version__
        out["petsc"] = ".".join(map(str, PETSc.Sys.getVersion()))
        out["petsc_scalar"] = str(np.dtype(PETSc.ScalarType))
        out["petsc_external"] = {p: bool(PETSc.Sys.hasExternalPackage(p)) for p in PETSC_EXTERNALS}
        try:
            out["dolfinx_solver_wheel"] = importlib.import_module("dolfinx_solver").__version__
        except ImportError:
            out["dolfinx_solver_wheel"] = None
    comm = MPI.COMM_WORLD
    out["mpi"] = {
        "library": MPI.Get_library_version().splitlines()[0].strip(),
        "mpi4py": importlib.import_module("mpi4py").__version__,
        "ranks": comm.size,
    }
    return out


def collect() -> dict[str, Any]:
    """All installation facts as a JSON-serialisable dict."""
    info: dict[str, Any] = {
        "cardiotwin": cardiotwin.__version__,
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
    }
    info.update(_dolfinx_petsc_mpi())
    try:
        info["kernels"] = compiled_kernels()
    except ImportError as exc:
        info["kernels"] = {}
        info["kernels_error"] = str(exc)
    info["openmp"] = openmp_info()
    return info


def format_text(info: dict[str, Any]) -> str:
    """Human-readable rendering of :func:`collect`."""
    lines = [
        f"cardiotwin   {info['cardiotwin']}",
        f"python       {info['python']}   numpy {info['numpy']}",
        f"cpu          {info['cpu']} ({info['cores']} cores)",
    ]
    if info.get("dolfinx"):
        ext = info.get("petsc_external", {})
        have = ", ".join(k for k, v in ext.items() if v) or "none"
        missing = ", ".join(k for k, v in ext.items() if not v) or "none"
        lines.append(f"dolfinx      {info['dolfinx']}")
        lines.append(f"petsc        {info['petsc']} ({info['petsc_scalar']}); "
                     f"external: {have}; not available: {missing}")
    else:
        lines.append(f"dolfinx      not available ({info.get('dolfinx_error', 'not installed')})")
    mpi = info.get("mpi")
    if mpi:
        lines.append(f"mpi          {mpi['library']}; mpi4py {mpi['mpi4py']}; ranks {mpi['ranks']}")
    omp = info["openmp"]
    lines.append("openmp       " + (f"on, {omp['max_threads']} threads" if omp["enabled"]
                                   else "off (kernels built without OpenMP; single-threaded)"))
    for group, names in info["kernels"].items():
        lines.append(f"kernels      {group}: {', '.join(names)}")
    if info.get("kernels_error"):
        lines.append(f"kernels      not built: {info['kernels_error']}")
    return "\n".join(lines)
