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

from nnref.glossary import term
from nnref.render.fmt import aligned_math, inline_math, markdown_table, paragraphs
from nnref.words import check_lang

if TYPE_CHECKING:
    from nnref.symbolic.separability import Combination, Elimination, Inequality, Separation

__all__ = ["certificate_markdown", "inequalities_table"]

_HEADER = {
    "ko": ("번호", "입력", "출력", "필요한 조건", "부등식"),
    "en": ("No.", "Input", "Output", "Condition", "Inequality"),
}


def _number(value: Fraction) -> str:
    return sympy.latex(sympy.Rational(value.numerator, value.denominator))


def _relation(q: Inequality, symbols: Sequence[sympy.Symbol]) -> str:
    return sympy.latex(q.relation(symbols), order="none")


def inequalities_table(sep: Separation, lang: str) -> str:
    """One row per truth-table row: what the output requires of ``w·x + b``, and the inequality."""
    check_lang(lang)
    symbols = sep.symbols
    rows = []
    for q, (x, t) in zip(sep.system, sep.rows, strict=True):
        weighted = sympy.Add(
            *[v * s for v, s in zip(map(sympy.Rational, x), symbols, strict=False) if v],
            symbols[-1],
            evaluate=False,
        )
        relation = sympy.StrictGreaterThan if t else sympy.LessThan
        condition = sympy.latex(relation(weighted, 0, evaluate=False), order="none")
        inputs = "(" + ", ".join(_number(v) for v in x) + ")"
        rows.append(
            [
                f"({q.label})",
                inline_math(inputs),
                str(t),
                inline_math(condition),
                inline_math(_relation(q, symbols)),
            ]
        )
    return markdown_table(_HEADER[lang], rows, align="cccll")


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
    if lang == "ko":
        parts = [f"{v} 소거."]
        if step.combinations:
            parts.append(
                f"{v}의 계수가 양수인 부등식과 음수인 부등식을 짝지어, {v} 항이 없어지도록 양수를 "
                f"곱해 "
                "더합니다."
            )
            if first:
                parts.append("참인 부등식에 양수를 곱해 더한 부등식도 참입니다.")
        if step.dropped:
            parts.append(
                f"{_labels(step.dropped)}번 부등식은 {v} 값을 한쪽으로만 제한하므로, {v} 값을 "
                f"충분히 "
                "크거나 작게 잡으면 늘 만족됩니다. 그래서 뺍니다."
            )
        kept = [q for q in step.system if q.coefficients[index] == 0]
        if kept:
            parts.append(f"{_labels(kept)}번 부등식에는 {v} 항이 없으므로 그대로 둡니다.")
        if step.trivial:
            parts.append(f"{_labels(step.trivial)}번 부등식은 변수가 없는 참인 부등식이라 뺍니다.")
        if step.duplicates:
            parts.append(
                " ".join(
                    f"({a.label})번 부등식은 ({b.label})번 부등식과 같으므로 하나만 남깁니다."
                    for a, b in step.duplicates
                )
            )
    else:
        parts = [f"Eliminate {v}."]
        if step.combinations:
            parts.append(
                f"Each inequality with a positive coefficient on {v} is paired with each one with a "
                f"negative coefficient, and positive multiples of the two are added so that {v} "
                "cancels."
            )
            if first:
                parts.append("Positive multiples of true inequalities add up to a true inequality.")
        if step.dropped:
            one = len(step.dropped) == 1
            parts.append(
                f"{_labels(step.dropped)} bound{'s' if one else ''} {v} from one side only: a large "
                f"or small enough {v} always satisfies {'it' if one else 'them'}, so "
                f"{'it is' if one else 'they are'} set aside."
            )
        kept = [q for q in step.system if q.coefficients[index] == 0]
        if kept:
            one = len(kept) == 1
            parts.append(
                f"{_labels(kept)} {'does' if one else 'do'} not contain {v} and "
                f"{'stays' if one else 'stay'} as {'it is' if one else 'they are'}."
            )
        if step.trivial:
            one = len(step.trivial) == 1
            parts.append(
                f"{_labels(step.trivial)} {'has' if one else 'have'} no variable left and "
                f"{'is' if one else 'are'} true: set aside."
            )
        if step.duplicates:
            parts.append(
                " ".join(f"({a.label}) is the same as ({b.label}); one is kept." for a, b in step.duplicates)
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
        if lang == "ko":
            blocks.append(
                f"({q.label})번 부등식은 {relation}으로, 거짓입니다. 처음 부등식이 모두 참이라면 "
                f"그 "
                "부등식들에 양수를 곱해 더한 이 부등식도 참이어야 하므로, 모든 행의 조건을 함께 "
                "만족하는 "
                f"{term('weight', 'ko')}와 {term('bias', 'ko')}은 없습니다. 이 "
                f"{term('truth_table', 'ko')}는 "
                f"{term('perceptron', 'ko')} 하나로 계산할 수 없습니다."
            )
        else:
            blocks.append(
                f"({q.label}) says {relation}, which is false. It is a sum of positive multiples "
                f"of "
                "the starting inequalities, so it would hold if they all did: no weights and bias "
                f"meet every row's condition, and no single {term('perceptron', 'en')} computes "
                f"this {term('truth_table', 'en')}."
            )
    else:
        solution = sep.solution or {}  # a separable system always has one
        values = ", ".join(
            inline_math(f"{sympy.latex(s)} = {_number(v)}")
            for s, v in zip(symbols, solution.values(), strict=True)
        )
        if lang == "ko":
            blocks.append(
                "모든 변수를 소거해도 거짓인 부등식이 나오지 않으므로 해가 있습니다. 마지막 "
                "변수부터 "
                f"거꾸로 대입해 허용 구간에서 가장 간단한 값을 고르면 {values}이고, 이 "
                f"{term('perceptron', 'ko')}은 모든 행에서 {term('truth_table', 'ko')}의 출력을 "
                f"냅니다."
            )
        else:
            blocks.append(
                "No false inequality appears once every variable is gone, so a solution exists. "
                "Substituting back from the last variable, with the simplest value each interval "
                f"allows, gives {values}: this {term('perceptron', 'en')} outputs the "
                f"{term('truth_table', 'en')} on every row."
            )
    return paragraphs(*blocks)
