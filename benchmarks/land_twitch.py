"""Land 2017 active tension: our compiled kernel against the authors' model solved by SciPy.

The reference is the ToR-ORd + Land electromechanical cell model as the Simula cardiac
codes publish it (``odes/torord/ToRORd_dynCl_endo_Land.ode`` of fenicsx-beat), turned into
Python by gotranx and solved with SciPy's BDF (rtol 1e-8, atol 1e-10): a 1 Hz twitch from
its initial state, at a fixed stretch (isometric) ``lambda = 1`` and ``lambda = 1.1``, and
at ``lambda = 1`` with a constant stretch rate of -1e-3 /ms (the distortions' forcing).
Its intracellular calcium ``cai(t)`` then drives :class:`cardiotwin.mechanics.land.
LandTension` at several time steps, and the tensions are compared: peak ``T_a`` (kPa),
time to peak (ms) and RMSE over the beat (kPa).  Also the coupled mode of the beating
heart: calcium sampled every 1 ms, the kernel sub-stepping between samples.

The authors' file is not part of cardiotwin: pass it with ``--ode`` or
``$FENICSX_BEAT_LAND_ODE``.  ``--write-reference PATH`` stores the reference traces (CSV,
provenance in its header) that ``tests/mechanics/test_land.py`` compares against.

Usage::

    .venv/bin/python benchmarks/land_twitch.py --ode ToRORd_dynCl_endo_Land.ode > land.json
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import emit

#: the reference cases: (column suffix, stretch, stretch rate 1/ms)
CASES = (("iso", 1.0, 0.0), ("stretched", 1.1, 0.0), ("shortening", 1.0, -1e-3))
T_END_MS = 700.0
SAMPLE_MS = 0.1


def load_reference_model(ode: Path):
    """The gotranx-generated Python module of the authors' ``.ode`` file."""
    import gotranx
    from gotranx.cli.gotran2py import get_code

    code = get_code(gotranx.load_ode(str(ode)))
    tmp = Path(tempfile.mkdtemp()) / "torord_land_reference.py"
    tmp.write_text(code)
    spec = importlib.util.spec_from_file_location("torord_land_reference", tmp)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def solve_reference(mod, stretch: float, rate: float) -> dict[str, np.ndarray]:
    """One twitch of the reference model (BDF), sampled every ``SAMPLE_MS``."""
    from scipy.integrate import solve_ivp

    p = mod.init_parameter_values(lmbda=stretch, dLambda=rate)
    y = mod.init_state_values()
    t_eval = np.arange(0.0, T_END_MS + 1e-9, SAMPLE_MS)
    ts, ys = [], []
    # the 1 ms stimulus, then the rest of the beat (the solver must not step over it)
    for a, b, max_step in ((0.0, 1.0, 0.05), (1.0, T_END_MS, 1.0)):
        r = solve_ivp(lambda t, s: mod.rhs(t, s, p), (a, b), y, method="BDF", rtol=1e-8,
                      atol=1e-10, max_step=max_step, dense_output=True)
        if r.status != 0:
            raise RuntimeError(f"reference solve failed: {r.message}")
        te = t_eval[(t_eval >= a) & ((t_eval < b) | (b == T_END_MS))]
        ts.append(te)
        ys.append(r.sol(te))
        y = r.y[:, -1]
    t = np.concatenate(ts)
    Y = np.concatenate(ys, axis=1)
    ta = np.array([mod.monitor_values(ti, Y[:, i], p)[mod.monitor_index("Ta")]
                   for i, ti in enumerate(t)])
    return {"t": t, "cai_uM": 1000.0 * Y[mod.state_index("cai")], "Ta": ta}


def metrics(t: np.ndarray, ta: np.ndarray, ref: np.ndarray) -> dict[str, float]:
    i = int(np.argmax(ta))
    return {"peak_Ta_kPa": round(float(ta[i]), 4), "time_to_peak_ms": round(float(t[i]), 2),
            "rmse_kPa": round(float(np.sqrt(np.mean((ta - ref) ** 2))), 5)}


def drive_kernel(t_ref: np.ndarray, cai_ref: np.ndarray, stretch: float, rate: float,
                 dt: float) -> tuple[np.ndarray, np.ndarray]:
    """Our kernel stepped at ``dt`` with the reference calcium at each step's midpoint;
    the tension sampled on the reference grid."""
    from cardiotwin.mechanics.land import LandTension

    model = LandTension(1)
    n = round(t_ref[-1] / dt)
    out_t, out_ta = [0.0], [model.tension(stretch)[0]]
    lam = stretch
    for k in range(n):
        t_mid = (k + 0.5) * dt
        cai = np.interp(t_mid, t_ref, cai_ref)
        model.step(cai, dt, stretch=lam, stretch_rate_per_ms=rate)
        out_t.append((k + 1) * dt)
        out_ta.append(model.tension(lam)[0])
    ta = np.interp(t_ref, np.array(out_t), np.array(out_ta))
    return t_ref, ta


