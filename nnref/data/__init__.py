"""Package data: published reference numbers (see ``README.md`` in this folder for the source)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["REFERENCES", "load_reference"]

REFERENCES: tuple[str, ...] = ("wikidocs-07-05",)
"""The names :func:`load_reference` accepts."""


def load_reference(name: str = "wikidocs-07-05") -> dict[str, Any]:
    """The reference file ``name`` as a dict (source: https://wikidocs.net/37406, chapter 07-05).

    Args:
        name: one of :data:`REFERENCES`.

    Returns:
        The file's contents.

    Raises:
        nnref.errors.InputError: an unknown ``name``.

    >>> ref = load_reference()
    >>> ref["published"]["h1"]["value"], len(ref["published"])
    ('0.51998934', 38)
    """
    if name not in REFERENCES:
        from nnref.errors import InputError

        allowed = ", ".join(REFERENCES)
        raise InputError("error_name", argument="name", allowed=allowed, note="", got=repr(name), hint="")
    text = resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
