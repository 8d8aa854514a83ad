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
every other state (always V) with forward Euler.  Constant subexpressions are folded into
literals; per-cell parameters are read from ``params[k, c]``.

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
from dataclasses import dataclass
from typing import Any

from cardiotwin.ionic.importer import PreparedModel

logger = logging.getLogger(__name__)

GENERATOR_VERSION = "2"
# cells per chunk of the vectorised cell loop, and per block inside it (a multiple of
# the widest SIMD width, 8 doubles)
CHUNK_CELLS = 32
LANES = 8


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
    V-only variables referenced by name and V-only subexpressions worth tabulating."""

    def __init__(self, g: _Generator) -> None:
        self.g = g
        self.vars: set[Any] = set()
        self.subs: dict[str, tuple[str, Any]] = {}

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
            self.subs[key] = (f"lutx__{len(self.subs)}", e)
        return self.subs[key][0]


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
    vname = _cname(v.qname())
    rl = [x for x in states if x in g.rl_b]
    be_states = {x for grp, _m in g.be_groups for x in grp}
    fe = [x for x in states if x not in g.rl_b and x not in be_states]
    out_names = [*prep.currents.keys(), "I_ion"]
    out_vars = [g.m.get(q) for q in prep.currents.values()]
    out_units = [str(x.unit()).strip("[]") if x.unit() is not None else "1" for x in out_vars]
    out_units.append("uA/uF" if prep.voltage_unit == "mV" else "1/ms")
    lut_cfg = default_lut(prep.voltage_unit)
    ns = len(states)

    def refs_of(e: Any) -> list[tuple[str, Any]]:
        return sorted({("var", r.var()) for r in e.references()}, key=lambda n: n[1].qname())

    step_roots = [("dot", x) for x in states]
    for x in rl:
        step_roots += refs_of(g.rl_b[x])
    for _grp, mat in g.be_groups:
        for _ij, e in sorted(mat.items()):
            step_roots += refs_of(e)

    # ------------------------------------------------------------- cell code (C)
    class Body:
        """Straight-line C code of one cell in the chunk loop (index ``j``)."""

        def __init__(self, writer: Any) -> None:
            self.stmts: list[str] = []
            self.writer = writer

        def ex(self, e: Any) -> str:
            return self.writer.ex(e)

        def let(self, name: str, expr: str) -> str:
            self.stmts.append(f"const double {name} = {expr};")
            return name

        def put(self, k: int, expr: str) -> None:
            self.stmts.append(f"out[{k * CHUNK_CELLS} + j] = {expr};")

    def c_function(name: str, stmts: list[str], extra_args: str = "",
                   extra_decl: tuple[str, ...] = ()) -> list[str]:
        # nj cells (a multiple of LANES) in blocks of LANES: every block runs the same
        # vectorised loop (no scalar remainder), whatever nj is
        return [f"static void CT_KERNEL {name}(int nj, double *CT_RESTRICT s, "
                "const double *CT_RESTRICT p, Py_ssize_t ld, const double *CT_RESTRICT ist, "
                f"double t, double dt{extra_args})",
                "{",
                f"    double out[{ns * CHUNK_CELLS}];",
                *[f"    {d}" for d in extra_decl],
                "    (void)t;",
                "    (void)p;",
                f"    for (int jb = 0; jb < nj; jb += {LANES}) {{",
                f"        for (int j = jb; j < jb + {LANES}; ++j) {{",
                "            const double i_stim = ist[j];",
                *[f"            {st}" for st in stmts],
                "            (void)i_stim;",
                "        }",
                "    }",
                f"    for (int k = 0; k < {ns}; ++k)",
                "        for (int j = 0; j < nj; ++j)",
                f"            s[k * ld + j] = out[k * {CHUNK_CELLS} + j];",
                "}",
                ""]

    def loads(b: Body) -> None:
        for k, x in enumerate(states):
            b.let(_cname(x.qname()), f"s[{k} * ld + j]")
        for var, k in g.params.items():
            b.let(_cname(var.qname()), f"p[{k} * ld + j]")

    def nodes(b: Body, nds: list[Any]) -> None:
        for kind, var in nds:
            name = ("dot__" if kind == "dot" else "") + _cname(var.qname())
            b.let(name, b.ex(var.rhs()))

    def backward_euler(b: Body) -> None:
        # (I - dt M) y_new = y + dt (f - M y): Gaussian elimination without pivoting,
        # unrolled over the structural non-zeros (fill-in included)
        for gi, (group, mat) in enumerate(g.be_groups):
            ng = len(group)
            ys = [_cname(y.qname()) for y in group]
            for (i, j), e in sorted(mat.items()):
                b.let(f"be{gi}_m{i}_{j}", b.ex(e))
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

    # plain step: Rush-Larsen x + (a + b x) (exp(b dt) - 1) / b, forward Euler, BE groups
    plain = Body(g.cwriter)
    loads(plain)
    nodes(plain, g.order(step_roots))
    for k, x in enumerate(states):
        name = _cname(x.qname())
        if x in g.rl_b:
            plain.let(f"rlb__{name}", plain.ex(g.rl_b[x]))
            plain.put(k, f"ct_rush_larsen_ab({name}, dot__{name} - rlb__{name} * {name}, "
                         f"rlb__{name}, dt)")
        elif x not in be_states:
            plain.put(k, f"{name} + dt * dot__{name}")
    backward_euler(plain)

    # lookup-table step.  Gates dx/dt = a(V) + b(V) x: x_new = E(V) x + Q(V) with
    # E = exp(b dt), Q = a (exp(b dt) - 1) / b tabulated; other Rush-Larsen states with
    # b(V): the factor (exp(b dt) - 1) / b tabulated; V-only variables and V-only
    # subexpressions worth it (exp, log, divisions...) tabulated; the rest computed.
    collector = _LutCollector(g)
    lwriter = _expression_writer(collector.name_of, g.is_const, "c")
    lwriter.table = collector
    affine = {x: a for x in rl if (a := g.rl_affine(x)) is not None}
    rl_factor = [x for x in rl if x not in affine and g.expr_vonly(g.rl_b[x])]
    lut_roots = [("dot", x) for x in states if x not in affine]
    for x in rl:
        if x not in affine and x not in rl_factor:
            lut_roots += refs_of(g.rl_b[x])
    for _grp, mat in g.be_groups:
        for _ij, e in sorted(mat.items()):
            lut_roots += refs_of(e)
    lbody = Body(lwriter)
    nodes(lbody, [nd for nd in g.order(lut_roots)
                  if not (nd[0] == "var" and g.is_vonly(nd[1]))])
    for k, x in enumerate(states):
        name = _cname(x.qname())
        if x in affine:
            lbody.put(k, f"rlE__{name} * {name} + rlQ__{name}")
        elif x in rl_factor:
            lbody.put(k, f"{name} + dot__{name} * rlfactor__{name}")
        elif x in g.rl_b:
            lbody.let(f"rlb__{name}", lbody.ex(g.rl_b[x]))
            lbody.put(k, f"ct_rush_larsen_ab({name}, dot__{name} - rlb__{name} * {name}, "
                         f"rlb__{name}, dt)")
        elif x not in be_states:
            lbody.put(k, f"{name} + dt * dot__{name}")
    backward_euler(lbody)
    tab_vars = [nd[1] for nd in g.order([("var", x) for x in sorted(
        collector.vars, key=lambda y: y.qname())]) if nd[1] in collector.vars]
    subs = list(collector.subs.values())
    lut_entries = ([_cname(x.qname()) for x in tab_vars] + [name for name, _e in subs]
                   + [f"rlfactor__{_cname(x.qname())}" for x in rl_factor])
    for x in affine:
        lut_entries += [f"rlE__{_cname(x.qname())}", f"rlQ__{_cname(x.qname())}"]
    nl = len(lut_entries)
    lut_stmts = Body(g.cwriter)
    loads(lut_stmts)
    lut_stmts.let("x_lut0", f"({vname} - vmin) * inv_dv")
    # NaN goes to row 0 (V itself stays NaN); outside the table: clamped to its ends
    lut_stmts.let("x_lut1", "x_lut0 > 0.0 ? x_lut0 : 0.0")
    lut_stmts.let("x_lut", "x_lut1 < xmax_lut ? x_lut1 : xmax_lut")
    lut_stmts.stmts.append("const int i_lut = (int)x_lut;")
    lut_stmts.let("w_lut", "x_lut - i_lut")
    # indexed loads (not a row pointer) so that the compiler can gather them
    lut_stmts.stmts.append(f"const int o_lut = {nl} * i_lut;")
    for jj, name in enumerate(lut_entries):
        lut_stmts.let(name, f"lut[o_lut + {jj}] + w_lut * (lut[o_lut + {nl + jj}] - "
                            f"lut[o_lut + {jj}])")

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
    for x in affine:
        w(f"#   {x.qname()}: x_new = E(V) x + Q(V), both tabulated")
    for name, e in subs:
        w(f"#   {name} = {g.expr(e)}")
    w("")
    w("from cython.parallel cimport prange")
    w("from libc.math cimport acos, asin, atan, ceil, cos, exp, expm1, fabs, floor, log, "
      "log10, pow, sin, sqrt, tan")
    w("from numerics cimport powi, rush_larsen_ab")
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
    w(f"cdef Py_ssize_t N_PARAMS_C = {len(prep.parameters)}")
    w("N_STATES = len(STATE_NAMES)")
    w("N_PARAMS = len(PARAM_NAMES)")
    w("N_LUT = len(LUT_ENTRIES)")
    w("")
    w("# Cells are advanced in chunks of CHUNK: the loop over a chunk is branch-free and")
    w("# vectorised by the C compiler (SIMD exp/log from the C library where it has them).")
    w("cdef enum:")
    w(f"    CHUNK = {CHUNK_CELLS}")
    w(f"    NS = {ns}")
    w(f"    NP = {max(len(prep.parameters), 1)}")
    w(f"    NL = {max(len(lut_entries), 1)}")
    w(f"    LANES = {LANES}")
    w("")
    ind = "    "
    w("# The cell loop over one chunk, in C (compiled for several instruction sets where")
    w("# the compiler supports target_clones, see kernels/common/ionic_chunk.h).")
    w("cdef extern from *:")
    w('    """')
    w('    #include "ionic_chunk.h"')
    code = c_function("ct_chunk", plain.stmts)
    code += c_function("ct_chunk_lut", lut_stmts.stmts + lbody.stmts,
                       ", const double *CT_RESTRICT lut, int n_rows, double vmin, "
                       "double inv_dv", ("const double xmax_lut = n_rows - 1.000001;",))
    for line in code:
        w(f"    {line}".rstrip())
    w('    """')
    w("    void ct_chunk(int nj, double* s, const double* p, Py_ssize_t ld, const double* ist, "
      "double t, double dt) nogil")
    w("    void ct_chunk_lut(int nj, double* s, const double* p, Py_ssize_t ld, "
      "const double* ist, double t, double dt, const double* lut, int n_rows, double vmin, "
      "double inv_dv) nogil")
    w("")
    w("")
    # table row (Cython)
    w("cdef void _lut_row(double V, double dt, double* row) noexcept nogil:")
    w(f"{ind}cdef double {vname} = V")
    row_roots = [("var", x) for x in tab_vars]
    for _name, e in subs:
        row_roots += refs_of(e)
    for x in rl_factor:
        row_roots += refs_of(g.rl_b[x])
    for x, a in affine.items():
        row_roots += refs_of(g.rl_b[x]) + refs_of(a)
    L.extend(g.emit_nodes(g.order(row_roots), ind))
    for x in rl_factor:
        w(f"{ind}cdef double rlb__{_cname(x.qname())} = {g.expr(g.rl_b[x])}")
    for x, a in affine.items():
        w(f"{ind}cdef double rlb__{_cname(x.qname())} = {g.expr(g.rl_b[x])}")
        w(f"{ind}cdef double rla__{_cname(x.qname())} = {g.expr(a)}")
    j = 0
    for x in tab_vars:
        w(f"{ind}row[{j}] = {_cname(x.qname())}")
        j += 1
    for _name, e in subs:
        w(f"{ind}row[{j}] = {g.expr(e)}")
        j += 1
    for x in rl_factor:
        name = _cname(x.qname())
        w(f"{ind}row[{j}] = expm1(rlb__{name} * dt) / rlb__{name} "
          f"if fabs(rlb__{name}) > 1e-12 else dt")
        j += 1
    for x in affine:
        name = _cname(x.qname())
        w(f"{ind}row[{j}] = exp(rlb__{name} * dt)")
        w(f"{ind}row[{j + 1}] = rla__{name} * (expm1(rlb__{name} * dt) / rlb__{name} "
          f"if fabs(rlb__{name}) > 1e-12 else dt)")
        j += 2
    if not lut_entries:
        w(f"{ind}pass")
    w("")
    w("")
    # currents
    cur_roots = [("var", x) for x in out_vars] + [("dot", v)]
    w("cdef void _cell_currents(const double* s, const double* p, Py_ssize_t n, "
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


_PY_API = '''cdef void _chunk_at(double* s, const double* p, Py_ssize_t n, Py_ssize_t c0,
                   const double* ist, Py_ssize_t ist_stride, double t, double dt,
                   const double* lut, int n_rows, double vmin, double inv_dv) noexcept nogil:
    """Advance cells ``c0 .. min(c0 + CHUNK, n) - 1``.  A short last chunk is padded (with
    copies of its last cell, up to a multiple of LANES) into local arrays, so that every
    cell takes the same code path whatever the number of cells or threads (bitwise
    identical results)."""
    cdef double ib[CHUNK]
    cdef double sb[NS * CHUNK]
    cdef double pb[NP * CHUNK]
    cdef Py_ssize_t m = n - c0
    cdef Py_ssize_t j, k, jj
    cdef int nj = CHUNK if m >= CHUNK else <int>(((m + LANES - 1) // LANES) * LANES)
    for j in range(nj):
        jj = j if j < m else m - 1
        ib[j] = ist[(c0 + jj) * ist_stride]
    if m >= CHUNK:
        if lut == NULL:
            ct_chunk(CHUNK, s + c0, p + c0 if p != NULL else NULL, n, ib, t, dt)
        else:
            ct_chunk_lut(CHUNK, s + c0, p + c0 if p != NULL else NULL, n, ib, t, dt, lut,
                         n_rows, vmin, inv_dv)
        return
    for k in range(NS):
        for j in range(nj):
            jj = j if j < m else m - 1
            sb[k * CHUNK + j] = s[k * n + c0 + jj]
    if p != NULL:
        for k in range(N_PARAMS_C):
            for j in range(nj):
                jj = j if j < m else m - 1
                pb[k * CHUNK + j] = p[k * n + c0 + jj]
    if lut == NULL:
        ct_chunk(nj, sb, pb, CHUNK, ib, t, dt)
    else:
        ct_chunk_lut(nj, sb, pb, CHUNK, ib, t, dt, lut, n_rows, vmin, inv_dv)
    for k in range(NS):
        for j in range(m):
            s[k * n + c0 + j] = sb[k * CHUNK + j]


cdef void _run(double* s, const double* p, Py_ssize_t n, const double* ist,
               Py_ssize_t ist_stride, double t, double dt, const double* lut, int n_rows,
               double vmin, double inv_dv, int workers) noexcept nogil:
    """One step for all cells, chunk by chunk (``prange`` over chunks if workers > 1)."""
    cdef Py_ssize_t n_chunks = (n + CHUNK - 1) // CHUNK
    cdef Py_ssize_t ch
    if workers > 1:
        for ch in prange(n_chunks, num_threads=workers, schedule="static"):
            _chunk_at(s, p, n, ch * CHUNK, ist, ist_stride, t, dt, lut, n_rows, vmin,
                      inv_dv)
    else:
        for ch in range(n_chunks):
            _chunk_at(s, p, n, ch * CHUNK, ist, ist_stride, t, dt, lut, n_rows, vmin,
                      inv_dv)


def step(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
         double t, double dt, int workers=1):
    """Advance every cell by one step ``dt`` (ms) from time ``t`` (ms), in place.

    ``states[N_STATES, n_cells]``, ``params[N_PARAMS, n_cells]``, ``i_stim[n_cells]``
    (µA/µF, negative depolarises).  Shapes are not checked here (see
    ``cardiotwin.ionic.CellModel.step``).
    """
    cdef Py_ssize_t n = states.shape[1]
    if n == 0:
        return
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    with nogil:
        _run(s, p, n, st, 1, t, dt, NULL, 0, 0.0, 1.0, workers)


def make_lut(double vmin, double dv, double dt, double[:, ::1] out):
    """Fill ``out[n_rows, N_LUT]`` with the V-only expressions at ``vmin + i*dv``.

    Each row is the mean of the values at ``V - h`` and ``V + h`` with ``h = dv / 1000``:
    this removes the 0/0 of removable singularities such as ``(V - a)/(exp(k (V - a)) - 1)``
    when ``a`` falls on a table point, and changes smooth entries by O(h**2).  The
    Rush-Larsen factors in the table depend on ``dt`` (ms).
    """
    cdef Py_ssize_t i, k
    cdef double lo[NL]
    cdef double hi[NL]
    cdef double h = 1e-3 * dv
    if out.shape[1] != N_LUT:
        raise ValueError(f"lookup table needs {N_LUT} columns, got {out.shape[1]}")
    if N_LUT_C == 0:
        return
    with nogil:
        for i in range(out.shape[0]):
            _lut_row(vmin + i * dv - h, dt, lo)
            _lut_row(vmin + i * dv + h, dt, hi)
            for k in range(N_LUT_C):
                out[i, k] = 0.5 * (lo[k] + hi[k])


def step_lut(double[:, ::1] states, const double[:, ::1] params, const double[::1] i_stim,
             double t, double dt, const double[:, ::1] lut, double vmin, double dv,
             int workers=1):
    """Like ``step`` but reading the V-only expressions from ``lut`` (from ``make_lut`` with
    the same ``dt``), linearly interpolated; V outside the table is clamped to its ends."""
    cdef Py_ssize_t n = states.shape[1]
    if n == 0:
        return
    if lut.shape[0] < 2 or lut.shape[0] * (N_LUT + 1) > 2**31 - 1 or lut.shape[1] != N_LUT:
        raise ValueError(f"lookup table needs {N_LUT} columns and 2 .. (2**31 - 1) / "
                         f"{N_LUT + 1} rows")
    cdef double* s = &states[0, 0]
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* st = &i_stim[0]
    cdef const double* tab = &lut[0, 0]
    cdef int rows = <int>lut.shape[0]
    with nogil:
        _run(s, p, n, st, 1, t, dt, tab, rows, vmin, 1.0 / dv, workers)


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
    cdef Py_ssize_t i, k, row = 0
    cdef double* s
    cdef const double* p = &params[0, 0] if params.shape[0] > 0 else NULL
    cdef const double* tab = NULL
    cdef int rows = 0
    cdef double t, ist
    if n == 0:
        return
    s = &states[0, 0]
    if record_every > 0 and trace.shape[0] < n_steps // record_every:
        raise ValueError(f"trace needs {n_steps // record_every} rows")
    if record_every > 0 and trace.shape[1] != N_STATES:
        raise ValueError(f"trace needs {N_STATES} columns")
    if lut is not None:
        if lut.shape[0] < 2 or lut.shape[0] * (N_LUT + 1) > 2**31 - 1 or lut.shape[1] != N_LUT:
            raise ValueError(f"lookup table needs {N_LUT} columns and 2 .. (2**31 - 1) / "
                             f"{N_LUT + 1} rows")
        tab = &lut[0, 0]
        rows = <int>lut.shape[0]
    with nogil:
        for i in range(n_steps):
            t = t0 + i * dt
            ist = amplitude * blocktrain_fraction(t, dt, duration, period, offset)
            _run(s, p, n, &ist, 0, t, dt, tab, rows, vmin, 1.0 / dv, workers)
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
