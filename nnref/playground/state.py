"""The playground's state: what its address holds, with the ``nnref derive`` option names.

``?sizes=2,3,2&activation=tanh,sigmoid&loss=bce&bias=1&x=...&target=...&weights=...&biases=...&lr=0.1``:
lists are comma-separated, numbers are kept as written (parsed exactly later, never evaluated).
``chain`` (not a CLI option) names the parameter whose chain rule the page shows.

>>> from nnref.examples import WIKIDOCS_07_05
>>> example_query(WIKIDOCS_07_05)
'sizes=2,2,2&activation=sigmoid&loss=sse&bias=0&x=0.1,0.2&target=0.4,0.6&weights=0.3,0.25,0.4,0.35,0.45,0.4,0.7,0.6&lr=0.5'
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

from nnref.cli.limits import DERIVE_MAX_LAYERS, DERIVE_MAX_PATHS

if TYPE_CHECKING:
    from nnref.examples import Example
    from nnref.network import Network

__all__ = [
    "ITEM_PREFIX",
    "MAX_LAYERS",
    "MAX_PARAMETERS",
    "MAX_PATHS",
    "OPTIONS",
    "example_query",
    "problem_query",
    "query",
    "random_state",
    "state_of",
]

OPTIONS: tuple[str, ...] = (
    "sizes",
    "activation",
    "loss",
    "bias",
    "x",
    "target",
    "weights",
    "biases",
    "lr",
    "chain",
)
# The list options whose items get a field each, and the trace's names of those items (x1, t1, w1, b1).
ITEM_PREFIX: dict[str, str] = {"x": "x", "target": "t", "weights": "w", "biases": "b"}

# A derivation the page can show and a phone can compute in a second or two; the CLI's layer and
# chain-rule-path limits apply too (nnref.cli.limits).
MAX_PARAMETERS = 60
MAX_LAYERS = DERIVE_MAX_LAYERS
MAX_PATHS = DERIVE_MAX_PATHS


def _joined(values: Sequence[object]) -> str:
    return ",".join(str(value) for value in values)


def state_of(
    network: Network,
    x: Sequence[object],
    target: Sequence[object],
    weights: Sequence[object],
    biases: Sequence[object] | None = None,
    lr: object | None = None,
    chain: str | None = None,
) -> dict[str, str]:
    """The state (option -> text) of a network and its values, in :data:`OPTIONS` order."""
    activations = network.activations
    state = {
        "sizes": _joined(network.sizes),
        "activation": activations[0] if len(set(activations)) == 1 else _joined(activations),
        "loss": network.loss,
        "bias": "1" if network.bias else "0",
        "x": _joined(x),
        "target": _joined(target),
        "weights": _joined(weights),
    }
    if network.bias:
        state["biases"] = _joined(biases or ())
    if lr is not None:
        state["lr"] = str(lr)
    if chain is not None:
        state["chain"] = chain
    return state


def query(state: Mapping[str, str]) -> str:
    """The query string of ``state`` (without ``?``); commas and slashes stay readable."""
    return "&".join(f"{name}={quote(str(state[name]), safe=',/')}" for name in OPTIONS if name in state)


def example_query(example: Example, chain: str | None = None) -> str:
    """The query string that opens the playground on one of :mod:`nnref.examples`."""
    if example.x is None or example.target is None:
        raise ValueError(f"example {example.name!r} is a logic gate: the playground derives gradients")
    return query(
        state_of(
            example.network,
            example.x,
            example.target,
            example.weights,
            example.biases if example.network.bias else None,
            example.learning_rate,
            chain,
        )
    )


def problem_query(problem: Example, chain: str | None = None) -> str:
    """The query string of what ``nnref derive`` options describe (see :mod:`nnref.cli.problem`)."""
    return query(
        state_of(
            problem.network,
            problem.x or (),
            problem.target or (),
            problem.weights,
            problem.biases,
            problem.learning_rate,
            chain,
        )
    )


def random_state(network: Network, seed: int, lr: str | None = "0.5") -> dict[str, str]:
    """Random short decimals for every input, target and parameter of ``network`` (seeded).

    Targets suit the loss: in [0, 1] for bce, one-hot for cce (a probability distribution).

    >>> from nnref.network import Network
    >>> random_state(Network((2, 2), "softmax", "cce"), seed=1)["target"]
    '1,0'
    """
    rng = random.Random(seed)

    def numbers(count: int, low: float, high: float) -> list[str]:
        return [f"{rng.uniform(low, high):.2f}".replace("-0.00", "0.00") for _ in range(count)]

    outputs = network.sizes[-1]
    if network.loss == "cce":
        hot = rng.randrange(outputs)
        target = ["1" if k == hot else "0" for k in range(outputs)]
    else:
        target = numbers(outputs, 0, 1)
    return state_of(
        network,
        numbers(network.sizes[0], -1, 1),
        target,
        numbers(network.n_weights, -1, 1),
        numbers(network.n_biases, -0.5, 0.5) if network.bias else None,
        lr,
    )
