"""MkDocs hook: one search index per language, and the glossary's other spellings findable.

Material's search serves one ``search/search_index.json`` to every page, and mkdocs-static-i18n
fills it with both languages (English results on the Korean site and the reverse). Korean search
matches prefixes of words, so it misses spellings that readers use: the unspaced compounds
(경사하강법 for 경사 하강법, 한글 맞춤법 제50항 allows both) and the other words of the glossary.
DESIGN.md ("Search") describes the fix measured on a copy of the site; this hook is it.

1. ``on_post_page`` (English pages): the page's search configuration points at the English site
   root (``en/``) instead of the site root, so the English pages load ``en/search/...``. Result
   links are relative to that root, which is also where the English index's locations start.
2. ``on_post_build``, once every language is built and static-i18n has written its merged
   index (mkdocs.yml sets ``reconfigure_search: false``, so nothing was deduplicated away): the
   entries are split by language into ``search/search_index.json`` (Korean, the site root) and
   ``en/search/search_index.json`` (English, locations relative to ``en/``). Each entry gets two
   fields the reader never sees, ``title_spellings`` and ``text_spellings``: for every glossary
   term its title or text uses, the term's other spellings (:meth:`nnref.glossary.Term.spellings`),
   once per use, weighted like the title and the text. Material's search worker indexes every
   field the index's ``config.fields`` names, and a query searches them all.

The separator (mkdocs.yml, ``plugins.search.separator``) splits words at brackets and
punctuation too, so ``역전파(backpropagation)의`` yields ``backpropagation``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from nnref.glossary import search_spellings

LANGS = ("ko", "en")
# The API reference's entries keep their names and first sentences only: its full docstrings
# (doctests included) were a quarter of the index that every page fetches on its first visit.
API_REFERENCE = "reference/api/"
SUMMARY_CHARS = 200
# So do the chapters' exercise sections (generated questions and solutions, numbers mostly).
EXERCISES_HEADINGS = ("연습 문제", "Exercises")
# Formulas' LaTeX source (\( \), \[ \]) is left out of every entry: no reader searches for
# "\frac{1}{1 + e^{- z_{1}}}", and it was a sixth of the index.
_MATH = re.compile(r"\\\((?:.|\n)*?\\\)|\\\[(?:.|\n)*?\\\]")
# A notebook's code cell is indexed twice by mkdocs-jupyter (as <pre> and as plain text, which
# stays), each with its prompt ("In [3]: Copied!", "Out[3]:"): the copies and prompts go.
NOTEBOOKS = "notebooks/"
_NOTEBOOK_NOISE = re.compile(r"<pre>(?:.|\n)*?</pre>|\b(?:In|Out) ?\[\d*\]: (?:Copied! )?")
DEFAULT = "ko"  # at the site root; every other language under <lang>/
INDEX = Path("search") / "search_index.json"
# Field weights: a spelling found in a title counts like the title, one in the text like the text.
SPELLING_FIELDS = {"title_spellings": "title", "text_spellings": "text"}
# No stemmer, stop words or trimmer in either language. Material appends "*" to query words and
# lunr runs no pipeline on such prefix queries, so a stemmed index ("backpropag") would never
# match the prefix "backpropagation*"; prefix matching also finds a Korean word with its
# particles (역전파 finds 역전파를) and an English word with its endings (update, updates).
PIPELINE: list[str] = []
MAX_REPEATS = 10  # a term used more often than this weighs no more

_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _lang_of(location: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in LANGS and first != DEFAULT else DEFAULT


@cache
def _term_patterns(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern of a term as pages write it, its other spellings joined) for every glossary term.

    Korean terms match inside words (particles attach: 경사 하강법으로) and with or without
    their spaces; English terms match whole words, any case, a space or hyphen between words.
    """
    patterns = []
    for word, spellings in search_spellings(lang).items():
        parts = [re.escape(part) for part in re.split(r"[\s-]+", word)]
        if lang == "ko":
            pattern = re.compile(r"\s*".join(parts))
        else:
            pattern = re.compile(r"\b" + r"[\s-]?".join(parts) + r"\b", re.IGNORECASE)
        patterns.append((pattern, " ".join(spellings)))
    return tuple(patterns)


def spellings_for(text: str, lang: str) -> str:
    """The other spellings of every glossary term in ``text`` (HTML allowed), once per use.

    >>> spellings_for("<p>경사 하강법으로 손실 함수를 줄입니다.</p>", "ko")
    '손실함수 로스 함수 로스함수 경사하강법 기울기 하강법 그래디언트 디센트'
    >>> spellings_for("Cross-entropy and cross entropy", "en")
    'cross entropy cross entropy'
    """
    plain = _TAG.sub(" ", text)
    found = []
    for pattern, spellings in _term_patterns(lang):
        found += [spellings] * min(len(pattern.findall(plain)), MAX_REPEATS)
    return " ".join(found)


