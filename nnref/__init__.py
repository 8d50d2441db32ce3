"""nnref: neural-network fundamentals with every formula and number computed, in Korean and English.

>>> import sympy
>>> from nnref import Network, derive, MLP
>>> net = Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse")
>>> tr = derive(net, x=["0.1", "0.2"], target=["0.4", "0.6"],
...             weights=["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"],
...             learning_rate="0.5")
>>> tr.gradient["w5"], sympy.N(tr.gradient["w5"], 30), tr.decimal("dE/dw5", 8)
(dE/dw5, 0.0259228556036473994716240789516, Decimal('0.02592286'))
>>> round(MLP.from_network(net, weights=tr.parameters).gradient([0.1, 0.2], [0.4, 0.6])["w5"], 8)
0.02592286

The symbolic path (``Network``, ``derive``, ``examples``, ``nnref.render``) needs SymPy only;
``MLP`` (NumPy) is imported the first time it is used, ``derive`` and ``examples`` (SymPy) too,
so ``import nnref`` and ``nnref --help`` stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from nnref.network import Network

if TYPE_CHECKING:
    from nnref import examples
    from nnref.numeric.mlp import MLP
    from nnref.symbolic.chain import derive

__version__ = "0.1.0"

__all__ = ["MLP", "Network", "__version__", "derive", "examples"]

# PEP 562: each public name's module loads the first time the name is used.
_LAZY = {"MLP": ("nnref.numeric.mlp", "MLP"), "derive": ("nnref.symbolic.chain", "derive"),
         "examples": ("nnref.examples", None)}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'nnref' has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
