"""The Trace API of the symbolic engine beyond the published numbers."""

from __future__ import annotations

import decimal
import itertools
from decimal import Decimal
from fractions import Fraction

import mpmath
import pytest
import sympy

from nnref.network import Network
from nnref.symbolic import Kind, Node, Step, Trace, derive, forward
from nnref.symbolic.precision import evaluate

WIKIDOCS = {
    "x": ["0.1", "0.2"],
    "target": ["0.4", "0.6"],
    "weights": ["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"],
    "learning_rate": "0.5",
}


@pytest.fixture(scope="module")
def tr() -> Trace:
    return derive(Network((2, 2, 2)), **WIKIDOCS)


def test_nodes_in_order_with_names_and_notation(tr):
    assert [n.name for n in tr.nodes] == ["x1", "x2", "z1", "z2", "h1", "h2", "z3", "z4", "o1", "o2"]
    kinds = [Kind.INPUT] * 2 + [Kind.PRE] * 2 + [Kind.ACT] * 2 + [Kind.PRE] * 2 + [Kind.OUTPUT] * 2
    assert [n.kind for n in tr.nodes] == kinds
    assert [n.kind.value for n in tr.nodes][2:5] == ["pre-activation", "pre-activation", "activation"]
    z3 = tr.node("z3")
    assert isinstance(z3, Node) and (z3.layer, z3.index) == (2, 1)
    assert (z3.latex, z3.general_latex, tr.node("h1").general_latex) == (
        "z_{3}",
        "z^{(2)}_{1}",
        "a^{(1)}_{1}",
    )
    w5, w6, h1, h2 = sympy.symbols("w5 w6 h1 h2")
    assert z3.formula == w5 * h1 + w6 * h2
    assert tr.node("o1").formula == 1 / (1 + sympy.exp(-sympy.Symbol("z3")))


def test_attributes_are_exact(tr):
    assert tr.x == (sympy.Rational(1, 10), sympy.Rational(1, 5))
    assert tr.target == (sympy.Rational(2, 5), sympy.Rational(3, 5))
    assert tr.learning_rate == sympy.Rational(1, 2)
    assert tr.parameters["w5"] == sympy.Rational(9, 20)
    assert len(tr.output) == 2 and len(tr.loss_terms) == 2
    assert (sympy.Add(*tr.loss_terms) - tr.loss).doit() == 0
    assert tr.quantity("E_o1").formula == (sympy.Symbol("t1") - sympy.Symbol("o1")) ** 2 / 2


def test_formula_is_general_and_chain_labels_have_latex(tr):
    assert tr.formula("w5").free_symbols == set(sympy.symbols("h1 o1 t1"))
    assert tr.formula("w1").free_symbols == set(sympy.symbols("h1 o1 o2 t1 t2 w5 w7 x1"))
    step = tr.chain("w5")[0]
    assert isinstance(step, Step)
    assert step.latex == r"\frac{\partial E}{\partial o_{1}}"
    assert step.formula == sympy.Symbol("o1") - sympy.Symbol("t1")


def test_update_is_simultaneous_and_next_continues(tr):
    updated = tr.updated
    assert set(updated) == set(tr.network.parameters)
    for name in tr.network.parameters:
        # exact values, evaluated at 256 bits (shared subexpressions once)
        # the closed forms, evaluated by plain mpmath at 256 bits: a route independent of the node graph
        gradient = evaluate(tr.gradient[name].doit())
        expected = evaluate(tr.parameters[name]) - evaluate(tr.learning_rate) * gradient
        assert abs(evaluate(updated[name].doit()) - expected) < 1e-70
        assert abs(tr.quantity(f"{name}+").number - expected) < 1e-70
    after = tr.next()
    assert after.iteration == 1 and after.next().iteration == 2
    assert after.parameters["w5"] is updated["w5"]
    assert after.decimal("w5") == tr.decimal("w5+")
    losses = [tr.quantity("E").number]
    state = tr
    for _ in range(5):
        state = state.next()
        losses.append(state.quantity("E").number)
    assert all(b < a for a, b in itertools.pairwise(losses))


def test_without_learning_rate_there_is_no_update():
    tr = derive(Network((2, 2, 2)), x=WIKIDOCS["x"], target=WIKIDOCS["target"], weights=WIKIDOCS["weights"])
    assert tr.learning_rate is None
    with pytest.raises(ValueError, match="learning_rate was not given"):
        tr.updated  # noqa: B018
    with pytest.raises(ValueError, match="learning_rate"):
        tr.next()


