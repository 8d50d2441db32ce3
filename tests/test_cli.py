"""The ``nnref`` command in-process: ``main(argv)`` with captured output, real values throughout."""

from __future__ import annotations

import dataclasses
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import sympy

import nnref.verify
from nnref import MLP, Network, derive
from nnref.cli import main
from nnref.data import load_reference
from nnref.examples import derive_example, published_values, truth_table
from nnref.numeric.data import DIGITS_RECIPE, XOR_RECIPE, load_digits
from nnref.numeric.data import truth_table as gate_data
from nnref.render import comparison_table, derivation_plan, plan_markdown, published_quantity


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


# -- derive: json ----------------------------------------------------------------------------------


def test_json_carries_every_published_value(capsys) -> None:
    status, out, _ = run(["derive", "--example", "wikidocs-07-05", "--format", "json"], capsys)
    assert status == 0
    doc = json.loads(out)
    assert doc["schema"] == "nnref-derive/1" and doc["steps"] == 1 and len(doc["iterations"]) == 2
    published = load_reference("wikidocs-07-05")["published"]
    assert len(published) == 38
    for key, entry in published.items():
        updates, name = published_quantity(key)
        ours = Decimal(doc["iterations"][updates]["values"][name]["decimal"])
        given = Decimal(entry["value"])
        assert ours.quantize(given) == given, (key, ours, given)


def _labelled_decimals(doc: dict) -> dict[str, Decimal]:
    """Every value of a derive JSON document by its label (``z1`` at iteration 0, ``z1[1]`` after)."""
    found = {}
    for iteration in doc["iterations"]:
        k = iteration["iteration"]
        for name, value in iteration["values"].items():
            found[name if k == 0 else f"{name}[{k}]"] = Decimal(value["decimal"])
    return found


def _exact_at(text: str, decimals: dict[str, Decimal]) -> sympy.Expr:
    """A document's one-level exact form with each ``{label}`` replaced by that label's decimal."""
    names: dict[str, str] = {}

    def symbol(match: re.Match) -> str:
        return names.setdefault(match.group(1), f"n{len(names)}")

    # Our own output, parsed back for the check (a user's string is never given to SymPy).
    expr = sympy.parse_expr(re.sub(r"\{([^}]+)\}", symbol, text))
    values = {sympy.Symbol(s): sympy.Rational(str(decimals[label])) for label, s in names.items()}
    return expr.xreplace(values)


def test_json_exact_forms_agree_with_the_decimals(capsys) -> None:
    argv = ["derive", "--example", "wikidocs-07-05", "--format", "json", "--digits", "40", "--steps", "2"]
    status, out, _ = run(argv, capsys)
    assert status == 0
    doc = json.loads(out)
    decimals = _labelled_decimals(doc)
    values = doc["iterations"][0]["values"]
    assert {"z1", "h1", "E", "dE/do1", "dE_o1/dh1", "dE/dw1", "w1+"} <= set(values)
    assert values["h1"]["exact"] == "1/(exp(-2/25) + 1)" and values["w1+"]["exact"] == "3/10 - {dE/dw1}/2"
    assert doc["iterations"][2]["values"]["z1"]["exact"] == "{w1+[1]}/10 + {w2+[1]}/5"
    for iteration in doc["iterations"]:
        for name, value in iteration["values"].items():
            assert re.fullmatch(r"-?\d+\.\d{40}", value["decimal"]), (name, value)
            exact = _exact_at(value["exact"], decimals)
            difference = abs(Decimal(str(sympy.N(exact, 60))) - Decimal(value["decimal"]))
            assert difference <= Decimal("1e-36"), (iteration["iteration"], name)


