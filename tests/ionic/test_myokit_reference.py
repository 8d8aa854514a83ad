"""Verification against Myokit + CVODES on the same CellML files.

Default run: every shipped CellML-derived model paced 50 beats at 1 Hz (dt = 0.01 ms,
the model's own stimulus) and compared with the stored Myokit CVODES results in
``shared/reference/myokit_check_1hz.csv`` (produced independently, see its README):
APD90 within 1 %, V_rest within 0.5 mV, V_peak within 2 mV.  The TP06-epi and
Mitchell–Schaeffer runs use the plain kernel; the others the lookup-table kernel (whose
own error is checked against the plain kernel here too) to keep the default run short.
ORd's epicardial and M cell types (the ``celltype`` row of the shared ORd kernel) are
compared with a fresh Myokit CVODES simulation of the same CellML file with its
``environment.celltype`` changed (3 beats by default, 50 in the slow run).
``slow``: the plain kernels of all models, the dt convergence study, and a fresh Myokit
CVODES simulation.  Myokit comparisons skip with the reason when Myokit or its CVODES
library is missing.
"""

from __future__ import annotations

import csv

import numpy as np
import pytest

from cardiotwin.exceptions import DependencyError
from cardiotwin.ionic import get_model
from cardiotwin.ionic.biomarkers import beat_biomarkers
from cardiotwin.ionic.simulate import PacingProtocol, pace

FILES = {
    "tp06-epi": "ten_tusscher_model_2006_epi.cellml",
    "tp06-endo": "ten_tusscher_model_2006_endo.cellml",
    "tp06-m": "ten_tusscher_model_2006_M.cellml",
    "ord-endo": "ohara_rudy_2011_endo.cellml",
    "ord-cipa": "ohara_rudy_cipa_v1_2017.cellml",
    "mitchell-schaeffer": "mitchell_schaeffer_2003.cellml",
}
PLAIN_DEFAULT = {"tp06-epi", "mitchell-schaeffer"}


@pytest.fixture(scope="module")
def reference(shared_reference):
    path = shared_reference / "myokit_check_1hz.csv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    with open(path, encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


def _check(name, ref, lut):
    m = get_model(name)
    r = pace(m, PacingProtocol(bcl_ms=1000.0, beats=50, dt_ms=0.01, use_lut=lut))
    b = r.biomarkers
    row = ref[FILES[name]]
    assert m.default_stimulus[1] == pytest.approx(float(row["stim_duration_ms"]))
    assert abs(m.default_stimulus[0]) == pytest.approx(abs(float(row["stim_amplitude"])))
    scale = 1.0 if m.voltage_unit == "mV" else 0.01  # tolerances for dimensionless V
    assert b.apd90_ms == pytest.approx(float(row["apd90_ms"]), rel=0.01)
    assert abs(b.vrest_mV - float(row["v_rest"])) < 0.5 * scale
    assert abs(b.vpeak_mV - float(row["v_peak"])) < 2.0 * scale
    return b


@pytest.mark.parametrize("name", list(FILES))
def test_50_beats_vs_myokit_cvodes(name, reference):
    _check(name, reference, lut=name not in PLAIN_DEFAULT)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(FILES))
def test_50_beats_vs_myokit_cvodes_plain_kernel(name, reference):
    _check(name, reference, lut=False)


def test_lut_error_small():
    m = get_model("ord-endo")
    plain = pace(m, PacingProtocol(beats=1, dt_ms=0.01))
    lut = pace(m, PacingProtocol(beats=1, dt_ms=0.01, use_lut=True))
    assert abs(plain.biomarkers.apd90_ms - lut.biomarkers.apd90_ms) < 0.05
    assert np.max(np.abs(plain.v - lut.v)) < 0.5


@pytest.mark.slow
@pytest.mark.parametrize("name", ["tp06-epi", "ord-endo", "ord-cipa"])
def test_apd_converges_in_dt(name):
    m = get_model(name)
    apds = [pace(m, PacingProtocol(beats=1, dt_ms=dt)).biomarkers.apd90_ms
            for dt in (0.1, 0.05, 0.02, 0.01, 0.005)]
    errs = np.abs(np.array(apds[:-1]) - apds[-1])
    assert errs[-1] < errs[0]
    assert errs[-1] / apds[-1] < 0.005


def _fresh_myokit(path, beats, **kwargs):
    pytest.importorskip("myokit")
    from cardiotwin.ionic.verification import myokit_reference

    try:
        return myokit_reference(path, bcl_ms=1000.0, beats=beats, dt_ms=0.01, **kwargs)
    except DependencyError as exc:
        pytest.skip(str(exc))


def _ord_cell_type(name, celltype, beats, shared_reference):
    ref = _fresh_myokit(shared_reference / "cellml" / "ohara_rudy_2011_endo.cellml", beats,
                        constants={"environment.celltype": celltype})
    r = pace(get_model(name), PacingProtocol(beats=beats, dt_ms=0.01, use_lut=True))
    b, m = r.biomarkers, beat_biomarkers(ref.t_ms, ref.v)
    assert b.apd90_ms == pytest.approx(m.apd90_ms, rel=0.01)
    assert abs(b.vrest_mV - m.vrest_mV) < 0.5 and abs(b.vpeak_mV - m.vpeak_mV) < 2.0
    n = min(len(ref.v), len(r.v))
    assert float(np.sqrt(np.mean((ref.v[:n] - r.v[:n]) ** 2))) < 1.0
    return b


@pytest.mark.parametrize("name,celltype", [("ord-epi", 1.0), ("ord-m", 2.0)])
def test_ord_cell_types_vs_fresh_myokit_cvodes(name, celltype, shared_reference):
    b = _ord_cell_type(name, celltype, 3, shared_reference)
    endo = pace(get_model("ord-endo"), PacingProtocol(beats=3, dt_ms=0.01, use_lut=True))
    assert abs(b.apd90_ms - endo.biomarkers.apd90_ms) > 5.0  # really another cell type


@pytest.mark.slow
@pytest.mark.parametrize("name,celltype", [("ord-epi", 1.0), ("ord-m", 2.0)])
def test_ord_cell_types_50_beats_vs_fresh_myokit_cvodes(name, celltype, shared_reference):
    _ord_cell_type(name, celltype, 50, shared_reference)


@pytest.mark.slow
def test_fresh_myokit_cvodes_mitchell_schaeffer(shared_reference):
    path = shared_reference / "cellml" / FILES["mitchell-schaeffer"]
    v_ref = _fresh_myokit(path, 3).v
    r = pace(get_model("mitchell-schaeffer"), PacingProtocol(beats=3, dt_ms=0.01))
    n = min(len(v_ref), len(r.v))
    rmse = float(np.sqrt(np.mean((v_ref[:n] - r.v[:n]) ** 2)))
    assert rmse < 0.01
