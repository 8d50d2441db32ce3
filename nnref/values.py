"""Exact parsing of user-given numbers, shared by both engines and the CLI.

Strings are parsed as decimals or ``p/q`` fractions with a strict pattern; nothing a
user passes is ever evaluated or handed to ``sympify``.

Limits (:data:`EXACT_MAX_DIGITS`, :data:`EXACT_MAX_EXPONENT`): a number has at most 4,000
digits (a fraction's numerator and denominator together, a decimal's exponent included) and is
0 or has a magnitude from 1e-1000 to 1e1000. They are checked on the text or on the digit count
before any big integer is built, so an input such as ``"1e-999999999"`` is refused at once
instead of building ``10**999999999``.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence, Set
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias, cast

from nnref.errors import InputError, InputTypeError, Phrase

__all__ = [
    "EXACT_MAX_DIGITS",
    "EXACT_MAX_EXPONENT",
    "ExactInput",
    "ExactLimitError",
    "ParameterValues",
    "check_ordered",
    "exact_to_float",
    "parse_exact",
    "parse_float",
    "parse_positive_finite",
    "parse_vector",
]

ExactInput = int | str | Fraction | Decimal | float | numbers.Rational
ParameterValues: TypeAlias = "Sequence[ExactInput] | Mapping[str, ExactInput]"
"""Weights or biases: a sequence in naming order, or a mapping name -> value."""

EXACT_MAX_DIGITS = 4000
"""Most digits an exact input may have (numerator and denominator together for a fraction)."""
EXACT_MAX_EXPONENT = 1000
"""A non-zero exact input has a magnitude from ``10**-EXACT_MAX_EXPONENT`` to ``10**EXACT_MAX_EXPONENT``."""

_DECIMAL = re.compile(
    r"(?P<sign>[+-]?)(?:(?P<int>\d+)(?:\.(?P<frac>\d*))?|\.(?P<only>\d+))(?:[eE](?P<exp>[+-]?\d+))?"
)
_FRACTION = re.compile(r"([+-]?)(\d+)/(\d+)")
_HIGH = 10**EXACT_MAX_EXPONENT
_DIGIT_BOUND = 10**EXACT_MAX_DIGITS


class ExactLimitError(InputError):
    """A number beyond :data:`EXACT_MAX_DIGITS` or :data:`EXACT_MAX_EXPONENT` (a ValueError)."""


def _shown(value: object) -> str:
    try:
        text = repr(value)
    except ValueError:  # an int beyond Python's 4,300-digit str() limit
        return f"<{type(value).__name__} with more than 4,300 digits>"
    return text if len(text) <= 60 else text[:57] + "..."


def _too_many_digits(name: str, value: object, digits: int | str | Phrase) -> ExactLimitError:
    return ExactLimitError(
        "error_too_many_digits", name=name, limit=f"{EXACT_MAX_DIGITS:,}", got=_shown(value), digits=digits
    )


def _out_of_range(name: str, value: object) -> ExactLimitError:
    return ExactLimitError("error_out_of_range", name=name, exponent=EXACT_MAX_EXPONENT, got=_shown(value))


def _digit_count(n: int) -> int | None:
    """Decimal digits of ``|n|`` (1 for 0), or ``None`` when it exceeds the limit (no str(), no 10**huge)."""
    n = abs(n)
    if n >= _DIGIT_BOUND:
        return None
    if n < 10:
        return 1
    estimate = int((n.bit_length() - 1) * math.log10(2)) + 1  # exact or one too small
    return estimate + (n >= 10**estimate)


def _bounded(value: Fraction, name: str, given: object) -> Fraction:
    """``value`` itself if it is within the limits (its parts were already checked to be small)."""
    if value and not (value.denominator <= abs(value.numerator) * _HIGH and abs(value) <= _HIGH):
        raise _out_of_range(name, given)
    return value


def _from_parts(numerator: int, denominator: int, name: str, given: object) -> Fraction:
    top, bottom = _digit_count(numerator), _digit_count(denominator)
    if top is None or bottom is None or top + bottom > EXACT_MAX_DIGITS:
        unknown = top is None or bottom is None
        digits = Phrase("more_than", count=f"{EXACT_MAX_DIGITS:,}") if unknown else f"{top} + {bottom}"
        raise _too_many_digits(name, given, digits)
    return _bounded(Fraction(numerator, denominator), name, given)


def _from_decimal_text(match: re.Match[str], name: str, given: object) -> Fraction:
    whole = match.group("int") or ""
    fraction = match.group("frac") or match.group("only") or ""
    exponent_text = match.group("exp") or ""
    digits = len(whole) + len(fraction) + len(exponent_text.lstrip("+-"))
    if digits > EXACT_MAX_DIGITS:
        raise _too_many_digits(name, given, digits)
    mantissa = (whole + fraction).lstrip("0")
    if not mantissa:
        return Fraction(0)
    exponent = int(exponent_text or "0") - len(fraction)
    # floor(log10 |value|) = exponent + len(mantissa) - 1; the exact test below settles the edges.
    adjusted = exponent + len(mantissa) - 1
    if not -EXACT_MAX_EXPONENT - 1 <= adjusted <= EXACT_MAX_EXPONENT:
        raise _out_of_range(name, given)
    sign = -1 if match.group("sign") == "-" else 1
    value = Fraction(sign * int(mantissa) * 10 ** max(exponent, 0), 10 ** max(-exponent, 0))
    return _bounded(value, name, given)


def _from_decimal(value: Decimal, name: str) -> Fraction:
    if not value.is_finite():
        raise InputError("error_not_finite", name=name, got=repr(value))
    if not value:
        return Fraction(0)
    digits = len(value.as_tuple().digits)
    if digits > EXACT_MAX_DIGITS:
        raise _too_many_digits(name, value, digits)
    if not -EXACT_MAX_EXPONENT - 1 <= value.adjusted() <= EXACT_MAX_EXPONENT:
        raise _out_of_range(name, value)
    return _bounded(Fraction(value), name, value)


def _plain_number(value: object) -> object:
    """A NumPy scalar or 0-d array as the Python number it stands for; anything else unchanged.

    NumPy floats keep their own shortest repr (``np.float32(0.1)`` means 1/10, as ``0.1`` does).
    NumPy is not imported here: a NumPy value can only exist once NumPy is.
    """
    if type(value).__module__ != "numpy" or getattr(value, "ndim", None) != 0:
        return value
    scalar: Any = value  # a NumPy scalar or 0-d array, whose types are not imported here
    if type(scalar).__name__ == "ndarray":
        scalar = scalar[()]
    kind = getattr(getattr(scalar, "dtype", None), "kind", None)
    if kind == "b":
        return bool(scalar)
    if kind in ("i", "u"):
        return int(scalar)
    if kind == "f":
        return str(scalar) if math.isfinite(float(scalar)) else float(scalar)
    return scalar


def parse_exact(value: object, name: str = "value") -> Fraction:
    """Return ``value`` as an exact :class:`~fractions.Fraction`.

    Accepted: ``int``, decimal strings (``"0.1"``, ``"1e-3"``), fraction strings
    (``"1/3"``), ``Fraction``, ``Decimal``, SymPy ``Rational``, ``float`` (taken by
    its shortest repr, so ``0.1`` means 1/10) and the NumPy integer and float scalars.
    The limits are :data:`EXACT_MAX_DIGITS` and :data:`EXACT_MAX_EXPONENT`.

    >>> parse_exact("0.25"), parse_exact(0.1), parse_exact("1/3"), parse_exact("-2e-2")
    (Fraction(1, 4), Fraction(1, 10), Fraction(1, 3), Fraction(-1, 50))
    >>> parse_exact("exp(1)", "weights[0]")
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: weights[0] must be a decimal number such as '0.25', '1e-3' or '1/3'; \
got 'exp(1)'
    >>> parse_exact("1e-999999999", "x[0]")
    Traceback (most recent call last):
    ...
    nnref.values.ExactLimitError: x[0] must be 0 or have a magnitude from 1e-1000 to 1e1000; \
