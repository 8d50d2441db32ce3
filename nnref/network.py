"""The network spec that both engines read: sizes, activations, loss, bias, parameter names.

Parameter naming follows the wikidocs 07-05 example: weights ``w1..wN`` layer by layer,
inside a layer by destination neuron, then by source neuron (``z1 = w1*x1 + w2*x2``);
biases ``b1..bM`` layer by layer, then by neuron.
"""

from __future__ import annotations

import difflib
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from nnref.values import check_ordered

__all__ = [
    "ACTIVATION_NAMES",
    "LOSS_NAMES",
    "OTHER_NAMES",
    "RECURRENT_ACTIVATIONS",
    "Network",
    "check_recurrent_activation",
    "closest_name",
]

ACTIVATION_NAMES: tuple[str, ...] = ("identity", "step", "sigmoid", "tanh", "relu", "softmax")
LOSS_NAMES: tuple[str, ...] = ("sse", "mse", "bce", "cce")
# The elementwise activations a recurrent layer h_t = f(W x_t + U h_(t-1) + b) may use (both engines).
RECURRENT_ACTIVATIONS: tuple[str, ...] = ("tanh", "sigmoid", "relu", "identity")


# Names other libraries use for ours: offered as a suggestion, never accepted in their place.
OTHER_NAMES: dict[str, str] = {
    "linear": "identity",
    "none": "identity",
    "logistic": "sigmoid",
    "heaviside": "step",
    "cross_entropy": "cce",
    "crossentropy": "cce",
    "categorical_crossentropy": "cce",
    "binary_crossentropy": "bce",
    "log_loss": "bce",
    "mean_squared_error": "mse",
    "squared_error": "sse",
}


def closest_name(given: str, allowed: Sequence[str]) -> str:
    """A ``" (did you mean 'x'?)"`` hint for a misspelt name or another library's name, or ``""``.

    >>> closest_name("sigmod", ACTIVATION_NAMES), closest_name("binary_crossentropy", LOSS_NAMES)
    (" (did you mean 'sigmoid'?)", " (did you mean 'bce'?)")
    """
    key = given.strip().lower()
    alias = OTHER_NAMES.get(key.replace("-", "_").replace(" ", "_"))
    if alias in allowed:
        return f" (did you mean {alias!r}?)"
    match = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _check_name(value: object, allowed: Sequence[str], argument: str, note: str = "") -> str:
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be a string, one of {', '.join(allowed)}; got {value!r}")
    if value not in allowed:
        raise ValueError(
            f"{argument} must be one of {', '.join(allowed)}{note}; got {value!r}"
            + closest_name(value, allowed)
        )
    return value


def _check_sizes(sizes: object) -> tuple[int, ...]:
    check_ordered(sizes, "sizes")
    if getattr(sizes, "ndim", None) == 1 and type(sizes).__module__ == "numpy":  # a NumPy array
        sizes = sizes.tolist()
    if isinstance(sizes, str | bytes) or not isinstance(sizes, Sequence):
        raise TypeError(f"sizes must be a sequence of layer widths such as (2, 2, 2); got {sizes!r}")
    if len(sizes) < 2:
        raise ValueError(
            f"sizes needs at least 2 layers (input and output), such as (2, 2, 2); got {tuple(sizes)!r}"
        )
    for index, width in enumerate(sizes):
        if isinstance(width, bool) or not isinstance(width, numbers.Integral):
            raise TypeError(f"sizes[{index}] must be an integer >= 1; got {width!r}")
        if width < 1:
            raise ValueError(f"sizes[{index}] must be an integer >= 1; got {width!r}")
    return tuple(int(width) for width in sizes)


def check_recurrent_activation(activation: object) -> str:
    """``activation`` if it is one of :data:`RECURRENT_ACTIVATIONS`, else a ValueError/TypeError.

    >>> check_recurrent_activation("softmax")
    Traceback (most recent call last):
    ...
    ValueError: activation must be one of tanh, sigmoid, relu, identity (an elementwise function); \
got 'softmax'
    """
    return _check_name(activation, RECURRENT_ACTIVATIONS, "activation", " (an elementwise function)")


