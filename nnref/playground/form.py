"""Reading the playground's fields with nnref's own validators, one message per field.

Each field's text goes through the same parser the library and the CLI use
(:func:`nnref.values.parse_exact`, :func:`nnref.cli.parsing.int_list`, :class:`nnref.Network`,
:func:`nnref.derive`), named after the field (``w3``, ``x1``, ``lr``), so the message next to a
field is nnref's own. Nothing is evaluated: a number is a decimal or a fraction, or an error.

>>> request = read_state({"sizes": "1,1", "activation": "identity", "x": ["2"], "target": ["1"],
...                       "weights": ["1/2"], "lr": "0.1"})
>>> request.network.sizes, request.weights, request.chain
((1, 1), ('1/2',), 'w1')
>>> try:
...     read_state({"sizes": "1,1", "x": "2", "target": "1", "weights": "__import__('os')"})
... except FieldErrors as error:
...     print(error.errors["w1"]["en"])
w1 must be a decimal number such as '0.25', '1e-3' or '1/3'; got "__import__('os')"
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nnref.cli.limits import chain_paths
from nnref.cli.parsing import int_list
from nnref.network import Network
from nnref.playground.state import ITEM_PREFIX, MAX_LAYERS, MAX_PARAMETERS, MAX_PATHS, OPTIONS
from nnref.playground.words import both, worded
from nnref.values import parse_exact, parse_positive_finite, parse_vector

__all__ = ["FieldErrors", "Request", "field_of", "items", "network_of", "read_state"]


class FieldErrors(ValueError):
    """Messages by field (``"w3"``, ``"sizes"``, ``"target"``): nnref's, in English as nnref wrote
    them, or the playground's own in both languages (see :func:`nnref.playground.words.localized`)."""

    def __init__(self, errors: Mapping[str, str | dict[str, str]]) -> None:
        super().__init__("; ".join(f"{f}: {t if isinstance(t, str) else t['en']}" for f, t in errors.items()))
        self.errors = dict(errors)


@dataclass(frozen=True)
class Request:
    """A network and one example, every number checked but kept as the reader wrote it."""

    network: Network
    x: tuple[str, ...]
    target: tuple[str, ...]
    weights: tuple[str, ...]
    biases: tuple[str, ...] | None
    lr: str | None
    chain: str


def items(value: object) -> list[str]:
    """A list option as its items: a list of field texts, or the address's comma-separated text."""
    if value is None:
        return []
    if isinstance(value, str):
        return [] if not value.strip() else [item.strip() for item in value.split(",")]
    if isinstance(value, Sequence):
        return [str(item).strip() for item in value]
    raise TypeError(f"a list option must be a string or a list of strings; got {value!r}")


def _text(value: object) -> str:
    return ",".join(items(value)) if isinstance(value, list | tuple) else str(value or "").strip()


_LEADING = re.compile(
    r"^(sizes|activation|loss|bias|x|target|weights|biases|lr|chain)(?:\[(\d+)\])?(?![\w\[])"
)
_ACTIVATION_INDEX = re.compile(r"activation\[(\d+)\]")


def field_of(message: str, default: str) -> str:
    """The field a library message is about: its leading argument (``activation[1]`` is the
    field ``activation2``), a layer it names, or ``default``.

    >>> field_of("activation[1] must be one of identity, ...", "activation")
    'activation2'
    >>> field_of("loss 'bce' needs outputs strictly between 0 and 1", "sizes")
    'loss'
    """
    leading = _LEADING.match(message)
    if leading and leading.group(2) is not None and leading.group(1) == "activation":
        return f"activation{int(leading.group(2)) + 1}"
    if leading:
        return leading.group(1)
    layer = _ACTIVATION_INDEX.search(message)
    if layer:
        return f"activation{int(layer.group(1)) + 1}"
    return default


