"""Forward and backward passes into preallocated buffers: the hot path of gradient and training.

Layout. With bias, layer ``l`` keeps its weights and biases in one array ``P_l`` of shape
``(fan_in + 1, fan_out)``: rows ``0..fan_in-1`` are ``W_l`` and the last row is ``b_l``. Each
layer's input then carries a constant column of ones, so ``z = [a, 1] @ P`` adds the bias and
``[a, 1]ᵀ @ delta`` yields the weight and bias gradients in one matrix product. Without bias,
``P_l`` is just ``W_l`` and there is no ones column. :class:`Workspace` holds, for one batch size,
the pre-activations ``z``, the inputs-with-ones of each layer and the error signals
``delta = dE/dz``; the passes write into it in place, so an epoch allocates almost nothing.

Backward is the chain rule layer by layer: ``delta_L`` at the output by the pair's
:class:`~nnref.numeric.functions.OutputRule` (the ``o − t`` shortcut where it holds, otherwise
loss gradient then the activation's vector-Jacobian product), then
``delta_l = backward_l(delta_{l+1} W_{l+1}ᵀ)`` and ``dE/dP_l = [a_{l−1}, 1]ᵀ delta_l``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from nnref.network import Network
from nnref.numeric.functions import ACTIVATIONS, OutputRule, output_rule

__all__ = ["Layers", "Workspace", "backward", "forward", "with_ones"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Layers:
    """What the passes need from a network, looked up once: per-layer functions and the output rule."""

    sizes: tuple[int, ...]
    bias: bool
    forwards: tuple[Callable[..., Array], ...]
    backwards: tuple[Callable[..., Array], ...]
    output: OutputRule

    @classmethod
    def of(cls, net: Network) -> Layers:
        acts = [ACTIVATIONS[name] for name in net.activations]
        return cls(
            sizes=net.sizes,
            bias=net.bias,
            forwards=tuple(a.forward for a in acts),
            backwards=tuple(a.backward for a in acts),
            output=output_rule(net.activations[-1], net.loss, net.sizes[-1]),
        )

    def per_sample_loss(self, z: Array, a: Array, Y: Array) -> Array:
        """Per-sample losses of the output layer (from logits where the pair allows)."""
        return self.output.per_sample_loss(z, a, Y)


def with_ones(X: Array, bias: bool) -> Array:
    """``X`` with a column of ones appended when ``bias`` (the input of the first layer)."""
    if not bias:
        return X
    out = np.ones((X.shape[0], X.shape[1] + 1))
    out[:, :-1] = X
    return out


@dataclass
class Workspace:
    """Buffers for one batch size: ``z``, ``a`` (views of ``inputs``), ``delta`` and ``grad`` per layer.

    ``inputs[l]`` is the input of layer ``l + 1``: ``a[l]`` plus the ones column when there is a bias.
    ``grad[l]`` has the shape of ``P_l``.
    """

    sizes: tuple[int, ...]
    batch: int
    bias: bool
    z: list[Array] = field(init=False)
    a: list[Array] = field(init=False)
    inputs: list[Array] = field(init=False)
    delta: list[Array] = field(init=False)
    grad: list[Array] = field(init=False)

    def __post_init__(self) -> None:
        extra = int(self.bias)
        widths = self.sizes[1:]
        self.z = [np.empty((self.batch, n)) for n in widths]
        self.delta = [np.empty((self.batch, n)) for n in widths]
        self.inputs = [np.ones((self.batch, n + extra)) for n in widths[:-1]]
        self.a = [full[:, : full.shape[1] - extra] for full in self.inputs]
        self.a.append(np.empty((self.batch, widths[-1])))
        self.grad = [np.empty((m + extra, n)) for m, n in zip(self.sizes, widths, strict=False)]


def forward(layers: Layers, params: list[Array], X: Array, ws: Workspace, Y: Array | None = None) -> float:
    """Fill ``ws.z`` and ``ws.a`` for the batch ``X`` (ones column included when there is a bias).

    With targets ``Y``, return the summed per-sample loss of the batch (else ``nan``).
    """
    inputs = X
    last = len(params) - 1
    for index in range(last):
        z = ws.z[index]
        np.matmul(inputs, params[index], out=z)
        layers.forwards[index](z, out=ws.a[index])
        inputs = ws.inputs[index]
    z, out = ws.z[last], ws.a[last]
    np.matmul(inputs, params[last], out=z)
    if Y is not None:
        return layers.output.forward_with_loss(z, Y, out)
    layers.forwards[last](z, out=out)
    return float("nan")


def backward(layers: Layers, params: list[Array], X: Array, Y: Array, ws: Workspace, scale: float) -> None:
    """Fill ``ws.grad`` with ``scale`` × the gradient of the *summed* per-sample loss.

    ``scale = 1/n`` gives the gradient of the mean loss; the trainer passes ``learning_rate/n``
    so the buffers already hold the update step. Needs :func:`forward` on the same batch first.
    """
    last = len(params) - 1
    z, a, delta = ws.z, ws.a, ws.delta
    layers.output.delta(z[last], a[last], Y, scale, delta[last])
    fan_ins = layers.sizes
    for index in range(last, 0, -1):
        np.matmul(ws.inputs[index - 1].T, delta[index], out=ws.grad[index])
        below = delta[index - 1]
        np.matmul(delta[index], params[index][: fan_ins[index]].T, out=below)
        layers.backwards[index - 1](z[index - 1], a[index - 1], below, out=below)
    np.matmul(X.T, delta[0], out=ws.grad[0])
