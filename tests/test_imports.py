"""The import graph of nnref/ has no cycle, and the layers point one way.

Read statically from the source (every ``import`` statement, at module level or inside a
function, ``TYPE_CHECKING`` blocks included): a lazy import inside a function is still a
dependency. ``from nnref.numeric import backprop`` is an edge to the submodule
``nnref.numeric.backprop``; the implicit import of a package's ``__init__`` when one of its
submodules loads is not counted (a package re-exporting its own modules is not a cycle of design).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "nnref"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in known else base)
    return {target for target in found if target in known and target != name}


def import_graph() -> dict[str, set[str]]:
    """Module name -> the nnref modules it imports."""
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path ``[a, b, ..., a]``, or None (iterative depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if state.get(root):
            continue
        path, stack = [root], [iter(sorted(graph[root]))]
        state[root] = 1
        while stack:
            child = next(stack[-1], None)
            if child is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(child) == 1:
                return [*path[path.index(child) :], child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append(iter(sorted(graph[child])))
    return None


def test_the_cycle_finder_finds_a_planted_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_graph_sees_lazy_and_type_checking_imports() -> None:
    graph = import_graph()
    assert "nnref.numeric.backprop" in graph["nnref.numeric.training"]  # from nnref.numeric import backprop
    assert "nnref.symbolic" in graph["nnref.verify"]  # imported inside exact_gradient()
    assert "nnref.numeric.mlp" in graph["nnref"]  # under TYPE_CHECKING


def test_nnref_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle)


# The worded errors (and the catalog that words them) may be raised from any layer.
_BELOW_EVERY_LAYER = {
    "nnref.errors", "nnref.glossary", "nnref.words", "nnref.words.cli", "nnref.words.errors",
    "nnref.words.render",
}


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("nnref.registry", "nnref"),  # the registry is the bottom: it imports only nnref.errors
        ("nnref.network", "nnref.numeric"),
        ("nnref.network", "nnref.symbolic"),
        ("nnref.numeric", "nnref.symbolic"),  # the two engines never import each other
        ("nnref.symbolic", "nnref.numeric"),
        ("nnref.numeric.training", "nnref.numeric.mlp"),  # MLP -> training -> kernels, one way
        ("nnref.numeric.backprop", "nnref.numeric.training"),
        ("nnref.numeric.backprop", "nnref.numeric.mlp"),
    ],
)
def test_layers_import_one_way(lower: str, upper: str) -> None:
    graph = import_graph()
    offenders = sorted(
        (module, target)
        for module, targets in graph.items()
        if module == lower or module.startswith(lower + ".")
        for target in targets
        if (target == upper or target.startswith(upper + ".")) and not target.startswith(lower)
        and target not in _BELOW_EVERY_LAYER
    )
    assert not offenders, offenders
