"""Where a subcommand's result goes: standard output, or a file written only once it is complete."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["check_writable", "emit"]


def check_writable(path: str, option: str) -> Path:
    """Fail early (before slow work) when ``path`` cannot be a file we write: ValueError names ``option``."""
    target = Path(path)
    if target.is_dir():
        raise ValueError(f"{option} must be a file path, not a folder; got {path!r}")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise ValueError(f"{option}: the folder {str(parent)!r} does not exist; got {path!r}")
    return target


def emit(text: str, path: str | None, option: str = "--output") -> None:
    """Print ``text``, or write it to ``path`` (UTF-8); an OSError becomes a ValueError naming ``option``."""
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as error:
        raise ValueError(f"{option}: cannot write {path!r}: {error.strerror or error}") from None
