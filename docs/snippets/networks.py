"""Chapter 3 (neural networks): layers, composition, the dense layer as a matrix product, an RNN.

Every function takes the page language and returns Markdown (math from SymPy, tables from code).
"""

import functools
from decimal import Decimal

import numpy as np
import sympy

from nnref.glossary import term
from nnref.network import Network
from nnref.numeric import MLP
from nnref.numeric.rnn import rnn_forward
from nnref.render import display_math, format_decimal, markdown_table
from nnref.render.fmt import aligned_math
from nnref.symbolic.rnn import rnn_forward_exact

# The page includes words.py (its words in both languages) before this file.
page_text, page_words = page_text, page_words  # noqa: F821

LAYER_SIZES = (4, 5, 3)  # the example network of the section on layers


def layer_table(lang: str) -> str:
    """Neurons, weights and biases per layer of a (4, 5, 3) network with bias, counted by nnref."""
    words = page_words("networks", lang)
    net = Network(LAYER_SIZES, ("sigmoid", "softmax"), "cce", bias=True)
    names = [term("input_layer", lang), term("hidden_layer", lang), term("output_layer", lang)]
    roles = [words["in"], words["hidden"], words["out"]]
    rows = [[names[0], roles[0], str(net.sizes[0]), "0", "0"]]
    for layer in range(net.n_layers):
        n_weights = sum(len(row) for row in net.layer_weight_names(layer))
        rows.append(
            [
                names[layer + 1],
                roles[layer + 1],
                str(net.sizes[layer + 1]),
                str(n_weights),
                str(len(net.layer_bias_names(layer))),
            ]
        )
    rows.append([f"**{words['total']}**", "", str(sum(net.sizes)), str(net.n_weights), str(net.n_biases)])
    header = [words["layer"], words["role"], words["neurons"], words["weights"], words["biases"]]
    return markdown_table(header, rows, align="llrrr")


# -- a network as a composite function ----------------------------------------------------------

COMPOSITION_WEIGHTS = ("0.5", "-1", "2")
COMPOSITION_BIASES = ("0", "0.5", "-0.5")
COMPOSITION_X = "1"


def _sigmoid(z: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-z))


def _exp_latex(expr: sympy.Expr) -> str:
    """LaTeX with exp(...) instead of nested e^{...}: nested exponents shrink to unreadable sizes."""
    exp = sympy.Function("exp")
    shown = expr.replace(sympy.exp, lambda argument: exp(argument)).replace(
        lambda node: node.is_Pow and node.base == sympy.E, lambda node: exp(node.exp)
    )
    return sympy.latex(shown).replace(r"\operatorname{exp}", r"\exp")


def composition_markdown(lang: str) -> str:
    """f1, f2, f3 of a 1-1-1-1 sigmoid network, their composition with sigma kept, then expanded."""
    x, u = sympy.symbols("x u")
    sigma = sympy.Function("sigma")
    w, b = sympy.symbols("w1:4"), sympy.symbols("b1:4")
    layers = [sympy.Lambda(u, sigma(w[i] * u + b[i])) for i in range(3)]
    pieces = " \\\\ ".join(f"f_{{{i + 1}}}(u) &= {sympy.latex(layer(u))}" for i, layer in enumerate(layers))
    composed = layers[2](layers[1](layers[0](x)))
    expanded = composed.replace(sigma, sympy.Lambda(x, _sigmoid(x)))
    return (
        display_math(f"\\begin{{aligned}} {pieces} \\end{{aligned}}")
        + display_math(
            f"\\begin{{aligned}} f(x) &= f_{{3}}(f_{{2}}(f_{{1}}(x))) \\\\ "
            f"&= {sympy.latex(composed)} \\end{{aligned}}"
        )
        + "\n" + page_text("networks_written_out", lang) + "\n"
        + display_math(f"f(x) = {_exp_latex(expanded)}")
    )


