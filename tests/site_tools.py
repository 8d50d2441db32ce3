"""Helpers for the site tests: page pairing, the hand-typed-number check, the strict build, the browser.

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
# notebook cell), never be typed into prose where it can silently go stale. The check: a
# decimal with 3 or more digits after the point, in prose. Code, executed blocks, math and
# HTML comments are blanked out first (keeping line numbers).

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
_BLANKABLE = re.compile(
    r"<!--.*?-->"  # HTML comments
    r"|\$\$.*?\$\$"  # display math $$...$$
    r"|\\\[.*?\\\]"  # display math \[...\]
    r"|\\\(.*?\\\)"  # inline math \(...\)
    r"|(?<![\\$])\$(?!\s)[^$\n]+?(?<!\s)\$"  # inline math $...$
    r"|(?P<ticks>`+).*?(?P=ticks)",  # inline code
    re.DOTALL,
)
# 3+ digits after a decimal point; not part of a longer dotted token such as a version 1.2.345.
_DECIMAL = re.compile(r"(?<![\w.])\d*\.\d{3,}(?![\w.]*\d)")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose_only(markdown: str) -> str:
    """``markdown`` with fenced blocks, inline code, math and HTML comments replaced by spaces.

    Fenced blocks include markdown-exec blocks (their output, tables included, is produced by
    code). Line and column positions are kept.

    >>> prose_only("a `0.1234` b\\n```python exec=\\"on\\"\\nprint(0.5274)\\n```\\n$$0.12345$$ c").split()
    ['a', 'b', 'c']
    """
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        if fence is None:
            opened = _FENCE_OPEN.match(line)
            if opened:
                fence = opened.group("fence")
                lines[index] = " " * len(line)
        else:
            if line.strip().startswith(fence) and set(line.strip()) <= set(fence[0]):
                fence = None
            lines[index] = " " * len(line)
    return _BLANKABLE.sub(_blank, "\n".join(lines))


@dataclass(frozen=True)
class HandTypedNumber:
    line: int
    column: int
    number: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.number}"


def hand_typed_decimals(markdown: str) -> list[HandTypedNumber]:
    """Decimals with 3+ digits after the point in the prose of ``markdown``.

    >>> [str(n) for n in hand_typed_decimals("E is 0.2984 here; w5 = `0.35891` and $0.12345$.")]
    ['1:6: 0.2984']
    >>> hand_typed_decimals("mkdocs 1.6.1, 12.5%, 0.25 and 127.0.0.1 are fine")
    []
    """
    prose = prose_only(markdown)
    found = []
    for line_number, line in enumerate(prose.split("\n"), start=1):
        for match in _DECIMAL.finditer(line):
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


def lang_prefix(lang: str) -> str:
    """The site path of a language: Korean at the root, English under en/."""
    return "" if lang == "ko" else "en/"


def built_pages(site_dir: Path, lang: str) -> list[str]:
    """Site paths of every page built for ``lang`` ("" is the home page), from the site folder."""
    root = site_dir if lang == "ko" else site_dir / "en"
    pages = []
    for index in sorted(root.rglob("index.html")):
        relative = index.parent.relative_to(root).as_posix()
        if relative.split("/")[0] in {"en", "assets", "search"}:
            continue
        pages.append("" if relative == "." else f"{relative}/")
    return pages


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """``site_dir`` served from the root of http://127.0.0.1:<free port>/ while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


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


def open_page(page, url: str) -> None:
    """Load ``url`` in a Playwright page and wait until the network is idle (scripts have run)."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def search_result_pages(page, url: str, query: str) -> list[str]:
    """Open ``url``, type ``query`` into the header's search box as a reader does, and return the
    result pages in order: site paths (no leading slash, no #section), one per page however many
    of its sections matched."""
    open_page(page, url)
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(query)
    # Material searches on keyup; fill() types no key (and Hangul typed key by key arrives as
    # text input without keyup), so end with a real key press, as a reader's last key would be.
    search.press("End")
    page.wait_for_selector("a.md-search-result__link", timeout=15_000)
    hrefs = page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    pages: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path.lstrip("/")
        if path not in pages:
            pages.append(path)
    return pages
