"""When does ``dE/dz = o − t`` hold at the output layer? Derived, not assumed.

For an output activation and a loss, :func:`output_shortcut` differentiates the loss composed
with the activation (``sympy.diff`` in generic symbols ``z1..zK``, ``t1..tK``; small
expressions, so this is cheap) and compares ``dE/dz1`` with ``c (o1 − t1)``, where ``c`` is the
loss's own scale (``LossSpec.scale`` of :mod:`nnref.registry`: ``1`` for sse and cce, ``1/K``
for bce, ``2/K`` for mse); a test checks that it holds exactly for the pairs the registry names.
It also writes the delta the chain-rule way in the output symbols, ``Σ_k dE/do_k · do_k/dz1``.

>>> output_shortcut("sigmoid", "bce").holds, output_shortcut("sigmoid", "mse").holds
(True, False)
>>> output_shortcut("softmax", "cce").in_outputs
o1 - t1
>>> output_shortcut("sigmoid", "bce", 2).in_outputs
o1/2 - t1/2
>>> output_shortcut("sigmoid", "mse", 2).in_outputs
o1*(1 - o1)*(o1 - t1)
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy

from nnref import registry
from nnref.symbolic.functions import (
    ACTIVATIONS,
    LOSSES,
    OUT,
    TGT,
    activation_derivative,
    loss_derivative,
    softmax_derivative,
    softmax_formula,
)
from nnref.symbolic.functions import A as _A
from nnref.symbolic.functions import Z as _Z

__all__ = ["Shortcut", "output_shortcut"]


@dataclass(frozen=True)
class Shortcut:
    """The derived output delta of one activation/loss pair.

    ``delta``: ``dE/dz1`` in ``z1..zK, t1..tK`` (from ``sympy.diff``); ``claim``: ``c (o1 − t1)``
    in the same symbols; ``holds``: whether they are equal (for cce given ``Σ t = 1``);
    ``in_outputs``: ``dE/dz1`` in ``o1..oK, t1..tK`` (``c (o1 − t1)`` when the shortcut holds,
    else the chain-rule product); ``scale``: ``c``.
    """

    activation: str
    loss: str
    n_outputs: int
    delta: sympy.Expr
    claim: sympy.Expr
    scale: sympy.Expr
    holds: bool
    in_outputs: sympy.Expr


def _check(activation: str, loss: str, n_outputs: int) -> None:
    usable = [name for name, spec in registry.ACTIVATIONS.items() if spec.differentiable]
    if activation not in usable:
        raise ValueError(f"activation must be one of {', '.join(usable)}; got {activation!r}")
    if loss not in registry.LOSSES:
        raise ValueError(f"loss must be one of {', '.join(registry.LOSS_NAMES)}; got {loss!r}")
    least = registry.ACTIVATIONS[activation].min_width
    if isinstance(n_outputs, bool) or not isinstance(n_outputs, int) or n_outputs < least:
        raise ValueError(f"n_outputs must be an integer >= {least}; got {n_outputs!r}")


def _outputs(activation: str, zs: list[sympy.Symbol]) -> list[sympy.Expr]:
    if not registry.ACTIVATIONS[activation].elementwise:
        return softmax_formula(zs)
    return [ACTIVATIONS[activation].formula(z) for z in zs]


def _is_zero(expr: sympy.Expr, zs: list[sympy.Symbol]) -> bool:
    # With z = log(u) every sigmoid/tanh/softmax difference becomes a rational function of u,
    # for which cancel() decides zero quickly; simplify() is the fallback (relu's Heaviside).
    us = sympy.symbols(f"u1:{len(zs) + 1}", positive=True)
    rational = expr.rewrite(sympy.exp).xreplace({z: sympy.log(u) for z, u in zip(zs, us, strict=True)})
    canonical = sympy.cancel(sympy.together(rational))
    if canonical == 0:
        return True
    if not canonical.atoms(sympy.Function, sympy.Piecewise):
        return False  # a nonzero rational function in lowest terms is not identically 0
    return sympy.simplify(expr) == 0


def _differs_somewhere(expr: sympy.Expr, symbols: list[sympy.Symbol]) -> bool:
    # A simplify() that does not reach 0 proves nothing; a nonzero value at a point does.
    rng = random.Random(0)
    for _ in range(5):
        point = {s: sympy.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), 10) for s in symbols}
        if abs(sympy.N(expr.xreplace(point), 30)) > sympy.Float("1e-20"):
            return True
    return False


def output_shortcut(activation: str, loss: str, n_outputs: int = 2) -> Shortcut:
    """Derive ``dE/dz1`` for ``activation`` + ``loss`` with ``n_outputs`` outputs (see module doc).

    Args:
        activation: the output activation.
        loss: the loss.
        n_outputs: the number of outputs.

    Returns:
        The derivative and whether it is ``o - t`` times a constant.
    """
    _check(activation, loss, n_outputs)
    zs = list(sympy.symbols(f"z1:{n_outputs + 1}"))
    ts = list(sympy.symbols(f"t1:{n_outputs + 1}"))
    os_ = list(sympy.symbols(f"o1:{n_outputs + 1}"))
    outputs = _outputs(activation, zs)
    loss_total = sum(LOSSES[loss].term(o, t, n_outputs) for o, t in zip(outputs, ts, strict=True))
    delta = sympy.diff(loss_total, zs[0])
    scale = sympy.Rational(registry.LOSSES[loss].scale(n_outputs))
    claim = scale * (outputs[0] - ts[0])
    distribution = registry.LOSSES[loss].targets == "distribution"
    constraint = {ts[-1]: 1 - sum(ts[:-1])} if distribution else {}
    difference = (delta - claim).xreplace(constraint)
    holds = _is_zero(difference, zs)
    if not holds and not _differs_somewhere(difference, zs + ts):
        raise ArithmeticError(f"could not decide the shortcut for {activation}+{loss}")
    dE_do = loss_derivative(loss, n_outputs)
    if not registry.ACTIVATIONS[activation].elementwise:
        chain = sum(
            dE_do.xreplace({OUT: o, TGT: t}) * softmax_derivative(k, 0, os_)
            for k, (o, t) in enumerate(zip(os_, ts, strict=True))
        )
    else:
        chain = dE_do.xreplace({OUT: os_[0], TGT: ts[0]}) * activation_derivative(activation).xreplace(
            {_Z: zs[0], _A: os_[0]}
        )
    chain = chain.xreplace(constraint)
    shortcut = scale * (os_[0] - ts[0])
    in_outputs = shortcut if _is_zero(chain - shortcut, []) else chain
    return Shortcut(activation, loss, n_outputs, delta, claim, scale, bool(holds), in_outputs)
