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

__all__ = ["round_half_up"]


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
