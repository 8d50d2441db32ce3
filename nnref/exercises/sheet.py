r"""Problem sheets and answer keys, in Markdown or LaTeX (``nnref exercises``).

The sheet has the questions and a line for each answer; the key has the same questions with
the answer and the full solution. LaTeX is the Markdown converted by
:func:`nnref.exercises.latex.markdown_to_latex_body`, on A4 paper, with kotex for Korean; wide
tables and formulas are scaled down to the text width (``adjustbox``), and a two-column table
of givens wraps its second column, so nothing runs into the margin.

>>> from nnref.exercises import generate
>>> exercises = {"epochs-batches": generate("epochs-batches", 1, 0, "en")}
>>> print(sheet_markdown(exercises, "en", "nnref exercises ...", "sheet-key.md").splitlines()[0])
# Exercises
>>> key_path("out/sheet.tex"), key_path("sheet"), key_path("a.b/sheet.md")
('out/sheet-key.tex', 'sheet-key', 'a.b/sheet-key.md')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from nnref.exercises.latex import markdown_to_latex_body
from nnref.exercises.model import Exercise
from nnref.exercises.words import say
from nnref.render.fmt import paragraphs

__all__ = ["key_latex", "key_markdown", "key_path", "latex_document", "sheet_latex", "sheet_markdown"]


_BLANK = 16  # underscores of the answer line


def key_path(path: str) -> str:
    """Where the answer key of ``path`` goes: ``-key`` before the extension (``sheet.tex`` ->
    ``sheet-key.tex``; ``sheet`` -> ``sheet-key``)."""
    pure = PurePath(path)
    name = f"{pure.stem}-key{pure.suffix}" if pure.suffix else f"{pure.name}-key"
    return str(pure.with_name(name)) if str(pure.parent) != "." else name


def _version() -> str:
    from nnref import __version__

    return __version__


def _answer_line(exercise: Exercise, lang: str, key: bool) -> str:
    label = say("answer", lang)
    if not key:
        hint = f" ({say('choice_prompt', lang)})" if exercise.is_choice else ""
        return f"{label}{hint}: " + "_" * _BLANK
    if exercise.is_choice:
        return f"{label}: " + dict(exercise.choices)[exercise.answer]
    return f"{label}: \\({exercise.answer}\\)"


def _document(exercises: Mapping[str, Sequence[Exercise]], lang: str, intro: str, key: bool) -> str:
    blocks = [f"# {say('answer_key' if key else 'exercises', lang)}", intro]
    number = 0
    for chapter, items in exercises.items():
        blocks.append(f"## {say('chapter_' + chapter, lang)}")
        for exercise in items:
            number += 1
            blocks += [
                f"### {say('exercise', lang, number=number)}",
                exercise.question,
                _answer_line(exercise, lang, key),
            ]
            if key:
                blocks += [f"#### {say('solution', lang)}", exercise.solution]
    return paragraphs(*blocks) + "\n"


def sheet_markdown(
    exercises: Mapping[str, Sequence[Exercise]], lang: str, command: str, key_name: str
) -> str:
    """The problem sheet: every chapter's questions with a line for each answer."""
    intro = say("sheet_intro", lang, version=_version(), command=command, key=f"`{key_name}`")
    return _document(exercises, lang, intro, key=False)


def key_markdown(exercises: Mapping[str, Sequence[Exercise]], lang: str, command: str) -> str:
    """The answer key: the same questions with their answers and full solutions."""
    return _document(exercises, lang, say("key_intro", lang, version=_version(), command=command), key=True)


_DISPLAY = re.compile(r"\\\[\n(.*?)\n\\\]", re.DOTALL)
_TABULAR = re.compile(r"\\begin\{tabular\}\{([lrc]+)\}(.*?)\\end\{tabular\}", re.DOTALL)


def _fitted_table(match: re.Match[str]) -> str:
    columns, body = match.groups()
    if columns == "ll":  # item / value: the values wrap within the text width
        return rf"\begin{{tabular}}{{@{{}}lp{{0.78\linewidth}}@{{}}}}{body}\end{{tabular}}"
    return (
        rf"\begin{{adjustbox}}{{max width=\linewidth}}\begin{{tabular}}{{{columns}}}{body}"
        r"\end{tabular}\end{adjustbox}"
    )


def _fitted_display(match: re.Match[str]) -> str:
    return (
        "\\begin{center}\\begin{adjustbox}{max width=\\linewidth}$\\displaystyle\n"
        + match.group(1)
        + "\n$\\end{adjustbox}\\end{center}"
    )


def latex_document(markdown: str, lang: str) -> str:
    """A complete LaTeX document (A4, portrait) of a sheet or key written by this module."""
    body = _TABULAR.sub(_fitted_table, _DISPLAY.sub(_fitted_display, markdown_to_latex_body(markdown)))
    body = body.replace(r"\_" * _BLANK, r"\rule{5cm}{0.4pt}")  # the line to write an answer on
    preamble = [
        r"\documentclass[a4paper,11pt]{article}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\usepackage{amsmath,amssymb}",
        r"\usepackage{adjustbox}",
        r"\usepackage{url}",
        *([r"\usepackage{kotex}"] if lang == "ko" else []),
        r"\setlength{\parindent}{0pt}",
        r"\setlength{\parskip}{0.6em}",
        r"\emergencystretch=3em",
        r"\tracinglostchars=1",  # a character no font has is named in the log
        r"\begin{document}",
    ]
    return "\n".join([*preamble, body, r"\end{document}", ""])


def sheet_latex(exercises: Mapping[str, Sequence[Exercise]], lang: str, command: str, key_name: str) -> str:
    return latex_document(sheet_markdown(exercises, lang, command, key_name), lang)


def key_latex(exercises: Mapping[str, Sequence[Exercise]], lang: str, command: str) -> str:
    return latex_document(key_markdown(exercises, lang, command), lang)
