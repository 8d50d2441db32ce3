"""Chapter 2, the XOR problem: the four points, a Fourier–Motzkin proof, AND(OR, NAND), a trained net.

Every block of xor.ko.md / xor.en.md calls one function here with its language. Plot blocks
also include plotting.py (for plt and svg).
"""

from dataclasses import replace
from fractions import Fraction

import numpy as np
import sympy

from nnref.examples import example, truth_table
from nnref.numeric.data import GATES, XOR_RECIPE
from nnref.numeric.data import truth_table as gate_data
from nnref.numeric.perceptron import step, train_perceptron
from nnref.render import markdown_table
from nnref.rounding import decimal_text
from nnref.symbolic import forward
from nnref.symbolic.separability import separate

# The page includes words.py (its words in both languages) before this file.
page_text, page_words = page_text, page_words  # noqa: F821

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
PLOTTED_GATES = ("and", "or", "nand", "xor")
PERCEPTRON_RATE = "0.1"  # the same settings as the perceptron chapter's tables
PERCEPTRON_EPOCHS = 100
# XOR_RECIPE's training settings on the smallest network that can compute XOR: two hidden
# neurons, like OR and NAND in the hand-built network.
XOR_2_2_1 = replace(XOR_RECIPE, network=replace(XOR_RECIPE.network, sizes=(2, 2, 1)))

def xor_truth_table(lang: str) -> str:
    """XOR's truth table next to AND and OR, from nnref's gate data."""
    header = [r"\(x_1\)", r"\(x_2\)", "AND", "OR", "XOR"]
    rows = [[str(x[0]), str(x[1]), *(str(GATES[g][i]) for g in ("and", "or", "xor"))]
            for i, x in enumerate(INPUTS)]
    return markdown_table(header, rows, align="ccccc")


# -- the four points ----------------------------------------------------------------------------


def learned_line(gate: str):
    """The perceptron learning rule's result on ``gate`` (None if it never stops making mistakes)."""
    X, Y = gate_data(gate)
    run = train_perceptron(X, Y, learning_rate=PERCEPTRON_RATE, max_epochs=PERCEPTRON_EPOCHS)
    return run if run.converged else None


def _half_plane(w1: float, w2: float, b: float, box: tuple[float, float]) -> np.ndarray:
    """Corners of {x in box² : w1·x1 + w2·x2 + b >= 0} (the box clipped by one line, Sutherland–Hodgman)."""
    lo, hi = box
    corners = [(lo, lo), (hi, lo), (hi, hi), (lo, hi)]
    inside = [w1 * x + w2 * y + b for x, y in corners]
    kept = []
    for i, (p, fp) in enumerate(zip(corners, inside, strict=True)):
        q, fq = corners[(i + 1) % 4], inside[(i + 1) % 4]
        if fp >= 0:
            kept.append(p)
        if (fp >= 0) != (fq >= 0):  # the edge crosses the line: keep the crossing point
            t = fp / (fp - fq)
            kept.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return np.array(kept)


def _line_segment(w1: float, w2: float, b: float, box: tuple[float, float]) -> np.ndarray:
    """The part of the line w1·x1 + w2·x2 + b = 0 inside box²: the edge of its half-plane."""
    region = _half_plane(w1, w2, b, box)
    on_line = np.abs(w1 * region[:, 0] + w2 * region[:, 1] + b) < 1e-12
    return region[on_line]


