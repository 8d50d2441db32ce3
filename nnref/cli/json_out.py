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

Names in ``values``: inputs ``x1..``, targets ``t1..``, the learning rate ``alpha``, parameters
``w1.., b1..`` (their current values), nodes ``z1.., h1.., o1..``, the error ``E`` and each
output's share ``E_o1..``; in every iteration but the last (the check after the final update)
also every chain step (``dE/do1``, ``do1/dz3``, ``dz3/dw5``, ``dE/dh1``, ``dE_o1/dh1``, ...), the
gradients ``dE/dw1..``, every delta ``dE/dz1..``, every input gradient ``dE/dx1..`` and the
updated parameters ``w1+..``. With ``steps = 0`` the single
iteration has the gradients and no updates.

``exact`` is the exact value one level deep: a rational (``"2/25"``), a closed form in rationals
(``"1/(exp(-2/25) + 1)"``), or a closed form in rationals and the names of the values it is
computed from, each written ``{name}`` (``"9*{h1}/20 + 2*{h2}/5"``; a later iteration's name
carries it: ``"{dE/dw5[1]}"``), so the whole document is exact without writing out closed forms
that nest the whole network.
``decimal`` is decided exactly (interval arithmetic at rising precision), never from a float.

The document of a step network (``"differentiable": false``) carries instead ``"reason"``,
``"parameters"`` (name -> the given decimal string) and ``"truth_table"``: a list of
``{"x": [0, 1], "outputs": [1]}``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import sympy
from sympy.printing.str import StrPrinter

from nnref.cli.markdown_out import backward_order
from nnref.symbolic.graph import ExactValue, Kind
from nnref.symbolic.step import Step
from nnref.words import t

if TYPE_CHECKING:
    from nnref.examples import Example
    from nnref.symbolic import Node, Trace

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


def _value(node: Node, digits: int) -> dict[str, Any]:
    return {
        "decimal": f"{node.decimal(digits):f}",
        "exact": _text(node.exact_expression),
        "formula": _text(node.formula),
    }


def _collect(step: Step, found: dict[str, Step]) -> None:
    if step.label not in found:
        found[step.label] = step
        for part in (*step.factors, *step.terms):
            _collect(part, found)


def _network(problem: Example) -> dict[str, Any]:
    net = problem.network
    return {
        "sizes": list(net.sizes),
        "activations": list(net.activations),
        "loss": net.loss,
        "bias": net.bias,
        "parameters": list(net.parameters),
    }


def _iteration(
    problem: Example, tr: Trace, digits: int, with_gradient: bool, with_update: bool
) -> dict[str, Any]:
    net = problem.network
    names = [*net.node_names(0).act, *net.target_names]
    names += ["alpha"] if tr.learning_rate is not None else []
    names += list(net.parameters) + [node.name for node in tr.nodes if node.kind is not Kind.INPUT]
    names += [f"E_o{k}" for k in range(1, net.sizes[-1] + 1)] + ["E"]
    quantities = [tr.quantity(name) for name in names]
    chains: dict[str, list[str]] = {}
    steps: dict[str, Step] = {}
    if with_gradient:
        for name in backward_order(problem):
            chain = tr.chain(name)
            chains[name] = [step.label for step in chain]
            for step in chain:
                _collect(step, steps)
        for node in tr.nodes:  # every delta dE/dz and input gradient dE/dx, with their parts
            delta = tr.quantity(f"dE/d{node.name}") if node.kind in (Kind.PRE, Kind.INPUT) else None
            if isinstance(delta, Step):  # a chain-rule step, with its factors and terms
                _collect(delta, steps)
        quantities += list(steps.values()) + [tr.quantity(f"dE/d{name}") for name in net.parameters]
    if with_update:
        quantities += [tr.quantity(f"{name}+") for name in net.parameters]
    values: dict[str, Any] = {}
    for quantity in quantities:
        if quantity.name not in values:
            values[quantity.name] = _value(quantity, digits)
    entry: dict[str, Any] = {"iteration": tr.iteration, "values": values}
    if with_gradient:
        entry["chains"] = chains
        entry["steps"] = {
            label: {key: [part.label for part in parts]}
            for label, step in steps.items()
            for key, parts in (("factors", step.factors), ("terms", step.terms))
            if parts
        }
    return entry


def derivation_json(problem: Example, derived: list[Trace], digits: int) -> str:
    """The JSON document of a derivation (``derived`` from :func:`nnref.cli.markdown_out.traces`)."""
    from nnref import __version__

    steps = len(derived) - 1
    iterations = []
    for index, tr in enumerate(derived):
        last = index == steps
        with_gradient = not last or steps == 0
        iterations.append(_iteration(problem, tr, digits, with_gradient, with_update=not last))
    document = {
        "schema": SCHEMA,
        "nnref_version": __version__,
        "example": problem.name,
        "source": problem.source or None,
        "network": _network(problem),
        "differentiable": True,
        "digits": digits,
        "steps": steps,
        "iterations": iterations,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def gate_json(problem: Example, lang: str) -> str:
    """The JSON document of a step network: its parameters and truth table, and why no gradient."""
    from nnref import __version__

    parameters = problem.network.resolve_parameters(problem.weights, problem.biases)
    document = {
        "schema": SCHEMA,
        "nnref_version": __version__,
        "example": problem.name,
        "source": problem.source or None,
        "network": _network(problem),
        "differentiable": False,
        "reason": t("no_gradient", lang),
        "parameters": {name: str(value) for name, value in parameters.items()},
        "truth_table": [
            {
                "x": list(inputs),
                "outputs": [int(o) if isinstance(o, sympy.Integer) else _text(o) for o in outputs],
            }
            for inputs, outputs in problem.truth_table()
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
