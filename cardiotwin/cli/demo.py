"""``cardiotwin demo [SCENARIO]``: the shipped demos.

Examples::

    cardiotwin demo                       # phantom biventricle, control vs IKr block
    cardiotwin demo --quick --json
    cardiotwin demo crt --json --vv=-40,0,40
    cardiotwin demo vt-ablation --json
    cardiotwin demo af-ablation --quick --json
    cardiotwin demo beat --quick --json   # electromechanics + circulation: PV loops
    mpiexec -n 2 cardiotwin demo crt --json
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cardiotwin.cli._common import emit, floats
from cardiotwin.exceptions import ConfigError

#: the demos besides the default one (``cardiotwin demo SCENARIO``)
SCENARIOS = ("vt-ablation", "crt", "af-ablation", "beat")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin demo`` and its scenarios (no heavy imports)."""
    sub = parser.add_subparsers(dest="scenario", metavar="SCENARIO",
                                help="other demos (default: the phantom drug demo); "
                                     + ", ".join(SCENARIOS))
    vt = sub.add_parser("vt-ablation", help="scar-related VT: induce re-entry through an "
                        "isthmus, ablate, re-test")
    vt.add_argument("--s2", type=floats, default=None,
                    help="S2 coupling intervals to try, ms, decreasing (default: the "
                         "scenario's 200,180,160,140)")
    vt.add_argument("--s3", type=float, default=None,
                    help="add an S3 extrastimulus at this coupling interval after S2, ms")
    vt.add_argument("--h", type=float, default=None, help="element size, mm (0.5)")
    vt.add_argument("--dt", type=float, default=None, help="time step, ms (0.1)")
    vt.add_argument("--persist", type=float, default=None,
                    help="activity after the last stimulus that counts as sustained "
                         "re-entry, ms (550, ~2.5 cycle lengths)")
    vt.add_argument("-o", "--output", default="cardiotwin-vt-ablation",
                    help="folder for the activation map PNG (default ./cardiotwin-vt-ablation)")
    vt.add_argument("--json", action="store_true", help="print JSON (rank 0)")
    vt.set_defaults(_scenario_run=_run_vt_ablation)

    crt = sub.add_parser("crt", help="cardiac resynchronisation: RV pacing vs LV lead sites "
                         "and VV delays")
    crt.add_argument("--vv", type=floats, default=None,
                     help="VV delays to test, ms (LV minus RV; default -40,-20,0,20,40)")
    crt.add_argument("--sites", default=None,
                     help="comma-separated subset of the LV sites (anterior, anterolateral, "
                          "posterolateral, posterior)")
    crt.add_argument("--lv-factor", type=float, default=None,
                     help="LV conductivity multiplier (LBBB-like slowing; default 0.25)")
    crt.add_argument("--mesh", default=None, help="geometry folder (default: the shipped "
                                                  "phantom)")
    crt.add_argument("--json", action="store_true", help="print JSON (rank 0)")
    crt.set_defaults(_scenario_run=_run_crt)

    af = sub.add_parser("af-ablation", help="atrial fibrillation on the phantom atria (or "
                        "any atrial geometry): induce from the pacing sites, map drivers, "
                        "test lesion sets")
    af.add_argument("--quick", action="store_true",
                    help="two pacing sites, 1 s of persistence, PVI, PVI+box and the "
                         "personalised strategy (minutes)")
    af.add_argument("--mesh", default=None,
                    help="atrial geometry folder (default: the shipped phantom atria)")
    af.add_argument("--lge", default=None, help="LGE-like intensity image of the fibrosis "
                    "(default: the phantom's with the phantom)")
    af.add_argument("--fibrosis-from", default=None,
                    help="take the fibrosis of another anatomy through the atrial "
                         "coordinates: 'phantom' (its LGE-like image) or an atrial geometry "
                         "folder whose image --lge gives; for a patient without LGE")
    af.add_argument("--sites", default=None,
                    help="comma-separated pacing sites (lspv, lipv, rspv, ripv, laa, cs, "
                         "la-roof, ra-lateral)")
    af.add_argument("--strategies", default=None,
                    help="comma-separated lesion sets (pvi, pvi+roof, pvi+mitral, pvi+box, "
                         "cti, personalised)")
    af.add_argument("--protocol", choices=("s1s2", "burst"), default=None,
                    help="decremental S1-S2 (default) or bursts at decreasing cycle lengths")
    af.add_argument("--s2", type=floats, default=None,
                    help="S2 coupling intervals to try, ms, decreasing")
    af.add_argument("--persist", type=float, default=None,
                    help="activity after the last stimulus that counts as sustained AF, ms")
    af.add_argument("--gap", type=float, default=None,
                    help="leave this much tissue unablated in the middle of every line, mm")
    af.add_argument("--ranks-per-run", type=int, default=None,
                    help="MPI ranks per simulation; the other ranks take other sites")
    af.add_argument("-o", "--output", default="cardiotwin-af-ablation",
                    help="folder for the driver and dominant-frequency maps "
                         "(default ./cardiotwin-af-ablation)")
    af.add_argument("--json", action="store_true", help="print JSON (rank 0)")
    af.set_defaults(_scenario_run=_run_af_ablation)
    from cardiotwin.studies.beat import ACTIVATIONS

    beat = sub.add_parser("beat", help="the beating phantom: EP, Land tension, mechanics and "
                          "a closed-loop circulation; LV/RV PV loops, EF, pressures")
    beat.add_argument("--quick", action="store_true",
                      help="2 ms mechanics and 0.1 ms EP steps, 700 ms beat (minutes)")
    beat.add_argument("--beats", type=int, default=None, help="number of beats (1)")
    beat.add_argument("--cycle-length", type=float, default=None, help="beat period, ms")
    beat.add_argument("--dt", type=float, default=None, help="mechanics step, ms")
    beat.add_argument("--ical-block", type=float, default=None,
                      help="fraction of I_CaL blocked, 0..1 (calcium-channel blocker)")
    beat.add_argument("--tref", type=float, default=None,
                      help="Land reference tension T_ref, kPa (default: calibrated on the "
                           "phantom, see the README)")
    beat.add_argument("--material-scale", type=float, default=None,
                      help="factor on every passive stiffness (default: the Klotz fit)")
    beat.add_argument("--edge-length", type=float, default=None,
                      help="phantom mesh edge length, mm (6)")
    beat.add_argument("--activation", default=None, choices=ACTIVATIONS,
                      help="endocardial (both endocardia at once; default), lbbb (RV "
                           "endocardium only), rv-pacing (RV apical lead), crt (RV + LV "
                           "posterolateral leads)")
    beat.add_argument("--ep-edge-length", type=float, default=None,
                      help="EP mesh edge length, mm (2.5; 0: the mechanics mesh)")
    beat.add_argument("--lv-conductivity-factor", type=float, default=None,
                      help="conductivity multiplier of the LV myocardium, (0, 1]")
    beat.add_argument("--scar-radius", type=float, default=None,
                      help="radius of a non-contracting, stiffer, non-conducting scar in "
                           "the LV lateral wall, mm (0: none)")
    beat.add_argument("--scar-stiffness", type=float, default=None,
                      help="scar stiffness relative to the myocardium (10)")
    beat.add_argument("--drug", default=None,
                      help="a compound of the drug library (e.g. verapamil, dofetilide)")
    beat.add_argument("--cmax-multiple", type=float, default=None,
                      help="its dose as a multiple of its free Cmax (1)")
    beat.add_argument("--prepace", type=int, default=None,
                      help="single-cell beats the ionic states are paced to first (20)")
    beat.add_argument("--unload", action=argparse.BooleanOptionalAction, default=None,
                      help="the mesh is the heart imaged at the end-diastolic pressures: "
                           "find its stress-free reference first, so the beat starts from "
                           "the imaged heart (default); --no-unload: the mesh is taken as "
                           "stress-free and filled, so the beat starts larger than imaged")
    beat.add_argument("--fast-forward", action=argparse.BooleanOptionalAction, default=None,
                      help="at the end of every beat but the last, move the circulation to "
                           "the periodic state of the beat just run, linearised, and the "
                           "heart to its volumes, so a few beats are periodic (default); "
                           "--no-fast-forward: the beats follow one another unchanged")
    beat.add_argument("--resume", action="store_true",
                      help="continue from the checkpoint in OUTPUT/checkpoint (written at "
                           "the end of every beat; same configuration except --beats)")
    beat.add_argument("--prime-circulation", type=int, default=None,
                      help="0-D beats the circulation runs to its periodic state first "
                           "(at most; 50; 0: the circulation package's default state)")
    beat.add_argument("--config", default=None,
                      help="a beat configuration (TOML: [geometry], [electrophysiology], "
                           "[mechanics], [scar], [circulation]); the options below "
                           "override it")
    beat.add_argument("--labels-image", default=None,
                      help="run on this label image instead of the phantom (with "
                           "--label-map)")
    beat.add_argument("--label-map", default=None,
                      help="its label roles, e.g. lv-myocardium=205,lv-blood=500,"
                           "rv-blood=600")
    beat.add_argument("-o", "--output", default="cardiotwin-beat",
                      help="results folder (default ./cardiotwin-beat)")
    beat.add_argument("--json", action="store_true", help="print JSON (rank 0)")
    beat.set_defaults(_scenario_run=_run_beat)

    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("-o", "--output", default="cardiotwin-demo",
                        help="results folder (default ./cardiotwin-demo)")
    parser.add_argument("--quick", action="store_true",
                        help="coarse 2.5 mm mesh and 400 ms (seconds; for tests)")
    parser.add_argument("--edge-length", type=float, default=None, help="mesh edge length, mm")
    parser.add_argument("--t-end", type=float, default=None, help="simulated time, ms")
    parser.add_argument("--write-config", metavar="PATH", default=None,
                        help="write the demo's run configuration (TOML) for `cardiotwin run` "
                             "and exit")


