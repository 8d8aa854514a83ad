"""Run configuration: a TOML file parsed into a tree of frozen, validated dataclasses.

Every section is a dataclass that validates itself (``__post_init__``), so a configuration
built in Python is checked exactly like one read from a file; defaults are written once,
as the dataclass fields.  Reading a file adds only what TOML needs: an unknown key, a value
of the wrong type or out of range, or a file that does not exist raises
:class:`ConfigError` naming the key path (e.g. ``time.dt_ms``), the value and what is
allowed - before any computation starts.

Example (all sections optional except ``geometry`` and ``stimulus``)::

    [geometry]
    labels = "meshes/phantom_biv_labels.nii.gz"   # or: mesh = "meshes/phantom_biv"
    edge_length_mm = 1.5

    [ionic]
    model = "tp06-epi"                  # everywhere not covered by a layer below
    layers = [{model = "tp06-endo", transmural = [0.0, 0.3]},
              {model = "tp06-m", transmural = [0.3, 0.6]}]
    scalings = {gKr = 0.5}              # multiply parameter rows (any kind)
    parameters = {}                     # set parameter rows to values (their own unit)

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

    [drug]                              # a library compound at a dose (free concentration)
    name = "dofetilide"
    cmax_multiple = 3.0                 # or conc_uM = 0.006

    [time]
    t_end_ms = 480.0
    dt_ms = 0.05

    [output]
    series_every_ms = 5.0
    checkpoint_every_ms = 100.0
    ecg = "auto"                        # or {name = [x, y, z], ...} in mm
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar

from cardiotwin.exceptions import ConfigError

_ROLES = ("lv-myocardium", "lv-blood", "rv-myocardium", "rv-blood", "scar", "border-zone")


# ----------------------------------------------------------------------------- checks
def _number(where: str, v: Any, *, lo: float | None = None, hi: float | None = None,
            strict_lo: bool = False, optional: bool = False) -> float | None:
    if v is None and optional:
        return None
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ConfigError(f"{where} = {v!r} is invalid: expected a finite number")
    v = float(v)
    if lo is not None and (v <= lo if strict_lo else v < lo):
        raise ConfigError(f"{where} = {v!r} is out of range: expected "
                          f"{'>' if strict_lo else '>='} {lo:g}")
    if hi is not None and v > hi:
        raise ConfigError(f"{where} = {v!r} is out of range: expected <= {hi:g}")
    return v


def _boolean(where: str, v: Any) -> bool:
    if not isinstance(v, bool):
        raise ConfigError(f"{where} = {v!r} is invalid: expected true or false")
    return v


def _choice(where: str, v: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(v, str) or v not in choices:
        raise ConfigError(f"{where} = {v!r} is invalid: expected one of {list(choices)}")
    return v


def _text(where: str, v: Any) -> str:
    if not isinstance(v, str) or not v:
        raise ConfigError(f"{where} = {v!r} is invalid: expected a non-empty string")
    return v


def _range(where: str, v: Any) -> tuple[float, float] | None:
    if v is None:
        return None
    if (not isinstance(v, list | tuple) or len(v) != 2
            or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in v)
            or not v[1] > v[0]):
        raise ConfigError(f"{where} = {list(v) if isinstance(v, tuple) else v!r} is invalid: "
                          "expected [lower, upper] with upper > lower")
    return (float(v[0]), float(v[1]))


def _vec3(where: str, v: Any) -> tuple[float, float, float]:
    if (not isinstance(v, list | tuple) or len(v) != 3
            or not all(isinstance(x, int | float) and not isinstance(x, bool)
                       and math.isfinite(x) for x in v)):
        raise ConfigError(f"{where} = {v!r} is invalid: expected a list of 3 numbers (mm)")
    return (float(v[0]), float(v[1]), float(v[2]))


def _pairs(where: str, v: Any, *, lo: float | None = None) -> tuple[tuple[str, float], ...]:
    """A ``{name: number}`` table (or pairs) as sorted ``((name, value), ...)``."""
    items = v.items() if isinstance(v, dict) else v
    try:
        pairs = [(k, x) for k, x in items]
    except (TypeError, ValueError):
        raise ConfigError(f"{where} must be a table like {{gKr = 0.5}}") from None
    return tuple(sorted((str(k), _number(f"{where}.{k}", x, lo=lo)) for k, x in pairs))


def _points(where: str, v: Any) -> tuple[tuple[str, tuple[float, float, float]], ...]:
    items = v.items() if isinstance(v, dict) else v
    try:
        pairs = [(k, x) for k, x in items]
    except (TypeError, ValueError):
        raise ConfigError(f"{where} must be a table {{name = [x, y, z]}} (mm)") from None
    return tuple(sorted((str(k), _vec3(f"{where}.{k}", x)) for k, x in pairs))


def check_keys(table: Any, allowed: frozenset[str], where: str, *,
               document: str = "the configuration") -> None:
    """Raise :class:`ConfigError` naming the first key of ``table`` not in ``allowed``.

    ``where`` is the table's dotted name (``""`` for the top level of ``document``).
    """
    name = f"[{where}]" if where else document
    if not isinstance(table, dict):
        raise ConfigError(f"{name} must be a table, got {type(table).__name__}")
    unknown = sorted(set(table) - allowed)
    if unknown:
        key = f"{where}.{unknown[0]}" if where else unknown[0]
        raise ConfigError(f"unknown key '{key}' in {document}; allowed keys in {name} are: "
                          f"{', '.join(sorted(allowed))}")





def _path(where: str, v: Any, base: Path) -> Path:
    if not isinstance(v, str | Path):
        raise ConfigError(f"{where} = {v!r} is invalid: expected a file path")
    p = Path(v)
    return p if p.is_absolute() else (base / p).resolve()


def _keys(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls) if f.init)


def _set(obj: Any, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)


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

    def __post_init__(self) -> None:
        w = "geometry"
        if (self.labels is None) == (self.mesh is None):
            raise ConfigError("[geometry] needs exactly one of 'labels' (a label image to mesh) "
                              "or 'mesh' (a geometry folder written by `cardiotwin mesh`)")
        for key in ("labels", "mesh"):
            p = getattr(self, key)
            if p is not None:
                p = Path(p)
                if not p.exists():
                    raise ConfigError(f"{w}.{key}: file not found: {p}")
                _set(self, key, p)
        _set(self, "edge_length_mm", _number(f"{w}.edge_length_mm", self.edge_length_mm,
                                             lo=0.1))
        lm = dict(self.label_map)
        for k, v in lm.items():
            if k not in _ROLES:
                raise ConfigError(f"unknown key '{w}.label_map.{k}' in the configuration; "
                                  f"allowed keys in [{w}.label_map] are: {', '.join(_ROLES)}")
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise ConfigError(f"{w}.label_map.{k} = {v!r}: expected a label code >= 0")
        _set(self, "label_map", tuple(sorted(lm.items())))
        for key in ("helix_endo_deg", "helix_epi_deg"):
            _set(self, key, _number(f"{w}.{key}", getattr(self, key), lo=-90, hi=90))

    @classmethod
    def from_table(cls, t: dict, base: Path) -> GeometryConfig:
        check_keys(t, _keys(cls), "geometry")
        kw = dict(t)
        for key in ("labels", "mesh"):
            if key in kw:
                kw[key] = _path(f"geometry.{key}", kw[key], base)
        if "label_map" in kw:
            check_keys(kw["label_map"], frozenset(_ROLES), "geometry.label_map")
            kw["label_map"] = tuple(kw["label_map"].items())
        return cls(**kw)


@dataclass(frozen=True)
class Layer:
    """An ionic model in a band of the transmural coordinate (0 endo .. 1 epi)."""

    model: str
    transmural: tuple[float, float]

    def __post_init__(self) -> None:
        _text("ionic.layers.model", self.model)
        _set(self, "transmural", _range("ionic.layers.transmural", self.transmural))


@dataclass(frozen=True)
class IonicConfig:
    """Ionic model(s) and their parameter changes (one contract:
    :class:`cardiotwin.ionic.parameters.ParameterChanges`).

    ``scalings`` multiply parameter rows (whatever their kind); ``parameters`` set rows to
    values in their own units.
    """

    model: str = "tp06-epi"
    layers: tuple[Layer, ...] = ()
    scalings: tuple[tuple[str, float], ...] = ()
    parameters: tuple[tuple[str, float], ...] = ()

    def __post_init__(self) -> None:
        _text("ionic.model", self.model)
        layers = tuple(self.layers)
        for i, lay in enumerate(layers):
            if not isinstance(lay, Layer):
                raise ConfigError(f"ionic.layers[{i}] is a {type(lay).__name__}: expected a "
                                  "Layer(model, transmural)")
        _set(self, "layers", layers)
        _set(self, "scalings", _pairs("ionic.scalings", self.scalings, lo=0.0))
        _set(self, "parameters", _pairs("ionic.parameters", self.parameters))
        self.validate_models()

    @classmethod
    def from_table(cls, t: dict) -> IonicConfig:
        check_keys(t, _keys(cls), "ionic")
        kw = dict(t)
        layers = []
        for i, lay in enumerate(kw.pop("layers", [])):
            where = f"ionic.layers[{i}]"
            check_keys(lay, frozenset({"model", "transmural"}), where)
            if "model" not in lay or "transmural" not in lay:
                raise ConfigError(f"{where} needs 'model' and 'transmural' = [lower, upper]")
            _range(f"{where}.transmural", lay["transmural"])
            layers.append(Layer(_text(f"{where}.model", lay["model"]), lay["transmural"]))
        for key in ("scalings", "parameters"):
            if key in kw and not isinstance(kw[key], dict):
                raise ConfigError(f"ionic.{key} must be a table like {{gKr = 0.5}}")
        return cls(layers=tuple(layers), **kw)

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

    def __post_init__(self) -> None:
        w = "conductivity"
        for key in ("sigma_f", "sigma_s"):
            _set(self, key, _number(f"{w}.{key}", getattr(self, key), lo=0.0))
        _set(self, "sigma_n", _number(f"{w}.sigma_n", self.sigma_n, lo=0.0, optional=True))
        for key in ("scar", "border_zone"):
            _set(self, key, _number(f"{w}.{key}", getattr(self, key), lo=0.0, hi=1.0))

    @classmethod
    def from_table(cls, t: dict) -> ConductivityConfig:
        check_keys(t, _keys(cls), "conductivity")
        return cls(**t)


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

    #: the TOML keys (sphere and box are sub-tables)
    TOML_KEYS: ClassVar[frozenset[str]] = frozenset({
        "name", "facets", "cells", "sphere", "box", "apicobasal", "transmural", "start_ms",
        "duration_ms", "amplitude", "unit", "period_ms", "number",
    })

    def __post_init__(self) -> None:
        w = "stimulus"
        _text(f"{w}.name", self.name)
        for key in ("facets", "cells"):
            v = getattr(self, key)
            if isinstance(v, str) or not all(isinstance(x, str) for x in v):
                raise ConfigError(f"{w}.{key} = {v!r}: expected a list of tag names")
            _set(self, key, tuple(v))
        if (self.sphere_centre_mm is None) != (self.sphere_radius_mm is None):
            raise ConfigError(f"{w}.sphere needs both centre_mm and radius_mm")
        if self.sphere_centre_mm is not None:
            _set(self, "sphere_centre_mm", _vec3(f"{w}.sphere.centre_mm",
                                                 self.sphere_centre_mm))
            _set(self, "sphere_radius_mm", _number(f"{w}.sphere.radius_mm",
                                                   self.sphere_radius_mm, lo=0.0,
                                                   strict_lo=True))
        if (self.box_lower_mm is None) != (self.box_upper_mm is None):
            raise ConfigError(f"{w}.box needs both lower_mm and upper_mm")
        if self.box_lower_mm is not None:
            _set(self, "box_lower_mm", _vec3(f"{w}.box.lower_mm", self.box_lower_mm))
            _set(self, "box_upper_mm", _vec3(f"{w}.box.upper_mm", self.box_upper_mm))
        if not (self.facets or self.cells or self.sphere_centre_mm or self.box_lower_mm):
            raise ConfigError(f"{w} has no region: give facets, cells, sphere or box")
        for key in ("apicobasal", "transmural"):
            _set(self, key, _range(f"{w}.{key}", getattr(self, key)))
        _set(self, "start_ms", _number(f"{w}.start_ms", self.start_ms, lo=0.0))
        for key in ("duration_ms", "period_ms"):
            _set(self, key, _number(f"{w}.{key}", getattr(self, key), lo=0.0, strict_lo=True))
        _set(self, "amplitude", _number(f"{w}.amplitude", self.amplitude, lo=0.0))
        _choice(f"{w}.unit", self.unit, ("uA/uF", "uA/mm3"))
        if not isinstance(self.number, int) or isinstance(self.number, bool) or self.number < 1:
            raise ConfigError(f"{w}.number = {self.number!r}: expected an integer >= 1")

    @classmethod
    def from_table(cls, t: dict, i: int) -> StimulusConfig:
        w = f"stimulus[{i}]"
        check_keys(t, cls.TOML_KEYS, w)
        kw = dict(t)
        kw.setdefault("name", f"stimulus{i}")
        if "sphere" in kw:
            sph = kw.pop("sphere")
            check_keys(sph, frozenset({"centre_mm", "radius_mm"}), f"{w}.sphere")
            kw["sphere_centre_mm"] = sph.get("centre_mm")
            kw["sphere_radius_mm"] = sph.get("radius_mm")
        if "box" in kw:
            box = kw.pop("box")
            check_keys(box, frozenset({"lower_mm", "upper_mm"}), f"{w}.box")
            kw["box_lower_mm"] = box.get("lower_mm")
            kw["box_upper_mm"] = box.get("upper_mm")
        try:
            return cls(**kw)
        except ConfigError as exc:  # name the list entry
            raise ConfigError(str(exc).replace("stimulus", w, 1)) from None


@dataclass(frozen=True)
class DrugConfig:
    """A drug applied everywhere: a compound of the library (``name``) or of a compound
    file (``file``: a ``.toml`` in µM, see ``cardiotwin drug --drug-file``) at a dose,
    and/or explicit conductance factors (``scalings``, multiplying like ``ionic.scalings``).

    The dose is the free concentration ``conc_uM`` (µM), or ``cmax_multiple`` times the
    compound's free Cmax (its Cmax times its free fraction):
    :meth:`cardiotwin.scenarios.drugs.Drug.dose_uM`, the rule every part of cardiotwin uses.
    """

    name: str | None = None
    file: Path | None = None
    conc_uM: float | None = None
    cmax_multiple: float | None = None
    scalings: tuple[tuple[str, float], ...] = ()

    def __post_init__(self) -> None:
        w = "drug"
        for key in ("conc_uM", "cmax_multiple"):
            _set(self, key, _number(f"{w}.{key}", getattr(self, key), lo=0.0, optional=True))
        _set(self, "scalings", _pairs(f"{w}.scalings", self.scalings, lo=0.0))
        if self.name is not None and self.file is not None:
            raise ConfigError("give drug.name (a library compound) or drug.file, not both")
        if self.name is None and self.file is None:
            if self.conc_uM is not None or self.cmax_multiple is not None:
                raise ConfigError("drug.conc_uM / drug.cmax_multiple need drug.name or "
                                  "drug.file")
            return
        drug = self.compound()  # unknown names and bad files fail here
        if (self.conc_uM is None) == (self.cmax_multiple is None):
            raise ConfigError(f"drug {drug.name!r} needs exactly one of drug.conc_uM (free, "
                              "µM) or drug.cmax_multiple")
        if self.cmax_multiple is not None and drug.cmax_uM is None:
            raise ConfigError(f"drug {drug.name!r} has no Cmax: give drug.conc_uM instead of "
                              "drug.cmax_multiple")

    def compound(self) -> Any:
        """The :class:`~cardiotwin.scenarios.drugs.Drug` (None without name or file)."""
        from cardiotwin.scenarios.library import get_drug, load_drug_file

        if self.name is not None:
            return get_drug(_text("drug.name", self.name))
        if self.file is not None:
            drugs = load_drug_file(self.file)
            if len(drugs) != 1:
                raise ConfigError(f"drug.file {self.file}: holds {len(drugs)} compounds; a run "
                                  "applies one")
            return drugs[0]
        return None

    @classmethod
    def from_table(cls, t: dict, base: Path) -> DrugConfig:
        check_keys(t, _keys(cls), "drug")
        kw = dict(t)
        if "scalings" in kw and not isinstance(kw["scalings"], dict):
            raise ConfigError("drug.scalings must be a table like {gKr = 0.5}")
        if "file" in kw:
            kw["file"] = _path("drug.file", kw["file"], base)
        return cls(**kw)


@dataclass(frozen=True)
class TimeConfig:
    """Simulated time and time step (ms)."""

    t_end_ms: float = 480.0
    dt_ms: float = 0.05

    def __post_init__(self) -> None:
        _set(self, "t_end_ms", _number("time.t_end_ms", self.t_end_ms, lo=0.0, strict_lo=True))
        _set(self, "dt_ms", _number("time.dt_ms", self.dt_ms, lo=0.0, strict_lo=True, hi=1.0))

    @classmethod
    def from_table(cls, t: dict) -> TimeConfig:
        check_keys(t, _keys(cls), "time")
        return cls(**t)


@dataclass(frozen=True)
class SolverConfig:
    """Numerical settings of the monodomain solver."""

    splitting: str = "godunov"
    theta: float = 0.5
    lumped_mass: bool = False
    lookup_tables: bool = True
    activation_threshold_mV: float = -20.0
    petsc_options: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        w = "solver"
        _choice(f"{w}.splitting", self.splitting, ("godunov", "strang"))
        _set(self, "theta", _number(f"{w}.theta", self.theta, lo=0.5, hi=1.0))
        _boolean(f"{w}.lumped_mass", self.lumped_mass)
        _boolean(f"{w}.lookup_tables", self.lookup_tables)
        _set(self, "activation_threshold_mV", _number(f"{w}.activation_threshold_mV",
                                                      self.activation_threshold_mV))
        po = self.petsc_options
        if isinstance(po, dict):
            po = tuple(po.items())
        _set(self, "petsc_options", tuple(sorted((str(k), v) for k, v in po)))

    @classmethod
    def from_table(cls, t: dict) -> SolverConfig:
        check_keys(t, _keys(cls), "solver")
        if "petsc_options" in t and not isinstance(t["petsc_options"], dict):
            raise ConfigError("solver.petsc_options must be a table like {pc_type = 'gamg'}")
        return cls(**t)


@dataclass(frozen=True)
class OutputConfig:
    """What a run writes besides the maps and the summary."""

    series_every_ms: float | None = 5.0
    checkpoint_every_ms: float | None = 100.0
    pictures: bool = True
    ecg: str | tuple[tuple[str, tuple[float, float, float]], ...] = "auto"
    probes: tuple[tuple[str, tuple[float, float, float]], ...] = ()

    def __post_init__(self) -> None:
        w = "output"
        for key in ("series_every_ms", "checkpoint_every_ms"):
            _set(self, key, _number(f"{w}.{key}", getattr(self, key), lo=0.0, strict_lo=True,
                                    optional=True))
        _boolean(f"{w}.pictures", self.pictures)
        if isinstance(self.ecg, str):
            if self.ecg not in ("auto", "none"):
                raise ConfigError(f"output.ecg = {self.ecg!r}: expected 'auto', 'none' or a "
                                  "table of electrode positions {name = [x, y, z]} (mm)")
        else:
            _set(self, "ecg", _points(f"{w}.ecg", self.ecg))
        _set(self, "probes", _points(f"{w}.probes", self.probes))

    @classmethod
    def from_table(cls, t: dict) -> OutputConfig:
        check_keys(t, _keys(cls), "output")
        kw = dict(t)
        if "probes" in kw and not isinstance(kw["probes"], dict):
            raise ConfigError("output.probes must be a table {name = [x, y, z]} (mm)")
        return cls(**kw)


@dataclass(frozen=True)
class RunConfig:
    """The whole run, as read from one TOML file (or built in Python)."""

    geometry: GeometryConfig
    ionic: IonicConfig = field(default_factory=IonicConfig)
    conductivity: ConductivityConfig = field(default_factory=ConductivityConfig)
    stimuli: tuple[StimulusConfig, ...] = ()
    drug: DrugConfig = field(default_factory=DrugConfig)
    time: TimeConfig = field(default_factory=TimeConfig)
    solver: SolverConfig = field(default_factory=SolverConfig)
    output: OutputConfig = field(default_factory=OutputConfig)
    source: Path | None = None

    TOML_KEYS: ClassVar[frozenset[str]] = frozenset({
        "geometry", "ionic", "conductivity", "stimulus", "drug", "time", "solver", "output",
    })

    def __post_init__(self) -> None:
        _set(self, "stimuli", tuple(self.stimuli))
        if not self.stimuli:
            raise ConfigError("the configuration has no [[stimulus]]: nothing would excite the "
                              "tissue")
        for name, kind in (("geometry", GeometryConfig), ("ionic", IonicConfig),
                           ("conductivity", ConductivityConfig), ("drug", DrugConfig),
                           ("time", TimeConfig), ("solver", SolverConfig),
                           ("output", OutputConfig)):
            if not isinstance(getattr(self, name), kind):
                raise ConfigError(f"RunConfig.{name} is a {type(getattr(self, name)).__name__}: "
                                  f"expected a {kind.__name__}")

    @classmethod
    def from_dict(cls, data: dict, base: Path, source: Path | None = None) -> RunConfig:
        check_keys(data, cls.TOML_KEYS, "")
        if "geometry" not in data:
            raise ConfigError("the configuration has no [geometry] table")
        stim = data.get("stimulus", [])
        if isinstance(stim, dict):
            stim = [stim]
        return cls(geometry=GeometryConfig.from_table(data["geometry"], base),
                   ionic=IonicConfig.from_table(data.get("ionic", {})),
                   conductivity=ConductivityConfig.from_table(data.get("conductivity", {})),
                   stimuli=tuple(StimulusConfig.from_table(s, i) for i, s in enumerate(stim)),
                   drug=DrugConfig.from_table(data.get("drug", {}), base),
                   time=TimeConfig.from_table(data.get("time", {})),
                   solver=SolverConfig.from_table(data.get("solver", {})),
                   output=OutputConfig.from_table(data.get("output", {})), source=source)


def read_toml(path: str | Path, what: str = "configuration file") -> dict:
    """The table of a TOML file; :class:`ConfigError` naming the file if it is missing or
    not TOML."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{what} not found: {path}")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc


def load_config(path: str | Path) -> RunConfig:
    """Read and validate a run configuration (TOML)."""
    path = Path(path)
    data = read_toml(path)
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