def gates_figure(lang: str):
    """Four panels (2 x 2): AND, OR, NAND with the hand-set perceptron's line (z > 0 shaded) and
    the line the learning rule found (dashed); XOR alone."""
    import matplotlib.pyplot as plt  # configured by plotting.py, included in the same block

    colors, paper = COLORS, PAPER  # noqa: F821 - from plotting.py
    w = page_words("xor", lang)
    box = (-0.3, 1.3)
    fig, axes = plt.subplots(2, 2, figsize=(5.6, 6.0), sharex=True, sharey=True)
    for ax, gate in zip(axes.ravel(), PLOTTED_GATES, strict=True):
        X, Y = gate_data(gate)
        run = learned_line(gate)
        if run is not None:
            hand = example(gate).parameters
            w1, w2, b = (float(Fraction(hand[name])) for name in ("w1", "w2", "b1"))
            region = _half_plane(w1, w2, b, box)
            ax.fill(region[:, 0], region[:, 1], color=colors["blue"], alpha=0.2, linewidth=0,
                    label=w["region1"])
            edge = _line_segment(w1, w2, b, box)
            ax.plot(edge[:, 0], edge[:, 1], color=colors["blue"], linewidth=2, label=w["hand_line"])
            learned = _line_segment(*(float(v) for v in (*run.weights, run.bias)), box)
            ax.plot(learned[:, 0], learned[:, 1], color=colors["orange"], linewidth=1.5, linestyle="--",
                    label=w["learned_line"])
            ax.set_title(gate.upper())
        else:
            ax.set_title(w["no_line"])
        ones, zeros = Y[:, 0] == 1, Y[:, 0] == 0
        ax.scatter(X[ones, 0], X[ones, 1], s=70, c=colors["blue"], edgecolors=paper, marker="o",
                   label=w["class1"], zorder=3)
        ax.scatter(X[zeros, 0], X[zeros, 1], s=70, facecolors=paper, edgecolors=colors["red"],
                   linewidths=2, marker="o", label=w["class0"], zorder=3)
        ax.set_xlim(*box)
        ax.set_ylim(*box)
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.set_aspect("equal")
        ax.grid(False)
    for ax in axes[1]:
        ax.set_xlabel("$x_1$")
    for ax in axes[:, 0]:
        ax.set_ylabel("$x_2$")
    fig.subplots_adjust(left=0.1, right=0.98, bottom=0.2, top=0.95, hspace=0.25, wspace=0.1)
    figure_legend(fig, axes.ravel(), ncol=2, below=0.12)  # noqa: F821 - from plotting.py
    return fig


def learned_lines_markdown(lang: str) -> str:
    """The lines drawn in the figure, as equations (inline math, one per gate)."""
    parts = []
    for gate in PLOTTED_GATES:
        run = learned_line(gate)
        if run is None:
            continue
        w1, w2, b = (decimal_text(v) for v in (*run.weights, run.bias))
        constant = "" if b == "0" else f" + {b}"
        parts.append(rf"{gate.upper()} \({w1}\,x_1 + {w2}\,x_2{constant} = 0\)".replace("+ -", "- "))
    return page_text("xor_learned_lines", lang, lines=", ".join(parts))


def xor_perceptron_markdown(lang: str) -> str:
    """What the learning rule does on XOR: mistakes per epoch until it cycles, and the cycle."""
    X, Y = gate_data("xor")
    run = train_perceptron(X, Y, learning_rate=PERCEPTRON_RATE, max_epochs=PERCEPTRON_EPOCHS)
    if run.converged:
        raise ValueError("the perceptron learned XOR: impossible, the proof below says")
    repeat = run.repeated_state()
    if repeat is None:
        raise ValueError("the XOR run should come back to an earlier state (a cycle)")
    mistakes = [record.mistakes for record in run.epochs]
    cycle = set(mistakes[repeat[0]:])  # epochs repeat[0] + 1, ... are the cycle, forever
    if len(cycle) != 1:
        raise ValueError(f"the sentence assumes one mistake count inside the cycle; got {cycle}")
    (inside,) = cycle
    before = list(enumerate(mistakes[: repeat[0]], start=1))
    counts = ", ".join(page_text("xor_mistakes" if i else "xor_mistakes_first", lang, epoch=epoch, count=m)
                       for i, (epoch, m) in enumerate(before))
    cycle = (page_text("xor_cycle_all", lang, count=len(X)) if inside == len(X)
             else page_text("xor_cycle_some", lang, count=inside))
    return page_text("xor_no_stop", lang, epochs=len(run.epochs), counts=counts, cycle=cycle,
                     start=repeat[0] + 1, first=repeat[0], again=repeat[1])


