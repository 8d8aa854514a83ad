"""Exception hierarchy: every error cardiotwin raises on purpose derives from
:class:`CardiotwinError`, so a script can catch them all in one place.

Messages say what was wrong (the file, field or value) and how to fix it.
"""

from __future__ import annotations


class CardiotwinError(Exception):
    """Root of all cardiotwin errors."""


class ConfigError(CardiotwinError, ValueError):
    """A parameter or configuration value is invalid (names the field and allowed range)."""


class DependencyError(CardiotwinError, ImportError):
    """An optional dependency (dolfinx, PyVista, Myokit, a compiler, ...) is missing."""


class KernelError(CardiotwinError):
    """A compiled kernel is missing, failed to build, or was given bad arrays."""


class ModelError(CardiotwinError):
    """A cell model cannot be used (unknown name, missing variable, unknown units)."""


class MeshError(CardiotwinError):
    """A mesh or label image is unusable (empty region, bad spacing, poor quality)."""


class SolverError(CardiotwinError):
    """A linear or nonlinear solve did not converge; carries the time and PETSc's reason."""
