"""Read a cell model (CellML or Myokit ``.mmt``) and bind its variables by meaning.

The result, a :class:`PreparedModel`, is what :mod:`cardiotwin.ionic.codegen` turns into a
Cython kernel.  Preparing a model means:

- reading it with Myokit's importer (CellML 1.0/1.1/2.0) or parser (``.mmt``);
- reading the Oxford metadata ("oxmeta") annotations in *both* RDF forms found in curated
  CellML files: the top-level RDF block (which Myokit reads) and the RDF nested inside each
  ``<variable>`` element (which Myokit ignores);
- converting time to ms and the membrane potential to mV with Myokit's unit conversion
  (``Variable.convert_unit``), so that ``dV/dt`` is in mV/ms = µA/µF;
- finding the membrane potential and the stimulus current by annotation, by conventional
  names, by Myokit's guesses, or by names the user gives; a model without a stimulus (a
  pacemaker) gets one added to ``dV/dt`` so that tissue and pacing can still drive it;
- reading the model's own stimulus from its waveform (whatever its form: a constant or
  named amplitude, a periodic piecewise expression with start/end/period/duration): the
  first pulse's amplitude and duration, converted to µA/µF through the model's own
  ``d(dV/dt)/d(stimulus)`` (which takes care of pA with a capacitance, µA/cm², A/F...);
- the named currents (``currents()``) converted to µA/µF the same way;
- inserting one multiplicative scaling parameter (default 1) per named maximal
  conductance/permeability, and exposing model-specific per-cell parameters (e.g. the
  CiPA dynamic hERG drug-binding parameters).

Myokit is needed here (``pip install 'cardiotwin[cellml]'``) but never by the compiled
kernels.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cardiotwin._deps import require
from cardiotwin.exceptions import ModelError

logger = logging.getLogger(__name__)

OXMETA_NS = "https://chaste.comlab.ox.ac.uk/cellml/ns/oxford-metadata#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PARAM_COMPONENT = "cardiotwin_parameters"

#: canonical scaling name -> (oxmeta terms, in order of preference; fallback qualified or
#: bare variable names).  The first match is multiplied by the scaling.
CONDUCTANCES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gNa": (("membrane_fast_sodium_current_conductance",), ("INa.GNa", "g_Na")),
    "gNaL": (("membrane_persistent_sodium_current_conductance",), ("INaL.GNaL", "GNaL")),
    "gCaL": (("membrane_L_type_calcium_current_conductance",), ("g_CaL",)),
    "PCa": ((), ("ICaL.PCa", "PCa")),
    "gto": (("membrane_transient_outward_current_conductance",), ("Ito.Gto", "g_to")),
    "gKr": (("membrane_rapid_delayed_rectifier_potassium_current_conductance",),
            ("IKr.GKr", "g_Kr")),
    "gKs": (("membrane_slow_delayed_rectifier_potassium_current_conductance",),
            ("IKs.GKs", "g_Ks")),
    "gK1": (("membrane_inward_rectifier_potassium_current_conductance",), ("IK1.GK1", "g_K1")),
    "gKur": (("membrane_ultrarapid_delayed_rectifier_potassium_current_conductance",),
             ("g_Kur",)),
    "gNaCa": (("membrane_sodium_calcium_exchanger_current_conductance",),
              ("INaCa_i.Gncx", "K_NaCa")),
    "gNaK": (("membrane_sodium_potassium_pump_current_permeability",), ("INaK.Pnak", "P_NaK")),
}

#: model-specific per-cell parameters exposed as they are (not as scalings): oxmeta term ->
#: canonical name.  The CiPA v1 dynamic hERG drug-binding parameters (Li et al. 2017).
DIRECT_PARAMETERS: dict[str, str] = {
    "Dynamic_hERG_D": "D",
    "Dynamic_hERG_Kmax": "Kmax",
    "Dynamic_hERG_Ku": "Ku",
    "Dynamic_hERG_n": "n",
    "Dynamic_hERG_halfmax": "halfmax",
    "Dynamic_hERG_Vhalf": "Vhalf",
    "Dynamic_hERG_Kt": "Kt",
}

#: output name -> oxmeta term (or fallback names).  Recorded by ``currents()``.
CURRENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "INa": (("membrane_fast_sodium_current",), ("INa.INa", "i_Na")),
    "INaL": (("membrane_persistent_sodium_current",), ("INaL.INaL",)),
    "ICaL": (("membrane_L_type_calcium_current",), ("ICaL.ICaL", "i_CaL")),
    "Ito": (("membrane_transient_outward_current",), ("Ito.Ito", "i_to")),
    "IKr": (("membrane_rapid_delayed_rectifier_potassium_current",), ("IKr.IKr", "i_Kr")),
    "IKs": (("membrane_slow_delayed_rectifier_potassium_current",), ("IKs.IKs", "i_Ks")),
    "IK1": (("membrane_inward_rectifier_potassium_current",), ("IK1.IK1", "i_K1")),
    "IKur": (("membrane_ultrarapid_delayed_rectifier_potassium_current",), ("i_Kur",)),
    "INaCa": (("membrane_sodium_calcium_exchanger_current",), ("i_NaCa",)),
    "INaK": (("membrane_sodium_potassium_pump_current",), ("INaK.INaK", "i_NaK")),
    "Cai": (("cytosolic_calcium_concentration",), ("intracellular_ions.cai", "Ca_i")),
}

_VM_NAMES = ("membrane.V", "membrane.v", "membrane.Vm", "membrane.E", "membrane.vm")
_STIM_NAMES = ("membrane.i_Stim", "membrane.i_stim", "membrane.Istim", "membrane.i_st",
               "J_stim.J_stim", "stimulus.i_stim", "stimulus.J_stim")
_STIM_BARE = ("i_stim", "istim", "i_st", "ist", "j_stim", "stim", "i_stimulus")
#: component of the stimulus added to models that have none (pacemakers)
STIM_COMPONENT = "cardiotwin_stimulus"
_STIM_AMP_NAMES = ("stim_amplitude", "IstimAmplitude", "amplitude", "i_stim_amplitude")
_STIM_DUR_NAMES = ("stim_duration", "IstimPulseDuration", "duration", "i_stim_duration")


@dataclass(frozen=True)
class Parameter:
    """One per-cell parameter of a kernel: canonical name, unit, default and model variable."""

    name: str
    unit: str
    default: float
    qname: str
    description: str
    kind: str = "scale"


@dataclass
class PreparedModel:
    """A Myokit model with its variables bound by meaning, ready for code generation.

    Attributes
    ----------
    model
        The (modified) :class:`myokit.Model`.
    vm, stimulus, time
        Qualified names of the membrane potential, the stimulus current and time (ms).
    stim_factor
        ``d(dV/dt)/d(stimulus)``: the generated kernel sets the model's stimulus variable to
        ``-i_stim / stim_factor`` so that ``dV/dt = ... - i_stim`` for the external
        ``i_stim`` (µA/µF, Hodgkin–Huxley sign).
    default_stimulus
        (amplitude in µA/µF with HH sign, duration in ms) from the model's own definition.
    voltage_unit
        ``"mV"`` or ``"1"`` (dimensionless models).
    parameters
        The per-cell parameters, in kernel row order.
    currents
        Output name -> qualified name, for ``currents()``.
    source
        What the model was read from (file name and sha256), for generated headers.
    current_scales
        Output name -> factor converting the model's current to µA/µF (``-d(dV/dt)/dI``;
        only where it is not 1).
    conversions
        What was changed to reach cardiotwin's units and conventions (header notes).
    pacemaker
        The model has no stimulus of its own (it runs free; ``default_stimulus`` is 0).
    """

    model: Any
    vm: str
    stimulus: str
    time: str
    stim_factor: float
    default_stimulus: tuple[float, float]
    voltage_unit: str
    parameters: list[Parameter] = field(default_factory=list)
    currents: dict[str, str] = field(default_factory=dict)
    source: str = ""
    annotations: dict[str, str] = field(default_factory=dict)
    current_scales: dict[str, float] = field(default_factory=dict)
    conversions: list[str] = field(default_factory=list)
    pacemaker: bool = False


def inline_oxmeta_annotations(path: Path) -> dict[tuple[str, str], str]:
    """Oxmeta terms found in RDF nested inside ``<variable>`` elements of a CellML file.

    Returns
    -------
    dict
        ``(component name, variable name) -> oxmeta term``.
    """
    out: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ModelError(f"{path}: not well-formed XML ({exc})") from exc
    for comp in root.iter():
        if not comp.tag.endswith("}component"):
            continue
        cname = comp.get("name", "")
        for var in comp:
            if not var.tag.endswith("}variable"):
                continue
            for el in var.iter():
                res = el.get(f"{{{RDF_NS}}}resource", "")
                if res.startswith(OXMETA_NS):
                    out[(cname, var.get("name", ""))] = res[len(OXMETA_NS):]
    return out


def read_myokit_model(path: Path) -> Any:
    """Read a CellML or ``.mmt`` file with Myokit, with oxmeta annotations in ``var.meta``."""
    myokit = require("myokit", extra="cellml", purpose="Reading CellML/.mmt cell models")
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"cell model file {path} does not exist")
    suffix = path.suffix.lower()
    try:
        if suffix == ".mmt":
            model = myokit.load_model(str(path))
        elif suffix in (".cellml", ".xml"):
            import myokit.formats

            model = myokit.formats.importer("cellml").model(str(path))
        else:
            raise ModelError(f"{path}: unknown cell model format {suffix!r}; expected "
                             "a .cellml (CellML 1.0/1.1/2.0) or .mmt (Myokit) file")
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(f"{path}: Myokit could not read this model: {exc}") from exc
    if suffix != ".mmt":
        n_inline = 0
        for (cname, vname), term in inline_oxmeta_annotations(path).items():
            try:
                var = model.get(f"{cname}.{vname}")
            except KeyError:
                continue
            if "oxmeta" not in var.meta:
                var.meta["oxmeta"] = term
                n_inline += 1
        logger.debug("%s: %d annotations read from per-variable RDF", path.name, n_inline)
    return model


def _annotated(model: Any) -> dict[str, Any]:
    return {v.meta["oxmeta"]: v for v in model.variables(deep=True) if "oxmeta" in v.meta}


def _find(model: Any, ann: dict[str, Any], terms: tuple[str, ...],
          names: tuple[str, ...]) -> Any | None:
    for term in terms:
        if term in ann:
            return ann[term]
    for name in names:
        if "." in name:
            if model.has_variable(name):
                return model.get(name)
        else:
            hits = [v for v in model.variables(deep=True) if v.name() == name]
            if len(hits) == 1:
                return hits[0]
    return None


def _unit_str(var: Any) -> str:
    u = var.unit()
    return "1" if u is None else str(u).strip("[]")


def _lookup(model: Any, name: str, what: str) -> Any:
    try:
        return model.get(name)
    except KeyError as exc:
        raise ModelError(f"{what} variable {name!r} not found in model {model.name()!r}; "
                         "give its qualified name as component.variable") from exc


def prepare_model(path: str | Path, *, vm: str | None = None, stimulus: str | None = None,
                  constants: dict[str, float] | None = None) -> PreparedModel:
    """Read a cell model and bind its variables by meaning.

    Parameters
    ----------
    path
        A CellML (1.0/1.1/2.0) or Myokit ``.mmt`` file.  Time in s or ms and the membrane
        potential in V or mV are converted (ms, mV); a dimensionless potential stays so.
    vm, stimulus
        Qualified names (``component.variable``) of the membrane potential and of the
        stimulus current, for models whose annotations/names do not reveal them.
    constants
        Literal constants to override before generation, by qualified name (e.g.
        ``{"environment.celltype": 1}`` for the ORd epicardial variant).

    Raises
    ------
    ModelError
        If the file cannot be read, the membrane potential or time cannot be found or
        converted, or the stimulus does not enter ``dV/dt`` linearly with a constant
        coefficient.
    """
    import hashlib

    import myokit

    path = Path(path)
    model = read_myokit_model(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    ann = _annotated(model)
    notes: list[str] = []

    for qname, value in sorted((constants or {}).items()):
        var = _lookup(model, qname, "constant")
        if not var.is_literal():
            raise ModelError(f"{path.name}: {qname} is not a literal constant; cannot set it")
        var.set_rhs(myokit.Number(float(value), var.unit()))

    time = model.time()
    if time is None:
        raise ModelError(f"{path.name}: the model has no time variable")
    _convert(path, time, "ms", "time", notes)

    v = _membrane_potential(path, model, ann, vm)
    v_unit = _unit_str(v)
    if v_unit in ("1", "None", ""):
        voltage_unit = "1"
    else:
        _convert(path, v, "mV", "membrane potential", notes)
        voltage_unit = "mV"

    s = _stimulus_variable(path, model, ann, v, stimulus)
    pacemaker = False
    if s is None:
        hints = [ann[k].qname() for k in ("membrane_stimulus_current_amplitude",
                                          "membrane_stimulus_current_duration",
                                          "membrane_stimulus_current_period") if k in ann]
        hidden = _unnamed_drives(model, v)
        if hints or hidden:
            why = (f"it annotates a stimulus ({', '.join(hints)})" if hints else
                   f"dV/dt depends on {', '.join(hidden)}, driven by time or the pacing "
                   "signal alone")
            raise ModelError(
                f"{path.name}: no stimulus current found by annotation or usual name, but "
                f"{why}; name the stimulus current with stimulus='component.variable' "
                "(CLI: --stimulus)")
        # no stimulus in the model (a pacemaker): add one, dV/dt = ... - i_stim [µA/µF]
        comp = model.add_component_allow_renaming(STIM_COMPONENT)
        s = comp.add_variable("i_stim")
        s.set_rhs(myokit.Number(0.0))
        s.meta["oxmeta"] = "membrane_stimulus_current"
        v.set_rhs(myokit.Minus(v.rhs(), myokit.Name(s)))
        pacemaker = True
        notes.append("No stimulus in the model (it runs free): one was added to dV/dt.")

    factor = _linear_factor(model, v, s)
    if factor is None or factor == 0:
        raise ModelError(f"{path.name}: dV/dt does not depend linearly (with a constant "
                         f"coefficient) on the stimulus {s.qname()}; name another variable "
                         "with stimulus='component.variable'")
    if pacemaker:
        default_stim = (0.0, 0.0)
    else:
        amp, dur = _stimulus_pulse(path, model, ann, s, time)
        # external convention: dV/dt = ... - i_ext; the model adds factor * s: i_ext = -f s.
        # Like Chaste, the model's pulse is applied in the depolarising direction (a few
        # files give the amplitude with the sign that hyperpolarises in their own equations)
        i_ext = -factor * amp
        if i_ext > 0:
            logger.warning("%s: the model's own stimulus (%s, amplitude %g) hyperpolarises in "
                           "its dV/dt; it is applied depolarising", path.name, s.qname(), amp)
            notes.append(f"The model's stimulus amplitude {amp:g} hyperpolarises in its own "
                         "dV/dt: applied with the depolarising sign.")
        default_stim = (-abs(i_ext), dur)
        if amp == 0:
            pacemaker = True
            default_stim = (0.0, 0.0)
            notes.append(f"The model's own stimulus {s.qname()} is zero: it runs free.")
    if factor != -1.0:
        notes.append(f"Stimulus {s.qname()} = -i_stim / ({factor:.6g}) (its coefficient in "
                     "dV/dt), so that the external i_stim is in uA/uF.")

    # parameters
    params: list[Parameter] = []
    pcomp = model.add_component_allow_renaming(PARAM_COMPONENT)
    taken: set[str] = set()
    for pname, (terms, names) in CONDUCTANCES.items():
        target = _find(model, ann, terms, names)
        if target is None or target.qname() in taken or target.is_state():
            continue
        taken.add(target.qname())
        pv = pcomp.add_variable(pname)
        pv.set_rhs(myokit.Number(1.0))
        target.set_rhs(myokit.Multiply(myokit.Name(pv), target.rhs()))
        params.append(Parameter(pname, "1", 1.0, target.qname(),
                                f"scaling of {target.qname()}"))
    # parameters named in the model itself (Myokit .mmt meta ``cardiotwin_parameter: NAME``)
    for var in model.variables(deep=True):
        pname = var.meta.get("cardiotwin_parameter") if var.meta else None
        if pname and var.is_literal():
            params.append(Parameter(str(pname), _unit_str(var), float(var.eval()),
                                    var.qname(), f"{var.qname()}", "value"))
    for term, pname in DIRECT_PARAMETERS.items():
        var = ann.get(term)
        if var is None or not var.is_literal():
            continue
        params.append(Parameter(pname, _unit_str(var), float(var.eval()), var.qname(),
                                f"{var.qname()} ({term})", "value"))

    currents: dict[str, str] = {}
    factors: dict[str, float] = {}
    for cname, (terms, names) in CURRENTS.items():
        var = _find(model, ann, terms, names)
        if var is None:
            continue
        currents[cname] = var.qname()
        if cname != "Cai" and voltage_unit == "mV":
            f = _linear_factor(model, v, var)
            if f is not None and f < 0:
                factors[cname] = -f
    # the model's current unit -> µA/µF: -d(dV/dt)/dI, the same for every membrane current
    # (the most common value: a current can also enter dV/dt through several terms)
    scales: dict[str, float] = {}
    if factors:
        values = [float(f"{x:.12g}") for x in factors.values()]
        mode = max(sorted(set(values)), key=values.count)
        if mode != 1.0:
            scales = {c: mode for c in currents if c != "Cai"}
            notes.append(f"Currents converted to uA/uF: x {mode:.6g} (-d(dV/dt)/dI).")
    return PreparedModel(
        model=model, vm=v.qname(), stimulus=s.qname(), time=time.qname(),
        stim_factor=float(factor), default_stimulus=default_stim, voltage_unit=voltage_unit,
        parameters=params, currents=currents,
        source=f"{path.name} (sha256 {digest[:16]})",
        annotations={k: x.qname() for k, x in ann.items()},
        current_scales=scales, conversions=notes, pacemaker=pacemaker,
    )


def _convert(path: Path, var: Any, unit: str, what: str, notes: list[str]) -> None:
    """Convert ``var`` (time or a state) to ``unit`` in place, with Myokit."""
    import myokit

    old = var.unit()
    if old is None or old == myokit.units.dimensionless:
        logger.warning("%s: %s %s has no unit; assuming %s", path.name, what, var.qname(),
                       unit)
        notes.append(f"{what.capitalize()} {var.qname()} has no unit: taken as {unit}.")
        return
    try:
        changed = var.convert_unit(unit)
    except myokit.IncompatibleUnitError as exc:
        raise ModelError(f"{path.name}: {what} {var.qname()} is in {old}, which cannot be "
                         f"converted to {unit} ({exc})") from None
    if changed:
        notes.append(f"{what.capitalize()} {var.qname()} converted from {old} to [{unit}].")


def _membrane_potential(path: Path, model: Any, ann: dict[str, Any], vm: str | None) -> Any:
    import myokit.lib.guess

    if vm is not None:
        v = _lookup(model, vm, "membrane potential")
    else:
        v = ann.get("membrane_voltage")
        if v is None:
            for name in _VM_NAMES:
                if model.has_variable(name) and model.get(name).is_state():
                    v = model.get(name)
                    break
        if v is None:
            try:
                v = myokit.lib.guess.membrane_potential(model)
            except Exception:
                v = None
        if v is None:
            raise ModelError(f"{path.name}: no recognisable membrane potential (no oxmeta "
                             "'membrane_voltage' annotation or usual name); name it with "
                             "vm='component.variable' (CLI: --vm)")
    if not v.is_state():
        raise ModelError(f"{path.name}: membrane potential {v.qname()} is not a state variable")
    return v


def _unnamed_drives(model: Any, v: Any) -> list[str]:
    """Variables that ``dV/dt`` depends on which are driven by time or the pacing binding
    and by no state: stimulus waveforms under names we do not know (qualified names)."""
    time = model.time()

    def driven(var: Any) -> bool:
        todo, seen, clock = [var], set(), False
        while todo:
            x = todo.pop()
            if x in seen:
                continue
            seen.add(x)
            if x is time or x.binding() is not None:
                clock = True
                continue
            if x.is_state():
                return False
            for r in x.rhs().references():
                if r.is_derivative():
                    return False
                todo.append(r.var())
        return clock

    out = []
    for x in model.variables(deep=True):
        if (x.is_state() or x is time or x.binding() is not None or x.rhs() is None
                or not driven(x)):
            continue
        if v in _dependents_of(model, x):
            out.append(x.qname())
    # the first five by name: enough for the error message to point at the stimulus
    return sorted(out)[:5]


def _time_only(model: Any, var: Any) -> bool:
    """``var`` depends on time and literals only (a stimulus waveform)."""
    time = model.time()
    todo, seen = [var], set()
    while todo:
        x = todo.pop()
        if x in seen:
            continue
        seen.add(x)
        if x is time:
            continue
        if x.is_state() or x.binding() is not None:
            return False
        for r in x.rhs().references():
            if r.is_derivative():
                return False
            todo.append(r.var())
    return True


def _stimulus_variable(path: Path, model: Any, ann: dict[str, Any], v: Any,
                       stimulus: str | None) -> Any | None:
    """The model's stimulus current, or None if it has none (a pacemaker)."""
    import myokit.lib.guess

    if stimulus is not None:
        return _lookup(model, stimulus, "stimulus")
    s = ann.get("membrane_stimulus_current")
    if s is None:
        for name in _STIM_NAMES:
            if model.has_variable(name):
                s = model.get(name)
                break
    if s is None:
        try:
            guess = myokit.lib.guess.stimulus_current(model)
        except Exception:
            guess = None
        # accept a guess only with a stimulus name, as a function of time only, that
        # dV/dt depends on
        if (guess is not None and guess.name().lower() in _STIM_BARE
                and _time_only(model, guess) and v in _dependents_of(model, guess)):
            s = guess
    if s is not None and s.is_state():
        raise ModelError(f"{path.name}: the stimulus {s.qname()} is a state variable; name "
                         "the stimulus current with stimulus='component.variable'")
    return s


