"""Chapter 5 (loss functions): definitions and derivatives from nnref's SymPy tables, the o - t
shortcut derived per output activation, and why cross-entropy learns faster from a wrong output.

Plot functions need plotting.py included first.
"""

import functools
import re
from decimal import Decimal

import numpy as np
import sympy

from nnref import registry
from nnref.examples import derive_example, example, published_values
from nnref.glossary import term
from nnref.network import Network
from nnref.numeric import MLP
from nnref.numeric.functions import ACTIVATIONS as NUMERIC_ACTIVATIONS
from nnref.numeric.functions import LOSSES as NUMERIC_LOSSES
from nnref.render import display_math, format_decimal, markdown_table
from nnref.symbolic import derive
from nnref.symbolic.functions import ACTIVATIONS, LOSSES, A, Z, softmax_derivative, softmax_formula

# The page includes words.py (its words in both languages) before this file.
page_text, page_words = page_text, page_words  # noqa: F821

LOSS_KEYS = {name: spec.glossary_key for name, spec in registry.LOSSES.items()}
OUT, TGT, K = sympy.Symbol("o"), sympy.Symbol("t"), sympy.Symbol("K", positive=True, integer=True)



def _plain(text: str) -> str:
    # Matplotlib labels are plain text: drop the \( \) math delimiters of the page words.
    return text.replace("\\(", "").replace("\\)", "")


def loss_definitions() -> str:
    """E = sum over the K outputs of each loss's per-output share, as nnref's SymPy table defines it."""
    k = sympy.Symbol("k", integer=True)
    o, t = sympy.IndexedBase("o"), sympy.IndexedBase("t")
    lines = []
    for name in LOSSES:
        share = LOSSES[name].term(o[k], t[k], K)
        total = sympy.Sum(share, (k, 1, K))
        lines.append(f"E_{{\\mathrm{{{name}}}}} &= {_latex(total)}")
    return display_math("\\begin{aligned}\n" + " \\\\[6pt]\n".join(lines) + "\n\\end{aligned}")


def loss_values_table(lang: str) -> str:
    """A few losses worked out exactly: a regression output, a binary output, a softmax output."""
    words = page_words("losses", lang)
    one = sympy.Integer(1)
    cases = [
        # Each given is its own formula, so that a narrow cell can wrap between them.
        ("mse", ("t = 0.4", "o = 0.6"), LOSSES["mse"].term(sympy.Rational("0.6"), sympy.Rational("0.4"), 1)),
        ("bce", ("t = 1", "o = 0.9"), LOSSES["bce"].term(sympy.Rational("0.9"), one, 1)),
        ("bce", ("t = 1", "o = 0.1"), LOSSES["bce"].term(sympy.Rational("0.1"), one, 1)),
    ]
    zs = [sympy.Integer(2), sympy.Integer(1), sympy.Rational("0.1")]
    outputs = softmax_formula(zs)
    cce = sympy.simplify(
        sum(LOSSES["cce"].term(o_k, t_k, 3) for o_k, t_k in zip(outputs, (1, 0, 0), strict=True))
    )
    cases.append(("cce", ("t = (1, 0, 0)", "o = \\operatorname{softmax}(2, 1, 0.1)"), cce))
    rows = []
    for name, given, value in cases:
        decimal = Decimal(str(sympy.N(value, 30)))
        rows.append(
            [f"`{name}`", ", ".join(f"\\({part}\\)" for part in given), f"\\({_cell_latex(value)}\\)",
             f"`{format_decimal(decimal, 8)}`"]
        )
    return markdown_table(
        [words["name"], words["case"], words["exact"], words["decimal"]], rows, align="lllr"
    )


# -- the sse / mse naming clash ------------------------------------------------------------------------


def naming_table(lang: str) -> str:
    """sse and mse of the wikidocs example (exact engine) next to the published 'MSE'."""
    words = page_words("losses", lang)
    ex = example("wikidocs-07-05")
    published = published_values()["E_total"]
    rows = []
    for name in ("sse", "mse"):
        net = Network(ex.network.sizes, ex.network.activation, name, ex.network.bias)
        tr = derive(net, x=ex.x, target=ex.target, weights=ex.weights)
        share = LOSSES[name].term(OUT, TGT, K)
        rows.append(
            [
                f"`{name}`",
                term(LOSS_KEYS[name], lang),
                f"\\({_cell_latex(share)}\\)",
                f"`{format_decimal(tr.decimal('E'), 8)}`",
                f"`{published}`",
            ]
        )
    if derive_example("wikidocs-07-05").decimal("E") != published:
        raise ValueError("nnref's sse should reproduce the published 'MSE' of the wikidocs example")
    header = [words["name"], "", words["formula"], words["value"], words["published"]]
    return markdown_table(header, rows, align="lllrr")


