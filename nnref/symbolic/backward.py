"""The backward pass of one sample as chain-rule steps: local derivatives and deltas, reused.

For every pre-activation ``z`` the delta ``dE/dz`` is built once from the deltas of the layer
above, so each gradient is one product ``dE/dz_j · a_i`` (never ``sympy.diff`` of the composed
loss). Every step is a node (see :mod:`nnref.symbolic.step`) named by its display label
(``dE/do1``, ``do1/dz3``, ``dE/dz3``, ``dE/dh1``, ``dE_o1/dh1``, ``dz3/dh1``, ``dz3/dw5``,
``dE/dw5``, ``dE/dx1``), all built when the pass is made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, partial

import sympy

from nnref.network import Network
from nnref.symbolic import stable
from nnref.symbolic.forward import ForwardPass, Where
from nnref.symbolic.functions import (
    ACTIVATIONS,
    OUT,
    TGT,
    A,
    Z,
    activation_derivative,
    loss_derivative,
    softmax_derivative,
)
from nnref.symbolic.graph import Kind, Node
from nnref.symbolic.intervals import generic_symbols
from nnref.symbolic.names import partial_latex
from nnref.symbolic.step import Step

__all__ = ["BackwardPass"]


@cache
def _in_generic(expr: sympy.Expr, symbols: tuple[sympy.Symbol, ...]) -> sympy.Expr:
    """``expr`` with ``symbols`` renamed to ``v0, v1, ...`` (a node's generic formula)."""
    return expr.xreplace(dict(zip(symbols, generic_symbols(len(symbols)), strict=True)))


@cache
def _weighted_sum(count: int) -> sympy.Expr:
    v = generic_symbols(2 * count)
    return sympy.Add(*[v[2 * i] * v[2 * i + 1] for i in range(count)])


class BackwardPass:
    """Deltas, gradients and input gradients of one sample.

    ``steps`` maps each step's name to it; ``gradient[name]`` is the step ``dE/d<name>``,
    ``delta[z]`` the step ``dE/d<z>`` of every pre-activation, ``input_gradient[x]`` the step
    ``dE/d<x>`` of every input.
    """

    def __init__(
        self,
        net: Network,
        passed: ForwardPass,
        targets: Sequence[Node],
        loss: Node,
        loss_terms: Sequence[Node],
        where: Where,
    ) -> None:
        self.net = net
        self.passed = passed
        self.targets = list(targets)
        self.loss, self.loss_terms = loss, list(loss_terms)
        self.where = where
        self.steps: dict[str, Step] = {}
        self.delta: dict[str, Step] = {}  # pre-activation name -> dE/dz
        self.outer: dict[str, Step] = {}  # activation name -> dE/da (output: from the loss)
        self.local: dict[str, Step] = {}  # activation name -> da/dz (elementwise layers)
        self.gradient: dict[str, Step] = {}
        self.chains: dict[str, tuple[Step, ...]] = {}
        self.input_gradient: dict[str, Step] = {}
        self._row_cache: dict[int, tuple[tuple[str, ...], ...]] = {}
        self._output_layer()
        for layer in range(net.n_layers - 1, 0, -1):
            for h, z in zip(passed.act[layer - 1], passed.pre[layer - 1], strict=True):
                self.outer[h.name] = self._sum_over_paths(h, layer)
                self._elementwise_delta(z, h)
        for x in passed.inputs:
            self.input_gradient[x.name] = self._sum_over_paths(x, 0, Kind.INPUT_GRADIENT)
        self._gradients()

    # -- helpers ---------------------------------------------------------------------------

    def _rows(self, layer: int) -> tuple[tuple[str, ...], ...]:
        """Weight names of weight layer ``layer`` (computed once per pass: a wide layer has many)."""
        if layer not in self._row_cache:
            self._row_cache[layer] = self.net.layer_weight_names(layer)
        return self._row_cache[layer]

    def _add(self, step: Step) -> Step:
        self.where.put(step, step.wrt.layer if step.wrt is not None else 0, step.wrt.index)
        return self.steps.setdefault(step.name, step)

    def _local_step(self, a: Node, z: Node) -> Step:
        """``da/dz`` of an elementwise activation."""
        activation = ACTIVATIONS[self.net.activations[z.layer - 1]]
        name, latex = f"d{a.name}/d{z.name}", partial_latex(a.name, z.name)
        derivative = activation.derivative  # None only for a whole-layer one (refused below)
        if activation.branches and derivative is not None:  # relu: 1 or 0 from the forward pass's branch
            constant = sympy.Integer(1) if self.passed.positive[a.name] else sympy.Integer(0)
            formula = lambda: derivative(z.symbol, a.symbol)  # noqa: E731 - built on demand
            return self._add(Step.constant(name, latex, a, z, constant, formula))
        generic = _in_generic(activation_derivative(activation.name), (Z, A))
        formula = lambda: activation_derivative(activation.name).xreplace({Z: z.symbol, A: a.symbol})  # noqa: E731
        if generic.is_Rational:  # identity: 1
            return self._add(Step.constant(name, latex, a, z, generic, formula))
        numeric = stable.activation_derivative(activation.name, z)
        return self._add(Step.local(name, latex, Kind.DERIVATIVE, a, z, generic, [z, a], formula, numeric))

    def _softmax_step(self, k: int, j: int) -> Step:
        """``do_k/dz_j = o_k (δ_kj − o_j)`` of the softmax output layer."""
        outputs, pres = self.passed.act[-1], self.passed.pre[-1]
        o_k, z_j = outputs[k], pres[j]
        name = f"d{o_k.name}/d{z_j.name}"
        if name in self.steps:
            return self.steps[name]
        symbols = tuple(sympy.symbols(f"s0:{len(outputs)}"))
        generic = _in_generic(softmax_derivative(k, j, symbols), symbols)
        formula = lambda: softmax_derivative(k, j, [o.symbol for o in outputs])  # noqa: E731
        numeric = stable.softmax_derivative(k, j, outputs)
        step = Step.local(
            name,
            partial_latex(o_k.name, z_j.name),
            Kind.DERIVATIVE,
            o_k,
            z_j,
            generic,
            outputs,
            formula,
            numeric,
        )
        return self._add(step)

    def _weight_step(self, z: Node, source: Node, weight: Node) -> Step:
        """``dz/da = w``: how a pre-activation moves with one of its sources."""
        name, latex = f"d{z.name}/d{source.name}", partial_latex(z.name, source.name)
        if name in self.steps:
            return self.steps[name]
        return self._add(Step.same_as(name, latex, Kind.DERIVATIVE, z, source, weight, _symbol_of(weight)))

    # -- layers ----------------------------------------------------------------------------

    def _output_layer(self) -> None:
        outputs, pres = self.passed.act[-1], self.passed.pre[-1]
        n_outputs = len(outputs)
        generic = _in_generic(loss_derivative(self.net.loss, n_outputs), (OUT, TGT))
        for o, z, t in zip(outputs, pres, self.targets, strict=True):
            formula = partial(_loss_derivative_formula, self.net.loss, n_outputs, o, t)
            numeric = stable.loss_derivative(self.net.loss, n_outputs, z, t)
            self.outer[o.name] = self._add(
                Step.local(
                    f"dE/d{o.name}",
                    partial_latex("E", o.name),
                    Kind.DERIVATIVE,
                    self.loss,
                    o,
                    generic,
                    [o, t],
                    formula,
                    numeric,
                )
            )
        if ACTIVATIONS[self.net.activations[-1]].elementwise:
            for o, z in zip(outputs, pres, strict=True):
                self._elementwise_delta(z, o)
            return
        for j, z in enumerate(pres):
            terms = []
            for k, o in enumerate(outputs):
                outer, local = self.outer[o.name], self._softmax_step(k, j)
                terms.append(
                    self._add(
                        Step.product(
                            f"dE/d{o.name}·d{o.name}/d{z.name}",
                            f"{outer.latex} {local.latex}",
                            Kind.DERIVATIVE,
                            self.loss_terms[k],
                            z,
                            (outer, local),
                            via=o,
                        )
                    )
                )
            self.delta[z.name] = self._add(
                Step.total(f"dE/d{z.name}", partial_latex("E", z.name), Kind.DELTA, self.loss, z, terms)
            )

    def _elementwise_delta(self, z: Node, a: Node) -> None:
        outer, local = self.outer[a.name], self._local_step(a, z)
        self.local[a.name] = local
        self.delta[z.name] = self._add(
            Step.product(
                f"dE/d{z.name}",
                partial_latex("E", z.name),
                Kind.DELTA,
                self.loss,
                z,
                (outer, local),
                via=a,
            )
        )

    def _sum_over_paths(self, a: Node, layer: int, kind: Kind = Kind.DERIVATIVE) -> Step:
        """dE/da = Σ_k w_ka dE/dz_k over the pre-activations of weight layer ``layer``: one term
        per path, ``dE_o1/dh1 = dE/do1 · do1/dz3 · dz3/dh1`` when that layer is an elementwise
        output layer, else ``dE/dz5 · dz5/dh1``."""
        above = self.passed.pre[layer]
        rows = self._rows(layer)  # [k in layer above][j in this layer]
        into_output = layer + 1 == self.net.n_layers and ACTIVATIONS[self.net.activations[-1]].elementwise
        pairs = [
            (self.passed.parameters[rows[k][a.index - 1]], self.delta[zk.name]) for k, zk in enumerate(above)
        ]
        terms = []
        for (weight, delta), zk in zip(pairs, above, strict=True):
            link = self._weight_step(zk, a, weight)
            if into_output:
                o = self.passed.act[-1][zk.index - 1]
                share = self.loss_terms[zk.index - 1]
                factors = (*delta.factors, link)
                name, latex = f"dE_{o.name}/d{a.name}", partial_latex(f"E_{o.name}", a.name)
                terms.append(self._add(Step.product(name, latex, Kind.DERIVATIVE, share, a, factors, via=zk)))
            else:
                name, latex = f"dE/d{zk.name}·d{zk.name}/d{a.name}", f"{delta.latex} {link.latex}"
                terms.append(
                    self._add(Step.product(name, latex, Kind.DERIVATIVE, self.loss, a, (delta, link), via=zk))
                )
        formula = _sum_formula(pairs)
        return self._add(
            Step.total(f"dE/d{a.name}", partial_latex("E", a.name), kind, self.loss, a, terms, formula)
        )

    # -- gradients -------------------------------------------------------------------------

    def _gradients(self) -> None:
        passed = self.passed
        sources: list[Node] = passed.inputs
        for layer in range(1, self.net.n_layers + 1):
            rows = self.net.layer_weight_names(layer - 1)
            bias_names = self.net.layer_bias_names(layer - 1)
            for j, z in enumerate(passed.pre[layer - 1]):
                delta = self.delta[z.name]
                for name, a in zip(rows[j], sources, strict=True):
                    parameter = passed.parameters[name]
                    last = self._add(
                        Step.same_as(
                            f"d{z.name}/d{name}",
                            partial_latex(z.name, name),
                            Kind.DERIVATIVE,
                            z,
                            parameter,
                            a,
                            _symbol_of(a),
                        )
                    )
                    self.chains[name] = (*delta.factors, last) if delta.factors else (delta, last)
                    self.gradient[name] = self._add(
                        Step.product(
                            f"dE/d{name}",
                            partial_latex("E", name),
                            Kind.GRADIENT,
                            self.loss,
                            parameter,
                            (delta, last),
                            formula=partial(_times_symbol, delta, a),
                        )
                    )
                if bias_names:
                    name = bias_names[j]
                    parameter = passed.parameters[name]
                    last = self._add(
                        Step.constant(
                            f"d{z.name}/d{name}",
                            partial_latex(z.name, name),
                            z,
                            parameter,
                            sympy.Integer(1),
                            sympy.Integer(1),
                        )
                    )
                    self.chains[name] = (*delta.factors, last) if delta.factors else (delta, last)
                    self.gradient[name] = self._add(
                        Step.same_as(
                            f"dE/d{name}",
                            partial_latex("E", name),
                            Kind.GRADIENT,
                            self.loss,
                            parameter,
                            delta,
                            partial(_formula_of, delta),
                            factors=(delta, last),
                        )
                    )
            sources = passed.act[layer - 1]


def _loss_derivative_formula(loss: str, n_outputs: int, o: Node, t: Node) -> sympy.Expr:
    return loss_derivative(loss, n_outputs).xreplace({OUT: o.symbol, TGT: t.symbol})


def _symbol_of(node: Node) -> Callable[[], sympy.Symbol]:
    return partial(sympy.Symbol, node.name)


def _sum_formula(pairs: list[tuple[Node, Step]]) -> Callable[[], sympy.Expr]:
    return lambda: sympy.Add(*[w.symbol * d.formula for w, d in pairs])


# Formulas made when first shown, bound to this loop's nodes (a lambda would see the last ones).
def _times_symbol(step: Node, node: Node) -> sympy.Expr:
    return step.formula * node.symbol


def _formula_of(node: Node) -> sympy.Expr:
    return node.formula
