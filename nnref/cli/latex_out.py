r"""``nnref derive --format latex``: the derivation plan as LaTeX (pdflatex; Korean with kotex).

Written from the plan (:mod:`nnref.render.plan`), never from Markdown: headings become
``\section*`` (iterations), ``\subsection*`` and ``\subsubsection*`` (one per delta layer and
per gradient); tables become ``longtable``\ s that break across pages, with the widest columns
set as paragraphs when a table would be wider than the page; display math becomes ``align*``
(long lines were already broken by the plan). A4 portrait, 10 pt. ``fragment`` gives the body
alone, for a course's own document (its preamble needs the packages listed at the top).

>>> from nnref.render.plan import Span
>>> rich_latex((Span("text", "100% & more "), Span("math", r"\alpha = 0.5")))
'100\\% \\& more \\(\\alpha = 0.5\\)'
"""

from __future__ import annotations

import re

from nnref.render.layout import width
from nnref.render.plan import Block, Code, Equations, Figure, Paragraph, Plan, Rich, Section, Span, Table

__all__ = ["PACKAGES", "escape_latex", "latex_document", "rich_latex"]

PACKAGES = (
    r"\usepackage[a4paper,margin=2cm]{geometry}",
    r"\usepackage{amsmath,amssymb}",
    r"\usepackage{array,longtable}",
    r"\usepackage{url}",
)
TEXT_WIDTH = 478.0  # points: A4 (597 pt) less two 2 cm margins, less 5 pt for the estimate's error
_COLUMN_GAP = 12.0  # 2 \tabcolsep
_TABLE_SCALE = 0.97  # tables are set \small (0.9), plus what the estimate misses
_HEADINGS = {2: "section*", 3: "subsection*", 4: "subsubsection*"}
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "✓": r"\checkmark{}",
    "✗": r"\ensuremath{\times}",
    "×": r"\ensuremath{\times}",
    "→": r"\ensuremath{\rightarrow}",
    "−": "-",
}


_NEGATIVE = re.compile(r"-\d[\d.]*(e[+-]\d+)?")


def escape_latex(text: str) -> str:
    """``text`` with LaTeX's special characters (and ✓ ✗ × → −) written as LaTeX."""
    return "".join(_SPECIAL.get(char, char) for char in text)


def rich_latex(content: Rich, math: str = "parens") -> str:
    """Inline content as LaTeX: text escaped, math as it is."""
    out = []
    for span in content:
        if span.kind == "math":
            out.append(f"${span.value}$" if math == "dollars" else rf"\({span.value}\)")
        elif span.kind == "code":
            out.append(r"\texttt{" + escape_latex(span.value) + "}")
        elif span.kind == "link":
            out.append(r"\url{" + span.value + "}")
        elif _NEGATIVE.fullmatch(span.value):  # a value cell: a minus sign, not a hyphen
            out.append(r"\ensuremath{-}" + span.value[1:])
        else:
            out.append(escape_latex(span.value))
    return "".join(out)


def _text_width(content: Rich) -> float:
    """Estimated width of a table cell in points (Hangul is about twice as wide as a Latin letter)."""
    total = 0.0
    for span in content:
        if span.kind == "math":
            total += width(span.value, inline=True)
        else:
            total += sum(10.0 if "가" <= char <= "힣" else 5.0 for char in span.value)
            total += 3.0 if _NEGATIVE.fullmatch(span.value) else 0.0  # a minus is wider than a hyphen
    return total * _TABLE_SCALE


_BREAKS = re.compile(r" (?:\+|-|=|\\times) ")  # where TeX may break inline math: after a binary operator


_LEFT_RIGHT = re.compile(r"\\left\(.*?\\right\)")


def _least_width(content: Rich) -> float:
    """Estimated width of the widest part of a cell that LaTeX cannot break."""
    widest = 0.0
    for span in content:
        if span.kind == "math":  # nothing breaks inside \left( \right)
            parts = _BREAKS.split(_LEFT_RIGHT.sub(lambda m: m.group(0).replace(" ", ""), span.value))
        else:
            parts = span.value.split()
        for part in parts:
            part_width = (
                width(part, inline=True) + 12.0 if span.kind == "math" else _text_width((Span("text", part),))
            )
            widest = max(widest, part_width)
    return widest * _TABLE_SCALE


