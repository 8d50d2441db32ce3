"""A private mpmath context, and plain mpmath evaluation of a closed form.

The trace's own digits come from interval arithmetic over the node graph
(:mod:`nnref.symbolic.intervals`). :func:`evaluate` is a second, independent route: it walks a
written-out closed form (``v.doit()``) with ordinary mpmath numbers at 256 bits, sharing
repeated subexpressions, and is what tests compare the node graph against.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import sympy
from mpmath.ctx_mp import MPContext

__all__ = ["DIGITS", "MP", "evaluate", "exact_number"]

MP = MPContext()
MP.prec = 256
DIGITS: int = MP.dps  # significant decimal digits carried (76)

_FUNCTIONS: dict[type, Callable] = {sympy.exp: MP.exp, sympy.log: MP.log, sympy.tanh: MP.tanh}


def exact_number(value: sympy.Rational | Fraction | int) -> Any:
    """The MP number of a rational.

    >>> exact_number(sympy.Rational(1, 4))
    mpf('0.25')
    """
    if isinstance(value, sympy.Rational):
        return MP.mpf(int(value.p)) / int(value.q)
    fraction = Fraction(value)
    return MP.mpf(fraction.numerator) / fraction.denominator


def evaluate(
    expr: sympy.Expr, env: Mapping[sympy.Symbol, object] | None = None, memo: dict | None = None
) -> Any:
    """Evaluate a SymPy closed form with MP numbers (``env`` maps its free symbols).

    Shared subexpressions are evaluated once (``memo``). Node atoms are refused: pass
    ``value.doit()``, the closed form.

    >>> o, t = sympy.symbols("o t")
    >>> print(MP.nstr(evaluate((t - o) ** 2 / 2, {o: MP.mpf("0.6"), t: MP.mpf("0.4")}), 30))
    0.02
    >>> print(MP.nstr(evaluate(1 / (1 + sympy.exp(sympy.Rational(-2, 25)))), 20))
    0.51998934015558178525
    """
    memo = {} if memo is None else memo
    env = {} if env is None else env
    # Post-order without recursion: closed forms of deep networks nest hundreds of levels.
    stack: list[tuple[sympy.Expr, bool]] = [(expr, False)]
    while stack:
        node, expanded = stack.pop()
        if node in memo:
            continue
        if not expanded and node.args and not node.is_Rational:
            stack.append((node, True))
            stack.extend((arg, False) for arg in node.args if arg not in memo)
            continue
        memo[node] = _evaluate_one(node, env, memo)
    return memo[expr]


def _evaluate_one(expr: sympy.Expr, env: Mapping[sympy.Symbol, object], memo: dict) -> Any:
    if expr.is_Symbol:
        return env[expr]
    if expr.is_Rational:
        return exact_number(expr)
    if expr is sympy.E:  # exp(1) evaluates to the constant E
        return MP.e
    args = [memo[arg] for arg in expr.args]
    if expr.is_Add:
        return MP.fsum(args)
    if expr.is_Mul:
        return MP.fprod(args)
    if expr.is_Pow:
        exponent = expr.args[1]
        return args[0] ** int(exponent) if exponent.is_Integer else args[0] ** args[1]
    function = _FUNCTIONS.get(type(expr))
    if function is None:
        raise TypeError(f"cannot evaluate {type(expr).__name__} numerically: {expr}")
    return function(args[0])