def _dependents_of(model: Any, var: Any) -> set[Any]:
    """States whose derivative depends (transitively) on ``var``, and the variables
    between."""
    deps = _dependents(model, var)
    out = set(deps)
    for x in model.states():
        if any(r.var() in deps for r in x.rhs().references() if not r.is_derivative()):
            out.add(x)
    return out


def _stimulus_pulse(path: Path, model: Any, ann: dict[str, Any], s: Any,
                    time: Any) -> tuple[float, float]:
    """(amplitude in the stimulus variable's unit, duration in ms) of the model's own
    stimulus: its annotated amplitude and duration (as Chaste and Myokit use them), or
    else the first pulse of its waveform (time in ms)."""
    import myokit

    amp_var = ann.get("membrane_stimulus_current_amplitude")
    dur_var = ann.get("membrane_stimulus_current_duration")
    amp = dur = None
    if amp_var is not None and amp_var.is_constant():
        try:
            amp = float(amp_var.eval()) * _factor(amp_var.unit(), s.unit())
        except myokit.IncompatibleUnitError:
            amp = None
    if dur_var is not None and dur_var.is_constant():
        try:
            dur = float(dur_var.eval()) * _factor(dur_var.unit(), myokit.units.ms)
        except myokit.IncompatibleUnitError:
            dur = None
    if amp is None or dur is None:
        if _time_only(model, s):
            w_amp, w_dur = _waveform_pulse(path, s, time)
        else:
            a_var, d_var = _stim_amp_dur_vars(model, ann, s)
            if a_var is None or d_var is None:
                raise ModelError(f"{path.name}: the stimulus {s.qname()} is not a function of "
                                 "time and has no amplitude/duration variables")
            w_amp, w_dur = float(a_var.eval()), float(d_var.eval())
        amp = w_amp if amp is None else amp
        dur = w_dur if dur is None else dur
    if amp != 0 and not dur > 0:
        raise ModelError(f"{path.name}: the stimulus {s.qname()} has no pulse duration")
    return amp, dur


