"""Chapter 4 (activation functions): formulas and derivatives from SymPy, plots from the NumPy engine.

Functions take the page language; math comes from nnref.symbolic's tables differentiated by SymPy,
curves and gradients from nnref.numeric. Plot functions need plotting.py included first.
"""

import functools
import re
from decimal import Decimal

import numpy as np
import sympy

from nnref import registry
from nnref.glossary import term
from nnref.network import Network
from nnref.numeric import MLP
from nnref.numeric.data import XOR_RECIPE, truth_table
from nnref.numeric.functions import ACTIVATIONS as NUMERIC
from nnref.render import display_math, format_decimal, markdown_table
from nnref.symbolic.functions import ACTIVATIONS, A, Z, softmax_derivative, softmax_formula

# The page includes words.py (its words in both languages) before this file.
page_text, page_words = page_text, page_words  # noqa: F821

NAME_KEYS = {name: spec.glossary_key for name, spec in registry.ACTIVATIONS.items()}
SYMBOLS = {name: spec.latex for name, spec in registry.ACTIVATIONS.items()}


def _cases_latex(expr: sympy.Expr, lang: str) -> str:
    """LaTeX of a Piecewise in the page's language (SymPy writes "for" and "otherwise")."""
    text = sympy.latex(expr)
    return text.replace(r"\text{for}\: ", page_text("activations_for", lang)).replace(
        r"\text{otherwise}", rf"\text{{{page_text('piecewise_otherwise', lang)}}}")


def _textbook(name: str) -> sympy.Expr:
    """nnref's derivative in terms of the activation a, with a replaced by its formula."""
    return ACTIVATIONS[name].derivative(Z, A).subs(A, ACTIVATIONS[name].formula(Z))


def activation_markdown(name: str, lang: str) -> str:
    """f(z), SymPy's diff of it, and (where nnref writes it so) the derivative in terms of f itself."""
    f = ACTIVATIONS[name].formula(Z)
    symbol = SYMBOLS[name]
    derivative = sympy.diff(f, Z)
    lhs = f"{symbol}(z)"
    if name == "step":
        # The size of the jump at 0, for every epsilon > 0 (sympy.limit gets one-sided limits of
        # this Piecewise wrong: it returns 0 from both sides).
        epsilon = sympy.Symbol("epsilon", positive=True)
        jump = f.subs(Z, epsilon) - f.subs(Z, -epsilon)
        if jump != 1:
            raise ValueError(f"step should jump by 1 at z = 0; got {jump}")
        where = r"\quad (z \neq 0)"
        # One fact per block: each stays narrow enough for a phone.
        return (
            display_math(f"{lhs} = {_cases_latex(f, lang)}")
            + display_math(f"{symbol}'(z) = {sympy.latex(derivative)} {where}")
            + display_math(
                f"{symbol}(\\epsilon) - {symbol}(-\\epsilon) = {sympy.latex(jump)} \\quad (\\epsilon > 0)"
            )
        )
    if name == "relu":
        nnref_form = ACTIVATIONS["relu"].derivative(Z, A)
        at_zero = ACTIVATIONS["relu"].on_branch(sympy.Integer(0), positive=False)[1]
        # SymPy prints Heaviside as theta, which chapter 1 uses for the threshold: show it as H.
        heaviside = sympy.Function("H")
        shown = derivative.replace(sympy.Heaviside, lambda argument, *_value_at_0: heaviside(argument))
        if shown == derivative:
            raise ValueError(f"SymPy's ReLU derivative {derivative} is no longer a Heaviside function")
        return display_math(f"{lhs} = {sympy.latex(f)}, \\qquad {symbol}'(z) = {sympy.latex(shown)}") + (
            "\n" + page_text("activations_heaviside", lang, h0=sympy.latex(sympy.Heaviside(0))) + "\n"
            + display_math(
                f"{symbol}'(z) = {_cases_latex(nnref_form, lang)}, \\qquad "
                f"{symbol}'(0) = {sympy.latex(at_zero)}"
            )
        )
    textbook = _textbook(name)
    if sympy.simplify(derivative - textbook) != 0:
        raise ValueError(f"{name}: SymPy's derivative {derivative} is not nnref's {textbook}")
    in_terms_of_f = ACTIVATIONS[name].derivative(Z, A).subs(A, sympy.Symbol(f"{symbol}(z)"))
    shown = f if name != "tanh" else f.rewrite(sympy.exp)
    first = f"{lhs} = {sympy.latex(shown)}"
    return display_math(first) + display_math(
        f"{symbol}'(z) = {sympy.latex(derivative)} = {sympy.latex(in_terms_of_f)}"
    )


