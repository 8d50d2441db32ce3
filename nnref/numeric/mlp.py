"""The float64 multilayer perceptron: parameters, forward pass, loss, gradient by backpropagation.

Weights of layer ``l`` are an array of shape ``(fan_in, fan_out)``: ``W[src, dest]`` is the
parameter named ``net.layer_weight_names(l)[dest][src]``, so the names are the ones the symbolic
engine uses (``z1 = w1*x1 + w2*x2`` in a 2-2-2 network).

The example of Matt Mazur's "A Step by Step Backpropagation Example" (his E_total 0.298371109
and dE/dw5 0.082167041):

>>> from nnref.network import Network
>>> net = Network((2, 2, 2), "sigmoid", "sse", bias=True)
>>> weights = ["0.15", "0.2", "0.25", "0.3", "0.4", "0.45", "0.5", "0.55"]
>>> mlp = MLP.from_network(net, weights=weights, biases=["0.35", "0.35", "0.6", "0.6"])
>>> mlp.weights[0].tolist()
[[0.15, 0.25], [0.2, 0.3]]
>>> round(mlp.loss([0.05, 0.1], [0.01, 0.99]), 9)
0.298371109
>>> round(mlp.gradient([0.05, 0.1], [0.01, 0.99])["w5"], 9)
0.082167041
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from nnref.network import Network, closest_name
from nnref.numeric import backprop
from nnref.numeric.checks import as_inputs, as_targets, check_seed
from nnref.numeric.memory import FLOAT, check_memory, parameter_bytes, workspace_bytes
from nnref.values import parse_float

if TYPE_CHECKING:
    from nnref.numeric.training import History

__all__ = ["MLP", "ForwardPass", "classification_kind"]

Array = NDArray[np.float64]

EVAL_CHUNK_BYTES = 32 * 2**20
"""predict, loss, accuracy and gradient work through the samples in chunks whose buffers take at
most about this many bytes, so evaluating 10^7 samples needs no 10^7-row workspace."""
_PARAMETER_NAME = re.compile(r"([wb])([1-9][0-9]*)")


@dataclass(frozen=True)
class ForwardPass:
    """Pre-activations ``z[l]`` and activations ``a[l]`` of every non-input layer, each ``(n, width)``."""

    z: tuple[Array, ...]
    a: tuple[Array, ...]


def classification_kind(net: Network) -> str | None:
    """``"argmax"`` for a softmax output, ``"threshold"`` for one sigmoid output, else ``None``.

    >>> classification_kind(Network((2, 3, 1), "sigmoid", "bce"))
    'threshold'
    >>> print(classification_kind(Network((1, 1), "identity")))
    None
    """
    output = net.activations[-1]
    if output == "softmax":
        return "argmax"
    if output == "sigmoid" and net.sizes[-1] == 1:
        return "threshold"
    return None


def _initial_scale(activation: str, fan_in: int, fan_out: int) -> float:
    # He for ReLU (keeps the variance of z through half-zeroed layers); Glorot/Xavier otherwise.
    if activation == "relu":
        return math.sqrt(6.0 / fan_in)
    return math.sqrt(6.0 / (fan_in + fan_out))


class MLP:
    """A fully connected network with float64 parameters.

    ``MLP(net, seed=0)`` draws weights uniformly from ``[-r, r]`` with a seeded
    ``numpy.random.Generator``: He (``r = √(6/fan_in)``) for layers feeding a ReLU, Glorot/Xavier
    (``r = √(6/(fan_in + fan_out))``) for every other activation. Biases start at 0.
    """

    def __init__(self, net: Network, seed: int = 0) -> None:
        if not isinstance(net, Network):
            raise TypeError(f"net must be an nnref.Network; got {type(net).__name__}")
        seed = check_seed(seed)
        extra = int(net.bias)
        largest = max(a * b for a, b in zip(net.sizes, net.sizes[1:], strict=False))
        check_memory(
            parameter_bytes(net.sizes, net.bias) + FLOAT * largest,  # + the largest layer's random draw
            f"an MLP of sizes {net.sizes} ({net.n_weights + net.n_biases:,} parameters)",
        )
        self._net = net
        self._layers = backprop.Layers.of(net)
        rng = np.random.default_rng(seed)
        # One array per layer holds W (first fan_in rows) and b (last row): see backprop.
        self._params: list[Array] = []
        for fan_in, fan_out, activation in zip(net.sizes, net.sizes[1:], net.activations, strict=False):
            limit = _initial_scale(activation, fan_in, fan_out)
            block = np.zeros((fan_in + extra, fan_out))
            block[:fan_in] = rng.uniform(-limit, limit, size=(fan_in, fan_out))
            self._params.append(block)
        self._w: list[Array] = [p[:m] for p, m in zip(self._params, net.sizes, strict=False)]
        self._b: list[Array] = [p[m] for p, m in zip(self._params, net.sizes, strict=False)] if extra else []
        self._workspaces: dict[int, backprop.Workspace] = {}

    @classmethod
    def from_network(cls, net: Network, weights: Any, biases: Any = None) -> MLP:
        """An MLP with the given parameter values (sequence in naming order, or mapping name -> value).

        Values are parsed exactly (``"0.1"``, ``Fraction(1, 10)``, ``1``, NumPy numbers) then
        rounded to float64; a value beyond float64's range is refused.
        """
        values = net.resolve_parameters(weights, biases)  # counts and names checked before allocating
        mlp = cls(net)
        for name, value in values.items():
            mlp.set_parameter(name, value)
        return mlp

    # -- parameters ------------------------------------------------------------------------

    def _position(self, name: object) -> tuple[Array, tuple[int, ...]] | None:
        # Computed from the name (w: layer by layer, destination-major), not looked up in a table
        # of every name, which a wide network could not afford.
        match = _PARAMETER_NAME.fullmatch(name) if isinstance(name, str) else None
        if match is None:
            return None
        index = int(match.group(2)) - 1
        sizes = self._net.sizes
        for layer, (fan_in, fan_out) in enumerate(itertools.pairwise(sizes)):
            if match.group(1) == "w":
                if index < fan_in * fan_out:
                    dest, src = divmod(index, fan_in)
                    return self._w[layer], (src, dest)
                index -= fan_in * fan_out
            elif self._net.bias:
                if index < fan_out:
                    return self._b[layer], (index,)
                index -= fan_out
        return None

    def _locate(self, name: object) -> tuple[Array, tuple[int, ...]]:
        found = self._position(name)
        if found is None:
            names = self._net.parameters if self._net.n_weights + self._net.n_biases <= 10_000 else ()
            hint = closest_name(name, names) if isinstance(name, str) and names else ""
            first, last = "w1", f"b{self._net.n_biases}" if self._net.bias else f"w{self._net.n_weights}"
            raise ValueError(f"name must be a parameter name {first}..{last}; got {name!r}{hint}")
        return found

    @property
    def network(self) -> Network:
        return self._net

    @property
    def weights(self) -> tuple[Array, ...]:
        """The live weight arrays, one ``(fan_in, fan_out)`` array per layer (training updates them)."""
        return tuple(self._w)

    @property
    def biases(self) -> tuple[Array, ...]:
        """The live bias arrays, one ``(fan_out,)`` array per layer; empty when ``bias=False``."""
        return tuple(self._b)

    def parameters(self) -> dict[str, float]:
        """Every parameter value by name, in the order of ``net.parameters``."""
        return self._named(self._params)

    def get_parameter(self, name: str) -> float:
        """One parameter's value (``"w5"``, ``"b2"``)."""
        array, position = self._locate(name)
        return float(array[position])

    def set_parameter(self, name: str, value: object) -> None:
        """Set one parameter (``"w5"``, ``"b2"``) to ``value``, parsed exactly then rounded to float64.

        ``value`` is anything :func:`~nnref.values.parse_exact` reads (``0.1``, ``"0.1"``,
        ``Fraction(1, 10)``, a NumPy number), within float64's range, or an exact value of a trace
        (``tr.updated["w5"]``), rounded to the nearest float64.
        """
        array, position = self._locate(name)
        array[position] = parse_float(value, name)

    def _named(self, blocks: list[Array]) -> dict[str, float]:
        # W[src, dest] flattened by destination then source is Wᵀ in row-major order.
        sizes = self._net.sizes
        values = [v for p, m in zip(blocks, sizes, strict=False) for v in p[:m].T.ravel().tolist()]
        if self._net.bias:
            values += [v for p, m in zip(blocks, sizes, strict=False) for v in p[m].tolist()]
        return dict(zip(self._net.parameters, values, strict=True))

    # -- computing ---------------------------------------------------------------------------

    def _inputs(self, X: object) -> Array:
        return as_inputs(X, self._net.sizes[0])

    def _data(self, X: object, Y: object) -> tuple[Array, Array]:
        inputs = self._inputs(X)
        return inputs, as_targets(Y, inputs.shape[0], self._net.sizes[-1], self._net.loss)

    def _workspace(self, batch: int) -> backprop.Workspace:
        """Buffers for ``batch`` samples, reused across calls (results handed out are copies).

        Training needs two sizes (the batch and the last, smaller one) and evaluation one chunk
        size, each bounded by :data:`EVAL_CHUNK_BYTES` or the batch size chosen: at most four are kept.
        """
        ws = self._workspaces.get(batch)
        if ws is None:
            if len(self._workspaces) >= 4:
                self._workspaces.clear()
            net = self._net
            check_memory(
                workspace_bytes(net.sizes, batch, net.bias),
                f"a batch of {batch:,} samples for sizes {net.sizes}",
            )
            ws = self._workspaces[batch] = backprop.Workspace(net.sizes, batch, net.bias)
        return ws

    def _chunk_rows(self) -> int:
        """Samples per evaluation chunk: a workspace of at most about :data:`EVAL_CHUNK_BYTES`."""
        net = self._net
        per_sample = workspace_bytes(net.sizes, 1, net.bias) - parameter_bytes(net.sizes, net.bias)
        return max(1, EVAL_CHUNK_BYTES // per_sample)

    def _check_differentiable(self) -> None:
        for index, name in enumerate(self._net.activations):
            if name == "step":
                raise ValueError(
                    f"layer {index + 1} (activation[{index}]) is 'step', whose derivative is 0 everywhere "
                    "except an undefined jump at 0: backpropagation cannot pass through it; "
                    "use sigmoid, tanh, relu or identity"
                )

    def _passes(self, inputs: Array) -> Iterator[tuple[int, int, Array, backprop.Workspace]]:
        """``(start, stop, chunk input with ones, workspace)`` after each chunk's forward pass."""
        n, rows = inputs.shape[0], self._chunk_rows()
        for start in range(0, n, rows):
            stop = min(start + rows, n)
            ws = self._workspace(stop - start)
            extended = backprop.with_ones(inputs[start:stop], self._net.bias)
            backprop.forward(self._layers, self._params, extended, ws)
            yield start, stop, extended, ws

    def forward(self, X: object) -> ForwardPass:
        """All pre-activations and activations for ``X`` (``(n, n_inputs)``, or one sample 1-D)."""
        inputs = self._inputs(X)
        n, widths = inputs.shape[0], self._net.sizes[1:]
        check_memory(2 * FLOAT * n * sum(widths), f"the forward pass of {n:,} samples")
        z, a = [np.empty((n, w)) for w in widths], [np.empty((n, w)) for w in widths]
        for start, stop, _, ws in self._passes(inputs):
            for layer in range(len(widths)):
                z[layer][start:stop], a[layer][start:stop] = ws.z[layer], ws.a[layer]
        return ForwardPass(z=tuple(z), a=tuple(a))

    def predict(self, X: object) -> Array:
        """Output-layer activations, shape ``(n_samples, n_outputs)``."""
        inputs = self._inputs(X)
        out = np.empty((inputs.shape[0], self._net.sizes[-1]))
        for start, stop, _, ws in self._passes(inputs):
            out[start:stop] = ws.a[-1]
        return out

    def loss(self, X: object, Y: object) -> float:
        """Mean over the samples of the per-sample loss (bce and cce computed from logits)."""
        return self._mean_loss(*self._data(X, Y))

    def _mean_loss(self, inputs: Array, targets: Array) -> float:
        losses = np.empty(inputs.shape[0])
        for start, stop, _, ws in self._passes(inputs):
            losses[start:stop] = self._layers.per_sample_loss(ws.z[-1], ws.a[-1], targets[start:stop])
        return float(losses.mean())

    def accuracy(self, X: object, Y: object) -> float | None:
        """Fraction of samples classified right (see :func:`classification_kind`); ``None`` for regression."""
        kind = classification_kind(self._net)
        if kind is None:
            return None
        inputs, targets = self._data(X, Y)
        return float(np.mean(_correct(kind, self.predict(inputs), targets)))

    def gradient(self, X: object, Y: object) -> dict[str, float]:
        """``dE/dparam`` for every parameter by name, where ``E`` is the mean per-sample loss over ``X``."""
        self._check_differentiable()
        inputs, targets = self._data(X, Y)
        n = inputs.shape[0]
        total = [np.zeros_like(p) for p in self._params]
        for start, stop, extended, ws in self._passes(inputs):
            backprop.backward(self._layers, self._params, extended, targets[start:stop], ws, 1.0 / n)
            for summed, part in zip(total, ws.grad, strict=True):
                summed += part
        return self._named(total)

    def fit(
        self,
        X: object,
        Y: object,
        epochs: int,
        batch_size: int,
        learning_rate: object,
        seed: int = 0,
        shuffle: bool = True,
        validation: tuple[object, object] | None = None,
    ) -> History:
        """Train in place by mini-batch gradient descent; see :func:`nnref.numeric.training.fit`."""
        from nnref.numeric.training import fit

        return fit(self, X, Y, epochs, batch_size, learning_rate, seed, shuffle, validation)

    def __repr__(self) -> str:
        return f"MLP({self._net!r})"


def _correct(kind: str, outputs: Array, targets: Array) -> NDArray[np.bool_]:
    if kind == "argmax":
        return outputs.argmax(axis=1) == targets.argmax(axis=1)
    return (outputs[:, 0] > 0.5) == (targets[:, 0] > 0.5)