def _factor(unit: Any, target: Any) -> float:
    """Myokit's conversion factor between two units (1 for a missing unit)."""
    import myokit

    if unit is None or target is None:
        return 1.0
    return float(myokit.Unit.conversion_factor(unit, target))


def _waveform_pulse(path: Path, s: Any, time: Any) -> tuple[float, float]:
    """(amplitude, duration in ms) of the first pulse of a stimulus that is a function of
    time only, found by scanning it (0.01 ms) and refining its edges by bisection."""
    import numpy as np

    expr = s.rhs().clone(expand=True, retain=[time])
    if not expr.references():
        return float(expr.eval()), 0.0
    try:
        f = expr.pyfunc(use_numpy=True)
    except Exception as exc:
        raise ModelError(f"{path.name}: cannot evaluate the stimulus {s.qname()} ({exc})") \
            from None

    def wave(t: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            y = np.asarray(f(t), dtype=float)
        return np.broadcast_to(y, t.shape)

    h = 0.01
    for t_end in (2000.0, 20000.0):
        t = np.arange(0.0, t_end, h)
        y = wave(t)
        on = np.nonzero(np.isfinite(y) & (y != 0.0))[0]
        if on.size:
            break
    else:
        return 0.0, 0.0
    i0 = int(on[0])
    off = np.nonzero(~(np.isfinite(y[i0:]) & (y[i0:] != 0.0)))[0]
    i1 = i0 + int(off[0]) if off.size else len(t)

    def edge(lo: float, hi: float, rising: bool) -> float:
        for _ in range(60):
            mid = 0.5 * (lo + hi)
            if bool(wave(np.array([mid]))[0] != 0.0) == rising:
                hi = mid
            else:
                lo = mid
        return hi

    start = 0.0 if i0 == 0 else edge(t[i0 - 1], t[i0], True)
    end = edge(t[i1 - 1], t[i1], False) if i1 < len(t) else float(t[-1])
    return float(np.median(y[i0:i1])), round(end - start, 9)


def _stim_amp_dur_vars(model: Any, ann: dict[str, Any], s: Any) -> tuple[Any, Any]:
    amp_var = ann.get("membrane_stimulus_current_amplitude")
    dur_var = ann.get("membrane_stimulus_current_duration")
    comp_vars = {x.name(): x for x in s.parent().variables()} if s.parent() else {}
    for cand in _STIM_AMP_NAMES:
        if amp_var is None and cand in comp_vars:
            amp_var = comp_vars[cand]
    for cand in _STIM_DUR_NAMES:
        if dur_var is None and cand in comp_vars:
            dur_var = comp_vars[cand]
    if amp_var is None or dur_var is None:
        for x in model.variables(deep=True):
            if amp_var is None and x.name() in _STIM_AMP_NAMES:
                amp_var = x
            if dur_var is None and x.name() in _STIM_DUR_NAMES:
                dur_var = x
    return amp_var, dur_var


def _linear_factor(model: Any, target: Any, wrt: Any) -> float | None:
    """``d(target')/d(wrt)`` (``target'`` the derivative of state ``target``) if it is a
    constant, else None; intermediates that depend on ``wrt`` are inlined and constant
    variables (capacitances, areas...) evaluated."""
    import sympy

    from cardiotwin.ionic.symbolic import to_sympy

    depends = _dependents(model, wrt)
    expr = to_sympy(target.rhs(), inline=lambda var: var in depends and var is not wrt)
    d = sympy.diff(expr, sympy.Symbol(wrt.qname()))
    subs = {}
    for sym in d.free_symbols:
        name = str(sym)
        if not model.has_variable(name):
            return None
        var = model.get(name)
        if var.is_state() or not var.is_constant():
            return None
        subs[sym] = float(var.eval())
    try:
        value = float(d.subs(subs))
    except (TypeError, ValueError):
        return None
    return value if value == value else None


def _dependents(model: Any, target: Any) -> set[Any]:
    """Variables whose value depends (transitively) on ``target`` (including itself)."""
    out = {target}
    changed = True
    variables = list(model.variables(deep=True))
    while changed:
        changed = False
        for var in variables:
            if var in out or var.is_state():
                continue
            if any(r.var() in out for r in var.rhs().references()
                   if not r.is_derivative()):
                out.add(var)
                changed = True
    return out