got '1e-999999999'
    """
    value = _plain_number(value)
    if isinstance(value, bool):
        raise InputTypeError("error_not_bool", name=name, got=repr(value))
    if isinstance(value, int):
        return _from_parts(value, 1, name, value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError("error_not_finite", name=name, got=repr(value))
        return Fraction(repr(float(value)))  # within the limits: |float| < 1.8e308, digits <= 17
    if isinstance(value, Decimal):
        return _from_decimal(value, name)
    if isinstance(value, numbers.Rational):  # Fraction, SymPy Rational/Integer
        return _from_parts(int(value.numerator), int(value.denominator), name, value)
    if isinstance(value, str):
        text = value.strip()
        decimal = _DECIMAL.fullmatch(text)
        if decimal:
            return _from_decimal_text(decimal, name, value)
        match = _FRACTION.fullmatch(text)
        if match:
            sign, top, bottom = match.groups()
            if len(top) + len(bottom) > EXACT_MAX_DIGITS:  # before int(): it has a 4,300-digit limit
                raise _too_many_digits(name, value, len(top) + len(bottom))
            numerator, denominator = int(sign + top), int(bottom)
            if denominator == 0:
                raise InputError("error_zero_denominator", name=name, got=_shown(value))
            return _from_parts(numerator, denominator, name, value)
        raise InputError("error_not_decimal", name=name, got=_shown(value))
    raise InputTypeError("error_number_type", name=name, kind=type(value).__name__, got=_shown(value))


def parse_positive_finite(value: object, name: str = "learning_rate") -> Fraction:
    """Parse ``value`` exactly and require it to be > 0 (a learning rate, a step size).

    >>> parse_positive_finite("0.5")
    Fraction(1, 2)
    >>> parse_positive_finite(0)
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: learning_rate must be a finite number > 0; got 0
    """
    try:
        exact = parse_exact(value, name)
    except ExactLimitError:
        raise
    except ValueError as error:
        raise InputError("error_not_positive", name=name, got=repr(_plain_number(value))) from error
    if exact <= 0:
        raise InputError("error_not_positive", name=name, got=repr(_plain_number(value)))
    return exact


def exact_to_float(exact: Fraction, name: str, given: object, nonzero: bool = False) -> float:
    """``exact`` rounded to float64; a ValueError naming ``name`` if it overflows (or, with
    ``nonzero``, if a non-zero value rounds to 0, as a learning rate of 1e-400 would).

    >>> exact_to_float(Fraction(1, 10), "w1", "0.1")
    0.1
    >>> exact_to_float(Fraction(1, 10**400), "learning_rate", "1e-400", nonzero=True)
    Traceback (most recent call last):
    ...
    ValueError: learning_rate must be representable in float64 (a magnitude from about 5e-324 to \
1.8e308); got '1e-400', which rounds to 0.0
    """
    try:
        number = float(exact)
    except OverflowError:
        number = math.inf if exact > 0 else -math.inf
    if math.isinf(number) or (nonzero and exact and number == 0.0):
        raise ValueError(
            f"{name} must be representable in float64 (a magnitude from about 5e-324 to 1.8e308); "
            f"got {_shown(_plain_number(given))}, which rounds to {number!r}"
        )
    return number


def parse_float(value: object, name: str) -> float:
    """``value`` as a float64: anything :func:`parse_exact` reads, rounded to nearest, or an exact
    real SymPy number such as a trace's node value (``tr.updated["w5"]``), correctly rounded.

    >>> parse_float("0.1", "w1"), parse_float(Fraction(1, 3), "w1")
    (0.1, 0.3333333333333333)
    """
    if getattr(value, "is_number", False) is True and hasattr(value, "evalf") and not hasattr(value, "p"):
        sympy_number: Any = value  # SymPy ships no types
        try:
            number = float(sympy_number)
        except TypeError:
            raise TypeError(f"{name} must be a real number; got {_shown(value)}") from None
        if not math.isfinite(number):
            raise ValueError(f"{name} must be representable in float64; got {_shown(value)}")
        return number
    return exact_to_float(parse_exact(value, name), name, value)


def check_ordered(values: object, name: str) -> None:
    """A TypeError when ``values`` is an unordered collection (a set, frozenset, dict keys or items).

    Values are matched to names by position, and a set's order is its hash order (it changes with
    ``PYTHONHASHSEED``), so a set of weights would be read in an order nobody chose.

    >>> check_ordered({"0.3", "0.25"}, "weights")
    Traceback (most recent call last):
    ...
    TypeError: weights must be an ordered sequence (a list or tuple, in naming order) or a mapping \
