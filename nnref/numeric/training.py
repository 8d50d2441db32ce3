"""Mini-batch gradient descent for :class:`~nnref.numeric.mlp.MLP`, with a per-epoch history.

Each epoch draws one permutation of the samples from ``numpy.random.default_rng(seed)`` (or keeps
their order when ``shuffle=False``) and walks it in consecutive batches, so every sample is used
exactly once per epoch and an epoch has ``ceil(N / batch_size)`` iterations (the last batch may be
smaller). Each iteration updates all parameters at once from the gradient of the batch's mean loss
at the old values: ``p ← p − learning_rate · dE/dp``.

What the history reports:

* ``iteration_loss[i]``: the mean loss of batch ``i`` *before* its update.
* ``loss[e]`` and ``accuracy[e]``: running values over epoch ``e``, i.e. the mean of the per-sample
  losses (and the fraction classified right) as each batch was seen, before its update. This is
  what Keras and scikit-learn report as training loss and costs no extra pass.
* ``val_loss[e]``/``val_accuracy[e]``: computed on ``validation`` at the end of epoch ``e``.
* ``epoch_seconds[e]``: wall time of the epoch's training pass (validation not included).

``on_epoch(epoch, history)``, if given, is called after each epoch (1-based) with the History of
the epochs done so far: a progress bar or a log line needs nothing else.

When a batch's loss is not a finite number (or an epoch leaves a parameter inf or NaN), training
stops with :class:`TrainingDiverged`, which carries the History of the complete epochs; the
parameters are left as the last update made them. No NumPy overflow warning is printed on the
way: the check replaces it.

Reproducibility: the same seed, data and settings give bit-identical parameters and History on
the same machine with the same number of BLAS threads (``OPENBLAS_NUM_THREADS``,
``OMP_NUM_THREADS`` or threadpoolctl). With another thread count the BLAS library may split a large
matrix product (a batch of thousands of samples) differently, and the results then differ by
rounding in the last bits, not more (the tests train with 1 and with 2 threads and compare).

>>> from nnref.network import Network
>>> from nnref.numeric.mlp import MLP
>>> X = [[0, 0], [0, 1], [1, 0], [1, 1]]
>>> Y = [[0], [1], [1], [1]]
>>> hist = MLP(Network((2, 1), "sigmoid", "bce", bias=True)).fit(X, Y, epochs=3, batch_size=3,
...                                                                learning_rate="0.5")
>>> hist.iterations_per_epoch, hist.total_iterations, len(hist.loss), len(hist.iteration_loss)
(2, 6, 3, 6)
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from numpy.typing import ArrayLike

from nnref.errors import InputTypeError
from nnref.numeric import backprop
from nnref.numeric.checks import check_count, check_learning_rate, check_seed
from nnref.numeric.classify import classification_kind, labels, labels_into
from nnref.numeric.memory import FLOAT, check_memory
from nnref.numeric.model import Model
from nnref.values import ExactInput

__all__ = ["History", "Trainable", "TrainingDiverged", "fit", "iterations_per_epoch"]


def iterations_per_epoch(n_samples: int, batch_size: int) -> int:
    """Updates in one epoch: ``ceil(n_samples / batch_size)`` (the last batch may be smaller).

    Args:
        n_samples: samples in the training data (an integer >= 1).
        batch_size: samples per batch (an integer >= 1; above ``n_samples`` it is the full batch).

    Returns:
        The number of parameter updates :func:`fit` makes per epoch.

    Raises:
        TypeError: a count that is not an integer.
        ValueError: a count below 1.

    >>> iterations_per_epoch(1347, 1), iterations_per_epoch(1347, 1347), iterations_per_epoch(10, 4)
    (1347, 1, 3)
    """
    n = check_count(n_samples, "n_samples")
    return math.ceil(n / check_count(batch_size, "batch_size"))


@dataclass(frozen=True)
class History:
    """What happened during :func:`fit`. Equality ignores ``epoch_seconds`` (wall time varies)."""

    loss: tuple[float, ...]
    accuracy: tuple[float, ...] | None
    iteration_loss: tuple[float, ...]
    iterations_per_epoch: int
    epochs: int
    batch_size: int
    learning_rate: float
    seed: int
    n_samples: int
    val_loss: tuple[float, ...] | None = None
    val_accuracy: tuple[float, ...] | None = None
    epoch_seconds: tuple[float, ...] = field(default=(), compare=False)

    @property
    def total_iterations(self) -> int:
        """Iterations (parameter updates) of all the epochs: ``epochs × iterations_per_epoch``."""
        return self.epochs * self.iterations_per_epoch


class TrainingDiverged(FloatingPointError):
    """Training produced a loss (or parameters) that is not a finite number.

    ``history`` is the :class:`History` of the epochs completed before; ``epoch`` and
    ``iteration`` (1-based, counted from the start of this ``fit`` call) say where; ``loss`` is
    the batch's mean loss there (``nan`` or ``inf``; ``nan`` also when the loss was still finite
    but a parameter was not); ``reason`` says which in words.
    """

    def __init__(
        self, message: str, history: History, epoch: int, iteration: int, loss: float, reason: str
    ) -> None:
        super().__init__(message)
        self.history, self.epoch, self.iteration, self.loss = history, epoch, iteration, loss
        self.reason = reason


class Trainable(Protocol):
    """What :func:`fit` trains: anything with a :class:`~nnref.numeric.model.Model` (an MLP)."""

    @property
    def model(self) -> Model: ...


def fit(
    mlp: Trainable,
    X: ArrayLike,
    Y: ArrayLike,
    epochs: int,
    batch_size: int,
    learning_rate: ExactInput,
    seed: int = 0,
    shuffle: bool = True,
    validation: tuple[ArrayLike, ArrayLike] | None = None,
    on_epoch: Callable[[int, History], object] | None = None,
) -> History:
    """Train ``mlp`` in place; return its :class:`History`.

    ``learning_rate`` is any finite number > 0 (``0.1``, ``"0.1"``, ``Fraction(1, 10)``);
    ``validation=(X_val, Y_val)`` adds ``val_loss`` and ``val_accuracy`` per epoch;
    ``on_epoch(epoch, history)`` is called after each epoch (see the module docstring).

    Args:
        mlp: the network to train (its parameters change in place).
        X: inputs, shape ``(n_samples, n_inputs)``.
        Y: targets, shape ``(n_samples, n_outputs)``.
        epochs: passes over the data (an integer >= 1).
        batch_size: samples per update (an integer >= 1; more than ``n_samples`` is the full batch).
        learning_rate: the step size, a finite number > 0.
        seed: the shuffling's random seed.
        shuffle: draw a new order each epoch (False keeps the data's order).
        validation: ``(X_val, Y_val)`` evaluated after each epoch, or None.
        on_epoch: called as ``on_epoch(epoch, history)`` after each epoch, or None.

    Returns:
        The :class:`History` of the run.

    Raises:
        TrainingDiverged: the loss became NaN or infinite.
    """
    epochs = check_count(epochs, "epochs")
    batch_size = check_count(batch_size, "batch_size")
    rate = check_learning_rate(learning_rate)
    seed = check_seed(seed)
    if not isinstance(shuffle, bool):
        raise InputTypeError("error_bool_type", argument="shuffle", got=repr(shuffle))
    if on_epoch is not None and not callable(on_epoch):
        raise InputTypeError("error_callback_type", argument="on_epoch", got=repr(on_epoch))
    model = mlp.model
    net = model.network
    net.check_differentiable()
    inputs, targets = model.data(X, Y)
    if validation is not None:
        if not isinstance(validation, tuple | list) or len(validation) != 2:
            got = type(validation).__name__
            raise InputTypeError("error_validation_type", argument="validation", got=got)
        val_inputs, val_targets = model.data(*validation)

    kind = classification_kind(net)
    target_labels = labels(kind, targets) if kind is not None else None
    n, n_inputs = inputs.shape
    per_epoch = iterations_per_epoch(n, batch_size)
    batch = min(batch_size, n)
    starts = range(0, n, batch)
    layers, params = model.layers, model.params
    rng = np.random.default_rng(seed)
    # Each batch is gathered into fixed batch-sized buffers (ones column for the bias included),
    # so training holds no second copy of the data; a batch is a contiguous row slice of them.
    check_memory(FLOAT * batch * (n_inputs + 1 + targets.shape[1]), f"a batch of {batch:,} samples")
    model.workspace(batch)  # the memory check of the workspace comes before any training
    xs = backprop.with_ones(np.zeros((batch, n_inputs)), True) if net.bias else np.empty((batch, n_inputs))
    ys = np.empty((batch, targets.shape[1]))
    order = np.arange(n)
    ls = target_labels.copy() if target_labels is not None else None
    predicted = np.empty_like(target_labels) if target_labels is not None else None  # compared once per epoch

    epoch_loss: list[float] = []
    epoch_accuracy: list[float] = []
    iteration_loss: list[float] = []
    seconds: list[float] = []
    val_loss: list[float] = []
    val_accuracy: list[float] = []

    def history(done: int) -> History:
        return History(
            loss=tuple(epoch_loss[:done]),
            accuracy=tuple(epoch_accuracy[:done]) if kind is not None else None,
            iteration_loss=tuple(iteration_loss[: per_epoch * done]),
            iterations_per_epoch=per_epoch,
            epochs=done,
            batch_size=batch_size,
            learning_rate=rate,
            seed=seed,
            n_samples=n,
            val_loss=tuple(val_loss[:done]) if validation is not None else None,
            val_accuracy=tuple(val_accuracy[:done]) if validation is not None and kind is not None else None,
            epoch_seconds=tuple(seconds[:done]),
        )

    def diverged(epoch: int, loss: float, what: str) -> TrainingDiverged:
        return TrainingDiverged(
            f"training diverged in epoch {epoch + 1} (iteration {len(iteration_loss)}): {what}; "
            f"try a learning_rate smaller than {rate!r} (this error's .history holds the "
            f"{epoch} complete epoch(s))",
            history(epoch),
            epoch + 1,
            len(iteration_loss),
            loss,
            what,
        )

    # Overflow to inf and inf - inf = NaN are caught below by the finiteness checks, with a
    # message that says what happened: NumPy's RuntimeWarnings on the way would only be noise.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(epochs):
            started = time.perf_counter()
            if shuffle:
                order = rng.permutation(n)
                if target_labels is not None and ls is not None:
                    np.take(target_labels, order, out=ls)
            total = 0.0
            for start in starts:
                rows = order[start : start + batch]
                size = rows.shape[0]
                xb, yb = xs[:size], ys[:size]
                np.take(inputs, rows, axis=0, out=xb[:, :n_inputs])
                np.take(targets, rows, axis=0, out=yb)
                ws = model.workspace(size)
                summed = backprop.forward(layers, params, xb, ws, yb)
                iteration_loss.append(summed / size)
                if not math.isfinite(summed):
                    raise diverged(epoch, summed / size, f"the batch's mean loss is {summed / size!r}")
                total += summed
                if kind is not None and predicted is not None:
                    labels_into(kind, ws.a[-1], predicted[start : start + size])
                backprop.backward(layers, params, xb, yb, ws, rate / size)
                for p, step in zip(params, ws.grad, strict=True):
                    p -= step
            if not all(np.isfinite(p).all() for p in params):
                raise diverged(epoch, math.nan, "a parameter is no longer a finite number")
            seconds.append(time.perf_counter() - started)
            epoch_loss.append(total / n)
            if predicted is not None:
                epoch_accuracy.append(int(np.count_nonzero(predicted == ls)) / n)
            if validation is not None:
                val_loss.append(model.mean_loss(val_inputs, val_targets))
                if kind is not None:
                    right = labels(kind, model.predict(val_inputs)) == labels(kind, val_targets)
                    val_accuracy.append(float(np.mean(right)))
            if on_epoch is not None:
                on_epoch(epoch + 1, history(epoch + 1))

    return history(epochs)