def run(args: argparse.Namespace) -> int:
    """Run the chosen demo; print a summary (or JSON) on rank 0."""
    if getattr(args, "scenario", None):
        return int(args._scenario_run(args) or 0)
    from dataclasses import replace

    from cardiotwin._mpi import rank_from_env
    from cardiotwin.studies.demo import QUICK, DemoConfig, demo_config_toml, run_demo

    cfg = QUICK if args.quick else DemoConfig()
    if args.edge_length is not None:
        cfg = replace(cfg, edge_length_mm=args.edge_length)
    if args.t_end is not None:
        cfg = replace(cfg, t_end_ms=args.t_end)
    if args.write_config:
        text = demo_config_toml(cfg)
        if rank_from_env() == 0:
            Path(args.write_config).write_text(text)
            print(f"wrote {args.write_config}")
        return 0
    summary = run_demo(args.output, cfg, progress=not (args.json or args.quiet))
    qt = summary["qt_ms"]
    lines = [f"cardiotwin demo: results in {Path(args.output).resolve()}",
             f"  total activation time {summary['total_activation_ms']} ms; mean APD90 "
             f"{summary['apd90_mean_ms']['control']} ms -> {summary['apd90_mean_ms']['drug']} "
             "ms with IKr block" + (f"; QT {qt}" if qt else "")]
    lines += [f"  {name}: {path}" for name, path in summary["outputs"].items()]
    emit(args, summary, lines)
    return 0


