"""Shared fixtures: the site is built once per test session and reused by every site test; the
browser tests share one server of that build and one chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from site_tools import CHROMIUM, CHROMIUM_ARGS, BuildResult, build_site, require_browser, serve


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


@pytest.fixture(scope="session")
def site_url(built_site: BuildResult) -> Iterator[str]:
    """The built site served from the root of http://127.0.0.1:<free port>/."""
    assert built_site.returncode == 0, built_site.output[-4000:]
    with serve(built_site.site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, through Playwright (skips locally when missing, fails in CI)."""
    sync_playwright = require_browser()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
