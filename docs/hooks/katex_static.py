"""MkDocs hook: typeset the Markdown pages' math with KaTeX while the site builds.

Why: the vendored katex.min.js is 75 KiB gzipped and every formula of a page waited for it and
for a pass over the page after DOMContentLoaded; the backprop chapter went over its 300 KiB
first-visit budget with it (benchmarks/page_weight.py). Typeset here, a formula costs its HTML
(gzip squeezes KaTeX's repetitive markup well) and a reader's browser runs no math code at all on
most pages.

How: ``on_post_page`` (after the search plugin took the page's text, so the index keeps the TeX
that docs/hooks/search_i18n.py cleans) sends every ``class="arithmatex"`` element of the page
(pymdownx.arithmatex, generic mode: ``\\(...\\)`` inline, ``\\[...\\]`` display) to one ``node``
process that lives for the whole build and runs the same vendored KaTeX
(docs/hooks/katex_static.cjs). The markup is what docs/javascripts/katex-render.js made in the
browser (HTML and MathML, the TeX kept in an ``annotation``). A formula KaTeX cannot parse fails
the build, with the page and the formula.

Which pages still load KaTeX's scripts: those that make math in the reader's browser, the
notebooks (mkdocs-jupyter leaves ``$...$`` in the cells) and the playground (it derives in the
browser). The chapters' exercises load katex.min.js only when a reader opens a solution (its
math is left as TeX here: solutions were a quarter of the backprop chapter's typeset HTML, and
the parsing of a page grows with its HTML) or an answer's message names a quantity
(docs/javascripts/exercises.js, ``data-katex`` on its script tag). A page without exercises
does not load their script and style at all.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

_SCRIPT = Path(__file__).with_name("katex_static.cjs")
_MATH = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', re.DOTALL)
_DELIMITERS = {"\\(": ("\\)", False), "\\[": ("\\]", True)}
_KATEX_FILES = ("katex.min.js", "contrib/auto-render.min.js")
# Pages whose math is made in the browser (see the module docstring).
_RUNTIME_MATH = ('class="jupyter-wrapper"', 'id="nnref-playground-config"')
_EXERCISES = 'class="nnref-exercises"'
# An exercise's solution, folded until a reader opens it: its math (about a quarter of the
# backprop chapter's HTML once typeset) stays TeX, and exercises.js typesets it on opening.
_SOLUTION = re.compile(r'<details class="nnref-exercise__solution[^"]*">.*?</details>', re.DOTALL)


class _Typesetter:
    """One ``node`` process for the whole build (both languages), with a cache of formulas."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._done: dict[tuple[str, bool], str] = {}

    def typeset(self, formulas: list[tuple[str, bool]], katex_js: Path) -> list[str | dict[str, str]]:
        """The HTML of each ``(tex, display)``, or ``{"error": message}`` for one KaTeX refused."""
        todo = sorted({formula for formula in formulas if formula not in self._done})
        errors: dict[tuple[str, bool], dict[str, str]] = {}
        if todo:
            for formula, answer in zip(todo, self._ask(todo, katex_js), strict=True):
                if "html" in answer:
                    self._done[formula] = answer["html"]
                else:
                    errors[formula] = answer
        return [self._done.get(formula) or errors[formula] for formula in formulas]

    def _ask(self, formulas: list[tuple[str, bool]], katex_js: Path) -> list[dict[str, str]]:
        process = self._start(katex_js)
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(formulas) + "\n")
        process.stdin.flush()
        line = process.stdout.readline()
        if not line:
            raise PluginError(f"katex_static: node stopped (exit status {process.poll()})")
        answers: list[dict[str, str]] = json.loads(line)
        return answers

    def _start(self, katex_js: Path) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            node = shutil.which("node")
            if node is None:
                raise PluginError("katex_static: typesetting math needs 'node' (apt-get install nodejs)")
            self._process = subprocess.Popen(
                [node, str(_SCRIPT), str(katex_js)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
            )
        return self._process

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait(timeout=30)
        self._process = None


_TYPESETTER = _Typesetter()
atexit.register(_TYPESETTER.close)


def on_shutdown() -> None:
    _TYPESETTER.close()


def katex_scripts(config: MkDocsConfig) -> list[str]:
    """KaTeX's entries of ``extra_javascript`` (katex.min.js first) and katex-render.js."""
    scripts = [str(entry) for entry in config.extra_javascript]
    found = [next((s for s in scripts if s.endswith(name)), None) for name in _KATEX_FILES]
    render = next((s for s in scripts if s.endswith("katex-render.js")), None)
    if None in found or render is None:
        raise PluginError(
            "katex_static: extra_javascript must list katex.min.js, auto-render and katex-render.js"
        )
    return [*(s for s in found if s), render]


def split_tex(text: str) -> tuple[str, bool] | None:
    """The TeX and display flag of one arithmatex element's text, or None if it is not math.

    >>> split_tex("\\\\(x &lt; 1\\\\)"), split_tex("\\\\[E\\\\]"), split_tex("plain")
    (('x < 1', False), ('E', True), None)
    """
    text = html.unescape(text)
    for left, (right, display) in _DELIMITERS.items():
        if text.startswith(left) and text.endswith(right):
            return text[len(left) : -len(right)], display
    return None


def typeset_page(output: str, typeset: Any, where: str) -> str:
    """``output`` with every arithmatex element's TeX replaced by ``typeset``'s HTML, but for
    those in an exercise's folded solution (:data:`_SOLUTION`)."""
    folded = [m.span() for m in _SOLUTION.finditer(output)]
    matches = [
        (m, split_tex(m.group("tex")))
        for m in _MATH.finditer(output)
        if not any(start <= m.start() < end for start, end in folded)
    ]
    formulas = [formula for _, formula in matches if formula is not None]
    if not formulas:
        return output
    rendered = iter(typeset(formulas))
    parts, end = [], 0
    for match, formula in matches:
        if formula is None:
            continue
        result = next(rendered)
        if isinstance(result, dict):
            raise PluginError(
                f"katex_static: {where}: KaTeX cannot typeset {formula[0]!r}: {result['error']}"
            )
        parts += [output[end : match.start("tex")], result]
        end = match.end("tex")
    return "".join(parts) + output[end:]


_TOC_ENTRY = re.compile(r'(<span class="md-ellipsis">\s*)([^<]*\$[^<]*?)(\s*</span>)')
_DOLLARS = re.compile(r"\$([^$]+)\$")


def typeset_toc(output: str, typeset: Any, where: str) -> str:
    """Navigation entries with ``$...$`` math (a notebook heading's title, which mkdocs-jupyter
    takes from the cell's Markdown source) typeset inline like the heading itself."""

    def entry(match: re.Match[str]) -> str:
        text = html.unescape(match.group(2))
        pieces = _DOLLARS.split(text)  # text, tex, text, tex, ...
        formulas = [(tex, False) for tex in pieces[1::2]]
        if not formulas:
            return match.group(0)
        rendered = typeset(formulas)
        out = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                out.append(html.escape(piece, quote=False))
            elif isinstance(rendered[i // 2], dict):
                raise PluginError(f"katex_static: {where}: KaTeX cannot typeset {piece!r} in the contents")
            else:
                out.append(rendered[i // 2])
        return match.group(1) + "".join(out) + match.group(3)

    return _TOC_ENTRY.sub(entry, output)


def _script_tag(src: str) -> re.Pattern[str]:
    return re.compile(r'[ \t]*<script src="(?P<src>[^"]*' + re.escape(src) + r')"></script>\n?')


def page_assets(output: str, config: MkDocsConfig) -> str:
    """Keep KaTeX's scripts only on pages that make math in the browser, and the exercises'
    script and style only on pages with exercises (the script learns where katex.min.js is)."""
    katex_js, *others = katex_scripts(config)
    found = None
    if not any(marker in output for marker in _RUNTIME_MATH):
        found = _script_tag(katex_js).search(output)
        for script in (katex_js, *others):
            output = _script_tag(script).sub("", output)
    if _EXERCISES not in output:
        output = _script_tag("javascripts/exercises.js").sub("", output)
        return re.sub(r'[ \t]*<link rel="stylesheet" href="[^"]*stylesheets/exercises\.css">\n?', "", output)
    if found is not None:
        output = re.sub(
            r'<script src="([^"]*javascripts/exercises\.js)">',
            lambda m: f'<script src="{m.group(1)}" data-katex="{found.group("src")}">',
            output,
        )
    return output


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    katex_js = Path(config.docs_dir) / katex_scripts(config)[0]
    typeset = lambda formulas: _TYPESETTER.typeset(formulas, katex_js)  # noqa: E731
    output = typeset_page(output, typeset, page.file.src_uri)
    output = typeset_toc(output, typeset, page.file.src_uri)
    return page_assets(output, config)
