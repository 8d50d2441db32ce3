"""Every sentence and label nnref writes for readers, in Korean and English: one catalog.

``t(key, lang, **fields)`` looks up ``key`` (see :data:`CATALOG`) and fills in ``fields``. The
glossary's terms are fields too: ``{t.learning_rate}`` is :func:`nnref.glossary.term` of that
key in the language asked for, so a term cannot drift between the site, the handouts and the
command. A Korean particle after a field is chosen by the sound it follows:
``{t.learning_rate:은}`` is 학습률은, ``{t.error:은}`` 오차는, ``{name:을}`` after ``w5`` is
w5를 (the spec names either form of the pair: 은/는, 이/가, 을/를, 과/와, 으로/로).

>>> t("wrote", "en", path="out.md"), t("wrote", "ko", path="out.md")
('wrote out.md', 'out.md 파일을 썼습니다')
>>> fill("{t.learning_rate:은} {value}입니다. {name:을} 갱신합니다.", "ko", value="0.5", name="w5")
'학습률은 0.5입니다. w5를 갱신합니다.'
>>> fill("{t.learning_rate} is {value}", "en", value="0.5")
'learning rate is 0.5'
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from nnref.glossary import term
from nnref.words.cli import CLI
from nnref.words.document import DOCUMENT
from nnref.words.errors import ERRORS
from nnref.words.exercises import EXERCISES
from nnref.words.playground import PLAYGROUND
from nnref.words.render import RENDER
from nnref.words.separability import SEPARABILITY

__all__ = ["CATALOG", "LANGS", "check_lang", "count_words", "fill", "particle", "t", "template"]

LANGS: tuple[str, ...] = ("ko", "en")

_PARTS = (CLI, DOCUMENT, ERRORS, EXERCISES, PLAYGROUND, RENDER, SEPARABILITY)
CATALOG: dict[str, dict[str, str]] = {key: words for part in _PARTS for key, words in part.items()}
if len(CATALOG) != sum(map(len, _PARTS)):
    twice = sorted(key for key in CATALOG if sum(key in part for part in _PARTS) > 1)
    raise ImportError(f"word keys defined twice: {twice}")

_PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
          "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"),
          "으로": ("으로", "로"), "로": ("으로", "로")}
# How the last character of a number or a Latin name is read: (ends in a consonant, that consonant is ㄹ).
_READ = {**{d: r for d, r in zip("0123456789", [(True, False), (True, True), (False, False), (True, False),
                                                 (False, False), (False, False), (True, False), (True, True),
                                                 (True, True), (False, False)], strict=True)},
         "l": (True, True), "m": (True, False), "n": (True, False), "r": (True, True)}
_TRAILING = ")]}`'\"\\$ ^+_"


def check_lang(lang: object, argument: str = "lang") -> str:
    """``lang`` when it is ``"ko"`` or ``"en"``, else a ValueError naming ``argument``.

    >>> check_lang("fr", "--lang")
    Traceback (most recent call last):
    ...
    ValueError: --lang must be one of ko, en; got 'fr'
    """
    if lang not in LANGS:
        raise ValueError(f"{argument} must be one of {', '.join(LANGS)}; got {lang!r}")
    return str(lang)


def _final_sound(text: str) -> tuple[bool, bool]:
    """(ends in a consonant, that consonant is ㄹ) for the last readable character of ``text``."""
    stripped = text.rstrip(_TRAILING)
    if not stripped:
        return False, False
    last = stripped[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - ord("가")) % 28
        return final != 0, final == 8
    return _READ.get(last.lower(), (False, False))


def particle(text: str, pair: str) -> str:
    """``text`` followed by the right form of the particle ``pair`` names.

    >>> particle("오차", "은"), particle("학습률", "으로"), particle("기울기", "을"), particle("w1", "이")
    ('오차는', '학습률로', '기울기를', 'w1이')
    """
    if pair not in _PAIRS:
        raise ValueError(f"pair must be one of {', '.join(_PAIRS)}; got {pair!r}")
    after_consonant, after_rieul = _final_sound(text)
    first, second = _PAIRS[pair]
    if first == "으로":
        return text + ("으로" if after_consonant and not after_rieul else "로")
    return text + (first if after_consonant else second)


_KO_COUNTS = ("한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열")
_EN_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_words(count: int, lang: str) -> str:
    """A small count as a reader says it: ``세 개`` / ``three``; digits from 11 on (``12개``, ``12``).

    >>> count_words(3, "ko"), count_words(3, "en"), count_words(12, "ko"), count_words(12, "en")
    ('세 개', 'three', '12개', '12')
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be an integer >= 1; got {count!r}")
    if check_lang(lang) == "ko":
        return f"{_KO_COUNTS[count - 1]} 개" if count <= 10 else f"{count}개"
    return _EN_COUNTS[count - 1] if count <= 10 else str(count)


class _Terms:
    """``t.<glossary key>`` inside a template: the term in the template's language."""

    def __init__(self, lang: str) -> None:
        self._lang = lang

    def __getattr__(self, key: str) -> str:
        return term(key, self._lang)


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec in _PAIRS:
            return particle(str(value), format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def fill(template: str, lang: str, /, **fields: object) -> str:
    """``template`` with ``fields`` and the glossary's terms (``{t.key}``) in ``lang`` filled in."""
    return _FORMATTER.vformat(template, (), {"t": _Terms(check_lang(lang)), **fields})


def t(key: str, lang: str, /, **fields: object) -> str:
    """The catalog's words ``key`` in ``lang`` with ``fields`` filled in."""
    entry = CATALOG.get(key)
    if entry is None:
        raise KeyError(f"no words {key!r} in the catalog")
    return fill(entry[check_lang(lang)], lang, **fields)


_TERM_FIELD = re.compile(r"\{t\.([a-z_]+)\}")


def template(key: str, lang: str) -> str:
    """The catalog's words ``key`` in ``lang`` with its glossary terms filled in and its other
    ``{fields}`` left as they are, for a page's script to fill.

    >>> template("playground_activation", "ko"), template("playground_rate", "ko")
    ('{layer}층 활성화 함수', '학습률')
    """
    entry = CATALOG.get(key)
    if entry is None:
        raise KeyError(f"no words {key!r} in the catalog")
    return _TERM_FIELD.sub(lambda match: term(match.group(1), lang), entry[check_lang(lang)])


def entries() -> Mapping[str, Mapping[str, str]]:
    """Every catalog entry (for the glossary test, which reads all templates)."""
    return CATALOG
