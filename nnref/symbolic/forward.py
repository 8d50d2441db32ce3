"""The forward pass as exact nodes, one level deep: each node's formula and exact value refer
to the nodes of the layer before it, and its high-precision number is computed alongside.

Naming follows the wikidocs 07-05 example: inputs ``x1..``, pre-activations ``z1..`` numbered
across all layers, hidden activations ``h1..`` numbered across hidden layers, outputs ``o1..``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import cache, partial

import sympy

from nnref.network import Network
from nnref.symbolic.exact import build, product, substitute, total
from nnref.symbolic.functions import ACTIVATIONS, Z, softmax_formula
from nnref.symbolic.precision import MP, evaluate, exact_number, sign_of
from nnref.symbolic.quantity import Node, Quantity, latex_name
from nnref.values import parse_exact

__all__ = [
    "ForwardPass",
    "forward",
    "input_nodes",
    "parse_vector",
    "rational_parameters",
    "rational_quantity",
]


def rational_quantity(name: str, value: Fraction) -> Quantity:
    """A quantity with a given rational value; its formula is its own symbol."""
    exact = sympy.Rational(value.numerator, value.denominator)
    return Quantity(name, latex_name(name), exact_number(exact), sympy.Symbol(name), exact)


def parse_vector(values: object, length: int, argument: str) -> list[Fraction]:
    """Parse a sequence of ``length`` exact numbers named ``argument[i]`` in errors.

    >>> parse_vector(["0.1", 1], 2, "x")
    [Fraction(1, 10), Fraction(1, 1)]
    >>> parse_vector("0.1", 1, "x")
    Traceback (most recent call last):
    ...
    TypeError: x must be a sequence of 1 numbers; got '0.1'
    """
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise TypeError(f"{argument} must be a sequence of {length} numbers; got {values!r}")
    if len(values) != length:
        raise ValueError(f"{argument} must have {length} values (the layer width); got {len(values)}")
    return [parse_exact(value, f"{argument}[{index}]") for index, value in enumerate(values)]


def rational_parameters(net: Network, weights: object, biases: object) -> dict[str, Quantity]:
    """Parameter quantities from user-given weights and biases (sequences or mappings)."""
    raw = net.resolve_parameters(weights, biases)
    return {
        name: rational_quantity(name, parse_exact(value, f"{'weight' if name[0] == 'w' else 'bias'} {name}"))
        for name, value in raw.items()
    }


@cache
def _generic_activation(name: str) -> sympy.Expr:
    return ACTIVATIONS[name].formula(Z)


def _shared(build: Callable[[], list[sympy.Expr]]) -> Callable[[int], sympy.Expr]:
    """Memoise a function that builds a whole layer's list, then hand out item k."""
    cache: list[list[sympy.Expr]] = []

    def item(k: int) -> sympy.Expr:
        if not cache:
            cache.append(build())
        return cache[0][k]

    return item


def _affine_formula(weights: list[Quantity], sources: list[Quantity], bias: Quantity | None) -> sympy.Expr:
    terms = [w.symbol * a.symbol for w, a in zip(weights, sources, strict=True)]
    return sympy.Add(*terms, *([bias.symbol] if bias else []))


def _affine_value(weights: list[Quantity], sources: list[Quantity], bias: Quantity | None) -> sympy.Expr:
    terms = [product(w.value, a.value) for w, a in zip(weights, sources, strict=True)]
    return total(*terms, *([bias.value] if bias else []))


