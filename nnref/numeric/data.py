"""Small data sets and the training recipes the docs use.

* Logic gates: :func:`truth_table` (``"and"``, ``"or"``, ``"nand"``, ``"xor"``) gives ``X`` of shape
  ``(4, 2)`` with rows (0, 0), (0, 1), (1, 0), (1, 1) and ``Y`` of shape ``(4, 1)``.
* Handwritten digits: :func:`load_digits` reads the 8×8 digits that scikit-learn ships (1797
  images, no download) and splits them by a fixed rule, described there.
* :data:`XOR_RECIPE` and :data:`DIGITS_RECIPE`: configurations that the tests show to work.

>>> X, Y = truth_table("xor")
>>> X.tolist(), Y[:, 0].tolist()
([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0.0, 1.0, 1.0, 0.0])
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref.errors import InputTypeError
from nnref.network import Network, unknown_name

if TYPE_CHECKING:
    from nnref.numeric.mlp import MLP
    from nnref.numeric.training import History

__all__ = ["DIGITS_RECIPE", "GATES", "XOR_RECIPE", "Digits", "Recipe", "load_digits", "truth_table"]

_INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
GATES: dict[str, tuple[int, int, int, int]] = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "xor": (0, 1, 1, 0),
}
"""Gate outputs for the inputs (0, 0), (0, 1), (1, 0), (1, 1)."""


def truth_table(gate: str) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``(X, Y)`` of a logic gate as fresh float64 arrays of shapes ``(4, 2)`` and ``(4, 1)``.

    >>> truth_table("nand")[1].ravel().tolist()
    [1.0, 1.0, 1.0, 0.0]
    """
    if not isinstance(gate, str):
        raise InputTypeError("error_name_type", argument="gate", allowed=", ".join(GATES), got=repr(gate))
    if gate.lower() not in GATES:
        raise unknown_name(gate, list(GATES), "gate")
    X = np.array(_INPUTS, dtype=np.float64)
    Y = np.array(GATES[gate.lower()], dtype=np.float64).reshape(4, 1)
    return X, Y


# -- digits ------------------------------------------------------------------------------------

TEST_FRACTION = 0.25
SPLIT_SEED = 0


