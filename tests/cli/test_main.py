"""The command line: help, info (serial and under MPI), error handling."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cardiotwin import cli
from cardiotwin.exceptions import ConfigError


def test_help_lists_subcommands(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name in ("info", "demo", "niederer"):
        assert name in out


def test_python_m_cardiotwin_runs():
    res = subprocess.run([sys.executable, "-m", "cardiotwin", "info", "--json"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    assert info["python"] == sys.version.split()[0]


def test_cardiotwin_error_becomes_exit_2(monkeypatch, capsys):
    def boom(args):
        raise ConfigError("dt_ms = -1 is invalid: expected a positive time step")

    monkeypatch.setitem(cli.SUBCOMMANDS, "info", ("cardiotwin.cli.info", "x"))
    parser = cli.build_parser()
    args = parser.parse_args(["info"])
    monkeypatch.setattr(cli, "build_parser", lambda: _Fixed(args, boom))
    assert cli.main(["info"]) == 2
    err = capsys.readouterr().err
    assert "dt_ms = -1 is invalid" in err
    assert len(err.strip().splitlines()) == 1


class _Fixed:
    def __init__(self, args, run):
        args._run = run
        self.args = args

    def parse_args(self, argv):
        return self.args

    def print_help(self):  # pragma: no cover
        pass