# -- the proof ----------------------------------------------------------------------------------


def _inequality_latex(q, symbols) -> str:
    return sympy.latex(q.relation(symbols), order="none")


def _tag(q) -> str:
    return rf"\;({q.label})"


def system_table(gate: str, lang: str) -> str:
    """One row per input: the condition step(w·x + b) = t and the inequality it becomes."""
    w = page_words("xor", lang)
    sep = separate(truth_table(gate))
    w1, w2, b = sep.symbols
    rows = []
    for q, (x, t) in zip(sep.system, sep.rows, strict=True):
        terms = [xi * wi for xi, wi in zip(map(int, x), (w1, w2), strict=True) if xi]
        z = sympy.Add(*terms, b, evaluate=False)
        need = sympy.StrictGreaterThan(z, 0, evaluate=False) if t else sympy.LessThan(z, 0, evaluate=False)
        # The inequality carries its number, as in the derivation below: (1), (2), ...
        rows.append([rf"\(({', '.join(str(int(v)) for v in x)})\)", str(t),
                     rf"\({sympy.latex(need, order='none')}\)",
                     rf"\({_inequality_latex(q, sep.symbols)}{_tag(q)}\)"])
    header = [r"\(x\)", gate.upper(), w["condition"], w["inequality"]]
    return markdown_table(header, rows, align="ccll")


def _constant_words(q, lang: str) -> str:
    """A constant inequality in words ("0 is greater than 0"), for the sentence after the proof."""
    return page_text("xor_greater" if q.strict else "xor_greater_or_equal", lang,
                     value=decimal_text(q.constant))


def labels(qs) -> str:
    return ", ".join(f"({q.label})" for q in qs)


def _times(scale: Fraction) -> str:
    return "" if scale == 1 else decimal_text(scale) + r" \cdot "


def _parenthesised(q, symbols) -> str:
    lhs = q.lhs(symbols)
    text = sympy.latex(lhs, order="none")
    # A sum, or a negative term, is bracketed: "+ (−w2)", never "+ −w2".
    return rf"\left({text}\right)" if isinstance(lhs, sympy.Add) or text.startswith("-") else text


def _scaled(scale: Fraction, label: int) -> str:
    return f"({label})" if scale == 1 else rf"{decimal_text(scale)}\cdot({label})"


def elimination_markdown(gate: str, lang: str) -> str:
    """Each Fourier–Motzkin step as display math, with a sentence; ends in a contradiction or a solution."""
    sep = separate(truth_table(gate))
    symbols = sep.symbols
    out = []
    explained = False  # why adding inequalities is allowed: said once, at the first sum
    for step_ in sep.eliminations:
        v = sympy.latex(sympy.Symbol(step_.variable))
        kept = [q for q in step_.system if q.coefficients[sep.variables.index(step_.variable)] == 0]
        sentence = page_text("xor_eliminate", lang, v=v)
        if step_.combinations:
            sentence += page_text("xor_pair_up", lang, v=v)
            if not explained:
                sentence += page_text("xor_why_add", lang)
        number = "one" if len(step_.dropped) == 1 else "many"
        if step_.dropped:
            sentence += page_text(f"xor_set_aside_{number}", lang, v=v, labels=labels(step_.dropped))
        number = "one" if len(kept) == 1 else "many"
        if kept:
            sentence += page_text(f"xor_kept_{number}", lang, v=v, labels=labels(kept))
        after = " ".join(page_text("xor_duplicate", lang, dup=dup.label, same=same.label)
                         for dup, same in step_.duplicates)
        explained = explained or bool(step_.combinations)
        out.append(sentence.replace(".**  ", ".** "))
        if step_.combinations:
            lines = []
            for c in step_.combinations:
                relation = ">" if c.result.strict else r"\geq"
                lhs = (_times(c.lower_scale) + _parenthesised(c.lower, symbols) + " + "
                       + _times(c.upper_scale) + _parenthesised(c.upper, symbols))
                # The sum on one line, its result on the next: each stays narrow enough for a phone.
                lines.append(
                    rf"{_scaled(c.lower_scale, c.lower.label)} + {_scaled(c.upper_scale, c.upper.label)}:"
                    rf" &\quad {lhs} {relation} 0 \\ &\quad \Longrightarrow\; "
                    rf"{_inequality_latex(c.result, symbols)}{_tag(c.result)}"
                )
            out.append("$$\n\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}\n$$")
        if after:
            out.append(after)
    if sep.contradiction is not None:
        q = sep.contradiction
        out.append(page_text("xor_contradiction_found", lang, label=q.label,
                             inequality=_inequality_latex(q, symbols), says=_constant_words(q, lang),
                             gate=gate.upper()))
    else:
        pairs = zip(symbols, sep.solution.values(), strict=True)
        values = ", ".join(rf"{sympy.latex(s)} = {decimal_text(v)}" for s, v in pairs)
        out.append(page_text("xor_solution_found", lang, values=values))
    return "\n\n".join(out)


