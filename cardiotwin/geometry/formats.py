"""Meshes from elsewhere: openCARP ``.pts/.elem/.lon``, VTK/VTU and gmsh files, read and written.

Published cohorts come as openCARP meshes (e.g. four-chamber hearts), VTU files with fibre
arrays, or gmsh meshes with physical groups.  :func:`read_mesh` turns any of them into a
simulation-ready :class:`~cardiotwin.geometry.io.Geometry` (distributed over the ranks),
with the tags, tag names and fibres the file holds; :func:`write_mesh` writes a geometry in
those formats.

- **openCARP**: ``NAME.pts`` (vertex count, then ``x y z``; µm by openCARP's convention,
  see ``length_unit``), ``NAME.elem`` (count, then ``Tt i j k l region``), optional
  ``NAME.lon`` (count of directions per element, 1 or 2, then the fibre and optionally the
  sheet of every element) and ``NAME.<tag>.surf`` files (count, then ``Tr i j k``
  triangles) as facet tags;
- **VTU/VTK**: tetrahedra (and triangles as facets) through meshio; cell tags from the first
  of ``cell_tags``, ``tags``, ``elemTag``, ``region``, ``gmsh:physical``; fibres from
  ``f0``/``fibres``/``fibers``/``fiber``/``fibre`` (point or cell data), sheets from
  ``s0``/``sheet``/``sheets``; ``transmural``/``apicobasal`` point data as coordinates;
- **gmsh**: ``.msh`` through meshio: tetrahedra and triangles with their physical groups;
  the group names become tag names.

Element-wise fibres are turned into the vertex fields the solvers use by averaging, at
every vertex, the structure tensors ``f f^T`` of its elements and taking the principal
eigenvector (fibre directions have no sign, so plain averaging would cancel them).

When the file has no fibres but names the facet tags LDRB needs (``lv-endocardium``,
``epicardium``, ``base``; optionally ``rv-endocardium``), fibres and ventricular
coordinates are computed (:func:`cardiotwin.geometry.fibres.ldrb_fibres`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import MeshError

logger = logging.getLogger(__name__)

#: Length units of coordinates in files -> factor to mm.
LENGTH_UNITS = {"mm": 1.0, "um": 1e-3, "µm": 1e-3, "cm": 10.0, "m": 1e3}

_CELL_TAG_KEYS = ("cell_tags", "tags", "elemTag", "region", "gmsh:physical")
_FIBRE_KEYS = ("f0", "fibres", "fibers", "fiber", "fibre")
_SHEET_KEYS = ("s0", "sheet", "sheets")


@dataclass
class MeshData:
    """A tagged tetrahedral mesh held in arrays (mm), before distribution.

    ``fibres``/``sheets`` are per vertex (n, 3) or None; ``coordinates`` are vertex
    fields such as ``transmural``.
    """

    points: np.ndarray
    cells: np.ndarray
    cell_values: np.ndarray
    facets: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), np.int64))
    facet_values: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    cell_tag_ids: dict[str, int] = field(default_factory=dict)
    facet_tag_ids: dict[str, int] = field(default_factory=dict)
    fibres: np.ndarray | None = None
    sheets: np.ndarray | None = None
    coordinates: dict[str, np.ndarray] = field(default_factory=dict)
    source: str = ""

    def check(self) -> None:
        """Raise :class:`MeshError` naming the file if the arrays do not fit together."""
        n = len(self.points)
        if self.points.ndim != 2 or self.points.shape[1] != 3 or n == 0:
            raise MeshError(f"{self.source}: no 3-D vertex coordinates")
        if self.cells.ndim != 2 or self.cells.shape[1] != 4 or len(self.cells) == 0:
            raise MeshError(f"{self.source}: no tetrahedra (only tetrahedral meshes are "
                            "supported)")
        if self.cells.min() < 0 or self.cells.max() >= n:
            raise MeshError(f"{self.source}: element vertex index out of range 0..{n - 1}")
        if len(self.cell_values) != len(self.cells):
            raise MeshError(f"{self.source}: {len(self.cell_values)} element tags for "
                            f"{len(self.cells)} elements")
        if len(self.facets) and (self.facets.min() < 0 or self.facets.max() >= n):
            raise MeshError(f"{self.source}: surface vertex index out of range 0..{n - 1}")
        for name, arr in (("fibres", self.fibres), ("sheets", self.sheets),
                          *self.coordinates.items()):
            if arr is not None and len(arr) != n:
                raise MeshError(f"{self.source}: {name} has {len(arr)} rows for {n} vertices")


# ----------------------------------------------------------------------------- helpers
def _unit_rows(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.where(n > 0, n, 1.0)


def cell_to_vertex_directions(cells: np.ndarray, directions: np.ndarray,
                              n_vertices: int) -> np.ndarray:
    """Vertex directions from element directions: principal axis of the summed ``d d^T``."""
    d = _unit_rows(np.asarray(directions, float))
    tensors = np.einsum("ci,cj->cij", d, d)
    acc = np.zeros((n_vertices, 3, 3))
    for k in range(cells.shape[1]):
        np.add.at(acc, cells[:, k], tensors)
    _, vecs = np.linalg.eigh(acc)
    out = vecs[:, :, -1]
    # a deterministic sign (the direction is axial): largest component positive
    sign = np.sign(out[np.arange(len(out)), np.argmax(np.abs(out), axis=1)])
    return out * np.where(sign == 0, 1.0, sign)[:, None]


def _length_factor(length_unit: str | None, default: str, source: str) -> float:
    unit = length_unit or default
    if unit not in LENGTH_UNITS:
        raise MeshError(f"{source}: length_unit {unit!r}: expected one of "
                        f"{', '.join(LENGTH_UNITS)}")
    return LENGTH_UNITS[unit]


def _read_counted(path: Path, what: str) -> list[str]:
    if not path.is_file():
        raise MeshError(f"{what} file not found: {path}")
    lines = [ln for ln in path.read_text().splitlines() if ln.strip()]
    if not lines:
        raise MeshError(f"{path}: empty {what} file")
    try:
        count = int(lines[0].split()[0])
    except ValueError:
        raise MeshError(f"{path}: the first line must be the {what} count, got "
                        f"{lines[0]!r}") from None
    rows = lines[1:]
    if len(rows) < count:
        raise MeshError(f"{path}: announces {count} rows but has {len(rows)}")
    return rows[:count]


# ----------------------------------------------------------------------------- openCARP
def _read_opencarp(base: Path, length_unit: str | None,
                   cell_tag_names: Mapping[str, int] | None) -> MeshData:
    factor = _length_factor(length_unit, "um", str(base))
    pts_rows = _read_counted(base.with_suffix(".pts"), "vertex (.pts)")
    try:
        points = np.array([r.split()[:3] for r in pts_rows], dtype=float) * factor
    except ValueError as exc:
        raise MeshError(f"{base.with_suffix('.pts')}: bad coordinates ({exc})") from None
    elem_rows = _read_counted(base.with_suffix(".elem"), "element (.elem)")
    kinds = {r.split()[0] for r in elem_rows}
    if kinds != {"Tt"}:
        raise MeshError(f"{base.with_suffix('.elem')}: element types {sorted(kinds)}; only "
                        "tetrahedra ('Tt') are supported")
    try:
        el = np.array([r.split()[1:6] for r in elem_rows], dtype=np.int64)
    except ValueError as exc:
        raise MeshError(f"{base.with_suffix('.elem')}: bad element row ({exc})") from None
    cells = el[:, :4]
    regions = el[:, 4] if el.shape[1] > 4 else np.zeros(len(el), np.int64)
    data = MeshData(points, cells, regions.astype(np.int32), source=str(base))
    data.cell_tag_ids = dict(cell_tag_names or {f"region-{r}": int(r)
                                                for r in np.unique(regions)})
    lon = base.with_suffix(".lon")
    if lon.is_file():
        lines = [ln for ln in lon.read_text().splitlines() if ln.strip()]
        ndir = int(lines[0].split()[0])
        vals = np.array([ln.split() for ln in lines[1:len(cells) + 1]], dtype=float)
        if vals.shape != (len(cells), 3 * ndir):
            raise MeshError(f"{lon}: expected {len(cells)} rows of {3 * ndir} numbers")
        data.fibres = cell_to_vertex_directions(cells, vals[:, :3], len(points))
        if ndir > 1:
            data.sheets = cell_to_vertex_directions(cells, vals[:, 3:6], len(points))
    facets, fvals = [], []
    for i, surf in enumerate(sorted(base.parent.glob(base.name + ".*.surf"))):
        tag = surf.name[len(base.name) + 1:-len(".surf")]
        rows = _read_counted(surf, "surface (.surf)")
        tri = np.array([r.split()[1:4] for r in rows], dtype=np.int64)
        facets.append(tri)
        fvals.append(np.full(len(tri), i + 1, np.int32))
        data.facet_tag_ids[tag] = i + 1
    if facets:
        data.facets, data.facet_values = np.concatenate(facets), np.concatenate(fvals)
    return data


def write_opencarp(data: MeshData, base: str | Path) -> dict[str, str]:
    """Write ``base.pts`` (µm), ``base.elem``, ``base.lon`` and one ``base.<tag>.surf`` per
    facet tag.  Element fibres are the vertex fibres averaged over each element."""
    base = Path(base)
    base.parent.mkdir(parents=True, exist_ok=True)
    files = {"pts": str(base.with_suffix(".pts")), "elem": str(base.with_suffix(".elem"))}
    with open(files["pts"], "w") as f:
        f.write(f"{len(data.points)}\n")
        np.savetxt(f, data.points * 1e3, fmt="%.6f")
    with open(files["elem"], "w") as f:
        f.write(f"{len(data.cells)}\n")
        for c, r in zip(data.cells, data.cell_values, strict=True):
            f.write(f"Tt {c[0]} {c[1]} {c[2]} {c[3]} {r}\n")
    if data.fibres is not None:
        dirs = [data.fibres] + ([data.sheets] if data.sheets is not None else [])
        cols = []
        for d in dirs:
            e = np.einsum("cki,ckj->cij", d[data.cells], d[data.cells])
            cols.append(np.linalg.eigh(e)[1][:, :, -1])
        files["lon"] = str(base.with_suffix(".lon"))
        with open(files["lon"], "w") as f:
            f.write(f"{len(dirs)}\n")
            np.savetxt(f, np.hstack(cols), fmt="%.6f")
    for name, tag in data.facet_tag_ids.items():
        tri = data.facets[data.facet_values == tag]
        path = base.parent / f"{base.name}.{name}.surf"
        with open(path, "w") as f:
            f.write(f"{len(tri)}\n")
            for t in tri:
                f.write(f"Tr {t[0]} {t[1]} {t[2]}\n")
        files[f"surf:{name}"] = str(path)
    return files


# ----------------------------------------------------------------------------- meshio
def _read_meshio(path: Path, length_unit: str | None,
                 cell_tag_names: Mapping[str, int] | None) -> MeshData:
    import meshio

    try:
        m = meshio.read(path)
    except Exception as exc:
        raise MeshError(f"{path}: meshio could not read it ({exc})") from exc
    factor = _length_factor(length_unit, "mm", str(path))
    points = np.asarray(m.points, float)[:, :3] * factor
    blocks = {b.type: i for i, b in enumerate(m.cells)}
    if "tetra" not in blocks:
        raise MeshError(f"{path}: no tetrahedra (cell blocks: {', '.join(blocks) or 'none'})")
    ti = blocks["tetra"]
    cells = np.asarray(m.cells[ti].data, np.int64)

    def cell_array(keys: tuple[str, ...], block: int) -> np.ndarray | None:
        for k in keys:
            if k in m.cell_data:
                return np.asarray(m.cell_data[k][block])
        return None

    tags = cell_array(_CELL_TAG_KEYS, ti)
    data = MeshData(points, cells,
                    np.zeros(len(cells), np.int32) if tags is None else tags.astype(np.int32),
                    source=str(path))
    named = {str(k): int(v[0]) for k, v in (m.field_data or {}).items()
             if len(v) >= 2 and int(v[1]) == 3}
    data.cell_tag_ids = dict(cell_tag_names or named or {
        f"region-{r}": int(r) for r in np.unique(data.cell_values)})
    if "triangle" in blocks:
        tri = blocks["triangle"]
        ftags = cell_array(_CELL_TAG_KEYS, tri)
        if ftags is not None:
            data.facets = np.asarray(m.cells[tri].data, np.int64)
            data.facet_values = ftags.astype(np.int32)
            fnamed = {str(k): int(v[0]) for k, v in (m.field_data or {}).items()
                      if len(v) >= 2 and int(v[1]) == 2}
            data.facet_tag_ids = fnamed or {f"surface-{r}": int(r)
                                            for r in np.unique(data.facet_values)}
    for keys, attr in ((_FIBRE_KEYS, "fibres"), (_SHEET_KEYS, "sheets")):
        pd = next((np.asarray(m.point_data[k], float) for k in keys if k in m.point_data),
                  None)
        if pd is not None:
            setattr(data, attr, _unit_rows(pd[:, :3]))
            continue
        cd = cell_array(keys, ti)
        if cd is not None:
            setattr(data, attr, cell_to_vertex_directions(cells, np.asarray(cd, float)[:, :3],
                                                          len(points)))
    for name in ("transmural", "apicobasal"):
        if name in m.point_data:
            data.coordinates[name] = np.asarray(m.point_data[name], float).reshape(-1)
    return data


def write_vtu(data: MeshData, path: str | Path) -> str:
    """Write tetrahedra with ``cell_tags``, fibres (``f0``, ``s0``) and coordinates."""
    import meshio

    point_data = {k: v for k, v in (("f0", data.fibres), ("s0", data.sheets)) if v is not None}
    point_data.update(data.coordinates)
    meshio.write(str(path), meshio.Mesh(data.points, [("tetra", data.cells)],
                                        point_data=point_data,
                                        cell_data={"cell_tags": [data.cell_values]}))
    return str(path)


# ----------------------------------------------------------------------------- public
def read_mesh_data(path: str | Path, *, length_unit: str | None = None,
                   cell_tag_names: Mapping[str, int] | None = None) -> MeshData:
    """Read a mesh file into :class:`MeshData` (serial; see the module docstring).

    Parameters
    ----------
    path
        An openCARP mesh (any of ``NAME.pts``/``NAME.elem``, or ``NAME`` itself), a
        ``.vtu``/``.vtk`` file or a gmsh ``.msh`` file.
    length_unit
        Unit of the file's coordinates (``"um"``, ``"mm"``, ``"cm"``, ``"m"``); default
        µm for openCARP, mm otherwise.
    cell_tag_names
        Tag name -> element tag value (e.g. ``{"lv-myocardium": 1, "scar": 3}``) for
        formats whose tags have no names.
    """
    p = Path(path)
    if p.suffix in (".pts", ".elem", ".lon") or (not p.suffix and p.with_suffix(".pts")
                                                   .is_file()):
        data = _read_opencarp(p.with_suffix(""), length_unit, cell_tag_names)
    elif p.suffix in (".vtu", ".vtk", ".msh"):
        if not p.is_file():
            raise MeshError(f"mesh file not found: {p}")
        data = _read_meshio(p, length_unit, cell_tag_names)
    else:
        raise MeshError(f"{p}: unknown mesh format; expected openCARP (.pts/.elem), .vtu, "
                        ".vtk or .msh")
    data.check()
    return data


def read_mesh(path: str | Path, *, comm: Any = None, length_unit: str | None = None,
              cell_tag_names: Mapping[str, int] | None = None) -> Any:
    """A simulation-ready :class:`~cardiotwin.geometry.io.Geometry` from a mesh file.

    The file is read on rank 0 (errors reach every rank), the mesh distributed, the
    vertex fields (fibres, sheets, coordinates) mapped to the ranks' vertices; fibres are
    computed with LDRB when the file has none but has the needed facet tags.  Collective.
    """
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    from cardiotwin._mpi import on_root
    from cardiotwin.geometry.fibres import FibreAngles, Fibres, ldrb_fibres
    from cardiotwin.geometry.io import Geometry, point_functions, to_dolfinx

    comm = comm or MPI.COMM_WORLD
    data = on_root(comm, lambda: read_mesh_data(path, length_unit=length_unit,
                                                cell_tag_names=cell_tag_names),
                   what=f"reading {path}")
    mesh, cell_tags, facet_tags = to_dolfinx(data if comm.rank == 0 else None, comm)
    meta = comm.bcast(None if comm.rank else (data.cell_tag_ids, data.facet_tag_ids,
                                              data.fibres is not None,
                                              data.sheets is not None,
                                              sorted(data.coordinates)), root=0)
    cell_ids, facet_ids, has_f, has_s, coord_names = meta
    arrays = {}
    if comm.rank == 0:
        if has_f:
            arrays["f0"] = data.fibres
        if has_s:
            arrays["s0"] = data.sheets
        arrays.update(data.coordinates)
    names = {**({"f0": 3} if has_f else {}), **({"s0": 3} if has_s else {}),
             **dict.fromkeys(coord_names, 1)}
    funcs = point_functions(mesh, arrays if comm.rank == 0 else None, names)
    needed = {"lv-endocardium", "epicardium", "base"}
    if has_f:
        fibres = Fibres(funcs["f0"], funcs.get("s0"), None, funcs.get("transmural"),
                        funcs.get("apicobasal"))
    elif needed <= set(facet_ids):
        fibres = ldrb_fibres(mesh, facet_tags, tag_ids=facet_ids, angles=FibreAngles())
    else:
        raise MeshError(f"{path}: the mesh has no fibres and no facet tags named "
                        f"{', '.join(sorted(needed))} to compute them from (tags: "
                        f"{', '.join(facet_ids) or 'none'}); give a .lon file / fibre array, "
                        "or name the surfaces")
    return Geometry(mesh, cell_tags, facet_tags, dict(cell_ids), dict(facet_ids), fibres,
                    {"source": str(path), "format": Path(path).suffix or "openCARP"})


def write_mesh(geometry: Any, path: str | Path) -> dict[str, str]:
    """Write a geometry as openCARP files (``path`` without suffix or ``.pts``) or VTU.

    Collective; rank 0 writes.  Returns the written files.
    """
    from cardiotwin.geometry.io import geometry_arrays

    data = geometry_arrays(geometry)
    files: dict[str, str] = {}
    if geometry.mesh.comm.rank == 0:
        p = Path(path)
        if p.suffix == ".vtu":
            files = {"vtu": write_vtu(data, p)}
        elif p.suffix in ("", ".pts"):
            files = write_opencarp(data, p.with_suffix(""))
        else:
            raise MeshError(f"{p}: write_mesh writes openCARP (no suffix or .pts) or .vtu")
    return geometry.mesh.comm.bcast(files, root=0)