def network_of(state: Mapping[str, object]) -> Network:
    """The network the fields describe (sizes, activation, loss, bias), within the page's limits."""
    errors: dict[str, str | dict[str, str]] = {}
    network = _network(state, errors)
    if network is None:
        raise FieldErrors(errors)
    return network


def _network(state: Mapping[str, object], errors: dict[str, str | dict[str, str]]) -> Network | None:
    bias_text = _text(state.get("bias", "0")).lower() or "0"
    if bias_text not in ("0", "1", "true", "false"):
        errors["bias"] = both("bias_value", got=repr(bias_text))
        return None
    try:
        sizes = int_list(_text(state.get("sizes")), "sizes")
        names = items(state.get("activation")) or ["sigmoid"]
        network = Network(
            sizes,
            names[0] if len(names) == 1 else tuple(names),
            _text(state.get("loss")) or "sse",
            bias_text in ("1", "true"),
        )
    except (TypeError, ValueError) as error:
        errors[field_of(str(error), "activation")] = worded(error)
        return None
    count = network.n_weights + network.n_biases
    if len(network.sizes) > MAX_LAYERS:
        errors["sizes"] = both("too_many_layers", limit=MAX_LAYERS, count=len(network.sizes))
    elif count > MAX_PARAMETERS:
        errors["sizes"] = both("too_large", limit=MAX_PARAMETERS, count=count)
    elif chain_paths(network.sizes, network.bias) > MAX_PATHS:
        errors["sizes"] = both(
            "too_many_paths", limit=MAX_PATHS, count=chain_paths(network.sizes, network.bias)
        )
    return None if errors else network


def _count_error(option: str, given: list[str], count: int, network: Network) -> dict[str, str] | None:
    """nnref's message for a list of the wrong length (the option's own check)."""
    zeros = ["0"] * network.n_weights, (["0"] * network.n_biases if network.bias else None)
    try:
        if option in ("x", "target"):
            parse_vector(given, count, option)
        elif option == "weights":
            network.resolve_parameters(given, zeros[1])
        else:
            network.resolve_parameters(zeros[0], given)
    except (TypeError, ValueError) as error:
        return worded(error)
    return None


def _numbers(
    option: str, value: object, network: Network, errors: dict[str, str | dict[str, str]]
) -> tuple[str, ...]:
    sizes, prefix = network.sizes, ITEM_PREFIX[option]
    count = {"x": sizes[0], "target": sizes[-1], "weights": network.n_weights, "biases": network.n_biases}[
        option
    ]
    names = [f"{prefix}{i}" for i in range(1, count + 1)]
    given = items(value)
    if len(given) != count:
        errors[option] = _count_error(option, given, count, network) or f"{option}: {len(given)} != {count}"
    for name, text in zip(names, given, strict=False):
        try:
            parse_exact(text, name)
        except (TypeError, ValueError) as error:
            errors[name] = worded(error)
    return tuple(given)


def read_state(state: Mapping[str, object]) -> Request:
    """The :class:`Request` the fields (or the address) describe; :class:`FieldErrors` if any is wrong."""
    errors: dict[str, str | dict[str, str]] = {}
    unknown = sorted(set(state) - set(OPTIONS))
    if unknown:
        errors["query"] = both("unknown_option", names=", ".join(unknown), allowed=", ".join(OPTIONS))
    network = _network(state, errors)
    if network is None:
        raise FieldErrors(errors)
    x = _numbers("x", state.get("x"), network, errors)
    target = _numbers("target", state.get("target"), network, errors)
    weights = _numbers("weights", state.get("weights"), network, errors)
    biases = _numbers("biases", state.get("biases"), network, errors) if network.bias else None
    lr = _text(state.get("lr")) or None
    if lr is not None:
        try:
            parse_positive_finite(lr, "lr")
        except (TypeError, ValueError) as error:
            errors["lr"] = worded(error)
    chain = _text(state.get("chain")) or network.parameters[0]
    if errors:
        raise FieldErrors(errors)
    return Request(network, x, target, weights, biases, lr, chain)
