"""Every run configuration and sweep shipped in examples/ (and the demo's) loads and validates."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from cardiotwin.studies.batch import load_sweep
from cardiotwin.studies.runconfig import RunConfig, load_config

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
def test_example_configuration_loads(path):
    data = tomllib.loads(path.read_text())
    if path.name.startswith("beat_"):  # a beat configuration (cardiotwin demo beat)
        from cardiotwin.studies.beat import BeatConfig, beat_config_from_toml

        assert isinstance(beat_config_from_toml(path), BeatConfig)
    elif "base" in data:  # a sweep: every member is built and validated
        sweep = load_sweep(path)
        assert len(sweep.members) >= 2
        if sweep.study == "beat":
            assert len({m.config_hash for m in sweep.members}) == len(sweep.members)
        else:
            assert all(m.config.stimuli for m in sweep.members)
    else:
        cfg = load_config(path)
        assert cfg.stimuli and cfg.time.t_end_ms > 0


def test_demo_configuration_loads():
    from cardiotwin.studies.demo import DemoConfig, demo_run_config

    data = tomllib.loads(files("cardiotwin.data").joinpath("demo.toml").read_text())
    assert {"ionic", "conductivity", "stimulus"} <= set(data)
    cfg = demo_run_config(DemoConfig(), mesh_dir=EXAMPLES.parent / "meshes" / "phantom_biv")
    assert isinstance(cfg, RunConfig) and [lay.model for lay in cfg.ionic.layers] == [
        "tp06-endo", "tp06-m"]
