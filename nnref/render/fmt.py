"""Number and math formatting shared by the renderers: decimals, inline/display math, tables.

Formatting only: values arrive computed (exact SymPy values, Decimals from ``Trace.decimal``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import sympy

from nnref.render.layout import fitted
from nnref.render.marks import mark
from nnref.rounding import round_half_up, round_significant, scientific_text, terminating_decimal

if TYPE_CHECKING:
    from nnref.symbolic import Node

__all__ = [
    "PLACES",
    "aligned_math",
    "display_math",
    "exact_latex",
    "fitted_math",
    "format_decimal",
    "inline_math",
    "markdown_table",
    "notebook_math",
    "numbers_latex",
    "paragraphs",
    "referenced",
    "scientific_latex",
    "signed",
    "symbols_latex",
    "value_text",
]


def format_decimal(value: Decimal, places: int = 8) -> str:
    """``value`` with exactly ``places`` decimals, rounded half-up, trailing zeros kept.

    Args:
        value: an exact decimal.
        places: decimals to show (0 to 100000).

    Returns:
        The text.

    >>> format_decimal(Decimal("0.5274723"), 8), format_decimal(Decimal("0.125"), 2)
    ('0.52747230', '0.13')
    >>> format_decimal(Decimal("-0.000000001"), 8), format_decimal(Decimal("0.08"), 2)
    ('0.00000000', '0.08')
    >>> format_decimal(Decimal("1e25") + Decimal("0.5"), 0)
    '10000000000000000000000001'
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
    return f"{round_half_up(value, places):f}"  # exact: no 28-digit context, no "-0.00000000"


def inline_math(latex: str) -> str:
    r"""Inline math for pymdownx.arithmatex (generic mode).

    Args:
        latex: the formula, LaTeX without delimiters.

    Returns:
        Markdown.

    >>> inline_math("z_{1}")
    '\\(z_{1}\\)'
    """
    return rf"\({latex}\)"


def notebook_math(markdown: str) -> str:
    r"""``markdown`` with inline math delimited by ``$...$`` instead of ``\(...\)``, for Jupyter.

    Jupyter's Markdown (and nbconvert, which renders notebook outputs for the site) reads ``\(``
    as an escaped parenthesis and drops the backslash; ``$`` is the delimiter both understand.
    Display math (``$$`` blocks) is left as it is.

    Args:
        markdown: Markdown with ``\(...\)`` inline math.

    Returns:
        The same Markdown with ``$...$``.

    >>> notebook_math(r"for \(w_{5}\): \(E = 1\)")
    'for $w_{5}$: $E = 1$'
    """
    return re.sub(r"\\\((.+?)\\\)", lambda match: f"${match.group(1)}$", markdown, flags=re.DOTALL)


def display_math(latex: str) -> str:
    r"""Display math on its own lines, with blank lines around it.

    Args:
        latex: the formula, LaTeX without delimiters.

    Returns:
        Markdown.

    >>> print(display_math("E = 1"))
    <BLANKLINE>
    $$
    E = 1
    $$
    <BLANKLINE>
    """
    return f"\n$$\n{latex}\n$$\n"


def fitted_math(lines: Sequence[str], limit: float) -> str:
    r"""Display math of ``lines``, each wider than ``limit`` points broken into several
    (:func:`~nnref.render.layout.fitted`): one line stays a plain display.

    >>> print(fitted_math(["z = b + w_{1} x_{1}"], 165).strip())
    $$
    z = b + w_{1} x_{1}
    $$
    """
    shown = fitted(lines, limit)
    return aligned_math(shown) if len(shown) > 1 or "&" in shown[0] else display_math(shown[0])


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

    Args:
        header: the column headings.
        rows: the cells, one sequence per row (as many as the header).
        align: one letter per column: l, c or r (empty: all l).

    Returns:
        The table, one line per row.

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


SCIENTIFIC_ABOVE = 10**15  # larger magnitudes are shown in scientific form