@pytest.mark.parametrize("rate", ["0", "-0.5", "nan", "1/0", 0.0])
def test_bad_learning_rate_is_refused(rate):
    with pytest.raises(ValueError, match="learning_rate must be a finite number > 0"):
        derive(Network((2, 2, 2)), **{**WIKIDOCS, "learning_rate": rate})


def test_unknown_names_get_a_hint(tr):
    with pytest.raises(ValueError, match="did you mean 'dE/dw5'"):
        tr.quantity("dE/dw55")
    with pytest.raises(ValueError, match="parameter of this network"):
        tr.chain("w9")
    with pytest.raises(ValueError, match="node name"):
        tr.node("E")


def test_every_label_of_every_chain_is_a_quantity(tr):
    for name in tr.network.parameters:
        steps = list(tr.chain(name))
        while steps:
            step = steps.pop()
            assert tr.quantity(step.label) is step
            steps += [*step.terms, *step.factors]
    assert tr.quantity("dz3/dh1").value == sympy.Rational(9, 20)
    assert tr.quantity(sympy.Symbol("w5")).value == sympy.Rational(9, 20)
    assert tr.symbol_values[sympy.Symbol("t2")] == sympy.Rational(3, 5)
    assert tr.quantity("E_total") is tr.quantity("E")


def test_bias_chain_ends_in_one():
    net = Network((2, 2, 2), bias=True)
    tr = derive(net, **{**WIKIDOCS}, biases=["0.35", "0.35", "0.6", "0.6"])
    labels = [s.label for s in tr.chain("b3")]
    assert labels == ["dE/do1", "do1/dz3", "dz3/db3"]
    assert tr.chain("b3")[-1].value == 1
    assert tr.gradient["b3"] == tr.quantity("dE/dz3").value
    assert tr.node("z1").value == sympy.Rational(3, 10) * sympy.Rational(1, 10) + sympy.Rational(
        1, 20
    ) + sympy.Rational(7, 20)


def test_softmax_chain_sums_over_outputs():
    net = Network((2, 3), activation="softmax", loss="cce", bias=True)
    tr = derive(
        net, x=["0.5", "-1"], target=["0.2", "0.3", "0.5"], weights=[1, 2, 3, 4, 5, 6], biases=[0, 0, "0.1"]
    )
    delta, last = tr.chain("w1")
    assert (delta.label, last.label) == ("dE/dz1", "dz1/dw1")
    assert [t.label for t in delta.terms] == ["dE/do1·do1/dz1", "dE/do2·do2/dz1", "dE/do3·do3/dz1"]
    # softmax + cce: dE/dz1 = o1 - t1, exactly (the shortcut), though derived the long way
    assert abs(sympy.N(delta.value - (tr.node("o1").value - sympy.Rational(1, 5)), 50)) < 1e-45
    assert abs(sum(t.number for t in delta.terms) - delta.number) < 1e-70


def test_deeper_hidden_terms_go_through_the_next_layer():
    net = Network((1, 2, 2, 1), activation="tanh", loss="mse")
    tr = derive(
        net, x=["0.5"], target=["0.25"], weights=["0.1", "-0.2", "0.3", "0.4", "-0.5", "0.6", "0.7", "0.8"]
    )
    outer = tr.chain("w1")[0]
    assert outer.label == "dE/dh1"
    assert [t.label for t in outer.terms] == ["dE/dz3·dz3/dh1", "dE/dz4·dz4/dh1"]
    assert [f.label for f in outer.terms[0].factors] == ["dE/dz3", "dz3/dh1"]


def test_decimal_rounds_half_up_exactly_on_rational_boundaries():
    net = Network((1, 1), activation="identity", loss="sse")
    tr = derive(net, x=["0.105"], target=[0], weights=[1])
    assert tr.decimal("o1", 2) == Decimal("0.11")
    assert derive(net, x=["-0.105"], target=[0], weights=[1]).decimal("o1", 2) == Decimal("-0.11")
    assert derive(net, x=["0.104999"], target=[0], weights=[1]).decimal("o1", 2) == Decimal("0.10")
    assert f"{tr.decimal('E', 8):f}" == "0.00551250"
    assert f"{derive(net, x=[0], target=[0], weights=[1]).decimal('E', 3):f}" == "0.000"


def test_decimal_of_a_closed_form_beyond_the_cached_digits(tr):
    many = tr.decimal("h1", 90)
    assert len(str(many)) == 92
    with decimal.localcontext() as context:
        context.prec = 200
        assert many == Decimal(str(sympy.N(tr.node("h1").value, 120))).quantize(Decimal("1e-90"))
        assert tr.decimal("h1", 30) == Decimal(str(sympy.N(tr.node("h1").value, 60))).quantize(
            Decimal("1e-30")
        )


