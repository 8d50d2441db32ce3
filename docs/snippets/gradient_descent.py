"""Chapter "gradient descent and the learning rate": SymPy derivations, exact 1-D iterates, the
wikidocs 07-05 step, and digits trained with three learning rates (training_runs.py caches the
runs, and runs.py, included before this file, imports it once, so the Korean and English builds
share them). Include plotting.py in the same block before calling a *_svg function.
"""


import sympy

from nnref.examples import derive_example
from nnref.exercises.descent import descent_path
from nnref.render import markdown_table
from nnref.render.fmt import value_text
from nnref.rounding import round_significant, rounded_text, significant_text

# The page includes words.py (its words in both languages) and runs.py before this file.
page_text, page_words = page_text, page_words  # noqa: F821
learning_rate_runs, one_step_losses = TRAINING_RUNS.learning_rate_runs, TRAINING_RUNS.one_step_losses  # noqa: F821

W, ALPHA = sympy.symbols("w alpha", real=True)
K = sympy.Symbol("k", integer=True, nonnegative=True)
W0 = sympy.Symbol("w_0", real=True)
MINIMUM = 3
PARABOLA = (W - MINIMUM) ** 2
START = 0
STEPS = 10
RATES_1D = ("0.05", "0.3", "1.05")  # too small, good, too large for E(w) = (w - 3)^2
RATES_DIGITS = (0.01, 0.5, 2.0)  # too small, DIGITS_RECIPE's rate, too large
DIGITS_EPOCHS = 10

def _kinds(lang: str) -> tuple[str, str, str]:
    """The three learning rates' names: too small, good, too large."""
    return tuple(page_text(f"descent_kinds_{i}", lang) for i in range(3))


def _math(latex: str) -> str:
    return f"$$\n{latex}\n$$"


def update_rule() -> str:
    """The update rule, and SymPy's first-order expansion of the loss after one step."""
    E = sympy.Function("E")
    slope = sympy.Derivative(E(W), W)
    expansion = E(W - ALPHA * slope).series(ALPHA, 0, 2).removeO().doit()
    decrease = sympy.expand(expansion - E(W))
    if sympy.simplify(decrease + ALPHA * slope**2) != 0:
        raise ValueError(f"unexpected first-order change {decrease}")
    # Printed with E'(w) for dE/dw: the expansion then fits one line of a phone.
    def primed(expr: sympy.Expr, **options: str) -> str:
        return sympy.latex(expr, **options).replace(sympy.latex(slope), "E'(w)")

    moved = primed(W - ALPHA * slope, order="old")
    return _math(f"E\\!\\left({moved}\\right) = {sympy.latex(E(W))} {primed(decrease)} + O(\\alpha^2)")


def parabola_derivation() -> str:
    """E(w) = (w-3)^2: the update, the loss after one step, the closed form of w_k, convergence."""
    gradient = sympy.diff(PARABOLA, W)
    step = sympy.expand(W - ALPHA * gradient)  # printed with order="old": w + 6α − 2αw
    after = sympy.factor(PARABOLA.subs(W, W - ALPHA * gradient))
    ratio = sympy.simplify(after / PARABOLA)
    w = sympy.Function("w")
    closed = sympy.rsolve(
        w(K + 1) - (w(K) - ALPHA * gradient.subs(W, w(K))), w(K), {w(0): W0}
    )
    condition = sympy.solve_univariate_inequality(sympy.Abs(1 - 2 * ALPHA) < 1, ALPHA, relational=False)
    lines = [
        f"E(w) &= {sympy.latex(PARABOLA)}",
        f"\\frac{{dE}}{{dw}} &= {sympy.latex(gradient)}",
        f"w - \\alpha \\frac{{dE}}{{dw}} &= {sympy.latex(step, order='old')}",
        f"E\\!\\left(w - \\alpha \\frac{{dE}}{{dw}}\\right) &= {sympy.latex(after)}",
        f"&= {sympy.latex(ratio)} \\cdot E(w)",
        f"w_k &= {sympy.latex(closed)}",
    ]
    aligned = "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"
    converges = f"\\left|1 - 2\\alpha\\right| < 1 \\iff \\alpha \\in {sympy.latex(condition)}"
    return _math(aligned) + "\n\n" + _math(converges)


def _paths() -> dict[str, tuple[sympy.Rational, ...]]:
    paths = {rate: descent_path(PARABOLA, START, rate, STEPS) for rate in RATES_1D}
    for rate, path in paths.items():  # the iterates must match the closed form derived above
        a = sympy.Rational(rate)
        for k, value in enumerate(path):
            if value != MINIMUM + (1 - 2 * a) ** k * (START - MINIMUM):
                raise ValueError(f"iterate {k} at rate {rate} is {value}, not the closed form")
    return paths


