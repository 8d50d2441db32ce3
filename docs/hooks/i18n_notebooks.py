"""MkDocs hook: make mkdocs-jupyter notebooks real pages again under mkdocs-static-i18n.

Why it is needed (ultrabug/mkdocs-static-i18n#198, open upstream). mkdocs-jupyter's ``on_files``
wraps each included ``.ipynb`` in a ``NotebookFile`` whose ``is_documentation_page()`` is True.
static-i18n's ``on_files`` runs after it (priority -100) and re-creates every file as a plain
``mkdocs.structure.files.File``; for ``.ipynb`` that means "not a page", so the notebook is
copied as a static file *to the page's destination* (``notebooks/x/index.html``). The build
succeeds without a warning and the page is the notebook's raw JSON.

What this hook does:

1. ``on_files`` at priority -200 (after static-i18n): every file mkdocs-jupyter would render is
   turned back into a page (its class becomes :class:`NotebookPage`; the destination and URL that
   static-i18n computed for it are kept: ``notebooks/x/`` in Korean, ``en/notebooks/x/`` in
   English). static-i18n only links pages to their translations, so the hook fills
   ``file.alternates`` from the sibling ``x.<lang>.ipynb`` files: the language switcher of a
   notebook page then leads to the same notebook in the other language.
2. ``on_page_content``: nbconvert's template loads MathJax (and, for mermaid cells, mermaid)
   from cdnjs.cloudflare.com. Those script tags are removed; the site's own KaTeX renders the
   notebook's ``$...$`` math from the vendored copy, so nothing is requested from another host.
   A download link to the ``.ipynb`` (published beside the page by ``include_source``) is added.
   Headings get the ids the site's slugify gives (nbconvert's drops Hangul: Korean headings had
   ``id=""`` and the table of contents pointed at ``#_1``), and the page's TOC points at them.
3. ``on_page_context``: static-i18n gives the home page absolute switcher links built from
   ``site_url`` (``/nnref/en/``); they are made relative, so a copy served from any path works.
4. ``on_page_content`` also moves the stylesheets nbconvert inlines into every notebook page
   (JupyterLab's 562 KiB theme and the Pygments colours, the same on every notebook) into one
   file, ``assets/notebook-<hash>.css``, written once and linked from each notebook page: the
   pages shrink from about 690 KiB of HTML to about 110 KiB and a reader's browser caches the
   styles once for all notebooks.
"""

from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# nbconvert's base/mathjax.html.j2 brackets its two script tags with these comments.
_MATHJAX_BLOCK = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL)
# Any other script whose source or body names a remote host (lab/mermaidjs.html.j2 imports
# mermaid from cdnjs inside an inline module script).
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*>(?:(?!</script>).)*?https?://(?:(?!</script>).)*?</script>", re.DOTALL
)

# The stylesheets mkdocs-jupyter's template inlines (its only <style type="text/css"> blocks).
_INLINE_STYLE = re.compile(r'<style type="text/css">(.*?)</style>\s*', re.DOTALL)

_DOWNLOAD_TEXT = {"ko": "노트북 파일 내려받기", "en": "Download the notebook"}


class NotebookPage(File):
    """A notebook file that MkDocs treats as a documentation page (rendered by mkdocs-jupyter)."""

    def is_documentation_page(self) -> bool:
        return True


def _plugins(config: MkDocsConfig) -> tuple[Any, Any]:
    i18n = config.plugins.get("i18n")
    jupyter = config.plugins.get("mkdocs-jupyter")
    if i18n is None or jupyter is None:
        raise PluginError(
            "docs/hooks/i18n_notebooks.py needs both the 'i18n' and 'mkdocs-jupyter' plugins in mkdocs.yml"
        )
    return i18n, jupyter


def _locale_of(src_uri: str, languages: list[str]) -> str | None:
    """``notebooks/x.en.ipynb`` -> ``"en"``; ``None`` when the name carries no build language."""
    suffixes = PurePosixPath(src_uri).suffixes
    if len(suffixes) >= 2 and suffixes[-2].lstrip(".") in languages:
        return suffixes[-2].lstrip(".")
    return None


def _sibling(src_uri: str, locale: str, other: str) -> str:
    """``notebooks/x.ko.ipynb`` -> ``notebooks/x.en.ipynb``."""
    parent, name = posixpath.split(src_uri)
    stem = name[: -len(f".{locale}.ipynb")]
    return posixpath.join(parent, f"{stem}.{other}.ipynb")


