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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from nnref.numeric import backprop
from nnref.numeric.checks import check_count, check_learning_rate
from nnref.numeric.mlp import classification_kind

if TYPE_CHECKING:
    from nnref.numeric.mlp import MLP

__all__ = ["History", "fit"]


@dataclass(frozen=True)
class History:
    """What happened during :func:`fit`. Equality ignores ``epoch_seconds`` (wall time varies)."""

    loss: tuple[float, ...]
    accuracy: tuple[float, ...] | None
    iteration_loss: tuple[float, ...]
    iterations_per_epoch: int
    total_iterations: int
    epochs: int
    batch_size: int
    learning_rate: float
    seed: int
    n_samples: int
    val_loss: tuple[float, ...] | None = None
    val_accuracy: tuple[float, ...] | None = None
    epoch_seconds: tuple[float, ...] = field(default=(), compare=False)


def _labels(kind: str | None, Y: np.ndarray) -> np.ndarray | None:
    if kind == "argmax":
        return Y.argmax(axis=1)
    if kind == "threshold":
        return Y[:, 0] > 0.5
    return None


def _predict_into(kind: str, outputs: np.ndarray, out: np.ndarray) -> None:
    if kind == "argmax":
        np.argmax(outputs, axis=1, out=out)
    else:
        np.greater(outputs[:, 0], 0.5, out=out)


def fit(
    mlp: MLP,
    X: object,
    Y: object,
    epochs: int,
    batch_size: int,
    learning_rate: object,
    seed: int = 0,
    shuffle: bool = True,
    validation: tuple[object, object] | None = None,
) -> History:
    """Train ``mlp`` in place; return its :class:`History`.

    ``learning_rate`` is any finite number > 0 (``0.1``, ``"0.1"``, ``Fraction(1, 10)``);
    ``validation=(X_val, Y_val)`` adds ``val_loss`` and ``val_accuracy`` per epoch.
    """
    epochs = check_count(epochs, "epochs")
    batch_size = check_count(batch_size, "batch_size")
    rate = check_learning_rate(learning_rate)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise TypeError(f"seed must be an integer; got {seed!r}")
    if not isinstance(shuffle, bool):
        raise TypeError(f"shuffle must be True or False; got {shuffle!r}")
    mlp._check_differentiable()
    inputs, targets = mlp._data(X, Y)
    if validation is not None:
        if not isinstance(validation, tuple | list) or len(validation) != 2:
            raise TypeError(
                f"validation must be a pair (X_val, Y_val) or None; got {type(validation).__name__}"
            )
        val_inputs = mlp._inputs(validation[0])
        val_targets = mlp._data(val_inputs, validation[1])[1]

    net = mlp.network
    kind = classification_kind(net)
    labels = _labels(kind, targets)
    n, n_inputs = inputs.shape
    per_epoch = math.ceil(n / batch_size)
    starts = range(0, n, batch_size)
    layers, params = mlp._layers, mlp._params
    rng = np.random.default_rng(seed)
    # The epoch's shuffled copy goes into fixed buffers (ones column for the bias included);
    # batches are row slices of them, i.e. contiguous views.
    xs = backprop.with_ones(inputs, net.bias).copy()
    ys = targets.copy()
    ls = labels.copy() if labels is not None else None
    predicted = np.empty_like(labels) if labels is not None else None  # per epoch, compared once

    epoch_loss: list[float] = []
    epoch_accuracy: list[float] = []
    iteration_loss: list[float] = []
    seconds: list[float] = []
    val_loss: list[float] = []
    val_accuracy: list[float] = []
    for _ in range(epochs):
        started = time.perf_counter()
        if shuffle:
            order = rng.permutation(n)
            np.take(inputs, order, axis=0, out=xs[:, :n_inputs])
            np.take(targets, order, axis=0, out=ys)
            if ls is not None:
                np.take(labels, order, out=ls)
        total = 0.0
        for start in starts:
            stop = start + batch_size
            xb, yb = xs[start:stop], ys[start:stop]
            size = xb.shape[0]
            ws = mlp._workspace(size)
            summed = backprop.forward(layers, params, xb, ws, yb)
            iteration_loss.append(summed / size)
            total += summed
            if predicted is not None:
                _predict_into(kind, ws.a[-1], predicted[start:stop])
            backprop.backward(layers, params, xb, yb, ws, rate / size)
            for p, step in zip(params, ws.grad, strict=True):
                p -= step
        seconds.append(time.perf_counter() - started)
        epoch_loss.append(total / n)
        if predicted is not None:
            epoch_accuracy.append(int(np.count_nonzero(predicted == ls)) / n)
        if validation is not None:
            val_loss.append(mlp.loss(val_inputs, val_targets))
            if kind is not None:
                val_accuracy.append(mlp.accuracy(val_inputs, val_targets))

    return History(
        loss=tuple(epoch_loss),
        accuracy=tuple(epoch_accuracy) if kind is not None else None,
        iteration_loss=tuple(iteration_loss),
        iterations_per_epoch=per_epoch,
        total_iterations=per_epoch * epochs,
        epochs=epochs,
        batch_size=batch_size,
        learning_rate=rate,
        seed=int(seed),
        n_samples=n,
        val_loss=tuple(val_loss) if validation is not None else None,
        val_accuracy=tuple(val_accuracy) if validation is not None and kind is not None else None,
        epoch_seconds=tuple(seconds),
    )
