"""What every built page carries and leaves out, read from the HTML of the strict build.

Diagrams are SVG already (no mermaid script, no ``pre.mermaid`` for Material to render), no
markdown-exec pyodide assets, no per-page hreflang links (Material would probe
``<link>/sitemap.xml``), notebook pages link one shared stylesheet, and every page has a
description, OpenGraph tags, an edit link and the site's own favicon. The 404 page is the one
for both languages and works on any host.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_tools import BuildResult, load_hook

EDIT_BASE = "https://github.com/nnref/nnref/edit/main/docs/"
NOTEBOOK_HTML_BUDGET = 200 * 1024


def _head(html: str) -> str:
    return html.partition("</head>")[0]


def test_the_site_has_both_languages(pages: dict[str, str]) -> None:
    assert "." in pages and "en" in pages and len(pages) > 20


def test_no_page_loads_mermaid_or_pyodide_assets(pages: dict[str, str]) -> None:
    for path, html in pages.items():
        assert "mermaid.min.js" not in html, path
        assert '<pre class="mermaid">' not in html, path  # Material would fetch mermaid from unpkg
        assert "_markdown_exec_pyodide" not in html, path


def test_mermaid_is_not_published(built_site: BuildResult) -> None:
    # Only the build uses it (docs/hooks/mermaid_svg.py).
    assert list(built_site.site_dir.rglob("mermaid.min.js")) == []


def _english(path: str) -> str:
    return "en" if path == "." else f"en/{path}"


def test_diagrams_are_inline_svg_in_a_shadow_root(pages: dict[str, str]) -> None:
    drawn = {
        path: html.count('<div class="mermaid"><template shadowrootmode="open">')
        for path, html in pages.items()
    }
    korean = {path: n for path, n in drawn.items() if n and path != "en" and not path.startswith("en/")}
    assert {"chapters/backprop", "."} <= set(korean), "pages with diagrams lost them"
    for path, count in korean.items():
        assert drawn[_english(path)] == count, path
    for path, html in pages.items():
        for svg in re.findall(r'<template shadowrootmode="open">(.*?)</template>', html, re.S):
            assert svg.startswith("<style>") and "<svg" in svg, path
            assert "var(--md-mermaid-node-bg-color)" in svg and "Syntax error" not in svg, path


def test_no_page_head_has_hreflang_links(pages: dict[str, str]) -> None:
    for path, html in pages.items():
        assert 'rel="alternate"' not in _head(html), path
        # The header's language switcher still leads to the same page in the other language.
        assert 'class="md-select__link"' in html and 'hreflang="en"' in html, path


def test_sitemap_keeps_the_translations(built_site: BuildResult) -> None:
    sitemap = (built_site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="en" href="https://nnref.github.io/nnref/en/chapters/backprop/"' in sitemap


def test_every_page_has_a_description_opengraph_and_an_edit_link(pages: dict[str, str]) -> None:
    for path, html in pages.items():
        head = _head(html)
        description = re.search(r'<meta name="description" content="([^"]+)">', head)
        assert description and len(description.group(1)) > 20, path
        assert f'<meta property="og:description" content="{description.group(1)}">' in head, path
        assert '<meta property="og:title" content="' in head, path
        locale = "en_US" if path.startswith("en") else "ko_KR"
        assert f'<meta property="og:locale" content="{locale}">' in head, path
        assert re.search(rf'<a href="{re.escape(EDIT_BASE)}[^"]+\.(?:md|ipynb)"[^>]*rel="edit"', html), path
        assert '<link rel="icon" href="' in head and 'nnref-logo.svg">' in head, path


def test_descriptions_differ_between_pages(pages: dict[str, str]) -> None:
    descriptions = [
        re.search(r'<meta name="description" content="([^"]+)">', html).group(1) for html in pages.values()
    ]
    assert len(set(descriptions)) > len(descriptions) // 2


def test_no_api_github_call(pages: dict[str, str]) -> None:
    # repo_url would make Material fetch stars and forks from api.github.com on every view.
    for path, html in pages.items():
        # (The page's date line, md-source-file, is not that widget.)
        assert 'data-md-component="source"' not in html and 'class="md-source"' not in html, path


def test_notebook_pages_share_one_stylesheet(built_site: BuildResult, pages: dict[str, str]) -> None:
    notebooks = {path: html for path, html in pages.items() if "/notebooks/" in f"/{path}/"}
    assert len(notebooks) >= 8
    sheets = set()
    for path, html in notebooks.items():
        assert len(html.encode()) <= NOTEBOOK_HTML_BUDGET, (path, len(html.encode()))
        assert '<style type="text/css">' not in html, path
        found = re.findall(
            r'<link rel="stylesheet" href="((?:\.\./)+assets/notebook-[0-9a-f]{12}\.css)">', html
        )
        assert len(found) == 1, path
        sheets.add(Path(built_site.site_dir, path, found[0]).resolve())
    assert len(sheets) == 1
    (sheet,) = sheets
    assert ".jupyter-wrapper" in sheet.read_text(encoding="utf-8")


def test_404_page_is_bilingual_and_host_independent(built_site: BuildResult) -> None:
    html = (built_site.site_dir / "404.html").read_text(encoding="utf-8")
    assert html.startswith('<!doctype html>\n<html lang="ko">')
    assert "페이지를 찾을 수 없습니다" in html and "Page not found" in html
    # No absolute link to the published path, nothing loaded from anywhere.
    assert not re.search(r'(?:href|src)="/', html)
    assert re.findall(r"\bsrc=", html) == []
    assert [link[:34] for link in re.findall(r"<link\b[^>]*>", html)] == [
        '<link rel="icon" href="data:image/'
    ]
    assert 'data-nnref-root="en/"' in html


def test_first_paragraph_skips_math_code_and_classed_paragraphs() -> None:
    first_paragraph = load_hook("page_head").first_paragraph
    html = (
        '<p class="nnref-notebook-download"><a href="x.ipynb">Download</a></p>'
        '<p>With <span class="arithmatex">\\(x\\)</span> math, long enough to be a description</p>'
        "<p>Too short.</p>"
        "<p>The <strong>first</strong> plain &amp; readable paragraph, with <code>nnref</code>.</p>"
    )
    assert first_paragraph(html) == "The first plain & readable paragraph, with nnref."
    assert first_paragraph("<p>" + "가나다 " * 100 + "</p>", limit=30) == "가나다 " * 6 + "가나다…"
    assert first_paragraph("<h1>No paragraph</h1>") is None
