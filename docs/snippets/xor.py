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
XOR_2_2_1 = replace(XOR_RECIPE, sizes=(2, 2, 1))

WORDS = {
    "ko": {
        "gate": "게이트", "condition": "필요한 조건", "inequality": "부등식", "separable": "직선으로 나뉨",
        "yes": "예", "no": "아니오", "solution": "찾은 매개변수", "contradiction": "모순",
        "no_line": "XOR: 나누는 직선 없음", "class1": "출력 1", "class0": "출력 0",
        "output": "출력", "target": "실제값", "loss": "손실", "epoch": "에포크",
        "boundary": "결정 경계", "network_output": "신경망 출력", "predicted": "판정",
        "setting": "설정", "value": "값", "sizes": "층별 뉴런 수", "activation": "활성화 함수",
        "loss_function": "손실 함수", "learning_rate": "학습률", "epochs": "에포크 수",
        "batch_size": "배치 크기", "init_seed": "초기 가중치 시드", "check": "확인",
        "region1": "z > 0 (출력 1)", "loss_title": "에포크별 학습 손실",
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


def gates_figure(lang: str):
    """Four panels: AND, OR, NAND with the line the learning rule found (z > 0 shaded), XOR alone."""
    import matplotlib.pyplot as plt  # configured by plotting.py, included in the same block

    w = WORDS[lang]
    box = (-0.3, 1.3)
    fig, axes = plt.subplots(1, 4, figsize=(9, 2.9), sharey=True)
    for ax, gate in zip(axes, PLOTTED_GATES, strict=True):
        X, Y = gate_data(gate)
        run = learned_line(gate)
        if run is not None:
            w1, w2, b = (float(v) for v in (*run.weights, run.bias))
            region = _half_plane(w1, w2, b, box)
            ax.fill(region[:, 0], region[:, 1], color="#c7d7f5", label=w["region1"])
            on_line = np.abs(w1 * region[:, 0] + w2 * region[:, 1] + b) < 1e-12
            ax.plot(region[on_line, 0], region[on_line, 1], color="#1f3a93", linewidth=1.5)
            ax.set_title(gate.upper(), fontsize=10)
        else:
            ax.set_title(w["no_line"], fontsize=10)
        ones, zeros = Y[:, 0] == 1, Y[:, 0] == 0
        ax.scatter(X[ones, 0], X[ones, 1], s=70, c="#1f3a93", marker="o", label=w["class1"], zorder=3)
        ax.scatter(X[zeros, 0], X[zeros, 1], s=70, facecolors="white", edgecolors="#c0392b",
                   linewidths=2, marker="o", label=w["class0"], zorder=3)
        ax.set_xlim(*box)
        ax.set_ylim(*box)
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.set_aspect("equal")
        ax.set_xlabel("$x_1$")
    axes[0].set_ylabel("$x_2$")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=3, frameon=False, bbox_to_anchor=(0.5, -0.1))
    fig.subplots_adjust(left=0.06, right=0.99, bottom=0.2, top=0.9, wspace=0.15)
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
    lead = "그림의 직선:" if lang == "ko" else "Lines drawn:"
    return f"{lead} " + ", ".join(parts)


def xor_perceptron_markdown(lang: str) -> str:
    """What the learning rule does on XOR: it never gets through an epoch without a mistake."""
    X, Y = gate_data("xor")
    run = train_perceptron(X, Y, learning_rate=PERCEPTRON_RATE, max_epochs=PERCEPTRON_EPOCHS)
    if run.converged:
        raise ValueError("the perceptron learned XOR: impossible, the proof below says")
    repeat = run.repeated_state()
    least = min(record.mistakes for record in run.epochs)
    if lang == "ko":
        text = (f"XOR에 같은 학습 규칙을 적용하면 {len(run.epochs)} 에포크가 지나도 멈추지 않고, "
                f"어느 에포크에서든 적어도 {least}개의 샘플을 틀립니다.")
        if repeat:
            text += (f" 매개변수가 에포크 {repeat[0]} 뒤와 에포크 {repeat[1]} 뒤에 똑같으므로, 학습은 "
                     "그 사이의 에포크를 끝없이 되풀이합니다.")
        return text
    text = (f"Applied to XOR, the same rule has not stopped after {len(run.epochs)} epochs, and every "
            f"epoch misclassifies at least {least} samples.")
    if repeat:
        text += (f" The parameters after epoch {repeat[1]} equal those after epoch {repeat[0]}, so training "
                 "repeats the same epochs forever.")
    return text


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
        rows.append([f"({q.label})", f"({', '.join(str(int(v)) for v in x)})", str(t),
                     rf"\({sympy.latex(need, order='none')}\)", rf"\({_inequality_latex(q, sep.symbols)}\)"])
    header = ["#", r"\(x\)", gate.upper(), w["condition"], w["inequality"]]
    return markdown_table(header, rows, align="cccll")


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
    return rf"\left({text}\right)" if isinstance(lhs, sympy.Add) else text


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
                verbs = ("does", "stays") if len(kept) == 1 else ("do", "stay")
                sentence += rf" {inequalities(kept)} {verbs[0]} not contain \({v}\) and {verbs[1]}."
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
                lines.append(
                    rf"{_scaled(c.lower_scale, c.lower.label)} + {_scaled(c.upper_scale, c.upper.label)}:"
                    rf" &\quad {lhs} {relation} 0 \;\Longrightarrow\; "
                    rf"{_inequality_latex(c.result, symbols)}{_tag(c.result)}"
                )
            out.append("$$\n\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}\n$$")
        if after:
            out.append(after)
    if sep.contradiction is not None:
        q = sep.contradiction
        if lang == "ko":
            out.append(rf"마지막에 나온 ({q.label})번 부등식 \({_inequality_latex(q, symbols)}\), 곧 "
                       f"'{_constant_words(q, lang)}'는 거짓입니다. "
                       f"처음 네 부등식이 모두 참이라면 여기서 거짓이 나올 수 없으므로, 네 부등식을 동시에 "
                       f"만족하는 \\(w_1, w_2, b\\)는 없습니다. 곧 어떤 퍼셉트론도 {gate.upper()}를 계산하지 "
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
            found = rf"\(w_1 = {decimal_text(w1)},\ w_2 = {decimal_text(w2)},\ b = {decimal_text(b)}\)"
            check = " ".join(map(str, outputs))
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
    header = [r"\(x_1\)", r"\(x_2\)", r"\(s_1 = \mathrm{OR}(x)\)", r"\(s_2 = \mathrm{NAND}(x)\)",
              r"\(y = \mathrm{AND}(s_1, s_2)\)", w["network_output"]]
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
    """Left: the output over the unit square with the 0.5 contour and the points; right: the loss."""
    import matplotlib.pyplot as plt  # configured by plotting.py, included in the same block

    w = WORDS[lang]
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.8), gridspec_kw={"width_ratios": [1, 1.1]},
                                      layout="constrained")
    fig.get_layout_engine().set(wspace=0.12)
    grid = np.linspace(-0.2, 1.2, 41)
    xx, yy = np.meshgrid(grid, grid)
    out = mlp.predict(np.column_stack([xx.ravel(), yy.ravel()]))[:, 0].reshape(xx.shape)
    filled = left.contourf(xx, yy, out, levels=np.linspace(0, 1, 6), cmap="RdBu", alpha=0.75)
    left.contour(xx, yy, out, levels=[0.5], colors=["black"], linewidths=1.5)
    X, Y = gate_data("xor")
    ones, zeros = Y[:, 0] == 1, Y[:, 0] == 0
    left.scatter(X[ones, 0], X[ones, 1], s=70, c="#1f3a93", edgecolors="white", label=w["class1"], zorder=3)
    left.scatter(X[zeros, 0], X[zeros, 1], s=70, facecolors="white", edgecolors="#c0392b", linewidths=2,
                 label=w["class0"], zorder=3)
    left.set_aspect("equal")
    left.set_xlabel("$x_1$")
    left.set_ylabel("$x_2$")
    left.set_title(w["boundary_title"], fontsize=10)
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False)
    colorbar = fig.colorbar(filled, ax=left, fraction=0.046, pad=0.04)
    colorbar.set_label(w["network_output"], labelpad=8)
    epochs = np.arange(1, len(history.loss) + 1)
    shown = np.unique(np.linspace(0, len(epochs) - 1, 200).round().astype(int))  # 200 points are plenty
    right.plot(epochs[shown], np.asarray(history.loss)[shown], color="#1f3a93")
    right.set_xlabel(w["epoch"])
    right.set_ylabel(f"{w['loss']} ({XOR_2_2_1.loss})")
    right.set_title(w["loss_title"], fontsize=10)
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
