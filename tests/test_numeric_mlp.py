"""The float64 MLP: parameter layout and values, initialisation, data checks."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from nnref.network import Network
from nnref.numeric.mlp import MLP

NET = Network((2, 3, 2), ("tanh", "sigmoid"), "sse", bias=True)


def test_from_network_places_each_named_value_at_w_src_dest() -> None:
    weights = [Fraction(i, 10) for i in range(1, 13)]  # w1..w12 = 0.1..1.2
    mlp = MLP.from_network(NET, weights=weights, biases=["1", "2", "3", "4", "5"])
    for layer, (w, b) in enumerate(zip(mlp.weights, mlp.biases, strict=True)):
        for dest, row in enumerate(NET.layer_weight_names(layer)):
            for src, name in enumerate(row):
                assert w[src, dest] == int(name[1:]) / 10
        assert b.tolist() == [float(n[1:]) for n in NET.layer_bias_names(layer)]
    assert list(mlp.parameters()) == list(NET.parameters)
    assert mlp.parameters()["w5"] == 0.5 == mlp.get_parameter("w5")


def test_parameter_values_parse_exactly_then_round_to_float64() -> None:
    net = Network((1, 1), "identity", "sse", bias=True)
    values = ["0.1", 0.1, Fraction(1, 10), Decimal("0.1"), "1/10", "1e-1"]
    for value in values:
        assert MLP.from_network(net, weights=[value], biases={"b1": 3}).parameters() == {"w1": 0.1, "b1": 3.0}
    with pytest.raises(ValueError, match=r"w1 must be a decimal number .*got 'exp\(1\)'"):
        MLP.from_network(net, weights=["exp(1)"], biases=[0])
    with pytest.raises(ValueError, match="b1 must be finite; got nan"):
        MLP.from_network(net, weights=[1], biases=[math.nan])


def test_wrong_number_of_weights_or_biases() -> None:
    with pytest.raises(ValueError, match=r"weights must have 12 values \(w1..w12\); got 11"):
        MLP.from_network(NET, weights=[0] * 11, biases=[0] * 5)
    with pytest.raises(ValueError, match=r"biases must have 5 values \(b1..b5\); got 6"):
        MLP.from_network(NET, weights=[0] * 12, biases=[0] * 6)


def test_weights_and_biases_are_the_live_arrays() -> None:
    mlp = MLP(NET, seed=4)
    mlp.weights[1][2, 0] = 7.0  # W[src=h3, dest=o1] is w9 (o1 = w7 h1 + w8 h2 + w9 h3)
    mlp.biases[1][1] = -2.0
    assert mlp.get_parameter("w9") == 7.0 and mlp.get_parameter("b5") == -2.0
    assert [w.shape for w in mlp.weights] == [(2, 3), (3, 2)]
    assert MLP(Network((2, 2), "identity")).biases == ()
    unknown = r"name must be a parameter of this network \(w1..b5\); got 'w13' \(did you mean"
    with pytest.raises(ValueError, match=unknown):
        mlp.set_parameter("w13", 1.0)
    with pytest.raises(ValueError, match="w1 must be finite; got inf"):
        mlp.set_parameter("w1", math.inf)


def test_initialisation_is_seeded_he_for_relu_glorot_otherwise() -> None:
    net = Network((50, 40, 30, 10), ("relu", "tanh", "softmax"), "cce", bias=True)
    first, again, other = MLP(net, seed=1), MLP(net, seed=1), MLP(net, seed=2)
    for a, b in zip(first.weights, again.weights, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first.weights[0], other.weights[0])
    limits = [math.sqrt(6 / 50), math.sqrt(6 / (40 + 30)), math.sqrt(6 / (30 + 10))]
    for w, limit in zip(first.weights, limits, strict=True):
        assert np.abs(w).max() <= limit
        assert np.abs(w).max() > 0.9 * limit  # uniform on [-limit, limit]: the extremes come near it
        assert abs(w.mean()) < 0.1 * limit
    assert all((b == 0).all() for b in first.biases)


def test_predict_and_forward_shapes_and_one_sample_input() -> None:
    mlp = MLP(NET, seed=0)
    X = np.array([[0.1, 0.2], [0.3, -0.4], [1.0, 0.0]])
    out = mlp.predict(X)
    assert out.shape == (3, 2)
    np.testing.assert_array_equal(mlp.predict(X[1]), out[1:2])
    passes = mlp.forward(X)
    assert [z.shape for z in passes.z] == [(3, 3), (3, 2)]
    np.testing.assert_allclose(passes.z[0], X @ mlp.weights[0] + mlp.biases[0], rtol=1e-15)
    np.testing.assert_array_equal(passes.a[0], np.tanh(passes.z[0]))
    out[:] = 0  # a returned array belongs to the caller
    assert mlp.predict(X).any()
    assert mlp.loss(X[0], [0.5, 0.5]) == pytest.approx(0.5 * ((mlp.predict(X[0]) - 0.5) ** 2).sum())


@pytest.mark.parametrize(
    ("X", "Y", "error", "message"),
    [
        ([[1, 2, 3]], [[0, 1]], ValueError, r"X must have shape \(n_samples, 2\).*got shape \(1, 3\)"),
        ([1, 2, 3], [[0, 1]], ValueError, r"X must have shape \(n_samples, 2\).*got shape \(3,\)"),
        (np.zeros((0, 2)), np.zeros((0, 2)), ValueError, r"n_samples >= 1.*got shape \(0, 2\)"),
        ([[1, 2], [3, 4]], [[0, 1]], ValueError, r"Y must have one row per sample of X \(2\); got 1 rows"),
        ([[1, 2]], [[0, 1, 0]], ValueError, r"Y must have shape \(n_samples, 2\).*got shape \(1, 3\)"),
        ([[1, math.nan]], [[0, 1]], ValueError, r"X must contain only finite numbers \(no NaN.*got nan"),
        ([[1, 2]], [[0, math.inf]], ValueError, r"Y must contain only finite numbers.*inf at index \(0, 1\)"),
        ("12", [[0, 1]], TypeError, "X must be an array of numbers; got a string"),
        ([["a", "b"]], [[0, 1]], TypeError, "X must be an array of numbers"),
        ([[1, 2], [3]], [[0, 1]], TypeError, "X must be an array of numbers"),
    ],
)
def test_bad_data(X: object, Y: object, error: type[Exception], message: str) -> None:
    mlp = MLP(NET)
    with pytest.raises(error, match=message):
        mlp.loss(X, Y)
    with pytest.raises(error, match=message):
        mlp.gradient(X, Y)


def test_targets_must_suit_the_loss() -> None:
    bce = MLP(Network((2, 1), "sigmoid", "bce"))
    with pytest.raises(ValueError, match=r"Y must lie in \[0, 1\] for loss 'bce'; got 1.5"):
        bce.loss([[0, 0]], [[1.5]])
    cce = MLP(Network((2, 3), "softmax", "cce"))
    with pytest.raises(ValueError, match=r"row 1 sums to 0.75"):
        cce.loss([[0, 0], [1, 1]], [[0, 1, 0], [0.25, 0.25, 0.25]])
    with pytest.raises(ValueError, match=r"Y must be non-negative for loss 'cce'.*got -0.5"):
        cce.loss([[0, 0]], [[1.5, -0.5, 0]])
    assert cce.loss([[0, 0]], [[0.2, 0.3, 0.5]]) == pytest.approx(math.log(3))  # soft targets are fine


def test_accuracy_for_classification_only() -> None:
    mlp = MLP.from_network(Network((1, 1), "sigmoid", "bce", bias=True), weights=[10], biases=[-5])
    # outputs: sigmoid(-5) < 0.5 for x = 0, sigmoid(5) > 0.5 for x = 1
    assert mlp.accuracy([[0], [1]], [[0], [1]]) == 1.0
    assert mlp.accuracy([[0], [1]], [[1], [1]]) == 0.5
    softmax = MLP(Network((2, 3), "softmax", "cce"), seed=0)
    X = np.array([[1.0, 0.0], [0.0, 1.0]])
    winners = softmax.predict(X).argmax(axis=1)
    assert softmax.accuracy(X, np.eye(3)[winners]) == 1.0
    assert MLP(Network((1, 1), "identity", "sse")).accuracy([[1]], [[1]]) is None


def test_a_step_perceptron_computes_and() -> None:
    X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    perceptron = MLP.from_network(Network((2, 1), "step", "sse", bias=True), weights=[1, 1], biases=["-1.5"])
    assert perceptron.predict(X)[:, 0].tolist() == [0.0, 0.0, 0.0, 1.0]
    # step(0) = 0: a neuron exactly at its threshold does not fire
    assert MLP.from_network(Network((1, 1), "step"), weights=[0]).predict([[1.0]]).tolist() == [[0.0]]


def test_the_numeric_engine_never_imports_the_symbolic_one() -> None:
    import ast
    from pathlib import Path

    import nnref.numeric

    for path in Path(nnref.numeric.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            assert not any(name.startswith(("nnref.symbolic", "sympy")) for name in names), (path.name, names)


@pytest.mark.parametrize(
    ("net", "weights", "targets", "expected"),
    [
        (Network((1, 1), "sigmoid", "bce"), [1000], [[1.0], [0.0]], 1000.0),  # z = ∓1000, both wrong
        (Network((1, 2), "softmax", "cce"), [1000, -1000], [[1.0, 0.0], [0.0, 1.0]], 2000.0),
    ],
)
def test_saturated_outputs_keep_exact_losses_and_finite_gradients(net, weights, targets, expected) -> None:
    import warnings

    mlp = MLP.from_network(net, weights=weights)
    X = [[-1.0], [1.0]]
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        assert mlp.loss(X, targets) == expected  # from logits: no ln(0)
        gradient = mlp.gradient(X, targets)
        history = mlp.fit(X, targets, epochs=2, batch_size=1, learning_rate=0.1)
    assert all(math.isfinite(g) for g in gradient.values())
    assert history.iteration_loss[0] in (expected, 0.0) and all(math.isfinite(v) for v in history.loss)