def softmax_markdown() -> str:
    """Softmax over three weighted sums, and its Jacobian entries derived by SymPy's diff."""
    zs = sympy.symbols("z1:4")
    outputs = softmax_formula(zs)
    os = sympy.symbols("o1:4")
    lines = [f"o_{{1}} = {sympy.latex(outputs[0])}"]
    for j in (0, 1):
        derived = sympy.diff(outputs[0], zs[j])
        textbook = softmax_derivative(0, j, os)
        if sympy.simplify(derived - textbook.subs(dict(zip(os, outputs, strict=True)))) != 0:
            raise ValueError(f"d o1 / d z{j + 1}: {derived} is not {textbook}")
        lines.append(
            f"\\begin{{aligned}} \\frac{{\\partial o_{{1}}}}{{\\partial z_{{{j + 1}}}}} "
            f"&= {sympy.latex(derived)} \\\\ &= {sympy.latex(textbook)} \\end{{aligned}}"
        )
    return "".join(display_math(line) for line in lines)


def _without_jumps(z: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The curve with a gap (NaN) at every jump, so that no vertical line joins its two sides."""
    jumps = np.flatnonzero(np.abs(np.diff(y)) > 0.5) + 1
    return np.insert(z, jumps, np.nan), np.insert(y, jumps, np.nan)


def activation_plot(lang: str) -> str:
    """Step, sigmoid, tanh and ReLU with their derivatives, from the NumPy engine (needs plotting.py)."""
    words = page_words("activations", lang)
    z = np.linspace(-4, 4, 81).reshape(-1, 1)
    fig, axes = plt.subplots(2, 2, figsize=(5.6, 5.2), sharex=True)  # noqa: F821 (from plotting.py)
    function, derivative = COLORS["blue"], COLORS["orange"]  # noqa: F821 (from plotting.py)
    for ax, name in zip(axes.ravel(), ("step", "sigmoid", "tanh", "relu"), strict=True):
        activation = NUMERIC[name]
        a = activation.forward(z)
        ax.plot(*_without_jumps(z[:, 0], a[:, 0]), color=function, label=words["function"])
        if activation.differentiable:
            slope = activation.backward(z, a, np.ones_like(z))
            ax.plot(*_without_jumps(z[:, 0], slope[:, 0]), color=derivative, linestyle="--",
                    label=words["derivative"])
        else:  # zero on both sides, no value at the jump; step(0) = 0, so the dot at 1 is open
            ax.plot(z[:, 0], np.where(z[:, 0] == 0, np.nan, 0.0), color=derivative,
                    linestyle="--", label=words["derivative"])
            ax.plot([0], [1], marker="o", markerfacecolor=PAPER, color=function)  # noqa: F821
            ax.plot([0], [0], marker="o", markerfacecolor=PAPER, color=derivative, linestyle="none",  # noqa: F821
                    label=words["undefined"])
        ax.set_title(term(NAME_KEYS[name], lang).split(" (")[0])
    for ax in axes[1]:
        ax.set_xlabel("z")
    fig.subplots_adjust(hspace=0.3, wspace=0.25)  # not tight_layout: it lays the text out once more (slow)
    figure_legend(fig, axes.ravel(), ncol=3, below=0.03)  # noqa: F821 (from plotting.py)
    alt = ", ".join(term(NAME_KEYS[n], lang) for n in ("step", "sigmoid", "tanh", "relu"))
    return svg(fig, alt=alt)  # noqa: F821 (from plotting.py)


# -- why hidden layers need a non-linear function --------------------------------------------------


def linear_collapse_markdown() -> str:
    """W2(W1 x + b1) + b2 = W x + b, for 2x2 matrices of symbols, checked entry by entry."""

    def matrix(name: str, rows: int, cols: int) -> sympy.Matrix:
        return sympy.Matrix(rows, cols, lambda i, j: sympy.Symbol(f"{name}_{{{i + 1}{j + 1}}}"))

    W1, W2 = matrix("u", 2, 2), matrix("v", 2, 2)
    b1, b2 = sympy.Matrix(sympy.symbols("c1:3")), sympy.Matrix(sympy.symbols("d1:3"))
    x = sympy.Matrix(sympy.symbols("x1:3"))
    stacked = (W2 * (W1 * x + b1) + b2).expand()
    W, b = W2 * W1, W2 * b1 + b2
    if (stacked - (W * x + b).expand()) != sympy.zeros(2, 1):
        raise ValueError("two linear layers did not collapse to one")
    general = display_math(
        r"W_2 (W_1 x + b_1) + b_2 = \underbrace{W_2 W_1}_{W}\, x + \underbrace{W_2 b_1 + b_2}_{b}"
    )
    return (
        general
        + display_math(f"W_1 = {sympy.latex(W1)}, \\quad W_2 = {sympy.latex(W2)}")
        + display_math(f"b_1 = {sympy.latex(b1)}, \\quad b_2 = {sympy.latex(b2)}")
        + display_math(f"W = W_2 W_1 = {sympy.latex(W)}")
        + display_math(f"b = W_2 b_1 + b_2 = {sympy.latex(b)}")
    )


def xor_hidden_table(lang: str) -> str:
    """XOR trained by the same recipe with an identity and with a tanh hidden layer: outputs, final loss."""
    words = page_words("activations", lang)
    X, Y = truth_table("xor")
    columns = {}
    for hidden in ("identity", "tanh"):
        net = Network(XOR_RECIPE.sizes, (hidden, "sigmoid"), XOR_RECIPE.loss, XOR_RECIPE.bias)
        mlp = MLP(net, seed=XOR_RECIPE.init_seed)
        mlp.fit(
            X,
            Y,
            epochs=XOR_RECIPE.epochs,
            batch_size=XOR_RECIPE.batch_size,
            learning_rate=XOR_RECIPE.learning_rate,
            seed=XOR_RECIPE.shuffle_seed,
        )
        columns[hidden] = (mlp.predict(X)[:, 0], mlp.loss(X, Y))
    if not (columns["identity"][1] > 0.6 and columns["tanh"][1] < 0.05):
        raise ValueError(f"expected the linear hidden layer to fail XOR and tanh to learn it: {columns}")
    rows = [
        [f"({int(a)}, {int(b)})", str(int(t))] + [f"{columns[h][0][i]:.3f}" for h in columns]
        for i, ((a, b), t) in enumerate(zip(X, Y[:, 0], strict=True))
    ]
    rows.append([f"**{words['loss']}**", ""] + [f"**{columns[h][1]:.3f}**" for h in columns])
    header = [words["input"], words["target"]] + [term(NAME_KEYS[h], lang) for h in columns]
    return markdown_table(header, rows, align="lcrr")


# -- sigmoid'(z) <= 1/4 and deep gradients -----------------------------------------------------------


def sigmoid_bound_markdown() -> str:
    """The maximum of sigma'(z): where its derivative is 0, the value there, the curvature and the tails."""
    derivative = sympy.diff(ACTIVATIONS["sigmoid"].formula(Z), Z)
    critical = sympy.solve(sympy.diff(derivative, Z), Z)
    if critical != [0]:
        raise ValueError(f"sigma'' = 0 expected only at z = 0; got {critical}")
    peak = derivative.subs(Z, 0)
    curvature = sympy.diff(derivative, Z, 2).subs(Z, 0)
    tails = (sympy.limit(derivative, Z, -sympy.oo), sympy.limit(derivative, Z, sympy.oo))
    if not (curvature < 0 and tails == (0, 0)):
        raise ValueError("z = 0 should be the only, global maximum of sigma'")
    return display_math(
        f"\\frac{{d}}{{dz}} \\sigma'(z) = {sympy.latex(sympy.simplify(sympy.diff(derivative, Z)))} = 0 "
        f"\\iff z = {sympy.latex(critical[0])}"
    ) + display_math(
        "\\begin{aligned} "
        f"\\sigma'(0) &= {sympy.latex(peak)} \\\\ "
        f"\\left.\\frac{{d^{{2}}}}{{dz^{{2}}}} \\sigma'(z)\\right|_{{z=0}} "
        f"&= {sympy.latex(curvature)} < 0 \\\\ "
        f"\\lim_{{z \\to \\pm\\infty}} \\sigma'(z) &= {sympy.latex(tails[0])} "
        f"\\quad \\Longrightarrow \\quad 0 < \\sigma'(z) \\le {sympy.latex(peak)}"
        " \\end{aligned}"
    )


def bound_table(lang: str) -> str:
    """(1/4)^n exactly and as a decimal, for a few depths n."""
    words = page_words("activations", lang)
    peak = sympy.diff(ACTIVATIONS["sigmoid"].formula(Z), Z).subs(Z, 0)
    rows = []
    for n in (1, 2, 5, 10, 20):
        bound = peak**n
        rows.append([str(n), f"\\({sympy.latex(bound)}\\)", f"`{float(bound):.3g}`"])
    return markdown_table(
        [words["layers"] + " \\(n\\)", f"\\(\\left({sympy.latex(peak)}\\right)^n\\)", "≈"], rows, align="rrr"
    )


DEEP_HIDDEN = 10
DEEP_WIDTH = 16
DEEP_SAMPLES = 64


@functools.cache  # several blocks of the page use it: compute once per language
def deep_gradients() -> dict[str, tuple[float, ...]]:
    """Mean |dE/dw| per layer of an 8-(16 x 10)-1 network, one per hidden activation (seeded data)."""
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(DEEP_SAMPLES, 8)), rng.normal(size=(DEEP_SAMPLES, 1))
    sizes = (8,) + (DEEP_WIDTH,) * DEEP_HIDDEN + (1,)
    result = {}
    for hidden in ("sigmoid", "tanh", "relu"):
        net = Network(sizes, (hidden,) * DEEP_HIDDEN + ("identity",), "sse", bias=True)
        gradient = MLP(net, seed=0).gradient(X, Y)
        result[hidden] = [
            float(np.mean([abs(gradient[name]) for row in net.layer_weight_names(layer) for name in row]))
            for layer in range(net.n_layers)
        ]
    return result


