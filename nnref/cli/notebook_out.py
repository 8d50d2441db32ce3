"""``nnref derive --format ipynb``: the derivation plan as a runnable notebook.

The notebook holds no computed number. Its first code cells call ``nnref.derive`` and
:func:`nnref.render.derivation_plan` with the same options, so the kernel rebuilds the very plan
this writer walks; then every section of the plan becomes a Markdown cell (its heading and its
words) and, where it shows values, a code cell ``show("section key")`` that renders them. The
notebook of the site's backpropagation chapter is this writer's output for the wikidocs example
(docs/snippets/backprop/notebook.py).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from nnref.render.markdown import blocks_markdown, rich_markdown, static_blocks
from nnref.render.plan import Code, Figure
from nnref.words import t

if TYPE_CHECKING:
    from nnref.examples import Example, Samples
    from nnref.render.plan import Plan, Section

__all__ = ["code_span", "derivation_notebook", "gate_notebook", "notebook_json"]

# Markdown outputs use $...$ math: Jupyter reads \( as an escaped parenthesis.
_IMPORTS = (
    "import sympy\n"
    "from IPython.display import Markdown, display\n\n"
    "from nnref import Network, derive\n"
    "from nnref.render import derivation_plan, section_markdown\n"
    "{figure}\n\n"
    "def show(key):\n"
    '    """Display the values of one section of the plan."""\n'
    '    display(Markdown(section_markdown(plan.section(key), math="dollars", computed=True)))\n'
)


_FIGURE = "from nnref.render.figure import draw_figure\n"


def _has_figure(plan: Plan) -> bool:
    return any(isinstance(block, Figure) for block in plan.blocks())


def notebook_json(cells: list[tuple[str, str]], lang: str, name: str = "nnref") -> str:
    """Cells ``(kind, source)`` (kind ``md`` or ``code``) as nbformat 4 JSON text, without outputs."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for index, (kind, source) in enumerate(cells):
        make = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        notebook.cells.append(make(source.strip("\n"), id=f"{name}-{lang}-{index}"))
    nbformat.validate(notebook)
    return json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _network_code(problem: Example) -> str:
    net = problem.network
    activation = repr(net.activations[0]) if len(set(net.activations)) == 1 else repr(net.activations)
    return (
        f"net = Network(sizes={net.sizes!r}, activation={activation}, loss={net.loss!r}, bias={net.bias!r})"
    )


def _values(values: Samples | None) -> str:
    if values is None:
        return "None"
    if values and isinstance(values[0], tuple):
        return repr([list(sample) for sample in values])
    return repr(list(values))


def code_span(text: str) -> str:
    """``text`` as one Markdown code span, whatever it holds (backticks, ``<``, ``$``, newlines).

    >>> code_span("nnref derive -o 'a`b.ipynb'")
    "``nnref derive -o 'a`b.ipynb'``"
    """
    text = " ".join(text.splitlines())
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _header(plan: Plan, command: str) -> str:
    lines = [f"# {rich_markdown(plan.title, 'dollars')}", t("notebook_intro", plan.lang)]
    if command:
        lines.append(t("notebook_made_by", plan.lang, command=code_span(command)))
    if plan.facts.get("source"):
        lines.append(f"<{plan.facts['source']}>")
    return "\n\n".join(lines)


def _section_cells(section: Section) -> list[tuple[str, str]]:
    head = f"{'#' * section.level} {rich_markdown(section.heading, 'dollars')}" if section.heading else ""
    words = blocks_markdown(static_blocks(section), "dollars")
    cells: list[tuple[str, str]] = []
    if head or words:
        cells.append(("md", "\n\n".join(part for part in (head, words) if part)))
    rest = section.blocks[len(static_blocks(section)) :]
    if any(isinstance(block, Code) for block in rest):
        cells += [("code", block.source) for block in rest if isinstance(block, Code)]
    elif any(isinstance(block, Figure) for block in rest):
        cells.append(("code", f"draw_figure(plan.section({section.key!r}).blocks[0])"))
    elif rest:
        cells.append(("code", f"show({section.key!r})"))
    return cells


def derivation_notebook(plan: Plan, problem: Example, command: str = "") -> str:
    """The notebook (JSON text, nbformat 4) of ``plan``, which :func:`nnref.render.derivation_plan`
    made from ``problem`` with ``notebook=True``."""
    facts = plan.facts
    biases = repr(list(problem.biases)) if problem.biases else "None"
    rate = repr(problem.learning_rate) if problem.learning_rate is not None else "None"
    only = "None" if facts["only"] is None else repr(list(facts["only"]))
    setup = (
        f"{_network_code(problem)}\ntr = derive(\n    net,\n    x={_values(problem.x)},\n"
        f"    target={_values(problem.target)},\n    weights={list(problem.weights)!r},\n"
        f"    biases={biases},\n    learning_rate={rate},\n)\n"
        f"plan = derivation_plan(tr, {plan.lang!r}, steps={facts['steps']}, digits={plan.digits}, "
        f"only={only}, example={facts['example']!r}, notebook=True)\ntr"
    )
    cells: list[tuple[str, str]] = [
        ("md", _header(plan, command)),
        ("code", _IMPORTS.format(figure=_FIGURE if _has_figure(plan) else "")),
        ("md", t("notebook_setup", plan.lang)),
        ("code", setup),
    ]
    for section in plan.sections:
        cells += _section_cells(section)
    return notebook_json(cells, plan.lang)


def gate_notebook(plan: Plan, problem: Example, command: str = "") -> str:
    """The notebook of a step network: its truth table computed exactly, and derive() refusing it."""
    net = problem.network
    biases = repr(list(problem.biases)) if problem.biases else "None"
    columns = [f"x{i}" for i in range(1, net.sizes[0] + 1)] + [f"o{k}" for k in range(1, net.sizes[-1] + 1)]
    truth, why = plan.section("truth-table"), plan.section("no-gradient")
    cells = [
        ("md", _header(plan, command)),
        (
            "code",
            "import itertools\n\nfrom IPython.display import Markdown, display\n\n"
            "from nnref import Network, derive\nfrom nnref.render import markdown_table\n"
            "from nnref.symbolic import forward",
        ),
        ("md", f"## {rich_markdown(truth.heading or (), 'dollars')}"),
        (
            "code",
            f"{_network_code(problem)}\nweights = {list(problem.weights)!r}\nbiases = {biases}\n\n"
            "rows = []\nfor x in itertools.product((0, 1), repeat=net.sizes[0]):\n"
            "    outputs = forward(net, list(x), weights, biases)\n"
            "    rows.append([str(v) for v in (*x, *outputs)])\n"
            f"display(Markdown(markdown_table({columns!r}, rows)))",
        ),
        (
            "md",
            f"## {rich_markdown(why.heading or (), 'dollars')}\n\n{blocks_markdown(why.blocks, 'dollars')}",
        ),
        (
            "code",
            "try:\n    derive(net, x=[0] * net.sizes[0], target=[0] * net.sizes[-1], weights=weights, "
            "biases=biases)\nexcept ValueError as error:\n    print(error)",
        ),
    ]
    return notebook_json(cells, plan.lang)
