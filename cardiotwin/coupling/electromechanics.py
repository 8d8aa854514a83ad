"""A beating heart: electrophysiology -> calcium -> Land tension -> mechanics <-> circulation.

Notes
-----
Staggered coupling (explicit between EP/tension and mechanics, implicit between mechanics
and circulation), one mechanics step ``dt`` (about 1 ms) from ``t_n`` to ``t_{n+1}``:

1. the monodomain model advances on its own mesh and time step to ``t_{n+1}``;
2. the intracellular calcium (µM) is carried to the points of the active tension (the
   mechanics quadrature points, or cells): directly when both solvers share the mesh,
   otherwise by non-matching interpolation onto a P1 field of the mechanics mesh first;
3. the Land model's crossbridge states advance with the calcium linear in time over the
   step, at the fibre stretch ``lambda_n``;
4. the mechanics is solved at the volumes ``V_n`` with the new tension (pressures
   ``p^0``; the cavity pressures are the Lagrange multipliers of the volume
   constraints); the circulation then advances over the step seeing the cavities as the
   linear chambers ``p^k + E (V - V^k)`` (``E`` the elastance matrix ``dp_i/dV_j``:
   the septum makes the LV volume move the RV pressure and back; measured column by
   column on the passive heart at the start) and returns volumes ``V^{k+1}``; if they
   moved, the mechanics is solved there, ``E`` gets Broyden's secant update from the two
   solves (its diagonal kept at least the passive one) and the circulation step is
   repeated from its start, until the volumes agree
   (``CouplingConfig.linearised_cavities``; the plain explicit exchange - the pressure
   ``p_n`` held over the step, one solve - is unstable when ``dt E / R`` of an open
   valve is not small, as in the ejection of a small, stiff, contracting cavity);
5. the mechanics is solved at the accepted volumes: the state at ``t_{n+1}``.  The
   tension's stretch and stretch-rate dependence is implicit in every solve:
   ``T_a(lambda) = h(lambda) (alpha + beta (lambda - lambda_n))``
   (:class:`~cardiotwin.mechanics.land.LandTensionLaw`);
6. the Land distortions are updated exactly for the stretch moving from ``lambda_n`` to
   ``lambda_{n+1}``.

The volumes are states of the circulation, so the blood volume of a closed loop is
conserved exactly; isovolumic phases (both valves of a ventricle closed) hold the cavity
volume while the pressure follows the tension.  The plain explicit exchange is stable
only while ``dt E / R`` stays small (``E`` the cavity's elastance, ``R`` the open valve's
resistance); beyond, it shows as valve chatter (a valve opening and closing on alternate
steps) and pressure oscillations.

There is no mechano-electric feedback: the electrophysiology does not see the
deformation.

Checkpoints (:meth:`Electromechanics.save_checkpoint`) hold the whole coupled state: the
monodomain checkpoint (partition-independent), the mechanics unknowns, the Land states,
fibre stretch and calcium at the tension points, the circulation, the elastance matrix
and the recorded history, so that a restored run continues exactly as the original would
have.  The mechanics unknowns and the tension-point arrays are keyed by the coordinates
of their points (:mod:`cardiotwin.io.pointdata`), so a checkpoint is restored on the
same mesh on any number of ranks (a point without a saved one nearby is an error).
"""

from __future__ import annotations

import json
import logging
import math
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cardiotwin.circulation.lumped import LumpedCirculation
from cardiotwin.exceptions import ConfigError, SolverError
from cardiotwin.io.pointdata import gather_by_point, scatter_by_point
from cardiotwin.ionic.simulate import cai_index_and_scale
from cardiotwin.mechanics.land import LandParameters, LandTension, LandTensionLaw
from cardiotwin.mechanics.problem import ProblemState
from cardiotwin.units import ML_TO_MM3, MMHG_TO_KPA

logger = logging.getLogger(__name__)

#: phases of :attr:`Electromechanics.timings`
PHASES = ("ep", "tension", "circulation", "mechanics")


