"""Atrial fibrosis from an LGE-like image or a label image, as a lesion set (data + apply).

Late-gadolinium-enhancement (LGE) MRI shows fibrosis as bright wall.  The usual measure is
the **image intensity ratio** (IIR): the wall intensity divided by the mean intensity of
the blood pool, with thresholds 1.20 (interstitial fibrosis) and 1.32 (dense scar)
(Benito et al. 2017, Europace 19:1272-1279).  :func:`intensity_ratio` samples an intensity
image along each surface vertex's outward normal across the wall (the largest value
between ``inner_mm`` and ``wall_mm``: the maximum-intensity projection clinical tools use)
and divides by the mean blood-pool intensity, sampled ``pool_mm`` inside the surface.

:class:`Fibrosis` says what the two classes do; :meth:`Fibrosis.lesion_set` turns a ratio
field into a :class:`~cardiotwin.scenarios.lesions.LesionSet`: dense scar is a lesion
(non-conducting, non-excitable), interstitial fibrosis a border zone with reduced
conductivity and remodelled cells (:data:`cardiotwin.scenarios.remodelling.FIBROTIC`).
A segmented fibrosis label image is the same lesion set built from
:class:`~cardiotwin.geometry.regions.LabelImageRegion` (:meth:`Fibrosis.from_labels`).
Ablation lesions are added with :meth:`LesionSet.plus`.  An anatomy without its own LGE
image can take another's fibrosis through the universal atrial coordinates
(:func:`transfer_ratio`: the same place in each atrium, whatever its shape).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cardiotwin._checks import positive
from cardiotwin.exceptions import ConfigError
from cardiotwin.geometry.regions import FieldRange, Intersection, LabelImageRegion, RandomPatches
from cardiotwin.ionic.parameters import ParameterChanges
from cardiotwin.scenarios.lesions import BorderZone, LesionSet


@dataclass(frozen=True)
class Fibrosis:
    """Thresholds and effects of atrial fibrosis.

    Parameters
    ----------
    interstitial_iir, dense_iir
        Image-intensity-ratio thresholds of interstitial fibrosis and dense scar
        (Benito et al. 2017: 1.20 and 1.32).
    conductivity_factor
        Conductivity multiplier of interstitial fibrosis (0 < f <= 1).
    ionic
        Parameter changes of the myocytes in interstitial fibrosis (applied after the
        tissue's own), e.g. :func:`cardiotwin.scenarios.remodelling.crn_tissue` changes or
        the fast model's fitted ``caf-fibrotic`` set.
    collagen_fraction, collagen_mm, seed
        Fraction of the interstitial fibrosis made non-conducting, in patches of about
        ``collagen_mm`` (a :class:`~cardiotwin.geometry.regions.RandomPatches` field fixed
        by ``seed``): the obstacles that make conduction through fibrosis zig-zag
        (e.g. 30-50 % in the models of Zahid et al. 2016 and Roney et al. 2016).
    """

    interstitial_iir: float = 1.20
    dense_iir: float = 1.32
    conductivity_factor: float = 0.3
    ionic: ParameterChanges = field(default_factory=ParameterChanges)
    collagen_fraction: float = 0.0
    collagen_mm: float = 2.0
    seed: int = 0

    def __post_init__(self) -> None:
        positive("Fibrosis.interstitial_iir", self.interstitial_iir)
        positive("Fibrosis.dense_iir", self.dense_iir)
        if not self.dense_iir > self.interstitial_iir:
            raise ConfigError(f"Fibrosis: dense_iir = {self.dense_iir} must exceed "
                              f"interstitial_iir = {self.interstitial_iir}")
        if not 0 < self.conductivity_factor <= 1:
            raise ConfigError(f"Fibrosis.conductivity_factor = {self.conductivity_factor!r}: "
                              "expected 0 < f <= 1")
        if not isinstance(self.ionic, ParameterChanges):
            raise ConfigError("Fibrosis.ionic must be a ParameterChanges")
        if not 0 <= self.collagen_fraction < 1:
            raise ConfigError(f"Fibrosis.collagen_fraction = {self.collagen_fraction!r}: "
                              "expected 0 <= f < 1")
        positive("Fibrosis.collagen_mm", self.collagen_mm)

    def lesion_set(self, iir: Any) -> LesionSet:
        """Dense scar (IIR >= dense) as lesions, interstitial fibrosis as border zone.

        ``iir`` is a P1 Function of the ratio (:func:`intensity_ratio`) or any field a
        :class:`~cardiotwin.geometry.regions.FieldRange` accepts.
        """
        dense = FieldRange(iir, self.dense_iir, np.inf)
        inter = FieldRange(iir, self.interstitial_iir, self.dense_iir)
        lesions: tuple = (dense,)
        if self.collagen_fraction > 0:
            lesions += (Intersection((inter, RandomPatches(self.collagen_fraction,
                                                            self.collagen_mm, self.seed))),)
        return LesionSet(lesions, BorderZone(regions=(inter,),
                                             conductivity_factor=self.conductivity_factor,
                                             ionic=self.ionic))

    def from_labels(self, image: Any, *, interstitial: tuple[int, ...],
                    dense: tuple[int, ...] = ()) -> LesionSet:
        """The same lesion set from a segmented label image (path or LabelImage)."""
        bz = BorderZone(regions=(LabelImageRegion(image, tuple(interstitial)),),
                        conductivity_factor=self.conductivity_factor, ionic=self.ionic)
        lesions = (LabelImageRegion(image, tuple(dense)),) if dense else ()
        return LesionSet(lesions, bz)


def intensity_ratio(geometry: Any, image: Any, *, inner_mm: float = 1.0,
                    wall_mm: float = 3.0, pool_mm: float = 3.0, samples: int = 6) -> Any:
    """The image intensity ratio at every vertex of an atrial surface (P1 Function).

    Parameters
    ----------
    geometry
        An atrial surface geometry (its ``fibres.n0`` are the outward normals).
    image
        An :class:`~cardiotwin.geometry.image.IntensityImage` or a path to one.
    inner_mm, wall_mm
        The stretch of the outward normal sampled (mm from the surface).  The first
        millimetre is skipped: there the blood pool's partial volume (about a voxel,
        more with smoothing) raises healthy wall towards the pool's intensity.
    pool_mm
        Depth inside the surface where the blood pool is sampled (mm).
    samples
        Samples across the wall.

    Notes
    -----
    The blood-pool mean is taken over every vertex of the mesh (collective), so it does
    not depend on the partition; vertices whose samples fall outside the image get NaN
    and no class.
    """
    import dolfinx.fem

    from cardiotwin.geometry.image import IntensityImage, read_intensity_image

    img = image if isinstance(image, IntensityImage) else read_intensity_image(image)
    mesh = geometry.mesh
    V = dolfinx.fem.functionspace(mesh, ("Lagrange", 1))
    n_owned = V.dofmap.index_map.size_local
    x = V.tabulate_dof_coordinates()[:n_owned]
    nrm = geometry.fibres.n0
    if nrm is None or not hasattr(nrm, "x"):
        raise ConfigError("intensity_ratio needs the surface normals (fibres.n0) of an "
                          "atrial surface geometry")
    n = nrm.x.array.reshape(-1, 3)[:n_owned]
    depths = np.linspace(inner_mm, wall_mm, samples)
    wall = np.stack([img.sample(x + d * n) for d in depths], axis=1)
    wall_max = np.nanmax(np.where(np.isfinite(wall), wall, -np.inf), axis=1)
    pool = img.sample(x - pool_mm * n)
    ok = np.isfinite(pool)
    s = mesh.comm.allreduce(np.array([pool[ok].sum(), ok.sum()], float))
    if s[1] == 0:
        raise ConfigError("intensity_ratio: the image covers no part of the blood pool")
    ratio = np.where(np.isfinite(wall_max), wall_max / (s[0] / s[1]), np.nan)
    fn = dolfinx.fem.Function(V, name="iir")
    fn.x.array[:n_owned] = ratio
    fn.x.scatter_forward()
    return fn


def transfer_ratio(source: Any, source_ratio: Any, target: Any) -> Any:
    """The image intensity ratio of one atrial anatomy carried to another through their
    universal atrial coordinates (a P1 Function on ``target``; collective).

    Each target vertex takes the ratio at the same coordinates ``(alpha, beta)`` of the
    same atrium in the source: the inverse-distance mean of the 3 source vertices nearest
    in coordinate space.  Both geometries must be atrial surfaces with coordinate tables
    (``cardiotwin mesh`` with atrial roles); source vertices without a ratio (outside the
    image) are left out.  This is how a fibrosis pattern (e.g. the phantom's) is placed on
    a patient imaged without LGE.
    """
    import dolfinx.fem
    from scipy.spatial import cKDTree

    from cardiotwin.geometry.atria import ATRIUM_IDS
    from cardiotwin.geometry.uac import coordinates_to_world

    def coords(geometry: Any, x: np.ndarray, what: str
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        table = getattr(geometry, "table", None) or {}
        need = ["x", "atrium"] + [f"{a}-{c}" for a in ATRIUM_IDS for c in ("alpha", "beta")]
        missing = [k for k in need if k not in table]
        if missing:
            raise ConfigError(f"transfer_ratio: the {what} geometry has no atrial coordinate "
                              f"table ({', '.join(missing)} missing); build it with "
                              "`cardiotwin mesh` and atrial roles")
        _, k = cKDTree(table["x"]).query(x)
        atrium = np.rint(table["atrium"][k]).astype(int)
        uv = np.zeros((len(x), 2))
        for name, i in ATRIUM_IDS.items():
            sel = atrium == i
            uv[sel, 0] = table[f"{name}-alpha"][k[sel]]
            uv[sel, 1] = table[f"{name}-beta"][k[sel]]
        return atrium, uv, k

    comm = target.mesh.comm
    Vs = source_ratio.function_space
    ns = Vs.dofmap.index_map.size_local
    parts = comm.allgather((Vs.tabulate_dof_coordinates()[:ns], source_ratio.x.array[:ns]))
    xs = np.concatenate([p[0] for p in parts])
    vs = np.concatenate([p[1] for p in parts])
    ok = np.isfinite(vs)
    a_src, uv_src, k_src = coords(source, xs[ok], "source")
    vs = vs[ok]
    # in the order of the source's vertex table, so that ties between vertices with the
    # same coordinates do not depend on the partition
    order = np.argsort(k_src, kind="stable")
    a_src, uv_src, vs = a_src[order], uv_src[order], vs[order]

    V = dolfinx.fem.functionspace(target.mesh, ("Lagrange", 1))
    n_owned = V.dofmap.index_map.size_local
    a_tgt, uv_tgt, _ = coords(target, V.tabulate_dof_coordinates()[:n_owned], "target")
    out = np.full(n_owned, np.nan)
    for i in ATRIUM_IDS.values():
        src, tgt = a_src == i, a_tgt == i
        if not tgt.any():
            continue
        if src.sum() < 3:
            raise ConfigError(f"transfer_ratio: the source has no ratio on atrium {i} "
                              "that the target has")
        # the inverse-distance mean of the 3 nearest in coordinate space, as for points
        out[tgt] = coordinates_to_world(uv_tgt[tgt], uv_src[src], vs[src][:, None])[:, 0]
    fn = dolfinx.fem.Function(V, name="iir")
    fn.x.array[:n_owned] = out
    fn.x.scatter_forward()
    return fn
