"""Short decimals drawn for a student, exact decimal text, and small graphs of exact nodes.

Every number a problem gives is a short decimal (``0.3``, ``-0.75``) drawn from a seeded
``random.Random``, so a student can work it by hand. Values that are not part of a network
(an activation at a point, a loss of given vectors) are still computed by the symbolic engine:
:class:`Quantities` builds them as :class:`~nnref.symbolic.Node` objects, whose ``decimal``
rounds half up exactly and whose formulas the renderers print with the numbers put in.

>>> rng = random.Random(1)
>>> [draw(rng, -1, 1) for _ in range(4)]
['-0.6', '0.8', '-0.8', '-0.2']
>>> exact_text(Fraction(3, 8)), exact_text(Fraction(-5, 1)), exact_text(Fraction(1, 10) + Fraction(2, 10))
('0.375', '-5', '0.3')
>>> from nnref.render.fmt import numbers_latex
>>> q = Quantities()
>>> z = q.given("z", "z", "0.5")
>>> a = q.derived("a", "a", 1 / (1 + sympy.exp(-z.symbol)))
>>> f"{a.decimal(4):f}", numbers_latex(a)
('0.6225', '\\\\frac{1}{1 + e^{- 0.5}}')
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import sympy

from nnref.symbolic.check import student_number
from nnref.symbolic.graph import Kind, Node
from nnref.symbolic.intervals import generic_symbols
from nnref.values import parse_exact

__all__ = ["Quantities", "decimal_text", "draw", "draw_many", "exact_text", "formula_latex", "math_list"]


def draw(rng: random.Random, low: float, high: float, places: int = 1, zero: bool = False) -> str:
    """A number with at most ``places`` decimals from ``[low, high]``, as its shortest text (``0.5``,
    ``1``, never ``-0``); 0 only when ``zero``."""
    scale = 10**places
    while True:
        k = rng.randint(round(low * scale), round(high * scale))
        if k or zero:
            return exact_text(Fraction(k, scale))


def draw_many(rng: random.Random, count: int, low: float, high: float, places: int = 1) -> list[str]:
    """``count`` non-zero draws (see :func:`draw`)."""
    return [draw(rng, low, high, places) for _ in range(count)]


def exact_text(value: Fraction | int | sympy.Rational) -> str:
    """A terminating rational as the decimal it is, with no trailing zeros (``0.4``, ``-1.25``, ``3``)."""
    if isinstance(value, sympy.Rational):
        value = Fraction(int(value.p), int(value.q))
    return f"{student_number(Fraction(value), 'value'):f}"  # ValueError unless it terminates


def decimal_text(value: Decimal) -> str:
    """A Decimal as the page writes it (``f"{d:f}"``: the decimals as rounded, no exponent)."""
    return f"{value:f}"


def math_list(items: Sequence[str]) -> str:
    """Inline formulas separated by commas that stay with the formula before them; each formula is
    one group, so a narrow cell breaks the line after a comma, never inside ``w_7 = -0.8``.

    >>> math_list(["x_1 = 1", "x_2 = 0"])
    '\\\\({x_1 = 1},\\\\) \\\\({x_2 = 0}\\\\)'
    """
    return " ".join(rf"\({{{item}}}{',' if i < len(items) - 1 else ''}\)" for i, item in enumerate(items))


def formula_latex(node: Node) -> str:
    """``node``'s formula in symbols, each symbol printed as its node's LaTeX (``e^{z_{1}} + ...``)."""
    names = {symbol: other.latex for symbol, other in node.formula_nodes.items()}
    return sympy.latex(node.formula, symbol_names=names, order="old")


class Quantities:
    """A few named exact nodes outside any network: givens, and values computed from them.

    ``derived(name, latex, formula)`` takes a formula in the symbols of earlier nodes
    (``node.symbol``); its value, digits and half-up rounding come from the symbolic engine.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}

    def _placed(self, node: Node) -> Node:
        if node.name in self.nodes:
            raise ValueError(f"a quantity named {node.name!r} exists already")
        self.nodes[node.name] = node
        return node.place(scope=self.nodes.__getitem__)

    def given(self, name: str, latex: str, value: object, kind: Kind = Kind.INPUT) -> Node:
        """A given exact number (a short decimal as text, a Fraction, an int, a SymPy Rational)."""
        if isinstance(value, sympy.Rational):
            value = Fraction(int(value.p), int(value.q))
        exact = parse_exact(value, name)
        return self._placed(Node.given(name, latex, kind, sympy.Rational(exact.numerator, exact.denominator)))

    def derived(self, name: str, latex: str, formula: sympy.Expr, kind: Kind = Kind.ACT) -> Node:
        """A node computed by ``formula`` from the nodes its symbols name."""
        deps: Sequence[Node] = [self.nodes[s.name] for s in sorted(formula.free_symbols, key=str)]
        generic = formula.xreplace(
            dict(zip([d.symbol for d in deps], generic_symbols(len(deps)), strict=True))
        )
        return self._placed(Node.derived(name, latex, kind, generic, deps, formula=formula))

    def __getitem__(self, name: str) -> Node:
        return self.nodes[name]
