"""Interval arithmetic for the exact nodes: every number is an enclosure, never a guess.

A node's value is computed as an interval (mpmath's ``iv`` context, a private instance: the
global precision is never touched) at a working precision of ``w`` bits. The true value lies
inside the interval for any ``w``; a higher ``w`` makes it narrower. Callers raise ``w`` until
the interval is narrow enough for what they decide (a relative precision, a rounding at some
decimals, a sign), so a cancellation (``1 - o`` for a saturated sigmoid, two huge products
that nearly cancel) costs precision, never correctness.

Formulas are small SymPy expressions in the generic symbols ``v0, v1, ...`` (one node's
one-level formula); :func:`compile_interval` turns one into a function of the arguments'
intervals, once per formula.

>>> import sympy
>>> v0 = sympy.Symbol("v0")
>>> f = compile_interval(1 / (1 + sympy.exp(-v0)))
>>> with precision(80):
...     y = f([rational(sympy.Rational(2, 25))])
>>> low, high = bounds(y)
>>> libmp.to_float(low) <= 0.51998934015558178 <= libmp.to_float(high)
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from fractions import Fraction
from functools import cache
from typing import Any

import sympy
from mpmath import libmp
from mpmath.ctx_iv import MPIntervalContext

__all__ = [
    "IV",
    "Interval",
    "NotRational",
    "bounds",
    "compile_exact",
    "compile_interval",
    "contains_zero",
    "generic_symbols",
    "magnitude",
    "midpoint",
    "narrow",
    "precision",
    "rational",
    "to_fraction",
]

IV = MPIntervalContext()
Interval = Any  # an mpmath ivmpf

_FunctionOfArgs = Callable[[Sequence[Interval]], Interval]


@contextmanager
def precision(bits: int) -> Iterator[None]:
    """Work at ``bits`` bits inside the block (the private interval context only)."""
    saved = IV.prec
    if saved != bits:
        IV.prec = bits
    try:
        yield
    finally:
        if IV.prec != saved:
            IV.prec = saved


@cache
def generic_symbols(count: int) -> tuple[sympy.Symbol, ...]:
    """``v0 .. v{count-1}``: the argument symbols of one-level formulas."""
    return tuple(sympy.Symbol(f"v{i}") for i in range(count))


def rational(value: sympy.Rational) -> Interval:
    """The enclosure of a rational at the current precision (exact when it is representable)."""
    if value.q == 1:
        return IV.mpf(int(value.p))
    return IV.mpf(int(value.p)) / int(value.q)


def bounds(interval: Interval) -> tuple[tuple, tuple]:
    """The two ends of an interval as mpmath ``_mpf_`` tuples."""
    return interval._mpi_


def contains_zero(interval: Interval) -> bool:
    low, high = interval._mpi_
    return not libmp.mpf_gt(low, libmp.fzero) and not libmp.mpf_lt(high, libmp.fzero)


def narrow(interval: Interval, bits: int) -> bool:
    """True when the interval excludes 0 and its width is at most ``2^-bits`` of its smaller end.

    >>> with precision(53):
    ...     narrow(rational(sympy.Rational(1, 3)), 40), narrow(rational(sympy.Rational(1, 3)), 60)
    (True, False)
    """
    if contains_zero(interval):
        return False
    low, high = interval._mpi_
    width = libmp.mpf_sub(high, low, 64, libmp.round_up)
    if width == libmp.fzero:
        return True
    smaller = min(libmp.mpf_abs(low), libmp.mpf_abs(high), key=_Ordered)
    return magnitude(libmp.mpf_div(width, smaller, 64, libmp.round_up)) <= -bits


class _Ordered:
    """Orders raw mpf tuples by value (for min and max)."""

    def __init__(self, value: tuple) -> None:
        self.value = value

    def __lt__(self, other: _Ordered) -> bool:
        return libmp.mpf_lt(self.value, other.value)


def midpoint(interval: Interval, bits: int) -> tuple:
    """The middle of the interval rounded to ``bits`` bits (an ``_mpf_`` tuple)."""
    low, high = interval._mpi_
    return libmp.mpf_shift(libmp.mpf_add(low, high, bits + 2, libmp.round_nearest), -1)


def magnitude(value: tuple) -> int:
    """About log2 |value| (exponent plus bit count of the mantissa); 0 for zero."""
    _, mantissa, exponent, count = value
    return exponent + count if mantissa else 0


def to_fraction(value: tuple) -> Fraction:
    """An ``_mpf_`` tuple as the exact fraction it is."""
    sign, mantissa, exponent, _ = value
    if not mantissa:
        return Fraction(0)
    magnitude_ = Fraction(mantissa << exponent) if exponent >= 0 else Fraction(mantissa, 1 << -exponent)
    return -magnitude_ if sign else magnitude_


def _endpoints(x: Interval) -> tuple[Interval, Interval]:
    low, high = x._mpi_
    return IV.make_mpf((low, low)), IV.make_mpf((high, high))


def _hull(low: Interval, high: Interval) -> Interval:
    """The interval from the lower end of ``low`` to the upper end of ``high``."""
    return IV.make_mpf((low._mpi_[0], high._mpi_[1]))


def _max(a: tuple, b: tuple) -> tuple:
    return a if libmp.mpf_ge(a, b) else b


def _min(a: tuple, b: tuple) -> tuple:
    return a if libmp.mpf_le(a, b) else b


def _tanh_point(x: Interval) -> Interval:
    # tanh x = expm1(2x) / (expm1(2x) + 2): no cancellation near 0, none for large |x|.
    t = IV.expm1(2 * x)
    return t / (t + 2)


def _tanh(x: Interval) -> Interval:
    # Monotone: from the two ends (each a point, so the formula's two uses of x cannot widen
    # the result), and never outside [-1, 1]. Without this, wide intervals deep in a network
    # would widen layer after layer instead of staying within tanh's range.
    low, high = _endpoints(x)
    result = _hull(_tanh_point(low), _tanh_point(high))
    a, b = result._mpi_
    return IV.make_mpf((_max(a, libmp.from_int(-1)), _min(b, libmp.from_int(1))))


def _cosh_point(x: Interval) -> Interval:
    e = IV.exp(x)
    return (e + 1 / e) / 2


def _cosh(x: Interval) -> Interval:
    # Even and monotone in |x|: at least 1, largest at the end farthest from 0.
    low, high = _endpoints(x)
    at_low, at_high = _cosh_point(low), _cosh_point(high)
    if contains_zero(x):
        top = _max(at_low._mpi_[1], at_high._mpi_[1])
        return IV.make_mpf((libmp.fone, top))
    near, far = (at_low, at_high) if libmp.mpf_gt(low._mpi_[0], libmp.fzero) else (at_high, at_low)
    return IV.make_mpf((near._mpi_[0], far._mpi_[1]))


def _log(x: Interval) -> Interval:
    return IV.log(x)


def _one_plus(expr: sympy.Expr) -> sympy.Expr | None:
    """``X`` when ``expr`` is ``1 + X`` (so log(1 + X) can be log1p(X)), else None."""
    if isinstance(expr, sympy.Add) and sympy.S.One in expr.args:
        rest = list(expr.args)
        rest.remove(sympy.S.One)
        return sympy.Add(*rest, evaluate=False) if len(rest) > 1 else rest[0]
    return None


def _compile(expr: sympy.Expr, index: dict[sympy.Symbol, int]) -> _FunctionOfArgs:
    if expr.is_Symbol:
        position = index[expr]
        return lambda args: args[position]
    if expr.is_Rational:
        constant = sympy.Rational(expr)
        return lambda args: rational(constant)
    if expr is sympy.E:
        return lambda args: IV.e
    parts = [_compile(arg, index) for arg in expr.args]
    if expr.is_Add:

        def add(args: Sequence[Interval]) -> Interval:
            total = parts[0](args)
            for part in parts[1:]:
                total = total + part(args)
            return total

        return add
    if expr.is_Mul:

        def mul(args: Sequence[Interval]) -> Interval:
            result = parts[0](args)
            for part in parts[1:]:
                result = result * part(args)
            return result

        return mul
    if expr.is_Pow:
        base, exponent = parts[0], expr.args[1]
        if exponent.is_Integer:
            power = int(exponent)
            if power == -1:
                return lambda args: 1 / base(args)
            return lambda args: base(args) ** power
        raise TypeError(f"cannot evaluate a non-integer power in intervals: {expr}")
    if isinstance(expr, sympy.exp):
        return lambda args: IV.exp(parts[0](args))
    if isinstance(expr, sympy.log):
        rest = _one_plus(expr.args[0])
        if rest is not None:  # log(1 + X): log1p keeps the digits of a tiny X
            inner = _compile(rest, index)
            return lambda args: IV.log1p(inner(args))
        return lambda args: _log(parts[0](args))
    if isinstance(expr, sympy.tanh):
        return lambda args: _tanh(parts[0](args))
    if isinstance(expr, sympy.cosh):
        return lambda args: _cosh(parts[0](args))
    raise TypeError(f"cannot evaluate {type(expr).__name__} in intervals: {expr}")


class NotRational(Exception):
    """Raised by a compiled exact formula when its value is not rational (``exp(1/3)``)."""


def _exact(expr: sympy.Expr, index: dict[sympy.Symbol, int]) -> Callable[[Sequence[Fraction]], Fraction]:
    if expr.is_Symbol:
        position = index[expr]
        return lambda args: args[position]
    if expr.is_Rational:
        constant = Fraction(int(expr.p), int(expr.q))
        return lambda args: constant
    parts = [_exact(arg, index) for arg in expr.args]
    if expr.is_Add:
        return lambda args: sum((part(args) for part in parts), Fraction(0))
    if expr.is_Mul:

        def mul(args: Sequence[Fraction]) -> Fraction:
            result = Fraction(1)
            for part in parts:
                result *= part(args)
            return result

        return mul
    if expr.is_Pow and expr.args[1].is_Integer:
        power = int(expr.args[1])
        return lambda args: parts[0](args) ** power
    # exp, log, tanh: rational only at the argument that makes them 1 or 0.
    unit = {sympy.exp: (0, 1), sympy.log: (1, 0), sympy.tanh: (0, 0)}.get(type(expr))
    if unit is None:
        raise TypeError(f"cannot evaluate {type(expr).__name__} exactly: {expr}")

    def function(args: Sequence[Fraction]) -> Fraction:
        if parts[0](args) == unit[0]:
            return Fraction(unit[1])
        raise NotRational

    return function


@cache
def compile_exact(formula: sympy.Expr) -> Callable[[Sequence[Fraction]], Fraction]:
    """A function of the arguments' fractions that computes ``formula`` exactly, or raises
    :class:`NotRational` when the value is transcendental (``exp`` of a nonzero rational)."""
    count = 1 + max((int(s.name[1:]) for s in formula.free_symbols), default=-1)
    return _exact(formula, {symbol: i for i, symbol in enumerate(generic_symbols(count))})


@cache
def compile_interval(formula: sympy.Expr) -> _FunctionOfArgs:
    """A function ``f(args)`` of the intervals of ``v0, v1, ...`` that encloses ``formula``.

    Compiled once per formula (formulas are shared by every node of the same shape).
    """
    count = 1 + max((int(s.name[1:]) for s in formula.free_symbols), default=-1)
    index = {symbol: i for i, symbol in enumerate(generic_symbols(count))}
    return _compile(formula, index)
