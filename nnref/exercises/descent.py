"""Gradient-descent exercises: a parameter after one step on a small network, steps on a parabola
(exact iterates from :func:`descent_path`, which the gradient-descent chapter uses too).

>>> ex = parabola_steps(random.Random(2), "en")
>>> dict(ex.givens), ex.ask, ex.answer
({'scale': '1', 'minimum': '-4', 'start': '-2.5', 'lr': '0.25', 'steps': 1}, 'w1', '-3.25')
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy

from nnref.exercises.backprop import GRADIENT_PLACES, derivation, drawn, layer_parameter, trace_exercise
from nnref.exercises.model import Exercise, others_of
from nnref.exercises.numbers import Quantities, draw, exact_text
from nnref.exercises.words import say, times
from nnref.glossary import term
from nnref.render.fmt import fitted_math, paragraphs, signed, value_text
from nnref.render.layout import BOXED
from nnref.symbolic.graph import Kind
from nnref.values import parse_exact, parse_positive_finite

__all__ = ["descent_path", "parabola_steps", "updated_parameter"]

W = sympy.Symbol("w")


def descent_path(
    loss: sympy.Expr, start: object, learning_rate: object, steps: int
) -> tuple[sympy.Rational, ...]:
    """Exact iterates ``w_0, ..., w_steps`` of ``w ← w − η·dE/dw`` for a polynomial ``E(w)``.

    ``loss`` is a SymPy polynomial in one symbol with rational coefficients (a string is
    refused: nothing here parses user text as an expression). ``start`` and ``learning_rate``
    are exact numbers (``"0.1"``, ``1``, ``Fraction``); every iterate is an exact rational.

    >>> w = sympy.Symbol("w")
    >>> descent_path((w - 3)**2, start=0, learning_rate="1.5", steps=2)
    (0, 9, -9)
    >>> descent_path(sympy.exp(w), start=0, learning_rate=1, steps=1)
    Traceback (most recent call last):
    ...
    ValueError: loss must be a polynomial in one symbol with rational coefficients; got exp(w)
    """
    if not isinstance(loss, sympy.Expr):
        raise TypeError(f"loss must be a SymPy expression such as (w - 3)**2; got {type(loss).__name__}")
    symbols = loss.free_symbols
    if len(symbols) != 1 or not loss.is_polynomial(*symbols) or not all(
        c.is_Rational for c in sympy.Poly(loss, *symbols).coeffs()
    ):
        raise ValueError(f"loss must be a polynomial in one symbol with rational coefficients; got {loss}")
    (w,) = symbols
    slope = sympy.diff(loss, w)
    rate = sympy.Rational(_rational(parse_positive_finite(learning_rate, "learning_rate")))
    value = _rational(parse_exact(start, "start"))
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps must be an integer >= 0; got {steps!r}")
    path = [value]
    for _ in range(steps):
        value = value - rate * slope.subs(w, value)
        path.append(value)
    return tuple(path)


def _rational(value: Fraction) -> sympy.Rational:
    return sympy.Rational(value.numerator, value.denominator)


def updated_parameter(rng: random.Random, lang: str) -> Exercise:
    """A weight or bias after one gradient-descent step (5 decimals), with the chain rule that gives
    its gradient."""
    problem, name = drawn(
        rng,
        layer_parameter(None, prefix="", suffix="+"),
        GRADIENT_PLACES,
        rate=True,
        checked=lambda updated: "dE/d" + updated.removesuffix("+"),
    )
    tr = problem.trace
    parameter = name.removesuffix("+")
    current, gradient, new = tr.quantity(parameter), tr.quantity(f"dE/d{parameter}"), tr.quantity(name)
    kind = term("weight" if parameter.startswith("w") else "bias", lang)
    ask = say(
        "ask_update",
        lang,
        rate=value_text(tr.quantity("alpha")),
        kind=kind,
        parameter=current.latex,
        updated=new.latex,
    )
    rate = tr.quantity("alpha")
    update = fitted_math([
        rf"{new.latex} = {current.latex} - \alpha {gradient.latex} = {value_text(current)} - "
        rf"{value_text(rate)} \times {signed(value_text(gradient))} = {value_text(new)}"
    ], BOXED)
    solution = [*derivation(tr, parameter, lang), say("solve_update", lang), update]
    return trace_exercise("updated_parameter", problem, name, GRADIENT_PLACES, ask, lang, solution)


def _shifted(variable: str, minimum: str) -> str:
    """``w - 4`` or ``w + 4`` (never ``w - (-4)``)."""
    return f"{variable} + {minimum[1:]}" if minimum.startswith("-") else f"{variable} - {minimum}"


def _scaled(factor: str, inner: str, numbers: bool = False) -> str:
    """``2(w - 4)``, ``2 × (0.5 - 4)``, or the bare difference when the factor is 1."""
    if factor == "1":
        return inner
    return rf"{factor} \times \left({inner}\right)" if numbers else rf"{factor}\left({inner}\right)"


def parabola_steps(rng: random.Random, lang: str) -> Exercise:
    """``k`` exact gradient-descent steps on ``E(w) = a (w - c)^2`` (``k`` = 1 or 2)."""
    scale, minimum = rng.choice(("1", "1", "0.5", "2")), draw(rng, -5, 5, places=0)
    start = draw(rng, -3, 3)
    rate, steps = rng.choice(("0.1", "0.2", "0.25", "0.4")), rng.choice((1, 2))
    loss = sympy.Rational(scale) * (W - sympy.Rational(minimum)) ** 2
    path = descent_path(loss, start, rate, steps)  # the engine's exact iterates
    slope = sympy.diff(loss, W)
    factor = exact_text(2 * sympy.Rational(scale))
    q = Quantities()
    alpha = q.given("alpha", r"\alpha", rate, Kind.RATE)
    current = q.given("w0", "w_{0}", start, Kind.PARAMETER)
    lines = []
    for k in range(1, steps + 1):
        g = q.derived(f"dE/dw{k - 1}", f"E'(w_{{{k - 1}}})", slope.subs(W, current.symbol), Kind.GRADIENT)
        new = q.derived(f"w{k}", f"w_{{{k}}}", current.symbol - alpha.symbol * g.symbol, Kind.UPDATED)
        shown = value_text(current)
        lines += [
            rf"{g.latex} &= {_scaled(factor, _shifted(current.latex, minimum))}"
            rf" = {_scaled(factor, _shifted(shown, minimum), numbers=True)} = {value_text(g)}",
            rf"{new.latex} &= {current.latex} - \alpha {g.latex} = {shown} - {rate} \times "
            rf"{signed(value_text(g))} = {value_text(new)}",
        ]
        current = new
    if current.value != path[-1]:
        raise ArithmeticError(f"w{steps} is {current.value}, the engine's descent path {path[-1]}")
    answer = exact_text(path[-1])
    square = rf"\left({_shifted('w', minimum)}\right)^{{2}}"
    function = rf"E(w) = {'' if scale == '1' else scale}{square}"
    givens = {"scale": scale, "minimum": minimum, "start": start, "lr": rate, "steps": steps}
    question = (
        say(
            "ask_parabola",
            lang,
            function=function,
            start=start,
            rate=rate,
            times=times(steps, lang),
            target=f"w_{{{steps}}}",
        )
        + " "
        + say("exact", lang)
    )
    derivative = rf"E'(w) = {_scaled(factor, _shifted('w', minimum))}"
    solution = paragraphs(
        say("solve_parabola", lang, slope=derivative),
        fitted_math(lines, BOXED),
        say("answer_exact", lang, answer=answer),
    )
    others = others_of(((name, node) for name, node in q.nodes.items() if name != "alpha"), None, answer)
    return Exercise("", "parabola_steps", lang, givens, f"w{steps}", None, answer, question, solution, others)
