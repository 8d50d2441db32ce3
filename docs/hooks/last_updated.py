"""MkDocs hook: each page says when its text last changed (Material's "last update" line).

The date is the newest commit date (``YYYY-MM-DD``, the same in both languages) of the page's
source file and of the snippet files it pulls in (``--8<-- "file.py"``: most of a chapter's
sentences and numbers come from there). It is read from ``git log`` once per build, so it needs
the repository's history: in a shallow clone (CI's default checkout) every file would seem to
change in the last commit, so no page shows a date there (.github/workflows/pages.yml fetches the
whole history for the published site). No git, or not a repository: no dates either.

Material shows ``page.meta.revision_date`` in its source-file line (partials/source-file.html)
without the git-revision-date plugin and without any request to another host.
"""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.last_updated")

_INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^"]+)"', re.MULTILINE)
_DATES: dict[Path, str] = {}


def commit_dates(root: Path) -> dict[Path, str] | None:
    """The newest commit date (``YYYY-MM-DD``) of every file ever committed under ``root``, by
    absolute path; None when ``root`` is not in a git repository with its whole history."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    top, shallow = git("rev-parse", "--show-toplevel"), git("rev-parse", "--is-shallow-repository")
    if top is None or shallow is None or shallow.strip() != "false":
        return None
    history = git("log", "--format=%x00%cs", "--name-only", "--", ".")
    if history is None:
        return None
    dates: dict[Path, str] = {}
    date = ""
    for line in history.splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line:
            dates.setdefault(Path(top.strip(), line), date)  # newest first: keep the first
    return dates


def page_date(source: Path, text: str, snippets: list[Path], dates: dict[Path, str]) -> str | None:
    """The newest date of ``source`` and of the snippet files its ``text`` includes."""
    included = [folder / m.group("path") for m in _INCLUDE.finditer(text) for folder in snippets]
    found = [dates[path] for path in (source.resolve(), *(p.resolve() for p in included)) if path in dates]
    return max(found, default=None)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _DATES.clear()
    dates = commit_dates(Path(config.docs_dir))
    if dates is None:
        log.info("last_updated: no full git history here (shallow clone or no repository): no page dates")
    else:
        _DATES.update(dates)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _DATES and page.file.abs_src_path:
        options = config.mdx_configs.get("pymdownx.snippets", {})
        folders = [Path(folder).resolve() for folder in options.get("base_path", ["."])]
        date = page_date(Path(page.file.abs_src_path), markdown, folders, _DATES)
        if date is not None:
            page.meta.setdefault("revision_date", date)
    return markdown
