r"""The deltas of a Trace as a Markdown table: ``δ = ∂E/∂z`` for every weighted sum, output layer first.

>>> from nnref.examples import derive_example
>>> print(delta_table(derive_example(), "en").splitlines()[2].replace(" | ", " |\n"))
| \(\delta_{1}^{(2)} = \frac{\partial E}{\partial z_{3}}\) |
\(o_{1} \left(1 - o_{1}\right) \left(o_{1} - t_{1}\right)\) |
0.04985267 |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nnref.render.fmt import inline_math, markdown_table, symbols_latex, value_text
from nnref.symbolic.graph import Kind
from nnref.words import check_lang

if TYPE_CHECKING:
    from nnref.symbolic import Node, Trace

__all__ = ["delta_latex", "delta_table"]

_HEADER = {"ko": ("델타", "식", "값"), "en": ("Delta", "Formula", "Value")}


def delta_latex(node: Node) -> str:
    r"""``\delta_{j}^{(l)}``: the delta of the ``j``-th weighted sum of layer ``l`` (``node``)."""
    return rf"\delta_{{{node.index}}}^{{({node.layer})}}"


def delta_table(tr: Trace, lang: str) -> str:
    """One row per weighted sum, from the output layer back: the delta, its formula, its value."""
    check_lang(lang)
    rows = []
    for layer in reversed(range(1, tr.network.n_layers + 1)):
        for node in tr.nodes:
            if node.kind is not Kind.PRE or node.layer != layer:
                continue
            step = tr.quantity(f"dE/d{node.name}")
            rows.append(
                [
                    inline_math(f"{delta_latex(node)} = {step.latex}"),
                    inline_math(symbols_latex(step.formula)),
                    value_text(step),
                ]
            )
    return markdown_table(_HEADER[lang], rows, align="llr")
