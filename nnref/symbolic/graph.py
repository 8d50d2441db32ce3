"""The exact-node graph: every quantity of a trace is a :class:`Node`, its value exact.

A node is one step of the computation with its one-level formula: ``z3 = w5·h1 + w6·h2``,
``h1 = σ(z1)``, ``dE/dw5 = dE/dz3 · h1``. Its exact value is either

* a plain SymPy ``Rational`` (inputs, weights, the first weighted sums, ReLU branches, ...), or
* an :class:`ExactValue`: a SymPy atom standing for the node, like SymPy's own ``pi``. Its
  digits come from the node graph in interval arithmetic at whatever precision is asked
  (``sympy.N(v, 200)``), each node computed once per precision (cost linear in the distinct
  nodes), and ``v.doit()`` writes out the full closed form on request.

Walks over the graph are iterative: a network of any depth works without recursion limits.

>>> import sympy
>>> z = Node.given("z1", "z_{1}", Kind.PRE, sympy.Rational(2, 25))
>>> h = Node.derived("h1", "h_{1}", Kind.ACT, 1 / (1 + sympy.exp(-sympy.Symbol("v0"))), [z])
>>> h.value, sympy.N(h.value, 20), h.value.doit()
(h1, 0.51998934015558178525, 1/(exp(-2/25) + 1))
>>> float(h.value), h.value > sympy.Rational(1, 2), h.decimal(8)
(0.5199893401555817, True, Decimal('0.51998934'))
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import partial
from typing import Any, Self, TypeAlias

import sympy
from mpmath import libmp
from sympy.core.numbers import Float

from nnref.symbolic import intervals
from nnref.symbolic.exact import substitute
from nnref.symbolic.intervals import NotRational, compile_exact, compile_interval, generic_symbols

__all__ = ["MAX_BITS", "ExactValue", "Kind", "Node", "PrecisionError", "closed_forms", "difference_sign"]

MAX_BITS = 1 << 16  # working precision at which an undecidable value is refused (~19,700 digits)
_ZERO_PROOF_BITS = 1 << 11  # beyond this an enclosure of 0 asks SymPy whether the value is 0
_START_GUARD = 32  # extra bits over what is asked, for the rounding of a deep graph
_uids = itertools.count(1)


class PrecisionError(ArithmeticError):
    """A value could not be decided at :data:`MAX_BITS` bits (it lies too close to 0 or to a
    rounding boundary, and SymPy could not prove it equal)."""


class Kind(StrEnum):
    """What a node is; chain-rule steps refer to nodes of these kinds."""

    INPUT = "input"
    TARGET = "target"
    PARAMETER = "parameter"
    RATE = "learning rate"
    PRE = "pre-activation"
    ACT = "activation"
    OUTPUT = "output"
    LOSS_TERM = "loss term"
    LOSS = "loss"
    DERIVATIVE = "derivative"
    DELTA = "delta"
    INPUT_GRADIENT = "input gradient"
    GRADIENT = "gradient"
    UPDATED = "updated parameter"


# A formula, or a function that makes it when first asked (most are never shown).
Formula: TypeAlias = "sympy.Expr | Callable[[], sympy.Expr]"


class Node:
    """One quantity: a name, a kind, a formula in symbols and an exact value.

    Build nodes with :meth:`given` (a rational), :meth:`derived` (a generic formula in
    ``v0, v1, ...`` over other nodes) or :meth:`alias` (another node under a new name, such as
    the parameter ``w5`` of the next iteration, which *is* this iteration's ``w5+``).

    ``formula`` is the one-level formula in the symbols of other nodes' names (what a page
    prints: ``w5*h1 + w6*h2``); ``value`` the exact value (``Rational`` or :class:`ExactValue`).
    """

    __slots__ = (
        "__weakref__",
        "_atom",
        "_closed",
        "_deps",
        "_formula",
        "_generic",
        "_interval",
        "_interval_bits",
        "_numeric",
        "_scope",
        "_target",
        "_value",
        "_zero",
        "general_latex",
        "index",
        "iteration",
        "kind",
        "latex",
        "layer",
        "name",
        "sample",
        "uid",
    )

    def __init__(self, name: str, latex: str, kind: Kind, formula: Formula) -> None:
        self.uid = next(_uids)
        self.name, self.latex, self.kind = name, latex, kind
        self._formula = formula
        self._deps: tuple[Node, ...] = ()
        self._generic: sympy.Expr | None = None
        self._numeric: tuple[sympy.Expr, tuple[Node, ...]] | None = None
        self._target: Node | None = None
        self._value: sympy.Expr | None = None
        self._atom: ExactValue | None = None
        self._closed: sympy.Expr | None = None
        self._interval: Any = None
        self._interval_bits = 0
        self._zero: bool | None = None
        self._scope: Callable[[str], Node] | None = None
        self.layer, self.index = 0, 0
        self.sample: int | None = None
        self.iteration = 0
        self.general_latex = latex

    # -- construction ---------------------------------------------------------------------------

    @classmethod
    def given(
        cls, name: str, latex: str, kind: Kind, value: sympy.Rational, formula: Formula | None = None
    ) -> Self:
        """A node whose value is a given rational (an input, a weight, a target)."""
        node = cls(name, latex, kind, partial(sympy.Symbol, name) if formula is None else formula)
        node._value = sympy.Rational(value)
        return node

    @classmethod
    def derived(
        cls,
        name: str,
        latex: str,
        kind: Kind,
        generic: sympy.Expr,
        deps: Sequence[Node],
        formula: Formula | None = None,
        numeric: tuple[sympy.Expr, Sequence[Node]] | None = None,
    ) -> Self:
        """A node computed by ``generic`` (in ``v0..``) from ``deps``.

        ``numeric``, when given, is the same function written for evaluation without
        cancellation (``σ(z)σ(−z)`` for ``a(1 − a)``), over its own dependencies; the value and
        the closed form always come from ``generic``.
        """
        node = cls(name, latex, kind, formula if formula is not None else generic)
        node._generic, node._deps = generic, tuple(deps)
        if numeric is not None:
            node._numeric = (numeric[0], tuple(numeric[1]))
        if all(dep.rational for dep in node._deps):
            values = [dep.value for dep in node._deps]
            try:
                exact = compile_exact(generic)([Fraction(int(v.p), int(v.q)) for v in values])
                node._value = sympy.Rational(exact.numerator, exact.denominator)
            except NotRational:
                closed = generic.xreplace(dict(zip(generic_symbols(len(values)), values, strict=True)))
                if closed.is_Rational:
                    node._value = closed
                else:
                    node._closed = closed  # a closed form in rationals only: short, and its own value
        return node

    @classmethod
    def alias(cls, name: str, latex: str, kind: Kind, target: Node) -> Self:
        """``target`` under another name (its value, atom and digits are ``target``'s)."""
        while target._target is not None:
            target = target._target
        node = cls(name, latex, kind, partial(sympy.Symbol, name))
        node._target = target
        return node

    def place(
        self,
        *,
        layer: int = 0,
        index: int = 0,
        sample: int | None = None,
        iteration: int = 0,
        general_latex: str | None = None,
        scope: Callable[[str], Node] | None = None,
    ) -> Self:
        """Set where the node sits (layer, 1-based index, sample, iteration) and return it."""
        self.layer, self.index, self.sample, self.iteration = layer, index, sample, iteration
        if general_latex is not None:
            self.general_latex = general_latex
        self._scope = scope
        return self

    # -- the value ------------------------------------------------------------------------------

    @property
    def rational(self) -> bool:
        """True when the exact value is a plain ``Rational``."""
        return self._resolved()._value is not None

    @property
    def value(self) -> sympy.Expr:
        """The exact value: a ``Rational``, or the :class:`ExactValue` atom of this node."""
        node = self._resolved()
        if node._value is not None:
            return node._value
        if node._atom is None:
            node._atom = ExactValue(node)
        return node._atom

    @property
    def formula(self) -> sympy.Expr:
        """The one-level formula in symbols named after other nodes (``w5*h1 + w6*h2``)."""
        if not isinstance(self._formula, sympy.Basic):
            made = self._formula()
            self._formula = made if isinstance(made, sympy.Basic) else sympy.Integer(made)
        return self._formula

    @property
    def formula_nodes(self) -> dict[sympy.Symbol, Node]:
        """The node each symbol of :attr:`formula` names (typed references, no parsing)."""
        if self._scope is None:
            raise ValueError(f"node {self.name!r} is not placed in a trace")
        return {symbol: self._scope(symbol.name) for symbol in self.formula.free_symbols}

    @property
    def symbol(self) -> sympy.Symbol:
        """The symbol standing for this node in other nodes' formulas."""
        return sympy.Symbol(self.name)

    @property
    def label(self) -> str:
        """The display name (``dE/do1``): the same as :attr:`name`."""
        return self.name

    @property
    def qualified_name(self) -> str:
        """The name qualified by sample (``o1@2``) and iteration (``o1[1]``) where they apply:
        how the node's exact value prints."""
        text = self.name
        if self.sample is not None:
            text += f"@{self.sample}"
        if self.iteration:
            text += f"[{self.iteration}]"
        return text

    def _resolved(self) -> Node:
        return self._target if self._target is not None else self

    @property
    def rational_closed_form(self) -> sympy.Expr | None:
        """The exact value as a closed form in rationals when it is computed from rationals only
        (``1/(1 + exp(-2/25))``: short, with no other node in it), else None."""
        node = self._resolved()
        if node._value is not None or not all(dep.rational for dep in node._deps):
            return None
        return node._closed

    @property
    def exact_expression(self) -> sympy.Expr:
        """The exact value one level deep: a rational, or a closed form in rationals and the
        values (atoms, printed by name) of the nodes it is computed from."""
        node = self._resolved()
        if node._value is not None:
            return node._value
        if node._closed is not None and all(dep.rational for dep in node._deps):
            return node._closed
        mapping = dict(zip(generic_symbols(len(node._deps)), [d.value for d in node._deps], strict=True))
        return substitute(node._generic, mapping)

    @property
    def dependencies(self) -> tuple[Node, ...]:
        """The nodes this node's value is computed from (empty for a given rational)."""
        node = self._resolved()
        return node._deps

    # -- numbers --------------------------------------------------------------------------------

    def interval(self, bits: int) -> Any:
        """An interval enclosing the value, computed at ``bits`` bits of working precision."""
        node = self._resolved()
        if node._interval_bits >= bits:
            return node._interval
        _evaluate(node, bits)
        return node._interval

    def mpf(self, bits: int) -> tuple:
        """The value as an mpmath ``_mpf_`` tuple correct to ``bits`` bits (relative)."""
        node = self._resolved()
        if node._value is not None:
            return libmp.from_rational(int(node._value.p), int(node._value.q), bits, libmp.round_nearest)
        work = max(bits + _START_GUARD, node._interval_bits)
        while True:
            enclosure = node.interval(work)
            if intervals.narrow(enclosure, bits + 2):
                return intervals.midpoint(enclosure, bits)
            if intervals.contains_zero(enclosure) and node._settle_zero(work):
                return libmp.fzero
            work = _next_bits(work, node)

    @property
    def number(self) -> Any:
        """The value as an mpmath number with 256 bits (about 76 significant digits)."""
        from nnref.symbolic.precision import MP

        return MP.make_mpf(self.mpf(MP.prec))

    def sign(self) -> int:
        """-1, 0 or 1, decided exactly (an enclosure away from 0, or SymPy's proof of 0)."""
        node = self._resolved()
        if node._value is not None:
            return (node._value.p > 0) - (node._value.p < 0)
        work = max(64, node._interval_bits)
        while True:
            low, high = intervals.bounds(node.interval(work))
            if libmp.mpf_gt(low, libmp.fzero):
                return 1
            if libmp.mpf_lt(high, libmp.fzero):
                return -1
            if node._settle_zero(work):
                return 0
            work = _next_bits(work, node)

    def decimal(self, places: int = 8) -> Decimal:
        """The value rounded half up (away from zero) to ``places`` decimals.

        Decided from enclosures: the precision rises until both ends of the interval round
        the same way; a value exactly on a rounding boundary is settled by SymPy.

        Args:
            places: decimals to round to (0 to 100000).

        Returns:
            The value rounded half up, exactly.
        """
        from nnref.rounding import round_half_up

        if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 100_000:
            raise ValueError(f"places must be an integer from 0 to 100000; got {places!r}")
        node = self._resolved()
        if node._value is not None:
            return round_half_up(Fraction(int(node._value.p), int(node._value.q)), places)
        work = max(node._interval_bits, node._magnitude_bits() + int(places * 3.33) + _START_GUARD, 64)
        while True:
            low, high = (
                round_half_up(intervals.to_fraction(end), places)
                for end in intervals.bounds(node.interval(work))
            )
            if low == high:
                return low
            if work >= _ZERO_PROOF_BITS:
                boundary = node._boundary_between(low, high, places)
                if boundary is not None:
                    return boundary
            work = _next_bits(work, node)

    def significant(self, digits: int = 8) -> tuple[Decimal, int]:
        """``(mantissa, exponent)``: the value rounded half up to ``digits`` significant digits
        (see :func:`nnref.rounding.round_significant`), decided from enclosures like :meth:`decimal`.

        Args:
            digits: significant digits to keep (>= 1).

        Returns:
            ``(mantissa, exponent)`` with ``1 <= |mantissa| < 10``.
        """
        from nnref.rounding import round_significant

        node = self._resolved()
        if node._value is not None:
            return round_significant(Fraction(int(node._value.p), int(node._value.q)), digits)
        if node.sign() == 0:
            return round_significant(0, digits)
        work = max(node._interval_bits, int(digits * 3.33) + _START_GUARD, 64)
        while True:
            low, high = (
                round_significant(intervals.to_fraction(end), digits)
                for end in intervals.bounds(node.interval(work))
            )
            if low == high:
                return low
            work = _next_bits(work, node)

    def _magnitude_bits(self) -> int:
        low, high = intervals.bounds(self.interval(max(self._interval_bits, 64)))
        return max(0, intervals.magnitude(low), intervals.magnitude(high))

    def _settle_zero(self, bits: int) -> bool:
        """True when the value is exactly 0; asks SymPy once the enclosure is tiny."""
        if bits < _ZERO_PROOF_BITS:
            return False
        if self._zero is None:
            # The one-level formula on the dependencies' exact values first: a zero factor (t1 = 0 in
            # -t1 ln o1, a relu's f'(z) = 0) settles it without the closed form, which nests the whole
            # graph below (minutes of SymPy for a tanh network).
            given = {symbol: node.value for symbol, node in self.formula_nodes.items()}
            self._zero = self.formula.xreplace(given) == 0 or _proves_zero(self.closed_form(evaluate=True))
        return self._zero

    def _boundary_between(self, low: Decimal, high: Decimal, places: int) -> Decimal | None:
        # Both ends round differently: the value is within the enclosure of a rounding boundary.
        from nnref.rounding import round_half_up

        step = Decimal(1).scaleb(-places)
        for boundary in _boundaries(low, high, step):
            if _proves_zero(self.closed_form(evaluate=True) - sympy.Rational(str(boundary))):
                return round_half_up(Fraction(str(boundary)), places)
        return None

    # -- the closed form ------------------------------------------------------------------------

    def closed_form(self, evaluate: bool = False) -> sympy.Expr:
        """The exact value written out in rationals, ``exp``, ``log`` and ``tanh``: no atoms.

        Built iteratively from the dependencies' closed forms (cached); it nests the whole
        graph below the node, so it grows with depth: ask for it, don't print it blindly.
        ``evaluate=True`` lets SymPy combine terms (slower; used to prove a value is 0).

        Args:
            evaluate: let SymPy combine terms while building (slower; used to prove a value is 0).

        Returns:
            The closed form.
        """
        return closed_forms([self], evaluate)[0]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.qualified_name!r}, {self.kind.value})"


