r"""``derive()``: one example through a network, every backpropagation step exact.

The wikidocs 07-05 example (https://wikidocs.net/37406):

>>> from nnref.network import Network
>>> net = Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse")
>>> tr = derive(net, x=["0.1", "0.2"], target=["0.4", "0.6"],
...             weights=["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"],
...             learning_rate="0.5")
>>> tr.node("z1").value, tr.node("h1").value
(2/25, 1/(exp(-2/25) + 1))
>>> [f"{tr.decimal(name):f}" for name in ("h1", "o1", "E", "dE/dw5", "w5+")]
['0.51998934', '0.60944600', '0.02397190', '0.02592286', '0.43703857']
>>> [(step.label, f"{step.decimal():f}") for step in tr.chain("w5")]
[('dE/do1', '0.20944600'), ('do1/dz3', '0.23802157'), ('dz3/dw5', '0.51998934')]
>>> tr.formula("w5")
h1*o1*(1 - o1)*(o1 - t1)
>>> [step.label for step in tr.chain("w1")], [t.label for t in tr.chain("w1")[0].terms]
(['dE/dh1', 'dh1/dz1', 'dz1/dw1'], ['dE_o1/dh1', 'dE_o2/dh1'])
>>> f"{tr.next().decimal('E'):f}"
'0.02323634'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

import sympy

from nnref.network import Network, closest_name
from nnref.symbolic.backward import BackwardPass
from nnref.symbolic.exact import product, substitute, total
from nnref.symbolic.forward import (
    ForwardPass,
    input_nodes,
    parse_vector,
    rational_parameters,
    rational_quantity,
)
from nnref.symbolic.functions import ACTIVATIONS, OUT, TGT, loss_term
from nnref.symbolic.precision import MP, evaluate
from nnref.symbolic.quantity import Node, Quantity, Step, latex_name
from nnref.values import ExactInput, parse_positive_finite

__all__ = ["Trace", "derive"]

ALPHA = sympy.Symbol("alpha")
_ALIASES = {"E_total": "E", "learning_rate": "alpha"}
_REPR_NODES = 40


class _Values(Mapping):
    """A read-only mapping name -> exact value that builds each value on first access."""

    def __init__(self, quantities: Mapping[str, Quantity]) -> None:
        self._quantities = quantities

    def __getitem__(self, name: str) -> sympy.Expr:
        return self._quantities[name].value

    def __iter__(self) -> Iterator[str]:
        return iter(self._quantities)

    def __len__(self) -> int:
        return len(self._quantities)

    def __repr__(self) -> str:
        # Closed forms can be huge (after updates, in wide networks): show those as decimals.
        def shown(quantity: Quantity) -> str:
            value = quantity.value
            small = sum(1 for _ in zip(range(_REPR_NODES + 1), sympy.preorder_traversal(value), strict=False))
            return str(value) if small <= _REPR_NODES else f"≈{quantity.decimal(8):f}"

        return "{" + ", ".join(f"{name!r}: {shown(q)}" for name, q in self._quantities.items()) + "}"


def _check_targets(net: Network, target: list[Fraction]) -> None:
    if net.loss == "bce" and any(not 0 <= t <= 1 for t in target):
        raise ValueError(f"target must lie in [0, 1] for loss 'bce'; got {[str(t) for t in target]}")
    if net.loss == "cce" and (any(t < 0 for t in target) or sum(target) != 1):
        raise ValueError(
            "target must be non-negative and sum to exactly 1 for loss 'cce' (a probability "
            f"distribution); got {[str(t) for t in target]} (sum {sum(target)})"
        )


def _check_differentiable(net: Network) -> None:
    for index, name in enumerate(net.activations):
        if ACTIVATIONS[name].elementwise and ACTIVATIONS[name].derivative is None:
            raise ValueError(
                f"derive() needs a derivative for every layer, but activation[{index}] is {name!r}: "
                "its derivative is 0 everywhere except at z = 0, where it is undefined. "
                "Use forward() for step perceptrons."
            )


class Trace:
    """Every quantity of one example's forward pass, loss, backward pass and update, exact.

    Build it with :func:`derive`. Names: nodes ``x1, z1, h1, o1``; ``E`` and its shares
    ``E_o1``; targets ``t1``; parameters ``w1, b1`` (current values); ``alpha`` (learning
    rate); chain steps ``dE/do1``, ``do1/dz3``, ``dz3/dw5``, ``dE/dh1``, ``dE_o1/dh1``,
    ``dh1/dz1``, ``dE/dz3``; gradients ``dE/dw5``; updated parameters ``w5+``. Each is a
    :class:`~nnref.symbolic.quantity.Quantity` (``tr.quantity(name)``) with ``formula``,
    exact ``value``, high-precision ``number`` and ``decimal(places)``.
    """

    def __init__(
        self,
        network: Network,
        inputs: list[Node],
        targets: list[Quantity],
        parameters: dict[str, Quantity],
        learning_rate: Quantity | None,
        iteration: int,
    ) -> None:
        self.network = network
        self.iteration = iteration
        self._inputs, self._targets = inputs, targets
        self._parameters = parameters
        self._rate = learning_rate
        self._forward = ForwardPass(network, inputs, parameters)
        self._backward = BackwardPass(network, self._forward, targets)
        self._loss_terms = self._build_loss_terms()
        self._loss = self._build_loss()
        self._updated: dict[str, Quantity] = {}
        self._quantities: dict[str, Quantity] = {}
        for quantity in (*self._forward.nodes, *targets, *parameters.values(), *self._loss_terms, self._loss):
            self._quantities[quantity.name] = quantity
        if learning_rate is not None:
            self._quantities["alpha"] = learning_rate

    # -- loss --------------------------------------------------------------------------------

    def _build_loss_terms(self) -> list[Quantity]:
        outputs = self._forward.outputs
        generic = loss_term(self.network.loss, len(outputs))
        return [
            Quantity(
                f"E_{o.name}",
                latex_name(f"E_{o.name}"),
                evaluate(generic, {OUT: o.number, TGT: t.number}),
                lambda o=o, t=t: generic.xreplace({OUT: o.symbol, TGT: t.symbol}),
                lambda o=o, t=t: substitute(generic, {OUT: o.value, TGT: t.value}),
            )
            for o, t in zip(outputs, self._targets, strict=True)
        ]

    def _build_loss(self) -> Quantity:
        terms = self._loss_terms
        return Quantity(
            "E",
            "E",
            MP.fsum(term.number for term in terms),
            lambda: sympy.Add(*[term.formula for term in terms]),
            lambda: total(*[term.value for term in terms]),
        )

    # -- public API ----------------------------------------------------------------------------

    @property
    def x(self) -> tuple[sympy.Rational, ...]:
        return tuple(node.value for node in self._inputs)

    @property
    def target(self) -> tuple[sympy.Rational, ...]:
        return tuple(t.value for t in self._targets)

    @property
    def learning_rate(self) -> sympy.Rational | None:
        return None if self._rate is None else self._rate.value

    @property
    def parameters(self) -> Mapping[str, sympy.Expr]:
        """Current parameter values, exact (rational at the start, closed forms after updates)."""
        return _Values(self._parameters)

    @property
    def nodes(self) -> tuple[Node, ...]:
        """Forward nodes in order: inputs, then per layer the pre-activations and activations."""
        return self._forward.nodes

    def node(self, name: str) -> Node:
        """The forward node ``name`` (``"x1"``, ``"z3"``, ``"h1"``, ``"o2"``)."""
        quantity = self.quantity(name)
        if not isinstance(quantity, Node):
            raise ValueError(f"name must be a node name such as 'x1', 'z1', 'h1', 'o1'; got {name!r}")
        return quantity

    @property
    def output(self) -> tuple[sympy.Expr, ...]:
        return tuple(node.value for node in self._forward.outputs)

    @property
    def loss(self) -> sympy.Expr:
        """E, exact (the per-sample loss of ``network.loss``)."""
        return self._loss.value

    @property
    def loss_terms(self) -> tuple[sympy.Expr, ...]:
        """Each output's share of E (``E_o1``, ``E_o2``, ...), exact; E is their sum."""
        return tuple(term.value for term in self._loss_terms)

    @property
    def gradient(self) -> Mapping[str, sympy.Expr]:
        """Parameter name -> exact dE/dparam (each built on first access)."""
        return _Values(self._backward.gradient)

    def chain(self, name: str) -> tuple[Step, ...]:
        """The chain-rule factors of dE/d``name``, in order; their values multiply to the gradient.

        Output-layer weight: ``(dE/do, do/dz, dz/dw)``; hidden weight: ``(dE/dh, dh/dz, dz/dw)``
        where ``dE/dh`` has ``.terms`` (one per path through the layer above); with a softmax
        output layer: ``(dE/dz, dz/dw)`` where ``dE/dz`` has one term per output.
        """
        return self._gradient_step(name).factors

    def formula(self, name: str) -> sympy.Expr:
        """The general formula of dE/d``name`` in symbols, before numbers are substituted."""
        return self._gradient_step(name).formula

    @property
    def updated(self) -> Mapping[str, sympy.Expr]:
        """Parameter name -> exact value after one simultaneous gradient-descent step."""
        self._require_rate()
        return _Values({name: self._updated_quantity(name) for name in self._parameters})

    def next(self) -> Trace:
        """The trace of the same example at the updated parameters."""
        self._require_rate()
        parameters = {
            name: Quantity(name, latex_name(name), new.number, sympy.Symbol(name), lambda new=new: new.value)
            for name, new in ((name, self._updated_quantity(name)) for name in self._parameters)
        }
        return Trace(self.network, self._inputs, self._targets, parameters, self._rate, self.iteration + 1)

    def quantity(self, name: str | sympy.Symbol) -> Quantity:
        """The quantity named ``name`` (a string or a SymPy symbol of this trace's formulas)."""
        if isinstance(name, sympy.Symbol):
            name = name.name
        if not isinstance(name, str):
            raise TypeError(f"name must be a quantity name such as 'h1', 'E' or 'dE/dw5'; got {name!r}")
        name = _ALIASES.get(name, name)
        found = self._find(name)
        if found is None:
            self._build_all_steps()
            found = self._find(name)
        if found is None:
            raise ValueError(
                f"name must be a quantity of this trace (node such as 'h1', 'E', 'E_o1', a parameter, "
                f"'dE/dw5', 'w5+', a chain step such as 'do1/dz3'); got {name!r}"
                + closest_name(name, [*self._quantities, *self._backward.steps])
            )
        return found

    def decimal(self, name: str | Quantity, places: int = 8) -> Decimal:
        """``name``'s value rounded half up to ``places`` decimals (format with ``f"{d:f}"``).

        Rounded from a cached 76-digit number (never from a float); the exact value decides
        when that number is too close to a rounding boundary.
        """
        quantity = name if isinstance(name, Quantity) else self.quantity(name)
        return quantity.decimal(places)

    @property
    def symbol_values(self) -> Mapping[sympy.Symbol, sympy.Expr]:
        """Symbol -> exact value for every symbol in this trace's formulas (for substitution)."""
        return _SymbolValues(self._quantities)

    def __repr__(self) -> str:
        sizes = "-".join(map(str, self.network.sizes))
        return f"<Trace {sizes} {self.network.loss} iteration={self.iteration} E≈{self.decimal('E'):f}>"

    # -- internals -------------------------------------------------------------------------------

    def _require_rate(self) -> None:
        if self._rate is None:
            raise ValueError("learning_rate was not given to derive(): pass learning_rate='0.5' (> 0)")

    def _gradient_step(self, name: str) -> Step:
        if name not in self._backward.gradient:
            raise ValueError(
                f"name must be a parameter of this network ({self.network.parameters[0]}.."
                f"{self.network.parameters[-1]}); got {name!r}"
                + closest_name(str(name), self.network.parameters)
            )
        return self._backward.gradient[name]

    def _updated_quantity(self, name: str) -> Quantity:
        if name not in self._updated:
            current, grad, rate = self._parameters[name], self._backward.gradient[name], self._rate
            self._updated[name] = Quantity(
                f"{name}+",
                f"{latex_name(name)}^{{+}}",
                current.number - rate.number * grad.number,
                lambda: current.symbol - ALPHA * grad.formula,
                lambda: total(current.value, product(-rate.value, grad.value)),
            )
        return self._updated[name]

    def _find(self, name: str) -> Quantity | None:
        if name in self._quantities:
            return self._quantities[name]
        if name in self._backward.steps:
            return self._backward.steps[name]
        match = re.fullmatch(r"(.+)\+", name)
        if match and match.group(1) in self._parameters and self._rate is not None:
            return self._updated_quantity(match.group(1))
        return None

    def _build_all_steps(self) -> None:
        # Lazily made steps (dz3/dw5, dE_o1/dh1, dz3/dh1, softmax terms) exist once asked for.
        for step in list(self._backward.gradient.values()):
            for factor in step.factors:
                factor.terms  # noqa: B018 - building the terms registers them


