r"""How wide a formula is, and where a long one is broken: decided once, in the plan.

Every writer shows the same lines (a handout page, a phone screen, a notebook), so the plan
breaks long sums and products itself. :func:`width` estimates the printed width of a LaTeX
formula in points at 10 pt (display style); :data:`LINE` is the width a display line may take:
the narrowest of them, a phone, sets it (a line that fits 390 px fits a handout page too), and
:data:`PAGE` is the width a table may take on a handout page.

>>> width("0.45 \\times 0.1") < width("0.45 \\times 0.13849856 + 0.7 \\times 0.2")
True
>>> lines = broken("E", ["E_{o_{1}}", "E_{o_{2}}"], " + ")
>>> lines
['E &= E_{o_{1}} + E_{o_{2}}']
>>> len(broken("E", [f"E_{{o_{{{k}}}}}" for k in range(1, 40)], " + "))
7
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nnref.render.marks import CLOSE, OPEN

__all__ = [
    "BOXED",
    "CELL",
    "LINE",
    "PAGE",
    "braced_group",
    "broken",
    "cell_lines",
    "fits",
    "fitted",
    "grouped_pieces",
    "sum_lines",
    "width",
]

# Points at 10 pt. A phone's content box (358 px of a 390 px screen) holds display math of about
# 17.3 px type: 200 pt; less the estimate's error.
LINE = 185.0
PAGE = 420.0  # an A4 portrait text width (483 pt) less room for the label and the estimate's error

_COMMANDS = {
    "times": 12.5,
    "cdot": 8.0,
    "partial": 5.8,
    "alpha": 6.4,
    "delta": 4.5,
    "sigma": 5.7,
    "ln": 10.0,
    "log": 13.0,
    "exp": 16.0,
    "tanh": 20.0,
    "max": 18.0,
    "sum": 14.0,
    "quad": 10.0,
    "qquad": 20.0,
    "odot": 12.5,
    "approx": 13.0,
    "neq": 13.0,
    "leq": 13.0,
    "rightarrow": 15.0,
    "ldots": 13.0,
    "cdots": 13.0,
    "top": 7.8,
    "mathsf": 0.0,
    "mathrm": 0.0,
    "mathbf": 0.0,
    "left": 0.0,
    "right": 0.0,
    "bigl": 0.0,
    "bigr": 0.0,
    "Bigl": 0.0,
    "Bigr": 0.0,
    ",": 1.7,
    ";": 2.8,
    ":": 2.2,
    "!": -1.7,
    " ": 3.3,
    "{": 5.0,
    "}": 5.0,
    "\\": 0.0,
    "text": 0.0,
}
_CHAR = {
    "+": 12.2,
    "-": 12.2,
    "=": 13.3,
    "<": 13.3,
    ">": 13.3,
    "(": 3.9,
    ")": 3.9,
    "[": 2.8,
    "]": 2.8,
    ",": 4.5,
    ".": 2.8,
    " ": 0.0,
    "&": 0.0,
    "|": 2.8,
    "'": 2.8,
    "^": 0.0,
    "_": 0.0,
}


_MARK = re.compile(OPEN + r"\d+" + CLOSE)


def braced_group(text: str, start: int) -> tuple[str, int]:
    """The braced group starting at ``text[start] == "{"`` (or one token), and the index after it."""
    if start >= len(text):
        return "", start
    if text[start] != "{":
        if text[start] == "\\":
            end = start + 1
            while end < len(text) and text[end].isalpha():
                end += 1
            return text[start : max(end, start + 2)], max(end, start + 2)
        return text[start], start + 1
    depth, index = 0, start
    while index < len(text):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index], index + 1
        index += 1
    return text[start + 1 :], len(text)


def width(latex: str, scale: float = 1.0, inline: bool = False) -> float:
    """Estimated printed width of ``latex`` in points (10 pt type; display style, or ``inline``
    text style, where a fraction's parts are set smaller). A mark (:mod:`nnref.render.marks`)
    prints nothing: the same line breaks where it does with marks as without."""
    latex = _MARK.sub("", latex)
    total, index = 0.0, 0
    while index < len(latex):
        char = latex[index]
        if char == "\\":
            name, index = braced_group(latex, index)
            command = name[1:]
            if command in ("frac", "dfrac", "tfrac"):
                top, index = braced_group(latex, index)
                bottom, index = braced_group(latex, index)
                part = scale * (0.78 if inline else 1.0)
                total += max(width(top, part, inline), width(bottom, part, inline)) + 2 * scale
            elif command in ("text", "mathrm", "textrm"):
                words, index = braced_group(latex, index)
                total += 5.0 * scale * len(words)
            elif command in ("begin", "end"):
                _, index = braced_group(latex, index)
            else:
                total += _COMMANDS.get(command, 8.0) * scale
        elif char in "^_":
            script, index = braced_group(latex, index + 1)
            total += width(script, scale * 0.74, inline)
        elif char in "{}":
            index += 1
        else:
            total += _CHAR.get(char, 5.9 if char.isalpha() else 5.0) * scale
            index += 1
    return total


def fits(latex: str, limit: float = LINE) -> bool:
    """True when ``latex`` is estimated to fit in ``limit`` points."""
    return width(latex) <= limit


Piece = str | tuple[str, str]


def broken(lhs: str, pieces: Sequence[Piece], joiner: str, tail: str = "", limit: float = LINE) -> list[str]:
    """Aligned lines ``lhs &= p1 joiner p2 ...`` broken before a joiner where a line would pass
    ``limit``; continuation lines start ``&\\quad joiner`` (``&=`` for ``" = "``). A piece may be
    ``(own joiner, text)`` (a sum inside a product: ``("", "(a")``, ``(" + ", "b)")``). ``tail``
    (``= 0.5``) ends the last line, or goes on a line of its own when it does not fit. A piece
    wider than a line on its own is cut before its own operators (:func:`cell_lines`' rule)."""
    lines: list[str] = []
    current = f"{lhs} &= " if lhs else "&= "
    first = True
    room = limit - width(current)
    glued = [piece if isinstance(piece, tuple) else (joiner, piece) for piece in pieces]
    # A piece cut into parts starts a line of its own, and so does the piece after it: a line
    # never holds the end of one side of "=" and the start of the next.
    cut: list[tuple[str, str, bool]] = []
    after_cut = False
    for glue, text in glued:
        parts = _cut(text, glue, room)
        split = len(parts) > 1 and glue.strip() == "="
        cut += [(g, t, index == 0 and (split or after_cut)) for index, (g, t) in enumerate(parts)]
        after_cut = split
    for glue, text, fresh in cut:
        candidate = current + ("" if first else glue) + text
        if not first and (fresh or width(candidate) > limit):
            lines.append(current)
            # A chain of equalities goes on at the "=" column; a sum or product indented after it.
            indent = "&= " if glue.strip() == "=" else r"&\quad" + (glue if glue.strip() else " ")
            current = indent + text
        else:
            current = candidate
        first = False
    if tail:
        if width(current + tail) > limit:
            lines.append(current)
            current = "&" + tail
        else:
            current += tail
    lines.append(current)
    return lines


def grouped_pieces(terms: Sequence[str], glue: str, joiner: str = " + ") -> list[Piece]:
    """A parenthesised sum as pieces that :func:`broken` may break between its terms."""
    if len(terms) == 1:
        return [(glue, f"({terms[0]})")]
    return [(glue, f"({terms[0]}"), *((joiner, term) for term in terms[1:-1]), (joiner, f"{terms[-1]})")]


def sum_lines(lhs: str, names: Sequence[str], values: Sequence[str], total: str) -> list[str]:
    """``lhs = n1 + n2 = v1 + v2 = total`` on one line when it fits, else broken after the names
    (one term: ``lhs = n1 = total``)."""
    if len(names) == 1:
        return broken(lhs, [names[0], total], " = ")
    one = broken(lhs, [" + ".join(names), " + ".join(values), total], " = ")
    if len(one) == 1:
        return one
    return broken(lhs, names, " + ") + broken("", values, " + ", f" = {total}")


CELL = 150.0  # points: the widest formula of a table cell, so that a four-column table fits a page

_OPERATORS = ((" = ", 0), (" + ", 1), (" - ", 1), (r" \times ", 2))  # how loosely each binds


_DELIMITER = re.compile(r"\\(left|right)(?![A-Za-z])\\?.")


def _operators(latex: str) -> list[tuple[tuple[int, int], int, str]]:
    r"""((parenthesis depth, looseness), index, operator) of each binary operator outside braces and
    ``\left( \right)``; plain parentheses (the plan's sum inside a product) count as depth."""
    found = []
    braces, parens, index = 0, 0, 0
    while index < len(latex):
        delimiter = _DELIMITER.match(latex, index)
        if delimiter:  # \left( opens a group as a brace does, \right) closes it
            braces += 1 if delimiter.group(1) == "left" else -1
            index = delimiter.end()
            continue
        char = latex[index]
        if char == "\\":  # a command (\{ and \} are not braces)
            index = braced_group(latex, index)[1]
            continue
        braces += {"{": 1, "}": -1}.get(char, 0)
        parens += {"(": 1, ")": -1}.get(char, 0) if braces == 0 else 0
        for op, looseness in _OPERATORS:
            if braces == 0 and index > 0 and latex.startswith(op, index):
                found.append(((parens, looseness), index, op))
                break
        index += 1
    return found


def _loosened(latex: str) -> str:
    r"""``latex`` with its outermost ``\left( ... \right)`` groups (outside braces) written with
    fixed-size parentheses, between which a line may break (``\Bigl(`` around a fraction).

    >>> _loosened(r"\left(\frac{1}{2 \left(1 - o\right)} - t\right) \left(1 - o\right)")
    '\\Bigl(\\frac{1}{2 \\left(1 - o\\right)} - t\\Bigr) (1 - o)'
    """
    out: list[str] = []
    braces, depth, opened, index = 0, 0, -1, 0
    while index < len(latex):
        delimiter = _DELIMITER.match(latex, index) if braces == 0 else None
        if delimiter and delimiter.group(1) == "left":
            depth += 1
            if depth == 1:
                opened = len(out)
        elif delimiter and delimiter.group(1) == "right":
            depth -= 1
        if delimiter and depth <= 1 and (depth == 1) == (delimiter.group(1) == "left"):
            out.append(delimiter.group(0))
            if depth == 0:  # the outermost group closed: fixed-size parentheses around it
                size = r"\Big" if r"\frac" in "".join(out[opened:]) else ""
                out[opened] = (f"{size}l" if size else "") + out[opened][len(r"\left") :]
                out[-1] = (f"{size}r" if size else "") + out[-1][len(r"\right") :]
            index = delimiter.end()
            continue
        if delimiter:
            out.append(delimiter.group(0))
            index = delimiter.end()
            continue
        braces += {"{": 1, "}": -1}.get(latex[index], 0)
        out.append(latex[index])
        index += 1
    return "".join(out)


def _cut(latex: str, glue: str, limit: float) -> list[tuple[str, str]]:
    """``latex`` as pieces, cut at its loosest operators and again inside a piece still too wide."""
    found = _operators(latex)
    if width(latex) <= limit:
        return [(glue, latex)]
    if not found:
        loosened = _loosened(latex)
        return [(glue, latex)] if loosened == latex else _cut(loosened, glue, limit)
    loosest = min(key for key, _, _ in found)
    pieces: list[tuple[str, str]] = []
    start = 0
    for key, index, op in found:
        if key == loosest:
            pieces += _cut(latex[start:index], glue, limit)
            glue, start = op, index + len(op)
    return pieces + _cut(latex[start:], glue, limit)


def cell_lines(latex: str, limit: float = CELL) -> str:
    r"""A table cell's formula: as it is when it fits ``limit``, else broken before operators into
    left-aligned lines (an ``aligned`` block, continuation lines indented).

    >>> cell_lines("a + b")
    'a + b'
    >>> delta = r"0.51998934 \left(1 - 0.51998934\right) \times (0.45 \times 0.04985267 + 0.7 \times 0.01)"
    >>> print(cell_lines(delta).replace(r" \\", "\n"))
    \begin{aligned}&0.51998934 \left(1 - 0.51998934\right)
    &\quad \times (0.45 \times 0.04985267 + 0.7 \times 0.01)\end{aligned}
    """
    if width(latex) <= limit:
        return latex
    lines: list[str] = []
    current = ""
    for glue, text in _cut(latex, "", limit):
        candidate = current + glue + text
        if current and width(candidate) > limit:
            lines.append(current)
            current = r"\quad" + (glue if glue.strip() else " ") + text
        else:
            current = candidate
    lines.append(current)
    if len(lines) == 1:
        return latex
    return r"\begin{aligned}&" + r" \\&".join(line.rstrip() for line in lines) + r"\end{aligned}"


BOXED = 165.0  # points: a display line inside a box (an exercise: 330 px of a phone's 390)


def fitted(lines: Sequence[str], limit: float = LINE) -> list[str]:
    r"""Display lines, each wider than ``limit`` broken as :func:`broken` does: ``lhs &= a = b``
    (or ``lhs = a = b``) continues on ``&=`` lines, each cut again before its own operators.

    >>> fitted(["z = b + w_{1} x_{1} = 0.5"])
    ['z = b + w_{1} x_{1} = 0.5']
    >>> fitted(["z &= b + w_{1} x_{1} + w_{2} x_{2} = 0.7 + 0.6 \\times 1 + 0.2 \\times 0.5 = 1.4"], 140)
    ['z &= b + w_{1} x_{1} + w_{2} x_{2}', '&= 0.7 + 0.6 \\times 1 + 0.2 \\times 0.5', '&= 1.4']
    """
    out: list[str] = []
    for line in lines:
        head, marker, rest = line.partition("&=") if "&=" in line else line.partition(" = ")
        if width(line) <= limit or not marker or "&" in head:
            out.append(line)
            continue
        rest = rest.strip()
        cuts = [index for key, index, op in _operators(rest) if key == (0, 0)]
        sides = [rest[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(rest)], strict=True)]
        out += broken(head.strip(), [side.removeprefix("= ") for side in sides], " = ", limit=limit)
    return out
