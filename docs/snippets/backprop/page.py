"""Chapter: backpropagation (역전파). The wikidocs 07-05 example worked through by nnref.

Every number, formula and table of docs/chapters/backprop.{ko,en}.md comes from the functions
below: the symbolic trace (``derive_example``), the published values of the package's reference
file, the NumPy engine and ``nnref.verify``. Plot functions need plotting.py included first.
"""

import re
from decimal import Decimal
from fractions import Fraction

import numpy as np
import sympy

import nnref.render as render
from nnref.data import load_reference
from nnref.examples import WIKIDOCS_07_05, published_values
from nnref.glossary import term
from nnref.network import Network
from nnref.numeric import MLP
from nnref.render import format_decimal, inline_math, markdown_table
from nnref.render.comparison import compare_published
from nnref.render.deltas import delta_gradient_block
from nnref.render.fmt import aligned_math, scientific_latex, value_text
from nnref.render.markdown import blocks_markdown, rich_markdown
from nnref.render.plan import spans
from nnref.render.steps import loss_figure
from nnref.rounding import round_half_up, round_toward_zero
from nnref.symbolic import derive
from nnref.symbolic.functions import LOSSES
from nnref.verify import verify

EXAMPLE = WIKIDOCS_07_05
TRACE = EXAMPLE.derive()
REFERENCE = load_reference(EXAMPLE.name)
# The page includes words.py (its words in both languages) before this file.
page_text, page_words = page_text, page_words  # noqa: F821

PLACES = 8
O1_PLACES = 30  # o1 printed to here, to show how near the 8-decimal rounding boundary it is
VERIFY_PLACES = 12  # the three-way table's columns
TIMES = r" \times "

# -- the network and its givens ----------------------------------------------------------------


def network_mermaid(lang):
    """A mermaid diagram of the example's network, every edge labelled with its weight's name."""
    return render.network_mermaid(EXAMPLE.network, lang)


def givens_table(lang):
    """The example's givens as nnref.examples holds them: one matrix per layer of weights."""
    return render.givens_table(TRACE, lang)


def forward_markdown(lang):
    return render.forward_table(TRACE, lang)


def loss_block(lang):
    return render.loss_markdown(TRACE, lang)


# -- the backward pass ---------------------------------------------------------------------------


def chain_block(name, lang):
    """The chain rule of one parameter, derived in full."""
    return render.chain_markdown(TRACE, name, lang)


def chain_tabs(names, lang):
    """Several parameters' chain rules, one tab each (pymdownx.tabbed)."""
    blocks = []
    for name in names:
        body = render.chain_markdown(TRACE, name, lang)
        indented = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
        label = TRACE.quantity(name).latex
        blocks.append(f'=== "{inline_math(label)}"\n\n{indented}\n')
    return "\n".join(blocks)


def layer_parameters(layer):
    """Weight names of weight layer ``layer`` (0-based), in naming order."""
    return [name for row in EXAMPLE.network.layer_weight_names(layer) for name in row]


def delta_table(lang):
    """delta = dE/dz for every weighted sum, each hidden one by the recursion."""
    return render.delta_table(TRACE, lang)


def _delta_gradients(lang):
    return delta_gradient_block(TRACE, lang, check=True)


def delta_gradient_table(lang):
    """Each gradient as delta × sending value, checked against the gradient at 30 decimals."""
    return blocks_markdown(_delta_gradients(lang)[:1])


def delta_agreement(lang):
    return blocks_markdown(_delta_gradients(lang)[1:])


# -- the update and after ----------------------------------------------------------------------------


def update_block(lang):
    return render.update_table(TRACE, lang)


def after_update_block(lang):
    return render.after_update_markdown(TRACE, lang)


STEPS_SHOWN = (0, 1, 2, 3, 5, 10, 20, 50, 100)


def several_steps_table(lang, steps=STEPS_SHOWN):
    """E after N simultaneous gradient-descent updates of the same example (``Trace.next()``)."""
    return render.steps_table(TRACE, lang, steps, outputs=False, decrease=True)


def several_steps_plot(lang, count=STEPS_SHOWN[-1]):
    figure = loss_figure(TRACE, lang, count, digits=8)
    fig, ax = plt.subplots(figsize=(6, 3.2))  # noqa: F821 - plt comes from plotting.py
    blue = COLORS["blue"]  # noqa: F821 - COLORS comes from plotting.py
    ax.plot(figure.x, [float(value) for value in figure.y], color=blue)
    ax.set_xlabel(figure.x_label)
    ax.set_ylabel(figure.y_label)
    ax.set_title(figure.title, fontsize=11)
    ax.set_ylim(bottom=0)
    return svg(fig, alt=figure.alt)  # noqa: F821 - svg comes from plotting.py


# -- the published values -----------------------------------------------------------------------------


def comparison_block(lang):
    return render.comparison_table(TRACE, published_values(), lang)