def test_inputs_of_every_kind_mean_the_same_number():
    net = Network((1, 1), activation="sigmoid", loss="sse")
    traces = [
        derive(net, x=[x], target=["1/2"], weights=[2])
        for x in ("0.1", 0.1, Fraction(1, 10), sympy.Rational(1, 10), "1e-1", "1/10")
    ]
    assert len({t.node("o1").value.doit() for t in traces}) == 1
    mapped = derive(net, x=["0.1"], target=[0.5], weights={"w1": "2"})
    assert mapped.node("o1").value.doit() == traces[0].node("o1").value.doit()


@pytest.mark.parametrize(
    ("loss", "activation", "target", "message"),
    [
        ("bce", "sigmoid", ["1.5", "0"], r"\[0, 1\]"),
        ("cce", "softmax", ["0.5", "0.4"], "sum to exactly 1"),
        ("cce", "softmax", ["1.5", "-0.5"], "non-negative"),
    ],
)
def test_targets_are_checked_for_the_loss(loss, activation, target, message):
    net = Network((1, 2), activation=activation, loss=loss)
    with pytest.raises(ValueError, match=message):
        derive(net, x=[1], target=target, weights=[1, 2])


def test_shape_errors_name_the_argument():
    net = Network((2, 2, 2))
    with pytest.raises(ValueError, match="x must have 2 values"):
        derive(net, x=["0.1"], target=WIKIDOCS["target"], weights=WIKIDOCS["weights"])
    with pytest.raises(TypeError, match="target must be a sequence"):
        derive(net, x=WIKIDOCS["x"], target="0.4", weights=WIKIDOCS["weights"])
    with pytest.raises(ValueError, match="weights must have 8 values"):
        derive(net, x=WIKIDOCS["x"], target=WIKIDOCS["target"], weights=["1"])
    with pytest.raises(TypeError, match="net must be a nnref Network"):
        derive("2-2-2", x=WIKIDOCS["x"], target=WIKIDOCS["target"], weights=WIKIDOCS["weights"])


def test_xor_from_perceptrons_runs_forward_exactly():
    # XOR = AND(OR, NAND): hidden units OR and NAND, output AND, all step with bias.
    net = Network((2, 2, 1), activation="step", loss="sse", bias=True)
    weights = [1, 1, -1, -1, 1, 1]
    biases = ["-0.5", "1.5", "-1.5"]
    table = {x: forward(net, x, weights, biases)[0] for x in ((0, 0), (0, 1), (1, 0), (1, 1))}
    assert table == {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 0}


def test_saturated_sigmoid_with_bce_has_the_right_digits():
    # E = -ln σ(200) = ln(1 + e^-200) ≈ e^-200: far beyond any fixed precision, computed exactly.
    net = Network((1, 1), activation="sigmoid", loss="bce")
    tr = derive(net, x=[200], target=[1], weights=[1])
    with mpmath.workdps(60):
        expected = mpmath.log1p(mpmath.exp(-200))
        assert abs(mpmath.mpf(str(sympy.N(tr.loss, 40))) / expected - 1) < mpmath.mpf(10) ** -38
    assert tr.decimal("dE/dw1", 8) == 0 and tr.gradient["w1"] < 0


def test_a_relu_output_at_exactly_zero_after_a_deeper_layer():
    # The output relu's sign was asked for while the sample's names were not registered yet: the
    # hidden node h4 it depends on could not be found (hypothesis drew this network in test_verify).
    # At z = 0 exactly, relu'(0) = 0 (DESIGN's convention): every gradient through the output is 0.
    net = Network((1, 1, 2, 1, 1), ("identity", "sigmoid", "sigmoid", "relu"), "sse", bias=False)
    tr = derive(net, x=[1], target=["0.5"], weights=[1, "-0.375", "-0.75", "2.125", "-1.75", 0])
    assert tr.output == (0,)
    assert tr.loss == Fraction(1, 8)  # (0.5 - 0)^2 / 2
    assert all(tr.gradient[name].doit() == 0 for name in net.parameters)  # exact zeros
    # Away from the kink (w6 > 0) the gradients flow: they agree with the numeric engine's float64.
    from nnref.numeric import MLP

    weights = [1, "-0.375", "-0.75", "2.125", "-1.75", "0.25"]
    moved = derive(net, x=[1], target=["0.5"], weights=weights)
    mlp = MLP.from_network(net, weights=[float(Fraction(w)) for w in weights])
    numeric = mlp.gradient([[1.0]], [[0.5]])
    for name in net.parameters:
        assert float(moved.gradient[name]) == pytest.approx(numeric[name], rel=1e-12, abs=1e-15)