def solutions_table(lang: str) -> str:
    """Every gate through the same procedure: a solution (checked on the truth table) or a contradiction."""
    w = page_words("xor", lang)
    rows = []
    for gate in PLOTTED_GATES:
        sep = separate(truth_table(gate))
        if sep.separable:
            w1, w2, b = sep.solution.values()
            outputs = [step(w1 * x1 + w2 * x2 + b) for x1, x2 in INPUTS]
            if tuple(outputs) != GATES[gate]:
                raise ValueError(f"{gate}: the solution computes {outputs}")
            # One formula per parameter: a narrow cell may wrap between them.
            found = rf"\(w_1 = {decimal_text(w1)}\), \(w_2 = {decimal_text(w2)}\), \(b = {decimal_text(b)}\)"
            check = "".join(map(str, outputs))  # written like the truth tables of the prose (0111)
        else:
            found = rf"{w['contradiction']}: \({_inequality_latex(sep.contradiction, sep.symbols)}\)"
            check = "–"
        rows.append([gate.upper(), w["yes"] if sep.separable else w["no"], found, check])
    header = [w["gate"], w["separable"], w["solution"], w["check"]]
    return markdown_table(header, rows, align="lcll")


# -- XOR = AND(OR, NAND) --------------------------------------------------------------------------


def _gate(gate: str, inputs: tuple[int, int]) -> int:
    chosen = example(gate)
    (value,) = forward(chosen.network, list(inputs), chosen.weights, chosen.biases)
    return int(value)


def two_layer_table(lang: str) -> str:
    """x -> (s1 = OR(x), s2 = NAND(x)) -> y = AND(s1, s2), next to the XOR network's output."""
    w = page_words("xor", lang)
    network = dict(truth_table("xor"))  # the whole 2-2-1 step network in one forward pass
    rows = []
    for x in INPUTS:
        s1, s2 = _gate("or", x), _gate("nand", x)
        y = _gate("and", (s1, s2))
        if y != network[x] or y != GATES["xor"][INPUTS.index(x)]:
            raise ValueError(f"AND(OR, NAND) gives {y} for {x}; the network {network[x]}")
        rows.append([str(x[0]), str(x[1]), str(s1), str(s2), str(y), str(network[x])])
    header = [r"\(x_1\)", r"\(x_2\)", r"OR \(s_1\)", r"NAND \(s_2\)", r"AND \(y\)", w["network_output"]]
    return markdown_table(header, rows, align="cccccc")


# -- a trained network ---------------------------------------------------------------------------


def trained_xor():
    """XOR_2_2_1 trained on the four rows: (mlp, history)."""
    X, Y = gate_data("xor")
    return XOR_2_2_1.train(X, Y)


