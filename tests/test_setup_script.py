"""The set-up script finds a suitable Python or fails with a clear message."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skip_in_parallel


def _run(script_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(script_dir / "tools" / "bootstrap.sh")],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def empty_checkout(tmp_path: Path) -> Path:
    (tmp_path / "tools").mkdir()
    shutil.copy(REPO / "tools" / "bootstrap.sh", tmp_path / "tools")
    return tmp_path


def test_bad_PYTHON_is_rejected(empty_checkout: Path):
    env = dict(os.environ, PYTHON="/nonexistent/python3", CARDIOTWIN_SKIP_APT="1")
    res = _run(empty_checkout, env)
    assert res.returncode != 0
    assert "PYTHON=/nonexistent/python3 is not a Python >= 3.12" in res.stderr
    assert not (empty_checkout / ".venv").exists()


def test_no_python_found_says_what_to_do(empty_checkout: Path, tmp_path_factory):
    # A PATH with bash and coreutils only, and an empty pyenv root: nothing >= 3.12.
    bindir = tmp_path_factory.mktemp("bin")
    for tool in ("bash", "ls", "grep", "sort", "cat", "sha256sum", "cut", "id", "dirname",
                 "head", "find", "rm", "printf"):
        path = shutil.which(tool)
        if path:
            (bindir / tool).symlink_to(path)
    env = {"PATH": str(bindir), "HOME": str(tmp_path_factory.mktemp("home")),
           "PYENV_ROOT": str(tmp_path_factory.mktemp("pyenv")), "CARDIOTWIN_SKIP_APT": "1"}
    res = _run(empty_checkout, env)
    assert res.returncode != 0
    assert "no Python >= 3.12 found" in res.stderr
    assert "PYTHON=/path/to/python3.12" in res.stderr
