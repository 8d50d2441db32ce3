"""Activations and losses in float64, each forward formula next to its derivative.

Conventions shared with the symbolic engine (``nnref.symbolic.functions``):

* ``step(z) = 1 if z > 0 else 0``; its derivative is refused (zero almost everywhere, undefined
  at 0), so gradients cannot flow through a step layer (:mod:`nnref.registry` says which
  activations are differentiable and words the refusal).
* ``relu'(0) = 0``.
* Per-sample losses over ``K`` outputs: ``sse = ½ Σ (t − o)²``, ``mse = (1/K) Σ (t − o)²``,
  ``bce = (1/K) Σ −[t ln o + (1 − t) ln(1 − o)]`` (mean over outputs, like Keras) and
  ``cce = −Σ t ln o``.

The output layer of each (activation, loss) pair follows one :class:`OutputRule`: the general
chain rule (loss gradient, then the activation's vector-Jacobian product) unless the registry
names the ``o − t`` shortcut for the pair, and the loss computed from the logits where a stable
form exists (sigmoid + bce, softmax + cce).

Every array here has shape ``(n_samples, width)``. An activation's ``backward`` is a
vector-Jacobian product: given ``dE/da`` it returns ``dE/dz``, which is what softmax needs (its
Jacobian is not diagonal). Both ``forward`` and ``backward`` accept ``out=`` so the trainer can
reuse buffers; ``out`` may be the ``grad_a`` array itself.

Numerical stability: ``exp`` only ever sees arguments in ``[-700, 700]`` (``exp(-700)`` is still
a normal float64, so nothing overflows or underflows even under ``np.errstate(all="raise")``).
Clipping there changes results by less than ``1e-304`` in absolute value.

>>> import numpy as np
>>> z = np.array([[-1000.0, 0.0, 1000.0]])
>>> ACTIVATIONS["sigmoid"].forward(z).round(6).tolist()
[[0.0, 0.5, 1.0]]
>>> ACTIVATIONS["softmax"].forward(z).round(6).tolist()
[[0.0, 0.0, 1.0]]
>>> float(LOSSES["sse"].value(np.array([[0.5, 0.5]]), np.array([[0.0, 1.0]]))[0])
0.25
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nnref import registry

__all__ = [
    "ACTIVATIONS",
    "FROM_LOGITS",
    "LOSSES",
    "Activation",
    "FromLogits",
    "Loss",
    "OutputRule",
    "bce_from_logits",
    "cce_from_logits",
    "log_softmax",
    "output_rule",
    "softplus",
]

Array = NDArray[np.float64]

_EXP_LIMIT = 700.0  # exp(±700) is a normal float64: no overflow, no underflow
_TINY = np.finfo(np.float64).tiny  # smallest normal float64, keeps ln() finite
_BELOW_ONE = np.nextafter(1.0, 0.0)  # largest float64 < 1, keeps ln(1 - o) finite


@dataclass(frozen=True)
class Activation:
    """One activation: ``forward(z, out=None) -> a`` and ``backward(z, a, grad_a, out=None) -> grad_z``."""

    name: str
    forward: Callable[..., Array]
    backward: Callable[..., Array]

    @property
    def differentiable(self) -> bool:
        return registry.ACTIVATIONS[self.name].differentiable


@dataclass(frozen=True)
class Loss:
    """One loss: ``value(o, t)`` per sample (shape ``(n,)``) and ``gradient(o, t) = d value / d o``."""

    name: str
    value: Callable[[Array, Array], Array]
    gradient: Callable[[Array, Array], Array]


# -- activations -----------------------------------------------------------------------------


def _identity(z: Array, out: Array | None = None) -> Array:
    if out is None:
        return np.array(z, dtype=np.float64)
    np.copyto(out, z)
    return out


def _identity_backward(z: Array, a: Array, grad_a: Array, out: Array | None = None) -> Array:
    return _identity(grad_a, out)


def _step(z: Array, out: Array | None = None) -> Array:
    if out is None:
        return (z > 0).astype(np.float64)
    return np.greater(z, 0.0, out=out)


def _step_backward(z: Array, a: Array, grad_a: Array, out: Array | None = None) -> Array:
    raise registry.not_differentiable("step", "activation")


def _sigmoid(z: Array, out: Array | None = None) -> Array:
    # e = exp(-|z|) never overflows; σ(z) = 1/(1+e) for z >= 0 and e/(1+e) for z < 0.
    e = np.exp(-np.minimum(np.abs(z), _EXP_LIMIT))
    numerator = np.where(z >= 0, 1.0, e)
    return np.divide(numerator, 1.0 + e, out=out)


def _sigmoid_backward(z: Array, a: Array, grad_a: Array, out: Array | None = None) -> Array:
    return np.multiply(grad_a, a * (1.0 - a), out=out)


def _tanh(z: Array, out: Array | None = None) -> Array:
    return np.tanh(z, out=out)


def _tanh_backward(z: Array, a: Array, grad_a: Array, out: Array | None = None) -> Array:
    return np.multiply(grad_a, 1.0 - a * a, out=out)


def _relu(z: Array, out: Array | None = None) -> Array:
    return np.maximum(z, 0.0, out=out)


def _relu_backward(z: Array, a: Array, grad_a: Array, out: Array | None = None) -> Array:
    return np.multiply(grad_a, z > 0.0, out=out)  # relu'(0) = 0


def _softmax(z: Array, out: Array | None = None) -> Array:
    shifted = z - z.max(axis=1, keepdims=True)
    np.maximum(shifted, -_EXP_LIMIT, out=shifted)
    out = np.exp(shifted, out=out)
    out /= out.sum(axis=1, keepdims=True)
    return out


def _softmax_backward(z: Array, a: Array, grad_a: Array, out: Array | None = None) -> Array:
    # dE/dz_j = a_j (g_j − Σ_k g_k a_k): the Jacobian diag(a) − a aᵀ applied to g.
    weighted = (grad_a * a).sum(axis=1, keepdims=True)
    out = np.subtract(grad_a, weighted, out=out)
    out *= a
    return out


ACTIVATIONS: dict[str, Activation] = {
    "identity": Activation("identity", _identity, _identity_backward),
    "step": Activation("step", _step, _step_backward),
    "sigmoid": Activation("sigmoid", _sigmoid, _sigmoid_backward),
    "tanh": Activation("tanh", _tanh, _tanh_backward),
    "relu": Activation("relu", _relu, _relu_backward),
    "softmax": Activation("softmax", _softmax, _softmax_backward),
}


# -- losses on outputs ------------------------------------------------------------------------


def _sse(o: Array, t: Array) -> Array:
    return 0.5 * np.square(t - o).sum(axis=1)


def _sse_gradient(o: Array, t: Array) -> Array:
    return o - t


def _mse(o: Array, t: Array) -> Array:
    return np.square(t - o).mean(axis=1)


def _mse_gradient(o: Array, t: Array) -> Array:
    return (2.0 / o.shape[1]) * (o - t)


def _clip_probability(o: Array) -> Array:
    # Outputs of exactly 0 or 1 would make ln() infinite; the MLP computes bce from logits instead.
    return np.clip(o, _TINY, _BELOW_ONE)


def _bce(o: Array, t: Array) -> Array:
    p = _clip_probability(o)
    return -(t * np.log(p) + (1.0 - t) * np.log1p(-p)).mean(axis=1)


def _bce_gradient(o: Array, t: Array) -> Array:
    p = _clip_probability(o)
    return (p - t) / (p * (1.0 - p)) / o.shape[1]


def _cce(o: Array, t: Array) -> Array:
    return -(t * np.log(np.maximum(o, _TINY))).sum(axis=1)


def _cce_gradient(o: Array, t: Array) -> Array:
    return -t / np.maximum(o, _TINY)


LOSSES: dict[str, Loss] = {
    "sse": Loss("sse", _sse, _sse_gradient),
    "mse": Loss("mse", _mse, _mse_gradient),
    "bce": Loss("bce", _bce, _bce_gradient),
    "cce": Loss("cce", _cce, _cce_gradient),
}


# -- losses straight from the output layer's pre-activation z (logits) -------------------------


def softplus(z: Array) -> Array:
    """``ln(1 + e^z)`` without overflow: ``max(z, 0) + ln(1 + e^{-|z|})``.

    >>> softplus(np.array([-1000.0, 0.0, 1000.0])).round(6).tolist()
    [0.0, 0.693147, 1000.0]
    """
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.minimum(np.abs(z), _EXP_LIMIT)))


def log_softmax(z: Array) -> Array:
    """``ln softmax(z)`` row by row, as ``(z − max) − ln Σ e^{z − max}`` (no overflow, no ln 0).

    >>> log_softmax(np.array([[0.0, 1000.0]])).tolist()
    [[-1000.0, 0.0]]
    """
    shifted = z - z.max(axis=1, keepdims=True)
    total = np.exp(np.maximum(shifted, -_EXP_LIMIT)).sum(axis=1, keepdims=True)
    return shifted - np.log(total)


def bce_from_logits(z: Array, t: Array) -> Array:
    """Per-sample bce of ``sigmoid(z)``: ``(1/K) Σ [softplus(z) − t z]``, exact for any z.

    >>> float(bce_from_logits(np.array([[0.0]]), np.array([[1.0]]))[0])  # ln 2
    0.6931471805599453
    """
    return (softplus(z) - t * z).mean(axis=1)


def cce_from_logits(z: Array, t: Array) -> Array:
    """Per-sample cce of ``softmax(z)``: ``−Σ t · log_softmax(z)``.

    >>> float(cce_from_logits(np.array([[0.0, 0.0]]), np.array([[1.0, 0.0]]))[0])  # ln 2
    0.6931471805599453
    """
    return -(t * log_softmax(z)).sum(axis=1)


def _sigmoid_bce_sum(z: Array, t: Array, out: Array) -> float:
    _sigmoid(z, out=out)
    return float((softplus(z) - t * z).sum()) / z.shape[1]


def _softmax_cce_sum(z: Array, t: Array, out: Array) -> float:
    # One pass gives both: softmax(z) = e^s / Σe^s and cce = Σ_rows [(Σ_k t_k) ln Σe^s − Σ_k t_k s_k]
    # with s = z − max(z); the loss uses the unclipped s, so it is exact even where e^s is clipped.
    shifted = z - z.max(axis=1, keepdims=True)
    target_logits = np.vdot(t, shifted)
    np.maximum(shifted, -_EXP_LIMIT, out=shifted)
    np.exp(shifted, out=out)
    total = out.sum(axis=1, keepdims=True)
    out /= total
    return float(np.vdot(t.sum(axis=1), np.log(total)) - target_logits)


@dataclass(frozen=True)
class FromLogits:
    """The stable forms of one output activation + loss pair, computed from the logits ``z``.

    ``per_sample(z, t)``: the per-sample losses; ``forward_with_loss(z, t, out)``: the activation
    written into ``out`` and the summed loss in the same pass (what the trainer calls per batch).
    """

    per_sample: Callable[[Array, Array], Array]
    forward_with_loss: Callable[[Array, Array, Array], float]


FROM_LOGITS: dict[tuple[str, str], FromLogits] = {
    ("sigmoid", "bce"): FromLogits(bce_from_logits, _sigmoid_bce_sum),
    ("softmax", "cce"): FromLogits(cce_from_logits, _softmax_cce_sum),
}
"""Output activation + loss pairs whose loss is computed from ``z`` directly (exact for any ``z``)."""


@dataclass(frozen=True)
class OutputRule:
    """The output layer of one (activation, loss) pair: its loss and its delta ``dE/dz``.

    ``shortcut``: ``c`` in ``dE/dz = c (o − t)`` where the registry names that shortcut, else
    None (the general chain rule); ``logits``: the pair's stable forms, if it has any.
    """

    activation: Activation
    loss: Loss
    shortcut: float | None
    logits: FromLogits | None

    def per_sample_loss(self, z: Array, a: Array, t: Array) -> Array:
        """Per-sample losses of outputs ``a = f(z)`` against targets ``t``."""
        return self.logits.per_sample(z, t) if self.logits is not None else self.loss.value(a, t)

    def forward_with_loss(self, z: Array, t: Array, out: Array) -> float:
        """Write ``f(z)`` into ``out`` and return the summed loss of the batch."""
        if self.logits is not None:
            return self.logits.forward_with_loss(z, t, out)
        self.activation.forward(z, out=out)
        return float(self.loss.value(out, t).sum())

    def delta(self, z: Array, a: Array, t: Array, scale: float, out: Array) -> Array:
        """``scale · dE/dz`` into ``out``: the shortcut where it holds, else the chain rule."""
        if self.shortcut is not None:
            np.subtract(a, t, out=out)
            out *= self.shortcut * scale
            return out
        grad_a = self.loss.gradient(a, t)
        grad_a *= scale
        return self.activation.backward(z, a, grad_a, out=out)


def output_rule(activation: str, loss: str, n_outputs: int) -> OutputRule:
    """The :class:`OutputRule` of a pair; the general chain rule unless the registry says otherwise.

    >>> output_rule("sigmoid", "bce", 4).shortcut, output_rule("sigmoid", "sse", 1).shortcut
    (0.25, None)
    """
    scale = registry.shortcut_scale(activation, loss, n_outputs)
    return OutputRule(
        ACTIVATIONS[activation],
        LOSSES[loss],
        None if scale is None else float(scale),
        FROM_LOGITS.get((activation, loss)),
    )
