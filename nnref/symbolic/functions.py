"""Activations and losses as SymPy formulas, each backward formula next to its forward one.

Keys are the names of :mod:`nnref.registry`, which says what each function is (elementwise,
differentiable, where it may be used); the numeric engine's tables use the same keys and a test
checks both.

Conventions shared with the numeric engine:

- ``step(z) = 1 if z > 0 else 0``; its derivative is refused (zero almost everywhere, so
  gradient descent cannot learn through it).
- ``relu'(0) = 0`` (SymPy's ``Heaviside(0) = 1/2`` is never used).
- Per-sample losses over K outputs: ``sse = ½ Σ (t−o)²``, ``mse = (1/K) Σ (t−o)²``,
  ``bce = (1/K) Σ −[t ln o + (1−t) ln(1−o)]``, ``cce = −Σ t ln o``.

>>> z, a = sympy.symbols("z a")
>>> ACTIVATIONS["sigmoid"].formula(z), ACTIVATIONS["sigmoid"].derivative(z, a)
(1/(1 + exp(-z)), a*(1 - a))
>>> o, t = sympy.symbols("o t")
>>> LOSSES["sse"].term(o, t, 2), loss_derivative("sse", 2)
((-o + t)**2/2, o - t)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import sympy

from nnref import registry

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "Activation",
    "Loss",
    "activation_derivative",
    "loss_derivative",
    "softmax_derivative",
    "softmax_formula",
]

Z, A = sympy.Symbol("z"), sympy.Symbol("a")  # generic pre-activation and activation
OUT, TGT = sympy.Symbol("o"), sympy.Symbol("t")  # generic output and target


def _positive(z: sympy.Expr) -> sympy.Expr:
    # The branch condition z > 0, kept unevaluated: formulas show it, values never ask SymPy.
    return sympy.StrictGreaterThan(z, 0, evaluate=False)


Branch = Callable[[sympy.Expr, bool], tuple[sympy.Expr, sympy.Expr | None]]


@dataclass(frozen=True)
class Activation:
    """One activation. ``formula(z)`` is ``a`` in terms of ``z``; ``derivative(z, a)`` is
    ``da/dz`` written the way textbooks do (``a(1−a)`` for sigmoid), ``None`` when refused.

    A piecewise activation (relu, step) has ``branch(z, positive) -> (a, da/dz)``: its exact value
    and derivative on the side of 0 that the value of ``z`` decides, never SymPy's ``Heaviside``.
    """

    name: str
    formula: Callable[[sympy.Expr], sympy.Expr]
    derivative: Callable[[sympy.Expr, sympy.Expr], sympy.Expr] | None
    branch: Branch | None = None

    @property
    def branches(self) -> bool:
        return self.branch is not None

    @property
    def elementwise(self) -> bool:
        return registry.ACTIVATIONS[self.name].elementwise

    def on_branch(self, z: sympy.Expr, positive: bool) -> tuple[sympy.Expr, sympy.Expr | None]:
        """Exact ``(a, da/dz)`` of a piecewise activation on the branch of ``z``.

        >>> ACTIVATIONS["relu"].on_branch(sympy.Integer(0), positive=False)
        (0, 0)
        """
        if self.branch is None:
            raise ValueError(f"activation {self.name!r} is not piecewise")
        return self.branch(z, positive)

    def refuse_derivative(self) -> None:
        """Raise the one error (:func:`nnref.registry.not_differentiable`) for an activation
        without a usable derivative."""
        if not registry.ACTIVATIONS[self.name].differentiable:
            raise registry.not_differentiable(self.name, "activation")


def _softmax_placeholder(z: sympy.Expr) -> sympy.Expr:
    raise ValueError("softmax acts on a whole layer: use softmax_formula(zs)")


_ONE, _ZERO = sympy.Integer(1), sympy.Integer(0)

ACTIVATIONS: dict[str, Activation] = {
    "identity": Activation("identity", lambda z: z, lambda z, a: _ONE),
    "step": Activation(
        "step",
        lambda z: sympy.Piecewise((1, _positive(z)), (0, True)),
        None,
        branch=lambda z, positive: (_ONE if positive else _ZERO, None),
    ),
    "sigmoid": Activation("sigmoid", lambda z: 1 / (1 + sympy.exp(-z)), lambda z, a: a * (1 - a)),
    "tanh": Activation("tanh", sympy.tanh, lambda z, a: 1 - a**2),
    "relu": Activation(
        "relu",
        lambda z: sympy.Max(0, z),
        lambda z, a: sympy.Piecewise((1, _positive(z)), (0, True)),
        branch=lambda z, positive: (z, _ONE) if positive else (_ZERO, _ZERO),
    ),
    "softmax": Activation("softmax", _softmax_placeholder, None),
}
assert set(ACTIVATIONS) == set(registry.ACTIVATION_NAMES)


def softmax_formula(zs: Sequence[sympy.Expr]) -> list[sympy.Expr]:
    """``o_k = exp(z_k) / Σ_j exp(z_j)``, sharing one denominator.

    >>> softmax_formula(sympy.symbols("z1 z2"))
    [exp(z1)/(exp(z1) + exp(z2)), exp(z2)/(exp(z1) + exp(z2))]
    """
    exps = [sympy.exp(z) for z in zs]
    denominator = sympy.Add(*exps)
    return [e / denominator for e in exps]


def softmax_derivative(k: int, j: int, os: Sequence[sympy.Expr]) -> sympy.Expr:
    """``do_k/dz_j = o_k (δ_kj − o_j)`` in terms of the outputs ``os``.

    >>> o1, o2 = sympy.symbols("o1 o2")
    >>> softmax_derivative(0, 0, (o1, o2)), softmax_derivative(0, 1, (o1, o2))
    (o1*(1 - o1), -o1*o2)
    """
    return os[k] * (1 - os[k]) if k == j else -os[k] * os[j]


@cache
def activation_derivative(name: str) -> sympy.Expr:
    """Generic ``da/dz`` of an elementwise activation in the symbols ``z`` and ``a``."""
    activation = ACTIVATIONS[name]
    activation.refuse_derivative()
    if activation.derivative is None:
        raise ValueError(f"{name} acts on a whole layer: use softmax_derivative(k, j, outputs)")
    return activation.derivative(Z, A)


@dataclass(frozen=True)
class Loss:
    """One per-sample loss: ``term(o, t, K)`` is output k's share of E (E = Σ_k term)."""

    name: str
    term: Callable[[sympy.Expr, sympy.Expr, int], sympy.Expr]


LOSSES: dict[str, Loss] = {
    "sse": Loss("sse", lambda o, t, k: sympy.Rational(1, 2) * (t - o) ** 2),
    "mse": Loss("mse", lambda o, t, k: (t - o) ** 2 / k),
    "bce": Loss("bce", lambda o, t, k: -(t * sympy.log(o) + (1 - t) * sympy.log(1 - o)) / k),
    "cce": Loss("cce", lambda o, t, k: -t * sympy.log(o)),
}
assert set(LOSSES) == set(registry.LOSS_NAMES)


@cache
def loss_term(name: str, n_outputs: int) -> sympy.Expr:
    """Generic share ``E_k`` of one output, in the symbols ``o`` and ``t``."""
    return LOSSES[name].term(OUT, TGT, n_outputs)


@cache
def loss_derivative(name: str, n_outputs: int) -> sympy.Expr:
    """Generic ``dE/do_k`` (= ``dE_k/do_k``: every loss here is a sum of per-output shares),
    derived with ``sympy.diff`` from the loss term, in the symbols ``o`` and ``t``.

    >>> loss_derivative("bce", 2)
    (1 - t)/(2*(1 - o)) - t/(2*o)
    """
    return sympy.diff(loss_term(name, n_outputs), OUT)
