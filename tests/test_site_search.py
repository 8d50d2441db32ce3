"""Search as a reader uses it: queries typed into the real search box of each language's site.

docs/hooks/search_i18n.py gives each language its own index and adds the glossary's other
spellings of the terms an entry uses; mkdocs.yml's separator splits words at brackets. What must
hold (issue 14, the reading review's queries):

- a Korean query finds the chapter that teaches it among the first three pages, and never an
  English page: the unspaced compounds (경사하강법, 교차엔트로피, 손실함수, 활성화함수), other
  accepted spellings of glossary terms (에폭, 오버피팅, ...), the English word inside
  ``역전파(backpropagation)의``;
- an English query finds its chapter among the first three pages, and never a Korean page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from site_tools import BuildResult, block_other_hosts, lang_prefix, load_hook, search_result_pages

# (query, page that teaches it), site paths without the language prefix.
KOREAN_QUERIES = [
    ("역전파", "chapters/backprop/"),
    ("오차 역전파", "chapters/backprop/"),
    ("전파", "chapters/backprop/"),
    ("경사하강법", "chapters/gradient-descent/"),
    ("교차엔트로피", "chapters/losses/"),
    ("손실함수", "chapters/losses/"),
    ("활성화함수", "chapters/activations/"),
    ("연쇄법칙", "chapters/backprop/"),
    ("시그모이드함수", "chapters/activations/"),
    ("backpropagation", "chapters/backprop/"),  # only inside "역전파(backpropagation)"
    ("에폭", "chapters/epochs-batches/"),
    ("오버피팅", "chapters/epochs-batches/"),
    ("학습율", "chapters/gradient-descent/"),
    ("렐루", "chapters/activations/"),
]
ENGLISH_QUERIES = [
    ("chain rule", "chapters/backprop/"),
    ("backpropagation", "chapters/backprop/"),
    ("back propagation", "chapters/backprop/"),
    ("gradient descent", "chapters/gradient-descent/"),
    ("learning rate", "chapters/gradient-descent/"),
    ("cross entropy", "chapters/losses/"),
    ("overfitting", "chapters/epochs-batches/"),
]
TOP = 3


def result_pages(page: Any, site_url: str, lang: str, query: str) -> list[str]:
    """``query`` typed into the search box of the ``lang`` home page: the result pages in order."""
    return search_result_pages(page, site_url + lang_prefix(lang), query)


@pytest.fixture(scope="module")
def search_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []
    block_other_hosts(context, blocked)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert blocked == []


@pytest.mark.parametrize(("query", "expected"), KOREAN_QUERIES)
def test_korean_query_finds_its_chapter_and_no_english_page(
    search_page: Any, site_url: str, query: str, expected: str
) -> None:
    pages = result_pages(search_page, site_url, "ko", query)
    assert expected in pages[:TOP], f"{query!r}: {pages[:8]}"
    assert [p for p in pages if p.startswith("en/")] == []


@pytest.mark.parametrize(("query", "expected"), ENGLISH_QUERIES)
def test_english_query_finds_its_chapter_and_no_korean_page(
    search_page: Any, site_url: str, query: str, expected: str
) -> None:
    pages = result_pages(search_page, site_url, "en", query)
    assert "en/" + expected in pages[:TOP], f"{query!r}: {pages[:8]}"
    assert [p for p in pages if not p.startswith("en/")] == []


def test_each_language_has_its_own_index_with_the_api_reference_once(built_site: BuildResult) -> None:
    for lang in ("ko", "en"):
        index_file = built_site.site_dir / lang_prefix(lang) / "search" / "search_index.json"
        index = json.loads(index_file.read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert index["config"]["lang"] == [lang]
        # The API reference once per language (static-i18n's merged index had it twice). Other
        # repeated locations are the Korean notebooks' headings with empty ids (review V5).
        reference = [location for location in locations if location.startswith("reference/")]
        assert "reference/api/#nnref.network.Network" in reference
        assert len(reference) == len(set(reference))
        assert not any(location.startswith("en/") for location in locations)  # relative to its root
        assert {"title_spellings", "text_spellings"} <= set(index["config"]["fields"])


# -- the hook's own logic, without a build --------------------------------------------------------

HOOK = load_hook("search_i18n")


def test_an_entry_gets_the_spellings_of_the_terms_it_uses_once_per_use() -> None:
    spellings = HOOK.spellings_for("<p>경사 하강법으로 <code>w</code>를 줄입니다.</p>", "ko").split()
    assert spellings.count("경사하강법") == 1 and "그래디언트" in spellings  # with its particle attached
    assert HOOK.spellings_for("<h2>손실 함수</h2> 손실 함수를", "ko").split().count("손실함수") == 2
    assert HOOK.spellings_for("자동 미분", "ko") == "자동미분"  # the wrong word 자동 차별화 is never offered
    assert HOOK.spellings_for("Cross-entropy", "en") == "cross entropy"
    assert HOOK.spellings_for("no glossary term here", "en") == ""


def test_the_merged_index_splits_by_language() -> None:
    merged = {
        "config": {"lang": ["ko"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "", "title": "홈", "text": ""},
            {"location": "#a", "title": "학습률", "text": ""},
            {"location": "en/", "title": "Home", "text": ""},
            {"location": "en/chapters/x/#b", "title": "Learning rate", "text": "learning rates"},
        ],
    }
    korean, english = HOOK.language_index(merged, "ko"), HOOK.language_index(merged, "en")
    assert [d["location"] for d in korean["docs"]] == ["", "#a"]
    assert [d["location"] for d in english["docs"]] == ["", "chapters/x/#b"]
    assert korean["docs"][1]["title_spellings"] == "러닝 레이트 러닝레이트 학습율"
    assert english["config"]["pipeline"] == [] and english["config"]["lang"] == ["en"]
    assert korean["config"]["fields"]["title_spellings"] == {"boost": 1000.0}
    assert merged["config"]["fields"] == {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}  # not mutated


def test_english_pages_look_for_their_index_under_en() -> None:
    page_html = '<script id="__config" type="application/json">{"base": "../../..", "search": "w"}</script>'
    i18n = SimpleNamespace(current_language="en", building=True)
    config = SimpleNamespace(plugins={"i18n": i18n})
    rebased = HOOK.on_post_page(page_html, None, config)
    assert '"base": "../../../en/"' in rebased and '"search": "w"' in rebased
    i18n.current_language = "ko"
    assert HOOK.on_post_page(page_html, None, config) == page_html
