"""Issue 16, items 2, 4, 10 and 11: what the exact parser and the parameter resolver accept.

Each case is the issue's own input. A hang is bounded by a subprocess timeout (a fresh
interpreter answering within it), never by a timed assertion.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from nnref import MLP, Network, derive
from nnref.numeric.data import truth_table
from nnref.values import EXACT_MAX_DIGITS, EXACT_MAX_EXPONENT, ExactLimitError, parse_exact, parse_vector

WIKIDOCS = {
    "x": ["0.1", "0.2"],
    "target": ["0.4", "0.6"],
    "weights": ["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"],
    "learning_rate": "0.5",
}
NET = Network((2, 2, 2))
BOUND = 60  # seconds for a fresh interpreter to import nnref and answer; the bug took forever


def python(code: str, *, hash_seed: str | None = None) -> subprocess.CompletedProcess[str]:
    env = None if hash_seed is None else {**os.environ, "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-c", code]
    return subprocess.run(command, capture_output=True, text=True, timeout=BOUND, env=env)


def nnref(*argv: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "nnref", *argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=BOUND)


# -- item 2: an unordered collection is not a list of weights ------------------------------------------


UNORDERED = [
    set(WIKIDOCS["weights"]),
    frozenset(WIKIDOCS["weights"]),
    dict.fromkeys(["0.3", "0.25", "0.4", "0.35", "0.45", "0.5", "0.7", "0.6"]).keys(),
]


@pytest.mark.parametrize("weights", UNORDERED, ids=lambda w: type(w).__name__)
def test_unordered_weights_are_a_type_error_in_both_engines(weights) -> None:
    expected = r"weights must be an ordered sequence .* not an unordered (set|frozenset|dict_keys)"
    with pytest.raises(TypeError, match=expected):
        derive(NET, **{**WIKIDOCS, "weights": weights})
    with pytest.raises(TypeError, match=expected):
        MLP.from_network(NET, weights=weights)


def test_unordered_biases_inputs_targets_and_sizes_are_type_errors() -> None:
    net = Network((1, 2), "sigmoid", bias=True)
    with pytest.raises(TypeError, match="biases must be an ordered sequence"):
        MLP.from_network(net, weights=[1, 2], biases={"0.1", "0.2"})
    with pytest.raises(TypeError, match="x must be"):
        derive(NET, **{**WIKIDOCS, "x": {"0.1", "0.2"}})
    with pytest.raises(TypeError, match="target must be an ordered sequence"):
        parse_vector({"0.4", "0.6"}, 2, "target")
    with pytest.raises(TypeError, match="sizes must be an ordered sequence"):
        Network({2, 3})
    Y = truth_table("and")[1]
    with pytest.raises(TypeError, match="X must be an ordered sequence"):
        MLP(Network((2, 1), "sigmoid", "bce")).fit({(0, 0), (1, 1)}, Y[:2], 1, 1, 0.1)


def test_the_hash_order_of_a_set_no_longer_picks_the_weights() -> None:
    # The issue: PYTHONHASHSEED 0 gave w1 = 3/10 and 1 gave 7/20. Now both refuse the set.
    code = (
        "from nnref import Network, derive\n"
        "w = {'0.3', '0.25', '0.4', '0.35', '0.45', '0.5', '0.7', '0.6'}\n"
        "try:\n"
        "    derive(Network((2, 2, 2)), x=['0.1', '0.2'], target=['0.4', '0.6'], weights=w)\n"
        "except TypeError as error:\n"
        "    print(type(error).__name__, str(error).split(';')[0])\n"
    )
    outputs = {python(code, hash_seed=seed).stdout for seed in ("0", "1")}
    assert outputs == {
        "TypeError weights must be an ordered sequence (a list or tuple, in naming order) or a mapping "
        "name -> value, not an unordered set\n"
    }


def test_ordered_inputs_still_work_a_list_a_tuple_a_mapping_and_dict_values() -> None:
    by_name = dict(zip(NET.parameters, WIKIDOCS["weights"], strict=True))
    def digits(tr):  # node values are compared by their digits (atoms are equal only to themselves)
        return {name: tr.decimal(f"dE/d{name}", 30) for name in NET.parameters}

    expected = digits(derive(NET, **WIKIDOCS))
    for weights in (tuple(WIKIDOCS["weights"]), by_name, by_name.values()):
        assert digits(derive(NET, **{**WIKIDOCS, "weights": weights})) == expected


# -- item 4: the size of an exact number is bounded before it is built -------------------------------


@pytest.mark.parametrize(
    "text", ["1e-999999999", "1e999999999", Decimal("1e-999999999"), Decimal("1E+999999999"), "-5e1001"]
)
def test_a_huge_exponent_is_refused_with_the_argument_named(text) -> None:
    expected = r"^w1 must be 0 or have a magnitude from 1e-1000 to 1e1000; got"
    with pytest.raises(ExactLimitError, match=expected):
        parse_exact(text, "w1")


@pytest.mark.parametrize(
    "value",
    ["1" * 4001, "1/" + "3" * 4000, Fraction(10**5000 + 1, 10**5000), Fraction(1, 3 * 10**4000), 10**5000],
    ids=[
        "4001-digit decimal",
        "4001-digit fraction string",
        "Fraction of 10001 digits",
        "huge denominator",
        "5001-digit int",
    ],
)
def test_too_many_digits_are_refused_with_the_argument_named(value) -> None:
    with pytest.raises(ExactLimitError, match=r"^w1 must have at most 4,000 digits .*got .* digits$"):
        parse_exact(value, "w1")


def test_the_limits_are_inclusive_and_zero_is_always_allowed() -> None:
    assert EXACT_MAX_DIGITS == 4000 and EXACT_MAX_EXPONENT == 1000
    assert parse_exact("1e1000") == 10**1000 and parse_exact("-1e-1000") == Fraction(-1, 10**1000)
    assert parse_exact("0e999999999") == 0 == parse_exact("0.000")
    assert parse_exact("1" * 1000) == int("1" * 1000)
    third = "0." + "3" * 3999  # 4,000 digits
    assert parse_exact(third) == Fraction(int("3" * 3999), 10**3999)
    assert parse_exact(Fraction(1, 3)) == Fraction(1, 3)
    with pytest.raises(ExactLimitError):
        parse_exact("1.0000000001e1000")
    with pytest.raises(ExactLimitError):
        parse_exact("9.99e-1001")


def test_a_huge_exponent_answers_at_once_in_every_entry_point() -> None:
    done = python("from nnref.values import parse_exact\nparse_exact('1e-999999999')")
    assert done.returncode == 1 and "ExactLimitError: value must be 0 or have a magnitude" in done.stderr
    weights = ",".join(["1e999999999"] + ["0.5"] * 7)
    done = nnref(
        "derive",
        "--sizes",
        "2,2,2",
        "--x",
        "0.1,0.2",
        "--target",
        "0.4,0.6",
        "--weights",
        weights,
        "--lr",
        "0.5",
    )
    assert done.returncode == 2 and done.stderr == (
        "nnref: error: --weights item 1 must be 0 or have a magnitude from 1e-1000 to 1e1000; "
        "got '1e999999999'\n"
    )
    done = nnref("derive", "--example", "wikidocs-07-05", "--lr", "1e999999999")
    assert done.returncode == 2 and done.stderr == (
        "nnref: error: --lr must be 0 or have a magnitude from 1e-1000 to 1e1000; got '1e999999999'\n"
    )
    done = nnref("train", "--data", "xor", "--lr", "1e999999999")
    assert done.returncode == 2 and "--lr must be 0 or have a magnitude" in done.stderr


def test_the_learning_rate_limit_keeps_its_message_in_both_engines() -> None:
    with pytest.raises(ExactLimitError, match="learning_rate must be 0 or have a magnitude"):
        derive(NET, **{**WIKIDOCS, "learning_rate": "1e-999999999"})
    X, Y = truth_table("and")
    with pytest.raises(ExactLimitError, match="learning_rate must be 0 or have a magnitude"):
        MLP(Network((2, 1), "sigmoid", "bce")).fit(X, Y, 1, 4, Decimal("1e999999999"))


# -- item 10: NumPy numbers are numbers ------------------------------------------------------------------


def test_numpy_scalars_parse_as_the_python_numbers_they_stand_for() -> None:
    assert parse_exact(np.float64(0.1)) == Fraction(1, 10) == parse_exact(0.1)
    assert parse_exact(np.float32(0.1)) == Fraction(1, 10)  # its own shortest repr, as a float's
    assert parse_exact(np.int64(-3)) == -3 and parse_exact(np.uint8(7)) == 7
    assert parse_exact(np.array(0.25)) == Fraction(1, 4)  # a 0-d array
    with pytest.raises(TypeError, match="w1 must be a number, not a bool"):
        parse_exact(np.bool_(True), "w1")
    with pytest.raises(ValueError, match="w1 must be finite; got nan"):
        parse_exact(np.float64("nan"), "w1")


def test_numpy_learning_rates_and_arrays_work_in_the_issue_calls() -> None:
    X, Y = truth_table("and")
    net = Network((2, 1), "sigmoid", "bce")
    numpy_rate = np.float64(0.1)
    with_numpy = MLP(net, seed=np.int64(3)).fit(X, Y, epochs=3, batch_size=2, learning_rate=numpy_rate)
    with_float = MLP(net, seed=3).fit(X, Y, epochs=3, batch_size=2, learning_rate=0.1)
    assert with_numpy == with_float
    mlp = MLP.from_network(Network((1, 1), "identity"), weights=np.array([0.5]))
    assert mlp.parameters() == {"w1": 0.5}
    weights = np.array(WIKIDOCS["weights"], dtype=float)
    tr = derive(NET, **{**WIKIDOCS, "weights": weights, "learning_rate": np.float64(0.5)})
    other = derive(NET, **WIKIDOCS)
    assert all(tr.decimal(f"{n}+", 30) == other.decimal(f"{n}+", 30) for n in NET.parameters)
    assert parse_vector(np.array([0.1, 0.2]), 2, "x") == [Fraction(1, 10), Fraction(1, 5)]
    assert Network(np.array([2, 3, 1])).sizes == (2, 3, 1)


# -- item 11: one parser and one message style in the numeric engine --------------------------------------


def test_a_negative_seed_names_the_argument() -> None:
    with pytest.raises(ValueError, match=r"^seed must be an integer >= 0; got -1$"):
        MLP(NET, seed=-1)
    X, Y = truth_table("and")
    with pytest.raises(ValueError, match=r"^seed must be an integer >= 0; got -2$"):
        MLP(Network((2, 1), "sigmoid", "bce")).fit(X, Y, 1, 4, 0.1, seed=-2)


def test_biases_for_a_network_without_bias_are_refused_clearly() -> None:
    message = r"^biases must be None or empty when bias=False \(the network has no bias parameters\); got "
    with pytest.raises(ValueError, match=message + "0$"):
        MLP.from_network(Network((1, 1), "identity"), weights=[1], biases=0)
    with pytest.raises(ValueError, match=message + "2 values$"):
        MLP.from_network(Network((1, 1), "identity"), weights=[1], biases=[1, 2])
    assert MLP.from_network(Network((1, 1), "identity"), weights=[1], biases=[]).parameters() == {"w1": 1.0}


@pytest.mark.parametrize(
    ("value", "stored"),
    [("0.1", 0.1), ("1/3", 1 / 3), (Fraction(1, 4), 0.25), (np.float32(0.1), 0.1), (Decimal("-2e-3"), -2e-3)],
)
def test_set_parameter_parses_exactly(value, stored) -> None:
    mlp = MLP(NET)
    mlp.set_parameter("w5", value)
    assert mlp.get_parameter("w5") == stored


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ("1_000", ValueError, re.escape("w5 must be a decimal number such as '0.25'") + ".*got '1_000'"),
        ("exp(1)", ValueError, "w5 must be a decimal number"),
        (float("inf"), ValueError, "w5 must be finite; got inf"),
        ("1e400", ValueError, r"w5 must be representable in float64 .* got '1e400', which rounds to inf"),
        (True, TypeError, "w5 must be a number, not a bool"),
    ],
)
def test_set_parameter_refuses_what_the_exact_parser_refuses(value, error, message) -> None:
    mlp = MLP(NET)
    with pytest.raises(error, match=message):
        mlp.set_parameter("w5", value)
    with pytest.raises(error, match=message):
        MLP.from_network(NET, weights={**dict.fromkeys(NET.parameters, 0), "w5": value})


# -- the render functions' counts and names (found while documenting their Args) -----------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r, tr: r.derivation_plan(tr, "en", steps=-1), "steps must be an integer >= 0; got -1"),
        (lambda r, tr: r.derivation_plan(tr, "en", steps=1.5), "steps must be an integer >= 0; got 1.5"),
        (lambda r, tr: r.derivation_plan(tr, "en", steps=True), "steps must be an integer >= 0; got True"),
        (lambda r, tr: r.steps_table(tr, "en", []), "steps must list one or more numbers of updates"),
        (lambda r, tr: r.steps_table(tr, "en", 3), "steps must list one or more numbers of updates"),
        (lambda r, tr: r.steps_table(tr, "en", [2, -1]), "steps[1] must be an integer >= 0; got -1"),
        (lambda r, tr: r.derivation_plan(tr, "en", only=["w9"]),
         "only must be a parameter of this network (w1..w8); got 'w9' (did you mean 'w8'?)"),
    ],
)
def test_render_counts_and_names_are_checked(call, message):
    from nnref import render

    tr = derive(NET, **WIKIDOCS)
    with pytest.raises((ValueError, TypeError)) as raised:  # InputError / InputTypeError
        call(render, tr)
    assert message in str(raised.value)


def test_only_may_be_one_name():
    from nnref.render import derivation_plan

    tr = derive(NET, **WIKIDOCS)
    one = derivation_plan(tr, "en", steps=1, only="w5")
    listed = derivation_plan(tr, "en", steps=1, only=["w5"])
    assert list(one.facts["only"]) == list(listed.facts["only"]) == ["w5"]
    assert [s.key for s in one.sections] == [s.key for s in listed.sections]
    assert "iteration-1/chain/w5" in [s.key for s in one.sections]