def test_json_gradients_match_derive_for_a_network_given_on_the_command_line(capsys) -> None:
    weights = ["0.1", "-0.2", "0.3", "0.4", "0.5", "-0.6", "0.7", "0.8", "0.9", "1", "1.1", "-1.2"]
    argv = ["derive", "--sizes", "2,3,2", "--activation", "tanh,sigmoid", "--loss", "mse", "--bias",
            "--x", "0.1,1/3", "--target", "0.4,0.6", "--weights", ",".join(weights),
            "--biases", "0.1,0.1,0.1,-0.2,0.2", "--lr", "0.5", "--format", "json", "--steps", "2"]
    status, out, _ = run(argv, capsys)
    assert status == 0
    doc = json.loads(out)
    net = Network((2, 3, 2), ("tanh", "sigmoid"), "mse", bias=True)
    tr = derive(net, x=["0.1", "1/3"], target=["0.4", "0.6"], weights=weights,
                biases=["0.1", "0.1", "0.1", "-0.2", "0.2"], learning_rate="0.5")
    assert doc["network"]["parameters"] == list(net.parameters)
    assert [it["iteration"] for it in doc["iterations"]] == [0, 1, 2]
    first, last = doc["iterations"][0]["values"], doc["iterations"][2]["values"]
    for name in net.parameters:
        assert first[f"dE/d{name}"]["decimal"] == f"{tr.decimal(f'dE/d{name}'):f}"
    assert last["E"]["decimal"] == f"{tr.next().next().decimal('E'):f}"
    assert "dE/dw1" not in last and "w1+" not in last  # the check after the last update
    assert last["E"]["exact"] == "{E_o2[2]} + {E_o1[2]}" and all(v["exact"] for v in last.values())
    mlp = MLP.from_network(net, weights=weights, biases=["0.1", "0.1", "0.1", "-0.2", "0.2"])
    numeric = mlp.gradient([0.1, 1 / 3], [0.4, 0.6])
    for name in net.parameters:
        assert float(first[f"dE/d{name}"]["decimal"]) == pytest.approx(numeric[name], abs=1e-8)


def test_json_chains_list_the_factors_of_each_gradient(capsys) -> None:
    argv = ["derive", "--example", "wikidocs-07-05", "--format", "json", "--steps", "0"]
    status, out, _ = run(argv, capsys)
    assert status == 0
    (only,) = json.loads(out)["iterations"]
    tr = derive_example("wikidocs-07-05")
    for name in tr.network.parameters:
        assert only["chains"][name] == [step.label for step in tr.chain(name)]
        product = 1
        for label in only["chains"][name]:
            product *= Decimal(only["values"][label]["decimal"])
        assert abs(product - Decimal(only["values"][f"dE/d{name}"]["decimal"])) < Decimal("1e-8")
    dh1 = tr.chain("w1")[0]
    assert only["steps"]["dE/dh1"] == {"terms": [t.label for t in dh1.terms]}
    assert only["steps"]["dE_o1/dh1"] == {"factors": [f.label for f in dh1.terms[0].factors]}
    assert "w1+" not in only["values"] and "dE/dw1" in only["values"]


# -- derive: md and latex --------------------------------------------------------------------------


def test_markdown_is_what_the_plan_gives(capsys) -> None:
    status, out, _ = run(["derive", "--example", "wikidocs-07-05", "--lang", "en"], capsys)
    assert status == 0
    tr = derive_example("wikidocs-07-05")
    plan = derivation_plan(tr, "en", steps=1, example="wikidocs-07-05")
    assert out == plan_markdown(plan)
    assert comparison_table(tr, published_values(), "en") in out
    assert "✗" not in out and out.count("✓") == 38
    assert out.index("partial w_{5}") < out.index("partial w_{1}")  # output layer first


def test_latex_is_a_standalone_document(capsys) -> None:
    korean = ["derive", "--example", "wikidocs-07-05", "--format", "latex", "--lang", "ko"]
    status, out, _ = run(korean, capsys)
    assert status == 0
    assert out.startswith(r"\documentclass[10pt,a4paper]{article}")
    assert out.rstrip().endswith(r"\end{document}")
    assert r"\usepackage{kotex}" in out and "$$" not in out and "|" not in out.replace(r"\|", "")
    for environment in ("longtable", "align*"):
        assert out.count(rf"\begin{{{environment}}}") == out.count(rf"\end{{{environment}}}") > 0
    assert "tabular}" not in out and r"\paragraph" not in out
    assert out.count(r"\(") == out.count(r"\)") and out.count(r"\[") == out.count(r"\]")
    status, english, _ = run(["derive", "--example", "wikidocs-07-05", "--format", "latex", "--lang", "en"],
                             capsys)
    assert r"\usepackage{kotex}" not in english and r"{\LARGE\bfseries The wikidocs 07-05" in english
    assert r"\subsubsection*{\boldmath \(\partial E / \partial w_{5}\)}" in english


