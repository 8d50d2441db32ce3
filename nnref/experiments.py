"""The trainings and small computations behind the chapters on epochs/batches and gradient descent.

The site builds every page twice (Korean, then English) in one process. The training runs here
are cached with :func:`functools.lru_cache`, keyed by their settings, so both languages show
the same run (and the same measured wall times) and the work is done once per build.

* :func:`iterations_per_epoch` and :func:`activation_bytes`: the arithmetic of a batch.
* :func:`batch_size_runs`: digits trained with several batch sizes for the same epochs.
* :func:`fitting_run`: a small training subset and a wide network, with the test loss per epoch
  (over- and underfitting).
* :func:`learning_rate_runs`: digits trained with several learning rates.
* :func:`descent_path`: exact gradient-descent iterates on a one-variable polynomial.
* :func:`one_step_losses`: the wikidocs 07-05 example's loss after one step, for several rates.

>>> iterations_per_epoch(1347, 32), activation_bytes((64, 64, 10), 32)
(43, 54272)
>>> w = sympy.Symbol("w")
>>> [str(v) for v in descent_path((w - 3)**2, start=0, learning_rate="0.25", steps=3)]
['0', '3/2', '9/4', '21/8']
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

import sympy
from numpy.typing import ArrayLike

from nnref.network import Network
from nnref.numeric.data import DIGITS_RECIPE, load_digits
from nnref.numeric.mlp import MLP
from nnref.numeric.training import History
from nnref.render.fmt import format_decimal
from nnref.values import parse_exact, parse_positive_finite

__all__ = [
    "BYTES_PER_FLOAT",
    "FittingRun",
    "OneStep",
    "RateRun",
    "activation_bytes",
    "batch_size_runs",
    "dead_relu_units",
    "descent_path",
    "exact_decimal_text",
    "fitting_run",
    "iterations_per_epoch",
    "learning_rate_runs",
    "one_step_losses",
]

BYTES_PER_FLOAT = 8  # float64


def _count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be an integer >= 1; got {value!r}")
    return value


def iterations_per_epoch(n_samples: int, batch_size: int) -> int:
    """Updates in one epoch: ``ceil(n_samples / batch_size)`` (the last batch may be smaller).

    >>> iterations_per_epoch(1347, 1), iterations_per_epoch(1347, 1347), iterations_per_epoch(10, 4)
    (1347, 1, 3)
    """
    n = _count(n_samples, "n_samples")
    return math.ceil(n / _count(batch_size, "batch_size"))


def activation_bytes(sizes: tuple[int, ...], batch_size: int) -> int:
    """Bytes of float64 that one batch's forward pass keeps for backpropagation.

    Backpropagation reads the input batch and, for every non-input layer, its weighted sums
    ``z`` and activations ``a``: ``batch_size × (n_0 + 2 · Σ_{l≥1} n_l) × 8`` bytes. (Weights,
    and the trainer's reusable buffers for the errors δ, are not counted: they do not grow
    with what is stored per sample beyond this.)

    >>> activation_bytes((64, 64, 10), 1)
    1696
    >>> activation_bytes((64,), 1)
    Traceback (most recent call last):
    ...
    ValueError: sizes must be a tuple of at least two integers >= 1 (input, ..., output); got (64,)
    """
    if (
        not isinstance(sizes, tuple)
        or len(sizes) < 2
        or any(isinstance(n, bool) or not isinstance(n, int) or n < 1 for n in sizes)
    ):
        raise ValueError(
            f"sizes must be a tuple of at least two integers >= 1 (input, ..., output); got {sizes!r}"
        )
    per_sample = sizes[0] + 2 * sum(sizes[1:])
    return _count(batch_size, "batch_size") * per_sample * BYTES_PER_FLOAT


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    # These matrices are small: a multithreaded BLAS spends more time waking threads than
    # multiplying, and on a busy 2-core build machine it was ten times slower. One thread also
    # makes the measured epoch times mean what the page says they mean.
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


def _digits_network(hidden: int) -> Network:
    recipe = DIGITS_RECIPE
    return Network((recipe.sizes[0], hidden, recipe.sizes[-1]), recipe.activation, recipe.loss, recipe.bias)


@functools.lru_cache(maxsize=8)
def batch_size_runs(
    batch_sizes: tuple[int, ...] = (1, 32, 1347), epochs: int = 8, learning_rate: float = 0.1
) -> dict[int, History]:
    """Digits with ``DIGITS_RECIPE``'s network, the same initial weights, shuffle seed, rate and
    epochs, once per batch size; the test set is the validation data. Cached (do not mutate).

    A batch size above the training-set size is refused (it would silently mean the full batch).
    """
    digits = load_digits()
    n = digits.X_train.shape[0]
    if not isinstance(batch_sizes, tuple) or not batch_sizes:
        raise ValueError(f"batch_sizes must be a non-empty tuple of integers; got {batch_sizes!r}")
    for size in batch_sizes:
        if _count(size, "batch_sizes[i]") > n:
            raise ValueError(f"batch_sizes must be between 1 and {n} (the training set); got {size}")
    runs = {}
    with _one_blas_thread():
        for size in batch_sizes:
            mlp = MLP(DIGITS_RECIPE.network, seed=DIGITS_RECIPE.init_seed)
            runs[size] = mlp.fit(
                digits.X_train, digits.Y_train, epochs=epochs, batch_size=size,
                learning_rate=learning_rate, seed=DIGITS_RECIPE.shuffle_seed,
                validation=(digits.X_test, digits.Y_test),
            )
    return runs


@dataclass(frozen=True)
class FittingRun:
    """A training on the first ``n_train`` digits training images, tested on the whole test set."""

    sizes: tuple[int, ...]
    n_train: int
    history: History

    @property
    def best_epoch(self) -> int:
        """1-based epoch with the lowest test loss: stopping before it underfits, after it overfits."""
        val = self.history.val_loss or ()
        return 1 + min(range(len(val)), key=val.__getitem__)


@functools.lru_cache(maxsize=4)
def fitting_run(
    n_train: int = 100, hidden: int = 128, epochs: int = 100, batch_size: int = 10,
    learning_rate: float = 0.5,
) -> FittingRun:
    """A wide network trained long on few samples: the train loss keeps falling, the test loss
    turns up. Cached (do not mutate).

    >>> run = fitting_run(n_train=50, hidden=32, epochs=3, batch_size=10)
    >>> run.sizes, len(run.history.val_loss), 1 <= run.best_epoch <= 3
    ((64, 32, 10), 3, True)
    """
    digits = load_digits()
    if _count(n_train, "n_train") > digits.X_train.shape[0]:
        raise ValueError(f"n_train must be at most {digits.X_train.shape[0]}; got {n_train}")
    net = _digits_network(_count(hidden, "hidden"))
    with _one_blas_thread():
        history = MLP(net, seed=DIGITS_RECIPE.init_seed).fit(
            digits.X_train[:n_train], digits.Y_train[:n_train], epochs=epochs, batch_size=batch_size,
            learning_rate=learning_rate, seed=DIGITS_RECIPE.shuffle_seed,
            validation=(digits.X_test, digits.Y_test),
        )
    return FittingRun(net.sizes, n_train, history)


@dataclass(frozen=True)
class RateRun:
    """A digits training at one learning rate, and how many ReLU hidden units it left dead."""

    history: History
    dead_units: int
    hidden_units: int


def dead_relu_units(mlp: MLP, X: ArrayLike) -> int:
    """Hidden ReLU units of the first hidden layer that output 0 for every sample of ``X``.

    Such a unit passes no gradient back (ReLU′ = 0 there) and so never recovers.

    >>> net = Network((2, 2, 1), ("relu", "sigmoid"), "bce")
    >>> mlp = MLP.from_network(net, weights=[1, 1, -1, -1, 1, 1])
    >>> dead_relu_units(mlp, [[0.5, 0.5], [1, 0]])   # the second unit sees -x1 - x2 < 0
    1
    """
    if not isinstance(mlp, MLP):
        raise TypeError(f"mlp must be an nnref MLP; got {type(mlp).__name__}")
    if mlp.network.activations[0] != "relu":
        raise ValueError(f"the first hidden layer must use relu; got {mlp.network.activations[0]!r}")
    hidden = mlp.forward(X).a[0]
    return int((hidden.max(axis=0) <= 0).sum())


@functools.lru_cache(maxsize=4)
def learning_rate_runs(
    rates: tuple[float, ...] = (0.01, 0.5, 2.0), epochs: int = 10, batch_size: int = 32
) -> dict[float, RateRun]:
    """Digits with ``DIGITS_RECIPE``'s network and initial weights, once per learning rate.
    Cached (do not mutate)."""
    if not isinstance(rates, tuple) or not rates:
        raise ValueError(f"rates must be a non-empty tuple of learning rates; got {rates!r}")
    digits = load_digits()
    runs = {}
    with _one_blas_thread():
        for rate in rates:
            mlp = MLP(DIGITS_RECIPE.network, seed=DIGITS_RECIPE.init_seed)
            history = mlp.fit(
                digits.X_train, digits.Y_train, epochs=epochs, batch_size=batch_size,
                learning_rate=rate, seed=DIGITS_RECIPE.shuffle_seed,
                validation=(digits.X_test, digits.Y_test),
            )
            runs[rate] = RateRun(history, dead_relu_units(mlp, digits.X_train), mlp.network.sizes[1])
    return runs


def descent_path(
    loss: sympy.Expr, start: object, learning_rate: object, steps: int
) -> tuple[sympy.Rational, ...]:
    """Exact iterates ``w_0, ..., w_steps`` of ``w ← w − η·dE/dw`` for a polynomial ``E(w)``.

    ``loss`` is a SymPy polynomial in one symbol with rational coefficients (a string is
    refused: nothing here parses user text as an expression). ``start`` and ``learning_rate``
    are exact numbers (``"0.1"``, ``1``, ``Fraction``); every iterate is an exact rational.

    >>> w = sympy.Symbol("w")
    >>> descent_path((w - 3)**2, start=0, learning_rate="1.5", steps=2)
    (0, 9, -9)
    >>> descent_path(sympy.exp(w), start=0, learning_rate=1, steps=1)
    Traceback (most recent call last):
    ...
    ValueError: loss must be a polynomial in one symbol with rational coefficients; got exp(w)
    """
    if not isinstance(loss, sympy.Expr):
        raise TypeError(f"loss must be a SymPy expression such as (w - 3)**2; got {type(loss).__name__}")
    symbols = loss.free_symbols
    if len(symbols) != 1 or not loss.is_polynomial(*symbols) or not all(
        c.is_Rational for c in sympy.Poly(loss, *symbols).coeffs()
    ):
        raise ValueError(f"loss must be a polynomial in one symbol with rational coefficients; got {loss}")
    (w,) = symbols
    slope = sympy.diff(loss, w)
    rate = sympy.Rational(_rational(parse_positive_finite(learning_rate, "learning_rate")))
    value = _rational(parse_exact(start, "start"))
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps must be an integer >= 0; got {steps!r}")
    path = [value]
    for _ in range(steps):
        value = value - rate * slope.subs(w, value)
        path.append(value)
    return tuple(path)


def _rational(value: Fraction) -> sympy.Rational:
    return sympy.Rational(value.numerator, value.denominator)


@dataclass(frozen=True)
class OneStep:
    """The wikidocs 07-05 example's loss before and after one gradient-descent step at ``rate``,
    rounded half-up to ``places`` decimals from the exact values."""

    rate: sympy.Rational
    loss_before: Decimal
    loss_after: Decimal


@functools.lru_cache(maxsize=4)
def one_step_losses(
    rates: tuple[str, ...] = ("0.05", "0.5", "5", "50", "500"), places: int = 8
) -> tuple[OneStep, ...]:
    """One step of the wikidocs 07-05 example (same input, target and weights) at each rate,
    derived exactly by :func:`nnref.symbolic.derive`.

    >>> [(str(s.rate), f"{s.loss_before:f}") for s in one_step_losses(("0.5", "5"))]
    [('1/2', '0.02397190'), ('5', '0.02397190')]
    """
    from nnref.examples import example
    from nnref.symbolic import derive

    ex = example("wikidocs-07-05")
    x, target = ex.input_and_target()
    found = []
    for rate in rates:
        trace = derive(ex.network, x=x, target=target, weights=ex.weights, learning_rate=rate)
        found.append(
            OneStep(sympy.Rational(trace.learning_rate), trace.decimal("E", places),
                    trace.next().decimal("E", places))
        )
    return tuple(found)


def exact_decimal_text(value: sympy.Rational | Fraction, places: int) -> str:
    """An exact rational rounded half-up to ``places`` decimals, as text (tables of exact values).

    >>> exact_decimal_text(sympy.Rational(2, 3), 4), exact_decimal_text(Fraction(-1, 8), 2)
    ('0.6667', '-0.13')
    """
    if isinstance(value, sympy.Rational):
        value = Fraction(int(value.p), int(value.q))
    if not isinstance(value, Fraction):
        raise TypeError(f"value must be a SymPy Rational or a Fraction; got {type(value).__name__} {value!r}")
    # Enough digits that a non-terminating quotient cannot land on a rounding tie; a terminating
    # one (the only kind that can be a tie) is then exact.
    digits = len(str(abs(value.numerator))) + len(str(value.denominator)) + places + 10
    with localcontext(prec=digits):
        quotient = Decimal(value.numerator) / Decimal(value.denominator)
    return format_decimal(quotient, places)
