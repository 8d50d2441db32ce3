"""The forward pass of a plain (Elman) recurrent layer, exactly: ``h_t = f(W x_t + U h_{t-1} + b)``.

Same arguments and shapes as :func:`nnref.numeric.rnn.rnn_forward` (the two engines never import
each other): ``xs`` ``(T, n_inputs)``, ``W`` ``(hidden, n_inputs)``, ``U`` ``(hidden, hidden)``,
``b`` and ``h0`` ``(hidden,)``. Numbers are parsed exactly (``"0.5"``, ``"1/3"``, ints,
Fractions; a float by its shortest repr), never evaluated.

Each hidden state is a node of the exact-node graph (:mod:`nnref.symbolic.graph`) whose formula
refers to the previous states, so its closed form (``.doit()``) nests every earlier one while its
digits cost one evaluation per node.

>>> run = rnn_forward_exact([["1"], ["0"]], W=[["1/2"]], U=[[1]])
>>> run.h[0][0], run.h[1][0], run.h[1][0].doit()
(h1_t1, h1_t2, tanh(tanh(1/2)))
>>> import math
>>> float(run.decimal(1, 0, 12)) == round(math.tanh(math.tanh(0.5)), 12)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import sympy

from nnref.errors import InputTypeError
from nnref.network import RECURRENT_ACTIVATIONS, check_recurrent_activation
from nnref.symbolic.functions import ACTIVATIONS, Z
from nnref.symbolic.graph import Kind, Node
from nnref.symbolic.intervals import generic_symbols
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
            raise InputTypeError("error_row_type", argument=f"{name}[{i}]", got=repr(row))
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
    """Exact pre-activations ``z[t][i]`` and hidden states ``h[t][i]`` (SymPy values of nodes).

    ``t`` counts time steps from 0 (the page's ``t = 1`` is index 0); ``h0`` is the given start.
    """

    def __init__(self, z: list[list[Node]], h: list[list[Node]], h0: list[sympy.Rational]) -> None:
        self._z, self._h = z, h
        self.z: tuple[tuple[sympy.Expr, ...], ...] = tuple(tuple(n.value for n in row) for row in z)
        self.h: tuple[tuple[sympy.Expr, ...], ...] = tuple(tuple(n.value for n in row) for row in h)
        self.h0: tuple[sympy.Expr, ...] = tuple(h0)

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
        """``h[t][unit]`` rounded half up to ``places`` decimals.

        >>> rnn_forward_exact([[2]], W=[[1]], U=[[0]], activation="sigmoid").decimal(0, 0, 4)
        Decimal('0.8808')
        """
        t, unit = self._check_index(t, unit)
        return self._h[t][unit].decimal(places)

    def number(self, t: int, unit: int) -> float:
        """``h[t][unit]`` as the float nearest its exact value (to compare with float64)."""
        t, unit = self._check_index(t, unit)
        return float(self._h[t][unit].value)


def _affine(count: int) -> sympy.Expr:
    v = generic_symbols(count)
    return sympy.Add(*v)


def _activate(name: str, z: Node, label: str) -> Node:
    if name == "relu":
        if z.sign() > 0:
            return Node.derived(label, label, Kind.ACT, generic_symbols(1)[0], [z])
        return Node.given(label, label, Kind.ACT, sympy.Integer(0))
    generic = ACTIVATIONS[name].formula(Z).xreplace({Z: generic_symbols(1)[0]})
    return Node.derived(label, label, Kind.ACT, generic, [z])


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

    previous = [
        Node.given(f"h{i + 1}_t0", f"h{i + 1}_t0", Kind.INPUT, _rational(v)) for i, v in enumerate(start)
    ]
    zs, hs = [], []
    v = generic_symbols(hidden + 1)
    for t, x in enumerate(inputs, start=1):
        z_row, h_row = [], []
        for i in range(hidden):
            given = sum((weights[i][j] * x[j] for j in range(n_inputs)), Fraction(0)) + bias[i]
            constant = Node.given(f"c{i + 1}_t{t}", "c", Kind.INPUT, _rational(given))
            generic = sympy.Add(*(_rational(recurrent[i][k]) * v[k] for k in range(hidden)), v[hidden])
            z = Node.derived(f"z{i + 1}_t{t}", f"z{i + 1}_t{t}", Kind.PRE, generic, [*previous, constant])
            z_row.append(z)
            h_row.append(_activate(name, z, f"h{i + 1}_t{t}"))
        zs.append(z_row)
        hs.append(h_row)
        previous = h_row
    return ExactRNN(zs, hs, [_rational(v) for v in start])
