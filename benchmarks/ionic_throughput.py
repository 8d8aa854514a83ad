"""Ionic kernel throughput (cell-steps per second) next to gotranx's NumPy and C code.

For each model (a registry name or a CellML file, e.g. from the zoo in
``shared/reference/cellml-zoo``) at dt = 0.01 ms: cardiotwin's kernel (plain and with
lookup tables) over 1e4..1e6 cells on 1 and 2 threads, and in the same run the same CellML
file through gotranx (``cellml2ode`` -> ``ode2py`` / ``ode2c``, generalized Rush-Larsen,
the C compiled with ``cc -O3`` and looped over cells, cell-major as gotranx lays it out)
-- the code paths fenicsx-beat builds on. Each figure is the best of ``--repeats`` timings
of ``--steps`` steps (wall clock; ``cpu_cell_steps_per_s`` divides by the process CPU time
instead, which is less disturbed by other work on a loaded machine; the load average is
recorded).

``apd90_err_pct``: APD90 of the last of 50 beats at 1 Hz (each implementation with its own
time stepping at dt = 0.01 ms) against the Myokit CVODES reference of the same CellML file
(``shared/reference/myokit_check_1hz.csv``; for a model file, a fresh Myokit CVODES run of
the same file paced the same way, :func:`cardiotwin.ionic.verification.myokit_reference`).
gotranx's NumPy and C code are the same scheme generated from the same file; the NumPy
path is too slow for 50 single-cell beats, so its APD90 error is the C path's, after
checking that one beat of both agrees (``numpy_vs_c_max_dv_mV``).

Memory traffic: ``bytes_per_cell_step`` counts the state, parameter and stimulus bytes a
step must read and write once (the tables of the lookup-table kernel stay in cache);
``bandwidth_bound_cell_steps_per_s`` is the measured single-core copy bandwidth (read +
write bytes, ``np.copyto`` of 160 MB) divided by it.

    python benchmarks/ionic_throughput.py --json [--models tp06-epi ord-endo]
        [--cells 10000 100000 1000000] [--threads 1 2] [--steps 100] [--no-gotranx]

gotranx and myokit are benchmark/test dependencies only (``pip install 'cardiotwin[bench]'``).
The gotranx-generated files are cached in ``benchmarks/out/gotranx/`` (generating the ORd
C code takes minutes).
"""

from __future__ import annotations

import argparse
import csv
import ctypes
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from cardiotwin.info import cpu_model
from cardiotwin.ionic import resolve_model
from cardiotwin.ionic.biomarkers import apd, beat_biomarkers
from cardiotwin.ionic.registry import SHIPPED_MODULES
from cardiotwin.ionic.shipped import default_reference, shipped, source_file
from cardiotwin.ionic.simulate import PacingProtocol, pace

DT = 0.01
BEATS = 50
CACHE = Path(__file__).resolve().parent / "out" / "gotranx"


