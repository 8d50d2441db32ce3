"""Backpropagation exercises on small random networks: a forward value, dE/d(a weight or bias).

The networks are 2-2-1 to 2-3-2 with sigmoid, tanh or relu, sse or mse, with or without biases,
and every number is a one-decimal value. The answers are the symbolic engine's exact values
rounded half up (:meth:`nnref.symbolic.Trace.decimal`); the other values a wrong answer is
recognised as are every quantity of the same trace at the same decimals, as ``Trace.check``
looks them up; the solution is the chapters' derivation (:mod:`nnref.render`).

>>> ex = output_gradient(random.Random(3), "en")
>>> ex.ask, ex.places, ex.answer, ex.givens["sizes"]
('dE/dw8', 5, '-0.45069', '2,2,2')
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

import sympy

from nnref.exercises.model import Exercise, others_of
from nnref.exercises.numbers import draw, draw_many, math_list
from nnref.exercises.words import activation_name, loss_name, say
from nnref.network import Network
from nnref.render import chain_markdown, forward_table, loss_markdown, markdown_table
from nnref.render.fmt import paragraphs, symbols_latex, value_text
from nnref.symbolic import Trace, derive
from nnref.symbolic.functions import LOSSES
from nnref.symbolic.names import latex_name

__all__ = [
    "NetworkProblem",
    "derivation",
    "draw_network",
    "drawn",
    "forward_value",
    "hidden_gradient",
    "layer_parameter",
    "output_gradient",
    "trace_exercise",
]

SHAPES: tuple[tuple[int, ...], ...] = ((2, 2, 1), (2, 2, 2), (2, 3, 1), (2, 3, 2))
ACTIVATIONS = ("sigmoid", "tanh", "relu")
LOSSES_DRAWN = ("sse", "sse", "mse")  # the chapters' sse, and now and then mse
RATES = ("0.1", "0.5", "1")
FORWARD_PLACES, GRADIENT_PLACES = 4, 5
ATTEMPTS = 200  # draws until a problem has an answer worth asking (not 0 at the stated decimals)


@dataclass(frozen=True)
class NetworkProblem:
    """A network with one example and its parameter values, as the strings the options take."""

    network: Network
    x: tuple[str, ...]
    target: tuple[str, ...]
    weights: tuple[str, ...]
    biases: tuple[str, ...] | None
    learning_rate: str | None = None

    @cached_property
    def trace(self) -> Trace:
        return derive(self.network, self.x, self.target, self.weights, self.biases, self.learning_rate)

    @property
    def givens(self) -> dict[str, object]:
        """The problem in ``nnref check``'s option names (``--sizes 2,3,1 --activation tanh,sigmoid ...``)."""
        net = self.network
        activations = net.activations
        found: dict[str, object] = {
            "sizes": ",".join(map(str, net.sizes)),
            "activation": activations[0] if len(set(activations)) == 1 else ",".join(activations),
            "loss": net.loss,
            "bias": net.bias,
            "x": ",".join(self.x),
            "target": ",".join(self.target),
            "weights": ",".join(self.weights),
        }
        if self.biases is not None:
            found["biases"] = ",".join(self.biases)
        if self.learning_rate is not None:
            found["lr"] = self.learning_rate
        return found


def _target(rng: random.Random, output: str) -> str:
    low = -1 if output == "tanh" else 0  # a target the output activation can reach
    return draw(rng, low, 1, zero=True)


def draw_network(
    rng: random.Random, shapes: Sequence[tuple[int, ...]] = SHAPES, rate: bool = False
) -> NetworkProblem:
    """A random small network and example (the draws do not depend on the language)."""
    sizes = rng.choice(shapes)
    hidden, output = rng.choice(ACTIVATIONS), rng.choice(ACTIVATIONS)
    loss = rng.choice(LOSSES_DRAWN)
    bias = rng.random() < 0.5
    net = Network(sizes, hidden if hidden == output else (hidden, output), loss, bias)
    x = draw_many(rng, sizes[0], -1, 1)
    target = [_target(rng, output) for _ in range(sizes[-1])]
    weights = draw_many(rng, net.n_weights, -1, 1)
    biases = draw_many(rng, net.n_biases, -0.5, 0.5) if bias else None
    learning_rate = rng.choice(RATES) if rate else None
    return NetworkProblem(
        net, tuple(x), tuple(target), tuple(weights), None if biases is None else tuple(biases), learning_rate
    )


