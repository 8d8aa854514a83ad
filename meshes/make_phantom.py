"""Write the shipped biventricular phantom and its coarse mesh (deterministic).

Usage (from the repository root)::

    .venv/bin/python meshes/make_phantom.py            # images + meshes/phantom_biv/
    .venv/bin/python meshes/make_phantom.py --no-mesh  # images only

Outputs, all in ``meshes/`` (see ``meshes/README.md``):

- ``phantom_biv_labels.nii.gz``: uint8 label image (codes of
  :data:`cardiotwin.geometry.labels.PHANTOM_LABELS`);
- ``phantom_biv_ct.nii.gz``: int16 CT-like intensity image (HU) with noise;
- ``phantom_biv/``: the mesh, tags and LDRB fibres at a 2.5 mm edge length;
- ``phantom_heart_labels.nii.gz``: the whole-heart phantom, the same ventricles plus both
  atrial blood pools (codes 7, 8; :func:`cardiotwin.geometry.phantom.make_atrial_phantom`)
  on a larger grid; ``phantom_heart_lge.nii.gz``: its LGE-like image of the atrial wall
  with fibrotic patches;
- ``phantom_atria/``: the atrial surfaces (2 mm triangles), landmarks, atrial coordinates,
  fibres and inter-atrial links.

``--atria-only`` writes the last three only (the biventricle files untouched).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
EDGE_LENGTH_MM = 2.5
ATRIA_EDGE_LENGTH_MM = 2.0


def main() -> None:
    import nibabel

    from cardiotwin.geometry.phantom import PhantomSpec, make_phantom

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-mesh", action="store_true", help="write the images only")
    parser.add_argument("--edge-length", type=float, default=EDGE_LENGTH_MM)
    parser.add_argument("--atria-only", action="store_true",
                        help="write the whole-heart images and the atrial mesh only")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    _atria(args.no_mesh)
    if args.atria_only:
        return

    labels, ct, spacing, origin, direction = make_phantom(PhantomSpec())
    affine = np.eye(4)
    affine[:3, :3] = direction * spacing
    affine[:3, 3] = origin
    for name, data in (("phantom_biv_labels.nii.gz", labels), ("phantom_biv_ct.nii.gz", ct)):
        img = nibabel.Nifti1Image(data, affine)
        img.header.set_xyzt_units("mm")
        img.set_qform(affine, code=1)
        img.set_sform(affine, code=1)
        nibabel.save(img, HERE / name)
    if not args.no_mesh:
        from cardiotwin.geometry.pipeline import build_geometry

        report = build_geometry(HERE / "phantom_biv_labels.nii.gz", HERE / "phantom_biv",
                                edge_length_mm=args.edge_length, vtu=False)
        logging.getLogger("make_phantom").info(
            "%d cells, %d vertices, volume %+.2f %%, helix endo %.1f epi %.1f deg",
            report["cells"], report["vertices"], 100 * report["volume_rel_diff"],
            report["helix_endo_deg"], report["helix_epi_deg"])


def _atria(no_mesh: bool) -> None:
    """The whole-heart phantom images and the atrial surface mesh."""
    import nibabel

    from cardiotwin.geometry.phantom import PhantomSpec, make_atrial_phantom

    labels, lge, spacing, origin, direction = make_atrial_phantom(PhantomSpec())
    affine = np.eye(4)
    affine[:3, :3] = direction * spacing
    affine[:3, 3] = origin
    for name, data in (("phantom_heart_labels.nii.gz", labels),
                       ("phantom_heart_lge.nii.gz", lge)):
        img = nibabel.Nifti1Image(data, affine)
        img.header.set_xyzt_units("mm")
        img.set_qform(affine, code=1)
        img.set_sform(affine, code=1)
        nibabel.save(img, HERE / name)
    if no_mesh:
        return
    from cardiotwin.geometry.atria import AtrialOptions
    from cardiotwin.geometry.labels import PHANTOM_HEART_LABELS
    from cardiotwin.geometry.pipeline import build_atrial_geometry

    report = build_atrial_geometry(HERE / "phantom_heart_labels.nii.gz", HERE / "phantom_atria",
                                   PHANTOM_HEART_LABELS,
                                   options=AtrialOptions(edge_length_mm=ATRIA_EDGE_LENGTH_MM),
                                   vtu=False)
    logging.getLogger("make_phantom").info("atria: %d triangles, %d vertices, landmarks %s",
                                           report["cells"], report["vertices"],
                                           ", ".join(report["landmarks_found"]))


if __name__ == "__main__":
    main()
