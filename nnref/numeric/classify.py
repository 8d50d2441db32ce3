"""Which networks classify, and how outputs and targets become class labels (for accuracy).

>>> import numpy as np
>>> labels("argmax", np.array([[0.1, 0.9], [0.7, 0.3]])).tolist()
[1, 0]
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from nnref.network import Network

__all__ = ["classification_kind", "labels", "labels_into"]


def classification_kind(net: Network) -> str | None:
    """``"argmax"`` for a softmax output, ``"threshold"`` for one sigmoid output, else ``None``.

    >>> classification_kind(Network((2, 3, 1), "sigmoid", "bce"))
    'threshold'
    >>> print(classification_kind(Network((1, 1), "identity")))
    None
    """
    output = net.activations[-1]
    if output == "softmax":
        return "argmax"
    if output == "sigmoid" and net.sizes[-1] == 1:
        return "threshold"
    return None


def labels(kind: str, rows: NDArray[np.float64]) -> NDArray:
    """The class of each row of outputs or targets: the largest entry, or the first above 0.5."""
    return rows.argmax(axis=1) if kind == "argmax" else rows[:, 0] > 0.5


def labels_into(kind: str, rows: NDArray[np.float64], out: NDArray) -> None:
    """:func:`labels` written into ``out`` (the trainer's per-epoch buffer)."""
    if kind == "argmax":
        np.argmax(rows, axis=1, out=out)
    else:
        np.greater(rows[:, 0], 0.5, out=out)
