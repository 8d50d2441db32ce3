"""Every request a page makes succeeds, in Debian's chromium with every other host blocked.

test_site_browser.py checks what each page shows; this file checks what pages ask for: no
request that fails (no 404 at all, the sitemap probes Material made next to every per-page
hreflang link included), no other host, no mermaid (diagrams are SVG already) and no pyodide
script. It also serves the site the way a static host does (404.html for any missing address,
at the root and under a sub-path like GitHub Pages' /nnref/) and follows the 404 page's links.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError
from site_tools import DOCS, BuildResult, StaticHost, load_hook, require_browser, serve_site

# One page of each kind, both languages: home, a chapter with diagrams, a notebook, the glossary,
# the API reference, a guide.
PAGES = [
    "",
    "chapters/backprop/",
    "notebooks/backprop-worked-example/",
    "glossary/",
    "reference/api/",
    "guide/cli/",
]
PREFIX = StaticHost.prefix  # the published sub-path (site_url), served too


@pytest.fixture(scope="module")
def host(built_site: BuildResult) -> Iterator[str]:
    assert built_site.returncode == 0, built_site.output[-4000:]
    with serve_site(built_site.site_dir) as url:
        yield url


class Visit:
    """A fresh context (an empty cache) whose requests are all recorded; other hosts blocked."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.requested: list[str] = []
        self.failed: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._guard)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requested.append(r.url))
        self.page.on("response", self._response)
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.failure}: {r.url}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _guard(self, route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"HTTP {response.status}: {response.url}")

    def open(self, url: str) -> Any:
        response = self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return response

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Visit]:
    opened = Visit(browser)
    try:
        yield opened
    finally:
        opened.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_request_succeeds(visit: Visit, host: str, path: str, lang: str) -> None:
    url = f"{host}/{'' if lang == 'ko' else 'en/'}{path}"
    assert visit.open(url).status == 200
    assert visit.failed == []  # no 404 (Material's sitemap probes included), nothing aborted
    assert visit.blocked == []
    assert visit.errors == []
    assert not [u for u in visit.requested if "mermaid" in u or "pyodide" in u]
    assert not [u for u in visit.requested if urlsplit(u).path.endswith("/sitemap.xml")]


def test_diagrams_are_drawn_without_loading_mermaid(visit: Visit, host: str) -> None:
    visit.open(f"{host}/chapters/backprop/")
    svgs = visit.page.evaluate(
        "() => [...document.querySelectorAll('div.mermaid')]"
        ".map(d => d.shadowRoot !== null && d.shadowRoot.querySelector('svg') !== null)"
    )
    assert svgs == [True, True]
    assert visit.page.evaluate("typeof window.mermaid") == "undefined"
    # The diagram takes Material's colours: node fill from --md-mermaid-node-bg-color.
    fill = visit.page.evaluate(
        "() => getComputedStyle("
        "document.querySelector('div.mermaid').shadowRoot.querySelector('.node rect')).fill"
    )
    assert fill not in ("", "none", "rgb(236, 236, 255)")  # not mermaid's own default theme


@pytest.mark.parametrize(
    ("missing", "lang", "home"),
    [
        ("/chapters/no-such-page/deeper/", "ko", "/"),
        ("/en/no-such-page/", "en", "/en/"),
        (f"{PREFIX}chapters/no-such-page/", "ko", PREFIX),
        (f"{PREFIX}en/glossary/no/", "en", f"{PREFIX}en/"),
    ],
)
def test_404_page_leads_home_from_any_address(
    visit: Visit, host: str, missing: str, lang: str, home: str
) -> None:
    response = visit.open(host + missing)
    assert response.status == 404
    assert visit.page.evaluate("document.documentElement.lang") == lang
    # The language of the address comes first; both are there.
    first = visit.page.locator("main section").first.get_attribute("lang")
    assert first == lang and visit.page.locator("main section").count() == 2
    visit.failed.clear()  # the page itself was the one expected 404
    link = visit.page.locator(f"section[lang='{lang}'] a.home")
    assert urlsplit(link.evaluate("a => a.href")).path == home
    with visit.page.expect_navigation():
        link.click()
    assert urlsplit(visit.page.url).path == home
    assert visit.page.evaluate("document.documentElement.lang") == lang
    assert visit.blocked == [] and visit.errors == []
    assert visit.failed == []


def test_a_diagram_that_does_not_parse_fails_the_build() -> None:
    require_browser()
    hook = load_hook("mermaid_svg")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="chapters/x.ko.md"))
    config = SimpleNamespace(docs_dir=str(DOCS))
    good = '<pre class="mermaid"><code>flowchart LR\n  A[&quot;x&quot;] --&gt; B</code></pre>'
    try:
        drawn = hook.on_post_page(f"<p>{good}</p>", page, config)
        assert drawn.startswith('<p><div class="mermaid"><template shadowrootmode="open">')
        assert "<svg" in drawn and "<pre" not in drawn
        with pytest.raises(
            PluginError, match=r"chapters/x\.ko\.md: a mermaid diagram does not render: .*Parse error"
        ):
            hook.on_post_page(
                '<pre class="mermaid"><code>flowchart LR\n  A --&gt; </code></pre>', page, config
            )
    finally:
        hook.on_shutdown()
