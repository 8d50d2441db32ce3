"""Three-way agreement: exact SymPy gradients, NumPy float64 gradients, central differences.

For one network and one example (input, target, parameters) :func:`verify` computes

* the exact gradient from :func:`nnref.symbolic.derive`, evaluated to 30 decimals;
* the float64 gradient of :meth:`nnref.numeric.mlp.MLP.gradient` (backpropagation in NumPy);
* central differences of the float64 loss alone (:func:`nnref.numeric.gradcheck.central_difference`,
  fourth order, step ``CENTRAL_STEP`` = 1e-4), which use no derivative formula at all;

and reports the largest relative difference exact vs NumPy (must be <= 1e-12) and exact vs
central differences (must be <= 1e-6), with the parameter where each occurs. The two engines
never import each other, so agreement is evidence, not a tautology.

Relative difference of a component: ``|a - b| / max(|a|, |b|, scale)`` where ``scale`` is the
largest exact gradient component of the case, and at least ``floor = 1e-4``. Measuring every
component against the gradient's own scale is what float64 can promise: a component that is
small because larger terms cancel (dE/dw = -1.9e-7 next to components of size 1.7) carries an
absolute rounding error of about 1e-16 times those terms, far more than 1e-12 of itself. The
floor covers gradients that are small everywhere (an output within 1e-7 of its target, a
saturated tanh, dead ReLUs): there float64 resolves o - t only to about 1e-16 and central
differences of a loss of size 1 only to about 1e-12, so 1e-12 and 1e-6 of 1e-4 are the finest
meaningful tolerances.

Each of the three gradients is a function passed in (``exact=``, ``numpy=``, ``central=``), so a
test or ``nnref verify`` can substitute a deliberately wrong one and see ``ok`` turn False.

>>> from nnref.examples import WIKIDOCS_07_05 as ex
>>> report = verify(ex.network, ex.x, ex.target, ex.weights)
>>> report.ok, report.numpy_difference <= 1e-12, report.central_difference <= 1e-6
(True, True, True)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypedDict, Unpack

import numpy as np

from nnref import registry
from nnref.errors import InputError, InputTypeError
from nnref.network import Network
from nnref.values import ExactInput, ParameterValues, check_ordered, parse_exact

if TYPE_CHECKING:
    from nnref.numeric.mlp import MLP

__all__ = [
    "CENTRAL_STEP",
    "CENTRAL_TOLERANCE",
    "FLOOR",
    "HIDDEN_ACTIVATIONS",
    "KINK_DISTANCE",
    "NUMPY_TOLERANCE",
    "OUTPUT_PAIRINGS",
    "Case",
    "GradientFunction",
    "VerifyOptions",
    "VerifyReport",
    "central_gradient",
    "exact_gradient",
    "gradient_scale",
    "numpy_gradient",
    "random_case",
    "relative_difference",
    "verify",
    "verify_random",
]

NUMPY_TOLERANCE = 1e-12
CENTRAL_TOLERANCE = 1e-6
FLOOR = 1e-4
EXACT_PLACES = 30
CENTRAL_STEP = 1e-4  # rounding of a loss of size 1 costs ~1e-12; h**4 truncation ~1e-16
KINK_DISTANCE = 1e-2  # a ReLU input this close to 0 may cross it within the stencil (±2h)

GradientFunction = Callable[[Network, Sequence[Fraction], Sequence[Fraction], Mapping[str, Fraction]],
                            Mapping[str, float | Decimal]]
"""``(network, x, target, parameters) -> {parameter name: dE/dparameter}``; inputs are exact."""


class VerifyOptions(TypedDict, total=False):
    """:func:`verify`'s keyword options, which :func:`verify_random` passes on."""

    exact: GradientFunction
    numpy: GradientFunction
    central: GradientFunction
    numpy_tolerance: float
    central_tolerance: float
    floor: float


# -- the three gradients ---------------------------------------------------------------------------


