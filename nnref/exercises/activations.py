"""Activation exercises: a function's value and its derivative at a point, and a softmax output.

Values are nodes of the symbolic engine built from :data:`nnref.symbolic.functions.ACTIVATIONS` (the
derivative is the one backpropagation uses, :func:`~nnref.symbolic.functions.activation_derivative`),
rounded half up exactly.

>>> ex = activation_derivative(random.Random(1), "en")
>>> dict(ex.givens), ex.ask, ex.answer
({'activation': 'sigmoid', 'z': '0.6'}, "f'(z)", '0.2288')
"""

from __future__ import annotations

import random

import sympy

from nnref.exercises.model import Exercise, others_of
from nnref.exercises.numbers import Quantities, draw, formula_latex
from nnref.exercises.words import activation_name, say
from nnref.glossary import get
from nnref.render import inline_math
from nnref.render.fmt import fitted_math, numbers_latex, paragraphs, value_text
from nnref.render.layout import BOXED
from nnref.symbolic.functions import ACTIVATIONS, A, Z
from nnref.symbolic.functions import activation_derivative as derivative_formula
from nnref.symbolic.graph import Kind, Node

__all__ = [
    "activation_derivative",
    "activation_lines",
    "activation_node",
    "activation_value",
    "softmax_output",
]

PLACES = 4
SMOOTH = ("sigmoid", "tanh")  # relu's values and slopes are exact 0s, 1s and the input itself
_NOTATION = {
    "sigmoid": "sigmoid_function",
    "tanh": "hyperbolic_tangent",
    "relu": "relu",
    "identity": "identity_function",
}


def function_latex(name: str, argument: str = "z") -> str:
    """``\\sigma(z)``, ``\\tanh(z)``, ``\\operatorname{ReLU}(z)`` (the glossary's notation)."""
    notation = get(_NOTATION[name]).notation or "f"
    return f"{notation}({argument})"


def activation_node(q: Quantities, name: str, z: Node, node: str = "a", latex: str = "a") -> Node:
    """``a = f(z)`` as a node of ``q``: the engine's formula, or its exact branch for relu."""
    activation = ACTIVATIONS[name]
    if activation.branches:
        value, _ = activation.on_branch(z.value, positive=z.value > 0)
        return q.given(node, latex, value, Kind.ACT)
    return q.derived(node, latex, activation.formula(z.symbol), Kind.ACT)


def activation_lines(name: str, a: Node, z: Node) -> list[str]:
    """``a &= σ(z) = 1/(1 + e^{-z}) = 1/(1 + e^{-0.7}) = 0.66818777`` (aligned lines)."""
    f_z, f_number = function_latex(name, z.latex), function_latex(name, value_text(z))
    if ACTIVATIONS[name].branches:  # relu: max(0, z)
        return [rf"{a.latex} &= {f_z} = \max(0, {z.latex}) = \max(0, {value_text(z)}) = {value_text(a)}"]
    if isinstance(a.formula, sympy.tanh):
        return [rf"{a.latex} &= {f_z} = {f_number} = {value_text(a)}"]
    return [rf"{a.latex} &= {f_z} = {formula_latex(a)} = {numbers_latex(a)} = {value_text(a)}"]


def _derivative_node(q: Quantities, name: str, z: Node, a: Node) -> Node:
    latex = function_latex(name).replace("(z)", "'(z)")
    formula = derivative_formula(name).xreplace({Z: z.symbol, A: a.symbol})
    return q.derived("da/dz", latex, formula, Kind.DERIVATIVE)


def _point(rng: random.Random) -> tuple[str, str, Quantities, Node, Node, Node]:
    name = rng.choice(SMOOTH)
    point = draw(rng, -3, 3)
    q = Quantities()
    z = q.given("z", "z", point)
    a = activation_node(q, name, z)
    return name, point, q, z, a, _derivative_node(q, name, z, a)


