"""The backward pass of a Trace as plan blocks: one parameter's chain rule, the update."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy

from nnref.render.deltas import delta_latex, path_sum
from nnref.render.fmt import PLACES, numbers_latex, referenced, signed, symbols_latex, value_text
from nnref.render.forward import sample_latex
from nnref.render.layout import LINE, Piece, broken, fits, grouped_pieces, sum_lines
from nnref.render.markdown import blocks_markdown
from nnref.render.plan import Block, Equations, Paragraph, Table, spans
from nnref.symbolic.graph import Kind
from nnref.symbolic.names import partial_latex
from nnref.words import check_lang, count_words, t

if TYPE_CHECKING:
    from nnref.symbolic import Node, SampleTrace, Step, Trace

__all__ = [
    "batch_chain_blocks",
    "chain_blocks",
    "chain_markdown",
    "product_lines",
    "update_block",
    "update_table",
]

_DOT, _TIMES = r" \cdot ", r" \times "
_GENERAL_SYMBOLS = 12  # more symbols than this: a formula of many paths, derived in parts instead


def _grouped(latex: str, expr: sympy.Expr) -> str:
    """Parenthesise a sum that becomes one factor of a product."""
    return rf"\left({latex}\right)" if isinstance(expr, sympy.Add) else latex


def _factor(step: Step, tr: Trace | SampleTrace, digits: int, cite: bool) -> tuple[list[Piece], list[Piece]]:
    """(symbols, numbers) of one chain factor, as pieces of a product line. A factor that sums over
    the paths above was derived before: shown by its name, or (``cite``) in the deltas the
    document derived."""
    if step.terms:
        if cite and step.wrt.kind is Kind.PRE:
            return [(_DOT, delta_latex(step.wrt))], [(_TIMES, signed(value_text(step, digits)))]
        if cite:
            path_symbols, path_numbers, _ = path_sum(tr, step, digits)
            return grouped_pieces(path_symbols, _DOT), grouped_pieces(path_numbers, _TIMES)
        return [(_DOT, step.latex)], [(_TIMES, signed(value_text(step, digits)))]
    symbols = _grouped(symbols_latex(step.formula), step.formula)
    numbers = _grouped(numbers_latex(step, digits), step.formula)
    return [(_DOT, symbols)], [(_TIMES, numbers)]


def product_lines(lhs: str, factors: list[str], value: str) -> list[str]:
    """``lhs &= f1 × f2 × ... = value``, broken where it would not fit."""
    return broken(lhs, factors, _TIMES, f" = {value}")


def _path_lines(path: Step, digits: int) -> list[str]:
    """One path of a sum: ``dE_o1/dh1 = dE/do1 · do1/dz3 · dz3/dh1 = values = value``."""
    value = value_text(path, digits)
    if not path.factors:
        return [rf"{path.latex} &= {symbols_latex(path.formula)} = {numbers_latex(path, digits)} = {value}"]
    names = _DOT.join(f.latex for f in path.factors)
    values = [signed(value_text(f, digits)) for f in path.factors]
    named = path.latex.replace(" ", "") == names.replace(_DOT.strip(), "").replace(" ", "")
    lhs = names if named else path.latex
    one = f"{lhs} &= " + ("" if named else f"{names} = ") + _TIMES.join(values) + f" = {value}"
    if fits(one):
        return [one]
    return ([] if named else [f"{lhs} &= {names}"]) + product_lines("" if not named else lhs, values, value)


def _sum_block(step: Step, lang: str, digits: int) -> list[Block]:
    """A factor that sums over the paths through the layer above: each path, then the sum."""
    count = len(step.terms)
    shown = {"node": rf"\({step.wrt.latex}\)", "step": rf"\({step.latex}\)"}
    if count == 1:  # one path (a single-output layer above): nothing to add up
        intro = t("one_path", lang, **shown)
    else:
        intro = t("many_paths", lang, count=count_words(count, lang), **shown)
    lines = [line for path in step.terms for line in _path_lines(path, digits)]
    names = [path.latex for path in step.terms]
    values = [signed(value_text(path, digits)) for path in step.terms]
    lines += sum_lines(step.latex, names, values, value_text(step, digits))
    used = [node for path in step.terms for node in (path, *path.factors)]
    return [Paragraph(spans(intro)), Equations(tuple(lines), (*used, step))]


def chain_blocks(
    tr: Trace | SampleTrace, name: str, lang: str, digits: int = PLACES, cite_deltas: bool = False
) -> list[Block]:
    """The chain-rule derivation of dE/d``name``: factors, in symbols, with numbers, the value.

    A hidden-layer parameter's first factor sums over the paths above (dE/dh1 over both outputs
    in the 2-2-2 example): derived first, path by path, or (``cite_deltas``, in a document whose
    delta tables came before) written with those deltas.
    """
    check_lang(lang)
    chain = tr.chain(name)
    gradient = tr.quantity(f"dE/d{name}")
    blocks: list[Block] = []
    if not cite_deltas:
        for step in chain:
            if step.terms:
                blocks += _sum_block(step, lang, digits)
    parameter = rf"\({tr.quantity(name).latex}\)"
    blocks.append(
        Paragraph(spans(t("chain_intro", lang, parameter=parameter, count=count_words(len(chain), lang))))
    )
    parts = [_factor(step, tr, digits, cite_deltas) for step in chain]
    lines = [rf"{gradient.latex} &= {_DOT.join(step.latex for step in chain)}"]
    for line in (
        broken("", [piece for symbols, _ in parts for piece in symbols], _DOT),
        broken("", [piece for _, numbers in parts for piece in numbers], _TIMES),
        product_lines("", [signed(value_text(step, digits)) for step in chain], value_text(gradient, digits)),
    ):
        if line != lines[-len(line) :]:  # e.g. dz/db = 1 has nothing to substitute
            lines += line
    used = [*chain, gradient]
    for step in chain:
        if step.terms:
            if cite_deltas and step.wrt.kind is not Kind.PRE:  # a delta itself is a node of the chain
                used += list(path_sum(tr, step, digits)[2])
        else:
            used += referenced(step)
    blocks.append(Equations(tuple(lines), tuple(used)))
    general = None if cite_deltas else _general(chain, gradient)
    if general is not None:
        blocks += [Paragraph(spans(t("chain_outro", lang))), Equations((general,))]
    return blocks


def _in_chain_order(step: Step) -> str:
    """A step's formula written along the chain (``(o_1 - t_1) o_1 (1 - o_1) w_5``), not in
    SymPy's order of symbols."""
    if step.terms:
        return r"\left(" + " + ".join(_in_chain_order(term) for term in step.terms) + r"\right)"
    if step.factors:
        return " ".join(_in_chain_order(factor) for factor in step.factors)
    return _grouped(symbols_latex(step.formula), step.formula)


