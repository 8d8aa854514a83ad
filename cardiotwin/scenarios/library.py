"""The drug library: shipped CiPA compounds, users' TOML/CSV files and command-line flags.

The shipped table ``data/cipa_training12.csv`` holds the 12 CiPA training compounds
(FDA/CiPA, GPL-3.0; provenance in ``data/README.md``) with concentrations in nM, as
published; they are converted to µM here, at the boundary.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import math
from importlib import resources
from pathlib import Path
from typing import Any

from cardiotwin.exceptions import ConfigError
from cardiotwin.scenarios.drugs import CHANNELS, ChannelBlock, Drug, HergBinding

logger = logging.getLogger(__name__)

CIPA_TRAINING_FILE = "cipa_training12.csv"
_CIPA_SOURCE = ("FDA/CiPA e881df67 (Li et al. 2017): IC50_optimal.csv, pars.txt, "
                "CiPA_training_drugs.csv; GPL-3.0")


def _num(text: str, where: str) -> float | None:
    t = text.strip()
    if t in ("", "NA", "nan", "NaN"):
        return None
    try:
        v = float(t)
    except ValueError:
        raise ConfigError(f"{where}: {text!r} is not a number") from None
    if not math.isfinite(v):
        return None
    return v


def read_drug_csv(text: str, *, origin: str = "<csv>") -> dict[str, Drug]:
    """Drugs from a CSV in the layout of ``data/cipa_training12.csv`` (nM; ``#`` comments).

    Columns: ``drug``, optional ``cipa_risk``, ``cmax_free_nM``, ``<channel>_IC50_nM`` and
    ``<channel>_h`` for channels in :data:`CHANNELS`, optional ``herg_Kmax``,
    ``herg_Ku_per_ms``, ``herg_n``, ``herg_halfmax_nM_n``, ``herg_Vhalf_mV``.
    """
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if not reader.fieldnames or "drug" not in reader.fieldnames:
        raise ConfigError(f"{origin}: a drug CSV needs a 'drug' column")
    out: dict[str, Drug] = {}
    for k, row in enumerate(reader, start=2):
        name = row["drug"].strip()
        where = f"{origin} line {k} ({name})"
        blocks = {}
        for ch in CHANNELS:
            ic50 = _num(row.get(f"{ch}_IC50_nM") or "", f"{where} {ch}_IC50_nM")
            h = _num(row.get(f"{ch}_h") or "", f"{where} {ch}_h")
            if ic50 is not None and ic50 > 0:
                blocks[ch] = ChannelBlock(ic50 * 1e-3, 1.0 if h is None else h)
        herg = None
        keys = ("herg_Kmax", "herg_Ku_per_ms", "herg_n", "herg_halfmax_nM_n", "herg_Vhalf_mV")
        vals = [_num(row.get(c) or "", f"{where} {c}") for c in keys]
        if all(v is not None for v in vals):
            herg = HergBinding(*vals)  # type: ignore[arg-type]
        cmax = _num(row.get("cmax_free_nM") or "", f"{where} cmax_free_nM")
        risk = (row.get("cipa_risk") or "").strip() or None
        try:
            out[name] = Drug(name, blocks, cmax_uM=None if cmax is None else cmax * 1e-3,
                             herg_binding=herg, risk=risk, source=f"{origin}")
        except ConfigError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return out


@functools.cache
def _cipa() -> dict[str, Drug]:
    text = resources.files("cardiotwin.scenarios").joinpath("data", CIPA_TRAINING_FILE) \
        .read_text(encoding="utf-8")
    drugs = read_drug_csv(text, origin=CIPA_TRAINING_FILE)
    return {n: Drug(d.name, d.blocks, cmax_uM=d.cmax_uM, herg_binding=d.herg_binding,
                    risk=d.risk, source=_CIPA_SOURCE) for n, d in drugs.items()}


def cipa_training_drugs() -> dict[str, Drug]:
    """The 12 CiPA training compounds (Li et al. 2017), by name, with risk categories."""
    return dict(_cipa())


def library_names() -> list[str]:
    """Names of the shipped compounds."""
    return sorted(_cipa())


def get_drug(name: str) -> Drug:
    """A shipped compound by (case-insensitive) name; ConfigError lists the known ones."""
    lib = _cipa()
    for n, d in lib.items():
        if n.lower() == name.strip().lower():
            return d
    raise ConfigError(f"unknown drug {name!r}; the library has: {', '.join(sorted(lib))} "
                      "(or give your own with --drug-file or --ic50)")


def drug_from_mapping(data: dict[str, Any], *, origin: str = "<mapping>") -> Drug:
    """A drug from a TOML-like mapping (µM); see ``data/README.md`` for the layout."""
    known = {"name", "cmax_uM", "free_fraction", "risk", "ic50_uM", "hill", "herg_binding",
             "source"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{origin}: unknown key(s) {', '.join(sorted(unknown))}; expected "
                          f"{', '.join(sorted(known))}")
    if "name" not in data:
        raise ConfigError(f"{origin}: missing 'name'")
    ic50 = dict(data.get("ic50_uM", {}))
    hill = dict(data.get("hill", {}))
    for ch in set(ic50) | set(hill):
        if ch not in CHANNELS:
            raise ConfigError(f"{origin}: unknown channel {ch!r}; expected one of "
                              f"{', '.join(CHANNELS)}")
    extra = set(hill) - set(ic50)
    if extra:
        raise ConfigError(f"{origin}: Hill coefficient given for {', '.join(sorted(extra))} "
                          "without an IC50")
    blocks = {ch: ChannelBlock(v, hill.get(ch, 1.0)) for ch, v in ic50.items()}
    herg = None
    if "herg_binding" in data:
        hb = dict(data["herg_binding"])
        keys = {"Kmax": "kmax", "Ku_per_ms": "ku_per_ms", "n": "n",
                "halfmax_nM_n": "halfmax_nM_n", "Vhalf_mV": "vhalf_mV", "Kt_per_ms": "kt_per_ms"}
        bad = set(hb) - set(keys)
        if bad:
            raise ConfigError(f"{origin}: [herg_binding] unknown key(s) {sorted(bad)}; "
                              f"expected {sorted(keys)}")
        try:
            herg = HergBinding(**{keys[k]: v for k, v in hb.items()})
        except TypeError as exc:
            raise ConfigError(f"{origin}: [herg_binding] incomplete ({exc})") from None
    try:
        return Drug(str(data["name"]), blocks, cmax_uM=data.get("cmax_uM"),
                    free_fraction=data.get("free_fraction", 1.0), herg_binding=herg,
                    risk=data.get("risk"), source=str(data.get("source", origin)))
    except ConfigError as exc:
        raise ConfigError(f"{origin}: {exc}") from None


def load_drug_file(path: str | Path) -> list[Drug]:
    """Drugs from a user's file: ``.toml`` (one compound, µM) or ``.csv`` (library layout, nM)."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"drug file {p} does not exist")
    if p.suffix.lower() == ".toml":
        import tomllib

        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p}: invalid TOML ({exc})") from None
        return [drug_from_mapping(data, origin=str(p))]
    if p.suffix.lower() == ".csv":
        return list(read_drug_csv(p.read_text(encoding="utf-8"), origin=str(p)).values())
    raise ConfigError(f"drug file {p}: expected a .toml or .csv file")


