r"""The playground's result: the chapters' derivation of the reader's network, as HTML.

The same renderers as the backpropagation chapter (:mod:`nnref.render`): the forward table, the
loss, the deltas, one parameter's chain rule (symbols, numbers, value), the update table and the
check after the update, each under a heading, in the page's language. Every number is an element
with ``data-quantity`` and ``data-value`` (:mod:`nnref.render.marks`), ``E-E[1]`` being the
decrease of the error that the check states in words.

>>> from nnref.playground.form import read_state
>>> request = read_state({"sizes": "1,1", "activation": "identity", "x": "2", "target": "0",
...                       "weights": "1/2", "lr": "0.1"})
>>> page = derivation_html(request, "en")
>>> page.values, page.count('data-quantity="E-E[1]" data-value="0.320000000000000000000000000000"')
(39, 1)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Context, Decimal

from nnref.playground.form import FieldErrors, Request, field_of
from nnref.playground.words import word, worded
from nnref.render import (
    after_update_markdown,
    chain_markdown,
    delta_table,
    forward_table,
    inline_math,
    loss_markdown,
    update_table,
)
from nnref.render.fmt import format_decimal
from nnref.render.html import markdown_html
from nnref.render.marks import DIGITS, OPEN, REFERENCE, Marks, marking
from nnref.rounding import round_significant, scaled
from nnref.symbolic import Trace, derive
from nnref.symbolic.names import partial_latex
from nnref.words import check_lang, t

__all__ = ["Derivation", "derivation_html", "trace_of"]

_DECIMAL = re.compile(r"(?<![\d.])-?\d+\.\d+(?!\.?\d)")


@dataclass(frozen=True)
class Derivation:
    html: str
    values: int  # numbers shown, each with data-quantity and data-value

    def count(self, text: str) -> int:
        return self.html.count(text)


def trace_of(request: Request) -> Trace:
    """``derive()`` of the request; its errors (a target outside [0, 1] for bce, a step layer)
    as :class:`FieldErrors` on the field they name."""
    try:
        return derive(
            request.network,
            x=request.x,
            target=request.target,
            weights=request.weights,
            biases=request.biases,
            learning_rate=request.lr,
        )
    except (TypeError, ValueError) as error:
        raise FieldErrors({field_of(str(error), "query"): worded(error)}) from None


def _check_chain(tr: Trace, name: str) -> None:
    try:
        tr.chain(name)
    except ValueError as error:
        raise FieldErrors({"chain": worded(error)}) from None


def _difference(before: Decimal, after: Decimal) -> str:
    """before - after to DIGITS significant digits (both exact to 60 decimals)."""
    difference = Context(prec=200).subtract(before, after)
    if not difference:
        return "0"
    return str(scaled(*round_significant(difference, DIGITS)))


def _decrease(markdown: str, before: Trace, after: Trace, marks: Marks) -> str:
    """The check's last sentence says by how much E changed: give that number its own reference."""
    head, last = markdown.rsplit("\n\n", 1)
    plain = [m for m in _DECIMAL.finditer(last) if last[m.end() : m.end() + 1] != OPEN]
    if not plain:
        return markdown  # E did not change: the sentence has no difference in it
    if len(plain) != 1:
        raise ValueError(f"the check's sentence has {len(plain)} numbers not from a node: {last!r}")
    shown = plain[0].group(0)
    value = _difference(before.decimal("E", 60), after.decimal("E", 60))
    places = len(shown.split(".")[1])
    if format_decimal(abs(Decimal(value)), places) != shown:
        raise ValueError(f"the check states a change of {shown}, but E - E[1] is {value}")
    marked = marks.add_number("E-E[1]", value, shown)
    return f"{head}\n\n{last[: plain[0].start()]}{marked}{last[plain[0].end() :]}"


def _section(title: str, markdown: str, marks: Marks) -> str:
    return f"<h3>{title}</h3>\n{markdown_html(markdown, marks, scroll_tables=True)}"


def _without_marked(page: str) -> str:
    """``page`` without its data-value elements: spans in text, ``\\htmlData{..}{..}`` in math."""
    page = re.sub(r"<span data-quantity[^>]*>[^<]*</span>", "", page)
    out, start = [], 0
    for found in re.finditer(r"\\htmlData\{[^}]*\}\{", page):
        if found.start() < start:
            continue
        out.append(page[start : found.start()])
        depth, index = 1, found.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(page[index], 0)
            index += 1
        start = index
    return "".join(out) + page[start:]


def _unmarked_numbers(page: str) -> list[str]:
    """Decimals on the page outside a data-value element (a renderer path that bypassed marking)."""
    return _DECIMAL.findall(_without_marked(page))


def derivation_html(request: Request, lang: str) -> Derivation:
    """The whole derivation of ``request`` in ``lang`` (see the module docstring)."""
    check_lang(lang)
    tr = trace_of(request)
    _check_chain(tr, request.chain)
    chain_symbol = f'<span class="arithmatex">{inline_math(partial_latex("E", request.chain))}</span>'
    parts = []
    with marking() as marks:
        parts.append(_section(t("forward_heading", lang), forward_table(tr, lang), marks))
        parts.append(_section(t("loss_heading", lang), loss_markdown(tr, lang), marks))
        parts.append(_section(word("deltas_heading", lang), delta_table(tr, lang), marks))
        parts.append(
            _section(
                word("chain_heading", lang, symbol=chain_symbol),
                chain_markdown(tr, request.chain, lang),
                marks,
            )
        )
        if request.lr is None:
            parts.append(f"<p>{html.escape(word('no_rate', lang))}</p>")
        else:
            parts.append(_section(t("update_heading", lang), update_table(tr, lang), marks))
            check = _decrease(after_update_markdown(tr, lang), tr, tr.next(), marks)
            parts.append(_section(t("check_heading_one", lang), check, marks))
    page = "\n".join([f"<h2>{html.escape(word('result', lang))}</h2>", *parts])
    if REFERENCE.search(page) or _unmarked_numbers(page):
        raise ValueError(f"numbers without their quantity on the page: {_unmarked_numbers(page)[:5]}")
    return Derivation(page, page.count("data-value=") + page.count("\\htmlData{"))
