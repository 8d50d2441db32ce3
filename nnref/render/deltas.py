r"""The deltas of a Trace: δ_j = ∂E/∂z_j per layer by the recursion, the input gradient, and every
gradient as a delta times a sending value.

A delta is named by its weighted sum: ``δ_3`` is ``∂E/∂z_3`` (one index system, the page's own
names). In a hidden layer the recursion δ^(l) = f'(z^(l)) ⊙ (W^(l+1))ᵀ δ^(l+1) reads, for one
neuron, ``δ_1 = h_1(1 − h_1) (w_5 δ_3 + w_7 δ_4)``: the per-weight names of the page.

>>> from nnref.examples import derive_example
>>> tr = derive_example()
>>> path_sum(tr, tr.quantity("dE/dh1"), 8)[0]
['w_{5} \\delta_{3}', 'w_{7} \\delta_{4}']
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import sympy

from nnref.glossary import term
from nnref.render.fmt import PLACES, numbers_latex, referenced, signed, symbols_latex, value_text
from nnref.render.markdown import blocks_markdown
from nnref.render.plan import Block, Equations, Paragraph, Table, spans
from nnref.symbolic.graph import Kind
from nnref.symbolic.step import Step
from nnref.words import check_lang, t

if TYPE_CHECKING:
    from nnref.symbolic import Node, SampleTrace, Trace

__all__ = [
    "delta_blocks",
    "delta_gradient_block",
    "delta_gradient_table",
    "delta_latex",
    "delta_table",
    "input_gradient_block",
    "layer_label",
    "layer_term",
    "path_sum",
]

_TIMES = r" \times "


def delta_latex(z: Node) -> str:
    """``\\delta_{3}`` for ``z3``."""
    return rf"\delta_{{{z.name[1:]}}}"


def _grouped(latex: str, expr: sympy.Expr) -> str:
    return rf"\left({latex}\right)" if isinstance(expr, sympy.Add) else latex


def _step(tr: Trace | SampleTrace, name: str) -> Step:
    """The chain-rule step ``name`` (a delta ``dE/dz..`` or an input gradient ``dE/dx..``)."""
    found = tr.quantity(name)
    if not isinstance(found, Step):
        raise TypeError(f"{name} is not a chain-rule step of this trace")
    return found


def _via(path: Step) -> Node:
    """The node a chain-rule path goes through (every path of a sum has one)."""
    if path.via is None:
        raise TypeError(f"{path.label} goes through no node")
    return path.via


def path_sum(
    tr: Trace | SampleTrace, step: Step, digits: int = PLACES
) -> tuple[list[str], list[str], tuple[Node, ...]]:
    """``(symbols, numbers, nodes)`` of ``∂E/∂a = Σ_k w_ka δ_k`` over the layer above ``a``: the
    terms in symbols and with numbers, and the nodes they show.

    Join the terms with `` + ``; plain parentheses (not ``\\left(``) group the sum in a
    product, so that LaTeX may break it in a table cell.
    """
    symbols, numbers, nodes = [], [], []
    for path in step.terms:
        link = path.factors[-1]  # dz_k/da: the weight w_ka
        weight = tr.quantity(str(link.formula))
        delta = tr.quantity(f"dE/d{_via(path).name}")
        symbols.append(f"{weight.latex} {delta_latex(_via(path))}")
        numbers.append(signed(value_text(weight, digits)) + _TIMES + signed(value_text(delta, digits)))
        nodes += [path, weight, delta]
    return symbols, numbers, tuple(nodes)


def _pres(tr: Trace | SampleTrace, layer: int) -> list[Node]:
    return [node for node in tr.nodes if node.kind is Kind.PRE and node.layer == layer]


def layer_term(net_layers: int, layer: int, lang: str) -> str:
    """A layer's name on its own (a diagram's label): ``input layer``, ``hidden layer 2``, ..."""
    if layer in (0, net_layers):
        return term("input_layer" if layer == 0 else "output_layer", lang)
    return term("hidden_layer", lang) + ("" if net_layers == 2 else f" {layer}")


def layer_label(net_layers: int, layer: int, lang: str) -> str:
    """A layer's name in a sentence: ``the output layer``, ``hidden layer 2`` (``the hidden layer``
    when there is one)."""
    if layer == 0:
        return t("input_layer_label", lang)
    if layer == net_layers:
        return t("output_layer_label", lang)
    if net_layers == 2:
        return t("hidden_layer_label", lang)
    return t("hidden_layer_number", lang, number=layer)


def _row(tr: Trace | SampleTrace, z: Node, digits: int) -> tuple[tuple, list[Node]]:
    """(cells, nodes) of one delta: δ_j, its formula in names, with numbers, its value."""
    step = _step(tr, f"dE/d{z.name}")
    used: list[Node] = [step]
    if step.terms:  # softmax output: one term per output
        symbols = " + ".join(" ".join(f.latex for f in term.factors) for term in step.terms)
        numbers = " + ".join(
            _TIMES.join(signed(value_text(f, digits)) for f in term.factors) for term in step.terms
        )
        used += [node for term in step.terms for node in (term, *term.factors)]
    else:
        outer, local = step.factors
        local_symbols = _grouped(symbols_latex(local.formula), local.formula)
        local_numbers = _grouped(numbers_latex(local, digits), local.formula)
        used += [outer, local, *referenced(local)]
        if outer.terms:  # hidden: f'(z_j) (Σ_k w_kj δ_k)
            sum_symbols, sum_numbers, nodes = path_sum(tr, outer, digits)
            symbols = f"{local_symbols} ({' + '.join(sum_symbols)})"
            numbers = f"{local_numbers}{_TIMES}({' + '.join(sum_numbers)})"
            used += list(nodes)
        else:  # elementwise output: ∂E/∂o_k f'(z_j)
            symbols = f"{_grouped(symbols_latex(outer.formula), outer.formula)} {local_symbols}"
            numbers = f"{_grouped(numbers_latex(outer, digits), outer.formula)}{_TIMES}{local_numbers}"
            used += referenced(outer)
    cells = (
        spans(rf"\({delta_latex(z)} = {step.latex}\)"),
        spans(rf"\({symbols}\)"),
        spans(rf"\({numbers}\)"),
        spans(value_text(step, digits)),
    )
    return cells, used


def _header(lang: str) -> tuple:
    return tuple(
        spans(t(key, lang)) for key in ("delta_column", "forward_formula", "forward_numbers", "forward_value")
    )


def _rule(tr: Trace | SampleTrace, layer: int) -> tuple[str, ...]:
    """The layer's rule in vectors, then for one neuron (two lines: one would not fit a phone)."""
    n_layers = tr.network.n_layers
    if layer < n_layers:
        return (
            rf"\delta^{{({layer})}} &= f'(z^{{({layer})}}) \odot (W^{{({layer + 1})}})^{{\top}} "
            rf"\delta^{{({layer + 1})}}",
            r"\delta_j &= f'(z_j) \sum_k w_{kj} \delta_k",
        )
    if _step(tr, f"dE/d{_pres(tr, layer)[0].name}").terms:
        return (r"\delta_j = \sum_k \frac{\partial E}{\partial o_k} \frac{\partial o_k}{\partial z_j}",)
    return (
        rf"\delta^{{({layer})}} &= \frac{{\partial E}}{{\partial o}} \odot f'(z^{{({layer})}})",
        r"\delta_j &= \frac{\partial E}{\partial o_j} f'(z_j)",
    )


