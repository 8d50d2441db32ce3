"""``nnref derive --format ipynb``: a runnable notebook that redoes the derivation with nnref calls.

The notebook holds no computed number: its code cells call ``nnref.derive`` and the renderers
of :mod:`nnref.render`, and its Markdown cells explain each step in the chosen language. Run
it top to bottom (Jupyter, or ``jupyter nbconvert --execute``) and every table is recomputed.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from nnref.cli.markdown_out import backward_order, title
from nnref.glossary import first_use, term
from nnref.words import t

if TYPE_CHECKING:
    from nnref.examples import Example

__all__ = ["derivation_notebook", "gate_notebook"]

_TEXT = {
    "intro": {
        "ko": "이 노트북은 nnref로 역전파를 처음부터 끝까지 다시 계산합니다. 아래의 숫자와 수식은 모두 셀을 "
        "실행할 때 계산되며, 노트북에 적어 둔 값은 없습니다.",
        "en": "This notebook recomputes a backpropagation derivation with nnref from start to finish. "
        "Every number and formula below is computed when its cell runs; none is stored in the notebook.",
    },
    "made_by": {"ko": "만든 명령:", "en": "Made with:"},
    "setup": {
        "ko": "신경망의 구조는 `Network`로 정하고, 입력과 실제값, 매개변수, 학습률은 `derive()`에 "
        '넘깁니다. 숫자를 문자열로 주면 정확한 분수로 읽습니다(`"0.1"`은 1/10). 문자열을 식으로 '
        "실행하는 일은 없습니다.",
        "en": "`Network` fixes the structure; `derive()` takes the inputs, targets, parameters and learning "
        'rate. Numbers given as strings are read as exact fractions (`"0.1"` is 1/10); a string is '
        "never evaluated as code.",
    },
    "forward": {
        "ko": "{fp}: 층마다 가중합 z를 구하고 활성화 함수를 적용합니다.",
        "en": "{fp}: each layer computes the weighted sums z and applies its activation function.",
    },
    "loss": {
        "ko": "출력과 실제값으로 오차 E를 구합니다.",
        "en": "The outputs and the targets give the error E.",
    },
    "backward": {
        "ko": "{bp}: 출력층에서 입력 쪽으로 거슬러 가며, 매개변수마다 {cr}으로 오차의 편미분을 구합니다.",
        "en": "{bp}: from the output layer back towards the inputs, the {cr} gives the error's partial "
        "derivative with respect to every parameter.",
    },
    "gradients": {
        "ko": "기울기를 소수점 아래 {digits}자리로 모으면 다음과 같습니다.",
        "en": "All gradients, to {digits} decimals:",
    },
    "update": {
        "ko": "{gd}: 모든 매개변수를 갱신 전 값에서 구한 기울기로 한꺼번에 갱신하고, 갱신한 값으로 다음 "
        "`Trace`를 만듭니다.",
        "en": "{gd}: every parameter is updated at once from its gradient at the old values, and "
        "`tr.next()` derives the same example at the new values.",
    },
    "check": {
        "ko": "갱신한 매개변수로 순전파를 다시 해서 오차가 줄었는지 확인합니다.",
        "en": "The forward pass again with the updated parameters: did the error go down?",
    },
    "published": {
        "ko": "위키독스 07-05에 게시된 값과 nnref의 값을 같은 자릿수로 비교합니다.",
        "en": "The values published by wikidocs 07-05 next to nnref's, to the same decimals.",
    },
    "gate_setup": {
        "ko": "이 신경망은 계단 함수를 쓰는 퍼셉트론입니다. 0과 1로 된 모든 입력에 대해 순전파로 출력을 "
        "정확하게 구해 진리표를 만듭니다.",
        "en": "This network is a perceptron with the step function. The exact forward pass on every 0/1 "
        "input gives its truth table.",
    },
    "gate_try": {
        "ko": "`derive()`에 넘기면 이유를 밝힌 `ValueError`가 납니다.",
        "en": "Passed to `derive()`, it raises a `ValueError` that says why:",
    },
}


# Every Markdown output goes through notebook_math: Jupyter reads \( as an escaped parenthesis.
_IMPORTS = (
    "from IPython.display import Markdown, display\n\n"
    "from nnref.render import notebook_math\n\n\n"
    "def show(markdown):\n"
    "    display(Markdown(notebook_math(markdown)))\n\n\n"
)


_STEP_TERMS = ("forward_propagation", "backpropagation", "chain_rule", "gradient_descent")


def _term(key: str, lang: str, first: bool) -> str:
    """A glossary term for a sentence start: with its English in parentheses the first time (ko)."""
    word = first_use(key, lang) if first else term(key, lang)
    return word[0].upper() + word[1:] if lang == "en" else word


def _text(key: str, lang: str, **fields: object) -> str:
    return _TEXT[key][lang].format(**fields)


def _cells(spec: list[tuple[str, str]], lang: str) -> dict:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for index, (kind, source) in enumerate(spec):
        make = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        notebook.cells.append(make(source.strip("\n"), id=f"nnref-{lang}-{index}"))
    nbformat.validate(notebook)
    return notebook


def _dump(notebook: dict) -> str:
    return json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _network_code(problem: Example) -> str:
    net = problem.network
    activation = repr(net.activations[0]) if len(set(net.activations)) == 1 else repr(net.activations)
    return (
        f"net = Network(sizes={net.sizes!r}, activation={activation}, loss={net.loss!r}, bias={net.bias!r})"
    )


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


def _header(problem: Example, lang: str, command: str) -> str:
    made = f"\n\n{_text('made_by', lang)} {code_span(command)}" if command else ""
    source = f"\n\n<{problem.source}>" if problem.source else ""
    return f"# {title(problem, lang)}\n\n{_text('intro', lang)}{made}{source}"


def derivation_notebook(problem: Example, steps: int, lang: str, digits: int, command: str = "") -> str:
    """The notebook (JSON text, nbformat 4) that redoes ``steps`` gradient-descent steps."""
    biases = repr(list(problem.biases)) if problem.network.bias else "None"
    rate = repr(problem.learning_rate) if problem.learning_rate is not None else "None"
    order = backward_order(problem)
    x, target = problem.input_and_target()
    spec: list[tuple[str, str]] = [
        ("md", _header(problem, lang, command)),
        (
            "code",
            _IMPORTS + "from nnref import Network, derive\n"
            "from nnref.render import (after_update_markdown, chain_markdown, forward_table, "
            "loss_markdown,\n                          update_table)",
        ),
        ("md", f"## {t('network_heading', lang)}\n\n{_text('setup', lang)}"),
        (
            "code",
            f"{_network_code(problem)}\ntr = derive(\n    net,\n    x={list(x)!r},\n"
            f"    target={list(target)!r},\n    weights={list(problem.weights)!r},\n"
            f"    biases={biases},\n    learning_rate={rate},\n)\nfirst = tr\ntr",
        ),
    ]
    for index in range(max(steps, 1)):
        fp, bp, cr, gd = (_term(key, lang, first=index == 0) for key in _STEP_TERMS)
        spec += [
            (
                "md",
                f"## {t('iteration_heading', lang, number=index + 1)}\n\n"
                f"### {t('forward_heading', lang)}\n\n{_text('forward', lang, fp=fp)}",
            ),
            ("code", f"show(forward_table(tr, {lang!r}))"),
            ("md", f"### {t('loss_heading', lang)}\n\n{_text('loss', lang)}"),
            ("code", f"show(loss_markdown(tr, {lang!r}))"),
            ("md", f"### {t('backward_heading', lang)}\n\n{_text('backward', lang, bp=bp, cr=cr)}"),
            ("code", f"for name in {order!r}:\n    show(chain_markdown(tr, name, {lang!r}))"),
            ("md", _text("gradients", lang, digits=digits)),
            ("code", f"{{name: f\"{{tr.decimal('dE/d' + name, {digits}):f}}\" for name in net.parameters}}"),
        ]
        if steps:
            spec += [
                ("md", f"### {t('update_heading', lang)}\n\n{_text('update', lang, gd=gd)}"),
                ("code", f"show(update_table(tr, {lang!r}))\nprevious, tr = tr, tr.next()"),
            ]
    if steps:
        spec += [
            ("md", f"## {t('check_heading', lang, steps=steps)}\n\n{_text('check', lang)}"),
            (
                "code",
                f"show(after_update_markdown(previous, {lang!r}))\n"
                f"print(f\"E: {{first.decimal('E', {digits}):f}} -> {{tr.decimal('E', {digits}):f}}\")",
            ),
        ]
    if problem.name == "wikidocs-07-05" and steps:
        spec += [
            ("md", f"## {t('published_heading', lang)}\n\n{_text('published', lang)}"),
            (
                "code",
                "from nnref.examples import published_values\nfrom nnref.render import comparison_table\n\n"
                f"show(comparison_table(first, published_values(), {lang!r}))",
            ),
        ]
    return _dump(_cells(spec, lang))


def gate_notebook(problem: Example, lang: str, command: str = "") -> str:
    """The notebook of a step network: its truth table computed exactly, and derive() refusing it."""
    net = problem.network
    biases = repr(list(problem.biases)) if problem.network.bias else "None"
    columns = [*net.node_names(0).act, *net.node_names(net.n_layers).act]
    spec = [
        ("md", _header(problem, lang, command)),
        (
            "code",
            "import itertools\n\n"
            + _IMPORTS
            + "from nnref import Network, derive\nfrom nnref.render import markdown_table\n"
            "from nnref.symbolic import forward",
        ),
        ("md", f"## {t('truth_table_heading', lang)}\n\n{_text('gate_setup', lang)}"),
        (
            "code",
            f"{_network_code(problem)}\nweights = {list(problem.weights)!r}\nbiases = {biases}\n\n"
            "rows = []\nfor x in itertools.product((0, 1), repeat=net.sizes[0]):\n"
            "    outputs = forward(net, list(x), weights, biases)\n"
            "    rows.append([str(v) for v in (*x, *outputs)])\n"
            f"show(markdown_table({columns!r}, rows))",
        ),
        (
            "md",
            f"## {t('no_gradient_heading', lang)}\n\n{t('no_gradient', lang)}\n\n"
            f"{_text('gate_try', lang)}",
        ),
        (
            "code",
            "try:\n    derive(net, x=[0] * net.sizes[0], target=[0] * net.sizes[-1], weights=weights, "
            "biases=biases)\nexcept ValueError as error:\n    print(error)",
        ),
    ]
    return _dump(_cells(spec, lang))