def deep_gradient_plot(lang: str) -> str:
    """Mean |dE/dw| per layer on a log scale, sigmoid vs tanh vs ReLU (needs plotting.py)."""
    words = page_words("activations", lang)
    measured = deep_gradients()
    fig, ax = plt.subplots(figsize=(5.6, 3.6))  # noqa: F821 (from plotting.py)
    for hidden, marker in (("sigmoid", "o"), ("tanh", "s"), ("relu", "^")):
        layers = range(1, len(measured[hidden]) + 1)
        ax.semilogy(
            layers, measured[hidden], marker=marker, label=term(NAME_KEYS[hidden], lang).split(" (")[0]
        )
    ax.set_xlabel(page_text("activations_layer", lang, last=DEEP_HIDDEN + 1))
    ax.set_ylabel(words["mean_grad"])
    ax.set_title(words["deep_title"])
    ax.set_xticks(range(1, DEEP_HIDDEN + 2))
    plain_ticks(ax.yaxis, "{:.0e}")  # noqa: F821 (from plotting.py)
    figure_legend(fig, [ax], ncol=3)  # noqa: F821 (from plotting.py): off the curves
    return svg(fig, alt=words["deep_title"])  # noqa: F821 (from plotting.py)


def deep_gradient_table(lang: str) -> str:
    """First and last layer's mean |dE/dw| and their ratio, per hidden activation."""
    words = page_words("activations", lang)
    measured = deep_gradients()
    rows = [
        [term(NAME_KEYS[h], lang).split(" (")[0], f"{v[0]:.1e}", f"{v[-1]:.1e}", f"{v[0] / v[-1]:.1e}"]
        for h, v in measured.items()
    ]
    if not measured["sigmoid"][0] / measured["sigmoid"][-1] < measured["relu"][0] / measured["relu"][-1]:
        raise ValueError("the sigmoid network's first layer should get the smallest share of the gradient")
    return markdown_table(
        [words["hidden"], words["first"], words["last"], words["ratio"]], rows, align="lrrr"
    )


