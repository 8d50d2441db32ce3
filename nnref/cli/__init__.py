"""The ``nnref`` command: ``derive``, ``check``, ``train``, ``verify`` and ``exercises`` (``python -m nnref``
too).

``main(argv)`` returns the exit status instead of exiting, so tests and pages call it in-process:
0 success, 1 ``verify`` found a disagreement, ``check`` a wrong answer or ``train`` diverged, 2 bad
input. Bad input of any kind (an unknown name, a malformed list, a wrong count, a non-numeric
value, a learning rate <= 0, a size past the limits of :mod:`nnref.cli.limits`, not enough memory,
a file that cannot be written, an argparse usage error) prints ONE line, ``nnref: error: ...``, on
standard error and never a traceback: the library's ValueError/TypeError messages name the
argument, what is allowed and what was given, and are printed as they are.

Closed streams end quietly: a reader that stops early (``nnref verify | head -1``) ends the command
with status 0 and no message; a standard output closed from the start (``>&-``) is an error
line. Characters the terminal's encoding cannot show are escaped, never a crash.

>>> main(["derive", "--example", "and", "--format", "json"]) == 0   # doctest: +ELLIPSIS
{...
True
>>> main(["derive", "--example", "nope"])
2
"""

from __future__ import annotations

import argparse
import errno
import io
import os
import sys
from collections.abc import Sequence

from nnref.cli.language import default_lang
from nnref.cli.parsing import UsageError, build_parser
from nnref.errors import localized
from nnref.words import LANGS, t

__all__ = ["EXIT_BAD_INPUT", "EXIT_DISAGREE", "EXIT_OK", "main"]

EXIT_OK, EXIT_DISAGREE, EXIT_BAD_INPUT = 0, 1, 2


class _ClosedStream(io.TextIOBase):
    """Stands in for a standard output closed before the start (Python then sets it to None)."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed: give --output FILE, or leave it open")

    def isatty(self) -> bool:
        return False


def _prepare_streams() -> None:
    """In a real process: a closed stdout raises on write; unencodable characters are escaped."""
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream in (sys.__stdout__, sys.__stderr__):
            stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    # After a broken pipe, Python's final flush of stdout would fail again and print a message.
    try:
        if sys.stdout is sys.__stdout__ and sys.stdout is not None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _error(error: BaseException | str, lang: str) -> int:
    # One line, always: a multi-line library message is joined. Catalog errors speak --lang.
    text = error if isinstance(error, str) else localized(error, lang) or type(error).__name__
    print(f"nnref: {t('error_prefix', lang)}: " + " ".join(str(text).split()), file=sys.stderr)
    return EXIT_BAD_INPUT


def _requested_lang(argv: Sequence[str]) -> str:
    """``--lang``'s value when ``argv`` gives a valid one, else the locale's default: the language
    errors are printed in, known before the arguments are parsed (a usage error needs it too)."""
    for index, item in enumerate(argv):
        value = item.split("=", 1)[1] if item.startswith("--lang=") else (
            argv[index + 1] if item == "--lang" and index + 1 < len(argv) else None)
        if value in LANGS:
            return value
    return default_lang()


def _run(args: argparse.Namespace) -> int:
    if args.command == "derive":
        from nnref.cli.run_derive import run_derive

        return run_derive(args)
    if args.command == "check":
        from nnref.cli.run_check import run_check

        return run_check(args)
    if args.command == "train":
        from nnref.cli.run_train import run_train

        return run_train(args)
    if args.command == "exercises":
        from nnref.cli.run_exercises import run_exercises

        return run_exercises(args)
    from nnref.cli.run_verify import run_verify

    return run_verify(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nnref`` command with ``argv`` (``sys.argv[1:]`` by default); return the exit status."""
    _prepare_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _requested_lang(argv)
    try:
        try:
            args = build_parser().parse_args(argv)
        except UsageError as error:
            return _error(str(error), lang)
        except SystemExit as done:  # --help, --version
            sys.stdout.flush()
            return int(done.code or 0)
        args.argv = argv
        status = _run(args)
        sys.stdout.flush()  # here, so that a closed pipe is seen below and not at exit
        return status
    except BrokenPipeError:  # `nnref verify | head -1`: the reader has all it wanted
        _silence_stdout()
        return EXIT_OK
    except OSError as error:
        plain = error.strerror if error.filename is None and error.strerror else str(error)
        return _error(plain or type(error).__name__, lang)
    except (ValueError, TypeError, ArithmeticError, ImportError, MemoryError) as error:
        return _error(error, lang)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
