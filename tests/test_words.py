"""The word catalog (nnref.words): one home for every sentence nnref writes, in both languages."""

from __future__ import annotations

import string

import pytest
from site_tools import run_snippets

from nnref.glossary import find_banned, get
from nnref.words import CATALOG, count_words, fill, particle, t

# The site's own page words (docs/snippets/words.py) follow the same rules as the library's.
PAGE_WORDS = run_snippets("words.py")["PAGE_WORDS"]
ENTRIES = {**{f"nnref:{key}": entry for key, entry in CATALOG.items()},
           **{f"page:{key}": entry for key, entry in PAGE_WORDS.items()}}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_every_entry_has_both_languages_the_same_fields_and_glossary_terms(key):
    entry = ENTRIES[key]
    assert set(entry) == {"ko", "en"}
    plain = {lang: {f for f in _fields(entry[lang]) if not f.startswith("t.")} for lang in ("ko", "en")}
    assert plain["ko"] == plain["en"], key
    for lang in ("ko", "en"):
        for name in _fields(entry[lang]):
            if name.startswith("t."):
                get(name[2:])  # a glossary term (KeyError otherwise)
        assert find_banned(entry[lang], lang) == [], (key, lang)


def test_page_words_are_filled_like_the_catalog():
    page = run_snippets("words.py")
    assert page["page_text"]("xor_loss_fell", "ko", first="0.9", last="0.1", epochs=3) == (
        "학습 손실은 에포크 1의 0.9에서 에포크 3의 0.1로 줄었습니다.")
    assert page["page_words"]("xor", "en")["boundary"] == "decision boundary"
    assert "never" not in page["page_words"]("losses", "en")  # it has a field of its own
    with pytest.raises(KeyError, match="no page words 'nope'"):
        page["page_text"]("nope", "ko")


def test_terms_come_from_the_glossary_with_the_right_particle():
    assert fill("{t.learning_rate:은} {t.gradient:을} {t.error:이}", "ko") == "학습률은 기울기를 오차가"
    made = fill("{t.parameter:으로} {t.learning_rate:으로} {t.update:으로}", "ko")
    assert made == "매개변수로 학습률로 갱신으로"
    assert [particle(text, "은") for text in ("w1", "w2", "x3", "\\(h_{1}\\)", "E", "0.5", "x10")] == [
        "w1은", "w2는", "x3은", "\\(h_{1}\\)은", "E는", "0.5는", "x10은"]
    assert t("check_belongs", "ko", given="0.00080888", names="dE/dw1") == "0.00080888은 dE/dw1의 값입니다."


def test_counts_read_as_words_and_bad_keys_are_errors():
    assert (count_words(1, "ko"), count_words(2, "en"), count_words(11, "ko")) == ("한 개", "two", "11개")
    with pytest.raises(KeyError, match="no words 'nope'"):
        t("nope", "ko")
    with pytest.raises(ValueError, match="lang must be one of ko, en; got 'fr'"):
        t("wrote", "fr", path="x")
    with pytest.raises(ValueError, match="pair must be one of"):
        particle("오차", "의")
