"""Mini-batch training: epochs, batches, reproducibility, history, recipes, bad settings."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnref.network import Network
from nnref.numeric.data import DIGITS_RECIPE, XOR_RECIPE, load_digits, truth_table
from nnref.numeric.mlp import MLP
from nnref.numeric.training import History, fit


def _tracer(n: int) -> tuple[MLP, np.ndarray, np.ndarray]:
    """A network whose per-sample losses are distinct powers of 2, so a batch's loss names its samples.

    o = w·0 + b = 0 and t_i = 2^(i+1) give the sse loss ½ t_i² = 2·4^i; with a learning rate of
    1e-300 the parameters stay 0 to float64 precision, so every iteration sees the same losses.
    """
    mlp = MLP.from_network(Network((1, 1), "identity", "sse", bias=True), weights=[0], biases=[0])
    X = np.zeros((n, 1))
    Y = np.array([[2.0 ** (i + 1)] for i in range(n)])
    return mlp, X, Y


def _batches(history: History, n: int, batch_size: int) -> list[list[frozenset[int]]]:
    """Decode, per epoch, the set of samples of each batch from its mean loss."""
    sizes = [min(batch_size, n - start) for start in range(0, n, batch_size)]
    epochs = []
    for epoch in range(history.epochs):
        losses = history.iteration_loss[epoch * len(sizes) : (epoch + 1) * len(sizes)]
        decoded = []
        for loss, size in zip(losses, sizes, strict=True):
            total = round(loss * size)  # Σ 2·4^i over the batch's samples, an exact integer
            decoded.append(frozenset(i for i in range(n) if (total >> (2 * i + 1)) & 1))
        epochs.append(decoded)
    return epochs


@pytest.mark.parametrize(("n", "batch_size"), [(10, 3), (10, 5), (7, 1), (6, 50)])
def test_every_epoch_visits_every_sample_exactly_once(n: int, batch_size: int) -> None:
    mlp, X, Y = _tracer(n)
    history = mlp.fit(X, Y, epochs=4, batch_size=batch_size, learning_rate=1e-300, seed=2)
    assert history.iterations_per_epoch == math.ceil(n / batch_size)
    assert history.total_iterations == 4 * history.iterations_per_epoch == len(history.iteration_loss)
    orders = []
    for batches in _batches(history, n, batch_size):
        assert [len(b) for b in batches] == [min(batch_size, n - s) for s in range(0, n, batch_size)]
        assert frozenset().union(*batches) == frozenset(range(n))  # sizes add up to n: no repeats
        orders.append(batches)
    if batch_size < n:  # shuffled differently from epoch to epoch
        assert len({tuple(tuple(sorted(b)) for b in o) for o in orders}) > 1


def test_without_shuffle_batches_follow_the_data_order() -> None:
    mlp, X, Y = _tracer(7)
    history = mlp.fit(X, Y, epochs=2, batch_size=3, learning_rate=1e-300, shuffle=False)
    expected = [frozenset({0, 1, 2}), frozenset({3, 4, 5}), frozenset({6})]
    assert _batches(history, 7, 3) == [expected, expected]


def test_epoch_loss_is_the_sample_weighted_mean_of_batch_losses() -> None:
    mlp, X, Y = _tracer(7)
    history = mlp.fit(X, Y, epochs=2, batch_size=3, learning_rate=1e-300)
    per_epoch = history.iterations_per_epoch
    for epoch, loss in enumerate(history.loss):
        batch = history.iteration_loss[epoch * per_epoch : (epoch + 1) * per_epoch]
        assert loss == pytest.approx((3 * batch[0] + 3 * batch[1] + batch[2]) / 7, rel=1e-15)
        assert loss == pytest.approx(mlp.loss(X, Y), rel=1e-15)  # parameters never moved


def test_same_seed_gives_a_bit_identical_history_and_parameters() -> None:
    X, Y = truth_table("xor")
    runs = []
    for _ in range(2):
        mlp = MLP(XOR_RECIPE.network, seed=3)
        runs.append((mlp.fit(X, Y, epochs=30, batch_size=3, learning_rate=0.7, seed=5), mlp.parameters()))
    (first, p1), (second, p2) = runs
    assert first == second  # equality ignores epoch_seconds only
    assert first.iteration_loss == second.iteration_loss and p1 == p2
    other = MLP(XOR_RECIPE.network, seed=3).fit(X, Y, epochs=30, batch_size=3, learning_rate=0.7, seed=6)
    assert other.iteration_loss != first.iteration_loss
    assert len(first.epoch_seconds) == 30 and all(s > 0 for s in first.epoch_seconds)


def test_on_epoch_sees_the_history_of_the_epochs_done() -> None:
    X, Y = truth_table("xor")
    settings = {"batch_size": 3, "learning_rate": 0.7, "seed": 6, "validation": (X, Y)}
    seen: list[tuple[int, History]] = []
    final = MLP(XOR_RECIPE.network, seed=3).fit(
        X, Y, epochs=4, on_epoch=lambda epoch, history: seen.append((epoch, history)), **settings
    )
    assert [epoch for epoch, _ in seen] == [1, 2, 3, 4] and seen[-1][1] == final
    for epoch, history in seen:  # each equals a separate run that stops after that epoch
        assert history == MLP(XOR_RECIPE.network, seed=3).fit(X, Y, epochs=epoch, **settings)
        assert history.total_iterations == epoch * history.iterations_per_epoch == len(history.iteration_loss)
    with pytest.raises(TypeError, match="on_epoch must be a function"):
        MLP(XOR_RECIPE.network).fit(X, Y, epochs=1, batch_size=4, learning_rate=1, on_epoch="print")


def test_one_full_batch_step_is_plain_gradient_descent() -> None:
    net = Network((2, 3, 2), ("sigmoid", "identity"), "mse", bias=True)
    mlp = MLP(net, seed=1)
    X = np.array([[0.1, -0.3], [0.5, 0.2], [-0.7, 0.9]])
    Y = np.array([[0.2, 0.1], [0.3, -0.4], [0.0, 0.5]])
    before, gradient = mlp.parameters(), mlp.gradient(X, Y)
    history = mlp.fit(X, Y, epochs=1, batch_size=3, learning_rate="0.25")
    assert history.iteration_loss[0] == pytest.approx(MLP.from_network(net, *_split(before, net)).loss(X, Y))
    for name, value in mlp.parameters().items():
        assert value == pytest.approx(before[name] - 0.25 * gradient[name], rel=1e-13, abs=1e-16)


def _split(values: dict[str, float], net: Network) -> tuple[list[float], list[float]]:
    return [values[n] for n in net.weight_names], [values[n] for n in net.bias_names]


def test_history_fields_for_classification_regression_and_validation() -> None:
    X, Y = truth_table("or")
    net = Network((2, 1), "sigmoid", "bce", bias=True)
    history = MLP(net).fit(X, Y, epochs=5, batch_size=2, learning_rate=0.5, validation=(X[:2], Y[:2]))
    lengths = {len(history.loss), len(history.accuracy), len(history.val_loss), len(history.val_accuracy)}
    assert lengths == {5}
    assert all(0 <= a <= 1 for a in history.accuracy)
    assert (history.epochs, history.batch_size, history.learning_rate, history.n_samples) == (5, 2, 0.5, 4)
    regression = MLP(Network((2, 1), "identity", "sse")).fit(X, Y, epochs=2, batch_size=4, learning_rate=0.1)
    assert regression.accuracy is None and regression.val_loss is None and regression.val_accuracy is None


def test_validation_loss_is_measured_after_each_epoch() -> None:
    X, Y = truth_table("nand")
    mlp = MLP(Network((2, 2, 1), "tanh", "sse", bias=True), seed=2)
    history = mlp.fit(X, Y, epochs=3, batch_size=4, learning_rate=0.3, validation=(X, Y))
    assert history.val_loss[-1] == mlp.loss(X, Y)
    assert history.val_loss[0] == pytest.approx(history.loss[1])  # full batch: epoch 2 starts where 1 ended
    assert history.val_accuracy is None  # sse on one tanh output is regression


def test_xor_recipe_learns_all_four_rows() -> None:
    X, Y = truth_table("xor")
    mlp, history = XOR_RECIPE.train(X, Y)
    assert ((mlp.predict(X) > 0.5) == (Y > 0.5)).all()
    assert history.accuracy[-1] == 1.0
    assert history.loss[-1] < history.loss[0] / 10


def test_digits_recipe_reaches_96_percent_on_the_test_set() -> None:
    data = load_digits()
    recipe = DIGITS_RECIPE
    assert recipe.sizes == (64, 64, 10) and recipe.batch_size == 32 and recipe.epochs <= 30
    mlp, history = DIGITS_RECIPE.train(data.X_train, data.Y_train)
    accuracy = float(np.mean(mlp.predict(data.X_test).argmax(axis=1) == data.labels_test))
    print(f"\ndigits: test accuracy {accuracy:.4f} after {history.epochs} epochs")
    assert accuracy >= 0.96
    assert mlp.accuracy(data.X_test, data.Y_test) == accuracy
    assert history.iterations_per_epoch == math.ceil(len(data.X_train) / 32)


@pytest.mark.parametrize(
    ("setting", "error", "message"),
    [
        ({"batch_size": 0}, ValueError, "batch_size must be an integer >= 1; got 0"),
        ({"batch_size": -2}, ValueError, "batch_size must be an integer >= 1; got -2"),
        ({"batch_size": 2.5}, TypeError, "batch_size must be an integer >= 1; got float 2.5"),
        ({"batch_size": True}, TypeError, "batch_size must be an integer >= 1; got bool True"),
        ({"epochs": 0}, ValueError, "epochs must be an integer >= 1; got 0"),
        ({"epochs": "3"}, TypeError, "epochs must be an integer >= 1; got str '3'"),
        ({"learning_rate": 0}, ValueError, "learning_rate must be a finite number > 0; got 0"),
        ({"learning_rate": -0.1}, ValueError, r"learning_rate must be a finite number > 0; got -0.1"),
        ({"learning_rate": math.nan}, ValueError, "learning_rate must be a finite number > 0; got nan"),
        ({"learning_rate": math.inf}, ValueError, "learning_rate must be a finite number > 0; got inf"),
        ({"learning_rate": "fast"}, ValueError, "learning_rate must be a finite number > 0; got 'fast'"),
        ({"seed": 1.5}, TypeError, "seed must be an integer >= 0; got 1.5"),
        ({"shuffle": "yes"}, TypeError, "shuffle must be True or False; got 'yes'"),
        ({"validation": [[0, 0]]}, TypeError, "validation must be a pair"),
        ({"validation": ([[0, 0]], [[2]])}, ValueError, r"Y must lie in \[0, 1\] for loss 'bce'; got 2.0"),
    ],
)
def test_bad_training_settings(setting: dict, error: type[Exception], message: str) -> None:
    X, Y = truth_table("and")
    arguments = {"epochs": 1, "batch_size": 2, "learning_rate": 0.1, **setting}
    mlp = MLP(Network((2, 1), "sigmoid", "bce"))
    before = mlp.parameters()
    with pytest.raises(error, match=message):
        fit(mlp, X, Y, **arguments)
    assert mlp.parameters() == before  # nothing trained


def test_bad_training_data() -> None:
    mlp = MLP(Network((2, 1), "sigmoid", "bce"))
    with pytest.raises(ValueError, match=r"Y must have one row per sample of X \(4\); got 3 rows"):
        mlp.fit(np.zeros((4, 2)), np.zeros((3, 1)), epochs=1, batch_size=2, learning_rate=0.1)
    with pytest.raises(ValueError, match="X must contain only finite numbers"):
        mlp.fit([[0, math.nan]], [[1]], epochs=1, batch_size=1, learning_rate=0.1)
