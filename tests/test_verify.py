"""Three-way agreement: exact (SymPy) vs NumPy vs central differences, on the example and at random."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nnref.examples import WIKIDOCS_07_05 as EX
from nnref.network import Network
from nnref.verify import (
    CENTRAL_TOLERANCE,
    HIDDEN_ACTIVATIONS,
    NUMPY_TOLERANCE,
    OUTPUT_PAIRINGS,
    exact_gradient,
    numpy_gradient,
    verify,
    verify_random,
)


def test_wikidocs_example_agrees_three_ways() -> None:
    report = verify(EX.network, EX.x, EX.target, EX.weights)
    assert report.ok
    assert report.numpy_difference <= NUMPY_TOLERANCE
    assert report.central_difference <= CENTRAL_TOLERANCE
    assert set(report.exact) == set(report.numpy) == set(report.central) == set(EX.network.parameters)
    # 30 decimals of the exact value, and the published 8-decimal dE/dw5 inside it
    assert report.exact["w5"].as_tuple().exponent == -30
    assert report.exact["w5"].quantize(Decimal("1e-8")) == Decimal("0.02592286")


def _scaled(factor: int, key: str):
    def wrong(net, x, target, parameters):
        right = exact_gradient(net, x, target, parameters)
        return {**right, key: right[key] * factor}

    return wrong


@pytest.mark.parametrize("key", ["w5", "w1", "w8"])
def test_a_wrong_exact_gradient_is_caught_by_both_other_ways(key: str) -> None:
    report = verify(EX.network, EX.x, EX.target, EX.weights, exact=_scaled(2, key))
    assert not report.ok
    assert not report.numpy_ok and not report.central_ok
    assert report.numpy_worst == key and report.central_worst == key


def test_a_wrong_numpy_gradient_is_caught() -> None:
    def sign_flipped(net, x, target, parameters):
        right = numpy_gradient(net, x, target, parameters)
        return {**right, "w3": -right["w3"]}

    report = verify(EX.network, EX.x, EX.target, EX.weights, numpy=sign_flipped)
    assert not report.ok and report.numpy_worst == "w3" and report.central_ok


def test_a_tiny_error_passes_central_but_not_numpy_tolerance() -> None:
    def nudged(net, x, target, parameters):
        right = exact_gradient(net, x, target, parameters)
        return {**right, "w2": right["w2"] * (1 + Decimal("1e-9"))}

    report = verify(EX.network, EX.x, EX.target, EX.weights, exact=nudged)
    assert report.central_ok and not report.numpy_ok and not report.ok


def test_missing_parameter_and_bad_input_are_reported() -> None:
    def partial(net, x, target, parameters):
        right = exact_gradient(net, x, target, parameters)
        del right["w4"]
        return right

    with pytest.raises(ValueError, match=r"missing \['w4'\]"):
        verify(EX.network, EX.x, EX.target, EX.weights, numpy=partial)
    with pytest.raises(ValueError, match="x must have 2 values and target 2"):
        verify(EX.network, ["0.1"], EX.target, EX.weights)
    with pytest.raises(ValueError, match="weights"):
        verify(EX.network, EX.x, EX.target, EX.weights[:-1])
    with pytest.raises(ValueError, match="w1 must be a decimal number"):
        verify(EX.network, EX.x, EX.target, ["__import__('os')", *EX.weights[1:]])


def test_verify_random_is_reproducible_and_agrees() -> None:
    first, again = verify_random(6, seed=3), verify_random(6, seed=3)
    assert [r.summary() for r in first] == [r.summary() for r in again]
    assert all(r.ok for r in first), [r.summary() for r in first if not r.ok]


# -- hypothesis: random networks --------------------------------------------------------------------

rationals = st.fractions(min_value=-1, max_value=1, max_denominator=64)


@st.composite
def cases(draw: st.DrawFn):
    hidden = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    output, loss = draw(st.sampled_from(OUTPUT_PAIRINGS))
    width_out = draw(st.integers(2 if output == "softmax" else 1, 4))
    sizes = (draw(st.integers(1, 4)), *hidden, width_out)
    activations = (*(draw(st.sampled_from(HIDDEN_ACTIVATIONS)) for _ in hidden), output)
    net = Network(sizes, activations, loss, bias=draw(st.booleans()))
    x = [draw(rationals) for _ in range(sizes[0])]
    if loss == "cce":
        counts = draw(st.lists(st.integers(0, 4), min_size=width_out, max_size=width_out).filter(any))
        target = [Fraction(c, sum(counts)) for c in counts]
    elif loss == "bce":
        target = [draw(st.fractions(0, 1, max_denominator=16)) for _ in range(width_out)]
    else:
        target = [draw(rationals) for _ in range(width_out)]
    weights = [draw(rationals) for _ in range(net.n_weights)]
    biases = [draw(rationals) for _ in range(net.n_biases)] if net.bias else None
    return net, x, target, weights, biases


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_random_networks_agree_three_ways(case) -> None:
    net, x, target, weights, biases = case
    report = verify(net, x, target, weights, biases)
    # Near a ReLU kink the loss has no derivative to approximate, and an exact z = 0 may round
    # to either side in float64: such a case compares nothing and is drawn again.
    assume(not report.kinks)
    assert report.numpy_difference <= NUMPY_TOLERANCE, report.summary()
    assert report.central_difference <= CENTRAL_TOLERANCE, report.summary()
    assert report.ok
