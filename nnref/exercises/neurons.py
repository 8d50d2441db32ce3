"""Network-chapter exercises: one neuron's weighted sum and activation, and a forward value.

>>> ex = weighted_sum_exercise(random.Random(2), "en")
>>> ex.ask, ex.answer, ex.others[-1].name
('z', '0.19', 'w·x')
"""

from __future__ import annotations

import random

from nnref.exercises.activations import activation_lines, activation_node, function_latex
from nnref.exercises.backprop import forward_value, worth_asking
from nnref.exercises.model import Exercise, others_of
from nnref.exercises.numbers import Quantities, draw, exact_text, math_list
from nnref.exercises.perceptron import neuron, sum_line
from nnref.exercises.words import activation_name, say
from nnref.render import inline_math
from nnref.render.fmt import fitted_math, paragraphs
from nnref.render.layout import BOXED

__all__ = ["neuron_activation", "small_forward_value", "weighted_sum_exercise"]

PLACES = 4
ACTIVATIONS = ("sigmoid", "tanh", "relu")
ATTEMPTS = 200


def _givens_text(x: list[str], weights: list[str], bias: str) -> tuple[str, str, str]:
    shown_w = math_list([f"w_{{{i}}} = {w}" for i, w in enumerate(weights, start=1)])
    return shown_w, inline_math(f"b = {bias}"), inline_math("x = (" + ", ".join(x) + ")")


def _draw_neuron(rng: random.Random, count: int) -> tuple[list[str], list[str], str]:
    return (
        [draw(rng, -1, 1) for _ in range(count)],
        [draw(rng, -1, 1) for _ in range(count)],
        draw(rng, -1, 1),
    )


def weighted_sum_exercise(rng: random.Random, lang: str) -> Exercise:
    """``z = w·x + b`` of a neuron with three inputs (exact)."""
    x, weights, bias = _draw_neuron(rng, 3)
    q = Quantities()
    z = neuron(q, x, weights, bias)
    without = q.derived("w·x", r"w \cdot x", z.symbol - q["b"].symbol)
    answer = exact_text(z.value)
    shown_w, shown_b, shown_x = _givens_text(x, weights, bias)
    question = " ".join(
        (say("ask_weighted_sum", lang, weights=shown_w, bias=shown_b, x=shown_x), say("exact", lang))
    )
    solution = paragraphs(fitted_math([sum_line(z)], BOXED), say("answer_exact", lang, answer=answer))
    others = others_of(
        [(n, q[n]) for n in ("x1", "x2", "x3", "w1", "w2", "w3", "b")] + [("w·x", without)], None, answer
    )
    givens = {"weights": ",".join(weights), "bias": bias, "x": ",".join(x)}
    return Exercise("", "weighted_sum", lang, givens, "z", None, answer, question, solution, others)


def neuron_activation(rng: random.Random, lang: str) -> Exercise:
    """``a = f(w·x + b)`` of a neuron with two inputs and sigmoid, tanh or relu (4 decimals)."""
    for _ in range(ATTEMPTS):
        name = rng.choice(ACTIVATIONS)
        x, weights, bias = _draw_neuron(rng, 2)
        q = Quantities()
        z = neuron(q, x, weights, bias)
        a = activation_node(q, name, z)
        if worth_asking(a.decimal(PLACES), PLACES):
            break
    else:  # pragma: no cover
        raise RuntimeError(f"no neuron in {ATTEMPTS} draws had an output worth asking")
    answer = f"{a.decimal(PLACES):f}"
    shown_w, shown_b, shown_x = _givens_text(x, weights, bias)
    question = " ".join(
        (
            say(
                "ask_neuron",
                lang,
                weights=shown_w,
                bias=shown_b,
                x=shown_x,
                name=activation_name(name, lang),
                function=inline_math(function_latex(name)),
            ),
            say("round", lang, places=PLACES),
        )
    )
    solution = paragraphs(
        fitted_math([sum_line(z), *activation_lines(name, a, z)], BOXED),
        say("answer_rounded", lang, places=PLACES, answer=answer),
    )
    others = others_of([("z", z)], PLACES, answer)
    givens = {"activation": name, "weights": ",".join(weights), "bias": bias, "x": ",".join(x)}
    return Exercise("", "neuron_activation", lang, givens, "a", PLACES, answer, question, solution, others)


def small_forward_value(rng: random.Random, lang: str) -> Exercise:
    """An output of a 2-2-1 or 2-2-2 network by forward propagation (4 decimals)."""
    return forward_value(rng, lang, shapes=((2, 2, 1), (2, 2, 2)))