def recipe_table(lang: str) -> str:
    """The network and training settings, printed from the recipe object."""
    w = page_words("xor", lang)
    r = XOR_2_2_1
    rows = [
        [w["sizes"], "-".join(map(str, r.sizes))],
        [w["activation"], ", ".join(r.activation)],
        [w["loss_function"], r.loss],
        [w["learning_rate"], str(r.learning_rate)],
        [w["epochs"], str(r.epochs)],
        [w["batch_size"], str(r.batch_size)],
        [w["init_seed"], str(r.init_seed)],
    ]
    return markdown_table([w["setting"], w["value"]], rows, align="ll")


def trained_figure(lang: str, mlp, history):
    """Top: the output over the unit square with the 0.5 contour and the four samples (marked by
    their target); bottom: the training loss per epoch."""
    import matplotlib.pyplot as plt  # configured by plotting.py, included in the same block

    w = page_words("xor", lang)
    fig, (left, right) = plt.subplots(2, 1, figsize=(5.6, 7.6), height_ratios=(1.45, 1))
    grid = np.linspace(-0.2, 1.2, 41)
    xx, yy = np.meshgrid(grid, grid)
    out = mlp.predict(np.column_stack([xx.ravel(), yy.ravel()]))[:, 0].reshape(xx.shape)
    filled = left.contourf(xx, yy, out, levels=np.linspace(0, 1, 6), cmap="RdBu", alpha=0.85)
    left.contour(xx, yy, out, levels=[0.5], colors=["black"], linewidths=1.5)
    X, Y = gate_data("xor")
    ones, zeros = Y[:, 0] == 1, Y[:, 0] == 0
    # Drawn on the coloured field, not on the page: black and white read on red and on blue.
    left.scatter(X[ones, 0], X[ones, 1], s=90, c="black", edgecolors="white", linewidths=1.5,
                 label=w["target1"], zorder=3)
    left.scatter(X[zeros, 0], X[zeros, 1], s=90, facecolors="white", edgecolors="black", linewidths=1.5,
                 label=w["target0"], zorder=3)
    left.set_aspect("equal")
    left.grid(False)
    left.set_xlabel("$x_1$")
    left.set_ylabel("$x_2$")
    left.set_title(w["boundary_title"])
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False)
    colorbar = fig.colorbar(filled, ax=left, fraction=0.046, pad=0.04)
    colorbar.set_label(w["network_output"], labelpad=8)
    epochs = np.arange(1, len(history.loss) + 1)
    shown = np.unique(np.linspace(0, len(epochs) - 1, 200).round().astype(int))  # 200 points are plenty
    right.plot(epochs[shown], np.asarray(history.loss)[shown])
    right.set_xlabel(w["epoch"])
    right.set_ylabel(f"{w['loss']} ({XOR_2_2_1.loss})")
    right.set_title(w["loss_title"])
    fig.subplots_adjust(hspace=0.45)  # not tight_layout: it lays the text out once more (slow)
    return fig


def predictions_table(lang: str, mlp) -> str:
    """The trained network's output for each row, its class (output > 0.5) and the target."""
    w = page_words("xor", lang)
    X, Y = gate_data("xor")
    outputs = mlp.predict(X)[:, 0]
    rows = []
    for x, t, o in zip(X, Y[:, 0], outputs, strict=True):
        predicted = int(o > 0.5)
        if predicted != int(t):
            raise ValueError(f"the trained network gives {o} for {x}, target {t}")
        rows.append([str(int(x[0])), str(int(x[1])), f"{o:.4f}", str(predicted), str(int(t))])
    header = [r"\(x_1\)", r"\(x_2\)", w["network_output"], w["predicted"], w["target"]]
    return markdown_table(header, rows, align="ccrcc")


def loss_sentence(lang: str, history) -> str:
    """First and last epoch's training loss, from the history."""
    first, last = history.loss[0], history.loss[-1]
    return page_text("xor_loss_fell", lang, first=f"{first:.4f}", last=f"{last:.4f}",
                     epochs=len(history.loss))
