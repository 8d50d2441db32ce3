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

INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
PLOTTED_GATES = ("and", "or", "nand", "xor")
PERCEPTRON_RATE = "0.1"  # the same settings as the perceptron chapter's tables
PERCEPTRON_EPOCHS = 100
# XOR_RECIPE's training settings on the smallest network that can compute XOR: two hidden
# neurons, like OR and NAND in the hand-built network.
XOR_2_2_1 = replace(XOR_RECIPE, network=replace(XOR_RECIPE.network, sizes=(2, 2, 1)))

WORDS = {
    "ko": {
        "gate": "게이트", "condition": "필요한 조건", "inequality": "부등식", "separable": "직선으로 나뉨",
        "yes": "예", "no": "아니요", "solution": "찾은 매개변수", "contradiction": "모순",
        "no_line": "XOR: 나누는 직선 없음", "class1": "출력 1", "class0": "출력 0",
        "output": "출력", "target": "실제값", "loss": "손실", "epoch": "에포크",
        "boundary": "결정 경계", "network_output": "신경망 출력", "predicted": "판정",
        "setting": "설정", "value": "값", "sizes": "층별 뉴런 수", "activation": "활성화 함수",
        "loss_function": "손실 함수", "learning_rate": "학습률", "epochs": "에포크 수",
        "batch_size": "배치 크기", "init_seed": "초기 가중치 시드", "check": "확인",
        "region1": "z > 0 (출력 1)", "loss_title": "에포크별 학습 손실",
        "hand_line": "앞 장에서 고른 직선", "learned_line": "학습 규칙이 찾은 직선",
        "target1": "실제값 1", "target0": "실제값 0",
        "boundary_title": "출력이 0.5인 곳이 결정 경계",
    },
    "en": {
        "gate": "gate", "condition": "condition needed", "inequality": "inequality", "separable": "separable",
        "yes": "yes", "no": "no", "solution": "parameters found", "contradiction": "contradiction",
        "no_line": "XOR: no separating line", "class1": "output 1", "class0": "output 0",
        "output": "output", "target": "target", "loss": "loss", "epoch": "epoch",
        "boundary": "decision boundary", "network_output": "network output", "predicted": "class",
        "setting": "setting", "value": "value", "sizes": "neurons per layer",
        "activation": "activation function",
        "loss_function": "loss function", "learning_rate": "learning rate", "epochs": "epochs",
        "batch_size": "batch size", "init_seed": "initial weight seed", "check": "check",
        "region1": "z > 0 (output 1)", "loss_title": "training loss per epoch",
        "hand_line": "line picked in the previous chapter", "learned_line": "line the learning rule found",
        "target1": "target 1", "target0": "target 0",
        "boundary_title": "decision boundary where the output is 0.5",
    },
}



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
    w = WORDS[lang]
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
    if lang == "ko":
        return "학습 규칙이 찾은 직선(점선)은 " + ", ".join(parts) + "입니다."
    return "The dashed lines, found by the learning rule, are " + ", ".join(parts) + "."


_KO_COUNT = {1: "한", 2: "두", 3: "세", 4: "네"}


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
    everything = inside == len(X)
    if lang == "ko":
        counts = ", ".join(f"에포크 {epoch}에 {m}개" for epoch, m in before)
        cycle_text = (f"{_KO_COUNT[len(X)]} 샘플을 모두 틀립니다" if everything
                      else f"에포크마다 {inside}개를 틀립니다")
        return (f"XOR에 같은 학습 규칙을 적용하면 에포크 {len(run.epochs)}번이 지나도 멈추지 않습니다. "
                f"틀리는 샘플은 {counts}이고, 에포크 {repeat[0] + 1}부터는 {cycle_text}. "
                f"매개변수가 에포크 {repeat[0]} 뒤와 에포크 {repeat[1]} 뒤에 똑같으므로, 학습은 그 사이의 "
                "에포크를 끝없이 되풀이합니다.")
    counts = ", ".join(f"{m}{' samples' if i == 0 else ''} in epoch {epoch}"
                       for i, (epoch, m) in enumerate(before))
    cycle_text = "every sample is wrong" if everything else f"{inside} samples are wrong in every epoch"
    return (f"Applied to XOR, the same rule has not stopped after {len(run.epochs)} epochs. It misclassifies "
            f"{counts}, and from epoch {repeat[0] + 1} on {cycle_text}. The parameters after epoch "
            f"{repeat[1]} equal those after epoch {repeat[0]}, so training repeats the same epochs forever.")


# -- the proof ----------------------------------------------------------------------------------


def _inequality_latex(q, symbols) -> str:
    return sympy.latex(q.relation(symbols), order="none")


def _tag(q) -> str:
    return rf"\;({q.label})"


