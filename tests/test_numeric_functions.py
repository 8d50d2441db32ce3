"""Numeric activations and losses: table keys, stability at ±1000, derivatives against differences."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from nnref import registry
from nnref.network import ACTIVATION_NAMES, LOSS_NAMES
from nnref.numeric.functions import (
    ACTIVATIONS,
    FROM_LOGITS,
    LOSSES,
    bce_from_logits,
    cce_from_logits,
    log_softmax,
    output_rule,
    softplus,
)

EXTREME = np.array([[-1000.0, -1.0, 0.0, 1.0, 1000.0], [1000.0, 999.0, -1000.0, 3.0, -2.0]])


def test_tables_have_exactly_the_network_names() -> None:
    assert set(ACTIVATIONS) == set(ACTIVATION_NAMES)
    assert set(LOSSES) == set(LOSS_NAMES)
    assert all(ACTIVATIONS[name].name == name for name in ACTIVATIONS)
    assert all(LOSSES[name].name == name for name in LOSSES)


@pytest.fixture
def strict_floats():
    """Every floating-point problem (overflow, underflow, invalid, divide) and warning is an error."""
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        yield


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activations_are_finite_at_plus_minus_1000(name: str, strict_floats: None) -> None:
    activation = ACTIVATIONS[name]
    a = activation.forward(EXTREME)
    assert np.isfinite(a).all()
    out = np.empty_like(EXTREME)
    assert activation.forward(EXTREME, out=out) is out
    np.testing.assert_array_equal(out, a)
    if activation.differentiable:
        grad = activation.backward(EXTREME, a, np.ones_like(EXTREME))
        assert np.isfinite(grad).all()


def test_activation_values_at_the_extremes(strict_floats: None) -> None:
    z = np.array([[-1000.0, 0.0, 1000.0]])
    assert ACTIVATIONS["sigmoid"].forward(z).tolist() == [[pytest.approx(0.0, abs=1e-300), 0.5, 1.0]]
    assert ACTIVATIONS["tanh"].forward(z).tolist() == [[-1.0, 0.0, 1.0]]
    assert ACTIVATIONS["relu"].forward(z).tolist() == [[0.0, 0.0, 1000.0]]
    assert ACTIVATIONS["step"].forward(z).tolist() == [[0.0, 0.0, 1.0]]  # step(0) = 0
    softmax = ACTIVATIONS["softmax"].forward(np.array([[1000.0, 1000.0, -1000.0]]))
    assert softmax[0, :2].tolist() == [0.5, 0.5] and softmax[0, 2] < 1e-300


def test_sigmoid_matches_the_textbook_formula_where_that_is_safe() -> None:
    z = np.linspace(-30, 30, 121).reshape(11, 11)
    np.testing.assert_allclose(ACTIVATIONS["sigmoid"].forward(z), 1 / (1 + np.exp(-z)), rtol=1e-15)


def test_relu_derivative_at_zero_is_zero() -> None:
    z = np.array([[-1.0, 0.0, 2.0]])
    a = ACTIVATIONS["relu"].forward(z)
    assert ACTIVATIONS["relu"].backward(z, a, np.ones_like(z)).tolist() == [[0.0, 0.0, 1.0]]


def test_step_derivative_is_refused_with_the_registry_message() -> None:
    z = np.array([[0.5]])
    with pytest.raises(ValueError) as refused:
        ACTIVATIONS["step"].backward(z, z, z)
    assert str(refused.value) == str(registry.not_differentiable("step", "activation"))


def _numeric_jacobian(function, z: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """J[k, j] = d f_k / d z_j for one row z, by central differences."""
    width = z.shape[1]
    jacobian = np.empty((width, width))
    for j in range(width):
        up, down = z.copy(), z.copy()
        up[0, j] += h
        down[0, j] -= h
        jacobian[:, j] = (function(up) - function(down))[0] / (2 * h)
    return jacobian


@pytest.mark.parametrize("name", [n for n in sorted(ACTIVATIONS) if ACTIVATIONS[n].differentiable])
def test_backward_is_the_vector_jacobian_product(name: str) -> None:
    rng = np.random.default_rng(3)
    activation = ACTIVATIONS[name]
    z = rng.uniform(-2, 2, size=(1, 4))
    z[np.abs(z) < 0.1] += 0.5  # keep off the ReLU kink
    g = rng.normal(size=(1, 4))
    expected = g @ _numeric_jacobian(activation.forward, z)
    got = activation.backward(z, activation.forward(z), g)
    np.testing.assert_allclose(got, expected, rtol=1e-7, atol=1e-9)
    into = g.copy()  # out may be the incoming gradient itself
    activation.backward(z, activation.forward(z), into, out=into)
    np.testing.assert_allclose(into, got, rtol=0, atol=0)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss_gradient_against_differences(name: str) -> None:
    rng = np.random.default_rng(5)
    o = rng.uniform(0.05, 0.95, size=(3, 4))
    o /= o.sum(axis=1, keepdims=True) if name == "cce" else 1.0
    t = np.eye(4)[[0, 2, 3]] if name == "cce" else rng.uniform(0, 1, size=(3, 4))
    loss = LOSSES[name]
    numeric = np.empty_like(o)
    h = 1e-6
    for index in np.ndindex(o.shape):
        up, down = o.copy(), o.copy()
        up[index] += h
        down[index] -= h
        numeric[index] = (loss.value(up, t) - loss.value(down, t))[index[0]] / (2 * h)
    np.testing.assert_allclose(loss.gradient(o, t), numeric, rtol=1e-7)


def test_loss_definitions_per_sample() -> None:
    o = np.array([[0.2, 0.7, 0.1]])
    t = np.array([[0.0, 1.0, 0.0]])
    assert LOSSES["sse"].value(o, t)[0] == pytest.approx(0.5 * (0.04 + 0.09 + 0.01))
    assert LOSSES["mse"].value(o, t)[0] == pytest.approx((0.04 + 0.09 + 0.01) / 3)
    assert LOSSES["cce"].value(o, t)[0] == pytest.approx(-math.log(0.7))
    bce = -(math.log(0.8) + math.log(0.7) + math.log(0.9)) / 3
    assert LOSSES["bce"].value(o, t)[0] == pytest.approx(bce)


def test_probability_losses_stay_finite_at_0_and_1(strict_floats: None) -> None:
    o = np.array([[0.0, 1.0]])
    for t in (np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])):
        for name in ("bce", "cce"):
            assert np.isfinite(LOSSES[name].value(o, t)).all()
            assert np.isfinite(LOSSES[name].gradient(o, t)).all()


def test_from_logits_equals_the_loss_of_the_activation_for_moderate_inputs() -> None:
    rng = np.random.default_rng(7)
    z = rng.normal(scale=3, size=(5, 3))
    t_soft = rng.dirichlet(np.ones(3), size=5)
    t_bin = rng.uniform(0, 1, size=(5, 3))
    sigmoid, softmax = ACTIVATIONS["sigmoid"].forward(z), ACTIVATIONS["softmax"].forward(z)
    np.testing.assert_allclose(bce_from_logits(z, t_bin), LOSSES["bce"].value(sigmoid, t_bin), rtol=1e-12)
    np.testing.assert_allclose(cce_from_logits(z, t_soft), LOSSES["cce"].value(softmax, t_soft), rtol=1e-12)
    assert set(FROM_LOGITS) == {("sigmoid", "bce"), ("softmax", "cce")}


def test_from_logits_is_exact_where_probabilities_saturate(strict_floats: None) -> None:
    # sigmoid(-1000) and softmax's loser are 0 in float64; the loss from logits is still exactly right.
    assert bce_from_logits(np.array([[-1000.0]]), np.array([[1.0]]))[0] == 1000.0
    assert bce_from_logits(np.array([[1000.0]]), np.array([[1.0]]))[0] == 0.0
    assert cce_from_logits(np.array([[1000.0, -1000.0]]), np.array([[0.0, 1.0]]))[0] == 2000.0
    assert log_softmax(np.array([[0.0, 0.0]])).tolist() == [[-math.log(2)] * 2]
    high, low = softplus(np.array([1000.0, -1000.0])).tolist()
    assert high == 1000.0 and 0.0 <= low < 1e-300  # e^-1000 is below float64; clipped, not an underflow


@pytest.mark.parametrize("pair", sorted(FROM_LOGITS))
def test_forward_with_loss_gives_output_and_summed_loss(pair: tuple[str, str], strict_floats: None) -> None:
    activation, loss = pair
    z = EXTREME.copy()
    t = np.eye(5)[[4, 2]] if loss == "cce" else (EXTREME > 0).astype(float)
    out = np.empty_like(z)
    total = FROM_LOGITS[pair].forward_with_loss(z, t, out)
    np.testing.assert_array_equal(out, ACTIVATIONS[activation].forward(z))
    assert total == pytest.approx(FROM_LOGITS[pair].per_sample(z, t).sum(), rel=1e-15)


def _targets(loss: str, k: int, rng: np.random.Generator) -> np.ndarray:
    if registry.LOSSES[loss].targets == "distribution":
        return rng.dirichlet(np.ones(k), size=4)
    return rng.uniform(0, 1, size=(4, k))


@pytest.mark.parametrize("k", [1, 3])
@pytest.mark.parametrize(("activation", "loss"), registry.pairings())
def test_every_output_rule_equals_the_general_chain_rule(activation: str, loss: str, k: int) -> None:
    # For every pair the registry allows, the rule's delta (shortcut or not) and loss (from logits
    # or not) equal the loss gradient pushed through the activation's backward and the plain loss.
    k = max(k, registry.ACTIVATIONS[activation].min_width)
    rng = np.random.default_rng(11)
    z, t = rng.normal(size=(4, k)), _targets(loss, k, rng)
    rule, act = output_rule(activation, loss, k), ACTIVATIONS[activation]
    o = act.forward(z)
    general = act.backward(z, o, LOSSES[loss].gradient(o, t) * 0.5)
    np.testing.assert_allclose(rule.delta(z, o, t, 0.5, np.empty_like(z)), general, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(rule.per_sample_loss(z, o, t), LOSSES[loss].value(o, t), rtol=1e-12)
    out = np.empty_like(z)
    assert rule.forward_with_loss(z, t, out) == pytest.approx(LOSSES[loss].value(o, t).sum(), rel=1e-12)
    np.testing.assert_array_equal(out, o)


def test_the_shortcut_is_used_exactly_where_the_registry_names_it() -> None:
    used = {pair for pair in registry.pairings() if output_rule(*pair, 3).shortcut is not None}
    assert used == {("identity", "sse"), ("identity", "mse"), ("sigmoid", "bce"), ("softmax", "cce")}
    assert output_rule("sigmoid", "bce", 4).shortcut == 0.25
    assert output_rule("identity", "mse", 4).shortcut == 0.5
