"""Markdown with LaTeX for the pages, in Korean and English (``lang="ko"`` or ``"en"``).

Rendering never computes: every number comes from a :class:`~nnref.symbolic.Trace`
(``tr.decimal``, exact rationals) or the glossary; formulas are printed from the engine's
SymPy formulas with the digits to show put in place of the symbols. Math uses
pymdownx.arithmatex's generic delimiters: inline ``\\( ... \\)`` and display ``$$`` blocks.

>>> from nnref.examples import derive_example
>>> tr = derive_example("wikidocs-07-05")
>>> "0.20944600 \\\\times 0.23802157 \\\\times 0.51998934" in chain_markdown(tr, "w5", "en")
True
"""

from nnref.render.backward import chain_markdown, update_table
from nnref.render.comparison import comparison_table, published_quantity
from nnref.render.deltas import delta_table
from nnref.render.fmt import display_math, format_decimal, inline_math, markdown_table, notebook_math
from nnref.render.forward import after_update_markdown, forward_table, loss_markdown
from nnref.render.glossary_table import glossary_table

__all__ = [
    "after_update_markdown",
    "chain_markdown",
    "comparison_table",
    "delta_table",
    "display_math",
    "format_decimal",
    "forward_table",
    "glossary_table",
    "inline_math",
    "loss_markdown",
    "markdown_table",
    "notebook_math",
    "published_quantity",
    "update_table",
]