# -- derive: perceptrons -----------------------------------------------------------------------------


@pytest.mark.parametrize("gate", ["and", "or", "nand", "xor"])
def test_a_perceptron_shows_its_truth_table_and_why_there_is_no_gradient(gate: str, capsys) -> None:
    status, out, _ = run(["derive", "--example", gate, "--format", "json", "--lang", "en"], capsys)
    assert status == 0
    doc = json.loads(out)
    assert doc["differentiable"] is False and "step function" in doc["reason"]
    assert [(tuple(row["x"]), row["outputs"][0]) for row in doc["truth_table"]] == list(truth_table(gate))
    status, out, _ = run(["derive", "--example", gate, "--lang", "ko"], capsys)
    assert status == 0 and "계단 함수" in out and "진리표" in out
    rows = [tuple(int(c) for c in re.findall(r"\| (\d) ", line)) for line in out.splitlines()
            if re.fullmatch(r"(\| [01] )+\|", line)]
    assert rows == [(*x, y) for x, y in truth_table(gate)]


def test_a_step_network_given_on_the_command_line_gets_its_truth_table(capsys) -> None:
    argv = ["derive", "--sizes", "2,1", "--activation", "step", "--bias", "--weights", "1,1",
            "--biases", "-1.5", "--format", "json"]
    status, out, _ = run(argv, capsys)
    assert status == 0
    assert [row["outputs"] for row in json.loads(out)["truth_table"]] == [[y] for _, y in truth_table("and")]


# -- bad input: exit 2, one line, no traceback --------------------------------------------------------