class _SymbolValues(Mapping):
    def __init__(self, quantities: Mapping[str, Quantity]) -> None:
        self._quantities = quantities

    def __getitem__(self, symbol: sympy.Symbol) -> sympy.Expr:
        return self._quantities[symbol.name].value

    def __iter__(self) -> Iterator[sympy.Symbol]:
        return (sympy.Symbol(name) for name in self._quantities)

    def __len__(self) -> int:
        return len(self._quantities)


def derive(
    net: Network,
    x: Sequence[ExactInput],
    target: Sequence[ExactInput],
    weights: Sequence[ExactInput] | Mapping[str, ExactInput],
    biases: Sequence[ExactInput] | Mapping[str, ExactInput] | None = None,
    learning_rate: ExactInput | None = None,
) -> Trace:
    """Derive every forward and backward quantity of one example exactly; see :class:`Trace`.

    Numbers (``x``, ``target``, ``weights``, ``biases``, ``learning_rate``) may be ints,
    decimal or ``p/q`` strings, Fractions, SymPy Rationals or floats (taken by their shortest
    repr: 0.1 means 1/10); strings are parsed as decimals, never evaluated. Without
    ``learning_rate`` everything but ``updated`` and ``next()`` is available.

    >>> from nnref.network import Network
    >>> derive(Network((1, 1), "identity"), x=[2], target=[1], weights=["0.5"]).gradient["w1"]
    0
    >>> derive(Network((1, 1), "step"), x=[2], target=[1], weights=["0.5"])
    Traceback (most recent call last):
    ...
    ValueError: derive() needs a derivative for every layer, but activation[0] is 'step': ...
    """
    if not isinstance(net, Network):
        raise TypeError(f"net must be a nnref Network; got {type(net).__name__} {net!r}")
    _check_differentiable(net)
    inputs = input_nodes(parse_vector(x, net.sizes[0], "x"))
    target_values = parse_vector(target, net.sizes[-1], "target")
    _check_targets(net, target_values)
    targets = [rational_quantity(f"t{k}", t) for k, t in enumerate(target_values, start=1)]
    parameters = rational_parameters(net, weights, biases)
    rate = None
    if learning_rate is not None:
        rate_value = parse_positive_finite(learning_rate, "learning_rate")
        rate = rational_quantity("alpha", rate_value)
    return Trace(net, inputs, targets, parameters, rate, iteration=0)
