"""Symbolic analysis of cell-model equations with SymPy.

Used by the code generator to find, symbolically, the states whose right-hand side is
linear in themselves (``dx/dt = a + b x`` with ``a`` and ``b`` free of ``x``: these are
integrated with the Rush–Larsen scheme) and the coefficient ``b``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def to_sympy(expr: Any, *, inline: Callable[[Any], bool]) -> Any:
    """Convert a Myokit expression to SymPy.

    Parameters
    ----------
    expr
        A :class:`myokit.Expression`.
    inline
        Called with a referenced :class:`myokit.Variable`; when it returns True the
        variable's right-hand side is substituted (recursively), otherwise the variable is
        a :class:`sympy.Symbol` named by its qualified name.
    """
    import myokit
    import sympy as sp

    cache: dict[Any, Any] = {}

    def conv(e: Any) -> Any:
        if isinstance(e, myokit.Number):
            return sp.Float(e.eval()) if e.eval() != int(e.eval()) else sp.Integer(int(e.eval()))
        if isinstance(e, myokit.Derivative):
            return sp.Symbol(f"dot({e.var().qname()})")
        if isinstance(e, myokit.Name):
            var = e.var()
            if not var.is_state() and inline(var):
                if var not in cache:
                    cache[var] = conv(var.rhs())
                return cache[var]
            return sp.Symbol(var.qname())
        ops = [conv(x) for x in e]
        table: dict[type, Callable[..., Any]] = {
            myokit.PrefixPlus: lambda a: a,
            myokit.PrefixMinus: lambda a: -a,
            myokit.Plus: lambda a, b: a + b,
            myokit.Minus: lambda a, b: a - b,
            myokit.Multiply: lambda a, b: a * b,
            myokit.Divide: lambda a, b: a / b,
            myokit.Power: lambda a, b: a ** b,
            myokit.Sqrt: sp.sqrt,
            myokit.Exp: sp.exp,
            myokit.Log10: lambda a: sp.log(a, 10),
            myokit.Sin: sp.sin, myokit.Cos: sp.cos, myokit.Tan: sp.tan,
            myokit.ASin: sp.asin, myokit.ACos: sp.acos, myokit.ATan: sp.atan,
            myokit.Floor: sp.floor, myokit.Ceil: sp.ceiling, myokit.Abs: sp.Abs,
            myokit.Equal: sp.Eq, myokit.NotEqual: sp.Ne,
            myokit.More: sp.StrictGreaterThan, myokit.Less: sp.StrictLessThan,
            myokit.MoreEqual: sp.GreaterThan, myokit.LessEqual: sp.LessThan,
            myokit.And: sp.And, myokit.Or: sp.Or, myokit.Not: sp.Not,
        }
        if isinstance(e, myokit.Log):
            return sp.log(ops[0]) if len(ops) == 1 else sp.log(ops[0], ops[1])
        if isinstance(e, myokit.If):
            return sp.Piecewise((conv(e._t), conv(e._i)), (conv(e._e), True))
        if isinstance(e, myokit.Piecewise):
            n = len(e._i)
            pieces = [(conv(e._e[k]), conv(e._i[k])) for k in range(n)]
            pieces.append((conv(e._e[n]), True))
            return sp.Piecewise(*pieces)
        for cls, fn in table.items():
            if type(e) is cls:
                return fn(*ops)
        raise NotImplementedError(f"no SymPy form for Myokit {type(e).__name__}: {e}")

    return conv(expr)


def linear_coefficient(expr: Any, symbol: Any) -> Any | None:
    """``b`` if ``expr == a + b*symbol`` with ``a``, ``b`` free of ``symbol``; else None.

    Returns None too when ``b`` is identically zero (the right-hand side does not depend
    on ``symbol``: nothing to gain from Rush–Larsen).
    """
    import sympy as sp

    b = sp.diff(expr, symbol)
    if b == 0 or symbol in b.free_symbols:
        return None
    b = sp.simplify(b) if sp.count_ops(b) < 40 else b
    if b == 0 or symbol in b.free_symbols:
        return None
    return b
