"""The ``nnref`` argument parser: subcommands, options, and strict parsing of list values.

Every parse error is ONE line on stderr (``nnref: error: ...``) and exit status 2: argparse's
own usage errors too (:class:`OneLineParser`). Lists are comma-separated (``--sizes 2,3,2``,
``--x 0.1,0.2``); numbers are checked with :func:`nnref.values.parse_exact` and kept as the
strings the user typed, so both engines parse them exactly (never evaluated).

>>> number_list("0.1, 1/3,-2e-2", "--x")
('0.1', '1/3', '-2e-2')
>>> number_list("0.1,,0.2", "--x")
Traceback (most recent call last):
...
nnref.errors.InputError: --x item 2 is empty; give comma-separated values such as 0.1,0.2; got '0.1,,0.2'
>>> int_list("2,3,2", "--sizes")
(2, 3, 2)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from nnref.cli import limits
from nnref.cli.language import default_lang
from nnref.cli.limits import MAX_DIGITS
from nnref.errors import InputError, InputTypeError, Phrase
from nnref.network import ACTIVATION_NAMES, LOSS_NAMES
from nnref.values import parse_exact

__all__ = [
    "FORMATS",
    "OneLineParser",
    "UsageError",
    "build_parser",
    "int_list",
    "name_list",
    "number_list",
    "option_names",
]

FORMATS: tuple[str, ...] = ("md", "latex", "json", "ipynb")
DATA_NAMES: tuple[str, ...] = ("and", "or", "nand", "xor", "digits")
# Library argument names as the options that carry them (the library says "sizes", the CLI "--sizes").
_OPTION_OF = {"x": "--x", "target": "--target", "sizes": "--sizes", "activation": "--activation",
              "loss": "--loss", "weights": "--weights", "biases": "--biases", "learning_rate": "--lr",
              "epochs": "--epochs", "batch_size": "--batch-size", "seed": "--seed", "only": "--only"}
_LEADING_ARGUMENT = re.compile(r"^(" + "|".join(_OPTION_OF) + r")(?:\[(\d+)\])?(?![\w\[])")


class UsageError(Exception):
    """A usage error found by argparse; ``main`` prints it as one line and exits 2."""


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and leave the exiting to ``main``.

    A value such as ``-0.5,0.3`` (a negative first number in a list) is taken as a value, not
    as an unknown option: no option of ``nnref`` looks like a number.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # ArgumentParser's own parameters
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(
            r"^-(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:/\d+)?(?:,.*)?$"
        )

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        # argparse exits on its own only after --help/--version (status 0); keep that.
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)


def _items(text: str, option: str, example: str) -> list[str]:
    if not isinstance(text, str) or not text.strip():
        raise InputError("error_option_list", option=option, example=example, got=repr(text))
    items = [item.strip() for item in text.split(",")]
    for index, item in enumerate(items, start=1):
        if not item:
            raise InputError(
                "error_option_item_empty", option=option, index=index, example=example, got=repr(text)
            )
    return items


def number_list(text: str, option: str) -> tuple[str, ...]:
    """Comma-separated exact numbers (decimals, ``1e-3``, ``p/q``), checked, as the given strings."""
    items = _items(text, option, "0.1,0.2")
    for index, item in enumerate(items, start=1):
        try:
            parse_exact(item, "value")
        except (InputError, InputTypeError) as error:
            raise error.renamed(_AsItem(option, index)) from None
    return tuple(items)


class _AsItem:
    """Renames a number's argument to "item ``index`` of ``option``" (:meth:`InputError.renamed`)."""

    def __init__(self, option: str, index: int) -> None:
        self.phrase = Phrase("option_item", option=option, item=index)

    def __call__(self, _: str) -> Phrase:
        return self.phrase


def int_list(text: str, option: str) -> tuple[int, ...]:
    """Comma-separated positive integers (layer widths)."""
    items = _items(text, option, "2,3,2")
    values = []
    for index, item in enumerate(items, start=1):
        if not re.fullmatch(r"\+?\d+", item) or int(item) < 1:
            raise InputError(
                "error_option_width", option=option, index=index, item=repr(item), got=repr(text)
            )
        values.append(int(item))
    return tuple(values)


def name_list(text: str, option: str) -> str | tuple[str, ...]:
    """One name, or comma-separated names (one per non-input layer); checked by ``Network``."""
    items = _items(text, option, "tanh,sigmoid")
    return items[0] if len(items) == 1 else tuple(items)