class ForwardPass:
    """All forward nodes of one example: ``inputs``, then per layer ``pre`` and ``act`` lists.

    ``positive[name]`` records the branch taken by a relu or step node (``z > 0``).
    """

    def __init__(self, net: Network, inputs: Sequence[Node], parameters: dict[str, Quantity]) -> None:
        self.net = net
        self.inputs = list(inputs)
        self.parameters = parameters
        self.pre: list[list[Node]] = []
        self.act: list[list[Node]] = []
        self.positive: dict[str, bool] = {}
        counters = {"z": 0, "h": 0}
        sources: list[Node] = self.inputs
        for layer in range(1, net.n_layers + 1):
            pres = self._affine_layer(layer, sources, counters)
            self.pre.append(pres)
            sources = self._activation_layer(layer, pres, counters)
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

    def _affine_layer(self, layer: int, sources: list[Node], counters: dict[str, int]) -> list[Node]:
        rows = self.net.layer_weight_names(layer - 1)
        bias_names = self.net.layer_bias_names(layer - 1)
        nodes = []
        for j, row in enumerate(rows):
            counters["z"] += 1
            weights = [self.parameters[name] for name in row]
            bias = self.parameters[bias_names[j]] if bias_names else None
            products = [w.number * a.number for w, a in zip(weights, sources, strict=True)]
            number = MP.fsum(products + ([bias.number] if bias else []))
            name = f"z{counters['z']}"
            nodes.append(
                Node(
                    name,
                    latex_name(name),
                    number,
                    partial(_affine_formula, weights, sources, bias),
                    partial(_affine_value, weights, sources, bias),
                    general_latex=f"z^{{({layer})}}_{{{j + 1}}}",
                    layer=layer,
                    index=j + 1,
                    kind="pre",
                )
            )
        return nodes

    def _activation_layer(self, layer: int, pres: list[Node], counters: dict[str, int]) -> list[Node]:
        is_output = layer == self.net.n_layers
        activation = ACTIVATIONS[self.net.activations[layer - 1]]
        names = []
        for j in range(len(pres)):
            if is_output:
                names.append(f"o{j + 1}")
            else:
                counters["h"] += 1
                names.append(f"h{counters['h']}")
        if not activation.elementwise:
            numbers, formulas, values = self._softmax(pres)
        else:
            numbers, formulas, values = [], [], []
            for z, name in zip(pres, names, strict=True):
                number, formula, value = self._elementwise(activation.name, z, name)
                numbers.append(number)
                formulas.append(formula)
                values.append(value)
        return [
            Node(
                name,
                latex_name(name),
                number,
                formula,
                value,
                general_latex=f"a^{{({layer})}}_{{{j + 1}}}",
                layer=layer,
                index=j + 1,
                kind="act",
            )
            for j, (name, number, formula, value) in enumerate(
                zip(names, numbers, formulas, values, strict=True)
            )
        ]

    def _elementwise(self, name: str, z: Node, node_name: str):
        activation = ACTIVATIONS[name]
        formula = partial(activation.formula, z.symbol)
        if activation.branches:
            positive = sign_of(z.number, lambda: z.value) > 0
            self.positive[node_name] = positive
            if name == "relu":
                number = z.number if positive else MP.zero
            else:
                number = MP.one if positive else MP.zero
            return number, formula, lambda: activation.on_branch(z.value, positive)[0]
        generic = _generic_activation(name)
        number = evaluate(generic, {Z: z.number})
        return number, formula, lambda: substitute(generic, {Z: z.value})

    @staticmethod
    def _softmax(pres: list[Node]):
        exps = [MP.exp(z.number) for z in pres]
        total = MP.fsum(exps)
        numbers = [e / total for e in exps]
        formula = _shared(lambda: softmax_formula([z.symbol for z in pres]))
        value = _shared(lambda: build(softmax_formula, [z.value for z in pres]))
        k_range = range(len(pres))
        return numbers, [partial(formula, k) for k in k_range], [partial(value, k) for k in k_range]


def input_nodes(values: Sequence[Fraction]) -> list[Node]:
    """Input nodes ``x1..`` with their exact rational values."""
    nodes = []
    for index, value in enumerate(values, start=1):
        exact = sympy.Rational(value.numerator, value.denominator)
        name = f"x{index}"
        nodes.append(
            Node(
                name,
                latex_name(name),
                exact_number(exact),
                sympy.Symbol(name),
                exact,
                general_latex=f"a^{{(0)}}_{{{index}}}",
                layer=0,
                index=index,
                kind="input",
            )
        )
    return nodes


def forward(
    net: Network, x: Sequence[object], weights: object, biases: object = None
) -> tuple[sympy.Expr, ...]:
    """Exact outputs of ``net`` for input ``x`` (step activations allowed: perceptrons).

    >>> from nnref.network import Network
    >>> nand = Network((2, 1), activation="step", loss="sse", bias=True)
    >>> [forward(nand, x, ["-0.5", "-0.5"], ["0.7"]) for x in ([0, 0], [0, 1], [1, 0], [1, 1])]
    [(1,), (1,), (1,), (0,)]
    >>> weights = ["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"]
    >>> forward(Network((2, 2, 2)), ["0.1", "0.2"], weights)[0]
    1/(exp(-(2/(5*(exp(-11/100) + 1)) + 9/(20*(exp(-2/25) + 1)))) + 1)
    """
    if not isinstance(net, Network):
        raise TypeError(f"net must be a nnref Network; got {type(net).__name__}")
    inputs = input_nodes(parse_vector(x, net.sizes[0], "x"))
    passed = ForwardPass(net, inputs, rational_parameters(net, weights, biases))
    return tuple(node.value for node in passed.outputs)
