"""Label maps, image readers (world coordinates agree across formats) and bad input."""

from __future__ import annotations

import numpy as np
import pytest

from cardiotwin.exceptions import ConfigError, MeshError
from cardiotwin.geometry.image import LabelImage, read_label_image
from cardiotwin.geometry.labels import MMWHS_LABELS, LabelMap
from cardiotwin.geometry.meshing import mesh_from_labels

pytestmark = pytest.mark.skip_in_parallel


def _image():
    rng = np.random.default_rng(1)
    data = rng.integers(0, 4, size=(6, 7, 8)).astype(np.int16)
    spacing = np.array([0.5, 0.75, 1.25])
    t = np.deg2rad(30.0)
    direction = np.array([[np.cos(t), -np.sin(t), 0.0], [np.sin(t), np.cos(t), 0.0],
                          [0.0, 0.0, 1.0]])
    origin = np.array([10.0, -20.0, 5.0])
    return data, spacing, direction, origin


def test_label_map_parse_and_errors():
    m = LabelMap.parse("lv-myocardium=1,lv-blood=3,rv-blood=5")
    assert m == MMWHS_LABELS
    assert m.as_dict() == {"lv-myocardium": 1, "lv-blood": 3, "rv-blood": 5}
    with pytest.raises(ConfigError, match="unknown label role"):
        LabelMap.parse("lv-myocardium=1,lv-blood=3,atrium=2")
    with pytest.raises(ConfigError, match="expected an integer"):
        LabelMap.parse("lv-myocardium=one,lv-blood=3")
    with pytest.raises(ConfigError, match="both use label 1"):
        LabelMap.parse("lv-myocardium=1,lv-blood=1")
    with pytest.raises(ConfigError, match="lv-blood is required"):
        LabelMap.parse("lv-myocardium=1")


def test_nifti_nrrd_metaimage_vti_agree(tmp_path):
    """The same voxel lands at the same world point (RAS, mm) from every format."""
    import nibabel
    import nrrd
    import pyvista

    data, spacing, direction, origin = _image()
    affine = np.eye(4)
    affine[:3, :3] = direction * spacing
    affine[:3, 3] = origin
    nibabel.save(nibabel.Nifti1Image(data, affine), tmp_path / "a.nii.gz")
    lps = np.diag([-1.0, -1.0, 1.0])
    nrrd.write(str(tmp_path / "a.nrrd"), data, {
        "space": "left-posterior-superior",
        "space directions": (lps @ direction * spacing).T, "space origin": lps @ origin})
    raw = np.ascontiguousarray(data.transpose(2, 1, 0)).tobytes()  # x fastest
    dm = lps @ direction
    header = (f"ObjectType = Image\nNDims = 3\nDimSize = {' '.join(map(str, data.shape))}\n"
              f"ElementSpacing = {' '.join(map(str, spacing))}\n"
              f"Offset = {' '.join(map(str, lps @ origin))}\n"
              f"TransformMatrix = {' '.join(map(str, dm.T.ravel()))}\n"
              "ElementType = MET_SHORT\nElementDataFile = LOCAL\n")
    (tmp_path / "a.mha").write_bytes(header.encode() + raw)
    grid = pyvista.ImageData(dimensions=data.shape, spacing=spacing, origin=origin)
    grid.direction_matrix = direction
    grid.point_data["labels"] = data.ravel(order="F")
    grid.save(tmp_path / "a.vti")

    ijk = np.array([[0, 0, 0], [5, 6, 7], [2, 3, 4]], dtype=float)
    expected = origin + (ijk * spacing) @ direction.T
    for name in ("a.nii.gz", "a.nrrd", "a.mha", "a.vti"):
        img = read_label_image(tmp_path / name)
        np.testing.assert_array_equal(img.data, data, err_msg=name)
        np.testing.assert_allclose(img.spacing_mm, spacing, rtol=1e-6, err_msg=name)
        np.testing.assert_allclose(img.index_to_world(ijk), expected, atol=1e-5, err_msg=name)
        np.testing.assert_allclose(img.world_to_index(expected), ijk, atol=1e-5, err_msg=name)


