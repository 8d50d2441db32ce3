"""``nnref verify``: the three-way gradient check on the built-in examples and random networks.

The three gradient functions are looked up in :mod:`nnref.verify` when the command runs (not
bound at import), so a test can replace one with a deliberately wrong gradient and watch the
command exit 1.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, cast

from nnref.cli.limits import VERIFY_MAX_RANDOM
from nnref.cli.parsing import positive_int
from nnref.words import t

if TYPE_CHECKING:
    from nnref.verify import VerifyOptions, VerifyReport

__all__ = ["run_verify", "verify_table"]


def _gradients() -> VerifyOptions:
    from nnref import verify

    return {
        "exact": verify.exact_gradient,
        "numpy": verify.numpy_gradient,
        "central": verify.central_gradient,
    }


def _cases(n_random: int, seed: int, lang: str) -> list[tuple[str, VerifyReport]]:
    from nnref import verify
    from nnref.examples import EXAMPLES

    reports = []
    for name, example in EXAMPLES.items():
        if example.is_gate:
            continue
        if example.is_batch:  # the built-in examples are single samples; verify takes one
            raise ValueError(f"example {name} is a mini-batch")
        x, target = (cast("tuple[str, ...]", values) for values in example.input_and_target())
        report = verify.verify(example.network, x, target, example.weights, example.biases, **_gradients())
        reports.append((name, report))
    for index, report in enumerate(verify.verify_random(n_random, seed=seed, **_gradients()), start=1):
        reports.append((t("verify_random_case", lang, number=index), report))
    return reports


def verify_table(rows: list[tuple[str, VerifyReport]], lang: str) -> str:
    """A plain-text table, one line per case, columns aligned."""
    header = [
        t(k, lang)
        for k in ("verify_case", "verify_network", "verify_numpy", "verify_central", "verify_result")
    ]
    lines = [header]
    for name, report in rows:
        net = report.network
        shape = "-".join(map(str, net.sizes)) + " " + "/".join(net.activations) + " " + net.loss
        shape += " +b" if net.bias else ""
        lines.append(
            [
                name,
                shape,
                f"{report.numpy_difference:.1e} ({report.numpy_worst})",
                f"{report.central_difference:.1e} ({report.central_worst})",
                t("verify_ok" if report.ok else "verify_fail", lang),
            ]
        )
    widths = [max(_width(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell + " " * (width - _width(cell)) for cell, width in zip(line, widths, strict=True)
        ).rstrip()
        for line in lines
    )


def _width(text: str) -> int:
    # Hangul takes two columns in a terminal.
    return sum(2 if "\uac00" <= char <= "\ud7a3" else 1 for char in text)


def run_verify(args: argparse.Namespace) -> int:
    """Run ``nnref verify``: 0 when every case agrees, 1 otherwise."""
    from nnref.examples import GATE_NAMES
    from nnref.verify import CENTRAL_TOLERANCE, NUMPY_TOLERANCE

    n_random = positive_int(args.random, "--random", minimum=0, maximum=VERIFY_MAX_RANDOM)
    seed = positive_int(args.seed, "--seed", minimum=0)
    rows = _cases(n_random, seed, args.lang)
    print(verify_table(rows, args.lang))
    print(t("verify_skipped", args.lang, names=", ".join(GATE_NAMES)))
    failed = sum(not report.ok for _, report in rows)
    if failed:
        print(t("verify_summary_fail", args.lang, count=len(rows), failed=failed))
        return 1
    print(
        t(
            "verify_summary_ok",
            args.lang,
            count=len(rows),
            numpy=f"{NUMPY_TOLERANCE:.0e}",
            central=f"{CENTRAL_TOLERANCE:.0e}",
        )
    )
    return 0
