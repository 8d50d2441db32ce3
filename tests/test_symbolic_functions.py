"""Activation and loss tables of the symbolic engine, their conventions, and the o − t shortcut."""

from __future__ import annotations

import pytest
import sympy

from nnref import registry
from nnref.network import ACTIVATION_NAMES, LOSS_NAMES, Network
from nnref.symbolic import derive, forward
from nnref.symbolic.functions import (
    ACTIVATIONS,
    LOSSES,
    A,
    Z,
    activation_derivative,
    loss_derivative,
    loss_term,
)
from nnref.symbolic.shortcut import output_shortcut


def test_table_keys_equal_the_network_names():
    assert tuple(ACTIVATIONS) == ACTIVATION_NAMES
    assert tuple(LOSSES) == LOSS_NAMES


@pytest.mark.parametrize("name", ["identity", "sigmoid", "tanh"])
def test_derivative_in_terms_of_a_equals_diff(name):
    formula = ACTIVATIONS[name].formula(Z)
    written = activation_derivative(name).xreplace({A: formula})
    assert sympy.simplify(written - sympy.diff(formula, Z)) == 0


@pytest.mark.parametrize("z", [sympy.Rational(-3, 2), sympy.Rational(1, 3)])
def test_relu_derivative_matches_diff_away_from_zero(z):
    diff = sympy.diff(ACTIVATIONS["relu"].formula(Z), Z).xreplace({Z: z})
    assert activation_derivative("relu").xreplace({Z: z}) == diff


def test_relu_derivative_at_zero_is_zero_not_half():
    # z1 = 1*1 + (-1)*1 = 0 exactly: relu'(0) must be 0 (SymPy's Heaviside(0) is 1/2).
    net = Network((2, 1), activation="relu", loss="sse")
    tr = derive(net, x=[1, 1], target=[1], weights=[1, -1])
    assert tr.node("z1").value == 0
    assert tr.quantity("do1/dz1").value == 0
    assert tr.gradient == {"w1": 0, "w2": 0}
    assert sympy.Heaviside(0) == sympy.Rational(1, 2)  # the trap this convention avoids


def test_relu_branch_of_a_tiny_positive_closed_form():
    # z2 = h1 - 1/2 with h1 = sigmoid(1e-30): positive by about 2.5e-31, far below float64.
    net = Network((1, 1, 1), activation=("sigmoid", "relu"), loss="sse", bias=True)
    tr = derive(net, x=["1e-30"], target=[0], weights=[1, 1], biases=[0, "-0.5"])
    assert tr.quantity("do1/dz2").value == 1
    assert (tr.node("o1").value - tr.node("z2").value).doit() == 0  # relu(z2) = z2 on this branch
    assert sympy.N(tr.node("o1").value, 50) > 0


@pytest.mark.parametrize("sizes", [(2, 1), (2, 2, 1)])
def test_step_is_refused_by_derive_but_runs_forward(sizes):
    net = Network(sizes, activation="step", loss="sse", bias=True)
    n = len(net.parameters)
    with pytest.raises(ValueError) as by_derive:
        derive(net, x=[0, 1], target=[1], weights=[1] * net.n_weights, biases=[0] * net.n_biases)
    assert str(by_derive.value) == str(registry.not_differentiable("step", "activation[0]"))
    with pytest.raises(ValueError) as by_table:
        activation_derivative("step")
    assert str(by_table.value) == str(registry.not_differentiable("step", "activation"))
    assert forward(net, [0, 1], [1] * net.n_weights, [0] * (n - net.n_weights)) == (1,)


def test_step_of_zero_is_zero():
    net = Network((1, 1), activation="step", loss="sse", bias=False)
    assert forward(net, [0], [5]) == (0,)
    assert forward(net, ["0.001"], [5]) == (1,)


@pytest.mark.parametrize("n_outputs", [1, 3])
def test_loss_scaling_per_k(n_outputs):
    o, t = sympy.symbols("o t")
    assert loss_term("sse", n_outputs) == sympy.Rational(1, 2) * (t - o) ** 2
    assert loss_term("mse", n_outputs) == (t - o) ** 2 / n_outputs
    assert loss_term("cce", n_outputs) == -t * sympy.log(o)
    bce = -(t * sympy.log(o) + (1 - t) * sympy.log(1 - o)) / n_outputs
    assert sympy.simplify(loss_term("bce", n_outputs) - bce) == 0
    assert sympy.simplify(loss_derivative("bce", n_outputs) - sympy.diff(bce, o)) == 0


@pytest.mark.parametrize(
    ("activation", "loss", "n_outputs"),
    [
        ("identity", "sse", 2),
        ("sigmoid", "bce", 2),
        ("sigmoid", "bce", 3),
        ("softmax", "cce", 2),
        ("softmax", "cce", 3),
    ],
)
def test_shortcut_o_minus_t_holds_for_canonical_pairs(activation, loss, n_outputs):
    result = output_shortcut(activation, loss, n_outputs)
    assert result.holds
    o1, t1 = sympy.symbols("o1 t1")
    assert result.in_outputs == result.scale * (o1 - t1)
    assert result.scale == (sympy.Rational(1, n_outputs) if loss == "bce" else 1)


@pytest.mark.parametrize(("activation", "loss"), [("sigmoid", "mse"), ("sigmoid", "sse"), ("tanh", "sse")])
def test_shortcut_fails_for_other_pairs(activation, loss):
    result = output_shortcut(activation, loss, 2)
    assert not result.holds
    # and the failure is real: the derived delta differs from c (o1 - t1) at a concrete point
    point = {sympy.Symbol("z1"): sympy.Rational(1, 3), sympy.Symbol("z2"): 0, sympy.Symbol("t1"): 0}
    assert sympy.N((result.delta - result.claim).xreplace(point), 30) != 0


def test_sigmoid_mse_delta_is_the_chain_product():
    o1, t1 = sympy.symbols("o1 t1")
    result = output_shortcut("sigmoid", "mse", 2)
    assert sympy.expand(result.in_outputs - (o1 - t1) * o1 * (1 - o1)) == 0
