"""The network spec that both engines read: sizes, activations, loss, bias, parameter names.

Parameter naming follows the wikidocs 07-05 example: weights ``w1..wN`` layer by layer,
inside a layer by destination neuron, then by source neuron (``z1 = w1*x1 + w2*x2``);
biases ``b1..bM`` layer by layer, then by neuron.
"""

from __future__ import annotations

import difflib
import numbers
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from nnref import registry
from nnref.errors import InputError, InputTypeError, Phrase
from nnref.registry import ACTIVATION_NAMES, LOSS_NAMES, OTHER_NAMES, RECURRENT_ACTIVATIONS
from nnref.values import check_ordered

__all__ = [
    "ACTIVATION_NAMES",
    "LOSS_NAMES",
    "OTHER_NAMES",
    "RECURRENT_ACTIVATIONS",
    "LayerNodes",
    "Network",
    "ParameterPlace",
    "check_recurrent_activation",
    "closest_name",
    "unknown_name",
]

_PARAMETER_NAME = re.compile(r"([wb])([1-9][0-9]*)")


class LayerNodes(NamedTuple):
    """The node names of one layer: pre-activations ``z..`` (none at the input) and activations
    (``x..`` at the input, ``h..`` on a hidden layer, ``o..`` at the output)."""

    pre: tuple[str, ...]
    act: tuple[str, ...]


class ParameterPlace(NamedTuple):
    """Where a parameter sits: ``kind`` "w" or "b", weight ``layer``, ``dest`` neuron and (for a
    weight) ``src`` neuron, all 0-based."""

    kind: str
    layer: int
    dest: int
    src: int | None


def closest_name(given: str, allowed: Sequence[str]) -> str:
    """A ``" (did you mean 'x'?)"`` hint for a misspelt name or another library's name, or ``""``.

    >>> closest_name("sigmod", ACTIVATION_NAMES), closest_name("binary_crossentropy", LOSS_NAMES)
    (" (did you mean 'sigmoid'?)", " (did you mean 'bce'?)")
    """
    match = _closest(given, allowed)
    return f" (did you mean {match!r}?)" if match else ""


def name_hint(given: str, allowed: Sequence[str]) -> Phrase | str:
    """:func:`closest_name` as a catalog phrase (worded in the error's language), or ``""``."""
    match = _closest(given, allowed)
    return Phrase("hint_did_you_mean", name=repr(match)) if match else ""


def _closest(given: str, allowed: Sequence[str]) -> str | None:
    key = given.strip().lower()
    alias = OTHER_NAMES.get(key.replace("-", "_").replace(" ", "_"))
    if alias in allowed:
        return alias
    match = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    return match[0] if match else None


def _check_name(value: object, allowed: Sequence[str], argument: str, note: str = "") -> str:
    if not isinstance(value, str):
        raise InputTypeError(
            "error_name_type", argument=argument, allowed=", ".join(allowed), got=repr(value)
        )
    if value not in allowed:
        raise unknown_name(value, allowed, argument, note)
    return value


def unknown_name(value: str, allowed: Sequence[str], argument: str, note: str = "") -> InputError:
    """The error for a name ``argument`` does not know, with a did-you-mean hint when one is close."""
    return InputError(
        "error_name",
        argument=argument,
        allowed=", ".join(allowed),
        note=note,
        got=repr(value),
        hint=name_hint(value, allowed),
    )


def _check_sizes(sizes: object) -> tuple[int, ...]:
    check_ordered(sizes, "sizes")
    if getattr(sizes, "ndim", None) == 1 and type(sizes).__module__ == "numpy":  # a NumPy array
        sizes = cast("Any", sizes).tolist()  # NumPy is not imported here
    if isinstance(sizes, str | bytes) or not isinstance(sizes, Sequence):
        raise InputTypeError("error_sizes_type", argument="sizes", got=repr(sizes))
    if len(sizes) < 2:
        raise InputError("error_sizes_short", argument="sizes", got=repr(tuple(sizes)))
    for index, width in enumerate(sizes):
        if isinstance(width, bool) or not isinstance(width, numbers.Integral):
            raise InputTypeError("error_width", argument=f"sizes[{index}]", got=repr(width))
        if width < 1:
            raise InputError("error_width", argument=f"sizes[{index}]", got=repr(width))
    return tuple(int(width) for width in sizes)


