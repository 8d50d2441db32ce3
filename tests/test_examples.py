"""The canonical examples: data read from the reference file, truth tables computed two ways."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from nnref.data import load_reference
from nnref.examples import (
    EXAMPLES,
    GATE_NAMES,
    WIKIDOCS_07_05,
    derive_example,
    example,
    published_values,
    truth_table,
)
from nnref.numeric import data as numeric_data
from nnref.numeric.mlp import MLP
from nnref.render.document import title_text


def test_registry_names_are_the_cli_names() -> None:
    assert tuple(EXAMPLES) == ("wikidocs-07-05", "and", "or", "nand", "xor")
    assert GATE_NAMES == ("and", "or", "nand", "xor")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_has_a_title_in_both_languages(name: str) -> None:
    titles = {lang: title_text(EXAMPLES[name].network, lang, name) for lang in ("ko", "en")}
    assert titles["ko"] != titles["en"] and all(titles.values())
    assert (name.upper() in titles["en"]) == (name in GATE_NAMES), titles


@pytest.mark.parametrize("gate", ["and", "or", "nand", "xor"])
def test_exact_truth_table_matches_the_numeric_data_module(gate: str) -> None:
    X, Y = numeric_data.truth_table(gate)
    exact = truth_table(gate)
    assert [list(x) for x, _ in exact] == X.astype(int).tolist()
    assert [y for _, y in exact] == Y[:, 0].astype(int).tolist()


@pytest.mark.parametrize("gate", ["and", "or", "nand", "xor"])
def test_numeric_engine_evaluates_the_gates_alike(gate: str) -> None:
    chosen = example(gate)
    mlp = MLP.from_network(chosen.network, weights=chosen.weights, biases=chosen.biases)
    X, _ = numeric_data.truth_table(gate)
    assert mlp.predict(X)[:, 0].tolist() == [float(y) for _, y in truth_table(gate)]


def test_xor_is_and_of_or_and_nand() -> None:
    gates = {name: dict(truth_table(name)) for name in ("and", "or", "nand")}
    for x, y in truth_table("xor"):
        hidden = (gates["or"][x], gates["nand"][x])
        assert y == gates["and"][hidden]
    xor = example("xor")
    assert xor.network.sizes == (2, 2, 1)
    assert xor.weights == example("or").weights + example("nand").weights + example("and").weights


def test_every_gate_bias_is_strictly_inside_the_step() -> None:
    # No weighted sum of a gate lands exactly on z = 0, where the step's convention would decide.
    for name in ("and", "or", "nand"):
        gate = example(name)
        w = [Decimal(v) for v in gate.weights]
        for x, _ in truth_table(name):
            z = sum(wi * xi for wi, xi in zip(w, x, strict=True)) + Decimal(gate.biases[0])
            assert z != 0


def test_wikidocs_example_is_read_from_the_reference_file() -> None:
    network = load_reference()["network"]
    assert WIKIDOCS_07_05.x == tuple(network["inputs"].values())
    assert WIKIDOCS_07_05.target == tuple(network["targets"].values())
    assert WIKIDOCS_07_05.weights == tuple(network["weights"][f"W{i}"] for i in range(1, 9))
    assert WIKIDOCS_07_05.learning_rate == network["learning_rate"]
    assert WIKIDOCS_07_05.network.parameters == tuple(f"w{i}" for i in range(1, 9))


def test_derive_example_reproduces_published_forward_values() -> None:
    tr = derive_example("wikidocs-07-05")
    published = published_values()
    for name in ("z1", "z2", "h1", "h2", "z3", "z4", "o1", "o2"):
        assert tr.decimal(name) == published[name], name
    assert tr.decimal("E") == published["E_total"]


def test_published_values_are_a_fresh_copy() -> None:
    values = published_values()
    values["h1"] = Decimal(0)
    assert published_values()["h1"] == Decimal("0.51998934")


def test_errors_name_the_argument() -> None:
    with pytest.raises(ValueError, match=r"name must be one of wikidocs-07-05, and, or, nand, xor; got 'xr'"):
        example("xr")
    with pytest.raises(ValueError, match="logic gate with a step activation"):
        derive_example("and")
    with pytest.raises(ValueError, match=r"gate must be one of and, or, nand, xor; got 'wikidocs-07-05'"):
        truth_table("wikidocs-07-05")


def test_gate_rows_cover_every_input_once() -> None:
    rows = truth_table("and")
    assert np.array([x for x, _ in rows]).tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
