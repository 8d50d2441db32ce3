r"""Every page laid out for a reader: at desktop (1280 px) and phone (390 px) width, in a real browser.

What is checked on each page of both languages (formulas are display math, ``.katex-display``;
tables are ``table`` elements; a formula's or table's *box* is the nearest enclosing element
that clips or scrolls its overflow, or the article):

- desktop: no formula or table is wider than its box;
- phone: at most 10% of the page's formulas and tables are wider than their box, and each of
  those visibly scrolls. A box *visibly scrolls* when it is a scroll container (``overflow-x``
  auto or scroll) that paints the site's scroll cue, the edge shadows of nnref.css (gradients
  with ``background-attachment: local``): a phone hides scrollbars until the reader touches the
  box, so a bare scroll area looks cut off;
- both widths: the page itself never scrolls sideways, the smallest glyph of math inside a
  table cell is at least 9 px, and every in-page link (``#id``) has its target.

Measured on the built site (chromium 390 x 900 and 1280 x 900, both languages), the same
checks run by a script over every page: 661 problems before the reading-quality work, 440 after
it, 675 once the exercises and the playground added their pages, 165 after table cells set
fractions in display style and exponents with subscripts as exp(...) and notebook output areas
got the scroll cue; 168 on 2026-12-01 before, and 0 after: the forward tables lost their exact
column (the closed forms went to a block under the table), display lines are broken for a
phone's width (nnref.render.layout.LINE) and long table-cell formulas into aligned lines, a
derivation table stacks each row beside its node on a phone, exercises break their display
math for their box, notebook output prompts give way on a phone, and E_{o_1} in a cell is
written E_{o1}.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from site_tools import BuildResult, block_other_hosts, built_pages, lang_prefix

WIDTHS = {"desktop": 1280, "phone": 390}
PHONE_WIDE_SHARE = 0.10  # at most this share of a page's formulas and tables may need scrolling
SMALLEST_TABLE_MATH_PX = 9.0

# One pass over the open page; returns what the checks need, measured with the box scrolled to 0.
MEASURE_JS = """
() => {
  const article = document.querySelector("article.md-content__inner") || document.body;
  const boxOf = (element) => {
    for (let e = element.parentElement; e && e !== article; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== "visible") return e;
    }
    return article;
  };
  const describe = (element) => {
    // Math by its TeX (KaTeX keeps it in an annotation), the rest by its text.
    const copy = (element.closest("td, th") || element).cloneNode(true);
    copy.querySelectorAll(".katex").forEach(k => {
      const tex = k.querySelector("annotation");
      k.replaceWith(tex ? tex.textContent : k.textContent);
    });
    const text = copy.textContent.replace(/\\s+/g, " ").trim();
    const heading = [...article.querySelectorAll("h1, h2, h3")]
      .filter(h => h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    const where = heading ? heading.textContent.replace("¶", "").trim() : "top";
    return `${where} / ${text.slice(0, 60)}`;
  };
  const measured = [];
  const items = [
    ...[...article.querySelectorAll(".katex-display")].map(e => ["formula", e]),
    ...[...article.querySelectorAll("table")].map(e => ["table", e]),
  ];
  for (const [kind, element] of items) {
    if (!element.getClientRects().length) continue;  // inside a closed <details> or a hidden tab
    const box = boxOf(element);
    const style = getComputedStyle(box);
    const before = box.scrollLeft;
    box.scrollLeft = 0;
    const content = element.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    const width = Math.max(content.width, element.scrollWidth);
    const left = frame.left + box.clientLeft;
    const wide = content.left < left - 1 || content.left + width > left + box.clientWidth + 1;
    box.scrollLeft = before;
    measured.push({
      kind, wide, what: describe(element), width: Math.round(width), box: box.clientWidth,
      scrolls: ["auto", "scroll"].includes(style.overflowX),
      cue: style.backgroundAttachment.includes("local") && style.backgroundImage.includes("gradient"),
    });
  }
  let smallest = [];
  for (const cell of article.querySelectorAll("td .katex, th .katex")) {
    let least = Infinity;
    const walker = document.createTreeWalker(cell.querySelector(".katex-html") || cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // KaTeX's struts hold a zero-width space at 1 px: not a glyph anyone reads.
      if (!/[^\\s\u200b]/.test(node.textContent) || !node.parentElement.getClientRects().length) continue;
      least = Math.min(least, parseFloat(getComputedStyle(node.parentElement).fontSize));
    }
    if (least < Infinity) smallest.push({what: describe(cell), px: least});
  }
  const missing = [...document.querySelectorAll("a[href^='#']")]
    .map(a => a.getAttribute("href").slice(1))
    .filter(id => id && !document.getElementById(decodeURIComponent(id)));
  return {
    measured, smallest, missing: [...new Set(missing)],
    pageWidth: document.scrollingElement.scrollWidth, viewport: window.innerWidth,
  };
}
"""


def layout_problems(measured: dict[str, Any], width: str) -> list[str]:
    """What is wrong with one page at one width, from :data:`MEASURE_JS`'s result.

    >>> ok = {"kind": "table", "wide": False, "what": "t", "width": 300, "box": 358,
    ...       "scrolls": True, "cue": True}
    >>> wide = dict(ok, wide=True, width=500)
    >>> page = {"measured": [ok] * 9 + [wide], "smallest": [{"what": "x", "px": 12.1}], "missing": [],
    ...         "pageWidth": 390, "viewport": 390}
    >>> layout_problems(page, "phone")
    []
    >>> layout_problems(page, "desktop")
    ['table wider than its box (500 px in 358 px): t']
    >>> bare = dict(page, measured=[ok] * 9 + [dict(wide, cue=False)], missing=["_1"])
    >>> layout_problems(bare, "phone")
    ['table scrolls with no visible cue (500 px in 358 px): t', 'link to #_1, which is not on the page']
    >>> crowded = dict(page, measured=[ok] * 8 + [wide] * 2, smallest=[{"what": "e^x", "px": 5.4}])
    >>> layout_problems(crowded, "phone")  # doctest: +NORMALIZE_WHITESPACE
    ['2 of 10 formulas and tables are wider than the screen (more than 10%)',
     'math of 5.4 px in a table cell (at least 9 px): e^x']
    """
    problems = []
    wide = [m for m in measured["measured"] if m["wide"]]
    for m in wide:
        size = f"({m['width']} px in {m['box']} px): {m['what']}"
        if width == "desktop":
            problems.append(f"{m['kind']} wider than its box {size}")
        elif not (m["scrolls"] and m["cue"]):
            problems.append(f"{m['kind']} scrolls with no visible cue {size}")
    total = len(measured["measured"])
    if width == "phone" and len(wide) > PHONE_WIDE_SHARE * total:
        problems.append(
            f"{len(wide)} of {total} formulas and tables are wider than the screen"
            f" (more than {PHONE_WIDE_SHARE:.0%})"
        )
    if measured["pageWidth"] > measured["viewport"]:
        sideways = f"{measured['pageWidth']} px in {measured['viewport']} px"
        problems.append(f"the page scrolls sideways ({sideways})")
    for cell in measured["smallest"]:
        if cell["px"] < SMALLEST_TABLE_MATH_PX:
            problems.append(
                f"math of {cell['px']:.1f} px in a table cell (at least {SMALLEST_TABLE_MATH_PX:g} px): "
                f"{cell['what']}"
            )
    problems += [f"link to #{target}, which is not on the page" for target in measured["missing"]]
    return problems


def measure(page: Any, url: str) -> dict[str, dict[str, Any]]:
    """Open ``url`` once and measure it at each of :data:`WIDTHS`, its math typeset and its
    fonts in (one page view for both widths: some 130 views instead of 260).

    Markdown pages arrive typeset (docs/hooks/katex_static.py); notebooks typeset theirs before
    the load event (katex-render.js runs at DOMContentLoaded). Widths depend on KaTeX's fonts,
    which load as the layout needs them: ``document.fonts.ready``, after each resize too. No
    wait for an idle network (half a second on every view).
    """
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
    page.goto(url, wait_until="load")
    # Every block laid out at each width (nnref.css lets a long page skip the blocks far from
    # the screen, which would keep the size they had at the other width).
    page.add_style_tag(content=".md-typeset > * { content-visibility: visible !important; }")
    measured = {}
    for width, pixels in WIDTHS.items():
        page.set_viewport_size({"width": pixels, "height": 900})
        page.evaluate(
            "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
            ".then(() => document.fonts.ready)"
        )
        measured[width] = page.evaluate(MEASURE_JS)
    return measured


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Any]:
    """A browser tab that reaches nothing but the local site (its width set per measurement)."""
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    block_other_hosts(context)
    # The search index takes no part in a page's layout; parsing it on every view costs CPU.
    context.route("**/search/search_index.json", lambda route: route.abort())
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_fits_its_screen(tab: Any, site_url: str, built_site: BuildResult, lang: str) -> None:
    problems = {}
    for path in built_pages(built_site.site_dir, lang):
        for width, measured in measure(tab, site_url + lang_prefix(lang) + path).items():
            found = layout_problems(measured, width)
            if found:
                problems[f"/{lang_prefix(lang)}{path} ({width})"] = found
    assert problems == {}


def test_the_measurement_sees_a_wide_formula_a_tiny_cell_and_a_dead_link(browser: Any) -> None:
    # The checks above are only as good as MEASURE_JS: run it on a page built to fail each one.
    context = browser.new_context(viewport={"width": 390, "height": 600})
    try:
        tab = context.new_page()
        tab.set_content(
            '<article class="md-content__inner"><h2>H</h2>'
            '<div style="overflow-x:auto"><span class="katex-display" style="display:block">'
            '<span style="display:inline-block;width:900px">wide</span></span></div>'
            '<table><tr><td><span class="katex"><span class="katex-html">'
            '<span style="font-size:5px">e</span></span></span></td></tr></table>'
            '<a href="#nowhere">x</a><a href="#H-id">y</a><p id="H-id"></p></article>'
        )
        result = tab.evaluate(MEASURE_JS)
    finally:
        context.close()
    formula, table = result["measured"]
    assert (formula["kind"], formula["wide"], formula["scrolls"]) == ("formula", True, True)
    assert not formula["cue"]  # a bare scroll area: no shadows
    assert (table["kind"], table["wide"]) == ("table", False)
    assert [cell["px"] for cell in result["smallest"]] == [5.0]
    assert result["missing"] == ["nowhere"]
