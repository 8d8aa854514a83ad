"""Sphinx configuration of the cardiotwin documentation (``make docs``)."""

from __future__ import annotations

import os
from importlib.metadata import version as _version

project = "cardiotwin"
author = "cardiotwin developers"
copyright = "cardiotwin developers, MIT licence"
release = _version("cardiotwin")

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
]

autosummary_generate = True
autodoc_typehints = "none"
autodoc_default_options = {"members": True, "show-inheritance": False}
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False

sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"\.py$",
    # the examples run in the test suite (serially and under MPI); the gallery shows them
    "plot_gallery": "False",
    "download_all_examples": False,
    "within_subsection_order": "FileNameSortKey",
}

html_theme = "furo"
html_title = f"cardiotwin {release}"
exclude_patterns = ["_build"]
# the docs do not need a display or MPI launcher to import the modules
os.environ.setdefault("CARDIOTWIN_DOCS", "1")
html_static_path = ["_static"]
