"""The device-testing example runs and its strength-duration curve has the expected shape."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "device_testing.py"


@pytest.mark.mpi
def test_device_testing_example(tmp_path, comm, dolfinx):
    spec = importlib.util.spec_from_file_location("device_testing", EXAMPLE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    png = tmp_path / "sd.png" if comm.rank == 0 else ""
    out = mod.main(["--widths", "0.25,1,2", "--out", str(png)])
    thr = np.array(out["threshold_mA"])
    assert np.all(np.diff(thr) < 0)
    assert 0.05 < out["weiss"]["chronaxie_ms"] < 5.0
    if comm.rank == 0:
        assert png.stat().st_size > 1000
