"""``cardiotwin mechbench``: the JSON interface of the Land et al. 2015 benchmark."""

from __future__ import annotations

import json

import pytest

from cardiotwin import cli


@pytest.mark.mpi
def test_problem1_json(dolfinx, comm, capsys):
    """Problem 1 on the coarsest grid: the documented keys, and the beam tip within 3 %
    of the reported 4.17 mm (4.07 mm at 10x1x1 boxes, 4.16 mm at 40x4x4)."""
    assert cli.main(["mechbench", "--problem", "1", "--refine", "0", "--json"]) == 0
    if comm.rank != 0:
        return
    out = json.loads(capsys.readouterr().out)
    for key in ("point_z_mm", "dofs", "ranks", "wall_s", "newton_iterations"):
        assert key in out
    assert out["point_z_mm"] == pytest.approx(4.17, rel=0.03)
    assert out["ranks"] == comm.size
    assert out["load_steps"] == len(out["newton_iterations"]) == 4
    assert all(1 <= n <= 25 for n in out["newton_iterations"])


def test_bad_option_is_exit_2(dolfinx, capsys):
    assert cli.main(["mechbench", "--problem", "1", "--petsc-option", "snes_monitor"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err
