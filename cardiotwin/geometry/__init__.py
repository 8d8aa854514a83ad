"""Patient geometry: label image -> tetrahedral mesh -> boundary tags -> LDRB fibres.

Public functions (imported lazily, so ``import cardiotwin.geometry`` loads neither
dolfinx nor gmsh):

- :func:`read_label_image` -> :class:`LabelImage`
- :func:`mesh_from_labels` -> :class:`TetMesh` (numpy arrays, mm)
- :func:`build_geometry` -> report dict (the whole pipeline behind ``cardiotwin mesh``);
  :func:`mesh_labels` -> the built :class:`Geometry`
- :func:`load_phantom` -> the shipped phantom biventricle
- regions (:mod:`cardiotwin.geometry.regions`): :class:`Box`, :class:`Sphere`,
  :class:`Tagged`, :class:`CoordinateRange`...
- :func:`ldrb_fibres` -> :class:`Fibres` (dolfinx Functions)
- :func:`load_geometry` -> :class:`Geometry` (works under ``mpiexec``)
- :func:`mesh_quality`, :class:`LabelMap`, :class:`FibreAngles`
- :func:`evaluate_at` - a field at a point, interpolated, partition-independent
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "LabelImage": "image", "read_label_image": "image",
    "LabelMap": "labels", "PHANTOM_LABELS": "labels", "MMWHS_LABELS": "labels",
    "CELL_TAG_IDS": "labels", "FACET_TAG_IDS": "labels",
    "TetMesh": "meshing", "mesh_from_labels": "meshing",
    "mesh_quality": "quality",
    "evaluate_at": "probe",
    "FibreAngles": "fibres", "Fibres": "fibres", "ldrb_fibres": "fibres",
    "Geometry": "io", "load_geometry": "io", "write_geometry": "io", "to_dolfinx": "io",
    "load_phantom": "io", "PHANTOM_FOLDER": "io",
    "build_geometry": "pipeline", "mesh_labels": "pipeline",
    "Box": "regions", "Sphere": "regions", "PointSet": "regions", "Line": "regions",
    "LabelImageRegion": "regions", "Tagged": "regions", "CoordinateRange": "regions",
    "FieldRange": "regions", "Intersection": "regions", "Union": "regions",
    "RegionResolver": "regions",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cardiotwin.geometry' has no attribute '{name}'")
    return getattr(importlib.import_module(f"cardiotwin.geometry.{module}"), name)


def __dir__() -> list[str]:
    return __all__
