"""Rosenblatt's perceptron learning rule, with the weights after every epoch.

A perceptron outputs ``y = step(w·x + b)`` with ``step(z) = 1 if z > 0 else 0`` (the bias is the
negated threshold, ``b = −θ``: the neuron fires when ``w·x`` exceeds ``θ``). The rule visits the
samples in the order given and, after each one, moves the parameters by the error ``t − y``::

    w ← w + η (t − y) x        b ← b + η (t − y)

A correct output (``t = y``) changes nothing. Training stops after the first epoch without a
mistake (the parameters then classify every sample) or after ``max_epochs``.

The arithmetic is exact (:class:`~fractions.Fraction`), not float64: the step decides on the sign
of ``z``, and ``z = 0`` is a common value here (zero initial weights, inputs 0 and 1). In float64
``0.1 + 0.2 − 0.3`` is ``5.6e-17``, which would make a neuron at its threshold fire; with
fractions the run is the same on every machine and the weights print as the decimals they are.

>>> run = train_perceptron([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1], learning_rate="0.1")
>>> run.converged, len(run.epochs), [str(w) for w in run.weights], str(run.bias)
(True, 6, ['1/5', '1/10'], '-1/5')
>>> run.predict([[0, 0], [0, 1], [1, 0], [1, 1]])
(0, 0, 0, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from nnref.errors import InputError, InputTypeError
from nnref.values import parse_exact, parse_positive_finite

__all__ = ["PerceptronEpoch", "PerceptronRun", "perceptron_output", "step", "train_perceptron"]


def step(z: Fraction | int) -> int:
    """The step function: 1 when ``z > 0``, else 0 (a neuron exactly at its threshold stays silent).

    >>> step(Fraction(1, 10)), step(0), step(-3)
    (1, 0, 0)
    """
    return 1 if z > 0 else 0


def perceptron_output(weights: Sequence[Fraction], bias: Fraction, x: Sequence[Fraction]) -> int:
    """``step(w·x + b)`` for one input row (exact).

    >>> perceptron_output([Fraction(1, 2), Fraction(1, 2)], Fraction(-7, 10), [1, 1])
    1
    """
    if len(weights) != len(x):
        raise InputError("error_weights_length", argument="x", length=len(weights), got=len(x))
    return step(sum((w * xi for w, xi in zip(weights, x, strict=True)), Fraction(0)) + bias)


@dataclass(frozen=True)
class PerceptronEpoch:
    """The parameters at the end of one epoch (``epoch`` counts from 1) and how many samples of
    that epoch were misclassified, each of which triggered an update."""

    epoch: int
    weights: tuple[Fraction, ...]
    bias: Fraction
    mistakes: int


@dataclass(frozen=True)
class PerceptronRun:
    """A finished run of :func:`train_perceptron`: its settings and every epoch's parameters."""

    learning_rate: Fraction
    initial_weights: tuple[Fraction, ...]
    initial_bias: Fraction
    max_epochs: int
    epochs: tuple[PerceptronEpoch, ...]

    @property
    def converged(self) -> bool:
        """True when the last epoch made no mistake: the final parameters fit every sample."""
        return self.epochs[-1].mistakes == 0

    @property
    def weights(self) -> tuple[Fraction, ...]:
        """The final weights."""
        return self.epochs[-1].weights

    @property
    def bias(self) -> Fraction:
        """The final bias."""
        return self.epochs[-1].bias

    def predict(self, X: object) -> tuple[int, ...]:
        """The final perceptron's output (0 or 1) for every row of ``X``."""
        rows = _rows(X, "X", width=len(self.weights))
        return tuple(perceptron_output(self.weights, self.bias, row) for row in rows)

    def repeated_state(self) -> tuple[int, int] | None:
        """The first pair of epochs ``(earlier, later)`` that ended with the same parameters, or None.

        The rule is deterministic and visits the samples in a fixed order, so the parameters at
        the start of an epoch decide everything after it: once an end-of-epoch state repeats
        with mistakes in between, the run cycles through the same epochs forever and never
        converges. ``earlier`` may be 0, the initial parameters.

        >>> xor = train_perceptron([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], max_epochs=20)
        >>> xor.converged, xor.repeated_state()
        (False, (2, 3))
        """
        seen = {(self.initial_weights, self.initial_bias): 0}
        for record in self.epochs:
            state = (record.weights, record.bias)
            if state in seen and record.mistakes > 0:
                return seen[state], record.epoch
            seen.setdefault(state, record.epoch)
        return None


