"""``nnref derive``: one example derived exactly, as md, latex, json or ipynb."""

from __future__ import annotations

import argparse
import shlex
import sys

from nnref.cli.extras import require
from nnref.cli.markdown_out import derivation_markdown, gate_markdown, traces
from nnref.cli.messages import message
from nnref.cli.output import check_writable, emit
from nnref.cli.parsing import MAX_DIGITS, positive_int
from nnref.cli.problem import problem_from_args

__all__ = ["MAX_STEPS", "run_derive"]

MAX_STEPS = 20  # each step nests the closed forms once more; the numbers stay cheap, formulas do not


def _require_nbformat() -> None:
    require("nbformat", "--format ipynb")


def _document(args: argparse.Namespace, steps: int, digits: int) -> str:
    problem = problem_from_args(args)
    lang, form = args.lang, args.format
    command = "nnref " + shlex.join(args.argv) if args.argv is not None else ""
    if problem.is_gate:
        if form == "json":
            from nnref.cli.json_out import gate_json

            return gate_json(problem, lang)
        if form == "ipynb":
            _require_nbformat()
            from nnref.cli.notebook_out import gate_notebook

            return gate_notebook(problem, lang, command)
        text = gate_markdown(problem, lang)
    else:
        if steps and problem.learning_rate is None:
            raise ValueError(
                f"--lr is required for --steps {steps}: give a learning rate > 0 such as 0.5 "
                "(or --steps 0 for the gradients only)"
            )
        if form == "ipynb":
            _require_nbformat()
            from nnref.cli.notebook_out import derivation_notebook

            problem.derive()  # fail here, with the library's message, rather than inside the notebook
            return derivation_notebook(problem, steps, lang, digits, command)
        derived = traces(problem, steps)
        if form == "json":
            from nnref.cli.json_out import derivation_json

            return derivation_json(problem, derived, digits)
        text = derivation_markdown(problem, derived, lang)
    if form == "latex":
        from nnref.cli.latex_out import latex_document

        return latex_document(text, lang)
    return text


def run_derive(args: argparse.Namespace) -> int:
    """Run ``nnref derive`` with parsed ``args``; errors propagate as ValueError/TypeError."""
    steps = positive_int(args.steps, "--steps", minimum=0, maximum=MAX_STEPS)
    if args.digits is not None and args.format in ("md", "latex"):
        raise ValueError(
            f"--digits works with --format json or ipynb; {args.format} shows 8 decimals, as the "
            "site and the published example do"
        )
    digits = positive_int(args.digits, "--digits", minimum=1, maximum=MAX_DIGITS) if args.digits else 8
    if args.output is not None:
        check_writable(args.output, "--output")
    emit(_document(args, steps, digits), args.output)
    if args.output is not None:
        print(message("wrote", args.lang, path=args.output), file=sys.stderr)
    return 0
