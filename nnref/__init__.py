"""nnref: neural-network fundamentals with every formula and number computed, in Korean and English."""

from nnref.network import Network

__version__ = "0.1.0"

__all__ = ["Network", "__version__"]
