"""The backpropagation chapter, the derive-your-own guide and the worked-example notebook.

Built-site tests reuse the session's strict build (``built_site`` in conftest.py); every expected
number comes from nnref or from the package's reference file, never typed here. The snippet tests
run the page code directly (fast) and check the facts the pages' prose states.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from site_tools import DOCS, BuildResult, run_snippets

from nnref.data import load_reference
from nnref.examples import derive_example, published_values
from nnref.render.steps import traces as steps_traces

SNIPPETS = DOCS / "snippets"
BACKPROP_PAGES = {"ko": "chapters/backprop/index.html", "en": "en/chapters/backprop/index.html"}
DERIVE_PAGES = {"ko": "guide/derive/index.html", "en": "en/guide/derive/index.html"}
NOTEBOOK_PAGES = {
    "ko": "notebooks/backprop-worked-example/index.html",
    "en": "en/notebooks/backprop-worked-example/index.html",
}
MATCH_HEADER = {"ko": "일치", "en": "Match"}


class _Tables(HTMLParser):
    """Every <table> of a page as a list of rows, each a list of cell texts (header row first)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def comparison_rows(html: str, lang: str) -> list[list[str]]:
    """The body rows of the page's comparison table (the one whose last header is the match column)."""
    found = [t for t in tables(html) if t and t[0] and t[0][-1] == MATCH_HEADER[lang] and "nnref" in t[0]]
    assert len(found) == 1, f"expected one comparison table, found {len(found)}"
    return found[0][1:]


def _page(site: BuildResult, path: str) -> str:
    file = site.site_dir / path
    assert file.is_file(), f"{path} was not built"
    return file.read_text(encoding="utf-8")


