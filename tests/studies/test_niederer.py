"""The Niederer et al. 2011 slab benchmark (Phil Trans R Soc A 369:4331).

References are independent of this package: fenicsx-beat run on the same discretisation
(dx 0.5 mm, dt 0.05 ms, P1 tetrahedra, consistent mass: P8 = 56.7 ms, measured with
``benchmarks/niederer.py --peer``), and the benchmark paper's converged finite-element
solutions (P8 about 38 ms at dx 0.1 mm; fenicsx-beat's published 38.4 ms at dx 0.2 mm,
dt 0.01 ms).
"""

from __future__ import annotations

import pytest

from cardiotwin.exceptions import ConfigError
from cardiotwin.studies.niederer import NiedererSetup, run_niederer


def test_setup_checks_the_resolution():
    with pytest.raises(ConfigError, match="does not divide"):
        NiedererSetup(dx_mm=0.3)


@pytest.mark.mpi
def test_coarse_slab_next_to_the_peer(comm, dolfinx):
    res = run_niederer(comm, NiedererSetup(dx_mm=0.5, dt_ms=0.05))
    act = res["activation_ms"]
    assert res["all_activated"]
    # the stimulated corner first, the far end (P4, P8 at x = 20, y = 7) last
    assert act["P1"] < 3.0
    assert min(act["P4"], act["P8"]) > max(v for k, v in act.items() if k not in ("P4", "P8"))
    assert act["P8"] == pytest.approx(56.7, rel=0.1)  # fenicsx-beat, same discretisation


@pytest.mark.slow
@pytest.mark.mpi
def test_fine_slab_within_the_published_spread(comm, dolfinx):
    fine = run_niederer(comm, NiedererSetup(dx_mm=0.2, dt_ms=0.01))["activation_ms"]
    assert 36.0 < fine["P8"] < 42.0  # converged FE codes: ~38 ms; fenicsx-beat 38.4 ms
    assert fine["P1"] < fine["P9"] < fine["P8"]
