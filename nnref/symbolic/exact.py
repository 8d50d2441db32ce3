"""Building exact closed forms without SymPy's automatic evaluation where it would cost.

SymPy evaluates every new expression: ``exp(arg)`` asks whether ``arg`` is a multiple of
``iπ`` and evaluates it numerically, ``Mul`` queries assumptions of its factors. On a
closed form that nests a whole network this takes seconds and grows with every layer. So
rational operands are combined normally (``2/25``, ``1/(1 + exp(-2/25))``), and anything built
from a non-rational closed form is assembled unevaluated: the same exact value, in the shape
the chain rule gives it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import sympy

__all__ = ["build", "product", "substitute", "total"]


def _all_rational(operands: Iterable[sympy.Expr]) -> bool:
    return all(operand.is_Rational for operand in operands)


def product(*factors: sympy.Expr) -> sympy.Expr:
    """The exact product, dropping factors 1 and collapsing to 0 when a factor is 0.

    >>> h = 1 / (1 + sympy.exp(sympy.Rational(-2, 25)))
    >>> product(sympy.Rational(1, 2), sympy.Integer(3)), product(h, sympy.Integer(1)) == h
    (3/2, True)
    >>> product(sympy.Rational(9, 20), h)
    9/(20*(exp(-2/25) + 1))
    """
    if any(factor is sympy.S.Zero for factor in factors):
        return sympy.S.Zero
    kept = [factor for factor in factors if factor is not sympy.S.One]
    if len(kept) < 2:
        return kept[0] if kept else sympy.S.One
    return sympy.Mul(*kept, evaluate=_all_rational(kept))


def total(*terms: sympy.Expr) -> sympy.Expr:
    """The exact sum, dropping terms 0; rational terms are added up first.

    >>> total(sympy.Rational(1, 2), sympy.Integer(0), sympy.Rational(1, 4))
    3/4
    """
    kept = [term for term in terms if term is not sympy.S.Zero]
    rational = [term for term in kept if term.is_Rational]
    other = [term for term in kept if not term.is_Rational]
    if len(rational) > 1:
        rational = [sympy.Add(*rational)]
        if rational[0] is sympy.S.Zero:
            rational = []
    kept = other + rational
    if len(kept) < 2:
        return kept[0] if kept else sympy.S.Zero
    return sympy.Add(*kept, evaluate=False)


def substitute(formula: sympy.Expr, values: Mapping[sympy.Symbol, sympy.Expr]) -> sympy.Expr:
    """Put exact values into a small generic formula: rational values with SymPy's evaluation,
    then the other closed forms unevaluated.

    >>> o, t = sympy.symbols("o t")
    >>> substitute(o - t, {o: sympy.Rational(3, 5), t: sympy.Rational(2, 5)})
    1/5
    >>> substitute(o - t, {o: 1 / (1 + sympy.exp(sympy.Rational(-1, 2))), t: sympy.Rational(2, 5)})
    -2/5 + 1/(exp(-1/2) + 1)
    """
    rational = {symbol: value for symbol, value in values.items() if value.is_Rational}
    other = {symbol: value for symbol, value in values.items() if not value.is_Rational}
    result = formula.xreplace(rational) if rational else formula
    return _rebuild(result, other) if other else result


def _rebuild(expr: sympy.Expr, values: Mapping[sympy.Symbol, sympy.Expr]) -> sympy.Expr:
    # xreplace without evaluation (sympy.evaluate(False) would clear SymPy's caches each time).
    if expr in values:
        return values[expr]
    if not expr.args:
        return expr
    return expr.func(*[_rebuild(arg, values) for arg in expr.args], evaluate=False)


def build(make: Callable[[list[sympy.Expr]], Any], values: Sequence[sympy.Expr]) -> Any:
    """``make(values)`` (an expression or a list of them), evaluated when every value is
    rational and assembled unevaluated otherwise.

    >>> build(lambda v: v[0] * (1 - v[0]), [sympy.Rational(1, 2)])
    1/4
    >>> build(lambda v: [v[0] * (1 - v[0]), v[0] + 1], [sympy.Rational(1, 2)])
    [1/4, 3/2]
    """
    symbols = sympy.symbols(f"v0:{len(values)}")
    made, mapping = make(list(symbols)), dict(zip(symbols, values, strict=True))
    if isinstance(made, list):  # a whole layer, such as softmax
        return [substitute(item, mapping) for item in made]
    return substitute(made, mapping)
