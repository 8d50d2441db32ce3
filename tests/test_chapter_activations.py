"""Chapter 4 (activation functions): the facts the page states, checked on both engines, and the
page's snippet run for both languages (a failing snippet would fail the strict build later)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy
from site_tools import run_snippets

from nnref.network import Network
from nnref.numeric import MLP
from nnref.numeric.functions import ACTIVATIONS as NUMERIC
from nnref.symbolic.functions import ACTIVATIONS, A, Z, softmax_formula


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "identity"])
def test_textbook_derivatives_equal_sympy_diff(name: str) -> None:
    formula = ACTIVATIONS[name].formula(Z)
    textbook = ACTIVATIONS[name].derivative(Z, A).subs(A, formula)
    assert sympy.simplify(sympy.diff(formula, Z) - textbook) == 0


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "identity"])
def test_numeric_backward_matches_central_differences(name: str) -> None:
    z = np.linspace(-3.05, 3.05, 40).reshape(-1, 1)  # an even count skips z = 0, where relu has a kink
    h = 1e-6
    activation = NUMERIC[name]
    slope = activation.backward(z, activation.forward(z), np.ones_like(z))
    central = (activation.forward(z + h) - activation.forward(z - h)) / (2 * h)
    np.testing.assert_allclose(slope, central, rtol=0, atol=1e-8)


def test_relu_derivative_at_zero_is_zero_in_both_engines() -> None:
    assert ACTIVATIONS["relu"].on_branch(sympy.Integer(0), positive=False) == (0, 0)
    z = np.zeros((1, 1))
    assert NUMERIC["relu"].backward(z, NUMERIC["relu"].forward(z), np.ones((1, 1)))[0, 0] == 0.0
    assert sympy.Heaviside(0) == sympy.Rational(1, 2)  # why nnref never uses SymPy's Heaviside


def test_sigmoid_derivative_peaks_at_one_quarter() -> None:
    derivative = sympy.diff(ACTIVATIONS["sigmoid"].formula(Z), Z)
    assert sympy.solve(sympy.diff(derivative, Z), Z) == [0]
    assert derivative.subs(Z, 0) == sympy.Rational(1, 4)
    z = np.linspace(-10, 10, 2001).reshape(-1, 1)
    a = NUMERIC["sigmoid"].forward(z)
    slope = NUMERIC["sigmoid"].backward(z, a, np.ones_like(z))
    assert slope.max() == pytest.approx(0.25, abs=1e-15) and (slope <= 0.25).all()


def test_two_class_softmax_is_the_sigmoid_of_the_difference() -> None:
    z1, z2 = sympy.symbols("z1 z2")
    assert sympy.simplify(softmax_formula((z1, z2))[0] - ACTIVATIONS["sigmoid"].formula(z1 - z2)) == 0
    z = np.array([[3.0, -1.5], [0.2, 0.7], [-800.0, 800.0]])
    difference = NUMERIC["sigmoid"].forward(z[:, :1] - z[:, 1:])[:, 0]
    np.testing.assert_allclose(NUMERIC["softmax"].forward(z)[:, 0], difference, rtol=1e-12, atol=1e-300)


def test_softmax_outputs_sum_to_one_exactly_and_in_float64() -> None:
    exact = softmax_formula([sympy.Integer(2), sympy.Integer(1), sympy.Rational(1, 10)])
    assert sympy.simplify(sympy.Add(*exact)) == 1
    rng = np.random.default_rng(1)
    out = NUMERIC["softmax"].forward(rng.normal(scale=5.0, size=(50, 4)))
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=0, atol=4e-16)


def test_two_linear_layers_collapse_to_one_in_the_float64_engine() -> None:
    deep = MLP(Network((3, 4, 2), "identity", "sse", bias=True), seed=3)
    rng = np.random.default_rng(3)
    for layer in range(2):  # nonzero biases, so the collapse is not trivial
        deep.biases[layer][:] = rng.normal(size=deep.biases[layer].shape)
    (W1, W2), (b1, b2) = deep.weights, deep.biases
    X = rng.normal(size=(5, 3))
    np.testing.assert_allclose(deep.predict(X), X @ (W1 @ W2) + (b1 @ W2 + b2), rtol=1e-12, atol=1e-12)


def test_deep_sigmoid_gradients_vanish_towards_the_input() -> None:
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(32, 4)), rng.normal(size=(32, 1))
    sizes = (4,) + (8,) * 8 + (1,)
    means = {}
    for hidden in ("sigmoid", "relu"):
        net = Network(sizes, (hidden,) * 8 + ("identity",), "sse")
        gradient = MLP(net, seed=0).gradient(X, Y)
        means[hidden] = [np.mean([abs(gradient[n]) for row in net.layer_weight_names(layer) for n in row])
                         for layer in range(net.n_layers)]
    sigmoid = means["sigmoid"]
    assert all(a < b for a, b in itertools.pairwise(sigmoid))  # shrinks layer by layer
    assert sigmoid[0] / sigmoid[-1] < 0.25 ** 4 < means["relu"][0] / means["relu"][-1]



@pytest.mark.parametrize("lang", ["ko", "en"])
def test_page_snippet_runs_in_both_languages(lang: str) -> None:
    page = run_snippets("plotting.py", "words.py", "activations.py")
    for name in ("step", "sigmoid", "tanh", "relu"):
        assert "$$" in page["activation_markdown"](name, lang)
    assert ("그 외" in page["activation_markdown"]("step", lang)) == (lang == "ko")
    assert page["sigmoid_bound_markdown"]().count("\\frac{1}{4}") == 2
    table = page["softmax_table"](lang)
    assert "\\(1\\)" in table and table.count("\n") == 5
    assert page["xor_hidden_table"](lang).count("\n") == 6
    plot = page["deep_gradient_plot"](lang)
    assert plot.startswith('<div class="nnref-plot">') and ("층 번호" in plot) == (lang == "ko")
