"""Rounding and decimal text of exact numbers: the one module every page, handout and check uses.

Published examples (wikidocs 07-05, Mazur's post) round half up, away from zero: 0.105 at two
decimals is 0.11 and -0.105 is -0.11. Rounding is done on exact fractions, never on floats, and
never through ``Decimal``'s own formatting (``f"{d:.3e}"`` rounds half to even) or a 28-digit
context. Besides :func:`round_half_up`: significant digits (:func:`round_significant`,
:func:`scaled`, :func:`significant_text`, :func:`scientific_text`), the exact decimal of a
terminating fraction (:func:`terminating_decimal`, :func:`decimal_text`) and cutting toward zero
(:func:`round_toward_zero`).

>>> round_half_up(Fraction(21, 200), 2), round_half_up(Fraction(-21, 200), 2), round_half_up(0, 3)
(Decimal('0.11'), Decimal('-0.11'), Decimal('0.000'))
>>> round_half_up(Decimal("0.125"), 2), round_half_up(Decimal("2.5"), 0), round_half_up(Fraction(1, 3), 30)
(Decimal('0.13'), Decimal('3'), Decimal('0.333333333333333333333333333333'))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

__all__ = [
    "decimal_text",
    "round_half_up",
    "round_significant",
    "round_toward_zero",
    "rounded_text",
    "scaled",
    "scientific_text",
    "significant_text",
    "terminating_decimal",
]


def round_half_up(value: Fraction | Decimal | int, places: int) -> Decimal:
    """``value`` rounded half up (ties away from zero) to ``places`` decimals, exactly.

    Zero comes out without a sign and with ``places`` decimals (``Decimal('0.000')``).
    """
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise ValueError(f"places must be an integer >= 0; got {places!r}")
    exact = Fraction(value)
    scaled = abs(exact) * 10**places
    magnitude = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    sign = 1 if exact < 0 and magnitude else 0
    # Built from its digits: Decimal arithmetic would round to the context's 28 digits.
    return Decimal((sign, tuple(int(d) for d in str(magnitude)), -places))


def rounded_text(value: Fraction | Decimal | int, places: int) -> str:
    """``value`` rounded half up to ``places`` decimals, as text with its trailing zeros.

    >>> rounded_text(Fraction(2, 3), 4), rounded_text(Fraction(-1, 8), 2), rounded_text(Fraction(1, 8), 2)
    ('0.6667', '-0.13', '0.13')
    """
    return f"{round_half_up(value, places):f}"


def round_toward_zero(value: Fraction | Decimal | int, places: int) -> Decimal:
    """``value`` cut (not rounded) to ``places`` decimals: the digits as far as they go.

    >>> round_toward_zero(Fraction(2, 3), 3), round_toward_zero(Fraction(-2, 3), 3)
    (Decimal('0.666'), Decimal('-0.666'))
    """
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise ValueError(f"places must be an integer >= 0; got {places!r}")
    exact = Fraction(value)
    magnitude = abs(exact) * 10**places
    digits = magnitude.numerator // magnitude.denominator
    return Decimal((1 if exact < 0 and digits else 0, tuple(int(d) for d in str(digits)), -places))


def terminating_decimal(value: Fraction | Decimal | int, max_places: int | None = None) -> Decimal | None:
    """The exact decimal of ``value`` with as few decimals as it needs (at most ``max_places``),
    or None when it has no such decimal (1/3, or 1/1024 with ``max_places=8``).

    >>> [terminating_decimal(Fraction(v)) for v in ("1/5", "-5/4", "1/3")]
    [Decimal('0.2'), Decimal('-1.25'), None]
    """
    exact = Fraction(value)
    denominator, places = exact.denominator, 0
    for prime in (2, 5):  # a fraction in lowest terms terminates when its denominator is 2^a 5^b
        count = 0
        while denominator % prime == 0:
            denominator //= prime
            count += 1
        places = max(places, count)
    if denominator != 1 or (max_places is not None and places > max_places):
        return None
    return round_half_up(exact, places)


def decimal_text(value: Fraction | Decimal | int) -> str:
    """A number as the decimal it is (1/5 -> ``0.2``, 3 -> ``3``), or ``p/q`` when it has none.

    >>> decimal_text(Fraction(1, 5)), decimal_text(Fraction(3)), decimal_text(Fraction(-2, 3))
    ('0.2', '3', '-2/3')
    """
    exact = Fraction(value)
    found = terminating_decimal(exact)
    return f"{exact.numerator}/{exact.denominator}" if found is None else f"{found:f}"


def _floor_log10(value: Fraction) -> int:
    """The exponent e with 10**e <= value < 10**(e + 1), for a positive fraction (exact)."""
    exponent = len(str(value.numerator)) - len(str(value.denominator))
    while Fraction(10) ** exponent > value:
        exponent -= 1
    while Fraction(10) ** (exponent + 1) <= value:
        exponent += 1
    return exponent


def round_significant(value: Fraction | Decimal | int, digits: int) -> tuple[Decimal, int]:
    """``(mantissa, exponent)`` with ``value ≈ mantissa × 10^exponent``, the mantissa rounded half up
    to ``digits`` significant digits (``1 <= |mantissa| < 10``).

    >>> round_significant(Fraction(123456789, 10**30), 4), round_significant(-Decimal("9.9996e20"), 4)
    ((Decimal('1.235'), -22), (Decimal('-1.000'), 21))
    """
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 1:
        raise ValueError(f"digits must be an integer >= 1; got {digits!r}")
    exact = Fraction(value)
    if exact == 0:
        return round_half_up(0, digits - 1), 0
    magnitude = abs(exact)
    exponent = _floor_log10(magnitude)
    mantissa = round_half_up(magnitude / Fraction(10) ** exponent, digits - 1)
    if mantissa >= 10:  # 9.9996 rounds up to 10.000: one more power of ten
        exponent += 1
        mantissa = round_half_up(magnitude / Fraction(10) ** exponent, digits - 1)
    return (mantissa.copy_negate() if exact < 0 else mantissa), exponent  # (unary minus rounds to 28 digits)


def scaled(mantissa: Decimal, exponent: int) -> Decimal:
    """``mantissa × 10^exponent`` with every digit of ``mantissa`` kept (``Decimal.scaleb`` would
    round to the context's 28 digits).

    >>> scaled(*round_significant(Decimal("1." + "0" * 28 + "25"), 30))
    Decimal('1.00000000000000000000000000003')
    >>> scaled(*round_significant(Fraction(123455, 1), 4))
    Decimal('1.235E+5')
    """
    sign, digits, own = mantissa.as_tuple()
    if not isinstance(own, int):
        raise ValueError(f"mantissa must be a finite Decimal; got {mantissa!r}")
    return Decimal((sign, digits, own + exponent))


def scientific_text(mantissa: Decimal, exponent: int) -> str:
    """``1.2345679e-10`` from :func:`round_significant`'s result (a real minus sign is the
    renderer's business; this is the plain-text form).

    >>> scientific_text(*round_significant(Fraction(3, 10**12), 3))
    '3.00e-12'
    """
    return f"{mantissa:f}e{exponent:+03d}"


def significant_text(value: Fraction | Decimal | int, digits: int) -> str:
    """``value`` with ``digits`` significant digits (half up) in plain decimal form.

    >>> significant_text(Fraction(2, 3), 3), significant_text(Fraction(12345, 10), 2), significant_text(0, 3)
    ('0.667', '1200', '0.00')
    >>> significant_text(Fraction(1, 3), 30)  # more digits than a default Decimal context holds
    '0.333333333333333333333333333333'
    """
    return f"{scaled(*round_significant(value, digits)):f}"