def activation_value(rng: random.Random, lang: str) -> Exercise:
    """``f(z)`` of sigmoid or tanh at a one-decimal point (4 decimals)."""
    name, point, _, z, a, d = _point(rng)
    answer = f"{a.decimal(PLACES):f}"
    question = " ".join(
        (
            say(
                "ask_activation",
                lang,
                name=activation_name(name, lang),
                function=inline_math(function_latex(name)),
                z=inline_math(f"z = {point}"),
            ),
            say("round", lang, places=PLACES),
        )
    )
    solution = paragraphs(
        fitted_math(activation_lines(name, a, z), BOXED),
        say("answer_rounded", lang, places=PLACES, answer=answer),
    )
    others = others_of([("f'(z)", d)], PLACES, answer)
    return Exercise(
        "",
        "activation_value",
        lang,
        {"activation": name, "z": point},
        "f(z)",
        PLACES,
        answer,
        question,
        solution,
        others,
    )


def activation_derivative(rng: random.Random, lang: str) -> Exercise:
    """``f'(z)`` of sigmoid or tanh at a one-decimal point (4 decimals), written with ``a = f(z)``."""
    name, point, _, z, a, d = _point(rng)
    answer = f"{d.decimal(PLACES):f}"
    question = " ".join(
        (
            say(
                "ask_derivative",
                lang,
                name=activation_name(name, lang),
                derivative=inline_math(d.latex),
                z=inline_math(f"z = {point}"),
            ),
            say("round", lang, places=PLACES),
        )
    )
    lines = [
        *activation_lines(name, a, z),
        rf"{d.latex} &= {formula_latex(d)} = {numbers_latex(d)} = {value_text(d)}",
    ]
    solution = paragraphs(
        say("solve_derivative", lang),
        fitted_math(lines, BOXED),
        say("answer_rounded", lang, places=PLACES, answer=answer),
    )
    others = others_of([("f(z)", a, function_latex(name))], PLACES, answer)
    return Exercise(
        "",
        "activation_derivative",
        lang,
        {"activation": name, "z": point},
        "f'(z)",
        PLACES,
        answer,
        question,
        solution,
        others,
    )


def softmax_output(rng: random.Random, lang: str) -> Exercise:
    """One output of the softmax of three one-decimal weighted sums (4 decimals)."""
    points = [draw(rng, -2, 2, zero=True) for _ in range(3)]
    k = rng.randint(1, 3)
    q = Quantities()
    zs = [q.given(f"z{j}", f"z_{{{j}}}", v) for j, v in enumerate(points, start=1)]
    exps = [q.derived(f"e{j}", f"e^{{z_{{{j}}}}}", sympy.exp(z.symbol)) for j, z in enumerate(zs, start=1)]
    total = q.derived("S", "S", sympy.Add(*[e.symbol for e in exps]))
    outputs = [
        q.derived(f"o{j}", f"o_{{{j}}}", e.symbol / total.symbol, Kind.OUTPUT)
        for j, e in enumerate(exps, start=1)
    ]
    asked = outputs[k - 1]
    answer = f"{asked.decimal(PLACES):f}"
    lines = [rf"{e.latex} &= {numbers_latex(e)} = {value_text(e)}" for e in exps]
    lines.append(rf"S &= {formula_latex(total)} = {numbers_latex(total)} = {value_text(total)}")
    lines.append(rf"{asked.latex} &= {formula_latex(asked)} = {numbers_latex(asked)} = {value_text(asked)}")
    question = " ".join(
        (
            say(
                "ask_softmax",
                lang,
                z=inline_math("z = (" + ", ".join(points) + ")"),
                output=inline_math(asked.latex),
            ),
            say("round", lang, places=PLACES),
        )
    )
    solution = paragraphs(
        say("solve_softmax", lang),
        fitted_math(lines, BOXED),
        say("answer_rounded", lang, places=PLACES, answer=answer),
    )
    others = others_of([(n, q[n]) for n in ("o1", "o2", "o3", "e1", "e2", "e3", "S")], PLACES, answer)
    return Exercise(
        "",
        "softmax_output",
        lang,
        {"z": ",".join(points)},
        f"o{k}",
        PLACES,
        answer,
        question,
        solution,
        others,
    )
