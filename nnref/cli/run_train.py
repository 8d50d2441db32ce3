"""``nnref train``: mini-batch gradient descent in float64 on a logic gate or the digits data.

Training runs one epoch at a time so that progress can be shown: the command draws each epoch's
permutation from ``numpy.random.default_rng(seed)`` exactly as :func:`nnref.numeric.fit` does and
hands the permuted samples to ``fit(..., epochs=1, shuffle=False)``. The batches, and so the
trained weights and the history, are the same as one ``fit(..., epochs=N, seed=seed)`` call.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

import numpy as np

from nnref.cli.extras import require
from nnref.cli.limits import TRAIN_MAX_EPOCHS, check_train_size
from nnref.cli.output import check_writable, replacing
from nnref.cli.parsing import DATA_NAMES, int_list, name_list, option_names, positive_int
from nnref.network import Network, closest_name
from nnref.numeric.checks import check_learning_rate
from nnref.numeric.data import DIGITS_RECIPE, XOR_RECIPE, Recipe, load_digits, truth_table
from nnref.numeric.training import TrainingDiverged
from nnref.values import ExactLimitError
from nnref.words import t

__all__ = ["Run", "load_data", "recipe_from_options", "run_train", "train_epochs"]

PLOT_SUFFIXES = (".png", ".svg")


def load_data(name: str):
    """``(X, Y, validation or None)`` for ``--data name``."""
    if name not in DATA_NAMES:
        raise ValueError(
            f"--data must be one of {', '.join(DATA_NAMES)}; got {name!r}" + closest_name(name, DATA_NAMES)
        )
    if name == "digits":
        digits = load_digits()
        return digits.X_train, digits.Y_train, (digits.X_test, digits.Y_test)
    X, Y = truth_table(name)
    return X, Y, None


def recipe_from_options(args: argparse.Namespace) -> Recipe:
    """The data's recipe (XOR_RECIPE for the gates, DIGITS_RECIPE for digits) with the options applied."""
    recipe = DIGITS_RECIPE if args.data == "digits" else XOR_RECIPE
    changes: dict[str, object] = {}
    if args.sizes is not None:
        changes["sizes"] = int_list(args.sizes, "--sizes")
    sizes = changes.get("sizes", recipe.sizes)
    if args.activation is not None:
        activation = name_list(args.activation, "--activation")
        changes["activation"] = (
            (activation,) * (len(sizes) - 1) if isinstance(activation, str) else activation
        )
    elif len(sizes) != len(recipe.sizes):  # the recipe's hidden activation on every hidden layer
        changes["activation"] = (recipe.activation[0],) * (len(sizes) - 2) + (recipe.activation[-1],)
    if args.loss is not None:
        changes["loss"] = args.loss.strip()
    if args.bias is not None:
        changes["bias"] = args.bias
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
            raise ValueError(f"--lr must be a finite number > 0 such as 0.5; got {args.lr!r}") from None
    if args.seed is not None:
        seed = positive_int(args.seed, "--seed", minimum=0)
        changes["init_seed"] = changes["shuffle_seed"] = seed
    return replace(recipe, **changes)


def _check_shape(net: Network, X: np.ndarray, Y: np.ndarray, data: str) -> None:
    if net.sizes[0] != X.shape[1] or net.sizes[-1] != Y.shape[1]:
        raise ValueError(
            f"--sizes must start with {X.shape[1]} (inputs) and end with {Y.shape[1]} (outputs) "
            f"for --data {data}; got {','.join(map(str, net.sizes))}"
        )


@dataclass
class Run:
    """Per-epoch results of :func:`train_epochs` (the same fields as a History, epoch by epoch)."""

    loss: list[float]
    accuracy: list[float | None]
    val_loss: list[float | None]
    val_accuracy: list[float | None]
    iterations_per_epoch: int


