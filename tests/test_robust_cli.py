"""Issue 16, items 3, 6, 7, 12, 13 and 14: the ``nnref`` command's limits, streams, files and messages.

Each case is the issue's own input. A former hang is run in a subprocess with a timeout (the
refusal must come long before it), never timed with an assertion.
"""

from __future__ import annotations

import html
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from nnref.cli import limits, main
from nnref.cli.output import _json_escaped
from nnref.network import Network
from nnref.numeric.data import DIGITS_RECIPE, XOR_RECIPE, load_digits

REPO = Path(__file__).resolve().parent.parent
BOUND = 60  # seconds: importing nnref and refusing; the inputs ran for minutes or forever


def nnref(
    *argv: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nnref", *argv],
        capture_output=True,
        text=True,
        timeout=BOUND,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        cwd=cwd,
    )


def shell(script: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PY": sys.executable}
    return subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, timeout=BOUND, env=env, cwd=cwd
    )


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def custom(sizes: tuple[int, ...], *extra: str) -> list[str]:
    """A derive command line for ``sizes`` with every value given (all 0.1)."""
    net = Network(sizes)
    return [
        "derive",
        "--sizes",
        ",".join(map(str, sizes)),
        "--x",
        ",".join(["0.1"] * sizes[0]),
        "--target",
        ",".join(["0.5"] * sizes[-1]),
        "--weights",
        ",".join(["0.1"] * net.n_weights),
        "--lr",
        "0.5",
        *extra,
    ]


def one_error_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nnref: error: "), done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


# -- item 3: training that diverges is an error ----------------------------------------------------


def test_train_with_a_huge_learning_rate_exits_1_with_one_line() -> None:
    done = nnref("train", "--data", "xor", "--lr", "1e308", "--lang", "en")
    assert done.returncode == 1
    line = one_error_line(done)
    assert re.fullmatch(
        r"nnref: error: training diverged in epoch \d+ \(iteration \d+\): .*; "
        r"try a --lr smaller than 1e\+308",
        line,
    ), line
    assert "nan" not in done.stdout.lower()  # no epoch line shows a NaN loss


def test_train_refuses_a_rate_that_float64_rounds_away(capsys) -> None:
    for rate, rounded in (("1e-400", "0.0"), ("1e400", "inf")):
        status, out, err = run(["train", "--data", "xor", "--lr", rate], capsys)
        assert status == 2 and out == ""
        assert err == (
            f"nnref: error: --lr must be representable in float64 (a magnitude from about 5e-324 to "
            f"1.8e308); got '{rate}', which rounds to {rounded}\n"
        )


# -- item 6: limits, stated and enforced at once ---------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            custom((64, 64, 64)),
            "--sizes 64,64,64 has 8,192 parameters; nnref derive --format md takes at "
            f"most {limits.DERIVE_MAX_PARAMETERS['md']}",
        ),
        (
            custom((16, 16, 16), "--format", "json"),
            "--sizes 16,16,16 has 512 parameters; nnref derive "
            f"--format json takes at most {limits.DERIVE_MAX_PARAMETERS['json']}",
        ),
        (
            custom((6, 6, 6, 6, 6, 6)),
            f"chain-rule paths (one product per path from a parameter to the loss, "
            f"counted over all parameters); nnref derive takes at most "
            f"{limits.DERIVE_MAX_PATHS}",
        ),
        (
            custom((1,) * 61, "--activation", "tanh", "--format", "json"),
            f"has 61 layers; nnref derive takes at most {limits.DERIVE_MAX_LAYERS}",
        ),
        (custom((8, 8, 8), "--steps", "5"), "use at most --steps 2 for this network"),
        (["verify", "--random", "10000"], "--random must be an integer from 0 to 100"),
    ],
    ids=["64-64-64 md", "16-16-16 json", "6^6 paths", "61 layers", "8-8-8 x 6 steps", "--random 10000"],
)
def test_what_ran_for_minutes_is_refused_at_once_with_one_line(argv: list[str], expected: str) -> None:
    done = nnref(*argv)  # within BOUND seconds, or TimeoutExpired fails the test
    assert done.returncode == 2 and done.stdout == ""
    assert expected in one_error_line(done)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["derive", "--example", "wikidocs-07-05", "--steps", "21"],
            "--steps must be an integer from 0 to 20",
        ),
        (
            ["derive", "--example", "wikidocs-07-05", "--format", "json", "--digits", "51"],
            "--digits must be an integer from 1 to 50",
        ),
        (
            ["train", "--data", "digits", "--epochs", "1000000"],
            "--epochs must be an integer from 1 to 10,000",
        ),
        (["train", "--data", "digits", "--epochs", "1000"], "nnref train takes at most 2,000,000,000"),
        (["derive", "--example", "wikidocs-07-05", "--steps", "9" * 5000], "with at most 40 digits"),
    ],
    ids=["--steps 21", "--digits 51", "--epochs 10^6", "digits x 1000 epochs", "a 5000-digit --steps"],
)
def test_past_a_limit_is_one_line(argv: list[str], expected: str, capsys) -> None:
    status, out, err = run(argv, capsys)
    assert status == 2 and out == "" and err.count("\n") == 1 and expected in err, err


