"""Nothing a user passes to the symbolic engine is evaluated: strings are decimals or nothing."""

from __future__ import annotations

import pytest

from nnref.network import Network
from nnref.symbolic import derive, forward

ATTACK = "__import__('os').system('touch pwned')"
WIKIDOCS = {
    "x": ["0.1", "0.2"],
    "target": ["0.4", "0.6"],
    "weights": ["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"],
    "learning_rate": "0.5",
}


@pytest.mark.parametrize("argument", ["weights", "x", "target", "learning_rate"])
def test_code_in_a_number_is_refused_and_never_runs(tmp_path, monkeypatch, argument):
    monkeypatch.chdir(tmp_path)
    given = dict(WIKIDOCS)
    given[argument] = ATTACK if argument == "learning_rate" else [ATTACK, *given[argument][1:]]
    with pytest.raises(ValueError, match=r"must be a (decimal|finite) number") as error:
        derive(Network((2, 2, 2)), **given)
    assert "__import__" in str(error.value)  # the message shows what was given
    assert not (tmp_path / "pwned").exists()
    assert list(tmp_path.iterdir()) == []


def test_code_in_a_weight_mapping_and_in_forward(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    weights = dict(zip(Network((2, 2, 2)).parameters, WIKIDOCS["weights"], strict=True))
    weights["w5"] = ATTACK
    with pytest.raises(ValueError, match="weight w5 must be a decimal number"):
        derive(Network((2, 2, 2)), **{**WIKIDOCS, "weights": weights})
    with pytest.raises(ValueError, match="must be a decimal number"):
        forward(Network((2, 1), "step", bias=True), [0, 1], [1, ATTACK], [0])
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("bad", ["1/0", "exp(1)", "nan", "inf", "0x10", "1_000", "", "2**3", float("nan")])
def test_malformed_numbers_are_refused(bad):
    with pytest.raises(ValueError, match="weight w1"):
        derive(Network((2, 2, 2)), **{**WIKIDOCS, "weights": [bad, *WIKIDOCS["weights"][1:]]})
