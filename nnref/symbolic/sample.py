"""One sample through the network: forward nodes, the loss, and the backward steps, by name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import cache, partial

import sympy

from nnref.network import Network
from nnref.symbolic import stable
from nnref.symbolic.backward import BackwardPass
from nnref.symbolic.forward import ForwardPass, Where, given_node, input_nodes
from nnref.symbolic.functions import OUT, TGT, loss_term
from nnref.symbolic.graph import Kind, Node
from nnref.symbolic.intervals import generic_symbols
from nnref.symbolic.names import latex_name
from nnref.symbolic.step import sum_generic

__all__ = ["SamplePass"]


@cache
def _loss_generic(loss: str, n_outputs: int) -> sympy.Expr:
    v0, v1 = generic_symbols(2)
    return loss_term(loss, n_outputs).xreplace({OUT: v0, TGT: v1})


def _share_formula(loss: str, n_outputs: int, o: Node, t: Node) -> sympy.Expr:
    return loss_term(loss, n_outputs).xreplace({OUT: o.symbol, TGT: t.symbol})


class SamplePass:
    """Every node of one sample, registered by name in :attr:`names`.

    ``shared`` resolves the names that belong to the whole trace (parameters, ``alpha``), so
    the symbols of this sample's formulas find their nodes.
    """

    def __init__(
        self,
        net: Network,
        x: Sequence[Fraction],
        target: Sequence[Fraction],
        parameters: dict[str, Node],
        shared: Mapping[str, Node],
        sample: int | None,
        iteration: int,
    ) -> None:
        self.names: dict[str, Node] = {}
        self._placed: dict[str, Node] = {}
        where = Where(sample, iteration, self.lookup, lambda node: self._placed.setdefault(node.name, node))
        self._shared = shared
        inputs = input_nodes(net, x, where)
        self.targets = [
            where.put(given_node(name, Kind.TARGET, value), net.n_layers, k)
            for k, (name, value) in enumerate(zip(net.target_names, target, strict=True), start=1)
        ]
        self.forward = ForwardPass(net, inputs, parameters, where)
        outputs, pres = self.forward.outputs, self.forward.pre[-1]
        generic = _loss_generic(net.loss, len(outputs))
        self.loss_terms = []
        for k, (o, t) in enumerate(zip(outputs, self.targets, strict=True)):
            formula = partial(_share_formula, net.loss, len(outputs), o, t)
            numeric = stable.loss_term(net.loss, len(outputs), k, pres, t)
            share = Node.derived(
                f"E_{o.name}", latex_name(f"E_{o.name}"), Kind.LOSS_TERM, generic, [o, t], formula, numeric
            )
            self.loss_terms.append(where.put(share, net.n_layers, k + 1))
        terms = self.loss_terms
        self.loss = where.put(
            Node.derived(
                "E",
                "E",
                Kind.LOSS,
                sum_generic(len(terms)),
                terms,
                lambda: sympy.Add(*[t.formula for t in terms]),
            ),
            net.n_layers + 1,
            1,
        )
        self.backward = BackwardPass(net, self.forward, self.targets, self.loss, self.loss_terms, where)
        for node in (*self.forward.nodes, *self.targets, *self.loss_terms, self.loss):
            self.names[node.name] = node
        self.names.update(self.backward.steps)

    def lookup(self, name: str) -> Node:
        """The node ``name`` of this sample, or of the whole trace (a parameter, ``alpha``)."""
        for names in (self.names, self._placed):
            found = names.get(name)
            if found is not None:
                return found
        return self._shared[name]
