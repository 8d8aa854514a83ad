"""Shared fixtures and MPI-aware test configuration.

- ``skip_in_parallel`` marker: skipped when run with more than one MPI rank.
- ``mpi`` marker: also run by ``make test`` under ``mpiexec -n 2``.
- After every test (when mpi4py is loaded) ``gc.collect(); comm.Barrier()`` so that
  collective destructors (PETSc objects) run in step on all ranks.
- Under more than one rank, a failing test aborts the whole MPI job after printing
  its report: a rank that fails while the others wait in a collective would
  otherwise hang the run instead of failing it.
- ``shared_reference`` fixture: the read-only reference data beside the repository,
  or a clean skip naming what is missing.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest

try:  # before any dolfinx: h5py's own HDF5 must load first (see cardiotwin._deps)
    import h5py  # noqa: F401
except ImportError:
    pass

REPO = Path(__file__).resolve().parents[1]
SHARED_REFERENCE = Path(
    os.environ.get("CARDIOTWIN_SHARED_REFERENCE", REPO.parent / "shared" / "reference")
)


def _world_size() -> int:
    for var in ("PMI_SIZE", "OMPI_COMM_WORLD_SIZE", "PMIX_SIZE"):
        if var in os.environ:
            return int(os.environ[var])
    return 1


def pytest_collection_modifyitems(config, items):
    if _world_size() > 1:
        skip = pytest.mark.skip(reason="skip_in_parallel: serial-only test")
        for item in items:
            if "skip_in_parallel" in item.keywords:
                item.add_marker(skip)


def pytest_configure(config):
    # Under mpiexec only rank 0 reports; other ranks keep quiet unless something fails.
    rank = int(os.environ.get("PMI_RANK", os.environ.get("OMPI_COMM_WORLD_RANK", "0")))
    if rank != 0:
        config.option.verbose = -2


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if _world_size() > 1 and report.failed and "mpi4py.MPI" in sys.modules:
        rank = sys.modules["mpi4py.MPI"].COMM_WORLD.rank
        sys.stderr.write(f"\n[rank {rank}] FAILED {item.nodeid} ({report.when}):\n"
                         f"{report.longreprtext}\n[rank {rank}] aborting the MPI job\n")
        sys.stderr.flush()
        sys.modules["mpi4py.MPI"].COMM_WORLD.Abort(1)


@pytest.fixture(autouse=True)
def _mpi_teardown():
    yield
    if "mpi4py.MPI" in sys.modules:
        gc.collect()
        sys.modules["mpi4py.MPI"].COMM_WORLD.Barrier()


@pytest.fixture(scope="session")
def comm():
    """``MPI.COMM_WORLD`` (with dolfinx's MPI ordering when the wheel is installed)."""
    try:
        import dolfinx_solver  # noqa: F401
    except ImportError:
        pass
    from mpi4py import MPI

    return MPI.COMM_WORLD


@pytest.fixture(scope="session")
def shared_reference() -> Path:
    """Path to ``../shared/reference`` or skip with the reason."""
    if not SHARED_REFERENCE.is_dir():
        pytest.skip(f"reference data not found at {SHARED_REFERENCE} "
                    "(set CARDIOTWIN_SHARED_REFERENCE to its location)")
    return SHARED_REFERENCE


@pytest.fixture(scope="session")
def dolfinx():
    """The dolfinx module, or skip if this installation has none."""
    from cardiotwin._deps import require_dolfinx
    from cardiotwin.exceptions import DependencyError

    try:
        return require_dolfinx()
    except DependencyError as exc:
        pytest.skip(str(exc).splitlines()[0])


@pytest.fixture(scope="session")
def unit_cube_mesh(dolfinx, comm):
    """A tiny 4x4x4 tetrahedral unit cube (mm), distributed over the ranks."""
    import dolfinx.mesh

    return dolfinx.mesh.create_unit_cube(comm, 4, 4, 4, dolfinx.mesh.CellType.tetrahedron)


@pytest.fixture(scope="session")
def slab_mesh(dolfinx, comm):
    """A small 4 x 2 x 1 mm hexahedral slab with 0.5 mm elements."""
    import dolfinx.mesh
    import numpy as np

    return dolfinx.mesh.create_box(
        comm, [np.zeros(3), np.array([4.0, 2.0, 1.0])], [8, 4, 2],
        dolfinx.mesh.CellType.hexahedron,
    )


@pytest.fixture(scope="session")
def phantom_geometry(comm, dolfinx):
    """The shipped phantom geometry folder (``meshes/phantom_biv``) loaded on every rank."""
    from cardiotwin.geometry import load_geometry

    folder = REPO / "meshes" / "phantom_biv"
    if not (folder / "geometry.json").is_file():
        pytest.skip(f"the shipped phantom {folder} is not in this checkout")
    return load_geometry(folder, comm)
