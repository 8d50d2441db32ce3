"""The ``nnref`` command as a real process (``python -m nnref``), and its notebooks run by nbclient."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbclient
import nbformat
import pytest

from nnref.cli import main
from nnref.examples import published_values


def nnref(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nnref", *argv], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def test_help_is_english_and_exits_0() -> None:
    done = nnref("--help")
    assert (
        done.returncode == 0
        and "derive" in done.stdout
        and "train" in done.stdout
        and "verify" in done.stdout
    )
    done = nnref("derive", "--help")
    assert (
        done.returncode == 0
        and "--example NAME" in done.stdout
        and "--format {md,latex,json,ipynb}" in done.stdout
    )


def test_a_bad_input_in_a_real_process_is_one_line_and_exit_2() -> None:
    done = nnref(
        "derive",
        "--sizes",
        "2,2",
        "--x",
        "0.1,0.2",
        "--target",
        "0.4,0.6",
        "--weights",
        "1,2,x,4",
        "--lr",
        "0.5",
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "nnref: error: --weights item 3 must be a decimal number such as '0.25', '1e-3' or '1/3'; got 'x'"
    ]
    done = nnref("train", "--data")
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_python_m_nnref_prints_what_main_prints(capsys) -> None:
    done = nnref("derive", "--example", "wikidocs-07-05", "--format", "json")
    assert done.returncode == 0
    assert main(["derive", "--example", "wikidocs-07-05", "--format", "json"]) == 0
    assert capsys.readouterr().out == done.stdout


def _execute(path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=False).execute(
        cwd=str(path.parent)
    )
    return notebook


def _outputs(notebook: nbformat.NotebookNode) -> str:
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            texts.append(
                output.get("text", "")
                + output.get("data", {}).get("text/markdown", "")
                + output.get("data", {}).get("text/plain", "")
            )
    return "\n".join(texts)


def test_the_notebook_of_the_worked_example_runs_top_to_bottom(tmp_path: Path, capsys) -> None:
    path = tmp_path / "wikidocs.ipynb"
    assert (
        main(["derive", "--example", "wikidocs-07-05", "--format", "ipynb", "--lang", "en", "-o", str(path)])
        == 0
    )
    notebook = _execute(path)
    assert all(cell.cell_type != "code" or cell.execution_count for cell in notebook.cells)
    text = _outputs(notebook)
    assert text.count("✓") == len(published_values()) and "✗" not in text
    assert "$w_{5}$" in text and r"\(" not in text  # Jupyter's inline-math delimiters
    assert "E: " in text


@pytest.mark.parametrize(
    "argv",
    [
        ["--example", "xor", "--lang", "ko"],
        [
            "--sizes",
            "2,2,1",
            "--activation",
            "relu,sigmoid",
            "--loss",
            "bce",
            "--bias",
            "--x",
            "1,-1/2",
            "--target",
            "1",
            "--weights",
            "0.5,-0.25,0.75,1,2,-3",
            "--biases",
            "0.1,0.2,0.3",
            "--lr",
            "0.1",
            "--steps",
            "2",
            "--digits",
            "12",
        ],
    ],
    ids=["perceptron", "custom"],
)
def test_other_notebooks_run_too(argv: list[str], tmp_path: Path, capsys) -> None:
    path = tmp_path / "n.ipynb"
    assert main(["derive", *argv, "--format", "ipynb", "-o", str(path)]) == 0
    source = json.loads(path.read_text(encoding="utf-8"))
    assert source["metadata"]["kernelspec"]["name"] == "python3"
    text = _outputs(_execute(path))
    if "xor" in argv:
        assert "step" in text and "| 1 | 1 | 0 |" in text
    else:
        # the gradients cell prints every parameter to --digits decimals
        assert all(re.search(rf"'{name}': '-?\d\.\d{{12}}'", text) for name in ("w1", "w6", "b3")), text
