"""Truth tables, the digits split, and the recipes' declared settings."""

from __future__ import annotations

import numpy as np
import pytest

from nnref.numeric import data
from nnref.numeric.data import DIGITS_RECIPE, GATES, XOR_RECIPE, load_digits, truth_table


@pytest.mark.parametrize(
    ("gate", "rule"),
    [
        ("and", lambda a, b: a and b),
        ("or", lambda a, b: a or b),
        ("nand", lambda a, b: not (a and b)),
        ("xor", lambda a, b: a != b),
    ],
)
def test_truth_tables(gate: str, rule) -> None:
    X, Y = truth_table(gate)
    assert X.dtype == Y.dtype == np.float64 and X.shape == (4, 2) and Y.shape == (4, 1)
    assert [float(rule(bool(a), bool(b))) for a, b in X] == Y[:, 0].tolist()
    X[0, 0] = 5  # fresh arrays: changing one does not change the next
    assert truth_table(gate)[0][0, 0] == 0
    assert set(GATES) == {"and", "or", "nand", "xor"}


def test_unknown_gate() -> None:
    with pytest.raises(ValueError, match=r"gate must be one of and, or, nand, xor; got 'xnor' \(did"):
        truth_table("xnor")


def test_digits_split_is_stratified_complete_and_fixed() -> None:
    digits = load_digits()
    labels = np.concatenate([digits.labels_train, digits.labels_test])
    counts = np.bincount(labels, minlength=10)
    assert counts.sum() == 1797
    assert np.bincount(digits.labels_test, minlength=10).tolist() == [round(0.25 * c) for c in counts]
    for X, Y, y in (
        (digits.X_train, digits.Y_train, digits.labels_train),
        (digits.X_test, digits.Y_test, digits.labels_test),
    ):
        assert X.shape[1] == 64 and X.min() == 0.0 and X.max() == 1.0
        assert (Y.argmax(axis=1) == y).all() and (Y.sum(axis=1) == 1).all()
        assert set(np.unique(Y)) == {0.0, 1.0}
        assert not X.flags.writeable
    # The same images as scikit-learn's loader, each exactly once, and the split never changes.
    from sklearn.datasets import load_digits as sklearn_digits

    reference = sklearn_digits()
    rows = {tuple(r) for r in (reference.data / 16.0)}
    both = np.vstack([digits.X_train, digits.X_test])
    assert {tuple(r) for r in both} == rows
    assert len(both) == len(reference.data)
    assert load_digits() is digits
    images, y = data._read_digits()
    np.testing.assert_array_equal(images, reference.data)
    np.testing.assert_array_equal(y, reference.target)


def test_recipes_build_their_networks() -> None:
    xor = XOR_RECIPE.network
    assert xor.sizes == XOR_RECIPE.sizes and xor.loss == XOR_RECIPE.loss
    digits = DIGITS_RECIPE.network
    assert digits.sizes == (64, 64, 10) and digits.activations == ("relu", "softmax") and digits.loss == "cce"
