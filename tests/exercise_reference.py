"""Every exercise's answer recomputed from its ``data-exercise`` alone, without nnref's engines.

Networks go through tests/mp_reference.py (plain mpmath forward and backward passes); the rest
is written here from the textbook formulas: fractions for the exact answers, mpmath at 60 digits
for the others, rounded half up with :mod:`decimal`. Nothing here imports nnref.symbolic,
nnref.exercises or nnref.rounding.
"""

from __future__ import annotations

import itertools
import math
from decimal import Decimal
from fractions import Fraction

import mpmath
from mp_reference import backprop, loss

from nnref.network import Network

DIGITS = 60
TIE_TOLERANCE = mpmath.mpf(10) ** -45  # an irrational value this close to a rounding tie does not occur


def _numbers(text: str) -> list[Fraction]:
    return [Fraction(item) for item in str(text).split(",")]


def _mp(value: Fraction) -> mpmath.mpf:
    return mpmath.mpf(value.numerator) / value.denominator


def exact_text(value: Fraction | int) -> str:
    value = Fraction(value)
    for places in range(40):
        scaled = value * 10**places
        if scaled.denominator == 1:
            return f"{Decimal(scaled.numerator).scaleb(-places):f}" if places else str(scaled.numerator)
    raise ValueError(f"{value} has no short decimal expansion")


def rounded(value: mpmath.mpf, places: int) -> str:
    """``value`` rounded half up (ties away from zero) to ``places`` decimals."""
    scaled = value * 10**places
    floor = mpmath.floor(abs(scaled))
    fraction = abs(scaled) - floor
    if abs(fraction - mpmath.mpf("0.5")) < TIE_TOLERANCE * 10**places:  # a rational value on a tie
        magnitude = int(floor) + 1
    else:
        magnitude = int(mpmath.nint(abs(scaled)))
    sign = -1 if value < 0 and magnitude else 1
    return f"{Decimal(sign * magnitude).scaleb(-places):.{places}f}"


def _step(z: Fraction) -> int:
    return 1 if z > 0 else 0


def _sigmoid(z):
    return 1 / (1 + mpmath.exp(-z))


FUNCTIONS = {
    "sigmoid": (_sigmoid, lambda z: _sigmoid(z) * (1 - _sigmoid(z))),
    "tanh": (mpmath.tanh, lambda z: 1 - mpmath.tanh(z) ** 2),
    "relu": (lambda z: z if z > 0 else mpmath.mpf(0), lambda z: mpmath.mpf(1 if z > 0 else 0)),
    "identity": (lambda z: z, lambda z: mpmath.mpf(1)),
}


def _network(data: dict) -> tuple[Network, dict]:
    sizes = tuple(int(n) for n in data["sizes"].split(","))
    names = data["activation"].split(",")
    net = Network(sizes, names[0] if len(names) == 1 else tuple(names), data.get("loss", "sse"), data["bias"])
    values = dict(zip(net.weight_names, _numbers(data["weights"]), strict=True))
    if net.bias:
        values.update(zip(net.bias_names, _numbers(data["biases"]), strict=True))
    return net, values


def network_quantities(data: dict) -> dict[str, mpmath.mpf]:
    """Every forward value, E, gradient (and updated parameter when ``lr`` is given) by mp_reference."""
    net, values = _network(data)
    result = backprop(net, _numbers(data["x"]), _numbers(data["target"]), values)
    found: dict[str, mpmath.mpf] = {"E": result["E"]}
    found.update({f"o{k}": o for k, o in enumerate(result["o"], start=1)})
    found.update(result["z"])
    hidden = net.sizes[1] if net.n_layers > 1 else 0
    f = FUNCTIONS[net.activations[0]][0]
    found.update({f"h{j}": f(result["z"][f"z{j}"]) for j in range(1, hidden + 1)})
    found.update({f"dE/d{name}": g for name, g in result["grad"].items()})
    if "lr" in data:
        rate = _mp(Fraction(data["lr"]))
        found.update({f"{name}+": _mp(values[name]) - rate * g for name, g in result["grad"].items()})
    return found


def _separable(outputs: list[int]) -> str:
    rows = list(zip(itertools.product((0, 1), repeat=2), outputs, strict=True))
    grid = range(-3, 4)
    for w1, w2, b in itertools.product(grid, grid, grid):
        if all(_step(Fraction(w1 * x1 + w2 * x2 + b)) == y for (x1, x2), y in rows):
            return "yes"
    return "no"


