"""Run configuration: a TOML file parsed into a tree of frozen, validated dataclasses.

Every table and key is checked: an unknown key, a value of the wrong type or out of
range, or a file that does not exist raises :class:`ConfigError` naming the key path
(e.g. ``time.dt_ms``), the value and what is allowed - before any computation starts.

Example (all sections optional except ``geometry``)::

    [geometry]
    labels = "meshes/phantom_biv_labels.nii.gz"   # or: mesh = "meshes/phantom_biv"
    edge_length_mm = 1.5

    [ionic]
    model = "tp06-epi"                  # everywhere not covered by a layer below
    layers = [{model = "tp06-endo", transmural = [0.0, 0.3]},
              {model = "tp06-m", transmural = [0.3, 0.6]}]
    scalings = {gKr = 1.0}

    [conductivity]                      # S/m
    sigma_f = 0.35
    sigma_s = 0.12
    scar = 0.0                          # factor in the 'scar' cell region
    border_zone = 0.5

    [[stimulus]]
    name = "sinus-like"
    facets = ["lv-endocardium", "rv-endocardium"]
    apicobasal = [0.0, 0.67]
    duration_ms = 2.0
    amplitude = 60.0                    # uA/uF (or unit = "uA/mm3")

    [time]
    t_end_ms = 480.0
    dt_ms = 0.05

    [output]
    series_every_ms = 5.0
    checkpoint_every_ms = 100.0
    ecg = "auto"                        # or {name = [x, y, z], ...} in mm
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from cardiotwin.exceptions import ConfigError


# ----------------------------------------------------------------------------- helpers
def _check_keys(table: dict, allowed: set[str] | frozenset[str], where: str) -> None:
    if not isinstance(table, dict):
        raise ConfigError(f"[{where}] must be a table, got {type(table).__name__}")
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(f"unknown key '{where}.{unknown[0]}' in the configuration; allowed "
                          f"keys in [{where}] are: {', '.join(sorted(allowed))}")


def _num(table: dict, key: str, where: str, default: float | None, *, lo: float | None = None,
         hi: float | None = None, strict_lo: bool = False) -> float | None:
    if key not in table:
        return default
    v = table[key]
    if isinstance(v, bool) or not isinstance(v, int | float) or not np.isfinite(v):
        raise ConfigError(f"{where}.{key} = {v!r} is invalid: expected a finite number")
    v = float(v)
    if lo is not None and (v <= lo if strict_lo else v < lo):
        raise ConfigError(f"{where}.{key} = {v!r} is out of range: expected "
                          f"{'>' if strict_lo else '>='} {lo:g}")
    if hi is not None and v > hi:
        raise ConfigError(f"{where}.{key} = {v!r} is out of range: expected <= {hi:g}")
    return v


def _str(table: dict, key: str, where: str, default: str | None,
         choices: tuple[str, ...] | None = None) -> str | None:
    if key not in table:
        return default
    v = table[key]
    if not isinstance(v, str):
        raise ConfigError(f"{where}.{key} = {v!r} is invalid: expected a string")
    if choices and v not in choices:
        raise ConfigError(f"{where}.{key} = {v!r} is invalid: expected one of {list(choices)}")
    return v


def _bool(table: dict, key: str, where: str, default: bool) -> bool:
    v = table.get(key, default)
    if not isinstance(v, bool):
        raise ConfigError(f"{where}.{key} = {v!r} is invalid: expected true or false")
    return v


def _range(table: dict, key: str, where: str) -> tuple[float, float] | None:
    if key not in table:
        return None
    v = table[key]
    if (not isinstance(v, list) or len(v) != 2
            or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in v)
            or not v[1] > v[0]):
        raise ConfigError(f"{where}.{key} = {v!r} is invalid: expected [lower, upper] with "
                          "upper > lower")
    return (float(v[0]), float(v[1]))


def _vec3(v: Any, where: str) -> tuple[float, float, float]:
    if (not isinstance(v, list) or len(v) != 3
            or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in v)):
        raise ConfigError(f"{where} = {v!r} is invalid: expected a list of 3 numbers (mm)")
    return (float(v[0]), float(v[1]), float(v[2]))


def _path(table: dict, key: str, where: str, base: Path) -> Path | None:
    if key not in table:
        return None
    v = table[key]
    if not isinstance(v, str):
        raise ConfigError(f"{where}.{key} = {v!r} is invalid: expected a file path")
    p = Path(v)
    if not p.is_absolute():
        p = (base / p).resolve()
    if not p.exists():
        raise ConfigError(f"{where}.{key}: file not found: {p}")
    return p


# ----------------------------------------------------------------------------- sections
@dataclass(frozen=True)
class GeometryConfig:
    """Where the anatomy comes from: a label image to mesh, or a ready geometry folder."""

    labels: Path | None = None
    mesh: Path | None = None
    edge_length_mm: float = 1.5
    label_map: tuple[tuple[str, int], ...] = ()
    helix_endo_deg: float = 60.0
    helix_epi_deg: float = -60.0

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "labels", "mesh", "edge_length_mm", "label_map", "helix_endo_deg", "helix_epi_deg",
    })

    @classmethod
    def from_table(cls, t: dict, base: Path) -> GeometryConfig:
        _check_keys(t, cls.KEYS, "geometry")
        labels, mesh = _path(t, "labels", "geometry", base), _path(t, "mesh", "geometry", base)
        if (labels is None) == (mesh is None):
            raise ConfigError("[geometry] needs exactly one of 'labels' (a label image to mesh) "
                              "or 'mesh' (a geometry folder written by `cardiotwin mesh`)")
        lm = t.get("label_map", {})
        _check_keys(lm, {"lv-myocardium", "lv-blood", "rv-myocardium", "rv-blood", "scar",
                         "border-zone"}, "geometry.label_map")
        for k, v in lm.items():
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise ConfigError(f"geometry.label_map.{k} = {v!r}: expected a label code >= 0")
        return cls(labels=labels, mesh=mesh,
                   edge_length_mm=_num(t, "edge_length_mm", "geometry", 1.5, lo=0.1),
                   label_map=tuple(sorted(lm.items())),
                   helix_endo_deg=_num(t, "helix_endo_deg", "geometry", 60.0, lo=-90, hi=90),
                   helix_epi_deg=_num(t, "helix_epi_deg", "geometry", -60.0, lo=-90, hi=90))


@dataclass(frozen=True)
class Layer:
    """An ionic model in a band of the transmural coordinate (0 endo .. 1 epi)."""

    model: str
    transmural: tuple[float, float]


@dataclass(frozen=True)
class IonicConfig:
    """Ionic model(s) and conductance scalings."""

    model: str = "tp06-epi"
    layers: tuple[Layer, ...] = ()
    scalings: tuple[tuple[str, float], ...] = ()

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "model", "layers", "scalings",
    })

    @classmethod
    def from_table(cls, t: dict) -> IonicConfig:
        _check_keys(t, cls.KEYS, "ionic")
        layers = []
        for i, lay in enumerate(t.get("layers", [])):
            where = f"ionic.layers[{i}]"
            _check_keys(lay, {"model", "transmural"}, where)
            model = _str(lay, "model", where, None)
            rng = _range(lay, "transmural", where)
            if model is None or rng is None:
                raise ConfigError(f"{where} needs 'model' and 'transmural' = [lower, upper]")
            layers.append(Layer(model, rng))
        sc = t.get("scalings", {})
        if not isinstance(sc, dict):
            raise ConfigError("ionic.scalings must be a table like {gKr = 0.5}")
        for k in sc:
            _num(sc, k, "ionic.scalings", None, lo=0.0)
        return cls(model=_str(t, "model", "ionic", "tp06-epi"), layers=tuple(layers),
                   scalings=tuple(sorted((k, float(v)) for k, v in sc.items())))

    def validate_models(self) -> None:
        """Check every model name against the registry (or an existing CellML/.mmt path)."""
        from cardiotwin.ionic import model_names

        known = set(model_names())
        for where, name in [("ionic.model", self.model)] + [
                (f"ionic.layers[{i}].model", lay.model) for i, lay in enumerate(self.layers)]:
            if name not in known and not Path(name).is_file():
                raise ConfigError(f"{where} = {name!r} is not a known model "
                                  f"({', '.join(sorted(known))}) nor an existing CellML/.mmt "
                                  "file")


@dataclass(frozen=True)
class ConductivityConfig:
    """Conductivities (S/m) and region factors."""

    sigma_f: float = 0.35
    sigma_s: float = 0.12
    sigma_n: float | None = None
    scar: float = 0.0
    border_zone: float = 0.5

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "sigma_f", "sigma_s", "sigma_n", "scar", "border_zone",
    })

    @classmethod
    def from_table(cls, t: dict) -> ConductivityConfig:
        _check_keys(t, cls.KEYS, "conductivity")
        w = "conductivity"
        return cls(sigma_f=_num(t, "sigma_f", w, 0.35, lo=0.0),
                   sigma_s=_num(t, "sigma_s", w, 0.12, lo=0.0),
                   sigma_n=_num(t, "sigma_n", w, None, lo=0.0),
                   scar=_num(t, "scar", w, 0.0, lo=0.0, hi=1.0),
                   border_zone=_num(t, "border_zone", w, 0.5, lo=0.0, hi=1.0))


@dataclass(frozen=True)
class StimulusConfig:
    """A stimulus: a region (facets/cells by tag name, sphere, box; optional coordinate
    bands) and a pulse train."""

    name: str = "stimulus"
    facets: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    sphere_centre_mm: tuple[float, float, float] | None = None
    sphere_radius_mm: float | None = None
    box_lower_mm: tuple[float, float, float] | None = None
    box_upper_mm: tuple[float, float, float] | None = None
    apicobasal: tuple[float, float] | None = None
    transmural: tuple[float, float] | None = None
    start_ms: float = 0.0
    duration_ms: float = 2.0
    amplitude: float = 60.0
    unit: str = "uA/uF"
    period_ms: float = 1000.0
    number: int = 1

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "name", "facets", "cells", "sphere", "box", "apicobasal", "transmural", "start_ms",
        "duration_ms", "amplitude", "unit", "period_ms", "number",
    })

    @classmethod
    def from_table(cls, t: dict, i: int) -> StimulusConfig:
        w = f"stimulus[{i}]"
        _check_keys(t, cls.KEYS, w)
        kw: dict[str, Any] = {}
        for key in ("facets", "cells"):
            v = t.get(key, [])
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise ConfigError(f"{w}.{key} = {v!r}: expected a list of tag names")
            kw[key] = tuple(v)
        if "sphere" in t:
            sph = t["sphere"]
            _check_keys(sph, {"centre_mm", "radius_mm"}, f"{w}.sphere")
            kw["sphere_centre_mm"] = _vec3(sph.get("centre_mm"), f"{w}.sphere.centre_mm")
            kw["sphere_radius_mm"] = _num(sph, "radius_mm", f"{w}.sphere", None, lo=0.0,
                                          strict_lo=True)
        if "box" in t:
            box = t["box"]
            _check_keys(box, {"lower_mm", "upper_mm"}, f"{w}.box")
            kw["box_lower_mm"] = _vec3(box.get("lower_mm"), f"{w}.box.lower_mm")
            kw["box_upper_mm"] = _vec3(box.get("upper_mm"), f"{w}.box.upper_mm")
        if not (kw["facets"] or kw["cells"] or "sphere" in t or "box" in t):
            raise ConfigError(f"{w} has no region: give facets, cells, sphere or box")
        number = t.get("number", 1)
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise ConfigError(f"{w}.number = {number!r}: expected an integer >= 1")
        return cls(name=_str(t, "name", w, f"stimulus{i}"),
                   apicobasal=_range(t, "apicobasal", w), transmural=_range(t, "transmural", w),
                   start_ms=_num(t, "start_ms", w, 0.0, lo=0.0),
                   duration_ms=_num(t, "duration_ms", w, 2.0, lo=0.0, strict_lo=True),
                   amplitude=_num(t, "amplitude", w, 60.0, lo=0.0),
                   unit=_str(t, "unit", w, "uA/uF", ("uA/uF", "uA/mm3")),
                   period_ms=_num(t, "period_ms", w, 1000.0, lo=0.0, strict_lo=True),
                   number=number, **kw)


@dataclass(frozen=True)
class DrugConfig:
    """A drug applied everywhere: a compound of the library at a concentration, or
    explicit conductance factors."""

    name: str | None = None
    conc_uM: float | None = None
    cmax_multiple: float | None = None
    scalings: tuple[tuple[str, float], ...] = ()

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "name", "conc_uM", "cmax_multiple", "scalings",
    })

    @classmethod
    def from_table(cls, t: dict) -> DrugConfig:
        _check_keys(t, cls.KEYS, "drug")
        sc = t.get("scalings", {})
        if not isinstance(sc, dict):
            raise ConfigError("drug.scalings must be a table like {gKr = 0.5}")
        for k in sc:
            _num(sc, k, "drug.scalings", None, lo=0.0)
        cfg = cls(name=_str(t, "name", "drug", None),
                  conc_uM=_num(t, "conc_uM", "drug", None, lo=0.0),
                  cmax_multiple=_num(t, "cmax_multiple", "drug", None, lo=0.0),
                  scalings=tuple(sorted((k, float(v)) for k, v in sc.items())))
        if cfg.name and cfg.conc_uM is None and cfg.cmax_multiple is None:
            raise ConfigError("drug.name needs drug.conc_uM or drug.cmax_multiple")
        return cfg


@dataclass(frozen=True)
class TimeConfig:
    t_end_ms: float = 480.0
    dt_ms: float = 0.05

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "t_end_ms", "dt_ms",
    })

    @classmethod
    def from_table(cls, t: dict) -> TimeConfig:
        _check_keys(t, cls.KEYS, "time")
        return cls(t_end_ms=_num(t, "t_end_ms", "time", 480.0, lo=0.0, strict_lo=True),
                   dt_ms=_num(t, "dt_ms", "time", 0.05, lo=0.0, strict_lo=True, hi=1.0))


@dataclass(frozen=True)
class SolverConfig:
    splitting: str = "godunov"
    theta: float = 0.5
    lumped_mass: bool = False
    lookup_tables: bool = True
    activation_threshold_mV: float = -20.0
    petsc_options: tuple[tuple[str, Any], ...] = ()

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "splitting", "theta", "lumped_mass", "lookup_tables", "activation_threshold_mV",
        "petsc_options",
    })

    @classmethod
    def from_table(cls, t: dict) -> SolverConfig:
        _check_keys(t, cls.KEYS, "solver")
        po = t.get("petsc_options", {})
        if not isinstance(po, dict):
            raise ConfigError("solver.petsc_options must be a table like {pc_type = 'gamg'}")
        return cls(splitting=_str(t, "splitting", "solver", "godunov", ("godunov", "strang")),
                   theta=_num(t, "theta", "solver", 0.5, lo=0.5, hi=1.0),
                   lumped_mass=_bool(t, "lumped_mass", "solver", False),
                   lookup_tables=_bool(t, "lookup_tables", "solver", True),
                   activation_threshold_mV=_num(t, "activation_threshold_mV", "solver", -20.0),
                   petsc_options=tuple(sorted(po.items())))


@dataclass(frozen=True)
class OutputConfig:
    series_every_ms: float | None = 5.0
    checkpoint_every_ms: float | None = 100.0
    pictures: bool = True
    ecg: str | tuple[tuple[str, tuple[float, float, float]], ...] = "auto"
    probes: tuple[tuple[str, tuple[float, float, float]], ...] = ()

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "series_every_ms", "checkpoint_every_ms", "pictures", "ecg", "probes",
    })

    @classmethod
    def from_table(cls, t: dict) -> OutputConfig:
        _check_keys(t, cls.KEYS, "output")
        ecg = t.get("ecg", "auto")
        if isinstance(ecg, dict):
            ecg = tuple((k, _vec3(v, f"output.ecg.{k}")) for k, v in sorted(ecg.items()))
        elif ecg not in ("auto", "none"):
            raise ConfigError(f"output.ecg = {ecg!r}: expected 'auto', 'none' or a table of "
                              "electrode positions {name = [x, y, z]} (mm)")
        probes = t.get("probes", {})
        if not isinstance(probes, dict):
            raise ConfigError("output.probes must be a table {name = [x, y, z]} (mm)")
        return cls(series_every_ms=_num(t, "series_every_ms", "output", 5.0, lo=0.0,
                                        strict_lo=True),
                   checkpoint_every_ms=_num(t, "checkpoint_every_ms", "output", 100.0, lo=0.0,
                                            strict_lo=True),
                   pictures=_bool(t, "pictures", "output", True), ecg=ecg,
                   probes=tuple((k, _vec3(v, f"output.probes.{k}"))
                                for k, v in sorted(probes.items())))


@dataclass(frozen=True)
class RunConfig:
    """The whole run, as read from one TOML file."""

    geometry: GeometryConfig
    ionic: IonicConfig = field(default_factory=IonicConfig)
    conductivity: ConductivityConfig = field(default_factory=ConductivityConfig)
    stimuli: tuple[StimulusConfig, ...] = ()
    drug: DrugConfig = field(default_factory=DrugConfig)
    time: TimeConfig = field(default_factory=TimeConfig)
    solver: SolverConfig = field(default_factory=SolverConfig)
    output: OutputConfig = field(default_factory=OutputConfig)
    source: Path | None = None

    KEYS: ClassVar[frozenset[str]] = frozenset({
        "geometry", "ionic", "conductivity", "stimulus", "drug", "time", "solver", "output",
    })

    @classmethod
    def from_dict(cls, data: dict, base: Path, source: Path | None = None) -> RunConfig:
        _check_keys(data, cls.KEYS, "top level")
        if "geometry" not in data:
            raise ConfigError("the configuration has no [geometry] table")
        stim = data.get("stimulus", [])
        if isinstance(stim, dict):
            stim = [stim]
        if not stim:
            raise ConfigError("the configuration has no [[stimulus]]: nothing would excite the "
                              "tissue")
        cfg = cls(geometry=GeometryConfig.from_table(data["geometry"], base),
                  ionic=IonicConfig.from_table(data.get("ionic", {})),
                  conductivity=ConductivityConfig.from_table(data.get("conductivity", {})),
                  stimuli=tuple(StimulusConfig.from_table(s, i) for i, s in enumerate(stim)),
                  drug=DrugConfig.from_table(data.get("drug", {})),
                  time=TimeConfig.from_table(data.get("time", {})),
                  solver=SolverConfig.from_table(data.get("solver", {})),
                  output=OutputConfig.from_table(data.get("output", {})), source=source)
        cfg.ionic.validate_models()
        return cfg


def load_config(path: str | Path) -> RunConfig:
    """Read and validate a run configuration (TOML)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"configuration file not found: {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    return RunConfig.from_dict(data, path.resolve().parent, source=path.resolve())


def config_to_dict(cfg: Any) -> Any:
    """JSON-serialisable view of a config tree (paths as strings)."""
    if hasattr(cfg, "__dataclass_fields__"):
        return {f.name: config_to_dict(getattr(cfg, f.name)) for f in fields(cfg)}
    if isinstance(cfg, tuple | list):
        return [config_to_dict(v) for v in cfg]
    if isinstance(cfg, Path):
        return str(cfg)
    return cfg
