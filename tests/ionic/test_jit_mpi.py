"""A user's model file used by every MPI rank is generated and compiled once, on rank 0,
then loaded everywhere (run under ``mpiexec -n 2`` by the test suite's MPI stage)."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.mpi


@pytest.fixture
def model_file(comm, tmp_path_factory):
    """Aliev–Panfilov written out by Myokit as CellML, in a folder every rank shares."""
    pytest.importorskip("myokit")
    import myokit
    import myokit.formats

    from cardiotwin.ionic.shipped import MODELS_DIR

    folder = tmp_path_factory.mktemp("jit_mpi") if comm.rank == 0 else None
    folder = comm.bcast(folder, root=0)
    path = folder / "mpi_model.cellml"
    if comm.rank == 0:
        model = myokit.load_model(str(MODELS_DIR / "aliev_panfilov_1996.mmt"))
        model.set_name("mpi_model")
        myokit.formats.exporter("cellml").model(str(path), model)
    comm.Barrier()
    return path


def test_compiled_once_on_rank_0(comm, model_file, monkeypatch):
    from cardiotwin.ionic import resolve_model
    from cardiotwin.ionic.jit import builds_in_this_process

    monkeypatch.setenv("CARDIOTWIN_CACHE_DIR", str(model_file.parent / "cache"))
    before = len(builds_in_this_process())
    model = resolve_model(str(model_file), comm=comm)
    built = comm.allgather(len(builds_in_this_process()) - before)
    assert built == [1] + [0] * (comm.size - 1)
    # every rank runs the same kernel
    x, p = model.initial_states(4), model.default_params(4)
    model.step(x, p, np.full(4, model.default_stimulus[0]), 0.0, 0.02)
    states = comm.allgather(x.copy())
    assert all(np.array_equal(s, states[0]) for s in states)
    # a second resolution is a cache hit everywhere
    resolve_model(str(model_file), comm=comm)
    assert comm.allgather(len(builds_in_this_process()) - before) == built