def _loss_slope(name: str, o: mpmath.mpf, t: mpmath.mpf, count: int) -> mpmath.mpf:
    return {
        "sse": lambda: o - t,
        "mse": lambda: 2 * (o - t) / count,
        "bce": lambda: ((1 - t) / (1 - o) - t / o) / count,
        "cce": lambda: -t / o,
    }[name]()


def _parabola(data: dict) -> Fraction:
    scale, minimum = Fraction(data["scale"]), Fraction(data["minimum"])
    w, rate = Fraction(data["start"]), Fraction(data["lr"])
    for _ in range(int(data["steps"])):
        w -= rate * 2 * scale * (w - minimum)
    return w


def _batches(data: dict) -> int:
    n, size = int(data["samples"]), int(data["batch_size"])
    per_epoch = math.ceil(n / size)
    return {
        "iterations_per_epoch": per_epoch,
        "total_iterations": per_epoch * int(data.get("epochs", 0)),
        "last_batch": n - (per_epoch - 1) * size,
    }[data["skill"]]


def value(data: dict):
    """The asked quantity: a Fraction or int (exact answers), an mpf, or "yes"/"no"."""
    skill, ask = data["skill"], data["ask"]
    with mpmath.workdps(DIGITS):
        if skill in ("forward_value", "output_gradient", "hidden_gradient", "updated_parameter"):
            return network_quantities(data)[ask]
        if skill == "perceptron_output":
            w, x = _numbers(data["weights"]), _numbers(data["x"])
            return _step(sum(a * b for a, b in zip(w, x, strict=True)) + Fraction(data["bias"]))
        if skill == "perceptron_update":
            w, x, b = _numbers(data["weights"]), _numbers(data["x"]), Fraction(data["bias"])
            rate, t = Fraction(data["lr"]), int(data["target"])
            error = t - _step(sum(a * c for a, c in zip(w, x, strict=True)) + b)
            new = {f"w{i}+": wi + rate * error * xi for i, (wi, xi) in enumerate(zip(w, x, strict=True), 1)}
            new["b+"] = b + rate * error
            return new[ask]
        if skill == "separability":
            return _separable([int(v) for v in data["truth_table"].split(",")])
        if skill == "step_network_output":
            w, b, x = _numbers(data["weights"]), _numbers(data["biases"]), _numbers(data["x"])
            h = [_step(w[0] * x[0] + w[1] * x[1] + b[0]), _step(w[2] * x[0] + w[3] * x[1] + b[1])]
            return _step(w[4] * h[0] + w[5] * h[1] + b[2])
        if skill == "weighted_sum":
            w, x = _numbers(data["weights"]), _numbers(data["x"])
            return sum(a * c for a, c in zip(w, x, strict=True)) + Fraction(data["bias"])
        if skill == "neuron_activation":
            w, x = _numbers(data["weights"]), _numbers(data["x"])
            z = sum(a * c for a, c in zip(w, x, strict=True)) + Fraction(data["bias"])
            return FUNCTIONS[data["activation"]][0](_mp(z))
        if skill in ("activation_value", "activation_derivative"):
            f, slope = FUNCTIONS[data["activation"]]
            z = _mp(Fraction(data["z"]))
            return f(z) if skill == "activation_value" else slope(z)
        if skill == "softmax_output":
            exps = [mpmath.exp(_mp(z)) for z in _numbers(data["z"])]
            return exps[int(ask[1:]) - 1] / mpmath.fsum(exps)
        if skill in ("loss_value", "loss_gradient"):
            o = [_mp(v) for v in _numbers(data["o"])]
            t = [_mp(v) for v in _numbers(data["target"])]
            if skill == "loss_value":
                return loss(data["loss"], o, t)
            k = int(ask.removeprefix("dE/do")) - 1
            return _loss_slope(data["loss"], o[k], t[k], len(o))
        if skill in ("iterations_per_epoch", "total_iterations", "last_batch"):
            return _batches(data)
        if skill == "parabola_steps":
            return _parabola(data)
    raise ValueError(f"no reference computation for skill {skill!r}")


def answer(data: dict) -> str:
    """The expected answer as the question asks it written (exact, or at ``places`` decimals)."""
    found = value(data)
    if isinstance(found, str):
        return found
    if data["places"] is None:
        return exact_text(found)
    with mpmath.workdps(DIGITS):
        return rounded(found if isinstance(found, mpmath.mpf) else _mp(Fraction(found)), data["places"])