def searchable(text: str) -> str:
    """``text`` without its formulas' LaTeX source.

    >>> searchable(r"<p>the error \\(E = \\frac{1}{2}\\) falls</p>")
    '<p>the error falls</p>'
    """
    return re.sub(r" {2,}", " ", _MATH.sub(" ", text))


def notebook_text(text: str) -> str:
    """A notebook entry's text without the second copy of each code cell and the prompts.

    >>> notebook_text("<p>Set up.</p> In [1]: Copied! <pre>net = Network()</pre> net = Network() Out[1]: 0.5")
    '<p>Set up.</p> net = Network() 0.5'
    """
    return re.sub(r" {2,}", " ", _NOTEBOOK_NOISE.sub(" ", text)).strip()


def summary(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence of ``text`` (at most ``limit`` characters, cut at a word).

    >>> summary("<p>The error E. It is the sum.</p>"), summary("one two three", 9)
    ('<p>The error E.</p>', 'one two…')
    """
    plain = re.sub(r"\s+", " ", text).strip()
    end = re.search(r"[.!?](?=\s|</p>|$)", plain)
    short = plain[: end.end()] if end else plain
    if len(short) > limit:
        short = short[:limit].rsplit(" ", 1)[0] + "…"
    return short + ("</p>" if short.startswith("<p>") and not short.endswith("</p>") else "")


def language_index(merged: dict[str, Any], lang: str) -> dict[str, Any]:
    """The entries of one language from static-i18n's merged index, with the spelling fields.

    >>> fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}
    >>> merged = {"config": {"lang": ["en", "ko"], "fields": fields},
    ...           "docs": [{"location": "a/", "title": "역전파", "text": ""},
    ...                    {"location": "en/a/", "title": "Backpropagation", "text": "mini batch"}]}
    >>> english = language_index(merged, "en")
    >>> [(d["location"], d["title_spellings"], d["text_spellings"]) for d in english["docs"]]
    [('a/', 'back-propagation back propagation backward pass', 'mini batch')]
    >>> english["config"]["lang"], english["config"]["fields"]["text_spellings"]
    (['en'], {'boost': 1.0})
    >>> language_index(merged, "ko")["docs"][0]["title_spellings"]
    '백프로파게이션 역방향 전파 역전달 오차 역전파 전파'
    """
    config = dict(merged["config"])
    fields = dict(config["fields"])
    for field, like in SPELLING_FIELDS.items():
        fields[field] = dict(fields[like])
    config.update(fields=fields, pipeline=PIPELINE, lang=[lang])
    prefix = "" if lang == DEFAULT else f"{lang}/"
    docs = []
    for entry in merged["docs"]:
        if _lang_of(entry["location"]) != lang:
            continue
        doc = dict(entry, location=entry["location"][len(prefix):])
        doc["text"] = searchable(doc.get("text", ""))
        if doc["location"].startswith(NOTEBOOKS):
            doc["text"] = notebook_text(doc["text"])
        if doc["location"].startswith(API_REFERENCE) or doc.get("title") in EXERCISES_HEADINGS:
            doc["text"] = summary(doc["text"])
        for field, like in SPELLING_FIELDS.items():
            # Only when there is something: Material's worker highlights every field a query
            # matched, and an empty one shares nothing it could highlight.
            found = spellings_for(entry.get(like, ""), lang)
            if found:
                doc[field] = found
        docs.append(doc)
    return {**merged, "config": config, "docs": docs}


def _i18n_is_building_another_language(config: MkDocsConfig) -> bool:
    # static-i18n builds the other languages from inside its own on_post_build; this hook's
    # on_post_build runs at the end of each of those builds too, before the merged index exists.
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


def _current_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", DEFAULT) or DEFAULT


@event_priority(-200)  # after static-i18n (-100), which writes the merged index last
def on_post_build(config: MkDocsConfig) -> None:
    if _i18n_is_building_another_language(config):
        return
    site = Path(config.site_dir)
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for lang in LANGS:
        target = site / ("" if lang == DEFAULT else lang) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        index = language_index(merged, lang)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = _current_language(config)
    if lang == DEFAULT:
        return output

    def rebase(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        # "../../.." from en/chapters/xor/ is the site root; the English root is one level down.
        settings["base"] = settings["base"].rstrip("/") + f"/{lang}/"
        return match.group(1) + json.dumps(settings) + match.group(3)

    return _CONFIG_SCRIPT.sub(rebase, output, count=1)
