"""The forward pass of a plain (Elman) recurrent layer in float64: ``h_t = f(W x_t + U h_{t-1} + b)``.

A recurrent neural network (순환 신경망) feeds each hidden state back as an input of the next time
step. Shapes follow the formula as it is written (column vectors), not the ``(fan_in, fan_out)``
layout of :class:`~nnref.numeric.MLP`:

* ``xs``: the input sequence, shape ``(T, n_inputs)``, one row per time step;
* ``W``: input weights, shape ``(hidden, n_inputs)``; ``U``: recurrent weights, ``(hidden, hidden)``;
* ``b``: bias, ``(hidden,)`` (zeros when omitted); ``h0``: the state before the first step,
  ``(hidden,)`` (zeros when omitted).

The exact counterpart is :func:`nnref.symbolic.rnn.rnn_forward_exact` (same arguments); the two
never import each other.

>>> states = rnn_forward([[1.0], [0.0]], W=[[0.5]], U=[[1.0]])
>>> states.z.tolist() == [[0.5], [float(np.tanh(0.5))]]
True
>>> states.h[-1].tolist() == [float(np.tanh(np.tanh(0.5)))]
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nnref.network import RECURRENT_ACTIVATIONS, check_recurrent_activation
from nnref.numeric.functions import ACTIVATIONS

__all__ = ["RECURRENT_ACTIVATIONS", "RNNForward", "rnn_forward"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class RNNForward:
    """Pre-activations ``z`` and hidden states ``h`` of every time step, each ``(T, hidden)``; ``h0`` too."""

    z: Array
    h: Array
    h0: Array

    @property
    def steps(self) -> int:
        """The number of time steps ``T``."""
        return int(self.h.shape[0])


def _array(value: object, name: str, shape: tuple[int | None, ...], meaning: str) -> Array:
    """``value`` as a finite float64 array of ``shape`` (``None`` = any length >= 1)."""
    if isinstance(value, str | bytes):
        raise TypeError(f"{name} must be an array of numbers of shape {meaning}; got a string {value!r}")
    try:
        array = np.array(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise TypeError(
            f"{name} must be an array of numbers of shape {meaning}; got {value!r} ({error})"
        ) from None
    fits = array.ndim == len(shape) and all(
        (want is None and got >= 1) or got == want for got, want in zip(array.shape, shape, strict=True)
    )
    if not fits:
        raise ValueError(f"{name} must have shape {meaning}; got shape {array.shape}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf); got {array.tolist()!r}")
    return array


def rnn_forward(
    xs: object,
    W: object,
    U: object,
    b: object = None,
    h0: object = None,
    activation: str = "tanh",
) -> RNNForward:
    """Run ``h_t = f(W x_t + U h_{t-1} + b)`` over the sequence ``xs``; see the module docstring.

    >>> out = rnn_forward([[1, 0], [0, 1], [1, 1]], W=[[1, 0], [0, 1]], U=[[0, 0], [0, 0]], activation="relu")
    >>> out.h.tolist(), out.steps
    ([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], 3)
    >>> rnn_forward([[1.0]], W=[[1.0, 2.0]], U=[[0.0]])
    Traceback (most recent call last):
    ...
    ValueError: W must have shape (hidden, n_inputs) = (1, 1); got shape (1, 2)
    """
    f = ACTIVATIONS[check_recurrent_activation(activation)].forward
    inputs = _array(xs, "xs", (None, None), "(T, n_inputs) with T >= 1 and n_inputs >= 1")
    recurrent = _array(U, "U", (None, None), "(hidden, hidden)")
    hidden, n_inputs = recurrent.shape[0], inputs.shape[1]
    recurrent = _array(U, "U", (hidden, hidden), f"(hidden, hidden) = ({hidden}, {hidden})")
    weights = _array(W, "W", (hidden, n_inputs), f"(hidden, n_inputs) = ({hidden}, {n_inputs})")
    bias = np.zeros(hidden) if b is None else _array(b, "b", (hidden,), f"(hidden,) = ({hidden},)")
    start = np.zeros(hidden) if h0 is None else _array(h0, "h0", (hidden,), f"(hidden,) = ({hidden},)")
    steps = inputs.shape[0]
    z = np.empty((steps, hidden))
    h = np.empty((steps, hidden))
    previous = start
    for t in range(steps):
        z[t] = weights @ inputs[t] + recurrent @ previous + bias
        h[t] = f(z[t : t + 1])[0]  # the activation tables work on (n_samples, width) rows
        previous = h[t]
    return RNNForward(z=z, h=h, h0=start)
