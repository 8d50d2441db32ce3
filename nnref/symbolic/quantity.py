"""The objects a :class:`~nnref.symbolic.chain.Trace` hands out: quantities, nodes, chain steps.

Every quantity has a name, a LaTeX name, a formula in symbols, an exact SymPy value and a
cached high-precision number. The number is computed eagerly (cheap, mpmath); formula and exact
value are built on first access and cached, because for deep networks the closed forms are
large and most pages never ask for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import sympy

from nnref.symbolic.precision import to_decimal

__all__ = ["Node", "Quantity", "Step", "as_expr", "latex_name", "partial_latex"]

Lazy = sympy.Expr | Callable[[], sympy.Expr]


def as_expr(value: object) -> sympy.Expr:
    """A SymPy expression from an engine-built value (SymPy objects and Python ints only)."""
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return sympy.Integer(value)
    raise TypeError(f"expected a SymPy expression; got {type(value).__name__} {value!r}")


def latex_name(name: str) -> str:
    """LaTeX of a quantity name: ``h12`` -> ``h_{12}``, ``E_o1`` -> ``E_{o_{1}}``.

    >>> print(latex_name("h12"), latex_name("E_o1"), latex_name("alpha"), latex_name("E"))
    h_{12} E_{o_{1}} \\alpha E
    """
    if name == "alpha":
        return r"\alpha"
    if name.startswith("E_"):
        return f"E_{{{latex_name(name[2:])}}}"
    match = re.fullmatch(r"([A-Za-z]+)(\d+)", name)
    return f"{match.group(1)}_{{{match.group(2)}}}" if match else name


def partial_latex(top: str, bottom: str) -> str:
    """``\\frac{\\partial top}{\\partial bottom}`` from two quantity names.

    >>> print(partial_latex("E", "o1"))
    \\frac{\\partial E}{\\partial o_{1}}
    """
    return rf"\frac{{\partial {latex_name(top)}}}{{\partial {latex_name(bottom)}}}"


class Quantity:
    """A named exact value with its formula and high-precision number.

    ``formula`` and ``value`` may be given as zero-argument callables: they run once, on
    first access. ``number`` is an mpmath number with about 76 significant digits.
    """

    __slots__ = ("_formula", "_value", "latex", "name", "number")

    def __init__(self, name: str, latex: str, number: Any, formula: Lazy, value: Lazy) -> None:
        self.name = name
        self.latex = latex
        self.number = number
        self._formula = formula
        self._value = value

    @property
    def formula(self) -> sympy.Expr:
        """The formula in symbols (node, parameter, input and target symbols)."""
        if not isinstance(self._formula, sympy.Basic):
            self._formula = as_expr(self._formula())
        return self._formula

    @property
    def value(self) -> sympy.Expr:
        """The exact value as a SymPy closed form (built on first access, then cached)."""
        if not isinstance(self._value, sympy.Basic):
            self._value = as_expr(self._value())
        return self._value

    @property
    def symbol(self) -> sympy.Symbol:
        """The SymPy symbol standing for this quantity in other formulas."""
        return sympy.Symbol(self.name)

    def decimal(self, places: int = 8) -> Decimal:
        """The value rounded half up to ``places`` decimals (from the cached number)."""
        return to_decimal(self.number, places, lambda: self.value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r} ≈ {self.decimal(8):f})"


class Node(Quantity):
    """A forward-pass node: an input, a pre-activation z or an activation (h hidden, o output).

    ``layer`` is 0 for inputs, 1..L for the weight layers; ``index`` is the 1-based position
    in the layer; ``kind`` is ``"input"``, ``"pre"`` or ``"act"``. ``latex`` follows the
    worked example (``z_{3}``, ``h_{1}``, ``o_{1}``); ``general_latex`` the layer notation
    (``z^{(2)}_{1}``, ``a^{(1)}_{1}``, inputs ``a^{(0)}_{1}``).
    """

    __slots__ = ("general_latex", "index", "kind", "layer")

    def __init__(
        self,
        name: str,
        latex: str,
        number: Any,
        formula: Lazy,
        value: Lazy,
        *,
        general_latex: str,
        layer: int,
        index: int,
        kind: str,
    ) -> None:
        super().__init__(name, latex, number, formula, value)
        self.general_latex = general_latex
        self.layer = layer
        self.index = index
        self.kind = kind


class Step(Quantity):
    """One factor of a chain-rule product, such as ``dE/do1`` or ``do1/dz3``.

    ``label`` (= ``name``) is plain text, ``latex`` a ``\\frac{\\partial ..}{\\partial ..}``.
    ``factors``: the product this step is made of, when it is one (``dE_o1/dh1`` =
    ``dE/do1 · do1/dz3 · dz3/dh1``); ``terms``: the sum over downstream paths, when it is one
    (``dE/dh1 = dE_o1/dh1 + dE_o2/dh1``). Both are empty tuples otherwise.
    """

    __slots__ = ("_factors", "_terms")

    def __init__(
        self,
        label: str,
        latex: str,
        number: Any,
        formula: Lazy,
        value: Lazy,
        *,
        factors: tuple[Step, ...] | Callable[[], tuple[Step, ...]] = (),
        terms: tuple[Step, ...] | Callable[[], tuple[Step, ...]] = (),
    ) -> None:
        super().__init__(label, latex, number, formula, value)
        self._factors = factors
        self._terms = terms

    @property
    def label(self) -> str:
        return self.name

    @property
    def factors(self) -> tuple[Step, ...]:
        if callable(self._factors):
            self._factors = tuple(self._factors())
        return self._factors

    @property
    def terms(self) -> tuple[Step, ...]:
        if callable(self._terms):
            self._terms = tuple(self._terms())
        return self._terms
