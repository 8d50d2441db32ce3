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
             "exact": "1/(1 + exp(-2/25))",    # SymPy str() of the exact value, or null (below)
             "formula": "1/(1 + exp(-z1))"}    # in the symbols of the other names, SymPy str()

Names in ``values``: inputs ``x1..``, targets ``t1..``, the learning rate ``alpha``, parameters
``w1.., b1..`` (their current values), nodes ``z1.., h1.., o1..``, the error ``E`` and each
output's share ``E_o1..``; in every iteration but the last (the check after the final update)
also every chain step (``dE/do1``, ``do1/dz3``, ``dz3/dw5``, ``dE/dh1``, ``dE_o1/dh1``, ...), the
gradients ``dE/dw1..`` and the updated parameters ``w1+..``. With ``steps = 0`` the single
iteration has the gradients and no updates.

``exact`` is ``null`` when the closed form, written out, would be a tree of more than
:data:`EXACT_LIMIT` SymPy nodes (about 27 thousand characters). Each layer and each update nests
the closed forms before it, so their printed length grows fast: the 2-2-2 example's ``dE/dw1``
has 502 characters at iteration 0, 18 thousand at iteration 1 and 650 thousand at iteration 2.
``decimal`` is always rounded from a 76-digit evaluation (and from the exact value when that
number is too close to a rounding boundary), never from a float.

The document of a step network (``"differentiable": false``) carries instead ``"reason"``,
``"parameters"`` (name -> the given decimal string) and ``"truth_table"``: a list of
``{"x": [0, 1], "outputs": [1]}``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import sympy

from nnref.cli.markdown_out import backward_order
from nnref.cli.messages import message

if TYPE_CHECKING:
    from nnref.cli.problem import Problem
    from nnref.symbolic import Quantity, Step, Trace

__all__ = ["EXACT_LIMIT", "SCHEMA", "derivation_json", "gate_json", "tree_size"]

SCHEMA = "nnref-derive/1"
EXACT_LIMIT = 10_000  # SymPy nodes of a written-out closed form; see the module docstring


def _text(expr: sympy.Expr) -> str:
    # order="none": SymPy's default term ordering evaluates every term numerically, which takes
    # seconds on the nested closed forms after an update; the printed value is the same.
    return sympy.sstr(expr, order="none")


def tree_size(expr: sympy.Basic, memo: dict[int, tuple[sympy.Basic, int]]) -> int:
    """Nodes of ``expr`` written out as a tree, counted on the shared graph (each part once).

    ``memo`` maps ``id(part)`` to ``(part, size)`` (the part is kept so that its id stays valid);
    share it between the values of one trace, which share their parts.

    >>> z = sympy.Symbol("z")
    >>> part = sympy.exp(-z)
    >>> tree_size(sympy.Add(part, part, evaluate=False), {})
    9
    """
    found = memo.get(id(expr))
    if found is None:
        found = (expr, 1 + sum(tree_size(arg, memo) for arg in expr.args))
        memo[id(expr)] = found
    return found[1]


def _value(quantity: Quantity, digits: int, memo: dict) -> dict[str, Any]:
    exact = quantity.value
    return {
        "decimal": f"{quantity.decimal(digits):f}",
        "exact": _text(exact) if tree_size(exact, memo) <= EXACT_LIMIT else None,
        "formula": _text(quantity.formula),
    }


def _collect(step: Step, found: dict[str, Step]) -> None:
    if step.label not in found:
        found[step.label] = step
        for part in (*step.factors, *step.terms):
            _collect(part, found)


def _network(problem: Problem) -> dict[str, Any]:
    net = problem.network
    return {
        "sizes": list(net.sizes),
        "activations": list(net.activations),
        "loss": net.loss,
        "bias": net.bias,
        "parameters": list(net.parameters),
    }


def _iteration(
    problem: Problem, tr: Trace, digits: int, with_gradient: bool, with_update: bool
) -> dict[str, Any]:
    net = problem.network
    names = [f"x{i}" for i in range(1, net.sizes[0] + 1)] + [f"t{k}" for k in range(1, net.sizes[-1] + 1)]
    names += ["alpha"] if tr.learning_rate is not None else []
    names += list(net.parameters) + [node.name for node in tr.nodes if node.kind != "input"]
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
        quantities += list(steps.values()) + [tr.quantity(f"dE/d{name}") for name in net.parameters]
    if with_update:
        quantities += [tr.quantity(f"{name}+") for name in net.parameters]
    memo: dict[int, tuple[sympy.Basic, int]] = {}
    values: dict[str, Any] = {}
    for quantity in quantities:
        if quantity.name not in values:
            values[quantity.name] = _value(quantity, digits, memo)
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


def derivation_json(problem: Problem, derived: list[Trace], digits: int) -> str:
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
        "example": problem.example,
        "source": problem.source or None,
        "network": _network(problem),
        "differentiable": True,
        "digits": digits,
        "steps": steps,
        "iterations": iterations,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def gate_json(problem: Problem, lang: str) -> str:
    """The JSON document of a step network: its parameters and truth table, and why no gradient."""
    from nnref import __version__

    parameters = problem.network.resolve_parameters(problem.weights, problem.biases)
    document = {
        "schema": SCHEMA,
        "nnref_version": __version__,
        "example": problem.example,
        "source": problem.source or None,
        "network": _network(problem),
        "differentiable": False,
        "reason": message("no_gradient", lang),
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
