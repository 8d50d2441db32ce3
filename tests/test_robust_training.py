"""Issue 16, items 3, 7 and 18: training that diverges, memory that is not there, BLAS threads."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from nnref import MLP, Network
from nnref.numeric import memory
from nnref.numeric import model as model_module
from nnref.numeric.data import XOR_RECIPE, truth_table
from nnref.numeric.training import History, TrainingDiverged

REPO = Path(__file__).resolve().parent.parent


# -- item 3: a non-finite loss stops training -----------------------------------------------------------


def test_the_issue_relu_identity_mse_at_x_1000_stops_with_the_history_so_far() -> None:
    X, Y = np.array([[1000.0], [-1000.0]]), np.array([[1.0], [0.0]])
    mlp = MLP(Network((1, 8, 1), ("relu", "identity"), "mse", bias=True), seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RuntimeWarning may escape
        with pytest.raises(TrainingDiverged) as caught:
            mlp.fit(X, Y, epochs=50, batch_size=2, learning_rate=0.1)
    error = caught.value
    assert isinstance(error, FloatingPointError)
    assert not math.isfinite(error.loss) and error.epoch == error.iteration  # one batch per epoch
    history = error.history
    assert isinstance(history, History) and history.epochs == error.epoch - 1 >= 1
    assert len(history.loss) == history.epochs == len(history.iteration_loss) == history.total_iterations
    assert all(math.isfinite(v) for v in history.loss)
    # The History so far is what fit gives for that many epochs from the same start.
    again = MLP(Network((1, 8, 1), ("relu", "identity"), "mse", bias=True), seed=0)
    assert again.fit(X, Y, epochs=history.epochs, batch_size=2, learning_rate=0.1) == history
    assert str(error).startswith(f"training diverged in epoch {error.epoch} (iteration {error.iteration}): ")
    assert "try a learning_rate smaller than 0.1" in str(error)


def test_a_huge_learning_rate_on_xor_stops_instead_of_returning_nan() -> None:
    X, Y = truth_table("xor")
    mlp = MLP(XOR_RECIPE.network, seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TrainingDiverged, match="training diverged") as caught:
            mlp.fit(X, Y, epochs=1000, batch_size=4, learning_rate=1e308)
    assert caught.value.history.epochs < 1000


@pytest.mark.parametrize(("rate", "rounded"), [("1e-400", "0.0"), ("1e400", "inf"), ("-1e-400", None)])
def test_a_learning_rate_that_float64_cannot_hold_is_refused(rate: str, rounded: str | None) -> None:
    X, Y = truth_table("and")
    mlp = MLP(Network((2, 1), "sigmoid", "bce"))
    before = mlp.parameters()
    expected = (
        f"learning_rate must be representable in float64 .*; got '{rate}', which rounds to {rounded}"
        if rounded
        else "learning_rate must be a finite number > 0"
    )
    with pytest.raises(ValueError, match=expected):
        mlp.fit(X, Y, epochs=1, batch_size=4, learning_rate=rate)
    assert mlp.parameters() == before


def test_normal_training_is_unchanged_by_the_checks() -> None:
    # The XOR recipe still learns, and its history is that of the recipe (the docs rely on it).
    X, Y = truth_table("xor")
    mlp, history = XOR_RECIPE.train(X, Y)
    assert history.epochs == XOR_RECIPE.epochs and all(math.isfinite(v) for v in history.loss)
    assert ((mlp.predict(X) > 0.5) == (Y > 0.5)).all()


# -- item 7: memory is estimated before anything is allocated -------------------------------------------


def _gib(values: int) -> str:
    return f"{8 * values / 2**30:.1f} GiB"


def test_an_mlp_too_large_for_any_machine_is_refused_at_once() -> None:
    # 2-10^12-1: 3 * 10^12 weights and the first layer's random draw (2 * 10^12) in float64.
    tib = 8 * (3 * 10**12 + 2 * 10**12) / 2**40
    with pytest.raises(
        MemoryError,
        match=rf"an MLP of sizes \(2, 1000000000000, 1\) \(3,000,000,000,000 "
        rf"parameters\) needs about {tib:.1f} TiB of memory",
    ):
        MLP(Network((2, 10**12, 1)))


def test_the_issue_network_is_refused_when_the_machine_lacks_the_memory(monkeypatch) -> None:
    monkeypatch.setattr(memory, "available_bytes", lambda: 2**30)
    # The issue's 2-10^9-1 with biases: (2 + 1) * 10^9 + (10^9 + 1) parameters and the 2 * 10^9 draw.
    needed = _gib(4 * 10**9 + 1 + 2 * 10**9)
    expected = rf"needs about {needed} of memory and this machine has about 1.0 GiB"
    with pytest.raises(MemoryError, match=expected):
        MLP(Network((2, 10**9, 1), bias=True))
    mlp = MLP(Network((2, 1000, 1)))
    X = np.zeros((10**6, 2))
    with pytest.raises(MemoryError, match=r"a batch of 1,000,000 samples .* needs about"):
        mlp.fit(X, np.zeros((10**6, 1)), epochs=1, batch_size=10**6, learning_rate=0.1)


def test_evaluation_works_in_bounded_chunks(monkeypatch) -> None:
    net = Network((2, 3, 2), ("tanh", "softmax"), "cce", bias=True)
    whole = MLP(net, seed=1)
    X = np.random.default_rng(0).normal(size=(1000, 2))
    Y = np.eye(2)[(X[:, 0] > 0).astype(int)]
    expected = (whole.predict(X), whole.loss(X, Y), whole.gradient(X, Y), whole.forward(X))
    monkeypatch.setattr(model_module, "EVAL_CHUNK_BYTES", 64 * 8 * 10)  # a few rows per chunk
    chunked = MLP(net, seed=1)
    assert chunked.model.chunk_rows() < 100
    np.testing.assert_array_equal(chunked.predict(X), expected[0])
    assert chunked.loss(X, Y) == pytest.approx(expected[1], rel=1e-14)
    got = chunked.gradient(X, Y)
    assert got.keys() == expected[2].keys()
    for name, value in got.items():
        assert value == pytest.approx(expected[2][name], rel=1e-12, abs=1e-15)
    forward = chunked.forward(X)
    for ours, theirs in zip(forward.a + forward.z, expected[3].a + expected[3].z, strict=True):
        np.testing.assert_array_equal(ours, theirs)
    assert all(ws.batch < 100 for ws in chunked.model._workspaces.values())


def test_fit_holds_no_second_copy_of_the_data() -> None:
    # A subprocess measures the peak RSS of fitting 2 * 10^6 samples of a 2-4-1 network in batches
    # of 100; the data take 48 MB (X 32 MB, Y 16 MB). Before: four full-size workspaces, ~1 GB.
    code = (
        "import resource, numpy as np\n"
        "from nnref import MLP, Network\n"
        "X = np.random.default_rng(0).normal(size=(2_000_000, 2)); Y = (X[:, :1] > 0).astype(float)\n"
        "mlp = MLP(Network((2, 4, 1), ('tanh', 'sigmoid'), 'bce', bias=True))\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "mlp.fit(X, Y, epochs=1, batch_size=100, learning_rate=0.1, validation=(X, Y))\n"
        "mlp.predict(X); mlp.loss(X, Y)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr
    grown_mib = int(done.stdout) / 1024
    # Left: the shuffled order (16 MB), labels, the predictions (16 MB) and chunk buffers (32 MiB).
    assert grown_mib < 150, grown_mib


# -- item 18: what the docs promise about BLAS threads ---------------------------------------------------

_TRAIN = """
import hashlib, json
import numpy as np
from nnref import MLP, Network
rng = np.random.default_rng(0)
X = rng.normal(size=(2048, 64))
labels = rng.integers(0, 10, 2048)
runs = {}
for name, net, Y in [
    ("softmax+cce", Network((64, 128, 10), ("relu", "softmax"), "cce", bias=True), np.eye(10)[labels]),
    ("sigmoid+bce", Network((64, 64, 1), ("tanh", "sigmoid"), "bce", bias=True), (labels[:, None] > 4) * 1.0),
]:
    mlp = MLP(net, seed=0)
    history = mlp.fit(X, Y, epochs=2, batch_size=2048, learning_rate=0.1)
    blob = b"".join(p.tobytes() for p in mlp.model.params) + np.array(history.iteration_loss).tobytes()
    runs[name] = {"digest": hashlib.sha256(blob).hexdigest(), "loss": history.loss[-1]}
print(json.dumps(runs))
"""


def _train_with_threads(threads: int) -> dict[str, dict[str, object]]:
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(REPO),
        "OPENBLAS_NUM_THREADS": str(threads),
        "OMP_NUM_THREADS": str(threads),
        "MKL_NUM_THREADS": str(threads),
    }
    done = subprocess.run(
        [sys.executable, "-c", _TRAIN], capture_output=True, text=True, timeout=600, env=env, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_same_seed_and_thread_count_give_bit_identical_training() -> None:
    # The promise of nnref.numeric.training: same seed, same machine, same BLAS thread count.
    for threads in (1, 2):
        first, second = _train_with_threads(threads), _train_with_threads(threads)
        assert first == second, threads


def test_another_thread_count_changes_only_the_last_bits() -> None:
    one, two = _train_with_threads(1), _train_with_threads(2)
    for name in one:
        assert one[name]["loss"] == pytest.approx(two[name]["loss"], rel=1e-12), name
