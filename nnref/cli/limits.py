"""The limits of the ``nnref`` command, in one place: ``--help``, the errors and the docs print these.

Each limit keeps one command to about 10 seconds on a 2-core machine (measured with the engine
of nnref 0.1). An exact derivation costs more with every parameter, with every path the chain
rule follows (a wider layer after another multiplies them) and with every step, so ``derive``
bounds all three; ``train`` bounds the epochs and the work of a whole run.

>>> chain_paths((2, 2, 2))   # dE/dw1..dE/dw4: 2 paths each (through o1 and o2); w5..w8: 1 each
12
>>> check_derive_size(Network((6, 6, 6, 6, 6, 6)), steps=1, form="md")
Traceback (most recent call last):
...
nnref.errors.InputError: --sizes 6,6,6,6,6,6 needs 55,980 chain-rule paths (one product per path from a \
parameter to the loss, counted over all parameters); nnref derive takes at most 600: use fewer \
or narrower layers
"""

from __future__ import annotations

import math
import textwrap

from nnref.errors import InputError, Phrase
from nnref.network import Network
from nnref.values import EXACT_MAX_DIGITS, EXACT_MAX_EXPONENT

__all__ = [
    "DERIVE_MAX_LAYERS",
    "DERIVE_MAX_PARAMETERS",
    "DERIVE_MAX_PATHS",
    "DERIVE_MAX_STEPS",
    "DERIVE_MAX_TRUTH_TABLE_INPUTS",
    "DERIVE_MAX_WORK",
    "EXERCISES_MAX_COUNT",
    "EXERCISES_MAX_SEED",
    "MAX_DIGITS",
    "TRAIN_MAX_EPOCHS",
    "TRAIN_MAX_PARAMETERS",
    "TRAIN_MAX_WORK",
    "VERIFY_MAX_RANDOM",
    "chain_paths",
    "check_derive_size",
    "check_train_size",
    "help_text",
    "limit_rows",
]

DERIVE_MAX_LAYERS = 6  # entries of --sizes, the input layer included
# Weights and biases, by --format: JSON writes each value's exact form and chain, which costs more.
DERIVE_MAX_PARAMETERS: dict[str, int] = {"md": 200, "latex": 200, "ipynb": 200, "json": 100}
DERIVE_MAX_PATHS = 600  # chain-rule paths, see chain_paths
# Chain-rule paths x (--steps + 1), by --format.
DERIVE_MAX_WORK: dict[str, int] = {"md": 1_800, "latex": 1_800, "ipynb": 1_800, "json": 900}
DERIVE_MAX_STEPS = 20
DERIVE_MAX_TRUTH_TABLE_INPUTS = 6  # a step network's truth table has 2^n rows
MAX_DIGITS = 50  # the symbolic engine caches about 76 significant digits per value
TRAIN_MAX_EPOCHS = 10_000
TRAIN_MAX_PARAMETERS = 1_000_000
TRAIN_MAX_WORK = 2_000_000_000  # epochs x training samples x parameters
VERIFY_MAX_RANDOM = 100
EXERCISES_MAX_COUNT = 20  # exercises per chapter: --chapter all --count 20 writes 160 with solutions
EXERCISES_MAX_SEED = 2**32 - 1


def _sizes_text(sizes: tuple[int, ...]) -> str:
    return ",".join(map(str, sizes))


def chain_paths(sizes: tuple[int, ...], bias: bool = False) -> int:
    """Products in the chain rule of every parameter together: a parameter of layer ``l`` reaches the
    loss along one path per choice of a neuron in each later layer (the product of their widths)."""
    total = 0
    for layer in range(1, len(sizes)):
        later = math.prod(sizes[layer + 1 :])
        total += (sizes[layer - 1] + int(bias)) * sizes[layer] * later
    return total


