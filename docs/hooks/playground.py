"""MkDocs hook: the files the playground page runs, fetched by pin, verified, built, copied into the site.

The playground (docs/playground.*.md) runs nnref in the reader's browser on Pyodide, in a web
worker. Every file it loads comes from the site itself, under ``assets/playground/``:

* the Pyodide core, from the npm package ``pyodide`` (``npm pack``, checked against the pinned
  integrity hash; only the core files are kept: no packages, no micropip);
* SymPy and mpmath, PyPI's wheels (``pip download``, checked against the pinned SHA-256),
  byte-compiled with that same Pyodide under Node.js (docs/hooks/playground_compile.mjs) and
  shipped as one ``.tar.gz`` of compiled modules without their test folders: imported from
  bytecode, SymPy loads in about a second instead of 5-15;
* nnref's own wheel, built from this checkout (setuptools' PEP 517 backend, no network), so the
  browser runs exactly the code the tests tested;
* ``manifest.json``: what the worker fetches, with sizes for its progress bar.

Nothing is committed that this hook can fetch by hash. Downloads and builds are cached in
``.cache/playground/`` (git ignores ``.cache/``): a fresh machine fetches about 13 MiB from the
npm registry and PyPI once and compiles SymPy once (~30 s); later builds copy. Needs ``node``
and ``npm`` (README.md, .ci/run).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".cache" / "playground"
COMPILER = Path(__file__).with_name("playground_compile.mjs")

# npm registry: `npm view pyodide@<version> dist.integrity`.
PYODIDE = (
    "314.0.8",
    "sha512-74Wq1kXOC+CCEzAfxuRAO701nAcCMLjf8NrwvWpu8S41dVMXwXmLQ05dYB+F4e46AdnGo0oq7YHSVUpHsoarLQ==",
)
# What the worker needs of the npm package (no console pages, type declarations or source maps).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# PyPI: name -> (version, sha256 of the py3-none-any wheel). The versions nnref is tested with.
WHEELS = {
    "sympy": ("1.14.0", "e091cc3e99d2141a0ba2847328f5479b05d94a6635cb96148ccb3f34671bd8f5"),
    "mpmath": ("1.3.0", "a0b2b9fe80bbcd81a6647ff13108738cfb482d481d826cc0e02f5b35e5c88d2c"),
}
# Folders of the wheels that nothing imports at run time: left out of the browser's copy.
_NOT_SHIPPED = {"tests", "benchmarks"}
# The files nnref's wheel is built from (pyproject.toml decides what goes in).
_WHEEL_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in")
SITE_FOLDER = "assets/playground"


def _run(command: list[str], what: str, cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, timeout=900)
    except FileNotFoundError:
        raise PluginError(
            f"playground: {what} needs {command[0]!r}, which is not installed (apt-get install nodejs npm)"
        ) from None
    if done.returncode != 0:
        raise PluginError(f"playground: {what} failed ({' '.join(command)}):\n{done.stdout}{done.stderr}")
    return done.stdout


def _sha(path: Path, algorithm: str) -> bytes:
    digest = hashlib.new(algorithm)
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.digest()


def _replace(built: Path, target: Path) -> Path:
    """Move a finished build into the cache in one step (a half-written one is never used)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    os.replace(built, target)
    return target


def pyodide_core() -> Path:
    """The pinned Pyodide core files, from the npm registry, integrity checked."""
    version, integrity = PYODIDE
    target = CACHE / f"pyodide-{version}"
    if all((target / name).is_file() for name in PYODIDE_FILES):
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        work = Path(scratch)
        _run(
            ["npm", "pack", f"pyodide@{version}", "--pack-destination", str(work), "--silent"],
            f"downloading pyodide@{version} from the npm registry",
        )
        (tarball,) = work.glob("pyodide-*.tgz")
        algorithm, expected = integrity.split("-", 1)
        if base64.b64encode(_sha(tarball, algorithm)).decode() != expected:
            raise PluginError(f"playground: {tarball.name} does not match the pinned integrity {integrity}")
        core = work / "core"
        core.mkdir()
        with tarfile.open(tarball) as archive:
            for name in PYODIDE_FILES:
                member = archive.getmember(f"package/{name}")
                source = archive.extractfile(member)
                if source is None:
                    raise PluginError(f"playground: {tarball.name} has no file package/{name}")
                (core / name).write_bytes(source.read())
        return _replace(core, target)


def wheel(name: str) -> Path:
    """PyPI's wheel of ``name`` at its pinned version, SHA-256 checked."""
    version, sha256 = WHEELS[name]
    target = CACHE / "wheels" / f"{name}-{version}-py3-none-any.whl"
    if target.is_file() and _sha(target, "sha256").hex() == sha256:
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        _run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--quiet",
                "--dest",
                scratch,
                f"{name}=={version}",
            ],
            f"downloading {name}=={version} from PyPI",
        )
        downloaded = Path(scratch) / target.name
        if not downloaded.is_file() or _sha(downloaded, "sha256").hex() != sha256:
            raise PluginError(
                f"playground: {target.name} from PyPI does not match the pinned SHA-256 {sha256}"
            )
        return _replace(downloaded, target)


