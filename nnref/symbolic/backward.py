"""The backward pass as chain-rule steps: layer-local derivatives and delta terms, reused.

For every pre-activation ``z`` the delta ``dE/dz`` is built once from the deltas of the layer
above, so each gradient is one product ``dE/dz_j · a_i`` (never ``sympy.diff`` of the composed
loss). Numbers are computed eagerly in mpmath; formulas and exact values lazily.
"""

from __future__ import annotations

from functools import partial

import sympy

from nnref.network import Network
from nnref.symbolic.exact import build, product, substitute, total
from nnref.symbolic.forward import ForwardPass
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
from nnref.symbolic.precision import MP, evaluate
from nnref.symbolic.quantity import Node, Quantity, Step, partial_latex

__all__ = ["BackwardPass"]


def _product_formula(*parts: Quantity | sympy.Symbol) -> sympy.Expr:
    return sympy.Mul(*[p if isinstance(p, sympy.Basic) else p.formula for p in parts])


def _product_value(*parts: Quantity) -> sympy.Expr:
    return product(*[p.value for p in parts])


def _sum_formula(pairs: list[tuple[Quantity, Quantity]]) -> sympy.Expr:
    return sympy.Add(*[w.symbol * d.formula for w, d in pairs])


def _sum_value(pairs: list[tuple[Quantity, Quantity]]) -> sympy.Expr:
    return total(*[product(w.value, d.value) for w, d in pairs])


