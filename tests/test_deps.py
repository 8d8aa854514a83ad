"""Optional dependencies fail with a message that says how to install them."""

import pytest

from cardiotwin._deps import require
from cardiotwin.exceptions import DependencyError


def test_missing_optional_dependency_names_the_extra():
    with pytest.raises(DependencyError, match=r"pip install 'cardiotwin\[viz\]'"):
        require("surely_not_a_module_xyz", extra="viz", purpose="Plotting activation maps")


def test_import_cardiotwin_is_light():
    import subprocess
    import sys

    code = ("import sys, cardiotwin, cardiotwin.units, cardiotwin.cli; "
            "heavy = [m for m in ('dolfinx', 'petsc4py', 'pyvista', 'myokit', 'gmsh') "
            "if m in sys.modules]; print(','.join(heavy))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""
