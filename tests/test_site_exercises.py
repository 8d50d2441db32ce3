"""The exercises on the built chapter pages: what each element carries, every answer recomputed
independently from its data-exercise, and a reader checking answers in a real browser.

The browser part drives Debian's chromium with every other host blocked (as test_site_browser.py
does). Set ``NNREF_SCREENSHOTS=<dir>`` to keep screenshots of an exercise before and after
checking, in both languages, at phone (390 px) and desktop (1280 px) width.
"""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from exercise_reference import answer, network_quantities, rounded
from site_tools import DOCS, BuildResult, block_other_hosts

CHAPTERS = sorted(p.name.split(".")[0] for p in (DOCS / "chapters").glob("*.ko.md"))
WORDS = {"ko": ("확인", "풀이", "연습 문제"), "en": ("Check", "Solution", "Exercises")}


class _Exercises(HTMLParser):
    """Each ``.nnref-exercise`` element's attributes, and the inputs, buttons and summaries inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, Any]] = []
        self.headings: list[str] = []
        self._depth = 0  # open <div>s inside the current exercise
        self._text: list[str] | None = None
        self._heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "h2":
            self._heading, self._text = True, []
        if tag == "div" and "nnref-exercise" in (attributes.get("class") or "").split():
            self.found.append(
                {"attrs": attributes, "inputs": [], "buttons": [], "summaries": [], "details": 0}
            )
            self._depth = 1
            return
        if not self._depth:
            return
        current = self.found[-1]
        if tag == "div":
            self._depth += 1
        elif tag == "input":
            current["inputs"].append(attributes.get("type"))
        elif tag in ("button", "summary"):
            self._text = []
        elif tag == "details":
            current["details"] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._heading:
            self.headings.append("".join(self._text or []).strip())
            self._heading, self._text = False, None
        if not self._depth:
            return
        if tag == "div":
            self._depth -= 1
        elif tag in ("button", "summary") and self._text is not None:
            self.found[-1]["buttons" if tag == "button" else "summaries"].append("".join(self._text).strip())
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def _page_exercises(built_site: BuildResult, chapter: str, lang: str) -> _Exercises:
    root = built_site.site_dir if lang == "ko" else built_site.site_dir / "en"
    parser = _Exercises()
    parser.feed((root / "chapters" / chapter / "index.html").read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site_exercises(built_site: BuildResult) -> dict[tuple[str, str], _Exercises]:
    assert built_site.returncode == 0, built_site.output[-4000:]
    return {(c, lang): _page_exercises(built_site, c, lang) for c in CHAPTERS for lang in ("ko", "en")}


def test_every_chapter_page_ends_with_three_checkable_exercises(site_exercises) -> None:
    assert len(CHAPTERS) == 8
    for (chapter, lang), page in site_exercises.items():
        check, solution, heading = WORDS[lang]
        assert page.headings[-1].startswith(heading), (chapter, lang, page.headings[-1:])
        assert len(page.found) >= 3, (chapter, lang)
        for exercise in page.found:
            data = json.loads(exercise["attrs"]["data-exercise"])
            assert data["chapter"] == chapter and "ask" in data and "places" in data
            assert exercise["attrs"]["data-answer"]
            assert exercise["inputs"] in (["text"], ["radio", "radio"])
            assert exercise["buttons"] == [check]
            assert exercise["summaries"] == [solution] and exercise["details"] == 1


def test_every_answer_on_the_site_equals_an_independent_computation(site_exercises) -> None:
    # Backpropagation answers through tests/mp_reference.py (plain mpmath), never derive().
    network_answers = 0
    for page in site_exercises.values():
        for exercise in page.found:
            data = json.loads(exercise["attrs"]["data-exercise"])
            assert answer(data) == exercise["attrs"]["data-answer"], data
            network_answers += "sizes" in data and data["activation"] != "step"
    assert network_answers >= 2 * 6  # backprop 3, gradient descent 2, networks 1; both languages


def test_the_values_that_name_a_wrong_answer_are_right(site_exercises) -> None:
    checked = 0
    for page in site_exercises.values():
        for exercise in page.found:
            data = json.loads(exercise["attrs"]["data-exercise"])
            if "sizes" not in data or data["activation"] == "step":
                continue
            reference = network_quantities(data)
            for other in json.loads(exercise["attrs"]["data-others"]):
                if other["name"] in reference:
                    assert rounded(reference[other["name"]], data["places"]) == other["value"], other
                    checked += 1
    assert checked > 100


def test_both_languages_show_the_same_problems(site_exercises) -> None:
    for chapter in CHAPTERS:
        ko, en = site_exercises[(chapter, "ko")].found, site_exercises[(chapter, "en")].found
        assert [e["attrs"]["data-exercise"] for e in ko] == [e["attrs"]["data-exercise"] for e in en]


# -- in the browser --------------------------------------------------------------------------------


def _tab(browser: Any, width: int, blocked: list[str], errors: list[str]) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 1000})
    block_other_hosts(context, blocked)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page


def _open(page: Any, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(".nnref-exercise .katex", state="attached")


def _shot(exercise: Any, name: str) -> None:
    folder = os.environ.get("NNREF_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        exercise.screenshot(path=str(Path(folder) / name))


def _result(exercise: Any) -> tuple[str, str]:
    return exercise.get_attribute("data-state"), exercise.locator(".nnref-exercise__result").inner_text()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_reader_checks_a_right_and_a_wrong_answer(browser: Any, site_url: str, lang: str) -> None:
    blocked: list[str] = []
    errors: list[str] = []
    page = _tab(browser, 1280, blocked, errors)
    try:
        _open(page, site_url + ("" if lang == "ko" else "en/") + "chapters/gradient-descent/")
        exercise = page.locator(".nnref-exercise").first  # a parameter after one gradient-descent step
        others = json.loads(exercise.get_attribute("data-others"))
        other = next(o for o in others if o["name"].startswith("dE/d"))  # its gradient, or another one
        field = exercise.locator("input")
        for width in (1280, 390):  # desktop, then phone
            page.set_viewport_size({"width": width, "height": 1000})
            field.fill("")
            exercise.locator(".nnref-exercise__result").evaluate("e => e.replaceChildren()")
            exercise.scroll_into_view_if_needed()
            _shot(exercise, f"exercise-{lang}-{width}-before.png")

            field.fill(other["value"])  # a gradient's value for the updated weight: wrong, and whose
            exercise.locator("button").click()
            state, text = _result(exercise)
            assert state == "wrong"
            assert text.startswith("✗ " + ("틀렸습니다." if lang == "ko" else "Not right."))
            assert ("의 값입니다" if lang == "ko" else "is the value of") in text
            # The page loads KaTeX only now, for the quantity's name (docs/javascripts/exercises.js).
            exercise.locator(".nnref-exercise__result .katex annotation").first.wait_for(state="attached")
            tex = exercise.locator(".nnref-exercise__result annotation").evaluate_all(
                "a => a.map(e => e.textContent)"
            )
            assert other["latex"] in tex
            _shot(exercise, f"exercise-{lang}-{width}-wrong.png")

            field.fill("12345")  # no quantity of the problem: wrong, and nothing more to say
            field.press("Enter")
            state, text = _result(exercise)
            assert state == "wrong" and ("의 값입니다" not in text and "is the value of" not in text)

            field.fill(exercise.get_attribute("data-answer"))
            exercise.locator("button").click()
            assert _result(exercise) == ("right", "✓ " + ("맞습니다." if lang == "ko" else "Right."))
            _shot(exercise, f"exercise-{lang}-{width}-right.png")
        exercise.locator("summary").click()  # the solution's math is typeset on opening
        exercise.locator("details .katex").first.wait_for(state="attached")
        assert exercise.locator("details .katex").count() > 3
        assert exercise.locator("details .arithmatex:not(:has(.katex))").count() == 0
        _shot(exercise, f"exercise-{lang}-390-solution.png")
    finally:
        page.context.close()
    assert blocked == [] and errors == []


def test_a_yes_no_exercise_and_a_typing_slip(browser: Any, site_url: str) -> None:
    blocked: list[str] = []
    errors: list[str] = []
    page = _tab(browser, 1280, blocked, errors)
    try:
        _open(page, site_url + "en/chapters/xor/")
        choice = page.locator(".nnref-exercise", has=page.locator("input[type=radio]")).first
        right = choice.get_attribute("data-answer")
        wrong = "no" if right == "yes" else "yes"
        choice.locator("button").click()
        assert _result(choice) == ("", "Choose yes or no first.")
        choice.locator(f"input[value={wrong}]").check()
        choice.locator("button").click()
        assert _result(choice) == ("wrong", "✗ Not right.")
        choice.locator(f"input[value={right}]").check()
        choice.locator("button").click()
        assert _result(choice) == ("right", "✓ Right.")

        _open(page, site_url + "en/chapters/activations/")
        number = page.locator(".nnref-exercise").first
        number.locator("input").fill("0,5")
        number.locator("button").click()
        assert _result(number) == ("", "Type a number, such as 0.1234 or -1.5.")
        places = json.loads(number.get_attribute("data-exercise"))["places"]
        number.locator("input").fill("7")  # wrong, and not written to the asked decimals
        number.locator("button").click()
        assert _result(number)[1].endswith(f"Round the answer to {places} decimal places.")
    finally:
        page.context.close()
    assert blocked == [] and errors == []
