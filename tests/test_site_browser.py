"""The built site in a real browser (Debian's chromium, headless) with no network but 127.0.0.1.

Every request the pages make to another host is blocked and recorded; the test then checks
what a reader sees: formulas typeset by KaTeX, mermaid diagrams drawn as SVG, notebook pages as
HTML, a language switcher that keeps the page, and Korean search that finds a Korean page.

Locally the test skips when chromium or Playwright is missing; with ``CI`` set it fails instead.
Set ``NNREF_SCREENSHOTS=<dir>`` to keep the home page screenshots (ko/en, light/dark).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from site_tools import (
    DOCS,
    BuildResult,
    block_other_hosts,
    built_pages,
    lang_prefix,
    open_page,
    page_files,
    search_result_pages,
)

# Every built page is checked (test_every_page_renders_offline); these lists name pages that
# MUST have typeset math / mermaid diagrams, so that a page losing them fails. Site paths, Korean
# ("en/" + path is the English page). Every chapter has math; a chapter whose source has a
# mermaid fence must show it as a diagram.
NOTEBOOK_PAGES = [f"{n.parent}/{n.name.split('.')[0]}/" for n in page_files() if n.name.endswith(".ko.ipynb")]
CHAPTER_SOURCES = [n for n in page_files() if n.parts[0] == "chapters" and n.name.endswith(".ko.md")]
CHAPTER_PAGES = [f"{n.parent}/{n.name.split('.')[0]}/" for n in CHAPTER_SOURCES]
NOTEBOOK_MATH_PAGES = [
    f"{n.parent}/{n.name.split('.')[0]}/"
    for n in page_files()
    if n.name.endswith(".ko.ipynb") and "$" in (DOCS / n).read_text(encoding="utf-8")
]
MATH_PAGES = ["", "glossary/", *CHAPTER_PAGES, *NOTEBOOK_MATH_PAGES]
MERMAID_PAGES = [
    "",
    *(
        f"{n.parent}/{n.name.split('.')[0]}/"
        for n in CHAPTER_SOURCES
        if "```mermaid" in (DOCS / n).read_text(encoding="utf-8")
    ),
]
SWITCHER_PAGES = ["", "glossary/", "reference/api/", "chapters/backprop/", *NOTEBOOK_PAGES]
# (query typed into the search box, Korean site path that must be among the results).
# Material's Korean search matches whole whitespace-separated words and their prefixes
# ("역전" finds "역전파를").
KOREAN_SEARCHES = [
    ("역전파", "chapters/backprop/"),
    ("용어집", "glossary/"),
    ("시그모이드", "notebooks/sigmoid/"),
]


@dataclass
class Traffic:
    """What the pages asked for beyond 127.0.0.1, and what went wrong in their scripts."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# Material draws each mermaid diagram into a *closed* shadow root, out of reach of scripts.
# For inspection only, the test page opens every shadow root it creates.
_OPEN_SHADOW_ROOTS = """
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attachShadow.call(this, {...init, mode: "open"}); };
"""


@pytest.fixture(scope="module")
def browser_context(browser: Any) -> Iterator[tuple[Any, Traffic]]:
    """One context (so one HTTP cache) for the module; its request guard records into ``Traffic``."""
    traffic = Traffic()
    context = browser.new_context(viewport={"width": 1280, "height": 1600})

    block_other_hosts(context, traffic.blocked)
    context.add_init_script(_OPEN_SHADOW_ROOTS)
    try:
        yield context, traffic
    finally:
        context.close()


@pytest.fixture
def traffic(browser_context: tuple[Any, Traffic]) -> Traffic:
    """This test's blocked requests and script errors (the module's record, emptied first)."""
    _, record = browser_context
    record.blocked.clear()
    record.errors.clear()
    return record


@pytest.fixture
def page(browser_context: tuple[Any, Traffic], traffic: Traffic) -> Iterator[Any]:
    context, _ = browser_context
    tab = context.new_page()
    tab.on("pageerror", lambda error: traffic.errors.append(f"page error: {error}"))
    tab.on("console", lambda msg: _record_console_error(msg, traffic))
    tab.on("response", lambda r: _record_http_error(r.status, r.url, traffic))
    try:
        yield tab
    finally:
        tab.close()