def _boundaries(low: Decimal, high: Decimal, step: Decimal) -> Iterator[Decimal]:
    # Half-way points between consecutive rounded values from low to high.
    current = low
    while current < high and current - low <= 4 * step:
        yield current + step / 2
        current += step


def _next_bits(bits: int, node: Node) -> int:
    if bits >= MAX_BITS:
        raise PrecisionError(
            f"cannot decide the value of {node.qualified_name} at {MAX_BITS} bits: it lies within "
            f"2^-{MAX_BITS} of 0 or of a rounding boundary and SymPy could not settle it exactly"
        )
    return min(2 * bits, MAX_BITS)


def _proves_zero(expr: sympy.Expr) -> bool:
    if expr == 0:
        return True
    try:
        return bool(sympy.simplify(expr.rewrite(sympy.exp)) == 0)
    except (TypeError, ValueError, RecursionError):
        return False


def _post_order(
    roots: Iterable[Node], done: Callable[[Node], bool], children: Callable[[Node], Sequence[Node]]
) -> list[Node]:
    """Nodes below ``roots`` (those not ``done``), each after its children: no recursion."""
    order: list[Node] = []
    seen: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False) for root in roots]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            order.append(node)
            continue
        if node.uid in seen or done(node):
            continue
        seen.add(node.uid)
        stack.append((node, True))
        stack.extend((child, False) for child in children(node) if child.uid not in seen)
    return order


