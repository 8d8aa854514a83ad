"""The unit convention's conversions, checked against hand-derived values."""

import pytest

from cardiotwin import units


def test_niederer_stimulus_conversion():
    # Niederer et al. 2011: 50 000 µA/cm³ with chi = 140 /mm and Cm = 0.01 µF/mm²
    # -> 50 µA/mm³ -> 50 / (140 * 0.01) = 35.714... µA/µF
    i_vol = units.per_cm3_to_per_mm3(50_000.0)
    assert i_vol == pytest.approx(50.0)
    i_spec = units.volumetric_to_specific_current(i_vol, 140.0, 0.01)
    assert i_spec == pytest.approx(250.0 / 7.0)
    assert units.specific_to_volumetric_current(i_spec, 140.0, 0.01) == pytest.approx(50.0)
