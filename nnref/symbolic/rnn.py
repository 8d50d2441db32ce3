"""The forward pass of a plain (Elman) recurrent layer, exactly: ``h_t = f(W x_t + U h_{t-1} + b)``.

Same arguments and shapes as :func:`nnref.numeric.rnn.rnn_forward` (the two engines never import
each other): ``xs`` ``(T, n_inputs)``, ``W`` ``(hidden, n_inputs)``, ``U`` ``(hidden, hidden)``,
``b`` and ``h0`` ``(hidden,)``. Numbers are parsed exactly (``"0.5"``, ``"1/3"``, ints,
Fractions; a float by its shortest repr), never evaluated.

Each hidden state is a closed form that nests every earlier one, so with two or more hidden units
the expression tree doubles (or more) with every step. Like the feed-forward engine, each value
therefore carries a 256-bit number computed step by step from the previous numbers; decimals come
from that number, and the closed form is only walked when a rounding is too close to call.

>>> run = rnn_forward_exact([["1"], ["0"]], W=[["1/2"]], U=[[1]])
>>> run.h[0][0], run.h[1][0]
(tanh(1/2), tanh(tanh(1/2)))
>>> import math
>>> float(run.decimal(1, 0, 12)) == round(math.tanh(math.tanh(0.5)), 12)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import sympy

from nnref.network import RECURRENT_ACTIVATIONS, check_recurrent_activation
from nnref.symbolic.functions import ACTIVATIONS, Z
from nnref.symbolic.precision import MP, evaluate, exact_number, sign_of, to_decimal
from nnref.values import parse_exact

__all__ = ["RECURRENT_ACTIVATIONS", "ExactRNN", "rnn_forward_exact"]



def _rational(value: Fraction) -> sympy.Rational:
    return sympy.Rational(value.numerator, value.denominator)


def _rows(value: object, name: str) -> list[list[Fraction]]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence) or len(value) == 0:
        raise TypeError(f"{name} must be a non-empty sequence of rows of numbers; got {value!r}")
    rows = []
    for i, row in enumerate(value):
        if isinstance(row, str | bytes) or not isinstance(row, Sequence) or len(row) == 0:
            raise TypeError(f"{name}[{i}] must be a non-empty sequence of numbers; got {row!r}")
        rows.append([parse_exact(item, f"{name}[{i}][{j}]") for j, item in enumerate(row)])
    return rows


def _matrix(value: object, name: str, shape: tuple[int, int], meaning: str) -> list[list[Fraction]]:
    rows = _rows(value, name)
    if len(rows) != shape[0] or any(len(row) != shape[1] for row in rows):
        got = (len(rows), *sorted({len(row) for row in rows}))
        raise ValueError(f"{name} must have shape {meaning}; got {len(rows)} rows of lengths {got[1:]}")
    return rows


def _vector(value: object, name: str, length: int) -> list[Fraction]:
    if value is None:
        return [Fraction(0)] * length
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a sequence of {length} numbers; got {value!r}")
    if len(value) != length:
        raise ValueError(f"{name} must have {length} values (the hidden width); got {len(value)}")
    return [parse_exact(item, f"{name}[{i}]") for i, item in enumerate(value)]


class ExactRNN:
    """Exact pre-activations ``z[t][i]`` and hidden states ``h[t][i]`` (SymPy), with their numbers.

    ``t`` counts time steps from 0 (the page's ``t = 1`` is index 0); ``h0`` is the given start.
    """

    def __init__(self, z: list[list[sympy.Expr]], h: list[list[sympy.Expr]], h0: list[sympy.Expr],
                 numbers: list[list[object]]) -> None:
        self.z: tuple[tuple[sympy.Expr, ...], ...] = tuple(map(tuple, z))
        self.h: tuple[tuple[sympy.Expr, ...], ...] = tuple(map(tuple, h))
        self.h0: tuple[sympy.Expr, ...] = tuple(h0)
        self._numbers = numbers

    @property
    def steps(self) -> int:
        """The number of time steps ``T``."""
        return len(self.h)

    def _check_index(self, t: object, unit: object) -> tuple[int, int]:
        for value, name, size in ((t, "t", self.steps), (unit, "unit", len(self.h0))):
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
                raise ValueError(f"{name} must be an integer from 0 to {size - 1}; got {value!r}")
        return t, unit  # type: ignore[return-value]

    def decimal(self, t: int, unit: int, places: int = 8) -> Decimal:
        """``h[t][unit]`` rounded half up to ``places`` decimals (from its cached number).

        >>> rnn_forward_exact([[2]], W=[[1]], U=[[0]], activation="sigmoid").decimal(0, 0, 4)
        Decimal('0.8808')
        """
        t, unit = self._check_index(t, unit)
        return to_decimal(self._numbers[t][unit], places, lambda: self.h[t][unit])

    def number(self, t: int, unit: int) -> float:
        """``h[t][unit]`` as the float nearest its 256-bit number (to compare with float64)."""
        t, unit = self._check_index(t, unit)
        return float(self._numbers[t][unit])


def _activate(name: str, z: sympy.Expr, number: object) -> tuple[sympy.Expr, object]:
    if name == "relu":
        positive = sign_of(number, lambda: z) > 0
        return (z, number) if positive else (sympy.Integer(0), MP.mpf(0))
    formula = ACTIVATIONS[name].formula(Z)
    return formula.subs(Z, z), evaluate(formula, {Z: number})


def rnn_forward_exact(
    xs: object,
    W: object,
    U: object,
    b: object = None,
    h0: object = None,
    activation: str = "tanh",
) -> ExactRNN:
    """Run ``h_t = f(W x_t + U h_{t-1} + b)`` exactly over ``xs``; see the module docstring.

    >>> rnn_forward_exact([[1]], W=[[1, 2]], U=[[0]])
    Traceback (most recent call last):
    ...
    ValueError: W must have shape (hidden, n_inputs) = (1, 1); got 1 rows of lengths (2,)
    """
    name = check_recurrent_activation(activation)
    inputs = _rows(xs, "xs")
    n_inputs = len(inputs[0])
    if any(len(row) != n_inputs for row in inputs):
        lengths = [len(row) for row in inputs]
        raise ValueError(f"xs must have the same number of inputs at every step; got lengths {lengths}")
    hidden = len(_rows(U, "U"))
    recurrent = _matrix(U, "U", (hidden, hidden), f"(hidden, hidden) = ({hidden}, {hidden})")
    weights = _matrix(W, "W", (hidden, n_inputs), f"(hidden, n_inputs) = ({hidden}, {n_inputs})")
    bias = _vector(b, "b", hidden)
    start = _vector(h0, "h0", hidden)

    previous = [_rational(v) for v in start]
    previous_numbers = [exact_number(v) for v in start]
    zs, hs, numbers = [], [], []
    for x in inputs:
        z_row, h_row, n_row = [], [], []
        for i in range(hidden):
            z = sympy.Add(
                *(_rational(weights[i][j]) * _rational(x[j]) for j in range(n_inputs)),
                *(_rational(recurrent[i][k]) * previous[k] for k in range(hidden)),
                _rational(bias[i]),
            )
            z_number = MP.fsum(
                [exact_number(weights[i][j] * x[j]) for j in range(n_inputs)]
                + [exact_number(recurrent[i][k]) * previous_numbers[k] for k in range(hidden)]
                + [exact_number(bias[i])]
            )
            h, h_number = _activate(name, z, z_number)
            z_row.append(z)
            h_row.append(h)
            n_row.append(h_number)
        zs.append(z_row)
        hs.append(h_row)
        numbers.append(n_row)
        previous, previous_numbers = h_row, n_row
    return ExactRNN(zs, hs, [_rational(v) for v in start], numbers)
