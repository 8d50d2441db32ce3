"""Issue 16, item 15: a page block that raises SystemExit fails ``mkdocs build --strict``.

Each case builds a tiny temporary MkDocs project (one page, markdown-exec, and docs/hooks/
snippet_exits.py or not): seconds, where the whole site takes minutes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from site_tools import DOCS, REPO

HOOK = DOCS / "hooks" / "snippet_exits.py"


def build(tmp_path: Path, block: str, hook: bool = True) -> subprocess.CompletedProcess[str]:
    (tmp_path / "docs").mkdir()
    page = f'# Page\n\n```python exec="on"\n{block}\n```\n\nAfter the block.\n'
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    hooks = f"hooks:\n  - {HOOK}\n" if hook else ""
    config = (
        "site_name: t\nstrict: true\nplugins:\n  - markdown-exec\n"
        f"markdown_extensions:\n  - pymdownx.superfences\n{hooks}"
    )
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")]
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("block", ["raise SystemExit(0)", "import sys\nsys.exit()", "raise GeneratorExit"])
def test_an_exiting_block_fails_the_strict_build(tmp_path: Path, block: str) -> None:
    done = build(tmp_path, block)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "WARNING -  markdown_exec: Execution of python code block exited with errors" in output
    assert "BlockExited: the code block raised" in output
    assert "Aborted with 1 warnings in strict mode" in output


def test_without_the_hook_the_build_would_pass_silently(tmp_path: Path) -> None:
    # What the issue saw: exit status 0, no site, no warning. The check above can fail.
    done = build(tmp_path, "raise SystemExit(0)", hook=False)
    assert done.returncode == 0 and "WARNING" not in done.stdout + done.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_an_ordinary_block_still_builds(tmp_path: Path) -> None:
    done = build(tmp_path, "print('printed by the block')")
    assert done.returncode == 0, done.stderr
    assert "printed by the block" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_the_site_registers_the_hook() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - docs/hooks/snippet_exits.py\n" in config
