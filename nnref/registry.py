r"""Every activation and loss nnref knows, declared once: what both engines, the spec, the
verifier, the renderers, the CLI and the tests read.

An entry says what a function *is* (its name, glossary term, LaTeX, whether it acts elementwise,
whether it has a usable derivative, where a network may use it); the two engines implement it
under the same name (``nnref.symbolic.functions`` in SymPy, ``nnref.numeric.functions`` in
float64) and a test checks that their tables have exactly these keys. Adding an activation is one
entry here plus its two engine functions.

>>> [name for name in ACTIVATIONS if ACTIVATIONS[name].recurrent]
['identity', 'sigmoid', 'tanh', 'relu']
>>> pairings()[-2:], shortcut_scale("sigmoid", "bce", 4)
((('sigmoid', 'bce'), ('softmax', 'cce')), Fraction(1, 4))
>>> print(LOSSES["sse"].latex)
\frac{1}{2}\sum_k (t_k - o_k)^2
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from nnref.errors import InputError

__all__ = [
    "ACTIVATIONS",
    "ACTIVATION_NAMES",
    "LOSSES",
    "LOSS_NAMES",
    "OTHER_NAMES",
    "RECURRENT_ACTIVATIONS",
    "TARGET_KINDS",
    "ActivationSpec",
    "LossSpec",
    "check_differentiable",
    "check_pairing",
    "hidden_activations",
    "not_differentiable",
    "pairings",
    "shortcut_scale",
]


@dataclass(frozen=True)
class ActivationSpec:
    """One activation function as the spec knows it.

    ``latex`` is the function's symbol in formulas (``\\sigma``; empty where formulas write
    none); ``hidden``: allowed on a hidden layer (softmax only on the output layer);
    ``recurrent``: allowed in a recurrent layer ``h_t = f(W x_t + U h_{t-1} + b)``;
    ``min_width``: fewest outputs it makes sense on; ``aliases``: other libraries' names for it,
    offered as a suggestion, never accepted; ``differentiable``: False for the step function, whose
    derivative is 0 everywhere but at 0 (:func:`not_differentiable` says so).
    """

    name: str
    glossary_key: str
    latex: str
    elementwise: bool = True
    differentiable: bool = True
    hidden: bool = True
    recurrent: bool = False
    min_width: int = 1
    aliases: tuple[str, ...] = ()


TARGET_KINDS = ("any", "unit", "distribution")
"""What a loss accepts as targets: any number, each in [0, 1], or rows that are distributions."""


@dataclass(frozen=True)
class LossSpec:
    """One per-sample loss as the spec knows it.

    ``latex``: its definition over the K outputs; ``outputs``: the output activations it pairs
    with (None: any) and ``requirement`` is the word catalog's key of the error that says why;
    ``targets``: one of :data:`TARGET_KINDS`; ``shortcut_output``: the output activation for which
    ``dE/dz = c (o − t)`` holds (the engines derive or use it), with ``c = scale(K)``.
    """

    name: str
    glossary_key: str
    latex: str
    scale: Callable[[int], Fraction]
    outputs: tuple[str, ...] | None = None
    requirement: str = ""
    targets: str = "any"
    shortcut_output: str | None = None
    aliases: tuple[str, ...] = ()


ACTIVATIONS: dict[str, ActivationSpec] = {
    spec.name: spec
    for spec in (
        ActivationSpec("identity", "identity_function", "", recurrent=True, aliases=("linear", "none")),
        ActivationSpec(
            "step",
            "step_function",
            r"\operatorname{step}",
            differentiable=False,
            aliases=("heaviside",),
        ),
        ActivationSpec("sigmoid", "sigmoid_function", r"\sigma", recurrent=True, aliases=("logistic",)),
        ActivationSpec("tanh", "hyperbolic_tangent", r"\tanh", recurrent=True),
        ActivationSpec("relu", "relu", r"\operatorname{ReLU}", recurrent=True),
        ActivationSpec(
            "softmax", "softmax", r"\operatorname{softmax}", elementwise=False, hidden=False, min_width=2
        ),
    )
}

LOSSES: dict[str, LossSpec] = {
    spec.name: spec
    for spec in (
        LossSpec(
            "sse",
            "sum_of_squared_errors",
            r"\frac{1}{2}\sum_k (t_k - o_k)^2",
            scale=lambda k: Fraction(1),
            shortcut_output="identity",
            aliases=("squared_error",),
        ),
        LossSpec(
            "mse",
            "mean_squared_error",
            r"\frac{1}{K}\sum_k (t_k - o_k)^2",
            scale=lambda k: Fraction(2, k),
            shortcut_output="identity",
            aliases=("mean_squared_error",),
        ),
        LossSpec(
            "bce",
            "binary_cross_entropy",
            r"-\frac{1}{K}\sum_k \left(t_k \ln o_k + (1 - t_k)\ln(1 - o_k)\right)",
            scale=lambda k: Fraction(1, k),
            outputs=("sigmoid",),
            requirement="error_loss_needs_sigmoid",
            targets="unit",
            shortcut_output="sigmoid",
            aliases=("binary_crossentropy", "log_loss"),
        ),
        LossSpec(
            "cce",
            "categorical_cross_entropy",
            r"-\sum_k t_k \ln o_k",
            scale=lambda k: Fraction(1),
            outputs=("softmax",),
            requirement="error_loss_needs_softmax",
            targets="distribution",
            shortcut_output="softmax",
            aliases=("cross_entropy", "crossentropy", "categorical_crossentropy"),
        ),
    )
}

ACTIVATION_NAMES: tuple[str, ...] = tuple(ACTIVATIONS)
LOSS_NAMES: tuple[str, ...] = tuple(LOSSES)
RECURRENT_ACTIVATIONS: tuple[str, ...] = tuple(n for n, s in ACTIVATIONS.items() if s.recurrent)
OTHER_NAMES: dict[str, str] = {
    alias: spec.name for table in (ACTIVATIONS, LOSSES) for spec in table.values() for alias in spec.aliases
}
"""Names other libraries use for ours (``"logistic"`` -> ``"sigmoid"``): a suggestion, never accepted."""


def hidden_activations(differentiable: bool = True) -> tuple[str, ...]:
    """The activations a hidden layer may use (only those with a derivative, by default).

    >>> hidden_activations(), hidden_activations(differentiable=False)[:2]
    (('identity', 'sigmoid', 'tanh', 'relu'), ('identity', 'step'))
    """
    return tuple(n for n, s in ACTIVATIONS.items() if s.hidden and (s.differentiable or not differentiable))


def pairings(differentiable: bool = True) -> tuple[tuple[str, str], ...]:
    """Every ``(output activation, loss)`` a network accepts (with a derivative, by default).

    Output activation by output activation for the losses that take any output, then the losses
    that need a particular one (an order seeded draws of :func:`nnref.verify.random_case` rely on).

    >>> pairings()[:3]
    (('identity', 'sse'), ('identity', 'mse'), ('sigmoid', 'sse'))
    >>> pairings()[-3:]
    (('softmax', 'mse'), ('sigmoid', 'bce'), ('softmax', 'cce'))
    >>> ("step", "sse") in pairings(differentiable=False), len(pairings())
    (True, 12)
    """
    usable = [n for n, s in ACTIVATIONS.items() if s.differentiable or not differentiable]
    open_losses = [n for n, s in LOSSES.items() if s.outputs is None]
    closed = [(a, n) for n, s in LOSSES.items() if s.outputs is not None for a in s.outputs if a in usable]
    return (*((a, loss) for a in usable for loss in open_losses), *closed)


def shortcut_scale(activation: str, loss: str, n_outputs: int) -> Fraction | None:
    """``c`` with ``dE/dz = c (o − t)`` at the output layer, for the pairs where that holds, else None.

    >>> shortcut_scale("identity", "mse", 3), shortcut_scale("sigmoid", "mse", 3)
    (Fraction(2, 3), None)
    """
    spec = LOSSES[loss]
    return spec.scale(n_outputs) if spec.shortcut_output == activation else None


def check_pairing(activations: Sequence[str], sizes: Sequence[int], loss: str) -> None:
    """ValueError unless every layer's activation is allowed where it is and the loss fits the output."""
    for index, name in enumerate(activations[:-1]):
        if not ACTIVATIONS[name].hidden:
            raise InputError(
                "error_output_only",
                argument=f"activation[{index}]",
                function=repr(name),
                allowed=", ".join(hidden_activations()),
            )
    output, width = activations[-1], sizes[-1]
    if width < ACTIVATIONS[output].min_width:
        raise InputError(
            "error_min_width", function=output, width=ACTIVATIONS[output].min_width, sizes=tuple(sizes)
        )
    spec = LOSSES[loss]
    if spec.outputs is not None and output not in spec.outputs:
        raise InputError(spec.requirement, argument="loss", loss=repr(loss), output=repr(output))


def not_differentiable(name: str, where: str) -> InputError:
    """The one error for differentiating through an activation without a usable derivative.

    >>> print(not_differentiable("step", "activation[0]"))  # doctest: +NORMALIZE_WHITESPACE
    activation[0] is 'step': its derivative is 0 everywhere except at z = 0, where it is
    undefined, so backpropagation gets no signal through it. Train a network whose layers are
    among identity, sigmoid, tanh, relu; a step network (a perceptron) runs forward only.
    """
    return InputError(
        "error_not_differentiable",
        argument=where,
        function=repr(name),
        plain=name,
        allowed=", ".join(hidden_activations()),
    )


def check_differentiable(activations: Sequence[str]) -> None:
    """The one check before any gradient: ValueError (:func:`not_differentiable`) for the first
    layer whose activation has no usable derivative."""
    for index, name in enumerate(activations):
        if not ACTIVATIONS[name].differentiable:
            raise not_differentiable(name, f"activation[{index}]")
