"""Tissue electrophysiology on DOLFINx: the monodomain model with operator splitting.

Importing this package is light; the solver modules import dolfinx when they are used
(:func:`cardiotwin._deps.require_dolfinx` raises a clear error if it is missing).

Main entry points
-----------------
- :class:`cardiotwin.ep.monodomain.Monodomain` / :class:`MonodomainConfig`
- :mod:`cardiotwin.ep.conductivity` - tensors from fibres, bidomain-equivalent values
- :mod:`cardiotwin.ep.stimulus` - regions and pacing protocols (S1-S2 trains)
- :mod:`cardiotwin.ep.activation` - activation/repolarisation/APD maps
- :mod:`cardiotwin.ep.ecg` - pseudo-ECG
- :mod:`cardiotwin.ep.niederer` - the Niederer et al. 2011 benchmark
"""

__all__ = ["ecg_analysis_available"]


def ecg_analysis_available() -> bool:
    """True if the ECG interval analysis module (QRS/QT detection) is installed."""
    import importlib.util

    return importlib.util.find_spec("cardiotwin.ep.ecg_analysis") is not None
