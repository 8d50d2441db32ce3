"""nnref: neural-network fundamentals with every formula and number computed, in Korean and English.

>>> from nnref import Network, derive, MLP
>>> net = Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse")
>>> tr = derive(net, x=["0.1", "0.2"], target=["0.4", "0.6"],
...             weights=["0.3", "0.25", "0.4", "0.35", "0.45", "0.4", "0.7", "0.6"],
...             learning_rate="0.5")
>>> tr.decimal("dE/dw5", 8)
Decimal('0.02592286')
>>> round(MLP.from_network(net, weights=tr.parameters).gradient([0.1, 0.2], [0.4, 0.6])["w5"], 8)
0.02592286
"""

from nnref import examples
from nnref.network import Network
from nnref.numeric.mlp import MLP
from nnref.symbolic.chain import derive

__version__ = "0.1.0"

__all__ = ["MLP", "Network", "__version__", "derive", "examples"]