def exact_gradient(
    net: Network, x: Sequence[Fraction], target: Sequence[Fraction], parameters: Mapping[str, Fraction]
) -> dict[str, Decimal]:
    """Exact dE/dparameter from the symbolic engine, rounded half-up to 30 decimals."""
    from nnref.symbolic import derive

    weights, biases = net.split_parameters(parameters)
    tr = derive(net, x=list(x), target=list(target), weights=weights, biases=biases)
    return {name: tr.decimal(f"dE/d{name}", EXACT_PLACES) for name in net.parameters}


def _mlp(net: Network, parameters: Mapping[str, Fraction]) -> MLP:
    from nnref.numeric.mlp import MLP

    weights, biases = net.split_parameters(parameters)
    return MLP.from_network(net, weights=weights, biases=biases)


def _rows(values: Sequence[Fraction]) -> np.ndarray:
    return np.array([[float(v) for v in values]], dtype=np.float64)


def numpy_gradient(
    net: Network, x: Sequence[Fraction], target: Sequence[Fraction], parameters: Mapping[str, Fraction]
) -> dict[str, float]:
    """dE/dparameter by backpropagation in float64 (the numeric engine)."""
    return _mlp(net, parameters).gradient(_rows(x), _rows(target))


def central_gradient(
    net: Network, x: Sequence[Fraction], target: Sequence[Fraction], parameters: Mapping[str, Fraction]
) -> dict[str, float]:
    """dE/dparameter from the float64 loss alone: fourth-order central differences."""
    from nnref.numeric.gradcheck import central_difference

    mlp = _mlp(net, parameters)
    X, Y = _rows(x), _rows(target)
    return {name: central_difference(mlp, X, Y, name, step=CENTRAL_STEP, order=4) for name in net.parameters}


def _relu_kinks(net: Network, x: Sequence[Fraction], parameters: Mapping[str, Fraction]) -> tuple[str, ...]:
    """Names (z1, z2, ...) of ReLU inputs within :data:`KINK_DISTANCE` of 0."""
    if "relu" not in net.activations:
        return ()
    passed = _mlp(net, parameters).forward(_rows(x))
    return tuple(
        name
        for layer, (activation, z) in enumerate(zip(net.activations, passed.z, strict=True), start=1)
        if activation == "relu"
        for name, value in zip(net.node_names(layer).pre, z[0], strict=True)
        if abs(value) < KINK_DISTANCE
    )


# -- comparing --------------------------------------------------------------------------------------


def relative_difference(a: float | Decimal, b: float | Decimal, scale: float | Decimal = 0.0) -> float:
    """``|a - b| / max(|a|, |b|, scale)``, the subtraction done exactly (``Decimal(float)`` is exact).

    >>> relative_difference(Decimal("0.5"), 0.5), relative_difference(1.0, 1.000001) < 1.0000001e-6
    (0.0, True)
    >>> relative_difference(0.0, 1e-14, scale=1.0)
    1e-14
    """
    a, b = Decimal(a), Decimal(b)
    denominator = max(abs(a), abs(b), Decimal(scale))
    return 0.0 if denominator == 0 else float(abs(a - b) / denominator)


def gradient_scale(exact: Mapping[str, float | Decimal], floor: float = FLOOR) -> Decimal:
    """The largest exact gradient component, at least ``floor``: the yardstick for every component.

    >>> gradient_scale({"w1": Decimal("0.25"), "w2": Decimal("-2")}), gradient_scale({"w1": Decimal(0)})
    (Decimal('2'), Decimal('0.0001'))
    """
    return max([abs(Decimal(v)) for v in exact.values()] + [Decimal(repr(floor))])


def _largest(reference: Mapping[str, float | Decimal], other: Mapping[str, float | Decimal],
             names: Sequence[str], scale: Decimal, label: str) -> tuple[float, str]:
    missing = [n for n in names if n not in other]
    if missing:
        raise ValueError(f"the {label} gradient must have every parameter; missing {missing}")
    worst, where = -1.0, names[0]
    for name in names:
        value = other[name]
        if not math.isfinite(float(value)):
            return math.inf, name
        difference = relative_difference(reference[name], value, scale)
        if difference > worst:
            worst, where = difference, name
    return worst, where