def worth_asking(value: Decimal, places: int) -> bool:
    """At least two significant digits at ``places`` decimals (so a 0 or a 0.00001 is not asked)."""
    return abs(value) >= Decimal(1).scaleb(1 - places)


def drawn(
    rng: random.Random,
    choose: Callable[[random.Random, NetworkProblem], str],
    places: int,
    shapes: Sequence[tuple[int, ...]] = SHAPES,
    rate: bool = False,
    checked: Callable[[str], str] = str,
) -> tuple[NetworkProblem, str]:
    """A network and the quantity ``choose`` picks on it, such that ``checked(name)`` is worth asking."""
    for _ in range(ATTEMPTS):
        problem = draw_network(rng, shapes, rate)
        name = choose(rng, problem)
        if worth_asking(problem.trace.decimal(checked(name), places), places):
            return problem, name
    raise RuntimeError(f"no network in {ATTEMPTS} draws had an answer worth asking")  # pragma: no cover


# -- text ------------------------------------------------------------------------------------------


def _loss_formula(net: Network) -> str:
    outputs, targets = sympy.symbols(f"o1:{net.sizes[-1] + 1}"), sympy.symbols(f"t1:{net.sizes[-1] + 1}")
    terms = [LOSSES[net.loss].term(o, t, net.sizes[-1]) for o, t in zip(outputs, targets, strict=True)]
    return symbols_latex(sympy.Add(*terms))


def _values(tr: Trace, names: list[str] | tuple[str, ...]) -> str:
    return math_list([f"{latex_name(n)} = {value_text(tr.quantity(n))}" for n in names])


def network_text(problem: NetworkProblem, lang: str, rate: bool = False, loss: bool = True) -> str:
    """The question's first part: the network in words, its loss (unless not ``loss``: a forward
    pass needs none), and a table of the givens."""
    net, tr = problem.network, problem.trace
    hidden, output = net.activations[0], net.activations[-1]
    if net.n_layers == 1:
        shape = say("single_neuron", lang, inputs=net.sizes[0])
        act = say("neuron_activation", lang, name=activation_name(output, lang))
    else:
        shape = say(
            "network" if net.sizes[-1] > 1 else "network_one_output",
            lang,
            sizes="-".join(map(str, net.sizes)),
            inputs=net.sizes[0],
            hidden=net.sizes[1],
            outputs=net.sizes[-1],
        )
        act = (
            say("same_activation", lang, name=activation_name(output, lang))
            if hidden == output
            else say(
                "layer_activations",
                lang,
                hidden=activation_name(hidden, lang),
                output=activation_name(output, lang),
            )
        )
    sentences = [shape, act]
    if loss:
        sentences.append(say("loss", lang, name=loss_name(net.loss, lang), formula=_loss_formula(net)))
    sentences += [say("with_bias" if net.bias else "no_bias", lang), say("numbering", lang)]
    rows = [[say("inputs_row", lang), _values(tr, [f"x{i}" for i in range(1, net.sizes[0] + 1)])]]
    if loss:
        rows.append([say("targets_row", lang), _values(tr, [f"t{k}" for k in range(1, net.sizes[-1] + 1)])])
    rows.append([say("weights_row", lang), _values(tr, net.weight_names)])
    if net.bias:
        rows.append([say("biases_row", lang), _values(tr, net.bias_names)])
    sums = [node for node in tr.nodes if node.name.startswith("z")]
    rows.append([say("sums_row", lang), math_list([f"{n.latex} = {symbols_latex(n.formula)}" for n in sums])])
    if rate:
        rows.append([say("rate_row", lang), _values(tr, ["alpha"])])
    table = markdown_table([say("item", lang), say("value", lang)], rows)
    return paragraphs(" ".join(sentences), table)


def answer_sentence(answer: str, places: int | None, lang: str) -> str:
    if places is None:
        return say("answer_exact", lang, answer=answer)
    return say("answer_rounded", lang, places=places, answer=answer)


