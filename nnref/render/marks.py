"""Numbers that remember their quantity: the machine-readable values of the playground's output.

Inside ``with marking() as marks:``, :func:`~nnref.render.fmt.value_text` and
:func:`~nnref.render.fmt.exact_latex` return their text followed by an invisible reference to the
node it shows (two private-use characters around an index into ``marks``). Every renderer keeps
working unchanged: a reference travels through f-strings, SymPy's printer (as part of a symbol's
printed name), ``signed()`` and table cells. :func:`nnref.render.html.markdown_html` then turns
each reference into an element with ``data-quantity`` and ``data-value``. Outside ``marking()``
nothing is added, so pages, notebooks and the CLI print exactly what they printed before.

>>> from nnref.examples import derive_example
>>> from nnref.render.fmt import value_text
>>> tr = derive_example()
>>> value_text(tr.quantity("h1"))
'0.51998934'
>>> with marking() as marks:
...     text = value_text(tr.quantity("h1"))
>>> text == "0.51998934" + OPEN + "0" + CLOSE, marks[0].name, marks[0].value
(True, 'h1', '0.519989340155581785254971371126')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nnref.rounding import scaled

if TYPE_CHECKING:
    from nnref.symbolic import Node

__all__ = ["CLOSE", "DIGITS", "OPEN", "REFERENCE", "Mark", "Marks", "mark", "marking", "significant"]

OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: no renderer or reader text has them
REFERENCE = re.compile(OPEN + r"(\d+)" + CLOSE)
DIGITS = 30  # significant digits of data-value
_SMALLEST = 1100  # decimals tried before a value counts as 0 (inputs are at least 1e-1000)


def significant(node: Node, digits: int = DIGITS) -> str:
    """``node``'s value rounded half up to ``digits`` significant digits, decided exactly
    (:meth:`~nnref.symbolic.Node.decimal`); ``"0"`` for 0 (or a magnitude below 1e-1100, beyond
    any value the playground's inputs can give before an exact 0 would need a proof).

    >>> from nnref.examples import derive_example
    >>> tr = derive_example()
    >>> significant(tr.quantity("x1")), significant(tr.quantity("dE/dw5"), 12)
    ('0.100000000000000000000000000000', '0.0259228556036')
    """
    for places in (digits + 10, 400, _SMALLEST):
        first = node.decimal(places)
        if first:
            break
    else:
        return "0"
    places = digits - 1 - first.adjusted()
    if places >= 0:
        return str(node.decimal(places))
    return str(scaled(*node.significant(digits)))  # |value| >= 10**digits


@dataclass(frozen=True)
class Mark:
    """One shown number: the text it was shown as and its node (or, for a number that is no
    node's value, such as a difference of two, its own name and value)."""

    text: str
    node: Node | None = None
    given_name: str = ""
    given_value: str = ""

    @property
    def name(self) -> str:
        """The trace's name for the node, qualified by iteration after an update (``o1[1]``)."""
        return self.node.qualified_name if self.node is not None else self.given_name

    @property
    def value(self) -> str:
        return significant(self.node) if self.node is not None else self.given_value


class Marks:
    """The numbers shown while :func:`marking` was active, in the order they were first shown."""

    def __init__(self) -> None:
        self._marks: list[Mark] = []
        self._index: dict[tuple[object, str], int] = {}

    def _reference(self, key: tuple[object, str], make: Callable[[], Mark]) -> str:
        # One reference per (quantity, text): the same number shown twice is the same string, so a
        # renderer's comparison of two texts (forward_table's "exact value differs") still holds.
        if key not in self._index:
            self._index[key] = len(self._marks)
            self._marks.append(make())
        return f"{key[1]}{OPEN}{self._index[key]}{CLOSE}"

    def add(self, node: Node, text: str) -> str:
        """``text`` (how ``node``'s value is shown) followed by its reference."""
        return self._reference((node.uid, text), lambda: Mark(text, node))

    def add_number(self, name: str, value: str, text: str) -> str:
        """``text`` followed by a reference to a number that is no node's value."""
        return self._reference((name, text), lambda: Mark(text, None, name, value))

    def __getitem__(self, index: int) -> Mark:
        return self._marks[index]

    def __len__(self) -> int:
        return len(self._marks)

    def __iter__(self) -> Iterator[Mark]:
        return iter(self._marks)


_ACTIVE: ContextVar[Marks | None] = ContextVar("nnref_render_marks", default=None)


@contextmanager
def marking() -> Iterator[Marks]:
    """Record every number the renderers show (see the module docstring)."""
    marks = Marks()
    token = _ACTIVE.set(marks)
    try:
        yield marks
    finally:
        _ACTIVE.reset(token)


def mark(node: Node, text: str) -> str:
    """``text`` with a reference to ``node`` while :func:`marking` is active, else ``text``."""
    marks = _ACTIVE.get()
    return text if marks is None else marks.add(node, text)
