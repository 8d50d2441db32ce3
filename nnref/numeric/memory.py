"""Memory estimates made before the numeric engine allocates, so that a network or a batch too
large for the machine is refused with a clear message instead of a MemoryError traceback (or the
machine swapping) halfway through.

The estimates count the float64 arrays the engine itself allocates (parameters, the workspace of
one batch size, training buffers); they are compared with the memory the operating system says
is available (``MemAvailable`` of ``/proc/meminfo``, capped by a cgroup limit), and nothing is
checked where that is unknown.

>>> parameter_bytes((2, 3, 1), bias=True)   # (2 + 1) * 3 + (3 + 1) * 1 values of 8 bytes
104
>>> format_bytes(22 * 2**30)
'22.0 GiB'
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from nnref.numeric.checks import check_count

__all__ = [
    "activation_bytes",
    "available_bytes",
    "check_memory",
    "format_bytes",
    "parameter_bytes",
    "workspace_bytes",
]

FLOAT = 8  # bytes per float64


def activation_bytes(sizes: tuple[int, ...], batch_size: int) -> int:
    """Bytes of float64 that one batch's forward pass keeps for backpropagation.

    Backpropagation reads the input batch and, for every non-input layer, its weighted sums
    ``z`` and activations ``a``: ``batch_size × (n_0 + 2 · Σ_{l≥1} n_l) × 8`` bytes. (Weights,
    and the trainer's reusable buffers for the errors δ, are not counted: they do not grow
    with what is stored per sample beyond this.)

    >>> activation_bytes((64, 64, 10), 1)
    1696
    >>> activation_bytes((64,), 1)
    Traceback (most recent call last):
    ...
    ValueError: sizes must be a tuple of at least two integers >= 1 (input, ..., output); got (64,)
    """
    if (
        not isinstance(sizes, tuple)
        or len(sizes) < 2
        or any(isinstance(n, bool) or not isinstance(n, int) or n < 1 for n in sizes)
    ):
        raise ValueError(
            f"sizes must be a tuple of at least two integers >= 1 (input, ..., output); got {sizes!r}"
        )
    per_sample = sizes[0] + 2 * sum(sizes[1:])
    return check_count(batch_size, "batch_size") * per_sample * FLOAT


def parameter_bytes(sizes: tuple[int, ...], bias: bool) -> int:
    """Bytes of one copy of every parameter (weights and biases)."""
    return FLOAT * sum((fan_in + int(bias)) * fan_out for fan_in, fan_out in itertools.pairwise(sizes))


def workspace_bytes(sizes: tuple[int, ...], batch: int, bias: bool) -> int:
    """Bytes of a :class:`~nnref.numeric.backprop.Workspace` for ``batch`` samples.

    Per non-input layer: ``z``, ``delta`` and the layer's output (with its ones column), one
    row per sample; plus one gradient array of the parameters' size.
    """
    per_sample = sum(3 * width + int(bias) for width in sizes[1:])
    return FLOAT * batch * per_sample + parameter_bytes(sizes, bias)


def _cgroup_room() -> int | None:
    limit, used = Path("/sys/fs/cgroup/memory.max"), Path("/sys/fs/cgroup/memory.current")
    try:
        text = limit.read_text().strip()
        if text == "max":
            return None
        return int(text) - int(used.read_text().strip())
    except (OSError, ValueError):
        return None


def available_bytes() -> int | None:
    """Memory the operating system can give this process now, in bytes; ``None`` when unknown."""
    room = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                room = int(line.split()[1]) * 1024
                break
    except (OSError, ValueError, IndexError):
        room = None
    if room is None and hasattr(os, "sysconf"):
        try:
            room = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError):
            room = None
    cgroup = _cgroup_room()
    if cgroup is not None:
        room = cgroup if room is None else min(room, cgroup)
    return room


def format_bytes(count: float) -> str:
    """``count`` bytes in KiB, MiB, GiB or TiB with one decimal."""
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024:
            return f"{count:.0f} B" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} TiB"


def check_memory(needed: int, what: str) -> None:
    """A MemoryError saying what needs how much, when ``needed`` bytes exceed what is available."""
    room = available_bytes()
    if room is not None and needed > room:
        raise MemoryError(
            f"{what} needs about {format_bytes(needed)} of memory and this machine has about "
            f"{format_bytes(max(room, 0))} available; use fewer or narrower layers, or a smaller batch"
        )
