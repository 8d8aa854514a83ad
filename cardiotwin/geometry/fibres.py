"""Rule-based myocardial fibres (LDRB, Bayer et al. 2012) and ventricular coordinates.

Four Laplace problems on the myocardium, with Dirichlet data on the boundary tags:

==============  ==========================  =================================
field           = 1 on                      = 0 on
==============  ==========================  =================================
``phi_epi``     epicardium                  LV and RV endocardium
``phi_lv``      LV endocardium              epicardium, RV endocardium
``phi_rv``      RV endocardium              epicardium, LV endocardium
``psi``         base                        the apex vertex
==============  ==========================  =================================

Their gradients (lumped L2 projections onto P1) give at every vertex a local frame, which
is rotated by the helix angle alpha (about the transmural direction) and the sheet angle
beta (about the fibre) and blended with quaternion bi-spherical interpolation (bislerp)
exactly as in Algorithm 1 of

    J. D. Bayer, R. C. Blake, G. Plank, N. A. Trayanova, "A novel rule-based algorithm for
    assigning myocardial fiber orientation to computational heart models",
    Ann. Biomed. Eng. 40(10):2243-2254, 2012. doi:10.1007/s10439-012-0593-5

Helix angle convention: with ``e_t`` the transmural direction (endo -> epi), ``e_l`` the
longitudinal direction (apex -> base, tangent to the wall) and ``e_c = e_l x e_t``, the
fibre is ``cos(alpha) e_c + sin(alpha) e_l``.  The sheet direction ``s0`` is ``e_t``
rotated by beta about the fibre; ``n0 = f0 x s0``.

Coordinates: ``transmural`` is ``phi_epi`` (0 on the endocardium, 1 on the epicardium);
``apicobasal`` is the position along the long axis, 0 at the apex vertex and 1 at the
base plane (linear, unlike ``psi`` which rises steeply near its point source).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin._mpi import global_argmin
from cardiotwin.exceptions import ConfigError, MeshError, SolverError
from cardiotwin.geometry.labels import FACET_TAG_IDS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FibreAngles:
    """Helix (alpha) and sheet (beta) angles at the endo- and epicardium, degrees."""

    helix_endo_deg: float = 60.0
    helix_epi_deg: float = -60.0
    sheet_endo_deg: float = 0.0
    sheet_epi_deg: float = 0.0

    def __post_init__(self) -> None:
        for name in ("helix_endo_deg", "helix_epi_deg", "sheet_endo_deg", "sheet_epi_deg"):
            v = getattr(self, name)
            if not np.isfinite(v) or abs(v) > 90.0:
                raise ConfigError(f"FibreAngles.{name}={v}: expected an angle in [-90, 90] deg")


@dataclass(frozen=True)
class Fibres:
    """Fibre, sheet and sheet-normal directions and the ventricular coordinates.

    ``f0``, ``s0``, ``n0`` are unit directions: blocked vector P1 Functions (as
    :func:`ldrb_fibres` and :func:`cardiotwin.geometry.io.load_geometry` give), or constant
    3-vectors for slabs (``Fibres((1, 0, 0))``).  ``s0``/``n0`` may be omitted for
    transversely isotropic tissue (sigma_s == sigma_n).  ``transmural`` runs from 0
    (endocardium) to 1 (epicardium), ``apicobasal`` from 0 (apex) to 1 (base), both P1
    Functions (absent for slabs).
    """

    f0: Any
    s0: Any = None
    n0: Any = None
    transmural: Any = None
    apicobasal: Any = None
    angles: FibreAngles = FibreAngles()


# --- small vectorised linear algebra (arrays of shape (n, 3) and (n, 3, 3)) -------------

#: gradient magnitude (1/mm) below which a unit Laplace field counts as flat (its
#: direction is then dominated by solver noise, whose size is ~1e-10 /mm)
FLAT_GRADIENT_PER_MM = 1e-6
#: sum of the two ventricular potentials below which their ratio is not used (solver noise
#: is ~1e-11)
FLAT_POTENTIAL = 1e-6


def _normalise(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.where(n > 1e-300, n, 1.0)


def _axis(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Frames [e0 | e1 | e2] with e1 along u, e2 along v orthogonalised, e0 = e1 x e2."""
    e1 = _normalise(u)
    bad = np.linalg.norm(e1, axis=1) < 0.5  # vanishing gradient: any direction will do
    e1[bad] = (0.0, 0.0, 1.0)
    e2 = v - np.einsum("ij,ij->i", e1, v)[:, None] * e1
    bad = np.linalg.norm(e2, axis=1) <= 1e-8 * (np.linalg.norm(v, axis=1) + 1e-300)
    if bad.any():  # v parallel to u or zero: any direction orthogonal to e1
        trial = np.where(np.abs(e1[bad, :1]) < 0.9, [[1.0, 0.0, 0.0]], [[0.0, 1.0, 0.0]])
        e2[bad] = trial - np.einsum("ij,ij->i", e1[bad], trial)[:, None] * e1[bad]
    e2 = _normalise(e2)
    e0 = _normalise(np.cross(e1, e2))
    return np.stack([e0, e1, e2], axis=-1)