CUSTOM = ["derive", "--sizes", "2,2", "--x", "0.1,0.2", "--target", "0.4,0.6", "--lr", "0.5"]
BAD_INPUTS = {
    "unknown example": (["derive", "--example", "wikidoc"], "did you mean 'wikidocs-07-05'"),
    "malformed list": ([*CUSTOM, "--weights", "0.1,,0.2,0.3"], "--weights item 2 is empty"),
    "wrong number of weights": ([*CUSTOM, "--weights", "0.1,0.2,0.3"], "weights must have 4 values"),
    "non-numeric value": ([*CUSTOM, "--weights", "0.1,abc,0.2,0.3"], "--weights item 2 must be a decimal"),
    "evaluated text": ([*CUSTOM, "--weights", "__import__('os'),1,2,3"], "must be a decimal number"),
    "unknown activation": ([*CUSTOM, "--weights", "1,2,3,4", "--activation", "sigmod"],
                           "did you mean 'sigmoid'"),
    "negative learning rate": ([*CUSTOM[:-2], "--weights", "1,2,3,4", "--lr", "-0.5"],
                               "--lr must be a finite"),
    "zero learning rate": (["derive", "--example", "wikidocs-07-05", "--lr", "0"], "--lr must be a finite"),
    "missing learning rate": ([*CUSTOM[:-2], "--weights", "1,2,3,4"], "--lr is required"),
    "wrong input count": (["derive", "--sizes", "2,2", "--x", "0.1", "--target", "0.4,0.6", "--weights",
                           "1,2,3,4", "--lr", "1"], "x must have 2 values"),
    "bad sizes": (["derive", "--sizes", "2,0,2"], "--sizes item 2 must be an integer >= 1"),
    "biases without bias": ([*CUSTOM, "--weights", "1,2,3,4", "--biases", "1,2"], "--biases needs --bias"),
    "bce target": ([*CUSTOM[:-4], "--target", "2,0.5", "--loss", "bce", "--weights", "1,2,3,4", "--lr", "1"],
                   "target must lie in [0, 1]"),
    "example with network": (["derive", "--example", "xor", "--sizes", "2,2"], "cannot be combined"),
    "nothing to derive": (["derive"], "give --example"),
    "unknown format": (["derive", "--example", "xor", "--format", "pdf"], "invalid choice: 'pdf'"),
    "negative steps": (["derive", "--example", "xor", "--steps", "-1"], "--steps must be an integer from 0"),
    "digits for a gate": (["derive", "--example", "xor", "--digits", "4"], "--digits does not apply"),
    "fragment with json": (["derive", "--example", "wikidocs-07-05", "--format", "json", "--fragment"],
                           "--fragment works with --format md or latex"),
    "unknown math": (["derive", "--example", "wikidocs-07-05", "--math", "brackets"],
                     "must be one of parens"),
    "unknown parameter": (["derive", "--example", "wikidocs-07-05", "--only", "w9"],
                          "--only must be a parameter of this network (w1..w8); got 'w9'"),
    "unpaired sample": (["derive", "--sizes", "2,1", "--x", "1,2", "--x", "3,4", "--target", "1",
                         "--weights", "1,1"], "--x is given 2 times and --target 1 times"),
    "too many digits": (["derive", "--example", "xor", "--format", "json", "--digits", "500"], "--digits"),
    "output folder missing": (["derive", "--example", "xor", "-o", "/nonexistent/d/x.md"], "does not exist"),
    "unknown subcommand": (["derve"], "invalid choice: 'derve'"),
    "no subcommand": ([], "required"),
    "unknown option": (["derive", "--exmple", "xor"], "unrecognized arguments"),
    "unknown data": (["train", "--data", "xr"], "did you mean 'xor'"),
    "zero epochs": (["train", "--data", "xor", "--epochs", "0"], "--epochs must be an integer"),
    "bad batch size": (["train", "--data", "xor", "--batch-size", "four"], "--batch-size must be an integer"),
    "train learning rate": (["train", "--data", "xor", "--lr", "-1"], "--lr must be a finite"),
    "train sizes": (["train", "--data", "xor", "--sizes", "3,4,1"], "--sizes must start with 2"),
    "train activation": (["train", "--data", "xor", "--activation", "relu,sigmod"], "did you mean 'sigmoid'"),
    "train step": (["train", "--data", "xor", "--activation", "step"], "step"),
    "plot suffix": (["train", "--data", "xor", "--plot", "curve.pdf"], "--plot must end in .png or .svg"),
    "plot folder": (["train", "--data", "xor", "--plot", "/nonexistent/c.png"], "does not exist"),
    "verify count": (["verify", "--random", "-1"], "--random must be an integer"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=str)
def test_bad_input_exits_2_with_one_line(case: str, capsys) -> None:
    argv, expected = BAD_INPUTS[case]
    status, out, err = run(argv, capsys)
    assert status == 2, (out, err)
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("nnref: error: "), err
    assert expected in err and "Traceback" not in err


def test_an_output_file_that_cannot_be_written_exits_2(tmp_path: Path, capsys, monkeypatch) -> None:
    status, _, err = run(["derive", "--example", "and", "-o", str(tmp_path)], capsys)
    assert status == 2 and "must be a file path, not a folder" in err
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    status, _, err = run(["derive", "--example", "and", "-o", str(blocker / "out.md")], capsys)
    assert status == 2 and err.count("\n") == 1 and "does not exist" in err

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_text", refuse)
    status, _, err = run(["derive", "--example", "and", "-o", str(tmp_path / "x.md")], capsys)
    expected = f"nnref: error: --output: cannot write '{tmp_path / 'x.md'}': Permission denied\n"
    assert status == 2 and err == expected


def test_output_file_is_written(tmp_path: Path, capsys) -> None:
    target = tmp_path / "and.json"
    status, out, err = run(["derive", "--example", "and", "--format", "json", "-o", str(target)], capsys)
    assert status == 0 and out == "" and str(target) in err
    assert json.loads(target.read_text(encoding="utf-8"))["example"] == "and"


def test_a_list_may_start_with_a_negative_number(capsys) -> None:
    argv = ["derive", "--sizes", "1,1", "--activation", "identity", "--x", "-2", "--target", "-1/2",
            "--weights", "-0.25", "--lr", "1", "--format", "json", "--steps", "0"]
    status, out, _ = run(argv, capsys)
    assert status == 0
    tr = derive(Network((1, 1), "identity"), x=["-2"], target=["-1/2"], weights=["-0.25"])
    assert json.loads(out)["iterations"][0]["values"]["dE/dw1"]["decimal"] == f"{tr.decimal('dE/dw1'):f}"


# -- verify --------------------------------------------------------------------------------------------


def test_verify_passes_on_the_current_code(capsys) -> None:
    status, out, _ = run(["verify", "--random", "3", "--lang", "en"], capsys)
    assert status == 0
    assert "wikidocs-07-05" in out and out.count(" ok") == 4 and "FAIL" not in out
    status, out, _ = run(["verify", "--random", "0", "--lang", "ko"], capsys)
    assert status == 0 and "정확한 값 대 NumPy" in out and "일치" in out


def test_verify_exits_1_when_a_wrong_gradient_is_injected(capsys, monkeypatch) -> None:
    right = nnref.verify.exact_gradient

    def wrong(net, x, target, parameters):  # one factor of 2 too many on the first weight
        values = right(net, x, target, parameters)
        return {**values, "w1": 2 * values["w1"]}

    monkeypatch.setattr(nnref.verify, "exact_gradient", wrong)
    status, out, _ = run(["verify", "--random", "2", "--lang", "en"], capsys)
    assert status == 1
    assert "FAIL" in out and "(w1)" in out and "disagree" in out


# -- train ----------------------------------------------------------------------------------------------


def test_train_prints_plain_lines_and_learns_xor(capsys) -> None:
    status, out, _ = run(["train", "--data", "xor", "--lang", "en"], capsys)
    assert status == 0
    lines = out.splitlines()
    assert "\r" not in out and "\x1b" not in out
    epoch_lines = [line for line in lines if line.startswith("epoch ")]
    assert epoch_lines[0].startswith("epoch 1/1000") and epoch_lines[-1].startswith("epoch 1000/1000")
    assert len(epoch_lines) == 21  # epoch 1, then every 50th
    mlp, _ = XOR_RECIPE.train(*gate_data("xor"))
    recipe_accuracy = mlp.accuracy(*gate_data("xor"))
    (done,) = [line for line in lines if line.startswith("done:")]
    assert done.endswith(f"accuracy {100 * recipe_accuracy:.1f}%") and recipe_accuracy == 1.0
    predictions = [float(line.split("->")[1]) for line in lines if "->" in line]
    assert [p > 0.5 for p in predictions] == [False, True, True, False]


class FakeTerminal:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_train_draws_a_progress_bar_on_a_terminal() -> None:
    from nnref.cli.parsing import build_parser
    from nnref.cli.run_train import run_train

    terminal = FakeTerminal()
    args = build_parser().parse_args(["train", "--data", "or", "--epochs", "5", "--lang", "en"])
    assert run_train(args, terminal) == 0
    bars = re.findall(r"\r\[([#.]{30})\] epoch (\d)/5", terminal.text)
    assert [int(epoch) for _, epoch in bars] == [1, 2, 3, 4, 5] and bars[-1][0] == "#" * 30


def test_train_prints_each_epoch_of_one_fit_call(capsys) -> None:
    digits = load_digits()
    recipe = dataclasses.replace(DIGITS_RECIPE, epochs=2)
    _, history = recipe.train(digits.X_train, digits.Y_train, (digits.X_test, digits.Y_test))
    status, out, _ = run(["train", "--data", "digits", "--epochs", "2", "--lang", "en"], capsys)
    assert status == 0
    for epoch in (1, 2):
        line = next(line for line in out.splitlines() if line.startswith(f"epoch {epoch}/2 "))
        assert f"loss {history.loss[epoch - 1]:.6f}" in line
        assert f"accuracy {100 * history.accuracy[epoch - 1]:.1f}%" in line
        assert f"iterations {epoch * history.iterations_per_epoch}" in line
        assert f"test loss {history.val_loss[epoch - 1]:.6f}" in line


def test_train_saves_a_reproducible_plot(tmp_path: Path, capsys) -> None:
    first, second, png = tmp_path / "a.svg", tmp_path / "b.svg", tmp_path / "c.png"
    for path in (first, second, png):
        command = ["train", "--data", "nand", "--epochs", "30", "--plot", str(path), "--lang", "ko"]
        status, out, _ = run(command, capsys)
        assert status == 0 and f"{path} 파일을 썼습니다" in out
    assert first.read_bytes() == second.read_bytes() and b"<svg" in first.read_bytes()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
