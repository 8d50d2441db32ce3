"""``nnref check``: a student's hand-computed numbers against the exact derivation.

Each ``--answer NAME=NUMBER`` is checked with :meth:`nnref.symbolic.Trace.check`: right when the
number equals the exact value rounded half up to as many decimals as written; a wrong number is
looked up among every quantity of the derivation ("0.00080888 is dE/dw1"). Exit status 0 when
every answer is right, 1 when one is wrong (like ``verify``), 2 on bad input.
"""

from __future__ import annotations

import argparse

from nnref.cli.problem import derive, problem_from_args
from nnref.errors import InputError
from nnref.words import t

__all__ = ["parse_answers", "run_check"]


def parse_answers(items: list[str] | None) -> dict[str, str]:
    """``["dE/dw3=0.00080888", ...]`` as a mapping name -> number text (checked later).

    >>> parse_answers(["dE/dw3=0.00080888", " E = 0.0240 "])
    {'dE/dw3': '0.00080888', 'E': '0.0240'}
    >>> parse_answers(["dE/dw3"])
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: --answer must be NAME=NUMBER, such as dE/dw3=0.00080888; got 'dE/dw3'
    """
    if not items:
        raise InputError("error_cli_answer_required")
    answers: dict[str, str] = {}
    for item in items:
        name, equals, number = item.partition("=")
        if not equals or not name.strip() or not number.strip():
            raise InputError("error_cli_answer_form", got=repr(item))
        if name.strip() in answers:
            raise InputError("error_cli_answer_twice", name=repr(name.strip()))
        answers[name.strip()] = number.strip()
    return answers


def run_check(args: argparse.Namespace) -> int:
    """Run ``nnref check`` with parsed ``args``: one line per answer; 1 when one is wrong."""
    answers = parse_answers(args.answer)
    problem = problem_from_args(args)
    if problem.is_gate:
        raise InputError("error_cli_check_gate")
    trace = derive(problem)
    for name in answers:
        try:
            trace.quantity(name)
        except ValueError as error:
            raise InputError(
                "error_cli_answer_quantity",
                name=name,
                reason=error if isinstance(error, InputError) else str(error),
            ) from None
    results = trace.check(answers)
    lang = args.lang
    for result in results:
        given, expected = f"{result.given:f}", f"{result.expected:f}"
        if result.correct:
            print(t("check_right", lang, name=result.name, given=given))
            continue
        line = t("check_wrong", lang, name=result.name, given=given, places=result.places, expected=expected)
        others = [name for name in result.matches if name != result.name]
        if others:
            line += " " + t("check_belongs", lang, given=given, names=", ".join(others))
        print(line)
    right = sum(result.correct for result in results)
    summary = "check_all_right" if right == len(results) else "check_summary"
    print(t(summary, lang, right=right, count=len(results)))
    return 0 if right == len(results) else 1
