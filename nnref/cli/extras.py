"""Optional dependencies of the ``nnref`` command, named by the extra that installs them.

>>> require("sys", "--format ipynb")  # present: nothing happens
>>> require("no_such_module_nnref", "--format ipynb")
Traceback (most recent call last):
...
nnref.errors.InputError: --format ipynb needs no_such_module_nnref, which is not installed: pip install ...
"""

from __future__ import annotations

import importlib.util

from nnref.errors import InputError

__all__ = ["require"]


def require(module: str, purpose: str, extra: str = "cli") -> None:
    """Fail early, with the install line of ``extra``, when ``module`` cannot be imported."""
    if importlib.util.find_spec(module) is None:
        raise InputError("error_cli_missing_module", purpose=purpose, module=module, extra=extra)
