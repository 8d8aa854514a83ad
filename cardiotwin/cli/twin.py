"""``cardiotwin twin fit|update|predict|simulate|verify|export|import``: a patient's twin.

::

    cardiotwin twin fit --anatomy MESHDIR --ecg FILE -o TWIN [--electrodes CSV] [--json]
    cardiotwin twin update TWIN --ecg NEWFILE [--json]
    cardiotwin twin predict TWIN --drug NAME --cmax-multiple K [--json]
    cardiotwin twin simulate TWIN [--pace X,Y,Z,T] [--lesion X,Y,Z,R] [-o DIR] [--json]
    cardiotwin twin verify TWIN
    cardiotwin twin export TWIN ARCHIVE.tar.gz
    cardiotwin twin import ARCHIVE.tar.gz TWIN

Fits share their evaluations over MPI ranks (``mpiexec -n 2 cardiotwin twin fit ...``).
"""

from __future__ import annotations

import argparse

from cardiotwin.cli._common import emit, floats


def _smc(p: argparse.ArgumentParser) -> None:
    p.add_argument("--particles", type=int, default=None,
                   help="SMC particles (default 200; an update keeps the twin's)")
    p.add_argument("--generations", type=int, default=30, help="most SMC generations")
    p.add_argument("--seed", type=int, default=0, help="random seed")
    p.add_argument("--no-report", action="store_true", help="skip the pictures")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin twin``."""
    sub = parser.add_subparsers(dest="twin_command", metavar="ACTION", required=True)
    p = sub.add_parser("fit", help="create a twin from an anatomy and a 12-lead ECG")
    p.add_argument("--anatomy", required=True, help="geometry folder from `cardiotwin mesh`")
    p.add_argument("--ecg", required=True, help="12-lead ECG: CSV (time_ms,I,...,V6) or WFDB")
    p.add_argument("-o", "--output", required=True, help="new twin folder")
    p.add_argument("--electrodes", default=None,
                   help="CSV name,x,y,z (mm) of RA, LA, LL, V1-V6 (default: generic torso)")
    p.add_argument("--roots", type=int, default=3, help="candidate root sites (default 3)")
    p.add_argument("--pseudonym", default=None, help="the twin's id (default: random)")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted fit into OUTPUT from its saved state")
    _smc(p)
    p = sub.add_parser("update", help="refit a twin to a new ECG, warm-started")
    p.add_argument("twin", help="twin folder")
    p.add_argument("--ecg", required=True, help="the new 12-lead ECG")
    _smc(p)
    p = sub.add_parser("predict", help="QT change of a drug on the twin (full model)")
    p.add_argument("twin", help="twin folder")
    p.add_argument("--drug", required=True, help="compound name (`cardiotwin drug --list`)")
    p.add_argument("--cmax-multiple", type=float, required=True, help="dose, multiple of Cmax")
    p.add_argument("--t-end", type=float, default=550.0, help="simulated time (ms)")
    p.add_argument("-o", "--output", default=None, help="folder for the ECGs (ecg12.csv)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = sub.add_parser("simulate", help="run a scenario on the twin (full model)")
    p.add_argument("twin", help="twin folder")
    p.add_argument("--pace", type=floats, action="append", default=[],
                   help="pacing site x,y,z (mm) and time t (ms); repeatable")
    p.add_argument("--no-sinus", action="store_true", help="drop the twin's own roots")
    p.add_argument("--lesion", type=floats, action="append", default=[],
                   help="non-conducting ball x,y,z,radius (mm); repeatable")
    p.add_argument("--drug", default=None, help="compound name")
    p.add_argument("--cmax-multiple", type=float, default=None, help="dose, multiple of Cmax")
    p.add_argument("--t-end", type=float, default=500.0, help="simulated time (ms)")
    p.add_argument("-o", "--output", default=None, help="folder for ecg12.csv")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = sub.add_parser("verify", help="check a twin's files against its hashes")
    p.add_argument("twin", help="twin folder")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = sub.add_parser("export", help="write a twin as one .tar.gz")
    p.add_argument("twin", help="twin folder")
    p.add_argument("archive", help="archive to write (.tar.gz)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = sub.add_parser("import", help="unpack and verify a twin archive")
    p.add_argument("archive", help="archive (.tar.gz)")
    p.add_argument("twin", help="new twin folder")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def _settings(args: argparse.Namespace, default_particles: int = 200):
    from cardiotwin.twin.calibration import SMCSettings

    return SMCSettings(particles=args.particles or default_particles,
                       max_generations=args.generations, seed=args.seed)


def _fit_lines(summary: dict, folder: str) -> list[str]:
    cv = summary["cv_m_per_s"]
    lines = [f"cardiotwin twin: {folder} ({summary['id']}, fit {summary['fits']}, "
             f"{summary['wall_s']:.0f} s)",
             "  CV (m/s): " + ", ".join(f"{k} {cv[k]:.2f} [{cv[k + '_95'][0]:.2f}, "
                                       f"{cv[k + '_95'][1]:.2f}]"
                                       for k in ("fibre", "sheet", "normal", "endo")),
             f"  APD {summary['apd_ms']:.0f} ms [{summary['apd_ms_95'][0]:.0f}, "
             f"{summary['apd_ms_95'][1]:.0f}]"]
    for r in summary["roots"]:
        lines.append(f"  root ({r['x_mm']:.1f}, {r['y_mm']:.1f}, {r['z_mm']:.1f}) mm at "
                     f"{r['t_ms']:.1f} ms, p = {r['probability']:.2f}")
    lines.append("  ECG r: " + ", ".join(f"{k} {v:.2f}"
                                         for k, v in summary["ecg_correlation"].items()))
    return lines


def run(args: argparse.Namespace) -> int:
    """Dispatch to the twin action."""
    from mpi4py import MPI

    from cardiotwin.exceptions import ConfigError
    from cardiotwin.twin import twin as tw

    comm = MPI.COMM_WORLD
    act = args.twin_command
    if act == "fit":
        from cardiotwin.ep.electrodes import read_electrodes
        from cardiotwin.twin.parameters import Prior

        electrodes = read_electrodes(args.electrodes) if args.electrodes else None
        t = tw.fit_twin(args.anatomy, args.ecg, args.output, electrodes=electrodes,
                        prior=Prior(n_roots=args.roots), settings=_settings(args),
                        pseudonym=args.pseudonym, comm=comm, report=not args.no_report,
                        resume=args.resume)
        s = t.summary()
        emit(args, s, _fit_lines(s, args.output))
    elif act == "update":
        cur = tw.load_twin(args.twin)
        t = tw.update_twin(args.twin, args.ecg, settings=_settings(
            args, len(cur.posterior().activation)), comm=comm, report=not args.no_report)
        s = t.summary()
        emit(args, s, _fit_lines(s, args.twin))
    elif act == "predict":
        from cardiotwin.twin.predict import predict_drug

        t = tw.load_twin(args.twin)
        res = predict_drug(t, args.drug, args.cmax_multiple, t_end_ms=args.t_end,
                           out=args.output)
        emit(args, res, [f"cardiotwin twin predict: {args.drug} at {args.cmax_multiple} x Cmax: "
                         f"QT {res['qt_control_ms']} -> {res['qt_drug_ms']} ms "
                         f"(change {res['delta_qt_ms']} ms)"])
    elif act == "simulate":
        from cardiotwin.twin.fullmodel import ik_scale_for_apd
        from cardiotwin.twin.predict import Scenario, run_scenario

        for p in args.pace:
            if len(p) != 4:
                raise ConfigError(f"--pace {p}: expected x,y,z,t")
        for p in args.lesion:
            if len(p) != 4:
                raise ConfigError(f"--lesion {p}: expected x,y,z,radius")
        sc = Scenario(pacing=tuple(args.pace), lesions=tuple(args.lesion), drug=args.drug,
                      cmax_multiple=args.cmax_multiple, t_end_ms=args.t_end,
                      sinus=not args.no_sinus)
        t = tw.load_twin(args.twin)
        geo = t.geometry()
        res = run_scenario(geo, t.model(geo), t.parameters(), sc,
                           ik_scale=ik_scale_for_apd(float(t.record["parameters"]["apd_ms"])),
                           out=args.output)
        out = res.as_dict()
        emit(args, out, [f"cardiotwin twin simulate: total activation "
                         f"{res.total_activation_ms:.1f} ms, QT "
                         f"{res.intervals.get('qt_ms')} ms, wall {res.wall_s:.0f} s"])
    elif act == "verify":
        hashes = tw.verify(args.twin)
        emit(args, {"twin": args.twin, "ok": True, "files": len(hashes)},
             [f"cardiotwin twin verify: {args.twin}: {len(hashes)} files match their hashes"])
    elif act == "export":
        a = tw.export_twin(args.twin, args.archive)
        emit(args, {"archive": str(a)}, [f"cardiotwin twin export: {a}"])
    elif act == "import":
        t = tw.import_twin(args.archive, args.twin)
        emit(args, {"twin": str(t.folder), "id": t.id, "ok": True},
             [f"cardiotwin twin import: {t.folder} ({t.id}) verified"])
    return 0
