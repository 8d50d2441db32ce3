"""Loss exercises: a loss (sse, mse, bce, cce) of given outputs and targets, and dE/do_k.

The loss and its derivative are the symbolic engine's (:data:`nnref.symbolic.LOSSES`,
:func:`~nnref.symbolic.functions.loss_derivative`), as nodes rounded half up exactly. A wrong
answer that equals the same vectors' value under another loss is named as that loss's value
(``E_mse``: "you used the mean, not the sum").

>>> ex = loss_value(random.Random(3), "en")
>>> dict(ex.givens), ex.answer
({'loss': 'mse', 'o': '0.9,0.8,0.2', 'target': '0.5,0.9,0.7'}, '0.1400')
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy

from nnref.exercises.backprop import worth_asking
from nnref.exercises.model import Exercise, others_of
from nnref.exercises.numbers import Quantities, draw, exact_text, formula_latex
from nnref.exercises.words import loss_name, say
from nnref.render import inline_math
from nnref.render.fmt import fitted_math, numbers_latex, paragraphs, value_text
from nnref.render.layout import BOXED
from nnref.symbolic.functions import LOSSES, OUT, TGT, loss_derivative
from nnref.symbolic.graph import Kind, Node

__all__ = ["loss_gradient", "loss_value"]

PLACES = 4
ATTEMPTS = 200


def _vectors(rng: random.Random, loss: str, count: int) -> tuple[list[str], list[str]]:
    """Outputs and targets that ``loss`` accepts: probabilities and a one-hot target for cce,
    outputs strictly between 0 and 1 and 0/1 targets for bce, any tenths in [0, 1] otherwise."""
    if loss == "cce":
        cuts = sorted(rng.sample(range(1, 10), count - 1))
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, 10], strict=True)]
        hot = rng.randrange(count)
        return [exact_text(Fraction(p, 10)) for p in parts], ["1" if k == hot else "0" for k in range(count)]
    if loss == "bce":
        return ([draw(rng, 0.1, 0.9) for _ in range(count)], [str(rng.randint(0, 1)) for _ in range(count)])
    return (
        [draw(rng, 0, 1, zero=True) for _ in range(count)],
        [draw(rng, 0, 1, zero=True) for _ in range(count)],
    )


def _accepts(loss: str, o: list[str], t: list[str]) -> bool:
    """Whether ``loss`` is defined on these vectors (the other losses a wrong answer is checked against)."""
    os_, ts = [sympy.Rational(v) for v in o], [sympy.Rational(v) for v in t]
    if loss == "bce":
        return all(0 < v < 1 for v in os_) and all(0 <= v <= 1 for v in ts)
    if loss == "cce":
        return all(v > 0 for v in os_) and all(v >= 0 for v in ts) and sum(ts) == 1
    return True


def _ln(latex: str) -> str:
    """The natural logarithm as the chapters write it (SymPy prints ``\\log``)."""
    return latex.replace(r"\log", r"\ln")


class _LossProblem:
    """The vectors as nodes, and E and dE/do_k of every loss defined on them."""

    def __init__(self, loss: str, o: list[str], t: list[str]) -> None:
        self.loss, self.o, self.t, self.count = loss, o, t, len(o)
        self.q = Quantities()
        self.outputs = [self.q.given(f"o{k}", f"o_{{{k}}}", v, Kind.OUTPUT) for k, v in enumerate(o, start=1)]
        self.targets = [self.q.given(f"t{k}", f"t_{{{k}}}", v, Kind.TARGET) for k, v in enumerate(t, start=1)]
        self.losses = [name for name in LOSSES if _accepts(name, o, t)]
        self.E: dict[str, Node] = {}
        self.slopes: dict[str, list[Node]] = {}
        for name in self.losses:
            suffix = "" if name == loss else f"[{name}]"
            latex = "E" if name == loss else rf"E_{{\mathrm{{{name}}}}}"
            terms = [
                LOSSES[name].term(o_.symbol, t_.symbol, self.count)
                for o_, t_ in zip(self.outputs, self.targets, strict=True)
            ]
            self.E[name] = self.q.derived("E" + suffix, latex, sympy.Add(*terms), Kind.LOSS)
            generic = loss_derivative(name, self.count)
            if generic.is_polynomial(OUT, TGT):  # sse, mse: c (o - t), as the chapter writes it
                generic = sympy.factor(generic)
            self.slopes[name] = [
                self.q.derived(
                    f"dE{suffix}/do{k}",
                    rf"\frac{{\partial {latex}}}{{\partial o_{{{k}}}}}",
                    generic.xreplace({OUT: o_.symbol, TGT: t_.symbol}),
                    Kind.DERIVATIVE,
                )
                for k, (o_, t_) in enumerate(zip(self.outputs, self.targets, strict=True), start=1)
            ]

    @property
    def givens(self) -> dict[str, object]:
        return {"loss": self.loss, "o": ",".join(self.o), "target": ",".join(self.t)}

    def question_text(self, lang: str) -> str:
        vectors = (
            inline_math(r"o = (" + ", ".join(self.o) + ")"),
            inline_math("t = (" + ", ".join(self.t) + ")"),
        )
        return say(
            "ask_loss_given",
            lang,
            name=loss_name(self.loss, lang),
            code=self.loss,
            formula=inline_math(_ln("E = " + formula_latex(self.E[self.loss]))),
            o=vectors[0],
            targets=vectors[1],
        )

    def loss_line(self) -> str:
        node = self.E[self.loss]
        return _ln(rf"E = {formula_latex(node)} = {numbers_latex(node)} = {value_text(node)}")

    def named(self) -> list[tuple[str, Node]]:
        return [(name, node) for name, node in self.q.nodes.items()]


def _drawn(rng: random.Random, pick_output: bool) -> tuple[_LossProblem, int]:
    for _ in range(ATTEMPTS):
        loss = rng.choice(tuple(LOSSES))
        count = 3 if loss == "mse" else rng.choice((2, 3))  # mse of 2 outputs is exactly sse
        o, t = _vectors(rng, loss, count)
        problem = _LossProblem(loss, o, t)
        k = rng.randint(1, count) if pick_output else 0
        node = problem.slopes[loss][k - 1] if pick_output else problem.E[loss]
        if worth_asking(node.decimal(PLACES), PLACES):
            return problem, k
    raise RuntimeError(f"no vectors in {ATTEMPTS} draws had an answer worth asking")  # pragma: no cover


def loss_value(rng: random.Random, lang: str) -> Exercise:
    """E of 2 or 3 outputs under one of the four losses (4 decimals)."""
    problem, _ = _drawn(rng, pick_output=False)
    node = problem.E[problem.loss]
    answer = f"{node.decimal(PLACES):f}"
    question = " ".join(
        (problem.question_text(lang), say("ask_loss", lang), say("round", lang, places=PLACES))
    )
    solution = paragraphs(
        fitted_math([problem.loss_line()], BOXED), say("answer_rounded", lang, places=PLACES, answer=answer)
    )
    others = others_of(problem.named(), PLACES, answer)
    return Exercise("", "loss_value", lang, problem.givens, "E", PLACES, answer, question, solution, others)


def loss_gradient(rng: random.Random, lang: str) -> Exercise:
    """dE/do_k: the loss's partial derivative with respect to one output (4 decimals)."""
    problem, k = _drawn(rng, pick_output=True)
    node = problem.slopes[problem.loss][k - 1]
    answer = f"{node.decimal(PLACES):f}"
    question = " ".join(
        (
            problem.question_text(lang),
            say("ask_loss_slope", lang, slope=inline_math(node.latex)),
            say("round", lang, places=PLACES),
        )
    )
    generic = loss_derivative(problem.loss, problem.count).xreplace(
        {OUT: sympy.Symbol("o_k"), TGT: sympy.Symbol("t_k")}
    )
    if generic.is_polynomial():
        generic = sympy.factor(generic)
    general = _ln(rf"\frac{{\partial E}}{{\partial o_k}} = {sympy.latex(generic, order='old')}")
    line = _ln(rf"{node.latex} = {formula_latex(node)} = {numbers_latex(node)} = {value_text(node)}")
    solution = paragraphs(
        say("solve_loss_slope", lang, general=inline_math(general)),
        fitted_math([line], BOXED),
        say("answer_rounded", lang, places=PLACES, answer=answer),
    )
    others = others_of(problem.named(), PLACES, answer)
    return Exercise(
        "", "loss_gradient", lang, problem.givens, f"dE/do{k}", PLACES, answer, question, solution, others
    )
