"""How ``derive()`` scales, against the naive way measured in the same run.

For fully connected sigmoid networks with bias and sse loss (random rational parameters, fixed
seed), time two ways of getting every parameter's exact gradient and its 30-digit number
(printed to a null sink):

- nnref, the way a user gets numbers: ``derive()`` (the node graph), then
  ``sympy.N(tr.gradient[p], 30)`` for every parameter ``p`` (SymPy's own evalf of the public
  exact values); the table also gives ``derive()`` alone, ``float(tr.gradient["w1"])`` on a fresh
  trace, and the same 30 digits through ``tr.decimal("dE/dp", 30)``;
- naive: compose the loss as one SymPy expression in the parameter symbols, ``sympy.diff`` it
  by each parameter, substitute the values and ``evalf(30)``.

The naive way runs once, in a subprocess, and is stopped after ``--timeout`` seconds (60 by
default); the table then says it was skipped and gives the lower bound of the ratio. nnref's
time is the best of three cold runs (SymPy's cache cleared before each).

Run: ``python benchmarks/derive_scaling.py`` (``--timeout 600`` to measure the naive way at
4-8-8-4 too).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import time
from fractions import Fraction

SIZES = (
    (2, 2, 2), (2, 3, 3, 2), (2, 4, 4, 2), (4, 8, 8, 4), (8, 16, 16, 8), (16, 32, 32, 16), (32, 64, 64, 32),
)
SEED = 20240607
DIGITS = 30


def example(sizes: tuple[int, ...]):
    """Network and random rational example for ``sizes`` (same seed every run)."""
    from nnref.network import Network

    rng = random.Random(SEED + sum(sizes))
    net = Network(sizes, activation="sigmoid", loss="sse", bias=True)

    def value() -> Fraction:
        return Fraction(rng.randint(-100, 100), 100)

    x = [value() for _ in range(sizes[0])]
    target = [Fraction(rng.randint(0, 100), 100) for _ in range(sizes[-1])]
    weights = [value() for _ in range(net.n_weights)]
    biases = [value() for _ in range(net.n_biases)]
    return net, x, target, weights, biases


def time_nnref(sizes: tuple[int, ...], repeats: int = 3) -> dict[str, float]:
    """Best of ``repeats`` cold runs (SymPy's cache cleared before each) of every measure."""
    runs = [_time_nnref_once(sizes) for _ in range(repeats)]
    return {key: min(run[key] for run in runs) for key in runs[0]}


def _time_nnref_once(sizes: tuple[int, ...]) -> dict[str, float]:
    import sympy
    from sympy.core.cache import clear_cache

    from nnref.symbolic import derive

    net, x, target, weights, biases = example(sizes)
    sink = io.StringIO()

    def fresh():
        clear_cache()
        return derive(net, x=x, target=target, weights=weights, biases=biases, learning_rate="0.5")

    start = time.perf_counter()
    trace = fresh()
    derived = time.perf_counter()
    for name in net.parameters:
        print(name, sympy.N(trace.gradient[name], DIGITS), file=sink)
    evaluated = time.perf_counter()
    trace = fresh()
    before_float = time.perf_counter()
    print(float(trace.gradient["w1"]), file=sink)
    after_float = time.perf_counter()
    trace = fresh()
    before_decimal = time.perf_counter()
    for name in net.parameters:
        print(name, f"{trace.decimal(f'dE/d{name}', DIGITS):f}", file=sink)
    after_decimal = time.perf_counter()
    return {
        "derive": derived - start,
        "N": evaluated - derived,
        "total": evaluated - start,
        "float": after_float - before_float,
        "decimal": after_decimal - before_decimal,
    }


def time_naive(sizes: tuple[int, ...]) -> float:
    """sympy.diff of the fully composed loss, then substitution and evalf, per parameter."""
    import sympy

    net, x, target, weights, biases = example(sizes)
    start = time.perf_counter()
    symbols = {name: sympy.Symbol(name) for name in net.parameters}
    values = {
        symbols[name]: sympy.Rational(v.numerator, v.denominator)
        for name, v in zip(net.parameters, [*weights, *biases], strict=True)
    }
    activations = [sympy.Rational(v.numerator, v.denominator) for v in x]
    for layer in range(net.n_layers):
        rows, bias_names = net.layer_weight_names(layer), net.layer_bias_names(layer)
        activations = [
            1
            / (
                1
                + sympy.exp(
                    -(
                        sum(symbols[w] * a for w, a in zip(row, activations, strict=True))
                        + (symbols[bias_names[j]] if bias_names else 0)
                    )
                )
            )
            for j, row in enumerate(rows)
        ]
    loss = sum(
        sympy.Rational(1, 2) * (sympy.Rational(t.numerator, t.denominator) - o) ** 2
        for t, o in zip(target, activations, strict=True)
    )
    sink = io.StringIO()
    for name in net.parameters:
        formula = sympy.diff(loss, symbols[name])
        print(name, formula.xreplace(values).evalf(DIGITS), file=sink)  # the value, not the formula
    return time.perf_counter() - start


def naive_in_subprocess(sizes: tuple[int, ...], timeout: float) -> float | None:
    command = [sys.executable, __file__, "--naive-only", ",".join(map(str, sizes))]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before the naive way is skipped")
    parser.add_argument("--naive-only", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive_only:
        print(json.dumps({"seconds": time_naive(tuple(int(s) for s in args.naive_only.split(",")))}))
        return
    time_nnref((2, 2, 2))  # warm-up: imports and SymPy caches
    print(
        f"{'network':>12} {'params':>6} {'derive s':>9} {'N(all,30)':>10} {'float(w1)':>10} "
        f"{'decimal':>9} {'naive s':>9} {'naive/nnref':>12}"
    )
    for sizes in SIZES:
        from nnref.network import Network

        n_parameters = len(Network(sizes, bias=True).parameters)
        fast = time_nnref(sizes, repeats=1 if n_parameters > 3000 else 3)
        naive = naive_in_subprocess(sizes, args.timeout)
        name = "-".join(map(str, sizes))
        own = (
            f"{name:>12} {n_parameters:>6} {fast['derive']:>9.3f} {fast['N']:>10.3f} {fast['float']:>10.4f} "
            f"{fast['decimal']:>9.3f}"
        )
        if naive is None:
            ratio = ">" + format(args.timeout / fast["total"], ".0f")
            print(f"{own} {'skipped':>9} {ratio:>12}  (naive stopped after {args.timeout:.0f} s)")
        else:
            print(f"{own} {naive:>9.3f} {naive / fast['total']:>12.0f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
