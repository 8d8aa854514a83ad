"""Cell-wise conductivity scaling of a tagged region."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError


def _tagged_cube(comm):
    from dolfinx import mesh as dmesh

    mesh = dmesh.create_unit_cube(comm, 4, 4, 4)
    tdim = mesh.topology.dim
    n = mesh.topology.index_map(tdim).size_local + mesh.topology.index_map(tdim).num_ghosts
    cells = np.arange(n, dtype=np.int32)
    mid = dmesh.compute_midpoints(mesh, tdim, cells)
    values = np.where(mid[:, 0] < 0.5, 1, 2).astype(np.int32)
    tags = dmesh.meshtags(mesh, tdim, cells, values)
    return SimpleNamespace(mesh=mesh, cell_tags=tags,
                           cell_tag_ids={"lv-myocardium": 1, "rv-myocardium": 2}), mid


@pytest.mark.mpi
def test_scaling_multiplies_only_the_tagged_cells(comm):
    from cardiotwin.ep.conductivity import scale_tagged_conductivity

    geo, mid = _tagged_cube(comm)
    s = scale_tagged_conductivity(geo, "lv-myocardium", 0.25)
    n = len(mid)
    expected = np.where(mid[:, 0] < 0.5, 0.25, 1.0)
    np.testing.assert_array_equal(s.x.array[:n], expected)
    same = scale_tagged_conductivity(geo, "rv-myocardium", 0.5, s)  # multiplies in place
    assert same is s
    np.testing.assert_array_equal(s.x.array[:n], np.where(mid[:, 0] < 0.5, 0.25, 0.5))
    with pytest.raises(ConfigError, match=r"'scar'.*has"):
        scale_tagged_conductivity(geo, "scar", 0.5)
    with pytest.raises(ConfigError, match="finite number > 0"):
        scale_tagged_conductivity(geo, "lv-myocardium", 0.0)
