"""The public API is what the API reference documents: every name a public package exports (its
``__all__``) has a docstring and is rendered on the API reference page, in both languages; each
public function and method with parameters says what they are (a Google-style ``Args:`` section,
the style mkdocs.yml renders).

Which members a ``::: target`` line renders is read with griffe, the library mkdocstrings reads
the code with: a module's public members that have a docstring (and the target itself).
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
from pathlib import Path

import griffe
import pytest

REPO = Path(__file__).resolve().parent.parent
# The packages users import from. nnref.cli, nnref.words, nnref.playground and nnref.exercises
# are internal (the command, the word catalog, the site's playground, the handouts' generators):
# their __all__ is their interface to the rest of nnref, not an API.
PUBLIC_PACKAGES = ("nnref", "nnref.symbolic", "nnref.numeric", "nnref.render", "nnref.data")


def _targets(lang: str) -> list[str]:
    text = (REPO / "docs" / "reference" / f"api.{lang}.md").read_text(encoding="utf-8")
    return re.findall(r"^::: ([\w.]+)\s*$", text, re.MULTILINE)


def _griffe(path: str) -> griffe.Object | griffe.Alias:
    root = griffe.load(path.split(".")[0], search_paths=[str(REPO)])
    return root[path.split(".", 1)[1]] if "." in path else root


def _rendered() -> set[str]:
    """Canonical paths of everything the API reference renders."""
    found = set()
    for target in _targets("en"):
        found.add(target)
        for member in _griffe(target).members.values():
            if member.is_public and member.docstring is not None:
                found.add(member.canonical_path)
    return found


def _canonical(package: str, name: str) -> str:
    obj = getattr(importlib.import_module(package), name)
    if inspect.ismodule(obj):
        return obj.__name__
    if inspect.isclass(obj) or inspect.isfunction(obj):
        return f"{obj.__module__}.{obj.__qualname__}"
    return _griffe(f"{package}.{name}").canonical_path


def _exported() -> list[tuple[str, str]]:
    return [(package, name) for package in PUBLIC_PACKAGES
            for name in importlib.import_module(package).__all__ if not name.startswith("__")]


def test_both_languages_render_the_same_reference() -> None:
    assert _targets("ko") == _targets("en")


def test_every_exported_name_has_a_docstring_and_is_rendered() -> None:
    rendered = _rendered()
    missing = [f"{package}.{name} ({_canonical(package, name)})" for package, name in _exported()
               if _canonical(package, name) not in rendered]
    assert missing == []


# Methods users do not call: the symbolic engine builds its nodes and steps with these (users get
# them from derive and read them), and ``doit`` is SymPy's own protocol.
ENGINE_ONLY = {
    "nnref.symbolic.graph.Node": {"__init__", "given", "derived", "alias", "place", "interval", "mpf"},
    "nnref.symbolic.step.Step": {"local", "constant", "same_as", "product", "total", "average"},
    "nnref.symbolic.chain.Trace": {"__init__"},
    "nnref.symbolic.chain.SampleTrace": {"__init__"},
    "nnref.symbolic.graph.ExactValue": {"doit"},
}


def _functions() -> list[tuple[str, object]]:
    """The public functions and methods of the exported names, each once (a dataclass's generated
    ``__init__`` is documented by its fields)."""
    found: dict[object, str] = {}
    for package, name in _exported():
        obj = getattr(importlib.import_module(package), name)
        if inspect.isfunction(obj):
            found.setdefault(obj, f"{obj.__module__}.{obj.__qualname__}")
        elif inspect.isclass(obj):
            skipped = ENGINE_ONLY.get(f"{obj.__module__}.{obj.__qualname__}", set())
            for member, value in vars(obj).items():
                function = value.__func__ if isinstance(value, classmethod | staticmethod) else value
                if not inspect.isfunction(function) or member in skipped:
                    continue
                generated = member == "__init__" and dataclasses.is_dataclass(obj)
                if (member == "__init__" and not generated) or not member.startswith("_"):
                    found.setdefault(function, f"{obj.__module__}.{obj.__qualname__}.{member}")
    return [(name, function) for function, name in found.items()]


@pytest.mark.parametrize(("name", "function"), _functions(), ids=[name for name, _ in _functions()])
def test_every_public_function_with_parameters_has_an_args_section(name: str, function: object) -> None:
    parameters = [p for p in inspect.signature(function).parameters if p not in ("self", "cls")]  # type: ignore[arg-type]
    if not parameters:
        return
    doc = inspect.getdoc(function) or ""
    if function.__name__ == "__init__":  # type: ignore[attr-defined]
        owner = function.__qualname__.rsplit(".", 1)[0]  # type: ignore[attr-defined]
        doc += "\n" + (inspect.getdoc(getattr(inspect.getmodule(function), owner)) or "")
    assert "Args:" in doc, f"{name}({', '.join(parameters)}) has no Args: section"
    documented = set(re.findall(r"^ {4}\*{0,2}(\w+):", doc.split("Args:", 1)[1], re.MULTILINE))
    assert set(parameters) <= documented, f"{name}: Args: misses {sorted(set(parameters) - documented)}"


def test_the_args_check_fails_on_an_undocumented_parameter() -> None:
    def documented(a: int, b: int) -> int:
        """Sum.

        Args:
            a: one.
        """
        return a + b

    with pytest.raises(AssertionError, match=r"misses \['b'\]"):
        test_every_public_function_with_parameters_has_an_args_section("documented", documented)


def test_the_args_check_reads_a_starred_parameter() -> None:
    def starred(a: int, **options: int) -> int:
        """Sum.

        Args:
            a: one.
            **options: the others.
        """
        return a + sum(options.values())

    test_every_public_function_with_parameters_has_an_args_section("starred", starred)
    starred.__doc__ = "Sum.\n\nArgs:\n    a: one.\n"
    with pytest.raises(AssertionError, match=r"misses \['options'\]"):
        test_every_public_function_with_parameters_has_an_args_section("starred", starred)
