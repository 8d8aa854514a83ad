"""12-lead ECG records: the interchange CSV, WFDB, validation."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.io.ecg import (
    CSV_HEADER,
    ECG12,
    LEADS,
    from_matrix,
    read_ecg,
    read_ecg_csv,
    write_ecg_csv,
)


def _ecg(n: int = 400, dt: float = 1.0) -> ECG12:
    t = np.arange(n) * dt
    rng = np.random.default_rng(0)
    return from_matrix(t, rng.normal(size=(12, n)) * 0.1, source="test")


def test_csv_roundtrip(tmp_path):
    e = _ecg()
    f = write_ecg_csv(tmp_path / "e.csv", e)
    assert f.read_text().splitlines()[0] == ",".join(CSV_HEADER)
    back = read_ecg(f)
    np.testing.assert_allclose(back.matrix(), e.matrix(), atol=1e-5)
    assert back.fs_hz == pytest.approx(1000.0)


def test_bad_records_name_what_is_wrong(tmp_path):
    e = _ecg()
    f = tmp_path / "missing.csv"
    data = np.column_stack([e.t_ms, e.matrix()[:11].T])
    np.savetxt(f, data, delimiter=",", header=",".join(CSV_HEADER[:-1]), comments="")
    with pytest.raises(ConfigError, match=r"missing lead column.*V6"):
        read_ecg_csv(f)
    t = e.t_ms.copy()
    t[10:] += 0.5
    with pytest.raises(ConfigError, match="sampling interval varies"):
        ECG12(t, e.leads)
    bad = dict(e.leads)
    bad["V2"] = bad["V2"].copy()
    bad["V2"][3] = np.nan
    with pytest.raises(ConfigError, match="V2 has NaN"):
        ECG12(e.t_ms, bad)
    with pytest.raises(ConfigError, match="unknown ECG format"):
        read_ecg(tmp_path / "x.json")


def test_wfdb_record_without_identifiers(tmp_path):
    wfdb = pytest.importorskip("wfdb")
    e = _ecg(500, 2.0)
    names = ["I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"]
    wfdb.wrsamp("rec", fs=500, units=["uV"] * 12, sig_name=names,
                p_signal=e.matrix().T * 1000.0, fmt=["16"] * 12, adc_gain=[50.0] * 12,
                baseline=[0] * 12, comments=["Name: Jane Doe", "Age: 61", "Date: 2026-01-01"],
                write_dir=str(tmp_path))
    rec = read_ecg(tmp_path / "rec.hea")
    assert rec.fs_hz == pytest.approx(500.0)
    assert list(rec.leads) == list(LEADS)
    np.testing.assert_allclose(rec.matrix(), e.matrix(), atol=1e-4)  # 16-bit quantisation
    assert "Jane" not in repr(rec.__dict__) and rec.source == "rec"