def _run_vt_ablation(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from mpi4py import MPI

    from cardiotwin.studies.vt_ablation import IsthmusSheet, vt_ablation

    changes: dict = {}
    for key, attr in (("s2_couplings_ms", "s2"), ("s3_coupling_ms", "s3"), ("h_mm", "h"),
                      ("dt_ms", "dt"), ("persist_ms", "persist")):
        if getattr(args, attr) is not None:
            changes[key] = getattr(args, attr)
    sheet = replace(IsthmusSheet(), **changes)
    out = vt_ablation(MPI.COMM_WORLD, sheet, outdir=args.output)
    cl = out["cycle_length_ms"]
    before = "induced" if out["reentry_before"] else "not induced"
    lines = [f"before ablation: re-entry {before}"
             + (f" (S2 {out['s2_coupling_ms']:g} ms, cycle length {cl:.1f} ms)"
                if out["reentry_before"] else ""),
             f"after ablation ({out['lesion_volume_mm3']:.1f} mm^3 lesion): re-entry "
             f"{'induced' if out['reentry_after'] else 'not inducible'} (S2 tried: "
             f"{', '.join(f'{c:g}' for c in out['s2_tried_after_ms'])} ms)"]
    if "activation_png" in out:
        lines.append(f"activation map of the re-entry: {out['activation_png']}")
    lines.append(f"wall time {out['wall_s']:.1f} s on {out['ranks']} rank(s)")
    emit(args, out, lines)
    return 0


def _run_af_ablation(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from mpi4py import MPI

    from cardiotwin.studies.af_ablation import QUICK, AFConfig, af_ablation

    cfg = QUICK if args.quick else AFConfig()
    kw: dict = {}
    for key, attr in (("mesh_dir", "mesh"), ("lge", "lge"),
                      ("fibrosis_from", "fibrosis_from"), ("protocol", "protocol"),
                      ("persist_ms", "persist"), ("gap_mm", "gap"), ("s2_ms", "s2"),
                      ("ranks_per_run", "ranks_per_run")):
        if getattr(args, attr) is not None:
            kw[key] = getattr(args, attr)
    for key in ("sites", "strategies"):
        if getattr(args, key):
            kw[key] = tuple(v.strip() for v in getattr(args, key).split(",") if v.strip())
    out = af_ablation(MPI.COMM_WORLD, replace(cfg, **kw), outdir=args.output)

    def row(name: str, r: dict) -> str:
        df = r["dominant_frequency_hz"]
        sites = ", ".join(r["inducible_sites"]) or "-"
        return (f"{name:14s} {'yes' if r['inducible'] else 'no':>10s} {r['outcome']:>13s} "
                f"{sites:24s} {'-' if df is None else f'{df:.1f}':>8s} "
                f"{r['phase_singularities']:6.1f}")

    lines = [f"{out['geometry']}: {out['vertices']} vertices, {out['model']}",
             f"{'strategy':14s} {'inducible':>10s} {'outcome':>13s} {'from sites':24s} "
             f"{'DF (Hz)':>8s} {'PS':>6s}", row("baseline", out["baseline"])]
    lines += [row(r["name"], r) for r in out["strategies"]]
    lines += [f"{k}: {v}" for k, v in out.get("figures", {}).items()]
    lines.append(f"wall time {out['wall_s']:.1f} s on {out['ranks']} rank(s)")
    emit(args, out, lines)
    return 0


def _run_crt(args: argparse.Namespace) -> int:
    from mpi4py import MPI

    from cardiotwin.studies.crt import DEFAULT_LV_SITES, CRTConfig, crt_comparison

    kw: dict = {}
    if args.vv is not None:
        kw["vv_delays_ms"] = args.vv
    if args.lv_factor is not None:
        kw["lv_conductivity_factor"] = args.lv_factor
    if args.mesh:
        kw["mesh_dir"] = args.mesh
    if args.sites:
        names = [s.strip() for s in args.sites.split(",") if s.strip()]
        unknown = [n for n in names if n not in DEFAULT_LV_SITES]
        if unknown:
            raise ConfigError(f"--sites: unknown LV site(s) {unknown}; choose from "
                              f"{', '.join(DEFAULT_LV_SITES)}")
        kw["lv_sites"] = {n: DEFAULT_LV_SITES[n] for n in names}
    out = crt_comparison(MPI.COMM_WORLD, CRTConfig(**kw))
    rv = out["rv_only"]["total_activation_ms"]
    lines = [out["substrate"], f"RV-only pacing: total activation time {rv:.1f} ms",
             f"{'LV site':16s} {'VV delay (ms)':>13s} {'total activation (ms)':>22s}"]
    for r in out["results"]:
        flag = "" if r["all_activated"] else "  (incomplete activation)"
        lines.append(f"{r['site']:16s} {r['vv_delay_ms']:13.0f} "
                     f"{r['total_activation_ms']:22.1f}{flag}")
    b = out["best"]
    lines.append(f"best: {b['site']} lead, VV {b['vv_delay_ms']:+.0f} ms: "
                 f"{b['total_activation_ms']:.1f} ms ({b['reduction_vs_rv_ms']:.1f} ms shorter "
                 "than RV pacing)")
    lines.append(f"wall time {out['wall_s']:.1f} s on {out['ranks']} rank(s)")
    emit(args, out, lines)
    return 0


def _beat_config(args: argparse.Namespace) -> Any:
    """The :class:`~cardiotwin.studies.beat.BeatConfig` of ``cardiotwin demo beat``:
    defaults (or ``--quick``), then ``--config``, then the options."""
    from dataclasses import replace

    from cardiotwin.studies.beat import QUICK, BeatConfig, beat_config_from_toml

    cfg = QUICK if args.quick else BeatConfig()
    if args.config is not None:
        cfg = beat_config_from_toml(args.config, cfg)
    changes: dict[str, Any] = {}
    for key, attr in (("beats", "beats"), ("cycle_length_ms", "cycle_length"),
                      ("dt_ms", "dt"), ("ical_block", "ical_block"), ("Tref_kPa", "tref"),
                      ("edge_length_mm", "edge_length"), ("activation", "activation"),
                      ("lv_conductivity_factor", "lv_conductivity_factor"),
                      ("scar_radius_mm", "scar_radius"),
                      ("scar_stiffness_factor", "scar_stiffness"), ("drug", "drug"),
                      ("drug_cmax_multiple", "cmax_multiple"), ("labels", "labels_image"),
                      ("label_map", "label_map"), ("prepace_beats", "prepace"),
                      ("circulation_prime_beats", "prime_circulation"),
                      ("unload", "unload"), ("fast_forward", "fast_forward")):
        if getattr(args, attr) is not None:
            changes[key] = getattr(args, attr)
    if args.ep_edge_length is not None:
        changes["ep_edge_length_mm"] = args.ep_edge_length or None
    if args.material_scale is not None:
        changes["material"] = cfg.material.scaled(args.material_scale)
    return replace(cfg, **changes)  # at once: e.g. --labels-image needs --label-map


def _run_beat(args: argparse.Namespace) -> int:
    from mpi4py import MPI

    from cardiotwin.io.progress import ProgressBar
    from cardiotwin.studies.beat import run_beat

    cfg = _beat_config(args)
    bar = ProgressBar(MPI.COMM_WORLD, enabled=not args.json, label="beat")
    out = run_beat(MPI.COMM_WORLD, cfg, args.output, progress=bar,
                   resume=args.resume)
    bar.close()
    lines = [f"cardiotwin demo beat: results in {Path(args.output).resolve()}"]
    for v in ("lv", "rv"):
        m = out[v]
        lines.append(f"  {v.upper()}: EDV {m['edv_ml']:.1f} mL, ESV {m['esv_ml']:.1f} mL, EF "
                     f"{m['ef_percent']:.1f} %, peak {m['peak_pressure_mmhg']:.1f} mmHg, "
                     f"dP/dt max {m['dpdt_max_mmhg_per_s']:.0f} mmHg/s, EDP "
                     f"{m['edp_mmhg']:.1f} mmHg")
    if len(out["per_beat"]) > 1:
        lines.append("  beat by beat, LV / RV EDV (mL) and EF (%): " + "; ".join(
            f"{b['beat']}: {b['lv']['edv_ml']:.2f} / {b['rv']['edv_ml']:.2f}, "
            f"{b['lv']['ef_percent']:.1f} / {b['rv']['ef_percent']:.1f}"
            for b in out["per_beat"]))
    sub = out["substrate"]
    lines.append(f"  activation {sub['activation']}: total {out['total_activation_ms']:.1f} ms "
                 f"(95 % by {out['activation_95_ms']:.1f} ms), "
                 f"QT {out['qt_ms']:.0f} ms, mean APD90 {out['apd90_mean_ms']:.0f} ms"
                 + (f"; scar {sub['scar_volume_mL']:.2f} mL "
                    f"({sub['scar_percent_of_lv']:.1f} % of the LV wall)"
                    if sub["scar_volume_mL"] > 0 else ""))
    lines += [f"  {name}: {path}" for name, path in out["outputs"].items()]
    emit(args, out, lines)
    return 0