@dataclass(frozen=True)
class Digits:
    """The split digits data: inputs in [0, 1] (pixel / 16), one-hot targets and integer labels.

    Arrays are read-only (they are cached and shared); copy one before changing it.
    """

    X_train: NDArray[np.float64]
    Y_train: NDArray[np.float64]
    labels_train: NDArray[np.int64]
    X_test: NDArray[np.float64]
    Y_test: NDArray[np.float64]
    labels_test: NDArray[np.int64]


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def _read_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 1797 × 64 pixel values (0..16) and labels as scikit-learn ships them.

    Importing scikit-learn takes seconds, so the bundled ``digits.csv.gz`` is read directly, in
    the same way ``sklearn.datasets.load_digits`` reads it; its loader is the fallback should
    the file ever move.
    """
    spec = importlib.util.find_spec("sklearn")
    if spec is None or spec.origin is None:
        raise ImportError('the digits data set ships with scikit-learn: pip install "nnref[data]"')
    bundled = Path(spec.origin).parent / "datasets" / "data" / "digits.csv.gz"
    if bundled.is_file():
        table = np.loadtxt(bundled, delimiter=",")
        return table[:, :-1], table[:, -1].astype(np.int64)
    from sklearn.datasets import load_digits as sklearn_digits  # pragma: no cover - layout change

    bunch = sklearn_digits()  # pragma: no cover
    return np.asarray(bunch.data, float), np.asarray(bunch.target, np.int64)  # pragma: no cover


@functools.cache
def load_digits() -> Digits:
    """scikit-learn's 8×8 digits, split 75 % train / 25 % test within each class.

    The split rule: for each digit 0..9 in turn, take that class's sample indices in their
    original order, shuffle them with one ``numpy.random.default_rng(0)`` shared by all classes,
    and put the first ``round(0.25 · count)`` in the test set; both sets are then sorted by
    original index. Every class is thus 25 % test (1347 train and 450 test images).

    >>> d = load_digits()
    >>> d.X_train.shape, d.X_test.shape, d.Y_test.shape
    ((1347, 64), (450, 64), (450, 10))
    """
    images, labels = _read_digits()
    images = images / 16.0
    rng = np.random.default_rng(SPLIT_SEED)
    test_parts = []
    for digit in range(10):
        members = rng.permutation(np.flatnonzero(labels == digit))
        test_parts.append(members[: round(TEST_FRACTION * members.size)])
    test = np.sort(np.concatenate(test_parts))
    train = np.setdiff1d(np.arange(labels.size), test)  # sorted
    one_hot = np.eye(10)[labels]
    return Digits(
        *(_read_only(a) for a in (images[train], one_hot[train], labels[train])),
        *(_read_only(a) for a in (images[test], one_hot[test], labels[test])),
    )


# -- recipes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipe:
    """A network plus the training settings that make it learn its task (``sizes``,
    ``activation``, ``loss`` and ``bias`` read through to the network)."""

    network: Network
    init_seed: int
    learning_rate: float
    epochs: int
    batch_size: int
    shuffle_seed: int

    @property
    def sizes(self) -> tuple[int, ...]:
        return self.network.sizes

    @property
    def activation(self) -> tuple[str, ...]:
        """One activation name per non-input layer."""
        return self.network.activations

    @property
    def loss(self) -> str:
        return self.network.loss

    @property
    def bias(self) -> bool:
        return self.network.bias

    def fit(
        self,
        mlp: MLP,
        X: ArrayLike,
        Y: ArrayLike,
        validation: tuple[ArrayLike, ArrayLike] | None = None,
        on_epoch: Callable[[int, History], object] | None = None,
    ) -> History:
        """Train ``mlp`` in place with these settings (see :meth:`MLP.fit <nnref.numeric.mlp.MLP.fit>`)."""
        return mlp.fit(
            X,
            Y,
            epochs=self.epochs,
            batch_size=self.batch_size,
            learning_rate=self.learning_rate,
            seed=self.shuffle_seed,
            validation=validation,
            on_epoch=on_epoch,
        )

    def train(
        self, X: ArrayLike, Y: ArrayLike, validation: tuple[ArrayLike, ArrayLike] | None = None
    ) -> tuple[MLP, History]:
        """A fresh MLP (seeded with ``init_seed``) trained with these settings, and its history."""
        from nnref.numeric.mlp import MLP

        mlp = MLP(self.network, seed=self.init_seed)
        return mlp, self.fit(mlp, X, Y, validation)


XOR_RECIPE = Recipe(
    network=Network((2, 4, 1), ("tanh", "sigmoid"), "bce", bias=True),
    init_seed=0,
    learning_rate=0.5,
    epochs=1000,
    batch_size=4,
    shuffle_seed=0,
)
"""XOR with one hidden layer of 4 tanh units and a sigmoid output; learns all 4 rows."""

DIGITS_RECIPE = Recipe(
    network=Network((64, 64, 10), ("relu", "softmax"), "cce", bias=True),
    init_seed=0,
    learning_rate=0.5,
    epochs=30,
    batch_size=32,
    shuffle_seed=0,
)
"""Digits with 64 ReLU hidden units, softmax + categorical cross-entropy, plain SGD with batch 32.

With pixels in [0, 1] and no momentum, the test accuracy of this network wanders by about a
percentage point from epoch to epoch and seed to seed around 96 %; a rate of 0.5 over 30 epochs
keeps seed 0 above 96 % (the tests check it) and scikit-learn's ``MLPClassifier`` with the same
settings lands in the same range (``benchmarks/train_digits.py`` prints both)."""