@dataclass(frozen=True)
class VerifyReport:
    """The three gradients of one case and their largest relative differences.

    ``ok``: exact vs NumPy within ``numpy_tolerance`` and exact vs central differences within
    ``central_tolerance``. When a ReLU input lies within ``KINK_DISTANCE`` of 0 (``kinks``) the
    central check is waived (``central_ok`` stays as measured): the stencil may straddle the kink,
    where the loss has no derivative to approximate.
    """

    network: Network
    # Decimal from exact_gradient, float from the other two; any GradientFunction may replace them.
    exact: Mapping[str, float | Decimal] = field(repr=False)
    numpy: Mapping[str, float | Decimal] = field(repr=False)
    central: Mapping[str, float | Decimal] = field(repr=False)
    numpy_difference: float
    numpy_worst: str
    central_difference: float
    central_worst: str
    kinks: tuple[str, ...] = ()
    numpy_tolerance: float = NUMPY_TOLERANCE
    central_tolerance: float = CENTRAL_TOLERANCE

    @property
    def numpy_ok(self) -> bool:
        return self.numpy_difference <= self.numpy_tolerance

    @property
    def central_ok(self) -> bool:
        return self.central_difference <= self.central_tolerance

    @property
    def ok(self) -> bool:
        return self.numpy_ok and (self.central_ok or bool(self.kinks))

    def summary(self) -> str:
        """One line for a terminal."""
        sizes = "-".join(map(str, self.network.sizes))
        kinds = "/".join(self.network.activations)
        return (
            f"{'ok  ' if self.ok else 'FAIL'} {sizes} {kinds} {self.network.loss} bias={self.network.bias}: "
            f"exact vs numpy {self.numpy_difference:.1e} ({self.numpy_worst}), "
            f"exact vs central {self.central_difference:.1e} ({self.central_worst})"
            + (f", ReLU kink at {', '.join(self.kinks)}" if self.kinks else "")
        )


def verify(
    net: Network,
    x: Sequence[ExactInput],
    target: Sequence[ExactInput],
    weights: ParameterValues,
    biases: ParameterValues | None = None,
    *,
    exact: GradientFunction = exact_gradient,
    numpy: GradientFunction = numpy_gradient,
    central: GradientFunction = central_gradient,
    numpy_tolerance: float = NUMPY_TOLERANCE,
    central_tolerance: float = CENTRAL_TOLERANCE,
    floor: float = FLOOR,
) -> VerifyReport:
    """Compare the three gradients of ``net`` at one example; see the module docstring.

    >>> from nnref.examples import WIKIDOCS_07_05 as ex
    >>> def wrong(net, x, target, parameters):  # an exact gradient with one factor of 2 too many
    ...     right = exact_gradient(net, x, target, parameters)
    ...     return {**right, "w5": 2 * right["w5"]}
    >>> report = verify(ex.network, ex.x, ex.target, ex.weights, exact=wrong)
    >>> report.ok, report.numpy_worst, report.central_worst
    (False, 'w5', 'w5')
    """
    if not isinstance(net, Network):
        raise InputTypeError("error_net_type", argument="net", got=f"{type(net).__name__} {net!r}")
    check_ordered(x, "x")
    check_ordered(target, "target")
    if len(x) != net.sizes[0] or len(target) != net.sizes[-1]:
        raise InputError("error_sample_lengths", inputs=net.sizes[0], outputs=net.sizes[-1],
                         got_inputs=len(x), got_outputs=len(target))
    inputs = tuple(parse_exact(v, f"x[{i}]") for i, v in enumerate(x))
    targets = tuple(parse_exact(v, f"target[{i}]") for i, v in enumerate(target))
    parameters = {
        name: parse_exact(value, name) for name, value in net.resolve_parameters(weights, biases).items()
    }
    exact_values = exact(net, inputs, targets, parameters)
    numpy_values = numpy(net, inputs, targets, parameters)
    central_values = central(net, inputs, targets, parameters)
    names = net.parameters
    scale = gradient_scale(exact_values, floor)
    numpy_difference, numpy_worst = _largest(exact_values, numpy_values, names, scale, "NumPy")
    central_difference, central_worst = _largest(exact_values, central_values, names, scale, "central")
    return VerifyReport(
        network=net,
        exact=dict(exact_values),
        numpy=dict(numpy_values),
        central=dict(central_values),
        numpy_difference=numpy_difference,
        numpy_worst=numpy_worst,
        central_difference=central_difference,
        central_worst=central_worst,
        kinks=_relu_kinks(net, inputs, parameters),
        numpy_tolerance=numpy_tolerance,
        central_tolerance=central_tolerance,
    )


