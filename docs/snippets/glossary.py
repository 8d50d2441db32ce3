"""Glossary page: the term table, generated from nnref.glossary by nnref.render."""

from nnref.render.glossary_table import glossary_table  # noqa: F401  (called by the page)
