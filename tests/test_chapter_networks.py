"""Chapter 3 (neural networks): the recurrent forward pass in both engines, and its validation."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from nnref.numeric.rnn import RECURRENT_ACTIVATIONS, rnn_forward
from nnref.symbolic.rnn import RECURRENT_ACTIVATIONS as EXACT_ACTIVATIONS
from nnref.symbolic.rnn import rnn_forward_exact

XS = [["1", "0"], ["0.5", "-1"], ["0", "2"], ["-1", "1"]]
W = [["0.5", "-0.3"], ["0.2", "0.8"]]
U = [["0.1", "0.4"], ["-0.6", "0.3"]]
B = ["0.1", "-0.2"]
ONE = {"xs": [[1.0]], "W": [[1.0]], "U": [[1.0]]}
ONE_EXACT = {"xs": [[1]], "W": [[1]], "U": [[1]]}


def _floats(rows: list[list[str]] | list[str]) -> np.ndarray:
    return np.array([[float(Fraction(v)) for v in row] for row in rows]) if isinstance(rows[0], list) \
        else np.array([float(Fraction(v)) for v in rows])


def test_both_engines_know_the_same_activations() -> None:
    assert RECURRENT_ACTIVATIONS == EXACT_ACTIVATIONS


@pytest.mark.parametrize("activation", RECURRENT_ACTIVATIONS)
def test_float64_matches_the_exact_values(activation: str) -> None:
    numeric = rnn_forward(_floats(XS), _floats(W), _floats(U), _floats(B), activation=activation)
    exact = rnn_forward_exact(XS, W, U, B, activation=activation)
    assert numeric.steps == exact.steps == 4
    for t in range(4):
        for i in range(2):
            closed_form = float(exact.h[t][i].evalf(30))  # walks the whole tree: independent of the cache
            assert exact.number(t, i) == pytest.approx(closed_form, rel=1e-15, abs=1e-300)
            assert numeric.h[t, i] == pytest.approx(closed_form, rel=1e-13, abs=1e-15)


def test_the_first_step_is_a_dense_layer_and_later_steps_use_the_previous_state() -> None:
    xs, w, u, b = _floats(XS), _floats(W), _floats(U), _floats(B)
    out = rnn_forward(xs, w, u, b)
    np.testing.assert_allclose(out.h[0], np.tanh(w @ xs[0] + b), rtol=0, atol=1e-15)
    np.testing.assert_allclose(out.h[2], np.tanh(w @ xs[2] + u @ out.h[1] + b), rtol=0, atol=1e-15)
    changed = xs.copy()
    changed[0] += 1.0
    assert not np.allclose(rnn_forward(changed, w, u, b).h[3], out.h[3])  # memory of step 1 reaches step 4
    without_memory = rnn_forward(xs, w, np.zeros((2, 2)), b)
    np.testing.assert_array_equal(rnn_forward(changed, w, np.zeros((2, 2)), b).h[3], without_memory.h[3])


def test_identity_recurrence_is_the_exact_linear_sum() -> None:
    # h_T = sum_t U^(T-t) (W x_t + b) when f is the identity and h0 = 0.
    exact = rnn_forward_exact(XS, W, U, B, activation="identity")
    w, u, b = (sympy.Matrix([[sympy.Rational(v) for v in row] for row in m]) for m in (W, U, [B]))
    expected = sympy.zeros(2, 1)
    for x in XS:
        expected = u * expected + w * sympy.Matrix([sympy.Rational(v) for v in x]) + b.T
    assert list(exact.h[-1]) == list(expected)
    assert all(isinstance(v, sympy.Rational) for v in exact.h[-1])


def test_start_state_h0_enters_the_first_step() -> None:
    exact = rnn_forward_exact([[0]], W=[[1]], U=[["1/2"]], h0=["1/3"], activation="identity")
    assert exact.h[0][0] == sympy.Rational(1, 6)
    numeric = rnn_forward([[0.0]], W=[[1.0]], U=[[0.5]], h0=[1 / 3], activation="identity")
    assert numeric.h[0, 0] == pytest.approx(1 / 6, rel=1e-15)
    assert numeric.h0.tolist() == [1 / 3]


def test_relu_takes_its_zero_branch_exactly() -> None:
    exact = rnn_forward_exact([[1], [1]], W=[["-1/2"]], U=[[1]], b=["1/2"], activation="relu")
    assert exact.z[0][0] == 0 and exact.h[0][0] == 0  # relu(0) = 0 on both engines
    numeric = rnn_forward([[1.0], [1.0]], W=[[-0.5]], U=[[1.0]], b=[0.5], activation="relu")
    assert numeric.h.tolist() == [[0.0], [0.0]]


def test_decimal_rounds_half_up_from_the_exact_value() -> None:
    exact = rnn_forward_exact([[2]], W=[[1]], U=[[0]], activation="sigmoid")
    assert float(exact.decimal(0, 0, 6)) == pytest.approx(1 / (1 + math.exp(-2)), abs=5e-7)
    assert exact.h[0][0].doit() == 1 / (1 + sympy.exp(-2))


@settings(max_examples=25, deadline=None)
@given(
    steps=st.integers(1, 5),
    hidden=st.integers(1, 3),
    n_inputs=st.integers(1, 2),
    activation=st.sampled_from(RECURRENT_ACTIVATIONS),
    data=st.data(),
)
def test_random_small_rnns_agree(steps: int, hidden: int, n_inputs: int, activation: str, data) -> None:
    small = st.integers(-20, 20).map(lambda k: Fraction(k, 10))
    def matrix(rows: int, cols: int) -> list[list[Fraction]]:
        return [data.draw(st.lists(small, min_size=cols, max_size=cols)) for _ in range(rows)]
    xs, w, u = matrix(steps, n_inputs), matrix(hidden, n_inputs), matrix(hidden, hidden)
    b = data.draw(st.lists(small, min_size=hidden, max_size=hidden))
    exact = rnn_forward_exact(xs, w, u, b, activation=activation)
    as_float = lambda m: np.array(m, dtype=float)  # noqa: E731
    numeric = rnn_forward(as_float(xs), as_float(w), as_float(u), as_float(b), activation=activation)
    for t in range(steps):
        for i in range(hidden):
            assert numeric.h[t, i] == pytest.approx(exact.number(t, i), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({**ONE, "activation": "softmax"}, ValueError, "activation must be one of"),
        ({**ONE, "activation": "tahn"}, ValueError, "did you mean 'tanh'"),
        ({**ONE, "activation": 3}, TypeError, "activation must be a string"),
        ({"xs": [1.0, 2.0], "W": [[1.0]], "U": [[1.0]]}, ValueError, "xs must have shape (T, n_inputs)"),
        ({**ONE, "U": [[1.0, 0.0]]}, ValueError, "U must have shape (hidden, hidden) = (1, 1)"),
        ({**ONE, "b": [1.0, 2.0]}, ValueError, "b must have shape (hidden,)"),
        ({**ONE, "h0": [[1.0]]}, ValueError, "h0 must have shape (hidden,)"),
        ({"xs": [[float("nan")]], "W": [[1.0]], "U": [[1.0]]}, ValueError, "xs must contain only finite"),
        ({"xs": "1", "W": [[1.0]], "U": [[1.0]]}, TypeError, "xs must be an array of numbers"),
        ({"xs": [[1.0]], "W": [["a"]], "U": [[1.0]]}, TypeError, "W must be an array of numbers"),
    ],
)
def test_numeric_rejects_bad_input(kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        rnn_forward(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({**ONE_EXACT, "activation": "step"}, ValueError, "activation must be one of"),
        ({"xs": [[1], [1, 2]], "W": [[1]], "U": [[1]]}, ValueError, "same number of inputs at every step"),
        ({"xs": [[1]], "W": [[1]], "U": [[1, 0]]}, ValueError, r"U must have shape \(hidden, hidden\)"),
        ({**ONE_EXACT, "b": ["1", "2"]}, ValueError, "b must have 1 values"),
        ({"xs": [[1]], "W": [["exp(1)"]], "U": [[1]]}, ValueError, r"W\[0\]\[0\] must be a decimal number"),
        ({"xs": [], "W": [[1]], "U": [[1]]}, TypeError, "xs must be a non-empty sequence"),
        ({"xs": [["1/0"]], "W": [[1]], "U": [[1]]}, ValueError, "zero denominator"),
        ({**ONE_EXACT, "h0": "0"}, TypeError, "h0 must be a sequence of 1 numbers"),
    ],
)
def test_exact_rejects_bad_input(kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        rnn_forward_exact(**kwargs)


def test_exact_index_checks() -> None:
    exact = rnn_forward_exact([[1]], W=[[1]], U=[[0]])
    with pytest.raises(ValueError, match="t must be an integer from 0 to 0; got 1"):
        exact.decimal(1, 0)
    with pytest.raises(ValueError, match="unit must be an integer from 0 to 0; got True"):
        exact.number(0, True)
