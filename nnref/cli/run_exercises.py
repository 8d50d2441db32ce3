"""``nnref exercises``: a problem sheet and its answer key, as Markdown or LaTeX.

``--output FILE`` names the sheet; the key goes next to it with ``-key`` before the extension
(``sheet.tex`` and ``sheet-key.tex``: :func:`nnref.exercises.sheet.key_path`). The same options
always write the same bytes (the problems come from ``--seed`` alone); another seed, other
problems. ``--chapter all`` writes ``--count`` exercises for every chapter.
"""

from __future__ import annotations

import argparse
import sys

from nnref.cli.limits import EXERCISES_MAX_COUNT, EXERCISES_MAX_SEED
from nnref.cli.output import check_writable, emit
from nnref.cli.parsing import positive_int
from nnref.errors import InputError
from nnref.words import t

__all__ = ["EXERCISE_FORMATS", "run_exercises"]

EXERCISE_FORMATS: tuple[str, ...] = ("md", "latex")


def _chapters(text: str) -> list[str]:
    from nnref.exercises import CHAPTERS
    from nnref.network import unknown_name

    if text == "all":
        return list(CHAPTERS)
    if text not in CHAPTERS:
        raise unknown_name(text, (*CHAPTERS, "all"), "--chapter")
    return [text]


def run_exercises(args: argparse.Namespace) -> int:
    """Run ``nnref exercises`` with parsed ``args``: write the sheet and the key, say where."""
    chapters = _chapters(args.chapter)
    count = positive_int(args.count, "--count", 1, EXERCISES_MAX_COUNT)
    seed = positive_int(args.seed, "--seed", 0, EXERCISES_MAX_SEED)
    if args.output is None or args.output == "-":
        raise InputError("error_cli_exercises_output")
    from nnref.exercises import generate
    from nnref.exercises.sheet import key_latex, key_markdown, key_path, sheet_latex, sheet_markdown

    key = key_path(args.output)
    check_writable(args.output, "--output")
    check_writable(key, "--output (its answer key)")
    lang = args.lang
    command = (
        f"nnref exercises --chapter {args.chapter} --count {count} --seed {seed} --lang {lang} "
        f"--format {args.format}"
    )
    exercises = {chapter: generate(chapter, count, seed, lang) for chapter in chapters}
    key_name = key.replace("\\", "/").rsplit("/", 1)[-1]
    if args.format == "latex":
        sheet, answers = sheet_latex(exercises, lang, command, key_name), key_latex(exercises, lang, command)
    else:
        sheet, answers = (
            sheet_markdown(exercises, lang, command, key_name),
            key_markdown(exercises, lang, command),
        )
    emit(sheet, args.output, form=args.format)
    emit(answers, key, "--output (its answer key)", form=args.format)
    print(t("wrote", lang, path=args.output), file=sys.stderr)
    print(t("wrote_key", lang, path=key), file=sys.stderr)
    return 0
