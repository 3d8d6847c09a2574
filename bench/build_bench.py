"""Build speed and book structure, as ratios against baselines measured in the same run.

    .venv/bin/python bench/build_bench.py [--repeat 5] [--json]

Per example issue it reports:
- the in-process time of each pipeline stage (read+stitch, render, each writer)
  relative to reading alone — where a build spends its time;
- the whole `rsbz-epub build` command (all four formats) against calibre's
  `ebook-convert issue.txt issue.epub` and pandoc's `pandoc issue.txt -o
  issue.epub` (one EPUB each), when those are installed — wall time of a
  process each, median of --repeat runs;
- structure: articles found (h1 in article documents) and TOC entries, ours
  against calibre's and pandoc's EPUBs of the same text.
Tools that are not installed are reported as "n/a". Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rsbz_epub.bundle import prepare_issue  # noqa: E402
from rsbz_epub.identity import build_time  # noqa: E402
from rsbz_epub.inputs import load_publication  # noqa: E402
from rsbz_epub.options import BuildOptions, ReadOptions  # noqa: E402
from rsbz_epub.render.xhtml import render_book  # noqa: E402
from rsbz_epub.writers.azw3 import write_azw3  # noqa: E402
from rsbz_epub.writers.cover import make_cover  # noqa: E402
from rsbz_epub.writers.epub import write_epub  # noqa: E402
from rsbz_epub.writers.kepub import write_kepub  # noqa: E402
from rsbz_epub.writers.kindle_epub import write_kindle_epub  # noqa: E402

XHTML = "{http://www.w3.org/1999/xhtml}"


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _config(example: Path) -> Path | None:
    cfg = example.with_name(example.name.split("-")[0] + ".toml")
    return cfg if cfg.exists() else None


def stages(example: Path, repeat: int) -> dict[str, float]:
    """Median seconds of each in-process stage."""
    data = example.read_bytes()
    options = BuildOptions(read=ReadOptions(publication=load_publication(_config(example))))
    pub = options.read.publication
    issue = prepare_issue(data, options)
    cover = make_cover(issue.meta, pub)
    when = build_time(issue.meta)

    def render(target: str):
        return render_book(issue, publication=pub, target=target, cover_jpeg=cover, build_time=when)

    book, kbook = render("epub"), render("kindle")
    out: dict[str, float] = {
        "read+stitch": _median(lambda: prepare_issue(data, options), repeat),
        "cover": _median(lambda: make_cover(issue.meta, pub), repeat),
        "render (both targets)": _median(lambda: (render("epub"), render("kindle")), repeat),
    }
    for name, write, target in (
        ("epub", write_epub, book),
        ("kindle epub", write_kindle_epub, kbook),
        ("azw3", write_azw3, kbook),
        ("kepub", write_kepub, book),
    ):
        out[name] = _median(lambda w=write, b=target: w(b, io.BytesIO()), repeat)
    return out


def _run(cmd: list[str], repeat: int) -> float | None:
    try:
        return _median(lambda: subprocess.run(cmd, check=True, capture_output=True, timeout=600), repeat)
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return None


def _structure(epub: Path) -> tuple[int, int]:
    """(h1 headings in content documents, TOC entries in the NCX) of any EPUB."""
    h1 = toc = 0
    with zipfile.ZipFile(epub) as zf:
        for name in zf.namelist():
            if name.endswith((".xhtml", ".html", ".htm")) and "nav" not in name.rsplit("/", 1)[-1]:
                root = etree.fromstring(zf.read(name), etree.XMLParser(recover=True))
                if root is not None:
                    h1 += len(root.findall(f".//{XHTML}h1")) + len(root.findall(".//h1"))
            elif name.endswith(".ncx"):
                toc = zf.read(name).count(b"<navPoint")
    return h1, toc


def commands(example: Path, repeat: int, tmp: Path) -> dict[str, dict[str, object]]:
    """Whole-process times and structure for rsbz-epub and the baselines."""
    rsbz = [str(Path(sys.executable).with_name("rsbz-epub")), "build", str(example), "-o", str(tmp / "rsbz")]
    if (cfg := _config(example)) is not None:
        rsbz += ["--config", str(cfg)]
    tools = {
        "rsbz-epub (4 formats)": (rsbz, None),
        "calibre ebook-convert (1 epub)": (["ebook-convert", str(example), str(tmp / "calibre.epub")], tmp / "calibre.epub"),
        "pandoc (1 epub)": (["pandoc", "-f", "markdown", str(example), "-o", str(tmp / "pandoc.epub")], tmp / "pandoc.epub"),
    }
    results: dict[str, dict[str, object]] = {}
    for name, (cmd, epub) in tools.items():
        if shutil.which(cmd[0]) is None and not Path(cmd[0]).exists():
            results[name] = {"seconds": None}
            continue
        seconds = _run(cmd, repeat)
        if epub is None:
            built = next((tmp / "rsbz").glob("*/*[0-9].epub"), None)
            epub = built
        h1, toc = _structure(epub) if seconds is not None and epub and epub.exists() else (None, None)
        results[name] = {"seconds": seconds, "h1": h1, "toc_entries": toc}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = {}
    for example in sorted((ROOT / "examples").glob("*.txt")):
        with tempfile.TemporaryDirectory() as tmp:
            report[example.name] = {
                "stages": stages(example, args.repeat),
                "commands": commands(example, max(1, args.repeat // 2), Path(tmp)),
            }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for name, rep in report.items():
        base = rep["stages"]["read+stitch"]
        print(f"\n{name}")
        print("  stage                     ms     × read+stitch")
        for stage, secs in rep["stages"].items():
            print(f"  {stage:<24}{secs * 1000:7.1f}   {secs / base:6.1f}")
        ours = rep["commands"]["rsbz-epub (4 formats)"]["seconds"]
        print("  command                              s      ours/theirs   h1   toc")
        for tool, res in rep["commands"].items():
            secs = res["seconds"]
            if secs is None:
                print(f"  {tool:<34}   n/a (not installed)")
                continue
            ratio = f"{ours / secs:8.2f}" if ours else "     n/a"
            print(f"  {tool:<34}{secs:6.2f}  {ratio}      {res['h1']!s:>4}  {res['toc_entries']!s:>4}")


if __name__ == "__main__":
    main()
