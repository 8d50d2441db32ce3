"""Griffe extension for the API reference: show docstring doctests as Python console blocks.

nnref's docstrings carry bare doctests (``>>> ...`` followed by the expected output, ended by a
blank line, as PEP 257 and pytest's ``--doctest-modules`` read them). Rendered as Markdown they
become nested block quotes, and an output such as ``[('a', 'b')]`` is taken for a reference
link, which mkdocs-autorefs reports as a broken cross-reference (a warning that fails the
strict build). Wrapping each doctest block in a ``pycon`` fence renders it as code.

Sphinx roles (``:class:`Trace```, ``:data:`~x.Y```) mean nothing to Markdown and would show as
raw text: :func:`plain_roles` turns them into code spans, outside fences and doctests.

tests/test_site_pages.py checks :func:`fence_doctests`.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")


def _code_span(match: re.Match[str]) -> str:
    # Sphinx's "~" shows only the last component of the dotted name.
    target = match.group(2).rsplit(".", 1)[-1] if match.group(1) else match.group(2)
    return f"`{target}`"

_FENCE = "```"


def fence_doctests(text: str) -> str:
    """Wrap every doctest block of ``text`` (outside existing fences) in a ``pycon`` fence."""
    out: list[str] = []
    in_fence = in_doctest = False
    indent = ""
    for line in text.splitlines():
        stripped = line.strip()
        if in_doctest and not stripped:
            out.append(f"{indent}{_FENCE}")
            in_doctest = False
        elif not in_doctest and stripped.startswith(_FENCE):
            in_fence = not in_fence
        elif not in_fence and not in_doctest and (stripped == ">>>" or stripped.startswith(">>> ")):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}{_FENCE}pycon")
            in_doctest = True
        out.append(line)
    if in_doctest:
        out.append(f"{indent}{_FENCE}")
    return "\n".join(out)


def plain_roles(text: str) -> str:
    """Replace Sphinx cross-reference roles by code spans, except inside fenced blocks.

    >>> plain_roles("see :class:`~nnref.symbolic.Trace` and :func:`derive`")
    'see `Trace` and `derive`'
    """
    out: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if line.strip().startswith(_FENCE):
            in_fence = not in_fence
        elif not in_fence:
            line = _ROLE.sub(_code_span, line)
        out.append(line)
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctests of every docstring griffe loads (see the module docstring)."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(fence_doctests(obj.docstring.value))