def check_recurrent_activation(activation: object) -> str:
    """``activation`` if it is one of :data:`RECURRENT_ACTIVATIONS`, else a ValueError/TypeError.

    >>> check_recurrent_activation("softmax")
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: activation must be one of identity, sigmoid, tanh, relu ... got 'softmax'
    """
    return _check_name(activation, RECURRENT_ACTIVATIONS, "activation", " (an elementwise function)")


@dataclass(frozen=True)
class Network:
    """A fully connected feed-forward network: what both engines compute with.

    ``activation`` is one name for every non-input layer or one name per layer; the same name
    on every layer is kept as that one name, so both spellings give equal networks.

    >>> net = Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse")
    >>> net.parameters
    ('w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8')
    >>> net.layer_weight_names(0), net.node_names(1), net.node_names(2).act
    ((('w1', 'w2'), ('w3', 'w4')), LayerNodes(pre=('z1', 'z2'), act=('h1', 'h2')), ('o1', 'o2'))
    >>> net == Network((2, 2, 2), ("sigmoid", "sigmoid"))
    True
    >>> Network((2, 3, 1), activation=("tanh", "sigmoid"), loss="bce", bias=True).parameters[-4:]
    ('b1', 'b2', 'b3', 'b4')
    >>> Network((2, 2), activation="softmax", loss="sse ")
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: loss must be one of sse, mse, bce, cce; got 'sse ' (did you mean 'sse'?)
    """

    sizes: tuple[int, ...]
    activation: str | tuple[str, ...] = "sigmoid"
    loss: str = "sse"
    bias: bool = False
    activations: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sizes = _check_sizes(self.sizes)
        object.__setattr__(self, "sizes", sizes)
        n_layers = len(sizes) - 1
        if isinstance(self.activation, str):
            names = (_check_name(self.activation, ACTIVATION_NAMES, "activation"),) * n_layers
        elif isinstance(self.activation, Sequence):
            if len(self.activation) != n_layers:
                raise InputError(
                    "error_activation_count",
                    argument="activation",
                    count=n_layers,
                    sizes=sizes,
                    given=len(self.activation),
                    got=repr(tuple(self.activation)),
                )
            names = tuple(
                _check_name(name, ACTIVATION_NAMES, f"activation[{index}]")
                for index, name in enumerate(self.activation)
            )
        else:
            raise InputTypeError("error_activation_type", argument="activation", got=repr(self.activation))
        object.__setattr__(self, "activation", names[0] if len(set(names)) == 1 else names)
        object.__setattr__(self, "activations", names)
        _check_name(self.loss, LOSS_NAMES, "loss")
        if not isinstance(self.bias, bool):
            raise InputTypeError("error_bias_type", got=repr(self.bias))
        registry.check_pairing(names, sizes, self.loss)

    # -- what the registry allows ------------------------------------------------------------

    @staticmethod
    def output_pairings(differentiable: bool = True) -> tuple[tuple[str, str], ...]:
        """Every valid ``(output activation, loss)`` pair (see :func:`nnref.registry.pairings`).

        Args:
            differentiable: only the pairs backpropagation can train (no step output).

        Returns:
            ``(activation, loss)`` pairs in the registry's order.
        """
        return registry.pairings(differentiable)

    @staticmethod
    def hidden_activations(differentiable: bool = True) -> tuple[str, ...]:
        """The activations a hidden layer may use (see :func:`nnref.registry.hidden_activations`).

        Args:
            differentiable: only the activations backpropagation can train (no step).

        Returns:
            Activation names in the registry's order.
        """
        return registry.hidden_activations(differentiable)

    @property
    def differentiable(self) -> bool:
        """Whether every layer has a usable derivative (False for step perceptrons)."""
        return all(registry.ACTIVATIONS[name].differentiable for name in self.activations)

    def check_differentiable(self) -> None:
        """The refusal before any gradient (:func:`nnref.registry.check_differentiable`)."""
        registry.check_differentiable(self.activations)

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

    def _weight_offset(self, layer: int) -> int:
        return sum(a * b for a, b in zip(self.sizes[:layer], self.sizes[1 : layer + 1], strict=False))

    def layer_weight_names(self, layer: int) -> tuple[tuple[str, ...], ...]:
        """Weight names of weight layer ``layer`` (0-based) as ``[destination][source]``.

        Args:
            layer: the weight layer, 0-based (0 feeds the first hidden layer).

        Returns:
            One tuple of names per destination neuron, one name per source neuron.

        Raises:
            nnref.errors.InputError: ``layer`` is not a weight layer of this network.
        """
        self._check_layer(layer)
        offset, fan_in, fan_out = self._weight_offset(layer), self.sizes[layer], self.sizes[layer + 1]
        return tuple(
            tuple(f"w{offset + dest * fan_in + src + 1}" for src in range(fan_in)) for dest in range(fan_out)
        )

    def layer_bias_names(self, layer: int) -> tuple[str, ...]:
        """Bias names of weight layer ``layer`` (0-based); empty without bias.

        Args:
            layer: the weight layer, 0-based.

        Returns:
            One name per destination neuron (``()`` when the network has no bias).

        Raises:
            nnref.errors.InputError: ``layer`` is not a weight layer of this network.
        """
        self._check_layer(layer)
        if not self.bias:
            return ()
        offset = sum(self.sizes[1 : layer + 1])
        return tuple(f"b{offset + j + 1}" for j in range(self.sizes[layer + 1]))

    def locate(self, name: object) -> ParameterPlace | None:
        """Where the parameter ``name`` sits (the inverse of the naming above), or None.

        Computed from the name, not looked up in a table of every name (a wide network could
        not afford one).

        Args:
            name: a parameter name such as ``"w6"`` or ``"b2"`` (anything else gives None).

        Returns:
            The parameter's place (layer, destination, source), or None when this network has no such
            parameter.

        >>> Network((2, 2, 2), bias=True).locate("w6")
        ParameterPlace(kind='w', layer=1, dest=0, src=1)
        >>> Network((2, 2, 2), bias=True).locate("b3")
        ParameterPlace(kind='b', layer=1, dest=0, src=None)
        """
        match = _PARAMETER_NAME.fullmatch(name) if isinstance(name, str) else None
        if match is None or (match.group(1) == "b" and not self.bias):
            return None
        index = int(match.group(2)) - 1
        for layer in range(self.n_layers):
            fan_in, fan_out = self.sizes[layer], self.sizes[layer + 1]
            count = fan_in * fan_out if match.group(1) == "w" else fan_out
            if index < count:
                if match.group(1) == "b":
                    return ParameterPlace("b", layer, index, None)
                dest, src = divmod(index, fan_in)
                return ParameterPlace("w", layer, dest, src)
            index -= count
        return None

    def node_names(self, layer: int) -> LayerNodes:
        """The node names of layer ``layer`` (0 = input, 1.. = the weight layers' outputs).

        Pre-activations ``z`` are numbered across all layers, hidden activations ``h`` across the
        hidden layers, outputs ``o`` and inputs ``x`` from 1 (the wikidocs 07-05 naming).

        Args:
            layer: 0 for the inputs, 1 ... for the output of each weight layer.

        Returns:
            The layer's node names (``z``, ``h`` or ``o``, ``x``).

        Raises:
            nnref.errors.InputError: ``layer`` is not a layer of this network.

        >>> Network((2, 3, 2, 1)).node_names(2)
        LayerNodes(pre=('z4', 'z5'), act=('h4', 'h5'))
        """
        if isinstance(layer, bool) or not isinstance(layer, int) or not 0 <= layer <= self.n_layers:
            raise InputError("error_layer", last=self.n_layers, got=repr(layer))
        width = self.sizes[layer]
        if layer == 0:
            return LayerNodes((), tuple(f"x{i}" for i in range(1, width + 1)))
        offset = sum(self.sizes[1:layer])
        pre = tuple(f"z{offset + j}" for j in range(1, width + 1))
        if layer == self.n_layers:
            return LayerNodes(pre, tuple(f"o{j}" for j in range(1, width + 1)))
        return LayerNodes(pre, tuple(f"h{offset + j}" for j in range(1, width + 1)))

    @property
    def target_names(self) -> tuple[str, ...]:
        """``t1..tK``: the target of each output."""
        return tuple(f"t{k}" for k in range(1, self.sizes[-1] + 1))

    def _check_layer(self, layer: int) -> None:
        if isinstance(layer, bool) or not isinstance(layer, int) or not 0 <= layer < self.n_layers:
            raise InputError("error_layer", last=self.n_layers - 1, got=repr(layer))

    # -- parameter values --------------------------------------------------------------------

    def resolve_parameters(self, weights: Any, biases: Any = None) -> dict[str, Any]:
        """Map every parameter name to the value given for it (values are not converted).

        ``weights`` (and ``biases`` when ``bias=True``) are sequences in naming order or
        mappings name -> value; the result is ordered like :attr:`parameters`.

        Args:
            weights: the weights, a sequence in naming order or a mapping name -> value.
            biases: the biases likewise (None, or empty, for a network without bias).

        Returns:
            Every parameter name -> its value, in the order of :attr:`parameters`.

        Raises:
            nnref.errors.InputError: a value is missing, extra or given twice (the message names it).

        >>> Network((1, 1), "identity", bias=True).resolve_parameters([3], {"b1": "0.5"})
        {'w1': 3, 'b1': '0.5'}
        """
        values = self._resolve("weights", weights, self.weight_names)
        if self.bias:
            if biases is None:
                raise InputError(
                    "error_biases_required",
                    count=self.n_biases,
                    first=self.bias_names[0],
                    last=self.bias_names[-1],
                )
            values.update(self._resolve("biases", biases, self.bias_names))
        elif biases is not None and not _is_empty(biases):
            shown = f"{len(biases)} values" if hasattr(biases, "__len__") else repr(biases)
            raise InputError("error_biases_unexpected", got=shown)
        return values

    def split_parameters(self, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """``(weights, biases)`` mappings from one mapping of every parameter (biases empty
        without bias): the two arguments ``derive`` and ``MLP.from_network`` take.

        Args:
            values: one value for every parameter name of this network.

        Returns:
            ``(weights, biases)``, the two mappings :func:`nnref.derive` and :meth:`MLP.from_network`
            take.

        >>> Network((1, 1), "identity", bias=True).split_parameters({"w1": 3, "b1": 1})
        ({'w1': 3}, {'b1': 1})
        """
        ordered = self._resolve("parameters", values, self.parameters)
        return {n: ordered[n] for n in self.weight_names}, {n: ordered[n] for n in self.bias_names}

    @staticmethod
    def _resolve(argument: str, given: Any, names: tuple[str, ...]) -> dict[str, Any]:
        check_ordered(given, argument)
        if isinstance(given, Mapping):
            missing = [n for n in names if n not in given]
            unknown = [k for k in given if k not in names]
            if missing or unknown:
                raise InputError(
                    "error_parameter_keys",
                    argument=argument,
                    first=names[0],
                    last=names[-1],
                    count=len(names),
                    missing=missing or "none",
                    unknown=unknown or "none",
                )
            return {n: given[n] for n in names}
        if isinstance(given, str | bytes) or not hasattr(given, "__len__") or not hasattr(given, "__iter__"):
            raise InputTypeError("error_parameter_type", argument=argument, count=len(names), got=repr(given))
        flat = list(given)
        if len(flat) != len(names):
            raise InputError(
                "error_parameter_count",
                argument=argument,
                count=len(names),
                first=names[0],
                last=names[-1],
                given=len(flat),
            )
        return dict(zip(names, flat, strict=True))


def _is_empty(values: object) -> bool:
    return not isinstance(values, str | bytes) and hasattr(values, "__len__") and len(values) == 0
