"""Perceptron exercises: an output ``step(w·x + b)``, and one step of the perceptron learning rule.

Outputs come from :func:`nnref.numeric.perceptron.perceptron_output` and updates from
:func:`~nnref.numeric.perceptron.train_perceptron` (exact fractions); the weighted sum shown in
the solution is a node of the symbolic engine, checked against the rule's own decision.

>>> ex = perceptron_update(random.Random(4), "en")
>>> ex.ask, ex.answer, dict(ex.givens)
('w1+', '-0.23', {'weights': '-0.3,-0.1', 'bias': '-0.7', 'x': '0.7,0.2', 'target': '1', 'lr': '0.1'})
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy

from nnref.exercises.model import Exercise, Other, others_of
from nnref.exercises.numbers import Quantities, draw, exact_text, math_list
from nnref.exercises.words import say
from nnref.glossary import term
from nnref.numeric.perceptron import perceptron_output, train_perceptron
from nnref.render import inline_math
from nnref.render.fmt import fitted_math, numbers_latex, paragraphs, signed, symbols_latex, value_text
from nnref.render.layout import BOXED
from nnref.symbolic.graph import Kind, Node

__all__ = [
    "given_vector",
    "neuron",
    "perceptron_output_exercise",
    "perceptron_update",
    "sum_line",
    "weighted_sum",
]

RATES = ("0.1", "0.2", "0.5", "1")


def _inputs(rng: random.Random, count: int) -> list[str]:
    if rng.random() < 0.5:  # the logic-gate inputs of the chapter
        return [str(rng.randint(0, 1)) for _ in range(count)]
    return [draw(rng, 0, 1, zero=True) for _ in range(count)]


def given_vector(q: Quantities, prefix: str, values: list[str], kind: Kind = Kind.INPUT) -> list[Node]:
    """``x1, x2, ...`` (or ``w1, ...``) as given nodes of ``q``."""
    return [q.given(f"{prefix}{i}", f"{prefix}_{{{i}}}", v, kind) for i, v in enumerate(values, start=1)]


def weighted_sum(
    q: Quantities, name: str, latex: str, weights: list[Node], inputs: list[Node], bias: Node | None
) -> Node:
    """``z = w1 x1 + ... + b`` as a node of ``q``."""
    terms = [w.symbol * x.symbol for w, x in zip(weights, inputs, strict=True)]
    return q.derived(name, latex, sympy.Add(*terms, *([bias.symbol] if bias is not None else [])), Kind.PRE)


def neuron(q: Quantities, x: list[str], weights: list[str], bias: str | None) -> Node:
    """One neuron's givens and its weighted sum ``z`` in ``q``."""
    inputs, ws = given_vector(q, "x", x), given_vector(q, "w", weights, Kind.PARAMETER)
    b = None if bias is None else q.given("b", "b", bias, Kind.PARAMETER)
    return weighted_sum(q, "z", "z", ws, inputs, b)


def sum_line(z: Node) -> str:
    """``z &= w_1 x_1 + ... = 0.4 × 1 + ... = 0.6`` (an aligned line)."""
    return rf"{z.latex} &= {symbols_latex(z.formula)} = {numbers_latex(z)} = {value_text(z)}"


def _vector(values: list[str]) -> str:
    return "(" + ", ".join(values) + ")"


def _parameters_text(weights: list[str], bias: str) -> tuple[str, str]:
    return math_list([f"w_{{{i}}} = {w}" for i, w in enumerate(weights, start=1)]), inline_math(f"b = {bias}")


def _decision(z: Node, y: int, lang: str) -> str:
    zero = z.value == 0
    condition = "z > 0" if y else ("z = 0" if zero else "z < 0")
    key = "step_fires" if y else ("step_zero" if zero else "step_silent")
    return say(
        key,
        lang,
        condition=inline_math(condition),
        output=inline_math(rf"y = \operatorname{{step}}(z) = {y}"),
    )


