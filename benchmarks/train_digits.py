"""Seconds per epoch on digits: nnref against scikit-learn (and PyTorch CPU if installed), same run.

All trainers fit the same 64-64-10 network (ReLU hidden, softmax + cross-entropy, batch 32,
plain SGD, same learning rate and epochs: ``DIGITS_RECIPE``) on the same split
(``nnref.numeric.data.load_digits``). Seconds per epoch = wall time of the whole ``fit`` call
divided by the epochs, median over ``--repeats`` runs. Each run is a fresh process (a warm-up fit,
then the timed one), so no trainer inherits another's imports or woken BLAS threads, and the runs of
the trainers are interleaved so that load from other processes hits them alike. On a shared
machine the wall time of a run swings with the other processes' load, so the script also prints
the ratio of the fastest runs and of the process CPU time (which excludes time spent waiting for a
core). The goal is an nnref/scikit-learn
ratio <= 0.35 at the same or better test accuracy.

Run: ``python benchmarks/train_digits.py [--repeats 5]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np

from nnref.numeric.data import DIGITS_RECIPE, load_digits

RECIPE = DIGITS_RECIPE


class Timer:
    """Wall and process CPU seconds of a block."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def train_nnref(data, evaluate=True):
    with Timer() as timer:
        mlp, _ = RECIPE.train(data.X_train, data.Y_train)
    if not evaluate:
        return timer, None
    accuracy = float(np.mean(mlp.predict(data.X_test).argmax(axis=1) == data.labels_test))
    return timer, accuracy


def train_sklearn(data, evaluate=True):
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
    with warnings.catch_warnings(), Timer() as timer:
        warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter is the point here
        model.fit(data.X_train, data.labels_train)
    if not evaluate:
        return timer, None
    return timer, float(model.score(data.X_test, data.labels_test))


def train_torch(data, evaluate=True):
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
    timer = Timer().__enter__()
    for _ in range(RECIPE.epochs):
        order = torch.randperm(X.shape[0], generator=generator)
        xs, ys = X[order], y[order]
        for begin in range(0, X.shape[0], RECIPE.batch_size):
            optimizer.zero_grad()
            batch = slice(begin, begin + RECIPE.batch_size)
            loss = loss_fn(model(xs[batch]), ys[batch])
            loss.backward()
            optimizer.step()
    timer.__exit__()
    if not evaluate:
        return timer, None
    with torch.no_grad():
        predicted = model(torch.from_numpy(np.ascontiguousarray(data.X_test))).argmax(dim=1).numpy()
    return timer, float(np.mean(predicted == data.labels_test))


TRAINERS = {"nnref": train_nnref, "scikit-learn": train_sklearn, "pytorch": train_torch}


def worker(name: str) -> None:
    """One fresh process per measurement: a warm-up fit, then the timed fit, printed as JSON.

    The test set is scored only after the timed fit: a large matrix product there wakes the BLAS
    worker threads, whose spin-waiting would otherwise overlap the timed fit.
    """
    data = load_digits()
    TRAINERS[name](data, evaluate=False)
    timer, accuracy = TRAINERS[name](data)
    print(json.dumps({"wall": timer.wall, "cpu": timer.cpu, "accuracy": accuracy}))


def measure(name: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--worker", name], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--worker", choices=sorted(TRAINERS), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        worker(arguments.worker)
        return
    repeats = arguments.repeats
    data = load_digits()
    names = ["nnref", "scikit-learn"]
    if importlib.util.find_spec("torch") is not None:
        names.append("pytorch")
    else:
        print("pytorch: not installed, skipped")
    print(
        f"digits {RECIPE.sizes}, batch {RECIPE.batch_size}, learning rate {RECIPE.learning_rate}, "
        f"{RECIPE.epochs} epochs, {data.X_train.shape[0]} train / {data.X_test.shape[0]} test; "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}; repeats {repeats}, "
        "each a fresh process"
    )
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    accuracy: dict[str, float] = {}
    for _ in range(repeats):
        for name in names:
            result = measure(name)
            wall[name].append(result["wall"] / RECIPE.epochs)
            cpu[name].append(result["cpu"] / RECIPE.epochs)
            accuracy[name] = result["accuracy"]
    median = {name: statistics.median(values) for name, values in wall.items()}
    for name in names:
        print(
            f"{name:>12}: {median[name] * 1e3:7.2f} ms/epoch wall (median of {repeats}; "
            f"min {min(wall[name]) * 1e3:.2f}, max {max(wall[name]) * 1e3:.2f}; "
            f"CPU median {statistics.median(cpu[name]) * 1e3:.2f}), test accuracy {accuracy[name]:.4f}"
        )
    for peer in (p for p in names if p != "scikit-learn"):
        print(
            f"ratio {peer} / scikit-learn seconds per epoch: {median[peer] / median['scikit-learn']:.3f} "
            f"(fastest runs {min(wall[peer]) / min(wall['scikit-learn']):.3f}, CPU time "
            f"{statistics.median(cpu[peer]) / statistics.median(cpu['scikit-learn']):.3f})"
            + ("; goal <= 0.35" if peer == "nnref" else "")
        )
    same_or_better = accuracy["nnref"] >= accuracy["scikit-learn"]
    print(f"nnref test accuracy {'>=' if same_or_better else '<'} scikit-learn's")


if __name__ == "__main__":
    main()
