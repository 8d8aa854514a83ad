"""Ionic kernel throughput (cell-steps per second) next to gotranx's NumPy and C code.

For each model at dt = 0.01 ms: cardiotwin's kernel (plain and with lookup tables) over
1e4..1e6 cells on 1 and 2 threads, and in the same run the same CellML file through
gotranx (``cellml2ode`` -> ``ode2py`` / ``ode2c``, generalized Rush-Larsen, the C compiled
with -O3 and looped over cells, cell-major as gotranx lays it out) -- the code paths
fenicsx-beat builds on.  ``apd90_err_pct`` is the APD90 error after 50 beats at 1 Hz
against the Myokit CVODES reference (shared/reference/myokit_check_1hz.csv).  Also a
measured memory copy bandwidth and the bytes each kernel moves per cell-step.

    python benchmarks/ionic_throughput.py --json [--models tp06-epi ord-endo]
        [--cells 10000 100000 1000000] [--no-gotranx]

gotranx and myokit are benchmark/test dependencies only (``pip install 'cardiotwin[bench]'``).
"""

from __future__ import annotations

import argparse
import csv
import ctypes
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from cardiotwin.info import cpu_model
from cardiotwin.ionic import get_model
from cardiotwin.ionic.biomarkers import apd
from cardiotwin.ionic.shipped import default_reference, shipped
from cardiotwin.ionic.simulate import PacingProtocol, pace

DT = 0.01
STEPS = 20


def copy_bandwidth_GBps(n: int = 20_000_000) -> float:
    """Best-of-5 ``np.copyto`` bandwidth (read + write bytes / s), GB/s."""
    a = np.ones(n)
    b = np.empty(n)
    best = 0.0
    for _ in range(5):
        t0 = time.perf_counter()
        np.copyto(b, a)
        best = max(best, 2 * a.nbytes / (time.perf_counter() - t0))
    return best / 1e9


def _time_it(fn, n_cells: int, steps: int) -> float:
    fn(1)  # warm-up
    t0 = time.perf_counter()
    fn(steps)
    return n_cells * steps / (time.perf_counter() - t0)


def ref_apd(name: str) -> float | None:
    path = default_reference() / "myokit_check_1hz.csv"
    if not path.is_file():
        return None
    src = shipped(name).source
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["file"] == src:
                return float(row["apd90_ms"])
    return None


def bench_cardiotwin(name: str, cells: list[int], threads: list[int]) -> list[dict]:
    m = get_model(name)
    ref = ref_apd(name)
    out = []
    for lut in (False, True):
        err = None
        if ref is not None:
            b = pace(m, PacingProtocol(beats=50, dt_ms=DT, use_lut=lut)).biomarkers
            err = 100.0 * (b.apd90_ms - ref) / ref
        for n in cells:
            x, p = m.initial_states(n), m.default_params(n)
            i = np.zeros(n)
            tab = m.lookup_table(DT) if lut else None
            vmin, _vmax, dv = m.lut_default_range
            for w in threads:
                def run(steps, x=x, p=p, i=i, w=w, tab=tab, vmin=vmin, dv=dv):
                    for k in range(steps):
                        if tab is None:
                            m.kernel.step(x, p, i, k * DT, DT, w)
                        else:
                            m.kernel.step_lut(x, p, i, k * DT, DT, tab, vmin, dv, w)
                rate = _time_it(run, n, STEPS)
                out.append({"model": name, "impl": "cardiotwin-lut" if lut else "cardiotwin",
                            "cells": n, "threads": w, "cell_steps_per_s": rate,
                            "apd90_err_pct": err,
                            "bytes_per_cell_step": 8 * (2 * m.n_states + m.n_params + 1)})
    return out


_C_HARNESS = r"""
#include "model.h"
void run(double* s, double* p, double* tmp, long n, long steps, double t0, double dt) {
    for (long k = 0; k < steps; ++k)
        for (long c = 0; c < n; ++c) {
            generalized_rush_larsen(s + c * NUM_STATES, t0 + k * dt, dt, p, tmp);
            for (int j = 0; j < NUM_STATES; ++j) s[c * NUM_STATES + j] = tmp[j];
        }
}
void run_trace(double* s, double* p, double* tmp, long steps, double dt, int vi, double* v) {
    for (long k = 0; k < steps; ++k) {
        generalized_rush_larsen(s, k * dt, dt, p, tmp);
        for (int j = 0; j < NUM_STATES; ++j) s[j] = tmp[j];
        v[k] = s[vi];
    }
}
"""


