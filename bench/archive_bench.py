"""Side by side in one run: a cold single-issue build against calibre, an archive at --jobs 2,
its unchanged rebuild, and peak memory.  Prints a Markdown table of figures and ratios.

    .venv/bin/python bench/archive_bench.py [--runs 5] [--issues 24] [--big]

- cold build: ``rsbz-epub build`` of the seed issue, every format, in a fresh process and
  a fresh output folder, against ``ebook-convert issue.txt x.epub`` and ``… x.azw3``;
  the runs alternate (rsbz, calibre EPUB, calibre AZW3, rsbz, …) and medians are compared;
- archive: N issues (the rsbz examples with the masthead's issue number and date
  changed, so N distinct issues) built with ``--jobs 2`` into an empty folder: issue-editions
  per second; then the same command again with nothing changed (every issue skipped);
- peak memory: the largest resident set of any process of a run (``wait4``'s ru_maxrss);
- ``--big``: a ~5 MB issue (the seed's pages repeated) against calibre's EPUB.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"
RSBZ = [sys.executable, "-m", "rsbz_epub"]


def run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one command; output discarded, failure raised."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}\n{proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
    return seconds, usage.ru_maxrss // 1024


def archive_inputs(folder: Path, count: int) -> list[Path]:
    """``count`` distinct issues: the rsbz examples with issue number and date changed."""
    sources = sorted((ROOT / "examples").glob("rsbz-*.txt"))
    paths = []
    for n in range(count):
        text = sources[n % len(sources)].read_text(encoding="utf-8")
        number, month, day = 100 + n, 1 + n // 28 % 12, 1 + n % 28
        text = re.sub(r"\d{4}年\d{1,2}月\d{1,2}日 第\d+期", f"2022年{month}月{day}日 第{number}期", text, count=1)
        path = folder / f"rsbz-2022-{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def big_issue(path: Path, size: int) -> Path:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    head, body = "\n".join(lines[:8]), "\n".join(lines[8:]).replace("(下接三版)", "")
    parts, page = [head], 1
    while sum(len(p.encode()) for p in parts) < size:
        page += 1
        parts.append(f"\n\n=== 第{page}版 ===\n\n{body}")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--issues", type=int, default=24)
    parser.add_argument("--big", action="store_true", help="also a ~5 MB issue against calibre (about a minute)")
    args = parser.parse_args()
    calibre = shutil.which("ebook-convert")
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ours, cal_epub, cal_azw3, ours_mem = [], [], [], []
        for i in range(args.runs):
            s, mb = run([*RSBZ, "build", str(SEED), "-o", str(tmp / f"cold{i}")])
            ours.append(s)
            ours_mem.append(mb)
            if calibre:
                cal_epub.append(run([calibre, str(SEED), str(tmp / f"c{i}.epub")])[0])
                cal_azw3.append(run([calibre, str(SEED), str(tmp / f"c{i}.azw3")])[0])
        cold = statistics.median(ours)
        rows.append(("cold build of the seed, all formats (median)", f"{cold:.2f} s", ""))
        if calibre:
            e, a = statistics.median(cal_epub), statistics.median(cal_azw3)
            rows.append(("calibre `ebook-convert` → EPUB (median)", f"{e:.2f} s", f"ours / calibre = **{cold / e:.2f}**"))
            rows.append(("calibre `ebook-convert` → AZW3 (median)", f"{a:.2f} s", f"ours / calibre = **{cold / a:.2f}**"))
        rows.append(("peak memory, cold build", f"{max(ours_mem)} MB", ""))

        (tmp / "in").mkdir()
        inputs = archive_inputs(tmp / "in", args.issues)
        command = [*RSBZ, "build", *map(str, inputs), "-o", str(tmp / "archive"), "--jobs", "2"]
        first, first_mem = run(command)
        rebuild, _ = run(command)
        rows.append((f"archive: {args.issues} issues, all formats, `--jobs 2`", f"{first:.1f} s", f"{args.issues / first:.1f} issue-editions/s"))
        rows.append(("archive rebuilt unchanged (every issue skipped)", f"{rebuild:.2f} s", f"rebuild / first = **{rebuild / first:.2f}**"))
        rows.append(("peak memory, archive (largest process)", f"{first_mem} MB", ""))

        if args.big:
            big = big_issue(tmp / "big.txt", 5_000_000)
            size_mb = big.stat().st_size / 1e6
            s, mb = run([*RSBZ, "build", str(big), "-o", str(tmp / "big")])
            rows.append((f"{size_mb:.1f} MB issue, all formats", f"{s:.1f} s", f"peak {mb} MB = {mb / size_mb:.0f}× the input"))
            if calibre:
                c, _ = run([calibre, str(big), str(tmp / "big.epub")])
                rows.append((f"calibre → EPUB of the {size_mb:.1f} MB issue", f"{c:.1f} s", f"ours / calibre = **{s / c:.2f}**"))

    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} alternating runs\n")
    print("| measurement | value | ratio |\n|---|---:|---|")
    for name, value, ratio in rows:
        print(f"| {name} | {value} | {ratio} |")


if __name__ == "__main__":
    main()
