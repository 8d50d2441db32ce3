"""Seconds per epoch on digits: nnref against scikit-learn (and PyTorch CPU if installed), same run.

All trainers fit the same 64-64-10 network (ReLU hidden, softmax + cross-entropy, batch 32,
plain SGD, same learning rate and epochs: ``DIGITS_RECIPE``) on the same split
(``nnref.numeric.data.load_digits``). Seconds per epoch = wall time of the whole ``fit`` call
divided by the epochs, median over ``--repeats`` runs; the runs of the trainers are interleaved so
that load from other processes hits them alike. The goal is an nnref/scikit-learn ratio <= 0.35
at the same or better test accuracy.

Run: ``python benchmarks/train_digits.py [--repeats 5]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import warnings

import numpy as np

from nnref.numeric.data import DIGITS_RECIPE, load_digits

RECIPE = DIGITS_RECIPE


def train_nnref(data):
    start = time.perf_counter()
    mlp, _ = RECIPE.train(data.X_train, data.Y_train)
    seconds = time.perf_counter() - start
    accuracy = float(np.mean(mlp.predict(data.X_test).argmax(axis=1) == data.labels_test))
    return seconds / RECIPE.epochs, accuracy


def train_sklearn(data):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(
        hidden_layer_sizes=(RECIPE.sizes[1],),
        activation="relu",
        solver="sgd",
        momentum=0,
        alpha=0,
        batch_size=RECIPE.batch_size,
        learning_rate_init=RECIPE.learning_rate,
        max_iter=RECIPE.epochs,
        shuffle=True,
        n_iter_no_change=RECIPE.epochs + 1,
        tol=0,
        random_state=0,
    )
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter is the point here
        model.fit(data.X_train, data.labels_train)
    seconds = time.perf_counter() - start
    return seconds / RECIPE.epochs, float(model.score(data.X_test, data.labels_test))


def train_torch(data):
    import torch

    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    model = torch.nn.Sequential(
        torch.nn.Linear(RECIPE.sizes[0], RECIPE.sizes[1]),
        torch.nn.ReLU(),
        torch.nn.Linear(RECIPE.sizes[1], RECIPE.sizes[2]),
    )
    optimizer = torch.optim.SGD(model.parameters(), lr=RECIPE.learning_rate)
    loss_fn = torch.nn.CrossEntropyLoss()
    X = torch.from_numpy(np.ascontiguousarray(data.X_train))
    y = torch.from_numpy(np.ascontiguousarray(data.labels_train))
    generator = torch.Generator().manual_seed(0)
    start = time.perf_counter()
    for _ in range(RECIPE.epochs):
        order = torch.randperm(X.shape[0], generator=generator)
        xs, ys = X[order], y[order]
        for begin in range(0, X.shape[0], RECIPE.batch_size):
            optimizer.zero_grad()
            batch = slice(begin, begin + RECIPE.batch_size)
            loss = loss_fn(model(xs[batch]), ys[batch])
            loss.backward()
            optimizer.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        predicted = model(torch.from_numpy(np.ascontiguousarray(data.X_test))).argmax(dim=1).numpy()
    return seconds / RECIPE.epochs, float(np.mean(predicted == data.labels_test))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    repeats = parser.parse_args().repeats
    data = load_digits()
    trainers = {"nnref": train_nnref, "scikit-learn": train_sklearn}
    try:
        import torch  # noqa: F401

        trainers["pytorch"] = train_torch
    except ImportError:
        print("pytorch: not installed, skipped")
    print(
        f"digits {RECIPE.sizes}, batch {RECIPE.batch_size}, learning rate {RECIPE.learning_rate}, "
        f"{RECIPE.epochs} epochs, {data.X_train.shape[0]} train / {data.X_test.shape[0]} test; "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}; repeats {repeats}"
    )
    for trainer in trainers.values():  # warm-up: imports, BLAS threads, caches
        trainer(data)
    seconds: dict[str, list[float]] = {name: [] for name in trainers}
    accuracy: dict[str, float] = {}
    for _ in range(repeats):
        for name, trainer in trainers.items():
            per_epoch, accuracy[name] = trainer(data)
            seconds[name].append(per_epoch)
    median = {name: statistics.median(values) for name, values in seconds.items()}
    for name in trainers:
        print(
            f"{name:>12}: {median[name] * 1e3:7.2f} ms/epoch (median of {repeats}; "
            f"min {min(seconds[name]) * 1e3:.2f}, max {max(seconds[name]) * 1e3:.2f}), "
            f"test accuracy {accuracy[name]:.4f}"
        )
    ratio = median["nnref"] / median["scikit-learn"]
    print(f"ratio nnref / scikit-learn seconds per epoch: {ratio:.3f} (goal <= 0.35)")
    if "pytorch" in median:
        torch_ratio = median["pytorch"] / median["scikit-learn"]
        print(f"ratio pytorch / scikit-learn seconds per epoch: {torch_ratio:.3f}")
    same_or_better = accuracy["nnref"] >= accuracy["scikit-learn"]
    print(f"nnref test accuracy {'>=' if same_or_better else '<'} scikit-learn's")


if __name__ == "__main__":
    main()
