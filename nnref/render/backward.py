"""The backward pass of a Trace as Markdown with LaTeX: one parameter's chain rule, the update."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy

from nnref.glossary import term
from nnref.render.fmt import (
    aligned_math,
    check_lang,
    display_math,
    inline_math,
    markdown_table,
    numbers_latex,
    paragraphs,
    signed,
    symbols_latex,
    value_text,
)

if TYPE_CHECKING:
    from nnref.symbolic import Step, Trace

__all__ = ["chain_markdown", "update_table"]

_DOT, _TIMES = r" \cdot ", r" \times "


def _grouped(latex: str, expr: sympy.Expr) -> str:
    """Parenthesise a sum that becomes one factor of a product."""
    return rf"\left({latex}\right)" if isinstance(expr, sympy.Add) else latex


def _factor_symbols(step: Step) -> str:
    # A factor that is itself a sum over paths was derived above: show it by its name.
    return step.latex if step.terms else _grouped(symbols_latex(step.formula), step.formula)


def _factor_numbers(step: Step, tr: Trace) -> str:
    if step.terms:
        return signed(value_text(step))
    return _grouped(numbers_latex(step), step.formula)


def _product_line(step: Step, tr: Trace) -> str:
    """``latex &= factor · factor = value × value = value`` for a product of chain-rule steps."""
    factors = step.factors
    names = _DOT.join(f.latex for f in factors)
    values = _TIMES.join(signed(value_text(f)) for f in factors)
    if step.latex.replace(" ", "") == names.replace(_DOT.strip(), "").replace(" ", ""):
        return rf"{names} &= {values} = {value_text(step)}"  # the step is named by its product
    return rf"{step.latex} &= {names} = {values} = {value_text(step)}"


def _plain_line(step: Step, tr: Trace) -> str:
    return (
        rf"{step.latex} &= {symbols_latex(step.formula)} = {numbers_latex(step)}"
        rf" = {value_text(step)}"
    )


def _sum_block(step: Step, tr: Trace, lang: str) -> str:
    """A factor that sums over the paths through the layer above: each path, then the sum."""
    node = step.wrt
    count = len(step.terms)
    if count == 1:  # one path (a single-output layer above): nothing to add up
        intro = {
            "ko": f"{inline_math(node.latex)}의 값은 경로 하나로만 {term('error', 'ko')}에 영향을 주므로, "
            f"{inline_math(step.latex)}는 그 경로의 {term('partial_derivative', 'ko')} 하나입니다.",
            "en": f"{inline_math(node.latex)} affects the error along a single path, so "
            f"{inline_math(step.latex)} is that path's {term('partial_derivative', 'en')}.",
        }[lang]
    elif lang == "ko":
        intro = (
            f"{inline_math(node.latex)}의 값은 {count}개의 경로로 {term('error', 'ko')}에 영향을 주므로, "
            f"{inline_math(step.latex)} 역시 경로마다의 {term('partial_derivative', 'ko')}을 "
            "모두 더한 값입니다."
        )
    else:
        intro = (
            f"{inline_math(node.latex)} affects the error along {count} paths, so "
            f"{inline_math(step.latex)} is the sum of one {term('partial_derivative', 'en')} per path."
        )
    lines = [_product_line(t, tr) if t.factors else _plain_line(t, tr) for t in step.terms]
    names = " + ".join(t.latex for t in step.terms)
    values = " + ".join(signed(value_text(t)) for t in step.terms)
    if count > 2:  # three or more paths: the sum with numbers goes on its own line to fit the page
        lines += [rf"{step.latex} &= {names}", rf"&= {values} = {value_text(step)}"]
    else:
        lines.append(rf"{step.latex} &= {names} = {values} = {value_text(step)}")
    return paragraphs(intro, aligned_math(lines))


def chain_markdown(tr: Trace, name: str, lang: str) -> str:
    """The chain-rule derivation of dE/d``name``: factors, in symbols, with numbers, the value.

    For a hidden-layer parameter the factor that sums over the downstream paths (dE/dh1 over
    both outputs in the 2-2-2 example) is derived first, path by path.
    """
    check_lang(lang)
    chain = tr.chain(name)
    gradient = tr.quantity(f"dE/d{name}")
    parameter = inline_math(tr.quantity(name).latex)
    blocks = [_sum_block(step, tr, lang) for step in chain if step.terms]
    if lang == "ko":
        intro = (
            f"{parameter}에 대한 {term('partial_derivative', 'ko')}은 {term('chain_rule', 'ko')}에 따라 "
            f"다음 {len(chain)}개 {term('partial_derivative', 'ko')}의 곱입니다."
        )
        outro = f"{term('chain_rule', 'ko')}의 곱을 기호로 한 줄에 쓰면 다음과 같습니다."
    else:
        intro = (
            f"By the {term('chain_rule', 'en')}, the {term('partial_derivative', 'en')} with respect to "
            f"{parameter} is the product of {len(chain)} partial derivatives."
        )
        outro = "Written out in symbols, the product is:"
    lines = [rf"{gradient.latex} &= {_DOT.join(step.latex for step in chain)}"]
    for line in (
        "&= " + _DOT.join(_factor_symbols(step) for step in chain),
        "&= " + _TIMES.join(_factor_numbers(step, tr) for step in chain),
        "&= " + _TIMES.join(signed(value_text(step)) for step in chain),
        f"&= {value_text(gradient)}",
    ):
        if line != lines[-1]:  # e.g. dz/db = 1 has nothing to substitute
            lines.append(line)
    general = display_math(f"{gradient.latex} = {symbols_latex(tr.formula(name))}")
    return paragraphs(*blocks, intro, aligned_math(lines), outro, general)


_UPDATE_HEADER = {
    "ko": ("매개변수", "현재 값", r"기울기 \(\frac{\partial E}{\partial w}\)",
           r"\(w - \alpha \frac{\partial E}{\partial w}\)", r"새 값 \(w^{+}\)"),
    "en": ("Parameter", "Current value", r"Gradient \(\frac{\partial E}{\partial w}\)",
           r"\(w - \alpha \frac{\partial E}{\partial w}\)", r"New value \(w^{+}\)"),
}


def update_table(tr: Trace, lang: str) -> str:
    """The gradient-descent step: every parameter, its gradient, the update with numbers, the new value."""
    check_lang(lang)
    alpha = value_text(tr.quantity("alpha"))
    rate = inline_math(rf"\alpha = {alpha}")
    if lang == "ko":
        intro = (
            f"{term('gradient_descent', 'ko')}으로 모든 {term('parameter', 'ko')}를 한꺼번에 갱신합니다. "
            f"기울기는 모두 갱신 전 값에서 구한 것이고, {term('learning_rate', 'ko')}은 "
            f"{rate}입니다."
        )
    else:
        intro = (
            f"{term('gradient_descent', 'en').capitalize()} updates every {term('parameter', 'en')} at once, "
            f"each with its gradient at the old values; the {term('learning_rate', 'en')} is "
            f"{rate}."
        )
    formula = display_math(r"w^{+} = w - \alpha \frac{\partial E}{\partial w}")
    rows = []
    for name in tr.network.parameters:
        current, gradient = tr.quantity(name), tr.quantity(f"dE/d{name}")
        step = f"{value_text(current)} - {alpha}" + _TIMES + signed(value_text(gradient))
        rows.append([
            inline_math(current.latex),
            value_text(current),
            value_text(gradient),
            inline_math(step),
            value_text(tr.quantity(f"{name}+")),
        ])
    return paragraphs(intro, formula, markdown_table(_UPDATE_HEADER[lang], rows, align="lrrlr"))