def log(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def copy_bandwidth_GBps(n: int = 20_000_000) -> float:
    """Best-of-5 ``np.copyto`` bandwidth (read + write bytes / s), GB/s, one core."""
    a = np.ones(n)
    b = np.empty(n)
    best = 0.0
    for _ in range(5):
        t0 = time.perf_counter()
        np.copyto(b, a)
        best = max(best, 2 * a.nbytes / (time.perf_counter() - t0))
    return best / 1e9


def time_it(fn, n_cells: int, steps: int, repeats: int) -> tuple[float, float]:
    """Best (wall, CPU) cell-steps per second of ``fn(steps)`` over ``repeats`` runs."""
    fn(1)  # warm-up
    wall = cpu = float("inf")
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        fn(steps)
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return n_cells * steps / wall, n_cells * steps / cpu


def ref_apd(name: str) -> float | None:
    """Myokit CVODES APD90 of the last of BEATS beats: stored for the shipped models, a
    fresh run for a model file."""
    if name not in SHIPPED_MODULES:
        from cardiotwin.exceptions import CardiotwinError
        from cardiotwin.ionic.verification import myokit_reference

        try:
            ref = myokit_reference(name, bcl_ms=1000.0, beats=BEATS, dt_ms=DT)
        except (CardiotwinError, ImportError) as exc:
            log(f"no Myokit reference for {name}: {exc}")
            return None
        return beat_biomarkers(ref.t_ms, ref.v).apd90_ms
    path = default_reference() / "myokit_check_1hz.csv"
    if not path.is_file():
        return None
    src = source_file(name)
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["file"] == src:
                return float(row["apd90_ms"])
    return None


def _err(apd90: float, ref: float | None) -> float | None:
    return None if ref is None else 100.0 * (apd90 - ref) / ref


def bench_cardiotwin(name: str, cells: list[int], threads: list[int], steps: int,
                     repeats: int, bw: float) -> list[dict]:
    m = resolve_model(name)
    ref = ref_apd(name)
    nbytes = 8 * (2 * m.n_states + m.n_params + 1)
    out = []
    for lut in (False, True):
        impl = "cardiotwin-lut" if lut else "cardiotwin"
        b = pace(m, PacingProtocol(beats=BEATS, dt_ms=DT, use_lut=lut)).biomarkers
        err = _err(b.apd90_ms, ref)
        log(f"{name} {impl}: APD90 {b.apd90_ms:.2f} ms (error {err} %)")
        for n in cells:
            x, p = m.initial_states(n), m.default_params(n)
            i = np.zeros(n)
            tab = m.lookup_table(DT) if lut else None
            vmin, _vmax, dv = m.lut_default_range
            for w in threads:
                def run(k_steps, x=x, p=p, i=i, w=w, tab=tab, vmin=vmin, dv=dv):
                    for k in range(k_steps):
                        if tab is None:
                            m.kernel.step(x, p, i, k * DT, DT, w)
                        else:
                            m.kernel.step_lut(x, p, i, k * DT, DT, tab, vmin, dv, w)
                rate, cpu_rate = time_it(run, n, steps, repeats)
                log(f"{name} {impl} cells {n} threads {w}: {rate / 1e6:.2f} M cell-steps/s")
                out.append({"model": name, "impl": impl, "cells": n, "threads": w,
                            "cell_steps_per_s": rate, "cpu_cell_steps_per_s": cpu_rate,
                            "apd90_ms": b.apd90_ms, "apd90_err_pct": err,
                            "bytes_per_cell_step": nbytes,
                            "bandwidth_bound_cell_steps_per_s": bw * 1e9 / nbytes})
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


def gotranx_build(name: str) -> tuple[object, ctypes.CDLL] | None:
    """gotranx's NumPy module and compiled C harness for a model (cached)."""
    exe = Path(sys.executable).with_name("gotranx")
    cc = shutil.which(os.environ.get("CC", "cc"))
    if not exe.exists() or cc is None:
        log("gotranx or a C compiler not found: skipping the gotranx rows")
        return None
    cellml = (shipped(name).source_path(source=source_file(name)) if name in SHIPPED_MODULES
              else Path(name))
    key = hashlib.sha256(cellml.read_bytes()).hexdigest()[:12]
    work = CACHE / f"{name}-{key}"
    work.mkdir(parents=True, exist_ok=True)

    def gx(*a: str) -> None:
        subprocess.run([str(exe), *a], cwd=work, check=True, capture_output=True)

    if not (work / "model.ode").is_file():
        log(f"gotranx cellml2ode {cellml.name}")
        gx("cellml2ode", str(cellml), "-o", "model.ode")
    if not (work / "model_gx.py").is_file():
        log("gotranx ode2py")
        gx("ode2py", "model.ode", "--scheme", "generalized_rush_larsen", "-o", "model_gx.py")
    if not (work / "model.h").is_file():
        log("gotranx ode2c (minutes for large models)")
        gx("ode2c", "model.ode", "--scheme", "generalized_rush_larsen", "-o", "model.h")
    (work / "harness.c").write_text(_C_HARNESS)
    subprocess.run([cc, "-O3", "-shared", "-fPIC", "-o", "harness.so", "harness.c", "-lm"],
                   cwd=work, check=True)
    spec = importlib.util.spec_from_file_location(f"gx_{key}", work / "model_gx.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, ctypes.CDLL(str(work / "harness.so"))


def _index(fn, keys: tuple[str, ...]) -> int | None:
    for k in keys:
        try:
            return fn(k)
        except (KeyError, ValueError):
            continue
    return None


def bench_gotranx(name: str, cells: list[int], steps: int, repeats: int,
                  bw: float) -> list[dict]:
    built = gotranx_build(name)
    if built is None:
        return []
    gx, lib = built
    p = gx.init_parameter_values()
    k = _index(gx.parameter_index, ("stim_start", "i_Stim_Start", "i_Stim_start", "offset"))
    if k is not None:
        p[k] = 0.0  # first pulse at t = 0 like cardiotwin and the Myokit reference
    s0 = gx.init_state_values()
    ns = len(s0)
    dptr = ctypes.POINTER(ctypes.c_double)
    vi = _index(gx.state_index, ("V", "v"))
    nb = round(1000 / DT)
    tmpv = np.zeros(ns)

    def c_trace(beats: int) -> np.ndarray:
        s = s0.copy()
        v = np.zeros(beats * nb)
        lib.run_trace(s.ctypes.data_as(dptr), p.ctypes.data_as(dptr),
                      tmpv.ctypes.data_as(dptr), ctypes.c_long(beats * nb),
                      ctypes.c_double(DT), ctypes.c_int(vi), v.ctypes.data_as(dptr))
        return v

    def last_apd(v: np.ndarray) -> float:
        last = np.concatenate([v[-nb - 1:-nb], v[-nb:]]) if len(v) > nb else \
            np.concatenate([[v[0]], v])
        return apd(np.arange(nb + 1) * DT, last)

    v50 = c_trace(BEATS)
    apd_c = last_apd(v50)
    err = _err(apd_c, ref_apd(name))
    log(f"{name} gotranx-c: APD90 {apd_c:.2f} ms (error {err} %)")
    # one beat of the NumPy code against the C code (same scheme, same file)
    s = s0.copy()
    v_np = np.zeros(nb)
    for i in range(nb):
        s = gx.generalized_rush_larsen(s, i * DT, DT, p)
        v_np[i] = s[vi]
    dv_np = float(np.max(np.abs(v_np - c_trace(1))))
    log(f"{name} gotranx-numpy vs -c, one beat: max |dV| = {dv_np:.3g} mV")
    out = []
    for n in cells:
        S = np.ascontiguousarray(np.repeat(s0[None, :], n, axis=0))  # cell-major

        def run_c(k_steps, S=S, n=n):
            lib.run(S.ctypes.data_as(dptr), p.ctypes.data_as(dptr),
                    tmpv.ctypes.data_as(dptr), ctypes.c_long(n), ctypes.c_long(k_steps),
                    ctypes.c_double(0.0), ctypes.c_double(DT))
        rate, cpu_rate = time_it(run_c, n, steps, repeats)
        log(f"{name} gotranx-c cells {n}: {rate / 1e6:.2f} M cell-steps/s")
        out.append({"model": name, "impl": "gotranx-c", "cells": n, "threads": 1,
                    "cell_steps_per_s": rate, "cpu_cell_steps_per_s": cpu_rate,
                    "apd90_ms": apd_c, "apd90_err_pct": err,
                    "bytes_per_cell_step": 8 * 2 * ns,
                    "bandwidth_bound_cell_steps_per_s": bw * 1e9 / (8 * 2 * ns)})
        Sn = np.repeat(s0[:, None], n, axis=1)
        Pn = np.repeat(p[:, None], n, axis=1)

        def run_np(k_steps, Sn=Sn, Pn=Pn):
            st = Sn
            for k in range(k_steps):
                st = gx.generalized_rush_larsen(st, k * DT, DT, Pn)
        rate, cpu_rate = time_it(run_np, n, max(2, steps // 20), repeats)
        log(f"{name} gotranx-numpy cells {n}: {rate / 1e6:.2f} M cell-steps/s")
        out.append({"model": name, "impl": "gotranx-numpy", "cells": n, "threads": 1,
                    "cell_steps_per_s": rate, "cpu_cell_steps_per_s": cpu_rate,
                    "apd90_ms": apd_c, "apd90_err_pct": err,
                    "numpy_vs_c_max_dv_mV": dv_np, "bytes_per_cell_step": None,
                    "bandwidth_bound_cell_steps_per_s": None})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=["tp06-epi", "ord-endo"],
                    help="registry names or CellML/.mmt files")
    ap.add_argument("--cells", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--threads", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--steps", type=int, default=100, help="steps per timing (default 100)")
    ap.add_argument("--repeats", type=int, default=3, help="timings, best kept (default 3)")
    ap.add_argument("--no-gotranx", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    load0 = os.getloadavg()
    bw = copy_bandwidth_GBps()
    log(f"copy bandwidth {bw:.1f} GB/s")
    results = []
    for name in args.models:
        label = Path(name).stem if name not in SHIPPED_MODULES else name
        rows = bench_cardiotwin(name, args.cells, args.threads, args.steps, args.repeats, bw)
        for r in rows:
            r["model"] = label
        results += rows
        if not args.no_gotranx:
            try:
                results += bench_gotranx(name, args.cells, args.steps, args.repeats, bw)
            except (subprocess.CalledProcessError, OSError) as exc:
                log(f"gotranx path for {name} failed: {exc}")
    versions = {"python": platform.python_version(), "numpy": np.__version__}
    for mod in ("gotranx", "myokit"):
        try:
            versions[mod] = __import__(mod).__version__
        except ImportError:
            versions[mod] = None
    doc = {"results": results, "copy_bandwidth_GBps": bw, "dt_ms": DT,
           "steps": args.steps, "repeats": args.repeats,
           "load_average_start_end": [load0[0], os.getloadavg()[0]],
           "machine": {"cpu": cpu_model(), "cores": os.cpu_count(),
                       "platform": platform.platform()},
           "versions": versions}
    if args.json:
        sys.stdout.write(json.dumps(doc, indent=1) + "\n")
    else:
        for r in results:
            err = r["apd90_err_pct"]
            sys.stdout.write(f"{r['model']:10s} {r['impl']:15s} cells {r['cells']:8d} "
                             f"threads {r['threads']} {r['cell_steps_per_s'] / 1e6:8.2f} M/s "
                             f"(cpu {r['cpu_cell_steps_per_s'] / 1e6:8.2f}) APD90 err "
                             f"{'n/a' if err is None else f'{err:+.3f} %'}\n")
        sys.stdout.write(f"copy bandwidth {bw:.1f} GB/s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