def delta_blocks(tr: Trace | SampleTrace, layer: int, lang: str, digits: int = PLACES) -> list[Block]:
    """Layer ``layer``'s deltas (1 = the first hidden layer): its rule, then one row per neuron."""
    check_lang(lang)
    n_layers = tr.network.n_layers
    key = "delta_output_intro" if layer == n_layers else "delta_hidden_intro"
    above = layer_label(n_layers, layer + 1, lang) if layer < n_layers else ""
    intro = Paragraph(spans(t(key, lang, layer=layer_label(n_layers, layer, lang), above=above)))
    rows, used = [], []
    for z in _pres(tr, layer):
        cells, nodes = _row(tr, z, digits)
        rows.append(cells)
        used += nodes
    return [intro, Equations(_rule(tr, layer)), Table(_header(lang), tuple(rows), "lllr", tuple(used))]


def delta_table(tr: Trace | SampleTrace, lang: str, digits: int = PLACES) -> str:
    """Every delta, the output layer first, in one table (Markdown).

    Unlike :func:`delta_blocks`, with no layer's introduction or rule: the rows alone.

    Args:
        tr: the trace to render (from :func:`nnref.derive`); of a mini-batch, one sample's
            (``tr.samples[i]``): each sample has its own deltas.
        lang: the language of the words: ``"ko"`` or ``"en"``.
        digits: decimals of every number shown (rounded half up from the exact value).

    Returns:
        The table as Markdown: per neuron δ_j, its formula in names, with numbers, its value.
    """
    check_lang(lang)
    rows, used = [], []
    for layer in range(tr.network.n_layers, 0, -1):
        for z in _pres(tr, layer):
            cells, nodes = _row(tr, z, digits)
            rows.append(cells)
            used += nodes
    return blocks_markdown([Table(_header(lang), tuple(rows), "lllr", tuple(used))])


