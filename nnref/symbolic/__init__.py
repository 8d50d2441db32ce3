"""The symbolic engine: exact backpropagation with SymPy (it never imports the numeric engine).

``derive(net, x, target, weights, biases, learning_rate)`` returns a :class:`Trace` with every
forward node, the loss, each gradient's chain-rule steps and the update, as formulas in
symbols, exact SymPy values and high-precision numbers rounded half up on request.
"""

from nnref.symbolic.chain import Trace, derive
from nnref.symbolic.forward import forward
from nnref.symbolic.functions import ACTIVATIONS, LOSSES
from nnref.symbolic.quantity import Node, Quantity, Step
from nnref.symbolic.shortcut import Shortcut, output_shortcut

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "Node",
    "Quantity",
    "Shortcut",
    "Step",
    "Trace",
    "derive",
    "forward",
    "output_shortcut",
]
