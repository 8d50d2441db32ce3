"""``nnref train``: mini-batch gradient descent in float64 on a logic gate or the digits data.

Training is one :meth:`~nnref.numeric.mlp.MLP.fit` call; its ``on_epoch`` callback draws the
progress bar or prints the epoch lines from the History so far.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from nnref.cli.extras import require
from nnref.cli.limits import TRAIN_MAX_EPOCHS, check_train_size
from nnref.cli.output import check_writable, replacing
from nnref.cli.parsing import DATA_NAMES, int_list, name_list, option_names, positive_int
from nnref.errors import InputError
from nnref.network import Network, unknown_name
from nnref.numeric.checks import check_learning_rate
from nnref.numeric.data import DIGITS_RECIPE, XOR_RECIPE, Recipe, load_digits, truth_table
from nnref.numeric.training import History, TrainingDiverged
from nnref.values import ExactLimitError
from nnref.words import t

__all__ = ["load_data", "recipe_from_options", "run_train"]

PLOT_SUFFIXES = (".png", ".svg")


def load_data(name: str) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
    """``(X, Y, validation or None)`` for ``--data name``."""
    if name not in DATA_NAMES:
        raise unknown_name(name, DATA_NAMES, "--data")
    if name == "digits":
        digits = load_digits()
        return digits.X_train, digits.Y_train, (digits.X_test, digits.Y_test)
    X, Y = truth_table(name)
    return X, Y, None


def recipe_from_options(args: argparse.Namespace) -> Recipe:
    """The data's recipe (XOR_RECIPE for the gates, DIGITS_RECIPE for digits) with the options applied."""
    recipe = DIGITS_RECIPE if args.data == "digits" else XOR_RECIPE
    net = recipe.network
    sizes = int_list(args.sizes, "--sizes") if args.sizes is not None else net.sizes
    if args.activation is not None:
        activation = name_list(args.activation, "--activation")
    elif len(sizes) != len(net.sizes):  # the recipe's hidden activation on every hidden layer
        activation = (net.activations[0],) * (len(sizes) - 2) + (net.activations[-1],)
    else:
        activation = net.activation
    loss = args.loss.strip() if args.loss is not None else net.loss
    bias = args.bias if args.bias is not None else net.bias
    changes: dict[str, Any] = {}  # Recipe's fields, checked one by one below
    if args.epochs is not None:
        changes["epochs"] = positive_int(args.epochs, "--epochs", maximum=TRAIN_MAX_EPOCHS)
    if args.batch_size is not None:
        changes["batch_size"] = positive_int(args.batch_size, "--batch-size")
    if args.lr is not None:
        try:
            changes["learning_rate"] = check_learning_rate(args.lr, "--lr")
        except ExactLimitError:
            raise
        except (TypeError, ValueError) as error:
            if "float64" in str(error):  # a rate that rounds to 0 or inf
                raise
            raise InputError("error_cli_lr", got=repr(args.lr)) from None
    if args.seed is not None:
        seed = positive_int(args.seed, "--seed", minimum=0)
        changes["init_seed"] = changes["shuffle_seed"] = seed
    with option_names():
        changes["network"] = Network(sizes, activation, loss, bias)
    return replace(recipe, **changes)


def _check_shape(net: Network, X: np.ndarray, Y: np.ndarray, data: str) -> None:
    if net.sizes[0] != X.shape[1] or net.sizes[-1] != Y.shape[1]:
        raise InputError(
            "error_cli_train_shape",
            inputs=X.shape[1],
            outputs=Y.shape[1],
            data=data,
            got=",".join(map(str, net.sizes)),
        )


