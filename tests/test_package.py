"""The published package: an sdist that can run the tests, a wheel with only nnref, clean metadata.

The sdist is built from a copy of the checkout and the wheel from the unpacked sdist (what pip
and distribution packagers do), in-process through setuptools' PEP 517 backend (the
setuptools pinned in requirements/test.txt): no network, no build front end needed.
"""

from __future__ import annotations

import email.parser
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_tools import REPO

# Run by a fresh interpreter in the source folder; prints the file name it built.
_BUILD = """
import sys, warnings
warnings.simplefilter("default")
from setuptools import build_meta
kind, out = sys.argv[1], sys.argv[2]
name = build_meta.build_sdist(out) if kind == "sdist" else build_meta.build_wheel(out)
print("BUILT", name)
"""
_NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    "site",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
    ".cache",
    ".ipynb_checkpoints",
)
# Notices, not problems: the manifest's exclusion of compiled files when the tree has none, and
# byte-compiling skipped under PYTHONDONTWRITEBYTECODE.
_NOTICES = (
    "warning: no previously-included files matching",
    "warning: build_py: byte-compiling is disabled",
    "warning: install_lib: byte-compiling is disabled",
)
URLS = {
    "Documentation": "https://nnref.github.io/nnref/",
    "Source": "https://github.com/nnref/nnref",
    "Issues": "https://github.com/nnref/nnref/issues",
}


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path
    output: str  # everything both builds printed


def _build(kind: str, source: Path, out: Path) -> tuple[Path, str]:
    completed = subprocess.run(
        [sys.executable, "-c", _BUILD, kind, str(out)],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output[-4000:]
    name = [line.split(" ", 1)[1] for line in completed.stdout.splitlines() if line.startswith("BUILT ")][-1]
    return out / name, output


def _copy_source(target: Path) -> None:
    """The files a clean checkout has: git's (tracked, and new files not ignored) in a git
    checkout, else the folder minus build and cache directories (an unpacked sdist)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if listed.returncode != 0 or not listed.stdout:
        shutil.copytree(REPO, target, ignore=_NOT_SOURCE)
        return
    for name in filter(None, listed.stdout.split("\0")):
        source = REPO / name
        if source.is_file():  # a file deleted but not yet committed is still listed
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    scratch = tmp_path_factory.mktemp("package")
    checkout = scratch / "checkout"
    _copy_source(checkout)
    sdist, sdist_output = _build("sdist", checkout, scratch)
    with tarfile.open(sdist) as archive:
        archive.extractall(scratch / "unpacked", filter="data")
    (unpacked,) = (scratch / "unpacked").iterdir()
    wheel, wheel_output = _build("wheel", unpacked, scratch)
    return Built(sdist, wheel, sdist_output + wheel_output)


def _sdist_names(built: Built) -> set[str]:
    with tarfile.open(built.sdist) as archive:
        return {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}


def _wheel_names(built: Built) -> set[str]:
    with zipfile.ZipFile(built.wheel) as archive:
        return set(archive.namelist())


def _metadata(built: Built) -> email.message.Message:
    with zipfile.ZipFile(built.wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def test_build_prints_no_deprecation_or_warning(built: Built) -> None:
    assert "deprecat" not in built.output.lower(), built.output
    lines = [line for line in built.output.splitlines() if "warning" in line.lower()]
    assert [line for line in lines if not line.startswith(_NOTICES)] == [], built.output


def test_license_file_ships_in_both(built: Built) -> None:
    assert "LICENSE" in _sdist_names(built)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in _wheel_names(built))
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "nnref contributors" in text


def test_metadata_has_spdx_license_urls_and_classifiers(built: Built) -> None:
    meta = _metadata(built)
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]
    assert meta["License"] is None  # the legacy free-text field is gone
    urls = dict(line.split(", ", 1) for line in meta.get_all("Project-URL"))
    assert urls == URLS
    classifiers = meta.get_all("Classifier")
    assert "Natural Language :: Korean" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")]  # SPDX replaces them
    assert meta["Keywords"]


def test_extras_are_ranges_without_the_toolchain(built: Built) -> None:
    meta = _metadata(built)
    assert sorted(meta.get_all("Provides-Extra")) == ["cli", "data"]
    requirements = meta.get_all("Requires-Dist")
    assert not [r for r in requirements if "==" in r.split(";")[0]], requirements
    assert not [r for r in requirements if "mkdocs" in r or "pytest" in r], requirements


def test_readme_is_the_long_description(built: Built) -> None:
    meta = _metadata(built)
    assert meta["Description-Content-Type"] == "text/markdown"
    body = meta.get_payload()
    assert 'pip install "nnref[cli]"' in body and "https://nnref.github.io/nnref/" in body


def test_sdist_carries_what_the_tests_need(built: Built) -> None:
    names = _sdist_names(built)
    needed = {
        "tests/conftest.py",
        "tests/site_tools.py",
        "tests/test_package.py",
        "mkdocs.yml",
        "README.md",
        "requirements/docs.txt",
        "requirements/test.txt",
        "docs/index.ko.md",
        "docs/index.en.md",
        "docs/hooks/i18n_notebooks.py",
        "docs/overrides/404.html",
        "benchmarks/page_weight.py",
    }
    assert needed <= names, sorted(needed - names)
    docs = {n for n in names if n.startswith("docs/")}
    source_docs = {p.relative_to(REPO).as_posix() for p in (REPO / "docs").rglob("*") if p.is_file()}
    source_docs = {n for n in source_docs if "__pycache__" not in n and ".ipynb_checkpoints" not in n}
    assert source_docs <= docs, sorted(source_docs - docs)[:10]
    assert not [n for n in names if n.endswith(".pyc")]


def test_wheel_holds_only_the_package(built: Built) -> None:
    top = {name.split("/", 1)[0] for name in _wheel_names(built)}
    assert top == {"nnref", "nnref-0.1.0.dist-info"}
    assert "nnref/data/README.md" in _wheel_names(built)  # package data
    assert "nnref/py.typed" in _wheel_names(built)  # type checkers read nnref's annotations
