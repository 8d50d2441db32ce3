"""Writes docs/notebooks/backprop-worked-example.{ko,en}.ipynb: the backpropagation chapter's
worked example as a notebook, executed by mkdocs-jupyter at build time.

The notebook is exactly what ``nnref derive --example wikidocs-07-05 --format ipynb --lang LANG``
writes (one generator for the command and the site); tests/test_site_backprop.py checks that the
committed files equal this script's output. Run from the repository root after changing the
notebook writer or the plan: ``python3 docs/snippets/backprop/notebook.py``. The notebooks are
stored without outputs: every number in them is computed when they run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from nnref.cli.run_derive import derive_document

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NAME = "backprop-worked-example"


def notebook_text(lang: str) -> str:
    """The notebook for ``lang`` (nbformat 4 JSON text, without outputs)."""
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be one of ko, en; got {lang!r}")
    return derive_document(["--example", "wikidocs-07-05", "--format", "ipynb", "--lang", lang])


def notebook_path(lang: str) -> Path:
    return NOTEBOOK_DIR / f"{NAME}.{lang}.ipynb"


if __name__ == "__main__":
    for language in ("ko", "en"):
        notebook_path(language).write_text(notebook_text(language), encoding="utf-8")
        print(f"wrote {notebook_path(language)}", file=sys.stderr)
