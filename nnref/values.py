"""Exact parsing of user-given numbers, shared by both engines and the CLI.

Strings are parsed as decimals or ``p/q`` fractions with a strict pattern; nothing a
user passes is ever evaluated or handed to ``sympify``.
"""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal
from fractions import Fraction

__all__ = ["ExactInput", "parse_exact", "parse_positive_finite"]

ExactInput = int | str | Fraction | Decimal | float | numbers.Rational

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_FRACTION = re.compile(r"([+-]?\d+)/(\d+)")


def parse_exact(value: object, name: str = "value") -> Fraction:
    """Return ``value`` as an exact :class:`~fractions.Fraction`.

    Accepted: ``int``, decimal strings (``"0.1"``, ``"1e-3"``), fraction strings
    (``"1/3"``), ``Fraction``, ``Decimal``, SymPy ``Rational`` and ``float`` (taken by
    its shortest repr, so ``0.1`` means 1/10).

    >>> parse_exact("0.25"), parse_exact(0.1), parse_exact("1/3"), parse_exact("-2e-2")
    (Fraction(1, 4), Fraction(1, 10), Fraction(1, 3), Fraction(-1, 50))
    >>> parse_exact("exp(1)", "weights[0]")
    Traceback (most recent call last):
    ...
    ValueError: weights[0] must be a decimal number such as '0.25', '1e-3' or '1/3'; got 'exp(1)'
    """
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number, not a bool; got {value!r}")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{name} must be finite; got {value!r}")
        return Fraction(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{name} must be finite; got {value!r}")
        return Fraction(value)
    if isinstance(value, numbers.Rational):  # Fraction, SymPy Rational/Integer
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, str):
        text = value.strip()
        if _DECIMAL.fullmatch(text):
            return Fraction(Decimal(text))
        match = _FRACTION.fullmatch(text)
        if match:
            numerator, denominator = int(match.group(1)), int(match.group(2))
            if denominator == 0:
                raise ValueError(f"{name} has a zero denominator; got {value!r}")
            return Fraction(numerator, denominator)
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise ValueError(
            f"{name} must be a decimal number such as '0.25', '1e-3' or '1/3'; got {shown!r}"
        )
    raise TypeError(
        f"{name} must be an int, a decimal string, a Fraction, a SymPy Rational or a float; "
        f"got {type(value).__name__} {value!r}"
    )


def parse_positive_finite(value: object, name: str = "learning_rate") -> Fraction:
    """Parse ``value`` exactly and require it to be > 0 (a learning rate, a step size).

    >>> parse_positive_finite("0.5")
    Fraction(1, 2)
    >>> parse_positive_finite(0)
    Traceback (most recent call last):
    ...
    ValueError: learning_rate must be a finite number > 0; got 0
    """
    try:
        exact = parse_exact(value, name)
    except ValueError as error:
        raise ValueError(f"{name} must be a finite number > 0; got {value!r}") from error
    if exact <= 0:
        raise ValueError(f"{name} must be a finite number > 0; got {value!r}")
    return exact