@event_priority(-200)  # static-i18n's on_files runs at -100: this must come after it
def on_files(files: Files, config: MkDocsConfig) -> Files:
    from mkdocs_static_i18n.suffix import create_i18n_file

    i18n, jupyter = _plugins(config)
    languages = list(i18n.build_languages)
    for file in files:
        if file.is_documentation_page() or not jupyter.should_include(file):
            continue
        locale = _locale_of(file.src_uri, languages)
        if locale is None:
            raise PluginError(
                f"notebook {file.src_uri!r} must be named <name>.<lang>.ipynb with lang in {languages}"
            )
        file.__class__ = NotebookPage
        for other in languages:
            if other == locale or other in file.alternates:
                continue
            sibling_uri = _sibling(file.src_uri, locale, other)
            sibling = NotebookPage(sibling_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
            if sibling.abs_src_path is None or not os.path.isfile(sibling.abs_src_path):
                continue
            alternate = create_i18n_file(sibling, other, i18n.default_language, i18n.all_languages, config)
            alternate.__class__ = NotebookPage
            file.alternates[other] = alternate
    # static-i18n recorded the page list (used for sitemap alternates) before this hook ran.
    i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()
    return files


def _shared_stylesheet(html_text: str, page: Page, config: MkDocsConfig) -> str:
    """``html_text`` with its inline stylesheets replaced by a link to one file of them all."""
    styles = _INLINE_STYLE.findall(html_text)
    if not styles:
        return html_text
    css = "\n".join(style.strip() for style in styles).encode("utf-8")
    name = f"assets/notebook-{hashlib.sha256(css).hexdigest()[:12]}.css"
    target = Path(config.site_dir, name)
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(css)
    href = posixpath.relpath(name, posixpath.dirname(page.file.dest_uri))
    html_text = _INLINE_STYLE.sub("", html_text)
    return f'<link rel="stylesheet" href="{html.escape(href)}">\n' + html_text


_HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="#[^"]*">¶</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _heading_ids(html_text: str, page: Page) -> str:
    """Give every notebook heading the id the site's own slugify gives (nbconvert's drops Hangul,
    so Korean headings got ``id=""``), and point the page's table of contents at those ids."""
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    made: list[tuple[str, str]] = []
    used: set[str] = set()

    def rename(match: re.Match[str]) -> str:
        title = html.unescape(_TAG.sub("", match.group(2))).strip()
        base = slug(title, "-") or "section"
        new, count = base, 1
        while new in used:
            new, count = f"{base}_{count}", count + 1
        used.add(new)
        made.append((title, new))
        return f'<h{match.group(1)} id="{new}">{match.group(2)}<a class="anchor-link" href="#{new}">¶</a>'

    html_text = _HEADING.sub(rename, html_text)
    pending = list(made)

    def retarget(items: Any) -> None:
        for item in items:
            title = html.unescape(_TAG.sub("", item.title)).replace("¶", "").strip()
            for index, (text, new) in enumerate(pending):
                if text == title:
                    item.id, item.title = new, title
                    del pending[index]
                    break
            retarget(item.children)

    retarget(page.toc or [])
    return html_text


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not isinstance(page.file, NotebookPage):
        return html_text
    i18n, _ = _plugins(config)
    html_text = _heading_ids(html_text, page)
    html_text = _MATHJAX_BLOCK.sub("", html_text)
    html_text = _REMOTE_SCRIPT.sub("", html_text)
    html_text = _shared_stylesheet(html_text, page, config)
    name = posixpath.basename(page.file.src_uri)
    label = _DOWNLOAD_TEXT.get(i18n.current_language, _DOWNLOAD_TEXT["en"])
    link = (
        f'<p class="nnref-notebook-download"><a href="{html.escape(name)}" download>'
        f"{html.escape(label)} (<code>{html.escape(name)}</code>)</a></p>\n"
    )
    return link + html_text


@event_priority(-100)  # after static-i18n's on_page_context (50), which sets the links
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    base = PurePosixPath(urlsplit(config.site_url or "/").path or "/")
    # static-i18n assigns `config.extra.alternate` as an attribute, which Jinja reads before the
    # `config.extra["alternate"]` key: read it the way the template does.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alternate in alternates:
        link = PurePosixPath(alternate.get("link", ""))
        if link.is_absolute() and link.is_relative_to(base):
            relative = link.relative_to(base).as_posix()
            # mkdocs' `url` template filter turns a root-relative link into a page-relative one.
            alternate["link"] = "./" if relative == "." else f"{relative}/"
    return context

