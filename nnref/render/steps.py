"""Several gradient-descent steps side by side: the per-step table and the loss plot.

The table's columns are the loss, each output and the chosen parameters; a row per step. Wide
tables are split into several with the step column repeated, so each fits a page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from nnref.errors import InputError
from nnref.render.fmt import PLACES, value_text
from nnref.render.layout import PAGE
from nnref.render.markdown import blocks_markdown
from nnref.render.plan import Block, Figure, Rich, Table, spans
from nnref.rounding import round_half_up
from nnref.symbolic.graph import Kind
from nnref.values import nonnegative_int
from nnref.words import check_lang, t

if TYPE_CHECKING:
    from nnref.symbolic import Node, Trace

__all__ = ["loss_figure", "steps_blocks", "steps_table", "traces"]

_CELL_PADDING = 14.0  # points between columns of a table, both sides together
_DIGIT = 5.0  # points per digit at 10 pt


def traces(tr: Trace, steps: int) -> list[Trace]:
    """``tr`` and the traces after 1, ..., ``steps`` updates (``steps + 1`` in all)."""
    found = [tr]
    for _ in range(nonnegative_int(steps, "steps")):
        found.append(found[-1].next())
    return found


Column = tuple[Rich, Callable[["Trace"], tuple[str, "Node"]]]


def _columns(first: Trace, parameters: Sequence[str], outputs: bool, digits: int) -> list[Column]:
    def node_column(name: str) -> Callable[[Trace], tuple[str, Node]]:
        return lambda tr: (value_text(tr.quantity(name), digits), tr.quantity(name))

    columns: list[Column] = [(spans(r"\(E\)"), node_column("E"))]
    if outputs:
        for sample in first.samples:
            for node in (n for n in sample.nodes if n.kind is Kind.OUTPUT):
                name = node.name if sample.sample is None else f"{node.name}@{sample.sample}"
                latex = node.latex if sample.sample is None else f"{node.latex}^{{({sample.sample})}}"
                columns.append((spans(rf"\({latex}\)"), node_column(name)))
    for name in parameters:
        columns.append((spans(rf"\({first.quantity(name).latex}\)"), node_column(name)))
    return columns


def _chunks(count: int, digits: int, fixed: float) -> list[range]:
    """Groups of value columns, each group's table (after ``fixed`` points of other columns) within a line."""
    per_column = _DIGIT * (digits + 3) + _CELL_PADDING
    size = max(1, int((PAGE + 60 - fixed) // per_column))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def steps_blocks(
    tr: Trace,
    lang: str,
    steps: Sequence[int],
    parameters: Sequence[str] = (),
    outputs: bool = True,
    decrease: bool = False,
    digits: int = PLACES,
) -> list[Block]:
    """One row per number of updates in ``steps``: E, each output (``outputs``), the ``parameters``
    and (``decrease``) how far E has fallen since the start, in percent."""
    check_lang(lang)
    if isinstance(steps, str) or not isinstance(steps, Sequence) or not steps:
        raise InputError("error_steps_list", argument="steps", got=repr(steps))
    all_traces = traces(tr, max(nonnegative_int(step, f"steps[{i}]") for i, step in enumerate(steps)))
    columns = _columns(tr, parameters, outputs, digits)
    step_header = spans(t("steps_column", lang))
    fixed = 40.0 + (90.0 if decrease else 0.0)
    blocks: list[Block] = []
    start = all_traces[0].decimal("E", 30)
    for group in _chunks(len(columns), digits, fixed):
        chosen = [columns[i] for i in group]
        rows, used = [], []
        for n in steps:
            cells = [spans(str(n))]
            for _, cell in chosen:
                text, node = cell(all_traces[n])
                cells.append(spans(text))
                used.append(node)
            if decrease and group.start == 0:
                fallen = Fraction(start - all_traces[n].decimal("E", 30)) / Fraction(start)
                share = round_half_up(fallen * 100, 1)
                cells.append(spans(f"{share}%"))
            rows.append(tuple(cells))
        header = [step_header, *(head for head, _ in chosen)]
        if decrease and group.start == 0:
            header.append(spans(t("decrease_column", lang)))
        blocks.append(Table(tuple(header), tuple(rows), "r" * len(header), tuple(used)))
    return blocks


def steps_table(tr: Trace, lang: str, steps: Sequence[int], **options: Any) -> str:
    """:func:`steps_blocks` as Markdown (the same keyword options).

    Args:
        tr: the trace before any update (from :func:`nnref.derive`, with a learning rate).
        lang: the language of the words: ``"ko"`` or ``"en"``.
        steps: the numbers of updates to show, one row each, in the order given (``range(4)``,
            ``[0, 1, 10, 100]``): integers of 0 or more; the largest is how many updates are
            derived.
        **options: the keywords of :func:`steps_blocks`: ``parameters`` (names whose values get
            a column, such as ``["w5", "w1"]``; default none), ``outputs`` (a column per output,
            per sample in a mini-batch; default True), ``decrease`` (a column with how far E has
            fallen since update 0, in percent to one decimal; default False) and ``digits``
            (decimals of every number shown, rounded half up; default
            :data:`~nnref.render.fmt.PLACES`).

    Returns:
        One or more Markdown tables (a wide one is split, the steps column repeated in each),
        separated by blank lines.
    """
    return blocks_markdown(steps_blocks(tr, lang, steps, **options))


def loss_figure(tr: Trace, lang: str, steps: int, digits: int = PLACES) -> Figure:
    """E after 0, 1, ..., ``steps`` updates, as a plot to draw."""
    check_lang(lang)
    found = traces(tr, steps)
    values = tuple(Decimal(f"{later.decimal('E', digits + 4)}") for later in found)
    return Figure(
        title=t("steps_plot_title", lang),
        x_label=t("steps_plot_x", lang),
        y_label=t("steps_plot_y", lang),
        x=tuple(range(len(found))),
        y=values,
        alt=t("steps_plot_alt", lang),
        nodes=tuple(later.quantity("E") for later in found),
    )