def parabola_svg(lang: str) -> str:
    """Three panels, one above the other: the iterates on E(w) = (w-3)^2 for a too small, a good
    and a too large rate."""
    paths = _paths()
    fig, axes = plt.subplots(3, 1, figsize=(5.6, 7.4))  # noqa: F821 - from plotting.py
    for ax, (rate, path), kind in zip(axes, paths.items(), _kinds(lang), strict=True):
        values = [float(v) for v in path]
        # Each panel spans its own iterates (the diverging one leaves any common frame).
        lo, hi = min(*values, MINIMUM - 3) - 1, max(*values, MINIMUM + 3) + 1
        grid = [lo + (hi - lo) * i / 200 for i in range(201)]
        ax.plot(grid, [(g - MINIMUM) ** 2 for g in grid], color=COLORS["grey"], linewidth=1)  # noqa: F821
        ax.plot(values, [(v - MINIMUM) ** 2 for v in values], marker="o", markersize=3, linewidth=1,
                color=COLORS["blue"])  # noqa: F821
        ax.set_title(f"{kind}, α = {rate}")
        ax.set_ylabel("E(w)")
        ax.set_xlim(lo, hi)
    axes[-1].set_xlabel("w")
    fig.suptitle(page_text("descent_parabola_title", lang, minimum=MINIMUM, start=START))
    fig.subplots_adjust(hspace=0.5, top=0.9)  # not tight_layout: it lays the text out once more (slow)
    return svg(fig, alt=page_text("descent_parabola_title", lang, minimum=MINIMUM, start=START))  # noqa: F821 - from plotting.py


def parabola_table(lang: str) -> str:
    """w and E(w) after STEPS exact steps for each rate (exact rationals, rounded for display)."""
    rows = []
    for (rate, path), kind in zip(_paths().items(), _kinds(lang), strict=True):
        last = path[-1]
        factor = (1 - 2 * sympy.Rational(rate)) ** 2
        rows.append([kind, rate, rounded_text(factor, 4), rounded_text(last, 6),
                     _significant((last - MINIMUM) ** 2)])
    header = ["", "\\(\\alpha\\)", "\\((1 - 2\\alpha)^2\\)", page_text("descent_w_last", lang, steps=STEPS),
              page_text("descent_e_last", lang, steps=STEPS)]
    return markdown_table(header, rows, align="lrrrr")


def _significant(value: sympy.Rational, digits: int = 4) -> str:
    """A non-negative exact rational with ``digits`` significant digits (half up); below 0.001 as
    a × 10^k."""
    mantissa, exponent = round_significant(value, digits)
    if value == 0 or exponent >= -3:
        return significant_text(value, digits)
    return f"\\({mantissa} \\times 10^{{{exponent}}}\\)"


def wikidocs_step() -> str:
    """The wikidocs 07-05 update of w5 with its learning rate, every number from nnref.derive."""
    tr = derive_example("wikidocs-07-05")
    rate = _short(tr.learning_rate)
    w5 = value_text(tr.quantity("w5"))
    slope = f"{tr.decimal('dE/dw5'):f}"
    new = f"{tr.decimal('w5+'):f}"
    rule = "w_5^{+} = w_5 - \\alpha \\frac{\\partial E}{\\partial w_5}"
    lines = [rule, f"&= {w5} - {rate} \\times {slope}", f"&= {new}"]
    return _math("\\begin{aligned} " + " \\\\ ".join(lines) + " \\end{aligned}")


def _short(value: sympy.Rational) -> str:
    """A given rate such as 1/2 as the decimal it was written as (0.5): no rounding shown."""
    return rounded_text(value, 8).rstrip("0").rstrip(".")


def wikidocs_losses(lang: str) -> str:
    """Inline: the example's loss before and after its one step (8 decimals, from nnref.derive)."""
    tr = derive_example("wikidocs-07-05")
    before, after = f"{tr.decimal('E'):f}", f"{tr.next().decimal('E'):f}"
    return page_text("descent_one_update", lang, before=before, after=after)


def one_step_table(lang: str) -> str:
    """The same example, one step at several learning rates: the loss after it."""
    words = page_words("descent", lang)
    rows = []
    for step in one_step_losses():
        change = step.loss_after - step.loss_before
        rows.append([_short(step.rate), f"{step.loss_before:f}",
                     f"{step.loss_after:f}", f"{change:+f}"])
    header = [words["rate"] + " \\(\\alpha\\)", words["before"], words["after"], words["change"]]
    return markdown_table(header, rows, align="rrrr")


def _digits_runs():
    runs = {rate: run.history for rate, run in learning_rate_runs(RATES_DIGITS, epochs=DIGITS_EPOCHS).items()}
    small, good, large = (runs[r] for r in RATES_DIGITS)
    # The prose says which rate is which; check it on the runs the page shows.
    if not (good.loss[-1] < small.loss[-1] < large.loss[-1] and large.loss[-1] >= large.loss[0] * 0.9):
        raise ValueError("these runs do not show a too small, a good and a too large learning rate")
    return runs


