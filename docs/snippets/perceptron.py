"""Chapter 1, neuron and perceptron: formulas from nnref's step function, gates, the learning rule.

Every block of perceptron.ko.md / perceptron.en.md calls one function here with its language.
"""

from fractions import Fraction

import sympy

from nnref.examples import example, truth_table
from nnref.numeric.data import GATES
from nnref.numeric.perceptron import perceptron_output, step, train_perceptron
from nnref.render import markdown_table
from nnref.rounding import decimal_text
from nnref.symbolic.functions import ACTIVATIONS

# The page includes words.py (its words in both languages) before this file.
page_text, page_words = page_text, page_words  # noqa: F821

LEARNING_RATE = "0.1"  # the page's prose names these givens too
MAX_EPOCHS = 100
TRAINED_GATES = ("and", "or", "nand")
INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))

W1, W2, X1, X2, B, THETA, Z = sympy.symbols("w1 w2 x1 x2 b theta z")



def cell_text(value: Fraction) -> str:
    """A table cell's number: decimal_text with a real minus sign (U+2212), as the prose writes it."""
    return decimal_text(value).replace("-", "\u2212")


def _rate() -> Fraction:
    return Fraction(LEARNING_RATE)


def _cases_latex(cases: list[tuple[sympy.Expr, object]], otherwise: str) -> str:
    """(value, condition) pairs as a LaTeX cases block; condition True prints the page's "otherwise"."""
    lines = []
    for value, condition in cases:
        always = condition in (True, sympy.true)
        when = rf"\text{{{otherwise}}}" if always else sympy.latex(condition, order="none")
        lines.append(rf"{sympy.latex(value)} & {when}")
    return r"\begin{cases} " + r" \\ ".join(lines) + r" \end{cases}"


def threshold_to_bias_markdown(lang: str) -> str:
    """The neuron's rule with a threshold, rewritten with a bias b = -theta; checked by SymPy."""
    weighted = sympy.Add(W1 * X1, W2 * X2, evaluate=False)
    with_bias = sympy.Add(W1 * X1, W2 * X2, B, evaluate=False)
    # "w·x > θ" and "w·x + b > 0" are the same condition exactly when b = -θ:
    if sympy.simplify((weighted - THETA) - with_bias.subs(B, -THETA)) != 0:
        raise ValueError("w·x - θ differs from (w·x + b) with b = -θ")
    otherwise = page_text("piecewise_otherwise", lang)
    fires = sympy.StrictGreaterThan(weighted, THETA, evaluate=False)
    step_formula = ACTIVATIONS["step"].formula(Z)  # nnref's own definition: 1 iff z > 0
    return "\n".join([
        "$$",
        r"\begin{aligned}",
        rf"y &= {_cases_latex([(sympy.Integer(1), fires), (sympy.Integer(0), True)], otherwise)} \\[4pt]",
        r"\Longleftrightarrow\quad y &= \operatorname{step}(z) \\",
        rf"z &= {sympy.latex(with_bias, order='none')},\quad b = -\theta",
        r"\end{aligned}",
        "$$",
        "",
        "$$",
        rf"\operatorname{{step}}(z) = {_cases_latex(list(step_formula.args), otherwise)}",
        "$$",
    ])


def hand_set_gates_table(lang: str) -> str:
    """The example perceptrons' hand-set weights and bias, and the threshold theta = -b."""
    w = page_words("perceptron", lang)
    header = [w["gate"], r"\(w_1\)", r"\(w_2\)", r"\(b\)", rf"{w['threshold']} \(\theta = -b\)"]
    rows = []
    for gate in TRAINED_GATES:
        params = example(gate).parameters
        theta = -Fraction(params["b1"])
        rows.append([gate.upper(), *(cell_text(Fraction(params[name])) for name in ("w1", "w2", "b1")),
                     cell_text(theta)])
    return markdown_table(header, rows, align="lrrrr")


def hand_set_truth_table() -> str:
    """What those perceptrons compute on every input, by the symbolic engine's exact forward pass."""
    outputs = {}
    for gate in TRAINED_GATES:
        table = truth_table(gate)
        if tuple(y for _, y in table) != GATES[gate]:
            raise ValueError(f"the {gate} example computes {table}, not the {gate} gate")
        outputs[gate] = [y for _, y in table]
    rows = [[str(x[0]), str(x[1]), *(str(outputs[g][i]) for g in TRAINED_GATES)]
            for i, x in enumerate(INPUTS)]
    return markdown_table([r"\(x_1\)", r"\(x_2\)", *(g.upper() for g in TRAINED_GATES)], rows,
                          align="c" * (2 + len(TRAINED_GATES)))


