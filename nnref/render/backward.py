"""The backward pass of a Trace as Markdown with LaTeX: one parameter's chain rule, the update."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy

from nnref.render.fmt import (
    aligned_math,
    display_math,
    inline_math,
    markdown_table,
    numbers_latex,
    paragraphs,
    signed,
    symbols_latex,
    value_text,
)
from nnref.words import check_lang, count_words, t

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
    shown = {"node": inline_math(node.latex), "step": inline_math(step.latex)}
    if count == 1:  # one path (a single-output layer above): nothing to add up
        intro = t("one_path", lang, **shown)
    else:
        intro = t("many_paths", lang, count=count_words(count, lang), **shown)
    lines = [_product_line(path, tr) if path.factors else _plain_line(path, tr) for path in step.terms]
    names = " + ".join(path.latex for path in step.terms)
    values = " + ".join(signed(value_text(path)) for path in step.terms)
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
    intro = t("chain_intro", lang, parameter=parameter, count=count_words(len(chain), lang))
    outro = t("chain_outro", lang)
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


_PARTIAL_W = r"\(\frac{\partial E}{\partial w}\)"


def _update_header(lang: str) -> tuple[str, ...]:
    return (
        t("update_parameter", lang),
        t("update_current", lang),
        t("update_gradient", lang, symbol=_PARTIAL_W),
        r"\(w - \alpha \frac{\partial E}{\partial w}\)",
        t("update_new", lang, symbol=r"\(w^{+}\)"),
    )


def update_table(tr: Trace, lang: str) -> str:
    """The gradient-descent step: every parameter, its gradient, the update with numbers, the new value."""
    check_lang(lang)
    alpha = value_text(tr.quantity("alpha"))
    intro = t("update_intro", lang, rate=inline_math(rf"\alpha = {alpha}"))
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
    return paragraphs(intro, formula, markdown_table(_update_header(lang), rows, align="lrrlr"))
