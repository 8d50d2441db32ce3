"""The output language when ``--lang`` is not given: the locale's, when it is Korean or English.

The locale is read as POSIX programs read it for messages: the first of ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` that is set and not empty decides. Korean (``ko_KR.UTF-8``) gives
``ko``, English (``en_US.UTF-8``, ``en_GB``, ``en``) gives ``en``; any other locale, ``C`` and
``POSIX`` included, gives Korean, the site's default language.

>>> default_lang({"LANG": "en_US.UTF-8"})
'en'
>>> default_lang({"LANG": "ko_KR.UTF-8"})
'ko'
>>> default_lang({"LANG": "fr_FR.UTF-8"}), default_lang({"LANG": "C.UTF-8"}), default_lang({})
('ko', 'ko', 'ko')
>>> default_lang({"LC_ALL": "", "LC_MESSAGES": "en_GB", "LANG": "ko_KR.UTF-8"})
'en'
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["FALLBACK_LANG", "LOCALE_VARIABLES", "default_lang"]

LOCALE_VARIABLES: tuple[str, ...] = ("LC_ALL", "LC_MESSAGES", "LANG")
FALLBACK_LANG = "ko"
_LOCALE_LANGS = ("ko", "en")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """``"ko"`` or ``"en"`` from the locale variables of ``environ`` (``os.environ`` by default)."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            language = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return language if language in _LOCALE_LANGS else FALLBACK_LANG
    return FALLBACK_LANG
