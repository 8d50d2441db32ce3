"""Which skills each chapter practises, and :func:`generate`: seeded exercises for a chapter.

A chapter's exercises cycle through its skills in order. The random numbers are drawn from
``random.Random(f"{chapter}:{seed}")``, so a chapter's exercises depend on the chapter and the
seed only: ``--chapter all`` gives the same backprop exercises as ``--chapter backprop``, and the
Korean and English exercises of one seed are the same problems.

>>> [ex.skill for ex in generate("backprop", count=3, seed=0, lang="en")]
['forward_value', 'output_gradient', 'hidden_gradient']
>>> generate("backprob", 1, 0, "en")
Traceback (most recent call last):
...
ValueError: chapter must be one of perceptron, xor, networks, activations, losses, epochs-batches, \
backprop, gradient-descent; got 'backprob' (did you mean 'backprop'?)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

from nnref.exercises import activations, backprop, batches, descent, gates, losses, neurons, perceptron
from nnref.exercises.model import Exercise
from nnref.network import closest_name

__all__ = ["CHAPTERS", "Skill", "generate"]

Skill = Callable[[random.Random, str], Exercise]

# In the site's reading order (mkdocs.yml's nav); the names are the chapter pages' file names.
CHAPTERS: dict[str, tuple[Skill, ...]] = {
    "perceptron": (perceptron.perceptron_output_exercise, perceptron.perceptron_update),
    "xor": (gates.separability, gates.step_network_output),
    "networks": (neurons.weighted_sum_exercise, neurons.neuron_activation, neurons.small_forward_value),
    "activations": (
        activations.activation_value,
        activations.activation_derivative,
        activations.softmax_output,
    ),
    "losses": (losses.loss_value, losses.loss_gradient),
    "epochs-batches": (
        batches.iterations_per_epoch_exercise,
        batches.total_iterations_exercise,
        batches.last_batch_exercise,
    ),
    "backprop": (backprop.forward_value, backprop.output_gradient, backprop.hidden_gradient),
    "gradient-descent": (descent.updated_parameter, descent.parabola_steps),
}


def check_chapter(chapter: object) -> str:
    """``chapter`` when it is one of :data:`CHAPTERS`, else a ValueError suggesting the closest."""
    if not isinstance(chapter, str) or chapter not in CHAPTERS:
        raise ValueError(
            f"chapter must be one of {', '.join(CHAPTERS)}; got {chapter!r}"
            + (closest_name(chapter, tuple(CHAPTERS)) if isinstance(chapter, str) else "")
        )
    return chapter


def generate(chapter: str, count: int, seed: int, lang: str) -> list[Exercise]:
    """``count`` exercises of ``chapter`` in ``lang`` ("ko" or "en"), from ``seed``."""
    check_chapter(chapter)
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be one of ko, en; got {lang!r}")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be an integer >= 1; got {count!r}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer; got {seed!r}")
    rng = random.Random(f"{chapter}:{seed}")
    skills = CHAPTERS[chapter]
    return [replace(skills[i % len(skills)](rng, lang), chapter=chapter) for i in range(count)]