def _general(chain: tuple[Step, ...], gradient: Node) -> str | None:
    """The gradient in symbols only, factor by factor in chain order, when it is short (the
    last two layers of weights) and fits one line."""
    formula = gradient.formula
    if len(formula.free_symbols) > _GENERAL_SYMBOLS:
        return None
    line = f"{gradient.latex} = {' '.join(_in_chain_order(step) for step in chain)}"
    return line if fits(line, LINE) else None


def chain_markdown(tr: Trace, name: str, lang: str, digits: int = PLACES) -> str:
    """:func:`chain_blocks` as Markdown (each path of a hidden factor derived first).

    Args:
        tr: the trace to render (from :func:`nnref.derive`).
        name: the parameter (``"w5"``) whose gradient is derived.
        lang: the language of the words: ``"ko"`` or ``"en"``.
        digits: decimals of every number shown (rounded half up from the exact value).

    Returns:
        Markdown with display math.
    """
    return blocks_markdown(chain_blocks(tr, name, lang, digits))


def batch_chain_blocks(tr: Trace, name: str, lang: str, digits: int = PLACES) -> list[Block]:
    """A mini-batch gradient: each sample's dE/dw in delta form, then their mean."""
    check_lang(lang)
    gradient = tr.quantity(f"dE/d{name}")
    count = len(tr.samples)
    lines = [
        rf"{gradient.latex} &= \frac{{1}}{{{count}}} \sum_{{n=1}}^{{{count}}} "
        + partial_latex("E^{(n)}", name)
    ]
    used: list[Node] = [gradient]
    for sample in tr.samples:
        local = sample.chain(name)[-1]  # dz/dw: the sending value (1 for a bias)
        delta = sample.quantity(f"dE/d{local.of.name}")
        part = sample.quantity(f"dE/d{name}")
        n = sample.sample
        part_latex = partial_latex(f"E^{{({n})}}", name)
        if local.rational and local.value == 1:
            lines.append(
                rf"{part_latex} &= {sample_latex(delta_latex(local.of), n)}"
                rf" = {value_text(part, digits)}"
            )
        else:
            source = local.formula_nodes[next(iter(local.formula.free_symbols))]
            lines.append(
                rf"{part_latex} &= {sample_latex(delta_latex(local.of), n)}"
                rf" {sample_latex(source.latex, n)} = {signed(value_text(delta, digits))}{_TIMES}"
                rf"{signed(value_text(local, digits))} = {value_text(part, digits)}"
            )
        used += [part, delta, local]
    values = [signed(value_text(sample.quantity(f"dE/d{name}"), digits)) for sample in tr.samples]
    scale = rf"\frac{{1}}{{{count}}}"
    pieces = [f"{scale}({values[0]}", *values[1:-1], f"{values[-1]})"] if count > 1 else values
    lines += broken(gradient.latex, pieces, " + ", f" = {value_text(gradient, digits)}")
    parameter = rf"\({tr.quantity(name).latex}\)"
    intro = Paragraph(spans(t("batch_chain_intro", lang, parameter=parameter, count=count)))
    return [intro, Equations(tuple(lines), tuple(used))]