@dataclass(frozen=True)
class CouplingConfig:
    """Time stepping of the coupled problem.

    Parameters
    ----------
    dt_ms
        Step of the mechanics, the tension and the circulation (ms); a multiple of the
        EP step.
    calcium_substeps
        Land crossbridge substeps per step.
    circulation_substeps
        Forward Euler substeps of the circulation per step.
    linearised_cavities
        Within a step the circulation sees each cavity as ``p_n + E (V - V_n)`` with
        ``E`` the cavities' elastance matrix (the passive one measured at the start,
        then Broyden updates between the mechanics solves of a step), and the step is
        repeated until the volumes agree (an implicit, quasi-Newton exchange); ``False``:
        the pressure ``p_n`` is held over the step (plain explicit, one solve a step).
    coupling_iterations
        Most repetitions of the circulation step per mechanics step.
    volume_rtol
        Relative change of the cavity volumes between repetitions that ends them.
    """

    dt_ms: float = 1.0
    calcium_substeps: int = 1
    circulation_substeps: int = 10
    linearised_cavities: bool = True
    coupling_iterations: int = 4
    volume_rtol: float = 1e-5

    def __post_init__(self) -> None:
        if not (isinstance(self.dt_ms, int | float) and math.isfinite(self.dt_ms)
                and 0 < self.dt_ms <= 20):
            raise ConfigError(f"CouplingConfig.dt_ms = {self.dt_ms!r}: expected a step in "
                              "(0, 20] ms")
        if not (isinstance(self.volume_rtol, float) and 0 < self.volume_rtol < 0.1):
            raise ConfigError(f"CouplingConfig.volume_rtol = {self.volume_rtol!r}: expected "
                              "a number in (0, 0.1)")
        for name in ("calcium_substeps", "circulation_substeps", "coupling_iterations"):
            v = getattr(self, name)
            if not (isinstance(v, int) and 1 <= v <= 1000):
                raise ConfigError(f"CouplingConfig.{name} = {v!r}: expected an integer in "
                                  "[1, 1000]")


class CalciumTransfer:
    """Intracellular calcium (µM) of a monodomain model at the tension points of a
    mechanics problem.

    Parameters
    ----------
    ep
        The :class:`~cardiotwin.ep.monodomain.Monodomain` (every ionic model must expose
        its calcium, except non-excitable regions such as a scar core, whose calcium is
        0).
    target
        The function whose entries are the tension points (the problem's
        ``active_tension``).
    ep_geometry_mm
        The mechanics mesh's node coordinates (this rank's rows of ``geometry.x``) in
        the configuration the EP mesh depicts; ``None``: its reference.
    """

    def __init__(self, ep: Any, target: Any, ep_geometry_mm: Any = None) -> None:
        import ufl
        from dolfinx import fem

        from cardiotwin.ionic.nonexcitable import NonExcitable

        self.ep = ep
        self._rows: list[tuple[int, float] | None] = []
        for b in ep.blocks:
            if isinstance(b.model, NonExcitable):  # scar/ablated: no myocytes, no calcium
                self._rows.append(None)
                continue
            found = cai_index_and_scale(b.model)
            if found is None:
                raise ConfigError(f"ionic model {getattr(b.model, 'name', b.model)!r} has no "
                                  "intracellular calcium state ('Cai'): the active tension "
                                  "needs one (ORd, ORd-CiPA, TP06 have it)")
            self._rows.append(found)
        self.cai_ep = fem.Function(ep.V, name="Cai")
        Q = target.function_space
        mech_mesh = Q.mesh
        self.same_mesh = mech_mesh is ep.mesh
        if self.same_mesh:
            source = self.cai_ep
            self._interp_data = None
        else:
            P1 = fem.functionspace(mech_mesh, ("Lagrange", 1))
            self.cai_mech = fem.Function(P1, name="Cai")
            tdim = mech_mesh.topology.dim
            imap = mech_mesh.topology.index_map(tdim)
            self._cells = np.arange(imap.size_local + imap.num_ghosts, dtype=np.int32)
            # two meshes of the same labels differ at the surface by up to their
            # remeshing tolerances: a mechanics vertex just outside the EP mesh takes the
            # value of the nearest EP cell (within one mechanics cell size), never 0
            from mpi4py import MPI

            h_local = (float(mech_mesh.h(tdim, self._cells).max()) if len(self._cells)
                       else 0.0)
            padding = mech_mesh.comm.allreduce(h_local, op=MPI.MAX)
            from cardiotwin.mechanics.unloading import geometry_as

            # the vertices are located where the EP mesh depicts them (after unloading:
            # the imaged heart, not the reference); the data found keeps holding after
            with geometry_as(mech_mesh, ep_geometry_mm):
                self._interp_data = fem.create_interpolation_data(P1, ep.V, self._cells,
                                                                  padding=padding)
                self._check_coverage(ep, P1, padding)
            source = self.cai_mech
        self.values = fem.Function(Q, name="Cai_points")
        self._expr = fem.Expression(ufl.as_ufl(source), Q.element.interpolation_points)

    def _check_coverage(self, ep: Any, P1: Any, padding_mm: float) -> None:
        """Raise if a mechanics vertex lies further than ``padding_mm`` outside the EP
        mesh (it would get no calcium and no tension)."""
        from mpi4py import MPI

        from dolfinx import fem

        one = fem.Function(ep.V)
        one.x.array[:] = 1.0
        probe = fem.Function(P1)
        probe.interpolate_nonmatching(one, self._cells, self._interp_data)
        n_owned = P1.dofmap.index_map.size_local
        missed = int(np.count_nonzero(~np.isclose(probe.x.array[:n_owned], 1.0)))
        missed = P1.mesh.comm.allreduce(missed, op=MPI.SUM)
        if missed:
            raise ConfigError(f"{missed} mechanics vertices lie more than {padding_mm:.3g} mm "
                              "outside the EP mesh: the two meshes are not of the same "
                              "myocardium (give both from the same labels)")

    def __call__(self) -> np.ndarray:
        """Calcium (µM) at every local tension point (a copy)."""
        arr = self.cai_ep.x.array
        for b, found in zip(self.ep.blocks, self._rows, strict=True):
            if found is None:
                arr[b.dofs] = 0.0
            else:
                row, scale = found
                arr[b.dofs] = b.states[row] * scale
        self.cai_ep.x.scatter_forward()
        if not self.same_mesh:
            self.cai_mech.interpolate_nonmatching(self.cai_ep, self._cells, self._interp_data)
            self.cai_mech.x.scatter_forward()
        self.values.interpolate(self._expr)
        out = self.values.x.array.copy()
        if not np.all(np.isfinite(out)):
            raise SolverError(f"t = {self.ep.t:.3f} ms: the calcium handed to the tension "
                              "model is not finite")
        return out


