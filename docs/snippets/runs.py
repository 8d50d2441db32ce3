"""The pages' handle on training_runs.py: that file imported once per build process as a module,
so the Korean and the English page share its cached runs (a page's block includes this file; a
file included into a block is run again for every page and language).
"""

import importlib.util
import sys
from pathlib import Path


def _training_runs():
    name = "nnref_site_training_runs"
    if name not in sys.modules:
        path = Path("docs") / "snippets" / "training_runs.py"  # mkdocs runs from the repository root
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None or not path.is_file():
            raise FileNotFoundError(f"{path} not found: run mkdocs from the repository root")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


TRAINING_RUNS = _training_runs()
