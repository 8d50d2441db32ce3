r"""What a derivation starts from: the network, its givens (one matrix per layer) and its diagram.

Row ``j`` of ``W^(l)`` holds the weights into neuron ``j`` of layer ``l``, in the order of the
parameter names (``z_1 = w_1 x_1 + w_2 x_2``), so ``z^(l) = W^(l) a^(l-1) + b^(l)``.

>>> from nnref.network import Network
>>> print(weight_matrix(Network((2, 2, 2)), 0, lambda name: name))
\begin{pmatrix} w1 & w2 \\ w3 & w4 \end{pmatrix}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from nnref.render.deltas import layer_label, layer_term
from nnref.render.fmt import PLACES, value_text
from nnref.render.forward import loss_name
from nnref.render.layout import fits
from nnref.render.markdown import blocks_markdown
from nnref.render.plan import Block, Equations, Paragraph, Table, spans
from nnref.symbolic.names import latex_name
from nnref.words import check_lang, t

if TYPE_CHECKING:
    from nnref.network import Network
    from nnref.symbolic import Node, Trace

__all__ = ["givens_blocks", "givens_table", "network_mermaid", "network_rows", "weight_matrix"]


def weight_matrix(net: Network, layer: int, cell: Callable[[str], str]) -> str:
    """``W^(layer+1)`` as a LaTeX ``pmatrix`` with ``cell(name)`` in each place."""
    rows = [" & ".join(cell(name) for name in row) for row in net.layer_weight_names(layer)]
    return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"


def _column(names: Sequence[str], cell: Callable[[str], str]) -> str:
    return r"\left(" + ", ".join(cell(name) for name in names) + r"\right)^{\top}"


def network_rows(net: Network, lang: str) -> list[tuple]:
    """The network's rows of the givens table: sizes, activations, loss, bias."""
    rows = [
        [t("sizes_row", lang), "-".join(map(str, net.sizes))],
        [t("activation_row", lang), ", ".join(f"`{a}`" for a in net.activations)],
        [t("loss_row", lang), f"{loss_name(net.loss, lang)} (`{net.loss}`)"],
        [t("bias_row", lang), t("yes" if net.bias else "no", lang)],
    ]
    return [tuple(spans(cell) for cell in row) for row in rows]


def _values(nodes: Sequence[Node], digits: int) -> str:
    return ", ".join(rf"\({node.latex} = {value_text(node, digits)}\)" for node in nodes)


def parameter_blocks(
    net: Network, value: Callable[[str], str], lang: str, nodes: Sequence[Node] = ()
) -> list[Block]:
    """One matrix of names and one of values per layer of weights, and the bias vectors."""
    blocks: list[Block] = []
    for layer in range(net.n_layers):
        names = weight_matrix(net, layer, latex_name)
        values = weight_matrix(net, layer, value)
        lhs = f"W^{{({layer + 1})}}"
        one = f"{lhs} &= {names} = {values}"
        lines = [one] if fits(one) else [f"{lhs} &= {names}", f"&= {values}"]
        biases = net.layer_bias_names(layer)
        if biases:
            names, values = _column(biases, latex_name), _column(biases, value)
            lhs = f"b^{{({layer + 1})}}"
            one = f"{lhs} &= {names} = {values}"
            lines += [one] if fits(one) else [f"{lhs} &= {names}", f"&= {values}"]
        source, dest = layer_label(net.n_layers, layer, lang), layer_label(net.n_layers, layer + 1, lang)
        intro = t("matrix_intro", lang, matrix=rf"\(W^{{({layer + 1})}}\)", source=source, dest=dest)
        blocks += [Paragraph(spans(intro)), Equations(tuple(lines), tuple(nodes))]
    return blocks


def givens_blocks(tr: Trace, lang: str, digits: int = PLACES) -> list[Block]:
    """The givens of a trace: the network, inputs, targets and learning rate, then the parameters
    as one matrix per layer (row j: the weights into neuron j)."""
    check_lang(lang)
    net = tr.network
    rows = network_rows(net, lang)
    used: list[Node] = []
    for sample in tr.samples:
        inputs = [sample.quantity(f"x{i}") for i in range(1, net.sizes[0] + 1)]
        targets = [sample.quantity(f"t{k}") for k in range(1, net.sizes[-1] + 1)]
        label = "" if sample.sample is None else t("sample_suffix", lang, number=sample.sample)
        rows.append((spans(t("inputs_row", lang) + label), spans(_values(inputs, digits))))
        rows.append((spans(t("targets_row", lang) + label), spans(_values(targets, digits))))
        used += inputs + targets
    if tr.learning_rate is not None:
        rate = tr.quantity("alpha")
        rows.append((spans(t("rate_row", lang)), spans(_values([rate], digits))))
        used.append(rate)
    header = (spans(t("item", lang)), spans(t("value", lang)))
    parameters = [tr.quantity(name) for name in net.parameters]
    table = Table(header, tuple(rows), "ll", tuple(used))
    return [
        table,
        *parameter_blocks(net, lambda name: value_text(tr.quantity(name), digits), lang, parameters),
    ]


def givens_table(tr: Trace, lang: str, digits: int = PLACES) -> str:
    """:func:`givens_blocks` as Markdown.

    Args:
        tr: the trace to render (from :func:`nnref.derive`; a mini-batch lists each sample's
            inputs and targets).
        lang: the language of the words: ``"ko"`` or ``"en"``.
        digits: decimals of every number shown (rounded half up from the exact value; a short
            given such as 0.1 is shown exactly).

    Returns:
        The givens table, then per layer its weight matrix (and bias vector) in names and in
        numbers, as Markdown with display math.
    """
    return blocks_markdown(givens_blocks(tr, lang, digits))


def network_mermaid(net: Network, lang: str) -> str:
    """A mermaid diagram of ``net``, every edge labelled with its weight's name (and every
    neuron with a bias, ``+ b``): built from the network's naming rule, so any shape works.

    Args:
        net: the network (any shape, with or without biases).
        lang: the language of the layers' labels: ``"ko"`` or ``"en"``.

    Returns:
        A fenced ``mermaid`` block (``flowchart LR``, one subgraph per layer) for Markdown.
    """
    check_lang(lang)
    prefixes = ["x"] + ["h"] * (net.n_layers - 1) + ["o"]
    numbers: list[list[str]] = []
    hidden = 0
    for layer, size in enumerate(net.sizes):
        if prefixes[layer] == "h":
            numbers.append([f"h{hidden + i}" for i in range(1, size + 1)])
            hidden += size
        else:
            numbers.append([f"{prefixes[layer]}{i}" for i in range(1, size + 1)])
    lines = ["```mermaid", "flowchart LR"]
    for layer, names in enumerate(numbers):
        biases = net.layer_bias_names(layer - 1) if layer else ()
        lines.append(f'    subgraph L{layer}["{layer_term(net.n_layers, layer, lang)}"]')
        for index, name in enumerate(names):
            label = f"{name} + {biases[index]}" if biases else name
            lines.append(f'        {name}(("{label}"))')
        lines.append("    end")
    for layer in range(net.n_layers):
        for dest, row in zip(numbers[layer + 1], net.layer_weight_names(layer), strict=True):
            for src, weight in zip(numbers[layer], row, strict=True):
                lines.append(f'    {src} -->|"{weight}"| {dest}')
    lines.append("```")
    return "\n".join(lines)
