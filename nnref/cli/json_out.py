"""``nnref derive --format json``: every value as a decimal string and its exact form, for programs.

Schema ``nnref-derive/1`` (stable: fields are only ever added, under the same schema name):

.. code-block:: text

    {
      "schema": "nnref-derive/1",
      "nnref_version": "0.1.0",
      "example": "wikidocs-07-05" | null,      # the built-in example, if one was used
      "source": "https://..." | null,
      "network": {"sizes": [2, 2, 2], "activations": ["sigmoid", "sigmoid"], "loss": "sse",
                  "bias": false, "parameters": ["w1", ..., "w8"]},
      "differentiable": true,
      "digits": 8,                             # decimals of every "decimal" string
      "steps": 1,                              # gradient-descent steps derived
      "samples": null,                         # a mini-batch's size (null: one example)
      "only": null,                            # the parameters of --only (null: all)
      "iterations": [                          # steps + 1 entries (1 entry when steps = 0)
        {"iteration": 0,                       # 0 = before any update
         "values": {NAME: VALUE, ...},         # every quantity of this iteration, see below
         "chains": {"w1": ["dE/dh1", "dh1/dz1", "dz1/dw1"], ...},
                                               # dE/dw1 is the product of these chain steps
         "steps": {"dE/dh1": {"terms": ["dE_o1/dh1", "dE_o2/dh1"]},
                   "dE_o1/dh1": {"factors": ["dE/do1", "do1/dz3", "dz3/dh1"]}, ...}},
                                               # steps that are themselves a sum or a product
        ...
      ]
    }

    VALUE = {"decimal": "0.51998934",          # rounded half up to "digits" decimals
             "exact": "1/(1 + exp(-2/25))",    # the exact value one level deep (below)
             "formula": "1/(1 + exp(-z1))"}    # in the symbols of the other names, SymPy str()

Names in ``values``: every quantity the document shows in that iteration: inputs ``x1..``, targets
``t1..``, the learning rate ``alpha``, parameters ``w1.., b1..`` (their current values), nodes
``z1.., h1.., o1..``, the error ``E`` and each output's share ``E_o1..``; in every iteration but the
last (the check after the final update) also every chain step (``dE/do1``, ``do1/dz3``,
``dz3/dw5``, ``dE/dh1``, ``dE_o1/dh1``, ...), the gradients ``dE/dw1..``, every delta
``dE/dz1..`` (every layer, the first hidden one included), every input gradient ``dE/dx1..`` and
the updated parameters ``w1+..``. With ``steps = 0`` the single iteration has the gradients and
no updates. ``chains`` has the parameters of the document's chain-rule sections (all of them,
or those of ``--only``, listed in ``"only"``).

A mini-batch document (``"samples": N``, from ``--x`` and ``--target`` given once per sample) names
each sample's quantities with ``@n`` (``o1@2``, ``dE/dz3@1``); ``E`` and ``dE/dw1`` are the means,
listed in ``steps`` as ``{"mean": ["dE/dw1@1", "dE/dw1@2"]}``, and ``chains`` is empty.

``exact`` is the exact value one level deep: a rational (``"2/25"``), a closed form in rationals
(``"1/(exp(-2/25) + 1)"``), or a closed form in rationals and the names of the values it is
computed from, each written ``{name}`` (``"9*{h1}/20 + 2*{h2}/5"``; a later iteration's name
carries it: ``"{dE/dw5[1]}"``), so the whole document is exact without writing out closed forms
that nest the whole network.
``decimal`` is decided exactly (interval arithmetic at rising precision), never from a float.

The document of a step network (``"differentiable": false``) carries instead ``"reason"``,
``"parameters"`` (name -> the given decimal string) and ``"truth_table"``: a list of
``{"x": [0, 1], "outputs": [1]}``.

The schema keeps its name ``nnref-derive/1``: every field of the first version keeps its meaning,
and what mini-batches and ``--only`` brought is new fields and new names (``samples``, ``only``,
``@n``, ``mean``), never a changed one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import sympy
from sympy.printing.str import StrPrinter

from nnref.symbolic.graph import ExactValue
from nnref.symbolic.step import Step

if TYPE_CHECKING:
    from nnref.render.plan import Plan
    from nnref.symbolic import Node

__all__ = ["SCHEMA", "derivation_json", "gate_json"]

SCHEMA = "nnref-derive/1"


class _ExactPrinter(StrPrinter):
    """SymPy's str printer, with each node value written as ``{label}`` (labels such as
    ``dE/dw5`` contain ``/``, so they are bracketed to stay readable by a program)."""

    printmethod = "_nnref_json_str"  # not the atoms' own _sympystr, which prints the bare label

    def _print_ExactValue(self, expr: ExactValue) -> str:
        return "{" + expr.node.qualified_name + "}"


def _text(expr: sympy.Expr) -> str:
    return _ExactPrinter().doprint(expr)


def _name(node: Node) -> str:
    """The name of a value within its iteration (``o1``, or ``o1@2`` in a mini-batch)."""
    return node.name if node.sample is None else f"{node.name}@{node.sample}"


def _value(node: Node, digits: int) -> dict[str, Any]:
    return {
        "decimal": f"{node.decimal(digits):f}",
        "exact": _text(node.exact_expression),
        "formula": _text(node.formula),
    }


def _with_parts(nodes: list[Node]) -> list[Node]:
    """``nodes`` and, after each chain step, the steps it is a product, sum or mean of."""
    out: list[Node] = []
    seen: set[int] = set()
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if node.uid in seen:
            continue
        seen.add(node.uid)
        out.append(node)
        if isinstance(node, Step):
            stack.extend(reversed(node.parts))
    return out


def _network(plan: Plan) -> dict[str, Any]:
    net = plan.facts["network"]
    return {
        "sizes": list(net.sizes),
        "activations": list(net.activations),
        "loss": net.loss,
        "bias": net.bias,
        "parameters": list(net.parameters),
    }


def _header(plan: Plan, differentiable: bool) -> dict[str, Any]:
    from nnref import __version__

    return {
        "schema": SCHEMA,
        "nnref_version": __version__,
        "example": plan.facts["example"],
        "source": plan.facts["source"] or None,
        "network": _network(plan),
        "differentiable": differentiable,
    }


def _structure(step: Step) -> dict[str, list[str]]:
    key = "mean" if step.mean else "factors" if step.factors else "terms"
    return {key: [_name(part) for part in step.parts]}


def derivation_json(plan: Plan) -> str:
    """The JSON document of a derivation plan: the values of every node it shows, by iteration."""
    digits = plan.digits
    iterations: dict[int, dict[str, Any]] = {}
    shown: dict[int, list[Node]] = {}
    for section in plan.sections:
        for block in section.blocks:
            for node in block.nodes:
                shown.setdefault(node.iteration, []).append(node)
        if section.chain is not None:
            name, chain = section.chain
            k = chain[0].iteration
            iterations.setdefault(k, {}).setdefault("chains", {})[name] = [_name(step) for step in chain]
    entries = []
    for k in sorted(shown):
        nodes = _with_parts(shown[k])
        values: dict[str, Any] = {}
        for node in nodes:
            values.setdefault(_name(node), _value(node, digits))
        entry: dict[str, Any] = {"iteration": k, "values": values}
        structure = {_name(n): _structure(n) for n in nodes if isinstance(n, Step) and n.parts}
        if structure:
            entry["chains"] = iterations.get(k, {}).get("chains", {})
            entry["steps"] = structure
        entries.append(entry)
    document = {
        **_header(plan, True),
        "digits": digits,
        "steps": plan.facts["steps"],
        "samples": plan.facts["samples"],
        "only": plan.facts["only"],
        "iterations": entries,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def gate_json(plan: Plan) -> str:
    """The JSON document of a step network: its parameters and truth table, and why no gradient."""
    document = {
        **_header(plan, False),
        "reason": plan.facts["reason"],
        "parameters": plan.facts["parameters"],
        "truth_table": [
            {
                "x": list(inputs),
                "outputs": [int(o) if isinstance(o, sympy.Integer) else _text(o) for o in outputs],
            }
            for inputs, outputs in plan.facts["truth_table"]
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
