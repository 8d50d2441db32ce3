"""The glossary page's table, generated from :mod:`nnref.glossary`."""

from __future__ import annotations

from nnref.glossary import GLOSSARY, LANGS
from nnref.render.fmt import inline_math, markdown_table

__all__ = ["glossary_table"]

_HEADER = {
    "ko": ("한국어", "English", "기호", "쓰지 않는 말", "설명"),
    "en": ("English", "한국어", "Notation", "Avoid", "Note"),
}


def glossary_table(lang: str) -> str:
    """Every term: the word in ``lang`` first, the other language, notation, variants to avoid, note.

    >>> print(glossary_table("ko").splitlines()[0])
    | 한국어 | English | 기호 | 쓰지 않는 말 | 설명 |
    >>> [line for line in glossary_table("en").splitlines() if line.startswith("| learning rate")]
    ['| learning rate | 학습률 | \\\\(\\\\alpha\\\\) | 러닝 레이트, 러닝레이트, 학습율 |  |']
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}; got {lang!r}")
    other = "en" if lang == "ko" else "ko"
    rows = []
    for entry in GLOSSARY:
        avoid = entry.banned_ko + entry.banned_en if lang == "ko" else entry.banned_en + entry.banned_ko
        rows.append([
            entry.text(lang),
            entry.text(other),
            inline_math(entry.notation) if entry.notation else "",
            ", ".join(avoid),
            entry.note(lang),
        ])
    return markdown_table(_HEADER[lang], rows)
