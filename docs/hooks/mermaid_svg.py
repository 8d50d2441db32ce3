"""MkDocs hook: draw every mermaid diagram as SVG while the site builds; readers load no mermaid.

Why: mermaid is one 3.4 MiB script (957 KiB gzipped). Loaded on every page with a diagram it
was three quarters of a chapter's weight and a second of parsing before DOMContentLoaded (4-5 s
on a phone-speed CPU). Loading it lazily would still send it to every reader whose screen shows a
diagram (most chapters open with one). Drawn here, a diagram costs a few KiB of inline SVG.

How: the vendored ``docs/assets/vendor/mermaid-*/mermaid.min.js`` runs in headless Chromium
(Debian's ``chromium``, the browser the tests use; no browser is ever downloaded) driven by
Playwright, in one worker thread that lives for the whole build (both languages). Labels are
measured in NanumGothic, the font file the docs toolchain already has (koreanize-matplotlib's
wheel), so the boxes do not depend on the fonts of the machine that builds. Every
``<pre class="mermaid">`` of a page (Markdown fences and markdown-exec output alike) becomes
``<div class="mermaid">`` with the SVG in a declarative shadow root, as Material's own renderer
does at run time (its page styles cannot reach into the diagram). The SVG's colours and font are
Material's ``--md-mermaid-*`` custom properties, so light and dark mode both apply. With no
``pre.mermaid`` left on a page, Material never loads mermaid (it would fetch it from unpkg.com).

A diagram that does not parse fails the build (mermaid's own message, with the page).
"""

from __future__ import annotations

import html
import itertools
import os
import re
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

# pymdownx.superfences' fence_code_format output for the "mermaid" custom fence.
_DIAGRAM = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.DOTALL)
# Edge geometry mermaid keeps for its own run-time animations; a static drawing never reads it.
_EDGE_POINTS = re.compile(r' data-points="[^"]*"')
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_ORIGIN = "https://nnref-diagrams.invalid/"  # never on the network: every request is answered here
_MEASURE_FONT = "nnref-measure"

# Flowchart rules in Material's custom properties (defined for both colour schemes by the theme).
_THEME_CSS = """
.node rect, .node circle, .node ellipse, .node polygon, .node path {
  fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color); }
.nodeLabel, .nodeLabel p, .label, .cluster-label span {
  color: var(--md-mermaid-label-fg-color); fill: var(--md-mermaid-label-fg-color); }
.label foreignObject { overflow: visible; }
.flowchart-link { stroke: var(--md-mermaid-edge-color); }
marker, .marker { fill: var(--md-mermaid-edge-color); stroke: var(--md-mermaid-edge-color); }
.edgeLabel, .edgeLabel p, .edgeLabel rect, .labelBkg {
  color: var(--md-mermaid-edge-color); fill: var(--md-mermaid-label-bg-color);
  background-color: var(--md-mermaid-label-bg-color); }
.cluster rect { fill: var(--md-default-fg-color--lightest); stroke: var(--md-default-fg-color--lighter); }
"""

_RENDER_PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><style>
@font-face {{ font-family: {_MEASURE_FONT}; src: url("font.ttf"); }}
:root {{ --md-mermaid-font-family: {_MEASURE_FONT}; }}
body {{ font-family: {_MEASURE_FONT}; margin: 0; }}
</style><script src="mermaid.min.js"></script></head><body></body></html>"""

_RENDER_JS = """
async ([id, source, themeCSS]) => {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    fontFamily: "var(--md-mermaid-font-family)",
    themeCSS,
  });
  const { svg } = await mermaid.render(id, source);
  return svg;
}
"""


def _vendored_mermaid(config: MkDocsConfig) -> Path:
    found = sorted(Path(config.docs_dir, "assets", "vendor").glob("mermaid-*/mermaid.min.js"))
    if len(found) != 1:
        raise PluginError(f"docs/hooks/mermaid_svg.py needs one vendored mermaid; found {found}")
    return found[0]


def _measure_font() -> bytes:
    """NanumGothic as the browser accepts it: the wheel's file carries empty VTT source tables
    (TSI*) that Chromium's font sanitizer rejects; fontTools (a matplotlib dependency) drops them."""
    import importlib.util
    import io

    from fontTools.ttLib import TTFont

    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise PluginError("docs/hooks/mermaid_svg.py needs koreanize-matplotlib (its NanumGothic font)")
    font = TTFont(Path(spec.submodule_search_locations[0], "fonts", "NanumGothic.ttf"))
    for table in [tag for tag in font.keys() if tag.startswith("TSI")]:
        del font[table]
    packed = io.BytesIO()
    font.save(packed)
    return packed.getvalue()


