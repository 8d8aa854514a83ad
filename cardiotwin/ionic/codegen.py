"""Generate a Cython kernel (``kernels/ionic/<module>.pyx``) from a cell model.

The input is a :class:`~cardiotwin.ionic.importer.PreparedModel` (a Myokit model whose
membrane potential, stimulus and parameters are bound by meaning), or several of them: the
cell types of one source model (:class:`Variant`), which then share one kernel.  The output
is one deterministic ``.pyx`` source with the interface every cardiotwin ionic kernel has:

- module constants ``MODEL_NAME, STATE_NAMES, STATE_UNITS, INITIAL_STATES, PARAM_NAMES,
  PARAM_UNITS, PARAM_DEFAULTS, PARAM_KINDS, RUSH_LARSEN_STATES, EXPONENTIAL_EULER_STATES,
  BACKWARD_EULER_STATES, STIFF_GROUP_STATES, FORWARD_EULER_STATES, CURRENT_NAMES,
  CURRENT_UNITS,
  DEFAULT_STIMULUS, VOLTAGE_UNIT, LUT_ENTRIES`` and the cell types' ``VARIANT_*``;
- from ``kernels/common/ionic_api.pxi``: ``step(states, params, i_stim, t, dt, workers=1)``
  (one step for all cells, in place), ``step_lut(...)`` (the same with lookup tables for
  the expressions that depend on V only), ``make_lut(vmin, dv, dt, out)``,
  ``advance(...)`` (many steps with a pulse train: the single-cell/population pacing loop of
  :mod:`cardiotwin.ionic.simulate`) and ``currents(states, params, t, out)``.

Integration (chosen per state, symbolically with SymPy):

- states whose right-hand side is linear in themselves, ``dx/dt = a + b x`` with ``a`` and
  ``b`` free of ``x`` (gates): Rush–Larsen ``x + (a + b x) (exp(b dt) - 1) / b``, exact for
  frozen ``a``, ``b``;
- groups of such states coupled both ways (Markov chains, a buffer and its pool...):
  one backward-Euler step of the linear system, the other states frozen;
- states coupled fast both ways around a stiff one (calcium buffering, a t-tubular
  compartment, a ryanodine-receptor chain and its calcium; V with a second membrane
  potential behind a small access resistance): one linearly implicit Euler step of the
  group, ``(I - dt J) (y_new - y) = dt f`` with the group's Jacobian ``J``; where a pivot
  of ``I - dt J`` falls below ``ERE_PIVOT`` (positive feedback, e.g. calcium-induced
  calcium release, brings an eigenvalue of ``dt J`` towards 1, where that step is
  singular) one exponential Rosenbrock-Euler step ``y + dt phi1(dt J) f`` instead (exact
  for a linear system, never singular), cell by cell after the vectorised loop
  (``ct_phi1_times``);
- states integrated explicitly whose diagonal Jacobian ``|df/dx|`` exceeds
  ``STIFF_RATE_PER_MS`` (V: ``STIFF_V_RATE_PER_MS``) somewhere on a probe of the state
  space (V swept, the other states at, half and twice their initial values: fast calcium
  buffering and exchange, a t-tubule compartment, V itself): exponential Euler on the
  diagonal of the Jacobian (the Rush–Larsen formula with ``b = df/dx``);
- every other state (usually V and the concentrations): forward Euler.

A state that is linear in itself but not integrated with Rush–Larsen is reported at
warning level.  Constant subexpressions are folded into literals; per-cell parameters are
read from ``params[k, c]``.

Cell types (:class:`Variant`): each is generated on its own, then the generated code is
diffed statement by statement; where it differs the expression is selected by the cell
type, a per-cell parameter row (``celltype``).  The C cell loop is written once with the
cell type as an argument and compiled once per cell type with that argument constant, so
each cell type runs exactly its own arithmetic (bit for bit that of a kernel generated for
it alone) with no selection in the loop; each has its own block of the lookup table.

Layout of the generated code: the cell loop over a chunk of ``CHUNK_CELLS`` cells is C
(``ct_chunk``/``ct_chunk_lut`` in a verbatim block), branch-free so that the compiler
vectorises it (SIMD ``exp``/``log`` from libmvec, several instruction sets through
``target_clones``, see ``kernels/common/ionic_chunk.h``); Cython holds the Python API, the
``prange`` over chunks and the table/currents helpers.  In the lookup-table kernel, gates
``dx/dt = a(V) + b(V) x`` advance as ``x <- E(V) x + Q(V)`` (both tabulated) and every
V-only variable or V-only factor worth it (an exp, log, power or division) is a column.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from typing import Any

from cardiotwin.exceptions import ModelError
from cardiotwin.ionic.importer import Parameter, PreparedModel

logger = logging.getLogger(__name__)

GENERATOR_VERSION = "5"
# cells per chunk of the vectorised cell loop, and per block inside it (a multiple of
# the widest SIMD width, 8 doubles)
CHUNK_CELLS = 32
LANES = 8
#: a state integrated explicitly whose ``|df/dx|`` exceeds this (1/ms) anywhere on a probe of the
#: state space is integrated with exponential Euler on the Jacobian's diagonal (stable at any
#: dt; forward Euler needs dt < ``2 / |df/dx|`` for the state alone, and less where it exchanges
#: fast with other states): concentrations, buffers... above 1 /ms, the membrane potential
#: above 10 /ms (its diagonal includes every current's conductance: a few /ms at rest)
STIFF_RATE_PER_MS = 1.0
STIFF_V_RATE_PER_MS = 10.0
#: a non-linear stiff group is advanced with exponential Rosenbrock-Euler instead of the
#: linearly implicit Euler step wherever a pivot of ``I - dt J`` falls below this (for an
#: eigenvalue ``lambda`` of ``J`` the step multiplies by ``1 / (1 - dt lambda)``: at a
#: pivot of 1/2 already 2 for ``exp(dt lambda)`` = 1.65, and singular at 0)
ERE_PIVOT = 0.5


def _lit(x: float) -> str:
    """A deterministic, round-trip exact Cython double literal."""
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError(f"non-finite constant {x}")
    s = repr(x)
    if "e" not in s and "." not in s:
        s += ".0"
    return f"({s})" if x < 0 else s


def _expression_writer(name_of: Any, is_const: Any, lang: str = "cython") -> Any:
    """An expression writer for Cython (``lang="cython"``) or C (``lang="c"``) doubles."""
    import myokit
    from myokit.formats.ansic import AnsiCExpressionWriter
    from myokit.formats.python import PythonExpressionWriter

    base = AnsiCExpressionWriter if lang == "c" else PythonExpressionWriter
    powi = "__builtin_powi" if lang == "c" else "powi"

    def foldable(e: Any) -> bool:
        """A numeric expression whose value is known at generation time."""
        if isinstance(e, (myokit.Number, myokit.Condition)):
            return False
        return all(not r.is_derivative() and is_const(r.var()) for r in e.references())

    def known(e: Any) -> bool:
        return isinstance(e, myokit.Number) or foldable(e)

    class Writer(base):  # type: ignore[misc,valid-type]
        """Myokit expressions as Cython or C doubles (libc.math functions, no ``**``).

        Constant subexpressions are folded into literals, products and quotients are
        flattened so that their constant factors become one literal (a division by a
        constant becomes a multiplication), integer powers become multiplications
        (``powi``) and logical operators do not short-circuit (branch-free, so that the
        compiler can vectorise the cell loop).
        """

        def __init__(self) -> None:
            super().__init__()
            self._function_prefix = ""
            self.set_lhs_function(name_of)
            # lookup-table mode: an object with ``vonly(e)`` and ``entry(e, force)``
            # (the name of a table column holding e, or None), see _LutCollector
            self.table: Any = None

        def ex(self, e: Any) -> str:
            if foldable(e):
                return _lit(e.eval())
            if self.table is not None and not isinstance(
                    e, (myokit.Name, myokit.Number, myokit.Condition)):
                name = self.table.entry(e, False)
                if name is not None:
                    return name
            if isinstance(e, (myokit.Multiply, myokit.Divide)):
                return self._product(e)
            return super().ex(e)

        def _product(self, e: Any) -> str:
            num: list[Any] = []
            den: list[Any] = []

            def collect(x: Any, inverted: bool) -> None:
                if isinstance(x, myokit.Multiply):
                    collect(x[0], inverted)
                    collect(x[1], inverted)
                elif isinstance(x, myokit.Divide):
                    collect(x[0], inverted)
                    collect(x[1], not inverted)
                else:
                    (den if inverted else num).append(x)

            collect(e, False)
            tabulated = None
            if self.table is not None:
                # the factors that depend on V only become one table column
                vn = [x for x in num if not known(x) and self.table.vonly(x)]
                vd = [x for x in den if not known(x) and self.table.vonly(x)]
                if vd or len(vn) > 1 or (vn and not isinstance(vn[0], myokit.Name)):
                    group = vn[0] if vn else myokit.Number(1.0)
                    for x in vn[1:]:
                        group = myokit.Multiply(group, x)
                    for x in vd:
                        group = myokit.Divide(group, x)
                    tabulated = self.table.entry(group, True)
                    if tabulated is not None:
                        ids = {id(x) for x in vn + vd}
                        num = [x for x in num if id(x) not in ids]
                        den = [x for x in den if id(x) not in ids]
            const = 1.0
            for x in num:
                if known(x):
                    const *= float(x.eval())
            for x in den:
                if known(x):
                    const /= float(x.eval())
            num_s = [self._factor(x) for x in num if not known(x)]
            den_s = [self._factor(x) for x in den if not known(x)]
            if tabulated is not None:
                num_s.append(tabulated)
            if const != 1.0 or not num_s:
                num_s.insert(0, _lit(const))
            out = " * ".join(num_s)
            if den_s:
                out += " / " + (den_s[0] if len(den_s) == 1 else f"({' * '.join(den_s)})")
            return f"({out})"

        def _factor(self, x: Any) -> str:
            s = self.ex(x)
            if isinstance(x, (myokit.Plus, myokit.Minus, myokit.PrefixMinus,
                              myokit.PrefixPlus, myokit.If, myokit.Piecewise)):
                return f"({s})"
            return s

        def _ex_number(self, e: Any) -> str:
            return _lit(e.eval())

        def _ex_power(self, e: Any) -> str:
            base = f"({self.ex(e[0])})"
            if known(e[1]):
                p = float(e[1].eval())
                if p == 1:
                    return base
                if p == 2:
                    return f"({base} * {base})"
                if p == 3:
                    return f"({base} * {base} * {base})"
                if p == 0.5:
                    return f"sqrt{base}"
                if p == -0.5:
                    return f"(1.0 / sqrt{base})"
                if p == -1:
                    return f"(1.0 / {base})"
                if p == int(p) and abs(p) <= 32:
                    return f"{powi}({base}, {int(p)})"
            return f"pow({base}, {self.ex(e[1])})"

        def _ex_log(self, e: Any) -> str:
            if len(e) == 1:
                return f"log({self.ex(e[0])})"
            if known(e[1]):
                import math

                return f"(log({self.ex(e[0])}) * {_lit(1.0 / math.log(float(e[1].eval())))})"
            return f"(log({self.ex(e[0])}) / log({self.ex(e[1])}))"

        def _ex_abs(self, e: Any) -> str:
            return f"fabs({self.ex(e[0])})"

        def _ex_quotient(self, e: Any) -> str:
            return f"floor(({self.ex(e[0])}) / ({self.ex(e[1])}))"

        def _ex_remainder(self, e: Any) -> str:
            a, b = self.ex(e[0]), self.ex(e[1])
            return f"(({a}) - ({b}) * floor(({a}) / ({b})))"

        def _ex_and(self, e: Any) -> str:
            return f"({self.ex(e[0])} & {self.ex(e[1])})"

        def _ex_or(self, e: Any) -> str:
            return f"({self.ex(e[0])} | {self.ex(e[1])})"

    return Writer()


@dataclass(frozen=True)
class LutConfig:
    """Default lookup-table range for the kernels' ``make_lut`` (V in the model's unit)."""

    vmin: float
    vmax: float
    dv: float


def default_lut(voltage_unit: str) -> LutConfig:
    """Default table: -100..100 mV in 0.05 mV steps; 0.0005 for dimensionless V."""
    if voltage_unit == "1":
        return LutConfig(-0.5, 1.5, 0.0005)
    return LutConfig(-100.0, 100.0, 0.05)


def _cname(qname: str) -> str:
    return qname.replace(".", "__")


class _Generator:
    def __init__(self, prep: PreparedModel, model_name: str) -> None:
        import myokit

        self.myokit = myokit
        self.prep = prep
        self.m = prep.model
        self.model_name = model_name
        v = self.m.get(prep.vm)
        others = [s for s in self.m.states() if s is not v]
        self.states = [v, *others]
        self.v = v
        self.stim = self.m.get(prep.stimulus)
        self.time = self.m.get(prep.time)
        self.params = {self._param_var(p): i for i, p in enumerate(prep.parameters)}
        self.const_cache: dict[Any, bool] = {}
        self.vonly_cache: dict[Any, bool] = {}
        self.writer = _expression_writer(self._name_of, self.is_const)
        self.cwriter = _expression_writer(self._name_of, self.is_const, "c")
        self._analyse_states()

    # ----------------------------------------------------------------- classification
    def _param_var(self, p: Any) -> Any:
        from cardiotwin.ionic.importer import PARAM_COMPONENT

        q = f"{PARAM_COMPONENT}.{p.name}"
        return self.m.get(q) if self.m.has_variable(q) else self.m.get(p.qname)

    def _special(self, var: Any) -> bool:
        return var is self.time or var is self.stim or var in self.params or var.is_state()

    def _refs(self, var: Any) -> list[Any]:
        """Direct dependencies of a variable as nodes, sorted by name."""
        if self._special(var):
            return []
        return self._expr_refs(var.rhs())

    def _expr_refs(self, expr: Any) -> list[Any]:
        nodes = []
        for r in expr.references():
            if r.is_derivative():
                nodes.append(("dot", r.var()))
            else:
                nodes.append(("var", r.var()))
        return sorted(set(nodes), key=lambda n: (n[0], n[1].qname()))

    def is_const(self, var: Any) -> bool:
        if var not in self.const_cache:
            if self._special(var):
                self.const_cache[var] = False
            else:
                self.const_cache[var] = all(
                    kind == "var" and self.is_const(x) for kind, x in self._refs(var))
        return self.const_cache[var]

    def is_vonly(self, var: Any) -> bool:
        """Depends on V and literal constants only (and on V at least indirectly)."""
        if var not in self.vonly_cache:
            if self._special(var) or self.is_const(var):
                self.vonly_cache[var] = False
            else:
                ok = True
                for kind, x in self._refs(var):
                    if kind != "var" or not (x is self.v or self.is_const(x)
                                             or self.is_vonly(x)):
                        ok = False
                        break
                self.vonly_cache[var] = ok
        return self.vonly_cache[var]

    def _analyse_states(self) -> None:
        import sympy as sp
        from myokit.formats.sympy import read as sympy_read

        from cardiotwin.ionic.importer import _dependents
        from cardiotwin.ionic.symbolic import linear_coefficient, to_sympy

        self.rl_b: dict[Any, Any] = {}
        self.grl_b: dict[Any, Any] = {}
        self.be_groups: list[tuple[list[Any], dict[tuple[int, int], Any]]] = []
        # the groups of be_groups that are non-linear (stiff blocks around a stiff state):
        # linearly implicit Euler, exponential Rosenbrock-Euler near its singularity
        self.nonlinear_groups: set[frozenset[Any]] = set()
        candidates: dict[Any, Any] = {}
        coupled: dict[Any, set[Any]] = {}
        exprs: dict[Any, Any] = {}
        deps_of = {x: _dependents(self.m, x) for x in self.states[1:]}
        for x in self.states[1:]:
            deps = deps_of[x]
            expr = to_sympy(x.rhs(), inline=lambda var, deps=deps: var in deps
                            and not self._special(var))
            if any(str(s).startswith("dot(") for s in expr.free_symbols):
                # refers to another state's derivative (e.g. a buffer's): for the stiffness
                # probe only, with that derivative's right-hand side substituted
                full = self._without_derivatives(expr, deps)
                if full is not None:
                    exprs[x] = full
                continue
            exprs[x] = expr
            b = linear_coefficient(expr, sp.Symbol(x.qname()))
            if b is None:
                continue
            candidates[x] = b
            # states coupled both ways with x (Rush-Larsen would freeze them over a step)
            names = {str(sym) for sym in expr.free_symbols}
            coupled[x] = {y for y in self.states[1:] if y is not x and y.qname() in names
                          and any(r.var() in deps for r in y.rhs().references())}
        for x, b in candidates.items():
            if coupled[x]:
                continue
            try:
                self.rl_b[x] = sympy_read(b, self.m)
            except Exception:
                logger.warning("%s: %s is linear in itself but its coefficient could not be "
                               "written back; it falls back from Rush-Larsen to forward Euler",
                               self.model_name, x.qname())
        # groups of mutually coupled states that are jointly linear (Markov chains):
        # one backward-Euler step, solving (I - dt M) x_new = x + dt (f - M x); the states
        # they are coupled with that are not linear in themselves (e.g. the calcium that
        # drives a ryanodine-receptor chain) are frozen over the step.  Coupling is judged
        # through the variables between states (a chain written with named transition
        # fluxes, as Iyer et al. 2004's are, couples its states only through them): taken
        # state by state with Rush-Larsen, a chain would not keep its total probability,
        # which has no restoring force and drifts beat after beat.
        refs = {x: {r.var() for r in x.rhs().references() if not r.is_derivative()}
                for x in self.states[1:]}
        links: dict[Any, set[Any]] = {
            x: {y for y in candidates if y is not x and refs[x] & deps_of[y]
                and refs[y] & deps_of[x]} for x in candidates}
        for grp, mat in self._linear_groups([x for x in candidates if links[x]], links,
                                            deps_of):
            self.be_groups.append((grp, mat))
        in_be = {x for grp, _m in self.be_groups for x in grp}
        for x in in_be:  # a state others are coupled to is solved with them
            self.rl_b.pop(x, None)
        # stiff states left to forward Euler (fast buffers, fast exchange between
        # compartments...): those coupled fast both ways with other states are solved
        # together, linearly implicitly (a backward-Euler step of the linearised system;
        # exponential Rosenbrock-Euler where that step nears its singularity, see
        # ERE_PIVOT);
        # the others with exponential Euler on the diagonal of the Jacobian (generalised
        # Rush-Larsen), x + f (exp(J dt) - 1) / J with J = df/dx
        stiff = self._stiff_rates(exprs, in_be)
        for block, mat in self._implicit_blocks(exprs, set(stiff)):
            merged = [grp for grp, _m in self.be_groups if set(grp) & set(block)]
            if merged:  # (cannot happen: BE-group members join blocks whole)
                raise ModelError(f"{self.model_name}: overlapping implicit groups")
            self.be_groups.append((block, mat))
            self.nonlinear_groups.add(frozenset(block))
            for x in block:
                self.rl_b.pop(x, None)
                stiff.pop(x, None)
            logger.info("%s: %d states coupled fast both ways (%s): linearly implicit "
                        "Euler (exponential Rosenbrock-Euler near its singularity)",
                        self.model_name, len(block), ", ".join(x.qname() for x in block))
        in_be = {x for grp, _m in self.be_groups for x in grp}
        for x, rate in stiff.items():
            try:
                self.grl_b[x] = sympy_read(sp.diff(exprs[x], sp.Symbol(x.qname())), self.m)
            except Exception:
                logger.warning("%s: %s is stiff (|df/dx| up to %.3g /ms) but its Jacobian "
                               "could not be written back: forward Euler", self.model_name,
                               x.qname(), rate)
                continue
            logger.info("%s: %s is stiff (|df/dx| up to %.3g /ms): exponential Euler",
                        self.model_name, x.qname(), rate)
        for x in candidates:
            if x not in self.rl_b and x not in in_be and x not in self.grl_b:
                logger.warning("%s: %s is linear in itself but coupled both ways with %s; it "
                               "falls back from Rush-Larsen to forward Euler",
                               self.model_name, x.qname(),
                               ", ".join(sorted(y.qname() for y in coupled[x])) or "?")

    def _components(self, members: Any, links: dict[Any, set[Any]]) -> list[list[Any]]:
        """Connected components of ``links`` restricted to ``members``, each in state
        order, in the order of their first state."""
        pool = set(members)
        out: list[list[Any]] = []
        seen: set[Any] = set()
        for x in self.states:
            if x not in pool or x in seen:
                continue
            comp: set[Any] = set()
            stack = [x]
            while stack:
                y = stack.pop()
                if y not in comp:
                    comp.add(y)
                    stack.extend(z for z in links.get(y, ()) if z in pool)
            seen |= comp
            out.append([s for s in self.states if s in comp])
        return out

    def _linear_groups(self, members: list[Any], links: dict[Any, set[Any]],
                       deps_of: dict[Any, set[Any]]
                       ) -> list[tuple[list[Any], dict[tuple[int, int], Any]]]:
        """The connected components of ``links`` among ``members`` whose right-hand sides
        are jointly linear (the Jacobian free of the group's states), each with that
        Jacobian.  A component that is not is split: the state that appears in most of
        its Jacobian's entries (e.g. the calcium in the calcium-dependent transitions of
        a channel chain) leaves it, and the rest is tried again.  Groups of one state are
        left out."""
        import sympy as sp
        from myokit.formats.sympy import read as sympy_read

        from cardiotwin.ionic.symbolic import to_sympy

        out: list[tuple[list[Any], dict[tuple[int, int], Any]]] = []
        todo = self._components(members, links)
        while todo:
            group = todo.pop(0)
            if len(group) < 2:
                continue
            gdeps = set().union(*(deps_of[y] for y in group))
            syms = [sp.Symbol(y.qname()) for y in group]
            derivs: dict[tuple[int, int], Any] = {}
            for i, y in enumerate(group):
                fy = to_sympy(y.rhs(), inline=lambda var, gd=gdeps: var in gd
                              and not self._special(var))
                for j, sym in enumerate(syms):
                    d = sp.diff(fy, sym)
                    if d != 0:
                        derivs[(i, j)] = d
            count = {sym: sum(1 for d in derivs.values() if sym in d.free_symbols)
                     for sym in syms}
            worst = max(syms, key=lambda sym: (count[sym], -syms.index(sym)))
            if count[worst]:
                # the rest may fall apart into several components
                todo += self._components([y for y in group if y.qname() != str(worst)],
                                         links)
                continue
            mat: dict[tuple[int, int], Any] = {}
            try:
                for ij, d in derivs.items():
                    mat[ij] = sympy_read(d, self.m)
            except Exception:
                continue
            out.append((group, mat))
        return out

    def _implicit_blocks(self, exprs: dict[Any, Any], stiff: set[Any]
                         ) -> list[tuple[list[Any], dict[tuple[int, int], Any]]]:
        """Groups of states around the stiff ones, coupled fast both ways: connected
        components of the pairs (x, y) with ``|df_x/dy|`` or ``|df_y/dx|`` above
        ``STIFF_RATE_PER_MS`` on the probe of :meth:`_stiff_rates` (both derivatives not
        identically zero), among the states other than V and the V-only gates; each with
        its Jacobian (group index pairs -> expression).  Members of backward-Euler groups
        join whole.  Groups of one state are left out.

        V (when stiff) joins a group with a state it exchanges with at a rate above
        ``STIFF_V_RATE_PER_MS`` both ways, judged by the geometric mean
        ``sqrt(|df_V/dy| |df_y/dV|)`` (a rate whatever the units of y): a second membrane
        potential behind a small access resistance (a t-tubular membrane) must be solved
        with V, or the stimulus charge V receives is lost to it within one step."""
        import sympy as sp
        from myokit.formats.sympy import read as sympy_read

        from cardiotwin.ionic.importer import _dependents
        from cardiotwin.ionic.symbolic import to_sympy

        if not stiff:
            return []
        allowed = [x for x in self.states[1:] if x in exprs
                   and not (x in self.rl_b and self.rl_affine(x) is not None)]
        group_of = {x: grp for grp, _m in self.be_groups for x in grp}
        deps_all = {x: _dependents(self.m, x) for x in [self.v, *allowed]}
        full: dict[Any, Any] = {}

        everything = set(self.m.variables(deep=True))

        def f_of(x: Any) -> Any:
            if x not in full:
                e = to_sympy(x.rhs(), inline=lambda var: not self._special(var)
                             and not self.is_const(var))
                full[x] = self._without_derivatives(e, everything) if any(
                    str(sym).startswith("dot(") for sym in e.free_symbols) else e
            return full[x]

        rates: dict[tuple[Any, Any], float] = {}

        init = {x: float(x.initial_value(True)) for x in self.states}
        v0 = init[self.v]
        sweep = ([v0, 0.0, 0.5, 1.0] if self.prep.voltage_unit == "1"
                 else [v0, -90.0, -60.0, -30.0, 0.0, 30.0, 60.0])
        probes = [{**{x: f * val for x, val in init.items()}, self.v: v}
                  for f in (1.0, 0.5, 2.0) for v in sweep]

        def rate(x: Any, y: Any) -> float:
            if (x, y) not in rates:
                rates[(x, y)] = _rate(x, y)
            return rates[(x, y)]

        def _rate(x: Any, y: Any) -> float:
            fx = f_of(x)
            if fx is None or sp.Symbol(y.qname()) not in fx.free_symbols:
                return 0.0
            d = sp.diff(fx, sp.Symbol(y.qname()))
            names = sorted(str(sym) for sym in d.free_symbols)
            args = [sp.Symbol(f"a{i}") for i in range(len(names))]
            try:
                fn = sp.lambdify(args, d.xreplace(dict(zip([sp.Symbol(n) for n in names],
                                                            args, strict=True))),
                                 modules="math", dummify=False)
            except (ValueError, TypeError, NotImplementedError):
                # (a derivative SymPy cannot print, e.g. of a piecewise in V): unknown
                logger.debug("%s: no rate d(%s)/d(%s)", self.model_name, x.qname(), y.qname())
                return 0.0
            best = 0.0
            for state in probes:
                vals = self._probe_values(names, state)
                if vals is None:
                    continue
                try:
                    r = abs(float(fn(*vals)))
                except (ArithmeticError, ValueError, TypeError):
                    continue
                if r == r:
                    best = max(best, r)
            return best

        members: set[Any] = set()
        links: dict[Any, set[Any]] = {}
        if self.v in stiff:
            for y in allowed:
                if math.sqrt(rate(self.v, y) * rate(y, self.v)) > STIFF_V_RATE_PER_MS:
                    links.setdefault(self.v, set()).add(y)
                    links.setdefault(y, set()).add(self.v)
            if self.v in links:
                members.add(self.v)
        todo = sorted((stiff & set(allowed)) | (links.get(self.v, set()) - members),
                      key=lambda x: self.states.index(x))
        while todo:
            x = todo.pop(0)
            if x in members:
                continue
            members.add(x)
            links.setdefault(x, set())
            for y in allowed:
                if y is x or y in links[x]:
                    continue
                if max(rate(x, y), rate(y, x)) <= STIFF_RATE_PER_MS or not (
                        rate(x, y) > 0 and rate(y, x) > 0):
                    continue
                links[x].add(y)
                links.setdefault(y, set()).add(x)
                if y not in members:
                    todo.append(y)
            for y in group_of.get(x, ()):  # a backward-Euler group joins whole
                if y not in members:
                    links[x].add(y)
                    links.setdefault(y, set()).add(x)
                    todo.append(y)
        blocks: list[tuple[list[Any], dict[tuple[int, int], Any]]] = []
        for comp in self._components(members, links):
            if len(comp) < 2:
                continue
            gdeps = set().union(*(deps_all[y] for y in comp))
            syms = [sp.Symbol(y.qname()) for y in comp]
            mat: dict[tuple[int, int], Any] = {}
            try:
                for i, y in enumerate(comp):
                    fy = to_sympy(y.rhs(), inline=lambda var, gd=gdeps: var in gd
                                  and not self._special(var))
                    fy = self._without_derivatives(fy, gdeps)
                    if fy is None:
                        raise ValueError(y.qname())
                    for j, sym in enumerate(syms):
                        d = sp.diff(fy, sym)
                        if d != 0:
                            mat[(i, j)] = sympy_read(d, self.m)
            except Exception as exc:
                logger.warning("%s: no Jacobian for the fast-coupled states %s (%s); they "
                               "stay explicit", self.model_name,
                               ", ".join(y.qname() for y in comp), exc)
                continue
            # a backward-Euler group inside the block is replaced by the block
            self.be_groups = [(grp, m) for grp, m in self.be_groups if not set(grp) & set(comp)]
            blocks.append((comp, mat))
        return blocks

    def _without_derivatives(self, expr: Any, deps: set[Any]) -> Any | None:
        """``expr`` with every ``dot(y)`` symbol replaced by y's right-hand side (inlining
        the variables in ``deps``), or None if derivatives remain after a few rounds."""
        import sympy as sp

        from cardiotwin.ionic.symbolic import to_sympy

        for _ in range(4):
            dots = [s for s in expr.free_symbols if str(s).startswith("dot(")]
            if not dots:
                return expr
            subs = {}
            for sym in dots:
                y = self.m.get(str(sym)[4:-1])
                subs[sym] = to_sympy(y.rhs(), inline=lambda var: var in deps
                                     and not self._special(var))
            expr = expr.xreplace(subs)
        return None if any(str(s).startswith("dot(") for s in expr.free_symbols) else \
            sp.sympify(expr)

    def _stiff_rates(self, exprs: dict[Any, Any], in_be: set[Any]) -> dict[Any, float]:
        """States integrated explicitly whose diagonal Jacobian ``|df/dx|`` exceeds
        ``STIFF_RATE_PER_MS`` (V: ``STIFF_V_RATE_PER_MS``) somewhere on a sweep of V (the
        other states at their initial values, or all halved, or all doubled): state -> the
        largest ``|df/dx|`` found (1/ms)."""
        import sympy as sp

        from cardiotwin.ionic.importer import _dependents
        from cardiotwin.ionic.symbolic import to_sympy

        if self.v not in exprs:
            # the membrane potential too (e.g. a fast coupling to a t-tubule compartment)
            deps = _dependents(self.m, self.v)
            e = to_sympy(self.v.rhs(), inline=lambda var: var in deps and not self._special(var))
            if not any(str(sym).startswith("dot(") for sym in e.free_symbols):
                exprs[self.v] = e
        todo = [x for x in self.states if x in exprs and x not in self.rl_b
                and x not in in_be]
        if not todo:
            return {}
        init = {x: float(x.initial_value(True)) for x in self.states}
        v0 = init[self.v]
        sweep = ([v0, 0.0, 0.5, 1.0] if self.prep.voltage_unit == "1"
                 else [v0, -90.0, -60.0, -30.0, 0.0, 30.0, 60.0])
        out: dict[Any, float] = {}
        jac = {x: sp.diff(exprs[x], sp.Symbol(x.qname())) for x in todo}
        symbols = sorted({str(sym) for j in jac.values() for sym in j.free_symbols})
        # plain argument names (qualified names are not identifiers: lambdify would
        # rename them, slowly)
        args = [sp.Symbol(f"a{i}") for i in range(len(symbols))]
        rename = {sp.Symbol(n): a for n, a in zip(symbols, args, strict=True)}
        funcs = {x: sp.lambdify(args, j.xreplace(rename), modules="math", dummify=False)
                 for x, j in jac.items()}
        # the other states at their initial values, and all halved or doubled (a calcium
        # transient, a buffer far from its resting occupancy)
        probes = [{**{x: f * val for x, val in init.items()}, self.v: v}
                  for f in (1.0, 0.5, 2.0) for v in sweep]
        for state in probes:
            values = self._probe_values(symbols, state)
            if values is None:
                continue
            for x, f in funcs.items():
                try:
                    rate = abs(float(f(*values)))
                except (ArithmeticError, ValueError, TypeError):
                    continue
                limit = STIFF_V_RATE_PER_MS if x is self.v else STIFF_RATE_PER_MS
                if rate == rate and rate > limit:
                    out[x] = max(out.get(x, 0.0), rate)
        return {x: out[x] for x in todo if x in out}

    def _probe_values(self, names: list[str], state: dict[Any, float]) -> list[float] | None:
        """Values of the variables ``names`` (qualified) at ``state`` (time 0, stimulus 0,
        parameters at their defaults), or None if one cannot be evaluated."""
        myokit = self.myokit
        cache: dict[Any, float] = {}

        def value(var: Any) -> float:
            if var in state:
                return state[var]
            if var is self.stim or var is self.time:
                return 0.0
            if var not in cache:
                subst = {myokit.Name(r.var()): myokit.Number(value(r.var()))
                         for r in var.rhs().references() if not r.is_derivative()}
                cache[var] = float(var.rhs().clone(subst=subst).eval())
            return cache[var]

        try:
            return [value(self.m.get(n)) for n in names]
        except Exception:
            return None

    # ----------------------------------------------------------------- naming
    def _name_of(self, lhs: Any) -> str:
        var = lhs.var()
        if lhs.is_derivative():
            return "dot__" + _cname(var.qname())
        if var is self.time:
            return "t"
        if var is self.stim:
            f = float(self.prep.stim_factor)
            if f == 1.0:
                return "(-i_stim)"
            if f == -1.0:
                return "i_stim"
            return f"(-i_stim * {_lit(1.0 / f)})"
        if var.is_state() or var in self.params:
            return _cname(var.qname())
        if self.is_const(var):
            return _lit(var.rhs().eval())
        return _cname(var.qname())

    def expr(self, e: Any) -> str:
        return self.writer.ex(e)

    def cexpr(self, e: Any) -> str:
        return self.cwriter.ex(e)

    # ----------------------------------------------------------------- ordering
    def order(self, roots: list[Any], *, skip: set[Any] | None = None) -> list[Any]:
        """Nodes needed by ``roots`` in dependency order (deterministic DFS post-order)."""
        skip = skip or set()
        seen: set[Any] = set()
        out: list[Any] = []

        def visit(node: Any) -> None:
            if node in seen:
                return
            seen.add(node)
            kind, var = node
            if kind == "var" and (self._special(var) or self.is_const(var)):
                return
            if node in skip:
                return
            deps = self._expr_refs(var.rhs()) if kind == "dot" else self._refs(var)
            for d in deps:
                visit(d)
            out.append(node)

        for r in roots:
            visit(r)
        return out

    def emit_nodes(self, nodes: list[Any], indent: str) -> list[str]:
        lines = []
        for kind, var in nodes:
            if kind == "dot":
                lines.append(f"{indent}cdef double dot__{_cname(var.qname())} = "
                             f"{self.expr(var.rhs())}")
            else:
                lines.append(f"{indent}cdef double {_cname(var.qname())} = "
                             f"{self.expr(var.rhs())}")
        return lines

    def load_lines(self, indent: str, *, states_ptr: str = "s", params_ptr: str = "p") -> list[str]:
        lines = []
        for k, x in enumerate(self.states):
            lines.append(f"{indent}cdef double {_cname(x.qname())} = {states_ptr}[{k} * n + c]")
        for var, k in self.params.items():
            lines.append(f"{indent}cdef double {_cname(var.qname())} = {params_ptr}[{k} * n + c]")
        return lines

    # ----------------------------------------------------------------- LUT analysis
    def expr_vonly(self, e: Any) -> bool:
        """``e`` depends on V (directly or through V-only variables) and constants only."""
        refs = list(e.references())
        if not refs or any(r.is_derivative() for r in refs):
            return False
        xs = [r.var() for r in refs]
        return (all(x is self.v or self.is_const(x) or self.is_vonly(x) for x in xs)
                and any(x is self.v or self.is_vonly(x) for x in xs))

    def costly(self, e: Any) -> bool:
        """Worth a table column: a function call, a power, a division by something
        non-constant, or a V-only variable (itself computed from such)."""
        myokit = self.myokit
        for node in e.walk():
            if isinstance(node, (myokit.Function, myokit.Power)):
                return True
            if isinstance(node, myokit.Divide) and not (
                    isinstance(node[1], myokit.Number) or all(
                        not r.is_derivative() and self.is_const(r.var())
                        for r in node[1].references())):
                return True
            if isinstance(node, myokit.Name) and self.is_vonly(node.var()):
                return True
        return False

    def rl_affine(self, x: Any) -> Any | None:
        """For a Rush–Larsen state with ``dx/dt = a(V) + b(V) x`` (a, b depending on V and
        constants only, x entering the right-hand side directly): the expression of a."""
        myokit = self.myokit
        b = self.rl_b[x]
        if not (self.expr_vonly(b) or all(not r.is_derivative() and self.is_const(r.var())
                                          for r in b.references())):
            return None
        rhs = x.rhs()
        for r in rhs.references():
            y = r.var()
            if r.is_derivative() or not (y is x or y is self.v or self.is_const(y)
                                         or self.is_vonly(y)):
                return None
        a = rhs.clone(subst={myokit.Name(x): myokit.Number(0.0)})
        if x in [r.var() for r in a.references()]:
            return None
        if a.references() and not self.expr_vonly(a):
            return None
        return a


class _LutCollector:
    """The table columns of the lookup-table kernel, collected while its body is written:
    V-only variables referenced by name and V-only subexpressions worth tabulating.

    ``subs`` (expression text -> column name) is shared by the cell types of a model, so
    that one expression has one column in every cell type's table.
    """

    def __init__(self, g: _Generator, subs: dict[str, str]) -> None:
        self.g = g
        self.vars: set[Any] = set()
        self.subs = subs
        self.used: dict[str, Any] = {}

    def name_of(self, lhs: Any) -> str:
        if not lhs.is_derivative() and self.g.is_vonly(lhs.var()):
            self.vars.add(lhs.var())
        return self.g._name_of(lhs)

    def vonly(self, e: Any) -> bool:
        return self.g.expr_vonly(e)

    def entry(self, e: Any, group: bool) -> str | None:
        if not self.g.expr_vonly(e) or not self.g.costly(e):
            return None
        key = self.g.expr(e)
        if key not in self.subs:
            self.subs[key] = f"lutx__{len(self.subs)}"
        name = self.subs[key]
        self.used.setdefault(name, e)
        return name


def _tuple(items: list[Any]) -> str:
    if not items:
        return "()"
    return "(" + ", ".join(repr(x) for x in items) + ("," if len(items) == 1 else "") + ")"


# ----------------------------------------------------------------------------- statements
@dataclass(frozen=True)
class _Stmt:
    """One assignment of straight-line code: ``lhs = rhs``.  ``name`` is the variable it
    defines (None for stores such as ``out[k] = ...``)."""

    lhs: str
    rhs: str
    name: str | None = None


class _Body:
    """Straight-line code of one cell (C chunk loop or Cython helper)."""

    def __init__(self, writer: Any, lang: str) -> None:
        self.stmts: list[_Stmt] = []
        self.writer = writer
        self.lang = lang

    def ex(self, e: Any) -> str:
        return self.writer.ex(e)

    def let(self, name: str, expr: str, ctype: str = "double") -> str:
        lhs = f"const {ctype} {name}" if self.lang == "c" else f"cdef {ctype} {name}"
        self.stmts.append(_Stmt(lhs, expr, name))
        return name

    def store(self, lhs: str, expr: str) -> None:
        self.stmts.append(_Stmt(lhs, expr))

    def put(self, k: int, expr: str) -> None:
        self.store(f"out[{k * CHUNK_CELLS} + j]", expr)


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_COL = re.compile(r"@COL(1?)\(([A-Za-z0-9_]+)\)@")


def _merge(seqs: list[list[_Stmt]], lang: str, selector: str) -> list[str]:
    """One statement list for every cell type (variant) of a model.

    Statements are matched by their left-hand side.  A statement with the same
    right-hand side in every variant that has it is written once; otherwise its
    right-hand sides are selected by ``selector`` (the variant index: a compile-time
    constant in the specialised C cell loops, so the selection costs nothing there).  The
    order is a topological order of the union (dependencies found by name), as close as
    possible to the variants' own orders; for a single variant it is that variant's order.
    """
    import heapq

    rank: list[str] = []
    where: dict[str, int] = {}
    by_lhs: dict[str, list[str | None]] = {}
    names: dict[str, str] = {}
    nv = len(seqs)
    for k, seq in enumerate(seqs):
        prev = -1
        for st in seq:
            if st.lhs not in by_lhs:
                by_lhs[st.lhs] = [None] * nv
                rank.insert(prev + 1, st.lhs)
                where = {lhs: i for i, lhs in enumerate(rank)}
            if by_lhs[st.lhs][k] is not None:
                raise ValueError(f"statement {st.lhs!r} assigned twice")
            by_lhs[st.lhs][k] = st.rhs
            if st.name:
                names[st.name] = st.lhs
            prev = where[st.lhs]
    deps: dict[str, set[str]] = {}
    users: dict[str, list[str]] = {lhs: [] for lhs in rank}
    for lhs, rhss in by_lhs.items():
        ds = {names[w] for r in rhss if r is not None for w in _IDENT.findall(r)
              if w in names and names[w] != lhs}
        deps[lhs] = ds
        for d in ds:
            users[d].append(lhs)
    waiting = {lhs: len(ds) for lhs, ds in deps.items()}
    ready = [(where[lhs], lhs) for lhs, nd in waiting.items() if nd == 0]
    heapq.heapify(ready)
    out: list[str] = []
    end = ";" if lang == "c" else ""
    while ready:
        _pos, lhs = heapq.heappop(ready)
        rhss = by_lhs[lhs]
        first = next(r for r in rhss if r is not None)
        groups: dict[str, list[int]] = {}
        for k, r in enumerate(rhss):
            groups.setdefault(first if r is None else r, []).append(k)
        if len(groups) == 1:
            rhs = first
        else:
            items = list(groups.items())
            rhs = f"({items[-1][0]})"
            for r, ks in reversed(items[:-1]):
                if lang == "c":
                    cond = " || ".join(f"{selector} == {k}" for k in ks)
                    rhs = f"(({cond}) ? ({r}) : {rhs})"
                else:
                    cond = " or ".join(f"{selector} == {k}" for k in ks)
                    rhs = f"(({r}) if ({cond}) else {rhs})"
        out.append(f"{lhs} = {rhs}{end}")
        for u in users[lhs]:
            waiting[u] -= 1
            if waiting[u] == 0:
                heapq.heappush(ready, (where[u], u))
    if len(out) != len(rank):
        raise ValueError("circular dependency between the statements of the cell types")
    return out


# ----------------------------------------------------------------------------- per model
@dataclass
class _Code:
    """The code of one model (one cell type), before the cell types are merged."""

    prep: PreparedModel
    states: list[str]
    state_units: list[str]
    init: list[float]
    rl: list[str]
    fe: list[str]
    grl: list[str]
    be: list[str]
    ere: list[str]
    be_groups: list[tuple[list[str], int]]
    #: non-linear stiff groups (exponential Rosenbrock-Euler near the singularity of
    #: their linearly implicit step): state indices and the Jacobian's structural
    #: non-zeros (row, column) in group indices
    ere_groups: list[tuple[list[int], list[tuple[int, int]]]]
    out_names: list[str]
    out_units: list[str]
    out_sources: list[str]
    plain: list[_Stmt]
    lut: list[_Stmt]
    lut_columns: list[str]
    lut_notes: list[str]
    row: list[_Stmt]
    cur: list[_Stmt]


def _model_code(prep: PreparedModel, subs: dict[str, str]) -> _Code:
    """Analyse one prepared model and write its cell code (C) and helpers (Cython)."""
    g = _Generator(prep, prep.model.name())
    myokit = g.myokit
    states = g.states
    v = g.v
    vname = _cname(v.qname())
    rl = [x for x in states if x in g.rl_b]
    grl = [x for x in states if x in g.grl_b]
    be_states = {x for grp, _m in g.be_groups for x in grp}
    # the non-linear groups, numbered in be_groups order: ere{k}_* in the generated code
    ere_of = {gi: k for k, gi in enumerate(
        gi for gi, (grp, _m) in enumerate(g.be_groups) if frozenset(grp) in g.nonlinear_groups)}
    ere_groups = [([states.index(y) for y in g.be_groups[gi][0]], sorted(g.be_groups[gi][1]))
                  for gi in ere_of]
    ere_states = {x for gi in ere_of for x in g.be_groups[gi][0]}
    fe = [x for x in states if x not in g.rl_b and x not in g.grl_b and x not in be_states]
    out_names = [*prep.currents.keys(), "I_ion"]
    out_vars = [g.m.get(q) for q in prep.currents.values()]
    out_units = ["uA/uF" if name in prep.current_scales else
                 (str(x.unit()).strip("[]") if x.unit() is not None else "1")
                 for name, x in zip(prep.currents, out_vars, strict=True)]
    out_units.append("uA/uF" if prep.voltage_unit == "mV" else "1/ms")

    def refs_of(e: Any) -> list[tuple[str, Any]]:
        return sorted({("var", r.var()) for r in e.references()}, key=lambda n: n[1].qname())

    step_roots = [("dot", x) for x in states]
    for x in rl:
        step_roots += refs_of(g.rl_b[x])
    for x in grl:
        step_roots += refs_of(g.grl_b[x])
    for _grp, mat in g.be_groups:
        for _ij, e in sorted(mat.items()):
            step_roots += refs_of(e)

    def loads(b: _Body) -> None:
        for k, x in enumerate(states):
            b.let(_cname(x.qname()), f"s[{k} * ld + j]")
        for var, k in g.params.items():
            b.let(_cname(var.qname()), f"p[{k} * ld + j]")

    def nodes(b: _Body, nds: list[Any]) -> None:
        for kind, var in nds:
            name = ("dot__" if kind == "dot" else "") + _cname(var.qname())
            b.let(name, b.ex(var.rhs()))

    def backward_euler(b: _Body) -> None:
        # linear groups: (I - dt M) y_new = y + dt (f - M y): Gaussian elimination without
        # pivoting, unrolled over the structural non-zeros (fill-in included); an
        # M-matrix for a Markov chain, so positivity is kept.  Non-linear stiff groups: the
        # same linearly implicit step, (I - dt J) (y_new - y) = dt f; where one of its
        # pivots falls below ERE_PIVOT (an eigenvalue of dt J with a positive real part
        # approaching 1, where the step is singular) the cell's J and f, stored for the
        # chunk, give y_new = y + dt phi1(dt J) f after the vectorised loop instead
        for gi, (group, mat) in enumerate(g.be_groups):
            ng = len(group)
            ys = [_cname(y.qname()) for y in group]
            for (i, j), e in sorted(mat.items()):
                b.let(f"be{gi}_m{i}_{j}", b.ex(e))
            ek = ere_of.get(gi)
            if ek is not None:
                for e_i, (i, j) in enumerate(ere_groups[ek][1]):
                    b.store(f"ere{ek}_J[{e_i * CHUNK_CELLS} + j]", f"be{gi}_m{i}_{j}")
                for i in range(ng):
                    b.store(f"ere{ek}_f[{i * CHUNK_CELLS} + j]", f"dot__{ys[i]}")
            pivots: list[str] = []
            a: dict[tuple[int, int], str] = {}
            for i in range(ng):
                a[(i, i)] = "1.0"
            for (i, j) in sorted(mat):
                a[(i, j)] = b.let(f"be{gi}_a{i}_{j}",
                                  f"{'1.0 ' if i == j else ''}- dt * be{gi}_m{i}_{j}")
            r = {}
            for i in range(ng):
                mx = "".join(f" - be{gi}_m{i}_{j} * {ys[j]}" for (ii, j) in sorted(mat)
                             if ii == i)
                r[i] = b.let(f"be{gi}_r{i}", f"{ys[i]} + dt * (dot__{ys[i]}{mx})")
            for kk in range(ng):
                pivots.append(a[(kk, kk)])
                inv = b.let(f"be{gi}_inv{kk}", f"1.0 / {a[(kk, kk)]}")
                for i in range(kk + 1, ng):
                    if (i, kk) not in a:
                        continue
                    f = b.let(f"be{gi}_f{i}_{kk}", f"{a[(i, kk)]} * {inv}")
                    for j in range(kk + 1, ng):
                        if (kk, j) in a:
                            old = f"{a[(i, j)]} " if (i, j) in a else ""
                            a[(i, j)] = b.let(f"be{gi}_a{i}_{j}_{kk}",
                                              f"{old}- {f} * {a[(kk, j)]}")
                    r[i] = b.let(f"be{gi}_r{i}_{kk}", f"{r[i]} - {f} * {r[kk]}")
            xs: dict[int, str] = {}
            for kk in range(ng - 1, -1, -1):
                acc = "".join(f" - {a[(kk, j)]} * {xs[j]}" for j in range(kk + 1, ng)
                              if (kk, j) in a)
                xs[kk] = b.let(f"be{gi}_x{kk}", f"({r[kk]}{acc}) * be{gi}_inv{kk}")
            for i, y in enumerate(group):
                b.put(states.index(y), xs[i])
            if ek is not None:
                low = pivots[0]
                for k, piv in enumerate(pivots[1:]):
                    low = b.let(f"be{gi}_pmin{k}", f"{piv} < {low} ? {piv} : {low}")
                b.store(f"ere{ek}_p[j]", low)

    # plain step: Rush-Larsen x + (a + b x) (exp(b dt) - 1) / b, forward Euler, BE groups
    plain = _Body(g.cwriter, "c")
    loads(plain)
    nodes(plain, g.order(step_roots))
    for k, x in enumerate(states):
        name = _cname(x.qname())
        if x in g.rl_b or x in g.grl_b:
            plain.let(f"rlb__{name}", plain.ex(g.rl_b[x] if x in g.rl_b else g.grl_b[x]))
            plain.put(k, f"ct_rush_larsen_ab({name}, dot__{name} - rlb__{name} * {name}, "
                         f"rlb__{name}, dt)")
        elif x not in be_states:
            plain.put(k, f"{name} + dt * dot__{name}")
    backward_euler(plain)

    # lookup-table step.  Gates dx/dt = a(V) + b(V) x: x_new = E(V) x + Q(V) with
    # E = exp(b dt), Q = a (exp(b dt) - 1) / b tabulated; other Rush-Larsen states with
    # b(V): the factor (exp(b dt) - 1) / b tabulated; V-only variables and V-only
    # subexpressions worth it (exp, log, divisions...) tabulated; the rest computed.
    collector = _LutCollector(g, subs)
    lwriter = _expression_writer(collector.name_of, g.is_const, "c")
    lwriter.table = collector
    affine = {x: a for x in rl if (a := g.rl_affine(x)) is not None}
    rl_factor = [x for x in rl if x not in affine and g.expr_vonly(g.rl_b[x])]
    lut_roots = [("dot", x) for x in states if x not in affine]
    for x in rl:
        if x not in affine and x not in rl_factor:
            lut_roots += refs_of(g.rl_b[x])
    for x in grl:
        lut_roots += refs_of(g.grl_b[x])
    for _grp, mat in g.be_groups:
        for _ij, e in sorted(mat.items()):
            lut_roots += refs_of(e)
    lbody = _Body(lwriter, "c")
    nodes(lbody, [nd for nd in g.order(lut_roots)
                  if not (nd[0] == "var" and g.is_vonly(nd[1]))])
    for k, x in enumerate(states):
        name = _cname(x.qname())
        if x in affine:
            lbody.put(k, f"rlE__{name} * {name} + rlQ__{name}")
        elif x in rl_factor:
            lbody.put(k, f"{name} + dot__{name} * rlfactor__{name}")
        elif x in g.rl_b or x in g.grl_b:
            lbody.let(f"rlb__{name}", lbody.ex(g.rl_b[x] if x in g.rl_b else g.grl_b[x]))
            lbody.put(k, f"ct_rush_larsen_ab({name}, dot__{name} - rlb__{name} * {name}, "
                         f"rlb__{name}, dt)")
        elif x not in be_states:
            lbody.put(k, f"{name} + dt * dot__{name}")
    backward_euler(lbody)
    tab_vars = [nd[1] for nd in g.order([("var", x) for x in sorted(
        collector.vars, key=lambda y: y.qname())]) if nd[1] in collector.vars]
    used_subs = sorted(collector.used.items(), key=lambda kv: int(kv[0].rsplit("__", 1)[1]))
    lut_columns = ([_cname(x.qname()) for x in tab_vars] + [name for name, _e in used_subs]
                   + [f"rlfactor__{_cname(x.qname())}" for x in rl_factor])
    for x in affine:
        lut_columns += [f"rlE__{_cname(x.qname())}", f"rlQ__{_cname(x.qname())}"]
    lut = _Body(g.cwriter, "c")
    loads(lut)
    lut.let("x_lut0", f"({vname} - vmin) * inv_dv")
    # NaN goes to row 0 (V itself stays NaN); outside the table: clamped to its ends
    lut.let("x_lut1", "x_lut0 > 0.0 ? x_lut0 : 0.0")
    lut.let("x_lut", "x_lut1 < xmax_lut ? x_lut1 : xmax_lut")
    lut.let("i_lut", "(int)x_lut", "int")
    lut.let("w_lut", "x_lut - i_lut")
    # indexed loads (not a row pointer) so that the compiler can gather them
    lut.let("o_lut", "@NL@ * i_lut", "int")
    for name in lut_columns:
        lut.let(name, f"lut[o_lut + @COL({name})@] + w_lut * (lut[o_lut + @COL1({name})@] "
                      f"- lut[o_lut + @COL({name})@])")
    lut.stmts += lbody.stmts
    notes = [f"{x.qname()}: x_new = E(V) x + Q(V), both tabulated" for x in affine]
    notes += [f"{name} = {g.expr(e)}" for name, e in used_subs]

    # table row (Cython)
    row = _Body(g.writer, "cython")
    row.let(vname, "V")
    row_roots = [("var", x) for x in tab_vars]
    for _name, e in used_subs:
        row_roots += refs_of(e)
    for x in rl_factor:
        row_roots += refs_of(g.rl_b[x])
    for x, a in affine.items():
        row_roots += refs_of(g.rl_b[x]) + refs_of(a)
    nodes(row, g.order(row_roots))
    for x in rl_factor:
        row.let(f"rlb__{_cname(x.qname())}", g.expr(g.rl_b[x]))
    for x, a in affine.items():
        row.let(f"rlb__{_cname(x.qname())}", g.expr(g.rl_b[x]))
        row.let(f"rla__{_cname(x.qname())}", g.expr(a))
    for x in tab_vars:
        name = _cname(x.qname())
        row.store(f"row[@COL({name})@]", name)
    for name, e in used_subs:
        row.store(f"row[@COL({name})@]", g.expr(e))
    for x in rl_factor:
        name = _cname(x.qname())
        row.store(f"row[@COL(rlfactor__{name})@]", f"expm1(rlb__{name} * dt) / rlb__{name} "
                  f"if fabs(rlb__{name}) > 1e-12 else dt")
    for x in affine:
        name = _cname(x.qname())
        row.store(f"row[@COL(rlE__{name})@]", f"exp(rlb__{name} * dt)")
        row.store(f"row[@COL(rlQ__{name})@]", f"rla__{name} * (expm1(rlb__{name} * dt) / "
                  f"rlb__{name} if fabs(rlb__{name}) > 1e-12 else dt)")

    # currents (Cython)
    cur = _Body(g.writer, "cython")
    for k, x in enumerate(states):
        cur.let(_cname(x.qname()), f"s[{k} * n + c]")
    for var, k in g.params.items():
        cur.let(_cname(var.qname()), f"p[{k} * n + c]")
    nodes(cur, g.order([("var", x) for x in out_vars] + [("dot", v)]))
    for k, (oname, x) in enumerate(zip(prep.currents, out_vars, strict=True)):
        scale = prep.current_scales.get(oname, 1.0)
        value = g._name_of(myokit.Name(x))
        cur.store(f"o[{k} * m + c]", value if scale == 1.0 else f"{value} * {_lit(scale)}")
    cur.store(f"o[{len(out_vars)} * m + c]", f"-dot__{vname}")

    def unit_of(var: Any) -> str:
        u = var.unit()
        return "1" if u is None else str(u).strip("[]")

    init = []
    for x in states:
        val = x.initial_value(True) if hasattr(x, "initial_value") else x.state_value()
        init.append(float(val))
    return _Code(
        prep=prep, states=[x.qname() for x in states], state_units=[unit_of(x) for x in states],
        init=init, rl=[x.qname() for x in rl], fe=[x.qname() for x in fe],
        grl=[x.qname() for x in grl],
        be=[x.qname() for x in states if x in be_states and x not in ere_states],
        ere=[x.qname() for x in states if x in ere_states], ere_groups=ere_groups,
        be_groups=[([x.qname() for x in grp], len(mat)) for grp, mat in g.be_groups],
        out_names=out_names, out_units=out_units,
        out_sources=[*prep.currents.values(), "-dV/dt at i_stim=0"],
        plain=plain.stmts, lut=lut.stmts, lut_columns=lut_columns, lut_notes=notes,
        row=row.stmts, cur=cur.stmts)


# ----------------------------------------------------------------------------- variants
@dataclass(frozen=True)
class Variant:
    """One cell type of a model whose cell types share one kernel.

    Attributes
    ----------
    name
        Registry name of the cell type (``"tp06-epi"``).
    value
        Value of the kernel's cell-type parameter row for this cell type (``celltype``:
        0 endocardial, 1 epicardial, 2 mid-myocardial).
    prep
        The cell type's prepared model (its own CellML file, or the common one with its
        constants changed).
    """

    name: str
    value: float
    prep: PreparedModel


def _same(what: str, codes: list[_Code], get: Any) -> Any:
    first = get(codes[0])
    for c in codes[1:]:
        if get(c) != first:
            raise ModelError(f"cell types of one kernel must have the same {what}; "
                             f"{codes[0].prep.source} and {c.prep.source} differ")
    return first


def generate_pyx(prep: PreparedModel | list[Variant], *, model_name: str, regenerate: str,
                 description: str = "", variant_param: str = "celltype") -> str:
    """Cython source of the kernel of a prepared model, or of several cell types.

    Parameters
    ----------
    prep
        The model, from :func:`cardiotwin.ionic.importer.prepare_model`; or its cell
        types (:class:`Variant`, in the order of their index), which then share one
        kernel: the cell type is the per-cell parameter row ``variant_param`` (appended to
        the model's parameters), and wherever the cell types' generated code differs the
        expression is selected per cell type (see Notes).
    model_name
        ``MODEL_NAME`` of the kernel (the source model, e.g. ``"tp06"``).
    regenerate
        The command that regenerates the file, written into its header.
    description
        Extra header lines (what was changed from the source, citation).
    variant_param
        Name of the cell-type parameter row.

    Returns
    -------
    str
        The ``.pyx`` text (deterministic: the same input gives the same bytes).

    Notes
    -----
    The cell types are diffed statement by statement after code generation (constants
    folded, lookup-table columns chosen), so each cell type computes exactly the
    arithmetic of a kernel generated for it alone.  The C cell loop is written once with
    the selections on a ``variant`` argument and compiled once per cell type with that
    argument constant (the selections vanish); a chunk of cells of several types is run
    once per type present, each cell keeping the result of its own type.  Each cell type
    has its own block of the lookup table.
    """
    variants = prep if isinstance(prep, list) else [Variant(model_name, 0.0, prep)]
    if not variants:
        raise ModelError("generate_pyx: no model given")
    multi = isinstance(prep, list)
    subs: dict[str, str] = {}
    codes = [_model_code(vr.prep, subs) for vr in variants]
    c0 = codes[0]
    p0 = c0.prep
    states = _same("state variables", codes, lambda c: c.states)
    _same("state units", codes, lambda c: c.state_units)
    _same("parameters", codes, lambda c: [(p.name, p.unit, p.default, p.kind)
                                          for p in c.prep.parameters])
    _same("outputs", codes, lambda c: (c.out_names, c.out_units))
    _same("voltage unit", codes, lambda c: c.prep.voltage_unit)
    params = list(p0.parameters)
    param_targets = [p.qname for p in params]
    if multi:
        if any(p.name == variant_param for p in params):
            raise ModelError(f"the model already has a parameter {variant_param!r}")
        params.append(Parameter(variant_param, "1", float(variants[0].value), "",
                                "cell type", "value"))
        param_targets.append("cell type: " + ", ".join(
            f"{vr.value:g} = {vr.name}" for vr in variants))
    nv = len(variants)
    vrow = len(params) - 1 if multi else -1
    lut_cfg = default_lut(p0.voltage_unit)
    ns = len(states)

    # lookup-table columns: union over the cell types, by kind
    def union(select: Any) -> list[str]:
        out: list[str] = []
        for c in codes:
            for name in c.lut_columns:
                if select(name) and name not in out:
                    out.append(name)
        return out

    def kind(name: str) -> int:
        if name.startswith("lutx__"):
            return 1
        if name.startswith("rlfactor__"):
            return 2
        if name.startswith(("rlE__", "rlQ__")):
            return 3
        return 0

    columns = [n for k in range(4) for n in union(lambda name, k=k: kind(name) == k)]
    subs_cols = sorted((n for n in columns if kind(n) == 1),
                       key=lambda n: int(n.rsplit("__", 1)[1]))
    columns = ([n for n in columns if kind(n) == 0] + subs_cols
               + [n for n in columns if kind(n) in (2, 3)])
    col_index = {n: i for i, n in enumerate(columns)}
    nl = len(columns)

    def fill(text: str) -> str:
        text = text.replace("@NL@", str(nl))
        # @COL(name)@: the column's index; @COL1(name)@: the same column one row on
        return _COL.sub(lambda mm: str(col_index[mm.group(2)] + (nl if mm.group(1) else 0)),
                        text)

    def merged(get: Any, lang: str, selector: str) -> list[str]:
        seqs = [[_Stmt(fill(s.lhs), fill(s.rhs), s.name) for s in get(c)] for c in codes]
        return _merge(seqs, lang, selector)

    ere_groups = _same("non-linear stiff groups", codes, lambda c: c.ere_groups)
    ere_decl: list[str] = []
    ere_post: list[str] = []
    for gi, (idx, nz) in enumerate(ere_groups):
        ng = len(idx)
        ere_decl += [f"double ere{gi}_J[{len(nz) * CHUNK_CELLS}];",
                     f"double ere{gi}_f[{ng * CHUNK_CELLS}];",
                     f"double ere{gi}_p[{CHUNK_CELLS}];"]
        ere_post += ["    for (int j = 0; j < nj; ++j) {",
                     f"        if (!(ere{gi}_p[j] < {_lit(ERE_PIVOT)}))",
                     "            continue;",
                     f"        double a[{ng * ng}] = {{0.0}};",
                     f"        double f[{ng}], d[{ng}];"]
        ere_post += [f"        a[{i * ng + k}] = ere{gi}_J[{e * CHUNK_CELLS} + j];"
                     for e, (i, k) in enumerate(nz)]
        ere_post += [f"        f[{i}] = ere{gi}_f[{i * CHUNK_CELLS} + j];" for i in range(ng)]
        ere_post += [f"        ct_phi1_times({ng}, a, f, dt, d);"]
        ere_post += [f"        out[{k * CHUNK_CELLS} + j] = s[{k} * ld + j] + d[{i}];"
                     for i, k in enumerate(idx)]
        ere_post += ["    }"]

    def c_function(name: str, stmts: list[str], extra_args: str = "",
                   extra_decl: tuple[str, ...] = ()) -> list[str]:
        # nj cells (a multiple of LANES) in blocks of LANES: every block runs the same
        # vectorised loop (no scalar remainder), whatever nj is; a non-linear stiff group
        # whose linearly implicit step nears its singularity is advanced again after it,
        # cell by cell (a small matrix exponential each)
        return [f"static inline __attribute__((always_inline)) void {name}(int nj, "
                "double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, "
                f"const double *CT_RESTRICT ist, double t, double dt{extra_args}, "
                "const int variant)",
                "{",
                f"    double out[{ns * CHUNK_CELLS}];",
                *[f"    {d}" for d in (*extra_decl, *ere_decl)],
                "    (void)t;",
                "    (void)p;",
                "    (void)variant;",
                f"    for (int jb = 0; jb < nj; jb += {LANES}) {{",
                f"        for (int j = jb; j < jb + {LANES}; ++j) {{",
                "            const double i_stim = ist[j];",
                *[f"            {st}" for st in stmts],
                "            (void)i_stim;",
                "        }",
                "    }",
                *ere_post,
                f"    for (int k = 0; k < {ns}; ++k)",
                "        for (int j = 0; j < nj; ++j)",
                f"            s[k * ld + j] = out[k * {CHUNK_CELLS} + j];",
                "}",
                ""]

    args_plain = ("int nj, double *CT_RESTRICT s, const double *CT_RESTRICT p, Py_ssize_t ld, "
                  "const double *CT_RESTRICT ist, double t, double dt")
    call_plain = "nj, s, p, ld, ist, t, dt"
    args_lut = (", const double *CT_RESTRICT lut, int n_rows, double vmin, double inv_dv")
    call_lut = ", lut, n_rows, vmin, inv_dv"
    code = c_function("ct_chunk_body", merged(lambda c: c.plain, "c", "variant"))
    code += c_function("ct_chunk_lut_body", merged(lambda c: c.lut, "c", "variant"),
                       args_lut, ("const double xmax_lut = n_rows - 1.000001;",))
    for k in range(nv):
        code += [f"static void CT_KERNEL ct_chunk_v{k}({args_plain})",
                 f"{{ ct_chunk_body({call_plain}, {k}); }}",
                 f"static void CT_KERNEL ct_chunk_lut_v{k}({args_plain}{args_lut})",
                 f"{{ ct_chunk_lut_body({call_plain}{call_lut}, {k}); }}"]
    code += ["", f"static void ct_chunk(int variant, {args_plain})", "{",
             "    switch (variant) {"]
    code += [f"    case {k}: ct_chunk_v{k}({call_plain}); break;" for k in range(1, nv)]
    code += [f"    default: ct_chunk_v0({call_plain});", "    }", "}", "",
             f"static void ct_chunk_lut(int variant, {args_plain}{args_lut})", "{",
             f"    lut += (Py_ssize_t)variant * n_rows * {max(nl, 1)};",
             "    switch (variant) {"]
    code += [f"    case {k}: ct_chunk_lut_v{k}({call_plain}{call_lut}); break;"
             for k in range(1, nv)]
    code += [f"    default: ct_chunk_lut_v0({call_plain}{call_lut});", "    }", "}", "",
             f"static const double CT_VARIANT_VALUES[{nv}] = "
             f"{{{', '.join(_lit(vr.value) for vr in variants)}}};",
             "static int ct_variant_of(double value)", "{",
             f"    for (int k = 0; k < {nv}; ++k)",
             "        if (value == CT_VARIANT_VALUES[k])",
             "            return k;",
             "    return -1;", "}", ""]

    L: list[str] = []
    w = L.append
    w("# cython: language_level=3")
    w(f"# cardiotwin ionic kernel '{model_name}': GENERATED CODE, do not edit by hand.")
    w("#")
    if multi:
        w(f"# Cell types (per-cell parameter row '{variant_param}'):")
        for vr in variants:
            w(f"#   {vr.value:g} = {vr.name}: {vr.prep.source}")
    else:
        w(f"# Generated from: {p0.source}")
    for line in description.strip().splitlines():
        w(f"# {line}".rstrip())
    for k, c in enumerate(codes):
        if c.prep.conversions and (k == 0 or c.prep.conversions != c0.prep.conversions):
            w(f"# Conversions{f' ({variants[k].name})' if multi else ''}:")
            for note in c.prep.conversions:
                w(f"#   {note}")
    w(f"# Generator: cardiotwin.ionic.codegen version {GENERATOR_VERSION}.")
    w(f"# Regenerate with: {regenerate}")
    w("#")
    w("# Layout: states[n_states, n_cells] (row 0 = membrane potential), "
      "params[n_params, n_cells],")
    w("# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): "
      "dV/dt = ... - i_stim.")
    for k, c in enumerate(codes):
        if k and (c.rl, c.be_groups, c.ere, c.fe, c.grl, c.lut_notes) == (
                c0.rl, c0.be_groups, c0.ere, c0.fe, c0.grl, c0.lut_notes):
            continue
        if multi:
            w(f"# Integration of {variants[k].name}:")
        w("# Rush-Larsen states (right-hand side linear in the state, found symbolically, "
          "and")
        w("# not coupled both ways to another non-V state):")
        for x in c.rl:
            w(f"#   {x}")
        if c.grl:
            w("# Exponential Euler on the diagonal of the Jacobian (stiff: |df/dx| > "
              f"{STIFF_RATE_PER_MS:g} /ms, V: {STIFF_V_RATE_PER_MS:g} /ms, on a probe of the "
              "states):")
            for x in c.grl:
                w(f"#   {x}")
        for grp, nnz in c.be_groups:
            if grp[0] in c.ere:
                w(f"# Linearly implicit Euler, exponential Rosenbrock-Euler where a pivot "
                  f"of I - dt J < {ERE_PIVOT:g} (non-linear stiff group of {len(grp)} "
                  f"states coupled fast both ways, {nnz} non-zero Jacobian entries):")
            else:
                w(f"# Backward Euler (linear system of {len(grp)} states coupled both ways, "
                  f"{nnz} non-zero couplings):")
            for x in grp:
                w(f"#   {x}")
        w("# Forward Euler states:")
        for x in c.fe:
            w(f"#   {x}")
        w(f"# Lookup-table entries (depend on V only; step_lut): {len(c.lut_columns)}")
        for note in c.lut_notes:
            w(f"#   {note}")
    w("")
    w("from cython.parallel cimport prange")
    w("from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, "
      "log10, pow, sin, sqrt, tan")
    w("from numerics cimport powi, rush_larsen_ab")
    w("from pacing cimport blocktrain_fraction")
    w("")
    w(f"MODEL_NAME = {model_name!r}")
    w(f"STATE_NAMES = {_tuple(states)}")
    w(f"STATE_UNITS = {_tuple(c0.state_units)}")
    w(f"INITIAL_STATES = {_tuple(c0.init)}")
    w(f"PARAM_NAMES = {_tuple([p.name for p in params])}")
    w(f"PARAM_UNITS = {_tuple([p.unit for p in params])}")
    w(f"PARAM_DEFAULTS = {_tuple([float(p.default) for p in params])}")
    w(f"PARAM_KINDS = {_tuple([p.kind for p in params])}")
    w(f"PARAM_TARGETS = {_tuple(param_targets)}")
    w(f"RUSH_LARSEN_STATES = {_tuple(c0.rl)}")
    w(f"FORWARD_EULER_STATES = {_tuple(c0.fe)}")
    w(f"BACKWARD_EULER_STATES = {_tuple(c0.be)}")
    w(f"EXPONENTIAL_EULER_STATES = {_tuple(c0.grl)}")
    w(f"STIFF_GROUP_STATES = {_tuple(c0.ere)}")
    w(f"CURRENT_NAMES = {_tuple(c0.out_names)}")
    w(f"CURRENT_UNITS = {_tuple(c0.out_units)}")
    w(f"CURRENT_SOURCES = {_tuple(c0.out_sources)}")
    w("# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file")
    stim0 = [float(p0.default_stimulus[0]), float(p0.default_stimulus[1])]
    w(f"DEFAULT_STIMULUS = {_tuple(stim0)}")
    w(f"VOLTAGE_UNIT = {p0.voltage_unit!r}")
    w(f"LUT_ENTRIES = {_tuple(columns)}")
    w(f"LUT_DEFAULT_RANGE = {_tuple([lut_cfg.vmin, lut_cfg.vmax, lut_cfg.dv])}")
    w("# Cell types sharing this kernel (index = position): registry name, value of the")
    w("# cell-type parameter row, initial states and default stimulus of each")
    w(f"VARIANT_PARAM = {variant_param if multi else None!r}")
    w(f"VARIANT_NAMES = {_tuple([vr.name for vr in variants]) if multi else '()'}")
    w(f"VARIANT_VALUES = {_tuple([float(vr.value) for vr in variants]) if multi else '()'}")
    if multi:
        w("VARIANT_INITIAL_STATES = (")
        for c in codes:
            w(f"    {_tuple(c.init)},")
        w(")")
        w("VARIANT_DEFAULT_STIMULUS = " + _tuple([
            (float(c.prep.default_stimulus[0]), float(c.prep.default_stimulus[1]))
            for c in codes]))
        w("VARIANT_PARAM_TARGETS = (")
        for c in codes:
            w(f"    {_tuple([p.qname for p in c.prep.parameters])},")
        w(")")
    else:
        w("VARIANT_INITIAL_STATES = ()")
        w("VARIANT_DEFAULT_STIMULUS = ()")
        w("VARIANT_PARAM_TARGETS = ()")
    w(f"cdef Py_ssize_t N_STATES_C = {ns}")
    w(f"cdef Py_ssize_t N_LUT_C = {nl}")
    w(f"cdef Py_ssize_t N_PARAMS_C = {len(params)}")
    w("N_STATES = len(STATE_NAMES)")
    w("N_PARAMS = len(PARAM_NAMES)")
    w("N_LUT = len(LUT_ENTRIES)")
    w("N_VARIANTS = max(len(VARIANT_NAMES), 1)")
    w("")
    w("# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and")
    w("# vectorised by the C compiler (SIMD exp/log from the C library where it has them).")
    w("cdef enum:")
    w(f"    CHUNK = {CHUNK_CELLS}")
    w(f"    NS = {ns}")
    w(f"    NP = {max(len(params), 1)}")
    w(f"    NL = {max(nl, 1)}")
    w(f"    LANES = {LANES}")
    w(f"    NV = {nv}")
    w(f"    VROW = {vrow}")
    w("")
    ind = "    "
    w("# The cell loop over one chunk, in C, written once with the cell type as an argument")
    w("# and compiled once per cell type (the argument constant), for several instruction")
    w("# sets where the compiler supports target_clones (see kernels/common/ionic_chunk.h).")
    w("cdef extern from *:")
    w('    """')
    w('    #include "ionic_chunk.h"')
    for line in code:
        w(f"    {line}".rstrip())
    w('    """')
    w("    void ct_chunk(int variant, int nj, double* s, const double* p, Py_ssize_t ld, "
      "const double* ist, double t, double dt) nogil")
    w("    void ct_chunk_lut(int variant, int nj, double* s, const double* p, Py_ssize_t ld, "
      "const double* ist, double t, double dt, const double* lut, int n_rows, double vmin, "
      "double inv_dv) nogil")
    w("    int ct_variant_of(double value) nogil")
    w("")
    w("")
    w("cdef void _lut_row(double V, double dt, double* row, int variant) noexcept nogil:")
    rows = merged(lambda c: c.row, "cython", "variant")
    L.extend(f"{ind}{line}" for line in rows)
    if not columns:
        w(f"{ind}pass")
    w("")
    w("")
    w("cdef void _cell_currents(const double* s, const double* p, Py_ssize_t n, "
      "Py_ssize_t c, double t, double* o, Py_ssize_t m, int variant) noexcept nogil:")
    w(f"{ind}cdef double i_stim = 0.0")
    L.extend(f"{ind}{line}" for line in merged(lambda c: c.cur, "cython", "variant"))
    w("")
    w("")
    w(_PY_API)
    return "\n".join(L) + "\n"


#: the shared Python API (kernels/common/ionic_api.pxi), included by every kernel
_PY_API = 'include "ionic_api.pxi"'
