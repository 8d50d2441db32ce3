"""Can one perceptron compute a truth table? Fourier–Motzkin elimination over exact rationals.

A perceptron ``y = step(w1·x1 + … + wn·xn + b)`` with ``step(z) = 1`` iff ``z > 0`` computes a
truth table exactly when the parameters satisfy one linear inequality per row:

* a row with output 1 needs ``w·x + b > 0`` (strict);
* a row with output 0 needs ``w·x + b ≤ 0``, kept here as ``−w·x − b ≥ 0``.

Every inequality is stored as ``Σ aᵢ·vᵢ + c > 0`` or ``≥ 0``. Fourier–Motzkin elimination removes
the variables one at a time: for a variable ``v``, each inequality with ``v``'s coefficient
``a > 0`` (a lower bound on ``v``) is added to each one with coefficient ``c < 0`` (an upper
bound), scaled by ``−c`` and ``a`` so that ``v`` cancels; the sum is strict if either part is.
Inequalities without ``v`` are kept. The new system has a solution exactly when the old one has,
so when every variable is gone, either some constant inequality is false (``0 > 0``: no
perceptron computes the table, and the sums that led there are the proof), or all hold and a
solution is found by substituting back in reverse order (each variable then has an interval of
allowed values, from which the simplest rational is taken).

>>> xor = separate([((0, 0), 0), ((0, 1), 1), ((1, 0), 1), ((1, 1), 0)])
>>> xor.separable, str(xor.contradiction.relation(xor.symbols))
(False, '0 > 0')
>>> and_gate = separate([((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)])
>>> {name: str(value) for name, value in and_gate.solution.items()}
{'w1': '1', 'w2': '1', 'b': '-1'}
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import sympy

from nnref.values import parse_exact

__all__ = ["Combination", "Elimination", "Inequality", "Separation", "row_inequalities", "separate"]


@dataclass(frozen=True)
class Inequality:
    """``Σ coefficients[i]·variables[i] + constant`` ``> 0`` (``strict``) or ``≥ 0``, with a label.

    ``row`` is the truth-table row it encodes (for the starting system), ``None`` for a sum.
    """

    label: int
    coefficients: tuple[Fraction, ...]
    constant: Fraction
    strict: bool
    row: int | None = None

    @property
    def is_constant(self) -> bool:
        """True when no variable is left (the inequality is then simply true or false)."""
        return not any(self.coefficients)

    def value(self, values: Sequence[Fraction]) -> Fraction:
        """The left-hand side at the given variable values."""
        return sum((a * v for a, v in zip(self.coefficients, values, strict=True)), self.constant)

    def holds(self, values: Sequence[Fraction]) -> bool:
        """Whether the inequality is true at the given variable values (exactly)."""
        lhs = self.value(values)
        return lhs > 0 if self.strict else lhs >= 0

    def lhs(self, symbols: Sequence[sympy.Symbol]) -> sympy.Expr:
        """The left-hand side as an unevaluated SymPy sum, terms in variable order, constant last."""
        terms = [sympy.Rational(a.numerator, a.denominator) * s for a, s in zip(self.coefficients, symbols,
                                                                             strict=True) if a]
        if self.constant or not terms:
            terms.append(sympy.Rational(self.constant.numerator, self.constant.denominator))
        return terms[0] if len(terms) == 1 else sympy.Add(*terms, evaluate=False)

    def relation(self, symbols: Sequence[sympy.Symbol]) -> sympy.core.relational.Relational:
        """``lhs > 0`` or ``lhs ≥ 0`` as an unevaluated SymPy relation (``0 > 0`` stays as written).

        Print it with ``sympy.latex(rel, order="none")`` to keep the variable order.
        """
        relation = sympy.StrictGreaterThan if self.strict else sympy.GreaterThan
        return relation(self.lhs(symbols), sympy.Integer(0), evaluate=False)


@dataclass(frozen=True)
class Combination:
    """``result = lower_scale · lower + upper_scale · upper``, which cancels ``variable``.

    ``lower`` has a positive coefficient on the variable (it bounds it from below), ``upper`` a
    negative one; both scales are positive, so the sum of two true inequalities is true.
    """

    variable: str
    lower: Inequality
    upper: Inequality
    lower_scale: Fraction
    upper_scale: Fraction
    result: Inequality


@dataclass(frozen=True)
class Elimination:
    """One Fourier–Motzkin step: the system before, the sums formed, and the system after.

    ``dropped`` bound the variable from one side only (no partner to cancel it with): whatever
    the other variables are, the variable can still be chosen to satisfy them, so they are
    dropped. Sums that come out constant and true are dropped too (``trivial``), and so is a sum
    equal to an inequality already kept (``duplicates``: pairs ``(dropped, same as)``);
    ``result`` holds the inequalities kept for the next step.
    """

    variable: str
    system: tuple[Inequality, ...]
    combinations: tuple[Combination, ...]
    dropped: tuple[Inequality, ...]
    trivial: tuple[Inequality, ...]
    duplicates: tuple[tuple[Inequality, Inequality], ...]
    result: tuple[Inequality, ...]


@dataclass(frozen=True)
class Separation:
    """The answer for one truth table: the inequalities, the elimination, and a solution or a proof."""

    rows: tuple[tuple[tuple[Fraction, ...], int], ...]
    variables: tuple[str, ...]
    system: tuple[Inequality, ...]
    eliminations: tuple[Elimination, ...]
    contradiction: Inequality | None
    solution: Mapping[str, Fraction] | None

    @property
    def separable(self) -> bool:
        """True when one perceptron computes the table (a line, or hyperplane, separates the rows)."""
        return self.contradiction is None

    @property
    def symbols(self) -> tuple[sympy.Symbol, ...]:
        """SymPy symbols of the variables, in order (``w1, w2, …, b``)."""
        return tuple(sympy.Symbol(name) for name in self.variables)


def _check_rows(rows: object) -> tuple[tuple[tuple[Fraction, ...], int], ...]:
    if isinstance(rows, str | bytes) or not isinstance(rows, Sequence) or not rows:
        raise TypeError(f"rows must be a non-empty sequence of (inputs, output) pairs; got {rows!r}")
    checked: list[tuple[tuple[Fraction, ...], int]] = []
    for i, row in enumerate(rows):
        if isinstance(row, str | bytes) or not isinstance(row, Sequence) or len(row) != 2:
            raise TypeError(f"rows[{i}] must be an (inputs, output) pair; got {row!r}")
        inputs, output = row
        if isinstance(inputs, str | bytes) or not isinstance(inputs, Sequence) or not inputs:
            raise TypeError(f"rows[{i}][0] must be a non-empty sequence of inputs; got {inputs!r}")
        width = len(checked[0][0]) if checked else len(inputs)
        if len(inputs) != width:
            raise ValueError(f"rows[{i}][0] must have {width} inputs like rows[0]; got {len(inputs)}")
        target = parse_exact(output, f"rows[{i}][1]")
        if target not in (0, 1):
            raise ValueError(f"rows[{i}][1] must be 0 or 1 (a step output); got {output!r}")
        values = tuple(parse_exact(x, f"rows[{i}][0][{j}]") for j, x in enumerate(inputs))
        checked.append((values, int(target)))
    return tuple(checked)


def row_inequalities(rows: object) -> tuple[Inequality, ...]:
    """The starting system: one inequality in ``(w1, …, wn, b)`` per truth-table row, labelled 1, 2, …

    >>> [(q.coefficients, q.constant, q.strict) for q in row_inequalities([((1, 0), 1), ((0, 1), 0)])]
    [((Fraction(1, 1), Fraction(0, 1), Fraction(1, 1)), Fraction(0, 1), True), \
((Fraction(0, 1), Fraction(-1, 1), Fraction(-1, 1)), Fraction(0, 1), False)]
    """
    system = []
    for index, (inputs, output) in enumerate(_check_rows(rows)):
        sign = 1 if output == 1 else -1  # output 0: w·x + b ≤ 0 becomes −w·x − b ≥ 0
        coefficients = (*(Fraction(sign) * x for x in inputs), Fraction(sign))
        system.append(Inequality(index + 1, coefficients, Fraction(0), output == 1, row=index))
    return tuple(system)


def _is_false(inequality: Inequality) -> bool:
    return inequality.is_constant and not inequality.holds([Fraction(0)] * len(inequality.coefficients))


def _eliminate(system: tuple[Inequality, ...], index: int, name: str, next_label: int) -> Elimination:
    lowers = [q for q in system if q.coefficients[index] > 0]
    uppers = [q for q in system if q.coefficients[index] < 0]
    kept = [q for q in system if q.coefficients[index] == 0]
    combinations = []
    for lower in lowers:
        for upper in uppers:
            a, c = lower.coefficients[index], -upper.coefficients[index]
            # Scale so that the smaller multiplier is 1 when one coefficient divides the other.
            g = Fraction(math.gcd(a.numerator * c.denominator, c.numerator * a.denominator),
                         a.denominator * c.denominator)
            lower_scale, upper_scale = c / g, a / g
            coefficients = tuple(lower_scale * p + upper_scale * q
                                 for p, q in zip(lower.coefficients, upper.coefficients, strict=True))
            constant = lower_scale * lower.constant + upper_scale * upper.constant
            combined = Inequality(next_label, coefficients, constant, lower.strict or upper.strict)
            next_label += 1
            combinations.append(Combination(name, lower, upper, lower_scale, upper_scale, combined))
    dropped = tuple(lowers + uppers) if not (lowers and uppers) else ()
    result: list[Inequality] = []
    trivial = []
    duplicates = []
    seen: dict[tuple[object, ...], Inequality] = {}
    for q in kept + [c.result for c in combinations]:
        key = (q.coefficients, q.constant, q.strict)
        if q.is_constant and not _is_false(q):
            trivial.append(q)
        elif key in seen:
            duplicates.append((q, seen[key]))
        else:
            seen[key] = q
            result.append(q)
    return Elimination(
        name, system, tuple(combinations), dropped, tuple(trivial), tuple(duplicates), tuple(result)
    )


def _simplest_between(lower: Fraction | None, lower_strict: bool, upper: Fraction | None,
                      upper_strict: bool) -> Fraction:
    """The rational with the smallest denominator (then the smallest size) in the interval."""
    if lower is not None and upper is not None and lower == upper:
        return lower  # both ends closed, or elimination would have found a contradiction
    denominator = 1
    while True:
        # integers p with lower < p/q (or ≤) and p/q < upper (or ≤), for q = denominator
        low = None if lower is None else (
            math.floor(lower * denominator) + 1 if lower_strict else math.ceil(lower * denominator))
        high = None if upper is None else (
            math.ceil(upper * denominator) - 1 if upper_strict else math.floor(upper * denominator))
        if low is None or high is None or low <= high:
            # the smallest |p| in [low, high]: 0 if inside, else the end nearer to 0
            if low is not None and low > 0:
                p = low
            elif high is not None and high < 0:
                p = high
            else:  # 0 is inside
                p = 0
            return Fraction(p, denominator)
        denominator += 1


def _back_substitute(
    eliminations: tuple[Elimination, ...], variables: tuple[str, ...]
) -> dict[str, Fraction]:
    values = [Fraction(0)] * len(variables)
    for index in reversed(range(len(eliminations))):
        step = eliminations[index]
        lower: Fraction | None = None
        upper: Fraction | None = None
        lower_strict = upper_strict = False
        for q in step.system:
            a = q.coefficients[index]
            if a == 0:
                continue
            rest = q.value(values) - a * values[index]  # later variables are already set
            bound = -rest / a
            if a > 0 and (lower is None or bound > lower or (bound == lower and q.strict)):
                lower, lower_strict = bound, q.strict
            if a < 0 and (upper is None or bound < upper or (bound == upper and q.strict)):
                upper, upper_strict = bound, q.strict
        values[index] = _simplest_between(lower, lower_strict, upper, upper_strict)
    return dict(zip(variables, values, strict=True))


def separate(rows: object) -> Separation:
    """Decide whether one perceptron computes ``rows`` (``(inputs, output)`` pairs, outputs 0/1).

    Variables are eliminated in the order ``w1, …, wn, b``. The rows may come from
    :func:`nnref.examples.truth_table`. A found solution is checked against every row's
    inequality before it is returned.

    >>> nand = separate([((0, 0), 1), ((0, 1), 1), ((1, 0), 1), ((1, 1), 0)])
    >>> [str(v) for v in nand.solution.values()]
    ['-1/2', '-1/2', '1']
    >>> separate([((0, 0), 2)])
    Traceback (most recent call last):
    ...
    ValueError: rows[0][1] must be 0 or 1 (a step output); got 2
    """
    checked = _check_rows(rows)
    width = len(checked[0][0])
    variables = (*(f"w{i + 1}" for i in range(width)), "b")
    system = row_inequalities(checked)
    eliminations: list[Elimination] = []
    current = system
    next_label = len(system) + 1
    contradiction = next((q for q in current if _is_false(q)), None)
    for index, name in enumerate(variables):
        if contradiction is not None:
            break
        step = _eliminate(current, index, name, next_label)
        next_label += len(step.combinations)
        eliminations.append(step)
        current = step.result
        contradiction = next((q for q in current if _is_false(q)), None)
    if contradiction is not None:
        return Separation(checked, variables, system, tuple(eliminations), contradiction, None)
    solution = _back_substitute(tuple(eliminations), variables)
    values = list(solution.values())
    if not all(q.holds(values) for q in system):
        raise ArithmeticError(f"back-substitution gave {solution}, which violates the rows {checked}")
    return Separation(checked, variables, system, tuple(eliminations), None, solution)
