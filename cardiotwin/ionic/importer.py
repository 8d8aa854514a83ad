"""Read a cell model (CellML or Myokit ``.mmt``) and bind its variables by meaning.

The result, a :class:`PreparedModel`, is what :mod:`cardiotwin.ionic.codegen` turns into a
Cython kernel.  Preparing a model means:

- reading it with Myokit's importer (CellML 1.0/1.1/2.0) or parser (``.mmt``);
- reading the Oxford metadata ("oxmeta") annotations in *both* RDF forms found in curated
  CellML files: the top-level RDF block (which Myokit reads) and the RDF nested inside each
  ``<variable>`` element (which Myokit ignores);
- finding the membrane potential, the stimulus current and its default amplitude/duration,
  by annotation, by conventional names, or by names the user gives;
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
    "INaCa": (("membrane_sodium_calcium_exchanger_current",), ("i_NaCa",)),
    "INaK": (("membrane_sodium_potassium_pump_current",), ("INaK.INaK", "i_NaK")),
    "Cai": (("cytosolic_calcium_concentration",), ("intracellular_ions.cai", "Ca_i")),
}

_VM_NAMES = ("membrane.V", "membrane.v", "membrane.Vm", "membrane.E", "membrane.vm")
_STIM_NAMES = ("membrane.i_Stim", "membrane.i_stim", "membrane.Istim", "membrane.i_st",
               "J_stim.J_stim", "stimulus.i_stim", "stimulus.J_stim")
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
        A CellML (1.0/1.1/2.0) or Myokit ``.mmt`` file.  Time must be in ms and the membrane
        potential in mV (or dimensionless).
    vm, stimulus
        Qualified names (``component.variable``) of the membrane potential and of the
        stimulus current, for models whose annotations/names do not reveal them.
    constants
        Literal constants to override before generation, by qualified name (e.g.
        ``{"environment.celltype": 1}`` for the ORd epicardial variant).

    Raises
    ------
    ModelError
        If the file cannot be read, or the membrane potential or the stimulus cannot be
        found, or time/voltage are in units other than ms and mV/dimensionless.
    """
    import hashlib

    import myokit
    import myokit.lib.guess

    path = Path(path)
    model = read_myokit_model(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    ann = _annotated(model)

    for qname, value in sorted((constants or {}).items()):
        var = _lookup(model, qname, "constant")
        if not var.is_literal():
            raise ModelError(f"{path.name}: {qname} is not a literal constant; cannot set it")
        var.set_rhs(myokit.Number(float(value), var.unit()))

    time = model.time()
    if time is None:
        raise ModelError(f"{path.name}: the model has no time variable")
    t_unit = _unit_str(time)
    if t_unit not in ("ms", "1"):
        raise ModelError(f"{path.name}: time {time.qname()} is in [{t_unit}]; cardiotwin "
                         "kernels need ms (convert the model, e.g. with Myokit, first)")

    # membrane potential
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
    v_unit = _unit_str(v)
    if v_unit in ("mV",):
        voltage_unit = "mV"
    elif v_unit in ("1", "None", ""):
        voltage_unit = "1"
    else:
        raise ModelError(f"{path.name}: membrane potential {v.qname()} is in [{v_unit}]; "
                         "expected mV or dimensionless")

    # stimulus
    if stimulus is not None:
        s = _lookup(model, stimulus, "stimulus")
    else:
        s = ann.get("membrane_stimulus_current")
        if s is None:
            for name in _STIM_NAMES:
                if model.has_variable(name):
                    s = model.get(name)
                    break
        if s is None:
            raise ModelError(f"{path.name}: no recognisable stimulus current (no oxmeta "
                             "'membrane_stimulus_current' annotation or usual name); name it "
                             "with stimulus='component.variable' (CLI: --stimulus)")
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

    # d(dV/dt)/d(stimulus): must be a constant
    import sympy

    factor = _stimulus_factor(model, v, s, sympy)
    if factor is None or factor == 0:
        raise ModelError(f"{path.name}: dV/dt does not depend linearly (with a constant "
                         f"coefficient) on the stimulus {s.qname()}; name another variable "
                         "with stimulus='component.variable'")
    amp = float(amp_var.eval()) if amp_var is not None else None
    dur = float(dur_var.eval()) if dur_var is not None else None
    if amp is None or dur is None:
        raise ModelError(f"{path.name}: stimulus amplitude/duration not found near "
                         f"{s.qname()}; the model needs 'stim_amplitude'/'stim_duration' "
                         "variables or oxmeta annotations")
    # external convention: dV/dt = ... - i_ext; the model adds factor * s, so i_ext = -f * s
    default_stim = (-factor * amp, dur)

    # parameters
    params: list[Parameter] = []
    pcomp = model.add_component(PARAM_COMPONENT)
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
    for cname, (terms, names) in CURRENTS.items():
        var = _find(model, ann, terms, names)
        if var is not None:
            currents[cname] = var.qname()

    return PreparedModel(
        model=model, vm=v.qname(), stimulus=s.qname(), time=time.qname(),
        stim_factor=float(factor), default_stimulus=default_stim, voltage_unit=voltage_unit,
        parameters=params, currents=currents,
        source=f"{path.name} (sha256 {digest[:16]})",
        annotations={k: x.qname() for k, x in ann.items()},
    )


def _stimulus_factor(model: Any, v: Any, s: Any, sympy: Any) -> float | None:
    """``d(dV/dt)/ds`` with every variable except ``s`` treated as a symbol (inlining the
    intermediates that depend on ``s``)."""
    from cardiotwin.ionic.symbolic import to_sympy

    depends = _dependents(model, s)
    expr = to_sympy(v.rhs(), inline=lambda var: var in depends and var is not s)
    sym = sympy.Symbol(s.qname())
    d = sympy.diff(expr, sym)
    if d.free_symbols:
        return None
    return float(d)


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
