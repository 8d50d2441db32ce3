"""What ``nnref derive`` works on: a built-in example or a network given with options, both an
:class:`~nnref.examples.Example`.

>>> problem = problem_from_options(example="wikidocs-07-05")
>>> problem.network.sizes, problem.learning_rate, problem.is_gate
((2, 2, 2), '0.5', False)
>>> problem_from_options(example="xor").is_gate
True
>>> problem_from_options(example="wikidoc")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
nnref.errors.InputError: --example must be one of wikidocs-07-05, ...; got 'wikidoc' (did you mean ...
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from nnref.cli.limits import DERIVE_MAX_TRUTH_TABLE_INPUTS
from nnref.cli.parsing import int_list, name_list, number_list, option_names
from nnref.errors import InputError
from nnref.examples import EXAMPLES, Example, Samples
from nnref.network import Network, unknown_name
from nnref.values import ExactLimitError, parse_positive_finite

if TYPE_CHECKING:
    from nnref.symbolic import Trace

__all__ = ["derive", "problem_from_args", "problem_from_options"]


def derive(problem: Example) -> Trace:
    """``problem.derive()``, a library error naming the CLI option (``--x``) instead of the argument."""
    with option_names():
        return problem.derive()


def _checked_rate(lr: str | None) -> str | None:
    if lr is None:
        return None
    try:
        parse_positive_finite(lr, "--lr")
    except ExactLimitError:
        raise
    except (TypeError, ValueError):
        raise InputError("error_cli_lr", got=repr(lr)) from None
    return lr


def problem_from_options(
    example: str | None = None,
    sizes: str | None = None,
    activation: str = "sigmoid",
    loss: str = "sse",
    bias: bool = False,
    x: str | list[str] | None = None,
    target: str | list[str] | None = None,
    weights: str | None = None,
    biases: str | None = None,
    lr: str | None = None,
) -> Example:
    """The :class:`~nnref.examples.Example` the ``derive`` options describe; ValueError names the option."""
    given = {"sizes": sizes, "x": x, "target": target, "weights": weights, "biases": biases}
    rate = _checked_rate(lr)
    if example is not None:
        extra = [f"--{name}" for name, value in given.items() if value is not None]
        if extra or bias or activation != "sigmoid" or loss != "sse":
            extra += (
                ["--bias"] * bias
                + ["--activation"] * (activation != "sigmoid")
                + ["--loss"] * (loss != "sse")
            )
            raise InputError("error_cli_example_combined", extra=", ".join(extra))
        if example not in EXAMPLES:
            raise unknown_name(example, tuple(EXAMPLES), "--example")
        chosen = EXAMPLES[example]
        if chosen.is_gate and lr is not None:
            raise InputError("error_cli_gate_lr", example=example)
        return replace(chosen, learning_rate=rate or chosen.learning_rate)
    if sizes is None:
        raise InputError("error_cli_no_network", examples=", ".join(EXAMPLES))
    with option_names():
        layers, activations = int_list(sizes, "--sizes"), name_list(activation, "--activation")
        network = Network(layers, activations, loss.strip(), bias)
    weight_values = _required(weights, "--weights", _parameters(network.weight_names))
    if network.bias:
        bias_values = _required(biases, "--biases", _parameters(network.bias_names))
    elif biases is not None:
        raise InputError("error_cli_biases_without_bias")
    else:
        bias_values = ()
    with option_names():
        network.resolve_parameters(weight_values, bias_values)  # counts, with the names in the message
    if not network.differentiable:
        if x is not None or target is not None or lr is not None:
            raise InputError("error_cli_gate_options")
        if network.sizes[0] > DERIVE_MAX_TRUTH_TABLE_INPUTS:
            raise InputError(
                "error_cli_truth_table", limit=DERIVE_MAX_TRUTH_TABLE_INPUTS, got=network.sizes[0]
            )
        return Example(None, network, weight_values, bias_values)
    inputs, targets = _samples(network, x, target)
    return Example(
        name=None,
        network=network,
        weights=weight_values,
        biases=bias_values,
        x=inputs,
        target=targets,
        learning_rate=rate,
    )


def _samples(
    network: Network, x: str | list[str] | None, target: str | list[str] | None
) -> tuple[Samples, Samples]:
    """One example's ``(x, target)``, or a mini-batch's (a tuple per sample) when --x and --target
    were given once per sample."""
    xs = [x] if x is None or isinstance(x, str) else list(x)
    ts = [target] if target is None or isinstance(target, str) else list(target)
    if len(xs) != len(ts):
        raise InputError("error_cli_batch_pairs", inputs=len(xs), targets=len(ts))
    inputs = [_required(v, "--x", ("error_cli_required_inputs", {"count": network.sizes[0]})) for v in xs]
    targets = [
        _required(v, "--target", ("error_cli_required_targets", {"count": network.sizes[-1]})) for v in ts
    ]
    return (inputs[0], targets[0]) if len(xs) == 1 else (tuple(inputs), tuple(targets))


def problem_from_args(args: argparse.Namespace) -> Example:
    """The example of parsed ``derive``/``check`` options (see :func:`problem_from_options`)."""
    return problem_from_options(
        example=args.example,
        sizes=args.sizes,
        activation=args.activation,
        loss=args.loss,
        bias=args.bias,
        x=args.x,
        target=args.target,
        weights=args.weights,
        biases=args.biases,
        lr=args.lr,
    )


def _parameters(names: Sequence[str]) -> tuple[str, dict[str, object]]:
    return "error_cli_required_parameters", {"count": len(names), "first": names[0], "last": names[-1]}


def _required(text: str | None, option: str, missing: tuple[str, dict[str, object]]) -> tuple[str, ...]:
    """``text`` as a list of numbers; when absent, the catalog error ``missing`` (key, fields)."""
    if text is None:
        key, fields = missing
        raise InputError(key, option=option, **fields)
    return number_list(text, option)
