"""The exercises at the end of every chapter page: nnref.exercises.page writes them (the same
problems in both languages), docs/javascripts/exercises.js checks a reader's answers."""

from nnref.exercises.page import section_markdown  # noqa: F401  (called by the pages)
