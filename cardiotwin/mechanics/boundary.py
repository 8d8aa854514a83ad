"""Boundary conditions of the myocardium: fixed, sliding and spring (Robin) boundaries.

Each condition names a facet tag (e.g. the ``base`` or ``epicardium`` of
:func:`cardiotwin.geometry.io.load_geometry`):

- :class:`FixedBoundary`: ``u = 0`` (Dirichlet on every component);
- :class:`SlidingBoundary`: ``u · N = 0`` on a planar boundary normal to a coordinate axis
  (Dirichlet on that component), free to slide in its plane;
- :class:`SpringBoundary`: a traction ``-k u`` (``direction="all"``) or
  ``-k (u · N) N`` (``direction="normal"``) with stiffness ``k`` in kPa/mm, the usual
  model of the pericardium on the epicardium or of the tissue above a truncated base.

A sliding base alone leaves rigid motions in the base plane free; combine it with
springs (or fixed points) so the problem has a unique solution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from cardiotwin.exceptions import ConfigError, MeshError

SPRING_DIRECTIONS = ("all", "normal")


def _check_tag(obj: Any) -> None:
    if not (isinstance(obj.tag, int) and obj.tag >= 0):
        raise ConfigError(f"{type(obj).__name__}.tag = {obj.tag!r}: expected a facet tag id "
                          "(integer >= 0)")


@dataclass(frozen=True)
class FixedBoundary:
    """``u = 0`` on the facets tagged ``tag``."""

    tag: int

    def __post_init__(self) -> None:
        _check_tag(self)


@dataclass(frozen=True)
class SlidingBoundary:
    """``u · N = 0`` on the planar, axis-aligned facets tagged ``tag``."""

    tag: int

    def __post_init__(self) -> None:
        _check_tag(self)


@dataclass(frozen=True)
class SpringBoundary:
    """Robin condition: traction ``-k u`` (or its normal part) on the facets ``tag``.

    Parameters
    ----------
    tag
        Facet tag id.
    stiffness_kPa_per_mm
        Spring stiffness ``k`` (kPa/mm), > 0.
    direction
        ``"all"`` (every component) or ``"normal"`` (along the reference normal only).
    """

    tag: int
    stiffness_kPa_per_mm: float
    direction: str = "all"

    def __post_init__(self) -> None:
        _check_tag(self)
        k = self.stiffness_kPa_per_mm
        if not (isinstance(k, int | float) and math.isfinite(k) and k > 0):
            raise ConfigError(f"SpringBoundary.stiffness_kPa_per_mm = {k!r}: expected a "
                              "finite number > 0 (kPa/mm)")
        if self.direction not in SPRING_DIRECTIONS:
            raise ConfigError(f"SpringBoundary.direction = {self.direction!r}: expected one of "
                              f"{', '.join(SPRING_DIRECTIONS)}")


Boundary = FixedBoundary | SlidingBoundary | SpringBoundary


def tagged_facets(facet_tags: Any, tag: int, comm: Any, *, what: str) -> np.ndarray:
    """Local facets with ``tag`` (collective); raises :class:`MeshError` if no rank has any."""
    if facet_tags is None:
        raise MeshError(f"{what}: the mesh has no facet tags; pass facet_tags")
    facets = facet_tags.find(tag)
    if comm.allreduce(len(facets)) == 0:
        raise MeshError(f"{what}: no facets carry tag {tag} (facet tags present: "
                        f"{sorted(set(np.unique(facet_tags.values).tolist()))})")
    return facets


def plane_axis(mesh: Any, facets: np.ndarray, *, tag: int, tol: float = 1e-6) -> int:
    """The coordinate axis normal to the planar facets (collective).

    Raises
    ------
    ConfigError
        If the facets are not one plane normal to x, y or z.
    """
    from mpi4py import MPI

    from dolfinx.mesh import entities_to_geometry

    fdim = mesh.topology.dim - 1
    nodes = entities_to_geometry(mesh, fdim, facets, False)
    x = mesh.geometry.x
    normals = np.cross(x[nodes[:, 1]] - x[nodes[:, 0]], x[nodes[:, 2]] - x[nodes[:, 0]])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    votes = np.abs(normals).sum(axis=0) if len(normals) else np.zeros(3)
    votes = mesh.comm.allreduce(votes, op=MPI.SUM)
    axis = int(np.argmax(votes))
    worst = float(np.min(np.abs(normals[:, axis]))) if len(normals) else 1.0
    worst = mesh.comm.allreduce(worst, op=MPI.MIN)
    coords = x[nodes.ravel(), axis]
    lo = mesh.comm.allreduce(float(coords.min()) if coords.size else np.inf, op=MPI.MIN)
    hi = mesh.comm.allreduce(float(coords.max()) if coords.size else -np.inf, op=MPI.MAX)
    if worst < 1.0 - tol or hi - lo > tol * max(1.0, abs(hi)):
        raise ConfigError(f"SlidingBoundary(tag={tag}): the tagged facets are not one plane "
                          "normal to x, y or z (normal deviation "
                          f"{math.degrees(math.acos(min(1.0, worst))):.2g} deg, offset spread "
                          f"{hi - lo:.3g} mm); use SpringBoundary(tag, k, direction='normal') "
                          "for a curved or oblique boundary")
    return axis


def dirichlet_conditions(boundaries: tuple[Any, ...], W: Any, mesh: Any,
                         facet_tags: Any) -> list[Any]:
    """The :class:`dolfinx.fem.DirichletBC` of the fixed and sliding boundaries.

    ``W`` is the problem's space (its displacement part is found by
    :func:`displacement_subspace`).
    """
    from dolfinx import fem

    fdim = mesh.topology.dim - 1
    Wu = displacement_subspace(W)
    out = []
    for b in boundaries:
        if isinstance(b, FixedBoundary):
            facets = tagged_facets(facet_tags, b.tag, mesh.comm, what="FixedBoundary")
            if Wu is W:
                dofs = fem.locate_dofs_topological(W, fdim, facets)
                out.append(fem.dirichletbc(fem.Function(W), dofs))
                continue
            V, _ = Wu.collapse()
            zero = fem.Function(V)
            dofs = fem.locate_dofs_topological((Wu, V), fdim, facets)
            out.append(fem.dirichletbc(zero, dofs, Wu))
        elif isinstance(b, SlidingBoundary):
            facets = tagged_facets(facet_tags, b.tag, mesh.comm, what="SlidingBoundary")
            axis = plane_axis(mesh, facets, tag=b.tag)
            Wi = Wu.sub(axis)
            Vi, _ = Wi.collapse()
            zero = fem.Function(Vi)
            dofs = fem.locate_dofs_topological((Wi, Vi), fdim, facets)
            out.append(fem.dirichletbc(zero, dofs, Wi))
    return out


def displacement_subspace(W: Any) -> Any:
    """The displacement (sub)space of the problem space ``W``."""
    return W.sub(0) if W.num_sub_spaces == 2 and W.sub(0).num_sub_spaces == 3 else W


def spring_residual(boundaries: tuple[Any, ...], u: Any, v: Any, ds: Any) -> Any:
    """The virtual work of the spring boundaries (a UFL form, or ``None``)."""
    import ufl

    N = ufl.FacetNormal(ufl.domain.extract_unique_domain(u))
    form = None
    for b in boundaries:
        if not isinstance(b, SpringBoundary):
            continue
        k = b.stiffness_kPa_per_mm
        if b.direction == "all":
            term = k * ufl.inner(u, v) * ds(b.tag)
        else:
            term = k * ufl.inner(u, N) * ufl.inner(v, N) * ds(b.tag)
        form = term if form is None else form + term
    return form
