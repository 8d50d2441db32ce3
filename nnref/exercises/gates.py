"""XOR-chapter exercises: is a truth table linearly separable (with the Fourier–Motzkin certificate),
and the output of a two-layer network of perceptrons.

>>> ex = separability(random.Random(0), "en")
>>> dict(ex.givens), ex.answer
({'truth_table': '1,1,0,1'}, 'yes')
"""

from __future__ import annotations

import itertools
import random

from nnref.exercises.model import Exercise, Other
from nnref.exercises.numbers import Quantities, draw, math_list
from nnref.exercises.perceptron import given_vector, sum_line, weighted_sum
from nnref.exercises.words import say
from nnref.network import Network
from nnref.render import inline_math, markdown_table
from nnref.render.fmt import fitted_math, paragraphs, symbols_latex, value_text
from nnref.render.layout import BOXED
from nnref.render.separability import certificate_markdown, inequalities_table
from nnref.symbolic import forward
from nnref.symbolic.functions import ACTIVATIONS
from nnref.symbolic.graph import Kind, Node
from nnref.symbolic.separability import separate

__all__ = ["separability", "step_network_output"]

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
TABLES = [t for t in itertools.product((0, 1), repeat=4) if len(set(t)) == 2]  # 14 non-constant gates
NOT_SEPARABLE = ((0, 1, 1, 0), (1, 0, 0, 1))  # XOR and XNOR


def _truth_table_markdown(outputs: tuple[int, ...]) -> str:
    rows = [[str(x1), str(x2), str(y)] for (x1, x2), y in zip(INPUTS, outputs, strict=True)]
    return markdown_table([inline_math("x_1"), inline_math("x_2"), inline_math("y")], rows, align="ccc")


def separability(rng: random.Random, lang: str) -> Exercise:
    """Can one perceptron compute this 2-input truth table? Answer yes/no; the certificate proves it."""
    outputs = rng.choice(NOT_SEPARABLE) if rng.random() < 0.35 else rng.choice(TABLES)
    sep = separate(list(zip(INPUTS, outputs, strict=True)))
    answer = "yes" if sep.separable else "no"
    question = paragraphs(say("ask_separable", lang), _truth_table_markdown(outputs))
    solution = paragraphs(
        say("solve_separable", lang),
        inequalities_table(sep, lang),
        certificate_markdown(sep, lang),
        say(f"answer_{answer}", lang),
    )
    choices = (("yes", say("choice_yes", lang)), ("no", say("choice_no", lang)))
    givens = {"truth_table": ",".join(map(str, outputs))}
    return Exercise(
        "", "separability", lang, givens, "separable", None, answer, question, solution, choices=choices
    )


def step_network_output(rng: random.Random, lang: str) -> Exercise:
    """The output of a 2-2-1 network of perceptrons (step activations) for a 0/1 input."""
    net = Network((2, 2, 1), "step", "sse", bias=True)
    weights = [draw(rng, -1, 1) for _ in range(net.n_weights)]
    biases = [draw(rng, -1, 1, zero=True) for _ in range(net.n_biases)]
    x = [str(rng.randint(0, 1)) for _ in range(2)]
    (y,) = forward(net, x, weights, biases)  # the symbolic engine's exact forward pass
    q = Quantities()
    inputs = given_vector(q, "x", x)
    w = given_vector(q, "w", weights, Kind.PARAMETER)
    b = given_vector(q, "b", biases, Kind.PARAMETER)
    lines, hidden = [], []
    for j in (1, 2):
        z = weighted_sum(q, f"z{j}", f"z_{{{j}}}", w[2 * j - 2 : 2 * j], inputs, b[j - 1])
        h = q.given(f"h{j}", f"h_{{{j}}}", _step(z), Kind.ACT)
        hidden.append(h)
        lines += [sum_line(z), rf"{h.latex} &= \operatorname{{step}}({z.latex}) = {value_text(h)}"]
    z3 = weighted_sum(q, "z3", "z_{3}", w[4:6], hidden, b[2])
    if _step(z3) != int(y):
        raise ArithmeticError(f"z3 = {z3.value} but the network outputs {y}")
    answer = str(int(y))
    lines += [sum_line(z3), rf"y &= \operatorname{{step}}(z_{{3}}) = {answer}"]
    sums = math_list([f"{q[f'z{j}'].latex} = {symbols_latex(q[f'z{j}'].formula)}" for j in (1, 2, 3)])
    table = markdown_table(
        [say("item", lang), say("value", lang)],
        [
            [say("weights_row", lang), math_list([f"{n.latex} = {value_text(n)}" for n in w])],
            [say("biases_row", lang), math_list([f"{n.latex} = {value_text(n)}" for n in b])],
            [say("sums_row", lang), sums],
        ],
    )
    question = paragraphs(say("ask_step_network", lang, x=inline_math(f"x = ({x[0]}, {x[1]})")), table)
    solution = paragraphs(
        say("solve_step_network", lang), fitted_math(lines, BOXED), say("answer_exact", lang, answer=answer)
    )
    others = tuple(
        Other(n, q[n].latex, value_text(q[n])) for n in ("z1", "z2", "z3") if value_text(q[n]) != answer
    )
    givens = {
        "sizes": "2,2,1",
        "activation": "step",
        "bias": True,
        "weights": ",".join(weights),
        "biases": ",".join(biases),
        "x": ",".join(x),
    }
    return Exercise("", "step_network_output", lang, givens, "y", None, answer, question, solution, others)


def _step(z: Node) -> int:
    """The step function on an exact rational node, by the engine's own branch rule (z > 0)."""
    value, _ = ACTIVATIONS["step"].on_branch(z.value, positive=z.value > 0)
    return int(value)
