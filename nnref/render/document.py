"""The derivation plan: what a handout holds, decided once for every writer.

:func:`derivation_plan` walks a Trace's nodes into sections: the givens (one matrix per layer),
then per gradient-descent iteration the forward table, the loss, a delta table per layer (the
output layer first, each hidden layer by the recursion), the input gradient, every gradient as a
delta times a sending value, the chain rule of each chosen parameter (citing the deltas already
derived) and the update; then the check after the last update, a per-step table, and, for the
wikidocs example, the published values. A mini-batch gets per-sample forward tables, losses and
deltas, and each gradient as the mean of the samples'. The Markdown, LaTeX, JSON and notebook
writers serialize the plan; none of them chooses content.

>>> from nnref.examples import derive_example
>>> plan = derivation_plan(derive_example(), "en", steps=1, only=["w5"])
>>> [section.key for section in plan.sections][:6]
['givens', 'iteration-1', 'iteration-1/forward', 'iteration-1/loss', 'iteration-1/backward', \
'iteration-1/delta/2']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING

from nnref.render.backward import batch_chain_blocks, chain_blocks, update_block
from nnref.render.comparison import comparison_table_block
from nnref.render.deltas import delta_blocks, delta_gradient_block, input_gradient_block, layer_label
from nnref.render.fmt import PLACES, value_text
from nnref.render.forward import after_update_blocks, batch_loss_blocks, forward_blocks, loss_blocks
from nnref.render.givens import givens_blocks
from nnref.render.plan import Block, Code, Paragraph, Plan, Section, Table, spans
from nnref.render.steps import loss_figure, steps_blocks, traces
from nnref.rounding import round_half_up
from nnref.words import check_lang, t

if TYPE_CHECKING:
    from nnref.network import Network
    from nnref.symbolic import Step, Trace

__all__ = ["backward_order", "derivation_plan", "gate_plan", "title_text"]


def backward_order(net: Network) -> list[str]:
    """Parameter names in the order backpropagation reaches them: the output layer first.

    Within a layer, the weights in naming order (row by row of its matrix), then its biases.

    Args:
        net: the network (any shape, with or without biases).

    Returns:
        Every parameter name once, the output layer's first.

    >>> from nnref.network import Network
    >>> backward_order(Network((2, 2, 1)))
    ['w5', 'w6', 'w1', 'w2', 'w3', 'w4']
    """
    names: list[str] = []
    for layer in reversed(range(net.n_layers)):
        names += [name for row in net.layer_weight_names(layer) for name in row]
        names += list(net.layer_bias_names(layer))
    return names


def title_text(net: Network, lang: str, example: str | None = None) -> str:
    """The document title: the example's, or one naming the network's shape."""
    if example:
        from nnref.examples import example as find

        return t(f"example_{find(example).name}", lang)
    return t("custom_title", lang, sizes="-".join(map(str, net.sizes)))


def _chosen(tr: Trace, only: Sequence[str] | None) -> list[str]:
    order = backward_order(tr.network)
    if only is None:
        return order
    if isinstance(only, str):  # "w1" would be read letter by letter
        only = [only]
    names = tr.network.parameters
    for name in only:
        if name not in order:
            from nnref.errors import InputError
            from nnref.network import name_hint

            raise InputError(
                "error_not_a_parameter", argument="only", first=names[0], last=names[-1], got=repr(name),
                hint=name_hint(str(name), order),
            )
    return [name for name in order if name in only]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def reproducible(tr: Trace, name: str, digits: int) -> bool | None:
    """Whether the shown factors of dE/d``name`` multiply to its shown value (None: not decimals)."""
    shown = [_decimal(value_text(step, digits)) for step in tr.chain(name)]
    result = _decimal(value_text(tr.quantity(f"dE/d{name}"), digits))
    if result is None or "e" in str(result).lower():
        return None
    product = Fraction(1)
    for value in shown:
        if value is None:
            return None
        product *= Fraction(value)
    return round_half_up(product, digits) == result


@dataclass
class _Builder:
    lang: str
    digits: int
    sections: list[Section]

    def add(
        self,
        key: str,
        level: int,
        heading: str | None,
        blocks: Sequence[Block] = (),
        chain: tuple[str, tuple[Step, ...]] | None = None,
    ) -> None:
        self.sections.append(
            Section(key, level, None if heading is None else spans(heading), tuple(blocks), chain)
        )


def _forward_and_loss(b: _Builder, tr: Trace, prefix: str) -> None:
    lang, digits = b.lang, b.digits
    if not tr.is_batch:
        b.add(f"{prefix}/forward", 3, t("forward_heading", lang), forward_blocks(tr, lang, digits))
        b.add(f"{prefix}/loss", 3, t("loss_heading", lang), loss_blocks(tr, lang, digits))
        return
    b.add(f"{prefix}/forward", 3, t("forward_heading", lang))
    for sample in tr.samples:
        b.add(
            f"{prefix}/forward/{sample.sample}",
            4,
            t("sample_label", lang, number=sample.sample),
            [*forward_blocks(sample, lang, digits), *loss_blocks(sample, lang, digits)],
        )
    b.add(f"{prefix}/loss", 3, t("loss_heading", lang), batch_loss_blocks(tr, lang, digits))


def _deltas(b: _Builder, tr: Trace, prefix: str) -> None:
    lang, digits, n_layers = b.lang, b.digits, tr.network.n_layers
    for sample in tr.samples:
        where = "" if sample.sample is None else f"/{sample.sample}"
        suffix = "" if sample.sample is None else t("sample_suffix", lang, number=sample.sample)
        for layer in range(n_layers, 0, -1):
            heading = t("delta_heading", lang, layer=layer_label(n_layers, layer, lang)) + suffix
            b.add(f"{prefix}/delta{where}/{layer}", 4, heading, delta_blocks(sample, layer, lang, digits))
        b.add(
            f"{prefix}/input-gradient{where}",
            4,
            t("input_gradient_heading", lang) + suffix,
            input_gradient_block(sample, lang, digits),
        )


def _chains(b: _Builder, tr: Trace, prefix: str, chosen: list[str]) -> None:
    lang, digits = b.lang, b.digits
    if not tr.is_batch:
        b.add(
            f"{prefix}/gradients",
            4,
            t("gradients_heading", lang),
            [Paragraph(spans(t("gradients_intro", lang))), *delta_gradient_block(tr, lang, digits)],
        )
    for name in chosen:
        heading = t("chain_heading", lang, symbol=rf"\(\partial E / \partial {tr.quantity(name).latex}\)")
        if tr.is_batch:
            b.add(f"{prefix}/chain/{name}", 4, heading, batch_chain_blocks(tr, name, lang, digits))
        else:
            blocks = chain_blocks(tr, name, lang, digits, cite_deltas=True)
            b.add(f"{prefix}/chain/{name}", 4, heading, blocks, chain=(name, tr.chain(name)))


def _rounding_note(tr_list: list[Trace], chosen: list[str], digits: int, lang: str) -> Paragraph | None:
    if tr_list[0].is_batch:
        return None
    checked = [reproducible(tr, name, digits) for tr in tr_list for name in chosen]
    checked = [c for c in checked if c is not None]
    if not checked:
        return None
    bad = checked.count(False)
    key = "rounding_note_some" if bad else "rounding_note_none"
    shown = tuple(tr.quantity(f"dE/d{name}") for tr in tr_list for name in chosen)
    return Paragraph(spans(t(key, lang, digits=digits, count=bad, total=len(checked))), shown)


def _notebook_code(b: _Builder, tr: Trace, chosen: list[str], key: str) -> None:
    # What the Trace offers in Python, next to the section it explains (notebooks only).
    lang = b.lang
    # A mini-batch's nodes and chains belong to its samples; its gradients are their mean.
    one, first = (tr.samples[0], "sample = tr.samples[0]  # the mini-batch's first sample\n") if tr.is_batch \
        else (tr, "")
    holder = "sample" if tr.is_batch else "tr"
    if key == "forward":
        node = next(n for n in one.nodes if n.kind.value in ("activation", "output"))
        code = f"{first}value = {holder}.node({node.name!r}).value\nvalue, sympy.N(value, 30), value.doit()"
        b.add("code/values", 0, None, [Paragraph(spans(t("notebook_values", lang))), Code(code)])
    elif key == "chain" and chosen:
        name = chosen[0]
        code = (
            f"{first}for step in {holder}.chain({name!r}):\n"
            f"    print(step.label, '=', step.formula, '=', {holder}.decimal(step))\n"
            f"print('dE/d{name} =', tr.decimal('dE/d{name}'))"
        )
        b.add("code/chain", 0, None, [Paragraph(spans(t("notebook_chain", lang))), Code(code)])
        code = f"{{name: f\"{{tr.decimal('dE/d' + name, {b.digits}):f}}\" for name in net.parameters}}"
        b.add(
            "code/gradients",
            0,
            None,
            [Paragraph(spans(t("notebook_gradients", lang, digits=b.digits))), Code(code)],
        )
    elif key == "next":
        code = "after = tr.next()\nprint('E:', tr.decimal('E'), '->', after.decimal('E'))"
        b.add("code/next", 0, None, [Paragraph(spans(t("notebook_next", lang))), Code(code)])


def derivation_plan(
    tr: Trace,
    lang: str,
    steps: int = 1,
    digits: int = PLACES,
    only: Sequence[str] | None = None,
    example: str | None = None,
    notebook: bool = False,
) -> Plan:
    """The document of ``tr`` and ``steps`` gradient-descent updates (0: the gradients only).

    Args:
        tr: the trace to render (from :func:`nnref.derive`; a mini-batch gets per-sample
            sections).
        lang: the language of the words: ``"ko"`` or ``"en"``.
        steps: gradient-descent updates to derive, 0 or more (default 1). 0 stops after the
            gradients and needs no learning rate; 1 or more needs ``tr`` derived with one and adds
            an iteration per update, the check after the last one and, from 2, a per-step table.
        digits: decimals of every number shown (rounded half up from the exact value).
        only: the parameters (``["w5", "w1"]``; a list, not a string) whose chain rule is
            derived and whose values the per-step table shows, in backpropagation order whatever
            the order given; None (the default): every parameter. The deltas and the gradient
            table always cover all of them.
        example: the name of the built-in example ``tr`` was derived from (one of
            :data:`nnref.examples.EXAMPLES`): it gives the title and the source link, and for
            ``"wikidocs-07-05"`` (with ``steps`` of 1 or more) the table against the published
            values; None (the default): a title naming the network's shape.
        notebook: add what a notebook shows besides the text (default False): code showing the
            Trace in Python (sections of level 0: after the first forward pass, after the first
            chain rules and after the check) and, from 2 steps, the loss
            plot: a Figure, which only the notebook writer draws.

    Returns:
        The plan every writer serializes (Markdown, LaTeX, JSON, notebook).

    Raises:
        ValueError: ``lang`` is not ``"ko"`` or ``"en"``; ``steps`` is not 0 and ``tr`` has no
            learning rate; ``only`` names something that is not a parameter of the network;
            ``example`` is not the name of a built-in example.
    """
    check_lang(lang)
    if steps and tr.learning_rate is None:
        raise ValueError(
            f"steps must be 0 without a learning rate (derive(..., learning_rate=...)); got {steps}"
        )
    chosen = _chosen(tr, only)
    derived = traces(tr, steps)
    b = _Builder(lang, digits, [])
    givens = givens_blocks(tr, lang, digits)
    source = None
    if example:
        from nnref.examples import example as find

        source = find(example).source
    if source:
        givens.append(Paragraph(spans(f"<{source}>")))
    b.add("givens", 2, t("network_heading", lang), givens)
    note = _rounding_note(derived[: max(steps, 1)], chosen, digits, lang)
    for index, it in enumerate(derived[: max(steps, 1)]):
        prefix = f"iteration-{index + 1}"
        b.add(prefix, 2, t("iteration_heading", lang, number=index + 1))
        _forward_and_loss(b, it, prefix)
        if notebook and index == 0:
            _notebook_code(b, it, chosen, "forward")
        intro = [Paragraph(spans(t("backward_intro", lang)))] + ([note] if note and index == 0 else [])
        b.add(f"{prefix}/backward", 3, t("backward_heading", lang), intro)
        _deltas(b, it, prefix)
        _chains(b, it, prefix, chosen)
        if notebook and index == 0 and not it.is_batch:
            _notebook_code(b, it, chosen, "chain")
        if steps == 0:
            b.add(f"{prefix}/no-steps", 3, None, [Paragraph(spans(t("no_steps", lang)))])
        else:
            b.add(f"{prefix}/update", 3, t("update_heading", lang), update_block(it, lang, digits))
    if steps:
        b.add(
            "check",
            2,
            t("check_heading_one" if steps == 1 else "check_heading", lang, steps=steps),
            after_update_blocks(derived[-2], lang, digits),
        )
        if notebook:
            _notebook_code(b, derived[-2], chosen, "next")
    if steps >= 2:
        summary = [
            Paragraph(spans(t("summary_intro", lang))),
            *steps_blocks(tr, lang, range(steps + 1), chosen, digits=digits),
        ]
        b.add("summary", 2, t("summary_heading", lang, steps=steps), summary)
        if notebook:
            b.add("summary/plot", 0, None, [loss_figure(tr, lang, steps, digits)])
    if example == "wikidocs-07-05" and steps:
        from nnref.examples import published_values

        b.add(
            "published",
            2,
            t("published_heading", lang),
            [comparison_table_block(tr, published_values(), lang)],
        )
    facts = {
        "example": example,
        "source": source,
        "steps": steps,
        "only": None if only is None else chosen,
        "network": tr.network,
        "samples": len(tr.samples) if tr.is_batch else None,
    }
    return Plan(spans(title_text(tr.network, lang, example)), lang, digits, tuple(b.sections), facts)


def gate_plan(
    net: Network,
    parameters: dict[str, str],
    table: Sequence[tuple[tuple[int, ...], tuple]],
    lang: str,
    example: str | None = None,
) -> Plan:
    """The document of a step network: its parameters, its truth table (``table``: each 0/1 input
    with the exact outputs) and why there is no gradient."""
    check_lang(lang)
    from nnref.render.givens import network_rows, parameter_blocks

    source = None
    if example:
        from nnref.examples import example as find

        source = find(example).source
    b = _Builder(lang, PLACES, [])
    header = (spans(t("item", lang)), spans(t("value", lang)))
    givens = [
        Table(header, tuple(network_rows(net, lang)), "ll"),
        *parameter_blocks(net, lambda name: parameters[name], lang),
    ]
    b.add("givens", 2, t("network_heading", lang), givens)
    columns = [rf"\(x_{{{i}}}\)" for i in range(1, net.sizes[0] + 1)]
    columns += [
        rf"\(o_{{{k}}}\)" if net.sizes[-1] > 1 else t("output", lang) for k in range(1, net.sizes[-1] + 1)
    ]
    rows = tuple(tuple(spans(str(v)) for v in (*inputs, *outputs)) for inputs, outputs in table)
    b.add(
        "truth-table",
        2,
        t("truth_table_heading", lang),
        [Table(tuple(spans(c) for c in columns), rows, "c" * len(columns))],
    )
    b.add("no-gradient", 2, t("no_gradient_heading", lang), [Paragraph(spans(t("no_gradient", lang)))])
    facts = {
        "example": example,
        "source": source,
        "network": net,
        "reason": t("no_gradient", lang),
        "parameters": dict(parameters),
        "truth_table": tuple(table),
    }
    return Plan(spans(title_text(net, lang, example)), lang, PLACES, tuple(b.sections), facts)
