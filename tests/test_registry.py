"""The registry of activations and losses: both engines implement exactly its entries, every
pairing it allows agrees three ways on a fixed case, and what it claims (the o − t shortcut, the
LaTeX, the glossary terms) is checked against an independent source."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy

from nnref import glossary, registry
from nnref.network import Network
from nnref.numeric import functions as numeric
from nnref.symbolic import functions as symbolic
from nnref.symbolic.shortcut import output_shortcut
from nnref.verify import verify

HIDDEN = registry.hidden_activations()
PAIRS = registry.pairings()
N_OUTPUTS = 3  # the scales 1/K and 2/K show only with several outputs


def test_both_engines_implement_exactly_the_registry() -> None:
    assert set(numeric.ACTIVATIONS) == set(symbolic.ACTIVATIONS) == set(registry.ACTIVATIONS)
    assert set(numeric.LOSSES) == set(symbolic.LOSSES) == set(registry.LOSSES)
    for name, spec in registry.ACTIVATIONS.items():
        assert numeric.ACTIVATIONS[name].differentiable is spec.differentiable
        assert symbolic.ACTIVATIONS[name].elementwise is spec.elementwise
        has_formula = symbolic.ACTIVATIONS[name].derivative is not None
        assert has_formula == (spec.differentiable and spec.elementwise)


def test_the_tables_the_rest_of_nnref_reads_come_from_the_registry() -> None:
    import nnref.network as network
    import nnref.verify as verifier

    assert network.ACTIVATION_NAMES == tuple(registry.ACTIVATIONS)
    assert network.LOSS_NAMES == tuple(registry.LOSSES)
    assert verifier.OUTPUT_PAIRINGS == PAIRS == Network.output_pairings()
    assert verifier.HIDDEN_ACTIVATIONS == HIDDEN == Network.hidden_activations()
    assert network.RECURRENT_ACTIVATIONS == tuple(n for n, s in registry.ACTIVATIONS.items() if s.recurrent)


def test_network_accepts_exactly_the_registry_pairings() -> None:
    accepted = set()
    for output in registry.ACTIVATIONS:
        for loss in registry.LOSSES:
            try:
                Network((2, 3), output, loss)
            except ValueError:
                continue
            accepted.add((output, loss))
    assert accepted == set(registry.pairings(differentiable=False))
    assert set(PAIRS) == {pair for pair in accepted if registry.ACTIVATIONS[pair[0]].differentiable}
    for name in registry.ACTIVATIONS:
        hidden_ok = name in registry.hidden_activations(differentiable=False)
        try:
            Network((2, 2, 2), (name, "sigmoid"))
        except ValueError as error:
            assert not hidden_ok and "allowed only on the output layer" in str(error)
        else:
            assert hidden_ok


def test_every_glossary_key_and_latex_symbol_is_the_glossary_s() -> None:
    for spec in (*registry.ACTIVATIONS.values(), *registry.LOSSES.values()):
        glossary.get(spec.glossary_key)  # raises for an unknown key
    for spec in registry.ACTIVATIONS.values():
        assert spec.latex == glossary.get(spec.glossary_key).notation, spec.name


def test_each_loss_latex_is_its_sympy_definition() -> None:
    # The per-sample E written in LaTeX equals the symbolic engine's sum of per-output terms.
    k = 3
    os, ts = sympy.symbols("o1:4"), sympy.symbols("t1:4")
    for name, spec in registry.LOSSES.items():
        engine = sum(symbolic.LOSSES[name].term(o, t, k) for o, t in zip(os, ts, strict=True))
        written = {
            r"\frac{1}{2}\sum_k (t_k - o_k)^2": sum((t - o) ** 2 for o, t in zip(os, ts, strict=True)) / 2,
            r"\frac{1}{K}\sum_k (t_k - o_k)^2": sum((t - o) ** 2 for o, t in zip(os, ts, strict=True)) / k,
            r"-\frac{1}{K}\sum_k \left(t_k \ln o_k + (1 - t_k)\ln(1 - o_k)\right)": -sum(
                t * sympy.log(o) + (1 - t) * sympy.log(1 - o) for o, t in zip(os, ts, strict=True)
            )
            / k,
            r"-\sum_k t_k \ln o_k": -sum(t * sympy.log(o) for o, t in zip(os, ts, strict=True)),
        }[spec.latex]
        assert sympy.expand(engine - written) == 0, name


@pytest.mark.parametrize(("activation", "loss"), PAIRS)
def test_the_shortcut_holds_exactly_where_the_registry_says(activation: str, loss: str) -> None:
    k = max(2, registry.ACTIVATIONS[activation].min_width)
    derived = output_shortcut(activation, loss, k)
    claimed = registry.shortcut_scale(activation, loss, k)
    assert derived.holds == (claimed is not None), (activation, loss)
    if claimed is not None:
        assert derived.scale == sympy.Rational(claimed)


def test_the_refusal_is_one_message_everywhere() -> None:
    from nnref.numeric.mlp import MLP
    from nnref.symbolic import derive

    net = Network((2, 2, 1), ("sigmoid", "step"), "sse")
    expected = registry.not_differentiable("step", "activation[1]")
    with pytest.raises(ValueError) as by_derive:
        derive(net, x=[0, 1], target=[1], weights=[1] * net.n_weights)
    with pytest.raises(ValueError) as by_gradient:
        MLP(net).gradient([[0, 1]], [[1]])
    with pytest.raises(ValueError) as by_fit:
        MLP(net).fit([[0, 1]], [[1]], epochs=1, batch_size=1, learning_rate=0.1)
    assert str(by_derive.value) == str(by_gradient.value) == str(by_fit.value) == str(expected)
    assert not net.differentiable and Network((2, 1), "sigmoid").differentiable


def _fixed_case(hidden: str, output: str, loss: str, seed: int):
    """A 2-3-K network with bias and exact parameters k/8, drawn from ``seed`` (no ReLU kink)."""
    k = max(N_OUTPUTS, registry.ACTIVATIONS[output].min_width)
    net = Network((2, 3, k), (hidden, output), loss, bias=True)
    rng = np.random.default_rng(seed)

    def rationals(count: int) -> list[Fraction]:
        return [Fraction(int(v), 8) for v in rng.integers(-12, 13, size=count)]

    kind = registry.LOSSES[loss].targets
    if kind == "distribution":
        counts = [int(c) + 1 for c in rng.integers(0, 4, size=k)]
        target = [Fraction(c, sum(counts)) for c in counts]
    elif kind == "unit":
        target = [Fraction(int(v), 8) for v in rng.integers(0, 9, size=k)]
    else:
        target = rationals(k)
    return net, rationals(2), target, rationals(net.n_weights), rationals(net.n_biases)


@pytest.mark.parametrize(("output", "loss"), PAIRS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_every_registry_combination_agrees_three_ways(hidden: str, output: str, loss: str) -> None:
    # Deterministic: every (hidden, output, loss) the registry allows, at one fixed case each, so
    # a rule wrong for one pair (an o − t shortcut where it does not hold) fails every run.
    for seed in range(20):
        net, x, target, weights, biases = _fixed_case(hidden, output, loss, seed)
        report = verify(net, x, target, weights, biases)
        if not report.kinks:
            break
    assert report.ok, report.summary()