# -- sigmoid for two classes, softmax for several ----------------------------------------------------

SOFTMAX_Z = ("2", "1", "0.1")


def sigmoid_is_two_class_softmax() -> str:
    """softmax(z1, z2)_1 = sigma(z1 - z2), simplified by SymPy."""
    z1, z2 = sympy.symbols("z1 z2")
    first = softmax_formula((z1, z2))[0]
    sigmoid = ACTIVATIONS["sigmoid"].formula(z1 - z2)
    if sympy.simplify(first - sigmoid) != 0:
        raise ValueError("two-class softmax is not a sigmoid of the difference")
    return display_math(f"{sympy.latex(first)} = {sympy.latex(sigmoid)} = \\sigma(z_{{1}} - z_{{2}})")


def _cell_latex(expr: sympy.Expr) -> str:
    """LaTeX for a table cell: display-size fractions, exponents folded (e^{1/10}), so that no
    glyph shrinks to script-of-script size."""
    folded = re.sub(r"\^\{\\frac\{([^{}]+)\}\{([^{}]+)\}\}", r"^{\1/\2}", sympy.latex(expr))
    return folded.replace("\\frac{", "\\dfrac{")


def softmax_table(lang: str) -> str:
    """Softmax of given weighted sums: exact, 15 decimals, float64; and the sums of each column."""
    words = page_words("activations", lang)
    exact = softmax_formula([sympy.Rational(v) for v in SOFTMAX_Z])
    numeric = NUMERIC["softmax"].forward(np.array([[float(Decimal(v)) for v in SOFTMAX_Z]]))[0]
    exact_sum = sympy.simplify(sympy.Add(*exact))
    if exact_sum != 1:
        raise ValueError(f"softmax outputs should sum to exactly 1; got {exact_sum}")
    rows = []
    for k, (value, number) in enumerate(zip(exact, numeric, strict=True), start=1):
        decimal = Decimal(str(value.evalf(30)))
        rows.append(
            [
                str(k),
                f"\\(z_{{{k}}} = {SOFTMAX_Z[k - 1]}\\)",
                f"\\({_cell_latex(value)}\\)",
                # The two decimals one above the other: digit by digit, and narrow enough for a phone.
                f"`{format_decimal(decimal, 15)}`<br>`{float(number)!r}`",
            ]
        )
    total = float(numeric.sum())
    rows.append([f"**{words['sum']}**", "", f"\\({sympy.latex(exact_sum)}\\)", f"<br>`{total!r}`"])
    header = [words["class"], "\\(z\\)", words["exact"], f"{words['decimal']}<br>{words['float']}"]
    return markdown_table(header, rows, align="llll")
