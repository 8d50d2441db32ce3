"""What an exercise is: its givens, the quantity asked, the answer, the text, the other values.

An :class:`Exercise` is made in one language; the numbers come from the seeded draws alone, so
the Korean and the English exercise of the same seed are the same problem. ``givens`` uses the
command line's option names (``sizes``, ``weights``, ``lr``, ...) so that a backpropagation
exercise can be re-derived with ``nnref check``; :attr:`Exercise.data` is what a page puts in
``data-exercise``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from nnref.exercises.numbers import exact_text

__all__ = ["Exercise", "Other", "others_of"]


@dataclass(frozen=True)
class Other:
    """Another quantity of the same problem, with its value as written at the question's decimals:
    a wrong answer equal to it is "the value of ``name``" (``latex`` is how a page shows it)."""

    name: str
    latex: str
    value: str


@dataclass(frozen=True)
class Exercise:
    """One generated exercise.

    ``places``: the decimals the question asks for (``None``: an exact value, such as an
    integer or a short decimal). ``answer``: the expected answer as written at those decimals
    (for a choice, one of ``choices``' keys). ``question`` and ``solution`` are Markdown with
    math (``\\( \\)`` inline, ``$$`` display) in the exercise's language.
    """

    chapter: str
    skill: str
    lang: str
    givens: Mapping[str, object]
    ask: str
    places: int | None
    answer: str
    question: str
    solution: str
    others: tuple[Other, ...] = ()
    choices: tuple[tuple[str, str], ...] = ()  # (answer value, label) for a yes/no question

    def __post_init__(self) -> None:
        object.__setattr__(self, "givens", MappingProxyType(dict(self.givens)))

    @property
    def data(self) -> dict[str, object]:
        """The problem as plain data (``data-exercise``): chapter, skill, givens, ``ask``, ``places``."""
        return {
            "chapter": self.chapter,
            "skill": self.skill,
            **self.givens,
            "ask": self.ask,
            "places": self.places,
        }

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)


def others_of(named: Iterable[tuple], places: int | None, answer: str) -> tuple[Other, ...]:
    """Each ``(name, node)`` (or ``(name, node, latex)``) value at ``places`` decimals (exact when
    ``None``), except those equal to the answer: the numbers a wrong answer can be recognised as
    (as ``Trace.check`` does)."""
    found = []
    for name, node, *shown in named:
        if places is None:
            if not node.rational:
                continue
            try:
                value = exact_text(node.value)
            except ValueError:  # a non-terminating fraction: no student writes it exactly
                continue
        else:
            value = f"{node.decimal(places):f}"
        if Decimal(value) != Decimal(answer):
            found.append(Other(name, shown[0] if shown else node.latex, value))
    return tuple(found)
