"""``cardiotwin cell`` through the command line: parameter options and failures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _cell(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cardiotwin", "cell", *args],
                          capture_output=True, text=True, check=False, timeout=300)


def test_unstable_time_step_exits_nonzero_without_json():
    proc = _cell("tp06-epi", "--dt", "5", "--substeps", "1", "--json")
    assert proc.returncode != 0
    assert proc.stdout == ""
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1
    assert "t = " in err[0] and "dt = 5 ms" in err[0] and "too large" in err[0]


def test_substeps_taken_after_a_blow_up_are_reported():
    proc = _cell("mitchell-schaeffer", "--dt", "2", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["substeps"] == 2
    assert "taking steps" in proc.stderr and "2 substeps of 1 ms" in proc.stderr


def test_scale_multiplies_and_set_assigns():
    common = ("aliev-panfilov", "--dt", "0.02", "--json")
    scaled = _cell(*common, "--scale", "k=2")
    assigned = _cell(*common, "--set", "k=16")
    assert scaled.returncode == 0 and assigned.returncode == 0, scaled.stderr + assigned.stderr
    a, b = json.loads(scaled.stdout), json.loads(assigned.stdout)
    assert a["parameters"] == {"k": 16.0} == b["parameters"]  # k0 = 8, doubled
    assert a["apd90_ms"] == b["apd90_ms"]
    mixed = _cell("ord-cipa", "--dt", "0.02", "--json", "--lut", "--set", "D=30",
                  "--set", "Kt=3.5e-5", "--scale", "gKr=0.5")
    assert mixed.returncode == 0, mixed.stderr
    assert json.loads(mixed.stdout)["parameters"] == {"D": 30.0, "Kt": 3.5e-5, "gKr": 0.5}


@pytest.mark.parametrize("args,match", [
    (("--scale", "gXYZ=2"), "no parameter 'gXYZ'"),
    (("--set", "k"), "expected NAME=NUMBER"),
])
def test_bad_parameter_options(args, match):
    proc = _cell("aliev-panfilov", "--dt", "0.02", "--json", *args)
    assert proc.returncode == 2 and proc.stdout == ""
    assert match in proc.stderr
