"""Generate a Cython kernel (``kernels/ionic/<module>.pyx``) from a cell model.

The input is a :class:`~cardiotwin.ionic.importer.PreparedModel` (a Myokit model whose
membrane potential, stimulus and parameters are bound by meaning).  The output is one
deterministic ``.pyx`` source with the interface every cardiotwin ionic kernel has:

- module constants ``MODEL_NAME, STATE_NAMES, STATE_UNITS, INITIAL_STATES, PARAM_NAMES,
  PARAM_UNITS, PARAM_DEFAULTS, RUSH_LARSEN_STATES, FORWARD_EULER_STATES, CURRENT_NAMES,
  CURRENT_UNITS, DEFAULT_STIMULUS, VOLTAGE_UNIT, LUT_ENTRIES``;
- ``step(states, params, i_stim, t, dt, workers=1)``: one step for all cells, in place;
- ``step_lut(...)``: the same with lookup tables for the expressions that depend on V only;
- ``make_lut(vmin, dv, dt, out)``: fill such a table;
- ``advance(...)``: many steps with a block-train stimulus (single-cell/population pacing);
- ``currents(states, params, t, out)``: the named currents/outputs.

Integration: the states whose right-hand side is linear in themselves, ``dx/dt = a + b x``
with ``a`` and ``b`` free of ``x`` (found symbolically with SymPy), are advanced with the
Rush–Larsen scheme ``x + (a + b x) (exp(b dt) - 1) / b``, exact for frozen ``a``, ``b``;
every other state (always V) with forward Euler.  Literal constants are folded into the
code; per-cell parameters are read from ``params[k, c]``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from cardiotwin.ionic.importer import PreparedModel

logger = logging.getLogger(__name__)

GENERATOR_VERSION = "1"


def _lit(x: float) -> str:
    """A deterministic, round-trip exact Cython double literal."""
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError(f"non-finite constant {x}")
    s = repr(x)
    if "e" not in s and "." not in s:
        s += ".0"
    return f"({s})" if x < 0 else s


def _cython_writer(name_of: Any) -> Any:
    import myokit
    from myokit.formats.python import PythonExpressionWriter

    class CythonExpressionWriter(PythonExpressionWriter):
        """Myokit expressions as Cython/C doubles (libc.math functions, no ``**``)."""

        def __init__(self) -> None:
            super().__init__()
            self._function_prefix = ""
            self.set_lhs_function(name_of)

        def _ex_number(self, e: Any) -> str:
            return _lit(e.eval())

        def _ex_power(self, e: Any) -> str:
            base = f"({self.ex(e[0])})"
            if isinstance(e[1], myokit.Number):
                p = e[1].eval()
                if p == 2:
                    return f"({base} * {base})"
                if p == 3:
                    return f"({base} * {base} * {base})"
                if p == 0.5:
                    return f"sqrt{base}"
                if p == -1:
                    return f"(1.0 / {base})"
            return f"pow({base}, {self.ex(e[1])})"

        def _ex_log(self, e: Any) -> str:
            if len(e) == 1:
                return f"log({self.ex(e[0])})"
            return f"(log({self.ex(e[0])}) / log({self.ex(e[1])}))"

        def _ex_abs(self, e: Any) -> str:
            return f"fabs({self.ex(e[0])})"

        def _ex_quotient(self, e: Any) -> str:
            return f"floor(({self.ex(e[0])}) / ({self.ex(e[1])}))"

        def _ex_remainder(self, e: Any) -> str:
            a, b = self.ex(e[0]), self.ex(e[1])
            return f"(({a}) - ({b}) * floor(({a}) / ({b})))"

    return CythonExpressionWriter()


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
        self.writer = _cython_writer(self._name_of)
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
        self.be_groups: list[tuple[list[Any], dict[tuple[int, int], Any]]] = []
        candidates: dict[Any, Any] = {}
        coupled: dict[Any, set[Any]] = {}
        deps_of = {x: _dependents(self.m, x) for x in self.states[1:]}
        for x in self.states[1:]:
            deps = deps_of[x]
            expr = to_sympy(x.rhs(), inline=lambda var, deps=deps: var in deps
                            and not self._special(var))
            if any(str(s).startswith("dot(") for s in expr.free_symbols):
                continue
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
                logger.debug("cannot read back %s for %s", b, x.qname())
        # groups of mutually coupled states that are jointly linear (Markov chains):
        # one backward-Euler step, solving (I - dt M) x_new = x + dt (f - M x)
        seen: set[Any] = set()
        for x in candidates:
            if x in seen or not coupled[x]:
                continue
            group, todo = [], [x]
            while todo:
                y = todo.pop()
                if y in group:
                    continue
                group.append(y)
                todo.extend(coupled.get(y, ()))
            seen.update(group)
            group = [s for s in self.states if s in group]
            if not all(y in candidates for y in group):
                continue
            gdeps = set().union(*(deps_of[y] for y in group))
            syms = [sp.Symbol(y.qname()) for y in group]
            mat: dict[tuple[int, int], Any] = {}
            ok = True
            for i, y in enumerate(group):
                fy = to_sympy(y.rhs(), inline=lambda var, gd=gdeps: var in gd
                              and not self._special(var))
                for j, sym in enumerate(syms):
                    d = sp.diff(fy, sym)
                    if d == 0:
                        continue
                    if d.free_symbols & set(syms):
                        ok = False
                        break
                    try:
                        mat[(i, j)] = sympy_read(d, self.m)
                    except Exception:
                        ok = False
                        break
                if not ok:
                    break
            if ok:
                self.be_groups.append((group, mat))

    # ----------------------------------------------------------------- naming
    def _name_of(self, lhs: Any) -> str:
        var = lhs.var()
        if lhs.is_derivative():
            return "dot__" + _cname(var.qname())
        if var is self.time:
            return "t"
        if var is self.stim:
            return f"(-i_stim / {_lit(self.prep.stim_factor)})"
        if var.is_state() or var in self.params:
            return _cname(var.qname())
        if self.is_const(var):
            return _lit(var.rhs().eval())
        return _cname(var.qname())

    def expr(self, e: Any) -> str:
        return self.writer.ex(e)

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
    def lut_plan(self, roots: list[Any]) -> tuple[list[Any], list[Any]]:
        """(tabulated V-only variables, states whose Rush–Larsen factor is tabulated)."""
        full = self.order(roots)
        tab: set[Any] = {var for kind, var in roots if kind == "var" and self.is_vonly(var)}
        for kind, var in full:
            if kind == "var" and self.is_vonly(var):
                continue
            deps = self._expr_refs(var.rhs()) if kind == "dot" else self._refs(var)
            for dk, dv in deps:
                if dk == "var" and self.is_vonly(dv):
                    tab.add(dv)
        rl_tab = []
        for x, b in self.rl_b.items():
            refs = [r.var() for r in b.references()]
            if all(r is self.v or self.is_const(r) or self.is_vonly(r) for r in refs) \
                    and any(r is self.v or self.is_vonly(r) for r in refs):
                rl_tab.append(x)
            for r in refs:
                if self.is_vonly(r) and x not in rl_tab:
                    tab.add(r)
        ordered = [var for kind, var in full if kind == "var" and var in tab]
        return ordered, rl_tab


def _tuple(items: list[Any]) -> str:
    if not items:
        return "()"
    return "(" + ", ".join(repr(x) for x in items) + ("," if len(items) == 1 else "") + ")"


def generate_pyx(prep: PreparedModel, *, model_name: str, regenerate: str,
                 description: str = "") -> str:
    """Cython source of the kernel for a prepared model.

    Parameters
    ----------
    prep
        The model, from :func:`cardiotwin.ionic.importer.prepare_model`.
    model_name
        The registry name (``MODEL_NAME``).
    regenerate
        The command that regenerates the file, written into its header.
    description
        Extra header lines (what was changed from the source, citation).

    Returns
    -------
    str
        The ``.pyx`` text (deterministic: the same input gives the same bytes).
    """
    g = _Generator(prep, model_name)
    myokit = g.myokit
    states = g.states
    v = g.v
    rl = [x for x in states if x in g.rl_b]
    be_states = {x for grp, _m in g.be_groups for x in grp}
    fe = [x for x in states if x not in g.rl_b and x not in be_states]
    out_names = [*prep.currents.keys(), "I_ion"]
    out_vars = [g.m.get(q) for q in prep.currents.values()]
    out_units = [str(x.unit()).strip("[]") if x.unit() is not None else "1" for x in out_vars]
    out_units.append("uA/uF" if prep.voltage_unit == "mV" else "1/ms")
    lut_cfg = default_lut(prep.voltage_unit)

    step_roots = [("dot", x) for x in states]
    for x in rl:
        step_roots += [("var", r.var()) for r in g.rl_b[x].references()]
    for _grp, mat in g.be_groups:
        for _ij, e in sorted(mat.items()):
            step_roots += [("var", r.var()) for r in e.references()]
    tab_vars, rl_tab = g.lut_plan(step_roots)
    lut_entries = [_cname(x.qname()) for x in tab_vars] + \
        [f"rlfactor__{_cname(x.qname())}" for x in rl_tab]

    def unit_of(var: Any) -> str:
        u = var.unit()
        return "1" if u is None else str(u).strip("[]")

    init = []
    for x in states:
        val = x.initial_value(True) if hasattr(x, "initial_value") else x.state_value()
        init.append(float(val))

    L: list[str] = []
    w = L.append
    w("# cython: language_level=3")
    w(f"# cardiotwin ionic kernel '{model_name}': GENERATED CODE, do not edit by hand.")
    w("#")
    w(f"# Generated from: {prep.source}")
    for line in description.strip().splitlines():
        w(f"# {line}".rstrip())
    w(f"# Generator: cardiotwin.ionic.codegen version {GENERATOR_VERSION}.")
    w(f"# Regenerate with: {regenerate}")
    w("#")
    w("# Layout: states[n_states, n_cells] (row 0 = membrane potential), "
      "params[n_params, n_cells],")
    w("# i_stim[n_cells] in µA/µF with Hodgkin-Huxley sign (negative depolarises): "
      "dV/dt = ... - i_stim.")
    w("# Rush-Larsen states (right-hand side linear in the state, found symbolically, and")
    w("# not coupled both ways to another non-V state):")
    for x in rl:
        w(f"#   {x.qname()}")
    for grp, mat in g.be_groups:
        w(f"# Backward Euler (linear system of {len(grp)} states coupled both ways, "
          f"{len(mat)} non-zero couplings):")
        for x in grp:
            w(f"#   {x.qname()}")
    w("# Forward Euler states:")
    for x in fe:
        w(f"#   {x.qname()}")
    w(f"# Lookup-table entries (depend on V only; step_lut): {len(lut_entries)}")
    w("")
    w("from cython.parallel cimport prange")
    w("from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, "
      "log10, pow, sin, sqrt, tan")
    w("from numerics cimport rush_larsen_ab")
    w("from pacing cimport blocktrain_fraction")
    w("")
    w(f"MODEL_NAME = {model_name!r}")
    w(f"STATE_NAMES = {_tuple([x.qname() for x in states])}")
    w(f"STATE_UNITS = {_tuple([unit_of(x) for x in states])}")
    w(f"INITIAL_STATES = {_tuple(init)}")
    w(f"PARAM_NAMES = {_tuple([p.name for p in prep.parameters])}")
    w(f"PARAM_UNITS = {_tuple([p.unit for p in prep.parameters])}")
    w(f"PARAM_DEFAULTS = {_tuple([float(p.default) for p in prep.parameters])}")
    w(f"PARAM_KINDS = {_tuple([p.kind for p in prep.parameters])}")
    w(f"PARAM_TARGETS = {_tuple([p.qname for p in prep.parameters])}")
    w(f"RUSH_LARSEN_STATES = {_tuple([x.qname() for x in rl])}")
    w(f"FORWARD_EULER_STATES = {_tuple([x.qname() for x in fe])}")
    w(f"BACKWARD_EULER_STATES = {_tuple([x.qname() for x in states if x in be_states])}")
    w(f"CURRENT_NAMES = {_tuple(out_names)}")
    w(f"CURRENT_UNITS = {_tuple(out_units)}")
    w(f"CURRENT_SOURCES = {_tuple([*prep.currents.values(), '-dV/dt at i_stim=0'])}")
    w("# (amplitude in µA/µF with Hodgkin-Huxley sign, duration in ms), from the model file")
    w(f"DEFAULT_STIMULUS = {_tuple([float(prep.default_stimulus[0]), float(prep.default_stimulus[1])])}")  # noqa: E501
    w(f"VOLTAGE_UNIT = {prep.voltage_unit!r}")
    w(f"LUT_ENTRIES = {_tuple(lut_entries)}")
    w(f"LUT_DEFAULT_RANGE = {_tuple([lut_cfg.vmin, lut_cfg.vmax, lut_cfg.dv])}")
    w(f"cdef Py_ssize_t N_STATES_C = {len(states)}")
    w(f"cdef Py_ssize_t N_LUT_C = {len(lut_entries)}")
    w("N_STATES = len(STATE_NAMES)")
    w("N_PARAMS = len(PARAM_NAMES)")
    w("N_LUT = len(LUT_ENTRIES)")
    w("")
    ind = "    "
    sig = ("(double* s, const double* p, Py_ssize_t n, Py_ssize_t c, double i_stim, "
           "double t, double dt) noexcept nogil:")

    def updates(rlfactor: bool) -> list[str]:
        lines = []
        for k, x in enumerate(states):
            name = _cname(x.qname())
            if x in g.rl_b:
                if rlfactor and x in rl_tab:
                    lines.append(f"{ind}s[{k} * n + c] = {name} + dot__{name} * "
                                 f"rlfactor__{name}")
                else:
                    lines.append(f"{ind}cdef double rlb__{name} = {g.expr(g.rl_b[x])}")
                    lines.append(f"{ind}s[{k} * n + c] = rush_larsen_ab({name}, dot__{name} - "
                                 f"rlb__{name} * {name}, rlb__{name}, dt)")
            elif x not in be_states:
                lines.append(f"{ind}s[{k} * n + c] = {name} + dt * dot__{name}")
        for gi, (group, mat) in enumerate(g.be_groups):
            ng = len(group)
            a, r = f"be{gi}_A", f"be{gi}_b"
            lines.append(f"{ind}cdef double {a}[{ng * ng}]")
            lines.append(f"{ind}cdef double {r}[{ng}]")
            lines.append(f"{ind}cdef double be{gi}_f")
            for (i, j), e in sorted(mat.items()):
                lines.append(f"{ind}cdef double be{gi}_m{i}_{j} = {g.expr(e)}")
            lines.append(f"{ind}for be_i in range({ng * ng}):")
            lines.append(f"{ind}    {a}[be_i] = 0.0")
            for i, y in enumerate(group):
                yn = _cname(y.qname())
                lines.append(f"{ind}{a}[{i * ng + i}] = 1.0")
                mx = " - ".join([f"dot__{yn}"] + [f"be{gi}_m{i}_{j} * {_cname(group[j].qname())}"
                                                  for (ii, j) in sorted(mat) if ii == i])
                lines.append(f"{ind}{r}[{i}] = {yn} + dt * ({mx})")
            for (i, j) in sorted(mat):
                lines.append(f"{ind}{a}[{i * ng + j}] -= dt * be{gi}_m{i}_{j}")
            lines.append(f"{ind}for be_k in range({ng}):")
            lines.append(f"{ind}    for be_i in range(be_k + 1, {ng}):")
            lines.append(f"{ind}        be{gi}_f = {a}[be_i * {ng} + be_k] / "
                         f"{a}[be_k * {ng} + be_k]")
            lines.append(f"{ind}        if be{gi}_f != 0.0:")
            lines.append(f"{ind}            for be_j in range(be_k, {ng}):")
            lines.append(f"{ind}                {a}[be_i * {ng} + be_j] -= be{gi}_f * "
                         f"{a}[be_k * {ng} + be_j]")
            lines.append(f"{ind}            {r}[be_i] -= be{gi}_f * {r}[be_k]")
            lines.append(f"{ind}for be_k in range({ng} - 1, -1, -1):")
            lines.append(f"{ind}    for be_j in range(be_k + 1, {ng}):")
            lines.append(f"{ind}        {r}[be_k] -= {a}[be_k * {ng} + be_j] * {r}[be_j]")
            lines.append(f"{ind}    {r}[be_k] /= {a}[be_k * {ng} + be_k]")
            for i, y in enumerate(group):
                lines.append(f"{ind}s[{states.index(y)} * n + c] = {r}[{i}]")
        if g.be_groups:
            lines.insert(0, f"{ind}cdef Py_ssize_t be_i, be_j, be_k")
        # cdef declarations must precede statements in a Cython function body
        decl = [x for x in lines if x.lstrip().startswith("cdef")]
        rest = [x for x in lines if not x.lstrip().startswith("cdef")]
        return decl + rest

    # plain step
    w(f"cdef inline void _cell_step{sig}")
    L.extend(g.load_lines(ind))
    L.extend(g.emit_nodes(g.order(step_roots), ind))
    L.extend(updates(False))
    w("")
    w("")
    # LUT step
    w("cdef inline void _cell_step_lut(double* s, const double* p, Py_ssize_t n, "
      "Py_ssize_t c, double i_stim, double t, double dt, const double* lut, "
      "Py_ssize_t n_rows, double vmin, double inv_dv) noexcept nogil:")
    L.extend(g.load_lines(ind))
    vname = _cname(v.qname())
    w(f"{ind}cdef double x_lut = ({vname} - vmin) * inv_dv")
    w(f"{ind}cdef Py_ssize_t i_lut")
    w(f"{ind}cdef double w_lut")
    w(f"{ind}cdef const double* r0")
    w(f"{ind}cdef const double* r1")
    for name in lut_entries:
        w(f"{ind}cdef double {name}")
    skip = {("var", x) for x in tab_vars} | {("var", x) for x in g.vonly_cache
                                              if g.vonly_cache[x]}
    body_nodes = [nd for nd in g.order(step_roots) if nd not in skip]
    body_lines = g.emit_nodes(body_nodes, ind)
    for line in body_lines:
        w(line.split(" = ", 1)[0])
    upd = updates(True)
    for line in upd:
        if line.lstrip().startswith("cdef"):
            w(line.split(" = ", 1)[0])
    w(f"{ind}if x_lut < 0.0:")
    w(f"{ind}    x_lut = 0.0")
    w(f"{ind}elif x_lut > n_rows - 1.000001:")
    w(f"{ind}    x_lut = n_rows - 1.000001")
    w(f"{ind}i_lut = <Py_ssize_t>x_lut")
    w(f"{ind}w_lut = x_lut - i_lut")
    w(f"{ind}r0 = lut + i_lut * {len(lut_entries)}")
    w(f"{ind}r1 = r0 + {len(lut_entries)}")
    for j, name in enumerate(lut_entries):
        w(f"{ind}{name} = r0[{j}] + w_lut * (r1[{j}] - r0[{j}])")
    for line in body_lines + upd:
        if not line.lstrip().startswith("cdef"):
            w(line)
        elif " = " in line:
            w(ind + line.strip().split(" ", 2)[2])
    w("")
    w("")
    # table row
    w("cdef inline void _lut_row(double V, double dt, double* row) noexcept nogil:")
    w(f"{ind}cdef double {vname} = V")
    row_roots = [("var", x) for x in tab_vars]
    for x in rl_tab:
        row_roots += [("var", r.var()) for r in g.rl_b[x].references() if r.var() is not v]
    row_nodes = g.order(row_roots)
    L.extend(g.emit_nodes(row_nodes, ind))
    rl_row = []
    for x in rl_tab:
        name = _cname(x.qname())
        rl_row.append(f"{ind}cdef double rlb__{name} = {g.expr(g.rl_b[x])}")
    L.extend(rl_row)
    j = 0
    for x in tab_vars:
        w(f"{ind}row[{j}] = {_cname(x.qname())}")
        j += 1
    for x in rl_tab:
        name = _cname(x.qname())
        w(f"{ind}row[{j}] = expm1(rlb__{name} * dt) / rlb__{name} "
          f"if fabs(rlb__{name}) > 1e-12 else dt")
        j += 1
    if not lut_entries:
        w(f"{ind}pass")
    w("")
    w("")
    # currents
    cur_roots = [("var", x) for x in out_vars] + [("dot", v)]
    w("cdef inline void _cell_currents(const double* s, const double* p, Py_ssize_t n, "
      "Py_ssize_t c, double t, double* o, Py_ssize_t m) noexcept nogil:")
    w(f"{ind}cdef double i_stim = 0.0")
    L.extend(g.load_lines(ind))
    L.extend(g.emit_nodes(g.order(cur_roots), ind))
    for k, x in enumerate(out_vars):
        w(f"{ind}o[{k} * m + c] = {g._name_of(myokit.Name(x))}")
    w(f"{ind}o[{len(out_vars)} * m + c] = -dot__{vname}")
    w("")
    w("")
    w(_PY_API)
    return "\n".join(L) + "\n"


_PY_API = '''def step(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
         double t, double dt, int workers=1):
    """Advance every cell by one step ``dt`` (ms) from time ``t`` (ms), in place.

    ``states[N_STATES, n_cells]``, ``params[N_PARAMS, n_cells]``, ``i_stim[n_cells]``
    (µA/µF, negative depolarises).  Shapes are not checked here (see
    ``cardiotwin.ionic.CellModel.step``).
    """
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    if n == 0:
        return
    if workers > 1:
        for c in prange(n, nogil=True, num_threads=workers, schedule="static"):
            _cell_step(s, p, n, c, st[c], t, dt)
    else:
        with nogil:
            for c in range(n):
                _cell_step(s, p, n, c, st[c], t, dt)


def make_lut(double vmin, double dv, double dt, double[:, ::1] out):
    """Fill ``out[n_rows, N_LUT]`` with the V-only expressions at ``vmin + i*dv``.

    The Rush-Larsen factors ``(exp(b dt) - 1)/b`` in the table depend on ``dt`` (ms).
    """
    cdef Py_ssize_t i
    if out.shape[1] != N_LUT:
        raise ValueError(f"lookup table needs {N_LUT} columns, got {out.shape[1]}")
    with nogil:
        for i in range(out.shape[0]):
            _lut_row(vmin + i * dv, dt, &out[i, 0] if N_LUT_C > 0 else NULL)


def step_lut(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
             double t, double dt, const double[:, ::1] lut, double vmin, double dv,
             int workers=1):
    """Like ``step`` but reading the V-only expressions from ``lut`` (from ``make_lut`` with
    the same ``dt``), linearly interpolated; V outside the table is clamped to its ends."""
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    cdef const double* tab = &lut[0, 0]
    cdef Py_ssize_t rows = lut.shape[0]
    cdef double inv_dv = 1.0 / dv
    if n == 0:
        return
    if workers > 1:
        for c in prange(n, nogil=True, num_threads=workers, schedule="static"):
            _cell_step_lut(s, p, n, c, st[c], t, dt, tab, rows, vmin, inv_dv)
    else:
        with nogil:
            for c in range(n):
                _cell_step_lut(s, p, n, c, st[c], t, dt, tab, rows, vmin, inv_dv)


def advance(double[:, ::1] states, const double[:, ::1] params, double t0, double dt,
            Py_ssize_t n_steps, double amplitude, double duration, double period,
            double offset, double[:, ::1] trace, Py_ssize_t record_every=0, int workers=1,
            const double[:, ::1] lut=None, double vmin=0.0, double dv=1.0):
    """Take ``n_steps`` steps from ``t0`` (ms) with the same block-train stimulus for every
    cell: pulses of ``amplitude`` (µA/µF, negative depolarises) for ``duration`` ms every
    ``period`` ms from ``offset`` ms (one pulse if ``period <= 0``).  Each step gets the
    pulse's average over the step, so the stimulus charge does not depend on ``dt``.

    If ``record_every > 0``, the states of cell 0 after every ``record_every``-th step are
    written to ``trace[k, :]`` (``trace`` needs ``n_steps // record_every`` rows).  With
    ``lut`` (from ``make_lut`` at this ``dt``) the lookup-table path is used.
    """
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c, i, k, row = 0
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* tab = NULL
    cdef Py_ssize_t rows = 0
    cdef double inv_dv = 1.0 / dv
    cdef double t, ist
    cdef bint use_lut = lut is not None
    if n == 0:
        return
    if record_every > 0 and trace.shape[0] < n_steps // record_every:
        raise ValueError(f"trace needs {n_steps // record_every} rows")
    if record_every > 0 and trace.shape[1] != N_STATES:
        raise ValueError(f"trace needs {N_STATES} columns")
    if use_lut:
        if lut.shape[1] != N_LUT:
            raise ValueError(f"lookup table needs {N_LUT} columns")
        tab = &lut[0, 0]
        rows = lut.shape[0]
    with nogil:
        for i in range(n_steps):
            t = t0 + i * dt
            ist = amplitude * blocktrain_fraction(t, dt, duration, period, offset)
            if use_lut:
                if workers > 1:
                    for c in prange(n, num_threads=workers, schedule="static"):
                        _cell_step_lut(s, p, n, c, ist, t, dt, tab, rows, vmin, inv_dv)
                else:
                    for c in range(n):
                        _cell_step_lut(s, p, n, c, ist, t, dt, tab, rows, vmin, inv_dv)
            else:
                if workers > 1:
                    for c in prange(n, num_threads=workers, schedule="static"):
                        _cell_step(s, p, n, c, ist, t, dt)
                else:
                    for c in range(n):
                        _cell_step(s, p, n, c, ist, t, dt)
            if record_every > 0 and (i + 1) % record_every == 0:
                for k in range(N_STATES_C):
                    trace[row, k] = s[k * n]
                row += 1


def currents(const double[:, ::1] states, const double[:, ::1] params, double t,
             double[:, ::1] out):
    """Evaluate ``CURRENT_NAMES`` for every cell into ``out[len(CURRENT_NAMES), n_cells]``
    (currents in µA/µF as in the model, concentrations in the model's unit, see
    ``CURRENT_UNITS``; the stimulus is taken as zero)."""
    cdef Py_ssize_t n = states.shape[1]
    cdef Py_ssize_t c
    cdef const double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef double* o = &out[0, 0]
    if n == 0:
        return
    if out.shape[0] != len(CURRENT_NAMES) or out.shape[1] != n:
        raise ValueError("out must have shape (len(CURRENT_NAMES), n_cells)")
    with nogil:
        for c in range(n):
            _cell_currents(s, p, n, c, t, o, n)
'''