def _accuracy(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _last(values: tuple[float, ...] | None) -> float | None:
    return values[-1] if values else None


def _epoch_text(epoch: int, history: History, recipe: Recipe, lang: str) -> str:
    text = t(
        "epoch_line",
        lang,
        epoch=epoch,
        epochs=recipe.epochs,
        loss=f"{history.loss[-1]:.6f}",
        accuracy=_accuracy(_last(history.accuracy)),
        iterations=history.total_iterations,
    )
    if history.val_loss is not None:
        accuracy = _accuracy(_last(history.val_accuracy))
        text += t("val_part", lang, loss=f"{history.val_loss[-1]:.6f}", accuracy=accuracy)
    return text


def _reporter(recipe: Recipe, lang: str, stream: TextIO, every: int) -> Callable[[int, History], None]:
    """The ``on_epoch`` callback: a progress bar on a terminal, else a line every ``every`` epochs."""
    if stream.isatty():

        def bar(epoch: int, history: History) -> None:
            done = round(30 * epoch / recipe.epochs)
            line = _epoch_text(epoch, history, recipe, lang)
            stream.write(f"\r[{'#' * done}{'.' * (30 - done)}] {line}\x1b[K")
            if epoch == recipe.epochs:
                stream.write("\n")
            stream.flush()

        return bar

    def lines(epoch: int, history: History) -> None:
        if epoch % every == 0 or epoch == recipe.epochs or epoch == 1:
            print(_epoch_text(epoch, history, recipe, lang), file=stream)

    return lines


def _plot(history: History, path: str, data: str, lang: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from nnref.render.figure import plot_style

    style = plot_style()
    epochs = range(1, len(history.loss) + 1)
    with matplotlib.rc_context(style):  # type: ignore[arg-type]  # matplotlib types rc keys as Literals
        fig, ax = plt.subplots(figsize=(6, 3.5))
        ax.plot(epochs, history.loss, label=t("plot_train", lang))
        if history.val_loss is not None:
            ax.plot(epochs, history.val_loss, label=t("plot_test", lang))
        ax.set_xlabel(t("plot_epoch", lang))
        ax.set_ylabel(t("plot_loss", lang))
        ax.set_title(t("plot_title", lang, data=data))
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        form = Path(path).suffix.lower().lstrip(".")
        try:
            with replacing(path, "--plot") as temporary:
                metadata = {"Date": None} if form == "svg" else None
                fig.savefig(temporary, format=form, metadata=metadata, dpi=120)
        finally:
            plt.close(fig)


def _check_plot(path: str) -> None:
    if Path(path).suffix.lower() not in PLOT_SUFFIXES:
        raise InputError("error_cli_plot_suffix", got=repr(path))
    require("matplotlib", "--plot")
    check_writable(path, "--plot")


def run_train(args: argparse.Namespace, stream: TextIO | None = None) -> int:
    """Run ``nnref train``; progress goes to ``stream`` (standard output by default)."""
    from nnref.numeric.mlp import MLP

    stream = stream or sys.stdout
    X, Y, validation = load_data(args.data)
    recipe = recipe_from_options(args)
    if args.plot is not None:
        _check_plot(args.plot)
    every = (
        positive_int(args.log_every, "--log-every")
        if args.log_every is not None
        else max(1, math.ceil(recipe.epochs / 20))
    )
    net = recipe.network
    _check_shape(net, X, Y, args.data)
    check_train_size(net, recipe.epochs, len(X))
    mlp = MLP(net, seed=recipe.init_seed)
    print(
        t(
            "train_start",
            args.lang,
            data=args.data,
            sizes="-".join(map(str, net.sizes)),
            activations="/".join(net.activations),
            loss=net.loss,
            epochs=recipe.epochs,
            batch=recipe.batch_size,
            rate=f"{recipe.learning_rate:g}",
            seed=recipe.init_seed,
            per_epoch=math.ceil(len(X) / recipe.batch_size),
        ),
        file=stream,
    )
    report = _reporter(recipe, args.lang, stream, every)
    try:
        history = recipe.fit(mlp, X, Y, validation, on_epoch=report)
    except TrainingDiverged as error:
        stream.flush()
        print(
            f"nnref: error: training diverged in epoch {error.epoch} (iteration {error.iteration}): "
            f"{error.reason}; try a --lr smaller than {recipe.learning_rate:g}",
            file=sys.stderr,
        )
        return 1
    # The epoch lines show running values (each batch before its update); this is the end state.
    loss, accuracy = f"{mlp.loss(X, Y):.6f}", _accuracy(mlp.accuracy(X, Y))
    done = t("train_done", args.lang, loss=loss, accuracy=accuracy)
    if history.val_loss is not None:
        done += t(
            "val_part",
            args.lang,
            loss=f"{history.val_loss[-1]:.6f}",
            accuracy=_accuracy(_last(history.val_accuracy)),
        )
    print(done, file=stream)
    if args.data != "digits":
        print(t("predictions", args.lang), file=stream)
        for inputs, output in zip(X, mlp.predict(X), strict=True):
            print(f"  {tuple(int(v) for v in inputs)} -> {output[0]:.4f}", file=stream)
    if args.plot is not None:
        _plot(history, args.plot, args.data, args.lang)
        print(t("wrote", args.lang, path=args.plot), file=stream)
    return 0
