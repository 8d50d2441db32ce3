"""Published numbers next to nnref's: the comparison table of the worked example.

The reference file names its values ``z1``, ``E_total``, ``dE_do1``, ``dEo1_dh1``, ``w5_new``,
``after_o1``; :func:`published_quantity` maps each name to the trace quantity it is
(``E``, ``dE/do1``, ``dE_o1/dh1``, ``w5+``, and ``o1`` of the trace after one update).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from nnref.render.fmt import format_decimal
from nnref.render.markdown import blocks_markdown
from nnref.render.plan import Table, spans
from nnref.words import check_lang, t

if TYPE_CHECKING:
    from nnref.symbolic import Node, Trace

__all__ = [
    "PublishedValue",
    "compare_published",
    "comparison_table",
    "comparison_table_block",
    "published_quantity",
]

_DERIVATIVE = re.compile(r"d(E)(o\d+)?_d([a-z]+\d+)|d([a-z]+\d+)_d([a-z]+\d+)")


def published_quantity(key: str) -> tuple[int, str]:
    """``(updates, name)``: the quantity a published key names, and after how many updates.

    Args:
        key: a key of the wikidocs reference (``"h1"``, ``"dE_do1"``, ...).

    Returns:
        ``(updates, name)``.

    >>> [published_quantity(k) for k in ("h1", "E_total", "E_o2", "dE_do1", "do1_dz3", "dEo2_dh1")]
    [(0, 'h1'), (0, 'E'), (0, 'E_o2'), (0, 'dE/do1'), (0, 'do1/dz3'), (0, 'dE_o2/dh1')]
    >>> published_quantity("w1_new"), published_quantity("after_E_total")
    ((0, 'w1+'), (1, 'E'))
    """
    if not isinstance(key, str):
        raise TypeError(f"key must be a published value's name such as 'h1' or 'dE_dw5'; got {key!r}")
    updates = 0
    if key.startswith("after_"):
        updates, key = 1, key[len("after_") :]
    if key == "E_total":
        return updates, "E"
    if re.fullmatch(r"E_o\d+|[xzho]\d+", key):
        return updates, key
    match = re.fullmatch(r"([wb]\d+)_new", key)
    if match:
        return updates, f"{match.group(1)}+"
    match = _DERIVATIVE.fullmatch(key)
    if match and match.group(1):
        top = "E" if match.group(2) is None else f"E_{match.group(2)}"
        return updates, f"d{top}/d{match.group(3)}"
    if match:
        return updates, f"d{match.group(4)}/d{match.group(5)}"
    raise ValueError(
        "key must name a published value: a node (z1, h1, o1), E_total, E_o1, a derivative "
        f"(dE_do1, do1_dz3, dEo1_dh1, dE_dw5), an update (w5_new) or after_<any of these>; got {key!r}"
    )


_COLUMNS = ("published_value", "published_published", "published_ours", "published_match")


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


class PublishedValue(NamedTuple):
    """One published value next to nnref's: the quantity, after how many updates, both decimals."""

    key: str
    quantity: Node
    updates: int
    published: Decimal
    ours: Decimal

    @property
    def matches(self) -> bool:
        return self.ours == self.published


def compare_published(tr: Trace, published: Mapping[str, Decimal]) -> list[PublishedValue]:
    """Each published value with nnref's value rounded half up to the same number of decimals."""
    traces = [tr]
    found = []
    for key, value in published.items():
        if not isinstance(value, Decimal):
            raise TypeError(f"published[{key!r}] must be a Decimal (see published_values()); got {value!r}")
        updates, name = published_quantity(key)
        while len(traces) <= updates:
            traces.append(traces[-1].next())
        quantity = traces[updates].quantity(name)
        found.append(PublishedValue(key, quantity, updates, value, quantity.decimal(_places(value))))
    return found


def comparison_table_block(tr: Trace, published: Mapping[str, Decimal], lang: str) -> Table:
    """One row per published value: the quantity, the published digits, nnref's value rounded
    half-up to the same number of decimals, and whether the two agree (computed, not typed).
    """
    check_lang(lang)
    rows = []
    found = compare_published(tr, published)
    for item in found:
        places = _places(item.published)
        label = rf"\({item.quantity.latex}\)" + (
            f" ({t('published_after_one', lang)})" if item.updates else ""
        )
        cells = (
            label,
            format_decimal(item.published, places),
            format_decimal(item.ours, places),
            "✓" if item.matches else "✗",
        )
        rows.append(tuple(spans(cell) for cell in cells))
    used = tuple(item.quantity for item in found)
    return Table(tuple(spans(t(key, lang)) for key in _COLUMNS), tuple(rows), "lrrc", used)


def comparison_table(tr: Trace, published: Mapping[str, Decimal], lang: str) -> str:
    """:func:`comparison_table_block` as Markdown.

    Args:
        tr: the trace to render (from :func:`nnref.derive`).
        published: published key -> the published value (see :func:`published_quantity`).
        lang: the language of the words: ``"ko"`` or ``"en"``.

    Returns:
        The table as Markdown.
    """
    return blocks_markdown([comparison_table_block(tr, published, lang)])