def system_table(gate: str, lang: str) -> str:
    """One row per input: the condition step(w·x + b) = t and the inequality it becomes."""
    w = WORDS[lang]
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
    value = decimal_text(q.constant)
    if lang == "ko":
        particle = "이" if value[-1] in "0136789" else "가"  # 영이, 일이, 이가, 삼이, 사가, ...
        return f"{value}{particle} 0보다 {'크다' if q.strict else '크거나 같다'}"
    return f"{value} is greater than {'' if q.strict else 'or equal to '}0"


def labels(qs) -> str:
    return ", ".join(f"({q.label})" for q in qs)


def inequalities(qs) -> str:
    return ("Inequality " if len(qs) == 1 else "Inequalities ") + labels(qs)


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
        if lang == "ko":
            sentence = rf"**\({v}\) 소거.** "
            if step_.combinations:
                sentence += (rf"\({v}\)의 계수가 양수인 부등식과 음수인 부등식을 짝지어 더하면 \({v}\) "
                             "항이 없어집니다.")
                if not explained:
                    sentence += " 참인 부등식에 양수를 곱해 더한 것은 다시 참입니다."
            if step_.dropped:
                sentence += (rf" {labels(step_.dropped)}번 부등식은 \({v}\) 값을 한쪽으로만 제한하므로, 다른 "
                             rf"변수가 무엇이든 \({v}\) 값을 충분히 크게 또는 작게 잡으면 만족됩니다. "
                             "그래서 빼 둡니다.")
            if kept:
                sentence += rf" {labels(kept)}번 부등식에는 \({v}\) 항이 없으므로 그대로 둡니다."
            after = " ".join(f"({dup.label})번 부등식은 ({same.label})번 부등식과 같으므로 하나만 남깁니다."
                             for dup, same in step_.duplicates)
        else:
            sentence = rf"**Eliminate \({v}\).** "
            if step_.combinations:
                sentence += (rf"Pair each inequality with a positive coefficient on \({v}\) with each one "
                             rf"with a negative coefficient and add them so that \({v}\) cancels.")
                if not explained:
                    sentence += " Positive multiples of true inequalities add up to a true inequality."
            if step_.dropped:
                one = len(step_.dropped) == 1
                sentence += (rf" {inequalities(step_.dropped)} bound{'s' if one else ''} \({v}\) from one "
                             "side only: whatever "
                             rf"the other variables are, a large or small enough \({v}\) satisfies "
                             f"{'it' if one else 'them'}, so {'it is' if one else 'they are'} set aside.")
            if kept:
                verbs = ("does", "is") if len(kept) == 1 else ("do", "are")
                pronoun = "it is" if len(kept) == 1 else "they are"
                sentence += (rf" {inequalities(kept)} {verbs[0]} not contain \({v}\) and {verbs[1]} "
                             f"kept as {pronoun}.")
            after = " ".join(f"({dup.label}) is the same inequality as ({same.label}); one of them is kept."
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
        if lang == "ko":
            out.append(rf"마지막에 나온 ({q.label})번 부등식 \({_inequality_latex(q, symbols)}\), 즉 "
                       f"'{_constant_words(q, lang)}'는 거짓입니다. "
                       f"처음 네 부등식이 모두 참이라면 여기서 거짓이 나올 수 없으므로, 네 부등식을 동시에 "
                       f"만족하는 \\(w_1, w_2, b\\)는 없습니다. 따라서 어떤 퍼셉트론도 {gate.upper()}를 "
                       "계산하지 "
                       "못합니다.")
        else:
            out.append(rf"The last inequality, ({q.label}) \({_inequality_latex(q, symbols)}\), "
                       f"says '{_constant_words(q, lang)}', which is false. "
                       "It could not be if the four starting inequalities all held, so no \\(w_1, w_2, b\\) "
                       f"satisfies all four: no perceptron computes {gate.upper()}.")
    else:
        pairs = zip(symbols, sep.solution.values(), strict=True)
        values = ", ".join(rf"{sympy.latex(s)} = {decimal_text(v)}" for s, v in pairs)
        if lang == "ko":
            out.append("모든 변수를 소거해도 거짓인 부등식이 나오지 않으므로 해가 있습니다. "
                       "마지막 변수부터 거꾸로 대입해 허용 구간에서 가장 간단한 값을 고르면 "
                       rf"\({values}\)입니다.")
        else:
            out.append(rf"No false inequality appears once every variable is gone, so a solution exists. "
                       rf"Substituting back from the last variable and taking the simplest allowed value "
                       rf"gives \({values}\).")
    return "\n\n".join(out)


def solutions_table(lang: str) -> str:
    """Every gate through the same procedure: a solution (checked on the truth table) or a contradiction."""
    w = WORDS[lang]
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
    w = WORDS[lang]
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
    w = WORDS[lang]
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

    w = WORDS[lang]
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
    w = WORDS[lang]
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
    if lang == "ko":
        return (f"학습 손실은 에포크 1의 {first:.4f}에서 에포크 {len(history.loss)}의 {last:.4f}로 "
                "줄었습니다.")
    return f"The training loss fell from {first:.4f} in epoch 1 to {last:.4f} in epoch {len(history.loss)}."