def round_sentence(places: int | None, lang: str) -> str:
    return say("exact", lang) if places is None else say("round", lang, places=places)


def trace_exercise(
    skill: str,
    problem: NetworkProblem,
    name: str,
    places: int,
    ask: str,
    lang: str,
    solution: list[str],
    forward_only: bool = False,
) -> Exercise:
    """An exercise on ``problem`` asking ``name``; the other values are the trace's, as ``check``
    has them (only the forward pass's for a forward value: the question gives no loss)."""
    tr = problem.trace
    answer = f"{tr.decimal(name, places):f}"
    question = paragraphs(
        network_text(problem, lang, rate=problem.learning_rate is not None, loss=not forward_only),
        f"{ask} {round_sentence(places, lang)}",
    )
    names = [node.name for node in tr.nodes] if forward_only else tr.names
    others = others_of(((n, tr.quantity(n)) for n in names), places, answer)
    return Exercise(
        "",
        skill,
        lang,
        problem.givens,
        name,
        places,
        answer,
        question,
        paragraphs(*solution, answer_sentence(answer, places, lang)),
        others,
    )


def derivation(tr: Trace, name: str, lang: str) -> list[str]:
    """The forward pass, the error and the chain rule of dE/d``name``, as the chapters show them."""
    return [
        say("solve_forward", lang),
        forward_table(tr, lang),
        say("solve_loss", lang),
        loss_markdown(tr, lang),
        chain_markdown(tr, name, lang),
    ]


# -- the skills ------------------------------------------------------------------------------------


def _a_forward_node(rng: random.Random, problem: NetworkProblem) -> str:
    net = problem.network
    outputs = [f"o{k}" for k in range(1, net.sizes[-1] + 1)]
    hidden = [f"h{j}" for j in range(1, net.sizes[1] + 1)] if net.n_layers > 1 else []
    return rng.choice(outputs + outputs + hidden)  # mostly an output


def forward_value(rng: random.Random, lang: str, shapes: Sequence[tuple[int, ...]] = SHAPES) -> Exercise:
    """One forward value (an output, or a hidden activation) at 4 decimals."""
    problem, name = drawn(rng, _a_forward_node, FORWARD_PLACES, shapes)
    tr = problem.trace
    ask = say("ask_forward", lang, node=tr.quantity(name).latex)
    solution = [say("solve_forward", lang), forward_table(tr, lang)]
    return trace_exercise(
        "forward_value", problem, name, FORWARD_PLACES, ask, lang, solution, forward_only=True
    )


def layer_parameter(
    layer: int | None, prefix: str = "dE/d", suffix: str = ""
) -> Callable[[random.Random, NetworkProblem], str]:
    """A chooser of one parameter of ``layer`` (-1: the output layer; None: any), as a quantity name."""

    def choose(rng: random.Random, problem: NetworkProblem) -> str:
        net = problem.network
        layers = range(net.n_layers) if layer is None else [layer % net.n_layers]
        names = [w for index in layers for row in net.layer_weight_names(index) for w in row]
        names += [b for index in layers for b in net.layer_bias_names(index)]
        return prefix + rng.choice(names) + suffix

    return choose


def _gradient(skill: str, layer: int, rng: random.Random, lang: str) -> Exercise:
    problem, name = drawn(rng, layer_parameter(layer), GRADIENT_PLACES)
    tr = problem.trace
    ask = say("ask_gradient", lang, gradient=tr.quantity(name).latex)
    return trace_exercise(
        skill, problem, name, GRADIENT_PLACES, ask, lang, derivation(tr, name.removeprefix("dE/d"), lang)
    )


def output_gradient(rng: random.Random, lang: str) -> Exercise:
    """dE/d(a weight or bias of the output layer) at 5 decimals."""
    return _gradient("output_gradient", -1, rng, lang)


def hidden_gradient(rng: random.Random, lang: str) -> Exercise:
    """dE/d(a weight or bias of the hidden layer) at 5 decimals (a sum over the paths above)."""
    return _gradient("hidden_gradient", 0, rng, lang)