def option_name_text(text: str) -> str:
    """A library message with its leading argument name as the CLI option.

    >>> option_name_text("activation[1] must be one of identity, ...")
    '--activation item 2 must be one of identity, ...'
    >>> option_name_text("sizes needs at least 2 layers")
    '--sizes needs at least 2 layers'
    """
    match = _LEADING_ARGUMENT.match(text)
    if match is None:
        return text
    option = _OPTION_OF[match.group(1)]
    item = f" item {int(match.group(2)) + 1}" if match.group(2) is not None else ""
    return option + item + text[match.end() :]


def option_name(argument: str) -> str | Phrase:
    """A library argument (``weights``, ``activation[1]``) as the CLI option that carries it.

    >>> option_name("weights"), option_name("activation[1]").text("ko"), option_name("layer")
    ('--weights', '--activation의 2번째 값', 'layer')
    """
    match = _LEADING_ARGUMENT.fullmatch(argument)
    if match is None:
        return argument
    option = _OPTION_OF[match.group(1)]
    if match.group(2) is None:
        return option
    return Phrase("option_item", option=option, item=int(match.group(2)) + 1)


@contextmanager
def option_names() -> Iterator[None]:
    """Re-raise a library ValueError/TypeError about an argument (``sizes``, ``activation[1]``,
    ``weights``) with the option's name (``--sizes``, ...)."""
    try:
        yield
    except (InputError, InputTypeError) as error:
        raise error.renamed(option_name) from None
    except (ValueError, TypeError) as error:
        text = str(error)
        renamed = option_name_text(text)
        if renamed == text:
            raise
        try:
            replacement = type(error)(renamed)
        except TypeError:  # an exception type that takes other arguments
            replacement = ValueError(renamed)
        raise replacement from None


def _math_style(text: str) -> str:
    # Imported here: nnref.render is heavy, and --help should not wait for it.
    from nnref.render.markdown import MATH_STYLES

    if text not in MATH_STYLES:
        raise argparse.ArgumentTypeError(f"must be one of {', '.join(MATH_STYLES)}; got {text!r}")
    return text


def positive_int(text: str, option: str, minimum: int = 1, maximum: int | None = None) -> int:
    """An integer in ``[minimum, maximum]`` given on the command line.

    >>> positive_int("", "--digits", 1, 50)
    Traceback (most recent call last):
    ...
    nnref.errors.InputError: --digits must be an integer from 1 to 50; got ''
    """
    shown = text if len(text) <= 40 else text[:37] + "..."
    largest = "" if maximum is None else f"{maximum:,}"
    fields = {"option": option, "minimum": minimum, "maximum": largest, "got": repr(shown)}
    key = "error_option_int_range" if maximum is not None else "error_option_int_min"
    # A 40-digit integer is past any limit; int() of thousands of digits is slow or refused.
    if not re.fullmatch(r"[+-]?\d{1,40}", text.strip()):
        if re.fullmatch(r"[+-]?\d+", text.strip()):
            key += "_digits"
        raise InputError(key, **fields)
    value = int(text)
    if value < minimum or (maximum is not None and value > maximum):
        raise InputError(key, **fields)
    return value


# -- the parser --------------------------------------------------------------------------------

_DESCRIPTION = """\
nnref: derive backpropagation exactly (SymPy), train in float64 (NumPy), and check that the
two agree with central differences. Every subcommand has its own --help.

Output language: --lang ko or --lang en; without it, the locale's language when it is Korean
or English (the first of LC_ALL, LC_MESSAGES, LANG that is set: LANG=en_US.UTF-8 gives
English, ko_KR.UTF-8 Korean), else Korean."""

_DERIVE_EPILOG = """\
examples:
  nnref derive --example wikidocs-07-05
  nnref derive --example wikidocs-07-05 --format json --output wikidocs.json
  nnref derive --example wikidocs-07-05 --format latex --only w5,w1 --digits 9 -o handout.tex
  nnref derive --sizes 2,2,1 --x 0.1,0.2 --target 1 --x 0.5,-0.3 --target 0 \\
      --weights 0.1,0.2,0.3,0.4,0.5,0.6 --lr 0.5      (a mini-batch: --x and --target per sample)
  nnref derive --sizes 2,3,2 --activation tanh,sigmoid --loss mse --bias \\
      --x 0.1,0.2 --target 0.4,0.6 --weights 0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1,1.1,1.2 \\
      --biases 0.1,0.1,0.1,0.2,0.2 --lr 0.5 --steps 1 --lang en
Numbers are exact: decimals (0.1), exponents (1e-3) or fractions (1/3); nothing is evaluated.
A list that starts with a negative number works as written (--weights -0.5,0.3)."""