def naming_ratio_markdown(lang: str) -> str:
    """mse / sse = 2 / K, simplified by SymPy, and the ratio for a few K."""
    words = page_words("losses", lang)
    ratio = sympy.simplify(LOSSES["mse"].term(OUT, TGT, K) / LOSSES["sse"].term(OUT, TGT, K))
    rows = [[str(k), f"\\({sympy.latex(ratio.subs(K, k))}\\)"] for k in (1, 2, 3, 10)]
    return (
        display_math(f"\\frac{{E_{{\\mathrm{{mse}}}}}}{{E_{{\\mathrm{{sse}}}}}} = {sympy.latex(ratio)}")
        + "\n"
        + markdown_table([words["outputs"], words["ratio"]], rows, align="rr")
    )


# -- derivatives and the o - t shortcut --------------------------------------------------------------------


def _latex(expr: sympy.Expr) -> str:
    return sympy.latex(expr, ln_notation=True)


def _cell_latex(expr: sympy.Expr) -> str:
    """LaTeX for a table cell: display-size fractions, exponents folded (e^{1/10}), so that no
    glyph shrinks to script-of-script size."""
    folded = re.sub(r"\^\{\\frac\{([^{}]+)\}\{([^{}]+)\}\}", r"^{\1/\2}", _latex(expr))
    return folded.replace("\\frac{", "\\dfrac{")


def _readable_derivative(derivative: sympy.Expr) -> str:
    """dE/do written around (o - t) where it is a multiple of it (checked), else as SymPy gives it."""
    error = OUT - TGT
    ratio = sympy.cancel(derivative / error)
    if not ratio.has(OUT, TGT):
        return (f"{_latex(ratio)} " if ratio != 1 else "") + "(o - t)"
    spread = sympy.cancel(ratio * OUT * (1 - OUT))
    if not spread.has(OUT, TGT):
        scale = f"{_latex(spread)} \\cdot " if spread != 1 else ""
        return f"{scale}\\frac{{o - t}}{{o (1 - o)}}"
    return _latex(derivative)


def loss_derivatives() -> str:
    """dE/do_k of each loss, by SymPy's diff of nnref's per-output share."""
    lines = []
    for name in LOSSES:
        derivative = sympy.diff(LOSSES[name].term(OUT, TGT, K), OUT)
        lines.append(
            f"\\frac{{\\partial E_{{\\mathrm{{{name}}}}}}}{{\\partial o}} "
            f"&= {_readable_derivative(derivative)}"
        )
    return display_math("\\begin{aligned}\n" + " \\\\[6pt]\n".join(lines) + "\n\\end{aligned}")


SHORTCUT_PAIRS = (
    ("identity", "sse"),
    ("sigmoid", "bce"),
    ("softmax", "cce"),
    ("sigmoid", "mse"),
    ("sigmoid", "sse"),
)

# The pairs the registry says the shortcut holds for (it has the same form for every K).
SHORTCUT_HOLDS = {pair for pair in SHORTCUT_PAIRS if registry.shortcut_scale(*pair, 1) is not None}
_ACT_KEYS = {name: spec.glossary_key for name, spec in registry.ACTIVATIONS.items()}


def _elementwise_chain(activation: str, loss: str) -> tuple[sympy.Expr, sympy.Expr, sympy.Expr]:
    """(dE/do, do/dz, their product simplified), in o and t, for one output (K = 1)."""
    dE_do = sympy.diff(LOSSES[loss].term(OUT, TGT, 1), OUT)
    do_dz = ACTIVATIONS[activation].derivative(Z, A).subs(A, OUT)
    product = sympy.factor(sympy.cancel(dE_do * do_dz))
    # Independent check: differentiate the loss of f(z) in z directly, then compare at o = f(z).
    f = ACTIVATIONS[activation].formula(Z)
    direct = sympy.diff(LOSSES[loss].term(f, TGT, 1), Z)
    if sympy.simplify(direct - product.subs(OUT, f)) != 0:
        raise ValueError(f"{activation}+{loss}: chain product {product} disagrees with d/dz {direct}")
    return dE_do, do_dz, product