def train_epochs(mlp, X, Y, recipe: Recipe, validation=None, on_epoch=None) -> Run:
    """Train ``mlp`` for ``recipe.epochs`` epochs, calling ``on_epoch(epoch, run)`` after each."""
    X, Y = np.asarray(X, dtype=np.float64), np.asarray(Y, dtype=np.float64)
    rng = np.random.default_rng(recipe.shuffle_seed)
    run = Run([], [], [], [], math.ceil(len(X) / recipe.batch_size))
    for epoch in range(1, recipe.epochs + 1):
        order = rng.permutation(len(X))  # what fit() draws for this epoch
        try:
            history = mlp.fit(
                X[order],
                Y[order],
                epochs=1,
                batch_size=recipe.batch_size,
                learning_rate=recipe.learning_rate,
                shuffle=False,
                validation=validation,
            )
        except TrainingDiverged as error:  # counted from this run's start, not this epoch's
            error.epoch, error.iteration = epoch, (epoch - 1) * run.iterations_per_epoch + error.iteration
            raise
        run.loss.append(history.loss[0])
        run.accuracy.append(history.accuracy[0] if history.accuracy else None)
        run.val_loss.append(history.val_loss[0] if history.val_loss else None)
        run.val_accuracy.append(history.val_accuracy[0] if history.val_accuracy else None)
        if on_epoch is not None:
            on_epoch(epoch, run)
    return run


def _accuracy(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _epoch_text(epoch: int, run: Run, recipe: Recipe, lang: str) -> str:
    text = t(
        "epoch_line",
        lang,
        epoch=epoch,
        epochs=recipe.epochs,
        loss=f"{run.loss[-1]:.6f}",
        accuracy=_accuracy(run.accuracy[-1]),
        iterations=epoch * run.iterations_per_epoch,
    )
    if run.val_loss[-1] is not None:
        text += t(
            "val_part", lang, loss=f"{run.val_loss[-1]:.6f}", accuracy=_accuracy(run.val_accuracy[-1])
        )
    return text


def _reporter(recipe: Recipe, lang: str, stream: TextIO, every: int):
    if stream.isatty():

        def bar(epoch: int, run: Run) -> None:
            done = round(30 * epoch / recipe.epochs)
            stream.write(f"\r[{'#' * done}{'.' * (30 - done)}] {_epoch_text(epoch, run, recipe, lang)}\x1b[K")
            if epoch == recipe.epochs:
                stream.write("\n")
            stream.flush()

        return bar

    def lines(epoch: int, run: Run) -> None:
        if epoch % every == 0 or epoch == recipe.epochs or epoch == 1:
            print(_epoch_text(epoch, run, recipe, lang), file=stream)

    return lines


def _plot(run: Run, path: str, data: str, lang: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from nnref.render.figure import plot_style

    style = plot_style()
    epochs = range(1, len(run.loss) + 1)
    with matplotlib.rc_context(style):
        fig, ax = plt.subplots(figsize=(6, 3.5))
        ax.plot(epochs, run.loss, label=t("plot_train", lang))
        if run.val_loss[-1] is not None:
            ax.plot(epochs, run.val_loss, label=t("plot_test", lang))
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
        raise ValueError(f"--plot must end in .png or .svg; got {path!r}")
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
    with option_names():
        net = recipe.network()
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
        run = train_epochs(mlp, X, Y, recipe, validation, report)
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
    if validation is not None:
        done += t("val_part", args.lang, loss=f"{run.val_loss[-1]:.6f}",
                        accuracy=_accuracy(run.val_accuracy[-1]))
    print(done, file=stream)
    if args.data != "digits":
        print(t("predictions", args.lang), file=stream)
        for inputs, output in zip(X, mlp.predict(X), strict=True):
            print(f"  {tuple(int(v) for v in inputs)} -> {output[0]:.4f}", file=stream)
    if args.plot is not None:
        _plot(run, args.plot, args.data, args.lang)
        print(t("wrote", args.lang, path=args.plot), file=stream)
    return 0