def _tar_gz(folder: Path, target: Path) -> None:
    """``folder``'s files as a reproducible ustar .tar.gz (sorted, no dates, no owners)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = tarfile.TarInfo(path.relative_to(folder).as_posix())
            info.size, info.mode, info.mtime = path.stat().st_size, 0o644, 0
            with path.open("rb") as data:
                archive.addfile(info, data)
    with gzip.GzipFile(target, "wb", compresslevel=9, mtime=0) as packed:
        packed.write(buffer.getvalue())


def _zip(folder: Path, target: Path) -> None:
    """``folder``'s files as a reproducible zip (what Python's zipimport reads)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, path.read_bytes())


def _compile(core: Path, folders: list[Path], stdlib: Path | None = None) -> None:
    command = ["node", str(COMPILER), str(core)]
    command += ["--stdlib", str(stdlib)] if stdlib else []
    _run(command + [str(f) for f in folders], "byte-compiling Python modules with Pyodide under Node.js")


def runtime() -> Path:
    """The folder with Pyodide's standard library and SymPy + mpmath, byte-compiled by the shipped
    Pyodide: ``python_stdlib.zip`` (Pyodide's own has sources only: its start compiled them on
    every visit) and ``site-packages.tar.gz``."""
    core = pyodide_core()
    key = hashlib.sha256(repr((PYODIDE, WHEELS, sorted(_NOT_SHIPPED))).encode() + COMPILER.read_bytes())
    target = CACHE / f"runtime-{PYODIDE[0]}-{key.hexdigest()[:16]}"
    if (target / "python_stdlib.zip").is_file() and (target / "site-packages.tar.gz").is_file():
        return target
    wheels = [wheel(name) for name in WHEELS]
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        work = Path(scratch)
        stdlib, packages, out = work / "stdlib", work / "site-packages", work / "out"
        with zipfile.ZipFile(core / "python_stdlib.zip") as archive:
            archive.extractall(stdlib)
        for path in wheels:
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.namelist() if not _NOT_SHIPPED & set(m.split("/")[:-1])]
                archive.extractall(packages, members)
        _compile(core, [stdlib, packages])
        out.mkdir()
        _zip(stdlib, out / "python_stdlib.zip")
        _tar_gz(packages, out / "site-packages.tar.gz")
        for old in CACHE.glob("runtime-*"):
            shutil.rmtree(old)
        return _replace(out, target)


def _nnref_sources() -> list[Path]:
    files = [REPO / name for name in _WHEEL_SOURCES]
    files += sorted(p for p in (REPO / "nnref").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return files


def nnref_package() -> Path:
    """nnref's wheel, built from this checkout and byte-compiled like the rest, as a .tar.gz of
    its files (cached by the content of what it is built from)."""
    compiled = runtime()
    sources = _nnref_sources()
    digest = hashlib.sha256(COMPILER.read_bytes() + compiled.name.encode())
    for path in sources:
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    target = CACHE / f"nnref-{digest.hexdigest()[:16]}.tar.gz"
    if target.is_file():
        return target
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        work = Path(scratch)
        source, out, files = work / "source", work / "out", work / "files"
        for path in sources:
            copy = source / path.relative_to(REPO)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
        out.mkdir()
        build = "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])"
        _run([sys.executable, "-c", build, str(out)], "building nnref's wheel", cwd=source)
        (built,) = out.glob("nnref-*.whl")
        with zipfile.ZipFile(built) as archive:
            archive.extractall(files)
        _compile(pyodide_core(), [files], compiled / "python_stdlib.zip")
        _tar_gz(files, work / target.name)
        for old in CACHE.glob("nnref-*.tar.gz"):
            old.unlink()
        return _replace(work / target.name, target)


def _default_language_build(config: MkDocsConfig) -> bool:
    # mkdocs-static-i18n runs a whole build per language; the files go once into the site's root.
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "is_default_language_build", True))


_FILES: dict[str, Path] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    if not _default_language_build(config):
        return
    core, compiled, own = pyodide_core(), runtime(), nnref_package()
    names = {name: core / name for name in PYODIDE_FILES if name != "python_stdlib.zip"}
    names["python_stdlib.zip"] = compiled / "python_stdlib.zip"
    _FILES.clear()
    _FILES.update({f"{compiled.name}/{name}": path for name, path in names.items()})
    _FILES[f"{compiled.name}/site-packages.tar.gz"] = compiled / "site-packages.tar.gz"
    _FILES[own.name] = own


def manifest() -> dict[str, Any]:
    """What the worker loads (paths relative to assets/playground/), with byte counts."""
    (folder,) = {name.split("/")[0] for name in _FILES if "/" in name}
    return {
        "pyodide": f"{folder}/",
        "stdlib": f"{folder}/python_stdlib.zip",
        "packages": [name for name in _FILES if name.endswith(".tar.gz")],
        "bytes": {name: path.stat().st_size for name, path in _FILES.items()},
    }


def on_post_build(config: MkDocsConfig) -> None:
    if not _default_language_build(config):
        return
    if not _FILES:
        raise PluginError("playground: on_pre_build did not run")
    root = Path(config.site_dir) / SITE_FOLDER
    if root.exists():
        shutil.rmtree(root)
    for name, source in _FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, root / name)
    (root / "manifest.json").write_text(json.dumps(manifest(), indent=1) + "\n", encoding="utf-8")
