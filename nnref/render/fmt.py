"""Number and math formatting shared by the renderers: decimals, inline/display math, tables.

Formatting only: values arrive computed (exact SymPy values, Decimals from ``Trace.decimal``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["display_math", "format_decimal", "inline_math", "markdown_table"]


def format_decimal(value: Decimal, places: int = 8) -> str:
    """``value`` with exactly ``places`` decimals, rounded half-up, trailing zeros kept.

    >>> format_decimal(Decimal("0.5274723"), 8), format_decimal(Decimal("0.025922855"), 8)
    ('0.52747230', '0.02592286')
    >>> format_decimal(Decimal("-0.000000001"), 8), format_decimal(Decimal("0.08"), 2)
    ('0.00000000', '0.08')
    >>> format_decimal(0.5, 8)
    Traceback (most recent call last):
    ...
    TypeError: value must be a decimal.Decimal (from Trace.decimal); got float 0.5
    """
    if not isinstance(value, Decimal):
        raise TypeError(
            f"value must be a decimal.Decimal (from Trace.decimal); got {type(value).__name__} {value!r}"
        )
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 100:
        raise ValueError(f"places must be an integer from 0 to 100; got {places!r}")
    if not value.is_finite():
        raise ValueError(f"value must be finite; got {value!r}")
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0.00000000"
    return f"{rounded:f}"


def inline_math(latex: str) -> str:
    r"""Inline math for pymdownx.arithmatex (generic mode).

    >>> inline_math("z_{1}")
    '\\(z_{1}\\)'
    """
    return rf"\({latex}\)"


def display_math(latex: str) -> str:
    r"""Display math on its own lines, with blank lines around it.

    >>> print(display_math("E = 1"))
    <BLANKLINE>
    $$
    E = 1
    $$
    <BLANKLINE>
    """
    return f"\n$$\n{latex}\n$$\n"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A Markdown table; ``align`` has one letter per column: l, c or r (default l).

    >>> print(markdown_table(["a", "b"], [["1", "2"]], align="lr"))
    | a | b |
    | :-- | --: |
    | 1 | 2 |
    """
    marks = {"l": ":--", "c": ":-:", "r": "--:"}
    align = align or "l" * len(header)
    if len(align) != len(header) or set(align) - set(marks):
        raise ValueError(f"align must have one of l, c, r per column ({len(header)}); got {align!r}")
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks[a] for a in align) + " |"]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"every row needs {len(header)} cells; got {len(row)}: {list(row)!r}")
        cells = [str(cell).replace("|", r"\|") for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
