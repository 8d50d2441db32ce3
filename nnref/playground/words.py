"""Every word the playground shows, in Korean and English, in one place.

* :func:`word`: the page's labels, buttons, progress states and result headings, from the word
  catalog (:mod:`nnref.words.playground`, keys ``playground_...``); :func:`page_words` all of
  them for the page's script.
* :func:`worded`: nnref's own message for a bad field, in both languages (nnref's validators
  raise :class:`nnref.errors.InputError`, worded in the catalog :mod:`nnref.words.errors`);
  :func:`localized` picks the page's language.

Korean uses the terms of :mod:`nnref.glossary`.

>>> word("derive", "ko"), word("derive", "en")
('유도하기', 'Derive')
>>> from nnref.values import parse_exact
>>> try:
...     parse_exact("abc", "w3")
... except ValueError as error:
...     print(localized(worded(error), "ko"))
w3은 '0.25', '1e-3', '1/3' 같은 소수나 분수여야 합니다. 받은 값: 'abc'
"""

from __future__ import annotations

from nnref.errors import localized as nnref_localized
from nnref.words import CATALOG, t, template
from nnref.words.playground import PLAYGROUND

__all__ = ["both", "localized", "page_words", "word", "worded"]

PREFIX = "playground_"


def word(key: str, lang: str, **fields: object) -> str:
    """The playground's word ``key`` in ``lang``, with ``fields`` filled in."""
    return t(PREFIX + key, lang, **fields)


def page_words(lang: str) -> dict[str, str]:
    """Every word of the page in ``lang``, its ``{fields}`` left for the page's script to fill."""
    return {key.removeprefix(PREFIX): template(key, lang) for key in PLAYGROUND if key in CATALOG}


def both(key: str, **fields: object) -> dict[str, str]:
    """The word ``key`` in every language (a message of the playground's own, shown by language)."""
    return {lang: word(key, lang, **fields) for lang in ("ko", "en")}


def worded(error: BaseException) -> dict[str, str]:
    """nnref's message for ``error`` in every language (:func:`nnref.errors.localized`)."""
    return {lang: nnref_localized(error, lang) for lang in ("ko", "en")}


def localized(message: str | dict[str, str], lang: str) -> str:
    """A field's message in ``lang``: one of :func:`both` or :func:`worded` by language; a plain
    string (a library message outside nnref's catalog) as it is."""
    return message[lang] if isinstance(message, dict) else message
