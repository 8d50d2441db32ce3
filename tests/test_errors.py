"""Input errors are worded in the catalog: English by str(), Korean with --lang ko, one line."""

from __future__ import annotations

import re
import string

import pytest

from nnref.cli import EXIT_BAD_INPUT, main
from nnref.errors import InputError, InputTypeError, localized
from nnref.network import Network
from nnref.numeric import MLP
from nnref.symbolic import derive
from nnref.values import parse_exact
from nnref.words.errors import ERRORS

HANGUL = re.compile("[가-힣]")


def _fields(text: str) -> set[str]:
    # Glossary terms ({t.key}) may differ between the languages; the values filled in may not.
    return {name for _, name, _, _ in string.Formatter().parse(text) if name and not name.startswith("t.")}


@pytest.mark.parametrize("key", sorted(ERRORS))
def test_every_error_has_both_languages_with_the_same_fields(key: str) -> None:
    entry = ERRORS[key]
    assert set(entry) == {"ko", "en"}
    assert _fields(entry["ko"]) == _fields(entry["en"]), key
    assert HANGUL.search(entry["ko"]) or entry["ko"] == entry["en"] or key == "option_item", key


def test_library_errors_stay_value_and_type_errors_with_english_text() -> None:
    with pytest.raises(ValueError) as bad_width:
        Network((2, 0, 1))
    assert isinstance(bad_width.value, InputError)
    assert str(bad_width.value) == "sizes[1] must be an integer >= 1; got 0"
    assert localized(bad_width.value, "ko") == "sizes[1]은 1 이상의 정수여야 합니다. 받은 값: 0"
    with pytest.raises(TypeError) as bad_type:
        parse_exact(True, "x")
    assert isinstance(bad_type.value, InputTypeError)
    assert localized(ValueError("plain"), "ko") == "plain"  # not from the catalog: as it is


def test_mini_batch_and_count_errors_are_worded_in_both_languages() -> None:
    net = Network((2, 2, 2), "sigmoid", "sse")
    weights = ["0.1"] * 8
    with pytest.raises(ValueError) as counts:
        derive(net, x=[[1, 0], [0, 1]], target=[[1, 0]], weights=weights)
    assert isinstance(counts.value, InputError)
    assert str(counts.value) == "x has 2 samples but target has 1: give one target per sample"
    assert localized(counts.value, "ko") == (
        "x에는 샘플이 2개, target에는 1개 있습니다. 샘플마다 target을 하나씩 주십시오.")
    with pytest.raises(ValueError) as mixed:
        derive(net, x=[[1, 0], [0, 1]], target=[1, 0], weights=weights)
    assert localized(mixed.value, "ko").startswith(
        "x에는 샘플의 배치를 주었는데 target에는 샘플 하나를 주었습니다.")
    with pytest.raises(ValueError) as empty:
        derive(net, x=[], target=[], weights=weights)
    assert str(empty.value).startswith("x must have at least one sample")
    tr = derive(net, x=[[1, 0], [0, 1]], target=[[1, 0], [0, 1]], weights=weights)
    with pytest.raises(ValueError) as member:
        tr.node("h1")
    assert localized(member.value, "ko") == (
        "node()는 샘플 2개로 이루어진 이 배치의 샘플 하나에 속합니다. "
        "tr.samples[i].node()를 쓰십시오(i는 0부터 1까지).")
    with pytest.raises(TypeError) as epochs:
        MLP(net).fit([[1, 0]], [[1, 0]], epochs=1.5, batch_size=1, learning_rate="0.1")  # type: ignore[arg-type]
    assert isinstance(epochs.value, InputTypeError)
    assert localized(epochs.value, "ko") == "epochs는 1 이상의 정수여야 합니다. 받은 값: float 1.5"


@pytest.mark.parametrize(
    ("argv", "korean", "english"),
    [
        (
            ["derive", "--sizes", "2,2", "--activation", "sigmoid", "--x", "1,2", "--target", "1,0",
             "--weights", "0.1,0.2,0.3"],
            "--weights에는 값이 4개(w1..w4) 있어야 합니다. 받은 개수: 3",
            "--weights must have 4 values (w1..w4); got 3",
        ),
        (
            ["derive", "--sizes", "2,2,2", "--activation", "sigmoid,sigmod", "--x", "1,2", "--target", "1,0",
             "--weights", "1,2,3,4,5,6,7,8"],
            "--activation의 2번째 값에는 identity, step, sigmoid, tanh, relu, softmax 가운데 하나를 주어야 "
            "합니다",
            "--activation item 2 must be one of identity, step, sigmoid, tanh, relu, softmax",
        ),
        (
            ["derive", "--example", "wikidocs-07-05", "--format", "json", "--digits", "51"],
            "--digits는 1부터 50까지의 정수여야 합니다. 받은 값: '51'",
            "--digits must be an integer from 1 to 50; got '51'",
        ),
        (
            ["derive", "--sizes", "2,2", "--x", "1,,2", "--target", "1,0", "--weights", "1,2,3,4"],
            "--x의 2번째 값이 비어 있습니다",
            "--x item 2 is empty",
        ),
        (
            ["derive", "--sizes", "2,2", "--x", "1,abc", "--target", "1,0", "--weights", "1,2,3,4"],
            "--x의 2번째 값은 '0.25', '1e-3', '1/3' 같은 소수나 분수여야 합니다. 받은 값: 'abc'",
            "--x item 2 must be a decimal number such as '0.25', '1e-3' or '1/3'; got 'abc'",
        ),
    ],
    ids=["weights count", "activation name", "digits", "empty item", "not a number"],
)
def test_the_command_prints_input_errors_in_its_language(argv, korean, english, capsys) -> None:
    for lang, expected, prefix in (("ko", korean, "nnref: 오류: "), ("en", english, "nnref: error: ")):
        assert main([*argv, "--lang", lang]) == EXIT_BAD_INPUT
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err.count("\n") == 1
        assert captured.err.startswith(prefix) and expected in captured.err, captured.err


def test_a_hint_is_worded_in_the_error_language(capsys) -> None:
    argv = ["derive", "--sizes", "2,2", "--activation", "sigmod", "--x", "1,2", "--target", "1,0",
            "--weights", "1,2,3,4", "--lang"]
    main([*argv, "ko"])
    assert "(혹시 'sigmoid'인가요?)" in capsys.readouterr().err
    main([*argv, "en"])
    assert "(did you mean 'sigmoid'?)" in capsys.readouterr().err
