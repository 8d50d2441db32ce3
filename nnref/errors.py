"""Errors a user's input can cause, worded in the catalog (:mod:`nnref.words.errors`).

``str()`` of an error is its English message; :meth:`InputError.text` gives it in any catalog
language, which is how the ``nnref`` command prints it in ``--lang``. :class:`InputError` is a
``ValueError`` and :class:`InputTypeError` a ``TypeError``, so callers catch them as before;
``key`` and ``fields`` say which message it is and with what.

>>> error = InputError("error_not_finite", name="x", got="inf")
>>> isinstance(error, ValueError), str(error), error.text("ko")
(True, 'x must be finite; got inf', 'x는 유한한 수여야 합니다. 받은 값: inf')
>>> localized(InputError("error_width", argument=Phrase("option_item", option="--sizes", item=2),
...                      got="'0'"), "ko")
"--sizes의 2번째 값은 1 이상의 정수여야 합니다. 받은 값: '0'"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self

__all__ = ["InputError", "InputTypeError", "Phrase", "localized"]


class Phrase:
    """A part of a message that is itself worded in the catalog (an option name, a hint)."""

    def __init__(self, key: str, **fields: Any) -> None:
        self.key, self.fields = key, fields

    def text(self, lang: str) -> str:
        """The phrase in ``lang`` ("ko" or "en")."""
        from nnref.words import t  # the catalog imports the glossary: load it only to word a message

        return t(self.key, lang, **_worded_fields(self.fields, lang))

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {self.fields!r})"


def _worded_fields(fields: dict[str, Any], lang: str) -> dict[str, Any]:
    # A field may be a phrase or another worded error (the reason a larger message gives).
    return {
        name: value.text(lang) if isinstance(value, (Phrase, _Worded)) else value
        for name, value in fields.items()
    }


class _Worded(Exception):
    """An error worded by catalog entry ``key`` with ``fields``; ``str()`` is its English text."""

    def __init__(self, key: str, **fields: Any) -> None:
        self.key, self.fields = key, fields
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The message in ``lang`` ("ko" or "en")."""
        return Phrase(self.key, **self.fields).text(lang)

    def renamed(self, rename: Callable[[str], str | Phrase]) -> Self:
        """The same error with its argument (the ``name`` or ``argument`` field) renamed."""
        fields = {
            field: rename(value) if field in ("name", "argument") and isinstance(value, str) else value
            for field, value in self.fields.items()
        }
        return type(self)(self.key, **fields)


class InputError(_Worded, ValueError):
    """A bad input value; ``str()`` is the English message of catalog entry ``key``."""


class InputTypeError(_Worded, TypeError):
    """An input of the wrong type; ``str()`` is the English message of catalog entry ``key``."""


def localized(error: BaseException, lang: str) -> str:
    """``error``'s message in ``lang`` when it is a catalog error, else its own (English) text."""
    return error.text(lang) if isinstance(error, _Worded) else str(error)
