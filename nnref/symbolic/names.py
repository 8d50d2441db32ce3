r"""How quantity names are written in LaTeX: ``h12`` -> ``h_{12}``, ``dE/dw5`` -> a partial.

>>> print(latex_name("h12"), latex_name("E_o1"), latex_name("alpha"), latex_name("E"))
h_{12} E_{o_{1}} \alpha E
>>> print(partial_latex("E", "o1"))
\frac{\partial E}{\partial o_{1}}
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["latex_name", "partial_latex"]


@cache
def latex_name(name: str) -> str:
    """LaTeX of a quantity name (a letter run and a number become a subscript)."""
    if name == "alpha":
        return r"\alpha"
    if name.startswith("E_"):
        return f"E_{{{latex_name(name[2:])}}}"
    match = re.fullmatch(r"([A-Za-z]+)(\d+)", name)
    return f"{match.group(1)}_{{{match.group(2)}}}" if match else name


@cache
def partial_latex(top: str, bottom: str) -> str:
    """``\\frac{\\partial top}{\\partial bottom}`` from two quantity names."""
    return rf"\frac{{\partial {latex_name(top)}}}{{\partial {latex_name(bottom)}}}"