def _orient(q: np.ndarray, alpha: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """Rotate frames by alpha about e2 (helix) and beta about the new e0 (sheet)."""
    ca, sa, cb, sb = np.cos(alpha), np.sin(alpha), np.cos(beta), np.sin(beta)
    n = len(alpha)
    ra = np.zeros((n, 3, 3))
    ra[:, 0, 0], ra[:, 0, 1], ra[:, 1, 0], ra[:, 1, 1], ra[:, 2, 2] = ca, -sa, sa, ca, 1.0
    rb = np.zeros((n, 3, 3))
    rb[:, 0, 0], rb[:, 1, 1], rb[:, 1, 2], rb[:, 2, 1], rb[:, 2, 2] = 1.0, cb, sb, -sb, cb
    return q @ ra @ rb


_FLIPS = np.array([[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]], dtype=float)


def _bislerp(qa: np.ndarray, qb: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Bayer's bislerp: slerp from frame qa towards the closest of qb's axis-flipped
    variants (same fibre line), by fraction t in [0, 1]."""
    from scipy.spatial.transform import Rotation

    a = Rotation.from_matrix(qa).as_quat()
    best = None
    best_dot = np.full(len(t), -1.0)
    for flip in _FLIPS:
        b = Rotation.from_matrix(qb * flip[None, None, :]).as_quat()
        dot = np.abs(np.einsum("ij,ij->i", a, b))
        if best is None:
            best = b.copy()
        take = dot > best_dot
        best[take] = b[take]
        best_dot = np.maximum(best_dot, dot)
    dot = np.einsum("ij,ij->i", a, best)
    best[dot < 0] *= -1.0
    dot = np.clip(np.abs(dot), 0.0, 1.0)
    theta = np.arccos(dot)
    s = np.sin(theta)
    small = s < 1e-8
    w_a = np.where(small, 1.0 - t, np.sin((1.0 - t) * theta) / np.where(small, 1.0, s))
    w_b = np.where(small, t, np.sin(t * theta) / np.where(small, 1.0, s))
    q = w_a[:, None] * a + w_b[:, None] * best
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    return Rotation.from_quat(q).as_matrix()


def ldrb_frames(grad_psi: np.ndarray, phi_epi: np.ndarray, grad_epi: np.ndarray,
                phi_lv: np.ndarray, grad_lv: np.ndarray, phi_rv: np.ndarray | None,
                grad_rv: np.ndarray | None, angles: FibreAngles
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bayer's Algorithm 1 on arrays of vertex values; returns unit f0, s0, n0 (n, 3)."""
    a_endo, a_epi = np.deg2rad(angles.helix_endo_deg), np.deg2rad(angles.helix_epi_deg)
    b_endo, b_epi = np.deg2rad(angles.sheet_endo_deg), np.deg2rad(angles.sheet_epi_deg)
    e = np.clip(phi_epi, 0.0, 1.0)
    # A Laplace field can be flat where its Dirichlet data agree all around (e.g. phi_lv
    # on an RV free wall one tetrahedron thick, every vertex on the epicardium or the RV
    # endocardium): its gradient is then solver noise, whose direction changes with the
    # partition.  Such a vertex takes the other ventricle's transmural direction, or the
    # epicardial one when both are flat.
    g_lv = np.linalg.norm(grad_lv, axis=1)
    lv_ok = g_lv > FLAT_GRADIENT_PER_MM
    lv_dir = -grad_lv
    if phi_rv is None:
        d = np.zeros_like(e)
        lv_dir = np.where(lv_ok[:, None], lv_dir, grad_epi)
    else:
        g_rv = np.linalg.norm(grad_rv, axis=1)
        rv_ok = g_rv > FLAT_GRADIENT_PER_MM
        lv, rv = np.clip(phi_lv, 0.0, 1.0), np.clip(phi_rv, 0.0, 1.0)
        # where both potentials vanish (a vertex on an endocardium and the epicardium of
        # a wall one tetrahedron thick: the zero Dirichlet data win), their ratio is
        # solver noise; the gradients still say which endocardium is near
        flat = (lv + rv) <= FLAT_POTENTIAL
        d = np.divide(rv, lv + rv, out=np.zeros_like(e), where=~flat)
        d = np.where(flat, np.divide(g_rv, g_lv + g_rv, out=np.zeros_like(e),
                                     where=(g_lv + g_rv) > 0), d)
        d = np.where(lv_ok | ~rv_ok, d, 1.0)
        rv_dir = np.where(rv_ok[:, None], grad_rv,
                          np.where(lv_ok[:, None], lv_dir, grad_epi))
        lv_dir = np.where(lv_ok[:, None], lv_dir, rv_dir)
    alpha_s = a_endo * (1.0 - d) - a_endo * d
    beta_s = b_endo * (1.0 - d) - b_endo * d
    alpha_w = a_endo * (1.0 - e) + a_epi * e
    beta_w = b_endo * (1.0 - e) + b_epi * e
    q_lv = _orient(_axis(grad_psi, lv_dir), alpha_s, beta_s)
    if phi_rv is None:
        q_endo = q_lv
    else:
        q_rv = _orient(_axis(grad_psi, rv_dir), alpha_s, beta_s)
        q_endo = _bislerp(q_lv, q_rv, d)
    q_epi = _orient(_axis(grad_psi, grad_epi), alpha_w, beta_w)
    q = _bislerp(q_endo, q_epi, e)
    f0 = q[:, :, 0]
    s0 = q[:, :, 2]
    n0 = np.cross(f0, s0)
    return f0, s0, n0


def helix_angles_deg(f0: np.ndarray, transmural_dir: np.ndarray,
                     long_axis: np.ndarray) -> np.ndarray:
    """Helix angle of fibres in a local wall frame, degrees in (-90, 90].

    ``e_t`` = ``transmural_dir`` (endo -> epi), ``e_l`` = ``long_axis`` (apex -> base)
    made orthogonal to ``e_t``, ``e_c = e_l x e_t``; helix = atan2(f.e_l, f.e_c), with the
    fibre taken as a line (f and -f give the same angle).
    """
    e_t = _normalise(np.asarray(transmural_dir, dtype=float))
    a = np.broadcast_to(np.asarray(long_axis, dtype=float), e_t.shape)
    e_l = _normalise(a - np.einsum("ij,ij->i", a, e_t)[:, None] * e_t)
    e_c = np.cross(e_l, e_t)
    ang = np.degrees(np.arctan2(np.einsum("ij,ij->i", f0, e_l),
                                np.einsum("ij,ij->i", f0, e_c)))
    ang = np.where(ang > 90.0, ang - 180.0, ang)
    return np.where(ang <= -90.0, ang + 180.0, ang)


# --- dolfinx part -------------------------------------------------------------------------

def _laplace(V, facet_tags, one: list[int], zero: list[int], point_zero, name: str):
    import ufl
    from dolfinx import fem
    from dolfinx.fem.petsc import LinearProblem

    mesh = V.mesh
    fdim = mesh.topology.dim - 1
    bcs = []
    for ids, value in ((one, 1.0), (zero, 0.0)):
        facets = np.concatenate([facet_tags.find(i) for i in ids]) if ids else np.array(
            [], dtype=np.int32)
        dofs = fem.locate_dofs_topological(V, fdim, facets)
        bcs.append(fem.dirichletbc(fem.Constant(mesh, value), dofs, V))
    if point_zero is not None:
        p = np.asarray(point_zero)
        dofs = fem.locate_dofs_geometrical(
            V, lambda x: np.linalg.norm(x.T - p, axis=1) < 1e-6 * (1.0 + np.abs(p).max()))
        bcs.append(fem.dirichletbc(fem.Constant(mesh, 0.0), dofs, V))
    u, v = ufl.TrialFunction(V), ufl.TestFunction(V)
    a = ufl.inner(ufl.grad(u), ufl.grad(v)) * ufl.dx
    L = fem.Constant(mesh, 0.0) * v * ufl.dx
    prefix = f"cardiotwin_ldrb_{name}_"
    problem = LinearProblem(a, L, bcs=bcs, petsc_options_prefix=prefix,
                            petsc_options={"ksp_type": "cg", "pc_type": "gamg",
                                           "ksp_rtol": 1e-10, "ksp_atol": 1e-12,
                                           "ksp_max_it": 2000})
    uh = problem.solve()
    reason = problem.solver.getConvergedReason()
    if reason <= 0:
        raise SolverError(f"LDRB Laplace problem '{name}' did not converge (KSP reason "
                          f"{reason})")
    uh.x.scatter_forward()
    return uh


def _lumped_gradient(uh, V3, mass) -> np.ndarray:
    import ufl
    from dolfinx import fem, la

    w = ufl.TestFunction(V3)
    b = fem.assemble_vector(fem.form(ufl.inner(ufl.grad(uh), w) * ufl.dx))
    b.scatter_reverse(la.InsertMode.add)
    g = fem.Function(V3)
    g.x.array[:] = (b.array.reshape(-1, 3) / mass[:, None]).ravel()
    g.x.scatter_forward()
    return g.x.array.reshape(-1, 3).copy()


def ldrb_fibres(mesh, facet_tags, *, tag_ids: dict[str, int] | None = None,
                angles: FibreAngles | None = None) -> Fibres:
    """LDRB fibres, sheets and ventricular coordinates on a tagged myocardial mesh.

    Parameters
    ----------
    mesh
        dolfinx tetrahedral mesh (mm), possibly distributed.
    facet_tags
        Boundary tags with ``lv-endocardium``, ``epicardium``, ``base`` and optionally
        ``rv-endocardium`` (ids given by ``tag_ids``).
    tag_ids
        Facet tag name -> id (default :data:`~cardiotwin.geometry.labels.FACET_TAG_IDS`).
    angles
        Helix/sheet angles (default +60 deg endo, -60 deg epi, no sheet rotation).

    Returns
    -------
    Fibres

    Raises
    ------
    MeshError
        If a required tag is missing (checked on all ranks together).
    SolverError
        If a Laplace solve does not converge.

    Notes
    -----
    See the module docstring for the Laplace problems and Bayer et al. (2012).
    """
    from mpi4py import MPI

    import ufl
    from dolfinx import fem

    tag_ids = dict(tag_ids or FACET_TAG_IDS)
    angles = angles or FibreAngles()
    comm = mesh.comm
    counts = {name: comm.allreduce(len(facet_tags.find(tag_ids[name])) if name in tag_ids
                                   else 0, op=MPI.SUM)
              for name in ("lv-endocardium", "rv-endocardium", "epicardium", "base")}
    for name in ("lv-endocardium", "epicardium", "base"):
        if counts[name] == 0:
            raise MeshError(f"LDRB needs facets tagged '{name}'; none found (tags: {tag_ids})")
    has_rv = counts["rv-endocardium"] > 0

    V = fem.functionspace(mesh, ("Lagrange", 1))
    V3 = fem.functionspace(mesh, ("Lagrange", 1, (3,)))
    if not np.array_equal(V.dofmap.list, V3.dofmap.list):
        raise MeshError("scalar and vector P1 dof layouts differ; cannot build fibres")

    # long axis from the base facets' outward normals, apex = vertex farthest from the base
    fdim = mesh.topology.dim - 1
    mesh.topology.create_connectivity(fdim, 0)
    base_facets = facet_tags.find(tag_ids["base"])
    # owned facets only: a facet on a partition boundary is also a ghost on the other rank,
    # and counting it twice would tilt the axis with the partition
    base_facets = base_facets[base_facets < mesh.topology.index_map(fdim).size_local]
    from dolfinx.mesh import entities_to_geometry

    tri = mesh.geometry.x[entities_to_geometry(mesh, fdim, base_facets, False)]
    normals = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0]) if len(tri) else \
        np.zeros((0, 3))
    mesh.topology.create_connectivity(fdim, mesh.topology.dim)
    n_local = mesh.geometry.index_map().size_local
    xs = mesh.geometry.x[:n_local]
    centre = comm.allreduce(xs.sum(axis=0), op=MPI.SUM) / comm.allreduce(len(xs), op=MPI.SUM)
    # orient each base normal outwards (away from the mesh centre)
    if len(tri):
        sign = np.sign(np.einsum("ij,ij->i", normals, tri.mean(axis=1) - centre))
        normals = normals * sign[:, None]
    axis = comm.allreduce(normals.sum(axis=0), op=MPI.SUM)
    axis = axis / np.linalg.norm(axis)
    t = xs @ axis
    owner, i_apex = global_argmin(comm, t, xs)  # ties by coordinates: partition-independent
    apex = comm.bcast(xs[i_apex] if comm.rank == owner else None, root=owner)
    tmin = float(apex @ axis)
    base_t = comm.allreduce(float((tri.mean(axis=1) @ axis).max()) if len(tri) else -np.inf,
                            op=MPI.MAX)

    endo = [tag_ids["lv-endocardium"]] + ([tag_ids["rv-endocardium"]] if has_rv else [])
    epi = [tag_ids["epicardium"]]
    phi_epi = _laplace(V, facet_tags, epi, endo, None, "epi")
    phi_lv = _laplace(V, facet_tags, [endo[0]], epi + endo[1:], None, "lv")
    phi_rv = _laplace(V, facet_tags, [endo[1]], [*epi, endo[0]], None, "rv") if has_rv else None
    psi = _laplace(V, facet_tags, [tag_ids["base"]], [], apex, "ab")

    from dolfinx import la

    mass_vec = fem.assemble_vector(fem.form(ufl.TestFunction(V) * ufl.dx))
    mass_vec.scatter_reverse(la.InsertMode.add)
    mass_f = fem.Function(V)
    mass_f.x.array[:] = mass_vec.array
    mass_f.x.scatter_forward()
    mass = mass_f.x.array.copy()
    g_epi = _lumped_gradient(phi_epi, V3, mass)
    g_lv = _lumped_gradient(phi_lv, V3, mass)
    g_rv = _lumped_gradient(phi_rv, V3, mass) if has_rv else None
    g_psi = _lumped_gradient(psi, V3, mass)
    f, s, n = ldrb_frames(g_psi, phi_epi.x.array, g_epi, phi_lv.x.array, g_lv,
                          phi_rv.x.array if has_rv else None, g_rv, angles)

    out = {}
    for key, arr in (("f0", f), ("s0", s), ("n0", n)):
        fn = fem.Function(V3, name=key)
        fn.x.array[:] = arr.ravel()
        out[key] = fn
    transmural = fem.Function(V, name="transmural")
    transmural.x.array[:] = np.clip(phi_epi.x.array, 0.0, 1.0)
    apicobasal = fem.Function(V, name="apicobasal")
    xdof = V.tabulate_dof_coordinates()
    apicobasal.x.array[:] = np.clip((xdof @ axis - tmin) / (base_t - tmin), 0.0, 1.0)
    logger.info("LDRB fibres on %d vertices (RV: %s)", V.dofmap.index_map.size_global, has_rv)
    return Fibres(out["f0"], out["s0"], out["n0"], transmural, apicobasal, angles)
