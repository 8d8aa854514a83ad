"""The parameter contract (``ParameterChanges``: ``scale`` multiplies a row of any kind,
``set`` assigns it) on a model with ``value`` rows only (Aliev–Panfilov) and one with
mixed kinds (ORd-CiPA: conductance scalings and the dynamic hERG drug parameters)."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError, ModelError
from cardiotwin.ionic import get_model
from cardiotwin.ionic.parameters import ParameterChanges
from cardiotwin.ionic.simulate import PacingProtocol, pace, set_params


def test_value_rows_are_multiplied_by_scale_and_assigned_by_set():
    m = get_model("aliev-panfilov")
    assert set(m.param_kinds) == {"value"}
    k0 = m.default_params(1)[m.param_index("k"), 0]
    assert k0 == 8.0  # the paper's k
    p = m.default_params(3)
    ParameterChanges(scale={"k": 2.0}).apply(m, p)
    assert np.all(p[m.param_index("k")] == 2.0 * k0)
    p = m.default_params(3)
    ParameterChanges(set={"k": 3.0}, scale={"k": 2.0}).apply(m, p, columns=[0, 2])
    assert p[m.param_index("k")].tolist() == [6.0, k0, 6.0]  # set, then scale
    assert ParameterChanges(scale={"k": 2.0}).values(m) == {"k": 2.0 * k0}


def test_scaling_a_value_row_changes_the_physics_as_setting_it():
    m = get_model("aliev-panfilov")
    proto = PacingProtocol(beats=1, dt_ms=0.02)
    p_scaled = m.default_params(1)
    ParameterChanges(scale={"k": 2.0}).apply(m, p_scaled)
    p_set = m.default_params(1)
    set_params(m, p_set, {"k": 16.0})
    a = pace(m, proto, params=p_scaled).biomarkers.apd90_ms
    b = pace(m, proto, params=p_set).biomarkers.apd90_ms
    base = pace(m, proto).biomarkers.apd90_ms
    assert a == b and abs(a - base) > 1.0


def test_mixed_kinds_ord_cipa():
    m = get_model("ord-cipa")
    kinds = dict(zip(m.param_names, m.param_kinds, strict=True))
    assert kinds["gKr"] == "scale" and kinds["D"] == "value" and kinds["Kt"] == "value"
    p = m.default_params(2)
    ParameterChanges(scale={"gKr": 0.5, "D": 2.0}, set={"Kt": 3.5e-5}).apply(m, p)
    assert p[m.param_index("gKr")].tolist() == [0.5, 0.5]
    assert p[m.param_index("D")].tolist() == [0.0, 0.0]  # 2 x the drug-free 0 nM
    assert p[m.param_index("Kt")].tolist() == [3.5e-5, 3.5e-5]
    ParameterChanges(set={"D": 30.0}).then(ParameterChanges(scale={"D": 2.0})).apply(m, p)
    assert p[m.param_index("D")].tolist() == [60.0, 60.0]


def test_bad_changes_are_refused():
    m = get_model("ord-cipa")
    with pytest.raises(ModelError, match=r"no parameter 'gXYZ'.*gKr"):
        ParameterChanges(scale={"gXYZ": 0.5}).apply(m, m.default_params(1))
    with pytest.raises(ConfigError, match="scale"):
        ParameterChanges(scale={"gKr": -1.0})
    with pytest.raises(ConfigError, match="finite"):
        ParameterChanges(set={"D": float("nan")})
