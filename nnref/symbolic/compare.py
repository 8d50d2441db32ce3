"""Exact comparisons of node values with numbers: the sign of a difference, decided exactly."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import sympy

from nnref.symbolic.graph import ExactValue, Kind, Node
from nnref.symbolic.intervals import generic_symbols

__all__ = ["difference_sign"]

_V0, _V1 = generic_symbols(2)


def _as_node(value: Any) -> Node | None:
    if isinstance(value, ExactValue):
        return value.node
    if isinstance(value, bool):
        return None
    if isinstance(value, float | sympy.Float):
        if not sympy.Float(value).is_finite:
            return None
        exact = sympy.Rational(Fraction(float(value))) if isinstance(value, float) else sympy.Rational(value)
    elif isinstance(value, int | Fraction | sympy.Rational):
        exact = sympy.Rational(value)
    elif isinstance(value, Decimal) and value.is_finite():
        exact = sympy.Rational(Fraction(value))
    else:
        return None
    return Node.given("c", "c", Kind.INPUT, exact)


def difference_sign(node: Node, other: Any) -> int | None:
    """The sign of ``node - other`` when ``other`` is a real number or a node value, else None.

    Floats compare by the exact binary value they hold, as SymPy compares them.
    """
    right = _as_node(other)
    if right is None:
        return None
    difference = Node.derived("difference", "d", Kind.DERIVATIVE, _V0 - _V1, [node, right])
    return difference.sign()