def comparison_counts():
    """(matches, total): published values equal to nnref's, rounded to the published digits."""
    found = compare_published(TRACE, published_values())
    return sum(item.matches for item in found), len(found)


def comparison_summary(lang):
    matches, total = comparison_counts()
    key = "backprop_published_all_match" if matches == total else "backprop_published_match"
    return page_text(key, lang, total=total, matches=matches)


# -- what the comparison found --------------------------------------------------------------------------


def _published(key):
    return published_values()[key]


def w1_typo_block(lang):
    """The source prints W1+ = 0.1 - 0.5 × 0.00080888 but W1 is 0.3; its result is W1's."""
    printed = REFERENCE["published"]["w1_new"]["as_printed"]
    match = re.search(r'"([0-9.]+)"', printed)
    if match is None:
        raise ValueError(f"the reference no longer records the printed W1 value: {printed!r}")
    typo = Decimal(match.group(1))
    w1 = Decimal(EXAMPLE.parameters["w1"])
    rate = Decimal(EXAMPLE.learning_rate)
    gradient = _published("dE_dw1")
    result = _published("w1_new")
    with_typo, with_w1 = typo - rate * gradient, w1 - rate * gradient
    if with_w1 != result or with_typo == result:
        raise ValueError("the W1 note no longer holds: check the reference file")
    ours = format_decimal(TRACE.decimal("w1+"), PLACES)
    label = [page_text(f"backprop_typo_{key}", lang) for key in ("printed", "actual", "nnref")]
    places = -gradient.as_tuple().exponent
    with_typo, with_w1 = format_decimal(with_typo, places), format_decimal(with_w1, places)
    return aligned_math(_labelled([
        (label[0], rf"{typo} - {rate} \times {gradient}"),
        ("", rf"= {with_typo} \neq {result}"),
        (rf"{label[1]} = {w1}", rf"{w1} - {rate} \times {gradient} = {with_w1}"),
        (label[2], rf"w_{{1}}^{{+}} = {ours}"),
    ]))


def _labelled(rows):
    """Aligned lines of (label, formula): each label on a line of its own, its formula indented
    under it (side by side, the longest would not fit a phone)."""
    lines = []
    for label, formula in rows:
        lines += ([rf"&{label}:"] if label else []) + [rf"&\quad {formula}"]
    return lines


def factor_product_block(lang):
    """Multiplying the three displayed 8-decimal factors of dE/dw5 versus the exact value."""
    factors = [TRACE.decimal(step.label, PLACES) for step in TRACE.chain("w5")]
    product = factors[0] * factors[1] * factors[2]
    exact = TRACE.decimal("dE/dw5", 16)
    label = [page_text(f"backprop_factors_{key}", lang) for key in ("displayed", "exact")]
    return aligned_math(_labelled([
        (label[0], TIMES.join(str(f) for f in factors)),
        ("", rf"= {product}"),
        ("", rf"\rightarrow {format_decimal(product, PLACES)}"),
        (label[1], rf"\frac{{\partial E}}{{\partial w_{{5}}}} = {exact}\ldots"),
        ("", rf"\rightarrow {format_decimal(TRACE.decimal('dE/dw5', PLACES), PLACES)}"),
    ]))


def factor_product_facts():
    """(displayed-factor product rounded, exact rounded, published) for the prose checks."""
    factors = [TRACE.decimal(step.label, PLACES) for step in TRACE.chain("w5")]
    product = round_half_up(factors[0] * factors[1] * factors[2], PLACES)
    return product, TRACE.decimal("dE/dw5", PLACES), _published("dE_dw5")


def _scientific(value, digits=2):
    """``3.3 \\times 10^{-12}`` for a positive Decimal (rounded half up)."""
    return scientific_latex(value, digits)


def _places30(number):
    """A float's exact binary value, cut (not rounded) to 30 decimals, to line up with o1's."""
    return round_toward_zero(Fraction(float(number)), O1_PLACES)


def o1_boundary_block(lang):
    """o1 to 30 decimals, the rounding boundary above it, and what float64 and float32 print."""
    o1 = TRACE.decimal("o1", O1_PLACES)
    shown = TRACE.decimal("o1", PLACES)
    boundary = shown + Decimal(5).scaleb(-(PLACES + 1))
    if not o1 < boundary:
        raise ValueError("o1 no longer lies below the rounding boundary")
    mlp = MLP.from_network(EXAMPLE.network, weights=EXAMPLE.weights)
    x = np.array([[float(Fraction(v)) for v in EXAMPLE.x]])
    o1_float64 = mlp.predict(x)[0, 0]
    o1_float32 = np.float32(o1_float64)
    # The page's prose says float64 shows the published digits and float32 does not.
    if f"{o1_float64:.{PLACES}f}" != f"{shown:f}" or f"{o1_float32:.{PLACES}f}" == f"{shown:f}":
        raise ValueError("the o1 note no longer holds: float64/float32 digits changed")
    label = [page_text(f"backprop_boundary_{key}", lang, places=O1_PLACES)
             for key in ("o1", "boundary", "distance", "float64", "float32")]
    return aligned_math(_labelled([
        (label[0], f"{o1}"),
        (label[1], f"{boundary}"),
        (label[2], _scientific(boundary - o1)),
        (label[3], rf"{_places30(o1_float64)}\ldots"),
        ("", rf"\rightarrow {o1_float64:.8f}"),
        (label[4], f"{Decimal(float(o1_float32))}"),
        ("", rf"\rightarrow {o1_float32:.8f}"),
    ]))


