"""Epoch and batch exercises: iterations per epoch, iterations in all, the size of the last batch.

Counts come from :func:`nnref.numeric.training.iterations_per_epoch` (``ceil(N / B)``).

>>> ex = iterations_per_epoch_exercise(random.Random(0), "en")
>>> dict(ex.givens), ex.answer
({'samples': 3545, 'batch_size': 64}, '56')
"""

from __future__ import annotations

import random

from nnref.exercises.model import Exercise, Other
from nnref.exercises.words import say
from nnref.numeric.training import iterations_per_epoch
from nnref.render import inline_math
from nnref.render.fmt import fitted_math, paragraphs
from nnref.render.layout import BOXED

__all__ = ["iterations_per_epoch_exercise", "last_batch_exercise", "total_iterations_exercise"]

BATCH_SIZES = (8, 16, 20, 25, 32, 50, 64, 100, 128, 256)
EPOCHS = (5, 10, 20, 50, 100)


def _draw(rng: random.Random) -> tuple[int, int, int]:
    """N samples (not a multiple of B, so the last batch is smaller), a batch size B, an epoch count."""
    size = rng.choice(BATCH_SIZES)
    while True:
        samples = rng.randint(100, 5000)
        if samples % size:
            return samples, size, rng.choice(EPOCHS)


class _Counts:
    def __init__(self, samples: int, size: int, epochs: int) -> None:
        self.samples, self.size, self.epochs = samples, size, epochs
        self.per_epoch = iterations_per_epoch(samples, size)
        self.full = self.per_epoch - 1  # every batch but the last is full (N is not a multiple of B)
        self.last = samples - self.full * size
        if not 0 < self.last < size:
            raise ArithmeticError(f"{samples} samples in batches of {size}: last batch {self.last}")

    def others(self, answer: int, *extra: tuple[str, str, int]) -> tuple[Other, ...]:
        named = [
            ("full_batches", r"\left\lfloor N / B \right\rfloor", self.full),
            ("iterations_per_epoch", r"\left\lceil N / B \right\rceil", self.per_epoch),
            ("last_batch", r"N - \left\lfloor N / B \right\rfloor B", self.last),
            *extra,
        ]
        return tuple(Other(name, latex, str(value)) for name, latex, value in named if value != answer)

    def division(self, lang: str) -> str:
        equation = inline_math(rf"N = {self.samples} = {self.full} \times {self.size} + {self.last}")
        return say(
            "solve_batches",
            lang,
            division=equation,
            full=self.full,
            size=self.size,
            last=self.last,
            count=inline_math(rf"\left\lceil N / B \right\rceil = {self.per_epoch}"),
        )

    def question(self, lang: str) -> str:
        return say(
            "ask_batches_given", lang, n=inline_math(f"N = {self.samples}"), b=inline_math(f"B = {self.size}")
        )


def _exercise(
    skill: str,
    lang: str,
    counts: _Counts,
    answer: int,
    question: str,
    solution: list[str],
    others: tuple[Other, ...],
    epochs: bool = False,
) -> Exercise:
    givens: dict[str, object] = {"samples": counts.samples, "batch_size": counts.size}
    if epochs:
        givens["epochs"] = counts.epochs
    return Exercise(
        "", skill, lang, givens, skill, None, str(answer), question, paragraphs(*solution), others
    )


def iterations_per_epoch_exercise(rng: random.Random, lang: str) -> Exercise:
    """``ceil(N / B)``."""
    counts = _Counts(*_draw(rng))
    answer = counts.per_epoch
    question = " ".join((counts.question(lang), say("ask_per_epoch", lang)))
    solution = [counts.division(lang), say("answer_exact", lang, answer=answer)]
    return _exercise("iterations_per_epoch", lang, counts, answer, question, solution, counts.others(answer))


def total_iterations_exercise(rng: random.Random, lang: str) -> Exercise:
    """``epochs × ceil(N / B)``."""
    counts = _Counts(*_draw(rng))
    answer = counts.epochs * counts.per_epoch
    question = " ".join((counts.question(lang), say("ask_total", lang, epochs=counts.epochs)))
    total = fitted_math([rf"{counts.epochs} \times {counts.per_epoch} = {answer}"], BOXED)
    solution = [
        counts.division(lang),
        say("solve_total", lang, epochs=counts.epochs),
        total,
        say("answer_exact", lang, answer=answer),
    ]
    others = counts.others(
        answer,
        (
            "epochs_times_full",
            rf"{counts.epochs} \left\lfloor N / B \right\rfloor",
            counts.epochs * counts.full,
        ),
    )
    return _exercise("total_iterations", lang, counts, answer, question, solution, others, epochs=True)


def last_batch_exercise(rng: random.Random, lang: str) -> Exercise:
    """How many samples the last, smaller batch of an epoch holds."""
    counts = _Counts(*_draw(rng))
    answer = counts.last
    question = " ".join((counts.question(lang), say("ask_last", lang)))
    solution = [counts.division(lang), say("answer_exact", lang, answer=answer)]
    return _exercise("last_batch", lang, counts, answer, question, solution, counts.others(answer))
