"""MkDocs hook: a markdown-exec block that raises SystemExit fails the strict build.

Why it is needed. markdown-exec runs a ``python`` (or ``pycon``) block inside ``try: ...
except Exception``: an exception becomes a warning, which ``mkdocs build --strict`` turns into a
failure. ``SystemExit`` is not an ``Exception``: ``sys.exit(0)`` or ``raise SystemExit`` in page
code travels up through Markdown and MkDocs and ends the whole build with status 0, no site and
no warning. So do the other ``BaseException``s that are not interruptions (``GeneratorExit``).

What this hook does: ``on_config`` wraps the function markdown-exec (pinned in pyproject.toml)
executes blocks with, so that such an exit is re-raised as :class:`BlockExited`, an ordinary
``Exception``: markdown-exec then reports the block with its traceback and the strict build
fails. ``KeyboardInterrupt`` still interrupts. If markdown-exec's internals move, the hook stops
the build with a PluginError instead of silently protecting nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

_RUNNER_MODULE = "markdown_exec._internal.formatters.python"


class BlockExited(RuntimeError):
    """A page's code block tried to end the build (``SystemExit`` and the like)."""


def refusing_exits(run: Callable[..., None]) -> Callable[..., None]:
    """``run`` (markdown-exec's ``exec_python``) with an exit that is no Exception as :class:`BlockExited`."""

    def exec_python(code: str, filename: str, exec_globals: dict[str, Any] | None = None) -> None:
        try:
            run(code, filename, exec_globals)
        except (Exception, KeyboardInterrupt):
            raise
        except BaseException as error:
            raise BlockExited(
                f"the code block raised {type(error).__name__}{error.args!r}: page code must not end the "
                "build (a failing block is an exception, which the strict build reports)"
            ) from error

    exec_python.refuses_exits = True  # type: ignore[attr-defined]
    return exec_python


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        runner = importlib.import_module(_RUNNER_MODULE)
        current = runner.exec_python
    except (ImportError, AttributeError) as error:
        raise PluginError(
            f"docs/hooks/snippet_exits.py: markdown-exec no longer has {_RUNNER_MODULE}.exec_python "
            f"({error}); update the hook for the markdown-exec version in pyproject.toml"
        ) from error
    if not getattr(current, "refuses_exits", False):
        runner.exec_python = refusing_exits(current)
    return config