def learning_rule_markdown() -> str:
    """The update rule as SymPy prints it."""
    alpha, t, y, x_i, w_i = sympy.symbols("alpha t y x_i w_i")
    new_w = sympy.Add(w_i, sympy.Mul(alpha, t - y, x_i, evaluate=False), evaluate=False)
    new_b = sympy.Add(B, sympy.Mul(alpha, t - y, evaluate=False), evaluate=False)
    return (
        "$$\n"
        rf"{sympy.latex(w_i)} \leftarrow {sympy.latex(new_w, order='none')}, \qquad "
        rf"{sympy.latex(B)} \leftarrow {sympy.latex(new_b, order='none')}"
        "\n$$"
    )


def error_cases_table(lang: str) -> str:
    """The four (t, y) cases, the error t - y and what the rule does to the weights."""
    w = page_words("perceptron", lang)
    rows = []
    for t in (0, 1):
        for y in (0, 1):
            error = t - y
            case = w["correct"] if error == 0 else w["fire_missed"] if error > 0 else w["fired_wrongly"]
            effect = w["none"] if error == 0 else (w["raise"] if error > 0 else w["lower"]).replace(
                "x", r"\(\alpha x_i\)")
            rows.append([str(t), str(y), case, str(error), effect])
    header = [rf"{w['target']} \(t\)", rf"{w['output']} \(y\)", w["case"], r"\(t - y\)",
              rf"{w['update']} \(w_i\)"]
    return markdown_table(header, rows, align="cclcl")


def train_gate(gate: str):
    """The learning rule on one gate's truth table: zero start, the page's learning rate."""
    targets = GATES[gate]
    return train_perceptron(INPUTS, targets, learning_rate=LEARNING_RATE, max_epochs=MAX_EPOCHS)


def epochs_table(gate: str, lang: str) -> str:
    """Weights and bias after every epoch of training on ``gate`` (epoch 0: the start)."""
    w = page_words("perceptron", lang)
    run = train_gate(gate)
    if not run.converged:
        raise ValueError(f"the learning rule did not learn {gate} in {MAX_EPOCHS} epochs")
    rows = [["0", *(cell_text(v) for v in run.initial_weights), cell_text(run.initial_bias), "–"]]
    for record in run.epochs:
        rows.append([str(record.epoch), *(cell_text(v) for v in record.weights),
                     cell_text(record.bias), str(record.mistakes)])
    header = [w["epoch"], r"\(w_1\)", r"\(w_2\)", r"\(b\)", w["mistakes"]]
    return markdown_table(header, rows, align="rrrrr")


def learned_truth_table(gate: str, lang: str) -> str:
    """The trained perceptron on every input: z, y = step(z), and the gate's target."""
    w = page_words("perceptron", lang)
    run = train_gate(gate)
    rows = []
    for x, target in zip(INPUTS, GATES[gate], strict=True):
        z = sum((wi * xi for wi, xi in zip(run.weights, x, strict=True)), run.bias)
        y = step(z)
        if y != target or y != perceptron_output(run.weights, run.bias, x):
            raise ValueError(f"the trained {gate} perceptron gives {y} for {x}, not {target}")
        rows.append([str(x[0]), str(x[1]), cell_text(z), str(y), str(target)])
    header = [r"\(x_1\)", r"\(x_2\)", r"\(z = w_1 x_1 + w_2 x_2 + b\)", rf"{w['output']} \(y\)",
              rf"{w['target']} \(t\)"]
    return markdown_table(header, rows, align="ccrcc")


def summary_sentence(gate: str, lang: str) -> str:
    """How many epochs the rule took and the parameters it ended with (inline math)."""
    run = train_gate(gate)
    updating = run.epochs[-1].epoch - 1  # the last epoch only confirms: no mistake, no update
    last = run.epochs[-1].epoch
    names = [f"w_{i + 1}" for i in range(len(run.weights))] + ["b"]
    values = [*run.weights, run.bias]
    params = ", ".join(f"{n} = {decimal_text(v)}" for n, v in zip(names, values, strict=True))
    if any(record.mistakes == 0 for record in run.epochs[:-1]):
        raise ValueError(f"{gate}: an epoch before the last made no mistake; the sentence says otherwise")
    return page_text("perceptron_summary", lang, gate=gate.upper(), updating=updating, last=last,
                     params=params)


def settings_markdown(lang: str) -> str:
    """The training settings of the tables below, printed from the values the code uses."""
    run = train_gate(TRAINED_GATES[0])
    start = [*run.initial_weights, run.initial_bias]
    if len(set(start)) != 1:
        raise ValueError(f"the sentence below assumes one common start value; got {start}")
    rate, first = decimal_text(_rate()), decimal_text(start[0])
    return page_text("perceptron_settings", lang, rate=rate, first=first, epochs=MAX_EPOCHS)
