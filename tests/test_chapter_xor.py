"""Chapter 2: Fourier–Motzkin separability (nnref.symbolic.separability), the XOR page's snippet,
the trained 2-2-1 network it shows, and the XOR notebooks."""

from __future__ import annotations

import ast
import itertools
import json
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy
from site_tools import run_snippets

from nnref.examples import truth_table as exact_truth_table
from nnref.numeric.data import XOR_RECIPE
from nnref.numeric.data import truth_table as gate_data
from nnref.symbolic.separability import _simplest_between, row_inequalities, separate

REPO = Path(__file__).resolve().parent.parent
INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))


def _rows(outputs: tuple[int, ...], inputs=INPUTS) -> list:
    return [(x, y) for x, y in zip(inputs, outputs, strict=True)]


def _latex(q, symbols) -> str:
    return sympy.latex(q.relation(symbols), order="none")


def _fires(solution: dict, x: tuple) -> int:
    *weights, bias = solution.values()
    return int(sum((w * xi for w, xi in zip(weights, x, strict=True)), bias) > 0)


def test_xor_derivation_step_by_step() -> None:
    proof = separate(exact_truth_table("xor"))
    assert not proof.separable and proof.solution is None
    assert [_latex(q, proof.symbols) for q in proof.system] == [
        r"- b \geq 0", "w_{2} + b > 0", "w_{1} + b > 0", r"- w_{1} - w_{2} - b \geq 0"]
    # By hand: (3) + (4) gives -w2 > 0; (2) + (5) gives b > 0; (6) + (1) gives 0 > 0.
    steps = [(c.lower.label, c.upper.label, _latex(c.result, proof.symbols), c.result.label)
             for e in proof.eliminations for c in e.combinations]
    assert steps == [(3, 4, "- w_{2} > 0", 5), (2, 5, "b > 0", 6), (6, 1, "0 > 0", 7)]
    assert proof.contradiction.label == 7
    assert sympy.latex(proof.contradiction.relation(proof.symbols)) == "0 > 0"


@pytest.mark.parametrize("gate", ["and", "or", "nand"])
def test_separable_gates_get_a_checked_solution(gate: str) -> None:
    rows = exact_truth_table(gate)
    proof = separate(rows)
    assert proof.separable and proof.contradiction is None
    assert list(proof.solution) == ["w1", "w2", "b"]
    assert [_fires(dict(proof.solution), x) for x, _ in rows] == [y for _, y in rows]


def test_exactly_fourteen_of_the_sixteen_two_input_functions_are_separable() -> None:
    not_separable = []
    for outputs in itertools.product((0, 1), repeat=4):
        proof = separate(_rows(outputs))
        if proof.separable:
            assert [_fires(dict(proof.solution), x) for x in INPUTS] == list(outputs)
        else:
            not_separable.append(outputs)
    assert not_separable == [(0, 1, 1, 0), (1, 0, 0, 1)]  # XOR and XNOR


def test_agrees_with_a_brute_force_search_on_three_inputs() -> None:
    # A small grid of integer parameters separates many 3-input functions; whenever it finds
    # parameters, elimination must call the table separable (and the parity tables never).
    inputs = list(itertools.product((0, 1), repeat=3))
    grid = range(-2, 3)
    reachable = set()
    for w1, w2, w3, b in itertools.product(grid, repeat=4):
        reachable.add(tuple(int(w1 * x + w2 * y + w3 * z + b > 0) for x, y, z in inputs))
    for outputs in sorted(reachable)[::7]:  # a sample keeps the test fast
        proof = separate(_rows(outputs, inputs))
        assert proof.separable, outputs
        assert [_fires(dict(proof.solution), x) for x in inputs] == list(outputs)
    parity = tuple(sum(x) % 2 for x in inputs)
    assert parity not in reachable
    assert not separate(_rows(parity, inputs)).separable
    majority = tuple(int(sum(x) >= 2) for x in inputs)
    assert separate(_rows(majority, inputs)).separable


def test_strict_and_non_strict_edges() -> None:
    # Output 0 at the origin allows b = 0 exactly (step(0) = 0); output 1 needs b > 0.
    assert separate([((0,), 0)]).solution == {"w1": 0, "b": 0}
    assert separate([((0,), 1)]).solution["b"] > 0
    # The same input with both outputs: w + b > 0 and -w - b >= 0 add up to 0 > 0.
    proof = separate([((1,), 1), ((1,), 0)])
    assert not proof.separable
    assert str(proof.contradiction.relation(proof.symbols)) == "0 > 0"