def test_the_work_limit_follows_from_the_counts() -> None:
    # 2-2-2: w1..w4 reach the loss through o1 and through o2, w5..w8 through their own output.
    assert limits.chain_paths((2, 2, 2)) == 4 * 2 + 4 * 1
    assert limits.chain_paths((2, 3, 2), bias=True) == (2 + 1) * 3 * 2 + (3 + 1) * 2
    paths = limits.chain_paths((8, 8, 8))
    most = limits.DERIVE_MAX_WORK["md"] // paths - 1
    limits.check_derive_size(Network((8, 8, 8)), most, "md")
    with pytest.raises(ValueError, match=f"use at most --steps {most} for this network"):
        limits.check_derive_size(Network((8, 8, 8)), most + 1, "md")


def test_the_limits_are_in_help_and_the_docs_print_them(capsys) -> None:
    for command in ("derive", "train", "verify"):
        status, help_text, _ = run([command, "--help"], capsys)
        assert status == 0
        flat = " ".join(help_text.split())
        for _, option, text in limits.limit_rows("en", command):
            assert " ".join(f"{option}: {text}".split()) in flat
    for lang in ("ko", "en"):
        page = (REPO / "docs" / "guide" / f"cli.{lang}.md").read_text(encoding="utf-8")
        assert f'limits_list("{lang}")' in page


def test_examples_and_the_docs_commands_stay_within_the_limits(capsys) -> None:
    for example in ("wikidocs-07-05", "and", "xor"):
        assert run(["derive", "--example", example, "--format", "json"], capsys)[0] == 0
    # the recipes the train page runs
    digits = load_digits()
    limits.check_train_size(XOR_RECIPE.network, XOR_RECIPE.epochs, 4)
    limits.check_train_size(DIGITS_RECIPE.network, DIGITS_RECIPE.epochs, len(digits.X_train))


# -- item 7: memory is estimated before allocating -------------------------------------------------


def test_train_with_a_billion_wide_layer_is_refused_before_allocating() -> None:
    done = nnref("train", "--sizes", "2,1000000000,1", "--data", "xor")
    net = Network((2, 10**9, 1), bias=True)
    assert done.returncode == 2 and done.stdout == ""
    assert one_error_line(done) == (
        f"nnref: error: --sizes 2,1000000000,1 has {net.n_weights + net.n_biases:,} parameters; nnref train "
        f"takes at most {limits.TRAIN_MAX_PARAMETERS:,}: use fewer or narrower layers"
    )


def test_a_memory_error_is_one_line(capsys, monkeypatch) -> None:
    from nnref.numeric import memory

    monkeypatch.setattr(memory, "available_bytes", lambda: 100)  # bytes
    status, out, err = run(["train", "--data", "xor", "--epochs", "2"], capsys)
    assert status == 2 and out == ""
    assert err.startswith("nnref: error: an MLP of sizes (2, 4, 1) (17 parameters) needs about ")
    assert err.count("\n") == 1