def _softmax_cce_chain() -> tuple[sympy.Expr, tuple, tuple]:
    """dE/dz_1 for softmax + cce with three outputs, using t1 + t2 + t3 = 1 (one-hot or a distribution)."""
    os, ts = sympy.symbols("o1:4"), sympy.symbols("t1:4")
    total = sympy.Add(
        *(
            sympy.diff(LOSSES["cce"].term(os[k], ts[k], 3), os[k]) * softmax_derivative(k, 0, os)
            for k in range(3)
        )
    )
    return sympy.factor(sympy.expand(total).subs(ts[2], 1 - ts[0] - ts[1])), os, ts


def _pair_markdown(activation: str, loss: str, lang: str) -> tuple[str, bool]:
    title = (
        f"**{term(_ACT_KEYS[activation], lang)} + {term(LOSS_KEYS[loss], lang)}** (`{activation}` + `{loss}`)"
    )
    dz = "\\frac{\\partial E}{\\partial z}"
    if activation == "softmax":
        result, os, ts = _softmax_cce_chain()
        holds = sympy.simplify(result - (os[0] - ts[0])) == 0
        math = (
            f"\\begin{{aligned}} \\frac{{\\partial E}}{{\\partial z_{{1}}}} &= \\sum_{{k=1}}^{{3}} "
            f"\\frac{{\\partial E}}{{\\partial o_{{k}}}} "
            f"\\frac{{\\partial o_{{k}}}}{{\\partial z_{{1}}}} \\\\ &= {_latex(result)}"
        )
        mark = " \\quad \\checkmark" if holds else ""
        return title + "\n" + display_math(math + mark + " \\end{aligned}"), holds
    dE_do, do_dz, result = _elementwise_chain(activation, loss)
    ratio = sympy.cancel(result / (OUT - TGT))
    holds = not ratio.has(OUT, TGT)
    readable = _readable_derivative(dE_do)
    if not (readable.startswith("(") and readable.endswith(")")):
        readable = f"\\left({readable}\\right)"
    # One "=" per line (aligned): each line stays narrow enough for a phone.
    chain = (
        f"{dz} &= \\frac{{\\partial E}}{{\\partial o}} \\frac{{\\partial o}}{{\\partial z}} \\\\ "
        f"&= {readable} \\cdot {_latex(do_dz)} \\\\ "
    )
    if holds:
        shown = (f"{_latex(ratio)} " if ratio != 1 else "") + "(o - t)"
        return title + "\n" + display_math(
            f"\\begin{{aligned}} {chain} &= {shown} \\quad \\checkmark \\end{{aligned}}"), True
    scale = sympy.cancel(ratio / do_dz)  # what is left once sigma'(z) = o(1 - o) is taken out
    if scale.has(OUT, TGT):
        raise ValueError(f"{activation}+{loss}: dE/dz / (o - t) = {ratio} is not a multiple of f'(z)")
    factor = f"{_latex(scale)} \\cdot " if scale != 1 else ""
    shown = f"{factor}(o - t) \\cdot \\underbrace{{{_latex(do_dz)}}}_{{\\sigma'(z)}}"
    return title + "\n" + display_math(
        f"\\begin{{aligned}} {chain} &= {shown} \\neq {factor}(o - t) \\end{{aligned}}"), False


def shortcut_markdown(lang: str, holding: bool) -> str:
    """dE/dz = dE/do * do/dz for the pairs where the o - t shortcut holds (or, holding=False, fails)."""
    parts = []
    for activation, loss in SHORTCUT_PAIRS:
        markdown, holds = _pair_markdown(activation, loss, lang)
        if holds != ((activation, loss) in SHORTCUT_HOLDS):
            raise ValueError(
                f"{activation}+{loss}: the o - t shortcut {'holds' if holds else 'fails'} unexpectedly"
            )
        if holds == holding:
            parts.append(markdown)
    return "\n\n".join(parts)


def bce_scale_markdown() -> str:
    """With K sigmoid outputs, nnref's bce is the mean over outputs: dE/dz_k = (o_k - t_k) / K."""
    f = ACTIVATIONS["sigmoid"].formula(Z)
    ratio = sympy.simplify(sympy.diff(LOSSES["bce"].term(f, TGT, K), Z) / (f - TGT))
    for k in range(1, 5):  # the scale nnref's tables record agrees with the derivation
        if ratio.subs(K, k) != registry.LOSSES["bce"].scale(k):
            raise ValueError(f"bce over {k} outputs: derived scale {ratio.subs(K, k)} is not nnref's")
    return display_math(
        f"\\frac{{\\partial E_{{\\mathrm{{bce}}}}}}{{\\partial z_{{k}}}} = "
        f"{_latex(ratio)} (o_{{k}} - t_{{k}})"
    )


