"""Helpers for the site tests: page pairing, the hand-typed-number check, the strict build.

Kept apart from the tests so each checker can be run on synthetic input and shown to fail.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from types import ModuleType
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
LANGS: tuple[str, ...] = ("ko", "en")

# Folders of docs/ that hold no pages (mkdocs.yml's exclude_docs, plus vendored assets).
NON_PAGE_DIRS: frozenset[str] = frozenset({"assets", "hooks", "snippets", "javascripts", "stylesheets"})


def page_files(docs: Path = DOCS) -> list[PurePosixPath]:
    """Pages (``*.md``) and notebooks (``*.ipynb``) under ``docs``, relative, sorted.

    README.md files are documentation for editors, excluded from the site by mkdocs.yml.
    """
    found = []
    for path in docs.rglob("*"):
        relative = PurePosixPath(path.relative_to(docs).as_posix())
        if not path.is_file() or relative.parts[0] in NON_PAGE_DIRS or relative.name == "README.md":
            continue
        if ".ipynb_checkpoints" in relative.parts:
            continue
        if relative.suffix in {".md", ".ipynb"}:
            found.append(relative)
    return sorted(found)


def load_hook(name: str) -> ModuleType:
    """Import ``docs/hooks/<name>.py`` (hooks are files mkdocs loads by path, not a package)."""
    spec = importlib.util.spec_from_file_location(f"nnref_docs_hooks_{name}", DOCS / "hooks" / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load docs/hooks/{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def missing_translations(files: Iterable[PurePosixPath | str]) -> list[str]:
    """One message per page or notebook without its counterpart in the other language.

    Every page must be ``name.ko.md`` + ``name.en.md`` (notebooks ``name.ko.ipynb`` +
    ``name.en.ipynb``, the form docs/hooks/i18n_notebooks.py needs); a file with no language
    suffix is reported too, since static-i18n would publish it in Korean on both sites.

    >>> for problem in missing_translations(["x.ko.md", "x.en.md", "a/b.ko.md", "n/x.en.ipynb", "c.md"]):
    ...     print(problem)
    a/b.ko.md has no a/b.en.md
    c.md has no language suffix (.ko.md and .en.md)
    n/x.en.ipynb has no n/x.ko.ipynb
    """
    present = {PurePosixPath(f) for f in files}
    problems = []
    for file in sorted(present):
        suffixes = file.suffixes
        lang = suffixes[-2].lstrip(".") if len(suffixes) >= 2 else None
        if lang not in LANGS:
            problems.append(f"{file} has no language suffix (.ko{file.suffix} and .en{file.suffix})")
            continue
        stem = file.name[: -len(f".{lang}{file.suffix}")]
        for other in LANGS:
            counterpart = file.with_name(f"{stem}.{other}{file.suffix}")
            if other != lang and counterpart not in present:
                problems.append(f"{file} has no {counterpart}")
    return problems


# ---------------------------------------------------------------------------------------------
# Hand-typed numbers. A number that code computes must come from a markdown-exec block (or a
# notebook cell), never be typed into a page where it can silently go stale: not in prose, not in
# math (the pages' formulas with numbers come from snippets too), not in a hand-written output
# block. The check: a decimal with 3 or more digits after the point. Executed blocks, program
# source blocks, inline code and HTML comments are blanked out first (keeping line numbers);
# math, ```text/console/pycon blocks and everything after a fence that never closes are read.
# A given typed on purpose is allowed by name, on its page: <!-- given: 0.125 (why) -->.

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# Fences whose content a person typed as output or text: read like prose.
_OUTPUT_FENCES = frozenset({"", "text", "txt", "plain", "console", "output", "pycon"})
_BLANKABLE = re.compile(
    r"<!--.*?-->"  # HTML comments
    r"|(?P<ticks>`+).*?(?P=ticks)",  # inline code
    re.DOTALL,
)
_GIVEN = re.compile(r"<!--\s*given:\s*(?P<numbers>[^()>]*?)\s*(?:\(.*?\))?\s*-->", re.DOTALL)
# 3+ digits after a decimal point; not part of a longer dotted token such as a version 1.2.345 or
# an ASCII name (x1.234); Hangul right before it is prose (오차는약0.24681357).
_DECIMAL = re.compile(r"(?<![A-Za-z0-9_.])\d*\.\d{3,}(?![A-Za-z0-9_.]*\d)")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _closing(lines: list[str], start: int, fence: str) -> int | None:
    """Index of the line that closes the fence opened on line ``start``, or None."""
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith(fence) and set(stripped) <= set(fence[0]):
            return index
    return None


def _is_output_fence(info: str) -> bool:
    words = info.strip().strip("{}").split()
    language = words[0].lstrip(".").lower() if words else ""
    executed = any(re.match(r"exec\s*=", word) for word in words)
    return language in _OUTPUT_FENCES and not executed


def checked_text(markdown: str) -> str:
    """``markdown`` with what code produced or what is code replaced by spaces (positions kept).

    Blanked: fenced blocks of program source and markdown-exec blocks (their output, tables
    included, is produced by code), inline code, HTML comments. Kept: prose, math, the content of
    ``text``/``console``/``pycon`` (or unlabelled) fences, and a fence that is never closed
    (Markdown shows it as text).

    >>> checked_text("a `0.1234` b\\n```python exec=\\"on\\"\\nprint(0.5274)\\n```\\n$$0.12345$$ c").split()
    ['a', 'b', '$$0.12345$$', 'c']
    """
    lines = markdown.split("\n")
    index = 0
    while index < len(lines):
        opened = _FENCE_OPEN.match(lines[index])
        close = _closing(lines, index, opened.group("fence")) if opened else None
        if opened is None or close is None:
            index += 1
            continue
        keep_content = _is_output_fence(opened.group("info"))
        for inside in range(index, close + 1):
            if not keep_content or inside in (index, close):
                lines[inside] = " " * len(lines[inside])
        index = close + 1
    return _BLANKABLE.sub(_blank, "\n".join(lines))


def allowed_givens(markdown: str) -> frozenset[str]:
    """The numbers a page declares as givens: ``<!-- given: 0.125, 0.0625 (the example's inputs) -->``.

    >>> sorted(allowed_givens("<!-- given: 0.125, 0.0625 (inputs) --> text <!-- given: 1.005 -->"))
    ['0.0625', '0.125', '1.005']
    """
    found = set()
    for match in _GIVEN.finditer(markdown):
        found.update(number.strip() for number in match.group("numbers").split(",") if number.strip())
    return frozenset(found)


@dataclass(frozen=True)
class HandTypedNumber:
    line: int
    column: int
    number: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.number}"


def hand_typed_decimals(markdown: str) -> list[HandTypedNumber]:
    """Decimals with 3+ digits after the point in the prose, math and output blocks of ``markdown``,
    except the page's declared givens.

    >>> [str(n) for n in hand_typed_decimals("E is 0.2984 here; w5 = `0.35891` and $0.12345$.")]
    ['1:6: 0.2984', '1:39: 0.12345']
    >>> hand_typed_decimals("mkdocs 1.6.1, 12.5%, 0.25 and 127.0.0.1 are fine")
    []
    >>> hand_typed_decimals("<!-- given: 0.125 (the input) --> x = 0.125")
    []
    """
    givens = allowed_givens(markdown)
    text = checked_text(markdown)
    found = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        for match in _DECIMAL.finditer(line):
            if match.group(0) not in givens:
                found.append(HandTypedNumber(line_number, match.start() + 1, match.group(0)))
    return found


def notebook_markdown(path: Path) -> str:
    """The Markdown cells of a notebook (its prose), joined; code cells are left out."""
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    prose = ("".join(cell.get("source", "")) for cell in cells if cell.get("cell_type") == "markdown")
    return "\n\n".join(prose)


# ---------------------------------------------------------------------------------------------
# The strict build.

# ipykernel (started by mkdocs-jupyter to execute notebooks) prints this on its own stderr for
# every kernel; it is about the local kernel connection, not about the site.
_KERNEL_TRANSPORT_NOTICE = re.compile(
    r"^\[IPKernelApp\] WARNING \| Kernel is running over TCP without encryption"
)


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    returncode: int
    output: str
    seconds: float
    cpu_seconds: float = 0.0  # user + system time of mkdocs and the kernels it started

    def warnings(self) -> list[str]:
        """Every output line that says WARNING, except the known ipykernel transport notice."""
        return [
            line
            for line in self.output.splitlines()
            if "WARNING" in line and not _KERNEL_TRANSPORT_NOTICE.match(line.strip())
        ]


def build_site(site_dir: Path, config: Path = REPO / "mkdocs.yml") -> BuildResult:
    """Run ``mkdocs build --strict`` into ``site_dir`` from the repository root, timed."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
               "--site-dir", str(site_dir)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return BuildResult(site_dir, completed.returncode, completed.stdout + completed.stderr, seconds, cpu)


def run_snippets(*names: str) -> dict[str, object]:
    """Execute ``docs/snippets/<name>`` files in one namespace, as a page's markdown-exec block does."""
    namespace: dict[str, object] = {}
    for name in names:
        exec((DOCS / "snippets" / name).read_text(encoding="utf-8"), namespace)
    return namespace


# ---------------------------------------------------------------------------------------------
# Serving a built site.


class StaticHost(SimpleHTTPRequestHandler):
    """A quiet static host: the site's files at ``/`` and under ``prefix`` (the published
    sub-path, like GitHub Pages' /nnref/), and 404.html with status 404 for anything missing."""

    prefix = "/nnref/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """``site_dir`` served by :class:`StaticHost` on a free port of 127.0.0.1; yields the base URL
    (``http://127.0.0.1:<port>``, no trailing slash)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """``site_dir`` served (see :func:`serve_site`); yields the base URL with a trailing slash."""
    with serve_site(site_dir) as base:
        yield base + "/"


def block_other_hosts(context, blocked: list[str] | None = None) -> None:
    """Route every request of a Playwright browser context: 127.0.0.1 passes, the rest is aborted
    (and recorded in ``blocked`` when given)."""

    def guard(route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            if blocked is not None:
                blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)


# ---------------------------------------------------------------------------------------------
# The built site in a browser: Debian's chromium through Playwright, every other host blocked.
# The fixtures that use these (``site_url``, ``browser``) are in conftest.py.

CHROMIUM = "/usr/bin/chromium"
# DESIGN.md "Looking at the site": no first-run, sync, update or background traffic of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_browser():  # -> playwright.sync_api.sync_playwright
    """Playwright's sync API, or skip (locally) / fail (in CI) when the browser stack is missing."""
    import pytest

    missing = []
    if not Path(CHROMIUM).is_file():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("the playwright package (pip install playwright; no browser download needed)")
        sync_playwright = None
    if missing:
        message = "browser test needs " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return sync_playwright


def is_local(url: str) -> bool:
    """Whether ``url`` is on 127.0.0.1, the only host the browser tests let pages reach."""
    return urlsplit(url).hostname == "127.0.0.1"
