"""The same functions written for evaluation without cancellation, over the pre-activations.

Exact values and closed forms use the textbook formulas (``a(1 − a)``, ``ln(1 − o)``). Their
digits are computed in interval arithmetic, which stays correct under cancellation but pays
for it with working precision: ``1 − σ(z)`` at ``z = 10⁴`` would need 14,000 bits. These forms
are identities (a test checks each against the textbook one) that avoid the subtraction:

* ``σ′ = σ(z)·σ(−z) = 1 / (2 + 2 cosh z)`` and ``tanh′ = 1 / cosh² z`` instead of ``a(1 − a)`` and
  ``1 − a²``;
* for sigmoid + bce, ``ln o = −ln(1 + e⁻ᶻ)`` and ``ln(1 − o) = −ln(1 + eᶻ)`` (``log1p``);
* for softmax, ``o_k = 1 / Σ_j e^(z_j − z_k)`` and ``o_k(1 − o_k) = o_k Σ_{j≠k} o_j``;
  for softmax + cce, ``−ln o_k = ln(1 + Σ_{j≠k} e^(z_j − z_k))``.

Each function returns ``(formula in v0.., dependencies)`` or None where the textbook form is
already stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TypeVar

import sympy

from nnref.symbolic.intervals import generic_symbols

__all__ = [
    "activation_derivative",
    "loss_derivative",
    "loss_term",
    "softmax",
    "softmax_derivative",
]

N = TypeVar("N")
Numeric = tuple[sympy.Expr, list]

_V = generic_symbols(64)


def _v(count: int) -> tuple[sympy.Symbol, ...]:
    return _V[:count] if count <= len(_V) else generic_symbols(count)


@cache
def _activation_derivative(name: str) -> sympy.Expr | None:
    v0 = _v(1)[0]
    if name == "sigmoid":
        return 1 / (2 + 2 * sympy.cosh(v0))
    if name == "tanh":
        return 1 / sympy.cosh(v0) ** 2
    return None


def activation_derivative(name: str, z: N) -> Numeric | None:
    """``da/dz`` from ``z`` alone, for sigmoid and tanh."""
    formula = _activation_derivative(name)
    return None if formula is None else (formula, [z])


@cache
def _loss_term(loss: str, n_outputs: int, k: int) -> sympy.Expr | None:
    if loss == "bce":
        v0, v1 = _v(2)
        softplus = sympy.log(1 + sympy.exp(v0)), sympy.log(1 + sympy.exp(-v0))
        return (v1 * softplus[1] + (1 - v1) * softplus[0]) / n_outputs
    if loss == "cce":
        v = _v(n_outputs + 1)
        others = [sympy.exp(v[j] - v[k]) for j in range(n_outputs) if j != k]
        return v[n_outputs] * sympy.log(1 + sympy.Add(*others))
    return None


def loss_term(loss: str, n_outputs: int, k: int, zs: Sequence[N], target: N) -> Numeric | None:
    """Output ``k``'s share of E (0-based ``k``) from the pre-activations, for bce and cce."""
    formula = _loss_term(loss, n_outputs, k)
    if formula is None:
        return None
    return formula, ([zs[k], target] if loss == "bce" else [*zs, target])


@cache
def _bce_derivative(n_outputs: int) -> sympy.Expr:
    v0, v1 = _v(2)
    return ((1 - v1) * (1 + sympy.exp(v0)) - v1 * (1 + sympy.exp(-v0))) / n_outputs


def loss_derivative(loss: str, n_outputs: int, z: N, target: N) -> Numeric | None:
    """``dE/do`` for sigmoid + bce from ``z``: ``1/o = 1 + e⁻ᶻ``, ``1/(1 − o) = 1 + eᶻ``."""
    return (_bce_derivative(n_outputs), [z, target]) if loss == "bce" else None


@cache
def _softmax(k: int, count: int) -> sympy.Expr:
    v = _v(count)
    return 1 / sympy.Add(*[sympy.exp(v[j] - v[k]) if j != k else sympy.S.One for j in range(count)])


def softmax(k: int, zs: Sequence[N]) -> Numeric:
    """``o_k = 1 / Σ_j e^(z_j − z_k)``: no overflow, no cancellation."""
    return _softmax(k, len(zs)), list(zs)


@cache
def _softmax_derivative(k: int, count: int) -> sympy.Expr:
    v = _v(count)
    return v[k] * sympy.Add(*[v[i] for i in range(count) if i != k])


def softmax_derivative(k: int, j: int, outputs: Sequence[N]) -> Numeric | None:
    """``do_k/dz_k = o_k Σ_{i≠k} o_i`` (instead of ``o_k(1 − o_k)``); None for ``k ≠ j``."""
    return None if k != j else (_softmax_derivative(k, len(outputs)), list(outputs))
