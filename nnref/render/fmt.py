"""Number and math formatting shared by the renderers: decimals, inline/display math, tables.

Formatting only: values arrive computed (exact SymPy values, Decimals from ``Trace.decimal``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import sympy

if TYPE_CHECKING:
    from nnref.symbolic import Quantity, Trace

__all__ = [
    "PLACES",
    "aligned_math",
    "check_lang",
    "display_math",
    "exact_latex",
    "format_decimal",
    "inline_math",
    "markdown_table",
    "notebook_math",
    "numbers_latex",
    "paragraphs",
    "signed",
    "symbols_latex",
    "value_text",
]


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


def notebook_math(markdown: str) -> str:
    r"""``markdown`` with inline math delimited by ``$...$`` instead of ``\(...\)``, for Jupyter.

    Jupyter's Markdown (and nbconvert, which renders notebook outputs for the site) reads ``\(``
    as an escaped parenthesis and drops the backslash; ``$`` is the delimiter both understand.
    Display math (``$$`` blocks) is left as it is.

    >>> notebook_math(r"for \(w_{5}\): \(E = 1\)")
    'for $w_{5}$: $E = 1$'
    """
    return re.sub(r"\\\((.+?)\\\)", lambda match: f"${match.group(1)}$", markdown, flags=re.DOTALL)


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


def paragraphs(*blocks: str) -> str:
    """Blocks of Markdown separated by one blank line (display math needs it to be a block).

    >>> paragraphs("a", "\\n$$\\nx\\n$$\\n", "b")
    'a\\n\\n$$\\nx\\n$$\\n\\nb'
    """
    return "\n\n".join(block.strip("\n") for block in blocks if block.strip())


def aligned_math(lines: Sequence[str]) -> str:
    r"""Display math of several ``&=``-aligned lines (KaTeX's ``aligned`` environment).

    >>> print(aligned_math(["a &= 1", "&= 2"]).strip())
    $$
    \begin{aligned}
    a &= 1 \\
    &= 2
    \end{aligned}
    $$
    """
    return display_math("\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}")


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


# -- quantities of a Trace ------------------------------------------------------------------------

PLACES = 8  # the published example rounds every result to 8 decimals
_EXACT_LIMIT = 64  # longest exact closed form (LaTeX characters) shown beside a decimal
_PROBE_PLACES = 40  # Trace numbers carry about 48 reliable decimals


def _terminating_decimal(value: sympy.Rational, max_places: int = PLACES) -> str | None:
    """The exact decimal of a rational with at most ``max_places`` decimals, else None."""
    for places in range(max_places + 1):
        scaled = value * 10**places
        if scaled.is_Integer:
            return format_decimal(Decimal(int(scaled)).scaleb(-places), places)
    return None


def value_text(quantity: Quantity, places: int = PLACES) -> str:
    """How a page shows a value: a given short decimal exactly (0.1, 0.08), else ``places`` decimals.

    Rationals such as inputs, weights and the first pre-activations are shown as the exact
    decimal they are (the published example prints ``z1 = 0.08``); computed values (sigmoids,
    losses, gradients) with ``places`` decimals, rounded half-up.

    The exact value (a closed form that can be large after an update) is looked at only when
    the cached 40-decimal number has no digit beyond ``places``, i.e. for the short rationals.

    >>> from nnref.examples import derive_example
    >>> tr = derive_example()
    >>> value_text(tr.quantity("x1")), value_text(tr.quantity("z1")), value_text(tr.quantity("h2"))
    ('0.1', '0.08', '0.52747230')
    """
    rounded = quantity.decimal(places)
    if quantity.decimal(_PROBE_PLACES) == rounded:  # no digit beyond ``places``: maybe exact
        value = quantity.value
        if isinstance(value, sympy.Rational):
            exact = _terminating_decimal(value, places)
            if exact is not None:
                return exact
    return format_decimal(rounded, places)


def signed(text: str) -> str:
    """A number put inside a product or a difference: negative ones get parentheses.

    >>> signed("-0.5"), signed("0.5")
    ('\\\\left(-0.5\\\\right)', '0.5')
    """
    return rf"\left({text}\right)" if text.startswith("-") else text


def symbols_latex(expr: sympy.Expr) -> str:
    """A formula in symbols, as LaTeX (SymPy's printer: ``w_{1} x_{1} + w_{2} x_{2}``).

    ``order="old"`` keeps a difference the way people write it: ``(t_1 - o_1)^2``, not
    ``(-o_1 + t_1)^2``.
    """
    return sympy.latex(expr, order="old")


def numbers_latex(expr: sympy.Expr, trace: Trace, places: int = PLACES) -> str:
    r"""The same formula with every symbol replaced by its value's text, printed, not evaluated.

    ``w1*x1 + w2*x2`` becomes ``0.3 \times 0.1 + 0.25 \times 0.2``: SymPy's printer is told
    the digits to print for each symbol, so nothing is computed.
    """
    names = {s: signed(value_text(trace.quantity(s), places)) for s in expr.free_symbols}
    return sympy.latex(expr, symbol_names=names, mul_symbol="times", order="old")


def _has_at_most(expr: sympy.Basic, nodes: int) -> bool:
    """True when ``expr``'s tree has at most ``nodes`` nodes (stops counting past the bound)."""
    for count, _ in enumerate(sympy.preorder_traversal(expr), start=1):
        if count > nodes:
            return False
    return True


def exact_latex(quantity: Quantity, limit: int = _EXACT_LIMIT) -> str:
    """The exact closed form as LaTeX when it is short (at most ``limit`` characters), else ``""``.

    Every tree node prints at least one character, so a tree of more than ``limit`` nodes is
    refused before printing: SymPy's LaTeX printer needs minutes for the nested closed forms of
    a trace after an update (thousands of characters), which would be thrown away anyway.

    >>> from nnref.examples import derive_example
    >>> tr = derive_example()
    >>> exact_latex(tr.quantity("z1")), exact_latex(tr.next().quantity("E"))
    ('\\\\frac{2}{25}', '')
    """
    value = quantity.value
    if not _has_at_most(value, limit):
        return ""
    text = sympy.latex(value)
    return text if len(text) <= limit else ""


def check_lang(lang: object) -> str:
    """``lang`` when it is ``"ko"`` or ``"en"``."""
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be one of ko, en; got {lang!r}")
    return str(lang)
