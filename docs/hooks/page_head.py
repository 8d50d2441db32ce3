"""MkDocs hook: what a page's <head> says about it, and the one 404 page of both languages.

1. ``on_post_page``: no ``<link rel="alternate" hreflang>`` in the head. Material's language
   integration fetches ``sitemap.xml`` next to every such link, expecting it to point at a
   language's root (``/``, ``/en/``); mkdocs-static-i18n writes one per page pointing at the same
   page in the other language, so every page made two requests that 404
   (``<page>/sitemap.xml``; squidfunk/mkdocs-material#6582). The header's language switcher is
   unchanged (it keeps the page), and the sitemap that static-i18n writes still lists every
   page's translation (``xhtml:link rel="alternate" hreflang``) for search engines.
2. ``on_page_content``: a page without a ``description`` in its front matter gets the first
   paragraph of its own text (plain, no math or code, about 160 characters), used by the theme's
   ``<meta name="description">`` and the OpenGraph tags of docs/overrides/main.html; a page
   that opens with a formula falls back to the language's ``site_description``.
3. ``on_template_context``: the 404 page (docs/overrides/404.html) gets the published site's
   path (from ``site_url``) and the logo, so that it finds the site's root from any missing
   address on any host and loads nothing.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_NOT_PROSE = ('class="arithmatex"', "<img", "<svg", "\\(", "$")
DESCRIPTION_LENGTH = 160
SHORTEST = 40  # a caption or a one-line remark is no description
LOGO = "assets/nnref-logo.svg"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    head, separator, body = output.partition("</head>")
    return _HREFLANG_LINK.sub("", head) + separator + body


def first_paragraph(html_text: str, limit: int = DESCRIPTION_LENGTH) -> str | None:
    """The first plain paragraph (no math, at least SHORTEST characters) of ``html_text`` as
    text, cut at a word within ``limit``; code is kept as its text."""
    for match in _PARAGRAPH.finditer(html_text):
        inner = match.group(1)
        if any(marker in inner for marker in _NOT_PROSE):
            continue
        text = " ".join(html.unescape(_TAG.sub("", inner)).split())
        if len(text) < SHORTEST:
            continue
        if len(text) > limit:
            text = text[: text.rfind(" ", 0, limit)].rstrip(" ,.;:") + "…"
        return text
    return None


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    if not page.meta.get("description"):
        text = first_paragraph(html_text)
        if text:
            # The theme writes page.meta.description into an attribute as it is (no autoescape).
            page.meta["description"] = html.escape(text, quote=True)
    return html_text


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "404.html":
        site_path = urlsplit(config.site_url or "/").path or "/"
        context["nnref_site_path"] = site_path if site_path.endswith("/") else site_path + "/"
        context["nnref_logo_svg"] = Path(config.docs_dir, LOGO).read_text(encoding="utf-8")
    return context
