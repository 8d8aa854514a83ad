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


def test_a_chain_written_with_named_fluxes_is_solved_as_a_chain(shared_reference):
    """Iyer et al. 2004 write their channel chains with named transition rates and
    fluxes: each chain (L-type with its calcium-dependent mode, Kv4.3, Kv1.4, hERG) is one
    backward-Euler group, which keeps its total probability (Rush-Larsen state by state
    does not); the calcium driving the L-type chain is not in that linear group."""
    pytest.importorskip("myokit")
    from cardiotwin.ionic.codegen import _Generator
    from cardiotwin.ionic.importer import prepare_model

    path = shared_reference / "cellml-zoo" / "iyer_2004.cellml"
    if not path.is_file():
        pytest.skip(f"{path} is not in the shared reference data")
    g = _Generator(prepare_model(path), "iyer")
    groups = [{x.qname().rsplit(".", 1)[-1] for x in grp} for grp, _m in g.be_groups]
    ltcc = {"C0", "C1", "C2", "C3", "C4", "CCa0", "CCa1", "CCa2", "CCa3", "CCa4", "Open"}
    for chain in (ltcc, {f"{s}Kv43" for s in ("C0", "C1", "C2", "C3", "O", "CI0", "CI1",
                                              "CI2", "CI3", "OI")},
                  {"C1Herg", "C2Herg", "C3Herg", "OHerg", "IHerg"}):
        assert chain in groups, groups
    assert not any("CaSS" in grp and grp & ltcc for grp in groups)
    rl = {x.qname().rsplit(".", 1)[-1] for x in g.rl_b}
    assert not rl & ltcc
