"""Shared fixtures: the site is built once per test session and reused by every site test; the
browser tests share one server of that build and one chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from site_tools import CHROMIUM, CHROMIUM_ARGS, BuildResult, build_site, require_browser, serve


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run the ``nnref`` command in an English locale (its default language follows the
    locale; Korean output is tested with --lang ko or an explicit environment)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


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
def pages(built_site: BuildResult) -> dict[str, str]:
    """The HTML of every built page (both languages), by its folder in the site ("." is home)."""
    assert built_site.returncode == 0, built_site.output[-4000:]
    site = built_site.site_dir
    return {
        index.parent.relative_to(site).as_posix(): index.read_text(encoding="utf-8")
        for index in sorted(site.rglob("index.html"))
        if index.parent.relative_to(site).parts[:1] != ("assets",)
    }


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
