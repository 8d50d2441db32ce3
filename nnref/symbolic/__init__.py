"""The symbolic engine: exact backpropagation with SymPy (it never imports the numeric engine).

``derive(net, x, target, weights, biases, learning_rate)`` returns a :class:`Trace` whose every
quantity (forward node, loss, chain-rule step, delta, gradient, update) is a :class:`Node`
with a formula in symbols and an exact value: a ``Rational`` or an :class:`ExactValue` atom that
SymPy evaluates to any precision (``sympy.N(v, 50)``) from the node graph.
"""

from nnref.symbolic.chain import SampleTrace, Trace, derive
from nnref.symbolic.check import CheckResult
from nnref.symbolic.forward import forward
from nnref.symbolic.graph import ExactValue, Kind, Node, PrecisionError
from nnref.symbolic.shortcut import Shortcut, output_shortcut
from nnref.symbolic.step import Step

Quantity = Node  # the name of a trace's quantities before they became graph nodes

__all__ = [
    "CheckResult",
    "ExactValue",
    "Kind",
    "Node",
    "PrecisionError",
    "Quantity",
    "SampleTrace",
    "Shortcut",
    "Step",
    "Trace",
    "derive",
    "forward",
    "output_shortcut",
]