# -- item 12: closed streams and small encodings ---------------------------------------------------


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    for command in (
        "$PY -m nnref verify --random 1 | true",
        "$PY -m nnref derive --example wikidocs-07-05 | head -1",
    ):
        done = shell(command + "; echo status=${PIPESTATUS[0]} >&2", tmp_path)
        assert done.stderr == "status=0\n", (command, done.stderr)


def test_a_closed_standard_output_is_one_error_line(tmp_path: Path) -> None:
    for command in ("derive --example wikidocs-07-05", "train --data and --epochs 2"):
        done = shell(f"$PY -m nnref {command} >&-", tmp_path)
        assert done.returncode == 2, command
        assert one_error_line(done) == (
            "nnref: error: standard output is closed: give --output FILE, or leave it open"
        )


def test_an_ascii_terminal_gets_escaped_markdown_and_json(capsys) -> None:
    ascii_env = {"PYTHONIOENCODING": "ascii"}
    plain = run(["derive", "--example", "wikidocs-07-05", "--lang", "en"], capsys)[1]
    escaped = nnref("derive", "--example", "wikidocs-07-05", "--lang", "en", env=ascii_env)
    assert escaped.returncode == 0 and escaped.stderr == "" and "✓" in plain
    assert escaped.stdout.isascii() and "&#10003;" in escaped.stdout
    assert html.unescape(markdown.markdown(escaped.stdout)) == html.unescape(markdown.markdown(plain))
    korean = ["derive", "--example", "wikidocs-07-05", "--format", "json", "--lang", "ko"]
    plain = run(korean, capsys)[1]
    escaped = nnref(*korean, env=ascii_env)
    assert escaped.returncode == 0 and escaped.stdout.isascii()
    assert json.loads(escaped.stdout) == json.loads(plain)
    # Korean messages, escaped:
    korean = nnref("train", "--data", "and", "--epochs", "1", "--lang", "ko", env=ascii_env)
    assert korean.returncode == 0 and "\\uc5d0\\ud3ec\\ud06c" in korean.stdout  # 에포크


def test_json_escaping_keeps_every_character() -> None:
    text = json.dumps({"k": '가 ✓ 𝑥 "q"'}, ensure_ascii=False)
    assert json.loads(_json_escaped(text)) == json.loads(text) and _json_escaped(text).isascii()


# -- item 13: files are replaced whole or not at all -----------------------------------------------


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        ("derive --example wikidocs-07-05 --lang en -o {name}", "out.md"),
        ("derive --example wikidocs-07-05 --format ipynb -o {name}", "out.ipynb"),
        ("train --data xor --epochs 3 --plot {name}", "curve.png"),
    ],
    ids=["--output md", "notebook export", "--plot"],
)
def test_a_write_error_leaves_the_existing_file_untouched(tmp_path: Path, argv: str, name: str) -> None:
    (tmp_path / name).write_text("the previous version\n")
    done = shell(f"ulimit -f 4; $PY -m nnref {argv.format(name=name)}", tmp_path)  # 4 KiB at most
    assert done.returncode == 2
    option = "--plot" if "--plot" in argv else "--output"
    assert done.stderr.splitlines()[-1] == f"nnref: error: {option}: cannot write '{name}': File too large"
    assert (tmp_path / name).read_text() == "the previous version\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no partial or temporary file left


def test_a_written_file_is_complete_and_has_the_usual_mode(tmp_path: Path, capsys) -> None:
    target = tmp_path / "doc.json"
    status, _, _ = run(["derive", "--example", "and", "--format", "json", "-o", str(target)], capsys)
    assert status == 0
    status, out, _ = run(["derive", "--example", "and", "--format", "json"], capsys)
    assert target.read_text(encoding="utf-8") == out
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]


def test_output_dash_is_standard_output(capsys) -> None:
    status, out, err = run(["derive", "--example", "and", "--format", "json", "--output", "-"], capsys)
    assert status == 0 and err == "" and json.loads(out)["example"] == "and"
    assert not Path("-").exists()


