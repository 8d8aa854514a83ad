"""Tissue electrophysiology solvers on DOLFINx.

Importing this package is light; the solver modules import dolfinx when they are used
(:func:`cardiotwin._deps.require_dolfinx` raises a clear error if it is missing).

- :class:`cardiotwin.ep.monodomain.Monodomain` / :class:`MonodomainConfig` /
  :class:`IonicRegion` - the monodomain model with operator splitting
- :mod:`cardiotwin.ep.conductivity` - tensors from fibres, bidomain-equivalent values
- :mod:`cardiotwin.ep.stimulus` - a region and pacing protocols
- :mod:`cardiotwin.ep.activation` - activation/repolarisation/APD tracking during a run
- :mod:`cardiotwin.ep.ecg` - pseudo-ECG
"""
