"""Ionic kernel verification tables for the README (prints one JSON object).

- ``myokit``: each shipped CellML model paced 50 beats at 1 Hz (dt = 0.01 ms, the model's
  own stimulus) against a fresh Myokit CVODES run of the same file (tolerances 1e-8, the
  protocol of ``shared/reference/myokit_check_1hz.csv``): APD90, V_rest, V_peak and the
  RMSE of V over the last beat (both sampled every 0.01 ms from the beat's start).
- ``dt``: APD90 of one beat (and of 50 beats with ``--beats 50``) for dt = 0.1 .. 0.005 ms,
  plain kernel, and with the lookup tables.
- ``lut``: lookup-table minus plain kernel at dt = 0.01 ms: APD90 difference and the
  largest |dV| over the beat.

    python tools/ionic_verification.py [--models tp06-epi ord-endo] [--no-myokit]
        [--dts 0.1 0.05 0.02 0.01 0.005] [--beats 1]

Needs Myokit and Sundials (CVODES) for the ``myokit`` table.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from cardiotwin.ionic import get_model
from cardiotwin.ionic.biomarkers import apd
from cardiotwin.ionic.shipped import cell_type, shipped, source_file
from cardiotwin.ionic.simulate import PacingProtocol, pace

BEATS = 50


def myokit_last_beat(name: str, beats: int, dt_log: float = 0.01) -> np.ndarray:
    """V (mV) of the last beat from Myokit + CVODES, sampled every ``dt_log`` ms."""
    from cardiotwin.ionic.verification import myokit_reference

    ct = cell_type(name)
    path = shipped(name).source_path(source=source_file(name))
    ref = myokit_reference(path, bcl_ms=1000.0, beats=beats, dt_ms=dt_log,
                           constants=dict(ct.constants) if ct else None)
    return ref.v


def table_myokit(models: list[str]) -> list[dict]:
    rows = []
    for name in models:
        m = get_model(name)
        r = pace(m, PacingProtocol(beats=BEATS, dt_ms=0.01))
        v_ref = myokit_last_beat(name, BEATS)
        n = min(len(v_ref), len(r.v))
        t = np.arange(n) * 0.01
        b = r.biomarkers
        rows.append({
            "model": name,
            "apd90_ms": b.apd90_ms, "apd90_myokit_ms": apd(t, v_ref[:n]),
            "vrest_mV": b.vrest_mV, "vrest_myokit_mV": float(v_ref[0]),
            "vpeak_mV": b.vpeak_mV, "vpeak_myokit_mV": float(np.max(v_ref)),
            "trace_rmse_mV": float(np.sqrt(np.mean((r.v[:n] - v_ref[:n]) ** 2))),
            "trace_max_abs_dv_mV": float(np.max(np.abs(r.v[:n] - v_ref[:n]))),
        })
        sys.stderr.write(json.dumps(rows[-1]) + "\n")
    return rows


def table_dt(models: list[str], dts: list[float], beats: int) -> list[dict]:
    rows = []
    for name in models:
        m = get_model(name)
        for lut in (False, True):
            for dt in dts:
                r = pace(m, PacingProtocol(beats=beats, dt_ms=dt, use_lut=lut))
                b = r.biomarkers
                rows.append({"model": name, "lut": lut, "dt_ms": dt, "beats": beats,
                             "apd90_ms": b.apd90_ms, "vpeak_mV": b.vpeak_mV,
                             "finite": bool(np.all(np.isfinite(r.v)))})
                sys.stderr.write(json.dumps(rows[-1]) + "\n")
    return rows


def table_lut(models: list[str], beats: int) -> list[dict]:
    rows = []
    for name in models:
        m = get_model(name)
        plain = pace(m, PacingProtocol(beats=beats, dt_ms=0.01))
        lut = pace(m, PacingProtocol(beats=beats, dt_ms=0.01, use_lut=True))
        rows.append({"model": name, "beats": beats, "lut_entries": len(m.lut_entries),
                     "apd90_plain_ms": plain.biomarkers.apd90_ms,
                     "apd90_lut_minus_plain_ms": lut.biomarkers.apd90_ms
                     - plain.biomarkers.apd90_ms,
                     "max_abs_dv_mV": float(np.max(np.abs(lut.v - plain.v)))})
        sys.stderr.write(json.dumps(rows[-1]) + "\n")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=["tp06-epi", "ord-endo"])
    ap.add_argument("--myokit-models", nargs="+", default=None,
                    help="models for the Myokit table (default: --models)")
    ap.add_argument("--dts", nargs="+", type=float, default=[0.1, 0.05, 0.02, 0.01, 0.005])
    ap.add_argument("--beats", type=int, default=1, help="beats for the dt table")
    ap.add_argument("--no-myokit", action="store_true")
    ap.add_argument("--only", choices=["myokit", "dt", "lut"], default=None)
    args = ap.parse_args(argv)
    doc: dict = {}
    if args.only in (None, "lut"):
        doc["lut"] = table_lut(args.models, BEATS)
    if args.only in (None, "dt"):
        doc["dt"] = table_dt(args.models, args.dts, args.beats)
    if not args.no_myokit and args.only in (None, "myokit"):
        doc["myokit"] = table_myokit(args.myokit_models or args.models)
    json.dump(doc, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