@dataclass(frozen=True)
class Network:
    """A fully connected feed-forward network: what both engines compute with.

    ``activation`` is one name for every non-input layer or one name per layer.

    >>> net = Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse")
    >>> net.parameters
    ('w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8')
    >>> net.layer_weight_names(0)
    (('w1', 'w2'), ('w3', 'w4'))
    >>> Network((2, 3, 1), activation=("tanh", "sigmoid"), loss="bce", bias=True).parameters[-4:]
    ('b1', 'b2', 'b3', 'b4')
    >>> Network((2, 2), activation="softmax", loss="sse ")
    Traceback (most recent call last):
    ...
    ValueError: loss must be one of sse, mse, bce, cce; got 'sse ' (did you mean 'sse'?)
    """

    sizes: tuple[int, ...]
    activation: str | tuple[str, ...] = "sigmoid"
    loss: str = "sse"
    bias: bool = False
    activations: tuple[str, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        sizes = _check_sizes(self.sizes)
        object.__setattr__(self, "sizes", sizes)
        n_layers = len(sizes) - 1
        if isinstance(self.activation, str):
            names = (_check_name(self.activation, ACTIVATION_NAMES, "activation"),) * n_layers
        elif isinstance(self.activation, Sequence):
            if len(self.activation) != n_layers:
                raise ValueError(
                    f"activation needs one name per non-input layer ({n_layers} for sizes "
                    f"{sizes}) or a single name; got {len(self.activation)}: {tuple(self.activation)!r}"
                )
            names = tuple(
                _check_name(name, ACTIVATION_NAMES, f"activation[{index}]")
                for index, name in enumerate(self.activation)
            )
            object.__setattr__(self, "activation", names)
        else:
            raise TypeError(f"activation must be a name or a sequence of names; got {self.activation!r}")
        object.__setattr__(self, "activations", names)
        _check_name(self.loss, LOSS_NAMES, "loss")
        if not isinstance(self.bias, bool):
            raise TypeError(f"bias must be True or False; got {self.bias!r}")
        self._check_pairing()

    def _check_pairing(self) -> None:
        for index, name in enumerate(self.activations[:-1]):
            if name == "softmax":
                raise ValueError(
                    f"activation[{index}] is 'softmax', which is allowed only on the output layer; "
                    "use sigmoid, tanh, relu or identity for hidden layers"
                )
        output, width = self.activations[-1], self.sizes[-1]
        if output == "softmax" and width < 2:
            raise ValueError(f"softmax on the output layer needs at least 2 outputs; got sizes {self.sizes}")
        if self.loss == "cce" and output != "softmax":
            raise ValueError(
                "loss 'cce' needs a softmax output layer (outputs that sum to 1); "
                f"got output activation {output!r}"
            )
        if self.loss == "bce" and output != "sigmoid":
            raise ValueError(
                "loss 'bce' needs outputs strictly between 0 and 1: use a sigmoid output layer; "
                f"got output activation {output!r}"
            )

    # -- shape and naming ------------------------------------------------------------------

    @property
    def n_layers(self) -> int:
        """Number of weight layers (non-input layers)."""
        return len(self.sizes) - 1

    @property
    def n_weights(self) -> int:
        return sum(a * b for a, b in zip(self.sizes, self.sizes[1:], strict=False))

    @property
    def n_biases(self) -> int:
        return sum(self.sizes[1:]) if self.bias else 0

    @property
    def weight_names(self) -> tuple[str, ...]:
        return tuple(f"w{i}" for i in range(1, self.n_weights + 1))

    @property
    def bias_names(self) -> tuple[str, ...]:
        return tuple(f"b{i}" for i in range(1, self.n_biases + 1))

    @property
    def parameters(self) -> tuple[str, ...]:
        """All parameter names: weights, then biases."""
        return self.weight_names + self.bias_names

    def layer_weight_names(self, layer: int) -> tuple[tuple[str, ...], ...]:
        """Weight names of weight layer ``layer`` (0-based) as ``[destination][source]``."""
        self._check_layer(layer)
        offset = sum(a * b for a, b in zip(self.sizes[:layer], self.sizes[1 : layer + 1], strict=False))
        fan_in, fan_out = self.sizes[layer], self.sizes[layer + 1]
        return tuple(
            tuple(f"w{offset + dest * fan_in + src + 1}" for src in range(fan_in)) for dest in range(fan_out)
        )

    def layer_bias_names(self, layer: int) -> tuple[str, ...]:
        """Bias names of weight layer ``layer`` (0-based); empty without bias."""
        self._check_layer(layer)
        if not self.bias:
            return ()
        offset = sum(self.sizes[1 : layer + 1])
        return tuple(f"b{offset + j + 1}" for j in range(self.sizes[layer + 1]))

    def _check_layer(self, layer: int) -> None:
        if isinstance(layer, bool) or not isinstance(layer, int) or not 0 <= layer < self.n_layers:
            raise ValueError(f"layer must be an integer from 0 to {self.n_layers - 1}; got {layer!r}")

    # -- parameter values --------------------------------------------------------------------

    def resolve_parameters(self, weights: Any, biases: Any = None) -> dict[str, Any]:
        """Map every parameter name to the value given for it (values are not converted).

        ``weights`` (and ``biases`` when ``bias=True``) are sequences in naming order or
        mappings name -> value; the result is ordered like :attr:`parameters`.

        >>> Network((1, 1), "identity", bias=True).resolve_parameters([3], {"b1": "0.5"})
        {'w1': 3, 'b1': '0.5'}
        """
        values = self._resolve("weights", weights, self.weight_names)
        if self.bias:
            if biases is None:
                raise ValueError(
                    f"biases is required when bias=True: {self.n_biases} values "
                    f"({self.bias_names[0]}..{self.bias_names[-1]}); got None"
                )
            values.update(self._resolve("biases", biases, self.bias_names))
        elif biases is not None and not _is_empty(biases):
            shown = f"{len(biases)} values" if hasattr(biases, "__len__") else repr(biases)
            raise ValueError(
                "biases must be None or empty when bias=False (the network has no bias parameters); "
                f"got {shown}"
            )
        return values

    @staticmethod
    def _resolve(argument: str, given: Any, names: tuple[str, ...]) -> dict[str, Any]:
        check_ordered(given, argument)
        if isinstance(given, Mapping):
            missing = [n for n in names if n not in given]
            unknown = [k for k in given if k not in names]
            if missing or unknown:
                raise ValueError(
                    f"{argument} must have exactly the keys {names[0]}..{names[-1]} ({len(names)} values); "
                    f"missing {missing or 'none'}, unknown {unknown or 'none'}"
                )
            return {n: given[n] for n in names}
        if isinstance(given, str | bytes) or not hasattr(given, "__len__") or not hasattr(given, "__iter__"):
            raise TypeError(
                f"{argument} must be a sequence of {len(names)} values or a mapping name -> value; "
                f"got {given!r}"
            )
        flat = list(given)
        if len(flat) != len(names):
            raise ValueError(
                f"{argument} must have {len(names)} values ({names[0]}..{names[-1]}); got {len(flat)}"
            )
        return dict(zip(names, flat, strict=True))


def _is_empty(values: object) -> bool:
    return not isinstance(values, str | bytes) and hasattr(values, "__len__") and len(values) == 0