def _is_sitemap_probe(url: str) -> bool:
    # Material fetches sitemap.xml next to every <link rel="alternate"> to map pages between
    # languages; our alternates already point at the same page in the other language, so the
    # probe of e.g. en/glossary/sitemap.xml finds nothing (a 404 Material handles by itself).
    return urlsplit(url).path.endswith("/sitemap.xml")


def _record_http_error(status: int, url: str, traffic: Traffic) -> None:
    if status >= 400 and not _is_sitemap_probe(url):
        traffic.errors.append(f"HTTP {status}: {url}")


def _record_console_error(message: Any, traffic: Traffic) -> None:
    if message.type == "error" and not _is_sitemap_probe(message.location.get("url", "")):
        traffic.errors.append(f"console: {message.text} ({message.location.get('url')})")


# Text a reader sees outside code and typeset math: raw TeX here means KaTeX did not run. An
# exercise's folded solution is typeset when it is opened (tests/test_site_exercises.py opens one).
_FOLDED = "details.nnref-exercise__solution:not([open])"
_VISIBLE_PROSE_JS = f"""
() => {{
  const article = document.querySelector("article.md-content__inner").cloneNode(true);
  article.querySelectorAll("pre, code, script, style, .katex, .jp-InputArea, {_FOLDED}")
    .forEach(e => e.remove());
  return article.textContent;
}}
"""
_UNRENDERED_MATH_JS = f"""
() => [...document.querySelectorAll(".arithmatex")]
  .filter(e => !e.querySelector(".katex") && !e.closest("{_FOLDED}")).length
"""


_MERMAID_JS = """
() => [...document.querySelectorAll("div.mermaid")].map(d => {
  const svg = d.shadowRoot && d.shadowRoot.querySelector("svg");
  return svg ? svg.textContent : null;
})
"""


def _page_problems(page: Any, traffic: Traffic) -> tuple[list[str], bool, bool]:
    """What is wrong on the open page; and whether it has typeset math and drawn diagrams."""
    problems = []
    # A notebook page has no .arithmatex: its math is raw $...$ in the cells until KaTeX runs
    # (the digits notebook has none, so a wrapper alone must not mean "wait for math").
    has_math = page.locator(".arithmatex").count() > 0 or page.evaluate(
        "() => [...document.querySelectorAll('.jupyter-wrapper .jp-RenderedMarkdown')]"
        ".some(cell => /\\$|\\\\\\(/.test(cell.textContent))"
    )
    if has_math and page.locator(".katex").count() == 0:
        page.wait_for_selector(".katex", state="attached", timeout=10_000)
    if page.evaluate(_UNRENDERED_MATH_JS):
        problems.append(f"{page.evaluate(_UNRENDERED_MATH_JS)} formulas not typeset")
    prose = page.evaluate(_VISIBLE_PROSE_JS)
    leftovers = [tex for tex in ("$", "\\(", "\\)", "\\[", "\\]") if tex in prose]
    if leftovers:
        problems.append(f"raw TeX in the text: {leftovers}")
    if page.locator("pre.mermaid").count():
        page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0", timeout=15_000)
    diagrams = page.evaluate(_MERMAID_JS)
    if any(text is None for text in diagrams):
        problems.append("a mermaid diagram has no SVG")
    if any("Syntax error" in text for text in diagrams if text):
        problems.append("a mermaid diagram shows a syntax error")
    problems += [f"request to another host: {url}" for url in traffic.blocked]
    problems += traffic.errors
    return problems, page.locator(".katex").count() > 0, bool(diagrams) and None not in diagrams


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_renders_offline(
    page: Any, traffic: Traffic, site_url: str, built_site: BuildResult, lang: str
) -> None:
    """Every page of the language: formulas typeset (no raw TeX), diagrams drawn, nothing fetched
    from another host, no script error. MATH_PAGES and MERMAID_PAGES must have math/diagrams."""
    problems: dict[str, list[str]] = {}
    with_math, with_diagrams = set(), set()
    for path in built_pages(built_site.site_dir, lang):
        traffic.blocked.clear()
        traffic.errors.clear()
        # Every request a page makes starts before its load event (its scripts, styles, fonts,
        # KaTeX on notebook pages at DOMContentLoaded; the search worker's index is the same host),
        # so the load event and the fonts are enough here: an idle network would add half a
        # second to each of some 130 views. Later requests would still be blocked and reported
        # with the next page.
        page.goto(site_url + lang_prefix(lang) + path, wait_until="load")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        found, math, diagrams = _page_problems(page, traffic)
        if found:
            problems["/" + lang_prefix(lang) + path] = found
        if math:
            with_math.add(path)
        if diagrams:
            with_diagrams.add(path)
    assert problems == {}
    assert set(MATH_PAGES) <= with_math, f"no typeset math on {sorted(set(MATH_PAGES) - with_math)}"
    assert set(MERMAID_PAGES) <= with_diagrams, f"no diagram: {sorted(set(MERMAID_PAGES) - with_diagrams)}"


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("path", NOTEBOOK_PAGES)
def test_notebook_pages_render_as_html(
    page: Any, traffic: Traffic, site_url: str, path: str, lang: str
) -> None:
    open_page(page, site_url + lang_prefix(lang) + path)
    assert page.locator(".jupyter-wrapper .jp-Cell").count() > 0
    assert page.locator(".jupyter-wrapper .jp-OutputArea-output").count() > 0
    body = page.inner_text("article")
    assert '"cell_type"' not in body
    assert page.locator(".nnref-notebook-download a[download]").count() == 1
    assert traffic.blocked == []
    assert traffic.errors == []


