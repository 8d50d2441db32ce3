r"""``derive()``: examples through a network, every backpropagation step an exact node.

The wikidocs 07-05 example (https://wikidocs.net/37406):

>>> from nnref.network import Network
>>> net = Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse")
>>> tr = derive(net, x=["0.1", "0.2"], target=["0.4", "0.6"],
...             weights=["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"],
...             learning_rate="0.5")
>>> tr.node("z1").value, tr.node("h1").value, tr.node("h1").value.doit()
(2/25, h1, 1/(exp(-2/25) + 1))
>>> sympy.N(tr.gradient["w5"], 20), float(tr.loss)
(0.025922855603647399472, 0.02397190075173003)
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
from typing import Any, cast

import sympy

from nnref import registry
from nnref.errors import InputError, InputTypeError, Phrase
from nnref.network import Network, name_hint
from nnref.symbolic.check import CheckResult, check_answers
from nnref.symbolic.forward import given_node, parse_vector, rational_parameters
from nnref.symbolic.graph import Kind, Node
from nnref.symbolic.intervals import generic_symbols
from nnref.symbolic.names import latex_name, partial_latex
from nnref.symbolic.sample import SamplePass
from nnref.symbolic.step import Step
from nnref.values import ExactInput, ParameterValues, parse_positive_finite

__all__ = ["SampleTrace", "Trace", "derive"]

ALPHA = sympy.Symbol("alpha")
_ALIASES = {"E_total": "E", "learning_rate": "alpha"}
_FORWARD_KINDS = (Kind.INPUT, Kind.PRE, Kind.ACT, Kind.OUTPUT)
_V0, _V1, _V2 = generic_symbols(3)


class _Values(Mapping):
    """A read-only mapping name -> exact value of a node (repr shows decimals of the atoms)."""

    def __init__(self, nodes: Mapping[str, Node]) -> None:
        self._nodes = nodes

    def __getitem__(self, name: str) -> sympy.Expr:
        return self._nodes[name].value

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def node(self, name: str) -> Node:
        """The node behind ``self[name]``."""
        return self._nodes[name]

    def __repr__(self) -> str:
        def shown(node: Node) -> str:
            return str(node.value) if node.rational else f"≈{node.decimal(8):f}"

        return "{" + ", ".join(f"{name!r}: {shown(node)}" for name, node in self._nodes.items()) + "}"


def _check_targets(net: Network, target: list[Fraction], argument: str) -> None:
    kind = registry.LOSSES[net.loss].targets
    if kind == "unit" and any(not 0 <= t <= 1 for t in target):
        shown = [str(t) for t in target]
        raise InputError("error_target_unit", argument=argument, loss=repr(net.loss), got=shown)
    if kind == "distribution" and (any(t < 0 for t in target) or sum(target) != 1):
        shown = [str(t) for t in target]
        raise InputError(
            "error_target_distribution", argument=argument, loss=repr(net.loss), got=shown, sum=sum(target)
        )


def _natural(name: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def _describe(nodes: Mapping[str, Node]) -> Phrase:
    """What names a trace has, by kind: ``z1..z4, ...; chain steps such as dE/do1, ...``."""
    runs: dict[str, list[str]] = {}
    steps: list[str] = []
    for name, node in nodes.items():
        if node.kind is Kind.DERIVATIVE:
            steps.append(name)
        else:
            runs.setdefault(re.sub(r"\d+", "#", name), []).append(name)
    shown = []
    for items in runs.values():
        items.sort(key=_natural)
        shown.append(items[0] if len(items) == 1 else f"{items[0]}..{items[-1]}")
    text = ", ".join(shown[:24]) + (", ..." if len(shown) > 24 else "")
    if steps:
        return Phrase("trace_names_with_steps", names=text, steps=", ".join(steps[:4]))
    return Phrase("trace_names", names=text)


class SampleTrace:
    """One sample of a trace: its forward nodes, loss, chain rule and per-sample gradients."""

    def __init__(self, trace: Trace, passed: SamplePass) -> None:
        self._trace, self._pass = trace, passed

    @property
    def network(self) -> Network:
        return self._trace.network

    @property
    def sample(self) -> int | None:
        """1-based position in the mini-batch (None for a single example)."""
        return self._pass.loss.sample

    @property
    def x(self) -> tuple[sympy.Rational, ...]:
        return tuple(node.value for node in self._pass.forward.inputs)

    @property
    def target(self) -> tuple[sympy.Rational, ...]:
        return tuple(t.value for t in self._pass.targets)

    @property
    def nodes(self) -> tuple[Node, ...]:
        """Forward nodes in order: inputs, then per layer the pre-activations and activations."""
        return self._pass.forward.nodes

    def node(self, name: str) -> Node:
        """The forward node ``name`` (``"x1"``, ``"z3"``, ``"h1"``, ``"o2"``).

        Args:
            name: a forward node name (``"x1"``, ``"z3"``, ``"h1"``, ``"o2"``).

        Returns:
            This sample's node.
        """
        node = self.quantity(name)
        if node.kind not in _FORWARD_KINDS:
            raise InputError("error_not_a_node", argument="name", got=repr(name))
        return node

    def quantity(self, name: str | sympy.Symbol) -> Node:
        """The node named ``name`` in this sample (or a parameter, ``alpha``).

        Args:
            name: a quantity name or a SymPy symbol of this sample's formulas.

        Returns:
            The node.

        Raises:
            nnref.errors.InputError: this sample has no such quantity (the message lists the names).
        """
        name = _name(name)
        found = self._pass.names.get(name)
        if found is None and name in self._trace._shared:
            found = self._trace._shared[name]
        if found is None:
            raise _unknown(name, {**self._trace._shared, **self._pass.names})
        return found

    def decimal(self, name: str | Node, places: int = 8) -> Decimal:
        """``name``'s value rounded half up to ``places`` decimals (format with ``f"{d:f}"``).

        Args:
            name: a quantity name, or its node.
            places: decimals to round to.

        Returns:
            The value rounded half up, exactly.
        """
        node = name if isinstance(name, Node) else self.quantity(name)
        return node.decimal(places)

    @property
    def output(self) -> tuple[sympy.Expr, ...]:
        return tuple(node.value for node in self._pass.forward.outputs)

    @property
    def loss(self) -> sympy.Expr:
        """This sample's loss E, exact."""
        return self._pass.loss.value

    @property
    def loss_terms(self) -> tuple[sympy.Expr, ...]:
        """Each output's share of E (``E_o1``, ``E_o2``, ...), exact; E is their sum."""
        return tuple(term.value for term in self._pass.loss_terms)

    @property
    def gradient(self) -> Mapping[str, sympy.Expr]:
        """Parameter name -> exact dE/dparam of this sample."""
        return _Values(self._pass.backward.gradient)

    @property
    def deltas(self) -> Mapping[str, sympy.Expr]:
        """Pre-activation name (``"z3"``) -> exact delta dE/dz of this sample."""
        return _Values(self._pass.backward.delta)

    @property
    def input_gradient(self) -> Mapping[str, sympy.Expr]:
        """Input name (``"x1"``) -> exact dE/dx of this sample."""
        return _Values(self._pass.backward.input_gradient)

    def chain(self, name: str) -> tuple[Step, ...]:
        """The chain-rule factors of dE/d``name``, in order; their values multiply to the gradient.

        Output-layer weight: ``(dE/do, do/dz, dz/dw)``; hidden weight: ``(dE/dh, dh/dz, dz/dw)``
        where ``dE/dh`` has ``.terms`` (one per path through the layer above); with a softmax
        output layer: ``(dE/dz, dz/dw)`` where ``dE/dz`` has one term per output.

        Args:
            name: a parameter, pre-activation or input name (``"w5"``, ``"z3"``).

        Returns:
            The chain-rule factors, in order.
        """
        return self._pass.backward.chains[self._trace._parameter(name)]

    def formula(self, name: str) -> sympy.Expr:
        """The general formula of dE/d``name`` in symbols, before numbers are substituted.

        Args:
            name: a parameter, pre-activation or input name.

        Returns:
            dE/d``name`` in symbols.
        """
        return self._pass.backward.gradient[self._trace._parameter(name)].formula

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this sample answers to, in the order the nodes were built."""
        return tuple(self._pass.names)


class Trace:
    """Every quantity of a forward pass, the loss, the backward pass and the update, as nodes.

    Build it with :func:`derive`. Names: nodes ``x1, z1, h1, o1``; ``E`` and its shares
    ``E_o1``; targets ``t1``; parameters ``w1, b1`` (current values); ``alpha`` (learning
    rate); chain steps ``dE/do1``, ``do1/dz3``, ``dz3/dw5``, ``dE/dh1``, ``dE_o1/dh1``,
    ``dh1/dz1``; deltas ``dE/dz3``; input gradients ``dE/dx1``; gradients ``dE/dw5``; updated
    parameters ``w5+``. Each is a :class:`~nnref.symbolic.graph.Node` (``tr.quantity(name)``)
    with its ``formula``, exact ``value`` and ``decimal(places)``.

    Exact values are SymPy numbers: a ``Rational``, or an atom standing for its node that
    evaluates to any precision: ``sympy.N(tr.gradient["w1"], 30)``, ``float(tr.loss)``,
    ``tr.loss < 0.1``. ``v.doit()`` writes out the closed form. Two atoms are ``==`` when they
    are the same node; compare values with ``sympy.N(a - b)`` or closed forms with
    ``(a - b).doit()``.

    A mini-batch trace (``x`` and ``target`` given as lists of samples) has one
    :class:`SampleTrace` per sample in :attr:`samples`; its ``E`` is the mean of the samples'
    losses and its gradients the mean of theirs. Per-sample names are qualified with the
    1-based sample: ``o1@2``, ``dE/dw5@3``.
    """

    def __init__(
        self,
        network: Network,
        data: Sequence[tuple[list[Fraction], list[Fraction]]],
        parameters: dict[str, Node],
        rate: Node | None,
        iteration: int,
        batch: bool,
    ) -> None:
        self.network = network
        self.iteration = iteration
        self._data, self._batch = list(data), batch
        self._parameters, self._rate = parameters, rate
        self._shared: dict[str, Node] = dict(parameters)
        if rate is not None:
            self._shared["alpha"] = rate
        for node in self._shared.values():
            node.place(layer=node.layer, index=node.index, iteration=iteration, scope=self._lookup)
        passes = [
            SamplePass(network, x, t, parameters, self._shared, index + 1 if batch else None, iteration)
            for index, (x, t) in enumerate(self._data)
        ]
        self._samples = tuple(SampleTrace(self, p) for p in passes)
        self._names: dict[str, Node] = dict(self._shared)
        if batch:
            self._loss = self._mean("E", "E", Kind.LOSS, [p.loss for p in passes])
            self._gradient = {
                name: Step.average(
                    f"dE/d{name}",
                    partial_latex("E", name),
                    Kind.GRADIENT,
                    self._loss,
                    parameters[name],
                    [p.backward.gradient[name] for p in passes],
                ).place(iteration=iteration, scope=self._lookup)
                for name in network.parameters
            }
            for index, p in enumerate(passes, start=1):
                self._names.update({f"{name}@{index}": node for name, node in p.names.items()})
            self._names["E"] = self._loss
            self._names.update({step.name: step for step in self._gradient.values()})
        else:
            self._loss = passes[0].loss
            self._gradient = passes[0].backward.gradient
            self._names.update(passes[0].names)
        self._updated: dict[str, Node] = {}
        if rate is not None:
            for name in network.parameters:
                self._updated[name] = self._update(name, rate)
            self._names.update({node.name: node for node in self._updated.values()})

    # -- construction helpers ----------------------------------------------------------------------

    def _mean(self, name: str, latex: str, kind: Kind, nodes: Sequence[Node]) -> Node:
        scale = sympy.Rational(1, len(nodes))
        generic = scale * sympy.Add(*generic_symbols(len(nodes)))
        node = Node.derived(
            name, latex, kind, generic, nodes, lambda: scale * sympy.Add(*[n.formula for n in nodes])
        )
        return node.place(iteration=self.iteration, scope=self._lookup)

    def _update(self, name: str, rate: Node) -> Node:
        current, gradient = self._parameters[name], self._gradient[name]
        node = Node.derived(
            f"{name}+",
            f"{latex_name(name)}^{{+}}",
            Kind.UPDATED,
            _V0 - _V1 * _V2,
            [current, rate, gradient],
            lambda: current.symbol - ALPHA * gradient.formula,
        )
        return node.place(iteration=self.iteration, scope=self._lookup)

    def _lookup(self, name: str) -> Node:
        return self._names[name]

    # -- the whole trace ----------------------------------------------------------------------------

    @property
    def is_batch(self) -> bool:
        """True when the trace was derived from a mini-batch (``x`` as a list of samples)."""
        return self._batch

    @property
    def samples(self) -> tuple[SampleTrace, ...]:
        """One :class:`SampleTrace` per sample (a single one for a single example)."""
        return self._samples

    @property
    def learning_rate(self) -> sympy.Rational | None:
        return None if self._rate is None else self._rate.value

    @property
    def parameters(self) -> Mapping[str, sympy.Expr]:
        """Current parameter values, exact (rational at the start, node values after updates)."""
        return _Values(self._parameters)

    @property
    def loss(self) -> sympy.Expr:
        """E, exact: the per-sample loss of ``network.loss`` (for a batch, the samples' mean)."""
        return self._loss.value

    @property
    def gradient(self) -> Mapping[str, sympy.Expr]:
        """Parameter name -> exact dE/dparam (for a batch, the mean over the samples)."""
        return _Values(self._gradient)

    @property
    def updated(self) -> Mapping[str, sympy.Expr]:
        """Parameter name -> exact value after one simultaneous gradient-descent step."""
        self._require_rate()
        return _Values(self._updated)

    def next(self) -> Trace:
        """The trace of the same examples at the updated parameters (linked to this trace's
        updated-parameter nodes, so many steps stay cheap)."""
        self._require_rate()
        parameters = {
            name: Node.alias(name, latex_name(name), Kind.PARAMETER, node).place(iteration=self.iteration + 1)
            for name, node in self._updated.items()
        }
        return Trace(self.network, self._data, parameters, self._rate, self.iteration + 1, self._batch)

    def quantity(self, name: str | sympy.Symbol) -> Node:
        """The node named ``name`` (a string or a SymPy symbol of this trace's formulas).

        Args:
            name: a quantity name (``"z3"``, ``"dE/dw5"``, ``"w5+"``) or a SymPy symbol of this trace's
                formulas.

        Returns:
            The quantity's node.

        Raises:
            nnref.errors.InputError: this trace has no such quantity (the message lists the names).
        """
        name = _name(name)
        found = self._names.get(name)
        if found is None:
            raise _unknown(name, self._names)
        return found

    def decimal(self, name: str | Node, places: int = 8) -> Decimal:
        """``name``'s value rounded half up to ``places`` decimals (format with ``f"{d:f}"``).

        Decided exactly: the node graph is evaluated in interval arithmetic at rising precision
        until the rounding is certain; a value exactly on a rounding boundary is settled by SymPy.

        Args:
            name: a quantity name, or its node.
            places: decimals to round to.

        Returns:
            The value rounded half up, exactly.
        """
        node = name if isinstance(name, Node) else self.quantity(name)
        return node.decimal(places)

    def check(self, answers: Mapping[str, Any]) -> tuple[CheckResult, ...]:
        """Check a student's numbers: ``answers`` maps quantity names to numbers as written.

        Each result says whether the number equals the true value rounded half up to as many
        decimals as the student wrote, the expected value at those decimals, and every quantity
        of the trace whose value the number is (``"you computed dE/dw1"``).

        Args:
            answers: quantity name -> the number the student wrote (a string keeps its decimals).

        Returns:
            One :class:`CheckResult` per answer, in the order given.

        >>> from nnref.examples import derive_example
        >>> result, = derive_example().check({"dE/dw3": "0.00080888"})
        >>> result.correct, result.expected, result.matches
        (False, Decimal('0.00071009'), ('dE/dw1',))
        """
        return check_answers(self, answers)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name :meth:`quantity` answers to."""
        return tuple(self._names)

    @property
    def symbol_values(self) -> Mapping[sympy.Symbol, sympy.Expr]:
        """Symbol -> exact value for every symbol in this trace's formulas (for substitution)."""
        return _SymbolValues(self._names)

    def __repr__(self) -> str:
        sizes = "-".join(map(str, self.network.sizes))
        batch = f" batch={len(self._samples)}" if self._batch else ""
        return (
            f"<Trace {sizes} {self.network.loss}{batch} iteration={self.iteration} E≈{self.decimal('E'):f}>"
        )

    # -- members of the single sample ---------------------------------------------------------------

    def _single(self, member: str) -> SampleTrace:
        if self._batch:
            raise InputError("error_batch_member", member=member, count=len(self._samples),
                             last=len(self._samples) - 1)
        return self._samples[0]

    @property
    def x(self) -> tuple[Any, ...]:
        """The inputs (for a batch, one tuple per sample)."""
        return tuple(s.x for s in self._samples) if self._batch else self._samples[0].x

    @property
    def target(self) -> tuple[Any, ...]:
        """The targets (for a batch, one tuple per sample)."""
        return tuple(s.target for s in self._samples) if self._batch else self._samples[0].target

    @property
    def output(self) -> tuple[Any, ...]:
        """The outputs, exact (for a batch, one tuple per sample)."""
        return tuple(s.output for s in self._samples) if self._batch else self._samples[0].output

    @property
    def loss_terms(self) -> tuple[Any, ...]:
        """Each output's share of E (for a batch, one tuple per sample)."""
        return tuple(s.loss_terms for s in self._samples) if self._batch else self._samples[0].loss_terms

    @property
    def nodes(self) -> tuple[Node, ...]:
        """Forward nodes in order: inputs, then per layer the pre-activations and activations."""
        return self._single("nodes").nodes

    def node(self, name: str) -> Node:
        """The forward node ``name`` (``"x1"``, ``"z3"``, ``"h1"``, ``"o2"``).

        Args:
            name: a forward node name (``"x1"``, ``"z3"``, ``"h1"``, ``"o2"``).

        Returns:
            The node (for a mini-batch, the first sample's).
        """
        return self._single("node()").node(name)

    @property
    def deltas(self) -> Mapping[str, sympy.Expr]:
        """Pre-activation name (``"z3"``) -> exact delta dE/dz."""
        return self._single("deltas").deltas

    @property
    def input_gradient(self) -> Mapping[str, sympy.Expr]:
        """Input name (``"x1"``) -> exact dE/dx."""
        return self._single("input_gradient").input_gradient

    def chain(self, name: str) -> tuple[Step, ...]:
        """The chain-rule factors of dE/d``name`` (see :meth:`SampleTrace.chain`).

        Args:
            name: a parameter, pre-activation or input name (``"w5"``, ``"z3"``).

        Returns:
            The chain-rule factors whose product is dE/d``name``.
        """
        return self._single("chain()").chain(name)

    def formula(self, name: str) -> sympy.Expr:
        """The general formula of dE/d``name`` in symbols, before numbers are substituted.

        Args:
            name: a parameter, pre-activation or input name.

        Returns:
            dE/d``name`` in symbols.
        """
        return self._single("formula()").formula(name)

    # -- internals -------------------------------------------------------------------------------

    def _require_rate(self) -> None:
        if self._rate is None:
            raise InputError("error_no_learning_rate")

    def _parameter(self, name: str) -> str:
        if name not in self._parameters:
            raise InputError(
                "error_not_a_parameter",
                argument="name",
                first=self.network.parameters[0],
                last=self.network.parameters[-1],
                got=repr(name),
                hint=name_hint(str(name), self.network.parameters),
            )
        return name


def _name(name: Any) -> str:
    if isinstance(name, sympy.Symbol):
        name = name.name
    if not isinstance(name, str):
        raise InputTypeError("error_quantity_name_type", argument="name", got=repr(name))
    return _ALIASES.get(name, name)


def _unknown(name: str, nodes: Mapping[str, Node]) -> InputError:
    return InputError(
        "error_not_a_quantity",
        argument="name",
        names=_describe(nodes),
        got=repr(name),
        hint=name_hint(name, list(nodes)),
    )


class _SymbolValues(Mapping):
    def __init__(self, nodes: Mapping[str, Node]) -> None:
        self._nodes = nodes

    def __getitem__(self, symbol: sympy.Symbol) -> sympy.Expr:
        return self._nodes[symbol.name].value

    def __iter__(self) -> Iterator[sympy.Symbol]:
        return (sympy.Symbol(name) for name in self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)


def _is_batch(values: object) -> bool:
    if type(values).__module__ == "numpy":
        return getattr(values, "ndim", None) == 2
    return (
        isinstance(values, Sequence)
        and not isinstance(values, str | bytes)
        and len(values) > 0
        and all(
            (isinstance(v, Sequence) and not isinstance(v, str | bytes)) or type(v).__module__ == "numpy"
            for v in values
        )
    )


def _samples(
    net: Network, x: object, target: object
) -> tuple[list[tuple[list[Fraction], list[Fraction]]], bool]:
    batch_x, batch_t = _is_batch(x), _is_batch(target)
    if isinstance(x, Sequence) and not isinstance(x, str | bytes) and len(x) == 0:
        raise InputError("error_batch_empty", argument="x", got="[]")
    if not batch_x and not batch_t:
        xs = parse_vector(x, net.sizes[0], "x")
        ts = parse_vector(target, net.sizes[-1], "target")
        _check_targets(net, ts, "target")
        return [(xs, ts)], False
    if batch_x != batch_t:
        given, other = ("x", "target") if batch_x else ("target", "x")
        raise InputError("error_batch_mismatch", given=given, other=other, got=repr(target if batch_x else x))
    # Both are batches: sequences of samples or 2-D arrays (len() and iteration are all this uses).
    xs_all, ts_all = cast("Sequence[object]", x), cast("Sequence[object]", target)
    if len(xs_all) != len(ts_all):
        raise InputError("error_batch_counts", inputs=len(xs_all), targets=len(ts_all))
    data = []
    for index, (xi, ti) in enumerate(zip(xs_all, ts_all, strict=True)):
        xs = parse_vector(xi, net.sizes[0], f"x[{index}]")
        ts = parse_vector(ti, net.sizes[-1], f"target[{index}]")
        _check_targets(net, ts, f"target[{index}]")
        data.append((xs, ts))
    return data, True


def derive(
    net: Network,
    x: Sequence[ExactInput] | Sequence[Sequence[ExactInput]],
    target: Sequence[ExactInput] | Sequence[Sequence[ExactInput]],
    weights: ParameterValues,
    biases: ParameterValues | None = None,
    learning_rate: ExactInput | None = None,
) -> Trace:
    """Derive every forward and backward quantity exactly; see :class:`Trace`.

    ``x`` and ``target`` are one sample (a list of numbers each) or a mini-batch (a list of
    samples each: the loss is the mean of the samples' losses, the gradient the mean of
    theirs). Numbers may be ints, decimal or ``p/q`` strings, Fractions, SymPy Rationals or
    floats (taken by their shortest repr: 0.1 means 1/10); strings are parsed as decimals,
    never evaluated. ``weights`` and ``biases`` may also hold exact values of another trace
    (``tr.updated``). Without ``learning_rate`` everything but ``updated`` and ``next()`` is
    available.

    Args:
        net: the network (sizes, activations, loss, bias).
        x: one sample's inputs, or a mini-batch (one list of inputs per sample).
        target: the target outputs, shaped like ``x``.
        weights: the weights, a sequence in naming order (``w1``, ``w2``, ...) or a mapping name ->
            value.
        biases: the biases likewise; None for a network without bias.
        learning_rate: the rate of the update step; None derives no update.

    Returns:
        The :class:`Trace` of every quantity, exact.

    Raises:
        nnref.errors.InputError: a value or a shape the network cannot take (the message names the
            argument).

    >>> from nnref.network import Network
    >>> derive(Network((1, 1), "identity"), x=[2], target=[1], weights=["0.5"]).gradient["w1"]
    0
    >>> derive(Network((1, 1), "step"), x=[2], target=[1], weights=["0.5"])
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: activation[0] is 'step': its derivative is 0 everywhere except ...
    """
    if not isinstance(net, Network):
        raise InputTypeError("error_net_type", argument="net", got=f"{type(net).__name__} {net!r}")
    net.check_differentiable()
    data, batch = _samples(net, x, target)
    parameters = rational_parameters(net, weights, biases)
    rate = None
    if learning_rate is not None:
        rate = given_node("alpha", Kind.RATE, parse_positive_finite(learning_rate, "learning_rate"))
    return Trace(net, data, parameters, rate, iteration=0, batch=batch)
