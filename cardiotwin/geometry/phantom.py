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
