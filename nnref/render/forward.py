"""The forward pass, the loss and the after-update check of a Trace: plan blocks and their Markdown."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from nnref import registry
from nnref.glossary import term
from nnref.render.fmt import (
    PLACES,
    SCIENTIFIC_ABOVE,
    exact_latex,
    numbers_latex,
    referenced,
    symbols_latex,
    value_text,
)
from nnref.render.layout import broken, sum_lines
from nnref.render.markdown import blocks_markdown
from nnref.render.plan import Block, Equations, Paragraph, Table, spans
from nnref.rounding import round_half_up, terminating_decimal
from nnref.symbolic.graph import Kind
from nnref.words import check_lang, t

if TYPE_CHECKING:
    from nnref.symbolic import Node, SampleTrace, Trace

__all__ = [
    "after_update_blocks",
    "after_update_markdown",
    "exact_blocks",
    "forward_block",
    "forward_blocks",
    "forward_table",
    "loss_blocks",
    "loss_markdown",
    "loss_name",
    "sample_latex",
]

_FORWARD_COLUMNS = ("forward_node", "forward_formula", "forward_numbers", "forward_value")


def loss_name(loss: str, lang: str) -> str:
    """The glossary's name of a loss (``sse`` -> 오차 제곱합 / sum of squared errors)."""
    return term(registry.LOSSES[loss].glossary_key, lang)


def sample_latex(latex: str, sample: int | None) -> str:
    """``latex`` of a quantity of mini-batch sample ``sample`` (``E^{(2)}``); unchanged for None."""
    return latex if sample is None else f"{latex}^{{({sample})}}"


def forward_block(tr: Trace | SampleTrace, lang: str, digits: int = PLACES) -> Table:
    """One row per pre-activation and activation, in the order they are computed.

    Columns: the node, its formula in symbols, the same with numbers and the value (``digits``
    decimals, or the exact short decimal for a rational such as ``0.08``). The exact closed
    forms are a block of their own (:func:`exact_blocks`): in a column they made the table wider
    than a page.
    """
    check_lang(lang)
    nodes = _computed(tr)
    header = tuple(spans(t(key, lang)) for key in _FORWARD_COLUMNS)
    rows = tuple(
        (
            spans(rf"\({node.latex}\)"),
            spans(rf"\({symbols_latex(node.formula)}\)"),
            spans(rf"\({numbers_latex(node, digits)}\)"),
            spans(value_text(node, digits)),
        )
        for node in nodes
    )
    used = tuple(n for node in nodes for n in (node, *referenced(node)))
    return Table(header, rows, "lllr", used)


def _terminates(node: Node, digits: int) -> bool:
    # The rule of value_text: a short rational is printed as its exact decimal.
    value = node.value
    exact = terminating_decimal(Fraction(int(value.p), int(value.q)), digits)
    return exact is not None and abs(value) < SCIENTIFIC_ABOVE


def _computed(tr: Trace | SampleTrace) -> list[Node]:
    return [node for node in tr.nodes if node.kind is not Kind.INPUT]


def exact_blocks(tr: Trace | SampleTrace, lang: str, digits: int = PLACES) -> list[Block]:
    """The exact closed forms of the forward pass, one aligned line per node, under its table.

    Only the nodes computed from given numbers alone have one (the first layer, before any
    update: ``h_1 = 1/(e^{-2/25} + 1)``); after an update the parameters are themselves long
    closed forms, so there is none. A rational whose decimal is exact (``0.08``) is left out.
    """
    check_lang(lang)
    shown = []
    for node in _computed(tr):
        if node.iteration != 0:
            return []
        if node.rational and _terminates(node, digits):
            continue  # its decimal (0.08) is the exact value
        closed = exact_latex(node)
        if closed:
            shown.append((node, closed))
    if not shown:
        return []
    lines = tuple(rf"{node.latex} &= {closed}" for node, closed in shown)
    intro = Paragraph(spans(t("forward_exact_intro", lang)))
    return [intro, Equations(lines, tuple(node for node, _ in shown))]


def forward_blocks(tr: Trace | SampleTrace, lang: str, digits: int = PLACES) -> list[Block]:
    """The forward table and, under it, the exact closed forms (:func:`exact_blocks`)."""
    return [forward_block(tr, lang, digits), *exact_blocks(tr, lang, digits)]


def forward_table(tr: Trace, lang: str, digits: int = PLACES) -> str:
    """:func:`forward_blocks` as Markdown.

    Args:
        tr: the trace to render (from :func:`nnref.derive`).
        lang: the language of the words: ``"ko"`` or ``"en"``.
        digits: decimals of every number shown (rounded half up from the exact value).

    Returns:
        The table, and the exact closed forms under it, as Markdown.
    """
    return blocks_markdown(forward_blocks(tr, lang, digits))


def _shares(tr: Trace | SampleTrace) -> list[Node]:
    return [tr.quantity(f"E_{node.name}") for node in tr.nodes if node.kind is Kind.OUTPUT]


