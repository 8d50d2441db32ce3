r"""The exercises' Markdown (a subset: headings, paragraphs, pipe tables, ``\( \)`` and
``\[ \]`` math, inline code) as a LaTeX body, for their problem sheets and answer keys.

The derivation handouts are written from their plan instead (:mod:`nnref.cli.latex_out`);
the exercises are Markdown first, because the same text is a chapter page's section.
"""

from __future__ import annotations

import re

from nnref.cli.latex_out import escape_latex

__all__ = ["markdown_to_latex_body"]

_SECTIONS = {1: "section*", 2: "subsection*", 3: "subsubsection*", 4: "paragraph*"}
_ALIGN = {":--": "l", "--:": "r", ":-:": "c"}
# Inline math, inline code, <links>: everything else on a line is text to escape.
_INLINE = re.compile(r"(\\\(.*?\\\))|`([^`]*)`|<(https?://[^>\s]+)>")


def _escape(text: str) -> str:
    return escape_latex(text.replace(r"\|", "|"))


def _inline(text: str) -> str:
    """One line of Markdown text: math kept, code in ``\\texttt``, links in ``\\url``, the rest escaped."""
    out, position = [], 0
    for match in _INLINE.finditer(text):
        out.append(_escape(text[position : match.start()]))
        math, code, link = match.groups()
        if math is not None:
            out.append(math)
        elif code is not None:
            out.append(r"\texttt{" + _escape(code) + "}")
        else:
            out.append(r"\url{" + link + "}")
        position = match.end()
    out.append(_escape(text[position:]))
    return "".join(out)


def _cells(line: str) -> list[str]:
    # Split on | that is not escaped as \| (render escapes | inside cells).
    inner = line.strip()[1:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def _table(lines: list[str]) -> str:
    header, marks, rows = _cells(lines[0]), _cells(lines[1]), [_cells(line) for line in lines[2:]]
    align = "".join(_ALIGN.get(mark, "l") for mark in marks)
    body = [" & ".join(_inline(c) for c in header) + r" \\", r"\hline"]
    body += [" & ".join(_inline(c) for c in row) + r" \\" for row in rows]
    return "\\begin{tabular}{" + align + "}\n\\hline\n" + "\n".join(body) + "\n\\hline\n\\end{tabular}"


def markdown_to_latex_body(markdown: str) -> str:
    """The body (no preamble) of the LaTeX version of ``markdown``."""
    blocks = re.split(r"\n\s*\n", markdown.strip())
    out = []
    for block in blocks:
        lines = block.strip("\n").split("\n")
        heading = re.fullmatch(r"(#{1,4}) (.*)", lines[0])
        if heading and len(lines) == 1:
            out.append("\\" + _SECTIONS[len(heading.group(1))] + "{" + _inline(heading.group(2)) + "}")
        elif lines[0].strip() == "$$" and lines[-1].strip() == "$$":
            out.append("\\[\n" + "\n".join(lines[1:-1]) + "\n\\]")
        elif all(line.startswith("|") for line in lines) and len(lines) >= 2:
            out.append(_table(lines))
        else:
            out.append("\n".join(_inline(line) for line in lines))
    return "\n\n".join(out)
