"""A synthetic, CT-like biventricular phantom: label image and noisy intensity image.

The anatomy is the classic truncated-ellipsoid biventricular model, defined analytically
in world coordinates (mm) and sampled on an oblique, anisotropic voxel grid so that the
pipeline must honour spacing, origin and direction:

- the long axis is world ``+z``; the base plane is ``z = 0``; the LV apex points to ``-z``;
- LV cavity: ellipsoid with semi-axes (17, 17, 42) mm; LV epicardium (25, 25, 50) mm;
- RV cavity: ellipsoid centred at (12, 0, 0) mm with semi-axes (30, 24, 36) mm, minus the
  LV (it wraps the septum as a crescent); RV free wall 3 mm thick;
- a transmural scar in the LV lateral wall (``x < 0``) with a 3 mm border zone around it.

Label codes are those of :data:`cardiotwin.geometry.labels.PHANTOM_LABELS`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cardiotwin.exceptions import ConfigError

#: Phantom label codes (also the package's default label map).
LV_MYOCARDIUM, RV_MYOCARDIUM, LV_BLOOD, RV_BLOOD, SCAR, BORDER_ZONE = 1, 2, 3, 4, 5, 6

#: Analytic shape parameters (mm); see the module docstring.
LV_ENDO_AXES_MM = (17.0, 17.0, 42.0)
LV_EPI_AXES_MM = (25.0, 25.0, 50.0)
RV_CENTRE_MM = (12.0, 0.0, 0.0)
RV_ENDO_AXES_MM = (30.0, 24.0, 36.0)
RV_WALL_MM = 3.0
SCAR_CENTRE_MM = (-21.0, 0.0, -18.0)
SCAR_RADIUS_MM = 7.0
BORDER_ZONE_MM = 3.0


@dataclass(frozen=True)
class PhantomSpec:
    """Voxel grid of the phantom.

    Parameters
    ----------
    spacing_mm
        Voxel size along the three image axes, mm.
    tilt_deg
        Rotation of the image axes about world ``x``, degrees (an oblique acquisition).
    noise_hu
        Standard deviation of the Gaussian noise of the intensity image, HU.
    seed
        Seed of the noise generator (the phantom is deterministic).
    """

    spacing_mm: tuple[float, float, float] = (0.9, 0.9, 1.1)
    tilt_deg: float = 20.0
    noise_hu: float = 40.0
    seed: int = 20240601

    def __post_init__(self) -> None:
        if len(self.spacing_mm) != 3 or min(self.spacing_mm) <= 0.2:
            raise ConfigError(f"PhantomSpec.spacing_mm={self.spacing_mm!r}: need three "
                              "voxel sizes > 0.2 mm")
        if not -90.0 <= self.tilt_deg <= 90.0:
            raise ConfigError(f"PhantomSpec.tilt_deg={self.tilt_deg}: expected -90..90 deg")
        if self.noise_hu < 0:
            raise ConfigError(f"PhantomSpec.noise_hu={self.noise_hu}: must be >= 0 HU")


def _inside(x: np.ndarray, centre, axes) -> np.ndarray:
    c = np.asarray(centre, dtype=float)
    a = np.asarray(axes, dtype=float)
    return (((x - c) / a) ** 2).sum(axis=-1) <= 1.0


def phantom_labels_at(x: np.ndarray) -> np.ndarray:
    """Label code of the analytic phantom at world points ``x`` (shape (..., 3), mm)."""
    x = np.asarray(x, dtype=float)
    below = x[..., 2] <= 0.0
    lv_endo = _inside(x, (0, 0, 0), LV_ENDO_AXES_MM) & below
    lv_epi = _inside(x, (0, 0, 0), LV_EPI_AXES_MM) & below
    rv_endo = _inside(x, RV_CENTRE_MM, RV_ENDO_AXES_MM) & below & ~lv_epi
    rv_epi = (_inside(x, RV_CENTRE_MM, np.add(RV_ENDO_AXES_MM, RV_WALL_MM)) & below
              & ~lv_epi & ~rv_endo)
    out = np.zeros(x.shape[:-1], dtype=np.uint8)
    out[rv_epi] = RV_MYOCARDIUM
    out[rv_endo] = RV_BLOOD
    lv_myo = lv_epi & ~lv_endo
    out[lv_myo] = LV_MYOCARDIUM
    out[lv_endo] = LV_BLOOD
    d_scar = np.linalg.norm((x - np.asarray(SCAR_CENTRE_MM)) * (0.0, 1.0, 1.0), axis=-1)
    lateral = x[..., 0] < 0.0
    out[lv_myo & lateral & (d_scar <= SCAR_RADIUS_MM + BORDER_ZONE_MM)] = BORDER_ZONE
    out[lv_myo & lateral & (d_scar <= SCAR_RADIUS_MM)] = SCAR
    return out


def phantom_grid(spec: PhantomSpec) -> tuple[tuple[int, int, int], np.ndarray, np.ndarray]:
    """Shape, origin (mm) and direction (3x3, columns = image axes in world) of the grid."""
    t = np.deg2rad(spec.tilt_deg)
    direction = np.array([[1.0, 0.0, 0.0],
                          [0.0, np.cos(t), -np.sin(t)],
                          [0.0, np.sin(t), np.cos(t)]])
    lo = np.array([-30.0, -32.0, -54.0])
    hi = np.array([48.0, 32.0, 6.0])
    corners = np.array([[a, b, c] for a in (lo[0], hi[0]) for b in (lo[1], hi[1])
                        for c in (lo[2], hi[2])])
    local = corners @ direction  # coordinates along the image axes
    lmin, lmax = local.min(axis=0), local.max(axis=0)
    spacing = np.asarray(spec.spacing_mm, dtype=float)
    shape = tuple(int(np.ceil((lmax[i] - lmin[i]) / spacing[i])) + 1 for i in range(3))
    origin = direction @ lmin
    return shape, origin, direction


def make_phantom(spec: PhantomSpec | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                           np.ndarray, np.ndarray]:
    """Sample the phantom on its voxel grid.

    Returns
    -------
    labels
        uint8 label image, shape (ni, nj, nk).
    ct
        int16 CT-like intensity image (HU): blood 350, myocardium 100, scar 60, border zone
        80, background -50, smoothed by the point spread of a 1 mm Gaussian, plus noise.
    spacing_mm, origin_mm, direction
        Voxel size (mm), world position of voxel (0, 0, 0) (mm) and direction cosines.
    """
    from scipy import ndimage

    spec = spec or PhantomSpec()
    shape, origin, direction = phantom_grid(spec)
    spacing = np.asarray(spec.spacing_mm, dtype=float)
    ijk = np.stack(np.meshgrid(*(np.arange(n) for n in shape), indexing="ij"), axis=-1)
    world = origin + (ijk * spacing) @ direction.T
    labels = phantom_labels_at(world)
    hu = np.array([-50.0, 100.0, 100.0, 350.0, 350.0, 60.0, 80.0])
    ct = hu[labels]
    ct = ndimage.gaussian_filter(ct, sigma=1.0 / spacing)
    rng = np.random.default_rng(spec.seed)
    ct = ct + rng.normal(0.0, spec.noise_hu, size=ct.shape)
    return labels, np.round(ct).astype(np.int16), spacing, origin, direction


# --------------------------------------------------------------------------- atria
#: Label codes of the whole-heart phantom's atrial blood pools (ventricular codes as above).
LA_BLOOD, RA_BLOOD = 7, 8

#: Left atrium (mm, RAS world; the atria sit above the ventricular base plane ``z = 0``):
#: an ellipsoidal body, a mitral vestibule down to the LV cavity, four pulmonary veins
#: and an appendage (capsules: segment end points and radius).
LA_CENTRE_MM = (-12.0, -19.0, 21.0)
LA_AXES_MM = (23.0, 19.0, 17.0)
MITRAL_CENTRE_MM = (-2.0, -3.0, 0.0)
MITRAL_RADIUS_MM = 12.0
#: vein name -> (ostium direction from the LA centre, radius mm, length mm)
PULMONARY_VEINS = {
    "lspv": ((-0.55, -0.50, 0.67), 5.5, 22.0),
    "lipv": ((-0.62, -0.74, -0.26), 5.0, 22.0),
    "rspv": ((0.30, -0.62, 0.72), 5.5, 22.0),
    "ripv": ((0.34, -0.90, -0.28), 5.0, 22.0),
}
LAA_MM = ((-20.0, -6.0, 24.0), (-34.0, 4.0, 33.0), 6.0)

#: Right atrium: ellipsoidal body, tricuspid vestibule down to the RV cavity, venae
#: cavae and appendage (capsules).
RA_CENTRE_MM = (26.5, -5.0, 20.0)
RA_AXES_MM = (14.0, 14.0, 16.0)
TRICUSPID_CENTRE_MM = (33.0, 0.0, 0.0)
TRICUSPID_RADIUS_MM = 8.0
SVC_MM = ((27.0, -8.0, 29.0), (28.0, -12.0, 55.0), 7.5)
IVC_MM = ((28.0, -12.0, 13.0), (30.0, -36.0, 4.0), 8.0)
RAA_MM = ((30.0, 3.0, 26.0), (38.0, 15.0, 33.0), 6.0)

#: Fibrotic patches of the phantom LA wall for its LGE-like image: (centre mm, radius mm)
#: of smooth bumps of the image intensity ratio (peak 1.5, 1.0 at the radius).
FIBROSIS_PATCHES_MM = (((-12.0, -38.0, 19.0), 13.0), ((-26.0, -8.0, 12.0), 12.0),
                       ((-4.0, -8.0, 36.0), 11.0))
#: LGE-like intensities: blood pool and healthy wall (arbitrary units; ratio 0.75).
LGE_BLOOD, LGE_WALL = 400.0, 300.0
ATRIAL_WALL_MM = 2.5


def _capsule(x: np.ndarray, a, b, radius: float) -> np.ndarray:
    """Points within ``radius`` of the segment ``a``-``b``."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    ab = b - a
    s = np.clip(((x - a) @ ab) / (ab @ ab), 0.0, 1.0)
    d = x - (a + s[..., None] * ab)
    return (d * d).sum(axis=-1) <= radius * radius


