"""Time to the playground's first derivation, cold, against the prototype's way in the same run.

    python3 benchmarks/playground_start.py [--site SITE_DIR] [--runs 5]

Opens ``/en/playground/`` of a built site (``--site``; without it the site is built into a
temporary folder first) in Debian's chromium with an empty cache, and times the page from
navigation to the first derivation shown (the wikidocs example: Pyodide, SymPy, nnref, derive,
KaTeX). Then three more derivations on the open page (Derive clicked again).

The reference, measured in the same run and interleaved with it: the prototype of issue 12,
which took 14-20 s here. It loads the same Pyodide core with its own standard library (sources
only), PyPI's SymPy and mpmath wheels and nnref's sources through ``pyodide.loadPackage`` and
``unpackArchive``, and runs the same derivation (``nnref.playground.handle``), with no bytecode
compiled ahead. Printed: medians, the ratio page / reference, and when the page reached each
stage of its start (its root's ``data-stage``). Every request to another host is blocked.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from site_tools import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the suite's chromium settings)

PROTOTYPE = "14-20 s (issue 12's prototype on this machine)"

_REFERENCE_PAGE = """<!doctype html><meta charset="utf-8"><title>reference</title>
<script>
const worker = new Worker("worker.js", { type: "module" });
worker.onmessage = (event) => { document.title = event.data; };
</script>"""

_REFERENCE_WORKER = """
const here = new URL("./", import.meta.url).href;
const { loadPyodide } = await import(here + "core/pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: here + "core/" });
await pyodide.loadPackage([here + "%(sympy)s", here + "%(mpmath)s"]);
const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
pyodide.unpackArchive(new Uint8Array(await (await fetch(here + "nnref.zip")).arrayBuffer()), "zip",
                      { extractDir: site });
const handle = pyodide.pyimport("nnref.playground").handle;
const reply = JSON.parse(handle(JSON.stringify({ action: "derive", lang: "en", state: %(state)s })));
postMessage(reply.ok ? "done" : "failed");
"""


def _hook():
    spec = importlib.util.spec_from_file_location(
        "playground_hook", REPO / "docs" / "hooks" / "playground.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference(folder: Path) -> None:
    """The prototype's page: the npm core as it is, PyPI's wheels, nnref's sources."""
    sys.path.insert(0, str(REPO))
    import json

    from nnref.playground import page_config

    hook = _hook()
    shutil.copytree(hook.pyodide_core(), folder / "core")
    wheels = {name: hook.wheel(name) for name in hook.WHEELS}
    for path in wheels.values():
        shutil.copy(path, folder / path.name)
    with zipfile.ZipFile(folder / "nnref.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((REPO / "nnref").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(REPO).as_posix())
    (folder / "index.html").write_text(_REFERENCE_PAGE)
    (folder / "worker.js").write_text(
        _REFERENCE_WORKER
        % {
            "sympy": wheels["sympy"].name,
            "mpmath": wheels["mpmath"].name,
            "state": json.dumps(page_config("en")["example"]),
        }
    )


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


# Records when the page's data-stage changes (ms after navigation began), and when it derived.
_STAGES = """
window.nnrefStages = {};
new MutationObserver(() => {
  const root = document.getElementById("nnref-playground");
  if (root && root.dataset.stage && !(root.dataset.stage in window.nnrefStages)) {
    window.nnrefStages[root.dataset.stage] = performance.now();
  }
  if (root && root.dataset.state === "derived" && !("derived" in window.nnrefStages)) {
    window.nnrefStages.derived = performance.now();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-stage", "data-state"] });
"""
STAGES = ("downloading", "starting", "loading_sympy", "loading_nnref", "ready", "derived")


def _local_only(route) -> None:
    if urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        print(f"blocked a request to another host: {route.request.url}", flush=True)
        route.abort()


def _answered(page, count: int, timeout: float = 300_000) -> None:
    page.wait_for_function(
        f"Number(document.getElementById('nnref-playground').dataset.answered || 0) >= {count}",
        timeout=timeout,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            print("building the site ...", flush=True)
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                cwd=REPO,
                check=True,
                capture_output=True,
            )
        served = Path(scratch) / "served"
        shutil.copytree(site, served, symlinks=True)
        _reference(served / "reference")
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        first, again, reference = [], [], []
        stages: list[dict[str, float]] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for run in range(1, args.runs + 1):
                context = browser.new_context()  # an empty cache every time
                context.route("**/*", _local_only)
                context.add_init_script(_STAGES)
                page = context.new_page()
                start = time.perf_counter()
                page.goto(f"{base}/en/playground/")
                _answered(page, 1)
                first.append(time.perf_counter() - start)
                stages.append(page.evaluate("window.nnrefStages"))
                state = page.evaluate("document.getElementById('nnref-playground').dataset.state")
                if state != "derived":
                    raise SystemExit(f"the page did not derive: {state}")
                for count in (2, 3, 4):
                    start = time.perf_counter()
                    page.click("button[type=submit]")
                    _answered(page, count)
                    again.append(time.perf_counter() - start)
                context.close()
                context = browser.new_context()
                context.route("**/*", _local_only)
                page = context.new_page()
                start = time.perf_counter()
                page.goto(f"{base}/reference/index.html")
                page.wait_for_function("document.title !== 'reference'", timeout=600_000)
                reference.append(time.perf_counter() - start)
                if page.title() != "done":
                    raise SystemExit("the reference page did not derive")
                context.close()
                print(
                    f"run {run}: page {first[-1]:.2f} s, reference {reference[-1]:.2f} s, "
                    f"later derivations {', '.join(f'{t:.2f}' for t in again[-3:])} s",
                    flush=True,
                )
            browser.close()
        server.shutdown()
    page_median, reference_median = statistics.median(first), statistics.median(reference)
    print(
        f"\nfirst derivation after opening the page, cold cache (median of {args.runs}): {page_median:.2f} s"
    )
    print(f"reference, the prototype's way, same run (median of {args.runs}):      {reference_median:.2f} s")
    print(
        f"ratio page / reference: {page_median / reference_median:.2f}"
        f"  (prototype measured earlier: {PROTOTYPE})"
    )
    print(f"later derivations on the open page (median of {len(again)}): {statistics.median(again):.2f} s")
    reached = "  ".join(
        f"{name} {statistics.median(run[name] for run in stages) / 1000:.2f}"
        for name in STAGES
        if all(name in run for run in stages)
    )
    print(f"the page's stages, s after navigation began (medians): {reached}")


if __name__ == "__main__":
    main()
