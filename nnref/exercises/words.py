"""The exercises' words: their sentences live in the word catalog (:mod:`nnref.words.exercises`,
keys ``exercise_...``); these helpers name them without the prefix.

>>> say("round", "ko", places=4), say("round", "en", places=4)
('소수점 아래 4자리까지 반올림해 쓰십시오.', 'Round it to 4 decimal places.')
>>> activation_name("tanh", "ko"), loss_name("bce", "en")
('하이퍼볼릭 탄젠트', 'binary cross-entropy')
"""

from __future__ import annotations

from nnref import registry
from nnref.glossary import term
from nnref.words import t
from nnref.words import template as catalog_template

__all__ = ["activation_name", "loss_name", "say", "template", "times"]

PREFIX = "exercise_"


def template(key: str, lang: str) -> str:
    """The sentence ``key`` with its glossary terms filled in and its ``{fields}`` left as they are
    (for a page's script, which fills them itself)."""
    return catalog_template(PREFIX + key, lang)


def say(key: str, lang: str, /, **fields: object) -> str:
    """The sentence ``key`` in ``lang`` with its glossary terms and ``fields`` filled in."""
    return t(PREFIX + key, lang, **fields)


def times(count: int, lang: str) -> str:
    """How many times, in words (``두 번``, ``two steps``), for 1 to 3."""
    return t(f"{PREFIX}times_{count}", lang)


def activation_name(name: str, lang: str) -> str:
    """The glossary's word for activation ``name`` (``"sigmoid"`` -> 시그모이드 함수)."""
    key = registry.ACTIVATIONS[name].glossary_key
    return term(key, lang) if key else name


def loss_name(name: str, lang: str) -> str:
    """The glossary's word for loss ``name`` (``"sse"`` -> 오차 제곱합)."""
    key = registry.LOSSES[name].glossary_key
    return term(key, lang) if key else name
