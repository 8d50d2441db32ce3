# Executed page code of the "command line" page (guide/cli.*.md): every transcript on the page is
# nnref.cli.main run in-process while the site builds, with its output captured.
import contextlib
import io
import json
import os
import re
import shlex
import tempfile
import textwrap
from pathlib import Path

from nnref.cli import main
from nnref.cli.limits import limit_rows


@contextlib.contextmanager
def korean_locale():
    """The transcripts are those of a Korean terminal (LANG=ko_KR.UTF-8), whatever the locale of
    the machine that builds the site: without --lang the command follows the locale."""
    saved = {name: os.environ.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG")}
    for name in saved:
        os.environ.pop(name, None)
    os.environ["LANG"] = "ko_KR.UTF-8"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run(command: str) -> tuple[int, str, str]:
    """``nnref ...`` run in-process: (exit status, standard output, standard error)."""
    argv = shlex.split(command)
    if argv[0] != "nnref":
        raise ValueError(f"command must start with nnref; got {command!r}")
    out, err = io.StringIO(), io.StringIO()
    with korean_locale(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv[1:])
    return status, out.getvalue(), err.getvalue()


def console(command: str, status: int = 0, head: int | None = None, tail: int | None = None) -> None:
    """Print a console transcript (a fenced block); fail the build if the exit status differs."""
    got, out, err = run(command)
    if got != status:
        raise ValueError(f"{command!r} exited {got}, expected {status}: {err}")
    lines = (out + err).rstrip("\n").splitlines()
    if head is not None and len(lines) > head + (tail or 0):
        lines = [*lines[:head], "...", *(lines[-tail:] if tail else [])]
    shown = [f"$ {command}", *lines]
    if status:
        shown.append(f"$ echo $?\n{got}")
    print("```console\n" + "\n".join(shown) + "\n```")


def rendered(command: str, title: str) -> None:
    """Print a command's Markdown output as it renders, in an open collapsible box titled ``title``.

    Its headings become bold lines, so that they stay out of the page's table of contents.
    """
    got, out, err = run(command)
    if got != 0:
        raise ValueError(f"{command!r} exited {got}: {err}")
    body = re.sub(r"^#{1,6} (.*)$", r"**\1**", out, flags=re.MULTILINE)
    print(f'???+ example "{title}"\n\n' + textwrap.indent(body, "    "))


def json_excerpt(command: str, *names: str) -> None:
    """The document's top-level fields and the named values of iteration 0, as JSON."""
    got, out, err = run(command)
    if got != 0:
        raise ValueError(f"{command!r} exited {got}: {err}")
    doc = json.loads(out)
    values = doc["iterations"][0]["values"]
    excerpt = {key: doc[key] for key in ("schema", "example", "network", "digits", "steps")}
    excerpt["iterations[0].values"] = {name: values[name] for name in names}
    text = json.dumps(excerpt, ensure_ascii=False, indent=2)
    # Lists of names and numbers on one line each, as a person would write them.
    text = re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + ", ".join(
        item.strip() for item in m.group(1).split(",")) + "]", text)
    print("```json\n" + text + "\n```")


def notebook_outline(command: str) -> None:
    """Write the notebook a derive command makes to a temporary file; list its cells."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "derivation.ipynb"
        got, _, err = run(f"{command} --output {shlex.quote(str(path))}")
        if got != 0:
            raise ValueError(f"{command!r} exited {got}: {err}")
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = []
    for index, cell in enumerate(cells, start=1):
        first = "".join(cell["source"]).splitlines()[0]
        lines.append(f"{index:2d} {cell['cell_type']:8s} {first}")
    print("```text\n" + "\n".join(lines) + "\n```")


def limits_list(lang: str) -> None:
    """The limits of nnref.cli.limits as one list per command (long sentences read better as a
    list than in a table on a phone), in ``lang``."""
    lines: list[str] = []
    for command, option, text in limit_rows(lang):
        heading = f"**`nnref {command}`**"
        if heading not in lines:
            lines += ["", heading, ""] if lines else [heading, ""]
        options = ", ".join(f"`{name.strip()}`" for name in option.split(","))
        lines.append(f"- {options}: {text}")
    print("\n".join(lines))


def exercises_transcript(command: str, title: str) -> None:
    """``nnref exercises ...`` run in a temporary folder: the transcript, the files it wrote (name
    and lines), then the answer key's first exercise as it renders, folded under ``title``."""
    with tempfile.TemporaryDirectory() as folder:
        saved = os.getcwd()
        os.chdir(folder)
        try:
            got, out, err = run(command)
        finally:
            os.chdir(saved)
        if got != 0:
            raise ValueError(f"{command!r} exited {got}: {err}")
        files = sorted(Path(folder).iterdir())
        listing = [f"{len(p.read_text(encoding='utf-8').splitlines()):>5} {p.name}" for p in files]
        key = next(p for p in files if p.stem.endswith("-key")).read_text(encoding="utf-8")
    print("```console\n" + "\n".join([f"$ {command}", *(out + err).rstrip("\n").splitlines(),
                                       "$ wc -l *", *listing]) + "\n```\n")
    # From the first exercise's heading to the second's: its question, answer and solution.
    first = re.search(r"^### .*?(?=^### |\Z)", key, flags=re.MULTILINE | re.DOTALL).group(0)
    body = re.sub(r"^#{1,6} (.*)$", r"**\1**", first.rstrip("\n"), flags=re.MULTILINE)
    print(f'??? example "{title}"\n\n' + textwrap.indent(body, "    "))
