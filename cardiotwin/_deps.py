"""Lazy, checked imports of the heavy optional dependencies.

Modules that need DOLFINx/PETSc call :func:`require_dolfinx` at import; it imports
``dolfinx_solver`` first when that binary wheel is installed (it fixes the MPI library
load order), then mpi4py, petsc4py and dolfinx, and raises a :class:`DependencyError`
that says how to install them when they are missing or too old.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType

from cardiotwin.exceptions import DependencyError

MIN_DOLFINX = (0, 10)

_DOLFINX_HELP = (
    "cardiotwin's tissue solvers need DOLFINx >= 0.10 with petsc4py and mpi4py. Install "
    "them with either\n"
    "  pip install 'cardiotwin[dolfinx]'      # binary wheel dolfinx-solver-real (Python >= 3.12)\n"
    "or from conda-forge:  conda install -c conda-forge fenics-dolfinx petsc4py mpi4py\n"
    "(or use a Spack environment / the dolfinx container images)."
)


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def require_dolfinx() -> ModuleType:
    """Import and return :mod:`dolfinx`, with MPI and PETSc initialised in the right order.

    Raises
    ------
    DependencyError
        If dolfinx, petsc4py or mpi4py is missing, or dolfinx is older than 0.10.
    """
    try:
        importlib.import_module("dolfinx_solver")
    except ImportError:
        pass  # conda-forge / Spack installs have no such wheel; that is fine
    # h5py wheels bundle their own HDF5; once dolfinx has compiled and loaded forms, a
    # later ``import h5py`` binds to dolfinx's HDF5 and fails ("Not a datatype").  Loaded
    # first, h5py keeps its own library and both work in one process.
    if "dolfinx" not in sys.modules and importlib.util.find_spec("h5py") is not None:
        importlib.import_module("h5py")
    try:
        importlib.import_module("mpi4py.MPI")
        importlib.import_module("petsc4py.PETSc")
        dolfinx = importlib.import_module("dolfinx")
    except ImportError as exc:
        raise DependencyError(f"{exc}.\n{_DOLFINX_HELP}") from exc
    if _version_tuple(dolfinx.__version__) < MIN_DOLFINX:
        raise DependencyError(
            f"dolfinx {dolfinx.__version__} is installed but cardiotwin needs >= "
            f"{'.'.join(map(str, MIN_DOLFINX))}.\n{_DOLFINX_HELP}"
        )
    return dolfinx


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import an optional dependency or raise a :class:`DependencyError` naming the extra.

    Parameters
    ----------
    module
        Importable module name, e.g. ``"pyvista"``.
    extra
        The ``cardiotwin[...]`` extra that provides it, e.g. ``"viz"``.
    purpose
        What it is needed for, used in the message.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise DependencyError(
            f"{purpose} needs the Python package '{module}', which is not installed "
            f"({exc}). Install it with: pip install 'cardiotwin[{extra}]'"
        ) from exc
