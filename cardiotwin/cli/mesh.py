"""``cardiotwin mesh LABELS -o OUTDIR``: label image -> mesh, tags, fibres, report."""

from __future__ import annotations

import argparse
import logging

from cardiotwin.cli._common import dumps

logger = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``cardiotwin mesh`` (no heavy imports here)."""
    parser.add_argument("labels_file", metavar="LABELS",
                        help="label image: .nii/.nii.gz, .nrrd, .mha/.mhd, .vti, DICOM-SEG "
                             ".dcm or a DICOM series folder")
    parser.add_argument("-o", "--outdir", required=True, help="output folder")
    parser.add_argument("--labels", default=None, metavar="ROLE=VALUE,...",
                        help="label roles, e.g. lv-myocardium=1,lv-blood=3,rv-blood=5 "
                             "(roles: lv-myocardium, lv-blood, rv-myocardium, rv-blood, scar, "
                             "border-zone, la-blood, ra-blood; default: the phantom's "
                             "ventricles 1,3,2,4,5,6). Atrial roles build the atrial "
                             "surface model (in OUTDIR, or OUTDIR/atria next to ventricles)")
    parser.add_argument("--edge-length", type=float, default=None, metavar="MM",
                        help="target edge length, mm (default 1.0 for the ventricular "
                             "tetrahedra, 1.5 for the atrial triangles)")
    parser.add_argument("--rv-wall", type=float, default=3.0, metavar="MM",
                        help="thickness of the RV wall grown from rv-blood when there is no "
                             "rv-myocardium label, mm (default 3)")
    parser.add_argument("--helix-endo", type=float, default=60.0, metavar="DEG",
                        help="fibre helix angle at the endocardium, deg (default +60)")
    parser.add_argument("--helix-epi", type=float, default=-60.0, metavar="DEG",
                        help="fibre helix angle at the epicardium, deg (default -60)")
    parser.add_argument("--no-vtu", action="store_true", help="skip the ParaView VTU files")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    """Run the pipeline; print a summary (or the JSON report) on rank 0."""
    from pathlib import Path

    from cardiotwin.geometry.fibres import FibreAngles
    from cardiotwin.geometry.labels import PHANTOM_LABELS, LabelMap
    from cardiotwin.geometry.pipeline import build_geometry

    labels = LabelMap.parse(args.labels) if args.labels else PHANTOM_LABELS
    angles = FibreAngles(helix_endo_deg=args.helix_endo, helix_epi_deg=args.helix_epi)
    atrial, ventricular = labels.has_atria, labels.has_ventricles
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    report: dict = {}
    if ventricular:
        report = build_geometry(args.labels_file, args.outdir, labels,
                                edge_length_mm=args.edge_length or 1.0,
                                rv_wall_mm=args.rv_wall, angles=angles, vtu=not args.no_vtu)
    if atrial:
        from cardiotwin.geometry.atria import AtrialOptions
        from cardiotwin.geometry.pipeline import build_atrial_geometry

        options = AtrialOptions(**({"edge_length_mm": args.edge_length}
                                   if args.edge_length else {}))
        folder = Path(args.outdir) / "atria" if ventricular else Path(args.outdir)
        report["atria"] = build_atrial_geometry(args.labels_file, folder, labels,
                                                options=options, vtu=not args.no_vtu)
    if MPI.COMM_WORLD.rank != 0:
        return 0
    if args.json:
        print(dumps(report))
        return 0
    if atrial:
        a = report["atria"]
        print(f"atria: {a['vertices']} vertices, {a['cells']} triangles ({a['wall_model']} "
              f"model); landmarks found: {', '.join(a['landmarks_found']) or 'none'}; "
              f"{a['wall_s']:.1f} s; written to {a['folder']}")
    if ventricular:
        print(f"{report['cells']} tetrahedra, {report['vertices']} vertices; dihedral min "
              f"{report['min_dihedral_deg']:.1f} / mean {report['mean_dihedral_deg']:.1f} deg; "
              f"volume vs labels {100 * report['volume_rel_diff']:+.2f} %; helix endo "
              f"{report.get('helix_endo_deg', float('nan')):.1f} / epi "
              f"{report.get('helix_epi_deg', float('nan')):.1f} deg; {report['wall_s']:.1f} s")
        print(f"written to {args.outdir}")
    return 0