def check_derive_size(net: Network, steps: int, form: str, samples: int = 1) -> None:
    """A ValueError naming the option when ``nnref derive --format form`` would run far past seconds
    (``samples``: the size of a mini-batch, whose every sample has its own backward pass)."""
    sizes, bias = net.sizes, net.bias
    shown = _sizes_text(sizes)
    if len(sizes) > DERIVE_MAX_LAYERS:
        raise InputError("error_cli_derive_layers", sizes=shown, count=len(sizes), limit=DERIVE_MAX_LAYERS)
    count, most_parameters = net.n_weights + net.n_biases, DERIVE_MAX_PARAMETERS[form]
    if count > most_parameters:
        with_bias = Phrase("cli_with_bias") if bias else ""
        raise InputError("error_cli_derive_parameters", sizes=shown, bias=with_bias, count=f"{count:,}",
                         form=form, limit=most_parameters)
    paths = chain_paths(sizes, bias)
    if paths > DERIVE_MAX_PATHS:
        raise InputError("error_cli_derive_paths", sizes=shown, paths=f"{paths:,}", limit=DERIVE_MAX_PATHS)
    work = DERIVE_MAX_WORK[form]
    if paths * samples * (steps + 1) > work:
        raise InputError(
            "error_cli_derive_work_batch" if samples > 1 else "error_cli_derive_work_one",
            steps=steps, sizes=shown, paths=f"{paths:,}", samples=samples, derivations=steps + 1,
            total=f"{paths * samples * (steps + 1):,}", form=form, limit=f"{work:,}",
            most=max(0, work // (paths * samples) - 1),
        )


def check_train_size(net: Network, epochs: int, samples: int) -> None:
    """A ValueError naming the option when ``nnref train`` would run for far more than seconds."""
    count = net.n_weights + net.n_biases
    if count > TRAIN_MAX_PARAMETERS:
        raise InputError("error_cli_train_parameters", sizes=_sizes_text(net.sizes), count=f"{count:,}",
                         limit=f"{TRAIN_MAX_PARAMETERS:,}")
    work = epochs * samples * count
    if work > TRAIN_MAX_WORK:
        most = max(1, TRAIN_MAX_WORK // (samples * count))
        raise InputError("error_cli_train_work", epochs=epochs, samples=f"{samples:,}", count=f"{count:,}",
                         work=f"{work:,}", limit=f"{TRAIN_MAX_WORK:,}", most=most)


def _fields() -> dict[str, str]:
    return {
        "layers": str(DERIVE_MAX_LAYERS),
        "parameters": str(DERIVE_MAX_PARAMETERS["md"]),
        "json_parameters": str(DERIVE_MAX_PARAMETERS["json"]),
        "paths": f"{DERIVE_MAX_PATHS:,}",
        "steps": str(DERIVE_MAX_STEPS),
        "work": f"{DERIVE_MAX_WORK['md']:,}",
        "json_work": f"{DERIVE_MAX_WORK['json']:,}",
        "digits": str(MAX_DIGITS),
        "truth_inputs": str(DERIVE_MAX_TRUTH_TABLE_INPUTS),
        "number_digits": f"{EXACT_MAX_DIGITS:,}",
        "exponent": str(EXACT_MAX_EXPONENT),
        "epochs": f"{TRAIN_MAX_EPOCHS:,}",
        "train_parameters": f"{TRAIN_MAX_PARAMETERS:,}",
        "train_work": f"{TRAIN_MAX_WORK:,}",
        "random": str(VERIFY_MAX_RANDOM),
        "exercise_count": str(EXERCISES_MAX_COUNT),
        "exercise_seed": f"{EXERCISES_MAX_SEED:,}",
    }


# (command, option, message key): the rows of the limits table, in order.
_ROWS: tuple[tuple[str, str, str], ...] = (
    ("derive", "--sizes", "limit_derive_sizes"),
    ("derive", "--steps", "limit_derive_steps"),
    ("derive", "--digits", "limit_derive_digits"),
    ("derive", "--activation step", "limit_derive_truth_table"),
    ("derive", "--x, --target, --weights, --biases, --lr", "limit_numbers"),
    ("train", "--sizes", "limit_train_sizes"),
    ("train", "--epochs", "limit_train_epochs"),
    ("verify", "--random", "limit_verify_random"),
    ("exercises", "--count", "limit_exercises_count"),
    ("exercises", "--seed", "limit_exercises_seed"),
)


def limit_rows(lang: str, command: str | None = None) -> list[tuple[str, str, str]]:
    """``(command, option, limit)`` for every limit (of ``command`` only, if given), in ``lang``.

    >>> limit_rows("en", "verify")
    [('verify', '--random', '0 to 100 random networks')]
    """
    from nnref.words import t

    fields = _fields()
    chosen = [row for row in _ROWS if command in (None, row[0])]
    return [(cmd, option, t(key, lang, **fields)) for cmd, option, key in chosen]


def help_text(command: str) -> str:
    """The ``limits:`` paragraph of ``nnref <command> --help`` (English, as the rest of --help)."""
    lines = ["limits (nnref.cli.limits; each keeps a run to about 10 seconds):"]
    for _, option, text in limit_rows("en", command):
        lines += textwrap.wrap(f"{option}: {text}", width=88, initial_indent="  ", subsequent_indent="    ")
    return "\n".join(lines)
