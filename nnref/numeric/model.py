"""The float64 state of one network as the kernels use it: parameter blocks and reusable buffers.

This is what :class:`~nnref.numeric.mlp.MLP` (the public API), the trainer
(:mod:`nnref.numeric.training`) and the gradient check share, below the API and above the
kernels of :mod:`nnref.numeric.backprop`; it takes arrays already checked, and evaluates in
chunks so that 10^7 samples need no 10^7-row workspace.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from numpy.typing import NDArray

from nnref.network import Network
from nnref.numeric import backprop
from nnref.numeric.checks import as_inputs, as_targets
from nnref.numeric.memory import check_memory, parameter_bytes, workspace_bytes

__all__ = ["EVAL_CHUNK_BYTES", "Model"]

Array = NDArray[np.float64]

EVAL_CHUNK_BYTES = 32 * 2**20
"""predict, loss, accuracy and gradient work through the samples in chunks whose buffers take at
most about this many bytes."""


class Model:
    """A network's parameter blocks (see :mod:`~nnref.numeric.backprop` for the layout), its
    per-layer functions and its workspaces.

    ``params`` are live: training updates them in place, and the MLP's weight and bias arrays
    are views of them.
    """

    def __init__(self, net: Network, params: list[Array]) -> None:
        self.network = net
        self.layers = backprop.Layers.of(net)
        self.params = params
        self._workspaces: dict[int, backprop.Workspace] = {}

    def inputs(self, X: object) -> Array:
        """``X`` checked and converted: float64 ``(n, n_inputs)``."""
        return as_inputs(X, self.network.sizes[0])

    def data(self, X: object, Y: object) -> tuple[Array, Array]:
        """``(X, Y)`` checked and converted, ``Y`` against the loss (see :func:`as_targets`)."""
        inputs = self.inputs(X)
        net = self.network
        return inputs, as_targets(Y, inputs.shape[0], net.sizes[-1], net.loss)

    def workspace(self, batch: int) -> backprop.Workspace:
        """Buffers for ``batch`` samples, reused across calls (results handed out are copies).

        Training needs two sizes (the batch and the last, smaller one) and evaluation one chunk
        size, each bounded by :data:`EVAL_CHUNK_BYTES` or the batch size chosen: at most four are kept.
        """
        ws = self._workspaces.get(batch)
        if ws is None:
            if len(self._workspaces) >= 4:
                self._workspaces.clear()
            net = self.network
            check_memory(
                workspace_bytes(net.sizes, batch, net.bias),
                f"a batch of {batch:,} samples for sizes {net.sizes}",
            )
            ws = self._workspaces[batch] = backprop.Workspace(net.sizes, batch, net.bias)
        return ws

    def chunk_rows(self) -> int:
        """Samples per evaluation chunk: a workspace of at most about :data:`EVAL_CHUNK_BYTES`."""
        net = self.network
        per_sample = workspace_bytes(net.sizes, 1, net.bias) - parameter_bytes(net.sizes, net.bias)
        return max(1, EVAL_CHUNK_BYTES // per_sample)

    def passes(self, inputs: Array) -> Iterator[tuple[int, int, Array, backprop.Workspace]]:
        """``(start, stop, chunk input with ones, workspace)`` after each chunk's forward pass."""
        n, rows = inputs.shape[0], self.chunk_rows()
        for start in range(0, n, rows):
            stop = min(start + rows, n)
            ws = self.workspace(stop - start)
            extended = backprop.with_ones(inputs[start:stop], self.network.bias)
            backprop.forward(self.layers, self.params, extended, ws)
            yield start, stop, extended, ws

    def predict(self, inputs: Array) -> Array:
        """Output-layer activations of checked ``inputs``, shape ``(n, n_outputs)``."""
        out = np.empty((inputs.shape[0], self.network.sizes[-1]))
        for start, stop, _, ws in self.passes(inputs):
            out[start:stop] = ws.a[-1]
        return out

    def mean_loss(self, inputs: Array, targets: Array) -> float:
        """Mean per-sample loss of checked ``inputs`` and ``targets`` (from logits where the pair allows)."""
        losses = np.empty(inputs.shape[0])
        for start, stop, _, ws in self.passes(inputs):
            losses[start:stop] = self.layers.per_sample_loss(ws.z[-1], ws.a[-1], targets[start:stop])
        return float(losses.mean())
