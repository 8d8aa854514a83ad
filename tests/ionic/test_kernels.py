"""The kernel contract of every shipped model: metadata, `step`, validation, threads, cells."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import KernelError, ModelError
from cardiotwin.ionic import get_model, model_names
from cardiotwin.ionic.registry import SHIPPED_MODULES

all_models = pytest.mark.parametrize("name", list(SHIPPED_MODULES))

CANONICAL = {"gNa", "gNaL", "gCaL", "PCa", "gto", "gKr", "gKs", "gK1", "gNaCa", "gNaK"}


def test_names():
    assert set(SHIPPED_MODULES) <= set(model_names())
    with pytest.raises(ModelError, match="unknown cell model"):
        get_model("no-such-model")


@all_models
def test_metadata(name):
    m = get_model(name)
    k = m.kernel
    assert m.name == name
    assert k.MODEL_NAME == name or name in k.VARIANT_NAMES
    assert len(k.STATE_NAMES) == len(k.STATE_UNITS) == len(k.INITIAL_STATES) == m.n_states
    assert len(k.PARAM_NAMES) == len(k.PARAM_UNITS) == len(k.PARAM_DEFAULTS) == m.n_params
    assert set(k.RUSH_LARSEN_STATES) | set(k.FORWARD_EULER_STATES) | set(
        k.BACKWARD_EULER_STATES) | set(k.EXPONENTIAL_EULER_STATES) | set(
        k.STIFF_GROUP_STATES) == set(k.STATE_NAMES)
    assert k.STATE_NAMES[0] in k.FORWARD_EULER_STATES
    assert k.DEFAULT_STIMULUS[0] < 0 and k.DEFAULT_STIMULUS[1] > 0
    assert m.voltage_unit == ("1" if name == "mitchell-schaeffer" else "mV")
    x = m.initial_states(3)
    assert x.shape == (m.n_states, 3) and x.flags.c_contiguous and x.dtype == np.float64
    assert m.default_params(3).shape == (m.n_params, 3)


@pytest.mark.parametrize("name,expected", [
    ("tp06-epi", {"gNa", "gCaL", "gto", "gKr", "gKs", "gK1", "gNaCa", "gNaK", "celltype"}),
    ("ord-endo", {"gNa", "gNaL", "PCa", "gto", "gKr", "gKs", "gK1", "gNaCa", "gNaK",
                  "celltype"}),
    ("ord-cipa", {"gNa", "gNaL", "PCa", "gto", "gKr", "gKs", "gK1", "gNaCa", "gNaK",
                  "D", "Kmax", "Ku", "n", "halfmax", "Vhalf", "Kt"}),
])
def test_parameters(name, expected):
    m = get_model(name)
    assert set(m.param_names) == expected
    for p, d in zip(m.param_names, m.kernel.PARAM_DEFAULTS, strict=True):
        if p in CANONICAL:
            assert d == 1.0


@pytest.mark.parametrize("source,types", [
    ("tp06", {"tp06-endo": 0.0, "tp06-epi": 1.0, "tp06-m": 2.0}),
    ("ord", {"ord-endo": 0.0, "ord-epi": 1.0, "ord-m": 2.0}),
])
def test_cell_types_share_one_kernel(source, types):
    models = {n: get_model(n) for n in types}
    kernels = {m.kernel for m in models.values()}
    assert len(kernels) == 1 and next(iter(kernels)).MODEL_NAME == source
    for name, value in types.items():
        m = models[name]
        assert m.param_kinds[m.param_index("celltype")] == "value"
        assert m.default_params(2)[m.param_index("celltype")].tolist() == [value, value]
    # the cell types have their own initial states (TP06: one CellML file each)
    inits = {tuple(m.initial_states(1)[:, 0]) for m in models.values()}
    assert len(inits) == (3 if source == "tp06" else 1)


def test_tp06_gates_rush_larsen():
    m = get_model("tp06-epi")
    gates = {s.rsplit(".", 1)[1] for s in m.rush_larsen_states}
    assert {"m", "h", "j", "d", "f", "f2", "fCass", "r", "s", "Xr1", "Xr2", "Xs"} <= gates
    fe = {s.rsplit(".", 1)[1] for s in m.forward_euler_states}
    assert {"V", "Ca_i", "Na_i", "K_i"} <= fe


def test_validation_names_array():
    m = get_model("tp06-epi")
    x, p, i = m.initial_states(4), m.default_params(4), np.zeros(4)
    with pytest.raises(KernelError, match="states"):
        m.step(x.astype(np.float32), p, i, 0.0, 0.01)
    with pytest.raises(KernelError, match="params"):
        m.step(x, p[:, :2], i, 0.0, 0.01)
    with pytest.raises(KernelError, match="i_stim"):
        m.step(x, p, np.zeros(3), 0.0, 0.01)
    with pytest.raises(KernelError, match="C-contiguous"):
        m.step(np.asfortranarray(x), p, i, 0.0, 0.01)


def _run(m, n_cells, workers, n_steps=300, lut=False):
    x, p = m.initial_states(n_cells), m.default_params(n_cells)
    if m.n_params:
        p[0] = np.linspace(0.5, 1.5, n_cells)  # heterogeneity, no branch in the loop
    amp, dur = m.default_stimulus
    for k in range(n_steps):
        i = np.full(n_cells, amp if k * 0.01 < dur else 0.0)
        (m.step_lut if lut else m.step)(x, p, i, k * 0.01, 0.01, workers)
    return x, p


@all_models
def test_threads_identical(name):
    m = get_model(name)
    x1, _ = _run(m, 64, 1)
    x2, _ = _run(m, 64, 2)
    assert np.array_equal(x1, x2)
    assert np.all(np.isfinite(x1))


@pytest.mark.parametrize("name,n_cells", [("tp06-epi", 16), ("tp06-epi", 45),
                                          ("ord-cipa", 16), ("mitchell-schaeffer", 16)])
def test_one_vs_many_cells(name, n_cells):
    # 45 cells: one full chunk of 32 plus a padded remainder of 13
    m = get_model(name)
    xm, pm = _run(m, n_cells, 2)
    for c in sorted({0, 7, 15, n_cells - 1, min(32, n_cells - 1)}):
        x1, p1 = m.initial_states(1), np.ascontiguousarray(pm[:, c:c + 1])
        amp, dur = m.default_stimulus
        for k in range(300):
            m.step(x1, p1, np.full(1, amp if k * 0.01 < dur else 0.0), k * 0.01, 0.01)
        assert np.array_equal(x1[:, 0], xm[:, c])


@all_models
def test_lookup_table_finite(name):
    # removable singularities such as (V - a)/(exp(k (V - a)) - 1) on a table point must
    # not put NaN/inf into the table (each row averages V -+ dv/1000)
    m = get_model(name)
    tab = m.lookup_table(0.01)
    assert tab.shape[1] == len(m.lut_entries)
    assert np.all(np.isfinite(tab))


def test_currents_tp06():
    m = get_model("tp06-epi")
    x, p = m.initial_states(2), m.default_params(2)
    out = m.currents(x, p)
    assert out.shape == (len(m.current_names), 2)
    names = m.current_names
    # at rest the total ionic current is small and I_K1 is outward
    assert abs(out[names.index("I_ion"), 0]) < 1.0
    assert out[names.index("IK1"), 0] > 0
    assert out[names.index("Cai"), 0] == pytest.approx(x[m.state_index("Ca_i"), 0])
    for cur in ("INaL", "ICaL", "Ito", "IKr", "IKs", "IK1", "Cai"):
        assert cur in get_model("ord-endo").current_names or cur == "INaL"


def test_gkr_block_prolongs_apd():
    from cardiotwin.ionic.simulate import PacingProtocol, pace, set_params

    m = get_model("tp06-epi")
    base = pace(m, PacingProtocol(beats=1, dt_ms=0.02, use_lut=True)).biomarkers.apd90_ms
    p = m.default_params(1)
    set_params(m, p, {"gKr": 0.5})
    blocked = pace(m, PacingProtocol(beats=1, dt_ms=0.02, use_lut=True),
                   params=p).biomarkers.apd90_ms
    assert blocked > base + 10
