"""Checking a student's numbers against a trace: right or wrong, and whose number it is.

A number is right when it equals the true value rounded half up to as many decimals as the
student wrote (``0.0259`` is checked at 4 decimals, ``0.02592286`` at 8). A wrong number is
looked up among every quantity of the trace at the same decimals, so the answer can say "this
is dE/dw1" when a student took the wrong path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol

from nnref.errors import InputError, InputTypeError
from nnref.rounding import round_half_up
from nnref.symbolic.graph import Node

__all__ = ["MAX_PLACES", "CheckResult", "check_answers", "student_number"]

MAX_PLACES = 60
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?")


@dataclass(frozen=True)
class CheckResult:
    """One checked answer.

    ``name``: the quantity asked; ``given``: the student's number (a Decimal, as written);
    ``correct``: whether it equals the true value rounded half up to ``places`` decimals;
    ``expected``: that rounded true value; ``matches``: every quantity of the trace whose value
    rounds to ``given`` at those decimals (``("dE/dw1",)``: "you computed dE/dw1").
    """

    name: str
    given: Decimal
    correct: bool
    expected: Decimal
    matches: tuple[str, ...]

    @property
    def places(self) -> int:
        """How many decimals the student wrote."""
        return _places(self.given)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def student_number(value: Any, argument: str) -> Decimal:
    """The student's number as a Decimal with the decimals as written.

    Strings are decimals (``"0.0259"``, ``"-1.5e-3"``); a float is taken by its shortest repr; a
    Fraction or int must have a terminating decimal expansion.

    >>> student_number("0.02590", "a"), student_number(0.25, "a"), student_number(Fraction(1, 8), "a")
    (Decimal('0.02590'), Decimal('0.25'), Decimal('0.125'))
    >>> student_number("1/3", "answers['E']")
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: answers['E'] must be a decimal number such as '0.0259' or '-1.5e-3'; got '1/3'
    """
    if isinstance(value, bool):
        raise InputTypeError("error_not_bool", name=argument, got=repr(value))
    if isinstance(value, str):
        text = value.strip()
        if not _DECIMAL.fullmatch(text):
            shown = value if len(value) <= 40 else value[:37] + "..."
            raise InputError("error_answer_decimal", argument=argument, got=repr(shown))
        number = Decimal(text)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError("error_answer_finite", argument=argument, got=repr(value))
        number = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError("error_answer_finite", argument=argument, got=repr(value))
        number = value
    elif isinstance(value, int | Fraction) or (hasattr(value, "numerator") and hasattr(value, "denominator")):
        fraction = Fraction(int(value.numerator), int(value.denominator))
        number = _terminating(fraction, argument, value)
    else:
        raise InputTypeError("error_answer_type", argument=argument, got=f"{type(value).__name__} {value!r}")
    if _places(number) > MAX_PLACES:
        raise InputError("error_answer_places", argument=argument, places=_places(number), limit=MAX_PLACES)
    return number


def _terminating(fraction: Fraction, argument: str, given: Any) -> Decimal:
    denominator, counts = fraction.denominator, []
    for factor in (2, 5):
        count = 0
        while denominator % factor == 0:
            denominator //= factor
            count += 1
        counts.append(count)
    if denominator != 1:
        raise InputError("error_answer_terminating", argument=argument, got=repr(given))
    return round_half_up(fraction, max(counts))


class Quantities(Protocol):
    """What checking needs of a trace (:class:`nnref.symbolic.chain.Trace` is one)."""

    @property
    def names(self) -> Iterable[str]: ...

    def quantity(self, name: str) -> Node: ...


def check_answers(trace: Quantities, answers: Mapping[str, Any]) -> tuple[CheckResult, ...]:
    """See :meth:`nnref.symbolic.chain.Trace.check`."""
    if not isinstance(answers, Mapping):
        raise InputTypeError("error_answers_type", argument="answers", got=repr(answers))
    if not answers:
        raise InputError("error_answers_empty", argument="answers")
    results = []
    for name, value in answers.items():
        node = trace.quantity(name)
        given = student_number(value, f"answers[{name!r}]")
        places = _places(given)
        expected = node.decimal(places)
        matches = tuple(other for other in trace.names if trace.quantity(other).decimal(places) == given)
        results.append(CheckResult(str(name), given, expected == given, expected, matches))
    return tuple(results)