def value_text(node: Node, places: int = PLACES) -> str:
    """How a page shows a value: a given short decimal exactly (0.1, 0.08), else ``places`` decimals.

    Rationals such as inputs, weights and the first pre-activations are shown as the exact
    decimal they are (the published example prints ``z1 = 0.08``); computed values (sigmoids,
    losses, gradients) with ``places`` decimals, rounded half-up. A value of at least
    :data:`SCIENTIFIC_ABOVE`, or one too small to show a digit at ``places`` decimals but not 0,
    is written in scientific form with ``places`` significant digits (``1.4243390e-87``).

    >>> from nnref.examples import derive_example
    >>> tr = derive_example()
    >>> value_text(tr.quantity("x1")), value_text(tr.quantity("z1")), value_text(tr.quantity("h2"))
    ('0.1', '0.08', '0.52747230')
    """
    if node.rational:
        value = node.value
        if abs(value) < SCIENTIFIC_ABOVE:
            exact = terminating_decimal(Fraction(int(value.p), int(value.q)), places)
            if exact is not None:
                return mark(node, f"{exact:f}")
    rounded = node.decimal(places) if not node.rational or abs(node.value) < SCIENTIFIC_ABOVE else None
    if rounded is not None and abs(rounded) < SCIENTIFIC_ABOVE and (rounded != 0 or node.sign() == 0):
        return mark(node, format_decimal(rounded, places))
    return mark(node, scientific_text(*node.significant(places)))


def scientific_latex(value: Decimal | Fraction | int, digits: int = 2) -> str:
    r"""``value`` with ``digits`` significant digits (rounded half up) as ``m \times 10^{k}``.

    >>> scientific_latex(Decimal("0.0000000033496"), 2), scientific_latex(Fraction(-125, 10**9), 2)
    ('3.3 \\times 10^{-9}', '-1.3 \\times 10^{-7}')
    """
    mantissa, exponent = round_significant(value, digits)
    return rf"{mantissa} \times 10^{{{exponent}}}"


def signed(text: str) -> str:
    """A number put inside a product or a difference: negative ones get parentheses.

    >>> signed("-0.5"), signed("0.5")
    ('\\\\left(-0.5\\\\right)', '0.5')
    """
    return rf"\left({text}\right)" if text.startswith("-") else text


def referenced(node: Node) -> list[Node]:
    """The nodes ``node``'s formula names, in the order of their names (sets have none)."""
    found = node.formula_nodes
    return [found[symbol] for symbol in sorted(found, key=lambda symbol: symbol.name)]


def symbols_latex(expr: sympy.Expr) -> str:
    """A formula in symbols, as LaTeX (SymPy's printer: ``w_{1} x_{1} + w_{2} x_{2}``).

    ``order="old"`` keeps a difference the way people write it: ``(t_1 - o_1)^2``, not
    ``(-o_1 + t_1)^2``.
    """
    return sympy.latex(expr, order="old")


def numbers_latex(node: Node, places: int = PLACES, expr: sympy.Expr | None = None) -> str:
    r"""``node``'s formula (or ``expr``, in the same symbols) with every symbol replaced by its
    value's text, printed, not evaluated.

    ``w1*x1 + w2*x2`` becomes ``0.3 \times 0.1 + 0.25 \times 0.2``: SymPy's printer is told
    the digits to print for each symbol (the nodes the formula's symbols name), so nothing is
    computed.
    """
    nodes = node.formula_nodes
    formula = node.formula if expr is None else expr
    names = {s: signed(value_text(nodes[s], places)) for s in formula.free_symbols}
    return sympy.latex(formula, symbol_names=names, mul_symbol="times", order="old")


def exact_latex(node: Node) -> str:
    """The exact value as LaTeX when it is a closed form in rationals alone, else ``""``.

    That is the case for the nodes computed from given numbers only (the first layer's
    activations, ``1/(1 + e^{-2/25})``); every later node's exact value refers to earlier nodes
    and is shown by its decimal.

    >>> from nnref.examples import derive_example
    >>> tr = derive_example()
    >>> exact_latex(tr.quantity("z1")), exact_latex(tr.quantity("h1")), exact_latex(tr.quantity("o1"))
    ('\\\\frac{2}{25}', '\\\\frac{1}{e^{- 2 / 25} + 1}', '')
    """
    if node.rational:
        return mark(node, sympy.latex(node.value))
    closed = node.rational_closed_form
    # A fraction inside an exponent is written 2/25: stacked, it would be too small to read.
    return "" if closed is None else mark(node, sympy.latex(closed, fold_short_frac=True))