class BackwardPass:
    """Deltas and gradients of one example.

    ``steps`` maps a label (``"dE/do1"``, ``"do1/dz3"``, ``"dE/dz3"``, ``"dE/dh1"``,
    ``"dh1/dz1"``, ``"dE/dw5"``, and, once built, ``"dz3/dw5"``, ``"dz3/dh1"``,
    ``"dE_o1/dh1"``) to its :class:`Step`. ``gradient[name]`` is the step ``dE/d<name>``.
    """

    def __init__(self, net: Network, passed: ForwardPass, targets: list[Quantity]) -> None:
        for name in net.activations:
            if ACTIVATIONS[name].elementwise:
                ACTIVATIONS[name].refuse_derivative()
        self.net = net
        self.passed = passed
        self.targets = targets
        self.steps: dict[str, Step] = {}
        self.delta: dict[str, Step] = {}  # pre-activation name -> dE/dz
        self.outer: dict[str, Step] = {}  # activation name -> dE/da (output: from the loss)
        self.local: dict[str, Step] = {}  # activation name -> da/dz (elementwise layers)
        self._output_layer()
        for layer in range(net.n_layers - 1, 0, -1):
            self._hidden_layer(layer)
        self.gradient: dict[str, Step] = {}
        self.location: dict[str, tuple[Node, Node | None]] = {}  # parameter -> (z, source a)
        self._gradients()

    # -- helpers ---------------------------------------------------------------------------

    def _add(self, step: Step) -> Step:
        return self.steps.setdefault(step.name, step)

    def _local_step(self, a: Node, z: Node) -> Step:
        """``da/dz`` of an elementwise activation."""
        activation = ACTIVATIONS[self.net.activations[z.layer - 1]]
        label = f"d{a.name}/d{z.name}"
        if activation.branches:  # relu: 1 or 0 from the branch the forward pass took
            constant = sympy.Integer(1) if self.passed.positive[a.name] else sympy.Integer(0)
            formula = partial(activation.derivative, z.symbol, a.symbol)
            number = MP.mpf(int(constant))
            return self._add(Step(label, partial_latex(a.name, z.name), number, formula, constant))
        generic = activation_derivative(activation.name)
        number = evaluate(generic, {Z: z.number, A: a.number})
        return self._add(
            Step(
                label,
                partial_latex(a.name, z.name),
                number,
                lambda: generic.xreplace({Z: z.symbol, A: a.symbol}),
                lambda: substitute(generic, {Z: z.value, A: a.value}),
            )
        )

    def _softmax_step(self, k: int, j: int) -> Step:
        """``do_k/dz_j = o_k (δ_kj − o_j)`` of the softmax output layer."""
        outputs, pres = self.passed.act[-1], self.passed.pre[-1]
        o_k, o_j, z_j = outputs[k], outputs[j], pres[j]
        label = f"d{o_k.name}/d{z_j.name}"
        if label in self.steps:
            return self.steps[label]
        number = o_k.number * ((1 if k == j else 0) - o_j.number)
        return self._add(
            Step(
                label,
                partial_latex(o_k.name, z_j.name),
                number,
                lambda: softmax_derivative(k, j, [o.symbol for o in outputs]),
                lambda: build(partial(softmax_derivative, k, j), [o.value for o in outputs]),
            )
        )

    def _weight_step(self, z: Node, source: Node, weight: Quantity) -> Step:
        """``dz/da = w``: how a pre-activation moves with one of its sources."""
        label = f"d{z.name}/d{source.name}"
        latex = partial_latex(z.name, source.name)
        return self._add(Step(label, latex, weight.number, weight.symbol, lambda: weight.value))

    # -- layers ----------------------------------------------------------------------------

    def _output_layer(self) -> None:
        outputs, pres = self.passed.act[-1], self.passed.pre[-1]
        if self.net.loss == "bce":
            for o, z in zip(outputs, pres, strict=True):
                if o.number in (0, 1):  # 1 - o or o rounds to 0 at 256 bits: ln(1 - o) is -inf
                    raise ValueError(
                        f"output {o.name} = sigmoid({z.name}) with {z.name} ≈ {MP.nstr(z.number, 6)} is "
                        "within 1e-76 of 0 or 1: the bce loss and its derivative cannot be carried at "
                        "the engine's 76 digits; use smaller inputs or weights (|z| < 170)"
                    )
        generic = loss_derivative(self.net.loss, len(outputs))
        for o, t in zip(outputs, self.targets, strict=True):
            self.outer[o.name] = self._add(
                Step(
                    f"dE/d{o.name}",
                    partial_latex("E", o.name),
                    evaluate(generic, {OUT: o.number, TGT: t.number}),
                    partial(generic.xreplace, {OUT: o.symbol, TGT: t.symbol}),
                    lambda o=o, t=t: substitute(generic, {OUT: o.value, TGT: t.value}),
                )
            )
        if ACTIVATIONS[self.net.activations[-1]].elementwise:
            for o, z in zip(outputs, pres, strict=True):
                self._elementwise_delta(z, o)
            return
        for j, z in enumerate(pres):
            terms = partial(self._softmax_terms, j)
            number = MP.fsum(
                self.outer[o.name].number * o.number * ((1 if k == j else 0) - outputs[j].number)
                for k, o in enumerate(outputs)
            )
            pairs = [(self.outer[o.name], k) for k, o in enumerate(outputs)]
            self.delta[z.name] = self._add(
                Step(
                    f"dE/d{z.name}",
                    partial_latex("E", z.name),
                    number,
                    lambda j=j, pairs=pairs: sympy.Add(
                        *[g.formula * softmax_derivative(k, j, [o.symbol for o in outputs]) for g, k in pairs]
                    ),
                    partial(self._softmax_delta_value, j),
                    terms=terms,
                )
            )

    def _softmax_delta_value(self, j: int) -> sympy.Expr:
        outputs = self.passed.act[-1]
        values = [o.value for o in outputs]
        return total(
            *[
                product(self.outer[o.name].value, build(partial(softmax_derivative, k, j), values))
                for k, o in enumerate(outputs)
            ]
        )

    def _softmax_terms(self, j: int) -> tuple[Step, ...]:
        outputs = self.passed.act[-1]
        z_j = self.passed.pre[-1][j]
        terms = []
        for k, o in enumerate(outputs):
            g, local = self.outer[o.name], self._softmax_step(k, j)
            terms.append(
                self._add(
                    Step(
                        f"dE/d{o.name}·d{o.name}/d{z_j.name}",
                        f"{g.latex} {local.latex}",
                        g.number * local.number,
                        partial(_product_formula, g, local),
                        partial(_product_value, g, local),
                        factors=(g, local),
                    )
                )
            )
        return tuple(terms)

    def _elementwise_delta(self, z: Node, a: Node) -> None:
        outer, local = self.outer[a.name], self._local_step(a, z)
        self.local[a.name] = local
        self.delta[z.name] = self._add(
            Step(
                f"dE/d{z.name}",
                partial_latex("E", z.name),
                outer.number * local.number,
                partial(_product_formula, outer, local),
                partial(_product_value, outer, local),
                factors=(outer, local),
            )
        )

    def _hidden_layer(self, layer: int) -> None:
        """dE/dh_j = Σ_k w_kj dE/dz_k over the next layer, then dE/dz_j = dE/dh_j · dh_j/dz_j."""
        above = self.passed.pre[layer]
        rows = self.net.layer_weight_names(layer)  # [k in layer above][j in this layer]
        for j, (h, z) in enumerate(zip(self.passed.act[layer - 1], self.passed.pre[layer - 1], strict=True)):
            pairs = [(self.passed.parameters[rows[k][j]], self.delta[zk.name]) for k, zk in enumerate(above)]
            self.outer[h.name] = self._add(
                Step(
                    f"dE/d{h.name}",
                    partial_latex("E", h.name),
                    MP.fsum(w.number * d.number for w, d in pairs),
                    partial(_sum_formula, pairs),
                    partial(_sum_value, pairs),
                    terms=partial(self._hidden_terms, h, pairs),
                )
            )
            self._elementwise_delta(z, h)

    def _hidden_terms(self, h: Node, pairs: list[tuple[Quantity, Step]]) -> tuple[Step, ...]:
        """One term per path through the layer above: ``dE_o1/dh1 = dE/do1 · do1/dz3 · dz3/dh1``
        when that layer is an elementwise output layer, else ``dE/dz5 · dz5/dh1``."""
        above = self.passed.pre[h.layer]
        into_output = h.layer + 1 == self.net.n_layers and ACTIVATIONS[self.net.activations[-1]].elementwise
        terms = []
        for (weight, delta), zk in zip(pairs, above, strict=True):
            link = self._weight_step(zk, h, weight)
            if into_output:
                o = self.passed.act[-1][zk.index - 1]
                factors = (*delta.factors, link)
                label, latex = f"dE_{o.name}/d{h.name}", partial_latex(f"E_{o.name}", h.name)
            else:
                factors = (delta, link)
                label, latex = f"dE/d{zk.name}·d{zk.name}/d{h.name}", f"{delta.latex} {link.latex}"
            terms.append(
                self._add(
                    Step(
                        label,
                        latex,
                        weight.number * delta.number,
                        partial(_product_formula, *factors),
                        partial(_product_value, *factors),
                        factors=factors,
                    )
                )
            )
        return tuple(terms)

    # -- gradients -------------------------------------------------------------------------

    def _gradients(self) -> None:
        passed = self.passed
        sources: list[Node] = passed.inputs
        for layer in range(1, self.net.n_layers + 1):
            pres = passed.pre[layer - 1]
            rows = self.net.layer_weight_names(layer - 1)
            bias_names = self.net.layer_bias_names(layer - 1)
            for j, z in enumerate(pres):
                delta = self.delta[z.name]
                for name, a in zip(rows[j], sources, strict=True):
                    self.location[name] = (z, a)
                    self.gradient[name] = Step(
                        f"dE/d{name}",
                        partial_latex("E", name),
                        delta.number * a.number,
                        partial(_product_formula, delta, a.symbol),
                        partial(_product_value, delta, a),
                        factors=partial(self.chain, name),
                    )
                if bias_names:
                    name = bias_names[j]
                    self.location[name] = (z, None)
                    self.gradient[name] = Step(
                        f"dE/d{name}",
                        partial_latex("E", name),
                        delta.number,
                        partial(_product_formula, delta),
                        partial(_product_value, delta),
                        factors=partial(self.chain, name),
                    )
            sources = passed.act[layer - 1]
        for step in self.gradient.values():
            self.steps[step.name] = step

    def chain(self, name: str) -> tuple[Step, ...]:
        """The chain-rule factors of ``dE/d<name>``, outermost first, last ``dz/d<name>``."""
        z, a = self.location[name]
        label = f"d{z.name}/d{name}"
        if a is None:
            last = Step(label, partial_latex(z.name, name), MP.one, sympy.Integer(1), sympy.Integer(1))
        else:
            last = Step(label, partial_latex(z.name, name), a.number, a.symbol, lambda: a.value)
        last = self._add(last)
        delta = self.delta[z.name]
        return (*delta.factors, last) if delta.factors else (delta, last)
