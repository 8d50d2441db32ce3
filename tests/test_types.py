"""nnref/ type-checks clean under the pinned mypy (configuration in pyproject.toml's [tool.mypy]).

The package ships py.typed, so its annotations are what users' type checkers see: they must be
true. mypy keeps its incremental cache in .mypy_cache (it ignores itself for git), so only the
first run in a checkout analyses everything.
"""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_mypy_is_clean() -> None:
    # A subprocess: mypy run in-process would share this interpreter's imported modules.
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
