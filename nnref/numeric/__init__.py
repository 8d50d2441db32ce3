"""The float64 NumPy engine: activations and losses, the MLP, training, gradient checking, data.

It never imports :mod:`nnref.symbolic`: the two engines are compared with each other, so neither
may borrow the other's results.
"""

from nnref.numeric.gradcheck import check_gradient
from nnref.numeric.mlp import MLP
from nnref.numeric.training import History, fit

__all__ = ["MLP", "History", "check_gradient", "fit"]
