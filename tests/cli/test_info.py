"""``cardiotwin info``: versions, PETSc externals, MPI ranks and compiled kernels."""

from __future__ import annotations

import pytest

from cardiotwin import info as info_mod
from cardiotwin._deps import _version_tuple


def test_kernels_are_compiled_and_listed():
    info = info_mod.collect()
    assert "buildinfo" in info["kernels"]["core"]
    assert "aliev_panfilov" in info["kernels"]["ionic"]
    assert isinstance(info["openmp"]["enabled"], bool)
    assert info["openmp"]["max_threads"] >= 1


def test_text_format_mentions_everything():
    text = info_mod.format_text(info_mod.collect())
    for key in ("cardiotwin", "python", "dolfinx", "openmp", "kernels"):
        assert key in text


def test_dolfinx_petsc_reported(dolfinx):
    info = info_mod.collect()
    assert _version_tuple(info["dolfinx"]) >= (0, 10)
    assert set(info["petsc_external"]) >= {"hypre", "mumps", "superlu_dist"}
    assert all(isinstance(v, bool) for v in info["petsc_external"].values())


@pytest.mark.mpi
def test_mpi_ranks_match_world(comm):
    info = info_mod.collect()
    assert info["mpi"]["ranks"] == comm.size
    # every rank sees the same installation
    gathered = comm.allgather((info["cardiotwin"], info["mpi"]["library"]))
    assert len(set(gathered)) == 1


def test_version_tuple_parses_post_releases():
    assert _version_tuple("0.11.0.post0") == (0, 11, 0)
    assert _version_tuple("0.10.0") >= (0, 10)
    assert _version_tuple("0.9.0") < (0, 10)