name -> value, not an unordered set; got {...}
    """
    if isinstance(values, Set):
        raise TypeError(
            f"{name} must be an ordered sequence (a list or tuple, in naming order) or a mapping "
            f"name -> value, not an unordered {type(values).__name__}; got {_shown(values)}"
        )


def parse_vector(values: object, length: int, name: str) -> list[Fraction]:
    """``length`` exact numbers from a list, tuple or 1-D NumPy array, named ``name[i]`` in errors.

    >>> parse_vector(["0.1", 1], 2, "x")
    [Fraction(1, 10), Fraction(1, 1)]
    >>> parse_vector("0.1", 1, "x")
    Traceback (most recent call last):
    ...
    nnref.errors.InputTypeError: x must be a sequence of 1 numbers; got '0.1'
    """
    check_ordered(values, name)
    array_like = type(values).__module__ == "numpy" and getattr(values, "ndim", None) == 1
    if isinstance(values, str | bytes) or not (isinstance(values, Sequence) or array_like):
        raise InputTypeError("error_not_sequence", name=name, length=length, got=_shown(values))
    # A 1-D array is no registered Sequence but has len() and indexing, which is all this needs.
    items = values if isinstance(values, Sequence) else cast("Sequence[object]", values)
    if len(items) != length:
        raise InputError("error_length", name=name, length=length, count=len(items))
    return [parse_exact(value, f"{name}[{index}]") for index, value in enumerate(items)]


def nonnegative_int(value: object, argument: str) -> int:
    """``value`` when it is an integer >= 0 (Python or NumPy, not a bool), else an error naming
    ``argument`` (a seed, a number of updates).

    >>> nonnegative_int(3, "steps")
    3
    >>> nonnegative_int(-1, "steps")
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: steps must be an integer >= 0; got -1
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InputTypeError("error_int_min0", argument=argument, got=repr(value))
    if value < 0:
        raise InputError("error_int_min0", argument=argument, got=repr(value))
    return int(value)
