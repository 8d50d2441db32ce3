"""Chapter 5 (loss functions): the sse/mse naming, the o - t shortcut in both engines, and the faster
escape of cross-entropy from a confident wrong output; the page's snippet run in both languages."""

from __future__ import annotations

import numpy as np
import pytest
import sympy
from site_tools import run_snippets

from nnref.examples import example, published_values
from nnref.network import Network
from nnref.numeric import MLP
from nnref.numeric.functions import ACTIVATIONS as NUMERIC_ACTIVATIONS
from nnref.numeric.functions import LOSSES as NUMERIC_LOSSES
from nnref.numeric.functions import output_rule
from nnref.symbolic import derive
from nnref.symbolic.functions import ACTIVATIONS, LOSSES, Z

T = sympy.Symbol("t")


def _dE_dz(activation: str, loss: str, n_outputs: int) -> sympy.Expr:
    return sympy.diff(LOSSES[loss].term(ACTIVATIONS[activation].formula(Z), T, n_outputs), Z)


@pytest.mark.parametrize("n_outputs", [1, 2, 3])
@pytest.mark.parametrize(
    ("activation", "loss"), [("identity", "sse"), ("sigmoid", "bce"), ("sigmoid", "mse"), ("sigmoid", "sse"),
                             ("identity", "mse"), ("tanh", "sse")]
)
def test_symbolic_shortcut_agrees_with_the_numeric_table(activation: str, loss: str, n_outputs: int) -> None:
    o = ACTIVATIONS[activation].formula(Z)
    ratio = sympy.simplify(_dE_dz(activation, loss, n_outputs) / (o - T))
    scale = output_rule(activation, loss, n_outputs).shortcut
    if scale is None:  # the shortcut fails: the ratio still depends on z (through f'(z))
        assert ratio.has(Z)
    else:
        assert not ratio.has(Z, T) and float(ratio) == pytest.approx(scale, rel=1e-15)


def test_sigmoid_mse_keeps_the_factor_sigma_prime() -> None:
    o = ACTIVATIONS["sigmoid"].formula(Z)
    leftover = sympy.simplify(_dE_dz("sigmoid", "mse", 1) / (o - T))
    assert sympy.simplify((leftover - 2 * sympy.diff(o, Z)).rewrite(sympy.exp)) == 0


def test_softmax_cce_shortcut_in_both_engines() -> None:
    zs, ts = sympy.symbols("z1:4"), sympy.symbols("t1:4")
    from nnref.symbolic.functions import softmax_formula

    os = softmax_formula(zs)
    loss = sum(LOSSES["cce"].term(o, t, 3) for o, t in zip(os, ts, strict=True))
    derived = sympy.diff(loss, zs[0]).subs(ts[2], 1 - ts[0] - ts[1])
    assert sympy.simplify(derived - (os[0] - ts[0])) == 0
    mlp = MLP.from_network(Network((2, 3), "softmax", "cce", bias=True), weights=[0.5, -1, 2, 0.3, -0.7, 0.1],
                           biases=[0.2, 0, -0.4])
    x, t = np.array([[1.5, -0.5]]), np.array([[0.0, 1.0, 0.0]])
    o = mlp.predict(x)
    gradient = mlp.gradient(x, t)
    for k, name in enumerate(mlp.network.layer_bias_names(0)):
        assert gradient[name] == pytest.approx(o[0, k] - t[0, k], rel=1e-12)


def test_wikidocs_mse_is_nnref_sse_and_equals_mse_only_for_two_outputs() -> None:
    ex = example("wikidocs-07-05")
    values = {}
    for loss in ("sse", "mse"):
        net = Network(ex.network.sizes, ex.network.activation, loss, ex.network.bias)
        values[loss] = derive(net, x=ex.x, target=ex.target, weights=ex.weights)
    assert values["sse"].decimal("E") == published_values()["E_total"]
    assert sympy.simplify(values["mse"].loss - values["sse"].loss) == 0  # K = 2: mse = (2/K) sse = sse
    rng = np.random.default_rng(0)
    o, t = rng.uniform(size=(4, 3)), rng.uniform(size=(4, 3))  # K = 3: they differ by 2/3
    mse, sse = NUMERIC_LOSSES["mse"].value(o, t), NUMERIC_LOSSES["sse"].value(o, t)
    np.testing.assert_allclose(mse, sse * 2 / 3, rtol=1e-14)


def test_cross_entropy_gives_more_gradient_to_a_wrong_output() -> None:
    o = np.linspace(0.01, 0.99, 99).reshape(-1, 1)
    z, t = np.log(o) - np.log1p(-o), np.ones_like(o)
    slopes = {loss: np.abs(NUMERIC_ACTIVATIONS["sigmoid"].backward(z, o, NUMERIC_LOSSES[loss].gradient(o, t)))
              for loss in ("mse", "bce")}
    np.testing.assert_allclose(slopes["bce"], 1 - o, rtol=1e-9)  # |o - t|
    # bce / mse = 1 / (2 o (1 - o)): over 2 wherever the output is on the wrong side, over 5 below 0.1
    wrong, confident = o[:, 0] < 0.5, o[:, 0] < 0.1
    assert (slopes["bce"][wrong] > 2 * slopes["mse"][wrong]).all()
    assert (slopes["bce"][confident] > 5 * slopes["mse"][confident]).all()



@pytest.mark.parametrize("lang", ["ko", "en"])
def test_page_snippet_runs_in_both_languages(lang: str) -> None:
    page = run_snippets("plotting.py", "words.py", "losses.py")
    holding, failing = page["shortcut_markdown"](lang, True), page["shortcut_markdown"](lang, False)
    assert holding.count("\\checkmark") == 3 and failing.count("\\neq") == 2
    assert "\n\n$$\n" in holding  # the math is a block of its own, not glued to the title
    assert str(published_values()["E_total"]) in page["naming_table"](lang)
    table = page["confident_wrong_table"](lang)
    assert table.count("\n") == 3 and (("번 안에" in table) == (lang == "ko"))
    assert page["confident_wrong_plot"](lang).startswith('<div class="nnref-plot">')
