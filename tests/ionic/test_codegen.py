"""The committed kernels are exactly what the generator produces from their sources."""

from __future__ import annotations

import pytest

from cardiotwin.ionic.shipped import KERNEL_DIR, SHIPPED, generate_shipped

FAST = {"mitchell-schaeffer", "aliev-panfilov"}


def _regenerate_and_compare(model, reference):
    pytest.importorskip("myokit")
    pytest.importorskip("sympy")
    text = generate_shipped(model, reference)
    committed = (KERNEL_DIR / f"{model.module}.pyx").read_text(encoding="utf-8")
    assert text == committed, (f"{model.module}.pyx is stale: run "
                               "`python -m cardiotwin.ionic.shipped` and rebuild")
    assert generate_shipped(model, reference) == text  # deterministic


@pytest.mark.parametrize("model", [m for m in SHIPPED if m.name in FAST], ids=lambda m: m.name)
def test_regenerate_matches_committed(model, shared_reference):
    _regenerate_and_compare(model, shared_reference)


@pytest.mark.slow
@pytest.mark.parametrize("model", [m for m in SHIPPED if m.name not in FAST],
                         ids=lambda m: m.name)
def test_regenerate_matches_committed_all(model, shared_reference):
    _regenerate_and_compare(model, shared_reference)


def test_header_says_source_and_how():
    for m in SHIPPED:
        head = (KERNEL_DIR / f"{m.module}.pyx").read_text(encoding="utf-8")[:3000]
        assert "GENERATED CODE" in head
        for source in m.sources:
            assert source.split(".")[0] in head
        assert "python -m cardiotwin.ionic.shipped" in head
        assert "Rush-Larsen states" in head and "Forward Euler states" in head


def test_fallback_from_rush_larsen_is_a_warning(shared_reference, caplog):
    """TP06's R_prime is linear in itself but coupled both ways with Ca_ss: the generator
    says at warning level that it is not integrated with Rush-Larsen."""
    pytest.importorskip("myokit")
    import logging

    from cardiotwin.ionic.codegen import generate_pyx
    from cardiotwin.ionic.importer import prepare_model

    prep = prepare_model(shared_reference / "cellml" / "ten_tusscher_model_2006_endo.cellml")
    with caplog.at_level(logging.WARNING, logger="cardiotwin.ionic.codegen"):
        generate_pyx(prep, model_name="x", regenerate="-")
    warned = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any("R_prime" in r.getMessage() and "falls back from Rush-Larsen" in r.getMessage()
               for r in warned)
