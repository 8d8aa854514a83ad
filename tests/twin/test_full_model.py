"""The full monodomain model of a twin: scenarios, drug prediction, synthetic patients.

All slow (monodomain runs of hundreds of ms on the phantom); the fast model's own tests
are in test_calibration.py and tests/ep/test_eikonal.py.
"""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skip_in_parallel]


@pytest.fixture(scope="module")
def phantom_twin_parts():
    from cardiotwin.ep.velocity import VelocityCurve
    from cardiotwin.geometry.io import load_phantom
    from cardiotwin.twin.forward import TwinModel
    from cardiotwin.twin.fullmodel import mean_edge_mm

    geo = load_phantom()
    model = TwinModel.from_geometry(geo)
    curve = VelocityCurve.measure("tp06-epi", h_mm=mean_edge_mm(model),
                                  sigmas=(0.15, 0.3, 1.0, 3.0, 10.0))
    return geo, model, curve


def test_velocity_curve_grows_and_inverts(phantom_twin_parts):
    _, _, curve = phantom_twin_parts
    v = np.asarray(curve.velocity_m_per_s)
    assert np.all(np.diff(v) > 0)
    s = curve.conductivity([0.3, 0.6, 1.5])
    np.testing.assert_allclose(curve.velocity(s), [0.3, 0.6, 1.5], rtol=1e-9)


def test_lesion_and_pacing_scenarios(phantom_twin_parts):
    from cardiotwin.ep.eikonal import Velocities
    from cardiotwin.twin.parameters import Repolarisation, Root, TwinParameters
    from cardiotwin.twin.predict import Scenario, run_scenario

    geo, model, curve = phantom_twin_parts
    params = TwinParameters((Root("lv", 0.5, 2.5, 0.0),), Velocities(0.6, 0.4, 0.3, 1.5),
                            Repolarisation(300.0))
    base = run_scenario(geo, model, params, Scenario(t_end_ms=120.0), ik_scale=1.0,
                        curve=curve)
    site = model.mesh.points[model.root_vertex(Root("rv", 0.5, 0.3, 0.0))]
    paced = run_scenario(geo, model, params, Scenario(pacing=((*site, 0.0),), t_end_ms=120.0),
                         ik_scale=1.0, curve=curve)
    # a second activation site shortens total activation
    assert paced.total_activation_ms < base.total_activation_ms - 3.0
    lesion = run_scenario(geo, model, params,
                          Scenario(lesions=((*site, 12.0),), t_end_ms=120.0), ik_scale=1.0,
                          curve=curve)
    assert lesion.total_activation_ms > base.total_activation_ms  # conduction around it


def test_synthetic_patient_fit_and_drug_prediction(phantom_twin_parts, tmp_path):
    """The whole chain on the phantom: a monodomain-made patient (noise, wander), a fit
    that sees only the anatomy and the CSV, then dofetilide on the twin and on the truth."""
    from cardiotwin.ep.eikonal import Velocities
    from cardiotwin.geometry.io import PHANTOM_FOLDER
    from cardiotwin.io.ecg import write_ecg_csv
    from cardiotwin.twin.calibration import SMCSettings
    from cardiotwin.twin.parameters import Prior, Repolarisation, Root, TwinParameters
    from cardiotwin.twin.predict import predict_drug
    from cardiotwin.twin.synthetic import Noise, simulate_patient
    from cardiotwin.twin.twin import fit_twin

    geo, model, curve = phantom_twin_parts
    params = TwinParameters((Root("lv", 0.45, 2.6, 0.0), Root("rv", 0.5, 0.4, 6.0)),
                            Velocities(0.6, 0.4, 0.3, 1.5), Repolarisation(300.0))
    ecg, truth = simulate_patient(geo, model, params, curve, t_end_ms=520.0)
    write_ecg_csv(tmp_path / "ecg.csv", Noise(seed=3).apply(ecg))
    twin = fit_twin(PHANTOM_FOLDER, tmp_path / "ecg.csv", tmp_path / "twin",
                    prior=Prior(n_roots=2), settings=SMCSettings(particles=48,
                                                                 max_generations=10),
                    report=False)
    s = twin.summary()
    assert abs(s["apd_ms"] - truth["mean_apd90_ms"]) < 20.0
    assert abs(s["cv_m_per_s"]["fibre"] - 0.6) / 0.6 < 0.5
    fitted = np.array([[r["x_mm"], r["y_mm"], r["z_mm"]] for r in s["roots"]])
    for site in truth["roots"]:
        p = np.array([site["x_mm"], site["y_mm"], site["z_mm"]])
        assert np.min(np.linalg.norm(fitted - p, axis=1)) < 25.0
    pred = predict_drug(twin, "dofetilide", 4.0, t_end_ms=520.0)
    true = predict_drug(twin, "dofetilide", 4.0, t_end_ms=520.0, parameters=params,
                        ik_scale=1.0)
    assert pred["delta_qt_ms"] > 10.0
    assert abs(pred["delta_qt_ms"] - true["delta_qt_ms"]) < 10.0