def parse_channel_values(text: str, *, what: str) -> dict[str, float]:
    """Parse ``"hERG=0.01,ICaL=26.7"`` into ``{"hERG": 0.01, "ICaL": 26.7}``."""
    out: dict[str, float] = {}
    for item in (s.strip() for s in text.split(",")):
        if not item:
            continue
        if "=" not in item:
            raise ConfigError(f"{what}: {item!r} is not CHANNEL=VALUE")
        ch, val = (s.strip() for s in item.split("=", 1))
        if ch not in CHANNELS:
            raise ConfigError(f"{what}: unknown channel {ch!r}; expected one of "
                              f"{', '.join(CHANNELS)}")
        try:
            out[ch] = float(val)
        except ValueError:
            raise ConfigError(f"{what}: {ch}={val!r} is not a number") from None
    if not out:
        raise ConfigError(f"{what}: no CHANNEL=VALUE pair given")
    return out


def drug_from_flags(name: str, ic50_uM: str, *, hill: str | None = None,
                    cmax_uM: float | None = None, free_fraction: float = 1.0) -> Drug:
    """A drug from command-line style strings (``--ic50 hERG=0.01,ICaL=26.7``, µM)."""
    data: dict[str, Any] = {"name": name,
                            "ic50_uM": parse_channel_values(ic50_uM, what="--ic50"),
                            "free_fraction": free_fraction, "source": "command line"}
    if hill:
        data["hill"] = parse_channel_values(hill, what="--hill")
    if cmax_uM is not None:
        data["cmax_uM"] = cmax_uM
    return drug_from_mapping(data, origin="command line")
