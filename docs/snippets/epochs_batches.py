"""Chapter "epochs, batches, iterations": tables and plots from training_runs.py's cached runs.

The trainings run once per build process (runs.py, included before this file, imports
training_runs.py once), so the Korean and the English page show the same runs and the same
measured times. Include plotting.py in the same block before calling a *_svg function.
"""

import statistics

from nnref.glossary import term
from nnref.numeric.data import DIGITS_RECIPE, load_digits
from nnref.numeric.memory import FLOAT, activation_bytes
from nnref.numeric.training import iterations_per_epoch
from nnref.render import markdown_table

# The page includes words.py (its words in both languages) and runs.py before this file.
page_text, page_words = page_text, page_words  # noqa: F821
batch_size_runs, fitting_run = TRAINING_RUNS.batch_size_runs, TRAINING_RUNS.fitting_run  # noqa: F821

EPOCHS = 6  # batch size 1 makes 1347 updates per epoch: the slow run that sets this number
RATE = 0.1  # one learning rate for every batch size, low enough that batch size 1 stays stable
WINDOW = 150  # iterations shown in the per-iteration plot

def n_train() -> int:
    """Images in the digits training split."""
    return load_digits().X_train.shape[0]


def _runs():
    runs = batch_size_runs((1, 32, n_train()), epochs=EPOCHS, learning_rate=RATE)
    # The page's prose says these hold; refuse to build a page that contradicts its own runs.
    finals = [hist.loss[-1] for hist in runs.values()]
    if finals != sorted(finals):
        raise ValueError(f"expected a lower final loss for a smaller batch; got {finals}")
    return runs


def _fitting():
    run = fitting_run()
    hist, best = run.history, run.best_epoch - 1
    if not (best + 1 < hist.epochs and hist.val_loss[-1] > hist.val_loss[best]
            and hist.loss[-1] < hist.loss[best] and hist.val_loss[best] < hist.val_loss[0]
            and abs(hist.val_accuracy[-1] - hist.val_accuracy[best]) < 0.03):
        raise ValueError(f"this run does not show under- and overfitting: best epoch {best + 1}, "
                         f"test loss {hist.val_loss[0]}, {hist.val_loss[best]}, {hist.val_loss[-1]}")
    return run


def _batch_label(size: int, lang: str) -> str:
    return f"{size} ({page_text('batches_full', lang)})" if size == n_train() else str(size)


def _memory_text(size: int) -> str:
    kib = activation_bytes(DIGITS_RECIPE.sizes, size) / 1024
    return f"{kib:,.1f} KiB" if kib < 1024 else f"{kib / 1024:,.2f} MiB"


def data_summary(lang: str) -> str:
    """One sentence: the size of the split and the network's widths (inline numbers)."""
    digits = load_digits()
    sizes = "-".join(map(str, DIGITS_RECIPE.sizes))
    return page_text("batches_data", lang, n=n_train(), test=digits.X_test.shape[0], sizes=sizes)


def iterations_table(lang: str) -> str:
    """Iterations per epoch and activation memory for a range of batch sizes."""
    w = page_words("batches", lang)
    n = n_train()
    rows = [[_batch_label(b, lang), str(iterations_per_epoch(n, b)), _memory_text(b)]
            for b in (1, 8, 32, 128, 512, n)]
    return markdown_table([w["batch"], w["iters"], w["memory"]], rows, align="rrr")


def memory_formula() -> str:
    """Display math: the activation memory of one batch of 32 for the digits network."""
    n0, *rest = DIGITS_RECIPE.sizes
    batch = 32
    per_sample = " + ".join(str(n) for n in rest)
    total = activation_bytes(DIGITS_RECIPE.sizes, batch)
    return (
        "$$\n"
        f"\\underbrace{{{batch}}}_{{B}} \\times \\bigl({n0} + 2 \\times ({per_sample})\\bigr)"
        f" \\times {FLOAT}\\ \\text{{B}} = {total:,}\\ \\text{{B}}".replace(",", "{,}")
        + "\n$$"
    )


def timing_table(lang: str) -> str:
    """Measured time per epoch and per iteration, final training loss and test accuracy."""
    w = page_words("batches", lang)
    rows = []
    medians = {size: statistics.median(hist.epoch_seconds) for size, hist in _runs().items()}
    smallest, largest = min(medians), max(medians)
    # Robust claims of the prose (factors of ten or more apart), checked on this build's clock.
    if medians[smallest] != max(medians.values()) or (
        medians[largest] / iterations_per_epoch(n_train(), largest)
        >= largest * medians[smallest] / iterations_per_epoch(n_train(), smallest)
    ):
        raise ValueError(f"measured epoch times contradict the page: {medians}")
    for size, hist in _runs().items():
        per_epoch = medians[size]
        rows.append([
            _batch_label(size, lang),
            str(hist.iterations_per_epoch),
            f"{per_epoch * 1000:.1f}",
            f"{per_epoch * 1000 / hist.iterations_per_epoch:.3f}",
            f"{hist.loss[-1]:.4f}",
            f"{hist.val_accuracy[-1]:.1%}",
        ])
    header = [w["batch"], w["iters"], w["ms_epoch"], w["ms_iter"], w["last"], w["test_acc_last"]]
    return markdown_table(header, rows, align="rrrrrr")


