"""Markdown with LaTeX for the pages, in Korean and English. Rendering never computes:
every number comes from a :class:`~nnref.symbolic.Trace` (``tr.decimal``) or the glossary.

Math uses pymdownx.arithmatex's generic delimiters: inline ``\\( ... \\)``, display ``$$``
on lines of their own.
"""

from nnref.render.fmt import display_math, format_decimal, inline_math, markdown_table
from nnref.render.glossary_table import glossary_table

__all__ = ["display_math", "format_decimal", "glossary_table", "inline_math", "markdown_table"]
