"""``nnref derive`` handouts: one plan for four writers, every delta shown, LaTeX that compiles and fits.

Values are compared with :mod:`mp_reference` (an independent mpmath backward pass) and with the
numbers Matt Mazur published in "A Step by Step Backpropagation Example" (2015). LaTeX is compiled
for real with pdflatex (twice: longtable settles its column widths on the second run); locally the
compile tests skip when pdflatex or kotex is missing, with ``CI`` set they fail.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import mpmath
import pytest
from mp_reference import backprop

from nnref import Network, derive
from nnref.cli import main
from nnref.cli.json_out import derivation_json
from nnref.cli.latex_out import latex_document
from nnref.cli.notebook_out import derivation_notebook
from nnref.cli.problem import problem_from_options
from nnref.examples import derive_example
from nnref.render import derivation_plan, plan_markdown
from nnref.rounding import round_half_up

MAX_OVERFULL_PT = 10.0

# Two lecture networks of the issue: 2-3-3-3-2 with biases, 2-4-4-2 without (weights drawn once).
DEEP = (
    "--sizes 2,3,3,3,2 --bias --x 0.5,-0.2 --target 0.1,0.9 --lr 0.5 --weights "
    "-0.73,0.69,0.53,-0.49,-0.01,-0.10,0.30,0.58,-0.81,-0.94,0.67,-0.13,0.52,-1.00,-0.11,"
    "0.44,-0.54,0.89,0.80,-0.94,-0.95,0.08,0.88,-0.24,-0.57,-0.16,-0.94,-0.56,-0.12,-0.01 "
    "--biases -0.53,-0.54,-0.56,-0.08,-0.42,-0.96,0.68,0.11,0.28,-0.63,0.99"
).split()
WIDE = (
    "--sizes 2,4,4,2 --x 0.5,-0.2 --target 0.1,0.9 --lr 0.5 --weights "
    "0.72,-0.76,-0.33,0.44,0.42,0.87,-0.16,0.66,0.34,-0.39,0.18,0.76,0.69,0.01,0.18,-0.93,"
    "-0.51,0.59,-0.17,-0.65,0.10,0.41,0.35,-0.25,-0.12,0.02,0.56,0.04,-0.21,-0.02,-0.94,-0.91"
).split()
# Softmax and cross-entropy after relu and tanh, a mini-batch of two, two steps, two chains.
MIXED = (
    "--sizes 3,3,2,3 --activation relu,tanh,softmax --loss cce --bias --x 0.5,-1,0.25 --target "
    "0,1,0 --x -0.3,0.8,1 --target 1,0,0 --lr 0.1 --weights "
    "0.1,-0.2,0.3,0.4,-0.5,0.6,0.7,-0.8,0.9,0.2,0.3,-0.4,0.5,-0.6,0.7,-0.8,0.9,-0.1,0.2,0.3,-0.5 "
    "--biases 0.1,0,-0.1,0.05,-0.05,0.2,0,-0.2 --steps 2 --only w1,b8"
).split()

# Mazur's network: b1 and b2 are shared per layer in his post, one bias per neuron here.
MAZUR = (
    "--sizes 2,2,2 --bias --x 0.05,0.10 --target 0.01,0.99 --lr 0.5 --weights "
    "0.15,0.20,0.25,0.30,0.40,0.45,0.50,0.55 --biases 0.35,0.35,0.60,0.60"
).split()
# What the post prints (https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/).
MAZUR_PUBLISHED = {
    "h1": "0.593269992",
    "o1": "0.75136507",
    "E": "0.298371109",
    "w5+": "0.35891648",
    "w1+": "0.149780716",
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def _option(argv: list[str], name: str) -> list[str]:
    return [argv[i + 1] for i, item in enumerate(argv) if item == name]


def _reference(argv: list[str], sample: int = 0) -> dict:
    """The mpmath backward pass of the network ``argv`` describes (one sample of it)."""
    sizes = tuple(int(v) for v in _option(argv, "--sizes")[0].split(","))
    activation = (_option(argv, "--activation") or ["sigmoid"])[0].split(",")
    net = Network(
        sizes,
        activation if len(activation) > 1 else activation[0],
        (_option(argv, "--loss") or ["sse"])[0],
        bias="--bias" in argv,
    )
    weights = _option(argv, "--weights")[0].split(",")
    biases = _option(argv, "--biases")[0].split(",") if net.bias else []
    parameters = dict(zip(net.parameters, weights + biases, strict=True))
    x = _option(argv, "--x")[sample].split(",")
    target = _option(argv, "--target")[sample].split(",")
    return backprop(net, x, target, parameters)


def _rounded(value: mpmath.mpf, places: int) -> str:
    return f"{round_half_up(Fraction(mpmath.nstr(value, 60, strip_zeros=False)), places):f}"


# -- one plan, four writers -------------------------------------------------------------------------


def test_four_writers_serialize_whatever_the_plan_holds() -> None:
    """Take a section out of the plan: every writer loses it, and nothing else changes."""
    problem = problem_from_options(example="wikidocs-07-05")
    plan = derivation_plan(problem.derive(), "en", steps=1, example="wikidocs-07-05", notebook=True)
    key = "iteration-1/chain/w1"
    cut = dataclasses.replace(plan, sections=tuple(s for s in plan.sections if s.key != key))
    heading = r"\partial E / \partial w_{1}"
    for write in (plan_markdown, latex_document):
        whole, less = (
            write(
                dataclasses.replace(
                    plan, sections=tuple(s for s in plan.sections if not s.key.startswith("code"))
                )
            ),
            write(
                dataclasses.replace(
                    cut, sections=tuple(s for s in cut.sections if not s.key.startswith("code"))
                )
            ),
        )
        assert heading in whole and heading not in less
    assert "show('iteration-1/chain/w1')" in derivation_notebook(plan, problem)
    assert "show('iteration-1/chain/w1')" not in derivation_notebook(cut, problem)
    chains = [json.loads(derivation_json(p))["iterations"][0]["chains"] for p in (plan, cut)]
    assert "w1" in chains[0] and "w1" not in chains[1] and set(chains[0]) - {"w1"} == set(chains[1])


def test_every_section_reaches_every_writer(capsys) -> None:
    tr = derive_example()
    plan = derivation_plan(tr, "ko", steps=1, example="wikidocs-07-05")
    markdown, latex = plan_markdown(plan), latex_document(plan)
    for section in plan.sections:
        if section.heading:
            text = "".join(span.value for span in section.heading)
            assert text in markdown.replace(r"\(", "").replace(r"\)", "")
            assert text in latex.replace(r"\(", "").replace(r"\)", "").replace(r"\boldmath ", "")
    values = json.loads(derivation_json(plan))["iterations"][0]["values"]
    shown = {node.name for block in plan.blocks() for node in block.nodes if node.iteration == 0}
    assert shown <= set(values)


# -- every delta, and Mazur's digits -----------------------------------------------------------------

DEEP_NO_BIAS = (
    "--sizes 2,2,2,2 --x 0.3,-0.6 --target 0.2,0.7 --lr 0.5 --weights "
    "0.1,-0.4,0.7,0.25,-0.3,0.8,0.45,-0.15,0.6,-0.9,0.35,0.5 --steps 0"
).split()


def test_every_delta_of_every_layer_is_in_markdown_and_json(capsys) -> None:
    with mpmath.workdps(60):
        reference = _reference(DEEP_NO_BIAS)
    markdown = run(["derive", *DEEP_NO_BIAS, "--lang", "en"], capsys)
    document = json.loads(run(["derive", *DEEP_NO_BIAS, "--format", "json", "--digits", "20"], capsys))
    (values,) = (it["values"] for it in document["iterations"])
    assert len(reference["delta"]) == 6  # z1..z6: two hidden layers and the output layer
    for name, delta in reference["delta"].items():
        index = name[1:]
        # a table cell's fraction is set in display style
        label = rf"| \(\displaystyle \delta_{{{index}}} = \frac{{\partial E}}{{\partial z_{{{index}}}}}\) |"
        row = re.search(re.escape(label) + r"[^\n]*\| (-?\d\.\d{8}) \|", markdown)
        assert row is not None, name
        assert row.group(1) == _rounded(delta, 8), name
        assert values[f"dE/d{name}"]["decimal"] == _rounded(delta, 20), name
    for i, dx in enumerate(reference["dx"], start=1):
        assert values[f"dE/dx{i}"]["decimal"] == _rounded(dx, 20)
        assert f"| {_rounded(dx, 8)} |" in markdown
    for name, gradient in reference["grad"].items():
        assert values[f"dE/d{name}"]["decimal"] == _rounded(gradient, 20)


def test_a_first_layer_chain_cites_deltas_the_document_derived(capsys) -> None:
    markdown = run(["derive", *DEEP_NO_BIAS, "--lang", "en", "--only", "w1"], capsys)
    chain = markdown[markdown.index(r"#### \(\partial E / \partial w_{1}\)") :]
    cited = {int(i) for i in re.findall(r"\\delta_\{(\d+)\}", chain)}
    assert cited == {3, 4}  # the deltas of hidden layer 2, derived in their own table above
    for i in cited:
        row = re.search(re.escape(rf"\delta_{{{i}}} = ") + r"[^|]*\|[^|]*\|[^|]*\| (-?\d\.\d+) \|", markdown)
        value = row.group(1)
        assert value in chain
        assert markdown.index(value) < markdown.index(chain)


def test_mazur_network_with_9_digits_prints_his_values(capsys) -> None:
    markdown = run(["derive", *MAZUR, "--digits", "9", "--lang", "en"], capsys)
    document = json.loads(run(["derive", *MAZUR, "--digits", "9", "--format", "json"], capsys))
    first = document["iterations"][0]["values"]
    with mpmath.workdps(60):
        reference = _reference(MAZUR)
    independent = {
        "E": reference["E"],
        "o1": reference["o"][0],
        "w5+": mpmath.mpf("0.40") - mpmath.mpf("0.5") * reference["grad"]["w5"],
        "w1+": mpmath.mpf("0.15") - mpmath.mpf("0.5") * reference["grad"]["w1"],
    }
    for name, published in MAZUR_PUBLISHED.items():
        ours = first[name]["decimal"]
        assert re.fullmatch(r"\d\.\d{9}", ours) and f" {ours} " in markdown.replace("|", " ")
        places = len(published.split(".")[1])
        assert f"{round_half_up(Decimal(ours), places):f}" == published, name  # his digits, rounded as he did
        if name in independent:
            assert ours == _rounded(independent[name], 9), name


# -- mini-batches, --only, --steps, --fragment, --math ------------------------------------------------


def test_a_mini_batch_has_per_sample_tables_and_the_mean_gradient(capsys) -> None:
    markdown = run(["derive", *MIXED, "--lang", "en"], capsys)
    document = json.loads(run(["derive", *MIXED, "--format", "json", "--digits", "20"], capsys))
    first = document["iterations"][0]["values"]
    assert document["samples"] == 2 and document["only"] == [
        "b8",
        "w1",
    ]  # in the order backpropagation reaches them
    with mpmath.workdps(60):  # the means too: outside, mpmath adds in 53 bits
        samples = [_reference(MIXED, n) for n in (0, 1)]
        mean_loss = (samples[0]["E"] + samples[1]["E"]) / 2
        means = {
            name: (samples[0]["grad"][name] + samples[1]["grad"][name]) / 2 for name in ("w1", "w20", "b8")
        }
    assert first["E"]["decimal"] == _rounded(mean_loss, 20)
    for name, mean in means.items():
        assert first[f"dE/d{name}"]["decimal"] == _rounded(mean, 20)
        assert first[f"dE/d{name}@2"]["decimal"] == _rounded(samples[1]["grad"][name], 20)
    assert document["iterations"][0]["steps"]["dE/dw1"] == {"mean": ["dE/dw1@1", "dE/dw1@2"]}
    assert (
        markdown.count("#### Sample 1") == 2 and markdown.count("#### Sample 2") == 2
    )  # twice: before and after
    assert (
        re.findall(r"^#### \\\(\\partial E / \\partial (\w_\{\d+\})\\\)$", markdown, re.M)
        == ["b_{8}", "w_{1}"] * 2
    )
    summary = markdown[markdown.index("## The 2 updates at a glance") :]
    trace = derive(
        Network((3, 3, 2, 3), ("relu", "tanh", "softmax"), "cce", bias=True),
        x=[_option(MIXED, "--x")[n].split(",") for n in (0, 1)],
        target=[_option(MIXED, "--target")[n].split(",") for n in (0, 1)],
        weights=_option(MIXED, "--weights")[0].split(","),
        biases=_option(MIXED, "--biases")[0].split(","),
        learning_rate="0.1",
    )
    for step, tr in enumerate([trace, trace.next(), trace.next().next()]):
        assert re.search(rf"^\| {step} \| {tr.decimal('E'):f} \|", summary, re.M)


def test_fragments_and_dollar_math(capsys) -> None:
    argv = ["derive", "--example", "wikidocs-07-05", "--lang", "en"]
    whole, fragment = run(argv, capsys), run([*argv, "--fragment"], capsys)
    assert whole.startswith("# The wikidocs") and not fragment.startswith("# ") and fragment in whole
    dollars = run([*argv, "--math", "dollars"], capsys)
    assert r"\(" not in dollars and dollars.count("$") % 2 == 0 and "$w_{5}$" in dollars
    latex = run([*argv, "--format", "latex", "--fragment", "--math", "dollars"], capsys)
    assert r"\documentclass" not in latex and r"\begin{document}" not in latex
    assert (
        latex.startswith("% nnref derive: the body")
        and r"\usepackage{array,longtable}" in latex.split("\n\n")[0]
    )
    assert r"\(" not in latex and r"\subsubsection*" in latex


def test_rounded_factors_are_said_so_and_counted(capsys) -> None:
    """The note's count is what a calculator gives: the displayed factors' product, rounded."""
    out = run(["derive", "--example", "wikidocs-07-05", "--lang", "en"], capsys)
    note = re.search(r"in (\d+) of the (\d+) products", out)
    assert note is not None
    lines = re.findall(
        r"&= ((?:\\left\(-?[\d.]+\\right\)|[\d.]+)(?: \\times (?:\\left\(-?[\d.]+\\right\)|[\d.]+))+)"
        r"(?: \\\\\n&)? = (-?[\d.]+)\n",  # the result may go on a line of its own
        out,
    )
    differ = 0
    for factors, shown in lines:
        product = Fraction(1)
        for factor in re.findall(r"-?\d+\.\d+|\d+", factors):
            product *= Fraction(factor)
        differ += f"{round_half_up(product, 8):f}" != shown
    assert (differ, len(lines)) == (int(note.group(1)), int(note.group(2))) == (1, 8)
    korean = run(["derive", "--example", "wikidocs-07-05", "--lang", "ko"], capsys)
    assert "곱 8개 중 1개가 그렇습니다" in korean


# -- LaTeX, compiled ----------------------------------------------------------------------------------


def _pdflatex() -> str:
    found = shutil.which("pdflatex")
    kotex = (
        shutil.which("kpsewhich")
        and subprocess.run(["kpsewhich", "kotex.sty"], capture_output=True, text=True).stdout.strip()
    )
    if not found or not kotex:
        message = (
            "LaTeX tests need pdflatex and kotex "
            "(apt-get install texlive-latex-recommended texlive-latex-extra texlive-lang-korean)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def compile_latex(text: str, folder: Path) -> tuple[int, list[float], str]:
    """(pages, overfull box widths in pt, log) of ``text`` compiled twice with pdflatex."""
    source = folder / "handout.tex"
    source.write_text(text, encoding="utf-8")
    for _ in range(2):  # longtable writes its column widths on the first run and uses them on the second
        done = subprocess.run(
            [_pdflatex(), "-interaction=nonstopmode", "-halt-on-error", source.name],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
    log = (folder / "handout.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, log[-3000:]
    pages = re.search(r"Output written on handout\.pdf \((\d+) pages?", log)
    assert pages is not None, log[-3000:]
    widths = [float(w) for w in re.findall(r"Overfull \\[hv]box \(([\d.]+)pt too", log)]
    return int(pages.group(1)), widths, log


def test_compile_latex_reports_overfull_boxes(tmp_path: Path) -> None:
    """The checker sees a box that is too wide (so the tests below can fail)."""
    wide = r"\(" + r" + ".join(["0.12345678"] * 60) + r"\)"
    text = "\\documentclass{article}\n\\begin{document}\n\\noindent\\hbox{" + wide + "}\n\\end{document}\n"
    _, widths, _ = compile_latex(text, tmp_path)
    assert widths and max(widths) > MAX_OVERFULL_PT


@pytest.mark.parametrize(
    ("name", "argv", "lang"),
    [
        ("2-3-3-3-2", DEEP, "ko"),
        ("2-3-3-3-2", DEEP, "en"),
        ("2-4-4-2", WIDE, "ko"),
        ("2-4-4-2", WIDE, "en"),
        ("2-4-4-2 12 digits", [*WIDE, "--digits", "12"], "ko"),
        ("3-3-2-3 batch", MIXED, "en"),
    ],
)
def test_handouts_compile_and_fit_the_page(
    name: str, argv: list[str], lang: str, tmp_path: Path, capsys
) -> None:
    text = run(["derive", *argv, "--format", "latex", "--lang", lang], capsys)
    pages, widths, log = compile_latex(text, tmp_path)
    assert "LaTeX Warning: There were undefined references" not in log
    assert max(widths, default=0.0) <= MAX_OVERFULL_PT, (name, lang, widths)
    widest = max(widths, default=0.0)
    print(f"{name} ({lang}): {pages} pages, {len(widths)} overfull boxes, widest {widest:.1f} pt")


def test_a_mini_batch_notebook_runs_its_code(tmp_path, capsys) -> None:
    # The notebook's code cells used tr.nodes and tr.chain(), which belong to one sample of a
    # mini-batch: the command failed. They run now, in order, and print the mean gradient.
    target = tmp_path / "batch.ipynb"
    assert main(["derive", *MIXED, "--format", "ipynb", "-o", str(target), "--lang", "en"]) == 0
    cells = [c for c in json.loads(target.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    assert any("tr.samples[0]" in "".join(c["source"]) for c in cells)
    namespace: dict[str, object] = {}
    for cell in cells:
        exec(compile("".join(cell["source"]), "<cell>", "exec"), namespace)
    printed = capsys.readouterr().out
    z1 = _reference(MIXED, 0)["z"]["z1"]  # the first layer is relu: h1 = max(0, z1), sample 1's
    assert float(namespace["value"]) == pytest.approx(float(max(z1, 0)), abs=1e-15)  # type: ignore[arg-type]
    assert re.search(r"^E: \d\.\d+ -> \d\.\d+$", printed, re.M)
