"""Tissue QT: a small transmural wedge with and without a hERG blocker (serial and MPI)."""

from __future__ import annotations

import pytest

from cardiotwin.scenarios.drugs import ChannelBlock, Drug
from cardiotwin.studies.wedge_qt import WedgeSetup, run_wedge_qt


@pytest.mark.mpi
def test_wedge_qt_prolongation(dolfinx, comm):
    """QT from the tangent-method T end lies between the APD90 of the shortest ORd cell
    (epi, ~ 230 ms paced in isolation) and the M cell's plus the activation time, and a
    50 % I_Kr block prolongs it."""
    setup = WedgeSetup(length_mm=6.0, width_mm=0.5, dx_mm=0.5, dt_ms=0.02, t_end_ms=700.0)
    ctl = run_wedge_qt(comm, setup)
    blk = run_wedge_qt(comm, setup, Drug("half-IKr", {"hERG": ChannelBlock(1.0)}), 1.0)
    from cardiotwin.ionic import get_model
    from cardiotwin.ionic.simulate import PacingProtocol, pace

    proto = PacingProtocol(bcl_ms=1000.0, beats=1, dt_ms=0.02)
    apd = {m: pace(get_model(m), proto).biomarkers.apd90_ms
           for m in ("ord-endo", "ord-m", "ord-epi")}
    t_act = ctl.intervals.qrs_end_ms
    assert min(apd.values()) < ctl.qt_ms < max(apd.values()) + t_act + 20.0
    assert blk.qt_ms > ctl.qt_ms + 15.0