def o1_distance_inline():
    o1 = TRACE.decimal("o1", O1_PLACES)
    boundary = TRACE.decimal("o1", PLACES) + Decimal(5).scaleb(-(PLACES + 1))
    return inline_math(_scientific(boundary - o1))


def float32_o1_inline():
    mlp = MLP.from_network(EXAMPLE.network, weights=EXAMPLE.weights)
    x = np.array([[float(Fraction(v)) for v in EXAMPLE.x]])
    return f"{np.float32(mlp.predict(x)[0, 0]):.8f}"


def loss_naming_block(lang):
    """E of the example under sse and mse, and the general ratio mse/sse = 2/K from SymPy."""
    o, t = sympy.symbols("o t")
    k = sympy.Symbol("K", positive=True, integer=True)
    ratio = sympy.simplify(LOSSES["mse"].term(o, t, k) / LOSSES["sse"].term(o, t, k))
    outputs = EXAMPLE.network.sizes[-1]
    mse_net = Network(sizes=EXAMPLE.network.sizes, activation=EXAMPLE.network.activation, loss="mse",
                      bias=EXAMPLE.network.bias)
    mse_trace = derive(mse_net, x=EXAMPLE.x, target=EXAMPLE.target, weights=EXAMPLE.weights)
    if (mse_trace.loss.doit() == TRACE.loss.doit()) != (outputs == 2):  # equal closed forms
        raise ValueError("the sse/mse note no longer holds: the two agree exactly when K = 2")
    sse_name, mse_name = (term(key, lang) for key in ("sum_of_squared_errors", "mean_squared_error"))
    lines = [
        rf"\frac{{\mathrm{{mse}}}}{{\mathrm{{sse}}}} &= {sympy.latex(ratio)}"
        rf", \qquad \left.\frac{{2}}{{K}}\right|_{{K = {outputs}}} = {sympy.latex(ratio.subs(k, outputs))}",
        rf"E_{{\mathrm{{sse}}}} &= {value_text(TRACE.quantity('E'))} \quad \text{{({sse_name})}}",
        rf"E_{{\mathrm{{mse}}}} &= {value_text(mse_trace.quantity('E'))} \quad \text{{({mse_name})}}",
    ]
    return aligned_math(lines)


# -- three-way verification ------------------------------------------------------------------------------


def _report():
    return verify(EXAMPLE.network, EXAMPLE.x, EXAMPLE.target, EXAMPLE.weights)


def verify_table(lang):
    """Each gradient three ways: exact (SymPy), NumPy float64, central differences of the loss."""
    words = {key: page_text(f"backprop_verify_{key}", lang, places=VERIFY_PLACES)
             for key in ("parameter", "exact", "numpy", "central")}
    report = _report()
    if not report.ok:
        raise ValueError(f"three-way verification failed: {report.summary()}")
    rows = []
    for name in EXAMPLE.network.parameters:
        exact = report.exact[name]
        rows.append([
            rich_markdown(spans(inline_math(TRACE.quantity(f"dE/d{name}").latex)), cell=True),
            format_decimal(exact, VERIFY_PLACES),
            f"{report.numpy[name]:.{VERIFY_PLACES}f}",
            f"{report.central[name]:.{VERIFY_PLACES}f}",
        ])
    return markdown_table([words["parameter"], words["exact"], words["numpy"], words["central"]],
                          rows, align="lrrr")


def _power_of_ten(value):
    """``10^{-12}`` for a tolerance that is a power of ten, else the scientific form."""
    exponent = Decimal(repr(value)).adjusted()
    if Decimal(repr(value)) == Decimal(1).scaleb(exponent):
        return f"10^{{{exponent}}}"
    return _scientific(Decimal(repr(value)))


def verify_summary(lang):
    report = _report()
    numpy_diff = inline_math(_scientific(Decimal(repr(report.numpy_difference))))
    central_diff = inline_math(_scientific(Decimal(repr(report.central_difference))))
    numpy_tol = inline_math(_power_of_ten(report.numpy_tolerance))
    central_tol = inline_math(_power_of_ten(report.central_tolerance))
    numpy_at = inline_math(TRACE.quantity(report.numpy_worst).latex)
    central_at = inline_math(TRACE.quantity(report.central_worst).latex)
    return page_text(
        "backprop_verify_summary", lang, numpy_at=numpy_at, numpy_diff=numpy_diff, numpy_tol=numpy_tol,
        central_at=central_at, central_diff=central_diff, central_tol=central_tol,
    )
