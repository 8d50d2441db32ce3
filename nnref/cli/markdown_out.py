"""``nnref derive --format md``: the derivation as the site shows it (Markdown with LaTeX math).

Every table and formula comes from :mod:`nnref.render`; this module only puts them in order:
the givens, then per iteration the forward pass, the error, the chain rule of every parameter
(output layer first, as backpropagation runs) and the update, then the check after the last
update and, for the wikidocs example, the published values next to nnref's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from nnref import registry
from nnref.cli.problem import derive
from nnref.glossary import term
from nnref.render import (
    after_update_markdown,
    chain_markdown,
    comparison_table,
    forward_table,
    inline_math,
    loss_markdown,
    markdown_table,
    update_table,
)
from nnref.render.fmt import paragraphs, value_text
from nnref.symbolic.names import latex_name, partial_latex
from nnref.words import t

if TYPE_CHECKING:
    from nnref.examples import Example
    from nnref.symbolic import Trace

__all__ = ["backward_order", "derivation_markdown", "gate_markdown", "title", "traces"]


def traces(problem: Example, steps: int) -> list[Trace]:
    """The trace before any update, then one per gradient-descent step (``steps + 1`` in all)."""
    found = [derive(problem)]
    for _ in range(steps):
        found.append(found[-1].next())
    return found


def backward_order(problem: Example) -> list[str]:
    """Parameter names in the order backpropagation reaches them: the output layer first."""
    net = problem.network
    names: list[str] = []
    for layer in reversed(range(net.n_layers)):
        names += [name for row in net.layer_weight_names(layer) for name in row]
        names += list(net.layer_bias_names(layer))
    return names


def title(problem: Example, lang: str) -> str:
    """The document title: the example's, or one naming the network's shape."""
    if problem.name:
        return problem.title_ko if lang == "ko" else problem.title_en
    return t("custom_title", lang, sizes="-".join(map(str, problem.network.sizes)))


def _values(tr: Trace, names: Sequence[str]) -> str:
    return ", ".join(inline_math(f"{latex_name(n)} = {value_text(tr.quantity(n))}") for n in names)


def givens_table(problem: Example, tr: Trace | None, lang: str) -> str:
    """The network and its given values, as a two-column table."""
    net = problem.network
    loss = f"{term(registry.LOSSES[net.loss].glossary_key, lang)} (`{net.loss}`)"
    rows = [
        [t("sizes_row", lang), "-".join(map(str, net.sizes))],
        [t("activation_row", lang), ", ".join(f"`{a}`" for a in net.activations)],
        [t("loss_row", lang), loss],
        [t("bias_row", lang), t("yes" if net.bias else "no", lang)],
    ]
    if tr is not None:
        rows.append([t("inputs_row", lang), _values(tr, net.node_names(0).act)])
        rows.append([t("targets_row", lang), _values(tr, net.target_names)])
        if tr.learning_rate is not None:
            rows.append([t("rate_row", lang), _values(tr, ["alpha"])])
        rows.append([t("weights_row", lang), _values(tr, list(net.weight_names))])
        if net.bias:
            rows.append([t("biases_row", lang), _values(tr, list(net.bias_names))])
    else:
        parameters = net.resolve_parameters(problem.weights, problem.biases)
        shown = ", ".join(inline_math(f"{latex_name(n)} = {v}") for n, v in parameters.items())
        rows.append([t("weights_row", lang), shown])
    return markdown_table([t("item", lang), t("value", lang)], rows)


def derivation_markdown(problem: Example, derived: list[Trace], lang: str) -> str:
    """The whole derivation of ``derived`` (from :func:`traces`) as one Markdown document."""
    steps = len(derived) - 1
    blocks = [
        f"# {title(problem, lang)}",
        f"## {t('network_heading', lang)}",
        givens_table(problem, derived[0], lang),
    ]
    if problem.source:
        blocks.append(f"<{problem.source}>")
    for index, tr in enumerate(derived[: max(steps, 1)]):
        blocks.append(f"## {t('iteration_heading', lang, number=index + 1)}")
        blocks += [f"### {t('forward_heading', lang)}", forward_table(tr, lang)]
        blocks += [f"### {t('loss_heading', lang)}", loss_markdown(tr, lang)]
        blocks.append(f"### {t('backward_heading', lang)}")
        for name in backward_order(problem):
            blocks += [f"#### {inline_math(partial_latex('E', name))}", chain_markdown(tr, name, lang)]
        if steps == 0:
            blocks.append(t("no_steps", lang))
        else:
            blocks += [f"### {t('update_heading', lang)}", update_table(tr, lang)]
    if steps:
        blocks += [
            f"## {t('check_heading', lang, steps=steps)}",
            after_update_markdown(derived[-2], lang),
        ]
    if problem.name == "wikidocs-07-05" and steps:
        from nnref.examples import published_values

        blocks += [
            f"## {t('published_heading', lang)}",
            comparison_table(derived[0], published_values(), lang),
        ]
    return paragraphs(*blocks) + "\n"


def gate_markdown(problem: Example, lang: str) -> str:
    """A step network: its parameters, its truth table (exact forward passes) and why no gradient."""
    net = problem.network
    table = problem.truth_table()
    header = [inline_math(f"x_{{{i}}}") for i in range(1, net.sizes[0] + 1)]
    header += [
        inline_math(f"o_{{{k}}}") if net.sizes[-1] > 1 else t("output", lang)
        for k in range(1, net.sizes[-1] + 1)
    ]
    rows = [[str(v) for v in inputs] + [str(o) for o in outputs] for inputs, outputs in table]
    blocks = [
        f"# {title(problem, lang)}",
        f"## {t('network_heading', lang)}",
        givens_table(problem, None, lang),
        f"## {t('truth_table_heading', lang)}",
        markdown_table(header, rows, align="c" * len(header)),
        f"## {t('no_gradient_heading', lang)}",
        t("no_gradient", lang),
    ]
    return paragraphs(*blocks) + "\n"
