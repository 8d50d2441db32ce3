"""Canonical examples as data: the wikidocs 07-05 backpropagation example and the logic gates.

* ``"wikidocs-07-05"``: a 2-2-2 sigmoid network without bias, sse loss, one example and one
  gradient-descent step (https://wikidocs.net/37406). Its inputs, weights, targets and learning
  rate are read from the package's reference file (:func:`nnref.data.load_reference`), the same
  file that holds the 38 published values (:func:`published_values`).
* ``"and"``, ``"or"``, ``"nand"``: single perceptrons with a step activation,
  ``step(z) = 1 if z > 0 else 0``. The weights are those of Saito's "Deep Learning from
  Scratch" (밑바닥부터 시작하는 딥러닝, ch. 2): AND w = (0.5, 0.5), b = -0.7; NAND
  w = (-0.5, -0.5), b = 0.7; OR w = (0.5, 0.5), b = -0.2. Each bias is the negated threshold
  (임계값): the neuron fires when w·x exceeds it.
* ``"xor"``: XOR = AND(OR(x), NAND(x)), a 2-2-1 step network whose hidden layer is the OR and
  the NAND perceptron and whose output is the AND perceptron (the seed article's construction).

Truth tables are computed by the symbolic engine's exact :func:`~nnref.symbolic.forward`:

>>> truth_table("xor")
(((0, 0), 0), ((0, 1), 1), ((1, 0), 1), ((1, 1), 0))
>>> EXAMPLES["and"].parameters
{'w1': '0.5', 'w2': '0.5', 'b1': '-0.7'}
>>> f"{derive_example('wikidocs-07-05').decimal('E'):f}"
'0.02397190'
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

import sympy

from nnref.data import load_reference
from nnref.errors import InputTypeError
from nnref.network import Network, unknown_name

if TYPE_CHECKING:
    from nnref.symbolic import Trace

__all__ = [
    "EXAMPLES",
    "GATE_NAMES",
    "WIKIDOCS_07_05",
    "Example",
    "derive_example",
    "example",
    "published_values",
    "truth_table",
]


# One sample's values (decimal strings), or a mini-batch's: one tuple per sample.
Samples = tuple[str, ...] | tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Example:
    """A network with parameter values, and (for a training example) one input and its target.

    The built-in examples and what ``nnref derive`` is given on the command line are both this
    (``name`` is None for the latter). Values are kept as the decimal strings they are given
    with; both engines parse them exactly. ``biases`` is empty for a network without bias.
    ``x``, ``target`` and ``learning_rate`` are ``None`` for the logic gates, which are
    evaluated on every input of their truth table instead.
    """

    name: str | None
    network: Network
    weights: tuple[str, ...]
    biases: tuple[str, ...] = ()
    x: Samples | None = None  # a mini-batch: one tuple per sample
    target: Samples | None = None
    learning_rate: str | None = None
    source: str = ""
    parameters: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parameters", self.network.resolve_parameters(self.weights, self.biases))

    @property
    def is_gate(self) -> bool:
        """True for a network without a usable derivative (step perceptrons): a truth table, no gradient."""
        return not self.network.differentiable

    @property
    def is_batch(self) -> bool:
        """A mini-batch: ``x`` and ``target`` hold one tuple per sample."""
        return self.x is not None and len(self.x) > 0 and isinstance(self.x[0], tuple)

    def input_and_target(self) -> tuple[Samples, Samples]:
        """``(x, target)``, the one input to differentiate and its target (a ValueError for a gate).

        Returns:
            The input values and the target values, as the decimal strings they were given with.
        """
        if self.x is None or self.target is None:
            raise ValueError(
                f"example {self.name!r} is a logic gate with a step activation: it has a truth table "
                "(truth_table(name)), not one example to differentiate"
            )
        return self.x, self.target

    def derive(self) -> Trace:
        """The symbolic trace of this example (not for the gates: a step has no useful derivative)."""
        from nnref.symbolic import derive

        x, target = self.input_and_target()
        return derive(
            self.network,
            x=x,
            target=target,
            weights=self.weights,
            biases=self.biases,
            learning_rate=self.learning_rate,
        )

    def truth_table(self) -> tuple[tuple[tuple[int, ...], tuple[sympy.Expr, ...]], ...]:
        """Every 0/1 input in order with the exact outputs, by the symbolic engine's forward pass.

        >>> EXAMPLES["and"].truth_table()[-1]
        ((1, 1), (1,))
        """
        from nnref.symbolic import forward

        return tuple(
            (inputs, forward(self.network, list(inputs), self.weights, self.biases))
            for inputs in itertools.product((0, 1), repeat=self.network.sizes[0])
        )


def _wikidocs_example() -> Example:
    network = load_reference("wikidocs-07-05")["network"]
    weights = network["weights"]
    return Example(
        name="wikidocs-07-05",
        network=Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse", bias=False),
        weights=tuple(weights[f"W{i}"] for i in range(1, len(weights) + 1)),
        x=(network["inputs"]["x1"], network["inputs"]["x2"]),
        target=(network["targets"]["o1"], network["targets"]["o2"]),
        learning_rate=network["learning_rate"],
        source="https://wikidocs.net/37406",
    )


def _perceptron(name: str, w: tuple[str, str], b: str) -> Example:
    return Example(
        name=name,
        network=Network(sizes=(2, 1), activation="step", loss="sse", bias=True),
        weights=w,
        biases=(b,),
    )


WIKIDOCS_07_05 = _wikidocs_example()
AND = _perceptron("and", ("0.5", "0.5"), "-0.7")
OR = _perceptron("or", ("0.5", "0.5"), "-0.2")
NAND = _perceptron("nand", ("-0.5", "-0.5"), "0.7")
# Hidden neuron 1 is OR, hidden neuron 2 is NAND, the output is AND of the two.
XOR = Example(
    name="xor",
    network=Network(sizes=(2, 2, 1), activation="step", loss="sse", bias=True),
    weights=OR.weights + NAND.weights + AND.weights,
    biases=OR.biases + NAND.biases + AND.biases,
)

EXAMPLES: dict[str, Example] = {
    e.name: e for e in (WIKIDOCS_07_05, AND, OR, NAND, XOR) if e.name is not None  # (all are named)
}
"""The examples by the names the CLI uses."""

GATE_NAMES: tuple[str, ...] = tuple(name for name, e in EXAMPLES.items() if e.is_gate)


def example(name: str) -> Example:
    """The example called ``name`` (one of :data:`EXAMPLES`).

    >>> example("wikidocs-07-05").network.sizes
    (2, 2, 2)
    """
    if not isinstance(name, str) or name not in EXAMPLES:
        if not isinstance(name, str):
            allowed = ", ".join(EXAMPLES)
            raise InputTypeError("error_name_type", argument="name", allowed=allowed, got=repr(name))
        raise unknown_name(name, tuple(EXAMPLES), "name")
    return EXAMPLES[name]


def derive_example(name: str = "wikidocs-07-05") -> Trace:
    """``derive()`` of a training example by name (a fresh :class:`~nnref.symbolic.Trace`)."""
    return example(name).derive()


def truth_table(gate: str) -> tuple[tuple[tuple[int, ...], int], ...]:
    """Every input in order (0, 0), (0, 1), (1, 0), (1, 1) with the gate's exact output.

    >>> [y for _, y in truth_table("nand")]
    [1, 1, 1, 0]
    """
    chosen = example(gate)
    if not chosen.is_gate:
        raise unknown_name(gate, GATE_NAMES, "gate")
    rows = []
    for x, (output,) in chosen.truth_table():
        if not (isinstance(output, sympy.Integer) and output in (0, 1)):
            raise ArithmeticError(f"a step network must output 0 or 1; {gate} gave {output!r} for {x}")
        rows.append((x, int(output)))
    return tuple(rows)


@cache
def _published() -> dict[str, Decimal]:
    published = load_reference("wikidocs-07-05")["published"]
    return {key: Decimal(entry["value"]) for key, entry in published.items()}


def published_values() -> Mapping[str, Decimal]:
    """The 38 values wikidocs 07-05 prints, by the reference file's keys, as 8-decimal Decimals.

    >>> values = published_values()
    >>> len(values), f"{values['h2']:f}", f"{values['after_E_total']:f}"
    (38, '0.52747230', '0.02323634')
    """
    return dict(_published())
