"""An independent forward and backward pass in plain mpmath, for tests of the exact engine.

Written from the textbook formulas only (it imports nothing of nnref's engines; the parameter
naming is read from the ``Network`` spec): matrices as lists, deltas by the recursion
``δ = f'(z) ⊙ Wᵀ δ_above``, gradients ``δ_j a_i``. Run it inside ``mpmath.workdps(n)``.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath

from nnref.network import Network


def _mp(value) -> mpmath.mpf:
    if isinstance(value, mpmath.mpf):
        return value
    fraction = Fraction(value)
    return mpmath.mpf(fraction.numerator) / fraction.denominator


def _act(name: str, z: list) -> list:
    if name == "softmax":
        top = max(z)
        exps = [mpmath.exp(v - top) for v in z]
        return [e / mpmath.fsum(exps) for e in exps]
    table = {
        "identity": lambda v: v,
        "sigmoid": lambda v: 1 / (1 + mpmath.exp(-v)),
        "tanh": mpmath.tanh,
        "relu": lambda v: v if v > 0 else mpmath.mpf(0),
    }
    return [table[name](v) for v in z]


def _act_derivative(name: str, z, a):
    return {
        "identity": lambda: mpmath.mpf(1),
        "sigmoid": lambda: a * (1 - a),
        "tanh": lambda: 1 - a**2,
        "relu": lambda: mpmath.mpf(1) if z > 0 else mpmath.mpf(0),
    }[name]()


def loss(name: str, o: list, t: list):
    k = len(o)
    if name == "sse":
        return mpmath.fsum((ti - oi) ** 2 for oi, ti in zip(o, t, strict=True)) / 2
    if name == "mse":
        return mpmath.fsum((ti - oi) ** 2 for oi, ti in zip(o, t, strict=True)) / k
    if name == "bce":
        return (
            -mpmath.fsum(
                ti * mpmath.log(oi) + (1 - ti) * mpmath.log(1 - oi) for oi, ti in zip(o, t, strict=True)
            )
            / k
        )
    return -mpmath.fsum(ti * mpmath.log(oi) for oi, ti in zip(o, t, strict=True))


def _loss_derivative(name: str, o: list, t: list) -> list:
    k = len(o)
    if name == "sse":
        return [oi - ti for oi, ti in zip(o, t, strict=True)]
    if name == "mse":
        return [2 * (oi - ti) / k for oi, ti in zip(o, t, strict=True)]
    if name == "bce":
        return [((1 - ti) / (1 - oi) - ti / oi) / k for oi, ti in zip(o, t, strict=True)]
    return [-ti / oi for oi, ti in zip(o, t, strict=True)]


def backprop(net: Network, x, target, parameters: dict) -> dict:
    """``{"E": .., "o": [..], "z": {name: ..}, "delta": {z name: ..}, "dx": [..], "grad": {param: ..}}``."""
    values = {name: _mp(v) for name, v in parameters.items()}
    a = [_mp(v) for v in x]
    t = [_mp(v) for v in target]
    activations, pres = [a], []
    for layer in range(net.n_layers):
        rows, biases = net.layer_weight_names(layer), net.layer_bias_names(layer)
        z = [
            mpmath.fsum(values[w] * ai for w, ai in zip(row, a, strict=True))
            + (values[biases[j]] if biases else 0)
            for j, row in enumerate(rows)
        ]
        a = _act(net.activations[layer], z)
        pres.append(z)
        activations.append(a)
    o = activations[-1]
    outer = _loss_derivative(net.loss, o, t)
    if net.activations[-1] == "softmax":
        delta = [
            mpmath.fsum(outer[k] * o[k] * ((1 if k == j else 0) - o[j]) for k in range(len(o)))
            for j in range(len(o))
        ]
    else:
        delta = [
            g * _act_derivative(net.activations[-1], z, ai)
            for g, z, ai in zip(outer, pres[-1], o, strict=True)
        ]
    deltas = [delta]
    for layer in range(net.n_layers - 1, 0, -1):
        rows = net.layer_weight_names(layer)
        above = deltas[0]
        back = [
            mpmath.fsum(values[rows[k][j]] * above[k] for k in range(len(rows))) for j in range(len(rows[0]))
        ]
        deltas.insert(
            0,
            [
                g * _act_derivative(net.activations[layer - 1], z, ai)
                for g, z, ai in zip(back, pres[layer - 1], activations[layer], strict=True)
            ],
        )
    rows0 = net.layer_weight_names(0)
    dx = [
        mpmath.fsum(values[rows0[k][i]] * deltas[0][k] for k in range(len(rows0)))
        for i in range(net.sizes[0])
    ]
    grad, delta_by_name, z_by_name, counter = {}, {}, {}, 0
    for layer in range(net.n_layers):
        rows, biases = net.layer_weight_names(layer), net.layer_bias_names(layer)
        for j, row in enumerate(rows):
            counter += 1
            delta_by_name[f"z{counter}"] = deltas[layer][j]
            z_by_name[f"z{counter}"] = pres[layer][j]
            for w, ai in zip(row, activations[layer], strict=True):
                grad[w] = deltas[layer][j] * ai
            if biases:
                grad[biases[j]] = deltas[layer][j]
    return {"E": loss(net.loss, o, t), "o": o, "z": z_by_name, "delta": delta_by_name, "dx": dx, "grad": grad}