def drive_coupled(t_ref: np.ndarray, cai_ref: np.ndarray, sample_ms: float,
                  substeps: int) -> np.ndarray:
    """The beating heart's mode: calcium sampled every ``sample_ms``, the crossbridge states
    sub-stepped between samples (isometric)."""
    from cardiotwin.mechanics.land import LandTension

    model = LandTension(1)
    n = round(t_ref[-1] / sample_ms)
    out_t, out_ta = [0.0], [model.tension(1.0)[0]]
    c0 = np.interp(0.0, t_ref, cai_ref)
    for k in range(n):
        c1 = np.interp((k + 1) * sample_ms, t_ref, cai_ref)
        model.advance_calcium(c0, c1, sample_ms, substeps=substeps)
        model.update_zeta(1.0, 1.0, sample_ms)
        out_t.append((k + 1) * sample_ms)
        out_ta.append(model.tension(1.0)[0])
        c0 = c1
    return np.interp(t_ref, np.array(out_t), np.array(out_ta))


def write_reference(path: Path, refs: dict[str, dict[str, np.ndarray]], ode: Path) -> None:
    digest = hashlib.sha256(ode.read_bytes()).hexdigest()[:16]
    cols = ["t_ms"]
    data = [refs["iso"]["t"]]
    for name, _, _ in CASES:
        cols += [f"cai_uM_{name}", f"Ta_kPa_{name}"]
        data += [refs[name]["cai_uM"], refs[name]["Ta"]]
    header = (
        "Reference twitches of the Land 2017 model coupled to ToR-ORd (endo), from the "
        "authors' ToRORd_dynCl_endo_Land.ode\n"
        "(fenicsx-beat, MIT, odes/torord/, sha256 " + digest + "), converted by gotranx and "
        "solved by SciPy BDF (rtol 1e-8, atol 1e-10)\n"
        "from the file's initial state with its 1 Hz stimulus; cases: "
        + "; ".join(f"{n}: lmbda={s}, dLambda={r}/ms" for n, s, r in CASES)
        + "\nwritten by benchmarks/land_twitch.py --write-reference\n" + ",".join(cols))
    np.savetxt(path, np.column_stack(data), delimiter=",", header=header, fmt="%.7g")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ode", default=os.environ.get("FENICSX_BEAT_LAND_ODE"),
                    help="the authors' ToRORd_dynCl_endo_Land.ode (or $FENICSX_BEAT_LAND_ODE)")
    ap.add_argument("--write-reference", default=None, metavar="CSV",
                    help="also write the reference traces to this CSV (.csv.gz: compressed)")
    args = ap.parse_args()
    if not args.ode or not Path(args.ode).is_file():
        sys.exit("land_twitch: give the authors' ToRORd_dynCl_endo_Land.ode with --ode or "
                 "$FENICSX_BEAT_LAND_ODE")
    ode = Path(args.ode)
    t0 = time.perf_counter()
    mod = load_reference_model(ode)
    refs = {name: solve_reference(mod, s, r) for name, s, r in CASES}
    ref_s = time.perf_counter() - t0
    print(f"reference solved in {ref_s:.1f} s", file=sys.stderr)
    if args.write_reference:
        write_reference(Path(args.write_reference), refs, ode)
    result: dict = {"reference": "ToR-ORd+Land (authors' .ode) via gotranx, SciPy BDF "
                                 "rtol 1e-8 atol 1e-10", "reference_wall_s": round(ref_s, 2),
                    "cases": {}}
    for name, stretch, rate in CASES:
        ref = refs[name]
        case = {"stretch": stretch, "stretch_rate_per_ms": rate,
                "reference": metrics(ref["t"], ref["Ta"], ref["Ta"])}
        for dt in (0.01, 0.05, 0.5, 1.0):
            t1 = time.perf_counter()
            _, ta = drive_kernel(ref["t"], ref["cai_uM"], stretch, rate, dt)
            case[f"kernel_dt_{dt:g}ms"] = {**metrics(ref["t"], ta, ref["Ta"]),
                                           "wall_s": round(time.perf_counter() - t1, 3)}
        if rate == 0.0 and stretch == 1.0:
            ta = drive_coupled(ref["t"], ref["cai_uM"], 1.0, 10)
            case["coupled_1ms_samples_10_substeps"] = metrics(ref["t"], ta, ref["Ta"])
        result["cases"][name] = case
    emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