def digits_svg(lang: str) -> str:
    """Three panels, one above the other: digits training and test loss per epoch for each rate."""
    words = page_words("descent", lang)
    runs = _digits_runs()
    fig, axes = plt.subplots(3, 1, figsize=(5.6, 7.4), sharex=True, sharey=True)  # noqa: F821
    for ax, (rate, hist), kind in zip(axes, runs.items(), _kinds(lang), strict=True):
        epochs = range(1, len(hist.loss) + 1)
        ax.plot(epochs, hist.loss, marker="o", markersize=3, label=words["train"])
        ax.plot(epochs, hist.val_loss, marker="o", markersize=3, linestyle="--", label=words["test_loss"])
        ax.set_title(f"{kind}, α = {rate:g}")
        ax.set_ylabel(f"{words['loss']} (log)")
        ax.set_yscale("log")  # shared log scale: the spikes of the large rate and the small losses
        plain_ticks(ax.yaxis)  # noqa: F821 - from plotting.py
    axes[-1].set_xlabel(words["epoch"])
    fig.suptitle(words["digits_title"])
    fig.subplots_adjust(hspace=0.4, top=0.9, bottom=0.1)  # not tight_layout: it lays the text out again
    figure_legend(fig, axes, ncol=2, below=0.035)  # noqa: F821 - under the panels, off the curves
    return svg(fig, alt=words["digits_title"])  # noqa: F821


def digits_table(lang: str) -> str:
    """Final training loss, test loss and test accuracy for each learning rate."""
    words = page_words("descent", lang)
    _digits_runs()  # checks the runs
    runs = learning_rate_runs(RATES_DIGITS, epochs=DIGITS_EPOCHS)
    large = runs[RATES_DIGITS[-1]]
    if large.dead_units <= large.hidden_units // 2:  # the prose says "most hidden neurons"
        raise ValueError(f"only {large.dead_units} of {large.hidden_units} hidden units died")
    rows = []
    for (rate, run), kind in zip(runs.items(), _kinds(lang), strict=True):
        hist = run.history
        rows.append([kind, f"{rate:g}", f"{hist.loss[-1]:.4f}", f"{hist.val_loss[-1]:.4f}",
                     f"{hist.val_accuracy[-1]:.1%}", f"{run.dead_units} / {run.hidden_units}"])
    header = ["", "\\(\\alpha\\)", words["train_loss"], words["test_loss"], words["test_acc"], words["dead"]]
    return markdown_table(header, rows, align="lrrrrr")




def chance_sentence(lang: str) -> str:
    """The too-large run's final loss next to ln 10, the loss of a uniform guess over ten classes."""
    hist = learning_rate_runs(RATES_DIGITS, epochs=DIGITS_EPOCHS)[RATES_DIGITS[-1]].history
    chance = float(sympy.log(10))
    if abs(hist.loss[-1] - chance) > 0.1:  # the sentence below says "stays near"
        raise ValueError(f"the too-large run ends at loss {hist.loss[-1]}, not near ln 10")
    if hist.val_accuracy[-1] > 0.12:  # and "the accuracy of always choosing one class" (10 classes)
        raise ValueError(f"the too-large run reaches test accuracy {hist.val_accuracy[-1]}")
    uniform = f"\\(\\ln 10 \\approx {chance:.4f}\\)"
    return page_text("descent_chance", lang, uniform=uniform)


def spike_sentence(lang: str) -> str:
    """The good rate's one jump in test loss (an epoch whose update pushed the weights off course)
    and the epoch where the test loss is back below its level before the jump."""
    hist = learning_rate_runs(RATES_DIGITS, epochs=DIGITS_EPOCHS)[RATES_DIGITS[1]].history
    peak = max(range(len(hist.val_loss)), key=hist.val_loss.__getitem__)
    before = min(hist.val_loss[:peak], default=None)
    back = next((i for i in range(peak + 1, len(hist.val_loss)) if hist.val_loss[i] < before), None)
    if before is None or back is None or hist.val_loss[peak] < 2 * before:
        raise ValueError(f"the good rate's test loss {hist.val_loss} has no single jump to explain")
    if max(hist.val_loss[back:]) > hist.val_loss[peak] / 2:
        raise ValueError("the test loss jumps again after it recovered; the sentence says it does not")
    peak_loss, accuracy = f"{hist.val_loss[peak]:.2f}", f"{hist.val_accuracy[peak]:.0%}"
    return page_text("descent_spike", lang, peak=peak + 1, peak_loss=peak_loss, accuracy=accuracy,
                     back=back + 1)