_PARTIAL_W = r"\(\frac{\partial E}{\partial w}\)"


def _update_header(lang: str) -> tuple:
    return tuple(
        spans(text)
        for text in (
            t("update_parameter", lang),
            t("update_current", lang),
            t("update_gradient", lang, symbol=_PARTIAL_W),
            r"\(w - \alpha \frac{\partial E}{\partial w}\)",
            t("update_new", lang, symbol=r"\(w^{+}\)"),
        )
    )


def update_block(tr: Trace, lang: str, digits: int = PLACES) -> list[Block]:
    """The gradient-descent step: every parameter, its gradient, the update with numbers, the new value."""
    check_lang(lang)
    alpha = value_text(tr.quantity("alpha"), digits)
    intro = Paragraph(spans(t("update_intro", lang, rate=rf"\(\alpha = {alpha}\)")), (tr.quantity("alpha"),))
    formula = Equations((r"w^{+} = w - \alpha \frac{\partial E}{\partial w}",))
    rows, used = [], []
    for name in tr.network.parameters:
        current, gradient, new = tr.quantity(name), tr.quantity(f"dE/d{name}"), tr.quantity(f"{name}+")
        step = f"{value_text(current, digits)} - {alpha}" + _TIMES + signed(value_text(gradient, digits))
        rows.append(
            tuple(
                spans(cell)
                for cell in (
                    rf"\({current.latex}\)",
                    value_text(current, digits),
                    value_text(gradient, digits),
                    rf"\({step}\)",
                    value_text(new, digits),
                )
            )
        )
        used += [current, gradient, new]
    return [intro, formula, Table(_update_header(lang), tuple(rows), "lrrlr", tuple(used))]


def update_table(tr: Trace, lang: str, digits: int = PLACES) -> str:
    """:func:`update_block` as Markdown.

    Args:
        tr: the trace to render (from :func:`nnref.derive`).
        lang: the language of the words: ``"ko"`` or ``"en"``.
        digits: decimals of every number shown (rounded half up from the exact value).

    Returns:
        The table as Markdown.
    """
    return blocks_markdown(update_block(tr, lang, digits))