def _numeric_parts(node: Node) -> tuple[sympy.Expr, tuple[Node, ...]]:
    return node._numeric if node._numeric is not None else (node._generic, node._deps)


def _evaluate(root: Node, bits: int) -> None:
    with intervals.precision(bits):
        formula, deps = _numeric_parts(root)
        resolved = [dep._resolved() for dep in deps] if root._value is None else []
        if all(dep._interval_bits >= bits for dep in resolved):  # the common case: parts known
            _compute(root, formula, resolved, bits)
            return

        def done(node: Node) -> bool:
            return node._interval_bits >= bits

        def children(node: Node) -> Sequence[Node]:
            if node._value is not None:
                return ()
            return [dep._resolved() for dep in _numeric_parts(node)[1]]

        for node in _post_order([root], done, children):
            formula, deps = _numeric_parts(node)
            _compute(node, formula, [dep._resolved() for dep in deps], bits)


def _compute(node: Node, formula: sympy.Expr | None, deps: Sequence[Node], bits: int) -> None:
    if node._value is not None:
        node._interval = intervals.rational(node._value)
    else:
        node._interval = compile_interval(formula)([dep._interval for dep in deps])
    node._interval_bits = bits


def closed_forms(nodes: Sequence[Node], evaluate: bool = False) -> list[sympy.Expr]:
    """The closed forms of ``nodes`` (see :meth:`Node.closed_form`), sharing their parts."""
    memo: dict[int, sympy.Expr] = {}

    def known(node: Node) -> sympy.Expr | None:
        node = node._resolved()
        if node._value is not None:
            return node._value
        if node._closed is not None and (not evaluate or not node._deps):
            return node._closed
        return memo.get(node.uid)

    def children(node: Node) -> Sequence[Node]:
        return [dep._resolved() for dep in node._resolved()._deps]

    for node in _post_order([n._resolved() for n in nodes], lambda n: known(n) is not None, children):
        values = [known(dep) for dep in node._deps]
        mapping = dict(zip(generic_symbols(len(values)), values, strict=True))
        generic = node._generic
        assert generic is not None, node.name  # an unknown node is a derived one: it has its function
        if evaluate:
            memo[node.uid] = generic.xreplace(mapping)
        else:
            node._closed = substitute(generic, mapping)
            memo[node.uid] = node._closed
    return [known(node) for node in nodes]


