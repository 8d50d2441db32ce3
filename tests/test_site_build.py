"""The whole site builds strictly, with no warning, and what it publishes is what we expect.

The build itself runs once per session (``built_site`` in conftest.py) and is reused by
test_site_browser.py. Its duration is printed (``pytest -s`` shows it); it is not asserted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_tools import DOCS, BuildResult, page_files

# An element that makes the browser fetch from another host as soon as the page loads.
_REMOTE_LOAD = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=[\"']?(?:https?:)?//"
    r"|<link\b(?=[^>]*\brel=[\"']?(?:stylesheet|preload|modulepreload|icon)\b)[^>]*\bhref=[\"']?(?:https?:)?//"
    r"|@import\s+url\([\"']?(?:https?:)?//"
    r"|import\([\"'](?:https?:)?//",
    re.IGNORECASE,
)


def _notebook_urls() -> list[str]:
    """Site paths of every notebook page, both languages: notebooks/x.ko.ipynb -> notebooks/x/."""
    urls = []
    for notebook in page_files():
        if notebook.suffix != ".ipynb":
            continue
        stem, lang = notebook.name.split(".")[:2]
        page = f"{notebook.parent}/{stem}/"
        urls.append(page if lang == "ko" else f"en/{page}")
    return urls


def test_strict_build_succeeds_without_warnings(built_site: BuildResult) -> None:
    assert built_site.returncode == 0, built_site.output[-4000:]
    assert built_site.warnings() == []


def test_warning_filter_keeps_real_warnings() -> None:
    output = (
        "INFO    -  Building documentation\n"
        "[IPKernelApp] WARNING | Kernel is running over TCP without encryption. All communication\n"
        "WARNING -  markdown_exec: Execution of python code block exited with errors\n"
    )
    result = BuildResult(Path("."), 0, output, 0.0)
    assert result.warnings() == [output.splitlines()[-1]]


def test_both_languages_are_published(built_site: BuildResult) -> None:
    for page in page_files():
        if page.suffix != ".md" or not page.name.endswith(".ko.md"):
            continue
        stem = page.name[: -len(".ko.md")]
        path = page.parent / ("" if stem == "index" else stem) / "index.html"
        assert (built_site.site_dir / path).is_file(), path
        assert (built_site.site_dir / "en" / path).is_file(), f"en/{path}"


@pytest.mark.parametrize("url", _notebook_urls())
def test_notebook_pages_are_html_not_json(built_site: BuildResult, url: str) -> None:
    html = (built_site.site_dir / url / "index.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert 'class="jupyter-wrapper"' in html
    assert '"cell_type"' not in html and '"nbformat"' not in html
    # The executed outputs are in the page (the notebooks are not published unexecuted).
    assert "jp-OutputArea-output" in html


def test_notebook_sources_are_published_for_download(built_site: BuildResult) -> None:
    for notebook in page_files():
        if notebook.suffix == ".ipynb":
            stem, lang = notebook.name.split(".")[:2]
            prefix = Path("en") if lang == "en" else Path()
            assert (built_site.site_dir / prefix / notebook.parent / stem / notebook.name).is_file()


def test_no_page_loads_anything_from_another_host(built_site: BuildResult) -> None:
    offenders = []
    for html_file in sorted(built_site.site_dir.rglob("*.html")):
        for match in _REMOTE_LOAD.finditer(html_file.read_text(encoding="utf-8")):
            offenders.append(f"{html_file.relative_to(built_site.site_dir)}: {match.group(0)}")
    assert offenders == []


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://unpkg.com/mermaid@11/dist/mermaid.min.js"></script>',
        '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">',
        '<script type="module">const m = (await import("https://cdnjs.cloudflare.com/x.mjs"));</script>',
    ],
)
def test_remote_load_pattern_catches_cdn_tags(html: str) -> None:
    assert _REMOTE_LOAD.search(html)


def test_remote_load_pattern_allows_links_and_local_assets() -> None:
    html = (
        '<a href="https://github.com/x">x</a><script src="../assets/vendor/katex-0.19.1/katex.min.js">'
        '</script><link rel="canonical" href="https://nnref.github.io/nnref/">'
    )
    assert _REMOTE_LOAD.search(html) is None


def test_snippet_readme_and_hooks_are_not_published(built_site: BuildResult) -> None:
    assert (DOCS / "snippets" / "README.md").is_file()
    for excluded in ("snippets", "hooks"):
        assert not (built_site.site_dir / excluded).exists()