# -- why cross-entropy learns faster from a wrong confident output -----------------------------------------

START_WEIGHT = "-4"  # one sigmoid neuron, input 1, target 1: it starts confidently wrong
RATE = "0.5"
STEPS = 40


def _slope(loss: str, o: np.ndarray) -> np.ndarray:
    """|dE/dz| for a sigmoid output o and target 1, through the NumPy engine's loss and backward."""
    a = o.reshape(-1, 1)
    t = np.ones_like(a)
    z = np.log(a) - np.log1p(-a)  # the weighted sum that gives o
    grad_a = NUMERIC_LOSSES[loss].gradient(a, t)
    return np.abs(NUMERIC_ACTIVATIONS["sigmoid"].backward(z, a, grad_a))[:, 0]


@functools.cache  # several blocks of the page use it: compute once per language
def _descent(loss: str) -> list[float]:
    """Outputs of a 1-1 sigmoid neuron (no bias) over STEPS gradient-descent steps of nnref's trainer."""
    net = Network((1, 1), "sigmoid", loss)
    mlp = MLP.from_network(net, weights=[START_WEIGHT])
    X, Y = np.ones((1, 1)), np.ones((1, 1))
    outputs = [float(mlp.predict(X)[0, 0])]
    for _ in range(STEPS):
        mlp.fit(X, Y, epochs=1, batch_size=1, learning_rate=RATE, seed=0)
        outputs.append(float(mlp.predict(X)[0, 0]))
    return outputs


def confident_wrong_plot(lang: str) -> str:
    """Top: |dE/dz| against o for t = 1, mse vs bce; bottom: o over gradient-descent updates."""
    words = page_words("losses", lang)
    o = np.linspace(0.005, 0.995, 199)
    fig, (left, right) = plt.subplots(2, 1, figsize=(5.6, 6.4))  # noqa: F821 (from plotting.py)
    labels = {loss: f"{term('sigmoid_function', lang)} + {loss}" for loss in ("mse", "bce")}
    for loss, style, color in (("mse", "--", COLORS["orange"]), ("bce", "-", COLORS["blue"])):  # noqa: F821
        left.plot(o, _slope(loss, o), linestyle=style, color=color, label=labels[loss])
        right.plot(range(STEPS + 1), _descent(loss), linestyle=style, color=color, marker=".")
    left.set_xlabel(_plain(words["output"]))
    left.set_ylabel(words["slope"])
    left.set_title(words["left"])
    right.set_xlabel(words["steps"])
    right.set_ylabel(_plain(words["o_axis"]))
    right.set_title(words["right"])
    right.set_ylim(0, 1)
    fig.subplots_adjust(hspace=0.55, bottom=0.12)  # not tight_layout: it lays the text out once more (slow)
    figure_legend(fig, [left], ncol=2, below=0.04)  # noqa: F821 (from plotting.py): off the curves
    return svg(fig, alt=f"{words['left']}; {words['right']}")  # noqa: F821 (from plotting.py)


def confident_wrong_table(lang: str) -> str:
    """Start output, and the steps each loss needs to push the output past 0.5."""
    words = page_words("losses", lang)
    rows = []
    reached = {}
    for loss in ("mse", "bce"):
        outputs = _descent(loss)
        step = next((i for i, value in enumerate(outputs) if value > 0.5), None)
        reached[loss] = step
        shown = str(step) if step is not None else page_text("losses_never", lang, steps=STEPS)
        rows.append(
            [
                f"{term('sigmoid_function', lang)} + `{loss}`",
                f"`{outputs[0]:.4f}`",
                shown,
                f"`{outputs[-1]:.4f}`",
            ]
        )
    if reached["bce"] is None or (reached["mse"] is not None and reached["mse"] <= reached["bce"]):
        raise ValueError(f"bce should escape the wrong output sooner than mse: {reached}")
    header = [words["pair"], "\\(o_0\\)", words["reach"], f"\\(o_{{{STEPS}}}\\)"]
    return markdown_table(header, rows, align="lrrr")


def descent_givens() -> str:
    """The starting weight, the input and the learning rate as inline math (givens)."""
    return f"\\(w = {START_WEIGHT},\\ x = 1,\\ t = 1,\\ \\alpha = {RATE}\\)"
