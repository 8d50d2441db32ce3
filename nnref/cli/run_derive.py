"""``nnref derive``: one example (or mini-batch) derived exactly, as md, latex, json or ipynb.

One plan (:func:`nnref.render.derivation_plan`) decides what the document holds; the chosen
format's writer serializes it.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from nnref.cli.extras import require
from nnref.cli.limits import DERIVE_MAX_STEPS, MAX_DIGITS, check_derive_size
from nnref.cli.output import check_writable, emit, to_stdout
from nnref.cli.parsing import name_list, option_names, positive_int
from nnref.cli.problem import derive, problem_from_args
from nnref.errors import InputError
from nnref.examples import Example
from nnref.render.plan import Plan
from nnref.words import t

__all__ = ["derive_document", "run_derive"]


def _only(text: str | None) -> list[str] | None:
    if text is None:
        return None
    names = name_list(text, "--only")
    return [names] if isinstance(names, str) else list(names)


def _plan(problem: Example, args: argparse.Namespace, steps: int, digits: int) -> Plan:
    from nnref.render.document import derivation_plan, gate_plan

    if problem.is_gate:
        parameters = problem.network.resolve_parameters(problem.weights, problem.biases)
        return gate_plan(
            problem.network,
            {name: str(value) for name, value in parameters.items()},
            problem.truth_table(),
            args.lang,
            problem.name,
        )
    tr = derive(problem)
    with option_names():
        return derivation_plan(
            tr,
            args.lang,
            steps=steps,
            digits=digits,
            only=_only(args.only),
            example=problem.name,
            notebook=args.format == "ipynb",
        )


def _check_options(args: argparse.Namespace, problem: Example, steps: int) -> None:
    if problem.is_gate:
        given = (("--steps", args.steps), ("--digits", args.digits), ("--only", args.only))
        unused = [option for option, value in given if value is not None]
        if unused:
            raise ValueError(
                f"{' and '.join(unused)} {'does' if len(unused) == 1 else 'do'} not apply to a step network: "
                "it cannot be differentiated "
                "(no gradient-descent steps), and its truth table holds exact 0s and 1s"
            )
    elif steps and problem.learning_rate is None:
        raise InputError("error_cli_steps_lr", steps=steps)
    for option, given in (("--fragment", args.fragment), ("--math", args.math)):
        if given and args.format not in ("md", "latex"):
            raise InputError("error_cli_format_only", option=option, format=args.format)


def _document(args: argparse.Namespace, steps: int, digits: int) -> str:
    problem = problem_from_args(args)
    _check_options(args, problem, steps)
    samples = len(problem.x) if problem.x is not None and problem.is_batch else 1
    check_derive_size(problem.network, 0 if problem.is_gate else steps, args.format, samples)
    if args.format == "ipynb":
        require("nbformat", "--format ipynb")
    plan = _plan(problem, args, steps, digits)
    math = args.math or "parens"
    if args.format == "json":
        from nnref.cli.json_out import derivation_json, gate_json

        return gate_json(plan) if problem.is_gate else derivation_json(plan)
    if args.format == "ipynb":
        from nnref.cli.notebook_out import derivation_notebook, gate_notebook

        command = "nnref " + shlex.join(args.argv) if args.argv is not None else ""
        return (gate_notebook if problem.is_gate else derivation_notebook)(plan, problem, command)
    if args.format == "latex":
        from nnref.cli.latex_out import latex_document

        return latex_document(plan, fragment=args.fragment, math=math)
    from nnref.render.markdown import plan_markdown

    return plan_markdown(plan, math=math, fragment=args.fragment)


def _numbers(args: argparse.Namespace) -> tuple[int, int]:
    steps = 1 if args.steps is None else positive_int(args.steps, "--steps", 0, DERIVE_MAX_STEPS)
    digits = 8 if args.digits is None else positive_int(args.digits, "--digits", 1, MAX_DIGITS)
    return steps, digits


def derive_document(argv: list[str]) -> str:
    """The document ``nnref derive ARGV`` prints (the site's worked-example notebooks are this)."""
    from nnref.cli.parsing import build_parser

    args = build_parser().parse_args(["derive", *argv])
    args.argv = ["derive", *argv]
    return _document(args, *_numbers(args))


def run_derive(args: argparse.Namespace) -> int:
    """Run ``nnref derive`` with parsed ``args``; errors propagate as ValueError/TypeError."""
    steps, digits = _numbers(args)
    if not to_stdout(args.output):
        check_writable(args.output, "--output")
    emit(_document(args, steps, digits), args.output, form=args.format)
    if not to_stdout(args.output):
        print(t("wrote", args.lang, path=args.output), file=sys.stderr)
    return 0