def _browser_path() -> str:
    named = os.environ.get("NNREF_CHROMIUM")
    if named:
        return named
    for name in _BROWSERS:
        if path := shutil.which(name):
            return path
    raise PluginError(
        "mermaid diagrams are drawn while the site builds, in headless Chromium: install Debian's "
        "chromium (apt-get install chromium) or name a Chromium-based browser in NNREF_CHROMIUM"
    )


class _Renderer:
    """Headless Chromium with mermaid loaded, owned by one worker thread (Playwright's sync API
    must stay on the thread that started it; the build's own event loops stay untouched)."""

    def __init__(self, mermaid_js: Path, font: bytes) -> None:
        self._files = {"": _RENDER_PAGE.encode(), "mermaid.min.js": mermaid_js.read_bytes(), "font.ttf": font}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mermaid-svg")
        self._page: Any = None
        self._closers: list[Any] = []

    def _serve(self, route: Any) -> None:
        name = route.request.url.removeprefix(_ORIGIN)
        if not route.request.url.startswith(_ORIGIN) or name not in self._files:
            route.abort()
            return
        kind = {"": "text/html", "mermaid.min.js": "text/javascript", "font.ttf": "font/ttf"}[name]
        route.fulfill(status=200, body=self._files[name], headers={"content-type": kind})

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(
            executable_path=_browser_path(), args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        self._closers = [browser.close, playwright.stop]
        page = browser.new_page()
        page.route("**/*", self._serve)
        page.goto(_ORIGIN)
        page.evaluate(f"() => document.fonts.load('16px {_MEASURE_FONT}', '가A')")
        self._page = page

    def _render(self, number: int, source: str) -> str:
        if self._page is None:
            self._start()
        return self._page.evaluate(_RENDER_JS, [f"nnref-diagram-{number}", source, _THEME_CSS])

    def render(self, number: int, source: str) -> str:
        return self._pool.submit(self._render, number, source).result()

    def close(self) -> None:
        def stop() -> None:
            for close in self._closers:
                close()

        self._pool.submit(stop).result()
        self._pool.shutdown()


_renderer: _Renderer | None = None
_lock = threading.Lock()


def _get_renderer(config: MkDocsConfig) -> _Renderer:
    global _renderer
    with _lock:
        if _renderer is None:
            _renderer = _Renderer(_vendored_mermaid(config), _measure_font())
        return _renderer


def diagram_html(svg: str) -> str:
    """The element a rendered diagram becomes: Material's ``div.mermaid`` host with the SVG in a
    declarative shadow root (the SVG keeps its own size; wide diagrams scale to the column)."""
    return (
        '<div class="mermaid"><template shadowrootmode="open">'
        "<style>:host{display:block}svg{display:block;margin:0 auto;height:auto}</style>"
        f"{svg}</template></div>"
    )


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # After the search plugin read the page (on_page_context): the index keeps the diagram's
    # text, not the SVG's markup and style.
    if '<pre class="mermaid">' not in output:
        return output
    from playwright.sync_api import Error as BrowserError

    renderer = _get_renderer(config)
    numbers = itertools.count(1)

    def draw(match: re.Match[str]) -> str:
        source = html.unescape(match.group("source"))
        try:
            return diagram_html(_EDGE_POINTS.sub("", renderer.render(next(numbers), source)))
        except BrowserError as error:
            # Mermaid's parse error: its first lines point at the line and the token.
            message = " | ".join(str(error).splitlines()[:4])
            raise PluginError(f"{page.file.src_uri}: a mermaid diagram does not render: {message}") from None

    return _DIAGRAM.sub(draw, output)


def on_shutdown() -> None:
    global _renderer
    with _lock:
        if _renderer is not None:
            _renderer.close()
            _renderer = None