def _rows(X: object, name: str, width: int | None = None) -> list[tuple[Fraction, ...]]:
    """Rows of exact numbers from a sequence of sequences or a 2-D array."""
    if isinstance(X, np.ndarray):
        X = X.tolist()
    if isinstance(X, str | bytes) or not isinstance(X, Sequence) or len(X) == 0:
        raise InputTypeError("error_rows_type", argument=name, got=repr(X))
    rows: list[tuple[Fraction, ...]] = []
    for i, row in enumerate(X):
        if isinstance(row, np.ndarray):
            row = row.tolist()
        if isinstance(row, str | bytes) or not isinstance(row, Sequence) or len(row) == 0:
            raise InputTypeError("error_row_type", argument=f"{name}[{i}]", got=repr(row))
        expected = width if width is not None else len(rows[0]) if rows else len(row)
        if len(row) != expected:
            raise InputError("error_row_length", argument=f"{name}[{i}]", expected=expected, got=len(row))
        rows.append(tuple(parse_exact(v, f"{name}[{i}][{j}]") for j, v in enumerate(row)))
    return rows


def _targets(targets: object, count: int) -> list[int]:
    """Targets 0 or 1, one per sample; a column of shape (n, 1) is accepted too."""
    if isinstance(targets, np.ndarray):
        column = targets.ndim == 2 and targets.shape[1] == 1
        targets = (targets[:, 0] if column else targets).tolist()
    if isinstance(targets, str | bytes) or not isinstance(targets, Sequence):
        raise InputTypeError("error_binary_targets_type", argument="targets", got=repr(targets))
    if len(targets) != count:
        raise InputError("error_targets_count", argument="targets", count=count, got=len(targets))
    found = []
    for i, t in enumerate(targets):
        value = parse_exact(t, f"targets[{i}]")
        if value not in (0, 1):
            raise InputError("error_binary_target", argument=f"targets[{i}]", got=repr(t))
        found.append(int(value))
    return found


def train_perceptron(
    X: object,
    targets: object,
    learning_rate: object = "0.1",
    max_epochs: int = 100,
    initial_weights: object = None,
    initial_bias: object = 0,
) -> PerceptronRun:
    """Train one perceptron with the learning rule; see the module docstring.

    ``X``: rows of numbers (a list of lists or a 2-D array); ``targets``: 0 or 1 per row.
    ``learning_rate``: a finite number > 0 (exact: ``"0.1"`` is 1/10). ``initial_weights``
    default to zeros. Returns the parameters after every epoch, the last one being the first
    epoch without a mistake, or epoch ``max_epochs``.

    >>> run = train_perceptron([[0], [1]], [1, 0], learning_rate=1)
    >>> [(e.epoch, [int(w) for w in e.weights], int(e.bias), e.mistakes) for e in run.epochs]
    [(1, [-1], 0, 2), (2, [-1], 1, 1), (3, [-1], 1, 0)]
    >>> train_perceptron([[0], [1]], [1, 2])
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: targets[1] must be 0 or 1; got 2
    """
    rows = _rows(X, "X")
    labels = _targets(targets, len(rows))
    rate = parse_positive_finite(learning_rate, "learning_rate")
    if isinstance(max_epochs, bool) or not isinstance(max_epochs, int | np.integer) or max_epochs < 1:
        raise InputError("error_width", argument="max_epochs", got=repr(max_epochs))
    width = len(rows[0])
    if initial_weights is None:
        weights = [Fraction(0)] * width
    else:
        (weights_row,) = _rows([initial_weights], "initial_weights", width=width)
        weights = list(weights_row)
    bias = parse_exact(initial_bias, "initial_bias")
    start = (tuple(weights), bias)

    epochs = []
    for epoch in range(1, int(max_epochs) + 1):
        mistakes = 0
        for x, t in zip(rows, labels, strict=True):
            error = t - perceptron_output(weights, bias, x)
            if error:
                mistakes += 1
                weights = [w + rate * error * xi for w, xi in zip(weights, x, strict=True)]
                bias += rate * error
        epochs.append(PerceptronEpoch(epoch, tuple(weights), bias, mistakes))
        if mistakes == 0:
            break
    return PerceptronRun(rate, start[0], start[1], int(max_epochs), tuple(epochs))
