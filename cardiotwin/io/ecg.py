"""12-lead ECG records: read (CSV, WFDB), validate, write.

The interchange format is a CSV with the header
``time_ms,I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6`` and potentials in mV, one row a sample,
at a constant sampling interval.  WFDB records (``.hea`` + signal files, PhysioNet) are
read with the ``wfdb`` package; their lead names are matched case-insensitively
(``AVR`` -> ``aVR``) and their units converted to mV.

Nothing from a record's header other than the signals, their names, units and the sampling
frequency is kept: patient names, identifiers, dates and free-text comments never leave
the reader.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from cardiotwin.exceptions import ConfigError, DependencyError

#: the twelve leads, in the standard order (same as :data:`cardiotwin.ep.electrodes.LEADS`)
LEADS = ("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")
CSV_HEADER = ("time_ms", *LEADS)

_UNIT_TO_MV = {"mv": 1.0, "uv": 1e-3, "µv": 1e-3, "v": 1e3}


@dataclass(frozen=True)
class ECG12:
    """A 12-lead ECG: sample times (ms) and the leads (mV), validated.

    Parameters
    ----------
    t_ms
        Sample times (ms), strictly increasing at a constant interval.
    leads
        Lead name -> samples (mV), every lead of :data:`LEADS`.
    source
        Where it came from (a file name, for messages).
    """

    t_ms: npt.NDArray[np.float64]
    leads: Mapping[str, npt.NDArray[np.float64]]
    source: str = ""

    def __post_init__(self) -> None:
        where = self.source or "ECG"
        t = np.asarray(self.t_ms, float)
        if t.ndim != 1 or t.size < 20:
            raise ConfigError(f"{where}: {t.size} samples; a 12-lead ECG needs >= 20")
        dt = np.diff(t)
        if not np.all(np.isfinite(t)) or np.any(dt <= 0):
            raise ConfigError(f"{where}: time_ms must be finite and strictly increasing")
        if np.ptp(dt) > 1e-3 * dt.mean() + 1e-9:
            raise ConfigError(f"{where}: the sampling interval varies ({dt.min():.4g} to "
                              f"{dt.max():.4g} ms); resample to a constant rate")
        missing = [name for name in LEADS if name not in self.leads]
        if missing:
            raise ConfigError(f"{where}: missing lead(s) {', '.join(missing)}; expected the 12 "
                              f"leads {', '.join(LEADS)}")
        leads = {}
        for name in LEADS:
            v = np.asarray(self.leads[name], float)
            if v.shape != t.shape:
                raise ConfigError(f"{where}: lead {name} has {v.size} samples, time_ms has "
                                  f"{t.size}")
            if not np.all(np.isfinite(v)):
                raise ConfigError(f"{where}: lead {name} has NaN or infinite samples")
            leads[name] = v
        object.__setattr__(self, "t_ms", t)
        object.__setattr__(self, "leads", leads)

    @property
    def dt_ms(self) -> float:
        """Sampling interval (ms)."""
        return float((self.t_ms[-1] - self.t_ms[0]) / (self.t_ms.size - 1))

    @property
    def fs_hz(self) -> float:
        """Sampling frequency (Hz)."""
        return 1000.0 / self.dt_ms

    @property
    def duration_ms(self) -> float:
        return float(self.t_ms[-1] - self.t_ms[0])

    def matrix(self) -> npt.NDArray[np.float64]:
        """(12, n) samples in the order of :data:`LEADS`."""
        return np.stack([self.leads[k] for k in LEADS])

    def resampled(self, t_ms: npt.ArrayLike) -> ECG12:
        """Linear interpolation onto new sample times (ms) inside the record."""
        t = np.asarray(t_ms, float)
        if t[0] < self.t_ms[0] - 1e-9 or t[-1] > self.t_ms[-1] + 1e-9:
            raise ConfigError(f"{self.source}: resampling times {t[0]:.1f}..{t[-1]:.1f} ms lie "
                              f"outside the record {self.t_ms[0]:.1f}..{self.t_ms[-1]:.1f} ms")
        return ECG12(t, {k: np.interp(t, self.t_ms, v) for k, v in self.leads.items()},
                     self.source)

    def sha256(self) -> str:
        """Hash of the samples (float64, lead order of :data:`LEADS`)."""
        h = hashlib.sha256(self.t_ms.tobytes())
        for k in LEADS:
            h.update(self.leads[k].tobytes())
        return h.hexdigest()


def from_matrix(t_ms: npt.ArrayLike, values: npt.ArrayLike, *, source: str = "") -> ECG12:
    """An :class:`ECG12` from a (12, n) array in the order of :data:`LEADS`."""
    v = np.asarray(values, float)
    if v.ndim != 2 or v.shape[0] != len(LEADS):
        raise ConfigError(f"{source or 'ECG'}: values have shape {v.shape}: expected (12, n)")
    return ECG12(np.asarray(t_ms, float), dict(zip(LEADS, v, strict=True)), source)


def write_ecg_csv(path: str | Path, ecg: ECG12) -> Path:
    """Write the interchange CSV (atomically: a temporary file renamed)."""
    p = Path(path)
    data = np.column_stack([ecg.t_ms, ecg.matrix().T])
    tmp = p.with_name(p.name + ".tmp")
    np.savetxt(tmp, data, delimiter=",", header=",".join(CSV_HEADER), comments="",
               fmt="%.6g")
    tmp.replace(p)
    return p


def _canonical(name: str) -> str | None:
    key = name.strip().upper().replace(" ", "")
    for lead in LEADS:
        if lead.upper() == key:
            return lead
    return None


def read_ecg_csv(path: str | Path) -> ECG12:
    """Read the interchange CSV (see the module docstring).

    Columns are found by name (any order; extra columns ignored); the first column may be
    named ``time_ms`` or ``t_ms``.
    """
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"ECG file {p} not found")
    lines = p.read_text().splitlines()
    if not lines:
        raise ConfigError(f"{p}: empty file")
    header = [h.strip() for h in lines[0].split(",")]
    tcol = next((i for i, h in enumerate(header) if h.lower() in ("time_ms", "t_ms")), None)
    if tcol is None:
        raise ConfigError(f"{p}: no 'time_ms' column in the header {lines[0]!r}; expected "
                          f"{','.join(CSV_HEADER)}")
    cols = {}
    for i, h in enumerate(header):
        lead = _canonical(h)
        if lead is not None:
            cols[lead] = i
    missing = [k for k in LEADS if k not in cols]
    if missing:
        raise ConfigError(f"{p}: missing lead column(s) {', '.join(missing)}; expected "
                          f"{','.join(CSV_HEADER)}")
    try:
        data = np.loadtxt(p, delimiter=",", skiprows=1, ndmin=2)
    except ValueError as exc:
        raise ConfigError(f"{p}: not a numeric CSV after the header ({exc})") from None
    if data.shape[1] != len(header):
        raise ConfigError(f"{p}: rows have {data.shape[1]} columns, the header {len(header)}")
    return ECG12(data[:, tcol], {k: data[:, i] for k, i in cols.items()}, str(p.name))


def read_ecg_wfdb(path: str | Path) -> ECG12:
    """Read a WFDB record (``record.hea`` or the record name without extension).

    Only the signals, their names and units and the sampling frequency are used; the
    header's comments (age, sex, names, dates) are not read into the result.
    """
    try:
        import wfdb
    except ImportError as exc:
        raise DependencyError("reading WFDB records needs the 'wfdb' package (pip install "
                              "wfdb, or the cardiotwin 'twin' extra)") from exc
    p = Path(path)
    record = p.with_suffix("") if p.suffix in (".hea", ".dat", ".mat") else p
    if not record.with_suffix(".hea").is_file():
        raise ConfigError(f"WFDB header {record.with_suffix('.hea')} not found")
    rec = wfdb.rdrecord(str(record), physical=True)
    fs = float(rec.fs)
    sig = np.asarray(rec.p_signal, float)
    leads = {}
    for i, (name, unit) in enumerate(zip(rec.sig_name, rec.units, strict=True)):
        lead = _canonical(name)
        if lead is None:
            continue
        factor = _UNIT_TO_MV.get(str(unit).strip().lower())
        if factor is None:
            raise ConfigError(f"{record}: lead {name} has unit {unit!r}; expected mV, uV or V")
        leads[lead] = sig[:, i] * factor
    t = np.arange(sig.shape[0]) * 1000.0 / fs
    return ECG12(t, leads, record.name)


def read_ecg(path: str | Path) -> ECG12:
    """Read a 12-lead ECG from the interchange CSV or a WFDB record (by extension)."""
    p = Path(path)
    if p.suffix.lower() == ".csv":
        return read_ecg_csv(p)
    if p.suffix.lower() in (".hea", ".dat", "") or p.with_suffix(".hea").is_file():
        return read_ecg_wfdb(p)
    raise ConfigError(f"{p}: unknown ECG format {p.suffix!r}; expected a .csv in the "
                      "interchange format or a WFDB record (.hea)")


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
