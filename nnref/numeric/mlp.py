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

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref.errors import InputError, InputTypeError
from nnref.network import Network, name_hint
from nnref.numeric import backprop, training
from nnref.numeric.checks import check_seed
from nnref.numeric.classify import classification_kind, labels
from nnref.numeric.memory import FLOAT, check_memory, parameter_bytes
from nnref.numeric.model import Model
from nnref.numeric.training import History
from nnref.values import ExactInput, ParameterValues, parse_float

__all__ = ["MLP", "ForwardPass", "classification_kind"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class ForwardPass:
    """Pre-activations ``z[l]`` and activations ``a[l]`` of every non-input layer, each ``(n, width)``."""

    z: tuple[Array, ...]
    a: tuple[Array, ...]


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

    Args:
        net: the network (sizes, activations, loss, bias).
        seed: the seed of the initial weights.
    """

    def __init__(self, net: Network, seed: int = 0) -> None:
        if not isinstance(net, Network):
            raise InputTypeError("error_net_type", argument="net", got=type(net).__name__)
        seed = check_seed(seed)
        extra = int(net.bias)
        largest = max(a * b for a, b in zip(net.sizes, net.sizes[1:], strict=False))
        check_memory(
            parameter_bytes(net.sizes, net.bias) + FLOAT * largest,  # + the largest layer's random draw
            f"an MLP of sizes {net.sizes} ({net.n_weights + net.n_biases:,} parameters)",
        )
        self._net = net
        rng = np.random.default_rng(seed)
        # One array per layer holds W (first fan_in rows) and b (last row): see backprop.
        params: list[Array] = []
        for fan_in, fan_out, activation in zip(net.sizes, net.sizes[1:], net.activations, strict=False):
            limit = _initial_scale(activation, fan_in, fan_out)
            block = np.zeros((fan_in + extra, fan_out))
            block[:fan_in] = rng.uniform(-limit, limit, size=(fan_in, fan_out))
            params.append(block)
        self._model = Model(net, params)
        self._w: list[Array] = [p[:m] for p, m in zip(params, net.sizes, strict=False)]
        self._b: list[Array] = [p[m] for p, m in zip(params, net.sizes, strict=False)] if extra else []

    @classmethod
    def from_network(
        cls, net: Network, weights: ParameterValues, biases: ParameterValues | None = None
    ) -> MLP:
        """An MLP with the given parameter values (sequence in naming order, or mapping name -> value).

        Values are parsed exactly (``"0.1"``, ``Fraction(1, 10)``, ``1``, NumPy numbers) then
        rounded to float64; a value beyond float64's range is refused.

        Args:
            net: the network.
            weights: the weights, a sequence in naming order or a mapping name -> value.
            biases: the biases likewise; None for a network without bias.

        Returns:
            A new MLP with those values.
        """
        values = net.resolve_parameters(weights, biases)  # counts and names checked before allocating
        mlp = cls(net)
        for name, value in values.items():
            mlp.set_parameter(name, value)
        return mlp

    # -- parameters ------------------------------------------------------------------------

    def _position(self, name: object) -> tuple[Array, tuple[int, ...]] | None:
        place = self._net.locate(name)  # W[src, dest] is the weight named layer_weight_names[dest][src]
        if place is None:
            return None
        if place.src is not None:  # a weight (a bias has no source neuron)
            return self._w[place.layer], (place.src, place.dest)
        return self._b[place.layer], (place.dest,)

    def _locate(self, name: object) -> tuple[Array, tuple[int, ...]]:
        found = self._position(name)
        if found is None:
            names = self._net.parameters if self._net.n_weights + self._net.n_biases <= 10_000 else ()
            hint = name_hint(name, names) if isinstance(name, str) and names else ""
            first, last = "w1", f"b{self._net.n_biases}" if self._net.bias else f"w{self._net.n_weights}"
            raise InputError("error_not_a_parameter", argument="name", first=first, last=last, got=repr(name),
                             hint=hint)
        return found

    @property
    def network(self) -> Network:
        return self._net

    @property
    def model(self) -> Model:
        """The parameter blocks and buffers the trainer and the kernels work on."""
        return self._model

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
        return self._named(self._model.params)

    def get_parameter(self, name: str) -> float:
        """One parameter's value (``"w5"``, ``"b2"``).

        Args:
            name: a parameter name (``"w5"``, ``"b2"``).

        Returns:
            Its float64 value.
        """
        array, position = self._locate(name)
        return float(array[position])

    def set_parameter(self, name: str, value: object) -> None:
        """Set one parameter (``"w5"``, ``"b2"``) to ``value``, parsed exactly then rounded to float64.

        ``value`` is anything :func:`~nnref.values.parse_exact` reads (``0.1``, ``"0.1"``,
        ``Fraction(1, 10)``, a NumPy number), within float64's range, or an exact value of a trace
        (``tr.updated["w5"]``), rounded to the nearest float64.

        Args:
            name: a parameter name (``"w5"``, ``"b2"``).
            value: the new value (any exact number nnref reads).
        """
        array, position = self._locate(name)
        array[position] = parse_float(value, name)

    def _named(self, blocks: list[Array]) -> dict[str, float]:
        # Names from the spec, one destination neuron (a column of W) at a time.
        net, found = self._net, dict[str, float]()
        for layer, (block, fan_in) in enumerate(zip(blocks, net.sizes, strict=False)):
            for dest, row in enumerate(net.layer_weight_names(layer)):
                found.update(zip(row, block[:fan_in, dest].tolist(), strict=True))
            biases = block[fan_in].tolist() if net.bias else ()
            found.update(zip(net.layer_bias_names(layer), biases, strict=True))
        return {name: found[name] for name in net.parameters}

    # -- computing ---------------------------------------------------------------------------

    def forward(self, X: ArrayLike) -> ForwardPass:
        """All pre-activations and activations for ``X`` (``(n, n_inputs)``, or one sample 1-D).

        Args:
            X: inputs, shape ``(n, n_inputs)``, or one sample 1-D.

        Returns:
            Every layer's pre-activations ``z`` and activations ``a``.
        """
        inputs = self._model.inputs(X)
        n, widths = inputs.shape[0], self._net.sizes[1:]
        check_memory(2 * FLOAT * n * sum(widths), f"the forward pass of {n:,} samples")
        z, a = [np.empty((n, w)) for w in widths], [np.empty((n, w)) for w in widths]
        for start, stop, _, ws in self._model.passes(inputs):
            for layer in range(len(widths)):
                z[layer][start:stop], a[layer][start:stop] = ws.z[layer], ws.a[layer]
        return ForwardPass(z=tuple(z), a=tuple(a))

    def predict(self, X: ArrayLike) -> Array:
        """Output-layer activations, shape ``(n_samples, n_outputs)``.

        Args:
            X: inputs, shape ``(n_samples, n_inputs)``, or one sample 1-D.

        Returns:
            The outputs, shape ``(n_samples, n_outputs)``.
        """
        return self._model.predict(self._model.inputs(X))

    def loss(self, X: ArrayLike, Y: ArrayLike) -> float:
        """Mean over the samples of the per-sample loss (bce and cce computed from logits).

        Args:
            X: inputs, shape ``(n_samples, n_inputs)``.
            Y: targets, shape ``(n_samples, n_outputs)``.

        Returns:
            The mean loss.
        """
        return self._model.mean_loss(*self._model.data(X, Y))

    def accuracy(self, X: ArrayLike, Y: ArrayLike) -> float | None:
        """Fraction of samples classified right (see :func:`classification_kind`); ``None`` for regression.

        Args:
            X: inputs, shape ``(n_samples, n_inputs)``.
            Y: targets, shape ``(n_samples, n_outputs)``.

        Returns:
            The fraction right, or None for regression.
        """
        kind = classification_kind(self._net)
        if kind is None:
            return None
        inputs, targets = self._model.data(X, Y)
        return float(np.mean(labels(kind, self._model.predict(inputs)) == labels(kind, targets)))

    def gradient(self, X: ArrayLike, Y: ArrayLike) -> dict[str, float]:
        """``dE/dparam`` for every parameter by name, where ``E`` is the mean per-sample loss over ``X``.

        Args:
            X: inputs, shape ``(n_samples, n_inputs)``.
            Y: targets, shape ``(n_samples, n_outputs)``.

        Returns:
            Parameter name -> dE/dparam.
        """
        self._net.check_differentiable()
        model = self._model
        inputs, targets = model.data(X, Y)
        n = inputs.shape[0]
        total = [np.zeros_like(p) for p in model.params]
        for start, stop, extended, ws in model.passes(inputs):
            backprop.backward(model.layers, model.params, extended, targets[start:stop], ws, 1.0 / n)
            for summed, part in zip(total, ws.grad, strict=True):
                summed += part
        return self._named(total)

    def fit(
        self,
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
        """Train in place by mini-batch gradient descent; see :func:`nnref.numeric.training.fit`.

        Args:
            X: inputs, shape ``(n_samples, n_inputs)``.
            Y: targets, shape ``(n_samples, n_outputs)``.
            epochs: passes over the data.
            batch_size: samples per update.
            learning_rate: the step size, a finite number > 0.
            seed: the shuffling's random seed.
            shuffle: draw a new order each epoch.
            validation: ``(X_val, Y_val)`` evaluated after each epoch, or None.
            on_epoch: called as ``on_epoch(epoch, history)`` after each epoch, or None.

        Returns:
            The :class:`~nnref.numeric.training.History` of the run.
        """
        return training.fit(
            self, X, Y, epochs, batch_size, learning_rate, seed, shuffle, validation, on_epoch
        )

    def __repr__(self) -> str:
        return f"MLP({self._net!r})"