def _load_module(relative: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"nnref_snippet_{Path(relative).stem}", SNIPPETS / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the parser itself ------------------------------------------------------------------------------


def test_table_parser_reads_cells_and_finds_the_comparison_table() -> None:
    html = (
        "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<table><tr><th>Value</th><th>Published</th><th>nnref</th><th>Match</th></tr>"
        "<tr><td><span>z</span>1</td><td>0.1</td><td>0.1</td><td>✓</td></tr></table>"
    )
    assert tables(html)[0] == [["a", "b"], ["1", "2"]]
    assert comparison_rows(html, "en") == [["z1", "0.1", "0.1", "✓"]]
    with pytest.raises(AssertionError):
        comparison_rows(html, "ko")


# -- the built backpropagation pages ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_backprop_page_shows_the_chain_factors_of_w5(built_site: BuildResult, lang: str) -> None:
    html = _page(built_site, BACKPROP_PAGES[lang])
    tr = derive_example()
    factors = [f"{tr.decimal(step.label):f}" for step in tr.chain("w5")]
    assert len(factors) == 3
    assert r" \times ".join(factors) in html
    assert f"{tr.decimal('dE/dw5'):f}" in html
    for step in tr.chain("w5"):
        assert step.latex in html.replace("&amp;", "&")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_backprop_page_shows_every_published_value(built_site: BuildResult, lang: str) -> None:
    html = _page(built_site, BACKPROP_PAGES[lang])
    published = load_reference("wikidocs-07-05")["published"]
    assert len(published) == len(published_values())
    missing = [key for key, entry in published.items() if entry["value"] not in html]
    assert missing == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_backprop_comparison_table_matches_everywhere(built_site: BuildResult, lang: str) -> None:
    rows = comparison_rows(_page(built_site, BACKPROP_PAGES[lang]), lang)
    published = published_values()
    assert len(rows) == len(published)
    assert [row[1] for row in rows] == [f"{value:f}" for value in published.values()]
    assert [row[1] for row in rows] == [row[2] for row in rows]
    assert {row[-1] for row in rows} == {"✓"}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_backprop_page_links_the_notebook_and_draws_diagrams(built_site: BuildResult, lang: str) -> None:
    html = _page(built_site, BACKPROP_PAGES[lang])
    assert 'href="../../notebooks/backprop-worked-example/"' in html
    # Drawn as SVG while the site builds (docs/hooks/mermaid_svg.py).
    assert html.count('<div class="mermaid"><template shadowrootmode="open">') == 2
    assert "<svg" in html  # the several-steps plot


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_notebook_page_is_executed_html(built_site: BuildResult, lang: str) -> None:
    html = _page(built_site, NOTEBOOK_PAGES[lang])
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert 'class="jupyter-wrapper"' in html and '"cell_type"' not in html
    assert "jp-OutputArea-output" in html
    tr = derive_example()
    # Outputs computed by the kernel: the printed chain of w5, the next trace's error, the table.
    assert f"{tr.decimal('dE/dw5'):f}" in html
    assert f"{tr.next().decimal('E'):f}" in html
    assert r"\(" not in html  # Markdown outputs carry $...$ math that nbconvert keeps intact
    assert len(comparison_rows(html, lang)) == len(published_values())
    assert f'backprop-worked-example.{lang}.ipynb" download' in html


# -- the built derive-your-own pages --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_derive_page_shows_code_outputs_and_agreement(built_site: BuildResult, lang: str) -> None:
    html = _page(built_site, DERIVE_PAGES[lang])
    assert "derive" in html and "MLP" in html
    match = re.search(r"largest relative difference ([0-9.]+e[-+][0-9]+)", html)
    assert match is not None, "the NumPy comparison's output is missing"
    assert float(match.group(1)) <= 1e-12
    assert "ValueError: x[0] must be a decimal number" in html
    assert "0.1&#39; -&gt; 1/10" in html or "0.1' -&gt; 1/10" in html


# -- the page code, run directly ------------------------------------------------------------------


@pytest.fixture(scope="module")
def page() -> SimpleNamespace:
    # As the page runs it: its words (words.py) first, in one namespace.
    return SimpleNamespace(**run_snippets("words.py", "backprop/page.py"))


def test_comparison_counts_every_published_value(page: SimpleNamespace) -> None:
    assert page.comparison_counts() == (len(published_values()), len(published_values()))


def test_deltas_times_sending_values_are_the_gradients(page: SimpleNamespace) -> None:
    table, sentence = page._delta_gradients("en")
    assert len(table.rows) == len(page.EXAMPLE.network.parameters)
    assert {row[-1][0].value for row in table.rows} == {"yes"}
    assert "every one of the 8 parameters" in sentence.content[0].value
    tr = page.TRACE
    for row, name in zip(table.rows, ["w5", "w6", "w7", "w8", "w1", "w2", "w3", "w4"], strict=True):
        assert row[3][0].value == f"{tr.decimal(f'dE/d{name}'):f}"


def test_w1_typo_note(page: SimpleNamespace) -> None:
    block = page.w1_typo_block("en")
    published = published_values()
    rate, gradient, result = (str(v) for v in (page.EXAMPLE.learning_rate, published["dE_dw1"],
                                              published["w1_new"]))
    assert f"0.1 - {rate} \\times {gradient}" in block and rf"\neq {result}" in block
    assert f"{page.EXAMPLE.parameters['w1']} - {rate} \\times {gradient} = {result}" in block


def test_displayed_factors_multiply_to_a_different_last_digit(page: SimpleNamespace) -> None:
    product, exact, published = page.factor_product_facts()
    assert exact == published
    assert product != published
    assert abs(product - published) == Decimal("1e-8")


def test_o1_boundary_note(page: SimpleNamespace) -> None:
    tr = page.TRACE
    o1, shown = tr.decimal("o1", 30), tr.decimal("o1", 8)
    distance = shown + Decimal("5e-9") - o1
    assert Decimal(0) < distance < Decimal("1e-11")
    assert page.float32_o1_inline() != f"{shown:f}"
    assert f"{float(page.TRACE.decimal('o1', 30)):.8f}" == f"{shown:f}"
    assert page._scientific(distance) in page.o1_boundary_block("ko")


def test_several_steps_keep_lowering_the_error(page: SimpleNamespace) -> None:
    traces = steps_traces(page.TRACE, page.STEPS_SHOWN[-1])
    errors = [tr.decimal("E", 30) for tr in traces]
    assert all(later < earlier for earlier, later in itertools.pairwise(errors))
    table = page.several_steps_table("en")
    assert f"{traces[-1].decimal('E'):f}" in table


def test_three_way_verification_passes_and_is_reported(page: SimpleNamespace) -> None:
    report = page._report()
    assert report.ok
    assert page._scientific(Decimal(repr(report.numpy_difference))) in page.verify_summary("en")


def test_pages_reject_an_unknown_language(page: SimpleNamespace) -> None:
    with pytest.raises(ValueError, match="lang must be one of ko, en; got 'fr'"):
        page.givens_table("fr")


# -- the notebooks are what the generator writes ---------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_notebooks_are_generated_from_one_cell_list(lang: str) -> None:
    generator = _load_module("backprop/notebook.py")
    path = generator.notebook_path(lang)
    assert path.read_text(encoding="utf-8") == generator.notebook_text(lang), (
        f"{path.name} is out of date: run python3 docs/snippets/backprop/notebook.py"
    )


def test_notebooks_differ_only_in_language() -> None:
    generator = _load_module("backprop/notebook.py")
    ko, en = (json.loads(generator.notebook_text(lang)) for lang in ("ko", "en"))
    code = [["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"] for nb in (ko, en)]
    assert [s.replace("'ko'", "'en'") for s in code[0]] == code[1]
    assert sum("'ko'" in s for s in code[0]) == 1  # the plan's language, in the setup cell
    with pytest.raises(ValueError, match="lang must be one of ko, en"):
        generator.notebook_text("fr")


def test_the_site_notebook_is_what_the_command_writes(capsys) -> None:
    from nnref.cli import main

    generator = _load_module("backprop/notebook.py")
    assert main(["derive", "--example", "wikidocs-07-05", "--format", "ipynb", "--lang", "en"]) == 0
    assert capsys.readouterr().out == generator.notebook_text("en")
