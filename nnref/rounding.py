"""Half-up rounding of exact numbers to a number of decimals: the one rule every page uses.

Published examples (wikidocs 07-05, Mazur's post) round half up, away from zero: 0.105 at two
decimals is 0.11 and -0.105 is -0.11. Rounding is done on exact fractions, never on floats.

>>> round_half_up(Fraction(21, 200), 2), round_half_up(Fraction(-21, 200), 2), round_half_up(0, 3)
(Decimal('0.11'), Decimal('-0.11'), Decimal('0.000'))
>>> round_half_up(Decimal("0.125"), 2), round_half_up(Decimal("2.5"), 0), round_half_up(Fraction(1, 3), 30)
(Decimal('0.13'), Decimal('3'), Decimal('0.333333333333333333333333333333'))
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

__all__ = ["round_half_up", "round_significant", "scientific_text"]


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
    return (-mantissa if exact < 0 else mantissa), exponent


def scientific_text(mantissa: Decimal, exponent: int) -> str:
    """``1.2345679e-10`` from :func:`round_significant`'s result (a real minus sign is the
    renderer's business; this is the plain-text form).

    >>> scientific_text(*round_significant(Fraction(3, 10**12), 3))
    '3.00e-12'
    """
    return f"{mantissa:f}e{exponent:+03d}"
