"""CLI conventions: a missing optional dependency names the extra that installs it, and the
output language follows the locale when ``--lang`` is not given (documented in ``--help``)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from nnref.cli import main

_real_find_spec = importlib.util.find_spec


def _without(monkeypatch: pytest.MonkeyPatch, missing: str) -> None:
    """Make ``importlib.util.find_spec`` report ``missing`` as not installed."""

    def find_spec(name: str, *args, **kwargs):
        if name == missing or name.startswith(missing + "."):
            return None
        return _real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def test_ipynb_without_nbformat_names_the_cli_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _without(monkeypatch, "nbformat")
    status = main(["derive", "--example", "wikidocs-07-05", "--format", "ipynb"])
    error = _one_line_error(capsys)
    assert status == 2
    assert error == (
        'nnref: error: --format ipynb needs nbformat, which is not installed: pip install "nnref[cli]"'
    )


def test_plot_without_matplotlib_names_the_cli_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    _without(monkeypatch, "matplotlib")
    plot = tmp_path / "curve.png"
    status = main(["train", "--data", "xor", "--epochs", "1", "--plot", str(plot)])
    error = _one_line_error(capsys)
    assert status == 2
    assert error == 'nnref: error: --plot needs matplotlib, which is not installed: pip install "nnref[cli]"'
    assert not plot.exists()  # it failed before training, not after


def test_the_same_commands_work_when_the_extras_are_there(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    # The check must not fire when the module is installed (the test environment has both).
    assert (
        main(["derive", "--example", "and", "--format", "ipynb", "--output", str(tmp_path / "a.ipynb")]) == 0
    )
    capsys.readouterr()


def _nnref(*argv: str, **locale: str) -> subprocess.CompletedProcess[str]:
    """``python -m nnref`` with exactly the given locale variables (the others removed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.update(locale)
    return subprocess.run(
        [sys.executable, "-m", "nnref", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def _explicit(lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["derive", "--example", "xor", "--lang", lang]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "fr_FR.UTF-8"}, "ko"),
        ({"LANG": "C.UTF-8"}, "ko"),
        ({}, "ko"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "ko_KR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
    ],
)
def test_default_language_follows_the_locale(
    locale: dict[str, str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    done = _nnref("derive", "--example", "xor", **locale)
    assert done.returncode == 0, done.stderr
    assert done.stdout == _explicit(expected, capsys)
    assert done.stdout != _explicit("en" if expected == "ko" else "ko", capsys)


def test_lang_overrides_the_locale(capsys: pytest.CaptureFixture[str]) -> None:
    done = _nnref("derive", "--example", "xor", "--lang", "ko", LANG="en_US.UTF-8")
    assert done.returncode == 0 and done.stdout == _explicit("ko", capsys)
    done = _nnref("derive", "--example", "xor", "--lang", "en", LANG="ko_KR.UTF-8")
    assert done.returncode == 0 and done.stdout == _explicit("en", capsys)


def test_help_documents_the_locale_default() -> None:
    top = _nnref("--help", LANG="en_US.UTF-8")
    assert top.returncode == 0
    assert "LANG=en_US.UTF-8" in top.stdout and "LC_ALL" in top.stdout
    sub = _nnref("derive", "--help", LANG="en_US.UTF-8")
    assert "the locale's if it is ko or en, else ko; now en" in " ".join(sub.stdout.split())
