"""The forward pass as exact nodes, one level deep: each node's formula refers to the nodes of
the layer before it (``z3 = w5·h1 + w6·h2``, ``h1 = σ(z1)``).

Node names come from the spec (:meth:`nnref.network.Network.node_names`): inputs ``x1..``,
pre-activations ``z1..`` numbered across all layers, hidden activations ``h1..`` across hidden
layers, outputs ``o1..`` (the wikidocs 07-05 naming).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, partial

import sympy

from nnref.network import Network
from nnref.symbolic import stable
from nnref.symbolic.functions import ACTIVATIONS, Z, softmax_formula
from nnref.symbolic.graph import Kind, Node
from nnref.symbolic.intervals import generic_symbols
from nnref.symbolic.names import latex_name
from nnref.values import parse_exact, parse_vector

__all__ = [
    "ForwardPass",
    "Where",
    "forward",
    "given_node",
    "input_nodes",
    "parse_vector",
    "rational_parameters",
]

Scope = Callable[[str], Node]


@dataclass(frozen=True)
class Where:
    """Where the nodes of one pass sit: their sample (1-based, None for a single example), the
    gradient-descent iteration, and the lookup that resolves the symbols of their formulas."""

    sample: int | None = None
    iteration: int = 0
    scope: Scope | None = None
    # Told of every node as it is placed: a node's exact value can be asked for (a relu's
    # sign) while its pass is still being built, before the pass registers its names.
    placed: Callable[[Node], object] | None = None

    def put(self, node: Node, layer: int = 0, index: int = 0, general_latex: str | None = None) -> Node:
        node = node.place(
            layer=layer,
            index=index,
            sample=self.sample,
            iteration=self.iteration,
            general_latex=general_latex,
            scope=self.scope,
        )
        if self.placed is not None:
            self.placed(node)
        return node


def given_node(name: str, kind: Kind, value: Fraction | sympy.Rational) -> Node:
    """A node with a given rational value; its formula is its own symbol."""
    return Node.given(name, latex_name(name), kind, sympy.Rational(value))


def rational_parameters(net: Network, weights: object, biases: object) -> dict[str, Node]:
    """Parameter nodes from user-given weights and biases (sequences or mappings).

    A value may be an exact node value of another trace (``tr.updated["w5"]``): the parameter
    then *is* that node, under its parameter name.
    """
    from nnref.symbolic.graph import ExactValue

    nodes = {}
    for name, value in net.resolve_parameters(weights, biases).items():
        if isinstance(value, ExactValue):
            nodes[name] = Node.alias(name, latex_name(name), Kind.PARAMETER, value.node)
        else:
            argument = f"{'weight' if name[0] == 'w' else 'bias'} {name}"
            nodes[name] = given_node(name, Kind.PARAMETER, parse_exact(value, argument))
    return nodes


@cache
def _affine_generic(fan_in: int, bias: bool) -> sympy.Expr:
    # Unevaluated: SymPy's automatic evaluation of a wide sum costs far more than its use here.
    v = generic_symbols(2 * fan_in + bias)
    terms = [sympy.Mul(v[2 * i], v[2 * i + 1], evaluate=False) for i in range(fan_in)]
    return (
        sympy.Add(*terms, *([v[-1]] if bias else []), evaluate=False) if len(terms) + bias > 1 else terms[0]
    )


@cache
def _activation_generic(name: str) -> sympy.Expr:
    return ACTIVATIONS[name].formula(Z).xreplace({Z: generic_symbols(1)[0]})


@cache
def _softmax_generic(k: int, count: int) -> sympy.Expr:
    return softmax_formula(list(generic_symbols(count)))[k]


class ForwardPass:
    """All forward nodes of one sample: ``inputs``, then per layer ``pre`` and ``act`` lists.

    ``positive[name]`` records the branch taken by a relu or step node (``z > 0``), decided
    exactly from the value of ``z``.
    """

    def __init__(
        self, net: Network, inputs: Sequence[Node], parameters: dict[str, Node], where: Where | None = None
    ) -> None:
        self.net = net
        self.inputs = list(inputs)
        self.parameters = parameters
        self.pre: list[list[Node]] = []
        self.act: list[list[Node]] = []
        self.positive: dict[str, bool] = {}
        self._where = where or Where()
        sources: list[Node] = self.inputs
        for layer in range(1, net.n_layers + 1):
            names = net.node_names(layer)
            pres = self._affine_layer(layer, sources, names.pre)
            self.pre.append(pres)
            sources = self._activation_layer(layer, pres, names.act)
            self.act.append(sources)

    @property
    def nodes(self) -> tuple[Node, ...]:
        """Inputs, then per layer the pre-activations and the activations."""
        ordered: list[Node] = list(self.inputs)
        for pres, acts in zip(self.pre, self.act, strict=True):
            ordered += pres + acts
        return tuple(ordered)

    @property
    def outputs(self) -> list[Node]:
        return self.act[-1]

    def _affine_layer(self, layer: int, sources: list[Node], names: tuple[str, ...]) -> list[Node]:
        rows = self.net.layer_weight_names(layer - 1)
        bias_names = self.net.layer_bias_names(layer - 1)
        nodes = []
        for j, (row, name) in enumerate(zip(rows, names, strict=True)):
            weights = [self.parameters[name] for name in row]
            bias = self.parameters[bias_names[j]] if bias_names else None
            deps = [node for pair in zip(weights, sources, strict=True) for node in pair]
            deps += [bias] if bias else []
            node = Node.derived(
                name,
                latex_name(name),
                Kind.PRE,
                _affine_generic(len(row), bias is not None),
                deps,
                formula=_affine_formula(weights, sources, bias),
            )
            nodes.append(self._where.put(node, layer, j + 1, f"z^{{({layer})}}_{{{j + 1}}}"))
        return nodes

    def _activation_layer(self, layer: int, pres: list[Node], names: tuple[str, ...]) -> list[Node]:
        name = self.net.activations[layer - 1]
        kind = Kind.OUTPUT if layer == self.net.n_layers else Kind.ACT
        if not ACTIVATIONS[name].elementwise:
            nodes = self._softmax(pres, names, kind)
        else:
            nodes = [
                self._elementwise(name, z, node_name, kind) for z, node_name in zip(pres, names, strict=True)
            ]
        for j, node in enumerate(nodes):
            self._where.put(node, layer, j + 1, f"a^{{({layer})}}_{{{j + 1}}}")
        return nodes

    def _elementwise(self, name: str, z: Node, node_name: str, kind: Kind) -> Node:
        activation = ACTIVATIONS[name]
        formula = lambda: activation.formula(z.symbol)  # noqa: E731 - built on demand
        latex = latex_name(node_name)
        if activation.branches:
            positive = z.sign() > 0
            self.positive[node_name] = positive
            value = activation.on_branch(sympy.Integer(0), positive)[0]
            if name == "relu" and positive:
                return Node.derived(node_name, latex, kind, generic_symbols(1)[0], [z], formula)
            return Node.given(node_name, latex, kind, value, formula)
        return Node.derived(node_name, latex, kind, _activation_generic(name), [z], formula)

    @staticmethod
    def _softmax(pres: list[Node], names: Sequence[str], kind: Kind) -> list[Node]:
        symbols = [z.symbol for z in pres]
        nodes = []
        for k, name in enumerate(names):
            nodes.append(
                Node.derived(
                    name,
                    latex_name(name),
                    kind,
                    _softmax_generic(k, len(pres)),
                    pres,
                    formula=partial(_softmax_entry, symbols, k),
                    numeric=stable.softmax(k, pres),
                )
            )
        return nodes


def _affine_formula(weights: list[Node], sources: list[Node], bias: Node | None) -> Callable[[], sympy.Expr]:
    def formula() -> sympy.Expr:
        terms = [w.symbol * a.symbol for w, a in zip(weights, sources, strict=True)]
        return sympy.Add(*terms, *([bias.symbol] if bias else []))

    return formula


def input_nodes(net: Network, values: Sequence[Fraction], where: Where | None = None) -> list[Node]:
    """Input nodes ``x1..`` with their exact rational values."""
    names = net.node_names(0).act
    where = where or Where()
    return [
        where.put(given_node(name, Kind.INPUT, value), 0, index, f"a^{{(0)}}_{{{index}}}")
        for index, (name, value) in enumerate(zip(names, values, strict=True), start=1)
    ]


def forward(
    net: Network, x: Sequence[object], weights: object, biases: object = None
) -> tuple[sympy.Expr, ...]:
    """Exact outputs of ``net`` for input ``x`` (step activations allowed: perceptrons).

    Args:
        net: the network (step activations allowed).
        x: one sample's inputs.
        weights: the weights in naming order or by name.
        biases: the biases likewise, or None.

    Returns:
        The outputs, exact.

    >>> from nnref.network import Network
    >>> nand = Network((2, 1), activation="step", loss="sse", bias=True)
    >>> [forward(nand, x, ["-0.5", "-0.5"], ["0.7"]) for x in ([0, 0], [0, 1], [1, 0], [1, 1])]
    [(1,), (1,), (1,), (0,)]
    >>> weights = ["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"]
    >>> o1 = forward(Network((2, 2, 2)), ["0.1", "0.2"], weights)[0]
    >>> o1, sympy.N(o1, 12)
    (o1, 0.609446004997)
    """
    if not isinstance(net, Network):
        raise TypeError(f"net must be a nnref Network; got {type(net).__name__}")
    inputs = input_nodes(net, parse_vector(x, net.sizes[0], "x"))
    passed = ForwardPass(net, inputs, rational_parameters(net, weights, biases))
    return tuple(node.value for node in passed.outputs)


def _softmax_entry(symbols: list[sympy.Symbol], k: int) -> sympy.Expr:
    """Entry ``k`` of the softmax of ``symbols`` (a node's formula, made when first shown)."""
    return softmax_formula(symbols)[k]
