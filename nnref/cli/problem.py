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
ValueError: --example must be one of wikidocs-07-05, ...; got 'wikidoc' (did you mean 'wikidocs-07-05'?)
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from nnref.cli.limits import DERIVE_MAX_TRUTH_TABLE_INPUTS
from nnref.cli.parsing import int_list, name_list, number_list, option_names
from nnref.examples import EXAMPLES, Example
from nnref.network import Network, closest_name
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
        raise ValueError(f"--lr must be a finite number > 0 such as 0.5; got {lr!r}") from None
    return lr


def problem_from_options(
    example: str | None = None,
    sizes: str | None = None,
    activation: str = "sigmoid",
    loss: str = "sse",
    bias: bool = False,
    x: str | None = None,
    target: str | None = None,
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
            raise ValueError(
                f"--example cannot be combined with {', '.join(extra)}: the example fixes the "
                "network and its values (only --lr may override its learning rate)"
            )
        if example not in EXAMPLES:
            raise ValueError(
                f"--example must be one of {', '.join(EXAMPLES)}; got {example!r}"
                + closest_name(example, tuple(EXAMPLES))
            )
        chosen = EXAMPLES[example]
        if chosen.is_gate and lr is not None:
            raise ValueError(
                f"--lr does not apply to --example {example}: a perceptron with the step function "
                "cannot be differentiated, and derive shows its truth table"
            )
        return replace(chosen, learning_rate=rate or chosen.learning_rate)
    if sizes is None:
        raise ValueError(
            "give --example NAME (wikidocs-07-05, and, or, nand, xor) or a network with "
            "--sizes, --x, --target and --weights"
        )
    with option_names():
        layers, activations = int_list(sizes, "--sizes"), name_list(activation, "--activation")
        network = Network(layers, activations, loss.strip(), bias)
    weight_values = _required(weights, "--weights", f"{network.n_weights} values (w1..w{network.n_weights})")
    if network.bias:
        bias_values = _required(biases, "--biases", f"{network.n_biases} values (b1..b{network.n_biases})")
    elif biases is not None:
        raise ValueError("--biases needs --bias (a network without bias has no bias values)")
    else:
        bias_values = ()
    with option_names():
        network.resolve_parameters(weight_values, bias_values)  # counts, with the names in the message
    if not network.differentiable:
        if x is not None or target is not None or lr is not None:
            raise ValueError(
                "--x, --target and --lr do not apply to a network with a step activation: it "
                "cannot be differentiated, and derive shows its truth table over 0/1 inputs"
            )
        if network.sizes[0] > DERIVE_MAX_TRUTH_TABLE_INPUTS:
            raise ValueError(
                f"--sizes: a step network's truth table needs at most {DERIVE_MAX_TRUTH_TABLE_INPUTS} "
                f"inputs (2^n rows); got {network.sizes[0]}"
            )
        return Example(None, network, weight_values, bias_values)
    return Example(
        name=None,
        network=network,
        weights=weight_values,
        biases=bias_values,
        x=_required(x, "--x", f"{network.sizes[0]} input values"),
        target=_required(target, "--target", f"{network.sizes[-1]} target values"),
        learning_rate=rate,
    )


def problem_from_args(args: object) -> Example:
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


def _required(text: str | None, option: str, what: str) -> tuple[str, ...]:
    if text is None:
        raise ValueError(f"{option} is required: {what}, comma-separated")
    return number_list(text, option)
