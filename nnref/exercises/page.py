r"""The exercises of a chapter page: one element per exercise that a page's script can check.

Each exercise is a ``<div class="nnref-exercise">`` (Markdown inside, through md_in_html) with

- ``data-exercise``: the problem as JSON (:attr:`Exercise.data`: the givens in the command
  line's option names, ``ask`` and ``places``);
- ``data-answer``: the expected answer as written at the stated decimals;
- ``data-others``: ``[{"name", "latex", "value"}, ...]``, the problem's other quantities at the
  same decimals, so that the script can say whose number a wrong answer is without computing;

and inside it an input (two radio buttons for a yes/no question), a Check button, a result line
and the solution folded in ``<details>``. The section carries the words the script prints
(``data-messages``), in the page's language. docs/javascripts/exercises.js does the checking.

>>> html = section_markdown("epochs-batches", "en", count=1, seed=0)
>>> 'data-answer="106"' in html and "<details" in html and ">Check</button>" in html
True
"""

from __future__ import annotations

import json
from html import escape

from nnref.exercises.chapters import generate
from nnref.exercises.model import Exercise
from nnref.exercises.words import say, template
from nnref.render.fmt import paragraphs

__all__ = ["PAGE_COUNT", "PAGE_SEED", "exercise_markdown", "section_markdown"]

PAGE_COUNT = 3  # exercises per chapter page
PAGE_SEED = 0

_MESSAGES = (
    "mark_right",
    "mark_wrong",
    "mark_belongs",
    "mark_places",
    "mark_empty",
    "mark_not_number",
    "mark_choose",
)


def _attribute(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return escape(text, quote=True)


def _controls(exercise: Exercise, element_id: str) -> str:
    lang = exercise.lang
    if exercise.is_choice:
        inputs = "".join(
            f'<label class="nnref-exercise__choice"><input type="radio" name="{element_id}-choice" '
            f'value="{escape(value)}"> {escape(label)}</label>'
            for value, label in exercise.choices
        )
    else:
        inputs = (
            f'<label class="nnref-exercise__label" for="{element_id}-input">'
            f"{say('your_answer', lang)}</label>"
            f'<input class="nnref-exercise__input" id="{element_id}-input" type="text" autocomplete="off" '
            'autocapitalize="off" spellcheck="false">'
        )
    return (
        f'<div class="nnref-exercise__check">{inputs}'
        f'<button class="md-button nnref-exercise__button" type="button">'
        f"{say('check', lang)}</button></div>\n"
        '<p class="nnref-exercise__result" aria-live="polite"></p>'
    )


def exercise_markdown(exercise: Exercise, number: int) -> str:
    """One exercise as the page's Markdown (HTML with Markdown inside)."""
    element_id = f"exercise-{exercise.chapter}-{number}"
    others = [{"name": o.name, "latex": o.latex, "value": o.value} for o in exercise.others]
    opening = (
        f'<div class="nnref-exercise" markdown="1" '
        f'data-exercise="{_attribute(exercise.data)}" data-answer="{_attribute(exercise.answer)}" '
        f'data-others="{_attribute(others)}">'
    )
    title = f'<p class="nnref-exercise__title">{say("exercise", exercise.lang, number=number)}</p>'
    solution = (
        f'<details class="nnref-exercise__solution note" markdown="1">\n'
        f"<summary>{say('solution', exercise.lang)}</summary>\n\n{exercise.solution}\n\n</details>"
    )
    return "\n\n".join(
        (opening, title, exercise.question, _controls(exercise, element_id), solution, "</div>")
    )


def section_markdown(chapter: str, lang: str, count: int = PAGE_COUNT, seed: int = PAGE_SEED) -> str:
    """A chapter page's exercises (the same problems in both languages: one seed)."""
    messages = {key.removeprefix("mark_"): template(key, lang) for key in _MESSAGES}
    exercises = generate(chapter, count, seed, lang)
    items = [exercise_markdown(exercise, number) for number, exercise in enumerate(exercises, start=1)]
    opening = f'<div class="nnref-exercises" markdown="1" data-messages="{_attribute(messages)}">'
    return paragraphs(say("page_intro", lang), opening, *items, "</div>") + "\n"
