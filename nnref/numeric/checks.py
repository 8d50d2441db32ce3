"""Validation of data arrays and training settings for the numeric engine.

Every check raises ``TypeError`` or ``ValueError`` whose message names the argument, says what is
allowed and shows what was given.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import NDArray

from nnref import registry
from nnref.errors import InputError, InputTypeError, Phrase
from nnref.values import check_ordered, exact_to_float, nonnegative_int, parse_positive_finite

__all__ = ["as_inputs", "as_targets", "check_count", "check_learning_rate", "check_seed"]

_SUM_TOLERANCE = 1e-9


def _as_float_array(data: object, name: str) -> NDArray[np.float64]:
    if isinstance(data, str | bytes):
        raise InputTypeError("error_array_string", argument=name, got=repr(data))
    check_ordered(data, name)
    try:
        array = np.asarray(data, dtype=np.float64)
    except (TypeError, ValueError) as error:
        got = f"{type(data).__name__}: {error}"
        raise InputTypeError("error_array_type", argument=name, got=got) from None
    if not np.isfinite(array).all():
        bad = np.argwhere(~np.isfinite(array))[0]
        raise InputError("error_array_finite", argument=name, got=repr(float(array[tuple(bad)])),
                         index=tuple(int(i) for i in bad))
    return array


def _as_rows(data: object, width: int, name: str, what: str) -> NDArray[np.float64]:
    array = _as_float_array(data, name)
    given = array.shape
    if array.ndim == 1:  # one sample
        array = array.reshape(1, -1)
    if array.ndim != 2 or array.shape[0] == 0 or array.shape[1] != width:
        what_phrase = Phrase(f"rows_{what}")
        raise InputError("error_rows_shape", argument=name, width=width, what=what_phrase, shape=given)
    return array


def as_inputs(X: object, n_features: int, name: str = "X") -> NDArray[np.float64]:
    """``X`` as a float64 array of shape ``(n_samples, n_features)``; a 1-D ``X`` is one sample.

    >>> as_inputs([0.5, 1], 2).tolist()
    [[0.5, 1.0]]
    >>> as_inputs([[1, 2, 3]], 2)
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: X must have shape (n_samples, 2) with n_samples >= 1 (2 inputs per ... (1, 3)
    """
    return _as_rows(X, n_features, name, "inputs")


def as_targets(Y: object, n_samples: int, n_outputs: int, loss: str, name: str = "Y") -> NDArray[np.float64]:
    """``Y`` as float64 ``(n_samples, n_outputs)``, checked against the loss.

    The registry says what the loss accepts: each target in [0, 1] (bce), or non-negative rows
    that sum to 1 within 1e-9 (cce).

    >>> as_targets([[0.2, 0.9]], 1, 2, "cce")
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: Y must have non-negative rows summing to 1 for loss 'cce' ... row 0 sums to 1.1
    """
    targets = _as_rows(Y, n_outputs, name, "targets")
    if targets.shape[0] != n_samples:
        raise InputError("error_rows_count", argument=name, count=n_samples, got=targets.shape[0])
    kind = registry.LOSSES[loss].targets
    if kind == "unit" and ((targets < 0) | (targets > 1)).any():
        bad = float(targets[(targets < 0) | (targets > 1)][0])
        raise InputError("error_target_unit", argument=name, loss=repr(loss), got=repr(bad))
    if kind == "distribution":
        if (targets < 0).any():
            got = repr(float(targets[targets < 0][0]))
            raise InputError("error_target_negative", argument=name, loss=repr(loss), got=got)
        sums = targets.sum(axis=1)
        off = np.flatnonzero(np.abs(sums - 1.0) > _SUM_TOLERANCE)
        if off.size:
            raise InputError(
                "error_target_row_sum", argument=name, loss=repr(loss), row=int(off[0]),
                sum=repr(float(sums[off[0]])),
            )
    return targets


def check_count(value: object, name: str) -> int:
    """An integer >= 1 (epochs, batch_size).

    >>> check_count(0, "epochs")
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: epochs must be an integer >= 1; got 0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InputTypeError("error_width", argument=name, got=f"{type(value).__name__} {value!r}")
    if value < 1:
        raise InputError("error_width", argument=name, got=repr(value))
    return int(value)


def check_learning_rate(value: object, name: str = "learning_rate") -> float:
    """A finite number > 0, parsed exactly first (so ``"0.1"`` and ``0.1`` mean the same), that
    float64 can hold: a rate that rounds to 0 (``"1e-400"``) would train nothing, one that
    rounds to inf nothing but NaN.

    >>> check_learning_rate("0.5"), check_learning_rate(0.1)
    (0.5, 0.1)
    >>> check_learning_rate("1e400")
    Traceback (most recent call last):
    ...
    ValueError: learning_rate must be representable in float64 (a magnitude from about 5e-324 to \
1.8e308); got '1e400', which rounds to inf
    """
    return exact_to_float(parse_positive_finite(value, name), name, value, nonzero=True)


def check_seed(value: object, name: str = "seed") -> int:
    """A seed for ``numpy.random.default_rng``: an integer >= 0 (Python or NumPy).

    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: seed must be an integer >= 0; got -1
    """
    return nonnegative_int(value, name)
