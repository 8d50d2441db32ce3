"""Chapter 1: the perceptron learning rule (nnref.numeric.perceptron) and the page's snippet."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from site_tools import run_snippets

from nnref.numeric.data import GATES, truth_table
from nnref.numeric.perceptron import perceptron_output, step, train_perceptron

INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]]


@pytest.mark.parametrize("gate", ["and", "or", "nand"])
def test_the_rule_learns_each_separable_gate(gate: str) -> None:
    run = train_perceptron(INPUTS, GATES[gate], learning_rate="0.1")
    assert run.converged
    assert run.predict(INPUTS) == GATES[gate]
    # It stops at the first clean epoch: every earlier epoch made a mistake.
    assert run.epochs[-1].mistakes == 0
    assert all(record.mistakes > 0 for record in run.epochs[:-1])
    assert [record.epoch for record in run.epochs] == list(range(1, len(run.epochs) + 1))


def test_first_and_epoch_by_hand() -> None:
    # From w = (0, 0), b = 0 every input gives z = 0, so y = 0: only (1, 1) (target 1) is wrong,
    # and it adds 0.1 * (1 - 0) * (1, 1) to w and 0.1 to b.
    run = train_perceptron(INPUTS, GATES["and"], learning_rate="0.1", max_epochs=1)
    (first,) = run.epochs
    assert first.weights == (Fraction(1, 10), Fraction(1, 10))
    assert first.bias == Fraction(1, 10)
    assert first.mistakes == 1
    assert not run.converged


def test_a_one_input_run_by_hand() -> None:
    # x = 0 (target 1): z = 0, y = 0, b += 1. x = 1 (target 0): z = 1, y = 1, w -= 1, b -= 1.
    # Epoch 2: x = 0: z = 0, wrong again, b = 1; x = 1: z = 0, right. Epoch 3: no mistake.
    run = train_perceptron([[0], [1]], [1, 0], learning_rate=1)
    trace = [(e.weights, e.bias, e.mistakes) for e in run.epochs]
    assert trace == [((-1,), 0, 2), ((-1,), 1, 1), ((-1,), 1, 0)]


def test_from_zero_the_learning_rate_only_scales_the_weights() -> None:
    small = train_perceptron(INPUTS, GATES["nand"], learning_rate="0.1")
    large = train_perceptron(INPUTS, GATES["nand"], learning_rate=1)
    assert len(small.epochs) == len(large.epochs)
    for a, b in zip(small.epochs, large.epochs, strict=True):
        assert tuple(10 * w for w in a.weights) == b.weights and 10 * a.bias == b.bias
        assert a.mistakes == b.mistakes


def test_xor_never_converges_and_cycles() -> None:
    run = train_perceptron(INPUTS, GATES["xor"], learning_rate="0.1", max_epochs=30)
    assert not run.converged
    assert len(run.epochs) == 30
    assert min(record.mistakes for record in run.epochs) >= 1
    earlier, later = run.repeated_state()
    assert earlier < later
    same = run.epochs[earlier - 1] if earlier else None
    state = (same.weights, same.bias) if same else (run.initial_weights, run.initial_bias)
    assert (run.epochs[later - 1].weights, run.epochs[later - 1].bias) == state
    # Restarting from that state reproduces the next epochs exactly: the loop is real.
    again = train_perceptron(INPUTS, GATES["xor"], learning_rate="0.1", max_epochs=later - earlier,
                             initial_weights=list(state[0]), initial_bias=state[1])
    assert (again.weights, again.bias) == state


def test_a_converged_run_has_no_repeated_state() -> None:
    assert train_perceptron(INPUTS, GATES["or"]).repeated_state() is None


def test_exact_arithmetic_at_the_threshold() -> None:
    # 0.1 + 0.2 - 0.3 is 5.55e-17 in float64, which would fire the neuron; exactly it is 0.
    assert 0.1 + 0.2 - 0.3 > 0
    assert perceptron_output([Fraction(1, 10), Fraction(2, 10)], Fraction(-3, 10), [1, 1]) == 0
    run = train_perceptron([[0.1, 0.2]], [0], initial_weights=[1, 1], initial_bias="-0.3")
    assert run.converged and len(run.epochs) == 1
    assert step(Fraction(0)) == 0 and step(Fraction(1, 10**30)) == 1


def test_numpy_arrays_and_a_target_column_are_accepted() -> None:
    X, Y = truth_table("and")
    from_arrays = train_perceptron(X, Y)
    from_lists = train_perceptron(INPUTS, list(GATES["and"]))
    assert from_arrays == from_lists


def test_runs_are_deterministic() -> None:
    assert train_perceptron(INPUTS, GATES["nand"]) == train_perceptron(INPUTS, GATES["nand"])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"learning_rate": 0}, ValueError, "learning_rate must be a finite number > 0"),
        ({"learning_rate": "-0.1"}, ValueError, "learning_rate must be a finite number > 0"),
        ({"learning_rate": "exp(1)"}, ValueError, r"must be a finite number > 0; got 'exp\(1\)'"),
        ({"learning_rate": float("nan")}, ValueError, "learning_rate must be a finite number > 0; got nan"),
        ({"max_epochs": 0}, ValueError, "max_epochs must be an integer >= 1; got 0"),
        ({"max_epochs": True}, ValueError, "max_epochs must be an integer >= 1; got True"),
        ({"max_epochs": 2.5}, ValueError, "max_epochs must be an integer >= 1; got 2.5"),
        ({"initial_weights": [0]}, ValueError, r"initial_weights\[0\] must have 2 values"),
        ({"initial_bias": "b"}, ValueError, "initial_bias must be a decimal number"),
    ],
)
def test_bad_settings_name_the_argument(kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        train_perceptron(INPUTS, GATES["and"], **kwargs)


@pytest.mark.parametrize(
    ("X", "targets", "error", "message"),
    [
        ([], [], TypeError, "X must be a non-empty sequence of input rows"),
        ("0101", [0], TypeError, "X must be a non-empty sequence of input rows"),
        ([[0, 0], [1]], [0, 1], ValueError, r"X\[1\] must have 2 values like the other rows; got 1"),
        ([[0, "a"]], [0], ValueError, r"X\[0\]\[1\] must be a decimal number"),
        (INPUTS, [0, 1, 1], ValueError, r"targets must have one value per row of X \(4\); got 3"),
        (INPUTS, [0, 1, 1, 2], ValueError, r"targets\[3\] must be 0 or 1; got 2"),
        (INPUTS, "0110", TypeError, "targets must be a sequence of 0 and 1"),
    ],
)
def test_bad_data_names_the_argument(X: object, targets: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        train_perceptron(X, targets)


def test_predict_checks_the_width() -> None:
    run = train_perceptron(INPUTS, GATES["and"])
    with pytest.raises(ValueError, match=r"X\[0\] must have 2 values"):
        run.predict([[1, 1, 1]])
    with pytest.raises(ValueError, match="x must have 2 values"):
        perceptron_output(run.weights, run.bias, [1])


def test_the_page_snippet_computes_its_tables() -> None:
    page = run_snippets("words.py", "perceptron.py")
    for gate in ("and", "or", "nand"):
        run = page["train_gate"](gate)
        table = page["epochs_table"](gate, "en")
        assert len(table.splitlines()) == 2 + 1 + len(run.epochs)  # header, rule, start, epochs
        truth = page["learned_truth_table"](gate, "ko")
        outputs = [line.split(" | ")[3] for line in truth.splitlines()[2:]]
        assert outputs == [str(y) for y in GATES[gate]]
    assert page["decimal_text"](Fraction(-1, 5)) == "-0.2"
    assert page["decimal_text"](Fraction(1, 3)) == "1/3"
    assert page["cell_text"](Fraction(-1, 5)) == "\u22120.2"  # tables write a real minus sign
    assert "0.1" in page["settings_markdown"]("ko")
    columns = [line.split(" | ")[2:] for line in page["hand_set_truth_table"]().splitlines()[2:]]
    assert [[cell.strip(" |") for cell in row] for row in columns] == [  # AND, OR, NAND exactly
        ["0", "0", "1"], ["0", "1", "1"], ["0", "1", "1"], ["1", "1", "0"]]


def test_float64_training_data_is_not_needed_for_the_numeric_engine() -> None:
    # The rule lives in the numeric package but needs neither SymPy nor float rounding.
    X, Y = truth_table("or")
    run = train_perceptron(X.astype(np.float32), Y)
    assert run.predict(X) == GATES["or"]
