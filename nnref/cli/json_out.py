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
         "chains": {"w5": [STEP, ...], ...}},  # the chain-rule factors of each gradient
        ...
      ]
    }

    VALUE = {"decimal": "0.51998934",          # rounded half up to "digits" decimals
             "exact": "1/(exp(-2/25) + 1)",    # SymPy str() of the exact value, or null (below)
             "formula": "1/(1 + exp(-z1))"}    # in the symbols of the other names, SymPy str()
    STEP  = {"label": "dE/dh1", "factors": [STEP, ...], "terms": [STEP, ...]}
            # a factor that is a product lists "factors"; one that sums over paths lists "terms"

Names in ``values``: inputs ``x1..``, targets ``t1..``, the learning rate ``alpha``, parameters
``w1.., b1..`` (their current values), nodes ``z1.., h1.., o1..``, the error ``E`` and each
output's share ``E_o1..``; in every iteration but the last (the check after the final update)
also the chain steps (``dE/do1``, ``do1/dz3``, ``dz3/dw5``, ``dE/dh1``, ``dE_o1/dh1``, ...), the
gradients ``dE/dw1..`` and the updated parameters ``w1+..``. With ``steps = 0`` the single
iteration has the gradients and no updates.

``exact`` is given for the first two iterations (0 and 1) and is ``null`` later: each update
nests the previous closed forms, and their printed length grows about 36-fold per step (the
2-2-2 example's ``dE/dw1`` has 502 characters at iteration 0, 18 thousand at 1, 650 thousand at
2). ``decimal`` is always rounded from a 76-digit evaluation (and from the exact value when that
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

__all__ = ["EXACT_ITERATIONS", "SCHEMA", "derivation_json", "gate_json"]

SCHEMA = "nnref-derive/1"
EXACT_ITERATIONS = 2  # iterations 0 and 1 carry exact forms; see the module docstring


def _text(expr: sympy.Expr) -> str:
    # order="none": SymPy's default term ordering evaluates every term numerically, which takes
    # seconds on the nested closed forms after an update; the printed value is the same.
    return sympy.sstr(expr, order="none")


def _value(quantity: Quantity, digits: int, exact: bool) -> dict[str, Any]:
    return {
        "decimal": f"{quantity.decimal(digits):f}",
        "exact": _text(quantity.value) if exact else None,
        "formula": _text(quantity.formula),
    }


def _step_tree(step: Step, found: dict[str, Step]) -> dict[str, Any]:
    found.setdefault(step.label, step)
    return {
        "label": step.label,
        "factors": [_step_tree(f, found) for f in step.factors],
        "terms": [_step_tree(t, found) for t in step.terms],
    }


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
    exact = tr.iteration < EXACT_ITERATIONS
    names = [f"x{i}" for i in range(1, net.sizes[0] + 1)] + [f"t{k}" for k in range(1, net.sizes[-1] + 1)]
    names += ["alpha"] if tr.learning_rate is not None else []
    names += list(net.parameters) + [node.name for node in tr.nodes if node.kind != "input"]
    names += [f"E_o{k}" for k in range(1, net.sizes[-1] + 1)] + ["E"]
    quantities = [tr.quantity(name) for name in names]
    chains: dict[str, Any] = {}
    if with_gradient:
        steps: dict[str, Step] = {}
        for name in backward_order(problem):
            chains[name] = [_step_tree(step, steps) for step in tr.chain(name)]
        quantities += list(steps.values()) + [tr.quantity(f"dE/d{name}") for name in net.parameters]
    if with_update:
        quantities += [tr.quantity(f"{name}+") for name in net.parameters]
    values: dict[str, Any] = {}
    for quantity in quantities:
        values.setdefault(quantity.name, _value(quantity, digits, exact))
    entry: dict[str, Any] = {"iteration": tr.iteration, "values": values}
    if with_gradient:
        entry["chains"] = chains
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
