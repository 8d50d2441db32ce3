r"""A Fourier–Motzkin certificate as Markdown with LaTeX: the row inequalities, every elimination,
and the contradiction or the perceptron it ends in (:func:`nnref.symbolic.separability.separate`).

Formatting only: the inequalities, sums and the solution come from the :class:`Separation`.

>>> from nnref.symbolic.separability import separate
>>> xor = separate([((0, 0), 0), ((0, 1), 1), ((1, 0), 1), ((1, 1), 0)])
>>> "0 > 0" in certificate_markdown(xor, "en")
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import sympy

from nnref.render.fmt import aligned_math, inline_math, markdown_table, paragraphs
from nnref.words import check_lang, t

if TYPE_CHECKING:
    from nnref.symbolic.separability import Combination, Elimination, Inequality, Separation

__all__ = ["certificate_markdown", "inequalities_table"]

_HEADER = ("number", "input", "output", "condition", "inequality")


def _number(value: Fraction) -> str:
    return sympy.latex(sympy.Rational(value.numerator, value.denominator))


def _relation(q: Inequality, symbols: Sequence[sympy.Symbol]) -> str:
    return sympy.latex(q.relation(symbols), order="none")


def inequalities_table(sep: Separation, lang: str) -> str:
    """One row per truth-table row: what the output requires of ``w·x + b``, and the inequality."""
    check_lang(lang)
    symbols = sep.symbols
    rows = []
    for q, (x, target) in zip(sep.system, sep.rows, strict=True):
        weighted = sympy.Add(
            *[v * s for v, s in zip(map(sympy.Rational, x), symbols, strict=False) if v],
            symbols[-1],
            evaluate=False,
        )
        relation = sympy.StrictGreaterThan if target else sympy.LessThan
        condition = sympy.latex(relation(weighted, 0, evaluate=False), order="none")
        inputs = "(" + ", ".join(_number(v) for v in x) + ")"
        rows.append(
            [
                f"({q.label})",
                inline_math(inputs),
                str(target),
                inline_math(condition),
                inline_math(_relation(q, symbols)),
            ]
        )
    return markdown_table([t(f"inequalities_{key}", lang) for key in _HEADER], rows, align="cccll")


def _scaled(scale: Fraction, label: int) -> str:
    return f"({label})" if scale == 1 else rf"{_number(scale)} \cdot ({label})"


def _part(scale: Fraction, q: Inequality, symbols: Sequence[sympy.Symbol]) -> str:
    lhs = q.lhs(symbols)
    text = sympy.latex(lhs, order="none")
    if isinstance(lhs, sympy.Add) or text.startswith("-"):
        text = rf"\left({text}\right)"
    return text if scale == 1 else rf"{_number(scale)} \cdot {text}"


def _sum_lines(c: Combination, symbols: Sequence[sympy.Symbol]) -> list[str]:
    """The sum of the two scaled left-hand sides, then what it simplifies to (two lines: phones)."""
    relation = ">" if c.result.strict else r"\geq"
    return [
        rf"{_scaled(c.lower_scale, c.lower.label)} + {_scaled(c.upper_scale, c.upper.label)} &: \quad "
        rf"{_part(c.lower_scale, c.lower, symbols)} + {_part(c.upper_scale, c.upper, symbols)} "
        rf"{relation} 0",
        rf"&\Longrightarrow\; {_relation(c.result, symbols)} \;\; ({c.result.label})",
    ]


def _labels(qs: Iterable[Inequality]) -> str:
    return ", ".join(f"({q.label})" for q in qs)


def _step_text(step: Elimination, index: int, lang: str, first: bool) -> str:
    v = inline_math(sympy.latex(sympy.Symbol(step.variable)))
    parts = [t("certificate_eliminate", lang, v=v)]
    if step.combinations:
        parts.append(t("certificate_combine", lang, v=v))
        if first:
            parts.append(t("certificate_why_add", lang))
    kept = [q for q in step.system if q.coefficients[index] == 0]
    for kind, named in (("dropped", step.dropped), ("kept", kept), ("trivial", step.trivial)):
        if named:
            number = "one" if len(named) == 1 else "many"
            parts.append(t(f"certificate_{kind}_{number}", lang, v=v, labels=_labels(named)))
    if step.duplicates:
        parts.append(
            " ".join(t("certificate_duplicate", lang, a=a.label, b=b.label) for a, b in step.duplicates)
        )
    return " ".join(parts)


def certificate_markdown(sep: Separation, lang: str) -> str:
    """The elimination of ``w1, ..., b`` step by step, then the contradiction or the solution found."""
    check_lang(lang)
    symbols = sep.symbols
    blocks = []
    for index, step in enumerate(sep.eliminations):
        blocks.append(_step_text(step, index, lang, first=index == 0))
        if step.combinations:
            blocks.append(aligned_math([line for c in step.combinations for line in _sum_lines(c, symbols)]))
    if sep.contradiction is not None:
        q = sep.contradiction
        relation = inline_math(_relation(q, symbols))
        blocks.append(t("certificate_contradiction", lang, label=q.label, relation=relation))
    else:
        solution = sep.solution or {}  # a separable system always has one
        values = ", ".join(
            inline_math(f"{sympy.latex(s)} = {_number(v)}")
            for s, v in zip(symbols, solution.values(), strict=True)
        )
        blocks.append(t("certificate_solution", lang, values=values))
    return paragraphs(*blocks)
