"""
Unloading: the stress-free heart behind an image taken under load
=================================================================

A heart in a CT or MR image is filled: its cavities are at the end-diastolic pressures.
A model that takes the imaged mesh as stress-free and fills it starts larger than the
patient's heart.  This script reads the phantom biventricle (or a patient's label image)
as imaged at the end-diastolic pressures (8 mmHg LV, 4 mmHg RV), finds its stress-free
reference by backward displacement with Aitken relaxation (``ct.unload``), and compares
the unloaded LV volume with Klotz et al.'s (2006) single-beat estimate
``V0 = EDV (0.6 - 0.006 EDP)``.  Runs serially or under ``mpiexec -n 2``::

    python examples/unloading.py
    python examples/unloading.py --labels-image mmwhs.nii.gz \\
        --label-map lv-myocardium=1,lv-blood=3,rv-blood=5
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description="unload an imaged heart")
    ap.add_argument("--labels-image", default=None, help="label image (default: the phantom)")
    ap.add_argument("--label-map", default=None, help="label roles, as `cardiotwin mesh`")
    ap.add_argument("--edge-length", type=float, default=6.0, help="mechanics mesh size, mm")
    ap.add_argument("--workdir", default=None, help="where the meshes are cached")
    args = ap.parse_args(argv)

    from mpi4py import MPI

    import cardiotwin as ct
    from cardiotwin.mechanics.edpvr import klotz_unloaded_volume_mL
    from cardiotwin.units import kPa_to_mmHg

    comm = MPI.COMM_WORLD
    cfg = ct.BeatConfig(edge_length_mm=args.edge_length, labels=args.labels_image,
                        label_map=args.label_map)
    scratch = None if args.workdir else comm.bcast(tempfile.mkdtemp() if comm.rank == 0 else None)
    workdir = args.workdir or scratch
    heart = ct.beat_heart(comm, cfg, workdir)
    res = ct.unload(heart.mechanics, ct.UnloadingConfig(heart.edp_kPa))
    out = {"iterations": res.iterations,
           "mismatch_mm": [round(m, 4) for m in res.mismatch_mm],
           "max_shift_mm": round(res.max_shift_mm, 2)}
    for cavity, p_kPa in heart.edp_kPa.items():
        imaged = res.imaged_volumes_mm3[cavity] / 1000.0
        out[cavity] = {"edp_mmHg": round(kPa_to_mmHg(p_kPa), 1),
                       "imaged_ml": round(imaged, 2),
                       "unloaded_ml": round(res.unloaded_volumes_mm3[cavity] / 1000.0, 2),
                       "klotz_v0_ml": round(klotz_unloaded_volume_mL(
                           imaged, kPa_to_mmHg(p_kPa)), 2)}
    heart.mechanics.close()
    comm.barrier()
    if comm.rank == 0:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
        print(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main()
