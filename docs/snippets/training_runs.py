"""The digits trainings and the wikidocs step behind the epochs/batches and gradient-descent pages.

Site machinery, not library: the trainings pin BLAS to one thread (the build machine has two
busy cores, and the pages report measured epoch times) and are cached with
:func:`functools.lru_cache`, keyed by their settings. The site builds every page twice (Korean,
then English) in one process; runs.py, which those pages include, imports this file once per
process as a module, so both languages show the same runs and the same measured times and the
work is done once per build.

* :func:`batch_size_runs`: digits trained with several batch sizes for the same epochs.
* :func:`fitting_run`: a small training subset and a wide network, with the test loss per epoch
  (over- and underfitting).
* :func:`learning_rate_runs`: digits trained with several learning rates, and
  :func:`dead_relu_units`, the ReLU units each left silent.
* :func:`one_step_losses`: the wikidocs 07-05 example's loss after one step, for several rates.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

import sympy
from numpy.typing import ArrayLike

from nnref.network import Network
from nnref.numeric.checks import check_count
from nnref.numeric.data import DIGITS_RECIPE, load_digits
from nnref.numeric.mlp import MLP
from nnref.numeric.training import History


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
        if check_count(size, "batch_sizes[i]") > n:
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
    if check_count(n_train, "n_train") > digits.X_train.shape[0]:
        raise ValueError(f"n_train must be at most {digits.X_train.shape[0]}; got {n_train}")
    net = _digits_network(check_count(hidden, "hidden"))
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
