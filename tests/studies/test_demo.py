"""The shipped demo runs end to end (coarse variant) and shows the expected physiology."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.studies.demo import QUICK, DemoConfig, run_demo


@pytest.mark.mpi
def test_quick_demo_writes_results_and_ikr_block_prolongs_repolarisation(
        dolfinx, comm, tmp_path_factory):
    out = comm.bcast(str(tmp_path_factory.mktemp("demo")) if comm.rank == 0 else None)
    summary = run_demo(out, QUICK, comm=comm, progress=False)
    # the whole myocardium outside the non-conducting scar is activated
    assert summary["activated_fraction"] > 0.95
    apd = summary["apd90_mean_ms"]
    # TP06 ventricular APD90 at this rate is 250-350 ms; 50 % IKr block prolongs it
    assert 200.0 < apd["control"] < 350.0
    assert apd["drug"] - apd["control"] > 5.0
    # the pseudo-ECG has a T wave within the run, and the IKr block moves it later
    assert summary["qt_ms"] is not None
    assert summary["qt_ms"]["drug"] > summary["qt_ms"]["control"] + 5.0
    if comm.rank == 0:
        for key, path in summary["outputs"].items():
            assert Path(path).exists(), key
        saved = json.loads(Path(summary["outputs"]["summary"]).read_text())
        assert saved["apd90_mean_ms"] == apd
        assert Path(summary["outputs"]["activation_png"]).stat().st_size > 10_000


def test_demo_config_rejects_bad_values():
    with pytest.raises(ConfigError, match="dt_ms"):
        DemoConfig(dt_ms=0.0)
    with pytest.raises(ConfigError, match="gkr_scale"):
        DemoConfig(gkr_scale=1.5)
