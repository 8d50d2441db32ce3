"""The ``nnref`` command: ``derive``, ``check``, ``train`` and ``verify`` (``python -m nnref`` too).

``main(argv)`` returns the exit status instead of exiting, so tests and pages call it in-process:
0 success, 1 ``verify`` found a disagreement or ``check`` a wrong answer, 2 bad input. Bad input
of any kind (an unknown name, a malformed list, a wrong count, a non-numeric value, a learning
rate <= 0, a file that cannot be written, an argparse usage error) prints ONE line,
``nnref: error: ...``, on standard error and never a traceback: the library's ValueError/TypeError
messages name the argument, what is allowed and what was given, and are printed as they are.

>>> main(["derive", "--example", "and", "--format", "json"]) == 0   # doctest: +ELLIPSIS
{...
True
>>> main(["derive", "--example", "nope"])
2
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from nnref.cli.parsing import UsageError, build_parser

__all__ = ["EXIT_BAD_INPUT", "EXIT_DISAGREE", "EXIT_OK", "main"]

EXIT_OK, EXIT_DISAGREE, EXIT_BAD_INPUT = 0, 1, 2


def _error(text: str) -> int:
    # One line, always: a multi-line library message is joined.
    print("nnref: error: " + " ".join(str(text).split()), file=sys.stderr)
    return EXIT_BAD_INPUT


def _run(args) -> int:
    if args.command == "derive":
        from nnref.cli.run_derive import run_derive

        return run_derive(args)
    if args.command == "check":
        from nnref.cli.run_check import run_check

        return run_check(args)
    if args.command == "train":
        from nnref.cli.run_train import run_train

        return run_train(args)
    from nnref.cli.run_verify import run_verify

    return run_verify(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nnref`` command with ``argv`` (``sys.argv[1:]`` by default); return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        return _error(str(error))
    except SystemExit as done:  # --help, --version
        return int(done.code or 0)
    args.argv = argv
    try:
        return _run(args)
    except (ValueError, TypeError, OSError, ArithmeticError, ImportError) as error:
        return _error(str(error) or type(error).__name__)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # `nnref derive ... | head`
        return EXIT_OK