def _ostium(centre, axes, direction) -> np.ndarray:
    """Point of the ellipsoid ``(centre, axes)`` in ``direction`` from its centre."""
    d = np.asarray(direction, float) / np.linalg.norm(direction)
    s = 1.0 / np.sqrt(((d / np.asarray(axes)) ** 2).sum())
    return np.asarray(centre) + s * d


def pulmonary_vein_axes() -> dict[str, tuple[np.ndarray, np.ndarray, float]]:
    """Ostium centre (mm), unit direction and radius (mm) of each phantom vein."""
    out = {}
    for name, (direction, radius, _) in PULMONARY_VEINS.items():
        d = np.asarray(direction, float) / np.linalg.norm(direction)
        out[name] = (_ostium(LA_CENTRE_MM, LA_AXES_MM, d), d, radius)
    return out


def atria_labels_at(x: np.ndarray) -> np.ndarray:
    """Atrial label code (:data:`LA_BLOOD`, :data:`RA_BLOOD`, else 0) at world points (mm).

    The blood pools only; the atrial walls are not labelled (as in whole-heart CT
    segmentations, e.g. MM-WHS).  Nothing of the atria lies below the base plane.
    """
    x = np.asarray(x, dtype=float)
    above = x[..., 2] > 0.0
    la = _inside(x, LA_CENTRE_MM, LA_AXES_MM)
    la |= _capsule(x, MITRAL_CENTRE_MM, LA_CENTRE_MM, MITRAL_RADIUS_MM)
    for (d, radius, length) in PULMONARY_VEINS.values():
        d = np.asarray(d, float) / np.linalg.norm(d)
        o = _ostium(LA_CENTRE_MM, LA_AXES_MM, d)
        la |= _capsule(x, o - 4.0 * d, o + length * d, radius)
    la |= _capsule(x, *LAA_MM)
    ra = _inside(x, RA_CENTRE_MM, RA_AXES_MM)
    ra |= _capsule(x, TRICUSPID_CENTRE_MM, RA_CENTRE_MM, TRICUSPID_RADIUS_MM)
    for cap in (SVC_MM, IVC_MM, RAA_MM):
        ra |= _capsule(x, *cap)
    out = np.zeros(x.shape[:-1], dtype=np.uint8)
    out[la & above] = LA_BLOOD
    out[ra & above & ~la] = RA_BLOOD
    return out


