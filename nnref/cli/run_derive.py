"""``nnref derive``: one example derived exactly, as md, latex, json or ipynb."""

from __future__ import annotations

import argparse
import shlex
import sys

from nnref.cli.extras import require
from nnref.cli.limits import DERIVE_MAX_STEPS, MAX_DIGITS, check_derive_size
from nnref.cli.markdown_out import derivation_markdown, gate_markdown, traces
from nnref.cli.output import check_writable, emit, to_stdout
from nnref.cli.parsing import positive_int
from nnref.cli.problem import derive, problem_from_args
from nnref.words import t

__all__ = ["run_derive"]


def _require_nbformat() -> None:
    require("nbformat", "--format ipynb")


def _document(args: argparse.Namespace, steps: int, digits: int) -> str:
    problem = problem_from_args(args)
    lang, form = args.lang, args.format
    command = "nnref " + shlex.join(args.argv) if args.argv is not None else ""
    check_derive_size(problem.network, 0 if problem.is_gate else steps, form)
    if problem.is_gate:
        given = (("--steps", args.steps), ("--digits", args.digits))
        unused = [option for option, value in given if value is not None]
        if unused:
            raise ValueError(
                f"{' and '.join(unused)} {'does' if len(unused) == 1 else 'do'} not apply to a step network: "
                "it cannot be differentiated "
                "(no gradient-descent steps), and its truth table holds exact 0s and 1s"
            )
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

            derive(problem)  # fail here, with the library's message, rather than inside the notebook
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
    steps = 1 if args.steps is None else positive_int(args.steps, "--steps", 0, DERIVE_MAX_STEPS)
    if args.digits is not None and args.format in ("md", "latex"):
        raise ValueError(
            f"--digits works with --format json or ipynb; {args.format} shows 8 decimals, as the "
            "site and the published example do"
        )
    digits = 8 if args.digits is None else positive_int(args.digits, "--digits", 1, MAX_DIGITS)
    if not to_stdout(args.output):
        check_writable(args.output, "--output")
    emit(_document(args, steps, digits), args.output, form=args.format)
    if not to_stdout(args.output):
        print(t("wrote", args.lang, path=args.output), file=sys.stderr)
    return 0
