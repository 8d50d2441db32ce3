"""What a first visit to a page of the built site costs, measured in headless Chromium.

The site is served from the root of http://127.0.0.1:<free port>/; each page is opened in a new
browser context (an empty cache: a first visit), with every request to another host blocked
and counted. For every page it prints:

- requests: every request the page made until the network was idle, without scrolling
  (``404`` and ``blocked`` count those that failed and those that tried another host);
- raw and gzipped size: the bytes of every file loaded, and ``gzip -6`` of each of them summed
  (what a host that compresses would send), with the HTML of the page itself apart;
- after load: the gzipped bytes requested after the load event (loaded lazily, blocking nothing);
- time to DOMContentLoaded and to the first contentful paint (median of ``--repeat`` visits).

Every figure has a ratio to a reference measured in the same run: the same page of another
built site given with ``--baseline`` (a build from before a change), or else the glossary page
(math, no diagram, no notebook).

The budgets of issue 15 are printed next to the sizes: a chapter <= 300 KiB gzipped on a
first visit, a notebook page's HTML <= 200 KiB. Failed requests are listed by URL.

Run: ``python benchmarks/page_weight.py`` (builds the site strictly into a temporary folder
first) or ``python benchmarks/page_weight.py --site site`` to measure a built copy;
``--all`` measures every page of both languages, ``--files`` lists each page's files,
``--cpu-throttle 4`` slows the CPU 4x (about a phone).
Needs Debian's chromium (/usr/bin/chromium) and the playwright package (no browser download).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
# The tests' static host (404.html for missing files) and their chromium settings.
from site_tools import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    serve_site,
)

# The pages of the issue's table: a chapter with a diagram, the worked-example notebook, home.
DEFAULT_PAGES = ("chapters/backprop/", "notebooks/backprop-worked-example/", "")
REFERENCE_PAGE = "glossary/"
CHAPTER_BUDGET_KIB = 300  # gzipped, everything a first visit loads
NOTEBOOK_HTML_BUDGET_KIB = 200  # raw HTML of a notebook page
KIB = 1024

_TIMES_JS = """
() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fcp: paint ? paint.startTime : null};
}
"""


@dataclass
class Visit:
    """One first visit: the files it loaded and what failed."""

    requests: int = 0
    raw: int = 0
    gzipped: int = 0
    html_raw: int = 0
    after_load_gzipped: int = 0
    files: list[tuple[str, int, int]] = field(default_factory=list)  # (url, raw, gzipped)
    failed: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dcl_ms: float = 0.0
    fcp_ms: float | None = None


def visit(browser, url: str, cpu_throttle: float) -> Visit:
    """Open ``url`` in a fresh context, wait until the network is idle, and account every file."""
    result = Visit()
    loaded = threading.Event()
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def guard(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            result.blocked.append(route.request.url)
            route.abort()

    def finished(request) -> None:
        response = request.response()
        if response is None:
            return
        if response.status >= 400:
            result.failed.append(f"HTTP {response.status} {request.url}")
        body = response.body()
        packed = len(gzip.compress(body, compresslevel=6))
        result.files.append((request.url, len(body), packed))
        result.raw += len(body)
        result.gzipped += packed
        if loaded.is_set():
            result.after_load_gzipped += packed
        if request.url == url:
            result.html_raw = len(body)

    def counted(_request) -> None:
        result.requests += 1

    context.route("**/*", guard)
    try:
        page = context.new_page()
        if cpu_throttle > 1:
            session = context.new_cdp_session(page)
            session.send("Emulation.setCPUThrottlingRate", {"rate": cpu_throttle})
        page.on("request", counted)
        page.on("requestfinished", finished)
        page.on("requestfailed", lambda r: result.failed.append(f"{r.failure} {r.url}"))
        page.on("load", lambda: loaded.set())
        # Generous: a throttled CPU on a shared machine can take far longer than Playwright's 30 s.
        page.goto(url, wait_until="load", timeout=180_000)
        page.wait_for_load_state("networkidle", timeout=180_000)
        times = page.evaluate(_TIMES_JS)
        result.dcl_ms, result.fcp_ms = times["dcl"], times["fcp"]
        page.close()
    finally:
        context.close()
    return result


@dataclass
class Measured:
    path: str
    visit: Visit
    dcl_ms: float
    fcp_ms: float | None


def measure(browser, base: str, path: str, repeat: int, cpu_throttle: float) -> Measured:
    """Sizes of the first visit, times as the median of ``repeat`` first visits."""
    visits = [visit(browser, f"{base}/{path}", cpu_throttle) for _ in range(repeat)]
    paints = [v.fcp_ms for v in visits if v.fcp_ms is not None]
    return Measured(
        path,
        visits[0],
        statistics.median(v.dcl_ms for v in visits),
        statistics.median(paints) if paints else None,
    )


def built_pages(site: Path) -> list[str]:
    """Every page of both languages, as site paths ("" is the Korean home page)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.split("/")[0] in {"assets", "search"}:
            continue
        pages.append("" if relative == "." else f"{relative}/")
    return pages


