"""The script API: ``import cardiotwin as ct`` is light, every name resolves, and the
examples (quick start, drug QT, lesion, cohort) run and give their headline numbers."""

from __future__ import annotations

import importlib.util
import os
import runpy
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _example(name: str):
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skip_in_parallel
def test_import_is_light():
    code = ("import sys, cardiotwin as ct\n"
            "assert callable(ct.load_geometry) and ct.Monodomain.__name__ == 'Monodomain'\n"
            "heavy = [m for m in ('dolfinx', 'petsc4py', 'pyvista', 'vtk', 'myokit', 'ufl')\n"
            "         if m in sys.modules]\n"
            "print(','.join(heavy))\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


def test_every_api_name_resolves():
    import cardiotwin as ct

    for name in ct.__all__:
        assert getattr(ct, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'Monodomian'"):
        ct.Monodomian  # noqa: B018


@pytest.mark.mpi
def test_quickstart_script(comm, dolfinx, tmp_path_factory):
    """The README's quick start: phantom + dofetilide -> activation map PNG, on any ranks."""
    import cardiotwin as ct

    d = comm.bcast(tmp_path_factory.mktemp("quickstart") if comm.rank == 0 else None)
    cwd = os.getcwd()
    os.chdir(d)
    try:
        ns = runpy.run_path(str(EXAMPLES / "quickstart.py"))
    finally:
        os.chdir(cwd)
    sim = ns["sim"]
    s = ct.activation_summary(comm, sim.tracker.first_activation)
    assert s.activated_fraction > 0.99
    assert 20.0 < s.total_ms < 60.0  # both endocardia at once: tens of ms through the walls
    # the drug is there: gKr of every model is the dofetilide pore block at 3x free Cmax
    drug = ct.get_drug("dofetilide")
    want = float(drug.blocks["hERG"].remaining(drug.dose_uM(cmax_multiple=3)))
    assert all(b.params[b.model.param_names.index("gKr")] == pytest.approx(want)
               for b in sim.blocks if b.dofs.size)
    if comm.rank == 0:
        assert (d / "activation.png").stat().st_size > 20_000


@pytest.mark.mpi
def test_drug_qt_example(comm, dolfinx):
    out = _example("drug_qt").main(["--multiples", "0,1"])
    assert 300.0 < out["qt_ms"][0.0] < 450.0
    assert out["qt_change_ms"][1.0] > 20.0  # dofetilide prolongs QT at its Cmax


@pytest.mark.mpi
def test_lesion_example(comm, dolfinx):
    out = _example("lesion_ablation").main([])
    assert out["control"]["activated_fraction"] == 1.0
    assert out["ablated"]["activated_fraction"] < 1.0  # the lesion core never activates
    assert out["delay_behind_line_ms"] > 2.0  # the wave goes round the line


@pytest.mark.skip_in_parallel
def test_cohort_example():
    out = _example("cohort").main(["--cells", "20", "--beats", "3"])
    assert out["control"]["apd90_sd_ms"] > 5.0  # a population, not copies of one cell
    assert out["apd90_change_ms"] > 50.0
    assert np.isfinite(out["dofetilide_3x"]["apd90_mean_ms"])


@pytest.mark.mpi
def test_twin_fit_example(comm, dolfinx):
    pytest.importorskip("neurokit2")
    out = _example("twin_fit").main(["--particles", "8", "--generations", "1"])
    assert set(out["cv_m_per_s"]) == {"fibre", "sheet", "normal", "endo"}
    assert 1 <= out["roots"] <= 2
    assert 180.0 <= out["apd_ms"] <= 420.0  # inside the prior, a finite fitted value


@pytest.mark.mpi
def test_unloading_example(comm, dolfinx):
    """The phantom read as imaged at 8/4 mmHg unloads to smaller cavities, its filled
    reference back on the image to the tolerance (0.01 mm)."""
    out = _example("unloading").main([])
    assert out["mismatch_mm"][-1] < 0.01 < out["mismatch_mm"][0]
    assert out["max_shift_mm"] > 1.0  # the filling moved the wall by millimetres
    for cavity, edp in (("lv", 8.0), ("rv", 4.0)):
        c = out[cavity]
        assert c["edp_mmHg"] == pytest.approx(edp, abs=0.05)
        assert 0.5 * c["imaged_ml"] < c["unloaded_ml"] < 0.95 * c["imaged_ml"]
