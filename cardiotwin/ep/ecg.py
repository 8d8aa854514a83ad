"""Pseudo-ECG: extracellular potential at electrodes in an unbounded volume conductor.

Notes
-----
For an infinite homogeneous bath of conductivity ``sigma_b`` (Plonsey & Barr; Gima &
Rudy 2002, Circ Res 90:889, eq. 1)::

    phi_e(x_e) = 1 / (4 pi sigma_b) * int_Omega (-sigma grad V) . grad(1 / r) dOmega,
    r = |x - x_e|,   grad(1/r) = -(x - x_e) / r^3   (gradient at the source point x).

``-sigma grad V`` is the impressed current density, which points in the direction of
propagation at a depolarisation front: a front travelling towards an electrode gives a
positive deflection there, the convention of clinical ECGs.  The integral is linear in V,
so for every electrode the vector
``w_i = -int (sigma grad phi_i) . grad(1/r) dOmega / (4 pi sigma_b)`` is assembled once
and ``phi_e = w . V`` costs one dot product per sample.  With ``sigma`` in S/m (mS/mm),
V in mV and lengths in mm, ``phi_e`` is in mV.  Electrodes must lie outside the tissue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from cardiotwin._deps import require_dolfinx
from cardiotwin._mpi import allreduce_min
from cardiotwin.exceptions import ConfigError


@dataclass
class PseudoECG:
    """Samples electrode potentials from a running simulation.

    Parameters
    ----------
    sim
        A :class:`cardiotwin.ep.monodomain.Monodomain`.
    electrodes_mm
        Electrode name -> position (mm).
    sigma_bath_S_per_m
        Bath conductivity (S/m); its value scales all signals.
    every_n_steps
        Sampling stride in time steps.
    leads
        Optional name -> (positive electrode, negative electrode) for bipolar leads.
    """

    sim: Any
    electrodes_mm: Mapping[str, Sequence[float]]
    sigma_bath_S_per_m: float = 1.0
    every_n_steps: int = 10
    leads: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        require_dolfinx()
        import dolfinx.fem.petsc
        import ufl

        if not self.electrodes_mm:
            raise ConfigError("PseudoECG needs at least one electrode")
        if self.sigma_bath_S_per_m <= 0:
            raise ConfigError(f"sigma_bath_S_per_m = {self.sigma_bath_S_per_m}: expected > 0")
        for lead, (a, b) in self.leads.items():
            for e in (a, b):
                if e not in self.electrodes_mm:
                    raise ConfigError(f"lead {lead!r} refers to unknown electrode {e!r}")
        sim = self.sim
        mesh = sim.mesh
        x = ufl.SpatialCoordinate(mesh)
        w = ufl.TestFunction(sim.V)
        self._weights = {}
        coords = mesh.geometry.x
        for name, pos in self.electrodes_mm.items():
            p = np.asarray(pos, dtype=float)
            if p.shape != (3,):
                raise ConfigError(f"electrode {name!r} position {pos} is not a 3-vector (mm)")
            dmin = allreduce_min(sim.comm, float(np.min(np.linalg.norm(coords - p, axis=1)))
                                 if coords.size else np.inf)
            if dmin < 1e-6:
                raise ConfigError(f"electrode {name!r} at {pos} lies on the tissue mesh; "
                                  "place electrodes outside the tissue")
            xe = ufl.as_vector([float(c) for c in p[: mesh.geometry.dim]])
            r = ufl.sqrt(ufl.dot(x - xe, x - xe))
            grad_inv_r = -(x - xe) / r**3
            scale = -1.0 / (4.0 * np.pi * self.sigma_bath_S_per_m)
            form = dolfinx.fem.form(scale * ufl.inner(sim.sigma * ufl.grad(w), grad_inv_r)
                                    * ufl.dx)
            vec = dolfinx.fem.petsc.assemble_vector(form)
            vec.ghostUpdate(addv=_add(), mode=_reverse())
            self._weights[name] = vec
        self.times: list[float] = []
        self._samples: list[list[float]] = []
        self.sample()
        sim.add_observer(self._observe)

    def _observe(self, sim: Any) -> None:
        if sim.step_count % self.every_n_steps == 0:
            self.sample()

    def sample(self) -> None:
        """Record all electrode potentials now (collective)."""
        x = self.sim.v.x.petsc_vec
        self.times.append(self.sim.t)
        self._samples.append([w.dot(x) for w in self._weights.values()])

    def signals(self) -> dict[str, npt.NDArray[np.float64]]:
        """Electrode potentials and bipolar leads (mV) over :attr:`times` (ms)."""
        data = np.asarray(self._samples)
        out = {name: data[:, i] for i, name in enumerate(self._weights)}
        for lead, (a, b) in self.leads.items():
            out[lead] = out[a] - out[b]
        return out

    def twelve_lead(self) -> Any:
        """The 12-lead ECG (:class:`~cardiotwin.io.ecg.ECG12`, mV over ms) of electrodes
        named RA, LA, LL, V1..V6 (:mod:`cardiotwin.ep.electrodes`), with Wilson's central
        terminal."""
        from cardiotwin.ep.electrodes import twelve_leads
        from cardiotwin.io.ecg import ECG12

        leads = twelve_leads(self.signals())
        return ECG12(np.asarray(self.times, float), leads, "monodomain pseudo-ECG")


def _add() -> Any:
    from petsc4py import PETSc

    return PETSc.InsertMode.ADD


def _reverse() -> Any:
    from petsc4py import PETSc

    return PETSc.ScatterMode.REVERSE
