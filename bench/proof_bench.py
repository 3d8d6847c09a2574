"""How fast the proof page of a 50-page archive issue (about 1 MB of text) opens in Chromium.

Usage:  .venv/bin/python bench/proof_bench.py [--size-mb 1] [--pages 50] [--repeat 5] [--keep DIR]

Builds the synthetic archive issue of bench/archive_issue.py, writes its proof page,
then opens it ``--repeat`` times in Debian's chromium (Playwright, headless, a fresh
page each time) and reports, per run, the navigation timing up to the load event
and the time until the first frame is painted after it (the page is usable then).
The target is under 2 s for the second figure.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive_issue import archive_issue  # noqa: E402

from rsbz_epub.options import BuildOptions  # noqa: E402
from rsbz_epub.proof import build_proof  # noqa: E402

NEWLINE = b"\n"
#: Milliseconds from navigation start to the first frame painted after the load event.
_READY = """() => new Promise(r => requestAnimationFrame(() => setTimeout(() => r({
  load: performance.getEntriesByType('navigation')[0].loadEventEnd,
  dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  ready: performance.now(),
}), 0)))"""


def open_times(path: Path, repeat: int, width: int = 1280) -> list[dict[str, float]]:
    """Open ``path`` ``repeat`` times in headless Chromium; the timings of each run in ms."""
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": width, "height": 900})
            start = time.perf_counter()
            page.goto(path.resolve().as_uri(), wait_until="load")
            timing = page.evaluate(_READY)
            timing["wall"] = (time.perf_counter() - start) * 1000
            runs.append(timing)
            page.close()
        browser.close()
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also keep the issue and its proof page in this folder")
    args = parser.parse_args(argv)

    text = archive_issue(args.size_mb, args.pages).encode("utf-8")
    t0 = time.perf_counter()
    page = build_proof(text, BuildOptions(), "archive.txt")
    build_s = time.perf_counter() - t0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="proof-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "archive.txt").write_bytes(text)
    html = folder / "archive.proof.html"
    html.write_bytes(page)
    print(f"issue: {len(text) / 1e6:.2f} MB, {text.count(NEWLINE)} lines; proof page {len(page) / 1e6:.2f} MB, written in {build_s:.1f} s")
    runs = open_times(html, args.repeat)
    for i, r in enumerate(runs, 1):
        print(f"run {i}: DOMContentLoaded {r['dcl']:.0f} ms, load {r['load']:.0f} ms, first frame after load {r['ready']:.0f} ms (wall {r['wall']:.0f} ms)")
    print(f"median first frame after load: {statistics.median(r['ready'] for r in runs):.0f} ms (target < 2000 ms)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