def test_dicom_series(tmp_path):
    """A DICOM series of label slices: slices sorted by position, LPS -> RAS."""
    pydicom = pytest.importorskip("pydicom")
    from pydicom.dataset import FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    data = np.zeros((5, 4, 3), dtype=np.uint16)  # (columns i, rows j, slices k)
    data[1, 2, 0], data[4, 3, 2] = 1, 2
    for k in (2, 0, 1):  # written out of order
        ds = pydicom.Dataset()
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
        ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
        ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
        ds.Rows, ds.Columns = 4, 5
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 16, 15
        ds.PixelRepresentation, ds.SamplesPerPixel = 0, 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [-10.0, -20.0, 2.5 * k]
        ds.PixelSpacing = [0.8, 0.6]  # row spacing, column spacing
        ds.PixelData = np.ascontiguousarray(data[:, :, k].T).tobytes()
        ds.save_as(tmp_path / f"s{k}.dcm", enforce_file_format=True)
    img = read_label_image(tmp_path)
    np.testing.assert_array_equal(img.data, data)
    np.testing.assert_allclose(img.spacing_mm, (0.6, 0.8, 2.5))
    # voxel (4, 3, 2) is at LPS (-10 + 4*0.6, -20 + 3*0.8, 5) -> RAS
    np.testing.assert_allclose(img.index_to_world([4, 3, 2]), (10 - 2.4, 20 - 2.4, 5.0))


def test_bad_files(tmp_path):
    with pytest.raises(MeshError, match="no such label image"):
        read_label_image(tmp_path / "missing.nii.gz")
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(MeshError, match="unknown label image type"):
        read_label_image(tmp_path / "notes.txt")
    (tmp_path / "fake.nii.gz").write_text("not an image")
    with pytest.raises(MeshError, match="could not be read"):
        read_label_image(tmp_path / "fake.nii.gz")


def test_zero_spacing(tmp_path):
    import nibabel

    img = nibabel.Nifti1Image(np.zeros((4, 4, 4), np.uint8), None)
    img.header["pixdim"][1:4] = (1.0, 0.0, 1.0)  # a header with a zero voxel size
    nibabel.save(img, tmp_path / "z.nii.gz")
    with pytest.raises(MeshError, match="spacing"):
        read_label_image(tmp_path / "z.nii.gz")
    with pytest.raises(MeshError, match="spacing"):
        LabelImage(np.zeros((4, 4, 4), np.uint8), (1.0, 0.0, 1.0))


def _balls(two: bool) -> LabelImage:
    x = np.stack(np.meshgrid(*(np.arange(40.0),) * 3, indexing="ij"), axis=-1)
    data = np.zeros((40, 40, 40), np.uint8)
    for c in ([12.0, 20, 20], [28.0, 20, 20]) if two else ([20.0, 20, 20],):
        r = np.linalg.norm(x - c, axis=-1)
        data[r <= 7] = 1
        data[r <= 4] = 3
    return LabelImage(data, (1.0, 1.0, 1.0), source="balls")


def test_mesh_input_errors():
    lv_only = LabelMap.parse("lv-myocardium=1,lv-blood=3")
    one = _balls(False)
    with pytest.raises(MeshError, match=r"label 4 \(rv-blood\) does not occur"):
        mesh_from_labels(one, LabelMap.parse("lv-myocardium=1,lv-blood=3,rv-blood=4"))
    with pytest.raises(MeshError, match="does not occur"):
        mesh_from_labels(LabelImage(np.zeros((8, 8, 8), np.uint8), (1, 1, 1)), lv_only)
    with pytest.raises(MeshError, match="disconnected into 2 pieces"):
        mesh_from_labels(_balls(True), lv_only, 2.0)
    with pytest.raises(MeshError, match="use a larger edge length"):
        mesh_from_labels(one, lv_only, 1e-3)
    with pytest.raises(ConfigError, match="edge_length_mm"):
        mesh_from_labels(one, lv_only, 0.0)
