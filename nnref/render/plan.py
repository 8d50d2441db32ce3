r"""A document as data: sections of blocks that refer to the nodes they show.

The derivation plan (:mod:`nnref.render.document`) decides what a document holds; writers
(Markdown, LaTeX, JSON, notebook) only serialize it. Text is a tuple of :class:`Span`\ s (words,
inline math, code, links), so no writer parses another writer's output. Each block lists the
:class:`~nnref.symbolic.Node`\ s whose values it shows: the JSON writer serializes exactly those.

>>> for span in spans("Rate \\(\\alpha\\), `tr.next()` <https://wikidocs.net/37406>."):
...     print(span.kind, repr(span.value))
text 'Rate '
math '\\alpha'
text ', '
code 'tr.next()'
text ' '
link 'https://wikidocs.net/37406'
text '.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nnref.symbolic import Node, Step

__all__ = [
    "Block",
    "Code",
    "Equations",
    "Figure",
    "Paragraph",
    "Plan",
    "Rich",
    "Section",
    "Span",
    "Table",
    "spans",
]


@dataclass(frozen=True)
class Span:
    """A run of inline content: ``kind`` is ``text``, ``math`` (LaTeX), ``code`` or ``link`` (a URL)."""

    kind: str
    value: str

    def __str__(self) -> str:
        # The inline markup of nnref's word templates: a Span can be a field of nnref.words.t.
        if self.kind == "math":
            return rf"\({self.value}\)"
        if self.kind == "code":
            return f"`{self.value}`"
        if self.kind == "link":
            return f"<{self.value}>"
        return self.value

    def __repr__(self) -> str:
        return f"Span({self.kind!r}, {self.value!r})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


Rich = tuple[Span, ...]

# Inline math, inline code, <links>: the markup of nnref's own word templates (Span.__str__).
_INLINE = re.compile(r"\\\((.*?)\\\)|`([^`]*)`|<(https?://[^>\s]+)>", re.DOTALL)


def spans(text: str | Span | Sequence[Span]) -> Rich:
    """``text`` (a catalog sentence with its fields filled in) as spans."""
    if isinstance(text, Span):
        return (text,)
    if not isinstance(text, str):
        return tuple(text)
    out: list[Span] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            out.append(Span("text", text[position : match.start()]))
        math, code, link = match.groups()
        if math is not None:
            out.append(Span("math", math))
        elif code is not None:
            out.append(Span("code", code))
        else:
            out.append(Span("link", link))
        position = match.end()
    if position < len(text):
        out.append(Span("text", text[position:]))
    return tuple(out)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline content."""

    content: Rich
    nodes: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table: ``align`` has one letter per column (l, c, r)."""

    header: tuple[Rich, ...]
    rows: tuple[tuple[Rich, ...], ...]
    align: str
    nodes: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Equations:
    """Display math: one line, or several aligned at ``&`` (``a &= b``)."""

    lines: tuple[str, ...]
    nodes: tuple[Node, ...] = ()

    @property
    def aligned(self) -> bool:
        return len(self.lines) > 1 or "&" in self.lines[0]


@dataclass(frozen=True)
class Figure:
    """A line plot of ``y`` over ``x`` (the notebook draws it)."""

    title: str
    x_label: str
    y_label: str
    x: tuple[int, ...]
    y: tuple[Decimal, ...]
    alt: str
    nodes: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Code:
    """Python for a notebook cell, run after the plan's own setup (``tr`` is the trace)."""

    source: str
    nodes: tuple[Node, ...] = ()


Block = Paragraph | Table | Equations | Figure | Code


@dataclass(frozen=True)
class Section:
    """A heading (``level`` 2 to 4; None for text under the title) and its blocks.

    ``key`` names the section in its plan (a notebook shows ``plan.section(key)``);
    ``chain`` is ``(parameter, factors)`` for a chain-rule section (JSON lists the factors).
    """

    key: str
    level: int
    heading: Rich | None
    blocks: tuple[Block, ...]
    chain: tuple[str, tuple[Step, ...]] | None = None


@dataclass(frozen=True)
class Plan:
    """A whole document: its title, language, decimals and sections, and facts for JSON."""

    title: Rich
    lang: str
    digits: int
    sections: tuple[Section, ...]
    facts: dict[str, Any] = field(default_factory=dict)

    def section(self, key: str) -> Section:
        """The section named ``key``."""
        for found in self.sections:
            if found.key == key:
                return found
        raise KeyError(f"no section {key!r} in this plan; it has {', '.join(s.key for s in self.sections)}")

    def blocks(self) -> Iterator[Block]:
        for section in self.sections:
            yield from section.blocks