class Electromechanics:
    """EP, Land tension, mechanics and a lumped circulation stepped together
    (module notes).

    Parameters
    ----------
    ep
        The monodomain model (its time is the coupled time; its step divides ``dt_ms``).
    mechanics
        A :class:`~cardiotwin.mechanics.MechanicsProblem` with
        ``ActiveStress(space="quadrature" or "cell", tension_law=LandTensionLaw(...))``
        and a cavity for every ventricle of ``circulation``, already at the state the
        beat starts from (e.g. filled to the end-diastolic pressure).
    circulation
        The circulation; its ventricle volumes are set to the cavity volumes.
    land
        Land model parameters of every tension point (per-point changes via
        ``self.land.set_parameter``).
    config
        Time stepping.
    cavities
        Circulation ventricle -> mechanics cavity name (default: the same names).
    ep_geometry_mm
        Where the EP mesh sees the mechanics mesh's nodes, when the meshes differ: this
        rank's rows of ``mechanics.mesh.geometry.x`` in the configuration the EP mesh
        depicts (after :func:`~cardiotwin.mechanics.unloading.unload`: the imaged
        nodes, :attr:`UnloadingResult.imaged_coordinates_mm
        <cardiotwin.mechanics.unloading.UnloadingResult>`); default: the reference.
    """

    def __init__(self, ep: Any, mechanics: Any, circulation: LumpedCirculation, *,
                 land: LandParameters | None = None, config: CouplingConfig | None = None,
                 cavities: Mapping[str, str] | None = None,
                 ep_geometry_mm: Any = None) -> None:
        self.config = config or CouplingConfig()
        if not isinstance(self.config, CouplingConfig):
            raise ConfigError(f"config is a {type(self.config).__name__}: expected "
                              "CouplingConfig")
        if not isinstance(circulation, LumpedCirculation):
            raise ConfigError(f"circulation is a {type(circulation).__name__}: expected a "
                              "lumped circulation model")
        law = getattr(mechanics.active, "tension_law", None)
        if mechanics.active_tension is None or not isinstance(law, LandTensionLaw):
            raise ConfigError("the mechanics problem needs active stress with the Land law: "
                              "ActiveStress(space='quadrature', tension_law=LandTensionLaw())")
        self.cavities = dict(cavities or {v: v for v in circulation.ventricles})
        for v, c in self.cavities.items():
            if v not in circulation.ventricles:
                raise ConfigError(f"cavities: the circulation has no ventricle {v!r}; it has "
                                  f"{list(circulation.ventricles)}")
            if c not in mechanics.cavities:
                raise ConfigError(f"cavities: the mechanics problem has no cavity {c!r}; it "
                                  f"has {sorted(mechanics.cavities)}")
        missing = [v for v in circulation.ventricles if v not in self.cavities]
        if missing:
            raise ConfigError(f"circulation ventricles {missing} have no mechanics cavity")
        steps = self.config.dt_ms / ep.config.dt_ms
        if abs(steps - round(steps)) > 1e-9 or round(steps) < 1:
            raise ConfigError(f"CouplingConfig.dt_ms = {self.config.dt_ms} is not a multiple "
                              f"of the EP step {ep.config.dt_ms} ms")
        self.ep, self.mechanics, self.circulation = ep, mechanics, circulation
        self.law = law
        self.land_parameters = land or LandParameters()
        if abs(self.land_parameters.beta0 - law.beta0) > 0:
            raise ConfigError(f"LandTensionLaw.beta0 = {law.beta0} differs from "
                              f"LandParameters.beta0 = {self.land_parameters.beta0}")
        self.t_ms = float(ep.t)
        self.calcium = CalciumTransfer(ep, mechanics.active_tension, ep_geometry_mm)
        n = len(mechanics.active_tension.x.array)
        self.land = LandTension(n, self.land_parameters)
        import ufl
        from dolfinx import fem

        Q = mechanics.active_tension.function_space
        self._stretch_fn = fem.Function(Q, name="fibre_stretch")
        self._stretch_expr = fem.Expression(ufl.sqrt(mechanics.kinematics.I4("f0")),
                                            Q.element.interpolation_points)
        self.stretch = self._fibre_stretch()
        self._cai = self.calcium()
        self.timings = dict.fromkeys(PHASES, 0.0)
        self.newton_iterations: list[int] = []
        self.history: dict[str, list[float]] = {"time_ms": []}
        for v in circulation.ventricles:
            self.history[f"{v}_volume_mL"] = []
            self.history[f"{v}_pressure_mmHg"] = []
        self.history["Ta_max_kPa"] = []
        self.history["cai_max_uM"] = []
        if self.config.linearised_cavities:
            for key in self._elastance_keys():
                self.history[key] = []
        for name in (*circulation.state_names,
                     *circulation.variables(dict.fromkeys(circulation.ventricles, 0.0))):
            self.history[f"circulation_{name}"] = []
        # the circulation takes over the cavity volumes; the cavities become constrained
        for v, c in self.cavities.items():
            circulation.set_ventricle_volume(v, mechanics.volume(c) / ML_TO_MM3)
            mechanics.set_volume(c, circulation.ventricle_volume(v) * ML_TO_MM3)
        #: the cavities' elastance matrix (mmHg/mL; rows, columns in ``self.cavities``
        #: order): ``E[i, j] = dp_i/dV_j``, the septum couples LV and RV
        self.elastances_mmHg_per_mL = (self._passive_elastances()
                                       if self.config.linearised_cavities else None)
        self._e_floor = (np.diag(self.elastances_mmHg_per_mL).copy()
                         if self.elastances_mmHg_per_mL is not None else None)
        self._circulation_s = 0.0
        #: what each :meth:`fast_forward` did (its report)
        self.fast_forwards: list[dict[str, Any]] = []
        self._record()

    def _elastance_keys(self) -> list[str]:
        """History names of the elastance matrix's entries, row-major."""
        return [f"elastance_{v}_{w}_mmHg_per_mL" for v in self.cavities for w in self.cavities]

    def _passive_elastances(self, rel: float = 0.01) -> np.ndarray:
        """The elastance matrix ``dp_i/dV_j`` (mmHg/mL) of the cavities at the current
        state: one solve per cavity with its volume ``rel`` larger, the others held (a
        column each); the state is restored.  The diagonal is kept >= 0."""
        mech = self.mechanics
        base = mech.state()
        names = list(self.cavities)
        p0 = self.pressures_mmHg()
        out = np.zeros((len(names), len(names)))
        for j, (v, c) in enumerate(self.cavities.items()):
            vol = self.circulation.ventricle_volume(v)
            mech.set_volume(c, vol * (1 + rel) * ML_TO_MM3)
            report = mech.newton()
            if not report.converged:
                mech.restore(base)
                raise SolverError(f"measuring the elastance of cavity {c!r}: the mechanics "
                                  f"did not converge ({report.reason})")
            p = self.pressures_mmHg()
            out[:, j] = [(p[w] - p0[w]) / (vol * rel) for w in names]
            mech.restore(base)
        np.fill_diagonal(out, np.maximum(np.diag(out), 0.0))
        logger.info("passive cavity elastances dp_i/dV_j (mmHg/mL), %s: %s", names,
                    np.array2string(out, precision=4))
        return out

    # ---------------------------------------------------------------- helpers
    def _fibre_stretch(self) -> np.ndarray:
        self._stretch_fn.interpolate(self._stretch_expr)
        return self._stretch_fn.x.array.copy()

    def pressures_mmHg(self) -> dict[str, float]:
        """Current cavity pressures (mmHg) by circulation ventricle."""
        return {v: self.mechanics.pressure(c) / MMHG_TO_KPA for v, c in self.cavities.items()}

    def _record(self) -> None:
        from mpi4py import MPI

        comm = self.mechanics.comm
        h = self.history
        h["time_ms"].append(self.t_ms)
        p = self.pressures_mmHg()
        for v in self.circulation.ventricles:
            h[f"{v}_volume_mL"].append(self.circulation.ventricle_volume(v))
            h[f"{v}_pressure_mmHg"].append(p[v])
        ta = self.mechanics.active_tension.x.array
        h["Ta_max_kPa"].append(comm.allreduce(float(ta.max()) if ta.size else -np.inf,
                                              op=MPI.MAX))
        h["cai_max_uM"].append(comm.allreduce(float(self._cai.max()) if self._cai.size
                                              else -np.inf, op=MPI.MAX))
        E = self.elastances_mmHg_per_mL
        if E is not None:  # the matrix the step used (a linearised beat needs it)
            for key, e in zip(self._elastance_keys(), E.ravel().tolist(), strict=True):
                h[key].append(e)
        for name in self.circulation.state_names:
            h[f"circulation_{name}"].append(self.circulation.value(name))
        # the circulation's algebraic variables (valve flows...) as its last step used
        # them, so that the flows integrate to the volumes moved; at the start: now
        variables = self.circulation.step_variables() or self.circulation.variables(p)
        for name, value in variables.items():
            h[f"circulation_{name}"].append(value)

    # ---------------------------------------------------------------- stepping
    def _solve_mechanics(self, volumes_mL: Mapping[str, float], t_new: float) -> int:
        for v, c in self.cavities.items():
            self.mechanics.set_volume(c, volumes_mL[v] * ML_TO_MM3)
        report = self.mechanics.newton()
        if not report.converged:
            vols = {v: round(x, 4) for v, x in volumes_mL.items()}
            raise SolverError(
                f"t = {t_new:.3f} ms: the mechanics did not converge ({report.reason}, "
                f"{report.iterations} iterations) at cavity volumes {vols} mL; try a "
                "smaller CouplingConfig.dt_ms or a finer mechanics mesh")
        return report.iterations

    def _exchange(self, dt: float) -> int:
        """Circulation and mechanics over one step (module notes); the Newton
        iterations spent."""
        cfg = self.config
        circ = self.circulation
        t_new = self.t_ms + dt
        snap = circ.snapshot()
        v_start = {v: circ.ventricle_volume(v) for v in self.cavities}
        if not cfg.linearised_cavities:
            tc = time.perf_counter()
            circ.step(dt, pressures_mmHg=self.pressures_mmHg(),
                      substeps=cfg.circulation_substeps)
            self._circulation_s += time.perf_counter() - tc
            return self._solve_mechanics({v: circ.ventricle_volume(v) for v in self.cavities},
                                         t_new)
        # the cavity pressures at the start volumes with the new tension
        its = self._solve_mechanics(v_start, t_new)
        names = list(self.cavities)
        E = self.elastances_mmHg_per_mL
        assert E is not None and self._e_floor is not None

        def vec(d: Mapping[str, float]) -> np.ndarray:
            return np.array([d[v] for v in names])

        v_k, p_k = vec(v_start), vec(self.pressures_mmHg())
        v0 = v_k.copy()
        for _ in range(cfg.coupling_iterations):
            tc = time.perf_counter()
            circ.restore(snap)
            p_lin = p_k - E @ (v_k - v0)  # the linearised cavities, through the start
            circ.step(dt, pressures_mmHg=dict(zip(names, p_lin.tolist(), strict=True)),
                      elastances_mmHg_per_mL={v: dict(zip(names, E[i].tolist(), strict=True))
                                              for i, v in enumerate(names)},
                      substeps=cfg.circulation_substeps)
            self._circulation_s += time.perf_counter() - tc
            v_new = vec({v: circ.ventricle_volume(v) for v in names})
            dv = v_new - v_k
            if np.all(np.abs(dv) <= cfg.volume_rtol * v_k):
                if np.any(dv != 0):  # the state is at V_{n+1}
                    its += self._solve_mechanics(dict(zip(names, v_new, strict=True)), t_new)
                break
            its += self._solve_mechanics(dict(zip(names, v_new, strict=True)), t_new)
            p_new = vec(self.pressures_mmHg())
            # Broyden's secant update of the elastance matrix at the new tension: the
            # septum makes a change of one cavity's volume move the other's pressure
            E += np.outer(p_new - p_k - E @ dv, dv) / float(dv @ dv)
            np.fill_diagonal(E, np.maximum(np.diag(E), self._e_floor))
            v_k, p_k = v_new, p_new
        else:
            logger.debug("t = %.3f ms: cavity volumes still moving after %d coupling "
                         "iterations", t_new, cfg.coupling_iterations)
        return its

    def step(self) -> None:
        """Advance every model by one coupled step (module notes; collective).

        Raises
        ------
        SolverError
            If the mechanics Newton does not converge or a state goes non-finite; the
            message names the time and the cavity volumes and pressures.
        """
        cfg = self.config
        dt = cfg.dt_ms
        t_new = self.t_ms + dt
        t0 = time.perf_counter()
        self.ep.run(t_new)
        t1 = time.perf_counter()
        cai_new = self.calcium()
        self.land.advance_calcium(self._cai, cai_new, dt, stretch=self.stretch,
                                  substeps=cfg.calcium_substeps)
        self._cai = cai_new
        alpha, beta = self.land.linearised_tension(dt)
        self.law.set(beta, self.stretch)
        self.mechanics.set_active_tension(alpha)
        t2 = time.perf_counter()
        circ_before = self._circulation_s
        iterations = self._exchange(dt)
        self.newton_iterations.append(iterations)
        t3 = time.perf_counter()
        new_stretch = self._fibre_stretch()
        self.land.update_zeta(self.stretch, new_stretch, dt)
        self.stretch = new_stretch
        t4 = time.perf_counter()
        self.t_ms = t_new
        circ = self._circulation_s - circ_before
        for k, dt_s in zip(PHASES, (t1 - t0, t2 - t1 + t4 - t3, circ, t3 - t2 - circ),
                           strict=True):
            self.timings[k] += dt_s
        self._record()

    def run(self, t_end_ms: float, *,
            progress: Callable[[float, float], None] | None = None,
            on_step: Callable[[], None] | None = None) -> None:
        """Step to ``t_end_ms`` (collective); ``progress(t, t_end)`` and ``on_step()``
        (e.g. writing outputs; collective) after every step."""
        n = round((t_end_ms - self.t_ms) / self.config.dt_ms)
        for _ in range(n):
            self.step()
            if progress is not None:
                progress(self.t_ms, t_end_ms)
            if on_step is not None:
                on_step()

    def fast_forward(self, cycle_length_ms: float, *, max_beats: int = 100,
                     rtol: float = 1e-4, max_volume_step: float = 0.03) -> dict[str, Any]:
        """Move the circulation to its periodic state with the ventricles of the beat
        just run, and bring the heart to its volumes (collective; call it at the end of
        a beat, while the ventricles are relaxed).

        The last ``cycle_length_ms`` of the history define linearised ventricles
        (:class:`~cardiotwin.circulation.periodic.LinearisedBeat`: the recorded volumes,
        pressures and elastance matrices); the circulation runs with them until a beat
        repeats (:func:`~cardiotwin.circulation.periodic.periodic_state`); its state at
        the start of that beat replaces the current one (blood volume conserved), and
        the mechanics is solved at its ventricular volumes in steps of at most
        ``max_volume_step`` of each volume.  The fibre stretch and the Land distortions
        follow (the crossbridges are at rest in diastole); the passive elastance matrix
        is measured again there.  The last recorded sample is replaced by the new state,
        so the traces start the next beat from it; the report is appended to
        :attr:`fast_forwards`.

        Returns
        -------
        dict
            ``t_ms``, ``beats`` (of the linearised loop), ``change``, ``converged``,
            ``volumes_before_mL``, ``volumes_after_mL``, ``pressures_before_mmHg``,
            ``pressures_after_mmHg``, ``blood_volume_mL``.

        Raises
        ------
        ConfigError
            Without linearised cavities, or with less than one beat recorded.
        SolverError
            If the mechanics does not converge on the way to the new volumes.
        """
        from cardiotwin.circulation.periodic import LinearisedBeat, periodic_state

        if self.elastances_mmHg_per_mL is None:
            raise ConfigError("fast_forward needs linearised cavities "
                              "(CouplingConfig.linearised_cavities = True)")
        if not (isinstance(max_volume_step, float) and 0 < max_volume_step <= 0.5):
            raise ConfigError(f"max_volume_step = {max_volume_step!r}: expected a fraction "
                              "in (0, 0.5]")
        names = tuple(self.cavities)
        beat = LinearisedBeat.from_traces(self.traces(), names, self.t_ms - cycle_length_ms,
                                          self.t_ms)
        circ = self.circulation
        blood = circ.total_volume_mL() if hasattr(circ, "total_volume_mL") else float("nan")
        found = periodic_state(circ, beat, max_beats=max_beats, rtol=rtol,
                               substeps=self.config.circulation_substeps)
        if not found.converged:
            logger.warning("t = %.1f ms: the linearised loop changed by %.2g after %d beats "
                           "(not periodic); taking its last state", self.t_ms, found.change,
                           found.beats)
        before = {v: circ.ventricle_volume(v) for v in names}
        p_before = self.pressures_mmHg()
        new_state = np.array([found.state[n] for n in circ.state_names])
        circ.restore((circ.t_ms, new_state))
        after = {v: circ.ventricle_volume(v) for v in names}
        rel = max(abs(after[v] - before[v]) / before[v] for v in names)
        steps = max(1, math.ceil(rel / max_volume_step))
        for i in range(1, steps + 1):
            self._solve_mechanics({v: before[v] + (after[v] - before[v]) * i / steps
                                   for v in names}, self.t_ms)
        new_stretch = self._fibre_stretch()
        self.land.update_zeta(self.stretch, new_stretch, self.config.dt_ms)
        self.stretch = new_stretch
        self.elastances_mmHg_per_mL = self._passive_elastances()
        self._e_floor = np.diag(self.elastances_mmHg_per_mL).copy()
        # the last sample becomes the state the next beat starts from
        for key in self.history:
            self.history[key].pop()
        self._record()  # (restored: the circulation's variables at the new state)
        report = {
            "t_ms": self.t_ms, "beats": found.beats, "change": found.change,
            "converged": found.converged,
            "volumes_before_mL": before, "volumes_after_mL": after,
            "pressures_before_mmHg": p_before, "pressures_after_mmHg": self.pressures_mmHg(),
            "blood_volume_mL": blood,
        }
        self.fast_forwards.append(report)
        logger.info("t = %.1f ms: fast-forward over %d linearised beats (change %.2g): "
                    "volumes %s -> %s mL, pressures -> %s mmHg", self.t_ms, found.beats,
                    found.change, {v: round(x, 3) for v, x in before.items()},
                    {v: round(x, 3) for v, x in after.items()},
                    {v: round(x, 2) for v, x in report["pressures_after_mmHg"].items()})
        return report

    # ---------------------------------------------------------------- checkpoints
    def save_checkpoint(self, directory: str | Path, extra: Mapping[str, Any] | None = None
                        ) -> Path:
        """Write the coupled state to ``directory`` (collective; module notes).

        It is written to ``<directory>.tmp`` and swapped in whole, so an interrupted
        write leaves the previous checkpoint as it was.  ``extra`` (JSON-serialisable,
        e.g. the run configuration) is stored with it and returned by
        :meth:`restore_checkpoint`.
        """
        comm = self.mechanics.comm
        d = Path(directory)
        tmp = d.with_name(d.name + ".tmp")
        old = d.with_name(d.name + ".old")
        if comm.rank == 0:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
        comm.Barrier()
        self.ep.save_checkpoint(tmp / "ep")
        st = self.mechanics.state()
        gathered = {}
        for name, (V, _, rows) in self._point_data(st.w).items():
            gathered[f"{name}_x"], gathered[f"{name}_v"] = gather_by_point(comm, V, rows)
        if comm.rank == 0:
            np.savez(tmp / "mechanics.npz", **gathered)
        comm.Barrier()
        if comm.rank == 0:
            E = self.elastances_mmHg_per_mL
            meta = {"t_ms": self.t_ms, "dt_ms": self.config.dt_ms, "ranks": comm.size,
                    "pressures_kPa": st.pressures_kPa,
                    "volume_targets_mm3": st.volume_targets_mm3,
                    "circulation": {"t_ms": self.circulation.t_ms,
                                    "state": self.circulation.state.tolist()},
                    "elastances_mmHg_per_mL": None if E is None else E.tolist(),
                    "elastance_floor": (None if self._e_floor is None
                                        else self._e_floor.tolist()),
                    "history": self.history, "timings_s": self.timings,
                    "circulation_s": self._circulation_s,
                    "newton_iterations": self.newton_iterations,
                    "fast_forwards": self.fast_forwards,
                    "extra": dict(extra or {}), "written": time.time()}
            (tmp / "meta.json").write_text(json.dumps(meta, default=float))
            shutil.rmtree(old, ignore_errors=True)
            if d.exists():
                d.rename(old)
            tmp.rename(d)
            shutil.rmtree(old, ignore_errors=True)
        comm.Barrier()
        logger.info("checkpoint %s at t = %.1f ms", d, self.t_ms)
        return d

    def restore_checkpoint(self, directory: str | Path) -> dict[str, Any]:
        """Continue from a checkpoint of :meth:`save_checkpoint` (collective); returns its
        ``extra``.

        Raises
        ------
        ConfigError
            The folder is not a checkpoint, or it was written with another time step or
            mechanics mesh (the number of ranks may differ).
        """
        comm = self.mechanics.comm
        found = checkpoint_meta(directory)
        if found is None:
            raise ConfigError(f"{Path(directory) / 'meta.json'} not found: not an "
                              "electromechanics checkpoint folder")
        d, meta = found
        if not math.isclose(meta["dt_ms"], self.config.dt_ms):
            raise ConfigError(f"checkpoint {d} was written with dt_ms = {meta['dt_ms']}, this "
                              f"run has {self.config.dt_ms}")
        if not (d / "mechanics.npz").is_file():
            raise ConfigError(f"checkpoint {d} has no mechanics.npz: written by an older "
                              "version (one file per rank); run the beat again")
        data = np.load(d / "mechanics.npz")
        w = np.empty_like(self.mechanics.w.x.array)
        points = None
        for name, (V, dofs, _) in self._point_data().items():
            if f"{name}_x" not in data:
                raise ConfigError(f"checkpoint {d}: no {name!r} data (another formulation)")
            try:
                got = scatter_by_point(V, data[f"{name}_x"], data[f"{name}_v"],
                                       what=f"checkpoint {d}, {name}")
                error = ""
            except ConfigError as exc:
                got, error = None, str(exc)
            errors = [e for e in comm.allgather(error) if e]
            if errors:
                raise ConfigError(f"{errors[0]} (rebuild the same heart; any number of ranks)")
            if name == "points":
                points = got
            elif dofs is None:
                w[:] = got.reshape(-1)
            else:
                w[dofs] = got.reshape(-1)
        assert points is not None
        self.ep.restore_checkpoint(d / "ep")
        self.mechanics.restore(ProblemState(
            w=w, pressures_kPa=meta["pressures_kPa"],
            volume_targets_mm3=meta["volume_targets_mm3"],
            active_tension=np.ascontiguousarray(points[:, 0])))
        self.stretch = np.ascontiguousarray(points[:, 1])
        self._cai = np.ascontiguousarray(points[:, 2])
        self.land.states[:] = points[:, 3:].T
        circ = meta["circulation"]
        self.circulation.restore((float(circ["t_ms"]), np.asarray(circ["state"], float)))
        if meta["elastances_mmHg_per_mL"] is not None:
            self.elastances_mmHg_per_mL = np.asarray(meta["elastances_mmHg_per_mL"], float)
            self._e_floor = np.asarray(meta["elastance_floor"], float)
        self.history = {k: list(v) for k, v in meta["history"].items()}
        self.timings = {k: float(v) for k, v in meta["timings_s"].items()}
        self._circulation_s = float(meta["circulation_s"])
        self.newton_iterations = [int(i) for i in meta["newton_iterations"]]
        self.fast_forwards = list(meta.get("fast_forwards", []))
        self.t_ms = float(meta["t_ms"])
        if abs(self.ep.t - self.t_ms) > 1e-9 * max(1.0, self.t_ms):
            raise ConfigError(f"checkpoint {d}: the EP time {self.ep.t} ms differs from the "
                              f"coupled time {self.t_ms} ms")
        logger.info("restored checkpoint %s at t = %.1f ms", d, self.t_ms)
        return dict(meta["extra"])

    def _point_data(self, w: np.ndarray | None = None
                    ) -> dict[str, tuple[Any, Any, np.ndarray | None]]:
        """What a checkpoint keys by point: ``name -> (space, parent dofs, rows)``; the
        mechanics unknowns (one entry per sub-space of a mixed formulation, with its dofs
        in the unknowns; else ``None``) and, at the tension points, the active tension,
        fibre stretch, calcium and Land states.  The rows (values to save) only with the
        unknowns ``w``."""
        mech = self.mechanics
        out: dict[str, tuple[Any, Any, np.ndarray | None]] = {}
        if mech.config.mixed:
            for i in range(mech.W.num_sub_spaces):
                Vi, dofs = mech.W.sub(i).collapse()
                dofs = np.asarray(dofs)
                bs = Vi.dofmap.index_map_bs
                out[f"w{i}"] = (Vi, dofs, None if w is None else w[dofs].reshape(-1, bs))
        else:
            out["w"] = (mech.W, None, None if w is None
                        else w.reshape(-1, mech.W.dofmap.index_map_bs))
        at = mech.active_tension
        out["points"] = (at.function_space, None, None if w is None else np.column_stack(
            [at.x.array, self.stretch, self._cai, self.land.states.T]))
        return out

    def traces(self) -> dict[str, np.ndarray]:
        """The recorded history as arrays (``time_ms``, ``<v>_volume_mL``,
        ``<v>_pressure_mmHg``, ``Ta_max_kPa``, ``cai_max_uM`` and the circulation's
        states and variables as ``circulation_<name>``: volumes mL, pressures mmHg,
        flows mL/s)."""
        return {k: np.asarray(v, dtype=float) for k, v in self.history.items()}


def checkpoint_meta(directory: str | Path) -> tuple[Path, dict[str, Any]] | None:
    """The folder holding the complete checkpoint written to ``directory`` by
    :meth:`Electromechanics.save_checkpoint` (``directory`` itself, or the copy an
    interrupted swap left at ``<directory>.old``) and its metadata; None if there is
    none.  Reads one small file (no collective)."""
    d = Path(directory)
    for folder in (d, d.with_name(d.name + ".old")):
        if (folder / "meta.json").is_file():
            return folder, json.loads((folder / "meta.json").read_text())
    return None