def _columns(table: Table) -> str:
    """A column spec that fits the page: natural columns, and the widest as paragraphs if needed."""
    count = len(table.align)
    natural = [max(_text_width(row[i]) for row in (table.header, *table.rows)) for i in range(count)]
    room = TEXT_WIDTH - _COLUMN_GAP * count
    if sum(natural) <= room:
        return "".join(table.align)
    widths: dict[int, float] = {}
    wide, left = set(range(count)), room
    while wide:  # columns narrower than a fair share keep their width; the rest share what is left
        share = left / len(wide)
        narrow = {i for i in wide if natural[i] <= share}
        if not narrow:
            break
        for i in narrow:
            widths[i] = natural[i]
            left -= natural[i]
        wide -= narrow
    least = [max(_least_width(row[i]) for row in (table.header, *table.rows)) for i in range(count)]
    paragraphs = set(wide)
    while wide:  # the rest in proportion to their natural widths, none below its widest unbreakable run
        scale = left / sum(natural[j] for j in wide)
        cramped = {i for i in wide if natural[i] * scale < least[i]}
        if not cramped or cramped == wide:
            break
        for i in cramped:
            widths[i] = least[i]
            left -= least[i]
        wide -= cramped
    for i in wide:
        widths[i] = max(left * natural[i] / sum(natural[j] for j in wide), least[i])
    spec = []
    for i, align in enumerate(table.align):
        if i in paragraphs:
            flush = {"l": r"\raggedright", "r": r"\raggedleft", "c": r"\centering"}[align]
            spec.append(rf">{{{flush}\arraybackslash}}p{{{max(widths[i], 30.0):.0f}pt}}")
        else:
            spec.append(align)
    return "".join(spec)


def _table(table: Table, math: str) -> str:
    def row(cells: tuple[Rich, ...]) -> str:
        return " & ".join(rich_latex(cell, math) for cell in cells) + r" \\"

    head = row(table.header)
    lines = [
        r"{\small\renewcommand{\arraystretch}{1.3}",
        r"\begin{longtable}{" + _columns(table) + "}",
        r"\hline",
        head,
        r"\hline",
        r"\endfirsthead",
        r"\hline",
        head,
        r"\hline",
        r"\endhead",
        *(row(cells) for cells in table.rows),
        r"\hline",
        r"\end{longtable}}",
    ]
    return "\n".join(lines)


def _block(block: Block, math: str) -> str:
    if isinstance(block, Paragraph):
        return rich_latex(block.content, math)
    if isinstance(block, Table):
        return _table(block, math)
    if isinstance(block, Equations):
        if block.aligned:
            return "\\begin{align*}\n" + " \\\\\n".join(block.lines) + "\n\\end{align*}"
        return "\\[\n" + block.lines[0] + "\n\\]"
    if isinstance(block, Code | Figure):
        raise ValueError(f"a {type(block).__name__.lower()} belongs in a notebook, not in a LaTeX document")
    raise TypeError(f"not a plan block: {block!r}")


def _section(section: Section, math: str) -> str:
    parts = []
    if section.heading is not None:
        bold = r"\boldmath " if any(span.kind == "math" for span in section.heading) else ""
        parts.append("\\" + _HEADINGS[section.level] + "{" + bold + rich_latex(section.heading, math) + "}")
    parts += [_block(block, math) for block in section.blocks]
    return "\n\n".join(parts)


def latex_document(plan: Plan, fragment: bool = False, math: str = "parens") -> str:
    """The plan as a standalone LaTeX document, or (``fragment``) its body alone."""
    body = "\n\n".join(_section(section, math) for section in plan.sections)
    packages = [*PACKAGES, *([r"\usepackage{kotex}"] if plan.lang == "ko" else [])]
    if fragment:
        needs = "\n".join(f"%   {line}" for line in packages)
        head = "% nnref derive: the body of a document whose preamble has"
        return f"{head}\n{needs}\n%   \\allowdisplaybreaks\n\n{body}\n"
    preamble = [
        r"\documentclass[10pt,a4paper]{article}",
        *packages,
        r"\allowdisplaybreaks",
        r"\setlength{\parindent}{0pt}",
        r"\setlength{\parskip}{0.6\baselineskip}",
        r"\begin{document}",
        r"{\LARGE\bfseries " + rich_latex(plan.title, math) + r"\par}",
    ]
    return "\n".join([*preamble, "", body, "", r"\end{document}", ""])