def build(site: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    print("+", " ".join(command), file=sys.stderr)
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)


def _budget(path: str, row: Measured) -> str:
    if path.startswith(("chapters/", "en/chapters/")):
        gz = row.visit.gzipped / KIB
        return f"{'ok' if gz <= CHAPTER_BUDGET_KIB else 'OVER'} (<= {CHAPTER_BUDGET_KIB} KiB gz)"
    if "notebooks/" in path:
        html = row.visit.html_raw / KIB
        return (
            f"{'ok' if html <= NOTEBOOK_HTML_BUDGET_KIB else 'OVER'} (HTML <= {NOTEBOOK_HTML_BUDGET_KIB} KiB)"
        )
    return ""


def _ratio(value: float | None, reference: float | None) -> str:
    return f"{value / reference:6.2f}" if value and reference else f"{'-':>6}"


def report(rows: list[Measured], references: list[Measured], reference_name: str, files: bool) -> None:
    header = (
        f"{'page':<40} {'req':>4} {'404':>4} {'blk':>4} {'raw KiB':>8} {'gz KiB':>7} {'x ref':>6}"
        f" {'HTML KiB':>8} {'gz after load':>13} {'DCL ms':>7} {'x ref':>6} {'FCP ms':>7} {'x ref':>6}"
        "  budget"
    )
    print(header)
    print("-" * len(header))
    for row, ref in zip(rows, references, strict=True):
        v = row.visit
        fcp = f"{row.fcp_ms:7.0f}" if row.fcp_ms is not None else f"{'-':>7}"
        print(
            f"{'/' + row.path:<40} {v.requests:>4} {len(v.failed):>4} {len(v.blocked):>4}"
            f" {v.raw / KIB:>8.0f} {v.gzipped / KIB:>7.0f} {_ratio(v.gzipped, ref.visit.gzipped)}"
            f" {v.html_raw / KIB:>8.0f} {v.after_load_gzipped / KIB:>13.0f}"
            f" {row.dcl_ms:>7.0f} {_ratio(row.dcl_ms, ref.dcl_ms)} {fcp} {_ratio(row.fcp_ms, ref.fcp_ms)}"
            f"  {_budget(row.path, row)}"
        )
    print(f"(x ref: against {reference_name}, measured in the same run)")
    for row in rows:
        for problem in row.visit.failed + [f"blocked {url}" for url in row.visit.blocked]:
            print(f"  /{row.path}: {problem}")
        if files:
            print(f"  /{row.path}: files of the first visit (raw KiB, gzipped KiB)")
            for url, raw, packed in sorted(row.visit.files, key=lambda f: -f[2]):
                print(f"    {raw / KIB:8.1f} {packed / KIB:8.1f}  {urlsplit(url).path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one now)")
    parser.add_argument(
        "pages", nargs="*", help=f"site paths (default: {', '.join(map(repr, DEFAULT_PAGES))})"
    )
    parser.add_argument("--all", action="store_true", help="every page of both languages")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another built site (e.g. before a change): the same pages there are the reference",
    )
    parser.add_argument("--files", action="store_true", help="list every file each page loaded")
    parser.add_argument("--repeat", type=int, default=3, help="visits per page for the times (default: 3)")
    parser.add_argument("--cpu-throttle", type=float, default=1.0, help="CPU slowdown factor (default: 1)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            build(site)
        pages = built_pages(site) if args.all else (args.pages or list(DEFAULT_PAGES))
        with serve_site(site) as base, serve_site(args.baseline or site) as baseline, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                rows, references = [], []
                reference = None
                for path in pages:
                    # Interleaved, so that the machine's load weighs on both alike.
                    if args.baseline is not None:
                        references.append(measure(browser, baseline, path, args.repeat, args.cpu_throttle))
                    elif reference is None:
                        reference = measure(browser, base, REFERENCE_PAGE, args.repeat, args.cpu_throttle)
                    rows.append(measure(browser, base, path, args.repeat, args.cpu_throttle))
            finally:
                browser.close()
    if args.baseline is not None:
        name = f"the same page of {args.baseline}"
    else:
        references = [reference] * len(rows)
        name = f"/{REFERENCE_PAGE} (a page with math and no diagram or notebook)"
    report(rows, references, name, args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
