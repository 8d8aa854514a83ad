"""``cardiotwin plot``: a real results folder rendered to PNG/GIF; the XDMF reader checked
against the simulation that wrote the files."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
PHANTOM = REPO / "meshes" / "phantom_biv"

CONFIG = f"""
[geometry]
mesh = "{PHANTOM}"

[[stimulus]]
facets = ["lv-endocardium"]
duration_ms = 1.0
amplitude = 60.0

[time]
t_end_ms = 25.0
dt_ms = 0.1

[output]
series_every_ms = 5.0
checkpoint_every_ms = 100.0
ecg = {{a = [80.0, 0.0, -25.0], b = [-60.0, 0.0, -25.0]}}
probes = {{near = [-12.55, -11.32, -25.64]}}
pictures = false
"""


@pytest.fixture(scope="module")
def results(dolfinx, tmp_path_factory):
    from mpi4py import MPI

    from cardiotwin.studies.runconfig import RunConfig
    from cardiotwin.studies.runner import run_simulation

    folder = tmp_path_factory.mktemp("plot") / "run"
    cfg = RunConfig.from_dict(tomllib.loads(CONFIG), REPO)
    summary = run_simulation(cfg, folder, comm=MPI.COMM_SELF, progress=False)
    return folder, summary


def _fractions(png: Path) -> tuple[float, float]:
    """Fractions of pixels that are not background white, and that are coloured."""
    import imageio.v3 as iio

    img = np.asarray(iio.imread(png))[..., :3].astype(int)
    spread = img.max(axis=-1) - img.min(axis=-1)
    return float(np.mean(img.min(axis=-1) < 235)), float(np.mean(spread > 20))


@pytest.mark.skip_in_parallel
def test_xdmf_reader_matches_the_simulation(results):
    from cardiotwin.io.xdmf import XdmfFile

    folder, summary = results
    sim = summary["_sim"]
    # V at the last output, matched to the simulation's dofs by coordinates
    v = XdmfFile(folder / "v.xdmf")
    assert v.functions == ["V"]
    np.testing.assert_allclose(v.times("V"), [0.0, 5.0, 10.0, 15.0, 20.0, 25.0])
    mesh = v.mesh
    assert mesh.cells.shape[1] == 4 and mesh.cells.max() < len(mesh.points)
    x_sim = sim.V.tabulate_dof_coordinates()[:, :3]
    order_file = np.lexsort(mesh.points.T)
    order_sim = np.lexsort(x_sim.T)
    np.testing.assert_allclose(mesh.points[order_file], x_sim[order_sim], atol=1e-10)
    np.testing.assert_allclose(v.read("V", -1)[order_file], sim.v.x.array[order_sim],
                               atol=1e-10)
    maps = XdmfFile(folder / "maps.xdmf")
    act = maps.read("activation_ms")
    done = act[act >= 0]
    assert done.max() - done.min() == pytest.approx(summary["total_activation_ms"], abs=1e-3)
    assert np.mean(act >= 0) == pytest.approx(summary["activated_fraction"], abs=1e-4)


@pytest.mark.skip_in_parallel
def test_plot_renders_a_results_folder(results, tmp_path):
    from cardiotwin.viz.results import plot_results

    folder, _ = results
    files = plot_results(folder, tmp_path / "plots", snapshots=4, fps=5)
    expected = {"activation_ms", "repolarisation_ms", "apd90_ms", "v_snapshots", "v_gif",
                "ecg", "probes", "fibres", "fibre_streamlines"}
    # repolarisation/APD90 exist only where tissue repolarised: 20 ms is too short
    assert {"activation_ms", "v_snapshots", "v_gif", "ecg", "probes", "fibres",
            "fibre_streamlines"} <= set(files) <= expected
    for path in files.values():
        assert Path(path).stat().st_size > 5_000
    # the anatomy fills the frame and the field shows in colour
    for key in ("activation_ms", "v_snapshots", "fibres", "fibre_streamlines"):
        drawn, coloured = _fractions(Path(files[key]))
        assert drawn > 0.2 and coloured > 0.03, (key, drawn, coloured)
    import imageio.v3 as iio

    frames = iio.imread(files["v_gif"], index=None)
    assert frames.shape[0] == 6  # one frame per V output
    assert not np.array_equal(frames[0], frames[-1])


@pytest.mark.skip_in_parallel
def test_plot_batch_table(tmp_path):
    from cardiotwin.viz.results import plot_results

    (tmp_path / "batch.json").write_text(json.dumps({"keys": ["ionic.scalings.gKr"]}))
    rows = ["member,status,ionic.scalings.gKr,total_activation_ms,activated_fraction,"
            "apd90_mean_ms,qt_ms,wall_s"]
    rows += [f"m{i:04d},done,{0.5 + 0.1 * i},{80 + i},1.0,{300 - 10 * i},,1.0"
             for i in range(6)]
    (tmp_path / "results.csv").write_text("\n".join(rows) + "\n")
    files = plot_results(tmp_path, tmp_path / "plots")
    assert list(files) == ["batch_results"]
    assert Path(files["batch_results"]).stat().st_size > 5_000


@pytest.mark.skip_in_parallel
def test_cli_on_a_folder_without_results(tmp_path):
    res = subprocess.run([sys.executable, "-m", "cardiotwin", "plot", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert "holds no results to plot" in res.stderr
    assert res.stderr.strip().count("\n") == 0
    assert not (tmp_path / "plots").exists()
