"""cardiotwin: patient-specific cardiac digital twins and in-silico trials.

Importing :mod:`cardiotwin` is light: it loads neither dolfinx, PETSc nor PyVista.  The
sub-packages are imported on demand:

- :mod:`cardiotwin.ionic` - compiled ionic cell models (NumPy/Cython only)
- :mod:`cardiotwin.ep` - tissue electrophysiology on DOLFINx
- :mod:`cardiotwin.geometry` - label image -> mesh -> tags -> fibres
- :mod:`cardiotwin.scenarios` - drugs, ablation, devices
- :mod:`cardiotwin.io`, :mod:`cardiotwin.viz` - outputs and pictures

Units are fixed in :mod:`cardiotwin.units`.
"""

from importlib.metadata import PackageNotFoundError, version

from cardiotwin.exceptions import CardiotwinError

try:
    __version__ = version("cardiotwin")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["CardiotwinError", "__version__"]