def perceptron_output_exercise(rng: random.Random, lang: str) -> Exercise:
    """The output of a perceptron with 2 or 3 inputs for one input (0 or 1, exact)."""
    count = rng.choice((2, 3))
    weights = [draw(rng, -1, 1) for _ in range(count)]
    bias = draw(rng, -1, 1, zero=True)
    x = _inputs(rng, count)
    y = perceptron_output([Fraction(w) for w in weights], Fraction(bias), [Fraction(v) for v in x])
    q = Quantities()
    z = neuron(q, x, weights, bias)
    if (z.value > 0) != bool(y):
        raise ArithmeticError(f"z = {z.value} but the perceptron outputs {y}")
    shown_w, shown_b = _parameters_text(weights, bias)
    question = say(
        "ask_perceptron", lang, count=count, weights=shown_w, bias=shown_b, x=inline_math("x = " + _vector(x))
    )
    solution = paragraphs(
        fitted_math([sum_line(z).replace("&=", "=")], BOXED),
        _decision(z, y, lang),
        say("answer_exact", lang, answer=str(y)),
    )
    others = (Other("z", "z", value_text(z)),) if z.value != y else ()
    givens = {"weights": ",".join(weights), "bias": bias, "x": ",".join(x)}
    return Exercise("", "perceptron_output", lang, givens, "y", None, str(y), question, solution, others)


def perceptron_update(rng: random.Random, lang: str) -> Exercise:
    """One sample the perceptron gets wrong, one step of the learning rule: a new weight or bias."""
    weights = [draw(rng, -1, 1) for _ in range(2)]
    bias = draw(rng, -1, 1, zero=True)
    x = _inputs(rng, 2)
    rate = rng.choice(RATES)
    asked = rng.choice(("w1", "w2", "b"))
    exact_w, exact_b = [Fraction(w) for w in weights], Fraction(bias)
    y = perceptron_output(exact_w, exact_b, [Fraction(v) for v in x])
    target = 1 - y  # a mistake, so the rule changes something
    run = train_perceptron(
        [x], [target], learning_rate=rate, max_epochs=1, initial_weights=weights, initial_bias=bias
    )
    new = dict(zip(("w1", "w2", "b"), (*run.epochs[0].weights, run.epochs[0].bias), strict=True))
    q = Quantities()
    z = neuron(q, x, weights, bias)
    alpha = q.given("alpha", r"\alpha", rate, Kind.RATE)
    error = q.given("t-y", "t - y", target - y, Kind.DERIVATIVE)
    lines = []
    for name, old in (("w1", q["w1"]), ("w2", q["w2"]), ("b", q["b"])):
        step = alpha.symbol * error.symbol * (q[f"x{name[1]}"].symbol if name != "b" else 1)
        updated = q.derived(f"{name}+", f"{old.latex}^{{+}}", old.symbol + step, Kind.UPDATED)
        if updated.value != new[name]:
            raise ArithmeticError(f"{name}+ = {updated.value}, the learning rule gives {new[name]}")
        factor = "" if name == "b" else rf" \times {signed(value_text(q['x' + name[1]]))}"
        symbol = "" if name == "b" else f" x_{{{name[1]}}}"
        lines.append(
            rf"{updated.latex} &= {old.latex} + \alpha (t - y){symbol} = {value_text(old)} + {rate}"
            rf" \times {signed(value_text(error))}{factor} = {value_text(updated)}"
        )
    answer = exact_text(new[asked])
    shown_w, shown_b = _parameters_text(weights, bias)
    kind = term("bias" if asked == "b" else "weight", lang)
    latex = q[asked].latex
    question = " ".join(
        (
            say(
                "ask_rule",
                lang,
                weights=shown_w,
                bias=shown_b,
                rate=inline_math(rf"\alpha = {rate}"),
                x=inline_math("x = " + _vector(x)),
                target=inline_math(f"t = {target}"),
                kind=kind,
                parameter=inline_math(latex),
                updated=inline_math(latex + "^{+}"),
            ),
            say("exact", lang),
        )
    )
    solution = paragraphs(
        fitted_math([sum_line(z).replace("&=", "=")], BOXED),
        say(
            "solve_rule",
            lang,
            output=inline_math(rf"y = \operatorname{{step}}(z) = {y}"),
            error=inline_math(f"t - y = {value_text(error)}"),
        ),
        fitted_math(lines, BOXED),
        say("answer_exact", lang, answer=answer),
    )
    others = others_of(((n, node) for n, node in q.nodes.items() if n != "alpha"), None, answer)
    others += (Other("y", "y", str(y)),) if str(y) != answer else ()
    givens = {"weights": ",".join(weights), "bias": bias, "x": ",".join(x), "target": str(target), "lr": rate}
    return Exercise(
        "", "perceptron_update", lang, givens, f"{asked}+", None, answer, question, solution, others
    )
