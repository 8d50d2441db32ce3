"""Gradient checking: backpropagation against central differences of the loss.

The numerical derivative of the mean loss ``E`` with respect to one parameter ``p`` is the
fourth-order central difference

    dE/dp ≈ [E(p − 2h) − 8 E(p − h) + 8 E(p + h) − E(p + 2h)] / (12 h),

whose truncation error shrinks like ``h⁴`` (the two-point form ``[E(p + h) − E(p − h)] / 2h``
shrinks like ``h²``; both are available). The comparison uses

    relative error = |analytic − numeric| / max(|analytic|, |numeric|, floor)

with ``floor = 1e-6`` by default: a gradient that is (nearly) zero is then judged by its absolute
error instead of dividing by almost nothing. Why that floor: in float64 the rounding noise of the
difference quotient is about ``1.5 · 2⁻⁵² · |E| / h``, i.e. ``3e-13 |E|`` at the default fourth-order
step ``h = 1e-3`` (``1e-5`` for the two-point form), so an exactly-zero gradient comes out as
``~1e-13`` rather than 0; divided by the floor that is ``~1e-7``, safely below a ``1e-6`` tolerance,
while any real gradient above ``1e-6`` is still compared relatively. A step must not carry a ReLU
input across 0 (the loss has a kink there); keep pre-activations farther than a few ``h`` from 0
when checking ReLU.

>>> from nnref.network import Network
>>> from nnref.numeric.mlp import MLP
>>> mlp = MLP(Network((2, 3, 2), ("tanh", "softmax"), "cce", bias=True), seed=1)
>>> report = check_gradient(mlp, [[0.3, -0.7]], [[0.0, 1.0]])
>>> report.max_relative_error < 1e-9
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from nnref.errors import InputError
from nnref.numeric.mlp import MLP

__all__ = ["GradientCheck", "central_difference", "check_gradient", "relative_error"]

DEFAULT_STEPS = {2: 1e-5, 4: 1e-3}  # each balances truncation (h² or h⁴) against rounding (1/h)
DEFAULT_FLOOR = 1e-6
_STENCILS = {
    2: ((-1, -0.5), (1, 0.5)),
    4: ((-2, 1 / 12), (-1, -8 / 12), (1, 8 / 12), (2, -1 / 12)),
}


def central_difference(
    mlp: MLP, X: object, Y: object, name: str, step: float | None = None, order: int = 4
) -> float:
    """``dE/d(name)`` from the loss alone, by the central difference of the given ``order`` (2 or 4).

    ``step`` defaults to ``DEFAULT_STEPS[order]``. The parameter is restored to its exact old
    value afterwards.
    """
    if order not in _STENCILS:
        raise InputError("error_order", argument="order", got=repr(order))
    if step is None:
        step = DEFAULT_STEPS[order]
    if isinstance(step, bool) or not isinstance(step, int | float) or not (math.isfinite(step) and step > 0):
        raise InputError("error_not_positive", name="step", got=repr(step))
    old = mlp.get_parameter(name)
    inputs, targets = mlp.model.data(X, Y)  # validated once, not at every evaluation
    total = 0.0
    try:
        for offset, weight in _STENCILS[order]:
            mlp.set_parameter(name, old + offset * step)
            total += weight * mlp.model.mean_loss(inputs, targets)
    finally:
        mlp.set_parameter(name, old)
    return total / step


@dataclass(frozen=True)
class GradientCheck:
    """Analytic and numerical gradients per parameter, with their relative errors."""

    analytic: dict[str, float]
    numeric: dict[str, float]
    relative_error: dict[str, float]
    floor: float

    @property
    def max_relative_error(self) -> float:
        return max(self.relative_error.values(), default=0.0)

    @property
    def worst(self) -> str:
        """The parameter with the largest relative error."""
        return max(self.relative_error, key=self.relative_error.__getitem__)


def relative_error(analytic: float, numeric: float, floor: float = DEFAULT_FLOOR) -> float:
    """``|a − n| / max(|a|, |n|, floor)``.

    >>> round(relative_error(1.0, 1.000001), 12), round(relative_error(0.0, 1e-12), 12)
    (9.99999e-07, 1e-06)
    """
    return abs(analytic - numeric) / max(abs(analytic), abs(numeric), floor)


def check_gradient(
    mlp: MLP,
    X: object,
    Y: object,
    names: Iterable[str] | None = None,
    step: float | None = None,
    order: int = 4,
    floor: float = DEFAULT_FLOOR,
) -> GradientCheck:
    """Compare ``mlp.gradient(X, Y)`` with central differences for ``names`` (default: every parameter).

    Args:
        mlp: the network to check.
        X: inputs.
        Y: targets.
        names: the parameters to check (default: every one).
        step: the finite-difference step (default: ``DEFAULT_STEPS[order]``).
        order: the central difference's order of accuracy (2 or 4).
        floor: magnitudes below it count as zero in the relative error.

    Returns:
        The per-parameter comparison.
    """
    X, Y = mlp.model.data(X, Y)
    analytic = mlp.gradient(X, Y)
    chosen = list(mlp.network.parameters if names is None else names)
    numeric = {name: central_difference(mlp, X, Y, name, step, order) for name in chosen}
    errors = {name: relative_error(analytic[name], numeric[name], floor) for name in chosen}
    return GradientCheck({n: analytic[n] for n in chosen}, numeric, errors, floor)
