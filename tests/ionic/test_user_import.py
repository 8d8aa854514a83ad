"""User models from a path: generate, compile into the cache, load; and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from cardiotwin.exceptions import ModelError
from cardiotwin.ionic.shipped import MODELS_DIR


@pytest.fixture
def unseen_cellml(tmp_path, monkeypatch):
    """Aliev–Panfilov written out by Myokit as CellML 1.0 with a renamed voltage."""
    pytest.importorskip("myokit")
    import myokit
    import myokit.formats

    model = myokit.load_model(str(MODELS_DIR / "aliev_panfilov_1996.mmt"))
    model.set_name("my_model")
    path = tmp_path / "my_model.cellml"
    myokit.formats.exporter("cellml").model(str(path), model)
    monkeypatch.setenv("CARDIOTWIN_CACHE_DIR", str(tmp_path / "cache"))
    return path


@pytest.mark.skip_in_parallel
def test_load_model_end_to_end(unseen_cellml, tmp_path):
    from cardiotwin.ionic import get_model, load_model
    from cardiotwin.ionic.simulate import PacingProtocol, pace

    m = load_model(unseen_cellml)
    assert m.name == "user-my-model"
    assert get_model("user-my-model") is m
    so = sorted((tmp_path / "cache").glob("ionic/*/*.so"))
    assert len(so) == 1
    mtime = so[0].stat().st_mtime_ns
    # second load: from the cache, nothing rebuilt
    assert load_model(unseen_cellml) is not None
    assert so[0].stat().st_mtime_ns == mtime
    # same physics as the shipped Aliev–Panfilov kernel generated from the .mmt
    ref = pace(get_model("aliev-panfilov"), PacingProtocol(beats=2, dt_ms=0.02))
    got = pace(m, PacingProtocol(beats=2, dt_ms=0.02))
    assert np.allclose(got.v, ref.v, atol=1e-9)

    # the CLI on the path (cache already warm)
    proc = subprocess.run([sys.executable, "-m", "cardiotwin", "cell", str(unseen_cellml),
                           "--json", "--dt", "0.02", "--beats", "2"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["apd90_ms"] == pytest.approx(ref.biomarkers.apd90_ms, rel=1e-9)


def test_missing_stimulus_can_be_named(tmp_path):
    pytest.importorskip("myokit")
    from cardiotwin.ionic.importer import prepare_model

    text = (MODELS_DIR / "aliev_panfilov_1996.mmt").read_text()
    text = text.replace("    oxmeta: membrane_stimulus_current\n", "")
    text = text.replace("i_stim", "foo")
    path = tmp_path / "m.mmt"
    path.write_text(text)
    with pytest.raises(ModelError, match="stimulus"):
        prepare_model(path)
    prep = prepare_model(path, stimulus="membrane.foo")
    assert prep.stimulus == "membrane.foo"
    assert prep.default_stimulus == (-52.0, 1.0)


def test_unknown_format(tmp_path):
    from cardiotwin.ionic.importer import prepare_model

    path = tmp_path / "m.txt"
    path.write_text("x")
    with pytest.raises(ModelError, match="format"):
        prepare_model(path)
