"""Writes docs/notebooks/backprop-worked-example.{ko,en}.ipynb: the backpropagation chapter's
worked example as a notebook, executed by mkdocs-jupyter at build time.

Both languages share every code cell (only ``LANG`` differs), so the two notebooks cannot drift
apart; tests/test_site_backprop.py checks that the committed files equal this script's output.
Run from the repository root after editing: ``python3 docs/snippets/backprop/notebook.py``.
The notebooks are stored without outputs: every number in them is computed when they run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NAME = "backprop-worked-example"

# (kind, {"ko": text, "en": text}) for markdown; (kind, code) for code, with {lang} filled in.
CELLS: list[tuple[str, object]] = [
    ("markdown", {
        "ko": "# 역전파 예제 노트북\n\n"
              "wikidocs [07-05 역전파(BackPropagation) 이해하기](https://wikidocs.net/37406)의 예제를 "
              "nnref로 한 단계씩 계산합니다. 이 노트북은 사이트를 빌드할 때 실행되므로, 아래의 출력은 "
              "모두 그때 계산된 값입니다. 내려받아 실행하려면 nnref가 설치되어 있어야 합니다 "
              "(`pip install nnref`, 소스 코드는 <https://github.com/nnref/nnref>).",
        "en": "# The backpropagation notebook\n\n"
              "The example of wikidocs' [07-05 Understanding backpropagation](https://wikidocs.net/37406), "
              "computed step by step with nnref. This notebook runs while the site is built, so every "
              "output below was computed then. To run it yourself you need nnref installed "
              "(`pip install nnref`; the source is at <https://github.com/nnref/nnref>).",
    }),
    ("code", 'LANG = "{lang}"  # language of the rendered tables: "ko" or "en"\n\n'
             "import sympy\n"
             "from IPython.display import Markdown\n\n"
             "from nnref import derive\n"
             "from nnref.examples import WIKIDOCS_07_05 as example\n"
             "from nnref.examples import published_values\n"
             "from nnref.render import (\n"
             "    after_update_markdown, chain_markdown, comparison_table,\n"
             "    forward_table, loss_markdown, notebook_math, update_table,\n"
             ")\n\n\n"
             "def show(markdown):\n"
             '    """Display nnref\'s Markdown; Jupyter wants inline math as $...$."""\n'
             "    return Markdown(notebook_math(markdown))"),
    ("markdown", {
        "ko": "## 주어진 값\n\n입력 2개, 은닉층 뉴런 2개, 출력 2개인 신경망이고, 모든 층에 시그모이드 함수를 "
              "쓰며 편향은 없습니다. 입력, 가중치, 실제값, 학습률은 `nnref.examples`에 들어 있습니다.",
        "en": "## The givens\n\nA network with two inputs, two hidden neurons and two outputs, the sigmoid "
              "function in every layer and no bias. The inputs, weights, targets and learning rate "
              "live in `nnref.examples`.",
    }),
    ("code", "print(example.network)\n"
             'print("x =", example.x, " target =", example.target)\n'
             'print("learning rate =", example.learning_rate)\n'
             "example.parameters"),
    ("markdown", {
        "ko": "`derive()`는 순전파, 오차, 역전파, 갱신의 모든 값을 SymPy로 정확하게 계산한 `Trace`를 "
              "돌려줍니다.",
        "en": "`derive()` returns a `Trace` with every value of the forward pass, the error, the "
              "backward pass and the update, computed exactly with SymPy.",
    }),
    ("code", "tr = derive(\n"
             "    example.network, x=example.x, target=example.target,\n"
             "    weights=example.weights, learning_rate=example.learning_rate,\n"
             ")\n"
             "tr"),
    ("markdown", {
        "ko": "## 1. 순전파\n\n노드별로 소수 여덟째 자리까지 반올림한 값입니다. `tr.node(name).value`는 "
              "그 노드를 나타내는 정확한 값(SymPy 수)입니다. `sympy.N(값, 30)`은 원하는 자릿수의 숫자를, "
              "`값.doit()`은 닫힌 식을 돌려줍니다.",
        "en": "## 1. Forward propagation\n\nEach node rounded to eight decimals; `tr.node(name).value` is "
              "the exact value (a SymPy number that stands for the node): `sympy.N(value, 30)` gives its "
              "digits, `value.doit()` its closed form.",
    }),
    ("code", 'for name in ["z1", "z2", "h1", "h2", "z3", "z4", "o1", "o2"]:\n'
             '    print(f"{name} = {tr.decimal(name)}")\n'
             'h1 = tr.node("h1").value\n'
             "h1.doit(), sympy.N(h1, 30)"),
    ("code", "show(forward_table(tr, LANG))"),
    ("markdown", {
        "ko": "## 전체 오차\n\n출력마다의 오차와 그 합입니다.",
        "en": "## The total error\n\nEach output's share of the error, and their sum.",
    }),
    ("code", "show(loss_markdown(tr, LANG))"),
    ("markdown", {
        "ko": "## 2. 역전파 1단계: 출력층 → 은닉층\n\n`tr.chain(\"w5\")`는 연쇄 법칙의 인수를 순서대로 "
              "돌려줍니다. 인수들의 값을 곱하면 기울기가 됩니다.",
        "en": "## 2. Backpropagation, stage 1: output layer → hidden layer\n\n`tr.chain(\"w5\")` returns "
              "the factors of the chain rule in order; their values multiply to the gradient.",
    }),
    ("code", 'for step in tr.chain("w5"):\n'
             '    print(step.label, "=", step.formula, "=", tr.decimal(step))\n'
             'print("dE/dw5 =", tr.decimal("dE/dw5"))\n'
             'tr.formula("w5")'),
    ("code", 'show(chain_markdown(tr, "w5", LANG))'),
    ("markdown", {
        "ko": "## 3. 역전파 2단계: 은닉층 → 입력층\n\n$h_1$은 두 출력에 모두 쓰이므로 첫째 인수는 "
              "두 경로의 합입니다. 그 항들은 `.terms`에 있습니다.",
        "en": "## 3. Backpropagation, stage 2: hidden layer → input layer\n\n$h_1$ feeds both outputs, "
              "so the first factor is a sum over two paths; its terms are in `.terms`.",
    }),
    ("code", 'first = tr.chain("w1")[0]\n'
             "for term in first.terms:\n"
             '    print(f"{term.label:10} = {tr.decimal(term)}")\n'
             'print(f"{first.label:10} = {tr.decimal(first)}")\n'
             'print(f"{\'dE/dw1\':10} = {tr.decimal(\'dE/dw1\')}")'),
    ("code", 'show(chain_markdown(tr, "w1", LANG))'),
    ("markdown", {
        "ko": "## 4. 가중치 갱신\n\n모든 가중치를 갱신 전의 기울기로 한꺼번에 갱신합니다. `tr.updated`는 새 "
              "값의 정확한 식을 담고 있습니다.",
        "en": "## 4. Updating the weights\n\nEvery weight is updated at once, from the gradients at the old "
              "values. `tr.updated` holds the exact new values.",
    }),
    ("code", "for name in tr.updated:\n"
             '    print(f"{name}+ = {tr.decimal(name + \'+\')}")\n'
             'tr.updated["w5"]  # exact: w5 - alpha * dE/dw5 as a closed form'),
    ("code", "show(update_table(tr, LANG))"),
    ("markdown", {
        "ko": "## 결과 확인\n\n`tr.next()`는 갱신한 가중치로 같은 예제를 다시 계산한 `Trace`입니다.",
        "en": "## Checking the result\n\n`tr.next()` is the `Trace` of the same example at the updated "
              "weights.",
    }),
    ("code", "after = tr.next()\n"
             'print("E before:", tr.decimal("E"), " after:", after.decimal("E"))\n'
             'print("decrease:", tr.decimal("E", 30) - after.decimal("E", 30))'),
    ("code", "show(after_update_markdown(tr, LANG))"),
    ("markdown", {
        "ko": "## 여러 번 갱신하기\n\n같은 예제로 갱신을 되풀이하면 오차가 계속 줄어듭니다.",
        "en": "## Several updates\n\nRepeating the update on the same example keeps lowering the error.",
    }),
    ("code", "trace = tr\n"
             "for step in range(1, 11):\n"
             "    trace = trace.next()\n"
             '    print(f"after {step:2} updates: E = {trace.decimal(\'E\')}")'),
    ("markdown", {
        "ko": "## 게시된 값과 비교\n\n원문에 실린 값을 nnref의 값과 같은 자릿수로 비교합니다.",
        "en": "## The published values\n\nThe values printed in the source, next to nnref's, rounded to "
              "the same digits.",
    }),
    ("code", "show(comparison_table(tr, published_values(), LANG))"),
]


def notebook(lang: str) -> dict:
    """The notebook for ``lang`` as nbformat 4 JSON (a dict), without outputs."""
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be one of ko, en; got {lang!r}")
    cells = []
    for index, (kind, content) in enumerate(CELLS):
        text = content[lang] if kind == "markdown" else content.replace("{lang}", lang)
        cell = {"cell_type": kind, "id": f"{NAME}-{lang}-{index}", "metadata": {}, "source": text}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        cells.append(cell)
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def notebook_text(lang: str) -> str:
    return json.dumps(notebook(lang), ensure_ascii=False, indent=1) + "\n"


def notebook_path(lang: str) -> Path:
    return NOTEBOOK_DIR / f"{NAME}.{lang}.ipynb"


if __name__ == "__main__":
    for language in ("ko", "en"):
        notebook_path(language).write_text(notebook_text(language), encoding="utf-8")
        print(f"wrote {notebook_path(language)}", file=sys.stderr)