def _switch_language(page: Any, site_url: str, path: str, to: str) -> None:
    """Click the header's language link for ``to``; check it leads to the same page in ``to``."""
    expected = site_url + lang_prefix(to) + path
    link = page.locator(f".md-header a.md-select__link[hreflang='{to}']").first
    assert link.evaluate("a => a.href") == expected
    # Click it the way a reader does (Material intercepts such clicks with logic of its own).
    page.locator(".md-header .md-select").first.hover()
    with page.expect_navigation():
        link.click()
    assert page.url == expected
    assert page.evaluate("document.documentElement.lang") == to


@pytest.mark.parametrize("path", SWITCHER_PAGES)
def test_language_switcher_keeps_the_page(page: Any, traffic: Traffic, site_url: str, path: str) -> None:
    open_page(page, site_url + path)
    _switch_language(page, site_url, path, "en")
    _switch_language(page, site_url, path, "ko")
    assert traffic.blocked == []
    assert traffic.errors == []


@pytest.mark.parametrize(("query", "path"), KOREAN_SEARCHES)
def test_korean_search_finds_the_page(
    page: Any, traffic: Traffic, site_url: str, query: str, path: str
) -> None:
    pages = search_result_pages(page, site_url, query)
    assert path in pages, f"searching {query!r} did not list /{path}: {pages}"
    assert traffic.blocked == []
    assert traffic.errors == []


def test_the_request_guard_blocks_and_records_other_hosts(page: Any, traffic: Traffic, site_url: str) -> None:
    # The guard itself must work, or every "no request left" assertion above is hollow.
    open_page(page, site_url)
    page.evaluate("() => fetch('https://unpkg.com/mermaid@11/dist/mermaid.min.js').catch(() => null)")
    page.wait_for_timeout(200)
    assert traffic.blocked == ["https://unpkg.com/mermaid@11/dist/mermaid.min.js"]


def test_page_checks_see_unrendered_math_and_diagrams(page: Any) -> None:
    # What the checks above would see if KaTeX or mermaid had not run.
    page.set_content(
        '<article class="md-content__inner"><p>Raw <span class="arithmatex">\\(x^2\\)</span> and $y$.</p>'
        '<div class="mermaid"></div></article>'
    )
    assert page.evaluate(_UNRENDERED_MATH_JS) == 1
    prose = page.evaluate(_VISIBLE_PROSE_JS)
    assert "\\(" in prose and "$" in prose
    assert page.evaluate(_MERMAID_JS) == [None]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_save_home_screenshots(browser: Any, site_url: str, lang: str, scheme: str, tmp_path: Path) -> None:
    # Kept in NNREF_SCREENSHOTS=<dir> when set (to look at them), else in a temporary folder.
    folder = Path(os.environ.get("NNREF_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1600}, color_scheme=scheme)
    block_other_hosts(context)
    try:
        tab = context.new_page()
        open_page(tab, site_url + lang_prefix(lang))
        tab.wait_for_selector(".katex", state="attached")
        tab.screenshot(path=str(folder / f"home-{lang}-{scheme}.png"), full_page=True)
    finally:
        context.close()
    assert (folder / f"home-{lang}-{scheme}.png").stat().st_size > 0

