"""The beating phantom: one command from the biventricular phantom to PV loops.

Set-up (:func:`run_beat`):

1. the phantom's label image is meshed at ``edge_length_mm`` (a coarse mesh for the
   mechanics);
2. mechanics: Holzapfel–Ogden's transversely isotropic fit with every stiffness times
   :data:`KLOTZ_MATERIAL_SCALE` (fitted to the Klotz et al. 2006 normalised EDPVR on this
   phantom, ``benchmarks/edpvr_klotz.py``; ``fibres_in_compression=True``: the strain
   energy is then smooth at ``I4 = 1``, which Newton needs at every step of a beat),
   nearly incompressible with P1 or P2 displacements, LDRB fibres orthonormalised
   pointwise, base fixed, a spring along the epicardial normal (the pericardium), LV and
   RV cavities; the mesh is read as the heart imaged at the end-diastolic pressures: its
   stress-free reference is found first (``unload``; backward displacement) and filled
   back to them (``unload=False``: the mesh is taken as stress-free and filled);
3. the closed-loop circulation of Regazzoni et al. (2022) scaled to the phantom's size
   (``k`` = LV end-diastolic volume / 120 mL, the adult value);
4. electrophysiology: monodomain with the chosen ionic model on the mechanics mesh or a
   finer mesh of the same labels (``ep_edge_length_mm``; the calcium is then carried to
   the mechanics mesh by interpolation), optional I_CaL block.  Activation
   (``activation``) at t = 0 of every beat:

   - ``"endocardial"``: both endocardia (a fast conduction system; the control);
   - ``"lbbb"``: the RV endocardium only (left bundle-branch block: the LV is activated
     through the septum);
   - ``"rv-pacing"``: an RV apical lead (:data:`RV_LEAD_MM`) alone;
   - ``"crt"``: the RV lead and an LV posterolateral epicardial lead (:data:`LV_LEAD_MM`)
     together (biventricular pacing, VV delay 0);

   ``lv_conductivity_factor`` < 1 slows conduction in the LV myocardium (a diseased LV).
   Optional scar (``scar_radius_mm`` > 0): the LV cells of a ball around
   :data:`SCAR_CENTRE_MM` (in the phantom's LV lateral wall) are non-excitable and
   non-conducting on the EP mesh, and non-contracting and ``scar_stiffness_factor``
   times stiffer on the mechanics mesh;
5. Land 2017 tension at every mechanics quadrature point from the ionic calcium, with
   ``T_ref`` = :data:`PHANTOM_TREF_KPA` (calibrated on this phantom, see the README);
6. :class:`~cardiotwin.coupling.electromechanics.Electromechanics` steps it all; the
   last beat's LV and RV metrics (:func:`~cardiotwin.circulation.pv_metrics`) are
   reported with the PV-loop PNG and the traces, and the total activation time of the
   first beat;
7. between beats (``fast_forward``) the circulation moves to the periodic state of the
   beat just run, its ventricles linearised about it, and the heart to its volumes
   (:meth:`~cardiotwin.coupling.electromechanics.Electromechanics.fast_forward`), so
   that a few 3-D beats are periodic instead of tens;
8. a checkpoint of the whole coupled state is written at the end of every beat
   (``checkpoint/``); ``run_beat(..., resume=True)`` (``cardiotwin demo beat --resume``,
   batch members) continues an interrupted run from it, or a finished one for more beats.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.phantom import SCAR_CENTRE_MM
from cardiotwin.mechanics.holzapfel_ogden import HolzapfelOgden
from cardiotwin.units import mmHg_to_kPa

logger = logging.getLogger(__name__)

#: how the ventricles are activated (module notes)
ACTIVATIONS = ("endocardial", "lbbb", "rv-pacing", "crt")

#: RV apical lead (mm; snapped to the nearest RV endocardial vertex): the RV lead of
#: :class:`cardiotwin.studies.crt.CRTConfig`
RV_LEAD_MM = (22.0, 0.0, -36.0)

#: LV lead (mm; snapped to the nearest epicardial vertex): posterolateral, mid-ventricular,
#: the usual coronary-sinus branch target (:data:`cardiotwin.studies.crt.DEFAULT_LV_SITES`)
LV_LEAD_MM = (-21.0, -21.0, -22.0)

#: radius (mm) of a lead's stimulated ball (at least one EP mesh edge is used)
LEAD_RADIUS_MM = 3.5

#: edge length (mm) of the EP mesh: on the 6 mm mechanics mesh the monodomain model is
#: far from resolved (an RV-paced beat activates 77 % of it in 250 ms; 2.5 mm: all of it
#: in 148 ms) and the control LV ejects 35 % instead of 49 % (README)
EP_EDGE_LENGTH_MM = 2.5

#: adult LV end-diastolic volume (mL) the default circulation is sized for
ADULT_LV_EDV_ML = 120.0

#: scale on Holzapfel-Ogden's transversely isotropic fit that puts the phantom LV's
#: normalised EDPVR on Klotz et al. (2006) at 8 mmHg (``benchmarks/edpvr_klotz.py
#: --edge-length 6``: 0.650; RMSE 0.94 mmHg over 0-30 mmHg)
KLOTZ_MATERIAL_SCALE = 0.65

#: Land T_ref (kPa) of the phantom, calibrated while the EP still ran on the 6 mm mesh:
#: there the published 120 kPa gave an LV that reached 90 mmHg and ejected 12 %, 300 kPa
#: a peak pressure in 100-140 mmHg (README, "The beating heart"; not recalibrated since)
PHANTOM_TREF_KPA = 300.0


@dataclass(frozen=True)
class BeatConfig:
    """A beating-phantom run.

    Parameters
    ----------
    edge_length_mm
        Mesh edge length of the phantom (mm).
    displacement_degree
        1 or 2 (Lagrange) for the mechanics.
    bulk_modulus_kPa
        Volumetric penalty of the nearly incompressible myocardium (kPa).
    beats, cycle_length_ms
        Number of beats and their period (ms).
    dt_ms, ep_dt_ms
        Step of mechanics/tension/circulation and of the electrophysiology (ms).
    ionic_model
        Registry name of a model with intracellular calcium.
    ical_block
        Fraction of I_CaL blocked (0 = control), e.g. a calcium-channel blocker.
    Tref_kPa
        Land reference tension (kPa).
    material
        The passive myocardium.
    epicardial_spring_kPa_per_mm
        Stiffness of the spring along the epicardial normal (kPa/mm; 0: none).
    edp_lv_mmHg, edp_rv_mmHg
        End-diastolic pressures the heart is filled to (mmHg).
    unload
        The mesh is the heart as imaged at the end-diastolic pressures: find its
        stress-free reference first (:func:`~cardiotwin.mechanics.unloading.unload`), so
        that the beat starts from the imaged heart, filled (an EP on its own mesh keeps
        the imaged geometry; one on the mechanics mesh runs on the unloaded one).
        Default ``True`` (a CT or MR heart is imaged under load). ``False``: the mesh is
        taken as the stress-free heart and filled to the end-diastolic pressures (it
        starts larger than imaged).
    series_every_ms
        Interval of the mechanics series for ParaView (``mechanics/mechanics.xdmf``:
        displacement, Green-Lagrange and fibre strain, Cauchy and fibre stress), ms;
        0: none.
    sigma_f_S_per_m, sigma_s_S_per_m
        Conductivities along and across fibres (S/m).
    activation
        One of :data:`ACTIVATIONS` (module notes).
    ep_edge_length_mm
        Edge length (mm) of the EP mesh (:data:`EP_EDGE_LENGTH_MM`); ``None``: the EP
        runs on the mechanics mesh.
    lv_conductivity_factor
        Conductivity multiplier of the LV myocardium (1: healthy).
    scar_radius_mm
        Radius (mm) of the scar ball around ``scar_centre_mm`` (0: no scar).
    scar_centre_mm
        Its centre (mm); default the phantom's LV lateral-wall scar.
    scar_stiffness_factor
        Passive stiffness of the scar relative to the myocardium.
    labels, label_map
        Another anatomy: a label image (e.g. a patient's segmented CT) and its label
        roles (``"lv-myocardium=205,lv-blood=500,rv-blood=600"``, as ``cardiotwin mesh
        --labels``); ``None``: the shipped phantom.  The leads and the default scar
        centre are placed for the phantom: paced or scarred runs on another anatomy
        need positions on it.
    circulation
        Changes to :class:`~cardiotwin.circulation.ClosedLoopParameters` (before it is
        sized to the heart): top-level fields (``atrial_lead_ms``,
        ``valve_R_min_mmHg_s_per_mL``...) or, for ``systemic``, ``pulmonary``, ``la``,
        ``ra``, a mapping of their fields (``{"R_AR_mmHg_s_per_mL": 1.0}``); the period
        is ``cycle_length_ms``.
    prepace_beats
        The cells start from a single cell paced this many beats at ``cycle_length_ms``
        with the run's drug and block (:meth:`Monodomain.prepace
        <cardiotwin.ep.monodomain.Monodomain.prepace>`; 0: the model's initial state).
        A drug's effect on contraction is mostly through the SR calcium load, which
        takes tens of beats to settle: TP06 at 700 ms with I_CaL 50 % blocked peaks at
        1.01 µM calcium in its first beat, 0.62 µM after 20.
    circulation_prime_beats
        The circulation starts from its own periodic state: its 0-D ventricles run up to
        this many beats until the state at the start of a beat repeats to 0.1 %
        (:func:`~cardiotwin.circulation.periodic.periodic_closed_loop_state`; 0: the
        ``circulation`` package's default state, whose left atrium at 20 mmHg
        overfills the ventricle in the first milliseconds). The 3-D ventricles then
        replace the 0-D ones with their filled volumes.
    fast_forward
        At the end of every beat but the last, the circulation is moved to its periodic
        state with the ventricles of the beat just run, linearised about it, and the
        heart is brought to its volumes (:meth:`Electromechanics.fast_forward
        <cardiotwin.coupling.electromechanics.Electromechanics.fast_forward>`): blood
        that would take tens of 3-D beats to move between the systemic and pulmonary
        circuits moves at once, and the next 3-D beat corrects what the linearisation
        missed. ``False``: the beats follow one another unchanged.
    drug, drug_cmax_multiple
        A compound of the drug library (``cardiotwin drug --list``; e.g. ``"verapamil"``,
        ``"dofetilide"``) and its dose as a multiple of its free Cmax; it blocks the ionic
        model's channels everywhere (on top of ``ical_block``).
    """

    edge_length_mm: float = 6.0
    displacement_degree: int = 1
    bulk_modulus_kPa: float = 200.0
    beats: int = 1
    cycle_length_ms: float = 800.0
    dt_ms: float = 1.0
    ep_dt_ms: float = 0.05
    ionic_model: str = "tp06-endo"
    ical_block: float = 0.0
    Tref_kPa: float = PHANTOM_TREF_KPA
    edp_lv_mmHg: float = 8.0
    edp_rv_mmHg: float = 4.0
    unload: bool = True
    sigma_f_S_per_m: float = 0.3
    sigma_s_S_per_m: float = 0.1
    fill_steps: int = 8
    series_every_ms: float = 10.0
    land_overrides: dict[str, float] = field(default_factory=dict)
    material: HolzapfelOgden = field(default_factory=lambda: HolzapfelOgden.transversely_isotropic(
        fibres_in_compression=True).scaled(KLOTZ_MATERIAL_SCALE))
    epicardial_spring_kPa_per_mm: float = 0.05
    activation: str = "endocardial"
    ep_edge_length_mm: float | None = EP_EDGE_LENGTH_MM
    lv_conductivity_factor: float = 1.0
    scar_radius_mm: float = 0.0
    scar_centre_mm: tuple[float, float, float] = SCAR_CENTRE_MM
    scar_stiffness_factor: float = 10.0
    drug: str | None = None
    drug_cmax_multiple: float = 1.0
    prepace_beats: int = 20
    circulation_prime_beats: int = 50
    fast_forward: bool = True
    labels: str | None = None
    label_map: str | None = None
    circulation: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        def pos(name: str, hi: float = float("inf")) -> None:
            v = getattr(self, name)
            if not (isinstance(v, int | float) and np.isfinite(v) and 0 < v <= hi):
                raise ConfigError(f"BeatConfig.{name} = {v!r}: expected a number in (0, {hi}]")

        def nonneg(name: str, expected: str) -> None:
            v = getattr(self, name)
            if not (isinstance(v, int | float) and np.isfinite(v) and v >= 0):
                raise ConfigError(f"BeatConfig.{name} = {v!r}: expected {expected}")

        for name in ("edge_length_mm", "bulk_modulus_kPa", "cycle_length_ms", "dt_ms",
                     "ep_dt_ms", "Tref_kPa", "edp_lv_mmHg", "edp_rv_mmHg",
                     "sigma_f_S_per_m", "sigma_s_S_per_m"):
            pos(name)
        if self.displacement_degree not in (1, 2):
            raise ConfigError(f"BeatConfig.displacement_degree = {self.displacement_degree!r}"
                              ": expected 1 or 2")
        if not (isinstance(self.beats, int) and 1 <= self.beats <= 50):
            raise ConfigError(f"BeatConfig.beats = {self.beats!r}: expected 1..50")
        if not (isinstance(self.ical_block, int | float) and 0 <= self.ical_block <= 1):
            raise ConfigError(f"BeatConfig.ical_block = {self.ical_block!r}: expected a "
                              "fraction in [0, 1]")
        nonneg("epicardial_spring_kPa_per_mm", "a number >= 0 (kPa/mm)")
        if not isinstance(self.material, HolzapfelOgden):
            raise ConfigError(f"BeatConfig.material = {self.material!r}: expected a "
                              "HolzapfelOgden law")
        for name in ("prepace_beats", "circulation_prime_beats"):
            v = getattr(self, name)
            if not (isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 1000):
                raise ConfigError(f"BeatConfig.{name} = {v!r}: expected an integer in "
                                  "[0, 1000]")
        nonneg("series_every_ms", "an interval >= 0 ms (0: no series)")
        for name in ("unload", "fast_forward"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"BeatConfig.{name} = {getattr(self, name)!r}: expected "
                                  "true or false")
        if not (isinstance(self.fill_steps, int) and self.fill_steps >= 1):
            raise ConfigError(f"BeatConfig.fill_steps = {self.fill_steps!r}: expected >= 1")
        if self.activation not in ACTIVATIONS:
            raise ConfigError(f"BeatConfig.activation = {self.activation!r}: expected one of "
                              f"{', '.join(ACTIVATIONS)}")
        if self.ep_edge_length_mm is not None:
            pos("ep_edge_length_mm")
        pos("lv_conductivity_factor", 1.0)
        pos("scar_stiffness_factor")
        r = self.scar_radius_mm
        if not (isinstance(r, int | float) and np.isfinite(r) and r >= 0):
            raise ConfigError(f"BeatConfig.scar_radius_mm = {r!r}: expected a radius >= 0 mm")
        pos("drug_cmax_multiple")
        closed_loop_parameters(self)  # ConfigError on a bad circulation change
        if self.labels is not None:
            from cardiotwin.geometry.labels import LabelMap

            if not Path(self.labels).is_file():
                raise ConfigError(f"BeatConfig.labels = {self.labels!r}: no such label image")
            if self.label_map is None:
                raise ConfigError("BeatConfig.labels needs label_map (e.g. 'lv-myocardium="
                                  "205,lv-blood=500,rv-blood=600')")
            LabelMap.parse(self.label_map)
            if self.activation in ("rv-pacing", "crt"):
                raise ConfigError(f"BeatConfig.activation = {self.activation!r}: the leads "
                                  "are placed for the phantom; pace another anatomy with "
                                  "its own lead positions")
        if self.drug is not None:
            from cardiotwin.scenarios.library import get_drug

            get_drug(self.drug)  # ConfigError naming the library's compounds
        c = np.asarray(self.scar_centre_mm, dtype=float)
        if c.shape != (3,) or not np.all(np.isfinite(c)):
            raise ConfigError(f"BeatConfig.scar_centre_mm = {self.scar_centre_mm!r}: expected "
                              "three finite coordinates (mm)")


#: circulation fields that are groups of parameters (changed by a mapping)
CIRCULATION_GROUPS = ("systemic", "pulmonary", "la", "ra")


def circulation_changes_allowed() -> frozenset[str]:
    """The :class:`~cardiotwin.circulation.ClosedLoopParameters` fields a beat may change
    (``BeatConfig.circulation``, the ``[circulation]`` table): all but the period (the
    beat's), the initial state, the volume scale (set from the heart) and the 0-D
    ventricles (replaced by the 3-D ones)."""
    from cardiotwin.circulation import ClosedLoopParameters

    return frozenset(f.name for f in fields(ClosedLoopParameters)) - {
        "cycle_length_ms", "initial", "volume_scale", "lv", "rv"}


def closed_loop_parameters(cfg: BeatConfig) -> Any:
    """The closed-loop circulation of ``cfg`` (its period and changes), not yet sized to
    the heart."""
    from cardiotwin.circulation import ClosedLoopParameters

    changes = cfg.circulation
    if not isinstance(changes, dict):
        raise ConfigError(f"BeatConfig.circulation = {changes!r}: expected a mapping of "
                          "ClosedLoopParameters fields")
    base = ClosedLoopParameters()  # its groups' defaults; the period is set with the changes
    allowed = circulation_changes_allowed()
    kw: dict[str, Any] = {}
    for key, value in changes.items():
        if key not in allowed:
            raise ConfigError(f"circulation.{key}: not a circulation parameter one can change "
                              f"here; allowed: {', '.join(sorted(allowed))} (the period is "
                              "cycle_length_ms)")
        if key in CIRCULATION_GROUPS:
            group = getattr(base, key)
            names = {f.name for f in fields(group)}
            if not isinstance(value, dict) or not set(value) <= names:
                raise ConfigError(f"circulation.{key} = {value!r}: expected a table of "
                                  f"{', '.join(sorted(names))}")
            kw[key] = replace(group, **value)
        else:
            kw[key] = value
    try:
        return replace(base, cycle_length_ms=cfg.cycle_length_ms, **kw)
    except TypeError as exc:
        raise ConfigError(f"circulation: {exc}") from None


#: TOML sections of a beat configuration: key -> BeatConfig field
BEAT_TOML = {
    "geometry": {"labels": "labels", "label_map": "label_map",
                 "edge_length_mm": "edge_length_mm"},
    "electrophysiology": {"model": "ionic_model", "dt_ms": "ep_dt_ms",
                          "edge_length_mm": "ep_edge_length_mm", "activation": "activation",
                          "sigma_f": "sigma_f_S_per_m", "sigma_s": "sigma_s_S_per_m",
                          "lv_conductivity_factor": "lv_conductivity_factor",
                          "ical_block": "ical_block", "drug": "drug",
                          "cmax_multiple": "drug_cmax_multiple",
                          "prepace_beats": "prepace_beats"},
    "mechanics": {"dt_ms": "dt_ms", "displacement_degree": "displacement_degree",
                  "bulk_modulus_kPa": "bulk_modulus_kPa", "Tref_kPa": "Tref_kPa",
                  "epicardial_spring_kPa_per_mm": "epicardial_spring_kPa_per_mm",
                  "edp_lv_mmHg": "edp_lv_mmHg", "edp_rv_mmHg": "edp_rv_mmHg",
                  "fill_steps": "fill_steps", "unload": "unload",
                  "land": "land_overrides",
                  "series_every_ms": "series_every_ms",
                  "material_scale": None, "exponent_factor": None},
    "scar": {"radius_mm": "scar_radius_mm", "centre_mm": "scar_centre_mm",
             "stiffness_factor": "scar_stiffness_factor"},
    "circulation": {"cycle_length_ms": "cycle_length_ms", "beats": "beats",
                    "prime_beats": "circulation_prime_beats",
                    "fast_forward": "fast_forward"},
}


def beat_config_from_toml(path: str | Path, base: BeatConfig | None = None) -> BeatConfig:
    """A :class:`BeatConfig` from a TOML file (sections of :data:`BEAT_TOML`), every key
    not given taken from ``base`` (default :class:`BeatConfig`).

    Example::

        [geometry]                      # default: the shipped phantom
        labels = "heart_labels.nii.gz"  # relative to this file
        label_map = "lv-myocardium=1,lv-blood=3,rv-blood=5"

        [electrophysiology]
        model = "tp06-endo"
        activation = "lbbb"
        drug = "verapamil"
        cmax_multiple = 3.0

        [mechanics]
        Tref_kPa = 300.0
        material_scale = 1.2            # x the default law's stiffnesses
        land = {TRPN50 = 0.4}           # Land 2017 parameters

        [scar]
        radius_mm = 12.0

        [circulation]
        cycle_length_ms = 800.0
        beats = 3
        systemic = {R_AR_mmHg_s_per_mL = 0.9}   # ClosedLoopParameters changes

    Raises
    ------
    ConfigError
        Naming the key (``mechanics.Tref_kPa``) of an unknown key or a bad value, before
        anything is computed.
    """
    from cardiotwin.studies.runconfig import read_toml

    path = Path(path)
    return beat_config_from_dict(read_toml(path, "beat configuration"), path.parent, base,
                                 where=str(path))


def beat_config_from_dict(data: dict[str, Any], base_dir: str | Path,
                          base: BeatConfig | None = None, *,
                          where: str = "beat configuration") -> BeatConfig:
    """A :class:`BeatConfig` from the tables of a beat TOML file (already parsed), every
    key not given taken from ``base``; paths are relative to ``base_dir``; ``where``
    names the document in errors. See :func:`beat_config_from_toml`."""
    from cardiotwin.studies.runconfig import check_keys

    path = Path(base_dir) / "_"  # relative paths resolve against path.parent
    check_keys(data, frozenset(BEAT_TOML), "", document=where)
    cfg = base or BeatConfig()
    kw: dict[str, Any] = {}
    circulation_changes: dict[str, Any] = {}
    scale = exponents = 1.0
    for section, table in data.items():
        keys = BEAT_TOML[section]
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [{section}] = {table!r}: expected a table")
        if section == "circulation":
            check_keys(table, frozenset(keys) | circulation_changes_allowed(), section,
                       document=where)
            circulation_changes = {k: v for k, v in table.items() if k not in keys}
        else:
            check_keys(table, frozenset(keys), section, document=where)
        for key, value in table.items():
            name = keys.get(key)
            if key == "material_scale":
                scale = value
            elif key == "exponent_factor":
                exponents = value
            elif name == "labels":
                kw[name] = str((path.parent / value).resolve()) if isinstance(value, str) \
                    else value
            elif name == "ep_edge_length_mm":
                kw[name] = value or None
            elif name == "scar_centre_mm":
                kw[name] = tuple(value) if isinstance(value, list) else value
            elif name is not None:
                kw[name] = value
    if circulation_changes:
        kw["circulation"] = {**cfg.circulation, **circulation_changes}
    if (scale, exponents) != (1.0, 1.0):
        try:
            kw["material"] = cfg.material.scaled(scale, exponent_factor=exponents)
        except ConfigError as exc:
            raise ConfigError(f"{where}: [mechanics] {exc}") from None
    try:
        return replace(cfg, **kw)
    except ConfigError as exc:
        msg = str(exc)
        for section, keys in BEAT_TOML.items():  # name the file's key, not the field
            for key, name in keys.items():
                if name is not None and f"BeatConfig.{name} " in msg:
                    msg = msg.replace(f"BeatConfig.{name} ", f"{section}.{key} ")
        raise ConfigError(f"{where}: {msg}") from None


#: the ``--quick`` demo: coarse steps, one beat
QUICK = BeatConfig(dt_ms=2.0, ep_dt_ms=0.1, cycle_length_ms=700.0)

#: I_CaL conductance parameter of the shipped models
ICAL_PARAMETER = {"tp06": "gCaL", "ord": "PCa"}


def _ical_parameter(model: str) -> str:
    for prefix, name in ICAL_PARAMETER.items():
        if model.startswith(prefix):
            return name
    raise ConfigError(f"no I_CaL parameter known for ionic model {model!r}; use one of the "
                      f"{', '.join(ICAL_PARAMETER)} families")


def build_beat(comm: Any, cfg: BeatConfig, workdir: str | Path) -> Any:
    """Mesh, mechanics filled to end diastole, circulation, EP and the coupled model."""
    return _build(comm, cfg, workdir)[0]


@dataclass(frozen=True)
class BeatHeart:
    """The mechanics of a beat's heart at rest, before it is filled or unloaded
    (:func:`beat_heart`).

    Attributes
    ----------
    geometry
        The mechanics mesh with its tags and fibres (:class:`~cardiotwin.geometry.Geometry`).
    mechanics
        The :class:`~cardiotwin.mechanics.MechanicsProblem` (LV and RV cavities at zero
        pressure, the Land tension law, scar fields).
    edp_kPa
        The end-diastolic pressures of the configuration, by cavity (kPa).
    labels, roles, stem
        The label image, its label roles and the name its meshes are cached under.
    substrate
        The scar's size (``scar_volume_mL``, ``scar_percent_of_lv``).
    """

    geometry: Any
    mechanics: Any
    edp_kPa: dict[str, float]
    labels: Path
    roles: Any
    stem: str
    substrate: dict[str, Any]


def beat_heart(comm: Any, cfg: BeatConfig, workdir: str | Path) -> BeatHeart:
    """The heart of :func:`build_beat` at rest: the label image meshed at
    ``cfg.edge_length_mm`` (cached under ``workdir``), the passive material, base, pericardial
    spring, cavities, scar and the Land tension law; neither filled nor unloaded (collective).

    Use it to study the passive heart alone, e.g. to unload it
    (:func:`~cardiotwin.mechanics.unloading.unload`, ``examples/unloading.py``).
    """
    from cardiotwin.geometry.labels import PHANTOM_LABELS
    from cardiotwin.geometry.pipeline import mesh_labels
    from cardiotwin.mechanics import (
        ActiveStress,
        FixedBoundary,
        MechanicsConfig,
        MechanicsProblem,
        SolverConfig,
        SpringBoundary,
    )
    from cardiotwin.mechanics.kinematics import OrthonormalFrame
    from cardiotwin.mechanics.land import LandParameters, LandTensionLaw

    if cfg.labels is None:
        labels = Path(__file__).resolve().parents[2] / "meshes" / "phantom_biv_labels.nii.gz"
        if not labels.is_file():
            raise ConfigError(f"the phantom label image {labels} is not in this installation")
        roles: Any = PHANTOM_LABELS
        stem = "phantom"
    else:
        labels, roles, stem = Path(cfg.labels), cfg.label_map, "anatomy"
    geo = mesh_labels(labels, Path(workdir) / f"{stem}_{cfg.edge_length_mm:g}mm", roles,
                      edge_length_mm=cfg.edge_length_mm, comm=comm)
    ids = geo.facet_tag_ids
    land = LandParameters(Tref_kPa=cfg.Tref_kPa, **cfg.land_overrides)
    mcfg = MechanicsConfig(incompressibility="nearly-incompressible",
                           bulk_modulus_kPa=cfg.bulk_modulus_kPa,
                           displacement_degree=cfg.displacement_degree, pressure_degree=1,
                           quadrature_degree=2 * cfg.displacement_degree,
                           options_prefix="beat_",
                           # full Newton steps diverge on the soft, contracting phantom
                           # wall; backtracking on the residual norm converges
                           solver=SolverConfig(line_search="bt"))
    cavities = [_cavity(geo, v) for v in ("lv", "rv")]
    boundaries: list[Any] = [FixedBoundary(ids["base"])]
    if cfg.epicardial_spring_kPa_per_mm > 0:
        # the pericardium: a spring along the epicardial normal
        boundaries.append(SpringBoundary(ids["epicardium"], cfg.epicardial_spring_kPa_per_mm,
                                         direction="normal"))
    stiffness, contractility, substrate = _scar_fields(geo, cfg)
    mech = MechanicsProblem(
        geo.mesh, cfg.material, facet_tags=geo.facet_tags,
        boundaries=boundaries, cavities=cavities,
        fibres=OrthonormalFrame.of(geo.fibres),
        active=ActiveStress(space="quadrature", tension_law=LandTensionLaw(land.beta0)),
        config=mcfg, stiffness_scale=stiffness, contractility=contractility)
    edp_kPa = {"lv": mmHg_to_kPa(cfg.edp_lv_mmHg), "rv": mmHg_to_kPa(cfg.edp_rv_mmHg)}
    return BeatHeart(geo, mech, edp_kPa, Path(labels), roles, stem, substrate)


def _build(comm: Any, cfg: BeatConfig, workdir: str | Path) -> tuple[Any, dict[str, Any]]:
    """:func:`build_beat` and a description of the substrate (scar size, EP mesh)."""
    from cardiotwin.circulation import ClosedLoopCirculation
    from cardiotwin.coupling.electromechanics import CouplingConfig, Electromechanics
    from cardiotwin.ep.conductivity import Conductivity, scale_tagged_conductivity
    from cardiotwin.ep.monodomain import IonicRegion, Monodomain, MonodomainConfig
    from cardiotwin.ep.stimulus import Stimulus
    from cardiotwin.geometry.pipeline import mesh_labels
    from cardiotwin.ionic.parameters import ParameterChanges
    from cardiotwin.ionic.protocol import Protocol
    from cardiotwin.mechanics import LoadPath, solve_load_path
    from cardiotwin.mechanics.land import LandParameters

    heart = beat_heart(comm, cfg, workdir)
    geo, mech, substrate = heart.geometry, heart.mechanics, heart.substrate
    labels, roles, stem, edp_kPa = heart.labels, heart.roles, heart.stem, heart.edp_kPa
    land = LandParameters(Tref_kPa=cfg.Tref_kPa, **cfg.land_overrides)
    imaged = None
    if cfg.unload:
        from cardiotwin.mechanics.unloading import UnloadingConfig, unload

        unloaded = unload(mech, UnloadingConfig(edp_kPa, load_steps=cfg.fill_steps))
        substrate["unloading"] = unloaded.as_dict()
        imaged = unloaded.imaged_coordinates_mm
    else:
        solve_load_path(mech, LoadPath(pressures_kPa=edp_kPa, steps=cfg.fill_steps))
    edv_ml = mech.volume("lv") / 1000.0
    circ_params = closed_loop_parameters(cfg).scaled(edv_ml / ADULT_LV_EDV_ML)
    if cfg.circulation_prime_beats:
        from cardiotwin.circulation.periodic import periodic_closed_loop_state

        primed, _, _ = periodic_closed_loop_state(circ_params,
                                                  max_beats=cfg.circulation_prime_beats)
        circ_params = replace(circ_params, initial=tuple(primed.items()))
    circulation = ClosedLoopCirculation(circ_params)

    changes = ParameterChanges()
    if cfg.ical_block > 0:
        changes = ParameterChanges(scale={_ical_parameter(cfg.ionic_model):
                                          1.0 - cfg.ical_block})
    ep_geo = geo
    if cfg.ep_edge_length_mm is not None and cfg.ep_edge_length_mm != cfg.edge_length_mm:
        ep_geo = mesh_labels(labels, Path(workdir) / f"{stem}_{cfg.ep_edge_length_mm:g}mm",
                             roles, edge_length_mm=cfg.ep_edge_length_mm, comm=comm)
    ionic: list[Any] = [IonicRegion(cfg.ionic_model, None, changes)]
    scaling = None
    if cfg.scar_radius_mm > 0:
        from cardiotwin.scenarios.lesions import LesionSet, apply_lesions

        app = apply_lesions(ep_geo, LesionSet((_scar_region(cfg),)), cfg.ionic_model,
                            base=changes)
        ionic, scaling = app.ionic, app.conductivity_scaling
    if cfg.drug is not None:
        from cardiotwin.scenarios.drugs import apply_to_regions
        from cardiotwin.scenarios.library import get_drug

        drug = get_drug(cfg.drug)
        conc = drug.dose_uM(cmax_multiple=cfg.drug_cmax_multiple)
        ionic = apply_to_regions(ionic, drug, conc, allow_missing=True)
        logger.info("drug %s at %.4g µM (%g x free Cmax)", drug.name, conc,
                    cfg.drug_cmax_multiple)
    if cfg.lv_conductivity_factor != 1.0:
        scaling = scale_tagged_conductivity(ep_geo, "lv-myocardium",
                                            cfg.lv_conductivity_factor, scaling)
    protocol = Protocol(start_ms=0.0, duration_ms=2.0, amplitude=60.0,
                        period_ms=cfg.cycle_length_ms, number=cfg.beats)
    stimuli = [Stimulus(region, protocol, name=name)
               for name, region in _activation_sites(ep_geo, cfg).items()]
    ep = Monodomain(ep_geo, ionic, Conductivity(cfg.sigma_f_S_per_m, cfg.sigma_s_S_per_m),
                    MonodomainConfig(dt_ms=cfg.ep_dt_ms, activation_threshold=-40.0),
                    conductivity_scaling=scaling, stimuli=stimuli)
    if cfg.prepace_beats:
        ep.prepace(cfg.prepace_beats, cfg.cycle_length_ms)
    em = Electromechanics(ep, mech, circulation, land=land,
                          config=CouplingConfig(dt_ms=cfg.dt_ms), ep_geometry_mm=imaged)
    substrate.update(activation=cfg.activation,
                     ep_vertices=ep_geo.mesh.topology.index_map(0).size_global,
                     mechanics_vertices=geo.mesh.topology.index_map(0).size_global)
    return em, substrate


def _cavity(geo: Any, name: str) -> Any:
    """The cavity ``name`` closed at the base, or, where its endocardium does not reach
    the base, closed by itself (:class:`~cardiotwin.mechanics.MechanicsProblem` checks
    that it is, once the volume is constrained)."""
    from cardiotwin.exceptions import MeshError
    from cardiotwin.mechanics import Cavity
    from cardiotwin.mechanics.cavity import base_ring

    ids = geo.facet_tag_ids
    cav = Cavity(name, ids[f"{name}-endocardium"], ids["base"])
    try:
        base_ring(geo.mesh, geo.facet_tags, cav)
    except MeshError:
        logger.info("cavity %s: the endocardium does not reach the base; closed by itself",
                    name)
        return Cavity(name, ids[f"{name}-endocardium"], None)
    return cav


def _repolarisation(comm: Any, tracker: Any) -> dict[str, float]:
    """``apd90_mean_ms`` (mean APD90 over the vertices that repolarised, last beat) and
    ``qt_ms`` (latest 90 % repolarisation minus earliest activation of the last beat:
    the tissue's QT interval); NaN where nothing repolarised yet."""
    from mpi4py import MPI

    apd = tracker.apd90
    done = np.isfinite(apd)
    n = comm.allreduce(int(done.sum()))
    mean = comm.allreduce(float(apd[done].sum())) / n if n else float("nan")
    last = comm.allreduce(float(np.nanmax(tracker.repolarisation)) if done.any() else -np.inf,
                          op=MPI.MAX)
    act = tracker.last_activation
    first = comm.allreduce(float(np.nanmin(act)) if np.isfinite(act).any() else np.inf,
                           op=MPI.MIN)
    qt = last - first if np.isfinite(last) and np.isfinite(first) else float("nan")
    return {"apd90_mean_ms": mean, "qt_ms": qt}


def _scar_region(cfg: BeatConfig) -> Any:
    from cardiotwin.geometry.regions import Sphere

    return Sphere(tuple(float(c) for c in cfg.scar_centre_mm), cfg.scar_radius_mm)


def _scar_fields(geo: Any, cfg: BeatConfig) -> tuple[Any, Any, dict[str, float]]:
    """Cell-wise stiffness scale and contractility (DG0) of the mechanics mesh (``None``
    without a scar) and the scar's size: ``scar_volume_mL`` and ``scar_percent_of_lv``
    (of the LV wall: every myocardial cell not tagged ``rv-myocardium``)."""
    from cardiotwin.geometry.regions import RegionResolver, Tagged
    from cardiotwin.scenarios.lesions import cell_volume_mm3

    res = RegionResolver.for_domain(geo)
    n_cells = res.cell_midpoints().shape[0]
    rv = (res.cells(Tagged("rv-myocardium")) if "rv-myocardium" in geo.cell_tag_ids
          else np.zeros(n_cells, dtype=bool))
    lv_mm3 = cell_volume_mm3(geo.mesh, ~rv)
    if cfg.scar_radius_mm <= 0:
        return None, None, {"scar_volume_mL": 0.0, "scar_percent_of_lv": 0.0,
                            "lv_wall_volume_mL": lv_mm3 / 1000.0}
    from dolfinx import fem

    scar = res.cells(_scar_region(cfg)) & ~rv
    scar_mm3 = cell_volume_mm3(geo.mesh, scar)
    if scar_mm3 <= 0:
        raise ConfigError(f"the scar ball of radius {cfg.scar_radius_mm} mm around "
                          f"{tuple(cfg.scar_centre_mm)} mm holds no LV cell of the mechanics "
                          "mesh: enlarge it or move it into the LV wall")
    Q = fem.functionspace(geo.mesh, ("DG", 0))
    stiffness = fem.Function(Q, name="stiffness_scale")
    contractility = fem.Function(Q, name="contractility")
    n = scar.size
    stiffness.x.array[:n] = np.where(scar, cfg.scar_stiffness_factor, 1.0)
    contractility.x.array[:n] = np.where(scar, 0.0, 1.0)
    for f in (stiffness, contractility):
        f.x.scatter_forward()
    logger.info("scar: %.2f mL, %.1f %% of the LV wall", scar_mm3 / 1000.0,
                100.0 * scar_mm3 / lv_mm3)
    return stiffness, contractility, {"scar_volume_mL": scar_mm3 / 1000.0,
                                      "scar_percent_of_lv": 100.0 * scar_mm3 / lv_mm3,
                                      "lv_wall_volume_mL": lv_mm3 / 1000.0}


def _activation_sites(ep_geo: Any, cfg: BeatConfig) -> dict[str, Any]:
    """Stimulated regions of the EP mesh by name (module notes)."""
    from cardiotwin.geometry.regions import Sphere, Tagged
    from cardiotwin.scenarios.devices import snap_to_mesh

    if cfg.activation == "endocardial":
        return {"endocardium": Tagged(("lv-endocardium", "rv-endocardium"), entity="facet")}
    if cfg.activation == "lbbb":
        return {"rv-endocardium": Tagged("rv-endocardium", entity="facet")}
    radius = max(LEAD_RADIUS_MM, cfg.ep_edge_length_mm or cfg.edge_length_mm)
    sites = {"rv-lead": Sphere(snap_to_mesh(ep_geo, RV_LEAD_MM,
                                            region=Tagged("rv-endocardium", "facet")),
                               radius)}
    if cfg.activation == "crt":
        sites["lv-lead"] = Sphere(snap_to_mesh(ep_geo, LV_LEAD_MM,
                                               region=Tagged("epicardium", "facet")), radius)
    return sites


def _run_with_outputs(em: Any, cfg: BeatConfig, out: Path, progress: Any,
                      checkpoint_extra: dict[str, Any]
                      ) -> tuple[dict[str, tuple[float, float, np.ndarray]], Path | None]:
    """Step the beats, writing the mechanics series every ``cfg.series_every_ms`` (in
    ``mechanics/``, or ``mechanics_from_<t>ms/`` for a run resumed at t) and a checkpoint
    at the end of every beat (``checkpoint/``); return the displacements at end diastole
    (start of the last beat) and end systole (smallest LV volume of the last beat) as
    ``{name: (t_ms, LV volume mL, dof array)}``, and the series file."""
    from types import SimpleNamespace

    from cardiotwin.mechanics.output import MechanicsWriter

    mech = em.mechanics
    folder = out / ("mechanics" if em.t_ms < 0.5 * cfg.dt_ms
                    else f"mechanics_from_{em.t_ms:.0f}ms")
    writer = MechanicsWriter(mech, folder, vtx=False) if cfg.series_every_ms else None
    every = max(1, round(cfg.series_every_ms / cfg.dt_ms)) if writer else 0
    t_end = cfg.beats * cfg.cycle_length_ms
    last_start = (cfg.beats - 1) * cfg.cycle_length_ms
    frames: dict[str, tuple[float, float, np.ndarray]] = {}

    def keep(name: str) -> None:
        v = em.circulation.ventricle_volume("lv")
        if name == "es" and name in frames and frames[name][1] <= v:
            return
        frames[name] = (em.t_ms, v, mech.displacement().x.array.copy())

    def after_step() -> None:
        beat_end = em.t_ms / cfg.cycle_length_ms
        if abs(beat_end - round(beat_end)) * cfg.cycle_length_ms < 0.5 * cfg.dt_ms:
            if cfg.fast_forward and em.t_ms < t_end - 0.5 * cfg.dt_ms:
                em.fast_forward(cfg.cycle_length_ms)
            em.save_checkpoint(out / "checkpoint", extra=checkpoint_extra)
        if abs(em.t_ms - last_start) < 0.5 * cfg.dt_ms:
            keep("ed")
        elif em.t_ms > last_start:
            keep("es")
        step = round(em.t_ms / cfg.dt_ms)
        if writer is not None and step % every == 0:
            names = list(em.cavities.items())
            writer.write(mech, SimpleNamespace(
                index=round(em.t_ms), step=step, fraction=em.t_ms / t_end,
                iterations=em.newton_iterations[-1] if em.newton_iterations else 0,
                pressures_kPa={c: mech.pressure(c) for _, c in names},
                volumes_mm3={c: mech.volume(c) for _, c in names},
                active_tension_kPa=em.history["Ta_max_kPa"][-1]))

    if em.t_ms >= last_start - 1e-9:
        keep("ed")
    em.run(t_end, progress=progress, on_step=after_step)
    if writer is not None:
        writer.finish({"time_ms": em.t_ms, "every_ms": cfg.series_every_ms})
    return frames, (folder / "mechanics.xdmf" if writer is not None else None)


def per_beat_metrics(traces: dict[str, np.ndarray], cycle_length_ms: float, beats: int
                     ) -> list[dict[str, Any]]:
    """LV and RV :func:`~cardiotwin.circulation.pv_metrics` of every beat of ``traces``
    (the samples from its start up to, not including, the next beat's start; the last
    beat to its end), with ``beat`` (1, 2, ...): whether the run has become periodic."""
    from cardiotwin.circulation import pv_metrics

    t = traces["time_ms"]
    tol = 1e-6 * cycle_length_ms
    rows = []
    for b in range(beats):
        start, end = b * cycle_length_ms, (b + 1) * cycle_length_ms
        sel = (t >= start - tol) & ((t < end - tol) if b < beats - 1 else (t <= end + tol))
        row: dict[str, Any] = {"beat": b + 1}
        for v in ("lv", "rv"):
            row[v] = pv_metrics(t[sel], traces[f"{v}_volume_mL"][sel],
                                traces[f"{v}_pressure_mmHg"][sel])
        rows.append(row)
    return rows


#: BeatConfig fields a resumed run may change (the rest must be the checkpoint's)
RESUMABLE_CHANGES = frozenset({"beats", "series_every_ms"})


def _resume_key(cfg: BeatConfig) -> dict[str, Any]:
    """The configuration a checkpoint belongs to (JSON; without RESUMABLE_CHANGES)."""
    d = {k: v for k, v in asdict(cfg).items() if k not in RESUMABLE_CHANGES}
    return json.loads(json.dumps(d, sort_keys=True, default=str))


def _deformed_pictures(em: Any, frames: dict[str, tuple[float, float, np.ndarray]],
                       out: Path) -> dict[str, str]:
    """The deformed heart at end diastole and end systole (PNG; collective, rank 0
    renders)."""
    from dolfinx import fem

    from cardiotwin.viz.deformed import render_deformed
    from cardiotwin.viz.maps import gather_grid

    mech = em.mechanics
    u = mech.displacement().copy()  # not the solver's own state
    V1 = fem.functionspace(mech.mesh, ("Lagrange", 1, (3,)))
    u1 = fem.Function(V1)
    files = {}
    titles = {"ed": "end diastole", "es": "end systole"}
    for name in ("ed", "es"):
        if name not in frames:
            continue
        t, v, arr = frames[name]
        u.x.array[:] = arr
        u1.interpolate(u)
        grid = gather_grid(V1, {"u": u1.x.array.reshape(-1, 3)})
        path = out / f"deformed_{name}.png"
        if em.mechanics.comm.rank == 0:
            render_deformed(grid, path, title=f"{titles[name]}, t = {t:.0f} ms, LV "
                                              f"{v:.1f} mL (displacement from the mesh)")
        files[f"deformed_{name}_png"] = str(path)
    return files


def run_beat(comm: Any, cfg: BeatConfig, outdir: str | Path, *,
             progress: Any = None, pictures: bool = True, resume: bool = False
             ) -> dict[str, Any]:
    """Run ``cfg.beats`` beats and report the last one (collective; module notes).

    A checkpoint is written to ``outdir/checkpoint`` at the end of every beat.  With
    ``resume``, a run whose checkpoint is there continues from it (the same heart on as
    many ranks; only ``beats`` and ``series_every_ms`` may differ from its configuration,
    so a finished run can also be given more beats); without a checkpoint it starts
    from the beginning.

    Raises
    ------
    ConfigError
        ``resume`` with a checkpoint of another configuration, number of ranks or mesh.

    Returns
    -------
    dict
        ``lv``, ``rv``: ``edv_ml``, ``esv_ml``, ``sv_ml``, ``ef_percent``,
        ``peak_pressure_mmhg``, ``dpdt_max_mmhg_per_s``, ``edp_mmhg``; ``outputs``
        (``pv_loop_png``, ``deformed_ed_png``, ``deformed_es_png``, ``mechanics_xdmf``,
        ``traces_csv``, ``summary_json``), ``timings_s`` (ep, tension,
        circulation, mechanics), ``newton_iterations_mean``, ``blood_volume_drift_mL``,
        ``config``, ``ranks``, ``wall_s``.  Same dict on every rank.
    """
    from mpi4py import MPI

    from cardiotwin.analysis.activation import activation_percentile_ms, activation_summary

    out = Path(outdir)
    if comm.rank == 0:
        out.mkdir(parents=True, exist_ok=True)
    comm.Barrier()
    t0 = time.perf_counter()
    from cardiotwin.coupling.electromechanics import checkpoint_meta

    ck = out / "checkpoint"
    key = _resume_key(cfg)
    found = checkpoint_meta(ck) if resume and comm.rank == 0 else None
    saved = comm.bcast(None if found is None else found[1], root=0)
    if saved is not None:  # checked before the heart is built
        saved_key = saved["extra"]["config"]
        changed = sorted(k for k in set(saved_key) | set(key)
                         if saved_key.get(k) != key.get(k))
        if changed:
            raise ConfigError(f"{ck}: the checkpoint was written with another configuration "
                              f"({', '.join(changed)} differ; only "
                              f"{', '.join(sorted(RESUMABLE_CHANGES))} may change on resume)")
        if saved["t_ms"] > cfg.beats * cfg.cycle_length_ms + 0.5 * cfg.dt_ms:
            raise ConfigError(f"{ck} is at t = {saved['t_ms']:.0f} ms, past the {cfg.beats} "
                              "beats asked for")
    em, substrate = _build(comm, cfg, out)
    t_setup = time.perf_counter() - t0
    extra = {"config": key, "blood_volume_mL": em.circulation.total_volume_mL()}
    if saved is not None:
        extra["blood_volume_mL"] = em.restore_checkpoint(ck)["blood_volume_mL"]
    v_blood0 = extra["blood_volume_mL"]
    frames, series = _run_with_outputs(em, cfg, out, progress, extra)
    tr = em.traces()
    last = tr["time_ms"] >= (cfg.beats - 1) * cfg.cycle_length_ms - 1e-9
    per_beat = per_beat_metrics(tr, cfg.cycle_length_ms, cfg.beats)
    summary: dict[str, Any] = {v: per_beat[-1][v] for v in ("lv", "rv")}  # the last beat
    summary["per_beat"] = per_beat
    summary["fast_forwards"] = em.fast_forwards
    files = {"pv_loop_png": str(out / "pv_loop.png"), "traces_csv": str(out / "traces.csv"),
             "summary_json": str(out / "summary.json")}
    if series is not None:
        files["mechanics_xdmf"] = str(series)
    files["checkpoint"] = str(ck)
    if pictures:
        files.update(_deformed_pictures(em, frames, out))
    tracker = em.ep.tracker
    act = activation_summary(comm, tracker.first_activation)
    summary.update({
        "total_activation_ms": act.total_ms,
        "activation_95_ms": activation_percentile_ms(comm, tracker.first_activation, 95.0),
        "activated_fraction": act.activated_fraction,
        **_repolarisation(comm, tracker),
        "substrate": substrate,
        "outputs": files,
        "peak_Ta_kPa": float(tr["Ta_max_kPa"].max()),
        "peak_cai_uM": float(tr["cai_max_uM"].max()),
        "blood_volume_drift_mL": em.circulation.total_volume_mL() - v_blood0,
        "newton_iterations_mean": float(np.mean(em.newton_iterations)),
        "timings_s": {k: round(comm.allreduce(v, op=MPI.MAX), 2)
                      for k, v in em.timings.items()},
        "setup_s": round(t_setup, 2),
        "mechanics_dofs": em.mechanics.dofs(),
        "ranks": comm.size,
        "config": asdict(cfg),
        "wall_s": round(comm.allreduce(time.perf_counter() - t0, op=MPI.MAX), 2),
    })
    if comm.rank == 0:
        keys = list(tr)
        np.savetxt(files["traces_csv"], np.column_stack([tr[k] for k in keys]),
                   delimiter=",", header=",".join(keys), comments="")
        if pictures:
            from cardiotwin.viz.deformed import plot_pressure_volume

            curves = {v.upper(): (tr[f"{v}_volume_mL"][last], tr[f"{v}_pressure_mmHg"][last])
                      for v in ("lv", "rv")}
            plot_pressure_volume(curves, files["pv_loop_png"],
                                 title=f"PV loops, beat {cfg.beats}")
        else:
            files.pop("pv_loop_png")
        Path(files["summary_json"]).write_text(json.dumps(summary, indent=2, default=float))
    em.mechanics.close()
    return comm.bcast(summary, root=0)