def input_gradient_block(tr: Trace | SampleTrace, lang: str, digits: int = PLACES) -> list[Block]:
    """dE/dx_i = Σ_j w_ji δ_j for every input: how the error moves with the inputs."""
    check_lang(lang)
    rows, used = [], []
    for x in (node for node in tr.nodes if node.kind is Kind.INPUT):
        step = _step(tr, f"dE/d{x.name}")
        symbols, numbers, nodes = path_sum(tr, step, digits)
        rows.append(
            (
                spans(rf"\({step.latex}\)"),
                spans(rf"\({' + '.join(symbols)}\)"),
                spans(rf"\({' + '.join(numbers)}\)"),
                spans(value_text(step, digits)),
            )
        )
        used += [step, *nodes]
    header = tuple(
        spans(t(key, lang))
        for key in ("input_gradient_column", "forward_formula", "forward_numbers", "forward_value")
    )
    return [
        Paragraph(spans(t("input_gradient_intro", lang))),
        Table(header, tuple(rows), "lllr", tuple(used)),
    ]


def _gradient_rows(tr: Trace | SampleTrace) -> list[tuple[str, Node, Step, Node]]:
    """(parameter, delta step, dz/dparam step, gradient) for every parameter, output layer first."""
    net, rows = tr.network, []
    for layer in range(net.n_layers - 1, -1, -1):
        names = [name for row in net.layer_weight_names(layer) for name in row]
        for name in (*names, *net.layer_bias_names(layer)):
            local = tr.chain(name)[-1]
            rows.append((name, tr.quantity(f"dE/d{local.of.name}"), local, tr.quantity(f"dE/d{name}")))
    return rows


def _agrees(delta: Node, local: Node, gradient: Node) -> bool:
    # Two routes to one number: the delta times the sending value, and the gradient node, at 30 decimals.
    product = delta.decimal(30) * local.decimal(30)
    return abs(product - gradient.decimal(30)) <= Decimal("1e-28")


def delta_gradient_block(
    tr: Trace | SampleTrace, lang: str, digits: int = PLACES, check: bool = False
) -> list[Block]:
    """Each gradient as the receiving neuron's delta times the sending value (1 for a bias);
    ``check`` adds a column saying whether that product equals the gradient at 30 decimals."""
    check_lang(lang)
    rows, used, agreeing = [], [], 0
    for _, delta, local, gradient in _gradient_rows(tr):
        if local.rational and local.value == 1:
            form, numbers = delta_latex(local.of), value_text(delta, digits)
        else:
            source = local.formula_nodes[next(iter(local.formula.free_symbols))]
            form = delta_latex(local.of) + _TIMES + source.latex
            numbers = signed(value_text(delta, digits)) + _TIMES + signed(value_text(local, digits))
        cells = [
            spans(rf"\({gradient.latex}\)"),
            spans(rf"\({form}\)"),
            spans(rf"\({numbers}\)"),
            spans(value_text(gradient, digits)),
        ]
        if check:
            equal = _agrees(delta, local, gradient)
            agreeing += equal
            cells.append(spans(t("agrees_yes" if equal else "agrees_no", lang)))
        rows.append(tuple(cells))
        used += [gradient, delta, local]
    keys = ("gradient_column", "delta_product_column", "forward_numbers", "forward_value")
    header = [spans(t(key, lang)) for key in keys] + ([spans(t("agrees_column", lang))] if check else [])
    blocks: list[Block] = [Table(tuple(header), tuple(rows), "lllrc"[: len(header)], tuple(used))]
    if check:
        key = "agree_all" if agreeing == len(rows) else "agree_some"
        blocks.append(Paragraph(spans(t(key, lang, count=len(rows), equal=agreeing))))
    return blocks


def delta_gradient_table(
    tr: Trace | SampleTrace, lang: str, digits: int = PLACES, check: bool = False
) -> str:
    """:func:`delta_gradient_block` as Markdown.

    Args:
        tr: the trace to render (from :func:`nnref.derive`); of a mini-batch, one sample's
            (``tr.samples[i]``): the batch's gradient is the mean of the samples'.
        lang: the language of the words: ``"ko"`` or ``"en"``.
        digits: decimals of every number shown (rounded half up from the exact value).
        check: add a column saying, per parameter, whether the delta times the sending value
            equals the gradient at 30 decimals, and a sentence counting how many do (default
            False).

    Returns:
        The table (and, with ``check``, the sentence) as Markdown, the output layer's parameters
        first.
    """
    return blocks_markdown(delta_gradient_block(tr, lang, digits, check))
