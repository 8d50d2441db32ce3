r"""The Markdown writer: a :class:`~nnref.render.plan.Plan` (or some of its blocks) as Markdown.

Math is inline ``\( ... \)`` (the site's pymdownx.arithmatex) or ``$ ... $`` (``math="dollars"``:
GitHub, pandoc, Jupyter), display math in ``$$`` blocks; several aligned lines use KaTeX's
``aligned`` environment. The writer decides nothing about content: it prints what the plan holds.

>>> from nnref.render.plan import Equations, Paragraph, spans
>>> print(blocks_markdown([Paragraph(spans("Rate \\(\\alpha\\).")), Equations(("E = 1",))], "dollars"))
Rate $\alpha$.
<BLANKLINE>
$$
E = 1
$$
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nnref.render.fmt import aligned_math, display_math, markdown_table, paragraphs
from nnref.render.layout import braced_group, cell_lines
from nnref.render.plan import Block, Code, Equations, Figure, Paragraph, Plan, Rich, Section, Table

__all__ = [
    "MATH_STYLES",
    "blocks_markdown",
    "computed_blocks",
    "plan_markdown",
    "rich_markdown",
    "section_markdown",
    "static_blocks",
]

MATH_STYLES: tuple[str, ...] = ("parens", "dollars")


def _check_math(math: str) -> str:
    if math not in MATH_STYLES:
        raise ValueError(f"math must be one of {', '.join(MATH_STYLES)}; got {math!r}")
    return math


_NESTED_SUBSCRIPT = re.compile(r"_\{([A-Za-z]+)_\{(\d+)\}\}")


def _cell_math(latex: str) -> str:
    r"""A table cell's formula at a readable size: with a fraction, in display style; an
    exponent that has subscripts written as ``\exp(...)`` and a subscript's own subscript
    flattened (``E_{o1}``): a subscript of a subscript is set at half size. A long formula is
    broken into lines (:func:`~nnref.render.layout.cell_lines`), so that no column is wider than
    a page's share.

    >>> _cell_math(r"\frac{1}{1 + e^{- z_{1}}}"), _cell_math(r"\frac{1}{1 + e^{- 0.08}}")
    ('\\displaystyle \\frac{1}{1 + \\exp\\left(- z_{1}\\right)}', '\\displaystyle \\frac{1}{1 + e^{- 0.08}}')
    >>> _cell_math(r"E_{o_{1}}")
    'E_{o1}'
    """
    latex = _NESTED_SUBSCRIPT.sub(r"_{\1\2}", latex)
    out, index = [], 0
    while (found := latex.find("e^{", index)) >= 0:
        exponent, end = braced_group(latex, found + 2)
        out.append(latex[index:found])
        keep = "_{" not in exponent or (found > 0 and latex[found - 1].isalpha())
        out.append(latex[found:end] if keep else rf"\exp\left({exponent}\right)")
        index = end
    out.append(latex[index:])
    text = cell_lines("".join(out))
    return rf"\displaystyle {text}" if r"\frac" in text else text


def rich_markdown(content: Rich, math: str = "parens", cell: bool = False) -> str:
    """Inline content as Markdown text. In a table ``cell``, a formula with a fraction is set in
    display style, so that its numerator, denominator and exponents keep a readable size."""
    out = []
    for span in content:
        if span.kind == "math":
            value = _cell_math(span.value) if cell else span.value
            out.append(f"${value}$" if math == "dollars" else rf"\({value}\)")
        elif span.kind in ("code", "link"):
            out.append(str(span))
        else:
            out.append(span.value)
    return "".join(out)


def _block(block: Block, math: str) -> str:
    if isinstance(block, Paragraph):
        return rich_markdown(block.content, math)
    if isinstance(block, Table):
        header = [rich_markdown(cell, math, cell=True) for cell in block.header]
        rows = [[rich_markdown(cell, math, cell=True) for cell in row] for row in block.rows]
        return markdown_table(header, rows, align=block.align)
    if isinstance(block, Equations):
        return aligned_math(block.lines) if block.aligned else display_math(block.lines[0])
    if isinstance(block, Code):
        return f"```python\n{block.source}\n```"
    if isinstance(block, Figure):
        raise ValueError("a figure is drawn by a notebook cell; Markdown has no plot to print")
    raise TypeError(f"not a plan block: {block!r}")


def blocks_markdown(blocks: Iterable[Block], math: str = "parens") -> str:
    """Blocks as Markdown, separated by blank lines."""
    _check_math(math)
    return paragraphs(*(_block(block, math) for block in blocks))


def static_blocks(section: Section) -> tuple[Block, ...]:
    """The section's leading paragraphs that show no computed value (a notebook's Markdown cell)."""
    count = 0
    for block in section.blocks:
        if not isinstance(block, Paragraph) or block.nodes:
            break
        count += 1
    return section.blocks[:count]


def computed_blocks(section: Section) -> tuple[Block, ...]:
    """The rest of the section: what a notebook's code cell computes and shows."""
    return section.blocks[len(static_blocks(section)) :]


def section_markdown(
    section: Section, math: str = "parens", heading: bool = True, computed: bool = False
) -> str:
    """One section: its heading (``#`` per level) and its blocks (``computed``: only those after
    the leading static paragraphs, without the heading: what a notebook's code cell shows).

    Args:
        section: a section of a plan (``plan.section(key)``, from :func:`derivation_plan`).
        math: how inline math is delimited, one of :data:`MATH_STYLES`: ``"parens"``
            (``\\( ... \\)``, the site's; the default) or ``"dollars"`` (``$ ... $``: GitHub, pandoc,
            Jupyter). Display math is a ``$$`` block either way.
        heading: print the section's heading (default True); a section without one (level 0,
            a notebook's code) has none to print.
        computed: print only :func:`computed_blocks` (the blocks after the leading paragraphs
            that show no computed value) and no heading, whatever ``heading`` says (default
            False).

    Returns:
        Markdown, blocks separated by blank lines.

    Raises:
        ValueError: ``math`` is not one of :data:`MATH_STYLES`, or the section holds a figure
            (a notebook's loss plot: Markdown cannot draw it).
    """
    if computed:
        return blocks_markdown(computed_blocks(section), math)
    head = (
        f"{'#' * section.level} {rich_markdown(section.heading, math)}" if heading and section.heading else ""
    )
    return paragraphs(head, blocks_markdown(section.blocks, math))


def plan_markdown(plan: Plan, math: str = "parens", fragment: bool = False) -> str:
    """The whole document; ``fragment`` leaves out the title (for inclusion in another page).

    Args:
        plan: the document (from :func:`derivation_plan` or :func:`gate_plan`).
        math: how inline math is delimited, one of :data:`MATH_STYLES`: ``"parens"``
            (``\\( ... \\)``, the site's; the default) or ``"dollars"`` (``$ ... $``: GitHub, pandoc,
            Jupyter). Display math is a ``$$`` block either way.
        fragment: leave out the ``#`` title, so that the sections (``##`` and below) fit into
            another page (default False).

    Returns:
        Markdown ending with a newline, every section with its heading.

    Raises:
        ValueError: ``math`` is not one of :data:`MATH_STYLES`, or the plan holds a figure (a
            plan made with ``notebook=True`` and 2 or more steps: only the notebook writer
            draws its loss plot).
    """
    title = "" if fragment else f"# {rich_markdown(plan.title, math)}"
    return paragraphs(title, *(section_markdown(section, math) for section in plan.sections)) + "\n"
