"""Reading the XDMF (+HDF5) files that dolfinx writes, without dolfinx or MPI.

``cardiotwin plot`` and other post-processing read results folders with this: the mesh
(first uniform grid with a topology), and every nodal function of the temporal
collections, one time step at a time (a long series is never loaded whole).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require
from cardiotwin.exceptions import CardiotwinError

#: XDMF topology type -> (VTK cell type, points per cell)
CELL_TYPES: dict[str, tuple[int, int]] = {
    "Tetrahedron": (10, 4), "Hexahedron": (12, 8), "Triangle": (5, 3),
    "Quadrilateral": (9, 4), "PolyLine": (3, 2),
}


@dataclass(frozen=True)
class XdmfMesh:
    """Vertex coordinates (n, 3) (mm) and cells (m, k) of one XDMF grid."""

    points: npt.NDArray[np.float64]
    cells: npt.NDArray[np.int64]
    cell_type: str


class XdmfFile:
    """An XDMF file written by ``dolfinx.io.XDMFFile`` (mesh, tags, function series).

    Parameters
    ----------
    path
        The ``.xdmf`` file; its HDF5 file is found from the data item paths.

    Raises
    ------
    CardiotwinError
        If the file is missing or is not XDMF with HDF5 data items.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise CardiotwinError(f"XDMF file not found: {self.path}")
        try:
            root = ET.parse(self.path).getroot()
        except ET.ParseError as exc:
            raise CardiotwinError(f"{self.path} is not valid XDMF: {exc}") from exc
        domain = root.find("Domain")
        if domain is None:
            raise CardiotwinError(f"{self.path} is not valid XDMF: no <Domain>")
        self._mesh_items: tuple[ET.Element, ET.Element, str] | None = None
        self._series: dict[str, list[tuple[float, ET.Element]]] = {}
        for grid in domain.findall("Grid"):
            if grid.get("GridType") == "Collection":
                for step in grid.findall("Grid"):
                    self._add_function(step)
            else:
                topo, geom = grid.find("Topology"), grid.find("Geometry")
                if self._mesh_items is None and topo is not None and geom is not None:
                    self._mesh_items = (topo.find("DataItem"), geom.find("DataItem"),
                                        topo.get("TopologyType", ""))
        if self._mesh_items is None:
            raise CardiotwinError(f"{self.path}: no mesh (no grid with Topology and Geometry)")

    def _add_function(self, step: ET.Element) -> None:
        time_el = step.find("Time")
        t = float(time_el.get("Value", "0")) if time_el is not None else 0.0
        for att in step.findall("Attribute"):
            if att.get("Center", "Node") != "Node":
                continue
            item = att.find("DataItem")
            if item is not None:
                self._series.setdefault(att.get("Name", "f"), []).append((t, item))

    def _read(self, item: ET.Element) -> np.ndarray:
        try:
            h5py = require("h5py", extra="viz", purpose="Reading XDMF/HDF5 results")
        except ValueError as exc:  # h5py bound to another HDF5 loaded before it
            raise CardiotwinError(
                f"reading {self.path}: h5py cannot start in this process ({exc}); it was "
                "imported after dolfinx loaded its own HDF5. Import cardiotwin (or h5py) "
                "before dolfinx, or read the results in a separate process") from exc
        if item.get("Format") != "HDF":
            raise CardiotwinError(f"{self.path}: only HDF5 data items are supported, not "
                                  f"{item.get('Format')!r}")
        fname, _, dataset = (item.text or "").strip().partition(":")
        with h5py.File(self.path.parent / fname, "r") as f:
            data = np.asarray(f[dataset])
        dims = [int(d) for d in item.get("Dimensions", "").split()]
        return data.reshape(dims) if dims and np.prod(dims) == data.size else data

    @property
    def mesh(self) -> XdmfMesh:
        """The mesh of the file (read on each access)."""
        assert self._mesh_items is not None
        topo, geom, kind = self._mesh_items
        points = np.asarray(self._read(geom), float)
        points = points.reshape(-1, 3) if points.ndim == 1 else points
        if points.shape[1] == 2:
            points = np.column_stack([points, np.zeros(len(points))])
        if kind not in CELL_TYPES:
            raise CardiotwinError(f"{self.path}: cell type {kind!r} is not supported "
                                  f"({', '.join(CELL_TYPES)})")
        cells = np.asarray(self._read(topo), np.int64).reshape(-1, CELL_TYPES[kind][1])
        return XdmfMesh(points, cells, kind)

    @property
    def functions(self) -> list[str]:
        """Names of the nodal functions in the file."""
        return list(self._series)

    def times(self, name: str) -> npt.NDArray[np.float64]:
        """Output times (ms) of function ``name``."""
        if name not in self._series:
            raise CardiotwinError(f"{self.path} has no function {name!r}; it has: "
                                  f"{', '.join(self._series) or 'none'}")
        return np.array([t for t, _ in self._series[name]])

    def read(self, name: str, index: int = -1) -> npt.NDArray[np.float64]:
        """Values of ``name`` at its ``index``-th output time (one row per vertex)."""
        self.times(name)
        arr = np.asarray(self._read(self._series[name][index][1]), float)
        return arr[:, 0] if arr.ndim == 2 and arr.shape[1] == 1 else arr
