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
