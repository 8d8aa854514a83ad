"""Map pictures: views from the heart's own axes on any orientation of the input, the colour
bar clear of the mesh, no VTK display warnings off screen."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys

import numpy as np
import pytest

pytestmark = pytest.mark.skip_in_parallel


def _rotation(seed: int) -> np.ndarray:
    q, _ = np.linalg.qr(np.random.default_rng(seed).normal(size=(3, 3)))
    return q * np.sign(np.linalg.det(q))  # a proper rotation


def _grid(geo, transmural):
    from cardiotwin.viz.maps import gather_grid

    return gather_grid(transmural.function_space, {"t": transmural.x.array})


def test_heart_frame_turns_with_the_heart(dolfinx):
    """Rotating the anatomy rotates its frame: the views do not depend on the scanner."""
    from cardiotwin.geometry.frame import heart_frame
    from cardiotwin.geometry.io import PHANTOM_FOLDER, load_geometry

    geo = load_geometry(PHANTOM_FOLDER)
    f0 = heart_frame(geo)
    r = _rotation(3)
    geo.mesh.geometry.x[:] = geo.mesh.geometry.x @ r.T
    f1 = heart_frame(geo)
    np.testing.assert_allclose(f1.long_axis, r @ np.asarray(f0.long_axis), atol=1e-9)
    np.testing.assert_allclose(f1.septal_axis, r @ np.asarray(f0.septal_axis), atol=1e-9)
    for view in ("anterior", "lao", "base", "posterior"):
        d0, u0 = f0.view(view)
        d1, u1 = f1.view(view)
        np.testing.assert_allclose(d1, r @ d0, atol=1e-9)
        np.testing.assert_allclose(u1, r @ u0, atol=1e-9)
    # the phantom's long axis is z (apex at -z) and its RV lies on +x
    np.testing.assert_allclose(f0.long_axis, (0, 0, 1), atol=0.1)
    assert f0.septal_axis[0] > 0.9


def test_pictures_of_a_rotated_heart_are_the_same_picture(dolfinx, tmp_path):
    import imageio.v3 as iio

    from cardiotwin.geometry.frame import heart_frame
    from cardiotwin.geometry.io import PHANTOM_FOLDER, load_geometry
    from cardiotwin.viz.maps import render_map

    images = []
    for k, seed in enumerate((None, 7)):
        geo = load_geometry(PHANTOM_FOLDER)
        if seed is not None:
            geo.mesh.geometry.x[:] = geo.mesh.geometry.x @ _rotation(seed).T
        grid = _grid(geo, geo.fibres.apicobasal)
        path = render_map(grid, "t", tmp_path / f"map{k}.png", title="apicobasal", unit="1",
                          view=heart_frame(geo).view("anterior"))
        images.append(np.asarray(iio.imread(path))[..., :3].astype(float))
    diff = np.abs(images[0] - images[1]).mean() / 255.0
    assert diff < 0.02, diff
    drawn = np.mean(images[0].min(axis=-1) < 235)
    assert drawn > 0.25  # the heart fills the picture


def test_colour_bar_band_is_clear_of_the_mesh(dolfinx):
    """Every mesh point projects between the colour-bar band and the title line."""
    from cardiotwin.geometry.frame import heart_frame
    from cardiotwin.geometry.io import PHANTOM_FOLDER, load_geometry
    from cardiotwin.viz._render import BAR_BAND, TITLE_BAND, WINDOW, place_camera, pyvista_offscreen

    pv = pyvista_offscreen()
    geo = load_geometry(PHANTOM_FOLDER)
    geo.mesh.geometry.x[:] = geo.mesh.geometry.x @ _rotation(11).T
    grid = _grid(geo, geo.fibres.transmural)
    for view in ("anterior", "lao", "base"):
        plotter = pv.Plotter(off_screen=True, window_size=WINDOW)
        plotter.add_mesh(grid)
        place_camera(plotter, grid, heart_frame(geo).view(view))
        plotter.render()
        ren = plotter.renderer
        ys = []
        for p in np.asarray(grid.points)[::7]:
            ren.SetWorldPoint(*p, 1.0)
            ren.WorldToDisplay()
            ys.append(ren.GetDisplayPoint()[1])
        plotter.close()
        h = WINDOW[1]
        assert min(ys) > BAR_BAND * h - 1 and max(ys) < (1 - TITLE_BAND) * h + 1, view


@pytest.mark.skipif(ctypes.util.find_library("EGL") is None,
                    reason="no EGL library: off-screen VTK falls back to X here")
def test_off_screen_rendering_prints_no_display_warning(tmp_path):
    code = ("import numpy as np\n"
            "from cardiotwin.viz.maps import grid_from_mesh, render_map\n"
            "pts = np.array([[0,0,0],[1,0,0],[0,1,0],[0,0,1]], float)\n"
            "g = grid_from_mesh(pts, np.array([[0,1,2,3]]), point_data={'a': np.arange(4.0)})\n"
            f"render_map(g, 'a', {str(tmp_path / 'a.png')!r}, title='a', unit='1')\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY",
                                                            "VTK_DEFAULT_OPENGL_WINDOW")}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "bad X server" not in res.stderr and "WARN" not in res.stderr, res.stderr
    assert (tmp_path / "a.png").stat().st_size > 1000
