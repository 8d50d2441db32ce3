"""Math typeset when the site builds (docs/hooks/katex_static.py), and each page's date
(docs/hooks/last_updated.py).

On the built site: no Markdown page leaves TeX for the browser, the TeX survives in KaTeX's
MathML annotation, and only the pages that make math in the reader's browser (notebooks, the
playground) load KaTeX's scripts; exercises load it on demand. The hooks' parts are checked on
inputs built to exercise them: a formula KaTeX refuses fails the build, naming the page.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from site_tools import BuildResult, load_hook

katex_static = load_hook("katex_static")
last_updated = load_hook("last_updated")

KATEX_SCRIPTS = ("katex.min.js", "auto-render.min.js", "katex-render.js")
_ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)
_ANNOTATION = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.DOTALL)
_SCRIPT = re.compile(r'<script src="([^"]+)"')
_SOLUTION = re.compile(r'<details class="nnref-exercise__solution.*?</details>', re.DOTALL)


def _makes_math_in_the_browser(path: str) -> bool:
    return "notebooks/" in path or path.rstrip("/").endswith("playground")


def test_no_markdown_page_leaves_tex_for_the_browser(pages: dict[str, str]) -> None:
    # But for the exercises' folded solutions: typeset when a reader opens one.
    typeset = folded = 0
    for path, page in pages.items():
        if _makes_math_in_the_browser(path):
            continue
        for solution in _SOLUTION.findall(page):
            for _, inner in _ARITHMATEX.findall(solution):
                assert "katex" not in inner and inner.startswith(("\\(", "\\[")), (path, inner[:120])
                folded += 1
        for _, inner in _ARITHMATEX.findall(_SOLUTION.sub("", page)):
            visible = inner.split("<annotation", 1)[0]
            assert 'class="katex' in visible and "\\(" not in visible, (path, inner[:120])
            tex = _ANNOTATION.findall(inner)
            assert len(tex) == 1 and tex[0].strip(), (path, inner[:120])
            typeset += 1
    assert typeset > 1000 and folded > 100  # every chapter has math and exercises


def test_only_pages_that_make_math_load_katex(pages: dict[str, str]) -> None:
    for path, page in pages.items():
        scripts = [Path(src).name for src in _SCRIPT.findall(page)]
        loads = [name for name in KATEX_SCRIPTS if name in scripts]
        if _makes_math_in_the_browser(path):
            assert loads == list(KATEX_SCRIPTS), path
        else:
            assert loads == [], path
        exercises = 'class="nnref-exercises"' in page
        assert ("exercises.js" in scripts) == exercises, path
        assert ("stylesheets/exercises.css" in page) == exercises, path
        if exercises and not _makes_math_in_the_browser(path):
            tag = re.search(r'<script src="[^"]*exercises\.js" data-katex="([^"]+)">', page)
            assert tag is not None, path
            assert tag.group(1).endswith("assets/vendor/katex-0.19.1/katex.min.js"), path


def test_every_chapter_with_exercises_can_find_katex(built_site: BuildResult, pages: dict[str, str]) -> None:
    for path, page in pages.items():
        for src in re.findall(r'data-katex="([^"]+)"', page):
            assert (built_site.site_dir / path / src).resolve().is_file(), (path, src)


def test_split_tex_reads_both_delimiters_and_entities() -> None:
    assert katex_static.split_tex("\\(a &lt; b &amp; c\\)") == ("a < b & c", False)
    assert katex_static.split_tex("\\[\n\\frac{1}{2}\n\\]") == ("\n\\frac{1}{2}\n", True)
    assert katex_static.split_tex("$x$") is None


def test_typeset_page_replaces_each_formula_in_order() -> None:
    page = (
        '<p>A <span class="arithmatex">\\(x_1\\)</span> and '
        '<span class="arithmatex">\\(y\\)</span></p><div class="arithmatex">\\[E\\]</div>'
    )
    asked: list[list[tuple[str, bool]]] = []

    def fake(formulas: list[tuple[str, bool]]) -> list[str]:
        asked.append(formulas)
        return [f"<b>{tex}|{display}</b>" for tex, display in formulas]

    solution = (
        '<details class="nnref-exercise__solution note"><span class="arithmatex">\\(z\\)</span></details>'
    )
    assert katex_static.typeset_page(solution, fake, "p.md") == solution and asked == []
    out = katex_static.typeset_page(page, fake, "p.md")
    assert asked == [[("x_1", False), ("y", False), ("E", True)]]
    assert out == (
        '<p>A <span class="arithmatex"><b>x_1|False</b></span> and '
        '<span class="arithmatex"><b>y|False</b></span></p><div class="arithmatex"><b>E|True</b></div>'
    )


def test_the_real_katex_typesets_and_refuses_with_the_page_named() -> None:
    typesetter = katex_static._Typesetter()
    katex_js = Path(__file__).parents[1] / "docs/assets/vendor/katex-0.19.1/katex.min.js"
    try:
        good = katex_static.typeset_page(
            '<span class="arithmatex">\\(\\frac{a}{b}\\)</span>',
            lambda formulas: typesetter.typeset(formulas, katex_js), "good.md",
        )
        assert 'class="katex"' in good and "<mfrac>" in good
        assert _ANNOTATION.findall(good) == ["\\frac{a}{b}"]
        with pytest.raises(PluginError, match=r"bad\.md.*\\\\frac\{a\}"):
            katex_static.typeset_page(
                '<span class="arithmatex">\\(\\frac{a}\\)</span>',
                lambda formulas: typesetter.typeset(formulas, katex_js), "bad.md",
            )
    finally:
        typesetter.close()


def test_page_assets_keeps_scripts_where_math_is_made_at_run_time() -> None:
    config = SimpleNamespace(
        extra_javascript=["assets/vendor/k/katex.min.js", "assets/vendor/k/contrib/auto-render.min.js",
                          "javascripts/katex-render.js", "javascripts/exercises.js"]
    )
    head = "".join(f'    <script src="../{src}"></script>\n' for src in config.extra_javascript)
    css = '<link rel="stylesheet" href="../stylesheets/exercises.css">\n'
    plain = katex_static.page_assets(css + head + "<p>text</p>", config)
    assert "<script" not in plain and "exercises.css" not in plain
    exercises = katex_static.page_assets(css + head + '<div class="nnref-exercises">', config)
    assert _SCRIPT.findall(exercises) == ["../javascripts/exercises.js"]
    assert 'data-katex="../assets/vendor/k/katex.min.js"' in exercises and "exercises.css" in exercises
    notebook = css + head + '<div class="jupyter-wrapper">'
    assert _SCRIPT.findall(katex_static.page_assets(notebook, config)) == [
        "../" + src for src in config.extra_javascript[:3]
    ]
    with_exercises = notebook + '<div class="nnref-exercises">'
    assert katex_static.page_assets(with_exercises, config) == with_exercises


# -- the page's date --------------------------------------------------------------------------------


def _git(repo: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t.invalid")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    done = subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def test_a_page_is_as_new_as_its_newest_file_or_snippet(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "docs" / "snippets").mkdir(parents=True)
    _git(repo, "init", "-q")
    page, snippet, other = repo / "docs" / "a.md", repo / "docs" / "snippets" / "s.py", repo / "docs" / "b.md"
    page.write_text('# A\n\n--8<-- "s.py"\n')
    other.write_text("# B\n")
    snippet.write_text("x = 1\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "one", date="2026-03-04T10:00:00+00:00")
    snippet.write_text("x = 2\n")
    _git(repo, "commit", "-qam", "two", date="2026-05-06T10:00:00+00:00")

    dates = last_updated.commit_dates(repo / "docs")
    assert dates is not None
    assert dates[page.resolve()] == "2026-03-04" and dates[snippet.resolve()] == "2026-05-06"
    snippets = [repo / "docs" / "snippets"]
    assert last_updated.page_date(page, page.read_text(), snippets, dates) == "2026-05-06"
    assert last_updated.page_date(other, other.read_text(), snippets, dates) == "2026-03-04"

    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)], check=True)
    assert last_updated.commit_dates(shallow / "docs") is None
    assert last_updated.commit_dates(tmp_path) is None  # not a repository


def test_the_built_pages_carry_their_git_dates(built_site: BuildResult, pages: dict[str, str]) -> None:
    root = Path(__file__).parents[1]
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=root,
                             capture_output=True, text=True)
    shown = {path: re.search(r'<aside class="md-source-file">(.*?)</aside>', page, re.DOTALL)
             for path, page in pages.items()}
    if shallow.returncode != 0 or shallow.stdout.strip() != "false":
        assert all(found is None for found in shown.values())
        return
    # Each page with the snippet files it pulls in (read off the pages by hand).
    home = ("docs/snippets/home.py", "docs/snippets/quickstart.py")
    expected = {
        ".": ("docs/index.ko.md", *home), "en": ("docs/index.en.md", *home),
        "glossary": ("docs/glossary.ko.md", "docs/snippets/glossary.py"),
        "en/glossary": ("docs/glossary.en.md", "docs/snippets/glossary.py"),
    }
    for path, sources in expected.items():
        newest = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *sources],
                                cwd=root, capture_output=True, text=True, check=True).stdout.strip()
        found = shown[path]
        if newest:  # a page written but not committed yet has no date
            assert found is not None and newest in html.unescape(found.group(1)), path


def test_contents_entries_with_dollar_math_are_typeset() -> None:
    def bold(formulas: list[tuple[str, bool]]) -> list[str]:
        return [f"<b>{tex}</b>" for tex, _ in formulas]

    nav = '<span class="md-ellipsis">\n $\\partial w_{5}$ &amp; more\n </span>'
    out = katex_static.typeset_toc(nav, bold, "n.ipynb")
    assert out == '<span class="md-ellipsis">\n <b>\\partial w_{5}</b> &amp; more\n </span>'
    plain = '<span class="md-ellipsis">Forward propagation</span>'
    assert katex_static.typeset_toc(plain, bold, "n.ipynb") == plain


def test_no_page_shows_raw_tex_in_its_contents(pages: dict[str, str]) -> None:
    entries = re.findall(r'<span class="md-ellipsis">([^<]*)</span>', "".join(pages.values()))
    assert [e.strip() for e in entries if "$" in e] == []
    assert any("partial w_{5}" in page and "md-nav__link" in page for page in pages.values())