_CHECK_EPILOG = """\
examples:
  nnref check --example wikidocs-07-05 --answer dE/dw5=0.02592286 --answer dE/dw3=0.00080888
  nnref check --sizes 2,2,1 --x 1,0 --target 1 --weights 0.5,0.5,0.5,0.5,1,1 --answer o1=0.7
Names: x1, z1, h1, o1, t1, E, E_o1, dE/do1, do1/dz3, dE/dz3, dE/dh1, dE/dx1, dE/dw5, w5+, ..."""


_EXERCISES_EPILOG = """\
examples:
  nnref exercises --chapter backprop --count 5 --seed 7 --output backprop.md
  nnref exercises --chapter all --lang en --format latex --output sheet.tex
      (writes sheet.tex and sheet-key.tex: pdflatex compiles both)"""


def _common(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    parser.add_argument(
        "--lang",
        default=default_lang(),
        choices=("ko", "en"),
        help="language of the output and messages (default: the locale's if it is ko or en, else ko; "
        "now %(default)s)",
    )


def _network_options(parser: argparse.ArgumentParser, batch: bool = False) -> None:
    """The options that name a network and one example: shared by derive and check (``batch``:
    derive's --x and --target may be repeated, once per sample of a mini-batch)."""
    source = parser.add_argument_group("what to derive (a built-in example, or a network given here)")
    source.add_argument(
        "--example", metavar="NAME", help="built-in example: wikidocs-07-05, and, or, nand, xor"
    )
    source.add_argument("--sizes", metavar="N,N,...", help="neurons per layer, input first (e.g. 2,3,2)")
    source.add_argument(
        "--activation",
        metavar="NAME[,NAME...]",
        default="sigmoid",
        help=f"one per non-input layer, or one for all: {', '.join(ACTIVATION_NAMES)} (default: sigmoid)",
    )
    source.add_argument(
        "--loss",
        default="sse",
        metavar="NAME",
        help=f"{', '.join(LOSS_NAMES)} (default: sse = 1/2 sum (t - o)^2)",
    )
    source.add_argument("--bias", action="store_true", help="give every non-input neuron a bias")
    repeat: dict[str, Any] = {"action": "append"} if batch else {}
    once = " (repeat --x and --target once per sample for a mini-batch)" if batch else ""
    source.add_argument("--x", metavar="V,V,...", help=f"the input values{once}", **repeat)
    source.add_argument("--target", metavar="V,V,...", help="the target values", **repeat)
    source.add_argument(
        "--weights", metavar="V,V,...", help="w1, w2, ... layer by layer, by destination then source neuron"
    )
    source.add_argument("--biases", metavar="V,V,...", help="b1, b2, ... layer by layer (with --bias)")
    source.add_argument(
        "--lr",
        metavar="RATE",
        help="learning rate > 0 (needed when --steps > 0; an example's own rate by default)",
    )

def build_parser() -> OneLineParser:
    """The ``nnref`` parser: subcommands ``derive``, ``check``, ``train``, ``verify``, ``exercises``."""
    parser = OneLineParser(
        prog="nnref", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    from nnref import __version__

    parser.add_argument("--version", action="version", version=f"nnref {__version__}")
    commands = parser.add_subparsers(
        dest="command",
        metavar="{derive,check,train,verify,exercises}",
        required=True,
        parser_class=OneLineParser,
    )

    derive = commands.add_parser(
        "derive",
        help="derive one example's forward pass, backpropagation and updates exactly",
        description="Derive every forward and backward value of one example exactly and print it as "
        "Markdown, LaTeX, JSON or a runnable notebook.",
        epilog=limits.help_text("derive") + "\n\n" + _DERIVE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _network_options(derive, batch=True)
    output = derive.add_argument_group("output")
    output.add_argument(
        "--steps",
        metavar="N",
        help=f"gradient-descent steps to derive, 0 to {limits.DERIVE_MAX_STEPS} (default: 1; 0 = gradients "
        "only; not for a step network)",
    )
    output.add_argument("--format", default="md", choices=FORMATS, help="output format (default: md)")
    output.add_argument(
        "--digits",
        metavar="D",
        help=f"decimals of the numbers shown, in every format (1 to {MAX_DIGITS}; default: 8, as the "
        "published example)",
    )
    output.add_argument(
        "--only",
        metavar="NAME,NAME,...",
        help="the parameters whose chain rule is derived in full, such as w1,b3 (default: all; the "
        "deltas and every gradient are shown anyway)",
    )
    output.add_argument(
        "--fragment",
        action="store_true",
        help="md and latex: the body only (no title; for latex no preamble), to include in a document",
    )
    output.add_argument(
        "--math",
        metavar="STYLE",
        type=_math_style,
        help=r"md and latex: inline math as \( \) (parens, the default) or $ $ (dollars: GitHub, pandoc)",
    )
    output.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead of standard output (- is standard output)",
    )
    _common(output)

    check = commands.add_parser(
        "check",
        help="check your own hand-computed numbers against the exact derivation",
        description="Check numbers you computed by hand: each --answer NAME=NUMBER is compared with the "
        "exact value rounded half up to as many decimals as you wrote. A wrong number is looked up among "
        "every quantity of the derivation, so the answer says whose number it is. Exit status 0 when "
        "every answer is right, 1 when one is wrong, 2 on bad input.",
        epilog=limits.help_text("derive") + "\n\n" + _CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _network_options(check)
    check.add_argument(
        "--answer",
        action="append",
        metavar="NAME=NUMBER",
        help="a quantity and your number, such as dE/dw3=0.00080888 (repeat for several)",
    )
    _common(check)

    train = commands.add_parser(
        "train",
        help="train a network in float64 on a logic gate or the digits data",
        description="Train with mini-batch gradient descent. Defaults come from the recipes in "
        "nnref.numeric.data (XOR_RECIPE for the gates, DIGITS_RECIPE for digits).",
        epilog=limits.help_text("train")
        + "\nExit status 1 when training diverges (the loss becomes inf or NaN).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    train.add_argument("--data", required=True, metavar="NAME", help=f"one of {', '.join(DATA_NAMES)}")
    train.add_argument("--sizes", metavar="N,N,...", help="neurons per layer, input first")
    train.add_argument(
        "--activation", metavar="NAME[,NAME...]", help="one per non-input layer, or one for all"
    )
    train.add_argument("--loss", metavar="NAME", help=", ".join(LOSS_NAMES))
    train.add_argument(
        "--bias",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="with or without biases (recipe default: with)",
    )
    train.add_argument("--epochs", metavar="N", help=f"number of epochs (1 to {limits.TRAIN_MAX_EPOCHS:,})")
    train.add_argument("--batch-size", metavar="N", help="samples per iteration")
    train.add_argument("--lr", metavar="RATE", help="learning rate > 0")
    train.add_argument("--seed", metavar="S", help="seed of the initial weights and of the shuffling")
    train.add_argument(
        "--log-every",
        metavar="K",
        help="without a terminal, print a line every K epochs (default: about 20 lines)",
    )
    train.add_argument("--plot", metavar="FILE", help="save the learning curve as FILE.png or FILE.svg")
    _common(train)

    verify = commands.add_parser(
        "verify",
        help="check exact, NumPy and central-difference gradients agree",
        description="The three-way check of nnref.verify on every built-in example that can be "
        "differentiated and on N random networks. Exit status 1 if any case disagrees.",
        epilog=limits.help_text("verify"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify.add_argument(
        "--random",
        default="10",
        metavar="N",
        help=f"random networks to check, 0 to {limits.VERIFY_MAX_RANDOM} (default: 10)",
    )
    verify.add_argument("--seed", default="0", metavar="S", help="seed of the random networks (default: 0)")
    _common(verify)

    exercises = commands.add_parser(
        "exercises",
        help="write a problem sheet and its answer key with full solutions (md or latex)",
        description="Write seeded exercises for the chapters' skills to FILE and their answers with full "
        "solutions to FILE's key: -key goes before the extension (sheet.tex -> sheet-key.tex, sheet -> "
        "sheet-key). The same options always write the same bytes; another --seed, other problems.",
        epilog=limits.help_text("exercises") + "\n\n" + _EXERCISES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    exercises.add_argument(
        "--chapter",
        required=True,
        metavar="NAME",
        help="perceptron, xor, networks, activations, losses, epochs-batches, backprop, gradient-descent, "
        "or all",
    )
    exercises.add_argument(
        "--count", default="3", metavar="N",
        help=f"exercises per chapter, 1 to {limits.EXERCISES_MAX_COUNT} (default: 3)",
    )
    exercises.add_argument("--seed", default="0", metavar="S", help="seed of the problems (default: 0)")
    exercises.add_argument(
        "--format", default="md", choices=("md", "latex"), help="output format (default: md)"
    )
    exercises.add_argument(
        "--output", "-o", metavar="FILE", help="the sheet; its key goes to FILE-key (required)"
    )
    _common(exercises)
    return parser
