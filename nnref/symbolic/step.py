"""Chain-rule steps: derivative nodes that know what they differentiate, by what, and how.

A :class:`Step` is a :class:`~nnref.symbolic.graph.Node` whose value is a partial derivative
``∂of/∂wrt``. ``of`` and ``wrt`` are nodes (typed references: ``step.wrt.kind`` tells a
renderer whether it is an output, an activation, a pre-activation, a parameter or an input),
``via`` the node a path term goes through (``∂E/∂z5 · ∂z5/∂h1`` goes via ``z5``). A step is
a product of ``factors`` (``∂E_o1/∂h1 = ∂E/∂o1 · ∂o1/∂z3 · ∂z3/∂h1``), a sum of ``terms``
(``∂E/∂h1`` over the paths through the layer above), a mean of ``terms`` (a mini-batch
gradient over its samples), or a single local derivative (``∂o1/∂z3``).

``formula`` is the derivative in the symbols of forward quantities, written out along the
chain (``tr.formula("w5")`` = ``h1·o1(1 − o1)(o1 − t1)``); ``label`` is display text only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy

from nnref.symbolic.graph import Formula, Kind, Node
from nnref.symbolic.intervals import generic_symbols

__all__ = ["Step", "product_generic", "sum_generic"]


def product_generic(count: int) -> sympy.Expr:
    """``v0·v1·…``: the generic product of ``count`` factors."""
    return sympy.Mul(*generic_symbols(count))


def sum_generic(count: int, scale: sympy.Rational = sympy.S.One) -> sympy.Expr:
    """``scale·(v0 + v1 + …)``: a sum (or, with ``scale = 1/N``, a mean) of ``count`` terms."""
    return scale * sympy.Add(*generic_symbols(count))


class Step(Node):
    """A partial derivative ``∂of/∂wrt`` in the chain rule (see the module docstring)."""

    __slots__ = ("factors", "mean", "of", "terms", "via", "wrt")

    def _set(
        self,
        of: Node,
        wrt: Node,
        via: Node | None,
        factors: Sequence[Step],
        terms: Sequence[Step],
        mean: bool,
    ) -> Step:
        self.of, self.wrt, self.via = of, wrt, via
        self.factors, self.terms, self.mean = tuple(factors), tuple(terms), mean
        return self

    @classmethod
    def local(
        cls,
        name: str,
        latex: str,
        kind: Kind,
        of: Node,
        wrt: Node,
        generic: sympy.Expr,
        deps: Sequence[Node],
        formula: Formula,
        numeric: tuple[sympy.Expr, Sequence[Node]] | None = None,
        via: Node | None = None,
    ) -> Step:
        """A derivative computed directly by a generic formula (``∂o1/∂z3 = o1(1 − o1)``)."""
        step = cls.derived(name, latex, kind, generic, deps, formula, numeric)
        return step._set(of, wrt, via, (), (), False)

    @classmethod
    def constant(
        cls, name: str, latex: str, of: Node, wrt: Node, value: sympy.Rational, formula: Formula
    ) -> Step:
        """A derivative with a rational value (``∂z3/∂b3 = 1``, ReLU's 1 or 0)."""
        step = cls.given(name, latex, Kind.DERIVATIVE, value, formula)
        return step._set(of, wrt, None, (), (), False)

    @classmethod
    def same_as(
        cls,
        name: str,
        latex: str,
        kind: Kind,
        of: Node,
        wrt: Node,
        node: Node,
        formula: Formula,
        via: Node | None = None,
        factors: Sequence[Step] = (),
    ) -> Step:
        """A derivative equal to another node (``∂z3/∂w5 = h1``, ``∂E/∂b3 = ∂E/∂z3``)."""
        step = cls.alias(name, latex, kind, node)
        step._formula = formula
        return step._set(of, wrt, via, factors, (), False)

    @classmethod
    def product(
        cls,
        name: str,
        latex: str,
        kind: Kind,
        of: Node,
        wrt: Node,
        factors: Sequence[Step],
        via: Node | None = None,
        formula: Formula | None = None,
    ) -> Step:
        """The product of chain-rule ``factors``."""
        made = formula if formula is not None else _product_formula(factors)
        step = cls.derived(name, latex, kind, product_generic(len(factors)), factors, made)
        return step._set(of, wrt, via, factors, (), False)

    @classmethod
    def total(
        cls,
        name: str,
        latex: str,
        kind: Kind,
        of: Node,
        wrt: Node,
        terms: Sequence[Step],
        formula: Formula | None = None,
    ) -> Step:
        """The sum of ``terms``, one per path (``∂E/∂h1 = ∂E_o1/∂h1 + ∂E_o2/∂h1``)."""
        made = formula if formula is not None else _sum_formula(terms)
        step = cls.derived(name, latex, kind, sum_generic(len(terms)), terms, made)
        return step._set(of, wrt, None, (), terms, False)

    @classmethod
    def average(cls, name: str, latex: str, kind: Kind, of: Node, wrt: Node, terms: Sequence[Step]) -> Step:
        """The mean of per-sample ``terms`` (a mini-batch gradient)."""
        scale = sympy.Rational(1, len(terms))
        step = cls.derived(
            name,
            latex,
            kind,
            sum_generic(len(terms), scale),
            terms,
            lambda: scale * sympy.Add(*[t.formula for t in terms]),
        )
        return step._set(of, wrt, None, (), terms, True)

    @property
    def parts(self) -> tuple[Step, ...]:
        """The factors or terms this step is made of (empty for a local derivative)."""
        return self.factors or self.terms


def _product_formula(factors: Sequence[Step]) -> Callable[[], sympy.Expr]:
    return lambda: sympy.Mul(*[f.formula for f in factors])


def _sum_formula(terms: Sequence[Step]) -> Callable[[], sympy.Expr]:
    return lambda: sympy.Add(*[t.formula for t in terms])
