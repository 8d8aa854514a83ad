"""Run configuration: malformed files give one clear error naming the problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.studies.runconfig import load_config

REPO = Path(__file__).resolve().parents[2]
GOOD = f"""
[geometry]
mesh = "{REPO / 'meshes' / 'phantom_biv'}"

[[stimulus]]
facets = ["lv-endocardium"]
duration_ms = 2.0
amplitude = 60.0

[time]
t_end_ms = 10.0
dt_ms = 0.05
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "run.toml"
    p.write_text(text)
    return p


def test_good_config_loads(tmp_path):
    cfg = load_config(write(tmp_path, GOOD))
    assert cfg.time.dt_ms == 0.05
    assert cfg.stimuli[0].facets == ("lv-endocardium",)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("[time]", "[time]\ndtt_ms = 0.1"), "unknown key 'time.dtt_ms'"),
    (lambda t: t.replace("dt_ms = 0.05", "dt_ms = -0.05"), "time.dt_ms = -0.05 is out of range"),
    (lambda t: t.replace('mesh = "', 'labels = "/nonexistent/labels.nii.gz"\n#'),
     "geometry.labels: file not found: /nonexistent/labels.nii.gz"),
    (lambda t: t.replace("[[stimulus]]", "[[stimulus]]\nunit = 'mA'"), "stimulus[0].unit"),
])
def test_malformed_configs_name_the_problem(tmp_path, edit, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace(".", r"\.")):
        load_config(write(tmp_path, edit(GOOD)))


@pytest.mark.skip_in_parallel
def test_cli_reports_one_line_and_writes_nothing(tmp_path):
    cfg = write(tmp_path, GOOD.replace("dt_ms = 0.05", "dt_ms = -1"))
    out = tmp_path / "results"
    res = subprocess.run([sys.executable, "-m", "cardiotwin", "run", str(cfg), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert "time.dt_ms = -1.0 is out of range" in res.stderr
    assert not out.exists()


@pytest.mark.skip_in_parallel
def test_existing_results_are_not_overwritten(tmp_path):
    out = tmp_path / "results"
    out.mkdir()
    (out / "precious.txt").write_text("keep")
    res = subprocess.run([sys.executable, "-m", "cardiotwin", "run",
                          str(write(tmp_path, GOOD)), "-o", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2
    assert "--overwrite" in res.stderr
    assert (out / "precious.txt").read_text() == "keep"


def test_sections_built_in_python_are_validated():
    from cardiotwin.studies.runconfig import DrugConfig, IonicConfig, StimulusConfig, TimeConfig

    with pytest.raises(ConfigError, match=r"time\.dt_ms = -1\.0 is out of range"):
        TimeConfig(dt_ms=-1)
    with pytest.raises(ConfigError, match="stimulus has no region"):
        StimulusConfig()
    with pytest.raises(ConfigError, match=r"ionic\.model = 'no-such-model' is not a known"):
        IonicConfig(model="no-such-model")
    with pytest.raises(ConfigError, match="unknown drug 'aspirinx'"):
        DrugConfig(name="aspirinx", conc_uM=1.0)
    with pytest.raises(ConfigError, match=r"need drug\.name or drug\.file"):
        DrugConfig(conc_uM=1.0)  # a dose of nothing was silently ignored before
    assert TimeConfig().dt_ms == 0.05  # defaults come from the fields


def test_free_fraction_is_honoured_by_runs(tmp_path):
    """The same dose rule as ``cardiotwin drug``: cmax_multiple x Cmax x free fraction."""
    from cardiotwin.ionic import get_model
    from cardiotwin.studies.runner import ionic_regions

    (tmp_path / "compound.toml").write_text(
        'name = "bound"\ncmax_uM = 2.0\nfree_fraction = 0.25\n[ic50_uM]\nhERG = 0.5\n')
    text = GOOD + '\n[drug]\nfile = "compound.toml"\ncmax_multiple = 2.0\n'
    cfg = load_config(write(tmp_path, text))
    (region,) = ionic_regions(cfg)
    free = 2.0 * 2.0 * 0.25  # µM
    want = 1.0 / (1.0 + free / 0.5)
    assert region.parameters.values(get_model("tp06-epi"))["gKr"] == pytest.approx(want)


def test_twelve_lead_output_config(tmp_path):
    cfg = load_config(write(tmp_path, GOOD + '\n[output]\necg = "12-lead"\n'))
    assert cfg.output.ecg == "12-lead" and cfg.output.electrodes == ()
    bad = GOOD + '\n[output]\necg = "12-lead"\nelectrodes = {RA = [0, 0, 100]}\n'
    with pytest.raises(ConfigError, match=r"output\.electrodes: missing LA, LL, V1"):
        load_config(write(tmp_path, bad))
    with pytest.raises(ConfigError, match=r"expected 'auto', 'none', '12-lead'"):
        load_config(write(tmp_path, GOOD + '\n[output]\necg = "twelve"\n'))


@pytest.mark.mpi
def test_run_writes_ecg12_csv(tmp_path, comm):
    """`[output] ecg = "12-lead"`: ecg12.csv in the interchange format, leads consistent
    with the electrode potentials of ecg.csv (Einthoven: I + III = II)."""
    import numpy as np

    from cardiotwin.io.ecg import LEADS, read_ecg_csv
    from cardiotwin.studies.runner import run_simulation

    base = Path(comm.bcast(str(tmp_path), 0))  # one folder for all ranks
    if comm.rank == 0:
        write(base, GOOD.replace("t_end_ms = 10.0", "t_end_ms = 25.0")
              + '\n[output]\necg = "12-lead"\npictures = false\n')
    comm.Barrier()
    cfg = load_config(base / "run.toml")
    out = base / "res"
    run_simulation(cfg, out, progress=False, comm=comm)
    comm.Barrier()
    ecg = read_ecg_csv(out / "ecg12.csv")
    assert list(ecg.leads) == list(LEADS)
    assert ecg.t_ms[-1] == pytest.approx(25.0)
    np.testing.assert_allclose(ecg.leads["I"] + ecg.leads["III"], ecg.leads["II"], atol=2e-5)
    assert np.max(np.abs(ecg.leads["V2"])) > 0.01  # the wave front is seen