def curves_settings(lang: str) -> str:
    """The sentence that states the settings of the batch-size runs, from the values they use."""
    return page_text("batches_settings", lang, rate=RATE, epochs=EPOCHS)


def per_epoch_svg(lang: str) -> str:
    """Training loss per epoch for each batch size, same epochs and learning rate."""
    w = page_words("batches", lang)
    fig, ax = plt.subplots(figsize=(5.6, 3.4))  # noqa: F821 - plt comes from plotting.py
    for size, hist in _runs().items():
        epochs = range(1, len(hist.loss) + 1)
        ax.plot(epochs, hist.loss, marker="o", markersize=4, label=f"{w['batch']} {_batch_label(size, lang)}")
    ax.set_xlabel(w["epoch"])
    ax.set_ylabel(w["train_loss"])
    ax.set_title(w["per_epoch_title"])
    figure_legend(fig, [ax], ncol=2)  # noqa: F821 - off the curves, from plotting.py
    return svg(fig, alt=w["per_epoch_title"])  # noqa: F821 - svg comes from plotting.py


def per_iteration_svg(lang: str) -> str:
    """The loss of every batch for the first iterations: one sample is a noisy estimate.

    Batch sizes 1 and 32 only: the full batch has just one iteration per epoch.
    """
    w = page_words("batches", lang)
    fig, ax = plt.subplots(figsize=(5.6, 3.4))  # noqa: F821
    for size, hist in _runs().items():
        if size == n_train():
            continue
        losses = hist.iteration_loss[:WINDOW]
        ax.plot(range(1, len(losses) + 1), losses, linewidth=1, label=f"{w['batch']} {size}")
    ax.set_xlabel(w["iteration"])
    ax.set_ylabel(w["loss"])
    ax.set_title(w["per_iter_title"])
    figure_legend(fig, [ax], ncol=2)  # noqa: F821
    return svg(fig, alt=w["per_iter_title"])  # noqa: F821


def fitting_summary(lang: str) -> str:
    """One sentence with the settings of the over/underfitting run (computed, not typed)."""
    run = _fitting()
    sizes = "-".join(map(str, run.sizes))
    hist = run.history
    return page_text("batches_fitting", lang, n=run.n_train, hidden=run.sizes[1], sizes=sizes,
                     batch=hist.batch_size, rate=f"{hist.learning_rate:g}", epochs=hist.epochs)


def fitting_svg(lang: str) -> str:
    """Top: train and test loss per epoch (log scale), the epoch of the lowest test loss marked.
    Bottom: the test loss alone on a linear scale, where its rise after that epoch is visible."""
    w = page_words("batches", lang)
    run = _fitting()
    hist = run.history
    epochs = range(1, hist.epochs + 1)
    fig, (ax, zoom) = plt.subplots(2, 1, figsize=(5.6, 6.2), height_ratios=(3, 2))  # noqa: F821
    train, test = COLORS["blue"], COLORS["orange"]  # noqa: F821 - from plotting.py
    ax.plot(epochs, hist.loss, color=train, label=w["train_loss"])
    ax.plot(epochs, hist.val_loss, color=test, label=w["test_loss"])
    # The two regions are named just above the frame (x in epochs, y in axes units): off the data.
    above = ax.get_xaxis_transform()
    ax.text(run.best_epoch / 2, 1.02, w["underfit"], ha="center", va="bottom", transform=above)
    ax.text((run.best_epoch + hist.epochs) / 2, 1.02, w["overfit"], ha="center", va="bottom", transform=above)
    ax.set_yscale("log")
    plain_ticks(ax.yaxis)  # noqa: F821 - from plotting.py
    ax.set_ylabel(f"{w['loss']} (log)")
    ax.set_title(w["fit_title"], pad=22)
    start = max(1, run.best_epoch // 2)  # from halfway to the minimum: the dip and the rise
    zoom.plot(epochs[start - 1:], hist.val_loss[start - 1:], color=test)
    zoom.set_ylabel(w["test_loss"])
    for axis in (ax, zoom):
        axis.axvline(run.best_epoch, color=COLORS["grey"], linestyle="--", linewidth=1, label=w["best"])  # noqa: F821
        axis.axvspan(1 if axis is ax else start, run.best_epoch, color=train, alpha=0.08)
        axis.set_xlabel(w["epoch"])
    fig.subplots_adjust(hspace=0.45)  # not tight_layout: it lays the text out once more (slow)
    figure_legend(fig, [ax], ncol=2, below=0.02)  # noqa: F821 - under the panels, off the curves
    return svg(fig, alt=w["fit_title"])  # noqa: F821


def fitting_table(lang: str) -> str:
    """Losses and accuracies at the first epoch, the best epoch and the last epoch."""
    w = page_words("batches", lang)
    run = _fitting()
    hist = run.history
    rows = []
    for label, epoch in ((w["first"], 1), (w["best_row"], run.best_epoch), (w["end"], hist.epochs)):
        i = epoch - 1
        rows.append([label, str(epoch), f"{hist.loss[i]:.4f}", f"{hist.val_loss[i]:.4f}",
                     f"{hist.accuracy[i]:.1%}", f"{hist.val_accuracy[i]:.1%}"])
    header = [w["row"], term("epoch", lang), w["train_loss"], w["test_loss"], w["train_acc"], w["test_acc"]]
    return markdown_table(header, rows, align="lrrrrr")
