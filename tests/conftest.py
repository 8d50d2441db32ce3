"""Shared fixtures: the site is built once per test session and reused by every site test."""

from __future__ import annotations

import pytest
from site_tools import BuildResult, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """``mkdocs build --strict`` of the whole site (both languages, notebooks executed), once."""
    result = build_site(tmp_path_factory.mktemp("site") / "site")
    # The figure the issue asks for; a speed goal is not a test assertion.
    print(
        f"\nmkdocs build --strict: {result.seconds:.1f} s wall, {result.cpu_seconds:.1f} s CPU"
        f" (exit code {result.returncode})"
    )
    return result
