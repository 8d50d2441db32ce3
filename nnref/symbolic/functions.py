"""Activations and losses as SymPy formulas, each backward formula next to its forward one.

Keys equal :data:`nnref.network.ACTIVATION_NAMES` and :data:`nnref.network.LOSS_NAMES` (the
numeric engine's tables use the same keys; a test checks both).

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

from nnref.network import ACTIVATION_NAMES, LOSS_NAMES

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


@dataclass(frozen=True)
class Activation:
    """One activation. ``formula(z)`` is ``a`` in terms of ``z``; ``derivative(z, a)`` is
    ``da/dz`` written the way textbooks do (``a(1−a)`` for sigmoid), ``None`` when refused.

    ``branches`` activations (relu, step) are piecewise in the sign of ``z``: their exact
    value and derivative come from ``on_branch(z, positive)`` with the branch decided from
    the value of ``z``, never from SymPy's ``Heaviside``.
    """

    name: str
    formula: Callable[[sympy.Expr], sympy.Expr]
    derivative: Callable[[sympy.Expr, sympy.Expr], sympy.Expr] | None
    branches: bool = False
    elementwise: bool = True

    def on_branch(self, z: sympy.Expr, positive: bool) -> tuple[sympy.Expr, sympy.Expr | None]:
        """Exact ``(a, da/dz)`` of a piecewise activation on the branch of ``z``.

        >>> ACTIVATIONS["relu"].on_branch(sympy.Integer(0), positive=False)
        (0, 0)
        """
        if self.name == "relu":
            return (z, sympy.Integer(1)) if positive else (sympy.Integer(0), sympy.Integer(0))
        if self.name == "step":
            return (sympy.Integer(1) if positive else sympy.Integer(0)), None
        raise ValueError(f"activation {self.name!r} is not piecewise")

    def refuse_derivative(self) -> None:
        """Raise the error for differentiating through an activation without a derivative."""
        if self.derivative is None:
            raise ValueError(
                f"cannot differentiate through activation {self.name!r}: its derivative is 0 "
                "everywhere except at z = 0, where it is undefined, so backpropagation gets no "
                "signal. Use forward() for perceptrons, or a sigmoid/tanh/relu network to train."
            )


def _softmax_placeholder(z: sympy.Expr) -> sympy.Expr:
    raise ValueError("softmax acts on a whole layer: use softmax_formula(zs)")


ACTIVATIONS: dict[str, Activation] = {
    "identity": Activation("identity", lambda z: z, lambda z, a: sympy.Integer(1)),
    "step": Activation("step", lambda z: sympy.Piecewise((1, _positive(z)), (0, True)), None, branches=True),
    "sigmoid": Activation("sigmoid", lambda z: 1 / (1 + sympy.exp(-z)), lambda z, a: a * (1 - a)),
    "tanh": Activation("tanh", sympy.tanh, lambda z, a: 1 - a**2),
    "relu": Activation(
        "relu",
        lambda z: sympy.Max(0, z),
        lambda z, a: sympy.Piecewise((1, _positive(z)), (0, True)),
        branches=True,
    ),
    "softmax": Activation("softmax", _softmax_placeholder, None, elementwise=False),
}
assert tuple(ACTIVATIONS) == ACTIVATION_NAMES


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
    return activation.derivative(Z, A)


@dataclass(frozen=True)
class Loss:
    """One per-sample loss: ``term(o, t, K)`` is output k's share of E (E = Σ_k term).

    ``shortcut_scale(K)`` is the factor c of the textbook shortcut ``dE/dz = c (o − t)`` that
    holds for the loss's canonical output activation (see :mod:`nnref.symbolic.shortcut`).
    """

    name: str
    term: Callable[[sympy.Expr, sympy.Expr, int], sympy.Expr]
    shortcut_scale: Callable[[int], sympy.Expr]


LOSSES: dict[str, Loss] = {
    "sse": Loss("sse", lambda o, t, k: sympy.Rational(1, 2) * (t - o) ** 2, lambda k: sympy.Integer(1)),
    "mse": Loss("mse", lambda o, t, k: (t - o) ** 2 / k, lambda k: sympy.Rational(2, k)),
    "bce": Loss(
        "bce",
        lambda o, t, k: -(t * sympy.log(o) + (1 - t) * sympy.log(1 - o)) / k,
        lambda k: sympy.Rational(1, k),
    ),
    "cce": Loss("cce", lambda o, t, k: -t * sympy.log(o), lambda k: sympy.Integer(1)),
}
assert tuple(LOSSES) == LOSS_NAMES


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
