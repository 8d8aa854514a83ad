"""cardiotwin: patient-specific cardiac digital twins and in-silico trials.

``import cardiotwin as ct`` is light: it loads neither dolfinx, PETSc nor PyVista.  The
objects a modeller scripts with are reached through this namespace and imported when first
used::

    import cardiotwin as ct

    geo = ct.load_phantom()                                   # or ct.load_geometry(folder)
    ionic = ct.get_drug("dofetilide").apply_to(ct.transmural_layers("ord"), cmax_multiple=3)
    stim = ct.Stimulus(ct.Tagged("lv-endocardium", "facet"), ct.Protocol(amplitude=60))
    sim = ct.Monodomain(geo, ionic, ct.Conductivity(0.6, 0.25), stimuli=[stim])
    sim.run(80.0)
    ct.save_map(sim, "activation", "activation.png")

    beat = ct.run_beat(MPI.COMM_WORLD, ct.BeatConfig(activation="lbbb", scar_radius_mm=10),
                       "beat-out")                            # PV loops, EF, dP/dt max

The sub-packages, by role (imports run one way, down this list):

- :mod:`cardiotwin.cli` - the ``cardiotwin`` command, one module per subcommand
- :mod:`cardiotwin.studies` - runnable experiments: demo, CRT, VT ablation, Niederer,
  drug trials, the TOML run configuration and batch runs
- :mod:`cardiotwin.twin` - a patient's fitted model: fast forward model, calibration to a
  12-lead ECG, the twin folder, updates and predictions
- :mod:`cardiotwin.scenarios` - drugs, lesions, devices as validated data with an apply step
- :mod:`cardiotwin.coupling` - electromechanics: EP -> calcium -> tension -> mechanics <->
  circulation
- :mod:`cardiotwin.ep`, :mod:`cardiotwin.mechanics`, :mod:`cardiotwin.viz` - tissue
  electrophysiology and finite-strain mechanics solvers; pictures
- :mod:`cardiotwin.geometry`, :mod:`cardiotwin.analysis`, :mod:`cardiotwin.io`,
  :mod:`cardiotwin.circulation` - label image -> mesh -> fibres, regions; ECG and map
  analysis; results files; lumped circulation models
- :mod:`cardiotwin.ionic` - compiled ionic cell models (NumPy/Cython only)

Units are fixed in :mod:`cardiotwin.units`; every error derives from
:class:`CardiotwinError`.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from cardiotwin.exceptions import CardiotwinError

try:
    __version__ = version("cardiotwin")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

#: name -> module it lives in (imported on first access)
_API: dict[str, str] = {
    # geometry
    "Geometry": "cardiotwin.geometry.io",
    "load_geometry": "cardiotwin.geometry.io",
    "load_phantom": "cardiotwin.geometry.io",
    "mesh_labels": "cardiotwin.geometry.pipeline",
    "read_mesh": "cardiotwin.geometry.formats",
    "write_mesh": "cardiotwin.geometry.formats",
    "LabelMap": "cardiotwin.geometry.labels",
    "heart_frame": "cardiotwin.geometry.frame",
    # regions
    "Box": "cardiotwin.geometry.regions",
    "Sphere": "cardiotwin.geometry.regions",
    "PointSet": "cardiotwin.geometry.regions",
    "Line": "cardiotwin.geometry.regions",
    "LabelImageRegion": "cardiotwin.geometry.regions",
    "Tagged": "cardiotwin.geometry.regions",
    "CoordinateRange": "cardiotwin.geometry.regions",
    "Intersection": "cardiotwin.geometry.regions",
    "Union": "cardiotwin.geometry.regions",
    # ionic models and pacing
    "get_model": "cardiotwin.ionic",
    "load_model": "cardiotwin.ionic",
    "model_names": "cardiotwin.ionic",
    "ParameterChanges": "cardiotwin.ionic.parameters",
    "Protocol": "cardiotwin.ionic.protocol",
    "s1s2": "cardiotwin.ionic.protocol",
    # tissue
    "Monodomain": "cardiotwin.ep.monodomain",
    "MonodomainConfig": "cardiotwin.ep.monodomain",
    "IonicRegion": "cardiotwin.ep.monodomain",
    "transmural_layers": "cardiotwin.ep.monodomain",
    "Conductivity": "cardiotwin.ep.conductivity",
    "Stimulus": "cardiotwin.ep.stimulus",
    "PseudoECG": "cardiotwin.ep.ecg",
    # scenarios
    "Drug": "cardiotwin.scenarios.drugs",
    "ChannelBlock": "cardiotwin.scenarios.drugs",
    "get_drug": "cardiotwin.scenarios.library",
    "LesionSet": "cardiotwin.scenarios.lesions",
    "BorderZone": "cardiotwin.scenarios.lesions",
    "apply_lesions": "cardiotwin.scenarios.lesions",
    "PacingLead": "cardiotwin.scenarios.devices",
    "Pacemaker": "cardiotwin.scenarios.devices",
    "FixedRate": "cardiotwin.scenarios.devices",
    "Demand": "cardiotwin.scenarios.devices",
    "Biventricular": "cardiotwin.scenarios.devices",
    "ProgrammedStimulation": "cardiotwin.scenarios.induction",
    # the twin: fast model, ECGs, fitting
    "Velocities": "cardiotwin.ep.eikonal",
    "EikonalMesh": "cardiotwin.ep.eikonal",
    "read_ecg": "cardiotwin.io.ecg",
    "standard_electrodes": "cardiotwin.ep.electrodes",
    "fit_twin": "cardiotwin.twin.twin",
    "update_twin": "cardiotwin.twin.twin",
    "load_twin": "cardiotwin.twin.twin",
    "predict_drug": "cardiotwin.twin.predict",
    "plot_ecg12": "cardiotwin.viz.ecg",
    # results and pictures
    "activation_summary": "cardiotwin.analysis.activation",
    "ecg_intervals": "cardiotwin.analysis.ecg",
    "save_map": "cardiotwin.viz.maps",
    "plot_traces": "cardiotwin.viz.traces",
    # mechanics, circulation, the beating heart
    "MechanicsProblem": "cardiotwin.mechanics",
    "HolzapfelOgden": "cardiotwin.mechanics",
    "LandParameters": "cardiotwin.mechanics.land",
    "unload": "cardiotwin.mechanics",
    "UnloadingConfig": "cardiotwin.mechanics",
    "ClosedLoopCirculation": "cardiotwin.circulation",
    "ClosedLoopParameters": "cardiotwin.circulation",
    "WindkesselCirculation": "cardiotwin.circulation",
    "pv_metrics": "cardiotwin.circulation",
    "Electromechanics": "cardiotwin.coupling.electromechanics",
    "BeatConfig": "cardiotwin.studies.beat",
    "beat_heart": "cardiotwin.studies.beat",
    "beat_config_from_toml": "cardiotwin.studies.beat",
    "run_beat": "cardiotwin.studies.beat",
    # runs from configuration files
    "load_config": "cardiotwin.studies.runconfig",
    "run_simulation": "cardiotwin.studies.runner",
}

__all__ = ["CardiotwinError", "__version__", *sorted(_API)]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'cardiotwin' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later accesses are plain attribute lookups
    return value


def __dir__() -> list[str]:
    return __all__