def _loss_lines(tr: Trace | SampleTrace, digits: int) -> Equations:
    """Each output's share, then the total (for a mini-batch sample, its own E^(n))."""
    shares = _shares(tr)
    lines = [
        line
        for share in shares
        for line in broken(
            share.latex,
            [symbols_latex(share.formula), numbers_latex(share, digits), value_text(share, digits)],
            " = ",
        )
    ]
    total = tr.quantity("E")
    names, values = [share.latex for share in shares], [value_text(share, digits) for share in shares]
    lines += sum_lines(
        sample_latex("E", getattr(tr, "sample", None)), names, values, value_text(total, digits)
    )
    nodes = (*(n for share in shares for n in (share, *referenced(share))), total)
    return Equations(tuple(lines), nodes)


def _loss_intro(tr: Trace | SampleTrace, lang: str, digits: int, targets: bool = True) -> Paragraph:
    spec = registry.LOSSES[tr.network.loss]
    key, definition = spec.glossary_key, spec.latex
    outputs = [node for node in tr.nodes if node.kind is Kind.OUTPUT]
    shown = [tr.quantity(f"t{k}") for k in range(1, len(outputs) + 1)]
    target_text = ", ".join(rf"\(t_{{{k}}} = {value_text(node, digits)}\)" for k, node in enumerate(shown, 1))
    fields = {"name": term(key, lang), "code": tr.network.loss, "definition": rf"\(E = {definition}\)"}
    if targets:
        return Paragraph(spans(t("loss_intro", lang, targets=target_text, **fields)), tuple(shown))
    return Paragraph(spans(t("loss_intro_batch", lang, **fields)))


def loss_blocks(tr: Trace | SampleTrace, lang: str, digits: int = PLACES) -> list[Block]:
    """The loss: its definition and the targets, each output's share with numbers, the total E."""
    check_lang(lang)
    return [_loss_intro(tr, lang, digits), _loss_lines(tr, digits)]


def loss_markdown(tr: Trace, lang: str, digits: int = PLACES) -> str:
    """:func:`loss_blocks` as Markdown.

    Args:
        tr: the trace to render (from :func:`nnref.derive`).
        lang: the language of the words: ``"ko"`` or ``"en"``.
        digits: decimals of every number shown (rounded half up from the exact value).

    Returns:
        Markdown with display math.
    """
    return blocks_markdown(loss_blocks(tr, lang, digits))


def batch_loss_blocks(tr: Trace, lang: str, digits: int = PLACES) -> list[Block]:
    """A mini-batch's loss: E as the mean of the samples' errors."""
    samples = tr.samples
    scale = rf"\frac{{1}}{{{len(samples)}}}"
    names = [sample_latex("E", s.sample) for s in samples]
    values = [value_text(s.quantity("E"), digits) for s in samples]
    lines = broken(
        "E", [f"{scale}({names[0]}", *names[1:-1], f"{names[-1]})"] if len(names) > 1 else names, " + "
    )
    lines += broken(
        "",
        [f"{scale}({values[0]}", *values[1:-1], f"{values[-1]})"] if len(values) > 1 else values,
        " + ",
        f" = {value_text(tr.quantity('E'), digits)}",
    )
    nodes = (*(s.quantity("E") for s in samples), tr.quantity("E"))
    return [Paragraph(spans(t("batch_mean_loss", lang, count=len(samples)))), Equations(tuple(lines), nodes)]


def _change(before: Node, after: Node, digits: int) -> Decimal:
    # A difference of two values known to 30 more decimals, rounded half up to digits (display only).
    return round_half_up(before.decimal(digits + 30) - after.decimal(digits + 30), digits)


def change_paragraph(before: Node, after: Node, lang: str, digits: int = PLACES) -> Paragraph:
    """How E changed from ``before`` to ``after``, in words."""
    change = _change(before, after, digits)
    key = "after_decreased" if change > 0 else "after_increased" if change < 0 else "after_same"
    text = t(
        key,
        lang,
        symbol=r"\(E\)",
        before=value_text(before, digits),
        after=value_text(after, digits),
        amount=f"{abs(change):f}",
    )
    return Paragraph(spans(text), (before, after))


def after_update_blocks(tr: Trace, lang: str, digits: int = PLACES) -> list[Block]:
    """The result check: the forward pass and E again with the updated parameters, and the change."""
    check_lang(lang)
    nxt = tr.next()
    blocks: list[Block] = [Paragraph(spans(t("after_intro", lang)))]
    if tr.is_batch:
        for sample in nxt.samples:
            blocks += [
                Paragraph(spans(t("sample_label", lang, number=sample.sample))),
                forward_block(sample, lang, digits),
                _loss_lines(sample, digits),
            ]
        blocks += batch_loss_blocks(nxt, lang, digits)[1:]
    else:
        blocks += [forward_block(nxt, lang, digits), _loss_lines(nxt, digits)]
    blocks.append(change_paragraph(tr.quantity("E"), nxt.quantity("E"), lang, digits))
    return blocks


def after_update_markdown(tr: Trace, lang: str, digits: int = PLACES) -> str:
    """:func:`after_update_blocks` as Markdown.

    Args:
        tr: the trace to render (from :func:`nnref.derive`).
        lang: the language of the words: ``"ko"`` or ``"en"``.
        digits: decimals of every number shown (rounded half up from the exact value).

    Returns:
        Markdown.
    """
    return blocks_markdown(after_update_blocks(tr, lang, digits))
