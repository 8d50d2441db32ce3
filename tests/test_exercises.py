"""The exercise generator and ``nnref exercises``: answers against an independent computation,
seeds, the sheet and its key, bad input, and the words of the glossary."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from exercise_reference import answer, network_quantities, rounded

from nnref.cli import main
from nnref.exercises import CHAPTERS, generate
from nnref.exercises.sheet import key_path
from nnref.glossary import find_banned

SEEDS = range(3)


@pytest.fixture(scope="module")
def generated() -> dict[tuple[str, int, str], list]:
    return {
        (chapter, seed, lang): generate(chapter, 3, seed, lang)
        for chapter in CHAPTERS
        for seed in SEEDS
        for lang in ("ko", "en")
    }


@pytest.mark.parametrize("chapter", list(CHAPTERS))
def test_every_answer_equals_an_independent_computation(generated, chapter: str) -> None:
    for seed in SEEDS:
        for exercise in generated[(chapter, seed, "en")]:
            assert answer(exercise.data) == exercise.answer, exercise.data


def test_the_values_a_wrong_answer_is_named_by_are_right(generated) -> None:
    # "this is dE/dw1": every other quantity of a network problem at the question's decimals.
    checked = 0
    for chapter in ("backprop", "gradient-descent", "networks"):
        for seed in SEEDS:
            for exercise in generated[(chapter, seed, "en")]:
                if "sizes" not in exercise.data:
                    continue
                reference = network_quantities(exercise.data)
                for other in exercise.others:
                    if other.name in reference:
                        assert rounded(reference[other.name], exercise.places) == other.value, other
                        checked += 1
    assert checked > 200


def test_no_other_value_equals_the_answer(generated) -> None:
    for exercises in generated.values():
        for exercise in exercises:
            if not exercise.is_choice:
                assert all(Decimal(o.value) != Decimal(exercise.answer) for o in exercise.others)


def test_both_languages_are_the_same_problems(generated) -> None:
    for chapter in CHAPTERS:
        for seed in SEEDS:
            ko, en = generated[(chapter, seed, "ko")], generated[(chapter, seed, "en")]
            assert [e.data for e in ko] == [e.data for e in en]
            assert [e.answer for e in ko] == [e.answer for e in en]


def test_another_seed_gives_other_problems(generated) -> None:
    for chapter in CHAPTERS:
        problems = [[e.data for e in generated[(chapter, seed, "en")]] for seed in SEEDS]
        assert len({repr(p) for p in problems}) == len(SEEDS), chapter


def test_chapters_cycle_through_their_skills() -> None:
    skills = [e.skill for e in generate("backprop", 6, 1, "en")]
    assert skills == ["forward_value", "output_gradient", "hidden_gradient"] * 2


def test_generated_text_uses_the_glossary_terms(generated) -> None:
    problems = []
    for (chapter, seed, lang), exercises in generated.items():
        for exercise in exercises:
            for use in find_banned(exercise.question + exercise.solution, lang):
                problems.append(f"{chapter} seed {seed} {lang}: {use.variant!r} -> {use.preferred!r}")
    assert problems == []


# -- nnref exercises -------------------------------------------------------------------------------


def _run(*argv: str) -> int:
    return main(["exercises", *argv])


@pytest.mark.parametrize("form", ["md", "latex"])
def test_same_seed_writes_the_same_bytes_and_another_seed_other_ones(tmp_path: Path, form: str) -> None:
    suffix = ".md" if form == "md" else ".tex"
    runs = {}
    for name, seed in (("a", "5"), ("b", "5"), ("c", "6")):
        sheet = tmp_path / f"{name}{suffix}"
        assert (
            _run(
                "--chapter",
                "all",
                "--count",
                "2",
                "--seed",
                seed,
                "--lang",
                "en",
                "--format",
                form,
                "--output",
                str(sheet),
            )
            == 0
        )
        key = tmp_path / f"{name}-key{suffix}"
        runs[name] = (sheet.read_bytes(), key.read_bytes().replace(f"{name}-key".encode(), b"KEY"))
    a, b, c = runs["a"], runs["b"], runs["c"]
    assert a[0].replace(b"a-key", b"KEY") == b[0].replace(b"b-key", b"KEY") and a[1] == b[1]
    assert a[1] != c[1] and a[0].replace(b"a-key", b"KEY") != c[0].replace(b"c-key", b"KEY")


def test_sheet_and_key_contents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "backprop.md"
    assert (
        _run("--chapter", "backprop", "--count", "3", "--seed", "2", "--lang", "ko", "--output", str(sheet))
        == 0
    )
    key = tmp_path / "backprop-key.md"
    err = capsys.readouterr().err
    assert str(sheet) in err and str(key) in err
    exercises = generate("backprop", 3, 2, "ko")
    text, answers = sheet.read_text(encoding="utf-8"), key.read_text(encoding="utf-8")
    for exercise in exercises:
        assert exercise.question in text and exercise.question in answers
        assert f"답: \\({exercise.answer}\\)" in answers and exercise.solution in answers
        assert f"\\({exercise.answer}\\)" not in text
    assert "backprop-key.md" in text


def test_key_naming() -> None:
    assert key_path("sheet.tex") == "sheet-key.tex"
    assert key_path("dir/sheet.md") == "dir/sheet-key.md"
    assert key_path("sheet") == "sheet-key"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["--chapter", "backprob"],
            "--chapter must be one of perceptron, xor, networks, activations, losses, "
            "epochs-batches, backprop, gradient-descent, all; got 'backprob' (did you mean 'backprop'?)",
        ),
        (["--chapter", "all", "--count", "0"], "--count must be an integer from 1 to 20; got '0'"),
        (["--chapter", "all", "--count", "21"], "--count must be an integer from 1 to 20; got '21'"),
        (
            ["--chapter", "all", "--count", "99999999999999999999999"],
            "--count must be an integer from 1 to 20",
        ),
        (
            ["--chapter", "all", "--seed", "1.5"],
            "--seed must be an integer from 0 to 4,294,967,295; got '1.5'",
        ),
        (
            ["--chapter", "all", "--seed", "abc"],
            "--seed must be an integer from 0 to 4,294,967,295; got 'abc'",
        ),
        (["--chapter", "all", "--seed", "-1"], "--seed must be an integer from 0 to 4,294,967,295; got '-1'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    assert _run(*argv, "--output", str(tmp_path / "s.md")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nnref: error: ") and expected in err
    assert not list(tmp_path.iterdir())


def test_output_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("--chapter", "xor") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--output FILE is required" in err


def test_help_shows_the_limits_and_the_key_naming(capsys: pytest.CaptureFixture[str]) -> None:
    from nnref.cli import limits

    assert main(["exercises", "--help"]) == 0
    flat = " ".join(capsys.readouterr().out.split())
    for _, option, text in limits.limit_rows("en", "exercises"):
        assert f"{option}: {text}" in flat
    assert "sheet.tex -> sheet-key.tex" in flat
    assert main(["--help"]) == 0
    assert "exercises" in capsys.readouterr().out
