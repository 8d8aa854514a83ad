"""Label images: reading NIfTI, NRRD, MetaImage, VTK image data and DICOM into one form.

World coordinates are millimetres in the RAS+ convention of NIfTI (+x towards the
patient's right... as nibabel reports it: +x Right, +y Anterior, +z Superior). Formats
stored in LPS (NRRD with an LPS space, MetaImage, DICOM) are converted to RAS by negating
the first two world axes; VTK image data carries no anatomical convention and is taken
as is.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from cardiotwin.exceptions import MeshError

logger = logging.getLogger(__name__)

_LPS_TO_RAS = np.diag([-1.0, -1.0, 1.0])


@dataclass(frozen=True)
class LabelImage:
    """An integer label image on a voxel grid placed in world space.

    The world position (mm) of voxel ``(i, j, k)`` is
    ``origin_mm + direction @ (spacing_mm * (i, j, k))``.

    Parameters
    ----------
    data
        Integer label array, shape (ni, nj, nk).
    spacing_mm
        Voxel size along the three image axes, mm (all > 0).
    origin_mm
        World position of the centre of voxel (0, 0, 0), mm.
    direction
        3x3 direction cosines; column ``a`` is the world direction of image axis ``a``.
    source
        File the image was read from (empty for images made in memory).
    """

    data: np.ndarray
    spacing_mm: tuple[float, float, float]
    origin_mm: tuple[float, float, float] = (0.0, 0.0, 0.0)
    direction: np.ndarray = field(default_factory=lambda: np.eye(3))
    source: str = ""

    def __post_init__(self) -> None:
        where = self.source or "label image"
        data = np.asarray(self.data)
        if data.ndim != 3 or min(data.shape) < 2:
            raise MeshError(f"{where}: expected a 3-D label image, got shape {data.shape}")
        data = self._checked_values(data, where)
        spacing = tuple(float(s) for s in np.ravel(self.spacing_mm))
        if len(spacing) != 3 or not all(np.isfinite(spacing)) or min(spacing) <= 0.0:
            raise MeshError(f"{where}: voxel spacing {spacing} mm is invalid; every spacing "
                            "must be finite and > 0 (fix the file's header)")
        origin = tuple(float(o) for o in np.ravel(self.origin_mm))
        if len(origin) != 3 or not all(np.isfinite(origin)):
            raise MeshError(f"{where}: origin {origin} is not three finite numbers")
        direction = np.asarray(self.direction, dtype=float).reshape(3, 3)
        if not np.allclose(direction.T @ direction, np.eye(3), atol=1e-3):
            raise MeshError(f"{where}: direction matrix {direction.tolist()} is not "
                            "orthonormal (sheared grids are not supported)")
        object.__setattr__(self, "data", data)
        object.__setattr__(self, "spacing_mm", spacing)
        object.__setattr__(self, "origin_mm", origin)
        object.__setattr__(self, "direction", direction)

    @staticmethod
    def _checked_values(data: np.ndarray, where: str) -> np.ndarray:
        """Integer labels (integral floating-point values are converted)."""
        if not np.issubdtype(data.dtype, np.integer):
            if np.issubdtype(data.dtype, np.floating) and np.all(np.isfinite(data)) and \
                    np.array_equal(data, np.round(data)):
                return data.astype(np.int32)
            raise MeshError(f"{where}: voxel values of type {data.dtype} are not integer "
                            "labels (is this an intensity image rather than a label map?)")
        return data

    @property
    def affine(self) -> np.ndarray:
        """4x4 voxel index -> world (mm) matrix."""
        a = np.eye(4)
        a[:3, :3] = self.direction * np.asarray(self.spacing_mm)
        a[:3, 3] = self.origin_mm
        return a

    @property
    def voxel_volume_mm3(self) -> float:
        """Volume of one voxel, mm³."""
        return float(np.prod(self.spacing_mm))

    def index_to_world(self, ijk: np.ndarray) -> np.ndarray:
        """World coordinates (mm) of fractional voxel indices, shape (..., 3)."""
        ijk = np.asarray(ijk, dtype=float)
        return np.asarray(self.origin_mm) + (ijk * np.asarray(self.spacing_mm)) @ self.direction.T

    def world_to_index(self, x: np.ndarray) -> np.ndarray:
        """Fractional voxel indices of world points ``x`` (mm), shape (..., 3)."""
        x = np.asarray(x, dtype=float) - np.asarray(self.origin_mm)
        return (x @ self.direction) / np.asarray(self.spacing_mm)


@dataclass(frozen=True)
class IntensityImage(LabelImage):
    """A real-valued image (e.g. CT in HU, LGE-MRI intensities) on a voxel grid.

    The grid is that of :class:`LabelImage`; ``data`` holds finite float32 values.
    """

    @staticmethod
    def _checked_values(data: np.ndarray, where: str) -> np.ndarray:
        if not (np.issubdtype(data.dtype, np.integer) or np.issubdtype(data.dtype,
                                                                         np.floating)):
            raise MeshError(f"{where}: voxel values of type {data.dtype} are not numbers")
        out = np.asarray(data, dtype=np.float32)
        if not np.all(np.isfinite(out)):
            raise MeshError(f"{where}: the image holds non-finite intensities")
        return out

    def sample(self, x: np.ndarray) -> np.ndarray:
        """Trilinear interpolation at world points ``x[..., 3]`` (mm); NaN outside."""
        from scipy import ndimage

        ijk = self.world_to_index(np.asarray(x, float).reshape(-1, 3))
        shape = np.asarray(self.data.shape)
        inside = np.all((ijk >= 0) & (ijk <= shape - 1), axis=1)
        out = np.full(len(ijk), np.nan)
        out[inside] = ndimage.map_coordinates(self.data, ijk[inside].T, order=1)
        return out.reshape(np.shape(x)[:-1])


def _from_affine(data: np.ndarray, affine: np.ndarray, source: str) -> LabelImage:
    a = np.asarray(affine, dtype=float)[:3, :3]
    spacing = np.linalg.norm(a, axis=0)
    if np.any(spacing <= 0.0) or not np.all(np.isfinite(spacing)):
        raise MeshError(f"{source}: voxel spacing {spacing.tolist()} mm is invalid; every "
                        "spacing must be finite and > 0 (fix the file's header)")
    data = np.asarray(data)
    integral = np.issubdtype(data.dtype, np.integer) or (
        np.issubdtype(data.dtype, np.floating) and np.all(np.isfinite(data))
        and np.array_equal(data, np.round(data)))
    cls = LabelImage if integral else IntensityImage
    return cls(data, tuple(spacing), tuple(np.asarray(affine)[:3, 3]), a / spacing, source)


def _read_nifti(path: Path) -> LabelImage:
    import nibabel

    img = nibabel.load(str(path))
    # nibabel silently replaces zero voxel sizes by 1: look at the header as stored
    with nibabel.openers.ImageOpener(str(path)) as fobj:
        raw = type(img.header).from_fileobj(fobj, check=False)
    zooms = tuple(float(z) for z in raw["pixdim"][1:4])
    data = np.asanyarray(img.dataobj)
    if data.ndim == 4 and data.shape[3] == 1:
        data = data[..., 0]
    if min(zooms) <= 0.0:
        raise MeshError(f"{path}: voxel spacing {tuple(float(z) for z in zooms)} mm in the "
                        "NIfTI header (pixdim) is invalid; every spacing must be > 0")
    return _from_affine(data, img.affine, str(path))


def _read_nrrd(path: Path) -> LabelImage:
    import nrrd

    data, header = nrrd.read(str(path))
    dirs = header.get("space directions")
    if dirs is None:
        spacing = np.asarray(header.get("spacings", [1.0, 1.0, 1.0]), dtype=float)
        affine = np.diag([*spacing, 1.0])
    else:
        rows = np.asarray([d for d in dirs if d is not None and not np.any(np.isnan(d))],
                          dtype=float)
        affine = np.eye(4)
        affine[:3, :3] = rows.T
    affine[:3, 3] = np.asarray(header.get("space origin", [0.0, 0.0, 0.0]), dtype=float)
    space = str(header.get("space", "left-posterior-superior")).lower()
    if space in ("left-posterior-superior", "lps"):
        affine[:3, :] = _LPS_TO_RAS @ affine[:3, :]
    return _from_affine(data, affine, str(path))


_META_TYPES = {"MET_UCHAR": np.uint8, "MET_CHAR": np.int8, "MET_USHORT": np.uint16,
               "MET_SHORT": np.int16, "MET_UINT": np.uint32, "MET_INT": np.int32,
               "MET_ULONG": np.uint64, "MET_LONG": np.int64, "MET_FLOAT": np.float32,
               "MET_DOUBLE": np.float64}


def _read_metaimage(path: Path) -> LabelImage:
    raw = path.read_bytes()
    header: dict[str, str] = {}
    pos = 0
    while pos < len(raw):
        end = raw.find(b"\n", pos)
        end = len(raw) if end < 0 else end
        line = raw[pos:end].decode("latin-1").strip()
        pos = end + 1
        if "=" not in line:
            continue
        key, value = (s.strip() for s in line.split("=", 1))
        header[key] = value
        if key == "ElementDataFile":
            break
    try:
        dims = [int(v) for v in header["DimSize"].split()]
        dtype = np.dtype(_META_TYPES[header["ElementType"]])
        datafile = header["ElementDataFile"]
    except KeyError as exc:
        raise MeshError(f"{path}: not a readable MetaImage header (missing or unsupported "
                        f"field {exc})") from exc
    if len(dims) != 3:
        raise MeshError(f"{path}: expected a 3-D MetaImage, DimSize={dims}")
    spacing = [float(v) for v in header.get("ElementSpacing", "1 1 1").split()]
    offset = [float(v) for v in header.get("Offset", header.get("Position", "0 0 0")).split()]
    tm = [float(v) for v in header.get("TransformMatrix", "1 0 0 0 1 0 0 0 1").split()]
    payload = raw[pos:] if datafile == "LOCAL" else (path.parent / datafile).read_bytes()
    if header.get("CompressedData", "False").lower() == "true":
        payload = zlib.decompress(payload)
    if header.get("BinaryDataByteOrderMSB", header.get("ElementByteOrderMSB", "False")
                  ).lower() == "true":
        dtype = dtype.newbyteorder(">")
    n = int(np.prod(dims))
    if len(payload) < n * dtype.itemsize:
        raise MeshError(f"{path}: MetaImage data holds {len(payload)} bytes, expected "
                        f"{n * dtype.itemsize}")
    data = np.frombuffer(payload[: n * dtype.itemsize], dtype=dtype).reshape(dims, order="F")
    direction = np.asarray(tm).reshape(3, 3).T  # ITK writes the matrix column by column
    affine = np.eye(4)
    affine[:3, :3] = direction * np.asarray(spacing)
    affine[:3, 3] = offset
    affine[:3, :] = _LPS_TO_RAS @ affine[:3, :]
    return _from_affine(np.array(data), affine, str(path))


def _read_vti(path: Path) -> LabelImage:
    from vtkmodules.util.numpy_support import vtk_to_numpy
    from vtkmodules.vtkIOXML import vtkXMLImageDataReader

    reader = vtkXMLImageDataReader()
    reader.SetFileName(str(path))
    reader.Update()
    img = reader.GetOutput()
    if img is None or img.GetNumberOfPoints() == 0:
        raise MeshError(f"{path}: not VTK image data (or empty)")
    pd, cd = img.GetPointData(), img.GetCellData()
    if pd.GetNumberOfArrays():
        dims = img.GetDimensions()
        values = vtk_to_numpy(pd.GetArray(0))
    elif cd.GetNumberOfArrays():
        dims = tuple(max(d - 1, 1) for d in img.GetDimensions())
        values = vtk_to_numpy(cd.GetArray(0))
    else:
        raise MeshError(f"{path}: VTK image holds no data array")
    data = np.asarray(values).reshape(dims, order="F")
    m = img.GetDirectionMatrix()
    direction = np.array([[m.GetElement(i, j) for j in range(3)] for i in range(3)], float)
    affine = np.eye(4)
    affine[:3, :3] = direction * np.asarray(img.GetSpacing())
    affine[:3, 3] = img.GetOrigin()
    return _from_affine(data, affine, str(path))


def _read_dicom(path: Path) -> LabelImage:
    import pydicom

    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    slices = []
    for f in files:
        try:
            ds = pydicom.dcmread(str(f))
        except Exception:
            continue
        if "PixelData" in ds:
            slices.append(ds)
    if not slices:
        raise MeshError(f"{path}: no DICOM image with pixel data found")
    if len(slices) == 1 and int(getattr(slices[0], "NumberOfFrames", 1)) > 1:
        return _read_dicom_seg(slices[0], str(path))
    iop = np.asarray(slices[0].ImageOrientationPatient, dtype=float)
    row, col = iop[:3], iop[3:]
    normal = np.cross(row, col)
    slices.sort(key=lambda ds: float(np.dot(normal, np.asarray(ds.ImagePositionPatient,
                                                                 dtype=float))))
    pos = np.array([np.asarray(ds.ImagePositionPatient, dtype=float) for ds in slices])
    ps = [float(v) for v in slices[0].PixelSpacing]  # (row spacing, column spacing)
    dz = float(np.median(np.diff(pos @ normal))) if len(slices) > 1 else float(
        getattr(slices[0], "SliceThickness", 1.0))
    vol = np.stack([ds.pixel_array.T for ds in slices], axis=-1)  # (cols, rows, slices)
    affine = np.eye(4)
    affine[:3, 0] = row * ps[1]
    affine[:3, 1] = col * ps[0]
    affine[:3, 2] = normal * dz
    affine[:3, 3] = pos[0]
    affine[:3, :] = _LPS_TO_RAS @ affine[:3, :]
    return _from_affine(vol, affine, str(path))


def _read_dicom_seg(ds, source: str) -> LabelImage:
    frames = ds.pixel_array
    if frames.ndim == 2:
        frames = frames[None]
    shared = ds.SharedFunctionalGroupsSequence[0]
    iop = np.asarray(shared.PlaneOrientationSequence[0].ImageOrientationPatient, dtype=float)
    ps = [float(v) for v in shared.PixelMeasuresSequence[0].PixelSpacing]
    row, col = iop[:3], iop[3:]
    normal = np.cross(row, col)
    per = ds.PerFrameFunctionalGroupsSequence
    pos = np.array([np.asarray(f.PlanePositionSequence[0].ImagePositionPatient, dtype=float)
                    for f in per])
    seg = np.array([int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
                    for f in per])
    levels = np.round(pos @ normal, 3)
    uniq = np.unique(levels)
    dz = float(np.median(np.diff(uniq))) if len(uniq) > 1 else float(
        getattr(shared.PixelMeasuresSequence[0], "SliceThickness", 1.0))
    vol = np.zeros((frames.shape[2], frames.shape[1], len(uniq)), dtype=np.int32)
    for f in range(frames.shape[0]):
        k = int(np.searchsorted(uniq, levels[f]))
        vol[..., k][frames[f].T > 0] = seg[f]
    first = pos[np.argmin(levels)]
    affine = np.eye(4)
    affine[:3, 0] = row * ps[1]
    affine[:3, 1] = col * ps[0]
    affine[:3, 2] = normal * dz
    affine[:3, 3] = first
    affine[:3, :] = _LPS_TO_RAS @ affine[:3, :]
    return _from_affine(vol, affine, source)


_READERS = {".nii": _read_nifti, ".nii.gz": _read_nifti, ".nrrd": _read_nrrd,
            ".nhdr": _read_nrrd, ".mha": _read_metaimage, ".mhd": _read_metaimage,
            ".vti": _read_vti, ".dcm": _read_dicom}


def read_label_image(path: str | Path) -> LabelImage:
    """Read a 3-D label image, honouring voxel spacing, origin and direction.

    Parameters
    ----------
    path
        A NIfTI (``.nii``, ``.nii.gz``), NRRD (``.nrrd``, ``.nhdr``), MetaImage (``.mha``,
        ``.mhd``), VTK image (``.vti``) file, a DICOM-SEG file (``.dcm``) or a folder
        holding a DICOM series of label slices.

    Returns
    -------
    LabelImage
        World coordinates in mm, RAS+ (formats stored in LPS are converted).

    Raises
    ------
    MeshError
        If the file is missing, of an unknown type, unreadable, not 3-D, not integer
        labels, or has a zero/negative spacing.
    """
    p = Path(path)
    if not p.exists():
        raise MeshError(f"{p}: no such label image")
    name = p.name.lower()
    if p.is_dir():
        reader = _read_dicom
    else:
        suffix = ".nii.gz" if name.endswith(".nii.gz") else p.suffix.lower()
        reader = _READERS.get(suffix)
        if reader is None:
            raise MeshError(f"{p}: unknown label image type '{suffix}'; expected one of "
                            f"{', '.join(sorted(_READERS))} or a DICOM series folder")
    try:
        image = reader(p)
    except MeshError:
        raise
    except Exception as exc:
        raise MeshError(f"{p}: could not be read as a {reader.__name__[6:]} label image "
                        f"({type(exc).__name__}: {exc})") from exc
    if isinstance(image, IntensityImage):
        LabelImage._checked_values(np.asarray(image.data), str(p))  # raises
    return image


def read_intensity_image(path: str | Path) -> IntensityImage:
    """Read a 3-D intensity image (CT, LGE-MRI...) in any format :func:`read_label_image`
    reads; values as float32, world coordinates in mm (RAS+)."""
    p = Path(path)
    if not p.exists():
        raise MeshError(f"{p}: no such image")
    name = p.name.lower()
    suffix = ".nii.gz" if name.endswith(".nii.gz") else p.suffix.lower()
    reader = _read_dicom if p.is_dir() else _READERS.get(suffix)
    if reader is None:
        raise MeshError(f"{p}: unknown image type '{suffix}'; expected one of "
                        f"{', '.join(sorted(_READERS))} or a DICOM series folder")
    try:
        image = reader(p)
    except MeshError:
        raise
    except Exception as exc:
        raise MeshError(f"{p}: could not be read as an image ({type(exc).__name__}: "
                        f"{exc})") from exc
    return IntensityImage(np.asarray(image.data), image.spacing_mm, image.origin_mm,
                          image.direction, image.source)
