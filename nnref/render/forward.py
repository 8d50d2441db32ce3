"""The forward pass, the loss and the after-update check of a Trace, as Markdown with LaTeX."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from nnref import registry
from nnref.glossary import term
from nnref.render.fmt import (
    PLACES,
    aligned_math,
    exact_latex,
    format_decimal,
    inline_math,
    markdown_table,
    numbers_latex,
    paragraphs,
    symbols_latex,
    value_text,
)
from nnref.symbolic.graph import Kind
from nnref.words import check_lang, t

if TYPE_CHECKING:
    from nnref.symbolic import Trace

__all__ = ["after_update_markdown", "forward_table", "loss_markdown"]

_FORWARD_COLUMNS = ("forward_node", "forward_formula", "forward_numbers", "forward_value", "forward_exact")


def forward_table(tr: Trace, lang: str, exact: bool | None = None) -> str:
    """One row per pre-activation and activation, in the order they are computed.

    Columns: the node, its formula in symbols, the same with numbers, the value (8 decimals, or
    the exact short decimal for a rational such as ``0.08``) and, when ``exact`` (default: for
    a trace before any update), the exact closed form where it is short. After an update the
    parameters are themselves long closed forms, so that column is left out.
    """
    check_lang(lang)
    exact = tr.iteration == 0 if exact is None else exact
    header = [t(key, lang) for key in (_FORWARD_COLUMNS if exact else _FORWARD_COLUMNS[:-1])]
    rows = []
    for node in tr.nodes:
        if node.kind is Kind.INPUT:
            continue
        shown = value_text(node)
        row = [
            inline_math(node.latex),
            inline_math(symbols_latex(node.formula)),
            inline_math(numbers_latex(node)),
            shown,
        ]
        if exact:
            closed = exact_latex(node)
            row.append(inline_math(closed) if closed and closed != shown else "")
        rows.append(row)
    return markdown_table(header, rows, align="lllrl"[: len(header)])


def _loss_lines(tr: Trace) -> list[str]:
    """aligned-environment lines: each output's share, then the total."""
    lines = []
    outputs = [node for node in tr.nodes if node.kind is Kind.OUTPUT]
    shares = [tr.quantity(f"E_{node.name}") for node in outputs]
    for share in shares:
        lines.append(
            rf"{share.latex} &= {symbols_latex(share.formula)} = {numbers_latex(share)}"
            rf" = {value_text(share)}"
        )
    total = tr.quantity("E")
    names = " + ".join(share.latex for share in shares)
    values = " + ".join(value_text(share) for share in shares)
    lines.append(rf"E &= {names} = {values} = {value_text(total)}")
    return lines


def loss_markdown(tr: Trace, lang: str) -> str:
    """The loss: its definition, each output's share with numbers, and the total E."""
    check_lang(lang)
    spec = registry.LOSSES[tr.network.loss]
    key, definition = spec.glossary_key, spec.latex
    name = term(key, lang)
    targets = ", ".join(
        inline_math(rf"t_{{{k}}} = {value_text(tr.quantity(f't{k}'))}") for k in range(1, len(tr.output) + 1)
    )
    definition = inline_math("E = " + definition)
    intro = t("loss_intro", lang, name=name, code=tr.network.loss, definition=definition, targets=targets)
    return paragraphs(intro, aligned_math(_loss_lines(tr)))


def _decrease(before: Trace, after: Trace) -> Decimal:
    # A difference of two 30-decimal values, rounded half-up to 8 places (display only).
    difference = before.decimal("E", 30) - after.decimal("E", 30)
    return difference.quantize(Decimal(1).scaleb(-PLACES), rounding=ROUND_HALF_UP)


def after_update_markdown(tr: Trace, lang: str) -> str:
    """The result check: the forward pass and E again with the updated parameters, and the change."""
    check_lang(lang)
    nxt = tr.next()
    table = forward_table(nxt, lang)
    change = _decrease(tr, nxt)
    before, after = value_text(tr.quantity("E")), value_text(nxt.quantity("E"))
    amount = format_decimal(abs(change))
    intro = t("after_intro", lang)
    key = "after_decreased" if change > 0 else "after_increased" if change < 0 else "after_same"
    outro = t(key, lang, symbol=inline_math("E"), before=before, after=after, amount=amount)
    return paragraphs(intro, table, aligned_math(_loss_lines(nxt)), outro)