def test_duplicates_and_one_sided_bounds_are_reported() -> None:
    nand = separate(exact_truth_table("nand"))
    second = nand.eliminations[1]
    assert [(dup.label, same.label) for dup, same in second.duplicates] == [(6, 1)]
    assert [q.label for q in nand.eliminations[2].dropped] == [1]


def test_simplest_value_in_an_interval() -> None:
    half = Fraction(1, 2)
    assert _simplest_between(Fraction(-1), True, Fraction(0), True) == -half
    assert _simplest_between(Fraction(-1), True, -half, False) == -half
    assert _simplest_between(None, False, Fraction(0), True) == -1
    assert _simplest_between(Fraction(0), False, None, False) == 0
    assert _simplest_between(Fraction(1, 3), False, Fraction(1, 3), False) == Fraction(1, 3)
    assert _simplest_between(Fraction(2, 5), True, Fraction(3, 7), True) == Fraction(5, 12)


def test_row_inequalities_take_exact_inputs() -> None:
    (q,) = row_inequalities([(("0.1", "1/3"), 1)])
    assert q.coefficients == (Fraction(1, 10), Fraction(1, 3), Fraction(1)) and q.strict


@pytest.mark.parametrize(
    ("rows", "error", "message"),
    [
        ([], TypeError, "rows must be a non-empty sequence of"),
        ("0110", TypeError, "rows must be a non-empty sequence of"),
        ([((0, 0), 1, 2)], TypeError, r"rows\[0\] must be an \(inputs, output\) pair"),
        ([("00", 1)], TypeError, r"rows\[0\]\[0\] must be a non-empty sequence of inputs"),
        ([((0, 0), 1), ((1,), 0)], ValueError, r"rows\[1\]\[0\] must have 2 inputs like rows\[0\]; got 1"),
        ([((0, 0), 2)], ValueError, r"rows\[0\]\[1\] must be 0 or 1"),
        ([((0, "x"), 1)], ValueError, r"rows\[0\]\[0\]\[1\] must be a decimal number"),
    ],
)
def test_bad_rows_name_the_argument(rows: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        separate(rows)


# -- the trained network the page shows ------------------------------------------------------


def test_the_page_network_is_the_recipe_with_two_hidden_neurons_and_learns_xor() -> None:
    recipe = replace(XOR_RECIPE, network=replace(XOR_RECIPE.network, sizes=(2, 2, 1)))
    X, Y = gate_data("xor")
    mlp, history = recipe.train(X, Y)
    assert np.array_equal(mlp.predict(X)[:, 0] > 0.5, Y[:, 0] == 1)
    assert history.loss[-1] < history.loss[0] / 10
    assert history.accuracy[-1] == 1.0


def test_two_hidden_neurons_can_get_stuck() -> None:
    # The page says some initial weights leave a 2-2-1 network stuck; find one such seed.
    X, Y = gate_data("xor")
    stuck = []
    for seed in range(10):
        small = replace(XOR_RECIPE.network, sizes=(2, 2, 1))
        mlp, _ = replace(XOR_RECIPE, network=small, init_seed=seed).train(X, Y)
        if not np.array_equal(mlp.predict(X)[:, 0] > 0.5, Y[:, 0] == 1):
            stuck.append(seed)
            break
    assert stuck


def test_the_page_snippet_computes_its_tables() -> None:
    page = run_snippets("words.py", "xor.py")
    assert page["XOR_2_2_1"].sizes == (2, 2, 1)
    table = page["two_layer_table"]("en").splitlines()[2:]
    assert [row.split(" | ")[-1].rstrip(" |") for row in table] == ["0", "1", "1", "0"]
    proof = page["elimination_markdown"]("xor", "ko")
    assert "0 > 0" in proof and "(7)" in proof
    solutions = page["solutions_table"]("en")
    assert solutions.count("| yes |") == 3 and solutions.count("| no |") == 1
    corners = page["_half_plane"](1.0, 1.0, -1.5, (0.0, 2.0))  # the box above x1 + x2 = 1.5
    assert all(x + y >= 1.5 - 1e-12 for x, y in corners) and len(corners) == 5


# -- the notebooks -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_notebooks_are_clean_and_their_code_parses(lang: str) -> None:
    notebook = json.loads((REPO / "docs" / "notebooks" / f"xor-from-scratch.{lang}.ipynb").read_text("utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    cells = notebook["cells"]
    ids = [cell["id"] for cell in cells]
    assert len(ids) == len(set(ids))
    assert "".join(cells[0]["source"]).startswith("# ")  # the page title comes from it
    for cell in cells:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None  # outputs come from the build
            source = "".join(line for line in cell["source"] if not line.startswith("%"))
            ast.parse(source)
