"""The twin folder: fit, update, integrity, export/import, privacy, early errors, the CLI."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from cardiotwin.cli import main
from cardiotwin.exceptions import ConfigError, MeshError
from cardiotwin.geometry.io import PHANTOM_FOLDER
from cardiotwin.io.ecg import CSV_HEADER, LEADS, from_matrix, write_ecg_csv
from cardiotwin.twin.calibration import SMCSettings
from cardiotwin.twin.parameters import Prior, Repolarisation, Root
from cardiotwin.twin.synthetic import Noise
from cardiotwin.twin.twin import (
    TwinIntegrityError,
    export_twin,
    fit_twin,
    import_twin,
    load_twin,
    update_twin,
    verify,
)

pytestmark = pytest.mark.skip_in_parallel
TINY = SMCSettings(particles=8, max_generations=1, max_moves=2, seed=0)


@pytest.fixture(scope="module")
def phantom_ecgs(tmp_path_factory):
    """Two noisy records of one fast-model 'patient' on the phantom."""
    pytest.importorskip("neurokit2")
    from cardiotwin.ep.eikonal import Velocities
    from cardiotwin.geometry.io import load_phantom
    from cardiotwin.twin.forward import TwinModel

    model = TwinModel.from_geometry(load_phantom())
    t = np.arange(0.0, 480.0, 1.0)
    ecg = model.ecg((Root("lv", 0.5, 2.5, 0.0), Root("rv", 0.5, 0.3, 5.0)),
                    Velocities(0.6, 0.4, 0.3, 1.5), Repolarisation(290.0), t - 30.0)
    d = tmp_path_factory.mktemp("ecg")
    files = []
    for seed in (1, 2):
        rec = Noise(sigma_mV=0.01, wander_mV=0.05, seed=seed).apply(
            from_matrix(t, ecg.matrix()))
        files.append(write_ecg_csv(d / f"john_doe_{seed}.csv", rec))
    return files


def test_fit_update_verify_export(phantom_ecgs, tmp_path):
    out = tmp_path / "twin"
    tw = fit_twin(PHANTOM_FOLDER, phantom_ecgs[0], out, prior=Prior(n_roots=2),
                  settings=TINY, report=False)
    for rel in ("twin.json", "anatomy/mesh.h5", "anatomy/fibres.npz", "electrodes.csv",
                "data/ecg_001.csv", "posterior/fit_001.npz"):
        assert (out / rel).is_file(), rel
    assert not (out / "calibration").exists()
    text = (out / "twin.json").read_text()
    rec = json.loads(text)
    assert rec["id"].startswith("twin-") and "john" not in text and "doe" not in text
    assert "source" not in json.loads((out / "anatomy/geometry.json").read_text())["report"]
    s = tw.summary()
    assert set(s["cv_m_per_s"]) >= {"fibre", "sheet", "normal", "endo"}
    assert all(set(r) >= {"x_mm", "y_mm", "z_mm", "t_ms"} for r in s["roots"])
    assert set(s["ecg_correlation"]) == set(LEADS)
    # integrity: untouched -> verified; a changed byte -> refused
    assert len(verify(out)) == len(rec["files"])
    post = tw.posterior()
    assert post.activation.shape == (8, 4 * 2 + 5)
    # export / import
    arc = export_twin(out, tmp_path / "twin.tar.gz")
    back = import_twin(arc, tmp_path / "copy")
    assert back.id == tw.id
    # update: warm start from the posterior, history kept
    up = update_twin(out, phantom_ecgs[1], settings=TINY, report=False)
    assert up.n_fits == 2 and up.record["history"][1]["warm_start_from"] == 1
    assert (out / "data/ecg_002.csv").is_file()
    verify(out)
    f = out / "electrodes.csv"
    f.write_text(f.read_text() + "# edited\n")
    with pytest.raises(TwinIntegrityError, match=r"changed: electrodes\.csv"):
        load_twin(out)


def test_bad_input_fails_before_fitting(phantom_ecgs, tmp_path):
    good = np.loadtxt(phantom_ecgs[0], delimiter=",", skiprows=1)
    # sampled at 100 Hz
    coarse = tmp_path / "coarse.csv"
    np.savetxt(coarse, good[::10], delimiter=",", header=",".join(CSV_HEADER), comments="")
    with pytest.raises(ConfigError, match="sampled every 10 ms"):
        fit_twin(PHANTOM_FOLDER, coarse, tmp_path / "t1", settings=TINY)
    # too short for a beat
    short = tmp_path / "short.csv"
    np.savetxt(short, good[:150], delimiter=",", header=",".join(CSV_HEADER), comments="")
    with pytest.raises(ConfigError, match="one whole beat"):
        fit_twin(PHANTOM_FOLDER, short, tmp_path / "t2", settings=TINY)
    # a lead missing
    nolead = tmp_path / "nolead.csv"
    np.savetxt(nolead, good[:, :-1], delimiter=",", header=",".join(CSV_HEADER[:-1]),
               comments="")
    with pytest.raises(ConfigError, match=r"missing lead column.*V6"):
        fit_twin(PHANTOM_FOLDER, nolead, tmp_path / "t3", settings=TINY)
    # an anatomy without endocardial tags
    anat = tmp_path / "untagged"
    shutil.copytree(PHANTOM_FOLDER, anat)
    meta = json.loads((anat / "geometry.json").read_text())
    meta["facet_tags"] = {"surface": 3}
    (anat / "geometry.json").write_text(json.dumps(meta))
    with pytest.raises(MeshError, match=r"no facet tag lv-endocardium"):
        fit_twin(anat, phantom_ecgs[0], tmp_path / "t4", settings=TINY)
    for k in (1, 2, 3, 4):
        assert not (tmp_path / f"t{k}").exists()


def test_cli_fit_json(phantom_ecgs, tmp_path, capsys):
    out = tmp_path / "twin"
    assert main(["twin", "fit", "--anatomy", str(PHANTOM_FOLDER), "--ecg",
                 str(phantom_ecgs[0]), "-o", str(out), "--roots", "2", "--particles", "8",
                 "--generations", "1", "--no-report", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) >= {"roots", "cv_m_per_s", "apd_ms", "ecg_correlation", "wall_s"}
    assert set(doc["roots"][0]) >= {"x_mm", "y_mm", "z_mm", "t_ms", "x_mm_95", "t_ms_95"}
    assert main(["twin", "verify", str(out)]) == 0
    assert main(["twin", "fit", "--anatomy", str(PHANTOM_FOLDER), "--ecg",
                 str(tmp_path / "nope.csv"), "-o", str(tmp_path / "x")]) == 2
    assert "nope.csv not found" in capsys.readouterr().err


def test_interrupted_fit_resumes(phantom_ecgs, tmp_path, monkeypatch):
    """A fit stopped after sampling (here: the summary fails) continues with --resume from
    the saved sampler state to the same posterior as an uninterrupted fit."""
    import cardiotwin.twin.twin as tw

    ref = fit_twin(PHANTOM_FOLDER, phantom_ecgs[0], tmp_path / "ref", prior=Prior(n_roots=2),
                   settings=TINY, report=False)
    real = tw.summarise

    def broken(*a, **k):
        raise RuntimeError("power cut")

    monkeypatch.setattr(tw, "summarise", broken)
    with pytest.raises(RuntimeError, match="power cut"):
        fit_twin(PHANTOM_FOLDER, phantom_ecgs[0], tmp_path / "cut", prior=Prior(n_roots=2),
                 settings=TINY, report=False)
    assert (tmp_path / "cut" / "calibration").is_dir()
    monkeypatch.setattr(tw, "summarise", real)
    with pytest.raises(ConfigError, match="not empty"):
        fit_twin(PHANTOM_FOLDER, phantom_ecgs[0], tmp_path / "cut", settings=TINY)
    done = fit_twin(PHANTOM_FOLDER, phantom_ecgs[0], tmp_path / "cut", prior=Prior(n_roots=2),
                    settings=TINY, report=False, resume=True)
    np.testing.assert_array_equal(done.posterior().activation, ref.posterior().activation)
    np.testing.assert_array_equal(done.posterior().repolarisation,
                                  ref.posterior().repolarisation)
    verify(tmp_path / "cut")
