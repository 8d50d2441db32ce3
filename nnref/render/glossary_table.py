"""The glossary page's table, generated from :mod:`nnref.glossary`."""

from __future__ import annotations

from nnref.glossary import GLOSSARY, Term
from nnref.render.fmt import inline_math, markdown_table
from nnref.words import check_lang, t

__all__ = ["glossary_order", "glossary_table"]

_HEADER = ("glossary_term", "glossary_other", "glossary_meaning")  # nnref.words.render


def _is_hangul(character: str) -> bool:
    return "\uac00" <= character <= "\ud7a3"


def glossary_order(lang: str) -> list[Term]:
    """Every term in the reader's order: 가나다 for Korean (terms in Latin letters after them),
    A-Z for English; spaces and case do not count.

    Hangul syllables are encoded in 가나다 order, so code-point order of the syllables is
    dictionary order.

    >>> [t.ko for t in glossary_order("ko")][:3]
    ['가중치', '가중치 감쇠', '가중합']
    >>> [t.en for t in glossary_order("en")][:3]
    ['accuracy', 'activation function', 'artificial neural network']
    """
    check_lang(lang)

    def key(entry: Term) -> tuple[bool, str]:
        word = entry.text(lang).replace(" ", "").replace("-", "").casefold()
        return (lang == "ko" and not _is_hangul(word[0]), word)

    return sorted(GLOSSARY, key=key)


def glossary_table(lang: str) -> str:
    """Every term, in :func:`glossary_order`: the word in ``lang`` with its notation, the other
    language and a one-line definition (three columns: they fit a phone). The variants pages must
    not use are not shown: they are for the lint test (and search), not for learners.

    Args:
        lang: the language of the words: ``"ko"`` or ``"en"``.

    Returns:
        The table as Markdown.

    >>> print(glossary_table("ko").splitlines()[0])
    | 한국어 (기호) | English | 설명 |
    >>> [line[:36] for line in glossary_table("en").splitlines() if line.startswith("| learning rate")]
    ['| learning rate \\\\(\\\\alpha\\\\) | 학습률 | H']
    """
    other = "en" if lang == "ko" else "ko"
    rows = [
        [
            entry.text(lang) + (f" {inline_math(entry.notation)}" if entry.notation else ""),
            entry.text(other),
            entry.note(lang),
        ]
        for entry in glossary_order(lang)
    ]
    return markdown_table([t(key, lang) for key in _HEADER], rows)
