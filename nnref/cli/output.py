"""Where a subcommand's result goes: standard output, or a file written only once it is complete.

A file is written to a temporary file in the same folder and renamed over the target only when
every byte is on disk, so a full disk or a file-size limit leaves the old file as it was.
Standard output (no ``--output``, or ``--output -``) that cannot encode a document's characters
(``PYTHONIOENCODING=ascii``) gets them escaped in the format's own way: ``&#10003;`` in Markdown,
``\\u2713`` in JSON and notebooks; LaTeX is written as UTF-8, which is what its preamble declares.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nnref.errors import InputError

__all__ = ["check_writable", "emit", "replacing", "to_stdout"]


def to_stdout(path: str | None) -> bool:
    """``--output`` not given, or ``-``: the document goes to standard output."""
    return path is None or path == "-"


def check_writable(path: str, option: str) -> Path:
    """Fail early (before slow work) when ``path`` cannot be a file we write: ValueError names ``option``."""
    target = Path(path)
    if target.is_dir():
        raise InputError("error_cli_output_folder", option=option, got=repr(path))
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(
            "error_cli_output_no_folder", option=option, folder=repr(str(parent)), got=repr(path)
        )
    return target


def _new_file_mode(target: Path) -> int:
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _unwritable(path: str, option: str, error: OSError) -> InputError:
    return InputError(
        "error_cli_output_write", option=option, got=repr(path), reason=error.strerror or str(error)
    )


@contextmanager
def replacing(path: str, option: str) -> Iterator[Path]:
    """A temporary path next to ``path``; renamed onto ``path`` when the block ends without error.

    On any error the temporary file is removed and ``path`` is untouched; an OSError becomes a
    ValueError naming ``option``.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise _unwritable(path, option, error) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, _new_file_mode(target))
        os.replace(temporary, target)
    except OSError as error:
        raise _unwritable(path, option, error) from None
    finally:
        temporary.unlink(missing_ok=True)


def _json_escaped(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        if code <= 0xFFFF:
            return f"\\u{code:04x}"
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

    return re.sub(r"[^\x00-\x7f]", escape, text)


def _for_stream(text: str, encoding: str, form: str | None) -> str | bytes:
    """``text`` as the stream can carry it: itself, escaped for ``form``, or UTF-8 bytes."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:
        return text
    if form in ("json", "ipynb"):
        return _json_escaped(text)
    if form == "md":
        return text.encode(encoding, "xmlcharrefreplace").decode(encoding)
    return text.encode("utf-8")


def write_stdout(text: str, form: str | None = None) -> None:
    """Write ``text`` to standard output (see the module docstring for encodings it cannot carry)."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed (`>&-`)
        raise OSError(errno.EBADF, "standard output is closed: give --output FILE, or leave it open")
    out = _for_stream(text, getattr(stream, "encoding", None) or "utf-8", form)
    if isinstance(out, bytes):
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            out = out.decode("utf-8")
        else:
            stream.flush()
            buffer.write(out)
            buffer.flush()
            return
    stream.write(out)
    stream.flush()


def emit(text: str, path: str | None, option: str = "--output", form: str | None = None) -> None:
    """Print ``text``, or write it to ``path`` (UTF-8, atomically); ``-`` means standard output."""
    if path is None or to_stdout(path):  # (None spelled out: mypy narrows no further call)
        write_stdout(text, form)
        return
    with replacing(path, option) as temporary:
        temporary.write_text(text, encoding="utf-8")
