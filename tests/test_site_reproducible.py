"""Plots are reproducible: a second strict build gives byte-identical SVG on every page.

Each figure is inline SVG (markdown-exec pages) or an SVG data URI (notebook outputs); a date,
a random id or an unseeded computation in any of them would make the two builds differ.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_tools import BuildResult, build_site

_INLINE_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_SVG_URI = re.compile(r"data:image/svg\+xml[^\"')\s]+")


def svg_figures(site_dir: Path) -> dict[str, list[str]]:
    """Every page's SVG figures (inline and data URI), keyed by the page's path in the site."""
    figures = {}
    for page in sorted(site_dir.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        # Matplotlib's SVGs carry <metadata>; the theme's inline icons do not.
        plots = [svg for svg in _INLINE_SVG.findall(html) if "<metadata>" in svg] + _SVG_URI.findall(html)
        if plots:
            figures[page.parent.relative_to(site_dir).as_posix()] = plots
    return figures


def test_svg_figures_finds_inline_plots_and_data_uris(tmp_path: Path) -> None:
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<div class="nnref-plot"><svg x="1"><metadata>m</metadata></svg></div>'
        '<svg class="icon"></svg><img src="data:image/svg+xml;base64,QUJD">',
        encoding="utf-8",
    )
    assert svg_figures(tmp_path) == {
        "a": ['<svg x="1"><metadata>m</metadata></svg>', "data:image/svg+xml;base64,QUJD"]
    }


def test_a_second_build_gives_byte_identical_plots(built_site: BuildResult, tmp_path: Path) -> None:
    assert built_site.returncode == 0, built_site.output
    first = svg_figures(built_site.site_dir)
    second_build = build_site(tmp_path / "site")
    assert second_build.returncode == 0, second_build.output
    second = svg_figures(second_build.site_dir)
    # Chapters with plots in both languages, and the notebooks' figures, are all covered.
    expected = {"chapters/activations", "en/chapters/activations", "chapters/xor", "notebooks/digits"}
    assert expected <= set(first)
    assert first.keys() == second.keys()
    changed = [page for page in first if first[page] != second[page]]
    assert changed == [], f"plots differ between two builds on {changed}"
