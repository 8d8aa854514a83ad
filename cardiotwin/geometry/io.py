"""Geometry on disk and in dolfinx: XDMF mesh + meshtags, per-vertex fibres, VTU.

An output folder written by :func:`write_geometry` holds

- ``mesh.xdmf`` / ``mesh.h5``: the mesh (``"mesh"``), cell tags (``"cell_tags"``) and
  facet tags (``"facet_tags"``), readable by dolfinx in parallel;
- ``fibres.npz``: ``f0``, ``s0``, ``n0`` (n, 3), ``transmural``, ``apicobasal`` (n,) and
  the vertex coordinates ``x`` (n, 3, mm), one row per vertex *in the order of the XDMF
  file*; :func:`load_geometry` maps them to the local vertices of each rank with
  ``mesh.geometry.input_global_indices`` and checks the coordinates;
- ``geometry.json``: tag name -> id maps and the build report;
- ``mesh.vtu`` (tetrahedra, cell tags, fibres, coordinates) and ``boundary.vtu``
  (triangles with facet tags) for ParaView.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.exceptions import MeshError
from cardiotwin.geometry.fibres import FibreAngles, Fibres

logger = logging.getLogger(__name__)

#: The phantom biventricle shipped with the source tree (``meshes/phantom_biv``).
PHANTOM_FOLDER = Path(__file__).resolve().parents[2] / "meshes" / "phantom_biv"
#: The phantom atria (endocardial surfaces) shipped with the source tree.
PHANTOM_ATRIA_FOLDER = Path(__file__).resolve().parents[2] / "meshes" / "phantom_atria"

MESH_FILE = "mesh.xdmf"
FIBRES_FILE = "fibres.npz"
META_FILE = "geometry.json"


@dataclass
class Geometry:
    """A simulation-ready myocardium: dolfinx mesh (mm), tags, fibres and coordinates.

    ``coordinates`` holds named P1 fields besides the fibres' own ventricular
    coordinates (e.g. the atrial coordinates ``la-alpha``, ``la-beta``, ``ra-alpha``,
    ``ra-beta`` and ``atrium`` of an atrial surface); ``links`` the discrete connections
    between surface points (:class:`cardiotwin.geometry.atria.Link`) that a monodomain
    model adds to its stiffness; ``table`` the vertex positions (``x``) and coordinates of
    the whole mesh, the same on every rank (regions drawn in coordinates use it).
    """

    mesh: Any
    cell_tags: Any
    facet_tags: Any
    cell_tag_ids: dict[str, int]
    facet_tag_ids: dict[str, int]
    fibres: Fibres
    report: dict = field(default_factory=dict)
    coordinates: dict[str, Any] = field(default_factory=dict)
    links: tuple = ()
    table: dict[str, np.ndarray] = field(default_factory=dict, repr=False)


#: dolfinx cell type of a mesh by the number of vertices of its cells
_CELL_TYPES = {4: "tetrahedron", 3: "triangle"}


def to_dolfinx(tetmesh, comm):
    """Distribute a mesh held on rank 0: a :class:`~cardiotwin.geometry.meshing.TetMesh`
    (tetrahedra), an :class:`~cardiotwin.geometry.atria.AtrialMesh` (triangles in 3-D) or
    any object with ``points``, ``cells``, ``cell_values``, ``facets``, ``facet_values``.

    Other ranks may pass ``None``. Returns ``(mesh, cell_tags, facet_tags)``.
    """
    import basix.ufl
    import ufl
    from dolfinx.graph import adjacencylist
    from dolfinx.io import distribute_entity_data
    from dolfinx.mesh import create_mesh, meshtags_from_entities

    k = comm.bcast(int(tetmesh.cells.shape[1]) if comm.rank == 0 else None, root=0)
    if k not in _CELL_TYPES:
        raise MeshError(f"cells with {k} vertices: expected tetrahedra (4) or triangles (3)")
    domain = ufl.Mesh(basix.ufl.element("Lagrange", _CELL_TYPES[k], 1, shape=(3,)))
    if comm.rank == 0:
        cells, x = tetmesh.cells.astype(np.int64), tetmesh.points.astype(np.float64)
        facets, fvals = tetmesh.facets.astype(np.int64), tetmesh.facet_values.astype(np.int32)
        cvals = tetmesh.cell_values.astype(np.int32)
    else:
        cells, x = np.empty((0, k), np.int64), np.empty((0, 3), np.float64)
        facets, fvals = np.empty((0, k - 1), np.int64), np.empty(0, np.int32)
        cvals = np.empty(0, np.int32)
    mesh = create_mesh(comm, cells, domain, x)
    tdim = mesh.topology.dim
    tags = []
    for dim, ents, vals, name in ((tdim, cells, cvals, "cell_tags"),
                                  (tdim - 1, facets, fvals, "facet_tags")):
        mesh.topology.create_connectivity(dim, 0)
        local_e, local_v = distribute_entity_data(mesh, dim, ents, vals)
        t = meshtags_from_entities(mesh, dim, adjacencylist(local_e.astype(np.int32)),
                                   local_v.astype(np.int32))
        t.name = name
        tags.append(t)
    mesh.topology.create_connectivity(tdim - 1, tdim)
    return mesh, tags[0], tags[1]


def _node_to_dof(mesh, V) -> np.ndarray:
    dofmaps = getattr(mesh.geometry, "dofmaps", None)  # dolfinx >= 0.11; 0.10: .dofmap
    nodes = (dofmaps[0] if dofmaps is not None else mesh.geometry.dofmap).ravel()
    dofs = V.dofmap.list.ravel()
    out = np.empty(len(mesh.geometry.x), dtype=np.int64)
    out[nodes] = dofs
    return out


def _gather_rows(comm, index: np.ndarray, rows: dict[str, np.ndarray], n: int):
    """Gather owned rows keyed by a global index to rank 0, ordered by that index."""
    parts = comm.gather((index, rows), root=0)
    if comm.rank != 0:
        return None
    out = {}
    for key in rows:
        first = rows[key]
        arr = np.zeros((n, *first.shape[1:]), dtype=first.dtype)
        for idx, r in parts:
            arr[idx] = r[key]
        out[key] = arr
    return out


#: vertex arrays of a fibre set (name -> components)
_FIBRE_FIELDS = {"f0": 3, "s0": 3, "n0": 3, "transmural": 1, "apicobasal": 1}


def _owned_rows(mesh, fibres: Fibres, coordinates: dict[str, Any] | None = None
                ) -> dict[str, np.ndarray]:
    from dolfinx import fem

    n2d = _node_to_dof(mesh, fem.functionspace(mesh, ("Lagrange", 1)))
    n_owned = mesh.geometry.index_map().size_local
    d = n2d[:n_owned]
    rows = {"x": mesh.geometry.x[:n_owned].copy()}
    fields_ = {k: getattr(fibres, k) for k in _FIBRE_FIELDS}
    fields_.update(coordinates or {})
    for key, fn in fields_.items():
        if fn is None or not hasattr(fn, "x"):
            continue
        rows[key] = (fn.x.array.reshape(-1, 3)[d] if _FIBRE_FIELDS.get(key) == 3
                     else fn.x.array[d])
    return rows


def vertex_data_by_input(mesh, fibres: Fibres, coordinates: dict[str, Any] | None = None
                         ) -> dict[str, np.ndarray] | None:
    """Coordinates, fibres and coordinates gathered on rank 0 in the input vertex order
    (the order of the arrays the mesh was created from); ``None`` on other ranks."""
    n_owned = mesh.geometry.index_map().size_local
    return _gather_rows(mesh.comm, np.asarray(mesh.geometry.input_global_indices[:n_owned]),
                        _owned_rows(mesh, fibres, coordinates),
                        mesh.geometry.index_map().size_global)


def write_geometry(outdir: str | Path, mesh, cell_tags, facet_tags, fibres: Fibres, *,
                   cell_tag_ids: dict[str, int], facet_tag_ids: dict[str, int],
                   report: dict | None = None, vtu: bool = True,
                   coordinates: dict[str, Any] | None = None,
                   links: tuple = ()) -> dict[str, str]:
    """Write the folder described in the module docstring (collective).

    ``coordinates`` (name -> P1 Function) are stored beside the fibres; ``links``
    (:class:`~cardiotwin.geometry.atria.Link`) in ``geometry.json``.  Returns the written
    files, name -> path.
    """
    from dolfinx.io import XDMFFile

    comm = mesh.comm
    out = Path(outdir)
    if comm.rank == 0:
        out.mkdir(parents=True, exist_ok=True)
    comm.Barrier()
    files = {"xdmf": str(out / MESH_FILE), "h5": str(out / "mesh.h5"),
             "fibres": str(out / FIBRES_FILE), "meta": str(out / META_FILE)}
    with XDMFFile(comm, files["xdmf"], "w") as f:
        f.write_mesh(mesh)
        f.write_meshtags(cell_tags, mesh.geometry)
        f.write_meshtags(facet_tags, mesh.geometry)

    imap = mesh.geometry.index_map()
    rows = _owned_rows(mesh, fibres, coordinates)
    file_index = np.arange(imap.local_range[0], imap.local_range[1])
    by_file = _gather_rows(comm, file_index, rows, imap.size_global)
    by_input = vertex_data_by_input(mesh, fibres, coordinates)
    if comm.rank == 0:
        a = fibres.angles
        np.savez_compressed(files["fibres"], **by_file,
                            angles_deg=np.array([a.helix_endo_deg, a.helix_epi_deg,
                                                 a.sheet_endo_deg, a.sheet_epi_deg]))
    if vtu:
        files.update(_write_vtu(out, mesh, cell_tags, facet_tags, by_input))
    if comm.rank == 0:
        meta = {"cell_tags": cell_tag_ids, "facet_tags": facet_tag_ids, "units": "mm",
                "files": {k: Path(v).name for k, v in files.items()},
                "coordinates": sorted(coordinates or {}),
                "links": [lk.as_dict() for lk in links],
                "report": report or {}}
        Path(files["meta"]).write_text(json.dumps(meta, indent=2, default=float))
    comm.Barrier()
    return files


def _write_vtu(out: Path, mesh, cell_tags, facet_tags, by_input) -> dict[str, str]:
    """VTU files in the input vertex order (gathered to rank 0)."""
    import meshio
    from dolfinx.mesh import entities_to_geometry

    comm = mesh.comm
    tdim = mesh.topology.dim
    igi = np.asarray(mesh.geometry.input_global_indices)
    blocks = []
    for tags, dim in ((cell_tags, tdim), (facet_tags, tdim - 1)):
        nodes = entities_to_geometry(mesh, dim, tags.indices, False)
        imap = mesh.topology.index_map(dim)
        owned = tags.indices < imap.size_local
        blocks.append(comm.gather((igi[nodes[owned]], tags.values[owned]), root=0))
    files = {"vtu": str(out / "mesh.vtu"), "boundary_vtu": str(out / "boundary.vtu")}
    if comm.rank == 0:
        pts = by_input["x"]
        pdata = {k: v for k, v in by_input.items() if k != "x"}
        cells = np.concatenate([c for c, _ in blocks[0]])
        cvals = np.concatenate([v for _, v in blocks[0]])
        kind, fkind = (("tetra", "triangle") if cells.shape[1] == 4 else ("triangle", "line"))
        meshio.write(files["vtu"], meshio.Mesh(pts, [(kind, cells)], point_data=pdata,
                                               cell_data={"cell_tags": [cvals]}))
        tris = np.concatenate([c for c, _ in blocks[1]])
        tvals = np.concatenate([v for _, v in blocks[1]])
        meshio.write(files["boundary_vtu"], meshio.Mesh(pts, [(fkind, tris)],
                                                        cell_data={"facet_tags": [tvals]}))
    return files


def point_functions(mesh, arrays: dict[str, np.ndarray] | None,
                    names: dict[str, int], *, on_every_rank: bool = False) -> dict[str, Any]:
    """P1 Functions from per-vertex arrays in the mesh's input order.

    The arrays are held by rank 0 (broadcast here), or already by every rank with
    ``on_every_rank``.  ``names``: array name -> components (1 scalar, 3 vector), known on
    every rank.  Collective.
    """
    from dolfinx import fem

    if not on_every_rank:
        arrays = mesh.comm.bcast(arrays, root=0)
    igi = np.asarray(mesh.geometry.input_global_indices, dtype=np.int64)
    V = fem.functionspace(mesh, ("Lagrange", 1))
    V3 = fem.functionspace(mesh, ("Lagrange", 1, (3,)))
    n2d = _node_to_dof(mesh, V)
    out = {}
    for key, comps in names.items():
        fn = fem.Function(V3 if comps == 3 else V, name=key)
        arr = fn.x.array.reshape(-1, 3) if comps == 3 else fn.x.array
        arr[n2d] = np.asarray(arrays[key])[igi]
        fn.x.scatter_forward()
        out[key] = fn
    return out


def geometry_arrays(geometry: Geometry) -> Any:
    """The geometry gathered on rank 0 as :class:`~cardiotwin.geometry.formats.MeshData`
    (input vertex order), ``None`` on the other ranks.  Collective."""
    from dolfinx.mesh import entities_to_geometry

    from cardiotwin.geometry.formats import MeshData

    mesh = geometry.mesh
    comm = mesh.comm
    tdim = mesh.topology.dim
    igi = np.asarray(mesh.geometry.input_global_indices)
    n_owned = mesh.geometry.index_map().size_local
    n = mesh.geometry.index_map().size_global
    fib = geometry.fibres
    rows = {"x": mesh.geometry.x[:n_owned].copy()}
    V = None
    for key in ("f0", "s0", "transmural", "apicobasal"):
        fn = getattr(fib, key, None)
        if fn is None or not hasattr(fn, "x"):
            continue
        V = fn.function_space
        d = _node_to_dof(mesh, V)[:n_owned]
        rows[key] = (fn.x.array.reshape(-1, 3)[d] if key in ("f0", "s0") else fn.x.array[d])
    by_input = _gather_rows(comm, igi[:n_owned], rows, n)
    blocks = []
    for tags, dim in ((geometry.cell_tags, tdim), (geometry.facet_tags, tdim - 1)):
        nodes = entities_to_geometry(mesh, dim, tags.indices, False)
        owned = tags.indices < mesh.topology.index_map(dim).size_local
        blocks.append(comm.gather((igi[nodes[owned]], tags.values[owned]), root=0))
    if comm.rank != 0:
        return None
    cells = np.concatenate([c for c, _ in blocks[0]])
    cvals = np.concatenate([v for _, v in blocks[0]])
    facets = np.concatenate([c for c, _ in blocks[1]]) if blocks[1] else np.zeros((0, 3))
    fvals = np.concatenate([v for _, v in blocks[1]]) if blocks[1] else np.zeros(0)
    return MeshData(by_input["x"], cells.astype(np.int64), cvals.astype(np.int32),
                    facets.astype(np.int64), fvals.astype(np.int32),
                    dict(geometry.cell_tag_ids), dict(geometry.facet_tag_ids),
                    fibres=by_input.get("f0"), sheets=by_input.get("s0"),
                    coordinates={k: by_input[k] for k in ("transmural", "apicobasal")
                                 if k in by_input}, source="geometry")


def load_geometry(outdir: str | Path, comm=None) -> Geometry:
    """Load a folder written by :func:`write_geometry` (works under ``mpiexec``).

    The mesh and tags are read from XDMF in parallel; fibres and coordinates come from
    ``fibres.npz`` (one row per vertex of the XDMF file), mapped to the local vertices
    with ``mesh.geometry.input_global_indices``.

    Parameters
    ----------
    outdir
        The geometry folder (e.g. ``meshes/phantom_biv``).
    comm
        MPI communicator (default ``MPI.COMM_WORLD``).

    Raises
    ------
    MeshError
        If a file is missing or the fibre file does not match the mesh.
    """
    from cardiotwin._deps import require_dolfinx

    require_dolfinx()
    from mpi4py import MPI

    from dolfinx.io import XDMFFile

    comm = comm or MPI.COMM_WORLD
    folder = Path(outdir)
    missing = [n for n in (MESH_FILE, "mesh.h5", FIBRES_FILE, META_FILE)
               if not (folder / n).is_file()]
    if missing:
        raise MeshError(f"{folder}: not a cardiotwin geometry folder (missing "
                        f"{', '.join(missing)}); create one with `cardiotwin mesh`")
    meta = json.loads((folder / META_FILE).read_text())
    with XDMFFile(comm, str(folder / MESH_FILE), "r") as f:
        mesh = f.read_mesh(name="mesh")
        tdim = mesh.topology.dim
        mesh.topology.create_connectivity(tdim - 1, tdim)
        cell_tags = f.read_meshtags(mesh, name="cell_tags")
        facet_tags = f.read_meshtags(mesh, name="facet_tags")
    data = np.load(folder / FIBRES_FILE)
    igi = np.asarray(mesh.geometry.input_global_indices, dtype=np.int64)
    if len(igi) and igi.max() >= len(data["x"]):
        raise MeshError(f"{folder / FIBRES_FILE}: holds {len(data['x'])} vertices, fewer "
                        "than the mesh")
    err = np.abs(data["x"][igi] - mesh.geometry.x).max() if len(igi) else 0.0
    if comm.allreduce(float(err), op=MPI.MAX) > 1e-6:
        raise MeshError(f"{folder / FIBRES_FILE}: vertex coordinates do not match "
                        f"{MESH_FILE} (was one of them rewritten?)")
    names = {k: c for k, c in _FIBRE_FIELDS.items() if k in data.files}
    extra = [k for k in meta.get("coordinates", []) if k in data.files]
    names.update(dict.fromkeys(extra, 1))
    if "f0" not in names:
        raise MeshError(f"{folder / FIBRES_FILE}: holds no fibre directions (f0)")
    funcs = point_functions(mesh, {k: data[k] for k in names}, names, on_every_rank=True)
    ang = data["angles_deg"] if "angles_deg" in data else (60.0, -60.0, 0.0, 0.0)
    fibres = Fibres(funcs["f0"], funcs.get("s0"), funcs.get("n0"), funcs.get("transmural"),
                    funcs.get("apicobasal"), FibreAngles(*(float(a) for a in ang)))
    from cardiotwin.geometry.atria import Link

    links = tuple(Link.from_dict(d) for d in meta.get("links", []))
    table = {"x": np.asarray(data["x"]), **{k: np.asarray(data[k]) for k in extra}}
    for k in ("transmural", "apicobasal"):
        if k in data.files:
            table[k] = np.asarray(data[k])
    return Geometry(mesh, cell_tags, facet_tags, dict(meta["cell_tags"]),
                    dict(meta["facet_tags"]), fibres, meta.get("report", {}),
                    coordinates={k: funcs[k] for k in extra}, links=links, table=table)


def load_phantom(comm=None) -> Geometry:
    """The shipped phantom biventricle (2.5 mm tetrahedra, scar and border zone tagged).

    Raises
    ------
    MeshError
        If this installation has no ``meshes/phantom_biv`` folder (a wheel without the
        source tree): build one with ``cardiotwin mesh`` from any label image.
    """
    if not (PHANTOM_FOLDER / META_FILE).is_file():
        raise MeshError(f"the shipped phantom {PHANTOM_FOLDER} is not in this installation; "
                        "mesh a label image with `cardiotwin mesh` (or ct.mesh_labels) instead")
    return load_geometry(PHANTOM_FOLDER, comm)


def load_phantom_atria(comm=None) -> Geometry:
    """The shipped phantom atria: endocardial surfaces of both atria (triangles, about
    2 mm), landmarks, atrial coordinates, fibres and inter-atrial links.

    Raises
    ------
    MeshError
        If this installation has no ``meshes/phantom_atria`` folder: build one with
        ``cardiotwin mesh meshes/phantom_heart_labels.nii.gz --labels la-blood=7,
        ra-blood=8,lv-blood=3,rv-blood=4 -o DIR``.
    """
    if not (PHANTOM_ATRIA_FOLDER / META_FILE).is_file():
        raise MeshError(f"the shipped phantom atria {PHANTOM_ATRIA_FOLDER} are not in this "
                        "installation; mesh a label image with `cardiotwin mesh` instead")
    return load_geometry(PHANTOM_ATRIA_FOLDER, comm)
