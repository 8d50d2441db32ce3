"""Source-level guard rails for the site: translations come in pairs, pages type no computed numbers
(prose, math and hand-written output blocks alike; issue 16, item 16)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from site_tools import (
    DOCS,
    hand_typed_decimals,
    load_hook,
    missing_translations,
    notebook_markdown,
    page_files,
)

fence_doctests = load_hook("griffe_doctests").fence_doctests
plain_roles = load_hook("griffe_doctests").plain_roles

PAGES = page_files()


def test_the_site_has_pages_and_notebooks() -> None:
    # Guards the checks below against passing vacuously on an empty or mis-rooted docs/ tree.
    assert PurePosixPath("index.ko.md") in PAGES and PurePosixPath("index.en.md") in PAGES
    assert any(page.suffix == ".ipynb" for page in PAGES)


def test_every_page_and_notebook_has_both_languages() -> None:
    assert missing_translations(PAGES) == []


def test_translation_check_fails_on_a_synthetic_tree(tmp_path: Path) -> None:
    for name in ("index.ko.md", "index.en.md", "guide/a.ko.md", "guide/b.en.md", "notebooks/n.ko.ipynb",
                 "plain.md", "snippets/x.md", "assets/vendor/README.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}" if name.endswith(".ipynb") else "# x\n", encoding="utf-8")
    assert missing_translations(page_files(tmp_path)) == [
        "guide/a.ko.md has no guide/a.en.md",
        "guide/b.en.md has no guide/b.ko.md",
        "notebooks/n.ko.ipynb has no notebooks/n.en.ipynb",
        "plain.md has no language suffix (.ko.md and .en.md)",
    ]
    (tmp_path / "guide/a.en.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "guide/b.ko.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "notebooks/n.en.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "plain.md").unlink()
    assert missing_translations(page_files(tmp_path)) == []


@pytest.mark.parametrize("page", [p for p in PAGES if p.suffix == ".md"], ids=str)
def test_page_prose_types_no_computed_decimal(page: PurePosixPath) -> None:
    found = hand_typed_decimals((DOCS / page).read_text(encoding="utf-8"))
    assert found == [], (
        f"{page}: compute these with a markdown-exec block (or, for a given, declare it on the page: "
        f"<!-- given: 0.125 (why) -->): {', '.join(map(str, found))}"
    )


@pytest.mark.parametrize("notebook", [p for p in PAGES if p.suffix == ".ipynb"], ids=str)
def test_notebook_prose_types_no_computed_decimal(notebook: PurePosixPath) -> None:
    found = hand_typed_decimals(notebook_markdown(DOCS / notebook))
    assert found == [], f"{notebook}: let a code cell print these: {', '.join(map(str, found))}"


FAILING_PROSE = [
    "The total error is 0.2983711 after the forward pass.",
    "역전파 뒤 w5는 .3589이 된다.",
    "| w5 | 0.35891648 |",  # a hand-typed table is prose too
    "Two values: 0.25 and\n0.5274723 on the next line.",
    # issue 16, item 16: the inputs the check used to miss
    "\\(E = 0.98765432\\)",  # inline math
    "$E = 0.98765432$ and $$w_5^+ = 0.35891648$$",
    "$$\nE = 0.2983711\n$$",  # display math
    "\\[\nE = 0.2983711\n\\]",
    "오차는약0.24681357입니다.",  # right after Hangul
    "~~~text\n0.2983711\n~~~",  # a hand-written output block
    "```\nE = 0.2983711\n```",
    "```console\n$ nnref derive\nE 0.2983711\n```",
    "```python\nprint(1)\nand after an unclosed fence 0.2983711",
    "<!-- given: 0.125 --> a given is allowed, another number is not: 0.2983711",
]
PASSING_PROSE = [
    "The learning rate is 0.5 and the target 0.01 (two digits at most).",
    "Computed: `0.35891648` in code.",
    '```python exec="on" session="x-en"\nprint(0.2983711)\n```',
    "```python\nweights = [0.2983711]\n```",  # program source
    "<!-- 0.2983711 was the published value -->",
    "mkdocs 1.6.1, material 9.8.2, 127.0.0.1 and 12.5%.",
    "<!-- given: 0.125, 0.0625 (the example's inputs) --> x1 = 0.125 and \\(x_2 = 0.0625\\).",
    "```mermaid\ngraph LR; a[0.2983711] --> b\n```",
]


@pytest.mark.parametrize("text", FAILING_PROSE)
def test_decimal_check_catches_hand_typed_numbers(text: str) -> None:
    assert hand_typed_decimals(text) != []


@pytest.mark.parametrize("text", PASSING_PROSE)
def test_decimal_check_ignores_code_comments_and_givens(text: str) -> None:
    assert hand_typed_decimals(text) == []


def test_decimal_check_reports_line_and_column() -> None:
    found = hand_typed_decimals("intro\n```python\n0.12345\n```\nE = 0.2983711 and 0.1234\n```\n0.5555")
    assert [(n.line, n.column, n.number) for n in found] == [
        (5, 5, "0.2983711"), (5, 19, "0.1234"), (7, 1, "0.5555"),  # the last fence never closes
    ]


def test_api_reference_doctests_become_code_blocks() -> None:
    docstring = "Summary.\n\n    >>> f([1])\n    [('a', 'b')]\n\n    ```python\n    >>> kept\n    ```\nEnd."
    assert fence_doctests(docstring).split("\n") == [
        "Summary.", "", "    ```pycon", "    >>> f([1])", "    [('a', 'b')]", "    ```", "",
        "    ```python", "    >>> kept", "    ```", "End.",
    ]
    assert fence_doctests(">>> 1\n1") == "```pycon\n>>> 1\n1\n```"


def test_api_reference_sphinx_roles_become_code_spans() -> None:
    text = "Uses :class:`~nnref.symbolic.Trace`, :data:`RECURRENT_ACTIVATIONS`.\n```\n:func:`kept`\n```"
    assert plain_roles(text) == "Uses `Trace`, `RECURRENT_ACTIVATIONS`.\n```\n:func:`kept`\n```"


def _fundamentals_nav() -> list[str]:
    """The chapter pages of mkdocs.yml's "신경망 기초" section, in nav order."""
    lines = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("  - 신경망 기초:") + 1
    chapters = []
    for line in lines[start:]:
        if not line.startswith("      - "):
            break
        chapters.append(line.removeprefix("      - ").strip())
    return chapters


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_home_page_reading_order_is_the_nav_order(lang: str) -> None:
    # The home page says in which order to read and why; it must be the order of the nav.
    home = (DOCS / f"index.{lang}.md").read_text(encoding="utf-8")
    heading = "읽는 순서" if lang == "ko" else "Reading order"
    section = re.search(rf"\n## {heading}\n(.*?)(?:\n## |\Z)", home, re.DOTALL)
    assert section, f"index.{lang}.md has no '## {heading}' section"
    linked = re.findall(r"\]\((chapters/[\w-]+\.md)\)", section.group(1))
    nav = _fundamentals_nav()
    assert linked == nav and len(nav) >= 8
    # Gradient descent is taught before backpropagation uses it (review item P4).
    assert nav.index("chapters/gradient-descent.md") < nav.index("chapters/backprop.md")