def composition_check(lang: str) -> str:
    """The composed formula at given numbers (exact and its decimal) next to MLP.predict's float64."""
    value = sympy.Rational(COMPOSITION_X)
    for weight, bias in zip(COMPOSITION_WEIGHTS, COMPOSITION_BIASES, strict=True):
        value = _sigmoid(sympy.Rational(weight) * value + sympy.Rational(bias))
    net = Network((1, 1, 1, 1), "sigmoid", "sse", bias=True)
    mlp = MLP.from_network(net, weights=COMPOSITION_WEIGHTS, biases=COMPOSITION_BIASES)
    predicted = float(mlp.predict([float(COMPOSITION_X)])[0, 0])
    exact_decimal = Decimal(str(value.evalf(30)))
    if abs(Decimal(repr(predicted)) - exact_decimal) > Decimal("1e-15"):
        raise ValueError(f"MLP.predict gives {predicted!r}, the composed formula {exact_decimal}")
    givens = ", ".join(
        [f"x = {COMPOSITION_X}"]
        + [f"w_{{{i}}} = {v}" for i, v in enumerate(COMPOSITION_WEIGHTS, start=1)]
        + [f"b_{{{i}}} = {v}" for i, v in enumerate(COMPOSITION_BIASES, start=1)]
    )
    return (
        page_text("networks_at_givens", lang, givens=givens)
        + "\n"
        + display_math(
            f"\\begin{{aligned}} f({COMPOSITION_X}) &= {_exp_latex(value)} \\\\ "
            f"&\\approx {format_decimal(exact_decimal, 15)} \\end{{aligned}}"
        )
        + "\n"
        + page_text("networks_predict_gives", lang, predicted=f"`{predicted!r}`")
    )


# -- the dense layer as a matrix product -------------------------------------------------------

DENSE_X = ("1", "0.5", "-1")
DENSE_WEIGHTS = ("0.2", "-0.5", "0.1", "0.4", "0.3", "-0.2")  # w1..w6 in nnref's naming order
DENSE_BIASES = ("0.1", "-0.3")


def _dense_network() -> Network:
    return Network((3, 2), "identity", "sse", bias=True)


def dense_symbols_markdown() -> str:
    """W^T x + b with nnref's parameter names, multiplied out by SymPy."""
    net = _dense_network()
    names = net.layer_weight_names(0)  # [dest][src]
    W = sympy.Matrix(3, 2, lambda src, dest: sympy.Symbol(names[dest][src]))
    x = sympy.Matrix(sympy.symbols("x1:4"))
    b = sympy.Matrix([sympy.Symbol(name) for name in net.layer_bias_names(0)])
    z = W.T * x + b
    lhs = sympy.Matrix(sympy.symbols("z1:3"))
    return display_math(
        f"\\begin{{aligned}} {sympy.latex(lhs)} &= W^{{\\top}} x + b \\\\ "
        f"&= {sympy.latex(W.T)} {sympy.latex(x)} + {sympy.latex(b)} \\\\ &= {sympy.latex(z)} \\end{{aligned}}"
    )


def dense_numbers_markdown(lang: str) -> str:
    """The same product with numbers: exact SymPy matrices, and NumPy's x @ W + b from an MLP."""
    words = page_words("networks", lang)
    net = _dense_network()
    names = net.layer_weight_names(0)
    values = dict(zip(net.weight_names, DENSE_WEIGHTS, strict=True))
    W = sympy.Matrix(3, 2, lambda src, dest: sympy.Rational(values[names[dest][src]]))
    x = sympy.Matrix([sympy.Rational(v) for v in DENSE_X])
    b = sympy.Matrix([sympy.Rational(v) for v in DENSE_BIASES])
    z = W.T * x + b
    mlp = MLP.from_network(net, weights=DENSE_WEIGHTS, biases=DENSE_BIASES)
    numeric = [float(v) for v in mlp.forward([float(v) for v in DENSE_X]).z[0][0]]
    # The MLP stores W as (fan_in, fan_out) and computes x @ W + b: the same product, transposed.
    if not np.array_equal(mlp.weights[0], np.array(W.tolist(), dtype=float)):
        raise ValueError("MLP weights are not laid out as W[src, dest]")
    math = display_math(f"{sympy.latex(W.T)} {sympy.latex(x)} + {sympy.latex(b)} = {sympy.latex(z)}")
    rows = [[f"\\(z_{{{k + 1}}}\\)", f"\\({sympy.latex(z[k])}\\)", f"`{numeric[k]!r}`"] for k in range(2)]
    return math + "\n" + markdown_table([words["neuron"], words["exact"], words["float"]], rows, align="lrr")


# -- feed-forward versus recurrent ---------------------------------------------------------------


