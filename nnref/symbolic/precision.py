"""High-precision numbers that travel with every exact value, and half-up decimal rounding.

Evaluating a deep SymPy closed form with ``evalf`` is slow, so each quantity carries an mpmath
number computed alongside it (256 bits, about 76 significant digits) in a private mpmath
context (the global ``mpmath.mp`` precision is never touched). Decimals are rounded from that
number; only when it lies too close to a rounding boundary (or to 0, for a ReLU branch) is the
exact value consulted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

import sympy
from mpmath import libmp
from mpmath.ctx_mp import MPContext

__all__ = ["DIGITS", "MP", "evaluate", "exact_number", "sign_of", "to_decimal"]

MP = MPContext()
MP.prec = 256
DIGITS: int = MP.dps  # significant decimal digits carried (76)
_GUARD = 14  # digits set aside for rounding errors accumulated through a network
_MAX_CACHED_PLACES = DIGITS - 2 * _GUARD

_FUNCTIONS: dict[type, Callable] = {sympy.exp: MP.exp, sympy.log: MP.log, sympy.tanh: MP.tanh}


def exact_number(value: sympy.Rational | Fraction | int):
    """The MP number of a rational.

    >>> exact_number(sympy.Rational(1, 4))
    mpf('0.25')
    """
    if isinstance(value, sympy.Rational):
        return MP.mpf(int(value.p)) / int(value.q)
    fraction = Fraction(value)
    return MP.mpf(fraction.numerator) / fraction.denominator


def evaluate(expr: sympy.Expr, env: Mapping[sympy.Symbol, object] | None = None, memo: dict | None = None):
    """Evaluate a SymPy expression with MP numbers (``env`` maps its free symbols).

    Shared subexpressions are evaluated once (``memo``), so a closed form that nests a whole
    network costs its number of distinct nodes, not its printed size.

    >>> o, t = sympy.symbols("o t")
    >>> print(MP.nstr(evaluate((t - o) ** 2 / 2, {o: MP.mpf("0.6"), t: MP.mpf("0.4")}), 30))
    0.02
    >>> print(MP.nstr(evaluate(1 / (1 + sympy.exp(sympy.Rational(-2, 25)))), 20))
    0.51998934015558178525
    """
    memo = {} if memo is None else memo
    env = {} if env is None else env
    return _evaluate(expr, env, memo)


def _evaluate(expr: sympy.Expr, env: Mapping[sympy.Symbol, object], memo: dict):
    if expr.is_Symbol:
        return env[expr]
    if expr.is_Rational:
        return exact_number(expr)
    if expr is sympy.E:  # exp(1) evaluates to the constant E
        return MP.e
    if expr in memo:
        return memo[expr]
    if expr.is_Add:
        result = MP.fsum(_evaluate(arg, env, memo) for arg in expr.args)
    elif expr.is_Mul:
        result = MP.fprod(_evaluate(arg, env, memo) for arg in expr.args)
    elif expr.is_Pow:
        base, exponent = expr.args
        if exponent.is_Integer:
            result = _evaluate(base, env, memo) ** int(exponent)
        else:
            result = _evaluate(base, env, memo) ** _evaluate(exponent, env, memo)
    else:
        function = _FUNCTIONS.get(type(expr))
        if function is None:
            raise TypeError(f"cannot evaluate {type(expr).__name__} numerically: {expr}")
        result = function(_evaluate(expr.args[0], env, memo))
    memo[expr] = result
    return result


def _decimal(number) -> Decimal:
    return Decimal(libmp.to_str(number._mpf_, DIGITS))


def _tolerance(value: Decimal, digits: int) -> Decimal:
    # Errors are relative to the size of the terms that produced a value, so never use a
    # tolerance below the absolute 10**-digits.
    return max(abs(value), Decimal(1)) * Decimal(10).scaleb(-digits)


def _quantize(value: Decimal, places: int) -> Decimal:
    context = Context(prec=max(60, value.adjusted() + places + 10))
    result = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=context)
    return result.copy_abs() if result.is_zero() else result


def _unambiguous(value: Decimal, places: int, digits: int) -> Decimal | None:
    tolerance = _tolerance(value, digits)
    exact = Context(prec=max(value.adjusted(), 0) + digits + places + 20)  # no rounding here
    low = _quantize(exact.subtract(value, tolerance), places)
    high = _quantize(exact.add(value, tolerance), places)
    return _quantize(value, places) if low == high else None


def _round_fraction(value: Fraction, places: int) -> Decimal:
    scaled = abs(value) * 10**places
    magnitude = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    result = Decimal(magnitude if value >= 0 else -magnitude).scaleb(-places)
    return result.copy_abs() if result.is_zero() else result


def to_decimal(number, places: int, exact: Callable[[], sympy.Expr]) -> Decimal:
    """Round to ``places`` decimals, half up (away from zero), as the published examples do.

    ``number`` is the cached MP number; ``exact()`` gives the exact value, used only when the
    number is too close to a rounding boundary to decide (or when more places are asked than
    the cached number carries). Zero comes out as ``0E-8``: format with ``f"{d:f}"``.

    >>> third = sympy.Rational(1, 3)
    >>> to_decimal(exact_number(third), 8, lambda: third)
    Decimal('0.33333333')
    >>> half = sympy.Rational(21, 200)   # 0.105: binary MP number is 0.10499999...
    >>> to_decimal(exact_number(half), 2, lambda: half)
    Decimal('0.11')
    """
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise ValueError(f"places must be an integer >= 0; got {places!r}")
    if places <= _MAX_CACHED_PLACES:
        result = _unambiguous(_decimal(number), places, DIGITS - _GUARD)
        if result is not None:
            return result
    value = exact()
    if value.is_Rational:
        return _round_fraction(Fraction(int(value.p), int(value.q)), places)
    for digits in (places + 40, places + 150, places + 500):
        approx = value.evalf(digits)
        if not approx.is_Float:
            raise ValueError(f"not a real number: {value}")
        result = _unambiguous(Decimal(str(approx)), places, digits - 10)
        if result is not None:
            return result
    # Still on the boundary at 500 extra digits: settle it exactly.
    boundary = _quantize(Decimal(str(approx)), places + 1)
    if sympy.simplify(value - sympy.Rational(str(boundary))) == 0:
        return _round_fraction(Fraction(str(boundary)), places)
    return _quantize(Decimal(str(approx)), places)


def sign_of(number, exact: Callable[[], sympy.Expr]) -> int:
    """-1, 0 or 1: the sign of a value, from its MP number or, when that is within rounding
    error of 0, from its exact value (how ReLU and step pick their branch).

    >>> sign_of(MP.mpf(0), lambda: sympy.Integer(0)), sign_of(MP.mpf("-1e-3"), lambda: None)
    (0, -1)
    """
    if abs(number) > MP.mpf(10) ** (_GUARD - DIGITS) * max(1, abs(number)):
        return 1 if number > 0 else -1
    value = exact()
    if value.is_Rational:
        return (value.p > 0) - (value.p < 0)
    for digits in (100, 300):
        approx = value.evalf(digits)
        if abs(approx) > sympy.Float(10, digits) ** (15 - digits):
            return 1 if approx > 0 else -1
    return 0 if sympy.simplify(value) == 0 else (1 if approx > 0 else -1)
