"""Backpropagation in float64 against central differences, for every valid network shape."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest

from nnref import registry
from nnref.data import load_reference
from nnref.network import Network
from nnref.numeric.gradcheck import central_difference, check_gradient, relative_error
from nnref.numeric.mlp import MLP

HIDDEN = registry.hidden_activations()
# (output activation, loss, output widths) for every pairing the registry allows, step excluded.
OUTPUTS = [
    (act, loss, (1, 3) if registry.ACTIVATIONS[act].min_width == 1 else (3,))
    for act, loss in registry.pairings()
]
CASES = [
    pytest.param(hidden, out, loss, k, depth, bias, id=f"{hidden}-{depth}x-{out}-{loss}-k{k}-{'b' * bias}")
    for hidden, (out, loss, widths), depth, bias in itertools.product(HIDDEN, OUTPUTS, (1, 2, 3), (1, 0))
    for k in widths
]
MARGIN = 0.05  # every ReLU input stays this far from 0: the gradient check's ±2e-3 steps never cross the kink


def _targets(loss: str, k: int, n: int, rng: np.random.Generator) -> np.ndarray:
    if registry.LOSSES[loss].targets == "distribution":
        return rng.dirichlet(np.ones(k), size=n)  # soft targets: rows sum to 1
    return rng.uniform(0.05, 0.95, size=(n, k))


def _away_from_kinks(mlp: MLP, X: np.ndarray) -> bool:
    passes = mlp.forward(X)
    layers = zip(passes.z, mlp.network.activations, strict=True)
    return all(np.abs(z).min() > MARGIN for z, name in layers if name == "relu")


def _case(hidden: str, out: str, loss: str, k: int, depth: int, bias: bool):
    net = Network((3, *([4] * depth), k), (*([hidden] * depth), out), loss, bias)
    for seed in range(100):  # the first seed whose ReLU inputs all keep the margin
        rng = np.random.default_rng(seed)
        mlp = MLP(net, seed=seed)
        for array in mlp.biases:
            array[:] = rng.uniform(-0.5, 0.5, size=array.shape)
        X = rng.uniform(-1, 1, size=(3, 3))
        if _away_from_kinks(mlp, X):
            return mlp, X, _targets(loss, k, 3, rng)
    raise AssertionError("no seed keeps every ReLU input away from 0")  # pragma: no cover


@pytest.mark.parametrize(("hidden", "out", "loss", "k", "depth", "bias"), CASES)
def test_gradient_matches_central_differences(hidden: str, out: str, loss: str, k: int, depth: int, bias):
    mlp, X, Y = _case(hidden, out, loss, k, depth, bool(bias))
    report = check_gradient(mlp, X, Y)
    worst = report.worst
    assert report.max_relative_error < 1e-6, (worst, report.analytic[worst], report.numeric[worst])
    assert set(report.analytic) == set(mlp.network.parameters)


def test_gradient_of_a_batch_is_the_mean_of_the_sample_gradients() -> None:
    mlp, X, Y = _case("tanh", "identity", "mse", 3, 2, True)
    whole = mlp.gradient(X, Y)
    single = [mlp.gradient(x, y) for x, y in zip(X, Y, strict=True)]
    for name, value in whole.items():
        assert value == pytest.approx(sum(g[name] for g in single) / len(single), rel=1e-12, abs=1e-15)


def test_mse_is_sse_scaled_by_2_over_k_with_several_outputs() -> None:
    sse, X, Y = _case("sigmoid", "identity", "sse", 3, 1, True)
    net = Network(sse.network.sizes, sse.network.activations, "mse", True)
    values = sse.parameters()
    mse = MLP.from_network(
        net, weights=[values[n] for n in net.weight_names], biases=[values[n] for n in net.bias_names]
    )
    assert mse.loss(X, Y) == pytest.approx(2 / 3 * sse.loss(X, Y), rel=1e-14)
    for name, value in sse.gradient(X, Y).items():
        assert mse.gradient(X, Y)[name] == pytest.approx(2 / 3 * value, rel=1e-12)


def test_reproduces_the_published_wikidocs_example() -> None:
    """Forward values, loss, gradients and one update of wikidocs 07-05, to the published 8 decimals."""
    reference = load_reference("wikidocs-07-05")
    spec, published = reference["network"], reference["published"]
    net = Network((2, 2, 2), "sigmoid", "sse")
    mlp = MLP.from_network(net, weights=[spec["weights"][f"W{i}"] for i in range(1, 9)])
    x = [spec["inputs"]["x1"], spec["inputs"]["x2"]]
    x = [float(Fraction(v)) for v in x]
    t = [float(Fraction(spec["targets"][k])) for k in ("o1", "o2")]

    def close(key: str, value: float) -> None:
        assert abs(value - float(published[key]["value"])) <= 0.5e-8 + 1e-15, key

    passes = mlp.forward(x)
    for key, value in zip(("z1", "z2", "z3", "z4"), [*passes.z[0][0], *passes.z[1][0]], strict=True):
        close(key, value)
    for key, value in zip(("h1", "h2", "o1", "o2"), [*passes.a[0][0], *passes.a[1][0]], strict=True):
        close(key, value)
    close("E_total", mlp.loss(x, t))
    gradient = mlp.gradient(x, t)
    close("dE_dw5", gradient["w5"])
    close("dE_dw1", gradient["w1"])
    history = mlp.fit([x], [t], epochs=1, batch_size=1, learning_rate=spec["learning_rate"])
    close("E_total", history.loss[0])  # the loss before the update
    for i in range(1, 9):
        close(f"w{i}_new", mlp.get_parameter(f"w{i}"))
    close("after_E_total", mlp.loss(x, t))


def test_central_difference_orders_and_errors() -> None:
    mlp, X, Y = _case("tanh", "sigmoid", "bce", 1, 1, True)
    exact = mlp.gradient(X, Y)["w3"]
    before = mlp.parameters()
    assert relative_error(exact, central_difference(mlp, X, Y, "w3", step=1e-5, order=2)) < 1e-7
    assert relative_error(exact, central_difference(mlp, X, Y, "w3", step=1e-3, order=4)) < 1e-9
    assert mlp.parameters() == before  # restored exactly
    with pytest.raises(ValueError, match="order must be 2 or 4; got 3"):
        central_difference(mlp, X, Y, "w3", order=3)
    with pytest.raises(ValueError, match="step must be a finite number > 0; got 0"):
        central_difference(mlp, X, Y, "w3", step=0)
    with pytest.raises(ValueError, match=r"name must be a parameter of this network \(w1..b\d+\); got 'w99'"):
        central_difference(mlp, X, Y, "w99")
    assert relative_error(0.0, 0.0) == 0.0
    assert relative_error(1e-12, 0.0) == pytest.approx(1e-6)  # judged against the 1e-6 floor


def test_step_layers_refuse_gradients_naming_the_layer() -> None:
    mlp = MLP(Network((2, 2, 1), ("step", "sigmoid"), "sse"))
    with pytest.raises(ValueError, match=r"^activation\[0\] is 'step': its derivative is 0"):
        mlp.gradient([[0.0, 1.0]], [[1.0]])
    with pytest.raises(ValueError, match=r"^activation\[1\] is 'step': its derivative is 0"):
        perceptron = MLP(Network((2, 2, 1), ("sigmoid", "step"), "sse"))
        perceptron.fit([[0.0, 1.0]], [[1.0]], epochs=1, batch_size=1, learning_rate=1)
