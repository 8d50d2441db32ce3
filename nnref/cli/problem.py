"""What ``nnref derive`` works on: a built-in example or a network given with options.

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

import itertools
from dataclasses import dataclass

from nnref.cli.limits import DERIVE_MAX_TRUTH_TABLE_INPUTS
from nnref.cli.parsing import int_list, name_list, number_list, option_names
from nnref.examples import EXAMPLES
from nnref.network import Network, closest_name
from nnref.values import ExactLimitError, parse_positive_finite

__all__ = ["Problem", "problem_from_args", "problem_from_options"]


@dataclass(frozen=True)
class Problem:
    """A network with its parameter values and (unless it is a logic gate) one example to derive.

    Numbers are the strings the user (or the reference file) gave; both engines parse them exactly.
    """

    network: Network
    weights: tuple[str, ...]
    biases: tuple[str, ...] | None
    x: tuple[str, ...] | tuple[tuple[str, ...], ...] | None = None  # a mini-batch: one tuple per sample
    target: tuple[str, ...] | tuple[tuple[str, ...], ...] | None = None
    learning_rate: str | None = None
    example: str | None = None
    title_ko: str = ""
    title_en: str = ""
    source: str = ""

    @property
    def is_batch(self) -> bool:
        """A mini-batch: ``x`` and ``target`` hold one tuple per sample."""
        return bool(self.x) and isinstance(self.x[0], tuple)

    @property
    def is_gate(self) -> bool:
        """A step-activation perceptron: a truth table, no gradient."""
        return "step" in self.network.activations

    def truth_table(self) -> tuple[tuple[tuple[int, ...], tuple[object, ...]], ...]:
        """Every 0/1 input in order with the exact outputs (for a step network), by the symbolic engine.

        >>> [row for row in problem_from_options(example="and").truth_table()][-1]
        ((1, 1), (1,))
        """
        from nnref.symbolic import forward

        return tuple(
            (inputs, tuple(forward(self.network, list(inputs), self.weights, self.biases)))
            for inputs in itertools.product((0, 1), repeat=self.network.sizes[0])
        )

    def derive(self):
        """The symbolic :class:`~nnref.symbolic.Trace` (not for a gate)."""
        from nnref.symbolic import derive

        with option_names():
            return derive(
                self.network,
                x=self.x,
                target=self.target,
                weights=self.weights,
                biases=self.biases,
                learning_rate=self.learning_rate,
            )


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
    x: str | list[str] | None = None,
    target: str | list[str] | None = None,
    weights: str | None = None,
    biases: str | None = None,
    lr: str | None = None,
) -> Problem:
    """Build the :class:`Problem` the ``derive`` options describe; ValueError names the option."""
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
        return Problem(
            network=chosen.network,
            weights=chosen.weights,
            biases=chosen.biases if chosen.network.bias else None,
            x=chosen.x,
            target=chosen.target,
            learning_rate=rate or chosen.learning_rate,
            example=chosen.name,
            title_ko=chosen.title_ko,
            title_en=chosen.title_en,
            source=chosen.source,
        )
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
        bias_values = None
    with option_names():
        network.resolve_parameters(weight_values, bias_values)  # counts, with the names in the message
    if "step" in network.activations:
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
        return Problem(network, weight_values, bias_values)
    inputs, targets = _samples(network, x, target)
    return Problem(
        network=network,
        weights=weight_values,
        biases=bias_values,
        x=inputs,
        target=targets,
        learning_rate=rate,
    )


def _samples(network: Network, x: str | list[str] | None, target: str | list[str] | None) -> tuple:
    """One example's ``(x, target)``, or a mini-batch's (a tuple per sample) when --x and --target
    were given once per sample."""
    xs = [x] if x is None or isinstance(x, str) else list(x)
    ts = [target] if target is None or isinstance(target, str) else list(target)
    if len(xs) != len(ts):
        raise ValueError(
            f"--x is given {len(xs)} times and --target {len(ts)} times: give one --target per --x "
            "(one pair per sample of the mini-batch)"
        )
    inputs = [_required(v, "--x", f"{network.sizes[0]} input values") for v in xs]
    targets = [_required(v, "--target", f"{network.sizes[-1]} target values") for v in ts]
    return (inputs[0], targets[0]) if len(xs) == 1 else (tuple(inputs), tuple(targets))


def problem_from_args(args: object) -> Problem:
    """The :class:`Problem` of parsed ``derive``/``check`` options (see :func:`problem_from_options`)."""
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