def atrial_phantom_grid(spec: PhantomSpec) -> tuple[tuple[int, int, int], np.ndarray,
                                                     np.ndarray]:
    """Shape, origin (mm) and direction of the whole-heart (ventricles + atria) grid."""
    t = np.deg2rad(spec.tilt_deg)
    direction = np.array([[1.0, 0.0, 0.0],
                          [0.0, np.cos(t), -np.sin(t)],
                          [0.0, np.sin(t), np.cos(t)]])
    lo = np.array([-44.0, -56.0, -54.0])
    hi = np.array([52.0, 30.0, 60.0])
    corners = np.array([[a, b, c] for a in (lo[0], hi[0]) for b in (lo[1], hi[1])
                        for c in (lo[2], hi[2])])
    local = corners @ direction
    lmin, lmax = local.min(axis=0), local.max(axis=0)
    spacing = np.asarray(spec.spacing_mm, dtype=float)
    shape = tuple(int(np.ceil((lmax[i] - lmin[i]) / spacing[i])) + 1 for i in range(3))
    return shape, direction @ lmin, direction


def make_atrial_phantom(spec: PhantomSpec | None = None) -> tuple[np.ndarray, np.ndarray,
                                                                  np.ndarray, np.ndarray,
                                                                  np.ndarray]:
    """The whole-heart phantom: the biventricle of :func:`make_phantom` plus both atria.

    Returns
    -------
    labels
        uint8 labels: the ventricular codes of :func:`phantom_labels_at` and
        :data:`LA_BLOOD`, :data:`RA_BLOOD` (a larger grid than the biventricle's).
    lge
        int16 LGE-like intensity image: atrial blood pools :data:`LGE_BLOOD`, a
        :data:`ATRIAL_WALL_MM` shell around them :data:`LGE_WALL`, brighter in the
        fibrotic patches of :data:`FIBROSIS_PATCHES_MM` (image intensity ratio up to 1.5),
        everything else 0; smoothed by 0.5 mm and with 2 % noise.
    spacing_mm, origin_mm, direction
        As for :func:`make_phantom`.
    """
    from scipy import ndimage

    spec = spec or PhantomSpec()
    shape, origin, direction = atrial_phantom_grid(spec)
    spacing = np.asarray(spec.spacing_mm, dtype=float)
    ijk = np.stack(np.meshgrid(*(np.arange(n) for n in shape), indexing="ij"), axis=-1)
    world = origin + (ijk * spacing) @ direction.T
    labels = phantom_labels_at(world)
    atria = atria_labels_at(world)
    labels[(atria > 0) & (labels == 0)] = atria[(atria > 0) & (labels == 0)]
    blood = np.isin(labels, (LA_BLOOD, RA_BLOOD))
    dist = ndimage.distance_transform_edt(~blood, sampling=spacing)
    wall = (dist > 0) & (dist <= ATRIAL_WALL_MM) & (labels == 0)
    iir = np.full(shape, LGE_WALL / LGE_BLOOD)
    for centre, radius in FIBROSIS_PATCHES_MM:
        r = np.linalg.norm(world - np.asarray(centre), axis=-1)
        bump = np.clip(1.0 - (r / radius) ** 2, 0.0, None)
        iir = np.maximum(iir, np.where(r < radius, 1.0 + 0.5 * bump, 0.0))
    lge = np.zeros(shape)
    lge[blood] = LGE_BLOOD
    lge[wall] = LGE_BLOOD * iir[wall]
    lge = ndimage.gaussian_filter(lge, sigma=0.5 / spacing)
    rng = np.random.default_rng(spec.seed + 1)
    lge += rng.normal(0.0, 0.02 * LGE_BLOOD, size=shape) * (lge > 0)
    return labels, np.round(lge).astype(np.int16), spacing, origin, direction