def recurrence_markdown() -> str:
    """h_t = f(W x_t + U h_{t-1} + b), and h_3 unrolled by substituting it into itself (SymPy)."""
    W, U, b = sympy.symbols("W U b")
    f = sympy.Function("f")
    step = sympy.Add(W * sympy.Symbol("x_t"), U * sympy.Symbol("h_{t-1}"), b, evaluate=False)
    h = sympy.Symbol("h_0")
    for x in sympy.symbols("x_1:4"):
        h = f(sympy.Add(W * x, U * h, b, evaluate=False))
    return display_math(f"h_{{t}} = {sympy.latex(f(step), order='none')}") + display_math(
        f"h_{{3}} = {sympy.latex(h, order='none')}"
    )


RNN_XS = (("1",), ("1",), ("-0.5",), ("0",))  # x_1 = x_2 on purpose: same input, different state
RNN_W = (("0.5",), ("-1",))
RNN_U = (("0.6", "-0.4"), ("0.3", "0.8"))
RNN_B = ("0", "0.1")


def rnn_givens_markdown() -> str:
    """The sequence and the parameters as matrices (givens, printed from the data above)."""

    def matrix(rows: tuple) -> str:
        return sympy.latex(sympy.Matrix([[sympy.Rational(v) for v in row] for row in rows]))

    xs = ", ".join(
        f"x_{{{t}}} = {sympy.latex(sympy.Rational(row[0]))}" for t, row in enumerate(RNN_XS, start=1)
    )
    return (
        display_math(f"W = {matrix(RNN_W)}, \\quad U = {matrix(RNN_U)}")
        + display_math(
            f"b = {matrix(tuple((v,) for v in RNN_B))}, \\quad h_{{0}} = {sympy.latex(sympy.zeros(2, 1))}, "
            "\\quad f = \\tanh"
        )
        + display_math(xs)
    )


@functools.cache  # several blocks of the page use it: compute once per language
def _rnn_runs():
    exact = rnn_forward_exact(RNN_XS, RNN_W, RNN_U, RNN_B, activation="tanh")
    as_float = lambda rows: np.array([[float(sympy.Rational(v)) for v in row] for row in rows])  # noqa: E731
    numeric = rnn_forward(
        as_float(RNN_XS),
        as_float(RNN_W),
        as_float(RNN_U),
        [float(sympy.Rational(v)) for v in RNN_B],
        activation="tanh",
    )
    return exact, numeric


def rnn_first_step_markdown() -> str:
    """The exact closed forms of h_1 and of the first unit of h_2."""
    exact, _ = _rnn_runs()
    h1 = sympy.Matrix([value.doit() for value in exact.h[0]])
    second = exact.h[1][0].doit()
    # tanh of its weighted sum, the sum on a line of its own: one line is wider than a phone.
    (z,) = second.args
    named = second.func(sympy.Symbol("z_{2,1}"))
    return display_math(f"h_{{1}} = {sympy.latex(h1)}") + aligned_math(
        [f"h_{{2,1}} &= {sympy.latex(named)}", f"z_{{2,1}} &= {sympy.latex(z)}"]
    )


def rnn_table(lang: str) -> str:
    """Every hidden state: exact (SymPy, 20 decimals), float64 (NumPy) and their difference."""
    words = page_words("networks", lang)
    exact, numeric = _rnn_runs()
    rows = []
    largest = 0.0
    for t in range(exact.steps):
        for i in range(2):
            precise = exact.decimal(t, i, 20)
            difference = abs(Decimal(repr(float(numeric.h[t, i]))) - precise)
            largest = max(largest, float(difference))
            rows.append(
                [
                    f"\\(x_{{{t + 1}}} = {sympy.latex(sympy.Rational(RNN_XS[t][0]))}\\)",
                    f"\\(h_{{{t + 1},{i + 1}}}\\)",
                    # The two values one above the other: digit by digit, and narrow enough for a phone.
                    f"`{format_decimal(precise, 20)}`<br>`{float(numeric.h[t, i])!r}`",
                    f"`{float(difference):.1e}`",
                ]
            )
    if largest > 1e-15:
        raise ValueError(f"float64 and exact RNN states differ by {largest}")
    if np.allclose(numeric.h[0], numeric.h[1]):
        raise ValueError("x_1 = x_2 should give different hidden states h_1 and h_2")
    header = [words["input"], words["unit"], f"{words['exact']}<br>{words['float']}", words["diff"]]
    return markdown_table(header, rows, align="ccll")