# -- random cases --------------------------------------------------------------------------------

HIDDEN_ACTIVATIONS: tuple[str, ...] = Network.hidden_activations()
OUTPUT_PAIRINGS: tuple[tuple[str, str], ...] = Network.output_pairings()
"""Every valid (output activation, loss) pair with a derivative, as the registry allows them."""


@dataclass(frozen=True)
class Case:
    """A network with one example and its parameters, all exact."""

    network: Network
    x: tuple[Fraction, ...]
    target: tuple[Fraction, ...]
    parameters: dict[str, Fraction]


def random_case(rng: np.random.Generator, denominator: int = 16, limit: int = 16) -> Case:
    """A random small network (1-3 hidden layers of width 1-4, any valid activation/loss pairing,
    with or without bias) with parameters and inputs ``k/denominator`` for ``|k| <= limit``.
    """
    widths = [int(w) for w in rng.integers(1, 5, size=int(rng.integers(3, 6)))]
    output, loss = OUTPUT_PAIRINGS[int(rng.integers(len(OUTPUT_PAIRINGS)))]
    widths[-1] = max(widths[-1], registry.ACTIVATIONS[output].min_width)
    hidden = [HIDDEN_ACTIVATIONS[int(i)] for i in rng.integers(len(HIDDEN_ACTIVATIONS), size=len(widths) - 2)]
    net = Network(tuple(widths), tuple([*hidden, output]), loss, bias=bool(rng.integers(2)))

    def rational() -> Fraction:
        return Fraction(int(rng.integers(-limit, limit + 1)), denominator)

    x = tuple(rational() for _ in range(widths[0]))
    kind = registry.LOSSES[loss].targets
    if kind == "distribution":
        weights = [int(k) for k in rng.integers(0, 5, size=widths[-1])]
        weights[int(rng.integers(widths[-1]))] += 1  # never all zero
        target = tuple(Fraction(k, sum(weights)) for k in weights)
    elif kind == "unit":
        draws = rng.integers(0, denominator + 1, size=widths[-1])
        target = tuple(Fraction(int(k), denominator) for k in draws)
    else:
        target = tuple(rational() for _ in range(widths[-1]))
    parameters = {name: rational() for name in net.parameters}
    return Case(net, x, target, parameters)


def verify_random(n: int, seed: int = 0, **options: Unpack[VerifyOptions]) -> tuple[VerifyReport, ...]:
    """:func:`verify` on ``n`` random cases from :func:`random_case` (seeded, reproducible).

    A case with a ReLU input at its kink is drawn again, so every report checks all three ways.

    >>> reports = verify_random(3, seed=1)
    >>> len(reports), all(r.ok for r in reports)
    (3, True)
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise InputError("error_int_min0", argument="n", got=repr(n))
    rng = np.random.default_rng(seed)
    reports: list[VerifyReport] = []
    while len(reports) < n:
        case = random_case(rng)
        if _relu_kinks(case.network, case.x, case.parameters):
            continue
        weights, biases = case.network.split_parameters(case.parameters)
        reports.append(verify(case.network, case.x, case.target, weights, biases, **options))
    return tuple(reports)