def gotranx_build(name: str, work: Path) -> tuple[object, ctypes.CDLL] | None:
    exe = Path(sys.executable).with_name("gotranx")
    if not exe.exists() or shutil.which("cc") is None:
        return None
    cellml = shipped(name).source_path()
    ode = work / "model.ode"
    env = dict(os.environ)
    run = lambda *a: subprocess.run([str(exe), *a], cwd=work, check=True,  # noqa: E731
                                    capture_output=True, env=env)
    run("cellml2ode", str(cellml), "-o", str(ode))
    run("ode2py", str(ode), "--scheme", "generalized_rush_larsen", "-o", "model_gx.py")
    run("ode2c", str(ode), "--scheme", "generalized_rush_larsen", "-o", "model.h")
    (work / "harness.c").write_text(_C_HARNESS)
    subprocess.run(["cc", "-O3", "-shared", "-fPIC", "-o", "harness.so", "harness.c", "-lm"],
                   cwd=work, check=True)
    spec = importlib.util.spec_from_file_location("model_gx", work / "model_gx.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, ctypes.CDLL(str(work / "harness.so"))


def bench_gotranx(name: str, cells: list[int]) -> list[dict]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        built = gotranx_build(name, Path(tmp))
        if built is None:
            return out
        gx, lib = built
        p = gx.init_parameter_values()
        for key in ("stim_start", "i_Stim_Start", "i_Stim_start", "offset"):
            try:
                p[gx.parameter_index(key)] = 0.0
            except (KeyError, ValueError):
                pass
        s0 = gx.init_state_values()
        ns = len(s0)
        dptr = ctypes.POINTER(ctypes.c_double)
        # APD90 after 50 beats with gotranx's own embedded stimulus (1 Hz)
        err = None
        ref = ref_apd(name)
        vi = next((gx.state_index(k) for k in ("V", "v") if _has_state(gx, k)), None)
        if ref is not None and vi is not None:
            s = s0.copy()
            tmpv = np.zeros(ns)
            nb = round(1000 / DT)
            v = np.zeros(50 * nb)
            lib.run_trace(s.ctypes.data_as(dptr), p.ctypes.data_as(dptr),
                          tmpv.ctypes.data_as(dptr), ctypes.c_long(50 * nb), ctypes.c_double(DT),
                          ctypes.c_int(vi), v.ctypes.data_as(dptr))
            last = np.concatenate([v[-nb - 1:-nb], v[-nb:]])
            err = 100.0 * (apd(np.arange(nb + 1) * DT, last) - ref) / ref
        for n in cells:
            S = np.ascontiguousarray(np.repeat(s0[None, :], n, axis=0))  # cell-major
            tmpv = np.zeros(ns)

            def run_c(steps, S=S, n=n, tmpv=tmpv):
                lib.run(S.ctypes.data_as(dptr), p.ctypes.data_as(dptr),
                        tmpv.ctypes.data_as(dptr), ctypes.c_long(n), ctypes.c_long(steps),
                        ctypes.c_double(0.0), ctypes.c_double(DT))
            out.append({"model": name, "impl": "gotranx-c", "cells": n, "threads": 1,
                        "cell_steps_per_s": _time_it(run_c, n, STEPS), "apd90_err_pct": err})
            Sn = np.repeat(s0[:, None], n, axis=1)
            Pn = np.repeat(p[:, None], n, axis=1)

            def run_np(steps, Sn=Sn, Pn=Pn):
                st = Sn
                for k in range(steps):
                    st = gx.generalized_rush_larsen(st, k * DT, DT, Pn)
            out.append({"model": name, "impl": "gotranx-numpy", "cells": n, "threads": 1,
                        "cell_steps_per_s": _time_it(run_np, n, 5), "apd90_err_pct": err})
    return out


def _has_state(gx, key: str) -> bool:
    try:
        gx.state_index(key)
    except (KeyError, ValueError):
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=["tp06-epi", "ord-endo"])
    ap.add_argument("--cells", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--threads", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--no-gotranx", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    results = []
    for name in args.models:
        results += bench_cardiotwin(name, args.cells, args.threads)
        if not args.no_gotranx:
            try:
                results += bench_gotranx(name, args.cells)
            except (subprocess.CalledProcessError, OSError) as exc:
                sys.stderr.write(f"gotranx path for {name} failed: {exc}\n")
    import gotranx
    import myokit

    doc = {"results": results, "copy_bandwidth_GBps": copy_bandwidth_GBps(), "dt_ms": DT,
           "machine": {"cpu": cpu_model(), "cores": os.cpu_count(),
                       "platform": platform.platform()},
           "versions": {"python": platform.python_version(), "numpy": np.__version__,
                        "gotranx": gotranx.__version__, "myokit": myokit.__version__}}
    if args.json:
        sys.stdout.write(json.dumps(doc, indent=1) + "\n")
    else:
        for r in results:
            sys.stdout.write(f"{r['model']:10s} {r['impl']:15s} cells {r['cells']:8d} "
                             f"threads {r['threads']} {r['cell_steps_per_s'] / 1e6:8.2f} M/s "
                             f"apd90 err {r['apd90_err_pct']}\n")
        sys.stdout.write(f"copy bandwidth {doc['copy_bandwidth_GBps']:.1f} GB/s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