class ExactValue(sympy.AtomicExpr):
    """The exact value of one node, as a SymPy number (like ``pi``: an atom with digits on demand).

    ``sympy.N(v, n)``, ``v.evalf(n)``, ``float(v)``, comparisons with numbers and sign queries
    (``v.is_positive``) are computed from the node graph; ``v.doit()`` is the full closed form.
    Two values are equal (``==``) when they are the same node; to compare closed forms, use
    ``(a - b).doit()``. ``str`` and ``latex`` show the node's name.
    """

    is_number = True
    is_real = True
    is_commutative = True

    __slots__ = ("_node",)

    def __new__(cls, node: Node) -> ExactValue:
        obj = super().__new__(cls)
        obj._node = node
        return obj

    @property
    def node(self) -> Node:
        """The node this value stands for."""
        return self._node

    def _hashable_content(self) -> tuple:
        return (self._node.uid,)

    def __getnewargs__(self) -> tuple:
        raise TypeError("an exact node value cannot be pickled; use its closed form (v.doit())")

    def _eval_evalf(self, prec: int) -> Float:
        return Float._new(self._node.mpf(prec), prec)

    def __float__(self) -> float:
        node = self._node._resolved()
        bits = max(64, node._interval_bits)
        while True:
            enclosure = node.interval(bits)
            low, high = (libmp.to_float(end, rnd=libmp.round_nearest) for end in intervals.bounds(enclosure))
            if low == high:
                return low
            if intervals.contains_zero(enclosure) and node._settle_zero(bits):
                return 0.0
            bits = _next_bits(bits, node)

    def _eval_is_extended_positive(self) -> bool:
        return self._node.sign() > 0

    def _eval_is_extended_negative(self) -> bool:
        return self._node.sign() < 0

    def _eval_is_zero(self) -> bool:
        return self._node.sign() == 0

    def doit(self, **hints: Any) -> sympy.Expr:
        return self._node.closed_form()

    def _sympystr(self, printer: Any) -> str:
        return self._node.qualified_name

    def _latex(self, printer: Any) -> str:
        node = self._node
        text = node.latex
        if node.sample is not None:
            text = rf"{text}^{{({node.sample})}}"
        if node.iteration:
            text = rf"{text}^{{[{node.iteration}]}}"
        return text

    def _compare(self, other: Any) -> int | None:
        """The sign of ``self - other`` for a rational-valued or exact-node ``other``, else None."""
        return difference_sign(self._node, other)

    def __lt__(self, other: Any) -> Any:
        sign = self._compare(other)
        return super().__lt__(other) if sign is None else sympy.true if sign < 0 else sympy.false

    def __le__(self, other: Any) -> Any:
        sign = self._compare(other)
        return super().__le__(other) if sign is None else sympy.true if sign <= 0 else sympy.false

    def __gt__(self, other: Any) -> Any:
        sign = self._compare(other)
        return super().__gt__(other) if sign is None else sympy.true if sign > 0 else sympy.false

    def __ge__(self, other: Any) -> Any:
        sign = self._compare(other)
        return super().__ge__(other) if sign is None else sympy.true if sign >= 0 else sympy.false

    __hash__ = sympy.AtomicExpr.__hash__


# -- exact comparisons with numbers -------------------------------------------------------------


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
    v0, v1 = generic_symbols(2)
    difference = Node.derived("difference", "d", Kind.DERIVATIVE, v0 - v1, [node, right])
    return difference.sign()
