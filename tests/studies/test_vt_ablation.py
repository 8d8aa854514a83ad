"""VT ablation scenario: re-entry through the isthmus is induced, and not after ablation."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.studies.vt_ablation import IsthmusSheet


def _check(out, sheet):
    assert out["reentry_before"], out
    # activity persisted > 2 cycles after the last stimulus
    assert sheet.persist_ms > 2 * out["cycle_length_ms"], out
    # the circuit: ~60 mm around one scar block + the 10 mm isthmus, at 0.4-0.7 mm/ms in
    # healthy tissue and slower in the isthmus
    assert 100.0 < out["cycle_length_ms"] < 350.0, out
    # each cycle starts where the wave leaves the isthmus (its proximal end, y = 10 mm)
    assert out["earliest_sites"], out
    for _, x, y, _ in out["earliest_sites"]:
        assert abs(x - sheet.isthmus_x_mm) < 4.0 and y < sheet.scar_y_mm[0] + 1.0, out
    assert not out["reentry_after"], out
    assert out["s2_tried_after_ms"] == list(sheet.s2_couplings_ms)


@pytest.mark.mpi
def test_reduced_vt_ablation_induces_then_is_not_inducible(comm, dolfinx, tmp_path_factory):
    """1 mm elements, 0.2 ms steps, one S2 coupling interval: the same mechanism, ~15 s."""
    from cardiotwin.studies.vt_ablation import vt_ablation

    sheet = replace(IsthmusSheet(), h_mm=1.0, thickness_mm=1.0, s2_couplings_ms=(180.0,),
                    persist_ms=450.0, dt_ms=0.2)
    out_dir = comm.bcast(str(tmp_path_factory.mktemp("vt")) if comm.rank == 0 else None)
    out = vt_ablation(comm, sheet, outdir=out_dir)
    _check(out, sheet)
    # the ablation line (2 mm wide, across the isthmus, transmural) outside the scar:
    # 2 mm x isthmus width x thickness, within one element column of the rasterisation
    w = sheet.isthmus_width_mm
    assert 2.0 * (w - sheet.h_mm) * 1.0 - 1e-9 <= out["lesion_volume_mm3"] <= 2.0 * w * 1.0
    if comm.rank == 0:
        assert Path(out["activation_png"]).stat().st_size > 10_000


@pytest.mark.slow
@pytest.mark.mpi
def test_full_vt_ablation_demo(comm, dolfinx):
    from cardiotwin.studies.vt_ablation import vt_ablation

    sheet = IsthmusSheet()
    out = vt_ablation(comm, sheet)
    _check(out, sheet)
    assert out["lesion_volume_mm3"] == pytest.approx(2.0 * 3.0 * 0.5)  # width x isthmus x t


@pytest.mark.parametrize("bad", [
    dict(isthmus_x_mm=70.0),
    dict(site_mm=(32.0, 15.0)),
    dict(border_conductivity_factor=0.0),
    dict(s2_couplings_ms=(150.0, 180.0)),
])
def test_sheet_rejects_bad_settings(bad):
    with pytest.raises(ConfigError):
        IsthmusSheet(**bad).protocol()
