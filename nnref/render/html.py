r"""The Markdown that :mod:`nnref.render` writes, as HTML, with machine-readable numbers.

The playground runs nnref in a reader's browser, where there is no Python-Markdown. The
renderers write a small subset: paragraphs with inline math ``\(...\)``, display math blocks
(``$$`` lines) and pipe tables. :func:`markdown_html` turns exactly that subset into the HTML
that Python-Markdown with ``tables`` and ``pymdownx.arithmatex`` (generic) gives on the site
(tests/test_playground.py compares the two), so the site's KaTeX typesets it the same way.
Anything else (a heading, a list, emphasis, code, raw HTML, ``$`` in text) is a ValueError: the
subset is checked, never guessed.

Numbers recorded by :func:`~nnref.render.marks.marking` become elements with ``data-quantity``
(the trace's name) and ``data-value`` (30 significant digits): ``\htmlData{...}{0.5}`` inside
math (KaTeX draws a span with those attributes; the page allows ``\htmlData`` and nothing
else), a ``<span>`` in text.

>>> from nnref.render.marks import marking
>>> from nnref.render.fmt import inline_math, value_text
>>> from nnref.examples import derive_example
>>> tr = derive_example()
>>> with marking() as marks:
...     error = inline_math("E = " + value_text(tr.quantity("E")))
...     markdown = f"E is {error}, x1 is {value_text(tr.quantity('x1'))}."
>>> print(markdown_html(markdown, marks))  # doctest: +NORMALIZE_WHITESPACE
<p>E is <span class="arithmatex">\(E =
\htmlData{quantity=E, value=0.0239719007517300289597693952430}{0.02397190}\)</span>, x1 is
<span data-quantity="x1" data-value="0.100000000000000000000000000000">0.1</span>.</p>
"""

from __future__ import annotations

import html
import re

from nnref.render.marks import REFERENCE, Mark, Marks

__all__ = ["markdown_html", "quantity_attributes"]

_INLINE_MATH = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
_DISPLAY = re.compile(r"\$\$\n(?P<latex>.*)\n\$\$", re.DOTALL)
# What Python-Markdown (with the site's extensions) would read as something other than text.
_NOT_TEXT = re.compile(r"[`*_\[\]<>\\$]|&\w+;|^\s*(?:#|[-+*] |\d+[.)] |>|=== )", re.MULTILINE)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_ALIGN = {":--": "left", "--:": "right", ":-:": "center"}


def quantity_attributes(mark: Mark) -> str:
    """``data-quantity="..." data-value="..."`` for a shown number."""
    return f'data-quantity="{html.escape(mark.name)}" data-value="{html.escape(mark.value)}"'


def _numbers(segment: str, marks: Marks | None, math: bool) -> str:
    """``segment`` with every number reference replaced by its element (HTML-escaped output)."""
    out, start = [], 0
    for found in REFERENCE.finditer(segment):
        if marks is None:
            raise ValueError("the Markdown has number references but no marks were given")
        mark = marks[int(found.group(1))]
        begin = found.start() - len(mark.text)
        if begin < start or segment[begin : found.start()] != mark.text:
            raise ValueError(f"a number reference is not right after its text {mark.text!r}")
        out.append(html.escape(segment[start:begin], quote=False))
        if math:
            attributes = f"quantity={mark.name}, value={mark.value}"
            out.append(html.escape(rf"\htmlData{{{attributes}}}{{{mark.text}}}", quote=False))
        else:
            out.append(f"<span {quantity_attributes(mark)}>{html.escape(mark.text, quote=False)}</span>")
        start = found.end()
    out.append(html.escape(segment[start:], quote=False))
    return "".join(out)


def _inline(text: str, marks: Marks | None) -> str:
    """Text with inline math, as HTML."""
    out, start = [], 0
    for found in _INLINE_MATH.finditer(text):
        out.append(_text(text[start : found.start()], marks))
        out.append(f'<span class="arithmatex">\\({_numbers(found.group(1), marks, math=True)}\\)</span>')
        start = found.end()
    out.append(_text(text[start:], marks))
    return "".join(out)


def _text(text: str, marks: Marks | None) -> str:
    plain = REFERENCE.sub("", text)
    syntax = _NOT_TEXT.search(plain)
    if syntax:
        raise ValueError(f"text outside the renderers' Markdown subset ({syntax.group(0)!r}): {plain!r}")
    return _numbers(text, marks, math=False)


def _cells(line: str) -> list[str]:
    if not (line.startswith("|") and line.endswith("|")):
        raise ValueError(f"a table line must start and end with '|': {line!r}")
    return [cell.strip().replace(r"\|", "|") for cell in _CELL_SPLIT.split(line[1:-1])]


def _table(lines: list[str], marks: Marks | None, scroll: bool) -> str:
    header, align, *rows = (_cells(line) for line in lines)
    if len(align) != len(header) or any(a not in _ALIGN for a in align):
        raise ValueError(f"a table needs one of {', '.join(_ALIGN)} per column; got {align!r}")
    styles = [f' style="text-align: {_ALIGN[a]};"' for a in align]

    def row(cells: list[str], tag: str) -> str:
        if len(cells) != len(header):
            raise ValueError(f"every table row needs {len(header)} cells; got {cells!r}")
        inner = "\n".join(
            f"<{tag}{style}>{_inline(c, marks)}</{tag}>" for c, style in zip(cells, styles, strict=True)
        )
        return f"<tr>\n{inner}\n</tr>"

    body = "\n".join(row(cells, "td") for cells in rows)
    table = f"<table>\n<thead>\n{row(header, 'th')}\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    if scroll:  # Material's markup for a table that scrolls sideways on a narrow screen
        table = f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{table}</div></div>'
    return table


def _block(block: str, marks: Marks | None, scroll: bool) -> str:
    display = _DISPLAY.fullmatch(block)
    if display:
        return f'<div class="arithmatex">\\[\n{_numbers(display.group("latex"), marks, math=True)}\n\\]</div>'
    lines = block.split("\n")
    if lines[0].startswith("|"):
        return _table(lines, marks, scroll)
    return f"<p>{_inline(block, marks)}</p>"


def markdown_html(markdown: str, marks: Marks | None = None, scroll_tables: bool = False) -> str:
    """``markdown`` (the renderers' subset, see the module docstring) as HTML.

    ``marks``: the numbers recorded while the Markdown was rendered; each becomes an element
    with ``data-quantity`` and ``data-value``. ``scroll_tables`` wraps each table the way
    Material does on its own pages, so that a wide table scrolls instead of widening the page.
    """
    blocks = [block.strip("\n") for block in re.split(r"\n\s*\n", markdown.strip("\n"))]
    return "\n".join(_block(block, marks, scroll_tables) for block in blocks if block)