# -- item 14: the small ones -----------------------------------------------------------------------


SMALL = {
    "empty --digits": (
        ["derive", "--example", "wikidocs-07-05", "--format", "json", "--digits", ""],
        "--digits must be an integer from 1 to 50; got ''",
    ),
    "--lr on a gate": (["derive", "--example", "and", "--lr", "0.5"], "--lr does not apply to --example and"),
    "--steps on a gate": (
        ["derive", "--example", "xor", "--steps", "2"],
        "--steps does not apply to a step network",
    ),
    "--digits on a gate": (
        ["derive", "--example", "or", "--format", "json", "--digits", "4"],
        "--digits does not apply to a step network",
    ),
    "--steps on a step network": (
        ["derive", "--sizes", "2,1", "--activation", "step", "--weights", "1,1", "--steps", "0"],
        "--steps does not apply to a step network",
    ),
    "linear": ([*custom((2, 2)), "--activation", "linear"], "got 'linear' (did you mean 'identity'?)"),
    "cross_entropy": (
        [*custom((2, 2)), "--loss", "cross_entropy"],
        "got 'cross_entropy' (did you mean 'cce'?)",
    ),
    "binary_crossentropy": (
        [*custom((2, 1)), "--loss", "binary_crossentropy"],
        "got 'binary_crossentropy' (did you mean 'bce'?)",
    ),
    "--sizes named": (
        ["derive", "--sizes", "2", "--x", "1", "--target", "1", "--weights", "1"],
        "nnref: error: --sizes needs at least 2 layers",
    ),
    "--activation item named": (
        [*custom((2, 2, 1)), "--activation", "relu,sigmod"],
        "nnref: error: --activation item 2 must be one of",
    ),
    "--weights named": (
        [*custom((2, 2))[:-4], "--weights", "1,2,3", "--lr", "0.5"],
        "nnref: error: --weights must have 4 values (w1..w4); got 3",
    ),
    "--x named": (
        [
            "derive",
            "--sizes",
            "2,2",
            "--x",
            "0.1",
            "--target",
            "0.4,0.6",
            "--weights",
            "1,2,3,4",
            "--lr",
            "1",
        ],
        "nnref: error: --x must have 2 values",
    ),
    "--loss named in train": (
        ["train", "--data", "xor", "--loss", "cce"],
        "nnref: error: --loss 'cce' needs",
    ),
}


@pytest.mark.parametrize("case", SMALL, ids=str)
def test_small_input_problems_get_one_clear_line(case: str, capsys) -> None:
    argv, expected = SMALL[case]
    status, out, err = run(argv, capsys)
    assert status == 2 and out == "", err
    assert err.count("\n") == 1 and expected in err, err


def test_loss_and_activation_are_stripped_alike(capsys) -> None:
    base = custom((2, 2), "--format", "json", "--steps", "0")
    outputs = {
        run([*base, "--activation", act, "--loss", loss], capsys)[1]
        for act, loss in (("sigmoid", "sse"), (" sigmoid", " sse"), ("sigmoid ", "sse "))
    }
    assert len(outputs) == 1 and json.loads(outputs.pop())["network"]["loss"] == "sse"
    assert run(["train", "--data", "and", "--epochs", "2", "--loss", " bce"], capsys)[0] == 0


def test_the_output_name_is_one_code_span_in_the_notebook(tmp_path: Path, capsys) -> None:
    target = tmp_path / "odd`name $x$ <b>.ipynb"
    status, _, _ = run(
        ["derive", "--example", "wikidocs-07-05", "--format", "ipynb", "-o", str(target)], capsys
    )
    assert status == 0
    first = "".join(json.loads(target.read_text(encoding="utf-8"))["cells"][0]["source"])
    rendered = markdown.markdown(first)
    codes = [c for c in re.findall(r"<code>(.*?)</code>", rendered, flags=re.DOTALL) if "nnref derive" in c]
    assert len(codes) == 1 and html.unescape(codes[0]).endswith(f"-o '{target}'")
    assert "<b>" not in rendered.replace(html.escape("<b>"), "")
