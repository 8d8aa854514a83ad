"""Compiled ionic cell models (NumPy/Cython only; no dolfinx anywhere in this package).

- :func:`resolve_model`: a registry name, a model file or a model object -> a model (the
  one way callers turn a user's choice into a model; under MPI a file is compiled once);
- :func:`get_model`, :func:`model_names`: the shipped models (``tp06-epi``, ``ord-endo``...)
  and user models loaded in this process;
- :func:`load_model`: generate, compile (cached by content hash) and load a user's CellML
  or Myokit ``.mmt`` file;
- :mod:`cardiotwin.ionic.simulate`: single-cell pacing; :mod:`cardiotwin.ionic.biomarkers`:
  APD, V_rest, V_peak, dV/dt_max, calcium transient on any trace;
- :mod:`cardiotwin.ionic.codegen`: the CellML -> Cython kernel generator.
"""

from __future__ import annotations

from typing import Any

from cardiotwin.ionic.registry import CellModel, get_model, model_names, resolve_model

__all__ = ["CellModel", "get_model", "load_model", "model_names", "resolve_model"]


def load_model(path: Any, **kwargs: Any) -> CellModel:
    """Generate, compile (cached) and load a user cell model; see :func:`.jit.load_model`."""
    from cardiotwin.ionic.jit import load_model as _load

    return _load(path, **kwargs)
