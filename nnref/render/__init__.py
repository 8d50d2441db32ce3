"""Derivations as documents, in Korean and English (``lang="ko"`` or ``"en"``).

Rendering never computes: every number comes from a :class:`~nnref.symbolic.Trace`
(``tr.decimal``, exact rationals) or the glossary; formulas are printed from the engine's
SymPy formulas with the digits to show put in place of the symbols.

:func:`derivation_plan` lays out a whole derivation once (:mod:`nnref.render.plan`); writers
serialize it: :func:`plan_markdown` here, and the LaTeX, JSON and notebook writers of
``nnref derive``. The page renderers below (``forward_table``, ``chain_markdown``, ...) are
single parts of that plan as Markdown, with pymdownx.arithmatex's generic delimiters: inline
``\\( ... \\)`` and display ``$$`` blocks.

>>> from nnref.examples import derive_example
>>> tr = derive_example("wikidocs-07-05")
>>> "0.20944600 \\\\times 0.23802157 \\\\times 0.51998934" in chain_markdown(tr, "w5", "en")
True
"""

from nnref.render.backward import chain_markdown, update_table
from nnref.render.comparison import comparison_table, published_quantity
from nnref.render.deltas import delta_gradient_table, delta_table
from nnref.render.document import backward_order, derivation_plan
from nnref.render.fmt import display_math, format_decimal, inline_math, markdown_table, notebook_math
from nnref.render.forward import after_update_markdown, forward_table, loss_markdown
from nnref.render.givens import givens_table, network_mermaid
from nnref.render.glossary_table import glossary_table
from nnref.render.markdown import plan_markdown, section_markdown
from nnref.render.steps import steps_table

__all__ = [
    "after_update_markdown",
    "backward_order",
    "chain_markdown",
    "comparison_table",
    "delta_gradient_table",
    "delta_table",
    "derivation_plan",
    "display_math",
    "format_decimal",
    "forward_table",
    "givens_table",
    "glossary_table",
    "inline_math",
    "loss_markdown",
    "markdown_table",
    "network_mermaid",
    "notebook_math",
    "plan_markdown",
    "published_quantity",
    "section_markdown",
    "steps_table",
    "update_table",
]
